// danvan/unit_list_sheet.hpp: the official list of units from the statistics office's Excel
// form, read as its CSV form is read, with rows and cells named as Excel shows them.
#include "danvan/unit_list_sheet.hpp"

#include "danvan/document_text.hpp"
#include "danvan/spreadsheet.hpp"

#include "xlsx_fixtures.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace danvan {
namespace {

#define NEED_XLSX_READ()                                                                         \
  if (!xlsx_reading_supported()) {                                                               \
    GTEST_SKIP() << "not run: danvan was built without .xlsx reading support (libzip, libxml2)"; \
  }

std::string text_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + test::xml_escape(text) + "</t></is></c>";
}
std::string number_cell(const std::string& ref, const std::string& number) {
  return "<c r=\"" + ref + "\"><v>" + number + "</v></c>";
}
std::string row(int number, const std::string& cells) {
  return "<row r=\"" + std::to_string(number) + "\">" + cells + "</row>";
}

/// The header of the published form, in its column order (names before codes).
std::string gso_header(int r) {
  const std::string n = std::to_string(r);
  return row(r, text_cell("A" + n, "Tỉnh Thành Phố") + text_cell("B" + n, "Mã TP") +
                    text_cell("C" + n, "Quận Huyện") + text_cell("D" + n, "Mã QH") +
                    text_cell("E" + n, "Phường Xã") + text_cell("F" + n, "Mã PX") +
                    text_cell("G" + n, "Cấp") + text_cell("H" + n, "Tên Tiếng Anh"));
}

/// A commune's row; codes as numbers, as Excel keeps them (leading zeros dropped).
std::string commune_row(int r, const std::string& province, const std::string& province_code,
                        const std::string& district, const std::string& district_code,
                        const std::string& commune, const std::string& commune_code,
                        const std::string& type) {
  const std::string n = std::to_string(r);
  return row(r, text_cell("A" + n, province) + number_cell("B" + n, province_code) +
                    text_cell("C" + n, district) + number_cell("D" + n, district_code) +
                    text_cell("E" + n, commune) + number_cell("F" + n, commune_code) +
                    text_cell("G" + n, type));
}

std::vector<std::string> problems(const UnitList& list) {
  std::vector<std::string> out;
  for (const auto& p : list.problems) out.push_back(to_string(p));
  return out;
}

