// Reference forms beyond numbered citations: laws named by title without a year, Party
// resolutions named by their plenum, issuers written without "của", and the NFC fast path.
#include "danvan/error.hpp"
#include "danvan/json.hpp"
#include "danvan/references.hpp"
#include "danvan/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using danvan::DocumentType;
using danvan::find_references;
using danvan::PartialDate;
using danvan::Reference;
using danvan::ResolutionStatus;

std::vector<std::string> surfaces(const std::vector<Reference>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.surface);
  return out;
}

TEST(ReferenceForms, LawNamedByTitleWithoutYear) {
  const auto refs = find_references("Giải quyết theo Luật Khiếu nại và Luật Tiếp công dân.");
  ASSERT_EQ(surfaces(refs), (std::vector<std::string>{"Luật Khiếu nại", "Luật Tiếp công dân"}));
  for (const auto& r : refs) {
    EXPECT_EQ(r.type, DocumentType::law);
    EXPECT_EQ(r.type_code, "");
    EXPECT_EQ(r.number, std::nullopt);
    EXPECT_EQ(r.year, std::nullopt);
    EXPECT_EQ(r.name, r.surface);
  }
}

TEST(ReferenceForms, LawTitleEndsBeforeTheRestOfTheSentence) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Điều 5, Điều 6 Luật Tiếp công dân quy định nguyên tắc tiếp công dân.",
       "Luật Tiếp công dân"},
      {"Luật Cán bộ, công chức quy định nghĩa vụ của công chức.", "Luật Cán bộ, công chức"},
      {"Theo Luật Khiếu nại, người khiếu nại có quyền rút đơn.", "Luật Khiếu nại"},
      {"Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ ngày 01/7/2023.",
       "Luật Thực hiện dân chủ ở cơ sở"},
      {"Sửa đổi Luật Khoa học và Công nghệ theo hướng mở.", "Luật Khoa học và Công nghệ"},
      {"Luật Khiếu nại và Nghị định 124/2020/NĐ-CP", "Luật Khiếu nại"},
      {"Thi hành Bộ luật Hình sự được thực hiện nghiêm.", "Bộ luật Hình sự"},
      {"Luật Phòng, chống tham nhũng hiện hành", "Luật Phòng, chống tham nhũng"},
      {"Hiến pháp quy định quyền làm chủ của nhân dân.", "Hiến pháp"},
  };
  for (const auto& [text, surface] : cases) {
    const auto refs = find_references(text);
    ASSERT_FALSE(refs.empty()) << text;
    EXPECT_EQ(refs[0].surface, surface) << text;
    EXPECT_EQ(refs[0].name, surface) << text;
  }
}

TEST(ReferenceForms, LawWithoutYearKeepsAttributesWrittenAfterIt) {
  const auto refs = find_references("Luật Tiếp công dân ngày 25/11/2013 của Quốc hội khóa XIII.");
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].surface, "Luật Tiếp công dân ngày 25/11/2013 của Quốc hội khóa XIII");
  EXPECT_EQ(refs[0].name, "Luật Tiếp công dân");
  EXPECT_EQ(refs[0].date, PartialDate(2013, 11, 25));
  EXPECT_EQ(refs[0].year, 2013);
  EXPECT_EQ(refs[0].issuer, "Quốc hội");
  EXPECT_EQ(refs[0].term, "XIII");
}

TEST(ReferenceForms, WordsThatAreNotLawTitles) {
  for (const char* text : {
           "Luật sư Nguyễn Văn An tham gia tư vấn miễn phí.",
           "Theo quy định của Luật, người dân được bảo đảm quyền.",
           "sửa đổi hiến pháp",  // lower case: not the title
           "Bộ luật được ban hành.",
           "pháp luật về khiếu nại, tố cáo",
       }) {
    const auto refs = find_references(text);
    EXPECT_TRUE(refs.empty()) << text << ": " << refs[0].surface;
  }
}

TEST(ReferenceForms, LawWithoutYearResolvesByTitle) {
  const auto catalogue =
      danvan::load_catalogue(std::string(DANVAN_SOURCE_DIR) + "/data/instruments/catalogue.json");
  auto refs = find_references("Thực hiện đúng Luật Khiếu nại.");
  danvan::resolve_references(refs, catalogue);
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].status, ResolutionStatus::resolved);
  EXPECT_EQ(refs[0].resolved_id, "luat-khieu-nai-2011");
}

TEST(ReferenceForms, PartyResolutionNamedByPlenum) {
  const auto refs = find_references(
      "Quán triệt Nghị quyết Trung ương 4 (khóa XII), Nghị quyết Hội nghị Trung ương 7 khóa X "
      "về nông nghiệp và Kết luận Hội nghị Trung ương lần thứ 6 khóa XIII.");
  ASSERT_EQ(surfaces(refs),
            (std::vector<std::string>{"Nghị quyết Trung ương 4 (khóa XII)",
                                      "Nghị quyết Hội nghị Trung ương 7 khóa X",
                                      "Kết luận Hội nghị Trung ương lần thứ 6 khóa XIII"}));
  EXPECT_EQ(refs[0].type, DocumentType::resolution);
  EXPECT_EQ(refs[0].type_code, "NQ");
  EXPECT_EQ(refs[0].number, std::nullopt);
  EXPECT_EQ(refs[0].issuer, "Trung ương 4");
  EXPECT_EQ(refs[0].name, "Nghị quyết Trung ương 4");
  EXPECT_EQ(refs[0].term, "XII");
  EXPECT_EQ(refs[1].issuer, "Hội nghị Trung ương 7");
  EXPECT_EQ(refs[1].term, "X");
  EXPECT_EQ(refs[2].type, DocumentType::conclusion);
  EXPECT_EQ(refs[2].issuer, "Hội nghị Trung ương lần thứ 6");
  EXPECT_EQ(refs[2].term, "XIII");
}

TEST(ReferenceForms, PlenumWithOrdinalWordAndCentralCommittee) {
  const auto refs = find_references(
      "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về xây dựng Đảng.");
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].surface,
            "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII");
  EXPECT_EQ(refs[0].issuer, "Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng");
  EXPECT_EQ(refs[0].term, "XII");
}

