// Tests for issuers, instruments and the catalogue (include/danvan/instrument.hpp).
//
// The catalogue is the seven instruments the founding plan (Phú Yên, 10/04/2020) cites, with
// only the facts known (DESIGN.md §2): unknown symbols and dates stay empty.
#include "danvan/instrument.hpp"

#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using danvan::DocumentFamily;
using danvan::DocumentType;
using danvan::Instrument;
using danvan::InstrumentCatalogue;
using danvan::Issuer;
using danvan::PartialDate;
using danvan::Symbol;

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const danvan::ValueError& e) {
    return e.what();
  }
  return "(no ValueError)";
}

std::vector<std::string> ids(const std::vector<const Instrument*>& instruments) {
  std::vector<std::string> out;
  out.reserve(instruments.size());
  for (const Instrument* i : instruments) out.push_back(i->id);
  return out;
}

Issuer issuer(std::string id, std::string name, std::optional<std::string> code = std::nullopt) {
  Issuer out;
  out.id = std::move(id);
  out.name = std::move(name);
  out.code = std::move(code);
  return out;
}

Symbol symbol(DocumentFamily family, std::string number, std::optional<DocumentType> type,
              std::string type_code, std::vector<std::string> issuers,
              std::optional<int> year = std::nullopt) {
  Symbol s;
  s.family = family;
  s.number = std::move(number);
  s.year = year;
  s.type = type;
  s.type_code = std::move(type_code);
  s.issuers = std::move(issuers);
  return s;
}

Instrument instrument(std::string id, DocumentType type, DocumentFamily family,
                      std::vector<std::string> issuer_ids,
                      std::optional<std::string> number = std::nullopt) {
  Instrument out;
  out.id = std::move(id);
  out.type = type;
  out.family = family;
  out.issuer_ids = std::move(issuer_ids);
  out.number = std::move(number);
  return out;
}

InstrumentCatalogue founding_catalogue() {
  InstrumentCatalogue c;
  c.add_issuer(issuer("ttg", "Thủ tướng Chính phủ", "TTg"));
  c.add_issuer(issuer("bct", "Bộ Chính trị", "TW"));
  c.add_issuer(issuer("bdv-tw", "Ban Dân vận Trung ương", "BDVTW"));
  c.add_issuer(issuer("bcsd-cp", "Ban Cán sự Đảng Chính phủ", "BCSĐCP"));
  c.add_issuer(issuer("btv-tu-phu-yen", "Ban Thường vụ Tỉnh ủy Phú Yên", "TU"));
  c.add_issuer(issuer("ubnd-phu-yen", "Ủy ban nhân dân tỉnh Phú Yên", "UBND"));
  c.add_issuer(issuer("bdv-tu-phu-yen", "Ban Dân vận Tỉnh ủy Phú Yên"));
  c.add_issuer(issuer("bcsd-ubnd-phu-yen", "Ban Cán sự Đảng Ủy ban nhân dân tỉnh Phú Yên"));

  Instrument ctr79 = instrument("ctr-79", DocumentType::programme, DocumentFamily::party,
                                {"bdv-tw", "bcsd-cp"}, "79");
  ctr79.symbol =
      symbol(DocumentFamily::party, "79", DocumentType::programme, "CTr", {"BDVTW", "BCSĐCP"});
  ctr79.date = PartialDate(2016, 10, 11);
  ctr79.period = danvan::YearRange{2016, 2021};
  c.add_instrument(ctr79);

  Instrument ctr05 = instrument("ctr-05", DocumentType::programme, DocumentFamily::party,
                                {"bdv-tu-phu-yen", "bcsd-ubnd-phu-yen"}, "05");
  ctr05.period = danvan::YearRange{2017, 2021};
  c.add_instrument(ctr05);

  Instrument kh35 =
      instrument("kh-35-2020", DocumentType::plan, DocumentFamily::state, {"ubnd-phu-yen"}, "35");
  kh35.date = PartialDate(2020);
  c.add_instrument(kh35);

  Instrument qd217 = instrument("qd-217", DocumentType::decision, DocumentFamily::party, {"bct"});
  qd217.symbol = symbol(DocumentFamily::party, "217", DocumentType::decision, "QĐ", {"TW"});
  qd217.date = PartialDate(2013, 12, 12);
  qd217.term = "XI";
  c.add_instrument(qd217);

  Instrument ct26 =
      instrument("ct-26", DocumentType::directive, DocumentFamily::state, {"ttg"}, "26");
  ct26.symbol = symbol(DocumentFamily::state, "26", DocumentType::directive, "CT", {"TTg"});
  ct26.date = PartialDate(2016, 9, 5);
  c.add_instrument(ct26);

  c.add_instrument(instrument("ct-23-tu", DocumentType::directive, DocumentFamily::party,
                              {"btv-tu-phu-yen"}, "23"));
  c.add_instrument(instrument("ct-23-ubnd", DocumentType::directive, DocumentFamily::state,
                              {"ubnd-phu-yen"}, "23"));
  return c;
}

