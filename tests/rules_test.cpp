// Validation rules of reports (danvan/rules.hpp): operators, sides over the same report, the
// previous period and the children, missing values, approval, and the rules in JSON.
#include "danvan/rules.hpp"
#include "danvan/json/progress.hpp"
#include "danvan/workflow.hpp"

#include "progress_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace danvan {
namespace {

using testing::day;
using testing::make_indicator;
using testing::make_unit;
using Lines = std::vector<std::string>;

/// huyen > {xa-1, xa-2, xa-a (until 31/01/2020), xa-moi (from 01/02/2020, xa-a renamed)};
/// monthly 202001..202003; every unit in scope.
ProgressPlan rules_plan() {
  ProgressPlan p;
  p.plan_id = "ke-hoach-thu";
  p.schedule.period_type = PeriodType::month;
  p.schedule.first = Period(PeriodType::month, 2020, 1);
  p.schedule.last = Period(PeriodType::month, 2020, 3);
  p.schedule.days_after_period_end = 5;
  std::vector<Unit> units;
  const Date end = day(2025, 6, 30);  // the district level ended then
  units.push_back(
      make_unit("huyen", "Huyện Thử", Level::district, std::nullopt, std::nullopt, end));
  units.push_back(make_unit("xa-1", "Xã Một", Level::commune, "huyen", std::nullopt, end));
  units.push_back(make_unit("xa-2", "Xã Hai", Level::commune, "huyen", std::nullopt, end));
  auto xa = make_unit("xa-a", "Xã A", Level::commune, "huyen", std::nullopt, day(2020, 1, 31));
  auto xm = make_unit("xa-moi", "Xã Mới", Level::commune, "huyen", day(2020, 2, 1), end);
  xa.successor_ids = {"xa-moi"};
  xm.predecessor_ids = {"xa-a"};
  units.push_back(xa);
  units.push_back(xm);
  p.units = UnitHierarchy(units);
  p.scope_unit_ids = {"huyen", "xa-1", "xa-2", "xa-a", "xa-moi"};
  p.indicators.push_back(make_indicator("received", Measure::count, Direction::descending,
                                        TimeAggregation::sum, UnitAggregation::sum));
  p.indicators.push_back(make_indicator("outstanding", Measure::count, Direction::descending,
                                        TimeAggregation::last, UnitAggregation::sum));
  p.indicators.push_back(make_indicator("resolved", Measure::percentage, Direction::ascending,
                                        TimeAggregation::sum, UnitAggregation::sum));
  p.indicators.push_back(make_indicator("has-plan", Measure::yes_no, Direction::ascending,
                                        TimeAggregation::last, UnitAggregation::sum));
  p.indicators.push_back(make_indicator("notes", Measure::qualitative, Direction::ascending,
                                        TimeAggregation::last, UnitAggregation::sum));
  return p;
}

RuleTerm term(std::string id, ValuePart part = ValuePart::value,
              TermSource source = TermSource::same, double factor = 1) {
  RuleTerm t;
  t.indicator_id = std::move(id);
  t.part = part;
  t.source = source;
  t.factor = factor;
  return t;
}

RuleTerm constant(double c) {
  RuleTerm t;
  t.constant = c;
  return t;
}

ValidationRule rule(std::string id, std::vector<RuleTerm> left, RuleOperator op,
                    std::vector<RuleTerm> right, RuleImportance importance = RuleImportance::error,
                    std::string message = "Thông điệp") {
  ValidationRule r;
  r.id = std::move(id);
  r.message = std::move(message);
  r.left = std::move(left);
  r.op = op;
  r.right = std::move(right);
  r.importance = importance;
  return r;
}

IndicatorValue n(std::string id, double v) { return IndicatorValue{std::move(id), v}; }
IndicatorValue f(std::string id, double num, double den) {
  return IndicatorValue{std::move(id), Fraction{num, den}};
}
IndicatorValue yes_no(std::string id, bool v) { return IndicatorValue{std::move(id), v}; }

/// A report submitted two days after the month.
Report rep(std::string unit, int month, std::vector<IndicatorValue> values) {
  Report r;
  r.unit_id = std::move(unit);
  r.period = Period(PeriodType::month, 2020, month);
  r.submitted = r.period.end() + boost::gregorian::days(2);
  r.values = std::move(values);
  return r;
}

ReportBatch batch_of(std::vector<Report> reports) {
  ReportBatch b;
  b.plan_id = "ke-hoach-thu";
  b.reports = std::move(reports);
  return b;
}

Lines described(const std::vector<RuleResult>& results) {
  Lines out;
  for (const auto& r : results) out.push_back(describe_rule_result(r));
  return out;
}

TEST(Rules, EveryOperatorBelowEqualAndAbove) {
  struct Row {
    RuleOperator op;
    bool below, equal, above;  // left 1, 2, 3 against right 2
  };
  const Row rows[] = {
      {RuleOperator::less_or_equal, true, true, false},
      {RuleOperator::less, true, false, false},
      {RuleOperator::equal, false, true, false},
      {RuleOperator::greater_or_equal, false, true, true},
      {RuleOperator::greater, false, false, true},
      {RuleOperator::not_equal, true, false, true},
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(to_string(r.op)));
    EXPECT_EQ(rule_holds(r.op, 1, 2), r.below);
    EXPECT_EQ(rule_holds(r.op, 2, 2), r.equal);
    EXPECT_EQ(rule_holds(r.op, 3, 2), r.above);
    // Sums of decimals are equal within the tolerance: 0.1 + 0.2 = 0.3.
    EXPECT_EQ(rule_holds(r.op, 0.1 + 0.2, 0.3), r.equal);
  }
  EXPECT_FALSE(rule_holds(RuleOperator::equal, 1e6, 1e6 + 1));
}

