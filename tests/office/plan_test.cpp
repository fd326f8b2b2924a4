// Tests of the plan as a Word document: a plan imported from text, written as .docx, read back
// with danvan's .docx reader and imported again gives the same plan; the layout parts; text
// Word cannot show is an error naming the part; a corpus plan when ../shared is present.
#include "office_fixtures.hpp"

#include "danvan/document_text.hpp"
#include "danvan/import_text.hpp"
#include "danvan/io.hpp"
#include "danvan/office.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

using namespace danvan;
using danvan::test::message_of;
using danvan::test::part;

namespace {

Plan fixture_plan() {
  const std::string text =
      read_file(std::string(DANVAN_TEST_DATA_DIR) + "/sample-official-plan.md");
  return import_plan_text(text).plan;
}

/// The fields of a plan a round trip compares, by name, and whether a and b agree on each.
std::vector<std::pair<std::string, bool>> compare(const Plan& a, const Plan& b) {
  return {
      {"title", a.title == b.title},
      {"issuer", a.issuer_id == b.issuer_id},
      {"number", a.symbol == b.symbol},
      {"date", a.issue_date == b.issue_date},
      {"type", a.document_type == b.document_type},
      {"period", a.period == b.period},
      {"purposes", a.purposes == b.purposes},
      {"requirements", a.requirements == b.requirements},
      {"targets", a.targets == b.targets},
      {"funding", a.funding == b.funding},
      {"reporting", a.reporting == b.reporting},
      {"place", a.place == b.place},
      {"bases", a.legal_bases == b.legal_bases},
      {"task areas", a.task_areas == b.task_areas},
      {"duties", a.duties == b.duties},
      {"annexes", a.annexes == b.annexes},
      {"outline", a.outline == b.outline},
      // The three that sit in the header and signing tables: the .docx reader writes a
      // layout table cell by cell, each cell's lines kept (document_text.hpp).
      {"issuer header", a.issuer_header == b.issuer_header},
      {"signature", a.signature == b.signature},
      {"recipients", a.recipients == b.recipients},
  };
}

}  // namespace

TEST(PlanDocx, TextToDocxAndBackGivesTheSamePlan) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  const Plan plan = fixture_plan();
  ASSERT_TRUE(plan.symbol.has_value());
  ASSERT_FALSE(plan.outline.empty());
  const std::string bytes = plan_docx(plan);
  const DocumentText text = read_document(bytes, "plan.docx");
  const Plan again = import_plan_text(text.text).plan;
  for (const auto& [field, same] : compare(plan, again)) {
    EXPECT_TRUE(same) << field << "\n---\n" << text.text;
  }
  // What comes back, by value (so the comparison above cannot pass on two empty plans).
  EXPECT_EQ(again.issuer_header, (std::vector<std::string>{"ỦY BAN NHÂN DÂN", "TỈNH MẪU THỬ"}));
  ASSERT_TRUE(again.symbol.has_value());
  EXPECT_EQ(again.symbol->canonical(), "0042/KH-UBND");
  ASSERT_TRUE(again.issue_date.has_value());
  EXPECT_EQ(again.issue_date->iso(), "2026-03-05");
  ASSERT_TRUE(again.signature.has_value());
  EXPECT_EQ(again.signature->authority, "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH");
  EXPECT_EQ(again.signature->title, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(again.signature->name, "Trần Văn Mẫu");
  EXPECT_EQ(again.recipients,
            (std::vector<std::string>{"Thường trực Tỉnh ủy", "Các sở, ban, ngành", "Lưu: VT, NC"}));
}

TEST(PlanDocx, TheLayoutAPersonSees) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  const std::string bytes = plan_docx(fixture_plan());
  const std::string text = read_document(bytes).text;
  for (const char* expected : {
           // The layout tables cell by cell, a cell's lines kept (the data table below as rows).
           "|\n**ỦY BAN NHÂN DÂN**\n**TỈNH MẪU THỬ**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA "
           "VIỆT NAM**\n**Độc lập - Tự do - Hạnh phúc**\n---------------\n|\n|\nSố: "
           "0042/KH-UBND\n|\nMẫu Thử, ngày 05 tháng 3 năm 2026\n|\n\n",
           "\n|\n**Nơi nhận:**\n- Thường trực Tỉnh ủy;\n- Các sở, ban, ngành;\n- Lưu: VT, "
           "NC.\n|\n",
           "\nKẾ HOẠCH\n",
           "\nỦy ban nhân dân tỉnh Mẫu Thử ban hành Kế hoạch thực hiện giai đoạn 2026 - 2030 như "
           "sau:\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n",
           "\n- Nâng cao nhận thức",
           "\n**PHỤ LỤC I**\n\n**DANH MỤC MÔ HÌNH ĐĂNG KÝ NĂM 2026**\n",
           "| **STT** | **Mô hình** |\n| 1 | Dân vận khéo trong cải cách hành chính |",
       }) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n---\n" << text;
  }
  const std::string document = part(bytes, "word/document.xml");
  EXPECT_NE(document.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);
  EXPECT_NE(document.find("<w:tblHeader/>"), std::string::npos);
}

