#include "danvan/workflow.hpp"

#include "base/enum_names.hpp"
#include "danvan/error.hpp"
#include "danvan/rules.hpp"
#include "danvan/text.hpp"
#include "text/text_detail.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace danvan {

namespace {

constexpr std::array<std::string_view, 4> action_names{"draft", "submit", "return", "approve"};
constexpr std::array<std::string_view, 4> status_names{"draft", "submitted", "returned",
                                                       "approved"};
constexpr std::array<std::string_view, 2> basis_names{"submitted", "approved"};

std::string prefix_of(const Transition& t) {
  return "report of " + t.unit_id + " for " + t.period.id() + ": ";
}

/// "it is not submitted", "it was returned on D and not resubmitted", ...
std::string state_phrase(const Transition* last) {
  if (last == nullptr) return "it is not submitted";
  const std::string on = to_iso(last->date);
  switch (status_after(last->action)) {
    case ReportStatus::draft:
      return "it is a draft (since " + on + ") and not submitted";
    case ReportStatus::submitted:
      return "it was submitted on " + on + " and awaits approval";
    case ReportStatus::returned:
      return "it was returned on " + on + " and not resubmitted";
    case ReportStatus::approved:
      return "it was already approved on " + on;
  }
  return "";
}

bool allowed(const Transition* last, WorkflowAction action) {
  const std::optional<ReportStatus> now =
      last == nullptr ? std::nullopt : std::optional(status_after(last->action));
  switch (action) {
    case WorkflowAction::draft:
      return !now;
    case WorkflowAction::submit:
      return !now || *now == ReportStatus::draft || *now == ReportStatus::returned;
    case WorkflowAction::return_to_unit:
    case WorkflowAction::approve:
      return now == ReportStatus::submitted;
  }
  return false;
}

/// The unit checks of a transition against the plan ("" when none fails).
std::string check_units(const ProgressPlan& plan, const Transition& t) {
  const UnitHierarchy& units = plan.units;
  const Unit* unit = units.find(t.unit_id);
  if (unit == nullptr) return "unknown unit \"" + t.unit_id + "\"";
  if (units.find(t.actor_unit_id) == nullptr) return "unknown unit \"" + t.actor_unit_id + "\"";
  const auto& s = plan.schedule;
  if (t.period.type() != s.period_type) {
    return "period " + t.period.id() + " is not a " + std::string(to_string(s.period_type)) +
           " period as the schedule requires";
  }
  if (t.period < s.first || s.last < t.period) {
    return "period " + t.period.id() + " is outside the schedule " + s.first.id() + ".." +
           s.last.id();
  }
  if (!unit->exists_on(t.period.end())) {
    return "the unit did not exist at the end of " + t.period.id();
  }
  if (t.action == WorkflowAction::draft || t.action == WorkflowAction::submit) {
    if (t.actor_unit_id != t.unit_id) {
      return "only " + t.unit_id + " itself can " + std::string(to_string(t.action)) + " it, not " +
             t.actor_unit_id;
    }
    return "";
  }
  if (t.actor_unit_id == t.unit_id) {
    return t.actor_unit_id + " cannot " + std::string(to_string(t.action)) + " its own report";
  }
  const auto approvers = approving_units(units, t.unit_id, t.period, t.date);
  if (std::find(approvers.begin(), approvers.end(), t.actor_unit_id) != approvers.end()) return "";
  const std::string verb(to_string(t.action));
  if (approvers.empty()) {
    return t.actor_unit_id + " cannot " + verb + " it: " + t.unit_id +
           " has no parent that could (none exists on " + to_iso(t.date) + ")";
  }
  std::string names;
  for (const auto& a : approvers) names += (names.empty() ? "" : ", ") + a;
  // A unit above the approving one (or above the unit) in the hierarchy on the period's end.
  const Date end = t.period.end();
  const auto chain = units.ancestors(t.unit_id, end);
  if (!chain.empty() && chain.front()->id == t.actor_unit_id) {
    return t.actor_unit_id + " cannot " + verb + " it: it no longer exists on " + to_iso(t.date) +
           "; " + names + " does in its place";
  }
  // A unit above the parent in the hierarchy on the period's end.
  if (units.at(t.actor_unit_id).exists_on(end) &&
      units.is_within(t.unit_id, t.actor_unit_id, end)) {
    return t.actor_unit_id + " cannot " + verb + " it: its parent " + names + " does" +
           " (approval is not by a higher level)";
  }
  const std::string parent = chain.empty() ? std::string("none") : chain.front()->id;
  return t.actor_unit_id + " cannot " + verb + " it: " + t.unit_id +
         " is not its child (its parent on " + to_iso(end) + " is " + parent + ")";
}

}  // namespace

