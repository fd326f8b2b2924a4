"""End-to-end tests of `danvan progress` on the bundled sample and on broken inputs."""
import json
import os
import pathlib
import subprocess
import sys

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
PROGRESS = ROOT / "data/progress/phu-yen-2020-progress.json"
REPORTS = ROOT / "data/progress/phu-yen-2020-reports.json"
PLAN = ROOT / "data/plans/phu-yen-2020-nam-dan-van-kheo.json"

# The headless-Chromium rendering tests live in tests/html/; importing them here lets the
# ctest `cli` test (pytest on tests/cli) run them.
sys.path.insert(0, str(ROOT / "tests/html"))
from test_progress_html import (  # noqa: E402,F401
    test_html_exemplar_chart_renders_in_chromium, test_html_report_renders_in_chromium,
    test_html_report_screenshot_is_not_blank)


def run(*args, stdin=None):
    p = subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, text=True,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def test_sample_files_are_labelled_as_sample():
    for path in (PROGRESS, REPORTS):
        doc = json.loads(path.read_text("utf-8"))
        assert doc["sample"] is True
        assert doc["note"].startswith("SAMPLE DATA / DỮ LIỆU MẪU")


def test_sample_generator_is_deterministic(tmp_path):
    script = ROOT / "scripts/gen_sample_reports.py"
    p = subprocess.run(["/usr/bin/python3", script, tmp_path], capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    for name in ("phu-yen-2020-progress.json", "phu-yen-2020-reports.json"):
        assert (tmp_path / "data/progress" / name).read_bytes() == \
            (ROOT / "data/progress" / name).read_bytes()


def test_text_report_of_the_sample():
    code, out, err = run("progress", PROGRESS, REPORTS, "--as-of", "2021-01-10", "--plan", PLAN)
    assert (code, err) == (0, "")
    assert "DỮ LIỆU MẪU" in out
    assert "Kỳ báo cáo: năm 2020 (2020)" in out
    # Huyện Đông Hòa reported April and May, thị xã Đông Hòa June..December.
    lines = out.splitlines()
    huyen = next(line for line in lines if line.startswith("  Huyện Đông Hòa | "))
    thi_xa = next(line for line in lines if line.startswith("  Thị xã Đông Hòa | "))
    assert huyen.split(" | ")[1] == "2"
    assert thi_xa.split(" | ")[1] == "7"
    root = next(line for line in lines if line.startswith("Tỉnh Phú Yên | "))
    assert root.split(" | ")[1] == "99"  # 2 agencies x 9 + 8 districts x 9 + 2 + 7


def test_csv_for_excel():
    code, out, _ = run("progress", PROGRESS, REPORTS, "--as-of", "2021-01-10", "--format", "csv",
                       "--unit", "d564-20200601")
    assert code == 0
    raw = subprocess.run([CLI, "progress", PROGRESS, REPORTS, "--as-of", "2021-01-10", "--format",
                          "csv", "--unit", "d564-20200601"], capture_output=True, timeout=60).stdout
    assert raw.startswith(b"\xef\xbb\xbfsection,period,unit_id,unit,")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode("utf-8-sig")
    assert "completeness,2020,d564-20200601,Thị xã Đông Hòa,0,,,7," in text


def test_markdown_quarter_and_unit():
    code, out, _ = run("progress", PROGRESS, REPORTS, "--as-of", "2020-08-01", "--period",
                       "2020Q3", "--unit", "d555", "--format", "markdown")
    assert code == 0
    assert out.startswith("# Báo cáo tiến độ thực hiện kế hoạch phu-yen-2020-nam-dan-van-kheo\n")
    assert "| Thành phố Tuy Hoà | 3 |" in out
    assert "Kỳ báo cáo: quý III/2020 (2020Q3)" in out


def test_usage_errors():
    code, out, err = run("progress", PROGRESS, REPORTS, "--format", "pdf")
    assert (code, out) == (2, "")
    assert err == ('danvan progress: unknown format "pdf"; expected one of text, markdown, html, csv\n'
                   "(see 'danvan progress --help')\n")
    code, _, err = run("progress", PROGRESS, REPORTS, "--as-of", "31/02/2021")
    assert code == 2
    assert err.startswith("danvan progress: --as-of: cannot parse \"31/02/2021\"")
    code, _, err = run("progress", PROGRESS)
    assert code == 2
    code, _, err = run("progress", PROGRESS, REPORTS, "--unit", "xa-khong-co", "--as-of",
                       "2021-01-10")
    assert (code, err) == (1, 'danvan progress: unknown unit "xa-khong-co"\n')
    code, _, err = run("progress", PROGRESS, REPORTS, "--period", "202004", "--as-of",
                       "2021-01-10", "--plan", ROOT / "data/instruments/catalogue.json")
    assert code == 1
    assert err.startswith(f'danvan progress: --plan {ROOT / "data/instruments/catalogue.json"}: '
                          '/schema: expected "danvan/plan", got '
                          '"danvan/instruments"')


def test_bad_report_file_names_every_problem(tmp_path):
    doc = json.loads(REPORTS.read_text("utf-8"))
    doc["reports"][0]["values"][0]["value"] = "ba"
    doc["reports"][1]["period"] = "2020Q2"
    doc["reports"][2]["unit"] = "py-khong-co"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    code, out, err = run("progress", PROGRESS, bad, "--as-of", "2021-01-10")
    assert (code, out) == (1, "")
    assert err == (f'danvan progress: {bad}: /reports/0/values/0/value: indicator "doi-thoai" '
                   'measures count: expected a number (and 2 more problems)\n')
    bad.write_text(REPORTS.read_text("utf-8")[:500], "utf-8")
    code, _, err = run("progress", PROGRESS, bad)
    assert code == 1
    assert err.startswith(f"danvan progress: {bad}: (document): invalid JSON: parse error at line 14, "
                          "column 27: ")


def test_plan_mismatch_and_missing_file(tmp_path):
    doc = json.loads(PROGRESS.read_text("utf-8"))
    doc["activities"][0]["task_area"] = 6
    other = tmp_path / "p.json"
    other.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    code, _, err = run("progress", other, REPORTS, "--plan", PLAN, "--as-of", "2021-01-10")
    assert (code, err) == (1, 'danvan progress: activity "ban-hanh-ke-hoach" refers to task area '
                              '6; the plan has 5\n')
    code, _, err = run("progress", tmp_path / "nope.json", REPORTS)
    assert (code, err) == (1, f"danvan progress: {tmp_path / 'nope.json'}: No such file or "
                              "directory\n")


# --- exemplar statistics from a registry (--registry) -----------------------------------------

REGISTRY = ROOT / "data/registry/sample-registry.json"
UNITS = ROOT / "data/units/phu-yen.json"


def registry_counts(year, as_of, root):
    """Registered and recognised counts of the year, computed here from the registry file."""
    doc = json.loads(REGISTRY.read_text("utf-8"))
    parent = {u["id"]: u["parent"] for u in doc["units"]}

    def under(uid):
        while uid is not None:
            if uid == root:
                return True
            uid = parent[uid]
        return False

    registered = recognised = 0
    for e in doc["entries"]:
        if not under(e["unit"]):
            continue
        dates = [(ev["type"], ev["date"]) for ev in e["events"] if ev["date"] <= as_of]
        registered += any(t == "registered" and d.startswith(str(year)) for t, d in dates)
        recognised += any(t == "recognised" and d.startswith(str(year)) for t, d in dates)
    return registered, recognised


def test_registry_statistics_in_text_markdown_html_and_csv():
    base = ("progress", PROGRESS, REPORTS, "--as-of", "2021-01-10")
    code, plain, err = run(*base)
    assert (code, err) == (0, "")
    code, out, err = run(*base, "--registry", REGISTRY)
    assert (code, err) == (0, "")
    assert out.startswith(plain)
    assert out.endswith("\n\n")
    extra = out[len(plain):].splitlines()[:-1]
    assert extra[0] == '4. Mô hình, điển hình "Dân vận khéo" năm 2020'
    assert extra[2].startswith("Theo sổ theo dõi điển hình, mô hình; tính đến ngày 10/01/2021; "
                               "đơn vị: Tỉnh Phú Yên và các đơn vị trực thuộc.")
    assert extra[3] == ("Lĩnh vực | Đăng ký | Công nhận | Còn hiệu quả | Biểu dương, khen "
                        "thưởng | Nhân rộng")
    total = extra[-1].split(" | ")
    assert total[0] == "Tổng cộng"
    registered, recognised = registry_counts(2020, "2021-01-10", "p54")
    assert total[1].split(" ")[0] == str(registered)
    assert total[2].split(" ")[0] == str(recognised)
    prev_registered, prev_recognised = registry_counts(2019, "2020-01-10", "p54")
    change = registered - prev_registered
    assert total[1] == f"{registered} ({'+' if change > 0 else ''}{change if change else '±0'})"

    code, md, _ = run(*base, "--registry", REGISTRY, "--format", "markdown")
    assert code == 0
    assert '## 4. Mô hình, điển hình "Dân vận khéo" năm 2020\n' in md
    assert f"| **Tổng cộng** | {total[1]} | {total[2]} |" in md

    code, html, _ = run(*base, "--registry", REGISTRY, "--format", "html")
    assert code == 0
    assert '<svg class="chart exemplars"' in html
    assert f"<tr><th>Tổng cộng</th><td>{total[1]}</td><td>{total[2]}</td>" in html

    raw = subprocess.run([CLI, *map(str, base), "--registry", str(REGISTRY), "--format", "csv"],
                         capture_output=True, timeout=60).stdout
    rows = [line.split(",") for line in raw.decode("utf-8-sig").split("\r\n") if line]
    ex = {(r[1], r[5]): r[13] for r in rows if r[0] == "exemplars"}
    assert ex[("2020", "total/registered")] == str(registered)
    assert ex[("2020", "total/recognised")] == str(recognised)
    assert ex[("2019", "total/registered")] == str(prev_registered)
    assert ex[("2019", "total/recognised")] == str(prev_recognised)
    assert all(r[2] == "p54" for r in rows if r[0] == "exemplars")


def test_registry_statistics_of_a_unit_subtree():
    code, out, err = run("progress", PROGRESS, REPORTS, "--as-of", "2020-08-01", "--period",
                         "2020Q2", "--unit", "d555", "--registry", REGISTRY)
    assert (code, err) == (0, "")
    registered, recognised = registry_counts(2020, "2020-08-01", "d555")
    total = out.splitlines()[-2].split(" | ")
    assert total[0] == "Tổng cộng"
    assert (total[1].split(" ")[0], total[2].split(" ")[0]) == (str(registered), str(recognised))
    assert "tính đến ngày 01/08/2020; đơn vị: Thành phố Tuy Hoà và các đơn vị trực thuộc." in out


def test_registry_missing_malformed_or_with_other_units(tmp_path):
    base = ("progress", PROGRESS, REPORTS, "--as-of", "2021-01-10")
    code, out, err = run(*base, "--registry", tmp_path / "nope.json")
    assert (code, out, err) == (1, "", f"danvan progress: {tmp_path / 'nope.json'}: No such file "
                                       "or directory\n")
    bad = tmp_path / "bad.json"
    bad.write_text(REGISTRY.read_text("utf-8")[:300], "utf-8")
    code, out, err = run(*base, "--registry", bad)
    assert (code, out) == (1, "")
    assert err.startswith(f"danvan progress: --registry {bad}: (document): invalid JSON: parse "
                          "error at line ")
    doc = json.loads(REGISTRY.read_text("utf-8"))
    doc["entries"][0]["kind"] = "hero"
    bad.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    code, _, err = run(*base, "--registry", bad)
    assert err.startswith(f"danvan progress: --registry {bad}: /entries/0/kind: unknown entry "
                          'kind "hero"; expected ')
    assert code == 1
    # A progress plan for units the registry does not hold: a provincial agency's subtree.
    code, out, err = run(*base, "--unit", "py-so-noi-vu", "--registry", REGISTRY)
    assert (code, out) == (1, "")
    assert err == (f'danvan progress: --registry {REGISTRY}: the registry has no unit '
                   '"py-so-noi-vu" (Sở Nội vụ tỉnh Phú Yên); its units do not match those of the '
                   "progress plan\n")
    # Same id, another unit.
    doc = json.loads(REGISTRY.read_text("utf-8"))
    for u in doc["units"]:
        if u["id"] == "p54":
            u["name"] = "Tỉnh Khác"
    other = tmp_path / "other.json"
    other.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    code, _, err = run(*base, "--registry", other)
    assert (code, err) == (1, f'danvan progress: --registry {other}: unit "p54" is "Tỉnh Phú '
                              'Yên" in the progress plan but "Tỉnh Khác" in the registry; its '
                              "units do not match those of the progress plan\n")


# --- a unit hierarchy from a danvan/units document (--units) -----------------------------------

def without_agencies(tmp_path):
    """The sample without the two provincial agencies, which data/units/phu-yen.json lacks."""
    agencies = {"py-so-noi-vu", "py-thanh-tra"}
    doc = json.loads(PROGRESS.read_text("utf-8"))
    doc["scope"] = [u for u in doc["scope"] if u not in agencies]
    doc["units"] = [u for u in doc["units"] if u["id"] not in agencies]
    for a in doc["activities"]:
        a["responsible_units"] = ["p54" if u in agencies else u
                                  for u in a["responsible_units"]]
        a["participating_units"] = [u for u in a["participating_units"] if u not in agencies]
    # The embedded name differs from the units file: the file's name must win.
    for u in doc["units"]:
        if u["id"] == "d555":
            u["name"] = "TP. Tuy Hòa (tên cũ trong kế hoạch)"
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    reports = json.loads(REPORTS.read_text("utf-8"))
    reports["reports"] = [r for r in reports["reports"] if r["unit"] not in agencies]
    batch = tmp_path / "reports.json"
    batch.write_text(json.dumps(reports, ensure_ascii=False), "utf-8")
    return plan, batch, reports


def test_units_from_a_units_document(tmp_path):
    plan, batch, _ = without_agencies(tmp_path)
    code, out, err = run("progress", plan, batch, "--as-of", "2021-01-10", "--units", UNITS)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    root = next(line for line in lines if line.startswith("Tỉnh Phú Yên | "))
    assert root.split(" | ")[1] == "81"  # 8 districts x 9 + 2 + 7
    assert any(line.startswith("  Thành phố Tuy Hoà | 9 | ") for line in lines)
    assert "tên cũ" not in out
    # Without --units the embedded name is used.
    _, out, _ = run("progress", plan, batch, "--as-of", "2021-01-10")
    assert any(line.startswith("  TP. Tuy Hòa (tên cũ trong kế hoạch) | 9 | ") for line in
               out.splitlines())


def test_units_document_errors(tmp_path):
    plan, batch, reports = without_agencies(tmp_path)
    # A report by a unit the hierarchy does not know.
    reports["reports"][3]["unit"] = "py-so-noi-vu"
    bad = tmp_path / "bad-reports.json"
    bad.write_text(json.dumps(reports, ensure_ascii=False), "utf-8")
    code, out, err = run("progress", plan, bad, "--as-of", "2021-01-10", "--units", UNITS)
    assert (code, out) == (1, "")
    assert err == (f'danvan progress: {bad}: /reports/3/unit: unknown unit "py-so-noi-vu" '
                   f"(units are those of --units {UNITS})\n")
    # The sample plan itself names the agencies.
    code, _, err = run("progress", PROGRESS, REPORTS, "--units", UNITS)
    assert (code, err) == (1, f'danvan progress: {PROGRESS}: /scope/0: unknown unit '
                              f'"py-so-noi-vu" (and 7 more problems) (units are those of --units '
                              f"{UNITS})\n")
    # The units file itself: missing, malformed, not a units document.
    code, _, err = run("progress", plan, batch, "--units", tmp_path / "nope.json")
    assert (code, err) == (1, f"danvan progress: {tmp_path / 'nope.json'}: No such file or "
                              "directory\n")
    broken = tmp_path / "units.json"
    broken.write_text('{"schema": "danvan/units", "version": 1, "units": [', "utf-8")
    code, _, err = run("progress", plan, batch, "--units", broken)
    assert code == 1
    assert err.startswith(f"danvan progress: --units {broken}: (document): invalid JSON: ")
    code, _, err = run("progress", plan, batch, "--units", REGISTRY)
    assert (code, err[:len(f"danvan progress: --units {REGISTRY}: /schema: ")]) == (
        1, f"danvan progress: --units {REGISTRY}: /schema: ")
    # Other problems of the documents are reported as without --units, with the file named.
    doc = json.loads(plan.read_text("utf-8"))
    doc["schedule"]["days_after_period_end"] = -1
    plan.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    code, _, err = run("progress", plan, batch, "--units", UNITS)
    assert code == 1
    assert err.startswith(f"danvan progress: {plan}: /schedule/days_after_period_end: ")
