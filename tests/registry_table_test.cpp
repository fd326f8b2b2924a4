// Tests of the entry tables (CSV) of the registry: the header mapping, each column's values,
// the rows not taken with their row and cell, the tables that cannot be read at all (with the
// exact messages), and the round trip through render_entries_csv.
#include "danvan/registry_table.hpp"
#include "danvan/registry.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

using namespace danvan;

namespace {

Unit unit(std::string id, std::string name, Level level, std::optional<std::string> parent,
          std::optional<Date> valid_to) {
  Unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  u.kind = UnitKind::peoples_committee;
  u.level = level;
  u.parent_id = std::move(parent);
  u.valid_to = valid_to;
  return u;
}

Registry registry() {
  const Date end(2025, 6, 30);
  return Registry(UnitHierarchy({
      unit("nga-bay", "Thành phố Ngã Bảy", Level::district, {}, end),
      unit("lai-hieu", "Phường Lái Hiếu", Level::commune, "nga-bay", end),
      unit("tan-thanh", "Xã Tân Thành", Level::commune, "nga-bay", end),
      unit("tan-thanh-2", "Xã Tân Thành", Level::commune, "nga-bay", end),
  }));
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no exception";
}

std::vector<std::string> problems(const TableImport& t) {
  std::vector<std::string> out;
  for (const auto& p : t.problems) out.push_back(to_string(p));
  return out;
}

const std::string header =
    "STT,Tên mô hình,Đơn vị,Loại,Đối tượng,Lĩnh vực,Ngày công nhận,Cấp công nhận,Xếp loại\n";

}  // namespace

TEST(RegistryTable, RowsBecomeEntriesWithWhatTheyGive) {
  Registry r = registry();
  const std::string text = "\xEF\xBB\xBF" + header +
                           "1,Chi bộ khu vực 3,Phường Lái Hiếu,mô hình,tập thể,kinh tế,2020,"
                           "cấp huyện,tốt\r\n"
                           "2,\"Tổ hòa giải \"\"Khéo\"\"\",lai-hieu,MÔ HÌNH,,,12/2020,,\n"
                           ",,,,,,,,\n"
                           "3,Hộ ông A,nga-bay,điển hình,cá nhân,,05/10/2020,xã,khá\n";
  const TableImport t = import_entries_csv(text, r);
  EXPECT_EQ(t.rows, 3U);
  EXPECT_EQ(t.added, 3U);
  EXPECT_EQ(problems(t), std::vector<std::string>{});
  EXPECT_EQ(t.ignored_columns, std::vector<std::string>{"STT"});
  const Entry a = r.entry(0);
  EXPECT_EQ(a.id, "row-2");
  EXPECT_EQ(a.name, "Chi bộ khu vực 3");
  EXPECT_EQ(a.unit_id, "lai-hieu");
  EXPECT_EQ(a.subject, Subject::collective);
  EXPECT_EQ(a.field_ids, std::vector<std::string>{"kinh-te"});
  ASSERT_EQ(a.events.size(), 1U);
  EXPECT_EQ(a.events[0].type, EventType::recognised);
  EXPECT_EQ(a.events[0].date, PartialDate(2020));
  EXPECT_EQ(a.events[0].level, Level::district);
  EXPECT_EQ(a.events[0].grade, "tot");
  // Blank cells stay unknown: no subject, no field, no level.
  const Entry b = r.entry(1);
  EXPECT_EQ(b.name, "Tổ hòa giải \"Khéo\"");
  EXPECT_EQ(b.subject, Subject::unknown);
  EXPECT_TRUE(b.field_ids.empty());
  EXPECT_EQ(b.events[0].date, PartialDate(2020, 12));
  EXPECT_EQ(b.events[0].level, std::nullopt);
  // The blank row is skipped but counted in the row numbers: the third entry is row 5.
  EXPECT_EQ(r.entry(2).id, "row-5");
  EXPECT_EQ(r.entry(2).kind, EntryKind::exemplar);
  EXPECT_EQ(r.entry(2).events[0].date, PartialDate(2020, 10, 5));
}

