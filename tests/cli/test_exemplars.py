"""End-to-end tests of `danvan exemplars` (run by ctest with DANVAN_CLI set)."""
import csv
import io
import json
import os
import pathlib
import subprocess

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
SAMPLE = ROOT / "data/registry/sample-registry.json"
UNITS = ROOT / "data/units/phu-yen.json"


def run(*args, stdin=None):
    p = subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def small_registry(tmp_path):
    units = json.loads(UNITS.read_text("utf-8"))["units"]
    reg = {"type": "registered", "date": "2021-03-01"}
    doc = {
        "schema": "danvan/registry", "version": 1, "note": "test data", "fields": [],
        "units": units,
        "entries": [
            {"id": "a", "kind": "model", "subject": "collective",
             "name": "Dân vận khéo trong xây dựng đường, giao thông", "unit": "c22315",
             "fields": ["kinh-te"], "description": "", "person": None,
             "events": [reg, {"type": "recognised", "date": "2021-06-01", "level": "province",
                              "by": "p54", "decision": "12/QĐ-UBND"}]},
            {"id": "b", "kind": "exemplar", "subject": "individual", "name": "Cán bộ tiếp dân",
             "unit": "c22015", "fields": ["kinh-te"], "description": "",
             "person": "Đặng Thị Hồng", "events": [{"type": "registered", "date": "2022-01-05"}]},
            {"id": "c", "kind": "model", "subject": "collective", "name": "Tổ hòa giải",
             "unit": "c22319-20250701", "fields": ["quoc-phong-an-ninh"], "description": "",
             "person": None, "events": [{"type": "registered", "date": "2025-09-01"}]},
        ],
    }
    path = tmp_path / "r.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


def test_stats_csv_exact(tmp_path):
    path = small_registry(tmp_path)
    code, out, err = run("exemplars", "stats", path, "--year", "2022", "--by", "subject",
                         "--format", "csv")
    assert (code, err) == (0, "")
    assert out == ("\ufeffĐối tượng,Đăng ký 2022,Đăng ký 2021,Công nhận 2022,Công nhận 2021,"
                   "Còn hiệu quả 2022,Còn hiệu quả 2021,\"Biểu dương, khen thưởng 2022\","
                   "\"Biểu dương, khen thưởng 2021\",Nhân rộng 2022,Nhân rộng 2021\r\n"
                   "tập thể,0,1,0,1,1,1,0,0,0,0\r\n"
                   "cá nhân,1,0,0,0,0,0,0,0,0,0\r\n"
                   "Tổng cộng,1,1,0,1,1,1,0,0,0,0\r\n")


def test_stats_current_units_counts_2021_entries_under_dak_lak(tmp_path):
    path = small_registry(tmp_path)
    code, out, _ = run("exemplars", "stats", path, "--year", "2026", "--unit", "p66-20250701",
                       "--current-units", "--format", "json", "--by", "field")
    assert code == 0
    doc = json.loads(out)
    assert doc["total"]["counts"]["effective"] == 1
    assert doc["unit"] == "p66-20250701" and doc["current_units"] is True
    code, out, _ = run("exemplars", "stats", path, "--year", "2026", "--unit", "p66-20250701",
                       "--format", "json", "--by", "field")
    assert json.loads(out)["total"]["counts"]["effective"] == 0


