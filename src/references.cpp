// Finding document references in Vietnamese text: a byte scan for anchors (type words such as
// "Chỉ thị", symbol shapes such as "26/CT-TTg", law names with a year), then a local parse of
// the number, date, issuer, Party term and period around each anchor. No regular expressions:
// words are folded (case and diacritics removed) through a code-point table built once from
// danvan::fold, so "Quyết đinh", "Chỉ thi" and "khoá" match their correct spellings.
#include "danvan/references.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

namespace danvan {

namespace {

// ---------------------------------------------------------------------------------------------
// Code points and folding.

struct CharInfo {
  char folded = 0;  // ASCII lower-case letter it folds to; 0 when not a letter we fold
  bool upper = false;
  bool mark = false;  // combining mark: part of a word, folds to nothing
};

constexpr char32_t kTableEnd = 0x250;
constexpr char32_t kExtStart = 0x1E00;
constexpr char32_t kExtEnd = 0x1F00;

struct FoldTables {
  std::array<CharInfo, kTableEnd> low{};
  std::array<CharInfo, kExtEnd - kExtStart> ext{};
};

std::string encode(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return out;
}

CharInfo make_info(char32_t cp) {
  CharInfo info;
  const auto c = static_cast<UChar32>(cp);
  if (!u_isalpha(c)) return info;
  const std::string folded = fold(encode(cp));
  if (folded.size() == 1 && folded[0] >= 'a' && folded[0] <= 'z') {
    info.folded = folded[0];
    info.upper = u_isupper(c) != 0;
  }
  return info;
}

const FoldTables& tables() {
  static const FoldTables t = [] {
    FoldTables out;
    for (char32_t cp = 0; cp < kTableEnd; ++cp) {
      if (cp < 0x80) {
        const char c = static_cast<char>(cp);
        if (c >= 'a' && c <= 'z') out.low[cp].folded = c;
        if (c >= 'A' && c <= 'Z') {
          out.low[cp].folded = static_cast<char>(c - 'A' + 'a');
          out.low[cp].upper = true;
        }
      } else {
        out.low[cp] = make_info(cp);
      }
    }
    for (char32_t cp = kExtStart; cp < kExtEnd; ++cp) out.ext[cp - kExtStart] = make_info(cp);
    return out;
  }();
  return t;
}

// Decodes the (valid, NFC) UTF-8 sequence at i; returns its length.
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  auto cont = [&](std::size_t k) -> char32_t {
    return i + k < s.size() ? static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F)
                            : 0;
  };
  if (b0 < 0xE0) {
    cp = (static_cast<char32_t>(b0 & 0x1F) << 6) | cont(1);
    return std::min<std::size_t>(2, s.size() - i);
  }
  if (b0 < 0xF0) {
    cp = (static_cast<char32_t>(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2);
    return std::min<std::size_t>(3, s.size() - i);
  }
  cp = (static_cast<char32_t>(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
  return std::min<std::size_t>(4, s.size() - i);
}

CharInfo info_of(char32_t cp) noexcept {
  const FoldTables& t = tables();
  if (cp < kTableEnd) return t.low[cp];
  if (cp >= kExtStart && cp < kExtEnd) return t.ext[cp - kExtStart];
  if (cp >= 0x300 && cp < 0x370) return CharInfo{0, false, true};
  return {};
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A word: a run of letters (and combining marks), folded to ASCII.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;  // == begin when there is no word at the position
  bool upper = false;   // first letter is upper case
  bool all_upper = false;
  std::size_t length = 0;  // folded length (may exceed the buffer)
  std::array<char, 24> buf{};

  [[nodiscard]] bool empty() const noexcept { return end == begin; }
  [[nodiscard]] std::string_view folded() const noexcept {
    return {buf.data(), std::min(length, buf.size())};
  }
  [[nodiscard]] bool is(std::string_view w) const noexcept {
    return length == w.size() && folded() == w;
  }
};

Word read_word(std::string_view s, std::size_t i) noexcept {
  Word w;
  w.begin = i;
  w.end = i;
  w.all_upper = true;
  bool first = true;
  while (i < s.size()) {
    char32_t cp = 0;
    const std::size_t len = decode(s, i, cp);
    const CharInfo info = info_of(cp);
    if (info.folded == 0 && !info.mark) break;
    if (info.folded != 0) {
      if (first) w.upper = info.upper;
      first = false;
      if (!info.upper) w.all_upper = false;
      if (w.length < w.buf.size()) w.buf[w.length] = info.folded;
      ++w.length;
    }
    i += len;
    w.end = i;
  }
  if (w.length == 0) {
    w.end = w.begin;
    w.all_upper = false;
  }
  return w;
}

// White space: ASCII blanks, line breaks and U+00A0. Crossing a blank line is not allowed.
std::size_t skip_ws(std::string_view s, std::size_t i) noexcept {
  int newlines = 0;
  std::size_t j = i;
  while (j < s.size()) {
    const char c = s[j];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++j;
    } else if (c == '\n') {
      if (++newlines > 1) return i;
      ++j;
    } else if (static_cast<unsigned char>(c) == 0xC2 && j + 1 < s.size() &&
               static_cast<unsigned char>(s[j + 1]) == 0xA0) {
      j += 2;
    } else {
      break;
    }
  }
  return j;
}

// ---------------------------------------------------------------------------------------------
// Type words.

struct Phrase {
  std::string folded;  // "chuong trinh phoi hop"
  DocumentType type;
};

const std::vector<Phrase>& phrases() {
  static const std::vector<Phrase> table = [] {
    std::vector<Phrase> out;
    for (const auto& row : document_types()) {
      if (const auto type = type_from_name(row.name)) out.push_back({fold(row.name), *type});
    }
    const std::pair<const char*, DocumentType> extras[] = {
        {"chuong trinh phoi hop", DocumentType::programme},
        {"chuong trinh hanh dong", DocumentType::programme},
        {"chuong trinh lien tich", DocumentType::programme},
        {"quy che phoi hop", DocumentType::regulation},
        {"ke hoach lien tich", DocumentType::plan},
        {"ke hoach phoi hop", DocumentType::plan},
        {"huong dan lien tich", DocumentType::guidance},
        {"thong bao ket luan", DocumentType::notice},
        {"van ban", DocumentType::official_letter},
    };
    for (const auto& [name, type] : extras) out.push_back({name, type});
    return out;
  }();
  return table;
}

// Folded first words of the phrases (all at most 8 letters), packed into integers for a quick
// rejection of ordinary words.
std::uint64_t pack(std::string_view w) noexcept {
  std::uint64_t v = 0;
  for (char c : w) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

bool starts_some_phrase(std::string_view first) {
  static const std::vector<std::uint64_t> firsts = [] {
    std::vector<std::uint64_t> out;
    for (const auto& p : phrases()) out.push_back(pack(p.folded.substr(0, p.folded.find(' '))));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  if (first.size() > 8) return false;
  return std::binary_search(firsts.begin(), firsts.end(), pack(first));
}

struct TypeMatch {
  DocumentType type;
  std::size_t end;  // byte after the last word of the phrase
  std::string folded;
};

// The longest type phrase starting with word `w`.
std::optional<TypeMatch> match_type(std::string_view s, const Word& w) {
  if (w.length > w.buf.size() || !starts_some_phrase(w.folded())) return std::nullopt;
  std::string phrase(w.folded());
  std::optional<TypeMatch> best;
  std::size_t end = w.end;
  for (int words = 1; words <= 4; ++words) {
    for (const auto& p : phrases()) {
      if (p.folded == phrase) best = TypeMatch{p.type, end, phrase};
    }
    if (words == 4) break;
    const std::size_t j = skip_ws(s, end);
    if (j == end) break;
    const Word next = read_word(s, j);
    if (next.empty() || next.length > next.buf.size()) break;
    phrase += ' ';
    phrase += next.folded();
    bool prefix = false;
    for (const auto& p : phrases()) {
      if (p.folded.size() >= phrase.size() && p.folded.compare(0, phrase.size(), phrase) == 0) {
        prefix = true;
        break;
      }
    }
    if (!prefix) break;
    end = next.end;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Numbers, symbols, dates.

// Reads 1..max digits at i; returns the end (== i when none).
std::size_t digits_end(std::string_view s, std::size_t i, std::size_t max) noexcept {
  std::size_t j = i;
  while (j < s.size() && is_digit(s[j]) && j - i < max) ++j;
  if (j < s.size() && is_digit(s[j])) return i;  // too many digits
  return j;
}

int to_int(std::string_view digits) noexcept {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

bool is_symbol_char_at(std::string_view s, std::size_t i, std::size_t& len) noexcept {
  if (i >= s.size()) return false;
  if (is_ascii_alnum(s[i])) {
    len = 1;
    return true;
  }
  char32_t cp = 0;
  const std::size_t l = decode(s, i, cp);
  if (cp < 0x80) return false;
  const CharInfo info = info_of(cp);
  if (info.folded == 0) return false;
  len = l;
  return true;
}

bool is_dash_or_slash(std::string_view s, std::size_t i, std::size_t& len, char& kind) noexcept {
  if (i >= s.size()) return false;
  if (s[i] == '/' || s[i] == '-') {
    len = 1;
    kind = s[i];
    return true;
  }
  char32_t cp = 0;
  const std::size_t l = decode(s, i, cp);
  if ((cp >= 0x2010 && cp <= 0x2014) || cp == 0x2212) {
    len = l;
    kind = '-';
    return true;
  }
  return false;
}

// A number and, when the text continues with separators and codes, a symbol candidate.
struct NumberToken {
  std::size_t begin = 0;
  std::size_t number_end = 0;  // after digits and letter suffix
  std::size_t symbol_end = 0;  // after the longest symbol-shaped run (== number_end if none)
  bool has_letters = false;    // the run beyond the number holds letters
};

std::optional<NumberToken> read_number(std::string_view s, std::size_t i) {
  NumberToken t;
  t.begin = i;
  std::size_t j = digits_end(s, i, 6);
  if (j == i) return std::nullopt;
  // Optional one-letter suffix ("12a"), not followed by another letter.
  if (j < s.size() && s[j] >= 'a' && s[j] <= 'z' &&
      (j + 1 >= s.size() || !is_ascii_alnum(s[j + 1]))) {
    std::size_t l = 0;
    if (!(j + 1 < s.size() && is_symbol_char_at(s, j + 1, l))) ++j;
  }
  if (j < s.size() && (is_ascii_alnum(s[j]))) return std::nullopt;  // "1A", "12kg"
  t.number_end = j;
  t.symbol_end = j;
  std::size_t k = j;
  while (true) {
    std::size_t sep_len = 0;
    char kind = 0;
    std::size_t m = k;
    // "1234 / QĐ-UBND": one space on both sides of a slash is tolerated.
    if (m + 2 < s.size() && s[m] == ' ' && s[m + 1] == '/' && s[m + 2] == ' ') {
      sep_len = 3;
    } else if (!is_dash_or_slash(s, m, sep_len, kind)) {
      break;
    }
    m += sep_len;
    if (is_dash_or_slash(s, m, sep_len, kind)) m += sep_len;  // "//" or "--"
    std::size_t tok_end = m;
    bool letters = false;
    std::size_t l = 0;
    while (is_symbol_char_at(s, tok_end, l)) {
      if (!is_digit(s[tok_end])) letters = true;
      tok_end += l;
    }
    if (tok_end == m) break;
    if (letters) t.has_letters = true;
    k = tok_end;
    t.symbol_end = k;
  }
  return t;
}

std::optional<PartialDate> make_date(int y, int m, int d) {
  if (y < 1900 || y > 2200) return std::nullopt;
  try {
    return PartialDate(y, m, d);
  } catch (const ValueError&) {
    return std::nullopt;
  }
}

// A day date at i: "05/9/2016", "12-12-2013", "05.9.2016", "05 tháng 9 năm 2016".
std::optional<std::pair<PartialDate, std::size_t>> read_day_date(std::string_view s,
                                                                 std::size_t i) {
  const std::size_t d_end = digits_end(s, i, 2);
  if (d_end == i) return std::nullopt;
  const int day = to_int(s.substr(i, d_end - i));
  if (d_end < s.size() && (s[d_end] == '/' || s[d_end] == '-' || s[d_end] == '.')) {
    const char sep = s[d_end];
    const std::size_t m_end = digits_end(s, d_end + 1, 2);
    if (m_end == d_end + 1 || m_end >= s.size() || s[m_end] != sep) return std::nullopt;
    const std::size_t y_end = digits_end(s, m_end + 1, 4);
    if (y_end != m_end + 5) return std::nullopt;
    if (y_end < s.size() && is_ascii_alnum(s[y_end])) return std::nullopt;
    const auto date = make_date(to_int(s.substr(m_end + 1, 4)),
                                to_int(s.substr(d_end + 1, m_end - d_end - 1)), day);
    if (!date) return std::nullopt;
    return std::pair{*date, y_end};
  }
  std::size_t j = skip_ws(s, d_end);
  if (j == d_end) return std::nullopt;
  const Word thang = read_word(s, j);
  if (!thang.is("thang")) return std::nullopt;
  j = skip_ws(s, thang.end);
  const std::size_t m_end = digits_end(s, j, 2);
  if (m_end == j) return std::nullopt;
  const int month = to_int(s.substr(j, m_end - j));
  std::size_t k = skip_ws(s, m_end);
  const Word nam = read_word(s, k);
  if (!nam.is("nam")) return std::nullopt;
  k = skip_ws(s, nam.end);
  const std::size_t y_end = digits_end(s, k, 4);
  if (y_end != k + 4) return std::nullopt;
  const auto date = make_date(to_int(s.substr(k, 4)), month, day);
  if (!date) return std::nullopt;
  return std::pair{*date, y_end};
}

// A 4-digit year 1900..2200 at i, not part of a longer number.
std::optional<std::pair<int, std::size_t>> read_year(std::string_view s, std::size_t i) {
  const std::size_t e = digits_end(s, i, 4);
  if (e != i + 4) return std::nullopt;
  if (e < s.size() && (is_ascii_alnum(s[e]) || s[e] == '%')) return std::nullopt;
  const int y = to_int(s.substr(i, 4));
  if (y < 1900 || y > 2200) return std::nullopt;
  return std::pair{y, e};
}

// Roman numerals of a Party term ("XI", "XIII").
std::size_t roman_end(std::string_view s, std::size_t i) noexcept {
  std::size_t j = i;
  while (j < s.size() && (s[j] == 'I' || s[j] == 'V' || s[j] == 'X' || s[j] == 'L')) ++j;
  if (j == i || j - i > 6) return i;
  if (j < s.size() && is_ascii_alnum(s[j])) return i;
  return j;
}

// ---------------------------------------------------------------------------------------------
// Issuers.

// Lower-case words that occur inside issuer names (folded).
bool issuer_inner_word(std::string_view w) {
  static constexpr std::array<std::string_view, 62> words{
      "nhan",   "dan",    "tinh", "huyen", "xa",     "thanh",  "pho",  "thi",    "tran",
      "quan",   "phuong", "vu",   "su",    "hanh",   "uong",   "tri",  "phu",    "van",
      "uy",     "ban",    "chap", "tuong", "hoi",    "dong",   "quoc", "giao",   "phong",
      "chuc",   "tra",    "kiem", "doan",  "nien",   "san",    "hiep", "nu",     "tich",
      "truong", "thu",    "lao",  "nong",  "chinh",  "trung",  "cong", "an",     "luc",
      "vien",   "sat",    "toa",  "tu",    "nghiep", "nguyen", "moi",  "truong", "te",
      "binh",   "bo",     "truc", "hoc",   "the",    "thao",   "du",   "lich"};
  return std::find(words.begin(), words.end(), w) != words.end();
}

struct IssuerPhrase {
  std::size_t begin;
  std::size_t end;
};

// An issuer name at i: a capitalised word, then capitalised words and issuer-inner lower-case
// words; "và" joins a second issuer when a capitalised word that does not start a type phrase
// follows it.
std::optional<IssuerPhrase> read_issuer(std::string_view s, std::size_t i) {
  Word w = read_word(s, i);
  if (w.empty() || !w.upper) return std::nullopt;
  if (match_type(s, w)) return std::nullopt;
  IssuerPhrase out{w.begin, w.end};
  std::size_t pos = w.end;
  for (int count = 1; count < 20; ++count) {
    std::size_t j = skip_ws(s, pos);
    if (j == pos) break;
    Word next = read_word(s, j);
    if (next.empty()) break;
    if (next.is("va") && !next.upper) {
      const std::size_t k = skip_ws(s, next.end);
      if (k == next.end) break;
      const Word after = read_word(s, k);
      if (after.empty() || !after.upper || match_type(s, after)) break;
      if (after.is("nha") || after.is("dang")) break;  // "và Nhà nước", "và Đảng"
      pos = after.end;
      out.end = pos;
      continue;
    }
    if (next.upper) {
      if (match_type(s, next)) break;
      if (next.is("dieu") || next.is("khoan")) break;
    } else if (next.length > next.buf.size() || !issuer_inner_word(next.folded())) {
      break;
    }
    pos = next.end;
    out.end = pos;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The finder.

class Finder {
 public:
  explicit Finder(std::string_view text) : s_(text) {}

  std::vector<Reference> run() {
    std::size_t i = 0;
    const std::size_t n = s_.size();
    while (i < n) {
      const char c = s_[i];
      if (is_digit(c)) {
        if (boundary_before(i)) {
          if (const auto end = try_bare_symbol(i)) {
            i = *end;
            continue;
          }
        }
        while (i < n && is_digit(s_[i])) ++i;
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x80 && !is_ascii_alnum(c)) {
        ++i;
        continue;
      }
      const Word w = read_word(s_, i);
      if (w.empty()) {
        char32_t cp = 0;
        i += decode(s_, i, cp);
        continue;
      }
      if (const auto end = try_anchor(w)) {
        i = *end;
        continue;
      }
      i = w.end;
      // Skip the rest of an alphanumeric token ("COVID19").
      while (i < n && is_ascii_alnum(s_[i])) ++i;
    }
    attach_periods();
    set_code_point_offsets();
    return std::move(refs_);
  }

 private:
  std::string_view s_;
  std::vector<Reference> refs_;

  [[nodiscard]] bool boundary_before(std::size_t i) const noexcept {
    if (i == 0) return true;
    const char p = s_[i - 1];
    if (is_ascii_alnum(p) || p == '/' || p == '-' || p == '.' || p == ',') return false;
    if (static_cast<unsigned char>(p) >= 0x80) {
      // A letter right before the digit ("Quốc lộ1")? Find the start of that code point.
      std::size_t k = i - 1;
      while (k > 0 && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80) --k;
      char32_t cp = 0;
      decode(s_, k, cp);
      if (info_of(cp).folded != 0) return false;
    }
    return true;
  }

  static std::string_view name_of(DocumentType t) { return info(t).name; }

  static std::string default_code(DocumentType t) {
    const auto& row = info(t);
    return std::string(row.state_code.empty() ? row.party_code : row.state_code);
  }

  // A type phrase followed by [số] NUMBER|SYMBOL, or a law/code/constitution with a year.
  std::optional<std::size_t> try_anchor(const Word& w) {
    const auto type = match_type(s_, w);
    if (!type) return std::nullopt;
    std::size_t j = skip_ws(s_, type->end);
    bool so = false;
    if (j != type->end) {
      const Word next = read_word(s_, j);
      if (next.is("so")) {
        so = true;
        j = next.end;
        if (j < s_.size() && s_[j] == ':') ++j;
        j = skip_ws(s_, j);
      }
    }
    // The generic "văn bản" needs "số": "các văn bản 26/CT-TTg" cites a directive.
    if (type->type == DocumentType::official_letter && type->folded == "van ban" && !so) {
      return std::nullopt;
    }
    if (j < s_.size() && is_digit(s_[j]) && (j != type->end || so)) {
      return numbered(w.begin, type->type, j, so);
    }
    const bool law_like = type->type == DocumentType::law ||
                          type->type == DocumentType::code_of_law ||
                          type->type == DocumentType::constitution;
    if (law_like && w.upper && !so) return named_law(w.begin, type->type, type->end);
    return std::nullopt;
  }

  std::optional<std::size_t> numbered(std::size_t begin, DocumentType type, std::size_t j,
                                      bool so) {
    const auto tok = read_number(s_, j);
    if (!tok) return std::nullopt;
    const std::size_t e = tok->number_end;
    // Not a number of a document: a percentage or a decimal ("35,5", "35%").
    if (e < s_.size() && (s_[e] == '%' || ((s_[e] == ',' || s_[e] == '.') && e + 1 < s_.size() &&
                                           is_digit(s_[e + 1])))) {
      return std::nullopt;
    }
    Reference r;
    r.type = type;
    std::size_t end = e;
    if (tok->symbol_end > e && tok->has_letters) {
      const std::string_view text = s_.substr(j, tok->symbol_end - j);
      if (auto sym = try_parse_symbol(text)) {
        end = tok->symbol_end;
        // The type word decides a Party "QĐ" (Quyết định or, in older texts, Quy định).
        if (type == DocumentType::rules && sym->family == DocumentFamily::party &&
            sym->type == DocumentType::decision) {
          sym->type = DocumentType::rules;
        }
        // "văn bản số 26/CT-TTg": the generic word gives way to the symbol's type.
        if (type == DocumentType::official_letter && sym->type) r.type = *sym->type;
        r.number = sym->number;
        r.type_code = sym->type_code;
        if (sym->year) r.year = sym->year;
        r.symbol = std::move(*sym);
      }
    }
    if (!r.symbol) {
      const std::string_view number = s_.substr(j, e - j);
      // "Kế hoạch 2020": a year, not a number (unless written "số 2020").
      if (!so && number.size() == 4 && to_int(number) >= 1900 && to_int(number) <= 2200) {
        return std::nullopt;
      }
      // A bare date or a range after the type word ("Kế hoạch 2016-2020") is not a number.
      if (tok->symbol_end > e && !tok->has_letters) {
        if (!so) return std::nullopt;
      }
      r.number = std::string(number);
      r.type_code = default_code(type);
    }
    end = attributes(r, end);
    finish(r, begin, end);
    return end;
  }

  std::optional<std::size_t> named_law(std::size_t begin, DocumentType type, std::size_t j) {
    std::size_t pos = skip_ws(s_, j);
    std::size_t name_end = j;
    int words = 0;
    if (type != DocumentType::constitution) {
      while (words < 12) {
        std::size_t k = pos;
        if (words > 0 && k < s_.size() && s_[k] == ',') k = skip_ws(s_, k + 1);
        const Word w = read_word(s_, k);
        if (w.empty()) break;
        if (words == 0 && !w.upper) return std::nullopt;
        if (words > 0 && (w.is("nam") || (w.upper && w.is("luat")))) break;
        if (w.is("so") || w.is("cua") || w.is("ve") || w.is("va") || w.is("ngay")) break;
        ++words;
        name_end = w.end;
        const std::size_t after = skip_ws(s_, w.end);
        if (after == w.end && !(w.end < s_.size() && s_[w.end] == ',')) {
          pos = after;
          break;
        }
        pos = after;
      }
      if (words == 0) return std::nullopt;
    }
    std::size_t k = skip_ws(s_, name_end);
    const Word nam = read_word(s_, k);
    if (nam.is("nam")) k = skip_ws(s_, nam.end);
    const auto year = read_year(s_, k);
    if (!year) return std::nullopt;
    Reference r;
    r.type = type;
    r.type_code = default_code(type);
    r.name = std::string(s_.substr(begin, name_end - begin));
    r.year = year->first;
    std::size_t end = year->second;
    end = attributes(r, end);
    finish(r, begin, end);
    return end;
  }

  // A symbol standing alone ("theo 26/CT-TTg"): only shapes with a type code or of the Party or
  // legal family; a state "công văn" shape needs its type word.
  std::optional<std::size_t> try_bare_symbol(std::size_t i) {
    const auto tok = read_number(s_, i);
    if (!tok || tok->symbol_end == tok->number_end || !tok->has_letters) return std::nullopt;
    auto sym = try_parse_symbol(s_.substr(i, tok->symbol_end - i));
    if (!sym) return std::nullopt;
    if (sym->family == DocumentFamily::state && (!sym->type || sym->type_code.empty())) {
      return std::nullopt;
    }
    Reference r;
    r.type = sym->type.value_or(DocumentType::law);
    r.number = sym->number;
    r.type_code = sym->type_code;
    if (sym->year) r.year = sym->year;
    r.symbol = std::move(*sym);
    std::size_t end = attributes(r, tok->symbol_end);
    finish(r, i, end);
    return end;
  }

  // Date, issuer, Party term and year written right after the number.
  std::size_t attributes(Reference& r, std::size_t end) {
    for (int round = 0; round < 6; ++round) {
      std::size_t j = skip_ws(s_, end);
      bool comma = false;
      if (j < s_.size() && s_[j] == ',') {
        comma = true;
        j = skip_ws(s_, j + 1);
      }
      if (j < s_.size() && s_[j] == '(') {
        if (comma) break;
        const std::size_t k = skip_ws(s_, j + 1);
        const Word w = read_word(s_, k);
        if (w.is("khoa") && !r.term) {
          const std::size_t m = skip_ws(s_, w.end);
          const std::size_t e = roman_end(s_, m);
          if (e == m) break;
          const std::size_t close = skip_ws(s_, e);
          if (close >= s_.size() || s_[close] != ')') break;
          r.term = std::string(s_.substr(m, e - m));
          end = close + 1;
          continue;
        }
        break;
      }
      if (j == end && !comma) break;
      const Word w = read_word(s_, j);
      if (w.empty()) break;
      if (w.is("ngay") && !r.date) {
        const auto date = read_day_date(s_, skip_ws(s_, w.end));
        if (!date) break;
        r.date = date->first;
        r.year = date->first.year();
        end = date->second;
        continue;
      }
      if (comma) break;  // only "…, ngày …" continues after a comma
      if ((w.is("cua") || w.is("giua")) && !r.issuer) {
        const std::size_t k = skip_ws(s_, w.end);
        if (k == w.end) break;
        const auto issuer = read_issuer(s_, k);
        if (!issuer) break;
        r.issuer = std::string(s_.substr(issuer->begin, issuer->end - issuer->begin));
        end = issuer->end;
        continue;
      }
      if (w.is("khoa") && !r.term) {
        const std::size_t m = skip_ws(s_, w.end);
        const std::size_t e = roman_end(s_, m);
        if (e == m) break;
        r.term = std::string(s_.substr(m, e - m));
        end = e;
        continue;
      }
      if (w.is("nam") && !r.date && !r.year) {
        const auto year = read_year(s_, skip_ws(s_, w.end));
        if (!year) break;
        r.year = year->first;
        end = year->second;
        continue;
      }
      break;
    }
    return end;
  }

  void finish(Reference& r, std::size_t begin, std::size_t end) {
    r.span.byte_start = begin;
    r.span.byte_end = end;
    r.surface = std::string(s_.substr(begin, end - begin));
    refs_.push_back(std::move(r));
  }

  // "giai đoạn 2016 - 2021" later in the same clause (before ';', '.', a line end or the next
  // reference).
  void attach_periods() {
    for (std::size_t k = 0; k < refs_.size(); ++k) {
      const std::size_t from = refs_[k].span.byte_end;
      std::size_t limit = k + 1 < refs_.size() ? refs_[k + 1].span.byte_start : s_.size();
      limit = std::min(limit, from + 400);
      const std::size_t stop = s_.find_first_of(";.\n", from);
      if (stop != std::string_view::npos) limit = std::min(limit, stop);
      for (std::size_t i = from; i < limit; ++i) {
        const char c = s_[i];
        if (c != 'g' && c != 'G') continue;
        if (i > 0 && is_ascii_alnum(s_[i - 1])) continue;
        const Word giai = read_word(s_, i);
        if (!giai.is("giai")) continue;
        const Word doan = read_word(s_, skip_ws(s_, giai.end));
        if (!doan.is("doan")) continue;
        const auto first = read_year(s_, skip_ws(s_, doan.end));
        if (!first) continue;
        std::size_t m = skip_ws(s_, first->second);
        std::size_t len = 0;
        char kind = 0;
        if (!is_dash_or_slash(s_, m, len, kind) || kind != '-') continue;
        const auto last = read_year(s_, skip_ws(s_, m + len));
        if (!last || last->first < first->first) continue;
        refs_[k].period = YearRange{first->first, last->first};
        break;
      }
    }
  }

  void set_code_point_offsets() {
    std::size_t byte = 0;
    std::size_t cps = 0;
    auto advance = [&](std::size_t to) {
      for (; byte < to; ++byte) {
        if ((static_cast<unsigned char>(s_[byte]) & 0xC0) != 0x80) ++cps;
      }
      return cps;
    };
    for (auto& r : refs_) {
      r.span.start = advance(r.span.byte_start);
      r.span.end = advance(r.span.byte_end);
    }
  }
};

}  // namespace

std::string_view to_string(ResolutionStatus status) noexcept {
  switch (status) {
    case ResolutionStatus::unresolved:
      return "unresolved";
    case ResolutionStatus::resolved:
      return "resolved";
    case ResolutionStatus::ambiguous:
      return "ambiguous";
  }
  return "";
}

std::vector<Reference> find_references(std::string_view text) {
  if (is_nfc(text)) return Finder(text).run();
  const std::string nfc = normalize_nfc(text);  // throws ParseError for malformed UTF-8
  return Finder(nfc).run();
}

namespace detail {
// Shared with references_resolve.cpp: folded words of a text.
std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const Word w = read_word(text, i);
    if (w.empty()) {
      char32_t cp = 0;
      i += decode(text, i, cp);
      continue;
    }
    if (w.length <= w.buf.size()) {
      out.emplace_back(w.folded());
    } else {
      out.push_back(fold(text.substr(w.begin, w.end - w.begin)));
    }
    i = w.end;
  }
  return out;
}
}  // namespace detail

}  // namespace danvan
