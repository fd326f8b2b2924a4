// The bundled national register (data/units/national/units.json) against the totals its
// sources print and a sample of links quoted from Nghị quyết 1655, 1657, 1660, 1661 and
// 1670/NQ-UBTVQH15.
#include "danvan/json.hpp"
#include "danvan/unit_register.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using danvan::Date;
using danvan::Level;
using danvan::Unit;
using danvan::UnitRegister;

const Date kEnd2024(2024, 12, 31);
const Date kLastOld(2025, 6, 30);
const Date kReform(2025, 7, 1);

const UnitRegister& national() {
  static const UnitRegister reg(
      danvan::load_units(std::string(DANVAN_SOURCE_DIR) + "/data/units/national/units.json"));
  return reg;
}

std::string type_word(const Unit& u) {
  for (const char* t : {"Xã ", "Phường ", "Thị trấn ", "Đặc khu ", "Tỉnh ", "Thành phố "}) {
    if (u.name.rfind(t, 0) == 0) return std::string(t, std::string(t).size() - 1);
  }
  return "?";
}

// The province-level unit a unit belongs to (itself for a province).
const Unit* province_of(const UnitRegister& reg, const Unit& unit) {
  const Unit* u = &unit;
  while (u->level != Level::province) u = reg.parent_of(*u);
  return u;
}

TEST(NationalUnits, ProvinceTotalsOnKeyDays) {
  const UnitRegister& reg = national();
  EXPECT_EQ(reg.count_on(kEnd2024, Level::province), 63U);
  EXPECT_EQ(reg.count_on(kLastOld, Level::province), 63U);
  EXPECT_EQ(reg.count_on(kReform, Level::province), 34U);
  EXPECT_EQ(reg.count_on(Date(2026, 6, 1), Level::province), 34U);
  // 5 centrally-run cities in 2024; Huế became the sixth on 01/01/2025 (175/2024/QH15).
  std::map<std::string, int> types_2024, types_2025;
  for (const Unit* u : reg.on(kEnd2024, Level::province)) ++types_2024[type_word(*u)];
  for (const Unit* u : reg.on(kReform, Level::province)) ++types_2025[type_word(*u)];
  EXPECT_EQ(types_2024, (std::map<std::string, int>{{"Thành phố", 5}, {"Tỉnh", 58}}));
  EXPECT_EQ(types_2025, (std::map<std::string, int>{{"Thành phố", 6}, {"Tỉnh", 28}}));
}

TEST(NationalUnits, ProvinceCodesFrom2025AreThoseOf915CTKCSCL) {
  std::set<std::string> codes;
  for (const Unit* u : national().on(kReform, Level::province)) codes.insert(*u->code);
  EXPECT_EQ(codes, (std::set<std::string>{"01", "04", "08", "11", "12", "14", "15", "19", "20",
                                          "22", "24", "25", "31", "33", "37", "38", "40", "42",
                                          "44", "46", "48", "51", "52", "56", "66", "68", "75",
                                          "79", "80", "82", "86", "91", "92", "96"}));
}

TEST(NationalUnits, EveryProvinceOf30June2025IsCarriedInto2025) {
  const UnitRegister& reg = national();
  for (const Unit* u : reg.on(kLastOld, Level::province)) {
    const auto next = reg.successors_on(u->id, kReform);
    ASSERT_EQ(next.size(), 1U) << u->name;
    EXPECT_EQ(next.front()->level, Level::province);
  }
  // Nghị quyết 202/2025/QH15: Phú Yên and Đắk Lắk form the new Đắk Lắk.
  const Unit& dak_lak = reg.resolve("66", kReform);
  std::vector<std::string> from;
  for (const Unit* u : reg.predecessors_on(dak_lak.id, kLastOld)) from.push_back(u->name);
  EXPECT_EQ(from, (std::vector<std::string>{"Tỉnh Phú Yên", "Tỉnh Đắk Lắk"}));
  EXPECT_EQ(dak_lak.basis, "202/2025/QH15 Điều 1");
  // Lào Cai from 2025 keeps Yên Bái's code 15; the old Lào Cai (10) is one of its parts.
  EXPECT_EQ(reg.resolve("15", kReform).name, "Tỉnh Lào Cai");
  EXPECT_EQ(reg.resolve("15", kLastOld).name, "Tỉnh Yên Bái");
  EXPECT_EQ(reg.successors_on(reg.resolve("10", kLastOld).id, kReform).front()->code, "15");
}

