// danvan/spreadsheet.hpp: .xlsx written with libxlsxwriter read back with danvan's reader; the
// reader on files built by hand from the specification; typed access and every refusal with
// its exact message.
#include "danvan/spreadsheet.hpp"

#include "xlsx_fixtures.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

namespace danvan {
namespace {

using test::make_xlsx;
using test::make_zip;

#define NEED_XLSX_READ()                                                                 \
  if (!xlsx_reading_supported()) {                                                       \
    GTEST_SKIP() << "not run: danvan was built without .xlsx reading (libzip, libxml2)"; \
  }
#define NEED_XLSX_WRITE()                                                              \
  NEED_XLSX_READ();                                                                    \
  if (!xlsx_writing_supported()) {                                                     \
    GTEST_SKIP() << "not run: danvan was built without .xlsx writing (libxlsxwriter)"; \
  }

std::string read_error(std::string_view bytes, std::string_view name = "f.xlsx") {
  try {
    (void)read_xlsx(bytes, name);
  } catch (const DocumentError& e) {
    return e.what();
  }
  return "(no error)";
}

template <class F>
std::string cell_error(F f) {
  try {
    (void)f();
  } catch (const SheetCellError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Spreadsheet, CellAddresses) {
  EXPECT_EQ(cell_address(0, 0), "A1");
  EXPECT_EQ(cell_address(6, 3), "D7");
  EXPECT_EQ(cell_address(0, 25), "Z1");
  EXPECT_EQ(cell_address(0, 26), "AA1");
  EXPECT_EQ(cell_address(1048575, 16383), "XFD1048576");
  EXPECT_EQ((CellRange{6, 1, 6, 3}.address()), "B7:D7");
}

TEST(Spreadsheet, WrittenWorkbookReadsBack) {
  NEED_XLSX_WRITE();
  OutSheet form;
  form.name = "Báo cáo";
  form.frozen_rows = 1;
  form.protect = true;
  form.column_widths = {30, 12, 12};
  CellFormat header;
  header.bold = header.border = header.shaded = true;
  CellFormat input;
  input.number_format = "0";
  input.border = input.unlocked = true;
  const auto numbers = [](const char* code) {
    CellFormat f;
    f.number_format = code;
    return f;
  };
  form.rows.push_back({{std::string("Chỉ tiêu"), header},
                       {std::string("Số lượng"), header},
                       {std::string("Tỷ lệ"), header}});
  OutCell count{42.0, input};
  count.validation = CellValidation{CellValidation::Kind::whole, {}, 0, 1e9, "một số nguyên ≥ 0"};
  OutCell share{0.0, numbers("0.0%")};
  share.formula = "=IF(B2>0,B2/100,\"\")";
  share.value = 0.42;
  form.rows.push_back({OutCell(std::string("Số mô hình \"Dân vận khéo\" mới")), count, share});
  OutCell choice{std::string("Có"), input};
  choice.validation = CellValidation{CellValidation::Kind::list, {"Có", "Không"}, 0, 0, ""};
  form.rows.push_back({OutCell(true), choice, {SheetDate{2025, 12, 31}, numbers("dd/mm/yyyy")}});
  OutSheet second;
  second.name = "Ghi chú";
  second.rows.push_back({OutCell(), OutCell(std::string("B1 only"))});

  const std::string bytes = write_xlsx({form, second});
  const Workbook book = read_xlsx(bytes, "form.xlsx");
  ASSERT_EQ(book.sheets.size(), 2U);
  const Sheet& s = book.sheets[0];
  EXPECT_EQ(s.name, "Báo cáo");
  ASSERT_NE(book.find("Ghi chú"), nullptr);
  EXPECT_EQ(book.find("Ghi chu"), nullptr);
  EXPECT_EQ(std::get<std::string>(s.find(0, 0)->value), "Chỉ tiêu");
  EXPECT_EQ(std::get<std::string>(s.find(1, 0)->value), "Số mô hình \"Dân vận khéo\" mới");
  EXPECT_EQ(std::get<double>(s.find(1, 1)->value), 42.0);
  EXPECT_EQ(s.find(1, 2)->formula, "IF(B2>0,B2/100,\"\")");
  EXPECT_EQ(std::get<double>(s.find(1, 2)->value), 0.42);
  EXPECT_EQ(std::get<bool>(s.find(2, 0)->value), true);
  EXPECT_EQ(std::get<std::string>(s.find(2, 1)->value), "Có");
  EXPECT_EQ(std::get<SheetDate>(s.find(2, 2)->value), (SheetDate{2025, 12, 31}));
  EXPECT_EQ(s.row_count(), 3U);
  EXPECT_EQ(number_at(s, 1, 1), 42.0);
  EXPECT_EQ(cell_error([&] { return number_at(s, 1, 2); }),
            "Báo cáo!C2: a formula (=IF(B2>0,B2/100,\"\")) where a value is expected; type the "
            "value itself");
  const Sheet& g = book.sheets[1];
  EXPECT_EQ(g.find(0, 0), nullptr);
  EXPECT_EQ(std::get<std::string>(g.find(0, 1)->value), "B1 only");
}

TEST(Spreadsheet, WriterRefusesWhatExcelRefuses) {
  OutSheet s;
  s.name = "a/b";
  EXPECT_THROW((void)write_xlsx({s}), ValueError);
  try {
    s.name = "Một tên trang tính dài hơn ba mươi mốt ký tự";
    (void)write_xlsx({s});
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(),
                 "the sheet name \"Một tên trang tính dài hơn ba mươi mốt ký tự\" has 44 "
                 "characters; Excel allows 1 to 31");
  }
  try {
    OutSheet t;
    t.name = "báo cáo";
    s.name = "BÁO CÁO";
    (void)write_xlsx({s, t});
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(),
                 "two sheets are named \"BÁO CÁO\" and \"báo cáo\"; Excel needs different names");
  }
  OutCell c(std::string("x"));
  c.validation = CellValidation{CellValidation::Kind::list,
                                std::vector<std::string>(30, "mười chữ"), 0, 0, ""};
  s.name = "S";
  s.rows = {{c}};
  try {
    (void)write_xlsx({s});
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(),
                 "a drop-down list of sheet \"S\" is longer than the 255 characters Excel allows");
  }
}