def test_stats_of_several_units_counts_each_entry_once(tmp_path):
    doc = json.loads(small_registry(tmp_path).read_text("utf-8"))
    doc["entries"][0]["events"].append({"type": "replicated", "date": "2022-02-01",
                                        "units": ["c22312"]})
    path = tmp_path / "replicated.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")

    def table(*options):
        code, out, err = run("exemplars", "stats", path, "--year", "2022", "--by", "kind",
                             *options)
        assert (code, err) == (0, "")
        return out

    def counts(*options):
        return json.loads(table(*options, "--format", "json"))["total"]["counts"]

    # "a" (Hòa An) was replicated into Hòa Trị in 2022: each commune's own table counts that.
    zero = dict.fromkeys(["registered", "recognised", "effective", "commended", "replicated",
                          "proposed", "promoted"], 0)
    assert counts("--unit", "c22315") == dict(zero, effective=1, replicated=1)
    assert counts("--unit", "c22312") == dict(zero, replicated=1)
    # Together: the union of the two subtrees, "a" once, as its owner's entry.
    both = json.loads(table("--unit", "c22315,c22312", "--format", "json"))
    assert both["total"]["counts"] == dict(zero, effective=1, replicated=1)
    assert (both["unit"], both["units"]) == (None, ["c22315", "c22312"])
    # A repeated --unit is the same as a comma-separated one.
    assert table("--unit", "c22315", "--unit", "c22312") == table(
        "--unit", "c22315,c22312")
    assert ("Đơn vị: c22315, c22312 (gộp chung, mỗi mô hình, điển hình "
            "tính một lần)\n") in table("--unit", "c22315,c22312")
    # One unit: "unit" names it, as before.
    one = json.loads(table("--unit", "c22315", "--format", "json"))
    assert (one["unit"], one["units"]) == ("c22315", ["c22315"])


def test_stats_text_of_sample_is_labelled():
    code, out, err = run("exemplars", "stats", SAMPLE, "--year", "2022", "--unit", "p54")
    assert (code, err) == (0, "")
    assert out.startswith("(SAMPLE DATA")
    assert "Thống kê mô hình, điển hình \"Dân vận khéo\" năm 2022" in out
    assert "Tổng cộng" in out


def test_search_folds_and_sorts(tmp_path):
    path = small_registry(tmp_path)
    code, out, _ = run("exemplars", "search", path, "dan van kheo")
    assert code == 0
    assert out.splitlines() == ["a  2021-03-01  mô hình, tập thể  Dân vận khéo trong xây dựng "
                                "đường, giao thông  [c22315; đã công nhận]"]
    code, out, _ = run("exemplars", "search", path, "dang")
    assert out.split("  ")[0] == "b"
    code, out, err = run("exemplars", "search", path, "không có")
    assert (code, out, err) == (1, "", "no entry matches \"không có\"\n")


def test_list_filters_and_sort(tmp_path):
    path = small_registry(tmp_path)
    code, out, _ = run("exemplars", "list", path, "--sort", "date")
    assert [line.split("  ")[0] for line in out.splitlines()] == ["a", "b", "c"]
    code, out, _ = run("exemplars", "list", path)
    # Individuals sort by the person's given name: "Hồng" (b) after "Dân vận" (a), before "Tổ".
    assert [line.split("  ")[0] for line in out.splitlines()] == ["a", "b", "c"]
    code, out, _ = run("exemplars", "list", path, "--unit", "c22319-20250701", "--current-units",
                       "--as-of", "2026-01-01")
    assert [line.split("  ")[0] for line in out.splitlines()] == ["a", "c"]
    code, out, _ = run("exemplars", "list", path, "--subject", "individual")
    assert [line.split("  ")[0] for line in out.splitlines()] == ["b"]


def test_bad_registry_reports_pointer(tmp_path):
    doc = json.loads(small_registry(tmp_path).read_text("utf-8"))
    doc["entries"][1]["events"].append({"type": "replicated", "date": "2022-02-01",
                                        "units": ["d555"]})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    code, out, err = run("exemplars", "stats", bad)
    assert (code, out) == (1, "")
    assert err == (f"danvan exemplars: {bad}: /entries/1/events/1: event 2 (replicated on "
                   "2022-02-01) comes before recognition\n")
    # The same document from standard input is named so.
    code, out, err = run("exemplars", "stats", "-", stdin=bad.read_bytes())
    assert (code, out) == (1, "")
    assert err.startswith("danvan exemplars: (standard input): /entries/1/events/1: event 2 ")
    # A registry in a file is mapped and read without a copy; the result is the same as from
    # standard input.
    good = small_registry(tmp_path)
    assert run("exemplars", "list", good) == run("exemplars", "list", "-", stdin=good.read_bytes())


