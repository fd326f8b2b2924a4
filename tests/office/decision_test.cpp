// Tests of the recognition decision (.docx): every annex row read back with the project's own
// .docx reader, the layout parts a person sees (A4, margins, Times New Roman, the repeated
// header row), Vietnamese order, blanks for what the registry does not know, and the errors
// (empty selection, text Word cannot show, unknown issuer or basis, missing folder).
#include "office_fixtures.hpp"

#include "danvan/document_text.hpp"
#include "danvan/json/plan.hpp"
#include "danvan/json/registry.hpp"
#include "danvan/office.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

using namespace danvan;
using danvan::test::message_of;
using danvan::test::part;

namespace {

Unit unit(std::string id, std::string name, Level level, std::optional<std::string> parent) {
  Unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  u.kind = UnitKind::peoples_committee;
  u.level = level;
  u.parent_id = std::move(parent);
  u.valid_to = Date(2025, 6, 30);  // the district level ended then
  return u;
}

Entry entry(std::string id, std::string name, std::string unit_id, int year,
            std::optional<std::string> person = std::nullopt) {
  Entry e;
  e.id = std::move(id);
  e.kind = person ? EntryKind::exemplar : EntryKind::model;
  e.subject = person ? Subject::individual : Subject::collective;
  e.name = std::move(name);
  e.unit_id = std::move(unit_id);
  e.person_name = std::move(person);
  e.field_ids = {"kinh-te"};
  Event reg;
  reg.type = EventType::registered;
  reg.date = PartialDate(year, 2, 1);
  Event rec;
  rec.type = EventType::recognised;
  rec.date = PartialDate(year, 11, 20);
  rec.level = Level::district;
  rec.by = "ngoc-son";
  rec.grade = "xuat-sac";
  e.events = {reg, rec};
  return e;
}

/// A district with two communes (names invented for the test).
Registry small_registry() {
  Registry r(UnitHierarchy({unit("ngoc-son", "Huyện Ngọc Sơn", Level::district, {}),
                            unit("an-lac", "Xã An Lạc", Level::commune, "ngoc-son"),
                            unit("dong-tam", "Xã Đồng Tâm", Level::commune, "ngoc-son")}));
  r.add(entry("e1", "Đội thanh niên tình nguyện", "an-lac", 2024));
  r.add(entry("e2", "Dân vận khéo trong dồn điền đổi thửa", "dong-tam", 2024));
  r.add(entry("e3", "Ấp văn hóa kiểu mẫu", "an-lac", 2024));
  r.add(entry("e4", "Trưởng thôn gương mẫu", "dong-tam", 2024, "Nguyễn Văn Bình"));
  r.add(entry("e5", "Mô hình năm trước", "dong-tam", 2023));
  return r;
}

DecisionOptions district_2024() {
  DecisionOptions o;
  o.issuer_unit_id = "ngoc-son";
  o.level = Level::district;
  o.recognised_in = parse_date_range("2024");
  return o;
}

std::vector<std::size_t> recognised_2024(const Registry& r) {
  Filter f;
  f.unit_id = "ngoc-son";
  f.recognised_in = parse_date_range("2024");
  return r.select(f);
}

}  // namespace

TEST(Decision, AnnexRowsInVietnameseOrderWithWhatTheRegistryKnows) {
  const Registry r = small_registry();
  const auto rows = decision_rows(r, recognised_2024(r), district_2024());
  std::vector<std::string> names;
  for (const auto& row : rows) names.push_back(row.name);
  // Vietnamese order (a < ă < â ... d < đ), not byte order (which puts "Ấp" last); the
  // individual by the person's given name ("Bình").
  EXPECT_EQ(names, (std::vector<std::string>{"Ấp văn hóa kiểu mẫu", "Trưởng thôn gương mẫu",
                                             "Dân vận khéo trong dồn điền đổi thửa",
                                             "Đội thanh niên tình nguyện"}));
  EXPECT_EQ(rows[1],
            (DecisionRow{"e4", "Trưởng thôn gương mẫu", "Xã Đồng Tâm", "kinh tế", "Cấp huyện",
                         "xuất sắc", "Nguyễn Văn Bình", Subject::individual}));
  EXPECT_EQ(rows[0].person, "");
  EXPECT_EQ(rows[0].subject, Subject::collective);
}

