"""Proposal lists in from Python (issue 14): Registry.import_proposals reads the list a unit
sends, as a .docx or an .xlsx, by path or by its bytes, into proposed awards of the
registry's entries; rows it cannot place are TableImport.problems with their row and cell.
The expected rows and messages are those of the C++ tests (tests/formats/
registry_sheets_test.cpp) and the CLI's (tests/cli/test_exemplars.py) for the same layouts.
"""

import datetime
import io
import json
import zipfile

import pytest

import danvan
from conftest import ROOT

UNITS_PATH = ROOT / "data" / "units" / "phu-yen.json"


def registry() -> danvan.Registry:
    units = json.loads(UNITS_PATH.read_text(encoding="utf-8"))["units"]
    reg = {"type": "registered", "date": "2021-03-01"}
    doc = {
        "schema": "danvan/registry", "version": 1, "note": "test data", "fields": [],
        "units": units,
        "entries": [
            {"id": "a", "kind": "model", "subject": "collective",
             "name": "Dân vận khéo trong xây dựng đường, giao thông", "unit": "c22315",
             "fields": ["kinh-te"], "description": "", "person": None, "events": [reg]},
            {"id": "b", "kind": "exemplar", "subject": "individual", "name": "Cán bộ tiếp dân",
             "unit": "c22015", "fields": ["kinh-te"], "description": "",
             "person": "Đặng Thị Hồng", "events": [reg]},
        ],
    }
    return danvan.Registry.from_json(json.dumps(doc, ensure_ascii=False))


ROWS = [
    ["STT", "Tên tập thể, cá nhân", "Họ và tên", "Đơn vị", "Hình thức"],
    ["1", "Dân vận khéo trong xây dựng đường, giao thông", "", "c22315", "Giấy khen"],
    ["2", "Cán bộ tiếp dân", "đặng thị hồng", "c22015", ""],
    ["3", "Không có", "", "c22315", ""],
]


