#include "danvan/document_type.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using danvan::code_of;
using danvan::DocumentFamily;
using danvan::DocumentType;
using danvan::type_from_code;
using danvan::type_from_name;

constexpr auto kState = DocumentFamily::state;
constexpr auto kLegal = DocumentFamily::legal;
constexpr auto kParty = DocumentFamily::party;

TEST(DocumentTypeTable, HasOneRowPerEnumValueInEnumOrder) {
  const auto table = danvan::document_types();
  ASSERT_EQ(table.size(), static_cast<std::size_t>(DocumentType::official_letter) + 1);
  for (std::size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(table[i].type), i) << table[i].slug;
    EXPECT_EQ(&danvan::info(table[i].type), &table[i]);
  }
}

TEST(DocumentTypeTable, SlugsAreSnakeCaseUniqueAndRoundTrip) {
  std::set<std::string_view> seen;
  for (const auto& row : danvan::document_types()) {
    ASSERT_FALSE(row.slug.empty());
    for (const char c : row.slug) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << row.slug;
    EXPECT_TRUE(seen.insert(row.slug).second) << row.slug;
    EXPECT_EQ(danvan::to_string(row.type), row.slug);
    EXPECT_EQ(danvan::parse_document_type(row.slug), row.type);
  }
  EXPECT_EQ(danvan::to_string(DocumentType::directive), "directive");
  EXPECT_EQ(danvan::to_string(DocumentType::code_of_law), "code_of_law");
  EXPECT_EQ(danvan::to_string(DocumentType::official_letter), "official_letter");
  EXPECT_EQ(danvan::parse_document_type("circular_instruction"),
            DocumentType::circular_instruction);
}

TEST(DocumentTypeTable, NamesAreNfcVietnamese) {
  for (const auto& row : danvan::document_types()) {
    ASSERT_FALSE(row.name.empty()) << row.slug;
    EXPECT_TRUE(danvan::is_nfc(row.name)) << row.slug;
  }
  EXPECT_EQ(danvan::info(DocumentType::directive).name, "Chỉ thị");
  EXPECT_EQ(danvan::info(DocumentType::programme).name, "Chương trình");
  EXPECT_EQ(danvan::info(DocumentType::rules).name, "Quy định");
  EXPECT_EQ(danvan::info(DocumentType::regulation).name, "Quy chế");
  EXPECT_EQ(danvan::info(DocumentType::consolidated_text).name, "Văn bản hợp nhất");
  EXPECT_EQ(danvan::info(DocumentType::official_letter).name, "Công văn");
  EXPECT_EQ(danvan::info(DocumentType::scheme).name, "Đề án");
  EXPECT_EQ(danvan::info(DocumentType::project).name, "Dự án");
  EXPECT_EQ(danvan::info(DocumentType::circular_instruction).name, "Thông tri");
  EXPECT_EQ(danvan::info(DocumentType::constitution).name, "Hiến pháp");
}

TEST(DocumentTypeTable, CodesAreUniqueWithinEachColumn) {
  std::set<std::string_view> state;
  std::set<std::string_view> party;
  for (const auto& row : danvan::document_types()) {
    if (!row.state_code.empty()) {
      EXPECT_TRUE(state.insert(row.state_code).second) << row.slug;
    }
    if (!row.party_code.empty()) {
      EXPECT_TRUE(party.insert(row.party_code).second) << row.slug;
    }
  }
  EXPECT_EQ(state.size(), 31U);
  EXPECT_EQ(party.size(), 16U);
}

TEST(DocumentTypeTable, OutOfRangeValueGivesEmptyRow) {
  const auto bogus = static_cast<DocumentType>(200);
  EXPECT_EQ(danvan::to_string(bogus), "");
  EXPECT_EQ(danvan::info(bogus).name, "");
  EXPECT_EQ(code_of(bogus, kState), "");
  EXPECT_EQ(code_of(bogus, kParty), "");
}

