// The official list of units (danh mục đơn vị hành chính) in: reading its CSV or spreadsheet
// rows with located problems, and what changed against a register on the list's day.
#include "danvan/unit_list.hpp"
#include "danvan/error.hpp"
#include "danvan/json.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

using danvan::Date;
using danvan::Level;
using danvan::ListedUnit;
using danvan::read_unit_list_csv;
using danvan::Unit;
using danvan::UnitList;
using danvan::UnitListChange;

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no exception";
}

std::vector<std::string> problems(const UnitList& list) {
  std::vector<std::string> out;
  for (const auto& p : list.problems) out.push_back(to_string(p));
  return out;
}

// The header of the GSO list as published (danhmuchanhchinh.gso.gov.vn, list of 04/01/2025).
const std::string kHeader =
    "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n";

TEST(UnitList, ReadsTheGsoForm) {
  const UnitList list =
      read_unit_list_csv("\xEF\xBB\xBF" + kHeader +
                         "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Phúc Xá,00001,Phường,\n"
                         "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Trúc Bạch,00004,Phường,\n"
                         "\n"
                         "Thành phố Hà Nội,1,Quận Hoàn Kiếm,2,Phúc Tân,37,Phường,\n"
                         "Tỉnh Hà Giang,02,Thành phố Hà Giang,024,Xã Ngọc Đường,00694,Xã,\n"
                         "Thành phố Hải Phòng,31,Huyện Bạch Long Vĩ,318,,,,\n");
  EXPECT_TRUE(list.problems.empty()) << ::testing::PrintToString(problems(list));
  EXPECT_EQ(list.rows, 5U);
  EXPECT_TRUE(list.has_districts);
  EXPECT_EQ(list.ignored_columns, std::vector<std::string>{"Tên Tiếng Anh"});
  const std::vector<ListedUnit> expected = {
      {"01", "Thành phố Hà Nội", Level::province, "", 2},
      {"001", "Quận Ba Đình", Level::district, "01", 2},
      {"00001", "Phường Phúc Xá", Level::commune, "001", 2},
      {"00004", "Phường Trúc Bạch", Level::commune, "001", 3},
      // Leading zeros Excel dropped come back; the Cấp goes in front of a bare name.
      {"002", "Quận Hoàn Kiếm", Level::district, "01", 5},
      {"00037", "Phường Phúc Tân", Level::commune, "002", 5},
      {"02", "Tỉnh Hà Giang", Level::province, "", 6},
      {"024", "Thành phố Hà Giang", Level::district, "02", 6},
      {"00694", "Xã Ngọc Đường", Level::commune, "024", 6},
      // A district without communes has a row of its own.
      {"31", "Thành phố Hải Phòng", Level::province, "", 7},
      {"318", "Huyện Bạch Long Vĩ", Level::district, "31", 7},
  };
  EXPECT_EQ(list.units, expected);
}

TEST(UnitList, ReadsTheTwoLevelListAndAliases) {
  danvan::UnitListMapping mapping;
  mapping.aliases = {{"Mã ĐVHC", danvan::UnitListColumn::commune_code},
                     {"Tên ĐVHC", danvan::UnitListColumn::commune}};
  const UnitList list = read_unit_list_csv(
      "Mã tỉnh;Tên tỉnh;Mã ĐVHC;Tên ĐVHC;Cấp\n66;Tỉnh Đắk Lắk;24121;Phường Buôn Ma Thuột;Phường\n",
      mapping);
  EXPECT_TRUE(list.problems.empty()) << ::testing::PrintToString(problems(list));
  EXPECT_FALSE(list.has_districts);
  const std::vector<ListedUnit> expected = {
      {"66", "Tỉnh Đắk Lắk", Level::province, "", 2},
      {"24121", "Phường Buôn Ma Thuột", Level::commune, "66", 2},
  };
  EXPECT_EQ(list.units, expected);
}