TEST(ReferenceForms, NotPlenums) {
  for (const char* text : {
           "Theo tinh thần Nghị quyết Trung ương, các cấp ủy quán triệt.",
           "Nghị quyết Hội nghị lần thứ 3 của Đảng ủy xã đã đề ra.",
           "Nghị quyết Trung ương 4/2016 về xây dựng Đảng",
           "Nghị quyết Trung ương 45% kế hoạch",
           "Nghị quyết Hội nghị",
       }) {
    const auto refs = find_references(text);
    EXPECT_TRUE(refs.empty()) << text << ": " << refs[0].surface;
  }
}

TEST(ReferenceForms, IssuerWrittenWithoutCua) {
  auto refs = find_references(
      "Chỉ thị 26/CT-TTg Thủ tướng Chính phủ về tăng cường kỷ luật; Quyết định số 1234/QĐ-UBND "
      "ngày 15/7/2021 UBND tỉnh về việc công nhận; Quyết định 217-QĐ/TW Bộ Chính trị (khóa XI).");
  ASSERT_EQ(surfaces(refs),
            (std::vector<std::string>{"Chỉ thị 26/CT-TTg Thủ tướng Chính phủ",
                                      "Quyết định số 1234/QĐ-UBND ngày 15/7/2021 UBND tỉnh",
                                      "Quyết định 217-QĐ/TW Bộ Chính trị (khóa XI)"}));
  EXPECT_EQ(refs[0].issuer, "Thủ tướng Chính phủ");
  EXPECT_EQ(refs[1].issuer, "UBND tỉnh");
  EXPECT_EQ(refs[1].date, PartialDate(2021, 7, 15));
  EXPECT_EQ(refs[2].issuer, "Bộ Chính trị");
  EXPECT_EQ(refs[2].term, "XI");
}

TEST(ReferenceForms, SubjectOfTheNextClauseIsNotAnIssuer) {
  const auto refs =
      find_references("Theo Kế hoạch số 35/KH-UBND Sở Nội vụ đã hướng dẫn các xã đăng ký.");
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].surface, "Kế hoạch số 35/KH-UBND");
  EXPECT_EQ(refs[0].issuer, std::nullopt);
  const auto heading = find_references("Kế hoạch số 35 Hội nghị tổng kết.");
  ASSERT_EQ(heading.size(), 1U);
  EXPECT_EQ(heading[0].surface, "Kế hoạch số 35");
}

TEST(ReferenceForms, TextThatIsNfcButNotQuickCheckYesIsHandled) {
  // "x" + U+0301 has no precomposed form: already NFC, but the mark has a combining class, so
  // the finder takes the ICU path; offsets must be the same as for the plain text.
  const std::string text = "x\u0301 Chỉ thị số 26 𝐀 Quyết định 217";
  const auto refs = find_references(text);
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs[0].span.start, 3U);
  EXPECT_EQ(refs[0].span.byte_start, 4U);
  EXPECT_EQ(refs[1].surface, "Quyết định 217");
  EXPECT_EQ(refs[1].span.start, 19U);  // the astral letter counts as one code point
  EXPECT_EQ(text.substr(refs[1].span.byte_start, refs[1].span.byte_end - refs[1].span.byte_start),
            refs[1].surface);
}

TEST(ReferenceForms, MalformedUtf8OutsideAsciiBlocksThrows) {
  // A UTF-16 surrogate encoded in UTF-8 after a long ASCII run (the 8-byte fast path).
  const std::string text = std::string("Chỉ thị số 26 abcdefghijklmnop ") + "\xED\xA0\x80";
  EXPECT_THROW((void)find_references(text), danvan::ParseError);
  try {
    (void)find_references(text);
  } catch (const danvan::ParseError& e) {
    EXPECT_EQ(e.offset(), 37U);
  }
}

TEST(ReferenceForms, SpacesBesideSymbolSeparators) {
  const auto refs = find_references(
      "Kế hoạch số 35/ KH-UBND ngày 10/4/2020 của UBND tỉnh; Quyết định số 217 - QĐ/TW của Bộ "
      "Chính trị; Chỉ thị số 26 /CT-TTg; Kế hoạch số 5 - 2020.");
  ASSERT_EQ(refs.size(), 4U);
  EXPECT_EQ(refs[0].symbol->canonical(), "35/KH-UBND");
  EXPECT_EQ(refs[0].issuer, "UBND tỉnh");
  EXPECT_EQ(refs[0].date, PartialDate(2020, 4, 10));
  EXPECT_EQ(refs[1].symbol->canonical(), "217-QĐ/TW");
  EXPECT_EQ(refs[2].symbol->canonical(), "26/CT-TTg");
  EXPECT_EQ(refs[3].surface, "Kế hoạch số 5");  // digits after a spaced dash: not a symbol
  EXPECT_EQ(refs[3].symbol, std::nullopt);
}

TEST(ReferenceForms, IssuerEndsBeforeVeAndBanHanhAndIsSqueezed) {
  const auto refs = find_references(
      "CHỈ THỊ SỐ 09-CT/TU NGÀY 10/3/2022 CỦA BAN THƯỜNG VỤ TỈNH ỦY\nVỀ TĂNG CƯỜNG CÔNG TÁC; "
      "Quyết định số 28/2022/QĐ-UBND của UBND tỉnh Quảng Ngãi ban hành quy chế; Chỉ thị số "
      "05-CT/TW của Bộ\nChính trị; Chương trình số 79 giữa Ban Dân vận Trung ương và Ban Cán sự "
      "đảng Chính phủ; Thông tư số 03/2014/TT-BTP của Bộ Tư pháp.");
  ASSERT_EQ(refs.size(), 5U);
  EXPECT_EQ(refs[0].issuer, "BAN THƯỜNG VỤ TỈNH ỦY");
  EXPECT_EQ(refs[1].issuer, "UBND tỉnh Quảng Ngãi");
  EXPECT_EQ(refs[2].issuer, "Bộ Chính trị");
  EXPECT_EQ(refs[2].surface, "Chỉ thị số 05-CT/TW của Bộ\nChính trị");
  EXPECT_EQ(refs[3].issuer, "Ban Dân vận Trung ương và Ban Cán sự đảng Chính phủ");
  EXPECT_EQ(refs[4].issuer, "Bộ Tư pháp");
}