TEST(RegistryTable, RowsNotTakenAreReportedWithRowAndCell) {
  Registry r = registry();
  const std::string text = header +
                           "1,A,Phường Không Có,mô hình,,,2020,,\n"    // row 2
                           "2,B,Xã Tân Thành,mô hình,,,2020,,\n"       // row 3
                           "3,C,nga-bay,mô hình,nhóm,,2020,,\n"        // row 4
                           "4,D,nga-bay,mô hình,,thể thao,2020,,\n"    // row 5
                           "5,E,nga-bay,mô hình,,,31/02/2020,,\n"      // row 6
                           "6,F,nga-bay,mô hình,,,2020,ấp,\n"          // row 7
                           "7,G,nga-bay,mô hình,,,2020,,hạng A\n"      // row 8
                           "8,,nga-bay,mô hình,,,2020,,\n"             // row 9
                           "9,I,nga-bay,,,,2020,,\n"                   // row 10
                           "10,J,nga-bay,mô hình,,,,,tốt\n"            // row 11
                           "11,K,nga-bay,mô hình,,,,,\n"               // row 12
                           "12,L,nga-bay,mô hình,,,2020,,,extra\n"     // row 13
                           "13,M,nga-bay,mô hình,,kinh tế;;,2020,,\n"  // row 14
                           "14,N,nga-bay,mô hình,,,2030-01-01,,\n"     // row 15
                           "15,O,nga-bay,mô hình,,,1990,,\n"           // row 16
                           "16,\"P\x01\",nga-bay,mô hình,,,2020,,\n";  // row 17
  const TableImport t = import_entries_csv(text, r);
  EXPECT_EQ(t.rows, 16U);
  EXPECT_EQ(t.added, 1U);  // row 16: the unit has no start date, so 1990 is within it
  EXPECT_EQ(problems(t),
            (std::vector<std::string>{
                "row 2, cell C2: unknown unit \"Phường Không Có\"",
                "row 3, cell C3: the unit name \"Xã Tân Thành\" names 2 units (tan-thanh, "
                "tan-thanh-2): give the id",
                "row 4, cell E4: unknown subject \"nhóm\"",
                "row 5, cell F5: unknown field \"thể thao\"",
                "row 6, cell G6: not a date \"31/02/2020\": day 31 does not exist in 02/2020",
                "row 7, cell H7: unknown level \"ấp\"",
                "row 8, cell I8: unknown grade \"hạng A\"",
                "row 9, cell B9: the name is empty",
                "row 10, cell D10: the kind is empty",
                "row 11, cell I11: a recognition detail without a recognition date",
                "row 12: neither a registration date nor a recognition date",
                "row 13, cell J13: 10 cells, the header has 9",
                "row 14, cell F14: an empty item between \";\"",
                "row 15: entry \"row-15\": unit \"nga-bay\" does not exist on 2030-01-01, the day "
                "of its first event",
                "row 17, cell B17: a control character in the cell",
            }));
  EXPECT_EQ(r.size(), 1U);
  EXPECT_EQ(r.entry(0).id, "row-16");
}

