#include "danvan/symbol.hpp"

#include "../src/model/symbol_detail.hpp"

#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using danvan::DocumentFamily;
using danvan::DocumentType;
using danvan::parse_symbol;
using danvan::Symbol;
using danvan::try_parse_symbol;
using Issuers = std::vector<std::string>;

constexpr auto kState = DocumentFamily::state;
constexpr auto kLegal = DocumentFamily::legal;
constexpr auto kParty = DocumentFamily::party;

// Expected fields of a parsed symbol.
struct Want {
  DocumentFamily family;
  std::string number;
  std::optional<int> year;
  std::optional<DocumentType> type;
  std::string type_code;
  Issuers issuers;
  std::string canonical;
};

void expect_symbol(std::string_view text, const Want& want,
                   std::optional<DocumentFamily> hint = std::nullopt) {
  SCOPED_TRACE(std::string(text));
  Symbol s;
  try {
    s = parse_symbol(text, hint);
  } catch (const danvan::ParseError& e) {
    FAIL() << e.what();
  }
  EXPECT_EQ(s.family, want.family);
  EXPECT_EQ(s.number, want.number);
  EXPECT_EQ(s.year, want.year);
  EXPECT_EQ(s.type, want.type);
  EXPECT_EQ(s.type_code, want.type_code);
  EXPECT_EQ(s.issuers, want.issuers);
  EXPECT_EQ(s.canonical(), want.canonical);
  EXPECT_EQ(s.surface, std::string(text));
  // The canonical form parses back to the same fields, and is a fixed point.
  const Symbol again = parse_symbol(s.canonical(), hint);
  EXPECT_EQ(again, s);
  EXPECT_EQ(again.canonical(), s.canonical());
  EXPECT_EQ(again.family, s.family);
  EXPECT_EQ(again.type, s.type);
  EXPECT_EQ(again.issuers, s.issuers);
  const auto tried = try_parse_symbol(text, hint);
  ASSERT_TRUE(tried.has_value());
  EXPECT_EQ(tried->canonical(), want.canonical);
}

danvan::ParseError parse_error(std::string_view text,
                               std::optional<DocumentFamily> hint = std::nullopt) {
  try {
    const Symbol s = parse_symbol(text, hint);
    ADD_FAILURE() << "no error for \"" << text << "\"; parsed as " << s.canonical();
  } catch (const danvan::ParseError& e) {
    EXPECT_EQ(try_parse_symbol(text, hint), std::nullopt);
    return e;
  }
  return danvan::ParseError(std::string(text), 0, "(no error)");
}

// ---------------------------------------------------------------------------------------------
// Families

TEST(SymbolLegal, DecreeDecisionAndJointCircular) {
  expect_symbol("04/2015/NĐ-CP",
                {kLegal, "04", 2015, DocumentType::decree, "NĐ", {"CP"}, "04/2015/NĐ-CP"});
  expect_symbol("15/2020/QĐ-TTg",
                {kLegal, "15", 2020, DocumentType::decision, "QĐ", {"TTg"}, "15/2020/QĐ-TTg"});
  expect_symbol("01/2016/TTLT-BTP-BNV", {kLegal,
                                         "01",
                                         2016,
                                         DocumentType::joint_circular,
                                         "TTLT",
                                         {"BTP", "BNV"},
                                         "01/2016/TTLT-BTP-BNV"});
  expect_symbol("12/2019/TT-BTC",
                {kLegal, "12", 2019, DocumentType::circular, "TT", {"BTC"}, "12/2019/TT-BTC"});
  expect_symbol("05/2020/L-CTN",
                {kLegal, "05", 2020, DocumentType::order, "L", {"CTN"}, "05/2020/L-CTN"});
  expect_symbol("30/2020/NĐ-CP",
                {kLegal, "30", 2020, DocumentType::decree, "NĐ", {"CP"}, "30/2020/NĐ-CP"});
}

TEST(SymbolLegal, LawsHaveNoTypeCode) {
  expect_symbol("02/2011/QH13", {kLegal, "02", 2011, std::nullopt, "", {"QH13"}, "02/2011/QH13"});
  expect_symbol("202/2025/QH15",
                {kLegal, "202", 2025, std::nullopt, "", {"QH15"}, "202/2025/QH15"});
}

TEST(SymbolLegal, YearBoundsAreInclusive) {
  EXPECT_EQ(parse_symbol("1/1945/SL").year, 1945);
  EXPECT_EQ(parse_symbol("1/2100/NĐ-CP").year, 2100);
}

TEST(SymbolParty, EveryShapeFromTheFoundingPlan) {
  expect_symbol("217-QĐ/TW",
                {kParty, "217", {}, DocumentType::decision, "QĐ", {"TW"}, "217-QĐ/TW"});
  expect_symbol("23-CT/TU", {kParty, "23", {}, DocumentType::directive, "CT", {"TU"}, "23-CT/TU"});
  expect_symbol("36-HD/VPTW",
                {kParty, "36", {}, DocumentType::guidance, "HD", {"VPTW"}, "36-HD/VPTW"});
  expect_symbol("79-CTr/BDVTW-BCSĐCP", {kParty,
                                        "79",
                                        {},
                                        DocumentType::programme,
                                        "CTr",
                                        {"BDVTW", "BCSĐCP"},
                                        "79-CTr/BDVTW-BCSĐCP"});
  expect_symbol("06-KH/BDVTW",
                {kParty, "06", {}, DocumentType::plan, "KH", {"BDVTW"}, "06-KH/BDVTW"});
  expect_symbol("15-CV/TU",
                {kParty, "15", {}, DocumentType::official_letter, "CV", {"TU"}, "15-CV/TU"});
}