def test_usage_errors(tmp_path):
    path = small_registry(tmp_path)
    code, _, err = run("exemplars", "count", path)
    assert (code, err.splitlines()[0]) == (
        2, 'danvan exemplars: unknown subcommand "count"; expected one of stats, figures, search, '
        'list, import-csv, import-xlsx, import-proposals, decision, certificates')
    code, _, err = run("exemplars", "stats", path, "--format", "xml")
    assert (code, err.splitlines()[0]) == (
        2, 'danvan exemplars: unknown format "xml"; expected one of text, csv, json, xlsx')
    code, _, err = run("exemplars", "list", path, "--sort", "size")
    assert (code, err.splitlines()[0]) == (
        2, 'danvan exemplars: unknown sort "size"; expected one of name, date')
    code, _, err = run("exemplars", "stats", path, "--by", "colour")
    assert code == 2
    assert err.startswith("danvan exemplars: --by: unknown dimension \"colour\"; expected one of field, "
                          "level, subject, kind\n")
    code, _, err = run("exemplars", "search", path, "x", "--unit", "p54")
    assert (code, err.splitlines()[0]) == (2, "danvan exemplars: --unit does not apply to search")
    code, _, err = run("exemplars", "stats", path, "--unit", "nowhere")
    assert (code, err) == (1, "danvan exemplars: unknown unit \"nowhere\"\n")


def test_version_2_options(tmp_path):
    # The "Còn hiệu quả" column and list --state in_force count the same entries.
    code, out, _ = run("exemplars", "stats", SAMPLE, "--year", "2023", "--format", "json")
    assert code == 0
    effective = json.loads(out)["total"]["counts"]["effective"]
    code, out, _ = run("exemplars", "list", SAMPLE, "--as-of", "2023-12-31", "--state", "in_force")
    assert code == 0 and len(out.splitlines()) == effective > 0
    # Periods: a phase, compared with the phase before it.
    code, out, _ = run("exemplars", "stats", SAMPLE, "--period", "2021-2025", "--by", "kind")
    assert code == 0
    assert "giai đoạn 2021–2025" in out and "so với giai đoạn 2016–2020" in out
    code, _, err = run("exemplars", "stats", SAMPLE, "--period", "2025-2021")
    assert (code, err.splitlines()[0]) == (
        2, 'danvan exemplars: --period: period "2025-2021": ends before it starts')
    path = small_registry(tmp_path)
    code, out, _ = run("exemplars", "list", path, "--recognised-in", "2021")
    assert (code, [line.split()[0] for line in out.splitlines()]) == (0, ["a"])
    # --unit takes a part of a unit's name, folded.
    code, out, _ = run("exemplars", "list", path, "--unit", "hoa an")
    assert (code, [line.split()[0] for line in out.splitlines()]) == (0, ["a"])
    # A part two units share (Phường 1 before and after its enlargement of 01/11/2024) is
    # refused with the candidates.
    code, out, err = run("exemplars", "list", path, "--unit", "phuong 1")
    assert (code, out, err.splitlines()[0]) == (
        2, "", 'danvan exemplars: --unit: "phuong 1" matches 2 units (c22015, c22015-20241101); '
        "give an id")


def test_import_csv_adds_rows_and_reports_the_others_with_their_cells(tmp_path):
    registry = small_registry(tmp_path)
    table = tmp_path / "list.csv"
    table.write_text("STT,Tên mô hình,Đơn vị,Loại,Ngày công nhận,Cấp công nhận,Xếp loại\r\n"
                     "1,Chi hội phụ nữ,Xã Hòa An,mô hình,2021,huyện,tốt\r\n"
                     "2,Tổ tự quản,py-nowhere,mô hình,2021,,\r\n"
                     "3,Hộ ông B,c22315,điển hình,10/2021,xã,\r\n",
                     encoding="utf-8-sig")
    code, out, err = run("exemplars", "import-csv", registry, table)
    assert code == 1
    assert err.splitlines() == [
        f"{table}: row 3, cell C3: unknown unit \"py-nowhere\"",
        f"{table}: column \"STT\" is not read",
        f"{table}: 2 of 3 rows added",
    ]
    doc = json.loads(out)
    added = {e["id"]: e for e in doc["entries"][3:]}
    assert list(added) == ["row-2", "row-4"]
    assert added["row-2"]["unit"] == "c22315" and added["row-2"]["subject"] == "unknown"
    assert added["row-2"]["events"] == [{"type": "recognised", "date": "2021", "level": "district",
                                         "by": None, "decision": None, "grade": "tot",
                                         "status": "decided"}]
    # The registry written out lists as a table, and the table imports into the same entries.
    merged = tmp_path / "merged.json"
    merged.write_text(out, "utf-8")
    code, listed, _ = run("exemplars", "list", merged, "--format", "csv", "--sort", "date")
    assert code == 0 and listed.startswith("\ufeffMã,Tên mô hình,Đơn vị,")
    assert "row-4,Hộ ông B,c22315,,,điển hình,không rõ,,,,,10/2021,xã,,\r\n" in listed
    code, out, err = run("exemplars", "import-csv", registry, table, "--year", "2021")
    assert code == 2 and "--year does not apply to import-csv" in err


