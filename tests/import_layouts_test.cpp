// The importer on the layouts real plans use, one rule per test, each on a short text written
// for it (no corpus text): reporting deadlines (times of day, several per sentence), the
// organisation section's units (duty verb before a colon, comma lists, titles, opening clauses,
// names that contain verbs, roles), and the tasks section (wrappers, the Nhiệm vụ > Giải pháp >
// Nội dung order, unnumbered capital headings, numbers alone on their line, annex tables,
// headings without blank lines).
#include "danvan/import_text.hpp"
#include "danvan/json.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <string>
#include <utility>
#include <vector>

namespace {

using danvan::DutyRole;
using danvan::import_plan_text;
using danvan::Plan;

Plan plan_of(const std::string& body, const std::string& title = "THỬ NGHIỆM") {
  return import_plan_text(
             "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/KH-UBND\nMẫu Thử, ngày 01 tháng 02 năm "
             "2026\n\nKẾ HOẠCH\n" +
             title + "\n\n" + body)
      .plan;
}

// Each deadline as the evaluation writes it: MM-DD, ---DD, THH:MM or an ISO date.
std::vector<std::string> deadlines(const Plan& p) {
  std::vector<std::string> out;
  char buf[16];
  for (const auto& r : p.reporting) {
    if (r.every_year) {
      std::snprintf(buf, sizeof buf, "%02d-%02d", r.every_year->month, r.every_year->day);
      out.emplace_back(buf);
    } else if (r.every_month) {
      std::snprintf(buf, sizeof buf, "---%02d", *r.every_month);
      out.emplace_back(buf);
    } else if (r.every_day) {
      std::snprintf(buf, sizeof buf, "T%02d:%02d", r.every_day->hour, r.every_day->minute);
      out.emplace_back(buf);
    } else if (r.date) {
      out.push_back(r.date->iso());
    }
  }
  return out;
}

std::vector<std::pair<std::string, DutyRole>> duties(const Plan& p) {
  std::vector<std::pair<std::string, DutyRole>> out;
  for (const auto& d : p.duties) out.emplace_back(d.unit, d.role);
  return out;
}

std::vector<std::pair<std::string, std::string>> task_areas(const Plan& p) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& t : p.task_areas) out.emplace_back(t.label, t.text);
  return out;
}

TEST(ImportLayouts, ReportingDeadlinesTimesOfDayAndSeveralPerSentence) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Công Thương: tổng hợp, báo cáo UBND tỉnh trước 19h00’ hằng ngày.\n"
      "2. Sở Y tế: báo cáo 02 lần/ngày (trước 9h00’ và 16h00’) về tình hình cấp phát.\n"
      "3. Sở Nội vụ: báo cáo định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12).\n"
      "4. Sở Tài chính: báo cáo trước 15 giờ thứ Năm hằng tuần.\n"
      "5. Công an tỉnh: báo cáo kết quả trước 10 giờ ngày 20/11/2026.\n"
      "6. Sở Tư pháp: gửi báo cáo trước ngày 15/6 và 15/12 hằng năm.\n"
      "7. Sở Xây dựng: báo cáo trước 16 giờ 30 phút hằng ngày và trước ngày 20 hằng tháng.\n"
      "8. Sở Y tế: gửi báo cáo tháng chậm nhất vào ngày 05 của tháng sau.\n"
      "9. Sở Công Thương: báo cáo quý trước ngày 25 của tháng cuối quý.\n");
  // The weekly deadline of item 4 is not modelled: none. The quarterly one of item 9 is four
  // days of the year (see QuarterlyDeadlinesAndListsOfDates).
  EXPECT_EQ(deadlines(p),
            (std::vector<std::string>{"T19:00", "T09:00", "T16:00", "06-15", "12-15", "2026-11-20",
                                      "06-15", "12-15", "T16:30", "---20", "---05", "03-25",
                                      "06-25", "09-25", "12-25"}));
  EXPECT_EQ(p.reporting[1].text,
            "Sở Y tế: báo cáo 02 lần/ngày (trước 9h00’ và 16h00’) về tình hình cấp phát");
  EXPECT_NO_THROW(p.validate());
}

TEST(ImportLayouts, OrganisationUnitsListsTitlesAndRoles) {
  const Plan p = plan_of(
      "III. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Sở Y tế chủ\ntrì, phối hợp với Sở Nông nghiệp và Môi trường thực hiện các chương "
      "trình như:\n\n- Tập huấn chuyên môn.\n\n"
      "2. Sở Khoa học\nvà Công nghệ\n\n- Nâng cao chất lượng truyền thông.\n\n"
      "- Yêu cầu các cơ quan báo chí đưa tin.\n\n"
      "3. Căn cứ kế hoạch này, Giám đốc các Sở, Thủ trưởng các ngành, cơ quan cấp tỉnh, UBND "
      "các xã, phường xây dựng kế hoạch cụ thể.\n\n"
      "4. Đề nghị Văn phòng Tỉnh ủy và các Ban Xây dựng Đảng, Viện kiểm sát nhân dân tỉnh, Tòa "
      "án nhân dân tỉnh, Thuế tỉnh tăng cường công tác bảo mật.\n\n"
      "5. Sở Xây dựng: phối hợp với Sở Tài chính tham mưu bố trí vốn; chủ trì thẩm định dự án.\n\n"
      "6. Sở Tài chính phối hợp với các cơ quan liên quan tham mưu UBND tỉnh bố trí kinh phí.\n\n"
      "7. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tổ chức tuyên "
      "truyền.\n\n"
      "8. Các sở, cơ quan trực thuộc Sở và các cơ quan liên quan chủ động thực hiện.\n\n"
      "9. Sở Tài chính: chủ trì thẩm định dự toán.\n\n"
      "10. Các doanh nghiệp viễn thông (VNPT, Viettel và doanh nghiệp khác): bảo đảm thông tin "
      "liên lạc.\n\n"
      "11. Bố trí các đội y tế lưu động tại các điểm sơ tán.\n\n"
      "12. Ủy ban nhân dân các xã, phường được giao nhiệm vụ chủ động bố trí kinh phí.\n");
  const auto lead = DutyRole::lead;
  const auto none = DutyRole::unspecified;
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Y tế", lead},
                           {"Sở Khoa học và Công nghệ", none},
                           {"các Sở", none},
                           {"các ngành, cơ quan cấp tỉnh", none},
                           {"UBND các xã, phường", none},
                           {"Văn phòng Tỉnh ủy", none},
                           {"các Ban Xây dựng Đảng", none},
                           {"Viện kiểm sát nhân dân tỉnh", none},
                           {"Tòa án nhân dân tỉnh", none},
                           {"Thuế tỉnh", none},
                           {"Sở Xây dựng", lead},
                           // Item 6 says "phối hợp ... tham mưu" (coordinate); item 9 the same
                           // unit "chủ trì": one duty, the stronger role.
                           {"Sở Tài chính", lead},
                           {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", none},
                           {"các tổ chức chính trị - xã hội", none},
                           {"Các sở, cơ quan trực thuộc Sở và các cơ quan liên quan", none},
                           {"Các doanh nghiệp viễn thông", none}}));
  EXPECT_NO_THROW(p.validate());
}

TEST(ImportLayouts, CoordinateWhenTheOnlyThamMuuFollowsPhoiHopVoi) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Sở Tài chính phối hợp với các cơ quan liên quan tham mưu UBND tỉnh bố trí kinh phí.\n\n"
      "2. Sở Nội vụ: tham mưu UBND tỉnh tổng kết; phối hợp với Sở Tư pháp kiểm tra.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Tài chính", DutyRole::coordinate}, {"Sở Nội vụ", DutyRole::lead}}));
}

TEST(ImportLayouts, TasksInsideAWrapperSectionWithoutBlankLines) {
  const Plan p = plan_of(
      "I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao nhận thức.\n"
      "II. NỘI DUNG KẾ HOẠCH\n1. Mục tiêu\n- Đạt 100% xã có mô hình.\n2. Nhiệm vụ\n"
      "a) Tuyên truyền sâu rộng.\nb) Kiểm tra, giám sát.\n"
      "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: chủ trì.\n");
  EXPECT_EQ(task_areas(p), (std::vector<std::pair<std::string, std::string>>{
                               {"a)", "Tuyên truyền sâu rộng."}, {"b)", "Kiểm tra, giám sát."}}));
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{{"Sở Nội vụ", DutyRole::lead}}));
}

TEST(ImportLayouts, NhiemVuWinsOverNoiDungAndLoneNumbersJoinTheirText) {
  const Plan p = plan_of(
      "I. NỘI DUNG\n1. Hội nghị sơ kết.\n2. Hội thi tìm hiểu.\n"
      "II. NHIỆM VỤ VÀ GIẢI PHÁP\n**1.**\n**Đẩy mạnh tuyên truyền**\n**2.**\nHoàn thiện thể "
      "chế.\n");
  EXPECT_EQ(task_areas(p), (std::vector<std::pair<std::string, std::string>>{
                               {"1.", "Đẩy mạnh tuyên truyền"}, {"2.", "Hoàn thiện thể chế."}}));
}

TEST(ImportLayouts, UnnumberedCapitalHeadingsOpenSections) {
  const Plan p = plan_of(
      "Căn cứ Chỉ thị số 49-CT/TW ngày 20/10/2015 của Ban Bí thư;\n\n"
      "NHIỆM VỤ TRỌNG TÂM\n\n1. Tuyên truyền sâu rộng trong nhân dân.\n\n"
      "2. Kiểm tra việc thực hiện.\n\nTỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: chủ trì, theo dõi.\n");
  EXPECT_EQ(task_areas(p), (std::vector<std::pair<std::string, std::string>>{
                               {"1.", "Tuyên truyền sâu rộng trong nhân dân."},
                               {"2.", "Kiểm tra việc thực hiện."}}));
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{{"Sở Nội vụ", DutyRole::lead}}));
  EXPECT_EQ(p.legal_bases.size(), 1U);
}

TEST(ImportLayouts, TasksInAnAnnexTableTheSectionPointsTo) {
  const Plan p = plan_of(
      "I. MỤC TIÊU\n1. Đến năm 2030, 100% xã có mô hình.\n"
      "II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU (chi tiết tại Phụ lục kèm theo)\n"
      "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ: chủ trì.\n\n"
      "Nơi nhận:\n- Lưu: VT.\n\n"
      "**PHỤ LỤC**\n\nNHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN\n\n"
      "| STT | Nhiệm vụ và giải pháp | Chủ trì |\n|---|---|---|\n"
      "| I | NHÓM GIẢI PHÁP VỀ THỂ CHẾ | |\n| 1 | Rà soát chính sách | Sở Tư pháp |\n"
      "| II | PHÁT TRIỂN NHÂN LỰC | |\n| 1 | Đào tạo cán bộ | Sở Nội vụ |\n");
  EXPECT_EQ(task_areas(p), (std::vector<std::pair<std::string, std::string>>{
                               {"I", "NHÓM GIẢI PHÁP VỀ THỂ CHẾ"}, {"II", "PHÁT TRIỂN NHÂN LỰC"}}));
  ASSERT_EQ(p.annexes.size(), 1U);
  EXPECT_EQ(p.annexes[0].title, "PHỤ LỤC: NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN");
}

// A table row of empty cells ("| | |", an empty row of a data table as the .docx reader
// writes it) is a row of the annex's table; only a Markdown delimiter row ("|---|:-:|") is
// not one.
TEST(ImportLayouts, AnEmptyTableRowIsARowADelimiterRowIsNot) {
  const Plan p = plan_of(
      "I. NỘI DUNG\n1. Hội nghị.\n\nNơi nhận:\n- Lưu: VT.\n\n"
      "**PHỤ LỤC I**\n\n**DỰ TOÁN KINH PHÍ**\n\n| TT | Nội dung | Số tiền |\n|---|:-:|---|\n"
      "| 1 | Hội nghị | 10 |\n| | | |\n| | -- | |\n| 2 | Sơ kết | 5 |\n");
  ASSERT_EQ(p.annexes.size(), 1U);
  EXPECT_EQ(p.annexes[0].title, "PHỤ LỤC I: DỰ TOÁN KINH PHÍ");
  ASSERT_EQ(p.annexes[0].tables.size(), 1U);
  EXPECT_EQ(p.annexes[0].tables[0].rows,
            (std::vector<std::vector<std::string>>{{"TT", "Nội dung", "Số tiền"},
                                                   {"1", "Hội nghị", "10"},
                                                   {"", "", ""},
                                                   {"2", "Sơ kết", "5"}}));
}

TEST(ImportLayouts, AnnexTableWithoutGroupsGivesItsNumberedRows) {
  const Plan p = plan_of(
      "I. NỘI DUNG (có Phụ lục kèm theo)\n\n"
      "**PHỤ LỤC**\n\n| TT | Nội dung công việc | Thời gian |\n|---|---|---|\n"
      "| 1 | Hội nghị triển khai | Quý I |\n| 2 | Sơ kết | Quý III |\n");
  EXPECT_EQ(task_areas(p), (std::vector<std::pair<std::string, std::string>>{
                               {"1", "Hội nghị triển khai"}, {"2", "Sơ kết"}}));
}

TEST(ImportLayouts, AnOrganisationSubsectionNamedNhiemVuIsNotATasksSection) {
  const Plan p = plan_of(
      "I. NHIỆM VỤ\n1. Tuyên truyền.\n2. Kiểm tra.\n"
      "II. TỔ CHỨC THỰC HIỆN\n1. Nhiệm vụ của các sở\na) Sở Nội vụ: chủ trì.\n"
      "b) Sở Tư pháp: phối hợp.\n");
  EXPECT_EQ(task_areas(p), (std::vector<std::pair<std::string, std::string>>{
                               {"1.", "Tuyên truyền."}, {"2.", "Kiểm tra."}}));
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Nội vụ", DutyRole::lead}, {"Sở Tư pháp", DutyRole::coordinate}}));
}

TEST(ImportLayouts, PeriodStatedInTheBodyWinsOverTheTitle) {
  const Plan p = plan_of(
      "I. NỘI DUNG\n1. Tuyên truyền.\n- Thời gian thực hiện: năm 2027.\n"
      "II. THỜI GIAN THỰC HIỆN\nTừ năm 2025 đến hết năm 2030.\n",
      "TRIỂN KHAI CHƯƠNG TRÌNH PHÒNG, CHỐNG MA TÚY ĐẾN NĂM 2030");
  ASSERT_TRUE(p.period.has_value());
  EXPECT_EQ(p.period->from, danvan::PartialDate(2025));
  EXPECT_EQ(p.period->to, danvan::PartialDate(2030));
  EXPECT_EQ(p.period->text, "Từ năm 2025 đến hết năm 2030");
}

TEST(ImportLayouts, TheHorizonOfACitedStrategyIsNotThePlansPeriod) {
  const Plan cited = plan_of(
      "I. NHIỆM VỤ\n1. Tuyên truyền.\n",
      "THỰC HIỆN NGHỊ QUYẾT SỐ 48/NQ-CP NGÀY 03/4/2023 CỦA CHÍNH PHỦ PHÊ DUYỆT CHIẾN LƯỢC BẢO "
      "VỆ MÔI TRƯỜNG BIỂN ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2050");
  EXPECT_FALSE(cited.period.has_value());
  const Plan own = plan_of(
      "I. NHIỆM VỤ\n1. Tuyên truyền.\n",
      "THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22/12/2024 CỦA BỘ CHÍNH TRỊ TRÊN ĐỊA BÀN TỈNH GIAI "
      "ĐOẠN 2026 - 2030");
  ASSERT_TRUE(own.period.has_value());
  EXPECT_EQ(own.period->from, danvan::PartialDate(2026));
  EXPECT_EQ(own.period->to, danvan::PartialDate(2030));
}

// Plain, unnumbered sub-heading lines with a colon: "Mục tiêu chung: ..." (its text counts
// once) and "Mục tiêu cụ thể:" over its items. A plain paragraph that only mentions the part
// ("Hiện nay, mục tiêu ...") or a sentence without a colon is no sub-heading.
TEST(ImportLayouts, PlainTargetSubHeadingLinesWithAColon) {
  const Plan p = plan_of(
      "II. MỤC TIÊU\n\nMục tiêu chung: Nâng cao chất lượng công tác dân vận.\n\n"
      "Mục tiêu cụ thể:\n\n- 100% xã, phường có mô hình \"Dân vận khéo\".\n\n"
      "- 90% cán bộ được tập huấn.\n\nIII. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(p.targets, (std::vector<std::string>{"Nâng cao chất lượng công tác dân vận",
                                                 "100% xã, phường có mô hình \"Dân vận khéo\"",
                                                 "90% cán bộ được tập huấn"}));
  const Plan plain = plan_of(
      "II. MỤC TIÊU\n\nHiện nay, mục tiêu xây dựng mô hình còn chậm.\n\n"
      "- 100% xã, phường có mô hình.\n\n- 90% cán bộ được tập huấn.\n\n"
      "III. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(plain.targets,
            (std::vector<std::string>{"100% xã, phường có mô hình", "90% cán bộ được tập huấn"}));
}