TEST(DocumentTypeCode, StateCodes) {
  const std::vector<std::pair<std::string_view, DocumentType>> codes{
      {"NQ", DocumentType::resolution},
      {"NQLT", DocumentType::joint_resolution},
      {"PL", DocumentType::ordinance},
      {"L", DocumentType::order},
      {"NĐ", DocumentType::decree},
      {"QĐ", DocumentType::decision},
      {"TT", DocumentType::circular},
      {"TTLT", DocumentType::joint_circular},
      {"VBHN", DocumentType::consolidated_text},
      {"CT", DocumentType::directive},
      {"QC", DocumentType::regulation},
      {"QyĐ", DocumentType::rules},
      {"TC", DocumentType::public_notice},
      {"TB", DocumentType::notice},
      {"HD", DocumentType::guidance},
      {"CTr", DocumentType::programme},
      {"KH", DocumentType::plan},
      {"PA", DocumentType::option_plan},
      {"ĐA", DocumentType::scheme},
      {"DA", DocumentType::project},
      {"BC", DocumentType::report},
      {"BB", DocumentType::minutes},
      {"TTr", DocumentType::submission},
      {"HĐ", DocumentType::contract},
      {"CĐ", DocumentType::official_telegram},
      {"GM", DocumentType::invitation},
      {"GGT", DocumentType::introduction_letter},
      {"GUQ", DocumentType::authorisation_letter},
      {"PG", DocumentType::dispatch_slip},
      {"PC", DocumentType::transfer_slip},
      {"PB", DocumentType::notification_slip},
  };
  for (const auto& [code, type] : codes) {
    EXPECT_EQ(type_from_code(code, kState), type) << code;
    EXPECT_EQ(type_from_code(code, kLegal), type) << code << " (legal uses the state codes)";
    EXPECT_EQ(code_of(type, kState), code);
    EXPECT_EQ(code_of(type, kLegal), code);
  }
}

TEST(DocumentTypeCode, PartyCodes) {
  const std::vector<std::pair<std::string_view, DocumentType>> codes{
      {"NQ", DocumentType::resolution},
      {"QĐ", DocumentType::decision},
      {"CT", DocumentType::directive},
      {"QĐi", DocumentType::rules},
      {"KL", DocumentType::conclusion},
      {"QC", DocumentType::regulation},
      {"HD", DocumentType::guidance},
      {"CTr", DocumentType::programme},
      {"KH", DocumentType::plan},
      {"TB", DocumentType::notice},
      {"BC", DocumentType::report},
      {"TTr", DocumentType::submission},
      {"CV", DocumentType::official_letter},
      {"TT", DocumentType::circular_instruction},
      {"ĐA", DocumentType::scheme},
      {"BB", DocumentType::minutes},
  };
  for (const auto& [code, type] : codes) {
    EXPECT_EQ(type_from_code(code, kParty), type) << code;
    EXPECT_EQ(code_of(type, kParty), code);
  }
}

TEST(DocumentTypeCode, ConstitutionCodesAndLawsHaveNoCode) {
  for (const auto type :
       {DocumentType::constitution, DocumentType::code_of_law, DocumentType::law}) {
    EXPECT_EQ(code_of(type, kState), "");
    EXPECT_EQ(code_of(type, kLegal), "");
    EXPECT_EQ(code_of(type, kParty), "");
  }
  EXPECT_EQ(type_from_code("", kState), std::nullopt);
  EXPECT_EQ(type_from_code("", kParty), std::nullopt);
  EXPECT_EQ(type_from_code("QH13", kLegal), std::nullopt);
}

TEST(DocumentTypeCode, TtMeansCircularInStateAndLegalButThongTriInParty) {
  EXPECT_EQ(type_from_code("TT", kState), DocumentType::circular);
  EXPECT_EQ(type_from_code("TT", kLegal), DocumentType::circular);
  EXPECT_EQ(type_from_code("TT", kParty), DocumentType::circular_instruction);
  EXPECT_EQ(code_of(DocumentType::circular, kParty), "");
  EXPECT_EQ(code_of(DocumentType::circular_instruction, kState), "");
}

