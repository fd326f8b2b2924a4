// Finding document references in Vietnamese text: a byte scan for anchors (type words such as
// "Chỉ thị", symbol shapes such as "26/CT-TTg", law names with a year), then a local parse of
// the number, date, issuer, Party term and period around each anchor. No regular expressions:
// words are folded (case and diacritics removed) through a code-point table built once from
// danvan::fold, so "Quyết đinh", "Chỉ thi" and "khoá" match their correct spellings.
#include "danvan/references.hpp"

#include "finder_paths.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"
#include "model/symbol_detail.hpp"
#include "repair_detail.hpp"
#include "text/text_detail.hpp"
#include "text/utf8.hpp"

#include <unicode/uchar.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define DANVAN_REFS_AVX2 1
#endif

#include <boost/container/small_vector.hpp>

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

CharInfo make_info(char32_t cp) {
  CharInfo info;
  const auto c = static_cast<UChar32>(cp);
  if (!u_isalpha(c)) return info;
  const std::string folded = fold(detail::utf8(cp));
  if (folded.size() == 1 && folded[0] >= 'a' && folded[0] <= 'z') {
    info.folded = folded[0];
    info.upper = u_isupper(c) != 0;
  }
  return info;
}

FoldTables build_tables() {
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
}

// Built once; small enough to inline where words are read.
[[gnu::always_inline]] inline const FoldTables& tables() {
  static const FoldTables t = build_tables();
  return t;
}

// Decodes the UTF-8 sequence at i (i < s.size()); returns its length. An ill-formed sequence
// reads as U+FFFD, which is no letter.
[[gnu::always_inline]] inline std::size_t decode(std::string_view s, std::size_t i,
                                                 char32_t& cp) noexcept {
  std::size_t next = i;
  const UChar32 c = detail::next_code_point(s, next);
  cp = c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
  return next - i;
}

[[gnu::always_inline]] inline CharInfo lookup(const FoldTables& t, char32_t cp) noexcept {
  if (cp < kTableEnd) return t.low[cp];
  if (cp >= kExtStart && cp < kExtEnd) return t.ext[cp - kExtStart];
  if (cp >= 0x300 && cp < 0x370) return CharInfo{0, false, true};
  return {};
}

// The CharInfo of the code point at s[i] (not ASCII) and its length: the two-byte sequences and
// the three-byte ones led by E1 (U+1000..U+1FFF: Vietnamese letters with two marks) decoded
// directly, anything else through decode (an ill-formed sequence is no letter).
[[gnu::always_inline]] inline CharInfo non_ascii_info(const FoldTables& t, std::string_view s,
                                                      std::size_t i, std::size_t& len) noexcept {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const auto continuation = [&](std::size_t k) {
    return i + k < s.size() && (at(k) & 0xC0U) == 0x80;
  };
  const unsigned b = at(0);
  if (b >= 0xC2 && b <= 0xDF && continuation(1)) {
    len = 2;
    return lookup(t, ((b & 0x1FU) << 6U) | (at(1) & 0x3FU));
  }
  if (b == 0xE1 && continuation(1) && continuation(2)) {
    len = 3;
    return lookup(t, 0x1000U | ((at(1) & 0x3FU) << 6U) | (at(2) & 0x3FU));
  }
  char32_t cp = 0;
  len = decode(s, i, cp);
  return lookup(t, cp);
}

CharInfo info_of(char32_t cp) noexcept {
  const FoldTables& t = tables();
  if (cp < kTableEnd) return t.low[cp];
  if (cp >= kExtStart && cp < kExtEnd) return t.ext[cp - kExtStart];
  if (cp >= 0x300 && cp < 0x370) return CharInfo{0, false, true};
  return {};
}

// A fixed set of words, sorted once at compile time and searched by halving: the finder asks
// the stop-word and issuer-word lists for nearly every word it reads around a reference.
template <std::size_t N>
class WordSet {
 public:
  constexpr explicit WordSet(std::array<std::string_view, N> words) : words_(words) {
    std::sort(words_.begin(), words_.end());
  }
  [[nodiscard]] bool contains(std::string_view w) const noexcept {
    return std::binary_search(words_.begin(), words_.end(), w);
  }

 private:
  std::array<std::string_view, N> words_;
};
template <typename... Words>
constexpr auto word_set(Words... words) {
  return WordSet<sizeof...(Words)>({std::string_view(words)...});
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) noexcept {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// a == b for the short words the finder compares (a byte loop: no library call).
[[gnu::always_inline]] inline bool same(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
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
    return length == w.size() && same(folded(), w);
  }
};

Word read_word(std::string_view s, std::size_t i) noexcept {
  const FoldTables& t = tables();
  Word w;
  w.begin = i;
  w.end = i;
  bool all_upper = true;
  std::size_t length = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = 1;
    CharInfo info;
    if (b < 0x80) {
      info = t.low[b];
      if (info.folded == 0) break;  // no ASCII character is a mark
    } else {
      info = non_ascii_info(t, s, i, len);
      if (info.folded == 0) {
        if (!info.mark) break;
        i += len;  // a combining mark: part of the word, folds to nothing
        w.end = i;
        continue;
      }
    }
    if (length == 0) w.upper = info.upper;
    all_upper = all_upper && info.upper;
    if (length < w.buf.size()) w.buf[length] = info.folded;
    ++length;
    i += len;
    w.end = i;
  }
  w.length = length;
  w.all_upper = length != 0 && all_upper;
  if (length == 0) w.end = w.begin;
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