// Text without blank lines (a PDF's text layer): a numbered line that is only a part's name
// ("1. Mục tiêu chung") ends before the capital line below it, its first paragraph; a sentence
// that opens with such words and wraps before a capital ("1. Kinh phí thực hiện" / "Kế hoạch
// này ...") stays one paragraph.
TEST(ImportLayouts, APartsNameAloneOnItsLineInTextWithoutBlankLines) {
  const Plan p = plan_of(
      "I. MỤC TIÊU\n1. Mục tiêu chung\nNâng cao chất lượng công tác dân vận.\n"
      "Phấn đấu xây dựng chính quyền vững mạnh.\n2. Mục tiêu cụ thể\n- 100% xã có mô hình.\n"
      "- 90% cán bộ được tập huấn.\nII. NHIỆM VỤ\n1. Tuyên truyền.\nIII. KINH PHÍ\n"
      "1. Kinh phí thực hiện\nKế hoạch này được bố trí từ ngân sách tỉnh.\n");
  EXPECT_EQ(p.targets,
            (std::vector<std::string>{"Nâng cao chất lượng công tác dân vận",
                                      "Phấn đấu xây dựng chính quyền vững mạnh",
                                      "100% xã có mô hình", "90% cán bộ được tập huấn"}));
  EXPECT_EQ(p.funding, (std::vector<std::string>{
                           "1. Kinh phí thực hiện Kế hoạch này được bố trí từ ngân sách tỉnh."}));
}

// "CÁC MỤC TIÊU" / "NHỮNG MỤC TIÊU" head a targets section like "MỤC TIÊU"; a heading that only
// mentions targets further on ("KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU") does not.
TEST(ImportLayouts, TargetsUnderCacMucTieu) {
  const Plan p = plan_of(
      "II. CÁC MỤC TIÊU\n\n1. 100% xã có mô hình.\n\n2. 90% cán bộ được tập huấn.\n\n"
      "III. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(p.targets,
            (std::vector<std::string>{"100% xã có mô hình", "90% cán bộ được tập huấn"}));
  const Plan review = plan_of(
      "I. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU\n\n1. 95% xã có mô hình.\n\n"
      "II. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_TRUE(review.targets.empty());
}

// Points written in capitals ("a) ... B) ... C) ...", Word's autocorrect or OCR) are points, not
// parts ("A.", "B.") nor the Roman hundred ("C"); "A." still opens a part.
TEST(ImportLayouts, PointsWrittenInCapitals) {
  const Plan p = plan_of(
      "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\na) Nâng cao nhận thức.\n\nb) Phát huy vai trò "
      "của Nhân dân.\n\n2. Yêu cầu\n\na) Xác định rõ trách nhiệm.\n\nB) Triển khai đồng bộ.\n\n"
      "C) Kế thừa kết quả đã đạt được.\n\nII. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(p.purposes.size(), 2U);
  EXPECT_EQ(p.requirements,
            (std::vector<std::string>{"Xác định rõ trách nhiệm", "Triển khai đồng bộ",
                                      "Kế thừa kết quả đã đạt được"}));
}

TEST(ImportLayouts, TargetSubHeadingsAreTransparent) {
  // Numbered sub-headings: "1. Mục tiêu chung" over two paragraphs, "2. Mục tiêu cụ thể" over
  // three items: 2 + 3.
  const Plan numbered = plan_of(
      "I. MỤC TIÊU\n\n1. Mục tiêu chung\n\nNâng cao năng lực quản lý.\n\n"
      "Phấn đấu đến năm 2030 quản lý hiện đại.\n\n2. Mục tiêu cụ thể đến năm 2030\n\n"
      "- 100% hồ sơ được số hóa.\n\n- 90% thủ tục trực tuyến.\n\n- 80% xã có mô hình.\n\n"
      "II. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(numbered.targets,
            (std::vector<std::string>{
                "Nâng cao năng lực quản lý", "Phấn đấu đến năm 2030 quản lý hiện đại",
                "100% hồ sơ được số hóa", "90% thủ tục trực tuyến", "80% xã có mô hình"}));
  // Bold unnumbered sub-headings: one paragraph, then two items.
  const Plan bold = plan_of(
      "I. MỤC TIÊU\n\n**Mục tiêu chung**\n\nNâng cao năng lực quản lý.\n\n"
      "**Mục tiêu cụ thể**\n\n- 100% hồ sơ được số hóa.\n\n- 90% thủ tục trực tuyến.\n\n"
      "II. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(bold.targets.size(), 3U);
  // "2. Mục tiêu cụ thể:" ending with a colon over its items: 1 + 2.
  const Plan colon = plan_of(
      "I. MỤC TIÊU\n\n1. Mục tiêu chung: nâng cao năng lực quản lý nhà nước.\n\n"
      "2. Mục tiêu cụ thể:\n\na) 100% hồ sơ được số hóa.\n\nb) 90% thủ tục trực tuyến.\n");
  EXPECT_EQ(colon.targets,
            (std::vector<std::string>{"Mục tiêu chung: nâng cao năng lực quản lý nhà nước",
                                      "100% hồ sơ được số hóa", "90% thủ tục trực tuyến"}));
}

TEST(ImportLayouts, UnitsAsBoldHeadingsWithoutNumbers) {
  const Plan p = plan_of(
      "III. TỔ CHỨC THỰC HIỆN\n\n**Sở Nội vụ**\n\n- Chủ trì, hướng dẫn thực hiện Kế hoạch.\n\n"
      "- Tổng hợp kết quả.\n\n**Sở Tài chính**\n\n- Phối hợp bố trí kinh phí.\n\n"
      "**Ủy ban nhân dân tỉnh giao Công an tỉnh chủ trì bảo đảm an ninh.**\n");
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{{"Sở Nội vụ", DutyRole::lead},
                                                           {"Sở Tài chính", DutyRole::coordinate},
                                                           {"Công an tỉnh", DutyRole::lead}}));
}

// A later sentence of an item that gives another unit a duty ("Giao Sở X chủ trì ...", "Ủy ban
// nhân dân tỉnh giao Sở X chủ trì ...", "Sở X chủ trì/phối hợp ...") is that unit's duty, not
// part of the first unit's text or role.
TEST(ImportLayouts, ADutyHandedOnInALaterSentenceIsThatUnits) {
  const Plan p = plan_of(
      "IV. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao triển khai thực hiện Kế "
      "hoạch này. Giao Sở Nội vụ chủ trì, theo dõi, tổng hợp kết quả, báo cáo Ủy ban nhân dân "
      "tỉnh.\n\n"
      "2. Sở Y tế triển khai tại ngành. Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì bố trí "
      "kinh phí.\n\n"
      "3. Kế hoạch này được phổ biến đến cán bộ, công chức. Giao Công an tỉnh theo dõi, đôn "
      "đốc việc thực hiện.\n\n"
      // Not another unit's duty: the same unit again, a unit that is not the subject ("gửi về
      // Ủy ban nhân dân tỉnh"), and, after a first sentence that names no unit, a subject
      // without "Giao"/"Đề nghị" ("Các cơ quan liên quan phối hợp ...": a rule of procedure).
      "4. Sở Xây dựng tổ chức kiểm tra. Sở Xây dựng chủ trì tổng kết. Kết quả gửi về Ủy ban "
      "nhân dân tỉnh.\n\n"
      "5. Đối với kiến nghị liên quan đến nhiều ngành, cơ quan được giao giải quyết có trách "
      "nhiệm trả lời. Các cơ quan liên quan phối hợp bằng văn bản.\n");
  const auto none = DutyRole::unspecified;
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{{"Các cơ quan, đơn vị", none},
                                                           {"Sở Nội vụ", DutyRole::lead},
                                                           {"Sở Y tế", none},
                                                           {"Sở Tài chính", DutyRole::lead},
                                                           {"Công an tỉnh", none},
                                                           {"Sở Xây dựng", DutyRole::lead}}));
  ASSERT_EQ(p.duties.size(), 6U);
  EXPECT_EQ(p.duties[0].text,
            "căn cứ chức năng, nhiệm vụ được giao triển khai thực hiện Kế hoạch này.");
  EXPECT_EQ(p.duties[1].text, "chủ trì, theo dõi, tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.");
}

// "Các cơ quan được phân công chủ trì ... có trách nhiệm ...": one collective defined by what the
// plan gives it is the unit with its definition (whose "chủ trì" is no role); a named body or a
// list before "được phân công/giao" is the unit without it. A later sentence whose subject "có
// trách nhiệm", after a short adverbial ("Hằng năm,"), is a duty even when the first names none.
TEST(ImportLayouts, ACollectiveDefinedByWhatThePlanGivesIt) {
  const Plan p = plan_of(
      "IV. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Kinh phí thực hiện được bố trí từ ngân sách nhà nước. Hằng năm, các cơ quan được phân "
      "công chủ trì thực hiện nhiệm vụ tại Kế hoạch này có trách nhiệm lập dự toán.\n\n"
      "2. Các sở, ngành và Ủy ban nhân dân các xã, phường được phân công chủ trì nhiệm vụ có "
      "trách nhiệm xây dựng kế hoạch chi tiết.\n\n"
      "3. Ủy ban nhân dân các xã, phường được giao nhiệm vụ có trách nhiệm bố trí nhân lực.\n\n"
      // Not a duty: no unit is the subject of the later sentence.
      "4. Kế hoạch được phổ biến rộng rãi. Hằng năm, kết quả được tổng hợp, đánh giá.\n");
  const auto none = DutyRole::unspecified;
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{
                {"các cơ quan được phân công chủ trì thực hiện nhiệm vụ tại Kế hoạch này", none},
                {"Các sở, ngành", none},
                {"Ủy ban nhân dân các xã, phường", none}}));
}

// "Trách nhiệm của X", "Nhiệm vụ của X", "Đối với X" over (or before) X's duties name the unit
// X; "Đối với" before anything else ("Đối với các nhiệm vụ phát sinh") names none.
TEST(ImportLayouts, HeadingsNamingTheUnitWhoseDutiesFollow) {
  const Plan p = plan_of(
      "IV. TỔ CHỨC THỰC HIỆN\n\n1. Trách nhiệm của Sở Nội vụ\n\n"
      "- Chủ trì, hướng dẫn, theo dõi việc thực hiện.\n\n2. Trách nhiệm của Sở Tài chính\n\n"
      "- Phối hợp bố trí kinh phí.\n\n3. Đối với Ủy ban nhân dân các xã, phường\n\n"
      "- Triển khai tại địa phương.\n\n4. Nhiệm vụ của Công an tỉnh: bảo đảm an ninh.\n\n"
      "5. Đối với các nhiệm vụ phát sinh: báo cáo kịp thời để xem xét.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Nội vụ", DutyRole::lead},
                           {"Sở Tài chính", DutyRole::coordinate},
                           {"Ủy ban nhân dân các xã, phường", DutyRole::unspecified},
                           {"Công an tỉnh", DutyRole::unspecified}}));
}

// An item that opens with when ("Định kỳ 6 tháng, hằng năm,", "Hằng năm,", "Trước ngày ...,")
// names its unit after it; "các sở, ban, ngành báo cáo" is the bodies reporting, and "tổng
// kết" a verb of duty. An item whose subject after the time is no unit gives no duty.
TEST(ImportLayouts, AnOpeningOfTimeBeforeTheUnit) {
  const Plan p = plan_of(
      "IV. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Định kỳ 6 tháng, hằng năm, các sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước "
      "ngày 15/6 và 15/12.\n\n"
      "2. Hằng năm, Sở Tài chính tham mưu bố trí kinh phí.\n\n"
      "3. Trước ngày 30/11/2026, Ủy ban nhân dân các xã, phường tổng kết, báo cáo.\n\n"
      "4. Hằng năm, kết quả được tổng hợp, đánh giá.\n");
  const auto none = DutyRole::unspecified;
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"các sở, ban, ngành", none},
                           {"Sở Tài chính", DutyRole::lead},
                           {"Ủy ban nhân dân các xã, phường", none}}));
}

// "2. Các sở, ngành:" over "- Sở Y tế:" / "+ Chủ trì ..." items: the members named with a
// colon over their own lists are the units. "Báo, Đài Phát thanh và Truyền hình tỉnh" is one
// unit (a one-word part is none of its own). A unit with a colon over a list of plain duties
// ("3. Sở Nội vụ:" / "- Hướng dẫn ...") stays the unit.
TEST(ImportLayouts, MembersWithAColonOverTheirListsAndOneWordParts) {
  const Plan p = plan_of(
      "IV. TỔ CHỨC THỰC HIỆN\n\n1. Các sở, ngành:\n\n- Sở Y tế:\n\n"
      "+ Chủ trì công tác phòng dịch.\n\n- Sở Giáo dục và Đào tạo:\n\n"
      "+ Phối hợp tuyên truyền trong trường học.\n\n"
      "2. Báo, Đài Phát thanh và Truyền hình tỉnh, Cổng Thông tin điện tử tỉnh: tuyên truyền về "
      "Kế hoạch.\n\n3. Sở Nội vụ:\n\n- Hướng dẫn thực hiện.\n\n- Tổng hợp kết quả.\n");
  const auto none = DutyRole::unspecified;
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Y tế", DutyRole::lead},
                           {"Sở Giáo dục và Đào tạo", DutyRole::coordinate},
                           {"Báo, Đài Phát thanh và Truyền hình tỉnh", none},
                           {"Cổng Thông tin điện tử tỉnh", none},
                           {"Sở Nội vụ", none}}));
}

// Bodies whose names open with words the unit list lacked: service companies ("Viễn thông
// tỉnh", "Điện lực tỉnh"), "Các Ủy ban nhân dân ...", forest and park bodies, academies. "Quy
// định ..." (folded like "Quỹ") is no unit.
TEST(ImportLayouts, MoreKindsOfBodiesAsUnits) {
  const Plan p = plan_of(
      "IV. TỔ CHỨC THỰC HIỆN\n\n1. Viễn thông tỉnh, Điện lực tỉnh, Bưu điện tỉnh: bảo đảm "
      "thông tin liên lạc, cung cấp điện.\n\n2. Các Ủy ban nhân dân xã, phường chủ động triển "
      "khai.\n\n3. Hạt Kiểm lâm, Vườn quốc gia Cát Tiên phối hợp tuần tra.\n\n"
      "4. Quy định về khen thưởng thực hiện theo Luật Thi đua, khen thưởng.\n");
  const auto none = DutyRole::unspecified;
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Viễn thông tỉnh", none},
                           {"Điện lực tỉnh", none},
                           {"Bưu điện tỉnh", none},
                           {"Các Ủy ban nhân dân xã, phường", none},
                           {"Hạt Kiểm lâm", DutyRole::coordinate},
                           {"Vườn quốc gia Cát Tiên", DutyRole::coordinate}}));
}

// Text without blank lines: "2. Cấp xã" / "Ủy ban nhân dân các xã, phường: ..." come as one
// block; its short first line names no unit and is the group's heading, the unit stands below
// it. A first line followed by no unit ("3. Kinh phí thực hiện" / "Kế hoạch này ...") gives
// none.
TEST(ImportLayouts, AGroupHeadingLineOverAUnitInTextWithoutBlankLines) {
  const Plan p = plan_of(
      "IV. TỔ CHỨC THỰC HIỆN\n1. Cấp tỉnh\n1.1. Sở Nội vụ: chủ trì, hướng dẫn thực hiện.\n"
      "1.2. Sở Tài chính: phối hợp bố trí kinh phí.\n2. Cấp xã\n"
      "Ủy ban nhân dân các xã, phường: triển khai tại địa phương.\n3. Kinh phí thực hiện\n"
      "Kế hoạch này do ngân sách tỉnh bảo đảm.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Nội vụ", DutyRole::lead},
                           {"Sở Tài chính", DutyRole::coordinate},
                           {"Ủy ban nhân dân các xã, phường", DutyRole::unspecified}}));
}

// Units on plain lines of their own (no bold, no number) over the list of their duties; a line
// with a colon ("Ủy ban nhân dân tỉnh yêu cầu:") is no unit's heading.
TEST(ImportLayouts, UnitsOnPlainLinesOverTheirLists) {
  const Plan p = plan_of(
      "III. TỔ CHỨC THỰC HIỆN\n\nSở Nội vụ\n\n- Chủ trì, hướng dẫn thực hiện Kế hoạch.\n\n"
      "- Tổng hợp kết quả.\n\nSở Tài chính\n\n- Phối hợp bố trí kinh phí.\n\n"
      "Ủy ban nhân dân các xã, phường\n\n- Triển khai tại địa phương.\n\n"
      "Ủy ban nhân dân tỉnh yêu cầu:\n\n- Thực hiện nghiêm túc Kế hoạch này.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Nội vụ", DutyRole::lead},
                           {"Sở Tài chính", DutyRole::coordinate},
                           {"Ủy ban nhân dân các xã, phường", DutyRole::unspecified}}));
  ASSERT_EQ(p.duties.size(), 3U);
  EXPECT_EQ(p.duties[0].text, "- Chủ trì, hướng dẫn thực hiện Kế hoạch.\n- Tổng hợp kết quả.");
}