TEST(SymbolParty, PartyOnlyCodes) {
  expect_symbol("08-QĐi/TW", {kParty, "08", {}, DocumentType::rules, "QĐi", {"TW"}, "08-QĐi/TW"});
  expect_symbol("50-KL/TW", {kParty, "50", {}, DocumentType::conclusion, "KL", {"TW"}, "50-KL/TW"});
  expect_symbol("02-TT/TW",
                {kParty, "02", {}, DocumentType::circular_instruction, "TT", {"TW"}, "02-TT/TW"});
  expect_symbol("27-ĐA/TU", {kParty, "27", {}, DocumentType::scheme, "ĐA", {"TU"}, "27-ĐA/TU"});
  // A Party symbol whose issuer is not in the Party issuer list is still Party by its shape.
  expect_symbol("12-NQ/ĐUK",
                {kParty, "12", {}, DocumentType::resolution, "NQ", {"ĐUK"}, "12-NQ/ĐUK"});
  expect_symbol("3-BC/XYZ", {kParty, "3", {}, DocumentType::report, "BC", {"XYZ"}, "3-BC/XYZ"});
}

TEST(SymbolParty, AJointProgrammesCodeStatesNoType) {
  // "CTrPH" (chương trình phối hợp) is not a 36-HD/VPTW code: read, kept as written, no type.
  expect_symbol(
      "05-CTrPH/BDVTU-BCSĐ",
      {kParty, "05", {}, std::nullopt, "CTrPH", {"BDVTU", "BCSĐ"}, "05-CTrPH/BDVTU-BCSĐ"});
  // Only a known code before "PH".
  EXPECT_EQ(parse_error("05-XYPH/BDVTU").reason(),
            "unknown document type code \"XYPH\" in a Party symbol");
}

TEST(SymbolState, TypedSymbols) {
  expect_symbol("26/CT-TTg",
                {kState, "26", {}, DocumentType::directive, "CT", {"TTg"}, "26/CT-TTg"});
  expect_symbol("35/KH-UBND", {kState, "35", {}, DocumentType::plan, "KH", {"UBND"}, "35/KH-UBND"});
  expect_symbol(
      "931/NQ-UBTVQH14",
      {kState, "931", {}, DocumentType::resolution, "NQ", {"UBTVQH14"}, "931/NQ-UBTVQH14"});
  expect_symbol(
      "01/VBHN-VPQH",
      {kState, "01", {}, DocumentType::consolidated_text, "VBHN", {"VPQH"}, "01/VBHN-VPQH"});
  expect_symbol("1/CĐ-TTg",
                {kState, "1", {}, DocumentType::official_telegram, "CĐ", {"TTg"}, "1/CĐ-TTg"});
  expect_symbol("3/TT-BNV", {kState, "3", {}, DocumentType::circular, "TT", {"BNV"}, "3/TT-BNV"});
  expect_symbol("12/QĐ-BTC",
                {kState, "12", {}, DocumentType::decision, "QĐ", {"BTC"}, "12/QĐ-BTC"});
  expect_symbol("12/KH-VP", {kState, "12", {}, DocumentType::plan, "KH", {"VP"}, "12/KH-VP"});
}

TEST(SymbolState, JointIssuersAndUnits) {
  expect_symbol("45/KH-UBND-VX",
                {kState, "45", {}, DocumentType::plan, "KH", {"UBND", "VX"}, "45/KH-UBND-VX"});
  expect_symbol("7/CTr-UBND-MTTQ-LĐLĐ", {kState,
                                         "7",
                                         {},
                                         DocumentType::programme,
                                         "CTr",
                                         {"UBND", "MTTQ", "LĐLĐ"},
                                         "7/CTr-UBND-MTTQ-LĐLĐ"});
}

TEST(SymbolState, CongVanHasNoTypeCode) {
  expect_symbol(
      "15/UBND-VX",
      {kState, "15", {}, DocumentType::official_letter, "", {"UBND", "VX"}, "15/UBND-VX"});
  expect_symbol(
      "1234/TTg-KTTH",
      {kState, "1234", {}, DocumentType::official_letter, "", {"TTg", "KTTH"}, "1234/TTg-KTTH"});
  expect_symbol("15/VP-ABC",
                {kState, "15", {}, DocumentType::official_letter, "", {"VP", "ABC"}, "15/VP-ABC"});
  expect_symbol("88/UBND",
                {kState, "88", {}, DocumentType::official_letter, "", {"UBND"}, "88/UBND"});
  // An unknown two-letter first part is an issuer of a công văn, not an error.
  expect_symbol("26/XY-TTg",
                {kState, "26", {}, DocumentType::official_letter, "", {"XY", "TTg"}, "26/XY-TTg"});
}

// ---------------------------------------------------------------------------------------------
// Confused pairs and family-dependent codes

