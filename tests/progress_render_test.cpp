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
    EXPECT_STREQ(e.what(), "unknown format \"pdf\"; expected one of text, markdown, html, csv");
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
  EXPECT_TRUE(contains(t, "Hạn nộp: 5 ngày sau khi kết thúc kỳ (báo cáo hằng tháng)")) << t;
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

// ---------------------------------------------------------------------------------------------
// Exemplar statistics from a registry

Event event(EventType type, Date date) {
  Event e;
  e.type = type;
  e.date = date;
  return e;
}

Entry entry(std::string id, std::string unit, std::vector<std::string> fields,
            std::vector<Event> events) {
  Entry e;
  e.id = std::move(id);
  e.name = "Mô hình " + e.id;
  e.unit_id = std::move(unit);
  e.field_ids = std::move(fields);
  e.description = "mô tả";
  e.events = std::move(events);
  return e;
}

/// Four entries over the merge plan's units: "a" (xa-1) registered and recognised in 2019;
/// "b" (huyen, two fields) registered, recognised, commended and replicated in 2020; "c" (xa-2)
/// registered in 2020 only; "d" registered after the as-of day (not counted).
Registry small_registry(const ProgressPlan& plan) {
  Registry r(plan.units);
  auto rec = [](Date d, Level level) {
    Event e = event(EventType::recognised, d);
    e.level = level;
    return e;
  };
  Event rep = event(EventType::replicated, day(2020, 10, 1));
  rep.unit_ids = {"xa-moi"};
  r.add(entry(
      "a", "xa-1", {"kinh-te"},
      {event(EventType::registered, day(2019, 3, 1)), rec(day(2019, 6, 1), Level::district)}));
  r.add(entry("b", "huyen", {"kinh-te", "van-hoa-xa-hoi"},
              {event(EventType::registered, day(2020, 2, 1)), rec(day(2020, 5, 1), Level::province),
               event(EventType::commended, day(2020, 9, 1)), rep}));
  r.add(
      entry("c", "xa-2", {"quoc-phong-an-ninh"}, {event(EventType::registered, day(2020, 3, 1))}));
  r.add(entry("d", "xa-1", {"kinh-te"}, {event(EventType::registered, day(2021, 2, 1))}));
  return r;
}

TEST(ProgressRender, ExemplarQueryFollowsTheSummary) {
  const auto plan = testing::merge_plan();
  const auto batch = testing::merge_reports();
  const auto s = summary(plan, batch);
  const StatsQuery q = exemplar_stats_query(s);
  EXPECT_EQ(q.year, 2020);
  EXPECT_EQ(q.as_of, day(2021, 1, 3));
  EXPECT_EQ(q.unit_id, std::optional<std::string>("tinh"));
  EXPECT_FALSE(q.current_units);
  EXPECT_EQ(q.by, std::vector<StatsDimension>{StatsDimension::field});
  // A subtree and a quarter: the unit shown and the quarter's year.
  ProgressQuery pq;
  pq.as_of = day(2020, 8, 1);
  pq.period = Period(PeriodType::quarter, 2020, 2);
  pq.unit_id = "xa-1";
  const StatsQuery q2 = exemplar_stats_query(summarize_progress(plan, batch, pq));
  EXPECT_EQ(q2.year, 2020);
  EXPECT_EQ(q2.as_of, day(2020, 8, 1));
  EXPECT_EQ(q2.unit_id, std::optional<std::string>("xa-1"));
}