// Group headings that name no unit ("1. Trách nhiệm của các cơ quan cấp tỉnh", "2. Cấp xã")
// over units: "a) Sở Nội vụ" over its list, or a paragraph whose subject is a unit. A closing
// paragraph under an item that is no heading gives no duty.
TEST(ImportLayouts, GroupHeadingsOverUnits) {
  const Plan p = plan_of(
      "IV. TỔ CHỨC THỰC HIỆN\n\n1. Trách nhiệm của các cơ quan cấp tỉnh\n\na) Sở Nội vụ\n\n"
      "- Chủ trì, hướng dẫn, theo dõi việc thực hiện.\n\nb) Sở Tài chính\n\n"
      "- Phối hợp bố trí kinh phí.\n\n2. Cấp xã\n\n"
      "Ủy ban nhân dân các xã, phường triển khai tại địa phương.\n\n"
      "3. Tất cả lực lượng tham gia thực hiện Kế hoạch này phải tuân thủ quy định an toàn.\n\n"
      "Các cơ quan, đơn vị, địa phương căn cứ chức năng, nhiệm vụ được giao, phối hợp triển "
      "khai thực hiện Kế hoạch này.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Nội vụ", DutyRole::lead},
                           {"Sở Tài chính", DutyRole::coordinate},
                           {"Ủy ban nhân dân các xã, phường", DutyRole::unspecified}}));
}

TEST(ImportLayouts, ARoleStatedBesideTheUnitsNameIsPartOfItsDuty) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Sở Khoa học và Công nghệ - Cơ quan thường trực Ban Chỉ đạo\n\n"
      "a) Hướng dẫn các cơ quan triển khai Kế hoạch.\n\nb) Tổng hợp kết quả thực hiện.\n\n"
      "2. Sở Tài chính \u2013 đơn vị đầu mối về tài chính\n\nBố trí kinh phí thực hiện.\n\n"
      "3. Công an tỉnh (cơ quan chủ trì về an ninh mạng)\n\nBảo đảm an toàn thông tin.\n\n"
      "4. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội\n\n"
      "Tuyên truyền, vận động nhân dân.\n\n"
      "5. Các doanh nghiệp viễn thông (VNPT, Viettel)\n\nPhối hợp bảo đảm hạ tầng.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Khoa học và Công nghệ", DutyRole::lead},
                           {"Sở Tài chính", DutyRole::lead},
                           {"Công an tỉnh", DutyRole::lead},
                           {"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", DutyRole::unspecified},
                           {"các tổ chức chính trị - xã hội", DutyRole::unspecified},
                           {"Các doanh nghiệp viễn thông", DutyRole::coordinate}}));
  ASSERT_FALSE(p.duties.empty());
  EXPECT_EQ(p.duties[0].text,
            "Cơ quan thường trực Ban Chỉ đạo\na) Hướng dẫn các cơ quan triển khai Kế hoạch.\nb) "
            "Tổng hợp kết quả thực hiện.");
}

TEST(ImportLayouts, ALongUnitNameOverItsDuties) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, "
      "thành phố trực thuộc Trung ương\n\na) Chủ trì tổ chức thực hiện tại địa phương.\n\n"
      "b) Căn cứ vào tình hình thực tế, rà soát các quy hoạch.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Văn hóa, Thể thao và Du lịch/Sở Văn hóa và Thể thao tỉnh, thành "
                            "phố trực thuộc Trung ương",
                            DutyRole::lead}}));
}

TEST(ImportLayouts, RomanItemsUnderLetteredParts) {
  const Plan p = plan_of(
      "A. MỤC ĐÍCH, YÊU CẦU\n\nI. Mục đích\n\nNâng cao nhận thức.\n\n"
      "B. NHIỆM VỤ VÀ GIẢI PHÁP\n\nI. Tăng cường công tác tuyên truyền\n\n"
      "1. Tổ chức hội nghị.\n\nII. Đổi mới phương thức lãnh đạo\n\n"
      "C. TỔ CHỨC THỰC HIỆN\n\nI. Sở Nội vụ chủ trì theo dõi.\n");
  EXPECT_EQ(task_areas(p), (std::vector<std::pair<std::string, std::string>>{
                               {"I.", "Tăng cường công tác tuyên truyền"},
                               {"II.", "Đổi mới phương thức lãnh đạo"}}));
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{{"Sở Nội vụ", DutyRole::lead}}));
}

TEST(ImportLayouts, BoldUnnumberedTaskHeadingsOverTheirItems) {
  const Plan p = plan_of(
      "II. NHIỆM VỤ TRỌNG TÂM\n\n**Tuyên truyền, quán triệt**\n\n- Tổ chức hội nghị quán "
      "triệt.\n\n- Đăng tải trên cổng thông tin.\n\n**Kiểm tra, giám sát**\n\n- Kiểm tra định "
      "kỳ.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: chủ trì.\n");
  EXPECT_EQ(task_areas(p), (std::vector<std::pair<std::string, std::string>>{
                               {"", "Tuyên truyền, quán triệt"}, {"", "Kiểm tra, giám sát"}}));
}

TEST(ImportLayouts, ALongTasksHeadingWithoutFullStop) {
  const Plan p = plan_of(
      "I. DỰ BÁO VÀ GIẢI PHÁP\n\n1. Dự báo những tác động đến thu, chi ngân sách\n\n"
      "a) Thu giảm.\n\n2. Các giải pháp tổ chức thực hiện kế hoạch tài chính - ngân sách 03 "
      "năm 2026 - 2028\n\n2.1. Thu ngân sách\n\n- Tăng cường quản lý thu.\n\n"
      "2.2. Chi ngân sách\n\n- Tiết kiệm chi.\n");
  EXPECT_EQ(task_areas(p), (std::vector<std::pair<std::string, std::string>>{
                               {"2.1.", "Thu ngân sách"}, {"2.2.", "Chi ngân sách"}}));
}

TEST(ImportLayouts, TasksInsideTheOrganisationSectionWhenNoneStandsOutside) {
  const Plan p = plan_of(
      "I. MỤC TIÊU\n\n1. Đạt 100% xã có mô hình.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Nhiệm vụ, giải pháp tổng thể\n\na) Tuyên truyền.\n\nb) Kiểm tra.\n\n"
      "2. Phân công trách nhiệm\n\na) Sở Nội vụ: chủ trì.\n");
  EXPECT_EQ(task_areas(p), (std::vector<std::pair<std::string, std::string>>{
                               {"a)", "Tuyên truyền."}, {"b)", "Kiểm tra."}}));
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{{"Sở Nội vụ", DutyRole::lead}}));
}

TEST(ImportLayouts, ANumberedClosingSentenceNamesItsUnitsAnUnnumberedOneDoesNot) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ: chủ trì.\n\n2. Trong quá trình thực hiện, nếu "
      "có vướng mắc, các cơ quan, đơn vị, tổ chức phản ánh về Sở Nội vụ để tổng hợp.\n\n"
      "Trong quá trình thực hiện, nếu có khó khăn, các sở, ngành phản ánh về Sở Nội vụ.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Nội vụ", DutyRole::lead},
                           {"các cơ quan, đơn vị, tổ chức", DutyRole::unspecified}}));
}

TEST(ImportLayouts, WordsThatFoldLikeABodyAreNotUnits) {
  // "Số" / "Sở", "Bản" / "Ban", "Bố" / "Bộ" fold alike; the tone tells them apart.
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n1. Số lượng hồ sơ: tổng hợp hằng quý.\n\n"
      "2. Bản sao hồ sơ được lưu tại Sở Tư pháp.\n\n3. Bố trí kinh phí từ ngân sách.\n\n"
      "4. Sở Xây dựng có ý kiến về thiết kế.\n\n5. Ban Dân vận Tỉnh ủy phối hợp theo dõi.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Xây dựng", DutyRole::unspecified},
                           {"Ban Dân vận Tỉnh ủy", DutyRole::coordinate}}));
}

TEST(ImportLayouts, TextFromAPdfWithoutBlankLinesOrBold) {
  // The layout a PDF's text layer gives: one line per printed line, no blank lines, no bold,
  // the motto and the place-date line broken, the title running on into the preamble.
  const auto result = import_plan_text(
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
      "Độc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nMẫu Thử, ngày 20\ntháng 11 năm 2025\n"
      "KẾ HOẠCH\nNÂNG CAO NĂNG LỰC CÁN BỘ\nGIAI ĐOẠN 2026 - 2030\n"
      "Thực hiện Chỉ thị số 49-CT/TW ngày 20/10/2015 của Ban Bí thư, UBND tỉnh ban\n"
      "hành Kế hoạch như sau:\nI. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích\n"
      "- Nâng cao nhận thức của cán bộ,\ncông chức.\n- Bảo đảm hiệu quả.\n2. Yêu cầu\n"
      "- Thực hiện nghiêm túc.\nII. NỘI DUNG KẾ HOẠCH\n1.\nTuyên truyền sâu rộng.\n"
      "2. Rà soát văn bản quy phạm pháp luật\n- Nội dung: rà soát các văn bản.\n"
      "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ chủ trì, theo dõi.\n2. Sở Khoa học và Công "
      "nghệ\nPhối hợp triển khai.\nNơi nhận:\n- Lưu: VT.\nTM. ỦY BAN NHÂN\nDÂN\nKT. CHỦ "
      "TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Mẫu\n");
  const Plan& p = result.plan;
  EXPECT_EQ(p.title, "NÂNG CAO NĂNG LỰC CÁN BỘ GIAI ĐOẠN 2026 - 2030");
  EXPECT_EQ(p.catalogue.issuer(p.issuer_id).name, "Ủy ban nhân dân tỉnh Mẫu Thử");
  EXPECT_EQ(p.issue_date, danvan::PartialDate(2025, 11, 20));
  EXPECT_EQ(p.legal_bases.size(), 1U);
  EXPECT_EQ(p.purposes, (std::vector<std::string>{"Nâng cao nhận thức của cán bộ, công chức",
                                                  "Bảo đảm hiệu quả"}));
  EXPECT_EQ(p.requirements.size(), 1U);
  EXPECT_EQ(task_areas(p),
            (std::vector<std::pair<std::string, std::string>>{
                {"1.", "Tuyên truyền sâu rộng."}, {"2.", "Rà soát văn bản quy phạm pháp luật"}}));
  ASSERT_TRUE(p.signature.has_value());
  EXPECT_EQ(p.signature->authority, "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH");
  EXPECT_EQ(p.signature->title, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(p.signature->name, "Trần Văn Mẫu");
  EXPECT_EQ(p.recipients, (std::vector<std::string>{"Lưu: VT"}));
  // The unit on a line of its own, its duty below starting with a capital ("Phối hợp").
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Nội vụ", DutyRole::lead},
                           {"Sở Khoa học và Công nghệ", DutyRole::coordinate}}));
}

TEST(ImportLayouts, PeriodFromThePlansOwnAnnouncementNotACitedOne) {
  const std::string cited =
      "Thực hiện Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ ban hành Kế hoạch hành "
      "động về dữ liệu; Quyết định số 142/QĐ-TTg ngày 02/02/2024 của Thủ tướng Chính phủ phê "
      "duyệt Chiến lược dữ liệu quốc gia đến năm 2030; ";
  const Plan own =
      plan_of(cited +
              "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện trên địa bàn tỉnh năm 2026 như "
              "sau:\n\nI. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  ASSERT_TRUE(own.period.has_value());
  EXPECT_EQ(own.period->from, danvan::PartialDate(2026));
  EXPECT_EQ(own.period->to, danvan::PartialDate(2026));
  const Plan none = plan_of(cited +
                            "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:\n\n"
                            "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_FALSE(none.period.has_value());
}

TEST(ImportLayouts, WebPageOpeningsWithTheTypeWordOnTheTitleLineOrInMixedCase) {
  // A page's own noise first, the header run together on two lines, "KẾ HOẠCH" opening the
  // title's line; the text cut short, as a page opening is.
  const Plan joined =
      import_plan_text(
          "Trang chủ > Văn bản > Kế hoạch\n\nKế hoạch 12/KH-UBND năm 2026 về công tác dân vận\n\n"
          "ỦY BAN NHÂN DÂN TỈNH MẪU THỬ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
          "Hạnh phúc\n\nSố: 12/KH-UBND Mẫu Thử, ngày 05 tháng 3 năm 2026\n\n"
          "KẾ HOẠCH TRIỂN KHAI CÔNG TÁC DÂN VẬN NĂM 2026\n\n"
          "Căn cứ Chỉ thị số 49-CT/TW ngày 20/10/2015 của Ban Bí thư; Ủy ban nhân dân tỉnh ban "
          "hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Nâng cao nhận")
          .plan;
  EXPECT_EQ(joined.title, "TRIỂN KHAI CÔNG TÁC DÂN VẬN NĂM 2026");
  ASSERT_TRUE(joined.symbol.has_value());
  EXPECT_EQ(joined.symbol->canonical(), "12/KH-UBND");
  EXPECT_EQ(joined.issue_date, danvan::PartialDate(2026, 3, 5));
  EXPECT_EQ(joined.catalogue.issuer(joined.issuer_id).name, "Ủy ban nhân dân tỉnh Mẫu Thử");
  ASSERT_TRUE(joined.period.has_value());
  EXPECT_EQ(joined.period->from, danvan::PartialDate(2026));
  EXPECT_EQ(joined.legal_bases.size(), 1U);
  // The type word in mixed case on its own line (a page that capitalises it with CSS).
  const Plan mixed =
      import_plan_text(
          "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 7/KH-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
          "Kế hoạch\nTriển khai công tác dân vận năm 2026\n\n"
          "Căn cứ Chỉ thị số 49-CT/TW ngày 20/10/2015 của Ban Bí thư;\n")
          .plan;
  EXPECT_EQ(mixed.title, "Triển khai công tác dân vận năm 2026");
  EXPECT_EQ(mixed.symbol->canonical(), "7/KH-UBND");
  EXPECT_EQ(mixed.issue_date, danvan::PartialDate(2026, 2, 1));
}

TEST(ImportLayouts, HeaderLinesBrokenAnywhere) {
  const Plan p = import_plan_text(
                     "ỦY BAN NHÂN\nDÂN\nTHÀNH PHỐ MẪU THỬ\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc\nSố: 153/KH-UBND\nMẫu Thử, ngày\n"
                     "17 tháng 11 năm 2025\nKẾ HOẠCH\nTHỬ NGHIỆM\n")
                     .plan;
  EXPECT_EQ(p.catalogue.issuer(p.issuer_id).name, "Ủy ban nhân dân thành phố Mẫu Thử");
  EXPECT_EQ(p.issue_date, danvan::PartialDate(2025, 11, 17));
  EXPECT_EQ(p.place, "Mẫu Thử");
  EXPECT_EQ(p.title, "THỬ NGHIỆM");
}

TEST(ImportLayouts, NoControlCharacterReachesTheDraft) {
  // U+0082 (a C1 control left by a wrong code page) reads as a space; a basis read across two
  // paragraphs of the preamble is cited on one line.
  const Plan p = plan_of(
      "Căn cứ Chỉ thị số 49-CT/TW ngày 20/10/2015 của Ban\n\nBí thư;\n\n"
      "I. NHIỆM VỤ\n\n1. Tuyên\u0082truyền.\n");
  EXPECT_EQ(task_areas(p),
            (std::vector<std::pair<std::string, std::string>>{{"1.", "Tuyên truyền."}}));
  for (const auto& c : p.legal_bases) {
    EXPECT_EQ(c.cited_as.find('\n'), std::string::npos) << c.cited_as;
  }
  EXPECT_EQ(danvan::plan_from_json(danvan::to_json(p)), p);
}

}  // namespace

namespace {

// "Hằng tháng, trước ngày 25, ... báo cáo": a bare day after "hằng/hàng/mỗi tháng" earlier in
// the sentence is that day of every month; without it a bare day is no deadline.
TEST(ImportLayouts, AMonthlyDayNamedBeforeTheReport) {
  const Plan p = plan_of(
      "IV. TỔ CHỨC THỰC HIỆN\n\n1. Hằng tháng, trước ngày 25, các đơn vị báo cáo tiến độ về "
      "Sở Nội vụ.\n\n2. Trước ngày 20, Sở Tài chính báo cáo kết quả.\n");
  EXPECT_EQ(deadlines(p), (std::vector<std::string>{"---25"}));
}

TEST(ImportLayouts, AReportDueInAYear) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ tổng hợp, báo cáo trước ngày 30/11 hằng năm. Báo "
      "cáo giữa kỳ thực hiện Kế hoạch (năm 2028) và báo cáo tổng kết thực hiện Kế hoạch (năm "
      "2030), gửi Ủy ban nhân dân tỉnh; báo cáo tổng kết vào năm 2031. Báo cáo kết quả năm 2026 "
      "gửi Sở Nội vụ.\n");
  // "báo cáo kết quả năm 2026" names the year reported on: no deadline.
  EXPECT_EQ(deadlines(p), (std::vector<std::string>{"11-30", "2028", "2030", "2031"}));
}

