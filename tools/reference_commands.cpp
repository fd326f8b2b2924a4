// danvan refs | import-text
#include "cli.hpp"

#include "danvan/import_text.hpp"
#include "danvan/json.hpp"
#include "danvan/references.hpp"
#include "danvan/text.hpp"

#include <charconv>
#include <cstdio>
#include <optional>
#include <ostream>
#include <sstream>

namespace danvan::cli {

namespace {

Json period_json(const std::optional<YearRange>& p) {
  if (!p) return nullptr;
  return std::to_string(p->first) + "-" + std::to_string(p->last);
}

template <typename T>
Json opt(const std::optional<T>& v) {
  if (!v) return nullptr;
  return *v;
}

Json reference_json(const Reference& r) {
  Json j = Json::object();
  j["surface"] = r.surface;
  j["start"] = r.span.start;
  j["end"] = r.span.end;
  j["byte_start"] = r.span.byte_start;
  j["byte_end"] = r.span.byte_end;
  j["type"] = std::string(info(r.type).name);
  j["type_code"] = r.type_code;
  j["number"] = opt(r.number);
  j["symbol"] = r.symbol ? Json(r.symbol->canonical()) : Json(nullptr);
  j["name"] = opt(r.name);
  j["issuer"] = opt(r.issuer);
  j["date"] = r.date ? Json(r.date->iso()) : Json(nullptr);
  j["year"] = opt(r.year);
  j["term"] = opt(r.term);
  j["period"] = period_json(r.period);
  j["resolved_id"] = opt(r.resolved_id);
  return j;
}

std::string describe(const Reference& r) {
  std::ostringstream out;
  out << r.span.start << '-' << r.span.end << '\t' << r.surface << '\t' << to_string(r.type);
  if (r.symbol) out << ' ' << r.symbol->canonical();
  if (r.number && !r.symbol) out << " no. " << *r.number;
  if (r.issuer) out << "; issuer: " << *r.issuer;
  if (r.date) out << "; date " << r.date->iso();
  if (r.year && !r.date) out << "; year " << *r.year;
  if (r.term) out << "; term " << *r.term;
  if (r.period) out << "; period " << r.period->first << '-' << r.period->last;
  switch (r.status) {
    case ResolutionStatus::resolved:
      out << "\t-> " << *r.resolved_id;
      break;
    case ResolutionStatus::ambiguous: {
      out << "\t-> ambiguous:";
      for (const auto& id : r.candidate_ids) out << ' ' << id;
      break;
    }
    case ResolutionStatus::unresolved:
      break;
  }
  return out.str();
}

// ---- Evaluation against a labelled corpus (JSON lines: {"id", "text", "refs": [...]}).

constexpr const char* kFields[] = {"surface", "type", "number", "symbol", "issuer",
                                   "date",    "year", "term",   "period"};

Json predicted_fields(const Reference& r) {
  Json j = Json::object();
  j["surface"] = r.surface;
  j["type"] = std::string(to_string(r.type));
  j["number"] = opt(r.number);
  j["symbol"] = r.symbol ? Json(r.symbol->canonical()) : Json(nullptr);
  j["issuer"] = opt(r.issuer);
  j["date"] = r.date ? Json(r.date->iso()) : Json(nullptr);
  j["year"] = opt(r.year);
  j["term"] = opt(r.term);
  j["period"] = period_json(r.period);
  return j;
}

struct Tally {
  std::size_t correct = 0;
  std::size_t predicted = 0;
  std::size_t gold = 0;
};

std::string ratio(std::size_t a, std::size_t b) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f",
                b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b));
  return buf;
}

/// The --min ratio: a decimal number from 0 to 1, all of the text (checked before any work).
std::optional<double> min_ratio(const Args& args) {
  const auto text = args.option("--min");
  if (!text) return std::nullopt;
  double value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (text->empty() || ec != std::errc() || ptr != end || !(value >= 0.0 && value <= 1.0)) {
    throw UsageError("--min: expected a ratio from 0 to 1, got \"" + *text + "\"");
  }
  return value;
}

