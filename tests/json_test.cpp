// Strict JSON reading, canonical writing and atomic saving.
#include "danvan/json.hpp"
#include "danvan/text.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>

namespace {

using danvan::Json;
using danvan::JsonDocumentError;

const std::string plan_path =
    std::string(DANVAN_SOURCE_DIR) + "/data/plans/phu-yen-2020-nam-dan-van-kheo.json";
const std::string catalogue_path =
    std::string(DANVAN_SOURCE_DIR) + "/data/instruments/catalogue.json";

/// A small valid plan document the bad-input cases below break one way each.
Json small_plan() {
  return danvan::parse_json(R"({
    "schema": "danvan/plan", "version": 1, "id": "p", "title": "Kế hoạch",
    "issuer": "ubnd", "symbol": "35/KH-UBND", "issue_date": "2020-04-10", "campaign_year": 2020,
    "scope": ["administrative_agency"], "purposes": ["a"], "requirements": ["b"],
    "milestones": [{"id": "m", "name": "Kỷ niệm", "date": "2020-10-15"}],
    "legal_bases": [],
    "task_areas": [
      {"number": 1, "text": "one", "citations": [{"instrument": "ct-26", "cited_as": "Chỉ thị số 26"}],
       "lead_units": ["u"], "participating_units": []},
      {"number": 2, "text": "two", "citations": [], "lead_units": [], "participating_units": []}
    ],
    "source": null,
    "issuers": [{"id": "ubnd", "name": "UBND tỉnh", "code": "UBND", "parent": null,
                 "valid_from": null, "valid_to": null, "successors": []},
                {"id": "ttg", "name": "Thủ tướng Chính phủ", "code": "TTg", "parent": null,
                 "valid_from": null, "valid_to": null, "successors": []}],
    "instruments": [{"id": "ct-26", "type": "directive", "family": "state", "number": "26",
                     "symbol": "26/CT-TTg", "issuers": ["ttg"], "date": "2016-09-05",
                     "term": null, "period": null, "title": null}],
    "units": [{"id": "u", "name": "Sở Nội vụ", "kind": "administrative_agency",
               "level": "province", "parent": null, "valid_from": null, "valid_to": null,
               "predecessors": [], "successors": []}]
  })");
}

struct BadCase {
  std::string name;
  std::function<void(Json&)> mutate;
  std::string pointer;
  std::string reason;
};

// Test names print the case name, not the bytes of the struct.
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class PlanJsonBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(PlanJsonBadInput, ReportsPointerAndExactReason) {
  Json doc = small_plan();
  GetParam().mutate(doc);
  try {
    (void)danvan::plan_from_json(doc);
    FAIL() << "accepted a bad document";
  } catch (const JsonDocumentError& e) {
    ASSERT_FALSE(e.problems().empty());
    EXPECT_EQ(e.problems().front().pointer, GetParam().pointer);
    EXPECT_EQ(e.problems().front().reason, GetParam().reason);
  }
}

