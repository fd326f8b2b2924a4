// The unit register: name keys, codes reused over time, as-of look-ups both ways.
#include "danvan/unit_register.hpp"
#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using danvan::Date;
using danvan::Level;
using danvan::Unit;
using danvan::UnitHierarchy;
using danvan::UnitKind;
using danvan::UnitRegister;

Unit make(std::string id, std::string name, Level level, std::optional<std::string> parent,
          std::optional<std::string> code, std::optional<Date> from, std::optional<Date> to,
          std::vector<std::string> preds = {}, std::vector<std::string> succs = {}) {
  Unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  u.kind = UnitKind::administrative_unit;
  u.level = level;
  u.parent_id = std::move(parent);
  u.code = std::move(code);
  u.valid_from = from;
  u.valid_to = to;
  u.predecessor_ids = std::move(preds);
  u.successor_ids = std::move(succs);
  return u;
}

const Date kEnd2024(2024, 10, 31);
const Date kStart2024(2024, 11, 1);
const Date kLastOld(2025, 6, 30);
const Date kReform(2025, 7, 1);

// A small slice shaped like Phú Yên → Đắk Lắk: a 2024 absorption, a 2025 merge reusing a code,
// and two communes of the same name in different districts.
UnitRegister small_register() {
  std::vector<Unit> units;
  units.push_back(
      make("p54", "Tỉnh Phú Yên", Level::province, {}, "54", {}, kLastOld, {}, {"p66-20250701"}));
  units.push_back(
      make("p66-20250701", "Tỉnh Đắk Lắk", Level::province, {}, "66", kReform, {}, {"p54"}));
  units.push_back(make("d555", "Thành phố Tuy Hòa", Level::district, "p54", "555", {}, kLastOld));
  units.push_back(make("d563", "Huyện Phú Hòa", Level::district, "p54", "563", {}, kLastOld));
  units.push_back(make("c22015", "Phường 1", Level::commune, "d555", "22015", {}, kEnd2024, {},
                       {"c22015-20241101"}));
  units.push_back(make("c22048", "Xã Bình Ngọc", Level::commune, "d555", "22048", {}, kEnd2024, {},
                       {"c22015-20241101"}));
  units.push_back(make("c22015-20241101", "Phường 1", Level::commune, "d555", {}, kStart2024,
                       kLastOld, {"c22015", "c22048"}, {"c22015-20250701"}));
  units.push_back(make("c22315", "Xã Hòa An", Level::commune, "d563", "22315", {}, kLastOld, {},
                       {"c22015-20250701", "c22319-20250701"}));
  units.push_back(make("c24511", "Xã Hòa An", Level::commune, "d555", "24511", {}, kLastOld));
  units.push_back(make("c22015-20250701", "Phường Tuy Hòa", Level::commune, "p66-20250701", "22015",
                       kReform, {}, {"c22015-20241101", "c22315"}));
  units.push_back(make("c22319-20250701", "Xã Phú Hòa 1", Level::commune, "p66-20250701", "22319",
                       kReform, {}, {"c22315"}));
  return UnitRegister(UnitHierarchy(std::move(units)));
}

std::vector<std::string> ids(const std::vector<const Unit*>& units) {
  std::vector<std::string> out;
  for (const Unit* u : units) out.push_back(u->id);
  return out;
}

TEST(UnitNameKey, IgnoresTypeWordsCaseDiacriticsAndPunctuation) {
  EXPECT_EQ(danvan::unit_name_key("Phường Tuy Hòa"), "tuy hoa");
  EXPECT_EQ(danvan::unit_name_key("P. Tuy Hoà"), "tuy hoa");
  EXPECT_EQ(danvan::unit_name_key("tuy hoa"), "tuy hoa");
  EXPECT_EQ(danvan::unit_name_key("TP. Hồ Chí Minh"), "ho chi minh");
  EXPECT_EQ(danvan::unit_name_key("Thành phố Hồ Chí Minh"), "ho chi minh");
  EXPECT_EQ(danvan::unit_name_key("TP Huế"), "hue");
  EXPECT_EQ(danvan::unit_name_key("thị xã  Đông Hòa"), "dong hoa");
  EXPECT_EQ(danvan::unit_name_key("Huyện Ea H'leo"), "ea h leo");
  EXPECT_EQ(danvan::unit_name_key("Phường 01"), "1");
  EXPECT_EQ(danvan::unit_name_key("Q.1"), "1");
  EXPECT_EQ(danvan::unit_name_key("Đặc khu Phú Quốc"), "phu quoc");
  EXPECT_EQ(danvan::unit_name_key("Xã Phú Hòa 1"), "phu hoa 1");
}

