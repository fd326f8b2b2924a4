// danvan progress template | progress import-xlsx: the Excel form a unit fills and filled
// forms read back (danvan/progress_forms.hpp; needs danvan::formats).
#include "cli.hpp"

#include "danvan/json.hpp"
#include "danvan/json/progress.hpp"
#include "danvan/json/workflow.hpp"
#include "danvan/workflow.hpp"

#include "danvan/io.hpp"
#if defined(DANVAN_CLI_FORMATS)
#include "danvan/progress_forms.hpp"
#include "danvan/registry_sheets.hpp"
#include "danvan/spreadsheet.hpp"
#endif

#include <ostream>
#include <string>

namespace danvan::cli {

namespace {

#if defined(DANVAN_CLI_FORMATS)

Period period_option(const Args& args, const std::string& name) {
  try {
    return Period::parse(*args.option(name));
  } catch (const ValueError& e) {
    throw UsageError(name + ": " + e.what());
  }
}

/// The progress plan of PROGRESS, with the unit hierarchy of --units when given.
ProgressPlan read_progress_plan(const Args& args) {
  const std::string& path = args.positionals.at(0);
  std::optional<UnitHierarchy> units;
  if (const auto u = args.option("--units")) {
    units =
        naming_input("--units " + *u, [&] { return units_from_json(parse_json(read_input(*u))); });
  }
  return naming_input(input_name(path), [&] {
    const Json doc = parse_json(read_input(path));
    return units ? progress_plan_from_json(doc, *units) : progress_plan_from_json(doc);
  });
}

int form_template(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  const auto unit = args.option("--unit");
  if (!unit) throw UsageError("--unit is required: the unit that fills the form");
  if (!args.option("--period")) throw UsageError("--period is required: the reporting period");
  const auto output = args.option("--output");
  if (!output)
    throw UsageError("--output FILE is required (an .xlsx is not written to a terminal)");
  const Period period = period_option(args, "--period");
  const ProgressPlan plan = read_progress_plan(args);
  const OutSheet form = naming_input(input_name(args.positionals[0]),
                                     [&] { return progress_form(plan, *unit, period); });
  write_file_atomically(*output, write_xlsx({form}));
  out << "danvan progress template: wrote " << *output << " (" << plan.indicators.size()
      << " indicators, unit " << *unit << ", period " << period.id() << ")\n";
  return 0;
}

/// --workflow JOURNAL: each imported report submitted (gửi) in the workflow on its form's day by
/// its unit. Every submission is checked against the journal's history before anything is
/// written (a report awaiting approval or approved is not submitted again; a returned one is
/// resubmitted); the problems are listed one a line with the form's file. Returns the
/// transitions to append.
std::vector<Transition> checked_submissions(const std::string& journal, const ProgressPlan& plan,
                                            const ReportBatch& batch,
                                            const std::vector<FilledForm>& forms,
                                            std::ostream& err) {
  Workflow workflow(plan.plan_id);
  try {
    const auto replay = replay_workflow_journal_file(journal, workflow, &plan);
    if (replay.torn_line)
      err << "danvan progress import-xlsx: " << journal << ": " << replay.warning << "\n";
  } catch (const ValueError& e) {
    throw ValueError(journal + ": " + e.what());
  }
  std::vector<Transition> submissions;
  std::vector<std::string> problems;
  for (std::size_t i = 0; i < batch.reports.size(); ++i) {  // one report per form, in order
    const Report& r = batch.reports[i];
    Transition t;
    t.unit_id = r.unit_id;
    t.period = r.period;
    t.action = WorkflowAction::submit;
    t.date = r.submitted;
    t.actor_unit_id = r.unit_id;
    if (std::string problem = workflow.check(plan, t); !problem.empty()) {
      problems.push_back(forms.at(i).name + ": " + problem);
      continue;
    }
    workflow.apply(plan, t);
    submissions.push_back(std::move(t));
  }
  if (!problems.empty()) {
    for (const auto& p : problems) err << printable(p) << "\n";
    const std::size_t n = problems.size();
    throw ValueError(journal + ": " + std::to_string(n) +
                     (n == 1 ? " form cannot be submitted" : " forms cannot be submitted") +
                     "; nothing was imported");
  }
  return submissions;
}

int import_xlsx(const Args& args, std::ostream& out, std::ostream& err) {
  const ProgressPlan plan = read_progress_plan(args);
  FormImportOptions options;
  if (args.option("--period")) options.period = period_option(args, "--period");
  options.unit_id = args.option("--unit");
  if (const auto d = args.option("--submitted")) {
    try {
      options.submitted = parse_date(*d);
    } catch (const ValueError& e) {
      throw UsageError(std::string("--submitted: ") + e.what());
    }
  }
  std::vector<FilledForm> forms;
  for (std::size_t i = 1; i < args.positionals.size(); ++i) {
    const std::string& path = args.positionals[i];
    forms.push_back({input_name(path), read_input(path)});
  }
  ReportBatch batch;
  try {
    batch = import_progress_forms(plan, forms, options);
  } catch (const FormImportError& e) {
    // One problem a line (the error message itself stays on one line).
    for (const auto& p : e.lines()) err << printable(p) << "\n";
    const std::size_t n = e.problems().size();
    throw ValueError(std::to_string(n) + (n == 1 ? " problem" : " problems") +
                     " in the forms; nothing was imported");
  }
  const auto journal = args.option("--workflow");
  std::vector<Transition> submissions;
  if (journal) submissions = checked_submissions(*journal, plan, batch, forms, err);
  const std::string text = to_document_text(to_json(batch));
  if (const auto o = args.option("--output")) {
    write_file_atomically(*o, text);
    err << "danvan progress import-xlsx: " << batch.reports.size() << " reports from "
        << forms.size() << " forms written to " << *o << "\n";
  } else {
    out << text;
  }
  if (journal) {
    JournalWriter writer(*journal);
    for (const auto& r : writer.repairs())
      err << "danvan progress import-xlsx: " << r.message << "\n";
    for (const auto& t : submissions) writer.append(workflow_journal_line(t));
    err << "danvan progress import-xlsx: " << submissions.size()
        << (submissions.size() == 1 ? " report" : " reports") << " submitted in " << *journal
        << "\n";
  }
  return 0;
}

#else

int form_template(const Args& /*args*/, std::ostream& /*out*/, std::ostream& /*err*/) {
  throw ValueError("danvan was not built with .xlsx support (danvan::formats)");
}

int import_xlsx(const Args& /*args*/, std::ostream& /*out*/, std::ostream& /*err*/) {
  throw ValueError("danvan was not built with .xlsx support (danvan::formats)");
}

#endif

}  // namespace

void write_progress_xlsx(const std::string& path, const ProgressPlan& plan,
                         const ProgressSummary& summary, const StatsTable* exemplars) {
#if defined(DANVAN_CLI_FORMATS)
  auto sheets = progress_sheets(plan, summary);
  if (exemplars != nullptr) sheets.push_back(stats_sheet(*exemplars));
  write_file_atomically(path, write_xlsx(sheets));
#else
  (void)path;
  (void)plan;
  (void)summary;
  (void)exemplars;
  throw ValueError("danvan was not built with .xlsx support (danvan::formats)");
#endif
}

std::vector<Command> xlsx_commands() {
  return {
      Command{"progress template", "write the Excel form a unit fills for a reporting period",
              "usage: danvan progress template PROGRESS --unit ID --period ID --output FORM.xlsx\n"
              "                                [--units FILE]\n\n"
              "Writes the .xlsx form (one sheet \"Báo cáo\", protected so that only the input\n"
              "cells can be typed into) unit ID fills for period ID of PROGRESS (a\n"
              "danvan/progress document): the plan, unit and period filled in, one row per\n"
              "indicator with typed input cells (a number; a numerator and a denominator for a\n"
              "percentage, whose share a formula shows; \"Có\"/\"Không\" from a drop-down), the\n"
              "unit's target where the plan sets one, a cell for the submission day and one for\n"
              "remarks. 'danvan progress import-xlsx' reads the filled forms back.\n",
              Spec{{{"--unit", "a unit the plan expects a report from for the period"},
                    {"--period", "one of the plan's reporting periods: 2020, 2020S1, 2020Q2, ..."},
                    {"--output", "the .xlsx to write (atomically)"},
                    {"--units", "the unit hierarchy of FILE (a danvan/units document)"}},
                   {},
                   1,
                   1},
              form_template},
      Command{"progress import-xlsx", "read filled Excel forms into a danvan/reports batch",
              "usage: danvan progress import-xlsx PROGRESS FORM.xlsx... [--output REPORTS]\n"
              "                                   [--period ID] [--unit ID] [--submitted DAY]\n"
              "                                   [--units FILE] [--workflow JOURNAL]\n\n"
              "Reads forms written by 'danvan progress template' and filled in (Excel,\n"
              "LibreOffice) into one danvan/reports batch for PROGRESS, written as JSON. All or\n"
              "nothing: every problem in every form is listed with its file and cell\n"
              "(\"f.xlsx: Báo cáo!D9: expected a number, got \\\"mười\\\"\") and nothing is\n"
              "written. Refused: an .xls or any file that is no .xlsx, a form of another plan,\n"
              "unit or period, two forms of one unit and period, text, formulas or merged cells\n"
              "where numbers go, negative numbers, a numerator above its denominator.\n"
              "--workflow records each report as submitted (gửi) on its day by its unit in the\n"
              "journal of 'danvan progress workflow'; a report awaiting approval or approved\n"
              "there is refused (nothing is imported), a returned one is resubmitted.\n",
              Spec{{{"--output", "write the batch to FILE (atomically), not standard output"},
                    {"--period", "refuse forms for any other period"},
                    {"--unit", "refuse forms of any other unit"},
                    {"--submitted", "the submission day of forms whose \"Ngày nộp\" is empty"},
                    {"--units", "the unit hierarchy of FILE (a danvan/units document)"},
                    {"--workflow", "also record the reports as submitted in this journal"}},
                   {},
                   2,
                   100000},
              import_xlsx},
  };
}

}  // namespace danvan::cli