TEST(Rules, NamesAndParsers) {
  for (const auto* name : {"<=", "<", "=", ">=", ">", "!="}) {
    EXPECT_EQ(to_string(parse_rule_operator(name)), name);
  }
  EXPECT_EQ(parse_rule_operator("≤"), RuleOperator::less_or_equal);
  EXPECT_EQ(parse_rule_operator("≥"), RuleOperator::greater_or_equal);
  EXPECT_EQ(parse_rule_operator("≠"), RuleOperator::not_equal);
  EXPECT_EQ(to_string(parse_rule_importance("warning")), "warning");
  EXPECT_EQ(vietnamese_name(RuleImportance::error), "lỗi");
  EXPECT_EQ(vietnamese_name(RuleImportance::warning), "cảnh báo");
  EXPECT_EQ(to_string(parse_value_part("denominator")), "denominator");
  EXPECT_EQ(to_string(parse_term_source("children")), "children");
  EXPECT_EQ(to_string(RuleOutcome::not_evaluated), "not_evaluated");
  try {
    (void)parse_rule_operator("=<");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "unknown operator \"=<\"; expected one of <=, <, =, >=, >, !=");
  }
  try {
    (void)parse_rule_importance("fatal");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "unknown importance \"fatal\"; expected one of error, warning");
  }
}