// Folded words of at most 8 letters packed into integers, so that a phrase is matched by
// comparing a few integers instead of strings (every word of every phrase fits).
std::uint64_t pack(std::string_view w) noexcept {
  std::uint64_t v = 0;
  for (char c : w) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

constexpr std::size_t kMaxPhraseWords = 4;

struct PackedPhrase {
  std::array<std::uint64_t, kMaxPhraseWords> words{};
  std::size_t count = 0;
  DocumentType type = DocumentType::official_letter;
  bool generic = false;  // "văn bản": needs "số" before its number
};

struct PhraseIndex {
  std::vector<PackedPhrase> phrases;       // sorted by first word
  std::vector<std::uint64_t> last_words;   // the last word of every phrase, sorted
  std::vector<std::uint64_t> inner_words;  // the words after the first of every phrase, sorted
};

const PhraseIndex& phrase_index() {
  static const PhraseIndex index = [] {
    PhraseIndex out;
    for (const auto& p : phrases()) {
      PackedPhrase packed;
      packed.type = p.type;
      packed.generic = p.folded == "van ban";
      std::size_t from = 0;
      bool fits = true;
      while (from <= p.folded.size()) {
        std::size_t to = p.folded.find(' ', from);
        if (to == std::string::npos) to = p.folded.size();
        const std::string_view word = std::string_view(p.folded).substr(from, to - from);
        if (word.size() > 8 || packed.count == kMaxPhraseWords) {
          fits = false;
          break;
        }
        packed.words[packed.count++] = pack(word);
        from = to + 1;
      }
      // Every current name fits (Vietnamese words have at most 7 letters, names at most 4 words).
      if (!fits || packed.count == 0) continue;
      out.last_words.push_back(packed.words[packed.count - 1]);
      for (std::size_t k = 1; k < packed.count; ++k) out.inner_words.push_back(packed.words[k]);
      out.phrases.push_back(packed);
    }
    std::sort(out.last_words.begin(), out.last_words.end());
    std::sort(out.inner_words.begin(), out.inner_words.end());
    std::sort(out.phrases.begin(), out.phrases.end(),
              [](const PackedPhrase& a, const PackedPhrase& b) { return a.words[0] < b.words[0]; });
    return out;
  }();
  return index;
}

struct TypeMatch {
  DocumentType type;
  std::size_t end;  // byte after the last word of the phrase
  bool generic;     // "văn bản"
};

// The longest type phrase starting with word `w`.
std::optional<TypeMatch> match_type(std::string_view s, const Word& w) {
  if (w.length > 8 || w.length == 0) return std::nullopt;
  const PhraseIndex& index = phrase_index();
  std::array<std::uint64_t, kMaxPhraseWords> got{};
  got[0] = pack(w.folded());
  // The phrases starting with this word: one contiguous group of the sorted table.
  const auto group_begin =
      std::lower_bound(index.phrases.begin(), index.phrases.end(), got[0],
                       [](const PackedPhrase& p, std::uint64_t v) { return p.words[0] < v; });
  if (group_begin == index.phrases.end() || group_begin->words[0] != got[0]) return std::nullopt;
  auto group_end = group_begin;
  while (group_end != index.phrases.end() && group_end->words[0] == got[0]) ++group_end;
  std::optional<TypeMatch> best;
  std::size_t end = w.end;
  for (std::size_t words = 1; words <= kMaxPhraseWords; ++words) {
    bool longer = false;  // some phrase is longer and starts with the words read so far
    for (auto it = group_begin; it != group_end; ++it) {
      const PackedPhrase& p = *it;
      if (p.count < words) continue;
      bool same = true;
      for (std::size_t k = 1; k < words; ++k) same = same && p.words[k] == got[k];
      if (!same) continue;
      if (p.count == words) {
        best = TypeMatch{p.type, end, p.generic};
      } else {
        longer = true;
      }
    }
    if (!longer || words == kMaxPhraseWords) break;
    const std::size_t j = skip_ws(s, end);
    if (j == end) break;
    const Word next = read_word(s, j);
    if (next.empty() || next.length > 8) break;
    got[words] = pack(next.folded());
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
  const auto ascii_letter = [&](std::size_t k) {
    return k < s.size() && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z');
  };
  if (is_ascii_alnum(s[i]) || (s[i] == '&' && i > 1 && ascii_letter(i - 2) && ascii_letter(i - 1) &&
                               ascii_letter(i + 1) && ascii_letter(i + 2))) {
    len = 1;  // '&' joining two codes: "2231/SNV-CCHC&PC" (as parse_symbol reads it)
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
// try_parse_symbol on a symbol written with spaces beside its separators ("35/ KH-UBND").
// (Mis-typed symbols are repaired where the intent is certain: repair_symbol.)
std::optional<Symbol> symbol_of(std::string_view text) { return repair_symbol(text); }

struct NumberToken {
  std::size_t begin = 0;
  std::size_t number_end = 0;  // after digits and letter suffix
  std::size_t symbol_end = 0;  // after the longest symbol-shaped run (== number_end if none)
  bool has_letters = false;    // the run beyond the number holds letters
};

// The end of the code at m (letters and digits); a word glued to a code that ends in digits
// is left out ("32/2009/QH12Luật": the code is "QH12").
std::size_t code_end(std::string_view s, std::size_t m) noexcept {
  std::size_t end = m;
  std::size_t l = 0;
  while (is_symbol_char_at(s, end, l)) {
    if (end > m && is_digit(s[end - 1]) && l == 1 && s[end] >= 'A' && s[end] <= 'Z') {
      std::size_t l2 = 0;
      if (is_symbol_char_at(s, end + 1, l2) && !is_digit(s[end + 1]) &&
          !(s[end + 1] >= 'A' && s[end + 1] <= 'Z')) {
        break;  // an upper-case letter then a lower-case one: a word begins
      }
    }
    end += l;
  }
  return end;
}

// An upper-case code at m ("QĐ", "CT") followed directly by '/'.
bool code_then_slash(std::string_view s, std::size_t m) noexcept {
  if (m >= s.size()) return false;
  const bool upper = (s[m] >= 'A' && s[m] <= 'Z') || s.substr(m, 2) == "Đ";
  if (!upper) return false;
  const std::size_t e = code_end(s, m);
  return e > m && e < s.size() && s[e] == '/';
}

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
  std::size_t code_begin = j;  // where the last code read begins
  while (true) {
    // "136/2001/QĐ.TTg": a dot typed for the hyphen between a type code and its issuer
    // (repair_symbol makes it one); any other dot ends the symbol.
    if (k > code_begin && k < s.size() && s[k] == '.') {
      const std::size_t e = code_end(s, k + 1);
      if (e == k + 1 || !detail::dot_is_hyphen(s.substr(code_begin, k - code_begin),
                                               s.substr(k + 1, e - k - 1))) {
        break;
      }
      code_begin = k + 1;
      k = e;
      t.symbol_end = k;
      continue;
    }
    std::size_t sep_len = 0;
    char kind = 0;
    std::size_t m = k;
    // "1234 / QĐ-UBND", "35/ KH-UBND", "217 - QĐ/TW": one space on either side of a
    // separator is tolerated when letters follow it.
    bool spaced = false;
    if (m < s.size() && s[m] == ' ') {
      spaced = true;
      ++m;
    }
    if (!is_dash_or_slash(s, m, sep_len, kind)) {
      // "218 QĐ/TW": a space written for the hyphen after the number (repaired later).
      if (!(spaced && k == j && code_then_slash(s, m))) break;
    } else {
      m += sep_len;
      if (is_dash_or_slash(s, m, sep_len, kind)) m += sep_len;  // "//" or "--"
      // One blank or line break after it: "35/ KH-UBND", "NQ-\nUBTVQH10".
      if (m < s.size() && (s[m] == ' ' || s[m] == '\n')) {
        spaced = true;
        ++m;
      }
    }
    const std::size_t tok_end = code_end(s, m);
    bool letters = false;
    for (std::size_t q = m; q < tok_end; ++q) letters = letters || !is_digit(s[q]);
    if (tok_end == m || (spaced && !letters)) break;
    if (letters) t.has_letters = true;
    code_begin = m;
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
  static constexpr auto words =
      word_set("nhan", "dan", "tinh", "huyen", "xa", "thanh", "pho", "thi", "tran", "quan",
               "phuong", "vu", "su", "hanh", "uong", "tri", "phu", "van", "uy", "ban", "chap",
               "tuong", "hoi", "dong", "quoc", "giao", "phong", "chuc", "tra", "kiem", "doan",
               "nien", "san", "hiep", "nu", "tich", "truong", "thu", "lao", "nong", "chinh",
               "trung", "cong", "an", "luc", "vien", "sat", "toa", "tu", "nghiep", "nguyen", "moi",
               "truong", "te", "binh", "bo", "truc", "hoc", "the", "thao", "du", "lich");
  return words.contains(w);
}

struct IssuerPhrase {
  std::size_t begin;
  std::size_t end;
};

// Names of bodies (after "Bộ", "Sở", "Phòng", "Đảng ủy", ...) that hold a comma, a dash or a
// lower-case word the issuer reader would otherwise stop at: "Bộ Văn hóa, Thể thao và Du lịch",
// "Bộ Lao động - Thương binh và Xã hội", "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh". Folded
// words; between two words of the text one ',' or dash is allowed ("Văn hóa Thể thao và Du
// lịch", "Lao động-Thương binh" match too). The first word must be capitalised in the text.
const std::vector<std::vector<std::string>>& known_issuer_names() {
  static const std::vector<std::vector<std::string>> names = [] {
    constexpr std::string_view list[] = {
        "van hoa the thao va du lich",
        "van hoa va the thao",
        "van hoa thong tin",
        "van hoa va thong tin",
        "lao dong thuong binh va xa hoi",
        "lao dong thuong binh xa hoi",
        "nong nghiep va phat trien nong thon",
        "nong nghiep va moi truong",
        "tai nguyen va moi truong",
        "giao thong van tai",
        "giao duc va dao tao",
        "giao duc dao tao",
        "khoa hoc va cong nghe",
        "ke hoach va dau tu",
        "thong tin va truyen thong",
        "dan toc va ton giao",
        "xay dung",
        "bao hiem xa hoi",
        "kiem toan nha nuoc",
        "khoi co quan va doanh nghiep",
        "khoi cac co quan",
        "khoi doanh nghiep",
    };
    std::vector<std::vector<std::string>> out;
    for (std::string_view name : list) {
      std::vector<std::string> words;
      std::size_t from = 0;
      while (from <= name.size()) {
        std::size_t to = name.find(' ', from);
        if (to == std::string_view::npos) to = name.size();
        words.emplace_back(name.substr(from, to - from));
        from = to + 1;
      }
      out.push_back(std::move(words));
    }
    return out;
  }();
  return names;
}

// The end of the longest known issuer name starting at i (a capitalised word), or i.
std::size_t known_issuer_end(std::string_view s, std::size_t i) {
  const Word first = read_word(s, i);
  if (first.empty() || !first.upper || first.length > first.buf.size()) return i;
  std::size_t best = i;
  for (const auto& words : known_issuer_names()) {
    if (!same(first.folded(), words.front())) continue;
    std::size_t pos = first.end;
    bool ok = true;
    for (std::size_t k = 1; k < words.size() && ok; ++k) {
      std::size_t j = skip_ws(s, pos);
      std::size_t len = 0;
      char kind = 0;
      if (j < s.size() && s[j] == ',') {
        j = skip_ws(s, j + 1);
      } else if (is_dash_or_slash(s, j, len, kind) && kind == '-') {
        j = skip_ws(s, j + len);
      } else if (j == pos) {
        ok = false;
        break;
      }
      const Word w = read_word(s, j);
      ok = !w.empty() && w.length <= w.buf.size() && same(w.folded(), words[k]);
      pos = w.end;
    }
    if (ok && pos > best) best = pos;
  }
  return best;
}

// An issuer name at i: a capitalised word, then capitalised words, issuer-inner lower-case
// words and known names ("Văn hóa, Thể thao và Du lịch", see known_issuer_names); "và" joins a
// second issuer when a capitalised word that does not start a type phrase follows it.
// The word after w (across white space) is `lower` as written.
bool next_raw_is(std::string_view s, const Word& w, std::string_view lower) noexcept {
  const std::size_t k = skip_ws(s, w.end);
  return k != w.end && s.substr(k, read_word(s, k).end - k) == lower;
}

std::optional<IssuerPhrase> read_issuer(std::string_view s, std::size_t i) {
  Word w = read_word(s, i);
  if (w.empty() || !w.upper) return std::nullopt;
  if (match_type(s, w)) return std::nullopt;
  IssuerPhrase out{w.begin, w.end};
  std::size_t pos = w.end;
  if (const std::size_t known = known_issuer_end(s, i); known != i) pos = out.end = known;
  for (int count = 1; count < 20; ++count) {
    std::size_t j = skip_ws(s, pos);
    if (j == pos) break;
    if (const std::size_t known = known_issuer_end(s, j); known != j) {
      pos = out.end = known;
      continue;
    }
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
    const std::string_view raw = s.substr(next.begin, next.end - next.begin);
    if (raw == "về" || raw == "VỀ") break;  // "… TỈNH ỦY VỀ TĂNG CƯỜNG …" in a heading
    if (raw == "ban" || raw == "BAN") {     // "UBND tỉnh ban hành"
      const std::size_t k = skip_ws(s, next.end);
      const std::string_view hanh = s.substr(k, read_word(s, k).end - k);
      if (hanh == "hành" || hanh == "HÀNH") break;
    }
    if (next.upper) {
      if (match_type(s, next)) break;
      if (next.is("dieu") || next.is("khoan")) break;
    } else if (next.length > next.buf.size() ||
               !(issuer_inner_word(next.folded()) || raw == "đảng" || raw == "pháp" ||
                 raw == "chiến" || (raw == "cán" && next_raw_is(s, next, "sự")))) {
      break;  // "Ban cán sự đảng Chính phủ" goes on in lower case
    }
    pos = next.end;
    out.end = pos;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The candidate scan.

// A byte the scan stops at: a digit, or the first three bytes of an anchor word (see
// Finder::anchor_word_at): "Lu"/"LU" + E1 (Luật), "B" + E1 BB (Bộ), "Hi"/"HI" + E1 (Hiến),
// "Ph"/"PH" + C3 (Pháp), "Ngh"/"NGH" (Nghị), "K" + E1 BA (Kết), and "ngh" / "k" + E1 BA / "lu" +
// E1 after a blank or a line break ("nghị quyết", "kết luận", "luật"). This is the definition;
// candidate_mask computes it for 16 bytes at once.
bool is_candidate(std::string_view s, std::size_t i) noexcept {
  const char c = s[i];
  const auto at = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0U;
  };
  const bool after_blank = i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n');
  switch (c) {
    case 'L':
      return (at(1) | 0x20U) == 'u' && at(2) == 0xE1;
    case 'H':
      return (at(1) | 0x20U) == 'i' && at(2) == 0xE1;
    case 'P':
      return (at(1) | 0x20U) == 'h' && at(2) == 0xC3;
    case 'B':
      return at(1) == 0xE1 && at(2) == 0xBB;
    case 'K':
      return at(1) == 0xE1 && at(2) == 0xBA;
    case 'N':
      return (at(1) | 0x20U) == 'g' && (at(2) | 0x20U) == 'h';
    case 'n':
      return after_blank && at(1) == 'g' && at(2) == 'h';
    case 'k':
      return after_blank && at(1) == 0xE1 && at(2) == 0xBA;
    case 'l':
      return after_blank && at(1) == 'u' && at(2) == 0xE1;
    default:
      return is_digit(c);
  }
}

#if defined(__SSE2__)
// The candidates among the 16 bytes at p (p[-1], p[16] and p[17] readable), one bit per byte.
unsigned candidate_mask(const char* p) noexcept {
  const auto load = [](const char* q) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
  };
  const auto byte = [](unsigned v) { return _mm_set1_epi8(static_cast<char>(v)); };
  const __m128i x = load(p);
  const __m128i before = load(p - 1);
  const __m128i next = load(p + 1);
  const __m128i third = load(p + 2);
  const __m128i next_lower = _mm_or_si128(next, byte(0x20));
  const auto eq = [&](__m128i v, unsigned c) { return _mm_cmpeq_epi8(v, byte(c)); };
  const auto both = [](__m128i a, __m128i b) { return _mm_and_si128(a, b); };
  const auto either = [](__m128i a, __m128i b) { return _mm_or_si128(a, b); };
  const __m128i from_zero = _mm_sub_epi8(x, byte('0'));
  const __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(from_zero, byte(9)), from_zero);
  const __m128i after_blank = either(eq(before, ' '), eq(before, '\n'));
  const __m128i third_e1 = eq(third, 0xE1);
  const __m128i e1_ba = both(eq(next, 0xE1), eq(third, 0xBA));  // Kết, kết
  // L, H, P, N in upper case: the second byte's letter in either case.
  const __m128i upper_words = either(
      either(both(eq(x, 'L'), both(eq(next_lower, 'u'), third_e1)),
             both(eq(x, 'H'), both(eq(next_lower, 'i'), third_e1))),
      either(
          both(eq(x, 'P'), both(eq(next_lower, 'h'), eq(third, 0xC3))),
          both(eq(x, 'N'), both(eq(next_lower, 'g'), eq(_mm_or_si128(third, byte(0x20)), 'h')))));
  const __m128i other_words = either(
      either(both(eq(x, 'B'), both(eq(next, 0xE1), eq(third, 0xBB))), both(eq(x, 'K'), e1_ba)),
      both(after_blank, either(either(both(eq(x, 'n'), both(eq(next, 'g'), eq(third, 'h'))),
                                      both(eq(x, 'k'), e1_ba)),
                               both(eq(x, 'l'), both(eq(next, 'u'), third_e1)))));
  return static_cast<unsigned>(_mm_movemask_epi8(either(digit, either(upper_words, other_words))));
}
#endif

#if defined(DANVAN_REFS_AVX2)
// candidate_mask for the 32 bytes at p (p[-1], p[32] and p[33] readable), with AVX2: the same
// comparisons, twice as wide. (Helpers rather than lambdas: a lambda does not inherit the
// target attribute.)
#define DANVAN_AVX2 __attribute__((target("avx2"), always_inline)) inline
DANVAN_AVX2 __m256i load32(const char* q) noexcept {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(q));
}
DANVAN_AVX2 __m256i eq32(__m256i v, unsigned c) noexcept {
  return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(static_cast<char>(c)));
}
DANVAN_AVX2 __m256i and32(__m256i a, __m256i b) noexcept { return _mm256_and_si256(a, b); }
DANVAN_AVX2 __m256i or32(__m256i a, __m256i b) noexcept { return _mm256_or_si256(a, b); }
DANVAN_AVX2 __m256i set32(unsigned v) noexcept { return _mm256_set1_epi8(static_cast<char>(v)); }

// The anchor words of is_candidate by their first three bytes, one bit per word: at each
// position (0: the byte itself, 1: the next, 2: the one after) the two bytes (often the same)
// the word allows there. "k", "n" and "l" also need a blank before them (checked apart).
struct PatternByte {
  unsigned bit;
  unsigned position;
  unsigned char a;
  unsigned char b;
};
constexpr std::array<PatternByte, 24> kPatternBytes{{
    {0, 0, 'L', 'L'}, {0, 1, 'u', 'U'},   {0, 2, 0xE1, 0xE1},  // Luật, LUẬT
    {1, 0, 'H', 'H'}, {1, 1, 'i', 'I'},   {1, 2, 0xE1, 0xE1},  // Hiến, HIẾN
    {2, 0, 'P', 'P'}, {2, 1, 'h', 'H'},   {2, 2, 0xC3, 0xC3},  // Pháp, PHÁP
    {3, 0, 'N', 'N'}, {3, 1, 'g', 'G'},   {3, 2, 'h', 'H'},    // Nghị, NGHỊ
    {4, 0, 'B', 'B'}, {4, 1, 0xE1, 0xE1}, {4, 2, 0xBB, 0xBB},  // Bộ, BỘ
    {5, 0, 'K', 'k'}, {5, 1, 0xE1, 0xE1}, {5, 2, 0xBA, 0xBA},  // Kết, kết, KẾT
    {6, 0, 'n', 'n'}, {6, 1, 'g', 'g'},   {6, 2, 'h', 'h'},    // nghị
    {7, 0, 'l', 'l'}, {7, 1, 'u', 'u'},   {7, 2, 0xE1, 0xE1},  // luật
}};

// For one position, the words a byte v allows there: lo[v & 15] & hi[v >> 4]. Exact because
// every pattern byte pair differs only in its high nibble (the ASCII case bit).
struct Nibbles {
  std::array<std::uint8_t, 16> lo{};
  std::array<std::uint8_t, 16> hi{};
};
constexpr Nibbles nibbles(unsigned position) {
  Nibbles n;
  for (const PatternByte& p : kPatternBytes) {
    if (p.position != position) continue;
    for (const unsigned char c : {p.a, p.b}) {
      n.lo[c & 15U] = static_cast<std::uint8_t>(n.lo[c & 15U] | (1U << p.bit));
      n.hi[c >> 4U] = static_cast<std::uint8_t>(n.hi[c >> 4U] | (1U << p.bit));
    }
  }
  return n;
}
constexpr std::array<Nibbles, 3> kNibbles{nibbles(0), nibbles(1), nibbles(2)};
// The tables give exactly the bytes of kPatternBytes, no more.
constexpr bool nibbles_exact() {
  for (unsigned position = 0; position < 3; ++position) {
    for (unsigned v = 0; v < 256; ++v) {
      unsigned want = 0;
      for (const PatternByte& p : kPatternBytes) {
        if (p.position == position && (v == p.a || v == p.b)) want |= 1U << p.bit;
      }
      const unsigned got = kNibbles[position].lo[v & 15U] & kNibbles[position].hi[v >> 4U];
      if (got != want) return false;
    }
  }
  return true;
}
static_assert(nibbles_exact(), "candidate pattern bytes must form nibble products");

DANVAN_AVX2 __m256i nibble_table(const std::array<std::uint8_t, 16>& t) noexcept {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data())));
}
// The words (bits of kPatternBytes) each byte of v allows at `position`.
DANVAN_AVX2 __m256i allowed32(__m256i v, const Nibbles& n) noexcept {
  const __m256i low_nibbles = set32(0x0F);
  const __m256i lo = _mm256_shuffle_epi8(nibble_table(n.lo), and32(v, low_nibbles));
  const __m256i hi =
      _mm256_shuffle_epi8(nibble_table(n.hi), and32(_mm256_srli_epi16(v, 4), low_nibbles));
  return and32(lo, hi);
}

