// The importer on the openings of plans as web pages print them, each text written for its test
// (invented province "Mẫu Sơn"; modelled on the forms legal-document sites use, no page copied):
// the site's chrome above the header (menus, loading notices, the page's own summary table,
// lists of related documents), headers broken cell by cell with lone pipes, rows that lost their
// leading pipe, a header run together on one line, the type word lost, the province line lost,
// a decision's authority line under its title, and texts cut short inside the header.
#include "danvan/import_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using danvan::DocumentType;
using danvan::import_plan_text;
using danvan::ImportResult;
using danvan::PartialDate;
using danvan::Plan;

std::string issuer_of(const Plan& p) {
  const auto* is = p.catalogue.find_issuer(p.issuer_id);
  return is == nullptr ? std::string() : is->name;
}

std::string symbol_of(const Plan& p) { return p.symbol ? p.symbol->canonical() : std::string(); }

std::vector<std::string> bases(const Plan& p) {
  std::vector<std::string> out;
  for (const auto& c : p.legal_bases) {
    const auto& in = p.catalogue.instrument(c.instrument_id);
    out.push_back(in.symbol ? in.symbol->canonical() : c.cited_as);
  }
  return out;
}

bool noted(const ImportResult& r, const std::string& note) {
  return std::find(r.undetermined.begin(), r.undetermined.end(), note) != r.undetermined.end();
}

TEST(ImportWeb, ChromeAndASummaryTableAboveAHeaderBrokenCellByCell) {
  const ImportResult r = import_plan_text(
      "Hệ thống văn bản\nĐang tải nội dung, vui lòng chờ giây lát...\n\n"
      "Kế hoạch 27/KH-UBND năm 2024 về tăng cường công tác dân vận chính quyền\n"
      "Số hiệu: 72/KH-UBND Loại văn bản: Kế hoạch\nNơi ban hành: Tỉnh Mẫu Sơn Người ký: Trần Thử\n"
      "Ngày ban hành: 09/02/2024 Ngày hiệu lực: Đã biết\n"
      "- 1 Quyết định 1002/QĐ-TTg năm 2019 về quản lý thiên tai\n\n"
      "ỦY\nBAN NHÂN DÂN\nTỈNH MẪU SƠN\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Độc lập – Tự do – Hạnh phúc\n---------------\n|\nSố: 27/KH-UBND\n|\nMẫu\n"
      "Sơn, ngày 09 tháng 02 năm 2024\n|\nKẾ HOẠCH\n"
      "TĂNG CƯỜNG CÔNG TÁC DÂN VẬN CHÍNH QUYỀN TRÊN ĐỊA BÀN TỈNH\nNĂM 2024\n"
      "Căn cứ Chỉ thị số 49-CT/TW ngày 20/10/2015 của Ban Bí thư về tăng cường\n"
      "và đổi mới công tác dân vận;\n"
      "Thực hiện Kế hoạch số 15-KH/TU ngày 05/01/2024 của Ban Thường vụ Tỉnh ủy,\n"
      "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích\n"
      "- Nâng cao nhận thức của cán bộ");
  const Plan& p = r.plan;
  EXPECT_EQ(p.document_type, DocumentType::plan);
  EXPECT_EQ(p.title, "TĂNG CƯỜNG CÔNG TÁC DÂN VẬN CHÍNH QUYỀN TRÊN ĐỊA BÀN TỈNH NĂM 2024");
  EXPECT_EQ(symbol_of(p), "27/KH-UBND");  // not the summary's "Số hiệu"
  EXPECT_EQ(p.place, "Mẫu Sơn");
  EXPECT_EQ(p.issue_date, PartialDate(2024, 2, 9));
  EXPECT_EQ(issuer_of(p), "Ủy ban nhân dân tỉnh Mẫu Sơn");
  EXPECT_EQ(p.issuer_header, (std::vector<std::string>{"ỦY BAN NHÂN DÂN", "TỈNH MẪU SƠN"}));
  ASSERT_TRUE(p.period.has_value());
  EXPECT_EQ(p.period->from, PartialDate(2024));
  // The related-documents list of the page is not the plan's preamble.
  EXPECT_EQ(bases(p), (std::vector<std::string>{"49-CT/TW", "15-KH/TU"}));
}

