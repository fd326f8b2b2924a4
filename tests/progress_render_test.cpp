// Renderings of a progress summary: text, Markdown, HTML and CSV.
#include "danvan/progress_render.hpp"

#include "progress_fixture.hpp"

#include <gtest/gtest.h>

namespace danvan {
namespace {

using testing::day;

ProgressSummary summary(const ProgressPlan& plan, const ReportBatch& batch) {
  ProgressQuery q;
  q.as_of = day(2021, 1, 3);
  return summarize_progress(plan, batch, q);
}

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

TEST(ProgressRender, Formats) {
  EXPECT_EQ(parse_progress_format("csv"), ProgressFormat::csv);
  try {
    (void)parse_progress_format("pdf");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "unknown format \"pdf\"; expected text, markdown, html or csv");
  }
}

TEST(ProgressRender, TextShowsCountsMissingAndTargets) {
  auto plan = testing::merge_plan();
  plan.sample = true;
  const auto batch = testing::merge_reports();
  const auto s = summary(plan, batch);
  const std::string t = render_progress(plan, s, ProgressFormat::text);
  EXPECT_TRUE(contains(t, "DỮ LIỆU MẪU")) << t;
  EXPECT_TRUE(contains(t, "Kỳ báo cáo: năm 2020 (2020)"));
  EXPECT_TRUE(contains(t, "Tính đến ngày: 03/01/2021"));
  EXPECT_TRUE(contains(t, "Tỉnh Thử | 29 | 25 | 1 | 2 | 1 | 89,7%")) << t;
  EXPECT_TRUE(contains(t, "    Xã Ba | 5 | 4 | 0 | 1 | 0 | 80%"));
  EXPECT_TRUE(contains(t, "  - Xã Ba: tháng 5/2020, hạn 05/06/2020"));
  EXPECT_TRUE(contains(t, "Tỉnh Thử | 26 | 100 | 26% | 26/29"));
  // Outstanding (descending, baseline 50, target 10): 1 is 122,5% of the way; the stock
  // of the merged-away communes (their 7 reports) is not counted again above them.
  EXPECT_TRUE(contains(t, "Tỉnh Thử | 1 | ≤ 10 | 122,5% | 17/19"));
  EXPECT_TRUE(contains(t, "Tỉnh Thử | 50% (26/52) | 90% | 55,6% | 26/29"));
  // Nothing reported for has-plan by xa-2: missing, not 0.
  EXPECT_TRUE(contains(t, "    Xã Hai | — | — | — | 0/5"));
  EXPECT_TRUE(contains(t, "  - Xã Một, 202001: Đã triển khai"));
  EXPECT_TRUE(contains(t, "hoi-nghi | Hội nghị triển khai | 1 | 31/05/2020 | quá hạn"));
  EXPECT_TRUE(contains(t, "Xã Hai, 202006: the unit did not exist at the end of 202006"));
  // Overdue activities come first.
  EXPECT_LT(t.find("hoi-nghi |"), t.find("doi-thoai |"));
}

TEST(ProgressRender, MarkdownTables) {
  const auto plan = testing::merge_plan();
  const auto batch = testing::merge_reports();
  const std::string m = render_progress(plan, summary(plan, batch), ProgressFormat::markdown);
  EXPECT_EQ(m.rfind("# Báo cáo tiến độ thực hiện kế hoạch ke-hoach-thu\n", 0), 0u);
  EXPECT_TRUE(contains(m, "| Tỉnh Thử | 29 | 25 | 1 | 2 | 1 | 89,7% |"));
  EXPECT_TRUE(contains(m, "| — — Xã Một | 12 | 10 | 1 | 1 | 0 | 91,7% |"));
  EXPECT_TRUE(contains(m, "| --- | ---: |"));
  EXPECT_FALSE(contains(m, "DỮ LIỆU MẪU"));
}

TEST(ProgressRender, HtmlIsSelfContainedWithSvgCharts) {
  auto plan = testing::merge_plan();
  plan.units = UnitHierarchy([&] {
    auto units = plan.units.units();
    units[2].name = "Xã <Một> & \"Hai\"";
    return units;
  }());
  const auto batch = testing::merge_reports();
  const std::string h = render_progress(plan, summary(plan, batch), ProgressFormat::html);
  EXPECT_EQ(h.rfind("<!DOCTYPE html>\n<html lang=\"vi\">", 0), 0u);
  EXPECT_TRUE(contains(h, "<meta charset=\"utf-8\">"));
  EXPECT_TRUE(contains(h, "<svg class=\"chart completeness\""));
  EXPECT_TRUE(contains(h, "<svg class=\"chart indicators\""));
  EXPECT_TRUE(contains(h, "Xã &lt;Một&gt; &amp; &quot;Hai&quot;"));
  EXPECT_FALSE(contains(h, "<Một>"));
  // Nothing fetched from anywhere.
  for (const char* external : {"<script", "<link", "src=", "href=", "url(", "@import"}) {
    EXPECT_FALSE(contains(h, external)) << external;
  }
  // The only URL is the SVG namespace name.
  std::size_t http = 0;
  for (std::size_t at = h.find("http"); at != std::string::npos; at = h.find("http", at + 1)) {
    EXPECT_EQ(h.compare(at, 26, "http://www.w3.org/2000/svg"), 0);
    ++http;
  }
  EXPECT_EQ(http, 2u);
  // Completeness of the root: 25 on time of 29 over a 480px bar.
  EXPECT_TRUE(contains(h, "width=\"413.8\" height=\"16\" fill=\"#2e7d32\"><title>25/29</title>"))
      << h.substr(0, 3000);
  EXPECT_TRUE(contains(h, "<td class=\"overdue\">quá hạn</td>"));
}

TEST(ProgressRender, CsvHasBomCrlfAndRfc4180Quoting) {
  auto plan = testing::merge_plan();
  auto units = plan.units.units();
  units[0].name = "Tỉnh \"Thử\", mẫu";
  plan.units = UnitHierarchy(units);
  const auto batch = testing::merge_reports();
  const std::string c = render_progress(plan, summary(plan, batch), ProgressFormat::csv);
  EXPECT_EQ(c.rfind("\xEF\xBB\xBFsection,period,unit_id,unit,depth,item_id,item,expected,", 0), 0u);
  EXPECT_TRUE(
      contains(c, "completeness,2020,tinh,\"Tỉnh \"\"Thử\"\", mẫu\",0,,,29,25,1,2,1,26,,,,,\r\n"))
      << c;
  EXPECT_TRUE(contains(
      c,
      "indicator,2020,tinh,\"Tỉnh \"\"Thử\"\", mẫu\",0,dialogues,Chỉ số dialogues,29,,,,,26,26,"
      "100,26,,\r\n"));
  // Missing values are empty cells, never 0.
  EXPECT_TRUE(
      contains(c, "indicator,2020,xa-2,Xã Hai,2,has-plan,Chỉ số has-plan,5,,,,,0,,,,,\r\n"));
  EXPECT_TRUE(contains(c,
                       "activity,2020,huyen,Huyện Thử,,hoi-nghi,Hội nghị triển khai,,,,,,,,,,"
                       "overdue,2020-05-31\r\n"));
  EXPECT_FALSE(contains(c, "notes"));  // qualitative answers are not in the table
  EXPECT_EQ(c.find("\n"), c.find("\r\n") + 1);
}

}  // namespace
}  // namespace danvan