TEST(ProgressRender, ExemplarStatisticsInEveryFormat) {
  const auto plan = testing::merge_plan();
  const auto batch = testing::merge_reports();
  const auto s = summary(plan, batch);
  const Registry registry = small_registry(plan);
  const StatsTable t = registry.stats(exemplar_stats_query(s));
  ASSERT_EQ(t.rows.size(), 3u);

  const std::string text = render_progress(plan, s, ProgressFormat::text, t);
  // The plain rendering is the one without statistics, followed by the new section.
  const std::string plain = render_progress(plan, s, ProgressFormat::text);
  EXPECT_EQ(text.rfind(plain, 0), 0u);
  EXPECT_EQ(text.substr(plain.size()),
            "5. Mô hình, điển hình \"Dân vận khéo\" năm 2020\n"
            "----------------------------------------\n"
            "Theo sổ theo dõi điển hình, mô hình; tính đến ngày 03/01/2021; đơn vị: Tỉnh Thử và "
            "các đơn vị trực thuộc. Trong ngoặc: thay đổi so với năm 2019. Một mô hình thuộc "
            "nhiều lĩnh vực được tính ở từng lĩnh vực, một lần ở dòng tổng cộng.\n"
            "Lĩnh vực | Đăng ký | Công nhận | Còn hiệu quả | Biểu dương, khen thưởng | Nhân rộng\n"
            "kinh tế | 1 (±0) | 1 (±0) | 2 (+1) | 1 (+1) | 1 (+1)\n"
            "văn hóa – xã hội | 1 (+1) | 1 (+1) | 1 (+1) | 1 (+1) | 1 (+1)\n"
            "quốc phòng – an ninh | 1 (+1) | 0 (±0) | 0 (±0) | 0 (±0) | 0 (±0)\n"
            "Tổng cộng | 2 (+1) | 1 (±0) | 2 (+1) | 1 (+1) | 1 (+1)\n\n");

  const std::string md = render_progress(plan, s, ProgressFormat::markdown, t);
  EXPECT_TRUE(contains(md, "## 5. Mô hình, điển hình \"Dân vận khéo\" năm 2020\n")) << md;
  EXPECT_TRUE(contains(md, "| **Tổng cộng** | 2 (+1) | 1 (±0) | 2 (+1) | 1 (+1) | 1 (+1) |\n"));

  const std::string h = render_progress(plan, s, ProgressFormat::html, t);
  EXPECT_TRUE(contains(h, "<h2>5. Mô hình, điển hình &quot;Dân vận khéo&quot; năm 2020</h2>"));
  EXPECT_TRUE(contains(h, "<svg class=\"chart exemplars\""));
  // Registered: 2 this year over the largest count 2 is the full 420px bar, 1 last year half.
  EXPECT_TRUE(contains(h, "width=\"420\" height=\"14\" fill=\"#1565c0\"><title>2</title>")) << h;
  EXPECT_TRUE(contains(h, "width=\"210\" height=\"14\" fill=\"#90caf9\"><title>1</title>"));
  EXPECT_TRUE(contains(h,
                       "<tr><th>Tổng cộng</th><td>2 (+1)</td><td>1 (±0)</td><td>2 (+1)</td>"
                       "<td>1 (+1)</td><td>1 (+1)</td></tr>"));
  EXPECT_EQ(h.substr(h.size() - 16), "</body>\n</html>\n");

  const std::string c = render_progress(plan, s, ProgressFormat::csv, t);
  EXPECT_TRUE(contains(c,
                       "exemplars,2020,tinh,Tỉnh Thử,,kinh-te/effective,kinh tế: Còn hiệu "
                       "quả,,,,,,,2,,,,\r\n"))
      << c;
  EXPECT_TRUE(contains(c,
                       "exemplars,2019,tinh,Tỉnh Thử,,kinh-te/effective,kinh tế: Còn hiệu "
                       "quả,,,,,,,1,,,,\r\n"));
  EXPECT_TRUE(contains(c,
                       "exemplars,2020,tinh,Tỉnh Thử,,total/registered,Tổng cộng: Đăng "
                       "ký,,,,,,,2,,,,\r\n"));
  // 4 rows (3 fields and the total) x 5 counts x 2 years.
  std::size_t rows = 0;
  for (std::size_t at = c.find("\r\nexemplars,"); at != std::string::npos;
       at = c.find("\r\nexemplars,", at + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, 40u);
}

TEST(ProgressRender, ExemplarStatisticsOfASubtree) {
  const auto plan = testing::merge_plan();
  const auto batch = testing::merge_reports();
  ProgressQuery q;
  q.as_of = day(2021, 1, 3);
  q.unit_id = "xa-1";
  const auto s = summarize_progress(plan, batch, q);
  const StatsTable t = small_registry(plan).stats(exemplar_stats_query(s));
  const std::string text = render_progress(plan, s, ProgressFormat::text, t);
  // Only "a" is in Xã Một's subtree: recognised in 2019, still in force.
  EXPECT_TRUE(contains(text, "đơn vị: Xã Một và các đơn vị trực thuộc.")) << text;
  EXPECT_TRUE(contains(text, "Tổng cộng | 0 (-1) | 0 (-1) | 1 (±0) | 0 (±0) | 0 (±0)\n"));
}

TEST(ProgressRender, ExemplarStatisticsNeedTheUnitInTheRegistry) {
  const auto plan = testing::merge_plan();
  const auto batch = testing::merge_reports();
  const auto s = summary(plan, batch);
  std::vector<Unit> others;
  for (const auto& u : plan.units.units()) {
    if (u.id != "tinh" && u.parent_id != "tinh") continue;
    Unit copy = u;
    copy.id = u.id == "tinh" ? "tinh-khac" : u.id;
    if (copy.parent_id) copy.parent_id = "tinh-khac";
    others.push_back(copy);
  }
  const Registry registry{UnitHierarchy(others)};
  try {
    (void)registry.stats(exemplar_stats_query(s));
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), "unknown unit \"tinh\"");
  }
}

}  // namespace
}  // namespace danvan
