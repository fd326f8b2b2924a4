"""`danvan exemplars` and `danvan progress` on a registry, progress plan or reports that name
units by official code ("unit": "code:22015"): --unit-register FILE gives the register
resolving them (no register is taken implicitly); without it the command refuses the document
and says so."""
import json
import os
import pathlib
import subprocess

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
NATIONAL = ROOT / "data/units/national/units.json"


def run(*args, stdin=None):
    p = subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def registry(tmp_path, unit="code:22015"):
    """One entry of Phường 1 (Tuy Hòa, Phú Yên; code 22015 until 31/10/2024), registered
    2024-03-01 and recognised at commune level 2025-09-01 by the unit carrying 22015 then
    (Phường Tuy Hòa, Đắk Lắk)."""
    doc = {
        "schema": "danvan/registry", "version": 3, "note": None, "recognition_years": None,
        "fields": [], "grades": [], "forms": [], "units": [],
        "entries": [{
            "id": "a", "kind": "model", "subject": "collective", "name": "Tổ hòa giải",
            "unit": unit, "places": [], "fields": [], "description": "", "person": None,
            "events": [
                {"type": "registered", "date": "2024-03-01", "level": None},
                {"type": "recognised", "date": "2025-09-01", "level": "commune",
                 "by": "code:22015", "decision": None, "grade": None, "status": "decided"}],
        }],
    }
    path = tmp_path / "r.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


def test_without_a_register_the_document_is_refused_saying_what_to_give(tmp_path):
    path = registry(tmp_path)
    code, out, err = run("exemplars", "list", path)
    assert (code, out) == (1, "")
    assert err == (
        f"danvan exemplars: {path}: /entries/0/unit: \"code:22015\" names a unit by its official "
        "code: read the registry with a unit register (the national register) to resolve it (and "
        "1 more problem) (give the register with --unit-register FILE, such as the bundled "
        "data/units/national/units.json)\n")


def test_with_the_national_register_codes_resolve_and_roll_up_to_dak_lak(tmp_path):
    path = registry(tmp_path)
    code, out, err = run("exemplars", "list", path, "--unit-register", NATIONAL)
    assert (code, err) == (0, "")
    assert out == "a  2024-03-01  mô hình, tập thể  Tổ hòa giải  [c22015; đã công nhận]\n"
    # Registered in 2024 in Phú Yên's Phường 1: as of 2026 it counts under the merged Đắk Lắk
    # (p66-20250701) with --current-units, and not without (Phú Yên was not part of it in 2024).
    stats = ["exemplars", "stats", path, "--unit-register", NATIONAL, "--year", "2024",
             "--as-of", "2026-01-01", "--unit", "p66-20250701", "--by", "kind", "--format", "csv"]
    code, out, err = run(*stats, "--current-units")
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == ["mô hình,1,0,0,0,1,0,0,0,0,0", "Tổng cộng,1,0,0,0,1,0,0,0,0,0"]
    code, out, err = run(*stats)
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == ["Tổng cộng,0,0,0,0,0,0,0,0,0,0"]


def test_bad_codes_and_registers_are_named(tmp_path):
    path = registry(tmp_path, unit="code:99999")
    code, out, err = run("exemplars", "list", path, "--unit-register", NATIONAL)
    assert (code, out) == (1, "")
    assert err == (f"danvan exemplars: {path}: /entries/0/unit: no unit of the register has the "
                   "official code \"99999\" on 2024-03-01\n")
    missing = tmp_path / "missing.json"
    code, out, err = run("exemplars", "list", registry(tmp_path), "--unit-register", missing)
    assert (code, out) == (1, "")
    assert err == f"danvan exemplars: --unit-register {missing}: No such file or directory\n"
    # A registry given as the register: named by the option.
    path = registry(tmp_path)
    code, out, err = run("exemplars", "list", path, "--unit-register", path)
    assert (code, out) == (1, "")
    assert err == (f"danvan exemplars: --unit-register {path}: /schema: expected \"danvan/units\", "
                   "got \"danvan/registry\" (and 8 more problems)\n")


