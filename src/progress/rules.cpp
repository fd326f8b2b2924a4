#include "danvan/rules.hpp"

#include "base/enum_names.hpp"
#include "danvan/error.hpp"
#include "danvan/instrument.hpp"
#include "danvan/progress.hpp"
#include "danvan/report.hpp"
#include "progress/report_check.hpp"
#include "progress/rule_check.hpp"
#include "text/text_detail.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace danvan {

namespace {

constexpr std::array<std::string_view, 6> operator_names{"<=", "<", "=", ">=", ">", "!="};
constexpr std::array<std::string_view, 2> importance_names{"error", "warning"};
constexpr std::array<std::string_view, 3> part_names{"value", "numerator", "denominator"};
constexpr std::array<std::string_view, 3> source_names{"same", "previous", "children"};
constexpr std::array<std::string_view, 3> outcome_names{"holds", "violated", "not_evaluated"};

/// The reports checked or read, by (unit, period id).
using ReportIndex = std::map<std::pair<std::string, std::string>, const Report*, std::less<>>;

/// A number read for a term or side: the value, or what was missing.
struct Number {
  std::optional<double> value;
  std::string missing;
};

Number missing(std::string why) { return Number{std::nullopt, std::move(why)}; }

struct Context {
  const ProgressPlan& plan;
  ReportIndex index;
  std::set<std::string, std::less<>> scope;
};

const Report* find_report(const Context& c, const std::string& unit, const Period& p) {
  const auto it = c.index.find(std::make_pair(unit, p.id()));
  return it == c.index.end() ? nullptr : it->second;
}

std::string quoted(std::string_view s) { return detail::quote_whole(s); }

/// The number `part` of an indicator's value in the report of `unit` for `period`.
Number number_of(const Context& c, const std::string& unit, const Period& period,
                 const std::string& indicator, ValuePart part) {
  const Report* report = find_report(c, unit, period);
  if (report == nullptr) return missing("no report of " + unit + " for " + period.id());
  const IndicatorValue* v = report->find_value(indicator);
  if (v == nullptr) {
    return missing("no value of " + quoted(indicator) + " in the report of " + unit + " for " +
                   period.id());
  }
  if (const auto* d = std::get_if<double>(&v->value)) return Number{*d, ""};
  if (const auto* b = std::get_if<bool>(&v->value)) return Number{*b ? 1.0 : 0.0, ""};
  if (const auto* f = std::get_if<Fraction>(&v->value)) {
    if (part == ValuePart::numerator) return Number{f->numerator, ""};
    if (part == ValuePart::denominator) return Number{f->denominator, ""};
    if (f->denominator <= 0) {
      return missing(indicator + " of " + unit + " for " + period.id() + " is " +
                     detail::format_number(f->numerator) + "/0");
    }
    return Number{100.0 * f->numerator / f->denominator, ""};
  }
  return missing(quoted(indicator) + " of " + unit + " for " + period.id() + " is a text");
}

/// The previous period's number of the unit: its own report, or when the unit did not exist at
/// the end of that period, the sum over the units it was formed from when all of them passed
/// wholly to it (a merger or renaming; after a split the share is unknown).
Number previous_number(const Context& c, const Report& report, const RuleTerm& t) {
  const Period& period = report.period;
  if (period <= c.plan.schedule.first) {
    return missing(period.id() + " is the first period of the schedule");
  }
  const Period before = period.previous();
  const UnitHierarchy& units = c.plan.units;
  if (units.find(report.unit_id) == nullptr || expects_report(units, report.unit_id, before)) {
    return number_of(c, report.unit_id, before, *t.indicator_id, t.part);
  }
  const auto sources = units.predecessors_on(report.unit_id, before.end());
  if (sources.empty()) return missing(report.unit_id + " did not exist in " + before.id());
  double sum = 0;
  for (const Unit* u : sources) {
    const auto heirs = units.successors_on(u->id, period.end());
    if (heirs.size() != 1 || heirs[0]->id != report.unit_id) {
      return missing(u->id + " was split in " + period.id() + ": the share of " + report.unit_id +
                     " of its figure is unknown");
    }
    const Number n = number_of(c, u->id, before, *t.indicator_id, t.part);
    if (!n.value) return n;
    sum += *n.value;
  }
  return Number{sum, ""};
}

/// The sum over the scope units whose parent the unit is on the period's last day, each of
/// which must have a value.
Number children_number(const Context& c, const Report& report, const RuleTerm& t) {
  const UnitHierarchy& units = c.plan.units;
  if (units.find(report.unit_id) == nullptr) return missing("unknown unit " + report.unit_id);
  double sum = 0;
  bool any = false;
  for (const Unit* child : units.children(report.unit_id, report.period.end())) {
    if (!c.scope.contains(child->id) || !expects_report(units, child->id, report.period)) continue;
    const Number n = number_of(c, child->id, report.period, *t.indicator_id, t.part);
    if (!n.value) return n;
    sum += *n.value;
    any = true;
  }
  if (!any) return missing(report.unit_id + " has no scope units below it");
  return Number{sum, ""};
}

Number term_number(const Context& c, const Report& report, const RuleTerm& t) {
  if (!t.indicator_id) return Number{t.constant, ""};
  Number n;
  switch (t.source) {
    case TermSource::same:
      n = number_of(c, report.unit_id, report.period, *t.indicator_id, t.part);
      break;
    case TermSource::previous:
      n = previous_number(c, report, t);
      break;
    case TermSource::children:
      n = children_number(c, report, t);
      break;
  }
  if (n.value) *n.value *= t.factor;
  return n;
}

Number side_number(const Context& c, const Report& report, const std::vector<RuleTerm>& terms) {
  double sum = 0;
  for (const auto& t : terms) {
    const Number n = term_number(c, report, t);
    if (!n.value) return n;
    sum += *n.value;
  }
  return Number{sum, ""};
}

RuleResult evaluate(const Context& c, const Report& report, const ValidationRule& rule) {
  RuleResult r{
      rule.id, rule.importance, rule.op, rule.message, report.unit_id, report.period, {}, {}, {},
      {}};
  const Number left = side_number(c, report, rule.left);
  const Number right = side_number(c, report, rule.right);
  r.left = left.value;
  r.right = right.value;
  if (!left.value || !right.value) {
    r.outcome = RuleOutcome::not_evaluated;
    r.missing = left.value ? right.missing : left.missing;
    return r;
  }
  r.outcome =
      rule_holds(rule.op, *left.value, *right.value) ? RuleOutcome::holds : RuleOutcome::violated;
  return r;
}

void check_one(const Context& c, const Report& report, RuleCheck& out) {
  for (const auto& rule : c.plan.rules) {
    RuleResult r = evaluate(c, report, rule);
    if (r.outcome == RuleOutcome::not_evaluated) {
      out.not_evaluated.push_back(std::move(r));
      continue;
    }
    ++out.evaluated;
    if (r.outcome == RuleOutcome::violated) out.violations.push_back(std::move(r));
  }
}

Context context_of(const ProgressPlan& plan, const ReportBatch& batch, std::optional<Date> as_of) {
  Context c{plan, {}, {plan.scope_unit_ids.begin(), plan.scope_unit_ids.end()}};
  for (const auto& r : batch.reports) {
    if (as_of && r.submitted > *as_of) continue;
    c.index.emplace(std::make_pair(r.unit_id, r.period.id()), &r);
  }
  return c;
}

std::string format_side(const std::optional<double>& v) {
  return v ? detail::format_number(*v) : std::string("?");
}

std::string_view problem_side_name(const std::vector<RuleTerm>* side, const ValidationRule& r) {
  return side == &r.left ? "left" : "right";
}

bool in_range(double v) { return std::isfinite(v) && std::abs(v) <= 1e15; }

}  // namespace

