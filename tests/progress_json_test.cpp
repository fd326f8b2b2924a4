// danvan/progress and danvan/reports documents: canonical round trips and bad files.
#include "danvan/json/progress.hpp"

#include "progress_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace danvan {
namespace {

using testing::merge_plan;
using testing::merge_reports;

std::vector<std::string> report_problems(const Json& doc) {
  const auto plan = merge_plan();
  try {
    (void)report_batch_from_json(doc, plan);
  } catch (const JsonDocumentError& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.pointer + ": " + p.reason);
    return out;
  }
  return {};
}

std::vector<std::string> plan_problems(const Json& doc) {
  try {
    (void)progress_plan_from_json(doc);
  } catch (const JsonDocumentError& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.pointer + ": " + p.reason);
    return out;
  }
  return {};
}

using Lines = std::vector<std::string>;

TEST(ProgressJson, CanonicalRoundTrip) {
  auto plan = merge_plan();
  plan.sample = true;
  plan.note = "Dữ liệu mẫu";
  plan.indicators[1].baseline_period = Period(PeriodType::year, 2019);
  const std::string text = to_canonical_text(to_json(plan));
  const ProgressPlan back = progress_plan_from_json(parse_json(text));
  EXPECT_EQ(back, plan);
  EXPECT_EQ(to_canonical_text(to_json(back)), text);

  auto batch = merge_reports();
  batch.reports[0].narrative = "Tốt";
  batch.reports[3].values[0].value = 2.5;
  const std::string btext = to_canonical_text(to_json(batch));
  const ReportBatch bback = report_batch_from_json(parse_json(btext), plan);
  EXPECT_EQ(bback, batch);
  EXPECT_EQ(to_canonical_text(to_json(bback)), btext);
  // Whole numbers are written without a fraction.
  EXPECT_NE(btext.find("\"value\": 1\n"), std::string::npos);
  EXPECT_NE(btext.find("\"value\": 2.5\n"), std::string::npos);
}

TEST(ProgressJson, SaveAndLoadFiles) {
  const auto dir = std::filesystem::temp_directory_path() / "danvan-progress-json-test";
  std::filesystem::create_directories(dir);
  const auto plan = merge_plan();
  const auto batch = merge_reports();
  save_progress_plan(plan, dir / "p.json");
  save_report_batch(batch, dir / "r.json");
  const auto plan2 = load_progress_plan(dir / "p.json");
  EXPECT_EQ(plan2, plan);
  EXPECT_EQ(load_report_batch(dir / "r.json", plan2), batch);
  EXPECT_THROW((void)load_report_batch(dir / "missing.json", plan2), IoError);
  std::filesystem::remove_all(dir);
}

TEST(ReportsJson, MalformedAndTruncatedText) {
  const std::string text = to_canonical_text(to_json(merge_reports()));
  try {
    (void)parse_json(text.substr(0, 120));
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_EQ(e.pointer(), "");
    EXPECT_EQ(std::string(e.reason()).rfind("invalid JSON: parse error at line 7, column 12:", 0),
              0u)
        << e.reason();
  }
  EXPECT_EQ(report_problems(Json::array()), Lines{": expected an object, got an array"});
  Json doc = to_json(merge_reports());
  doc["schema"] = "danvan/plan";
  EXPECT_EQ(report_problems(doc),
            Lines{"/schema: expected \"danvan/reports\", got \"danvan/plan\""});
  doc = to_json(merge_reports());
  doc["version"] = 3;
  EXPECT_EQ(report_problems(doc),
            Lines{"/version: unsupported version 3 of danvan/reports; this library reads "
                  "versions 1 to 2"});
  doc = to_json(merge_reports());
  doc.erase("reports");
  EXPECT_EQ(report_problems(doc), Lines{": missing required key \"reports\""});
}

