// danvan progress workflow: submitting, returning and approving reports, and what waits on whom.
#include "cli.hpp"

#include "danvan/json.hpp"
#include "danvan/json/progress.hpp"
#include "danvan/json/workflow.hpp"
#include "danvan/text.hpp"
#include "danvan/workflow.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <ostream>

namespace danvan::cli {

namespace {

const char* const usage =
    "usage: danvan progress workflow draft|submit|return|approve PROGRESS REPORTS JOURNAL\n"
    "           --unit ID --period ID --date DATE [--by ID] [--person NAME] [--reason TEXT]\n"
    "           [--units FILE]\n"
    "       danvan progress workflow list PROGRESS REPORTS JOURNAL [--as-of DATE]\n"
    "           [--period ID] [--by ID] [--format text|json] [--units FILE]\n\n"
    "The submission workflow of units' reports (quy trình gửi, duyệt báo cáo). JOURNAL is a\n"
    "JSON Lines file, one transition per line (created when missing; each line is appended\n"
    "under a lock and fsync()ed; a torn last line left by a crash is dropped). A report goes\n"
    "draft -> submit -> (return with a reason -> submit)* -> approve; the unit submits its own\n"
    "report, its parent in the unit hierarchy as of the period returns or approves it (after\n"
    "the 2025 merger, the new parent). A transition that does not fit is refused with the\n"
    "reason and nothing is written; approve also refuses a report that breaks an error rule of\n"
    "PROGRESS (see 'danvan progress validate'), naming the rule. --by is the unit acting:\n"
    "by default the unit itself for draft and submit; required for return and approve.\n\n"
    "submit needs the report in REPORTS. list prints, as of --as-of (default: today), the\n"
    "reports awaiting approval grouped by the unit they wait on and the returned ones with\n"
    "their reasons; --by keeps those waiting on one unit, --period those of periods within it.\n";

Date option_date(const Args& args, const std::string& name) {
  const auto d = args.option(name);
  if (!d) return boost::gregorian::day_clock::local_day();
  try {
    return parse_date(*d);
  } catch (const ValueError& e) {
    throw UsageError(name + ": " + e.what());
  }
}

Period option_period(const std::string& name, const std::string& text) {
  try {
    return Period::parse(text);
  } catch (const Error& e) {
    throw UsageError(name + ": " + e.message());
  }
}

std::string required(const Args& args, const std::string& name, const std::string& action) {
  const auto v = args.option(name);
  if (!v) throw UsageError(action + " needs " + name);
  return *v;
}

/// A document read from a file, its problems named with the file.
template <class Read>
auto read_doc(const std::string& path, Read read) {
  try {
    return read(parse_json(read_input(path)));
  } catch (const JsonError& e) {
    throw ValueError(path + ": " + e.what());
  }
}

struct Inputs {
  ProgressPlan plan;
  ReportBatch batch;
  Workflow workflow;
};

Inputs read_inputs(const Args& args, std::ostream& err) {
  Inputs in;
  const auto units_path = args.option("--units");
  if (units_path) {
    const UnitHierarchy units =
        read_doc(*units_path, [](const Json& d) { return units_from_json(d); });
    in.plan = read_doc(args.positionals.at(1),
                       [&](const Json& d) { return progress_plan_from_json(d, units); });
  } else {
    in.plan =
        read_doc(args.positionals.at(1), [](const Json& d) { return progress_plan_from_json(d); });
  }
  in.batch = read_doc(args.positionals.at(2),
                      [&](const Json& d) { return report_batch_from_json(d, in.plan); });
  in.workflow = Workflow(in.plan.plan_id);
  const std::string& journal = args.positionals.at(3);
  try {
    const auto result = replay_workflow_journal_file(journal, in.workflow, &in.plan);
    if (result.torn_line)
      err << "danvan progress workflow: " << journal << ": " << result.warning << "\n";
  } catch (const ValueError& e) {
    throw ValueError(journal + ": " + e.what());
  }
  return in;
}

std::string unit_label(const ProgressPlan& plan, const std::string& id) {
  const Unit* u = plan.units.find(id);
  return u == nullptr ? id : id + " (" + u->name + ")";
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  return out.empty() ? "(không có đơn vị duyệt)" : out;
}

int transition(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action_name = args.positionals.at(0);
  const WorkflowAction action = parse_workflow_action(action_name);
  Transition t;
  t.action = action;
  t.unit_id = required(args, "--unit", action_name);
  t.period = option_period("--period", required(args, "--period", action_name));
  if (!args.option("--date")) throw UsageError(action_name + " needs --date");
  t.date = option_date(args, "--date");
  const bool own = action == WorkflowAction::draft || action == WorkflowAction::submit;
  t.actor_unit_id =
      own ? args.option("--by").value_or(t.unit_id) : required(args, "--by", action_name);
  if (const auto p = args.option("--person")) t.person = normalize_nfc(*p);
  if (const auto r = args.option("--reason")) t.reason = normalize_nfc(*r);
  Inputs in = read_inputs(args, err);
  if (action == WorkflowAction::submit) {
    bool found = false;
    for (const auto& r : in.batch.reports)
      found = found || (r.unit_id == t.unit_id && r.period == t.period);
    if (!found) {
      throw ValueError(args.positionals.at(2) + " has no report of " + t.unit_id + " for " +
                       t.period.id() + " to submit");
    }
  }
  // With the batch: a report breaking an error rule of the plan is not approved.
  if (const std::string problem = in.workflow.check(in.plan, in.batch, t); !problem.empty()) {
    throw ValueError(problem);
  }
  JournalWriter writer(args.positionals.at(3));
  for (const auto& r : writer.repairs()) err << "danvan progress workflow: " << r.message << "\n";
  writer.append(workflow_journal_line(t));
  out << t.unit_id << " " << t.period.id() << ": " << vietnamese_name(action) << " ngày "
      << to_iso(t.date) << " bởi " << t.actor_unit_id << " -> "
      << vietnamese_name(status_after(action)) << "\n";
  return 0;
}

int list(const Args& args, std::ostream& out, std::ostream& err) {
  const Date as_of = option_date(args, "--as-of");
  const auto period = args.option("--period");
  const std::optional<Period> within =
      period ? std::optional(option_period("--period", *period)) : std::nullopt;
  const auto by = args.option("--by");
  const std::string format = args.option("--format").value_or("text");
  if (format != "text" && format != "json") {
    throw UsageError("--format: unknown format \"" + format + "\"; expected one of text, json");
  }
  const Inputs in = read_inputs(args, err);
  auto pending = pending_reports(in.plan, in.batch, in.workflow, as_of);
  const auto keep = [&](std::vector<WorkflowItem>& items) {
    std::erase_if(items, [&](const WorkflowItem& i) {
      if (within && !within->contains(i.period)) return true;
      return by && std::find(i.waits_on.begin(), i.waits_on.end(), *by) == i.waits_on.end();
    });
  };
  keep(pending.awaiting);
  keep(pending.returned);
  if (format == "json") {
    Json j = Json::object();
    j["as_of"] = to_iso(as_of);
    for (const auto* part : {&pending.awaiting, &pending.returned}) {
      Json items = Json::array();
      for (const auto& i : *part) {
        Json ij = Json::object();
        ij["unit"] = i.unit_id;
        ij["period"] = i.period.id();
        ij["status"] = std::string(to_string(i.status));
        ij["since"] = to_iso(i.since);
        Json waits = Json::array();
        for (const auto& w : i.waits_on) waits.push_back(w);
        ij["waits_on"] = waits;
        ij["by"] = i.actor_unit_id;
        ij["person"] = i.person ? Json(*i.person) : Json(nullptr);
        ij["reason"] = i.reason ? Json(*i.reason) : Json(nullptr);
        items.push_back(ij);
      }
      j[part == &pending.awaiting ? "awaiting" : "returned"] = items;
    }
    out << to_canonical_text(j);
    return 0;
  }
  out << "Báo cáo chờ duyệt / bị trả lại, tính đến ngày " << to_iso(as_of) << "\n\n";
  out << "Chờ duyệt: " << pending.awaiting.size() << "\n";
  std::string group;
  for (const auto& i : pending.awaiting) {
    const std::string approver = joined(i.waits_on);
    if (approver != group) {
      out << "  chờ " << (i.waits_on.size() == 1 ? unit_label(in.plan, approver) : approver)
          << ":\n";
      group = approver;
    }
    out << "    " << unit_label(in.plan, i.unit_id) << " " << i.period.id() << ", gửi ngày "
        << to_iso(i.since) << "\n";
  }
  out << "Bị trả lại: " << pending.returned.size() << "\n";
  for (const auto& i : pending.returned) {
    out << "    " << unit_label(in.plan, i.unit_id) << " " << i.period.id() << ", trả lại ngày "
        << to_iso(i.since) << " bởi " << i.actor_unit_id
        << (i.person ? " (" + *i.person + ")" : std::string()) << ": " << i.reason.value_or("")
        << "\n";
  }
  return 0;
}

int run_workflow(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positionals.at(0);
  if (args.positionals.size() != 4) {
    throw UsageError("expected ACTION PROGRESS REPORTS JOURNAL");
  }
  if (action == "list") return list(args, out, err);
  if (action == "draft" || action == "submit" || action == "return" || action == "approve") {
    return transition(args, out, err);
  }
  throw UsageError("unknown action \"" + action +
                   "\"; expected one of draft, submit, return, approve, list");
}

}  // namespace

std::vector<Command> workflow_commands() {
  return {Command{"progress workflow", "submit, return and approve reports; what waits on whom",
                  usage,
                  Spec{{{"--unit", "the unit whose report it is"},
                        {"--period", "the reporting period (202004, 2020Q2, ...)"},
                        {"--date", "the day of the transition (dates never go backwards)"},
                        {"--by", "the unit acting; list: only reports waiting on it"},
                        {"--person", "the person acting (optional)"},
                        {"--reason", "why the report is returned (return only, required)"},
                        {"--units", "the unit hierarchy of FILE, not the one PROGRESS has"},
                        {"--as-of", "list: the day to list as of (default: today)"},
                        {"--format", "list: text (default) or json"}},
                       {},
                       1,
                       4},
                  run_workflow}};
}

}  // namespace danvan::cli
