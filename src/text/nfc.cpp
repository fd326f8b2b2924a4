// The text module's quick NFC check (behind is_nfc, which the registry and the other modules
// use, and find_references): cheaper than ICU's on Vietnamese text, with SSE2 and AVX2 paths
// over runs of Vietnamese letters (AVX2 chosen at run time where the processor has it).
#include "text/text_detail.hpp"
#include "text/utf8.hpp"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define DANVAN_NFC_AVX2 1
#endif

#include <algorithm>
#include <cstdint>
#include <vector>

namespace danvan::detail {

namespace {

// A code point NFC keeps wherever it stands: NFC_Quick_Check=Yes, canonical combining class 0.
bool nfc_safe(char32_t cp) noexcept {
  return u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
         u_getCombiningClass(static_cast<UChar32>(cp)) == 0;
}

// Bit cp set when the BMP code point cp is NFC-safe (see nfc_safe); surrogates are not.
const std::vector<std::uint64_t>& nfc_safe_bits() {
  static const std::vector<std::uint64_t> bits = [] {
    std::vector<std::uint64_t> out(0x10000 / 64, 0);
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      if ((cp < 0xD800 || cp >= 0xE000) && nfc_safe(cp)) out[cp >> 6] |= 1ULL << (cp & 63);
    }
    return out;
  }();
  return bits;
}

// Every code point of U+00C0..U+01BF and U+1E80..U+1EFF is NFC-safe (true with every ICU we
// know; checked once so that nfc_quick_check's shortcuts stay right whatever ICU says).
bool fast_ranges_safe() noexcept {
  static const bool safe = [] {
    const auto& bits = nfc_safe_bits();
    const auto all = [&](char32_t from, char32_t to) {
      for (char32_t cp = from; cp <= to; ++cp) {
        if (((bits[cp >> 6] >> (cp & 63)) & 1U) == 0) return false;
      }
      return true;
    };
    return all(0xC0, 0x1BF) && all(0x1E80, 0x1EFF);
  }();
  return safe;
}

// One code point at s[i] checked: well-formed and NFC-safe; advances i. False when not
// surely so (4-byte sequences outside the BMP included: ICU decides those).
bool safe_code_point(std::string_view s, std::size_t& i, const std::uint64_t* safe) noexcept {
  if (static_cast<unsigned char>(s[i]) < 0x80) {
    ++i;
    return true;
  }
  const UChar32 cp = next_code_point(s, i);
  if (cp < 0 || cp > 0xFFFF) return false;
  return ((safe[cp >> 6] >> (cp & 63)) & 1U) != 0;
}

#if defined(__SSE2__)
// The 16 bytes at p (p[-2] and p[-1] readable and already checked) are ASCII, U+00C0..U+01BF
// (C3..C6 and a continuation byte) or U+1E80..U+1EFF (E1, BA or BB, a continuation byte) in
// well-formed sequences; a sequence may run on into the next 16 bytes, whose check ends it.
bool fast_block(const unsigned char* p) noexcept {
  const auto load = [](const unsigned char* q) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
  };
  const auto byte = [](unsigned v) { return _mm_set1_epi8(static_cast<char>(v)); };
  // Bytes from `low` to `low + span`.
  const auto in_range = [&](__m128i v, unsigned low, unsigned span) {
    const __m128i t = _mm_sub_epi8(v, byte(low));
    return _mm_cmpeq_epi8(_mm_min_epu8(t, byte(span)), t);
  };
  const __m128i x = load(p);
  const __m128i prev1 = load(p - 1);
  const __m128i prev2 = load(p - 2);
  const __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(x, byte(0xC0)), byte(0x80));
  const __m128i after_e1 = _mm_cmpeq_epi8(prev1, byte(0xE1));
  const __m128i need = _mm_or_si128(_mm_or_si128(in_range(prev1, 0xC3, 3), after_e1),
                                    _mm_cmpeq_epi8(prev2, byte(0xE1)));
  const __m128i ascii = _mm_cmpgt_epi8(x, _mm_set1_epi8(-1));
  const __m128i lead = _mm_or_si128(in_range(x, 0xC3, 3), _mm_cmpeq_epi8(x, byte(0xE1)));
  const __m128i allowed = _mm_or_si128(_mm_or_si128(ascii, lead), cont);
  const __m128i bad = _mm_or_si128(
      _mm_or_si128(_mm_xor_si128(cont, need), _mm_andnot_si128(in_range(x, 0xBA, 1), after_e1)),
      _mm_andnot_si128(allowed, byte(0xFF)));
  return _mm_movemask_epi8(bad) == 0;
}
#endif

