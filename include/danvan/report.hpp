// Periodic reports (báo cáo định kỳ) of units against a progress plan: expected, on time, late
// and missing reports, and indicator roll-ups over time and up the unit hierarchy.
#pragma once

#include "danvan/date.hpp"
#include "danvan/period.hpp"
#include "danvan/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace danvan {

/// A percentage as reported: numerator and denominator (0 <= numerator <= denominator).
struct Fraction {
  double numerator = 0;    ///< e.g. complaints settled
  double denominator = 0;  ///< e.g. complaints received
  friend bool operator==(const Fraction&, const Fraction&) = default;
};

/// One indicator value in a report. The alternative matches the indicator's measure: a number
/// (count), a Fraction (percentage), a bool (yes/no) or text (qualitative).
struct IndicatorValue {
  std::string indicator_id;                                 ///< an indicator of the plan
  std::variant<double, Fraction, bool, std::string> value;  ///< see above
  friend bool operator==(const IndicatorValue&, const IndicatorValue&) = default;
};

/// What a report says about an activity. Units report not_started, in_progress or done
/// (overdue is derived, never reported); `completed` is the day it was done.
struct ActivityReport {
  std::string activity_id;                              ///< an activity of the plan
  ActivityStatus status = ActivityStatus::in_progress;  ///< as reported
  std::optional<Date> completed;                        ///< when done (status done only)
  friend bool operator==(const ActivityReport&, const ActivityReport&) = default;
};

/// One unit's submission for one period.
struct Report {
  std::string unit_id;                        ///< the reporting unit
  Period period{PeriodType::month, 2000, 1};  ///< the period reported on
  Date submitted{2000, 1, 1};                 ///< the day it was submitted
  std::vector<IndicatorValue> values;         ///< at most one per indicator
  std::vector<ActivityReport> activities;     ///< at most one per activity
  std::optional<std::string> narrative;       ///< the report's prose, when kept

  /// The value of an indicator, or nullptr when the report gives none.
  [[nodiscard]] const IndicatorValue* find_value(std::string_view indicator_id) const;
  friend bool operator==(const Report&, const Report&) = default;
};

/// A batch of reports for one plan (the danvan/reports document).
struct ReportBatch {
  std::string plan_id;              ///< the progress plan the reports answer
  bool sample = false;              ///< invented data for demos (SAMPLE), not real reports
  std::optional<std::string> note;  ///< where the reports come from, or anything else
  std::vector<Report> reports;      ///< in any order

  /// Throws ValueError when a report does not fit the progress plan: another plan id, a unit
  /// not in its hierarchy, a period of another type or outside the schedule, a submission
  /// before the period started, two reports for one unit and period, unknown indicator or
  /// activity ids, a value not matching the indicator's measure, a bad fraction. Every problem
  /// is reported: one alone is the message ("/reports/0/unit: unknown unit ..."), several are
  /// listed in it ("2 problems: ...; ..."); ValueError::problems() has each with its JSON
  /// pointer into the batch's document.
  void validate(const ProgressPlan& plan) const;
  friend bool operator==(const ReportBatch&, const ReportBatch&) = default;
};

/// The last day a report for `period` is on time: `days_after_period_end` calendar days
/// counted from the day after the period's last day, as the Civil Code counts a time limit
/// (danvan/deadline.hpp): a deadline on a weekend day or public holiday moves to the next
/// working day of the Vietnamese calendar (Calendar::vietnam()). Throws ValueError for a period
/// outside the calendar's years (2013..2100).
Date report_deadline(const ReportingSchedule& schedule, const Period& period);

/// State of an expected report on the as-of day.
enum class ReportState : std::uint8_t {
  on_time,  ///< đúng hạn
  late,     ///< trễ hạn
  missing,  ///< chưa nộp, past the deadline
  not_due,  ///< chưa nộp, still before the deadline
};
std::string_view to_string(ReportState v) noexcept;
std::string_view vietnamese_name(ReportState v) noexcept;

/// A report the schedule expects: the unit, the period, its deadline and state; `report` points
/// into the batch when one was submitted on or before the as-of day.
struct ExpectedReport {
  std::string unit_id;                        ///< the unit expected to report
  Period period{PeriodType::month, 2000, 1};  ///< the period
  Date deadline{2000, 1, 1};                  ///< report_deadline of the period
  ReportState state = ReportState::missing;   ///< on the as-of day
  const Report* report = nullptr;             ///< the submission, or nullptr
};

/// Whether a scope unit is expected to report for a period: when it exists on the period's last
/// day. A unit merged away during a period is not expected for it; its successor (existing at
/// the period end) reports for the whole period.
bool expects_report(const UnitHierarchy& units, std::string_view unit_id, const Period& period);

/// Counts of expected reports by state.
struct Completeness {
  std::size_t expected = 0;  ///< on_time + late + missing + not_due
  std::size_t on_time = 0;   ///< submitted by the deadline
  std::size_t late = 0;      ///< submitted after the deadline
  std::size_t missing = 0;   ///< not submitted, past the deadline
  std::size_t not_due = 0;   ///< not submitted, deadline still ahead
  /// Reports submitted: on time or late.
  [[nodiscard]] std::size_t submitted() const noexcept { return on_time + late; }
  friend bool operator==(const Completeness&, const Completeness&) = default;
};