TEST(ImportLayouts, ADeadlineSentenceAfterAReportIsTheReportsDeadline) {
  // "Thời hạn hoàn thành: ..." in its own sentence (or paragraph) dates the sentence before it;
  // it is a reporting duty when that sentence asks for a report, and not when it does not.
  const Plan p = plan_of(
      "I. NHIỆM VỤ CỤ THỂ\n\n"
      "1. Sở Tài chính: hướng dẫn kiểm kê; tổng hợp kết quả. Thời hạn hoàn thành: trước ngày "
      "15/02/2026.\n\n"
      "2. Ủy ban nhân dân các xã: tổ chức kiểm kê; báo cáo kết quả về Sở Tài chính. Thời hạn "
      "hoàn thành: Trước ngày 31/01/2026.\n\n"
      "3. Sở Nội vụ: rà soát, báo cáo Ủy ban nhân dân tỉnh số đơn vị sự nghiệp.\n\n"
      "- Thời gian hoàn thành: trước ngày 20/3/2026.\n\n"
      "4. Sở Y tế: thực hiện kiểm kê trong ngành.\n\n- Thời hạn: trước ngày 10/01/2026.\n\n"
      "5. Hồ sơ gồm tờ trình và báo cáo giải trình ý kiến thẩm định; thời hạn trình phê duyệt: "
      "trước ngày 15/8.\n");
  EXPECT_EQ(deadlines(p), (std::vector<std::string>{"2026-01-31", "2026-03-20"}));
  ASSERT_EQ(p.reporting.size(), 2U);
  EXPECT_EQ(p.reporting[0].text,
            "báo cáo kết quả về Sở Tài chính. Thời hạn hoàn thành: Trước ngày 31/01/2026");
  EXPECT_EQ(p.reporting[1].text,
            "Sở Nội vụ: rà soát, báo cáo Ủy ban nhân dân tỉnh số đơn vị sự nghiệp. Thời gian "
            "hoàn thành: trước ngày 20/3/2026");
}

TEST(ImportLayouts, FundingIsWhereTheMoneyComesFromNotAnyMentionOfIt) {
  const Plan saving = plan_of(
      "I. NHIỆM VỤ\n\n1. Triệt để tiết kiệm chi thường xuyên, nhất là kinh phí hội nghị; thu "
      "hồi các khoản kinh phí đã giao nhưng chưa phân bổ.\n");
  EXPECT_TRUE(saving.funding.empty());
  const Plan funded = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Tài chính bố trí kinh phí trong dự toán hằng năm.\n\n"
      "2. Các sở chủ động huy động kinh phí xã hội hóa.\n");
  EXPECT_EQ(funded.funding,
            (std::vector<std::string>{"Sở Tài chính bố trí kinh phí trong dự toán hằng năm",
                                      "Các sở chủ động huy động kinh phí xã hội hóa"}));
}

TEST(ImportLayouts, UnnumberedReportsAndNumbersWithoutATypeCodeInThePreamble) {
  const Plan p = plan_of(
      "Căn cứ Công điện số 223/CĐ-TTg ngày 20/11/2025 của Thủ tướng Chính phủ; Báo cáo nhanh "
      "tình hình thiệt hại do mưa lũ trên địa bàn tỉnh đến ngày 21/11/2025;\n\n"
      "Căn cứ Quy chế phối hợp số 49/QCPH-UBND-UBMT ngày 24/01/2025 về vận động, tiếp nhận "
      "nguồn đóng góp;\n\nI. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  ASSERT_EQ(p.legal_bases.size(), 3U);
  const auto& report = p.catalogue.instrument(p.legal_bases[1].instrument_id);
  EXPECT_EQ(report.type, danvan::DocumentType::report);
  EXPECT_EQ(report.title,
            "Báo cáo nhanh tình hình thiệt hại do mưa lũ trên địa bàn tỉnh đến ngày 21/11/2025");
  EXPECT_FALSE(report.symbol.has_value());
  const auto& rule = p.catalogue.instrument(p.legal_bases[2].instrument_id);
  EXPECT_EQ(rule.type, danvan::DocumentType::regulation);
  ASSERT_TRUE(rule.symbol.has_value());
  EXPECT_EQ(rule.symbol->canonical(), "49/QCPH-UBND-UBMT");
}

TEST(ImportLayouts, CongressResolutionsAreBasesByTheirName) {
  const Plan p = plan_of(
      "Thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và Chỉ thị số "
      "05-CT/TU ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy;\n\n"
      "Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025 (sau "
      "đây gọi tắt là Nghị quyết Đại hội XVII) và nghị quyết đại hội đảng bộ các cấp;\n\n"
      "Thực hiện Nghị quyết Đại hội XIII của Đảng bộ huyện Mẫu Thử;\n\n"
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  ASSERT_EQ(p.legal_bases.size(), 4U);
  const auto& national = p.catalogue.instrument(p.legal_bases[0].instrument_id);
  EXPECT_EQ(national.type, danvan::DocumentType::resolution);
  EXPECT_EQ(national.title, "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng");
  EXPECT_FALSE(national.symbol.has_value());
  EXPECT_EQ(p.legal_bases[1].cited_as,
            "Chỉ thị số 05-CT/TU ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy");
  // The term belongs to the name; the short name and the congresses without a numeral are
  // no further bases.
  EXPECT_EQ(p.catalogue.instrument(p.legal_bases[2].instrument_id).title,
            "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025");
  EXPECT_EQ(p.catalogue.instrument(p.legal_bases[3].instrument_id).title,
            "Nghị quyết Đại hội XIII của Đảng bộ huyện Mẫu Thử");
}

TEST(ImportLayouts, TargetsOfAHeadingThatAlsoCoversRequirements) {
  const Plan p = plan_of(
      "I. MỤC TIÊU, YÊU CẦU\n\n1. Mục tiêu\n\n- Nâng cao nhận thức của cán bộ.\n\n- Phấn đấu "
      "100% xã có mô hình.\n\n2. Yêu cầu\n\n- Triển khai nghiêm túc.\n\nII. NHIỆM VỤ\n\n1. "
      "Tuyên truyền.\n");
  EXPECT_EQ(p.targets, (std::vector<std::string>{"Nâng cao nhận thức của cán bộ",
                                                 "Phấn đấu 100% xã có mô hình"}));
  EXPECT_EQ(p.requirements, (std::vector<std::string>{"Triển khai nghiêm túc"}));
  // A targets heading alone still sums its sub-headings' items.
  const Plan q = plan_of(
      "I. MỤC TIÊU\n\n1. Mục tiêu chung\n\nXây dựng hệ thống chính trị vững mạnh.\n\n2. Mục "
      "tiêu cụ thể\n\na) 100% xã có mô hình.\n\nb) 90% cán bộ được tập huấn.\n");
  EXPECT_EQ(q.targets.size(), 3U);
  // "Mục tiêu, nhiệm vụ": the tasks are task areas, not targets.
  const Plan r = plan_of(
      "I. MỤC TIÊU, NHIỆM VỤ\n\n1. Mục tiêu\n\n- 100% xã có mô hình.\n\n- 90% cán bộ được "
      "tập huấn.\n\n2. Nhiệm vụ\n\na) Tuyên truyền.\n\nb) Xây dựng mô hình.\n");
  EXPECT_EQ(r.targets,
            (std::vector<std::string>{"100% xã có mô hình", "90% cán bộ được tập huấn"}));
  EXPECT_EQ(r.task_areas.size(), 2U);
  // Dash sub-headings: "- Mục tiêu chung: ..." is one target, "- Mục tiêu cụ thể:" counts the
  // "+" items under it.
  const Plan d = plan_of(
      "I. MỤC TIÊU\n\n- Mục tiêu chung: Xây dựng hệ thống chính trị vững mạnh.\n\n- Mục tiêu "
      "cụ thể:\n\n+ 100% xã có mô hình.\n\n+ 90% cán bộ được tập huấn.\n\nII. NHIỆM VỤ\n\n1. "
      "Tuyên truyền.\n");
  EXPECT_EQ(d.targets,
            (std::vector<std::string>{"Mục tiêu chung: Xây dựng hệ thống chính trị vững mạnh",
                                      "100% xã có mô hình", "90% cán bộ được tập huấn"}));
}

TEST(ImportLayouts, PeriodOfAHalfOrAQuarterOfTheYear) {
  const auto period = [](const std::string& title) {
    const Plan p = plan_of("I. NHIỆM VỤ\n\n1. Tuyên truyền.\n", title);
    if (!p.period) return std::string("none");
    const auto iso = [](const auto& d) { return d ? d->iso() : std::string("?"); };
    return iso(p.period->from) + "/" + iso(p.period->to) + " " + p.period->text;
  };
  EXPECT_EQ(period("THỰC HIỆN CÔNG TÁC DÂN VẬN 6 THÁNG CUỐI NĂM 2026"),
            "2026-07/2026-12 6 THÁNG CUỐI NĂM 2026");
  EXPECT_EQ(period("THỰC HIỆN CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2026"),
            "2026-01/2026-06 6 THÁNG ĐẦU NĂM 2026");
  EXPECT_EQ(period("KIỂM TRA QUÝ III NĂM 2026"), "2026-07/2026-09 QUÝ III NĂM 2026");
  EXPECT_EQ(period("KIỂM TRA QUÝ 4 NĂM 2026"), "2026-10/2026-12 QUÝ 4 NĂM 2026");
  // A date's month is no part of the year ("tháng 6 năm 2026" stays a date).
  EXPECT_EQ(period("TỔNG KẾT NGÀY 15 THÁNG 6 NĂM 2026"), "none");
}

TEST(ImportLayouts, PeriodOfAProgrammeNamedInTheTitleIsNotThePlans) {
  const auto period = [](const std::string& title) {
    const Plan p = plan_of("I. NHIỆM VỤ\n\n1. Tuyên truyền.\n", title);
    return p.period ? p.period->text : std::string("none");
  };
  // The programme's phase, then the plan's own year after its scope.
  EXPECT_EQ(period("THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA GIẢM NGHÈO BỀN VỮNG GIAI ĐOẠN "
                   "2021 - 2025 TRÊN ĐỊA BÀN TỈNH NĂM 2024"),
            "NĂM 2024");
  // After the scope the phase is the plan's own.
  EXPECT_EQ(period("THỰC HIỆN CHƯƠNG TRÌNH PHÁT TRIỂN CÔNG TÁC XÃ HỘI TRÊN ĐỊA BÀN TỈNH GIAI "
                   "ĐOẠN 2021 - 2025"),
            "GIAI ĐOẠN 2021 - 2025");
  // A movement is no document: its phase is the plan's.
  EXPECT_EQ(period("THỰC HIỆN PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO” GIAI ĐOẠN 2021 - 2025"),
            "GIAI ĐOẠN 2021 - 2025");
}

TEST(ImportLayouts, PeriodOfAStrategyOrOfADecisionsPlan) {
  const auto period = [](const std::string& title) {
    const Plan p = plan_of("I. NHIỆM VỤ\n\n1. Tuyên truyền.\n", title);
    return p.period ? p.period->text : std::string("none");
  };
  // A strategy's horizon is its own, scope or not, quoted or not.
  EXPECT_EQ(period("HÀNH ĐỘNG THỰC HIỆN CHIẾN LƯỢC QUỐC GIA PHÒNG, CHỐNG TÁC HẠI CỦA THUỐC LÁ "
                   "ĐẾN NĂM 2020"),
            "none");
  EXPECT_EQ(period("VỀ VIỆC THỰC HIỆN “CHIẾN LƯỢC QUỐC GIA VỀ PHÒNG, CHỐNG TÁC HẠI CỦA THUỐC LÁ "
                   "ĐẾN NĂM 2030” TRÊN ĐỊA BÀN TỈNH"),
            "none");
  // "pháp luật" is law in general, not a law of 2021: the year is the plan's.
  EXPECT_EQ(period("CÔNG TÁC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT; HÒA GIẢI Ở CƠ SỞ NĂM 2021"), "NĂM 2021");
  // Without a strategy the horizon is the plan's.
  EXPECT_EQ(period("PHÒNG, CHỐNG TÁC HẠI CỦA THUỐC LÁ TRÊN ĐỊA BÀN TỈNH ĐẾN NĂM 2030"),
            "ĐẾN NĂM 2030");
}

TEST(ImportLayouts, ADecisionsTitleIsThePlansForItsPeriod) {
  const auto decision = [](const std::string& title) {
    return import_plan_text(
               "BỘ TƯ PHÁP\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
               "Số: 26/QĐ-BTP\n\nHà Nội, ngày 31 tháng 12 năm 2020\n\nQUYẾT ĐỊNH\n\n" +
               title +
               "\n\nBỘ TRƯỞNG BỘ TƯ PHÁP\n\nCăn cứ Luật Phổ biến, giáo dục pháp luật ngày "
               "20/6/2012;\n\nCăn cứ Nghị định số 96/2017/NĐ-CP ngày 16/8/2017 của Chính phủ;\n")
        .plan;
  };
  const Plan p = decision("BAN HÀNH KẾ HOẠCH CÔNG TÁC PHỔ BIẾN, GIÁO DỤC PHÁP LUẬT NĂM 2021");
  ASSERT_TRUE(p.period.has_value());
  EXPECT_EQ(p.period->text, "NĂM 2021");
  // The authority line in its own block opens the preamble, which the text ends in: its
  // bases are read all the same, the law by its whole name up to the date.
  ASSERT_EQ(p.legal_bases.size(), 2U);
  const auto& law = p.catalogue.instrument(p.legal_bases[0].instrument_id);
  EXPECT_EQ(law.title, "Luật Phổ biến, giáo dục pháp luật");
  EXPECT_EQ(law.date, danvan::PartialDate(2012, 6, 20));
  const Plan q = decision(
      "VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN CHIẾN LƯỢC QUỐC GIA PHÒNG, CHỐNG TÁC HẠI THUỐC LÁ "
      "ĐẾN NĂM 2020 TRÊN ĐỊA BÀN TỈNH");
  EXPECT_FALSE(q.period.has_value());
}

TEST(ImportLayouts, APlaceDateLineBrokenInATableCell) {
  const auto header = [](const std::string& place_date) {
    return import_plan_text(
               "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ "
               "NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n|\n"
               "Số: 68/KH-UBND\n|\n" +
               place_date +
               "\n|\nKẾ HOẠCH\nTRIỂN KHAI CHỈ THỊ SỐ 37-CT/TW\nCăn cứ Chỉ thị "
               "số 37-CT/TW ngày 03/9/2019 của Ban Bí thư.\nI. NHIỆM VỤ\n1. Tuyên "
               "truyền.\n")
        .plan;
  };
  for (const std::string pd :
       {"Sơn\nLa, ngày 11 tháng 3\nnăm 2020", "Sơn La, ngày 11\ntháng 3 năm 2020",
        "Sơn La, ngày\n11 tháng 3 năm 2020", "Sơn La, ngày 11 tháng\n3 năm 2020"}) {
    const Plan p = header(pd);
    EXPECT_EQ(p.place, "Sơn La") << pd;
    EXPECT_EQ(p.issue_date, danvan::PartialDate(2020, 3, 11)) << pd;
    EXPECT_EQ(p.title, "TRIỂN KHAI CHỈ THỊ SỐ 37-CT/TW") << pd;
    EXPECT_EQ(p.legal_bases.size(), 1U) << pd;
  }
  // A place-date line on two lines with nothing broken stays as it was; a line in capitals
  // is no part of the place.
  const Plan q = header("SƠN\nLa, ngày 11 tháng 3 năm 2020");
  EXPECT_EQ(q.place, "La");
}

// The blanks of a document still to be numbered and dated ("……………, ngày ..... tháng .....
// năm ......." as danvan writes what it does not know) give no place and no date.
TEST(ImportLayouts, ABlankPlaceDateLineGivesNoPlace) {
  for (const std::string blank : {"……………", "...........", "… …"}) {
    const Plan p =
        import_plan_text("ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: ....../KH-......\n" + blank +
                         ", ngày ..... tháng ..... năm .......\n\nKẾ HOẠCH\nTHỬ "
                         "NGHIỆM\n\nI. NHIỆM VỤ\n1. Tuyên truyền.\n")
            .plan;
    EXPECT_EQ(p.place, std::nullopt) << blank;
    EXPECT_EQ(p.issue_date, std::nullopt) << blank;
    EXPECT_EQ(p.title, "THỬ NGHIỆM") << blank;
  }
}

TEST(ImportLayouts, ATitleInCapitalsGoesOnThroughThucHien) {
  const Plan p = import_plan_text(
                     "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 35/KH-UBND | "
                     "Hòa Bình, ngày 07 tháng 05 năm 2015 |\nKẾ HOẠCH HÀNH ĐỘNG\nTHỰC HIỆN "
                     "CHIẾN LƯỢC QUỐC GIA PHÒNG, CHỐNG TÁC HẠI CỦA THUỐC LÁ ĐẾN NĂM 2020\nCăn "
                     "cứ Luật phòng, chống tác hại của thuốc lá do Quốc hội thông qua ngày "
                     "18/6/2012;\nỦy ban nhân dân tỉnh Hòa Bình xây dựng kế hoạch hành động như "
                     "sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n1.1. Tổ chức triển khai.\n")
                     .plan;
  EXPECT_EQ(p.title,
            "HÀNH ĐỘNG THỰC HIỆN CHIẾN LƯỢC QUỐC GIA PHÒNG, CHỐNG TÁC HẠI CỦA THUỐC LÁ ĐẾN NĂM "
            "2020");
  // The header names no place: "xây dựng kế hoạch" announces the plan as "ban hành" does.
  EXPECT_EQ(p.catalogue.issuer(p.issuer_id).name, "Ủy ban nhân dân tỉnh Hòa Bình");
  ASSERT_EQ(p.legal_bases.size(), 1U);
  EXPECT_EQ(p.catalogue.instrument(p.legal_bases[0].instrument_id).title,
            "Luật phòng, chống tác hại của thuốc lá");
  EXPECT_FALSE(p.period.has_value());
}

TEST(ImportLayouts, UnitsAndRolesOfTheOrganisationSection) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n1. Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh tổng hợp ý "
      "kiến cử tri.\n\n2. Căn cứ nội dung Kế hoạch, các sở, ngành được phân công chủ trì thực "
      "hiện nhiệm vụ có trách nhiệm xây dựng kế hoạch chi tiết.\n\n3. Doanh nghiệp, tổ chức, cá "
      "nhân: đăng ký hỗ trợ thông qua đầu mối Ủy ban MTTQ Việt Nam tỉnh.\n\n4. Ủy ban nhân dân "
      "các xã: Gia Thuận, Tân Điền, Gò Công Đông\n\n- Xây dựng kế hoạch cụ thể.\n\n5. Văn "
      "phòng Ủy ban nhân dân tỉnh và Sở Nội vụ theo dõi, đôn đốc.\n\n6. Trong quá trình thực "
      "hiện, nếu có khó khăn, vướng mắc các cơ quan, đơn vị, địa phương kịp thời phản ánh về "
      "Sở Nội vụ.\n");
  EXPECT_EQ(
      duties(p),
      (std::vector<std::pair<std::string, DutyRole>>{
          {"Văn phòng Đoàn đại biểu Quốc hội và HĐND tỉnh", DutyRole::unspecified},
          {"các sở, ngành", DutyRole::unspecified},
          {"Doanh nghiệp, tổ chức, cá nhân", DutyRole::unspecified},
          {"Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Gò Công Đông", DutyRole::unspecified},
          {"Văn phòng Ủy ban nhân dân tỉnh", DutyRole::unspecified},
          {"Sở Nội vụ", DutyRole::unspecified},
          {"các cơ quan, đơn vị, địa phương", DutyRole::unspecified}}));
}

