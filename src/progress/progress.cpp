#include "danvan/progress.hpp"

#include "base/enum_names.hpp"
#include "danvan/error.hpp"
#include "danvan/instrument.hpp"
#include "progress/rule_check.hpp"

#include <array>
#include <set>
#include <utility>

namespace danvan {

namespace {

constexpr std::array<std::string_view, 4> activity_status_names{"not_started", "in_progress",
                                                                "done", "overdue"};
constexpr std::array<std::string_view, 4> measure_names{"count", "percentage", "yes_no",
                                                        "qualitative"};
constexpr std::array<std::string_view, 2> direction_names{"ascending", "descending"};
constexpr std::array<std::string_view, 3> time_aggregation_names{"sum", "average", "last"};
constexpr std::array<std::string_view, 2> unit_aggregation_names{"sum", "average"};

void require_id(const std::string& id, const std::string& what) {
  if (!is_valid_id(id)) throw ValueError(what + ": invalid id \"" + id + "\"");
}

}  // namespace

DANVAN_ENUM_NAMES(ActivityStatus, activity_status_names, parse_activity_status, "activity status")
DANVAN_ENUM_NAMES(Measure, measure_names, parse_measure, "measure")
DANVAN_ENUM_NAMES(Direction, direction_names, parse_direction, "direction")
DANVAN_ENUM_NAMES(TimeAggregation, time_aggregation_names, parse_time_aggregation,
                  "aggregation over time")
DANVAN_ENUM_NAMES(UnitAggregation, unit_aggregation_names, parse_unit_aggregation,
                  "aggregation over units")

std::string_view vietnamese_name(ActivityStatus v) noexcept {
  switch (v) {
    case ActivityStatus::not_started:
      return "chưa bắt đầu";
    case ActivityStatus::in_progress:
      return "đang thực hiện";
    case ActivityStatus::done:
      return "đã hoàn thành";
    case ActivityStatus::overdue:
      return "quá hạn";
  }
  return "";
}

ActivityStatus activity_status(const Activity& activity, Date as_of, std::optional<Date> completed,
                               std::optional<Date> started) {
  if (completed && *completed <= as_of) return ActivityStatus::done;
  if (as_of > activity.due) return ActivityStatus::overdue;
  const bool begun = !activity.start || *activity.start <= as_of || (started && *started <= as_of);
  return begun ? ActivityStatus::in_progress : ActivityStatus::not_started;
}

std::optional<double> Indicator::target(std::string_view unit_id, const Period& period) const {
  for (const auto& t : targets) {
    if (t.unit_id == unit_id && t.period == period) return t.value;
  }
  return std::nullopt;
}

std::optional<double> progress_ratio(Direction direction, std::optional<double> baseline,
                                     double target, double value) {
  double r = 0;
  if (direction == Direction::ascending) {
    const double b = baseline.value_or(0);
    if (target == b) {
      if (value >= target) return 1.0;
      return std::nullopt;
    }
    r = (value - b) / (target - b);
  } else if (baseline && *baseline > target) {
    r = (*baseline - value) / (*baseline - target);
  } else if (value <= target) {
    r = 1;
  } else {
    r = target / value;
  }
  return r < 0 ? 0.0 : r;
}

std::vector<Period> ReportingSchedule::periods() const {
  std::vector<Period> out;
  if (first.type() != period_type || last.type() != period_type || last < first) return out;
  for (Period p = first; p <= last; p = p.next()) out.push_back(p);
  return out;
}

const Indicator* ProgressPlan::find_indicator(std::string_view id) const {
  for (const auto& i : indicators) {
    if (i.id == id) return &i;
  }
  return nullptr;
}

const ValidationRule* ProgressPlan::find_rule(std::string_view id) const {
  for (const auto& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

const Activity* ProgressPlan::find_activity(std::string_view id) const {
  for (const auto& a : activities) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

void ProgressPlan::validate() const {
  require_id(plan_id, "plan");
  const auto type_name = std::string(to_string(schedule.period_type));
  if (schedule.first.type() != schedule.period_type ||
      schedule.last.type() != schedule.period_type) {
    throw ValueError("schedule: first and last must be " + type_name + " periods");
  }
  if (schedule.last < schedule.first) {
    throw ValueError("schedule: last period " + schedule.last.id() + " is before first period " +
                     schedule.first.id());
  }
  if (schedule.days_after_period_end < 0 || schedule.days_after_period_end > 366) {
    throw ValueError("schedule: days_after_period_end must be 0..366");
  }
  units.validate();
  const auto known_unit = [&](const std::string& id, const std::string& where) {
    if (units.find(id) == nullptr) throw ValueError(where + ": unknown unit \"" + id + "\"");
  };
  std::set<std::string, std::less<>> seen;
  for (const auto& id : scope_unit_ids) {
    known_unit(id, "scope");
    if (!seen.insert(id).second) throw ValueError("scope: \"" + id + "\" is listed twice");
  }
  seen.clear();
  for (const auto& a : activities) {
    require_id(a.id, "activity");
    if (!seen.insert(a.id).second) throw ValueError("duplicate activity id \"" + a.id + "\"");
    if (a.name.empty()) throw ValueError("activity \"" + a.id + "\": empty name");
    if (a.task_area < 1) throw ValueError("activity \"" + a.id + "\": task area must be >= 1");
    if (a.start && *a.start > a.due) {
      throw ValueError("activity \"" + a.id + "\": due " + to_iso(a.due) + " is before start " +
                       to_iso(*a.start));
    }
    for (const auto& u : a.responsible_unit_ids) known_unit(u, "activity \"" + a.id + "\"");
    for (const auto& u : a.participating_unit_ids) known_unit(u, "activity \"" + a.id + "\"");
  }
  seen.clear();
  for (const auto& i : indicators) {
    require_id(i.id, "indicator");
    if (!seen.insert(i.id).second) throw ValueError("duplicate indicator id \"" + i.id + "\"");
    if (i.name.empty()) throw ValueError("indicator \"" + i.id + "\": empty name");
    if (i.task_area && *i.task_area < 1) {
      throw ValueError("indicator \"" + i.id + "\": task area must be >= 1");
    }
    std::set<std::pair<std::string, std::string>> targets;
    for (const auto& t : i.targets) {
      known_unit(t.unit_id, "indicator \"" + i.id + "\" target");
      if (!targets.emplace(t.unit_id, t.period.id()).second) {
        throw ValueError("indicator \"" + i.id + "\": two targets for " + t.unit_id + " in " +
                         t.period.id());
      }
    }
  }
  seen.clear();
  for (const auto& r : rules) {
    const auto problems = detail::rule_problems(indicators, r);
    if (!problems.empty()) {
      throw ValueError("rule \"" + r.id + "\"" +
                       (problems[0].pointer.empty() ? "" : " at " + problems[0].pointer) + ": " +
                       problems[0].reason);
    }
    if (!seen.insert(r.id).second) throw ValueError("duplicate rule id \"" + r.id + "\"");
  }
}

}  // namespace danvan