// The same candidates as is_candidate with one table look-up per position: a byte starts an
// anchor word when some word allows it, the next byte and the one after.
__attribute__((target("avx2"))) unsigned candidate_mask_avx2(const char* p) noexcept {
  const __m256i x = load32(p);
  const __m256i before = load32(p - 1);
  const __m256i words =
      and32(and32(allowed32(x, kNibbles[0]), allowed32(load32(p + 1), kNibbles[1])),
            allowed32(load32(p + 2), kNibbles[2]));
  const __m256i none = _mm256_cmpeq_epi8(words, _mm256_setzero_si256());
  // A lower-case first letter ("k", "n", "l") needs a blank or a line break before it.
  const __m256i after_blank = or32(eq32(before, ' '), eq32(before, '\n'));
  const __m256i lower = _mm256_cmpgt_epi8(x, set32(0x60));
  const __m256i rejected = or32(none, _mm256_andnot_si256(after_blank, lower));
  const __m256i from_zero = _mm256_sub_epi8(x, set32('0'));
  const __m256i digit = _mm256_cmpeq_epi8(_mm256_min_epu8(from_zero, set32(9)), from_zero);
  const auto word_bits = ~static_cast<unsigned>(_mm256_movemask_epi8(rejected));
  return word_bits | static_cast<unsigned>(_mm256_movemask_epi8(digit));
}
// The code points that start in the whole 32-byte blocks from byte `from` to at most `to`
// (the bytes that are not 10xxxxxx); `from` is moved past the blocks counted.
__attribute__((target("avx2,popcnt"))) std::size_t code_point_starts_avx2(const char* p,
                                                                          std::size_t& from,
                                                                          std::size_t to) noexcept {
  std::size_t count = 0;
  const __m256i last_continuation = _mm256_set1_epi8(static_cast<char>(0xBF));
  for (; from + 32 <= to; from += 32) {
    const auto starts = static_cast<unsigned>(
        _mm256_movemask_epi8(_mm256_cmpgt_epi8(load32(p + from), last_continuation)));
    count += static_cast<std::size_t>(__builtin_popcount(starts));
  }
  return count;
}
bool has_avx2() noexcept {
  static const bool yes = __builtin_cpu_supports("avx2") != 0;
  return yes;
}
#endif

// The candidate scan over a text: next(i) is the first candidate at or after i (the text's
// size when there is none). The candidates of a block (32 bytes with AVX2, else 16 with SSE2)
// are computed once and handed out in order while the scan stays inside the block.
class CandidateScan {
 public:
  /// `wide`: 32-byte AVX2 blocks when the processor has AVX2 (else 16-byte SSE2 blocks).
  CandidateScan(std::string_view s, bool wide) noexcept : s_(s) {
#if defined(DANVAN_REFS_AVX2)
    if (wide && has_avx2()) width_ = 32;
#else
    (void)wide;
#endif
  }

  std::size_t next(std::size_t i) noexcept {
    const std::size_t n = s_.size();
#if defined(__SSE2__)
    if (i == 0) {
      if (n > 0 && is_candidate(s_, 0)) return 0;
      i = 1;
    }
    while (true) {
      if (has_block_ && i >= block_ && i < block_ + width_) {
        const std::uint32_t left = bits_ >> (i - block_);
        if (left != 0) return i + static_cast<std::size_t>(__builtin_ctz(left));
        i = block_ + width_;
      }
      if (i + width_ + 2 > n) break;
      block_ = i;
      bits_ = mask(s_.data() + i);
      has_block_ = true;
    }
#endif
    while (i < n && !is_candidate(s_, i)) ++i;
    return i;
  }

 private:
  std::string_view s_;
  std::size_t width_ = 16;
  std::size_t block_ = 0;
  std::uint32_t bits_ = 0;  // candidates of the width_ bytes at block_
  bool has_block_ = false;

#if defined(__SSE2__)
  [[nodiscard]] std::uint32_t mask(const char* p) const noexcept {
#if defined(DANVAN_REFS_AVX2)
    if (width_ == 32) return candidate_mask_avx2(p);
#endif
    return candidate_mask(p);
  }
#endif
};

// ---------------------------------------------------------------------------------------------
// The finder.

class Finder {
 public:
  /// `exhaustive`: the reference path without shortcuts (every byte tested with is_candidate,
  /// every word before an anchor read); the same references, slower.
  /// `wide`: AVX2 where the processor has it (the narrow SSE2 path is what a processor without
  /// AVX2 runs; tests compare the two).
  explicit Finder(std::string_view text, bool exhaustive = false, bool wide = true)
      : s_(text), exhaustive_(exhaustive), wide_(wide) {}

  // The candidate scan: only digits and the first letters of the words that can start a
  // reference without a number (Luật, Bộ luật, Hiến pháp, Pháp lệnh; Nghị quyết and Kết luận
  // named by their plenum) are looked at; a number is parsed with the type phrase written
  // before it (read backwards), and a word only when its bytes spell one of those words.
  std::vector<Reference> run() {
    const std::size_t n = s_.size();
    // Government texts cite about one document per 1.3 KB (the shared corpus): room for one
    // per KB up front, so that the references are not moved (and their memory touched) again
    // and again as the vector grows. Unused room is address space only, and given back below.
    refs_.reserve(n / 1024 + 16);
    std::size_t i = 0;
    CandidateScan scan(s_, wide_);
    while (true) {
      if (exhaustive_) {
        while (i < n && !is_candidate(s_, i)) ++i;
      } else {
        i = scan.next(i);
      }
      if (i >= n) break;
      i = is_digit(s_[i]) ? on_digit(i) : on_letter(i);
    }
    if (!refs_.empty()) attach_period(refs_.back(), n);
    // Room was made for the densest real texts; a sparse text's few references are moved into
    // a vector of their size.
    if (refs_.capacity() > 2 * refs_.size() + 64) refs_.shrink_to_fit();
    return std::move(refs_);
  }

 private:
  std::string_view s_;
  bool exhaustive_ = false;
  bool wide_ = true;
  std::vector<Reference> refs_;  // found so far, in text order
  std::size_t cp_byte_ = 0;      // code_points_to: the byte counted up to
  std::size_t cp_count_ = 0;     // and the code points before it
  std::size_t consumed_ = 0;     // end of the last reference: nothing before it is read again

  // A run of digits at i: a reference whose type phrase is written before it, or a symbol
  // standing alone. Returns where to go on scanning.
  std::size_t on_digit(std::size_t i) {
    std::size_t run_end = i;
    while (run_end < s_.size() && is_digit(s_[run_end])) ++run_end;
    if (i < consumed_) return run_end;
    if (i > 0 && is_digit(s_[i - 1])) return run_end;
    if (const auto end = anchor_before(i)) return done(*end);
    if (boundary_before(i)) {
      if (const auto end = try_bare_symbol(i)) return done(*end);
    }
    return run_end;
  }

  std::size_t done(std::size_t end) {
    consumed_ = end;
    return end;
  }

