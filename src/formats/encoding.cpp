// Vietnamese text encodings: decoding, encoding and detection.
//
// Tables from the published definitions:
//   - TCVN3 / ABC: TCVN 5712:1993. Bytes 0x80-0xFF as the standard's VN1 table (VN3, the ABC
//     fonts, uses the same positions for the lower-case letters and for Ă Â Ê Ô Ơ Ư Đ; its
//     upper-case toned letters live in separate ".VnTimeH" fonts that reuse the lower-case
//     codes, which no text decoder can recover). Checked byte by byte against glibc's
//     TCVN5712-1 converter.
//   - VNI Windows: a base letter followed by one diacritic byte (read as Windows-1252: ù ø û õ ï
//     tone marks; â á à å ã ä circumflex and tone; ê é è ú ü ë breve and tone); single bytes for
//     ơ ư đ, the toned i and ỵ; upper case 0x20 lower. 0x80-0xBF as Windows-1252.
//   - VIQR: RFC 1456 (' ` ? ~ . tones, ^ ( + vowel marks, dd for đ, \ escapes).
//   - Windows-1258: ICU's converter "windows-1258".
#include "danvan/document_text.hpp"

#include "danvan/text.hpp"
#include "readers.hpp"
#include "text/utf8.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>
#include <vector>

namespace danvan {

using detail::append_utf8;
using detail::to_utf32;
using detail::to_utf8;

namespace {

std::string hex(unsigned char b) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string{'0', 'x', kDigits[b >> 4U], kDigits[b & 0x0FU]};
}

[[noreturn]] void bad_byte(std::string_view bytes, std::size_t offset, TextEncoding encoding) {
  throw ParseError(std::string(bytes), offset,
                   "byte " + hex(static_cast<unsigned char>(bytes[offset])) + " is not a " +
                       std::string(to_string(encoding)) + " character");
}

// ---- Vietnamese letters as base + modifier + tone --------------------------------------------

constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kTilde = 0x0303, kHook = 0x0309, kDot = 0x0323;
constexpr char32_t kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;

bool is_tone(char32_t c) {
  return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDot;
}
bool is_modifier(char32_t c) { return c == kCircumflex || c == kBreve || c == kHorn; }

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw IoError("ICU", "the NFD normalizer is unavailable");
  return *n;
}
const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw IoError("ICU", "the NFC normalizer is unavailable");
  return *n;
}

std::u32string normalize32(const icu::Normalizer2& n, std::u32string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(text.data()), static_cast<int32_t>(text.size()));
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString out = n.normalize(s, status);
  if (U_FAILURE(status)) throw ValueError("Unicode normalisation failed");
  std::u32string result(static_cast<std::size_t>(out.countChar32()), U'\0');
  status = U_ZERO_ERROR;
  out.toUTF32(reinterpret_cast<UChar32*>(result.data()), static_cast<int32_t>(result.size()),
              status);
  return result;
}

char32_t compose_uncached(char32_t base, char32_t modifier, char32_t tone) {
  std::u32string s(1, base);
  if (modifier != 0) s.push_back(modifier);
  if (tone != 0) s.push_back(tone);
  const std::u32string c = normalize32(nfc(), s);
  return c.size() == 1 ? c[0] : 0;
}

char32_t compose(char32_t base, char32_t modifier, char32_t tone) {
  thread_local std::unordered_map<std::uint64_t, char32_t> cache;
  const std::uint64_t key =
      (std::uint64_t{base} << 32U) | (std::uint64_t{modifier} << 16U) | (tone & 0xFFFFU);
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  const char32_t c = compose_uncached(base, modifier, tone);
  if (cache.size() < 8192) cache.emplace(key, c);
  return c;
}

/// One character split into a base (NFD starter), its vowel modifier and its tone; `other` is
/// set when it carries any other mark or more than one of a kind.
struct Letter {
  char32_t base = 0;
  char32_t modifier = 0;
  char32_t tone = 0;
  bool other = false;
};

Letter split_letter_uncached(char32_t cp) {
  Letter l;
  const std::u32string d = normalize32(nfd(), std::u32string(1, cp));
  l.base = d.empty() ? cp : d[0];
  for (std::size_t i = 1; i < d.size(); ++i) {
    if (is_tone(d[i]) && l.tone == 0) {
      l.tone = d[i];
    } else if (is_modifier(d[i]) && l.modifier == 0) {
      l.modifier = d[i];
    } else {
      l.other = true;
    }
  }
  return l;
}

