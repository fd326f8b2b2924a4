#include "danvan/import_text.hpp"
#include "danvan/error.hpp"
#include "danvan/json.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using danvan::import_plan_text;
using danvan::ImportOptions;

const danvan::InstrumentCatalogue& catalogue() {
  static const auto c =
      danvan::load_catalogue(std::string(DANVAN_SOURCE_DIR) + "/data/instruments/catalogue.json");
  return c;
}

std::string founding_text() {
  return danvan::read_file(std::string(DANVAN_TEST_DATA_DIR) +
                           "/phu-yen-2020-nam-dan-van-kheo.txt");
}

danvan::Plan bundled_plan() {
  return danvan::load_plan(std::string(DANVAN_SOURCE_DIR) +
                           "/data/plans/phu-yen-2020-nam-dan-van-kheo.json");
}

bool has_note(const std::vector<std::string>& notes, const std::string& prefix) {
  return std::any_of(notes.begin(), notes.end(),
                     [&](const std::string& n) { return n.rfind(prefix, 0) == 0; });
}

// The source's typing slips the hand-made plan corrects (its source note lists them).
std::string corrected(std::string s) {
  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{"vững mnh", "vững mạnh"}, {"khéophải", "khéo phải"}}) {
    const auto at = s.find(from);
    if (at != std::string::npos) s.replace(at, from.size(), to);
  }
  return s;
}

TEST(ImportText, FoundingDocumentMatchesTheHandMadePlan) {
  ImportOptions options;
  options.catalogue = &catalogue();
  const auto result = import_plan_text(founding_text(), options);
  const danvan::Plan& draft = result.plan;
  const danvan::Plan expected = bundled_plan();
  EXPECT_NO_THROW(draft.validate());

  EXPECT_EQ(draft.title, expected.title);
  EXPECT_EQ(draft.issuer_id, expected.issuer_id);
  ASSERT_TRUE(draft.period.has_value());
  EXPECT_EQ(draft.period->from, expected.period->from);
  EXPECT_EQ(draft.period->to, expected.period->to);
  EXPECT_EQ(draft.scope, expected.scope);
  EXPECT_EQ(draft.symbol, std::nullopt);
  EXPECT_EQ(draft.issue_date, std::nullopt);

  ASSERT_EQ(draft.task_areas.size(), 5U);
  for (std::size_t k = 0; k < 5; ++k) {
    const auto& got = draft.task_areas[k];
    const auto& want = expected.task_areas[k];
    EXPECT_EQ(got.number, want.number);
    EXPECT_EQ(corrected(got.text), want.text) << "task area " << k + 1;
    EXPECT_EQ(got.citations, want.citations) << "task area " << k + 1;
  }
  std::vector<std::string> cited;
  for (const auto* in : draft.cited_instruments()) cited.push_back(in->id);
  std::vector<std::string> want_cited;
  for (const auto* in : expected.cited_instruments()) want_cited.push_back(in->id);
  EXPECT_EQ(cited, want_cited);
  ASSERT_EQ(cited.size(), 7U);
  EXPECT_NE(draft.task_areas[2].citations[1].instrument_id,
            draft.task_areas[2].citations[2].instrument_id);

  ASSERT_EQ(draft.purposes.size(), 2U);
  EXPECT_EQ(draft.purposes[0].rfind(expected.purposes[0], 0), 0U) << draft.purposes[0];
  EXPECT_EQ(draft.purposes[1], expected.purposes[1]);
  ASSERT_EQ(draft.requirements.size(), 1U);
  EXPECT_EQ(corrected(draft.requirements[0]), expected.requirements[0]);

  ASSERT_TRUE(draft.source.has_value());
  EXPECT_EQ(draft.source->title, expected.source->title);
  EXPECT_EQ(draft.source->published, expected.source->published);
  EXPECT_EQ(draft.source->author, expected.source->author);

  EXPECT_TRUE(has_note(result.undetermined, "symbol:"));
  EXPECT_TRUE(has_note(result.undetermined, "issue_date:"));
  EXPECT_TRUE(has_note(result.undetermined, "milestones:"));
  EXPECT_TRUE(has_note(result.undetermined, "legal_bases:"));
}

TEST(ImportText, WithoutCatalogueDraftsDistinctInstruments) {
  const auto result = import_plan_text(founding_text());
  const danvan::Plan& draft = result.plan;
  EXPECT_NO_THROW(draft.validate());
  ASSERT_EQ(draft.task_areas.size(), 5U);
  EXPECT_EQ(draft.cited_instruments().size(), 7U);
  const auto& t3 = draft.task_areas[2].citations;
  ASSERT_EQ(t3.size(), 3U);
  EXPECT_EQ(t3[1].instrument_id, "directive-23-ban-thuong-vu-tinh-uy");
  EXPECT_EQ(t3[2].instrument_id, "directive-23-ubnd-tinh");
  EXPECT_EQ(draft.issuer_id, "ubnd-tinh");
  EXPECT_EQ(draft.catalogue.issuer("ubnd-tinh").name, "UBND tỉnh");
}