std::string value_error(std::string_view bytes, const UnitListMapping& mapping = {},
                        std::string_view sheet = {}, std::size_t header_row = 1) {
  try {
    (void)read_unit_list_xlsx(bytes, "list.xlsx", mapping, sheet, header_row);
  } catch (const DocumentError& e) {
    return std::string("DocumentError: ") + e.what();
  } catch (const ValueError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(UnitListSheet, PublishedFormWithNumericCodes) {
  NEED_XLSX_READ();
  const std::string rows =
      gso_header(1) +
      commune_row(2, "Thành phố Hà Nội", "1", "Quận Ba Đình", "1", "Phường Phúc Xá", "1",
                  "Phường") +
      commune_row(3, "Thành phố Hà Nội", "1", "Quận Ba Đình", "1", "Trúc Bạch", "4", "Phường") +
      commune_row(4, "Tỉnh Phú Yên", "54", "Huyện Đông Hòa", "562", "Xã Hòa Thành", "22192", "Xã");
  const UnitList list = read_unit_list_xlsx(test::make_xlsx(rows), "list.xlsx");
  EXPECT_EQ(list.rows, 3U);
  EXPECT_TRUE(list.has_districts);
  EXPECT_TRUE(list.problems.empty()) << ::testing::PrintToString(problems(list));
  EXPECT_EQ(list.ignored_columns, std::vector<std::string>{"Tên Tiếng Anh"});
  const std::vector<ListedUnit> expected = {
      {"01", "Thành phố Hà Nội", Level::province, "", 2},
      {"001", "Quận Ba Đình", Level::district, "01", 2},
      {"00001", "Phường Phúc Xá", Level::commune, "001", 2},
      {"00004", "Phường Trúc Bạch", Level::commune, "001", 3},
      {"54", "Tỉnh Phú Yên", Level::province, "", 4},
      {"562", "Huyện Đông Hòa", Level::district, "54", 4},
      {"22192", "Xã Hòa Thành", Level::commune, "562", 4},
  };
  EXPECT_EQ(list.units, expected);
}

TEST(UnitListSheet, ReadsAsTheSameTableInCsv) {
  NEED_XLSX_READ();
  // The same four rows as a sheet (header in row 3 under a title) and as CSV: the same units.
  const std::string styles =
      "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"49\"/></cellXfs></styleSheet>";
  std::string rows = row(1, text_cell("A1", "DANH MỤC ĐƠN VỊ HÀNH CHÍNH"));
  rows += row(3, text_cell("A3", "Mã tỉnh") + text_cell("B3", "Tên tỉnh") +
                     text_cell("C3", "Mã xã") + text_cell("D3", "Tên xã"));
  rows += row(4, text_cell("A4", "01") + text_cell("B4", "Thành phố Hà Nội") +
                     text_cell("C4", "00004") + text_cell("D4", "Phường Ba Đình"));
  rows += row(5, number_cell("A5", "66") + text_cell("B5", "Tỉnh Đắk Lắk") +
                     number_cell("C5", "22015") + text_cell("D5", "Phường Tuy Hòa"));
  const std::string book = test::make_zip(test::xlsx_parts(
      "<sheetData>" + rows + "</sheetData><mergeCells><mergeCell ref=\"A1:D1\"/></mergeCells>", {},
      styles, "Danh mục"));
  const UnitList from_sheet = read_unit_list_xlsx(book, "list.xlsx", {}, "Danh mục", 3);
  const UnitList from_csv = read_unit_list_csv(
      "Mã tỉnh,Tên tỉnh,Mã xã,Tên xã\n01,Thành phố Hà Nội,00004,Phường Ba Đình\n"
      "66,Tỉnh Đắk Lắk,22015,Phường Tuy Hòa\n");
  ASSERT_EQ(from_sheet.units.size(), 4U);
  ASSERT_EQ(from_csv.units.size(), 4U);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(from_sheet.units[i].code, from_csv.units[i].code);
    EXPECT_EQ(from_sheet.units[i].name, from_csv.units[i].name);
    EXPECT_EQ(from_sheet.units[i].parent_code, from_csv.units[i].parent_code);
    // The sheet's rows are Excel's: two more than the CSV's (the title and the blank row).
    EXPECT_EQ(from_sheet.units[i].row, from_csv.units[i].row + 2);
  }
  EXPECT_FALSE(from_sheet.has_districts);
}

TEST(UnitListSheet, RowsNotTakenNameTheirCell) {
  NEED_XLSX_READ();
  std::string rows = gso_header(1);
  rows +=
      commune_row(2, "Tỉnh Phú Yên", "54", "Huyện Đông Hòa", "562", "Xã Hòa Thành", "22192", "Xã");
  // A formula for the code, an error value, a code typed with a letter, a code with a fraction,
  // a province given another name, a merged commune cell over two rows, a code too long.
  rows += row(3, text_cell("A3", "Tỉnh Phú Yên") + number_cell("B3", "54") +
                     text_cell("C3", "Huyện Đông Hòa") + number_cell("D3", "562") +
                     text_cell("E3", "Xã Hòa Tân Đông") +
                     "<c r=\"F3\"><f>F2+3</f><v>22195</v></c>" + text_cell("G3", "Xã"));
  rows += row(4, text_cell("A4", "Tỉnh Phú Yên") + number_cell("B4", "54") +
                     "<c r=\"C4\" t=\"e\"><v>#N/A</v></c>" + number_cell("D4", "562") +
                     text_cell("E4", "Xã Hòa Xuân Tây") + number_cell("F4", "22198"));
  rows += row(5, text_cell("A5", "Tỉnh Phú Yên") + number_cell("B5", "54") +
                     text_cell("C5", "Huyện Đông Hòa") + number_cell("D5", "562") +
                     text_cell("E5", "Xã Hòa Vinh") + text_cell("F5", "22A01"));
  rows += row(6, text_cell("A6", "Tỉnh Phú Yên") + number_cell("B6", "54") +
                     text_cell("C6", "Huyện Đông Hòa") + number_cell("D6", "562") +
                     text_cell("E6", "Xã Hòa Hiệp Bắc") + number_cell("F6", "22201.5"));
  rows += commune_row(7, "Tỉnh Phú Yên (cũ)", "54", "Huyện Đông Hòa", "562", "Xã Hòa Hiệp Nam",
                      "22204", "Xã");
  rows += commune_row(8, "Tỉnh Phú Yên", "54", "Huyện Đông Hòa", "562", "Phường Hòa Vinh", "22207",
                      "Phường");
  rows += row(9, text_cell("A9", "Tỉnh Phú Yên") + number_cell("B9", "54") +
                     text_cell("C9", "Huyện Đông Hòa") + number_cell("D9", "562") +
                     number_cell("F9", "22210"));
  rows +=
      commune_row(10, "Tỉnh Phú Yên", "54", "Huyện Đông Hòa", "562", "Xã Hòa Tâm", "222130", "Xã");
  const std::string merges = "<mergeCells><mergeCell ref=\"E8:E9\"/></mergeCells>";
  const UnitList list = read_unit_list_xlsx(
      test::make_zip(test::xlsx_parts("<sheetData>" + rows + "</sheetData>" + merges)),
      "list.xlsx");
  EXPECT_EQ(list.rows, 9U);
  EXPECT_EQ(
      problems(list),
      (std::vector<std::string>{
          "row 3, cell F3: a formula (=F2+3) where a value is expected; type the value itself",
          "row 4, cell C4: the error value #N/A",
          "row 5, cell F5: commune code \"22A01\" is not a number",
          "row 6, cell F6: commune code \"22201.5\" is not a number",
          "row 7, cell A7: province 54 is \"Tỉnh Phú Yên\" in row 2",
          "row 8, cell E8: merged with E8:E9; unmerge the cells",
          "row 9, cell E9: merged with E8:E9; unmerge the cells",
          "row 10, cell F10: commune code \"222130\" has more than 5 digits"}));
  // Only the first row was taken, whole.
  ASSERT_EQ(list.units.size(), 3U);
  EXPECT_EQ(list.units[2].code, "22192");
}

TEST(UnitListSheet, HeadersAndFilesThatCannotBeRead) {
  NEED_XLSX_READ();
  const std::string good =
      test::make_xlsx(gso_header(1) + commune_row(2, "Tỉnh Phú Yên", "54", "Huyện Đông Hòa", "562",
                                                  "Xã Hòa Thành", "22192", "Xã"));
  EXPECT_EQ(value_error(good, {}, "Danh mục"),
            "no sheet \"Danh mục\"; the workbook has \"Sheet1\"");
  EXPECT_EQ(value_error(good, {}, {}, 0), "the header row is counted from 1");
  // Read from row 2, the header is a commune's row; from row 5, nothing.
  EXPECT_EQ(value_error(good, {}, {}, 2), "row 2: no column \"Mã TP\"");
  EXPECT_EQ(value_error(good, {}, {}, 5), "row 5: no header row");
  // A header without the commune's code; then the same header with a mapping.
  const std::string other =
      test::make_xlsx(row(1, text_cell("A1", "Mã TP") + text_cell("B1", "Tỉnh") +
                                 text_cell("C1", "Mã ĐVHC") + text_cell("D1", "Tên ĐVHC")) +
                      row(2, number_cell("A2", "54") + text_cell("B2", "Tỉnh Phú Yên") +
                                 number_cell("C2", "22192") + text_cell("D2", "Xã Hòa Thành")));
  EXPECT_EQ(value_error(other), "row 1: no column \"Mã PX\"");
  const UnitListMapping mapping{
      {{"Mã ĐVHC", UnitListColumn::commune_code}, {"Tên ĐVHC", UnitListColumn::commune}}};
  EXPECT_EQ(read_unit_list_xlsx(other, "list.xlsx", mapping).units.size(), 2U);
  // A column named twice; a header cell merged or holding a formula.
  EXPECT_EQ(value_error(test::make_xlsx(row(1, text_cell("A1", "Mã TP") + text_cell("B1", "Tỉnh") +
                                                   text_cell("C1", "Mã tỉnh")))),
            "row 1, cell C1: the column \"Mã TP\" is named twice (A1 and C1)");
  EXPECT_EQ(value_error(test::make_xlsx(row(1, text_cell("A1", "Mã TP")), {}, {},
                                        "<mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells>")),
            "row 1, cell A1: merged with A1:B1; unmerge the cells");
  EXPECT_EQ(value_error(test::make_xlsx(row(1, "<c r=\"A1\"><f>1+1</f><v>2</v></c>"))),
            "row 1, cell A1: a formula (=1+1) where a value is expected; type the value itself");
  // Files that are no .xlsx, and a workbook cut short.
  EXPECT_EQ(value_error("Mã TP,Tỉnh,Mã PX,Phường Xã\n"),
            "DocumentError: list.xlsx: not an .xlsx workbook (an .xlsx is a zip archive; this "
            "file is not one)");
  EXPECT_EQ(value_error(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, 'x')),
            "DocumentError: list.xlsx: an Excel 97-2003 (.xls) or other OLE2 file, which danvan "
            "does not read; save it as .xlsx (Excel Workbook)");
  for (const std::size_t cut : {good.size() / 2, good.size() - 10, std::size_t{30}}) {
    EXPECT_TRUE(value_error(good.substr(0, cut))
                    .starts_with("DocumentError: list.xlsx: the .xlsx is damaged or cut short"))
        << cut;
  }
}

TEST(UnitListSheet, LooksLikeWorkbook) {
  EXPECT_TRUE(looks_like_workbook(std::string("PK\x03\x04", 4) + "rest"));
  EXPECT_TRUE(looks_like_workbook(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)));
  EXPECT_FALSE(looks_like_workbook("Mã TP,Tỉnh,Mã PX,Phường Xã\n"));
  EXPECT_FALSE(looks_like_workbook("\xEF\xBB\xBFMã TP"));
  EXPECT_FALSE(looks_like_workbook("PK"));
  EXPECT_FALSE(looks_like_workbook(""));
}

}  // namespace
}  // namespace danvan
