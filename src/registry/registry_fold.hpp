// Internal: table-driven fold() and NFC check for the registry's hot paths.
#pragma once

#include <string>
#include <string_view>

namespace danvan::detail {

/// Same result as danvan::fold(text), appended to `out`. Code points below U+2000 that are
/// starters and already NFC are folded through a table built from fold() itself; any other
/// input goes through fold(). Throws ParseError for malformed UTF-8 (as fold does).
void fast_fold_append(std::string_view text, std::string& out);
std::string fast_fold(std::string_view text);
/// Same result as danvan::is_nfc(text), using the table for the common case.
bool fast_is_nfc(std::string_view text);
/// Appends the UTF-8 encoding of a code point (at most U+10FFFF, not a surrogate).
void append_utf8(char32_t cp, std::string& out);

}  // namespace danvan::detail