// clang-format off
const BadCase bad_cases[] = {
  {"NotAnObject", [](Json& d) { d = Json::array(); }, "", "expected an object, got an array"},
  {"MissingSchema", [](Json& d) { d.erase("schema"); }, "", "missing required key \"schema\""},
  {"WrongSchema", [](Json& d) { d["schema"] = "danvan/registry"; }, "/schema", "expected \"danvan/plan\", got \"danvan/registry\""},
  {"FutureVersion", [](Json& d) { d["version"] = 4; }, "/version", "unsupported version 4 of danvan/plan; this library reads versions 1 to 3"},
  {"VersionAsString", [](Json& d) { d["version"] = "1"; }, "/version", "expected an integer, got a string"},
  {"UnknownTopKey", [](Json& d) { d["colour"] = "red"; }, "/colour", "unknown key \"colour\""},
  {"MissingTitle", [](Json& d) { d.erase("title"); }, "", "missing required key \"title\""},
  {"EmptyTitle", [](Json& d) { d["title"] = "  "; }, "/title", "must not be empty"},
  {"TitleNumber", [](Json& d) { d["title"] = 5; }, "/title", "expected a string, got an integer"},
  {"BadId", [](Json& d) { d["id"] = "Phú Yên"; }, "/id", "invalid id \"Phú Yên\": ids are 1..100 characters of a-z, 0-9 and '-', not starting with '-'"},
  {"UnknownIssuer", [](Json& d) { d["issuer"] = "nobody"; }, "/issuer", "unknown issuer \"nobody\""},
  {"YearOutOfRange", [](Json& d) { d["campaign_year"] = 20200; }, "/campaign_year", "20200 is out of range 1900..2200"},
  {"YearFraction", [](Json& d) { d["campaign_year"] = 2020.5; }, "/campaign_year", "expected an integer, got a number with a fraction"},
  {"NegativeHugeYear", [](Json& d) { d["campaign_year"] = -9223372036854775807LL; }, "/campaign_year", "-9223372036854775807 is out of range 1900..2200"},
  {"HugeUnsignedYear", [](Json& d) { d["campaign_year"] = 18446744073709551615ULL; }, "/campaign_year", "18446744073709551615 is out of range 1900..2200"},
  {"BadScopeKind", [](Json& d) { d["scope"][0] = "ministry"; }, "/scope/0", "unknown unit kind \"ministry\"; expected one of administrative_agency, public_service_unit, peoples_committee, party_committee, fatherland_front, socio_political_organisation, army, police, administrative_unit, other"},
  {"DuplicateScope", [](Json& d) { d["scope"].push_back("administrative_agency"); }, "/scope/1", "\"administrative_agency\" is listed twice"},
  {"ScopeNotArray", [](Json& d) { d["scope"] = "administrative_agency"; }, "/scope", "expected an array, got a string"},
  {"InvalidIssueDate", [](Json& d) { d["issue_date"] = "2020-02-31"; }, "/issue_date", "invalid date \"2020-02-31\": day 31 does not exist in 02/2020"},
  {"VietnameseDateInJson", [](Json& d) { d["issue_date"] = "10/04/2020"; }, "/issue_date", "expected an ISO date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", got \"10/04/2020\""},
  {"MonthThirteen", [](Json& d) { d["milestones"][0]["date"] = "2020-13"; }, "/milestones/0/date", "invalid date \"2020-13\": month 13 is out of range 1..12"},
  {"DuplicateMilestone", [](Json& d) { d["milestones"].push_back(d["milestones"][0]); }, "/milestones/1/id", "duplicate milestone id \"m\" (first at /milestones/0)"},
  {"TaskAreaOutOfOrder", [](Json& d) { d["task_areas"][1]["number"] = 3; }, "/task_areas/1/number", "task areas must be numbered 1, 2, 3, ... in order: expected 2, got 3"},
  {"TaskAreaNoText", [](Json& d) { d["task_areas"][1].erase("text"); }, "/task_areas/1", "missing required key \"text\""},
  {"DanglingCitation", [](Json& d) { d["task_areas"][0]["citations"][0]["instrument"] = "ct-23"; }, "/task_areas/0/citations/0/instrument", "unknown instrument \"ct-23\""},
  {"CitationUnknownKey", [](Json& d) { d["task_areas"][0]["citations"][0]["page"] = 3; }, "/task_areas/0/citations/0/page", "unknown key \"page\""},
  {"DanglingLeadUnit", [](Json& d) { d["task_areas"][0]["lead_units"][0] = "so-tai-chinh"; }, "/task_areas/0/lead_units/0", "unknown unit \"so-tai-chinh\""},
  {"LeadUnitTwice", [](Json& d) { d["task_areas"][0]["lead_units"].push_back("u"); }, "/task_areas/0/lead_units/1", "\"u\" is listed twice"},
  {"DuplicateIssuer", [](Json& d) { d["issuers"].push_back(d["issuers"][0]); }, "/issuers/2/id", "duplicate issuer id \"ubnd\" (first at /issuers/0)"},
  {"InstrumentUnknownIssuer", [](Json& d) { d["instruments"][0]["issuers"][0] = "tw"; }, "/instruments/0/issuers/0", "unknown issuer \"tw\""},
  {"InstrumentNoIssuers", [](Json& d) { d["instruments"][0]["issuers"] = Json::array(); }, "/instruments/0/issuers", "an instrument needs at least one issuer"},
  {"BadDocumentType", [](Json& d) { d["instruments"][0]["type"] = "memo"; }, "/instruments/0/type", "unknown document type \"memo\"; expected one of constitution, code_of_law, law, resolution, joint_resolution, ordinance, order, decree, decision, circular, joint_circular, consolidated_text, directive, regulation, rules, public_notice, notice, guidance, programme, plan, option_plan, scheme, project, report, minutes, submission, contract, official_telegram, invitation, introduction_letter, authorisation_letter, dispatch_slip, transfer_slip, notification_slip, conclusion, circular_instruction, official_letter"},
  {"SymbolTypeMismatch", [](Json& d) { d["instruments"][0]["type"] = "programme"; }, "/instruments/0/symbol", "symbol \"26/CT-TTg\" is a directive, but type is programme"},
  {"SymbolNumberMismatch", [](Json& d) { d["instruments"][0]["number"] = "23"; }, "/instruments/0/symbol", "symbol \"26/CT-TTg\" has number 26, but number is 23"},
  {"SymbolFamilyMismatch", [](Json& d) { d["instruments"][0]["family"] = "party"; }, "/instruments/0/symbol", "symbol \"26/CT-TTg\" is a state symbol, but family is party"},
  {"BadNumber", [](Json& d) { d["instruments"][0]["number"] = "hai mươi sáu"; }, "/instruments/0/number", "expected a document number such as \"23\" or \"05\", got \"hai mươi sáu\""},
  {"PeriodBackwards", [](Json& d) { d["instruments"][0]["period"] = Json{{"first", 2021}, {"last", 2016}}; }, "/instruments/0/period", "period runs backwards: 2021 to 2016"},
  {"PeriodUnknownKey", [](Json& d) { d["instruments"][0]["period"] = Json{{"first", 2016}, {"last", 2021}, {"to", 1}}; }, "/instruments/0/period/to", "unknown key \"to\""},
  {"DuplicateInstrument", [](Json& d) { d["instruments"].push_back(d["instruments"][0]); }, "/instruments/1/id", "duplicate instrument id \"ct-26\" (first at /instruments/0)"},
  {"UnitBadKind", [](Json& d) { d["units"][0]["kind"] = "ministry"; }, "/units/0/kind", "unknown unit kind \"ministry\"; expected one of administrative_agency, public_service_unit, peoples_committee, party_committee, fatherland_front, socio_political_organisation, army, police, administrative_unit, other"},
  {"UnitBadLevel", [](Json& d) { d["units"][0]["level"] = "region"; }, "/units/0/level", "unknown level \"region\"; expected one of central, province, district, commune"},
  {"UnitPartialValidity", [](Json& d) { d["units"][0]["valid_to"] = "2025-06"; }, "/units/0/valid_to", "expected a whole day \"YYYY-MM-DD\", got \"2025-06\""},
  {"UnitEndsBeforeStart", [](Json& d) { d["units"][0]["valid_from"] = "2025-07-01"; d["units"][0]["valid_to"] = "2025-06-30"; }, "/units/0/valid_to", "valid_to 2025-06-30 is before valid_from 2025-07-01"},
  {"UnitDanglingParent", [](Json& d) { d["units"][0]["parent"] = "tinh"; }, "/units/0/parent", "unknown unit \"tinh\""},
  {"UnitCodeNotDigits", [](Json& d) { d["units"][0]["code"] = "66a"; }, "/units/0/code", "code \"66a\" is not 1..10 digits"},
  {"UnitCodeTooLong", [](Json& d) { d["units"][0]["code"] = "12345678901"; }, "/units/0/code", "code \"12345678901\" is not 1..10 digits"},
  {"UnitCodeNumber", [](Json& d) { d["units"][0]["code"] = 66; }, "/units/0/code", "expected a string, got an integer"},
  {"UnitBasisEmpty", [](Json& d) { d["units"][0]["basis"] = " "; }, "/units/0/basis", "must not be empty"},
  {"UnitDanglingSuccessor", [](Json& d) { d["units"][0]["successors"] = Json::array({"moi"}); }, "/units/0/successors/0", "unknown unit \"moi\""},
  {"SourceUnknownKey", [](Json& d) { d["source"] = Json{{"title", "x"}, {"publisher", "y"}}; }, "/source/publisher", "unknown key \"publisher\""},
  {"KeyWithSlash", [](Json& d) { d["a/b~c"] = 1; }, "/a~1b~0c", "unknown key \"a/b~c\""},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Cases, PlanJsonBadInput, ::testing::ValuesIn(bad_cases),
                         [](const auto& test) { return test.param.name; });

