// Internal helpers shared by text.cpp, date.cpp and period.cpp; not part of the public API.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace danvan::detail {

/// Throws ParseError for `text` failing at byte `offset`. The error's input() is `text` itself
/// when it is short (at most 64 bytes) and printable; otherwise a window of about 64 bytes
/// around `offset` with "..." marking cuts, and with control characters and malformed UTF-8
/// shown as \xNN escapes. The offset always counts bytes of the original `text`.
[[noreturn]] void throw_parse_error(std::string_view text, std::size_t offset,
                                    const std::string& reason);

/// `token` in double quotes for an error message: escaped like throw_parse_error's input and
/// cut to 20 bytes followed by "..." when longer.
std::string quote(std::string_view token);

/// Byte length of the white-space character (Unicode White_Space, e.g. U+00A0) starting at
/// `text[i]`, or 0 when there is none. `text` must be valid UTF-8.
std::size_t white_space_length(std::string_view text, std::size_t i) noexcept;

/// True when `word` (valid UTF-8, any normalisation form) equals `lower_nfc` ignoring case.
/// `lower_nfc` must be lower case and in NFC, e.g. "tháng".
bool equals_ignoring_case(std::string_view word, std::string_view lower_nfc);

}  // namespace danvan::detail
