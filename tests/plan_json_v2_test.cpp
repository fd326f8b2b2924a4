// danvan/plan version 2: the parts of real plans (period, header facts, duties, reporting,
// signature, annexes, outline), strict reading of each, and the upgrade of version 1 files.
#include "danvan/json.hpp"

#include <gtest/gtest.h>

#include <functional>

namespace {

using danvan::Json;
using danvan::JsonDocumentError;

Json v2_plan() {
  return danvan::parse_json(R"({
    "schema": "danvan/plan", "version": 2, "id": "p", "title": "Kế hoạch",
    "issuer": "ubnd", "symbol": "35/KH-UBND", "issue_date": "2026-03-05",
    "document_type": "plan", "place": "Mẫu Thử", "issuer_header": ["ỦY BAN NHÂN DÂN", "TỈNH MẪU THỬ"],
    "period": {"from": "2026", "to": "2030", "text": "giai đoạn 2026 - 2030"},
    "scope": [], "purposes": ["a"], "requirements": ["b"], "targets": ["100% xã"],
    "milestones": [], "legal_bases": [],
    "task_areas": [{"number": 1, "label": "1.", "text": "one", "details": ["- x"], "citations": [],
                    "lead_units": [], "participating_units": []}],
    "duties": [{"unit": "Sở Nội vụ", "unit_id": "u", "role": "lead", "text": "chủ trì"}],
    "funding": ["Kinh phí từ ngân sách"],
    "reporting": [{"text": "báo cáo trước ngày 15/12", "every_year": "12-15", "date": null,
                   "every_month": null}],
    "signature": {"authority": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Trần Văn Mẫu"},
    "recipients": ["Như trên", "Lưu: VT"],
    "annexes": [{"title": "Phụ lục I", "tables": [[["STT", "Nội dung"], ["1", "x"]]]}],
    "outline": [{"level": 0, "label": "I.", "text": "MỤC ĐÍCH"}],
    "source": null,
    "issuers": [{"id": "ubnd", "name": "UBND tỉnh", "code": "UBND", "parent": null,
                 "valid_from": null, "valid_to": null, "successors": []}],
    "instruments": [],
    "units": [{"id": "u", "name": "Sở Nội vụ", "kind": "administrative_agency",
               "level": "province", "parent": null, "valid_from": null, "valid_to": null,
               "predecessors": [], "successors": []}]
  })");
}

TEST(PlanJsonV2, ReadsEveryPartAndWritesItBack) {
  const danvan::Plan plan = danvan::plan_from_json(v2_plan());
  EXPECT_NO_THROW(plan.validate());
  ASSERT_TRUE(plan.period.has_value());
  EXPECT_EQ(plan.period->from, danvan::PartialDate(2026));
  EXPECT_EQ(plan.period->to, danvan::PartialDate(2030));
  EXPECT_EQ(plan.place, "Mẫu Thử");
  ASSERT_EQ(plan.duties.size(), 1U);
  EXPECT_EQ(plan.duties[0].role, danvan::DutyRole::lead);
  EXPECT_EQ(plan.duties[0].unit_id, "u");
  ASSERT_EQ(plan.reporting.size(), 1U);
  EXPECT_EQ(plan.reporting[0].every_year, (danvan::MonthDay{12, 15}));
  EXPECT_EQ(plan.signature->name, "Trần Văn Mẫu");
  EXPECT_EQ(plan.annexes[0].tables[0].rows[1][1], "x");
  EXPECT_EQ(plan.task_areas[0].label, "1.");
  // A version 2 document is written back as version 3 (which only adds units by code).
  Json v3 = v2_plan();
  v3["version"] = 3;
  EXPECT_EQ(danvan::to_json(plan), v3);
}

TEST(PlanJsonV2, EveryDayIsWrittenOnlyWhenSetAndReadBack) {
  Json doc = v2_plan();
  doc["reporting"][0]["every_year"] = nullptr;
  doc["reporting"][0]["every_day"] = "09:05";
  const danvan::Plan plan = danvan::plan_from_json(doc);
  ASSERT_TRUE(plan.reporting[0].every_day.has_value());
  EXPECT_EQ(*plan.reporting[0].every_day, (danvan::TimeOfDay{9, 5}));
  EXPECT_EQ(danvan::to_json(plan)["reporting"][0]["every_day"], "09:05");
  EXPECT_FALSE(
      danvan::to_json(danvan::plan_from_json(v2_plan()))["reporting"][0].contains("every_day"));
}

TEST(PlanJsonV2, Version1CampaignYearBecomesAOneYearPeriod) {
  Json doc = v2_plan();
  for (const char* k : {"document_type", "place", "issuer_header", "period", "targets", "duties",
                        "funding", "reporting", "signature", "recipients", "annexes", "outline"}) {
    doc.erase(k);
  }
  doc["task_areas"][0].erase("label");
  doc["task_areas"][0].erase("details");
  doc["version"] = 1;
  doc["campaign_year"] = 2020;
  const danvan::Plan plan = danvan::plan_from_json(doc);
  ASSERT_TRUE(plan.period.has_value());
  EXPECT_EQ(*plan.period, danvan::PlanPeriod::year(2020));
  EXPECT_EQ(danvan::to_json(plan)["version"], danvan::plan_json_version);
  // A version-1 file does not have the version-2 keys.
  doc["targets"] = Json::array();
  try {
    (void)danvan::plan_from_json(doc);
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_STREQ(e.what(), "/targets: unknown key \"targets\"");
  }
}

struct BadCase {
  std::string name;
  std::function<void(Json&)> mutate;
  std::string message;
};
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }
class PlanJsonV2BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(PlanJsonV2BadInput, IsALocatedError) {
  Json doc = v2_plan();
  GetParam().mutate(doc);
  try {
    (void)danvan::plan_from_json(doc);
    FAIL() << "accepted";
  } catch (const JsonDocumentError& e) {
    // The whole message (a long list of names is checked up to the case's text).
    const std::string what = e.what();
    EXPECT_EQ(what.substr(0, GetParam().message.size()), GetParam().message);
    EXPECT_EQ(what.find("more problem"), std::string::npos) << what;
  }
}

