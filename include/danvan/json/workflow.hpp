// JSON of the submission workflow (danvan/workflow.hpp): the "danvan/workflow" document and its
// JSON Lines journal, one transition per line, written with JournalWriter (append, fsync; a
// torn last line is tolerated).
//
// A transition, as an element of the document's "transitions" and as one journal line:
//   {"unit": "py-tuy-an", "period": "202004", "action": "submit", "date": "2020-05-05",
//    "by": "py-tuy-an", "person": null, "reason": null}
// Keys are read strictly (unknown keys, wrong types, bad dates, periods and actions are
// located by JSON pointer); the sequence is checked by Workflow::apply.
#pragma once

#include "danvan/json/json.hpp"
#include "danvan/json/registry.hpp"
#include "danvan/workflow.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace danvan {

Json to_json(const Transition& transition);
/// Reads one transition (pointers relative to it: "/date"); throws JsonDocumentError.
Transition transition_from_json(const Json& part);
void to_json(Json& j, const Transition& value);
void from_json(const Json& j, Transition& value);

/// {"schema": "danvan/workflow", "version": 1, "plan": id, "transitions": [...]}, transitions
/// in the order applied.
Json to_json(const Workflow& workflow);
void to_json(Json& j, const Workflow& value);
/// Reads a danvan/workflow document and applies its transitions in order: without a plan only
/// the sequence, dates and reasons are checked; with one also the units, periods and who may
/// act (Workflow::check's messages at "/transitions/N"), and the plan id. Throws
/// JsonDocumentError with every problem of the reading and the first of the sequence.
Workflow workflow_from_json(const Json& document);
Workflow workflow_from_json(const Json& document, const ProgressPlan& plan);

/// One journal line (with its final "\n").
std::string workflow_journal_line(const Transition& transition);

/// Applies every line of a workflow journal to `workflow` (checked against `plan` when given).
/// A torn last line (no final newline, or not valid JSON) is ignored with a warning; any other
/// bad line throws ValueError "line N: <pointer>: <reason>" or "line N: report of ...: <reason>",
/// the lines before it staying applied. Empty lines are errors ("line N: empty line").
ReplayResult replay_workflow_journal(std::string_view text, Workflow& workflow,
                                     const ProgressPlan* plan = nullptr);
/// Reads the file (IoError when it cannot; a missing file is an empty journal) and replays it.
ReplayResult replay_workflow_journal_file(const std::filesystem::path& path, Workflow& workflow,
                                          const ProgressPlan* plan = nullptr);

}  // namespace danvan