TEST(Rules, SameReportSumsPartsAndConstants) {
  auto plan = rules_plan();
  // Resolved (the denominator) cannot exceed what was received plus what was outstanding.
  plan.rules.push_back(rule("den", {term("resolved", ValuePart::denominator)},
                            RuleOperator::less_or_equal, {term("received"), term("outstanding")}));
  // The on-time rate (a percentage's value) should be at least 50.
  plan.rules.push_back(rule("pct", {term("resolved")}, RuleOperator::greater_or_equal,
                            {constant(50)}, RuleImportance::warning));
  // A yes/no reads 1 or 0.
  plan.rules.push_back(
      rule("plan", {term("has-plan")}, RuleOperator::equal, {constant(1)}, RuleImportance::error));
  plan.validate();
  const auto batch = batch_of({
      rep("xa-1", 1,
          {n("received", 5), n("outstanding", 3), f("resolved", 6, 9), yes_no("has-plan", true)}),
      rep("xa-2", 1,
          {n("received", 5), n("outstanding", 3), f("resolved", 8, 8), yes_no("has-plan", false)}),
      rep("xa-1", 2,
          {n("received", 5), n("outstanding", 0), f("resolved", 1, 4), yes_no("has-plan", true)}),
  });
  const RuleCheck check = check_rules(plan, batch);
  EXPECT_EQ(check.evaluated, 9u);
  EXPECT_TRUE(check.not_evaluated.empty());
  EXPECT_EQ(described(check.violations),
            (Lines{
                "xa-1 202001: lỗi \"den\" (Thông điệp): 9 <= 8 không thỏa",
                "xa-2 202001: lỗi \"plan\" (Thông điệp): 0 = 1 không thỏa",
                "xa-1 202002: cảnh báo \"pct\" (Thông điệp): 25 >= 50 không thỏa",
            }));
  ASSERT_EQ(check.violations.size(), 3u);
  EXPECT_EQ(check.violations[0].left, 9.0);
  EXPECT_EQ(check.violations[0].right, 8.0);
  EXPECT_EQ(check.violations[0].outcome, RuleOutcome::violated);
  EXPECT_EQ(check.violations[0].unit_id, "xa-1");
  EXPECT_EQ(check.violations[0].period, Period(PeriodType::month, 2020, 1));
  EXPECT_EQ(check.errors(), 2u);
  EXPECT_EQ(check.warnings(), 1u);
}

TEST(Rules, FactorsSubtract) {
  auto plan = rules_plan();
  plan.rules.push_back(
      rule("diff", {term("received"), term("outstanding", ValuePart::value, TermSource::same, -2)},
           RuleOperator::greater, {constant(0)}));
  const auto batch = batch_of({rep("xa-1", 1, {n("received", 5), n("outstanding", 3)})});
  EXPECT_EQ(described(check_rules(plan, batch).violations),
            (Lines{"xa-1 202001: lỗi \"diff\" (Thông điệp): -1 > 0 không thỏa"}));
}

TEST(Rules, MissingValuesAreNotEvaluatedNeverZero) {
  auto plan = rules_plan();
  // Both would be decided if a missing value were read as 0 ("<= 0" holds, "> 0" fails).
  plan.rules.push_back(
      rule("le", {term("outstanding")}, RuleOperator::less_or_equal, {constant(0)}));
  plan.rules.push_back(rule("gt", {term("outstanding")}, RuleOperator::greater, {constant(0)}));
  // A percentage of 0/0 has no value, but its parts have.
  plan.rules.push_back(rule("rate", {term("resolved")}, RuleOperator::greater, {constant(0)}));
  plan.rules.push_back(rule("parts", {term("resolved", ValuePart::numerator)},
                            RuleOperator::less_or_equal,
                            {term("resolved", ValuePart::denominator)}));
  const auto batch = batch_of({rep("xa-1", 1, {n("received", 5), f("resolved", 0, 0)})});
  const RuleCheck check = check_rules(plan, batch);
  EXPECT_TRUE(check.violations.empty());
  EXPECT_EQ(check.evaluated, 1u);  // "parts": 0 <= 0
  EXPECT_EQ(described(check.not_evaluated),
            (Lines{
                "xa-1 202001: lỗi \"le\" (Thông điệp): không kiểm tra được: no value of "
                "\"outstanding\" in the report of xa-1 for 202001",
                "xa-1 202001: lỗi \"gt\" (Thông điệp): không kiểm tra được: no value of "
                "\"outstanding\" in the report of xa-1 for 202001",
                "xa-1 202001: lỗi \"rate\" (Thông điệp): không kiểm tra được: resolved of xa-1 "
                "for 202001 is 0/0",
            }));
  ASSERT_EQ(check.not_evaluated.size(), 3u);
  EXPECT_EQ(check.not_evaluated[0].outcome, RuleOutcome::not_evaluated);
  EXPECT_FALSE(check.not_evaluated[0].left.has_value());
  EXPECT_EQ(check.not_evaluated[0].right, 0.0);  // the known side is kept
}