TEST(NationalUnits, CommuneTotalsFrom1July2025) {
  const UnitRegister& reg = national();
  EXPECT_EQ(reg.count_on(kReform, Level::commune), 3321U);
  EXPECT_EQ(reg.count_on(kReform, Level::district), 0U);
  std::map<std::string, int> types;
  for (const Unit* u : reg.on(kReform, Level::commune)) ++types[type_word(*u)];
  EXPECT_EQ(types, (std::map<std::string, int>{{"Xã", 2621}, {"Phường", 687}, {"Đặc khu", 13}}));
  std::map<std::string, int> per_province;
  for (const Unit* u : reg.on(kReform, Level::commune)) ++per_province[*u->parent_id];
  EXPECT_EQ(per_province.size(), 34U);
  EXPECT_EQ(per_province.at("p66-20250701"), 102);  // 1660/NQ-UBTVQH15 khoản 97
  EXPECT_EQ(per_province.at("p12"), 38);            // 1670/NQ-UBTVQH15 khoản 37
  EXPECT_EQ(per_province.at("p96-20250701"), 64);   // 1655/NQ-UBTVQH15 khoản 64
  EXPECT_EQ(per_province.at("p11"), 45);            // 1661/NQ-UBTVQH15 khoản 46
  EXPECT_EQ(per_province.at("p04"), 56);            // 1657/NQ-UBTVQH15 khoản 57
}

TEST(NationalUnits, EveryProvinceBeforeTheReform) {
  const UnitRegister& reg = national();
  std::map<std::string, std::map<std::string, int>> communes;
  std::size_t total = 0;
  for (const Unit* u : reg.on(kLastOld, Level::commune)) {
    ++communes[*province_of(reg, *u)->code][type_word(*u)];
    ++total;
  }
  // The country after the 2023-2025 arrangement ([national totals] in raw/sources.txt): 696
  // district-level and 10,035 commune-level units; the GSO list of 04/01/2025 has 10,051, of
  // which 19 were absorbed and 3 made before 30/06/2025 (see the data README).
  EXPECT_EQ(communes.size(), 63U);
  EXPECT_EQ(total, 10035U);
  EXPECT_EQ(reg.count_on(kLastOld, Level::district), 696U);
  EXPECT_EQ(reg.count_on(Date(2025, 1, 4), Level::commune), 10051U);
  EXPECT_EQ(communes["54"],
            (std::map<std::string, int>{{"Xã", 82}, {"Phường", 18}, {"Thị trấn", 6}}));
  int dak_lak = 0;
  for (const auto& [type, n] : communes["66"]) dak_lak += n;
  EXPECT_EQ(dak_lak, 180);  // after 1193/NQ-UBTVQH15
  EXPECT_EQ(communes["12"],
            (std::map<std::string, int>{{"Xã", 94}, {"Phường", 5}, {"Thị trấn", 7}}));
  // Cà Mau after 1252/NQ-UBTVQH15 (01/12/2024): 82 xã, 9 phường, 9 thị trấn in 9 districts;
  // Bạc Liêu as the GSO list of 04/01/2025 gives it (64 units in 7 districts).
  EXPECT_EQ(communes["96"],
            (std::map<std::string, int>{{"Xã", 82}, {"Phường", 9}, {"Thị trấn", 9}}));
  EXPECT_EQ(communes["95"],
            (std::map<std::string, int>{{"Xã", 49}, {"Phường", 10}, {"Thị trấn", 5}}));
  // Điện Biên before 1661/NQ-UBTVQH15: 115 xã, 9 phường, 5 thị trấn (moha.gov.vn), 10 districts.
  EXPECT_EQ(communes["11"],
            (std::map<std::string, int>{{"Xã", 115}, {"Phường", 9}, {"Thị trấn", 5}}));
  // Hà Nội: 526 commune-level units in the list of 04/01/2025, none changed before 30/06/2025.
  int ha_noi = 0;
  for (const auto& [type, n] : communes["01"]) ha_noi += n;
  EXPECT_EQ(ha_noi, 526);
}