/// split_letter_uncached with a per-thread cache (texts repeat a few hundred letters; ICU's
/// normaliser per character would dominate detection).
Letter split_letter(char32_t cp) {
  thread_local std::unordered_map<char32_t, Letter> cache;
  if (const auto it = cache.find(cp); it != cache.end()) return it->second;
  const Letter l = split_letter_uncached(cp);
  if (cache.size() < 4096) cache.emplace(cp, l);
  return l;
}

bool ascii_upper(char32_t c) { return c >= 'A' && c <= 'Z'; }
char32_t ascii_lower(char32_t c) { return ascii_upper(c) ? c + 32 : c; }

// ---- TCVN3 ------------------------------------------------------------------------------------

// TCVN 5712:1993, bytes 0x80..0xFF (0xB0-0xB4 are the five combining tone marks).
constexpr std::array<char16_t, 128> kTcvn3High = {
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8,  // 0x80
    0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC, 0x1EC8, 0x0128,  // 0x88
    0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8,  // 0x90
    0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA, 0x1EE2, 0x00D9, 0x1EE6, 0x0168,  // 0x98
    0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,  // 0xA0
    0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,  // 0xA8
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,  // 0xB0
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,  // 0xB8
    0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,  // 0xC0
    0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,  // 0xC8
    0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,  // 0xD0
    0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,  // 0xD8
    0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,  // 0xE0
    0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,  // 0xE8
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,  // 0xF0
    0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,  // 0xF8
};

std::string decode_tcvn3(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out.push_back(b < 0x80 ? char32_t{b} : char32_t{kTcvn3High[b - 0x80U]});
  }
  return to_utf8(normalize32(nfc(), out));
}

std::string encode_tcvn3(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    const auto* it = std::find(kTcvn3High.begin(), kTcvn3High.end(), static_cast<char16_t>(cp));
    if (cp > 0xFFFF || it == kTcvn3High.end()) {
      throw ParseError(
          to_utf8(text), i,
          "the character " + to_utf8(std::u32string(1, cp)) + " cannot be written in TCVN3 (ABC)");
    }
    out.push_back(static_cast<char>(0x80 + (it - kTcvn3High.begin())));
  }
  return out;
}

// ---- VNI Windows -------------------------------------------------------------------------------

// Windows-1252 0x80-0x9F (0 where undefined); VNI fonts keep this punctuation.
constexpr std::array<char16_t, 32> kCp1252Controls = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 0x88
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 0x98
};

/// A VNI diacritic byte (lower-case form): the modifier and tone it adds.
struct VniMark {
  unsigned char byte;
  char32_t modifier;
  char32_t tone;
};
constexpr std::array<VniMark, 17> kVniMarks = {{
    {0xF9, 0, kAcute},  // ù
    {0xF8, 0, kGrave},  // ø
    {0xFB, 0, kHook},   // û
    {0xF5, 0, kTilde},  // õ
    {0xEF, 0, kDot},    // ï
    {0xE2, kCircumflex, 0},
    {0xE1, kCircumflex, kAcute},
    {0xE0, kCircumflex, kGrave},
    {0xE5, kCircumflex, kHook},
    {0xE3, kCircumflex, kTilde},
    {0xE4, kCircumflex, kDot},
    {0xEA, kBreve, 0},
    {0xE9, kBreve, kAcute},
    {0xE8, kBreve, kGrave},
    {0xFA, kBreve, kHook},
    {0xFC, kBreve, kTilde},
    {0xEB, kBreve, kDot},
}};

/// VNI single bytes (lower-case form) that are whole letters.
struct VniLetter {
  unsigned char byte;
  char32_t letter;
};
constexpr std::array<VniLetter, 9> kVniLetters = {{
    {0xF4, 0x01A1},  // ơ
    {0xF6, 0x01B0},  // ư
    {0xF1, 0x0111},  // đ
    {0xED, 0x00ED},  // í
    {0xEC, 0x00EC},  // ì
    {0xE6, 0x1EC9},  // ỉ
    {0xF3, 0x0129},  // ĩ
    {0xF2, 0x1ECB},  // ị
    {0xEE, 0x1EF5},  // ỵ
}};

const VniMark* vni_mark(unsigned char b) {
  const unsigned char lower = (b >= 0xC0 && b < 0xE0) ? static_cast<unsigned char>(b + 0x20) : b;
  for (const auto& m : kVniMarks) {
    if (m.byte == lower) return &m;
  }
  return nullptr;
}