TEST(UnitNameKey, KeepsANameThatLooksLikeATypeWord) {
  // Only one type word is dropped, a bare letter only with a dot, and a name is never emptied.
  EXPECT_EQ(danvan::unit_name_key("Xã H Bông"), "h bong");
  EXPECT_EQ(danvan::unit_name_key("H Bông"), "h bong");
  EXPECT_EQ(danvan::unit_name_key("Xã Xuân Phú"), "xuan phu");
  EXPECT_EQ(danvan::unit_name_key("Phường"), "phuong");
  EXPECT_EQ(danvan::unit_name_key(""), "");
  EXPECT_EQ(danvan::unit_name_key(" , . "), "");
}

TEST(UnitNameKey, RejectsMalformedUtf8) {
  EXPECT_THROW((void)danvan::unit_name_key("Ph\xC6"), danvan::ParseError);
}

TEST(UnitRegister, CodesAreReusedSoACodeNeedsADay) {
  const UnitRegister reg = small_register();
  EXPECT_EQ(ids(reg.by_code("22015")), (std::vector<std::string>{"c22015", "c22015-20250701"}));
  EXPECT_EQ(reg.by_code("22015", Date(2023, 5, 1))->id, "c22015");
  EXPECT_EQ(reg.by_code("22015", kReform)->id, "c22015-20250701");
  // The enlarged Phường 1 of 2024 has no recorded code: on 2025-01-01 nothing holds 22015.
  EXPECT_EQ(reg.by_code("22015", Date(2025, 1, 1)), nullptr);
  EXPECT_TRUE(reg.by_code("99999").empty());
  EXPECT_EQ(reg.by_code("66", Date(2025, 6, 30)), nullptr);
  EXPECT_EQ(reg.by_code("66", kReform)->name, "Tỉnh Đắk Lắk");
}

TEST(UnitRegister, ResolvesAnIdOrACodeOnADay) {
  const UnitRegister reg = small_register();
  EXPECT_EQ(reg.resolve("c22048", kReform).id, "c22048");  // an id needs no day
  EXPECT_EQ(reg.resolve("22319", kReform).id, "c22319-20250701");
  try {
    (void)reg.resolve("22319", kLastOld);
    FAIL() << "resolved a code on a day nothing held it";
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "no unit has id or code \"22319\" on 2025-06-30");
  }
}

TEST(UnitRegister, FindsNamesAsPeopleWriteThemAndListsAmbiguity) {
  const UnitRegister reg = small_register();
  // Without a type word the district Thành phố Tuy Hòa matches too; with one, only a phường.
  EXPECT_EQ(ids(reg.find_by_name("tuy hoa")),
            (std::vector<std::string>{"d555", "c22015-20250701"}));
  EXPECT_EQ(ids(reg.find_by_name("phuong tuy hoa")), (std::vector<std::string>{"c22015-20250701"}));
  EXPECT_EQ(ids(reg.find_by_name("TP. Tuy Hòa")), (std::vector<std::string>{"d555"}));
  EXPECT_EQ(ids(reg.find_by_name("P. Tuy Hoà", kReform)),
            (std::vector<std::string>{"c22015-20250701"}));
  EXPECT_TRUE(reg.find_by_name("Phường Tuy Hòa", kLastOld).empty());
  EXPECT_TRUE(reg.find_by_name("phường Hòa An").empty());
  // Two communes called Hòa An: the query is ambiguous until a parent is given.
  EXPECT_EQ(ids(reg.find_by_name("xã Hòa An")), (std::vector<std::string>{"c22315", "c24511"}));
  EXPECT_EQ(ids(reg.find_by_name("Hòa An, huyện Phú Hòa")), (std::vector<std::string>{"c22315"}));
  EXPECT_EQ(ids(reg.find_by_name("Hòa An, Tuy Hòa, Phú Yên")),
            (std::vector<std::string>{"c24511"}));
  EXPECT_TRUE(reg.find_by_name("Hòa An, Đắk Lắk").empty());
  // Phường 1 twice over time; a day picks one.
  EXPECT_EQ(ids(reg.find_by_name("phuong 1")),
            (std::vector<std::string>{"c22015", "c22015-20241101"}));
  EXPECT_EQ(ids(reg.find_by_name("Phường 01", Date(2025, 3, 1))),
            (std::vector<std::string>{"c22015-20241101"}));
  EXPECT_EQ(ids(reg.find_by_name("Đắk Lắk", {}, Level::province)),
            (std::vector<std::string>{"p66-20250701"}));
  EXPECT_TRUE(reg.find_by_name("Đắk Lắk", {}, Level::commune).empty());
  EXPECT_TRUE(reg.find_by_name("").empty());
  EXPECT_TRUE(reg.find_by_name("xã").empty());
  EXPECT_TRUE(reg.find_by_name("Hà Nội").empty());
}

