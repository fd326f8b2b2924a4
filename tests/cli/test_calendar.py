"""End-to-end tests of `danvan calendar` (run by ctest with DANVAN_CLI set)."""
import json
import os
import pathlib
import subprocess

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
CALENDAR = ROOT / "data/calendar/vietnam.json"


def run(*args, stdin=None):
    p = subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, text=True,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def test_holidays_text_2024():
    code, out, err = run("calendar", "holidays", "2024")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Ngày nghỉ lễ, tết năm 2024 (Việt Nam)"
    assert lines[1] == "01/01/2024  Thứ Hai   Tết Dương lịch"
    assert "08/02/2024  Thứ Năm   Tết Nguyên đán" in lines
    assert "11/02/2024  Chủ nhật  Tết Nguyên đán" in lines
    assert "18/04/2024  Thứ Năm   Giỗ Tổ Hùng Vương" in lines
    # Monday 29/4 swapped for Saturday 4/5 (2450/VPCP-KGVX).
    assert "29/04/2024  Thứ Hai   Nghỉ hoán đổi dịp 30/4 và 1/5" in lines
    assert lines[-1] == "03/09/2024  Thứ Ba    Quốc khánh (ngày liền kề)"
    assert len(lines) == 1 + 1 + 7 + 1 + 1 + 2 + 2


def test_holidays_json_2026_from_lunar_calendar():
    code, out, _ = run("calendar", "holidays", "2026", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["calendar"] == "Việt Nam" and doc["year"] == 2026
    tet = [d["date"] for d in doc["days_off"] if d["rule"] == "tet"]
    assert tet == ["2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20"]
    assert {"date": "2026-04-27", "weekday": "monday", "name": "Nghỉ bù Giỗ Tổ Hùng Vương",
            "kind": "compensatory", "rule": "hung-kings"} in doc["days_off"]


def test_holidays_with_calendar_file(tmp_path):
    doc = json.loads(CALENDAR.read_text("utf-8"))
    extra = {"date": "2026-05-04", "name": "Nghỉ thêm (thử)"}
    # Added to the year's entry when the bundled file already has one (a year appears once).
    year = next((y for y in doc["years"] if y["year"] == 2026), None)
    if year is None:
        doc["years"].append({"year": 2026, "extra_days_off": [extra]})
    else:
        year.setdefault("extra_days_off", []).append(extra)
    path = tmp_path / "cal.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    code, out, _ = run("calendar", "holidays", "2026", "--calendar", path)
    assert code == 0
    assert "04/05/2026  Thứ Hai   Nghỉ thêm (thử)" in out.splitlines()
    code, out, _ = run("calendar", "deadline", "2026-05-01", "3", "--calendar", path)
    assert out.startswith("2026-05-05 ")


def test_deadline_rolls_forward_over_tet():
    code, out, err = run("calendar", "deadline", "10/01/2024", "30")
    assert (code, err) == (0, "")
    assert out == ("2024-02-15  Thứ Năm  (30 ngày sau 10/01/2024: 09/02/2024 là ngày nghỉ Tết "
                   "Nguyên đán, hạn chuyển sang ngày làm việc tiếp theo)\n")


def test_deadline_weekend_and_plain():
    assert run("calendar", "deadline", "2024-03-01", "1")[1] == (
        "2024-03-04  Thứ Hai  (1 ngày sau 01/03/2024: 02/03/2024 là Thứ Bảy, hạn chuyển sang "
        "ngày làm việc tiếp theo)\n")
    assert run("calendar", "deadline", "2024-03-01", "4")[1] == (
        "2024-03-05  Thứ Ba  (4 ngày sau 01/03/2024)\n")


def test_deadline_working_days():
    code, out, _ = run("calendar", "deadline", "2024-02-07", "5", "--working-days")
    assert (code, out) == (0, "2024-02-21  Thứ Tư  (5 ngày làm việc sau 07/02/2024)\n")


def test_bad_input():
    assert run("calendar", "holidays", "2012") == (
        1, "", 'danvan calendar: year 2012 is outside the years of calendar "Việt Nam" '
               "(2013..2100)\n")
    code, out, err = run("calendar", "holidays", "20x4")
    assert (code, out) == (2, "")
    assert err.startswith('danvan calendar: invalid year "20x4"; expected 4 digits such as 2026\n')
    # Deadlines count forward only (add_calendar_days rejects a negative count too).
    code, out, err = run("calendar", "deadline", "2024-03-01", "-3")
    assert (code, out) == (2, "")
    assert err == ('danvan calendar: day count "-3" is negative; DAYS counts forward from DATE '
                   "(0..36500), counting backwards is not supported\n"
                   "(see 'danvan calendar --help')\n")
    code, _, err = run("calendar", "deadline", "2024-03-01", "-3", "--working-days")
    assert code == 2 and err.startswith('danvan calendar: day count "-3" is negative;')
    code, _, err = run("calendar", "deadline", "2024-03-01", "36501")
    assert (code, err) == (1, "danvan calendar: day count 36501 is out of range 0..36500\n")
    code, _, err = run("calendar", "deadline", "2024-03-01", "ba")
    assert code == 2
    assert err.startswith('danvan calendar: invalid day count "ba"; expected a whole number')
    code, _, err = run("calendar", "deadline", "31/02/2024", "3")
    assert code == 1 and err.startswith("danvan calendar: ")
    code, _, err = run("calendar", "easter", "2024")
    assert code == 2
    assert err.startswith('danvan calendar: unknown calendar command "easter"; expected '
                          "one of holidays, deadline\n")
    code, _, err = run("calendar", "holidays", "2024", "--format", "csv")
    assert (code, err) == (2, 'danvan calendar: unknown format "csv"; expected one of text, '
                              "json\n(see 'danvan calendar --help')\n")
    code, _, err = run("calendar", "deadline", "2100-12-31", "1")
    assert (code, err) == (1, 'danvan calendar: year 2101 is outside the years of calendar '
                              '"Việt Nam" (2013..2100)\n')


def test_bad_calendar_file(tmp_path):
    doc = json.loads(CALENDAR.read_text("utf-8"))
    doc["rules"][1]["month"] = 13
    path = tmp_path / "cal.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    assert run("calendar", "holidays", "2024", "--calendar", path) == (
        1, "", f"danvan calendar: --calendar {path}: /rules/1/month: 13 is out of range 1..12\n")
    code, _, err = run("calendar", "holidays", "2024", "--calendar", tmp_path / "missing.json")
    assert (code, err) == (1, f"danvan calendar: {tmp_path / 'missing.json'}: No such file or "
                              "directory\n")