TEST(SymbolConfusedPairs, CtVersusCtr) {
  EXPECT_EQ(parse_symbol("26/CT-TTg").type, DocumentType::directive);
  EXPECT_EQ(parse_symbol("26/CTr-TTg").type, DocumentType::programme);
  EXPECT_EQ(parse_symbol("79-CTr/TU").type, DocumentType::programme);
  EXPECT_EQ(parse_symbol("79-CT/TU").type, DocumentType::directive);
  EXPECT_NE(parse_symbol("26/CT-TTg"), parse_symbol("26/CTr-TTg"));
}

TEST(SymbolConfusedPairs, HdVersusHđ) {
  EXPECT_EQ(parse_symbol("45/HD-UBND").type, DocumentType::guidance);
  EXPECT_EQ(parse_symbol("45/HĐ-UBND").type, DocumentType::contract);
  EXPECT_EQ(parse_symbol("36-HD/VPTW").type, DocumentType::guidance);
  EXPECT_STREQ(parse_error("36-HĐ/VPTW").what(),
               "cannot parse \"36-HĐ/VPTW\" at offset 3: unknown document type code \"HĐ\" in a "
               "Party symbol");
}

TEST(SymbolConfusedPairs, ĐaVersusDa) {
  EXPECT_EQ(parse_symbol("12/ĐA-UBND").type, DocumentType::scheme);
  EXPECT_EQ(parse_symbol("12/DA-UBND").type, DocumentType::project);
  EXPECT_EQ(parse_symbol("27-ĐA/TU").type, DocumentType::scheme);
  EXPECT_STREQ(parse_error("27-DA/TU").what(),
               "cannot parse \"27-DA/TU\" at offset 3: unknown document type code \"DA\" in a "
               "Party symbol");
}

TEST(SymbolConfusedPairs, QđVersusQyđVersusQđi) {
  EXPECT_EQ(parse_symbol("10/QĐ-UBND").type, DocumentType::decision);
  EXPECT_EQ(parse_symbol("10/QyĐ-UBND").type, DocumentType::rules);
  EXPECT_EQ(parse_symbol("217-QĐ/TW").type, DocumentType::decision);
  EXPECT_EQ(parse_symbol("08-QĐi/TW").type, DocumentType::rules);
  EXPECT_EQ(parse_symbol("08/QĐi-TW").type, DocumentType::rules);  // Party by its issuer
  EXPECT_EQ(parse_error("08-QyĐ/TW").reason(),
            "unknown document type code \"QyĐ\" in a Party symbol");
  EXPECT_EQ(parse_error("10/QĐi-UBND").reason(),
            "unknown document type code \"QĐi\" in a state symbol");
  EXPECT_EQ(parse_error("10/QyĐ-TU").reason(),
            "unknown document type code \"QyĐ\" in a Party symbol");
}

TEST(SymbolConfusedPairs, CodesAreCaseAndDiacriticSensitive) {
  EXPECT_EQ(parse_error("26/Ctr-TTg").reason(),
            "unknown document type code \"Ctr\" in a state symbol");
  EXPECT_EQ(parse_error("26/ct-TTg").reason(),
            "unknown document type code \"ct\" in a state symbol");
  EXPECT_EQ(parse_error("15/QD-UBND").reason(),
            "unknown document type code \"QD\" in a state symbol");
  EXPECT_EQ(parse_error("15/kh-UBND").reason(),
            "unknown document type code \"kh\" in a state symbol");
  EXPECT_EQ(parse_error("04/2015/ND-CP").reason(),
            "unknown document type code \"ND\" in a legal symbol");
  EXPECT_EQ(parse_error("217-Qđ/TW").reason(),
            "unknown document type code \"Qđ\" in a Party symbol");
}

TEST(SymbolFamilies, TtMeansThongTuInStateAndLegalButThongTriInParty) {
  EXPECT_EQ(parse_symbol("3/TT-BNV").type, DocumentType::circular);
  EXPECT_EQ(parse_symbol("12/2019/TT-BTC").type, DocumentType::circular);
  EXPECT_EQ(parse_symbol("02-TT/TW").type, DocumentType::circular_instruction);
  EXPECT_EQ(parse_symbol("02/TT-TW").type, DocumentType::circular_instruction);
}

// ---------------------------------------------------------------------------------------------
// Party symbols written in the state shape

TEST(SymbolPartyInStateShape, RecognisedByPartyIssuer) {
  expect_symbol("217/QĐ-TW",
                {kParty, "217", {}, DocumentType::decision, "QĐ", {"TW"}, "217-QĐ/TW"});
  expect_symbol("23/CT-TU", {kParty, "23", {}, DocumentType::directive, "CT", {"TU"}, "23-CT/TU"});
  expect_symbol("79/CTr-BDVTW-BCSĐCP", {kParty,
                                        "79",
                                        {},
                                        DocumentType::programme,
                                        "CTr",
                                        {"BDVTW", "BCSĐCP"},
                                        "79-CTr/BDVTW-BCSĐCP"});
  expect_symbol("217/QĐ-TƯ",
                {kParty, "217", {}, DocumentType::decision, "QĐ", {"TƯ"}, "217-QĐ/TƯ"});
  EXPECT_EQ(parse_symbol("217/QĐ-TW"), parse_symbol("217-QĐ/TW"));
  EXPECT_EQ(parse_symbol("217/QĐ-TW").surface, "217/QĐ-TW");
}

