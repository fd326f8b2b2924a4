// danvan progress
#include "cli.hpp"

#include "danvan/json.hpp"
#include "danvan/json/progress.hpp"
#include "danvan/json/registry.hpp"
#include "danvan/json/workflow.hpp"
#include "danvan/progress_render.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <ostream>

namespace danvan::cli {

namespace {

/// The task areas the progress plan refers to must exist in the plan it names.
void check_against_plan(const ProgressPlan& progress, const Plan& plan) {
  if (plan.id != progress.plan_id) {
    throw ValueError("the progress plan is for plan \"" + progress.plan_id + "\", not \"" +
                     plan.id + "\"");
  }
  const auto count = static_cast<int>(plan.task_areas.size());
  for (const auto& a : progress.activities) {
    if (a.task_area > count) {
      throw ValueError("activity \"" + a.id + "\" refers to task area " +
                       std::to_string(a.task_area) + "; the plan has " + std::to_string(count));
    }
  }
  for (const auto& i : progress.indicators) {
    if (i.task_area && *i.task_area > count) {
      throw ValueError("indicator \"" + i.id + "\" refers to task area " +
                       std::to_string(*i.task_area) + "; the plan has " + std::to_string(count));
    }
  }
}

/// Reads a document with `read`; when the unit hierarchy comes from --units, problems of unknown
/// units say so; a unit named by official code read without a register says how to give one
/// (`registered`: --unit-register was given, so only --units kept it from PROGRESS); every
/// problem names the file it is in.
template <class Read>
auto read_with_units(const std::string& path, const std::optional<std::string>& units_path,
                     bool registered, Read read) {
  return naming_input(path, [&] {
    try {
      return read(parse_json(read_input(path)));
    } catch (const JsonDocumentError& e) {
      if (needs_unit_register(e)) {
        if (!registered || !units_path) {
          throw ValueError(std::string(e.what()) + unit_register_hint);
        }
        throw ValueError(std::string(e.what()) + " (PROGRESS is read against --units " +
                         *units_path + ", not the register: leave out --units to resolve codes)");
      }
      bool unknown_unit = false;
      for (const auto& p : e.problems()) unknown_unit |= p.reason.starts_with("unknown unit ");
      if (!unknown_unit || !units_path) throw;
      throw ValueError(std::string(e.what()) + " (units are those of --units " + *units_path + ")");
    }
  });
}

/// The exemplar statistics of the summary from the registry file, with a clear error when the
/// registry's units do not include the unit shown.
StatsTable exemplar_stats(const std::string& path, const ProgressPlan& plan,
                          const ProgressSummary& summary, const UnitRegister* unit_register) {
  Registry registry = read_registry_input(path, "--registry " + path, unit_register);
  const StatsQuery query = exemplar_stats_query(summary);
  if (query.unit_id) {
    const Unit* mine = plan.units.find(*query.unit_id);
    const Unit* theirs = registry.units().find(*query.unit_id);
    if (theirs == nullptr) {
      throw ValueError("--registry " + path + ": the registry has no unit \"" + *query.unit_id +
                       "\" (" + (mine != nullptr ? mine->name : *query.unit_id) +
                       "); its units do not match those of the progress plan");
    }
    if (mine != nullptr && mine->name != theirs->name) {
      throw ValueError("--registry " + path + ": unit \"" + *query.unit_id + "\" is \"" +
                       mine->name + "\" in the progress plan but \"" + theirs->name +
                       "\" in the registry; its units do not match those of the progress plan");
    }
  }
  return registry.stats(query);
}

int progress(const Args& args, std::ostream& out, std::ostream& err) {
  // xlsx is written by danvan::formats (xlsx_commands.cpp), not by render_progress.
  const bool xlsx = args.option("--format") == "xlsx";
  if (xlsx && !args.option("--output")) throw UsageError("--format xlsx needs --output FILE");
  const ProgressFormat format = [&] {
    try {
      if (xlsx) return ProgressFormat::text;
      return parse_progress_format(args.option("--format").value_or("text"));
    } catch (const ValueError& e) {
      throw UsageError(e.what());
    }
  }();
  ProgressQuery query;
  if (const auto p = args.option("--period")) {
    try {
      query.period = Period::parse(*p);
    } catch (const ValueError& e) {
      throw UsageError(std::string("--period: ") + e.what());
    }
  }
  if (const auto d = args.option("--as-of")) {
    try {
      query.as_of = parse_date(*d);
    } catch (const ValueError& e) {
      throw UsageError(std::string("--as-of: ") + e.what());
    }
  } else {
    query.as_of = boost::gregorian::day_clock::local_day();
  }
  query.unit_id = args.option("--unit");

  // The register resolves units named by official code in PROGRESS (unless --units replaces its
  // hierarchy), REPORTS and the --registry.
  std::optional<UnitRegister> unit_register;
  if (const auto u = args.option("--unit-register")) unit_register.emplace(read_unit_register(*u));
  const UnitRegister* reg = unit_register ? &*unit_register : nullptr;
  const auto units_path = args.option("--units");
  const std::optional<UnitHierarchy> units = [&]() -> std::optional<UnitHierarchy> {
    if (!units_path) return std::nullopt;
    try {
      return units_from_json(parse_json(read_input(*units_path)));
    } catch (const JsonError& e) {
      throw ValueError("--units " + *units_path + ": " + e.what());
    }
  }();
  const ProgressPlan plan =
      read_with_units(args.positionals.at(0), units_path, reg != nullptr, [&](const Json& doc) {
        if (units) return progress_plan_from_json(doc, *units);
        return reg != nullptr ? progress_plan_from_json(doc, *reg) : progress_plan_from_json(doc);
      });
  if (const auto p = args.option("--plan")) {
    check_against_plan(plan, naming_input("--plan " + *p, [&] {
                         return plan_from_json(parse_json(read_input(*p)));
                       }));
  }
  const ReportBatch batch =
      read_with_units(args.positionals.at(1), units_path, reg != nullptr, [&](const Json& doc) {
        return reg != nullptr ? report_batch_from_json(doc, plan, *reg)
                              : report_batch_from_json(doc, plan);
      });
  const auto count = args.option("--count");
  const auto journal = args.option("--workflow");
  if (count && !journal) throw UsageError("--count needs --workflow");
  ProgressSummary summary;
  if (journal) {
    const RollupBasis basis = [&] {
      try {
        return parse_rollup_basis(count.value_or("submitted"));
      } catch (const ValueError& e) {
        throw UsageError(std::string("--count: ") + e.what());
      }
    }();
    Workflow workflow(plan.plan_id);
    try {
      const auto replay = replay_workflow_journal_file(*journal, workflow, &plan);
      if (replay.torn_line)
        err << "danvan progress: " << *journal << ": " << replay.warning << "\n";
    } catch (const ValueError& e) {
      throw ValueError("--workflow " + *journal + ": " + e.what());
    }
    summary = summarize_progress(plan, batch, workflow, query, basis);
  } else {
    summary = summarize_progress(plan, batch, query);
  }
  if (xlsx) {
    std::optional<StatsTable> stats;
    if (const auto r = args.option("--registry")) stats = exemplar_stats(*r, plan, summary, reg);
    write_progress_xlsx(*args.option("--output"), plan, summary, stats ? &*stats : nullptr);
    return 0;
  }
  std::string text;
  if (const auto r = args.option("--registry")) {
    text = render_progress(plan, summary, format, exemplar_stats(*r, plan, summary, reg));
  } else {
    text = render_progress(plan, summary, format);
  }
  if (const auto o = args.option("--output")) {
    write_file_atomically(*o, text);
  } else {
    out << text;
  }
  return 0;
}

}  // namespace

std::vector<Command> progress_commands() {
  return {
      Command{
          "progress", "report progress of a plan from units' periodic reports",
          "usage: danvan progress PROGRESS REPORTS [--plan PLAN] [--period ID] [--as-of DATE]\n"
          "                       [--unit ID] [--units FILE] [--unit-register FILE]\n"
          "                       [--registry FILE]\n"
          "                       [--workflow JOURNAL [--count submitted|approved]]\n"
          "                       [--format text|markdown|html|csv|xlsx] [--output FILE]\n"
          "       danvan progress workflow ... (see 'danvan progress workflow --help')\n\n"
          "PROGRESS is a danvan/progress document (activities, indicators, reporting schedule and\n"
          "units of a plan, which it names by id); REPORTS a danvan/reports batch for it (\"-\" "
          "for\n"
          "standard input). Prints, in Vietnamese, reporting completeness and timeliness per "
          "unit,\n"
          "indicator totals against targets up the unit hierarchy, activities (overdue first) and\n"
          "reports nobody expected. Missing reports and values are shown as missing, never as "
          "0.\n\n"
          "Reports submitted after the --as-of day count as not yet submitted.\n"
          "--registry adds the exemplar statistics (điển hình, mô hình \"Dân vận khéo\") of the\n"
          "unit shown for the year of the period, as of the as-of day, by field, against the\n"
          "previous year. --workflow adds the section \"chờ duyệt / bị trả lại\" (approved,\n"
          "awaiting, returned and open reports per unit, and what waits on whom); indicator\n"
          "figures then leave out returned reports. Every unit PROGRESS and REPORTS name must\n"
          "be in the --units hierarchy. PROGRESS, REPORTS and the --registry may name units by\n"
          "official code (\"code:66\"), resolved with --unit-register FILE, a register of units\n"
          "such as the bundled data/units/national/units.json (PROGRESS's only without --units).\n"
          "--format xlsx writes a workbook (sheets Nộp báo cáo,\n"
          "Chỉ tiêu, Hoạt động and, with --registry, Thống kê) and needs --output.\n",
          Spec{
              {{"--plan", "check that PLAN (a danvan/plan) is the plan named, with its task areas"},
               {"--period", "2020, 2020S1, 2020Q2 or 202004 (default: the first period's year)"},
               {"--as-of", "the day to report as of (default: today)"},
               {"--unit", "show this unit's subtree (default: the whole scope)"},
               {"--units", "the unit hierarchy of FILE (danvan/units), not the one PROGRESS has"},
               {"--registry", "add the exemplar statistics of FILE (a danvan/registry)"},
               {"--unit-register",
                "the unit register resolving units named by code:NNNNN (PROGRESS, REPORTS, "
                "--registry)"},
               {"--workflow", "the journal of 'danvan progress workflow': add the approval state"},
               {"--count", "with --workflow: submitted (default) or approved reports only"},
               {"--format", "text (default), markdown, html (SVG charts), csv (BOM) or xlsx"},
               {"--output", "write to FILE (atomically) instead of standard output"}},
              {},
              2,
              2},
          progress},
  };
}

}  // namespace danvan::cli