TEST(NationalUnits, EveryCommuneOf30June2025HasASuccessorInItsProvincesSuccessor) {
  const UnitRegister& reg = national();
  std::size_t checked = 0;
  for (const Unit* u : reg.on(kLastOld, Level::commune)) {
    const auto next = reg.successors_on(u->id, kReform);
    EXPECT_FALSE(next.empty()) << u->id << " " << u->name;
    const Unit* old_province = province_of(reg, *u);
    const auto new_province = reg.successors_on(old_province->id, kReform);
    ASSERT_EQ(new_province.size(), 1U) << old_province->name;
    for (const Unit* n : next) {
      EXPECT_EQ(n->level, Level::commune);
      EXPECT_EQ(province_of(reg, *n)->id, new_province.front()->id) << u->id << " " << u->name;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 10035U);
  // And every 2025 commune comes from somewhere.
  for (const Unit* u : reg.on(kReform, Level::commune)) {
    EXPECT_FALSE(reg.predecessors_on(u->id, kLastOld).empty()) << u->id << " " << u->name;
  }
}

TEST(NationalUnits, LinksOfTheOldToNewTable) {
  const UnitRegister& reg = national();
  // Phường Ba Đình (Hà Nội) from 01/07/2025: Trúc Bạch and Quán Thánh whole, parts of eight
  // other phường of Ba Đình, Tây Hồ and Hoàn Kiếm (the statistics office's table).
  const Unit& ba_dinh = reg.resolve("00004", kReform);
  EXPECT_EQ(ba_dinh.name, "Phường Ba Đình");
  std::set<std::string> from;
  for (const Unit* u : reg.predecessors_on(ba_dinh.id, kLastOld)) from.insert(u->name);
  EXPECT_EQ(from, (std::set<std::string>{"Phường Trúc Bạch", "Phường Quán Thánh", "Phường Ngọc Hà",
                                         "Phường Điện Biên", "Phường Đội Cấn", "Phường Kim Mã",
                                         "Phường Thụy Khuê", "Phường Đồng Xuân", "Phường Cửa Đông",
                                         "Phường Cửa Nam"}));
  // A district with no commune-level units became a special zone as a whole.
  const Unit& con_dao = reg.resolve("755", kLastOld);
  const auto zone = reg.successors_on(con_dao.id, kReform);
  ASSERT_EQ(zone.size(), 1U);
  EXPECT_EQ(zone.front()->name, "Đặc khu Côn Đảo");
  // The table writes "Xã Đặng Xá,00553" once; 00553 is Xã Cổ Bi: settled by name (00556).
  const auto dang_xa = reg.successors_on(reg.resolve("00556", kLastOld).id, kReform);
  std::set<std::string> to;
  for (const Unit* u : dang_xa) to.insert(u->name);
  EXPECT_EQ(to, (std::set<std::string>{"Xã Phù Đổng", "Xã Thuận An"}));
  // Absorbed between the list of 04/01/2025 and the reform: listed, then gone.
  const Unit& binh_loc = reg.resolve("18448", Date(2025, 1, 4));
  EXPECT_EQ(binh_loc.name, "Xã Bình Lộc");
  EXPECT_TRUE(reg.find_by_name("Bình Lộc, Thạch Hà", kLastOld).empty());
}

TEST(NationalUnits, A2023CommuneTodayAndWhereA2026CommuneCameFrom) {
  const UnitRegister& reg = national();
  // Xã Bình Ngọc (Tuy Hòa) was absorbed by Phường 1 in 2024, which became Phường Tuy Hòa.
  const auto binh_ngoc = reg.find_by_name("Bình Ngọc, Tuy Hòa", Date(2023, 6, 1));
  ASSERT_EQ(binh_ngoc.size(), 1U);
  const auto today = reg.successors_on(binh_ngoc.front()->id, Date(2026, 3, 1));
  ASSERT_EQ(today.size(), 1U);
  EXPECT_EQ(today.front()->name, "Phường Tuy Hòa");
  EXPECT_EQ(today.front()->code, "22015");
  // Phường Tuy Hòa, traced back to 2023: Phường 1-9 (3, 6, 8 through the 2024 merges), Bình
  // Ngọc, and the parts of Hòa An and Hòa Trị (huyện Phú Hòa).
  std::set<std::string> from;
  for (const Unit* u : reg.predecessors_on(today.front()->id, Date(2023, 6, 1))) {
    from.insert(u->name);
  }
  EXPECT_EQ(from, (std::set<std::string>{"Phường 1", "Phường 2", "Phường 3", "Phường 4", "Phường 5",
                                         "Phường 6", "Phường 7", "Phường 8", "Phường 9",
                                         "Xã Bình Ngọc", "Xã Hòa An", "Xã Hòa Trị"}));
  // A split: Xã Ea Bar of huyện Sông Hinh went to two 2025 communes.
  const auto ea_bar = reg.find_by_name("Ea Bar, Sông Hinh", kLastOld);
  ASSERT_EQ(ea_bar.size(), 1U);
  std::vector<std::string> parts;
  for (const Unit* u : reg.successors_on(ea_bar.front()->id, kReform)) parts.push_back(u->name);
  EXPECT_EQ(parts, (std::vector<std::string>{"Xã Ea Ly", "Xã Ea Bá"}));  // 1027's order
}

// The registry's "as it is now" roll-ups use carried_into; over the whole country it must be
// the exact reverse of carriers_on, for the 34 provinces of 2026 and the 63 of 2025.
TEST(NationalUnits, CarriedIntoIsTheReverseOfCarriersNationwide) {
  const danvan::UnitHierarchy& h = national().hierarchy();
  for (const Date& d : {kLastOld, Date(2026, 1, 1)}) {
    // The provinces each unit's records are carried into (the carriers' province on the day).
    std::map<std::string, std::vector<std::size_t>> expected;
    for (std::size_t i = 0; i < h.size(); ++i) {
      std::set<std::string> provinces;
      for (const Unit* c : h.carriers_on(h.units()[i].id, d)) {
        const auto up = h.ancestors(c->id, d);
        provinces.insert(up.empty() ? c->id : up.back()->id);
      }
      for (const auto& p : provinces) expected[p].push_back(i);
    }
    std::size_t carried = 0;
    for (const Unit* p : national().on(d, Level::province)) {
      std::vector<std::size_t> got = h.carried_into(p->id, d);
      std::sort(got.begin(), got.end());
      EXPECT_EQ(got, expected[p->id]) << p->id << " on " << danvan::to_iso(d);
      carried += got.size();
    }
    // Every unit that existed by the day is carried somewhere (links reach 2025 for all),
    // a split commune into each of its provinces at most once per province.
    std::size_t begun = 0;
    for (const Unit& u : h.units()) begun += (!u.valid_from || *u.valid_from <= d) ? 1 : 0;
    EXPECT_GE(carried, begun) << danvan::to_iso(d);
  }
  // Phú Yên's district Tuy Hòa (ended 30/06/2025, no successor) lives on in Đắk Lắk.
  EXPECT_EQ(h.carriers_on("d555", Date(2026, 1, 1)).size(), 1U);
  EXPECT_EQ(h.carriers_on("d555", Date(2026, 1, 1)).front()->id, "p66-20250701");
}

TEST(NationalUnits, NamesAsPeopleWriteThem) {
  const UnitRegister& reg = national();
  for (const char* q : {"Phường Tuy Hòa", "phuong tuy hoa", "P. Tuy Hoà", "TUY HÒA"}) {
    const auto hits = reg.find_by_name(q, kReform);
    ASSERT_EQ(hits.size(), 1U) << q;
    EXPECT_EQ(hits.front()->id, "c22015-20250701");
  }
  EXPECT_EQ(reg.find_by_name("TP. Hồ Chí Minh", kReform).front()->code, "79");
  EXPECT_EQ(reg.find_by_name("thanh pho hue", kReform).front()->code, "46");
  EXPECT_EQ(reg.find_by_name("Thừa Thiên Huế", kEnd2024).front()->code, "46");
  EXPECT_TRUE(reg.find_by_name("Thừa Thiên Huế", kReform).empty());
  // "Tân An" names a commune-level unit in several provinces; a province narrows it down.
  const auto tan_an = reg.find_by_name("Tân An", kReform, Level::commune);
  EXPECT_GT(tan_an.size(), 5U);
  std::set<std::string> provinces;
  for (const Unit* u : tan_an) provinces.insert(*u->parent_id);
  EXPECT_GT(provinces.size(), 5U);
  const auto in_dak_lak = reg.find_by_name("phường Tân An, Đắk Lắk", kReform);
  ASSERT_EQ(in_dak_lak.size(), 1U);
  EXPECT_EQ(in_dak_lak.front()->code, "24163");
  EXPECT_EQ(in_dak_lak.front()->basis, "1660/NQ-UBTVQH15 khoản 83 Điều 1");
}

// ---------------------------------------------------------------------------------------------
// The sample of resolution quotes.

struct QuotedUnit {
  std::string name;
  std::string parent;  // from "(huyện Tây Hòa)", else empty
};

std::vector<QuotedUnit> split_quote(const std::string& quote) {
  std::vector<std::string> pieces;
  std::string rest = quote;
  for (const std::string sep : {", ", " và "}) {
    std::vector<std::string> next;
    for (const std::string& p : pieces.empty() ? std::vector<std::string>{rest} : pieces) {
      std::size_t start = 0;
      while (true) {
        const std::size_t at = p.find(sep, start);
        next.push_back(p.substr(start, at - start));
        if (at == std::string::npos) break;
        start = at + sep.size();
      }
    }
    pieces = std::move(next);
  }
  std::vector<QuotedUnit> out;
  for (std::string p : pieces) {
    const std::string cac = "các ";
    if (p.rfind(cac, 0) == 0) p.erase(0, cac.size());
    QuotedUnit q;
    if (const auto open = p.find(" ("); open != std::string::npos) {
      q.parent = p.substr(open + 2, p.find(')') - open - 2);
      p.erase(open);
    }
    q.name = p;
    out.push_back(q);
  }
  return out;
}

TEST(NationalUnits, SplitQuoteReadsTheResolutionsListForm) {
  const auto q = split_quote("các xã Hòa Phú (huyện Tây Hòa), Sơn Thành Đông và Sơn Thành Tây");
  ASSERT_EQ(q.size(), 3U);
  EXPECT_EQ(q[0].name, "xã Hòa Phú");
  EXPECT_EQ(q[0].parent, "huyện Tây Hòa");
  EXPECT_EQ(q[2].name, "Sơn Thành Tây");
}

TEST(NationalUnits, LinksMatchTheQuotedClausesOfTheResolutions) {
  const UnitRegister& reg = national();
  std::ifstream in(std::string(DANVAN_TEST_DATA_DIR) + "/units/resolution-quotes-2025.tsv");
  ASSERT_TRUE(in) << "missing fixture";
  std::string line;
  std::size_t clauses = 0, links = 0;
  std::map<std::string, int> per_resolution;
  std::map<std::string, std::size_t> links_per;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string symbol, province, clause, new_name, quote;
    std::getline(fields, symbol, '\t');
    std::getline(fields, province, '\t');
    std::getline(fields, clause, '\t');
    std::getline(fields, new_name, '\t');
    std::getline(fields, quote, '\t');
    const auto hits = reg.find_by_name(new_name + ", " + province, kReform, Level::commune);
    ASSERT_EQ(hits.size(), 1U) << "clause " << clause << ": " << new_name;
    const Unit& made = *hits.front();
    EXPECT_EQ(made.basis, symbol + " khoản " + clause + " Điều 1");
    ++per_resolution[symbol];
    const auto from = reg.predecessors_on(made.id, kLastOld);
    const auto quoted = split_quote(quote);
    EXPECT_EQ(from.size(), quoted.size()) << "clause " << clause;
    for (const QuotedUnit& q : quoted) {
      const auto match = std::count_if(from.begin(), from.end(), [&](const Unit* u) {
        if (danvan::unit_name_key(u->name) != danvan::unit_name_key(q.name)) return false;
        if (q.name.rfind("xã ", 0) == 0 && type_word(*u) != "Xã") return false;
        if (q.name.rfind("phường ", 0) == 0 && type_word(*u) != "Phường") return false;
        if (q.name.rfind("thị trấn ", 0) == 0 && type_word(*u) != "Thị trấn") return false;
        return q.parent.empty() ||
               danvan::unit_name_key(reg.parent_of(*u)->name) == danvan::unit_name_key(q.parent);
      });
      EXPECT_EQ(match, 1) << "clause " << clause << ": " << q.name;
      ++links;
      ++links_per[symbol];
    }
    ++clauses;
  }
  EXPECT_EQ(clauses, 30U + 19U + 24U + 11U + 11U);
  EXPECT_EQ(per_resolution, (std::map<std::string, int>{{"1655/NQ-UBTVQH15", 24},
                                                        {"1657/NQ-UBTVQH15", 11},
                                                        {"1660/NQ-UBTVQH15", 30},
                                                        {"1661/NQ-UBTVQH15", 11},
                                                        {"1670/NQ-UBTVQH15", 19}}));
  // At least 50 links for each region: the Centre (Tây Nguyên and the south central coast,
  // 1660), the North (the northern mountains, 1670, 1661 and 1657) and the South (the Mekong
  // delta, 1655).
  EXPECT_EQ(links_per["1660/NQ-UBTVQH15"], 91U);
  EXPECT_EQ(links_per["1670/NQ-UBTVQH15"], 55U);
  EXPECT_EQ(links_per["1655/NQ-UBTVQH15"], 67U);
  EXPECT_EQ(links_per["1661/NQ-UBTVQH15"], 42U);
  EXPECT_EQ(links_per["1657/NQ-UBTVQH15"], 34U);
  EXPECT_EQ(links, 146U + 67U + 42U + 34U);
}

}  // namespace
