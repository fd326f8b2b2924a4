#include "danvan/references.hpp"
#include "danvan/error.hpp"
#include "danvan/json.hpp"
#include "danvan/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using danvan::DocumentFamily;
using danvan::DocumentType;
using danvan::find_references;
using danvan::PartialDate;
using danvan::Reference;
using danvan::ResolutionStatus;

const danvan::InstrumentCatalogue& catalogue() {
  static const auto c =
      danvan::load_catalogue(std::string(DANVAN_SOURCE_DIR) + "/data/instruments/catalogue.json");
  return c;
}

std::string founding_text() {
  return danvan::read_file(std::string(DANVAN_TEST_DATA_DIR) +
                           "/phu-yen-2020-nam-dan-van-kheo.txt");
}

std::vector<std::string> surfaces(const std::vector<Reference>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.surface);
  return out;
}

TEST(References, FoundingDocumentCitesSevenInstrumentsBothDirectives23Apart) {
  const std::string text = founding_text();
  auto refs = find_references(text);
  danvan::resolve_references(refs, catalogue(), {text});
  ASSERT_EQ(refs.size(), 7U);
  const std::vector<std::string> ids = {"ctr-79-bdvtw-bcsdcp-2016", "ctr-05-phu-yen-2017",
                                        "kh-35-ubnd-phu-yen-2020",  "qd-217-bct-2013",
                                        "ct-26-ttg-2016",           "ct-23-btvtu-phu-yen",
                                        "ct-23-ubnd-phu-yen"};
  for (std::size_t k = 0; k < refs.size(); ++k) {
    EXPECT_EQ(refs[k].status, ResolutionStatus::resolved) << refs[k].surface;
    EXPECT_EQ(refs[k].resolved_id.value_or(""), ids[k]) << refs[k].surface;
  }
  EXPECT_EQ(refs[5].surface, "Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy");
  EXPECT_EQ(refs[6].surface, "Chỉ thị 23 của UBND tỉnh");
  EXPECT_EQ(refs[6].issuer_ids, std::vector<std::string>{"ubnd-tinh-phu-yen"});
  EXPECT_EQ(refs[0].period, (danvan::YearRange{2016, 2021}));
  EXPECT_EQ(refs[1].period, (danvan::YearRange{2017, 2021}));
  EXPECT_EQ(refs[3].term, "XI");
  // Offsets: bytes index the text, code points count characters before.
  for (const auto& r : refs) {
    EXPECT_EQ(text.substr(r.span.byte_start, r.span.byte_end - r.span.byte_start), r.surface);
  }
}

TEST(References, CodePointAndByteOffsets) {
  const auto refs = find_references("Theo Chỉ thị số 26/CT-TTg.");
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].span.start, 5U);
  EXPECT_EQ(refs[0].span.end, 25U);
  EXPECT_EQ(refs[0].span.byte_start, 5U);
  EXPECT_EQ(refs[0].span.byte_end, 31U);  // ỉ, ị and ố take 3 bytes each
  EXPECT_EQ(refs[0].surface, "Chỉ thị số 26/CT-TTg");
}

TEST(References, NfdInputReportsNfcOffsetsAndSurface) {
  const std::string nfc = "Căn cứ Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị.";
  const std::string nfd =
      "Ca\xCC\x86n cu\xCC\x9B\xCC\x81 Quye\xCC\x82\xCC\x81t \xC4\x91i\xCC\xA3nh "
      "so\xCC\x82\xCC\x81 217-Q\xC4\x90/TW nga\xCC\x80y 12/12/2013 "
      "cu\xCC\x89\x61 Bo\xCC\x82\xCC\xA3 Chi\xCC\x81nh tri\xCC\xA3.";
  ASSERT_EQ(danvan::normalize_nfc(nfd), nfc);
  const auto a = find_references(nfc);
  const auto b = find_references(nfd);
  ASSERT_EQ(a.size(), 1U);
  EXPECT_EQ(a, b);
  EXPECT_EQ(b[0].surface, "Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị");
  EXPECT_EQ(b[0].span.byte_start, nfc.find("Quyết"));
}