  // The type phrase right before the number at i ("Chỉ thị số 26", "Kế hoạch liên tịch số:
  // 5", "Quyết định 217"), read backwards word by word and then parsed forwards from its
  // first word as a reference.
  std::optional<std::size_t> anchor_before(std::size_t i) {
    std::size_t e = skip_ws_back(i);
    if (e > consumed_ && s_[e - 1] == ':') e = skip_ws_back(e - 1);
    std::size_t b = word_start_before(e);
    if (b == e) return std::nullopt;
    Word last = read_word(s_, b);
    if (last.end != e) return std::nullopt;
    const bool so = last.is("so");
    if (so) {
      e = skip_ws_back(b);
      if (e == b) return std::nullopt;
      if (e > consumed_ && s_[e - 1] == ':') e = skip_ws_back(e - 1);  // "Nghị định: số 10"
      b = word_start_before(e);
      if (b == e) return std::nullopt;
      last = read_word(s_, b);
      if (last.end != e) return std::nullopt;
    }
    if (ends_phrase(last)) {
      if (const auto found = anchor_ending_at(last, last.end, true)) return found;
    }
    if (!so || last.upper) return std::nullopt;
    // A qualifier between the type word and "số" ("Báo cáo thẩm định số 12"): up to four
    // lower-case words back; try_anchor reads them forwards.
    std::size_t qb = b;
    for (int count = 0; count < 4; ++count) {
      std::size_t qe = skip_ws_back(qb);
      if (qe > consumed_ && s_[qe - 1] == ',') qe = skip_ws_back(qe - 1);
      if (qe == qb) break;
      const std::size_t pb = word_start_before(qe);
      if (pb == qe) break;
      const Word before = read_word(s_, pb);
      if (before.end != qe) break;
      if (ends_phrase(before)) {
        if (const auto found = anchor_ending_at(before, before.end, true)) return found;
      }
      if (before.upper) break;
      qb = pb;
    }
    return std::nullopt;
  }

  // try_anchor at the first word of the longest type phrase that ends at `end` (exactly when
  // `exact`, else at or after it) and starts at the word `at_b` or at one of the words before.
  // The words before it are read only while the earliest word read can be a later word of a
  // phrase (PhraseIndex::inner_words): a phrase that starts before a word it cannot hold
  // cannot reach `at_b` (the exhaustive path reads them all, see find_references_exhaustive).
  std::optional<std::size_t> anchor_ending_at(const Word& at_b, std::size_t end, bool exact) {
    std::array<Word, kMaxPhraseWords> words{};
    std::size_t count = 0;
    words[count++] = at_b;
    while (count < kMaxPhraseWords) {
      if (!exhaustive_ && !inner_word(words[count - 1])) break;
      const std::size_t start = words[count - 1].begin;
      const std::size_t pe = skip_ws_back(start);
      if (pe == start) break;
      const std::size_t pb = word_start_before(pe);
      if (pb == pe) break;
      words[count++] = read_word(s_, pb);
    }
    for (std::size_t k = count; k-- > 0;) {
      const Word& first = words[k];
      const auto type = match_type(s_, first);
      if (!type || type->end < end || (exact && type->end != end)) continue;
      if (const auto found = try_anchor(first, *type)) return found;
    }
    return std::nullopt;
  }

  // The word can be a later word of a type phrase ("luật" in "Bộ luật").
  static bool inner_word(const Word& w) {
    if (w.length > 8 || w.length == 0) return false;
    const auto& inner = phrase_index().inner_words;
    return std::binary_search(inner.begin(), inner.end(), pack(w.folded()));
  }

  // The word ending at e is the last word of a type phrase.
  static bool ends_phrase(const Word& w) {
    if (w.length > 8) return false;
    const auto& lasts = phrase_index().last_words;
    return std::binary_search(lasts.begin(), lasts.end(), pack(w.folded()));
  }

  // White space before e (blanks, one line break, U+00A0), not before consumed_.
  [[nodiscard]] std::size_t skip_ws_back(std::size_t e) const noexcept {
    std::size_t k = e;
    int newlines = 0;
    while (k > consumed_) {
      const char c = s_[k - 1];
      if (c == ' ' || c == '\t' || c == '\r') {
        --k;
      } else if (c == '\n') {
        if (++newlines > 1) return e;
        --k;
      } else if (static_cast<unsigned char>(c) == 0xA0 && k >= consumed_ + 2 &&
                 static_cast<unsigned char>(s_[k - 2]) == 0xC2) {
        k -= 2;
      } else {
        break;
      }
    }
    return k;
  }

  // The start of the run of letters (and combining marks) ending at e, not before consumed_.
  [[nodiscard]] std::size_t word_start_before(std::size_t e) const noexcept {
    const FoldTables& t = tables();
    std::size_t k = e;
    while (k > consumed_) {
      std::size_t b = k - 1;
      while (b > consumed_ && (static_cast<unsigned char>(s_[b]) & 0xC0) == 0x80) --b;
      const auto lead = static_cast<unsigned char>(s_[b]);
      std::size_t len = 1;
      const CharInfo info = lead < 0x80 ? t.low[lead] : non_ascii_info(t, s_, b, len);
      if (info.folded == 0 && !info.mark) break;
      k = b;
    }
    return k;
  }

  // A capitalised "Luật" or "Bộ" (luật) (also "LUẬT", "BỘ"), "Hiến pháp", "Pháp lệnh", or "Nghị
  // quyết" / "Kết luận" / "luật" (any case) at i, recognised by its bytes (NFC) before any
  // folding.
  std::size_t on_letter(std::size_t i) {
    const std::size_t next = i + 1;
    if (i < consumed_ || !anchor_word_at(i) || !(i == consumed_ || boundary_before(i))) return next;
    const Word w = read_word(s_, i);
    if (const auto end = anchor_ending_at(w, w.end, false)) return done(*end);
    return std::max(next, w.end);
  }

  // The bytes at i spell "Luật"/"LUẬT", "Bộ"/"BỘ", "Hiến"/"HIẾN", "Pháp"/"PHÁP",
  // "Nghị"/"nghị"/"NGHỊ" or "Kết"/"kết"/"KẾT" (the letter at i is one of those byte_classes() marks
  // 2).
  [[nodiscard]] bool anchor_word_at(std::size_t i) const noexcept {
    const auto at = [&](std::size_t k) -> unsigned char {
      return i + k < s_.size() ? static_cast<unsigned char>(s_[i + k]) : 0;
    };
    const auto lower = [&](std::size_t k) -> unsigned char { return at(k) | 0x20; };
    switch (s_[i]) {
      case 'L':
      case 'l':  // ậ E1 BA AD, Ậ E1 BA AC
        return lower(1) == 'u' && at(2) == 0xE1 && at(3) == 0xBA && (at(4) | 1) == 0xAD &&
               lower(5) == 't';
      case 'B':  // ộ E1 BB 99, Ộ E1 BB 98
        return at(1) == 0xE1 && at(2) == 0xBB && (at(3) | 1) == 0x99;
      case 'H':  // ế E1 BA BF, Ế E1 BA BE
        return lower(1) == 'i' && at(2) == 0xE1 && at(3) == 0xBA && (at(4) | 1) == 0xBF &&
               lower(5) == 'n';
      case 'P':  // á C3 A1, Á C3 81
        return lower(1) == 'h' && at(2) == 0xC3 && (at(3) == 0xA1 || at(3) == 0x81) &&
               lower(4) == 'p';
      case 'N':
      case 'n':  // ị E1 BB 8B, Ị E1 BB 8A
        return lower(1) == 'g' && lower(2) == 'h' && at(3) == 0xE1 && at(4) == 0xBB &&
               (at(5) | 1) == 0x8B;
      default:  // 'K', 'k': ế E1 BA BF, Ế E1 BA BE
        return at(1) == 0xE1 && at(2) == 0xBA && (at(3) | 1) == 0xBF && lower(4) == 't';
    }
  }

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

  // A type phrase (`type`, matched at w) followed by [số] NUMBER|SYMBOL, or a
  // law/code/constitution with a year.
  std::optional<std::size_t> try_anchor(const Word& w, const TypeMatch& type) {
    std::size_t j = skip_ws(s_, type.end);
    // "các Nghị định: số 10/2020/NĐ-CP, số 11/2020/NĐ-CP": a colon after the type word, then "số".
    if (j == type.end && j < s_.size() && s_[j] == ':') {
      const std::size_t k = skip_ws(s_, j + 1);
      if (k != j + 1 && raw_is(read_word(s_, k), "số")) j = k;
    }
    bool so = false;
    bool colon = false;  // "số:"
    if (j != type.end) {
      Word next = read_word(s_, j);
      if (!next.is("so") && !type.generic) {
        if (const auto qualified = so_after_qualifier(next)) next = *qualified;
      }
      if (next.is("so")) {
        so = true;
        j = next.end;
        if (j < s_.size() && s_[j] == ':') {
          colon = true;
          ++j;
        }
        j = skip_ws(s_, j);
      }
    }
    // The generic "văn bản" needs "số": "các văn bản 26/CT-TTg" cites a directive.
    if (type.generic && !so) {
      return std::nullopt;
    }
    if (j < s_.size() && is_digit(s_[j]) && (j != type.end || so)) {
      const std::size_t first = refs_.size();
      const auto end = numbered(w.begin, type.type, j, so, w.upper);
      // "Luật số: 22/2008/QH12" at the start of a line: the document's own number.
      if (end && colon && w.upper && starts_line(w.begin)) refs_[first].is_self = true;
      return end;
    }
    if ((type.type == DocumentType::resolution || type.type == DocumentType::conclusion) && !so &&
        j != type.end && !after_word(w.begin, "các") && !after_word(w.begin, "những")) {
      // "các Nghị quyết Trung ương 7" is the plenum's resolutions in general, not one document.
      if (const auto end = plenum(w.begin, type.type, type.end)) return end;
    }
    const bool law_like = type.type == DocumentType::law || type.type == DocumentType::ordinance ||
                          type.type == DocumentType::code_of_law ||
                          type.type == DocumentType::constitution;
    if (law_like && !so && (w.upper || !after_word(w.begin, "pháp")) &&
        !after_word(w.begin, "PHÁP")) {
      // "luật đất đai 2024": lower-case, only with a year, a number or a date after the title
      // ("pháp luật về đất đai" is law in general, and so is "PHÁP LUẬT NĂM 2021" in a title).
      return named_law(w.begin, type.type, type.end, !w.upper);
    }
    return std::nullopt;
  }

  // The "số" after a qualifier of the type word, written in lower case ("Báo cáo thẩm định số
  // 12/BC-STP", "Báo cáo tiếp thu, giải trình số 5", "Kế hoạch hành động số 7"): one to four
  // lower-case words (a comma between them) that start no reference and end no phrase, then
  // "số" and a number. nullopt otherwise.
  [[nodiscard]] std::optional<Word> so_after_qualifier(const Word& first) const {
    Word w = first;
    for (int count = 0; count < 4; ++count) {
      if (w.empty() || w.upper || raw_is(w, "số") || raw_is(w, "và") || raw_is(w, "hoặc") ||
          ends_law_title(w, false) || match_type(s_, w)) {
        return std::nullopt;
      }
      std::size_t k = w.end;
      if (k < s_.size() && s_[k] == ',') ++k;
      const std::size_t n = skip_ws(s_, k);
      if (n == k) return std::nullopt;
      const Word next = read_word(s_, n);
      if (raw_is(next, "số")) {
        std::size_t d = next.end;
        if (d < s_.size() && s_[d] == ':') ++d;
        d = skip_ws(s_, d);
        if (d < s_.size() && is_digit(s_[d])) return next;
        return std::nullopt;
      }
      w = next;
    }
    return std::nullopt;
  }