TEST(ReportsJson, WrongTypesUnknownKeysAndBadValuesWithPointers) {
  Json doc = to_json(merge_reports());
  auto& r0 = doc["reports"][0];
  r0["extra"] = 1;
  r0["submitted"] = "2020-02-30";
  r0["values"][0]["value"] = "3";
  r0["values"][1]["value"] = nullptr;
  r0["values"][2]["value"] = Json{{"numerator", 3}};
  doc["reports"][1]["unit"] = "xa-9";
  doc["reports"][2]["period"] = "2020-03";
  doc["reports"][3]["period"] = "2020Q2";
  doc["reports"][4]["values"][0]["value"] = -1;
  doc["reports"][5]["values"][2]["value"] = Json{{"numerator", 3}, {"denominator", 2}};
  doc["reports"][6]["values"][0]["indicator"] = "khong-co";
  doc["reports"][7]["activities"] =
      Json::array({Json{{"activity", "doi-thoai"}, {"status", "overdue"}, {"completed", nullptr}},
                   Json{{"activity", "hoi-nghi"}, {"status", "finished"}, {"completed", nullptr}}});
  doc["reports"][8]["values"][1]["value"] = 1e300;
  doc["reports"][9]["values"][0]["value"] = true;
  doc["plan"] = "ke-hoach-khac";
  EXPECT_EQ(
      report_problems(doc),
      (Lines{
          "/plan: reports are for plan \"ke-hoach-khac\", but the progress plan is for "
          "\"ke-hoach-thu\"",
          "/reports/0/submitted: invalid date \"2020-02-30\": day 30 does not exist in "
          "02/2020",
          "/reports/0/values/1/value: expected a number, a boolean, a text or {\"numerator\", "
          "\"denominator\"}, got null",
          "/reports/0/values/2/value: missing required key \"denominator\"",
          "/reports/0/extra: unknown key \"extra\"",
          "/reports/1/unit: unknown unit \"xa-9\"",
          "/reports/2/period: invalid period \"2020-03\": expected \"S\", \"Q\" or a 2-digit "
          "month after the year, got \"-03\"",
          "/reports/3/period: period 2020Q2 is not a month period as the schedule requires",
          "/reports/4/values/0/value: a count cannot be negative",
          "/reports/5/values/2/value: numerator 3 exceeds denominator 2",
          "/reports/6/values/0/indicator: unknown indicator \"khong-co\"",
          "/reports/7/activities/1/status: unknown activity status \"finished\"; expected "
          "one of not_started, in_progress, done, overdue",
          "/reports/8/values/1/value: number out of range -1e15..1e15",
          "/reports/9/values/0/value: indicator \"dialogues\" measures count: expected a number",
      }));
}

TEST(ReportsJson, ReferencesAndDuplicates) {
  Json doc = to_json(merge_reports());
  doc["reports"][0]["values"][0]["value"] = "3";
  doc["reports"][1]["activities"] = Json::array(
      {Json{{"activity", "doi-thoai"}, {"status", "overdue"}, {"completed", nullptr}},
       Json{{"activity", "doi-thoai"}, {"status", "in_progress"}, {"completed", "2020-02-01"}},
       Json{{"activity", "nope"}, {"status", "done"}, {"completed", nullptr}}});
  doc["reports"][2]["submitted"] = "2020-02-29";
  doc["reports"][3]["activities"] = Json::array(
      {Json{{"activity", "doi-thoai"}, {"status", "done"}, {"completed", "2020-06-01"}}});
  doc["reports"].push_back(doc["reports"][4]);
  doc["reports"][11]["period"] = "202101";
  EXPECT_EQ(
      report_problems(doc),
      (Lines{
          "/reports/0/values/0/value: indicator \"dialogues\" measures count: expected a number",
          "/reports/1/activities/0/status: \"overdue\" is derived from the due date and cannot "
          "be reported",
          "/reports/1/activities/1/activity: activity \"doi-thoai\" is reported twice",
          "/reports/1/activities/1/completed: a completion date needs status \"done\"",
          "/reports/1/activities/2/activity: unknown activity \"nope\"",
          "/reports/2/submitted: submitted 2020-02-29 before the period 202003 began",
          "/reports/3/activities/0/completed: completed 2020-06-01 after the report was "
          "submitted 2020-05-03",
          "/reports/11/period: period 202101 is outside the schedule 202001..202012",
          "/reports/11/submitted: submitted 2020-02-03 before the period 202101 began",
          "/reports/27: second report of xa-1 for 202005 (first at /reports/4)",
      }));
}