TEST(References, ThreeSymbolFamiliesAndMisformatted) {
  const auto refs = find_references(
      "Theo 26/CT-TTg, 04/2015/NĐ-CP, 217-QĐ/TW, 79-CTr/BDVTW-BCSĐCP và 217/QĐ-TW.");
  ASSERT_EQ(refs.size(), 5U);
  EXPECT_EQ(refs[0].symbol->family, DocumentFamily::state);
  EXPECT_EQ(refs[0].type, DocumentType::directive);
  EXPECT_EQ(refs[1].symbol->family, DocumentFamily::legal);
  EXPECT_EQ(refs[1].type, DocumentType::decree);
  EXPECT_EQ(refs[1].year, 2015);
  EXPECT_EQ(refs[2].symbol->family, DocumentFamily::party);
  EXPECT_EQ(refs[3].symbol->canonical(), "79-CTr/BDVTW-BCSĐCP");
  EXPECT_EQ(refs[3].type_code, "CTr");
  EXPECT_EQ(refs[4].surface, "217/QĐ-TW");
  EXPECT_EQ(refs[4].symbol->canonical(), "217-QĐ/TW");
  EXPECT_EQ(refs[4].symbol->surface, "217/QĐ-TW");
}

TEST(References, DatesInThreeFormsAttach) {
  const auto refs = find_references(
      "Chỉ thị 05/CT-UBND ngày 05/9/2016; Quyết định 06/QĐ-UBND ngày 12-12-2013; Kế hoạch "
      "07/KH-UBND ngày 05 tháng 9 năm 2016.");
  ASSERT_EQ(refs.size(), 3U);
  EXPECT_EQ(refs[0].date, PartialDate(2016, 9, 5));
  EXPECT_EQ(refs[1].date, PartialDate(2013, 12, 12));
  EXPECT_EQ(refs[2].date, PartialDate(2016, 9, 5));
  EXPECT_EQ(refs[2].year, 2016);
}

TEST(References, LawsNamedByYear) {
  const auto refs = find_references(
      "Thực hiện Luật Khiếu nại năm 2011, Bộ luật Lao động 2019 và Hiến pháp năm 2013.");
  ASSERT_EQ(surfaces(refs),
            (std::vector<std::string>{"Luật Khiếu nại năm 2011", "Bộ luật Lao động 2019",
                                      "Hiến pháp năm 2013"}));
  EXPECT_EQ(refs[0].type, DocumentType::law);
  EXPECT_EQ(refs[0].name, "Luật Khiếu nại");
  EXPECT_EQ(refs[0].number, std::nullopt);
  EXPECT_EQ(refs[0].year, 2011);
  EXPECT_EQ(refs[1].type, DocumentType::code_of_law);
  EXPECT_EQ(refs[2].type, DocumentType::constitution);
}

TEST(References, LawResolvesByTitleAndYear) {
  auto refs = find_references("Theo Luật Khiếu nại năm 2011 và Luật Khiếu nại năm 1998.");
  danvan::resolve_references(refs, catalogue());
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs[0].resolved_id, "luat-khieu-nai-2011");
  EXPECT_EQ(refs[1].status, ResolutionStatus::unresolved);
}

TEST(References, ConfusableNumbersAreNotReferences) {
  for (const char* text : {
           "Theo Điều 26 của Luật, khoản 2 Điều 3.",
           "Năm 2020 có 194 mô hình, tăng 15% so với năm 2019.",
           "Hội nghị ngày 15/12/2020, lúc 7 giờ 30.",
           "Quốc lộ 1A, điện thoại 0257.3842310, 85/106 xã.",
           "Kế hoạch 2021 của ngành; Chương trình mục tiêu Quốc gia.",
           "giai đoạn 2016 - 2020; Kế hoạch 2016-2020.",
           "Chương trình 35,5% kế hoạch; Quyết định 12% ngân sách.",
           "COVID-19 và khối phố 5/KP3.",
       }) {
    EXPECT_TRUE(find_references(text).empty()) << text << ": " << find_references(text)[0].surface;
  }
}