  // A reference's number or symbol at j (after the type word and "số"), or a list of them
  // sharing the type word: "Chỉ thị số 23, 26 và 30 của …", "các Quyết định số 217-QĐ/TW và
  // 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị", "Nghị định số 04/2015/NĐ-CP, 145/2020/NĐ-CP".
  // Each item is a reference with its own span (the first from the type word, the others from
  // their number); see share_list for what the last item's attributes give the others.
  std::optional<std::size_t> numbered(std::size_t begin, DocumentType type, std::size_t j, bool so,
                                      bool capitalised) {
    ListItems items;
    {
      ListItem first;
      first.r.type = type;
      first.begin = begin;
      const auto e = read_item(first.r, type, j, so, capitalised, nullptr);
      if (!e) return std::nullopt;
      first.end = attributes(first.r, *e);
      items.push_back(std::move(first));
    }
    constexpr std::size_t kMaxListItems = 30;
    while (items.size() < kMaxListItems && !items.back().r.issuer && !items.back().r.term) {
      const auto k = list_continues(items.back().end);
      if (!k) break;
      ListItem next;
      next.r.type = type;
      next.begin = *k;
      const auto e = read_item(next.r, type, *k, true, capitalised, &items.front().r);
      if (!e) break;
      next.end = attributes(next.r, *e);
      items.push_back(std::move(next));
    }
    share_list(items, begin);
    const std::size_t end = items.back().end;
    for (auto& item : items) finish(item.r, item.begin, item.end);
    return end;
  }

  struct ListItem {
    Reference r;
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  // Most references are one item: kept in place, no allocation.
  using ListItems = boost::container::small_vector<ListItem, 1>;

  // Reads the number or symbol at j into r (number, symbol, type_code, year; the type when the
  // generic "văn bản" gives way to the symbol's); returns its end. `first` is the list's first
  // item when this is a later one: then only the same kind is read (a symbol with the first's
  // family and type code, or a bare number after a bare number) and a bare number must end
  // like a document number (before ',', "và", "của", "ngày", "về", an issuer, ...), so that
  // "Báo cáo số 12, 15 xã" stays one reference.
  std::optional<std::size_t> read_item(Reference& r, DocumentType type, std::size_t j, bool so,
                                       bool capitalised, const Reference* first) {
    const auto tok = read_number(s_, j);
    if (!tok) return std::nullopt;
    const std::size_t e = tok->number_end;
    // Not a number of a document: a percentage or a decimal ("35,5", "35%").
    if (e < s_.size() && (s_[e] == '%' || ((s_[e] == ',' || s_[e] == '.') && e + 1 < s_.size() &&
                                           is_digit(s_[e + 1])))) {
      return std::nullopt;
    }
    if (tok->symbol_end > e && tok->has_letters) {
      const std::string_view text = s_.substr(j, tok->symbol_end - j);
      if (auto sym = symbol_of(text)) {
        if (first != nullptr && (!first->symbol || first->symbol->family != sym->family ||
                                 first->symbol->type_code != sym->type_code)) {
          return std::nullopt;
        }
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
        return tok->symbol_end;
      }
    }
    const std::string_view number = s_.substr(j, e - j);
    const bool year_like = number.size() == 4 && to_int(number) >= 1900 && to_int(number) <= 2200;
    if (first != nullptr) {
      if (first->symbol || tok->symbol_end > e || year_like || counted(e) || !ends_list_number(e)) {
        return std::nullopt;
      }
    } else {
      // "Kế hoạch 2020": a year, not a number (unless written "số 2020").
      if (!so && year_like) return std::nullopt;
      // A bare date or a range after the type word ("Kế hoạch 2016-2020") is not a number.
      if (tok->symbol_end > e && !tok->has_letters && !so) return std::nullopt;
      // Without "số" or a symbol, a lower-case type word is a verb ("quy định 6 nội dung") and
      // a number followed by a counted noun is a count ("Hướng dẫn 3 bước", "Kế hoạch 5 năm").
      if (!so && (!capitalised || counted(e))) return std::nullopt;
    }
    r.number = std::string(number);
    r.type_code = default_code(type);
    return e;
  }

  // After a list item ending at i: ", 26", " và 30", ", và số 30" (also "hoặc"); the position
  // of the next item's number, or nullopt.
  [[nodiscard]] std::optional<std::size_t> list_continues(std::size_t i) const {
    std::size_t k = skip_ws(s_, i);
    bool joined = false;
    if (k < s_.size() && s_[k] == ',') {
      joined = true;
      k = skip_ws(s_, k + 1);
    }
    Word w = read_word(s_, k);
    if (raw_is(w, "và") || raw_is(w, "hoặc")) {
      const std::size_t m = skip_ws(s_, w.end);
      if (m == w.end) return std::nullopt;
      joined = true;
      k = m;
      w = read_word(s_, k);
    }
    if (!joined) return std::nullopt;
    if (raw_is(w, "số")) {
      const std::size_t m = skip_ws(s_, w.end);
      if (m == w.end) return std::nullopt;
      k = m;
    }
    if (k >= s_.size() || !is_digit(s_[k]) || !boundary_before(k)) return std::nullopt;
    return k;
  }

  // A bare number at the end of a later list item is followed by punctuation, the end of the
  // text, a joining word ("và", "hoặc"), an attribute ("của", "giữa", "ngày", "tháng",
  // "năm", "khóa"), "về" or a capitalised issuer head.
  [[nodiscard]] bool ends_list_number(std::size_t e) const {
    const std::size_t k = skip_ws(s_, e);
    if (k >= s_.size()) return true;
    const char c = s_[k];
    if (c == ',' || c == ';' || c == '.' || c == ':' || c == '(' || c == ')' || c == '\n') {
      return true;
    }
    if (k == e) return false;
    const Word w = read_word(s_, k);
    if (w.empty()) return false;
    if (w.upper) return issuer_head(w);
    static constexpr auto next =
        word_set("và", "hoặc", "của", "giữa", "ngày", "tháng", "năm", "khóa", "khoá", "về");
    const std::string_view raw = s_.substr(w.begin, w.end - w.begin);
    return next.contains(raw);
  }

  // What the last item of a list gives the others. Its issuer (with its Party term) goes to
  // every earlier item without an issuer whose symbol does not contradict it (a different
  // family or issuer codes: "04/2015/NĐ-CP, 145/2020/NĐ-CP của Chính phủ" share, "01/2011/
  // TT-BNV, 05/2021/TT-BTP của Bộ Tư pháp" do not). Its date goes to the earlier items only
  // when the text makes it shared: a plural word before the type word ("các", "những", "hai")
  // and no earlier item with a date of its own, and never to an item whose symbol year differs
  // from the date's. Nothing else is shared (numbers, symbols, periods).
  void share_list(ListItems& items, std::size_t type_begin) const {
    if (items.size() < 2) return;
    const Reference& last = items.back().r;
    const auto contradicts = [&](const Reference& r) {
      if (!r.symbol || !last.symbol) return false;
      return r.symbol->family != last.symbol->family || r.symbol->issuers != last.symbol->issuers;
    };
    bool own_date = false;
    for (std::size_t k = 0; k + 1 < items.size(); ++k) own_date = own_date || items[k].r.date;
    const bool shared_date = last.date && !own_date && plural_before(type_begin);
    for (std::size_t k = 0; k + 1 < items.size(); ++k) {
      Reference& r = items[k].r;
      if ((last.issuer || last.term) && !r.issuer && !r.term && !contradicts(r)) {
        r.issuer = last.issuer;
        r.term = last.term;
      }
      if (shared_date && (!r.year || *r.year == last.date->year())) {
        r.date = last.date;
        r.year = last.date->year();
      }
    }
  }

  // The word right before the type word at i is "các", "những" or "hai" (any case).
  [[nodiscard]] bool plural_before(std::size_t i) const {
    std::size_t k = i;
    while (k > 0 && (s_[k - 1] == ' ' || s_[k - 1] == '\t')) --k;
    if (k == i || k == 0) return false;
    std::size_t b = k;
    while (b > 0) {
      const auto c = static_cast<unsigned char>(s_[b - 1]);
      if (c < 0x80 && !is_ascii_alnum(static_cast<char>(c))) break;
      --b;
    }
    const Word w = read_word(s_, b);
    if (w.empty() || w.end != k) return false;
    return w.is("cac") || w.is("nhung") || w.is("hai");
  }

  // After a number at e: a noun it counts ("3 bước", "6 nội dung", "5 năm 2021-2025").
  [[nodiscard]] bool counted(std::size_t e) const {
    const std::size_t k = skip_ws(s_, e);
    if (k == e) return false;
    const Word w = read_word(s_, k);
    if (w.empty()) return false;
    static constexpr auto nouns =
        word_set("bước", "nội", "điểm", "nhiệm", "giải", "tiêu", "mô", "tháng", "lần", "người",
                 "xã", "nhóm", "mục", "phần", "trang", "lĩnh");
    const std::string_view raw = s_.substr(w.begin, w.end - w.begin);
    if (nouns.contains(raw)) return true;
    if (raw != "năm") return false;
    // "năm 2021" after the number is its year, unless a range follows ("5 năm 2021-2025").
    const std::size_t y = skip_ws(s_, w.end);
    const auto year = read_year(s_, y);
    if (!year) return true;
    std::size_t m = skip_ws(s_, year->second);
    std::size_t len = 0;
    char kind = 0;
    return is_dash_or_slash(s_, m, len, kind) && kind == '-' &&
           read_year(s_, skip_ws(s_, m + len)).has_value();
  }

  // The raw (NFC, unfolded) text of a word equals `lower`, which is lower-case NFC.
  [[nodiscard]] bool raw_is(const Word& w, std::string_view lower) const noexcept {
    return same(s_.substr(w.begin, w.end - w.begin), lower);
  }

  // The word after w (across white space), or an empty word.
  [[nodiscard]] Word next_word(const Word& w) const noexcept {
    const std::size_t k = skip_ws(s_, w.end);
    if (k == w.end) return Word{k, k};
    return read_word(s_, k);
  }

  // A lower-case word that cannot continue a law's title: what follows a title in a sentence
  // ("Luật Tiếp công dân quy định …", "Luật Khiếu nại được …"). Compared with diacritics, so
  // "cơ sở" in "Luật Thực hiện dân chủ ở cơ sở" is not taken for "có".
  [[nodiscard]] bool ends_law_title(const Word& w, bool after_comma) const noexcept {
    static constexpr auto stops = word_set(
        "của", "về", "ngày", "năm", "có", "được", "đã", "đang", "sẽ", "là", "thì", "này", "tại",
        "theo", "trong", "với", "cho", "để", "khi", "do", "đối", "nêu", "trên", "mới", "cần",
        "phải", "nhằm", "gồm", "từ", "đến", "tới", "như", "các", "những", "mà", "qua", "sau",
        "trước", "hết", "cũng", "vẫn", "không", "chưa", "nhưng", "vì", "nên", "bởi");
    if (stops.contains(s_.substr(w.begin, w.end - w.begin))) {
      return true;
    }
    if (raw_is(w, "số")) {  // "… số 42/2013/QH13", not "Pháp lệnh Dân số"
      const std::size_t k = skip_ws(s_, w.end);
      return k < s_.size() && (is_digit(s_[k]) || s_[k] == ':');
    }
    if (after_comma && raw_is(w, "người")) return true;  // "Luật Khiếu nại, người khiếu nại"
    const Word next = next_word(w);
    return (raw_is(w, "quy") && raw_is(next, "định")) ||
           (raw_is(w, "ban") && raw_is(next, "hành")) ||
           (raw_is(w, "hiện") && raw_is(next, "hành")) ||
           (raw_is(w, "sửa") && raw_is(next, "đổi")) || (raw_is(w, "thông") && raw_is(next, "qua"));
  }

