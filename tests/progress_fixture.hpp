// Test fixture for progress tests: a province with one district and communes, two of which
// merge into a new commune on 16/06/2020, reporting monthly through 2020.
#pragma once

#include "danvan/error.hpp"
#include "danvan/progress.hpp"
#include "danvan/report.hpp"

#include <string>
#include <utility>
#include <vector>

namespace danvan::testing {

inline Date day(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

inline Unit make_unit(std::string id, std::string name, Level level,
                      std::optional<std::string> parent, std::optional<Date> from = std::nullopt,
                      std::optional<Date> to = std::nullopt) {
  Unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  u.kind = UnitKind::peoples_committee;
  u.level = level;
  u.parent_id = std::move(parent);
  u.valid_from = from;
  u.valid_to = to;
  return u;
}

inline Indicator make_indicator(std::string id, Measure m, Direction d, TimeAggregation t,
                                UnitAggregation u) {
  Indicator i;
  i.id = id;
  i.name = "Chỉ số " + id;
  i.measure = m;
  i.direction = d;
  i.over_time = t;
  i.over_units = u;
  return i;
}

/// tinh > huyen > {xa-1, xa-2, xa-3 (until 15/06/2020), xa-moi (from 16/06/2020, the merge of
/// xa-2 and xa-3)}; monthly reports 202001..202012, 5 days after the period end.
inline ProgressPlan merge_plan() {
  ProgressPlan p;
  p.plan_id = "ke-hoach-thu";
  p.schedule.period_type = PeriodType::month;
  p.schedule.first = Period(PeriodType::month, 2020, 1);
  p.schedule.last = Period(PeriodType::month, 2020, 12);
  p.schedule.days_after_period_end = 5;
  std::vector<Unit> units;
  units.push_back(make_unit("tinh", "Tỉnh Thử", Level::province, std::nullopt));
  units.push_back(
      make_unit("huyen", "Huyện Thử", Level::district, "tinh", std::nullopt, day(2025, 6, 30)));
  units.push_back(
      make_unit("xa-1", "Xã Một", Level::commune, "huyen", std::nullopt, day(2025, 6, 30)));
  auto x2 = make_unit("xa-2", "Xã Hai", Level::commune, "huyen", std::nullopt, day(2020, 6, 15));
  auto x3 = make_unit("xa-3", "Xã Ba", Level::commune, "huyen", std::nullopt, day(2020, 6, 15));
  auto xm =
      make_unit("xa-moi", "Xã Mới", Level::commune, "huyen", day(2020, 6, 16), day(2025, 6, 30));
  x2.successor_ids = {"xa-moi"};
  x3.successor_ids = {"xa-moi"};
  xm.predecessor_ids = {"xa-2", "xa-3"};
  units.push_back(x2);
  units.push_back(x3);
  units.push_back(xm);
  p.units = UnitHierarchy(units);
  p.scope_unit_ids = {"xa-1", "xa-2", "xa-3", "xa-moi"};
  auto dialogues = make_indicator("dialogues", Measure::count, Direction::ascending,
                                  TimeAggregation::sum, UnitAggregation::sum);
  dialogues.targets.push_back(Target{"tinh", Period(PeriodType::year, 2020), 100});
  dialogues.targets.push_back(Target{"xa-1", Period(PeriodType::year, 2020), 30});
  p.indicators.push_back(dialogues);
  auto outstanding = make_indicator("outstanding", Measure::count, Direction::descending,
                                    TimeAggregation::last, UnitAggregation::sum);
  outstanding.baseline = 50;
  outstanding.targets.push_back(Target{"tinh", Period(PeriodType::year, 2020), 10});
  p.indicators.push_back(outstanding);
  auto on_time = make_indicator("resolved-on-time", Measure::percentage, Direction::ascending,
                                TimeAggregation::sum, UnitAggregation::sum);
  on_time.targets.push_back(Target{"tinh", Period(PeriodType::year, 2020), 90});
  p.indicators.push_back(on_time);
  p.indicators.push_back(make_indicator("has-plan", Measure::yes_no, Direction::ascending,
                                        TimeAggregation::last, UnitAggregation::sum));
  p.indicators.push_back(make_indicator("notes", Measure::qualitative, Direction::ascending,
                                        TimeAggregation::last, UnitAggregation::sum));
  Activity a;
  a.id = "hoi-nghi";
  a.name = "Hội nghị triển khai";
  a.task_area = 1;
  a.responsible_unit_ids = {"huyen"};
  a.start = day(2020, 4, 15);
  a.due = day(2020, 5, 31);
  p.activities.push_back(a);
  a.id = "doi-thoai";
  a.name = "Đối thoại với nhân dân";
  a.task_area = 5;
  a.responsible_unit_ids = {"xa-1"};
  a.start = day(2020, 3, 1);
  a.due = day(2020, 12, 31);
  p.activities.push_back(a);
  p.validate();
  return p;
}

inline Report make_report(std::string unit, int month, Date submitted, double dialogues,
                          double outstanding, Fraction on_time) {
  Report r;
  r.unit_id = std::move(unit);
  r.period = Period(PeriodType::month, 2020, month);
  r.submitted = submitted;
  r.values.push_back(IndicatorValue{"dialogues", dialogues});
  r.values.push_back(IndicatorValue{"outstanding", outstanding});
  r.values.push_back(IndicatorValue{"resolved-on-time", on_time});
  return r;
}

/// xa-1: every month on time (3 days after the period) except 202003, submitted 06/04/2020
/// (5 days after 31/03 is Sunday 05/04, so the deadline moves to Monday 06/04: on time),
/// 202007 submitted late on 20/08/2020, 202011 missing. xa-2: 202001..202005 on time, plus a
/// report for 202006 (it no longer existed at the end of June: unexpected). xa-3: 202001..202004
/// on time, 202005 missing. xa-moi: 202006..202011 on time, 202012 not submitted by the as-of
/// day 03/01/2021 (deadline 05/01/2021: not due yet).
/// Values: dialogues 1 per report; outstanding = 12 - month; resolved-on-time 1/2 per report.
inline ReportBatch merge_reports() {
  ReportBatch b;
  b.plan_id = "ke-hoach-thu";
  const auto on_time_day = [](int month) {
    return Period(PeriodType::month, 2020, month).end() + boost::gregorian::days(3);
  };
  const auto add = [&](const std::string& unit, int month, Date submitted) {
    b.reports.push_back(make_report(unit, month, submitted, 1, 12 - month, Fraction{1, 2}));
  };
  for (int m = 1; m <= 12; ++m) {
    if (m == 3) {
      add("xa-1", m, day(2020, 4, 6));
    } else if (m == 7) {
      add("xa-1", m, day(2020, 8, 20));
    } else if (m != 11) {
      add("xa-1", m, on_time_day(m));
    }
  }
  for (int m = 1; m <= 6; ++m) add("xa-2", m, on_time_day(m));
  for (int m = 1; m <= 4; ++m) add("xa-3", m, on_time_day(m));
  for (int m = 6; m <= 11; ++m) add("xa-moi", m, on_time_day(m));
  b.reports.front().values.push_back(IndicatorValue{"has-plan", true});
  b.reports.front().values.push_back(IndicatorValue{"notes", std::string("Đã triển khai")});
  b.reports.front().activities.push_back(
      ActivityReport{"doi-thoai", ActivityStatus::in_progress, std::nullopt});
  return b;
}

}  // namespace danvan::testing