// Styles: xf 0 general, xf 1 built-in date format 14, xf 2 custom "dd/mm/yyyy", xf 3 custom
// time "h:mm" (not a date), xf 4 a percent.
const std::string kStyles =
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts>"
    "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/><numFmt numFmtId=\"165\" "
    "formatCode=\"[h]:mm\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf "
    "numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"10\"/></cellXfs></styleSheet>";

TEST(Spreadsheet, HandWrittenWorkbook) {
  NEED_XLSX_READ();
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><r><t>Dân "
      "</t></r><r><t>vận</t></r><rPh><t>x</t></rPh></is></c><c r=\"C1\" t=\"b\"><v>0</v></c>"
      "<c r=\"D1\" t=\"e\"><v>#DIV/0!</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>45657</v></c><c r=\"B3\" s=\"2\"><v>61</v></c>"
      "<c r=\"C3\" s=\"3\"><v>1.5</v></c><c r=\"D3\" s=\"4\"><v>0.25</v></c>"
      "<c r=\"E3\"><f>SUM(D3:D3)</f><v>0.25</v></c><c r=\"F3\" "
      "t=\"str\"><f>A1</f><v>a_x000D_b</v></c>"
      "<c r=\"G3\"><f>1/0</f></c><c r=\"H3\" s=\"4\"/><c r=\"I3\"><f>G3</f><v></v></c></row>"
      "<row><c><v>-1E3</v></c><c t=\"d\"><v>2025-06-30T00:00:00</v></c></row>";
  const Workbook book = read_xlsx(make_xlsx(rows,
                                            {"Ke\xCC\x82\xCC\x81 hoa\xCC\xA3"
                                             "ch"},
                                            kStyles));
  const Sheet& s = book.sheets.at(0);
  EXPECT_EQ(s.name, "Sheet1");
  EXPECT_EQ(std::get<std::string>(s.find(0, 0)->value), "Kế hoạch");  // made NFC
  EXPECT_EQ(std::get<std::string>(s.find(0, 1)->value), "Dân vận");
  EXPECT_EQ(std::get<bool>(s.find(0, 2)->value), false);
  EXPECT_EQ(std::get<SheetErrorValue>(s.find(0, 3)->value).code, "#DIV/0!");
  EXPECT_EQ(std::get<SheetDate>(s.find(2, 0)->value), (SheetDate{2024, 12, 31}));
  EXPECT_EQ(std::get<SheetDate>(s.find(2, 1)->value), (SheetDate{1900, 3, 1}));
  EXPECT_EQ(std::get<double>(s.find(2, 2)->value), 1.5);
  EXPECT_EQ(std::get<double>(s.find(2, 3)->value), 0.25);
  EXPECT_EQ(s.find(2, 4)->formula, "SUM(D3:D3)");
  EXPECT_EQ(std::get<std::string>(s.find(2, 5)->value), "a\rb");
  EXPECT_EQ(s.find(2, 6)->formula, "1/0");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(s.find(2, 6)->value));
  EXPECT_EQ(s.find(2, 7), nullptr);        // a styled cell without a value is no cell
  EXPECT_EQ(s.find(2, 8)->formula, "G3");  // openpyxl writes an empty cached value: none
  EXPECT_TRUE(std::holds_alternative<std::monostate>(s.find(2, 8)->value));
  EXPECT_EQ(std::get<double>(s.find(3, 0)->value), -1000.0);
  EXPECT_EQ(std::get<SheetDate>(s.find(3, 1)->value), (SheetDate{2025, 6, 30}));
  EXPECT_EQ(s.row_count(), 4U);
}

