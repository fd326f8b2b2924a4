"""The statistics office's list of units from Python: read_unit_list (CSV and .xlsx),
read_unit_list_csv and compare_unit_list against a UnitHierarchy on a day."""

import datetime

import pytest

import danvan

GSO_CSV = (
    "Mã TP;Tỉnh Thành Phố;Mã QH;Quận Huyện;Mã PX;Phường Xã;Cấp;Tên Tiếng Anh\n"
    "54;Tỉnh Phú Yên;562;Huyện Đông Hòa;22192;Hòa Thành;Xã;Hoa Thanh\n"
    "54;Tỉnh Phú Yên;562;Huyện Đông Hòa;22195;Xã Hòa Tân Đông;Xã;\n"
    "54;Tỉnh Phú Yên;562;Huyện Đông Hòa;22A98;Xã Hòa Xuân Tây;Xã;\n"
    "54;Tỉnh Phú Yên;562;Huyện Đông Hòa;22201;;Xã;\n"
)


def units() -> danvan.UnitHierarchy:
    """Phú Yên, Đông Hòa and two communes, with codes, on 30/06/2025 (SAMPLE: made for the
    test, names as the official list writes them)."""
    end = datetime.date(2025, 6, 30)

    def unit(id, name, level, parent, code):
        return danvan.Unit(id=id, name=name, kind=danvan.UnitKind.administrative_unit,
                           level=level, parent_id=parent, valid_to=end, code=code)

    return danvan.UnitHierarchy([
        unit("p54", "Tỉnh Phú Yên", danvan.Level.province, None, "54"),
        unit("d562", "Thị xã Đông Hòa", danvan.Level.district, "p54", "562"),
        unit("c22192", "Phường Hòa Thành", danvan.Level.commune, "d562", "22192"),
        unit("c22204", "Xã Hòa Hiệp Nam", danvan.Level.commune, "d562", "22204"),
    ])


