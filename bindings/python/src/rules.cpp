// danvan._core: validation rules of reports (rules.hpp; their JSON in json/progress.hpp).
#include "common.hpp"

#include <danvan/json/progress.hpp>
#include <danvan/rules.hpp>

#include <pybind11/operators.h>

#include <optional>
#include <string>
#include <utility>

DANVAN_PY_ENUM_CASTER(danvan::RuleImportance, "danvan.RuleImportance")
DANVAN_PY_ENUM_CASTER(danvan::ValuePart, "danvan.ValuePart")
DANVAN_PY_ENUM_CASTER(danvan::TermSource, "danvan.TermSource")
DANVAN_PY_ENUM_CASTER(danvan::RuleOutcome, "danvan.RuleOutcome")

namespace danvan_py {

using danvan::Date;
using danvan::Period;
using danvan::ProgressPlan;
using danvan::ReportBatch;
using danvan::RuleCheck;
using danvan::RuleImportance;
using danvan::RuleOutcome;
using danvan::RuleResult;
using danvan::RuleTerm;
using danvan::TermSource;
using danvan::ValidationRule;
using danvan::ValuePart;

namespace {

std::string operator_name(danvan::RuleOperator op) { return std::string(to_string(op)); }

void register_rule_enums(py::module_& m) {
  make_enum<RuleImportance>(
      m, "RuleImportance",
      "How much a broken rule matters: error (lỗi: blocks approval) or warning (cảnh báo).",
      slugs_of<RuleImportance>([](RuleImportance v) { return danvan::to_string(v); },
                               danvan::parse_rule_importance));
  make_enum<ValuePart>(
      m, "ValuePart",
      "Which number of an indicator value a term reads: value, numerator or denominator (the "
      "last two of percentages only).",
      slugs_of<ValuePart>([](ValuePart v) { return danvan::to_string(v); },
                          danvan::parse_value_part));
  make_enum<TermSource>(
      m, "TermSource",
      "Whose report a term reads: same (the report checked), previous (the unit's report for "
      "the period before) or children (the sum over its scope children's reports).",
      slugs_of<TermSource>([](TermSource v) { return danvan::to_string(v); },
                           danvan::parse_term_source));
  make_enum<RuleOutcome>(
      m, "RuleOutcome",
      "What came of a rule on a report: holds, violated, or not_evaluated (a value was "
      "missing; never read as 0).",
      slugs_of<RuleOutcome>([](RuleOutcome v) { return danvan::to_string(v); }));
}

void register_term(py::module_& m) {
  py::class_<RuleTerm>(m, "RuleTerm",
                       "One term of a rule side: factor times a number of an indicator, or a "
                       "constant (indicator_id None).")
      .def(py::init([](std::optional<std::string> indicator_id, ValuePart part, TermSource source,
                       double factor, double constant) {
             RuleTerm t;
             t.indicator_id = std::move(indicator_id);
             t.part = part;
             t.source = source;
             t.factor = factor;
             t.constant = constant;
             return t;
           }),
           py::kw_only(), py::arg("indicator_id") = py::none(), py::arg("part") = ValuePart::value,
           py::arg("source") = TermSource::same, py::arg("factor") = 1.0, py::arg("constant") = 0.0,
           "RuleTerm(indicator_id=None, part=ValuePart.value, source=TermSource.same, "
           "factor=1.0, constant=0.0).")
      .def_property("indicator_id", get_copy(&RuleTerm::indicator_id),
                    set_value(&RuleTerm::indicator_id), "The indicator read, or None (a constant).")
      .def_property("part", get_copy(&RuleTerm::part), set_value(&RuleTerm::part),
                    "The ValuePart read.")
      .def_property("source", get_copy(&RuleTerm::source), set_value(&RuleTerm::source),
                    "The TermSource: whose report it reads.")
      .def_property("factor", get_copy(&RuleTerm::factor), set_value(&RuleTerm::factor),
                    "The factor (e.g. -1 to subtract).")
      .def_property("constant", get_copy(&RuleTerm::constant), set_value(&RuleTerm::constant),
                    "The value of a term without an indicator.")
      .def(py::self == py::self)
      .def(py::self != py::self);
}

void register_rule(py::module_& m) {
  py::class_<ValidationRule>(
      m, "ValidationRule",
      "A validation rule (quy tắc kiểm tra): left op right, each side the sum of its RuleTerms, "
      "an importance and a Vietnamese message; checked by ProgressPlan.validate().")
      .def(py::init([](std::string id, std::string message, std::vector<RuleTerm> left,
                       const std::string& op, std::vector<RuleTerm> right,
                       RuleImportance importance) {
             ValidationRule r;
             r.id = std::move(id);
             r.message = std::move(message);
             r.left = std::move(left);
             r.op = danvan::parse_rule_operator(op);
             r.right = std::move(right);
             r.importance = importance;
             return r;
           }),
           py::kw_only(), py::arg("id") = "", py::arg("message") = "",
           py::arg("left") = std::vector<RuleTerm>{},
           py::arg("op") = "<=", py::arg("right") = std::vector<RuleTerm>{},
           py::arg("importance") = RuleImportance::error,
           "ValidationRule(id=..., message=..., left=[...], op='<=', right=[...], "
           "importance=RuleImportance.error); op is one of <=, <, =, >=, >, != (or ≤, ≥, ≠).")
      .def_property("id", get_copy(&ValidationRule::id), set_value(&ValidationRule::id),
                    "The rule's id.")
      .def_property("message", get_copy(&ValidationRule::message),
                    set_value(&ValidationRule::message), "The Vietnamese message.")
      .def_property(
          "left", [](const ValidationRule& r) { return to_tuple(r.left); },
          [](ValidationRule& r, std::vector<RuleTerm> v) { r.left = std::move(v); },
          "The left side's RuleTerms (a tuple of copies).")
      .def_property(
          "op", [](const ValidationRule& r) { return operator_name(r.op); },
          [](ValidationRule& r, const std::string& op) { r.op = danvan::parse_rule_operator(op); },
          "The operator: \"<=\", \"<\", \"=\", \">=\", \">\" or \"!=\".")
      .def_property(
          "right", [](const ValidationRule& r) { return to_tuple(r.right); },
          [](ValidationRule& r, std::vector<RuleTerm> v) { r.right = std::move(v); },
          "The right side's RuleTerms (a tuple of copies).")
      .def_property("importance", get_copy(&ValidationRule::importance),
                    set_value(&ValidationRule::importance), "The RuleImportance.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "to_dict", [](const ValidationRule& r) { return json_to_py(danvan::to_json(r)); },
          "The rule as an element of a danvan/progress document's \"rules\".")
      .def_static(
          "from_dict",
          [](const py::object& data) {
            return danvan::validation_rule_from_json(py_to_json(data));
          },
          py::arg("data"),
          "Reads a rule strictly (its indicators are checked by the document). Raises "
          "danvan.JsonError listing every problem.");
}

void register_results(py::module_& m) {
  py::class_<RuleResult>(m, "RuleResult",
                         "One rule on one report: the unit, the period, the rule, both sides' "
                         "values (None when missing) and what was missing. str() describes it.")
      .def_property_readonly("rule_id", get_copy(&RuleResult::rule_id), "The rule's id.")
      .def_property_readonly("importance", get_copy(&RuleResult::importance),
                             "The rule's RuleImportance.")
      .def_property_readonly(
          "op", [](const RuleResult& r) { return operator_name(r.op); }, "The rule's operator.")
      .def_property_readonly("message", get_copy(&RuleResult::message), "The rule's message.")
      .def_property_readonly("unit_id", get_copy(&RuleResult::unit_id), "The report's unit.")
      .def_property_readonly("period", get_copy(&RuleResult::period), "The report's Period.")
      .def_property_readonly("outcome", get_copy(&RuleResult::outcome), "The RuleOutcome.")
      .def_property_readonly("left", get_copy(&RuleResult::left),
                             "The left side's value, or None when missing.")
      .def_property_readonly("right", get_copy(&RuleResult::right),
                             "The right side's value, or None when missing.")
      .def_property_readonly("missing", get_copy(&RuleResult::missing),
                             "What was missing (not evaluated), otherwise \"\".")
      .def("__str__", &danvan::describe_rule_result, "One line in Vietnamese.")
      .def(py::self == py::self)
      .def(py::self != py::self);

  py::class_<RuleCheck>(m, "RuleCheck",
                        "The rules checked over reports: violations and rules not evaluated, in "
                        "report order then rule order.")
      .def_property_readonly(
          "violations", [](const RuleCheck& c) { return to_tuple(c.violations); },
          "The RuleResults of broken rules (a tuple).")
      .def_property_readonly(
          "not_evaluated", [](const RuleCheck& c) { return to_tuple(c.not_evaluated); },
          "The RuleResults of rules skipped for a missing value (a tuple).")
      .def_property_readonly("evaluated", get_copy(&RuleCheck::evaluated),
                             "How many (rule, report) pairs had both sides known.")
      .def("errors", &RuleCheck::errors, "The number of violated error rules.")
      .def("warnings", &RuleCheck::warnings, "The number of violated warning rules.");
}

}  // namespace

// After register_progress: the signatures then name danvan.ProgressPlan and danvan.ReportBatch,
// which the one-line argument errors (danvan._arguments) check.
void register_rule_functions(py::module_& m) {
  m.def(
      "rule_holds",
      [](const std::string& op, double left, double right) {
        return danvan::rule_holds(danvan::parse_rule_operator(op), left, right);
      },
      py::arg("op"), py::arg("left"), py::arg("right"),
      "Whether left op right holds (sides within 1e-9 of the larger magnitude are equal).");
  m.def(
      "check_rules",
      [](const ProgressPlan& plan, const ReportBatch& batch, std::optional<Date> as_of,
         std::optional<Period> period, std::optional<std::string> unit_id) {
        return danvan::check_rules(plan, batch,
                                   danvan::RuleQuery{as_of, period, std::move(unit_id)});
      },
      py::arg("plan"), py::arg("batch"), py::arg("as_of") = py::none(),
      py::arg("period") = py::none(), py::arg("unit_id") = py::none(),
      "Checks the plan's rules on the batch's reports (submitted by `as_of`, of periods within "
      "`period`, of `unit_id`'s subtree; each when given) and returns a RuleCheck. Raises "
      "danvan.ValueError for an unknown unit.");
  m.def("check_report_rules", &danvan::check_report_rules, py::arg("plan"), py::arg("batch"),
        py::arg("unit_id"), py::arg("period"),
        "Checks the plan's rules on the batch's report of a unit for a period (the other "
        "reports give previous and children terms); a RuleCheck.");
  m.def("approval_problem", &danvan::approval_problem, py::arg("plan"), py::arg("batch"),
        py::arg("unit_id"), py::arg("period"),
        "Why the report may not be approved (\"report of U for P: cannot approve: it breaks the "
        "error rule ...\"), or \"\"; warnings never block.");
}

void register_rules(py::module_& m) {
  register_rule_enums(m);
  register_term(m);
  register_rule(m);
  register_results(m);
  // Picklable by fields, as every value of a ProgressPlan.
  auto term = py::reinterpret_borrow<py::class_<RuleTerm>>(m.attr("RuleTerm"));
  add_field_pickling(term, {"indicator_id", "part", "source", "factor", "constant"});
  auto rule = py::reinterpret_borrow<py::class_<ValidationRule>>(m.attr("ValidationRule"));
  add_field_pickling(rule, {"id", "message", "left", "op", "right", "importance"});
}

}  // namespace danvan_py