std::optional<char32_t> vni_letter(unsigned char b) {
  const bool upper = b >= 0xC0 && b < 0xE0;
  const unsigned char lower = upper ? static_cast<unsigned char>(b + 0x20) : b;
  for (const auto& l : kVniLetters) {
    if (l.byte == lower) {
      return upper ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(l.letter))) : l.letter;
    }
  }
  return std::nullopt;
}

/// Whether VNI base `base` (a Unicode letter: a e o u y, ơ ư, either case) takes `mark`.
bool vni_takes(char32_t base, const VniMark& mark) {
  const auto lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(base)));
  if (mark.modifier == kBreve) return lower == 'a';
  if (mark.modifier == kCircumflex) return lower == 'a' || lower == 'e' || lower == 'o';
  if (lower == 'y' && mark.tone == kDot) return false;  // ỵ is the single byte î
  return lower == 'a' || lower == 'e' || lower == 'o' || lower == 'u' || lower == 'y' ||
         lower == 0x01A1 || lower == 0x01B0;
}

std::string decode_vni(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    char32_t base = 0;
    if (b < 0x80) {
      base = b;
    } else if (b < 0xA0) {
      base = kCp1252Controls[b - 0x80U];
      if (base == 0) bad_byte(bytes, i, TextEncoding::vni);
    } else if (b < 0xC0) {
      base = b;  // Latin-1 punctuation and symbols
    } else if (const auto letter = vni_letter(b)) {
      base = *letter;
    } else {
      bad_byte(bytes, i, TextEncoding::vni);  // a diacritic byte with no letter before it
    }
    if (i + 1 < bytes.size()) {
      const auto next = static_cast<unsigned char>(bytes[i + 1]);
      const VniMark* mark = next >= 0xC0 ? vni_mark(next) : nullptr;
      if (mark != nullptr && vni_takes(base, *mark)) {
        if (const char32_t composed = compose(base, mark->modifier, mark->tone)) {
          append_utf8(out, composed);
          ++i;
          continue;
        }
      }
    }
    append_utf8(out, base);
  }
  return out;
}

std::string encode_vni(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  auto fail = [&](std::size_t i) {
    throw ParseError(to_utf8(text), i,
                     "the character " + to_utf8(std::u32string(1, text[i])) +
                         " cannot be written in VNI Windows");
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    if (cp < 0x80 || (cp >= 0xA0 && cp < 0xC0)) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    if (const auto* it =
            std::find(kCp1252Controls.begin(), kCp1252Controls.end(), static_cast<char16_t>(cp));
        cp <= 0xFFFF && it != kCp1252Controls.end()) {
      out.push_back(static_cast<char>(0x80 + (it - kCp1252Controls.begin())));
      continue;
    }
    const Letter l = split_letter(cp);
    const bool upper = u_isupper(static_cast<UChar32>(cp)) != 0;
    const auto shift = [&](unsigned char lower) {
      return static_cast<char>(upper ? lower - 0x20 : lower);
    };
    // Whole-letter bytes first (ơ ư đ, toned i, ỵ), then a base letter plus a diacritic byte.
    const auto lower_cp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    bool done = false;
    for (const auto& v : kVniLetters) {
      if (v.letter == lower_cp) {
        out.push_back(shift(v.byte));
        done = true;
        break;
      }
    }
    if (done) continue;
    if (l.other || l.base >= 0x80 || l.base == 0) fail(i);
    char32_t base = l.base;
    char32_t modifier = l.modifier;
    if (modifier == kHorn) {  // ơ ư are VNI letters that take the tone bytes
      const char32_t horned = compose(ascii_lower(base), kHorn, 0);
      const auto it = std::find_if(kVniLetters.begin(), kVniLetters.end(),
                                   [&](const VniLetter& v) { return v.letter == horned; });
      if (it == kVniLetters.end()) fail(i);
      out.push_back(shift(it->byte));
      modifier = 0;
    } else {
      out.push_back(static_cast<char>(base));
    }
    if (modifier == 0 && l.tone == 0) continue;
    const auto mark = std::find_if(kVniMarks.begin(), kVniMarks.end(), [&](const VniMark& m) {
      return m.modifier == modifier && m.tone == l.tone;
    });
    const char32_t vni_base = l.modifier == kHorn ? compose(ascii_lower(base), kHorn, 0) : base;
    if (mark == kVniMarks.end() || !vni_takes(vni_base, *mark)) fail(i);
    out.push_back(shift(mark->byte));
  }
  return out;
}