TEST(ProgressJson, BadDocumentsWithPointers) {
  Json doc = to_json(merge_plan());
  doc["schedule"]["first"] = "2020Q1";
  doc["schedule"]["days_after_period_end"] = -1;
  doc["scope"].push_back("xa-9");
  doc["activities"][0]["due"] = "2020-04-01";
  doc["activities"][1]["responsible_units"] = Json::array({"huyen", "huyen"});
  doc["indicators"][0]["measure"] = "number";
  doc["indicators"][1]["targets"][0]["unit"] = "xa-9";
  doc["indicators"][2]["targets"][0]["value"] = 120;
  doc["indicators"][4]["targets"] =
      Json::array({Json{{"unit", "tinh"}, {"period", "2020"}, {"value", 1}}});
  doc["units"][2]["parent"] = nullptr;
  doc["units"][2]["level"] = "village";
  doc["sample"] = "yes";
  EXPECT_EQ(plan_problems(doc),
            (Lines{
                "/sample: expected a boolean, got a string",
                "/units/2/level: unknown level \"village\"; expected one of central, province, "
                "district, commune",
                "/schedule/days_after_period_end: -1 is out of range 0..366",
                "/schedule/first: period 2020Q1 is not a month period",
                "/activities/0/due: due 2020-04-01 is before start 2020-04-15",
                "/activities/1/responsible_units/1: \"huyen\" is listed twice",
                "/indicators/0/measure: unknown measure \"number\"; expected one of count, "
                "percentage, yes_no, qualitative",
                "/indicators/2/targets/0/value: a percentage target must be 0..100",
                "/indicators/4/targets: a qualitative indicator has no numeric targets",
            }));
  // With the units right, references are checked.
  doc = to_json(merge_plan());
  doc["scope"].push_back("xa-9");
  doc["indicators"][1]["targets"][0]["unit"] = "xa-9";
  doc["activities"][1]["participating_units"] = Json::array({"xa-8"});
  doc["indicators"][3]["id"] = "dialogues";
  EXPECT_EQ(plan_problems(doc),
            (Lines{
                "/scope/4: unknown unit \"xa-9\"",
                "/activities/1/participating_units/0: unknown unit \"xa-8\"",
                "/indicators/1/targets/0/unit: unknown unit \"xa-9\"",
                "/indicators/3/id: duplicate indicator id \"dialogues\" (first at /indicators/0)",
            }));
  doc = to_json(merge_plan());
  doc["units"][4]["valid_to"] = "2020-06-30";  // xa-3 now overlaps its successor
  const auto problems = plan_problems(doc);
  // The hierarchy's problem at the link it concerns (UnitHierarchy::validate's pointer).
  EXPECT_EQ(problems, (Lines{"/units/4/successors/0: unit \"xa-3\": successor \"xa-moi\" starts "
                             "2020-06-16, before \"xa-3\" ends 2020-06-30"}));
}

// ---------------------------------------------------------------------------------------------
// A unit hierarchy from elsewhere (a danvan/units document) in place of the embedded one

const std::filesystem::path source_dir(DANVAN_SOURCE_DIR);

UnitHierarchy phu_yen_units() {
  return units_from_json(parse_json(read_file(source_dir / "data/units/phu-yen.json")));
}

/// The sample progress plan without the two provincial agencies, which data/units/phu-yen.json
/// does not list: their activities go to the province.
Json sample_plan_without_agencies() {
  Json doc = parse_json(read_file(source_dir / "data/progress/phu-yen-2020-progress.json"));
  const auto agency = [](const Json& id) { return id == "py-so-noi-vu" || id == "py-thanh-tra"; };
  const auto drop = [&](Json& ids) {
    Json kept = Json::array();
    for (const auto& id : ids) {
      if (!agency(id)) kept.push_back(id);
    }
    ids = kept;
  };
  drop(doc["scope"]);
  Json units = Json::array();
  for (const auto& u : doc["units"]) {
    if (!agency(u["id"])) units.push_back(u);
  }
  doc["units"] = units;
  for (auto& a : doc["activities"]) {
    for (auto& id : a["responsible_units"]) {
      if (agency(id)) id = "p54";
    }
    drop(a["participating_units"]);
  }
  return doc;
}

TEST(ProgressJson, UnitsFromAnotherDocument) {
  const UnitHierarchy units = phu_yen_units();
  const ProgressPlan plan = progress_plan_from_json(sample_plan_without_agencies(), units);
  EXPECT_EQ(plan.units, units);
  EXPECT_EQ(plan.units.units().size(), 161u);
  EXPECT_EQ(plan.scope_unit_ids.size(), 10u);
  // Without the override the embedded (smaller) hierarchy is used.
  EXPECT_EQ(progress_plan_from_json(sample_plan_without_agencies()).units.units().size(), 11u);

  // Reports are checked against the hierarchy given: the agencies' reports name unknown units.
  const Json reports =
      parse_json(read_file(source_dir / "data/progress/phu-yen-2020-reports.json"));
  Json kept = reports;
  kept["reports"] = Json::array();
  std::vector<std::string> expected;  // one problem per report of an agency
  for (std::size_t i = 0; i < reports["reports"].size(); ++i) {
    const Json& r = reports["reports"][i];
    if (r["unit"] != "py-so-noi-vu" && r["unit"] != "py-thanh-tra") {
      kept["reports"].push_back(r);
    } else {
      expected.push_back("/reports/" + std::to_string(i) + "/unit: unknown unit \"" +
                         r["unit"].get<std::string>() + "\"");
    }
  }
  ASSERT_EQ(expected.size(), 14u);  // the sample's agencies submitted 14 of their 18 reports
  try {
    (void)report_batch_from_json(reports, plan);
    FAIL();
  } catch (const JsonDocumentError& e) {
    Lines got;
    for (const auto& p : e.problems()) got.push_back(p.pointer + ": " + p.reason);
    EXPECT_EQ(got, expected);
  }
  EXPECT_EQ(report_batch_from_json(kept, plan).reports.size(), kept["reports"].size());
}