std::string_view to_string(WorkflowAction v) noexcept { return detail::enum_name(action_names, v); }
std::string_view to_string(ReportStatus v) noexcept { return detail::enum_name(status_names, v); }
std::string_view to_string(RollupBasis v) noexcept { return detail::enum_name(basis_names, v); }
WorkflowAction parse_workflow_action(std::string_view text) {
  return detail::parse_enum_name<WorkflowAction>(text, action_names, "workflow action");
}
ReportStatus parse_report_status(std::string_view text) {
  return detail::parse_enum_name<ReportStatus>(text, status_names, "report status");
}
RollupBasis parse_rollup_basis(std::string_view text) {
  return detail::parse_enum_name<RollupBasis>(text, basis_names, "roll-up basis");
}

std::string_view vietnamese_name(WorkflowAction v) noexcept {
  switch (v) {
    case WorkflowAction::draft:
      return "lập dự thảo";
    case WorkflowAction::submit:
      return "gửi";
    case WorkflowAction::return_to_unit:
      return "trả lại";
    case WorkflowAction::approve:
      return "duyệt";
  }
  return "";
}

std::string_view vietnamese_name(ReportStatus v) noexcept {
  switch (v) {
    case ReportStatus::draft:
      return "dự thảo";
    case ReportStatus::submitted:
      return "chờ duyệt";
    case ReportStatus::returned:
      return "bị trả lại";
    case ReportStatus::approved:
      return "đã duyệt";
  }
  return "";
}

ReportStatus status_after(WorkflowAction action) noexcept {
  switch (action) {
    case WorkflowAction::draft:
      return ReportStatus::draft;
    case WorkflowAction::submit:
      return ReportStatus::submitted;
    case WorkflowAction::return_to_unit:
      return ReportStatus::returned;
    case WorkflowAction::approve:
      return ReportStatus::approved;
  }
  return ReportStatus::draft;
}

const Transition* ReportHistory::last_on(Date day) const noexcept {
  const Transition* out = nullptr;
  for (const auto& t : transitions) {
    if (t.date > day) break;
    out = &t;
  }
  return out;
}

std::optional<ReportStatus> ReportHistory::status_on(Date day) const noexcept {
  const Transition* t = last_on(day);
  if (t == nullptr) return std::nullopt;
  return status_after(t->action);
}

std::optional<Date> ReportHistory::first_submitted() const noexcept {
  for (const auto& t : transitions) {
    if (t.action == WorkflowAction::submit) return t.date;
  }
  return std::nullopt;
}

std::vector<std::string> approving_units(const UnitHierarchy& units, std::string_view unit_id,
                                         const Period& period, Date day) {
  const Date end = period.end();
  (void)units.at(unit_id);
  std::vector<std::string> out;
  for (const Unit* ancestor : units.ancestors(unit_id, end)) {
    for (const Unit* u : units.successors_on(ancestor->id, day)) out.push_back(u->id);
    if (!out.empty()) break;
  }
  return out;
}

std::string Workflow::check(const Transition& t) const {
  const std::string prefix = prefix_of(t);
  // What a journal line holds must read back: one line of NFC text without control characters.
  for (const auto& [name, text] :
       {std::pair{"person", &t.person}, std::pair{"reason", &t.reason}}) {
    if (!*text) continue;
    std::string problem;
    try {
      if (normalize_nfc(**text) != **text) problem = "is not in Unicode NFC";
    } catch (const ValueError& e) {
      problem = e.what();
    }
    if (problem.empty()) problem = detail::control_character_problem(**text);
    if (problem.empty() && squeeze_spaces(**text).empty() && std::string_view(name) == "person") {
      problem = "is empty";
    }
    if (!problem.empty()) return prefix + "the " + name + " " + problem;
  }
  if (t.action == WorkflowAction::return_to_unit) {
    if (!t.reason || t.reason->find_first_not_of(" \t\r\n") == std::string::npos) {
      return prefix + "a return needs a reason";
    }
  } else if (t.reason) {
    return prefix + "only a return has a reason";
  }
  if (t.date < t.period.start()) {
    return prefix + std::string(to_string(t.action)) + " on " + to_iso(t.date) +
           " is before the period began (" + to_iso(t.period.start()) + ")";
  }
  const ReportHistory* h = find(t.unit_id, t.period);
  const Transition* last = h == nullptr ? nullptr : &h->transitions.back();
  if (last != nullptr && t.date < last->date) {
    return prefix + std::string(to_string(t.action)) + " on " + to_iso(t.date) +
           " is before the previous transition (" + std::string(to_string(last->action)) + " on " +
           to_iso(last->date) + ")";
  }
  if (!allowed(last, t.action)) {
    return prefix + "cannot " + std::string(to_string(t.action)) + ": " + state_phrase(last);
  }
  return "";
}