def test_import_columns_map_other_headers(tmp_path):
    registry = small_registry(tmp_path)
    table = tmp_path / "list.csv"
    table.write_text("TT;Tên MH;Đơn vị chủ quản;Loại;Ngày công nhận\r\n"
                     "1;Chi hội phụ nữ;Xã Hòa An;mô hình;2021\r\n", encoding="utf-8")
    code, _, err = run("exemplars", "import-csv", registry, table)
    assert code == 1 and 'no column "Tên mô hình"' in err
    code, out, err = run("exemplars", "import-csv", registry, table,
                         "--columns", "Tên MH=name; Đơn vị chủ quản=unit;")
    assert code == 0, err
    assert err.splitlines() == [f"{table}: column \"TT\" is not read", f"{table}: 1 of 1 rows added"]
    added = json.loads(out)["entries"][3]
    assert (added["name"], added["unit"], added["kind"]) == (
        "Chi hội phụ nữ", "c22315", "model")
    code, _, err = run("exemplars", "import-csv", registry, table, "--columns", "Tên MH")
    assert (code, err.splitlines()[0]) == (
        2, 'danvan exemplars: --columns: "Tên MH" is not HEADER=column')
    code, _, err = run("exemplars", "import-csv", registry, table, "--columns", "=name")
    assert (code, err.splitlines()[0]) == (
        2, 'danvan exemplars: --columns: "=name" is not HEADER=column')
    code, _, err = run("exemplars", "import-csv", registry, table, "--columns", "Tên MH=ten")
    assert (code, err.splitlines()[0]) == (
        2, 'danvan exemplars: --columns: unknown column "ten"; expected one of id, name, unit, '
        'place, field, kind, subject, person, description, registered, registration_level, '
        'recognised, recognition_level, grade, decision')
    code, _, err = run("exemplars", "list", registry, "--columns", "Tên MH=name")
    assert (code, err.splitlines()[0]) == (2, "danvan exemplars: --columns does not apply to list")


def test_import_csv_reads_a_utf16_table(tmp_path):
    registry = small_registry(tmp_path)
    table = tmp_path / "utf16.csv"
    table.write_bytes("Tên mô hình\tĐơn vị\tLoại\tNgày đăng ký\r\n"
                      "Dân vận khéo ở khu phố\tXã Hòa An\tmô hình\t2022\r\n".encode("utf-16"))
    code, out, err = run("exemplars", "import-csv", registry, table)
    assert (code, err.splitlines()) == (0, [f"{table}: read as UTF-16LE",
                                            f"{table}: 1 of 1 rows added"])
    assert json.loads(out)["entries"][3]["name"] == "Dân vận khéo ở khu phố"