// clang-format off
const BadCase bad_cases[] = {
  {"Version4", [](Json& d) { d["version"] = 4; }, "/version: unsupported version 4 of danvan/plan; this library reads versions 1 to 3"},
  {"CampaignYearInV2", [](Json& d) { d["campaign_year"] = 2020; }, "/campaign_year: unknown key \"campaign_year\""},
  {"PeriodWithoutBounds", [](Json& d) { d["period"] = Json{{"from", nullptr}, {"to", nullptr}, {"text", ""}}; }, "/period: a period needs \"from\" or \"to\""},
  {"PeriodBackwards", [](Json& d) { d["period"]["from"] = "2031"; }, "/period/to: the period ends before it starts"},
  {"PeriodBadDate", [](Json& d) { d["period"]["to"] = "2030-13"; }, "/period/to: invalid date \"2030-13\": month 13 is out of range 1..12"},
  {"UnknownDocumentType", [](Json& d) { d["document_type"] = "memo"; }, "/document_type: unknown document type \"memo\"; expected one of constitution, code_of_law, law,"},
  {"UnknownRole", [](Json& d) { d["duties"][0]["role"] = "boss"; }, "/duties/0/role: unknown duty role \"boss\"; expected one of unspecified, lead, coordinate"},
  {"DutyUnknownUnit", [](Json& d) { d["duties"][0]["unit_id"] = "x"; }, "/duties/0/unit_id: unknown unit \"x\""},
  {"EveryYearBadDay", [](Json& d) { d["reporting"][0]["every_year"] = "02-30"; }, "/reporting/0/every_year: expected a day of the year as MM-DD, got \"02-30\""},
  {"TwoDeadlines", [](Json& d) { d["reporting"][0]["every_month"] = 20; }, "/reporting/0: \"every_year\", \"date\", \"every_month\" and \"every_day\" exclude each other"},
  {"YearlyAndDaily", [](Json& d) { d["reporting"][0]["every_day"] = "16:00"; }, "/reporting/0: \"every_year\", \"date\", \"every_month\" and \"every_day\" exclude each other"},
  {"EveryDayBadTime", [](Json& d) { d["reporting"][0]["every_year"] = nullptr; d["reporting"][0]["every_day"] = "24:00"; }, "/reporting/0/every_day: expected a time of day as HH:MM, got \"24:00\""},
  {"EveryDayNotTime", [](Json& d) { d["reporting"][0]["every_year"] = nullptr; d["reporting"][0]["every_day"] = "9h00"; }, "/reporting/0/every_day: expected a time of day as HH:MM, got \"9h00\""},
  {"EveryMonthOutOfRange", [](Json& d) { d["reporting"][0]["every_year"] = nullptr; d["reporting"][0]["every_month"] = 32; }, "/reporting/0/every_month: 32 is out of range 1..31"},
  {"TableNotRows", [](Json& d) { d["annexes"][0]["tables"][0] = "x"; }, "/annexes/0/tables/0: expected an array of rows, got a string"},
  {"CellNotString", [](Json& d) { d["annexes"][0]["tables"][0][0][1] = 5; }, "/annexes/0/tables/0/0/1: expected a string, got an integer"},
  {"NegativeOutlineLevel", [](Json& d) { d["outline"][0]["level"] = -1; }, "/outline/0/level: -1 is out of range 0..100"},
  {"SignatureUnknownKey", [](Json& d) { d["signature"]["seal"] = true; }, "/signature/seal: unknown key \"seal\""},
  {"MissingOutline", [](Json& d) { d.erase("outline"); }, "(document): missing required key \"outline\""},
  {"LineFeedInTitle", [](Json& d) { d["title"] = "Kế\nhoạch"; }, "/title: control character U+000A at byte 4 (text must not contain control characters)"},
  {"LineFeedInDutyUnit", [](Json& d) { d["duties"][0]["unit"] = "Sở\nNội vụ"; }, "/duties/0/unit: control character U+000A at byte 4 (text must not contain control characters)"},
  {"EmptyDutyUnit", [](Json& d) { d["duties"][0]["unit"] = " "; }, "/duties/0/unit: must not be empty"},
  {"TabInDutyText", [](Json& d) { d["duties"][0]["text"] = "chủ\ttrì"; }, "/duties/0/text: control character U+0009 at byte 5 (text must not contain control characters)"},
  {"CarriageReturnInPurpose", [](Json& d) { d["purposes"][0] = "a\r\nb"; }, "/purposes/0: control character U+000D at byte 1 (text must not contain control characters)"},
  {"LineFeedInCell", [](Json& d) { d["annexes"][0]["tables"][0][1][1] = "x\ny"; }, "/annexes/0/tables/0/1/1: control character U+000A at byte 1 (text must not contain control characters)"},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Cases, PlanJsonV2BadInput, ::testing::ValuesIn(bad_cases),
                         [](const auto& test) { return test.param.name; });