DANVAN_ENUM_NAMES(RuleImportance, importance_names, parse_rule_importance, "importance")
DANVAN_ENUM_NAMES(ValuePart, part_names, parse_value_part, "value part")
DANVAN_ENUM_NAMES(TermSource, source_names, parse_term_source, "term source")

std::string_view to_string(RuleOperator v) noexcept { return detail::enum_name(operator_names, v); }
std::string_view to_string(RuleOutcome v) noexcept { return detail::enum_name(outcome_names, v); }

RuleOperator parse_rule_operator(std::string_view text) {
  if (text == "≤") return RuleOperator::less_or_equal;
  if (text == "≥") return RuleOperator::greater_or_equal;
  if (text == "≠") return RuleOperator::not_equal;
  return detail::parse_enum_name<RuleOperator>(text, operator_names, "operator");
}

std::string_view vietnamese_name(RuleImportance v) noexcept {
  return v == RuleImportance::error ? "lỗi" : "cảnh báo";
}

bool rule_holds(RuleOperator op, double left, double right) noexcept {
  const double tolerance = 1e-9 * std::max({1.0, std::abs(left), std::abs(right)});
  const bool equal = std::abs(left - right) <= tolerance;
  switch (op) {
    case RuleOperator::less_or_equal:
      return left < right || equal;
    case RuleOperator::less:
      return left < right && !equal;
    case RuleOperator::equal:
      return equal;
    case RuleOperator::greater_or_equal:
      return left > right || equal;
    case RuleOperator::greater:
      return left > right && !equal;
    case RuleOperator::not_equal:
      return !equal;
  }
  return false;
}