TEST(DocumentTypeCode, ConfusedPairsStayApart) {
  // CT / CTr
  EXPECT_EQ(type_from_code("CT", kState), DocumentType::directive);
  EXPECT_EQ(type_from_code("CTr", kState), DocumentType::programme);
  EXPECT_EQ(type_from_code("Ctr", kState), std::nullopt);
  EXPECT_EQ(type_from_code("CTR", kState), std::nullopt);
  EXPECT_EQ(type_from_code("ct", kState), std::nullopt);
  // HD / HĐ
  EXPECT_EQ(type_from_code("HD", kState), DocumentType::guidance);
  EXPECT_EQ(type_from_code("HĐ", kState), DocumentType::contract);
  EXPECT_EQ(type_from_code("HĐ", kParty), std::nullopt);
  EXPECT_EQ(type_from_code("hđ", kState), std::nullopt);
  // ĐA / DA
  EXPECT_EQ(type_from_code("ĐA", kState), DocumentType::scheme);
  EXPECT_EQ(type_from_code("DA", kState), DocumentType::project);
  EXPECT_EQ(type_from_code("DA", kParty), std::nullopt);
  EXPECT_EQ(type_from_code("ĐA", kParty), DocumentType::scheme);
  // QĐ / QyĐ / QĐi
  EXPECT_EQ(type_from_code("QĐ", kState), DocumentType::decision);
  EXPECT_EQ(type_from_code("QyĐ", kState), DocumentType::rules);
  EXPECT_EQ(type_from_code("QĐi", kState), std::nullopt);
  EXPECT_EQ(type_from_code("QĐ", kParty), DocumentType::decision);  // the type word decides
  EXPECT_EQ(type_from_code("QĐi", kParty), DocumentType::rules);
  EXPECT_EQ(type_from_code("QyĐ", kParty), std::nullopt);
  EXPECT_EQ(type_from_code("QĐI", kParty), std::nullopt);
}

TEST(DocumentTypeCode, AsciiRenderingsAreNotFolded) {
  EXPECT_EQ(type_from_code("QD", kState), std::nullopt);
  EXPECT_EQ(type_from_code("ND", kLegal), std::nullopt);
  EXPECT_EQ(type_from_code("QD", kParty), std::nullopt);
  EXPECT_EQ(type_from_code("QDi", kParty), std::nullopt);
  EXPECT_EQ(type_from_code("CD", kState), std::nullopt);
  // D with a combining stroke overlay is not Đ (U+0110 has no decomposition).
  EXPECT_EQ(type_from_code("Q"
                           "D\u0335",
                           kState),
            std::nullopt);
  EXPECT_EQ(type_from_code("Q\u0110", kState), DocumentType::decision);
}

TEST(DocumentTypeCode, WhitespaceAndMalformedInputAreNoCode) {
  EXPECT_EQ(type_from_code(" CT", kState), std::nullopt);
  EXPECT_EQ(type_from_code("CT ", kState), std::nullopt);
  EXPECT_EQ(type_from_code("Ư", kState), std::nullopt);
  EXPECT_EQ(type_from_code("\xC3\x28", kState), std::nullopt);
  EXPECT_EQ(type_from_code("N\xC4", kState), std::nullopt);
  EXPECT_EQ(type_from_code(std::string("CT\0", 3), kState), std::nullopt);
}

TEST(DocumentTypeName, MatchesIgnoringCaseFormAndDiacritics) {
  EXPECT_EQ(type_from_name("Chỉ thị"), DocumentType::directive);
  EXPECT_EQ(type_from_name("chỉ thị"), DocumentType::directive);
  EXPECT_EQ(type_from_name("CHỈ THỊ"), DocumentType::directive);
  EXPECT_EQ(type_from_name("Chi\u0309 thi\u0323"), DocumentType::directive);  // NFD
  EXPECT_EQ(type_from_name("chi thi"), DocumentType::directive);
  EXPECT_EQ(type_from_name("  Kế   hoạch "), DocumentType::plan);
  EXPECT_EQ(type_from_name("Chương trình"), DocumentType::programme);
  EXPECT_EQ(type_from_name("ĐỀ ÁN"), DocumentType::scheme);
  EXPECT_EQ(type_from_name("Dự án"), DocumentType::project);
  EXPECT_EQ(type_from_name("Giấy uỷ quyền"), DocumentType::authorisation_letter);  // old tone
  EXPECT_EQ(type_from_name("Thông tư"), DocumentType::circular);
  EXPECT_EQ(type_from_name("Thông tri"), DocumentType::circular_instruction);
  EXPECT_EQ(type_from_name("Thông tư liên tịch"), DocumentType::joint_circular);
  EXPECT_EQ(type_from_name("Quy định"), DocumentType::rules);
  EXPECT_EQ(type_from_name("Quy chế"), DocumentType::regulation);
}