// ---- VIQR (RFC 1456) ----------------------------------------------------------------------------

std::optional<char32_t> viqr_tone(char c) {
  switch (c) {
    case '\'':
      return kAcute;
    case '`':
      return kGrave;
    case '?':
      return kHook;
    case '~':
      return kTilde;
    case '.':
      return kDot;
    default:
      return std::nullopt;
  }
}

bool viqr_vowel(char c) {
  const char l = static_cast<char>(c | 0x20);
  return l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y';
}

/// The modifier `c` puts on vowel `v` (lower case), or 0.
char32_t viqr_modifier(char v, char c) {
  const char l = static_cast<char>(v | 0x20);
  if (c == '^' && (l == 'a' || l == 'e' || l == 'o')) return kCircumflex;
  if (c == '(' && l == 'a') return kBreve;
  if (c == '+' && (l == 'o' || l == 'u')) return kHorn;
  return 0;
}

bool viqr_special(char c) {
  return viqr_tone(c).has_value() || c == '^' || c == '(' || c == '+' || c == '\\' || c == 'd' ||
         c == 'D';
}

bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string decode_viqr(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  // A syllable carries one tone: '.' or '?' after a vowel of a syllable that already has one,
  // before a non-letter, is punctuation ("No^.i." is "Nội."). A consonant then a vowel after
  // the tone starts a new syllable (words glued together: "HO^.ICHU? " is "HỘICHỦ ").
  bool syllable_has_tone = false;
  bool consonant_after_tone = false;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (static_cast<unsigned char>(c) >= 0x80) bad_byte(bytes, i, TextEncoding::viqr);
    if (c == '\\' && i + 1 < bytes.size() && viqr_special(bytes[i + 1])) {
      out.push_back(bytes[++i]);
      syllable_has_tone = false;
      consonant_after_tone = false;
      continue;
    }
    if ((c == 'd' || c == 'D') && i + 1 < bytes.size() &&
        (bytes[i + 1] == 'd' || bytes[i + 1] == 'D')) {
      append_utf8(out, c == 'd' ? char32_t{0x0111} : char32_t{0x0110});
      consonant_after_tone = syllable_has_tone;
      ++i;
      continue;
    }
    if (!viqr_vowel(c)) {
      if (ascii_letter(c)) {
        consonant_after_tone = syllable_has_tone;
      } else {
        syllable_has_tone = false;
        consonant_after_tone = false;
      }
      out.push_back(c);
      continue;
    }
    if (consonant_after_tone) syllable_has_tone = consonant_after_tone = false;
    char32_t modifier = 0;
    char32_t tone = 0;
    std::size_t j = i + 1;
    if (j < bytes.size()) {
      if (const char32_t m = viqr_modifier(c, bytes[j])) {
        modifier = m;
        ++j;
      }
    }
    if (j < bytes.size()) {
      if (const auto t = viqr_tone(bytes[j])) {
        const bool punctuation = (bytes[j] == '.' || bytes[j] == '?') && syllable_has_tone &&
                                 (j + 1 >= bytes.size() || !ascii_letter(bytes[j + 1]));
        if (!punctuation) {
          tone = *t;
          ++j;
        }
      }
    }
    if (tone != 0) syllable_has_tone = true;
    append_utf8(out, compose(static_cast<char32_t>(c), modifier, tone));
    i = j - 1;
  }
  return out;
}

std::string encode_viqr(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  bool after_vowel = false;  // the last output was a vowel (with its marks)
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if ((after_vowel && viqr_special(c) && c != 'd' && c != 'D') || c == '\\' ||
          ((c == 'd' || c == 'D') && i + 1 < text.size() &&
           (text[i + 1] == 'd' || text[i + 1] == 'D' || text[i + 1] == 0x0111 ||
            text[i + 1] == 0x0110))) {
        // A literal d before d or đ ("dd") is escaped: "GDĐT" is "G\DDDT".
        out.push_back('\\');
      }
      out.push_back(c);
      after_vowel = viqr_vowel(c);
      continue;
    }
    if (cp == 0x0111 || cp == 0x0110) {
      out += cp == 0x0111 ? "dd" : "DD";
      after_vowel = false;
      continue;
    }
    const Letter l = split_letter(cp);
    if (l.other || l.base >= 0x80 || !viqr_vowel(static_cast<char>(l.base))) {
      throw ParseError(
          to_utf8(text), i,
          "the character " + to_utf8(std::u32string(1, cp)) + " cannot be written in VIQR");
    }
    out.push_back(static_cast<char>(l.base));
    if (l.modifier == kCircumflex) out.push_back('^');
    if (l.modifier == kBreve) out.push_back('(');
    if (l.modifier == kHorn) out.push_back('+');
    switch (l.tone) {
      case kAcute:
        out.push_back('\'');
        break;
      case kGrave:
        out.push_back('`');
        break;
      case kHook:
        out.push_back('?');
        break;
      case kTilde:
        out.push_back('~');
        break;
      case kDot:
        out.push_back('.');
        break;
      default:
        break;
    }
    after_vowel = true;
  }
  return out;
}

