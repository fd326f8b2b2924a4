#include "danvan/text.hpp"

#include "danvan/error.hpp"
#include "text/text_detail.hpp"
#include "text/utf8.hpp"

#include <unicode/bytestream.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <utility>

namespace danvan {

namespace {

// ---------------------------------------------------------------------------------------------
// UTF-8 validation and decoding (Unicode Table 3-7, "Well-Formed UTF-8 Byte Sequences").

unsigned char byte_at(std::string_view text, std::size_t i) noexcept {
  return static_cast<unsigned char>(text[i]);
}

bool is_continuation(unsigned char b) noexcept { return (b & 0xC0U) == 0x80U; }

std::string hex_byte(unsigned char b) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string{'0', 'x', kDigits[b >> 4U], kDigits[b & 0x0FU]};
}

using detail::sequence_length;

// Why the sequence at text[i] (for which sequence_length is 0) is malformed.
std::string malformed_reason(std::string_view text, std::size_t i) {
  const unsigned char b0 = byte_at(text, i);
  const std::string prefix = "invalid UTF-8 byte " + hex_byte(b0) + ": ";
  if (is_continuation(b0)) return prefix + "a continuation byte without a lead byte";
  if (b0 == 0xC0 || b0 == 0xC1) return prefix + "an overlong encoding";
  if (b0 >= 0xF5) return prefix + "never used in UTF-8";
  const std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) return prefix + "the sequence is cut short by the end of the input";
    const unsigned char b = byte_at(text, i + k);
    if (!is_continuation(b)) return prefix + "the sequence is cut short by byte " + hex_byte(b);
    if (k == 1) {
      if ((b0 == 0xE0 && b < 0xA0) || (b0 == 0xF0 && b < 0x90)) {
        return prefix + "an overlong encoding";
      }
      if (b0 == 0xED && b > 0x9F) return prefix + "encodes a UTF-16 surrogate";
      if (b0 == 0xF4 && b > 0x8F) return prefix + "encodes a code point above U+10FFFF";
    }
  }
  return prefix + "malformed sequence";  // not reached: sequence_length found a problem
}

// Offset of the first malformed sequence, or npos.
std::size_t find_malformed(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    if (byte_at(text, i) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

bool is_ascii(std::string_view text) noexcept {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

char ascii_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Appends `text` with control characters and malformed UTF-8 shown as \xNN escapes.
void append_escaped(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = byte_at(text, i);
    const std::size_t length = sequence_length(text, i);
    if (length == 0 || b < 0x20 || b == 0x7F) {
      out += "\\x" + hex_byte(b).substr(2);
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
}

// Moves `i` back to the start of a character (or to a byte that cannot be one).
std::size_t character_start(std::string_view text, std::size_t i) noexcept {
  std::size_t back = 0;
  while (i > 0 && back < 3 && i < text.size() && is_continuation(byte_at(text, i))) {
    --i;
    ++back;
  }
  return i;
}

// ---------------------------------------------------------------------------------------------
// ICU plumbing.

icu::StringPiece piece(std::string_view text) {
  if (text.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {
    throw ValueError("text of " + std::to_string(text.size()) +
                     " bytes is too long for Unicode processing (at most 2147483647 bytes)");
  }
  return {text.data(), static_cast<int32_t>(text.size())};
}

void check_icu(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) {
    throw IoError("ICU data", std::string(what) + " failed: " + u_errorName(status));
  }
}

const icu::Normalizer2& nfc_instance() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    check_icu(status, "loading the NFC normaliser");
    return n;
  }();
  return *instance;
}

const icu::Normalizer2& nfd_instance() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    check_icu(status, "loading the NFD normaliser");
    return n;
  }();
  return *instance;
}

std::string utf8_of(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Folding.

// The folding of one code point; đ/Đ and their look-alikes ð/Ð (which legacy Vietnamese
// encodings produce for Đ) become 'd', everything else goes through u_tolower.
UChar32 fold_code_point(UChar32 cp) noexcept {
  if (cp == 0x0110 || cp == 0x0111 || cp == 0x00D0 || cp == 0x00F0) return U'd';
  return u_tolower(cp);
}

// The general (slow) folding: NFD, drop non-spacing marks, map each code point, NFC again so
// that scripts whose letters decompose into non-marks (Hangul) come back composed.
std::string fold_with_icu(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed =
      nfd_instance().normalize(icu::UnicodeString::fromUTF8(piece(text)), status);
  check_icu(status, "NFD normalisation");
  icu::UnicodeString folded;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 cp = decomposed.char32At(i);
    i += U16_LENGTH(cp);
    if (u_charType(cp) == U_NON_SPACING_MARK) continue;
    folded.append(fold_code_point(cp));
  }
  const icu::UnicodeString composed = nfc_instance().normalize(folded, status);
  check_icu(status, "NFC normalisation");
  return utf8_of(composed);
}