TEST(RegistryTable, TablesThatCannotBeReadAtAll) {
  Registry r = registry();
  const auto import = [&](const std::string& text) {
    return message_of([&] { (void)import_entries_csv(text, r); });
  };
  EXPECT_EQ(import(""), "cannot parse \"\" at offset 0: row 1: no header row");
  EXPECT_EQ(import("\n\n"), "cannot parse \"\\x0A\\x0A\" at offset 0: row 1: no header row");
  EXPECT_EQ(import("Tên mô hình,Loại\nA,mô hình\n"),
            "cannot parse \"Tên mô hình,Loại\\x0AA,mô hình\\x0A\" at offset 0: row 1: no column "
            "\"Đơn vị\"");
  EXPECT_EQ(import("Tên mô hình,Đơn vị\nA,nga-bay\n"),
            "cannot parse \"Tên mô hình,Đơn vị\\x0AA,nga-bay\\x0A\" at offset 0: row 1: no column "
            "\"Loại\"");
  EXPECT_EQ(import("Tên mô hình,Đơn vị,Loại,TÊN MÔ HÌNH\n"),
            "cannot parse \"Tên mô hình,Đơn vị,Loại,TÊN MÔ HÌNH\\x0A\" at offset 0: row 1, cell "
            "D1: the column \"Tên mô hình\" is named twice (A1 and D1)");
  // Truncated inside a quoted cell.
  EXPECT_EQ(import("Tên mô hình,Đơn vị,Loại\n\"A,nga-bay"),
            "cannot parse \"Tên mô hình,Đơn vị,Loại\\x0A\"A,nga-bay\" at offset 33: row 2, "
            "cell A2: the quoted cell never ends");
  EXPECT_EQ(import("Tên mô hình,Đơn vị,Loại\nA \"B\",nga-bay,mô hình\n"),
            "cannot parse \"Tên mô hình,Đơn vị,Loại\\x0AA \"B\",nga-bay,mô hình\\x0A\" at "
            "offset 35: row 2, cell A2: a quote inside an unquoted cell (quote the whole cell)");
  EXPECT_EQ(import("Tên mô hình,Đơn vị,Loại\n\"A\"B,nga-bay,mô hình\n"),
            "cannot parse \"Tên mô hình,Đơn vị,Loại\\x0A\"A\"B,nga-bay,mô hình\\x0A\" at "
            "offset 36: row 2, cell A2: text after the closing quote");
  // Not UTF-8: a Windows-1258 or UTF-16 file must be converted first.
  EXPECT_EQ(import("T\xEAn,\xD0\xA1n v\xEB\n"),
            "cannot parse \"T\\xEAn,\xD0\xA1n v\\xEB\\x0A\" at offset 1: line 1: invalid UTF-8 "
            "byte 0xEA: the sequence is cut short by byte 0x6E");
  EXPECT_EQ(import(std::string("\xFF\xFET\0", 4)),
            "cannot parse \"\\xFF\\xFET\\x00\" at offset 0: line 1: invalid UTF-8 byte 0xFF: "
            "never used in UTF-8");
  EXPECT_EQ(r.size(), 0U);
}

TEST(RegistryTable, HostileSizesAreRefused) {
  Registry r = registry();
  std::string wide = "Tên mô hình,Đơn vị,Loại" + std::string(1000, ',') + "\n";
  EXPECT_NE(message_of([&] {
              (void)import_entries_csv(wide, r);
            }).find("row 1, cell ALM1: more than 1000 cells"),
            std::string::npos);
  const std::string huge = "Tên mô hình,Đơn vị,Loại\n" + std::string(100001, 'a') + ",x,y\n";
  EXPECT_NE(message_of([&] {
              (void)import_entries_csv(huge, r);
            }).find("row 2, cell A2: a cell longer than 100000 bytes"),
            std::string::npos);
}

TEST(RegistryTable, SeparatorsAliasesAndTheTableKind) {
  Registry r = registry();
  TableMapping mapping;
  mapping.aliases = {{"Tên", EntryColumn::name}, {"Cơ quan, đơn vị", EntryColumn::unit}};
  mapping.kind = EntryKind::model;
  const TableImport t = import_entries_csv(
      "Tên;\"Cơ quan, đơn vị\";Ngày đăng ký;Cấp đăng ký\nA;nga-bay;2021;huyện\n", r, mapping);
  EXPECT_EQ(problems(t), std::vector<std::string>{});
  ASSERT_EQ(r.size(), 1U);
  EXPECT_EQ(r.entry(0).kind, EntryKind::model);
  EXPECT_EQ(r.entry(0).events[0].type, EventType::registered);
  EXPECT_EQ(r.entry(0).events[0].level, Level::district);
  // Row ids repeat from table to table: a second table into the same registry needs ids.
  const std::string tabbed = "name\tunit\tkind\tregistered\nB\tlai-hieu\tmodel\t2021-03\n";
  EXPECT_EQ(problems(import_entries_csv(tabbed, r)),
            std::vector<std::string>{"row 2: entry \"row-2\": duplicate id"});
  Registry other = registry();
  EXPECT_EQ(import_entries_csv(tabbed, other).added, 1U);
  EXPECT_EQ(other.entry(0).events[0].date, PartialDate(2021, 3));
}