TEST(ImportLayouts, DutiesFromATableOfTheOrganisationSection) {
  const Plan p = plan_of(
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
      "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
      "|---|---|---|---|---|\n"
      "| 1 | Tuyên truyền | Sở Văn hóa, Thể thao và Du lịch | Sở Nội vụ | Quý I |\n"
      "| 2 | Xây dựng mô hình | Sở Nội vụ | Ủy ban nhân dân các huyện, Sở Tài chính | 2026 |\n"
      "| 3 | Tổng kết | - | | |\n"
      "| 4 | Dòng thiếu ô | Sở Y tế |\n");
  // Lead in one row, partner in another: one duty at its first place, the stronger role. A
  // row without the header's cells gives nothing; "-" is no unit.
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Văn hóa, Thể thao và Du lịch", DutyRole::lead},
                           {"Sở Nội vụ", DutyRole::lead},
                           {"Ủy ban nhân dân các huyện", DutyRole::coordinate},
                           {"Sở Tài chính", DutyRole::coordinate}}));
  ASSERT_FALSE(p.duties.empty());
  EXPECT_EQ(p.duties[0].text, "Tuyên truyền | Quý I");
  // A table without a "chủ trì" column, or with only its header, names no duty.
  const Plan q = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n| TT | Nội dung | Thời gian |\n|---|---|---|\n"
      "| 1 | Sở Nội vụ | Quý I |\n\n| Cơ quan chủ trì | Cơ quan phối hợp |\n|---|---|\n");
  EXPECT_TRUE(q.duties.empty());
}

}  // namespace

namespace {

// The lines of a Markdown table: a header row, the rule, then the rows.
std::string table(const std::vector<std::string>& rows) {
  std::string out = rows.front() + "\n|---|---|---|---|\n";
  for (std::size_t r = 1; r < rows.size(); ++r) out += rows[r] + "\n";
  return out;
}

TEST(ImportLayouts, TargetsInATableCountByItsNumberedRows) {
  // The sentence leading into the table is no target; the numbered rows are, without their
  // number; the column-number row "(1) | (2) ..." and a group row "I" are not.
  const Plan p =
      plan_of("I. MỤC TIÊU\n\nPhấn đấu năm 2026 đạt các chỉ tiêu sau:\n\n" +
              table({"| STT | Chỉ tiêu | Đơn vị | Năm 2026 |", "| (1) | (2) | (3) | (4) |",
                     "| I | Chuyển đổi số | | |", "| 1 | Tỷ lệ hồ sơ trực tuyến | % | 50 |",
                     "| 2. | Tỷ lệ dân số có tài khoản | % | 80 |",
                     "| 2.1 | Trong đó ở nông thôn | % | 60 |"}) +
              "\nII. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(p.targets, (std::vector<std::string>{"Tỷ lệ hồ sơ trực tuyến | % | 50",
                                                 "Tỷ lệ dân số có tài khoản | % | 80"}));
  // Without numbered rows: every row under the header with a letter in it, all its cells.
  const Plan plain =
      plan_of("I. MỤC TIÊU\n\n" +
              table({"| Chỉ tiêu | Đơn vị | 2025 | 2026 |", "| Hồ sơ trực tuyến | % | 40 | 50 |",
                     "| 10 | 20 | 30 | 40 |", "| Xã có mô hình | xã | 5 | 8 |"}) +
              "\nII. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(plain.targets, (std::vector<std::string>{"Hồ sơ trực tuyến | % | 40 | 50",
                                                     "Xã có mô hình | xã | 5 | 8"}));
  // A table with its header only gives no target, and a sentence ending in ":" that no table
  // follows is a target as written.
  const Plan empty = plan_of("I. MỤC TIÊU\n\nPhấn đấu đạt các chỉ tiêu sau:\n\n" +
                             table({"| STT | Chỉ tiêu | Đơn vị | Năm 2026 |"}) +
                             "\nII. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_TRUE(empty.targets.empty());
  const Plan lead = plan_of(
      "I. MỤC TIÊU\n\nPhấn đấu đạt các chỉ tiêu sau:\n\n"
      "II. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(lead.targets, (std::vector<std::string>{"Phấn đấu đạt các chỉ tiêu sau:"}));
}

TEST(ImportLayouts, TargetsNumberedInOneParagraph) {
  const Plan p = plan_of(
      "I. MỤC TIÊU, CHỈ TIÊU\n\n1. Mục tiêu chung\n\nTạo chuyển biến rõ nét.\n\n"
      "2. Chỉ tiêu cụ thể\n\n(1) 100% cơ quan đăng ký mô hình; (2) ít nhất 05 mô hình được "
      "công nhận, (3) 90% hộ dân được tuyên truyền.\n\nII. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(p.targets, (std::vector<std::string>{
                           "Tạo chuyển biến rõ nét", "100% cơ quan đăng ký mô hình",
                           "ít nhất 05 mô hình được công nhận", "90% hộ dân được tuyên truyền"}));
  // "(2)" not after a ";", "," or "." (a reference inside the sentence), a "(3)" before any
  // "(2)", and a "(2)" without "(1)" cut nothing.
  const Plan inner = plan_of(
      "I. MỤC TIÊU\n\n(1) Hoàn thành chỉ tiêu tại điểm (2) khoản 1 và mục (3) của Kế hoạch.\n\n"
      "(2) 100% xã có mô hình; (3) 90% hộ dân.\n\nII. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  EXPECT_EQ(inner.targets, (std::vector<std::string>{
                               "Hoàn thành chỉ tiêu tại điểm (2) khoản 1 và mục (3) của Kế hoạch",
                               "100% xã có mô hình; (3) 90% hộ dân"}));
}

TEST(ImportLayouts, DutiesInTheAnnexTableTheOrganisationSectionPointsTo) {
  const std::string annex =
      "PHỤ LỤC\nNHIỆM VỤ CỤ THỂ\n\n"
      "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
      "| 1 | Xây dựng hạ tầng | Sở Thông tin và Truyền thông | Sở Tài chính | 2026 |\n"
      "| 2 | Cấp tài khoản định danh | Công an tỉnh | | Quý II |\n";
  const Plan p = plan_of(
      "I. NHIỆM VỤ\n\n1. Phát triển hạ tầng số.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
      "Các sở, ngành thực hiện nhiệm vụ tại Phụ lục kèm theo.\n\n" +
      annex);
  ASSERT_EQ(p.duties.size(), 3U);
  EXPECT_EQ(p.duties[0].unit, "Sở Thông tin và Truyền thông");
  EXPECT_EQ(p.duties[0].role, DutyRole::lead);
  EXPECT_EQ(p.duties[0].text, "Xây dựng hạ tầng");
  EXPECT_EQ(p.duties[1].unit, "Sở Tài chính");
  EXPECT_EQ(p.duties[1].role, DutyRole::coordinate);
  EXPECT_EQ(p.duties[2].unit, "Công an tỉnh");
  EXPECT_EQ(p.duties[2].text, "Cấp tài khoản định danh | Quý II");
  // The annex is not read when the organisation section names units itself, nor when it does
  // not point to an annex.
  const Plan own = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ chủ trì thực hiện các nhiệm vụ tại Phụ lục.\n\n" +
      annex);
  ASSERT_EQ(own.duties.size(), 1U);
  EXPECT_EQ(own.duties[0].unit, "Sở Nội vụ");
  const Plan silent =
      plan_of("I. TỔ CHỨC THỰC HIỆN\n\nYêu cầu nghiêm túc thực hiện Kế hoạch.\n\n" + annex);
  EXPECT_TRUE(silent.duties.empty());
}

TEST(ImportLayouts, ACommunesPostsAreUnits) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n1. Công chức Văn hóa - Xã hội chủ trì, phối hợp với Ủy ban Mặt "
      "trận Tổ quốc xã triển khai.\n\n2. Trạm Y tế xã phối hợp tuyên truyền.\n\n"
      "3. Các thôn tổ chức thực hiện.\n");
  ASSERT_EQ(p.duties.size(), 3U);
  EXPECT_EQ(p.duties[0].unit, "Công chức Văn hóa - Xã hội");
  EXPECT_EQ(p.duties[0].role, DutyRole::lead);
  EXPECT_EQ(p.duties[1].unit, "Trạm Y tế xã");
  EXPECT_EQ(p.duties[1].role, DutyRole::coordinate);
  EXPECT_EQ(p.duties[2].unit, "Các thôn");
}

// The issuer's name as the draft resolves it, "" when it has none.
std::string issuer_of(const danvan::ImportResult& r) {
  return r.plan.issuer_id.empty() ? "" : r.plan.catalogue.issuer(r.plan.issuer_id).name;
}

bool noted(const danvan::ImportResult& r, const std::string& note) {
  return std::find(r.undetermined.begin(), r.undetermined.end(), note) != r.undetermined.end();
}

TEST(ImportLayouts, WithoutHeaderTheSentenceThatIssuesThePlanNamesItsAuthor) {
  const auto r = import_plan_text(
      "KẾ HOẠCH\nThực hiện phong trào thi đua Dân vận khéo năm 2025\n\n"
      "Thực hiện Kế hoạch số 06-KH/BDVTU ngày 19/02/2025 của Ban Dân vận Tỉnh ủy, Ủy ban nhân "
      "dân xã Hòa Phong xây dựng Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n\n- Nâng cao nhận thức.\n");
  EXPECT_EQ(issuer_of(r), "Ủy ban nhân dân xã Hòa Phong");
  EXPECT_TRUE(noted(
      r,
      "issuer: no header; the text names \"Ủy ban nhân dân xã Hòa Phong\" as the plan's author"));
  // A title cut into blocks by blank lines goes on where a block opens with a small letter;
  // the verb may be capitalised ("huyện Xây dựng"), the place is then the title's ("huyện U
  // Minh Thượng": a one-letter word in capitals is part of a name), up to its line's end.
  const auto cut = import_plan_text(
      "KẾ HOẠCH\n\nRà soát hộ nghèo, hộ cận nghèo,\n\nlâm nghiệp có mức sống trung bình năm "
      "2021\n\n trên địa bàn huyện U Minh Thượng\n\nThực hiện Kế hoạch số 164/KH-UBND ngày "
      "29/8/2021 của UBND tỉnh Kiên Giang.\n\nỦy ban nhân dân huyện Xây dựng Kế hoạch như "
      "sau:\n\nI. MỤC ĐÍCH\n\n- Đánh giá tình hình.\n");
  EXPECT_EQ(cut.plan.title,
            "Rà soát hộ nghèo, hộ cận nghèo, lâm nghiệp có mức sống trung bình năm 2021 trên địa "
            "bàn huyện U Minh Thượng");
  EXPECT_EQ(issuer_of(cut), "Ủy ban nhân dân huyện U Minh Thượng");
  ASSERT_TRUE(cut.plan.period.has_value());
  EXPECT_EQ(cut.plan.period->text, "năm 2021");
  // No place anywhere, or two different ones: no issuer, and no note about a header's place.
  for (const std::string sentence :
       {"Ủy ban nhân dân huyện xây dựng Kế hoạch như sau:",
        "Ủy ban nhân dân xã Hòa Phong xây dựng Kế hoạch, Ủy ban nhân dân xã Hòa Hiệp ban hành Kế "
        "hoạch như sau:"}) {
    const auto none = import_plan_text(
        "KẾ HOẠCH\nRà soát hộ nghèo\n\nCăn cứ tình hình thực "
        "tế, " +
        sentence + "\n\nI. MỤC ĐÍCH\n\n- Đánh giá.\n");
    EXPECT_EQ(issuer_of(none), "") << sentence;
    EXPECT_TRUE(noted(none, "issuer: the header names no issuing body")) << sentence;
    EXPECT_TRUE(std::none_of(
        none.undetermined.begin(), none.undetermined.end(),
        [](const std::string& n) { return n.find("without its place") != std::string::npos; }))
        << sentence;
  }
}