int evaluate(const Args& args, std::ostream& out, std::ostream& err) {
  const std::optional<double> threshold = min_ratio(args);
  const std::string path = *args.option("--evaluate");
  const std::string content = read_input(path);
  std::map<std::string, Tally> fields;
  Tally refs;
  std::size_t passages = 0;
  std::size_t empty_passages = 0;
  std::size_t line_no = 0;
  std::istringstream lines(content);
  std::string line;
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.empty()) continue;
    Json row;
    try {
      row = parse_json(line);
    } catch (const JsonError& e) {
      throw UsageError(path + ":" + std::to_string(line_no) + ": " + e.what());
    }
    if (!row.is_object() || !row.contains("text") || !row["text"].is_string() ||
        !row.contains("refs") || !row["refs"].is_array()) {
      throw UsageError(path + ":" + std::to_string(line_no) +
                       ": expected an object with \"text\" (string) and \"refs\" (array)");
    }
    ++passages;
    const std::string text = normalize_nfc(row["text"].get<std::string>());
    const auto found = find_references(text);
    const Json& gold = row["refs"];
    if (gold.empty()) ++empty_passages;
    // Gold spans: each surface searched after the previous one.
    std::vector<std::pair<std::size_t, std::size_t>> gold_spans;
    std::size_t from = 0;
    for (const auto& g : gold) {
      const std::string s = normalize_nfc(g.at("surface").get<std::string>());
      const std::size_t at = text.find(s, from);
      if (at == std::string::npos) {
        throw UsageError(path + ":" + std::to_string(line_no) + ": surface \"" + s +
                         "\" is not in the text");
      }
      gold_spans.emplace_back(at, at + s.size());
      from = at + s.size();
    }
    std::vector<bool> gold_used(gold.size(), false);
    refs.predicted += found.size();
    refs.gold += gold.size();
    for (const auto& g : gold) {
      for (const char* f : kFields) {
        if (g.contains(f) && !g[f].is_null()) ++fields[f].gold;
      }
    }
    for (const auto& r : found) {
      const Json p = predicted_fields(r);
      for (const char* f : kFields) {
        if (!p[f].is_null()) ++fields[f].predicted;
      }
      std::optional<std::size_t> match;
      for (std::size_t k = 0; k < gold.size(); ++k) {
        if (!gold_used[k] && r.span.byte_start < gold_spans[k].second &&
            gold_spans[k].first < r.span.byte_end) {
          match = k;
          break;
        }
      }
      if (!match) {
        if (args.has("--verbose")) {
          err << "line " << line_no << ": unexpected reference \"" << r.surface << "\"\n";
        }
        continue;
      }
      gold_used[*match] = true;
      ++refs.correct;
      const Json& g = gold[*match];
      for (const char* f : kFields) {
        const Json want = g.contains(f) ? g[f] : Json(nullptr);
        const Json want_nfc =
            want.is_string() ? Json(normalize_nfc(want.get<std::string>())) : want;
        if (!p[f].is_null() && p[f] == want_nfc) {
          ++fields[f].correct;
        } else if (args.has("--verbose") && !(p[f].is_null() && want.is_null())) {
          err << "line " << line_no << ": " << f << " of \"" << r.surface << "\": got "
              << p[f].dump() << ", expected " << want_nfc.dump() << "\n";
        }
      }
    }
    if (args.has("--verbose")) {
      for (std::size_t k = 0; k < gold.size(); ++k) {
        if (!gold_used[k]) {
          err << "line " << line_no << ": missed \"" << gold[k]["surface"].get<std::string>()
              << "\"\n";
        }
      }
    }
  }
  out << "passages: " << passages << " (" << passages - empty_passages << " with references, "
      << empty_passages << " without)\n";
  out << "field        precision  recall  correct/predicted/gold\n";
  auto row = [&](const std::string& name, const Tally& t) {
    out << name << std::string(13 - name.size(), ' ') << ratio(t.correct, t.predicted) << "      "
        << ratio(t.correct, t.gold) << "   " << t.correct << '/' << t.predicted << '/' << t.gold
        << '\n';
  };
  row("reference", refs);
  for (const char* f : kFields) row(f, fields[f]);
  if (threshold) {
    const double p = refs.predicted == 0
                         ? 1.0
                         : static_cast<double>(refs.correct) / static_cast<double>(refs.predicted);
    const double r =
        refs.gold == 0 ? 1.0 : static_cast<double>(refs.correct) / static_cast<double>(refs.gold);
    if (p < *threshold || r < *threshold) {
      err << "danvan refs: reference precision " << ratio(refs.correct, refs.predicted)
          << " or recall " << ratio(refs.correct, refs.gold) << " is below "
          << *args.option("--min") << "\n";
      return 1;
    }
  }
  return 0;
}