std::string Workflow::check(const ProgressPlan& plan, const Transition& t) const {
  if (std::string problem = check_units(plan, t); !problem.empty()) {
    return prefix_of(t) + problem;
  }
  return check(t);
}

std::string Workflow::check(const ProgressPlan& plan, const ReportBatch& batch,
                            const Transition& t) const {
  if (std::string problem = check(plan, t); !problem.empty()) return problem;
  if (t.action != WorkflowAction::approve) return {};
  return approval_problem(plan, batch, t.unit_id, t.period);
}

void Workflow::apply(const Transition& t) {
  if (std::string problem = check(t); !problem.empty()) throw ValueError(problem);
  auto key = std::make_pair(t.unit_id, t.period.id());
  auto it = index_.find(key);
  if (it == index_.end()) {
    it = index_.emplace(std::move(key), histories_.size()).first;
    histories_.push_back(ReportHistory{t.unit_id, t.period, {}});
  }
  auto& history = histories_[it->second];
  history.transitions.push_back(t);
  order_.emplace_back(it->second, history.transitions.size() - 1);
}

void Workflow::apply(const ProgressPlan& plan, const Transition& t) {
  if (std::string problem = check_units(plan, t); !problem.empty()) {
    throw ValueError(prefix_of(t) + problem);
  }
  apply(t);
}

void Workflow::apply(const ProgressPlan& plan, const ReportBatch& batch, const Transition& t) {
  if (std::string problem = check(plan, batch, t); !problem.empty()) throw ValueError(problem);
  apply(t);
}

const ReportHistory* Workflow::find(std::string_view unit_id, const Period& period) const {
  const auto it = index_.find(std::make_pair(std::string(unit_id), period.id()));
  return it == index_.end() ? nullptr : &histories_[it->second];
}

std::vector<Transition> Workflow::transitions() const {
  std::vector<Transition> out;
  out.reserve(order_.size());
  for (const auto& [h, t] : order_) out.push_back(histories_[h].transitions[t]);
  return out;
}

