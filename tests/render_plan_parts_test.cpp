// `danvan show` (render_plan) shows every part of the plan model: the header facts (type,
// number, date, place, issuer as resolved and as written), the period, targets, per-unit duties
// with their roles and resolved units, funding, each kind of reporting deadline, annexes and
// their tables, the signer, the recipients and the document's own outline.
#include "danvan/render.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using danvan::Plan;

Plan full_plan() {
  Plan p;
  p.id = "mau";
  p.title = "KẾ HOẠCH MẪU";
  p.document_type = danvan::DocumentType::decision;
  p.symbol = danvan::parse_symbol("12/QĐ-UBND");
  p.issue_date = danvan::PartialDate(2026, 3, 5);
  p.place = "Mẫu Sơn";
  p.issuer_header = {"ỦY BAN NHÂN DÂN", "TỈNH MẪU SƠN"};
  p.period = danvan::PlanPeriod{danvan::PartialDate(2026), danvan::PartialDate(2030),
                                "giai đoạn 2026 - 2030"};
  p.targets = {"100% xã có mô hình"};
  danvan::Unit unit;
  unit.id = "so-noi-vu";
  unit.name = "Sở Nội vụ tỉnh Mẫu Sơn";
  p.units.add(unit);
  p.duties = {danvan::Duty{"Sở Nội vụ", "so-noi-vu", danvan::DutyRole::lead, "chủ trì"},
              danvan::Duty{"Các sở", std::nullopt, danvan::DutyRole::coordinate, "phối hợp"}};
  p.funding = {"Ngân sách tỉnh"};
  p.reporting = {
      danvan::ReportingDuty{"báo cáo năm", danvan::MonthDay{12, 15}, std::nullopt, std::nullopt,
                            std::nullopt},
      danvan::ReportingDuty{"báo cáo một lần", std::nullopt, danvan::PartialDate(2026, 6, 30),
                            std::nullopt, std::nullopt},
      danvan::ReportingDuty{"báo cáo tháng", std::nullopt, std::nullopt, 20, std::nullopt},
      danvan::ReportingDuty{"báo cáo ngày", std::nullopt, std::nullopt, std::nullopt,
                            danvan::TimeOfDay{16, 0}}};
  p.annexes = {danvan::Annex{"PHỤ LỤC I", {danvan::Table{{{"STT", "Nội dung"}, {"1", "x"}}}}}};
  p.signature = danvan::Signature{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Mẫu"};
  p.recipients = {"Như Điều 3;", "Lưu: VT."};
  p.outline = {danvan::OutlineItem{0, "I.", "MỤC ĐÍCH, YÊU CẦU"},
               danvan::OutlineItem{1, "1.", "Mục đích"},
               danvan::OutlineItem{2, "a)", "chi tiết không hiện"}};
  return p;
}

TEST(RenderPlanParts, EveryPartOfThePlanModelIsShown) {
  const std::string t = danvan::render_plan(full_plan(), danvan::PlanFormat::text);
  for (const char* want : {"Số, ký hiệu: 12/QĐ-UBND",
                           "Ngày ban hành: 05/03/2026",
                           "Loại văn bản: Quyết định",
                           "Địa danh: Mẫu Sơn",
                           "Tiêu đề cơ quan (như văn bản ghi): ỦY BAN NHÂN DÂN / TỈNH MẪU SƠN",
                           "Thời gian thực hiện: 2026–2030 (“giai đoạn 2026 - 2030”)",
                           "- 100% xã có mô hình",
                           "- Sở Nội vụ [Sở Nội vụ tỉnh Mẫu Sơn] (chủ trì): chủ trì",
                           "- Các sở (phối hợp): phối hợp",
                           "- Ngân sách tỉnh",
                           "hằng năm trước ngày 15/12: báo cáo năm",
                           "báo cáo một lần",
                           "hằng tháng trước ngày 20: báo cáo tháng",
                           "hằng ngày trước 16h00: báo cáo ngày",
                           "- PHỤ LỤC I",
                           "bảng 2 dòng",
                           "Người ký: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Văn Mẫu",
                           "Nơi nhận: 2",
                           "- Lưu: VT.",
                           "BỐ CỤC VĂN BẢN (3 mục, 2 mục hai cấp đầu)",
                           "\nI. MỤC ĐÍCH, YÊU CẦU\n",
                           "\n   1. Mục đích\n"}) {
    EXPECT_NE(t.find(want), std::string::npos) << want << "\n" << t;
  }
  EXPECT_EQ(t.find("chi tiết không hiện"), std::string::npos);
  const std::string md = danvan::render_plan(full_plan(), danvan::PlanFormat::markdown);
  EXPECT_NE(md.find("## BỐ CỤC VĂN BẢN"), std::string::npos);
  EXPECT_NE(md.find("\n  - 1. Mục đích\n"), std::string::npos) << md;
}

TEST(RenderPlanParts, ALongOutlineItemIsCutOnACharacterBoundary) {
  Plan p = full_plan();
  std::string longer;
  for (int i = 0; i < 60; ++i) longer += "ữ";  // 3 bytes each
  p.outline = {danvan::OutlineItem{0, "", longer}};
  const std::string t = danvan::render_plan(p, danvan::PlanFormat::text);
  EXPECT_NE(t.find(longer.substr(0, 120) + "…"), std::string::npos);
}

}  // namespace
