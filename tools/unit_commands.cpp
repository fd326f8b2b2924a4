// danvan units: look-ups in a unit register (by name, by code or id, across the 2025
// reorganisation).
#include "cli.hpp"

#include "danvan/date.hpp"
#include "danvan/error.hpp"
#include "danvan/json.hpp"
#include "danvan/unit_list.hpp"
#include "danvan/unit_register.hpp"
#ifdef DANVAN_CLI_FORMATS
#include "danvan/document_text.hpp"
#include "danvan/unit_list_sheet.hpp"
#endif

#include <algorithm>
#include <cctype>
#include <optional>
#include <ostream>
#include <string>

namespace danvan::cli {

namespace {

const char* const kUsage =
    "usage: danvan units ACTION ARG --units FILE [--as-of DAY] [--on DAY] [--level LEVEL]\n"
    "\n"
    "Look units up in a danvan/units document, such as the bundled national register\n"
    "data/units/national/units.json.\n"
    "\n"
    "Actions:\n"
    "  find NAME          units named NAME as people write it (\"P. Tuy Hoà\", \"xã Tân An,\n"
    "                     Đắk Lắk\": parts after a comma name an ancestor); with --as-of, only\n"
    "                     those existing that day; several lines mean the name is ambiguous\n"
    "  successors UNIT    what UNIT (an id, or an official code on --as-of) became by --on\n"
    "  predecessors UNIT  what UNIT came from, as the units existing on --on\n"
    "  count              how many units of each level exist on --as-of\n"
    "  compare-list LIST  read the statistics office's list of units (.xlsx or CSV: a row per\n"
    "                     commune with its province and, before 01/07/2025, its district;\n"
    "                     headers such as Mã TP, Tỉnh Thành Phố, Mã QH, Quận Huyện, Mã PX,\n"
    "                     Phường Xã, Cấp)\n"
    "                     and print every unit added, ended, renamed or moved against the\n"
    "                     register on --as-of (the list's day); rows not taken go to stderr\n"
    "                     with their row and cell, and make the exit status 1; with --apply,\n"
    "                     the changes dated --as-of are written to --output as a new units\n"
    "                     document (added units begin, ended ones end the day before, renamed\n"
    "                     and moved ones are continued by a new unit; nothing else is dated)\n"
    "\n"
    "Each unit is printed as: code, id, name, parent's name, first and last day ('…' = open).\n"
    "--columns names headers the defaults do not know, \"HEADER=column;...\" with column one\n"
    "of province_code, province, district_code, district, commune_code, commune,\n"
    "commune_type.\n";

/// "Mã ĐVHC=commune_code;Tên=commune" as aliases of the list's columns (cli::column_map, the
/// parser exemplars import-csv/import-xlsx use too).
UnitListMapping list_mapping(const std::string& text) {
  UnitListMapping mapping;
  mapping.aliases = column_map<UnitListColumn>(
      "--columns", text, [](const std::string& s) { return parse_unit_list_column(s); });
  return mapping;
}

/// True for an .xlsx (or .xls, which the reader names as such) by its bytes or its name.
bool looks_like_a_workbook(const std::string& bytes, const std::string& path) {
#ifdef DANVAN_CLI_FORMATS
  if (looks_like_workbook(bytes)) return true;
#else
  if (bytes.starts_with("PK\x03\x04")) return true;
#endif
  std::string suffix = path.substr(std::min(path.size(), path.rfind('.')));
  std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return suffix == ".xlsx" || suffix == ".xlsm" || suffix == ".xls";
}

/// What --apply asks for: the file to write and the basis of the new units.
struct ApplyTo {
  std::string output;
  std::optional<std::string> basis;
};

int compare_list(const UnitRegister& reg, const std::string& path, Date day,
                 const UnitListMapping& mapping, const std::string& sheet, std::size_t header_row,
                 const std::optional<ApplyTo>& apply, std::ostream& out, std::ostream& err) {
  const std::string bytes = read_input(path);
  const std::string name = input_name(path);
  UnitList list;
  if (looks_like_a_workbook(bytes, path)) {
#ifdef DANVAN_CLI_FORMATS
    try {
      list = read_unit_list_xlsx(bytes, name, mapping, sheet, header_row);
    } catch (const DocumentError&) {
      throw;  // names the file already
    } catch (const ValueError& e) {
      throw ValueError(name + ": " + e.what());
    }
#else
    throw ValueError(name + ": danvan was not built with .xlsx support (danvan::formats)");
#endif
  } else {
    if (!sheet.empty() || header_row != 1) {
      throw UsageError("--sheet and --header-row go with an .xlsx list");
    }
    list = naming_input(name, [&] { return read_unit_list_csv(bytes, mapping); });
  }
  std::optional<UnitListUpdate> update;
  if (apply) update = apply_unit_list(list, reg, day, apply->basis);
  const UnitListComparison c = update ? update->comparison : compare_unit_list(list, reg, day);
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const UnitListChange& change : c.changes) {
    ++counts[static_cast<std::size_t>(change.kind)];
    out << to_string(change.kind) << '\t' << to_string(change.level) << '\t' << change.code << '\t'
        << (change.unit_id.empty() ? "-" : change.unit_id) << '\t' << change.name;
    if (change.kind == UnitListChange::Kind::renamed) out << "\t-> " << change.listed;
    if (change.kind == UnitListChange::Kind::moved) {
      out << "\tparent " << (change.before.empty() ? "-" : change.before) << " -> "
          << change.listed;
    }
    if (change.row != 0) out << "\trow " << change.row;
    out << '\n';
  }
  for (const TableProblem& p : list.problems) err << "danvan units: " << to_string(p) << '\n';
  err << "danvan units: " << list.rows << " rows, " << c.compared << " units compared on "
      << to_iso(day) << ": " << counts[0] << " added, " << counts[1] << " ended, " << counts[2]
      << " renamed, " << counts[3] << " moved";
  if (c.not_compared != 0) err << "; " << c.not_compared << " without a code not compared";
  if (!list.problems.empty()) err << "; " << list.problems.size() << " rows not taken";
  err << '\n';
  if (update) {
    save_units(update->units, apply->output);
    err << "danvan units: wrote " << apply->output << " (" << update->units.size()
        << " units): " << update->added.size() << " added, " << update->ended.size() << " ended, "
        << update->continued.size() << " continued from " << to_iso(day) << '\n';
  }
  return list.problems.empty() ? 0 : 1;
}

Date day_option(const Args& args, const std::string& name) {
  const auto text = args.option(name);
  try {
    return parse_date(*text);
  } catch (const ValueError& e) {
    throw UsageError(name + ": " + e.what());
  }
}

void print_unit(std::ostream& out, const UnitRegister& reg, const Unit& u) {
  const Unit* parent = reg.parent_of(u);
  out << (u.code ? *u.code : "-") << '\t' << u.id << '\t' << u.name << '\t'
      << (parent ? parent->name : "-") << '\t' << (u.valid_from ? to_iso(*u.valid_from) : "…")
      << '\t' << (u.valid_to ? to_iso(*u.valid_to) : "…") << '\n';
}

int run_units(const Args& args, std::ostream& out, std::ostream& err) {
  const auto units_path = args.option("--units");
  if (!units_path) throw UsageError("--units FILE is required");
  const std::string& action = args.positionals.at(0);
  const std::optional<Date> on =
      args.option("--on") ? std::optional<Date>(day_option(args, "--on")) : std::nullopt;
  std::optional<Date> as_of =
      args.option("--as-of") ? std::optional<Date>(day_option(args, "--as-of")) : on;
  std::optional<Level> level;
  if (const auto l = args.option("--level")) {
    try {
      level = parse_level(*l);
    } catch (const ValueError& e) {
      throw UsageError(std::string("--level: ") + e.what());
    }
  }
  const auto needs_arg = [&](bool wanted) {
    if (wanted && args.positionals.size() != 2) throw UsageError(action + " needs one argument");
    if (!wanted && args.positionals.size() != 1) throw UsageError(action + " takes no argument");
  };

  if (action == "find") {
    needs_arg(true);
    const UnitRegister reg(load_units(*units_path));
    const auto hits = reg.find_by_name(args.positionals[1], as_of, level);
    for (const Unit* u : hits) print_unit(out, reg, *u);
    if (hits.empty()) {
      err << "danvan units: no unit named \"" << args.positionals[1] << "\""
          << (as_of ? " on " + to_iso(*as_of) : std::string()) << "\n";
      return 1;
    }
    return 0;
  }
  if (action == "successors" || action == "predecessors") {
    needs_arg(true);
    if (!on) throw UsageError(action + " needs --on DAY");
    const UnitRegister reg(load_units(*units_path));
    const Unit& unit = reg.resolve(args.positionals[1], *as_of);
    const auto found = action == "successors" ? reg.successors_on(unit.id, *on)
                                              : reg.predecessors_on(unit.id, *on);
    for (const Unit* u : found) print_unit(out, reg, *u);
    if (found.empty()) {
      err << "danvan units: no " << (action == "successors" ? "successor" : "predecessor") << " of "
          << unit.id << " exists on " << to_iso(*on) << "\n";
      return 1;
    }
    return 0;
  }
  if (action == "count") {
    needs_arg(false);
    if (!as_of) throw UsageError("count needs --as-of DAY");
    const UnitRegister reg(load_units(*units_path));
    for (const Level l : {Level::province, Level::district, Level::commune}) {
      out << to_string(l) << '\t' << reg.count_on(*as_of, l) << '\n';
    }
    return 0;
  }
  if (action == "compare-list") {
    needs_arg(true);
    if (!as_of) throw UsageError("compare-list needs --as-of DAY");
    const UnitListMapping mapping = list_mapping(args.option("--columns").value_or(""));
    const std::size_t header_row =
        args.option("--header-row") ? static_cast<std::size_t>(parse_int(
                                          "--header-row", *args.option("--header-row"), 1, 1048576))
                                    : 1;
    std::optional<ApplyTo> apply;
    if (args.has("--apply")) {
      const auto output = args.option("--output");
      if (!output) throw UsageError("compare-list --apply needs --output FILE");
      apply = ApplyTo{*output, args.option("--basis")};
    } else if (args.option("--output") || args.option("--basis")) {
      throw UsageError("--output and --basis go with compare-list --apply");
    }
    const UnitRegister reg(load_units(*units_path));
    return compare_list(reg, args.positionals[1], *as_of, mapping,
                        args.option("--sheet").value_or(""), header_row, apply, out, err);
  }
  throw UsageError("unknown action \"" + action +
                   "\"; expected one of find, successors, predecessors, count, compare-list");
}

}  // namespace

std::vector<Command> unit_commands() {
  return {
      Command{"units", "look units up by name, code or id, across the 2025 reorganisation", kUsage,
              Spec{{{"--units", "the danvan/units document (required)"},
                    {"--as-of", "YYYY-MM-DD: the day names and codes are read on (default: --on)"},
                    {"--on", "YYYY-MM-DD: the day to map to (successors, predecessors)"},
                    {"--level", "find: province, district or commune"},
                    {"--columns", "compare-list: headers of other names, \"HEADER=column;...\""},
                    {"--sheet", "compare-list, .xlsx: the sheet to read (default: the first)"},
                    {"--header-row", "compare-list, .xlsx: the row of the headers (default: 1)"},
                    {"--output", "compare-list --apply: the danvan/units document to write"},
                    {"--basis", "compare-list --apply: the decision recorded on new units"}},
                   {{"--apply", "compare-list: apply the changes on --as-of, write --output"}},
                   1,
                   2},
              run_units}};
}

}  // namespace danvan::cli