def test_decision_writes_the_docx_and_refuses_what_it_cannot_write(tmp_path):
    out = tmp_path / "qd.docx"
    code, _, err = run("exemplars", "decision", SAMPLE, "--unit", "d555",
                       "--recognised-in", "2023", "--output", out)
    if code != 0 and "without danvan::office" in err:
        return  # a build without .docx writing: said plainly, nothing more to check
    assert code == 0, err
    # Thành phố Tuy Hòa's 2023 recognitions in the sample: 2 collectives, 2 individuals.
    assert err == f"{out}: decision recognising 4 entries\n"
    assert out.read_bytes()[:2] == b"PK"
    code, text, err = run("text", out)
    assert code == 0, err
    # The header table cell by cell, each cell's lines kept (the annex below one row a line).
    # The city (a territory in the register) decides through its People's Committee; the
    # place as the register writes the name ("Thành phố Tuy Hoà").
    assert "|\n**ỦY BAN NHÂN DÂN**\n**THÀNH PHỐ TUY HOÀ**\n" in text
    assert "|\nSố: ....../QĐ-UBND\n|\nTuy Hoà, ngày ..... tháng ..... năm .......\n|\n" in text
    assert "**Điều 1.** Công nhận 4 mô hình, điển hình \"Dân vận khéo\" năm 2023" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and line[2].isdigit()]
    # Collectives and individuals: two sections, each numbered from 1.
    assert [int(line.split(" | ")[0][2:]) for line in rows] == [*range(1, 3), *range(1, 3)]
    assert text.index("| **I. TẬP THỂ** |") < text.index("| **II. CÁ NHÂN** |")

    # Nothing selected: exit 1, no file.
    empty = tmp_path / "empty.docx"
    code, _, err = run("exemplars", "decision", SAMPLE, "--unit", "d555",
                       "--recognised-in", "1999", "--output", empty)
    assert (code, err) == (1, "danvan exemplars: no entry matches the filters: the decision "
                              "would recognise nothing\n")
    assert not empty.exists()
    # A folder that does not exist: exit 1, a clear message.
    missing = tmp_path / "nowhere" / "qd.docx"
    code, _, err = run("exemplars", "decision", SAMPLE, "--unit", "d555",
                       "--recognised-in", "2023", "--output", missing)
    assert (code, err) == (1, f"danvan exemplars: {missing}: the folder \"{missing.parent}\" "
                              "does not exist\n")
    # Usage: --output and --unit are required; --basis needs --catalogue.
    code, _, err = run("exemplars", "decision", SAMPLE, "--unit", "d555")
    assert code == 2 and "decision needs --output FILE.docx" in err
    code, _, err = run("exemplars", "decision", SAMPLE, "--output", out)
    assert code == 2 and "decision needs --unit, the issuing unit" in err
    code, _, err = run("exemplars", "decision", SAMPLE, "--unit", "d555", "--output", out,
                       "--basis", "ct-26-ttg-2016")
    assert code == 2 and "--basis needs --catalogue FILE to resolve the ids" in err
    code, _, err = run("exemplars", "decision", SAMPLE, "--unit", "d555", "--output", out,
                       "--recognised-in", "2023", "--catalogue",
                       ROOT / "data/instruments/catalogue.json", "--basis", "ct-26-ttg-2016")
    assert code == 0, err
    code, text, _ = run("text", out)
    assert "\nCăn cứ Chỉ thị 26/CT-TTg ngày 05/09/2016 của Thủ tướng Chính phủ" in text


def test_certificates_one_page_each(tmp_path):
    out = tmp_path / "gk.docx"
    code, _, err = run("exemplars", "certificates", SAMPLE, "--unit", "d555",
                       "--recognised-in", "2023", "--output", out)
    if code != 0 and "without danvan::office" in err:
        return
    assert (code, err) == (0, f"{out}: 4 certificates\n")
    code, text, _ = run("text", out)
    assert text.count("**GIẤY KHEN**") == 4
    code, _, err = run("exemplars", "decision", SAMPLE, "--unit", "d555", "--output", out,
                       "--form", "BẰNG KHEN")
    assert code == 2 and "--form goes with certificates only" in err


def proposal_docx(rows):
    """A .docx holding one table of `rows` (lists of cell texts), written with zipfile."""
    import io
    import zipfile
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