TEST(ImportText, FormalPlanWithNumberDateAndLegalBases) {
  const std::string text =
      "Văn bản pháp luật\n\n"
      "Căn cứ Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ về tăng cường kỷ luật, "
      "kỷ cương trong các cơ quan hành chính nhà nước các cấp;\n"
      "UBND huyện Phú Hòa ban hành Kế hoạch số 45/KH-UBND ngày 02/3/2021 về thực hiện phong "
      "trào Dân vận khéo năm 2021, với mục đích nhằm phát huy vai trò của nhân dân trong xây "
      "dựng nông thôn mới.\n"
      "1. Tuyên truyền Chỉ thị số 26/CT-TTg đến toàn thể cán bộ, công chức, viên chức của huyện "
      "trong năm.\n"
      "3. Đoạn đánh số sai thứ tự sẽ bị bỏ qua và được ghi lại trong danh sách các điểm chưa xác "
      "định.\n";
  ImportOptions options;
  options.catalogue = &catalogue();
  options.id = "phu-hoa-2021";
  const auto result = import_plan_text(text, options);
  const danvan::Plan& p = result.plan;
  EXPECT_NO_THROW(p.validate());
  EXPECT_EQ(p.id, "phu-hoa-2021");
  EXPECT_EQ(p.title, "Kế hoạch về thực hiện phong trào Dân vận khéo năm 2021");
  ASSERT_TRUE(p.symbol.has_value());
  EXPECT_EQ(p.symbol->canonical(), "45/KH-UBND");
  EXPECT_EQ(p.issue_date, danvan::PartialDate(2021, 3, 2));
  ASSERT_TRUE(p.period.has_value());
  EXPECT_EQ(p.period->from, danvan::PartialDate(2021));
  EXPECT_EQ(p.period->to, danvan::PartialDate(2021));
  EXPECT_EQ(p.issuer_id, "ubnd-huyen-phu-hoa");
  ASSERT_EQ(p.legal_bases.size(), 1U);
  EXPECT_EQ(p.legal_bases[0].instrument_id, "ct-26-ttg-2016");
  ASSERT_EQ(p.task_areas.size(), 1U);
  EXPECT_EQ(p.task_areas[0].citations[0].instrument_id, "ct-26-ttg-2016");
  EXPECT_TRUE(has_note(result.undetermined, "task areas: paragraph numbered 3 out of sequence"));
  EXPECT_FALSE(has_note(result.undetermined, "symbol:"));
}

TEST(ImportText, AmbiguousReferenceIsNotedNotCited) {
  const std::string text =
      "UBND tỉnh vừa ban hành Kế hoạch thực hiện Năm dân vận khéo 2020 trong các cơ quan hành "
      "chính nhà nước trên địa bàn tỉnh Phú Yên.\n"
      "1. Thực hiện nghiêm Chỉ thị số 23 về kỷ luật, kỷ cương hành chính trong các cơ quan, đơn "
      "vị trên địa bàn tỉnh.\n";
  ImportOptions options;
  options.catalogue = &catalogue();
  const auto result = import_plan_text(text, options);
  EXPECT_NO_THROW(result.plan.validate());
  ASSERT_EQ(result.plan.task_areas.size(), 1U);
  EXPECT_TRUE(result.plan.task_areas[0].citations.empty());
  EXPECT_TRUE(has_note(result.undetermined,
                       "task area 1: \"Chỉ thị số 23\" may be any of ct-23-btvtu-phu-yen, "
                       "ct-23-ubnd-phu-yen; not cited"));
  EXPECT_EQ(result.plan.issuer_id, "ubnd-tinh-phu-yen");
}

TEST(ImportText, EmptyAndNoiseOnlyText) {
  const auto noise_only = import_plan_text("Thống kê\n");
  EXPECT_TRUE(noise_only.plan.task_areas.empty());
  EXPECT_TRUE(has_note(noise_only.undetermined, "body: no paragraph of running text found"));
  EXPECT_TRUE(has_note(noise_only.undetermined, "issuer:"));
  EXPECT_THROW(noise_only.plan.validate(), danvan::ValueError);
  const auto noise = import_plan_text("Thống kê truy cập\n\nĐang truy cập:\n\nHôm nay:\n");
  EXPECT_TRUE(noise.plan.task_areas.empty());
  EXPECT_TRUE(has_note(noise.undetermined, "task_areas: no numbered paragraphs found"));
}

TEST(ImportText, MalformedUtf8Throws) {
  EXPECT_THROW((void)import_plan_text(std::string("Kế hoạch\xFF")), danvan::ParseError);
}

}  // namespace
