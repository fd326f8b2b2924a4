// Tests for units and their hierarchy over time (include/danvan/unit.hpp).
//
// The fixture is a fragment of the real Phú Yên hierarchy around the two reorganisations:
// huyện Đông Hòa became thị xã Đông Hòa on 01/06/2020 (Nghị quyết 931/NQ-UBTVQH14), Phường 3
// of Tuy Hòa was merged into Phường 5 on 01/11/2024 (Nghị quyết 1200/NQ-UBTVQH15), and on
// 01/07/2025 the district level ended and Phú Yên merged into Đắk Lắk. The 2025 phường Tuy Hòa
// took Phường 1, 2, 5 (among others) and villages of xã Hòa An; phường Phú Lâm took phường Phú
// Lâm, xã Hòa Thành and part of phường Hòa Hiệp Bắc. Which old communes form xã Phú Hòa 1 is
// illustrative here (sample data).
#include "danvan/unit.hpp"

#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace {

using danvan::Date;
using danvan::JsonProblem;
using danvan::Level;
using danvan::Unit;
using danvan::UnitHierarchy;
using danvan::UnitKind;
using danvan::ValueError;

Date day(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

// The message of the ValueError `f` throws, or a marker when it throws none.
std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const danvan::ValueError& e) {
    return e.what();
  }
  return "(no ValueError)";
}

std::vector<std::string> ids(const std::vector<const Unit*>& units) {
  std::vector<std::string> out;
  out.reserve(units.size());
  for (const Unit* u : units) out.push_back(u->id);
  return out;
}

// The fields of a unit in a compact order; make({...}) builds the Unit.
struct UnitSpec {
  UnitSpec(std::string id_, std::string name_, Level level_,
           std::optional<std::string> parent_ = {}, std::optional<Date> from_ = {},
           std::optional<Date> to_ = {}, std::vector<std::string> predecessors_ = {},
           std::vector<std::string> successors_ = {}, UnitKind kind_ = UnitKind::peoples_committee)
      : id(std::move(id_)),
        name(std::move(name_)),
        level(level_),
        parent(std::move(parent_)),
        from(from_),
        to(to_),
        predecessors(std::move(predecessors_)),
        successors(std::move(successors_)),
        kind(kind_) {}
  std::string id;
  std::string name;
  Level level;
  std::optional<std::string> parent;
  std::optional<Date> from;
  std::optional<Date> to;
  std::vector<std::string> predecessors;
  std::vector<std::string> successors;
  UnitKind kind;
};

Unit make(UnitSpec s) {
  Unit u;
  u.id = std::move(s.id);
  u.name = std::move(s.name);
  u.kind = s.kind;
  u.level = s.level;
  u.parent_id = std::move(s.parent);
  u.valid_from = s.from;
  u.valid_to = s.to;
  u.predecessor_ids = std::move(s.predecessors);
  u.successor_ids = std::move(s.successors);
  return u;
}

const Date kLastOld = day(2025, 6, 30);
const Date kFirstNew = day(2025, 7, 1);

std::vector<Unit> phu_yen_units() {
  const Level P = Level::province;
  const Level D = Level::district;
  const Level C = Level::commune;
  std::vector<Unit> u;
  // Provinces.
  u.push_back(make({"phu-yen", "Tỉnh Phú Yên", P, {}, {}, kLastOld, {}, {"dak-lak-2025"}}));
  u.push_back(
      make({"dak-lak", "Tỉnh Đắk Lắk (đến 30/6/2025)", P, {}, {}, kLastOld, {}, {"dak-lak-2025"}}));
  u.push_back(make({"dak-lak-2025", "Tỉnh Đắk Lắk", P, {}, kFirstNew, {}, {"phu-yen", "dak-lak"}}));
  // District level of Phú Yên (a fragment).
  u.push_back(make({"tp-tuy-hoa", "Thành phố Tuy Hòa", D, "phu-yen", {}, kLastOld}));
  u.push_back(make({"huyen-phu-hoa", "Huyện Phú Hòa", D, "phu-yen", {}, kLastOld}));
  u.push_back(make({"huyen-dong-hoa",
                    "Huyện Đông Hòa",
                    D,
                    "phu-yen",
                    {},
                    day(2020, 5, 31),
                    {},
                    {"thi-xa-dong-hoa"}}));
  u.push_back(make({"thi-xa-dong-hoa",
                    "Thị xã Đông Hòa",
                    D,
                    "phu-yen",
                    day(2020, 6, 1),
                    kLastOld,
                    {"huyen-dong-hoa"}}));
  // Communes of thành phố Tuy Hòa.
  u.push_back(make(
      {"tuy-hoa-phuong-1", "Phường 1", C, "tp-tuy-hoa", {}, kLastOld, {}, {"phuong-tuy-hoa"}}));
  u.push_back(make(
      {"tuy-hoa-phuong-2", "Phường 2", C, "tp-tuy-hoa", {}, kLastOld, {}, {"phuong-tuy-hoa"}}));
  u.push_back(make({"tuy-hoa-phuong-3",
                    "Phường 3",
                    C,
                    "tp-tuy-hoa",
                    {},
                    day(2024, 10, 31),
                    {},
                    {"tuy-hoa-phuong-5-2024"}}));
  u.push_back(make({"tuy-hoa-phuong-5",
                    "Phường 5",
                    C,
                    "tp-tuy-hoa",
                    {},
                    day(2024, 10, 31),
                    {},
                    {"tuy-hoa-phuong-5-2024"}}));
  u.push_back(make({"tuy-hoa-phuong-5-2024",
                    "Phường 5 (từ 01/11/2024)",
                    C,
                    "tp-tuy-hoa",
                    day(2024, 11, 1),
                    kLastOld,
                    {"tuy-hoa-phuong-3", "tuy-hoa-phuong-5"},
                    {"phuong-tuy-hoa"}}));
  u.push_back(make({"tuy-hoa-phuong-phu-lam",
                    "Phường Phú Lâm",
                    C,
                    "tp-tuy-hoa",
                    {},
                    kLastOld,
                    {},
                    {"phuong-phu-lam"}}));
  // Communes of huyện Phú Hòa. Hòa An is split: villages to phường Tuy Hòa, the rest to xã Phú
  // Hòa 1.
  u.push_back(make({"thi-tran-phu-hoa",
                    "Thị trấn Phú Hòa",
                    C,
                    "huyen-phu-hoa",
                    {},
                    kLastOld,
                    {},
                    {"xa-phu-hoa-1"}}));
  u.push_back(make({"xa-hoa-an",
                    "Xã Hòa An",
                    C,
                    "huyen-phu-hoa",
                    {},
                    kLastOld,
                    {},
                    {"phuong-tuy-hoa", "xa-phu-hoa-1"}}));
  // Communes of Đông Hòa: a commune whose district changes is two records.
  u.push_back(make({"xa-hoa-hiep-bac",
                    "Xã Hòa Hiệp Bắc",
                    C,
                    "huyen-dong-hoa",
                    {},
                    day(2020, 5, 31),
                    {},
                    {"phuong-hoa-hiep-bac"}}));
  u.push_back(make({"phuong-hoa-hiep-bac",
                    "Phường Hòa Hiệp Bắc",
                    C,
                    "thi-xa-dong-hoa",
                    day(2020, 6, 1),
                    kLastOld,
                    {"xa-hoa-hiep-bac"},
                    {"phuong-phu-lam", "phuong-hoa-hiep"}}));
  u.push_back(make({"xa-hoa-thanh",
                    "Xã Hòa Thành",
                    C,
                    "huyen-dong-hoa",
                    {},
                    day(2020, 5, 31),
                    {},
                    {"xa-hoa-thanh-2020"}}));
  u.push_back(make({"xa-hoa-thanh-2020",
                    "Xã Hòa Thành",
                    C,
                    "thi-xa-dong-hoa",
                    day(2020, 6, 1),
                    kLastOld,
                    {"xa-hoa-thanh"},
                    {"phuong-phu-lam"}}));
  // Communes of the new Đắk Lắk from 01/07/2025 (a fragment).
  u.push_back(
      make({"phuong-tuy-hoa",
            "Phường Tuy Hòa",
            C,
            "dak-lak-2025",
            kFirstNew,
            {},
            {"tuy-hoa-phuong-1", "tuy-hoa-phuong-2", "tuy-hoa-phuong-5-2024", "xa-hoa-an"}}));
  u.push_back(make({"phuong-phu-lam",
                    "Phường Phú Lâm",
                    C,
                    "dak-lak-2025",
                    kFirstNew,
                    {},
                    {"tuy-hoa-phuong-phu-lam", "phuong-hoa-hiep-bac", "xa-hoa-thanh-2020"}}));
  u.push_back(make({"phuong-hoa-hiep",
                    "Phường Hòa Hiệp",
                    C,
                    "dak-lak-2025",
                    kFirstNew,
                    {},
                    {"phuong-hoa-hiep-bac"}}));
  u.push_back(make({"xa-phu-hoa-1",
                    "Xã Phú Hòa 1",
                    C,
                    "dak-lak-2025",
                    kFirstNew,
                    {},
                    {"thi-tran-phu-hoa", "xa-hoa-an"}}));
  return u;
}