TEST(ImportWeb, RowsWithoutLeadingPipesAndNoTypeWord) {
  // The type word's cell lost: the number's type code gives the type; the province line lost:
  // the text's own "tỉnh Mẫu Sơn" after "UBND tỉnh ban hành" completes the issuer.
  const ImportResult r = import_plan_text(
      "Để xem toàn văn, vui lòng ĐĂNG NHẬP để tiếp tục.\n"
      "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
      "Số: 88/KH-UBND | Mẫu Sơn, ngày 15 tháng 3 năm 2023 |\n"
      "TRIỂN KHAI CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NĂM 2023\n"
      "Thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ, UBND tỉnh ban "
      "hành Kế hoạch triển khai trên địa bàn tỉnh Mẫu Sơn như sau:\n1. Mục đích\na) Xác định");
  const Plan& p = r.plan;
  EXPECT_EQ(p.document_type, DocumentType::plan);
  EXPECT_EQ(p.title, "TRIỂN KHAI CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ NĂM 2023");
  EXPECT_EQ(symbol_of(p), "88/KH-UBND");
  EXPECT_EQ(p.place, "Mẫu Sơn");
  EXPECT_EQ(p.issue_date, PartialDate(2023, 3, 15));
  EXPECT_EQ(issuer_of(p), "Ủy ban nhân dân tỉnh Mẫu Sơn");
  EXPECT_EQ(bases(p), (std::vector<std::string>{"749/QĐ-TTg"}));
  EXPECT_TRUE(
      noted(r, "document_type: the header has no type word; \"KH\" in its number gives it"));
  EXPECT_TRUE(noted(r,
                    "issuer: the header names \"Ủy ban nhân dân\" without its place; \"tỉnh Mẫu "
                    "Sơn\" in the text completes it"));
}

TEST(ImportWeb, NoTitleNoPlaceNamedAndTheNoteSaysSo) {
  const ImportResult r = import_plan_text(
      "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
      "Số: 402/KH-UBND | Mẫu Sơn, ngày 20 tháng 8 năm 2021 |\n"
      "Căn cứ Quyết định số 2151/QĐ-TTg ngày 11/12/2020 của Thủ tướng Chính phủ;\n"
      "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai giai đoạn 2021 - 2025 như sau:\n"
      "1. Mục tiêu\n- Nâng cao");
  const Plan& p = r.plan;
  EXPECT_EQ(p.title, "");
  EXPECT_EQ(symbol_of(p), "402/KH-UBND");
  EXPECT_EQ(issuer_of(p), "Ủy ban nhân dân");  // nothing guessed
  ASSERT_TRUE(p.period.has_value());
  EXPECT_EQ(p.period->from, PartialDate(2021));
  EXPECT_EQ(p.period->to, PartialDate(2025));
  EXPECT_EQ(bases(p), (std::vector<std::string>{"2151/QĐ-TTg"}));
  EXPECT_TRUE(noted(r, "title: no title under the header"));
  EXPECT_TRUE(noted(r, "issuer: the header names \"Ủy ban nhân dân\" without its place"));
}

