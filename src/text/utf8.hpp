// Internal: danvan's one UTF-8 decoder and encoder, on ICU's U8_NEXT / U8_APPEND macros. Every
// module that walks or writes code points uses these (not part of the public API).
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace danvan::detail {

/// The code point at text[i], moving `i` past it; a negative value when the bytes at `i` are
/// not well-formed UTF-8 (Unicode Table 3-7: no overlong forms, no surrogates, nothing above
/// U+10FFFF, no cut sequence), `i` then past the longest ill-formed prefix (at least one byte).
/// `i` must be below text.size().
inline UChar32 next_code_point(std::string_view text, std::size_t& i) noexcept {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const std::size_t length = text.size();
  UChar32 c = 0;
  U8_NEXT(s, i, length, c);
  return c;
}

/// The code point at text[i] of text known to be well-formed UTF-8, moving `i` past it.
inline char32_t next_valid_code_point(std::string_view text, std::size_t& i) noexcept {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  UChar32 c = 0;
  U8_NEXT_UNSAFE(s, i, c);
  return static_cast<char32_t>(c);
}

/// Length of the well-formed UTF-8 sequence starting at text[i], or 0 when there is none.
inline std::size_t sequence_length(std::string_view text, std::size_t i) noexcept {
  std::size_t next = i;
  return next_code_point(text, next) < 0 ? 0 : next - i;
}

/// Appends the UTF-8 form of `cp`, a Unicode scalar value (at most U+10FFFF, no surrogate).
inline void append_utf8(std::string& out, char32_t cp) {
  std::uint8_t buffer[U8_MAX_LENGTH];
  std::size_t n = 0;
  U8_APPEND_UNSAFE(buffer, n, cp);
  out.append(reinterpret_cast<const char*>(buffer), n);
}

/// The UTF-8 form of the scalar value `cp`.
inline std::string utf8(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return out;
}

/// The UTF-32 form of UTF-8 `text`, with U+FFFD for each ill-formed part.
inline std::u32string to_utf32(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const UChar32 c = next_code_point(text, i);
    out.push_back(c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c));
  }
  return out;
}

/// The UTF-8 form of `text` (scalar values).
inline std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char32_t cp : text) append_utf8(out, cp);
  return out;
}

}  // namespace danvan::detail