TEST(ProgressJson, UnitsFromAnotherDocumentMustHoldEveryUnitNamed) {
  const UnitHierarchy units = phu_yen_units();
  const Json doc = parse_json(read_file(source_dir / "data/progress/phu-yen-2020-progress.json"));
  try {
    (void)progress_plan_from_json(doc, units);
    FAIL();
  } catch (const JsonDocumentError& e) {
    Lines got;
    for (const auto& p : e.problems()) got.push_back(p.pointer + ": " + p.reason);
    EXPECT_EQ(got, (Lines{"/scope/0: unknown unit \"py-so-noi-vu\"",
                          "/scope/1: unknown unit \"py-thanh-tra\"",
                          "/activities/0/responsible_units/0: unknown unit \"py-so-noi-vu\"",
                          "/activities/1/responsible_units/0: unknown unit \"py-so-noi-vu\"",
                          "/activities/2/participating_units/0: unknown unit \"py-thanh-tra\"",
                          "/activities/3/responsible_units/0: unknown unit \"py-so-noi-vu\"",
                          "/activities/4/responsible_units/0: unknown unit \"py-thanh-tra\"",
                          "/activities/5/responsible_units/0: unknown unit \"py-so-noi-vu\""}));
  }
  // The embedded units are still read and checked.
  Json broken = sample_plan_without_agencies();
  broken["units"][1]["level"] = "village";
  try {
    (void)progress_plan_from_json(broken, units);
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_STREQ(e.what(),
                 "/units/1/level: unknown level \"village\"; expected one of central, province, "
                 "district, commune");
  }
  // An empty hierarchy knows no unit at all.
  try {
    (void)progress_plan_from_json(sample_plan_without_agencies(), UnitHierarchy{});
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("/scope/0: unknown unit \"d555\" (and ", 0), 0u)
        << e.what();
  }
}

// ---------------------------------------------------------------------------------------------
// The parts of the documents on their own

/// "pointer: reason" of each problem `read` throws, or {} when it reads.
template <class Read>
Lines part_problems(const Json& part, Read read) {
  try {
    (void)read(part);
  } catch (const JsonDocumentError& e) {
    Lines out;
    for (const auto& p : e.problems()) out.push_back(p.pointer + ": " + p.reason);
    return out;
  }
  return {};
}

