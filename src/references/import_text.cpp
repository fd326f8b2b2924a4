// Drafting a plan from its plain text: paragraphs, the announcing sentence, purposes,
// requirements, numbered task areas and the references each cites.
#include "danvan/import_text.hpp"

#include "danvan/error.hpp"
#include "danvan/references.hpp"
#include "danvan/text.hpp"

#include "references/plan_text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

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

// C1 control characters (U+0080..U+009F, left by text decoded with the wrong code page) read
// as spaces: no field of the draft may hold a control character.
std::string without_c1_controls(std::string text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 && i + 1 < text.size()) {
      const auto n = static_cast<unsigned char>(text[i + 1]);
      if (n >= 0x80 && n <= 0x9F) {
        out.push_back(' ');
        ++i;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

class Drafter {
 public:
  Drafter(std::string_view text, const ImportOptions& options)
      : text_(without_c1_controls(normalize_nfc(text))), options_(options) {}

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
      if (detail::words_in(paragraphs[k]) >= 12) {
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
      const std::size_t n = detail::words_in(sig);
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
    // The text is its own source: without a page title before the body, its title is the
    // plan's.
    if (source().title.empty()) source().title = plan.title;
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

  // A Party committee as a document's issuer: "Tỉnh ủy", "Ban Thường vụ Thành ủy", "Huyện
  // ủy", "Đảng ủy xã", "Bộ Chính trị", "Ban Bí thư" ("Ủy ban nhân dân" is the state's).
  static bool party_committee(const std::string& issuer) {
    const std::string f = " " + fold(issuer) + " ";
    for (const std::string_view p : {" tinh uy ", " thanh uy ", " huyen uy ", " quan uy ",
                                     " thi uy ", " dang uy ", " bo chinh tri ", " ban bi thu "}) {
      if (f.find(p) != std::string::npos) return true;
    }
    return false;
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
                : r.issuer && party_committee(*r.issuer) ? DocumentFamily::party
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
      // (Two dates make two documents of one name: the amending laws of 2014 and of 2024.)
      const bool other_date = existing.date && in.date && !(*existing.date == *in.date);
      if (existing.type == in.type && existing.number == in.number &&
          existing.issuer_ids == in.issuer_ids && !other_date) {
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
  // Where the type word ("KẾ HOẠCH") stands: a line of its own, in upper case, near the top.
  // Failing that (web pages), a line of its own in any case ("Kế hoạch") below the "Số: ..."
  // line, or a line in capitals that opens with it ("KẾ HOẠCH TRIỂN KHAI ..."): `title_at` is
  // then where the title starts in that line (npos: on the next line).
  //
  // With no type word at all (a page that lost the header's middle cell), the block after the
  // header's number and place-date stands where the type line would: `typed` is then false and
  // `title_at` 0 when that block is the title, npos with `untitled` when it opens the preamble.
  static bool find_type_line(const std::vector<detail::TextBlock>& blocks, std::size_t& block,
                             std::size_t& line, DocumentType& type, std::size_t& title_at,
                             bool& typed, bool& untitled) {
    title_at = std::string::npos;
    typed = true;
    untitled = false;
    if (find_type_word(blocks, block, line, type, title_at)) return true;
    std::size_t after = std::string::npos;
    const std::size_t last = std::min<std::size_t>(blocks.size(), 40);
    for (std::size_t b = 0; b < last; ++b) {
      bool header = false;
      if (blocks[b].is_table) {
        for (const auto& row : blocks[b].cells) {
          for (const auto& cell : row) {
            for (const auto& t : cell) header = header || detail::is_header_line(t);
          }
        }
      } else {
        if (starts_preamble(blocks[b].text)) break;
        for (const auto& t : blocks[b].lines) header = header || detail::is_header_line(t);
      }
      if (header) {
        after = b + 1;
      } else if (after != std::string::npos) {
        break;
      }
    }
    if (after == std::string::npos || (after < blocks.size() && blocks[after].is_table)) {
      return false;
    }
    block = after;
    line = 0;
    typed = false;
    title_at = 0;
    if (after == blocks.size()) {
      // The text ends with the header (a page's opening cut short).
      untitled = true;
      return true;
    }
    const detail::Marker m = detail::item_marker(blocks[after].text);
    const std::string& t = blocks[after].text;
    untitled = m.style != detail::MarkerStyle::none ||
               (starts_preamble(t) && !detail::is_upper_case(t) && !names_what_is_carried_out(t));
    return true;
  }

  static bool find_type_word(const std::vector<detail::TextBlock>& blocks, std::size_t& block,
                             std::size_t& line, DocumentType& type, std::size_t& title_at) {
    const std::size_t last = std::min<std::size_t>(blocks.size(), 40);
    for (std::size_t b = 0; b < last; ++b) {
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
    bool numbered = false;  // a "Số: 12/KH-UBND" line came before
    for (std::size_t b = 0; b < last; ++b) {
      const auto see = [&](const std::string& t) {
        const std::string f = fold(t);
        if ((f.rfind("so:", 0) == 0 || f.rfind("so ", 0) == 0) && t.find('/') != std::string::npos)
          numbered = true;
      };
      if (blocks[b].is_table) {
        for (const auto& row : blocks[b].cells) {
          for (const auto& cell : row) {
            for (const auto& t : cell) see(t);
          }
        }
        continue;
      }
      for (std::size_t l = 0; l < blocks[b].lines.size(); ++l) {
        const std::string& t = blocks[b].lines[l];
        see(t);
        if (numbered && t.size() <= 40) {
          if (const auto ty = type_from_name(t)) {
            block = b;
            line = l;
            type = *ty;
            return true;
          }
        }
        // "KẾ HOẠCH TRIỂN KHAI ...": the type word, then the title; below the number, the
        // title may be in mixed case ("KẾ HOẠCH Thực hiện công tác dân vận ...").
        const bool upper = detail::is_upper_case(t);
        if (!upper && !numbered) continue;
        const WordIndex w = index_words(t);
        for (std::size_t n = 1; n <= 3 && n + 2 <= w.folded.size(); ++n) {
          const std::string head = t.substr(0, w.spans[n - 1].second);
          if (!upper && (!detail::is_upper_case(head) || !starts_upper(t.substr(w.spans[n].first))))
            continue;
          if (const auto ty = type_from_name(head)) {
            block = b;
            line = l;
            type = *ty;
            title_at = w.spans[n].first;
            return true;
          }
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
    const std::size_t words = detail::words_in(f);
    const std::size_t colon = f.find(':');
    // A heading is short; one that does not end as a sentence may run longer ("2. Các giải
    // pháp tổ chức thực hiện kế hoạch tài chính - NSNN 03 năm 2026 - 2028").
    const bool sentence = !f.empty() && (f.back() == '.' || f.back() == ';');
    const std::size_t limit = sentence ? 14 : 20;
    if (words > limit && colon == std::string::npos) return Kind::none;
    if (colon != std::string::npos) f = f.substr(0, colon);
    if (detail::words_in(f) > limit) return Kind::none;
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
    for (const std::string_view p :
         {"muc tieu", "chi tieu", "cac chi tieu", "cac muc tieu", "nhung muc tieu"}) {
      if (starts(p)) return Kind::targets;
    }
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
    for (const std::string_view p : {"nhiem vu",
                                     "cac nhiem vu",
                                     "giai phap",
                                     "cac giai phap",
                                     "noi dung",
                                     "cac noi dung",
                                     "nhung nhiem vu",
                                     "hoat dong",
                                     "cac hoat dong",
                                     "nhiem vu trong tam",
                                     "mot so nhiem vu",
                                     "mot so giai phap",
                                     "cac nhom nhiem vu",
                                     "nhom nhiem vu",
                                     "cac nhom giai phap",
                                     "bien phap",
                                     "cac bien phap",
                                     "phuong huong",
                                     "nhung giai phap",
                                     "cac hoat dong chu yeu",
                                     "nhiem vu, giai phap",
                                     "noi dung, nhiem vu"}) {
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
    /// Where the block's second line starts in `text` (npos: one line): a unit on a line of
    /// its own ("1. Sở Nội vụ" then "Chủ trì ..." in text without blank lines).
    std::size_t line_break = std::string::npos;
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
    return detail::words_in(rest) >= 3 ? rest : std::string();
  }

  // Unnumbered sub-headings of section h's kind ("**Mục tiêu chung**" over paragraphs,
  // "**Mục tiêu cụ thể**" over items) are transparent: each counts what stands under it. False
  // when the section has none.
  static bool transparent_sub_items(const std::vector<Node>& nodes, std::size_t h,
                                    std::vector<std::string>& out) {
    const std::size_t end = extent_end(nodes, h);
    std::vector<std::size_t> subs;
    for (std::size_t k = h + 1; k < end; ++k) {
      if (!is_item(nodes[k]) && nodes[k].heading && nodes[k].kind == nodes[h].kind &&
          nodes[h].kind != Kind::none && inline_content(nodes[k].text).empty()) {
        subs.push_back(k);
      }
    }
    // Or plain lines that name the sub-part with a colon: "Mục tiêu chung: Nâng cao ..." (its
    // text counts once) and "Mục tiêu cụ thể:" over its items.
    if (subs.empty() && nodes[h].kind != Kind::none) {
      for (std::size_t k = h + 1; k < end; ++k) {
        const std::string& t = nodes[k].text;
        if (!is_item(nodes[k]) && !nodes[k].heading && t.find(':') != std::string::npos &&
            heading_kind(t) == nodes[h].kind && detail::words_in(t.substr(0, t.find(':'))) <= 8) {
          subs.push_back(k);
        }
      }
    }
    if (subs.empty()) return false;
    subs.push_back(end);
    for (std::size_t i = 0; i + 1 < subs.size(); ++i) {
      if (!nodes[subs[i]].heading) {
        const std::string inline_text = inline_content(nodes[subs[i]].text);
        if (!inline_text.empty()) out.push_back(strip_final_period(inline_text));
      }
      int min_level = 1 << 20;
      for (std::size_t k = subs[i] + 1; k < subs[i + 1]; ++k) {
        if (is_item(nodes[k])) min_level = std::min(min_level, nodes[k].level);
      }
      for (std::size_t k = subs[i] + 1; k < subs[i + 1]; ++k) {
        const bool counted = min_level == (1 << 20)
                                 ? !nodes[k].heading
                                 : is_item(nodes[k]) && nodes[k].level == min_level;
        if (counted) out.push_back(strip_final_period(nodes[k].text));
      }
    }
    return true;
  }

  // Items of a section, sub-sections of the same kind summed ("Mục tiêu chung", "Mục tiêu cụ
  // thể" under "MỤC TIÊU").
  std::vector<std::string> section_items(const std::vector<Node>& nodes, std::size_t h,
                                         int depth = 0) {
    std::vector<std::string> out;
    const std::string inline_text = inline_content(nodes[h].text);
    if (!inline_text.empty()) out.push_back(strip_final_period(inline_text));
    if (depth == 0 && transparent_sub_items(nodes, h, out)) return out;
    // An item that is a sub-heading ("2. Mục tiêu cụ thể", then a) b) c); "1. Mục tiêu chung"
    // over paragraphs) counts by what stands under it. A table counts by its rows, and the
    // sentence that leads into it ("... đạt các chỉ tiêu sau:") is no item of its own.
    const auto items = direct_items(nodes, h);
    for (std::size_t n = 0; n < items.size(); ++n) {
      const std::size_t k = items[n];
      const std::string& t = nodes[k].text;
      if (nodes[k].label == "|") {
        for (auto& x : table_items(t)) out.push_back(std::move(x));
        continue;
      }
      if (!is_item(nodes[k]) && !t.empty() && t.back() == ':' && n + 1 < items.size() &&
          nodes[items[n + 1]].label == "|") {
        continue;
      }
      const auto under = direct_items(nodes, k);
      // ("2. Mục tiêu cụ thể:" over its items is a sub-heading as well, and so is "- Mục tiêu
      // cụ thể:" over "+" items: a dash heads no section, but its words name the same part.)
      const bool same_kind = nodes[h].kind != Kind::none &&
                             (nodes[k].kind == nodes[h].kind ||
                              (nodes[k].kind == Kind::none && heading_kind(t) == nodes[h].kind));
      const bool titled = !t.empty() && t.back() != '.' && t.back() != ';' &&
                          (t.back() != ':' || same_kind) && inline_content(t).empty() &&
                          detail::words_in(t) <= 12;
      const bool sub_heading = depth == 0 && is_item(nodes[k]) && titled && !under.empty() &&
                               (is_item(nodes[under.front()]) || same_kind);
      if (sub_heading) {
        for (auto& x : section_items(nodes, k, depth + 1)) out.push_back(std::move(x));
      } else {
        for (auto& x : inline_numbered(nodes[k])) out.push_back(strip_final_period(x));
      }
    }
    return out;
  }

  // Item "(1) 100% cơ quan ...; (2) ít nhất 05 mô hình ...; (3) ..." written as one paragraph:
  // its parts, cut before "(2)", "(3)", ... in turn where a ";", "," or "." ends the part before.
  // Any other node, or a "(1)" item without such a "(2)", is one part.
  static std::vector<std::string> inline_numbered(const Node& node) {
    std::vector<std::string> parts;
    const std::string& t = node.text;
    if (node.label != "(1)") return {t};
    std::size_t from = 0;
    for (int n = 2;; ++n) {
      const std::string marker = "(" + std::to_string(n) + ")";
      std::size_t at = t.find(marker, from);
      while (at != std::string::npos) {
        std::size_t b = at;
        while (b > from && t[b - 1] == ' ') --b;
        if (b > from && b < at && (t[b - 1] == ';' || t[b - 1] == ',' || t[b - 1] == '.')) break;
        at = t.find(marker, at + 1);
      }
      if (at == std::string::npos) break;
      std::size_t e = at;
      while (e > from && (t[e - 1] == ' ' || t[e - 1] == ';' || t[e - 1] == ',')) --e;
      parts.push_back(t.substr(from, e - from));
      from = at + marker.size();
      while (from < t.size() && t[from] == ' ') ++from;
    }
    parts.push_back(t.substr(from));
    return parts;
  }

  // The rows of a table as the outline keeps it (rows on lines, cells joined by " | "), each
  // row its cells with their spaces squeezed.
  static std::vector<std::vector<std::string>> table_cells(const std::string& rows) {
    std::vector<std::vector<std::string>> table;
    for (std::size_t from = 0; from < rows.size();) {
      std::size_t nl = rows.find('\n', from);
      if (nl == std::string::npos) nl = rows.size();
      const std::string row = rows.substr(from, nl - from);
      std::vector<std::string> cells;
      for (std::size_t c = 0; c <= row.size();) {
        std::size_t bar = row.find(" | ", c);
        if (bar == std::string::npos) bar = row.size();
        cells.push_back(squeeze_spaces(row.substr(c, bar - c)));
        c = bar + 3;
      }
      table.push_back(std::move(cells));
      from = nl + 1;
    }
    return table;
  }

  // The items of a table (as the outline keeps it: rows on lines, cells joined by " | "): its
  // rows numbered 1, 2, ... ("1", "2."; rows of groups "I", "A" and sub-rows "1.1" are not
  // items) when it has any, else every row below the first (the header) with a letter in it
  // that is not a row of column numbers ("(1) | (2) | (3)"). Each is its cells but the number.
  static std::vector<std::string> table_items(const std::string& rows) {
    const std::vector<std::vector<std::string>> table = table_cells(rows);
    const auto numbered = [](const std::string& cell) {
      std::size_t d = 0;
      while (d < cell.size() && std::isdigit(static_cast<unsigned char>(cell[d]))) ++d;
      return d > 0 && d <= 3 && (d == cell.size() || (d + 1 == cell.size() && cell[d] == '.'));
    };
    const auto column_numbers = [](const std::vector<std::string>& row) {
      return std::all_of(row.begin(), row.end(), [](const std::string& c) {
        return c.empty() || (c.front() == '(' && c.back() == ')' && c.size() <= 5);
      });
    };
    // (A row of figures alone, "10 | 20 | 30", is no numbered row.)
    const auto numbered_row = [&](const std::vector<std::string>& row) {
      return numbered(row.front()) &&
             std::any_of(row.begin() + 1, row.end(),
                         [](const std::string& c) { return has_letter(c); });
    };
    const bool any_numbered =
        std::any_of(table.begin() + (table.empty() ? 0 : 1), table.end(), numbered_row);
    std::vector<std::string> out;
    for (std::size_t r = 1; r < table.size(); ++r) {
      const auto& row = table[r];
      if (any_numbered ? !numbered_row(row)
                       : column_numbers(row) ||
                             std::none_of(row.begin(), row.end(),
                                          [](const std::string& c) { return has_letter(c); })) {
        continue;
      }
      std::string text;
      for (std::size_t c = any_numbered ? 1 : 0; c < row.size(); ++c) {
        if (!row[c].empty()) text += (text.empty() ? "" : " | ") + row[c];
      }
      if (!text.empty()) out.push_back(std::move(text));
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

  // Words that open a unit's name (folded): kinds of bodies, collectives ("các sở"), and the
  // titles of their heads ("Giám đốc", "Thủ trưởng"), which are dropped from the unit.
  static constexpr std::string_view kUnitStarts[] = {
      "so ", "ban ", "uy ban", "ubnd", "cong an", "bo ", "van phong", "cac so", "cac co quan",
      "cac don vi", "cac ban", "cac dia phuong", "hoi ", "doan ", "lien doan", "mat tran", "dai ",
      "bao ", "bao, dai", "trung tam", "cuc ", "chi cuc", "bo chi huy", "thanh tra", "kho bac",
      "ngan hang", "toa an", "vien ", "truong ", "buu dien", "hoi dong", "tinh doan", "thanh doan",
      "co quan", "thu truong", "giam doc", "chu tich", "lien minh", "phong ", "dang uy",
      "doanh nghiep", "bao hiem", "cong ty", "tong cong ty", "ubmttq", "hdnd", "lien hiep",
      "ban quan ly", "cac hoi", "cac to chuc", "cac xa", "ubnd cac", "nguoi dung dau", "cac bo",
      "bo truong", "vien kiem sat", "cuc thue", "kbnn", "cac nganh", "cac tinh", "chi nhanh",
      "thue ", "kiem toan", "hai quan", "bo doi", "bo tu lenh", "ban chi huy", "cong thong tin",
      "he thong", "hiep hoi", "cac doanh nghiep", "cac co so", "cac hiep hoi", "cac doan the",
      "doan the", "benh vien", "cac truong", "cac benh vien", "cac phong", "cac cuc", "cac vu",
      // a commune's posts and bodies
      "cong chuc ", "tram ", "cac thon", "cac ap", "chi hoi", "chi doan", "don bien phong",
      "to chuc chinh tri", "cac tong cong ty", "cac cong ty", "cac chi cuc", "quan khu",
      "bo chi huy", "cac huyen", "cac quan", "cac phuong", "cac cap", "lanh dao", "trung doan",
      "su doan", "cac ngan hang", "cac lien doan", "dang doan", "ban can su", "huyen uy",
      "thanh uy", "tinh uy", "quan uy", "thi uy", "chi bo", "cac chi bo", "cac dang uy",
      "cac dang bo", "dang bo", "cac cap uy", "cap uy", "mttq", "thuong truc hdnd",
      "thuong truc hoi dong", "thuong truc ubnd", "to cong tac", "to giup viec", "cac thon",
      "thon ", "to dan pho", "cac to dan pho", "cac huyen uy", "cac ban dang", "cac dang doan",
      "cac co quan, don vi", "chu dau tu", "cac chu dau tu",
      // service companies, academies, forest and park bodies, funds, the Party's standing organs
      "vien thong", "dien luc", "hoc vien", "tap doan", "hat kiem lam", "vuon quoc gia", "canh sat",
      "nha xuat ban", "quy dau tu", "quy phat trien", "quy ho tro", "cac uy ban", "cac ubnd",
      "thuong truc tinh uy", "thuong truc thanh uy", "thuong truc huyen uy", "thuong truc dang uy",
      "thuong truc ban chi dao",
      // a ministry's departments ("Vụ Pháp chế"), the central committees of the mass
      // organisations ("Trung ương Hội Nông dân Việt Nam", "Trung ương Đoàn")
      "vu ", "trung uong hoi", "trung uong doan"};
  // Folded openings that read like a unit but are verbs or nouns of a sentence ("Bố trí",
  // "Báo cáo", "Ban hành", "Phòng, chống", "Trường hợp").
  static constexpr std::string_view kNotUnits[] = {
      "bo tri",           "bao cao",           "ban hanh",     "bao dam",
      "bo sung",          "phong chong",       "phong, chong", "phong ngua",
      "phong tranh",      "truong hop",        "hoi nghi",     "dai hoi",
      "bao ve",           "ban giao",          "hoi thao",     "co quan chu tri",
      "co quan phoi hop", "co quan thuc hien", "he thong hoa", "thanh tra, kiem tra",
      "bo phan mot cua"};

  static std::string without_lead_words(std::string f) {
    for (const std::string_view p : {"giao ", "de nghi ", "yeu cau "}) {
      if (f.rfind(p, 0) == 0) f = f.substr(p.size());
    }
    return f;
  }

  // "Vụ Đông Xuân", "Vụ Hè Thu", "Vụ Mùa": a crop season (f the folded words after "Vụ"), no
  // ministry's department.
  static bool crop_season(const std::string& f) {
    for (const std::string_view s :
         {"dong xuan", "he thu", "thu dong", "xuan he", "mua", "chiem", "xuan"}) {
      if (f.rfind(s, 0) == 0 && (f.size() == s.size() || std::string_view(" ,.:;").find(
                                                             f[s.size()]) != std::string::npos)) {
        return true;
      }
    }
    return false;
  }

  // Folding loses the tones that tell a body from a common word ("Sở" / "Số lượng", "Ban" /
  // "bản sao", "Bộ" / "Bố trí"): the first word, as written, must be the body's.
  static bool body_word_as_written(const std::string& text, const std::string& folded) {
    static constexpr std::pair<std::string_view, std::string_view> kBodies[] = {
        {"so", "sở"},         {"ban", "ban"},       {"bo", "bộ"},     {"phong", "phòng"},
        {"truong", "trường"}, {"truong", "trưởng"}, {"dai", "đài"},   {"bao", "báo"},
        {"bao", "bảo"},       {"hoi", "hội"},       {"doan", "đoàn"}, {"vien", "viện"},
        {"cuc", "cục"},       {"thue", "thuế"},     {"vien", "viễn"}, {"vu", "vụ"}};
    const std::string first_folded = folded.substr(0, folded.find(' '));
    bool ambiguous = false;
    for (const auto& [f, w] : kBodies) ambiguous = ambiguous || f == first_folded;
    if (!ambiguous) return true;
    // The same word of the text (the folded text drops as many leading words as it does).
    const std::size_t skipped = detail::words_in(fold(text)) - detail::words_in(folded);
    std::size_t at = 0;
    for (std::size_t n = 0; n < skipped && at != std::string::npos; ++n) {
      at = text.find(' ', at);
      if (at != std::string::npos) ++at;
    }
    if (at == std::string::npos) return true;
    const std::string word = detail::to_lower(text.substr(at, text.find(' ', at) - at));
    std::string first = word;
    while (!first.empty() && std::string_view(",.;:").find(first.back()) != std::string_view::npos)
      first.pop_back();
    for (const auto& [f, w] : kBodies) {
      if (f != first_folded || first != w) continue;
      // "Vụ Pháp chế", "Vụ Kế hoạch - Tài chính" (a ministry's department) name a body by the
      // capitalised words after "Vụ"; "vụ việc", "vụ án" are cases.
      if (f == "vu") {
        const std::size_t next = text.find(' ', at);
        return next != std::string::npos && starts_upper(text.substr(next + 1)) &&
               !crop_season(fold(text.substr(next + 1)));
      }
      return true;
    }
    return false;
  }

  static bool looks_like_unit(const std::string& text) {
    const std::string f = without_lead_words(fold(text));
    if (std::any_of(std::begin(kNotUnits), std::end(kNotUnits),
                    [&](std::string_view p) { return f.rfind(p, 0) == 0; })) {
      return false;
    }
    if (!body_word_as_written(text, f)) return false;
    // ("Các sở, ngành thực hiện nhiệm vụ tại Phụ lục kèm theo" points to an annex: no unit is
    // named "phụ lục".)
    if (f.find("phu luc") != std::string::npos) return false;
    return std::any_of(std::begin(kUnitStarts), std::end(kUnitStarts),
                       [&](std::string_view p) { return f.rfind(p, 0) == 0; });
  }

  // "Giám đốc Sở Y tế" -> "Sở Y tế", "Thủ trưởng các cơ quan" -> "các cơ quan": the head's
  // title is dropped when a unit's name follows it.
  static std::string without_title(const std::string& unit) {
    const std::string f = fold(unit);
    for (const std::string_view p : {"giam doc ", "thu truong ", "chu tich ", "bo truong ",
                                     "nguoi dung dau ", "lanh dao ", "truong "}) {
      if (f.rfind(p, 0) != 0) continue;
      // Folding keeps the word count: cut as many words from the original.
      const std::size_t words = detail::words_in(p);
      std::size_t i = 0;
      for (std::size_t w = 0; w < words; ++w) {
        i = unit.find(' ', i);
        if (i == std::string::npos) return unit;
        ++i;
      }
      std::string rest = unit.substr(i);
      if (looks_like_unit(rest)) return rest;
    }
    return unit;
  }

  static bool starts_upper(const std::string& s) {
    const std::string first = s.substr(0, s.find(' '));
    return !first.empty() && detail::to_upper_first(first) == first &&
           detail::to_lower(first) != first;
  }

  // A verb of duty at word k ("chủ trì", "phối hợp", "tổ chức"), not a noun or part of a name:
  // "các tổ chức", "việc tổ chức", "tổ chức xã hội", "lĩnh vực xây dựng", "Sở Xây dựng", "Ban
  // Xây dựng Đảng" name things.
  static bool duty_verb_at(const std::string& text, const WordIndex& w, std::size_t k,
                           std::size_t line_break = std::string::npos) {
    const std::string f = trim_punct(w.folded[k]);
    const std::string n = k + 1 < w.folded.size() ? trim_punct(w.folded[k + 1]) : "";
    static constexpr std::pair<std::string_view, std::string_view> verbs[] = {
        {"chu", "tri"},      {"phoi", "hop"},   {"tham", "muu"},     {"co", "trach"},
        {"chiu", "trach"},   {"can", "cu"},     {"theo", "chuc"},    {"la", "co"},
        {"thuc", "hien"},    {"to", "chuc"},    {"trien", "khai"},   {"chi", "dao"},
        {"huong", "dan"},    {"tang", "cuong"}, {"theo", "doi"},     {"xay", "dung"},
        {"bo", "tri"},       {"trong", "pham"}, {"nghien", "cuu"},   {"ra", "soat"},
        {"khan", "truong"},  {"bang", "nhieu"}, {"phu", "trach"},    {"dam", "bao"},
        {"bao", "dam"},      {"tiep", "tuc"},   {"chu", "dong"},     {"tap", "trung"},
        {"day", "manh"},     {"tham", "gia"},   {"giup", "thu"},     {"quan", "triet"},
        {"tuyen", "truyen"}, {"kiem", "tra"},   {"tong", "hop"},     {"nang", "cao"},
        {"phan", "cong"},    {"ban", "hanh"},   {"cap", "nhat"},     {"lam", "dau"},
        {"quan", "ly"},      {"don", "doc"},    {"van", "dong"},     {"ho", "tro"},
        {"nghiem", "tuc"},   {"can", "doi"},    {"xem", "xet"},      {"de", "xuat"},
        {"kien", "toan"},    {"tiep", "nhan"},  {"phat", "huy"},     {"duy", "tri"},
        {"dieu", "chinh"},   {"cung", "cap"},   {"huy", "dong"},     {"uu", "tien"},
        {"danh", "gia"},     {"giam", "sat"},   {"hoan", "thanh"},   {"hoan", "thien"},
        {"chuan", "bi"},     {"dieu", "phoi"},  {"khuyen", "khich"}, {"ung", "dung"},
        {"lua", "chon"},     {"thong", "bao"},  {"bo", "sung"},      {"thuong", "xuyen"},
        {"tich", "cuc"},     {"kip", "thoi"},   {"tham", "dinh"},    {"bao", "cao"},
        {"xu", "ly"},        {"dong", "thoi"},  {"thanh", "lap"},    {"ky", "ket"},
        {"duoc", "giao"},    {"duoc", "phan"},  {"phan", "hoi"},     {"phan", "anh"},
        {"kien", "nghi"},    {"co", "y"},       {"gui", "ve"},       {"gui", "bao"},
        {"gui", "noi"},      {"gui", "ket"},    {"gui", "van"},      {"gui", "y"},
        {"tong", "ket"},     {"so", "ket"},     {"theo", "nhiem"}};
    const bool verb = std::any_of(std::begin(verbs), std::end(verbs),
                                  [&](const auto& v) { return f == v.first && n == v.second; }) ||
                      one_syllable_verb(text, w, k);
    if (!verb || k == 0) return verb;
    // Capitalised after the start of the sentence: part of a name ("Sở Xây dựng").
    const std::string raw = text.substr(w.spans[k].first, w.spans[k].second - w.spans[k].first);
    const std::string prev_raw =
        text.substr(w.spans[k - 1].first, w.spans[k - 1].second - w.spans[k - 1].first);
    if (starts_upper(raw) && w.spans[k].first != line_break && !prev_raw.empty() &&
        prev_raw.back() != ':' && prev_raw.back() != '.' && prev_raw.back() != ';') {
      return false;
    }
    const std::string before = trim_punct(w.folded[k - 1]);
    // "các tổ chức", "việc xây dựng", "lĩnh vực xây dựng", "vật liệu xây dựng", "tài liệu hướng
    // dẫn": things named (as in "Vụ Vật liệu xây dựng"), not a duty.
    static constexpr std::string_view kNounBefore[] = {"cac", "viec", "nhung", "moi", "va",
                                                       "cua", "tac",  "co",    "vuc", "lieu"};
    if (std::find(std::begin(kNounBefore), std::end(kNounBefore), before) !=
        std::end(kNounBefore)) {
      return false;
    }
    // "ngành Xây dựng", "ngành kiểm sát" name a sector; "các sở, ban, ngành báo cáo / chủ trì /
    // phối hợp / có trách nhiệm" is the sector's bodies acting (no sector is named so).
    if (before == "nganh") {
      const std::string v = f + " " + n;
      return v == "bao cao" || v == "chu tri" || v == "phoi hop" || v == "tham muu" ||
             v == "co trach" || v == "chiu trach" || v == "chu dong" || v == "can cu";
    }
    if (f == "quan" && n == "ly" && (before == "ban" || before == "phong")) return false;
    // "tổ chức xã hội", "tổ chức, cá nhân", "tổ chức có liên quan": the noun.
    if (f == "to" && n == "chuc") {
      if (k + 1 < w.folded.size() && w.folded[k + 1].back() == ',') return false;
      if (prev_raw.back() == ',') return false;  // "các cơ quan, đơn vị, tổ chức ..."
      const std::string after = k + 2 < w.folded.size() ? trim_punct(w.folded[k + 2]) : "";
      for (const std::string_view x : {"xa", "chinh", "ca", "doan", "co", "lien", "hoi", "thanh",
                                       "tin", "kinh", "quoc", "phi", "dai"}) {
        if (after == x) return false;
      }
    }
    return true;
  }

  // A verb of one syllable at word k ("Sở Nội vụ lập danh sách", "Sở Y tế cử cán bộ", "Đài
  // Phát thanh và Truyền hình tỉnh đưa tin"), judged as written: folded, "đưa" would be the
  // "đua" of "Ban Thi đua", "cử" the "cũ" of "cán bộ cũ". Not "giúp việc" (the bodies "Tổ giúp
  // việc", "Văn phòng giúp việc") nor "bầu cử".
  static bool one_syllable_verb(const std::string& text, const WordIndex& w, std::size_t k) {
    static constexpr std::string_view kVerbs[] = {"lập", "cử", "đưa", "mở", "giúp", "gửi", "nộp"};
    const std::string raw = detail::to_lower(
        trim_punct(text.substr(w.spans[k].first, w.spans[k].second - w.spans[k].first)));
    if (std::find(std::begin(kVerbs), std::end(kVerbs), raw) == std::end(kVerbs)) return false;
    const std::string next = k + 1 < w.folded.size() ? trim_punct(w.folded[k + 1]) : "";
    const std::string before = k > 0 ? trim_punct(w.folded[k - 1]) : "";
    if (raw == "giúp" && next == "viec") return false;
    // The second syllable of a word ("Trợ giúp pháp lý", "thành lập", "bầu cử", "giao nộp").
    static constexpr std::string_view kCompounds[] = {
        "tro giup", "thanh lap", "thiet lap", "doc lap", "xac lap",  "sang lap",
        "tu lap",   "bau cu",    "ung cu",    "de cu",   "tuyen cu", "giao nop",
        "thu nop",  "ky gui",    "don dua",   "coi mo",  "khai mo"};
    const std::string pair = before + " " + trim_punct(w.folded[k]);
    if (std::find(std::begin(kCompounds), std::end(kCompounds), pair) != std::end(kCompounds)) {
      return false;
    }
    // "mở" qualifying the noun before it ("Khu kinh tế mở Chu Lai", "Trường Đại học mở Hà
    // Nội"): a name goes on after it; the verb takes a common noun ("mở lớp", "mở chuyên mục").
    return !(raw == "mở" && k + 1 < w.spans.size() &&
             starts_upper(text.substr(w.spans[k + 1].first)));
  }

  // "Căn cứ Kế hoạch này, Giám đốc các Sở ...", "Trên cơ sở ..., các sở ...", "Hằng năm, Sở
  // Tài chính ...": the opening clause (of grounds, purpose or time) before the subject is
  // dropped.
  static std::string without_opening_clause(const std::string& t) {
    const std::string f = fold(t);
    // "Đối với các doanh nghiệp vi phạm, Sở Công Thương xử lý ...": what the clause is about,
    // then the subject, a unit named in capitals (before any colon: "Đối với các sở, ban,
    // ngành: ..." names the units themselves).
    if (f.rfind("doi voi ", 0) == 0) {
      // Each comma's rest is judged by its first words only: a list of thousands of items
      // ("Đối với xã A, xã B, ...") stays linear.
      const std::size_t colon = t.find(':');
      for (std::size_t at = t.find(", "); at != std::string::npos && at < colon;
           at = t.find(", ", at + 2)) {
        const std::string head = leading_words(t, at + 2, 64);
        if (starts_upper(head) && looks_like_unit(head)) return t.substr(at + 2);
      }
      return t;
    }
    bool opening = false;
    for (const std::string_view p :
         {"can cu ", "tren co so ", "theo chuc nang", "trong pham vi ", "de trien khai",
          "de thuc hien", "nham ", "trong qua trinh", "qua trinh ", "neu co", "sau khi",
          "truong hop",
          // when: "Định kỳ 6 tháng, hằng năm, các sở ... báo cáo", "Trước ngày 30/11, Sở X ..."
          "dinh ky", "hang nam", "hang quy", "hang thang", "hang tuan", "truoc ngay ",
          "truoc thang ", "trong nam ", "trong thang ", "trong quy ", "cuoi nam", "cuoi moi "}) {
      if (f.rfind(p, 0) == 0) opening = true;
    }
    if (!opening) return t;
    // "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc các cơ quan ... phản ánh": the
    // subject right after the difficulties.
    const WordIndex words = index_words(t);
    if (const std::size_t v = find_phrase(words, {"kho", "khan", "vuong", "mac"});
        v != std::string::npos && v + 4 < words.spans.size() && words.folded[v + 3].back() != ',') {
      const std::string rest = t.substr(words.spans[v + 4].first);
      if (looks_like_unit(rest)) return rest;
    }
    std::size_t at = 0;
    for (int n = 0; n < 6; ++n) {
      at = t.find(", ", at);
      if (at == std::string::npos || detail::words_in(t.substr(0, at)) > 30) break;
      at += 2;
      const std::string rest = t.substr(at);
      if (looks_like_unit(rest)) return rest;
    }
    return t;
  }

  // Up to n words of t from byte from (cut at a space, so never inside a character).
  static std::string leading_words(const std::string& t, std::size_t from, std::size_t n) {
    std::size_t end = t.find(' ', from);
    for (std::size_t k = 1; k < n && end != std::string::npos; ++k) end = t.find(' ', end + 1);
    return t.substr(from, end == std::string::npos ? std::string::npos : end - from);
  }

  // "Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông": after the colon, the names of
  // the units (each capitalised, a few words, nothing else), not their duties.
  static bool names_after_colon(const std::string& rest) {
    const std::string r = strip_final_period(squeeze_spaces(rest));
    if (r.empty() || detail::words_in(r) > 24) return false;
    std::size_t from = 0;
    while (from <= r.size()) {
      std::size_t comma = r.find(',', from);
      if (comma == std::string::npos) comma = r.size();
      const std::string name = squeeze_spaces(r.substr(from, comma - from));
      if (name.empty() || detail::words_in(name) > 4 || !starts_upper(name)) return false;
      const WordIndex w = index_words(name);
      for (std::size_t k = 1; k < w.spans.size(); ++k) {
        if (!starts_upper(name.substr(w.spans[k].first))) return false;
      }
      from = comma + 1;
    }
    return true;
  }

  // "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ tại Kế hoạch này có trách nhiệm ...":
  // "được phân công / được giao ..." at word k describes the unit (the bodies given tasks by the
  // plan) when the unit is a collective ("các ...") and "có/chịu trách nhiệm" follows in the same
  // sentence: the unit's verb is that one.
  // Returns its word, or k (also when the unit so extended would not look like one).
  static std::size_t past_assignment_descriptor(const std::string& t, const WordIndex& w,
                                                std::size_t k) {
    if (w.folded[k] != "duoc" || k + 1 >= w.folded.size()) return k;
    // Only one collective ("các cơ quan", "các sở, ngành") is defined by it; a named body ("Ủy
    // ban nhân dân các xã, phường được phân công ...") or a list of units is without it.
    const std::string before = t.substr(0, w.spans[k].first);
    if (fold(before).rfind("cac ", 0) != 0 || joint_units(squeeze_spaces(before)).size() != 1) {
      return k;
    }
    const std::string next = trim_punct(w.folded[k + 1]);
    if (next != "giao" && next != "phan") return k;
    for (std::size_t j = k + 2; j + 1 < w.folded.size(); ++j) {
      if (w.folded[j - 1].find_first_of(".:;") != std::string::npos) break;
      const std::string f = trim_punct(w.folded[j]);
      if ((f == "co" || f == "chiu") && trim_punct(w.folded[j + 1]) == "trach") {
        return looks_like_unit(t.substr(0, w.spans[j].first)) ? j : k;
      }
    }
    return k;
  }

  // "Các Sở: Tư pháp, Công Thương phối hợp ...", "Ủy ban nhân dân các huyện: A, B chủ trì ...":
  // bodies of one kind named by a list after the colon, then their duty. Where the duty's verb
  // starts in t (the unit is all before it, list included, as written), or npos when t is not
  // so: the part before the colon is a few words naming bodies in the plural ("các"), and every
  // member before the verb a capitalised name of a few words.
  static std::size_t kinds_members_end(const std::string& t, std::size_t colon) {
    if (colon == std::string::npos) return std::string::npos;
    const std::string head = t.substr(0, colon);
    const std::string fh = " " + fold(head);
    if (detail::words_in(head) > 8 || fh.find(" cac ") == std::string::npos ||
        !looks_like_unit(head)) {
      return std::string::npos;
    }
    const std::string rest = t.substr(colon + 1);
    const WordIndex w = index_words(rest);
    if (w.folded.size() < 2 || duty_verb_at(rest, w, 0)) return std::string::npos;
    for (std::size_t k = 1; k < w.folded.size(); ++k) {
      if (!duty_verb_at(rest, w, k)) continue;
      const std::string members = rest.substr(0, w.spans[k].first);
      std::size_t from = 0;
      while (from < members.size()) {
        std::size_t comma = members.find_first_of(",;", from);
        if (comma == std::string::npos) comma = members.size();
        const std::string name = squeeze_spaces(members.substr(from, comma - from));
        if (!name.empty() && (detail::words_in(name) > 6 || !starts_upper(name) ||
                              name.find_first_of("0123456789():") != std::string::npos)) {
          return std::string::npos;
        }
        from = comma + 1;
      }
      return colon + 1 + w.spans[k].first;
    }
    return std::string::npos;
  }

  // Every member of a list (split at ',' and ';') names a unit in full ("Sở Tư pháp, Sở Nội
  // vụ"), not a kind's member alone ("Tư pháp, Công Thương").
  static bool all_units(const std::string& members) {
    std::size_t from = 0;
    bool any = false;
    while (from < members.size()) {
      std::size_t comma = members.find_first_of(",;", from);
      if (comma == std::string::npos) comma = members.size();
      const std::string name = squeeze_spaces(members.substr(from, comma - from));
      if (!name.empty() && !looks_like_unit(name)) return false;
      any = any || !name.empty();
      from = comma + 1;
    }
    return any;
  }

  // "1. Trách nhiệm của Sở Nội vụ", "3. Đối với Ủy ban nhân dân cấp xã", "Nhiệm vụ của Công an
  // tỉnh: ...": a heading that names the unit whose duties follow; t (a suffix of text, whose
  // line break is given) without those words. A sentence does not: "Trách nhiệm của người
  // đứng đầu ... được xem xét theo quy định." (its unit before a colon or a line break, or no
  // full stop).
  static std::string without_unit_heading_words(const std::string& text, std::string t,
                                                std::size_t line_break) {
    for (const std::string_view p : {"Trách nhiệm của ", "Nhiệm vụ của ", "Đối với "}) {
      if (t.rfind(p, 0) != 0 || !looks_like_unit(t.substr(p.size()))) continue;
      const std::size_t cut = text.size() - t.size();
      const std::size_t line_end =
          line_break != std::string::npos && line_break > cut ? line_break - cut : t.size();
      std::string head = squeeze_spaces(t.substr(0, std::min(t.find(':'), line_end)));
      if (head.size() == squeeze_spaces(t).size() && !head.empty() &&
          (head.back() == '.' || head.back() == ';')) {
        continue;
      }
      t = t.substr(p.size());
    }
    return t;
  }

  // "Sở Nội vụ: chủ trì ..." -> ("Sở Nội vụ", "chủ trì ..."); the unit ends at the first verb of
  // duty or at ':', whichever comes first.
  static std::pair<std::string, std::string> split_unit(
      const std::string& text, std::size_t line_break = std::string::npos) {
    std::string t = without_opening_clause(text);
    for (const std::string_view p : {"Giao ", "Đề nghị ", "Yêu cầu ", "giao ", "đề nghị "}) {
      if (t.rfind(p, 0) == 0) t = t.substr(p.size());
    }
    t = without_unit_heading_words(text, t, line_break);
    // Text without blank lines: "2. Cấp xã" / "Ủy ban nhân dân các xã, phường: ..." read as one
    // block; a short first line that names no unit is the group's heading, the unit below it.
    if (t.size() == text.size() && line_break != std::string::npos && line_break < text.size()) {
      const std::string first = squeeze_spaces(text.substr(0, line_break));
      const std::string rest = text.substr(line_break);
      if (!first.empty() && detail::words_in(first) <= 6 &&
          std::string_view(".;:,").find(first.back()) == std::string_view::npos &&
          !looks_like_unit(first) && starts_upper(rest) && looks_like_unit(rest)) {
        t = rest;
      }
    }
    // t is a suffix of text: the line break moves with it.
    const std::size_t cut = text.size() - t.size();
    const std::size_t break_at =
        line_break != std::string::npos && line_break >= cut ? line_break - cut : std::string::npos;
    const std::size_t colon = t.find(':');
    const WordIndex w = index_words(t);
    for (std::size_t k = 1; k < w.folded.size() && k < 80; ++k) {
      if (colon != std::string::npos && w.spans[k].first > colon) break;
      // "Công an tỉnh (cơ quan chủ trì về an ninh mạng)": a verb inside parentheses describes
      // the unit; the unit does not end there.
      const auto before = std::string_view(t).substr(0, w.spans[k].first);
      if (std::count(before.begin(), before.end(), '(') >
          std::count(before.begin(), before.end(), ')')) {
        continue;
      }
      if (duty_verb_at(t, w, k, break_at)) {
        k = past_assignment_descriptor(t, w, k);
        std::string unit = t.substr(0, w.spans[k].first);
        while (!unit.empty() && (unit.back() == ' ' || unit.back() == ',')) unit.pop_back();
        // "Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì ...": the unit given the duty.
        for (const std::string_view g : {" giao ", " đề nghị ", " yêu cầu "}) {
          const std::size_t at = unit.rfind(g);
          if (at != std::string::npos && looks_like_unit(unit.substr(at + g.size()))) {
            unit = unit.substr(at + g.size());
            break;
          }
        }
        return {unit, t.substr(w.spans[k].first)};
      }
    }
    if (const std::size_t verb = kinds_members_end(t, colon); verb != std::string::npos) {
      // "Các sở, ngành: Sở Tư pháp, Sở Nội vụ phối hợp": members each a unit's full name are
      // the units (the kind before the colon names none of its own).
      const std::string members = t.substr(colon + 1, verb - colon - 1);
      std::string unit = all_units(members) ? squeeze_spaces(members) : t.substr(0, verb);
      while (!unit.empty() && (unit.back() == ' ' || unit.back() == ',')) unit.pop_back();
      return {unit, t.substr(verb)};
    }
    if (colon != std::string::npos && detail::words_in(t.substr(0, colon)) <= 40 &&
        !names_after_colon(t.substr(colon + 1))) {
      return {strip_final_period(squeeze_spaces(t.substr(0, colon))),
              squeeze_spaces(std::string_view(t).substr(colon + 1))};
    }
    if (detail::words_in(t) <= 25) return {strip_final_period(t), ""};
    return {"", t};
  }

  // "(nội dung) do Sở, ngành chủ trì": the "chủ trì" a "do" (by) governs a few words before, in
  // the folded text f, is blanked ("do đó", therefore, governs nothing).
  static void blank_lead_named_by_do(std::string& f) {
    static constexpr std::string_view lead = "chu tri";
    for (std::size_t at = f.find(lead); at != std::string::npos; at = f.find(lead, at + 1)) {
      std::size_t end = at;  // the end of the word before, after its blanks are skipped
      for (int words = 0; words < 6; ++words) {
        while (end > 0 && f[end - 1] == ' ') --end;
        if (end == 0) break;
        const std::size_t space = f.rfind(' ', end - 1);
        const std::size_t start = space == std::string::npos ? 0 : space + 1;
        const std::string word = f.substr(start, end - start);
        if (word.find_first_of(";.:\n") != std::string::npos) break;  // another clause
        if (word == "do") {
          const std::string_view next = std::string_view(f).substr(end + 1);
          if (next.rfind("do ", 0) != 0 && next.rfind("vay ", 0) != 0) {
            f.replace(at, lead.size(), lead.size(), ' ');
          }
          break;
        }
        end = start;
      }
    }
  }

  // The role, from the unit's own duty text (the label rule): lead when a clause says chủ trì,
  // đầu mối, cơ quan thường trực or tham mưu (a "tham mưu" after "phối hợp với" in the same
  // clause is the partner's); else coordinate when it says phối hợp; else unspecified.
  static DutyRole role_of(const std::string& text) {
    std::string f = fold(text);
    // What describes the unit or names another is not its role: "các sở, ngành được phân công
    // chủ trì thực hiện nhiệm vụ ... có trách nhiệm ...", "thông qua đầu mối Ủy ban MTTQ".
    // So do the lead bodies named as partners ("Phối hợp chặt chẽ với các cơ quan chủ trì") and
    // a task's lead named by "do" ("nội dung do Sở, ngành chủ trì").
    for (const std::string_view d :
         {"phan cong chu tri", "duoc giao chu tri", "thong qua dau moi", "cac co quan chu tri",
          "voi co quan chu tri", "cac don vi chu tri", "voi don vi chu tri"}) {
      for (std::size_t at = f.find(d); at != std::string::npos; at = f.find(d, at)) {
        f.replace(at, d.size(), d.size(), ' ');
      }
    }
    blank_lead_named_by_do(f);
    bool lead = false;
    std::size_t start = 0;
    while (start < f.size() && !lead) {
      std::size_t end = f.find_first_of(";.\n", start);
      if (end == std::string::npos) end = f.size();
      const std::string_view clause = std::string_view(f).substr(start, end - start);
      for (const std::string_view p :
           {"chu tri", "dau moi", "co quan thuong truc", "la thuong truc", "lam thuong truc"}) {
        if (clause.find(p) != std::string_view::npos) lead = true;
      }
      // "Phối hợp với X tham mưu", "Phối hợp X tham mưu": the partner's advice ("Phối hợp,
      // tham mưu ..." names no partner: the unit's own).
      const std::size_t tm = clause.find("tham muu");
      if (tm != std::string_view::npos) {
        const std::size_t ph = clause.find("phoi hop ");
        if (ph == std::string_view::npos || ph > tm) lead = true;
      }
      start = end + 1;
    }
    if (lead) return DutyRole::lead;
    return f.find("phoi hop") != std::string::npos ? DutyRole::coordinate : DutyRole::unspecified;
  }

  // "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội", "Viện kiểm sát
  // nhân dân thành phố, Tòa án nhân dân thành phố": one unit per part. A comma splits only
  // before a unit's name ("Sở Văn hóa, Thể thao và Du lịch" stays one).
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
      const bool named = starts_upper(next) || fold(next).rfind("cac ", 0) == 0;
      // "Các sở, cơ quan trực thuộc Sở và các cơ quan liên quan": two collectives stay one.
      const bool collectives =
          fold(unit.substr(start)).rfind("cac ", 0) == 0 && fold(next).rfind("cac ", 0) == 0;
      const auto open = std::count(unit.begin() + static_cast<std::ptrdiff_t>(start),
                                   unit.begin() + static_cast<std::ptrdiff_t>(sep), '(');
      const auto close = std::count(unit.begin() + static_cast<std::ptrdiff_t>(start),
                                    unit.begin() + static_cast<std::ptrdiff_t>(sep), ')');
      // "Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", "Văn phòng HĐND và UBND": one office
      // serving both bodies.
      const std::string fn = fold(next);
      bool joint_office = false;
      if (fold(unit.substr(start)).rfind("van phong ", 0) == 0 &&
          unit.compare(sep, len, " và ") == 0) {
        for (const std::string_view b : {"hdnd", "ubnd", "hoi dong nhan dan", "uy ban nhan dan",
                                         "doan dai bieu quoc hoi", "doan dbqh"}) {
          joint_office = joint_office || fn.rfind(b, 0) == 0;
        }
      }
      // "Báo, Đài Phát thanh và Truyền hình tỉnh": a one-word part is no unit of its own.
      const bool one_word = detail::words_in(unit.substr(start, sep - start)) < 2;
      const bool splits =
          looks_like_unit(next) && !collectives && !joint_office && !one_word && open == close &&
          (unit.compare(sep, len, " và ") == 0 || unit.compare(sep, len, "; ") == 0 || named);
      if (splits) {
        parts.push_back(unit.substr(start, sep - start));
        start = after;
      }
      k = after;
    }
    parts.push_back(unit.substr(start));
    return parts;
  }

  // "Ủy ban nhân dân các xã, phường được (giao)": the helper words before the verb are dropped.
  static std::string without_trailing_helpers(std::string unit) {
    while (true) {
      const std::size_t sp = unit.rfind(' ');
      if (sp == std::string::npos) return unit;
      const std::string last = fold(unit.substr(sp + 1));
      if (last != "duoc" && last != "can" && last != "phai" && last != "thi" && last != "se" &&
          last != "co" && last != "cung" && last != "tiep" && last != "khi" && last != "khong" &&
          last != "chua" && last != "deu" && last != "van" && last != "da" && last != "dang") {
        return unit;
      }
      unit.resize(sp);
      while (!unit.empty() && (unit.back() == ' ' || unit.back() == ',')) unit.pop_back();
    }
  }

  // A unit's name compared: folded, "UBND" read as "Ủy ban nhân dân".
  static std::string unit_key(const std::string& unit) {
    std::string f = fold(unit);
    for (std::size_t at = f.find("ubnd"); at != std::string::npos; at = f.find("ubnd", at)) {
      const bool word = (at == 0 || f[at - 1] == ' ') && (at + 4 == f.size() || f[at + 4] == ' ');
      if (word) {
        f.replace(at, 4, "uy ban nhan dan");
        at += 15;
      } else {
        at += 4;
      }
    }
    return f;
  }

  // Where closing parentheses after a unit's name open (the " (" of "Công an tỉnh (...)"), or
  // npos.
  static std::size_t closing_parentheses(const std::string& unit) {
    if (unit.empty() || unit.back() != ')') return std::string::npos;
    return unit.rfind(" (");
  }

  // Cuts what stands beside a unit's name from `unit` and returns the role among it: a role after
  // a dash ("Sở Tài chính - Cơ quan thường trực", "... – đơn vị đầu mối") or in closing
  // parentheses ("Công an tỉnh (cơ quan chủ trì về an ninh mạng)"), when it opens with "cơ
  // quan", "đơn vị" or "là". Examples in closing parentheses ("các doanh nghiệp viễn thông
  // (VNPT, Viettel, ...)") are not the unit either: dropped.
  static std::string cut_beside_name(std::string& unit) {
    const auto is_role = [](std::string_view part) {
      const std::string f = fold(part);
      return f.rfind("co quan ", 0) == 0 || f.rfind("don vi ", 0) == 0 || f.rfind("la ", 0) == 0;
    };
    std::string role;
    for (const std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
      const std::size_t at = unit.find(dash);
      if (at == std::string::npos || !is_role(std::string_view(unit).substr(at + dash.size())))
        continue;
      role = squeeze_spaces(std::string_view(unit).substr(at + dash.size()));
      unit.resize(at);
      break;
    }
    if (const std::size_t open = closing_parentheses(unit);
        role.empty() && open != std::string::npos) {
      const auto inside = std::string_view(unit).substr(open + 2, unit.size() - open - 3);
      if (is_role(inside)) {
        role = squeeze_spaces(inside);
        unit.resize(open);
      }
    }
    if (const std::size_t open = closing_parentheses(unit); open != std::string::npos) {
      unit.resize(open);
    }
    return role;
  }

  // "Chi cục Hải quan Khu vực IV (trên) địa bàn tỉnh X": the area a named body works in is no
  // part of its name. A collective is named by its area ("Các doanh nghiệp trên địa bàn tỉnh",
  // "Ủy ban nhân dân các xã trên địa bàn"): kept.
  static std::string without_area(const std::string& unit) {
    const std::string f = " " + fold(unit) + " ";
    for (const std::string_view collective :
         {" cac ", " nhung ", " moi ", " doanh nghiep", " co quan", " don vi", " to chuc"}) {
      if (f.find(collective) != std::string::npos) return unit;
    }
    for (const std::string_view area : {" trên địa bàn ", " địa bàn "}) {
      const std::size_t at = unit.find(area);
      if (at != std::string::npos && looks_like_unit(unit.substr(0, at))) return unit.substr(0, at);
    }
    return unit;
  }

  // "Ông Nguyễn Văn A - Trưởng đoàn", "Đồng chí Lê Thị B": a member of a team (an inspection
  // team's plan gives each member duties by name). The person and the post as written, without
  // the honorific; nullopt when the text is not a person so named (two to five capitalised
  // words). After "Ông" / "Bà" the post is needed: "Bà Rịa - Vũng Tàu", "Bà Rịa Vũng Tàu" are
  // a province.
  static std::optional<std::string> team_member(const std::string& unit) {
    std::string u = squeeze_spaces(unit);
    bool honoured = false;
    for (const std::string_view h : {"Ông", "Bà", "Đồng chí", "Đ/c"}) {
      if (u.rfind(h, 0) != 0 || u.size() == h.size() ||
          std::string_view(" .:").find(u[h.size()]) == std::string_view::npos) {
        continue;
      }
      u = squeeze_spaces(std::string_view(u).substr(h.size()));
      while (!u.empty() && (u[0] == '.' || u[0] == ':' || u[0] == ' ')) u.erase(0, 1);
      honoured = true;
      break;
    }
    if (!honoured) return std::nullopt;
    std::size_t name_end = u.size();
    for (const std::string_view dash : {" - ", " \xE2\x80\x93 "}) {
      name_end = std::min(name_end, u.find(dash));
    }
    if (name_end == u.size() && (unit.rfind("Ông", 0) == 0 || unit.rfind("Bà", 0) == 0)) {
      return std::nullopt;
    }
    const std::string name = u.substr(0, name_end);
    const WordIndex w = index_words(name);
    if (w.spans.size() < 2 || w.spans.size() > 5 ||
        name.find_first_of("0123456789,;") != std::string::npos) {
      return std::nullopt;
    }
    for (const auto& [from, to] : w.spans) {
      if (!starts_upper(name.substr(from))) return std::nullopt;
    }
    return u;
  }

  // A heading "Các ... chủ trì/phối hợp ..." (no colon): units named by their part in the plan.
  static bool names_a_group_by_its_part(const std::string& heading) {
    const std::string f = fold(heading);
    return f.rfind("cac ", 0) == 0 && heading.find(':') == std::string::npos &&
           (f.find(" chu tri") != std::string::npos || f.find(" phoi hop") != std::string::npos);
  }

  // The Government's formula "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc
  // Chính phủ, Chủ tịch ..." names bodies by their heads: "các bộ, cơ quan ngang bộ, cơ quan
  // thuộc Chính phủ, Chủ tịch ..." (the later heads' titles are dropped with each unit's).
  static std::string without_ministers_titles(const std::string& unit) {
    static constexpr std::string_view opening = "bo truong, thu truong co quan";
    if (fold(unit).rfind(opening, 0) != 0) return unit;
    std::string out = "các bộ" + unit.substr(unit.find(','));
    for (const std::string_view title : {", Thủ trưởng cơ quan", ", thủ trưởng cơ quan"}) {
      for (std::size_t at = out.find(title); at != std::string::npos; at = out.find(title, at)) {
        out.erase(at + 2, std::string_view("Thủ trưởng ").size());
      }
    }
    return out;
  }

  // A sentence that gives another unit a duty (its unit and duty), or nothing: it opens with
  // "Giao", "Đề nghị" or "Yêu cầu" and a unit named in capitals, or with such a unit (or "Ủy ban
  // nhân dân tỉnh giao" it) that takes a part: chủ trì, phối hợp, tham mưu, chịu/có trách nhiệm
  // (`asked_only`: only the first kind, or a subject that "có/chịu trách nhiệm").
  static std::optional<std::pair<std::string, std::string>> duty_of_another(
      const std::string& sentence, bool asked_only) {
    const std::string f = fold(sentence);
    bool asked = false;
    for (const std::string_view p : {"giao ", "de nghi ", "yeu cau "}) {
      asked = asked || f.rfind(p, 0) == 0;
    }
    // "Hằng năm, các cơ quan ... có trách nhiệm ...": a short adverbial before the subject.
    std::string s = sentence;
    bool adverbial = false;
    if (const std::size_t comma = s.find(", ");
        !asked && comma != std::string::npos && detail::words_in(s.substr(0, comma)) <= 3 &&
        !looks_like_unit(s.substr(0, comma)) && looks_like_unit(s.substr(comma + 2))) {
      s = s.substr(comma + 2);
      adverbial = true;
    }
    auto [unit, duty] = split_unit(s);
    if (unit.empty() || duty.empty() || !(starts_upper(unit) || adverbial) ||
        !looks_like_unit(unit)) {
      return {};
    }
    // After a first sentence naming no unit: asked for, or "có/chịu trách nhiệm", the formula
    // of a duty.
    const std::string fd = fold(duty);
    const bool responsible =
        fd.rfind("co trach nhiem", 0) == 0 || fd.rfind("chiu trach nhiem", 0) == 0;
    if (asked_only && !asked && !responsible) return {};
    // The unit is the sentence's subject: at its start (after "Giao ..."), or given the duty
    // by the body that opens it ("Ủy ban nhân dân tỉnh giao Sở Nội vụ ...").
    const std::size_t at = s.find(unit);
    if (at == std::string::npos) return {};
    const std::string before = fold(s.substr(0, at));
    const bool subject =
        at == 0 || (asked && detail::words_in(before) <= 2) ||
        (before.size() >= 6 && before.compare(before.size() - 6, 6, " giao ") == 0);
    if (!subject) return {};
    bool part = asked;
    for (const std::string_view p :
         {"chu tri", "phoi hop", "tham muu", "chiu trach nhiem", "co trach nhiem"}) {
      part = part || fd.rfind(p, 0) == 0;
    }
    if (!part) return {};
    return std::pair{unit, duty};
  }

  // "Các cơ quan, đơn vị ... triển khai thực hiện Kế hoạch này. Giao Sở Nội vụ chủ trì, theo
  // dõi ...": a later sentence of a unit's own duty text that gives another unit a duty (see
  // duty_of_another) is that unit's duty, up to the next such sentence, and no part of the
  // first unit's text (nor of its role). Cuts those sentences from `own` and returns them.
  // Without a first unit (`unit` empty: a text whose first sentence names none, "5. Đối với
  // kiến nghị ... . Giao Sở X ..."), only sentences opening with "Giao", "Đề nghị", "Yêu cầu",
  // or whose subject "có/chịu trách nhiệm".
  static std::vector<std::pair<std::string, std::string>> duties_handed_on(
      std::string& own, const std::string& unit) {
    std::vector<std::pair<std::string, std::string>> out;
    std::size_t cut = std::string::npos;
    std::size_t from = 0;
    while (true) {
      const std::size_t stop = own.find(". ", from);
      if (stop == std::string::npos) break;
      const std::size_t start = stop + 2;
      from = start;
      if (!starts_upper(own.substr(start))) continue;
      std::size_t next = own.find(". ", start);
      const std::string sentence =
          own.substr(start, next == std::string::npos ? std::string::npos : next + 1 - start);
      const auto other = duty_of_another(sentence, unit.empty());
      if (other) {
        if (unit_key(other->first) == unit_key(unit)) continue;
        if (cut == std::string::npos) cut = stop + 1;
        out.emplace_back(other->first, other->second);
      } else if (!out.empty()) {
        out.back().second += " " + sentence;
      }
    }
    if (cut != std::string::npos) own.resize(cut);
    return out;
  }

  // `end`: where the unit's duty text ends (npos: the node's own subtree).
  void add_duty(const std::vector<Node>& nodes, std::size_t k,
                std::size_t end = std::string::npos) {
    // The text opens with words that only look like a unit ("Cơ quan thực hiện:", "Bố trí").
    const std::string opening = without_lead_words(fold(nodes[k].text));
    if (std::any_of(std::begin(kNotUnits), std::end(kNotUnits),
                    [&](std::string_view p) { return opening.rfind(p, 0) == 0; })) {
      return;
    }
    auto [unit, own] = split_unit(nodes[k].text, nodes[k].line_break);
    // An item whose first sentence names no unit ("Kế hoạch này được phổ biến đến ... . Giao Sở
    // Nội vụ chủ trì ..."): its later sentences may still give units duties.
    std::string whole = nodes[k].text;
    const auto handed_on =
        looks_like_unit(unit) ? duties_handed_on(own, unit) : duties_handed_on(whole, "");
    add_duty_of(nodes, k, end, unit, own);
    for (const auto& [other, duty] : handed_on) {
      const std::string u = without_ministers_titles(without_trailing_helpers(other));
      for (const auto& part : joint_units(u)) record_duty(part, role_of(duty), duty);
    }
  }

  // The duty of `unit` named by node k, its own text `own` and what stands under the node up
  // to `end`.
  void add_duty_of(const std::vector<Node>& nodes, std::size_t k, std::size_t end, std::string unit,
                   std::string own) {
    // "**2. Các Sở, ngành chủ trì, quản lý ... dự án**" over its duties: a bold heading names a
    // group of units by the part they take; the whole heading is the unit.
    if (nodes[k].heading && is_item(nodes[k]) && !own.empty() &&
        names_a_group_by_its_part(nodes[k].text) && !subtree(nodes, k).empty()) {
      unit = strip_final_period(squeeze_spaces(nodes[k].text));
      own.clear();
    }
    unit = without_ministers_titles(without_trailing_helpers(unit));
    // "Các sở, ban, ngành có liên quan tới việc ...": the unit ends at "liên quan".
    for (const std::string_view p : {" liên quan tới ", " liên quan đến ", " liên quan với "}) {
      if (const std::size_t at = unit.find(p); at != std::string::npos) {
        unit.resize(at + std::string_view(" liên quan").size());
      }
    }
    unit = without_area(unit);
    // "Sở Khoa học và Công nghệ - Cơ quan thường trực Ban Chỉ đạo", "Công an tỉnh (cơ quan chủ
    // trì ...)": the unit's role stated beside its name is part of its duty, not of its name.
    const std::string role_beside = cut_beside_name(unit);
    const std::optional<std::string> member = team_member(unit);
    if (member) unit = *member;
    if (unit.empty() || !(member || looks_like_unit(unit))) return;
    std::string text = role_beside;
    if (!own.empty()) text += (text.empty() ? "" : "\n") + own;
    if (end == std::string::npos) {
      for (const auto& s : subtree(nodes, k)) text += (text.empty() ? "" : "\n") + s;
    } else {
      for (std::size_t m = k + 1; m < end && m < nodes.size(); ++m) {
        const std::string s =
            nodes[m].label.empty() ? nodes[m].text : nodes[m].label + " " + nodes[m].text;
        text += (text.empty() ? "" : "\n") + s;
      }
    }
    const DutyRole role = role_of(text);
    for (const auto& part : joint_units(unit)) record_duty(part, role, text);
  }

  // A unit's duty. A unit named twice is one duty, at its first place, with the stronger role.
  void record_duty(const std::string& part, DutyRole role, const std::string& text) {
    Duty d;
    d.unit = strip_final_period(squeeze_spaces(without_title(squeeze_spaces(part))));
    if (d.unit.empty()) return;
    const std::string key = unit_key(d.unit);
    const auto same = std::find_if(result_.plan.duties.begin(), result_.plan.duties.end(),
                                   [&](const Duty& x) { return unit_key(x.unit) == key; });
    if (same != result_.plan.duties.end()) {
      if (role == DutyRole::lead ||
          (role == DutyRole::coordinate && same->role == DutyRole::unspecified)) {
        same->role = role;
      }
      if (!text.empty()) same->text += (same->text.empty() ? "" : "\n") + text;
      return;
    }
    d.text = text;
    d.role = role;
    result_.plan.duties.push_back(std::move(d));
  }

  // A table of the organisation section with a "chủ trì" column ("TT | Nội dung | Cơ quan chủ
  // trì | Cơ quan phối hợp | Thời gian"): each row's units in that column lead, those in a
  // "phối hợp" column coordinate; the row's other cells are their duty. `rows` as the outline
  // keeps a table: rows on lines, cells joined by " | ".
  void table_duties(const std::string& rows) { table_duties(table_cells(rows)); }

  // The same for a table as read (an annex's table): rows of cells.
  void table_duties(const std::vector<std::vector<std::string>>& table) {
    const auto column = [](const std::vector<std::string>& header, std::string_view words) {
      for (std::size_t c = 0; c < header.size(); ++c) {
        if (fold(header[c]).find(words) != std::string::npos) return c;
      }
      return std::string::npos;
    };
    std::size_t h = 0;
    while (h < table.size() && column(table[h], "chu tri") == std::string::npos) ++h;
    if (h == table.size()) return;
    const std::size_t lead = column(table[h], "chu tri");
    const std::size_t partners = column(table[h], "phoi hop");
    for (std::size_t r = h + 1; r < table.size(); ++r) {
      const auto& row = table[r];
      if (row.size() != table[h].size()) continue;
      std::string text;
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (c == lead || c == partners || !has_letter(row[c])) continue;
        text += (text.empty() ? "" : " | ") + row[c];
      }
      for (const auto& [c, role] :
           {std::pair{lead, DutyRole::lead}, std::pair{partners, DutyRole::coordinate}}) {
        if (c == std::string::npos) continue;
        for (const auto& part : joint_units(row[c])) {
          if (looks_like_unit(part)) record_duty(part, role, text);
        }
      }
    }
  }

  static bool has_letter(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char ch) {
      return static_cast<unsigned char>(ch) >= 0x80 || std::isalpha(static_cast<unsigned char>(ch));
    });
  }

  // A signature cell flattened to one line ("KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A"): its lines
  // again, the name as the mixed-case words at the end and, after "KT.", the deputy's title
  // from "PHÓ"/"THỨ" on. Other lines are kept.
  // A signature's line without the signing stamp's words in it ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH
  // (Đã ký) Nguyễn Văn A", "... [daky] ...", "... Đã ký ..."), as a flattened cell has them.
  static std::string without_stamp(const std::string& t) {
    std::vector<std::string> words;
    for (std::size_t at = 0; at < t.size();) {
      const std::size_t sp = std::min(t.find(' ', at), t.size());
      if (sp > at) words.push_back(t.substr(at, sp - at));
      at = sp + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
      std::size_t end = i;  // the stamp's last word
      if (words[i][0] == '(' || words[i][0] == '[') {
        while (end < words.size() && words[end].find_first_of(")]") == std::string::npos) ++end;
        std::string group;
        for (std::size_t n = i; n <= end && n < words.size(); ++n) group += " " + fold(words[n]);
        const std::string inner = squeeze_spaces(std::string_view(group).substr(2));
        const bool stamp =
            end < words.size() && (inner.rfind("da ky", 0) == 0 || inner.rfind("daky", 0) == 0);
        if (stamp) {
          i = end;
          continue;
        }
      } else if (i + 1 < words.size() && detail::to_lower(words[i]) == "đã" &&
                 detail::to_lower(words[i + 1]) == "ký") {
        ++i;
        continue;
      }
      out += (out.empty() ? "" : " ") + words[i];
    }
    return out;
  }

  // The capitals of a flattened signature as their lines: each authority ("TM. ỦY BAN NHÂN
  // DÂN", "KT. CHỦ TỊCH"), then the title ("PHÓ CHỦ TỊCH"). A deputy's title follows "KT.";
  // after "TM." alone, the title is the first signing title named ("TM. ỦY BAN NHÂN DÂN CHỦ
  // TỊCH").
  static std::vector<std::string> signing_lines(std::string upper) {
    std::vector<std::string> out;
    for (std::size_t at = upper.find(". ", 4); at != std::string::npos;) {
      const std::size_t start = upper.rfind(' ', at);
      const std::string f =
          start == std::string::npos ? "" : fold(upper.substr(start + 1, at - start));
      if (f == "kt." || f == "tl." || f == "tuq.") {
        out.push_back(upper.substr(0, start));
        upper = upper.substr(start + 1);
        at = upper.find(". ", 4);
        continue;
      }
      at = upper.find(". ", at + 2);
    }
    const std::string f = fold(upper);
    std::size_t title = std::string::npos;
    if (f.rfind("kt.", 0) == 0) {
      for (const std::string_view deputy : {" PHÓ ", " THỨ TRƯỞNG"}) {
        title = std::min(title, upper.find(deputy, 4));
      }
    } else if (f.rfind("tm.", 0) == 0) {
      for (const std::string_view named :
           {" CHỦ TỊCH", " BÍ THƯ", " THỦ TƯỚNG", " TRƯỞNG BAN", " GIÁM ĐỐC", " BỘ TRƯỞNG"}) {
        title = std::min(title, upper.find(named, 4));
      }
      // (A deputy signs for the body too: "TM. BAN THƯỜNG VỤ PHÓ BÍ THƯ".)
      const std::string_view deputy = " PHÓ";
      if (title != std::string::npos && title >= deputy.size() &&
          upper.compare(title - deputy.size(), deputy.size(), deputy) == 0) {
        title -= deputy.size();
      }
    }
    if (title != std::string::npos) {
      out.push_back(upper.substr(0, title));
      upper = upper.substr(title + 1);
    }
    out.push_back(upper);
    return out;
  }

  static std::vector<std::string> unflattened_signature(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& line : lines) {
      const std::string t = without_stamp(squeeze_spaces(line));
      const std::string f = fold(t);
      const bool authority = f.rfind("tm.", 0) == 0 || f.rfind("kt.", 0) == 0 ||
                             f.rfind("tl.", 0) == 0 || f.rfind("tuq.", 0) == 0;
      // Without an authority line the cell may still hold the title and the name ("TRƯỞNG BAN
      // PHÓ THỦ TƯỚNG Nguyễn Văn A", "BỘ TRƯỞNG Trần Thị B"): a title in capitals first.
      const bool titled = detail::is_upper_case(t.substr(0, t.find(' '))) &&
                          detail::item_marker(t).style == detail::MarkerStyle::none;
      std::size_t cut = t.size();
      std::size_t name_words = 0;
      while ((authority || titled) && cut > 0) {
        const std::size_t sp = t.rfind(' ', cut - 1);
        if (sp == std::string::npos) break;
        const std::string word = t.substr(sp + 1, cut - sp - 1);
        if (detail::is_upper_case(word)) break;
        if (!starts_upper(word)) {  // "KT. Chủ tịch": no name
          name_words = 0;
          break;
        }
        cut = sp;
        ++name_words;
      }
      if (name_words < 2 || name_words > 6 || t.find_first_of("0123456789") != std::string::npos ||
          detail::words_in(t.substr(0, cut)) < 2 ||
          (!authority && !detail::is_upper_case(t.substr(0, cut)))) {
        out.push_back(line);
        continue;
      }
      for (auto& piece : signing_lines(t.substr(0, cut))) out.push_back(std::move(piece));
      out.push_back(t.substr(cut + 1));
    }
    return out;
  }

  static Signature signature_of(const std::vector<std::string>& given) {
    const std::vector<std::string> lines = unflattened_signature(given);
    Signature s;
    std::size_t k = 0;
    std::vector<std::string> authority;
    const auto is_authority = [](const std::string& line) {
      const std::string f = fold(squeeze_spaces(line));
      for (const std::string_view p : {"tm.", "kt.", "tl.", "tuq.", "q.", "t/m", "tm ", "kt "}) {
        if (f.rfind(p, 0) == 0) return true;
      }
      return false;
    };
    for (; k < lines.size(); ++k) {
      const std::string t = squeeze_spaces(lines[k]);
      if (!is_authority(t)) {
        // "TM. ỦY BAN NHÂN" / "DÂN" / "KT. CHỦ TỊCH": an authority broken over two lines.
        if (!authority.empty() && k + 1 < lines.size() && is_authority(lines[k + 1]) &&
            detail::is_upper_case(t) && detail::words_in(t) <= 3) {
          authority.back() += " " + t;
          continue;
        }
        break;
      }
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
      if (!detail::is_upper_case(t) && detail::words_in(t) >= 2 && detail::words_in(t) <= 6 &&
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
        // A table cell flattened to one line ("- Như Điều 3; - Văn phòng Bộ; - Lưu: VT."):
        // an item ends at its ';' before the next dash.
        // (Or at its '.' before a capitalised one: "... các Vụ: TH, KGVX. - Lưu: VT".)
        std::string item = t.substr(m.text_start);
        for (std::size_t at = item.find(" - "); at != std::string::npos;
             at = item.find(" - ", at + 1)) {
          if (at == 0 || (item[at - 1] != ';' && item[at - 1] != '.')) continue;
          if (item[at - 1] == '.' && !starts_upper(item.substr(at + 3))) continue;
          out.push_back(item.substr(0, at));
          item = item.substr(at + 3);
          at = 0;
        }
        out.push_back(item);
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

  static bool states_funding(const std::string& sentence) {
    const WordIndex w = index_words(sentence);
    std::vector<std::string> f;
    for (const auto& x : w.folded) f.push_back(trim_punct(x));
    for (std::size_t k = 0; k + 1 < f.size(); ++k) {
      if (f[k] != "kinh" || f[k + 1] != "phi") continue;
      const std::string before = k >= 1 ? f[k - 1] : "";
      const std::string before2 = k >= 2 ? f[k - 2] + " " + f[k - 1] : "";
      const std::string after = k + 2 < f.size() ? f[k + 2] : "";
      const std::string after2 = k + 3 < f.size() ? after + " " + f[k + 3] : "";
      for (const std::string_view v : {"nguon", "cap", "bo tri", "can doi", "dam bao", "bao dam",
                                       "phan bo", "huy dong", "long ghep", "du toan"}) {
        if (before == v || before2 == v) return true;
      }
      for (const std::string_view v :
           {"thuc hien", "trien khai", "to chuc", "de thuc", "de trien", "de to"}) {
        if (after2 == v || (after == "de" && after2.rfind(v, 0) == 0)) return true;
      }
    }
    return false;
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

  // The spans of a title that cannot hold the plan's own period: the documents it cites, and
  // what follows a cited document up to "trên địa bàn" ("THỰC HIỆN NGHỊ QUYẾT SỐ 48/NQ-CP ...
  // PHÊ DUYỆT CHIẾN LƯỢC ... ĐẾN NĂM 2030": the strategy's horizon, not the plan's). A title
  // that opens with a document named without a number ("THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC
  // GIA ... GIAI ĐOẠN 2021 - 2025 TRÊN ĐỊA BÀN TỈNH NĂM 2024") skips that name too, when the
  // plan's scope ends it.
  static std::vector<std::pair<std::size_t, std::size_t>> own_period_skips(
      const std::string& title) {
    // A decision's "[VỀ VIỆC] BAN HÀNH KẾ HOẠCH ...": the rest is the plan's own title.
    if (const std::size_t p = issued_plan_start(title); p != 0) {
      auto skip = own_period_skips(title.substr(p));
      for (auto& [a, b] : skip) {
        a += p;
        b += p;
      }
      return skip;
    }
    std::vector<std::pair<std::size_t, std::size_t>> skip;
    // Where "trên địa bàn" starts after `from` (the plan's own scope), else the end.
    const WordIndex w = index_words(title);
    const auto scope_after = [&](std::size_t from) {
      for (std::size_t k = 0; k + 2 < w.folded.size(); ++k) {
        if (w.spans[k].first >= from && trim_punct(w.folded[k]) == "tren" &&
            trim_punct(w.folded[k + 1]) == "dia" && trim_punct(w.folded[k + 2]) == "ban") {
          return w.spans[k].first;
        }
      }
      return title.size();
    };
    if (const auto named = named_document_at_start(w)) {
      // (A strategy's horizon is its own even when no scope follows: "THỰC HIỆN CHIẾN LƯỢC
      // QUỐC GIA ... ĐẾN NĂM 2020"; a programme's phase without one is the plan's too.)
      const std::size_t scope = scope_after(*named);
      const bool strategy = fold(title.substr(*named)).find("chien luoc") < 4;
      if (scope < title.size() || strategy) skip.emplace_back(*named, scope);
    }
    // "KẾ HOẠCH LẬP QUY HOẠCH ... THỜI KỲ 2021-2030", "XÂY DỰNG ĐỀ ÁN ... GIAI ĐOẠN ...": the
    // period of the document the plan drafts, not the plan's.
    if (const std::size_t drafted = drafted_document(w); drafted != std::string::npos) {
      skip.emplace_back(drafted, title.size());
    }
    const auto refs = find_references(title);
    if (refs.empty()) return skip;
    // A cited decision that approves a scheme or programme whose phase ends the title, no scope
    // after it ("TRIỂN KHAI QUYẾT ĐỊNH SỐ 1237/QĐ-TTG ... PHÊ DUYỆT ĐỀ ÁN ... ĐẾN NĂM 2020"):
    // the plan carries the scheme out over that phase, as it does a scheme it names.
    const std::size_t approved = approved_programme(w, refs.front().span.byte_start);
    const auto end_of_cited = [&](std::size_t from) {
      return scope_after(from) == title.size() && approved > from ? approved : scope_after(from);
    };
    for (const auto& r : refs) {
      // A reference read in capitals may run on into the plan's scope: cut it there.
      skip.emplace_back(r.span.byte_start,
                        std::min(r.span.byte_end, end_of_cited(r.span.byte_start)));
    }
    // Everything from the first cited document to the plan's scope describes cited documents.
    skip.emplace_back(refs.front().span.byte_start, end_of_cited(refs.front().span.byte_start));
    return skip;
  }

  // Where a document the title drafts starts ("LẬP / XÂY DỰNG QUY HOẠCH, ĐỀ ÁN, CHƯƠNG TRÌNH,
  // KẾ HOẠCH, CHIẾN LƯỢC, DỰ ÁN ..."), bytes; npos when it drafts none.
  static std::size_t drafted_document(const WordIndex& w) {
    for (std::size_t k = 0; k + 2 < w.folded.size(); ++k) {
      const bool builds = trim_punct(w.folded[k]) == "xay" && trim_punct(w.folded[k + 1]) == "dung";
      if (!builds && trim_punct(w.folded[k]) != "lap") continue;
      const std::size_t d = builds ? k + 2 : k + 1;
      if (d + 1 >= w.folded.size()) return std::string::npos;
      const std::string two = trim_punct(w.folded[d]) + " " + trim_punct(w.folded[d + 1]);
      for (const std::string_view t :
           {"quy hoach", "de an", "chuong trinh", "ke hoach", "chien luoc", "du an"}) {
        if (two == t) return w.spans[d].first;
      }
    }
    return std::string::npos;
  }

  // Where the name of a scheme, programme or plan approved after byte `from` starts ("PHÊ
  // DUYỆT ĐỀ ÁN / CHƯƠNG TRÌNH / KẾ HOẠCH"), bytes; npos when none is.
  static std::size_t approved_programme(const WordIndex& w, std::size_t from) {
    for (std::size_t k = 0; k + 3 < w.folded.size(); ++k) {
      if (w.spans[k].first < from || trim_punct(w.folded[k]) != "phe" ||
          trim_punct(w.folded[k + 1]) != "duyet") {
        continue;
      }
      const std::string two = trim_punct(w.folded[k + 2]) + " " + trim_punct(w.folded[k + 3]);
      if (two == "de an" || two == "chuong trinh" || two == "ke hoach") return w.spans[k + 2].first;
    }
    return std::string::npos;
  }

  // Where the plan's own title starts in a title that opens with "[về việc] [ban hành kế
  // hoạch] [hành động]" (bytes; 0 when it opens with none of them).
  static std::size_t issued_plan_start(const std::string& title) {
    const WordIndex w = index_words(title);
    const auto is = [&](std::size_t k, std::string_view a, std::string_view b) {
      return k + 1 < w.folded.size() && w.folded[k] == a && trim_punct(w.folded[k + 1]) == b;
    };
    std::size_t k = 0;
    if (is(k, "ve", "viec")) k += 2;
    if (is(k, "ban", "hanh") && is(k + 2, "ke", "hoach")) k += 4;
    if (is(k, "hanh", "dong")) k += 2;  // the rest of "KẾ HOẠCH HÀNH ĐỘNG"
    return k == 0 || k >= w.folded.size() ? 0 : w.spans[k].first;
  }

  // Where a document the title carries out starts when the title opens with one named by its
  // type ("[TRIỂN KHAI] THỰC HIỆN CHƯƠNG TRÌNH / ĐỀ ÁN / CHIẾN LƯỢC / DỰ ÁN / QUY HOẠCH /
  // KẾ HOẠCH / NGHỊ QUYẾT ..."), else nullopt.
  static std::optional<std::size_t> named_document_at_start(const WordIndex& w) {
    std::size_t k = 0;
    if (k + 1 < w.folded.size() && w.folded[k] == "trien" && trim_punct(w.folded[k + 1]) == "khai")
      k += 2;
    if (k + 1 < w.folded.size() && w.folded[k] == "thuc" && trim_punct(w.folded[k + 1]) == "hien")
      k += 2;
    if (k == 0 || k + 1 >= w.folded.size()) return std::nullopt;
    std::string first = w.folded[k];
    // (Its name may open with a quote: "THỰC HIỆN “CHIẾN LƯỢC ...”".)
    for (const std::string_view q : {"\u201c", "\""}) {
      if (first.rfind(q, 0) == 0) first.erase(0, q.size());
    }
    const std::string two = first + " " + trim_punct(w.folded[k + 1]);
    for (const std::string_view t :
         {"chuong trinh", "de an", "chien luoc", "du an", "quy hoach", "ke hoach", "nghi quyet"}) {
      if (two == t) return w.spans[k].first;
    }
    return std::nullopt;
  }

  static bool starts_preamble(const std::string& text) {
    const std::string f = fold(text);
    for (const std::string_view p : {"can cu", "thuc hien", "theo de nghi", "xet de nghi",
                                     "trien khai", "kinh gui", "tren co so", "theo chi dao"}) {
      if (f.rfind(p, 0) == 0) return true;
    }
    return false;
  }

  // "Thực hiện phong trào thi đua ... năm 2026", "Triển khai Nghị quyết số 12-NQ/TU": a title
  // (what the plan carries out) rather than the preamble's opening, which is a sentence that
  // asks for the plan ("..., Ủy ban nhân dân tỉnh ban hành Kế hoạch ...") or announces what
  // follows ("như sau:").
  static bool names_what_is_carried_out(const std::string& text) {
    const std::string f = fold(squeeze_spaces(text));
    if (f.rfind("thuc hien", 0) != 0 && f.rfind("trien khai", 0) != 0) return false;
    return detail::words_in(f) <= 40 && f.find("ban hanh") == std::string::npos &&
           f.find(':') == std::string::npos && f.find(';') == std::string::npos;
  }

  // The type line's place: its block and line, where the title starts on that line (npos: on
  // the next line), and whether the header has no title under it at all.
  struct TypeLine {
    std::size_t block = 0;
    std::size_t line = 0;
    std::size_t title_at = std::string::npos;
    bool untitled = false;
  };

  // The title as read, where the text after it starts, and the preamble's first lines when
  // they ran on in the title's block.
  struct TitleRead {
    std::string text;
    std::size_t next = 0;
    std::string leftover;
  };

  bool formal() {
    const auto blocks = detail::text_blocks(text_);
    TypeLine at;
    DocumentType type = DocumentType::plan;
    bool typed = true;
    if (!find_type_line(blocks, at.block, at.line, type, at.title_at, typed, at.untitled))
      return false;
    const detail::HeaderFacts h = detail::read_header(header_lines(blocks, at));
    if (!typed && !type_from_number(h, type)) return false;
    formal_header(h, type);
    Plan& plan = result_.plan;
    const std::string issuer = detail::issuer_name(h.issuer_lines);
    TitleRead title = formal_title(blocks, at, type);
    if (!at.untitled) title_below(blocks, type, title);
    plan.title = squeeze_spaces(title.text);
    const std::size_t body_at = body_start(blocks, title.next);
    std::string preamble = title.leftover;
    for (std::size_t k = title.next; k < body_at; ++k) {
      if (!blocks[k].is_table) preamble += (preamble.empty() ? "" : "\n") + blocks[k].text;
    }
    if (!issuer.empty()) {
      set_issuer(complete_issuer(issuer, plan.title + "\n" + preamble));
    } else {
      // No header (a plan posted on a web page): the sentence that issues the plan may name
      // its author ("Ủy ban nhân dân xã Hòa Phong xây dựng Kế hoạch như sau").
      const std::string named = complete_issuer("Ủy ban nhân dân", plan.title + "\n" + preamble,
                                                /*from_header=*/false);
      if (fold(named) != "uy ban nhan dan") set_issuer(named);
    }
    // Period: the title, else the sentence that issues the plan.
    const std::vector<std::pair<std::size_t, std::size_t>> skip = own_period_skips(plan.title);
    plan.period = detail::find_period(plan.title, skip);
    if (!plan.period) plan.period = announced_period(blocks, title.next, body_at);
    std::vector<Node> nodes = formal_body(blocks, body_at);
    const std::string listed = bases_section(nodes);
    formal_bases(listed.empty() ? preamble : preamble + "\n" + listed);
    for (const auto& n : nodes) plan.outline.push_back(OutlineItem{n.level, n.label, n.text});
    formal_sections(nodes);
    formal_reporting(nodes);
    if (plan.issuer_id.empty() && plan.signature) signed_issuer(plan.title + "\n" + preamble);
    if (plan.title.empty() && !at.untitled) note("title: no title under the type word");
    if (plan.issuer_id.empty()) note("issuer: the header names no issuing body");
    if (!plan.period) note("period: the title states no period");
    if (!plan.signature) note("signature: no signature block found");
    return true;
  }

  // The header's lines: every block above the type line (a table's cells one by one) and the
  // lines of the type line's block above it.
  static std::vector<std::string> header_lines(const std::vector<detail::TextBlock>& blocks,
                                               const TypeLine& at) {
    std::vector<std::string> lines;
    for (std::size_t b = 0; b < at.block; ++b) {
      if (blocks[b].is_table) {
        for (const auto& row : blocks[b].cells) {
          for (const auto& cell : row) lines.insert(lines.end(), cell.begin(), cell.end());
        }
      } else {
        lines.insert(lines.end(), blocks[b].lines.begin(), blocks[b].lines.end());
      }
    }
    if (at.block < blocks.size()) {
      lines.insert(lines.end(), blocks[at.block].lines.begin(),
                   blocks[at.block].lines.begin() + static_cast<std::ptrdiff_t>(at.line));
    }
    return lines;
  }

  // A header without a type word: the type from its number's type code ("12/KH-UBND": a
  // plan); false when there is none (not a document read here).
  bool type_from_number(const detail::HeaderFacts& h, DocumentType& type) {
    const auto sym = h.symbol_text ? try_parse_symbol(*h.symbol_text,
                                                      h.party ? std::optional(DocumentFamily::party)
                                                              : std::nullopt)
                                   : std::nullopt;
    if (!sym || !sym->type) return false;
    type = *sym->type;
    note("document_type: the header has no type word; \"" + sym->type_code +
         "\" in its number gives it");
    return true;
  }

  // The header's facts: type, header lines, place, number and issue date.
  void formal_header(const detail::HeaderFacts& h, DocumentType type) {
    Plan& plan = result_.plan;
    plan.document_type = type;
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
  }

  // A decision names its authority in capitals under its title ("ỦY BAN NHÂN DÂN TỈNH X"):
  // that line ends the title.
  static bool names_authority(DocumentType type, const std::string& title,
                              const std::string& line) {
    if (type != DocumentType::decision || title.empty()) return false;
    const std::string ft = fold(title);
    for (const std::string_view tail : {" cua", " va", " voi", " cho", " tai", " thuoc"}) {
      if (ft.size() >= tail.size() && ft.compare(ft.size() - tail.size(), tail.size(), tail) == 0)
        return false;
    }
    return authority_line(line);
  }

  // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X", "BỘ TRƯỞNG BỘ TƯ PHÁP": a line in capitals naming who
  // decides.
  static bool authority_line(const std::string& line) {
    if (!detail::is_upper_case(line)) return false;
    const std::string f = fold(line);
    for (const std::string_view p :
         {"uy ban nhan dan", "ubnd ", "chu tich ", "bo truong ", "giam doc ", "thu tuong ",
          "ban thuong vu ", "hoi dong nhan dan"}) {
      if (f.rfind(p, 0) == 0) return true;
    }
    return false;
  }

  static std::string joined_lines(const std::vector<std::string>& lines, std::size_t from) {
    std::string out;
    for (std::size_t r = from; r < lines.size(); ++r) out += (out.empty() ? "" : " ") + lines[r];
    return out;
  }

  // Title: the lines after the type word in its block. Lines run on into the preamble when no
  // blank line separates them (text from a PDF): the title stops at a line that opens the
  // preamble or, under a title in capitals, at a line that is not; the rest of the block is
  // preamble.
  TitleRead formal_title(const std::vector<detail::TextBlock>& blocks, const TypeLine& at,
                         DocumentType type) {
    TitleRead r;
    r.next = at.untitled ? at.block : at.block + 1;
    if (at.untitled) {
      note(at.block < blocks.size() ? "title: no title under the header"
                                    : "title: the text ends with the header");
      return r;
    }
    const std::vector<std::string>& lines = blocks[at.block].lines;
    if (at.title_at != std::string::npos) r.text = lines[at.line].substr(at.title_at);
    for (std::size_t l = at.line + 1; l < lines.size(); ++l) {
      if (names_authority(type, r.text, lines[l])) {
        r.leftover = joined_lines(lines, l + 1);
        break;
      }
      // (A line in capitals under a title in capitals goes on with it: "KẾ HOẠCH HÀNH ĐỘNG" then
      // "THỰC HIỆN CHIẾN LƯỢC ...".)
      // (So does a line of figures alone, a title wrapped before its year: "... NĂM" / "2026".)
      const std::string fl = fold(lines[l]);
      const bool figures = fl.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos &&
                           fl.find_first_of("0123456789") != std::string::npos;
      const bool upper_run =
          detail::is_upper_case(r.text) && (detail::is_upper_case(lines[l]) || figures);
      if (!r.text.empty() && ((starts_preamble(lines[l]) && !upper_run) ||
                              (detail::is_upper_case(r.text) && !upper_run))) {
        r.leftover = joined_lines(lines, l);
        break;
      }
      r.text += (r.text.empty() ? "" : " ") + lines[l];
    }
    return r;
  }

  // The title's blocks below the type line's (of a header with a title): the next block when
  // the type line holds no title, then the upper-case lines right below a title in capitals.
  static void title_below(const std::vector<detail::TextBlock>& blocks, DocumentType type,
                          TitleRead& r) {
    std::string& title = r.text;
    std::size_t& b = r.next;
    if (title.empty() && b < blocks.size() && !blocks[b].is_table &&
        (!starts_preamble(blocks[b].text) || detail::is_upper_case(blocks[b].text) ||
         names_what_is_carried_out(blocks[b].text)) &&
        detail::item_marker(blocks[b].text).style == detail::MarkerStyle::none) {
      for (const auto& line : blocks[b].lines) {
        if (names_authority(type, title, line)) break;
        title += (title.empty() ? "" : " ") + line;
      }
      ++b;
    }
    while (r.leftover.empty() && !title.empty() && b < blocks.size() && !blocks[b].is_table &&
           !blocks[b].after_blank && detail::is_upper_case(blocks[b].text) &&
           detail::is_upper_case(title) && !names_authority(type, title, blocks[b].text) &&
           detail::item_marker(blocks[b].text).style == detail::MarkerStyle::none) {
      title += " " + blocks[b].text;
      ++b;
    }
    // A title in sentence case that a converter cut into blocks ("Rà soát hộ nghèo, ..." /
    // "lâm nghiệp ... năm 2021" / "trên địa bàn huyện ..."): a block that opens with a small
    // letter goes on with it.
    while (r.leftover.empty() && !title.empty() && !detail::is_upper_case(title) &&
           b < blocks.size() && !blocks[b].is_table && starts_lower(blocks[b].text) &&
           detail::item_marker(blocks[b].text).style == detail::MarkerStyle::none) {
      title += " " + blocks[b].text;
      ++b;
    }
  }

  // The body starts at the first section heading after the title; without one, after the run
  // of "Căn cứ ..." paragraphs.
  static std::size_t body_start(const std::vector<detail::TextBlock>& blocks, std::size_t b) {
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
      if (heading) return k;
    }
    // (A decision's authority line in its own block comes first: "BỘ TRƯỞNG BỘ TƯ PHÁP".)
    std::size_t body_at = b;
    while (body_at < blocks.size() &&
           (blocks[body_at].is_table || starts_preamble(blocks[body_at].text) ||
            (body_at == b && authority_line(blocks[body_at].text))))
      ++body_at;
    return body_at;
  }

  // The period the sentence that issues the plan states. The plan's own announcement is the
  // last "ban hành Kế hoạch" of the preamble (the earlier ones describe cited documents:
  // "Nghị quyết ... ban hành Kế hoạch hành động").
  static std::optional<PlanPeriod> announced_period(const std::vector<detail::TextBlock>& blocks,
                                                    std::size_t b, std::size_t body_at) {
    std::optional<PlanPeriod> period;
    for (std::size_t k = body_at; k-- > b && !period;) {
      const std::string& t = blocks[k].text;
      const WordIndex w = index_words(t);
      std::size_t at = std::string::npos;
      for (std::size_t from = 0;;) {
        const std::size_t next = find_phrase(w, {"ban", "hanh", "ke", "hoach"}, from);
        if (next == std::string::npos) break;
        at = next;
        from = next + 1;
      }
      if (at == std::string::npos) continue;
      std::string rest = t.substr(w.spans[at].first);
      const std::size_t stop = rest.find_first_of(":.");
      if (stop != std::string::npos) rest.resize(stop);
      // (As in the title, a cited strategy's horizon is not the plan's.)
      period = detail::find_period(rest, own_period_skips(rest));
    }
    return period;
  }

  enum class BodyMode : std::uint8_t { body, recipients, annex };

  // What the body reader carries from block to block.
  struct BodyState {
    std::vector<Node> nodes;
    std::vector<detail::MarkerStyle> stack;  // the numbering styles open above the next node
    BodyMode mode = BodyMode::body;
    bool signed_once = false;
  };

  // Body, signature, recipients, annexes: the body's blocks as nodes of the outline.
  // A signature without "Nơi nhận" above it: the authority and title in block k ("TM. ỦY BAN
  // NHÂN DÂN" / "CHỦ TỊCH") and the name there or in one of the next three blocks of short
  // lines (the signing space leaves blank lines: "(Đã ký)", then "Nguyễn Văn A"). True when
  // it is one (k then points at its last block).
  bool signature_blocks(const std::vector<detail::TextBlock>& blocks, std::size_t& k) {
    std::vector<std::string> lines = blocks[k].lines;
    Signature sig = signature_of(lines);
    if (sig.authority.empty()) return false;
    std::size_t last = k;
    for (std::size_t n = k + 1; sig.name.empty() && n < blocks.size() && n <= k + 3; ++n) {
      const detail::TextBlock& b = blocks[n];
      const bool short_lines =
          std::all_of(b.lines.begin(), b.lines.end(),
                      [](const std::string& l) { return detail::words_in(l) <= 6; });
      if (b.is_table || !short_lines ||
          detail::item_marker(b.text).style != detail::MarkerStyle::none) {
        break;
      }
      lines.insert(lines.end(), b.lines.begin(), b.lines.end());
      sig = signature_of(lines);
      last = n;
    }
    if (sig.name.empty()) return false;
    result_.plan.signature = sig;
    k = last;
    return true;
  }

  std::vector<Node> formal_body(const std::vector<detail::TextBlock>& blocks, std::size_t body_at) {
    Plan& plan = result_.plan;
    BodyState s;
    for (std::size_t k = body_at; k < blocks.size(); ++k) {
      const detail::TextBlock& blk = blocks[k];
      if (blk.is_table) {
        body_table(blk, s);
        continue;
      }
      if (fold(blk.text).rfind("noi nhan", 0) == 0) {
        if (!s.signed_once) recipients_block(blk.text, blk.lines);
        s.mode = BodyMode::recipients;
        continue;
      }
      if (s.mode == BodyMode::recipients) {
        k = after_recipients(blocks, k, s);
        continue;
      }
      if (annex_heading(blocks, k, s) || s.mode == BodyMode::annex) continue;
      if (!s.signed_once && !plan.signature && signature_blocks(blocks, k)) continue;
      s.nodes.push_back(body_node(blk, s.stack));
    }
    return std::move(s.nodes);
  }

  // "Nơi nhận: - ...": the recipients on the heading's line (after the colon) or below it.
  void recipients_block(const std::string& t, std::vector<std::string> lines) {
    const std::size_t colon = t.find(':');
    if (colon != std::string::npos && colon + 1 < lines.front().size()) {
      lines.front() = lines.front().substr(lines.front().find(':') + 1);
      recipients_from(lines, 0);
    } else {
      recipients_from(lines, 1);
    }
  }

  // A table in the body: the signature table, a signature block alone in a table, an annex's
  // table, or a table of the body (kept in the outline, its rows one per line).
  void body_table(const detail::TextBlock& blk, BodyState& s) {
    Plan& plan = result_.plan;
    if (signature_table(blk, s)) return;
    if (!s.signed_once && s.mode == BodyMode::body && !plan.signature) {
      for (const auto& row : blk.cells) {
        for (const auto& cell : row) {
          if (cell.empty()) continue;
          const Signature sig = signature_of(cell);
          if (!sig.authority.empty() && !sig.name.empty()) plan.signature = sig;
        }
      }
      if (plan.signature) return;
    }
    if (s.mode == BodyMode::annex && !plan.annexes.empty()) {
      plan.annexes.back().tables.push_back(blk.table);
      return;
    }
    std::string rows;
    for (const auto& row : blk.table.rows) {
      std::string r;
      for (const auto& c : row) r += (r.empty() ? "" : " | ") + c;
      rows += (rows.empty() ? "" : "\n") + r;
    }
    s.nodes.push_back(Node{static_cast<int>(s.stack.size()), detail::MarkerStyle::none, "|", rows,
                           false, Kind::none});
  }

  // The signature table: "Nơi nhận" in one cell, the signature in another. False when the
  // table is not one.
  bool signature_table(const detail::TextBlock& blk, BodyState& s) {
    const auto recipients_cell = [](const std::vector<std::string>& cell) {
      return !cell.empty() && fold(cell.front()).rfind("noi nhan", 0) == 0;
    };
    const bool found = std::any_of(blk.cells.begin(), blk.cells.end(), [&](const auto& row) {
      return std::any_of(row.begin(), row.end(), recipients_cell);
    });
    if (!found) return false;
    for (const auto& row : blk.cells) {
      for (const auto& cell : row) {
        if (cell.empty() || s.signed_once) continue;
        if (recipients_cell(cell)) {
          std::vector<std::string> lines = cell;
          const std::size_t colon = lines.front().find(':');
          if (colon != std::string::npos && colon + 1 < lines.front().size()) {
            lines.front() = lines.front().substr(colon + 1);
            recipients_from(lines, 0);
          } else {
            recipients_from(lines, 1);
          }
        } else {
          const Signature sig = signature_of(cell);
          if (!sig.name.empty() || !sig.title.empty()) result_.plan.signature = sig;
        }
      }
    }
    s.signed_once = true;
    s.mode = BodyMode::body;
    return true;
  }

  // After "Nơi nhận": its dash items, then the signature below them. Returns the last block
  // read (the one before the current one again when the signature took none).
  std::size_t after_recipients(const std::vector<detail::TextBlock>& blocks, std::size_t k,
                               BodyState& s) {
    const detail::TextBlock& blk = blocks[k];
    const detail::Marker m = detail::item_marker(blk.text);
    if (m.style == detail::MarkerStyle::dash || m.style == detail::MarkerStyle::plus) {
      if (!s.signed_once) recipients_from(blk.lines, 0);
      return k;
    }
    std::vector<std::string> lines;
    std::size_t m2 = k;
    for (; m2 < blocks.size() && m2 < k + 6 && !blocks[m2].is_table; ++m2) {
      const std::string& x = blocks[m2].text;
      // (Judged line by line: without blank lines the whole block is one paragraph.)
      const bool long_line =
          std::any_of(blocks[m2].lines.begin(), blocks[m2].lines.end(),
                      [](const std::string& line) { return detail::words_in(line) > 8; });
      // (Nor the plan a decision issues: "KẾ HOẠCH" below the signature.)
      const bool annexed = detail::is_upper_case(x) && opens_with_type(x);
      if (long_line || annexed || fold(x).rfind("phu luc", 0) == 0) break;
      lines.insert(lines.end(), blocks[m2].lines.begin(), blocks[m2].lines.end());
    }
    // (A signature standing above "Nơi nhận" was read already.)
    if (!s.signed_once && !result_.plan.signature) {
      const Signature sig = signature_of(lines);
      if (!sig.name.empty() || !sig.title.empty()) result_.plan.signature = sig;
    }
    s.signed_once = true;
    s.mode = BodyMode::body;
    return m2 - 1;
  }

  // A heading without the note of what it is attached to ("... NĂM 2023 (Kèm theo Quyết định
  // số ... của Chủ tịch Ủy ban nhân dân tỉnh)").
  static std::string without_attachment_note(const std::string& t) {
    std::size_t cut = t.size();
    for (const std::string_view note :
         {"(Kèm theo", "(kèm theo", "(KÈM THEO", "(Ban hành kèm theo", "(ban hành kèm theo"}) {
      cut = std::min(cut, t.find(note));
    }
    return squeeze_spaces(std::string_view(t).substr(0, cut));
  }

  // Whether a line opens with a document type's name: "KẾ HOẠCH", or "KẾ HOẠCH HÀNH ĐỘNG"
  // (the type in the first three words).
  static bool opens_with_type(const std::string& t) {
    const WordIndex w = index_words(t);
    for (std::size_t n = 1; n <= 3 && n <= w.folded.size(); ++n) {
      if (type_from_name(t.substr(0, w.spans[n - 1].second))) return true;
    }
    return false;
  }

  // An annex: "PHỤ LỤC I" (or "Mẫu biểu số 01") alone on its line, and its title below; or,
  // after the signature, a document of its own (the plan a decision issues). True when block
  // k opens one (k then points at its last title block).
  bool annex_heading(const std::vector<detail::TextBlock>& blocks, std::size_t& k, BodyState& s) {
    const detail::TextBlock& blk = blocks[k];
    const std::string t = without_attachment_note(blk.text);
    const std::string f = fold(t);
    const std::string next = k + 1 < blocks.size() && !blocks[k + 1].is_table
                                 ? without_attachment_note(blocks[k + 1].text)
                                 : std::string();
    // (A numbered heading below is the annex's first section, not its title.)
    const bool next_upper =
        detail::is_upper_case(next) && detail::item_marker(next).style == detail::MarkerStyle::none;
    // Without blank lines the heading's line and the title's capital lines below it are one
    // block ("PHỤ LỤC" / "KẾ HOẠCH TRIỂN KHAI ..."): its first line is the heading, the rest
    // the title.
    std::string head = t;
    std::string rest;
    // A title in mixed case below the type ("KẾ HOẠCH HÀNH ĐỘNG" / "Thực hiện Chỉ thị số
    // ..."): no numbering, no sentence's end, at most 60 words.
    const auto mixed_title = [](const std::string& x) {
      return !x.empty() && starts_upper(x) &&
             detail::item_marker(x).style == detail::MarkerStyle::none &&
             detail::words_in(x) <= 60 &&
             std::string_view(".:;").find(x.back()) == std::string::npos;
    };
    const std::string first = blk.lines.empty() ? t : squeeze_spaces(blk.lines.front());
    const bool typed_first =
        detail::is_upper_case(first) && detail::words_in(first) <= 4 && opens_with_type(first);
    if (blk.lines.size() > 1 && (detail::is_upper_case(t) || typed_first)) {
      head = first;
      rest = squeeze_spaces(std::string_view(t).substr(std::min(t.size(), head.size() + 1)));
      if (!detail::is_upper_case(t) && !mixed_title(rest)) rest.clear();
    }
    const auto title = [&](std::string_view joint) {
      std::string out = head;
      if (!rest.empty()) {
        out += std::string(joint) + rest;
      } else if (next_upper) {
        out += std::string(joint) + next;
        ++k;
      }
      return out;
    };
    // (Signed: below the "Nơi nhận" table, or below a signature standing alone, as a gazette
    // prints a decision with no recipients.)
    const bool signed_above = s.signed_once || result_.plan.signature.has_value();
    // The type alone ("KẾ HOẠCH", then the title), or, for the first annex, the type and the
    // title on one line ("KẾ HOẠCH THỰC HIỆN CÔNG TÁC ... NĂM 2023").
    const std::size_t head_words = detail::words_in(head);
    const bool short_head = head_words <= 4 || (result_.plan.annexes.empty() && head_words <= 40);
    if (signed_above && s.mode != BodyMode::annex && short_head && detail::is_upper_case(head) &&
        opens_with_type(head)) {
      Annex a;
      if (rest.empty() && !next_upper && head_words <= 4 && mixed_title(next)) {
        a.title = head + " " + next;
        ++k;
      } else {
        a.title = title(" ");
      }
      result_.plan.annexes.push_back(std::move(a));
      return true;  // its sections are read as the body
    }
    const bool annex_word = f.rfind("phu luc", 0) == 0 || f.rfind("mau bieu", 0) == 0 ||
                            f.rfind("bieu so", 0) == 0 || f.rfind("mau so", 0) == 0;
    if (annex_word && detail::words_in(head) <= 14 && (blk.bold || detail::is_upper_case(head))) {
      Annex a;
      a.title = title(": ");
      result_.plan.annexes.push_back(std::move(a));
      s.mode = BodyMode::annex;
      return true;
    }
    return false;
  }

  // A paragraph or item of the body as a node, its level from the numbering styles open above
  // it (`stack`, updated).
  static Node body_node(const detail::TextBlock& blk, std::vector<detail::MarkerStyle>& stack) {
    const std::string& t = blk.text;
    Node n;
    const detail::Marker m = detail::item_marker(t);
    n.style = m.style;
    n.label = m.label;
    n.text = t.substr(m.text_start);
    if (blk.lines.size() > 1) {
      const std::string first = squeeze_spaces(blk.lines.front());
      const std::string second = squeeze_spaces(blk.lines[1]);
      const std::size_t at = first.size() + 1;
      if (at >= m.text_start && at - m.text_start < n.text.size() && !second.empty() &&
          n.text.compare(at - m.text_start, second.size(), second) == 0) {
        n.line_break = at - m.text_start;
      }
    }
    if (m.style == detail::MarkerStyle::none) {
      place_unnumbered(n, blk, stack);
    } else {
      place_numbered(n, blk.bold, stack);
    }
    const bool may_head = n.style != detail::MarkerStyle::dash &&
                          n.style != detail::MarkerStyle::plus &&
                          n.style != detail::MarkerStyle::bullet &&
                          (n.style != detail::MarkerStyle::none || n.heading);
    if (may_head) n.kind = heading_kind(n.text);
    return n;
  }

  static void place_unnumbered(Node& n, const detail::TextBlock& blk,
                               std::vector<detail::MarkerStyle>& stack) {
    const std::string& t = blk.text;
    n.level = static_cast<int>(stack.size());
    n.heading =
        blk.bold && detail::words_in(t) <= 15 && !t.empty() && t.back() != '.' && t.back() != ';';
    // An unnumbered section heading in capitals ("NHIỆM VỤ TRỌNG TÂM", bold or not) opens a
    // section below the Roman-numbered ones: it takes a level of its own in the stack.
    if (detail::words_in(t) <= 15 && detail::is_upper_case(t) && heading_kind(t) != Kind::none) {
      n.heading = true;
      std::size_t keep = 0;
      while (keep < stack.size() && (stack[keep] == detail::MarkerStyle::roman ||
                                     stack[keep] == detail::MarkerStyle::upper_alpha ||
                                     stack[keep] == detail::MarkerStyle::article)) {
        ++keep;
      }
      stack.resize(keep);
      n.level = static_cast<int>(stack.size());
      stack.push_back(detail::MarkerStyle::none);
    }
  }

  static void place_numbered(Node& n, bool bold, std::vector<detail::MarkerStyle>& stack) {
    if (n.style == detail::MarkerStyle::roman || n.style == detail::MarkerStyle::article) {
      // A new numbering of sections: under the last lettered part ("B. NHIỆM VỤ" then "I.",
      // "II.") or unnumbered capital heading ("NHIỆM VỤ TRỌNG TÂM" then "I."), else at the top.
      if (std::find(stack.begin(), stack.end(), n.style) == stack.end()) {
        std::size_t keep = 0;
        for (std::size_t q = 0; q < stack.size(); ++q) {
          if (stack[q] == detail::MarkerStyle::upper_alpha ||
              stack[q] == detail::MarkerStyle::none) {
            keep = q + 1;
          }
        }
        stack.resize(keep);
      }
    }
    const auto at = std::find(stack.begin(), stack.end(), n.style);
    if (at != stack.end()) {
      stack.erase(at + 1, stack.end());
      n.level = static_cast<int>(at - stack.begin());
    } else {
      n.level = static_cast<int>(stack.size());
      stack.push_back(n.style);
    }
    n.heading = bold;
  }

  // A sentence that only dates the one before it: "Thời hạn hoàn thành: trước ngày ...",
  // "Thời gian thực hiện: ...", "Thời hạn: ..." (folded). ("Thời hạn trình phê duyệt" dates a
  // submission, not the sentence before.)
  static bool dates_the_sentence_before(const std::string& folded) {
    for (const std::string_view p : {"thoi han hoan thanh", "thoi han thuc hien",
                                     "thoi han:", "thoi gian hoan thanh", "thoi gian thuc hien"}) {
      if (folded.rfind(p, 0) == 0) return true;
    }
    return false;
  }

  // A sentence without its clauses (between ';') that send a plan rather than report: "xây
  // dựng Kế hoạch ... và gửi về UBND tỉnh trước ngày 28/2/2023" (no "báo cáo" in the clause).
  static std::string without_plan_submissions(const std::string& sentence) {
    std::string out;
    for (std::size_t at = 0; at <= sentence.size();) {
      const std::size_t end = std::min(sentence.find(';', at), sentence.size());
      const std::string clause = sentence.substr(at, end - at);
      const std::string f = fold(clause);
      const bool submits = f.find("ke hoach") != std::string::npos &&
                           f.find("gui ") != std::string::npos &&
                           f.find("bao cao") == std::string::npos;
      if (!submits) out += clause + ";";
      at = end + 1;
    }
    return out;
  }

  // Reporting duties: sentences that ask for a report by a deadline, the deadline in the same
  // sentence or in a "Thời hạn hoàn thành: ..." sentence (or paragraph) right after it.
  void formal_reporting(const std::vector<Node>& nodes) {
    const auto add = [this](const std::string& text, const std::string& dated) {
      // One duty per deadline ("báo cáo 02 lần/ngày (trước 9h00 và 16h00)" gives two).
      for (const auto& d : detail::find_deadlines(dated)) {
        ReportingDuty r;
        r.text = text;
        r.every_year = d.every_year;
        r.date = d.date;
        r.every_month = d.every_month;
        r.every_day = d.every_day;
        result_.plan.reporting.push_back(std::move(r));
      }
    };
    std::string undated;  // the sentence before, when it asks for a report without a deadline
    for (const auto& n : nodes) {
      for (const auto& sentence : sentences(n.text)) {
        const std::string fs = fold(sentence);
        const bool asks =
            fs.find("bao cao") != std::string::npos || fs.find("gui ") != std::string::npos;
        if (!asks && !undated.empty() && dates_the_sentence_before(fs)) {
          add(undated + ". " + sentence, sentence);
          undated.clear();
          continue;
        }
        undated.clear();
        if (!asks) continue;
        const std::size_t before = result_.plan.reporting.size();
        add(sentence, without_plan_submissions(sentence));
        if (result_.plan.reporting.size() == before) undated = sentence;
      }
    }
  }

  // A header that kept only the kind of body ("ỦY BAN NHÂN DÂN": a page lost the cell with the
  // province) is completed from the text when its announcement names the level ("Ủy ban nhân
  // dân tỉnh ban hành Kế hoạch") and the text names one place at that level ("trên địa bàn tỉnh
  // Quảng Ngãi"); otherwise it stays as written, and says so.
  // "ban hành" / "xây dựng" at word i: the verb that issues the plan. (It may be capitalised:
  // "Ủy ban nhân dân huyện Xây dựng Kế hoạch".)
  static bool issuing_verb(const WordIndex& w, std::size_t i) {
    return i + 1 < w.folded.size() && ((w.folded[i] == "ban" && w.folded[i + 1] == "hanh") ||
                                       (w.folded[i] == "xay" && w.folded[i + 1] == "dung"));
  }

  // The places of the level the issuing sentence gives alone ("Ủy ban nhân dân tỉnh ban hành"):
  // the level word in lower case, then capitalised words ("tỉnh Quảng Ngãi"), anywhere in `text`
  // (`flat`: the same with its line breaks as spaces; `w`: its words).
  static std::set<std::string> level_places(const std::string& text, const std::string& flat,
                                            const WordIndex& w, const std::string& level) {
    std::set<std::string> places;
    const auto verb = [&](std::size_t i) { return issuing_verb(w, i); };
    const std::size_t n = static_cast<std::size_t>(std::count(level.begin(), level.end(), ' ')) + 1;
    for (std::size_t k = 0; k + n < w.folded.size(); ++k) {
      std::string lv;
      for (std::size_t m = 0; m < n; ++m) lv += (m ? " " : "") + w.folded[k + m];
      if (lv != level) continue;
      // The level word in lower case, then capitalised words: "tỉnh Quảng Ngãi".
      if (!starts_lower(flat.substr(w.spans[k].first))) continue;
      std::size_t e = k + n;
      // (A word in capitals is an abbreviation, "UBND", unless it is one letter: "huyện U
      // Minh Thượng".)
      const auto word = [&](std::size_t i) {
        return flat.substr(w.spans[i].first, w.spans[i].second - w.spans[i].first);
      };
      // (A name ends at its line's end: the title's last words, then the preamble's.)
      const auto line_end = [&](std::size_t i) {
        return text.find('\n', w.spans[i - 1].second) < w.spans[i].first;
      };
      // (A name ends before an opening parenthesis and after a comma or a closing one: "trên
      // địa bàn tỉnh Kon Tum (Kế hoạch), như sau".)
      const auto closes = [&](std::size_t i) {
        const std::string p = word(i);
        return !p.empty() && std::string_view(",;:.)").find(p.back()) != std::string_view::npos;
      };
      while (e < w.folded.size() && e < k + n + 4 && !verb(e) && !line_end(e) &&
             starts_upper(word(e)) && word(e).front() != '(' && (e == k + n || !closes(e - 1)) &&
             !(detail::is_upper_case(word(e)) && trim_punct(w.folded[e]).size() > 1)) {
        ++e;
      }
      if (e == k + n) continue;
      places.insert(
          trim_punct(flat.substr(w.spans[k].first, w.spans[e - 1].second - w.spans[k].first)));
    }
    return places;
  }

  // Without an issuer from the header or the text: the body the signature signs for ("TM. ỦY
  // BAN NHÂN DÂN XÃ HÒA PHONG"; a bare "TM. ỦY BAN NHÂN DÂN" completed with its place from
  // `text` as a header's would be).
  void signed_issuer(const std::string& text) {
    const std::string& authority = result_.plan.signature->authority;
    const std::string f = fold(authority);
    const bool tm = f.rfind("tm.", 0) == 0 || f.rfind("t/m", 0) == 0;
    if (!tm) return;
    // (The TM. line comes first; a "KT. CHỦ TỊCH" after it is not the body.)
    std::string body = squeeze_spaces(authority.substr(3));
    for (const std::string_view p : {" KT.", " TL.", " TUQ.", " Q."}) {
      const std::size_t at = body.find(p);
      if (at != std::string::npos) body = squeeze_spaces(body.substr(0, at));
    }
    if (body.empty() || !detail::is_upper_case(body)) return;
    const std::string name = detail::issuer_name({body});
    if (name.empty()) return;
    const std::string full = complete_issuer(name, text, /*from_header=*/false);
    // (A body without its place, "Ủy ban nhân dân", names no issuer: left empty.)
    const std::string ff = fold(full);
    if (ff == "uy ban nhan dan" || ff == "hoi dong nhan dan") return;
    set_issuer(full);
    note("issuer: no header; the signature signs for \"" + full + "\"");
  }

  // `from_header` false: `issuer` is not from the header but what the text may name (no note
  // when it names none).
  std::string complete_issuer(const std::string& issuer, const std::string& text,
                              bool from_header = true) {
    const std::string fi = fold(issuer);
    if (fi != "uy ban nhan dan" && fi != "hoi dong nhan dan") return issuer;
    std::string flat = text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    const WordIndex w = index_words(flat);
    std::string level;
    std::set<std::string> places;
    const auto verb = [&](std::size_t i) { return issuing_verb(w, i); };
    for (const std::string_view lv :
         {"tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran"}) {
      std::vector<std::string_view> words;
      for (std::size_t i = 0; i < lv.size();) {
        const std::size_t sp = lv.find(' ', i);
        words.push_back(lv.substr(i, sp == std::string_view::npos ? lv.size() - i : sp - i));
        i = sp == std::string_view::npos ? lv.size() : sp + 1;
      }
      for (std::size_t k = 0; k + words.size() + 2 <= w.folded.size(); ++k) {
        bool ok = true;
        for (std::size_t m = 0; m < words.size() && ok; ++m) ok = w.folded[k + m] == words[m];
        const std::size_t after = k + words.size();
        if (!ok || k < 1 || (w.folded[k - 1] != "dan" && w.folded[k - 1] != "ubnd")) continue;
        // "Ủy ban nhân dân tỉnh ban hành" (the level), or "Ủy ban nhân dân tỉnh Quảng Ngãi ban
        // hành" / "xây dựng Kế hoạch" (the place itself).
        std::size_t e = after;
        while (e < w.folded.size() && e < after + 4 && !verb(e) &&
               starts_upper(flat.substr(w.spans[e].first, w.spans[e].second - w.spans[e].first)))
          ++e;
        if (!verb(e)) continue;
        if (e == after) {
          level = std::string(lv);
        } else {
          places.insert(
              trim_punct(flat.substr(w.spans[k].first, w.spans[e - 1].second - w.spans[k].first)));
        }
      }
      if (!level.empty() || !places.empty()) break;
    }
    if (places.empty() && !level.empty()) places = level_places(text, flat, w, level);
    if (places.size() != 1) {
      if (from_header) note("issuer: the header names \"" + issuer + "\" without its place");
      return issuer;
    }
    const std::string full = issuer + " " + *places.begin();
    note(from_header ? "issuer: the header names \"" + issuer + "\" without its place; \"" +
                           *places.begin() + "\" in the text completes it"
                     : "issuer: no header; the text names \"" + full + "\" as the plan's author");
    return full;
  }

  static bool starts_lower(const std::string& s) {
    return !s.empty() && !starts_upper(s) && static_cast<unsigned char>(s[0]) >= 'a';
  }

  // A preamble's clause that names a report without a number ("...; Báo cáo nhanh tình hình
  // thiệt hại mưa lũ trên địa bàn tỉnh đến sáng ngày 21/11/2025;"): a basis named by the clause.
  // Clauses the reference finder already read (a numbered "Báo cáo số 12/BC-UBND") are left
  // to it.
  static std::vector<Reference> unnumbered_reports(const std::string& preamble,
                                                   const std::vector<Reference>& found) {
    std::vector<Reference> out;
    std::size_t from = 0;
    while (from < preamble.size()) {
      std::size_t end = preamble.find_first_of(";\n", from);
      // A sentence ends at ". " too.
      const std::size_t stop = preamble.find(". ", from);
      if (stop != std::string::npos && (end == std::string::npos || stop < end)) end = stop;
      if (end == std::string::npos) end = preamble.size();
      std::size_t b = from;
      while (b < end && (preamble[b] == ' ' || preamble[b] == ',')) ++b;
      std::string clause = preamble.substr(b, end - b);
      from = end + 1;
      for (const std::string_view lead : {"Căn cứ ", "Thực hiện ", "Theo "}) {
        if (clause.rfind(lead, 0) == 0) {
          clause.erase(0, lead.size());
          b += lead.size();
        }
      }
      if (clause.rfind("Báo cáo ", 0) != 0 || detail::words_in(clause) > 40 ||
          detail::words_in(clause) < 4)
        continue;
      const std::size_t e = b + clause.size();
      const bool covered = std::any_of(found.begin(), found.end(), [&](const Reference& r) {
        return r.span.byte_start < e && r.span.byte_end > b;
      });
      if (covered) continue;
      Reference r;
      r.type = DocumentType::report;
      r.surface = squeeze_spaces(strip_final_period(clause));
      r.name = r.surface;
      r.span.byte_start = b;
      r.span.byte_end = e;
      out.push_back(std::move(r));
    }
    return out;
  }

  // "Kế hoạch hành động của Ban Thường vụ Thành ủy về triển khai Nghị quyết số 57-NQ/TW ...",
  // "Chương trình hành động của Tỉnh ủy thực hiện Nghị quyết số ...": a body's action plan or
  // programme cited without a number of its own is a basis, named by its words up to the
  // number of the document it carries out (which is a basis of its own).
  static constexpr std::string_view kIssuingVerbs[] = {"ban hanh", "phe duyet", "sua doi",
                                                       "bo sung", "cap nhat"};

  // Up to n bytes of text before byte at, from a whole character and within at's sentence or
  // line (not past a ';', '.' or line break: "... về ban hành quy chế;\nCăn cứ Kế hoạch ...").
  static std::string words_before(const std::string& text, std::size_t at, std::size_t n) {
    std::size_t from = at > n ? at - n : 0;
    while (from < at && (static_cast<unsigned char>(text[from]) & 0xC0U) == 0x80U) ++from;
    std::string window = text.substr(from, at - from);
    if (const std::size_t stop = window.find_last_of(";.\n"); stop != std::string::npos) {
      window.erase(0, stop + 1);
    }
    return window;
  }

  static std::vector<Reference> unnumbered_action_plans(const std::string& preamble,
                                                        const std::vector<Reference>& found) {
    std::vector<Reference> out;
    for (const auto& [opening, type] :
         {std::pair{std::string_view("Kế hoạch hành động của "), DocumentType::plan},
          std::pair{std::string_view("Chương trình hành động của "), DocumentType::programme}}) {
      for (std::size_t at = preamble.find(opening); at != std::string::npos;
           at = preamble.find(opening, at + 1)) {
        // The first numbered document after it, within a few words, ends its name.
        const Reference* carried = nullptr;
        for (const auto& r : found) {
          if (r.symbol && r.span.byte_start >= at + opening.size() &&
              (!carried || r.span.byte_start < carried->span.byte_start)) {
            carried = &r;
          }
        }
        // (One found at the opening is the plan's own citation, numbered.)
        const bool read = std::any_of(found.begin(), found.end(), [&](const Reference& r) {
          return r.span.byte_start <= at && r.span.byte_end > at;
        });
        // The object a cited document issues, approves or amends ("Nghị quyết số 03/NQ-CP ...
        // về ban hành Chương trình hành động ...") is no basis of its own.
        const std::string before = fold(words_before(preamble, at, 60));
        const bool object =
            std::any_of(std::begin(kIssuingVerbs), std::end(kIssuingVerbs),
                        [&](std::string_view v) { return before.find(v) != std::string::npos; });
        if (read || object || carried == nullptr ||
            detail::words_in(preamble.substr(at, carried->span.byte_start - at)) > 20) {
          continue;
        }
        const std::size_t symbol =
            preamble.find(carried->symbol->surface, carried->span.byte_start);
        if (symbol == std::string::npos || symbol >= carried->span.byte_end) continue;
        const std::size_t end = symbol + carried->symbol->surface.size();
        const std::string between = preamble.substr(at, carried->span.byte_start - at);
        if (between.find_first_of(";.") != std::string::npos) continue;
        Reference r;
        r.type = type;
        r.surface = squeeze_spaces(preamble.substr(at, end - at));
        std::replace(r.surface.begin(), r.surface.end(), '\n', ' ');
        r.surface = squeeze_spaces(r.surface);
        r.name = r.surface;
        // The body after "của", up to the words that say what it carries out.
        // (Squeezed, with a space after its last word: "Tỉnh ủy thực hiện " ends in a verb.)
        std::string body = between.substr(opening.size());
        std::replace(body.begin(), body.end(), '\n', ' ');
        body = squeeze_spaces(body) + " ";
        for (const std::string_view v : {" về ", " thực hiện ", " triển khai ", " để "}) {
          if (const std::size_t cut = body.find(v); cut != std::string::npos) body.resize(cut);
        }
        r.issuer = squeeze_spaces(body);
        r.span.byte_start = at;
        r.span.byte_end = end;
        out.push_back(std::move(r));
      }
    }
    return out;
  }

  // A congress numeral: Roman in capitals ("XIII") or digits ("13").
  static bool congress_ordinal(std::string word) {
    word = trim_punct(std::move(word));
    if (word.empty() || word.size() > 6) return false;
    return std::all_of(word.begin(), word.end(),
                       [](char c) {
                         return std::string_view("IVXLC").find(c) != std::string_view::npos;
                       }) ||
           all_digits(word);
  }

  static bool all_digits(const std::string& d) {
    return !d.empty() &&
           std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  // A preamble's words (line breaks read as spaces) with what the congress reader asks of them.
  struct PreambleWords {
    std::string flat;
    WordIndex w;
    explicit PreambleWords(std::string text) : flat(std::move(text)) {
      std::replace(flat.begin(), flat.end(), '\n', ' ');
      w = index_words(flat);
    }
    [[nodiscard]] std::size_t size() const { return w.folded.size(); }
    [[nodiscard]] std::string word(std::size_t k) const {
      return k < size() ? trim_punct(w.folded[k]) : std::string();
    }
    [[nodiscard]] std::string raw(std::size_t k) const {
      return flat.substr(w.spans[k].first, w.spans[k].second - w.spans[k].first);
    }
    // The word ends its clause: a name cannot run past it.
    [[nodiscard]] bool closes(std::size_t k) const {
      return std::string_view(";.:)").find(flat[w.spans[k].second - 1]) != std::string_view::npos;
    }
    [[nodiscard]] bool year(std::size_t k) const {
      const std::string y = trim_punct(raw(k));
      return y.size() == 4 && all_digits(y);
    }
  };

  // The last word of a congress's name from "Nghị quyết Đại hội" at k: its numeral (right after
  // "Đại hội", or after "lần thứ" in the same clause), then "của Đảng [bộ ...]" and the term
  // when they follow; npos without a numeral.
  static std::size_t congress_name_end(const PreambleWords& p, std::size_t k) {
    std::size_t end = std::string::npos;
    for (std::size_t m = k + 4; m < p.size() && m <= k + 16 && !p.closes(m - 1); ++m) {
      if (congress_ordinal(p.raw(m)) &&
          (m == k + 4 || (p.word(m - 2) == "lan" && p.word(m - 1) == "thu"))) {
        end = m;
        break;
      }
    }
    if (end == std::string::npos) return end;
    if (!p.closes(end) && p.word(end + 1) == "cua" && p.word(end + 2) == "dang") {
      end += 2;
      if (!p.closes(end) && p.word(end + 1) == "bo") end = party_body_end(p, end + 1);
    }
    return term_end(p, end);
  }

  // "của Đảng bộ tỉnh Mẫu Sơn": the level word and the place's capitalised words after "bộ" at
  // b.
  static std::size_t party_body_end(const PreambleWords& p, std::size_t b) {
    std::size_t end = b;
    for (std::size_t m = b + 1; m < p.size() && m <= b + 5 && !p.closes(m - 1); ++m) {
      const std::string f = p.word(m);
      const bool level = f == "tinh" || f == "thanh" || f == "pho" || f == "huyen" || f == "quan" ||
                         f == "thi" || f == "xa" || f == "phuong";
      if (!level && !starts_upper(p.raw(m))) break;
      end = m;
    }
    return end;
  }

  // ", nhiệm kỳ 2020 - 2025" / "nhiệm kỳ 2020-2025" after the word at end.
  static std::size_t term_end(const PreambleWords& p, std::size_t end) {
    if (p.closes(end) || p.word(end + 1) != "nhiem" || p.word(end + 2) != "ky" ||
        end + 3 >= p.size())
      return end;
    const std::string t = trim_punct(p.raw(end + 3));
    if (p.year(end + 3)) {
      end += 3;
      if (!p.closes(end) && end + 2 < p.size() &&
          (p.raw(end + 1) == "-" || p.raw(end + 1) == "–") && p.year(end + 2))
        end += 2;
      return end;
    }
    const bool range = t.size() >= 9 && t.find_first_of("-\xE2") == 4 &&
                       all_digits(t.substr(0, 4)) && all_digits(t.substr(t.size() - 4));
    return range ? end + 3 : end;
  }

  // A congress's resolution named without a number (nghị quyết đại hội): "Nghị quyết Đại hội
  // đại biểu toàn quốc lần thứ XIII của Đảng", "Nghị quyết Đại hội XIII của Đảng", "Nghị quyết
  // Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025"; the congress is its
  // issuer. A congress without its numeral ("nghị quyết đại hội đảng các cấp") names no one
  // document, and a short name ("sau đây gọi tắt là Nghị quyết Đại hội XIII") repeats one
  // already cited.
  static std::vector<Reference> congress_resolutions(const std::string& preamble,
                                                     const std::vector<Reference>& found) {
    const PreambleWords p(preamble);
    std::vector<Reference> out;
    std::set<std::string> names;
    for (std::size_t k = 0;
         (k = find_phrase(p.w, {"nghi", "quyet", "dai", "hoi"}, k)) != std::string::npos; ++k) {
      if (k >= 2 && p.word(k - 1) == "la" && (p.word(k - 2) == "tat" || p.word(k - 2) == "goi"))
        continue;
      const std::size_t end = congress_name_end(p, k);
      if (end == std::string::npos) continue;
      const std::size_t b = p.w.spans[k].first;
      const std::size_t e = b + trim_punct(p.flat.substr(b, p.w.spans[end].second - b)).size();
      const bool covered = std::any_of(found.begin(), found.end(), [&](const Reference& r) {
        return r.span.byte_start < e && r.span.byte_end > b;
      });
      std::string name = squeeze_spaces(p.flat.substr(b, e - b));
      if (covered || !names.insert(fold(name)).second) continue;
      Reference r;
      r.type = DocumentType::resolution;
      r.surface = name;
      r.issuer = name.substr(name.find(' ', name.find(' ') + 1) + 1);  // "Đại hội ..."
      r.name = std::move(name);
      r.span.byte_start = b;
      r.span.byte_end = e;
      out.push_back(std::move(r));
    }
    return out;
  }

  // "I. CĂN CỨ PHÁP LÝ", "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH", "I. CƠ SỞ PHÁP LÝ": a first section
  // that lists the plan's bases (one document a line, mostly without "Căn cứ" before each) is
  // read for bases like the preamble. Under a "Cơ sở thực tiễn" sub-heading it states facts
  // (results, reports of the past period), not bases: that part is left out. Empty when the
  // first section is another one.
  static std::string bases_section(const std::vector<Node>& nodes) {
    const auto first = std::find_if(nodes.begin(), nodes.end(),
                                    [](const Node& n) { return n.heading || is_item(n); });
    if (first == nodes.end()) return {};
    const auto h = static_cast<std::size_t>(first - nodes.begin());
    const auto names = [&](std::size_t k, std::string_view what) {
      return fold(trim_punct(squeeze_spaces(nodes[k].text))).rfind(what, 0) == 0;
    };
    if (!names(h, "can cu") && !names(h, "co so phap ly")) return {};
    std::string text;
    const std::size_t e = extent_end(nodes, h);
    for (std::size_t k = h + 1; k < e; ++k) {
      if ((nodes[k].heading || is_item(nodes[k])) && names(k, "co so thuc tien")) {
        k = extent_end(nodes, k) - 1;
        continue;
      }
      text += nodes[k].label + " " + nodes[k].text + "\n";
    }
    return text;
  }

  // A law's folded citation up to its number marker: "số" before a digit ("luat dat dai so
  // 45/2013/qh13"), not the "số" of "một số điều" or the "Sở" of "Sở hữu".
  static std::string name_before_number(const std::string& f) {
    for (std::size_t at = f.find(" so "); at != std::string::npos; at = f.find(" so ", at + 1)) {
      if (at + 4 < f.size() && f[at + 4] >= '0' && f[at + 4] <= '9') return f.substr(0, at);
    }
    return f;
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
    for (auto& r : unnumbered_reports(preamble, kept)) kept.push_back(std::move(r));
    for (auto& r : unnumbered_action_plans(preamble, kept)) kept.push_back(std::move(r));
    for (auto& r : congress_resolutions(preamble, kept)) kept.push_back(std::move(r));
    std::stable_sort(kept.begin(), kept.end(), [](const Reference& a, const Reference& b) {
      return a.span.byte_start < b.span.byte_start;
    });
    std::set<std::string> symbols;
    // "Luật Quy hoạch số 21/2017/QH14; ... Nghị định ... thi hành một số điều của Luật Quy
    // hoạch": a law cited by number and again by its name alone is one document.
    std::set<std::string> numbered_laws;
    for (const auto& r : kept) {
      if (!r.symbol || r.type != DocumentType::law) continue;
      const std::string f = fold(squeeze_spaces(r.surface));
      numbered_laws.insert(name_before_number(f));
    }
    for (const auto& r : kept) {
      // A document cited again ("(sau đây gọi tắt là Nghị quyết số 57-NQ/TW)") counts once.
      if (r.symbol && !symbols.insert(r.symbol->canonical()).second) continue;
      // (One cited with a date or year of its own is another law of the name: "Luật Đất đai
      // ngày 18 tháng 01 năm 2024" is not "Luật Đất đai số 45/2013/QH13".)
      if (!r.symbol && r.name && r.type == DocumentType::law && !r.date && !r.year &&
          numbered_laws.count(fold(squeeze_spaces(*r.name))) != 0) {
        continue;
      }
      if (r.status == ResolutionStatus::ambiguous) {
        std::string list;
        for (const auto& id : r.candidate_ids) list += (list.empty() ? "" : ", ") + id;
        note("legal bases: \"" + r.surface + "\" may be any of " + list + "; not cited");
        continue;
      }
      const std::string id = r.resolved_id ? copy_instrument(*r.resolved_id) : draft_instrument(r);
      if (id.empty() || !seen.insert(id).second) continue;
      // (A reference read across two paragraphs of the preamble is cited on one line.)
      std::string cited = r.surface;
      std::replace(cited.begin(), cited.end(), '\n', ' ');
      plan.legal_bases.push_back(Citation{id, squeeze_spaces(cited)});
    }
    if (plan.legal_bases.empty()) note("legal_bases: the preamble cites no document");
  }

  // 0 for a Nhiệm vụ section, 1 for Giải pháp / Biện pháp, 2 for Nội dung and the rest.
  static int task_rank(const std::string& heading) {
    const std::string f = fold(heading);
    const std::size_t nv = f.find("nhiem vu");
    if (nv != std::string::npos && detail::words_in(f.substr(0, nv)) <= 3) return 0;
    for (const std::string_view p : {"giai phap", "bien phap"}) {
      const std::size_t at = f.find(p);
      if (at != std::string::npos && detail::words_in(f.substr(0, at)) <= 3) return 1;
    }
    return 2;
  }

  // Task areas from an annex table the tasks section points to ("chi tiết Phụ lục đính kèm"):
  // the table's top-level groups (rows numbered I, II or A, B), else its numbered rows; the
  // area's text is the cell under the tasks column (Nhiệm vụ / Nội dung / Giải pháp).
  void annex_task_areas() {
    Plan& plan = result_.plan;
    for (const Annex& a : plan.annexes) {
      for (const Table& t : a.tables) {
        if (t.rows.size() < 2) continue;
        std::size_t column = std::string::npos;
        std::size_t header = 0;
        for (std::size_t r = 0; r < t.rows.size() && r < 3 && column == std::string::npos; ++r) {
          for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
            const std::string f = fold(t.rows[r][c]);
            for (const std::string_view p : {"nhiem vu", "noi dung", "giai phap", "ten nhiem vu",
                                             "hoat dong", "ten hoat dong", "cong viec"}) {
              if (f.rfind(p, 0) == 0) {
                column = c;
                header = r;
                break;
              }
            }
            if (column != std::string::npos) break;
          }
        }
        if (column == std::string::npos || column == 0) continue;
        std::vector<std::pair<std::string, std::string>> groups;
        std::vector<std::pair<std::string, std::string>> numbered;
        for (std::size_t r = header + 1; r < t.rows.size(); ++r) {
          const auto& row = t.rows[r];
          if (row.empty()) continue;
          const std::string label = squeeze_spaces(row[0]);
          // The text of a group row may sit in the second cell of a shorter (merged) row.
          const std::size_t c = column < row.size() ? column : row.size() - 1;
          if (c == 0) continue;
          const std::string text = squeeze_spaces(row[c]);
          if (text.empty()) continue;
          const detail::Marker m = detail::item_marker(label + ". x");
          if (m.style == detail::MarkerStyle::roman ||
              m.style == detail::MarkerStyle::upper_alpha) {
            groups.emplace_back(label, text);
          } else if (m.style == detail::MarkerStyle::arabic) {
            numbered.emplace_back(label, text);
          }
        }
        for (const auto& [label, text] : groups.empty() ? numbered : groups) {
          TaskArea ta;
          ta.number = static_cast<int>(plan.task_areas.size()) + 1;
          ta.label = label;
          ta.text = text;
          ta.citations = citations(ta.text, "task area " + std::to_string(ta.number));
          plan.task_areas.push_back(std::move(ta));
        }
        if (!plan.task_areas.empty()) return;
      }
    }
  }

  // The plan's parts from the body's sections, each by its own reader.
  void formal_sections(std::vector<Node>& nodes) {
    units_as_organisation(nodes);
    formal_purposes(nodes);
    formal_targets(nodes);
    formal_task_areas(nodes);
    formal_duties(nodes);
    formal_funding(nodes);
    stated_period(nodes);
  }

  // "NHIỆM VỤ CỤ THỂ" whose items are units ("1. Sở Nông nghiệp và Môi trường") assigns duties.
  static void units_as_organisation(std::vector<Node>& nodes) {
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      if (nodes[k].kind != Kind::tasks) continue;
      const auto items = direct_items(nodes, k);
      const auto units = std::count_if(items.begin(), items.end(), [&](std::size_t i) {
        return is_item(nodes[i]) &&
               looks_like_unit(split_unit(nodes[i].text, nodes[i].line_break).first);
      });
      if (!items.empty() && units * 5 >= static_cast<std::ptrdiff_t>(items.size()) * 3) {
        nodes[k].kind = Kind::organisation;
      }
    }
  }

  // Whether the text stops inside section h: the section runs to the last paragraph, and that
  // paragraph stops without a sentence's end (a page's opening, a truncated file: "... của các
  // cấp, ", "2. Yêu cầu" then "a) Công tác ... phải được sự qua"). Its items beyond the cut are
  // unknown, so its count is not given ("." "!" "?" close a text, also before a quote, a
  // parenthesis or "/"; ":" and ";" announce more).
  static bool cut_inside(const std::vector<Node>& nodes, std::size_t h) {
    if (extent_end(nodes, h) != nodes.size()) return false;
    std::string_view t = nodes.back().text;
    while (!t.empty() && (std::isspace(static_cast<unsigned char>(t.back())) != 0 ||
                          std::string_view("\"')/*").find(t.back()) != std::string_view::npos)) {
      t.remove_suffix(1);
    }
    for (const std::string_view close : {"\u201d", "\u00bb"}) {  // ” »
      if (t.size() >= close.size() && t.substr(t.size() - close.size()) == close) {
        t.remove_suffix(close.size());
      }
    }
    return t.empty() || std::string_view(".!?").find(t.back()) == std::string_view::npos;
  }

  // The items of section h, or none (with a note) when the text stops inside it.
  std::vector<std::string> counted_items(const std::vector<Node>& nodes, std::size_t h,
                                         const char* part) {
    if (!cut_inside(nodes, h)) return section_items(nodes, h);
    note(std::string(part) + ": the text stops inside \"" + nodes[h].text +
         "\"; its items are not all there");
    return {};
  }

  void formal_purposes(const std::vector<Node>& nodes) {
    Plan& plan = result_.plan;
    const std::size_t pr = find_section(nodes, Kind::purposes_requirements);
    const std::size_t p = find_section(nodes, Kind::purposes);
    const std::size_t r = find_section(nodes, Kind::requirements);
    if (p != std::string::npos) {
      plan.purposes = counted_items(nodes, p, "purposes");
    } else if (pr != std::string::npos) {
      plan.purposes = counted_items(nodes, pr, "purposes");
      note("requirements: \"" + nodes[pr].text +
           "\" does not separate purposes from requirements; all its items are read as purposes");
    } else {
      note("purposes: no \"Mục đích\" section");
    }
    if (r != std::string::npos) {
      plan.requirements = counted_items(nodes, r, "requirements");
    } else if (pr == std::string::npos) {
      note("requirements: no \"Yêu cầu\" section");
    }
  }

  // The sections of a kind not inside another section of that kind.
  static std::vector<std::size_t> outermost(const std::vector<Node>& nodes, Kind kind) {
    std::vector<std::size_t> out;
    for (std::size_t t = 0; t < nodes.size(); ++t) {
      if (nodes[t].kind != kind) continue;
      bool nested = false;
      for (std::size_t q = 0; q < t && !nested; ++q) {
        nested = nodes[q].kind == kind && extent_end(nodes, q) > t;
      }
      if (!nested) out.push_back(t);
    }
    return out;
  }

  // Targets: every targets section not inside another ("Mục tiêu", "Các chỉ tiêu cụ thể"). A
  // heading that also covers other parts ("I. MỤC TIÊU, YÊU CẦU: 1. Mục tiêu, 2. Yêu cầu";
  // "II. MỤC TIÊU, NHIỆM VỤ: 1. Mục tiêu, 2. Nhiệm vụ") gives only the items of its targets
  // sub-sections, when it has any.
  void formal_targets(const std::vector<Node>& nodes) {
    for (const std::size_t t : outermost(nodes, Kind::targets)) {
      const auto items = direct_items(nodes, t);
      const bool mixed = std::any_of(items.begin(), items.end(), [&](std::size_t i) {
        const Kind c = nodes[i].kind;
        return detail::words_in(nodes[i].text) <= 8 &&
               (c == Kind::requirements || c == Kind::purposes ||
                c == Kind::purposes_requirements || c == Kind::tasks);
      });
      std::vector<std::size_t> sections;
      if (mixed) {
        std::copy_if(items.begin(), items.end(), std::back_inserter(sections),
                     [&](std::size_t i) { return nodes[i].kind == Kind::targets; });
      }
      if (sections.empty()) sections.push_back(t);
      for (const std::size_t k : sections) {
        if (cut_inside(nodes, k)) {  // targets beyond the cut: none of them is counted
          result_.plan.targets.clear();
          note("targets: the text stops inside \"" + nodes[k].text +
               "\"; its items are not all there");
          return;
        }
        for (auto& x : section_items(nodes, k)) result_.plan.targets.push_back(std::move(x));
      }
    }
  }

  // The tasks sections that may give the task areas. A section that only wraps others ("II.
  // NỘI DUNG KẾ HOẠCH: 1. Mục tiêu, 2. Nhiệm vụ") gives way to the tasks section inside it; one
  // inside the organisation section ("Nhiệm vụ của các sở") is a duty, not a task. (When every
  // tasks section stands inside the organisation section, "III. TỔ CHỨC THỰC HIỆN: 1. Nhiệm
  // vụ, giải pháp tổng thể; 2. Phân công", those are read.)
  static std::vector<std::size_t> task_sections(const std::vector<Node>& nodes) {
    std::vector<std::size_t> candidates;
    const auto inside_organisation = [&](std::size_t k) {
      for (std::size_t q = 0; q < k; ++q) {
        if (nodes[q].kind == Kind::organisation && extent_end(nodes, q) > k) return true;
      }
      return false;
    };
    bool outside_any = false;
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      if (nodes[k].kind == Kind::tasks && !inside_organisation(k)) outside_any = true;
    }
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      if (nodes[k].kind != Kind::tasks) continue;
      if (outside_any && inside_organisation(k)) continue;
      const auto items = direct_items(nodes, k);
      const bool wrapper = std::any_of(items.begin(), items.end(), [&](std::size_t i) {
        // Only short sub-headings ("1. Mục tiêu", "2. Nhiệm vụ cụ thể") make a wrapper; an item
        // such as "6. Tổ chức triển khai thực hiện Chiến lược ..." is a task.
        const Kind c = detail::words_in(nodes[i].text) <= 8 ? nodes[i].kind : Kind::none;
        return (c != Kind::none && c != Kind::tasks) ||
               (c == Kind::tasks && task_rank(nodes[i].text) < task_rank(nodes[k].text));
      });
      if (!wrapper) candidates.push_back(k);
    }
    return candidates;
  }

  // The task areas of tasks section k: its items, or its bold unnumbered sub-headings; none
  // when it only points to an annex (`points_to_annex` is then set).
  static std::vector<std::size_t> task_items(const std::vector<Node>& nodes, std::size_t k,
                                             bool& points_to_annex) {
    std::vector<std::size_t> items = direct_items(nodes, k);
    if (fold(nodes[k].text).find("phu luc") != std::string::npos) points_to_annex = true;
    // Bold unnumbered sub-headings, the first thing in the section, over paragraphs or items
    // ("**Tuyên truyền**" then "- ..."): the sub-headings are the areas. (An unnumbered
    // heading takes no level of its own: the second one may sit deeper, under the first one's
    // items; every one of them counts.)
    std::vector<std::size_t> sub;
    const std::size_t end = extent_end(nodes, k);
    for (std::size_t i = k + 1; i < end; ++i) {
      if (!is_item(nodes[i]) && nodes[i].heading) sub.push_back(i);
    }
    if (!sub.empty() && sub.front() == k + 1 && sub.size() >= 2) items = sub;
    if (std::any_of(items.begin(), items.end(), [&](std::size_t i) { return is_item(nodes[i]); }))
      return items;
    std::vector<std::size_t> headings;
    for (const std::size_t i : items) {
      if (nodes[i].heading) headings.push_back(i);
    }
    if (!headings.empty()) items = headings;
    // "(chi tiết tại Phụ lục kèm theo)": the areas are in the annex.
    const bool annex_only = std::all_of(items.begin(), items.end(), [&](std::size_t i) {
      return fold(nodes[i].text).find("phu luc") != std::string::npos;
    });
    if (annex_only) {
      points_to_annex = points_to_annex || !items.empty();
      items.clear();
    }
    return items;
  }

  // Task areas: the items of the tasks section. A Nhiệm vụ section wins over a Giải pháp
  // section, which wins over a Nội dung section.
  void formal_task_areas(const std::vector<Node>& nodes) {
    Plan& plan = result_.plan;
    const std::vector<std::size_t> candidates = task_sections(nodes);
    std::pair<int, int> best{1 << 20, 1 << 20};
    for (const std::size_t k : candidates) {
      best = std::min(best, std::pair{task_rank(nodes[k].text), nodes[k].level});
    }
    bool points_to_annex = false;
    for (const std::size_t k : candidates) {
      if (std::pair{task_rank(nodes[k].text), nodes[k].level} != best) continue;
      for (const std::size_t i : task_items(nodes, k, points_to_annex)) {
        TaskArea ta;
        ta.number = static_cast<int>(plan.task_areas.size()) + 1;
        ta.label = nodes[i].label;
        ta.text = nodes[i].text;
        ta.details = subtree(nodes, i);
        ta.citations = citations(ta.text, "task area " + std::to_string(ta.number));
        plan.task_areas.push_back(std::move(ta));
      }
    }
    if (plan.task_areas.empty() && points_to_annex) annex_task_areas();
    if (plan.task_areas.empty())
      note("task_areas: no tasks section (Nhiệm vụ, Giải pháp, Nội dung)");
  }

  // Duties: every organisation section not inside another.
  void formal_duties(const std::vector<Node>& nodes) {
    const std::vector<std::size_t> sections = outermost(nodes, Kind::organisation);
    for (const std::size_t o : sections) organisation_duties(nodes, o);
    // An organisation section that gives no unit a duty and points to an annex ("Các sở, ngành
    // thực hiện nhiệm vụ tại Phụ lục kèm theo"): the duties are the annex tables' rows with a
    // "chủ trì" column.
    if (result_.plan.duties.empty() &&
        std::any_of(sections.begin(), sections.end(), [&](std::size_t o) {
          for (std::size_t k = o; k < extent_end(nodes, o); ++k) {
            if (fold(nodes[k].text).find("phu luc") != std::string::npos) return true;
          }
          return false;
        })) {
      for (const Annex& a : result_.plan.annexes) {
        for (const Table& t : a.tables) table_duties(t.rows);
      }
    }
    if (sections.empty()) {
      note("duties: no \"Tổ chức thực hiện\" section");
    } else if (result_.plan.duties.empty()) {
      note("duties: the organisation section names no unit with duties");
    }
  }

  // The duties of organisation section o. Units as unnumbered bold headings ("**Sở Nội vụ**"
  // over its duties): each heading's duties run to the next such heading, or to a paragraph
  // that names a unit with its duty ("Ủy ban nhân dân tỉnh giao Công an tỉnh chủ trì ..."),
  // which is a duty of its own. Else its items, or their children when those are the units.
  void organisation_duties(const std::vector<Node>& nodes, std::size_t o) {
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // node, end of its duty text
    std::size_t unit_headings = 0;
    const std::size_t o_end = extent_end(nodes, o);
    for (std::size_t k = o + 1; k < o_end; ++k) {
      if (nodes[k].label == "|") table_duties(nodes[k].text);
      if (is_item(nodes[k])) continue;
      const auto [u, duty] = split_unit(nodes[k].text, nodes[k].line_break);
      if (!looks_like_unit(u)) continue;
      if (duty.empty() && (nodes[k].heading || unit_line_over_list(nodes, k, o_end))) {
        if (!ranges.empty()) ranges.back().second = std::min(ranges.back().second, k);
        ranges.emplace_back(k, o_end);
        ++unit_headings;
      } else if (!nodes[k].heading && !duty.empty() && !ranges.empty()) {
        ranges.back().second = std::min(ranges.back().second, k);
        ranges.emplace_back(k, k + 1);
      }
    }
    const auto items = direct_items(nodes, o);
    const bool numbered_units = std::any_of(items.begin(), items.end(), [&](std::size_t i) {
      return is_item(nodes[i]) &&
             looks_like_unit(split_unit(nodes[i].text, nodes[i].line_break).first);
    });
    if (unit_headings >= 2 && !numbered_units) {
      for (const auto& [k, end] : ranges) add_duty(nodes, k, end);
      return;
    }
    for (const std::size_t i : items) item_duties(nodes, i);
  }

  // A unit's name on a plain line of its own (not bold, no number, no full stop or colon) over
  // a list of its duties ("Sở Nội vụ" / "- Chủ trì ..." / "- Tổng hợp ..."): a heading.
  static bool unit_line_over_list(const std::vector<Node>& nodes, std::size_t k, std::size_t end) {
    if (nodes[k].heading || is_item(nodes[k]) || k + 1 >= end || !is_item(nodes[k + 1])) {
      return false;
    }
    const auto style = nodes[k + 1].style;
    if (style != detail::MarkerStyle::dash && style != detail::MarkerStyle::plus &&
        style != detail::MarkerStyle::bullet) {
      return false;
    }
    const std::string t = squeeze_spaces(nodes[k].text);
    return !t.empty() && t.find_first_of(".:;") == std::string::npos && starts_upper(t) &&
           detail::words_in(t) <= 20;
  }

  // Item i of an organisation section: "4. Sở Khoa học và Công nghệ" over its duties ("- Nâng
  // cao ...; - Yêu cầu các cơ quan ...") is the unit, unless most children are units with
  // duties of their own ("a) Sở Nội vụ: chủ trì ...", or "a) Sở Nội vụ" over its list), which
  // are then the duties. Under a heading that names no unit ("1. Trách nhiệm của các cơ quan
  // cấp tỉnh", "2. Cấp xã"), a paragraph whose subject is a unit named in capitals ("Ủy ban
  // nhân dân các xã, phường triển khai ...") is a duty too.
  void item_duties(const std::vector<Node>& nodes, std::size_t i) {
    const auto children = direct_items(nodes, i);
    const auto own = split_unit(nodes[i].text, nodes[i].line_break);
    const bool own_unit = looks_like_unit(own.first);
    // A heading: a few words without a full stop (not "15. Tất cả lực lượng ... phải tuân thủ
    // ...", whose closing paragraph is no duty).
    const std::string own_text = squeeze_spaces(nodes[i].text);
    const bool group_heading = !own_unit && (is_item(nodes[i]) || nodes[i].heading) &&
                               !own_text.empty() &&
                               std::string_view(".;:").find(own_text.back()) == std::string::npos &&
                               detail::words_in(own_text) <= 15;
    const auto unit_child = [&](std::size_t c) {
      const auto [u, duty] = split_unit(nodes[c].text, nodes[c].line_break);
      if (!looks_like_unit(u)) return false;
      if (!is_item(nodes[c])) {
        return group_heading && !duty.empty() && starts_upper(u) && nodes[c].text.rfind(u, 0) == 0;
      }
      if (!duty.empty()) return true;
      // "a) Sở Nội vụ", "- Sở Y tế:" over its own items.
      const std::string t = squeeze_spaces(nodes[c].text);
      return extent_end(nodes, c) > c + 1 && !t.empty() && t.back() != '.';
    };
    const auto unit_children = std::count_if(children.begin(), children.end(), unit_child);
    const bool descend =
        unit_children > 0 &&
        (!own_unit ||
         (own.second.empty() && unit_children * 2 > static_cast<std::ptrdiff_t>(children.size())));
    if (!descend) {
      add_duty(nodes, i);
      // "9. Ủy ban nhân dân cấp xã" / "- Ủy ban nhân dân phường X chủ trì ...": an item under
      // the unit's duties whose subject, a unit named in capitals, takes a part (chủ trì, phối
      // hợp, tham mưu, chịu/có trách nhiệm) is that unit's duty too.
      for (const std::size_t c : children) {
        if (!is_item(nodes[c])) continue;
        const auto [u, duty] = split_unit(nodes[c].text, nodes[c].line_break);
        const std::string f = fold(duty);
        bool part = false;
        for (const std::string_view p :
             {"chu tri", "phoi hop", "tham muu", "chiu trach nhiem", "co trach nhiem"}) {
          part = part || f.rfind(p, 0) == 0;
        }
        if (part && starts_upper(u) && looks_like_unit(u) && unit_key(u) != unit_key(own.first)) {
          add_duty(nodes, c);
        }
      }
      return;
    }
    for (const std::size_t c : children) {
      if (is_item(nodes[c]) || unit_child(c)) add_duty(nodes, c);
    }
  }

  // Funding: a "Kinh phí" heading anywhere, else the sentences that say where the plan's money
  // comes from ("bố trí kinh phí", "nguồn kinh phí", "kinh phí thực hiện"), not those that only
  // speak of money ("tiết kiệm ... kinh phí họp", "thu hồi các khoản kinh phí").
  void formal_funding(const std::vector<Node>& nodes) {
    Plan& plan = result_.plan;
    for (std::size_t k = 0; k < nodes.size(); ++k) {
      if (nodes[k].kind != Kind::funding) continue;
      const std::string inline_text = inline_content(nodes[k].text);
      if (!inline_text.empty()) plan.funding.push_back(inline_text);
      for (auto& s : subtree(nodes, k)) plan.funding.push_back(std::move(s));
      if (plan.funding.empty()) plan.funding.push_back(nodes[k].text);
      return;
    }
    for (const auto& n : nodes) {
      for (const auto& sentence : sentences(n.text)) {
        if (states_funding(sentence)) plan.funding.push_back(sentence);
      }
    }
  }

  // An explicit "Thời gian thực hiện" statement of the plan (a section or top-level item, not
  // the time of one task) wins over the title.
  void stated_period(const std::vector<Node>& nodes) {
    for (std::size_t t = 0; t < nodes.size(); ++t) {
      if (nodes[t].kind != Kind::period || nodes[t].level > 1) continue;
      bool inside = false;
      for (std::size_t q = 0; q < t && !inside; ++q) {
        inside = (nodes[q].kind == Kind::tasks || nodes[q].kind == Kind::organisation) &&
                 extent_end(nodes, q) > t;
      }
      if (inside) continue;
      std::string text = nodes[t].text;
      for (const auto& s : subtree(nodes, t)) text += "\n" + s;
      if (auto stated = detail::find_period(text, {})) {
        result_.plan.period = std::move(stated);
        return;
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
  // Tabs, form feeds and vertical tabs are spaces, a carriage return ends a line: the draft
  // then holds no control character but the line feeds between paragraphs of its prose
  // (Plan::validate and the JSON reader accept nothing else). Byte for byte, so offsets into
  // `text` stay valid.
  std::string lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    char& c = lines[i];
    if (c == '\t' || c == '\f' || c == '\v') c = ' ';
    if (c == '\r') c = i + 1 < lines.size() && lines[i + 1] == '\n' ? ' ' : '\n';
  }
  return Drafter(lines, options).run();
}

}  // namespace danvan
