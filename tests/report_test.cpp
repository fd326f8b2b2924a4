// Expected / on-time / late / missing reports across a unit merge, roll-ups up the hierarchy.
#include "danvan/report.hpp"

#include "progress_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace danvan {
namespace {

using testing::day;
using testing::merge_plan;
using testing::merge_reports;

ProgressQuery as_of(Date d) {
  ProgressQuery q;
  q.as_of = d;
  return q;
}

const RollupNode& node(const ProgressSummary& s, std::string_view id) {
  const auto it = std::find_if(s.nodes.begin(), s.nodes.end(),
                               [&](const RollupNode& n) { return n.unit_id == id; });
  if (it == s.nodes.end()) throw std::runtime_error("no node " + std::string(id));
  return *it;
}

std::size_t node_index(const ProgressSummary& s, std::string_view id) {
  return static_cast<std::size_t>(&node(s, id) - s.nodes.data());
}

const IndicatorRollup& indicator(const ProgressSummary& s, std::string_view id) {
  for (const auto& r : s.indicators) {
    if (r.indicator->id == id) return r;
  }
  throw std::runtime_error("no indicator " + std::string(id));
}

TEST(ReportDeadline, PeriodEndPlusDaysMovedToNextWorkingDay) {
  ReportingSchedule s;
  s.days_after_period_end = 5;
  // 30/04 + 5 = Tuesday 05/05/2020: a working day.
  EXPECT_EQ(report_deadline(s, Period(PeriodType::month, 2020, 4)), day(2020, 5, 5));
  // 31/03 + 5 = Sunday 05/04/2020: moves to Monday 06/04/2020.
  EXPECT_EQ(report_deadline(s, Period(PeriodType::month, 2020, 3)), day(2020, 4, 6));
  // 31/03 + 2 = Thursday 02/04/2020, Giỗ Tổ Hùng Vương (10/3 lunar): Friday 03/04/2020.
  s.days_after_period_end = 2;
  EXPECT_EQ(report_deadline(s, Period(PeriodType::quarter, 2020, 1)), day(2020, 4, 3));
  s.days_after_period_end = 0;
  EXPECT_EQ(report_deadline(s, Period(PeriodType::quarter, 2020, 2)), day(2020, 6, 30));
}

TEST(ExpectsReport, OnlyUnitsExistingAtThePeriodEnd) {
  const auto plan = merge_plan();
  const Period may(PeriodType::month, 2020, 5);
  const Period june(PeriodType::month, 2020, 6);
  EXPECT_TRUE(expects_report(plan.units, "xa-2", may));
  EXPECT_FALSE(expects_report(plan.units, "xa-2", june));  // merged away on 15/06
  EXPECT_FALSE(expects_report(plan.units, "xa-moi", may));
  EXPECT_TRUE(expects_report(plan.units, "xa-moi", june));  // reports the whole of June
  EXPECT_THROW((void)expects_report(plan.units, "xa-9", june), ValueError);
}

TEST(Summary, CountsExpectedOnTimeLateMissingAcrossAMerge) {
  const auto plan = merge_plan();
  const auto batch = merge_reports();
  const auto s = summarize_progress(plan, batch, as_of(day(2021, 1, 3)));
  EXPECT_EQ(s.period, Period(PeriodType::year, 2020));
  EXPECT_EQ(s.root_unit_id, "tinh");
  ASSERT_EQ(s.nodes.size(), 6u);
  EXPECT_EQ(s.nodes[0].unit_id, "tinh");
  EXPECT_EQ(s.nodes[1].unit_id, "huyen");
  EXPECT_EQ(s.nodes[2].unit_id, "xa-1");
  EXPECT_EQ(s.nodes[5].unit_id, "xa-moi");
  EXPECT_EQ(s.nodes[5].depth, 2);
  EXPECT_FALSE(s.nodes[1].in_scope);
  EXPECT_TRUE(s.nodes[5].in_scope);

  EXPECT_EQ(node(s, "xa-1").completeness, (Completeness{12, 10, 1, 1, 0}));
  EXPECT_EQ(node(s, "xa-2").completeness, (Completeness{5, 5, 0, 0, 0}));
  EXPECT_EQ(node(s, "xa-3").completeness, (Completeness{5, 4, 0, 1, 0}));
  EXPECT_EQ(node(s, "xa-moi").completeness, (Completeness{7, 6, 0, 0, 1}));
  EXPECT_EQ(node(s, "tinh").completeness, (Completeness{29, 25, 1, 2, 1}));
  EXPECT_EQ(node(s, "huyen").completeness, node(s, "tinh").completeness);
  EXPECT_EQ(s.expected.size(), 29u);

  // The predecessor is expected January..May only, the successor June..December.
  std::vector<std::string> xa2, moi;
  for (const auto& e : s.expected) {
    if (e.unit_id == "xa-2") xa2.push_back(e.period.id());
    if (e.unit_id == "xa-moi") moi.push_back(e.period.id());
  }
  EXPECT_EQ(xa2, (std::vector<std::string>{"202001", "202002", "202003", "202004", "202005"}));
  EXPECT_EQ(moi, (std::vector<std::string>{"202006", "202007", "202008", "202009", "202010",
                                           "202011", "202012"}));

  // March of xa-1 was submitted on the moved deadline 06/04/2020: on time.
  const auto march = std::find_if(s.expected.begin(), s.expected.end(), [](const auto& e) {
    return e.unit_id == "xa-1" && e.period.id() == "202003";
  });
  ASSERT_NE(march, s.expected.end());
  EXPECT_EQ(march->deadline, day(2020, 4, 6));
  EXPECT_EQ(march->state, ReportState::on_time);

  // The June report of the merged-away xa-2 is listed as unexpected, not counted.
  ASSERT_EQ(s.unexpected.size(), 1u);
  EXPECT_EQ(s.unexpected[0].report->unit_id, "xa-2");
  EXPECT_EQ(s.unexpected[0].reason, "the unit did not exist at the end of 202006");
}

TEST(Summary, AsOfDayHidesLaterSubmissionsAndKeepsNotDueApart) {
  const auto plan = merge_plan();
  const auto batch = merge_reports();
  // On 04/08/2020 July is not due yet (deadline 05/08); June's reports were all in.
  ProgressQuery q = as_of(day(2020, 8, 4));
  const auto s = summarize_progress(plan, batch, q);
  // Expected through 2020 as known on 04/08: xa-1 12, xa-2 5, xa-3 5, xa-moi 7.
  EXPECT_EQ(node(s, "xa-1").completeness, (Completeness{12, 6, 0, 0, 6}));
  EXPECT_EQ(node(s, "xa-3").completeness, (Completeness{5, 4, 0, 1, 0}));
  EXPECT_EQ(node(s, "xa-moi").completeness, (Completeness{7, 2, 0, 0, 5}));  // June, July in
  // On 10/08/2020 the July report of xa-1 (submitted 20/08) is missing, not yet late.
  const auto later = summarize_progress(plan, batch, as_of(day(2020, 8, 10)));
  EXPECT_EQ(node(later, "xa-1").completeness, (Completeness{12, 6, 0, 1, 5}));
}

TEST(Summary, QuarterOfAMonthlyScheduleAndSubtree) {
  const auto plan = merge_plan();
  const auto batch = merge_reports();
  ProgressQuery q = as_of(day(2021, 1, 3));
  q.period = Period(PeriodType::quarter, 2020, 2);
  q.unit_id = "xa-1";
  const auto s = summarize_progress(plan, batch, q);
  ASSERT_EQ(s.nodes.size(), 1u);
  EXPECT_EQ(s.root_unit_id, "xa-1");
  EXPECT_EQ(s.nodes[0].completeness, (Completeness{3, 3, 0, 0, 0}));
  EXPECT_EQ(indicator(s, "dialogues").values[0].value, 3.0);
  // Only the activity xa-1 is responsible for.
  ASSERT_EQ(s.activities.size(), 1u);
  EXPECT_EQ(s.activities[0].activity->id, "doi-thoai");

  q.period = Period(PeriodType::quarter, 2020, 3);
  q.unit_id = "huyen";
  const auto s3 = summarize_progress(plan, batch, q);
  // xa-2 and xa-3 did not exist at the end of any month of Q3: not in the tree.
  ASSERT_EQ(s3.nodes.size(), 3u);
  EXPECT_EQ(s3.nodes[2].unit_id, "xa-moi");
  EXPECT_EQ(s3.nodes[0].completeness, (Completeness{6, 5, 1, 0, 0}));
}

TEST(Summary, RejectsBadQueries) {
  const auto plan = merge_plan();
  const auto batch = merge_reports();
  ProgressQuery q = as_of(day(2021, 1, 3));
  q.unit_id = "xa-9";
  EXPECT_THROW((void)summarize_progress(plan, batch, q), ValueError);
  q.unit_id = "xa-2";
  q.period = Period(PeriodType::quarter, 2020, 4);
  try {
    (void)summarize_progress(plan, batch, q);
    FAIL() << "expected ValueError";
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "unit \"xa-2\" has no unit in scope reporting for 2020Q4");
  }
  ProgressPlan p2 = plan;
  p2.schedule.period_type = PeriodType::quarter;
  p2.schedule.first = Period(PeriodType::quarter, 2020, 1);
  p2.schedule.last = Period(PeriodType::quarter, 2020, 4);
  q = as_of(day(2021, 1, 3));
  q.period = Period(PeriodType::month, 2020, 4);
  try {
    (void)summarize_progress(p2, ReportBatch{}, q);
    FAIL() << "expected ValueError";
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "period 202004 is shorter than the schedule's quarter periods");
  }
}