std::vector<detail::RuleProblem> detail::rule_problems(const std::vector<Indicator>& indicators,
                                                       const ValidationRule& rule) {
  std::vector<RuleProblem> out;
  if (!is_valid_id(rule.id)) out.push_back({"/id", "invalid id " + quoted(rule.id)});
  if (rule.message.empty()) out.push_back({"/message", "empty message"});
  for (const auto* side : {&rule.left, &rule.right}) {
    const std::string name(problem_side_name(side, rule));
    if (side->empty()) out.push_back({"/" + name, "a side needs at least one term"});
    for (std::size_t k = 0; k < side->size(); ++k) {
      const RuleTerm& t = (*side)[k];
      const std::string p = "/" + name + "/" + std::to_string(k);
      if (!in_range(t.factor) || !in_range(t.constant)) {
        out.push_back(
            {p + (t.indicator_id ? "/factor" : "/constant"), "number out of range -1e15..1e15"});
      }
      if (!t.indicator_id) continue;
      const auto it = std::find_if(indicators.begin(), indicators.end(),
                                   [&](const Indicator& i) { return i.id == *t.indicator_id; });
      if (it == indicators.end()) {
        out.push_back({p + "/indicator", "unknown indicator " + quoted(*t.indicator_id)});
      } else if (it->measure == Measure::qualitative) {
        out.push_back({p + "/indicator",
                       "indicator " + quoted(it->id) + " is qualitative: it has no number"});
      } else if (t.part != ValuePart::value && it->measure != Measure::percentage) {
        out.push_back({p + "/part", "indicator " + quoted(it->id) + " measures " +
                                        std::string(to_string(it->measure)) + ": only a " +
                                        "percentage has a " + std::string(to_string(t.part))});
      }
    }
  }
  return out;
}

std::size_t RuleCheck::errors() const noexcept {
  return static_cast<std::size_t>(
      std::count_if(violations.begin(), violations.end(),
                    [](const RuleResult& r) { return r.importance == RuleImportance::error; }));
}

std::size_t RuleCheck::warnings() const noexcept { return violations.size() - errors(); }

RuleCheck check_rules(const ProgressPlan& plan, const ReportBatch& batch, const RuleQuery& query) {
  if (query.unit_id) (void)plan.units.at(*query.unit_id);
  RuleCheck out;
  if (plan.rules.empty()) return out;
  const Context c = context_of(plan, batch, query.as_of);
  for (const auto& r : batch.reports) {
    if (query.as_of && r.submitted > *query.as_of) continue;
    if (query.within && !query.within->contains(r.period)) continue;
    if (query.unit_id && (plan.units.find(r.unit_id) == nullptr ||
                          !plan.units.is_within(r.unit_id, *query.unit_id, r.period.end()))) {
      continue;
    }
    check_one(c, r, out);
  }
  return out;
}

RuleCheck check_report_rules(const ProgressPlan& plan, const ReportBatch& batch,
                             std::string_view unit_id, const Period& period) {
  RuleCheck out;
  const Context c = context_of(plan, batch, std::nullopt);
  if (const Report* r = find_report(c, std::string(unit_id), period)) check_one(c, *r, out);
  return out;
}

std::string approval_problem(const ProgressPlan& plan, const ReportBatch& batch,
                             std::string_view unit_id, const Period& period) {
  const RuleCheck check = check_report_rules(plan, batch, unit_id, period);
  const std::size_t errors = check.errors();
  if (errors == 0) return "";
  const auto first =
      std::find_if(check.violations.begin(), check.violations.end(),
                   [](const RuleResult& r) { return r.importance == RuleImportance::error; });
  std::string out = "report of " + std::string(unit_id) + " for " + period.id() +
                    ": cannot approve: it breaks the error rule " + quoted(first->rule_id) + " (" +
                    first->message + "): " + format_side(first->left) + " " +
                    std::string(to_string(first->op)) + " " + format_side(first->right) +
                    " does not hold";
  if (errors > 1) {
    out += ", and " + std::to_string(errors - 1) + " more error rule" + (errors > 2 ? "s" : "");
  }
  return out;
}

std::string describe_rule_result(const RuleResult& r) {
  std::string out = r.unit_id + " " + r.period.id() + ": " +
                    std::string(vietnamese_name(r.importance)) + " " + quoted(r.rule_id) + " (" +
                    r.message + "): ";
  switch (r.outcome) {
    case RuleOutcome::not_evaluated:
      return out + "không kiểm tra được: " + r.missing;
    case RuleOutcome::violated:
      return out + format_side(r.left) + " " + std::string(to_string(r.op)) + " " +
             format_side(r.right) + " không thỏa";
    case RuleOutcome::holds:
      break;
  }
  return out + format_side(r.left) + " " + std::string(to_string(r.op)) + " " +
         format_side(r.right);
}

}  // namespace danvan