TEST(UnitList, RowsThatCannotBeTakenAreReportedWithTheirCell) {
  const UnitList list = read_unit_list_csv(
      kHeader +
      "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Phúc Xá,00001,Phường,\n"  // row 2: taken
      "Thành phố Hà Nội,01,Quận Ba Đình,001,,00004,Phường,\n"                // no name
      "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Trúc Bạch,,Phường,\n"     // no code
      "Thành phố Hà Nội,01,Quận Ba Đình,0x1,Phường Trúc Bạch,00004,Phường,\n"
      "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Trúc Bạch,000004,Phường,\n"
      "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Trúc Bạch,00004,Khu phố,\n"
      "Thành phố Hà Nội,01,Quận Ba Đình,001,Xã Trúc Bạch,00004,Phường,\n"
      "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Phúc Xá,00001,Phường,\n"  // listed before
      "Hà Nội,01,Quận Ba Đình,001,Phường Trúc Bạch,00004,Phường,\n"          // another name
      "Tỉnh Hà Giang,02,Quận Ba Đình,001,Phường Trúc Bạch,00004,Phường,\n"   // another province
      "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Trúc Bạch,00004,Phường,,x\n"
      "Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Trúc Bạch,00004,Phường,\n");  // row 13: taken
  EXPECT_EQ(problems(list),
            (std::vector<std::string>{
                "row 3, cell E3: no commune name",
                "row 4, cell F4: no commune code",
                "row 5, cell D5: district code \"0x1\" is not a number",
                "row 6, cell F6: commune code \"000004\" has more than 5 digits",
                "row 7, cell G7: unknown Cấp \"Khu phố\"; expected one of Xã, Phường, Thị trấn, "
                "Đặc khu",
                "row 8, cell E8: the name \"Xã Trúc Bạch\" does not agree with Cấp \"Phường\"",
                "row 9, cell F9: commune 00001 is already in row 2",
                "row 10, cell A10: province 01 is \"Thành phố Hà Nội\" in row 2",
                "row 11, cell B11: district 001 is in province 01 in row 2",
                "row 12, cell I12: 9 cells, the header has 8",
            }));
  EXPECT_EQ(list.rows, 12U);
  // The rows with a problem added nothing (Tỉnh Hà Giang of row 11 is not in the list).
  ASSERT_EQ(list.units.size(), 4U);
  EXPECT_EQ(list.units[3], (ListedUnit{"00004", "Phường Trúc Bạch", Level::commune, "001", 13}));
}

TEST(UnitList, HeadersThatCannotBeMappedStopTheImport) {
  const auto csv = [](const std::string& text) {
    return message_of([&] { (void)read_unit_list_csv(text); });
  };
  EXPECT_EQ(csv(""), "cannot parse \"\" at offset 0: row 1: no header row");
  EXPECT_EQ(csv("\n\n"), "cannot parse \"\\x0A\\x0A\" at offset 0: row 1: no header row");
  EXPECT_EQ(csv("Mã TP,Tỉnh,Mã PX\n"),
            "cannot parse \"Mã TP,Tỉnh,Mã PX\\x0A\" at offset 0: row 1: no column \"Phường Xã\"");
  EXPECT_EQ(csv("Mã TP,Tỉnh,Mã PX,Xã,Mã QH\n"),
            "cannot parse \"Mã TP,Tỉnh,Mã PX,Xã,Mã QH\\x0A\" at offset 0: row 1: no column "
            "\"Quận Huyện\"");
  EXPECT_EQ(csv("Mã TP,Tỉnh,Mã PX,Xã,MÃ TỈNH\n"),
            "cannot parse \"Mã TP,Tỉnh,Mã PX,Xã,MÃ TỈNH\\x0A\" at offset 0: row 1, cell E1: the "
            "column \"Mã TP\" is named twice (A1 and E1)");
  // Truncated inside a quoted cell; not UTF-8.
  EXPECT_EQ(csv("Mã TP,Tỉnh,Mã PX,Xã\n01,\"Thành phố"),
            "cannot parse \"Mã TP,Tỉnh,Mã PX,Xã\\x0A01,\"Thành phố\" at offset 28: row 2, cell "
            "B2: the quoted cell never ends");
  EXPECT_EQ(csv("M\xE3 TP\n"),
            "cannot parse \"M\\xE3 TP\\x0A\" at offset 1: line 1: invalid UTF-8 byte 0xE3: the "
            "sequence is cut short by byte 0x20");
  // From spreadsheet rows: ValueError, and malformed text in a cell is that row's problem.
  const auto rows = [](const std::vector<danvan::TableRow>& r) {
    return message_of([&] { (void)danvan::read_unit_list_rows(r); });
  };
  EXPECT_EQ(rows({}), "row 1: no header row");
  EXPECT_EQ(rows({{3, {"Mã TP", "Tỉnh", "Mã PX"}}}), "row 3: no column \"Phường Xã\"");
  const UnitList list = danvan::read_unit_list_rows(
      {{1, {"Mã TP", "Tỉnh", "Mã PX", "Xã"}}, {2, {"01", "Thành phố Hà Nội", "00001", "P \xFF"}}});
  EXPECT_EQ(problems(list), std::vector<std::string>{"row 2, cell D2: invalid UTF-8 byte 0xFF: "
                                                     "never used in UTF-8"});
}

