// danvan progress
#include "cli.hpp"

#include "danvan/json.hpp"
#include "danvan/progress_json.hpp"
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

int progress(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  const ProgressFormat format = [&] {
    try {
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

  const ProgressPlan plan = progress_plan_from_json(parse_json(read_input(args.positionals.at(0))));
  if (const auto p = args.option("--plan")) {
    check_against_plan(plan, plan_from_json(parse_json(read_input(*p))));
  }
  const ReportBatch batch =
      report_batch_from_json(parse_json(read_input(args.positionals.at(1))), plan);
  const ProgressSummary summary = summarize_progress(plan, batch, query);
  const std::string text = render_progress(plan, summary, format);
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
          "                       [--unit ID] [--format text|markdown|html|csv] [--output FILE]\n\n"
          "PROGRESS is a danvan/progress document (activities, indicators, reporting schedule and\n"
          "units of a plan, which it names by id); REPORTS a danvan/reports batch for it (\"-\" "
          "for\n"
          "standard input). Prints, in Vietnamese, reporting completeness and timeliness per "
          "unit,\n"
          "indicator totals against targets up the unit hierarchy, activities (overdue first) and\n"
          "reports nobody expected. Missing reports and values are shown as missing, never as "
          "0.\n\n"
          "  --plan PLAN    also check that PLAN (a danvan/plan) is the plan named and has the\n"
          "                 task areas referred to\n"
          "  --period ID    2020, 2020S1, 2020Q2 or 202004; default: the year of the first\n"
          "                 reporting period\n"
          "  --as-of DATE   the day to report as of (reports submitted later count as not yet\n"
          "                 submitted); default: today\n"
          "  --unit ID      show this unit's subtree; default: the whole scope\n"
          "  --format F     text (default), markdown, html (one self-contained page with SVG\n"
          "                 charts) or csv (UTF-8 with BOM, for Excel)\n"
          "  --output FILE  write to FILE (atomically) instead of standard output\n",
          Spec{{"--plan", "--period", "--as-of", "--unit", "--format", "--output"}, {}, 2, 2},
          progress},
  };
}

}  // namespace danvan::cli
