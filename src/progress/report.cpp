#include "danvan/report.hpp"

#include "danvan/calendar.hpp"
#include "danvan/deadline.hpp"
#include "danvan/error.hpp"
#include "progress/report_check.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace danvan {

namespace {

/// The Vietnamese holiday calendar, built once (Calendar::vietnam() computes lunar holidays).
const Calendar& vietnam_calendar() {
  static const Calendar calendar = Calendar::vietnam();
  return calendar;
}

std::string join_pointer(const std::string& base, std::string_view key) {
  return base + "/" + std::string(key);
}

}  // namespace

Date report_deadline(const ReportingSchedule& schedule, const Period& period) {
  return add_calendar_days(vietnam_calendar(), period.end(), schedule.days_after_period_end);
}

std::string_view to_string(ReportState v) noexcept {
  switch (v) {
    case ReportState::on_time:
      return "on_time";
    case ReportState::late:
      return "late";
    case ReportState::missing:
      return "missing";
    case ReportState::not_due:
      return "not_due";
  }
  return "";
}

std::string_view vietnamese_name(ReportState v) noexcept {
  switch (v) {
    case ReportState::on_time:
      return "đúng hạn";
    case ReportState::late:
      return "trễ hạn";
    case ReportState::missing:
      return "chưa nộp (quá hạn)";
    case ReportState::not_due:
      return "chưa đến hạn";
  }
  return "";
}

const IndicatorValue* Report::find_value(std::string_view indicator_id) const {
  for (const auto& v : values) {
    if (v.indicator_id == indicator_id) return &v;
  }
  return nullptr;
}

bool expects_report(const UnitHierarchy& units, std::string_view unit_id, const Period& period) {
  return units.at(unit_id).exists_on(period.end());
}

// ---------------------------------------------------------------------------------------------
// Checking a batch against a plan (shared with the JSON reader, which adds pointers).

namespace detail {

void check_report(const ProgressPlan& plan, const Report& r, const std::string& ptr,
                  const ReportProblemSink& add) {
  const Unit* unit = plan.units.find(r.unit_id);
  if (unit == nullptr) add(join_pointer(ptr, "unit"), "unknown unit \"" + r.unit_id + "\"");
  const auto& s = plan.schedule;
  if (r.period.type() != s.period_type) {
    add(join_pointer(ptr, "period"), "period " + r.period.id() + " is not a " +
                                         std::string(to_string(s.period_type)) +
                                         " period as the schedule requires");
  } else if (r.period < s.first || s.last < r.period) {
    add(join_pointer(ptr, "period"), "period " + r.period.id() + " is outside the schedule " +
                                         s.first.id() + ".." + s.last.id());
  }
  if (r.submitted < r.period.start()) {
    add(join_pointer(ptr, "submitted"),
        "submitted " + to_iso(r.submitted) + " before the period " + r.period.id() + " began");
  }
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < r.values.size(); ++i) {
    const auto& v = r.values[i];
    const std::string vp = ptr + "/values/" + std::to_string(i);
    const Indicator* ind = plan.find_indicator(v.indicator_id);
    if (ind == nullptr) {
      add(vp + "/indicator", "unknown indicator \"" + v.indicator_id + "\"");
      continue;
    }
    if (!seen.insert(v.indicator_id).second) {
      add(vp + "/indicator", "indicator \"" + v.indicator_id + "\" is reported twice");
      continue;
    }
    const std::string value_ptr = vp + "/value";
    const auto expect = [&](std::string_view what) {
      add(value_ptr, "indicator \"" + ind->id + "\" measures " +
                         std::string(to_string(ind->measure)) + ": expected " + std::string(what));
    };
    switch (ind->measure) {
      case Measure::count:
        if (!std::holds_alternative<double>(v.value)) {
          expect("a number");
        } else if (std::get<double>(v.value) < 0) {
          add(value_ptr, "a count cannot be negative");
        }
        break;
      case Measure::percentage:
        if (!std::holds_alternative<Fraction>(v.value)) {
          expect("an object {\"numerator\", \"denominator\"}");
        } else {
          const auto& f = std::get<Fraction>(v.value);
          if (f.numerator < 0 || f.denominator < 0) {
            add(value_ptr, "numerator and denominator cannot be negative");
          } else if (f.numerator > f.denominator) {
            add(value_ptr, "numerator " + format_number(f.numerator) + " exceeds denominator " +
                               format_number(f.denominator));
          }
        }
        break;
      case Measure::yes_no:
        if (!std::holds_alternative<bool>(v.value)) expect("true or false");
        break;
      case Measure::qualitative:
        if (!std::holds_alternative<std::string>(v.value)) expect("a text");
        break;
    }
  }
  seen.clear();
  for (std::size_t i = 0; i < r.activities.size(); ++i) {
    const auto& a = r.activities[i];
    const std::string ap = ptr + "/activities/" + std::to_string(i);
    if (plan.find_activity(a.activity_id) == nullptr) {
      add(ap + "/activity", "unknown activity \"" + a.activity_id + "\"");
      continue;
    }
    if (!seen.insert(a.activity_id).second) {
      add(ap + "/activity", "activity \"" + a.activity_id + "\" is reported twice");
    }
    if (a.status == ActivityStatus::overdue) {
      add(ap + "/status", "\"overdue\" is derived from the due date and cannot be reported");
    }
    if (a.completed && a.status != ActivityStatus::done) {
      add(ap + "/completed", "a completion date needs status \"done\"");
    }
    if (a.completed && *a.completed > r.submitted) {
      add(ap + "/completed", "completed " + to_iso(*a.completed) +
                                 " after the report was submitted " + to_iso(r.submitted));
    }
  }
}

