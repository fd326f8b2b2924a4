// Vietnamese text encodings: known strings, round trips of the founding text, detection and
// the errors for bad input.
#include "danvan/document_text.hpp"
#include "danvan/text.hpp"

#include <gtest/gtest.h>
#include <iconv.h>

#include <fstream>
#include <sstream>

namespace danvan {
namespace {

std::string founding_text() {
  std::ifstream in(std::string(DANVAN_TEST_DATA_DIR) + "/phu-yen-2020-nam-dan-van-kheo.txt",
                   std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size())) {
    s.replace(p, from.size(), to);
  }
  return s;
}

/// The founding text with what an encoding cannot hold made ASCII: TCVN3 and VIQR have no
/// curly quotes, VIQR no no-break space.
std::string for_encoding(TextEncoding e) {
  std::string t = founding_text();
  if (e == TextEncoding::tcvn3 || e == TextEncoding::viqr) {
    t = replace_all(replace_all(t, "\u201C", "\""), "\u201D", "\"");
  }
  if (e == TextEncoding::viqr) t = replace_all(t, "\u00A0", " ");
  return t;
}

/// glibc's iconv(3), an independent converter, as an oracle.
std::string iconv_convert(const std::string& text, const char* to, const char* from) {
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return {};
  std::string in = text;
  std::string out(text.size() * 4 + 16, '\0');
  char* src = in.data();
  std::size_t src_left = in.size();
  char* dst = out.data();
  std::size_t dst_left = out.size();
  const std::size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) return {};
  out.resize(out.size() - dst_left);
  return out;
}

TEST(Encodings, KnownStringsDecode) {
  // "Cộng hòa xã hội chủ nghĩa Việt Nam / Độc lập - Tự do - Hạnh phúc" as each encoding writes
  // it (TCVN3 and VNI bytes shown through Latin-1, the way these files look when misread).
  EXPECT_EQ(decode_as("C\xE9ng ho\xB5 x\xB7 h\xE9i ch\xF1 ngh\xDC"
                      "a Vi\xD6t Nam",
                      TextEncoding::tcvn3),
            "Cộng hoà xã hội chủ nghĩa Việt Nam");
  EXPECT_EQ(decode_as("Co\xE4ng ho\xF8"
                      "a xa\xF5 ho\xE4i chu\xFB ngh\xF3"
                      "a Vie\xE4t Nam",
                      TextEncoding::vni),
            "Cộng hòa xã hội chủ nghĩa Việt Nam");
  EXPECT_EQ(decode_as("\xD1o\xE4"
                      "c la\xE4p - T\xF6\xEF do - Ha\xEFnh phu\xF9"
                      "c",
                      TextEncoding::vni),
            "Độc lập - Tự do - Hạnh phúc");
  EXPECT_EQ(decode_as("NGH\xD3"
                      "A VIE\xC4T",
                      TextEncoding::vni),
            "NGHĨA VIỆT");
  EXPECT_EQ(decode_as("DDo^.c la^.p - Tu+. do - Ha.nh phu'c", TextEncoding::viqr),
            "Độc lập - Tự do - Hạnh phúc");
  EXPECT_EQ(decode_as("Vie^.t Nam.", TextEncoding::viqr), "Việt Nam.");
  // Windows-1258 writes tones as combining marks after a base letter.
  EXPECT_EQ(decode_as("Vi\xEA\xF2t Nam", TextEncoding::windows_1258), "Việt Nam");
  EXPECT_EQ(decode_as("Vie\xCC\xA3\xCC\x82t", TextEncoding::utf8), "Việt");  // NFD in, NFC out
}

TEST(Encodings, TcvnTableAgreesWithGlibc) {
  const std::string text = for_encoding(TextEncoding::tcvn3);
  const std::string glibc = iconv_convert(text, "TCVN5712-1", "UTF-8");
  if (glibc.empty()) GTEST_SKIP() << "not run: glibc has no TCVN5712-1 converter here";
  EXPECT_EQ(decode_as(glibc, TextEncoding::tcvn3), normalize_nfc(text));
  EXPECT_EQ(decode_text(glibc).encoding, TextEncoding::tcvn3);
}

TEST(Encodings, Cp1258AgreesWithGlibc) {
  const std::string text = founding_text();
  const std::string glibc = iconv_convert(text, "CP1258", "UTF-8");
  if (glibc.empty()) GTEST_SKIP() << "not run: glibc has no CP1258 converter here";
  EXPECT_EQ(decode_as(glibc, TextEncoding::windows_1258), normalize_nfc(text));
  EXPECT_EQ(decode_text(glibc).encoding, TextEncoding::windows_1258);
}

