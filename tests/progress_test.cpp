// Activities, indicators and the two aggregation axes.
#include "danvan/progress.hpp"

#include "danvan/report.hpp"
#include "progress_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace danvan {
namespace {

using testing::day;
using testing::make_indicator;

TEST(ProgressEnums, RoundTripAndErrors) {
  for (auto s : {ActivityStatus::not_started, ActivityStatus::in_progress, ActivityStatus::done,
                 ActivityStatus::overdue}) {
    EXPECT_EQ(parse_activity_status(to_string(s)), s);
  }
  EXPECT_EQ(parse_measure("yes_no"), Measure::yes_no);
  EXPECT_EQ(parse_direction("descending"), Direction::descending);
  EXPECT_EQ(parse_time_aggregation("last"), TimeAggregation::last);
  EXPECT_EQ(parse_unit_aggregation("average"), UnitAggregation::average);
  EXPECT_EQ(vietnamese_name(ActivityStatus::overdue), "quá hạn");
  try {
    (void)parse_time_aggregation("max");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(),
                 "unknown aggregation over time \"max\"; expected one of sum, average, last");
  }
  try {
    (void)parse_measure("Count");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(
        e.what(),
        "unknown measure \"Count\"; expected one of count, percentage, yes_no, qualitative");
  }
}

TEST(ActivityStatus, AsOfADay) {
  Activity a;
  a.id = "a";
  a.name = "A";
  a.task_area = 1;
  a.start = day(2020, 4, 15);
  a.due = day(2020, 5, 31);
  EXPECT_EQ(activity_status(a, day(2020, 4, 14)), ActivityStatus::not_started);
  EXPECT_EQ(activity_status(a, day(2020, 4, 15)), ActivityStatus::in_progress);
  EXPECT_EQ(activity_status(a, day(2020, 5, 31)), ActivityStatus::in_progress);
  EXPECT_EQ(activity_status(a, day(2020, 6, 1)), ActivityStatus::overdue);
  // Reported started before its planned start.
  EXPECT_EQ(activity_status(a, day(2020, 4, 10), std::nullopt, day(2020, 4, 1)),
            ActivityStatus::in_progress);
  EXPECT_EQ(activity_status(a, day(2020, 4, 10), std::nullopt, day(2020, 4, 11)),
            ActivityStatus::not_started);
  // Done on 20/05: done from that day on, in progress before.
  EXPECT_EQ(activity_status(a, day(2020, 5, 19), day(2020, 5, 20)), ActivityStatus::in_progress);
  EXPECT_EQ(activity_status(a, day(2020, 5, 20), day(2020, 5, 20)), ActivityStatus::done);
  EXPECT_EQ(activity_status(a, day(2021, 1, 1), day(2020, 5, 20)), ActivityStatus::done);
  // Done after the due date: overdue until then, done afterwards.
  EXPECT_EQ(activity_status(a, day(2020, 6, 9), day(2020, 6, 10)), ActivityStatus::overdue);
  EXPECT_EQ(activity_status(a, day(2020, 6, 10), day(2020, 6, 10)), ActivityStatus::done);
  // No start date: in progress until due.
  a.start.reset();
  EXPECT_EQ(activity_status(a, day(2019, 1, 1)), ActivityStatus::in_progress);
}

TEST(ProgressRatio, BothDirections) {
  EXPECT_EQ(progress_ratio(Direction::ascending, std::nullopt, 100, 26), 0.26);
  EXPECT_EQ(progress_ratio(Direction::ascending, 20.0, 120, 70), 0.5);
  EXPECT_EQ(progress_ratio(Direction::ascending, 20.0, 120, 10), 0.0);  // never negative
  EXPECT_EQ(progress_ratio(Direction::ascending, 0.0, 0, 0), 1.0);
  EXPECT_EQ(progress_ratio(Direction::ascending, 5.0, 5, 4), std::nullopt);
  // Descending with a baseline: from 50 down to 10; 30 is half way.
  EXPECT_EQ(progress_ratio(Direction::descending, 50.0, 10, 30), 0.5);
  EXPECT_EQ(progress_ratio(Direction::descending, 50.0, 10, 5), 1.125);
  // Descending without a baseline: met at or below the target.
  EXPECT_EQ(progress_ratio(Direction::descending, std::nullopt, 10, 8), 1.0);
  EXPECT_EQ(progress_ratio(Direction::descending, std::nullopt, 10, 20), 0.5);
}

