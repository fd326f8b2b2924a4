"""The Excel forms of progress plans from Python: the form a unit fills (progress_form), filled
forms read back (import_progress_forms) and the progress workbook (progress_workbook), checked
by opening them with python3-openpyxl and by filling a form with it.

Runs on the bundled SAMPLE progress plan and reports (data/progress, invented figures). Without
openpyxl the tests are skipped ("not run"); without danvan::formats as well."""

import datetime
import io

import pytest

import danvan
from conftest import ROOT

openpyxl = pytest.importorskip("openpyxl", reason="not run: python3-openpyxl is not installed")

PROGRESS_PATH = ROOT / "data" / "progress" / "phu-yen-2020-progress.json"
REPORTS_PATH = ROOT / "data" / "progress" / "phu-yen-2020-reports.json"
MAY = danvan.Period.parse("202005")
UNIT = "d563"


@pytest.fixture(scope="module")
def progress() -> danvan.ProgressPlan:
    plan = danvan.load_progress_plan(PROGRESS_PATH)
    try:
        danvan.progress_form(plan, UNIT, MAY)
    except danvan.ValueError as e:
        if "not built with .xlsx support" in str(e):
            pytest.skip("not run: danvan was built without danvan::formats")
        raise
    return plan


def filled_form(progress, day=datetime.datetime(2020, 6, 4)):
    """The unit's form for May filled with openpyxl: (workbook, expected values by id)."""
    wb = openpyxl.load_workbook(io.BytesIO(danvan.progress_form(progress, UNIT, MAY)))
    ws = wb["Báo cáo"]
    ws["B5"] = day
    ws["B5"].number_format = "dd/mm/yyyy"
    expected = {}
    for r in range(8, ws.max_row + 1):
        ident, kind = ws.cell(r, 1).value, ws.cell(r, 3).value
        if not ident:
            continue
        if kind == "Số lượng":
            ws.cell(r, 4).value = r
            expected[ident] = r
        elif kind == "Tỷ lệ (%)":
            ws.cell(r, 5).value, ws.cell(r, 6).value = 3, 4
            expected[ident] = {"numerator": 3, "denominator": 4}
        elif kind == "Có/Không":
            ws.cell(r, 4).value = "Có"
            expected[ident] = True
        else:
            ws.cell(r, 4).value = "Đã tổ chức đối thoại"
    return wb, expected


def saved(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_form_opens_in_openpyxl(progress):
    wb = openpyxl.load_workbook(io.BytesIO(danvan.progress_form(progress, UNIT, MAY)))
    ws = wb["Báo cáo"]
    assert (ws["B2"].value, ws["B3"].value, ws["B4"].value) == (progress.plan_id, UNIT, "202005")
    assert ws.protection.sheet is True
    with pytest.raises(danvan.ValueError):
        danvan.progress_form(progress, "khong-co", MAY)


def test_a_form_filled_with_openpyxl_imports(progress, tmp_path):
    wb, expected = filled_form(progress)
    path = tmp_path / "phu-hoa.xlsx"
    path.write_bytes(saved(wb))
    batch = danvan.import_progress_forms(progress, [path], period=MAY, unit_id=UNIT)
    assert isinstance(batch, danvan.ReportBatch)
    [report] = batch.reports
    assert (report.unit_id, report.period, report.submitted) == (UNIT, MAY,
                                                                 datetime.date(2020, 6, 4))
    values = {v["indicator_id"]: v["value"] for v in report.to_dict()["values"]}
    assert {k: values[k] for k in expected} == expected
    assert report.find_value(next(iter(expected))).indicator_id == next(iter(expected))
    # A (name, bytes) pair reads the same; the batch is one `summarize_progress` takes.
    again = danvan.import_progress_forms(progress, [("phu-hoa.xlsx", path.read_bytes())])
    assert again == batch
    summary = danvan.summarize_progress(progress, batch, datetime.date(2020, 12, 31), period=MAY)
    book = openpyxl.load_workbook(io.BytesIO(danvan.progress_workbook(progress, summary)))
    assert book.sheetnames[:3] == ["Nộp báo cáo", "Chỉ tiêu", "Hoạt động"]


def test_bad_forms_import_nothing_and_name_every_cell(progress, tmp_path):
    wb, _ = filled_form(progress)
    ws = wb["Báo cáo"]
    first = next(r for r in range(8, ws.max_row + 1) if ws.cell(r, 3).value == "Số lượng")
    ws.cell(first, 4).value = "mười"
    ws["B4"] = "202006"
    good, _ = filled_form(progress)
    forms = [("good.xlsx", saved(good)), ("bad.xlsx", saved(wb))]
    with pytest.raises(danvan.ValueError) as e:
        danvan.import_progress_forms(progress, forms, period=MAY)
    assert str(e.value).splitlines() == [
        "2 problems in the forms; nothing was imported:",
        "  bad.xlsx: Báo cáo!B4: the form is for period 202006, not 202005",
        f'  bad.xlsx: Báo cáo!D{first}: expected a number, got "mười"',
    ]
    # Every problem with its form and cell (issue 12), as the message lists them.
    assert e.value.problems == [
        ("bad.xlsx: Báo cáo!B4", "the form is for period 202006, not 202005"),
        (f"bad.xlsx: Báo cáo!D{first}", 'expected a number, got "mười"'),
    ]
    with pytest.raises(danvan.ValueError) as e:
        danvan.import_progress_forms(progress, [("good.xlsx", saved(good))], unit_id="d559")
    assert str(e.value).splitlines()[1] == (
        '  good.xlsx: Báo cáo!B3: the form is for unit "d563", not "d559"')
    with pytest.raises(danvan.ValueError) as e:
        danvan.import_progress_forms(progress, [("old.xlsx", b"\xd0\xcf\x11\xe0" + bytes(60))])
    assert "old.xlsx" in str(e.value)
    with pytest.raises(TypeError, match=r"a form is a path or a \(name: str, data: bytes\) pair"):
        danvan.import_progress_forms(progress, [("x.xlsx", "not bytes")])
    with pytest.raises(danvan.IoError):
        danvan.import_progress_forms(progress, [tmp_path / "missing.xlsx"])