// A register of two provinces with three communes, the second province's starting 2025-07-01.
danvan::UnitRegister small_register() {
  const auto unit = [](std::string id, std::string name, Level level,
                       std::optional<std::string> parent, std::optional<std::string> code) {
    Unit u;
    u.id = std::move(id);
    u.name = std::move(name);
    u.kind = danvan::UnitKind::administrative_unit;
    u.level = level;
    u.parent_id = std::move(parent);
    u.code = std::move(code);
    return u;
  };
  return danvan::UnitRegister(danvan::UnitHierarchy({
      unit("p01", "Thành phố Hà Nội", Level::province, {}, "01"),
      unit("p02", "Tỉnh Tuyên Quang", Level::province, {}, "08"),
      unit("c1", "Phường Ba Đình", Level::commune, "p01", "00004"),
      unit("c2", "Phường Ngọc Hà", Level::commune, "p01", "00008"),
      unit("c3", "Xã Kim Bình", Level::commune, "p02", "02425"),
      unit("c4", "Xã Không Mã", Level::commune, "p02", {}),
  }));
}

TEST(UnitList, ComparesWithTheRegisterOnTheDay) {
  const UnitList list = read_unit_list_csv(
      "Mã TP,Tỉnh,Mã PX,Xã,Cấp\n"
      "01,Thành phố Hà Nội,00004,Ba Đình,Phường\n"       // same (name without its type)
      "01,Thành phố Hà Nội,00008,Phường Ngọc Hà Mới,\n"  // renamed
      "01,Thành phố Hà Nội,02425,Xã Kim Bình,Xã\n"       // moved from 08 to 01
      "08,Tỉnh Tuyên Quang,02500,Xã Mới,Xã\n");          // added
  ASSERT_TRUE(list.problems.empty()) << ::testing::PrintToString(problems(list));
  const danvan::UnitListComparison c =
      danvan::compare_unit_list(list, small_register(), Date(2025, 7, 1));
  using K = UnitListChange::Kind;
  const std::vector<UnitListChange> expected = {
      {K::renamed, Level::commune, "00008", "c2", "Phường Ngọc Hà", "Phường Ngọc Hà Mới", "", 3},
      {K::added, Level::commune, "02500", "", "Xã Mới", "", "", 5},
      {K::moved, Level::commune, "02425", "c3", "Xã Kim Bình", "01", "08", 4},
  };
  std::vector<UnitListChange> sorted = expected;
  std::sort(sorted.begin(), sorted.end(),
            [](const UnitListChange& a, const UnitListChange& b) { return a.code < b.code; });
  EXPECT_EQ(c.changes, sorted);
  EXPECT_EQ(c.compared, 5U);
  EXPECT_EQ(c.not_compared, 1U);  // Xã Không Mã has no code

  // A list without the province and one commune: both reported as ended.
  const UnitList shorter =
      read_unit_list_csv("Mã TP,Tỉnh,Mã PX,Xã\n01,Thành phố Hà Nội,00004,Phường Ba Đình\n");
  const danvan::UnitListComparison d =
      danvan::compare_unit_list(shorter, small_register(), Date(2025, 7, 1));
  const std::vector<UnitListChange> ended = {
      {K::ended, Level::province, "08", "p02", "Tỉnh Tuyên Quang", "", "", 0},
      {K::ended, Level::commune, "00008", "c2", "Phường Ngọc Hà", "", "", 0},
      {K::ended, Level::commune, "02425", "c3", "Xã Kim Bình", "", "", 0},
  };
  EXPECT_EQ(d.changes, ended);
  EXPECT_EQ(to_string(K::ended), "ended");
}

