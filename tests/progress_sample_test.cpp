// The bundled sample progress plan and reports (data/progress/) read cleanly, are canonical,
// and count the Đông Hòa change of 01/06/2020 as expected.
#include "danvan/json/progress.hpp"

#include <gtest/gtest.h>

namespace danvan {
namespace {

const std::filesystem::path dir = std::filesystem::path(DANVAN_SOURCE_DIR) / "data/progress";

TEST(ProgressSample, CanonicalAndLabelledSample) {
  const std::string ptext = read_file(dir / "phu-yen-2020-progress.json");
  const std::string rtext = read_file(dir / "phu-yen-2020-reports.json");
  const ProgressPlan plan = progress_plan_from_json(parse_json(ptext));
  const ReportBatch batch = report_batch_from_json(parse_json(rtext), plan);
  EXPECT_EQ(to_canonical_text(to_json(plan)), ptext);
  EXPECT_EQ(to_canonical_text(to_json(batch)), rtext);
  EXPECT_TRUE(plan.sample);
  EXPECT_TRUE(batch.sample);
  EXPECT_EQ(plan.plan_id, "phu-yen-2020-nam-dan-van-kheo");
}

TEST(ProgressSample, DongHoaBecomesATownOnFirstOfJune2020) {
  const ProgressPlan plan = load_progress_plan(dir / "phu-yen-2020-progress.json");
  const ReportBatch batch = load_report_batch(dir / "phu-yen-2020-reports.json", plan);
  ProgressQuery q;
  q.as_of = Date(2021, 1, 10);
  const auto s = summarize_progress(plan, batch, q);
  std::size_t huyen = 0, thi_xa = 0;
  for (const auto& e : s.expected) {
    if (e.unit_id == "d564") ++huyen;
    if (e.unit_id == "d564-20200601") ++thi_xa;
  }
  EXPECT_EQ(huyen, 2u);   // 202004, 202005
  EXPECT_EQ(thi_xa, 7u);  // 202006 .. 202012
  EXPECT_EQ(s.nodes[0].unit_id, "p54");
  EXPECT_EQ(s.nodes[0].completeness.expected, 99u);
  EXPECT_EQ(s.nodes[0].completeness.not_due, 0u);
  EXPECT_EQ(s.nodes[0].completeness.submitted() + s.nodes[0].completeness.missing, 99u);
  EXPECT_EQ(s.nodes[0].completeness.submitted(), batch.reports.size());
  EXPECT_TRUE(s.unexpected.empty());
}

}  // namespace
}  // namespace danvan
