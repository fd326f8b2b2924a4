#include "danvan/json/progress.hpp"

#include "danvan/io.hpp"
#include "danvan/json/plan.hpp"
#include "json/object_reader.hpp"
#include "json/unit_codes.hpp"
#include "progress/report_check.hpp"
#include "progress/rule_check.hpp"

#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace danvan {

using detail::child_pointer;
using detail::CodeDays;
using detail::CodeResolver;
using detail::ObjectReader;
using detail::Problems;

namespace {

Json number_json(double v) {
  if (std::abs(v) < 1e15 && v == std::floor(v)) return Json(static_cast<long long>(v));
  return Json(v);
}

Json string_array(const std::vector<std::string>& values) {
  Json a = Json::array();
  for (const auto& v : values) a.push_back(v);
  return a;
}

Json optional_text(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json header(std::string_view schema) {
  Json j = Json::object();
  j["schema"] = std::string(schema);
  j["version"] = json_version;
  return j;
}

std::optional<Period> read_period(ObjectReader& r, std::string_view key, bool required = true) {
  const auto s = r.string(key, required);
  if (!s) return std::nullopt;
  try {
    return Period::parse(*s);
  } catch (const ParseError& e) {
    r.problems().add(r.pointer_to(key), "invalid period \"" + *s + "\": " + e.reason());
  } catch (const ValueError& e) {
    r.problems().add(r.pointer_to(key), "invalid period \"" + *s + "\": " + e.what());
  }
  return std::nullopt;
}

std::optional<double> read_number(ObjectReader& r, std::string_view key, bool required = true) {
  const Json* v = r.member(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) {
    r.problems().add(r.pointer_to(key), "expected a number, got " + detail::describe_type(*v));
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d) || std::abs(d) > 1e15) {
    r.problems().add(r.pointer_to(key), "number out of range -1e15..1e15");
    return std::nullopt;
  }
  return d;
}

template <class T, class Parse>
std::optional<T> read_enum(ObjectReader& r, std::string_view key, Parse parse) {
  return r.parsed<T>(key, true, parse);
}

/// Ids already read, with the pointer of the first one (for "duplicate ... id" problems).
using SeenIds = std::map<std::string, std::string, std::less<>>;

/// Checks the unit ids of the array at `pointer` against the hierarchy (none: not checked).
void check_unit_ids(const std::vector<std::string>& ids, const std::string& pointer,
                    const UnitHierarchy* units, Problems& problems) {
  if (units == nullptr) return;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (units->find(ids[i]) == nullptr) {
      problems.add(child_pointer(pointer, i), "unknown unit \"" + ids[i] + "\"");
    }
  }
}

/// Checks unit references of an array member against the hierarchy (none: not checked).
void check_units(ObjectReader& r, std::string_view key, const std::vector<std::string>& ids,
                 const UnitHierarchy* units) {
  check_unit_ids(ids, r.pointer_to(key), units, r.problems());
}

/// The days of a period, "in 2025Q3".
CodeDays period_days(const Period& period) {
  return {period.start(), period.end(), "in " + period.id()};
}

/// The unit references of an array member: ids, or with `codes` also "code:NNNNN" (resolved
/// later by resolve_list, once the days they are resolved on are read).
std::vector<std::string> unit_list(ObjectReader& r, std::string_view key, CodeResolver* codes) {
  return codes != nullptr ? r.unit_refs(key, true) : r.ids(key, true);
}

/// Resolves the references by official code of the array at `pointer` on `days`
/// (detail::resolve_unit_list).
void resolve_list(std::vector<std::string>& refs, const std::string& pointer, CodeResolver* codes,
                  const std::optional<CodeDays>& days, Problems& problems) {
  detail::resolve_unit_list(refs, pointer, problems, [&](std::string& ref, const std::string& p) {
    return codes->resolve(ref, days, p, problems);
  });
}

UnitHierarchy read_units(ObjectReader& r, bool& ok) {
  Problems& problems = r.problems();
  const std::size_t before = problems.size();
  std::vector<std::pair<Unit, std::string>> units;
  std::map<std::string, std::string, std::less<>> pointers;
  r.array("units", true, [&](const Json& e, const std::string& p) {
    try {
      Unit u = e.get<Unit>();
      if (!pointers.emplace(u.id, p).second) {
        problems.add(p + "/id",
                     "duplicate unit id \"" + u.id + "\" (first at " + pointers[u.id] + ")");
      } else {
        units.emplace_back(std::move(u), p);
      }
    } catch (const JsonDocumentError& ex) {
      for (const auto& pr : ex.problems()) problems.add(p + pr.pointer, pr.reason);
    }
  });
  UnitHierarchy hierarchy;
  if (problems.size() == before) {
    for (auto& [u, p] : units) {
      try {
        hierarchy.add(std::move(u));
      } catch (const ValueError& ex) {
        problems.add(p, ex.what());
      }
    }
  }
  if (problems.size() == before) {
    try {
      hierarchy.validate();
    } catch (const ValueError& ex) {
      problems.add_all(r.pointer_to("units"), ex, "/units");
    }
  }
  ok = problems.size() == before;
  return hierarchy;
}