TEST(ReferenceForms, VerbsAndCountsAreNotReferences) {
  for (const char* text : {
           "Quy chế này quy định 6 nội dung phối hợp.",
           "Hướng dẫn 3 bước đăng ký mô hình.",
           "Kế hoạch 5 năm 2021-2025 về phát triển kinh tế.",
           "Kế hoạch 10 năm được thông qua.",
           "Chương trình 2 lần mỗi năm.",
       }) {
    const auto refs = find_references(text);
    EXPECT_TRUE(refs.empty()) << text << ": " << refs[0].surface;
  }
  // A number with "số", or followed by its year, stays a reference.
  const auto refs =
      find_references("Kế hoạch số 5 năm 2021; Chỉ thị 26 năm 2016; quyết định số 12.");
  ASSERT_EQ(surfaces(refs), (std::vector<std::string>{"Kế hoạch số 5 năm 2021",
                                                      "Chỉ thị 26 năm 2016", "quyết định số 12"}));
  EXPECT_EQ(refs[1].year, 2016);
}

TEST(ReferenceForms, MonthDateAndOrdinanceAndLawWithSymbol) {
  const auto refs = find_references(
      "Nghị quyết số 12-NQ/HU tháng 6 năm 2021 của Ban Chấp hành Đảng bộ huyện; Pháp lệnh Thực "
      "hiện dân chủ ở xã, phường, thị trấn năm 2007; Luật Thi đua, khen thưởng số 06/2022/QH15.");
  ASSERT_EQ(refs.size(), 3U);
  EXPECT_EQ(refs[0].date, PartialDate(2021, 6));
  EXPECT_EQ(refs[0].year, 2021);
  EXPECT_EQ(refs[0].issuer, "Ban Chấp hành Đảng bộ huyện");
  EXPECT_EQ(refs[1].type, DocumentType::ordinance);
  EXPECT_EQ(refs[1].surface, "Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn năm 2007");
  EXPECT_EQ(refs[1].year, 2007);
  EXPECT_EQ(refs[2].surface, "Luật Thi đua, khen thưởng số 06/2022/QH15");
  EXPECT_EQ(refs[2].name, "Luật Thi đua, khen thưởng");
  EXPECT_EQ(refs[2].number, "06");
  EXPECT_EQ(refs[2].symbol->canonical(), "06/2022/QH15");
  EXPECT_EQ(refs[2].year, 2022);
}

// ---- Lists sharing one type word

std::vector<std::string> numbers(const std::vector<Reference>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.number.value_or("-"));
  return out;
}

TEST(ReferenceForms, NumberListGivesOneReferencePerItemWithItsOwnSpan) {
  const std::string text = "Thực hiện Chỉ thị số 23, 26 và 30 của Thủ tướng Chính phủ về kỷ cương.";
  const auto refs = find_references(text);
  ASSERT_EQ(surfaces(refs),
            (std::vector<std::string>{"Chỉ thị số 23", "26", "30 của Thủ tướng Chính phủ"}));
  for (const auto& r : refs) {
    EXPECT_EQ(r.type, DocumentType::directive);
    EXPECT_EQ(r.type_code, "CT");
    EXPECT_EQ(r.issuer, "Thủ tướng Chính phủ");
    EXPECT_EQ(text.substr(r.span.byte_start, r.span.byte_end - r.span.byte_start), r.surface);
  }
  EXPECT_EQ(numbers(refs), (std::vector<std::string>{"23", "26", "30"}));
  EXPECT_EQ(refs[1].span.start, 25U);
  EXPECT_EQ(refs[1].span.end, 27U);
}

TEST(ReferenceForms, SymbolListSharesIssuerAndTermAndDateAfterPluralWord) {
  const auto refs = find_references(
      "Căn cứ các Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa "
      "XI);");
  ASSERT_EQ(surfaces(refs),
            (std::vector<std::string>{"Quyết định số 217-QĐ/TW",
                                      "218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)"}));
  for (const auto& r : refs) {
    EXPECT_EQ(r.type, DocumentType::decision);
    EXPECT_EQ(r.issuer, "Bộ Chính trị");
    EXPECT_EQ(r.term, "XI");
    EXPECT_EQ(r.date, PartialDate(2013, 12, 12));
    EXPECT_EQ(r.year, 2013);
  }
  EXPECT_EQ(refs[0].symbol->canonical(), "217-QĐ/TW");
  EXPECT_EQ(refs[1].symbol->canonical(), "218-QĐ/TW");
}

TEST(ReferenceForms, ListDateIsSharedOnlyWhenTheTextMakesItShared) {
  // No plural word: the date belongs to the last item only.
  auto refs =
      find_references("Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị.");
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs[0].issuer, "Bộ Chính trị");
  EXPECT_EQ(refs[0].date, std::nullopt);
  EXPECT_EQ(refs[0].year, std::nullopt);
  EXPECT_EQ(refs[1].date, PartialDate(2013, 12, 12));
  // An earlier item with its own date: nothing is shared but the issuer.
  refs = find_references(
      "các Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 và 145/2020/NĐ-CP ngày 14/12/2020 của Chính "
      "phủ");
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs[0].date, PartialDate(2015, 1, 9));
  EXPECT_EQ(refs[0].issuer, "Chính phủ");
  // A symbol year that differs from the date's: not shared.
  refs = find_references(
      "các Nghị định số 04/2015/NĐ-CP, 145/2020/NĐ-CP ngày 14/12/2020 của Chính phủ");
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs[0].date, std::nullopt);
  EXPECT_EQ(refs[0].year, 2015);
  EXPECT_EQ(refs[0].issuer, "Chính phủ");
}

