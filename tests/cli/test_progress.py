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
    test_html_report_renders_in_chromium, test_html_report_screenshot_is_not_blank)


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
                       "--unit", "py-dong-hoa")
    assert code == 0
    raw = subprocess.run([CLI, "progress", PROGRESS, REPORTS, "--as-of", "2021-01-10", "--format",
                          "csv", "--unit", "py-dong-hoa"], capture_output=True, timeout=60).stdout
    assert raw.startswith(b"\xef\xbb\xbfsection,period,unit_id,unit,")
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode("utf-8-sig")
    assert "completeness,2020,py-dong-hoa,Thị xã Đông Hòa,0,,,7," in text


def test_markdown_quarter_and_unit():
    code, out, _ = run("progress", PROGRESS, REPORTS, "--as-of", "2020-08-01", "--period",
                       "2020Q3", "--unit", "py-tuy-hoa", "--format", "markdown")
    assert code == 0
    assert out.startswith("# Báo cáo tiến độ thực hiện kế hoạch phu-yen-2020-nam-dan-van-kheo\n")
    assert "| Thành phố Tuy Hòa | 3 |" in out
    assert "Kỳ báo cáo: quý III/2020 (2020Q3)" in out


def test_usage_errors():
    code, out, err = run("progress", PROGRESS, REPORTS, "--format", "pdf")
    assert (code, out) == (2, "")
    assert err == ('danvan progress: unknown format "pdf"; expected text, markdown, html or csv\n'
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
    assert err.startswith('danvan progress: /schema: expected "danvan/plan", got '
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
    assert err == ('danvan progress: /reports/0/values/0/value: indicator "doi-thoai" measures '
                   'count: expected a number (and 2 more problems)\n')
    bad.write_text(REPORTS.read_text("utf-8")[:500], "utf-8")
    code, _, err = run("progress", PROGRESS, bad)
    assert code == 1
    assert err.startswith("danvan progress: (document): invalid JSON: parse error at line 14, "
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
