// danvan import-text --evaluate: scores the plan importer against hand labels of real plans
// (tests/corpus/plans/labels.jsonl, format in LABEL-FORMATS.md §1), reading each plan's text
// from the corpus folder by path.
#include "plan_evaluate.hpp"

#include "danvan/error.hpp"
#include "danvan/import_text.hpp"
#include "danvan/json.hpp"
#include "danvan/text.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <ostream>
#include <sstream>

namespace danvan::cli {

namespace {

namespace fs = std::filesystem;

// Text compared without case, diacritics, markup quotes and spacing: "Ủy" equals "Uỷ", "UBND"
// stays "ubnd".
std::string key(std::string_view s) {
  std::string f = fold(squeeze_spaces(s));
  std::string out;
  for (std::size_t i = 0; i < f.size(); ++i) {
    const char c = f[i];
    if (c == '"' || c == '*' || c == '\'') continue;
    // Curly quotes U+201C/U+201D.
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < f.size() &&
        static_cast<unsigned char>(f[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(f[i + 2]) == 0x9C ||
         static_cast<unsigned char>(f[i + 2]) == 0x9D)) {
      i += 2;
      continue;
    }
    out.push_back(c);
  }
  out = squeeze_spaces(out);
  while (!out.empty() && std::string_view(" .,;:").find(out.back()) != std::string_view::npos) {
    out.pop_back();
  }
  return out;
}

std::string symbol_key(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(key(s));
  std::string w;
  while (in >> w) {
    while (!w.empty() && std::string_view(",.;:()").find(w.back()) != std::string_view::npos) {
      w.pop_back();
    }
    while (!w.empty() && std::string_view("(").find(w.front()) != std::string_view::npos) {
      w.erase(0, 1);
    }
    if (!w.empty()) out.push_back(w);
  }
  return out;
}

struct Score {
  std::size_t correct = 0;
  std::size_t total = 0;
};

struct PR {
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

std::optional<std::string> str(const Json& row, const char* k) {
  if (!row.contains(k) || !row[k].is_string()) return std::nullopt;
  return normalize_nfc(row[k].get<std::string>());
}

std::optional<std::string> iso(const std::optional<PartialDate>& d) {
  if (!d) return std::nullopt;
  return d->iso();
}

// One-to-one matching in order: each predicted item takes the first unused gold item it matches.
template <class P, class G, class Match>
std::vector<std::optional<std::size_t>> match_items(const std::vector<P>& predicted,
                                                    const std::vector<G>& gold, Match match) {
  std::vector<bool> used(gold.size(), false);
  std::vector<std::optional<std::size_t>> out;
  for (const auto& p : predicted) {
    std::optional<std::size_t> m;
    for (std::size_t k = 0; k < gold.size() && !m; ++k) {
      if (!used[k] && match(p, gold[k])) m = k;
    }
    if (m) used[*m] = true;
    out.push_back(m);
  }
  return out;
}

std::string corpus_dir(const Args& args, const std::string& labels) {
  if (const auto c = args.option("--corpus")) return *c;
  if (const char* env = std::getenv("DANVAN_CORPUS_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  // <repo>/../shared/corpus, the repository found above the labels file.
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(labels), ec).parent_path();
  while (!dir.empty()) {
    if (fs::exists(dir / "CMakeLists.txt", ec) && fs::exists(dir / "include" / "danvan", ec)) {
      return (dir.parent_path() / "shared" / "corpus").string();
    }
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  throw UsageError("no corpus folder: pass --corpus DIR or set DANVAN_CORPUS_DIR");
}

}  // namespace

int evaluate_plans(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string path = *args.option("--evaluate");
  const std::string split = args.option("--split").value_or("dev");
  if (split != "dev" && split != "heldout" && split != "all") {
    throw UsageError("--split: expected one of dev, heldout, all, got \"" + split + "\"");
  }
  std::optional<double> threshold;
  if (const auto m = args.option("--min")) {
    double v = 0;
    const char* end = m->data() + m->size();
    const auto [ptr, ec] = std::from_chars(m->data(), end, v);
    if (m->empty() || ec != std::errc() || ptr != end || !(v >= 0.0 && v <= 1.0)) {
      throw UsageError("--min: expected a ratio from 0 to 1, got \"" + *m + "\"");
    }
    threshold = v;
  }
  const std::string content = read_input(path);
  const std::string corpus = corpus_dir(args, path);
  if (!fs::is_directory(corpus)) {
    // The corpus is not part of the project (a user's clone has none): say so plainly.
    out << "not run: corpus not present (" << corpus << ")\n";
    return 0;
  }
  const bool verbose = args.has("--verbose");
  std::map<std::string, Score> scalar;
  PR tasks;
  PR bases;
  PR duties;
  PR reporting;
  Score roles;
  std::size_t plans = 0;
  std::size_t line_no = 0;
  std::istringstream lines(content);
  std::string line;
  const auto check = [&](const std::string& field, bool ok, const std::string& file,
                         const std::string& got, const std::string& want) {
    Score& s = scalar[field];
    ++s.total;
    if (ok) {
      ++s.correct;
    } else if (verbose) {
      err << file << ": " << field << ": got " << got << ", expected " << want << "\n";
    }
  };
  const auto show = [](const std::optional<std::string>& s) {
    return s ? "\"" + *s + "\"" : "null";
  };
  while (std::getline(lines, line)) {
    ++line_no;
    if (line.empty()) continue;
    Json row;
    try {
      row = parse_json(line);
    } catch (const JsonDocumentError& e) {
      throw UsageError(path + ":" + std::to_string(line_no) + ": " + e.what());
    }
    if (!row.is_object() || !str(row, "file") ||
        (row.contains("split") && !row["split"].is_string())) {
      throw UsageError(path + ":" + std::to_string(line_no) +
                       ": expected an object with a \"file\" string (and a \"split\" string)");
    }
    // A record without a split (a set labelled for evaluation only) counts under "all".
    if (split != "all" && str(row, "split").value_or("") != split) continue;
    const std::string file = *str(row, "file");
    // Any format the importer reads (.md, .html, .docx, .pdf, legacy encodings).
    const std::string text =
        read_document_input((fs::path(corpus) / file).string(), err, "import-text");
    ++plans;
    const ImportResult result = import_plan_text(text);
    const Plan& plan = result.plan;
    // Scalars.
    const auto title = str(row, "title");
    check("title", title ? key(*title) == key(plan.title) : plan.title.empty(), file,
          "\"" + plan.title + "\"", show(title));
    const Issuer* issuer = plan.catalogue.find_issuer(plan.issuer_id);
    const std::optional<std::string> got_issuer =
        issuer ? std::optional<std::string>(issuer->name) : std::nullopt;
    const auto want_issuer = str(row, "issuer");
    check("issuer", want_issuer ? got_issuer && key(*got_issuer) == key(*want_issuer) : !got_issuer,
          file, show(got_issuer), show(want_issuer));
    const std::optional<std::string> got_symbol =
        plan.symbol ? std::optional<std::string>(plan.symbol->canonical()) : std::nullopt;
    const auto want_symbol = str(row, "symbol");
    check("number",
          want_symbol ? got_symbol && symbol_key(*got_symbol) == symbol_key(*want_symbol)
                      : !got_symbol,
          file, show(got_symbol), show(want_symbol));
    const auto want_date = str(row, "issue_date");
    check("date", iso(plan.issue_date) == want_date, file, show(iso(plan.issue_date)),
          show(want_date));
    {
      std::optional<std::string> from;
      std::optional<std::string> to;
      if (row.contains("period") && row["period"].is_object()) {
        from = str(row["period"], "from");
        to = str(row["period"], "to");
      }
      const auto gf = plan.period ? iso(plan.period->from) : std::nullopt;
      const auto gt = plan.period ? iso(plan.period->to) : std::nullopt;
      check("period", gf == from && gt == to, file, show(gf) + ".." + show(gt),
            show(from) + ".." + show(to));
    }
    const auto count = [&](const char* field, std::size_t got) {
      std::optional<long long> want;
      if (row.contains(field) && row[field].is_number_integer()) want = row[field].get<long long>();
      check(field, want ? static_cast<long long>(got) == *want : got == 0, file,
            std::to_string(got), want ? std::to_string(*want) : "null");
    };
    count("purposes", plan.purposes.size());
    count("requirements", plan.requirements.size());
    count("targets", plan.targets.size());
    if (row.contains("funding") && row["funding"].is_boolean()) {
      const bool want = row["funding"].get<bool>();
      check("funding", want == !plan.funding.empty(), file, plan.funding.empty() ? "false" : "true",
            want ? "true" : "false");
    }
    if (row.contains("signer") && row["signer"].is_object()) {
      const auto name = str(row["signer"], "name");
      const std::string got = plan.signature ? plan.signature->name : "";
      check("signer", name ? key(got) == key(*name) : got.empty(), file, "\"" + got + "\"",
            show(name));
    }
    if (row.contains("recipients")) {
      count("recipients", plan.recipients.size());
    }
    if (row.contains("annexes") && row["annexes"].is_array()) {
      const std::size_t want = row["annexes"].size();
      check("annexes", want == plan.annexes.size(), file, std::to_string(plan.annexes.size()),
            std::to_string(want));
    }
    // Task areas: the label's first words begin the item's text.
    {
      std::vector<std::vector<std::string>> gold;
      if (row.contains("task_areas") && row["task_areas"].is_array()) {
        for (const auto& t : row["task_areas"]) {
          gold.push_back(words(t.is_object() && t.contains("title") && t["title"].is_string()
                                   ? t["title"].get<std::string>()
                                   : std::string()));
        }
      }
      std::vector<std::vector<std::string>> got;
      for (const auto& t : plan.task_areas) got.push_back(words(t.text));
      const auto m = match_items(got, gold, [](const auto& p, const auto& g) {
        if (g.empty() || p.size() < g.size()) return false;
        // The last label word may be cut ("công" for "công tác"): compare all but it exactly.
        for (std::size_t k = 0; k + 1 < g.size(); ++k) {
          if (p[k] != g[k]) return false;
        }
        return p[g.size() - 1].rfind(g.back(), 0) == 0;
      });
      tasks.predicted += got.size();
      tasks.gold += gold.size();
      for (std::size_t k = 0; k < m.size(); ++k) {
        if (m[k]) {
          ++tasks.correct;
        } else if (verbose) {
          err << file << ": unexpected task area \"" << plan.task_areas[k].text.substr(0, 80)
              << "\"\n";
        }
      }
      if (verbose) {
        for (std::size_t g = 0; g < gold.size(); ++g) {
          if (std::find(m.begin(), m.end(), std::optional<std::size_t>(g)) == m.end()) {
            err << file << ": missed task area \""
                << row["task_areas"][g].value("title", std::string()) << "\"\n";
          }
        }
      }
    }
    // Legal bases: by symbol, else by type and date.
    {
      std::vector<Json> gold;
      if (row.contains("legal_bases") && row["legal_bases"].is_array()) {
        for (const auto& b : row["legal_bases"]) gold.push_back(b);
      }
      std::vector<const Instrument*> got;
      for (const auto& c : plan.legal_bases) {
        got.push_back(&plan.catalogue.instrument(c.instrument_id));
      }
      const auto m = match_items(got, gold, [](const Instrument* in, const Json& g) {
        const auto gs = str(g, "symbol");
        if (gs) return in->symbol && symbol_key(in->symbol->canonical()) == symbol_key(*gs);
        const auto type = str(g, "type");
        if (!type || *type != to_string(in->type)) return false;
        if (const auto name = str(g, "name")) return in->title && key(*in->title) == key(*name);
        const auto date = str(g, "date");
        return !date || (in->date && in->date->iso() == *date);
      });
      bases.predicted += got.size();
      bases.gold += gold.size();
      for (std::size_t k = 0; k < m.size(); ++k) {
        if (m[k]) {
          ++bases.correct;
        } else if (verbose) {
          err << file << ": unexpected basis \"" << plan.legal_bases[k].cited_as << "\"\n";
        }
      }
      if (verbose) {
        for (std::size_t g = 0; g < gold.size(); ++g) {
          if (std::find(m.begin(), m.end(), std::optional<std::size_t>(g)) == m.end()) {
            err << file << ": missed basis " << gold[g].dump() << "\n";
          }
        }
      }
    }
    // Duties: the unit as written; the role counted among matched units.
    {
      std::vector<Json> gold;
      if (row.contains("duties") && row["duties"].is_array()) {
        for (const auto& d : row["duties"]) gold.push_back(d);
      }
      const auto m = match_items(plan.duties, gold, [](const Duty& d, const Json& g) {
        const auto unit = str(g, "unit");
        return unit && key(*unit) == key(d.unit);
      });
      duties.predicted += plan.duties.size();
      duties.gold += gold.size();
      for (std::size_t k = 0; k < m.size(); ++k) {
        if (!m[k]) {
          if (verbose) err << file << ": unexpected duty of \"" << plan.duties[k].unit << "\"\n";
          continue;
        }
        ++duties.correct;
        const std::string want = str(gold[*m[k]], "role").value_or("");
        const std::string got = plan.duties[k].role == DutyRole::unspecified
                                    ? std::string()
                                    : std::string(to_string(plan.duties[k].role));
        ++roles.total;
        if (want == got) {
          ++roles.correct;
        } else if (verbose) {
          err << file << ": role of \"" << plan.duties[k].unit << "\": got \"" << got
              << "\", expected \"" << want << "\"\n";
        }
      }
      if (verbose) {
        for (std::size_t g = 0; g < gold.size(); ++g) {
          if (std::find(m.begin(), m.end(), std::optional<std::size_t>(g)) == m.end()) {
            err << file << ": missed duty of " << gold[g].value("unit", std::string()) << "\n";
          }
        }
      }
    }
    // Reporting deadlines.
    if (row.contains("reporting") && row["reporting"].is_array()) {
      std::vector<std::string> gold;
      for (const auto& r : row["reporting"]) {
        if (const auto d = str(r, "deadline")) gold.push_back(*d);
      }
      std::vector<std::string> got;
      for (const auto& r : plan.reporting) {
        if (r.every_year) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "%02d-%02d", r.every_year->month % 100,
                        r.every_year->day % 100);
          got.emplace_back(buf);
        } else if (r.date) {
          got.push_back(r.date->iso());
        } else if (r.every_month) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "---%02d", *r.every_month % 100);
          got.emplace_back(buf);
        } else if (r.every_day) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "T%02d:%02d", r.every_day->hour % 100,
                        r.every_day->minute % 100);
          got.emplace_back(buf);
        }
      }
      const auto m =
          match_items(got, gold, [](const std::string& a, const std::string& b) { return a == b; });
      reporting.predicted += got.size();
      reporting.gold += gold.size();
      for (std::size_t k = 0; k < m.size(); ++k) {
        if (m[k]) {
          ++reporting.correct;
        } else if (verbose) {
          err << file << ": unexpected reporting deadline " << got[k] << "\n";
        }
      }
      if (verbose) {
        for (std::size_t g = 0; g < gold.size(); ++g) {
          if (std::find(m.begin(), m.end(), std::optional<std::size_t>(g)) == m.end()) {
            err << file << ": missed reporting deadline " << gold[g] << "\n";
          }
        }
      }
    }
  }
  out << "plans: " << plans << " (split " << split << ")\n";
  out << "field          score   correct/total\n";
  const auto row_out = [&](const std::string& name, const Score& s) {
    out << name << std::string(name.size() < 15 ? 15 - name.size() : 1, ' ')
        << ratio(s.correct, s.total) << "   " << s.correct << '/' << s.total << '\n';
  };
  for (const char* f : {"title", "issuer", "number", "date", "period", "purposes", "requirements",
                        "targets", "funding", "signer", "recipients", "annexes"}) {
    if (scalar.contains(f)) row_out(f, scalar[f]);
  }
  row_out("duty roles", roles);
  out << "list           precision  recall  correct/predicted/gold\n";
  const auto pr_out = [&](const std::string& name, const PR& p) {
    out << name << std::string(15 - name.size(), ' ') << ratio(p.correct, p.predicted) << "      "
        << ratio(p.correct, p.gold) << "   " << p.correct << '/' << p.predicted << '/' << p.gold
        << '\n';
  };
  pr_out("task areas", tasks);
  pr_out("legal bases", bases);
  pr_out("duties", duties);
  pr_out("reporting", reporting);
  if (threshold) {
    // The floor applies to the fields the issue names.
    std::vector<std::pair<std::string, double>> low;
    for (const char* f :
         {"title", "issuer", "number", "date", "period", "purposes", "requirements"}) {
      const Score& s = scalar[f];
      const double v =
          s.total == 0 ? 1.0 : static_cast<double>(s.correct) / static_cast<double>(s.total);
      if (v < *threshold) low.emplace_back(f, v);
    }
    // Duties are reported, not floored: their recall is far lower (see the report).
    for (const auto& [name, p] :
         {std::pair<std::string, PR>{"task areas", tasks}, {"legal bases", bases}}) {
      const double pr = p.predicted == 0
                            ? 1.0
                            : static_cast<double>(p.correct) / static_cast<double>(p.predicted);
      const double rc =
          p.gold == 0 ? 1.0 : static_cast<double>(p.correct) / static_cast<double>(p.gold);
      if (std::min(pr, rc) < *threshold) low.emplace_back(name, std::min(pr, rc));
    }
    if (!low.empty()) {
      for (const auto& [name, v] : low) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.3f", v);
        err << "danvan import-text: " << name << " scores " << buf << ", below "
            << *args.option("--min") << "\n";
      }
      return 1;
    }
  }
  return 0;
}

}  // namespace danvan::cli
