// Progress tracking of a plan (theo dõi tiến độ): activities under task areas, indicators after
// the IATI results model, and the reporting schedule.
#pragma once

#include "danvan/date.hpp"
#include "danvan/period.hpp"
#include "danvan/rules.hpp"
#include "danvan/unit.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// Status of an activity on a day (tình trạng thực hiện).
enum class ActivityStatus : std::uint8_t {
  not_started,  ///< chưa bắt đầu
  in_progress,  ///< đang thực hiện
  done,         ///< đã hoàn thành
  overdue,      ///< quá hạn: not done after its due date
};

/// What an indicator measures (IATI "measure").
enum class Measure : std::uint8_t {
  count,       ///< a number of things
  percentage,  ///< numerator / denominator, shown in percent
  yes_no,      ///< có / không, counted as 1 / 0
  qualitative  ///< text only, never aggregated
};

/// Which way is better (IATI "ascending"): more dialogues is better, fewer outstanding
/// complaints is better.
enum class Direction : std::uint8_t { ascending, descending };

/// How values of one unit combine over the periods of a longer period.
enum class TimeAggregation : std::uint8_t { sum, average, last };
/// How values of units combine up the hierarchy.
enum class UnitAggregation : std::uint8_t { sum, average };

std::string_view to_string(ActivityStatus v) noexcept;
std::string_view to_string(Measure v) noexcept;
std::string_view to_string(Direction v) noexcept;
std::string_view to_string(TimeAggregation v) noexcept;
std::string_view to_string(UnitAggregation v) noexcept;
/// Parsers throw ValueError naming the accepted values.
ActivityStatus parse_activity_status(std::string_view text);
Measure parse_measure(std::string_view text);
Direction parse_direction(std::string_view text);
TimeAggregation parse_time_aggregation(std::string_view text);
UnitAggregation parse_unit_aggregation(std::string_view text);
/// Vietnamese labels: "chưa bắt đầu", "đang thực hiện", "đã hoàn thành", "quá hạn".
std::string_view vietnamese_name(ActivityStatus v) noexcept;

/// An activity (hoạt động) carrying out a task area of the plan.
struct Activity {
  std::string id;                                   ///< unique within the progress plan, [a-z0-9-]+
  std::string name;                                 ///< what is to be done
  int task_area = 0;                                ///< number of the plan's task area, from 1
  std::vector<std::string> responsible_unit_ids;    ///< đơn vị chủ trì
  std::vector<std::string> participating_unit_ids;  ///< đơn vị phối hợp
  std::optional<Date> start;                        ///< the first day of work, when planned
  Date due{2000, 1, 1};                             ///< the last day to complete it
  friend bool operator==(const Activity&, const Activity&) = default;
};

/// The status of an activity on `as_of`: done when `completed` is on or before `as_of`,
/// overdue after its due date, in progress from its start date (or once `started` is on or
/// before `as_of`, when a unit reported it started), otherwise not started. An activity without
/// a start date is in progress until due.
ActivityStatus activity_status(const Activity& activity, Date as_of,
                               std::optional<Date> completed = std::nullopt,
                               std::optional<Date> started = std::nullopt);

/// A target (chỉ tiêu) of an indicator for one unit and one period.
struct Target {
  std::string unit_id;                    ///< the unit the target is set for
  Period period{PeriodType::year, 2000};  ///< the period it is to be reached in
  double value = 0;                       ///< percent for percentages, 0/1 for yes/no
  friend bool operator==(const Target&, const Target&) = default;
};

/// An indicator (chỉ số) after IATI: measure, direction, baseline, targets per period and unit,
/// and the two aggregation axes chosen separately.
struct Indicator {
  std::string id;                                     ///< unique within the plan, [a-z0-9-]+
  std::string name;                                   ///< what is measured, in Vietnamese
  std::optional<int> task_area;                       ///< the plan's task area, from 1, when one
  Measure measure = Measure::count;                   ///< what kind of value units report
  Direction direction = Direction::ascending;         ///< which way is better
  std::optional<double> baseline;                     ///< the value before the plan, when known
  std::optional<Period> baseline_period;              ///< when the baseline was measured
  TimeAggregation over_time = TimeAggregation::sum;   ///< combining a unit's periods
  UnitAggregation over_units = UnitAggregation::sum;  ///< combining units up the hierarchy
  std::vector<Target> targets;                        ///< per unit and period