TEST(DocumentTypeName, EveryTableNameRoundTripsAndFoldedNamesAreUnique) {
  std::set<std::string> folded;
  for (const auto& row : danvan::document_types()) {
    EXPECT_EQ(type_from_name(row.name), row.type) << row.slug;
    EXPECT_TRUE(folded.insert(danvan::fold(row.name)).second) << row.slug;
  }
}

TEST(DocumentTypeName, UnknownNamesGiveNullopt) {
  EXPECT_EQ(type_from_name(""), std::nullopt);
  EXPECT_EQ(type_from_name("   "), std::nullopt);
  EXPECT_EQ(type_from_name("Nghị"), std::nullopt);
  EXPECT_EQ(type_from_name("Chỉ thị số 23"), std::nullopt);
  EXPECT_EQ(type_from_name("directive"), std::nullopt);
  EXPECT_EQ(type_from_name("CT"), std::nullopt);
  EXPECT_EQ(type_from_name("\xC3\x28"), std::nullopt);
}

// Every slug in table order, as the message for an unknown one lists them.
const std::string kAllSlugs =
    "constitution, code_of_law, law, resolution, joint_resolution, ordinance, order, decree, "
    "decision, circular, joint_circular, consolidated_text, directive, regulation, rules, "
    "public_notice, notice, guidance, programme, plan, option_plan, scheme, project, report, "
    "minutes, submission, contract, official_telegram, invitation, introduction_letter, "
    "authorisation_letter, dispatch_slip, transfer_slip, notification_slip, conclusion, "
    "circular_instruction, official_letter";

TEST(DocumentTypeParse, UnknownSlugNamesTheValue) {
  try {
    (void)danvan::parse_document_type("xyz");
    FAIL() << "no exception";
  } catch (const danvan::ValueError& e) {
    EXPECT_EQ(std::string(e.what()), "unknown document type \"xyz\"; expected one of " + kAllSlugs);
  }
  EXPECT_THROW((void)danvan::parse_document_type("Directive"), std::invalid_argument);
  EXPECT_THROW((void)danvan::parse_document_type("Chỉ thị"), danvan::ValueError);
  EXPECT_THROW((void)danvan::parse_document_type(" directive"), danvan::ValueError);
  try {
    (void)danvan::parse_document_type("");
    FAIL() << "no exception";
  } catch (const danvan::Error& e) {
    EXPECT_EQ(std::string(e.message()), "unknown document type \"\"; expected one of " + kAllSlugs);
  }
}

TEST(DocumentTypeFamily, ToStringAndParse) {
  EXPECT_EQ(danvan::to_string(kState), "state");
  EXPECT_EQ(danvan::to_string(kLegal), "legal");
  EXPECT_EQ(danvan::to_string(kParty), "party");
  EXPECT_EQ(danvan::to_string(static_cast<DocumentFamily>(9)), "");
  for (const auto family : {kState, kLegal, kParty}) {
    EXPECT_EQ(danvan::parse_document_family(danvan::to_string(family)), family);
  }
}

TEST(DocumentTypeFamily, UnknownFamilyNamesTheValueAndTheChoices) {
  try {
    (void)danvan::parse_document_family("xyz");
    FAIL() << "no exception";
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "unknown document family \"xyz\"; expected one of state, legal, party");
  }
  EXPECT_THROW((void)danvan::parse_document_family("Party"), std::invalid_argument);
  EXPECT_THROW((void)danvan::parse_document_family(""), danvan::ValueError);
}

}  // namespace