def test_import_proposals_adds_proposed_awards_and_reports_rows(tmp_path):
    registry = small_registry(tmp_path)
    table = tmp_path / "de-nghi.docx"
    table.write_bytes(proposal_docx([
        ["STT", "Tên tập thể, cá nhân", "Họ và tên", "Đơn vị", "Hình thức"],
        ["1", "Dân vận khéo trong xây dựng đường, giao thông", "", "c22315",
         "Giấy khen"],
        ["2", "Cán bộ tiếp dân", "đặng thị hồng", "c22015", ""],
        ["3", "Không có", "", "c22315", ""],
    ]))
    code, out, err = run("exemplars", "import-proposals", registry, table, "--form", "bang-khen",
                         "--date", "2025-11-20", "--level", "district", "--to", "p54")
    if "not built with .docx support" in err:
        return
    assert (code, err.splitlines()) == (1, [
        f"{table}: the proposal list is table 1",
        f"{table}: row 4, cell B4: no entry \"Không có\" of \"c22315\" in the registry",
        f"{table}: column \"STT\" is not read",
        f"{table}: 2 of 3 rows added"])
    entries = {e["id"]: e for e in json.loads(out)["entries"]}
    assert entries["a"]["events"][-1] == {
        "type": "awarded", "date": "2025-11-20", "level": "district", "by": "p54",
        "decision": None, "form": "giay-khen", "status": "proposed"}
    assert entries["b"]["events"][-1]["form"] == "bang-khen"
    # Usage and values: an unknown unit for --to, a type that is no commendation.
    code, _, err = run("exemplars", "import-proposals", registry, table, "--to", "nowhere")
    assert (code, err) == (1, "danvan exemplars: --to: unknown unit \"nowhere\"\n")
    code, _, err = run("exemplars", "import-proposals", registry, table, "--type", "replicated")
    assert (code, err) == (1, f"danvan exemplars: {table}: a proposal is for a recognition, a "
                              "commendation or an award, not \"replicated\"\n")


def test_import_proposals_from_an_xlsx_sheet(tmp_path):
    # A proposal list kept in Excel: a title merged across, the header found below it, a
    # header of the list's own (--columns), a section row merged across, a formula.
    try:
        import openpyxl
    except ImportError:
        print("not run: python3-openpyxl is not installed")
        return
    registry = small_registry(tmp_path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Đề nghị"
    sheet.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])
    sheet.merge_cells("A1:E1")
    sheet.append([])
    sheet.append(["STT", "Tên MH", "Họ và tên", "Đơn vị", "Hình thức"])
    sheet.append(["I. TẬP THỂ"])
    sheet.merge_cells("A4:E4")
    sheet.append([1, "Dân vận khéo trong xây dựng đường, giao thông", None, "c22315",
                  "Giấy khen"])
    sheet.append([2, "Cán bộ tiếp dân", "đặng thị hồng", "c22015", None])
    sheet.append([3, "=B5", None, "c22315", None])
    table = tmp_path / "de-nghi.xlsx"
    book.save(table)
    code, out, err = run("exemplars", "import-proposals", registry, table, "--form", "bang-khen",
                         "--date", "2025-11-20", "--columns", "Tên MH=name")
    if "not built with .xlsx support" in err or "not built with .docx support" in err:
        print("not run: danvan was built without .xlsx support")
        return
    assert (code, err.splitlines()) == (1, [
        f"{table}: row 7, cell B7: a formula (=B5) where a value is expected; type the value "
        "itself",
        f"{table}: column \"STT\" is not read",
        f"{table}: 2 of 3 rows added"])
    entries = {e["id"]: e for e in json.loads(out)["entries"]}
    assert entries["a"]["events"][-1]["form"] == "giay-khen"
    assert entries["a"]["events"][-1]["status"] == "proposed"
    assert entries["b"]["events"][-1]["form"] == "bang-khen"
    # Without the alias no row names the columns; a column the list cannot have.
    code, _, err = run("exemplars", "import-proposals", registry, table, "--date", "2025")
    assert (code, err) == (1, f"danvan exemplars: {table}: no row among the first 20 of "
                              "sheet \"Đề nghị\" names the columns of a proposal list: a name "
                              "(\"Tên mô hình\") and \"Đơn vị\"\n")
    code, _, err = run("exemplars", "import-proposals", registry, table, "--date", "2025",
                       "--columns", "Tên MH=field")
    assert (code, err) == (1, f"danvan exemplars: {table}: a proposal list has no column "
                              "\"field\" (alias \"Tên MH\"); its columns are name, unit and "
                              "person\n")
    code, _, err = run("exemplars", "import-proposals", registry, table, "--date", "2025",
                       "--columns", "Tên MH=name", "--header-row", "4")
    assert (code, err) == (1, f"danvan exemplars: {table}: row 4: no column "
                              "\"Tên mô hình\"\n")
    # Without a date every row would be refused: said once.
    code, _, err = run("exemplars", "import-proposals", registry, table)
    assert (code, err) == (1, f"danvan exemplars: {table}: the proposals have no date: give the "
                              "date of the list (an event needs one)\n")