TEST(Summary, IndicatorsRollUpOverTimeThenUpTheHierarchy) {
  const auto plan = merge_plan();
  const auto batch = merge_reports();
  const auto s = summarize_progress(plan, batch, as_of(day(2021, 1, 3)));
  const auto root = node_index(s, "tinh");
  const auto x1 = node_index(s, "xa-1");
  const auto x2 = node_index(s, "xa-2");

  // dialogues: sum over time, sum over units. Missing reports add nothing and are counted.
  const auto& d = indicator(s, "dialogues");
  EXPECT_EQ(d.values[x1].value, 11.0);
  EXPECT_EQ(d.values[x1].reports_expected, 12u);
  EXPECT_EQ(d.values[x1].reports_with_value, 11u);
  EXPECT_EQ(d.values[root].value, 26.0);  // 11 + 5 + 4 + 6
  EXPECT_EQ(d.values[root].reports_expected, 29u);
  EXPECT_EQ(d.targets[root], 100.0);
  EXPECT_EQ(d.targets[x1], 30.0);
  EXPECT_EQ(d.targets[x2], std::nullopt);

  // outstanding: the last value over time (xa-1 December 0, xa-moi November 1), summed over
  // units; the merged-away communes' stocks (May 7, April 8) stay on their own rows.
  const auto& o = indicator(s, "outstanding");
  EXPECT_EQ(o.values[x1].value, 0.0);
  EXPECT_EQ(o.values[x2].value, 7.0);
  EXPECT_EQ(o.values[node_index(s, "xa-3")].value, 8.0);
  EXPECT_EQ(o.values[node_index(s, "xa-moi")].value, 1.0);
  EXPECT_EQ(o.values[root].value, 1.0);
  EXPECT_EQ(o.values[node_index(s, "huyen")].value, 1.0);

  // resolved on time: 26 reports of 1/2 each: 26/52.
  const auto& p = indicator(s, "resolved-on-time");
  EXPECT_EQ(p.values[root].numerator, 26.0);
  EXPECT_EQ(p.values[root].denominator, 52.0);
  EXPECT_EQ(p.values[root].value, 50.0);

  // yes/no and qualitative: only the first report of xa-1 answered.
  EXPECT_EQ(indicator(s, "has-plan").values[root].value, 1.0);
  EXPECT_EQ(indicator(s, "has-plan").values[x2].value, std::nullopt);
  const auto& n = indicator(s, "notes");
  EXPECT_EQ(n.values[root].value, std::nullopt);
  ASSERT_EQ(n.texts.size(), 1u);
  EXPECT_EQ(n.texts[0], (std::vector<std::string>{"xa-1", "202001", "Đã triển khai"}));
}

