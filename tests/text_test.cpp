#include "danvan/text.hpp"

#include "../src/text/text_detail.hpp"
#include "../src/text/utf8.hpp"
#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace {

using danvan::Collator;
using danvan::ParseError;

// Expects `f` to throw ParseError with exactly `message` and `offset`.
template <typename F>
void expect_parse_error(F f, const std::string& message, std::size_t offset) {
  try {
    f();
    ADD_FAILURE() << "no exception; expected: " << message;
  } catch (const ParseError& e) {
    EXPECT_STREQ(e.what(), message.c_str());
    EXPECT_EQ(e.offset(), offset);
  }
}

using danvan::detail::utf8;

// ---------------------------------------------------------------------------------------------
// check_utf8

TEST(TextUtf8, AcceptsWellFormedText) {
  EXPECT_NO_THROW(danvan::check_utf8(""));
  EXPECT_NO_THROW(danvan::check_utf8("Dân vận khéo"));
  EXPECT_NO_THROW(danvan::check_utf8("\xF0\x9F\x98\x80"));          // U+1F600, 4 bytes
  EXPECT_NO_THROW(danvan::check_utf8("\xEF\xBF\xBF"));              // U+FFFF
  EXPECT_NO_THROW(danvan::check_utf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF, the last
  EXPECT_NO_THROW(danvan::check_utf8("\xED\x9F\xBF\xEE\x80\x80"));  // around the surrogates
  EXPECT_NO_THROW(danvan::check_utf8(std::string("a\0b", 3)));      // NUL is valid UTF-8
}

TEST(TextUtf8, NamesTheBadByteItsOffsetAndWhy) {
  expect_parse_error([] { danvan::check_utf8("abc\xC3"); },
                     R"(cannot parse "abc\xC3" at offset 3: invalid UTF-8 byte 0xC3: )"
                     "the sequence is cut short by the end of the input",
                     3);
  expect_parse_error([] { danvan::check_utf8("a\xE1\x80z"); },
                     R"(cannot parse "a\xE1\x80z" at offset 1: invalid UTF-8 byte 0xE1: )"
                     "the sequence is cut short by byte 0x7A",
                     1);
  expect_parse_error([] { danvan::check_utf8("ok\x80"); },
                     R"(cannot parse "ok\x80" at offset 2: invalid UTF-8 byte 0x80: )"
                     "a continuation byte without a lead byte",
                     2);
  expect_parse_error([] { danvan::check_utf8("\xC0\xAF"); },
                     R"(cannot parse "\xC0\xAF" at offset 0: invalid UTF-8 byte 0xC0: )"
                     "an overlong encoding",
                     0);
  expect_parse_error([] { danvan::check_utf8("\xE0\x80\xAF"); },
                     R"(cannot parse "\xE0\x80\xAF" at offset 0: invalid UTF-8 byte 0xE0: )"
                     "an overlong encoding",
                     0);
  expect_parse_error([] { danvan::check_utf8("x\xED\xA0\x80"); },
                     R"(cannot parse "x\xED\xA0\x80" at offset 1: invalid UTF-8 byte 0xED: )"
                     "encodes a UTF-16 surrogate",
                     1);
  expect_parse_error([] { danvan::check_utf8("\xF4\x90\x80\x80"); },
                     R"(cannot parse "\xF4\x90\x80\x80" at offset 0: invalid UTF-8 byte 0xF4: )"
                     "encodes a code point above U+10FFFF",
                     0);
  expect_parse_error([] { danvan::check_utf8("Hà\xFF"); },
                     R"(cannot parse "Hà\xFF" at offset 3: invalid UTF-8 byte 0xFF: )"
                     "never used in UTF-8",
                     3);
}

TEST(TextUtf8, LatinOneTextIsRejectedAtTheFirstAccentedLetter) {
  // "ngày" in ISO-8859-1: à is the single byte 0xE0, which UTF-8 reads as a 3-byte lead.
  expect_parse_error([] { danvan::check_utf8("ng\xE0y"); },
                     R"(cannot parse "ng\xE0y" at offset 2: invalid UTF-8 byte 0xE0: )"
                     "the sequence is cut short by byte 0x79",
                     2);
}

TEST(TextUtf8, LongInputIsShownAsAWindowAroundTheOffset) {
  const std::string text = std::string(5000, 'a') + "\xFF" + std::string(5000, 'b');
  try {
    danvan::check_utf8(text);
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    const std::string shown = "..." + std::string(24, 'a') + "\\xFF" + std::string(39, 'b') + "...";
    EXPECT_EQ(e.input(), shown);
    EXPECT_EQ(e.offset(), 5000U);
    EXPECT_EQ(std::string(e.what()),
              "cannot parse \"" + shown +
                  "\" at offset 5000: invalid UTF-8 byte 0xFF: never used in UTF-8");
  }
}

TEST(TextUtf8, WindowNeverCutsACharacterInHalf) {
  // 40 three-byte characters, then a bad byte: the window starts on a character boundary.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "ệ";
  text += "\xC3";
  try {
    danvan::check_utf8(text);
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    EXPECT_EQ(e.offset(), 120U);
    // 24 bytes back from 120 is 96, a boundary: 8 characters.
    std::string expected = "...";
    for (int i = 0; i < 8; ++i) expected += "ệ";
    expected += "\\xC3";
    EXPECT_EQ(e.input(), expected);
  }
}

// ---------------------------------------------------------------------------------------------
// normalize_nfc, is_nfc

TEST(TextNfc, ComposesDecomposedText) {
  // "Dân vận" in NFD: a + U+0302, a + U+0323 + U+0302.
  EXPECT_EQ(danvan::normalize_nfc("Da\u0302n va\u0323\u0302n"), "Dân vận");
  EXPECT_EQ(danvan::normalize_nfc("Dân vận"), "Dân vận");
  EXPECT_EQ(danvan::normalize_nfc("plain ASCII"), "plain ASCII");
  EXPECT_EQ(danvan::normalize_nfc(""), "");
}

TEST(TextNfc, OrdersCombiningMarksCanonically) {
  // ệ typed with the marks in either order is one NFC character, U+1EC7.
  EXPECT_EQ(danvan::normalize_nfc("e\u0323\u0302"), "\u1EC7");
  EXPECT_EQ(danvan::normalize_nfc("e\u0302\u0323"), "\u1EC7");
}

TEST(TextNfc, DoesNotUnifyOldAndNewTonePlacement) {
  // "Hoà" (old style, tone on a) and "Hòa" (new style, tone on o) are different words to
  // Unicode; normalisation keeps them apart, fold() brings them together.
  const std::string old_style = danvan::normalize_nfc("Hoa\u0300");
  const std::string new_style = danvan::normalize_nfc("Ho\u0300a");
  EXPECT_EQ(old_style, "Ho\u00E0");
  EXPECT_EQ(new_style, "H\u00F2a");
  EXPECT_NE(old_style, new_style);
  EXPECT_EQ(danvan::fold(old_style), danvan::fold(new_style));
}

TEST(TextNfc, RejectsMalformedUtf8) {
  expect_parse_error([] { (void)danvan::normalize_nfc("Vi\xC3\xAA\xCC"); },
                     R"(cannot parse "Viê\xCC" at offset 4: invalid UTF-8 byte 0xCC: )"
                     "the sequence is cut short by the end of the input",
                     4);
}

TEST(TextNfc, IsNfcTellsWhetherNormalisationWouldChangeAnything) {
  EXPECT_TRUE(danvan::is_nfc(""));
  EXPECT_TRUE(danvan::is_nfc("ASCII only"));
  EXPECT_TRUE(danvan::is_nfc("Đặng Thị Hồng"));
  EXPECT_FALSE(danvan::is_nfc("Da\u0302n"));
  EXPECT_FALSE(danvan::is_nfc("e\u0302\u0323"));
  EXPECT_FALSE(danvan::is_nfc("abc\xC3"));  // malformed: false, no exception
  EXPECT_TRUE(danvan::is_nfc(danvan::normalize_nfc("Da\u0302n")));
}

// ---------------------------------------------------------------------------------------------
// fold

TEST(TextFold, RemovesDiacriticsAndCase) {
  EXPECT_EQ(danvan::fold("Dân vận khéo"), "dan van kheo");
  EXPECT_EQ(danvan::fold("ĐẶNG"), "dang");
  EXPECT_EQ(danvan::fold("Đặng Thị Hồng"), "dang thi hong");
  EXPECT_EQ(danvan::fold("NGUYỄN Văn Ánh"), "nguyen van anh");
  EXPECT_EQ(danvan::fold("Ưu tiên Ổn định Ờ"), "uu tien on dinh o");
  EXPECT_EQ(danvan::fold("đ Đ"), "d d");
}

TEST(TextFold, AsciiIsLowerCasedOnly) {
  EXPECT_EQ(danvan::fold("Plan 2020-2025, No. 15/KH"), "plan 2020-2025, no. 15/kh");
  EXPECT_EQ(danvan::fold(""), "");
}

TEST(TextFold, GivesTheSameResultForEveryUnicodeForm) {
  EXPECT_EQ(danvan::fold("Da\u0302n va\u0323\u0302n khe\u0301o"), "dan van kheo");
  EXPECT_EQ(danvan::fold("D\u0323\u0306"), "d");  // stray marks on a plain letter
  EXPECT_EQ(danvan::fold("\u0301abc"), "abc");    // a mark with nothing to attach to
  EXPECT_EQ(danvan::fold("Hòa"), "hoa");
  EXPECT_EQ(danvan::fold("Hoà"), "hoa");
  EXPECT_EQ(danvan::fold("Ho\u0300a"), "hoa");
  EXPECT_EQ(danvan::fold("Hoa\u0300"), "hoa");
}

TEST(TextFold, MapsTheEthLookAlikeThatLegacyEncodingsUseForDStroke) {
  EXPECT_EQ(danvan::fold("\u00D0\u1EB7ng"), "dang");  // Ð (U+00D0) + ặ
  EXPECT_EQ(danvan::fold("\u00F0"), "d");
}

TEST(TextFold, KeepsSpacesAsTheyAre) {
  EXPECT_EQ(danvan::fold("  Á\tB\u00A0C  "), "  a\tb\u00A0c  ");
}

TEST(TextFold, KeepsOtherScriptsLetters) {
  EXPECT_EQ(danvan::fold("Čech Ærø Straße"), "cech ærø straße");
  EXPECT_EQ(danvan::fold("ΕΛΛΆΔΑ"), "ελλαδα");
  EXPECT_EQ(danvan::fold("Москва Й"), "москва и");
  EXPECT_EQ(danvan::fold("中文 Đà Nẵng"), "中文 da nang");
  EXPECT_EQ(danvan::fold("한국어"), "한국어");  // Hangul decomposes in NFD and comes back
  EXPECT_EQ(danvan::fold("İ"), "i");
}

TEST(TextFold, FastPathAgreesWithTheGeneralPathForEveryTableCodePoint) {
  // Text whose code points all have a usable entry of the fold table (U+0000..U+1FFF) takes
  // the table path; a CJK character sends the whole string through ICU. The two must agree,
  // for fold and for is_nfc, with the code point between letters and before a combining mark.
  const std::string cjk = "\u4E2D";
  for (char32_t cp = 1; cp < 0x3000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    for (const std::string& text : {"Ab" + utf8(cp) + "x", "Ab" + utf8(cp) + "\u0301e"}) {
      ASSERT_EQ(danvan::fold(text) + danvan::fold(cjk), danvan::fold(text + cjk))
          << "U+" << std::hex << static_cast<unsigned>(cp);
      ASSERT_EQ(danvan::is_nfc(text), danvan::is_nfc(text + cjk))
          << "U+" << std::hex << static_cast<unsigned>(cp);
    }
  }
  EXPECT_FALSE(danvan::is_nfc("a\xC3"));
  EXPECT_FALSE(danvan::is_nfc("a\xE1\xBA"));
  EXPECT_FALSE(danvan::is_nfc("\xE4\xB8\xAD\xFF"));  // after a code point outside the table
  EXPECT_TRUE(danvan::is_nfc("Dân vận khéo"));
  EXPECT_FALSE(danvan::is_nfc("Da\u0302n"));  // NFD
}

TEST(TextNfcQuickCheck, SaysYesOnlyForWellFormedTextOfSafeCodePoints) {
  // Long enough for the 16-byte SSE2 and 32-byte AVX2 blocks, with the odd byte at every
  // offset of the first blocks and at the end; both widths (wide is AVX2 where the processor
  // has it) must agree.
  std::string text;
  for (int k = 0; k < 8; ++k) text += "Dân vận khéo ở Phú Yên năm 2020; ";
  for (const bool wide : {true, false}) {
    EXPECT_TRUE(danvan::detail::nfc_quick_check(text, wide));
    EXPECT_TRUE(danvan::detail::nfc_quick_check("", wide));
    std::vector<std::size_t> offsets{text.size()};
    for (std::size_t at = 0; at < 80; ++at) offsets.push_back(at);
    for (const std::size_t at : offsets) {
      for (const std::string bad : {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\x80", "a\u0301"}) {
        const std::string t = text.substr(0, at) + bad + text.substr(at);
        EXPECT_FALSE(danvan::detail::nfc_quick_check(t, wide))
            << at << " " << danvan::detail::quote(bad) << " wide " << wide;
      }
    }
  }
  // Outside the BMP: "not known", and is_nfc asks ICU.
  EXPECT_FALSE(danvan::detail::nfc_quick_check("\xF0\x9F\x98\x80"));
  EXPECT_TRUE(danvan::is_nfc("\xF0\x9F\x98\x80"));
}

TEST(TextUtf8, DecodesAndEncodesOnIcu) {
  using danvan::detail::next_code_point;
  for (const char32_t cp :
       {U'\0', U'a', U'\u00E2', U'\u1EC7', U'\uFFFF', U'\U0001F600', U'\U0010FFFF'}) {
    const std::string s = utf8(cp);
    std::size_t i = 0;
    EXPECT_EQ(next_code_point(s, i), static_cast<UChar32>(cp));
    EXPECT_EQ(i, s.size());
  }
  for (const std::string bad : {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80"}) {
    std::size_t i = 0;
    EXPECT_LT(next_code_point(bad, i), 0) << danvan::detail::quote(bad);
    EXPECT_GE(i, 1U);
    EXPECT_EQ(danvan::detail::sequence_length(bad, 0), 0U);
  }
  EXPECT_EQ(danvan::detail::to_utf32("a\xFF\u1EC7"), std::u32string(U"a\uFFFD\u1EC7"));
  EXPECT_EQ(danvan::detail::to_utf8(U"Vi\u1EC7t"), "Vi\u1EC7t");
}

TEST(TextFold, RejectsMalformedUtf8InEitherPath) {
  expect_parse_error([] { (void)danvan::fold("Đặng\xFF"); },
                     R"(cannot parse "Đặng\xFF" at offset 7: invalid UTF-8 byte 0xFF: )"
                     "never used in UTF-8",
                     7);
  expect_parse_error([] { (void)danvan::fold("中\xC3"); },
                     R"(cannot parse "中\xC3" at offset 3: invalid UTF-8 byte 0xC3: )"
                     "the sequence is cut short by the end of the input",
                     3);
}

// ---------------------------------------------------------------------------------------------
// squeeze_spaces

TEST(TextSqueeze, CollapsesAndTrimsEveryKindOfWhiteSpace) {
  EXPECT_EQ(danvan::squeeze_spaces("  Nguyễn\u00A0\u00A0Văn\t\tAn \n"), "Nguyễn Văn An");
  EXPECT_EQ(danvan::squeeze_spaces("a\r\nb\vc\fd"), "a b c d");
  EXPECT_EQ(danvan::squeeze_spaces("a\u3000b\u2003c\u202Fd"), "a b c d");
  EXPECT_EQ(danvan::squeeze_spaces("one"), "one");
  EXPECT_EQ(danvan::squeeze_spaces(""), "");
  EXPECT_EQ(danvan::squeeze_spaces(" \t\u00A0\n"), "");
}

TEST(TextSqueeze, KeepsCharactersThatAreNotWhiteSpace) {
  // U+200B ZERO WIDTH SPACE is not White_Space in Unicode.
  EXPECT_EQ(danvan::squeeze_spaces("a\u200Bb"), "a\u200Bb");
  EXPECT_EQ(danvan::squeeze_spaces("Da\u0302n  va\u0323\u0302n"), "Da\u0302n va\u0323\u0302n");
}

TEST(TextSqueeze, RejectsMalformedUtf8) {
  expect_parse_error([] { (void)danvan::squeeze_spaces("a  \xC2"); },
                     R"(cannot parse "a  \xC2" at offset 3: invalid UTF-8 byte 0xC2: )"
                     "the sequence is cut short by the end of the input",
                     3);
}

// ---------------------------------------------------------------------------------------------
// Collation

TEST(TextCollator, OrdersTheVietnameseAlphabet) {
  const Collator c;
  EXPECT_LT(c.compare("a", "ă"), 0);
  EXPECT_LT(c.compare("ă", "â"), 0);
  EXPECT_LT(c.compare("â", "b"), 0);
  EXPECT_LT(c.compare("d", "đ"), 0);
  EXPECT_LT(c.compare("đ", "e"), 0);
  EXPECT_LT(c.compare("e", "ê"), 0);
  EXPECT_LT(c.compare("o", "ô"), 0);
  EXPECT_LT(c.compare("ô", "ơ"), 0);
  EXPECT_LT(c.compare("ơ", "p"), 0);
  EXPECT_LT(c.compare("u", "ư"), 0);
  EXPECT_LT(c.compare("ư", "v"), 0);
  EXPECT_GT(c.compare("b", "a"), 0);
  EXPECT_EQ(c.compare("a", "a"), 0);
}

TEST(TextCollator, DStrokeIsALetterOfItsOwnAfterD) {
  // ICU "vi": đ is a separate primary letter after d, so every word in đ sorts after every
  // word in d, whatever follows: "Dung" < "Dũng" < "Duy" < "Đặng" < "Đinh".
  const Collator c;
  EXPECT_LT(c.compare("Dung", "Đặng"), 0);
  EXPECT_LT(c.compare("Duy", "Đặng"), 0);
  EXPECT_LT(c.compare("Đặng", "Đinh"), 0);
  EXPECT_LT(c.compare("Dzung", "Đa"), 0);
  std::vector<std::string> names = {"Đinh", "Duy", "Đặng", "Dũng", "Dung", "Em"};
  danvan::sort_vietnamese(names);
  EXPECT_EQ(names, (std::vector<std::string>{"Dung", "Dũng", "Duy", "Đặng", "Đinh", "Em"}));
}

TEST(TextCollator, TonesAreSecondaryInTraditionalOrder) {
  // không dấu < huyền < hỏi < ngã < sắc < nặng, and only after the letters are compared.
  const Collator c;
  const std::vector<std::string> tones = {"ma", "mà", "mả", "mã", "má", "mạ"};
  for (std::size_t i = 1; i < tones.size(); ++i) {
    EXPECT_LT(c.compare(tones[i - 1], tones[i]), 0) << tones[i - 1] << " < " << tones[i];
  }
  EXPECT_LT(c.compare("mạ", "mac"), 0);  // letters first, tone only breaks ties
  EXPECT_LT(c.compare("Dung", "Dũng"), 0);
}

TEST(TextCollator, CaseIsTertiaryLowerFirst) {
  const Collator c;
  EXPECT_LT(c.compare("ma", "Ma"), 0);
  EXPECT_LT(c.compare("Ma", "MA"), 0);
  EXPECT_LT(c.compare("MA", "mà"), 0);  // tone (secondary) outranks case (tertiary)
}

TEST(TextCollator, DecomposedTextSortsAsComposed) {
  const Collator c;
  EXPECT_EQ(c.compare("Dân vận", "Da\u0302n va\u0323\u0302n"), 0);
  EXPECT_EQ(c.sort_key("Dân vận"), c.sort_key("Da\u0302n va\u0323\u0302n"));
}

TEST(TextCollator, SortKeysOrderLikeCompareAndHoldNoZeroByte) {
  const Collator c;
  const std::vector<std::string> words = {"",     "a",    "A",    "ă",      "â",    "b",      "đ",
                                          "Đặng", "Dung", "Dũng", "ngày",   "Ngày", "Nguyễn", "ơ",
                                          "ư",    "z",    "中文", "Zürich", "1",    "10",     "9"};
  for (const auto& w : words) {
    EXPECT_EQ(c.sort_key(w).find('\0'), std::string::npos) << w;
  }
  for (const auto& a : words) {
    for (const auto& b : words) {
      const int by_compare = c.compare(a, b);
      const int by_key = c.sort_key(a).compare(c.sort_key(b));
      EXPECT_EQ(by_compare < 0, by_key < 0) << a << " vs " << b;
      EXPECT_EQ(by_compare == 0, by_key == 0) << a << " vs " << b;
    }
  }
}

TEST(TextCollator, SortsListsStablyByCollation) {
  std::vector<std::string> words = {"Bắc Ninh",  "An Giang", "Đà Nẵng", "Cà Mau", "Âu",
                                    "Điện Biên", "Ăn",       "Dak Lak", "Hà Nội", "Hà Giang"};
  danvan::sort_vietnamese(words);
  EXPECT_EQ(words,
            (std::vector<std::string>{"An Giang", "Ăn", "Âu", "Bắc Ninh", "Cà Mau", "Dak Lak",
                                      "Đà Nẵng", "Điện Biên", "Hà Giang", "Hà Nội"}));
  // NFC and NFD spellings compare equal; a stable sort keeps their order.
  std::vector<std::string> same = {"Da\u0302n", "Dân", "Da\u0302n"};
  danvan::sort_vietnamese(same);
  EXPECT_EQ(same, (std::vector<std::string>{"Da\u0302n", "Dân", "Da\u0302n"}));
}

TEST(TextCollator, RejectsMalformedUtf8) {
  const Collator c;
  expect_parse_error([&] { (void)c.compare("a", "\xFF"); },
                     R"(cannot parse "\xFF" at offset 0: invalid UTF-8 byte 0xFF: )"
                     "never used in UTF-8",
                     0);
  expect_parse_error([&] { (void)c.sort_key("\xC3"); },
                     R"(cannot parse "\xC3" at offset 0: invalid UTF-8 byte 0xC3: )"
                     "the sequence is cut short by the end of the input",
                     0);
}

TEST(TextCollator, MovesAndWorksPerThread) {
  Collator a;
  const std::string key = a.sort_key("Đặng");
  Collator b(std::move(a));
  EXPECT_EQ(b.sort_key("Đặng"), key);
  Collator c;
  c = std::move(b);
  EXPECT_EQ(c.sort_key("Đặng"), key);

  std::string from_thread;
  std::thread t([&] { from_thread = danvan::sort_key("Đặng"); });
  t.join();
  EXPECT_EQ(from_thread, key);
  EXPECT_EQ(danvan::sort_key("Đặng"), key);
  EXPECT_LT(danvan::compare_vietnamese("d", "đ"), 0);
}

// ---------------------------------------------------------------------------------------------
// Person names

TEST(TextNameSort, SortsByGivenNameThenMiddleThenFamily) {
  std::vector<std::string> names = {"Trần Văn Bình", "Nguyễn Văn An", "Lê Thị Bình", "Phạm An"};
  danvan::sort_person_names(names);
  // An: "Phạm An" (no middle name) before "Nguyễn Văn An"; Bình: middle "Thị" < "Văn".
  EXPECT_EQ(names,
            (std::vector<std::string>{"Phạm An", "Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Bình"}));
}

TEST(TextNameSort, GivenNameDecidesBeforeFamilyName) {
  EXPECT_LT(danvan::name_sort_key("Nguyễn Văn An"), danvan::name_sort_key("Trần Bình"));
  EXPECT_LT(danvan::name_sort_key("Vũ Anh"), danvan::name_sort_key("An Văn Bình"));
  // A given name that is a prefix of another sorts first: An < Anh.
  EXPECT_LT(danvan::name_sort_key("Trần Văn An"), danvan::name_sort_key("Lê Anh"));
  // Equal given and middle names: the family name decides.
  EXPECT_LT(danvan::name_sort_key("Lê Văn An"), danvan::name_sort_key("Nguyễn Văn An"));
  // đ after d in given names too.
  EXPECT_LT(danvan::name_sort_key("Lê Dung"), danvan::name_sort_key("Lê Đào"));
}

TEST(TextNameSort, MiddleNamesCompareAsAWhole) {
  std::vector<std::string> names = {"Nguyễn Thị Minh Khai", "Tôn Nữ Khai", "Lê Khai",
                                    "Trần Thị Khai"};
  danvan::sort_person_names(names);
  // Middle names "" < "Nữ" < "Thị" < "Thị Minh".
  EXPECT_EQ(names, (std::vector<std::string>{"Lê Khai", "Tôn Nữ Khai", "Trần Thị Khai",
                                             "Nguyễn Thị Minh Khai"}));
}

TEST(TextNameSort, SingleWordIsTheGivenName) {
  EXPECT_EQ(danvan::name_sort_key("Bình"), danvan::name_sort_key("  Bình "));
  EXPECT_LT(danvan::name_sort_key("An"), danvan::name_sort_key("Nguyễn An"));
  EXPECT_LT(danvan::name_sort_key("Nguyễn An"), danvan::name_sort_key("Bình"));
  EXPECT_LT(danvan::name_sort_key(""), danvan::name_sort_key("An"));
}

TEST(TextNameSort, IgnoresSpacingAndUnicodeForm) {
  const std::string key = danvan::name_sort_key("Nguyễn Văn An");
  EXPECT_EQ(danvan::name_sort_key("  Nguyễn\u00A0 Văn\tAn "), key);
  EXPECT_EQ(danvan::name_sort_key("Nguye\u0302\u0303n Va\u0306n An"), key);
  const Collator c;
  EXPECT_EQ(c.name_sort_key("Nguyễn Văn An"), key);
}

TEST(TextNameSort, KeyPartsAreSeparatedByZeroBytes) {
  const Collator c;
  const std::string key = c.name_sort_key("Nguyễn Văn An");
  EXPECT_EQ(key, c.sort_key("An") + '\0' + c.sort_key("Văn") + '\0' + c.sort_key("Nguyễn"));
  EXPECT_EQ(c.name_sort_key("An"),
            c.sort_key("An") + '\0' + c.sort_key("") + '\0' + c.sort_key(""));
}

}  // namespace