class PhuYen : public ::testing::Test {
 protected:
  UnitHierarchy h{phu_yen_units()};
};

// The first error validate() (through the constructor) reports for `units`.
std::string validation_error(std::vector<Unit> units) {
  return error_of([&] { const UnitHierarchy h(std::move(units)); });
}

// ---------------------------------------------------------------------------------------------
// Enumerations

TEST(UnitKind, SlugsAreTheEnumNamesAndRoundTrip) {
  const std::vector<std::pair<UnitKind, std::string>> all = {
      {UnitKind::administrative_agency, "administrative_agency"},
      {UnitKind::public_service_unit, "public_service_unit"},
      {UnitKind::peoples_committee, "peoples_committee"},
      {UnitKind::party_committee, "party_committee"},
      {UnitKind::fatherland_front, "fatherland_front"},
      {UnitKind::socio_political_organisation, "socio_political_organisation"},
      {UnitKind::army, "army"},
      {UnitKind::police, "police"},
      {UnitKind::other, "other"},
  };
  for (const auto& [kind, slug] : all) {
    EXPECT_EQ(danvan::to_string(kind), slug);
    EXPECT_EQ(danvan::parse_unit_kind(slug), kind);
  }
}

TEST(UnitKind, VietnameseNames) {
  EXPECT_EQ(danvan::vietnamese_name(UnitKind::administrative_agency), "cơ quan hành chính");
  EXPECT_EQ(danvan::vietnamese_name(UnitKind::public_service_unit), "đơn vị sự nghiệp công lập");
  EXPECT_EQ(danvan::vietnamese_name(UnitKind::peoples_committee), "Ủy ban nhân dân");
  EXPECT_EQ(danvan::vietnamese_name(UnitKind::party_committee), "cấp ủy, tổ chức đảng");
  EXPECT_EQ(danvan::vietnamese_name(UnitKind::fatherland_front), "Mặt trận Tổ quốc");
  EXPECT_EQ(danvan::vietnamese_name(UnitKind::socio_political_organisation),
            "tổ chức chính trị - xã hội");
  EXPECT_EQ(danvan::vietnamese_name(UnitKind::army), "quân đội");
  EXPECT_EQ(danvan::vietnamese_name(UnitKind::police), "công an");
  EXPECT_EQ(danvan::vietnamese_name(UnitKind::other), "khác");
}

TEST(UnitKind, UnknownSlugNamesTheAcceptedValues) {
  EXPECT_EQ(error_of([] { (void)danvan::parse_unit_kind("foo"); }),
            "unknown unit kind \"foo\"; expected one of administrative_agency, "
            "public_service_unit, peoples_committee, party_committee, fatherland_front, "
            "socio_political_organisation, army, police, administrative_unit, other");
  // Slugs are exact: no case folding, no trimming.
  EXPECT_THROW((void)danvan::parse_unit_kind("Army"), danvan::ValueError);
  EXPECT_THROW((void)danvan::parse_unit_kind(" army"), danvan::ValueError);
  EXPECT_THROW((void)danvan::parse_unit_kind(""), std::invalid_argument);
}

TEST(UnitLevel, SlugsRoundTripAndVietnameseNames) {
  const std::vector<std::tuple<Level, std::string, std::string>> all = {
      {Level::central, "central", "trung ương"},
      {Level::province, "province", "tỉnh"},
      {Level::district, "district", "huyện"},
      {Level::commune, "commune", "xã"},
  };
  for (const auto& [level, slug, name] : all) {
    EXPECT_EQ(danvan::to_string(level), slug);
    EXPECT_EQ(danvan::parse_level(slug), level);
    EXPECT_EQ(danvan::vietnamese_name(level), name);
  }
}

TEST(UnitLevel, UnknownSlugNamesTheAcceptedValues) {
  EXPECT_EQ(error_of([] { (void)danvan::parse_level("huyen"); }),
            "unknown level \"huyen\"; expected one of central, province, district, commune");
}

// ---------------------------------------------------------------------------------------------
// Unit::exists_on

TEST(UnitExistsOn, BoundsAreInclusiveAndOpenWhenUnset) {
  Unit u = make({"x", "X", Level::commune, {}, day(2020, 6, 1), day(2025, 6, 30)});
  EXPECT_FALSE(u.exists_on(day(2020, 5, 31)));
  EXPECT_TRUE(u.exists_on(day(2020, 6, 1)));
  EXPECT_TRUE(u.exists_on(day(2025, 6, 30)));
  EXPECT_FALSE(u.exists_on(day(2025, 7, 1)));
  u.valid_from.reset();
  EXPECT_TRUE(u.exists_on(day(1900, 1, 1)));
  u.valid_to.reset();
  EXPECT_TRUE(u.exists_on(day(2100, 1, 1)));
}

// ---------------------------------------------------------------------------------------------
// The Phú Yên fragment

TEST_F(PhuYen, LookupById) {
  EXPECT_EQ(h.size(), 23U);
  ASSERT_NE(h.find("tp-tuy-hoa"), nullptr);
  EXPECT_EQ(h.find("tp-tuy-hoa")->name, "Thành phố Tuy Hòa");
  EXPECT_EQ(h.find("zzz"), nullptr);
  EXPECT_EQ(h.at("dak-lak-2025").name, "Tỉnh Đắk Lắk");
  EXPECT_EQ(error_of([&] { (void)h.at("zzz"); }), "unknown unit \"zzz\"");
  EXPECT_EQ(h.units().front().id, "phu-yen");
  EXPECT_EQ(h.units().back().id, "xa-phu-hoa-1");
}