TEST(UnitList, ATypeWordChangedIsARenameASpellingIsNot) {
  // Phường Ba Đình listed as a xã (a reclassification the list would show), Hà Nội as "TP."
  // (the same name), Xã Kim Bình without its type word (the same name).
  const UnitList list = read_unit_list_csv(
      "Mã TP,Tỉnh,Mã PX,Xã\n"
      "01,TP. Hà Nội,00004,Xã Ba Đình\n"
      "01,TP. Hà Nội,00008,P. Ngọc Hà\n"
      "08,Tỉnh Tuyên Quang,02425,Kim Bình\n");
  ASSERT_TRUE(list.problems.empty()) << ::testing::PrintToString(problems(list));
  const danvan::UnitListComparison c =
      danvan::compare_unit_list(list, small_register(), Date(2025, 7, 1));
  using K = UnitListChange::Kind;
  const std::vector<UnitListChange> expected = {
      {K::renamed, Level::commune, "00004", "c1", "Phường Ba Đình", "Xã Ba Đình", "", 2},
  };
  EXPECT_EQ(c.changes, expected);
}

// The bundled national register against a list made from it: no change on 01/07/2025 (34
// provinces, 3,321 communes) and on 30/06/2025 with districts; then three edits, found exactly.
TEST(UnitList, TheNationalRegisterAgainstItsOwnList) {
  const danvan::UnitRegister reg(
      danvan::load_units(std::string(DANVAN_SOURCE_DIR) + "/data/units/national/units.json"));
  const auto list_of = [&](Date day, bool districts) {
    std::string csv = districts ? "Mã TP,Tỉnh,Mã QH,Quận Huyện,Mã PX,Phường Xã\n"
                                : "Mã TP,Tỉnh,Mã PX,Phường Xã\n";
    if (districts) {
      for (const Unit* d : reg.on(day, Level::district)) {
        if (!reg.hierarchy().children(d->id, day).empty()) continue;
        const Unit* province = reg.parent_of(*d);
        csv += *province->code + ",\"" + province->name + "\"," + *d->code + ",\"" + d->name +
               "\",,\n";
      }
    }
    for (const Unit* u : reg.on(day, Level::commune)) {
      if (!u->code) continue;  // the communes enlarged in 2024 (1200, 1193/NQ-UBTVQH15)
      const Unit* parent = reg.parent_of(*u);
      EXPECT_EQ(parent->level, districts ? Level::district : Level::province) << u->id;
      const Unit* province = districts ? reg.parent_of(*parent) : parent;
      csv += *province->code + ",\"" + province->name + "\",";
      if (districts) csv += *parent->code + ",\"" + parent->name + "\",";
      csv += *u->code + ",\"" + u->name + "\"\n";
    }
    return csv;
  };
  const std::string after = list_of(Date(2025, 7, 1), false);
  const danvan::UnitListComparison same =
      danvan::compare_unit_list(read_unit_list_csv(after), reg, Date(2025, 7, 1));
  EXPECT_TRUE(same.changes.empty());
  EXPECT_EQ(same.compared, 34U + 3321U);
  const danvan::UnitListComparison before = danvan::compare_unit_list(
      read_unit_list_csv(list_of(Date(2025, 6, 30), true)), reg, Date(2025, 6, 30));
  EXPECT_TRUE(before.changes.empty());
  // Nine communes enlarged in 2024 have no code in the register: not compared.
  EXPECT_EQ(before.not_compared, 9U);
  EXPECT_EQ(before.compared, 63U + 696U + 10035U - 9U);
  // Phường Tuy Hòa (22015) renamed, a commune 99999 added.
  std::string edited = after;
  const std::string row = "22015,\"Phường Tuy Hòa\"";
  const auto at = edited.find(row);
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, row.size(), "22015,\"Phường Tuy An\"");
  edited += "66,\"Tỉnh Đắk Lắk\",99999,Xã Thử\n";
  const danvan::UnitListComparison changed =
      danvan::compare_unit_list(read_unit_list_csv(edited), reg, Date(2025, 7, 1));
  ASSERT_EQ(changed.changes.size(), 2U);
  EXPECT_EQ(changed.changes[0].kind, UnitListChange::Kind::renamed);
  EXPECT_EQ(changed.changes[0].unit_id, "c22015-20250701");
  EXPECT_EQ(changed.changes[0].listed, "Phường Tuy An");
  EXPECT_EQ(changed.changes[1].kind, UnitListChange::Kind::added);
  EXPECT_EQ(changed.changes[1].code, "99999");

  // The same list applied on 2026-01-01: Phường Tuy Hòa continued under its new name, the new
  // commune added; the list then matches the register on that day, and the old communes of
  // 2025 still lead to the renamed one.
  const Date day(2026, 1, 1);
  const danvan::UnitListUpdate update =
      danvan::apply_unit_list(read_unit_list_csv(edited), reg, day, "SAMPLE 1/NQ-TEST");
  using Pair = std::pair<std::string, std::string>;
  EXPECT_EQ(update.continued, (std::vector<Pair>{{"c22015-20250701", "c22015-20260101"}}));
  EXPECT_EQ(update.added, std::vector<std::string>{"c99999"});
  EXPECT_TRUE(update.ended.empty());
  const danvan::UnitRegister next(update.units);
  EXPECT_EQ(next.size(), reg.size() + 2);
  EXPECT_EQ(next.count_on(day, Level::commune), 3322U);
  EXPECT_EQ(next.count_on(day, Level::province), 34U);
  EXPECT_TRUE(danvan::compare_unit_list(read_unit_list_csv(edited), next, day).changes.empty());
  const Unit* renamed = next.by_code("22015", day);
  ASSERT_NE(renamed, nullptr);
  EXPECT_EQ(renamed->name, "Phường Tuy An");
  EXPECT_EQ(renamed->parent_id, std::optional<std::string>("p66-20250701"));
  EXPECT_EQ(renamed->basis, std::optional<std::string>("SAMPLE 1/NQ-TEST"));
  const auto before_2025 = next.predecessors_on("c22015-20260101", Date(2025, 6, 30));
  EXPECT_EQ(before_2025.size(), reg.predecessors_on("c22015-20250701", Date(2025, 6, 30)).size());
  EXPECT_FALSE(before_2025.empty());
  const auto today = next.successors_on("c22015-20250701", day);
  ASSERT_EQ(today.size(), 1U);
  EXPECT_EQ(today[0]->id, "c22015-20260101");
  EXPECT_EQ(next.by_code("22015", Date(2025, 12, 31))->name, "Phường Tuy Hòa");
  // On 2025-07-01 Phường Tuy Hòa itself begins: it cannot be continued from that day.
  EXPECT_EQ(message_of([&] {
              (void)danvan::apply_unit_list(read_unit_list_csv(edited), reg, Date(2025, 7, 1));
            }),
            "cannot apply the list on 2025-07-01: \"c22015-20250701\" (Phường Tuy Hòa) begins on "
            "2025-07-01 and cannot be continued from 2025-07-01");
}