TEST(Rules, PreviousPeriodStock) {
  auto plan = rules_plan();
  // outstanding = previous outstanding + received - resolved
  plan.rules.push_back(
      rule("stock", {term("outstanding")}, RuleOperator::equal,
           {term("outstanding", ValuePart::value, TermSource::previous), term("received"),
            term("resolved", ValuePart::denominator, TermSource::same, -1)},
           RuleImportance::warning));
  plan.validate();
  const auto batch = batch_of({
      rep("xa-1", 1, {n("received", 2), n("outstanding", 3), f("resolved", 1, 1)}),
      rep("xa-1", 2, {n("received", 4), n("outstanding", 2), f("resolved", 5, 5)}),
      rep("xa-1", 3, {n("received", 1), n("outstanding", 9), f("resolved", 0, 0)}),
      rep("xa-2", 2, {n("received", 1), n("outstanding", 1), f("resolved", 0, 0)}),
      // xa-a became xa-moi on 01/02/2020: xa-moi's previous stock is xa-a's.
      rep("xa-a", 1, {n("received", 1), n("outstanding", 4), f("resolved", 0, 0)}),
      rep("xa-moi", 2, {n("received", 1), n("outstanding", 5), f("resolved", 0, 0)}),
  });
  const RuleCheck check = check_rules(plan, batch);
  EXPECT_EQ(described(check.violations),
            (Lines{"xa-1 202003: cảnh báo \"stock\" (Thông điệp): 9 = 3 không thỏa"}));
  EXPECT_EQ(check.evaluated, 3u);  // xa-1 202002 and xa-moi 202002 hold
  EXPECT_EQ(described(check.not_evaluated),
            (Lines{
                "xa-1 202001: cảnh báo \"stock\" (Thông điệp): không kiểm tra được: 202001 is "
                "the first period of the schedule",
                "xa-2 202002: cảnh báo \"stock\" (Thông điệp): không kiểm tra được: no report "
                "of xa-2 for 202001",
                "xa-a 202001: cảnh báo \"stock\" (Thông điệp): không kiểm tra được: 202001 is "
                "the first period of the schedule",
            }));

  // As of 10/02/2020 the February and March reports are not in yet.
  RuleQuery query;
  query.as_of = day(2020, 2, 10);
  const RuleCheck early = check_rules(plan, batch, query);
  EXPECT_EQ(early.evaluated, 0u);
  EXPECT_EQ(early.not_evaluated.size(), 2u);
  // Within one period, of one unit's subtree.
  query = RuleQuery{};
  query.within = Period(PeriodType::month, 2020, 3);
  query.unit_id = "xa-1";
  EXPECT_EQ(check_rules(plan, batch, query).violations.size(), 1u);
  query.unit_id = "xa-2";
  EXPECT_EQ(check_rules(plan, batch, query).violations.size(), 0u);
  query.unit_id = "xa-9";
  EXPECT_THROW((void)check_rules(plan, batch, query), ValueError);
}