  // The first word of a law's subject written in lower case ("Luật tổ chức Quốc hội", "Luật
  // cán bộ, công chức", "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn"): the first words
  // of the titles of Vietnamese laws, codes and ordinances. Not "sư", "pháp", "lệ", "định",
  // "này" or "hiện hành" ("Luật sư", "luật pháp", "luật lệ", "luật định").
  [[nodiscard]] bool law_subject_word(const Word& w) const noexcept {
    static constexpr auto words = word_set(
        "an", "ban", "báo", "bảo", "bầu", "biên", "bình", "bưu", "cán", "cạnh", "căn", "cảnh",
        "chăn", "chất", "chứng", "chuyển", "cơ", "công", "cư", "dân", "di", "doanh", "du", "dược",
        "dự", "đa", "đại", "đấu", "đầu", "đất", "đặc", "đê", "điện", "đo", "đô", "đường", "giá",
        "giáo", "giao", "giám", "hải", "hàng", "hình", "hòa", "hoà", "hóa", "hoá", "hoạt", "hôn",
        "hộ", "hợp", "khám", "khí", "khiếu", "khoa", "khoáng", "kiểm", "kiến", "kinh", "kế", "lao",
        "lâm", "lưu", "mặt", "môi", "năng", "ngân", "nghĩa", "người", "nhà", "nhập", "nuôi", "phá",
        "phí", "phòng", "phổ", "quản", "quảng", "quốc", "sở", "tài", "thanh", "thi", "thú", "thủy",
        "thuỷ", "thuế", "thương", "thực", "tiếp", "tín", "tổ", "tố", "trẻ", "trồng", "trợ", "xây");
    const std::string_view raw = s_.substr(w.begin, w.end - w.begin);
    if (words.contains(raw)) return true;
    return raw == "quy" && raw_is(next_word(w), "hoạch");  // not "quy định"
  }

  // The word after "và" inside a law's title: capitalised and starting no reference ("Luật
  // Khoa học và Công nghệ", not "Luật Đất đai và Luật Nhà ở").
  [[nodiscard]] bool title_goes_on_after_va(const Word& after) const {
    return !after.empty() && after.upper && !after.is("luat") && !match_type(s_, after);
  }

  // The end of a law's title starting at j (after "Luật"/"Bộ luật"): a capitalised word, then
  // words up to a year, a stop word, the next reference or punctuation; a comma continues the
  // title only before a lower-case word ("Luật Cán bộ, công chức"), "và" only before a
  // capitalised word that starts no reference ("Luật Khoa học và Công nghệ"). Returns j when
  // there is no title; sets short_end (else 0) to where the title ends if no year follows.
  [[nodiscard]] std::size_t law_title_end(std::size_t j, std::size_t& short_end) const {
    short_end = 0;
    std::size_t pos = skip_ws(s_, j);
    if (pos == j) return j;
    std::size_t name_end = j;
    std::size_t comma_end = 0;  // name_end before the last comma, 0 before any comma
    int since_comma = 0;
    int words = 0;
    Word prev;
    while (words < 12) {
      std::size_t k = pos;
      bool comma = false;
      if (words > 0 && k < s_.size() && s_[k] == ',') {
        comma = true;
        k = skip_ws(s_, k + 1);
      }
      const Word w = read_word(s_, k);
      if (w.empty()) break;
      if (words == 0 && !w.upper && !law_subject_word(w)) return j;
      if (words == 0 && (w.is("so") || w.is("cua") || w.is("ve") || w.is("ngay"))) break;
      if (comma) {
        comma_end = name_end;
        since_comma = 0;
      }
      if (words > 0) {
        if (is_nam(w) || (w.upper && (w.is("luat") || match_type(s_, w)))) break;
        // "Luật Thi đua, Khen thưởng" goes on; "Luật Đất đai, Chính phủ …" does not.
        if (comma && w.upper && issuer_head(w)) break;
        // "Luật Phòng, chống tác hại của thuốc lá / của rượu, bia": "của" inside the title.
        if (raw_is(w, "của") && raw_is(prev, "hại")) {
          since_comma = -3;
          short_end = 0;
        } else if (!w.upper && ends_law_title(w, comma)) {
          break;
        }
        if (w.is("va")) {
          const Word after = next_word(w);
          if (comma || !title_goes_on_after_va(after)) break;
          words += 2;
          name_end = after.end;
          pos = skip_ws(s_, after.end);
          if (pos == after.end) break;
          continue;
        }
      }
      ++words;
      name_end = w.end;
      prev = w;
      // Without a year after it, a title goes on at most three words after a comma ("Luật
      // Phòng, chống tham nhũng"); more is the sentence going on ("Luật Khiếu nại, bảo đảm
      // đúng trình tự").
      if (comma_end != 0 && ++since_comma > 3 && short_end == 0) short_end = comma_end;
      const std::size_t after = skip_ws(s_, w.end);
      if (after == w.end && !(w.end < s_.size() && s_[w.end] == ',')) break;
      pos = after;
    }
    return words == 0 ? j : name_end;
  }

  // The word "năm" (year) as written, in any case; not "Nam" ("Việt Nam").
  [[nodiscard]] bool is_nam(const Word& w) const noexcept {
    return raw_is(w, "năm") || raw_is(w, "Năm") || raw_is(w, "NĂM");
  }

  // "số" and a digit after white space at or after e ("… số 93/2025/QH15").
  [[nodiscard]] bool law_number_at(std::size_t e) const {
    const std::size_t k = skip_ws(s_, e);
    if (k == e) return false;
    const Word so = read_word(s_, k);
    if (!raw_is(so, "số")) return false;
    const std::size_t d = skip_ws(s_, so.end);
    return d != so.end && d < s_.size() && is_digit(s_[d]);
  }

  // A year, number or date that a law's title ends at, starting at k: "năm 2011", "2019",
  // "số 42/2013/QH13", "ngày 26 tháng 11 năm 2003" / "ngày 20/6/2012".
  [[nodiscard]] bool law_attribute_at(std::size_t k) const {
    if (k >= s_.size()) return false;
    if (is_digit(s_[k])) return read_year(s_, k).has_value();
    const Word w = read_word(s_, k);
    const std::size_t d = skip_ws(s_, w.end);
    if (d == w.end || d >= s_.size() || !is_digit(s_[d])) return false;
    if (is_nam(w)) return read_year(s_, d).has_value();
    if (raw_is(w, "số")) return true;
    return raw_is(w, "ngày") && read_day_date(s_, d).has_value();
  }

  // A lower-case word after which a law's title does not go on even when a year or number
  // follows later: the sentence's own words ("Luật Đất đai có hiệu lực từ ngày 01/8/2024", "…
  // được Quốc hội thông qua năm 2013", "… trong năm 2025").
  [[nodiscard]] bool leaves_law_title(const Word& w) const noexcept {
    static constexpr auto stops = word_set(
        "của", "về", "theo", "tại", "được", "đã", "đang", "sẽ", "là", "thì", "này", "nêu", "trên",
        "mà", "trong", "từ", "đến", "tới", "sau", "trước", "khi", "hết", "cũng", "vẫn", "chưa",
        "kể", "hiệu", "nhằm", "gồm", "nhưng", "vì", "nên", "bởi", "ngày", "năm", "hoặc");
    if (stops.contains(s_.substr(w.begin, w.end - w.begin))) {
      return true;
    }
    const Word next = next_word(w);
    return (raw_is(w, "quy") && raw_is(next, "định")) ||
           (raw_is(w, "ban") && raw_is(next, "hành")) ||
           (raw_is(w, "hiện") && raw_is(next, "hành")) ||
           (raw_is(w, "thông") && raw_is(next, "qua"));
  }

  // A title cut short by the reader (at a comma with more than three words after it, at "và"
  // before a lower-case word, at "có" or "với"), whose year, number or date follows a few
  // words later in the same clause, runs to it: "Luật Khoa học, công nghệ và đổi mới sáng tạo
  // số 93/2025/QH15", "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14",
  // "Luật di sản văn hóa sửa đổi 2009". Only words and commas between (at most ten words, no
  // blank line, no other punctuation); nullopt when the clause ends first, a word that leaves a
  // title comes (leaves_law_title), or another reference starts ("Luật", a capitalised type
  // word).
  [[nodiscard]] std::optional<std::size_t> title_through_to_attribute(std::size_t e) const {
    if (law_attribute_at(skip_ws(s_, e))) return std::nullopt;
    std::size_t end = e;
    for (int words = 0; words < 10; ++words) {
      std::size_t k = end;
      if (k < s_.size() && s_[k] == ',') ++k;
      const std::size_t p = skip_ws(s_, k);
      if (p == k) return std::nullopt;
      if (law_attribute_at(p)) return words == 0 ? std::nullopt : std::optional(end);
      const Word w = read_word(s_, p);
      if (w.empty() || w.is("luat") || (w.upper && match_type(s_, w)) || leaves_law_title(w)) {
        return std::nullopt;
      }
      end = w.end;
    }
    return std::nullopt;
  }

  // An amending law named by the law it amends: "Luật sửa đổi, bổ sung một số điều của Luật Tổ
  // chức Chính phủ và Luật Tổ chức chính quyền địa phương" (one law). The end of that name
  // after "Luật" at j (the last amended law's title), or j when the words are not so.
  [[nodiscard]] std::size_t amending_title_end(std::size_t j) const {
    const std::size_t p = skip_ws(s_, j);
    if (p == j) return j;
    const Word sua = read_word(s_, p);
    const Word doi = next_word(sua);
    if (!sua.is("sua") || !doi.is("doi")) return j;
    const auto k = amended_laws_start(doi.end);
    return k ? amended_laws_end(*k, j) : j;
  }

  // After "sửa đổi" (ending at k), up to "của": ", bổ sung", "một số điều", "Điều 6 và Điều
  // 9" (digits allowed). Where the amended laws start, or nullopt when the words are not so.
  [[nodiscard]] std::optional<std::size_t> amended_laws_start(std::size_t k) const {
    for (int count = 0; count < 12; ++count) {
      if (k < s_.size() && (s_[k] == ',' || is_digit(s_[k]))) {
        while (k < s_.size() && (s_[k] == ',' || is_digit(s_[k]))) ++k;
      }
      const std::size_t q = skip_ws(s_, k);
      if (q == k) return std::nullopt;
      const Word w = read_word(s_, q);
      if (w.empty()) {
        if (q < s_.size() && is_digit(s_[q])) {
          k = q;
          continue;
        }
        return std::nullopt;
      }
      if (raw_is(w, "của")) return w.end;
      // "… một số điều Luật Thi đua, khen thưởng": the amended law right after "điều".
      if (w.is("luat") && w.upper && after_word(w.begin, "điều")) return skip_ws_back(w.begin);
      if (count == 11 || w.is("luat") || (w.upper && match_type(s_, w) && !w.is("dieu"))) {
        return std::nullopt;
      }
      k = w.end;
    }
    return k;
  }

  // The amended laws from k: "Luật X", "các Luật X và Luật Y", "Bộ luật X", "Luật X, Luật Y".
  // The end of the last one's title, or j when there is none.
  [[nodiscard]] std::size_t amended_laws_end(std::size_t k, std::size_t j) const {
    std::size_t end = j;
    for (int laws = 0; laws < 6; ++laws) {
      std::size_t q = skip_ws(s_, k);
      if (q == k) break;
      Word w = read_word(s_, q);
      if (laws == 0 && raw_is(w, "các")) w = next_word(w);
      if (laws > 0) {
        if (!raw_is(w, "và")) break;
        w = next_word(w);
      }
      if (w.is("bo") && next_word(w).is("luat")) w = next_word(w);
      if (!w.is("luat")) break;
      std::size_t short_end = 0;
      std::size_t title = law_title_end(w.end, short_end);
      if (title == w.end) break;
      // More than three words after a comma and no year or number: the sentence going on.
      if (short_end != 0 && !law_attribute_at(skip_ws(s_, title))) title = short_end;
      end = title;
      k = title;
      // "…, Luật Y": a comma between two amended laws.
      if (k < s_.size() && s_[k] == ',') {
        const std::size_t r = skip_ws(s_, k + 1);
        const Word next = read_word(s_, r);
        if (r != k + 1 && next.is("luat")) {
          k = next.begin;
          std::size_t se = 0;
          const std::size_t t = law_title_end(next.end, se);
          if (t == next.end) break;
          end = t;
          k = t;
        }
      }
    }
    return amended_title_to_clause_end(j, end);
  }

