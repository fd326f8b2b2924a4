// Drafting a plan from its plain text: paragraphs, the announcing sentence, purposes,
// requirements, numbered task areas and the references each cites.
#include "danvan/import_text.hpp"

#include "danvan/error.hpp"
#include "danvan/references.hpp"
#include "danvan/text.hpp"

#include <algorithm>
#include <set>
#include <string>

namespace danvan {

namespace {

std::vector<std::string> paragraphs_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = squeeze_spaces(std::string_view(text).substr(start, end - start));
    if (!line.empty()) out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    if (c == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

std::string strip_final_period(std::string s) {
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  return s;
}

// Byte offset in `text` of the folded `needle` ("ban hanh"), matched on whole words; npos when
// absent. Works on the folded text, whose word boundaries are those of the original, by
// mapping folded words back to original byte offsets.
struct WordIndex {
  std::vector<std::string> folded;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // original byte spans
};

WordIndex index_words(const std::string& text) {
  WordIndex out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j > i) {
      out.folded.push_back(fold(std::string_view(text).substr(i, j - i)));
      out.spans.emplace_back(i, j);
    }
    i = j;
  }
  return out;
}

std::string trim_punct(std::string w) {
  while (!w.empty() && std::string_view(",.;:()\"").find(w.back()) != std::string_view::npos) {
    w.pop_back();
  }
  return w;
}

// Index of the first word of the phrase (folded words) in w, from `from`; npos when absent.
std::size_t find_phrase(const WordIndex& w, const std::vector<std::string_view>& phrase,
                        std::size_t from = 0) {
  for (std::size_t k = from; k + phrase.size() <= w.folded.size(); ++k) {
    bool ok = true;
    for (std::size_t m = 0; m < phrase.size() && ok; ++m) {
      ok = trim_punct(w.folded[k + m]) == phrase[m];
    }
    if (ok) return k;
  }
  return std::string::npos;
}

std::string slug(std::string_view text, std::size_t max = 60) {
  const std::string f = fold(text);
  std::string out;
  for (char c : f) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  if (out.size() > max) {
    // Cut at a word boundary.
    const std::size_t cut = out.rfind('-', max);
    out.resize(cut == std::string::npos || cut == 0 ? max : cut);
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

class Drafter {
 public:
  Drafter(std::string_view text, const ImportOptions& options)
      : text_(normalize_nfc(text)), options_(options) {}

  ImportResult run() {
    Plan& plan = result_.plan;
    if (options_.catalogue != nullptr) {
      for (const auto& is : options_.catalogue->issuers()) plan.catalogue.add_issuer(is);
    }
    const auto paragraphs = paragraphs_of(text_);
    // Body: from the first long paragraph to the last; header before, signature and noise after.
    std::size_t first = paragraphs.size();
    std::size_t last = 0;
    for (std::size_t k = 0; k < paragraphs.size(); ++k) {
      if (word_count(paragraphs[k]) >= 12) {
        first = std::min(first, k);
        last = k;
      }
    }
    if (first == paragraphs.size()) {
      note("body: no paragraph of running text found");
      first = last = 0;
    }
    header(paragraphs, first);
    if (last + 1 < paragraphs.size()) {
      const std::string& sig = paragraphs[last + 1];
      const std::size_t n = word_count(sig);
      if (n >= 2 && n <= 4 && sig.find(':') == std::string::npos) {
        source().author = sig;
      }
    }
    std::vector<std::string> body;
    if (!paragraphs.empty() && first < paragraphs.size()) {
      body.assign(paragraphs.begin() + static_cast<std::ptrdiff_t>(first),
                  paragraphs.begin() + static_cast<std::ptrdiff_t>(last + 1));
    }
    announcement(body);
    purposes_and_requirements(body);
    legal_bases(body);
    task_areas(body);

    if (plan.title.empty()) {
      plan.title = source().title;
      note("title: no \"ban hành Kế hoạch ...\" sentence; the page title is used");
    }
    if (plan.id.empty()) {
      plan.id = options_.id.empty() ? slug(plan.title.empty() ? "draft" : plan.title) : options_.id;
      if (plan.id.empty()) plan.id = "draft";
    }
    if (plan.campaign_year == 0) {
      if (plan.issue_date) {
        plan.campaign_year = plan.issue_date->year();
      } else if (source().published) {
        plan.campaign_year = source().published->year();
      }
      if (plan.campaign_year == 0) note("campaign_year: no year in the title or dates");
    }
    if (!plan.symbol) note("symbol: the text does not state the plan's number");
    if (!plan.issue_date) note("issue_date: the text does not state the date the plan was issued");
    note("milestones: not drafted; add the events the plan works toward by hand");
    note("task areas: lead and participating units are not drafted");
    source().note = "Drafted by danvan import-text from the plan's plain text; check every field.";
    return std::move(result_);
  }

 private:
  std::string text_;
  const ImportOptions& options_;
  ImportResult result_;

  void note(std::string s) { result_.undetermined.push_back(std::move(s)); }

  SourceInfo& source() {
    if (!result_.plan.source) result_.plan.source = SourceInfo{};
    return *result_.plan.source;
  }

  void header(const std::vector<std::string>& paragraphs, std::size_t body_start) {
    for (std::size_t k = 0; k < body_start && k < paragraphs.size(); ++k) {
      const std::string& p = paragraphs[k];
      if (source().title.empty()) source().title = p;
      // "(10/04/2020)" at the end of a header line: the publication date.
      const std::size_t open = p.rfind('(');
      if (open != std::string::npos && !p.empty() && p.back() == ')') {
        try {
          source().published = parse_partial_date(p.substr(open + 1, p.size() - open - 2));
        } catch (const ParseError&) {
        }
      }
    }
  }

  // "<issuer> (vừa) ban hành Kế hoạch [số ...] [ngày ...] <title>, với mục đích ..."
  void announcement(const std::vector<std::string>& body) {
    Plan& plan = result_.plan;
    for (const auto& p : body) {
      const WordIndex w = index_words(p);
      const std::size_t k = find_phrase(w, {"ban", "hanh", "ke", "hoach"});
      if (k == std::string::npos) continue;
      std::size_t issuer_end = k;
      if (issuer_end > 0 && w.folded[issuer_end - 1] == "vua") --issuer_end;
      // The issuer: from the sentence start to "vừa ban hành".
      std::size_t sentence = 0;
      for (std::size_t m = 0; m < issuer_end; ++m) {
        const std::string& raw = p.substr(w.spans[m].first, w.spans[m].second - w.spans[m].first);
        if (!raw.empty() && (raw.back() == '.' || raw.back() == ';')) sentence = m + 1;
      }
      if (issuer_end > sentence) {
        const std::size_t b = w.spans[sentence].first;
        const std::size_t e = w.spans[issuer_end - 1].second;
        set_issuer(p.substr(b, e - b));
      }
      // The title: from "Kế hoạch" to ", với" / ", nhằm" / the sentence end.
      const std::size_t tb = w.spans[k + 2].first;
      std::size_t te = p.size();
      for (const char* stop : {", với ", ", nhằm ", ". ", "; "}) {
        const std::size_t at = p.find(stop, tb);
        if (at != std::string::npos) te = std::min(te, at);
      }
      std::string title = strip_final_period(p.substr(tb, te - tb));
      // Number and date of the plan when the sentence gives them.
      auto refs = find_references(title);
      if (!refs.empty() && refs.front().span.byte_start == 0 &&
          refs.front().type == DocumentType::plan) {
        const Reference& r = refs.front();
        if (r.symbol) plan.symbol = r.symbol;
        if (r.date) plan.issue_date = r.date;
        // Keep "Kế hoạch" and the rest of the title, without the number and date.
        title = "Kế hoạch" + title.substr(r.span.byte_end);
      }
      plan.title = title;
      const WordIndex tw = index_words(title);
      for (const auto& f : tw.folded) {
        const std::string t = trim_punct(f);
        if (t.size() == 4 &&
            std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          const int y = std::stoi(t);
          if (y >= 1900 && y <= 2200) plan.campaign_year = y;
        }
      }
      if (find_phrase(tw, {"co", "quan", "hanh", "chinh"}) != std::string::npos) {
        plan.scope.push_back(UnitKind::administrative_agency);
      }
      if (find_phrase(tw, {"don", "vi", "su", "nghiep", "cong", "lap"}) != std::string::npos) {
        plan.scope.push_back(UnitKind::public_service_unit);
      }
      return;
    }
    note("issuer: no \"<issuer> ban hành Kế hoạch\" sentence names the issuer");
  }

  void set_issuer(const std::string& written) {
    Plan& plan = result_.plan;
    if (options_.catalogue != nullptr) {
      const auto ids = resolve_issuer(written, *options_.catalogue, ResolveContext{text_});
      if (ids.size() == 1) {
        plan.issuer_id = ids.front();
        return;
      }
      if (ids.size() > 1) {
        std::string list;
        for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
        note("issuer: \"" + written + "\" may be any of " + list + "; drafted as a new issuer");
      }
    }
    plan.issuer_id = ensure_issuer(written);
  }

  // An issuer drafted from its written name (id from the name), added once.
  std::string ensure_issuer(const std::string& written) {
    Plan& plan = result_.plan;
    std::string id = slug(written);
    if (id.empty()) id = "issuer";
    if (const Issuer* is = plan.catalogue.find_issuer(id)) {
      if (is->name == written) return id;
      id += "-draft";
      if (plan.catalogue.find_issuer(id) != nullptr) return id;
    }
    Issuer is;
    is.id = id;
    is.name = written;
    plan.catalogue.add_issuer(std::move(is));
    return id;
  }

  void purposes_and_requirements(const std::vector<std::string>& body) {
    Plan& plan = result_.plan;
    bool in_purposes = false;
    for (const auto& p : body) {
      if (numbered(p) > 0) {
        in_purposes = false;
        continue;
      }
      const WordIndex w = index_words(p);
      const std::size_t md = find_phrase(w, {"muc", "dich"});
      if (md != std::string::npos && plan.purposes.empty()) {
        std::size_t k = md + 2;
        if (k < w.folded.size() && (w.folded[k] == "nham" || w.folded[k] == "la")) ++k;
        if (k < w.folded.size()) {
          plan.purposes.push_back(strip_final_period(p.substr(w.spans[k].first)));
          in_purposes = true;
        }
        continue;
      }
      if (in_purposes && w.folded.size() > 2 && w.folded[0] == "dong" && w.folded[1] == "thoi,") {
        plan.purposes.push_back(strip_final_period(p.substr(w.spans[2].first)));
        continue;
      }
      in_purposes = false;
      const std::size_t yc = find_phrase(w, {"yeu", "cau"});
      if (yc != std::string::npos && yc + 2 < w.folded.size()) {
        std::size_t k = yc + 2;
        if (w.folded[k] == "la" || w.folded[k] == ":") ++k;
        if (k < w.folded.size())
          plan.requirements.push_back(strip_final_period(p.substr(w.spans[k].first)));
      }
    }
    if (plan.purposes.empty()) note("purposes: no \"mục đích\" found");
    if (plan.requirements.empty()) note("requirements: no \"yêu cầu\" found");
  }

  static int numbered(const std::string& p) {
    std::size_t i = 0;
    while (i < p.size() && i < 3 && p[i] >= '0' && p[i] <= '9') ++i;
    if (i == 0 || i + 1 >= p.size() || (p[i] != '.' && p[i] != ')') || p[i + 1] != ' ') return 0;
    return std::stoi(p.substr(0, i));
  }

  std::vector<Citation> citations(const std::string& text, const std::string& where) {
    std::vector<Citation> out;
    auto refs = find_references(text);
    if (options_.catalogue != nullptr) {
      resolve_references(refs, *options_.catalogue, ResolveContext{text_});
    }
    for (const auto& r : refs) {
      if (r.status == ResolutionStatus::ambiguous) {
        std::string list;
        for (const auto& id : r.candidate_ids) list += (list.empty() ? "" : ", ") + id;
        note(where + ": \"" + r.surface + "\" may be any of " + list + "; not cited");
        continue;
      }
      std::string id = r.resolved_id ? copy_instrument(*r.resolved_id) : draft_instrument(r);
      out.push_back(Citation{id, r.surface});
    }
    return out;
  }

  std::string copy_instrument(const std::string& id) {
    Plan& plan = result_.plan;
    if (plan.catalogue.find_instrument(id) == nullptr) {
      plan.catalogue.add_instrument(options_.catalogue->instrument(id));
    }
    return id;
  }

  std::string draft_instrument(const Reference& r) {
    Plan& plan = result_.plan;
    Instrument in;
    in.type = r.type;
    in.number = r.number;
    in.symbol = r.symbol;
    if (in.symbol) in.symbol->surface.clear();
    in.family = r.symbol ? r.symbol->family
                : (r.type == DocumentType::law || r.type == DocumentType::code_of_law ||
                   r.type == DocumentType::constitution)
                    ? DocumentFamily::legal
                    : DocumentFamily::state;
    in.date = r.date;
    if (!in.date && r.year) in.date = PartialDate(*r.year);
    in.term = r.term;
    in.period = r.period;
    if (r.name) in.title = r.name;
    if (!r.issuer_ids.empty()) {
      in.issuer_ids = r.issuer_ids;
    } else if (r.issuer) {
      std::size_t start = 0;
      const std::string& w = *r.issuer;
      while (true) {
        const std::size_t k = w.find(" và ", start);
        const std::string part =
            w.substr(start, k == std::string::npos ? std::string::npos : k - start);
        const std::string id = ensure_issuer(part);
        if (std::find(in.issuer_ids.begin(), in.issuer_ids.end(), id) == in.issuer_ids.end()) {
          in.issuer_ids.push_back(id);
        }
        if (k == std::string::npos) break;
        start = k + std::string_view(" và ").size();
      }
    } else if (r.symbol && !r.symbol->issuers.empty()) {
      std::string codes;
      for (const auto& c : r.symbol->issuers) codes += (codes.empty() ? "" : "-") + c;
      in.issuer_ids.push_back(ensure_issuer(codes));
    } else {
      in.issuer_ids.push_back(ensure_issuer("Chưa xác định"));
      note("\"" + r.surface + "\": issuer not stated");
    }
    std::string base = slug(std::string(info(r.type).slug) + "-" + r.number.value_or("") + "-" +
                            (r.issuer ? *r.issuer : r.name.value_or("")));
    if (base.empty()) base = "instrument";
    std::string id = base;
    for (int n = 2; plan.catalogue.find_instrument(id) != nullptr; ++n) {
      const Instrument& existing = plan.catalogue.instrument(id);
      if (existing.type == in.type && existing.number == in.number &&
          existing.issuer_ids == in.issuer_ids) {
        return id;
      }
      id = base + "-" + std::to_string(n);
    }
    in.id = id;
    try {
      plan.catalogue.add_instrument(in);
    } catch (const ValueError& e) {
      note("\"" + r.surface + "\": could not be drafted as an instrument: " + e.what());
      return id;
    }
    return id;
  }

  void legal_bases(const std::vector<std::string>& body) {
    for (const auto& p : body) {
      const WordIndex w = index_words(p);
      if (w.folded.size() > 2 && w.folded[0] == "can" && w.folded[1] == "cu") {
        for (auto& c : citations(p, "legal bases")) result_.plan.legal_bases.push_back(c);
      }
    }
    if (result_.plan.legal_bases.empty()) note("legal_bases: no \"Căn cứ\" paragraph");
  }

  void task_areas(const std::vector<std::string>& body) {
    Plan& plan = result_.plan;
    for (const auto& p : body) {
      const int n = numbered(p);
      if (n == 0) continue;
      if (n != static_cast<int>(plan.task_areas.size()) + 1) {
        note("task areas: paragraph numbered " + std::to_string(n) + " out of sequence; skipped");
        continue;
      }
      TaskArea t;
      t.number = n;
      t.text = p.substr(p.find(' ') + 1);
      t.citations = citations(t.text, "task area " + std::to_string(n));
      plan.task_areas.push_back(std::move(t));
    }
    if (plan.task_areas.empty()) note("task_areas: no numbered paragraphs found");
  }
};

}  // namespace

ImportResult import_plan_text(std::string_view text, const ImportOptions& options) {
  return Drafter(text, options).run();
}

}  // namespace danvan