TEST(PlanJson, SmallPlanIsValid) {
  const danvan::Plan plan = danvan::plan_from_json(small_plan());
  EXPECT_EQ(plan.task_areas.size(), 2U);
  EXPECT_EQ(plan.symbol->canonical(), "35/KH-UBND");
  EXPECT_NO_THROW(plan.validate());
}

TEST(PlanJson, ASymbolWithoutATypeCodeStatesNoType) {
  // "49/QCPH-UBND-UBMT" has the shape of a công văn's number: it does not contradict the type
  // the document's name gives (Quy chế phối hợp: a regulation), and round-trips.
  Json doc = small_plan();
  doc["instruments"][0]["type"] = "regulation";
  doc["instruments"][0]["number"] = "49";
  doc["instruments"][0]["symbol"] = "49/QCPH-UBND-UBMT";
  const danvan::Plan plan = danvan::plan_from_json(doc);
  EXPECT_NO_THROW(plan.validate());
  EXPECT_EQ(danvan::plan_from_json(danvan::to_json(plan)), plan);
}

TEST(PlanJson, CollectsEveryProblemAndSummarisesInWhat) {
  Json doc = small_plan();
  doc["title"] = 1;
  doc["campaign_year"] = 1;
  doc["extra"] = true;
  try {
    (void)danvan::plan_from_json(doc);
    FAIL();
  } catch (const JsonDocumentError& e) {
    ASSERT_EQ(e.problems().size(), 3U);
    EXPECT_STREQ(e.what(), "/title: expected a string, got an integer (and 2 more problems)");
    EXPECT_EQ(e.pointer(), "/title");
  }
}