// A heading is judged short by its characters, not its bytes: a duty unit's heading of 112
// Vietnamese letters (145 bytes) stays bold, so the importer reads it as a unit again (in CI a
// corpus plan lost this heading's unit: it came back split at its first comma).
TEST(PlanDocx, ALongVietnameseHeadingStaysBold) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  Plan plan = fixture_plan();
  const std::string heading =
      "Các Sở, ngành chủ trì, quản lý, tham gia thực hiện các dự án, tiểu dự án, nội dung thành "
      "phần thuộc Chương trình";
  plan.outline.push_back(OutlineItem{1, "2.", heading});
  plan.outline.push_back(OutlineItem{1, "3.", heading + " và các đơn vị khác có liên quan"});
  const std::string text = read_document(plan_docx(plan)).text;
  EXPECT_NE(text.find("\n**2. " + heading + "**\n"), std::string::npos) << text;
  // Past 120 characters it is body text.
  EXPECT_NE(text.find("\n3. " + heading + " và"), std::string::npos) << text;
}

TEST(PlanDocx, WhatThePlanDoesNotKnowIsABlank) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  Plan plan = fixture_plan();
  plan.symbol.reset();
  plan.issue_date.reset();
  plan.place.reset();
  plan.signature.reset();
  plan.outline.clear();  // the body is then built from the plan's parts
  const std::string text = read_document(plan_docx(plan)).text;
  EXPECT_NE(text.find("|\nSố: ....../KH-......\n|\n……………, ngày ..... tháng ..... năm .......\n|\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("- Lưu: VT, NC.\n|\n**……………**\n|\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n**III. NHIỆM VỤ VÀ GIẢI PHÁP**\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n1. Tuyên truyền, quán triệt chủ trương của Đảng về công tác dân vận.\n"),
            std::string::npos)
      << text;
}