class FoundingCatalogue : public ::testing::Test {
 protected:
  InstrumentCatalogue c = founding_catalogue();
};

// ---------------------------------------------------------------------------------------------
// Ids

TEST(InstrumentIds, IsValidId) {
  EXPECT_TRUE(danvan::is_valid_id("ct-26"));
  EXPECT_TRUE(danvan::is_valid_id("a"));
  EXPECT_TRUE(danvan::is_valid_id("2020"));
  EXPECT_TRUE(danvan::is_valid_id("a-"));
  EXPECT_TRUE(danvan::is_valid_id(std::string(100, 'x')));
  EXPECT_FALSE(danvan::is_valid_id(std::string(101, 'x')));
  EXPECT_FALSE(danvan::is_valid_id(""));
  EXPECT_FALSE(danvan::is_valid_id("-a"));
  EXPECT_FALSE(danvan::is_valid_id("CT-26"));
  EXPECT_FALSE(danvan::is_valid_id("ct 26"));
  EXPECT_FALSE(danvan::is_valid_id("ct_26"));
  EXPECT_FALSE(danvan::is_valid_id("ct/26"));
  EXPECT_FALSE(danvan::is_valid_id("chỉ-thị"));
  EXPECT_FALSE(danvan::is_valid_id(std::string_view("a\0b", 3)));
}

// ---------------------------------------------------------------------------------------------
// Lookup

TEST_F(FoundingCatalogue, HoldsTheSevenInstrumentsInOrder) {
  EXPECT_EQ(c.issuers().size(), 8U);
  ASSERT_EQ(c.instruments().size(), 7U);
  EXPECT_EQ(c.instruments().front().id, "ctr-79");
  EXPECT_EQ(c.instruments().back().id, "ct-23-ubnd");
  ASSERT_NE(c.find_instrument("ct-26"), nullptr);
  EXPECT_EQ(c.find_instrument("ct-26")->number, "26");
  EXPECT_EQ(c.find_instrument("zzz"), nullptr);
  EXPECT_EQ(c.find_issuer("ttg")->code, "TTg");
  EXPECT_EQ(c.find_issuer("zzz"), nullptr);
  EXPECT_EQ(c.issuer("bct").name, "Bộ Chính trị");
  EXPECT_EQ(c.instrument("qd-217").term, "XI");
  EXPECT_EQ(error_of([&] { (void)c.issuer("zzz"); }), "unknown issuer \"zzz\"");
  EXPECT_EQ(error_of([&] { (void)c.instrument("zzz"); }), "unknown instrument \"zzz\"");
}

TEST_F(FoundingCatalogue, FindBySymbolComparesCanonicalForms) {
  Symbol written = symbol(DocumentFamily::state, "26", DocumentType::directive, "CT", {"TTg"});
  written.surface = "Số: 26 / CT-TTg";
  EXPECT_EQ(ids(c.find_by_symbol(written)), (std::vector<std::string>{"ct-26"}));
  // A Party symbol mis-written in the state shape, parsed, finds the same decision.
  EXPECT_EQ(ids(c.find_by_symbol(danvan::parse_symbol("217/QĐ-TW"))),
            (std::vector<std::string>{"qd-217"}));
  EXPECT_EQ(ids(c.find_by_symbol(danvan::parse_symbol("79-CTr/BDVTW-BCSĐCP"))),
            (std::vector<std::string>{"ctr-79"}));
  // Another number, issuer or family is another document.
  EXPECT_TRUE(
      c.find_by_symbol(symbol(DocumentFamily::state, "27", DocumentType::directive, "CT", {"TTg"}))
          .empty());
  EXPECT_TRUE(
      c.find_by_symbol(symbol(DocumentFamily::state, "26", DocumentType::directive, "CT", {"UBND"}))
          .empty());
  EXPECT_TRUE(
      c.find_by_symbol(symbol(DocumentFamily::party, "26", DocumentType::directive, "CT", {"TTg"}))
          .empty());
}