TEST(ParseJson, SyntaxErrorsNameLineAndColumn) {
  try {
    (void)danvan::parse_json("{\n  \"a\": 1,\n}");
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_STREQ(e.what(),
                 "(document): invalid JSON: parse error at line 3, column 1: syntax error while "
                 "parsing object key - unexpected '}'; expected string literal");
  }
}

TEST(ParseJson, TruncatedDocument) {
  try {
    (void)danvan::parse_json(R"({"schema": "danvan/pl)");
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_STREQ(e.what(),
                 "(document): invalid JSON: parse error at line 1, column 22: syntax error while "
                 "parsing value - invalid string: missing closing quote; last read: "
                 "'\"danvan/pl'");
  }
}

TEST(ParseJson, DuplicateKeysAreErrorsWithTheirPointer) {
  try {
    (void)danvan::parse_json(R"({"a": [{"x": 1}, {"x": 1, "y": 2, "x": 3}], "b": 1})");
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_STREQ(e.what(), "/a/1/x: duplicate key \"x\"");
  }
}

TEST(ParseJson, InvalidUtf8IsRejected) {
  EXPECT_THROW((void)danvan::parse_json("{\"a\": \"\xC3\x28\"}"), JsonDocumentError);
}

TEST(ValidateDocument, UnknownSchemaIsNamed) {
  const auto problems = danvan::validate_document(R"({"schema": "danvan/x", "version": 1})");
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].pointer, "/schema");
  EXPECT_EQ(problems[0].reason,
            "unknown schema \"danvan/x\"; expected one of danvan/plan, danvan/instruments, "
            "danvan/units, danvan/registry, danvan/calendar, danvan/progress, danvan/reports, "
            "danvan/workflow");
}

