// danvan progress validate: the validation rules of a progress plan checked on its reports.
#include "cli.hpp"

#include "danvan/json.hpp"
#include "danvan/json/progress.hpp"
#include "danvan/rules.hpp"

#include <cmath>
#include <ostream>

namespace danvan::cli {

namespace {

const char* const usage =
    "usage: danvan progress validate PROGRESS REPORTS [--as-of DATE] [--period ID] [--unit ID]\n"
    "           [--format text|json] [--units FILE]\n\n"
    "Checks the validation rules of PROGRESS (its \"rules\": left and right sides over\n"
    "indicator values of a report, of the unit's previous report or of its children's, an\n"
    "operator, an importance and a message) on every report of REPORTS, and prints the\n"
    "violations (unit, period, rule, both values) and the rules that could not be evaluated\n"
    "because a value was missing (a missing value is never read as 0). Exit status 1 when an\n"
    "error rule is violated (errors block approval; warnings do not), 0 otherwise.\n";

template <class Read>
auto read_doc(const std::string& path, Read read) {
  try {
    return read(parse_json(read_input(path)));
  } catch (const JsonError& e) {
    throw ValueError(input_name(path) + ": " + e.what());
  }
}

Json number(const std::optional<double>& v) {
  if (!v) return Json(nullptr);
  if (std::abs(*v) < 1e15 && *v == std::floor(*v)) return Json(static_cast<long long>(*v));
  return Json(*v);
}

Json result_json(const RuleResult& r) {
  Json j = Json::object();
  j["unit"] = r.unit_id;
  j["period"] = r.period.id();
  j["rule"] = r.rule_id;
  j["importance"] = std::string(to_string(r.importance));
  j["operator"] = std::string(to_string(r.op));
  j["message"] = r.message;
  j["left"] = number(r.left);
  j["right"] = number(r.right);
  if (r.outcome == RuleOutcome::not_evaluated) j["missing"] = r.missing;
  return j;
}

void print_text(const ProgressPlan& plan, const RuleCheck& check, std::ostream& out) {
  out << "Kiểm tra số liệu: " << plan.rules.size() << " quy tắc; " << check.evaluated
      << " lần kiểm tra được, " << check.errors() << " lỗi, " << check.warnings() << " cảnh báo, "
      << check.not_evaluated.size() << " không kiểm tra được (thiếu số liệu)\n";
  for (const auto importance : {RuleImportance::error, RuleImportance::warning}) {
    const std::size_t count =
        importance == RuleImportance::error ? check.errors() : check.warnings();
    out << "\n"
        << (importance == RuleImportance::error ? "Lỗi" : "Cảnh báo") << " (" << count << "):\n";
    for (const auto& v : check.violations) {
      if (v.importance == importance) out << "  " << describe_rule_result(v) << "\n";
    }
  }
  out << "\nKhông kiểm tra được (" << check.not_evaluated.size() << "):\n";
  for (const auto& v : check.not_evaluated) out << "  " << describe_rule_result(v) << "\n";
}

int run_validate(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  if (args.positionals.size() != 2) throw UsageError("expected PROGRESS REPORTS");
  const std::string format = args.option("--format").value_or("text");
  if (format != "text" && format != "json") {
    throw UsageError("--format: unknown format \"" + format + "\"; expected one of text, json");
  }
  RuleQuery query;
  if (const auto d = args.option("--as-of")) {
    try {
      query.as_of = parse_date(*d);
    } catch (const ValueError& e) {
      throw UsageError(std::string("--as-of: ") + e.what());
    }
  }
  if (const auto p = args.option("--period")) {
    try {
      query.within = Period::parse(*p);
    } catch (const Error& e) {
      throw UsageError(std::string("--period: ") + e.message());
    }
  }
  query.unit_id = args.option("--unit");

  ProgressPlan plan;
  if (const auto units_path = args.option("--units")) {
    const UnitHierarchy units =
        read_doc(*units_path, [](const Json& d) { return units_from_json(d); });
    plan = read_doc(args.positionals[0],
                    [&](const Json& d) { return progress_plan_from_json(d, units); });
  } else {
    plan = read_doc(args.positionals[0], [](const Json& d) { return progress_plan_from_json(d); });
  }
  const ReportBatch batch =
      read_doc(args.positionals[1], [&](const Json& d) { return report_batch_from_json(d, plan); });
  if (query.unit_id && plan.units.find(*query.unit_id) == nullptr) {
    throw ValueError("--unit: unknown unit \"" + *query.unit_id + "\"");
  }
  const RuleCheck check = check_rules(plan, batch, query);

  if (format == "json") {
    Json j = Json::object();
    j["rules"] = plan.rules.size();
    j["evaluated"] = check.evaluated;
    j["errors"] = check.errors();
    j["warnings"] = check.warnings();
    Json violations = Json::array();
    for (const auto& v : check.violations) violations.push_back(result_json(v));
    j["violations"] = violations;
    Json missing = Json::array();
    for (const auto& v : check.not_evaluated) missing.push_back(result_json(v));
    j["not_evaluated"] = missing;
    out << to_canonical_text(j);
  } else {
    print_text(plan, check, out);
  }
  return check.errors() > 0 ? 1 : 0;
}

}  // namespace

std::vector<Command> validate_commands() {
  return {Command{"progress validate", "check the validation rules of a progress plan on reports",
                  usage,
                  Spec{{{"--as-of", "only reports submitted on or before DATE (default: all)"},
                        {"--period", "only reports of periods within ID (2020Q2, 2020, ...)"},
                        {"--unit", "only reports of the unit and the units below it"},
                        {"--format", "text (default) or json"},
                        {"--units", "the unit hierarchy of FILE, not the one PROGRESS has"}},
                       {},
                       2,
                       2},
                  run_validate}};
}

}  // namespace danvan::cli