TEST(Rules, ParentAgainstChildren) {
  auto plan = rules_plan();
  plan.rules.push_back(rule("own", {term("received")}, RuleOperator::less_or_equal,
                            {term("received", ValuePart::value, TermSource::children)},
                            RuleImportance::error, "Số của huyện không vượt tổng các xã"));
  const auto batch = batch_of({
      rep("huyen", 1, {n("received", 12)}),
      rep("xa-1", 1, {n("received", 5)}),
      rep("xa-2", 1, {n("received", 4)}),
      rep("xa-a", 1, {n("received", 2)}),
      // February: xa-a is gone, xa-moi is a child; xa-2 has not reported.
      rep("huyen", 2, {n("received", 3)}),
      rep("xa-1", 2, {n("received", 5)}),
      rep("xa-moi", 2, {n("received", 5)}),
  });
  const RuleCheck check = check_rules(plan, batch);
  EXPECT_EQ(described(check.violations),
            (Lines{"huyen 202001: lỗi \"own\" (Số của huyện không vượt tổng các xã): 12 <= 11 "
                   "không thỏa"}));
  EXPECT_EQ(check.evaluated, 1u);
  ASSERT_EQ(check.not_evaluated.size(), 6u);
  EXPECT_EQ(check.not_evaluated[0].missing, "xa-1 has no scope units below it");
  EXPECT_EQ(check.not_evaluated[3].missing, "no report of xa-2 for 202002");

  EXPECT_EQ(approval_problem(plan, batch, "huyen", Period(PeriodType::month, 2020, 1)),
            "report of huyen for 202001: cannot approve: it breaks the error rule \"own\" (Số của "
            "huyện không vượt tổng các xã): 12 <= 11 does not hold");
  EXPECT_EQ(approval_problem(plan, batch, "huyen", Period(PeriodType::month, 2020, 2)), "");
  EXPECT_EQ(approval_problem(plan, batch, "xa-1", Period(PeriodType::month, 2020, 1)), "");
  EXPECT_EQ(approval_problem(plan, batch, "xa-9", Period(PeriodType::month, 2020, 1)), "");
}

TEST(Rules, TheProgressSummaryChecksItsPeriodUnitsAndDay) {
  auto plan = rules_plan();
  const auto batch = batch_of({
      rep("xa-1", 1, {n("received", 5)}),
      rep("xa-1", 2, {n("received", 5)}),
      rep("xa-2", 2, {n("received", 6)}),
  });
  ProgressQuery query;
  query.period = Period(PeriodType::month, 2020, 2);
  query.as_of = day(2020, 12, 31);
  EXPECT_EQ(summarize_progress(plan, batch, query).rules, nullptr);  // no rules, no section
  plan.rules.push_back(rule("few", {term("received")}, RuleOperator::less, {constant(6)}));
  const auto all = summarize_progress(plan, batch, query);
  ASSERT_NE(all.rules, nullptr);
  EXPECT_EQ(described(all.rules->violations),
            (Lines{"xa-2 202002: lỗi \"few\" (Thông điệp): 6 < 6 không thỏa"}));
  EXPECT_EQ(all.rules->evaluated, 2u);
  query.unit_id = "xa-1";
  EXPECT_EQ(summarize_progress(plan, batch, query).rules->errors(), 0u);
  query.unit_id.reset();
  query.as_of = day(2020, 3, 1);  // the February reports are submitted on 02/03/2020
  EXPECT_EQ(summarize_progress(plan, batch, query).rules->evaluated, 0u);
}

TEST(Rules, WarningsNeverBlockApprovalAndErrorsAreCounted) {
  auto plan = rules_plan();
  plan.rules.push_back(
      rule("w", {term("received")}, RuleOperator::less, {constant(0)}, RuleImportance::warning));
  const auto batch = batch_of({rep("xa-1", 1, {n("received", 5)})});
  const Period jan(PeriodType::month, 2020, 1);
  EXPECT_EQ(check_report_rules(plan, batch, "xa-1", jan).warnings(), 1u);
  EXPECT_EQ(approval_problem(plan, batch, "xa-1", jan), "");
  plan.rules.push_back(rule("e1", {term("received")}, RuleOperator::less, {constant(1)}));
  plan.rules.push_back(rule("e2", {term("received")}, RuleOperator::less, {constant(2)}));
  plan.rules.push_back(rule("e3", {term("received")}, RuleOperator::less, {constant(3)}));
  EXPECT_EQ(approval_problem(plan, batch, "xa-1", jan),
            "report of xa-1 for 202001: cannot approve: it breaks the error rule \"e1\" (Thông "
            "điệp): 5 < 1 does not hold, and 2 more error rules");
}