std::optional<ReportStatus> report_status(const Workflow& workflow, const ReportBatch& batch,
                                          std::string_view unit_id, const Period& period,
                                          Date as_of) {
  if (const ReportHistory* h = workflow.find(unit_id, period)) return h->status_on(as_of);
  for (const auto& r : batch.reports) {
    if (r.unit_id == unit_id && r.period == period && r.submitted <= as_of) {
      return ReportStatus::submitted;
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// The summary with a workflow

namespace {

/// Parent of each node of the pre-order node list (npos for the root).
std::vector<std::size_t> node_parents(const std::vector<RollupNode>& nodes) {
  std::vector<std::size_t> parent(nodes.size(), static_cast<std::size_t>(-1));
  std::vector<std::size_t> stack;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    while (!stack.empty() && nodes[stack.back()].depth >= nodes[i].depth) stack.pop_back();
    if (!stack.empty()) parent[i] = stack.back();
    stack.push_back(i);
  }
  return parent;
}

WorkflowItem item_of(const ProgressPlan& plan, const ReportHistory* h, const Report* report,
                     ReportStatus status, Date as_of) {
  WorkflowItem item;
  item.status = status;
  if (h != nullptr) {
    const Transition& t = *h->last_on(as_of);
    item.unit_id = h->unit_id;
    item.period = h->period;
    item.since = t.date;
    item.actor_unit_id = t.actor_unit_id;
    item.person = t.person;
    item.reason = t.reason;
  } else {
    item.unit_id = report->unit_id;
    item.period = report->period;
    item.since = report->submitted;
    item.actor_unit_id = report->unit_id;
  }
  if (status == ReportStatus::returned) {
    item.waits_on = {item.unit_id};
  } else {
    item.waits_on = approving_units(plan.units, item.unit_id, item.period, as_of);
  }
  return item;
}

bool by_since(const WorkflowItem& a, const WorkflowItem& b) {
  if (a.since != b.since) return a.since < b.since;
  if (a.unit_id != b.unit_id) return a.unit_id < b.unit_id;
  return a.period < b.period;
}

}  // namespace

PendingReports pending_reports(const ProgressPlan& plan, const ReportBatch& batch,
                               const Workflow& workflow, Date as_of) {
  PendingReports out;
  for (const auto& h : workflow.histories()) {
    const auto status = h.status_on(as_of);
    if (status == ReportStatus::submitted) {
      out.awaiting.push_back(item_of(plan, &h, nullptr, *status, as_of));
    } else if (status == ReportStatus::returned) {
      out.returned.push_back(item_of(plan, &h, nullptr, *status, as_of));
    }
  }
  for (const auto& r : batch.reports) {
    if (r.submitted > as_of || workflow.find(r.unit_id, r.period) != nullptr) continue;
    out.awaiting.push_back(item_of(plan, nullptr, &r, ReportStatus::submitted, as_of));
  }
  std::stable_sort(out.awaiting.begin(), out.awaiting.end(), by_since);
  std::stable_sort(out.returned.begin(), out.returned.end(), by_since);
  return out;
}

ProgressSummary summarize_progress(const ProgressPlan& plan, const ReportBatch& batch,
                                   const Workflow& workflow, const ProgressQuery& query,
                                   RollupBasis basis) {
  ProgressSummary out = summarize_progress(plan, batch, query);
  auto ws = std::make_shared<WorkflowSummary>();
  ws->basis = basis;
  ws->nodes.resize(out.nodes.size());
  const auto parent = node_parents(out.nodes);
  std::unordered_map<std::string, std::size_t> node_of;
  for (std::size_t i = 0; i < out.nodes.size(); ++i) {
    if (out.nodes[i].in_scope) node_of.emplace(out.nodes[i].unit_id, i);
  }

  // The reports the roll-up counts, by the status each has on the as-of day.
  ReportBatch counted;
  counted.plan_id = batch.plan_id;
  counted.sample = batch.sample;
  for (const auto& r : batch.reports) {
    if (r.submitted > query.as_of) continue;
    const auto status = report_status(workflow, batch, r.unit_id, r.period, query.as_of);
    const bool approved = status == ReportStatus::approved;
    const bool counts =
        approved || (basis == RollupBasis::submitted && status == ReportStatus::submitted);
    if (counts) {
      counted.reports.push_back(r);
    }
  }

  for (const auto& e : out.expected) {
    const ReportHistory* h = workflow.find(e.unit_id, e.period);
    // -1: nothing submitted by the as-of day; otherwise a ReportStatus.
    int status = e.report != nullptr ? static_cast<int>(ReportStatus::submitted) : -1;
    if (h != nullptr) {
      const Transition* last = h->last_on(query.as_of);
      status = last == nullptr ? -1 : static_cast<int>(status_after(last->action));
    }
    const auto n = node_of.find(e.unit_id);
    for (std::size_t k = n == node_of.end() ? parent.size() : n->second; k < parent.size();
         k = parent[k]) {
      auto& c = ws->nodes[k];
      if (status < 0 || status == static_cast<int>(ReportStatus::draft)) {
        ++c.open;
      } else if (status == static_cast<int>(ReportStatus::submitted)) {
        ++c.awaiting;
      } else if (status == static_cast<int>(ReportStatus::returned)) {
        ++c.returned;
      } else {
        ++c.approved;
      }
    }
    if (status < 0) continue;
    const auto st = static_cast<ReportStatus>(status);
    const bool in_batch = e.report != nullptr;
    if (st == ReportStatus::submitted) {
      ws->awaiting.push_back(item_of(plan, h, e.report, st, query.as_of));
      if (in_batch && basis == RollupBasis::submitted) ++ws->unapproved_counted;
    }
    if (st == ReportStatus::returned) {
      ws->returned.push_back(item_of(plan, h, e.report, st, query.as_of));
    }
    const bool counts = st == ReportStatus::approved ||
                        (basis == RollupBasis::submitted && st == ReportStatus::submitted);
    if (in_batch && !counts) ++ws->left_out;
  }
  std::stable_sort(ws->awaiting.begin(), ws->awaiting.end(), by_since);
  std::stable_sort(ws->returned.begin(), ws->returned.end(), by_since);

  if (counted.reports.size() != batch.reports.size()) {
    ProgressSummary figures = summarize_progress(plan, counted, query);
    out.indicators = std::move(figures.indicators);
  }
  out.workflow = std::move(ws);
  return out;
}

}  // namespace danvan