// ---- Windows-1258 (ICU) ----------------------------------------------------------------------

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_cp1258() {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open("windows-1258", &status));
  if (U_FAILURE(status)) {
    throw DocumentError(
        "", DocumentProblem::not_built,
        "ICU has no windows-1258 converter (" + std::string(u_errorName(status)) + ")");
  }
  ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return c;
}

std::string decode_cp1258(std::string_view bytes) {
  const Converter conv = open_cp1258();
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  std::u32string run;
  // Convert byte by byte so that an undefined byte is reported at its offset.
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      run.push_back(b);
      continue;
    }
    UChar u[4];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t n = ucnv_toUChars(conv.get(), u, 4, &bytes[i], 1, &status);
    if (U_FAILURE(status) || n != 1 || u[0] == 0xFFFD || u[0] == 0x1A ||
        (u[0] >= 0x80 && u[0] < 0xA0)) {
      bad_byte(bytes, i, TextEncoding::windows_1258);
    }
    run.push_back(u[0]);
  }
  return to_utf8(normalize32(nfc(), run));
}

std::string encode_cp1258(std::u32string_view text) {
  const Converter conv = open_cp1258();
  std::string out;
  out.reserve(text.size() * 2);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    // Windows-1258 writes a tone as a combining mark after a letter it has (â, ơ, ư, đ...).
    const Letter l = split_letter(cp);
    std::u32string pieces;
    if (l.other) {
      pieces.push_back(cp);
    } else {
      pieces.push_back(compose(l.base, l.modifier, 0));
      if (l.tone != 0) pieces.push_back(l.tone);
    }
    for (const char32_t p : pieces) {
      const icu::UnicodeString u(static_cast<UChar32>(p));
      char buffer[8];
      UErrorCode status = U_ZERO_ERROR;
      const int32_t n =
          ucnv_fromUChars(conv.get(), buffer, sizeof buffer, u.getBuffer(), u.length(), &status);
      if (p == 0 || U_FAILURE(status) || n != 1) {
        throw ParseError(to_utf8(text), i,
                         "the character " + to_utf8(std::u32string(1, cp)) +
                             " cannot be written in Windows-1258");
      }
      out.push_back(buffer[0]);
    }
  }
  return out;
}

// ---- UTF-16 ----------------------------------------------------------------------------------

std::string decode_utf16(std::string_view bytes, bool little) {
  if (bytes.size() % 2 != 0) {
    throw ParseError(std::string(bytes), bytes.size() - 1,
                     "UTF-16 text has an odd number of bytes (cut short?)");
  }
  std::size_t i = 0;
  auto unit = [&](std::size_t k) {
    const auto a = static_cast<unsigned char>(bytes[k]);
    const auto b = static_cast<unsigned char>(bytes[k + 1]);
    return static_cast<char32_t>(little ? (a | (b << 8U)) : ((a << 8U) | b));
  };
  if (bytes.size() >= 2 && unit(0) == 0xFEFF) i = 2;
  std::string out;
  out.reserve(bytes.size());
  for (; i < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 < bytes.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) <= 0xDFFF) {
        u = 0x10000 + ((u - 0xD800) << 10U) + (unit(i + 2) - 0xDC00);
        i += 2;
      } else {
        throw ParseError(std::string(bytes), i, "a UTF-16 high surrogate without its low half");
      }
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      throw ParseError(std::string(bytes), i, "a UTF-16 low surrogate without its high half");
    }
    append_utf8(out, u);
  }
  return normalize_nfc(out);
}

std::string encode_utf16(std::u32string_view text, bool little) {
  std::string out;
  auto put = [&](char32_t u) {
    const auto hi = static_cast<char>((u >> 8U) & 0xFFU);
    const auto lo = static_cast<char>(u & 0xFFU);
    if (little) {
      out.push_back(lo);
      out.push_back(hi);
    } else {
      out.push_back(hi);
      out.push_back(lo);
    }
  };
  put(0xFEFF);
  for (const char32_t cp : text) {
    if (cp >= 0x10000) {
      put(0xD800 + ((cp - 0x10000) >> 10U));
      put(0xDC00 + ((cp - 0x10000) & 0x3FFU));
    } else {
      put(cp);
    }
  }
  return out;
}

