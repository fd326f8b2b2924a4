#include "danvan/text.hpp"

#include "danvan/error.hpp"
#include "text/text_detail.hpp"

#include <unicode/bytestream.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
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

// Length of the well-formed sequence starting at text[i], or 0 when it is malformed.
std::size_t sequence_length(std::string_view text, std::size_t i) noexcept {
  const unsigned char b0 = byte_at(text, i);
  if (b0 < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;  // allowed range of the second byte
  unsigned char high = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;   // overlong below U+0800
    if (b0 == 0xED) high = 0x9F;  // surrogates U+D800..U+DFFF
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;   // overlong below U+10000
    if (b0 == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (text.size() - i < length) return 0;
  const unsigned char b1 = byte_at(text, i + 1);
  if (b1 < low || b1 > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (!is_continuation(byte_at(text, i + k))) return 0;
  }
  return length;
}

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

// Decodes the well-formed sequence of `length` bytes at text[i].
char32_t decode(std::string_view text, std::size_t i, std::size_t length) noexcept {
  const unsigned char b0 = byte_at(text, i);
  if (length == 1) return b0;
  char32_t cp = b0 & (0x7FU >> length);
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6U) | (byte_at(text, i + k) & 0x3FU);
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
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

std::string to_utf8(const icu::UnicodeString& text) {
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
  return to_utf8(composed);
}

// Precomputed foldings of the code points Vietnamese (and most Latin-script) text uses:
// Latin-1 Supplement, Latin Extended-A/B, IPA, spacing modifiers, combining diacritics
// (U+0080..U+036F) and Latin Extended Additional (U+1E00..U+1EFF). Built once from
// fold_with_icu; folding these one code point at a time gives what the slow path gives for
// the whole string, since their marks are all dropped and what remains never composes (a test
// checks every entry in context). A code point outside these ranges sends the whole string
// down the slow path.
class FoldTable {
 public:
  FoldTable() {
    for (char32_t cp = kLow.first; cp < kLow.second; ++cp) fill(entry(cp), cp);
    for (char32_t cp = kHigh.first; cp < kHigh.second; ++cp) fill(entry(cp), cp);
  }

  // The folding of `cp`, or nullptr when the fast path does not cover it.
  [[nodiscard]] const std::string_view* find(char32_t cp) const noexcept {
    const Entry* e = nullptr;
    if (cp >= kLow.first && cp < kLow.second) {
      e = &low_[cp - kLow.first];
    } else if (cp >= kHigh.first && cp < kHigh.second) {
      e = &high_[cp - kHigh.first];
    }
    return e != nullptr && e->usable ? &e->view : nullptr;
  }

 private:
  static constexpr std::pair<char32_t, char32_t> kLow{0x0080, 0x0370};
  static constexpr std::pair<char32_t, char32_t> kHigh{0x1E00, 0x1F00};
  struct Entry {
    std::array<char, 8> bytes{};
    std::string_view view;
    bool usable = false;
  };

  Entry& entry(char32_t cp) {
    return cp < kLow.second ? low_[cp - kLow.first] : high_[cp - kHigh.first];
  }

  static void fill(Entry& e, char32_t cp) {
    std::string one;
    append_utf8(one, cp);
    const std::string folded = fold_with_icu(one);
    if (folded.size() > e.bytes.size()) return;  // left to the slow path
    std::copy(folded.begin(), folded.end(), e.bytes.begin());
    e.view = std::string_view(e.bytes.data(), folded.size());
    e.usable = true;
  }

  std::array<Entry, kLow.second - kLow.first> low_;
  std::array<Entry, kHigh.second - kHigh.first> high_;
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

std::size_t white_space_length(std::string_view text, std::size_t i) noexcept {
  if (i >= text.size()) return 0;
  const unsigned char b = byte_at(text, i);
  if (b < 0x80) return b == ' ' || (b >= '\t' && b <= '\r') ? 1 : 0;
  const std::size_t length = sequence_length(text, i);
  if (length == 0) return 0;
  return u_isUWhiteSpace(static_cast<UChar32>(decode(text, i, length))) ? length : 0;
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
  return to_utf8(text.toLower(icu::Locale::getRoot())) == lower_nfc;
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
  if (is_ascii(text)) return std::string(text);
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  UErrorCode status = U_ZERO_ERROR;
  nfc_instance().normalizeUTF8(0, piece(text), sink, nullptr, status);
  check_icu(status, "NFC normalisation");
  return out;
}

bool is_nfc(std::string_view text) {
  if (find_malformed(text) != std::string_view::npos) return false;
  if (is_ascii(text)) return true;
  UErrorCode status = U_ZERO_ERROR;
  const bool normalized = nfc_instance().isNormalizedUTF8(piece(text), status);
  check_icu(status, "NFC check");
  return normalized;
}

std::string fold(std::string_view text) {
  // ASCII fast path: lower-case a copy in place up to the first non-ASCII byte.
  std::string out(text);
  std::size_t i = 0;
  for (; i < out.size() && byte_at(out, i) < 0x80; ++i) out[i] = ascii_lower(out[i]);
  if (i == out.size()) return out;
  out.resize(i);
  // Table path for Latin-script text, checking UTF-8 as it goes.
  const FoldTable& table = fold_table();
  while (i < text.size()) {
    if (byte_at(text, i) < 0x80) {
      out.push_back(ascii_lower(text[i++]));
      continue;
    }
    const std::size_t length = sequence_length(text, i);
    if (length == 0) detail::throw_parse_error(text, i, malformed_reason(text, i));
    const std::string_view* folded = table.find(decode(text, i, length));
    if (folded == nullptr) {
      check_utf8(text);  // report malformed input before ICU would replace it
      return fold_with_icu(text);
    }
    out.append(*folded);
    i += length;
  }
  return out;
}

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
    const std::size_t length = sequence_length(text, i);
    out.append(text.substr(i, length));
    i += length;
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