TEST(Summary, NothingReportedIsMissingNotZero) {
  const auto plan = merge_plan();
  const auto s =
      summarize_progress(plan, ReportBatch{"ke-hoach-thu", false, {}, {}}, as_of(day(2021, 1, 3)));
  EXPECT_EQ(s.nodes[0].completeness, (Completeness{29, 0, 0, 27, 2}));
  for (const auto& r : s.indicators) {
    for (const auto& v : r.values) {
      EXPECT_EQ(v.value, std::nullopt) << r.indicator->id;
      EXPECT_EQ(v.reports_with_value, 0u);
    }
  }
}

TEST(Summary, ActivityStatusFromReports) {
  const auto plan = merge_plan();
  auto batch = merge_reports();
  // On 01/03/2020 doi-thoai (start 01/03) was reported started on 03/02: in progress; the
  // conference (start 15/04) not started.
  auto s = summarize_progress(plan, batch, as_of(day(2020, 2, 10)));
  ASSERT_EQ(s.activities.size(), 2u);
  EXPECT_EQ(s.activities[0].status, ActivityStatus::not_started);
  EXPECT_EQ(s.activities[1].status, ActivityStatus::in_progress);
  // A report by a unit not responsible for it does not complete it.
  batch.reports[1].activities.push_back(
      ActivityReport{"hoi-nghi", ActivityStatus::done, day(2020, 3, 1)});  // xa-1, not huyen
  s = summarize_progress(plan, batch, as_of(day(2020, 6, 2)));
  EXPECT_EQ(s.activities[0].status, ActivityStatus::overdue);
  // Done by xa-1 on 20/12 (reported in the December report submitted 03/01/2021).
  batch.reports[10].activities.push_back(
      ActivityReport{"doi-thoai", ActivityStatus::done, day(2020, 12, 20)});
  s = summarize_progress(plan, batch, as_of(day(2021, 1, 2)));
  EXPECT_EQ(s.activities[1].status, ActivityStatus::overdue);  // report not in yet
  s = summarize_progress(plan, batch, as_of(day(2021, 1, 3)));
  EXPECT_EQ(s.activities[1].status, ActivityStatus::done);
  EXPECT_EQ(s.activities[1].completed, day(2020, 12, 20));
  EXPECT_FALSE(s.activities[1].completed_late);
}

