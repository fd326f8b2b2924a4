// danvan/registry_sheets.hpp: lists imported from .xlsx with the CSV import's mapping and row
// reporting, lists and statistics written to .xlsx and read back.
#include "danvan/registry_sheets.hpp"

#include "danvan/document_text.hpp"

#include "xlsx_fixtures.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace danvan {
namespace {

#define NEED_XLSX()                                                                      \
  if (!xlsx_reading_supported() || !xlsx_writing_supported()) {                          \
    GTEST_SKIP() << "not run: danvan was built without .xlsx support (libzip, libxml2, " \
                    "libxlsxwriter)";                                                    \
  }

Unit unit(std::string id, std::string name, Level level, std::optional<std::string> parent) {
  Unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  u.kind = UnitKind::peoples_committee;
  u.level = level;
  u.parent_id = std::move(parent);
  u.valid_to = Date(2025, 6, 30);
  return u;
}

Registry registry() {
  return Registry(UnitHierarchy({
      unit("nga-bay", "Thành phố Ngã Bảy", Level::district, {}),
      unit("lai-hieu", "Phường Lái Hiếu", Level::commune, "nga-bay"),
      unit("tan-thanh", "Xã Tân Thành", Level::commune, "nga-bay"),
  }));
}

std::string inline_cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + test::xml_escape(text) + "</t></is></c>";
}

std::vector<std::string> problems(const TableImport& t) {
  std::vector<std::string> out;
  for (const auto& p : t.problems) out.push_back(to_string(p));
  return out;
}

// A list as localities keep it: a title row, the header in row 3, a date as a date cell, a
// number in the "STT" column, a formula, a merged unit cell over two rows, an unknown unit.
std::string kept_list() {
  const std::string styles =
      "<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>";
  std::string rows =
      "<row r=\"1\">" + inline_cell("A1", "DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO") + "</row>";
  rows += "<row r=\"3\">" + inline_cell("A3", "STT") + inline_cell("B3", "Tên mô hình") +
          inline_cell("C3", "Đơn vị") + inline_cell("D3", "Ngày công nhận") +
          inline_cell("E3", "Xếp loại") + "</row>";
  rows += "<row r=\"4\"><c r=\"A4\"><v>1</v></c>" + inline_cell("B4", "Chợ nổi văn minh") +
          inline_cell("C4", "Phường Lái Hiếu") + "<c r=\"D4\" s=\"1\"><v>44844</v></c></row>";
  rows += "<row r=\"5\"><c r=\"A5\"><v>2</v></c>" + inline_cell("B5", "Đường hoa") +
          inline_cell("C5", "Xã Tân Thành") + inline_cell("D5", "2022") + "</row>";
  rows += "<row r=\"6\"><c r=\"A6\"><v>3</v></c><c r=\"B6\"><f>B5</f><v>0</v></c>" +
          inline_cell("C6", "Xã Tân Thành") + "</row>";
  rows += "<row r=\"7\"><c r=\"A7\"><v>4</v></c>" + inline_cell("B7", "Tổ tự quản") +
          inline_cell("C7", "Xã Tân Thành") + "</row>";
  rows += "<row r=\"8\"><c r=\"A8\"><v>5</v></c>" + inline_cell("B8", "Sân chơi") + "</row>";
  rows += "<row r=\"9\"><c r=\"A9\"><v>6</v></c>" + inline_cell("B9", "Nhà sạch") +
          inline_cell("C9", "Xã Không Có") + "</row>";
  const std::string merges =
      "<mergeCells><mergeCell ref=\"A1:E1\"/><mergeCell ref=\"C7:C8\"/></mergeCells>";
  return test::make_zip(
      test::xlsx_parts("<sheetData>" + rows + "</sheetData>" + merges, {}, styles, "Danh sách"));
}