TEST(ReferenceForms, ListIssuerIsNotGivenToAContradictingSymbol) {
  const auto refs =
      find_references("Căn cứ các Thông tư số 01/2011/TT-BNV, 05/2021/TT-BTP của Bộ Tư pháp;");
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs[0].issuer, std::nullopt);
  EXPECT_EQ(refs[1].issuer, "Bộ Tư pháp");
  // Legal symbols with the same issuer code share it.
  const auto shared = find_references("Nghị định số 04/2015/NĐ-CP, 145/2020/NĐ-CP của Chính phủ");
  ASSERT_EQ(surfaces(shared), (std::vector<std::string>{"Nghị định số 04/2015/NĐ-CP",
                                                        "145/2020/NĐ-CP của Chính phủ"}));
  EXPECT_EQ(shared[0].issuer, "Chính phủ");
  EXPECT_EQ(shared[0].year, 2015);
  EXPECT_EQ(shared[1].year, 2020);
}

TEST(ReferenceForms, ListEndsAtCountsYearsIssuersAndOtherKinds) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"Theo Báo cáo số 12, 15 xã chưa hoàn thành.", {"Báo cáo số 12"}},
      {"Theo Báo cáo số 12, 15 trường hợp chưa xử lý.", {"Báo cáo số 12"}},
      {"Thực hiện Kế hoạch số 08, 100% cơ quan đăng ký.", {"Kế hoạch số 08"}},
      {"Hướng dẫn số 04, 3 bước thực hiện.", {"Hướng dẫn số 04"}},
      {"Chỉ thị số 26, 2021 là năm tăng tốc.", {"Chỉ thị số 26"}},
      {"Kế hoạch số 35 của UBND tỉnh, 20 cơ quan đã báo cáo.", {"Kế hoạch số 35 của UBND tỉnh"}},
      {"Kế hoạch số 35, 12/2020 là hạn chót.", {"Kế hoạch số 35"}},
      // A symbol after bare numbers, or of another type code, is not an item of the list.
      {"Nghị định số 04/2015/NĐ-CP và 26/CT-TTg", {"Nghị định số 04/2015/NĐ-CP", "26/CT-TTg"}},
      {"Chỉ thị số 23 và Chỉ thị 23 của UBND tỉnh", {"Chỉ thị số 23", "Chỉ thị 23 của UBND tỉnh"}},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(surfaces(find_references(text)), want) << text;
  const auto refs = find_references("Kế hoạch số 12 và số 15 của UBND huyện Tây Hòa");
  EXPECT_EQ(surfaces(refs),
            (std::vector<std::string>{"Kế hoạch số 12", "15 của UBND huyện Tây Hòa"}));
  EXPECT_EQ(refs[0].issuer, "UBND huyện Tây Hòa");
}

TEST(ReferenceForms, LongListIsCappedAtThirtyItems) {
  std::string text = "Chỉ thị số 1";
  for (int k = 2; k <= 40; ++k) text += ", " + std::to_string(k);
  text += " của Thủ tướng Chính phủ";
  const auto refs = find_references(text);
  ASSERT_EQ(refs.size(), 30U);
  EXPECT_EQ(refs.back().number, "30");
  EXPECT_EQ(refs.back().issuer, std::nullopt);
}

// ---- Issuers with commas, dashes and lower-case words

TEST(ReferenceForms, KnownIssuerNamesWithCommasDashesAndLowerCaseWords) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Thông tư số 08/2014/TT-BVHTTDL của Bộ Văn hóa, Thể thao và Du lịch, các xã triển khai.",
       "Bộ Văn hóa, Thể thao và Du lịch"},
      {"Kế hoạch số 5 của Bộ Lao động - Thương binh và Xã hội về giảm nghèo.",
       "Bộ Lao động - Thương binh và Xã hội"},
      {"Công văn số 245/SLĐTBXH-BTXH của Sở Lao động–Thương binh và Xã hội tỉnh Phú Yên đề nghị",
       "Sở Lao động–Thương binh và Xã hội tỉnh Phú Yên"},
      {"Chương trình số 7 của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về vận động.",
       "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"},
      {"Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy và Ủy ban nhân dân tỉnh về việc đó.",
       "Ban Thường vụ Tỉnh ủy và Ủy ban nhân dân tỉnh"},
      {"nghị quyết số 09-NQ/ĐU của Đảng ủy Khối cơ quan và doanh nghiệp tỉnh, 100% chi bộ",
       "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh"},
      {"Hướng dẫn số 05 của Sở Nông nghiệp và Phát triển nông thôn, các xã làm.",
       "Sở Nông nghiệp và Phát triển nông thôn"},
      {"Thông tư liên tịch số 03/2014/TTLT-BTP-BVHTTDL của Bộ Tư pháp và Bộ Văn hoá,Thể thao và Du "
       "lịch.",
       "Bộ Tư pháp và Bộ Văn hoá,Thể thao và Du lịch"},
      {"Kế hoạch số 20 của Sở Giáo dục và Đào tạo, Sở Y tế và Sở Tài chính phối hợp.",
       "Sở Giáo dục và Đào tạo"},
  };
  for (const auto& [text, issuer] : cases) {
    const auto refs = find_references(text);
    ASSERT_EQ(refs.size(), 1U) << text;
    EXPECT_EQ(refs[0].issuer, issuer) << text;
    EXPECT_TRUE(refs[0].surface.ends_with(issuer)) << text;
  }
  // A known name in lower case in the running text is not an issuer.
  const auto refs = find_references("Kế hoạch số 5 của Bộ về văn hóa, thể thao và du lịch.");
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].issuer, "Bộ");
}

// ---- Official letters by symbol alone