TEST(References, TyposAndOldSpellingsAreTolerated) {
  const auto refs = find_references(
      "Quyết đinh số 217-QĐ/TW của Bộ Chính trị khoá XI; Chỉ thi 26 của Thủ tướng Chính phủ; "
      "Kế hoạch 20/KH-UBND của Uỷ ban nhân dân tỉnh.");
  ASSERT_EQ(refs.size(), 3U);
  EXPECT_EQ(refs[0].type, DocumentType::decision);
  EXPECT_EQ(refs[0].term, "XI");
  EXPECT_EQ(refs[1].type, DocumentType::directive);
  EXPECT_EQ(refs[2].issuer, "Uỷ ban nhân dân tỉnh");
}

TEST(References, PartyQuyDinhWrittenQdIsRules) {
  const auto refs = find_references("Quy định số 101-QĐ/TW của Ban Bí thư.");
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].type, DocumentType::rules);
  EXPECT_EQ(refs[0].symbol->canonical(), "101-QĐ/TW");
}

TEST(References, AmbiguityIsReportedNotGuessed) {
  auto refs = find_references("Thực hiện Chỉ thị số 23 về kỷ luật, kỷ cương.");
  danvan::resolve_references(refs, catalogue());
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].status, ResolutionStatus::ambiguous);
  EXPECT_EQ(refs[0].resolved_id, std::nullopt);
  EXPECT_EQ(refs[0].candidate_ids,
            (std::vector<std::string>{"ct-23-btvtu-phu-yen", "ct-23-ubnd-phu-yen"}));
}

TEST(References, SymbolShapeTellsTheTwoDirectives23Apart) {
  auto refs = find_references("Chỉ thị số 23-CT/TU và Chỉ thị số 23/CT-UBND.");
  danvan::resolve_references(refs, catalogue());
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs[0].resolved_id, "ct-23-btvtu-phu-yen");
  EXPECT_EQ(refs[1].resolved_id, "ct-23-ubnd-phu-yen");
}

TEST(References, UnknownIssuerDoesNotResolve) {
  auto refs = find_references("Chỉ thị số 26 của UBND tỉnh Bình Định.");
  danvan::resolve_references(refs, catalogue());
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].issuer, "UBND tỉnh Bình Định");
  EXPECT_EQ(refs[0].status, ResolutionStatus::unresolved);
  EXPECT_TRUE(refs[0].issuer_ids.empty());
}

TEST(References, ContradictingDateDoesNotResolve) {
  auto refs = find_references("Chỉ thị số 26/CT-TTg ngày 05/9/2017 của Thủ tướng Chính phủ.");
  danvan::resolve_references(refs, catalogue());
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].status, ResolutionStatus::unresolved);
}

TEST(References, IssuerResolutionUsesContext) {
  const auto& c = catalogue();
  EXPECT_EQ(danvan::resolve_issuer("UBND tỉnh", c),
            (std::vector<std::string>{"ubnd-tinh-phu-yen", "ubnd-tinh-dak-lak"}));
  EXPECT_EQ(danvan::resolve_issuer("UBND tỉnh", c, {"… trên địa bàn tỉnh Phú Yên …"}),
            std::vector<std::string>{"ubnd-tinh-phu-yen"});
  EXPECT_EQ(danvan::resolve_issuer("Uỷ ban nhân dân tỉnh Đắk Lắk", c),
            std::vector<std::string>{"ubnd-tinh-dak-lak"});
  EXPECT_TRUE(danvan::resolve_issuer("Bộ Nội vụ", c).empty());
}

TEST(References, AnnotateMarkdown) {
  const std::string text = "Theo Chỉ thị số 26 của Thủ tướng Chính phủ và Chỉ thị số 23.";
  auto refs = find_references(text);
  danvan::resolve_references(refs, catalogue());
  EXPECT_EQ(danvan::annotate_markdown(text, refs),
            "Theo **Chỉ thị số 26 của Thủ tướng Chính phủ** [ct-26-ttg-2016] và **Chỉ thị số "
            "23** [ambiguous: ct-23-btvtu-phu-yen, ct-23-ubnd-phu-yen].");
}