TEST(Decision, EveryPartAndEveryAnnexRowReadsBack) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  const Registry r = small_registry();
  const std::string bytes = decision_docx(r, recognised_2024(r), district_2024());
  const std::string text = read_document(bytes, "qd.docx").text;
  for (const char* expected : {
           // The layout tables cell by cell, each cell's lines kept (the annex as rows).
           "|\n**ỦY BAN NHÂN DÂN**\n**HUYỆN NGỌC SƠN**\n-------\n|\n**CỘNG HÒA XÃ HỘI CHỦ "
           "NGHĨA VIỆT NAM**\n**Độc lập - Tự do - Hạnh phúc**\n---------------\n|\n|\n",
           "|\nSố: ....../QĐ-UBND\n|\nNgọc Sơn, ngày ..... tháng ..... năm .......\n|\n",
           "\nQUYẾT ĐỊNH\n",
           "\nVề việc công nhận mô hình, điển hình \"Dân vận khéo\" cấp huyện năm 2024\n",
           "\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN NGỌC SƠN\n",
           "\nCăn cứ ……………;\n",
           "\nXét đề nghị của …………….\n",
           "\nQUYẾT ĐỊNH:\n",
           "**Điều 1.** Công nhận 4 mô hình, điển hình \"Dân vận khéo\" cấp huyện năm 2024 (có "
           "danh sách kèm theo).",
           "**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.",
           "**Điều 3.** Chánh Văn phòng ……………,",
           "|\n**Nơi nhận:**\n- Như Điều 3;\n- Lưu: VT.\n|\n**KT. CHỦ TỊCH**\n**PHÓ CHỦ "
           "TỊCH**\n**……………**\n|\n",
           "(Kèm theo Quyết định số ....../QĐ-UBND ngày ..... tháng ..... năm ....... của Chủ tịch "
           "Ủy ban nhân dân huyện Ngọc Sơn)",
           "| **STT** | **Tên mô hình, điển hình** | **Đơn vị** | **Lĩnh vực** | **Cấp công nhận** "
           "| "
           "**Xếp loại** | **Cá nhân** |",
       }) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n---\n" << text;
  }
  const auto rows = decision_rows(r, recognised_2024(r), district_2024());
  // Collectives and an individual: two sections, each numbered from 1 in Vietnamese order.
  std::size_t previous = 0;
  const auto expect_next = [&](const std::string& line) {
    const auto at = text.find(line);
    ASSERT_NE(at, std::string::npos) << line << "\n---\n" << text;
    EXPECT_GT(at, previous) << line << " out of order";
    previous = at;
  };
  for (const auto& [subject, title] : {std::pair{Subject::collective, "| **I. TẬP THỂ** |\n"},
                                       std::pair{Subject::individual, "| **II. CÁ NHÂN** |\n"}}) {
    expect_next(title);
    std::size_t number = 0;
    for (const auto& row : rows) {
      if (row.subject != subject) continue;
      // The reader writes a table row as "| a | b |", an empty cell as "| |".
      std::string line = "\n|";
      for (const auto& c : {std::to_string(++number), row.name, row.unit, row.field, row.level,
                            row.grade, row.person}) {
        line += c.empty() ? " |" : " " + c + " |";
      }
      expect_next(line);
    }
    EXPECT_EQ(number, subject == Subject::collective ? 3U : 1U);
  }
  // A section heading spans the table's seven columns.
  EXPECT_NE(part(bytes, "word/document.xml").find("<w:gridSpan w:val=\"7\"/>"), std::string::npos);
  EXPECT_EQ(text.find("Mô hình năm trước"), std::string::npos);
}