TEST(ReferenceForms, BareOfficialLetterSymbol) {
  const auto refs = find_references(
      "Công văn số 143/UBND-VP, văn bản số 1234/BNV-CQĐP, theo (143/UBND-VP) và 1520/UBND-KGVX "
      "ngày 12/6/2020.");
  ASSERT_EQ(surfaces(refs),
            (std::vector<std::string>{"Công văn số 143/UBND-VP", "văn bản số 1234/BNV-CQĐP",
                                      "143/UBND-VP", "1520/UBND-KGVX ngày 12/6/2020"}));
  for (const auto& r : refs) {
    EXPECT_EQ(r.type, DocumentType::official_letter);
    EXPECT_EQ(r.type_code, "");
    ASSERT_TRUE(r.symbol.has_value());
    EXPECT_EQ(r.symbol->type, DocumentType::official_letter);
  }
  EXPECT_EQ(refs[1].symbol->canonical(), "1234/BNV-CQĐP");
  EXPECT_EQ(refs[3].date, PartialDate(2020, 6, 12));
}

TEST(ReferenceForms, NotOfficialLetterSymbols) {
  for (const std::string text :
       {"Tháng 12/2020 có 5/7 xã đạt, tỷ lệ 3/4.", "Nhà văn hóa khối phố 5/KP3 phường 9.",
        "Tổ 12/TDP-KP3 và lô 4/A3 đã bàn giao.", "Điều 5, khoản 2; biên bản 01/BB.", "số 5/7 xã",
        "mã 12/abc-def", "12/Ubnd-Vp"}) {
    EXPECT_TRUE(find_references(text).empty()) << text;
  }
}

TEST(ReferenceForms, CapitalisedConstitutionWithoutYearIsAReference) {
  auto refs = find_references("Sống và làm việc theo Hiến pháp và pháp luật.");
  ASSERT_EQ(surfaces(refs), (std::vector<std::string>{"Hiến pháp"}));
  EXPECT_EQ(refs[0].type, DocumentType::constitution);
  EXPECT_EQ(refs[0].year, std::nullopt);  // never guessed
  EXPECT_TRUE(find_references("quyền con người theo hiến pháp").empty());
}

}  // namespace

// ---- Mis-typed symbols, the document's own number, years as dates (issue 19).

namespace {

std::string repaired(std::string_view text) {
  const auto symbol = danvan::repair_symbol(text);
  return symbol ? symbol->canonical() : "(none)";
}

}  // namespace

TEST(ReferenceRepair, RulesWhereTheIntentIsCertain) {
  EXPECT_EQ(repaired("40/2020/NĐCP"), "40/2020/NĐ-CP");  // type glued to issuer
  EXPECT_EQ(repaired("51/NQHĐND"), "51/NQ-HĐND");
  EXPECT_EQ(repaired("16/TTrUBND"), "16/TTr-UBND");
  EXPECT_EQ(repaired("45/1998/NQ-UBTVQH1O"), "45/1998/NQ-UBTVQH10");    // letter O for zero
  EXPECT_EQ(repaired("218 QĐ/TW"), "218-QĐ/TW");                        // blank for the hyphen
  EXPECT_EQ(repaired("79-Ctr/BDVTW – BCSĐCP"), "79-CTr/BDVTW-BCSĐCP");  // case, en dash
  EXPECT_EQ(repaired("79/2003/nđ-cp"), "79/2003/NĐ-CP");
  // Lower case: the letter o is read as zero before the case repair (else the canonical form
  // "79/NĐ-1OĐ-CP" would repair again to "79/NĐ-10Đ-CP"; found by repair_symbol_fuzz).
  EXPECT_EQ(repaired("79/nđ-1ođ-cp"), "79/NĐ-10Đ-CP");
  // Unicode white space is removed as the strict parser skips it, not only U+00A0 (an em space
  // after the symbol left "VBHNBTV" unrepaired, while its canonical form was then repaired:
  // found by repair_symbol_fuzz).
  EXPECT_EQ(repaired("145/1949/VBHNBTV \u2003"), "145/1949/VBHN-BTV");
  EXPECT_EQ(repaired("40/2020/NĐCP\u2009"), "40/2020/NĐ-CP");  // thin space
  EXPECT_EQ(repaired("40/2020/\u3000NĐCP"), "40/2020/NĐ-CP");  // ideographic space
  EXPECT_EQ(repaired("88/2016/TTLT/BTC-BTNMT"), "88/2016/TTLT-BTC-BTNMT");
  EXPECT_EQ(repaired("646/QĐ/QUTW"), "646-QĐ/QUTW");
  EXPECT_EQ(repaired("45/1998/NQ-\nUBTVQH10"), "45/1998/NQ-UBTVQH10");
  EXPECT_EQ(repaired("136/2001/QĐ.TTg"), "136/2001/QĐ-TTg");  // dot for the hyphen
  EXPECT_EQ(repaired("12/QĐ.UBND"), "12/QĐ-UBND");
  EXPECT_EQ(repaired("12/QĐ.Tiếp"), "(none)");  // a dot before a word is no hyphen
  // Nothing to repair, or no symbol even so.
  EXPECT_EQ(repaired("26/CT-TTg"), "26/CT-TTg");
  EXPECT_EQ(repaired("12/2020"), "(none)");
  EXPECT_EQ(repaired("CT-TTg"), "(none)");
  EXPECT_EQ(repaired(""), "(none)");
  EXPECT_EQ(repaired("5/"), "(none)");
  EXPECT_EQ(repaired("15/KHĐT-VP"), "15/KHĐT-VP");  // an office's code is not split
  EXPECT_EQ(repaired(std::string(300, '1')), "(none)");
  EXPECT_EQ(danvan::repair_symbol("218 QĐ/TW")->surface, "218 QĐ/TW");
  EXPECT_THROW((void)danvan::repair_symbol("12/\xC3"), danvan::ParseError);
}

TEST(ReferenceRepair, FinderKeepsTheSurfaceAndFlagsTheRepair) {
  const auto refs = find_references(
      "Theo Nghị định số 40/2020/NĐCP của Chính phủ, Quyết định 218 QĐ/TW và Luật số "
      "32/2009/QH12Luật Di sản văn hóa; Chỉ thị số 26/CT-TTg.");
  ASSERT_EQ(surfaces(refs),
            (std::vector<std::string>{"Nghị định số 40/2020/NĐCP của Chính phủ",
                                      "Quyết định 218 QĐ/TW", "Luật số 32/2009/QH12",
                                      "Luật Di sản văn hóa", "Chỉ thị số 26/CT-TTg"}));
  EXPECT_EQ(refs[0].symbol->canonical(), "40/2020/NĐ-CP");
  EXPECT_EQ(refs[0].symbol->surface, "40/2020/NĐCP");
  EXPECT_TRUE(refs[0].repaired);
  EXPECT_EQ(refs[1].symbol->canonical(), "218-QĐ/TW");
  EXPECT_TRUE(refs[1].repaired);
  EXPECT_EQ(refs[2].symbol->canonical(), "32/2009/QH12");
  EXPECT_FALSE(refs[2].repaired);
  EXPECT_FALSE(refs[4].repaired);
}