TEST_F(FoundingCatalogue, FindByNumberComparesNumericValue) {
  EXPECT_EQ(ids(c.find_by_number(DocumentType::directive, "23")),
            (std::vector<std::string>{"ct-23-tu", "ct-23-ubnd"}));
  EXPECT_EQ(ids(c.find_by_number(DocumentType::directive, "023")),
            (std::vector<std::string>{"ct-23-tu", "ct-23-ubnd"}));
  EXPECT_EQ(ids(c.find_by_number(DocumentType::programme, "5")),
            (std::vector<std::string>{"ctr-05"}));
  EXPECT_EQ(ids(c.find_by_number(DocumentType::programme, "05")),
            (std::vector<std::string>{"ctr-05"}));
  // The number of an instrument known only by its symbol is the symbol's.
  EXPECT_EQ(ids(c.find_by_number(DocumentType::decision, "217")),
            (std::vector<std::string>{"qd-217"}));
  // The type must match: there is no Quyết định 23.
  EXPECT_TRUE(c.find_by_number(DocumentType::decision, "23").empty());
  EXPECT_TRUE(c.find_by_number(DocumentType::directive, "24").empty());
}

TEST_F(FoundingCatalogue, FindByNumberWithIssuerFilter) {
  EXPECT_EQ(ids(c.find_by_number(DocumentType::directive, "23", "ubnd-phu-yen")),
            (std::vector<std::string>{"ct-23-ubnd"}));
  EXPECT_EQ(ids(c.find_by_number(DocumentType::directive, "23", "btv-tu-phu-yen")),
            (std::vector<std::string>{"ct-23-tu"}));
  EXPECT_TRUE(c.find_by_number(DocumentType::directive, "23", "ttg").empty());
  // A joint programme is found through any of its issuers.
  EXPECT_EQ(ids(c.find_by_number(DocumentType::programme, "79", "bcsd-cp")),
            (std::vector<std::string>{"ctr-79"}));
  EXPECT_EQ(ids(c.find_by_number(DocumentType::programme, "79", "bdv-tw")),
            (std::vector<std::string>{"ctr-79"}));
  // An issuer id nobody uses simply matches nothing.
  EXPECT_TRUE(c.find_by_number(DocumentType::directive, "23", "zzz").empty());
}

// ---------------------------------------------------------------------------------------------
// Identity

TEST_F(FoundingCatalogue, TheTwoChiThi23AreDifferentDocuments) {
  const auto tu = danvan::identity(c.instrument("ct-23-tu"));
  const auto ubnd = danvan::identity(c.instrument("ct-23-ubnd"));
  EXPECT_NE(tu, ubnd);
  EXPECT_EQ(tu.issuer_ids, (std::vector<std::string>{"btv-tu-phu-yen"}));
  EXPECT_EQ(ubnd.issuer_ids, (std::vector<std::string>{"ubnd-phu-yen"}));
  EXPECT_EQ(tu.family, DocumentFamily::party);
  EXPECT_EQ(ubnd.family, DocumentFamily::state);
  EXPECT_EQ(tu.number, "23");
  EXPECT_EQ(tu.when, "");
  EXPECT_EQ(tu.type, DocumentType::directive);
  // Still different when only the issuer differs.
  Instrument same_family = c.instrument("ct-23-ubnd");
  same_family.family = DocumentFamily::party;
  EXPECT_NE(danvan::identity(same_family), tu);
}

TEST(InstrumentIdentity, KeyFields) {
  Instrument a =
      instrument("a", DocumentType::programme, DocumentFamily::party, {"bdv-tw", "bcsd-cp"}, "079");
  a.date = PartialDate(2016, 10, 11);
  a.title = "Chương trình phối hợp";
  const auto key = danvan::identity(a);
  EXPECT_EQ(key.issuer_ids, (std::vector<std::string>{"bcsd-cp", "bdv-tw"}));  // sorted
  EXPECT_EQ(key.number, "79");                                                 // zeros stripped
  EXPECT_EQ(key.when, "2016-10-11");
  EXPECT_EQ(key.type, DocumentType::programme);
  EXPECT_EQ(key.family, DocumentFamily::party);

  // The id, title, period and issuer order do not matter.
  Instrument b = a;
  b.id = "b";
  b.title.reset();
  b.period = danvan::YearRange{2016, 2021};
  b.issuer_ids = {"bdv-tw", "bcsd-cp"};
  b.number = "79";
  EXPECT_EQ(danvan::identity(a), danvan::identity(b));

  // The date at its precision does.
  b.date = PartialDate(2016, 10);
  EXPECT_EQ(danvan::identity(b).when, "2016-10");
  EXPECT_NE(danvan::identity(a), danvan::identity(b));
  b.date = PartialDate(2016);
  EXPECT_EQ(danvan::identity(b).when, "2016");
}