TEST(Spreadsheet, Date1904AndTheDayThatNeverWas) {
  NEED_XLSX_READ();
  const std::string styles = kStyles;
  auto parts =
      test::xlsx_parts("<sheetData><row><c s=\"1\"><v>0</v></c></row></sheetData>", {}, styles);
  parts[1].second.replace(parts[1].second.find("<sheets>"), 8,
                          "<workbookPr date1904=\"1\"/><sheets>");
  EXPECT_EQ(std::get<SheetDate>(read_xlsx(make_zip(parts)).sheets[0].find(0, 0)->value),
            (SheetDate{1904, 1, 1}));
  EXPECT_EQ(read_error(make_xlsx("<row><c s=\"1\"><v>60</v></c></row>", {}, styles)),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1!A1: the day number 60 is no date "
            "Excel shows)");
}

TEST(Spreadsheet, TypedAccess) {
  NEED_XLSX_READ();
  const std::string rows =
      "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>mười</t></is></c><c r=\"B7\" "
      "t=\"inlineStr\"><is><t> 12 </t></is></c><c r=\"C7\" t=\"inlineStr\"><is><t>1.000</t></is>"
      "</c><c r=\"D7\" t=\"b\"><v>1</v></c><c r=\"E7\" t=\"inlineStr\"><is><t>  </t></is></c>"
      "<c r=\"F7\"><v>3</v></c><c r=\"H7\" s=\"1\"><v>45657</v></c></row>";
  auto parts = test::xlsx_parts("<sheetData>" + rows +
                                    "</sheetData><mergeCells count=\"1\"><mergeCell "
                                    "ref=\"F7:G8\"/></mergeCells>",
                                {}, kStyles, "Báo cáo");
  const Workbook book = read_xlsx(make_zip(parts));
  const Sheet& s = book.sheets[0];
  ASSERT_EQ(s.merged.size(), 1U);
  EXPECT_EQ(s.merged[0].address(), "F7:G8");
  EXPECT_EQ(cell_error([&] { return number_at(s, 6, 0); }),
            "Báo cáo!A7: expected a number, got \"mười\"");
  EXPECT_EQ(number_at(s, 6, 1), 12.0);
  EXPECT_EQ(cell_error([&] { return number_at(s, 6, 2); }),
            "Báo cáo!C7: expected a number, got \"1.000\"");
  EXPECT_EQ(cell_error([&] { return number_at(s, 6, 3); }),
            "Báo cáo!D7: expected a number, got TRUE");
  EXPECT_EQ(number_at(s, 6, 4), std::nullopt);
  EXPECT_EQ(number_at(s, 6, 8), std::nullopt);
  EXPECT_EQ(cell_error([&] { return number_at(s, 6, 5); }),
            "Báo cáo!F7: merged with F7:G8; unmerge the cells");
  EXPECT_EQ(cell_error([&] { return number_at(s, 7, 6); }),
            "Báo cáo!G8: merged with F7:G8; unmerge the cells");
  EXPECT_EQ(cell_error([&] { return number_at(s, 6, 7); }),
            "Báo cáo!H7: expected a number, got the date 31/12/2024");
  EXPECT_EQ(text_at(s, 6, 0), "mười");
  EXPECT_EQ(text_at(s, 6, 1), "12");
  EXPECT_EQ(text_at(s, 6, 4), std::nullopt);
  EXPECT_EQ(cell_error([&] { return text_at(s, 6, 3); }), "Báo cáo!D7: expected text, got TRUE");
}