// A dot typed for the hyphen (a Nghệ An decision of 2006 writes "136/2001/QĐ.TTg"); a dot
// after a whole symbol still ends it.
TEST(ReferenceRepair, DotForTheHyphenAfterTheTypeCode) {
  const auto refs = find_references(
      "Căn cứ Quyết định số 136/2001/QĐ.TTg ngày 17/9/2001 của Thủ tướng Chính phủ; "
      "Quyết định số 94/2006/QĐ-TTg.Tiếp theo Quyết định số 12/QĐ.Ngày 5.");
  ASSERT_GE(refs.size(), 2U);
  EXPECT_EQ(refs[0].symbol->canonical(), "136/2001/QĐ-TTg");
  EXPECT_EQ(refs[0].symbol->surface, "136/2001/QĐ.TTg");
  EXPECT_TRUE(refs[0].repaired);
  EXPECT_EQ(refs[0].date, PartialDate(2001, 9, 17));
  EXPECT_EQ(refs[1].symbol->canonical(), "94/2006/QĐ-TTg");
  EXPECT_FALSE(refs[1].repaired);
  for (const auto& r : refs) EXPECT_EQ(r.surface.find(".Tiếp"), std::string::npos) << r.surface;
}

TEST(ReferenceForms, OwnNumberInTheHeaderIsSelf) {
  const auto refs = find_references(
      "| ỦY BAN NHÂN DÂN | CỘNG HÒA |\n| Số:\n19/KH-UBND | Phú Yên, ngày 5 tháng 3 năm 2020 |\n"
      "Số hiệu: 04/2015/NĐ-CP\nLuật số: 22/2008/QH12\n"
      "Thực hiện Kế hoạch số 35/KH-UBND, xem số 12/KH-UBND.");
  ASSERT_EQ(surfaces(refs), (std::vector<std::string>{"Số:\n19/KH-UBND", "Số hiệu: 04/2015/NĐ-CP",
                                                      "Luật số: 22/2008/QH12",
                                                      "Kế hoạch số 35/KH-UBND", "12/KH-UBND"}));
  EXPECT_TRUE(refs[0].is_self && refs[1].is_self && refs[2].is_self);
  EXPECT_FALSE(refs[3].is_self || refs[4].is_self);
}

TEST(ReferenceForms, YearOfALawIsAYearPrecisionDate) {
  const auto refs = find_references("Luật Khiếu nại năm 2011 và Chỉ thị số 26/CT-TTg năm 2016.");
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs[0].date, PartialDate(2011));
  EXPECT_EQ(refs[0].year, 2011);
  EXPECT_EQ(refs[1].date, PartialDate(2016));
}

// The JSON of `danvan refs --json`: the symbol as written, the repair and the self flag.
TEST(ReferenceForms, JsonKeepsSymbolSurfaceRepairedAndSelf) {
  const auto refs = find_references("Số: 19/KH-UBND\nThực hiện Nghị định số 40/2020/NĐCP.");
  ASSERT_EQ(refs.size(), 2U);
  const danvan::Json self = refs[0];
  EXPECT_EQ(self["is_self"], true);
  EXPECT_EQ(self["repaired"], false);
  EXPECT_EQ(self["symbol_surface"], "19/KH-UBND");
  const danvan::Json cited = refs[1];
  EXPECT_EQ(cited["is_self"], false);
  EXPECT_EQ(cited["repaired"], true);
  EXPECT_EQ(cited["symbol"], "40/2020/NĐ-CP");
  EXPECT_EQ(cited["symbol_surface"], "40/2020/NĐCP");
  const auto back = cited.get<Reference>();
  EXPECT_EQ(back, refs[1]);
  EXPECT_TRUE(back.repaired);
  EXPECT_EQ(back.symbol->surface, "40/2020/NĐCP");
  // Written before these keys existed: both flags false, the surface the canonical text.
  danvan::Json old = cited;
  old.erase("repaired");
  old.erase("is_self");
  old.erase("symbol_surface");
  const auto read = old.get<Reference>();
  EXPECT_FALSE(read.repaired || read.is_self);
  EXPECT_EQ(read.symbol->surface, "40/2020/NĐ-CP");
}

TEST(ReferenceForms, JsonFlagsWithoutASymbolOrOfTheWrongTypeAreProblems) {
  danvan::Json j = find_references("Luật Khiếu nại năm 2011")[0];
  ASSERT_TRUE(j["symbol"].is_null());
  j["repaired"] = true;
  j["symbol_surface"] = "11/2011/QH13";
  j["is_self"] = "yes";
  try {
    (void)j.get<Reference>();
    FAIL() << "accepted flags without a symbol";
  } catch (const danvan::JsonDocumentError& e) {
    EXPECT_EQ(e.problems(), (std::vector<danvan::JsonProblem>{
                                {"/is_self", "expected a boolean, got a string"},
                                {"/symbol_surface", "symbol_surface is given but symbol is null"},
                                {"/repaired", "repaired is true but symbol is null"}}));
  }
}