def test_imports_write_the_units_back_by_code(tmp_path):
    path = registry(tmp_path)
    table = tmp_path / "t.csv"
    # The row names the unit by its id in the registry read (the register's unit of 22015).
    table.write_text("Tên mô hình,Đơn vị,Ngày đăng ký\nCâu lạc bộ dân vận,c22015,2024-05-02\n",
                     "utf-8")
    code, out, err = run("exemplars", "import-csv", path, table, "--kind", "model",
                         "--unit-register", NATIONAL)
    assert (code, err) == (0, f"{table}: 1 of 1 rows added\n")
    doc = json.loads(out)
    assert doc["units"] == []
    assert [e["unit"] for e in doc["entries"]] == ["code:22015", "code:22015"]


def progress_files(tmp_path, first="2025Q3", last="2026Q2"):
    """tests/data/progress-by-code.json (a quarterly plan of the merged Tỉnh Đắk Lắk, code 66
    from 01/07/2025, with an activity of Phường Tuy Hòa, code 22015 from 01/07/2025) on the
    schedule first..last, and tests/data/reports-by-code.json (one report of it, for `first`),
    all by code."""
    plan = json.loads((ROOT / "tests/data/progress-by-code.json").read_text("utf-8"))
    plan["schedule"].update(period_type="year" if len(first) == 4 else "quarter", first=first,
                            last=last)
    reports = json.loads((ROOT / "tests/data/reports-by-code.json").read_text("utf-8"))
    reports["reports"][0]["period"] = first
    p, r = tmp_path / "p.json", tmp_path / "r.json"
    p.write_text(json.dumps(plan, ensure_ascii=False), "utf-8")
    r.write_text(json.dumps(reports, ensure_ascii=False), "utf-8")
    return p, r


def test_progress_documents_by_code_resolve_with_the_register(tmp_path):
    p, r = progress_files(tmp_path)
    code, out, err = run("progress", p, r, "--unit-register", NATIONAL, "--period", "2025Q3",
                         "--as-of", "2025-10-20", "--format", "csv")
    assert (code, err) == (0, "")
    # Every row is the merged Tỉnh Đắk Lắk's (p66-20250701), which carries 66 from 01/07/2025.
    assert out.splitlines()[1:] == [
        "completeness,2025Q3,p66-20250701,Tỉnh Đắk Lắk,0,,,1,1,0,0,0,1,,,,,",
        "indicator,2025Q3,p66-20250701,Tỉnh Đắk Lắk,0,i,Số mô hình,1,,,,,1,2,,,,",
        "activity,2025Q3,p66-20250701,Tỉnh Đắk Lắk,,a,Hội nghị,,,,,,,,,,in_progress,2025-12-31"]


def test_progress_documents_by_code_without_a_register_or_ambiguous_are_refused(tmp_path):
    p, r = progress_files(tmp_path)
    code, out, err = run("progress", p, r)
    assert (code, out) == (1, "")
    assert err == (
        f"danvan progress: {p}: /scope/0: \"code:66\" names a unit by its official code: read "
        "the progress plan with a unit register (the national register) to resolve it (and 3 "
        "more problems) (give the register with --unit-register FILE, such as the bundled "
        "data/units/national/units.json)\n")
    # Both Đắk Lắk provinces carried 66 in 2025.
    p, r = progress_files(tmp_path, "2025", "2025")
    code, out, err = run("progress", p, r, "--unit-register", NATIONAL)
    assert (code, out) == (1, "")
    assert err == (f"danvan progress: {p}: /scope/0: the official code \"66\" names 2 units in "
                   "2025 (\"p66\", \"p66-20250701\"): name the unit by its id\n")
    missing = tmp_path / "missing.json"
    code, out, err = run("progress", p, r, "--unit-register", missing)
    assert (code, out) == (1, "")
    assert err == f"danvan progress: --unit-register {missing}: No such file or directory\n"