TEST(Rules, TheWorkflowRefusesToApproveAReportBreakingAnErrorRule) {
  auto plan = rules_plan();
  plan.rules.push_back(rule("e1", {term("received")}, RuleOperator::less, {constant(1)}));
  plan.rules.push_back(
      rule("w", {term("received")}, RuleOperator::less, {constant(0)}, RuleImportance::warning));
  const Period jan(PeriodType::month, 2020, 1);
  const auto broken = batch_of({rep("xa-1", 1, {n("received", 5)})});
  Workflow w(plan.plan_id);
  w.apply(plan, broken,
          Transition{"xa-1", jan, WorkflowAction::submit, day(2020, 2, 2), "xa-1", std::nullopt,
                     std::nullopt});
  const Transition approve{
      "xa-1", jan, WorkflowAction::approve, day(2020, 2, 3), "huyen", std::nullopt, std::nullopt};
  const std::string expected =
      "report of xa-1 for 202001: cannot approve: it breaks the error rule \"e1\" (Thông điệp): 5 "
      "< 1 does not hold";
  EXPECT_EQ(w.check(plan, broken, approve), expected);
  EXPECT_EQ(w.check(plan, approve), "");  // without the batch the rules are not checked
  try {
    w.apply(plan, broken, approve);
    ADD_FAILURE() << "approved";
  } catch (const ValueError& e) {
    EXPECT_EQ(std::string(e.what()), expected);
  }
  EXPECT_EQ(w.size(), 1u);
  // Who may act and the sequence are checked first.
  Transition other = approve;
  other.actor_unit_id = "xa-2";
  EXPECT_EQ(w.check(plan, broken, other),
            "report of xa-1 for 202001: xa-2 cannot approve it: xa-1 is not its child (its parent "
            "on 2020-01-31 is huyen)");
  // Returning it is not refused by the rules; the corrected figures (the warning still broken)
  // are approved.
  Transition back = approve;
  back.action = WorkflowAction::return_to_unit;
  back.reason = "Số tiếp nhận sai";
  EXPECT_EQ(w.check(plan, broken, back), "");
  const auto fixed = batch_of({rep("xa-1", 1, {n("received", 0)})});
  EXPECT_EQ(check_report_rules(plan, fixed, "xa-1", jan).warnings(), 1u);
  w.apply(plan, fixed, approve);
  EXPECT_EQ(w.size(), 2u);
}