// Law titles in lower case (issue 19): "Luật tổ chức Quốc hội", "Luật cán bộ, công chức"; a
// lower-case "luật" only with a year, a number or a date after its title.
TEST(ReferenceForms, LawTitlesInLowerCase) {
  const auto refs = find_references(
      "Theo quy định của Luật tổ chức Quốc hội, Luật kiểm toán nhà nước và các quy định khác; "
      "Luật cán bộ, công chức; Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn; thực hiện "
      "luật đất đai 2024 và bộ luật lao động năm 2019.");
  ASSERT_EQ(surfaces(refs),
            (std::vector<std::string>{"Luật tổ chức Quốc hội", "Luật kiểm toán nhà nước",
                                      "Luật cán bộ, công chức",
                                      "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn",
                                      "luật đất đai 2024", "bộ luật lao động năm 2019"}));
  EXPECT_EQ(refs[0].type, DocumentType::law);
  EXPECT_EQ(refs[0].name, "Luật tổ chức Quốc hội");
  EXPECT_EQ(refs[3].type, DocumentType::ordinance);
  EXPECT_EQ(refs[4].name, "luật đất đai");
  EXPECT_EQ(refs[4].date, PartialDate(2024));
  EXPECT_EQ(refs[5].type, DocumentType::code_of_law);
  EXPECT_EQ(refs[5].name, "bộ luật lao động");
  EXPECT_EQ(refs[5].year, 2019);
}

TEST(ReferenceForms, LowerCaseLawWordsThatCiteNoLaw) {
  for (const char* text : {
           "Tuyên truyền pháp luật đất đai 2024 cho người dân.",    // law in general
           "thực hiện theo luật đất đai và các văn bản hướng dẫn",  // no year, number or date
           "Luật sư Nguyễn Văn An; Luật pháp nghiêm minh; theo luật định.",
           "Luật này quy định về tổ chức.",
       }) {
    EXPECT_EQ(surfaces(find_references(text)), std::vector<std::string>{}) << text;
  }
}

TEST(ReferenceForms, IssuerGoesOnThroughBanCanSuDang) {
  const auto refs = find_references(
      "Chương trình số 79-CTr/BDVTW-BCSĐCP của Ban Dân vận Trung ương và Ban cán sự đảng Chính "
      "phủ; Quyết định số 5 của UBND tỉnh cán bộ xã.");
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs[0].issuer, "Ban Dân vận Trung ương và Ban cán sự đảng Chính phủ");
  EXPECT_EQ(refs[1].issuer, "UBND tỉnh");
}

TEST(ReferenceForms, QualifierBetweenTheTypeWordAndSo) {
  const auto refs = find_references(
      "Theo Báo cáo thẩm định số 123/BC-STP ngày 05/3/2024 của Sở Tư pháp và Báo cáo tiếp thu, "
      "giải trình số 45/BC-UBND; Kế hoạch hành động số 7/KH-UBND.");
  ASSERT_EQ(surfaces(refs),
            (std::vector<std::string>{
                "Báo cáo thẩm định số 123/BC-STP ngày 05/3/2024 của Sở Tư pháp",
                "Báo cáo tiếp thu, giải trình số 45/BC-UBND", "Kế hoạch hành động số 7/KH-UBND"}));
  EXPECT_EQ(refs[0].type, DocumentType::report);
  EXPECT_EQ(refs[0].symbol->canonical(), "123/BC-STP");
  EXPECT_EQ(refs[0].date, PartialDate(2024, 3, 5));
  EXPECT_EQ(refs[2].type, DocumentType::plan);
}

TEST(ReferenceForms, NoQualifierWithoutSoOrAcrossAStopWord) {
  const auto refs = find_references(
      "Báo cáo kết quả 12 xã; Kế hoạch của xã số 5 hộ; Quyết định về việc số 7 người.");
  EXPECT_EQ(surfaces(refs), std::vector<std::string>{});
}

TEST(ReferenceForms, AmpersandJoinsTwoCodesInAnIssuerUnit) {
  const auto refs =
      find_references("Công văn số 2231/SNV-CCHC&PC ngày 5/5/2023 của Sở Nội vụ; mục A&B.");
  ASSERT_EQ(refs.size(), 1U);
  EXPECT_EQ(refs[0].surface, "Công văn số 2231/SNV-CCHC&PC ngày 5/5/2023 của Sở Nội vụ");
  EXPECT_EQ(refs[0].symbol->canonical(), "2231/SNV-CCHC&PC");
  EXPECT_FALSE(refs[0].repaired);
  EXPECT_EQ(danvan::parse_symbol("12/UBND-KT&HT").canonical(), "12/UBND-KT&HT");
  EXPECT_THROW((void)danvan::parse_symbol("26/C&T-TTg"), danvan::ParseError);
}

TEST(ReferenceForms, ColonAfterThePluralTypeWord) {
  const auto refs = find_references("Căn cứ các Nghị định: số 10/2020/NĐ-CP, số 11/2020/NĐ-CP.");
  // A later item's span starts at its number (see find_references).
  ASSERT_EQ(surfaces(refs),
            (std::vector<std::string>{"Nghị định: số 10/2020/NĐ-CP", "11/2020/NĐ-CP"}));
  EXPECT_EQ(refs[1].type, DocumentType::decree);
  EXPECT_EQ(surfaces(find_references("Quyết định: 217 người")), std::vector<std::string>{});
}

// Names of laws, codes and ordinances up to their real end (issue 19).
TEST(ReferenceForms, AmendingLawIsOneReferenceNamedByTheLawsItAmends) {
  const auto refs = find_references(
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức\n"
      "chính quyền địa phương ngày 22 tháng 11 năm 2019; Luật Sửa đổi, bổ sung một số điều của "
      "Luật Ban hành văn bản quy phạm pháp luật số 63/2020/QH14;");
  ASSERT_EQ(refs.size(), 2U);
  EXPECT_EQ(refs[0].surface,
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức\n"
            "chính quyền địa phương ngày 22 tháng 11 năm 2019");
  EXPECT_EQ(refs[0].name,
            "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức "
            "chính quyền địa phương");
  EXPECT_EQ(refs[0].type, DocumentType::law);
  EXPECT_EQ(refs[0].date, PartialDate(2019, 11, 22));
  EXPECT_EQ(refs[1].name,
            "Luật Sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật");
  ASSERT_TRUE(refs[1].symbol.has_value());
  EXPECT_EQ(refs[1].symbol->canonical(), "63/2020/QH14");
  // "của" left out after "điều"; the amended law's title ends as a title does (more than three
  // words after a comma without a year or number are the sentence going on).
  const auto glued = find_references(
      "Luật sửa đổi, bổ sung một số điều Luật Thi đua, khen thưởng ngày 14/6/2005; theo Luật "
      "sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng, lực lượng dân quân tự vệ");
  ASSERT_EQ(glued.size(), 2U);
  EXPECT_EQ(glued[0].name, "Luật sửa đổi, bổ sung một số điều Luật Thi đua, khen thưởng");
  EXPECT_EQ(glued[0].date, PartialDate(2005, 6, 14));
  EXPECT_EQ(glued[1].surface, "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng");
  // Without the amended law's name it is no amending law: the words stay a sentence.
  EXPECT_EQ(surfaces(find_references("Luật sửa đổi, bổ sung năm nay.")),
            std::vector<std::string>{});
}