// A code point that NFC leaves alone wherever it stands: a starter (canonical combining class
// 0, not a mark) whose NFC quick check is "yes" and that nothing composes with (Hangul jamo
// do).
bool plain_starter(UChar32 cp) noexcept {
  if (cp >= 0x1100 && cp <= 0x11FF) return false;
  const auto type = u_charType(cp);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK ||
      type == U_UNASSIGNED || type == U_SURROGATE) {
    return false;
  }
  return u_getCombiningClass(cp) == 0 &&
         u_getIntPropertyValue(cp, UCHAR_NFC_QUICK_CHECK) == UNORM_YES;
}

// The one table of precomputed foldings (U+0000..U+1FFF: the scripts Vietnamese and most
// European text use), built once from fold_with_icu. An entry is `folds` when folding its
// code point alone gives what the general path gives for it in any context: a non-spacing mark
// (dropped there too) or a plain starter whose folding is plain starters (NFD works code point
// by code point, and plain starters neither move nor compose in the final NFC). Any other
// code point sends the whole text down ICU's path (a test checks every entry in context).
class FoldTable {
 public:
  static constexpr char32_t kEnd = 0x2000;

  struct Entry {
    std::array<char, 7> bytes{};
    std::uint8_t size = 0;
    bool folds = false;
    [[nodiscard]] std::string_view folded() const noexcept { return {bytes.data(), size}; }
  };

  FoldTable() {
    for (char32_t cp = 0; cp < kEnd; ++cp) fill(entries_[cp], cp);
  }

  // The entry of `cp`, or nullptr when the table does not cover it.
  [[nodiscard]] const Entry* find(UChar32 cp) const noexcept {
    return cp >= 0 && static_cast<char32_t>(cp) < kEnd ? &entries_[static_cast<std::size_t>(cp)]
                                                       : nullptr;
  }

 private:
  static void fill(Entry& e, char32_t cp) {
    const auto c = static_cast<UChar32>(cp);
    const bool mark = u_charType(c) == U_NON_SPACING_MARK;
    if (!mark && !plain_starter(c)) return;
    const std::string folded = fold_with_icu(detail::utf8(cp));
    if (folded.size() > e.bytes.size()) return;
    if (mark) {
      e.folds = folded.empty();
      return;
    }
    for (std::size_t i = 0; i < folded.size();) {
      if (!plain_starter(detail::next_code_point(folded, i))) return;
    }
    std::copy(folded.begin(), folded.end(), e.bytes.begin());
    e.size = static_cast<std::uint8_t>(folded.size());
    e.folds = true;
  }

  std::array<Entry, kEnd> entries_;
};

const FoldTable& fold_table() {
  static const FoldTable table;
  return table;
}

// ---------------------------------------------------------------------------------------------
// Names.

std::string join(const std::vector<std::string_view>& words, std::size_t first, std::size_t last) {
  std::string out;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) out.push_back(' ');
    out.append(words[i]);
  }
  return out;
}

// Sorts `texts` by the byte order of key(text), computing each key once; stable.
template <typename KeyFunction>
void sort_by_key(std::vector<std::string>& texts, KeyFunction key) {
  std::vector<std::pair<std::string, std::size_t>> keyed;
  keyed.reserve(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) keyed.emplace_back(key(texts[i]), i);
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> sorted;
  sorted.reserve(texts.size());
  for (auto& entry : keyed) sorted.push_back(std::move(texts[entry.second]));
  texts = std::move(sorted);
}