TEST(InstrumentIdentity, WhenFallsBackToTermThenLegalSymbolYear) {
  Instrument qd = instrument("qd", DocumentType::decision, DocumentFamily::party, {"bct"}, "217");
  qd.term = "XI";
  EXPECT_EQ(danvan::identity(qd).when, "khóa XI");
  qd.date = PartialDate(2013, 12, 12);
  EXPECT_EQ(danvan::identity(qd).when, "2013-12-12");  // the date wins over the term

  Instrument nd = instrument("nd", DocumentType::decree, DocumentFamily::legal, {"cp"});
  nd.symbol = symbol(DocumentFamily::legal, "04", DocumentType::decree, "NĐ", {"CP"}, 2015);
  const auto key = danvan::identity(nd);
  EXPECT_EQ(key.when, "2015");
  EXPECT_EQ(key.number, "4");  // from the symbol, zeros stripped

  const Instrument bare =
      instrument("x", DocumentType::official_letter, DocumentFamily::state, {"ubnd-phu-yen"});
  EXPECT_EQ(danvan::identity(bare).number, "");
  EXPECT_EQ(danvan::identity(bare).when, "");
}

TEST(InstrumentIdentity, NumbersKeepSuffixesAndZero) {
  Instrument a = instrument("a", DocumentType::directive, DocumentFamily::state, {"x"}, "012a");
  EXPECT_EQ(danvan::identity(a).number, "12a");
  a.number = "0";
  EXPECT_EQ(danvan::identity(a).number, "0");
  a.number = "000";
  EXPECT_EQ(danvan::identity(a).number, "0");
}

TEST(InstrumentIdentity, KeysOrder) {
  // InstrumentKey is ordered, so it can key a std::map.
  const Instrument a = instrument("a", DocumentType::directive, DocumentFamily::state, {"a"}, "1");
  const Instrument b = instrument("b", DocumentType::directive, DocumentFamily::state, {"b"}, "1");
  EXPECT_LT(danvan::identity(a), danvan::identity(b));
}

// ---------------------------------------------------------------------------------------------
// Descriptions

TEST_F(FoundingCatalogue, DescribeTheFoundingPlansBases) {
  EXPECT_EQ(c.describe(c.instrument("ct-26")),
            "Chỉ thị 26/CT-TTg ngày 05/09/2016 của Thủ tướng Chính phủ");
  EXPECT_EQ(c.describe(c.instrument("ct-23-tu")),
            "Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy Phú Yên");
  EXPECT_EQ(c.describe(c.instrument("ct-23-ubnd")),
            "Chỉ thị số 23 của Ủy ban nhân dân tỉnh Phú Yên");
  EXPECT_EQ(c.describe(c.instrument("qd-217")),
            "Quyết định 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)");
  EXPECT_EQ(c.describe(c.instrument("kh-35-2020")),
            "Kế hoạch số 35 năm 2020 của Ủy ban nhân dân tỉnh Phú Yên");
  EXPECT_EQ(c.describe(c.instrument("ctr-79")),
            "Chương trình 79-CTr/BDVTW-BCSĐCP ngày 11/10/2016 của Ban Dân vận Trung ương và Ban "
            "Cán sự Đảng Chính phủ");
  EXPECT_EQ(c.describe(c.instrument("ctr-05")),
            "Chương trình số 05 của Ban Dân vận Tỉnh ủy Phú Yên và Ban Cán sự Đảng Ủy ban nhân "
            "dân tỉnh Phú Yên");
}