  /// The target for exactly this unit and period, if any.
  [[nodiscard]] std::optional<double> target(std::string_view unit_id, const Period& period) const;
  friend bool operator==(const Indicator&, const Indicator&) = default;
};

/// How much of the way from baseline to target a value is, as a ratio (1 = target met; may
/// exceed 1; never negative). Ascending: (value - baseline) / (target - baseline), baseline 0
/// when unknown. Descending: (baseline - value) / (baseline - target) when the baseline is above
/// the target, otherwise 1 when value <= target and target / value above it. nullopt when the
/// ratio is undefined (target equal to baseline with the value short of it).
std::optional<double> progress_ratio(Direction direction, std::optional<double> baseline,
                                     double target, double value);

/// When units report (chế độ báo cáo): the period type, the first and last period of the plan,
/// and how many calendar days after a period ends a report is still on time.
struct ReportingSchedule {
  PeriodType period_type = PeriodType::month;  ///< how often units report
  Period first{PeriodType::month, 2000, 1};    ///< the first period reported on
  Period last{PeriodType::month, 2000, 12};    ///< the last period reported on
  int days_after_period_end = 0;               ///< days after a period's end a report is on time

  /// The schedule's periods from first to last.
  [[nodiscard]] std::vector<Period> periods() const;
  friend bool operator==(const ReportingSchedule&, const ReportingSchedule&) = default;
};

/// The progress framework of a plan (khung theo dõi tiến độ): it references the plan by id and
/// its task areas by number (the plan document itself is unchanged), and holds the activities,
/// indicators, validation rules of the reports, reporting schedule, the units that report
/// (scope) and their hierarchy.
struct ProgressPlan {
  std::string plan_id;                      ///< the plan (danvan/plan document) tracked
  bool sample = false;                      ///< true for made-up demonstration data
  std::optional<std::string> note;          ///< free text, e.g. what the sample is
  ReportingSchedule schedule;               ///< when units report
  std::vector<std::string> scope_unit_ids;  ///< units expected to report, in display order
  std::vector<Activity> activities;         ///< in the plan's order
  std::vector<Indicator> indicators;        ///< in the plan's order
  std::vector<ValidationRule> rules;        ///< checked on reports (danvan/rules.hpp)
  UnitHierarchy units;                      ///< the scope units and their ancestors

  /// The indicator with that id, or nullptr.
  [[nodiscard]] const Indicator* find_indicator(std::string_view id) const;
  /// The activity with that id, or nullptr.
  [[nodiscard]] const Activity* find_activity(std::string_view id) const;
  /// The rule with this id, or nullptr.
  [[nodiscard]] const ValidationRule* find_rule(std::string_view id) const;
  /// Throws ValueError listing every problem: an empty or invalid plan id, schedule periods
  /// not of the schedule's type or running backwards, days after a period's end outside
  /// 0..366, the unit hierarchy's problems (UnitHierarchy::validate), duplicate or invalid ids,
  /// unit ids not in `units`, task areas below 1, activities due before they start, two targets
  /// for one unit and period, duplicate rule ids and rules breaking ValidationRule's invariants.
  /// problems() holds each at its place in the plan's JSON form (the danvan/progress document:
  /// "/scope/2", "/activities/0/due", "/indicators/1/targets/0/unit",
  /// "/rules/0/left/0/indicator", "/units/3/parent"), its reason naming its subject
  /// ("rule \"r\" at /left/0/indicator: unknown indicator \"x\""); what() is that reason
  /// when there is one problem, else the count and the first ten ("3 problems in the progress
  /// plan: ...").
  void validate() const;

  friend bool operator==(const ProgressPlan&, const ProgressPlan&) = default;
};

}  // namespace danvan