class RoundTrip : public ::testing::TestWithParam<TextEncoding> {};

TEST_P(RoundTrip, FoundingTextIsDetectedAndDecodedToNfc) {
  const TextEncoding e = GetParam();
  const std::string original = for_encoding(e);
  const std::string bytes = encode_as(original, e);
  if (e != TextEncoding::utf8) {
    EXPECT_NE(bytes, original);
  }
  const DecodedText decoded = decode_text(bytes, "founding");
  EXPECT_EQ(decoded.encoding, e) << to_string(decoded.encoding);
  EXPECT_EQ(decoded.text, normalize_nfc(original));
  EXPECT_FALSE(decoded.decomposed);
  EXPECT_EQ(decode_as(bytes, e), normalize_nfc(original));
}

INSTANTIATE_TEST_SUITE_P(AllEncodings, RoundTrip,
                         ::testing::Values(TextEncoding::utf8, TextEncoding::utf8_bom,
                                           TextEncoding::utf16le, TextEncoding::utf16be,
                                           TextEncoding::windows_1258, TextEncoding::tcvn3,
                                           TextEncoding::vni, TextEncoding::viqr));

TEST(Encodings, DecomposedUnicodeIsReportedAndComposed) {
  const std::string original = founding_text();
  // NFD by hand from the NFC text: every precomposed letter split by ICU would be circular, so
  // use glibc's converter to UTF-16 and back as a neutral carrier and danvan's fold as a check
  // that the text really changed form.
  std::string nfd;
  {
    const std::string nfc = normalize_nfc(original);
    // "ệ" (U+1EC7) -> e U+0323 U+0302 etc. via the Windows-1258 round trip: its bytes hold base
    // letters and combining tones, which decode_as composes; decode them without composing by
    // reading them as UTF-8 of the decomposed form.
    nfd = nfc;
    nfd = replace_all(nfd, "ệ", "e\u0323\u0302");
    nfd = replace_all(nfd, "ạ", "a\u0323");
    nfd = replace_all(nfd, "ố", "o\u0302\u0301");
    nfd = replace_all(nfd, "à", "a\u0300");
  }
  ASSERT_NE(nfd, original);
  ASSERT_FALSE(is_nfc(nfd));
  const DecodedText decoded = decode_text(nfd);
  EXPECT_EQ(decoded.encoding, TextEncoding::utf8);
  EXPECT_TRUE(decoded.decomposed);
  EXPECT_EQ(decoded.text, normalize_nfc(original));
}

TEST(Encodings, AsciiWithoutMarksIsUtf8NotViqr) {
  const DecodedText d = decode_text("Ke hoach so 12/KH-UBND ngay 3/4/2020. What? Yes.\n");
  EXPECT_EQ(d.encoding, TextEncoding::utf8);
  EXPECT_EQ(d.text, "Ke hoach so 12/KH-UBND ngay 3/4/2020. What? Yes.\n");
}

// Found by encoding_fuzz in CI (input EF BB BF EF BB BF): the decoder drops the byte-order mark
// and keeps the U+FEFF after it; writing that text back as plain UTF-8 lost it.
TEST(Encodings, LeadingZeroWidthNoBreakSpaceSurvivesUtf8RoundTrip) {
  const std::string two_marks = "\xEF\xBB\xBF\xEF\xBB\xBF";
  const std::string text = decode_as(two_marks, TextEncoding::utf8);
  EXPECT_EQ(text, "\xEF\xBB\xBF");
  EXPECT_EQ(encode_as(text, TextEncoding::utf8), two_marks);
  EXPECT_EQ(decode_as(encode_as(text, TextEncoding::utf8), TextEncoding::utf8), text);
  EXPECT_EQ(encode_as("a\xEF\xBB\xBF", TextEncoding::utf8), "a\xEF\xBB\xBF");
  for (const auto e : {TextEncoding::utf8_bom, TextEncoding::utf16le, TextEncoding::utf16be}) {
    EXPECT_EQ(decode_as(encode_as(text, e), e), text) << to_string(e);
  }
}