TEST(UnitList, AppliesItsChangesOnTheDayGiven) {
  const UnitList list = read_unit_list_csv(
      "Mã TP,Tỉnh,Mã PX,Xã,Cấp\n"
      "01,Thành phố Hà Nội,00004,Ba Đình,Phường\n"
      "01,Thành phố Hà Nội,00008,Phường Ngọc Hà Mới,\n"  // renamed
      "01,Thành phố Hà Nội,02425,Xã Kim Bình,Xã\n"       // moved from 08 to 01
      "08,Tỉnh Tuyên Quang,02500,Xã Mới,Xã\n"            // added
      "09,Tỉnh Thử,02600,Xã Thử,Xã\n");                  // added with its province
  const danvan::UnitRegister reg = small_register();
  const Date day(2026, 1, 1);
  const danvan::UnitListUpdate update = danvan::apply_unit_list(list, reg, day);
  EXPECT_EQ(update.comparison.changes, danvan::compare_unit_list(list, reg, day).changes);
  using Pair = std::pair<std::string, std::string>;
  EXPECT_EQ(update.continued, (std::vector<Pair>{{"c2", "c2-20260101"}, {"c3", "c3-20260101"}}));
  EXPECT_EQ(update.added, (std::vector<std::string>{"p09", "c02500", "c02600"}));
  EXPECT_TRUE(update.ended.empty());
  const danvan::UnitHierarchy& h = update.units;
  Unit ngoc_ha = h.at("c2");
  EXPECT_EQ(ngoc_ha.valid_to, Date(2025, 12, 31));
  EXPECT_EQ(ngoc_ha.successor_ids, std::vector<std::string>{"c2-20260101"});
  const Unit& renamed = h.at("c2-20260101");
  EXPECT_EQ(renamed.name, "Phường Ngọc Hà Mới");
  EXPECT_EQ(renamed.parent_id, std::optional<std::string>("p01"));
  EXPECT_EQ(renamed.valid_from, day);
  EXPECT_EQ(renamed.valid_to, std::nullopt);
  EXPECT_EQ(renamed.predecessor_ids, std::vector<std::string>{"c2"});
  EXPECT_EQ(renamed.code, std::optional<std::string>("00008"));
  EXPECT_EQ(renamed.basis, std::nullopt);  // none given
  EXPECT_EQ(h.at("c3-20260101").parent_id, std::optional<std::string>("p01"));
  const Unit& added = h.at("c02600");
  EXPECT_EQ(added.parent_id, std::optional<std::string>("p09"));
  EXPECT_EQ(added.kind, danvan::UnitKind::administrative_unit);
  EXPECT_EQ(added.level, Level::commune);
  EXPECT_EQ(added.valid_from, day);
  EXPECT_TRUE(added.predecessor_ids.empty());  // the list does not say what it came from
  EXPECT_EQ(h.at("c02500").parent_id, std::optional<std::string>("p02"));
  // Xã Không Mã (no code) stays where it was; the list now matches the register on the day.
  EXPECT_EQ(h.at("c4"), small_register().hierarchy().at("c4"));
  EXPECT_TRUE(danvan::compare_unit_list(list, danvan::UnitRegister(h), day).changes.empty());
}