std::vector<const IndicatorValue*> ptrs(const std::vector<IndicatorValue>& v,
                                        std::vector<int> missing = {}) {
  std::vector<const IndicatorValue*> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const bool gone =
        std::find(missing.begin(), missing.end(), static_cast<int>(i)) != missing.end();
    out.push_back(gone ? nullptr : &v[i]);
  }
  return out;
}

std::vector<IndicatorValue> numbers(std::vector<double> xs) {
  std::vector<IndicatorValue> out;
  for (double x : xs) out.push_back(IndicatorValue{"i", x});
  return out;
}

TEST(Aggregation, OverTimeSumAverageLastSkippingMissing) {
  auto ind = make_indicator("i", Measure::count, Direction::ascending, TimeAggregation::sum,
                            UnitAggregation::sum);
  const auto v = numbers({4, 100, 2, 6});
  const auto with_gap = ptrs(v, {1});  // the second period was not reported
  auto a = aggregate_over_time(ind, with_gap);
  EXPECT_EQ(a.value, 12.0);
  EXPECT_EQ(a.reports_expected, 4u);
  EXPECT_EQ(a.reports_with_value, 3u);
  ind.over_time = TimeAggregation::average;
  EXPECT_EQ(aggregate_over_time(ind, with_gap).value, 4.0);  // 12 / 3, not 12 / 4
  ind.over_time = TimeAggregation::last;
  EXPECT_EQ(aggregate_over_time(ind, with_gap).value, 6.0);
  EXPECT_EQ(aggregate_over_time(ind, ptrs(v, {3})).value, 2.0);  // last reported value
  EXPECT_EQ(aggregate_over_time(ind, ptrs(v, {0, 1, 2, 3})).value, std::nullopt);
  EXPECT_EQ(aggregate_over_time(ind, {}).value, std::nullopt);
}

TEST(Aggregation, TimeAndHierarchyAxesAreIndependent) {
  // Outstanding complaints of two units over two months: A 5 then 3, B 7 then 4.
  const auto a_values = numbers({5, 3});
  const auto b_values = numbers({7, 4});
  const auto combine = [&](TimeAggregation t, UnitAggregation u) {
    auto ind = make_indicator("i", Measure::count, Direction::descending, t, u);
    return aggregate_over_units(ind, {aggregate_over_time(ind, ptrs(a_values)),
                                      aggregate_over_time(ind, ptrs(b_values))})
        .value;
  };
  EXPECT_EQ(combine(TimeAggregation::last, UnitAggregation::sum), 7.0);      // 3 + 4
  EXPECT_EQ(combine(TimeAggregation::last, UnitAggregation::average), 3.5);  // (3 + 4) / 2
  EXPECT_EQ(combine(TimeAggregation::sum, UnitAggregation::sum), 19.0);      // 8 + 11
  EXPECT_EQ(combine(TimeAggregation::sum, UnitAggregation::average), 9.5);   // (8 + 11) / 2
  EXPECT_EQ(combine(TimeAggregation::average, UnitAggregation::sum), 9.5);   // 4 + 5.5
  EXPECT_EQ(combine(TimeAggregation::average, UnitAggregation::average), 4.75);
}

TEST(Aggregation, UnitsWithoutValuesAreNotZeros) {
  auto ind = make_indicator("i", Measure::count, Direction::ascending, TimeAggregation::sum,
                            UnitAggregation::average);
  const auto v = numbers({10});
  AggregateValue none = aggregate_over_time(ind, ptrs(v, {0}));
  const auto avg = aggregate_over_units(ind, {aggregate_over_time(ind, ptrs(v)), none});
  EXPECT_EQ(avg.value, 10.0);  // not (10 + 0) / 2
  EXPECT_EQ(avg.units, 1u);
  EXPECT_EQ(avg.reports_expected, 2u);
  EXPECT_EQ(avg.reports_with_value, 1u);
  EXPECT_EQ(aggregate_over_units(ind, {none, none}).value, std::nullopt);
}

