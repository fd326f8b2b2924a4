// Small UTF-8 helpers shared by the format readers (private to danvan::formats).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace danvan::formats_detail {

/// Appends the UTF-8 form of code point `cp` (a scalar value) to `out`.
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  }
}

/// Decodes the code point at text[i] of *valid* UTF-8 and advances i past it.
inline char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  std::size_t length = 1;
  char32_t cp = b0;
  if (b0 >= 0xF0) {
    length = 4;
    cp = b0 & 0x07U;
  } else if (b0 >= 0xE0) {
    length = 3;
    cp = b0 & 0x0FU;
  } else if (b0 >= 0xC0) {
    length = 2;
    cp = b0 & 0x1FU;
  }
  for (std::size_t k = 1; k < length && i + k < text.size(); ++k) {
    cp = (cp << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
  }
  i += length;
  return cp;
}

/// The UTF-32 form of valid UTF-8 `text`.
inline std::u32string to_utf32(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) out.push_back(next_code_point(text, i));
  return out;
}

/// The UTF-8 form of `text`.
inline std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char32_t cp : text) append_utf8(out, cp);
  return out;
}

}  // namespace danvan::formats_detail
