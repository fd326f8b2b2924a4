// Internal helpers of the text module shared with the other modules; not part of the public API.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

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

/// `s` whole between double quotes, as it is (no escaping, no cut): for ids and names that
/// were checked before they reach a message.
std::string quote_whole(std::string_view s);

/// `cell` as a CSV field (RFC 4180): as it is, or between double quotes with each '"' doubled
/// when it holds one of `special` (by default the separator ',', '"', CR and LF; the registry's
/// tables also quote ';' and TAB, so that a spreadsheet guessing the separator reads them whole).
std::string csv_field(std::string_view cell, std::string_view special = ",\"\r\n");

/// "12 (+3)", "12 (±0)", "12 (-1)": a count and its change against `before`.
std::string with_change(long long now, long long before);

/// Byte length of the white-space character (Unicode White_Space, e.g. U+00A0) starting at
/// `text[i]`, or 0 when there is none. `text` must be valid UTF-8.
std::size_t white_space_length(std::string_view text, std::size_t i) noexcept;

/// True when `text` (valid UTF-8) is white space only, or empty: squeeze_spaces(text).empty()
/// without the copy.
bool is_blank(std::string_view text) noexcept;

/// True when `word` (valid UTF-8, any normalisation form) equals `lower_nfc` ignoring case.
/// `lower_nfc` must be lower case and in NFC, e.g. "tháng".
bool equals_ignoring_case(std::string_view word, std::string_view lower_nfc);

/// Appends danvan::fold(text) to `out` (the registry folds many texts into one buffer). Throws
/// ParseError for malformed UTF-8, leaving `out` as it was or with part of the folding.
void fold_append(std::string_view text, std::string& out);

/// A quick NFC check, cheaper than ICU's on Vietnamese text: true when `text` is well-formed
/// UTF-8 and every code point is NFC_Quick_Check=Yes with canonical combining class 0 (such a
/// text is in NFC). False means "not known": ask ICU (is_nfc, normalize_nfc), which also
/// reports malformed UTF-8. `wide`: 32-byte AVX2 blocks where the processor has AVX2 (false:
/// the 16-byte SSE2 blocks a processor without it runs; tests compare the two).
bool nfc_quick_check(std::string_view text, bool wide = true) noexcept;

/// Whether a text may hold line breaks: names, titles, labels and codes are one line; the
/// prose of a duty, a task area, an outline item or a purpose may run over paragraphs, which
/// are separated by U+000A (LINE FEED) and nothing else.
enum class Lines { one, many };

/// The byte offset and code point of the first control character in UTF-8 `text` (C0 U+0000-
/// U+001F, DEL U+007F, C1 U+0080-U+009F), if any; U+000A does not count when `lines` is
/// many. Text held by danvan must have none: it could rewrite a terminal (ESC sequences) or
/// hide text (CR, backspace) when printed.
std::optional<std::pair<std::size_t, char32_t>> find_control_character(std::string_view text,
                                                                       Lines lines = Lines::one);
/// "U+001B".
std::string code_point_name(char32_t c);
/// "control character U+0009 at byte 5 (text must not contain control characters)" for the
/// first control character of `text`, or "" when it has none.
std::string control_character_problem(std::string_view text, Lines lines = Lines::one);

}  // namespace danvan::detail
