"""The .xlsx files danvan writes, opened with another reader (python3-openpyxl), and files
openpyxl writes read by danvan: the progress form (protection, unlocked inputs, validation,
formats), a form filled by openpyxl imported back, text in a number cell refused, the progress
workbook, and registry lists and statistics out and in. Prints "not run: python3-openpyxl is
not installed" (ctest: skipped) without openpyxl."""
import datetime
import json
import os
import pathlib
import subprocess
import sys

try:
    import openpyxl
except ImportError:  # pragma: no cover - depends on the machine
    print("not run: python3-openpyxl is not installed")
    sys.exit(0)
import pytest  # noqa: E402

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
PROGRESS = ROOT / "data/progress/phu-yen-2020-progress.json"
REPORTS = ROOT / "data/progress/phu-yen-2020-reports.json"
REGISTRY = ROOT / "data/registry/sample-registry.json"
UNIT = "d563"


def run(*args):
    p = subprocess.run([CLI, *map(str, args)], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


@pytest.fixture()
def form(tmp_path):
    path = tmp_path / "form.xlsx"
    code, out, err = run("progress", "template", PROGRESS, "--unit", UNIT, "--period", "202005",
                         "--output", path)
    assert code == 0, err
    return path


def indicator_rows(ws):
    """(row, id, kind) of each indicator row of the form."""
    rows = []
    for r in range(8, ws.max_row + 1):
        ident, kind = ws.cell(r, 1).value, ws.cell(r, 3).value
        if ident:
            rows.append((r, ident, kind))
    return rows


def test_form_opens_in_openpyxl_protected_with_typed_inputs(form):
    wb = openpyxl.load_workbook(form)
    assert wb.sheetnames == ["Báo cáo"]
    ws = wb["Báo cáo"]
    assert ws.protection.sheet is True
    assert ws["B2"].value == "phu-yen-2020-nam-dan-van-kheo"
    assert ws["B3"].value == UNIT
    assert ws["B4"].value == "202005"
    assert ws["A7"].value == "Mã chỉ tiêu" and ws["F7"].value == "Mẫu số"
    assert ws["B5"].protection.locked is False and ws["B5"].number_format == "dd/mm/yyyy"
    assert ws["B2"].protection.locked is True
    doc = json.loads(PROGRESS.read_text("utf-8"))
    rows = indicator_rows(ws)
    assert [i for _, i, _ in rows] == [i["id"] for i in doc["indicators"]]
    validations = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    for r, ident, kind in rows:
        if kind == "Tỷ lệ (%)":
            assert ws.cell(r, 5).protection.locked is False
            assert ws.cell(r, 6).protection.locked is False
            assert ws.cell(r, 4).protection.locked is True
            assert ws.cell(r, 7).value.startswith("=IF(")
            assert "%" in ws.cell(r, 7).number_format
            assert validations[f"E{r}"].type == "decimal"
        else:
            assert ws.cell(r, 4).protection.locked is False, ident
            assert ws.cell(r, 5).protection.locked is True
        if kind == "Có/Không":
            assert validations[f"D{r}"].type == "list"
            assert validations[f"D{r}"].formula1 == '"Có,Không"'
        if kind == "Số lượng":
            assert validations[f"D{r}"].type == "decimal"


def test_form_filled_by_openpyxl_imports(form, tmp_path):
    wb = openpyxl.load_workbook(form)
    ws = wb["Báo cáo"]
    ws["B5"] = datetime.datetime(2020, 6, 4)
    ws["B5"].number_format = "dd/mm/yyyy"
    expected = {}
    for n, (r, ident, kind) in enumerate(indicator_rows(ws)):
        if kind == "Số lượng":
            ws.cell(r, 4).value = n + 1
            expected[ident] = n + 1
        elif kind == "Tỷ lệ (%)":
            ws.cell(r, 5).value, ws.cell(r, 6).value = 3, 4
            expected[ident] = {"numerator": 3, "denominator": 4}
        elif kind == "Có/Không":
            ws.cell(r, 4).value = "Không"
            expected[ident] = False
        else:
            ws.cell(r, 4).value = "Đã tổ chức đối thoại"
            expected[ident] = "Đã tổ chức đối thoại"
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    out_path = tmp_path / "reports.json"
    code, out, err = run("progress", "import-xlsx", PROGRESS, filled, "--output", out_path,
                         "--period", "202005")
    assert code == 0, err
    batch = json.loads(out_path.read_text("utf-8"))
    assert batch["schema"] == "danvan/reports"
    [report] = batch["reports"]
    assert report["unit"] == UNIT and report["period"] == "202005"
    assert report["submitted"] == "2020-06-04"
    assert {v["indicator"]: v["value"] for v in report["values"]} == expected
    # The batch is a reports document `danvan progress` reads.
    code, out, err = run("progress", PROGRESS, out_path, "--period", "202005", "--as-of",
                         "2020-12-31")
    assert code == 0, err

    # Text in a number cell, and a form for another period: each named, nothing written.
    r = indicator_rows(ws)[0][0]
    ws.cell(r, 4).value = "mười"
    ws["B4"] = "202006"
    bad = tmp_path / "bad.xlsx"
    wb.save(bad)
    out_path.unlink()
    code, out, err = run("progress", "import-xlsx", PROGRESS, filled, bad, "--output", out_path,
                         "--period", "202005")
    assert code == 1
    assert f'bad.xlsx: Báo cáo!B4: the form is for period 202006, not 202005' in err
    assert f'bad.xlsx: Báo cáo!D{r}: expected a number, got "mười"' in err
    assert "2 problems in the forms; nothing was imported" in err
    assert not out_path.exists()


def test_imported_forms_are_submitted_in_the_workflow(form, tmp_path):
    wb = openpyxl.load_workbook(form)
    ws = wb["Báo cáo"]
    ws["B5"] = datetime.datetime(2020, 6, 4)
    ws["B5"].number_format = "dd/mm/yyyy"
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    journal = tmp_path / "wf.jsonl"
    reports = tmp_path / "reports.json"
    code, out, err = run("progress", "import-xlsx", PROGRESS, filled, "--output", reports,
                         "--workflow", journal)
    assert code == 0, err
    assert f"1 report submitted in {journal}" in err
    [line] = journal.read_text("utf-8").splitlines()
    assert json.loads(line) == {"unit": UNIT, "period": "202005", "action": "submit",
                                "date": "2020-06-04", "by": UNIT, "person": None,
                                "reason": None}
    code, out, err = run("progress", "workflow", "list", PROGRESS, reports, journal, "--as-of",
                         "2020-06-05")
    assert code == 0, err
    assert "Chờ duyệt: 1" in out and "chờ p54" in out

    # The same form again while it awaits approval: refused, nothing written.
    reports.unlink()
    code, out, err = run("progress", "import-xlsx", PROGRESS, filled, "--output", reports,
                         "--workflow", journal)
    assert code == 1
    assert (f"filled.xlsx: report of {UNIT} for 202005: cannot submit: it was submitted on "
            "2020-06-04 and awaits approval") in err
    assert f"{journal}: 1 form cannot be submitted; nothing was imported" in err
    assert not reports.exists() and len(journal.read_text("utf-8").splitlines()) == 1

    # Returned by the province: a corrected form dated before the return is refused, one dated
    # after it is the resubmission.
    code, out, err = run("progress", "import-xlsx", PROGRESS, filled, "--output", reports)
    assert code == 0, err
    code, out, err = run("progress", "workflow", "return", PROGRESS, reports, journal, "--unit",
                         UNIT, "--period", "202005", "--date", "2020-06-06", "--by", "p54",
                         "--reason", "Thiếu số liệu")
    assert code == 0, err
    code, out, err = run("progress", "import-xlsx", PROGRESS, filled, "--output", reports,
                         "--workflow", journal)
    assert code == 1
    assert (f"filled.xlsx: report of {UNIT} for 202005: submit on 2020-06-04 is before the "
            "previous transition (return on 2020-06-06)") in err
    ws["B5"] = datetime.datetime(2020, 6, 8)
    wb.save(filled)
    code, out, err = run("progress", "import-xlsx", PROGRESS, filled, "--output", reports,
                         "--workflow", journal)
    assert code == 0, err
    actions = [json.loads(x)["action"] for x in journal.read_text("utf-8").splitlines()]
    assert actions == ["submit", "return", "submit"]


def test_progress_workbook_opens_in_openpyxl(tmp_path):
    path = tmp_path / "progress.xlsx"
    code, out, err = run("progress", PROGRESS, REPORTS, "--format", "xlsx", "--output", path,
                         "--period", "2020", "--as-of", "2021-01-01")
    assert code == 0, err
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Nộp báo cáo", "Chỉ tiêu", "Hoạt động"]
    ws = wb["Nộp báo cáo"]
    assert ws["D1"].value == "Phải nộp"
    assert isinstance(ws["D2"].value, int) and ws["D2"].value > 0
    code, out, err = run("progress", PROGRESS, REPORTS, "--format", "xlsx")
    assert code == 2 and "--format xlsx needs --output FILE" in err


def test_registry_list_and_stats_round_trip_through_openpyxl(tmp_path):
    listing = tmp_path / "list.xlsx"
    code, out, err = run("exemplars", "list", REGISTRY, "--format", "xlsx", "--output", listing)
    assert code == 0, err
    wb = openpyxl.load_workbook(listing)
    ws = wb.active
    assert ws.title == "Danh sách"
    assert [c.value for c in ws[1]][:3] == ["Mã", "Tên mô hình", "Đơn vị"]
    rows = ws.max_row - 1
    assert rows > 10
    # openpyxl writes the list again (its own shared strings and styles); danvan imports it
    # into the registry, where every id already exists: each row is reported, none added.
    again = tmp_path / "again.xlsx"
    wb.save(again)
    code, out, err = run("exemplars", "import-xlsx", REGISTRY, again)
    assert code == 1
    assert f"again.xlsx: 0 of {rows} rows added" in err
    stats = tmp_path / "stats.xlsx"
    code, out, err = run("exemplars", "stats", REGISTRY, "--format", "xlsx", "--output", stats)
    assert code == 0, err
    ws = openpyxl.load_workbook(stats).active
    assert ws.title == "Thống kê"
    last = [c.value for c in ws[ws.max_row]]
    assert last[0] == "Tổng cộng" and all(isinstance(v, int) for v in last[3:])


def test_reported_figures_sheet(tmp_path):
    """stats writes the reported figures as a second sheet; figures writes them alone."""
    real = ROOT / "data/registry/real/registries/hau-giang-nga-bay-2020-cong-nhan-62.json"
    stats = tmp_path / "stats.xlsx"
    code, _, err = run("exemplars", "stats", real, "--year", "2020", "--format", "xlsx",
                       "--output", stats)
    assert code == 0, err
    wb = openpyxl.load_workbook(stats)
    assert wb.sheetnames == ["Thống kê", "Số liệu báo cáo"]
    ws = wb["Số liệu báo cáo"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Đơn vị", "Kỳ", "Chỉ tiêu"] and header[8:10] == ["Số liệu báo cáo",
                                                                         "Trong sổ"]
    first = [c.value for c in ws[2]]
    assert first[:3] == ["nga-bay", "2020", "công nhận"] and first[8] == 62
    assert isinstance(first[9], int)
    alone = tmp_path / "figures.xlsx"
    code, _, err = run("exemplars", "figures", real, "--format", "xlsx", "--output", alone)
    assert code == 0, err
    again = openpyxl.load_workbook(alone)
    assert again.sheetnames == ["Số liệu báo cáo"]
    assert again.active.max_row == ws.max_row
