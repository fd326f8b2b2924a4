// danvan exemplars stats | search | list | import-csv | import-xlsx
#include "cli.hpp"

#include "danvan/json/registry.hpp"
#include "danvan/registry_table.hpp"
#include "danvan/text.hpp"
#ifdef DANVAN_CLI_FORMATS
#include "danvan/document_text.hpp"
#include "danvan/registry_sheets.hpp"
#endif
#ifdef DANVAN_CLI_OFFICE
#include "danvan/json/plan.hpp"
#include "danvan/office.hpp"
#endif

#include "danvan/io.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <ostream>

namespace danvan::cli {

namespace {

template <class T, class Parse>
std::optional<T> parsed_option(const Args& args, const std::string& name, Parse parse) {
  const auto v = args.option(name);
  if (!v) return std::nullopt;
  try {
    return parse(*v);
  } catch (const ValueError& e) {
    throw UsageError(name + ": " + e.what());
  }
}

/// The values of option `name`: one value, or several separated by commas ("model,exemplar",
/// as --by and --basis take them), each trimmed of spaces; none when the option is absent. An
/// empty value is refused by name (nothing is dropped silently).
std::optional<std::vector<std::string>> option_values(const Args& args, const std::string& name) {
  const auto v = args.option(name);
  if (!v) return std::nullopt;
  std::vector<std::string> values;
  std::string_view rest = *v;
  for (;;) {
    const auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty()) {
      throw UsageError(name + ": " +
                       (v->find(',') == std::string::npos
                            ? std::string("the value is empty")
                            : "an empty value in \"" + *v + "\" (values are separated by commas)"));
    }
    values.emplace_back(item);
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return values;
}

/// One unit named by --unit: an id, or else a folded name that exactly one unit's id or name
/// contains ("tho xuong", "MTTQ").
std::string resolve_unit(const std::string& u, const Registry& registry) {
  if (registry.units().find(u) != nullptr) return u;
  const auto ids = registry.search_units(u);
  if (ids.size() == 1) return ids.front();
  if (ids.empty()) return u;  // the registry reports the unknown unit
  std::string list;
  for (std::size_t k = 0; k < ids.size() && k < 10; ++k) list += (k > 0 ? ", " : "") + ids[k];
  if (ids.size() > 10) list += ", …";
  throw UsageError("--unit: \"" + u + "\" matches " + std::to_string(ids.size()) + " units (" +
                   list + "); give an id");
}

/// The units named by --unit ("py-tuy-hoa,py-son-hoa"), each as resolve_unit() reads it.
std::vector<std::string> unit_options(const Args& args, const Registry& registry) {
  std::vector<std::string> ids;
  if (const auto values = option_values(args, "--unit")) {
    for (const auto& u : *values) ids.push_back(resolve_unit(u, registry));
  }
  return ids;
}

/// The one unit named by --unit, for the commands that take one (`what` says why).
std::optional<std::string> unit_option(const Args& args, const Registry& registry,
                                       const std::string& what) {
  auto ids = unit_options(args, registry);
  if (ids.empty()) return std::nullopt;
  if (ids.size() > 1)
    throw UsageError("--unit: " + what + " takes one unit, got " + *args.option("--unit"));
  return ids.front();
}

/// The values of a filter option: one goes to `one`, several to `many` (any of them matches).
template <class T, class Parse>
void filter_values(const Args& args, const std::string& name, Parse parse, std::optional<T>& one,
                   std::vector<T>& many) {
  const auto values = option_values(args, name);
  if (!values) return;
  std::vector<T> parsed;
  for (const auto& v : *values) {
    try {
      parsed.push_back(parse(v));
    } catch (const ValueError& e) {
      throw UsageError(name + ": " + e.what());
    }
  }
  if (parsed.size() == 1) {
    one = std::move(parsed.front());
  } else {
    many = std::move(parsed);
  }
}

/// The filter options of list and decision: --unit, --field, --kind, --subject, --level and
/// --state take several values separated by commas, any of which matches, as
/// Registry.select(kind=[...]) does.
Filter read_filter(const Args& args, const Registry& registry) {
  Filter f;
  auto units = unit_options(args, registry);
  if (units.size() == 1) {
    f.unit_id = std::move(units.front());
  } else {
    f.unit_ids = std::move(units);
  }
  f.current_units = args.has("--current-units");
  f.as_of =
      parsed_option<Date>(args, "--as-of", [](const std::string& s) { return parse_date(s); });
  filter_values(
      args, "--field", [](const std::string& s) { return s; }, f.field_id, f.field_ids);
  filter_values(
      args, "--kind", [](const std::string& s) { return parse_entry_kind(s); }, f.kind, f.kinds);
  filter_values(
      args, "--subject", [](const std::string& s) { return parse_subject(s); }, f.subject,
      f.subjects);
  filter_values(
      args, "--level", [](const std::string& s) { return parse_level(s); }, f.level, f.levels);
  if (args.option("--state") == "in_force") {
    f.in_force = true;
  } else {
    filter_values(
        args, "--state",
        [](const std::string& s) {
          if (s == "in_force") {
            throw ValueError(
                "in_force (in force on the day) is a state of its own and is not "
                "combined with others");
          }
          try {
            return parse_entry_state(s);
          } catch (const ValueError& e) {
            throw ValueError(std::string(e.what()) + ", in_force");
          }
        },
        f.state, f.states);
  }
  if (const auto y = args.option("--year")) f.year = parse_int("--year", *y, 1401, 9999);
  const auto range = [&](const std::string& name) {
    return parsed_option<DateRange>(args, name,
                                    [](const std::string& s) { return parse_date_range(s); });
  };
  f.registered_in = range("--registered-in");
  f.recognised_in = range("--recognised-in");
  f.commended_in = range("--commended-in");
  return f;
}

void print_entry_line(const Registry& r, std::size_t i, Date as_of, std::ostream& out) {
  const Entry e = r.entry(i);
  const int years = r.recognition_years().value_or(0);
  out << e.id << "  " << e.events.front().date->iso() << "  " << vietnamese_name(e.kind_on(as_of))
      << ", " << vietnamese_name(e.subject) << "  " << e.name << "  [" << e.unit_id << "; "
      << vietnamese_name(e.state_on(as_of, years)) << "]\n";
}

/// What an import did: the registry on standard output, each row not taken on standard error;
/// exit status 1 when any row was not taken.
int report_import(const std::string& path, const TableImport& t, const Registry& registry,
                  std::ostream& out, std::ostream& err) {
  out << registry_to_text(registry);
  for (const auto& p : t.problems) err << path << ": " << to_string(p) << "\n";
  for (const auto& c : t.ignored_columns) {
    err << path << ": column \"" << c << "\" is not read\n";
  }
  err << path << ": " << t.added << " of " << t.rows << " rows added\n";
  return t.problems.empty() ? 0 : 1;
}

/// import-csv: the registry with the table's rows added, on standard output; each row not
/// taken on standard error; exit status 1 when any row was not taken.
/// The mapping of an import: --kind and --columns ("Tên MH=name;Đơn vị chủ quản=unit").
TableMapping import_mapping(const Args& args) {
  TableMapping mapping;
  mapping.aliases =
      column_map<EntryColumn>("--columns", args.option("--columns").value_or(""),
                              [](const std::string& s) { return parse_entry_column(s); });
  mapping.kind = parsed_option<EntryKind>(args, "--kind",
                                          [](const std::string& s) { return parse_entry_kind(s); });
  return mapping;
}

int import_csv(const Args& args, Registry registry, std::ostream& out, std::ostream& err) {
  const TableMapping mapping = import_mapping(args);
  const std::string& path = args.positionals[2];
  std::string table = read_input(path);
#ifdef DANVAN_CLI_FORMATS
  // A table saved as UTF-16 or in a legacy code page (Windows-1258, TCVN3, VNI) is decoded
  // first; valid UTF-8 without NUL bytes is read as it is.
  bool utf8 = table.find('\0') == std::string::npos;
  try {
    check_utf8(table);
  } catch (const ParseError&) {
    utf8 = false;
  }
  if (!utf8) {
    DecodedText decoded = decode_text(table, path);
    err << path << ": read as " << to_string(decoded.encoding) << "\n";
    table = std::move(decoded.text);
  }
#endif
  return report_import(path, import_entries_csv(table, registry, mapping), registry, out, err);
}

/// import-xlsx: as import-csv, from the first sheet of an .xlsx (or --sheet NAME) whose headers
/// are on row 1 (or --header-row N).
int import_xlsx(const Args& args, Registry registry, std::ostream& out, std::ostream& err) {
#ifdef DANVAN_CLI_FORMATS
  const TableMapping mapping = import_mapping(args);
  const std::string& path = args.positionals[2];
  const std::size_t header_row =
      args.option("--header-row") ? static_cast<std::size_t>(parse_int(
                                        "--header-row", *args.option("--header-row"), 1, 1048576))
                                  : 1;
  const std::string name = input_name(path);
  TableImport t;
  try {
    t = import_entries_xlsx(read_input(path), name, registry, mapping,
                            args.option("--sheet").value_or(""), header_row);
  } catch (const DocumentError&) {
    throw;  // names the file already
  } catch (const ValueError& e) {
    throw ValueError(name + ": " + e.what());
  }
  return report_import(path, t, registry, out, err);
#else
  (void)args;
  (void)registry;
  (void)out;
  (void)err;
  throw ValueError("danvan was not built with .xlsx support (danvan::formats)");
#endif
}

/// import-proposals: the proposal list of a .docx or an .xlsx (by its extension, or --sheet /
/// --header-row given) read into proposed commendations of the registry's entries, the
/// registry on standard output, each row not placed on standard error.
int import_proposals(const Args& args, Registry registry, std::ostream& out, std::ostream& err) {
#ifdef DANVAN_CLI_FORMATS
  ProposalOptions options;
  options.aliases = import_mapping(args).aliases;
  if (const auto type = args.option("--type")) {
    options.type = parse_event_type(*type);
  }
  if (const auto date = args.option("--date")) options.date = parse_partial_date(*date);
  if (const auto level = args.option("--level")) options.level = parse_level(*level);
  if (const auto to = args.option("--to")) {
    if (registry.units().find(*to) == nullptr) {
      throw ValueError("--to: unknown unit \"" + *to + "\"");
    }
    options.by = *to;
  }
  options.form = args.option("--form");
  const std::string& path = args.positionals[2];
  const std::string name = input_name(path);
  std::string extension = std::filesystem::path(path).extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool xlsx = extension == ".xlsx" || extension == ".xlsm" || args.option("--sheet") ||
                    args.option("--header-row");
  const std::size_t header_row =
      args.option("--header-row") ? static_cast<std::size_t>(parse_int(
                                        "--header-row", *args.option("--header-row"), 1, 1048576))
                                  : 0;
  TableImport t;
  try {
    t = xlsx ? import_proposals_xlsx(read_input(path), name, registry, options,
                                     args.option("--sheet").value_or(""), header_row)
             : import_proposals_docx(read_input(path), name, registry, options);
  } catch (const DocumentError&) {
    throw;  // names the file already
  } catch (const ValueError& e) {
    throw ValueError(name + ": " + e.what());
  }
  if (!xlsx) err << path << ": the proposal list is table " << t.table << "\n";
  return report_import(path, t, registry, out, err);
#else
  (void)args;
  (void)registry;
  (void)out;
  (void)err;
  throw ValueError("danvan was not built with .docx support (danvan::formats)");
#endif
}

#ifdef DANVAN_CLI_FORMATS
/// Writes `sheet` to --output (an .xlsx is never written to standard output).
void write_xlsx_output(const Args& args, const OutSheet& sheet) {
  write_file_atomically(*args.option("--output"), write_xlsx({sheet}));
}
#endif

/// figures: the registry's reported figures of --unit's subtree within --year or --period (all
/// of them without either), each beside the count of the registry's entries.
int figures(const Args& args, const Registry& registry, const std::string& format,
            std::ostream& out) {
  const auto year = args.option("--year");
  auto period = parsed_option<DateRange>(args, "--period",
                                         [](const std::string& s) { return parse_date_range(s); });
  if (period && year) throw UsageError("--period and --year exclude each other");
  if (year) period = parse_date_range(std::to_string(parse_int("--year", *year, 1402, 9999)));
  const DateRange all{Date(1402, 1, 1), Date(9999, 12, 31)};
  const auto found =
      registry.compare_figures(unit_option(args, registry, "figures"), period.value_or(all));
  if (format == "xlsx") {
#ifdef DANVAN_CLI_FORMATS
    write_xlsx_output(args, figures_sheet(found));
#endif
  } else if (format == "csv") {
    out << render_figures_csv(found);
  } else if (format == "json") {
    Json j = Json::array();
    for (const auto& c : found) j.push_back(to_json(c));
    out << to_canonical_text(j);
  } else {
    out << render_figures_text(found);
  }
  return 0;
}

/// decision: the recognition decision on the entries the filters select, as a .docx;
/// certificates: one certificate page per entry.
int decision(const Args& args, const Registry& registry, std::ostream& err) {
#ifndef DANVAN_CLI_OFFICE
  (void)args;
  (void)registry;
  (void)err;
  throw UsageError("decision: this danvan was built without danvan::office (.docx writing)");
#else
  const auto output = args.option("--output");
  if (!output) throw UsageError(args.positionals[0] + " needs --output FILE.docx");
  if (!args.option("--unit"))
    throw UsageError(args.positionals[0] + " needs --unit, the issuing unit");
  const Filter f = read_filter(args, registry);
  if (!f.unit_ids.empty()) {
    throw UsageError("--unit: the " + args.positionals[0] + " has one issuing unit, got " +
                     *args.option("--unit"));
  }
  if (!f.levels.empty()) {
    throw UsageError("--level: the " + args.positionals[0] + " recognises at one level, got " +
                     *args.option("--level"));
  }
  DecisionOptions options;
  options.issuer_unit_id = *f.unit_id;
  options.level = f.level;
  options.recognised_in = f.recognised_in;
  std::optional<InstrumentCatalogue> catalogue;
  if (const auto c = args.option("--catalogue")) catalogue = load_catalogue(*c);
  if (const auto bases = args.option("--basis")) {
    if (!catalogue) throw UsageError("--basis needs --catalogue FILE to resolve the ids");
    std::string_view rest = *bases;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const std::string_view id = rest.substr(0, comma);
      if (!id.empty()) options.basis_ids.emplace_back(id);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
  options.catalogue = catalogue ? &*catalogue : nullptr;
  if (const auto signer = args.option("--signer")) options.signature.name = *signer;
  const auto hits = registry.select(f);
  if (hits.empty()) {
    throw ValueError("no entry matches the filters: the decision would recognise nothing");
  }
  if (args.positionals[0] == "certificates") {
    const std::string form = args.option("--form").value_or("GIẤY KHEN");
    save_document(*output, certificates_docx(registry, hits, options, form));
    err << *output << ": " << hits.size() << " certificate" << (hits.size() == 1 ? "" : "s")
        << "\n";
    return 0;
  }
  if (args.option("--form")) throw UsageError("--form goes with certificates only");
  save_document(*output, decision_docx(registry, hits, options));
  err << *output << ": decision recognising " << hits.size() << " entr"
      << (hits.size() == 1 ? "y" : "ies") << "\n";
  return 0;
#endif
}

int exemplars(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& sub = args.positionals.at(0);
  if (sub != "stats" && sub != "figures" && sub != "search" && sub != "list" &&
      sub != "import-csv" && sub != "import-xlsx" && sub != "import-proposals" &&
      sub != "decision" && sub != "certificates") {
    throw UsageError("unknown subcommand \"" + sub +
                     "\"; expected one of stats, figures, search, list, import-csv, "
                     "import-xlsx, import-proposals, decision, certificates");
  }
  if (args.positionals.size() < 2) throw UsageError(sub + " needs a REGISTRY file");
  const bool import = sub == "import-csv" || sub == "import-xlsx" || sub == "import-proposals";
  const std::size_t wanted = sub == "search" || import ? 3 : 2;
  if (args.positionals.size() != wanted) {
    throw UsageError(sub == "search" ? "search needs REGISTRY and QUERY"
                     : import        ? sub + " needs REGISTRY and TABLE"
                                     : sub + " takes one REGISTRY file");
  }
  const auto only = [&](std::initializer_list<const char*> allowed) {
    for (const auto& [name, value] : args.options) {
      bool ok = false;
      for (const char* a : allowed) ok |= name == a;
      if (!ok) throw UsageError(name + " does not apply to " + sub);
    }
    if (args.has("--current-units")) {
      bool ok = false;
      for (const char* a : allowed) ok |= std::string(a) == "--current-units";
      if (!ok) throw UsageError("--current-units does not apply to " + sub);
    }
  };
  if (sub == "stats") {
    only({"--unit-register", "--year", "--period", "--as-of", "--unit", "--current-units", "--by",
          "--format", "--output"});
  } else if (sub == "figures") {
    only({"--unit-register", "--year", "--period", "--unit", "--format", "--output"});
  } else if (sub == "search") {
    only({"--unit-register", "--limit"});
  } else if (sub == "import-csv") {
    only({"--unit-register", "--kind", "--columns"});
  } else if (sub == "import-xlsx") {
    only({"--unit-register", "--kind", "--columns", "--sheet", "--header-row"});
  } else if (sub == "import-proposals") {
    only({"--unit-register", "--form", "--date", "--level", "--to", "--type", "--columns",
          "--sheet", "--header-row"});
  } else if (sub == "decision" || sub == "certificates") {
    only({"--unit-register", "--output", "--catalogue", "--basis", "--signer", "--form", "--year",
          "--as-of", "--unit", "--current-units", "--field", "--kind", "--subject", "--level",
          "--state", "--registered-in", "--recognised-in", "--commended-in"});
  } else {
    only({"--unit-register", "--format", "--output", "--sort", "--year", "--as-of", "--unit",
          "--current-units", "--field", "--kind", "--subject", "--level", "--state",
          "--registered-in", "--recognised-in", "--commended-in"});
  }
  const std::string format = args.option("--format").value_or("text");
  if (format != "text" && format != "csv" && format != "json" && format != "xlsx") {
    throw UsageError("unknown format \"" + format + "\"; expected one of text, csv, json, xlsx");
  }
  if (sub == "list" && format == "json") throw UsageError("list has no json format");
  if (format == "xlsx" && !args.option("--output")) {
    throw UsageError("--format xlsx needs --output FILE");
  }
  if (format != "xlsx" && args.option("--output") && sub != "decision" && sub != "certificates") {
    throw UsageError("--output goes with --format xlsx (other formats go to standard output)");
  }
#ifndef DANVAN_CLI_FORMATS
  if (format == "xlsx") throw ValueError("danvan was not built with .xlsx support");
#endif
  if (sub == "import-csv") {
    return import_csv(args,
                      read_registry_input(args.positionals[1], {}, args.option("--unit-register")),
                      out, err);
  }
  if (sub == "import-xlsx") {
    return import_xlsx(args,
                       read_registry_input(args.positionals[1], {}, args.option("--unit-register")),
                       out, err);
  }
  if (sub == "import-proposals") {
    return import_proposals(
        args, read_registry_input(args.positionals[1], {}, args.option("--unit-register")), out,
        err);
  }
  const Registry registry =
      read_registry_input(args.positionals[1], {}, args.option("--unit-register"));
  if (sub == "decision" || sub == "certificates") return decision(args, registry, err);
  if (sub == "stats") {
    StatsQuery q;
    const auto year = args.option("--year");
    const auto as_of =
        parsed_option<Date>(args, "--as-of", [](const std::string& s) { return parse_date(s); });
    if (year) {
      q.year = parse_int("--year", *year, 1402, 9999);
    } else if (as_of) {
      q.year = as_of->year();
    } else if (const auto latest = registry.latest_event_date()) {
      q.year = latest->year();
    }
    q.as_of = as_of;
    q.period = parsed_option<DateRange>(args, "--period",
                                        [](const std::string& s) { return parse_date_range(s); });
    if (q.period && year) throw UsageError("--period and --year exclude each other");
    if (auto units = unit_options(args, registry); units.size() == 1) {
      q.unit_id = std::move(units.front());
    } else {
      q.unit_ids = std::move(units);  // their union, each entry once
    }
    q.current_units = args.has("--current-units");
    if (const auto by = args.option("--by")) {
      try {
        q.by = parse_stats_dimensions(*by);
      } catch (const ValueError& e) {
        throw UsageError(std::string("--by: ") + e.what());
      }
    }
    const StatsTable t = registry.stats(q);
    if (format == "xlsx") {
#ifdef DANVAN_CLI_FORMATS
      std::vector<OutSheet> sheets{stats_sheet(t)};
      if (!t.reported.empty()) sheets.push_back(figures_sheet(t.reported));
      write_file_atomically(*args.option("--output"), write_xlsx(sheets));
#endif
    } else if (format == "csv") {
      out << render_stats_csv(t);
    } else if (format == "json") {
      out << to_canonical_text(to_json(t));
    } else {
      if (registry.note()) out << "(" << *registry.note() << ")\n";
      out << render_stats_text(t);
    }
    return 0;
  }
  if (sub == "figures") return figures(args, registry, format, out);
  if (sub == "search") {
    std::size_t limit = static_cast<std::size_t>(-1);
    if (const auto l = args.option("--limit")) {
      limit = static_cast<std::size_t>(parse_int("--limit", *l, 1, 1000000000));
    }
    auto hits = registry.search(args.positionals[2]);
    registry.sort(hits);
    if (hits.size() > limit) hits.resize(limit);
    const Date as_of = registry.latest_event_date().value_or(Date(2000, 1, 1));
    for (const auto i : hits) print_entry_line(registry, i, as_of, out);
    if (hits.empty()) err << "no entry matches \"" << args.positionals[2] << "\"\n";
    return hits.empty() ? 1 : 0;
  }
  const std::string sort = args.option("--sort").value_or("name");
  if (sort != "name" && sort != "date") {
    throw UsageError("unknown sort \"" + sort + "\"; expected one of name, date");
  }
  const Filter f = read_filter(args, registry);
  auto hits = registry.select(f);
  registry.sort(hits, sort == "date");
  const Date as_of = f.as_of ? *f.as_of
                             : (f.year ? Date(static_cast<unsigned short>(*f.year), 12, 31)
                                       : registry.latest_event_date().value_or(Date(2000, 1, 1)));
  if (format == "xlsx") {
#ifdef DANVAN_CLI_FORMATS
    write_xlsx_output(args, entries_sheet(registry, hits));
#endif
    return 0;
  }
  if (format == "csv") {
    out << render_entries_csv(registry, hits);
    return 0;
  }
  for (const auto i : hits) print_entry_line(registry, i, as_of, out);
  return 0;
}

}  // namespace

std::vector<Command> exemplar_commands() {
  return {
      Command{
          "exemplars", "statistics, search and lists of a Dân vận khéo registry",
          "usage: danvan exemplars stats REGISTRY [--year Y | --period P] [--as-of DATE]\n"
          "                        [--unit ID,...]\n"
          "                        [--current-units] [--by field,level,subject,kind]\n"
          "                        [--format text|csv|json|xlsx] [--output FILE]\n"
          "       danvan exemplars figures REGISTRY [--year Y | --period P] [--unit ID]\n"
          "                        [--format text|csv|json|xlsx] [--output FILE]\n"
          "       danvan exemplars search REGISTRY QUERY [--limit N]\n"
          "       danvan exemplars list REGISTRY [--sort name|date] [--year Y] [--as-of DATE]\n"
          "                        [--unit ID,...] [--current-units] [--field ID,...]\n"
          "                        [--kind K,...] [--subject S,...] [--level L,...]\n"
          "                        [--state STATE,...]\n"
          "                        [--registered-in P] [--recognised-in P] [--commended-in P]\n"
          "                        [--format text|csv|xlsx] [--output FILE]\n"
          "       danvan exemplars import-csv REGISTRY TABLE.csv [--kind model|exemplar]\n"
          "                        [--columns MAP]\n"
          "       danvan exemplars import-xlsx REGISTRY TABLE.xlsx [--kind model|exemplar]\n"
          "                        [--columns MAP]\n"
          "                        [--sheet NAME] [--header-row N]\n"
          "       danvan exemplars import-proposals REGISTRY LIST.docx|LIST.xlsx [--form F]\n"
          "                        [--date D] [--level L] [--to ID]\n"
          "                        [--type awarded|commended|recognised]\n"
          "                        [--columns MAP] [--sheet NAME] [--header-row N]\n"
          "       danvan exemplars decision REGISTRY --unit ID --output FILE.docx\n"
          "                        [--recognised-in P] [--level L] [list's filters]\n"
          "                        [--catalogue FILE --basis ID,ID...] [--signer NAME]\n\n"
          "stats prints the annual report table of a registry (danvan/registry JSON):\n"
          "entries registered, recognised, in force, commended and replicated, by the given\n"
          "dimensions (default field,level,subject), with the change against the year\n"
          "before. --unit limits it to a unit's subtree as the hierarchy was (several\n"
          "units: the union of their subtrees, each entry counted once, so an entry of one\n"
          "replicated into another is not counted again as a replication); with\n"
          "--current-units, entries are mapped onto today's units through successor links\n"
          "(so 2020 entries of Phú Yên count under Đắk Lắk). CSV is UTF-8 with a BOM.\n"
          "The registry's reported figures (counts a source gives for a unit and period)\n"
          "within the year or period are printed below the table, each beside the count\n"
          "of the registry's entries, never added to it (xlsx: a second sheet). figures\n"
          "lists them alone (all of them without --year or --period; --unit: the unit's\n"
          "subtree), as text, CSV, JSON or xlsx.\n"
          "search finds entries whose names or descriptions, or their units' names, contain\n"
          "QUERY, ignoring case and diacritics, in Vietnamese order. list prints the\n"
          "entries matching the filters (year = a registration in that year; level, kind,\n"
          "state as of --as-of; --state in_force: recognised or effective, what the \"Còn\n"
          "hiệu quả\" column counts). --unit takes a unit id or part of a unit's name\n"
          "(folded: \"tho xuong\"); list --unit also finds entries placed in the unit.\n"
          "list's --unit, --field, --kind, --subject, --level and --state take several\n"
          "values separated by commas (--kind model,exemplar): an entry matching any of\n"
          "them passes (--state in_force alone); --unit may also be repeated (--unit a\n"
          "--unit b is --unit a,b); figures and decision take one unit.\n"
          "A period P is a year (2022), a phase (2021-2025) or a date range\n"
          "(2022-03-01..2022-09-30); stats --period compares it with the period of the same\n"
          "length before it; an event counts in a period only when it certainly falls in it.\n"
          "list --format csv writes the entries as a table (Vietnamese headers, the first\n"
          "registration and recognition of each). import-csv adds the rows of such a table\n"
          "(UTF-8 CSV; units, fields, grades by id or name; dates at any precision; blank\n"
          "cells stay unknown; --kind for a table without a Loại column; --columns for\n"
          "headers of other names, \"HEADER=column;...\" with column one of id, name, unit,\n"
          "place, field, kind, subject, person, description, registered,\n"
          "registration_level, recognised, recognition_level, grade, decision) and writes the\n"
          "registry to standard output; each row not taken is reported on standard error\n"
          "with its row and cell (\"row 4, cell C4: unknown unit ...\"), exit status 1.\n"
          "import-xlsx does the same with the first sheet of an .xlsx (or --sheet NAME),\n"
          "headers on row 1 (or --header-row N, for lists with a title above them), rows\n"
          "numbered as Excel shows them; a row with a formula or a merged cell is reported,\n"
          "not taken. --format xlsx writes stats or list as an Excel sheet (Vietnamese\n"
          "headers, counts as numbers) to --output FILE.\n"
          "import-proposals reads the proposal list (danh sách đề nghị khen thưởng) a unit\n"
          "sent as a .docx, its first table with a name column and \"Đơn vị\", and adds to\n"
          "each entry a row names (by unit and name, and by \"Họ tên\" when given) a\n"
          "proposed award (--type commended: a commendation; --type recognised: a proposed\n"
          "recognition, counted nowhere until decided) with the row's \"Hình thức\"\n"
          "or --form, dated --date, at --level, to be given by --to; a row that names no\n"
          "entry or several is reported with its row and cell, exit status 1. An .xlsx\n"
          "list is read from its first sheet (or --sheet NAME), its header the first of\n"
          "the first 20 rows that names the columns (or --header-row N), merged cells as\n"
          "Excel shows them; --columns names headers of other names (name, unit, person).\n"
          "decision writes the recognition decision (quyết định công nhận) of the entries\n"
          "the filters select as a Word file in the layout of Nghị định 30/2020/NĐ-CP: the\n"
          "--unit issues it (a People's Committee: \"ỦY BAN NHÂN DÂN\" / its name), the\n"
          "abstract names --level and --recognised-in, the bases are the catalogue's\n"
          "instruments --basis names, the annex lists the entries in Vietnamese order\n"
          "(name, unit, field, level, grade, person). The number, the date, the proposer\n"
          "and (without --signer) the signer are left as blanks to fill in. No matching\n"
          "entry: exit status 1, no file written. The file is written atomically.\n"
          "A registry whose entries name units by official code (\"unit\": \"code:22015\")\n"
          "is read with --unit-register FILE, a register of units such as the bundled\n"
          "data/units/national/units.json (no register is taken implicitly: which one\n"
          "resolves a code is the user's choice); imports write those units back by code.\n",
          Spec{{{"--year", "the year counted (stats, figures); list: registered in it"},
                {"--period", "stats, figures: a year, a phase (2021-2025) or a date range"},
                {"--as-of", "the day states, kinds and levels are taken on"},
                {"--unit",
                 "a unit's id or part of its name (list, stats: several, ID,... or repeated): "
                 "its subtree",
                 Option::Repeat::joined},
                {"--by", "stats: the rows' dimensions (default field,level,subject)"},
                {"--format", "text (default), csv, json (stats, figures) or xlsx (--output)"},
                {"--limit", "search: print at most N entries"},
                {"--sort", "list: name (default, Vietnamese order) or date"},
                {"--field", "entries of this field (id; list, decision: several, ID,...)"},
                {"--kind",
                 "model or exemplar (or both, K,K); imports: the kind of rows without Loại"},
                {"--subject", "collective, individual or unknown (several: S,...)"},
                {"--level", "highest recognition level (L,...); proposals, decision: the level"},
                {"--state",
                 "the state as of the day (STATE,...; in_force: recognised or effective)"},
                {"--registered-in", "a registration certainly in the period P"},
                {"--recognised-in", "a recognition certainly in the period P"},
                {"--commended-in", "a commendation certainly in the period P"},
                {"--output", "the file to write (--format xlsx, decision, certificates)"},
                {"--catalogue", "decision: the instrument catalogue --basis names"},
                {"--basis", "decision: the catalogue ids of its legal bases, ID,ID..."},
                {"--signer", "decision: the signer's name (default: a blank)"},
                {"--sheet", ".xlsx imports: the sheet to read (default: the first)"},
                {"--header-row", ".xlsx imports: the row of the headers"},
                {"--form", "import-proposals: the form of rows without one; certificates: title"},
                {"--date", "import-proposals: the day of the proposals"},
                {"--to", "import-proposals: the unit to give the awards"},
                {"--type", "import-proposals: awarded (default), commended or recognised"},
                {"--columns", "imports: headers of other names, \"HEADER=column;...\""},
                {"--unit-register",
                 "the unit register (danvan/units) resolving units named by code:NNNNN"}},
               {{"--current-units", "map entries onto the as-of day's units (successor links)"}},
               1,
               3},
          exemplars},
  };
}

}  // namespace danvan::cli
