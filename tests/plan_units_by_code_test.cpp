// Plan documents that name units by official code (issue 17 point 4): "code:66" in a task
// area's "lead_units" and "participating_units" and a duty's "unit_id" (version 3 of
// danvan/plan), resolved against the national register (data/units/national/units.json) on the
// plan's days: its period, an open start from the issue date, no period the issue date. Exact
// messages for ambiguous, unknown, out-of-period and malformed codes and for a document read
// without a register; what is written reads back without the register.
#include "danvan/json/plan.hpp"
#include "danvan/unit_register.hpp"

#include "units_by_code_fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace danvan;
using danvan::testing::national;
using danvan::testing::problems_of;

namespace {

/// A plan of the merged Tỉnh Đắk Lắk (code 66 from 01/07/2025; the Đắk Lắk before it had 66
/// too) whose task area is led by `lead` with the embedded unit "u", and whose duty is
/// `duty` (Phường Tuy Hòa: code 22015 from 01/07/2025; Phường 1 of Tuy Hòa had it until
/// 31/10/2024). `period`: the JSON of "period"; `issued`: of "issue_date".
std::string plan_doc(const std::string& lead = "code:66", const std::string& duty = "code:22015",
                     const std::string& period = R"({"from": "2026", "to": "2030", "text": ""})",
                     const std::string& issued = "null", int version = 3,
                     const std::string& unit_id = "u") {
  return R"({"schema": "danvan/plan", "version": )" + std::to_string(version) +
         R"(, "id": "p", "title": "Kế hoạch", "issuer": "ubnd", "symbol": null,
    "issue_date": )" +
         issued + R"(, "document_type": "plan", "place": null, "issuer_header": [],
    "period": )" +
         period + R"(, "scope": [], "purposes": [], "requirements": [], "targets": [],
    "milestones": [], "legal_bases": [],
    "task_areas": [{"number": 1, "label": "1.", "text": "one", "details": [], "citations": [],
                    "lead_units": [")" +
         lead + R"("], "participating_units": [")" + unit_id + R"("]}],
    "duties": [{"unit": "Phường Tuy Hòa", "unit_id": ")" +
         duty + R"(", "role": "coordinate", "text": "phối hợp"}],
    "funding": [], "reporting": [], "signature": null, "recipients": [], "annexes": [],
    "outline": [], "source": null,
    "issuers": [{"id": "ubnd", "name": "UBND tỉnh", "code": "UBND", "parent": null,
                 "valid_from": null, "valid_to": null, "successors": []}],
    "instruments": [],
    "units": [{"id": "u", "name": "Sở Nội vụ", "kind": "administrative_agency",
               "level": "province", "parent": null, "valid_from": null, "valid_to": null,
               "predecessors": [], "successors": []}]})";
}

std::string period(const std::string& from, const std::string& to) {
  const auto bound = [](const std::string& b) { return b.empty() ? "null" : "\"" + b + "\""; };
  return R"({"from": )" + bound(from) + R"(, "to": )" + bound(to) + R"(, "text": ""})";
}

}  // namespace