def test_the_readme_phu_yen_to_dak_lak_example_on_the_national_register():
    """README, Exemplar registry: the bundled sample by code, as the units were and mapped onto
    today's units (the output the README shows, after the note line)."""
    sample = ROOT / "data/registry/sample-registry-by-code.json"
    rule = "-" * 79
    head = "Loại       Đăng ký  Công nhận  Còn hiệu quả  Biểu dương, khen thưởng  Nhân rộng"
    code, out, err = run("exemplars", "stats", sample, "--unit-register", NATIONAL, "--year",
                         "2024", "--unit", "p54", "--by", "kind")
    assert (code, err) == (0, "")
    assert out.splitlines()[2:] == [
        "Đơn vị: p54", head, rule,
        "mô hình     1 (+1)     0 (±0)        0 (±0)                   0 (±0)     0 (±0)", rule,
        "Tổng cộng   1 (+1)     0 (±0)        0 (±0)                   0 (±0)     0 (±0)"]
    code, out, err = run("exemplars", "stats", sample, "--unit-register", NATIONAL, "--year",
                         "2024", "--as-of", "2026-01-01", "--unit", "p66-20250701",
                         "--current-units", "--by", "kind")
    assert (code, err) == (0, "")
    assert out.splitlines()[2:] == [
        "Đơn vị: p66-20250701 (gồm các đơn vị tiền thân, theo đơn vị hiện nay)", head, rule,
        "mô hình     2 (+2)     0 (±0)        1 (+1)                   0 (±0)     0 (±0)", rule,
        "Tổng cộng   2 (+2)     0 (±0)        1 (+1)                   0 (±0)     0 (±0)"]
    code, out, err = run("units", "successors", "22015", "--as-of", "2024-03-01", "--on",
                         "2026-01-01", "--units", NATIONAL)
    assert (code, err) == (0, "")
    assert out == "22015\tc22015-20250701\tPhường Tuy Hòa\tTỉnh Đắk Lắk\t2025-07-01\t…\n"


def test_progress_by_code_with_units_says_what_kept_the_register_from_it(tmp_path):
    p, r = progress_files(tmp_path)
    units = ROOT / "data/units/phu-yen.json"
    tail = ("\"code:66\" names a unit by its official code: read the progress plan with a unit "
            "register (the national register) to resolve it (and 3 more problems)")
    code, out, err = run("progress", p, r, "--units", units, "--unit-register", NATIONAL)
    assert (code, out) == (1, "")
    assert err == (f"danvan progress: {p}: /scope/0: {tail} (PROGRESS is read against --units "
                   f"{units}, not the register: leave out --units to resolve codes)\n")
    code, out, err = run("progress", p, r, "--units", units)
    assert (code, out) == (1, "")
    assert err == (f"danvan progress: {p}: /scope/0: {tail} (give the register with "
                   "--unit-register FILE, such as the bundled data/units/national/units.json)\n")


def test_show_resolves_a_plans_units_named_by_code_with_the_register(tmp_path):
    plan = json.loads((ROOT / "data/plans/phu-yen-2020-nam-dan-van-kheo.json").read_text("utf-8"))
    plan["task_areas"][0]["lead_units"] = ["code:54"]  # Tỉnh Phú Yên in 2020
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), "utf-8")
    code, out, err = run("show", path, "--format", "json", "--unit-register", NATIONAL)
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert shown["task_areas"][0]["lead_units"] == ["p54"]
    assert "p54" in [u["id"] for u in shown["units"]]
    code, out, err = run("show", path)
    assert code == 1
    assert ('/task_areas/0/lead_units/0: "code:54" names a unit by its official code: read the '
            'plan with a unit register (the national register) to resolve it') in err