TEST(ImportWeb, AHeaderRunTogetherOnOneLine) {
  const ImportResult r = import_plan_text(
      "Trang chủ > Văn bản chỉ đạo điều hành\nChia sẻ Facebook In trang\nThứ ba, 12/03/2024 "
      "08:15\nKế hoạch thực hiện phong trào thi đua năm 2024\n"
      "ỦY BAN NHÂN DÂN TỈNH MẪU SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
      "phúc Số: 31/KH-UBND Mẫu Sơn, ngày 11 tháng 3 năm 2024 KẾ HOẠCH Thực hiện phong trào thi "
      "đua \"Dân vận khéo\" năm 2024 Căn cứ Luật Thi đua, khen thưởng năm 2022; Căn cứ Nghị định "
      "số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ; Ủy ban nhân dân tỉnh ban hành Kế hoạch "
      "như sau: I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích: Động viên cán bộ");
  const Plan& p = r.plan;
  EXPECT_EQ(p.title, "Thực hiện phong trào thi đua \"Dân vận khéo\" năm 2024");
  EXPECT_EQ(symbol_of(p), "31/KH-UBND");
  EXPECT_EQ(p.place, "Mẫu Sơn");
  EXPECT_EQ(p.issue_date, PartialDate(2024, 3, 11));
  EXPECT_EQ(issuer_of(p), "Ủy ban nhân dân tỉnh Mẫu Sơn");
  EXPECT_EQ(bases(p),
            (std::vector<std::string>{"Luật Thi đua, khen thưởng năm 2022", "98/2023/NĐ-CP"}));
}

TEST(ImportWeb, ADecisionsAuthorityLineIsNotItsTitle) {
  const ImportResult r = import_plan_text(
      "- 1 Luật Tổ chức chính quyền địa phương 2015\n"
      "- 2 Quyết định 1002/QĐ-TTg năm 2019 về quản lý thiên tai\n"
      "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
      "TỈNH MẪU SƠN | Độc lập - Tự do - Hạnh phúc |\n"
      "Số: 640/QĐ-UBND | Mẫu Sơn, ngày 02 tháng 6 năm 2022 |\nQUYẾT ĐỊNH\n"
      "PHÊ DUYỆT KẾ HOẠCH PHÒNG, CHỐNG THIÊN TAI CỦA\nỦY BAN NHÂN DÂN TỈNH MẪU SƠN\n"
      "GIAI ĐOẠN 2022 - 2025\nỦY BAN NHÂN DÂN TỈNH MẪU SƠN\n"
      "Căn cứ Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 của Chính phủ;\n"
      "Xét đề nghị của Sở Nông nghiệp tại Tờ trình số 45/TTr-SNN ngày 20/5/2022,\nQUYẾT ĐỊNH:\n"
      "Điều 1. Phê duyệt kèm theo");
  const Plan& p = r.plan;
  EXPECT_EQ(p.document_type, DocumentType::decision);
  // (An authority-like line after "CỦA" continues the title.)
  EXPECT_EQ(p.title,
            "PHÊ DUYỆT KẾ HOẠCH PHÒNG, CHỐNG THIÊN TAI CỦA ỦY BAN NHÂN DÂN TỈNH MẪU SƠN GIAI "
            "ĐOẠN 2022 - 2025");
  EXPECT_EQ(p.place, "Mẫu Sơn");
  EXPECT_EQ(p.issue_date, PartialDate(2022, 6, 2));
  EXPECT_EQ(issuer_of(p), "Ủy ban nhân dân tỉnh Mẫu Sơn");
  EXPECT_EQ(bases(p), (std::vector<std::string>{"66/2021/NĐ-CP", "45/TTr-SNN"}));
}

