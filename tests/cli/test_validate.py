"""End-to-end tests of `danvan progress validate`, the rules section of `danvan progress` and
approval refused for a broken error rule, on the bundled SAMPLE progress plan and reports."""
import copy
import json
import os
import pathlib
import subprocess

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
PROGRESS = ROOT / "data/progress/phu-yen-2020-progress.json"
REPORTS = ROOT / "data/progress/phu-yen-2020-reports.json"
RESOLVED = "giai-quyet-khong-vuot-ton-va-nhan"
MESSAGE = ("Số đơn thư giải quyết trong kỳ không thể vượt quá số tồn đọng kỳ trước cộng số tiếp "
           "nhận trong kỳ")


def run(*args):
    p = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def values(doc, unit, period):
    for r in doc["reports"]:
        if (r["unit"], r["period"]) == (unit, period):
            return {v["indicator"]: v for v in r["values"]}
    raise AssertionError(f"no report of {unit} for {period}")


def broken_reports(tmp_path):
    """d557 (Thị xã Sông Cầu)'s May report resolves 5 complaints more than it had (April's
    outstanding plus May's received); d559 (Huyện Tuy An)'s May stock is one above its balance
    (April's stock plus received minus resolved: a warning only). Returns the file and the two
    numbers of the error."""
    doc = json.loads(REPORTS.read_text("utf-8"))
    broken = copy.deepcopy(doc)
    had = (values(doc, "d557", "202004")["ton-dong"]["value"]
           + values(doc, "d557", "202005")["don-thu-tiep-nhan"]["value"])
    values(broken, "d557", "202005")["giai-quyet-dung-han"]["value"] = {
        "numerator": 0, "denominator": had + 5}
    stock = values(broken, "d559", "202005")["ton-dong"]
    stock["value"] = stock["value"] + 1
    path = tmp_path / "reports.json"
    path.write_text(json.dumps(broken, ensure_ascii=False), "utf-8")
    return path, had + 5, had


def test_sample_breaks_no_rule():
    code, out, err = run("progress", "validate", PROGRESS, REPORTS)
    assert (code, err) == (0, "")
    assert out.startswith("Kiểm tra số liệu: 4 quy tắc; ")
    assert " 0 lỗi, 0 cảnh báo, " in out
    # April has no previous month: not evaluated, and said so.
    assert ("d557 202004: lỗi \"" + RESOLVED + "\" (" + MESSAGE + "): không kiểm tra "
            "được: 202004 is the first period of the schedule\n") in out


def test_violations_in_text_and_json(tmp_path):
    reports, left, right = broken_reports(tmp_path)
    code, out, err = run("progress", "validate", PROGRESS, reports)
    assert (code, err) == (1, "")
    assert " 1 lỗi, " in out.splitlines()[0]
    assert (f"Lỗi (1):\n  d557 202005: lỗi \"{RESOLVED}\" ({MESSAGE}): {left} <= {right} "
            "không thỏa\n") in out
    assert "Cảnh báo (" in out and "d559 202005: cảnh báo \"ton-dong-can-doi\"" in out

    code, out, err = run("progress", "validate", PROGRESS, reports, "--format", "json",
                         "--period", "2020Q2", "--unit", "d557")
    assert (code, err) == (1, "")
    j = json.loads(out)
    assert (j["rules"], j["errors"]) == (4, 1)
    errors = [v for v in j["violations"] if v["importance"] == "error"]
    assert errors == [{"unit": "d557", "period": "202005", "rule": RESOLVED,
                       "importance": "error", "operator": "<=", "message": MESSAGE,
                       "left": left, "right": right}]
    assert all(v["unit"] == "d557" for v in j["violations"] + j["not_evaluated"])
    assert all(v["missing"] for v in j["not_evaluated"])
    # Only warnings: exit 0.
    code, out, _ = run("progress", "validate", PROGRESS, reports, "--unit", "d559")
    assert code == 0
    assert " 0 lỗi, " in out and "Cảnh báo (0)" not in out
    # Before the May reports came in, nothing is broken.
    assert run("progress", "validate", PROGRESS, reports, "--as-of", "2020-05-31")[0] == 0


def test_progress_report_shows_the_violations(tmp_path):
    reports, left, right = broken_reports(tmp_path)
    code, out, _ = run("progress", PROGRESS, reports, "--as-of", "2021-03-01", "--period",
                       "2020Q2")
    assert code == 0
    assert "Kiểm tra số liệu theo quy tắc\n" in out
    assert f"d557 202005: lỗi \"{RESOLVED}\" ({MESSAGE}): {left} <= {right}" in out
    code, html, _ = run("progress", PROGRESS, reports, "--as-of", "2021-03-01", "--period",
                        "2020Q2", "--format", "html")
    assert code == 0
    assert "<h2>Kiểm tra số liệu theo quy tắc</h2>" in html
    assert '<ul class="rule-errors">' in html


def test_approve_refuses_an_error_and_not_a_warning(tmp_path):
    reports, left, right = broken_reports(tmp_path)
    j = tmp_path / "wf.jsonl"

    def act(action, unit, date, *extra):
        return run("progress", "workflow", action, PROGRESS, reports, j, "--unit", unit,
                   "--period", "202005", "--date", date, *extra)

    assert act("submit", "d557", "2020-06-05")[0] == 0
    before = j.read_bytes()
    code, _, err = act("approve", "d557", "2020-06-08", "--by", "p54")
    assert code == 1
    assert err == (f"danvan progress workflow: report of d557 for 202005: cannot approve: "
                   f"it breaks the error rule \"{RESOLVED}\" ({MESSAGE}): {left} <= {right} does "
                   "not hold\n")
    assert j.read_bytes() == before
    # It can still be returned; a warning does not block approval.
    assert act("return", "d557", "2020-06-08", "--by", "p54", "--reason",
               "Số giải quyết vượt số phải giải quyết")[0] == 0
    assert act("submit", "d559", "2020-06-05")[0] == 0
    assert act("approve", "d559", "2020-06-08", "--by", "p54")[0] == 0


def test_bad_arguments_and_inputs(tmp_path):
    code, _, err = run("progress", "validate", PROGRESS, REPORTS, "--format", "xml")
    assert code == 2
    assert "--format: unknown format \"xml\"; expected one of text, json" in err
    code, _, err = run("progress", "validate", PROGRESS)
    assert code == 2
    code, _, err = run("progress", "validate", PROGRESS, REPORTS, "--unit", "khong-co")
    assert (code, err) == (1, "danvan progress validate: --unit: unknown unit \"khong-co\"\n")
    code, _, err = run("progress", "validate", PROGRESS, REPORTS, "--period", "2020Q5")
    assert code == 2
    doc = json.loads(PROGRESS.read_text("utf-8"))
    doc["rules"][1]["left"][0]["indicator"] = "khong-co"
    bad = tmp_path / "progress.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    code, _, err = run("progress", "validate", bad, REPORTS)
    assert code == 1
    assert err.startswith(f"danvan progress validate: {bad}: ")
    assert "/rules/1/left/0/indicator: unknown indicator \"khong-co\"" in err