TEST_F(PhuYen, RootsAsOf2020And2026) {
  EXPECT_EQ(ids(h.children("", day(2020, 4, 10))),
            (std::vector<std::string>{"phu-yen", "dak-lak"}));
  EXPECT_EQ(ids(h.children("", day(2026, 1, 1))), (std::vector<std::string>{"dak-lak-2025"}));
  // The last day of the old provinces and the first of the new one.
  EXPECT_EQ(ids(h.children("", kLastOld)), (std::vector<std::string>{"phu-yen", "dak-lak"}));
  EXPECT_EQ(ids(h.children("", kFirstNew)), (std::vector<std::string>{"dak-lak-2025"}));
}

TEST_F(PhuYen, ChildrenFollowTheDongHoaUpgrade) {
  EXPECT_EQ(ids(h.children("phu-yen", day(2020, 4, 10))),
            (std::vector<std::string>{"tp-tuy-hoa", "huyen-phu-hoa", "huyen-dong-hoa"}));
  EXPECT_EQ(ids(h.children("phu-yen", day(2020, 6, 1))),
            (std::vector<std::string>{"tp-tuy-hoa", "huyen-phu-hoa", "thi-xa-dong-hoa"}));
  EXPECT_EQ(ids(h.children("huyen-dong-hoa", day(2020, 4, 10))),
            (std::vector<std::string>{"xa-hoa-hiep-bac", "xa-hoa-thanh"}));
  EXPECT_TRUE(h.children("huyen-dong-hoa", day(2020, 6, 1)).empty());
  EXPECT_EQ(ids(h.children("thi-xa-dong-hoa", day(2020, 6, 1))),
            (std::vector<std::string>{"phuong-hoa-hiep-bac", "xa-hoa-thanh-2020"}));
  EXPECT_TRUE(h.children("phu-yen", day(2026, 1, 1)).empty());
  EXPECT_EQ(error_of([&] { (void)h.children("zzz", day(2020, 1, 1)); }), "unknown unit \"zzz\"");
}

TEST_F(PhuYen, ChildrenOfTuyHoaBeforeAndAfterThePhuong3Merger) {
  EXPECT_EQ(ids(h.children("tp-tuy-hoa", day(2024, 10, 31))),
            (std::vector<std::string>{"tuy-hoa-phuong-1", "tuy-hoa-phuong-2", "tuy-hoa-phuong-3",
                                      "tuy-hoa-phuong-5", "tuy-hoa-phuong-phu-lam"}));
  EXPECT_EQ(ids(h.children("tp-tuy-hoa", day(2024, 11, 1))),
            (std::vector<std::string>{"tuy-hoa-phuong-1", "tuy-hoa-phuong-2",
                                      "tuy-hoa-phuong-5-2024", "tuy-hoa-phuong-phu-lam"}));
}

TEST_F(PhuYen, SubtreeIsPreOrderAsOfTheDay) {
  EXPECT_EQ(ids(h.subtree("phu-yen", day(2020, 6, 15))),
            (std::vector<std::string>{
                "phu-yen", "tp-tuy-hoa", "tuy-hoa-phuong-1", "tuy-hoa-phuong-2", "tuy-hoa-phuong-3",
                "tuy-hoa-phuong-5", "tuy-hoa-phuong-phu-lam", "huyen-phu-hoa", "thi-tran-phu-hoa",
                "xa-hoa-an", "thi-xa-dong-hoa", "phuong-hoa-hiep-bac", "xa-hoa-thanh-2020"}));
}

TEST_F(PhuYen, SubtreeCounts) {
  EXPECT_EQ(h.subtree("phu-yen", day(2020, 4, 10)).size(), 13U);
  EXPECT_EQ(h.subtree("phu-yen", day(2020, 6, 15)).size(), 13U);
  EXPECT_EQ(h.subtree("phu-yen", day(2025, 1, 1)).size(), 12U);  // Phường 3 merged into 5
  EXPECT_EQ(h.subtree("phu-yen", kLastOld).size(), 12U);
  EXPECT_TRUE(h.subtree("phu-yen", day(2026, 1, 1)).empty());  // gone: the unit itself is absent
  EXPECT_EQ(ids(h.subtree("dak-lak-2025", day(2026, 1, 1))),
            (std::vector<std::string>{"dak-lak-2025", "phuong-tuy-hoa", "phuong-phu-lam",
                                      "phuong-hoa-hiep", "xa-phu-hoa-1"}));
  EXPECT_TRUE(h.subtree("dak-lak-2025", day(2020, 1, 1)).empty());
  EXPECT_EQ(h.subtree("dak-lak", day(2020, 1, 1)).size(), 1U);  // no children in the fragment
  EXPECT_EQ(ids(h.subtree("xa-hoa-an", day(2020, 1, 1))), (std::vector<std::string>{"xa-hoa-an"}));
  EXPECT_EQ(error_of([&] { (void)h.subtree("zzz", day(2020, 1, 1)); }), "unknown unit \"zzz\"");
}

TEST_F(PhuYen, AncestorsNearestFirst) {
  EXPECT_EQ(ids(h.ancestors("tuy-hoa-phuong-1", day(2020, 4, 10))),
            (std::vector<std::string>{"tp-tuy-hoa", "phu-yen"}));
  EXPECT_EQ(ids(h.ancestors("phuong-hoa-hiep-bac", day(2021, 1, 1))),
            (std::vector<std::string>{"thi-xa-dong-hoa", "phu-yen"}));
  EXPECT_EQ(ids(h.ancestors("phuong-tuy-hoa", day(2026, 1, 1))),
            (std::vector<std::string>{"dak-lak-2025"}));
  EXPECT_TRUE(h.ancestors("phu-yen", day(2020, 1, 1)).empty());
  // A unit that does not exist on the day has no ancestors that day.
  EXPECT_TRUE(h.ancestors("tuy-hoa-phuong-1", day(2026, 1, 1)).empty());
  EXPECT_EQ(error_of([&] { (void)h.ancestors("zzz", day(2020, 1, 1)); }), "unknown unit \"zzz\"");
}

TEST_F(PhuYen, IsWithin) {
  const Date d2020 = day(2020, 4, 10);
  const Date d2026 = day(2026, 1, 1);
  EXPECT_TRUE(h.is_within("tuy-hoa-phuong-1", "phu-yen", d2020));
  EXPECT_TRUE(h.is_within("tuy-hoa-phuong-1", "tp-tuy-hoa", d2020));
  EXPECT_TRUE(h.is_within("tuy-hoa-phuong-1", "tuy-hoa-phuong-1", d2020));
  EXPECT_FALSE(h.is_within("tuy-hoa-phuong-1", "huyen-phu-hoa", d2020));
  EXPECT_FALSE(h.is_within("phu-yen", "tp-tuy-hoa", d2020));  // the ancestor is not below
  EXPECT_FALSE(h.is_within("tuy-hoa-phuong-1", "phu-yen", d2026));
  EXPECT_FALSE(h.is_within("tuy-hoa-phuong-1", "tuy-hoa-phuong-1", d2026));
  EXPECT_TRUE(h.is_within("phuong-tuy-hoa", "dak-lak-2025", d2026));
  EXPECT_FALSE(h.is_within("phuong-tuy-hoa", "phu-yen", d2026));
  EXPECT_FALSE(h.is_within("phuong-tuy-hoa", "dak-lak-2025", d2020));
  EXPECT_TRUE(h.is_within("xa-hoa-thanh", "huyen-dong-hoa", day(2020, 5, 31)));
  EXPECT_TRUE(h.is_within("xa-hoa-thanh-2020", "thi-xa-dong-hoa", day(2020, 6, 1)));
  EXPECT_EQ(error_of([&] { (void)h.is_within("zzz", "phu-yen", d2020); }), "unknown unit \"zzz\"");
  EXPECT_EQ(error_of([&] { (void)h.is_within("phu-yen", "zzz", d2020); }), "unknown unit \"zzz\"");
}