/// A zip of one deflated part of `size` zero bytes, claimed as `name` (a zip bomb: a few
/// hundred kilobytes that inflate to `size`), beside the parts of a valid workbook.
std::string zip_bomb(std::size_t size, int copies) {
  const std::string zeros(size, '\0');
  uLongf packed_size = compressBound(static_cast<uLong>(size));
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
            reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uLong>(size), 9);
  // zlib's stream minus its 2-byte header and 4-byte Adler-32 is the raw deflate data.
  const std::string raw = packed.substr(2, packed_size - 6);
  const auto crc = static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(zeros.data()), static_cast<uInt>(size)));
  auto parts = test::xlsx_parts("<sheetData/>");
  std::vector<test::ZipEntry> entries;
  for (const auto& [name, data] : parts) entries.push_back({name, data, 0, 0, 0});
  for (int i = 0; i < copies; ++i) {
    entries.push_back({"xl/media/bomb" + std::to_string(i) + ".bin", raw, 8, crc, size});
  }
  // The reader reads parts it needs only: the bombs are named as sheets.
  std::string book = "<workbook xmlns:r=\"" + std::string(test::kRelNs) + "\"><sheets>";
  std::string rels = "<Relationships>";
  for (int i = 0; i < copies; ++i) {
    const std::string n = std::to_string(i);
    book += "<sheet name=\"S" + n + "\" r:id=\"b" + n + "\"/>";
    rels += "<Relationship Id=\"b" + n + "\" Target=\"media/bomb" + n + ".bin\"/>";
  }
  entries[1].data = book + "</sheets></workbook>";
  entries[2].data = rels + "</Relationships>";
  return test::make_zip_entries(entries);
}

