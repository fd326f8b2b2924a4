// The bundled founding plan equals the same plan built fact by fact in C++.
#include "../examples/cpp/founding_plan.hpp"

#include <danvan/json.hpp>

#include <gtest/gtest.h>

namespace {

const std::string plan_path =
    std::string(DANVAN_SOURCE_DIR) + "/data/plans/phu-yen-2020-nam-dan-van-kheo.json";

TEST(FoundingPlan, FileEqualsThePlanBuiltInCode) {
  const danvan::Plan from_file = danvan::load_plan(plan_path);
  const danvan::Plan built = danvan_examples::founding_plan();
  EXPECT_EQ(from_file, built);
  EXPECT_EQ(danvan::to_canonical_text(danvan::to_json(built)), danvan::read_file(plan_path));
}

TEST(FoundingPlan, HasFiveTaskAreasAndSevenCitedInstruments) {
  const danvan::Plan plan = danvan::load_plan(plan_path);
  ASSERT_EQ(plan.task_areas.size(), 5U);
  const auto cited = plan.cited_instruments();
  ASSERT_EQ(cited.size(), 7U);
  EXPECT_EQ(cited[0]->symbol->canonical(), "79-CTr/BDVTW-BCSĐCP");
  EXPECT_EQ(cited[3]->symbol->canonical(), "217-QĐ/TW");
  EXPECT_EQ(cited[4]->symbol->canonical(), "26/CT-TTg");
}

TEST(FoundingPlan, TheTwoDirectives23AreDifferentInstruments) {
  const danvan::Plan plan = danvan::load_plan(plan_path);
  const auto& area3 = plan.task_areas.at(2).citations;
  ASSERT_EQ(area3.size(), 3U);
  const auto& party = plan.catalogue.instrument(area3[1].instrument_id);
  const auto& state = plan.catalogue.instrument(area3[2].instrument_id);
  EXPECT_EQ(party.number, state.number);
  EXPECT_NE(danvan::identity(party), danvan::identity(state));
  EXPECT_EQ(plan.catalogue.issuer(party.issuer_ids.at(0)).name, "Ban Thường vụ Tỉnh ủy Phú Yên");
  EXPECT_EQ(plan.catalogue.issuer(state.issuer_ids.at(0)).name, "Ủy ban nhân dân tỉnh Phú Yên");
}

TEST(FoundingPlan, UnknownFactsStayEmpty) {
  const danvan::Plan plan = danvan::load_plan(plan_path);
  EXPECT_FALSE(plan.symbol.has_value());
  EXPECT_FALSE(plan.issue_date.has_value());
  const auto& ct23 = plan.catalogue.instrument("ct-23-btvtu-phu-yen");
  EXPECT_FALSE(ct23.symbol.has_value());
  EXPECT_FALSE(ct23.date.has_value());
  EXPECT_EQ(plan.milestones.back().date, danvan::PartialDate(2020, 10, 15));
}

TEST(FoundingPlan, EveryCitationSurfaceIsInItsTaskAreaText) {
  const danvan::Plan plan = danvan::load_plan(plan_path);
  for (const auto& t : plan.task_areas) {
    for (const auto& c : t.citations) {
      EXPECT_NE(t.text.find(c.cited_as), std::string::npos) << c.cited_as;
    }
  }
}

TEST(FoundingPlan, RendersEveryTaskAreaAndInstrument) {
  const danvan::Plan plan = danvan::load_plan(plan_path);
  const std::string text = danvan::render_plan(plan, danvan::PlanFormat::text);
  for (int n = 1; n <= 5; ++n) {
    EXPECT_NE(text.find("\n" + std::to_string(n) + ". "), std::string::npos) << n;
  }
  EXPECT_NE(text.find("Chỉ thị 26/CT-TTg ngày 05/09/2016 của Thủ tướng Chính phủ"),
            std::string::npos);
  EXPECT_NE(text.find("Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy Phú Yên"), std::string::npos);
  EXPECT_NE(text.find("Chỉ thị số 23 của Ủy ban nhân dân tỉnh Phú Yên"), std::string::npos);
  const std::string md = danvan::render_plan(plan, danvan::PlanFormat::markdown);
  EXPECT_EQ(md.rfind("# Kế hoạch thực hiện", 0), 0U);
  EXPECT_NE(md.find("## IV. NỘI DUNG TRỌNG TÂM"), std::string::npos);
}

}  // namespace
