#include "registry/registry_fold.hpp"

#include "danvan/text.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include <array>
#include <cstdint>

namespace danvan::detail {

namespace {

constexpr char32_t table_limit = 0x2000;

struct Folded {
  std::array<char, 7> bytes{};
  std::uint8_t size = 0;
  bool safe = false;  // a starter, NFC quick-check yes, folding to such characters
};

bool plain_starter(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (cp >= 0x1100 && cp <= 0x11FF) return false;  // Hangul jamo compose with each other
  const auto type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK ||
      type == U_UNASSIGNED || type == U_SURROGATE) {
    return false;
  }
  return u_getCombiningClass(c) == 0 &&
         u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

// Decodes one code point of well-formed UTF-8 below U+2000; returns the
// number of bytes (1 to 3), 0 when the sequence is anything else.
std::size_t decode_small(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b1 & 0xC0) != 0x80) return 0;
    cp = (static_cast<char32_t>(b0 & 0x1F) << 6) | (b1 & 0x3F);
    return 2;
  }
  if ((b0 == 0xE0 || b0 == 0xE1) && i + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 || (b0 == 0xE0 && b1 < 0xA0)) return 0;
    cp = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) |
         (b2 & 0x3F);
    return 3;
  }
  return 0;
}

const std::array<Folded, table_limit>& table() {
  static const std::array<Folded, table_limit> t = [] {
    std::array<Folded, table_limit> out{};
    for (char32_t cp = 0; cp < table_limit; ++cp) {
      if (!plain_starter(cp)) continue;
      std::string s;
      append_utf8(cp, s);
      const std::string f = fold(s);
      if (f.size() > out[cp].bytes.size()) continue;
      bool ok = true;
      for (std::size_t i = 0; i < f.size() && ok;) {
        char32_t c = 0;
        const std::size_t n = decode_small(f, i, c);
        if (n == 0 || !plain_starter(c)) ok = false;
        i += n == 0 ? 1 : n;
      }
      if (!ok) continue;
      out[cp].size = static_cast<std::uint8_t>(f.size());
      for (std::size_t i = 0; i < f.size(); ++i) out[cp].bytes[i] = f[i];
      out[cp].safe = true;
    }
    return out;
  }();
  return t;
}

}  // namespace

void fast_fold_append(std::string_view text, std::string& out) {
  const auto& t = table();
  const std::size_t start = out.size();
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode_small(text, i, cp);
    if (n == 0 || !t[cp].safe) {
      out.resize(start);
      out += fold(text);
      return;
    }
    out.append(t[cp].bytes.data(), t[cp].size);
    i += n;
  }
}

std::string fast_fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  fast_fold_append(text, out);
  return out;
}

bool fast_is_nfc(std::string_view text) {
  const auto& t = table();
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode_small(text, i, cp);
    if (n == 0 || !t[cp].safe) return is_nfc(text);
    i += n;
  }
  return true;
}

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace danvan::detail