TEST(ProgressPartsJson, EachPartIsTheElementOfItsDocument) {
  auto plan = merge_plan();
  plan.indicators[1].baseline_period = Period(PeriodType::year, 2019);
  plan.indicators[1].task_area = 2;
  const Json doc = to_json(plan);
  EXPECT_EQ(to_json(plan.schedule), doc["schedule"]);
  for (std::size_t i = 0; i < plan.activities.size(); ++i) {
    EXPECT_EQ(to_json(plan.activities[i]), doc["activities"][i]);
    EXPECT_EQ(activity_from_json(doc["activities"][i]), plan.activities[i]);
  }
  for (std::size_t i = 0; i < plan.indicators.size(); ++i) {
    EXPECT_EQ(to_json(plan.indicators[i]), doc["indicators"][i]);
    EXPECT_EQ(indicator_from_json(doc["indicators"][i]), plan.indicators[i]);
    for (std::size_t t = 0; t < plan.indicators[i].targets.size(); ++t) {
      EXPECT_EQ(to_json(plan.indicators[i].targets[t]), doc["indicators"][i]["targets"][t]);
      EXPECT_EQ(target_from_json(doc["indicators"][i]["targets"][t]),
                plan.indicators[i].targets[t]);
    }
  }
  EXPECT_EQ(reporting_schedule_from_json(doc["schedule"]), plan.schedule);

  auto batch = merge_reports();
  batch.reports[0].narrative = "Tốt";
  // reports[0] holds a value of each kind (count, fraction, yes/no, text).
  Report& late = batch.reports.back();  // submitted after both activities started
  ASSERT_GT(late.submitted, testing::day(2020, 6, 1));
  late.activities.push_back(
      ActivityReport{"hoi-nghi", ActivityStatus::done, testing::day(2020, 5, 30)});
  late.activities.push_back(ActivityReport{"doi-thoai", ActivityStatus::in_progress, std::nullopt});
  const Json bdoc = to_json(batch);
  for (std::size_t i = 0; i < batch.reports.size(); ++i) {
    EXPECT_EQ(to_json(batch.reports[i]), bdoc["reports"][i]);
    EXPECT_EQ(report_from_json(bdoc["reports"][i]), batch.reports[i]);
  }
  const Report& r0 = batch.reports[0];
  ASSERT_EQ(r0.values.size(), 5u);
  for (std::size_t i = 0; i < r0.values.size(); ++i) {
    EXPECT_EQ(to_json(r0.values[i]), bdoc["reports"][0]["values"][i]);
    EXPECT_EQ(indicator_value_from_json(bdoc["reports"][0]["values"][i]), r0.values[i]);
  }
  const Json& late_json = bdoc["reports"][batch.reports.size() - 1];
  ASSERT_EQ(late.activities.size(), 2u);
  for (std::size_t i = 0; i < late.activities.size(); ++i) {
    EXPECT_EQ(to_json(late.activities[i]), late_json["activities"][i]);
    EXPECT_EQ(activity_report_from_json(late_json["activities"][i]), late.activities[i]);
  }
  // The documents are written from the parts: the canonical text is unchanged by a round trip.
  EXPECT_EQ(to_canonical_text(to_json(report_batch_from_json(bdoc, plan))),
            to_canonical_text(bdoc));
}

TEST(ProgressPartsJson, MalformedPartsWithPointers) {
  const auto activity = [](const Json& j) { return activity_from_json(j); };
  EXPECT_EQ(part_problems(Json::array(), activity), Lines{": expected an object, got an array"});
  EXPECT_EQ(part_problems(Json::object(), activity),
            (Lines{
                ": missing required key \"id\"",
                ": missing required key \"name\"",
                ": missing required key \"task_area\"",
                ": missing required key \"responsible_units\"",
                ": missing required key \"participating_units\"",
                ": missing required key \"due\"",
            }));
  Json a = to_json(merge_plan().activities[0]);
  a["task_area"] = 0;
  a["responsible_units"] = Json::array({"huyen", "huyen"});
  a["participating_units"] = "xa-1";
  a["due"] = "2020-04-01";
  a["owner"] = "tinh";
  EXPECT_EQ(part_problems(a, activity), (Lines{
                                            "/task_area: 0 is out of range 1..1000",
                                            "/responsible_units/1: \"huyen\" is listed twice",
                                            "/participating_units: expected an array, got a string",
                                            "/owner: unknown key \"owner\"",
                                            "/due: due 2020-04-01 is before start 2020-04-15",
                                        }));
  // Units are not checked without a plan: any well-formed id reads.
  a = to_json(merge_plan().activities[0]);
  a["responsible_units"] = Json::array({"nowhere"});
  EXPECT_EQ(activity_from_json(a).responsible_unit_ids, std::vector<std::string>{"nowhere"});

  const auto target = [](const Json& j) { return target_from_json(j); };
  EXPECT_EQ(part_problems(Json{{"unit", "tinh"}, {"period", "2020Q5"}, {"value", "9"}}, target),
            (Lines{
                "/period: invalid period \"2020Q5\": quarter 5 is out of range 1..4",
                "/value: expected a number, got a string",
            }));
  EXPECT_EQ(part_problems(Json{{"unit", "Tinh Thu"}, {"period", "2020"}, {"value", 1e300}}, target),
            (Lines{
                "/unit: invalid id \"Tinh Thu\": ids are 1..100 characters of a-z, 0-9 and '-', "
                "not starting with '-'",
                "/value: number out of range -1e15..1e15",
            }));

  const auto indicator = [](const Json& j) { return indicator_from_json(j); };
  Json ind = to_json(merge_plan().indicators[2]);  // a percentage
  ind["measure"] = "ratio";
  ind["over_time"] = 1;
  ind["targets"].push_back(ind["targets"][0]);
  EXPECT_EQ(part_problems(ind, indicator),
            (Lines{
                "/measure: unknown measure \"ratio\"; expected one of count, percentage, yes_no, "
                "qualitative",
                "/over_time: expected a string, got an integer",
                "/targets/1: second target for tinh in 2020",
            }));
  ind = to_json(merge_plan().indicators[2]);
  ind["targets"][0]["value"] = 101;
  ind["baseline_period"] = "2019-13";
  EXPECT_EQ(part_problems(ind, indicator),
            (Lines{
                "/baseline_period: invalid period \"2019-13\": expected \"S\", \"Q\" or a 2-digit "
                "month after the year, got \"-13\"",
                "/targets/0/value: a percentage target must be 0..100",
            }));
  ind = to_json(merge_plan().indicators[4]);  // qualitative
  ind["targets"].push_back(Json{{"unit", "tinh"}, {"period", "2020"}, {"value", 1}});
  EXPECT_EQ(part_problems(ind, indicator),
            Lines{"/targets: a qualitative indicator has no numeric targets"});

  const auto schedule = [](const Json& j) { return reporting_schedule_from_json(j); };
  Json s = to_json(merge_plan().schedule);
  s["first"] = "2020Q1";
  s["days_after_period_end"] = 367;
  EXPECT_EQ(part_problems(s, schedule), (Lines{
                                            "/days_after_period_end: 367 is out of range 0..366",
                                            "/first: period 2020Q1 is not a month period",
                                        }));
  s = to_json(merge_plan().schedule);
  s["first"] = "202012";
  s["last"] = "202001";
  EXPECT_EQ(part_problems(s, schedule),
            Lines{"/last: last period 202001 is before first period 202012"});
  s = to_json(merge_plan().schedule);
  s["period_type"] = "week";
  EXPECT_EQ(part_problems(s, schedule),
            Lines{"/period_type: unknown period type \"week\"; expected one of month, quarter, "
                  "six_month, year"});
}