// Entries whose subject the registry does not know get a section of their own; a selection of
// one subject has no sections (see AThousandRowsAllReadBack).
TEST(Decision, AnnexSectionsForCollectivesIndividualsAndTheUnknown) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  Registry r = small_registry();
  Entry unknown = entry("e7", "Tổ tự quản", "an-lac", 2024);
  unknown.subject = Subject::unknown;
  r.add(unknown);
  const std::string text =
      read_document(decision_docx(r, recognised_2024(r), district_2024())).text;
  const auto one = text.find("| **I. TẬP THỂ** |\n| 1 | Ấp văn hóa kiểu mẫu |");
  const auto two = text.find("| **II. CÁ NHÂN** |\n| 1 | Trưởng thôn gương mẫu |");
  const auto three = text.find("| **III. CHƯA RÕ TẬP THỂ HAY CÁ NHÂN** |\n| 1 | Tổ tự quản |");
  ASSERT_NE(one, std::string::npos) << text;
  ASSERT_NE(two, std::string::npos) << text;
  ASSERT_NE(three, std::string::npos) << text;
  EXPECT_LT(one, two);
  EXPECT_LT(two, three);
  // Collectives and the unknown, no individual: no sections.
  Filter f;
  f.unit_id = "an-lac";
  const std::string plain = read_document(decision_docx(r, r.select(f), district_2024())).text;
  EXPECT_EQ(plain.find("TẬP THỂ"), std::string::npos) << plain;
  EXPECT_NE(plain.find("| 2 | Đội thanh niên tình nguyện |"), std::string::npos) << plain;
  EXPECT_NE(plain.find("| 3 | Tổ tự quản |"), std::string::npos) << plain;
}

TEST(Decision, PageFontsAndTheRepeatedHeaderRow) {
  if (!docx_writing_supported()) GTEST_SKIP() << "not run: this build does not write .docx";
  const Registry r = small_registry();
  const std::string bytes = decision_docx(r, recognised_2024(r), district_2024());
  const std::string document = part(bytes, "word/document.xml");
  const std::string styles = part(bytes, "word/styles.xml");
  // A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm (in twips).
  EXPECT_NE(document.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos);
  EXPECT_NE(document.find("w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\""),
            std::string::npos);
  // Times New Roman, 14 pt body.
  EXPECT_NE(styles.find("<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""),
            std::string::npos);
  EXPECT_NE(styles.find("<w:sz w:val=\"28\"/>"), std::string::npos);
  // Exactly one repeated header row (the annex's) and the annex on a new page.
  std::size_t headers = 0;
  for (auto at = document.find("<w:tblHeader/>"); at != std::string::npos;
       at = document.find("<w:tblHeader/>", at + 1)) {
    ++headers;
  }
  EXPECT_EQ(headers, 1U);
  EXPECT_NE(document.find("<w:pageBreakBefore/>"), std::string::npos);
  // The same input gives the same bytes (fixed time stamps).
  EXPECT_EQ(bytes, decision_docx(r, recognised_2024(r), district_2024()));
}

TEST(Decision, BasesFromTheCatalogueAndTheSigner) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  const InstrumentCatalogue catalogue =
      load_catalogue(std::string(DANVAN_SOURCE_DIR) + "/data/instruments/catalogue.json");
  const Registry r = small_registry();
  DecisionOptions o = district_2024();
  o.catalogue = &catalogue;
  o.basis_ids = {"ct-26-ttg-2016"};
  o.signature.name = "Trần Thị Mẫu";
  const std::string text = read_document(decision_docx(r, recognised_2024(r), o)).text;
  const std::string basis = "Căn cứ " + catalogue.describe(catalogue.instrument("ct-26-ttg-2016"));
  EXPECT_NE(text.find("\n" + basis), std::string::npos) << text;
  EXPECT_EQ(text.find("Căn cứ ……………;"), std::string::npos);
  EXPECT_NE(text.find("**Trần Thị Mẫu**\n|"), std::string::npos);

  o.basis_ids = {"no-such-instrument"};
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, recognised_2024(r), o); }),
            "decision: basis \"no-such-instrument\" is not in the instrument catalogue");
  o.catalogue = nullptr;
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, recognised_2024(r), o); }),
            "decision: bases given without an instrument catalogue to resolve them");
}