TEST_F(PhuYen, SuccessorsOfAUnitThatStillExistsIsItself) {
  EXPECT_EQ(ids(h.successors_on("tuy-hoa-phuong-3", day(2020, 4, 10))),
            (std::vector<std::string>{"tuy-hoa-phuong-3"}));
  EXPECT_EQ(ids(h.successors_on("phuong-tuy-hoa", day(2026, 1, 1))),
            (std::vector<std::string>{"phuong-tuy-hoa"}));
}

TEST_F(PhuYen, Successors2020CommuneToThe2025Phuong) {
  // Phường 3 -> Phường 5 (01/11/2024) -> phường Tuy Hòa (01/07/2025): followed transitively.
  EXPECT_EQ(ids(h.successors_on("tuy-hoa-phuong-3", day(2026, 1, 1))),
            (std::vector<std::string>{"phuong-tuy-hoa"}));
  EXPECT_EQ(ids(h.successors_on("tuy-hoa-phuong-3", day(2025, 1, 1))),
            (std::vector<std::string>{"tuy-hoa-phuong-5-2024"}));
  EXPECT_EQ(ids(h.successors_on("tuy-hoa-phuong-1", kFirstNew)),
            (std::vector<std::string>{"phuong-tuy-hoa"}));
  // xã → phường in 2020, then a split in 2025.
  EXPECT_EQ(ids(h.successors_on("xa-hoa-hiep-bac", day(2021, 1, 1))),
            (std::vector<std::string>{"phuong-hoa-hiep-bac"}));
  EXPECT_EQ(ids(h.successors_on("xa-hoa-hiep-bac", day(2026, 1, 1))),
            (std::vector<std::string>{"phuong-phu-lam", "phuong-hoa-hiep"}));
}

TEST_F(PhuYen, SuccessorsOfASplitAreInInsertionOrder) {
  // Listed as {"phuong-tuy-hoa", "xa-phu-hoa-1"}; insertion order happens to agree.
  EXPECT_EQ(ids(h.successors_on("xa-hoa-an", day(2026, 1, 1))),
            (std::vector<std::string>{"phuong-tuy-hoa", "xa-phu-hoa-1"}));
  // phường Hòa Hiệp Bắc lists {"phuong-phu-lam", "phuong-hoa-hiep"}, inserted in that order too;
  // the order does not depend on the list: see the synthetic test below.
}

TEST_F(PhuYen, ProvincesMergeManyToOne) {
  EXPECT_EQ(ids(h.successors_on("phu-yen", day(2026, 1, 1))),
            (std::vector<std::string>{"dak-lak-2025"}));
  EXPECT_EQ(ids(h.successors_on("dak-lak", day(2026, 1, 1))),
            (std::vector<std::string>{"dak-lak-2025"}));
}

TEST_F(PhuYen, UnitsWithoutSuccessorsOrBeforeTheirTimeMapToNothing) {
  // The district level ended without successors; its communes carry on.
  EXPECT_TRUE(h.successors_on("tp-tuy-hoa", day(2026, 1, 1)).empty());
  EXPECT_TRUE(h.successors_on("thi-xa-dong-hoa", day(2026, 1, 1)).empty());
  EXPECT_TRUE(h.successors_on("huyen-dong-hoa", day(2026, 1, 1)).empty());
  EXPECT_EQ(ids(h.successors_on("huyen-dong-hoa", day(2021, 1, 1))),
            (std::vector<std::string>{"thi-xa-dong-hoa"}));
  // Links only point forward: a 2025 unit asked about 2020 has nothing.
  EXPECT_TRUE(h.successors_on("phuong-tuy-hoa", day(2020, 1, 1)).empty());
  EXPECT_EQ(error_of([&] { (void)h.successors_on("zzz", day(2020, 1, 1)); }),
            "unknown unit \"zzz\"");
}

TEST_F(PhuYen, A2020RecordRollsUpBothAsItWasAndAsItIsNow) {
  // Every 2020 commune of Phú Yên in the fragment, mapped onto 2026.
  const Date d2020 = day(2020, 4, 10);
  const Date d2026 = day(2026, 1, 1);
  std::vector<std::string> now;
  for (const Unit* commune : h.subtree("phu-yen", d2020)) {
    if (commune->level != Level::commune) continue;
    EXPECT_TRUE(h.is_within(commune->id, "phu-yen", d2020)) << commune->id;
    for (const Unit* successor : h.successors_on(commune->id, d2026)) {
      EXPECT_TRUE(h.is_within(successor->id, "dak-lak-2025", d2026)) << successor->id;
      if (std::find(now.begin(), now.end(), successor->id) == now.end()) {
        now.push_back(successor->id);
      }
    }
  }
  std::sort(now.begin(), now.end());
  EXPECT_EQ(now, (std::vector<std::string>{"phuong-hoa-hiep", "phuong-phu-lam", "phuong-tuy-hoa",
                                           "xa-phu-hoa-1"}));
}

TEST_F(PhuYen, CarriersFollowSuccessorsAndFallBackToTheParent) {
  const Date d2026 = day(2026, 1, 1);
  // Existing units carry themselves; a commune merged in 2025 is carried by its successor.
  EXPECT_EQ(ids(h.carriers_on("tp-tuy-hoa", day(2020, 1, 1))),
            (std::vector<std::string>{"tp-tuy-hoa"}));
  EXPECT_EQ(ids(h.carriers_on("tuy-hoa-phuong-1", d2026)),
            ids(h.successors_on("tuy-hoa-phuong-1", d2026)));
  // The district level ended without successors: successors_on loses it, carriers_on hands
  // it to its parent's continuation (Phú Yên -> Đắk Lắk), also across the 2020 upgrade.
  EXPECT_TRUE(h.successors_on("tp-tuy-hoa", d2026).empty());
  EXPECT_EQ(ids(h.carriers_on("tp-tuy-hoa", d2026)), (std::vector<std::string>{"dak-lak-2025"}));
  EXPECT_EQ(ids(h.carriers_on("huyen-dong-hoa", d2026)),
            (std::vector<std::string>{"dak-lak-2025"}));
  EXPECT_EQ(ids(h.carriers_on("huyen-dong-hoa", day(2021, 1, 1))),
            (std::vector<std::string>{"thi-xa-dong-hoa"}));
  // Before a unit began nothing carries it; a gap in its continuation neither.
  EXPECT_TRUE(h.carriers_on("phuong-tuy-hoa", day(2020, 1, 1)).empty());
  EXPECT_EQ(error_of([&] { (void)h.carriers_on("zzz", d2026); }), "unknown unit \"zzz\"");
  EXPECT_EQ(error_of([&] { (void)h.carried_into("zzz", d2026); }), "unknown unit \"zzz\"");
}