TEST_F(FoundingCatalogue, DescribeAtEachDatePrecisionAndWithoutNumber) {
  Instrument bc =
      instrument("bc", DocumentType::report, DocumentFamily::state, {"ubnd-phu-yen"}, "12");
  bc.date = PartialDate(2020, 4);
  EXPECT_EQ(c.describe(bc), "Báo cáo số 12 tháng 04/2020 của Ủy ban nhân dân tỉnh Phú Yên");
  bc.date = PartialDate(2020);
  EXPECT_EQ(c.describe(bc), "Báo cáo số 12 năm 2020 của Ủy ban nhân dân tỉnh Phú Yên");
  bc.date = PartialDate(2020, 4, 10);
  EXPECT_EQ(c.describe(bc), "Báo cáo số 12 ngày 10/04/2020 của Ủy ban nhân dân tỉnh Phú Yên");
  bc.number.reset();
  bc.date.reset();
  EXPECT_EQ(c.describe(bc), "Báo cáo của Ủy ban nhân dân tỉnh Phú Yên");
  bc.issuer_ids.clear();
  EXPECT_EQ(c.describe(bc), "Báo cáo");
  // The term is shown whenever it is known, also without a date.
  Instrument qd = c.instrument("qd-217");
  qd.date.reset();
  EXPECT_EQ(c.describe(qd), "Quyết định 217-QĐ/TW của Bộ Chính trị (khóa XI)");
}

TEST_F(FoundingCatalogue, IssuerNames) {
  Instrument x = instrument("x", DocumentType::programme, DocumentFamily::party, {"ttg"});
  EXPECT_EQ(c.issuer_names(x), "Thủ tướng Chính phủ");
  x.issuer_ids = {"bdv-tw", "bcsd-cp"};
  EXPECT_EQ(c.issuer_names(x), "Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ");
  x.issuer_ids = {"bdv-tw", "bcsd-cp", "ttg"};
  EXPECT_EQ(c.issuer_names(x),
            "Ban Dân vận Trung ương, Ban Cán sự Đảng Chính phủ và Thủ tướng Chính phủ");
  x.issuer_ids = {"bdv-tw", "bcsd-cp", "ttg", "bct"};
  EXPECT_EQ(c.issuer_names(x),
            "Ban Dân vận Trung ương, Ban Cán sự Đảng Chính phủ, Thủ tướng Chính phủ và Bộ Chính "
            "trị");
  x.issuer_ids.clear();
  EXPECT_EQ(c.issuer_names(x), "");
  // An instrument from elsewhere naming an issuer this catalogue does not know.
  x.issuer_ids = {"zzz"};
  EXPECT_EQ(error_of([&] { (void)c.issuer_names(x); }), "unknown issuer \"zzz\"");
  EXPECT_EQ(error_of([&] { (void)c.describe(x); }), "unknown issuer \"zzz\"");
}

// ---------------------------------------------------------------------------------------------
// Errors

TEST_F(FoundingCatalogue, DuplicateIds) {
  EXPECT_EQ(error_of([&] { c.add_issuer(issuer("ttg", "Thủ tướng")); }),
            "duplicate issuer id \"ttg\"");
  EXPECT_EQ(error_of([&] {
              c.add_instrument(instrument("ct-26", DocumentType::directive, DocumentFamily::state,
                                          {"ttg"}, "26"));
            }),
            "duplicate instrument id \"ct-26\"");
  // An issuer and an instrument may share an id: they are different kinds of thing.
  EXPECT_EQ(error_of([&] {
              c.add_instrument(
                  instrument("ttg", DocumentType::directive, DocumentFamily::state, {"ttg"}, "1"));
            }),
            "(no ValueError)");
}

TEST(InstrumentErrors, UnknownIssuer) {
  InstrumentCatalogue c;
  EXPECT_EQ(error_of([&] {
              c.add_instrument(instrument("ct-26", DocumentType::directive, DocumentFamily::state,
                                          {"ttg"}, "26"));
            }),
            "instrument \"ct-26\": unknown issuer \"ttg\"");
  c.add_issuer(issuer("bdv-tw", "Ban Dân vận Trung ương"));
  // The first unknown one of several is named.
  EXPECT_EQ(error_of([&] {
              c.add_instrument(instrument("ctr-79", DocumentType::programme, DocumentFamily::party,
                                          {"bdv-tw", "bcsd-cp"}, "79"));
            }),
            "instrument \"ctr-79\": unknown issuer \"bcsd-cp\"");
  EXPECT_TRUE(c.instruments().empty());
}