// A unit of the national register is a territory (administrative_unit): its decision is
// issued by its People's Committee's chair, as for a peoples_committee unit; an agency
// (neither) is named as it is.
TEST(Decision, ATerritoryDecidesThroughItsPeoplesCommittee) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  for (const auto kind : {UnitKind::administrative_unit, UnitKind::administrative_agency}) {
    Unit district = unit("ngoc-son", "Huyện Ngọc Sơn", Level::district, {});
    district.kind = kind;
    Registry r(UnitHierarchy({district, unit("an-lac", "Xã An Lạc", Level::commune, "ngoc-son")}));
    r.add(entry("e1", "Đội thanh niên tình nguyện", "an-lac", 2024));
    const std::string text = read_document(decision_docx(r, {0}, district_2024())).text;
    const bool committee = kind == UnitKind::administrative_unit;
    EXPECT_EQ(text.find("\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN NGỌC SƠN\n") != std::string::npos,
              committee)
        << text;
    EXPECT_EQ(text.find("**ỦY BAN NHÂN DÂN**\n**HUYỆN NGỌC SƠN**") != std::string::npos, committee)
        << text;
    EXPECT_EQ(text.find("/QĐ-UBND") != std::string::npos, committee) << text;
  }
}

TEST(Decision, BadInputIsAClearErrorNeverACorruptFile) {
  const Registry r = small_registry();
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, {}, district_2024()); }),
            "the selection is empty: no entry to recognise");
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, {99}, district_2024()); }),
            "selection: entry index 99 is out of range (5 entries)");
  DecisionOptions o = district_2024();
  o.issuer_unit_id = "nowhere";
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, {0}, o); }),
            "decision: unknown issuing unit \"nowhere\"");
  o.issuer_unit_id = "";
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, {0}, o); }),
            "decision: no issuing unit; name the unit that issues the decision");
  if (!docx_writing_supported()) return;
  o = district_2024();
  o.signature.name = "Trần\x07 Mẫu";
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, {0}, o); }),
            "signer's name: character U+0007 at byte 6 cannot go into a Word document (a "
            "control character)");
  o.signature.name = "Tr\xC3";
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, {0}, o); }),
            "signer's name: malformed UTF-8 at byte 2");
  o.signature.name = "\xEF\xBF\xBE";  // U+FFFE
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, {0}, o); }),
            "signer's name: character U+FFFE at byte 0 cannot go into a Word document (not a "
            "character)");
  o.signature.name = "\xC2\x85";  // U+0085, a C1 control XML 1.0 allows but Word does not show
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, {0}, o); }),
            "signer's name: character U+0085 at byte 0 cannot go into a Word document (a "
            "control character)");
  // Markup characters are text, escaped.
  o.signature.name = "A <b> & \"C\"";
  const std::string bytes = decision_docx(r, {0}, o);
  EXPECT_NE(part(bytes, "word/document.xml").find("A &lt;b&gt; &amp; &quot;C&quot;"),
            std::string::npos);
}

TEST(Decision, AControlCharacterInAnEntryNamesTheEntryAndField) {
  if (!docx_writing_supported()) GTEST_SKIP() << "not run: this build does not write .docx";
  Registry r = small_registry();
  try {
    r.add(entry("e6", "Tổ tự quản\x0B", "an-lac", 2024));
  } catch (const ValueError& e) {
    GTEST_SKIP() << "the registry refuses the name itself: " << e.what();
  }
  const auto index = *r.find("e6");
  EXPECT_EQ(message_of([&] { (void)decision_docx(r, {index}, district_2024()); }),
            "entry \"e6\": name: character U+000B at byte 16 cannot go into a Word document "
            "(a control character)");
}