TEST(ImportWeb, ALostFirstLetterANumberOnItsOwnLineAndAPlaceBrokenInTwo) {
  const Plan p = import_plan_text(
                     "Y BAN NHÂN DÂN\nTỈNH MẪU SƠN\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT "
                     "NAM\nĐộc lập – Tự do – Hạnh phúc\n|\nSố:\n51/QĐ-UBND\n|\nMỹ\nLâm, ngày 24 "
                     "tháng 12 năm 2021\n|\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH THÔNG TIN DÂN SỐ\n"
                     "GIAI ĐOẠN 2022 - 2025\nỦY BAN NHÂN DÂN TỈNH MẪU SƠN\n"
                     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n")
                     .plan;
  EXPECT_EQ(p.title, "BAN HÀNH KẾ HOẠCH THÔNG TIN DÂN SỐ GIAI ĐOẠN 2022 - 2025");
  EXPECT_EQ(symbol_of(p), "51/QĐ-UBND");
  EXPECT_EQ(p.place, "Mỹ Lâm");
  EXPECT_EQ(p.issue_date, PartialDate(2021, 12, 24));
  EXPECT_EQ(issuer_of(p), "Ủy ban nhân dân tỉnh Mẫu Sơn");
  EXPECT_EQ(p.issuer_header, (std::vector<std::string>{"Y BAN NHÂN DÂN", "TỈNH MẪU SƠN"}));
}

TEST(ImportWeb, TextsCutShortInsideTheHeader) {
  // Cut in the date: what the header states is read, the rest reported.
  const ImportResult cut = import_plan_text(
      "Trang chủ\nỦY BAN NHÂN DÂN TỈNH MẪU SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự "
      "do - Hạnh phúc Số: 12/KH-UBND Mẫu Sơn, ngày 05 tháng");
  EXPECT_EQ(symbol_of(cut.plan), "12/KH-UBND");
  EXPECT_EQ(issuer_of(cut.plan), "Ủy ban nhân dân tỉnh Mẫu Sơn");
  EXPECT_FALSE(cut.plan.issue_date.has_value());
  EXPECT_EQ(cut.plan.title, "");
  EXPECT_TRUE(noted(cut, "issue_date: \"ngày 05 tháng\" in the header is not a full date"));
  EXPECT_TRUE(noted(cut, "title: the text ends with the header"));
  // Cut in the number: no type code, no document read as one; nothing invented.
  const ImportResult number = import_plan_text(
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-");
  EXPECT_FALSE(number.plan.symbol.has_value());
  EXPECT_FALSE(number.plan.issue_date.has_value());
  // Pipes and the motto alone.
  const ImportResult bare = import_plan_text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n|\n|");
  EXPECT_FALSE(bare.plan.symbol.has_value());
  EXPECT_EQ(bare.plan.title, "");
}

TEST(ImportWeb, AMottoBelowThePreambleIsNotAHeader) {
  // A document that opens with its preamble keeps everything above a later motto (an annex's
  // own header): nothing is dropped as chrome.
  const Plan p = import_plan_text(
                     "ỦY BAN NHÂN DÂN\nTỈNH MẪU SƠN\nSố: 5/KH-UBND\nMẫu Sơn, ngày 01 tháng 02 năm "
                     "2026\n\nKẾ HOẠCH\nTHỬ NGHIỆM NĂM 2026\n\n"
                     "Căn cứ Chỉ thị số 49-CT/TW ngày 20/10/2015 của Ban Bí thư;\n\n"
                     "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n\n"
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nPHỤ LỤC\n")
                     .plan;
  EXPECT_EQ(p.title, "THỬ NGHIỆM NĂM 2026");
  EXPECT_EQ(symbol_of(p), "5/KH-UBND");
  EXPECT_EQ(bases(p), (std::vector<std::string>{"49-CT/TW"}));
  EXPECT_EQ(p.task_areas.size(), 1U);
}

TEST(ImportWeb, APartyHeaderWithItsStarUnderAPagesCounters) {
  const ImportResult r = import_plan_text(
      "Trang thông tin điện tử Đảng bộ\nThứ hai, 05/02/2024 - 10:20\nLượt xem: 1250\n"
      "HUYỆN ỦY MẪU SƠN\n*\nSố 27-KH/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
      "Mẫu Sơn, ngày 15 tháng 01 năm 2024\nKẾ HOẠCH\n"
      "thực hiện phong trào thi đua \"Dân vận khéo\" giai đoạn 2024 - 2026\n-----\n"
      "Thực hiện Kế hoạch số 120-KH/TU ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ "
      "Huyện ủy xây dựng kế hoạch thực hiện như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n");
  const Plan& p = r.plan;
  EXPECT_EQ(p.title, "thực hiện phong trào thi đua \"Dân vận khéo\" giai đoạn 2024 - 2026");
  EXPECT_EQ(symbol_of(p), "27-KH/HU");
  EXPECT_EQ(p.issue_date, PartialDate(2024, 1, 15));
  EXPECT_EQ(p.issuer_header, (std::vector<std::string>{"HUYỆN ỦY MẪU SƠN"}));
  EXPECT_EQ(issuer_of(p), "Huyện ủy Mẫu Sơn");
  EXPECT_EQ(bases(p), (std::vector<std::string>{"120-KH/TU"}));
}

TEST(ImportWeb, AOneLineHeaderWithATitleInCapitals) {
  const Plan p =
      import_plan_text(
          "ỦY BAN NHÂN DÂN TỈNH MẪU SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
          "Hạnh phúc Số: 9/KH-UBND Mẫu Sơn, ngày 02 tháng 01 năm 2025 KẾ HOẠCH TRIỂN KHAI CÔNG "
          "TÁC DÂN VẬN NĂM 2025 Căn cứ Chỉ thị số 49-CT/TW ngày 20/10/2015 của Ban Bí thư; "
          "Thực hiện Kế hoạch số 3-KH/TU ngày 01/01/2025 của Tỉnh ủy, Ủy ban nhân dân tỉnh ban "
          "hành Kế hoạch như sau:")
          .plan;
  EXPECT_EQ(p.title, "TRIỂN KHAI CÔNG TÁC DÂN VẬN NĂM 2025");
  EXPECT_EQ(symbol_of(p), "9/KH-UBND");
  EXPECT_EQ(p.issue_date, PartialDate(2025, 1, 2));
  EXPECT_EQ(bases(p), (std::vector<std::string>{"49-CT/TW", "3-KH/TU"}));
}

TEST(ImportWeb, APageTitleInCapitalsAboveTheHeaderIsNotTheTypeLine) {
  const Plan p = import_plan_text(
                     "KẾ HOẠCH SỐ 27/KH-UBND VỀ CÔNG TÁC DÂN VẬN NĂM 2024\n"
                     "ỦY BAN NHÂN DÂN\nTỈNH MẪU SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Số: 27/KH-UBND\nMẫu Sơn, ngày 09 tháng 02 năm 2024\nKẾ HOẠCH\n"
                     "CÔNG TÁC DÂN VẬN NĂM 2024\n"
                     "Căn cứ Chỉ thị số 49-CT/TW ngày 20/10/2015 của Ban Bí thư;\n")
                     .plan;
  EXPECT_EQ(p.title, "CÔNG TÁC DÂN VẬN NĂM 2024");
  EXPECT_EQ(p.issuer_header, (std::vector<std::string>{"ỦY BAN NHÂN DÂN", "TỈNH MẪU SƠN"}));
  EXPECT_EQ(issuer_of(p), "Ủy ban nhân dân tỉnh Mẫu Sơn");
}

TEST(ImportWeb, AnIssuerCompletedFromTheAnnouncementThatNamesIt) {
  const ImportResult r = import_plan_text(
      "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
      "Số: 15/KH-UBND | Mỹ Lâm, ngày 20 tháng 8 năm 2021 |\n"
      "Căn cứ Quyết định số 2151/QĐ-TTg ngày 11/12/2020 của Thủ tướng Chính phủ;\n"
      "Ủy ban nhân dân tỉnh Mẫu Sơn ban hành Kế hoạch như sau:\n1. Mục tiêu\n");
  EXPECT_EQ(issuer_of(r.plan), "Ủy ban nhân dân tỉnh Mẫu Sơn");
  EXPECT_TRUE(noted(r,
                    "issuer: the header names \"Ủy ban nhân dân\" without its place; \"tỉnh Mẫu "
                    "Sơn\" in the text completes it"));
}

}  // namespace