std::string format_number(double v) {
  if (v == static_cast<double>(static_cast<long long>(v)) && v < 1e15 && v > -1e15) {
    return std::to_string(static_cast<long long>(v));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

void check_batch(const ProgressPlan& plan, const ReportBatch& batch, const ReportProblemSink& add) {
  if (batch.plan_id != plan.plan_id) {
    add("/plan", "reports are for plan \"" + batch.plan_id + "\", but the progress plan is for \"" +
                     plan.plan_id + "\"");
  }
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  for (std::size_t i = 0; i < batch.reports.size(); ++i) {
    const auto& r = batch.reports[i];
    const std::string ptr = "/reports/" + std::to_string(i);
    check_report(plan, r, ptr, add);
    const auto [it, fresh] = seen.emplace(std::make_pair(r.unit_id, r.period.id()), i);
    if (!fresh) {
      add(ptr, "second report of " + r.unit_id + " for " + r.period.id() + " (first at /reports/" +
                   std::to_string(it->second) + ")");
    }
  }
}

}  // namespace detail

void ReportBatch::validate(const ProgressPlan& plan) const {
  // Every problem, each with its pointer: one alone is the message ("/reports/0/unit: ..."),
  // several are listed in it ("2 problems: /reports/0/unit: ...; /reports/1: ...").
  std::vector<JsonProblem> problems;
  detail::check_batch(plan, *this,
                      [&problems](const std::string& pointer, const std::string& reason) {
                        problems.push_back({pointer, reason});
                      });
  if (problems.empty()) return;
  const auto said = [](const JsonProblem& p) { return p.pointer + ": " + p.reason; };
  std::string message;
  if (problems.size() == 1) {
    message = said(problems.front());
  } else {
    message = std::to_string(problems.size()) + " problems: ";
    for (std::size_t i = 0; i < problems.size(); ++i)
      message += (i > 0 ? "; " : "") + said(problems[i]);
  }
  throw ValueError(message, std::move(problems));
}

// ---------------------------------------------------------------------------------------------
// Aggregation

AggregateValue aggregate_over_time(const Indicator& indicator,
                                   const std::vector<const IndicatorValue*>& values) {
  AggregateValue out;
  out.reports_expected = values.size();
  const IndicatorValue* last = nullptr;
  double sum = 0;
  for (const IndicatorValue* v : values) {
    if (v == nullptr) continue;
    ++out.reports_with_value;
    last = v;
    if (const auto* d = std::get_if<double>(&v->value)) {
      sum += *d;
    } else if (const auto* b = std::get_if<bool>(&v->value)) {
      sum += *b ? 1.0 : 0.0;
    } else if (const auto* f = std::get_if<Fraction>(&v->value)) {
      out.numerator += f->numerator;
      out.denominator += f->denominator;
    }
  }
  if (last == nullptr || indicator.measure == Measure::qualitative) {
    out.units = last != nullptr ? 1 : 0;
    return out;
  }
  out.units = 1;
  if (indicator.measure == Measure::percentage) {
    if (indicator.over_time == TimeAggregation::last) {
      const auto& f = std::get<Fraction>(last->value);
      out.numerator = f.numerator;
      out.denominator = f.denominator;
    }
    if (out.denominator > 0) out.value = 100.0 * out.numerator / out.denominator;
    return out;
  }
  switch (indicator.over_time) {
    case TimeAggregation::sum:
      out.value = sum;
      break;
    case TimeAggregation::average:
      out.value = sum / static_cast<double>(out.reports_with_value);
      break;
    case TimeAggregation::last:
      if (const auto* d = std::get_if<double>(&last->value)) {
        out.value = *d;
      } else {
        out.value = std::get<bool>(last->value) ? 1.0 : 0.0;
      }
      break;
  }
  return out;
}

AggregateValue aggregate_over_units(const Indicator& indicator,
                                    const std::vector<AggregateValue>& per_unit) {
  AggregateValue out;
  double sum = 0;
  for (const auto& u : per_unit) {
    out.reports_expected += u.reports_expected;
    out.reports_with_value += u.reports_with_value;
    out.units += u.units;
    out.numerator += u.numerator;
    out.denominator += u.denominator;
    if (u.value && indicator.measure != Measure::percentage) sum += *u.value;
  }
  if (indicator.measure == Measure::qualitative || out.units == 0) return out;
  if (indicator.measure == Measure::percentage) {
    if (out.denominator > 0) out.value = 100.0 * out.numerator / out.denominator;
    return out;
  }
  std::size_t with_value = 0;
  for (const auto& u : per_unit) with_value += u.value ? 1 : 0;
  if (with_value == 0) return out;
  out.value =
      indicator.over_units == UnitAggregation::sum ? sum : sum / static_cast<double>(with_value);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Summary

namespace {

struct ScopeUnit {
  const Unit* unit = nullptr;
  std::vector<Period> periods;     // expected periods in the query period
  std::vector<std::string> path;   // from the root (or the top) down to the unit itself
  std::vector<std::size_t> nodes;  // node indices of path
};

struct NodeBuild {
  std::string id;
  std::vector<std::size_t> children;
};

void add_to(Completeness& c, ReportState s) {
  ++c.expected;
  switch (s) {
    case ReportState::on_time:
      ++c.on_time;
      break;
    case ReportState::late:
      ++c.late;
      break;
    case ReportState::missing:
      ++c.missing;
      break;
    case ReportState::not_due:
      ++c.not_due;
      break;
  }
}

std::string key_of(std::string_view unit, const std::string& period) {
  std::string k(unit);
  k += '\x1f';
  k += period;
  return k;
}

// Scope units with their expected periods and their path in the hierarchy (from the queried
// unit down when there is one).
std::vector<ScopeUnit> scope_units(const ProgressPlan& plan, const ProgressQuery& query,
                                   const std::vector<Period>& periods) {
  std::vector<ScopeUnit> scope;
  for (const auto& id : plan.scope_unit_ids) {
    ScopeUnit s;
    s.unit = &plan.units.at(id);
    for (const auto& p : periods) {
      if (s.unit->exists_on(p.end())) s.periods.push_back(p);
    }
    if (s.periods.empty()) continue;
    const Date ref = s.periods.back().end();
    const auto chain = plan.units.ancestors(id, ref);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) s.path.push_back((*it)->id);
    s.path.push_back(id);
    if (query.unit_id) {
      const auto at = std::find(s.path.begin(), s.path.end(), *query.unit_id);
      if (at == s.path.end()) continue;
      s.path.erase(s.path.begin(), at);
    }
    scope.push_back(std::move(s));
  }
  return scope;
}

// The root of the roll-up: the queried unit, the top all scope units share, or "" (all units)
// with an empty first step on every path.
void set_root(ProgressSummary& out, std::vector<ScopeUnit>& scope, const ProgressQuery& query) {
  if (query.unit_id) {
    if (scope.empty()) {
      throw ValueError("unit \"" + *query.unit_id + "\" has no unit in scope reporting for " +
                       out.period.id());
    }
    out.root_unit_id = *query.unit_id;
  } else if (!scope.empty()) {
    const std::string top = scope.front().path.front();
    const bool common = std::all_of(scope.begin(), scope.end(),
                                    [&](const ScopeUnit& s) { return s.path.front() == top; });
    if (common) {
      out.root_unit_id = top;
    } else {
      for (auto& s : scope) s.path.insert(s.path.begin(), std::string());
    }
  }
}

void build_tree(ProgressSummary& out, const ProgressPlan& plan, std::vector<ScopeUnit>& scope) {
  // The roll-up tree, children in order of first appearance in the scope list.
  std::vector<NodeBuild> build;
  std::unordered_map<std::string, std::size_t> node_of;
  build.push_back(NodeBuild{out.root_unit_id, {}});
  node_of.emplace(out.root_unit_id, 0);
  for (auto& s : scope) {
    s.nodes.push_back(0);
    for (std::size_t k = 1; k < s.path.size(); ++k) {
      const auto [it, fresh] = node_of.emplace(s.path[k], build.size());
      if (fresh) {
        build[s.nodes.back()].children.push_back(build.size());
        build.push_back(NodeBuild{s.path[k], {}});
      }
      s.nodes.push_back(it->second);
    }
  }
  // Pre-order numbering.
  std::vector<std::size_t> order_of(build.size());
  {
    std::vector<std::pair<std::size_t, int>> stack{{0, 0}};
    while (!stack.empty()) {
      const auto [b, depth] = stack.back();
      stack.pop_back();
      order_of[b] = out.nodes.size();
      RollupNode n;
      n.unit_id = build[b].id;
      n.name = n.unit_id.empty() ? "Tất cả đơn vị" : plan.units.at(n.unit_id).name;
      n.depth = depth;
      out.nodes.push_back(std::move(n));
      for (auto it = build[b].children.rbegin(); it != build[b].children.rend(); ++it) {
        stack.emplace_back(*it, depth + 1);
      }
    }
  }
  for (auto& s : scope) {
    for (auto& n : s.nodes) n = order_of[n];
    out.nodes[s.nodes.back()].in_scope = true;
  }
}

// The reports each scope unit owes for each of its periods (the report or nullptr, in the order
// of ScopeUnit::periods), counted into the completeness of every node above the unit.
std::vector<std::vector<const Report*>> expected_reports(
    ProgressSummary& out, const ProgressPlan& plan, const std::vector<ScopeUnit>& scope,
    const std::vector<Period>& periods, const ProgressQuery& query,
    const std::unordered_map<std::string, const Report*>& known) {
  const auto& schedule = plan.schedule;
  // Expected reports and completeness; one deadline per period (holiday look-ups are not free).
  std::map<Period, Date> deadlines;
  for (const auto& p : periods) deadlines.emplace(p, report_deadline(schedule, p));
  std::vector<std::vector<const Report*>> reports_of(scope.size());
  for (std::size_t i = 0; i < scope.size(); ++i) {
    const auto& s = scope[i];
    for (const auto& p : s.periods) {
      ExpectedReport e;
      e.unit_id = s.unit->id;
      e.period = p;
      e.deadline = deadlines.at(p);
      const auto it = known.find(key_of(s.unit->id, p.id()));
      e.report = it == known.end() ? nullptr : it->second;
      if (e.report != nullptr) {
        e.state = e.report->submitted <= e.deadline ? ReportState::on_time : ReportState::late;
      } else {
        e.state = query.as_of > e.deadline ? ReportState::missing : ReportState::not_due;
      }
      for (const auto n : s.nodes) add_to(out.nodes[n].completeness, e.state);
      reports_of[i].push_back(e.report);
      out.expected.push_back(std::move(e));
    }
  }

  return reports_of;
}

void unexpected_reports(ProgressSummary& out, const ProgressPlan& plan, const ReportBatch& batch,
                        const ProgressQuery& query) {
  // Reports nobody expected.
  std::set<std::string, std::less<>> in_scope(plan.scope_unit_ids.begin(),
                                              plan.scope_unit_ids.end());
  for (const auto& r : batch.reports) {
    if (r.submitted > query.as_of || !out.period.contains(r.period)) continue;
    const Unit* u = plan.units.find(r.unit_id);
    if (u == nullptr) continue;
    if (!out.root_unit_id.empty()) {
      const Date ref = u->valid_to && *u->valid_to < r.period.end() ? *u->valid_to : r.period.end();
      if (!u->exists_on(ref) || !plan.units.is_within(r.unit_id, out.root_unit_id, ref)) continue;
    }
    if (!in_scope.contains(r.unit_id)) {
      out.unexpected.push_back(UnexpectedReport{&r, "the unit is not in the plan's scope"});
    } else if (!u->exists_on(r.period.end())) {
      out.unexpected.push_back(
          UnexpectedReport{&r, "the unit did not exist at the end of " + r.period.id()});
    }
  }
}

void rollup_indicators(ProgressSummary& out, const ProgressPlan& plan,
                       const std::vector<ScopeUnit>& scope, const std::vector<Period>& periods,
                       const std::vector<std::vector<const Report*>>& reports_of) {
  // Indicators: over time per scope unit, then up the tree.
  std::vector<std::vector<std::size_t>> scope_below(out.nodes.size());
  for (std::size_t i = 0; i < scope.size(); ++i) {
    for (const auto n : scope[i].nodes) scope_below[n].push_back(i);
  }
  std::vector<bool> superseded(scope.size());
  if (!periods.empty()) {
    for (std::size_t i = 0; i < scope.size(); ++i) {
      const Unit& u = *scope[i].unit;
      superseded[i] = !u.successor_ids.empty() && !u.exists_on(periods.back().end());
    }
  }
  std::vector<AggregateValue> per_unit(scope.size());
  std::vector<const IndicatorValue*> values;
  std::vector<AggregateValue> parts;
  for (std::size_t k = 0; k < plan.indicators.size(); ++k) {
    const Indicator& ind = plan.indicators[k];
    IndicatorRollup roll;
    roll.indicator = &ind;
    for (std::size_t i = 0; i < scope.size(); ++i) {
      values.clear();
      for (std::size_t j = 0; j < scope[i].periods.size(); ++j) {
        const Report* r = reports_of[i][j];
        const IndicatorValue* v = nullptr;
        if (r != nullptr) {
          // Reports usually list values in the plan's order: try that position first.
          v = k < r->values.size() && r->values[k].indicator_id == ind.id ? &r->values[k]
                                                                          : r->find_value(ind.id);
          if (v != nullptr && ind.measure == Measure::qualitative) {
            roll.texts.push_back({r->unit_id, r->period.id(), std::get<std::string>(v->value)});
          }
        }
        values.push_back(v);
      }
      per_unit[i] = aggregate_over_time(ind, values);
    }
    for (std::size_t n = 0; n < out.nodes.size(); ++n) {
      parts.clear();
      for (const auto i : scope_below[n]) {
        // A stock ("last value") of a unit merged away is carried on by its successor: it
        // counts for the unit itself, not again above it.
        if (ind.over_time == TimeAggregation::last && superseded[i] && n != scope[i].nodes.back()) {
          continue;
        }
        parts.push_back(per_unit[i]);
      }
      roll.values.push_back(aggregate_over_units(ind, parts));
      roll.targets.push_back(out.nodes[n].unit_id.empty()
                                 ? std::nullopt
                                 : ind.target(out.nodes[n].unit_id, out.period));
    }
    out.indicators.push_back(std::move(roll));
  }
}

void activity_rows(ProgressSummary& out, const ProgressPlan& plan, const ReportBatch& batch,
                   const ProgressQuery& query) {
  // Activities.
  std::set<std::string, std::less<>> relevant;
  for (const auto& n : out.nodes) relevant.insert(n.unit_id);
  std::unordered_map<std::string, std::size_t> activity_index;
  std::vector<std::optional<Date>> completed(plan.activities.size());
  std::vector<std::optional<Date>> started(plan.activities.size());
  for (std::size_t i = 0; i < plan.activities.size(); ++i) {
    activity_index.emplace(plan.activities[i].id, i);
  }
  for (const auto& r : batch.reports) {
    if (r.submitted > query.as_of) continue;
    for (const auto& a : r.activities) {
      const auto it = activity_index.find(a.activity_id);
      if (it == activity_index.end()) continue;
      const Activity& act = plan.activities[it->second];
      const auto& resp = act.responsible_unit_ids;
      if (!resp.empty() && std::find(resp.begin(), resp.end(), r.unit_id) == resp.end()) continue;
      if (a.status == ActivityStatus::in_progress || a.status == ActivityStatus::done) {
        auto& s = started[it->second];
        if (!s || r.submitted < *s) s = r.submitted;
      }
      if (a.status == ActivityStatus::done) {
        const Date d = a.completed.value_or(r.submitted);
        auto& c = completed[it->second];
        if (!c || d < *c) c = d;
      }
    }
  }
  for (std::size_t i = 0; i < plan.activities.size(); ++i) {
    const Activity& act = plan.activities[i];
    if (!out.root_unit_id.empty()) {
      bool concerns = act.responsible_unit_ids.empty() && act.participating_unit_ids.empty();
      for (const auto* list : {&act.responsible_unit_ids, &act.participating_unit_ids}) {
        for (const auto& u : *list) concerns = concerns || relevant.contains(u);
      }
      if (!concerns) continue;
    }
    ActivityRow row;
    row.activity = &act;
    row.status = activity_status(act, query.as_of, completed[i], started[i]);
    if (row.status == ActivityStatus::done) {
      row.completed = completed[i];
      row.completed_late = *completed[i] > act.due;
    }
    out.activities.push_back(row);
  }
}

}  // namespace

ProgressSummary summarize_progress(const ProgressPlan& plan, const ReportBatch& batch,
                                   const ProgressQuery& query) {
  ProgressSummary out;
  out.plan_id = plan.plan_id;
  out.sample = plan.sample || batch.sample;
  out.as_of = query.as_of;
  out.period = query.period.value_or(Period(PeriodType::year, plan.schedule.first.year()));
  const auto& schedule = plan.schedule;
  if (out.period.type() < schedule.period_type) {
    throw ValueError("period " + out.period.id() + " is shorter than the schedule's " +
                     std::string(to_string(schedule.period_type)) + " periods");
  }
  std::vector<Period> periods;
  for (const auto& p : schedule.periods()) {
    if (out.period.contains(p)) periods.push_back(p);
  }
  if (query.unit_id) (void)plan.units.at(*query.unit_id);

  // Reports known on the as-of day, by unit and period.
  std::unordered_map<std::string, const Report*> known;
  known.reserve(batch.reports.size());
  for (const auto& r : batch.reports) {
    if (r.submitted <= query.as_of) known.emplace(key_of(r.unit_id, r.period.id()), &r);
  }

  std::vector<ScopeUnit> scope = scope_units(plan, query, periods);
  set_root(out, scope, query);
  build_tree(out, plan, scope);
  const auto reports_of = expected_reports(out, plan, scope, periods, query, known);
  unexpected_reports(out, plan, batch, query);
  rollup_indicators(out, plan, scope, periods, reports_of);
  activity_rows(out, plan, batch, query);
  if (!plan.rules.empty()) {
    RuleQuery rules;
    rules.as_of = query.as_of;
    rules.within = out.period;
    if (!out.root_unit_id.empty()) rules.unit_id = out.root_unit_id;
    out.rules = std::make_shared<const RuleCheck>(check_rules(plan, batch, rules));
  }
  return out;
}

}  // namespace danvan