std::optional<ReportingSchedule> read_schedule(const Json& s, const std::string& pointer,
                                               Problems& problems) {
  ObjectReader sr(s, pointer, problems);
  if (!sr.ok()) return std::nullopt;
  ObjectReader& r = sr;
  const std::size_t before = r.problems().size();
  auto type = read_enum<PeriodType>(sr, "period_type", parse_period_type);
  auto first = read_period(sr, "first");
  auto last = read_period(sr, "last");
  auto days = sr.integer("days_after_period_end", 0, 366);
  sr.finish();
  if (type && first && first->type() != *type) {
    r.problems().add(sr.pointer_to("first"), "period " + first->id() + " is not a " +
                                                 std::string(to_string(*type)) + " period");
  }
  if (type && last && last->type() != *type) {
    r.problems().add(sr.pointer_to("last"), "period " + last->id() + " is not a " +
                                                std::string(to_string(*type)) + " period");
  }
  if (r.problems().size() != before || !type || !first || !last || !days) return std::nullopt;
  if (*last < *first) {
    r.problems().add(sr.pointer_to("last"),
                     "last period " + last->id() + " is before first period " + first->id());
    return std::nullopt;
  }
  ReportingSchedule out;
  out.period_type = *type;
  out.first = *first;
  out.last = *last;
  out.days_after_period_end = static_cast<int>(*days);
  return out;
}

std::optional<ReportingSchedule> read_schedule(ObjectReader& r) {
  const Json* s = r.member("schedule", true);
  if (s == nullptr) return std::nullopt;
  return read_schedule(*s, r.pointer_to("schedule"), r.problems());
}