  // The last amended law's title, cut before "và" and lower-case words ("… của Luật Tiêu chuẩn
  // và quy chuẩn kỹ thuật;"): in an amending law's name those words are the amended title's own
  // when they run to the clause's end (";", ".", a blank line, the text's end, a parenthesis)
  // or to the law's year, number or date, with none that leaves a title ("và các văn bản …",
  // "và được …").
  // (j: where the amended laws were looked for; end == j when there were none.)
  [[nodiscard]] std::size_t amended_title_to_clause_end(std::size_t j, std::size_t end) const {
    if (end == j) return j;
    const std::size_t p = skip_ws(s_, end);
    if (p == end) return end;
    const Word va = read_word(s_, p);
    if (!raw_is(va, "và")) return end;
    std::size_t e = va.end;
    for (int words = 0; words < 6; ++words) {
      const std::size_t q = skip_ws(s_, e);
      if (q == e) {
        const bool clause_end = e >= s_.size() || s_[e] == ';' || s_[e] == '.' || s_[e] == '\n';
        return words > 0 && clause_end ? e : end;
      }
      if (words > 0 && (s_[q] == '(' || law_attribute_at(q))) return e;
      const Word w = read_word(s_, q);
      if (w.empty() || w.upper || leaves_law_title(w) || w.is("cac") || w.is("nhung") ||
          w.is("mot") || w.is("va")) {
        return end;
      }
      e = w.end;
    }
    return end;
  }

  // The constitution's full name after "Hiến pháp" at j: "nước Cộng hòa xã hội chủ nghĩa Việt
  // Nam", "Nước CHXHCN Việt Nam" (any case, "nước" optional); j when not written.
  [[nodiscard]] std::size_t constitution_name_end(std::size_t j) const {
    static constexpr std::array<std::string_view, 7> full{"cong", "hoa",   "xa",  "hoi",
                                                          "chu",  "nghia", "viet"};
    std::size_t p = skip_ws(s_, j);
    if (p == j) return j;
    Word w = read_word(s_, p);
    if (w.is("nuoc")) w = next_word(w);
    if (w.is("chxhcn")) {
      w = next_word(w);
    } else {
      for (const std::string_view part : full) {
        if (!w.is(part) || (part == "viet")) break;
        w = next_word(w);
      }
    }
    if (!w.is("viet")) return j;
    const Word nam = next_word(w);
    return nam.is("nam") && !is_nam(nam) ? nam.end : j;
  }

  // The type word at begin..type_end is a table's value ("Loại văn bản: Pháp lệnh" at a line's
  // end): the next line's first words are no title.
  [[nodiscard]] bool table_value(std::size_t begin, std::size_t type_end) const noexcept {
    std::size_t k = type_end;
    while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t' || s_[k] == '|' || s_[k] == '\r')) ++k;
    if (k < s_.size() && s_[k] != '\n') return false;
    std::size_t b = begin;
    while (b > 0 && (s_[b - 1] == ' ' || s_[b - 1] == '\t' || s_[b - 1] == '|')) --b;
    return b > 0 && s_[b - 1] == ':';
  }

  // A title line in capitals without a year or number ("LUẬT DI SẢN VĂN HÓA" heading the law's
  // own text): not a citation.
  [[nodiscard]] bool all_caps_heading(std::size_t begin, std::size_t name_end) const {
    if (law_attribute_at(skip_ws(s_, name_end))) return false;
    std::size_t k = begin;
    int words = 0;
    while (k < name_end) {
      const Word w = read_word(s_, k);
      if (w.empty()) {
        ++k;
        continue;
      }
      if (!w.all_upper) return false;
      ++words;
      k = w.end;
    }
    return words >= 3;
  }

  // A law or code named by its title, with or without a year ("Luật Khiếu nại năm 2011",
  // "Bộ luật Lao động 2019", "Luật Tiếp công dân"), or the constitution ("Hiến pháp năm 2013",
  // "Hiến pháp"): a title names one law as surely as a number does.
  std::optional<std::size_t> named_law(std::size_t begin, DocumentType type, std::size_t j,
                                       bool needs_attribute) {
    std::size_t name_end = j;
    std::size_t short_end = 0;  // where the title ends when no year follows it
    if (type == DocumentType::constitution) {
      name_end = constitution_name_end(j);
    } else {
      if (type == DocumentType::law) name_end = amending_title_end(j);
      if (name_end == j) name_end = law_title_end(j, short_end);
      if (name_end == j) return std::nullopt;
      if (const auto through = title_through_to_attribute(name_end)) {
        name_end = *through;
        short_end = 0;
      }
    }
    if (all_caps_heading(begin, name_end)) return std::nullopt;
    std::size_t k = skip_ws(s_, name_end);
    const Word nam = read_word(s_, k);
    if (is_nam(nam)) k = skip_ws(s_, nam.end);
    const auto year = k == name_end ? std::nullopt : read_year(s_, k);
    // (A date right after the title keeps it whole too: "Luật Phổ biến, giáo dục pháp luật
    // ngày 20/6/2012".)
    if (!year && short_end != 0 && !law_number_at(name_end) &&
        !(skip_ws(s_, name_end) != name_end && law_attribute_at(skip_ws(s_, name_end)))) {
      name_end = short_end;
    }
    Reference r;
    r.type = type;
    r.type_code = default_code(type);
    r.name = squeeze_spaces(s_.substr(begin, name_end - begin));
    std::size_t end = name_end;
    if (year) {
      r.year = year->first;
      r.date = PartialDate(year->first);  // the year a law was passed, at year precision
      end = year->second;
    }
    {
      // "Luật Thi đua, khen thưởng số 06/2022/QH15": the title (and year), then the law's
      // symbol ("Luật di sản văn hóa sửa đổi 2009 số 32/2009/QH12").
      const std::size_t m = skip_ws(s_, end);
      const Word so = read_word(s_, m);
      const std::size_t d = skip_ws(s_, so.end);
      if (m != end && so.is("so") && d != so.end && d < s_.size() && is_digit(s_[d])) {
        if (const auto tok = read_number(s_, d);
            tok && tok->symbol_end > tok->number_end && tok->has_letters) {
          if (auto sym = symbol_of(s_.substr(d, tok->symbol_end - d))) {
            r.number = sym->number;
            if (sym->year) r.year = sym->year;
            if (!sym->type_code.empty()) r.type_code = sym->type_code;
            r.symbol = std::move(*sym);
            end = tok->symbol_end;
          }
        }
      }
    }
    end = attributes(r, end);
    if (!r.year && !r.symbol && !r.date && (needs_attribute || table_value(begin, j))) {
      return std::nullopt;
    }
    finish(r, begin, end);
    return end;
  }

  // The word right before position b (across white space) is `lower` (lower-case NFC).
  [[nodiscard]] bool after_word(std::size_t b, std::string_view lower) const noexcept {
    const std::size_t e = skip_ws_back(b);
    if (e == b) return false;
    const std::size_t start = word_start_before(e);
    return s_.substr(start, e - start) == lower;
  }

  // The Party resolution or conclusion named by the plenum that adopted it: "Nghị quyết Trung
  // ương 4 (khóa XII)", "Nghị quyết Hội nghị Trung ương 7 khóa X", "Nghị quyết Hội nghị lần
  // thứ tư Ban Chấp hành Trung ương Đảng khóa XII". The plenum, as written, is the issuer; the
  // resolution's own number is not stated.
  std::optional<std::size_t> plenum(std::size_t begin, DocumentType type, std::size_t j) {
    std::size_t pos = skip_ws(s_, j);
    if (pos == j) return std::nullopt;
    const std::size_t issuer_begin = pos;
    Word w = read_word(s_, pos);
    bool conference = false;
    if (w.upper && w.is("hoi")) {
      const Word nghi = next_word(w);
      if (!nghi.is("nghi")) return std::nullopt;
      conference = true;
      w = next_word(nghi);
    }
    bool central = false;
    if (w.upper && w.is("trung")) {
      const Word uong = next_word(w);
      if (!uong.is("uong")) return std::nullopt;
      central = true;
      pos = skip_ws(s_, uong.end);
      if (pos == uong.end) return std::nullopt;
      w = read_word(s_, pos);
    } else {
      if (!conference || w.empty()) return std::nullopt;
      pos = w.begin;
    }
    // "lần thứ" before the ordinal.
    if (w.is("lan")) {
      const Word thu = next_word(w);
      if (!thu.is("thu")) return std::nullopt;
      pos = skip_ws(s_, thu.end);
      if (pos == thu.end) return std::nullopt;
    }
    const std::size_t ordinal_end = plenum_ordinal_end(pos);
    if (ordinal_end == pos) return std::nullopt;
    std::size_t issuer_end = ordinal_end;
    if (!central) {
      // "Hội nghị lần thứ 4" names a plenum only with the Central Committee after it.
      const std::size_t k = skip_ws(s_, ordinal_end);
      if (k == ordinal_end) return std::nullopt;
      const auto body = read_issuer(s_, k);
      if (!body) return std::nullopt;
      const std::string folded_body = fold(s_.substr(body->begin, body->end - body->begin));
      if (folded_body.rfind("ban chap hanh trung uong", 0) != 0) return std::nullopt;
      issuer_end = body->end;
    }
    Reference r;
    r.type = type;
    r.type_code = default_code(type);
    r.issuer = std::string(s_.substr(issuer_begin, issuer_end - issuer_begin));
    r.name = squeeze_spaces(s_.substr(begin, issuer_end - begin));
    const std::size_t end = attributes(r, issuer_end);
    finish(r, begin, end);
    return end;
  }

