#include "danvan/json/workflow.hpp"

#include "danvan/io.hpp"
#include "json/journal_lines.hpp"
#include "json/object_reader.hpp"

#include <system_error>

namespace danvan {

using detail::ObjectReader;
using detail::Problems;

namespace {

std::optional<Transition> read_transition(const Json& value, const std::string& pointer,
                                          Problems& problems) {
  ObjectReader r(value, pointer, problems);
  if (!r.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  auto unit = r.id("unit");
  std::optional<Period> period;
  if (auto p = r.string("period")) {
    try {
      period = Period::parse(*p);
    } catch (const Error& e) {
      problems.add(r.pointer_to("period"), "invalid period \"" + *p + "\": " + e.message());
    }
  }
  auto action = r.parsed<WorkflowAction>("action", true, parse_workflow_action);
  auto date = r.date("date");
  auto by = r.id("by");
  auto person = r.text("person", false);
  auto reason = r.text("reason", false);
  r.finish();
  if (problems.size() != before || !unit || !period || !action || !date || !by) {
    return std::nullopt;
  }
  return Transition{*unit, *period, *action, *date, *by, person, reason};
}

Json optional_text(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

/// Applies `t` (read at `pointer`), recording the workflow's refusal as a problem there.
void apply_at(Workflow& workflow, const ProgressPlan* plan, const Transition& t,
              const std::string& pointer, Problems& problems) {
  const std::string problem = plan != nullptr ? workflow.check(*plan, t) : workflow.check(t);
  if (!problem.empty()) {
    problems.add(pointer, problem);
    return;
  }
  workflow.apply(t);
}

Workflow read_workflow(const Json& document, const ProgressPlan* plan) {
  Problems problems;
  Workflow workflow;
  ObjectReader r(document, "", problems);
  if (r.ok() && detail::check_header(r, "danvan/workflow")) {
    const auto plan_id = r.id("plan");
    if (plan_id && plan != nullptr && *plan_id != plan->plan_id) {
      problems.add("/plan", "the workflow is for plan \"" + *plan_id +
                                "\", but the progress plan is for \"" + plan->plan_id + "\"");
    }
    workflow = Workflow(plan_id.value_or(""));
    bool stopped = false;  // after the first refused transition the rest is not applied
    r.array("transitions", true, [&](const Json& e, const std::string& p) {
      auto t = read_transition(e, p, problems);
      if (!t || stopped || !problems.empty()) return;
      const std::size_t before = problems.size();
      apply_at(workflow, plan, *t, p, problems);
      stopped = problems.size() != before;
    });
    r.finish();
  }
  problems.throw_if_any();
  return workflow;
}

}  // namespace

Json to_json(const Transition& t) {
  Json j = Json::object();
  j["unit"] = t.unit_id;
  j["period"] = t.period.id();
  j["action"] = std::string(to_string(t.action));
  j["date"] = to_iso(t.date);
  j["by"] = t.actor_unit_id;
  j["person"] = optional_text(t.person);
  j["reason"] = optional_text(t.reason);
  return j;
}

Transition transition_from_json(const Json& part) {
  Problems problems;
  auto t = read_transition(part, "", problems);
  problems.throw_if_any();
  if (!t) throw JsonDocumentError({JsonProblem{"", "could not be read"}});  // not expected
  return *t;
}

void to_json(Json& j, const Transition& value) { j = to_json(value); }
void from_json(const Json& j, Transition& value) { value = transition_from_json(j); }

Json to_json(const Workflow& workflow) {
  Json j = Json::object();
  j["schema"] = "danvan/workflow";
  j["version"] = json_version;
  j["plan"] = workflow.plan_id();
  Json transitions = Json::array();
  for (const auto& t : workflow.transitions()) transitions.push_back(to_json(t));
  j["transitions"] = transitions;
  return j;
}

void to_json(Json& j, const Workflow& value) { j = to_json(value); }

Workflow workflow_from_json(const Json& document) { return read_workflow(document, nullptr); }
Workflow workflow_from_json(const Json& document, const ProgressPlan& plan) {
  return read_workflow(document, &plan);
}

std::string workflow_journal_line(const Transition& transition) {
  return to_json(transition).dump(-1, ' ', false, Json::error_handler_t::strict) + "\n";
}

ReplayResult replay_workflow_journal(std::string_view text, Workflow& workflow,
                                     const ProgressPlan* plan) {
  return detail::for_each_journal_line(text, [&](const Json& value, const std::string& where) {
    Problems problems;
    auto t = read_transition(value, "", problems);
    if (!problems.empty()) {
      const auto& p = problems.list().front();
      throw ValueError(where + (p.pointer.empty() ? "(line)" : p.pointer) + ": " + p.reason);
    }
    try {
      if (plan != nullptr) {
        workflow.apply(*plan, *t);
      } else {
        workflow.apply(*t);
      }
    } catch (const ValueError& e) {
      throw ValueError(where + e.what());
    }
  });
}

ReplayResult replay_workflow_journal_file(const std::filesystem::path& path, Workflow& workflow,
                                          const ProgressPlan* plan) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) && !ec) return {};
  return replay_workflow_journal(read_file(path), workflow, plan);
}

}  // namespace danvan