TEST(UnitRegister, WhatIsThisCommuneTodayAndWhereDidItComeFrom) {
  const UnitRegister reg = small_register();
  // Bình Ngọc (ended 2024) → enlarged Phường 1 → Phường Tuy Hòa.
  EXPECT_EQ(ids(reg.successors_on("c22048", Date(2026, 1, 1))),
            (std::vector<std::string>{"c22015-20250701"}));
  EXPECT_EQ(ids(reg.successors_on("c22048", Date(2025, 1, 1))),
            (std::vector<std::string>{"c22015-20241101"}));
  // Hòa An was split between two 2025 communes.
  EXPECT_EQ(ids(reg.successors_on("c22315", kReform)),
            (std::vector<std::string>{"c22015-20250701", "c22319-20250701"}));
  // Phường Tuy Hòa came from Phường 1, Bình Ngọc (via 2024) and Hòa An.
  EXPECT_EQ(ids(reg.predecessors_on("c22015-20250701", Date(2023, 1, 1))),
            (std::vector<std::string>{"c22015", "c22048", "c22315"}));
  EXPECT_EQ(ids(reg.predecessors_on("c22015-20250701", kLastOld)),
            (std::vector<std::string>{"c22015-20241101", "c22315"}));
  EXPECT_EQ(ids(reg.predecessors_on("c22015-20250701", kReform)),
            (std::vector<std::string>{"c22015-20250701"}));
  // Nothing before the oldest records: c24511 has no predecessors.
  EXPECT_EQ(ids(reg.predecessors_on("c24511", Date(2023, 1, 1))),
            (std::vector<std::string>{"c24511"}));
  EXPECT_THROW((void)reg.predecessors_on("nope", kReform), danvan::ValueError);
}

TEST(UnitRegister, AsOfQueriesOverTheWholeRegister) {
  const UnitRegister reg = small_register();
  EXPECT_EQ(reg.count_on(kLastOld, Level::province), 1U);
  EXPECT_EQ(reg.count_on(kReform, Level::province), 1U);
  EXPECT_EQ(reg.count_on(kLastOld, Level::district), 2U);
  EXPECT_EQ(reg.count_on(kReform, Level::district), 0U);
  EXPECT_EQ(reg.count_on(kLastOld, Level::commune), 3U);
  EXPECT_EQ(reg.count_on(Date(2024, 1, 1), Level::commune), 4U);
  EXPECT_EQ(ids(reg.on(kReform, Level::commune)),
            (std::vector<std::string>{"c22015-20250701", "c22319-20250701"}));
  EXPECT_EQ(reg.on(kReform).size(), 3U);
  EXPECT_EQ(reg.parent_of(*reg.find("c22048"))->id, "d555");
  EXPECT_EQ(reg.parent_of(*reg.find("p54")), nullptr);
}

TEST(UnitRegister, RejectsAnInconsistentHierarchy) {
  UnitHierarchy h;
  h.add(make("x", "Xã X", Level::commune, "missing", {}, {}, {}));
  try {
    (void)UnitRegister(std::move(h));
    FAIL() << "accepted a dangling parent";
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "unit \"x\": parent \"missing\" does not exist");
  }
}

TEST(UnitRegister, RejectsABadCodeOrBasis) {
  UnitHierarchy h;
  try {
    h.add(make("x", "Xã X", Level::commune, {}, "2201a", {}, {}));
    FAIL() << "accepted a bad code";
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "unit \"x\": code \"2201a\" is not 1..10 digits");
  }
  Unit u = make("y", "Xã Y", Level::commune, {}, "", {}, {});
  EXPECT_THROW(h.add(u), danvan::ValueError);
  u.code.reset();
  u.basis = "";
  try {
    h.add(u);
    FAIL() << "accepted an empty basis";
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "unit \"y\": basis is empty");
  }
  EXPECT_EQ(h.size(), 0U);
}

}  // namespace