TEST(UnitList, AProvinceRenamedContinuesEveryUnitBelowIt) {
  const UnitList list = read_unit_list_csv(
      "Mã TP,Tỉnh,Mã PX,Xã\n"
      "01,Thành phố Hà Nội,00004,Phường Ba Đình\n"
      "01,Thành phố Hà Nội,00008,Phường Ngọc Hà\n"
      "08,Tỉnh Tuyên Quang Mới,02425,Xã Kim Bình\n");
  const Date day(2026, 1, 1);
  const danvan::UnitListUpdate update =
      danvan::apply_unit_list(list, small_register(), day, "SAMPLE");
  using Pair = std::pair<std::string, std::string>;
  EXPECT_EQ(
      update.continued,
      (std::vector<Pair>{{"p02", "p02-20260101"}, {"c3", "c3-20260101"}, {"c4", "c4-20260101"}}));
  const danvan::UnitHierarchy& h = update.units;
  EXPECT_EQ(h.at("c4-20260101").parent_id, std::optional<std::string>("p02-20260101"));
  EXPECT_EQ(h.at("c4-20260101").name, "Xã Không Mã");
  EXPECT_EQ(h.at("c4-20260101").basis, std::optional<std::string>("SAMPLE"));
  EXPECT_EQ(h.at("c4").valid_to, Date(2025, 12, 31));
  EXPECT_TRUE(danvan::compare_unit_list(list, danvan::UnitRegister(h), day).changes.empty());
  // Applied again on a later day, the continued ids take that day's suffix.
  const UnitList again = read_unit_list_csv(
      "Mã TP,Tỉnh,Mã PX,Xã\n"
      "01,Thành phố Hà Nội,00004,Phường Ba Đình\n"
      "01,Thành phố Hà Nội,00008,Phường Ngọc Hà\n"
      "08,Tỉnh Tuyên Quang,02425,Xã Kim Bình\n");
  const danvan::UnitListUpdate back =
      danvan::apply_unit_list(again, danvan::UnitRegister(h), Date(2027, 1, 1));
  EXPECT_EQ(back.continued, (std::vector<Pair>{{"p02-20260101", "p02-20270101"},
                                               {"c3-20260101", "c3-20270101"},
                                               {"c4-20260101", "c4-20270101"}}));
}

