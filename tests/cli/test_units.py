"""End-to-end tests of `danvan units` on the bundled national register (run by ctest)."""
import os
import pathlib
import subprocess

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
UNITS = ROOT / "data/units/national/units.json"


def run(*args):
    p = subprocess.run([CLI, "units", *map(str, args)], capture_output=True, text=True,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def test_find_as_people_write_it():
    code, out, err = run("find", "P. Tuy Hoà", "--units", UNITS, "--as-of", "2026-01-01")
    assert (code, err) == (0, "")
    assert out == "22015\tc22015-20250701\tPhường Tuy Hòa\tTỉnh Đắk Lắk\t2025-07-01\t…\n"


def test_find_lists_every_candidate_of_an_ambiguous_name():
    code, out, _ = run("find", "xã Hòa An", "--units", UNITS)
    assert code == 0
    lines = out.splitlines()
    # Hòa An of huyện Phú Hòa (split in 2025) and of huyện Krông Pắc, and the 2025 commune.
    assert "22315\tc22315\tXã Hòa An\tHuyện Phú Hoà\t…\t2025-06-30" in lines
    assert "24511\tc24511\tXã Hòa An\tHuyện Krông Pắc\t…\t2025-06-30" in lines
    assert len(lines) >= 3


def test_what_is_a_2023_commune_today():
    code, out, err = run("successors", "22048", "--as-of", "2023-01-01", "--on", "2026-01-01",
                         "--units", UNITS)
    assert (code, err) == (0, "")
    assert out.split("\t")[2] == "Phường Tuy Hòa"


def test_what_did_a_2026_commune_come_from():
    code, out, err = run("predecessors", "c22240-20250701", "--on", "2025-06-30",
                         "--units", UNITS)
    assert (code, err) == (0, "")
    names = [line.split("\t")[2] for line in out.splitlines()]
    # 1660/NQ-UBTVQH15 khoản 89 (phường Phú Yên); Hòa Hiệp Bắc and Hòa Bình 1 only in part.
    assert sorted(names) == sorted(["Phường Phú Đông", "Phường Phú Lâm", "Phường Phú Thạnh",
                                    "Xã Hòa Thành", "Phường Hòa Hiệp Bắc", "Xã Hòa Bình 1"])


def test_count_on_a_day():
    code, out, _ = run("count", "--as-of", "2025-07-01", "--units", UNITS)
    assert code == 0
    assert out == "province\t34\ndistrict\t0\ncommune\t3321\n"


def test_errors():
    code, _, err = run("find", "Tuy Hòa")
    assert code == 2 and "--units FILE is required" in err
    code, _, err = run("successors", "22048", "--units", UNITS)
    assert code == 2 and "successors needs --on DAY" in err
    code, _, err = run("successors", "99999", "--on", "2026-01-01", "--units", UNITS)
    assert code == 1
    assert err == 'danvan units: no unit has id or code "99999" on 2026-01-01\n'
    code, _, err = run("find", "Atlantis", "--units", UNITS, "--as-of", "2025-07-01")
    assert code == 1 and err == 'danvan units: no unit named "Atlantis" on 2025-07-01\n'
    code, _, err = run("move", "x", "--units", UNITS)
    assert code == 2 and 'unknown action "move"' in err
    code, _, err = run("count", "--as-of", "31/02/2025", "--units", UNITS)
    assert code == 2 and "--as-of:" in err


def test_compare_list(tmp_path):
    # A list in the GSO form (Excel drops leading zeros: "1" is province 01): Phường Ba Đình as
    # the register has it, Phường Tuy Hòa under another name, a code the register lacks, and a
    # row without a commune name.
    lst = tmp_path / "list.csv"
    lst.write_text("Mã TP;Tỉnh Thành Phố;Mã PX;Phường Xã;Cấp;Tên Tiếng Anh\n"
                   "1;Thành phố Hà Nội;4;Ba Đình;Phường;Ba Dinh\n"
                   "66;Tỉnh Đắk Lắk;22015;Phường Tuy An;Phường;\n"
                   "66;Tỉnh Đắk Lắk;99999;Xã Thử;Xã;\n"
                   "66;Tỉnh Đắk Lắk;22018;;Xã;\n", "utf-8")
    code, out, err = run("compare-list", lst, "--units", UNITS, "--as-of", "2025-07-01")
    assert code == 1
    lines = out.splitlines()
    assert "renamed\tcommune\t22015\tc22015-20250701\tPhường Tuy Hòa\t-> Phường Tuy An\trow 3" \
        in lines
    assert "added\tcommune\t99999\t-\tXã Thử\trow 4" in lines
    assert "ended\tprovince\t08\tp08-20250701\tTỉnh Tuyên Quang" in lines
    # 34 provinces and 3,321 communes: 2 provinces and 2 communes named, the rest ended.
    assert len([x for x in lines if x.startswith("ended\tprovince")]) == 32
    assert len([x for x in lines if x.startswith("ended\tcommune")]) == 3321 - 2
    assert err.splitlines() == [
        "danvan units: row 5, cell D5: no commune name",
        "danvan units: 4 rows, 4 units compared on 2025-07-01: 1 added, 3351 ended, 1 renamed, "
        "0 moved; 1 rows not taken"]


def test_compare_list_errors(tmp_path):
    lst = tmp_path / "list.csv"
    lst.write_text("Mã ĐVHC,Tên ĐVHC,Mã TP,Tỉnh\n", "utf-8")
    code, _, err = run("compare-list", lst, "--units", UNITS, "--as-of", "2025-07-01")
    assert code == 1 and "row 1: no column \"Mã PX\"" in err
    code, out, err = run("compare-list", lst, "--units", UNITS, "--as-of", "2025-07-01",
                         "--columns", "Mã ĐVHC=commune_code;Tên ĐVHC=commune")
    assert code == 0 and len(out.splitlines()) == 34 + 3321  # an empty list: every unit ended
    code, _, err = run("compare-list", lst, "--units", UNITS, "--as-of", "2025-07-01",
                       "--columns", "Mã ĐVHC=code")
    assert code == 2 and "--columns: unknown column \"code\"; expected one of province_code" in err
    code, _, err = run("compare-list", lst, "--units", UNITS)
    assert code == 2 and "compare-list needs --as-of DAY" in err


def test_compare_list_xlsx(tmp_path):
    # The published Excel form: a title over the header (--header-row 3), codes as numbers, a
    # formula in a code cell, a sheet named as published (--sheet).
    try:
        import openpyxl
    except ImportError:
        print("not run: python3-openpyxl is not installed")
        return
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh mục"
    sheet.append(["DANH MỤC ĐƠN VỊ HÀNH CHÍNH"])
    sheet.append([])
    sheet.append(["Tỉnh Thành Phố", "Mã TP", "Phường Xã", "Mã PX", "Cấp"])
    sheet.append(["Thành phố Hà Nội", 1, "Ba Đình", 4, "Phường"])
    sheet.append(["Tỉnh Đắk Lắk", 66, "Phường Tuy An", 22015, "Phường"])
    sheet.append(["Tỉnh Đắk Lắk", 66, "Xã Thử", "=D5+1", "Xã"])
    path = tmp_path / "danh-muc.xlsx"
    book.save(path)
    code, out, err = run("compare-list", path, "--units", UNITS, "--as-of", "2025-07-01",
                         "--sheet", "Danh mục", "--header-row", "3")
    if "not built with .xlsx support" in err:
        print("not run: danvan was built without .xlsx support")
        return
    assert code == 1
    lines = out.splitlines()
    assert "renamed\tcommune\t22015\tc22015-20250701\tPhường Tuy Hòa\t-> Phường Tuy An\trow 5" \
        in lines
    assert len([x for x in lines if x.startswith("ended\tcommune")]) == 3321 - 2
    assert err.splitlines() == [
        "danvan units: row 6, cell D6: a formula (=D5+1) where a value is expected; type the "
        "value itself",
        "danvan units: 3 rows, 4 units compared on 2025-07-01: 0 added, 3351 ended, 1 renamed, "
        "0 moved; 1 rows not taken"]
    # From row 1 the title is the header; a sheet the workbook lacks; --header-row on a CSV.
    code, _, err = run("compare-list", path, "--units", UNITS, "--as-of", "2025-07-01")
    assert code == 1 and f'{path}: row 1: no column "Mã TP"' in err
    code, _, err = run("compare-list", path, "--units", UNITS, "--as-of", "2025-07-01",
                       "--sheet", "Sheet1")
    assert code == 1 and f'{path}: no sheet "Sheet1"; the workbook has "Danh mục"' in err
    code, _, err = run("compare-list", path, "--units", UNITS, "--as-of", "2025-07-01",
                       "--header-row", "0")
    assert code == 2 and '--header-row expects an integer 1..1048576, got "0"' in err
    csv = tmp_path / "list.csv"
    csv.write_text("Mã TP,Tỉnh,Mã PX,Phường Xã\n", "utf-8")
    code, _, err = run("compare-list", csv, "--units", UNITS, "--as-of", "2025-07-01",
                       "--header-row", "3")
    assert code == 2 and "--sheet and --header-row go with an .xlsx list" in err


def list_of_2026(tmp_path, renamed):
    """The register's own list of its communes on 01/01/2026, with Phường Tuy Hòa named
    `renamed` and a commune 99999 added."""
    import json
    units = json.loads(UNITS.read_text("utf-8"))["units"]
    by_id = {u["id"]: u for u in units}
    day = "2026-01-01"
    rows = ["Mã TP;Tỉnh Thành Phố;Mã PX;Phường Xã"]
    for u in units:
        if u["level"] != "commune" or (u["valid_from"] or "") > day or \
                (u["valid_to"] or "9999") < day:
            continue
        p = by_id[u["parent"]]
        rows.append(f'{p["code"]};{p["name"]};{u["code"]};'
                    f'{renamed if u["code"] == "22015" else u["name"]}')
    rows.append("66;Tỉnh Đắk Lắk;99999;Xã Thử")
    path = tmp_path / "list.csv"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    tuy_hoa = next(i for i, r in enumerate(rows) if ";22015;" in r) + 1
    return path, tuy_hoa, len(rows)


def test_compare_list_apply(tmp_path):
    lst, tuy_hoa, last = list_of_2026(tmp_path, "Phường Tuy An")
    out_path = tmp_path / "units-2026.json"
    code, out, err = run("compare-list", lst, "--units", UNITS, "--as-of", "2026-01-01",
                         "--apply", "--output", out_path, "--basis", "SAMPLE 1/NQ-TEST")
    assert code == 0, err
    assert out.splitlines() == [
        "renamed\tcommune\t22015\tc22015-20250701\tPhường Tuy Hòa\t-> Phường Tuy An\t"
        f"row {tuy_hoa}",
        f"added\tcommune\t99999\t-\tXã Thử\trow {last}"]
    assert err.splitlines()[-1] == (
        f"danvan units: wrote {out_path} (14178 units): 1 added, 0 ended, 1 continued from "
        "2026-01-01")
    code, out, err = run("find", "Tuy An", "--units", out_path, "--as-of", "2026-01-01")
    assert (code, err) == (0, "")
    assert out == "22015\tc22015-20260101\tPhường Tuy An\tTỉnh Đắk Lắk\t2026-01-01\t…\n"
    code, out, _ = run("find", "Tuy Hòa", "--units", out_path, "--as-of", "2025-12-31")
    assert out == "22015\tc22015-20250701\tPhường Tuy Hòa\tTỉnh Đắk Lắk\t2025-07-01\t2025-12-31\n"
    # The new file against the same list: nothing left to change.
    code, out, err = run("compare-list", lst, "--units", out_path, "--as-of", "2026-01-01")
    assert (code, out) == (0, "")


def test_compare_list_apply_errors(tmp_path):
    lst, _, _ = list_of_2026(tmp_path, "Phường Tuy An")
    code, _, err = run("compare-list", lst, "--units", UNITS, "--as-of", "2026-01-01", "--apply")
    assert code == 2 and "compare-list --apply needs --output FILE" in err
    code, _, err = run("compare-list", lst, "--units", UNITS, "--as-of", "2026-01-01",
                       "--output", tmp_path / "x.json")
    assert code == 2 and "--output and --basis go with compare-list --apply" in err
    # On 01/07/2025 Phường Tuy Hòa itself begins: nothing is written.
    out_path = tmp_path / "never.json"
    code, _, err = run("compare-list", lst, "--units", UNITS, "--as-of", "2025-07-01",
                       "--apply", "--output", out_path)
    assert code == 1 and not out_path.exists()
    assert 'cannot apply the list on 2025-07-01: "c22015-20250701" (Phường Tuy Hòa) begins ' \
        'on 2025-07-01 and cannot be continued from 2025-07-01' in err