TEST(ValidateDocument, NfdTextIsNormalisedOnRead) {
  Json doc = small_plan();
  doc["title"] = "Ke\xCC\x82\xCC\x81 hoa\xCC\xA3\x63h";  // "Kế hoạch" in NFD
  const danvan::Plan plan = danvan::plan_from_json(doc);
  EXPECT_EQ(plan.title, "Kế hoạch");
}

TEST(BundledData, PlanRoundTripsByteForByte) {
  const std::string text = danvan::read_file(plan_path);
  EXPECT_EQ(danvan::format_document(text), text);
}

TEST(BundledData, CatalogueRoundTripsByteForByte) {
  const std::string text = danvan::read_file(catalogue_path);
  EXPECT_EQ(danvan::format_document(text), text);
}

TEST(BundledData, CatalogueKeepsTheTwoDirectives23Apart) {
  const auto catalogue = danvan::load_catalogue(catalogue_path);
  const auto both = catalogue.find_by_number(danvan::DocumentType::directive, "23");
  ASSERT_EQ(both.size(), 2U);
  EXPECT_NE(danvan::identity(*both[0]), danvan::identity(*both[1]));
  EXPECT_NE(both[0]->family, both[1]->family);
}

TEST(Files, MissingFileIsAnIoErrorNamingThePath) {
  try {
    (void)danvan::load_plan("/nonexistent/plan.json");
    FAIL();
  } catch (const danvan::IoError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/plan.json: No such file or directory");
  }
}

TEST(Files, DirectoryIsAnIoError) {
  EXPECT_THROW((void)danvan::read_file(DANVAN_SOURCE_DIR), danvan::IoError);
}

TEST(ParseJson, MalformedUtf8IsShownEscapedInTheMessage) {
  try {
    (void)danvan::parse_json("{\"a\": \"\xFF\"}");
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_STREQ(e.what(),
                 "(document): invalid JSON: parse error at line 1, column 8: syntax error while "
                 "parsing value - invalid string: ill-formed UTF-8 byte; last read: '\"\\xFF'");
    EXPECT_NO_THROW(danvan::check_utf8(e.what()));
  }
}

TEST(Files, IoErrorsCarryTheErrnoValue) {
  try {
    (void)danvan::read_file("/nonexistent/plan.json");
    FAIL();
  } catch (const danvan::IoError& e) {
    EXPECT_EQ(e.code(), std::errc::no_such_file_or_directory);
    EXPECT_EQ(e.code().value(), ENOENT);
    EXPECT_EQ(&e.code().category(), &std::generic_category());
  }
  try {
    (void)danvan::read_file(DANVAN_SOURCE_DIR);
    FAIL();
  } catch (const danvan::IoError& e) {
    EXPECT_EQ(std::string(e.what()), std::string(DANVAN_SOURCE_DIR) + ": is a directory");
    EXPECT_EQ(e.code(), std::errc::is_a_directory);
  }
  const auto target = std::filesystem::temp_directory_path() / "danvan-json-missing-dir" / "x";
  try {
    danvan::write_file_atomically(target, "x");
    FAIL();
  } catch (const danvan::IoError& e) {
    EXPECT_EQ(std::string(e.what()),
              target.string() + ": cannot create a temporary file: No such file or directory");
    EXPECT_EQ(e.code(), std::errc::no_such_file_or_directory);
  }
}

