// Drafting a plan from its plain text: paragraphs, the announcing sentence, purposes,
// requirements, numbered task areas and the references each cites.
#include "danvan/import_text.hpp"

#include "danvan/error.hpp"
#include "danvan/references.hpp"
#include "danvan/text.hpp"

#include "references/plan_text.hpp"

#include <algorithm>
#include <cstdio>
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
    if (formal()) {
      if (plan.scope.empty()) scope_from(plan.title);
      finish();
      return std::move(result_);
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
    if (!plan.period) {
      const int year = plan.issue_date      ? plan.issue_date->year()
                       : source().published ? source().published->year()
                                            : 0;
      if (year != 0) {
        plan.period = PlanPeriod::year(year);
        note("period: no year in the title; the year of the " +
             std::string(plan.issue_date ? "issue date" : "publication date") + " is used");
      } else {
        note("period: no year in the title or dates");
      }
    }
    finish();
    source().note = "Drafted by danvan import-text from the plan's plain text; check every field.";
    return std::move(result_);
  }

 private:
  std::string text_;
  const ImportOptions& options_;
  ImportResult result_;

  void note(std::string s) { result_.undetermined.push_back(std::move(s)); }

  void finish() {
    Plan& plan = result_.plan;
    if (plan.id.empty()) {
      plan.id = options_.id.empty() ? slug(plan.title.empty() ? "draft" : plan.title) : options_.id;
      if (plan.id.empty()) plan.id = "draft";
    }
    if (!plan.symbol &&
        std::none_of(result_.undetermined.begin(), result_.undetermined.end(),
                     [](const std::string& n) { return n.rfind("symbol:", 0) == 0; })) {
      note("symbol: the text does not state the plan's number");
    }
    if (!plan.issue_date) note("issue_date: the text does not state the date the plan was issued");
    note("milestones: not drafted; add the events the plan works toward by hand");
    note("task areas: lead and participating units are not drafted");
  }

  void scope_from(const std::string& title) {
    const WordIndex tw = index_words(title);
    if (find_phrase(tw, {"co", "quan", "hanh", "chinh"}) != std::string::npos) {
      result_.plan.scope.push_back(UnitKind::administrative_agency);
    }
    if (find_phrase(tw, {"don", "vi", "su", "nghiep", "cong", "lap"}) != std::string::npos) {
      result_.plan.scope.push_back(UnitKind::public_service_unit);
    }
  }

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
      std::vector<std::pair<std::size_t, std::size_t>> skip;
      for (const auto& r : find_references(title)) {
        skip.emplace_back(r.span.byte_start, r.span.byte_end);
      }
      plan.period = detail::find_period(title, skip);
      if (!plan.period) {
        // A bare year in the title ("Năm dân vận khéo" 2020).
        const WordIndex tw = index_words(title);
        for (const auto& f : tw.folded) {
          const std::string t = trim_punct(f);
          if (t.size() == 4 &&
              std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            const int y = std::stoi(t);
            if (y >= 1900 && y <= 2200) plan.period = PlanPeriod{PartialDate(y), PartialDate(y), t};
          }
        }
      }
      scope_from(title);
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
      if (!id.empty()) out.push_back(Citation{id, r.surface});
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
      return "";
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

  // ---- Official documents (header block, sections by their headings)

  // Where the type word ("KẾ HOẠCH") stands: a line of its own, in upper case, near the top.
  static bool find_type_line(const std::vector<detail::TextBlock>& blocks, std::size_t& block,
                             std::size_t& line, DocumentType& type) {
    for (std::size_t b = 0; b < blocks.size() && b < 40; ++b) {
      if (blocks[b].is_table) continue;
      for (std::size_t l = 0; l < blocks[b].lines.size(); ++l) {
        const std::string& t = blocks[b].lines[l];
        if (t.size() > 40 || !detail::is_upper_case(t)) continue;
        if (const auto ty = type_from_name(t)) {
          block = b;
          line = l;
          type = *ty;
          return true;
        }
      }
    }
    return false;
  }

  enum class Kind : std::uint8_t {
    none,
    purposes_requirements,
    purposes,
    requirements,
    targets,
    tasks,
    organisation,
    funding,
    reporting,
    period
  };

  static Kind heading_kind(const std::string& text) {
    std::string f = fold(text);
    const std::size_t words = word_count(f);
    const std::size_t colon = f.find(':');
    if (words > 14 && colon == std::string::npos) return Kind::none;
    if (colon != std::string::npos) f = f.substr(0, colon);
    if (word_count(f) > 14) return Kind::none;
    while (!f.empty() && std::string_view(" .;,").find(f.back()) != std::string_view::npos) {
      f.pop_back();
    }
    const auto starts = [&](std::string_view p) {
      return f.rfind(p, 0) == 0 && (f.size() == p.size() || f[p.size()] == ' ' ||
                                    f[p.size()] == ',' || f[p.size()] == '.');
    };
    for (const std::string_view p :
         {"muc dich, yeu cau", "muc dich va yeu cau", "muc dich - yeu cau", "muc dich yeu cau",
          "muc dich, y nghia va yeu cau"}) {
      if (starts(p)) return Kind::purposes_requirements;
    }
    if (starts("muc dich")) return Kind::purposes;
    if (starts("yeu cau")) return Kind::requirements;
    if (starts("muc tieu") || starts("chi tieu") || starts("cac chi tieu")) return Kind::targets;
    for (const std::string_view p :
         {"to chuc thuc hien", "to chuc trien khai", "trach nhiem thuc hien", "phan cong nhiem vu",
          "phan cong trach nhiem", "phan cong thuc hien", "trach nhiem cua cac", "trach nhiem"}) {
      if (starts(p)) return Kind::organisation;
    }
    for (const std::string_view p :
         {"kinh phi", "nguon kinh phi", "nguon von", "kinh phi thuc hien"}) {
      if (starts(p)) return Kind::funding;
    }
    for (const std::string_view p : {"che do bao cao", "che do thong tin", "thong tin bao cao",
                                     "thong tin, bao cao", "bao cao", "cong tac bao cao"}) {
      if (starts(p)) return Kind::reporting;
    }
    if (starts("thoi gian thuc hien") || starts("thoi gian") || starts("tien do thuc hien")) {
      return Kind::period;
    }
    for (const std::string_view p :
         {"nhiem vu", "cac nhiem vu", "giai phap", "cac giai phap", "noi dung", "cac noi dung",
          "nhung nhiem vu", "hoat dong", "cac hoat dong", "nhiem vu trong tam"}) {
      if (starts(p)) return Kind::tasks;
    }
    return Kind::none;
  }

  struct Node {
    int level = 0;
    detail::MarkerStyle style = detail::MarkerStyle::none;
    std::string label;
    std::string text;  // without the label
    bool heading = false;
    Kind kind = Kind::none;
  };

  static bool is_item(const Node& n) { return n.style != detail::MarkerStyle::none; }

  // The nodes a heading governs: those after it up to the next heading or item at its level or
  // above.
  static std::size_t extent_end(const std::vector<Node>& nodes, std::size_t h) {
    std::size_t e = h + 1;
    while (e < nodes.size()) {
      const Node& n = nodes[e];
      if (n.level < nodes[h].level) break;
      if (n.level == nodes[h].level && (is_item(n) || n.heading)) break;
      ++e;
    }
    return e;
  }

  // The items directly under a heading: the items of the shallowest level in its extent, or,
  // when there are none, its paragraphs.
  static std::vector<std::size_t> direct_items(const std::vector<Node>& nodes, std::size_t h) {
    const std::size_t e = extent_end(nodes, h);
    int min_level = 1 << 20;
    for (std::size_t k = h + 1; k < e; ++k) {
      if (is_item(nodes[k])) min_level = std::min(min_level, nodes[k].level);
    }
    std::vector<std::size_t> out;
    for (std::size_t k = h + 1; k < e; ++k) {
      if (is_item(nodes[k]) ? nodes[k].level == min_level
                            : (min_level == (1 << 20) && nodes[k].level <= nodes[h].level + 1)) {
        out.push_back(k);
      }
    }
    return out;
  }

  // The text of a node and everything under it.
  static std::vector<std::string> subtree(const std::vector<Node>& nodes, std::size_t k) {
    std::vector<std::string> out;
    const std::size_t e = is_item(nodes[k]) || nodes[k].heading ? extent_end(nodes, k) : k + 1;
    for (std::size_t m = k + 1; m < e; ++m) {
      out.push_back(nodes[m].label.empty() ? nodes[m].text : nodes[m].label + " " + nodes[m].text);
    }
    return out;
  }

  // The text after "Mục đích:" in a heading that carries its content inline.
  static std::string inline_content(const std::string& text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string::npos) return {};
    std::string rest = squeeze_spaces(std::string_view(text).substr(colon + 1));
    return word_count(rest) >= 3 ? rest : std::string();
  }

  // Items of a section, sub-sections of the same kind summed ("Mục tiêu chung", "Mục tiêu cụ
  // thể" under "MỤC TIÊU").
  std::vector<std::string> section_items(const std::vector<Node>& nodes, std::size_t h,
                                         int depth = 0) {
    std::vector<std::string> out;
    const std::string inline_text = inline_content(nodes[h].text);
    if (!inline_text.empty()) out.push_back(strip_final_period(inline_text));
    // An item that is a sub-heading ("2. Mục tiêu cụ thể", then a) b) c)) counts by its items.
    for (const std::size_t k : direct_items(nodes, h)) {
      const std::string& t = nodes[k].text;
      const bool sub_heading =
          depth == 0 && is_item(nodes[k]) && inline_content(t).empty() && word_count(t) <= 12 &&
          !t.empty() && t.back() != '.' && t.back() != ';' && t.back() != ':' &&
          !direct_items(nodes, k).empty() && is_item(nodes[direct_items(nodes, k).front()]);
      if (sub_heading) {
        for (auto& s : section_items(nodes, k, depth + 1)) out.push_back(std::move(s));
      } else {
        out.push_back(strip_final_period(t));
      }
    }
    return out;
  }

  // The first heading of a kind, at the shallowest level it occurs; npos when none.
  static std::size_t find_section(const std::vector<Node>& nodes, Kind kind) {
    std::size_t best = std::string::npos;
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      if (nodes[k].kind != kind) continue;
      if (best == std::string::npos || nodes[k].level < nodes[best].level) best = k;
    }
    return best;
  }

  static bool looks_like_unit(const std::string& text) {
    static constexpr std::string_view starts[] = {
        "so ",       "ban ",           "uy ban",       "ubnd",        "cong an",
        "bo ",       "van phong",      "cac so",       "cac co quan", "cac don vi",
        "cac ban",   "cac dia phuong", "hoi ",         "doan ",       "lien doan",
        "mat tran",  "dai ",           "bao ",         "trung tam",   "cuc ",
        "chi cuc",   "bo chi huy",     "thanh tra",    "kho bac",     "ngan hang",
        "toa an",    "vien ",          "truong ",      "buu dien",    "hoi dong",
        "tinh doan", "thanh doan",     "co quan",      "thu truong",  "giam doc",
        "chu tich",  "lien minh",      "phong ",       "dang uy",     "doanh nghiep",
        "bao hiem",  "cong ty",        "tong cong ty", "ubmttq",      "hdnd",
        "lien hiep", "ban quan ly",    "cac hoi",      "cac to chuc", "cac xa",
        "ubnd cac",  "nguoi dung dau", "cac bo",       "bo truong",   "vien kiem sat",
        "cuc thue",  "kbnn",           "cac nganh",    "cac tinh",    "chi nhanh"};
    std::string f = fold(text);
    for (const std::string_view p : {"giao ", "de nghi ", "yeu cau "}) {
      if (f.rfind(p, 0) == 0) f = f.substr(p.size());
    }
    return std::any_of(std::begin(starts), std::end(starts),
                       [&](std::string_view p) { return f.rfind(p, 0) == 0; });
  }

  // "Sở Nội vụ: chủ trì ..." -> ("Sở Nội vụ", "chủ trì ..."); the unit ends at ':' or at the
  // first verb of duty.
  static std::pair<std::string, std::string> split_unit(const std::string& text) {
    std::string t = text;
    for (const std::string_view p : {"Giao ", "Đề nghị ", "Yêu cầu "}) {
      if (t.rfind(p, 0) == 0) t = t.substr(p.size());
    }
    const std::size_t colon = t.find(':');
    if (colon != std::string::npos && word_count(t.substr(0, colon)) <= 25) {
      return {strip_final_period(squeeze_spaces(t.substr(0, colon))),
              squeeze_spaces(std::string_view(t).substr(colon + 1))};
    }
    const WordIndex w = index_words(t);
    for (std::size_t k = 1; k < w.folded.size() && k < 25; ++k) {
      const std::string f = trim_punct(w.folded[k]);
      const std::string n = k + 1 < w.folded.size() ? trim_punct(w.folded[k + 1]) : "";
      const bool verb = (f == "chu" && n == "tri") || (f == "phoi" && n == "hop") ||
                        (f == "tham" && n == "muu") || (f == "co" && n == "trach") ||
                        (f == "chiu" && n == "trach") || (f == "can" && n == "cu") ||
                        (f == "theo" && n == "chuc") || (f == "la" && n == "co") ||
                        (f == "thuc" && n == "hien") || (f == "to" && n == "chuc") ||
                        (f == "trien" && n == "khai") || (f == "chi" && n == "dao") ||
                        (f == "huong" && n == "dan") || (f == "tang" && n == "cuong") ||
                        (f == "theo" && n == "doi") || (f == "xay" && n == "dung") ||
                        (f == "bo" && n == "tri") || (f == "trong" && n == "pham") ||
                        (f == "nghien" && n == "cuu") || (f == "ra" && n == "soat") ||
                        (f == "khan" && n == "truong") || (f == "bang" && n == "nhieu") ||
                        (f == "phu" && n == "trach") || (f == "dam" && n == "bao") ||
                        (f == "bao" && n == "dam") || (f == "tiep" && n == "tuc") ||
                        (f == "chu" && n == "dong") || (f == "tap" && n == "trung") ||
                        (f == "day" && n == "manh") || (f == "tham" && n == "gia") ||
                        (f == "giup" && n == "thu") || (f == "huong" && n == "dan");
      if (verb) {
        std::string unit = t.substr(0, w.spans[k].first);
        while (!unit.empty() && (unit.back() == ' ' || unit.back() == ',')) unit.pop_back();
        return {unit, t.substr(w.spans[k].first)};
      }
    }
    if (word_count(t) <= 15) return {strip_final_period(t), ""};
    return {"", t};
  }

  static DutyRole role_of(const std::string& text) {
    const std::string f = fold(text);
    std::size_t lead = std::string::npos;
    for (const std::string_view p : {"chu tri", "tham muu", "dau moi", "co quan thuong truc"}) {
      lead = std::min(lead, f.find(p));
    }
    const std::size_t coord = f.find("phoi hop");
    if (lead == std::string::npos && coord == std::string::npos) return DutyRole::unspecified;
    return lead < coord ? DutyRole::lead : DutyRole::coordinate;
  }

  // "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội", "Viện kiểm sát
  // nhân dân thành phố, Tòa án nhân dân thành phố": one unit per part.
  static std::vector<std::string> joint_units(const std::string& unit) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    std::size_t k = 0;
    while (k < unit.size()) {
      std::size_t sep = std::string::npos;
      std::size_t len = 0;
      for (const std::string_view s :
           {std::string_view(" và "), std::string_view(", "), std::string_view("; ")}) {
        const std::size_t at = unit.find(s, k);
        if (at != std::string::npos && at < sep) {
          sep = at;
          len = s.size();
        }
      }
      if (sep == std::string::npos) break;
      const std::string next = unit.substr(sep + len);
      const std::size_t after = sep + len;
      const bool capital = !next.empty() && detail::is_upper_case(next.substr(0, next.find(' ')));
      const bool splits = looks_like_unit(next) && (unit.compare(sep, len, " và ") == 0 ||
                                                    unit.compare(sep, len, "; ") == 0 || capital);
      if (splits) {
        parts.push_back(unit.substr(start, sep - start));
        start = after;
      }
      k = after;
    }
    parts.push_back(unit.substr(start));
    return parts;
  }

  void add_duty(const std::vector<Node>& nodes, std::size_t k) {
    const auto [unit, own] = split_unit(nodes[k].text);
    if (unit.empty() || !looks_like_unit(unit)) return;
    std::string text = own;
    for (const auto& s : subtree(nodes, k)) text += (text.empty() ? "" : "\n") + s;
    for (const auto& part : joint_units(unit)) {
      Duty d;
      d.unit = strip_final_period(squeeze_spaces(part));
      if (d.unit.empty()) continue;
      d.text = text;
      d.role = role_of(text);
      result_.plan.duties.push_back(std::move(d));
    }
  }

  static Signature signature_of(const std::vector<std::string>& lines) {
    Signature s;
    std::size_t k = 0;
    std::vector<std::string> authority;
    for (; k < lines.size(); ++k) {
      const std::string t = squeeze_spaces(lines[k]);
      const std::string f = fold(t);
      bool auth = false;
      for (const std::string_view p : {"tm.", "kt.", "tl.", "tuq.", "q.", "t/m", "tm ", "kt "}) {
        if (f.rfind(p, 0) == 0) auth = true;
      }
      if (!auth) break;
      authority.push_back(t);
    }
    for (const auto& a : authority) s.authority += (s.authority.empty() ? "" : " ") + a;
    for (; k < lines.size(); ++k) {
      const std::string t = squeeze_spaces(lines[k]);
      if (t.empty()) continue;
      const std::string f = fold(t);
      if (f.find("da ky") != std::string::npos || f.find("daky") != std::string::npos ||
          t[0] == '(' || t[0] == '[') {
        continue;
      }
      if (s.title.empty() && detail::is_upper_case(t)) {
        s.title = t;
        continue;
      }
      if (!detail::is_upper_case(t) && word_count(t) >= 2 && word_count(t) <= 6 &&
          t.find_first_of("0123456789:;") == std::string::npos) {
        s.name = t;
        break;
      }
    }
    return s;
  }

  void recipients_from(const std::vector<std::string>& lines, std::size_t from) {
    auto& out = result_.plan.recipients;
    for (std::size_t k = from; k < lines.size(); ++k) {
      std::string t = squeeze_spaces(lines[k]);
      if (t.empty()) continue;
      const detail::Marker m = detail::item_marker(t);
      if (m.style == detail::MarkerStyle::dash || m.style == detail::MarkerStyle::plus ||
          m.style == detail::MarkerStyle::bullet) {
        out.push_back(t.substr(m.text_start));
      } else if (!out.empty()) {
        out.back() += " " + t;
      }
    }
    for (auto& r : out) {
      while (!r.empty() &&
             (r.back() == ';' || r.back() == '.' || r.back() == ',' || r.back() == ' ')) {
        r.pop_back();
      }
    }
  }

  // Sentences (and clauses after ';') of a paragraph.
  static std::vector<std::string> sentences(const std::string& t) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < t.size()) {
      std::size_t end = t.find_first_of(".;", start);
      while (end != std::string::npos && end + 1 < t.size() && t[end + 1] != ' ') {
        end = t.find_first_of(".;", end + 1);
      }
      if (end == std::string::npos) end = t.size();
      std::string s = squeeze_spaces(std::string_view(t).substr(start, end - start));
      if (!s.empty()) out.push_back(std::move(s));
      start = end + 1;
    }
    return out;
  }

  static bool starts_preamble(const std::string& text) {
    const std::string f = fold(text);
    for (const std::string_view p : {"can cu", "thuc hien", "theo de nghi", "xet de nghi",
                                     "trien khai", "kinh gui", "tren co so", "theo chi dao"}) {
      if (f.rfind(p, 0) == 0) return true;
    }
    return false;
  }

  bool formal() {
    const auto blocks = detail::text_blocks(text_);
    std::size_t tb = 0;
    std::size_t tl = 0;
    DocumentType type = DocumentType::plan;
    if (!find_type_line(blocks, tb, tl, type)) return false;
    Plan& plan = result_.plan;
    plan.document_type = type;
    // Header.
    std::vector<std::string> header_lines;
    for (std::size_t b = 0; b < tb; ++b) {
      if (blocks[b].is_table) {
        for (const auto& row : blocks[b].cells) {
          for (const auto& cell : row)
            header_lines.insert(header_lines.end(), cell.begin(), cell.end());
        }
      } else {
        header_lines.insert(header_lines.end(), blocks[b].lines.begin(), blocks[b].lines.end());
      }
    }
    header_lines.insert(header_lines.end(), blocks[tb].lines.begin(),
                        blocks[tb].lines.begin() + static_cast<std::ptrdiff_t>(tl));
    const detail::HeaderFacts h = detail::read_header(header_lines);
    plan.issuer_header = h.issuer_lines;
    plan.place = h.place;
    if (h.symbol_text && !h.symbol_text->empty()) {
      plan.symbol = try_parse_symbol(*h.symbol_text,
                                     h.party ? std::optional(DocumentFamily::party) : std::nullopt);
      if (plan.symbol) {
        plan.symbol->surface.clear();
      } else {
        note("symbol: \"" + *h.symbol_text + "\" in the header is not a document symbol");
      }
    } else if (h.symbol_text) {
      note("symbol: the header leaves the number blank");
    }
    if (h.date_text) {
      try {
        plan.issue_date = parse_partial_date(*h.date_text);
      } catch (const ParseError&) {
        note("issue_date: \"" + *h.date_text + "\" in the header is not a full date");
      }
    }
    const std::string issuer = detail::issuer_name(h.issuer_lines);
    if (!issuer.empty()) set_issuer(issuer);
    // Title: the lines after the type word, and the upper-case lines right below them.
    std::size_t b = tb + 1;
    std::string title;
    for (std::size_t l = tl + 1; l < blocks[tb].lines.size(); ++l) {
      title += (title.empty() ? "" : " ") + blocks[tb].lines[l];
    }
    if (title.empty() && b < blocks.size() && !blocks[b].is_table &&
        (!starts_preamble(blocks[b].text) || detail::is_upper_case(blocks[b].text)) &&
        detail::item_marker(blocks[b].text).style == detail::MarkerStyle::none) {
      title = blocks[b].text;
      ++b;
    }
    while (!title.empty() && b < blocks.size() && !blocks[b].is_table && !blocks[b].after_blank &&
           detail::is_upper_case(blocks[b].text) && detail::is_upper_case(title) &&
           detail::item_marker(blocks[b].text).style == detail::MarkerStyle::none) {
      title += " " + blocks[b].text;
      ++b;
    }
    plan.title = squeeze_spaces(title);
    // Preamble: up to the first section heading.
    std::size_t body_at = blocks.size();
    for (std::size_t k = b; k < blocks.size(); ++k) {
      if (blocks[k].is_table) continue;
      const std::string& t = blocks[k].text;
      const detail::Marker m = detail::item_marker(t);
      const bool heading =
          m.style == detail::MarkerStyle::roman || m.style == detail::MarkerStyle::upper_alpha ||
          m.style == detail::MarkerStyle::article ||
          (m.style == detail::MarkerStyle::arabic &&
           (blocks[k].bold || detail::is_upper_case(t))) ||
          (heading_kind(m.style == detail::MarkerStyle::none ? t : t.substr(m.text_start)) !=
               Kind::none &&
           (blocks[k].bold || m.style != detail::MarkerStyle::none)) ||
          (detail::is_upper_case(t) && t.back() == ':' &&
           type_from_name(t.substr(0, t.size() - 1)));
      if (heading) {
        body_at = k;
        break;
      }
    }
    if (body_at == blocks.size()) {
      // No heading: the preamble is the run of "Căn cứ ..." paragraphs.
      body_at = b;
      while (body_at < blocks.size() &&
             (blocks[body_at].is_table || starts_preamble(blocks[body_at].text)))
        ++body_at;
    }
    std::string preamble;
    for (std::size_t k = b; k < body_at; ++k) {
      if (!blocks[k].is_table) preamble += (preamble.empty() ? "" : "\n") + blocks[k].text;
    }
    formal_bases(preamble);
    // Period: the title, else the sentence that issues the plan.
    {
      std::vector<std::pair<std::size_t, std::size_t>> skip;
      for (const auto& r : find_references(plan.title))
        skip.emplace_back(r.span.byte_start, r.span.byte_end);
      plan.period = detail::find_period(plan.title, skip);
      if (!plan.period) {
        for (std::size_t k = b; k < body_at && !plan.period; ++k) {
          const std::string& t = blocks[k].text;
          const WordIndex w = index_words(t);
          const std::size_t at = find_phrase(w, {"ban", "hanh", "ke", "hoach"});
          if (at == std::string::npos) continue;
          std::string rest = t.substr(w.spans[at].first);
          const std::size_t stop = rest.find_first_of(":.");
          if (stop != std::string::npos) rest.resize(stop);
          skip.clear();
          for (const auto& r : find_references(rest))
            skip.emplace_back(r.span.byte_start, r.span.byte_end);
          plan.period = detail::find_period(rest, skip);
        }
      }
    }
    // Body, signature, recipients, annexes.
    std::vector<Node> nodes;
    std::vector<detail::MarkerStyle> stack;
    enum class Mode : std::uint8_t { body, recipients, annex } mode = Mode::body;
    bool signed_once = false;
    for (std::size_t k = body_at; k < blocks.size(); ++k) {
      const detail::TextBlock& blk = blocks[k];
      if (blk.is_table) {
        // The signature table: "Nơi nhận" in one cell, the signature in another.
        bool signature_table = false;
        for (const auto& row : blk.cells) {
          for (const auto& cell : row) {
            if (!cell.empty() && fold(cell.front()).rfind("noi nhan", 0) == 0)
              signature_table = true;
          }
        }
        if (signature_table) {
          for (const auto& row : blk.cells) {
            for (const auto& cell : row) {
              if (cell.empty()) continue;
              if (fold(cell.front()).rfind("noi nhan", 0) == 0) {
                if (!signed_once) {
                  std::vector<std::string> lines = cell;
                  const std::size_t colon = lines.front().find(':');
                  if (colon != std::string::npos && colon + 1 < lines.front().size()) {
                    lines.front() = lines.front().substr(colon + 1);
                    recipients_from(lines, 0);
                  } else {
                    recipients_from(lines, 1);
                  }
                }
              } else if (!signed_once) {
                const Signature s = signature_of(cell);
                if (!s.name.empty() || !s.title.empty()) plan.signature = s;
              }
            }
          }
          signed_once = true;
          mode = Mode::body;
          continue;
        }
        if (!signed_once && mode == Mode::body && !plan.signature) {
          // A signature block alone in a table.
          for (const auto& row : blk.cells) {
            for (const auto& cell : row) {
              if (cell.empty()) continue;
              const Signature s = signature_of(cell);
              if (!s.authority.empty() && !s.name.empty()) plan.signature = s;
            }
          }
          if (plan.signature) continue;
        }
        if (mode == Mode::annex && !plan.annexes.empty()) {
          plan.annexes.back().tables.push_back(blk.table);
        } else {
          std::string rows;
          for (const auto& row : blk.table.rows) {
            std::string r;
            for (const auto& c : row) r += (r.empty() ? "" : " | ") + c;
            rows += (rows.empty() ? "" : "\n") + r;
          }
          nodes.push_back(Node{static_cast<int>(stack.size()), detail::MarkerStyle::none, "|", rows,
                               false, Kind::none});
        }
        continue;
      }
      const std::string& t = blk.text;
      const std::string f = fold(t);
      if (f.rfind("noi nhan", 0) == 0) {
        if (!signed_once) {
          const std::size_t colon = t.find(':');
          std::vector<std::string> lines = blk.lines;
          if (colon != std::string::npos && colon + 1 < lines.front().size()) {
            lines.front() = lines.front().substr(lines.front().find(':') + 1);
            recipients_from(lines, 0);
          } else {
            recipients_from(lines, 1);
          }
        }
        mode = Mode::recipients;
        continue;
      }
      if (mode == Mode::recipients) {
        const detail::Marker m = detail::item_marker(t);
        if (m.style == detail::MarkerStyle::dash || m.style == detail::MarkerStyle::plus) {
          if (!signed_once) recipients_from(blk.lines, 0);
          continue;
        }
        // The signature after the recipients.
        std::vector<std::string> lines;
        std::size_t m2 = k;
        for (; m2 < blocks.size() && m2 < k + 6 && !blocks[m2].is_table; ++m2) {
          const std::string& x = blocks[m2].text;
          if (word_count(x) > 8 || fold(x).rfind("phu luc", 0) == 0) break;
          lines.insert(lines.end(), blocks[m2].lines.begin(), blocks[m2].lines.end());
        }
        if (!signed_once) {
          const Signature s = signature_of(lines);
          if (!s.name.empty() || !s.title.empty()) plan.signature = s;
        }
        signed_once = true;
        mode = Mode::body;
        k = m2 - 1;
        if (m2 == k + 1 && lines.empty()) k = m2;  // nothing consumed: read it as body
        continue;
      }
      // An annex: "PHỤ LỤC I" (or "Mẫu biểu số 01") alone on its line, and its title below; or,
      // after the signature, a document of its own (the plan a decision issues).
      const bool annex_word = f.rfind("phu luc", 0) == 0 || f.rfind("mau bieu", 0) == 0 ||
                              f.rfind("bieu so", 0) == 0 || f.rfind("mau so", 0) == 0;
      if (signed_once && mode != Mode::annex && word_count(t) <= 4 && detail::is_upper_case(t) &&
          type_from_name(t)) {
        Annex a;
        a.title = t;
        if (k + 1 < blocks.size() && !blocks[k + 1].is_table &&
            detail::is_upper_case(blocks[k + 1].text)) {
          a.title += " " + blocks[k + 1].text;
          ++k;
        }
        plan.annexes.push_back(std::move(a));
        continue;  // its sections are read as the body
      }
      if (annex_word && word_count(t) <= 14 && (blk.bold || detail::is_upper_case(t))) {
        Annex a;
        a.title = t;
        if (k + 1 < blocks.size() && !blocks[k + 1].is_table &&
            detail::is_upper_case(blocks[k + 1].text)) {
          a.title += ": " + blocks[k + 1].text;
          ++k;
        }
        plan.annexes.push_back(std::move(a));
        mode = Mode::annex;
        continue;
      }
      if (mode == Mode::annex) continue;
      if (signed_once && !plan.signature) {
        // (A signature without "Nơi nhận" is read above; nothing to do here.)
      }
      if (!signed_once && !plan.signature) {
        const Signature s = signature_of(blk.lines);
        if (!s.authority.empty() && !s.name.empty()) {
          plan.signature = s;
          continue;
        }
      }
      Node n;
      const detail::Marker m = detail::item_marker(t);
      n.style = m.style;
      n.label = m.label;
      n.text = t.substr(m.text_start);
      if (m.style == detail::MarkerStyle::none) {
        n.level = static_cast<int>(stack.size());
        n.heading =
            blk.bold && word_count(t) <= 15 && !t.empty() && t.back() != '.' && t.back() != ';';
      } else {
        if (m.style == detail::MarkerStyle::roman || m.style == detail::MarkerStyle::article) {
          const auto at = std::find(stack.begin(), stack.end(), m.style);
          if (at == stack.end()) stack.clear();
        }
        const auto at = std::find(stack.begin(), stack.end(), m.style);
        if (at != stack.end()) {
          stack.erase(at + 1, stack.end());
          n.level = static_cast<int>(at - stack.begin());
        } else {
          n.level = static_cast<int>(stack.size());
          stack.push_back(m.style);
        }
        n.heading = blk.bold;
      }
      const bool may_head = n.style != detail::MarkerStyle::dash &&
                            n.style != detail::MarkerStyle::plus &&
                            n.style != detail::MarkerStyle::bullet &&
                            (n.style != detail::MarkerStyle::none || n.heading);
      if (may_head) n.kind = heading_kind(n.text);
      nodes.push_back(std::move(n));
    }
    for (const auto& n : nodes) plan.outline.push_back(OutlineItem{n.level, n.label, n.text});
    formal_sections(nodes);
    // Reporting duties: sentences that ask for a report by a deadline.
    for (const auto& n : nodes) {
      for (const auto& sentence : sentences(n.text)) {
        const std::string fs = fold(sentence);
        if (fs.find("bao cao") == std::string::npos && fs.find("gui ") == std::string::npos)
          continue;
        const auto d = detail::find_deadline(sentence);
        if (!d) continue;
        ReportingDuty r;
        r.text = sentence;
        r.every_year = d->every_year;
        r.date = d->date;
        r.every_month = d->every_month;
        plan.reporting.push_back(std::move(r));
      }
    }
    if (plan.title.empty()) note("title: no title under the type word");
    if (plan.issuer_id.empty()) note("issuer: the header names no issuing body");
    if (!plan.period) note("period: the title states no period");
    if (!plan.signature) note("signature: no signature block found");
    return true;
  }

  void formal_bases(const std::string& preamble) {
    Plan& plan = result_.plan;
    std::set<std::string> seen;
    const std::string own = plan.symbol ? plan.symbol->canonical() : std::string();
    auto refs = find_references(preamble);
    std::vector<Reference> kept;
    for (auto& r : refs) {
      if (!own.empty() && r.symbol && r.symbol->canonical() == own) continue;  // its own number
      kept.push_back(std::move(r));
    }
    if (options_.catalogue != nullptr) {
      resolve_references(kept, *options_.catalogue, ResolveContext{text_});
    }
    std::set<std::string> symbols;
    for (const auto& r : kept) {
      // A document cited again ("(sau đây gọi tắt là Nghị quyết số 57-NQ/TW)") counts once.
      if (r.symbol && !symbols.insert(r.symbol->canonical()).second) continue;
      if (r.status == ResolutionStatus::ambiguous) {
        std::string list;
        for (const auto& id : r.candidate_ids) list += (list.empty() ? "" : ", ") + id;
        note("legal bases: \"" + r.surface + "\" may be any of " + list + "; not cited");
        continue;
      }
      const std::string id = r.resolved_id ? copy_instrument(*r.resolved_id) : draft_instrument(r);
      if (id.empty() || !seen.insert(id).second) continue;
      plan.legal_bases.push_back(Citation{id, r.surface});
    }
    if (plan.legal_bases.empty()) note("legal_bases: the preamble cites no document");
  }

  void formal_sections(std::vector<Node>& nodes) {  // NOLINT(readability-function-size)
    Plan& plan = result_.plan;
    // "NHIỆM VỤ CỤ THỂ" whose items are units ("1. Sở Nông nghiệp và Môi trường") assigns duties.
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      if (nodes[k].kind != Kind::tasks) continue;
      const auto items = direct_items(nodes, k);
      const auto units = std::count_if(items.begin(), items.end(), [&](std::size_t i) {
        return is_item(nodes[i]) && looks_like_unit(split_unit(nodes[i].text).first);
      });
      if (!items.empty() && units * 5 >= static_cast<std::ptrdiff_t>(items.size()) * 3) {
        nodes[k].kind = Kind::organisation;
      }
    }
    const std::size_t pr = find_section(nodes, Kind::purposes_requirements);
    const std::size_t p = find_section(nodes, Kind::purposes);
    const std::size_t r = find_section(nodes, Kind::requirements);
    if (p != std::string::npos) {
      plan.purposes = section_items(nodes, p);
    } else if (pr != std::string::npos) {
      plan.purposes = section_items(nodes, pr);
      note("requirements: \"" + nodes[pr].text +
           "\" does not separate purposes from requirements; all its items are read as purposes");
    } else {
      note("purposes: no \"Mục đích\" section");
    }
    if (r != std::string::npos) {
      plan.requirements = section_items(nodes, r);
    } else if (pr == std::string::npos) {
      note("requirements: no \"Yêu cầu\" section");
    }
    // Targets: every targets section not inside another ("Mục tiêu", "Các chỉ tiêu cụ thể").
    for (std::size_t t = 0; t < nodes.size(); ++t) {
      if (nodes[t].kind != Kind::targets) continue;
      bool nested = false;
      for (std::size_t q = 0; q < t && !nested; ++q) {
        nested = nodes[q].kind == Kind::targets && extent_end(nodes, q) > t;
      }
      if (nested) continue;
      for (auto& x : section_items(nodes, t)) plan.targets.push_back(std::move(x));
    }
    // Task areas: the items of the shallowest tasks sections.
    int level = 1 << 20;
    for (const auto& n : nodes) {
      if (n.kind == Kind::tasks) level = std::min(level, n.level);
    }
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      if (nodes[k].kind != Kind::tasks || nodes[k].level != level) continue;
      for (const std::size_t i : direct_items(nodes, k)) {
        TaskArea ta;
        ta.number = static_cast<int>(plan.task_areas.size()) + 1;
        ta.label = nodes[i].label;
        ta.text = nodes[i].text;
        ta.details = subtree(nodes, i);
        ta.citations = citations(ta.text, "task area " + std::to_string(ta.number));
        plan.task_areas.push_back(std::move(ta));
      }
    }
    if (plan.task_areas.empty())
      note("task_areas: no tasks section (Nhiệm vụ, Giải pháp, Nội dung)");
    // Duties: every organisation section not inside another.
    bool any_organisation = false;
    for (std::size_t o = 0; o < nodes.size(); ++o) {
      if (nodes[o].kind != Kind::organisation) continue;
      bool nested = false;
      for (std::size_t q = 0; q < o && !nested; ++q) {
        nested = nodes[q].kind == Kind::organisation && extent_end(nodes, q) > o;
      }
      if (nested) continue;
      any_organisation = true;
      for (const std::size_t i : direct_items(nodes, o)) {
        const auto children = direct_items(nodes, i);
        const bool unit_children =
            !children.empty() && std::any_of(children.begin(), children.end(), [&](std::size_t c) {
              return is_item(nodes[c]) && looks_like_unit(split_unit(nodes[c].text).first);
            });
        const auto own = split_unit(nodes[i].text);
        if (unit_children && (own.second.empty() || !looks_like_unit(own.first))) {
          for (const std::size_t c : children) {
            if (is_item(nodes[c])) add_duty(nodes, c);
          }
        } else {
          add_duty(nodes, i);
        }
      }
    }
    if (!any_organisation) {
      note("duties: no \"Tổ chức thực hiện\" section");
    } else if (plan.duties.empty()) {
      note("duties: the organisation section names no unit with duties");
    }
    // Funding: a "Kinh phí" heading anywhere, else paragraphs opening with "Kinh phí".
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      if (nodes[k].kind != Kind::funding) continue;
      const std::string inline_text = inline_content(nodes[k].text);
      if (!inline_text.empty()) plan.funding.push_back(inline_text);
      for (auto& s : subtree(nodes, k)) plan.funding.push_back(std::move(s));
      if (plan.funding.empty()) plan.funding.push_back(nodes[k].text);
      break;
    }
    if (plan.funding.empty()) {
      // No funding section: the sentences that speak of funds (kinh phí, ngân sách).
      for (const auto& n : nodes) {
        for (const auto& sentence : sentences(n.text)) {
          const std::string f = fold(sentence);
          if (f.find("kinh phi") != std::string::npos) plan.funding.push_back(sentence);
        }
      }
    }
    if (!plan.period) {
      if (const std::size_t t = find_section(nodes, Kind::period); t != std::string::npos) {
        std::string text = nodes[t].text;
        for (const auto& s : subtree(nodes, t)) text += "\n" + s;
        plan.period = detail::find_period(text, {});
      }
    }
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
  check_utf8(text);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", c);
      throw ParseError(std::string(text), i,
                       std::string("binary data: control byte ") + hex + " is not text");
    }
  }
  if (squeeze_spaces(text).empty()) {
    throw ParseError(std::string(text), 0, "empty text: nothing to import");
  }
  return Drafter(text, options).run();
}

}  // namespace danvan