TEST(RegistryTable, ExportAndImportGiveTheSameEntries) {
  Registry r = registry();
  const std::string text = header +
                           "1,\"Chi bộ, khu vực 3\",lai-hieu,mô hình,tập thể,kinh tế;văn hóa – xã "
                           "hội,2020,huyện,tốt\n"
                           "2,B,tan-thanh,điển hình,,,05/10/2020,,\n";
  const TableImport first = import_entries_csv(text, r);
  EXPECT_EQ(problems(first), std::vector<std::string>{});
  ASSERT_EQ(first.added, 2U);
  const std::string out = render_entries_csv(r, {0, 1});
  EXPECT_EQ(out.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(out.find("Mã,Tên mô hình,Đơn vị,Nơi thực hiện,Lĩnh vực,Loại,Đối tượng,Họ tên,Mô tả,"
                     "Ngày đăng ký,Cấp đăng ký,Ngày công nhận,Cấp công nhận,Xếp loại,Quyết "
                     "định\r\n"),
            std::string::npos);
  EXPECT_NE(
      out.find("row-2,\"Chi bộ, khu vực 3\",lai-hieu,,\"kinh-te; van-hoa-xa-hoi\",mô hình,tập "
               "thể,,,,,2020,huyện,tốt,\r\n"),
      std::string::npos);
  Registry again = registry();
  const TableImport t = import_entries_csv(out, again);
  EXPECT_EQ(problems(t), std::vector<std::string>{});
  EXPECT_EQ(again, r);
}

// ---- Proposal lists (danh sách đề nghị khen thưởng)

namespace {

/// The fixture's registry with a model of Phường Lái Hiếu and two exemplars of the same name
/// (two persons).
Registry with_entries() {
  Registry r = registry();
  const auto t = import_entries_csv(
      "Mã,Tên mô hình,Đơn vị,Loại,Đối tượng,Họ tên,Ngày công nhận,Cấp công nhận\n"
      "m1,Dân vận khéo trong cải cách hành chính,lai-hieu,mô hình,tập thể,,2024,cấp huyện\n"
      "m2,Trưởng ấp gương mẫu,lai-hieu,điển hình,cá nhân,Nguyễn Văn An,2024,cấp huyện\n"
      "m3,Trưởng ấp gương mẫu,lai-hieu,điển hình,cá nhân,Trần Thị Bé,2024,cấp huyện\n",
      r);
  EXPECT_TRUE(t.problems.empty());
  return r;
}

std::vector<TableRow> proposal_rows(std::vector<std::vector<std::string>> rows) {
  std::vector<TableRow> out;
  for (auto& cells : rows) out.push_back({out.size() + 1, std::move(cells)});
  return out;
}

ProposalOptions bang_khen_2025() {
  ProposalOptions o;
  o.date = PartialDate(2025, 11, 20);
  o.level = Level::district;
  o.by = "nga-bay";
  o.form = "Bằng khen";
  return o;
}

}  // namespace

TEST(Proposals, RowsNameEntriesAndBecomeProposedCommendations) {
  Registry r = with_entries();
  const auto t = import_proposals_rows(
      proposal_rows({
          {"STT", "Tên tập thể, cá nhân", "Họ và tên", "Đơn vị", "Hình thức", "Ghi chú"},
          {"", "I. TẬP THỂ", "", "", "", ""},  // a section heading: not a row
          {"1", "dân vận khéo trong CẢI CÁCH  hành chính", "", "Phường Lái Hiếu", "Giấy khen", ""},
          {"", "", "", "", "", ""},
          {"2", "Trưởng ấp gương mẫu", "nguyễn văn an", "lai-hieu", "", ""},
      }),
      r, bang_khen_2025());
  EXPECT_EQ(problems(t), std::vector<std::string>{});
  EXPECT_EQ(t.rows, 2U);
  EXPECT_EQ(t.added, 2U);
  EXPECT_EQ(t.ignored_columns, (std::vector<std::string>{"STT", "Ghi chú"}));
  const Entry m1 = r.entry(*r.find("m1"));
  ASSERT_EQ(m1.events.size(), 2U);
  Event expected;
  expected.type = EventType::awarded;
  expected.status = CommendationStatus::proposed;
  expected.date = PartialDate(2025, 11, 20);
  expected.level = Level::district;
  expected.by = "nga-bay";
  expected.form = "giay-khen";  // the row's form wins over the options'
  EXPECT_EQ(m1.events.back(), expected);
  const Entry m2 = r.entry(*r.find("m2"));
  ASSERT_EQ(m2.events.size(), 2U);
  expected.form = "bang-khen";
  EXPECT_EQ(m2.events.back(), expected);
  EXPECT_EQ(r.entry(*r.find("m3")).events.size(), 1U);
}

TEST(Proposals, RowsThatNameNoEntryAreReportedWithRowAndCell) {
  Registry r = with_entries();
  const Registry before = r;
  const auto t = import_proposals_rows(
      proposal_rows({
          {"STT", "Tên mô hình, điển hình", "Đơn vị", "Hình thức", "Họ tên"},
          {"1", "Trưởng ấp gương mẫu", "lai-hieu", "Giấy khen", ""},
          {"2", "Mô hình không có", "lai-hieu", "", ""},
          {"3", "Trưởng ấp gương mẫu", "lai-hieu", "", "Lê Văn Cường"},
          {"4", "X", "Xã Tân Thành", "", ""},
          {"5", "X", "Xã Không Có", "", ""},
          {"6", "Dân vận khéo trong cải cách hành chính", "lai-hieu", "Huy chương vàng", ""},
          {"7", "", "lai-hieu", "", ""},
          {"8", "Dân vận\x01khéo", "lai-hieu", "", ""},
          {"9", "Dân vận khéo trong cải cách hành chính", "", "", ""},
      }),
      r, bang_khen_2025());
  EXPECT_EQ(
      problems(t),
      (std::vector<std::string>{
          "row 2, cell B2: 2 entries \"Trưởng ấp gươ...\" of \"lai-hieu\" (m2, m3): name the "
          "person",
          "row 3, cell B3: no entry \"Mô hình không có\" of \"lai-hieu\" in the registry",
          "row 4, cell B4: no entry \"Trưởng ấp gươ...\" of \"lai-hieu\" (\"Lê Văn Cường\") in "
          "the registry",
          "row 5, cell C5: the unit name \"Xã Tân Thành\" names 2 units (tan-thanh, "
          "tan-thanh-2): give the id",
          "row 6, cell C6: unknown unit \"Xã Không Có\"",
          "row 7, cell D7: unknown form \"Huy chương vàng\"",
          "row 8, cell B8: the name is empty",
          "row 9, cell B9: a control character in the cell",
          "row 10, cell C10: the unit is empty",
      }));
  EXPECT_EQ(t.rows, 9U);
  EXPECT_EQ(t.added, 0U);
  for (std::size_t i = 0; i < r.size(); ++i) EXPECT_EQ(r.entry(i), before.entry(i));
  // A proposal dated before the entry's last event breaks the registry's order: reported.
  ProposalOptions early = bang_khen_2025();
  early.date = PartialDate(2023);
  const auto t2 =
      import_proposals_rows(proposal_rows({{"Tên mô hình", "Đơn vị"},
                                           {"Dân vận khéo trong cải cách hành chính", "lai-hieu"}}),
                            r, early);
  ASSERT_EQ(t2.problems.size(), 1U);
  EXPECT_EQ(t2.problems[0].row, 2U);
  EXPECT_EQ(t2.added, 0U);
}

TEST(Proposals, ARecognitionListBecomesProposedRecognitionsThatCountOnlyWhenDecided) {
  Registry r = with_entries();
  ProposalOptions o;
  o.type = EventType::recognised;
  o.date = PartialDate(2025, 11, 20);
  o.level = Level::province;
  o.by = "nga-bay";
  const auto t = import_proposals_rows(
      proposal_rows({
          {"STT", "Tên mô hình, điển hình", "Đơn vị", "Họ tên", "Hình thức"},
          {"1", "Dân vận khéo trong cải cách hành chính", "lai-hieu", "", ""},
          {"2", "Trưởng ấp gương mẫu", "lai-hieu", "Trần Thị Bé", "Giấy khen"},
      }),
      r, o);
  EXPECT_EQ(problems(t),
            std::vector<std::string>{"row 3, cell E3: a recognition has no form (\"Giấy khen\")"});
  EXPECT_EQ(t.added, 1U);
  const std::size_t m1 = *r.find("m1");
  Event expected;
  expected.type = EventType::recognised;
  expected.status = CommendationStatus::proposed;
  expected.date = PartialDate(2025, 11, 20);
  expected.level = Level::province;
  expected.by = "nga-bay";
  EXPECT_EQ(r.entry(m1).events.back(), expected);
  // Not a recognition yet: the level stays the district's, the entry table shows the first
  // decided recognition, the province's list does not have it.
  EXPECT_EQ(r.entry(m1).level_on(Date(2026, 1, 1)), Level::district);
  const auto table = entries_table(r, {m1});
  EXPECT_EQ(table[1][12], "huyện");
  Filter province;
  province.levels = {Level::province};
  province.as_of = Date(2026, 1, 1);
  EXPECT_TRUE(r.select(province).empty());
  // Decided: now it is one.
  ProposalDecision d;
  d.decision = "15/QĐ-UBND";
  r.decide("m1", 1, d);
  expected.status = CommendationStatus::decided;
  expected.decision = "15/QĐ-UBND";
  EXPECT_EQ(r.entry(m1).events.back(), expected);
  EXPECT_EQ(r.select(province), std::vector<std::size_t>{m1});
}

TEST(Proposals, TablesAndOptionsThatCannotBeRead) {
  Registry r = with_entries();
  const auto message = [&](std::vector<std::vector<std::string>> rows, const ProposalOptions& o) {
    return message_of([&] { (void)import_proposals_rows(proposal_rows(std::move(rows)), r, o); });
  };
  const ProposalOptions o = bang_khen_2025();
  EXPECT_EQ(message({{"Tên mô hình", "Địa bàn"}}, o), "row 1: no column \"Đơn vị\"");
  EXPECT_EQ(message({{"STT", "Đơn vị"}}, o), "row 1: no column \"Tên mô hình\"");
  EXPECT_EQ(message({{"", " "}}, o), "row 1: no header row");
  EXPECT_EQ(message({}, o), "row 1: no header row");
  EXPECT_EQ(message({{"Tên mô hình", "Đơn vị", "Họ tên", "Họ và tên"}}, o),
            "row 1, cell D1: the column \"Họ tên\" is named twice (C1 and D1)");
  ProposalOptions bad = o;
  bad.form = "Huân chương Sao Vàng";
  EXPECT_EQ(message({{"Tên mô hình", "Đơn vị"}}, bad), "unknown form \"Huân chương Sao V...\"");
  bad = o;
  bad.type = EventType::replicated;
  EXPECT_EQ(message({{"Tên mô hình", "Đơn vị"}}, bad),
            "a proposal is for a recognition, a commendation or an award, not \"replicated\"");
  bad.type = EventType::recognised;  // o's form: a recognition has none
  EXPECT_EQ(message({{"Tên mô hình", "Đơn vị"}}, bad),
            "a recognition has no form (\"Bằng khen\"): a form goes with a commendation or an "
            "award");
  // No date: said once, not as every row's "event has no date".
  bad = o;
  bad.date.reset();
  EXPECT_EQ(message({{"Tên mô hình", "Đơn vị"}, {"Chợ", "lai-hieu"}}, bad),
            "the proposals have no date: give the date of the list (an event needs one)");
  // Aliases: one of the list's own; a column a proposal list does not have; the header's row
  // named as numbered.
  bad = o;
  bad.aliases = {{"Tên MH", EntryColumn::name}};
  EXPECT_EQ(message({{"Tên MH", "Tên mô hình", "Đơn vị"}}, bad),
            "row 1, cell B1: the column \"Tên mô hình\" is named twice (A1 and B1)");
  bad.aliases = {{"Ngày", EntryColumn::registered}};
  EXPECT_EQ(message({{"Tên mô hình", "Đơn vị"}}, bad),
            "a proposal list has no column \"registered\" (alias \"Ngày\"); its columns are "
            "name, unit and person");
  std::vector<TableRow> late = proposal_rows({{"STT", "Đơn vị"}});
  late[0].number = 3;
  EXPECT_EQ(message_of([&] { (void)import_proposals_rows(late, r, o); }),
            "row 3: no column \"Tên mô hình\"");
}

TEST(RegistryTable, ColumnNamesParseBack) {
  for (int i = 0; i <= static_cast<int>(EntryColumn::decision); ++i) {
    const auto c = static_cast<EntryColumn>(i);
    EXPECT_EQ(parse_entry_column(to_string(c)), c);
  }
  EXPECT_EQ(to_string(EntryColumn::registration_level), "registration_level");
  EXPECT_EQ(message_of([] { (void)parse_entry_column("Tên"); }),
            "unknown column \"Tên\"; expected one of id, name, unit, place, field, kind, subject, "
            "person, description, registered, registration_level, recognised, recognition_level, "
            "grade, decision");
}