TEST(ImportLayouts, ASignatureWithBlankLinesAndTheBodyItSignsFor) {
  // No header and no author in the text: the signature's "TM." line names the issuer; its
  // name comes after blank lines ("(Đã ký)" between).
  const std::string body =
      "KẾ HOẠCH\nThực hiện phong trào thi đua Dân vận khéo năm 2025\n\nThực hiện Kế hoạch số "
      "06-KH/BDVTU ngày 19/02/2025 của Ban Dân vận Tỉnh ủy, UBND xã xây dựng Kế hoạch như "
      "sau:\n\nI. MỤC ĐÍCH\n\n- Nâng cao nhận thức.\n\n";
  const auto r = import_plan_text(body +
                                  "TM. ỦY BAN NHÂN DÂN XÃ HÒA PHONG\nKT. CHỦ TỊCH\nPHÓ "
                                  "CHỦ TỊCH\n\n(Đã ký)\n\nNguyễn Văn A\n");
  ASSERT_TRUE(r.plan.signature.has_value());
  EXPECT_EQ(r.plan.signature->authority, "TM. ỦY BAN NHÂN DÂN XÃ HÒA PHONG KT. CHỦ TỊCH");
  EXPECT_EQ(r.plan.signature->title, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(r.plan.signature->name, "Nguyễn Văn A");
  EXPECT_EQ(issuer_of(r), "Ủy ban nhân dân xã Hòa Phong");
  EXPECT_TRUE(
      noted(r, "issuer: no header; the signature signs for \"Ủy ban nhân dân xã Hòa Phong\""));
  // A bare "TM. ỦY BAN NHÂN DÂN" whose place the text does not give: no issuer.
  const auto bare = import_plan_text(body + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n");
  ASSERT_TRUE(bare.plan.signature.has_value());
  EXPECT_EQ(bare.plan.signature->name, "Nguyễn Văn A");
  EXPECT_EQ(issuer_of(bare), "");
  EXPECT_TRUE(noted(bare, "issuer: the header names no issuing body"));
  // A "KT." line alone says for whom it signs no body; a name more than three blocks down, or
  // after a long line, is no signature's; a truncated signature (no name) is none.
  const auto kt = import_plan_text(body + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n");
  ASSERT_TRUE(kt.plan.signature.has_value());
  EXPECT_EQ(issuer_of(kt), "");
  const auto far = import_plan_text(body +
                                    "TM. ỦY BAN NHÂN DÂN XÃ HÒA PHONG\nCHỦ TỊCH\n\n"
                                    "(Đã ký)\n\n(Đóng dấu)\n\n[chữ ký]\n\nNguyễn Văn A\n");
  EXPECT_FALSE(far.plan.signature.has_value());
  const auto cut_short = import_plan_text(body + "TM. ỦY BAN NHÂN DÂN XÃ HÒA PHONG\nCHỦ TỊCH\n");
  EXPECT_FALSE(cut_short.plan.signature.has_value());
  EXPECT_EQ(issuer_of(cut_short), "");
}

}  // namespace

// A first section that lists the plan's bases ("I. CĂN CỨ PHÁP LÝ", one document a line
// without "Căn cứ"), with or without a preamble of its own; a "Cơ sở thực tiễn" part states
// facts, not bases; a first section of another kind is not read for bases.
TEST(ImportLayouts, ABasesSectionListsTheLegalBases) {
  const std::string header =
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 14/KH-UBND\nMẫu Thử, ngày 09 tháng 12 năm 2024\n\n"
      "KẾ HOẠCH\nTRIỂN KHAI DỊCH VỤ CÔNG TRỰC TUYẾN\n\n";
  const auto symbols = [](const Plan& p) {
    std::vector<std::string> out;
    for (const auto& c : p.legal_bases) {
      const auto& sym = p.catalogue.instrument(c.instrument_id).symbol;
      out.push_back(sym ? sym->canonical() : "(" + c.cited_as + ")");
    }
    return out;
  };
  const Plan listed =
      import_plan_text(header +
                       "I. CĂN CỨ PHÁP LÝ\nNghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính "
                       "phủ;\nThông tư số 01/2023/TT-VPCP ngày 05/4/2023 của Văn phòng Chính "
                       "phủ.\n\nII. MỤC ĐÍCH, YÊU CẦU\n\n1. Thực hiện Nghị định số "
                       "45/2020/NĐ-CP đúng hạn.\n")
          .plan;
  EXPECT_EQ(symbols(listed), (std::vector<std::string>{"42/2022/NĐ-CP", "01/2023/TT-VPCP"}));
  const Plan split =
      import_plan_text(header +
                       "Thực hiện Quyết định số 2259/QĐ-TTg ngày 30/12/2020 của Thủ tướng "
                       "Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\n"
                       "I. CĂN CỨ XÂY DỰNG\n1. Cơ sở pháp lý\n- Nghị quyết số 21-NQ/TW ngày "
                       "25/10/2017 của Ban Chấp hành Trung ương;\n- Quyết định số 2259/QĐ-TTg "
                       "ngày 30/12/2020;\n2. Cơ sở thực tiễn\nBáo cáo số 15/BC-UBND ngày "
                       "3/1/2021 cho thấy kết quả tốt.\nII. MỤC TIÊU\n1. Mục tiêu chung\n")
          .plan;
  EXPECT_EQ(symbols(split), (std::vector<std::string>{"2259/QĐ-TTg", "21-NQ/TW"}));
  const Plan other = import_plan_text(header +
                                      "Căn cứ Nghị định số 42/2022/NĐ-CP ngày 24/6/2022;\n\n"
                                      "I. MỤC ĐÍCH, YÊU CẦU\n1. Thực hiện Nghị định số "
                                      "45/2020/NĐ-CP đúng hạn.\n")
                         .plan;
  EXPECT_EQ(symbols(other), (std::vector<std::string>{"42/2022/NĐ-CP"}));
}

namespace {

using danvan::import_plan_text;
using danvan::Plan;

// A page's opening or a truncated file stops inside a section: the items there are not all
// in the text, so the section's count is not given (a complete section before it still is).
TEST(ImportLayouts, ACountTheTextStopsInsideIsNotGiven) {
  const std::string head =
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/KH-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
      "KẾ HOẠCH\nTHỬ NGHIỆM\n\n";
  const auto run = [&](const std::string& body) { return import_plan_text(head + body); };
  const std::string purposes =
      "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Nâng cao nhận thức.\n\n- Phát huy dân chủ.\n\n"
      "2. Yêu cầu\n\n";
  const auto cut = run(purposes + "a) Công tác tuyên truyền phải được sự qua");
  EXPECT_EQ(cut.plan.purposes.size(), 2U);
  EXPECT_TRUE(cut.plan.requirements.empty());
  EXPECT_NE(std::find(cut.undetermined.begin(), cut.undetermined.end(),
                      "requirements: the text stops inside \"Yêu cầu\"; its items are not all "
                      "there"),
            cut.undetermined.end());
  // Cut after a comma, or after a colon or a semicolon that announce more: cut as well.
  EXPECT_TRUE(run(purposes + "a) Công tác tuyên truyền,").plan.requirements.empty());
  EXPECT_TRUE(run(purposes + "a) Các nội dung sau:").plan.requirements.empty());
  // A last sentence that ends (also before a closing quote): the section is whole.
  EXPECT_EQ(run(purposes + "a) Triển khai nghiêm túc.").plan.requirements.size(), 1U);
  EXPECT_EQ(run(purposes + "a) Thực hiện “Dân vận khéo.”").plan.requirements.size(), 1U);
  const std::string targets =
      "I. MỤC TIÊU\n\n1. Mục tiêu chung: Giảm tỷ lệ sử dụng thuốc lá.\n\n2. Mục tiêu cụ "
      "thể\n\n- 100% cơ quan, đơn vị quán triệt Luật;\n\n";
  EXPECT_TRUE(
      run(targets + "- Giảm tỷ lệ hút thuốc lá trong nhóm nam xuống dưới").plan.targets.empty());
  EXPECT_EQ(run(targets + "- Giảm tỷ lệ hút thuốc lá xuống dưới 36%.\n\nII. NHIỆM VỤ\n\n1. Tuy")
                .plan.targets.size(),
            3U);
}

// The plan's author named in its announcement, the name followed by a parenthesis; the Prime
// Minister's code written in capitals ("QĐ-TTG").
TEST(ImportLayouts, AnAuthorsPlaceEndsBeforeAParenthesisAndTTGIsTTg) {
  const Plan p =
      import_plan_text(
          "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 9/KH-UBND | Mẫu Thử, ngày "
          "12 tháng 7 năm 2023 |\nThực hiện Quyết định số 568/QĐ-TTG ngày 24 tháng 5 năm 2023 của "
          "Thủ tướng Chính phủ; Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện công tác dân vận "
          "trên địa bàn tỉnh Mẫu Thử (Kế hoạch), như sau:\n- Nâng cao vai trò của các cấp.\n")
          .plan;
  EXPECT_EQ(p.catalogue.issuer(p.issuer_id).name, "Ủy ban nhân dân tỉnh Mẫu Thử");
  ASSERT_EQ(p.legal_bases.size(), 1U);
  const auto& decision = p.catalogue.instrument(p.legal_bases[0].instrument_id);
  ASSERT_TRUE(decision.symbol.has_value());
  EXPECT_EQ(decision.symbol->canonical(), "568/QĐ-TTg");
}

// Text laid out like a printed page (pdftotext -layout): each paragraph and heading starts
// indented, its wrapped lines at the margin, no blank lines between paragraphs.
TEST(ImportLayouts, ParagraphsOpenedByAnIndentWithoutBlankLines) {
  const std::string body =
      "      I. MỤC ĐÍCH, YÊU CẦU\n"
      "      1. Mục đích\n"
      "      Đưa chủ trương của Tỉnh ủy về hạ tầng nông thôn vào đời sống, huy động\n"
      "các nguồn lực của xã hội.\n"
      "       Nâng cao chất lượng quy hoạch, bảo đảm sử dụng đất đúng mục đích và\n"
      "tiết kiệm.\n"
      "      2. Yêu cầu\n"
      "      Bám sát chỉ đạo của tỉnh; phân công rõ đơn vị, rõ thời hạn, rõ kết\n"
      "quả.\n"
      "      Bảo đảm công khai, minh bạch trong toàn bộ quá trình thực hiện.\n"
      "      II. TỔ CHỨC THỰC HIỆN\n"
      "      1. Ban Quản lý Khu kinh tế và Ban Quản lý các Khu công nghiệp tỉnh Mẫu Thử\n"
      "      - Thực hiện quản lý khu công nghiệp theo nhiệm vụ được giao tại Nghị định\n"
      "của Chính phủ.\n"
      "      - Chủ trì rà soát các dự án chậm tiến độ.\n"
      "      2. Các sở, ban, ngành và các đơn vị khác có liên quan\n"
      "      Phối hợp chặt chẽ với các cơ quan chủ trì trong tổ chức thực hiện Kế hoạch này.\n";
  const Plan p = plan_of(body);
  EXPECT_EQ(p.purposes.size(), 2U);
  EXPECT_EQ(p.requirements.size(), 2U);
  ASSERT_FALSE(p.purposes.empty());
  EXPECT_EQ(p.purposes[0],
            "Đưa chủ trương của Tỉnh ủy về hạ tầng nông thôn vào đời sống, huy động các nguồn lực "
            "của xã hội");
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{
                {"Ban Quản lý Khu kinh tế", DutyRole::lead},
                {"Ban Quản lý các Khu công nghiệp tỉnh Mẫu Thử", DutyRole::lead},
                {"Các sở, ban, ngành và các đơn vị khác có liên quan", DutyRole::coordinate}}));
  // Text at the margin: the part's name alone on its line ("1. Mục đích") ends before the
  // capital line below it (ImportLayouts.APartsNameAloneOnItsLineInTextWithoutBlankLines).
  std::string flat;
  for (std::size_t at = 0; at < body.size();) {
    std::size_t end = body.find('\n', at);
    std::string line = body.substr(at, end - at);
    flat += line.substr(line.find_first_not_of(' ')) + "\n";
    at = end + 1;
  }
  ASSERT_FALSE(plan_of(flat).purposes.empty());
  EXPECT_EQ(plan_of(flat).purposes[0].rfind("Đưa chủ trương", 0), 0U);
}

TEST(ImportLayouts, RolesOfPartnersAndInvestorsAsUnits) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Sở Nội vụ: Phối hợp Công an tỉnh tham mưu, đề xuất khen thưởng các tập thể.\n\n"
      "2. Sở Y tế: Phối hợp, tham mưu Ủy ban nhân dân tỉnh tổ chức tổng kết.\n\n"
      "3. Các chủ đầu tư dự án hạ tầng kỹ thuật cụm công nghiệp\n\n"
      "- Thu hút nhà đầu tư vào cụm công nghiệp.\n");
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{
                {"Sở Nội vụ", DutyRole::coordinate},
                {"Sở Y tế", DutyRole::lead},
                {"Các chủ đầu tư dự án hạ tầng kỹ thuật cụm công nghiệp", DutyRole::unspecified}}));
}

TEST(ImportLayouts, ABoldHeadingNamingAGroupByItsPartIsTheUnit) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "**1. Sở Tài chính**\n\n- Chủ trì tổng hợp kết quả kiểm tra.\n\n"
      "**2. Các sở, ngành chủ trì, tham gia thực hiện các dự án thuộc Chương trình**\n\n"
      "- Phê duyệt kế hoạch kiểm tra; tổng hợp kết quả các dự án do sở, ngành chủ trì thực "
      "hiện.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Tài chính", DutyRole::lead},
                           {"Các sở, ngành chủ trì, tham gia thực hiện các dự án thuộc Chương "
                            "trình",
                            DutyRole::unspecified}}));
}

TEST(ImportLayouts, TheGovernmentsFormulaNamesBodiesByTheirHeads) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Bộ Công an giúp Thủ tướng Chính phủ theo dõi, đôn đốc thực hiện Kế hoạch.\n\n"
      "2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch "
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thực hiện Kế "
      "hoạch này.\n");
  EXPECT_EQ(
      duties(p),
      (std::vector<std::pair<std::string, DutyRole>>{
          {"Bộ Công an", DutyRole::unspecified},
          {"các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", DutyRole::unspecified},
          {"Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", DutyRole::unspecified}}));
}

// Plain text laid out like the page: "Nơi nhận" on the left, the signature on the right, on the
// same lines (a blank line inside the columns is skipped).
TEST(ImportLayouts, RecipientsAndSignatureSideBySideInPlainText) {
  const Plan p = plan_of(
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n\n"
      " Nơi nhận:                                        TM. ỦY BAN NHÂN DÂN\n"
      "- Như trên;                                            KT. CHỦ TỊCH\n"
      "- Thường trực Tỉnh ủy;                                 PHÓ CHỦ TỊCH\n"
      "- Các sở, ban, ngành tỉnh;\n"
      "\n"
      "- Lưu: VT.                                             Trần Văn Mẫu\n");
  ASSERT_TRUE(p.signature.has_value());
  EXPECT_EQ(p.signature->authority, "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH");
  EXPECT_EQ(p.signature->title, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(p.signature->name, "Trần Văn Mẫu");
  EXPECT_EQ(p.recipients, (std::vector<std::string>{"Như trên", "Thường trực Tỉnh ủy",
                                                    "Các sở, ban, ngành tỉnh", "Lưu: VT"}));
}

// A web page's signature table with each cell flattened to one line: the recipients' dashes
// inside one line, the signature's lines run together.
TEST(ImportLayouts, ASignatureTableFlattenedToOneLinePerCell) {
  const Plan p = plan_of(
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n\n"
      "| *Nơi nhận:* - Như Điều 3; - Văn phòng Bộ; - Lưu: VT, KH. | KT. BỘ TRƯỞNG  THỨ TRƯỞNG  "
      "   Trần Văn Mẫu |\n| --- | --- |\n");
  ASSERT_TRUE(p.signature.has_value());
  EXPECT_EQ(p.signature->authority, "KT. BỘ TRƯỞNG");
  EXPECT_EQ(p.signature->title, "THỨ TRƯỞNG");
  EXPECT_EQ(p.signature->name, "Trần Văn Mẫu");
  EXPECT_EQ(p.recipients, (std::vector<std::string>{"Như Điều 3", "Văn phòng Bộ", "Lưu: VT, KH"}));
}

// "CTrPH" (chương trình phối hợp) is no official code: the symbol is read as written and the
// name gives the type.
TEST(ImportLayouts, AJointProgrammeIsABasisByItsNumberAndItsName) {
  const Plan p = plan_of(
      "Căn cứ Chương trình phối hợp số 05-CTrPH/BDVTU-BCSĐ ngày 28/3/2022 của Ban Dân vận Tỉnh "
      "ủy và Ban cán sự đảng Ủy ban nhân dân tỉnh về công tác dân vận chính quyền;\n\n"
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  ASSERT_EQ(p.legal_bases.size(), 1U);
  const auto& programme = p.catalogue.instrument(p.legal_bases[0].instrument_id);
  EXPECT_EQ(programme.type, danvan::DocumentType::programme);
  ASSERT_TRUE(programme.symbol.has_value());
  EXPECT_EQ(programme.symbol->canonical(), "05-CTrPH/BDVTU-BCSĐ");
}

// Without blank lines an annex's heading line and its title's capital lines form one block:
// the attached plan after a decision's signature, and a "PHỤ LỤC" over its title.
TEST(ImportLayouts, AnnexHeadingsRunTogetherWithTheirTitles) {
  const Plan p =
      import_plan_text(
          "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/QĐ-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
          "QUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH THỬ NGHIỆM\n\n"
          "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thử nghiệm.\n\n"
          "| Nơi nhận: - Như Điều 1; - Lưu: VT. | KT. CHỦ TỊCH  PHÓ CHỦ TỊCH   Trần Văn Mẫu |\n"
          "| --- | --- |\n"
          "KẾ HOẠCH\nTHỬ NGHIỆM NĂM 2026\nI. NHIỆM VỤ\n1. Tập huấn cán bộ.\n"
          "PHỤ LỤC\nDANH MỤC NHIỆM VỤ NĂM 2026\n(Kèm theo Kế hoạch thử nghiệm)\n")
          .plan;
  std::vector<std::string> titles;
  for (const auto& a : p.annexes) titles.push_back(a.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"KẾ HOẠCH THỬ NGHIỆM NĂM 2026",
                                              "PHỤ LỤC: DANH MỤC NHIỆM VỤ NĂM 2026"}));
  EXPECT_EQ(task_areas(p).size(), 1U);
}

// Below the number, "KẾ HOẠCH" in capitals opens a title line in mixed case (an OCR'd or
// converted page): the title starts after the type word.
TEST(ImportLayouts, TheTypeWordInCapitalsBeforeATitleInMixedCase) {
  const auto title = [](const std::string& line) {
    return import_plan_text(
               "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ MẪU THỬ\nSố 70/KH-UBND\n\nMẫu Thử, ngày 15 "
               "tháng 9 năm 2025\n\n" +
               line +
               "\n\nThực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng "
               "Chính phủ, Ủy ban nhân dân thành phố ban hành Kế hoạch như sau:\n\nI. "
               "NHIỆM VỤ\n\n1. Tuyên truyền.\n")
        .plan.title;
  };
  EXPECT_EQ(title("# KẾ HOẠCH Thực hiện công tác dân vận năm 2025"),
            "Thực hiện công tác dân vận năm 2025");
}

