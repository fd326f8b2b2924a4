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

}  // namespace