TEST(InstrumentErrors, MalformedIds) {
  InstrumentCatalogue c;
  const std::string rule = ": ids are 1..100 characters of a-z, 0-9 and '-'";
  EXPECT_EQ(error_of([&] { c.add_issuer(issuer("TTg", "Thủ tướng Chính phủ")); }),
            "invalid issuer id \"TTg\"" + rule);
  EXPECT_EQ(error_of([&] { c.add_issuer(issuer("", "Thủ tướng Chính phủ")); }),
            "invalid issuer id \"\"" + rule);
  EXPECT_EQ(error_of([&] { c.add_issuer(issuer("-ttg", "Thủ tướng Chính phủ")); }),
            "invalid issuer id \"-ttg\": ids must not start with '-'");
  c.add_issuer(issuer("ttg", "Thủ tướng Chính phủ"));
  EXPECT_EQ(error_of([&] {
              c.add_instrument(
                  instrument("CT 26", DocumentType::directive, DocumentFamily::state, {"ttg"}));
            }),
            "invalid instrument id \"CT 26\"" + rule);
  EXPECT_TRUE(c.instruments().empty());
  EXPECT_EQ(c.issuers().size(), 1U);
}

TEST(InstrumentErrors, IssuerFields) {
  InstrumentCatalogue c;
  EXPECT_EQ(error_of([&] { c.add_issuer(issuer("ttg", "")); }), "issuer \"ttg\": name is empty");
  EXPECT_EQ(error_of([&] { c.add_issuer(issuer("ttg", "Thủ tướng Chính phủ", "")); }),
            "issuer \"ttg\": code is empty (leave it unset when unknown)");
  Issuer bdv = issuer("bdv-tu-phu-yen", "Ban Dân vận Tỉnh ủy Phú Yên");
  bdv.valid_from = PartialDate(2025, 7);
  bdv.valid_to = PartialDate(2025, 6);
  EXPECT_EQ(error_of([&] { c.add_issuer(bdv); }),
            "issuer \"bdv-tu-phu-yen\": valid_from 2025-07 is after valid_to 2025-06");
  // Overlapping partial dates are not contradictory: from 2025 to 30/06/2025.
  bdv.valid_from = PartialDate(2025);
  bdv.valid_to = PartialDate(2025, 6, 30);
  EXPECT_EQ(error_of([&] { c.add_issuer(bdv); }), "(no ValueError)");
  Issuer self = issuer("a", "A");
  self.parent_id = "a";
  EXPECT_EQ(error_of([&] { c.add_issuer(self); }), "issuer \"a\": lists itself as its parent");
  self.parent_id = "Ban";
  EXPECT_EQ(error_of([&] { c.add_issuer(self); }), "issuer \"a\": invalid parent id \"Ban\"");
  self.parent_id.reset();
  self.successor_ids = {"b", "b"};
  EXPECT_EQ(error_of([&] { c.add_issuer(self); }), "issuer \"a\": successor \"b\" is listed twice");
  self.successor_ids = {"a"};
  EXPECT_EQ(error_of([&] { c.add_issuer(self); }), "issuer \"a\": lists itself as a successor");
}

TEST(InstrumentErrors, IssuerLinksMayBeAddedInAnyOrder) {
  // Parents and successors are not required to be added first (JSON files list them in any
  // order); only instruments' issuers must exist.
  InstrumentCatalogue c;
  Issuer bdv = issuer("bdv-tu-phu-yen", "Ban Dân vận Tỉnh ủy Phú Yên");
  bdv.parent_id = "tu-phu-yen";
  bdv.valid_to = PartialDate(2025, 6, 30);
  bdv.successor_ids = {"btgdv-tu-dak-lak"};
  EXPECT_NO_THROW(c.add_issuer(bdv));
  EXPECT_EQ(c.issuer("bdv-tu-phu-yen"), bdv);
}