def test_an_empty_output_is_a_usage_error(tmp_path):
    code, _, err = run("exemplars", "decision", SAMPLE, "--unit", "d555", "--output", "")
    assert code == 2 and "option --output needs a file name, not an empty one" in err
    code, _, err = run("exemplars", "certificates", SAMPLE, "--unit", "d555", "--output=")
    assert code == 2 and "option --output needs a file name, not an empty one" in err


def registry_with_figures(tmp_path):
    """small_registry as version 2 with three reported figures: the commune's 2021
    recognitions (1, as the entries say), the province's ("hơn 5": the registry holds fewer)
    and the province's registrations of 2016-2020 (a phase)."""
    doc = json.loads(small_registry(tmp_path).read_text("utf-8"))
    doc["version"] = 2
    source = "Báo Phú Yên, 2021"

    def figure(unit, period, category, value, qualifier="exact", quote=None):
        return {"unit": unit, "period": period, "category": category, "field": None,
                "level": None, "subject": None, "kind": None, "value": value,
                "qualifier": qualifier, "source": source, "quote": quote}

    doc["figures"] = [figure("c22315", "2021", "recognised", 1,
                             quote="Năm 2021, xã Hòa An có 1 mô hình được công nhận"),
                      figure("p54", "2021", "recognised", 5, "at_least"),
                      figure("p54", "2016-2020", "registered", 40)]
    path = tmp_path / "figures.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return path