// carried_into(a, day) holds exactly the units u with a carrier of u within a on the day.
void expect_carried_into_inverts_carriers(const UnitHierarchy& h, const Date& d,
                                          const std::vector<std::string>& ancestors) {
  std::vector<std::vector<const Unit*>> carriers;
  for (const Unit& u : h.units()) carriers.push_back(h.carriers_on(u.id, d));
  for (const std::string& a : ancestors) {
    std::vector<std::size_t> expected;
    for (std::size_t i = 0; i < carriers.size(); ++i) {
      if (std::any_of(carriers[i].begin(), carriers[i].end(),
                      [&](const Unit* c) { return h.is_within(c->id, a, d); })) {
        expected.push_back(i);
      }
    }
    std::vector<std::size_t> got = h.carried_into(a, d);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, expected) << a << " on " << danvan::to_iso(d);
  }
}

TEST_F(PhuYen, CarriedIntoIsTheReverseOfCarriers) {
  std::vector<std::string> all;
  for (const Unit& u : h.units()) all.push_back(u.id);
  for (const Date& d : {day(2020, 4, 10), day(2024, 12, 31), kLastOld, kFirstNew}) {
    expect_carried_into_inverts_carriers(h, d, all);
  }
  // What Đắk Lắk holds in 2026: everything of the fragment except what never reached it.
  std::vector<std::string> into;
  for (const auto pos : h.carried_into("dak-lak-2025", day(2026, 1, 1))) {
    into.push_back(h.units()[pos].id);
  }
  EXPECT_EQ(into.size(), h.size());
}

TEST_F(PhuYen, EqualityAndCopy) {
  const UnitHierarchy again(phu_yen_units());
  EXPECT_EQ(h, again);
  UnitHierarchy copy = h;
  EXPECT_EQ(copy, h);
  // The copy's indexes are its own.
  EXPECT_EQ(&copy.at("phu-yen"), &copy.units().front());
  copy.add(make({"dak-lak-2025-x", "Khác", Level::commune, "dak-lak-2025", kFirstNew}));
  EXPECT_NE(copy, h);
  EXPECT_EQ(h.find("dak-lak-2025-x"), nullptr);
}

// ---------------------------------------------------------------------------------------------
// Synthetic merges and splits