// ---- Vietnamese syllables ----------------------------------------------------------------------

const std::set<std::u32string>& vowel_clusters() {
  static const std::set<std::u32string> clusters = [] {
    std::set<std::u32string> s;
    for (const char* c :
         {"a",   "ă",   "â",   "e",   "ê",   "i",   "o",   "ô",   "ơ",   "u",   "ư",   "y",
          "ai",  "ao",  "au",  "ay",  "âu",  "ây",  "eo",  "êu",  "ia",  "iê",  "iu",  "oa",
          "oă",  "oe",  "oi",  "ôi",  "ơi",  "oo",  "ôô",  "ua",  "uâ",  "uê",  "ui",  "uô",
          "uơ",  "uy",  "ưa",  "ưi",  "ươ",  "ưu",  "yê",  "iêu", "yêu", "oai", "oay", "oao",
          "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "uơi", "ueo"}) {
      s.insert(to_utf32(c));
    }
    return s;
  }();
  return clusters;
}

const std::vector<std::u32string>& onsets() {
  static const std::vector<std::u32string> list = [] {
    std::vector<std::u32string> v;
    for (const char* c :
         {"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d",
          "đ",   "g",  "h",  "k",  "l",  "m",  "n",  "p",  "r",  "s",  "t",  "v", "x", ""}) {
      v.push_back(to_utf32(c));
    }
    return v;
  }();
  return list;
}

const std::vector<std::u32string>& codas() {
  static const std::vector<std::u32string> list = [] {
    std::vector<std::u32string> v;
    for (const char* c : {"ch", "ng", "nh", "c", "m", "n", "p", "t", ""}) v.push_back(to_utf32(c));
    return v;
  }();
  return list;
}

bool is_syllable(std::u32string_view word) {
  // Case: all lower, all upper, or a capital then lower case.
  std::size_t uppers = 0;
  for (const char32_t c : word) uppers += u_isupper(static_cast<UChar32>(c)) != 0 ? 1U : 0U;
  const bool capital = u_isupper(static_cast<UChar32>(word[0])) != 0;
  if (!(uppers == 0 || uppers == word.size() || (uppers == 1 && capital))) return false;
  std::u32string bare;  // lower case, tone removed, modifiers kept
  int tones = 0;
  for (const char32_t c : word) {
    const Letter l = split_letter(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    if (l.other) return false;
    if (l.tone != 0) ++tones;
    const char32_t b = l.modifier != 0 ? compose(l.base, l.modifier, 0) : l.base;
    if (b == 0) return false;
    bare.push_back(b);
  }
  if (tones > 1) return false;
  for (const auto& onset : onsets()) {
    if (bare.size() < onset.size() || bare.compare(0, onset.size(), onset) != 0) continue;
    for (const auto& coda : codas()) {
      if (bare.size() < onset.size() + coda.size()) continue;
      if (bare.compare(bare.size() - coda.size(), coda.size(), coda) != 0) continue;
      const std::u32string nucleus =
          bare.substr(onset.size(), bare.size() - onset.size() - coda.size());
      if (vowel_clusters().contains(nucleus)) return true;
      if (nucleus.empty() && onset == U"gi") return true;  // "gì" is gi + i
    }
  }
  return false;
}

bool separates_words(char32_t c) {
  if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  if (c == 0x00A0) return true;
  return c >= 0x2000 && c <= 0x206F;  // General Punctuation: dashes, quotes, spaces
}

bool ascii_only(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

/// Offset of the first byte that breaks UTF-8 well-formedness, or npos.
std::size_t utf8_error_offset(std::string_view bytes) {
  try {
    check_utf8(bytes);
    return std::string_view::npos;
  } catch (const ParseError& e) {
    return e.offset();
  }
}

std::string display_name(std::string_view name) {
  return name.empty() ? std::string("<input>") : std::string(name);
}

}  // namespace

std::string formats_detail::windows_1252_bytes(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (const char32_t cp : to_utf32(utf8)) {
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    const auto* it =
        std::find(kCp1252Controls.begin(), kCp1252Controls.end(), static_cast<char16_t>(cp));
    if (cp > 0xFFFF || it == kCp1252Controls.end()) return {};
    out.push_back(static_cast<char>(0x80 + (it - kCp1252Controls.begin())));
  }
  return out;
}

double vietnamese_syllable_share(std::string_view text) {
  const std::u32string t = to_utf32(text);
  std::size_t counted = 0;
  std::size_t valid = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && !separates_words(t[i])) continue;
    if (i > start) {
      const std::u32string_view word(t.data() + start, i - start);
      if (std::any_of(word.begin(), word.end(), [](char32_t c) { return c >= 0x80; })) {
        ++counted;
        if (is_syllable(word)) ++valid;
      }
    }
    start = i + 1;
  }
  return counted == 0 ? 1.0 : static_cast<double>(valid) / static_cast<double>(counted);
}