TEST(PlanUnitsByCode, CodesResolveInThePlansPeriod) {
  const Plan plan = plan_from_json(parse_json(plan_doc()), national());
  EXPECT_EQ(plan.task_areas[0].lead_unit_ids, std::vector<std::string>{"p66-20250701"});
  EXPECT_EQ(plan.task_areas[0].participating_unit_ids, std::vector<std::string>{"u"});
  EXPECT_EQ(plan.duties[0].unit_id, "c22015-20250701");
  EXPECT_NO_THROW(plan.validate());
  // The embedded unit first, then the units named with their ancestors and successions.
  EXPECT_EQ(plan.units.units().front().id, "u");
  EXPECT_EQ(plan.units.find("c22015-20250701")->name, "Phường Tuy Hòa");
  EXPECT_EQ(plan.units.find("c22015-20250701")->parent_id, "p66-20250701");
  EXPECT_EQ(plan.units.find("p54")->name, "Tỉnh Phú Yên");
  EXPECT_NE(plan.units.find("c22015"), nullptr);  // Phường 1, through Phường 1 of 11/2024

  // An open start ("đến năm 2025") runs from the issue date (after the merger, so one 66);
  // without an issue date it is its last bound alone (two 66s in 2025: see below).
  const std::string until_2025 = plan_doc("code:66", "u", period("", "2025"), "\"2025-08-01\"");
  EXPECT_EQ(plan_from_json(parse_json(until_2025), national()).task_areas[0].lead_unit_ids,
            std::vector<std::string>{"p66-20250701"});
  const std::string no_period = plan_doc("u", "code:22015", "null", "\"2025-08-01\"");
  EXPECT_EQ(plan_from_json(parse_json(no_period), national()).duties[0].unit_id, "c22015-20250701");
  // In 2020, 66 was the Đắk Lắk before the merger.
  const std::string in_2020 = plan_doc("code:66", "u", period("2020", "2020"));
  EXPECT_EQ(plan_from_json(parse_json(in_2020), national()).task_areas[0].lead_unit_ids,
            std::vector<std::string>{"p66"});
}

TEST(PlanUnitsByCode, WhatIsWrittenReadsBackWithoutTheRegister) {
  const Plan plan = plan_from_json(parse_json(plan_doc()), national());
  const Json written = to_json(plan);
  EXPECT_EQ(written["version"], 3);
  EXPECT_EQ(written["task_areas"][0]["lead_units"], Json::array({"p66-20250701"}));
  EXPECT_EQ(written["duties"][0]["unit_id"], "c22015-20250701");
  EXPECT_EQ(written["units"].size(), plan.units.size());
  EXPECT_EQ(plan_from_json(written), plan);
  EXPECT_EQ(plan_from_json(parse_json(to_document_text(written))), plan);
  // A version 3 plan naming units by id reads as before, with or without a register.
  EXPECT_EQ(plan_from_json(written, national()), plan);
}

TEST(PlanUnitsByCode, ACodeSeveralUnitsCarriedInThePeriodIsRefused) {
  EXPECT_EQ(problems_of([] {
              (void)plan_from_json(parse_json(plan_doc("code:66", "u", period("2025", "2025"))),
                                   national());
            }),
            "/task_areas/0/lead_units/0: the official code \"66\" names 2 units in 2025 "
            "(\"p66\", \"p66-20250701\"): name the unit by its id\n");
  EXPECT_EQ(problems_of([] {
              (void)plan_from_json(parse_json(plan_doc("code:66", "u", period("2021", "2025"))),
                                   national());
            }),
            "/task_areas/0/lead_units/0: the official code \"66\" names 2 units in 2021..2025 "
            "(\"p66\", \"p66-20250701\"): name the unit by its id\n");
  EXPECT_EQ(problems_of([] {
              (void)plan_from_json(parse_json(plan_doc("code:66", "u", period("", "2025"))),
                                   national());
            }),
            "/task_areas/0/lead_units/0: the official code \"66\" names 2 units in 2025 "
            "(\"p66\", \"p66-20250701\"): name the unit by its id\n");
}

