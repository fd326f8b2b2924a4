// Progress plans and report batches that name units by official code (issue 17 point 4):
// "code:66" where a unit id goes (version 3 of danvan/progress, version 2 of danvan/reports),
// resolved against the national register (data/units/national/units.json) on the days of what
// names it: the schedule for the scope, an activity's start to due, a target's or a report's
// period. Exact messages for ambiguous and unknown codes and for a document read without a
// register; what is written reads back without the register.
#include "danvan/json/plan.hpp"
#include "danvan/json/progress.hpp"
#include "danvan/unit_register.hpp"

#include "units_by_code_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <string>

using namespace danvan;
using danvan::testing::national;
using danvan::testing::problems_of;

namespace {

/// A quarterly plan of the merged Tỉnh Đắk Lắk (code 66 from 01/07/2025; the Đắk Lắk before
/// it had code 66 too) with an activity of Phường Tuy Hòa (code 22015 from 01/07/2025; Phường
/// 1 of Tuy Hòa had it until 31/10/2024).
std::string plan_doc(const std::string& scope = "code:66", const std::string& first = "2025Q3",
                     const std::string& last = "2026Q2", const std::string& target = "code:66",
                     const std::string& units = "[]", int version = 3) {
  const std::string type = first.size() == 4 ? "year" : "quarter";
  return R"({"schema": "danvan/progress", "version": )" + std::to_string(version) +
         R"(, "plan": "p", "sample": true, "note": null,
    "schedule": {"period_type": ")" +
         type + R"(", "first": ")" + first + R"(", "last": ")" + last +
         R"(", "days_after_period_end": 10},
    "scope": [")" +
         scope + R"("],
    "activities": [{"id": "a", "name": "Hội nghị", "task_area": 1,
      "responsible_units": ["code:66"], "participating_units": ["code:22015"],
      "start": "2025-08-01", "due": "2025-12-31"}],
    "indicators": [{"id": "i", "name": "Số mô hình", "task_area": 1, "measure": "count",
      "direction": "ascending", "baseline": null, "baseline_period": null, "over_time": "sum",
      "over_units": "sum", "targets": [{"unit": ")" +
         target + R"(", "period": "2025Q4", "value": 5}]}],
    "rules": [], "units": )" +
         units + "}";
}

std::string reports_doc(const std::string& unit, const std::string& period, int version = 2) {
  return R"({"schema": "danvan/reports", "version": )" + std::to_string(version) +
         R"(, "plan": "p", "sample": true, "note": null, "reports": [{"unit": ")" + unit +
         R"(", "period": ")" + period +
         R"(", "submitted": "2025-10-05", "values": [{"indicator": "i", "value": 2}],
         "activities": [], "narrative": null}]})";
}

}  // namespace

TEST(ProgressUnitsByCode, CodesResolveOnTheDaysOfWhatNamesThem) {
  const ProgressPlan plan = progress_plan_from_json(parse_json(plan_doc()), national());
  EXPECT_EQ(plan.scope_unit_ids, std::vector<std::string>{"p66-20250701"});
  EXPECT_EQ(plan.activities[0].responsible_unit_ids, std::vector<std::string>{"p66-20250701"});
  EXPECT_EQ(plan.activities[0].participating_unit_ids, std::vector<std::string>{"c22015-20250701"});
  EXPECT_EQ(plan.indicators[0].targets[0].unit_id, "p66-20250701");
  // The units named came with their ancestors and the units linked to them by succession.
  EXPECT_EQ(plan.units.find("c22015-20250701")->name, "Phường Tuy Hòa");
  EXPECT_EQ(plan.units.find("c22015-20250701")->parent_id, "p66-20250701");
  EXPECT_EQ(plan.units.find("p54")->name, "Tỉnh Phú Yên");
  EXPECT_NE(plan.units.find("c22015"), nullptr);  // Phường 1, through Phường 1 of 11/2024

  const ReportBatch batch =
      report_batch_from_json(parse_json(reports_doc("code:66", "2025Q3")), plan, national());
  EXPECT_EQ(batch.reports[0].unit_id, "p66-20250701");
}

TEST(ProgressUnitsByCode, WhatIsWrittenReadsBackWithoutTheRegister) {
  const ProgressPlan plan = progress_plan_from_json(parse_json(plan_doc()), national());
  const Json written = to_json(plan);
  EXPECT_EQ(written["version"], 3);
  EXPECT_EQ(written["scope"], Json::array({"p66-20250701"}));
  EXPECT_EQ(written["units"].size(), plan.units.size());
  EXPECT_EQ(progress_plan_from_json(written), plan);
  const ReportBatch batch =
      report_batch_from_json(parse_json(reports_doc("code:66", "2025Q3")), plan, national());
  const Json batch_written = to_json(batch);
  EXPECT_EQ(batch_written["version"], 2);
  EXPECT_EQ(batch_written["reports"][0]["unit"], "p66-20250701");
  EXPECT_EQ(report_batch_from_json(batch_written, plan), batch);
}