TEST(Aggregation, PercentagesFromNumeratorsAndDenominators) {
  auto ind = make_indicator("p", Measure::percentage, Direction::ascending, TimeAggregation::sum,
                            UnitAggregation::average);
  // Unit A resolved its 1 complaint on time (100%); unit B 10 of 100 (10%).
  const std::vector<IndicatorValue> a{{"p", Fraction{1, 1}}};
  const std::vector<IndicatorValue> b{{"p", Fraction{10, 100}}};
  const auto pa = aggregate_over_time(ind, ptrs(a));
  const auto pb = aggregate_over_time(ind, ptrs(b));
  EXPECT_EQ(pa.value, 100.0);
  EXPECT_EQ(pb.value, 10.0);
  const auto both = aggregate_over_units(ind, {pa, pb});
  EXPECT_EQ(both.numerator, 11.0);
  EXPECT_EQ(both.denominator, 101.0);
  EXPECT_DOUBLE_EQ(*both.value, 1100.0 / 101.0);  // 10.89%
  // Averaging the two percentages would claim 55%.
  const double averaged = (*pa.value + *pb.value) / 2;
  EXPECT_EQ(averaged, 55.0);
  EXPECT_GT(averaged - *both.value, 44.0);
  // Over time the same: months 9/10 and 0/90 make 9/100 = 9%, not (90% + 0%) / 2.
  const std::vector<IndicatorValue> months{{"p", Fraction{9, 10}}, {"p", Fraction{0, 90}}};
  EXPECT_EQ(aggregate_over_time(ind, ptrs(months)).value, 9.0);
  ind.over_time = TimeAggregation::last;
  EXPECT_EQ(aggregate_over_time(ind, ptrs(months)).value, 0.0);
  // Nothing to divide by: no value, not 0%.
  const std::vector<IndicatorValue> empty{{"p", Fraction{0, 0}}};
  EXPECT_EQ(aggregate_over_time(ind, ptrs(empty)).value, std::nullopt);
}

TEST(Aggregation, YesNoCountsAnswers) {
  auto ind = make_indicator("y", Measure::yes_no, Direction::ascending, TimeAggregation::last,
                            UnitAggregation::sum);
  const std::vector<IndicatorValue> a{{"y", false}, {"y", true}};
  const std::vector<IndicatorValue> b{{"y", true}, {"y", false}};
  const auto units = aggregate_over_units(
      ind, {aggregate_over_time(ind, ptrs(a)), aggregate_over_time(ind, ptrs(b))});
  EXPECT_EQ(units.value, 1.0);  // one unit says yes in its latest report
  ind.over_units = UnitAggregation::average;
  EXPECT_EQ(aggregate_over_units(
                ind, {aggregate_over_time(ind, ptrs(a)), aggregate_over_time(ind, ptrs(b))})
                .value,
            0.5);
}

TEST(ProgressPlan, ValidateNamesTheProblem) {
  const auto good = testing::merge_plan();
  EXPECT_EQ(good.find_indicator("dialogues")->measure, Measure::count);
  EXPECT_EQ(good.find_activity("nope"), nullptr);
  const auto message = [](const ProgressPlan& p) {
    try {
      p.validate();
    } catch (const ValueError& e) {
      return std::string(e.what());
    }
    return std::string("valid");
  };
  auto p = good;
  p.scope_unit_ids.push_back("xa-9");
  EXPECT_EQ(message(p), "scope: unknown unit \"xa-9\"");
  p = good;
  p.scope_unit_ids.push_back("xa-1");
  EXPECT_EQ(message(p), "scope: \"xa-1\" is listed twice");
  p = good;
  p.activities[0].due = day(2020, 1, 1);
  EXPECT_EQ(message(p), "activity \"hoi-nghi\": due 2020-01-01 is before start 2020-04-15");
  p = good;
  p.indicators[1].id = "dialogues";
  EXPECT_EQ(message(p), "duplicate indicator id \"dialogues\"");
  p = good;
  p.schedule.last = Period(PeriodType::month, 2019, 12);
  EXPECT_EQ(message(p), "schedule: last period 201912 is before first period 202001");
  p = good;
  p.indicators[0].targets.push_back(p.indicators[0].targets[0]);
  EXPECT_EQ(message(p), "indicator \"dialogues\": two targets for tinh in 2020");
  EXPECT_EQ(good.schedule.periods().size(), 12u);
}