std::string_view to_string(TextEncoding encoding) noexcept {
  switch (encoding) {
    case TextEncoding::utf8:
      return "UTF-8";
    case TextEncoding::utf8_bom:
      return "UTF-8 with BOM";
    case TextEncoding::utf16le:
      return "UTF-16LE";
    case TextEncoding::utf16be:
      return "UTF-16BE";
    case TextEncoding::windows_1258:
      return "Windows-1258";
    case TextEncoding::tcvn3:
      return "TCVN3 (ABC)";
    case TextEncoding::vni:
      return "VNI Windows";
    case TextEncoding::viqr:
      return "VIQR";
  }
  return "?";
}

std::string decode_as(std::string_view bytes, TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf8:
    case TextEncoding::utf8_bom: {
      const std::string_view body = bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
      return normalize_nfc(body);
    }
    case TextEncoding::utf16le:
      return decode_utf16(bytes, true);
    case TextEncoding::utf16be:
      return decode_utf16(bytes, false);
    case TextEncoding::windows_1258:
      return decode_cp1258(bytes);
    case TextEncoding::tcvn3:
      return decode_tcvn3(bytes);
    case TextEncoding::vni:
      return normalize_nfc(decode_vni(bytes));
    case TextEncoding::viqr:
      return normalize_nfc(decode_viqr(bytes));
  }
  return {};
}

std::string encode_as(std::string_view text, TextEncoding encoding) {
  const std::string composed = normalize_nfc(text);
  const std::u32string t = to_utf32(composed);
  switch (encoding) {
    case TextEncoding::utf8:
      // decode_as drops one leading byte-order mark, so a text that itself starts with U+FEFF
      // (a zero-width no-break space) needs a mark in front to survive the round trip.
      return composed.starts_with("\xEF\xBB\xBF") ? "\xEF\xBB\xBF" + composed : composed;
    case TextEncoding::utf8_bom:
      return "\xEF\xBB\xBF" + composed;
    case TextEncoding::utf16le:
      return encode_utf16(t, true);
    case TextEncoding::utf16be:
      return encode_utf16(t, false);
    case TextEncoding::windows_1258:
      return encode_cp1258(t);
    case TextEncoding::tcvn3:
      return encode_tcvn3(t);
    case TextEncoding::vni:
      return encode_vni(t);
    case TextEncoding::viqr:
      return encode_viqr(t);
  }
  return {};
}

namespace {

// Whether ASCII text decoded as VIQR (`viqr`) reads as Vietnamese: at least three words, and a
// quarter of them, come out as syllables with marks, and most words are syllables.
bool reads_as_viqr(const std::string& viqr) {
  // Words, and words that came out as Vietnamese syllables with marks.
  std::size_t words = 0;
  std::size_t marked = 0;
  const std::u32string v = to_utf32(viqr);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= v.size(); ++i) {
    if (i < v.size() && !separates_words(v[i])) continue;
    if (i > start) {
      const std::u32string_view w(v.data() + start, i - start);
      ++words;
      if (std::any_of(w.begin(), w.end(), [](char32_t c) { return c >= 0x80; }) && is_syllable(w)) {
        ++marked;
      }
    }
    start = i + 1;
  }
  return marked >= 3 && marked * 4 >= words && vietnamese_syllable_share(viqr) >= 0.8;
}