TEST(ReportBatchValidate, FirstProblemWithPointer) {
  const auto plan = merge_plan();
  auto batch = merge_reports();
  EXPECT_NO_THROW(batch.validate(plan));
  batch.reports[2].values[0].value = Fraction{1, 2};
  try {
    batch.validate(plan);
    FAIL() << "expected ValueError";
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(),
                 "/reports/2/values/0/value: indicator \"dialogues\" measures count: expected a "
                 "number");
  }
  batch = merge_reports();
  batch.reports.push_back(batch.reports[0]);
  try {
    batch.validate(plan);
    FAIL() << "expected ValueError";
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "/reports/27: second report of xa-1 for 202001 (first at /reports/0)");
    EXPECT_EQ(e.problems(),
              (std::vector<JsonProblem>{
                  {"/reports/27", "second report of xa-1 for 202001 (first at /reports/0)"}}));
  }
}

// Every problem at once (issue 12), each with its pointer, listed in the message.
TEST(ReportBatchValidate, EveryProblemWithItsPointer) {
  const auto plan = merge_plan();
  auto batch = merge_reports();
  batch.reports[2].values[0].value = Fraction{1, 2};
  batch.reports.push_back(batch.reports[0]);
  try {
    batch.validate(plan);
    FAIL() << "expected ValueError";
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(),
                 "2 problems: /reports/2/values/0/value: indicator \"dialogues\" measures count: "
                 "expected a number; /reports/27: second report of xa-1 for 202001 (first at "
                 "/reports/0)");
    EXPECT_EQ(e.problems(),
              (std::vector<JsonProblem>{
                  {"/reports/2/values/0/value",
                   "indicator \"dialogues\" measures count: expected a number"},
                  {"/reports/27", "second report of xa-1 for 202001 (first at /reports/0)"}}));
  }
}

}  // namespace
}  // namespace danvan
