#include "danvan/progress.hpp"

#include "base/enum_names.hpp"
#include "base/problems.hpp"
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
  // Every problem, each at its place in the plan's JSON form (the danvan/progress document:
  // "/activities/2/due", "/indicators/0/targets/1/unit"); the reasons name their subject.
  std::vector<JsonProblem> problems;
  const auto add = [&problems](std::string pointer, std::string reason) {
    problems.push_back(JsonProblem{std::move(pointer), std::move(reason)});
  };
  const auto at = [](std::string_view list, std::size_t i, std::string_view tail = {}) {
    return "/" + std::string(list) + "/" + std::to_string(i) + std::string(tail);
  };
  const auto check_id = [&add](const std::string& id, const std::string& what,
                               std::string pointer) {
    if (!is_valid_id(id)) add(std::move(pointer), what + ": invalid id \"" + id + "\"");
  };
  const auto check_units = [&](const std::vector<std::string>& ids, const std::string& where,
                               const std::string& pointer) {
    for (std::size_t k = 0; k < ids.size(); ++k) {
      if (units.find(ids[k]) == nullptr) {
        add(pointer + "/" + std::to_string(k), where + ": unknown unit \"" + ids[k] + "\"");
      }
    }
  };

  check_id(plan_id, "plan", "/plan");
  const auto type_name = std::string(to_string(schedule.period_type));
  bool types_ok = true;
  for (const auto& [period, key] :
       {std::pair{&schedule.first, "first"}, {&schedule.last, "last"}}) {
    if (period->type() != schedule.period_type) {
      types_ok = false;
      add(std::string("/schedule/") + key, "schedule: " + std::string(key) + " period " +
                                               period->id() + " is not a " + type_name + " period");
    }
  }
  if (types_ok && schedule.last < schedule.first) {
    add("/schedule/last", "schedule: last period " + schedule.last.id() +
                              " is before first period " + schedule.first.id());
  }
  if (schedule.days_after_period_end < 0 || schedule.days_after_period_end > 366) {
    add("/schedule/days_after_period_end", "schedule: days_after_period_end must be 0..366");
  }
  try {
    units.validate();
  } catch (const ValueError& e) {
    // Its pointers are already places in "/units", as in the plan's JSON form.
    for (auto& problem : e.problems()) problems.push_back(std::move(problem));
  }

  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < scope_unit_ids.size(); ++i) {
    const std::string& id = scope_unit_ids[i];
    if (units.find(id) == nullptr) add(at("scope", i), "scope: unknown unit \"" + id + "\"");
    if (!seen.insert(id).second) add(at("scope", i), "scope: \"" + id + "\" is listed twice");
  }
  // An activity's or indicator's id (valid, once in its list) and name; `seen` holds the list's
  // ids so far.
  const auto check_item = [&](const std::string& kind, std::string_view list, std::size_t i,
                              const std::string& id, const std::string& name) {
    check_id(id, kind, at(list, i, "/id"));
    if (!seen.insert(id).second) {
      add(at(list, i, "/id"), "duplicate " + kind + " id \"" + id + "\"");
    }
    if (name.empty()) add(at(list, i, "/name"), kind + " \"" + id + "\": empty name");
  };
  seen.clear();
  for (std::size_t i = 0; i < activities.size(); ++i) {
    const Activity& a = activities[i];
    const std::string what = "activity \"" + a.id + "\"";
    check_item("activity", "activities", i, a.id, a.name);
    if (a.task_area < 1) add(at("activities", i, "/task_area"), what + ": task area must be >= 1");
    if (a.start && *a.start > a.due) {
      add(at("activities", i, "/due"),
          what + ": due " + to_iso(a.due) + " is before start " + to_iso(*a.start));
    }
    check_units(a.responsible_unit_ids, what, at("activities", i, "/responsible_units"));
    check_units(a.participating_unit_ids, what, at("activities", i, "/participating_units"));
  }
  seen.clear();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    const Indicator& ind = indicators[i];
    const std::string what = "indicator \"" + ind.id + "\"";
    check_item("indicator", "indicators", i, ind.id, ind.name);
    if (ind.task_area && *ind.task_area < 1) {
      add(at("indicators", i, "/task_area"), what + ": task area must be >= 1");
    }
    std::set<std::pair<std::string, std::string>> targets;
    for (std::size_t k = 0; k < ind.targets.size(); ++k) {
      const Target& t = ind.targets[k];
      const std::string target_at = at("indicators", i, "/targets/" + std::to_string(k));
      if (units.find(t.unit_id) == nullptr) {
        add(target_at + "/unit", what + " target: unknown unit \"" + t.unit_id + "\"");
      }
      if (!targets.emplace(t.unit_id, t.period.id()).second) {
        add(target_at, what + ": two targets for " + t.unit_id + " in " + t.period.id());
      }
    }
  }
  seen.clear();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const ValidationRule& r = rules[i];
    for (const auto& problem : detail::rule_problems(indicators, r)) {
      add(at("rules", i, problem.pointer),
          "rule \"" + r.id + "\"" + (problem.pointer.empty() ? "" : " at " + problem.pointer) +
              ": " + problem.reason);
    }
    if (!seen.insert(r.id).second) {
      add(at("rules", i, "/id"), "duplicate rule id \"" + r.id + "\"");
    }
  }
  detail::throw_value_problems(std::move(problems), "the progress plan");
}

}  // namespace danvan