TEST(ReferenceForms, AmendedLawTitleRunsThroughLowerCaseWordsToTheClauseEnd) {
  const auto refs = find_references(
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đo lường và\nquy chuẩn kỹ thuật; Luật "
      "sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật (sau đây gọi là "
      "Luật); Luật sửa đổi, bổ sung một số điều của Luật Đất đai và các văn bản hướng dẫn.");
  ASSERT_EQ(refs.size(), 3U);
  EXPECT_EQ(refs[0].name,
            "Luật sửa đổi, bổ sung một số điều của Luật Đo lường và quy chuẩn kỹ thuật");
  EXPECT_EQ(refs[1].name,
            "Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn và quy chuẩn kỹ thuật");
  // "và các văn bản hướng dẫn" is the sentence going on, not the amended law's title.
  EXPECT_EQ(refs[2].name, "Luật sửa đổi, bổ sung một số điều của Luật Đất đai");
  // Up to the law's date when one follows.
  const auto dated = find_references(
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đo lường và quy chuẩn kỹ thuật ngày "
      "18/6/2025;");
  ASSERT_EQ(dated.size(), 1U);
  EXPECT_EQ(dated[0].name,
            "Luật sửa đổi, bổ sung một số điều của Luật Đo lường và quy chuẩn kỹ thuật");
  EXPECT_EQ(dated[0].date, PartialDate(2025, 6, 18));
}

TEST(ReferenceForms, LawTitleRunsToItsNumberYearOrDate) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Căn cứ Luật Khoa học,\ncông nghệ và đổi mới sáng tạo số 93/2025/QH15;",
       "Luật Khoa học, công nghệ và đổi mới sáng tạo"},
      {"Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14;",
       "Pháp lệnh Ưu đãi người có công với cách mạng"},
      {"Luật Khiếu nại, tố cáo năm 1998 đã hết hiệu lực.", "Luật Khiếu nại, tố cáo"},
      {"Theo Luật Thi đua, Khen thưởng số 06/2022/QH15.", "Luật Thi đua, Khen thưởng"},
      {"Thực hiện Luật Thi đua, Khen thưởng.", "Luật Thi đua, Khen thưởng"},
      {"Luật Mặt trận Tổ quốc Việt Nam năm 2015", "Luật Mặt trận Tổ quốc Việt Nam"},
      {"Bộ luật Hàng hải Việt Nam số 95/2015/QH13", "Bộ luật Hàng hải Việt Nam"},
      {"Luật Phổ biến, giáo dục pháp\nluật số 14/2012/QH13 của Quốc hội",
       "Luật Phổ biến, giáo dục pháp luật"},
      {"Luật di sản văn hóa sửa đổi 2009 số 32/2009/QH12", "Luật di sản văn hóa sửa đổi"},
      {"Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013",
       "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam"},
  };
  for (const auto& [text, name] : cases) {
    const auto refs = find_references(text);
    ASSERT_EQ(refs.size(), 1U) << text;
    EXPECT_EQ(refs[0].name, name) << text;
  }
  const auto refs = find_references("Luật di sản văn hóa sửa đổi 2009 số 32/2009/QH12");
  EXPECT_EQ(refs[0].surface, "Luật di sản văn hóa sửa đổi 2009 số 32/2009/QH12");
  EXPECT_EQ(refs[0].year, 2009);
  EXPECT_EQ(refs[0].symbol->canonical(), "32/2009/QH12");
}

TEST(ReferenceForms, LawTitleStopsAtTheSentencesOwnWords) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Luật Đất đai có hiệu lực từ ngày 01/8/2024.", "Luật Đất đai"},
      {"Luật Đất đai được Quốc hội thông qua năm 2013.", "Luật Đất đai"},
      {"Luật Đất đai trong năm 2025 sẽ sửa.", "Luật Đất đai"},
      {"Luật Bảo hiểm xã hội nhưng người sử dụng lao động năm 2024", "Luật Bảo hiểm xã hội"},
      {"Theo Luật Đất đai, Chính phủ ban hành nghị định năm 2024.", "Luật Đất đai"},
  };
  for (const auto& [text, name] : cases) {
    const auto refs = find_references(text);
    ASSERT_EQ(refs.size(), 1U) << text;
    EXPECT_EQ(refs[0].name, name) << text;
    EXPECT_EQ(refs[0].surface, name) << text;
  }
}

TEST(ReferenceForms, NoLawFromHeadingsTableValuesOrPlenumsInGeneral) {
  EXPECT_EQ(surfaces(find_references("Hà Nội, ngày 23 tháng 7 năm 2013\nLUẬT DI SẢN VĂN HÓA\n")),
            std::vector<std::string>{});
  EXPECT_EQ(surfaces(find_references("Loại văn bản: Pháp lệnh\nNơi ban hành: Quốc hội")),
            std::vector<std::string>{});
  EXPECT_EQ(surfaces(find_references("thực hiện các Nghị quyết Trung ương 7 khóa IX.")),
            std::vector<std::string>{});
  EXPECT_EQ(surfaces(find_references("LUẬT DI SẢN VĂN HÓA NĂM 2001")),
            std::vector<std::string>{"LUẬT DI SẢN VĂN HÓA NĂM 2001"});
}