TEST(Encodings, ViqrEscapesLiteralMarks) {
  EXPECT_EQ(encode_as("và.", TextEncoding::viqr), "va`\\.");
  EXPECT_EQ(encode_as("Hà Nội?", TextEncoding::viqr), "Ha` No^.i\\?");
  EXPECT_EQ(encode_as("Đà", TextEncoding::viqr), "DDa`");
  EXPECT_EQ(encode_as("GDĐT add", TextEncoding::viqr), "G\\DDDT a\\dd");
  EXPECT_EQ(decode_as("G\\DDDT a\\dd", TextEncoding::viqr), "GDĐT add");
  EXPECT_EQ(decode_as("va`\\.", TextEncoding::viqr), "và.");
  // A syllable has one tone: after a toned vowel '.' and '?' are punctuation.
  EXPECT_EQ(decode_as("No^.i.", TextEncoding::viqr), "Nội.");
  // ... but a consonant and a vowel after the tone start a new syllable (glued words).
  EXPECT_EQ(decode_as("HO^.ICHU? TI.CH", TextEncoding::viqr), "HỘICHỦ TỊCH");
}

TEST(Encodings, SyllableShare) {
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share("Cộng hòa xã hội chủ nghĩa Việt Nam"), 1.0);
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share("plain ASCII only"), 1.0);
  // TCVN3 bytes misread as Windows-1252: only "Céng" is shaped like a syllable.
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share("Céng hoµ x· héi chñ nghÜa ViÖt"), 1.0 / 7.0);
  // Two tones in one word, a mixed-case word, a non-Vietnamese letter.
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share("hốá"), 0.0);
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share("vIỆt"), 0.0);
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share("ø"), 0.0);
  EXPECT_DOUBLE_EQ(vietnamese_syllable_share("gì nghiêng khuya quyển Việt ø"), 4.0 / 5.0);
}

// ---- Bad input --------------------------------------------------------------------------------

void expect_problem(std::string_view bytes, DocumentProblem problem, const std::string& message) {
  try {
    (void)decode_text(bytes, "in.txt");
    ADD_FAILURE() << "no error for " << message;
  } catch (const DocumentError& e) {
    EXPECT_EQ(e.problem(), problem);
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(EncodingErrors, EmptyBinaryUnknown) {
  expect_problem("", DocumentProblem::empty, "in.txt: the file is empty");
  expect_problem(std::string("\x01\x02\x03\x04text\x05\x06", 10), DocumentProblem::binary,
                 "in.txt: binary data, not text (6 control bytes in 10)");
  expect_problem(std::string("ab\0cd\0\0e", 8), DocumentProblem::binary,
                 "in.txt: binary data, not text (3 control bytes in 8)");
  // French in Latin-1: not UTF-8, and no Vietnamese reading makes syllables of it.
  expect_problem(
      "Le d\xE9partement a d\xE9"
      "cid\xE9 la r\xE9"
      "forme \xE0 l'\xE9t\xE9.",
      DocumentProblem::unknown_encoding,
      "in.txt: the text is in an unknown encoding: not UTF-8 (byte 0xE9 at offset 4), "
      "and too few of its words are Vietnamese when read as TCVN3 (ABC) 20%, VNI "
      "Windows (undefined bytes), Windows-1258 20% (80% needed)");
  expect_problem("\xFF\xFE\x41", DocumentProblem::unknown_encoding,
                 "in.txt: not valid UTF-16LE at byte 2: UTF-16 text has an odd number of bytes "
                 "(cut short?)");
  expect_problem("\xEF\xBB\xBFok \xC3", DocumentProblem::unknown_encoding,
                 "in.txt: not valid UTF-8 with BOM at byte 3: invalid UTF-8 byte 0xC3: the "
                 "sequence is cut short by the end of the input");
}

TEST(EncodingErrors, StrictDecodersNameTheByte) {
  try {
    (void)decode_as("a\xF9\xF9", TextEncoding::vni);  // a diacritic with no letter before it
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.offset(), 2U);
    EXPECT_EQ(e.reason(), "byte 0xF9 is not a VNI Windows character");
  }
  try {
    (void)decode_as("Vi\xC3\xAA", TextEncoding::viqr);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.reason(), "byte 0xC3 is not a VIQR character");
  }
  try {
    (void)decode_as("x\x81", TextEncoding::windows_1258);  // undefined in Windows-1258
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.offset(), 1U);
    EXPECT_EQ(e.reason(), "byte 0x81 is not a Windows-1258 character");
  }
}

TEST(EncodingErrors, EncodersRefuseWhatTheyCannotWrite) {
  try {
    (void)encode_as("giá 5 €", TextEncoding::tcvn3);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.reason(), "the character € cannot be written in TCVN3 (ABC)");
  }
  try {
    (void)encode_as("中", TextEncoding::viqr);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.reason(), "the character 中 cannot be written in VIQR");
  }
  try {
    (void)encode_as("ŵ", TextEncoding::vni);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.reason(), "the character ŵ cannot be written in VNI Windows");
  }
}

}  // namespace
}  // namespace danvan