TEST(SymbolPartyInStateShape, PartyIssuerListAndPrefixes) {
  for (const char* issuer :
       {"TW",    "TƯ",    "TU",     "HU",     "QU",       "TXU",   "ĐU",    "BCT",
        "BBT",   "BDV",   "QUTW",   "BCSĐCP", "BCSĐUBND", "ĐĐQH",  "ĐUK",   "ĐUCCQ",
        "BDVTW", "BDVTU", "BDVHU",  "BTGTW",  "BTGDVTW",  "BTCTW", "BTCTU", "BNCTW",
        "BKTTW", "BĐNTW", "UBKTTW", "UBKTHU", "VPTW",     "VPTU"}) {
    const Symbol s = parse_symbol("5/KH-" + std::string(issuer));
    EXPECT_EQ(s.family, kParty) << issuer;
    EXPECT_EQ(s.canonical(), "5-KH/" + std::string(issuer));
  }
  // State bodies whose codes look like Party boards stay state.
  for (const char* issuer : {"BTC", "VP", "BTGCP", "UBND", "BNV", "TTg", "UBKT", "BTGCPX", "HĐND",
                             "MTTW", "TWx", "VPUB"}) {
    const Symbol s = parse_symbol("5/KH-" + std::string(issuer));
    EXPECT_EQ(s.family, kState) << issuer;
  }
  // Any issuer of a joint symbol can make it Party.
  EXPECT_EQ(parse_symbol("5/KH-UBND-TU").family, kParty);
}

TEST(SymbolPartyInStateShape, HintDecidesWhenTheTextCannot) {
  // The one ambiguity: a state-shaped symbol with a Party issuer. Party unless hint=state.
  expect_symbol("23/CT-TU", {kParty, "23", {}, DocumentType::directive, "CT", {"TU"}, "23-CT/TU"});
  expect_symbol("23/CT-TU", {kParty, "23", {}, DocumentType::directive, "CT", {"TU"}, "23-CT/TU"},
                kParty);
  expect_symbol("23/CT-TU", {kState, "23", {}, DocumentType::directive, "CT", {"TU"}, "23/CT-TU"},
                kState);
  // Otherwise the text decides and the hint is ignored; a caller that expected another family
  // sees it in the result's family (the JSON reader reports such a mismatch).
  expect_symbol("26/CT-TTg",
                {kState, "26", {}, DocumentType::directive, "CT", {"TTg"}, "26/CT-TTg"}, kParty);
  expect_symbol("23/CT-UBND",
                {kState, "23", {}, DocumentType::directive, "CT", {"UBND"}, "23/CT-UBND"}, kParty);
  expect_symbol("15/UBND-VX",
                {kState, "15", {}, DocumentType::official_letter, "", {"UBND", "VX"}, "15/UBND-VX"},
                kParty);
  EXPECT_EQ(parse_symbol("23/QyĐ-UBND", kParty).type, DocumentType::rules);
  EXPECT_EQ(parse_symbol("217-QĐ/TW", kState).family, kParty);
  EXPECT_EQ(parse_symbol("04/2015/NĐ-CP", kParty).family, kLegal);
  EXPECT_EQ(parse_symbol("26/CT-TTg", kLegal).family, kState);
  // With hint=state a Party-only code is an error, whatever the issuer.
  EXPECT_EQ(parse_error("23/QĐi-TU", kState).reason(),
            "unknown document type code \"QĐi\" in a state symbol");
  EXPECT_EQ(parse_error("23/KL-TU", kState).reason(),
            "unknown document type code \"KL\" in a state symbol");
  EXPECT_EQ(parse_symbol("23/KL-TU").canonical(), "23-KL/TU");
}

// ---------------------------------------------------------------------------------------------
// Lenient input, surface kept

TEST(SymbolLenient, SoPrefixSpacesAndDoubledSeparators) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"Số: 35/KH-UBND", "35/KH-UBND"},
      {"Số 35/KH-UBND", "35/KH-UBND"},
      {"số 26/CT-TTg", "26/CT-TTg"},
      {"SỐ: 26/CT-TTg", "26/CT-TTg"},
      {"Số:35/KH-UBND", "35/KH-UBND"},
      {"Số35/KH-UBND", "35/KH-UBND"},
      {"  Số :  35/KH-UBND  ", "35/KH-UBND"},
      {"So\u0302\u0301: 35/KH-UBND", "35/KH-UBND"},  // NFD "Số"
      {"  26 / CT - TTg  ", "26/CT-TTg"},
      {"217 - QĐ / TW", "217-QĐ/TW"},
      {"217 / QĐ - TW", "217-QĐ/TW"},
      {"26//CT--TTg", "26/CT-TTg"},
      {"26/ /CT- -TTg", "26/CT-TTg"},
      {"26/CT\u2013TTg", "26/CT-TTg"},         // en dash
      {"217\u2011QĐ\u2215TW", "217-QĐ/TW"},    // non-breaking hyphen, division slash
      {"26\u00A0/\u00A0CT-TTg", "26/CT-TTg"},  // no-break spaces
      {"26/CT-\tTTg", "26/CT-TTg"},            // a tab is a space
      {"04 / 2015 / NĐ - CP", "04/2015/NĐ-CP"},
      {"15 / UBND - VX", "15/UBND-VX"},
  };
  for (const auto& [input, canonical] : cases) {
    SCOPED_TRACE(input);
    const Symbol s = parse_symbol(input);
    EXPECT_EQ(s.canonical(), canonical);
    EXPECT_EQ(s.surface, input);
    EXPECT_EQ(s, parse_symbol(canonical));
  }
}