// Prose (duty, reporting and outline texts, task area details, purposes, requirements,
// targets, funding) may run over paragraphs separated by line feeds; nothing else may.
TEST(PlanJsonV2, ProseKeepsItsParagraphs) {
  Json doc = v2_plan();
  doc["duties"][0]["text"] = "a) chủ trì;\nb) báo cáo.";
  doc["reporting"][0]["text"] = "báo cáo\ntrước ngày 15/12";
  doc["outline"][0]["text"] = "MỤC ĐÍCH\nYÊU CẦU";
  doc["task_areas"][0]["details"][0] = "- x\n- y";
  for (const char* key : {"purposes", "requirements", "targets", "funding"}) doc[key][0] = "1\n2";
  const danvan::Plan plan = danvan::plan_from_json(doc);
  EXPECT_NO_THROW(plan.validate());
  EXPECT_EQ(plan.duties[0].text, "a) chủ trì;\nb) báo cáo.");
  EXPECT_EQ(plan.funding[0], "1\n2");
  doc["version"] = danvan::plan_json_version;
  EXPECT_EQ(danvan::to_json(plan), doc);
}

// Plan::validate holds text to the reader's rule, so a plan that validates can be saved and
// read back.
TEST(PlanValidate, ControlCharactersWhereTheReaderRefusesThem) {
  const auto message = [](danvan::Plan plan) -> std::string {
    try {
      plan.validate();
    } catch (const danvan::ValueError& e) {
      return e.what();
    }
    return "valid";
  };
  const danvan::Plan plan = danvan::plan_from_json(v2_plan());
  danvan::Plan p = plan;
  p.duties[0].text = "a\nb";
  EXPECT_EQ(message(p), "valid");
  p.duties[0].text = "a\tb";
  EXPECT_EQ(message(p),
            "plan \"p\": duty 1 text: control character U+0009 at byte 1 (text must "
            "not contain control characters)");
  p = plan;
  p.title = "Kế\nhoạch";
  EXPECT_EQ(message(p),
            "plan \"p\": title: control character U+000A at byte 4 (text must not "
            "contain control characters)");
  p = plan;
  p.signature->name = "\x1b[2J";
  EXPECT_EQ(message(p),
            "plan \"p\": signature name: control character U+001B at byte 0 (text "
            "must not contain control characters)");
  p = plan;
  p.annexes[0].tables[0].rows[1][1] = "x\u0085";
  EXPECT_EQ(message(p),
            "plan \"p\": annex 1 table cell 2: control character U+0085 at byte 1 "
            "(text must not contain control characters)");
  // What the reader requires to say something must not be blank either.
  p = plan;
  p.reporting[0].text = " ";
  EXPECT_EQ(message(p), "plan \"p\": reporting duty 1 text is empty");
  p = plan;
  p.annexes[0].title.clear();
  EXPECT_EQ(message(p), "plan \"p\": annex 1 title is empty");
  p = plan;
  p.place = "";
  EXPECT_EQ(message(p), "plan \"p\": place is empty");
  p = plan;
  p.source = danvan::SourceInfo{};
  EXPECT_EQ(message(p), "plan \"p\": source title is empty");
  // Several problems are listed in one message, in the order of the checks (issue 12 point 9:
  // validate() reported only the first).
  p.place = "";
  p.title = "Kế\nhoạch";
  p.reporting[0].text = " ";
  EXPECT_EQ(message(p),
            "plan \"p\": 4 problems: title: control character U+000A at byte 4 (text must not "
            "contain control characters); place is empty; reporting duty 1 text is empty; source "
            "title is empty");
}