  // The end of a plenum's ordinal at i: 1-2 digits, a Roman numeral or a Vietnamese ordinal
  // word ("tư", "bảy", "mười ba"); i when there is none.
  [[nodiscard]] std::size_t plenum_ordinal_end(std::size_t i) const {
    if (i < s_.size() && is_digit(s_[i])) {
      const std::size_t e = digits_end(s_, i, 2);
      if (e == i) return i;
      if (e < s_.size() && (is_ascii_alnum(s_[e]) || s_[e] == '/' || s_[e] == '%' ||
                            ((s_[e] == '.' || s_[e] == ',' || s_[e] == '-') && e + 1 < s_.size() &&
                             is_digit(s_[e + 1])))) {
        return i;
      }
      return e;
    }
    if (const std::size_t e = roman_end(s_, i); e != i) return e;
    static constexpr auto ordinals =
        word_set("nhất", "hai", "ba", "tư", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười");
    const Word w = read_word(s_, i);
    const auto is_ordinal = [&](const Word& x) {
      return !x.empty() && ordinals.contains(s_.substr(x.begin, x.end - x.begin));
    };
    if (!is_ordinal(w)) return i;
    if (raw_is(w, "mười")) {
      const Word next = next_word(w);
      if (is_ordinal(next) && !raw_is(next, "mười")) return next.end;
    }
    return w.end;
  }

  // A symbol standing alone ("theo 26/CT-TTg", "(143/UBND-VP)"): shapes with a type code, of
  // the Party or legal family, or a state "công văn" shape NUMBER/ISSUER-UNIT whose codes are
  // upper-case (official_letter_codes); "5/KP3", "12/2020" or "5/7" are not symbols.
  std::optional<std::size_t> try_bare_symbol(std::size_t i) {
    // Most numbers are followed by none of what a symbol needs after its number (a letter
    // suffix, a separator, or a blank before one): read_number would find no symbol there.
    std::size_t e = i;
    while (e < s_.size() && is_digit(s_[e])) ++e;
    if (e == s_.size()) return std::nullopt;
    const auto after = static_cast<unsigned char>(s_[e]);
    if (after != '/' && after != '-' && after != ' ' && after != 0xE2 &&
        !(after >= 'a' && after <= 'z')) {
      return std::nullopt;
    }
    const auto tok = read_number(s_, i);
    if (!tok || tok->symbol_end == tok->number_end || !tok->has_letters) return std::nullopt;
    auto sym = symbol_of(s_.substr(i, tok->symbol_end - i));
    if (!sym) return std::nullopt;
    if (sym->family == DocumentFamily::state && (!sym->type || sym->type_code.empty()) &&
        !(sym->type == DocumentType::official_letter && official_letter_codes(*sym))) {
      return std::nullopt;
    }
    Reference r;
    r.type = sym->type.value_or(DocumentType::law);
    r.number = sym->number;
    r.type_code = sym->type_code;
    if (sym->year) r.year = sym->year;
    r.symbol = std::move(*sym);
    std::size_t begin = i;
    if (const std::size_t so = header_number_start(i); so != i) {
      r.is_self = true;
      begin = so;
    }
    std::size_t end = attributes(r, tok->symbol_end);
    finish(r, begin, end);
    return end;
  }

  // The document's own number in its header: "Số: 19/KH-UBND" (the line may break after the
  // colon), "Số hiệu: 04/2015/NĐ-CP" or "Số hiệu | 06/2022/QH15 |" in a legal database's
  // attribute table, "Số 165-HD/BTGTW" alone at the start of a line. Returns where "Số"
  // starts, or i.
  [[nodiscard]] std::size_t header_number_start(std::size_t i) const {
    std::size_t k = skip_ws_back(i);
    if (k > consumed_ && s_[k - 1] == '|') k = skip_ws_back(k - 1);
    bool colon = false;
    if (k > consumed_ && s_[k - 1] == ':') {
      colon = true;
      k = skip_ws_back(k - 1);
    }
    std::size_t b = word_start_before(k);
    if (b == k) return i;
    std::string_view word = s_.substr(b, k - b);
    bool label = false;  // "Số hiệu"
    if (word == "hiệu" || word == "HIỆU") {
      const std::size_t e = skip_ws_back(b);
      const std::size_t h = e == b ? b : word_start_before(e);
      if (h == e) return i;
      label = true;
      b = h;
      word = s_.substr(h, e - h);
    }
    if (word != "Số" && word != "SỐ") return i;
    return colon || label || starts_line(b) ? b : i;
  }

  // Nothing but blanks and Markdown marks ('|', '*', '#', '>', '-') before i on its line.
  [[nodiscard]] bool starts_line(std::size_t i) const noexcept {
    for (std::size_t m = i; m > 0; --m) {
      const char c = s_[m - 1];
      if (c == '\n') return true;
      if (c != ' ' && c != '\t' && c != '|' && c != '*' && c != '#' && c != '>' && c != '-') {
        return false;
      }
    }
    return true;
  }

  // A công văn symbol without its type word: at least two codes ("UBND-VP", "BNV-CQĐP"), each
  // of two or more upper-case letters and nothing else (not "TDP-KP3", a residential group).
  static bool official_letter_codes(const Symbol& sym) {
    if (sym.issuers.size() < 2) return false;
    for (const std::string& code : sym.issuers) {
      std::size_t letters = 0;
      std::size_t k = 0;
      while (k < code.size()) {
        const auto c = static_cast<unsigned char>(code[k]);
        if (c >= 'A' && c <= 'Z') {
          ++letters;
          ++k;
        } else if (c == 0xC4 && k + 1 < code.size() &&
                   static_cast<unsigned char>(code[k + 1]) == 0x90) {  // "Đ"
          ++letters;
          k += 2;
        } else {
          return false;
        }
      }
      if (letters < 2) return false;
    }
    return true;
  }

  // Date, issuer, Party term and year written right after the number.
  std::size_t attributes(Reference& r, std::size_t end) {
    for (int round = 0; round < 6; ++round) {
      const auto next = attribute(r, end);
      if (!next) break;
      end = *next;
    }
    return end;
  }

  // The attribute written after `end` ("ngày …", ", ngày …", "của …", an issuer without
  // "của", "(khóa XI)", "khóa XI", "năm 2011"): read into r; returns its end, or nullopt when
  // none follows.
  std::optional<std::size_t> attribute(Reference& r, std::size_t end) {
    std::size_t j = skip_ws(s_, end);
    bool comma = false;
    if (j < s_.size() && s_[j] == ',') {
      comma = true;
      j = skip_ws(s_, j + 1);
    }
    if (j < s_.size() && s_[j] == '(') {
      if (comma || r.term) return std::nullopt;
      return term_in_brackets(r, j);
    }
    if (j == end && !comma) return std::nullopt;
    const Word w = read_word(s_, j);
    if (w.empty()) return std::nullopt;
    if (!r.date && (w.is("ngay") || (w.is("thang") && !w.upper))) return date_attribute(r, w);
    if (comma) return std::nullopt;  // only "…, ngày …" continues after a comma
    if (!r.issuer && (w.is("cua") || w.is("giua"))) {
      const std::size_t k = skip_ws(s_, w.end);
      if (k == w.end) return std::nullopt;
      return issuer_attribute(r, k, false);
    }
    // An issuer written without "của": "Chỉ thị 26/CT-TTg Thủ tướng Chính phủ về …".
    if (!r.issuer && w.upper && issuer_head(w)) return issuer_attribute(r, j, true);
    if (w.is("khoa") && !r.term) {
      const std::size_t m = skip_ws(s_, w.end);
      const std::size_t e = roman_end(s_, m);
      if (e == m) return std::nullopt;
      r.term = std::string(s_.substr(m, e - m));
      return e;
    }
    if (w.is("nam") && !r.date && !r.year) {
      const auto year = read_year(s_, skip_ws(s_, w.end));
      if (!year) return std::nullopt;
      r.year = year->first;
      r.date = PartialDate(year->first);
      return year->second;
    }
    return std::nullopt;
  }

  // "(khóa XI)" at j.
  std::optional<std::size_t> term_in_brackets(Reference& r, std::size_t j) {
    const std::size_t k = skip_ws(s_, j + 1);
    const Word w = read_word(s_, k);
    if (!w.is("khoa")) return std::nullopt;
    const std::size_t m = skip_ws(s_, w.end);
    const std::size_t e = roman_end(s_, m);
    if (e == m) return std::nullopt;
    const std::size_t close = skip_ws(s_, e);
    if (close >= s_.size() || s_[close] != ')') return std::nullopt;
    r.term = std::string(s_.substr(m, e - m));
    return close + 1;
  }

  // "ngày 05/9/2016", "ngày 05 tháng 9 năm 2016" or "tháng 6 năm 2021" from the word w.
  std::optional<std::size_t> date_attribute(Reference& r, const Word& w) {
    if (w.is("ngay")) {
      const auto date = read_day_date(s_, skip_ws(s_, w.end));
      if (!date) return std::nullopt;
      r.date = date->first;
      r.year = date->first.year();
      return date->second;
    }
    const std::size_t m = skip_ws(s_, w.end);
    const std::size_t m_end = digits_end(s_, m, 2);
    if (m == w.end || m_end == m) return std::nullopt;
    const Word nam = read_word(s_, skip_ws(s_, m_end));
    if (!nam.is("nam")) return std::nullopt;
    const auto year = read_year(s_, skip_ws(s_, nam.end));
    const int month = to_int(s_.substr(m, m_end - m));
    if (!year || month < 1 || month > 12) return std::nullopt;
    r.date = PartialDate(year->first, month);
    r.year = year->first;
    return year->second;
  }

  // The issuer name at k. Without "của" (`bare`), only a name that ends the phrase (before
  // "về", "ban hành", a Party term or punctuation), so that the subject of the next clause is
  // not taken for it.
  std::optional<std::size_t> issuer_attribute(Reference& r, std::size_t k, bool bare) {
    const auto issuer = read_issuer(s_, k);
    if (!issuer || (bare && !ends_issuer_phrase(issuer->end))) return std::nullopt;
    r.issuer = squeeze_spaces(s_.substr(issuer->begin, issuer->end - issuer->begin));
    return issuer->end;
  }

  // First words of issuer names: "Thủ tướng", "Chính phủ", "Bộ", "Ban", "UBND", "Ủy ban",
  // "Hội đồng", "Tỉnh ủy", "Văn phòng", "Sở", "Quốc hội", "Chủ tịch", "Thường trực", ...
  static bool issuer_head(const Word& w) {
    static constexpr auto heads =
        word_set("thu", "chinh", "bo", "ban", "ubnd", "hdnd", "uy", "hoi", "tinh", "huyen", "thanh",
                 "thi", "dang", "van", "so", "quoc", "chu", "thuong", "mat", "ubmttq", "toa",
                 "vien", "cong", "doan");
    if (w.length > w.buf.size()) return false;
    if (!heads.contains(w.folded())) return false;
    return true;
  }

  [[nodiscard]] bool ends_issuer_phrase(std::size_t i) const noexcept {
    std::size_t k = i;
    while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
    if (k >= s_.size()) return true;
    const char c = s_[k];
    if (c == ',' || c == ';' || c == '.' || c == ':' || c == '(' || c == ')' || c == '\n' ||
        c == '\r') {
      return true;
    }
    if (k == i) return false;
    const Word w = read_word(s_, k);
    if (raw_is(w, "về") || w.is("khoa")) return true;
    return raw_is(w, "ban") && raw_is(next_word(w), "hành");
  }

  void finish(Reference& r, std::size_t begin, std::size_t end) {
    // A symbol read differently from how it is written: its separators, spacing or codes.
    if (r.symbol) r.repaired = !detail::canonical_equals(*r.symbol, r.symbol->surface);
    r.span.byte_start = begin;
    r.span.byte_end = end;
    // The text before `begin` was just read: the previous reference's period is looked for and
    // code points are counted now, while it is in the cache (references come in text order).
    if (!refs_.empty()) attach_period(refs_.back(), begin);
    r.span.start = code_points_to(begin);
    r.span.end = code_points_to(end);
    r.surface = std::string(s_.substr(begin, end - begin));
    refs_.push_back(std::move(r));
  }

  // "giai đoạn 2016 - 2021" later in the same clause as r: before ';', '.', a line end or the
  // next reference (starting at `next`).
  void attach_period(Reference& r, std::size_t next) const {
    const std::size_t from = r.span.byte_end;
    const std::size_t limit = std::min(next, from + 400);
    for (std::size_t i = from; i < limit; ++i) {
      const char c = s_[i];
      if (c == ';' || c == '.' || c == '\n') return;
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
      r.period = YearRange{first->first, last->first};
      return;
    }
  }

  // Code points from the start of the text to byte `to` (not before the last position asked
  // for: references come in text order).
  std::size_t code_points_to(std::size_t to) noexcept {
#if defined(DANVAN_REFS_AVX2)
    if (wide_ && has_avx2()) cp_count_ += code_point_starts_avx2(s_.data(), cp_byte_, to);
#endif
    // Eight bytes at a time: a code point starts at every byte that is not 10xxxxxx.
    for (; cp_byte_ + 8 <= to; cp_byte_ += 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, s_.data() + cp_byte_, 8);
      const std::uint64_t continuation = ((w & ~(w << 1)) >> 7) & 0x0101010101010101ULL;
      cp_count_ += 8 - static_cast<std::size_t>((continuation * 0x0101010101010101ULL) >> 56);
    }
    for (; cp_byte_ < to; ++cp_byte_) {
      if ((static_cast<unsigned char>(s_[cp_byte_]) & 0xC0) != 0x80) ++cp_count_;
    }
    return cp_count_;
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
  if (detail::nfc_quick_check(text)) return Finder(text).run();
  const std::string nfc = normalize_nfc(text);  // throws ParseError for malformed UTF-8
  return Finder(nfc).run();
}

namespace detail {
std::vector<Reference> find_references_narrow(std::string_view text) {
  if (detail::nfc_quick_check(text, false)) return Finder(text, false, false).run();
  const std::string nfc = normalize_nfc(text);
  return Finder(nfc, false, false).run();
}

std::vector<Reference> find_references_exhaustive(std::string_view text) {
  const std::string nfc = normalize_nfc(text);  // no NFC shortcut either
  return Finder(nfc, true).run();
}

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
