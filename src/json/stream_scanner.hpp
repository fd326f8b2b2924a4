// Internal: the scanner under the streaming JSON readers (registry.cpp, units.cpp). They accept
// exactly the canonical shapes of their documents and build the result straight from the text;
// on anything unusual the scanner gives up (throws Fallback) and the caller reads the text again
// with parse_json and the DOM reader, which reports the problem with its located message.
#pragma once

#include "danvan/date.hpp"
#include "danvan/instrument.hpp"
#include "danvan/json/json.hpp"
#include "danvan/text.hpp"
#include "text/utf8.hpp"

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <cctype>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace danvan::detail {

/// Thrown by StreamScanner when the text is not in the shape it reads.
struct Fallback {};

/// A date as the writer writes it ("YYYY", "YYYY-MM", "YYYY-MM-DD", a real day, year >= 1400),
/// nullopt for anything else (the DOM reader then decides).
inline std::optional<PartialDate> canonical_date(std::string_view s) {
  const std::size_t n = s.size();
  if ((n != 4 && n != 7 && n != 10) || (n > 4 && s[4] != '-') || (n > 7 && s[7] != '-')) {
    return std::nullopt;
  }
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lens[3] = {4, 2, 2};
  const int parts = n == 4 ? 1 : (n == 7 ? 2 : 3);
  for (int k = 0; k < parts; ++k) {
    for (int i = 0; i < lens[k]; ++i) {
      const char c = s[static_cast<std::size_t>(starts[k] + i)];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  if (v[0] < 1400) return std::nullopt;
  if (parts == 1) return PartialDate(v[0]);
  if (v[1] < 1 || v[1] > 12) return std::nullopt;
  if (parts == 2) return PartialDate(v[0], v[1]);
  const int dim = boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(v[0]), static_cast<unsigned short>(v[1]));
  if (v[2] < 1 || v[2] > dim) return std::nullopt;
  return PartialDate(v[0], v[1], v[2]);
}

/// A non-negative integer as the writer writes it (1 to 9 digits, no leading zero), nullopt
/// for anything else (sign, fraction, exponent, more digits).
inline std::optional<long long> canonical_integer(std::string_view s) {
  if (s.empty() || s.size() > 9 || (s[0] == '0' && s.size() > 1)) return std::nullopt;
  long long n = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

class StreamScanner {
 public:
  explicit StreamScanner(std::string_view text)
      : b_(text.data()), p_(text.data()), e_(text.data() + text.size()) {}

 protected:
  static constexpr std::size_t kMaxString = JsonLimits{}.max_string_bytes;
  [[noreturn]] static void fail() { throw Fallback{}; }
  static void mark(unsigned& seen, unsigned bit) {
    if ((seen & bit) != 0) fail();
    seen |= bit;
  }
  void ws() {
    while (p_ < e_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  void expect(char c) {
    ws();
    if (p_ >= e_ || *p_ != c) fail();
    ++p_;
  }
  bool try_consume(char c) {
    ws();
    if (p_ < e_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  /// After a member or element: true on ',', false on `close`; anything else fails.
  bool comma_or(char close) {
    ws();
    if (p_ < e_ && *p_ == ',') {
      ++p_;
      return true;
    }
    if (p_ < e_ && *p_ == close) {
      ++p_;
      return false;
    }
    fail();
  }
  bool null() {
    ws();
    if (e_ - p_ >= 4 && std::memcmp(p_, "null", 4) == 0) {
      p_ += 4;
      return true;
    }
    return false;
  }
  bool boolean() {
    ws();
    if (e_ - p_ >= 4 && std::memcmp(p_, "true", 4) == 0) {
      p_ += 4;
      return true;
    }
    if (e_ - p_ >= 5 && std::memcmp(p_, "false", 5) == 0) {
      p_ += 5;
      return false;
    }
    fail();
  }
  long long integer() {
    ws();
    const char* s = p_;
    long long n = 0;
    while (p_ < e_ && *p_ >= '0' && *p_ <= '9' && p_ - s < 9) n = n * 10 + (*p_++ - '0');
    if (p_ == s || (*s == '0' && p_ - s > 1)) fail();
    if (p_ < e_ && ((*p_ >= '0' && *p_ <= '9') || *p_ == '.' || *p_ == 'e' || *p_ == 'E')) fail();
    return n;
  }
  void hex4(unsigned& v) {
    if (e_ - p_ < 4) fail();
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = *p_++;
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        fail();
      }
    }
  }
  void string(std::string& out) {
    expect('"');
    const char* s = p_;
    while (p_ < e_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        if (static_cast<std::size_t>(p_ - s) > kMaxString) fail();
        out.assign(s, p_);
        ++p_;
        return;
      }
      if (c == '\\' || c < 0x20 || c == 0x7F || c == 0xC2) break;
      ++p_;
    }
    out.assign(s, p_);
    while (true) {
      if (p_ >= e_) fail();
      const auto c = static_cast<unsigned char>(*p_++);
      if (c == '"') {
        // The limit of parse_json (JsonLimits), so both readers give the same verdict.
        if (static_cast<std::size_t>(p_ - 1 - s) > kMaxString) fail();
        return;
      }
      // Control characters are errors in text (detail::find_control_character): the DOM
      // reader reports them, so both readers give the same verdict.
      if (c < 0x20 || c == 0x7F) fail();
      if (c == 0xC2 && p_ < e_ && static_cast<unsigned char>(*p_) >= 0x80 &&
          static_cast<unsigned char>(*p_) <= 0x9F) {
        fail();
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        continue;
      }
      escape(out);
    }
  }
  /// The escape after a backslash in a string: \" \\ \/ and \\u (pairs of surrogates
  /// joined); escapes of control characters fail (text holds none).
  void escape(std::string& out) {
    if (p_ >= e_) fail();
    const char x = *p_++;
    switch (x) {
      case '"':
      case '\\':
      case '/':
        out += x;
        break;
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        fail();  // a control character
      case 'u': {
        unsigned cp = 0;
        hex4(cp);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (e_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') fail();
          p_ += 2;
          unsigned lo = 0;
          hex4(lo);
          if (lo < 0xDC00 || lo > 0xDFFF) fail();
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
          fail();  // a lone low surrogate, or a control character
        }
        detail::append_utf8(out, static_cast<char32_t>(cp));
        break;
      }
      default:
        fail();
    }
  }
  std::string_view key() {
    string(key_);
    expect(':');
    return key_;
  }
  /// Reads the object that starts here, calling member(key) at each member's value.
  template <typename Member>
  void members(Member&& member) {
    expect('{');
    if (try_consume('}')) return;
    do {
      member(key());
    } while (comma_or('}'));
  }
  /// A string read through `parse` (an enum-name table).
  template <typename T, typename Parse>
  void parsed(T& out, Parse parse) {
    string(buf_);
    out = parse(buf_);
  }
  /// The same, leaving `out` as it is for null.
  template <typename T, typename Parse>
  void parsed_or_null(T& out, Parse parse) {
    if (null()) return;
    string(buf_);
    out = parse(buf_);
  }
  /// An id (ASCII by definition, so already NFC).
  void id(std::string& out) {
    string(out);
    if (!is_valid_id(out)) fail();
  }
  /// Any string the DOM reader takes as it is: NFC (which is valid UTF-8); the DOM reader
  /// normalises, so a string that is not NFC gives up here rather than read differently.
  void nfc(std::string& out) {
    string(out);
    if (!is_nfc(out)) fail();
  }
  /// A one-line text: NFC and not blank, as ObjectReader::text wants.
  void text(std::string& out) {
    nfc(out);
    if (squeeze_spaces(out).empty()) fail();
  }
  /// text() or null (absent).
  void optional_text(std::optional<std::string>& out) {
    if (null()) {
      out.reset();
      return;
    }
    if (!out) out.emplace();
    text(*out);
  }
  /// id() or null (absent).
  void optional_id(std::optional<std::string>& out) {
    if (null()) {
      out.reset();
      return;
    }
    if (!out) out.emplace();
    id(*out);
  }
  PartialDate date() {
    string(buf_);
    const auto d = canonical_date(buf_);
    if (!d) fail();
    return *d;
  }
  void id_array(std::vector<std::string>& out) {
    out.clear();
    expect('[');
    if (try_consume(']')) return;
    do {
      out.emplace_back();
      string(out.back());
    } while (comma_or(']'));
  }
  /// id_array() of valid ids, none listed twice (as ObjectReader::ids wants).
  void distinct_ids(std::vector<std::string>& out) {
    id_array(out);
    for (const auto& s : out) {
      if (!is_valid_id(s)) fail();
    }
    if (out.size() > 1) {
      std::unordered_set<std::string_view> unique(out.begin(), out.end());
      if (unique.size() != out.size()) fail();
    }
  }

  void skip_value(int depth) {
    if (depth > 200) fail();
    ws();
    if (p_ >= e_) fail();
    const char c = *p_;
    if (c == '{' || c == '[') {
      ++p_;
      const char close = c == '{' ? '}' : ']';
      if (try_consume(close)) return;
      do {
        if (c == '{') {
          string(key_);
          expect(':');
        }
        skip_value(depth + 1);
      } while (comma_or(close));
    } else if (c == '"') {
      string(buf_);
    } else if (null()) {
    } else if (c == 't' || c == 'f') {
      boolean();
    } else {
      while (p_ < e_ && (std::isdigit(static_cast<unsigned char>(*p_)) != 0 || *p_ == '-' ||
                         *p_ == '+' || *p_ == '.' || *p_ == 'e' || *p_ == 'E')) {
        ++p_;
      }
    }
  }

  const char* b_;
  const char* p_;
  const char* e_;
  std::string buf_;
  std::string key_;
};

}  // namespace danvan::detail
