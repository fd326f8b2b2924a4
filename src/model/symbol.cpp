// Document symbols (số, ký hiệu): a small hand-written scanner and recursive-descent parser.
//
// The parser never rewrites the input as a whole: it validates the original bytes, splits them
// into tokens that remember their byte offsets, and NFC-normalises only the words it keeps. So
// every ParseError offset is a byte offset into the text the caller passed. Errors go through
// detail::throw_parse_error, like every other danvan parser: input() is the text itself when
// short and printable, else a window around the offset with control bytes escaped.
#include "danvan/symbol.hpp"

#include "model/symbol_detail.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"
#include "text/text_detail.hpp"
#include "text/utf8.hpp"

#include <unicode/uchar.h>

#include <boost/container/small_vector.hpp>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace danvan {

namespace {

constexpr std::size_t kMaxBytes = 200;
constexpr std::size_t kMaxDigits = 6;
constexpr int kMinYear = 1945;
constexpr int kMaxYear = 2100;

// ---------------------------------------------------------------------------------------------
// UTF-8 and character classes

struct Decoded {
  char32_t cp = 0;
  std::size_t length = 0;  // 0: malformed
};

// Decodes the code point at `i`; rejects overlong forms, surrogates and values past U+10FFFF.
Decoded decode(std::string_view s, std::size_t i) noexcept {
  std::size_t next = i;
  const UChar32 cp = detail::next_code_point(s, next);
  if (cp < 0) return {};
  return {static_cast<char32_t>(cp), next - i};
}

std::string hex(std::uint32_t value, int min_digits) {
  static constexpr std::array<char, 16> kDigits{'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  std::string out;
  while (value != 0 || min_digits > 0) {
    out.insert(out.begin(), kDigits[value & 0xFu]);
    value >>= 4;
    --min_digits;
  }
  return out;
}

std::string u_plus(char32_t cp) { return "U+" + hex(static_cast<std::uint32_t>(cp), 4); }

bool is_control(char32_t cp) noexcept {
  return (cp < 0x20 && cp != U'\t') || (cp >= 0x7F && cp <= 0x9F);
}
bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool is_space(char32_t cp) noexcept {
  if (cp == U' ' || cp == U'\t') return true;
  return cp >= 0x80 && u_isUWhiteSpace(static_cast<UChar32>(cp)) != 0;
}
bool is_slash(char32_t cp) noexcept {
  return cp == U'/' || cp == 0x2044 || cp == 0x2215 || cp == 0xFF0F;
}
bool is_dash(char32_t cp) noexcept {
  return cp == U'-' || (cp >= 0x2010 && cp <= 0x2014) || cp == 0x2212 || cp == 0xFE63 ||
         cp == 0xFF0D;
}
bool is_letter(char32_t cp) noexcept {
  if (cp < 0x80) return is_ascii_alpha(static_cast<char>(cp));
  return u_isalpha(static_cast<UChar32>(cp)) != 0;
}
bool is_mark(char32_t cp) noexcept {
  return cp >= 0x80 && (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
}
// Letters and ASCII digits start or continue a word; combining marks only continue one.
bool is_word_char(char32_t cp) noexcept {
  return is_letter(cp) || (cp < 0x80 && is_ascii_digit(static_cast<char>(cp)));
}

bool is_ascii(std::string_view text) noexcept {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string nfc(std::string_view word) {
  return is_ascii(word) ? std::string(word) : normalize_nfc(word);
}

// For an error message: 'x' for ASCII, 'x' (U+XXXX) otherwise.
std::string describe_char(std::string_view text, std::size_t offset) {
  const Decoded d = decode(text, offset);
  const std::string shown(text.substr(offset, d.length == 0 ? 1 : d.length));
  if (d.cp < 0x80) return "'" + shown + "'";
  return "'" + shown + "' (" + u_plus(d.cp) + ")";
}

// ---------------------------------------------------------------------------------------------
// Party issuers (see symbol.hpp)

constexpr std::array<std::string_view, 11> kPartyIssuers{"TW", "TƯ",  "TU",  "HU",  "QU",  "TXU",
                                                         "ĐU", "BCT", "BBT", "BDV", "QUTW"};
// Any code starting with these is a Party body.
constexpr std::array<std::string_view, 3> kPartyPrefixes{"BCSĐ", "ĐĐ", "ĐU"};
// These are Party boards only when followed by a committee code: BTC alone is Bộ Tài chính,
// VP alone any office, BTG... alone could be Ban Tôn giáo Chính phủ (BTGCP).
constexpr std::array<std::string_view, 9> kBoardPrefixes{"BDV", "BTGDV", "BTG",  "BTC", "BNC",
                                                         "BKT", "BĐN",   "UBKT", "VP"};
constexpr std::array<std::string_view, 7> kCommittees{"TW", "TƯ", "TU", "HU", "QU", "TXU", "ĐU"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view code) noexcept {
  for (const auto item : list) {
    if (item == code) return true;
  }
  return false;
}

bool is_party_issuer(std::string_view code) noexcept {
  if (contains(kPartyIssuers, code)) return true;
  for (const auto prefix : kPartyPrefixes) {
    if (code.starts_with(prefix)) return true;
  }
  for (const auto prefix : kBoardPrefixes) {
    if (code.size() > prefix.size() && code.starts_with(prefix) &&
        contains(kCommittees, code.substr(prefix.size()))) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Type codes

// True when `word` is, or is easily mistaken for, a type code of any family: an exact state or
// Party code, or one equal to a code once case and diacritics are folded ("Ctr", "QD", "nd").
bool looks_like_code(const std::string& word) {
  if (type_from_code(word, DocumentFamily::state) || type_from_code(word, DocumentFamily::party)) {
    return true;
  }
  static const std::vector<std::string> folded_codes = [] {
    std::vector<std::string> out;
    for (const auto& row : document_types()) {
      if (!row.state_code.empty()) out.push_back(fold(row.state_code));
      if (!row.party_code.empty()) out.push_back(fold(row.party_code));
    }
    return out;
  }();
  const std::string key = fold(word);
  for (const auto& code : folded_codes) {
    if (code == key) return true;
  }
  return false;
}

std::string unknown_code(const std::string& code, std::string_view family_phrase) {
  return "unknown document type code " + detail::quote(code) + " in " + std::string(family_phrase) +
         " symbol";
}

// ---------------------------------------------------------------------------------------------
// Scanner

enum class Kind : std::uint8_t { word, slash, dash, other };

struct Token {
  Kind kind;
  std::size_t offset;    // into the original input
  std::string_view raw;  // the original bytes
};

// A symbol has a handful of tokens ("04/2015/NĐ-CP": seven): kept inline, no allocation.
using Tokens = boost::container::small_vector<Token, 16>;

std::size_t skip_spaces(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    const Decoded d = decode(text, i);
    if (!is_space(d.cp)) break;
    i += d.length;
  }
  return i;
}

// The offset where the symbol proper starts: after a leading "Số", "số" or "SỐ" (any Unicode
// form) with an optional ':' and spaces around it; 0 when there is no such prefix.
std::size_t skip_prefix(std::string_view text) {
  const std::size_t begin = skip_spaces(text, 0);
  std::size_t end = begin;
  while (end < text.size()) {
    const Decoded d = decode(text, end);
    if (!(is_letter(d.cp) || (end > begin && is_mark(d.cp)))) break;
    end += d.length;
  }
  if (end == begin) return 0;
  const std::string word = nfc(text.substr(begin, end - begin));
  if (word != "Số" && word != "số" && word != "SỐ") return 0;
  end = skip_spaces(text, end);
  if (end < text.size() && text[end] == ':') end = skip_spaces(text, end + 1);
  return end;
}

// Words are runs of letters, ASCII digits and combining marks (and '&' between two-letter
// ASCII codes, "CCHC&PC"); '/' and '-' (and their Unicode
// look-alikes) are separators, a doubled separator counts once; spaces only end words; anything
// else is a one-character `other` token the parser reports where it meets it.
Tokens tokenize(std::string_view text, std::size_t start) {
  Tokens out;
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t word_begin = kNone;
  const auto close_word = [&](std::size_t end) {
    if (word_begin != kNone) {
      out.push_back({Kind::word, word_begin, text.substr(word_begin, end - word_begin)});
      word_begin = kNone;
    }
  };
  for (std::size_t i = start; i < text.size();) {
    const Decoded d = decode(text, i);
    // '&' joining two codes of at least two ASCII letters inside a word ("CCHC&PC"; not
    // "C&T").
    const bool ampersand = d.cp == '&' && word_begin != kNone && i >= word_begin + 2 &&
                           i + 2 < text.size() && is_ascii_alpha(text[i - 1]) &&
                           is_ascii_alpha(text[i - 2]) && is_ascii_alpha(text[i + 1]) &&
                           is_ascii_alpha(text[i + 2]);
    if (is_word_char(d.cp) || (word_begin != kNone && is_mark(d.cp)) || ampersand) {
      if (word_begin == kNone) word_begin = i;
    } else {
      close_word(i);
      if (is_slash(d.cp) || is_dash(d.cp)) {
        const Kind kind = is_slash(d.cp) ? Kind::slash : Kind::dash;
        if (out.empty() || out.back().kind != kind) {
          out.push_back({kind, i, text.substr(i, d.length)});
        }
      } else if (!is_space(d.cp)) {
        out.push_back({Kind::other, i, text.substr(i, d.length)});
      }
    }
    i += d.length;
  }
  close_word(text.size());
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parser

struct Part {
  std::size_t offset;
  std::string text;  // NFC
};
using Parts = boost::container::small_vector<Part, 6>;

std::vector<std::string> texts(const Parts& parts, std::size_t first) {
  std::vector<std::string> out;
  out.reserve(parts.size() - first);
  for (std::size_t i = first; i < parts.size(); ++i) out.push_back(parts[i].text);
  return out;
}

class Parser {
 public:
  Parser(std::string_view text, std::optional<DocumentFamily> hint, bool quiet = false)
      : text_(text), hint_(hint), quiet_(quiet) {}

  // Every step returns false when the text is no symbol: a loud parser has thrown ParseError
  // by then (fail), a quiet one (try_parse_symbol) just stops, without the cost of building a
  // located message and unwinding, which the reference finder paid for every non-symbol.
  bool parse(Symbol& s) {
    if (!validate()) return false;
    const std::size_t start = skip_prefix(text_);
    tokens_ = tokenize(text_, start);
    if (tokens_.empty()) {
      if (start == 0) return fail(0, "empty symbol");
      return fail(text_.size(), "expected a document number");
    }
    s.surface = std::string(text_);
    if (!parse_number(s)) return false;
    if (accept(Kind::dash)) return parse_party(s);
    if (accept(Kind::slash)) {
      const Token* t = peek();
      if (t == nullptr || t->kind != Kind::word) {
        return fail(here(), "expected a document type code or issuer after '/'");
      }
      return is_ascii_digit(t->raw.front()) ? parse_legal(s) : parse_state(s);
    }
    return fail(here(), "expected '/' or '-' after the document number");
  }

 private:
  // Throws ParseError, or returns false when quiet.
  bool fail(std::size_t offset, const std::string& reason) const {
    if (quiet_) return false;
    detail::throw_parse_error(text_, offset, reason);
  }
  // fail() with a message built only when it is thrown.
  template <typename Reason>
  bool fail_with(std::size_t offset, Reason reason) const {
    if (quiet_) return false;
    detail::throw_parse_error(text_, offset, reason());
  }

  // Length first (cheap, and bounds everything after), then UTF-8 (check_utf8 reports the
  // first malformed byte the way every danvan parser does), then control characters.
  bool validate() const {
    if (text_.size() > kMaxBytes) {
      return fail_with(kMaxBytes,
                       [] { return "symbol longer than " + std::to_string(kMaxBytes) + " bytes"; });
    }
    check_utf8(text_);
    for (std::size_t i = 0; i < text_.size();) {
      const Decoded d = decode(text_, i);
      if (is_control(d.cp)) {
        return fail_with(i, [&] { return "control character " + u_plus(d.cp); });
      }
      i += d.length;
    }
    return true;
  }

  [[nodiscard]] const Token* peek() const {
    return pos_ < tokens_.size() ? &tokens_[pos_] : nullptr;
  }
  // Where the next token starts, or the end of the input.
  [[nodiscard]] std::size_t here() const {
    return pos_ < tokens_.size() ? tokens_[pos_].offset : text_.size();
  }
  bool accept(Kind kind) {
    if (pos_ < tokens_.size() && tokens_[pos_].kind == kind) {
      ++pos_;
      return true;
    }
    return false;
  }
  [[nodiscard]] bool expect_end() const {
    if (pos_ < tokens_.size()) {
      const Token& t = tokens_[pos_];
      return fail_with(t.offset,
                       [&] { return "unexpected character " + describe_char(text_, t.offset); });
    }
    return true;
  }

  // NUMBER: 1-6 ASCII digits and an optional ASCII letter, kept as written.
  bool parse_number(Symbol& s) {
    const Token* t = peek();
    if (t == nullptr || t->kind != Kind::word || !is_ascii_digit(t->raw.front())) {
      return fail(here(), "expected a document number");
    }
    const std::string_view raw = t->raw;
    std::size_t digits = 0;
    while (digits < raw.size() && is_ascii_digit(raw[digits])) ++digits;
    if (digits > kMaxDigits) return fail(t->offset, "document number longer than 6 digits");
    std::size_t end = digits;
    if (end < raw.size() && is_ascii_alpha(raw[end])) ++end;
    if (end < raw.size()) {
      return fail(t->offset + end, "expected '/' or '-' after the document number");
    }
    if (raw.substr(0, digits).find_first_not_of('0') == std::string_view::npos) {
      return fail(t->offset, "document number must not be zero");
    }
    s.number = std::string(raw);
    ++pos_;
    return true;
  }

  // WORD ('-' WORD)*: a type code and issuers, or issuers alone.
  bool parse_parts(const char* missing_first, Parts& parts) {
    const Token* t = peek();
    if (t == nullptr || t->kind != Kind::word) return fail(here(), missing_first);
    parts.push_back({t->offset, nfc(t->raw)});
    ++pos_;
    while (accept(Kind::dash)) {
      t = peek();
      if (t == nullptr || t->kind != Kind::word) {
        return fail(here(), "expected an issuer code after '-'");
      }
      parts.push_back({t->offset, nfc(t->raw)});
      ++pos_;
    }
    return true;
  }

  // A joint document's code, a Party code with "PH" (phối hợp) after it: "CTrPH" in
  // "05-CTrPH/BDVTU-BCSĐ" (chương trình phối hợp). Not a code of 36-HD/VPTW (which writes "CTr"
  // for every chương trình, "79-CTr/BDVTW-BCSĐCP"): it states no type, as a state symbol
  // without a type code ("49/QCPH-UBND-UBMT") does not; the document's name gives the type.
  static bool joint_code(std::string_view code) {
    return code.size() > 2 && code.substr(code.size() - 2) == "PH" &&
           type_from_code(code.substr(0, code.size() - 2), DocumentFamily::party).has_value();
  }

  // After NUMBER '-': TYPE '/' ISSUER ('-' ISSUER)*.
  bool parse_party(Symbol& s) {
    const Token* t = peek();
    if (t == nullptr || t->kind != Kind::word) {
      return fail(here(), "expected a document type code after '-'");
    }
    std::string code = nfc(t->raw);
    const auto type = type_from_code(code, DocumentFamily::party);
    if (!type && !joint_code(code)) {
      return fail_with(t->offset, [&] { return unknown_code(code, "a Party"); });
    }
    ++pos_;
    if (!accept(Kind::slash)) return fail(here(), "expected '/' after the document type code");
    Parts parts;
    if (!parse_parts("expected an issuer code after '/'", parts) || !expect_end()) return false;
    s.family = DocumentFamily::party;
    s.type = type;
    s.type_code = std::move(code);
    s.issuers = texts(parts, 0);
    return true;
  }

  // After NUMBER '/', at a word starting with a digit: YEAR '/' [TYPE '-'] ISSUER ('-' ISSUER)*.
  bool parse_legal(Symbol& s) {
    const Token& t = *peek();
    const bool four_digits = t.raw.size() == 4 && is_ascii_digit(t.raw[1]) &&
                             is_ascii_digit(t.raw[2]) && is_ascii_digit(t.raw[3]);
    if (!four_digits) return fail(t.offset, "expected a 4-digit year after the number");
    int year = 0;
    std::from_chars(t.raw.data(), t.raw.data() + t.raw.size(), year);
    if (year < kMinYear || year > kMaxYear) {
      return fail_with(t.offset, [&] {
        return "year " + std::string(t.raw) + " is out of range " + std::to_string(kMinYear) +
               ".." + std::to_string(kMaxYear);
      });
    }
    ++pos_;
    if (!accept(Kind::slash)) return fail(here(), "expected '/' after the year");
    Parts parts;
    if (!parse_parts("expected a document type code or issuer after '/'", parts)) return false;
    const std::size_t after = here();
    s.family = DocumentFamily::legal;
    s.year = year;
    if (parts.size() >= 2) {
      const auto type = type_from_code(parts[0].text, DocumentFamily::legal);
      if (!type) {
        return fail_with(parts[0].offset, [&] { return unknown_code(parts[0].text, "a legal"); });
      }
      s.type = type;
      s.type_code = std::move(parts[0].text);
      s.issuers = texts(parts, 1);
    } else {
      // "02/2011/QH13": a law, numbered by its issuer alone. "04/2015/NĐ" lacks its issuer.
      if (looks_like_code(parts[0].text)) {
        return fail(after, "expected '-' and an issuer code after the document type code");
      }
      s.issuers = texts(parts, 0);
    }
    return expect_end();
  }

  // After NUMBER '/', at a word starting with a letter: [TYPE '-'] ISSUER ('-' PART)*, or a
  // Party symbol in the state shape.
  bool parse_state(Symbol& s) {
    Parts parts;
    if (!parse_parts("expected a document type code or issuer after '/'", parts)) return false;
    const std::size_t after = here();
    const Part& first = parts.front();
    bool party_issuer = false;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      party_issuer = party_issuer || is_party_issuer(parts[i].text);
    }
    // Only a Party issuer makes a state-shaped symbol Party; hint=state vetoes that. A bare
    // hint=party does not: "26/CT-TTg" stays state, so a caller that expected a Party symbol
    // sees the mismatch in the returned family instead of a silently rewritten symbol.
    const auto party_type = type_from_code(first.text, DocumentFamily::party);
    const bool as_party = party_issuer && hint_ != DocumentFamily::state;
    if (as_party) {
      if (!party_type) {
        return fail_with(first.offset, [&] { return unknown_code(first.text, "a Party"); });
      }
      s.family = DocumentFamily::party;
      s.type = party_type;
      s.type_code = first.text;
      s.issuers = texts(parts, 1);
    } else if (const auto state_type = type_from_code(first.text, DocumentFamily::state)) {
      if (parts.size() < 2) {
        return fail(after, "expected '-' and an issuer code after the document type code");
      }
      s.family = DocumentFamily::state;
      s.type = state_type;
      s.type_code = first.text;
      s.issuers = texts(parts, 1);
    } else if (looks_like_code(first.text)) {
      return fail_with(first.offset, [&] { return unknown_code(first.text, "a state"); });
    } else {
      // A công văn: the issuer and its unit, no type code ("15/UBND-VX").
      s.family = DocumentFamily::state;
      s.type = DocumentType::official_letter;
      s.issuers = texts(parts, 0);
    }
    return expect_end();
  }

  std::string_view text_;
  std::optional<DocumentFamily> hint_;
  bool quiet_ = false;  // fail() returns false instead of throwing (try_parse_symbol)
  Tokens tokens_;
  std::size_t pos_ = 0;
};

// The canonical spelling (see Symbol::canonical) piece by piece, in order: `piece` is called
// with each. canonical() appends them; canonical_equals compares them with a text.
template <typename Piece>
void canonical_pieces(const Symbol& s, Piece piece) {
  std::string_view code = s.type_code;
  if (code.empty() && s.type) code = code_of(*s.type, s.family);
  piece(std::string_view(s.number));
  const auto issuers = [&](bool first) {
    for (const std::string& issuer : s.issuers) {
      if (!first) piece(std::string_view("-"));
      piece(std::string_view(issuer));
      first = false;
    }
  };
  switch (s.family) {
    case DocumentFamily::party:
      if (!code.empty()) {
        piece(std::string_view("-"));
        piece(code);
      }
      piece(std::string_view("/"));
      issuers(true);
      return;
    case DocumentFamily::legal:
    case DocumentFamily::state:
      piece(std::string_view("/"));
      if (s.family == DocumentFamily::legal && s.year) {
        std::array<char, 16> digits{};
        const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), *s.year).ptr;
        piece(std::string_view(digits.data(), static_cast<std::size_t>(end - digits.data())));
        piece(std::string_view("/"));
      }
      if (!code.empty()) piece(code);
      issuers(code.empty());
      return;
  }
}

}  // namespace

std::string Symbol::canonical() const {
  std::string out;
  canonical_pieces(*this, [&](std::string_view piece) { out += piece; });
  return out;
}

namespace detail {
bool canonical_equals(const Symbol& s, std::string_view text) noexcept {
  bool same = true;
  canonical_pieces(s, [&](std::string_view piece) {
    same = same && text.starts_with(piece);
    if (same) text.remove_prefix(piece.size());
  });
  return same && text.empty();
}
}  // namespace detail

long Symbol::numeric() const {
  long value = 0;
  const auto result = std::from_chars(number.data(), number.data() + number.size(), value);
  return result.ec == std::errc() ? value : 0;
}

bool operator==(const Symbol& a, const Symbol& b) { return a.canonical() == b.canonical(); }

Symbol parse_symbol(std::string_view text, std::optional<DocumentFamily> hint) {
  Symbol s;
  Parser(text, hint).parse(s);  // throws ParseError when it fails
  return s;
}

std::optional<Symbol> try_parse_symbol(std::string_view text,
                                       std::optional<DocumentFamily> hint) noexcept {
  try {
    Symbol s;
    if (Parser(text, hint, true).parse(s)) return s;
  } catch (...) {
    // Malformed UTF-8 (check_utf8) or no memory: no symbol either.
  }
  return std::nullopt;
}

}  // namespace danvan