TEST(Decision, AThousandRowsAllReadBack) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  Registry r(UnitHierarchy({unit("ngoc-son", "Huyện Ngọc Sơn", Level::district, {}),
                            unit("an-lac", "Xã An Lạc", Level::commune, "ngoc-son")}));
  for (int k = 0; k < 1000; ++k) {
    r.add(entry("m" + std::to_string(k), "Mô hình số " + std::to_string(k), "an-lac", 2024));
  }
  const std::string bytes = decision_docx(r, recognised_2024(r), district_2024());
  const std::string text = read_document(bytes).text;
  const auto rows = decision_rows(r, recognised_2024(r), district_2024());
  ASSERT_EQ(rows.size(), 1000U);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const std::string line = "| " + std::to_string(k + 1) + " | " + rows[k].name + " |";
    ASSERT_NE(text.find(line), std::string::npos) << line;
  }
  EXPECT_EQ(text.find("TẬP THỂ"), std::string::npos);  // one subject: no sections
  const std::string document = part(bytes, "word/document.xml");
  EXPECT_NE(document.find("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"),
            std::string::npos);
}

TEST(Decision, SavedAtomicallyAndAMissingFolderIsAnError) {
  const auto dir = std::filesystem::path(DANVAN_OFFICE_WORK_DIR);
  std::filesystem::create_directories(dir);
  const auto path = dir / "qd.docx";
  save_document(path, "bytes");
  EXPECT_EQ(std::filesystem::file_size(path), 5U);
  const auto missing = dir / "no-such-folder" / "qd.docx";
  EXPECT_EQ(message_of([&] { save_document(missing, "x"); }),
            missing.string() + ": the folder \"" + (dir / "no-such-folder").string() +
                "\" does not exist");
  EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(Certificates, OnePagePerEntryInVietnameseOrder) {
  if (!docx_writing_supported() || !format_supported(DocumentFormat::docx)) {
    GTEST_SKIP() << "not run: this build does not write or read .docx";
  }
  const Registry r = small_registry();
  const auto selection = recognised_2024(r);
  const std::string bytes = certificates_docx(r, selection, district_2024(), "BẰNG KHEN");
  const std::string text = read_document(bytes).text;
  const std::string document = part(bytes, "word/document.xml");
  std::size_t pages = 1;
  for (auto at = document.find("<w:pageBreakBefore/>"); at != std::string::npos;
       at = document.find("<w:pageBreakBefore/>", at + 1)) {
    ++pages;
  }
  EXPECT_EQ(pages, selection.size());
  // The recipients in the annex's order: collectives by their unit, the individual by name.
  std::size_t previous = 0;
  for (const char* recipient :
       {"**Xã An Lạc**", "**Nguyễn Văn Bình**", "**Xã Đồng Tâm**", "**Xã An Lạc**"}) {
    const auto at = text.find(recipient, previous);
    ASSERT_NE(at, std::string::npos) << recipient << "\n" << text;
    previous = at + 1;
  }
  EXPECT_NE(text.find("\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN NGỌC SƠN\n"), std::string::npos);
  EXPECT_NE(text.find("Đã có thành tích trong phong trào thi đua \"Dân vận khéo\" cấp huyện năm "
                      "2024 (điển hình \"Trưởng thôn gương mẫu\")."),
            std::string::npos)
      << text;
  EXPECT_NE(
      text.find("|\nQuyết định số ....../QĐ-UBND\nSố sổ vàng: ......\n|\nNgọc Sơn, ngày ....."),
      std::string::npos);
  EXPECT_EQ(message_of([&] { (void)certificates_docx(r, selection, district_2024(), ""); }),
            "certificates: no form (\"GIẤY KHEN\", \"BẰNG KHEN\")");
  EXPECT_EQ(message_of([&] { (void)certificates_docx(r, {}, district_2024()); }),
            "the selection is empty: no entry to recognise");
}