def docx(rows) -> bytes:
    """A .docx holding one table of `rows`, written with zipfile."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def cell(t):
        return f'<w:tc><w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p></w:tc>'

    table = "<w:tbl>" + "".join("<w:tr>" + "".join(cell(c) for c in r) + "</w:tr>"
                                for r in rows) + "</w:tbl>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml",
                   f'<w:document xmlns:w="{w}"><w:body>{table}</w:body></w:document>')
    return buf.getvalue()


def xlsx(rows, title=True) -> bytes:
    """An .xlsx of `rows` under a title merged across (openpyxl), or None without openpyxl."""
    openpyxl = pytest.importorskip("openpyxl", reason="not run: python3-openpyxl is missing")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Đề nghị"
    if title:
        sheet.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])
        sheet.merge_cells("A1:E1")
        sheet.append([])
    for r in rows:
        sheet.append([c if c != "" else None for c in r])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def formats_built() -> bool:
    try:
        registry().import_proposals(docx(ROWS), date="2025-11-20")
    except danvan.ValueError as e:
        if "without .docx and .xlsx support" in str(e):
            return False
        raise
    return True


def test_a_docx_list_by_bytes_and_by_path(tmp_path):
    if not formats_built():
        pytest.skip("not run: danvan was built without danvan::formats")
    r = registry()
    t = r.import_proposals(docx(ROWS), form="bang-khen", date="2025-11-20", level="district",
                           by="p54")
    assert (t.rows, t.added, t.table) == (3, 2, 1)
    assert t.ignored_columns == ("STT",)
    assert [str(p) for p in t.problems] == [
        'row 4, cell B4: no entry "Không có" of "c22315" in the registry']
    assert (t.problems[0].row, t.problems[0].cell) == (4, "B4")
    a = r.entry(r.find("a")).events[-1]
    assert (a.type, a.status, a.form, a.by) == (
        danvan.EventType.awarded, danvan.CommendationStatus.proposed, "giay-khen", "p54")
    assert a.date == danvan.PartialDate(2025, 11, 20)
    assert r.entry(r.find("b")).events[-1].form == "bang-khen"
    assert repr(t) == "<TableImport: 2 of 3 rows added, 1 problems>"
    # The same list from a file, as a commendation.
    path = tmp_path / "de-nghi.docx"
    path.write_bytes(docx(ROWS))
    r2 = registry()
    t2 = r2.import_proposals(path, type="commended", date="2025-11")
    assert (t2.rows, t2.added) == (3, 2)
    assert r2.entry(r2.find("a")).events[-1].type == danvan.EventType.commended


def test_an_xlsx_list_finds_its_header_below_a_title(tmp_path):
    if not formats_built():
        pytest.skip("not run: danvan was built without danvan::formats")
    rows = [ROWS[0]] + [["", "I. TẬP THỂ", "", "", ""]] + ROWS[1:] + [
        ["4", "=B4", "", "c22315", ""]]
    data = xlsx(rows)
    r = registry()
    t = r.import_proposals(data, form="bang-khen", date="2025")
    assert (t.rows, t.added, t.table) == (4, 2, 0)
    assert [str(p) for p in t.problems] == [
        'row 7, cell B7: no entry "Không có" of "c22315" in the registry',
        "row 8, cell B8: a formula (=B4) where a value is expected; type the value itself"]
    assert r.entry(r.find("a")).events[-1].form == "giay-khen"
    # By path (by its extension), the header row and sheet given, a header of its own.
    renamed = [["STT", "Tên MH", "Họ và tên", "Đơn vị", "Hình thức"]] + ROWS[1:3]
    path = tmp_path / "de-nghi.xlsx"
    path.write_bytes(xlsx(renamed))
    r2 = registry()
    t2 = r2.import_proposals(path, date="2025", columns={"Tên MH": "name"}, sheet="Đề nghị",
                             header_row=3)
    assert (t2.rows, t2.added, t2.problems) == (2, 2, ())


def test_bad_lists_and_arguments(tmp_path):
    if not formats_built():
        pytest.skip("not run: danvan was built without danvan::formats")
    r = registry()
    path = tmp_path / "de-nghi.xlsx"
    path.write_bytes(xlsx(ROWS))
    name = str(path)
    with pytest.raises(danvan.ValueError) as e:
        r.import_proposals(path, header_row=4, date="2025")
    assert str(e.value) == f'{name}: row 4: no column "Tên mô hình"'
    with pytest.raises(danvan.ValueError) as e:
        r.import_proposals(path, columns={"Họ và tên": "field"}, date="2025")
    assert str(e.value) == (f'{name}: a proposal list has no column "field" (alias "Họ và '
                            'tên"); its columns are name, unit and person')
    with pytest.raises(danvan.ValueError) as e:
        r.import_proposals(path, columns={"Họ và tên": "ten"}, date="2025")
    assert str(e.value).startswith('unknown column "ten"; expected one of id, name, unit')
    with pytest.raises(danvan.ValueError) as e:
        r.import_proposals(docx(ROWS), sheet="Đề nghị", date="2025")
    assert str(e.value) == "<bytes>: sheet and header_row go with an .xlsx list"
    with pytest.raises(danvan.ValueError) as e:
        r.import_proposals(docx(ROWS), by="nowhere", date="2025")
    assert str(e.value) == 'by: unknown unit "nowhere"'
    with pytest.raises(danvan.ValueError) as e:
        r.import_proposals(docx(ROWS), type="replicated", date="2025")
    assert str(e.value) == ('<bytes>: a proposal is for a recognition, a commendation or an '
                            'award, not "replicated"')
    with pytest.raises(danvan.ValueError) as e:
        r.import_proposals(docx([["Nơi nhận:", "CHỦ TỊCH"]]), date="2025")
    assert str(e.value) == ('<bytes>: no table of the .docx names the columns of a proposal '
                            'list: a name ("Tên mô hình") and "Đơn vị"')
    # No date (an event needs one); not an archive; cut short; a missing file.
    with pytest.raises(danvan.ValueError) as e:
        r.import_proposals(docx(ROWS))
    assert str(e.value) == ("<bytes>: the proposals have no date: give the date of the list (an "
                            "event needs one)")
    with pytest.raises(danvan.ValueError) as e:
        r.import_proposals(b"hello", date="2025")
    assert str(e.value) == ("<bytes>: the .docx is damaged or cut short: its zip directory is "
                            "missing (Not a zip archive)")
    cut = docx(ROWS)
    with pytest.raises(danvan.ValueError) as e:
        r.import_proposals(cut[: len(cut) // 2], date="2025")
    assert str(e.value) == ("<bytes>: the .docx is damaged or cut short: its zip directory is "
                            "missing (Not a zip archive)")
    with pytest.raises(danvan.IoError):
        r.import_proposals(tmp_path / "missing.docx", date="2025")
    with pytest.raises(TypeError) as e:
        r.import_proposals(42, date="2025")
    assert str(e.value) == "source is a path (str or os.PathLike) or the file's bytes, not int"
    # Nothing changed by the refused calls.
    assert [len(r.entry(i).events) for i in range(len(r))] == [1, 1]


def test_a_recognition_list_gives_proposals_that_count_only_when_decided():
    r = registry()
    rows = [["STT", "Tên tập thể, cá nhân", "Họ và tên", "Đơn vị"]] + [row[:4] for row in ROWS[1:3]]
    t = r.import_proposals(docx(rows), type="recognised", date="2025-11-20", level="district",
                           by="d563")
    assert (t.rows, t.added, t.problems) == (2, 2, ())
    proposal = r["a"].events[-1]
    assert proposal.type is danvan.EventType.recognised
    assert proposal.status is danvan.CommendationStatus.proposed
    assert proposal.to_dict()["status"] == "proposed"
    # Not a recognition yet: no level, no state, not in a recognised_in selection or the table.
    assert r["a"].level_on(datetime.date(2026, 1, 1)) is None
    assert r.select(recognised_in="2025") == []
    assert r.stats(year=2025).total["recognised"] == 0
    assert r.entries_table()["recognised"] == [None, None]
    r.decide("a", -1, decision="12/QĐ-UBND", grade="tot")
    decided = r["a"].events[-1]
    assert decided.status is danvan.CommendationStatus.decided
    assert (decided.decision, decided.grade) == ("12/QĐ-UBND", "tot")
    assert r["a"].level_on(datetime.date(2026, 1, 1)) is danvan.Level.district
    assert r.select(recognised_in="2025") == [0]
    assert r.stats(year=2025).total["recognised"] == 1
    # Written and read back (version 3), the other proposal keeps its status.
    back = danvan.Registry.from_json(r.to_json())
    assert back == r and back["b"].events[-1].status is danvan.CommendationStatus.proposed
    # A form for a recognition list, a decided event, a grade for an award, no such event.
    with pytest.raises(danvan.ValueError, match=r'a recognition has no form \("Giấy khen"\)'):
        r.import_proposals(docx(ROWS), type="recognised", date="2025-11-20", form="Giấy khen")
    with pytest.raises(danvan.ValueError, match=r'event 2 \(recognised on 2025-11-20\) is not a '
                                                r'proposal'):
        r.decide("a", 1)
    with pytest.raises(IndexError, match=r'entry "b": no event 5 \(it has 2\)'):
        r.decide("b", 5)
    with pytest.raises(danvan.ValueError, match='unknown entry "x"'):
        r.decide("x", 0)
    before = danvan.Registry.from_json(r.to_json())
    with pytest.raises(danvan.ValueError, match=r"must not have a form"):
        r.decide("b", 1, form="bang-khen")
    assert r == before