TEST(Spreadsheet, BadInput) {
  NEED_XLSX_READ();
  EXPECT_EQ(read_error(""), "f.xlsx: the file is empty");
  EXPECT_EQ(read_error(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, 'x')),
            "f.xlsx: an Excel 97-2003 (.xls) or other OLE2 file, which danvan does not read; save "
            "it as .xlsx (Excel Workbook)");
  EXPECT_EQ(read_error("a,b\n1,2\n", "f.csv"),
            "f.csv: not an .xlsx workbook (an .xlsx is a zip archive; this file is not one)");
  EXPECT_EQ(read_error(test::docx_from_lines("Kế hoạch")),
            "f.xlsx: a Word .docx, not an .xlsx workbook");
  EXPECT_EQ(read_error(make_zip({{"readme.txt", "hello"}})),
            "f.xlsx: a zip that is not an .xlsx workbook (no xl/workbook.xml)");
  EXPECT_EQ(read_error(make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                 {"content.xml", "<x/>"}})),
            "f.xlsx: an OpenDocument file (.ods), which danvan does not read; save it as .xlsx");
  const std::string good = make_xlsx("<row><c><v>1</v></c></row>");
  ASSERT_NO_THROW((void)read_xlsx(good));
  for (const std::size_t cut : {good.size() / 2, good.size() - 10, std::size_t{30}}) {
    const std::string e = read_error(good.substr(0, cut));
    EXPECT_TRUE(e.starts_with("f.xlsx: the .xlsx is damaged or cut short")) << cut << ": " << e;
  }
  EXPECT_EQ(read_error(make_xlsx("<row><c r=\"A0\"><v>1</v></c></row>")),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1: the cell reference \"A0\" is not "
            "valid)");
  EXPECT_EQ(read_error(make_xlsx("<row><c r=\"XFE1\"><v>1</v></c></row>")),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1: the cell reference \"XFE1\" is "
            "not valid)");
  EXPECT_EQ(read_error(make_xlsx("<row r=\"1048577\"><c><v>1</v></c></row>")),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1: the row number \"1048577\" is "
            "not valid)");
  EXPECT_EQ(read_error(make_xlsx("<row><c t=\"s\"><v>3</v></c></row>", {"a"})),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1!A1: the shared string 3 does not "
            "exist)");
  EXPECT_EQ(read_error(make_xlsx("<row><c><v>1x</v></c></row>")),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1!A1: the number \"1x\" is not a "
            "number)");
  EXPECT_EQ(read_error(make_xlsx("<row><c><v>nan</v></c></row>")),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1!A1: the number \"nan\" is not a "
            "number)");
  EXPECT_EQ(read_error(make_xlsx("<row><c t=\"b\"><v>2</v></c></row>")),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1!A1: the boolean \"2\" is not 0 or "
            "1)");
  EXPECT_EQ(read_error(make_xlsx("<row><c t=\"d\"><v>2025-02-29</v></c></row>")),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1!A1: the date \"2025-02-29\" is "
            "not an ISO date)");
  EXPECT_EQ(read_error(make_xlsx("<row><c t=\"q\"><v>2</v></c></row>")),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1!A1: unknown cell type \"q\")");
  EXPECT_EQ(read_error(make_xlsx("<row><c r=\"B1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row>")),
            "f.xlsx: the .xlsx is damaged or cut short (Sheet1!B1: the cell is written twice)");
  EXPECT_EQ(
      read_error(make_xlsx("", {}, {}, "<mergeCells><mergeCell ref=\"C3:A1\"/></mergeCells>")),
      "f.xlsx: the .xlsx is damaged or cut short (Sheet1: the merged range \"C3:A1\" is not "
      "valid)");
  EXPECT_EQ(read_error(make_xlsx("<row><c><v>1</v></c>")),
            "f.xlsx: the .xlsx is damaged or cut short (xl/worksheets/sheet1.xml is not "
            "well-formed XML: line 1: Opening and ending tag mismatch: row line 1 and sheetData)");
  auto no_sheet = test::xlsx_parts("<sheetData/>");
  no_sheet[1].second = "<workbook><sheets/></workbook>";
  EXPECT_EQ(read_error(make_zip(no_sheet)),
            "f.xlsx: the .xlsx is damaged or cut short (the workbook has no sheet)");
  no_sheet[1].second = "<workbook><sheets><sheet name=\"A\" id=\"rId9\"/></sheets></workbook>";
  EXPECT_EQ(read_error(make_zip(no_sheet)),
            "f.xlsx: the .xlsx is damaged or cut short (sheet \"A\" has no part in "
            "xl/_rels/workbook.xml.rels)");
}

TEST(Spreadsheet, HostileXmlIsRefused) {
  NEED_XLSX_READ();
  // A billion laughs: entities are never expanded; a DTD is refused outright.
  auto parts = test::xlsx_parts("<sheetData/>");
  parts.back().second =
      "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><worksheet><sheetData><row><c "
      "t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>";
  EXPECT_EQ(read_error(make_zip(parts)),
            "f.xlsx: xl/worksheets/sheet1.xml: a document type declaration, which no .xlsx has");
  parts.back().second =
      "<?xml version=\"1.0\"?><!DOCTYPE w SYSTEM \"http://example.invalid/x.dtd\"><worksheet/>";
  EXPECT_EQ(read_error(make_zip(parts)),
            "f.xlsx: xl/worksheets/sheet1.xml: a document type declaration, which no .xlsx has");
}

TEST(Spreadsheet, ZipBombsAreNotInflated) {
  NEED_XLSX_READ();
  EXPECT_EQ(read_error(zip_bomb(std::size_t{65} << 20U, 1)),
            "f.xlsx: the .xlsx part xl/media/bomb0.bin is larger than 64 MiB");
  EXPECT_EQ(read_error(zip_bomb(std::size_t{60} << 20U, 5)),
            "f.xlsx: the .xlsx's parts add up to more than 256 MiB (a zip bomb?)");
}

}  // namespace
}  // namespace danvan