// A title in capitals wrapped before its year: the line of figures goes on with it.
TEST(ImportLayouts, ATitleWrappedBeforeItsYear) {
  const Plan p = plan_of(
      "Căn cứ Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ;\n\n"
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n",
      "QUAN TRẮC MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN TRÊN ĐỊA BÀN TỈNH NĂM\n2026");
  EXPECT_EQ(p.title, "QUAN TRẮC MÔI TRƯỜNG NUÔI TRỒNG THỦY SẢN TRÊN ĐỊA BÀN TỈNH NĂM 2026");
  ASSERT_TRUE(p.period.has_value());
  EXPECT_EQ(p.period->from, danvan::PartialDate(2026));
}

}  // namespace

TEST(ImportLayouts, AMinistrysDepartmentsAndTheMassOrganisationsCentralCommitteesAreUnits) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Giao Vụ Vật liệu xây dựng là cơ quan tham mưu về quy hoạch.\n\n"
      "2. Vụ Kế hoạch - Tài chính phối hợp bố trí kinh phí.\n\n"
      "3. Trách nhiệm của các Bộ, ngành; Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam, Trung ương "
      "Hội Nông dân Việt Nam\n\n"
      "Theo chức năng, nhiệm vụ, phối hợp với Bộ Nội vụ thực hiện Kế hoạch.\n\n"
      "4. Vụ việc phức tạp được báo cáo kịp thời về Bộ Nội vụ.\n");
  // "Vụ việc" (a case) is no department.
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Vụ Vật liệu xây dựng", DutyRole::lead},
                           {"Vụ Kế hoạch - Tài chính", DutyRole::coordinate},
                           {"các Bộ, ngành", DutyRole::coordinate},
                           {"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", DutyRole::coordinate},
                           {"Trung ương Hội Nông dân Việt Nam", DutyRole::coordinate}}));
}

TEST(ImportLayouts, ASignatureCellWithTitleAndNameButNoAuthorityLine) {
  const Plan p = plan_of(
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n\n"
      "| Nơi nhận: - Bộ Nội vụ; - Lưu: VT. | TRƯỞNG BAN PHÓ CHỦ TỊCH TỈNH Trần Văn Mẫu |\n"
      "|---|---|\n");
  ASSERT_TRUE(p.signature.has_value());
  EXPECT_EQ(p.signature->authority, "");
  EXPECT_EQ(p.signature->title, "TRƯỞNG BAN PHÓ CHỦ TỊCH TỈNH");
  EXPECT_EQ(p.signature->name, "Trần Văn Mẫu");
  EXPECT_EQ(p.recipients, (std::vector<std::string>{"Bộ Nội vụ", "Lưu: VT"}));
}

TEST(ImportLayouts, SideBySideRecipientsWrappedOntoTheNextLine) {
  const Plan p = plan_of(
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n\n"
      "Nơi nhận:                                         T/M. TỔ CÔNG TÁC\n"
      "- Giám đốc Sở (để báo cáo);\n"
      "- Văn phòng Sở (bố trí xe, phương                  TỔ TRƯỞNG\n"
      "tiện cho Tổ công tác);\n"
      "- Lưu: VT.\n"
      "\n\n"
      "                                                   Trần Văn Mẫu\n"
      "                                                   PHỤ LỤC\n"
      "                                             DANH SÁCH ĐƠN VỊ\n");
  ASSERT_TRUE(p.signature.has_value());
  ASSERT_EQ(p.annexes.size(), 1U);  // a centred annex heading ends the signature's column
  EXPECT_EQ(p.annexes[0].title, "PHỤ LỤC: DANH SÁCH ĐƠN VỊ");
  EXPECT_EQ(p.signature->authority, "T/M. TỔ CÔNG TÁC");
  EXPECT_EQ(p.signature->title, "TỔ TRƯỞNG");
  EXPECT_EQ(p.signature->name, "Trần Văn Mẫu");
  EXPECT_EQ(p.recipients, (std::vector<std::string>{
                              "Giám đốc Sở (để báo cáo)",
                              "Văn phòng Sở (bố trí xe, phương tiện cho Tổ công tác)", "Lưu: VT"}));
}

TEST(ImportLayouts, ANamedBodysAreaIsNoPartOfItsName) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Chi cục Kiểm lâm khu vực II trên địa bàn tỉnh Mẫu Thử: kiểm tra việc bảo vệ rừng.\n\n"
      "2. Các doanh nghiệp trên địa bàn tỉnh phối hợp thực hiện.\n");
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Chi cục Kiểm lâm khu vực II", DutyRole::unspecified},
                           {"Các doanh nghiệp trên địa bàn tỉnh", DutyRole::coordinate}}));
}

TEST(ImportLayouts, BodiesOfOneKindListedAfterAColonBeforeTheirDuty) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Các Sở: Tư pháp, Công Thương, Văn hóa, Thể thao và Du lịch phối hợp với Sở Nội vụ "
      "tuyên truyền Kế hoạch.\n\n"
      "2. Các sở, ngành: Chủ trì, phối hợp triển khai các nhiệm vụ được giao.\n");
  // Named as written (as "Ủy ban nhân dân các xã: A, B" is); the second colon opens a duty.
  EXPECT_EQ(
      duties(p),
      (std::vector<std::pair<std::string, DutyRole>>{
          {"Các Sở: Tư pháp, Công Thương, Văn hóa, Thể thao và Du lịch", DutyRole::coordinate},
          {"Các sở, ngành", DutyRole::lead}}));
}

TEST(ImportLayouts, APointLetterAfterADashIsThePoint) {
  const Plan p = plan_of(
      "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- a) Nâng cao nhận thức của cán bộ.\n\n"
      "b) Phát huy vai trò của Nhân dân.\n\n2. Yêu cầu\n\n- Bảo đảm thiết thực.\n");
  EXPECT_EQ(p.purposes.size(), 2U);
  EXPECT_EQ(p.requirements.size(), 1U);
}

TEST(ImportLayouts, QuarterlyDeadlinesAndListsOfDates) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Y tế: báo cáo quý trước ngày 25 của tháng cuối quý.\n"
      "2. Sở Tư pháp: báo cáo trước ngày 10 tháng đầu của quý tiếp theo.\n"
      "3. Sở Tài chính: gửi báo cáo trước ngày 15/3, 15/6, 15/9 và 15/12 hằng năm.\n"
      "4. Sở Nội vụ: báo cáo trước ngày 05 tháng đầu quý.\n");
  // Item 4 does not say which quarter's first month: no deadline.
  EXPECT_EQ(deadlines(p),
            (std::vector<std::string>{"03-25", "06-25", "09-25", "12-25", "01-10", "04-10", "07-10",
                                      "10-10", "03-15", "06-15", "09-15", "12-15"}));
}

TEST(ImportLayouts, TheNumberOfTheDecisionATeamWorksUnderIsPartOfItsName) {
  const danvan::ImportResult r = import_plan_text(
      "SỞ CÔNG THƯƠNG\nĐOÀN KIỂM TRA\nTHEO QUYẾT ĐỊNH\nSỐ 25/QĐ-SCT\n\nSố: 30/KH-ĐKT\n"
      "Mẫu Thử, ngày 01 tháng 02 năm 2026\n\nKẾ HOẠCH\nKiểm tra an toàn hóa chất\n\n"
      "Thực hiện Quyết định số 25/QĐ-SCT ngày 20/01/2026 của Giám đốc Sở Công Thương, Đoàn "
      "kiểm tra lập kế hoạch như sau:\n\n1. Mục tiêu\n\n- Đánh giá việc chấp hành pháp luật.\n");
  const Plan& p = r.plan;
  ASSERT_TRUE(p.symbol.has_value());
  EXPECT_EQ(p.symbol->canonical(), "30/KH-ĐKT");
  const danvan::Issuer* issuer = p.catalogue.find_issuer(p.issuer_id);
  ASSERT_NE(issuer, nullptr);
  EXPECT_EQ(issuer->name, "Đoàn kiểm tra theo quyết định số 25/QĐ-SCT");
  ASSERT_EQ(p.legal_bases.size(), 1U);
}

TEST(ImportLayouts, TheMembersOfATeamGivenDutiesByName) {
  const Plan p = plan_of(
      "I. MỤC TIÊU\n\n- Đánh giá việc chấp hành.\n\n"
      "II. PHÂN CÔNG NHIỆM VỤ\n\n"
      "1. Ông. Trần Văn Mẫu - Tổ trưởng: phụ trách chung; chủ trì các buổi làm việc.\n\n"
      "2. Bà Lê Thị Thử - Thành viên: kiểm tra hồ sơ pháp lý.\n\n"
      "3. Ông bà, cha mẹ học sinh phối hợp với nhà trường.\n");
  // "Ông bà" (grandparents) names no one.
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Trần Văn Mẫu - Tổ trưởng", DutyRole::lead},
                           {"Lê Thị Thử - Thành viên", DutyRole::unspecified}}));
}

TEST(ImportLayouts, RecipientsFlattenedEndAtAFullStopBeforeTheNextDash) {
  const Plan p = plan_of(
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n\n"
      "| Nơi nhận: - Bộ Nội vụ; - VPCP: các Vụ: TH, KGVX. - Lưu: VT, TP. | TRƯỞNG BAN Trần Văn "
      "Mẫu |\n|---|---|\n");
  EXPECT_EQ(p.recipients,
            (std::vector<std::string>{"Bộ Nội vụ", "VPCP: các Vụ: TH, KGVX", "Lưu: VT, TP"}));
}

TEST(ImportLayouts, DoiVoiAndTrachNhiemCuaNameAUnitOnlyInAHeading) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Đối với các doanh nghiệp vi phạm, Sở Công Thương xử lý theo quy định.\n\n"
      "2. Đối với Ủy ban nhân dân cấp xã\n\nChủ trì tuyên truyền trên địa bàn.\n\n"
      "3. Trách nhiệm của người đứng đầu các cơ quan trong việc để xảy ra vi phạm được xem xét "
      "theo quy định.\n\n"
      "4. Đối với Sở Y tế: chủ trì kiểm tra.\n\n"
      "5. Trách nhiệm của các sở, ban, ngành\n\nPhối hợp với Sở Y tế thực hiện.\n");
  // Item 1 is about the firms, its subject is the department; item 3 is a rule, no duty.
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Công Thương", DutyRole::unspecified},
                           {"Ủy ban nhân dân cấp xã", DutyRole::lead},
                           {"Sở Y tế", DutyRole::lead},
                           {"các sở, ban, ngành", DutyRole::coordinate}}));
}

TEST(ImportLayouts, ThePhaseOfADraftedDocumentOrOfAnApprovedSchemeTheTitleEndsWith) {
  // A plan that drafts a quy hoạch: the period is the quy hoạch's.
  const Plan drafts = plan_of("I. NHIỆM VỤ\n1. Khảo sát.\n",
                              "TỔ CHỨC LẬP QUY HOẠCH TÀI NGUYÊN NƯỚC THỜI KỲ 2021-2030, TẦM "
                              "NHÌN ĐẾN NĂM 2050");
  EXPECT_FALSE(drafts.period.has_value());
  // A plan carrying out the decision that approved a scheme, the scheme's phase ending the
  // title: the plan's period too (as for a scheme named without a number).
  const Plan scheme = plan_of("I. NHIỆM VỤ\n1. Tuyên truyền.\n",
                              "TRIỂN KHAI QUYẾT ĐỊNH SỐ 15/QĐ-TTG NGÀY 02/3/2021 CỦA THỦ TƯỚNG "
                              "CHÍNH PHỦ PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN THƯ VIỆN ĐẾN NĂM 2030");
  ASSERT_TRUE(scheme.period.has_value());
  EXPECT_FALSE(scheme.period->from.has_value());
  EXPECT_EQ(scheme.period->to, danvan::PartialDate(2030));
  // A strategy's horizon stays the strategy's, and a scope after the phase makes it the
  // scheme's name.
  const Plan scoped = plan_of("I. NHIỆM VỤ\n1. Tuyên truyền.\n",
                              "THỰC HIỆN QUYẾT ĐỊNH SỐ 15/QĐ-TTG PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN THƯ "
                              "VIỆN ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH");
  EXPECT_FALSE(scoped.period.has_value());
}

TEST(ImportLayouts, DutyVerbsOfOneSyllable) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Sở Nội vụ lập danh sách cán bộ tham gia tập huấn.\n\n"
      "2. Đài Phát thanh và Truyền hình tỉnh đưa tin về các hoạt động.\n\n"
      "3. Ban Thi đua - Khen thưởng tỉnh phối hợp tổng hợp kết quả.\n\n"
      "4. Tổ giúp việc Ban Chỉ đạo tham mưu tổng hợp.\n");
  // "đua" (Thi đua) and "giúp việc" are no verbs.
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Sở Nội vụ", DutyRole::unspecified},
                           {"Đài Phát thanh và Truyền hình tỉnh", DutyRole::unspecified},
                           {"Ban Thi đua - Khen thưởng tỉnh", DutyRole::coordinate},
                           {"Tổ giúp việc Ban Chỉ đạo", DutyRole::lead}}));
}

TEST(ImportLayouts, ALawCitedByNumberAndAgainByNameIsOneBasis) {
  const danvan::ImportResult r = import_plan_text(
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/KH-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
      "KẾ HOẠCH\nTHỬ NGHIỆM\n\n"
      "Căn cứ Luật Quy hoạch số 21/2017/QH14 ngày 24 tháng 11 năm 2017;\n\n"
      "Căn cứ Nghị định số 37/2019/NĐ-CP ngày 07 tháng 5 năm 2019 của Chính phủ quy định chi "
      "tiết thi hành một số điều của Luật Quy hoạch;\n\n"
      "Căn cứ Luật Đất đai năm 2024;\n\n"
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  // The law named alone ("Luật Đất đai") is a basis of its own.
  std::vector<std::string> cited;
  for (const auto& c : r.plan.legal_bases) cited.push_back(c.cited_as);
  EXPECT_EQ(cited, (std::vector<std::string>{
                       "Luật Quy hoạch số 21/2017/QH14 ngày 24 tháng 11 năm 2017",
                       "Nghị định số 37/2019/NĐ-CP ngày 07 tháng 5 năm 2019 của Chính phủ",
                       "Luật Đất đai năm 2024"}));
}

TEST(ImportLayouts, AnActionProgrammeCitedWithoutItsOwnNumberIsABasis) {
  const danvan::ImportResult r = import_plan_text(
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/KH-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
      "KẾ HOẠCH\nTHỬ NGHIỆM\n\n"
      "Thực hiện Chương trình hành động của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số "
      "57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như "
      "sau:\n\nI. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  // (Tested below: a programme a cited resolution issues is that resolution's object.)
  const Plan& p = r.plan;
  ASSERT_EQ(p.legal_bases.size(), 2U);
  const danvan::Instrument& programme = p.catalogue.instrument(p.legal_bases[0].instrument_id);
  EXPECT_EQ(programme.type, danvan::DocumentType::programme);
  ASSERT_TRUE(programme.title.has_value());
  EXPECT_EQ(*programme.title,
            "Chương trình hành động của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW");
  const danvan::Instrument& resolution = p.catalogue.instrument(p.legal_bases[1].instrument_id);
  ASSERT_TRUE(resolution.symbol.has_value());
  EXPECT_EQ(resolution.symbol->canonical(), "57-NQ/TW");
}

TEST(ImportLayouts, AnActionProgrammeACitedDocumentIssuesIsNoBasisOfItsOwn) {
  const danvan::ImportResult r = import_plan_text(
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/KH-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
      "KẾ HOẠCH\nTHỬ NGHIỆM\n\n"
      "Căn cứ Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ về ban hành Chương trình hành "
      "động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\n\n"
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  std::vector<std::string> symbols;
  for (const auto& c : r.plan.legal_bases) {
    const danvan::Instrument& in = r.plan.catalogue.instrument(c.instrument_id);
    symbols.push_back(in.symbol ? in.symbol->canonical() : "none");
  }
  EXPECT_EQ(symbols, (std::vector<std::string>{"03/NQ-CP", "57-NQ/TW"}));
}

TEST(ImportLayouts, ALongListAfterDoiVoiIsReadOnceNotOncePerComma) {
  // Each comma's rest was copied and judged whole: 20000 items took seconds (quadratic); the
  // rule reads a few words after each comma, and still finds the subject after the list.
  std::string items;
  for (int i = 0; i < 20000; ++i) items += "Xã a, ";
  const Plan p = plan_of("I. TỔ CHỨC THỰC HIỆN\n\n1. Đối với " + items +
                         "các nội dung.\n\n2. Đối với " + items + "Sở Y tế chủ trì kiểm tra.\n");
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{{"Sở Y tế", DutyRole::lead}}));
}

TEST(ImportLayouts, AOneSyllableVerbInsideAWordOrANameIsNoVerb) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Trung tâm Trợ giúp pháp lý nhà nước tỉnh chủ trì tuyên truyền.\n\n"
      "2. Ban Quản lý Khu kinh tế mở Chu Lai chủ trì kiểm tra.\n\n"
      "3. Trường Đại học mở Hà Nội phối hợp tập huấn.\n\n"
      "4. Sở Y tế mở lớp tập huấn cho cán bộ.\n");
  // "Trợ giúp" is one word, "mở" before a name qualifies the noun; item 4's "mở" is the verb.
  EXPECT_EQ(duties(p), (std::vector<std::pair<std::string, DutyRole>>{
                           {"Trung tâm Trợ giúp pháp lý nhà nước tỉnh", DutyRole::lead},
                           {"Ban Quản lý Khu kinh tế mở Chu Lai", DutyRole::lead},
                           {"Trường Đại học mở Hà Nội", DutyRole::coordinate},
                           {"Sở Y tế", DutyRole::unspecified}}));
}