TEST(SymbolLenient, NfdInputIsNormalised) {
  // Đ (U+0110) has no decomposition, so "QĐ" is the same in NFC and NFD; Ư (U+01AF) does.
  const std::string nfd_tu = "217-Q\u0110/TU\u031B";
  const Symbol s = parse_symbol(nfd_tu);
  EXPECT_EQ(s.issuers, Issuers{"TƯ"});
  EXPECT_EQ(s.canonical(), "217-QĐ/TƯ");
  EXPECT_EQ(s.surface, nfd_tu);
  // A state-shaped Party symbol whose Party issuer is only recognisable after NFC.
  EXPECT_EQ(parse_symbol("217/QĐ-TU\u031B").family, kParty);
  // Issuers with decomposed vowels come out in NFC.
  EXPECT_EQ(parse_symbol("5/KH-LĐLĐ-Ho\u0302\u0323i").issuers, (Issuers{"LĐLĐ", "Hội"}));
}

TEST(SymbolLenient, ANumberIsKeptAsWritten) {
  const Symbol a = parse_symbol("05/KH-UBND");
  EXPECT_EQ(a.number, "05");
  EXPECT_EQ(a.numeric(), 5);
  EXPECT_EQ(a.canonical(), "05/KH-UBND");
  const Symbol b = parse_symbol("12a/CT-UBND");
  EXPECT_EQ(b.number, "12a");
  EXPECT_EQ(b.numeric(), 12);
  EXPECT_EQ(parse_symbol("7B-KH/TU").number, "7B");
  EXPECT_EQ(parse_symbol("999999/UBND").numeric(), 999999);
  EXPECT_EQ(parse_symbol("000001/UBND").numeric(), 1);
  // Numbers compare as written: "05" and "5" are different canonical spellings.
  EXPECT_NE(parse_symbol("05/KH-UBND"), parse_symbol("5/KH-UBND"));
}

// ---------------------------------------------------------------------------------------------
// Canonical formatting of built symbols, equality

TEST(SymbolCanonical, BuiltSymbols) {
  Symbol state;
  state.family = kState;
  state.number = "26";
  state.type = DocumentType::directive;
  state.issuers = {"TTg"};
  EXPECT_EQ(state.canonical(), "26/CT-TTg");  // the code comes from the type
  EXPECT_EQ(state, parse_symbol("26/CT-TTg"));

  Symbol cong_van;
  cong_van.number = "15";
  cong_van.type = DocumentType::official_letter;
  cong_van.issuers = {"UBND", "VX"};
  EXPECT_EQ(cong_van.canonical(), "15/UBND-VX");

  Symbol party;
  party.family = kParty;
  party.number = "79";
  party.type = DocumentType::programme;
  party.issuers = {"BDVTW", "BCSĐCP"};
  EXPECT_EQ(party.canonical(), "79-CTr/BDVTW-BCSĐCP");
  party.type = DocumentType::rules;
  EXPECT_EQ(party.canonical(), "79-QĐi/BDVTW-BCSĐCP");
  party.type_code = "QĐ";  // an explicit code wins
  EXPECT_EQ(party.canonical(), "79-QĐ/BDVTW-BCSĐCP");

  Symbol legal;
  legal.family = kLegal;
  legal.number = "02";
  legal.year = 2011;
  legal.issuers = {"QH13"};
  EXPECT_EQ(legal.canonical(), "02/2011/QH13");
  legal.type = DocumentType::decree;
  legal.issuers = {"CP"};
  EXPECT_EQ(legal.canonical(), "02/2011/NĐ-CP");
  EXPECT_EQ(legal.numeric(), 2);

  EXPECT_EQ(Symbol{}.numeric(), 0);
}

TEST(SymbolCanonical, EqualityIgnoresSurface) {
  const Symbol a = parse_symbol("Số: 26 / CT - TTg");
  const Symbol b = parse_symbol("26/CT-TTg");
  EXPECT_NE(a.surface, b.surface);
  EXPECT_EQ(a, b);
  EXPECT_NE(parse_symbol("23-CT/TU"), parse_symbol("23/CT-UBND"));
  EXPECT_NE(parse_symbol("23/CT-TU", kState), parse_symbol("23-CT/TU"));
  EXPECT_NE(parse_symbol("04/2015/NĐ-CP"), parse_symbol("04/2016/NĐ-CP"));
}

// ---------------------------------------------------------------------------------------------
// Errors: exact messages and byte offsets into the original input

struct BadCase {
  std::string input;
  std::size_t offset;
  std::string reason;
};

