// danvan refs --evaluate: scoring find_references on a labelled corpus.
//
// Two formats of JSON lines are read (one passage per line, see LABEL-FORMATS.md §2):
//  - {"id", "text", "refs": [{"surface", ...}]}: the passage's text inline, each gold
//    reference located by its surface (searched after the previous one);
//  - {"id", "split", "source": {"corpus": FILE, "byte_start", "byte_end"}, "sha256", "refs"}
//    or {"id", "split", "source": {"url", ...}, "text", "refs"}: gold references located by
//    "start"/"end" (code points of the NFC passage). Corpus passages are read from the corpus
//    directory by location and their bytes checked against "sha256".
#include "reference_evaluate.hpp"

#include "danvan/json.hpp"
#include "danvan/references.hpp"
#include "danvan/text.hpp"
#include "sha256.hpp"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

namespace danvan::cli {

namespace {

namespace fs = std::filesystem;

// Fields compared on matched references, in the order printed.
constexpr const char* kFields[] = {"surface", "type", "number", "symbol", "name", "issuer",
                                   "date",    "year", "term",   "period", "self", "repaired"};

template <typename T>
Json opt(const std::optional<T>& v) {
  if (!v) return nullptr;
  return *v;
}

Json predicted_fields(const Reference& r) {
  Json j = Json::object();
  j["surface"] = r.surface;
  j["type"] = std::string(to_string(r.type));
  j["number"] = opt(r.number);
  j["symbol"] = r.symbol ? Json(r.symbol->canonical()) : Json(nullptr);
  j["name"] = opt(r.name);
  j["issuer"] = opt(r.issuer);
  j["date"] = r.date ? Json(r.date->iso()) : Json(nullptr);
  j["year"] = opt(r.year);
  j["term"] = opt(r.term);
  j["period"] = r.period
                    ? Json(std::to_string(r.period->first) + "-" + std::to_string(r.period->last))
                    : Json(nullptr);
  j["self"] = r.is_self ? Json(true) : Json(nullptr);
  j["repaired"] = r.repaired ? Json(true) : Json(nullptr);
  return j;
}

// A gold value that counts: present, not null and not false.
bool given(const Json& g, const char* field) {
  if (!g.contains(field)) return false;
  const Json& v = g[field];
  return !v.is_null() && !(v.is_boolean() && !v.get<bool>());
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

double fraction(std::size_t a, std::size_t b) {
  return b == 0 ? 1.0 : static_cast<double>(a) / static_cast<double>(b);
}

/// A ratio option (--min, --min-precision, --min-recall): a decimal number from 0 to 1, all
/// of the text (checked before any work).
std::optional<double> ratio_option(const Args& args, const std::string& name) {
  const auto text = args.option(name);
  if (!text) return std::nullopt;
  double value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (text->empty() || ec != std::errc() || ptr != end || !(value >= 0.0 && value <= 1.0)) {
    throw UsageError(name + ": expected a ratio from 0 to 1, got \"" + *text + "\"");
  }
  return value;
}

// The corpus directory: --corpus-dir, else $DANVAN_CORPUS_DIR, else the first "shared/corpus"
// beside an ancestor of the labels file (a repository's ../shared/corpus).
fs::path corpus_dir(const Args& args, const std::string& labels) {
  if (const auto dir = args.option("--corpus-dir")) return *dir;
  if (const char* env = std::getenv("DANVAN_CORPUS_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  fs::path at = fs::absolute(labels, ec).parent_path();
  fs::path first;
  while (!at.empty()) {
    const fs::path candidate = at.parent_path() / "shared" / "corpus";
    if (first.empty()) first = candidate;
    if (fs::is_directory(candidate, ec)) return candidate;
    if (at == at.parent_path()) break;
    at = at.parent_path();
  }
  return first;
}

struct Passage {
  std::string text;  // NFC
  // Gold spans in code points of text.
  std::vector<std::pair<std::size_t, std::size_t>> spans;
};

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

class Evaluator {
 public:
  Evaluator(const Args& args, std::ostream& out, std::ostream& err)
      : args_(args), out_(out), err_(err) {
    path_ = *args.option("--evaluate");
    split_ = args.option("--split").value_or("all");
    if (split_ != "dev" && split_ != "heldout" && split_ != "all") {
      throw UsageError("--split: expected dev, heldout or all, got \"" + split_ + "\"");
    }
    corpus_ = corpus_dir(args, path_);
  }

  int run() {
    const std::optional<double> min = ratio_option(args_, "--min");
    const std::optional<double> min_precision = ratio_option(args_, "--min-precision");
    const std::optional<double> min_recall = ratio_option(args_, "--min-recall");
    const std::string content = read_input(path_);
    std::istringstream lines(content);
    std::string line;
    while (std::getline(lines, line)) {
      ++line_no_;
      if (!line.empty()) add_line(line);
    }
    report();
    const double p = fraction(typed_.correct, typed_.predicted);
    const double r = fraction(typed_.correct, typed_.gold);
    std::string failed;
    if (min && (p < *min || r < *min)) failed = *args_.option("--min");
    if (min_precision && p < *min_precision) failed = *args_.option("--min-precision");
    if (min_recall && r < *min_recall) failed = *args_.option("--min-recall");
    if (!failed.empty()) {
      err_ << "danvan refs: reference precision " << ratio(typed_.correct, typed_.predicted)
           << " or recall " << ratio(typed_.correct, typed_.gold) << " is below " << failed << "\n";
      return 1;
    }
    return 0;
  }

 private:
  const Args& args_;
  std::ostream& out_;
  std::ostream& err_;
  std::string path_;
  std::string split_;
  fs::path corpus_;
  std::size_t line_no_ = 0;
  std::size_t passages_ = 0;
  std::size_t empty_passages_ = 0;
  std::size_t skipped_corpus_ = 0;
  Tally spans_;  // overlapping span, any type
  Tally typed_;  // overlapping span and the same type
  std::map<std::string, Tally> kinds_;
  std::map<std::string, Tally> fields_;

  [[nodiscard]] std::string where() const { return path_ + ":" + std::to_string(line_no_); }

  void add_line(const std::string& line) {
    Json row;
    try {
      row = parse_json(line);
    } catch (const JsonError& e) {
      throw UsageError(where() + ": " + e.what());
    }
    if (!row.is_object() || !row.contains("refs") || !row["refs"].is_array() ||
        !(row.contains("text") || row.contains("source"))) {
      throw UsageError(where() +
                       ": expected an object with \"refs\" (array) and \"text\" (string) or "
                       "\"source\" (object)");
    }
    if (split_ != "all") {
      if (!row.contains("split") || !row["split"].is_string()) {
        throw UsageError(where() + ": --split " + split_ + " needs a \"split\" on every passage");
      }
      if (row["split"].get<std::string>() != split_) return;
    }
    std::optional<Passage> passage = read_passage(row);
    if (!passage) return;
    score(row["refs"], *passage);
  }

  std::optional<Passage> read_passage(const Json& row) {
    Passage p;
    const bool located = row.contains("source");
    if (located && !row["source"].is_object()) {
      throw UsageError(where() + ": \"source\" must be an object");
    }
    if (located && row["source"].contains("corpus")) {
      if (!read_corpus_text(row, p.text)) return std::nullopt;
    } else {
      if (!row.contains("text") || !row["text"].is_string()) {
        throw UsageError(where() + ": expected \"text\" (string)");
      }
      p.text = normalize_nfc(row["text"].get<std::string>());
    }
    const Json& gold = row["refs"];
    std::size_t from = 0;
    for (const auto& g : gold) {
      if (!g.is_object() || !g.contains("surface") || !g["surface"].is_string()) {
        throw UsageError(where() + ": every reference needs a \"surface\" (string)");
      }
      const std::string s = normalize_nfc(g["surface"].get<std::string>());
      if (located) {
        p.spans.push_back(gold_span(g, p.text, s));
        continue;
      }
      const std::size_t at = p.text.find(s, from);
      if (at == std::string::npos) {
        throw UsageError(where() + ": surface \"" + s + "\" is not in the text");
      }
      const std::size_t start = code_points(std::string_view(p.text).substr(0, at));
      p.spans.emplace_back(start, start + code_points(s));
      from = at + s.size();
    }
    return p;
  }

  // "start"/"end" of a located gold reference, checked against its surface.
  std::pair<std::size_t, std::size_t> gold_span(const Json& g, const std::string& text,
                                                const std::string& surface) const {
    if (!g.contains("start") || !g.contains("end") || !g["start"].is_number_unsigned() ||
        !g["end"].is_number_unsigned()) {
      throw UsageError(where() + ": reference \"" + surface +
                       "\" needs \"start\" and \"end\" (code points)");
    }
    const auto start = g["start"].get<std::size_t>();
    const auto end = g["end"].get<std::size_t>();
    // The byte offsets of the code points, to compare the surface.
    std::size_t cp = 0;
    std::size_t byte_start = std::string::npos;
    std::size_t byte_end = std::string::npos;
    for (std::size_t b = 0; b <= text.size(); ++b) {
      if (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) continue;
      if (cp == start) byte_start = b;
      if (cp == end) byte_end = b;
      ++cp;
    }
    if (byte_start == std::string::npos || byte_end == std::string::npos || start > end ||
        text.compare(byte_start, byte_end - byte_start, surface) != 0) {
      throw UsageError(where() + ": surface \"" + surface + "\" is not at code points " +
                       std::to_string(start) + "-" + std::to_string(end) + " of the passage");
    }
    return {start, end};
  }

  // Reads a corpus passage into text (NFC); false when the corpus is not present.
  bool read_corpus_text(const Json& row, std::string& text) {
    const Json& src = row["source"];
    if (!src["corpus"].is_string() || !src.contains("byte_start") || !src.contains("byte_end") ||
        !src["byte_start"].is_number_unsigned() || !src["byte_end"].is_number_unsigned() ||
        !row.contains("sha256") || !row["sha256"].is_string()) {
      throw UsageError(where() +
                       ": a corpus passage needs \"source\": {\"corpus\", \"byte_start\", "
                       "\"byte_end\"} and \"sha256\"");
    }
    std::error_code ec;
    if (!fs::is_directory(corpus_, ec)) {
      ++skipped_corpus_;
      return false;
    }
    const std::string file = src["corpus"].get<std::string>();
    const auto begin = src["byte_start"].get<std::size_t>();
    const auto end = src["byte_end"].get<std::size_t>();
    const std::string bytes = read_input((corpus_ / file).string());
    if (begin > end || end > bytes.size()) {
      throw ValueError(where() + ": bytes " + std::to_string(begin) + "-" + std::to_string(end) +
                       " are outside " + file + " (" + std::to_string(bytes.size()) +
                       " bytes): the corpus changed");
    }
    const std::string_view passage = std::string_view(bytes).substr(begin, end - begin);
    const std::string hash = sha256_hex(passage);
    if (hash != row["sha256"].get<std::string>()) {
      throw ValueError(where() + ": sha256 of " + file + " bytes " + std::to_string(begin) + "-" +
                       std::to_string(end) + " is " + hash + ", expected " +
                       row["sha256"].get<std::string>() + ": the corpus changed");
    }
    text = normalize_nfc(passage);
    return true;
  }

  void score(const Json& gold, const Passage& p) {
    ++passages_;
    if (gold.empty()) ++empty_passages_;
    const bool verbose = args_.has("--verbose");
    const auto found = find_references(p.text);
    std::vector<bool> used(gold.size(), false);
    spans_.predicted += found.size();
    spans_.gold += gold.size();
    typed_.predicted += found.size();
    typed_.gold += gold.size();
    for (const auto& g : gold) {
      if (g.contains("type") && g["type"].is_string()) ++kinds_[g["type"].get<std::string>()].gold;
      for (const char* f : kFields) {
        if (given(g, f)) ++fields_[f].gold;
      }
    }
    for (const auto& r : found) {
      const Json pred = predicted_fields(r);
      ++kinds_[pred["type"].get<std::string>()].predicted;
      std::optional<std::size_t> match;
      for (std::size_t k = 0; k < gold.size() && !match; ++k) {
        if (!used[k] && r.span.start < p.spans[k].second && p.spans[k].first < r.span.end) {
          match = k;
        }
      }
      if (!match) {
        if (verbose)
          err_ << "line " << line_no_ << ": unexpected reference \"" << r.surface << "\"\n";
        continue;
      }
      used[*match] = true;
      ++spans_.correct;
      const Json& g = gold[*match];
      if (pred["type"] == g.value("type", Json(nullptr))) {
        ++typed_.correct;
        ++kinds_[pred["type"].get<std::string>()].correct;
      }
      compare_fields(pred, g, r);
    }
    for (const auto& r : found) {
      for (const char* f : kFields) {
        const Json pred = predicted_fields(r);
        if (!pred[f].is_null()) ++fields_[f].predicted;
      }
    }
    if (verbose) {
      for (std::size_t k = 0; k < gold.size(); ++k) {
        if (!used[k]) {
          err_ << "line " << line_no_ << ": missed \"" << gold[k]["surface"].get<std::string>()
               << "\"\n";
        }
      }
    }
  }

  void compare_fields(const Json& pred, const Json& g, const Reference& r) {
    for (const char* f : kFields) {
      Json want = g.contains(f) ? g[f] : Json(nullptr);
      if (want.is_boolean() && !want.get<bool>()) want = nullptr;
      if (want.is_string()) want = normalize_nfc(want.get<std::string>());
      if (!pred[f].is_null() && pred[f] == want) {
        ++fields_[f].correct;
      } else if (args_.has("--verbose") && g.contains(f) &&
                 !(pred[f].is_null() && want.is_null())) {
        err_ << "line " << line_no_ << ": " << f << " of \"" << r.surface << "\": got "
             << pred[f].dump() << ", expected " << want.dump() << "\n";
      }
    }
  }

  // One row; a field the corpus never gives (gold 0) is not scored: "-".
  void row(const std::string& name, const Tally& t, bool field = false) {
    const std::string pad = name.size() < 17 ? std::string(17 - name.size(), ' ') : " ";
    const bool unscored = field && t.gold == 0;
    out_ << name << pad << (unscored ? "-    " : ratio(t.correct, t.predicted)) << "      "
         << (unscored ? "-    " : ratio(t.correct, t.gold)) << "   " << t.correct << '/'
         << t.predicted << '/' << t.gold << '\n';
  }

  void report() {
    out_ << "passages: " << passages_ << " (" << passages_ - empty_passages_ << " with references, "
         << empty_passages_ << " without; split " << split_ << ")\n";
    if (skipped_corpus_ > 0) {
      out_ << "not run: corpus not present at " << corpus_.string() << " (" << skipped_corpus_
           << " corpus passages skipped)\n";
    }
    out_ << "field            precision  recall  correct/predicted/gold\n";
    row("reference", spans_);
    row("reference+type", typed_);
    for (const char* f : kFields) row(f, fields_[f], true);
    out_ << "\nkind             precision  recall  correct/predicted/gold\n";
    for (const auto& [kind, tally] : kinds_) row(kind, tally);
    const double p = fraction(typed_.correct, typed_.predicted);
    const double r = fraction(typed_.correct, typed_.gold);
    char f1[16];
    std::snprintf(f1, sizeof f1, "%.3f", p + r == 0 ? 0.0 : 2 * p * r / (p + r));
    out_ << "\nF1 (type + overlapping span): " << f1 << "\n";
    out_ << "symbol right where the passage gives one: " << fields_["symbol"].correct << '/'
         << fields_["symbol"].gold << " = "
         << ratio(fields_["symbol"].correct, fields_["symbol"].gold) << "\n";
    out_ << "date right where the passage gives one: " << fields_["date"].correct << '/'
         << fields_["date"].gold << " = " << ratio(fields_["date"].correct, fields_["date"].gold)
         << "\n";
  }
};

}  // namespace

int evaluate_references(const Args& args, std::ostream& out, std::ostream& err) {
  Evaluator evaluator(args, out, err);
  return evaluator.run();
}

}  // namespace danvan::cli