TEST(References, AnnotateMarkdownRejectsReferencesNotFromTheText) {
  const std::string text = "Theo Chỉ thị số 26 của Thủ tướng Chính phủ và Chỉ thị số 23.";
  const auto found = find_references(text);
  ASSERT_EQ(found.size(), 2u);
  const auto message = [&](std::vector<danvan::Reference> refs) -> std::string {
    try {
      (void)danvan::annotate_markdown(text, refs);
    } catch (const danvan::ValueError& e) {
      return e.what();
    }
    return "no exception";
  };
  const auto b0 = std::to_string(found[0].span.byte_start);
  const auto e0 = std::to_string(found[0].span.byte_end);
  EXPECT_EQ(message({found[1], found[0]}),
            "annotate_markdown: reference 1 (bytes " + b0 + ".." + e0 +
                ") starts before the end of the previous one; references must be in text order "
                "and must not overlap");
  auto past = found[0];
  past.span.byte_end = text.size() + 1;
  EXPECT_EQ(message({past}),
            "annotate_markdown: reference 0 (bytes " + b0 + ".." + std::to_string(text.size() + 1) +
                ") is not inside the NFC text of " + std::to_string(text.size()) + " bytes");
  auto backwards = found[0];
  backwards.span.byte_end = backwards.span.byte_start - 1;
  EXPECT_EQ(message({backwards}), "annotate_markdown: reference 0 (bytes " + b0 + ".." +
                                      std::to_string(found[0].span.byte_start - 1) +
                                      ") is not inside the NFC text of " +
                                      std::to_string(text.size()) + " bytes");
  auto no_id = found[0];
  no_id.status = danvan::ResolutionStatus::resolved;
  no_id.resolved_id.reset();
  EXPECT_EQ(message({no_id}), "annotate_markdown: reference 0 (bytes " + b0 + ".." + e0 +
                                  ") is marked resolved but has no resolved_id");
}

TEST(References, MalformedUtf8Throws) {
  try {
    (void)find_references(std::string("Chỉ thị số 26") + "\xC3");
    FAIL() << "no exception";
  } catch (const danvan::ParseError& e) {
    EXPECT_STREQ(e.what(),
                 "cannot parse \"Chỉ thị số 26\\xC3\" at offset 19: invalid UTF-8 byte 0xC3: the "
                 "sequence is cut short by the end of the input");
    EXPECT_EQ(e.offset(), 19U);
  }
}

TEST(References, HostileAndTruncatedInput) {
  EXPECT_TRUE(find_references("").empty());
  EXPECT_TRUE(find_references("Quyết định số").empty());
  EXPECT_TRUE(find_references("Quyết định số ").empty());
  EXPECT_TRUE(find_references("Chỉ thị").empty());
  EXPECT_TRUE(find_references("1234567890123/CT-TTg").empty());  // too many digits
  const auto cut = find_references("Chỉ thị số 26/");
  ASSERT_EQ(cut.size(), 1U);
  EXPECT_EQ(cut[0].surface, "Chỉ thị số 26");
  EXPECT_EQ(cut[0].symbol, std::nullopt);
  const auto bad_date = find_references("Chỉ thị số 26/CT-TTg ngày 31/02/2016 của Thủ tướng.");
  ASSERT_EQ(bad_date.size(), 1U);
  EXPECT_EQ(bad_date[0].surface, "Chỉ thị số 26/CT-TTg");
  EXPECT_EQ(bad_date[0].date, std::nullopt);
  std::string many;
  for (int k = 0; k < 2000; ++k) many += "Quyết định số ";
  EXPECT_TRUE(find_references(many).empty());
  std::string nested;
  for (int k = 0; k < 200; ++k) nested += "(khóa (khóa ";
  nested += "Chỉ thị 5 của Bộ Chính trị (khóa XIIIIIII)";
  const auto n = find_references(nested);
  ASSERT_EQ(n.size(), 1U);
  EXPECT_EQ(n[0].term, std::nullopt);
}

TEST(References, StatusNames) {
  EXPECT_EQ(danvan::to_string(ResolutionStatus::unresolved), "unresolved");
  EXPECT_EQ(danvan::to_string(ResolutionStatus::resolved), "resolved");
  EXPECT_EQ(danvan::to_string(ResolutionStatus::ambiguous), "ambiguous");
}

}  // namespace