TEST_F(FoundingCatalogue, InstrumentFields) {
  auto add = [&](const Instrument& i) { return error_of([&] { c.add_instrument(i); }); };
  EXPECT_EQ(add(instrument("x", DocumentType::directive, DocumentFamily::state, {})),
            "instrument \"x\": has no issuer");
  EXPECT_EQ(add(instrument("x", DocumentType::directive, DocumentFamily::state, {"ttg", "ttg"})),
            "instrument \"x\": issuer \"ttg\" is listed twice");
  EXPECT_EQ(add(instrument("x", DocumentType::directive, DocumentFamily::state, {"ttg"}, "")),
            "instrument \"x\": invalid number \"\": expected digits with an optional letter "
            "suffix");
  EXPECT_EQ(add(instrument("x", DocumentType::directive, DocumentFamily::state, {"ttg"}, "26/CT")),
            "instrument \"x\": invalid number \"26/CT\": expected digits with an optional letter "
            "suffix");
  EXPECT_EQ(add(instrument("x", DocumentType::directive, DocumentFamily::state, {"ttg"}, "a1")),
            "instrument \"x\": invalid number \"a1\": expected digits with an optional letter "
            "suffix");

  Instrument termed = instrument("x", DocumentType::decision, DocumentFamily::party, {"bct"});
  termed.term = "11";
  EXPECT_EQ(add(termed),
            "instrument \"x\": invalid term \"11\": expected Roman numerals such as "
            "\"XI\"");
  termed.term = "";
  EXPECT_EQ(add(termed),
            "instrument \"x\": invalid term \"\": expected Roman numerals such as "
            "\"XI\"");

  Instrument period = instrument("x", DocumentType::programme, DocumentFamily::party, {"bct"});
  period.period = danvan::YearRange{2021, 2016};
  EXPECT_EQ(add(period), "instrument \"x\": period 2021-2016 ends before it starts");

  Instrument titled = instrument("x", DocumentType::directive, DocumentFamily::state, {"ttg"});
  titled.title = "";
  EXPECT_EQ(add(titled), "instrument \"x\": title is empty (leave it unset when unknown)");
  EXPECT_EQ(c.instruments().size(), 7U);  // nothing was added
}

TEST_F(FoundingCatalogue, InstrumentMustAgreeWithItsSymbol) {
  auto add = [&](const Instrument& i) { return error_of([&] { c.add_instrument(i); }); };
  Instrument x = instrument("x", DocumentType::directive, DocumentFamily::party, {"ttg"}, "26");
  x.symbol = symbol(DocumentFamily::state, "26", DocumentType::directive, "CT", {"TTg"});
  EXPECT_EQ(add(x), "instrument \"x\": symbol 26/CT-TTg is in the state family, not party");
  x.family = DocumentFamily::state;
  x.number = "27";
  EXPECT_EQ(add(x), "instrument \"x\": number \"27\" does not match symbol 26/CT-TTg");
  x.number = "026";  // the same number
  x.type = DocumentType::plan;
  EXPECT_EQ(add(x), "instrument \"x\": type plan does not match symbol 26/CT-TTg (directive)");
  x.type = DocumentType::directive;
  EXPECT_EQ(add(x), "(no ValueError)");

  // A symbol without a type code ("49/QCPH-UBND-UBMT", the shape of a công văn's number)
  // states no type: a regulation may carry it.
  Instrument qc =
      instrument("qc-49", DocumentType::regulation, DocumentFamily::state, {"ttg"}, "49");
  qc.symbol = danvan::parse_symbol("49/QCPH-UBND-UBMT");
  ASSERT_EQ(qc.symbol->type, DocumentType::official_letter);
  EXPECT_EQ(add(qc), "(no ValueError)");

  // A Party Quy định written with QĐ: the type word decides, so this is accepted.
  Instrument qdi = instrument("qdi-102", DocumentType::rules, DocumentFamily::party, {"bct"});
  qdi.symbol = symbol(DocumentFamily::party, "102", DocumentType::decision, "QĐ", {"TW"});
  EXPECT_EQ(add(qdi), "(no ValueError)");
}

TEST_F(FoundingCatalogue, ErrorsAreValueErrors) {
  EXPECT_THROW(c.add_issuer(issuer("ttg", "x")), std::invalid_argument);
  try {
    c.add_instrument(instrument("y", DocumentType::directive, DocumentFamily::state, {"nope"}));
    FAIL() << "no exception";
  } catch (const danvan::Error& e) {
    EXPECT_STREQ(e.message(), "instrument \"y\": unknown issuer \"nope\"");
  }
}

TEST_F(FoundingCatalogue, EqualityAndCopy) {
  const InstrumentCatalogue again = founding_catalogue();
  EXPECT_EQ(c, again);
  InstrumentCatalogue copy = c;
  copy.add_issuer(issuer("new", "Mới"));
  EXPECT_NE(copy, c);
  EXPECT_EQ(&copy.issuer("new"), &copy.issuers().back());
  EXPECT_EQ(c.find_issuer("new"), nullptr);
}

}  // namespace