TEST(Rules, PlanValidationNamesTheRuleAndTerm) {
  const auto problem = [](ValidationRule r) -> std::string {
    auto plan = rules_plan();
    plan.rules.push_back(rule("ok", {term("received")}, RuleOperator::less, {constant(3)}));
    plan.rules.push_back(std::move(r));
    try {
      plan.validate();
    } catch (const ValueError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(problem(rule("r", {term("received")}, RuleOperator::less, {term("x")})),
            "rule \"r\" at /right/0/indicator: unknown indicator \"x\"");
  EXPECT_EQ(problem(rule("r", {term("notes")}, RuleOperator::less, {constant(1)})),
            "rule \"r\" at /left/0/indicator: indicator \"notes\" is qualitative: it has no "
            "number");
  EXPECT_EQ(problem(rule("r", {term("received", ValuePart::numerator)}, RuleOperator::less,
                         {constant(1)})),
            "rule \"r\" at /left/0/part: indicator \"received\" measures count: only a "
            "percentage has a numerator");
  EXPECT_EQ(problem(rule("r", {}, RuleOperator::less, {constant(1)})),
            "rule \"r\" at /left: a side needs at least one term");
  EXPECT_EQ(problem(rule("r", {term("received")}, RuleOperator::less, {constant(1e16)})),
            "rule \"r\" at /right/0/constant: number out of range -1e15..1e15");
  EXPECT_EQ(problem(rule("r", {term("received")}, RuleOperator::less, {constant(1)},
                         RuleImportance::error, "")),
            "rule \"r\" at /message: empty message");
  EXPECT_EQ(problem(rule("R R", {term("received")}, RuleOperator::less, {constant(1)})),
            "rule \"R R\" at /id: invalid id \"R R\"");
  EXPECT_EQ(problem(rule("ok", {term("received")}, RuleOperator::less, {constant(1)})),
            "duplicate rule id \"ok\"");
  EXPECT_EQ(problem(rule("r", {term("received")}, RuleOperator::less, {constant(1)})), "");
}

// ---------------------------------------------------------------------------------------------
// JSON

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

ProgressPlan plan_with_rules() {
  auto plan = rules_plan();
  plan.rules.push_back(
      rule("stock", {term("outstanding")}, RuleOperator::equal,
           {term("outstanding", ValuePart::value, TermSource::previous), term("received"),
            term("resolved", ValuePart::denominator, TermSource::same, -1)},
           RuleImportance::warning, "Tồn đọng cân đối"));
  plan.rules.push_back(rule("own", {term("received")}, RuleOperator::less_or_equal,
                            {term("received", ValuePart::value, TermSource::children)}));
  plan.rules.push_back(
      rule("rate", {term("resolved")}, RuleOperator::greater_or_equal, {constant(12.5)}));
  plan.validate();
  return plan;
}

TEST(RulesJson, CanonicalRoundTrip) {
  const auto plan = plan_with_rules();
  const Json doc = to_json(plan);
  EXPECT_EQ(doc["version"], 3);
  EXPECT_EQ(doc["rules"][0],
            parse_json(R"({"id": "stock", "importance": "warning", "message": "Tồn đọng cân đối",
              "left": [{"indicator": "outstanding", "part": "value", "source": "same",
                        "factor": 1}],
              "operator": "=",
              "right": [{"indicator": "outstanding", "part": "value", "source": "previous",
                         "factor": 1},
                        {"indicator": "received", "part": "value", "source": "same", "factor": 1},
                        {"indicator": "resolved", "part": "denominator", "source": "same",
                         "factor": -1}]})"));
  EXPECT_EQ(doc["rules"][2]["right"][0], parse_json(R"({"constant": 12.5})"));
  const std::string text = to_canonical_text(doc);
  const ProgressPlan back = progress_plan_from_json(parse_json(text));
  EXPECT_EQ(back, plan);
  EXPECT_EQ(to_canonical_text(to_json(back)), text);
  // Defaults of a term, and the Unicode operators.
  const ValidationRule r = validation_rule_from_json(parse_json(
      R"({"id": "r", "importance": "error", "message": "m", "left": [{"indicator": "a"}],
          "operator": "≤", "right": [{"constant": 0}]})"));
  EXPECT_EQ(r.op, RuleOperator::less_or_equal);
  EXPECT_EQ(r.left[0], term("a"));
  EXPECT_EQ(Json(r)["operator"], "<=");
}

TEST(RulesJson, VersionOneIsReadWithoutRules) {
  Json doc = to_json(rules_plan());
  doc.erase("rules");
  doc["version"] = 1;
  const ProgressPlan plan = progress_plan_from_json(doc);
  EXPECT_TRUE(plan.rules.empty());
  EXPECT_EQ(plan, rules_plan());
  EXPECT_EQ(to_json(plan)["version"], 3);
  EXPECT_EQ(to_json(plan)["rules"], Json::array());
  // Version 1 has no "rules"; versions 2 and 3 need them; version 4 is unknown.
  doc["rules"] = Json::array();
  EXPECT_EQ(plan_problems(doc), (Lines{"/rules: unknown key \"rules\""}));
  doc.erase("rules");
  doc["version"] = 2;
  EXPECT_EQ(plan_problems(doc), (Lines{": missing required key \"rules\""}));
  doc["version"] = 3;
  EXPECT_EQ(plan_problems(doc), (Lines{": missing required key \"rules\""}));
  doc["version"] = 4;
  EXPECT_EQ(plan_problems(doc), (Lines{"/version: unsupported version 4 of danvan/progress; this "
                                       "library reads versions 1 to 3"}));
}

TEST(RulesJson, BadRulesWithPointers) {
  Json doc = to_json(plan_with_rules());
  Json& rules = doc["rules"];
  rules.push_back(rules[2]);  // /rules/3: a copy of "rate"
  rules[3]["left"][0]["indicator"] = "khong-co";
  rules[0]["operator"] = "=<";
  rules[0]["importance"] = "fatal";
  rules[1]["right"] = Json::array();
  rules[1]["left"][0]["constant"] = 3;
  rules[2]["right"][0]["factor"] = 2;
  rules[2]["left"][0]["part"] = "half";
  rules[2]["left"].push_back("received");
  rules[2]["left"].push_back(Json{{"indicator", "received"}, {"factor", "two"}});
  rules[2]["message"] = "";
  EXPECT_EQ(plan_problems(doc),
            (Lines{
                "/rules/0/importance: unknown importance \"fatal\"; expected one of error, "
                "warning",
                "/rules/0/operator: unknown operator \"=<\"; expected one of <=, <, =, >=, >, !=",
                "/rules/1/left/0: a term has either \"indicator\" or \"constant\", not both",
                "/rules/1/right: a side needs at least one term",
                "/rules/2/message: must not be empty",
                "/rules/2/left/0/part: unknown value part \"half\"; expected one of value, "
                "numerator, denominator",
                "/rules/2/left/1: expected an object, got a string",
                "/rules/2/left/2/factor: expected a number, got a string",
                "/rules/2/right/0/factor: unknown key \"factor\"",
                "/rules/3/id: duplicate rule id \"rate\" (first at /rules/2)",
            }));
  // References are checked once the rule itself is well formed.
  doc = to_json(plan_with_rules());
  doc["rules"].push_back(doc["rules"][2]);
  doc["rules"][3]["id"] = "rate-2";
  doc["rules"][3]["left"][0]["indicator"] = "khong-co";
  doc["rules"][1]["left"][0]["part"] = "numerator";
  doc["rules"][2]["left"][0]["indicator"] = "notes";
  EXPECT_EQ(plan_problems(doc),
            (Lines{
                "/rules/1/left/0/part: indicator \"received\" measures count: only a percentage "
                "has a numerator",
                "/rules/2/left/0/indicator: indicator \"notes\" is qualitative: it has no number",
                "/rules/3/left/0/indicator: unknown indicator \"khong-co\"",
            }));
  // Not an array, not an object.
  doc = to_json(plan_with_rules());
  doc["rules"] = "none";
  EXPECT_EQ(plan_problems(doc), (Lines{"/rules: expected an array, got a string"}));
  doc["rules"] = Json::array({1});
  EXPECT_EQ(plan_problems(doc), (Lines{"/rules/0: expected an object, got an integer"}));
}

TEST(RulesJson, ShippedRulesOfTheFoundingPlan) {
  const std::filesystem::path dir(DANVAN_SOURCE_DIR);
  const auto plan = load_progress_plan(dir / "data/progress/phu-yen-2020-progress.json");
  ASSERT_EQ(plan.rules.size(), 4u);
  EXPECT_EQ(plan.rules[0].id, "giai-quyet-khong-vuot-ton-va-nhan");
  EXPECT_EQ(plan.rules[0].importance, RuleImportance::error);
  const auto batch = load_report_batch(dir / "data/progress/phu-yen-2020-reports.json", plan);
  const RuleCheck check = check_rules(plan, batch);
  // The sample's figures were generated to be consistent (scripts/gen_sample_reports.py).
  EXPECT_TRUE(check.violations.empty()) << describe_rule_result(check.violations.front());
  EXPECT_GT(check.evaluated, 0u);
  // The first month has no previous stock: every rule of it is not evaluated.
  EXPECT_EQ(check.not_evaluated.front().missing, "202004 is the first period of the schedule");
}

}  // namespace
}  // namespace danvan