def test_figures_listed_and_shown_beside_the_statistics(tmp_path):
    path = registry_with_figures(tmp_path)
    code, out, err = run("exemplars", "figures", path)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("Số liệu báo cáo (theo nguồn, không cộng vào bảng trên")
    assert lines[1:] == [
        "- c22315, năm 2021: công nhận 1; trong sổ: 1 (khớp); nguồn: Báo Phú Yên, 2021",
        "- p54, năm 2021: công nhận hơn 5; trong sổ: 1 (ít hơn); nguồn: Báo Phú Yên, 2021",
        "- p54, giai đoạn 2016–2020: đăng ký 40; trong sổ: 0 (ít hơn); nguồn: Báo Phú Yên, "
        "2021"]
    # A unit's subtree, a year, a phase.
    code, out, _ = run("exemplars", "figures", path, "--unit", "d563", "--format", "csv")
    assert code == 0
    assert out == ("\ufeffĐơn vị,Kỳ,Chỉ tiêu,Lĩnh vực,Cấp,Đối tượng,Loại,Mức,Số liệu báo cáo,"
                   "Trong sổ,So sánh,Nguồn,Trích dẫn\r\n"
                   "c22315,2021,công nhận,,,,,,1,1,khớp,\"Báo Phú Yên, 2021\","
                   "\"Năm 2021, xã Hòa An có 1 mô hình được công nhận\"\r\n")
    code, out, _ = run("exemplars", "figures", path, "--period", "2016-2020", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert [(f["figure"]["value"], f["from_entries"], f["agreement"]) for f in found] == [
        (40, 0, "below")]
    code, out, err = run("exemplars", "figures", path, "--year", "2023")
    assert (code, out, err) == (0, "", "")
    # The statistics of 2021 show the two figures of 2021 below the table, never in it.
    code, out, _ = run("exemplars", "stats", path, "--year", "2021", "--by", "kind")
    assert code == 0
    table, figures = out.split("Số liệu báo cáo")
    assert "hơn 5; trong sổ: 1 (ít hơn)" in figures and "giai đoạn" not in figures
    code, out, _ = run("exemplars", "stats", path, "--year", "2021", "--format", "json")
    assert [r["figure"]["unit"] for r in json.loads(out)["reported"]] == [
        "c22315", "p54"]
    assert json.loads(out)["total"]["counts"]["recognised"] == 1


def test_figures_usage_errors(tmp_path):
    path = registry_with_figures(tmp_path)
    code, _, err = run("exemplars", "figures", path, "--year", "2021", "--period", "2021")
    assert (code, err.splitlines()[0]) == (
        2, "danvan exemplars: --period and --year exclude each other")
    code, _, err = run("exemplars", "figures", path, "--by", "field")
    assert (code, err.splitlines()[0]) == (2, "danvan exemplars: --by does not apply to figures")
    code, _, err = run("exemplars", "figures", path, "--year", "21")
    assert code == 2 and err.startswith("danvan exemplars: --year")
    code, _, err = run("exemplars", "figures", path, "--unit", "nowhere")
    assert (code, err) == (1, "danvan exemplars: unknown unit \"nowhere\"\n")
    code, _, err = run("exemplars", "figures", path, "--format", "xlsx")
    assert (code, err.splitlines()[0]) == (2, "danvan exemplars: --format xlsx needs --output FILE")


def listed(*options):
    """The entry lines `exemplars list SAMPLE` prints with these options (as of a fixed day)."""
    code, out, err = run("exemplars", "list", SAMPLE, "--as-of", "2024-12-31", *options)
    assert (code, err) == (0, "")
    return out.splitlines()


def test_list_filters_take_several_values_separated_by_commas():
    # Several values: any matches, as Registry.select(kind=[...]); the oracle is the union of
    # the one-value lists (an entry with two of the fields is listed once).
    for option, values in [("--kind", ["model", "exemplar"]),
                           ("--subject", ["collective", "individual"]),
                           ("--field", ["kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh"]),
                           ("--unit", ["d555", "d560"]),
                           ("--level", ["province", "district"]),
                           ("--state", ["recognised", "registered"])]:
        union = set()
        for v in values:
            union |= set(listed(option, v))
        several = listed(option, ",".join(values))
        assert len(several) == len(set(several)), option
        assert set(several) == union and union, option
        assert listed(option, " , ".join(values)) == several  # spaces around the values
    # With other filters: every criterion still applies.
    both = listed("--kind", "model,exemplar", "--field", "kinh-te,van-hoa-xa-hoi",
                  "--subject", "individual")
    assert both and set(both) == set(listed("--field", "kinh-te,van-hoa-xa-hoi",
                                            "--subject", "individual"))
    # The CSV export takes them too.
    code, out, _ = run("exemplars", "list", SAMPLE, "--as-of", "2024-12-31", "--kind",
                       "model,exemplar", "--format", "csv")
    assert code == 0 and len(list(csv.reader(io.StringIO(out)))) == 1 + len(listed())


def test_several_values_usage_errors(tmp_path):
    code, _, err = run("exemplars", "list", SAMPLE, "--kind", "model,,exemplar")
    assert code == 2
    assert err.splitlines()[0] == ('danvan exemplars: --kind: an empty value in "model,,exemplar" '
                                   "(values are separated by commas)")
    code, _, err = run("exemplars", "list", SAMPLE, "--kind=")
    assert (code, err.splitlines()[0]) == (2, "danvan exemplars: --kind: the value is empty")
    code, _, err = run("exemplars", "list", SAMPLE, "--kind", "model,modle")
    assert code == 2 and err.splitlines()[0].startswith(
        'danvan exemplars: --kind: unknown entry kind "modle"')
    code, _, err = run("exemplars", "list", SAMPLE, "--state", "recognised,in_force")
    assert code == 2 and err.splitlines()[0] == (
        "danvan exemplars: --state: in_force (in force on the day) is a state of its own and is "
        "not combined with others")
    code, _, err = run("exemplars", "figures", SAMPLE, "--unit", "d555", "--unit",
                       "d560")
    assert code == 2 and err.splitlines()[0] == (
        "danvan exemplars: --unit: figures takes one unit, got d555,d560")
    code, _, err = run("exemplars", "stats", SAMPLE, "--year", "2022", "--year", "2023")
    assert code == 2 and err.splitlines()[0] == (
        "danvan exemplars: option --year is given more than once")
    code, _, err = run("exemplars", "decision", SAMPLE, "--unit", "d555,d560",
                       "--output", tmp_path / "d.docx")
    assert not (tmp_path / "d.docx").exists()
    if "without danvan::office" in err:
        return  # a build without .docx writing refuses the command itself
    assert code == 2 and err.splitlines()[0] == (
        "danvan exemplars: --unit: the decision has one issuing unit, got d555,d560")