// Bytes that are not UTF-8 (the first bad one at `utf8_error`) in a legacy 8-bit encoding: the
// decoding whose words are Vietnamese syllables wins, when 80% of them are.
DecodedText decode_legacy(std::string_view bytes, const std::string& who, std::size_t utf8_error) {
  struct Candidate {
    TextEncoding encoding;
    std::string text;
    double share = -1;
  };
  std::vector<Candidate> candidates;
  std::string tried;
  for (const TextEncoding e :
       {TextEncoding::tcvn3, TextEncoding::vni, TextEncoding::windows_1258}) {
    Candidate c{e, {}, -1};
    try {
      c.text = decode_as(bytes, e);
      c.share = vietnamese_syllable_share(c.text);
    } catch (const ParseError&) {
      c.share = -1;
    }
    if (!tried.empty()) tried += ", ";
    tried += std::string(to_string(e)) + " " +
             (c.share < 0 ? std::string("(undefined bytes)")
                          : std::to_string(static_cast<int>(c.share * 100 + 0.5)) + "%");
    candidates.push_back(std::move(c));
  }
  const auto best =
      std::max_element(candidates.begin(), candidates.end(),
                       [](const Candidate& a, const Candidate& b) { return a.share < b.share; });
  if (best->share < 0.8) {
    throw DocumentError(who, DocumentProblem::unknown_encoding,
                        "the text is in an unknown encoding: not UTF-8 (byte " +
                            hex(static_cast<unsigned char>(bytes[utf8_error])) + " at offset " +
                            std::to_string(utf8_error) +
                            "), and too few of its words are Vietnamese when read as " + tried +
                            " (80% needed)");
  }
  DecodedText result;
  result.text = std::move(best->text);
  result.encoding = best->encoding;
  return result;
}

}  // namespace

DecodedText decode_text(std::string_view bytes, std::string_view name) {
  const std::string who = display_name(name);
  if (bytes.empty()) throw DocumentError(who, DocumentProblem::empty, "the file is empty");
  DecodedText result;
  auto finish_unicode = [&](std::string_view body, TextEncoding e) {
    std::string decoded;
    try {
      decoded = e == TextEncoding::utf16le || e == TextEncoding::utf16be ? decode_as(body, e)
                                                                         : std::string(body);
      if (e == TextEncoding::utf8 || e == TextEncoding::utf8_bom) check_utf8(decoded);
    } catch (const ParseError& error) {
      throw DocumentError(who, DocumentProblem::unknown_encoding,
                          "not valid " + std::string(to_string(e)) + " at byte " +
                              std::to_string(error.offset()) + ": " + error.reason());
    }
    result.decomposed = !is_nfc(decoded);
    result.text = result.decomposed ? normalize_nfc(decoded) : std::move(decoded);
    result.encoding = e;
    return result;
  };
  if (bytes.starts_with("\xEF\xBB\xBF"))
    return finish_unicode(bytes.substr(3), TextEncoding::utf8_bom);
  if (bytes.starts_with("\xFF\xFE")) return finish_unicode(bytes, TextEncoding::utf16le);
  if (bytes.starts_with("\xFE\xFF")) return finish_unicode(bytes, TextEncoding::utf16be);

  // UTF-16 without a byte-order mark: ASCII characters leave NUL bytes on one side.
  std::size_t nul_even = 0;
  std::size_t nul_odd = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\0') ++(i % 2 == 0 ? nul_even : nul_odd);
  }
  const std::size_t pairs = bytes.size() / 2;
  if (pairs > 0 && bytes.size() % 2 == 0) {
    if (nul_odd * 5 >= pairs && nul_even * 20 < pairs) {
      return finish_unicode(bytes, TextEncoding::utf16le);
    }
    if (nul_even * 5 >= pairs && nul_odd * 20 < pairs) {
      return finish_unicode(bytes, TextEncoding::utf16be);
    }
  }
  // Binary: NUL bytes, or many control characters other than tab, line ends and form feed.
  std::size_t controls = 0;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') ++controls;
  }
  if (nul_even + nul_odd > 0 || controls * 100 > bytes.size()) {
    throw DocumentError(who, DocumentProblem::binary,
                        "binary data, not text (" + std::to_string(controls) +
                            " control bytes in " + std::to_string(bytes.size()) + ")");
  }

  const std::size_t utf8_error = utf8_error_offset(bytes);
  if (utf8_error == std::string_view::npos) {
    if (ascii_only(bytes)) {
      // VIQR: enough words come out as Vietnamese syllables with marks.
      const std::string viqr = decode_viqr(bytes);
      if (viqr != bytes) {
        if (reads_as_viqr(viqr)) {
          result.text = normalize_nfc(viqr);
          result.encoding = TextEncoding::viqr;
          return result;
        }
      }
    }
    return finish_unicode(bytes, TextEncoding::utf8);
  }

  return decode_legacy(bytes, who, utf8_error);
}

}  // namespace danvan