int refs(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.option("--evaluate")) {
    if (!args.positionals.empty()) throw UsageError("--evaluate takes no FILE");
    return evaluate(args, out, err);
  }
  if (args.positionals.size() != 1)
    throw UsageError("expected one FILE (\"-\" for standard input)");
  if (args.option("--min")) throw UsageError("--min goes with --evaluate");
  if (args.has("--json") && args.has("--annotate")) {
    throw UsageError("--json and --annotate exclude each other");
  }
  const std::string text = normalize_nfc(read_input(args.positionals.front()));
  auto found = find_references(text);
  if (const auto path = args.option("--catalogue")) {
    const InstrumentCatalogue catalogue = load_catalogue(*path);
    resolve_references(found, catalogue, ResolveContext{text});
  }
  if (args.has("--json")) {
    Json array = Json::array();
    for (const auto& r : found) array.push_back(reference_json(r));
    out << to_canonical_text(array);
  } else if (args.has("--annotate")) {
    out << annotate_markdown(text, found);
  } else {
    for (const auto& r : found) out << describe(r) << '\n';
  }
  return 0;
}

int import_text(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string text = read_input(args.positionals.front());
  std::optional<InstrumentCatalogue> catalogue;
  if (const auto path = args.option("--catalogue")) catalogue = load_catalogue(*path);
  ImportOptions options;
  options.catalogue = catalogue ? &*catalogue : nullptr;
  options.id = args.option("--id").value_or("");
  const ImportResult result = import_plan_text(text, options);
  out << to_canonical_text(to_json(result.plan));
  for (const auto& note : result.undetermined) err << "undetermined: " << note << '\n';
  try {
    result.plan.validate();
  } catch (const ValueError& e) {
    err << "danvan import-text: the draft is not a valid plan yet: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

std::vector<Command> reference_commands() {
  return {
      Command{
          "refs", "find document references in a text",
          "usage: danvan refs FILE|- [--json | --annotate] [--catalogue FILE]\n"
          "       danvan refs --evaluate CORPUS [--min RATIO] [--verbose]\n\n"
          "Prints the documents the text in FILE (\"-\" for standard input) cites: one line\n"
          "per reference (code-point span, surface, type, number or symbol, issuer, date,\n"
          "term, period), or with --json an array of objects with the keys surface, start,\n"
          "end, byte_start, byte_end, type, type_code, number, symbol, name, issuer, date,\n"
          "year, term, period, resolved_id (offsets into the NFC text; start/end in code\n"
          "points; name is a law's title, \"Luật Khiếu nại\", or a Party resolution's plenum\n"
          "name; null for what is unknown).\n"
          "--annotate prints the text as Markdown with each reference in bold.\n"
          "--catalogue resolves references against an instrument catalogue.\n"
          "--evaluate reads a labelled corpus (JSON lines with \"text\" and \"refs\") and prints\n"
          "precision and recall per field; with --min the exit status is 1 when reference\n"
          "precision or recall is below RATIO. --verbose lists the mismatches on stderr.\n",
          Spec{{"--catalogue", "--evaluate", "--min"}, {"--json", "--annotate", "--verbose"}, 0, 1},
          refs},
      Command{"import-text", "draft a plan from its plain text",
              "usage: danvan import-text FILE|- [--catalogue FILE] [--id ID]\n\n"
              "Drafts a danvan/plan from the plain text of a plan (web-page noise is dropped) and\n"
              "prints it as canonical JSON; what could not be determined is listed on stderr as\n"
              "\"undetermined: ...\" lines. --catalogue resolves the issuer and the cited\n"
              "instruments against an instrument catalogue. Exit status 1 when the draft does not\n"
              "validate as a plan (it is printed all the same).\n",
              Spec{{"--catalogue", "--id"}, {}, 1, 1}, import_text},
  };
}

}  // namespace danvan::cli