TEST(Files, UnitsLoadAndSaveRoundTripByteForByte) {
  const std::string units_path = std::string(DANVAN_SOURCE_DIR) + "/data/units/phu-yen.json";
  const danvan::UnitHierarchy units = danvan::load_units(units_path);
  EXPECT_EQ(units, danvan::units_from_json(danvan::parse_json(danvan::read_file(units_path))));
  ASSERT_NE(units.find("p54"), nullptr);
  const auto dir = std::filesystem::temp_directory_path() / "danvan-json-test-units";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = dir / "units.json";
  danvan::save_units(units, path);
  EXPECT_EQ(danvan::read_file(path), danvan::read_file(units_path));
  EXPECT_EQ(danvan::load_units(path), units);
  std::filesystem::remove_all(dir);
}

TEST(Files, SaveUnitsRefusesAnInvalidHierarchyAndWritesNothing) {
  const auto dir = std::filesystem::temp_directory_path() / "danvan-json-test-units2";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  danvan::UnitHierarchy units;
  danvan::Unit orphan;
  orphan.id = "xa-a";
  orphan.name = "Xã A";
  orphan.kind = danvan::UnitKind::peoples_committee;
  orphan.level = danvan::Level::commune;
  orphan.parent_id = "huyen-b";
  units.add(orphan);
  try {
    danvan::save_units(units, dir / "units.json");
    FAIL();
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "unit \"xa-a\": parent \"huyen-b\" does not exist");
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "units.json"));
  std::filesystem::remove_all(dir);
}

TEST(Files, LoadUnitsReportsWhatIsWrong) {
  EXPECT_THROW((void)danvan::load_units("/nonexistent/units.json"), danvan::IoError);
  // A plan is not a units document.
  try {
    (void)danvan::load_units(plan_path);
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_EQ(e.problems().front(),
              (danvan::JsonProblem{"/schema", "expected \"danvan/units\", got \"danvan/plan\""}));
  }
}

TEST(Files, SaveIsAtomicAndLeavesNoTemporaryFiles) {
  const auto dir = std::filesystem::temp_directory_path() / "danvan-json-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = dir / "plan.json";
  const danvan::Plan plan = danvan::load_plan(plan_path);
  danvan::save_plan(plan, path);
  EXPECT_EQ(danvan::read_file(path), danvan::read_file(plan_path));
  danvan::save_plan(plan, path);  // overwrite
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir),
                          std::filesystem::directory_iterator()),
            1);
  EXPECT_EQ(danvan::load_plan(path), plan);
  // A write into a missing directory fails with the path and leaves nothing behind.
  EXPECT_THROW(danvan::save_plan(plan, dir / "missing" / "x.json"), danvan::IoError);
  std::filesystem::remove_all(dir);
}

TEST(Files, SaveRefusesAnInvalidPlanAndKeepsTheOldFile) {
  const auto dir = std::filesystem::temp_directory_path() / "danvan-json-test2";
  std::filesystem::create_directories(dir);
  const auto path = dir / "plan.json";
  danvan::Plan plan = danvan::load_plan(plan_path);
  danvan::save_plan(plan, path);
  plan.issuer_id = "nobody";
  EXPECT_THROW(danvan::save_plan(plan, path), danvan::ValueError);
  EXPECT_EQ(danvan::read_file(path), danvan::read_file(plan_path));
  std::filesystem::remove_all(dir);
}

TEST(AdlHooks, ValuesConvertBothWays) {
  const Json j = danvan::PartialDate(2020, 4);
  EXPECT_EQ(j, "2020-04");
  EXPECT_EQ(j.get<danvan::PartialDate>(), danvan::PartialDate(2020, 4));
  const Json s = danvan::parse_symbol("Số: 217/QĐ-TW");
  EXPECT_EQ(s, "217-QĐ/TW");
  EXPECT_THROW((void)Json("2020-02-30").get<danvan::PartialDate>(), JsonDocumentError);
}

}  // namespace