TEST(SymbolErrors, ExactMessages) {
  const std::vector<BadCase> cases{
      {"", 0, "empty symbol"},
      {"   ", 0, "empty symbol"},
      {"abc", 0, "expected a document number"},
      {"/CT-TTg", 0, "expected a document number"},
      {"Số:", 5, "expected a document number"},
      {"26", 2, "expected '/' or '-' after the document number"},
      {"26 CT-TTg", 3, "expected '/' or '-' after the document number"},
      {"12ab/CT-TTg", 3, "expected '/' or '-' after the document number"},
      {"1234567/CT-TTg", 0, "document number longer than 6 digits"},
      {"0/CT-TTg", 0, "document number must not be zero"},
      {"000/CT-TTg", 0, "document number must not be zero"},
      {"26/", 3, "expected a document type code or issuer after '/'"},
      {"26/-CT", 3, "expected a document type code or issuer after '/'"},
      {"26/CT-", 6, "expected an issuer code after '-'"},
      {"26/CT-TTg-", 10, "expected an issuer code after '-'"},
      {"26/CT", 5, "expected '-' and an issuer code after the document type code"},
      {"26/CT/TTg", 5, "expected '-' and an issuer code after the document type code"},
      {"2015/04/NĐ-CP", 5, "expected a 4-digit year after the number"},
      {"04/20155/NĐ-CP", 3, "expected a 4-digit year after the number"},
      {"04/3015/NĐ-CP", 3, "year 3015 is out of range 1945..2100"},
      {"04/1900/NĐ-CP", 3, "year 1900 is out of range 1945..2100"},
      {"04/2015", 7, "expected '/' after the year"},
      {"04/2015-NĐ-CP", 7, "expected '/' after the year"},
      {"04/2015/", 8, "expected a document type code or issuer after '/'"},
      {"04/2015/XY-CP", 8, "unknown document type code \"XY\" in a legal symbol"},
      {"04/2015/NĐ", 11, "expected '-' and an issuer code after the document type code"},
      {"217-", 4, "expected a document type code after '-'"},
      {"217-/TW", 4, "expected a document type code after '-'"},
      {"217-XY/TW", 4, "unknown document type code \"XY\" in a Party symbol"},
      {"217-QĐ", 7, "expected '/' after the document type code"},
      {"217-QĐ-TW", 7, "expected '/' after the document type code"},
      {"217-QĐ/", 8, "expected an issuer code after '/'"},
      {"217-QĐ/TW-", 11, "expected an issuer code after '-'"},
      {"217/XY-TW", 4, "unknown document type code \"XY\" in a Party symbol"},
      {"15/KL-UBND", 3, "unknown document type code \"KL\" in a state symbol"},
      {"15/CV-UBND", 3, "unknown document type code \"CV\" in a state symbol"},
      {"26/Ctr-TTg", 3, "unknown document type code \"Ctr\" in a state symbol"},
      {"26/CT-TTg!!", 9, "unexpected character '!'"},
      {"26/CT-TTg/", 9, "unexpected character '/'"},
      {"26/CT-TTg.", 9, "unexpected character '.'"},
      {"26/CT-TTg ngày 05/9/2016", 10, "unexpected character 'n'"},
      {"02/2011/QH13 x", 13, "unexpected character 'x'"},
      {"217-QĐ/TW (khóa XI)", 11, "unexpected character '('"},
      {"26/C&T-TTg", 4, "unexpected character '&'"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    const danvan::ParseError e = parse_error(c.input);
    EXPECT_EQ(e.offset(), c.offset);
    EXPECT_EQ(e.reason(), c.reason);
    EXPECT_EQ(e.input(), c.input);
    const std::string what =
        "cannot parse \"" + c.input + "\" at offset " + std::to_string(c.offset) + ": " + c.reason;
    EXPECT_STREQ(e.what(), what.c_str());
  }
}

TEST(SymbolErrors, ExactWhatStrings) {
  EXPECT_STREQ(parse_error("").what(), "cannot parse \"\" at offset 0: empty symbol");
  EXPECT_STREQ(parse_error("abc").what(),
               "cannot parse \"abc\" at offset 0: expected a document number");
  EXPECT_STREQ(parse_error("26/").what(),
               "cannot parse \"26/\" at offset 3: expected a document type code or issuer after "
               "'/'");
  EXPECT_STREQ(parse_error("26/CT-").what(),
               "cannot parse \"26/CT-\" at offset 6: expected an issuer code after '-'");
  EXPECT_STREQ(parse_error("2015/04/NĐ-CP").what(),
               "cannot parse \"2015/04/NĐ-CP\" at offset 5: expected a 4-digit year after the "
               "number");
  EXPECT_STREQ(parse_error("04/3015/NĐ-CP").what(),
               "cannot parse \"04/3015/NĐ-CP\" at offset 3: year 3015 is out of range 1945..2100");
  EXPECT_STREQ(parse_error("26/CT-TTg!!").what(),
               "cannot parse \"26/CT-TTg!!\" at offset 9: unexpected character '!'");
  EXPECT_STREQ(parse_error("15/QD-UBND").what(),
               "cannot parse \"15/QD-UBND\" at offset 3: unknown document type code \"QD\" in a "
               "state symbol");
  EXPECT_STREQ(parse_error("1234567/CT-TTg").what(),
               "cannot parse \"1234567/CT-TTg\" at offset 0: document number longer than 6 "
               "digits");
}

TEST(SymbolErrors, OffsetsCountBytesOfTheOriginalInput) {
  // After a stripped "Số: " prefix (S=1 byte, ố=3 bytes, ':' and ' ').
  EXPECT_EQ(parse_error("Số: 26/CT-").offset(), 12U);
  // NFD before the failure point: "So" + U+0302 + U+0301 is 6 bytes, NFC "Số" would be 4.
  const danvan::ParseError nfd = parse_error("So\u0302\u0301 26/Ctr-TTg");
  EXPECT_EQ(nfd.offset(), 10U);
  EXPECT_EQ(nfd.reason(), "unknown document type code \"Ctr\" in a state symbol");
  // Spaces around separators count.
  EXPECT_EQ(parse_error("26 /  CT  -   ").offset(), 14U);
  // A non-ASCII character is shown with its code point.
  const danvan::ParseError sign = parse_error("26/CT-TTg\u2116");
  EXPECT_EQ(sign.offset(), 9U);
  EXPECT_EQ(sign.reason(), "unexpected character '\u2116' (U+2116)");
  // A lone combining mark cannot start a word.
  const danvan::ParseError mark = parse_error("26/\u0301CT-TTg");
  EXPECT_EQ(mark.offset(), 3U);
  EXPECT_EQ(mark.reason(), "expected a document type code or issuer after '/'");
  // Non-ASCII digits are not digits.
  EXPECT_EQ(parse_error("\u0662\u0666/CT-TTg").reason(), "expected a document number");
}

TEST(SymbolErrors, HostileInput) {
  // 10 KB of '/': rejected by length before anything else; the message stays short.
  const std::string slashes(10 * 1024, '/');
  const danvan::ParseError longer = parse_error(slashes);
  EXPECT_EQ(longer.offset(), 200U);
  EXPECT_EQ(longer.reason(), "symbol longer than 200 bytes");
  EXPECT_LT(std::string(longer.what()).size(), 400U);

  // Exactly 200 bytes is fine; 201 is not.
  const std::string at_limit = "1/" + std::string(198, 'A');
  EXPECT_EQ(parse_symbol(at_limit).issuers, Issuers{std::string(198, 'A')});
  EXPECT_EQ(parse_error(at_limit + "A").reason(), "symbol longer than 200 bytes");
  // Many issuers within the limit.
  std::string many = "1/KH";
  for (int i = 0; i < 60; ++i) many += "-AB";
  EXPECT_EQ(parse_symbol(many).issuers.size(), 60U);

  // Separators only, and a long run of dashes.
  EXPECT_EQ(parse_error("//////").reason(), "expected a document number");
  const danvan::ParseError dashes = parse_error("26" + std::string(150, '-'));
  EXPECT_EQ(dashes.offset(), 152U);
  EXPECT_EQ(dashes.reason(), "expected a document type code after '-'");

  // Embedded NUL and other control characters.
  const danvan::ParseError nul = parse_error(std::string("26/CT\0-TTg", 10));
  EXPECT_EQ(nul.offset(), 5U);
  EXPECT_EQ(nul.reason(), "control character U+0000");
  EXPECT_STREQ(nul.what(), "cannot parse \"26/CT\\x00-TTg\" at offset 5: control character U+0000");
  EXPECT_EQ(parse_error(std::string(1, '\0')).reason(), "control character U+0000");
  EXPECT_EQ(parse_error("26/CT-TTg\n").reason(), "control character U+000A");
  EXPECT_EQ(parse_error("26/CT-TTg\n").offset(), 9U);
  EXPECT_EQ(parse_error("26/CT\x7F-TTg").reason(), "control character U+007F");
  EXPECT_EQ(parse_error("26/CT-TTg\xC2\x85").reason(), "control character U+0085");

  // Malformed UTF-8 (reported like every danvan parser does, via check_utf8): truncated,
  // stray continuation, overlong, surrogate, beyond U+10FFFF, never-used bytes.
  const danvan::ParseError bad = parse_error("\xC3\x28");
  EXPECT_EQ(bad.offset(), 0U);
  EXPECT_EQ(bad.reason(), "invalid UTF-8 byte 0xC3: the sequence is cut short by byte 0x28");
  EXPECT_STREQ(bad.what(),
               "cannot parse \"\\xC3(\" at offset 0: invalid UTF-8 byte 0xC3: the sequence is cut "
               "short by byte 0x28");
  const auto utf8_error = [](std::string_view text, std::size_t offset, std::string_view byte) {
    SCOPED_TRACE(testing::PrintToString(std::string(text)));
    const danvan::ParseError e = parse_error(text);
    EXPECT_EQ(e.offset(), offset);
    EXPECT_EQ(e.reason().rfind("invalid UTF-8 byte " + std::string(byte) + ": ", 0), 0U)
        << e.reason();
  };
  utf8_error("26/CT-TTg\xFF", 9, "0xFF");
  utf8_error("26/CT-\xE1\xBB", 6, "0xE1");
  utf8_error(
      "\x80"
      "26/CT-TTg",
      0, "0x80");
  utf8_error("\xC0\xAF", 0, "0xC0");
  utf8_error("26/\xED\xA0\x80", 3, "0xED");
  utf8_error("26/\xF4\x90\x80\x80", 3, "0xF4");
  // Validity is checked before the grammar: bad UTF-8 wins over an earlier grammar error.
  utf8_error("abc\xFF", 3, "0xFF");
}

// Random symbols built from plausible pieces, half of them then damaged by inserting or
// dropping a piece: every input either parses, and then its canonical form is a fixed point
// that parses back to the same fields, or fails with a ParseError whose offset lies within the
// input.
TEST(SymbolProperty, RandomInputsParseToFixedPointsOrFailInsideTheInput) {
  const std::vector<std::string> numbers{"1", "05", "217", "12a", "0", "1234567"};
  const std::vector<std::string> years{"2015", "1945", "3015", "15"};
  const std::vector<std::string> codes{"CT", "CTr", "QĐ", "QĐi", "QyĐ", "HD", "HĐ", "TT",
                                       "KL", "CV",  "NĐ", "Ctr", "QD",  "XY", "L"};
  const std::vector<std::string> issuers{"TW",   "TU",   "TƯ",  "TU\u031B", "UBND", "BCSĐCP",
                                         "VPTW", "QH13", "TTg", "BTC",      "VX",   "BDVTW"};
  const std::vector<std::string> noise{
      "/",      "-",  " ",  "Số",   ":",    "a",      "!",    "\u0301",
      "\u2013", "\t", "//", "\xC3", "\xFF", "\u00A0", "ngày", std::string(1, '\0')};
  std::uint32_t state = 12345;
  const auto next = [&state](std::size_t bound) {
    state = state * 1664525U + 1013904223U;  // a fixed LCG: the same inputs on every run
    return static_cast<std::size_t>((state >> 8) % static_cast<std::uint32_t>(bound));
  };
  const auto pick = [&next](const std::vector<std::string>& from) {
    return from[next(from.size())];
  };
  int parsed = 0;
  int failed = 0;
  for (int i = 0; i < 5000; ++i) {
    std::vector<std::string> p;
    if (next(4) == 0) p.push_back("Số: ");
    p.push_back(pick(numbers));
    switch (next(3)) {
      case 0:  // Party
        p.insert(p.end(), {"-", pick(codes), "/", pick(issuers)});
        break;
      case 1:  // legal
        p.insert(p.end(), {"/", pick(years), "/"});
        if (next(2) == 0) p.insert(p.end(), {pick(codes), "-"});
        p.push_back(pick(issuers));
        break;
      default:  // state
        p.insert(p.end(), {"/", next(3) == 0 ? pick(issuers) : pick(codes), "-", pick(issuers)});
        break;
    }
    if (next(3) == 0) p.insert(p.end(), {"-", pick(issuers)});
    if (next(2) == 0) {
      const std::size_t at = next(p.size() + 1);
      if (next(2) == 0 && at < p.size()) {
        p.erase(p.begin() + static_cast<std::ptrdiff_t>(at));
      } else {
        p.insert(p.begin() + static_cast<std::ptrdiff_t>(at), pick(noise));
      }
    }
    std::string input;
    for (const auto& piece : p) input += piece;
    std::optional<DocumentFamily> hint;
    if (const auto h = next(4); h < 3) hint = static_cast<DocumentFamily>(h);
    try {
      const Symbol s = parse_symbol(input, hint);
      ++parsed;
      const Symbol again = parse_symbol(s.canonical(), hint);
      ASSERT_EQ(again.canonical(), s.canonical()) << testing::PrintToString(input);
      ASSERT_EQ(again.family, s.family) << testing::PrintToString(input);
      ASSERT_EQ(again.type, s.type) << testing::PrintToString(input);
      ASSERT_EQ(again.issuers, s.issuers) << testing::PrintToString(input);
      ASSERT_EQ(s.surface, input);
      // The quiet parse (no exceptions) agrees, and so does the finder's "written canonically?".
      const auto tried = try_parse_symbol(input, hint);
      ASSERT_TRUE(tried.has_value()) << testing::PrintToString(input);
      ASSERT_EQ(tried->canonical(), s.canonical()) << testing::PrintToString(input);
      ASSERT_TRUE(danvan::detail::canonical_equals(s, s.canonical()));
      ASSERT_EQ(danvan::detail::canonical_equals(s, input), s.canonical() == input)
          << testing::PrintToString(input);
    } catch (const danvan::ParseError& e) {
      ++failed;
      ASSERT_EQ(try_parse_symbol(input, hint), std::nullopt) << testing::PrintToString(input);
      ASSERT_LE(e.offset(), input.size()) << testing::PrintToString(input);
      ASSERT_FALSE(e.reason().empty());
    }
  }
  EXPECT_GT(parsed, 500);  // both outcomes are well represented
  EXPECT_GT(failed, 500);
}

TEST(SymbolErrors, TryParseNeverThrows) {
  static_assert(noexcept(try_parse_symbol(std::string_view{})));
  EXPECT_EQ(try_parse_symbol(""), std::nullopt);
  EXPECT_EQ(try_parse_symbol(std::string(10000, '/')), std::nullopt);
  EXPECT_EQ(try_parse_symbol("\xC3\x28"), std::nullopt);
  EXPECT_EQ(try_parse_symbol(std::string("\0", 1)), std::nullopt);
  ASSERT_TRUE(try_parse_symbol("26/CT-TTg").has_value());
  EXPECT_EQ(try_parse_symbol("23/CT-TU", kState)->family, kState);
}

TEST(SymbolErrors, ParseErrorIsAValueError) {
  EXPECT_THROW((void)parse_symbol("abc"), danvan::ValueError);
  EXPECT_THROW((void)parse_symbol("abc"), std::invalid_argument);
}

}  // namespace