TEST(UnitList, ApplyingReportsEveryProblem) {
  const Date day(2026, 1, 1);
  // Tuyên Quang and two communes ended; Xã Không Mã has no code, so the list cannot name it,
  // and it would outlive its province.
  const UnitList shorter =
      read_unit_list_csv("Mã TP,Tỉnh,Mã PX,Xã\n01,Thành phố Hà Nội,00004,Phường Ba Đình\n");
  EXPECT_EQ(message_of([&] { (void)danvan::apply_unit_list(shorter, small_register(), day); }),
            "cannot apply the list on 2026-01-01: \"c4\" (Xã Không Mã) exists on 2026-01-01 but "
            "its parent \"p02\" ends on 2025-12-31 and the list does not name it elsewhere");
  // Without it, the ends are applied.
  danvan::UnitHierarchy without;
  const danvan::UnitRegister all = small_register();
  for (const Unit& u : all.hierarchy().units()) {
    if (u.id != "c4") without.add(u);
  }
  const danvan::UnitListUpdate ended =
      danvan::apply_unit_list(shorter, danvan::UnitRegister(without), day);
  EXPECT_EQ(ended.ended, (std::vector<std::string>{"p02", "c2", "c3"}));
  EXPECT_EQ(ended.units.at("p02").valid_to, Date(2025, 12, 31));
  EXPECT_TRUE(ended.units.at("p02").successor_ids.empty());  // the list does not say
  // A list with a row not taken is not applied.
  const UnitList bad = read_unit_list_csv(
      "Mã TP,Tỉnh,Mã PX,Xã\n01,Thành phố Hà Nội,00004,Phường Ba Đình\n01,Thành phố Hà "
      "Nội,00008,\n");
  ASSERT_EQ(bad.problems.size(), 1U);
  EXPECT_EQ(message_of([&] { (void)danvan::apply_unit_list(bad, small_register(), day); }),
            "cannot apply the list on 2026-01-01: 1 rows were not taken (the first: row 3, cell "
            "D3: no commune name); a list is applied whole");
  // The first day the library knows has no day before it.
  EXPECT_EQ(message_of([&] {
              (void)danvan::apply_unit_list(shorter, small_register(), Date(1400, 1, 1));
            }),
            "cannot apply the list on 1400-01-01: the day must be after 1400-01-01");
}

TEST(UnitList, ApplyingAListWithoutDistrictsKeepsCommunesInTheirDistricts) {
  // A register with districts (before 2025-07-01) and a list without them that moves a
  // commune to another province: its district there is unknown, so nothing is guessed.
  const auto unit = [](std::string id, std::string name, Level level,
                       std::optional<std::string> parent, std::string code) {
    Unit u;
    u.id = std::move(id);
    u.name = std::move(name);
    u.kind = danvan::UnitKind::administrative_unit;
    u.level = level;
    u.parent_id = std::move(parent);
    u.code = std::move(code);
    if (level != Level::province) u.valid_to = Date(2025, 6, 30);
    return u;
  };
  const danvan::UnitRegister reg(danvan::UnitHierarchy({
      unit("p01", "Thành phố Hà Nội", Level::province, {}, "01"),
      unit("p02", "Tỉnh Tuyên Quang", Level::province, {}, "08"),
      unit("d1", "Quận Ba Đình", Level::district, "p01", "001"),
      unit("c1", "Phường Phúc Xá", Level::commune, "d1", "00001"),
  }));
  const UnitList moved = read_unit_list_csv(
      "Mã TP,Tỉnh,Mã PX,Xã\n08,Tỉnh Tuyên Quang,00001,Phường Phúc Xá\n"
      "01,Thành phố Hà Nội,00002,Phường Mới\n");
  EXPECT_EQ(message_of([&] { (void)danvan::apply_unit_list(moved, reg, Date(2025, 1, 1)); }),
            "cannot apply the list on 2025-01-01: \"c1\" (Phường Phúc Xá) is listed under the "
            "province \"08\" but belongs to the district \"d1\", which the list does not name");
}

}  // namespace