/// One activity at `p`. `units`: the hierarchy its units must be in (nullptr: not checked);
/// `ids`: the ids of the activities before it (nullptr: not checked); `codes`: resolves units
/// named by official code, on the activity's days (nullptr: ids only).
std::optional<Activity> read_activity(const Json& e, const std::string& p, Problems& problems,
                                      const UnitHierarchy* units, SeenIds* ids,
                                      CodeResolver* codes = nullptr) {
  ObjectReader ar(e, p, problems);
  if (!ar.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  Activity a;
  auto id = ar.id("id");
  auto name = ar.text("name");
  auto area = ar.integer("task_area", 1, 1000);
  a.responsible_unit_ids = unit_list(ar, "responsible_units", codes);
  check_units(ar, "responsible_units", a.responsible_unit_ids, units);
  a.participating_unit_ids = unit_list(ar, "participating_units", codes);
  check_units(ar, "participating_units", a.participating_unit_ids, units);
  a.start = ar.date("start", false);
  auto due = ar.date("due");
  ar.finish();
  if (codes != nullptr) {
    // Its days: from its start (when it has one before the due day) to its due day.
    std::optional<CodeDays> days;
    if (due && a.start && *a.start < *due) {
      days = CodeDays{*a.start, *due, "from " + to_iso(*a.start) + " to " + to_iso(*due)};
    } else if (due) {
      days = CodeDays{*due, *due, "on " + to_iso(*due)};
    }
    resolve_list(a.responsible_unit_ids, ar.pointer_to("responsible_units"), codes, days, problems);
    resolve_list(a.participating_unit_ids, ar.pointer_to("participating_units"), codes, days,
                 problems);
  }
  if (a.start && due && *a.start > *due) {
    problems.add(ar.pointer_to("due"),
                 "due " + to_iso(*due) + " is before start " + to_iso(*a.start));
  }
  if (ids != nullptr && id && !ids->emplace(*id, p).second) {
    problems.add(ar.pointer_to("id"),
                 "duplicate activity id \"" + *id + "\" (first at " + (*ids)[*id] + ")");
  }
  if (problems.size() != before || !id || !name || !area || !due) return std::nullopt;
  a.id = *id;
  a.name = *name;
  a.task_area = static_cast<int>(*area);
  a.due = *due;
  return a;
}

/// One target at `tp` (its unit checked against `units` unless nullptr; with `codes`, a unit
/// named by official code is resolved in the target's period).
std::optional<Target> read_target(const Json& te, const std::string& tp, Problems& problems,
                                  const UnitHierarchy* units, CodeResolver* codes = nullptr) {
  ObjectReader tr(te, tp, problems);
  if (!tr.ok()) return std::nullopt;
  auto unit = codes != nullptr ? tr.unit_ref("unit") : tr.id("unit");
  auto period = read_period(tr, "period");
  auto value = read_number(tr, "value");
  tr.finish();
  if (unit && codes != nullptr &&
      !codes->resolve(*unit, period ? std::optional(period_days(*period)) : std::nullopt,
                      tr.pointer_to("unit"), problems)) {
    return std::nullopt;
  }
  if (unit && units != nullptr && units->find(*unit) == nullptr) {
    problems.add(tr.pointer_to("unit"), "unknown unit \"" + *unit + "\"");
    return std::nullopt;
  }
  if (!unit || !period || !value) return std::nullopt;
  return Target{*unit, *period, *value};
}

/// One indicator at `p`; `units`, `ids` and `codes` as for read_activity (a target's unit is
/// resolved in the target's period).
std::optional<Indicator> read_indicator(const Json& e, const std::string& p, Problems& problems,
                                        const UnitHierarchy* units, SeenIds* ids,
                                        CodeResolver* codes = nullptr) {
  ObjectReader ir(e, p, problems);
  if (!ir.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  Indicator ind;
  auto id = ir.id("id");
  auto name = ir.text("name");
  if (auto area = ir.integer("task_area", 1, 1000, false)) ind.task_area = static_cast<int>(*area);
  auto measure = read_enum<Measure>(ir, "measure", parse_measure);
  auto direction = read_enum<Direction>(ir, "direction", parse_direction);
  ind.baseline = read_number(ir, "baseline", false);
  ind.baseline_period = read_period(ir, "baseline_period", false);
  auto over_time = read_enum<TimeAggregation>(ir, "over_time", parse_time_aggregation);
  auto over_units = read_enum<UnitAggregation>(ir, "over_units", parse_unit_aggregation);
  std::set<std::pair<std::string, std::string>> target_keys;
  ir.array("targets", true, [&](const Json& te, const std::string& tp) {
    auto t = read_target(te, tp, problems, units, codes);
    if (!t) return;
    if (!target_keys.emplace(t->unit_id, t->period.id()).second) {
      problems.add(tp, "second target for " + t->unit_id + " in " + t->period.id());
      return;
    }
    if (measure == Measure::percentage && (t->value < 0 || t->value > 100)) {
      problems.add(child_pointer(tp, "value"), "a percentage target must be 0..100");
      return;
    }
    ind.targets.push_back(std::move(*t));
  });
  ir.finish();
  if (ids != nullptr && id && !ids->emplace(*id, p).second) {
    problems.add(ir.pointer_to("id"),
                 "duplicate indicator id \"" + *id + "\" (first at " + (*ids)[*id] + ")");
  }
  if (measure == Measure::qualitative && !ind.targets.empty()) {
    problems.add(ir.pointer_to("targets"), "a qualitative indicator has no numeric targets");
  }
  if (problems.size() != before || !id || !name || !measure || !direction || !over_time ||
      !over_units) {
    return std::nullopt;
  }
  ind.id = *id;
  ind.name = *name;
  ind.measure = *measure;
  ind.direction = *direction;
  ind.over_time = *over_time;
  ind.over_units = *over_units;
  return ind;
}

/// One term of a rule side at `p`.
std::optional<RuleTerm> read_term(const Json& e, const std::string& p, Problems& problems) {
  ObjectReader tr(e, p, problems);
  if (!tr.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  RuleTerm t;
  if (e.contains("constant")) {
    if (e.contains("indicator")) {
      problems.add(p, "a term has either \"indicator\" or \"constant\", not both");
      return std::nullopt;
    }
    auto c = read_number(tr, "constant");
    tr.finish();
    if (!c) return std::nullopt;
    t.constant = *c;
    return t;
  }
  auto id = tr.id("indicator");
  if (auto part = tr.parsed<ValuePart>("part", false, parse_value_part)) t.part = *part;
  if (auto source = tr.parsed<TermSource>("source", false, parse_term_source)) t.source = *source;
  if (auto factor = read_number(tr, "factor", false)) t.factor = *factor;
  tr.finish();
  if (problems.size() != before || !id) return std::nullopt;
  t.indicator_id = *id;
  return t;
}

std::vector<RuleTerm> read_side(ObjectReader& r, std::string_view key, Problems& problems) {
  std::vector<RuleTerm> terms;
  bool any = false;
  r.array(key, true, [&](const Json& e, const std::string& p) {
    any = true;
    if (auto t = read_term(e, p, problems)) terms.push_back(std::move(*t));
  });
  const Json* side = r.member(key, false);
  if (!any && side != nullptr && side->is_array()) {
    problems.add(r.pointer_to(key), "a side needs at least one term");
  }
  return terms;
}

/// One rule at `p`. `indicators`: the plan's, which its terms must name (nullptr: not checked);
/// `ids` as for read_activity.
std::optional<ValidationRule> read_rule(const Json& e, const std::string& p, Problems& problems,
                                        const std::vector<Indicator>* indicators, SeenIds* ids) {
  ObjectReader rr(e, p, problems);
  if (!rr.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  ValidationRule rule;
  auto id = rr.id("id");
  auto importance = rr.parsed<RuleImportance>("importance", true, parse_rule_importance);
  auto message = rr.text("message");
  rule.left = read_side(rr, "left", problems);
  auto op = rr.parsed<RuleOperator>("operator", true, parse_rule_operator);
  rule.right = read_side(rr, "right", problems);
  rr.finish();
  if (ids != nullptr && id && !ids->emplace(*id, p).second) {
    problems.add(rr.pointer_to("id"),
                 "duplicate rule id \"" + *id + "\" (first at " + (*ids)[*id] + ")");
  }
  if (problems.size() != before || !id || !importance || !message || !op) return std::nullopt;
  rule.id = *id;
  rule.importance = *importance;
  rule.message = *message;
  rule.op = *op;
  static const std::vector<Indicator> none;
  for (auto& problem : detail::rule_problems(indicators != nullptr ? *indicators : none, rule)) {
    // Without the plan's indicators only the structure is checked.
    if (indicators == nullptr && problem.pointer.ends_with("/indicator")) continue;
    if (indicators == nullptr && problem.pointer.ends_with("/part")) continue;
    problems.add(p + problem.pointer, problem.reason);
  }
  if (problems.size() != before) return std::nullopt;
  return rule;
}

/// Whether a progress document names any unit by official code (in its scope, an activity's
/// units or a target's unit).
bool names_units_by_code(const Json& document) {
  if (!document.is_object()) return false;
  if (detail::any_code_value(document, "scope")) return true;
  const auto activities = document.find("activities");
  if (activities != document.end() && activities->is_array()) {
    for (const Json& a : *activities) {
      if (a.is_object() && (detail::any_code_value(a, "responsible_units") ||
                            detail::any_code_value(a, "participating_units"))) {
        return true;
      }
    }
  }
  const auto indicators = document.find("indicators");
  if (indicators == document.end() || !indicators->is_array()) return false;
  for (const Json& i : *indicators) {
    const auto targets = i.is_object() ? i.find("targets") : i.end();
    if (!i.is_object() || targets == i.end() || !targets->is_array()) continue;
    for (const Json& t : *targets) {
      if (t.is_object() && detail::any_code_value(t, "unit")) return true;
    }
  }
  return false;
}

/// Checks every unit the plan names against its hierarchy, each at its pointer (the plan as
/// read from a document without problems: nothing was left out, so the indexes are the
/// document's).
void check_named_units(const ProgressPlan& plan, Problems& problems) {
  check_unit_ids(plan.scope_unit_ids, "/scope", &plan.units, problems);
  for (std::size_t k = 0; k < plan.activities.size(); ++k) {
    const std::string p = child_pointer("/activities", k);
    check_unit_ids(plan.activities[k].responsible_unit_ids, p + "/responsible_units", &plan.units,
                   problems);
    check_unit_ids(plan.activities[k].participating_unit_ids, p + "/participating_units",
                   &plan.units, problems);
  }
  for (std::size_t k = 0; k < plan.indicators.size(); ++k) {
    const auto& targets = plan.indicators[k].targets;
    for (std::size_t t = 0; t < targets.size(); ++t) {
      if (plan.units.find(targets[t].unit_id) == nullptr) {
        problems.add(child_pointer("/indicators", k) + "/targets/" + std::to_string(t) + "/unit",
                     "unknown unit \"" + targets[t].unit_id + "\"");
      }
    }
  }
}

/// `units_override`, when given, replaces the embedded hierarchy after it was read and checked.
/// `reg` resolves the units a version 3 document names by official code (nullptr: such a
/// reference is a problem); the register's units named, with their ancestors and successions,
/// join the plan's hierarchy.
ProgressPlan read_progress(const Json& document, Problems& problems,
                           const UnitHierarchy* units_override, const UnitRegister* reg) {
  ProgressPlan plan;
  ObjectReader r(document, "", problems);
  const int version =
      r.ok() ? detail::check_header_versions(r, "danvan/progress", progress_json_version) : 0;
  if (version == 0) return plan;
  plan.plan_id = r.id("plan").value_or("");
  plan.sample = r.boolean("sample").value_or(false);
  plan.note = r.text("note", false);
  bool units_ok = false;
  plan.units = read_units(r, units_ok);
  if (units_override != nullptr) {
    plan.units = *units_override;
    units_ok = true;
  }
  // Version 3 may name units by official code. Then the hierarchy is complete only once every
  // reference is resolved: the references are checked against it after reading.
  std::optional<CodeResolver> resolver;
  if (version >= 3) resolver.emplace(reg, "the progress plan", ": name the unit by its id");
  const bool by_code = version >= 3 && names_units_by_code(document);
  CodeResolver* codes = by_code ? &*resolver : nullptr;
  const UnitHierarchy* units = units_ok && !by_code ? &plan.units : nullptr;
  const std::size_t before_schedule = problems.size();
  const auto schedule = read_schedule(r);
  if (schedule) plan.schedule = *schedule;
  // The scope's units report over the whole schedule.
  std::optional<CodeDays> scope_days;
  if (schedule && problems.size() == before_schedule) {
    scope_days = schedule->first == schedule->last
                     ? period_days(schedule->first)
                     : CodeDays{schedule->first.start(), schedule->last.end(),
                                "in " + schedule->first.id() + ".." + schedule->last.id()};
  }
  plan.scope_unit_ids = unit_list(r, "scope", codes);
  if (codes != nullptr) {
    resolve_list(plan.scope_unit_ids, r.pointer_to("scope"), codes, scope_days, problems);
  }
  check_units(r, "scope", plan.scope_unit_ids, units);

  SeenIds activity_ids;
  r.array("activities", true, [&](const Json& e, const std::string& p) {
    if (auto a = read_activity(e, p, problems, units, &activity_ids, codes)) {
      plan.activities.push_back(std::move(*a));
    }
  });

  SeenIds indicator_ids;
  const std::size_t before_indicators = problems.size();
  r.array("indicators", true, [&](const Json& e, const std::string& p) {
    if (auto i = read_indicator(e, p, problems, units, &indicator_ids, codes)) {
      plan.indicators.push_back(std::move(*i));
    }
  });
  // Version 1 has no rules (upgraded on read: none). Rules name indicators only when every
  // indicator could be read (otherwise "unknown indicator" would blame the rule).
  if (version >= 2) {
    const auto* indicators = problems.size() == before_indicators ? &plan.indicators : nullptr;
    SeenIds rule_ids;
    r.array("rules", true, [&](const Json& e, const std::string& p) {
      if (auto rule = read_rule(e, p, problems, indicators, &rule_ids)) {
        plan.rules.push_back(std::move(*rule));
      }
    });
  }
  r.finish();
  if (by_code && units_ok && problems.empty()) {
    codes->add_units(plan.units, "/units", "the plan names", problems);
    if (problems.empty()) check_named_units(plan, problems);
  }
  return plan;
}

std::optional<IndicatorValue> read_value(const Json& e, const std::string& p, Problems& problems) {
  ObjectReader vr(e, p, problems);
  if (!vr.ok()) return std::nullopt;
  auto id = vr.id("indicator");
  const Json* v = vr.member("value", true);
  std::optional<IndicatorValue> out;
  if (id && v != nullptr) {
    IndicatorValue iv;
    iv.indicator_id = *id;
    const std::string vp = vr.pointer_to("value");
    if (v->is_boolean()) {
      iv.value = v->get<bool>();
      out = iv;
    } else if (v->is_number()) {
      const double d = v->get<double>();
      if (!std::isfinite(d) || std::abs(d) > 1e15) {
        problems.add(vp, "number out of range -1e15..1e15");
      } else {
        iv.value = d;
        out = iv;
      }
    } else if (v->is_string()) {
      if (auto s = detail::read_string(*v, vp, problems)) {
        iv.value = *s;
        out = iv;
      }
    } else if (v->is_object()) {
      ObjectReader fr(*v, vp, problems);
      auto num = read_number(fr, "numerator");
      auto den = read_number(fr, "denominator");
      fr.finish();
      if (num && den) {
        iv.value = Fraction{*num, *den};
        out = iv;
      }
    } else {
      problems.add(vp,
                   "expected a number, a boolean, a text or {\"numerator\", \"denominator\"}, "
                   "got " +
                       detail::describe_type(*v));
    }
  }
  vr.finish();
  return out;
}

std::optional<ActivityReport> read_activity_report(const Json& ae, const std::string& ap,
                                                   Problems& problems) {
  ObjectReader xr(ae, ap, problems);
  if (!xr.ok()) return std::nullopt;
  auto id = xr.id("activity");
  auto status = xr.parsed<ActivityStatus>("status", true, parse_activity_status);
  auto completed = xr.date("completed", false);
  xr.finish();
  if (!id || !status) return std::nullopt;
  return ActivityReport{*id, *status, completed};
}

/// One report at `p`, read without a plan (nullopt when it has a problem); with `codes`, a unit
/// named by official code is resolved in the report's period.
std::optional<Report> read_report(const Json& e, const std::string& p, Problems& problems,
                                  CodeResolver* codes = nullptr) {
  ObjectReader rr(e, p, problems);
  if (!rr.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  Report rep;
  auto unit = codes != nullptr ? rr.unit_ref("unit") : rr.id("unit");
  auto period = read_period(rr, "period");
  auto submitted = rr.date("submitted");
  rr.array("values", true, [&](const Json& ve, const std::string& vp) {
    if (auto v = read_value(ve, vp, problems)) rep.values.push_back(std::move(*v));
  });
  rr.array("activities", true, [&](const Json& ae, const std::string& ap) {
    if (auto a = read_activity_report(ae, ap, problems)) rep.activities.push_back(std::move(*a));
  });
  rep.narrative = rr.text("narrative", false);
  rr.finish();
  if (unit && codes != nullptr) {
    codes->resolve(*unit, period ? std::optional(period_days(*period)) : std::nullopt,
                   rr.pointer_to("unit"), problems);
  }
  if (problems.size() != before || !unit || !period || !submitted) return std::nullopt;
  rep.unit_id = *unit;
  rep.period = *period;
  rep.submitted = *submitted;
  return rep;
}

/// Reads a reports document; with `plan`, every report is also checked against it. `reg`
/// resolves the units a version 2 document names by official code (nullptr: such a reference
/// is a problem).
ReportBatch read_reports(const Json& document, const ProgressPlan* plan, const UnitRegister* reg,
                         Problems& problems) {
  ReportBatch batch;
  ObjectReader r(document, "", problems);
  const int version =
      r.ok() ? detail::check_header_versions(r, "danvan/reports", reports_json_version) : 0;
  if (version == 0) return batch;
  CodeResolver resolver(reg, "the reports", ": name the unit by its id");
  CodeResolver* codes = version >= 2 ? &resolver : nullptr;
  const auto add = [&](const std::string& pointer, const std::string& reason) {
    problems.add(pointer, reason);
  };
  if (auto id = r.id("plan")) {
    batch.plan_id = *id;
    if (plan != nullptr && *id != plan->plan_id) {
      add("/plan", "reports are for plan \"" + *id + "\", but the progress plan is for \"" +
                       plan->plan_id + "\"");
    }
  }
  batch.sample = r.boolean("sample").value_or(false);
  batch.note = r.text("note", false);
  std::map<std::pair<std::string, std::string>, std::string> seen;
  r.array("reports", true, [&](const Json& e, const std::string& p) {
    const std::size_t before = problems.size();
    auto rep = read_report(e, p, problems, codes);
    if (!rep) return;
    if (plan != nullptr) detail::check_report(*plan, *rep, p, add);
    const auto [it, fresh] = seen.emplace(std::make_pair(rep->unit_id, rep->period.id()), p);
    if (!fresh) {
      add(p, "second report of " + rep->unit_id + " for " + rep->period.id() + " (first at " +
                 it->second + ")");
    }
    if (problems.size() == before) batch.reports.push_back(std::move(*rep));
  });
  r.finish();
  return batch;
}

/// Reads a part with `read` (pointers relative to the part) and throws its problems.
template <class Read>
auto read_part(const Json& part, Read read) {
  Problems problems;
  auto out = read(part, std::string(), problems);
  problems.throw_if_any();
  if (!out) throw JsonDocumentError({JsonProblem{"", "could not be read"}});  // not expected
  return std::move(*out);
}

}  // namespace

Json to_json(const Activity& a) {
  Json aj = Json::object();
  aj["id"] = a.id;
  aj["name"] = a.name;
  aj["task_area"] = a.task_area;
  aj["responsible_units"] = string_array(a.responsible_unit_ids);
  aj["participating_units"] = string_array(a.participating_unit_ids);
  aj["start"] = a.start ? Json(to_iso(*a.start)) : Json(nullptr);
  aj["due"] = to_iso(a.due);
  return aj;
}

Json to_json(const Target& t) {
  Json tj = Json::object();
  tj["unit"] = t.unit_id;
  tj["period"] = t.period.id();
  tj["value"] = number_json(t.value);
  return tj;
}

Json to_json(const Indicator& i) {
  Json ij = Json::object();
  ij["id"] = i.id;
  ij["name"] = i.name;
  ij["task_area"] = i.task_area ? Json(*i.task_area) : Json(nullptr);
  ij["measure"] = std::string(to_string(i.measure));
  ij["direction"] = std::string(to_string(i.direction));
  ij["baseline"] = i.baseline ? number_json(*i.baseline) : Json(nullptr);
  ij["baseline_period"] = i.baseline_period ? Json(i.baseline_period->id()) : Json(nullptr);
  ij["over_time"] = std::string(to_string(i.over_time));
  ij["over_units"] = std::string(to_string(i.over_units));
  Json targets = Json::array();
  for (const auto& t : i.targets) targets.push_back(to_json(t));
  ij["targets"] = targets;
  return ij;
}

Json to_json(const ReportingSchedule& schedule) {
  Json s = Json::object();
  s["period_type"] = std::string(to_string(schedule.period_type));
  s["first"] = schedule.first.id();
  s["last"] = schedule.last.id();
  s["days_after_period_end"] = schedule.days_after_period_end;
  return s;
}

Json to_json(const ValidationRule& rule) {
  Json rj = Json::object();
  rj["id"] = rule.id;
  rj["importance"] = std::string(to_string(rule.importance));
  rj["message"] = rule.message;
  const auto side = [](const std::vector<RuleTerm>& terms) {
    Json a = Json::array();
    for (const auto& t : terms) {
      Json tj = Json::object();
      if (t.indicator_id) {
        tj["indicator"] = *t.indicator_id;
        tj["part"] = std::string(to_string(t.part));
        tj["source"] = std::string(to_string(t.source));
        tj["factor"] = number_json(t.factor);
      } else {
        tj["constant"] = number_json(t.constant);
      }
      a.push_back(tj);
    }
    return a;
  };
  rj["left"] = side(rule.left);
  rj["operator"] = std::string(to_string(rule.op));
  rj["right"] = side(rule.right);
  return rj;
}

Json to_json(const ProgressPlan& plan) {
  Json j = header("danvan/progress");
  j["version"] = progress_json_version;
  j["plan"] = plan.plan_id;
  j["sample"] = plan.sample;
  j["note"] = optional_text(plan.note);
  j["schedule"] = to_json(plan.schedule);
  j["scope"] = string_array(plan.scope_unit_ids);
  Json activities = Json::array();
  for (const auto& a : plan.activities) activities.push_back(to_json(a));
  j["activities"] = activities;
  Json indicators = Json::array();
  for (const auto& i : plan.indicators) indicators.push_back(to_json(i));
  j["indicators"] = indicators;
  Json rules = Json::array();
  for (const auto& r : plan.rules) rules.push_back(to_json(r));
  j["rules"] = rules;
  Json units = Json::array();
  for (const auto& u : plan.units.units()) units.push_back(to_json(u));
  j["units"] = units;
  return j;
}

Json to_json(const IndicatorValue& v) {
  Json vj = Json::object();
  vj["indicator"] = v.indicator_id;
  if (const auto* d = std::get_if<double>(&v.value)) {
    vj["value"] = number_json(*d);
  } else if (const auto* f = std::get_if<Fraction>(&v.value)) {
    Json fj = Json::object();
    fj["numerator"] = number_json(f->numerator);
    fj["denominator"] = number_json(f->denominator);
    vj["value"] = fj;
  } else if (const auto* b = std::get_if<bool>(&v.value)) {
    vj["value"] = *b;
  } else {
    vj["value"] = std::get<std::string>(v.value);
  }
  return vj;
}

Json to_json(const ActivityReport& a) {
  Json aj = Json::object();
  aj["activity"] = a.activity_id;
  aj["status"] = std::string(to_string(a.status));
  aj["completed"] = a.completed ? Json(to_iso(*a.completed)) : Json(nullptr);
  return aj;
}

Json to_json(const Report& r) {
  Json rj = Json::object();
  rj["unit"] = r.unit_id;
  rj["period"] = r.period.id();
  rj["submitted"] = to_iso(r.submitted);
  Json values = Json::array();
  for (const auto& v : r.values) values.push_back(to_json(v));
  rj["values"] = values;
  Json activities = Json::array();
  for (const auto& a : r.activities) activities.push_back(to_json(a));
  rj["activities"] = activities;
  rj["narrative"] = optional_text(r.narrative);
  return rj;
}

Json to_json(const ReportBatch& batch) {
  Json j = header("danvan/reports");
  j["version"] = reports_json_version;
  j["plan"] = batch.plan_id;
  j["sample"] = batch.sample;
  j["note"] = optional_text(batch.note);
  Json reports = Json::array();
  for (const auto& r : batch.reports) reports.push_back(to_json(r));
  j["reports"] = reports;
  return j;
}

Activity activity_from_json(const Json& part) {
  return read_part(part, [](const Json& e, const std::string& p, Problems& problems) {
    return read_activity(e, p, problems, nullptr, nullptr);
  });
}

Target target_from_json(const Json& part) {
  return read_part(part, [](const Json& e, const std::string& p, Problems& problems) {
    return read_target(e, p, problems, nullptr);
  });
}

Indicator indicator_from_json(const Json& part) {
  return read_part(part, [](const Json& e, const std::string& p, Problems& problems) {
    return read_indicator(e, p, problems, nullptr, nullptr);
  });
}

ReportingSchedule reporting_schedule_from_json(const Json& part) {
  return read_part(part, [](const Json& e, const std::string& p, Problems& problems) {
    return read_schedule(e, p, problems);
  });
}

IndicatorValue indicator_value_from_json(const Json& part) {
  return read_part(part, [](const Json& e, const std::string& p, Problems& problems) {
    return read_value(e, p, problems);
  });
}

ActivityReport activity_report_from_json(const Json& part) {
  return read_part(part, [](const Json& e, const std::string& p, Problems& problems) {
    return read_activity_report(e, p, problems);
  });
}

ValidationRule validation_rule_from_json(const Json& part) {
  return read_part(part, [](const Json& e, const std::string& p, Problems& problems) {
    return read_rule(e, p, problems, nullptr, nullptr);
  });
}

Report report_from_json(const Json& part) {
  return read_part(part, [](const Json& e, const std::string& p, Problems& problems) {
    return read_report(e, p, problems);
  });
}

namespace {

ProgressPlan progress_plan_from(const Json& document, const UnitHierarchy* units,
                                const UnitRegister* reg) {
  Problems problems;
  ProgressPlan plan = read_progress(document, problems, units, reg);
  problems.throw_if_any();
  try {
    plan.validate();
  } catch (const ValueError& e) {
    problems.add_all("", e, "");  // validate()'s pointers are the document's
  }
  problems.throw_if_any();
  return plan;
}

}  // namespace

ProgressPlan progress_plan_from_json(const Json& document) {
  return progress_plan_from(document, nullptr, nullptr);
}

ProgressPlan progress_plan_from_json(const Json& document, const UnitHierarchy& units) {
  return progress_plan_from(document, &units, nullptr);
}

ProgressPlan progress_plan_from_json(const Json& document, const UnitRegister& units) {
  return progress_plan_from(document, nullptr, &units);
}

ReportBatch report_batch_from_json(const Json& document, const ProgressPlan& plan) {
  Problems problems;
  ReportBatch batch = read_reports(document, &plan, nullptr, problems);
  problems.throw_if_any();
  return batch;
}

ReportBatch report_batch_from_json(const Json& document, const ProgressPlan& plan,
                                   const UnitRegister& units) {
  Problems problems;
  ReportBatch batch = read_reports(document, &plan, &units, problems);
  problems.throw_if_any();
  return batch;
}

ReportBatch report_batch_from_json(const Json& document) {
  Problems problems;
  ReportBatch batch = read_reports(document, nullptr, nullptr, problems);
  problems.throw_if_any();
  return batch;
}

void to_json(Json& j, const ProgressPlan& value) { j = to_json(value); }
void from_json(const Json& j, ProgressPlan& value) { value = progress_plan_from_json(j); }
void to_json(Json& j, const ReportBatch& value) { j = to_json(value); }
void to_json(Json& j, const Activity& value) { j = to_json(value); }
void from_json(const Json& j, Activity& value) { value = activity_from_json(j); }
void to_json(Json& j, const Target& value) { j = to_json(value); }
void from_json(const Json& j, Target& value) { value = target_from_json(j); }
void to_json(Json& j, const Indicator& value) { j = to_json(value); }
void from_json(const Json& j, Indicator& value) { value = indicator_from_json(j); }
void to_json(Json& j, const ReportingSchedule& value) { j = to_json(value); }
void from_json(const Json& j, ReportingSchedule& value) { value = reporting_schedule_from_json(j); }
void to_json(Json& j, const IndicatorValue& value) { j = to_json(value); }
void from_json(const Json& j, IndicatorValue& value) { value = indicator_value_from_json(j); }
void to_json(Json& j, const ActivityReport& value) { j = to_json(value); }
void from_json(const Json& j, ActivityReport& value) { value = activity_report_from_json(j); }
void to_json(Json& j, const Report& value) { j = to_json(value); }
void to_json(Json& j, const ValidationRule& value) { j = to_json(value); }
void from_json(const Json& j, ValidationRule& value) { value = validation_rule_from_json(j); }
void from_json(const Json& j, Report& value) { value = report_from_json(j); }

ProgressPlan load_progress_plan(const std::filesystem::path& path) {
  return progress_plan_from_json(parse_json(read_file(path)));
}
ReportBatch load_report_batch(const std::filesystem::path& path, const ProgressPlan& plan) {
  return report_batch_from_json(parse_json(read_file(path)), plan);
}
void save_progress_plan(const ProgressPlan& plan, const std::filesystem::path& path) {
  plan.validate();
  write_file_atomically(path, to_document_text(to_json(plan)));
}
void save_report_batch(const ReportBatch& batch, const std::filesystem::path& path) {
  write_file_atomically(path, to_document_text(to_json(batch)));
}

}  // namespace danvan