TEST(RegistrySheets, KeptListImportsWithRowsAsExcelNumbersThem) {
  NEED_XLSX();
  Registry r = registry();
  TableMapping mapping;
  mapping.kind = EntryKind::model;
  const TableImport t = import_entries_xlsx(kept_list(), "list.xlsx", r, mapping, {}, 3);
  EXPECT_EQ(t.rows, 6U);
  EXPECT_EQ(t.added, 2U);
  EXPECT_EQ(t.ignored_columns, std::vector<std::string>{"STT"});
  EXPECT_EQ(problems(t),
            (std::vector<std::string>{
                "row 6, cell B6: a formula (=B5) where a value is expected; type the value itself",
                "row 7, cell C7: merged with C7:C8; unmerge the cells",
                "row 8, cell C8: merged with C7:C8; unmerge the cells",
                "row 9, cell C9: unknown unit \"Xã Không Có\""}));
  const Entry first = r.entry(0);
  EXPECT_EQ(first.id, "row-4");
  EXPECT_EQ(first.name, "Chợ nổi văn minh");
  EXPECT_EQ(first.unit_id, "lai-hieu");
  ASSERT_EQ(first.events.size(), 1U);
  EXPECT_EQ(first.events[0].date->iso(), "2022-10-10");
  EXPECT_EQ(r.entry(1).events[0].date->iso(), "2022");

  // The same list read from row 1 has no header row with the needed columns.
  Registry r2 = registry();
  try {
    (void)import_entries_xlsx(kept_list(), "list.xlsx", r2, mapping);
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "row 1, cell A1: merged with A1:E1; unmerge the cells");
  }
  try {
    (void)import_entries_xlsx(kept_list(), "list.xlsx", r2, mapping, "Sheet1");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "no sheet \"Sheet1\"; the workbook has \"Danh sách\"");
  }
  try {
    (void)import_entries_xlsx(kept_list(), "list.xlsx", r2, mapping, {}, 4);
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "row 1: no column \"Tên mô hình\"");
  }
  EXPECT_THROW((void)import_entries_xlsx("a,b\n", "list.csv", r2, mapping), DocumentError);
}

TEST(RegistrySheets, WrittenListsReadBackAndImportAgain) {
  NEED_XLSX();
  Registry r = registry();
  TableMapping mapping;
  mapping.kind = EntryKind::model;
  (void)import_entries_xlsx(kept_list(), "list.xlsx", r, mapping, {}, 3);
  const std::vector<std::size_t> all = {0, 1};
  const std::string bytes = write_xlsx({entries_sheet(r, all)});
  const Workbook book = read_xlsx(bytes);
  const Sheet& s = book.sheets.at(0);
  EXPECT_EQ(s.name, "Danh sách");
  EXPECT_EQ(text_at(s, 0, 1), "Tên mô hình");
  EXPECT_EQ(text_at(s, 1, 1), "Chợ nổi văn minh");
  EXPECT_EQ(text_at(s, 1, 11), "10/10/2022");
  EXPECT_EQ(text_at(s, 2, 11), "2022");
  // The written list imports into an empty registry as the same entries.
  Registry again = registry();
  const TableImport t = import_entries_xlsx(bytes, "out.xlsx", again);
  EXPECT_EQ(t.added, 2U);
  EXPECT_TRUE(t.problems.empty());
  EXPECT_EQ(again.entry(0), r.entry(0));
  EXPECT_EQ(again.entry(1), r.entry(1));
}

TEST(RegistrySheets, StatsSheetHasTypedCounts) {
  NEED_XLSX();
  Registry r = registry();
  TableMapping mapping;
  mapping.kind = EntryKind::model;
  (void)import_entries_xlsx(kept_list(), "list.xlsx", r, mapping, {}, 3);
  StatsQuery q;
  q.year = 2022;
  const StatsTable table = r.stats(q);
  const auto rows = stats_rows(table);
  const Workbook book = read_xlsx(write_xlsx({stats_sheet(table)}));
  const Sheet& s = book.sheets.at(0);
  EXPECT_EQ(s.name, "Thống kê");
  ASSERT_EQ(s.row_count(), rows.size());
  for (std::uint32_t c = 0; c < rows[0].size(); ++c) EXPECT_EQ(text_at(s, 0, c), rows[0][c]);
  const std::size_t last = rows.size() - 1;
  EXPECT_EQ(text_at(s, static_cast<std::uint32_t>(last), 0), "Tổng cộng");
  for (std::size_t c = table.by.size(); c < rows[last].size(); ++c) {
    EXPECT_EQ(number_at(s, static_cast<std::uint32_t>(last), static_cast<std::uint32_t>(c)),
              std::stod(rows[last][c]))
        << c;
  }
}

}  // namespace