Collator& thread_collator() {
  thread_local Collator collator;
  return collator;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Internal helpers (text_detail.hpp).

namespace detail {

void throw_parse_error(std::string_view text, std::size_t offset, const std::string& reason) {
  constexpr std::size_t kShort = 64;
  constexpr std::size_t kBefore = 24;
  std::size_t first = 0;
  std::size_t last = text.size();
  if (text.size() > kShort) {
    first = character_start(text, offset > kBefore ? offset - kBefore : 0);
    last = std::min(text.size(), first + kShort);
    last = character_start(text, last);
  }
  std::string shown = first > 0 ? "..." : "";
  append_escaped(shown, text.substr(first, last - first));
  if (last < text.size()) shown += "...";
  throw ParseError(std::move(shown), offset, reason);
}

std::string quote(std::string_view token) {
  constexpr std::size_t kLongest = 20;
  std::string out = "\"";
  if (token.size() <= kLongest) {
    append_escaped(out, token);
  } else {
    append_escaped(out, token.substr(0, character_start(token, kLongest)));
    out += "...";
  }
  out += '"';
  return out;
}

std::string quote_whole(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  out += s;
  out += '"';
  return out;
}

std::size_t white_space_length(std::string_view text, std::size_t i) noexcept {
  if (i >= text.size()) return 0;
  const unsigned char b = byte_at(text, i);
  if (b < 0x80) return b == ' ' || (b >= '\t' && b <= '\r') ? 1 : 0;
  std::size_t next = i;
  const UChar32 cp = next_code_point(text, next);
  return cp >= 0 && u_isUWhiteSpace(cp) ? next - i : 0;
}

bool equals_ignoring_case(std::string_view word, std::string_view lower_nfc) {
  if (is_ascii(word)) {
    return word.size() == lower_nfc.size() &&
           std::equal(word.begin(), word.end(), lower_nfc.begin(),
                      [](char a, char b) { return ascii_lower(a) == b; });
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text =
      nfc_instance().normalize(icu::UnicodeString::fromUTF8(piece(word)), status);
  check_icu(status, "NFC normalisation");
  return utf8_of(text.toLower(icu::Locale::getRoot())) == lower_nfc;
}

std::optional<std::pair<std::size_t, char32_t>> find_control_character(std::string_view text,
                                                                       Lines lines) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n' && lines == Lines::many) continue;
    if (b < 0x20 || b == 0x7F) return std::pair{i, static_cast<char32_t>(b)};
    if (b == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return std::pair{i, static_cast<char32_t>(next)};
    }
  }
  return std::nullopt;
}

std::string code_point_name(char32_t c) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out = "U+";
  for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c >> shift) & 0xF];
  return out;
}

std::string control_character_problem(std::string_view text, Lines lines) {
  const auto at = find_control_character(text, lines);
  if (!at) return {};
  return "control character " + code_point_name(at->second) + " at byte " +
         std::to_string(at->first) + " (text must not contain control characters)";
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Public functions.

void check_utf8(std::string_view text) {
  const std::size_t bad = find_malformed(text);
  if (bad != std::string_view::npos) {
    detail::throw_parse_error(text, bad, malformed_reason(text, bad));
  }
}

std::string normalize_nfc(std::string_view text) {
  check_utf8(text);
  if (detail::nfc_quick_check(text)) return std::string(text);  // ASCII among them
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  UErrorCode status = U_ZERO_ERROR;
  nfc_instance().normalizeUTF8(0, piece(text), sink, nullptr, status);
  check_icu(status, "NFC normalisation");
  return out;
}

bool is_nfc(std::string_view text) {
  if (detail::nfc_quick_check(text)) return true;
  if (find_malformed(text) != std::string_view::npos) return false;
  UErrorCode status = U_ZERO_ERROR;
  const bool normalized = nfc_instance().isNormalizedUTF8(piece(text), status);
  check_icu(status, "NFC check");
  return normalized;
}

std::string fold(std::string_view text) {
  std::string out;
  detail::fold_append(text, out);
  return out;
}

namespace detail {

void fold_append(std::string_view text, std::string& out) {
  const std::size_t start = out.size();
  out.reserve(start + text.size());
  const FoldTable& table = fold_table();
  for (std::size_t i = 0; i < text.size();) {
    if (byte_at(text, i) < 0x80) {
      // The run of ASCII bytes, lowered at once.
      std::size_t end = i + 1;
      while (end < text.size() && byte_at(text, end) < 0x80) ++end;
      const std::size_t at = out.size();
      out.resize(at + (end - i));
      char* to = out.data() + at;
      for (; i < end; ++i) *to++ = ascii_lower(text[i]);
      continue;
    }
    const std::size_t at = i;
    const UChar32 cp = next_code_point(text, i);
    if (cp < 0) throw_parse_error(text, at, malformed_reason(text, at));
    const FoldTable::Entry* entry = table.find(cp);
    if (entry == nullptr || !entry->folds) {
      check_utf8(text);  // report malformed input before ICU would replace it
      out.resize(start);
      out += fold_with_icu(text);
      return;
    }
    out.append(entry->folded());
  }
}

bool is_blank(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t space = white_space_length(text, i);
    if (space == 0) return false;
    i += space;
  }
  return true;
}

}  // namespace detail

