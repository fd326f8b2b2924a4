// danvan._core: the submission workflow of reports (workflow.hpp, json/workflow.hpp).
#include "common.hpp"

#include <danvan/json/progress.hpp>
#include <danvan/json/workflow.hpp>
#include <danvan/rules.hpp>
#include <danvan/workflow.hpp>

#include <pybind11/operators.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

namespace danvan_py {

using danvan::Date;
using danvan::Json;
using danvan::Period;
using danvan::ProgressPlan;
using danvan::ReportHistory;
using danvan::ReportStatus;
using danvan::RollupBasis;
using danvan::Transition;
using danvan::Workflow;
using danvan::WorkflowAction;
using danvan::WorkflowCounts;
using danvan::WorkflowItem;
using danvan::WorkflowSummary;

namespace {

/// Why `t` would be refused: the sequence (and with `plan` the units) and, for an approval,
/// the plan's error rules on the batch's report (Workflow::check(plan, batch, t), the message
/// `danvan progress workflow approve` gives). Approving against a plan with error rules needs
/// the batch: without it the rules cannot be checked, so the approval is refused.
std::string transition_problem(const Workflow& w, const Transition& t, const ProgressPlan* plan,
                               const danvan::ReportBatch* batch) {
  if (plan == nullptr) {
    if (batch != nullptr) {
      throw danvan::ValueError("a batch is checked against its plan: pass plan= too");
    }
    return w.check(t);
  }
  if (batch != nullptr) return w.check(*plan, *batch, t);
  std::string problem = w.check(*plan, t);
  if (!problem.empty() || t.action != WorkflowAction::approve) return problem;
  const auto errors = std::count_if(plan->rules.begin(), plan->rules.end(), [](const auto& r) {
    return r.importance == danvan::RuleImportance::error;
  });
  if (errors == 0) return problem;
  return "report of " + t.unit_id + " for " + t.period.id() +
         ": cannot approve without the report batch: the plan has " + std::to_string(errors) +
         (errors == 1 ? " error rule" : " error rules") + " to check (pass batch=)";
}

}  // namespace

void register_workflow(py::module_& m) {
  make_enum<WorkflowAction>(
      m, "WorkflowAction",
      "What a transition of a report does: draft (lập dự thảo), submit (gửi, also a "
      "resubmission), return (trả lại, with a reason), approve (duyệt).",
      slugs_of<WorkflowAction>([](WorkflowAction v) { return danvan::to_string(v); },
                               danvan::parse_workflow_action));
  make_enum<ReportStatus>(
      m, "ReportStatus",
      "Where a report stands: draft (dự thảo), submitted (chờ duyệt), returned (bị trả lại), "
      "approved (đã duyệt).",
      slugs_of<ReportStatus>([](ReportStatus v) { return danvan::to_string(v); },
                             danvan::parse_report_status));
  make_enum<RollupBasis>(
      m, "RollupBasis",
      "Which reports indicator roll-ups count: submitted (every submitted one not returned, "
      "those not yet approved flagged) or approved (approved ones only).",
      slugs_of<RollupBasis>([](RollupBasis v) { return danvan::to_string(v); },
                            danvan::parse_rollup_basis));

  py::class_<Transition> transition(
      m, "Transition",
      "One dated transition of a unit's report for a period, with the unit acting (and "
      "optionally a person); only a return has a reason.");
  transition
      .def(py::init([](std::string unit_id, Period period, WorkflowAction action, Date date,
                       std::string actor_unit_id, std::optional<std::string> person,
                       std::optional<std::string> reason) {
             return Transition{
                 std::move(unit_id), period,           action, date, std::move(actor_unit_id),
                 std::move(person),  std::move(reason)};
           }),
           py::kw_only(), py::arg("unit_id"), py::arg("period"), py::arg("action"), py::arg("date"),
           py::arg("actor_unit_id"), py::arg("person") = py::none(), py::arg("reason") = py::none(),
           "Transition(unit_id=..., period=..., action=..., date=..., actor_unit_id=..., "
           "person=None, reason=None).")
      .def_property("unit_id", get_copy(&Transition::unit_id), set_value(&Transition::unit_id),
                    "The unit whose report it is.")
      .def_property("period", get_copy(&Transition::period), set_value(&Transition::period),
                    "The reporting Period.")
      .def_property("action", get_copy(&Transition::action), set_value(&Transition::action),
                    "The WorkflowAction.")
      .def_property("date", get_copy(&Transition::date), set_value(&Transition::date),
                    "The day (datetime.date).")
      .def_property("actor_unit_id", get_copy(&Transition::actor_unit_id),
                    set_value(&Transition::actor_unit_id), "The unit that acted.")
      .def_property("person", get_copy(&Transition::person), set_value(&Transition::person),
                    "The person who acted, or None.")
      .def_property("reason", get_copy(&Transition::reason), set_value(&Transition::reason),
                    "Why it was returned (a return only), or None.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "to_dict", [](const Transition& t) { return json_to_py(danvan::to_json(t)); },
          "The transition as a journal line / document element: unit, period, action, date, "
          "by, person, reason.")
      .def_static(
          "from_dict",
          [](const py::object& data) { return danvan::transition_from_json(py_to_json(data)); },
          py::arg("data"),
          "Reads a transition strictly. Raises danvan.JsonError listing every problem.")
      .def(
          "__repr__",
          [](const Transition& t) {
            return "Transition(unit_id=" + py::repr(py::str(t.unit_id)).cast<std::string>() +
                   ", period=" + t.period.id() + ", action=" + std::string(to_string(t.action)) +
                   ", date=" + danvan::to_iso(t.date) + ")";
          },
          "Transition(unit_id=..., period=..., action=..., date=...).");

  py::class_<ReportHistory>(m, "ReportHistory",
                            "The transitions of one (unit, period) report, in date order.")
      .def_property_readonly("unit_id", get_copy(&ReportHistory::unit_id), "The unit.")
      .def_property_readonly("period", get_copy(&ReportHistory::period), "The Period.")
      .def_property_readonly(
          "transitions", [](const ReportHistory& h) { return to_tuple(h.transitions); },
          "The Transitions (a tuple).")
      .def("status_on", &ReportHistory::status_on, py::arg("day"),
           "The ReportStatus on the day, or None before the first transition.")
      .def("first_submitted", &ReportHistory::first_submitted,
           "The day of the first submission, or None.");

  py::class_<Workflow>(
      m, "Workflow",
      "The histories of a plan's reports, each transition checked when applied: draft? submit "
      "(return submit)* approve?, dates never going backwards; with the plan also who may act "
      "(the unit submits, its parent as of the period returns and approves).")
      .def(py::init([](std::string plan_id, const std::vector<Transition>& transitions) {
             Workflow w(std::move(plan_id));
             for (const auto& t : transitions) {
               if (const std::string problem = transition_problem(w, t, nullptr, nullptr);
                   !problem.empty()) {
                 throw danvan::ValueError(problem);
               }
               w.apply(t);
             }
             return w;
           }),
           py::arg("plan_id") = "", py::kw_only(),
           py::arg("transitions") = std::vector<Transition>{},
           "Workflow(plan_id='', *, transitions=()): the transitions applied in order, each "
           "checked as apply() without a plan checks it (Workflow(**w.to_dict()) == w); raises "
           "danvan.ValueError with the first refused one's reason.")
      .def_property_readonly("plan_id", &Workflow::plan_id, "The plan's id.")
      .def(
          "check",
          [](const Workflow& w, const Transition& t, const ProgressPlan* plan,
             const danvan::ReportBatch* batch) { return transition_problem(w, t, plan, batch); },
          py::arg("transition"), py::arg("plan") = py::none(), py::arg("batch") = py::none(),
          "Why the transition would be refused (\"report of U for P: ...\"), or \"\". With "
          "the plan also who may act; an approval is also refused while the batch's report breaks "
          "an error rule of the plan (as `danvan progress workflow approve`), and without the "
          "batch when the plan has error rules.")
      .def(
          "apply",
          [](Workflow& w, const Transition& t, const ProgressPlan* plan,
             const danvan::ReportBatch* batch) {
            if (const std::string problem = transition_problem(w, t, plan, batch);
                !problem.empty()) {
              throw danvan::ValueError(problem);
            }
            w.apply(t);
          },
          py::arg("transition"), py::arg("plan") = py::none(), py::arg("batch") = py::none(),
          "Checks the transition as check() does and appends it; raises danvan.ValueError with "
          "the reason (the workflow is then unchanged).")
      .def(
          "record",
          [](Workflow& w, const Transition& t, const ProgressPlan& plan,
             const std::filesystem::path& journal, const danvan::ReportBatch* batch) {
            if (const std::string problem = transition_problem(w, t, &plan, batch);
                !problem.empty()) {
              throw danvan::ValueError(problem);
            }
            danvan::JournalWriter writer(journal);
            writer.append(danvan::workflow_journal_line(t));
            w.apply(t);
          },
          py::arg("transition"), py::arg("plan"), py::arg("journal"), py::arg("batch") = py::none(),
          "Checks the transition as check(transition, plan, batch) does, appends it to the JSON "
          "Lines journal (locked, fsync()ed) and applies it. An approval breaking an error rule "
          "of the plan on the batch's report is refused with the message of `danvan progress "
          "workflow approve`; approving against a plan with error rules needs the batch. Raises "
          "danvan.ValueError (nothing written) or danvan.IoError.")
      .def(
          "replay_journal",
          [](Workflow& w, const std::filesystem::path& journal,
             const std::optional<ProgressPlan>& plan) {
            return danvan::replay_workflow_journal_file(journal, w, plan ? &*plan : nullptr)
                .warning;
          },
          py::arg("journal"), py::arg("plan") = py::none(),
          "Applies the lines of a JSON Lines journal (a missing file is empty); returns the "
          "warning about a torn last line, or \"\". Raises danvan.ValueError \"line N: ...\".")
      .def("find", &Workflow::find, py::arg("unit_id"), py::arg("period"),
           py::return_value_policy::copy, "The ReportHistory of a unit and period, or None.")
      .def_property_readonly(
          "histories", [](const Workflow& w) { return to_tuple(w.histories()); },
          "The ReportHistories, in the order of their first transition (a tuple).")
      .def_property_readonly(
          "transitions", [](const Workflow& w) { return to_tuple(w.transitions()); },
          "Every Transition in the order applied (a tuple).")
      .def("__len__", &Workflow::size, "The number of transitions.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "to_dict", [](const Workflow& w) { return json_to_py(danvan::to_json(w)); },
          "The danvan/workflow document as Python data.")
      .def_static(
          "from_dict",
          [](const py::object& data, const std::optional<ProgressPlan>& plan) {
            const Json doc = py_to_json(data);
            return plan ? danvan::workflow_from_json(doc, *plan) : danvan::workflow_from_json(doc);
          },
          py::arg("data"), py::arg("plan") = py::none(),
          "Reads a danvan/workflow document from Python data as from_json. Raises "
          "danvan.JsonError.")
      .def(
          "to_json", [](const Workflow& w) { return danvan::to_document_text(danvan::to_json(w)); },
          "The canonical danvan/workflow document.")
      .def_static(
          "from_json",
          [](std::string_view text, const std::optional<ProgressPlan>& plan) {
            const Json doc = danvan::parse_json(text);
            return plan ? danvan::workflow_from_json(doc, *plan) : danvan::workflow_from_json(doc);
          },
          py::arg("text"), py::arg("plan") = py::none(),
          "Reads a danvan/workflow document, checking its transitions (against the plan when "
          "given). Raises danvan.JsonError.");

  py::class_<WorkflowCounts>(m, "WorkflowCounts",
                             "Expected reports of a node by status on the as-of day.")
      .def_property_readonly("open", get_copy(&WorkflowCounts::open),
                             "Not submitted (nothing yet, or a draft).")
      .def_property_readonly("awaiting", get_copy(&WorkflowCounts::awaiting),
                             "Submitted, awaiting approval (chờ duyệt).")
      .def_property_readonly("returned", get_copy(&WorkflowCounts::returned),
                             "Returned, awaiting resubmission (bị trả lại).")
      .def_property_readonly("approved", get_copy(&WorkflowCounts::approved),
                             "Approved (đã duyệt).")
      .def(py::self == py::self)
      .def(py::self != py::self);

  py::class_<WorkflowItem>(
      m, "WorkflowItem",
      "A report waiting on someone: awaiting approval by waits_on, or returned to its unit.")
      .def_property_readonly("unit_id", get_copy(&WorkflowItem::unit_id), "The unit.")
      .def_property_readonly("period", get_copy(&WorkflowItem::period), "The Period.")
      .def_property_readonly("status", get_copy(&WorkflowItem::status), "The ReportStatus.")
      .def_property_readonly("since", get_copy(&WorkflowItem::since),
                             "The day of the transition that put it there.")
      .def_property_readonly("waits_on", get_copy(&WorkflowItem::waits_on),
                             "The unit ids it waits on (a list).")
      .def_property_readonly("actor_unit_id", get_copy(&WorkflowItem::actor_unit_id),
                             "Who submitted (awaiting) or returned it.")
      .def_property_readonly("person", get_copy(&WorkflowItem::person), "The person, or None.")
      .def_property_readonly("reason", get_copy(&WorkflowItem::reason),
                             "A return's reason, or None.");

  py::class_<WorkflowSummary>(m, "WorkflowSummary",
                              "The workflow part of a ProgressSummary (its .workflow).")
      .def_property_readonly("basis", get_copy(&WorkflowSummary::basis),
                             "The RollupBasis of the indicator figures.")
      .def_property_readonly(
          "nodes", [](const WorkflowSummary& s) { return to_tuple(s.nodes); },
          "WorkflowCounts per node, parallel to ProgressSummary.nodes (a tuple).")
      .def_property_readonly(
          "awaiting", [](const WorkflowSummary& s) { return to_tuple(s.awaiting); },
          "WorkflowItems awaiting approval, oldest first (a tuple).")
      .def_property_readonly(
          "returned", [](const WorkflowSummary& s) { return to_tuple(s.returned); },
          "WorkflowItems returned, oldest first (a tuple).")
      .def_property_readonly("unapproved_counted", get_copy(&WorkflowSummary::unapproved_counted),
                             "Reports counted in the figures though not approved.")
      .def_property_readonly("left_out", get_copy(&WorkflowSummary::left_out),
                             "Batch reports the figures leave out.");
}

void register_workflow_functions(py::module_& m) {
  m.def("approving_units", &danvan::approving_units, py::arg("units"), py::arg("unit_id"),
        py::arg("period"), py::arg("day"),
        "The unit ids that may approve a unit's report for a period on a day: its parent on the "
        "period's last day, or, when that no longer exists on the day, the units carrying it on "
        "(after the 2025 merger, the new parent).");
  m.def(
      "pending_reports",
      [](const ProgressPlan& plan, const danvan::ReportBatch& batch, const Workflow& w,
         Date as_of) {
        const auto p = danvan::pending_reports(plan, batch, w, as_of);
        return py::make_tuple(to_tuple(p.awaiting), to_tuple(p.returned));
      },
      py::arg("plan"), py::arg("batch"), py::arg("workflow"), py::arg("as_of"),
      "(awaiting, returned): the WorkflowItems waiting on someone on the day, oldest first.");
}

}  // namespace danvan_py