// ---- Proposal lists in a .docx

namespace {

std::string docx_cell(const std::string& text, const std::string& props = {}) {
  return "<w:tc>" + (props.empty() ? std::string() : "<w:tcPr>" + props + "</w:tcPr>") +
         (text.empty() ? std::string("<w:p/>") : test::docx_paragraph(text)) + "</w:tc>";
}

std::string docx_row(const std::vector<std::string>& cells) {
  std::string out = "<w:tr>";
  for (const auto& c : cells) out += c.starts_with("<w:tc>") ? c : docx_cell(c);
  return out + "</w:tr>";
}

}  // namespace

// A proposal list as a unit sends it: the header block (a table that is not the list), the
// title, the list with a section row across the table and the unit cell merged down two rows,
// then the signing table.
TEST(RegistrySheets, ProposalListInADocx) {
  if (!format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: danvan was built without .docx support";
  }
  Registry r = registry();
  const auto entries = import_entries_csv(
      "Mã,Tên mô hình,Đơn vị,Loại,Đối tượng,Họ tên,Ngày công nhận\n"
      "m1,Chợ nổi văn minh,lai-hieu,mô hình,tập thể,,2024\n"
      "m2,Trưởng ấp gương mẫu,lai-hieu,điển hình,cá nhân,Nguyễn Văn An,2024\n",
      r);
  ASSERT_TRUE(entries.problems.empty());
  const std::string body =
      "<w:tbl>" +
      docx_row({"ỦY BAN NHÂN DÂN PHƯỜNG LÁI HIẾU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}) +
      "</w:tbl>" + test::docx_paragraph("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", true) + "<w:tbl>" +
      docx_row({"STT", "Tên tập thể, cá nhân", "Họ và tên", "Đơn vị", "Hình thức"}) +
      docx_row({docx_cell("I. TẬP THỂ", "<w:gridSpan w:val=\"5\"/>")}) +
      docx_row({"1", "Chợ nổi văn minh", "",
                docx_cell("Phường Lái Hiếu", "<w:vMerge w:val=\"restart\"/>"), "Giấy khen"}) +
      docx_row({"2", "Trưởng ấp gương mẫu", "Nguyễn Văn An", docx_cell("", "<w:vMerge/>"), ""}) +
      docx_row({"3", "Mô hình không có", "", "lai-hieu", ""}) + "</w:tbl>" + "<w:tbl>" +
      docx_row({"Nơi nhận:", "CHỦ TỊCH"}) + "</w:tbl>";
  ProposalOptions o;
  o.form = "bang-khen";
  o.date = PartialDate(2025, 11);
  const auto t =
      import_proposals_docx(test::make_zip(test::docx_parts(body)), "de-nghi.docx", r, o);
  EXPECT_EQ(t.table, 2U);
  EXPECT_EQ(t.rows, 3U);
  EXPECT_EQ(t.added, 2U);
  EXPECT_EQ(problems(t), (std::vector<std::string>{"row 5, cell B5: no entry \"Mô hình không có\" "
                                                   "of \"lai-hieu\" in the registry"}));
  EXPECT_EQ(r.entry(*r.find("m1")).events.back().form, "giay-khen");
  EXPECT_EQ(r.entry(*r.find("m2")).events.back().form, "bang-khen");
  EXPECT_EQ(r.entry(*r.find("m2")).events.back().status, CommendationStatus::proposed);

  // No table names the columns of a list; a file that is no .docx; one cut short.
  const auto message = [&](const std::string& bytes) {
    try {
      (void)import_proposals_docx(bytes, "in.docx", r, o);
    } catch (const std::exception& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  EXPECT_EQ(message(test::make_zip(
                test::docx_parts("<w:tbl>" + docx_row({"Nơi nhận:", "CHỦ TỊCH"}) + "</w:tbl>"))),
            "no table of the .docx names the columns of a proposal list: a name (\"Tên mô hình\") "
            "and \"Đơn vị\"");
  EXPECT_EQ(message(test::make_zip({{"readme.txt", "hello"}})),
            "in.docx: a zip archive that is not a .docx (it has no word/document.xml)");
  const std::string good = test::make_zip(test::docx_parts(body));
  EXPECT_EQ(message(good.substr(0, good.size() / 2)),
            "in.docx: the .docx is damaged or cut short: its zip directory is missing (Not a zip "
            "archive)");
  // A header naming a column twice is an error, not a reason to look further.
  EXPECT_EQ(message(test::make_zip(test::docx_parts(
                "<w:tbl>" + docx_row({"Tên mô hình", "Đơn vị", "Đơn vị"}) + "</w:tbl>"))),
            "row 1, cell C1: the column \"Đơn vị\" is named twice (B1 and C1)");
}

}  // namespace danvan

// ---- Proposal lists in an .xlsx

namespace danvan {
namespace {

// A proposal list as a unit keeps it in Excel: a title merged across the columns, the header
// in row 3 with a header of the list's own ("Tên MH"), a section row merged across, the unit
// merged down two rows (the hidden cell of the range storing something else), an entry the
// registry does not have, a formula and an error value.
std::string proposal_sheet() {
  std::string rows =
      "<row r=\"1\">" + inline_cell("A1", "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG") + "</row>";
  rows += "<row r=\"3\">" + inline_cell("A3", "STT") + inline_cell("B3", "Tên MH") +
          inline_cell("C3", "Họ và tên") + inline_cell("D3", "Đơn vị") +
          inline_cell("E3", "Hình thức") + "</row>";
  rows += "<row r=\"4\">" + inline_cell("A4", "I. TẬP THỂ") + "</row>";
  rows += "<row r=\"5\"><c r=\"A5\"><v>1</v></c>" + inline_cell("B5", "Chợ nổi văn minh") +
          inline_cell("D5", "Phường Lái Hiếu") + inline_cell("E5", "Giấy khen") + "</row>";
  rows += "<row r=\"6\"><c r=\"A6\"><v>2</v></c>" + inline_cell("B6", "Trưởng ấp gương mẫu") +
          inline_cell("C6", "Nguyễn Văn An") + inline_cell("D6", "Xã Tân Thành") + "</row>";
  rows += "<row r=\"7\"><c r=\"A7\"><v>3</v></c>" + inline_cell("B7", "Mô hình không có") +
          inline_cell("D7", "lai-hieu") + "</row>";
  rows += "<row r=\"8\"><c r=\"A8\"><v>4</v></c><c r=\"B8\"><f>B5</f><v>0</v></c>" +
          inline_cell("D8", "lai-hieu") + "</row>";
  rows += "<row r=\"9\"><c r=\"A9\"><v>5</v></c>" + inline_cell("B9", "Chợ nổi văn minh") +
          inline_cell("D9", "lai-hieu") + "<c r=\"E9\" t=\"e\"><v>#N/A</v></c></row>";
  const std::string merges =
      "<mergeCells><mergeCell ref=\"A1:E1\"/><mergeCell ref=\"A4:E4\"/>"
      "<mergeCell ref=\"D5:D6\"/></mergeCells>";
  return test::make_zip(
      test::xlsx_parts("<sheetData>" + rows + "</sheetData>" + merges, {}, {}, "Đề nghị"));
}

Registry proposal_registry() {
  Registry r = registry();
  const auto entries = import_entries_csv(
      "Mã,Tên mô hình,Đơn vị,Loại,Đối tượng,Họ tên,Ngày công nhận\n"
      "m1,Chợ nổi văn minh,lai-hieu,mô hình,tập thể,,2024\n"
      "m2,Trưởng ấp gương mẫu,lai-hieu,điển hình,cá nhân,Nguyễn Văn An,2024\n",
      r);
  EXPECT_TRUE(entries.problems.empty());
  return r;
}

ProposalOptions proposal_options() {
  ProposalOptions o;
  o.form = "bang-khen";
  o.date = PartialDate(2025, 11);
  o.aliases = {{"Tên MH", EntryColumn::name}};
  return o;
}

std::string proposal_message(const std::string& bytes, const ProposalOptions& o,
                             std::string_view sheet = {}, std::size_t header_row = 0) {
  Registry r = proposal_registry();
  try {
    (void)import_proposals_xlsx(bytes, "de-nghi.xlsx", r, o, sheet, header_row);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no exception";
}

}  // namespace

TEST(RegistrySheets, ProposalListInAnXlsx) {
  NEED_XLSX();
  Registry r = proposal_registry();
  const auto t = import_proposals_xlsx(proposal_sheet(), "de-nghi.xlsx", r, proposal_options());
  EXPECT_EQ(t.rows, 5U);
  EXPECT_EQ(t.added, 2U);
  EXPECT_EQ(t.ignored_columns, std::vector<std::string>{"STT"});
  EXPECT_EQ(problems(t),
            (std::vector<std::string>{
                "row 7, cell B7: no entry \"Mô hình không có\" of \"lai-hieu\" in the registry",
                "row 8, cell B8: a formula (=B5) where a value is expected; type the value itself",
                "row 9, cell E9: the error value #N/A"}));
  const Entry m1 = r.entry(*r.find("m1"));
  ASSERT_EQ(m1.events.size(), 2U);
  EXPECT_EQ(m1.events.back().status, CommendationStatus::proposed);
  EXPECT_EQ(m1.events.back().form, "giay-khen");
  EXPECT_EQ(m1.events.back().date, PartialDate(2025, 11));
  // Row 6's unit is the merged D5:D6's (Phường Lái Hiếu), not what the hidden D6 stores.
  const Entry m2 = r.entry(*r.find("m2"));
  ASSERT_EQ(m2.events.size(), 2U);
  EXPECT_EQ(m2.events.back().form, "bang-khen");

  // The header row given: the same rows; a row that is not the header names what it lacks.
  Registry r2 = proposal_registry();
  EXPECT_EQ(problems(import_proposals_xlsx(proposal_sheet(), "de-nghi.xlsx", r2, proposal_options(),
                                           "Đề nghị", 3)),
            problems(t));
  EXPECT_EQ(proposal_message(proposal_sheet(), proposal_options(), {}, 4),
            "row 4: no column \"Tên mô hình\"");
  EXPECT_EQ(proposal_message(proposal_sheet(), proposal_options(), "Danh sách"),
            "no sheet \"Danh sách\"; the workbook has \"Đề nghị\"");
  // Without the alias no row among the first 20 names the columns.
  ProposalOptions plain = proposal_options();
  plain.aliases.clear();
  EXPECT_EQ(proposal_message(proposal_sheet(), plain),
            "no row among the first 20 of sheet \"Đề nghị\" names the columns of a proposal list: "
            "a name (\"Tên mô hình\") and \"Đơn vị\"");
  ProposalOptions field = proposal_options();
  field.aliases.emplace_back("Lĩnh vực", EntryColumn::field);
  EXPECT_EQ(proposal_message(proposal_sheet(), field),
            "a proposal list has no column \"field\" (alias \"Lĩnh vực\"); its columns are name, "
            "unit and person");
}

TEST(RegistrySheets, ProposalListInAnXlsxMalformedOrHostile) {
  NEED_XLSX();
  const ProposalOptions o = proposal_options();
  // Not a workbook; one cut short; an empty sheet; a workbook of only a title.
  EXPECT_EQ(proposal_message("hello", o),
            "de-nghi.xlsx: not an .xlsx workbook (an .xlsx is a zip archive; this file is not "
            "one)");
  const std::string good = proposal_sheet();
  EXPECT_EQ(proposal_message(good.substr(0, good.size() / 2), o),
            "de-nghi.xlsx: the .xlsx is damaged or cut short: its zip directory is missing (Not a "
            "zip archive)");
  EXPECT_EQ(proposal_message(test::make_xlsx(""), o),
            "no row among the first 20 of sheet \"Sheet1\" names the columns of a proposal list: "
            "a name (\"Tên mô hình\") and \"Đơn vị\"");
  // The header below row 20 is not looked for; given, it is read.
  std::string late;
  for (int k = 1; k <= 21; ++k) {
    late += "<row r=\"" + std::to_string(k) + "\">" +
            inline_cell("A" + std::to_string(k), "dòng " + std::to_string(k)) + "</row>";
  }
  late += "<row r=\"22\">" + inline_cell("A22", "Tên MH") + inline_cell("B22", "Đơn vị") + "</row>";
  late += "<row r=\"23\">" + inline_cell("A23", "Chợ nổi văn minh") +
          inline_cell("B23", "lai-hieu") + "</row>";
  EXPECT_EQ(proposal_message(test::make_xlsx(late), o),
            "no row among the first 20 of sheet \"Sheet1\" names the columns of a proposal list: "
            "a name (\"Tên mô hình\") and \"Đơn vị\"");
  EXPECT_EQ(proposal_message(test::make_xlsx(late), o, {}, 22), "no exception");
  // A formula in row 1 is no header; the header below it is found.
  const std::string formula_first =
      "<row r=\"1\"><c r=\"A1\"><f>1+1</f><v>2</v></c></row><row r=\"2\">" +
      inline_cell("A2", "Tên mô hình") + inline_cell("B2", "Đơn vị") + "</row><row r=\"3\">" +
      inline_cell("A3", "Chợ nổi văn minh") + inline_cell("B3", "Phường Lái Hiếu") + "</row>";
  Registry r = proposal_registry();
  const auto t = import_proposals_xlsx(test::make_xlsx(formula_first), "x.xlsx", r, o);
  EXPECT_EQ(t.added, 1U);
  EXPECT_TRUE(t.problems.empty());
  // A column named twice (the alias and the name it stands for) is an error at its row.
  const std::string twice = "<row r=\"2\">" + inline_cell("A2", "Tên MH") +
                            inline_cell("B2", "Tên mô hình") + inline_cell("C2", "Đơn vị") +
                            "</row>";
  EXPECT_EQ(proposal_message(test::make_xlsx(twice), o),
            "row 2, cell B2: the column \"Tên mô hình\" is named twice (A2 and B2)");
  // A control character cannot be in the sheet's XML at all: the file is refused.
  EXPECT_EQ(proposal_message(
                test::make_xlsx("<row r=\"1\">" + inline_cell("A1", "Tên\x01") + "</row>"), o),
            "de-nghi.xlsx: the .xlsx is damaged or cut short (xl/worksheets/sheet1.xml is not "
            "well-formed XML: line 1: PCDATA invalid Char value 1)");
  // A name longer than any entry's is a row problem; a merged range over a million rows costs
  // only the rows the sheet has (the unit of B2 is each covered row's).
  const std::string hostile = "<row r=\"1\">" + inline_cell("A1", "Tên mô hình") +
                              inline_cell("B1", "Đơn vị") + "</row><row r=\"2\">" +
                              inline_cell("A2", "Chợ nổi văn minh") +
                              inline_cell("B2", "lai-hieu") + "</row><row r=\"3\">" +
                              inline_cell("A3", std::string(5000, 'x')) + "</row>";
  Registry r3 = proposal_registry();
  const auto h = import_proposals_xlsx(
      test::make_xlsx(hostile, {}, {}, "<mergeCells><mergeCell ref=\"B2:B1048576\"/></mergeCells>"),
      "x.xlsx", r3, o);
  EXPECT_EQ(h.added, 1U);
  // (The message quotes the start of a long name.)
  EXPECT_EQ(problems(h), (std::vector<std::string>{"row 3, cell A3: no entry "
                                                   "\"xxxxxxxxxxxxxxxxxxxx...\" of \"lai-hieu\" "
                                                   "in the registry"}));
}

}  // namespace danvan