def test_read_unit_list_csv_file(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(GSO_CSV, "utf-8")
    lst = danvan.read_unit_list(path)
    assert lst.rows == 4 and lst.has_districts
    assert lst.ignored_columns == ("Tên Tiếng Anh",)
    assert [(u.code, u.name, u.level, u.parent_code, u.row) for u in lst.units] == [
        ("54", "Tỉnh Phú Yên", danvan.Level.province, "", 2),
        ("562", "Huyện Đông Hòa", danvan.Level.district, "54", 2),
        ("22192", "Xã Hòa Thành", danvan.Level.commune, "562", 2),
        ("22195", "Xã Hòa Tân Đông", danvan.Level.commune, "562", 3),
    ]
    assert [(p.row, p.cell, p.message) for p in lst.problems] == [
        (4, "E4", 'commune code "22A98" is not a number'),
        (5, "F5", "no commune name"),
    ]
    assert [str(p) for p in lst.problems] == [
        'row 4, cell E4: commune code "22A98" is not a number',
        "row 5, cell F5: no commune name",
    ]
    assert isinstance(lst.problems[0], danvan.TableProblem)
    assert isinstance(lst.units[0], danvan.ListedUnit)
    assert repr(lst.problems[1]) == "TableProblem(row=5, cell='F5', message='no commune name')"
    assert lst.problems[0] == lst.problems[0] and lst.problems[0] != lst.problems[1]
    assert lst.units[0] != lst.units[1]
    # The same text read from memory gives the same units.
    again = danvan.read_unit_list_csv(GSO_CSV)
    assert again.units == lst.units and again.problems == lst.problems
    assert danvan.read_unit_list_csv(GSO_CSV.encode()).units == lst.units


def test_columns_mapping_and_bad_input(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Mã ĐVHC,Tên ĐVHC,Mã TP,Tỉnh\n22192,Xã Hòa Thành,54,Tỉnh Phú Yên\n", "utf-8")
    with pytest.raises(danvan.ValueError) as e:
        danvan.read_unit_list(path)
    assert str(e.value).endswith('row 1: no column "Mã PX"')
    assert str(e.value).startswith(f"{path}: ")
    lst = danvan.read_unit_list(path, columns={"Mã ĐVHC": "commune_code",
                                               "Tên ĐVHC": "commune"})
    assert [u.code for u in lst.units] == ["54", "22192"] and not lst.has_districts
    with pytest.raises(danvan.ValueError, match='unknown column "code"; expected one of '
                       'province_code, province, district_code, district, commune_code, '
                       'commune, commune_type'):
        danvan.read_unit_list(path, columns={"Mã ĐVHC": "code"})
    with pytest.raises(danvan.ValueError, match="sheet and header_row go with an .xlsx list"):
        danvan.read_unit_list(path, sheet="Sheet1")
    with pytest.raises(danvan.ValueError, match="sheet and header_row go with an .xlsx list"):
        danvan.read_unit_list(path, header_row=2)
    with pytest.raises(danvan.IoError):
        danvan.read_unit_list(tmp_path / "missing.csv")
    with pytest.raises(danvan.ParseError, match="row 1: no header row"):
        danvan.read_unit_list_csv("")
    # A file named .xlsx that is none.
    fake = tmp_path / "list.xlsx"
    fake.write_text(GSO_CSV, "utf-8")
    with pytest.raises(danvan.ValueError) as e:
        danvan.read_unit_list(fake)
    assert str(e.value) in (
        f"{fake}: not an .xlsx workbook (an .xlsx is a zip archive; this file is not one)",
        f"{fake}: danvan was built without .xlsx support (danvan::formats)")


def test_read_unit_list_xlsx(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh mục"
    sheet.append(["DANH MỤC ĐƠN VỊ HÀNH CHÍNH"])
    sheet.append([])
    sheet.append(["Tỉnh Thành Phố", "Mã TP", "Quận Huyện", "Mã QH", "Phường Xã", "Mã PX", "Cấp"])
    # Codes as numbers (Excel drops the leading zeros), a formula, a name without its type word.
    sheet.append(["Tỉnh Phú Yên", 54, "Huyện Đông Hòa", 562, "Hòa Thành", 22192, "Xã"])
    sheet.append(["Tỉnh Phú Yên", 54, "Huyện Đông Hòa", 562, "Xã Hòa Tân Đông", "=F4+3", "Xã"])
    sheet.append(["Thành phố Hà Nội", 1, "Quận Ba Đình", 1, "Phúc Xá", 1, "Phường"])
    path = tmp_path / "danh-muc.xlsx"
    book.save(path)
    try:
        lst = danvan.read_unit_list(path, sheet="Danh mục", header_row=3)
    except danvan.ValueError as e:
        if "built without .xlsx support" in str(e):
            pytest.skip("not run: danvan was built without .xlsx support")
        raise
    assert lst.rows == 3 and lst.has_districts
    assert [(u.code, u.name, u.parent_code, u.row) for u in lst.units] == [
        ("54", "Tỉnh Phú Yên", "", 4),
        ("562", "Huyện Đông Hòa", "54", 4),
        ("22192", "Xã Hòa Thành", "562", 4),
        ("01", "Thành phố Hà Nội", "", 6),
        ("001", "Quận Ba Đình", "01", 6),
        ("00001", "Phường Phúc Xá", "001", 6),
    ]
    assert [str(p) for p in lst.problems] == [
        "row 5, cell F5: a formula (=F4+3) where a value is expected; type the value itself"]
    # From row 1 the title is the header; a sheet the workbook lacks.
    with pytest.raises(danvan.ValueError) as e:
        danvan.read_unit_list(path)
    assert str(e.value) == f'{path}: row 1: no column "Mã TP"'
    with pytest.raises(danvan.ValueError) as e:
        danvan.read_unit_list(path, sheet="Sheet1")
    assert str(e.value) == f'{path}: no sheet "Sheet1"; the workbook has "Danh mục"'
    # The same workbook under a .csv name is still read as a workbook (by its bytes).
    renamed = tmp_path / "danh-muc.csv"
    renamed.write_bytes(path.read_bytes())
    assert danvan.read_unit_list(renamed, header_row=3).units == lst.units


def test_compare_unit_list():
    lst = danvan.read_unit_list_csv(GSO_CSV)
    day = datetime.date(2025, 6, 30)
    c = danvan.compare_unit_list(lst, units(), day)
    assert c.compared == 3 and c.not_compared == 0
    assert [(x.kind, x.level, x.code, x.unit_id, x.name, x.listed, x.before, x.row)
            for x in c.changes] == [
        ("renamed", danvan.Level.district, "562", "d562", "Thị xã Đông Hòa", "Huyện Đông Hòa",
         "", 2),
        ("renamed", danvan.Level.commune, "22192", "c22192", "Phường Hòa Thành",
         "Xã Hòa Thành", "", 2),
        ("added", danvan.Level.commune, "22195", "", "Xã Hòa Tân Đông", "", "", 3),
        ("ended", danvan.Level.commune, "22204", "c22204", "Xã Hòa Hiệp Nam", "", "", 0),
    ]
    # The day as an ISO string; a day after the units ended: every listed unit is added.
    assert danvan.compare_unit_list(lst, units(), "2025-06-30").changes == c.changes
    after = danvan.compare_unit_list(lst, units(), datetime.date(2025, 7, 1))
    assert after.compared == 0 and {x.kind for x in after.changes} == {"added"}
    assert len(after.changes) == len(lst.units)
    assert "UnitListComparison" in repr(c) and "UnitList" in repr(lst)
    assert repr(c.changes[0]).startswith("UnitListChange(")
    with pytest.raises(TypeError):
        danvan.compare_unit_list(lst, units(), 2025)