TEST(PlanValidate, PeriodDutiesReportingOutline) {
  danvan::Plan plan = danvan::plan_from_json(v2_plan());
  plan.period = danvan::PlanPeriod{};
  EXPECT_THROW(plan.validate(), danvan::ValueError);
  plan.period = danvan::PlanPeriod{danvan::PartialDate(2026), std::nullopt, ""};
  EXPECT_NO_THROW(plan.validate());
  plan.duties[0].unit.clear();
  EXPECT_THROW(plan.validate(), danvan::ValueError);
  plan.duties[0].unit = "Sở Nội vụ";
  plan.reporting[0].every_month = 5;
  try {
    plan.validate();
    FAIL();
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "plan \"p\": reporting duty 1 has more than one deadline");
  }
  plan.reporting[0].every_year.reset();
  EXPECT_NO_THROW(plan.validate());
  plan.reporting[0].every_month.reset();
  plan.reporting[0].every_day = danvan::TimeOfDay{24, 0};
  try {
    plan.validate();
    FAIL();
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "plan \"p\": reporting duty 1 has an impossible time of day 24:0");
  }
  plan.reporting[0].every_day = danvan::TimeOfDay{16, 30};
  EXPECT_NO_THROW(plan.validate());
  plan.outline[0].level = -2;
  EXPECT_THROW(plan.validate(), danvan::ValueError);
}

// A milestone id the reader refuses is refused by validate() too (a plan validate() passed was
// saved to a file that did not load: "/milestones/0/id: invalid id").
TEST(PlanValidate, MilestoneIdsAsTheReaderChecksThem) {
  danvan::Plan plan = danvan::plan_from_json(v2_plan());
  plan.milestones.push_back(danvan::Milestone{"", "Đại hội", std::nullopt});
  try {
    plan.validate();
    FAIL();
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "plan \"p\": milestone 1 id \"\" is not a valid id");
  }
  plan.id = "";
  try {
    plan.validate();
    FAIL();
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(),
                 "plan \"\": 2 problems: plan id \"\" is not a valid id; milestone 1 "
                 "id \"\" is not a valid id");
  }
  plan.id = "p";
  plan.milestones[0].id = "dai-hoi";
  EXPECT_NO_THROW(plan.validate());
}

}  // namespace