/// An aggregated indicator value. `value` is empty when nothing was reported (missing, never
/// zero). For percentages `value` is 100 * numerator / denominator of the summed parts.
/// `reports_expected` and `reports_with_value` tell how complete the figure is.
struct AggregateValue {
  std::optional<double> value;         ///< the figure; empty when nothing was reported
  double numerator = 0;                ///< for percentages: the summed numerators (else 0)
  double denominator = 0;              ///< for percentages: the summed denominators (else 0)
  std::size_t reports_expected = 0;    ///< reports the schedule expected for this figure
  std::size_t reports_with_value = 0;  ///< of those, the ones that gave a value
  std::size_t units = 0;               ///< contributing scope units with a value
};

/// Aggregates one unit's values of an indicator over periods (in period order; nullopt for a
/// period without a value, which is skipped, never counted as zero).
AggregateValue aggregate_over_time(const Indicator& indicator,
                                   const std::vector<const IndicatorValue*>& values);
/// Aggregates per-unit aggregates up the hierarchy by the indicator's unit aggregation.
AggregateValue aggregate_over_units(const Indicator& indicator,
                                    const std::vector<AggregateValue>& per_unit);

/// What to summarise: a period of the schedule's type or longer (default: the year of the
/// schedule's first period), the as-of day, and the unit whose subtree is shown (default: the
/// common root of the scope, or every unit when there are several roots).
struct ProgressQuery {
  std::optional<Period> period;        ///< the period summarised; see above for the default
  Date as_of{2000, 1, 1};              ///< the day the summary is made on
  std::optional<std::string> unit_id;  ///< the subtree shown; see above for the default
};

/// Roll-up rules of summarize_progress: each scope unit's values are first aggregated over the
/// periods it was expected to report (aggregate_over_time), then those per-unit figures are
/// aggregated for every node above it (aggregate_over_units). For indicators aggregated over
/// time by "last" (stocks such as outstanding complaints), a unit merged away before the end of
/// the query period counts for its own row only: its successor carries the stock on.

/// One node of the roll-up tree: a scope unit or one of its ancestors up to the root.
struct RollupNode {
  std::string unit_id;        ///< "" for the virtual root over several roots
  std::string name;           ///< the unit's name
  int depth = 0;              ///< 0 for the root, 1 below it, ...
  bool in_scope = false;      ///< whether the unit itself is expected to report
  Completeness completeness;  ///< summed over the scope units below (itself included)
};

/// An indicator rolled up: one value per node, with the node's target for the period.
struct IndicatorRollup {
  const Indicator* indicator = nullptr;        ///< into the plan summarised
  std::vector<AggregateValue> values;          ///< parallel to ProgressSummary::nodes
  std::vector<std::optional<double>> targets;  ///< parallel to ProgressSummary::nodes
  /// Qualitative answers: (unit id, period id, text), in report order.
  std::vector<std::vector<std::string>> texts;
};

/// An activity and its status on the as-of day.
struct ActivityRow {
  const Activity* activity = nullptr;                   ///< into the plan summarised
  ActivityStatus status = ActivityStatus::not_started;  ///< on the as-of day, overdue included
  std::optional<Date> completed;  ///< when done: the earliest day a unit reported it done
  bool completed_late = false;    ///< done after its due day
};

struct WorkflowSummary;  // danvan/workflow.hpp

/// A submitted report nobody expected (a unit outside the scope, or one that did not exist at
/// the period end).
struct UnexpectedReport {
  const Report* report = nullptr;  ///< into the batch summarised
  std::string reason;              ///< why it was not expected
};

/// Everything `danvan progress` shows. Pointers refer into the plan and batch summarised, which
/// must outlive it.
struct ProgressSummary {
  std::string plan_id;                       ///< the plan summarised
  bool sample = false;                       ///< the plan or the batch is SAMPLE data
  Period period{PeriodType::year, 2000};     ///< the period summarised
  Date as_of{2000, 1, 1};                    ///< the day it was made on
  std::string root_unit_id;                  ///< "" when every unit is shown
  std::vector<RollupNode> nodes;             ///< pre-order; nodes[0] is the root
  std::vector<ExpectedReport> expected;      ///< by unit (scope order), then period
  std::vector<IndicatorRollup> indicators;   ///< in the plan's order
  std::vector<ActivityRow> activities;       ///< the activities concerning the subtree shown
  std::vector<UnexpectedReport> unexpected;  ///< reports nobody expected
  /// Set by the summary with a submission workflow (danvan/workflow.hpp): the reports awaiting
  /// approval or returned, counts per node, and what the indicator figures count.
  std::shared_ptr<const WorkflowSummary> workflow;
  /// The plan's validation rules checked on the reports known on the as-of day within the
  /// summary's period and units (danvan/rules.hpp); null when the plan has no rules.
  std::shared_ptr<const RuleCheck> rules;
};

/// Summarises the batch against the plan as of `query.as_of`. Reports submitted after the as-of
/// day are treated as not yet submitted. Throws ValueError for a query period shorter than the
/// schedule's period type, an unknown unit, or a unit that has no scope unit below it.
ProgressSummary summarize_progress(const ProgressPlan& plan, const ReportBatch& batch,
                                   const ProgressQuery& query);

}  // namespace danvan