TEST(UnitSuccessors, MergeThenSplitThenDiamond) {
  // a, b merge into m (2021); m splits into x, y (2023); x and y merge again into z (2024).
  std::vector<Unit> u;
  u.push_back(make({"z", "Z", Level::province, {}, day(2024, 1, 1), {}, {"y", "x"}}));
  u.push_back(make({"a", "A", Level::province, {}, {}, day(2020, 12, 31), {}, {"m"}}));
  u.push_back(make({"b", "B", Level::province, {}, {}, day(2020, 12, 31), {}, {"m"}}));
  u.push_back(make(
      {"m", "M", Level::province, {}, day(2021, 1, 1), day(2022, 12, 31), {"a", "b"}, {"y", "x"}}));
  u.push_back(
      make({"x", "X", Level::province, {}, day(2023, 1, 1), day(2023, 12, 31), {"m"}, {"z"}}));
  u.push_back(
      make({"y", "Y", Level::province, {}, day(2023, 1, 1), day(2023, 12, 31), {"m"}, {"z"}}));
  const UnitHierarchy h(std::move(u));
  EXPECT_EQ(ids(h.successors_on("a", day(2021, 6, 1))), (std::vector<std::string>{"m"}));
  EXPECT_EQ(ids(h.successors_on("b", day(2021, 6, 1))), (std::vector<std::string>{"m"}));
  // Split: insertion order (x before y), not the order m lists them in.
  EXPECT_EQ(ids(h.successors_on("m", day(2023, 6, 1))), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(ids(h.successors_on("a", day(2023, 6, 1))), (std::vector<std::string>{"x", "y"}));
  // Diamond: z is reached twice and reported once.
  EXPECT_EQ(ids(h.successors_on("a", day(2024, 6, 1))), (std::vector<std::string>{"z"}));
  EXPECT_EQ(ids(h.successors_on("m", day(2030, 1, 1))), (std::vector<std::string>{"z"}));
  EXPECT_TRUE(h.successors_on("z", day(2020, 1, 1)).empty());
}

TEST(UnitSuccessors, AGapBetweenPredecessorAndSuccessorMapsToNothingInside) {
  std::vector<Unit> u;
  u.push_back(make({"old", "Old", Level::province, {}, {}, day(2020, 1, 31), {}, {"new"}}));
  u.push_back(make({"new", "New", Level::province, {}, day(2020, 3, 1), {}, {"old"}}));
  const UnitHierarchy h(std::move(u));
  EXPECT_TRUE(h.successors_on("old", day(2020, 2, 15)).empty());
  EXPECT_EQ(ids(h.successors_on("old", day(2020, 3, 1))), (std::vector<std::string>{"new"}));
}

TEST(UnitSuccessors, SplitIntoUnitsThatEndAtDifferentTimes) {
  // p splits into q and r; r later merges into s. On a day after that: q and s.
  std::vector<Unit> u;
  u.push_back(make({"p", "P", Level::province, {}, {}, day(2019, 12, 31), {}, {"q", "r"}}));
  u.push_back(make({"q", "Q", Level::province, {}, day(2020, 1, 1), {}, {"p"}}));
  u.push_back(
      make({"r", "R", Level::province, {}, day(2020, 1, 1), day(2021, 12, 31), {"p"}, {"s"}}));
  u.push_back(make({"s", "S", Level::province, {}, day(2022, 1, 1), {}, {"r"}}));
  const UnitHierarchy h(std::move(u));
  EXPECT_EQ(ids(h.successors_on("p", day(2020, 6, 1))), (std::vector<std::string>{"q", "r"}));
  EXPECT_EQ(ids(h.successors_on("p", day(2023, 1, 1))), (std::vector<std::string>{"q", "s"}));
}

// ---------------------------------------------------------------------------------------------
// add() and validate()

TEST(UnitHierarchyAdd, AddDoesNotCheckLinksUntilValidate) {
  UnitHierarchy h;
  h.add(make({"xa-a", "Xã A", Level::commune, "missing"}));
  EXPECT_EQ(h.size(), 1U);
  EXPECT_EQ(error_of([&] { h.validate(); }), "unit \"xa-a\": parent \"missing\" does not exist");
  h.add(make({"missing", "Tỉnh", Level::province}));
  EXPECT_NO_THROW(h.validate());
  // Children may be added before their parent; the index still finds them.
  EXPECT_EQ(ids(h.children("missing", day(2020, 1, 1))), (std::vector<std::string>{"xa-a"}));
}

TEST(UnitHierarchyAdd, ChildrenKeepInsertionOrderWhenTheParentComesBetween) {
  UnitHierarchy h;
  h.add(make({"xa-b", "Xã B", Level::commune, "tinh"}));
  h.add(make({"tinh-2", "Tỉnh 2", Level::province}));
  h.add(make({"xa-a", "Xã A", Level::commune, "tinh"}));
  h.add(make({"tinh", "Tỉnh", Level::province}));
  h.add(make({"xa-c", "Xã C", Level::commune, "tinh"}));
  h.add(make({"xa-d", "Xã D", Level::commune, "tinh-2"}));
  EXPECT_NO_THROW(h.validate());
  EXPECT_EQ(ids(h.children("tinh", day(2020, 1, 1))),
            (std::vector<std::string>{"xa-b", "xa-a", "xa-c"}));
  EXPECT_EQ(ids(h.children("", day(2020, 1, 1))), (std::vector<std::string>{"tinh-2", "tinh"}));
  EXPECT_EQ(ids(h.subtree("tinh", day(2020, 1, 1))),
            (std::vector<std::string>{"tinh", "xa-b", "xa-a", "xa-c"}));
  EXPECT_EQ(h.parent_positions()[0], 3U);
}

TEST(UnitHierarchyAdd, ThousandsOfUnitsAreAllFoundAfterTheIndexGrows) {
  UnitHierarchy h;
  h.add(make({"tinh", "Tỉnh", Level::province}));
  for (int i = 0; i < 5000; ++i) {
    h.add(make({"xa-" + std::to_string(i), "Xã " + std::to_string(i), Level::commune, "tinh"}));
  }
  h.shrink_to_fit();
  EXPECT_NO_THROW(h.validate());
  for (int i = 0; i < 5000; ++i) {
    const std::string id = "xa-" + std::to_string(i);
    ASSERT_EQ(h.position(id), static_cast<std::size_t>(i) + 1) << id;
  }
  EXPECT_EQ(h.find("xa-5000"), nullptr);
  EXPECT_EQ(h.children("tinh", day(2020, 1, 1)).size(), 5000U);
  EXPECT_EQ(h.children("tinh", day(2020, 1, 1))[4999]->id, "xa-4999");
  EXPECT_EQ(error_of([&] {
              h.add(make({"xa-17", "Xã", Level::commune, "tinh"}));
            }),
            "duplicate unit id \"xa-17\"");
  // A moved-from hierarchy is empty and still usable.
  UnitHierarchy moved = std::move(h);
  EXPECT_EQ(moved.size(), 5001U);
  h = UnitHierarchy();
  EXPECT_TRUE(h.children("", day(2020, 1, 1)).empty());
  EXPECT_EQ(h.find("tinh"), nullptr);
}

TEST(UnitHierarchyAdd, AFailedAddLeavesTheHierarchyUnchanged) {
  UnitHierarchy h(phu_yen_units());
  const UnitHierarchy before = h;
  EXPECT_THROW(h.add(make({"phu-yen", "Tỉnh Phú Yên", Level::province})), danvan::ValueError);
  EXPECT_THROW(h.add(make({"Bad", "X", Level::province})), danvan::ValueError);
  EXPECT_EQ(h, before);
  EXPECT_EQ(h.size(), 23U);
}

TEST(UnitHierarchyAdd, EmptyHierarchy) {
  const UnitHierarchy h;
  EXPECT_EQ(h.size(), 0U);
  EXPECT_NO_THROW(h.validate());
  EXPECT_TRUE(h.children("", day(2020, 1, 1)).empty());
  EXPECT_EQ(h, UnitHierarchy(std::vector<Unit>{}));
}

TEST(UnitValidation, DuplicateId) {
  UnitHierarchy h;
  h.add(make({"tuy-hoa", "Thành phố Tuy Hòa", Level::province}));
  EXPECT_EQ(error_of([&] {
              h.add(make({"tuy-hoa", "Tuy Hòa", Level::province}));
            }),
            "duplicate unit id \"tuy-hoa\"");
}

TEST(UnitValidation, MalformedIds) {
  const std::string rule = ": ids are 1..100 characters of a-z, 0-9 and '-'";
  const auto add = [](const std::string& id) {
    return error_of([&] {
      UnitHierarchy h;
      h.add(make({id, "X", Level::province}));
    });
  };
  EXPECT_EQ(add("Tuy Hoa"), "invalid unit id \"Tuy Hoa\"" + rule);
  EXPECT_EQ(add(""), "invalid unit id \"\"" + rule);
  EXPECT_EQ(add("tuy-hòa"), "invalid unit id \"tuy-hòa\"" + rule);
  EXPECT_EQ(add("tuy_hoa"), "invalid unit id \"tuy_hoa\"" + rule);
  EXPECT_EQ(add(std::string(101, 'a')), "invalid unit id \"" + std::string(101, 'a') + "\"" + rule);
  EXPECT_EQ(add("-tuy-hoa"), "invalid unit id \"-tuy-hoa\": ids must not start with '-'");
  EXPECT_EQ(add(std::string(100, 'a')), "(no ValueError)");
  EXPECT_EQ(add("0-9"), "(no ValueError)");
}

TEST(UnitValidation, MalformedLinkedIds) {
  EXPECT_EQ(validation_error({make({"x", "X", Level::commune, ""})}),
            "unit \"x\": invalid parent id \"\"");
  EXPECT_EQ(validation_error({make({"x", "X", Level::commune, {}, {}, {}, {"Y"}})}),
            "unit \"x\": invalid predecessor id \"Y\"");
  EXPECT_EQ(
      validation_error({make({"x", "X", Level::commune, {}, {}, day(2020, 1, 1), {}, {"b", "b"}})}),
      "unit \"x\": successor \"b\" is listed twice");
  EXPECT_EQ(
      validation_error({make({"x", "X", Level::commune, {}, {}, day(2020, 1, 1), {}, {"x"}})}),
      "unit \"x\": lists itself as a successor");
}

TEST(UnitValidation, EmptyName) {
  EXPECT_EQ(validation_error({make({"x", "", Level::province})}), "unit \"x\": name is empty");
}

TEST(UnitValidation, ValidFromAfterValidTo) {
  EXPECT_EQ(
      validation_error({make({"a", "A", Level::commune, {}, day(2025, 7, 1), day(2025, 6, 30)})}),
      "unit \"a\": valid_from 2025-07-01 is after valid_to 2025-06-30");
  // A unit of one day is fine.
  EXPECT_EQ(
      validation_error({make({"a", "A", Level::commune, {}, day(2025, 7, 1), day(2025, 7, 1)})}),
      "(no ValueError)");
}

TEST(UnitValidation, SpecialDatesAreRejected) {
  Unit u = make({"a", "A", Level::commune});
  u.valid_from = Date(boost::gregorian::not_a_date_time);
  EXPECT_EQ(validation_error({u}), "unit \"a\": valid_from is not a calendar day");
  u.valid_from.reset();
  u.valid_to = Date(boost::gregorian::pos_infin);
  EXPECT_EQ(validation_error({u}), "unit \"a\": valid_to is not a calendar day");
}

TEST(UnitValidation, DistrictLevelEndedOn2025_06_30) {
  EXPECT_EQ(validation_error({make({"tp-tuy-hoa", "Thành phố Tuy Hòa", Level::district})}),
            "unit \"tp-tuy-hoa\": the district level ended on 2025-06-30, so a district-level "
            "unit needs a valid_to");
  EXPECT_EQ(validation_error({make(
                {"tp-tuy-hoa", "Thành phố Tuy Hòa", Level::district, {}, {}, day(2025, 7, 1)})}),
            "unit \"tp-tuy-hoa\": the district level ended on 2025-06-30, but valid_to is "
            "2025-07-01");
}

TEST(UnitValidation, ParentMissing) {
  EXPECT_EQ(validation_error({make({"x", "X", Level::commune, "y"})}),
            "unit \"x\": parent \"y\" does not exist");
}

TEST(UnitValidation, ParentMustExistWheneverTheChildDoes) {
  const Unit parent = make({"y", "Y", Level::province, {}, day(2020, 6, 1), day(2025, 6, 30)});
  // Child starts before the parent.
  EXPECT_EQ(validation_error(
                {parent, make({"x", "X", Level::commune, "y", day(2020, 1, 1), day(2021, 1, 1)})}),
            "unit \"x\": parent \"y\" does not exist on 2020-01-01 while \"x\" does");
  // Child ends after the parent.
  EXPECT_EQ(validation_error(
                {parent, make({"x", "X", Level::commune, "y", day(2021, 1, 1), day(2025, 7, 31)})}),
            "unit \"x\": parent \"y\" does not exist on 2025-07-31 while \"x\" does");
  // Child open at the start, parent not.
  EXPECT_EQ(validation_error({parent, make({"x", "X", Level::commune, "y", {}, day(2021, 1, 1)})}),
            "unit \"x\": parent \"y\" does not exist before 2020-06-01 while \"x\" does");
  // Child open at the end, parent not.
  EXPECT_EQ(validation_error({parent, make({"x", "X", Level::commune, "y", day(2021, 1, 1)})}),
            "unit \"x\": parent \"y\" does not exist after 2025-06-30 while \"x\" does");
  // Exactly the parent's lifetime is fine.
  EXPECT_EQ(validation_error(
                {parent, make({"x", "X", Level::commune, "y", day(2020, 6, 1), day(2025, 6, 30)})}),
            "(no ValueError)");
}

TEST(UnitValidation, ACommuneLeftUnderTheOldHuyenDongHoa) {
  // The real case: communes of huyện Đông Hòa must end with it on 31/05/2020 (and continue as
  // new records under thị xã Đông Hòa).
  std::vector<Unit> units = phu_yen_units();
  for (Unit& u : units) {
    if (u.id == "xa-hoa-thanh") {
      u.valid_to.reset();
      u.successor_ids.clear();
    }
    if (u.id == "xa-hoa-thanh-2020") u.predecessor_ids.clear();
  }
  EXPECT_EQ(validation_error(std::move(units)),
            "unit \"xa-hoa-thanh\": parent \"huyen-dong-hoa\" does not exist after 2020-05-31 "
            "while \"xa-hoa-thanh\" does");
}

TEST(UnitValidation, ChildLevelAboveParent) {
  EXPECT_EQ(validation_error({make({"xa", "Xã", Level::commune}),
                              make({"tinh", "Tỉnh", Level::province, "xa"})}),
            "unit \"tinh\": level \"province\" is above the level \"commune\" of its parent "
            "\"xa\"");
  // Same level is allowed (a department under the provincial People's Committee).
  EXPECT_EQ(validation_error({make({"ubnd", "UBND tỉnh", Level::province}),
                              make({"so-noi-vu",
                                    "Sở Nội vụ",
                                    Level::province,
                                    "ubnd",
                                    {},
                                    {},
                                    {},
                                    {},
                                    UnitKind::administrative_agency})}),
            "(no ValueError)");
}

TEST(UnitValidation, CycleOfTwo) {
  EXPECT_EQ(validation_error(
                {make({"a", "A", Level::province, "b"}), make({"b", "B", Level::province, "a"})}),
            "unit \"a\": cycle in parents: a -> b -> a");
}

TEST(UnitValidation, UnitIsItsOwnParent) {
  EXPECT_EQ(validation_error({make({"a", "A", Level::province, "a"})}),
            "unit \"a\": cycle in parents: a -> a");
}

TEST(UnitValidation, CycleReachedFromOutside) {
  // d hangs below the cycle a -> b -> c -> a; the cycle is reported, not d.
  EXPECT_EQ(validation_error(
                {make({"d", "D", Level::province, "a"}), make({"a", "A", Level::province, "b"}),
                 make({"b", "B", Level::province, "c"}), make({"c", "C", Level::province, "a"})}),
            "unit \"a\": cycle in parents: a -> b -> c -> a");
}

TEST(UnitValidation, EveryProblemIsListedAtItsLink) {
  // Three units, four problems: a missing parent, a successor that does not name its
  // predecessor back (seen from both sides), and a cycle; all found in one validate().
  std::vector<Unit> units{
      make({"a", "A", Level::district, "gone", {}, day(2025, 6, 30), {}, {"b"}}),
      make({"b", "B", Level::province, "c", day(2025, 7, 1), {}, {"x"}}),
      make({"c", "C", Level::province, "b", day(2025, 7, 1)}),
  };
  try {
    const UnitHierarchy h(std::move(units));
    FAIL() << "no ValueError";
  } catch (const ValueError& e) {
    const std::vector<JsonProblem> expected{
        {"/units/0/parent", "unit \"a\": parent \"gone\" does not exist"},
        {"/units/0/successors/0",
         "unit \"a\": successor \"b\" does not list \"a\" as a predecessor"},
        {"/units/1/predecessors/0", "unit \"b\": predecessor \"x\" does not exist"},
        {"/units/1/parent", "unit \"b\": cycle in parents: b -> c -> b"},
    };
    EXPECT_EQ(e.problems(), expected);
    EXPECT_EQ(std::string(e.what()),
              "4 problems in the unit hierarchy: unit \"a\": parent \"gone\" does not exist; "
              "unit \"a\": successor \"b\" does not list \"a\" as a predecessor; unit \"b\": "
              "predecessor \"x\" does not exist; unit \"b\": cycle in parents: b -> c -> b");
  }
}

TEST(UnitValidation, AMessageNamesTenProblemsAndCountsTheRest) {
  std::vector<Unit> units;
  for (int i = 0; i < 12; ++i) {
    units.push_back(make({"u" + std::to_string(i), "U", Level::province, "gone"}));
  }
  try {
    const UnitHierarchy h(std::move(units));
    FAIL() << "no ValueError";
  } catch (const ValueError& e) {
    ASSERT_EQ(e.problems().size(), 12U);
    EXPECT_EQ(e.problems().back().pointer, "/units/11/parent");
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("12 problems in the unit hierarchy: unit \"u0\": parent", 0), 0U) << what;
    EXPECT_NE(what.find("unit \"u9\": parent \"gone\" does not exist; and 2 more"),
              std::string::npos)
        << what;
    EXPECT_EQ(what.find("\"u10\""), std::string::npos) << what;
  }
}

