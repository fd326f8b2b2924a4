"""End-to-end tests of `danvan progress workflow` and `danvan progress --workflow` on the bundled
SAMPLE progress plan and reports."""
import json
import os
import pathlib
import subprocess

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
PROGRESS = ROOT / "data/progress/phu-yen-2020-progress.json"
REPORTS = ROOT / "data/progress/phu-yen-2020-reports.json"


def run(*args):
    p = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def act(journal, action, unit, period, date, *extra):
    return run("progress", "workflow", action, PROGRESS, REPORTS, journal, "--unit", unit,
               "--period", period, "--date", date, *extra)


def test_submit_return_resubmit_approve_and_list(tmp_path):
    j = tmp_path / "wf.jsonl"
    assert act(j, "submit", "d555", "202004", "2020-05-05")[0] == 0
    code, out, err = act(j, "return", "d555", "202004", "2020-05-06", "--by", "p54",
                         "--reason", "Thiếu số liệu đối thoại", "--person", "Trần Thị B")
    assert (code, err) == (0, "")
    assert out == "d555 202004: trả lại ngày 2020-05-06 bởi p54 -> bị trả lại\n"
    lines = j.read_text("utf-8").splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1]) == {
        "unit": "d555", "period": "202004", "action": "return", "date": "2020-05-06",
        "by": "p54", "person": "Trần Thị B", "reason": "Thiếu số liệu đối thoại"}

    code, out, _ = run("progress", "workflow", "list", PROGRESS, REPORTS, j, "--as-of",
                       "2020-05-07", "--period", "202004", "--format", "json")
    assert code == 0
    listed = json.loads(out)
    assert [i["unit"] for i in listed["returned"]] == ["d555"]
    assert listed["returned"][0]["waits_on"] == ["d555"]
    assert listed["returned"][0]["reason"] == "Thiếu số liệu đối thoại"
    # Reports in the batch without a history await approval by their parent, the province.
    assert "d555" not in [i["unit"] for i in listed["awaiting"]]
    assert all(i["waits_on"] == ["p54"] for i in listed["awaiting"])

    assert act(j, "submit", "d555", "202004", "2020-05-07")[0] == 0
    assert act(j, "approve", "d555", "202004", "2020-05-08", "--by", "p54")[0] == 0
    code, out, _ = run("progress", "workflow", "list", PROGRESS, REPORTS, j, "--as-of",
                       "2020-05-08", "--by", "p54")
    assert code == 0
    assert out.startswith("Báo cáo chờ duyệt / bị trả lại, tính đến ngày 2020-05-08\n")
    assert "Bị trả lại: 0\n" in out
    assert "Thành phố Tuy Hoà" not in out

    code, out, _ = run("progress", PROGRESS, REPORTS, "--workflow", j, "--as-of", "2020-05-10",
                       "--period", "202004", "--count", "approved")
    assert code == 0
    assert "Chờ duyệt / bị trả lại\n" in out
    assert "Thành phố Tuy Hoà | 1 | 0 | 0 | 0\n" in out
    assert "Số liệu chỉ tính các báo cáo đã duyệt;" in out
    code, html, _ = run("progress", PROGRESS, REPORTS, "--workflow", j, "--as-of", "2020-05-10",
                        "--period", "202004", "--format", "html")
    assert code == 0
    assert "<h2>Chờ duyệt / bị trả lại</h2>" in html


def test_refused_transitions_write_nothing(tmp_path):
    j = tmp_path / "wf.jsonl"
    code, _, err = act(j, "approve", "d555", "202004", "2020-05-08", "--by", "p54")
    assert code == 1
    assert err == ("danvan progress workflow: report of d555 for 202004: cannot approve: "
                   "it is not submitted\n")
    assert act(j, "submit", "d555", "202004", "2020-05-05")[0] == 0
    before = j.read_bytes()
    cases = [
        (("approve", "d555", "202004", "2020-05-04", "--by", "p54"),
         "report of d555 for 202004: approve on 2020-05-04 is before the previous "
         "transition (submit on 2020-05-05)"),
        (("approve", "d555", "202004", "2020-05-06", "--by", "d557"),
         "report of d555 for 202004: d557 cannot approve it: d555 is not its "
         "child (its parent on 2020-04-30 is p54)"),
        (("return", "d555", "202004", "2020-05-06", "--by", "p54"),
         "report of d555 for 202004: a return needs a reason"),
        (("submit", "d555", "202004", "2020-05-06"),
         "report of d555 for 202004: cannot submit: it was submitted on 2020-05-05 and "
         "awaits approval"),
        (("submit", "py-thanh-tra", "202004", "2020-05-06"),
         f"{REPORTS} has no report of py-thanh-tra for 202004 to submit"),
    ]
    for args, message in cases:
        code, out, err = act(j, *args)
        assert (code, out, err) == (1, "", f"danvan progress workflow: {message}\n"), args
    assert j.read_bytes() == before
    code, _, err = act(j, "approve", "d555", "202004", "2020-05-08")
    assert code == 2
    assert err.startswith("danvan progress workflow: approve needs --by\n")
    code, _, err = act(j, "reject", "d555", "202004", "2020-05-08")
    assert code == 2
    assert err.startswith('danvan progress workflow: unknown action "reject"; expected one of '
                          'draft, submit, return, approve, list\n')


def test_hostile_journals(tmp_path):
    j = tmp_path / "wf.jsonl"
    j.write_text('{"unit":"d555","period":"202004","action":"submit","date":"2020-05-05",'
                 '"by":"d555","person":null,"reason":null}\n{"unit":"py-tu', "utf-8")
    code, out, err = run("progress", "workflow", "list", PROGRESS, REPORTS, j, "--as-of",
                         "2020-05-06")
    assert code == 0
    assert err == (f"danvan progress workflow: {j}: line 2: torn last line (no final newline); "
                   "ignored\n")
    # The next append drops the torn line first.
    assert act(j, "approve", "d555", "202004", "2020-05-06", "--by", "p54")[0] == 0
    assert len(j.read_text("utf-8").splitlines()) == 2
    j.write_text('{"unit":"d555","period":"202004","action":"approve","date":"2020-05-05",'
                 '"by":"p54"}\n', "utf-8")
    code, _, err = run("progress", PROGRESS, REPORTS, "--workflow", j, "--as-of", "2020-05-06")
    assert code == 1
    assert err == (f"danvan progress: --workflow {j}: line 1: report of d555 for 202004: "
                   "cannot approve: it is not submitted\n")
    j.write_bytes(b'{"unit":"\\u001b[2J","period":"202004"}\n\n')
    code, _, err = run("progress", "workflow", "list", PROGRESS, REPORTS, j)
    assert code == 1
    assert err == (f"danvan progress workflow: {j}: line 1: /unit: control character U+001B at "
                   "byte 0 (text must not contain control characters)\n")
    code, _, err = run("progress", PROGRESS, REPORTS, "--count", "approved")
    assert code == 2
    assert err.startswith("danvan progress: --count needs --workflow\n")