// Every problem is found in one call, each at its place in the danvan/progress document, in
// document order; what() counts them and names the first ten.
TEST(ProgressPlan, ValidateListsEveryProblemAtItsPointer) {
  auto p = testing::merge_plan();
  p.plan_id = "Kế hoạch";
  p.schedule.first = Period(PeriodType::quarter, 2020, 1);
  p.schedule.days_after_period_end = 400;
  p.units.add(testing::make_unit("xa-4", "Xã Bốn", Level::commune, "huyen-9"));
  p.scope_unit_ids = {"xa-1", "xa-9", "xa-1"};
  p.activities[0].due = day(2020, 1, 1);
  p.activities[1].id = "hoi-nghi";
  p.activities[1].name = "";
  p.activities[1].participating_unit_ids = {"xa-1", "nowhere"};
  p.indicators[0].targets.push_back(Target{"xa-0", Period(PeriodType::year, 2020), 1});
  p.indicators[0].targets.push_back(p.indicators[0].targets[0]);
  p.indicators[2].task_area = 0;
  ValidationRule rule;
  rule.id = "r";
  rule.message = "Quy tắc";
  rule.left.emplace_back().indicator_id = "x";
  rule.right.emplace_back().constant = 1;
  p.rules = {rule, rule};
  const std::vector<JsonProblem> expected{
      {"/plan", "plan: invalid id \"Kế hoạch\""},
      {"/schedule/first", "schedule: first period 2020Q1 is not a month period"},
      {"/schedule/days_after_period_end", "schedule: days_after_period_end must be 0..366"},
      {"/units/6/parent", "unit \"xa-4\": parent \"huyen-9\" does not exist"},
      {"/scope/1", "scope: unknown unit \"xa-9\""},
      {"/scope/2", "scope: \"xa-1\" is listed twice"},
      {"/activities/0/due", "activity \"hoi-nghi\": due 2020-01-01 is before start 2020-04-15"},
      {"/activities/1/id", "duplicate activity id \"hoi-nghi\""},
      {"/activities/1/name", "activity \"hoi-nghi\": empty name"},
      {"/activities/1/participating_units/1", "activity \"hoi-nghi\": unknown unit \"nowhere\""},
      {"/indicators/0/targets/2/unit", "indicator \"dialogues\" target: unknown unit \"xa-0\""},
      {"/indicators/0/targets/3", "indicator \"dialogues\": two targets for tinh in 2020"},
      {"/indicators/2/task_area", "indicator \"resolved-on-time\": task area must be >= 1"},
      {"/rules/0/left/0/indicator", "rule \"r\" at /left/0/indicator: unknown indicator \"x\""},
      {"/rules/1/left/0/indicator", "rule \"r\" at /left/0/indicator: unknown indicator \"x\""},
      {"/rules/1/id", "duplicate rule id \"r\""},
  };
  try {
    p.validate();
    FAIL() << "validated";
  } catch (const ValueError& e) {
    EXPECT_EQ(e.problems(), expected);
    EXPECT_EQ(std::string(e.what()),
              "16 problems in the progress plan: plan: invalid id \"Kế hoạch\"; schedule: first "
              "period 2020Q1 is not a month period; schedule: days_after_period_end must be "
              "0..366; unit \"xa-4\": parent \"huyen-9\" does not exist; scope: unknown unit "
              "\"xa-9\"; scope: \"xa-1\" is listed twice; activity \"hoi-nghi\": due 2020-01-01 "
              "is before start 2020-04-15; duplicate activity id \"hoi-nghi\"; activity "
              "\"hoi-nghi\": empty name; activity \"hoi-nghi\": unknown unit \"nowhere\"; and 6 "
              "more");
  }
}

// One problem alone: what() is its reason, problems() the one problem at its pointer; a
// schedule that runs backwards is reported at its last period.
TEST(ProgressPlan, ValidateLocatesAProblemAlone) {
  const auto problems = [](const ProgressPlan& p) {
    try {
      p.validate();
    } catch (const ValueError& e) {
      return e.problems();
    }
    return std::vector<JsonProblem>{};
  };
  auto p = testing::merge_plan();
  p.schedule.last = Period(PeriodType::month, 2019, 12);
  EXPECT_EQ(problems(p),
            (std::vector<JsonProblem>{
                {"/schedule/last", "schedule: last period 201912 is before first period 202001"}}));
  p = testing::merge_plan();
  p.schedule.period_type = PeriodType::year;  // both periods are months: each is named
  EXPECT_EQ(problems(p),
            (std::vector<JsonProblem>{
                {"/schedule/first", "schedule: first period 202001 is not a year period"},
                {"/schedule/last", "schedule: last period 202012 is not a year period"}}));
  p = testing::merge_plan();
  p.activities[1].responsible_unit_ids = {"xa-1", "xa-7"};
  EXPECT_EQ(problems(p),
            (std::vector<JsonProblem>{{"/activities/1/responsible_units/1",
                                       "activity \"doi-thoai\": unknown unit \"xa-7\""}}));
  EXPECT_EQ(problems(testing::merge_plan()), std::vector<JsonProblem>{});
}

}  // namespace
}  // namespace danvan