std::string squeeze_spaces(std::string_view text) {
  check_utf8(text);
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    if (const std::size_t space = detail::white_space_length(text, i); space > 0) {
      pending_space = !out.empty();
      i += space;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    // The run of code points up to the next white space, appended at once.
    std::size_t end = i + sequence_length(text, i);
    while (end < text.size()) {
      const auto b = static_cast<unsigned char>(text[end]);
      if (b < 0x80 && b != ' ' && (b < '\t' || b > '\r')) {
        ++end;
      } else if (b < 0x80 || detail::white_space_length(text, end) > 0) {
        break;
      } else {
        end += sequence_length(text, end);
      }
    }
    out.append(text.substr(i, end - i));
    i = end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Collator.

struct Collator::Impl {
  std::unique_ptr<icu::Collator> icu;
};

Collator::Collator() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->icu.reset(icu::Collator::createInstance(icu::Locale("vi"), status));
  check_icu(status, "loading the Vietnamese collation");
  if (status == U_USING_DEFAULT_WARNING) {
    throw IoError("ICU data", "loading the Vietnamese collation failed: no \"vi\" tailoring");
  }
  // The "vi" tailoring already turns normalisation on; insist, since NFD input must sort
  // like NFC input.
  impl_->icu->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
  check_icu(status, "configuring the Vietnamese collation");
}

Collator::~Collator() = default;
Collator::Collator(Collator&&) noexcept = default;
Collator& Collator::operator=(Collator&&) noexcept = default;

int Collator::compare(std::string_view a, std::string_view b) const {
  check_utf8(a);
  check_utf8(b);
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult result = impl_->icu->compareUTF8(piece(a), piece(b), status);
  check_icu(status, "collation");
  return static_cast<int>(result);
}

std::string Collator::sort_key(std::string_view text) const {
  check_utf8(text);
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(piece(text));
  std::array<uint8_t, 256> buffer{};
  int32_t length = impl_->icu->getSortKey(s, buffer.data(), static_cast<int32_t>(buffer.size()));
  if (length <= 0) throw IoError("ICU data", "computing a collation sort key failed");
  // ICU terminates the key with its only 0x00 byte; the returned key leaves it out.
  if (static_cast<std::size_t>(length) <= buffer.size()) {
    return {reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(length - 1)};
  }
  std::string key(static_cast<std::size_t>(length), '\0');
  length = impl_->icu->getSortKey(s, reinterpret_cast<uint8_t*>(key.data()), length);
  key.resize(static_cast<std::size_t>(length - 1));
  return key;
}

std::string Collator::name_sort_key(std::string_view full_name) const {
  const std::string name = squeeze_spaces(normalize_nfc(full_name));
  std::vector<std::string_view> words;
  const std::string_view view(name);
  for (std::size_t start = 0; start < view.size();) {
    const std::size_t end = std::min(view.find(' ', start), view.size());
    words.push_back(view.substr(start, end - start));
    start = end + 1;
  }
  std::string given;
  std::string middle;
  std::string family;
  if (words.size() == 1) {
    given = words[0];
  } else if (words.size() > 1) {
    given = words.back();
    family = words.front();
    middle = join(words, 1, words.size() - 1);
  }
  // ICU sort keys hold no 0x00 byte (it only terminates them; 0x01 and 0x02 do occur inside,
  // as level and merge separators), so a 0x00 between the parts sorts below every key byte:
  // the parts compare one after the other, and a part that is a prefix of another sorts first.
  std::string key = sort_key(given);
  key.push_back('\0');
  key += sort_key(middle);
  key.push_back('\0');
  key += sort_key(family);
  return key;
}

int compare_vietnamese(std::string_view a, std::string_view b) {
  return thread_collator().compare(a, b);
}

std::string sort_key(std::string_view text) { return thread_collator().sort_key(text); }

std::string name_sort_key(std::string_view full_name) {
  return thread_collator().name_sort_key(full_name);
}

void sort_vietnamese(std::vector<std::string>& texts) {
  const Collator& collator = thread_collator();
  sort_by_key(texts, [&](const std::string& t) { return collator.sort_key(t); });
}

void sort_person_names(std::vector<std::string>& names) {
  const Collator& collator = thread_collator();
  sort_by_key(names, [&](const std::string& n) { return collator.name_sort_key(n); });
}

}  // namespace danvan