#if defined(DANVAN_NFC_AVX2)
// Bytes of v from `low` to `low + span`. (A function rather than a lambda: a lambda does not
// inherit the target attribute.)
__attribute__((target("avx2"), always_inline)) inline __m256i in_range32(__m256i v, unsigned low,
                                                                         unsigned span) noexcept {
  const __m256i t = _mm256_sub_epi8(v, _mm256_set1_epi8(static_cast<char>(low)));
  return _mm256_cmpeq_epi8(_mm256_min_epu8(t, _mm256_set1_epi8(static_cast<char>(span))), t);
}

__attribute__((target("avx2"), always_inline)) inline __m256i load32(const unsigned char* p,
                                                                     std::size_t k) noexcept {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + k));
}

// fast_block over 32 bytes at a time from p[i] (i >= 2, p[i-2] and p[i-1] already checked):
// where the first block that is not all ASCII and Vietnamese letters starts (or the last whole
// block's end).
__attribute__((target("avx2"))) std::size_t fast_blocks_avx2(const unsigned char* p, std::size_t i,
                                                             std::size_t n) noexcept {
  const __m256i e1 = _mm256_set1_epi8(static_cast<char>(0xE1));
  for (; i + 32 <= n; i += 32) {
    const __m256i x = load32(p, i);
    const __m256i prev1 = load32(p, i - 1);
    const __m256i prev2 = load32(p, i - 2);
    const __m256i cont =
        _mm256_cmpeq_epi8(_mm256_and_si256(x, _mm256_set1_epi8(static_cast<char>(0xC0))),
                          _mm256_set1_epi8(static_cast<char>(0x80)));
    const __m256i after_e1 = _mm256_cmpeq_epi8(prev1, e1);
    const __m256i need = _mm256_or_si256(_mm256_or_si256(in_range32(prev1, 0xC3, 3), after_e1),
                                         _mm256_cmpeq_epi8(prev2, e1));
    const __m256i ascii = _mm256_cmpgt_epi8(x, _mm256_set1_epi8(-1));
    const __m256i lead = _mm256_or_si256(in_range32(x, 0xC3, 3), _mm256_cmpeq_epi8(x, e1));
    const __m256i allowed = _mm256_or_si256(_mm256_or_si256(ascii, lead), cont);
    const __m256i bad =
        _mm256_or_si256(_mm256_or_si256(_mm256_xor_si256(cont, need),
                                        _mm256_andnot_si256(in_range32(x, 0xBA, 1), after_e1)),
                        _mm256_andnot_si256(allowed, _mm256_set1_epi8(-1)));
    if (_mm256_movemask_epi8(bad) != 0) break;
  }
  return i;
}

bool has_avx2() noexcept {
  static const bool yes = __builtin_cpu_supports("avx2") != 0;
  return yes;
}
#endif

}  // namespace

bool nfc_quick_check(std::string_view s, bool wide) noexcept {
  const std::uint64_t* safe = nfc_safe_bits().data();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
#if defined(DANVAN_NFC_AVX2)
  wide = wide && has_avx2();
#else
  (void)wide;
#endif
#if defined(__SSE2__)
  const bool fast = fast_ranges_safe();
  while (i < n) {
    if (fast && i >= 2) {
#if defined(DANVAN_NFC_AVX2)
      if (wide) i = fast_blocks_avx2(p, i, n);
#endif
      while (i + 16 <= n && fast_block(p + i)) i += 16;
      // Back to the start of a sequence the blocks left open.
      if (const unsigned b1 = p[i - 1]; (b1 >= 0xC3 && b1 <= 0xC6) || b1 == 0xE1) {
        i -= 1;
      } else if (p[i - 2] == 0xE1) {
        i -= 2;
      }
    }
    const std::size_t stop = std::min(n, i + 16);
    while (i < stop) {
      if (!safe_code_point(s, i, safe)) return false;
    }
  }
#else
  while (i < n) {
    if (!safe_code_point(s, i, safe)) return false;
  }
#endif
  return true;
}

}  // namespace danvan::detail