TEST(PlanUnitsByCode, UnknownCodesCodesOutsideThePeriodAndMalformedOnesAreNamed) {
  EXPECT_EQ(problems_of(
                [] { (void)plan_from_json(parse_json(plan_doc("code:99999", "u")), national()); }),
            "/task_areas/0/lead_units/0: no unit of the register has the official code "
            "\"99999\" in 2026..2030\n");
  // 22015: Phường 1 of Tuy Hòa until 31/10/2024, Phường Tuy Hòa from 01/07/2025, none between.
  EXPECT_EQ(problems_of([] {
              (void)plan_from_json(
                  parse_json(plan_doc("u", "code:22015", period("2025-01", "2025-06"))),
                  national());
            }),
            "/duties/0/unit_id: no unit of the register has the official code \"22015\" in "
            "2025-01..2025-06\n");
  EXPECT_EQ(problems_of(
                [] { (void)plan_from_json(parse_json(plan_doc("code:6a", "code:")), national()); }),
            "/duties/0/unit_id: invalid official code \"\": a unit named by code is \"code:\" "
            "and 1..10 digits\n/task_areas/0/lead_units/0: invalid official code \"6a\": a unit "
            "named by code is \"code:\" and 1..10 digits\n");
  EXPECT_EQ(problems_of([] {
              (void)plan_from_json(parse_json(plan_doc("code:66", "u", "null")), national());
            }),
            "/task_areas/0/lead_units/0: \"code:66\" names a unit by its official code, but the "
            "plan has neither a period nor an issue date to resolve it on: name the unit by its "
            "id\n");
  // The ids beside the codes are checked against the plan's units once the codes are resolved.
  EXPECT_EQ(problems_of([] {
              (void)plan_from_json(
                  parse_json(plan_doc("code:66", "u", period("2026", "2030"), "null", 3, "x")),
                  national());
            }),
            "/task_areas/0/participating_units/0: unknown unit \"x\"\n");
}

TEST(PlanUnitsByCode, AnEmbeddedUnitWithARegisterUnitsIdIsRefused) {
  std::string doc = plan_doc();
  const std::string embedded = R"("units": [{"id": "u")";
  doc.replace(doc.find(embedded), embedded.size(), R"("units": [{"id": "p66")");
  EXPECT_EQ(problems_of([&] { (void)plan_from_json(parse_json(doc), national()); }),
            "/units: unit \"p66\" is embedded and is also a unit of the register that the plan "
            "names by official code: give it another id\n");
}

TEST(PlanUnitsByCode, WithoutARegisterOrBeforeVersion3CodesAreRefused) {
  EXPECT_EQ(problems_of([] { (void)plan_from_json(parse_json(plan_doc())); }),
            "/duties/0/unit_id: \"code:22015\" names a unit by its official code: read the plan "
            "with a unit register (the national register) to resolve it\n"
            "/task_areas/0/lead_units/0: \"code:66\" names a unit by its official code: read "
            "the plan with a unit register (the national register) to resolve it\n");
  EXPECT_EQ(problems_of([] {
              (void)plan_from_json(
                  parse_json(plan_doc("code:66", "u", period("2026", "2030"), "null", 2)),
                  national());
            }),
            "/task_areas/0/lead_units/0: invalid id \"code:66\": ids are 1..100 characters of "
            "a-z, 0-9 and '-', not starting with '-'\n");
  EXPECT_EQ(problems_of([] {
              (void)plan_from_json(
                  parse_json(plan_doc("u", "u", period("2026", "2030"), "null", 4)), national());
            }),
            "/version: unsupported version 4 of danvan/plan; this library reads versions 1 to "
            "3\n");
}

TEST(PlanUnitsByCode, AUnitNamedByCodeAndByIdInOneListIsNamedTwice) {
  // "code:66" in 2026..2030 is p66-20250701: listing both would be written as the same id twice,
  // a text the plain reader refuses.
  EXPECT_EQ(problems_of([] {
              (void)plan_from_json(parse_json(plan_doc(R"(code:66", "p66-20250701)")), national());
            }),
            "/task_areas/0/lead_units/1: \"p66-20250701\" names unit \"p66-20250701\", named "
            "already at /task_areas/0/lead_units/0\n");
  EXPECT_EQ(problems_of([] {
              (void)plan_from_json(parse_json(plan_doc(R"(p66-20250701", "code:66)")), national());
            }),
            "/task_areas/0/lead_units/1: \"code:66\" names unit \"p66-20250701\", named already "
            "at /task_areas/0/lead_units/0\n");
}