TEST(UnitValidation, SuccessorMissing) {
  EXPECT_EQ(
      validation_error({make({"a", "A", Level::province, {}, {}, day(2025, 6, 30), {}, {"b"}})}),
      "unit \"a\": successor \"b\" does not exist");
}

TEST(UnitValidation, PredecessorMissing) {
  EXPECT_EQ(validation_error({make({"b", "B", Level::province, {}, day(2025, 7, 1), {}, {"a"}})}),
            "unit \"b\": predecessor \"a\" does not exist");
}

TEST(UnitValidation, SuccessorMustListThePredecessor) {
  EXPECT_EQ(
      validation_error({make({"a", "A", Level::province, {}, {}, day(2025, 6, 30), {}, {"b"}}),
                        make({"b", "B", Level::province, {}, day(2025, 7, 1)})}),
      "unit \"a\": successor \"b\" does not list \"a\" as a predecessor");
}

TEST(UnitValidation, PredecessorMustListTheSuccessor) {
  EXPECT_EQ(validation_error({make({"a", "A", Level::province, {}, {}, day(2025, 6, 30)}),
                              make({"b", "B", Level::province, {}, day(2025, 7, 1), {}, {"a"}})}),
            "unit \"b\": predecessor \"a\" does not list \"b\" as a successor");
}