TEST(ProgressUnitsByCode, ACodeSeveralUnitsCarriedDuringTheDaysIsRefused) {
  // Both Đắk Lắk provinces carried 66 in 2025: the scope of a 2025 schedule cannot name either.
  EXPECT_EQ(problems_of([] {
              (void)progress_plan_from_json(parse_json(plan_doc("code:66", "2025", "2025")),
                                            national());
            }),
            "/scope/0: the official code \"66\" names 2 units in 2025 (\"p66\", "
            "\"p66-20250701\"): name the unit by its id\n");
  EXPECT_EQ(problems_of([] {
              (void)progress_plan_from_json(parse_json(plan_doc("code:66", "2025Q2", "2025Q3")),
                                            national());
            }),
            "/scope/0: the official code \"66\" names 2 units in 2025Q2..2025Q3 (\"p66\", "
            "\"p66-20250701\"): name the unit by its id\n");
  const ProgressPlan plan =
      progress_plan_from_json(parse_json(plan_doc("p66", "2025", "2025")), national());
  EXPECT_EQ(problems_of([&] {
              (void)report_batch_from_json(parse_json(reports_doc("code:66", "2025")), plan,
                                           national());
            }),
            "/reports/0/unit: the official code \"66\" names 2 units in 2025 (\"p66\", "
            "\"p66-20250701\"): name the unit by its id\n");
}

TEST(ProgressUnitsByCode, UnknownCodesAndEmbeddedClashesAreNamed) {
  EXPECT_EQ(problems_of([] {
              (void)progress_plan_from_json(
                  parse_json(plan_doc("code:66", "2025Q3", "2026Q2", "code:99999")), national());
            }),
            "/indicators/0/targets/0/unit: no unit of the register has the official code "
            "\"99999\" in 2025Q4\n");
  // No unit of the register has code 22015 from 01/11/2024 to 30/06/2025 (the Phường 1 of
  // 01/11/2024, 1200/NQ-UBTVQH15, has no code recorded).
  const ProgressPlan plan = progress_plan_from_json(parse_json(plan_doc()), national());
  EXPECT_EQ(problems_of([&] {
              (void)report_batch_from_json(parse_json(reports_doc("code:22015", "2025Q1")), plan,
                                           national());
            }),
            "/reports/0/unit: no unit of the register has the official code \"22015\" in "
            "2025Q1\n");
  const std::string p66 =
      R"([{"id": "p66", "name": "Tỉnh Đắk Lắk", "kind": "administrative_unit",
          "level": "province", "parent": null, "code": null, "valid_from": null,
          "valid_to": null, "predecessors": [], "successors": []}])";
  EXPECT_EQ(problems_of([&] {
              (void)progress_plan_from_json(
                  parse_json(plan_doc("code:66", "2025Q3", "2026Q2", "code:66", p66)), national());
            }),
            "/units: unit \"p66\" is embedded and is also a unit of the register that the plan "
            "names by official code: give it another id\n");
}

TEST(ProgressUnitsByCode, WithoutARegisterOrBeforeVersion3CodesAreRefused) {
  const std::string no_register =
      "\"code:66\" names a unit by its official code: read the progress plan with a unit "
      "register (the national register) to resolve it\n";
  EXPECT_EQ(problems_of([] { (void)progress_plan_from_json(parse_json(plan_doc())); }),
            "/scope/0: " + no_register + "/activities/0/responsible_units/0: " + no_register +
                "/activities/0/participating_units/0: \"code:22015\" names a unit by its "
                "official code: read the progress plan with a unit register (the national "
                "register) to resolve it\n/indicators/0/targets/0/unit: " +
                no_register);
  const ProgressPlan plan = progress_plan_from_json(parse_json(plan_doc()), national());
  EXPECT_EQ(problems_of([&] {
              (void)report_batch_from_json(parse_json(reports_doc("code:66", "2025Q3")), plan);
            }),
            "/reports/0/unit: \"code:66\" names a unit by its official code: read the reports "
            "with a unit register (the national register) to resolve it\n");
  // Version 2 progress plans and version 1 report batches name units by id only.
  const std::string invalid_id =
      "invalid id \"code:66\": ids are 1..100 characters of a-z, 0-9 and '-', not starting "
      "with '-'\n";
  EXPECT_EQ(
      problems_of([] {
        (void)progress_plan_from_json(
            parse_json(plan_doc("code:66", "2025Q3", "2026Q2", "p66", "[]", 2)), national());
      }),
      "/scope/0: " + invalid_id + "/activities/0/responsible_units/0: " + invalid_id +
          "/activities/0/participating_units/0: invalid id \"code:22015\": ids are 1..100 "
          "characters of a-z, 0-9 and '-', not starting with '-'\n/indicators/0/targets/0/unit: "
          "unknown unit \"p66\"\n");
  EXPECT_EQ(problems_of([&] {
              (void)report_batch_from_json(parse_json(reports_doc("code:66", "2025Q3", 1)), plan,
                                           national());
            }),
            "/reports/0/unit: " + invalid_id);
}

TEST(ProgressUnitsByCode, AUnitNamedByCodeAndByIdInOneListIsNamedTwice) {
  // In 2025Q3..2026Q2 "code:66" is p66-20250701: the scope would list it twice once resolved.
  EXPECT_EQ(problems_of([] {
              (void)progress_plan_from_json(parse_json(plan_doc(R"(code:66", "p66-20250701)")),
                                            national());
            }),
            "/scope/1: \"p66-20250701\" names unit \"p66-20250701\", named already at /scope/0\n");
}