TEST(ImportLayouts, ANumberedQuarterIsOneDeadline) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Y tế: báo cáo trước ngày 25 tháng cuối quý I năm 2025.\n"
      "2. Sở Tư pháp: báo cáo trước ngày 20 tháng cuối quý II.\n");
  // Item 2 does not say which year: no deadline (never the four quarters).
  EXPECT_EQ(deadlines(p), (std::vector<std::string>{"2025-03-25"}));
}

TEST(ImportLayouts, Day31OfTheQuartersLastMonthIsTheQuartersLastDay) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Y tế: báo cáo quý trước ngày 31 tháng cuối quý.\n");
  EXPECT_EQ(deadlines(p), (std::vector<std::string>{"03-31", "06-30", "09-30", "12-31"}));
}

TEST(ImportLayouts, ADateAfterACommaIsListedOnlyInAListClosedByVa) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n"
      "1. Sở Y tế: báo cáo trước ngày 30/6/2025, 2/3 số xã đạt chuẩn.\n"
      "2. Sở Tư pháp: báo cáo trước ngày 15/6, ngày 20/11 tổ chức hội nghị.\n"
      "3. Sở Tài chính: báo cáo trước ngày 15/6, 15/9 và 15/12.\n");
  EXPECT_EQ(deadlines(p),
            (std::vector<std::string>{"2025-06-30", "06-15", "06-15", "09-15", "12-15"}));
}

TEST(ImportLayouts, TheIssuingVerbBeforeAnActionPlanIsReadInItsOwnBasisOnly) {
  const danvan::ImportResult r = import_plan_text(
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/KH-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
      "KẾ HOẠCH\nTHỬ NGHIỆM\n\n"
      "Căn cứ Quyết định số 10/QĐ-UBND ngày 01/01/2024 của UBND tỉnh về ban hành quy chế;\n"
      "Căn cứ Kế hoạch hành động của Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 "
      "của Bộ Chính trị;\n\nI. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  // "ban hành" belongs to the decision's basis, before the ';' and the line break.
  std::vector<std::string> types;
  for (const auto& c : r.plan.legal_bases) {
    const danvan::Instrument& in = r.plan.catalogue.instrument(c.instrument_id);
    types.emplace_back(in.symbol ? in.symbol->canonical() : std::string(to_string(in.type)));
  }
  EXPECT_EQ(types, (std::vector<std::string>{"10/QĐ-UBND", "plan", "57-NQ/TW"}));
}

TEST(ImportLayouts, APartyCommitteesActionPlanIsThePartysWithoutTheVerbAfterIt) {
  const danvan::ImportResult r = import_plan_text(
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/KH-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
      "KẾ HOẠCH\nTHỬ NGHIỆM\n\n"
      "Thực hiện Kế hoạch hành động của Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW ngày "
      "22/12/2024 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\n"
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  const Plan& p = r.plan;
  ASSERT_EQ(p.legal_bases.size(), 2U);
  const danvan::Instrument& plan = p.catalogue.instrument(p.legal_bases[0].instrument_id);
  EXPECT_EQ(plan.type, danvan::DocumentType::plan);
  EXPECT_EQ(plan.family, danvan::DocumentFamily::party);
  ASSERT_EQ(plan.issuer_ids.size(), 1U);
  const danvan::Issuer* issuer = p.catalogue.find_issuer(plan.issuer_ids[0]);
  ASSERT_NE(issuer, nullptr);
  EXPECT_EQ(issuer->name, "Tỉnh ủy");
}

TEST(ImportLayouts, ALawCitedByNameWithADateIsNotTheNumberedLawOfThatName) {
  const danvan::ImportResult r = import_plan_text(
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/KH-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
      "KẾ HOẠCH\nTHỬ NGHIỆM\n\n"
      "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;\n\n"
      "Căn cứ Luật Đất đai số 45/2013/QH13;\n\n"
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch số 28/2018/QH14;\n\n"
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch;\n\n"
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  // The 2024 law is another than the 2013 one; the amending law is one, its "một số điều"
  // no number marker.
  std::vector<std::string> cited;
  for (const auto& c : r.plan.legal_bases) cited.push_back(c.cited_as);
  EXPECT_EQ(cited, (std::vector<std::string>{
                       "Luật Đất đai ngày 18 tháng 01 năm 2024", "Luật Đất đai số 45/2013/QH13",
                       "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch số 28/2018/QH14"}));
}

TEST(ImportLayouts, BodiesOfOneKindListedByTheirFullNamesAreEachAUnit) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Các sở, ngành: Sở Tư pháp, Sở Nội vụ phối hợp kiểm tra.\n");
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{{"Sở Tư pháp", DutyRole::coordinate},
                                                           {"Sở Nội vụ", DutyRole::coordinate}}));
}

TEST(ImportLayouts, ACropSeasonAndAProvinceNamedBaAreNoUnits) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Vụ Hè Thu: các xã gieo trồng đúng lịch thời vụ.\n\n"
      "2. Bà Rịa Vũng Tàu: phối hợp.\n\n"
      "3. Vụ Pháp chế: chủ trì thẩm định.\n");
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{{"Vụ Pháp chế", DutyRole::lead}}));
}

// A decision that issues a plan, as a converter gave it: a stray pipe above the signature
// table, and the plan annexed below it.
const char* const kDecisionIssuingAPlan =
    "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/QĐ-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
    "QUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH THỬ NGHIỆM NĂM 2026\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thử nghiệm năm 2026.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "|\n| Nơi nhận: - Như Điều 2; - Lưu: VT. | CHỦ TỊCH Nguyễn Văn An |\n|---|---|\n\n"
    "KẾ HOẠCH\n\nTHỬ NGHIỆM NĂM 2026 (Kèm theo Quyết định số 5/QĐ-UBND ngày 01/02/2026 của "
    "Chủ tịch Ủy ban nhân dân tỉnh)\n\nI. NHIỆM VỤ\n\n1. Tuyên truyền.\n";

TEST(ImportLayouts, AStrayPipeAboveTheSignatureTableLeavesItATable) {
  const Plan p = import_plan_text(kDecisionIssuingAPlan).plan;
  ASSERT_TRUE(p.signature.has_value());
  EXPECT_EQ(p.signature->title, "CHỦ TỊCH");
  EXPECT_EQ(p.signature->name, "Nguyễn Văn An");
  EXPECT_EQ(p.recipients, (std::vector<std::string>{"Như Điều 2", "Lưu: VT"}));
}

TEST(ImportLayouts, RulesUnderTheHeaderAndTheTitleAreNoTextOfIt) {
  // A long rule of underscores, and a rule of en dashes under the title, as a gazette draws
  // them.
  const Plan p =
      import_plan_text(
          "THỦ TƯỚNG CHÍNH PHỦ\n_______________\n\nSố: 5/QĐ-TTg\n\n"
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
          "___________________________________________________\nHà Nội, ngày 01 tháng 02 năm 2026\n"
          "QUYẾT ĐỊNH\nBan hành Kế hoạch thử nghiệm  \nnăm 2026  \n––––––\n\n"
          "THỦ TƯỚNG CHÍNH PHỦ\n\nQUYẾT ĐỊNH:\n\n"
          "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thử nghiệm năm 2026.\n")
          .plan;
  EXPECT_EQ(p.title, "Ban hành Kế hoạch thử nghiệm năm 2026");
}

TEST(ImportLayouts, APlanBelowADecisionsSignatureWithoutRecipientsIsAnAnnex) {
  // A gazette prints the decision's signature alone (no "Nơi nhận"), then the plan it issues.
  const Plan p = import_plan_text(
                     "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 5/QĐ-TTg\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc\n\nHà Nội, ngày 01 tháng 02 năm 2026\n\n"
                     "QUYẾT ĐỊNH\nBan hành Kế hoạch thử nghiệm\n\nTHỦ TƯỚNG CHÍNH PHỦ\n\n"
                     "QUYẾT ĐỊNH:\n\n"
                     "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thử nghiệm.\n\n"
                     "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
                     "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nNguyễn Văn An\n\n"
                     "THỦ TƯỚNG CHÍNH PHỦ\n\nKẾ HOẠCH HÀNH ĐỘNG\nThực hiện thử nghiệm\n\n"
                     "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n")
                     .plan;
  ASSERT_TRUE(p.signature.has_value());
  EXPECT_EQ(p.signature->name, "Nguyễn Văn An");
  ASSERT_EQ(p.annexes.size(), 2U);
  EXPECT_EQ(p.annexes[1].title, "PHỤ LỤC: DANH MỤC NHIỆM VỤ");
}

// The decision of kDecisionIssuingAPlan with another signature cell, flattened to one line.
Plan decision_signed(const std::string& cell) {
  std::string text = kDecisionIssuingAPlan;
  const std::string was = "CHỦ TỊCH Nguyễn Văn An";
  text.replace(text.find(was), was.size(), cell);
  return import_plan_text(text).plan;
}

TEST(ImportLayouts, TheSigningStampInAFlattenedSignatureCellIsNoPartOfIt) {
  for (const std::string cell : {"KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Nguyễn Văn An",
                                 "KT. CHỦ TỊCH PHÓ CHỦ TỊCH [daky] Nguyễn Văn An",
                                 "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Đã ký Nguyễn Văn An"}) {
    const Plan p = decision_signed(cell);
    ASSERT_TRUE(p.signature.has_value()) << cell;
    EXPECT_EQ(p.signature->authority, "KT. CHỦ TỊCH") << cell;
    EXPECT_EQ(p.signature->title, "PHÓ CHỦ TỊCH") << cell;
    EXPECT_EQ(p.signature->name, "Nguyễn Văn An") << cell;
  }
}

TEST(ImportLayouts, AFlattenedSignatureForTheBodyKeepsEachAuthorityAndTheTitle) {
  const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> cases = {
      {"TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Văn An",
       {"TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"}},
      {"TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn An", {"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}},
      {"TM. BAN THƯỜNG VỤ PHÓ BÍ THƯ Nguyễn Văn An", {"TM. BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"}}};
  for (const auto& [cell, want] : cases) {
    const Plan p = decision_signed(cell);
    ASSERT_TRUE(p.signature.has_value()) << cell;
    EXPECT_EQ(p.signature->authority, want.first) << cell;
    EXPECT_EQ(p.signature->title, want.second) << cell;
    EXPECT_EQ(p.signature->name, "Nguyễn Văn An") << cell;
  }
}

TEST(ImportLayouts, ThePlanADecisionIssuesIsAnAnnexTitledWithoutItsAttachmentNote) {
  // The type alone, the title below it with the note on its line.
  Plan p = import_plan_text(kDecisionIssuingAPlan).plan;
  ASSERT_EQ(p.annexes.size(), 1U);
  EXPECT_EQ(p.annexes[0].title, "KẾ HOẠCH THỬ NGHIỆM NĂM 2026");
  // The type and the title on one line.
  std::string text = kDecisionIssuingAPlan;
  const std::string was = "KẾ HOẠCH\n\nTHỬ NGHIỆM";
  text.replace(text.find(was), was.size(), "KẾ HOẠCH THỬ NGHIỆM");
  p = import_plan_text(text).plan;
  ASSERT_EQ(p.annexes.size(), 1U);
  EXPECT_EQ(p.annexes[0].title, "KẾ HOẠCH THỬ NGHIỆM NĂM 2026");
}

TEST(ImportLayouts, APlainSignatureAboveOrBelowTheRecipientsLeavesThePlanBelowAnAnnex) {
  const std::string head =
      "ỦY BAN NHÂN DÂN\nTỈNH MẪU THỬ\nSố: 5/QĐ-UBND\nMẫu Thử, ngày 01 tháng 02 năm 2026\n\n"
      "QUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH THỬ NGHIỆM\n\n"
      "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thử nghiệm.\n\n";
  const std::string recipients = "Nơi nhận:\n- Như Điều 1;\n- Lưu: VT.\n\n";
  const std::string signature = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n\n";
  const std::string plan = "KẾ HOẠCH\n\nTHỬ NGHIỆM\n\nI. NHIỆM VỤ\n\n1. Tuyên truyền.\n";
  for (const std::string& text :
       {head + recipients + signature + plan, head + signature + recipients + plan}) {
    const Plan p = import_plan_text(text).plan;
    ASSERT_TRUE(p.signature.has_value()) << text;
    EXPECT_EQ(p.signature->title, "PHÓ CHỦ TỊCH") << text;
    EXPECT_EQ(p.signature->name, "Nguyễn Văn An") << text;
    EXPECT_EQ(p.recipients, (std::vector<std::string>{"Như Điều 1", "Lưu: VT"})) << text;
    ASSERT_EQ(p.annexes.size(), 1U) << text;
    EXPECT_EQ(p.annexes[0].title, "KẾ HOẠCH THỬ NGHIỆM") << text;
  }
}

TEST(ImportLayouts, AnAnnexedPlansTitleInMixedCaseBelowItsTypeIsItsTitle) {
  for (const std::string& plan :
       {std::string("KẾ HOẠCH HÀNH ĐỘNG\nThực hiện thử nghiệm năm 2026\n(Kèm theo Quyết định số "
                    "5/QĐ-UBND ngày 01/02/2026)\n\n"),
        std::string("KẾ HOẠCH HÀNH ĐỘNG\n\nThực hiện thử nghiệm năm 2026\n\n")}) {
    std::string text = kDecisionIssuingAPlan;
    const std::size_t at = text.find("KẾ HOẠCH\n\nTHỬ NGHIỆM");
    text.replace(at, text.find("I. NHIỆM VỤ") - at, plan);
    const Plan p = import_plan_text(text).plan;
    ASSERT_EQ(p.annexes.size(), 1U) << plan;
    EXPECT_EQ(p.annexes[0].title, "KẾ HOẠCH HÀNH ĐỘNG Thực hiện thử nghiệm năm 2026") << plan;
  }
}

TEST(ImportLayouts, SendingAPlanByADateIsNoReport) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Các sở, ngành xây dựng Kế hoạch thực hiện và gửi về UBND tỉnh trước ngày 28/2/2026; "
      "báo cáo kết quả thực hiện về UBND tỉnh trước ngày 10/11/2026.\n");
  EXPECT_EQ(deadlines(p), (std::vector<std::string>{"2026-11-10"}));
}

TEST(ImportLayouts, TheTasksAUnitWasGivenAreNoPartOfItsName) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Sở Y tế theo nhiệm vụ được giao trong Kế hoạch này chủ trì triển khai thực hiện.\n");
  EXPECT_EQ(duties(p),
            (std::vector<std::pair<std::string, DutyRole>>{{"Sở Y tế", DutyRole::lead}}));
}

TEST(ImportLayouts, TwoLawsOfOneNameWithTwoDatesAreTwoBases) {
  const Plan p = plan_of(
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Mẫu ngày 13 tháng 6 năm 2014;\n\n"
      "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Mẫu ngày 27 tháng 11 năm 2024;\n\n"
      "I. NHIỆM VỤ\n\n1. Tuyên truyền.\n");
  std::vector<std::string> cited;
  for (const auto& c : p.legal_bases) cited.push_back(c.cited_as);
  EXPECT_EQ(cited,
            (std::vector<std::string>{
                "Luật sửa đổi, bổ sung một số điều của Luật Mẫu ngày 13 tháng 6 năm 2014",
                "Luật sửa đổi, bổ sung một số điều của Luật Mẫu ngày 27 tháng 11 năm 2024"}));
}

TEST(ImportLayouts, AnOpeningClauseOfTheCourseOfWorkIsNoPartOfTheUnit) {
  const Plan p = plan_of(
      "I. TỔ CHỨC THỰC HIỆN\n\n"
      "1. Quá trình thực hiện nếu có khó khăn, vướng mắc Sở Tư pháp báo cáo về UBND tỉnh để "
      "hướng dẫn.\n");
  ASSERT_EQ(p.duties.size(), 1U);
  EXPECT_EQ(p.duties[0].unit, "Sở Tư pháp");
}