// A title may name only the horizon of what the plan carries out (a programme "ĐẾN NĂM 2030",
// which the importer does not take for the plan's period); the plan's own period is then
// stated where published plans state it, in the sentence that issues the plan (corpus plan
// f069c23c942c1ec6 lost its period through .docx before).
TEST(PlanDocx, APeriodTheTitleDoesNotGiveComesBack) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  Plan plan = fixture_plan();
  plan.title =
      "TRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA PHÒNG, CHỐNG MA TÚY ĐẾN NĂM 2030 TRÊN "
      "ĐỊA BÀN TỈNH MẪU THỬ";
  plan.period = PlanPeriod{std::nullopt, PartialDate(2030), "đến năm 2030"};
  const std::string text = read_document(plan_docx(plan)).text;
  EXPECT_NE(text.find("\nỦy ban nhân dân tỉnh Mẫu Thử ban hành Kế hoạch thực hiện đến năm 2030 như "
                      "sau:\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(import_plan_text(text).plan.period, plan.period);
  // Without a period, or one built by hand without its words, no sentence is made up.
  for (const auto& period :
       {std::optional<PlanPeriod>{}, std::optional<PlanPeriod>{PlanPeriod::year(2026)}}) {
    plan.period = period;
    const std::string bare = read_document(plan_docx(plan)).text;
    EXPECT_EQ(bare.find("ban hành Kế hoạch"), std::string::npos) << bare;
  }
}

// An annex comes back as it went: its heading on the lines plans print it on ("PHỤ LỤC I" over
// the title in capitals, a document of its own as its type's name over its title), its rows
// with the cells they have (a short row ends early, w:gridAfter, rather than gaining empty
// cells), an empty row kept. (Corpus plans lost annexes, outline items and duties to a heading
// written on one line, and cells to padded rows, before.)
TEST(PlanDocx, AnnexHeadingsAndShortRowsComeBack) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  Plan plan = fixture_plan();
  // (A document of its own comes first, as in the corpus: after an annex of tables the
  // importer opens no annex at a type's name.)
  plan.annexes = {
      Annex{"KẾ HOẠCH TRIỂN KHAI THI HÀNH LUẬT MẪU THỬ", {}},
      Annex{"Mẫu biểu số 01: DỰ BÁO MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU GIAI ĐOẠN 03 NĂM 2026 "
            "– 2028 CỦA TỈNH MẪU THỬ",
            {Table{{{"STT", "Nội dung", "Năm 2026", "Năm 2027"},
                    {"I", "NHÓM CHỈ TIÊU KINH TẾ"},
                    {"1", "Tổng sản phẩm", "100", "110"},
                    {"", "", "", ""},
                    {"Tổng cộng"}}}}},
  };
  const std::string bytes = plan_docx(plan);
  const std::string text = read_document(bytes).text;
  EXPECT_NE(text.find("\n**Mẫu biểu số 01**\n\n**DỰ BÁO MỘT SỐ CHỈ TIÊU"), std::string::npos)
      << text;
  EXPECT_NE(text.find("\n**KẾ HOẠCH**\n\n**TRIỂN KHAI THI HÀNH LUẬT MẪU THỬ**\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("| I | NHÓM CHỈ TIÊU KINH TẾ |\n| 1 |"), std::string::npos) << text;
  EXPECT_NE(part(bytes, "word/document.xml").find("<w:gridAfter w:val=\"2\"/>"), std::string::npos);
  const Plan again = import_plan_text(text).plan;
  ASSERT_EQ(again.annexes.size(), plan.annexes.size()) << text;
  for (std::size_t a = 0; a < plan.annexes.size(); ++a) {
    EXPECT_EQ(again.annexes[a].title, plan.annexes[a].title);
    ASSERT_EQ(again.annexes[a].tables.size(), plan.annexes[a].tables.size()) << a;
    for (std::size_t t = 0; t < plan.annexes[a].tables.size(); ++t) {
      EXPECT_EQ(again.annexes[a].tables[t].rows, plan.annexes[a].tables[t].rows);
    }
  }
  EXPECT_EQ(again.outline, plan.outline);
}

TEST(PlanDocx, TextWordCannotShowNamesThePart) {
  if (!docx_writing_supported()) GTEST_SKIP() << "not run: this build does not write .docx";
  Plan plan = fixture_plan();
  plan.outline[2].text = "Nâng\x01";
  EXPECT_EQ(message_of([&] { (void)plan_docx(plan); }),
            "outline item 3: character U+0001 at byte 5 cannot go into a Word document (a "
            "control character)");
  plan = fixture_plan();
  plan.annexes[0].tables[0].rows[1][1] = "\xFF";
  EXPECT_EQ(message_of([&] { (void)plan_docx(plan); }),
            "annex 1, row 2, cell 2: malformed UTF-8 at byte 0");
}

TEST(PlanDocx, CorpusPlansRoundTrip) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  const char* env = std::getenv("DANVAN_CORPUS_DIR");
  const std::filesystem::path corpus =
      env != nullptr ? std::filesystem::path(env)
                     : std::filesystem::path(DANVAN_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!std::filesystem::is_directory(corpus / "plans")) {
    GTEST_SKIP() << "not run: corpus not present (" << (corpus / "plans").string() << ")";
  }
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(corpus / "plans")) {
    if (e.path().extension() == ".md") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  // Per field, how many plans come back with it unchanged. Measured on the 22 plans of the
  // development corpus (a dev score: the writer and the fixes were made looking at them); the
  // floors are the measure: every field of every plan. Before this session's fixes annexes,
  // outline and duties came back in 15, 16 and 18 plans: an annex heading written on one line
  // the importer did not take for one (its title then read as body text, a duty's or
  // funding's last line), short table rows padded with empty cells, empty rows read as
  // Markdown delimiter rows, and the blank of the place-date line read as a place. The header,
  // signing and recipients tables come back (the reader keeps a layout table's cell lines);
  // the period too (stated in the sentence that issues the plan when the title only names a
  // programme's horizon: f069c23c942c1ec6).
  std::map<std::string, int> kept;
  for (const auto& path : paths) {
    const Plan plan = import_plan_text(read_document_file(path).text).plan;
    const Plan again = import_plan_text(read_document(plan_docx(plan)).text).plan;
    for (const auto& [field, same] : compare(plan, again)) {
      kept[field] += same ? 1 : 0;
      if (!same) std::cout << path.filename().string() << ": " << field << " differs\n";
    }
  }
  const std::map<std::string, int> floors = {
      {"title", 22},   {"issuer", 22},        {"number", 22},    {"date", 22},
      {"type", 22},    {"period", 22},        {"purposes", 22},  {"requirements", 22},
      {"targets", 22}, {"funding", 22},       {"reporting", 22}, {"place", 22},
      {"bases", 22},   {"task areas", 22},    {"duties", 22},    {"annexes", 22},
      {"outline", 22}, {"issuer header", 22}, {"signature", 22}, {"recipients", 22}};
  ASSERT_EQ(paths.size(), 22U) << "the corpus changed: measure again";
  for (const auto& [field, floor] : floors) {
    std::cout << field << ": " << kept[field] << " of " << paths.size() << " kept\n";
    EXPECT_GE(kept[field], floor) << field;
  }
}