TEST(ProgressPartsJson, MalformedReportPartsWithPointers) {
  const auto value = [](const Json& j) { return indicator_value_from_json(j); };
  EXPECT_EQ(part_problems(Json{{"indicator", "dialogues"}, {"value", nullptr}}, value),
            Lines{"/value: expected a number, a boolean, a text or {\"numerator\", "
                  "\"denominator\"}, got null"});
  EXPECT_EQ(
      part_problems(Json{{"indicator", "x"}, {"value", Json{{"numerator", 1}}}, {"n", 1}}, value),
      (Lines{
          "/value: missing required key \"denominator\"",
          "/n: unknown key \"n\"",
      }));
  EXPECT_EQ(part_problems(Json{{"value", 1}}, value),
            Lines{": missing required key \"indicator\""});
  // Which kind of value an indicator takes is the plan's business.
  EXPECT_EQ(indicator_value_from_json(Json{{"indicator", "dialogues"}, {"value", true}}).value,
            (std::variant<double, Fraction, bool, std::string>{true}));

  const auto activity = [](const Json& j) { return activity_report_from_json(j); };
  EXPECT_EQ(part_problems(
                Json{{"activity", "hoi-nghi"}, {"status", "finished"}, {"completed", "31/05/2020"}},
                activity),
            (Lines{
                "/status: unknown activity status \"finished\"; expected one of not_started, "
                "in_progress, done, overdue",
                "/completed: expected an ISO date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", got "
                "\"31/05/2020\"",
            }));

  const auto report = [](const Json& j) { return report_from_json(j); };
  Json r = to_json(merge_reports().reports[0]);
  r["submitted"] = "2020-02-30";
  r["values"][1] = 3;
  r["activities"] = Json::array({Json{{"activity", "hoi-nghi"}, {"status", "done"}}});
  r["narrative"] = "";
  EXPECT_EQ(part_problems(r, report),
            (Lines{
                "/submitted: invalid date \"2020-02-30\": day 30 does not exist in 02/2020",
                "/values/1: expected an object, got an integer",
                "/narrative: must not be empty",
            }));
  EXPECT_EQ(part_problems(Json("report"), report), Lines{": expected an object, got a string"});
  // Checks against a plan are for the documents: an unknown indicator reads on its own.
  r = to_json(merge_reports().reports[0]);
  r["values"][0]["indicator"] = "khong-co";
  EXPECT_EQ(report_from_json(r).values[0].indicator_id, "khong-co");
}

}  // namespace
}  // namespace danvan