TEST(UnitValidation, SuccessorMustStartAfterThePredecessorEnds) {
  EXPECT_EQ(
      validation_error({make({"a", "A", Level::province, {}, {}, day(2025, 6, 30), {}, {"b"}}),
                        make({"b", "B", Level::province, {}, day(2020, 1, 1), {}, {"a"}})}),
      "unit \"a\": successor \"b\" starts 2020-01-01, before \"a\" ends 2025-06-30");
  // Starting on the predecessor's last day is still too early.
  EXPECT_EQ(
      validation_error({make({"a", "A", Level::province, {}, {}, day(2025, 6, 30), {}, {"b"}}),
                        make({"b", "B", Level::province, {}, day(2025, 6, 30), {}, {"a"}})}),
      "unit \"a\": successor \"b\" starts 2025-06-30, before \"a\" ends 2025-06-30");
  // The day after is fine.
  EXPECT_EQ(
      validation_error({make({"a", "A", Level::province, {}, {}, day(2025, 6, 30), {}, {"b"}}),
                        make({"b", "B", Level::province, {}, day(2025, 7, 1), {}, {"a"}})}),
      "(no ValueError)");
}

TEST(UnitValidation, LinkedUnitsNeedTheDatesOfTheTransition) {
  EXPECT_EQ(validation_error({make({"a", "A", Level::province, {}, {}, {}, {}, {"b"}}),
                              make({"b", "B", Level::province, {}, day(2025, 7, 1), {}, {"a"}})}),
            "unit \"a\": has successor \"b\" but no valid_to");
  EXPECT_EQ(
      validation_error({make({"a", "A", Level::province, {}, {}, day(2025, 6, 30), {}, {"b"}}),
                        make({"b", "B", Level::province, {}, {}, {}, {"a"}})}),
      "unit \"a\": successor \"b\" has no valid_from");
}

TEST(UnitValidation, RealFragmentWithOneBrokenLink) {
  // Drop phường Tuy Hòa's back link to Phường 2: the first unit in insertion order whose link
  // fails is reported.
  std::vector<Unit> units = phu_yen_units();
  for (Unit& u : units) {
    if (u.id == "phuong-tuy-hoa") {
      u.predecessor_ids.erase(
          std::find(u.predecessor_ids.begin(), u.predecessor_ids.end(), "tuy-hoa-phuong-2"));
    }
  }
  EXPECT_EQ(validation_error(std::move(units)),
            "unit \"tuy-hoa-phuong-2\": successor \"phuong-tuy-hoa\" does not list "
            "\"tuy-hoa-phuong-2\" as a predecessor");
}

TEST(UnitValidation, ErrorsAreValueErrorsAndDanvanErrors) {
  try {
    const UnitHierarchy h({make({"x", "X", Level::commune, "y"})});
    FAIL() << "no exception";
  } catch (const danvan::Error& e) {
    EXPECT_STREQ(e.message(), "unit \"x\": parent \"y\" does not exist");
  }
  EXPECT_THROW(const UnitHierarchy h({make({"x", "X", Level::commune, "y"})}),
               std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// Scale: a reorganisation the size of the 2025 one.

TEST(UnitScale, ThousandsOfCommunesMapAcrossTheReorganisation) {
  // 63 old provinces with 10,000 communes, 34 new provinces with 3,300 communes; old commune i
  // maps to new commune i % 3300 (and, for every tenth, also to the next one: a split).
  constexpr int kOldProvinces = 63;
  constexpr int kNewProvinces = 34;
  constexpr int kOldCommunes = 10000;
  constexpr int kNewCommunes = 3300;
  const auto old_p = [](int i) { return "p" + std::to_string(i); };
  const auto new_p = [](int i) { return "np" + std::to_string(i); };
  const auto old_c = [](int i) { return "c" + std::to_string(i); };
  const auto new_c = [](int i) { return "nc" + std::to_string(i); };
  std::vector<std::vector<std::string>> new_preds(kNewCommunes);
  std::vector<Unit> units;
  for (int i = 0; i < kOldProvinces; ++i) {
    units.push_back(make({old_p(i), "P", Level::province, {}, {}, kLastOld}));
  }
  for (int i = 0; i < kNewProvinces; ++i) {
    units.push_back(make({new_p(i), "NP", Level::province, {}, kFirstNew}));
  }
  for (int i = 0; i < kOldCommunes; ++i) {
    std::vector<std::string> successors{new_c(i % kNewCommunes)};
    new_preds[static_cast<std::size_t>(i % kNewCommunes)].push_back(old_c(i));
    if (i % 10 == 0) {
      successors.push_back(new_c((i + 1) % kNewCommunes));
      new_preds[static_cast<std::size_t>((i + 1) % kNewCommunes)].push_back(old_c(i));
    }
    units.push_back(make(
        {old_c(i), "C", Level::commune, old_p(i % kOldProvinces), {}, kLastOld, {}, successors}));
  }
  for (int i = 0; i < kNewCommunes; ++i) {
    units.push_back(make({new_c(i),
                          "NC",
                          Level::commune,
                          new_p(i % kNewProvinces),
                          kFirstNew,
                          {},
                          new_preds[static_cast<std::size_t>(i)]}));
  }
  const UnitHierarchy h(std::move(units));
  EXPECT_EQ(h.size(),
            static_cast<std::size_t>(kOldProvinces + kNewProvinces + kOldCommunes + kNewCommunes));
  const Date d2020 = day(2020, 1, 1);
  const Date d2026 = day(2026, 1, 1);
  std::size_t within = 0;
  std::size_t mapped = 0;
  for (int i = 0; i < kOldCommunes; ++i) {
    const std::string id = old_c(i);
    if (h.is_within(id, old_p(i % kOldProvinces), d2020)) ++within;
    if (h.is_within(id, new_p(0), d2026)) ++within;  // gone by 2026
    mapped += h.successors_on(id, d2026).size();
  }
  EXPECT_EQ(within, static_cast<std::size_t>(kOldCommunes));
  EXPECT_EQ(mapped, static_cast<std::size_t>(kOldCommunes + kOldCommunes / 10));
  EXPECT_EQ(ids(h.successors_on("c10", d2026)), (std::vector<std::string>{"nc10", "nc11"}));
  EXPECT_EQ(h.subtree("np0", d2026).size(),
            1U + (kNewCommunes + kNewProvinces - 1) / kNewProvinces);
}

}  // namespace
