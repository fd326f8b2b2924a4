// read_document on .docx, web pages and PDFs made by the fixture builders, and on bad input.
#include "danvan/document_text.hpp"
#include "danvan/import_text.hpp"
#include "danvan/text.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

namespace danvan {
namespace {

using test::docx_paragraph;
using test::docx_parts;
using test::make_pdf;
using test::make_zip;

#define SKIP_UNLESS_BUILT(format)                                                            \
  if (!format_supported(format)) {                                                           \
    GTEST_SKIP() << "not run: danvan was built without " << to_string(format) << " support"; \
  }

void expect_error(std::string_view bytes, DocumentProblem problem, const std::string& message) {
  try {
    const DocumentText d = read_document(bytes, "in");
    ADD_FAILURE() << "no error, read as " << d.describe() << ": " << d.text.substr(0, 200);
  } catch (const DocumentError& e) {
    EXPECT_EQ(e.problem(), problem) << e.what();
    EXPECT_EQ(std::string(e.what()), message);
  }
}

// ---- .docx ----------------------------------------------------------------------------------

const char* const kStyles =
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Muc\"><w:name w:val=\"Muc lon\"/>"
    "<w:basedOn w:val=\"Heading1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Tieu\"><w:name w:val=\"Tieu de\"/>"
    "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>";

const char* const kNumbering =
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/>"
    "<w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%2.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
    "<w:lvlText w:val=\"%3)\"/></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>"
    "<w:lvlText w:val=\"-\"/></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"6\"><w:abstractNumId w:val=\"1\"/></w:num>";

TEST(Docx, ParagraphsHeadingsBoldNumberingTables) {
  SKIP_UNLESS_BUILT(DocumentFormat::docx);
  const std::string body =
      docx_paragraph("KẾ HOẠCH", true, "Heading1") +
      docx_paragraph("Thực hiện “Năm dân vận khéo” 2020", false, "Tieu") +
      docx_paragraph("MỤC ĐÍCH, YÊU CẦU", true, {}, 5, 0) +
      docx_paragraph("Mục đích", false, {}, 5, 1) +
      docx_paragraph("tuyên truyền", false, {}, 5, 2) +
      docx_paragraph("vận động", false, {}, 5, 2) + docx_paragraph("Yêu cầu", false, {}, 5, 1) +
      docx_paragraph("NHIỆM VỤ", true, {}, 5, 0) + docx_paragraph("Cải cách", false, {}, 5, 1) +
      docx_paragraph("thiết thực", false, {}, 6, 0) + docx_paragraph("Mục lớn", false, "Muc") +
      // Runs: bold then plain, a tab, a line break, deleted text and field code left out.
      "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Số: </w:t></w:r><w:r><w:t>19/KH-UBND</w:t></w:r>"
      "<w:r><w:tab/><w:t>ngày</w:t><w:br/><w:t>06/4/2020</w:t></w:r>"
      "<w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del>"
      "<w:r><w:instrText> PAGE </w:instrText></w:r>"
      "<w:hyperlink><w:r><w:t xml:space=\"preserve\"> (xem)</w:t></w:r></w:hyperlink></w:p>"
      // A data table (borders drawn): a header row, a cell of two paragraphs, a pipe in a
      // cell, an empty cell.
      "<w:tbl><w:tblPr><w:tblBorders><w:top w:val=\"single\"/></w:tblBorders></w:tblPr>"
      "<w:tr><w:tc>" +
      docx_paragraph("TT", true) + "</w:tc><w:tc>" + docx_paragraph("Nội dung", true) +
      "</w:tc></w:tr><w:tr><w:tc>" + docx_paragraph("1") + "</w:tc><w:tc>" +
      docx_paragraph("Tuyên truyền") + docx_paragraph("a|b") + "</w:tc></w:tr><w:tr><w:tc>" +
      docx_paragraph("2") + "</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>" +
      // A text box inside a drawing (mc:Choice read, mc:Fallback not repeated).
      "<w:p><w:r><w:t>Nơi nhận:</w:t></w:r><w:r><mc:AlternateContent "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><mc:Choice>"
      "<w:drawing><w:txbxContent>" +
      docx_paragraph("TM. ỦY BAN NHÂN DÂN") +
      "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" +
      docx_paragraph("TM. ỦY BAN NHÂN DÂN") +
      "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
  const DocumentText d = read_document(make_zip(docx_parts(body, kStyles, kNumbering)), "k.docx");
  EXPECT_EQ(d.format, DocumentFormat::docx);
  EXPECT_EQ(d.describe(), "docx");
  EXPECT_EQ(d.text,
            "# **KẾ HOẠCH**\n\n"
            "## Thực hiện “Năm dân vận khéo” 2020\n\n"
            "I. **MỤC ĐÍCH, YÊU CẦU**\n\n"
            "1. Mục đích\n\n"
            "a) tuyên truyền\n\n"
            "b) vận động\n\n"
            "2. Yêu cầu\n\n"
            "II. **NHIỆM VỤ**\n\n"
            "1. Cải cách\n\n"
            "- thiết thực\n\n"
            "# Mục lớn\n\n"
            "**Số:** 19/KH-UBND ngày\n06/4/2020 (xem)\n\n"
            "| **TT** | **Nội dung** |\n"
            "| 1 | Tuyên truyền a\\|b |\n"
            "| 2 | |\n\n"
            "Nơi nhận:\n\n"
            "TM. ỦY BAN NHÂN DÂN\n");
}

/// A table whose properties are `tbl_pr` and whose rows hold cells of paragraphs (each cell a
/// list of paragraph texts; "" gives an empty cell).
std::string docx_table(const std::string& tbl_pr,
                       const std::vector<std::vector<std::vector<std::string>>>& rows,
                       const std::string& tc_pr = {}) {
  std::string out = "<w:tbl>" + tbl_pr;
  for (const auto& row : rows) {
    out += "<w:tr>";
    for (const auto& cell : row) {
      out += "<w:tc>" + tc_pr;
      for (const auto& p : cell) out += p.empty() ? "<w:p/>" : docx_paragraph(p);
      out += "</w:tc>";
    }
    out += "</w:tr>";
  }
  return out + "</w:tbl>";
}

const char* const kNoBorders =
    "<w:tblPr><w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"none\"/>"
    "<w:insideH w:val=\"nil\"/></w:tblBorders></w:tblPr>";

// A Word plan's header and signing tables (no border, cells of several lines) are read cell by
// cell, each cell's lines kept, as the Markdown conversions of published plans have them, so
// the plan importer finds the issuing body's lines, the number, the date, the recipients and
// the signer; a data table stays one row per line.
TEST(Docx, LayoutTablesCellByCellDataTablesByRow) {
  SKIP_UNLESS_BUILT(DocumentFormat::docx);
  const std::string body =
      docx_table(kNoBorders,
                 {{{"ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN", "-------"},
                   {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"}},
                  {{"Số: 19/KH-UBND"}, {""}, {"Phú Yên, ngày 06 tháng 4 năm 2020"}}}) +
      docx_paragraph("KẾ HOẠCH", true) + docx_paragraph("Thực hiện “Năm dân vận khéo” 2020") +
      docx_paragraph("I. MỤC ĐÍCH", true) + docx_paragraph("Nâng cao nhận thức.") +
      // The signing table: no w:tblPr at all (Word's default table style draws no border).
      docx_table({}, {{{"Nơi nhận:", "- Thường trực Tỉnh ủy;", "- Lưu: VT."},
                       {"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Chí Hiến"}},
                      {{""}, {""}}}) +
      // A bordered table of several lines per cell, and a borderless one of one line per cell.
      docx_table("<w:tblPr><w:tblStyle w:val=\"Luoi\"/></w:tblPr>",
                 {{{"TT"}, {"Nội dung"}}, {{"1"}, {"Tuyên truyền", "vận động"}}}) +
      docx_table(kNoBorders, {{{"1"}, {"Tuyên truyền"}, {""}}});
  const std::string styles =
      std::string(kStyles) +
      "<w:style w:type=\"table\" w:styleId=\"Grid\"><w:name w:val=\"Table Grid\"/><w:tblPr>"
      "<w:tblBorders><w:insideV w:val=\"single\" w:sz=\"4\"/></w:tblBorders></w:tblPr>"
      "</w:style><w:style w:type=\"table\" w:styleId=\"Luoi\"><w:basedOn w:val=\"Grid\"/>"
      "</w:style>";
  const std::string text = read_document(make_zip(docx_parts(body, styles)), "k.docx").text;
  EXPECT_EQ(text,
            "|\nỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\n-------\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n|\n|\nSố: 19/KH-UBND\n|\nPhú Yên, ngày 06 tháng 4 năm "
            "2020\n|\n\n"
            "**KẾ HOẠCH**\n\nThực hiện “Năm dân vận khéo” 2020\n\n**I. MỤC ĐÍCH**\n\n"
            "Nâng cao nhận thức.\n\n"
            "|\nNơi nhận:\n- Thường trực Tỉnh ủy;\n- Lưu: VT.\n|\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n"
            "Nguyễn Chí Hiến\n|\n\n"
            "| TT | Nội dung |\n| 1 | Tuyên truyền vận động |\n\n"
            "| 1 | Tuyên truyền | |\n");
  const Plan plan = import_plan_text(text).plan;
  EXPECT_EQ(plan.issuer_header, (std::vector<std::string>{"ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN"}));
  ASSERT_TRUE(plan.symbol.has_value());
  EXPECT_EQ(plan.symbol->canonical(), "19/KH-UBND");
  ASSERT_TRUE(plan.issue_date.has_value());
  EXPECT_EQ(plan.issue_date->iso(), "2020-04-06");
  EXPECT_EQ(plan.place, "Phú Yên");
  ASSERT_TRUE(plan.signature.has_value());
  EXPECT_EQ(plan.signature->authority, "KT. CHỦ TỊCH");
  EXPECT_EQ(plan.signature->title, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(plan.signature->name, "Nguyễn Chí Hiến");
  EXPECT_EQ(plan.recipients, (std::vector<std::string>{"Thường trực Tỉnh ủy", "Lưu: VT"}));
}

// What decides the shape: a border of the table, of its style (through basedOn) or of a cell;
// "|" in a layout cell is escaped, so a cell line cannot end the cell; hostile styles (a
// basedOn cycle) and a table nested 100 deep neither hang nor crash.
TEST(Docx, TableShapeBordersEscapesAndHostileStyles) {
  SKIP_UNLESS_BUILT(DocumentFormat::docx);
  const auto read = [](const std::string& body, const std::string& styles = {}) {
    return read_document(make_zip(docx_parts(body, styles)), "t.docx").text;
  };
  const std::vector<std::vector<std::vector<std::string>>> two_lines = {{{"a", "b"}, {"c"}}};
  EXPECT_EQ(read(docx_table(kNoBorders, two_lines)), "|\na\nb\n|\nc\n|\n");
  // A cell's border draws a line: a data table.
  EXPECT_EQ(read(docx_table(kNoBorders, two_lines,
                            "<w:tcPr><w:tcBorders><w:bottom w:val=\"double\"/></w:tcBorders>"
                            "</w:tcPr>")),
            "| a b | c |\n");
  // The default table style draws borders: a data table; its own "nil" borders win.
  const std::string bordered_default =
      "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"G\"><w:tblPr><w:tblBorders>"
      "<w:top w:val=\"single\"/></w:tblBorders></w:tblPr></w:style>";
  EXPECT_EQ(read(docx_table({}, two_lines), bordered_default), "| a b | c |\n");
  EXPECT_EQ(read(docx_table(kNoBorders, two_lines), bordered_default), "|\na\nb\n|\nc\n|\n");
  // Pipes in a layout cell, a line that is only "|".
  EXPECT_EQ(read(docx_table(kNoBorders, {{{"|", "x|y"}, {"| z"}}})),
            "|\n\\|\nx\\|y\n|\n\\| z\n|\n");
  // A basedOn cycle without borders: borderless, read at once.
  const std::string cycle =
      "<w:style w:type=\"table\" w:styleId=\"A\"><w:basedOn w:val=\"B\"/></w:style>"
      "<w:style w:type=\"table\" w:styleId=\"B\"><w:basedOn w:val=\"A\"/></w:style>";
  EXPECT_EQ(read(docx_table("<w:tblPr><w:tblStyle w:val=\"A\"/></w:tblPr>", two_lines), cycle),
            "|\na\nb\n|\nc\n|\n");
  // Tables nested 80 deep: the reader stops descending at its depth limit (64), the rest is
  // read; 100 deep is beyond what the XML parser accepts, a clear error.
  const auto nest = [](int depth) {
    std::string nested = docx_paragraph("đáy");
    for (int k = 0; k < depth; ++k) {
      nested = "<w:tbl><w:tr><w:tc>" + nested + docx_paragraph("tầng") + "</w:tc></w:tr></w:tbl>";
    }
    return nested + docx_paragraph("sau");
  };
  const std::string deep = read(nest(80));
  EXPECT_EQ(deep.find("đáy"), std::string::npos);
  std::size_t levels = 0;
  for (auto at = deep.find("tầng"); at != std::string::npos; at = deep.find("tầng", at + 1)) {
    ++levels;
  }
  EXPECT_EQ(levels, 64U);
  EXPECT_TRUE(deep.ends_with("\ntầng\n|\n\nsau\n")) << deep.substr(deep.size() - 100);
  expect_error(make_zip(docx_parts(nest(100))), DocumentProblem::damaged,
               "in: the .docx is damaged or cut short (word/document.xml is not well-formed XML: "
               "line 1: Excessive depth in document: 256 use XML_PARSE_HUGE option)");
  // A layout table whose cells are all empty but one: the empty ones are left out.
  EXPECT_EQ(read(docx_table(kNoBorders, {{{""}, {"a", "b"}}, {{""}, {""}}})), "|\na\nb\n|\n");
}

TEST(Docx, DecomposedTextIsComposed) {
  SKIP_UNLESS_BUILT(DocumentFormat::docx);
  const DocumentText d =
      read_document(make_zip(docx_parts(docx_paragraph("Vie\xCC\xA3\xCC\x82t Nam"))), "n.docx");
  EXPECT_EQ(d.text, "Việt Nam\n");
}

TEST(Docx, LegacyFontTextIsDecoded) {
  SKIP_UNLESS_BUILT(DocumentFormat::docx);
  // A document typed in .VnTime (TCVN3) or VNI-Times: Word stores the font's bytes as
  // Windows-1252 characters.
  const DocumentText tcvn =
      read_document(make_zip(docx_parts(docx_paragraph("Céng hoµ x· héi chñ nghÜa ViÖt Nam") +
                                        docx_paragraph("§éc lËp - Tù do - H¹nh phóc"))),
                    "vntime.docx");
  EXPECT_EQ(tcvn.describe(), "docx, TCVN3 (ABC)");
  EXPECT_EQ(tcvn.text, "Cộng hoà xã hội chủ nghĩa Việt Nam\n\nĐộc lập - Tự do - Hạnh phúc\n");
  const DocumentText vni = read_document(
      make_zip(docx_parts(docx_paragraph("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"))), "vni.docx");
  EXPECT_EQ(vni.describe(), "docx, VNI Windows");
  EXPECT_EQ(vni.text, "Cộng hòa xã hội chủ nghĩa Việt Nam\n");
  // French stays French.
  const DocumentText fr = read_document(
      make_zip(docx_parts(docx_paragraph("Le département a décidé la réforme à l'été."))),
      "fr.docx");
  EXPECT_EQ(fr.describe(), "docx");
  EXPECT_EQ(fr.text, "Le département a décidé la réforme à l'été.\n");
}

TEST(Docx, BadInput) {
  SKIP_UNLESS_BUILT(DocumentFormat::docx);
  const std::string good = make_zip(docx_parts(docx_paragraph("Kế hoạch")));
  // Cut short: the zip directory at the end is gone.
  expect_error(good.substr(0, good.size() / 2), DocumentProblem::damaged,
               "in: the .docx is damaged or cut short: its zip directory is missing (Not a zip "
               "archive)");
  // Cut in the last few bytes: the end-of-directory record is incomplete.
  expect_error(good.substr(0, good.size() - 5), DocumentProblem::damaged,
               "in: the .docx is damaged or cut short: its zip directory is missing (Not a zip "
               "archive)");
  // A zip of something else.
  expect_error(make_zip({{"readme.txt", "hello"}}), DocumentProblem::unsupported,
               "in: a zip archive that is not a .docx (it has no word/document.xml)");
  expect_error(
      make_zip({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", "<x/>"}}),
      DocumentProblem::unsupported,
      "in: an OpenDocument file (.odt), which danvan does not read; save it as .docx");
  // Malformed XML in the document part.
  auto parts = docx_parts(docx_paragraph("a"));
  parts[2].second =
      "<w:document xmlns:w=\"" + std::string(test::kWordNs) + "\">\n<w:body><w:p></w:body>";
  expect_error(make_zip(parts), DocumentProblem::damaged,
               "in: the .docx is damaged or cut short (word/document.xml is not well-formed XML: "
               "line 2: Opening and ending tag mismatch: p line 2 and body)");
  // A body without text.
  expect_error(make_zip(docx_parts("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>")),
               DocumentProblem::no_text, "in: the .docx has no text");
  // A stored entry whose CRC does not match its bytes.
  std::string corrupt = good;
  const std::size_t at = corrupt.find("Kế hoạch");
  ASSERT_NE(at, std::string::npos);
  corrupt[at] = 'X';
  expect_error(corrupt, DocumentProblem::damaged,
               "in: the .docx is damaged or cut short (cannot read word/document.xml: CRC error)");
}

TEST(Docx, EntityExpansionIsRefused) {
  SKIP_UNLESS_BUILT(DocumentFormat::docx);
  // A "billion laughs" document: libxml2 refuses the entity loop; a clear error, no blow-up.
  auto parts = docx_parts("");
  parts[2].second =
      "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
      "<w:document xmlns:w=\"" +
      std::string(test::kWordNs) +
      "\"><w:body><w:p><w:r><w:t>x&c;y</w:t></w:r></w:p></w:body></w:document>";
  expect_error(make_zip(parts), DocumentProblem::damaged,
               "in: the .docx is damaged or cut short (word/document.xml is not well-formed XML: "
               "line 1: Detected an entity reference loop)");
}

// ---- Web pages ------------------------------------------------------------------------------

TEST(Html, StructureIsKept) {
  SKIP_UNLESS_BUILT(DocumentFormat::html);
  const std::string page =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Kế hoạch 19</title>"
      "<style>p{color:red}</style><script>var x = '<p>no</p>';</script></head><body>"
      "<nav><a href=\"/\">Trang chủ</a></nav>"
      "<h1>Thực hiện  “Năm dân vận khéo”\n2020</h1>"
      "<p>UBND tỉnh <b>vừa ban hành</b>\n   Kế hoạch<br>số 19/KH-UBND.</p>"
      "<div>Mục đích:<ul><li>tuyên truyền</li><li><p>vận động</p></li></ul></div>"
      "<ol start=\"3\"><li>ba</li><li>bốn</li></ol>"
      "<table><caption>Phụ lục</caption><thead><tr><th>TT</th><th>Nội dung</th></tr></thead>"
      "<tbody><tr><td>1</td><td>Tuyên <i>truyền</i></td></tr></tbody></table>"
      "<p>&nbsp;</p><p>Nơi nhận: &amp; lưu</p></body></html>";
  const DocumentText d = read_document(page, "k.html");
  EXPECT_EQ(d.format, DocumentFormat::html);
  EXPECT_EQ(d.describe(), "html, UTF-8");
  EXPECT_EQ(d.text,
            "Kế hoạch 19\n\n"
            "# Thực hiện “Năm dân vận khéo” 2020\n\n"
            "UBND tỉnh **vừa ban hành** Kế hoạch\nsố 19/KH-UBND.\n\n"
            "Mục đích:\n\n"
            "- tuyên truyền\n\n"
            "- vận động\n\n"
            "3. ba\n\n"
            "4. bốn\n\n"
            "Phụ lục\n\n"
            "| **TT** | **Nội dung** |\n"
            "| 1 | Tuyên truyền |\n\n"
            "Nơi nhận: & lưu\n");
}

TEST(Html, LegacyEncodedPage) {
  SKIP_UNLESS_BUILT(DocumentFormat::html);
  const std::string page = encode_as(
      "<html><body><p>Cộng hòa xã hội chủ nghĩa Việt Nam</p>"
      "<p>Độc lập - Tự do - Hạnh phúc</p></body></html>",
      TextEncoding::vni);
  const DocumentText d = read_document(page, "vni.htm");
  EXPECT_EQ(d.describe(), "html, VNI Windows");
  EXPECT_EQ(d.text, "Cộng hòa xã hội chủ nghĩa Việt Nam\n\nĐộc lập - Tự do - Hạnh phúc\n");
}

TEST(Html, PageWithoutText) {
  SKIP_UNLESS_BUILT(DocumentFormat::html);
  expect_error("<html><head><script>x()</script></head><body> </body></html>",
               DocumentProblem::no_text, "in: the web page has no text");
}

// ---- PDF --------------------------------------------------------------------------------------

TEST(Pdf, TextLayerPageByPage) {
  SKIP_UNLESS_BUILT(DocumentFormat::pdf);
  const std::string pdf =
      make_pdf({"KẾ HOẠCH\nThực hiện “Năm dân vận khéo” 2020", "Nơi nhận:\n- Như trên;"});
  const DocumentText d = read_document(pdf, "k.pdf");
  EXPECT_EQ(d.format, DocumentFormat::pdf);
  EXPECT_EQ(d.describe(), "pdf");
  EXPECT_EQ(d.text, "KẾ HOẠCH\nThực hiện “Năm dân vận khéo” 2020\n\nNơi nhận:\n- Như trên;\n");
}

TEST(Pdf, LegacyFontTextIsDecoded) {
  SKIP_UNLESS_BUILT(DocumentFormat::pdf);
  const DocumentText d =
      read_document(make_pdf({"Céng hoµ x· héi chñ nghÜa ViÖt Nam"}), "vntime.pdf");
  EXPECT_EQ(d.describe(), "pdf, TCVN3 (ABC)");
  EXPECT_EQ(d.text, "Cộng hoà xã hội chủ nghĩa Việt Nam\n");
}

TEST(Pdf, ScannedPdfHasNoTextLayer) {
  SKIP_UNLESS_BUILT(DocumentFormat::pdf);
  expect_error(make_pdf({"", ""}), DocumentProblem::no_text,
               "in: the PDF has no text layer (2 pages of images: a scan?); run OCR on it first");
}

TEST(Pdf, DamagedPdf) {
  SKIP_UNLESS_BUILT(DocumentFormat::pdf);
  expect_error("%PDF-1.4\n1 0 obj garbage", DocumentProblem::damaged,
               "in: the PDF is damaged or cut short (poppler cannot open it)");
  // Cut in the middle of the page content: poppler rebuilds what it can; the first page's
  // text survives or the error is a clear one, never a crash.
  const std::string pdf = make_pdf({"Kế hoạch số 19", "Trang hai"});
  const std::string cut = pdf.substr(0, pdf.size() * 2 / 3);
  try {
    const DocumentText d = read_document(cut, "cut.pdf");
    EXPECT_EQ(d.format, DocumentFormat::pdf);
  } catch (const DocumentError& e) {
    EXPECT_TRUE(e.problem() == DocumentProblem::damaged || e.problem() == DocumentProblem::no_text)
        << e.what();
  }
}

// ---- Choice of format, bad input --------------------------------------------------------------

TEST(ReadDocument, FormatByContentNotExtension) {
  const DocumentText text = read_document("Kế hoạch\r\nsố 19\r\n", "plan.pdf");
  EXPECT_EQ(text.format, DocumentFormat::text);
  EXPECT_EQ(text.text, "Kế hoạch\nsố 19\n");
  if (format_supported(DocumentFormat::pdf)) {
    EXPECT_EQ(read_document(make_pdf({"Kế hoạch"}), "plan.txt").format, DocumentFormat::pdf);
  }
  if (format_supported(DocumentFormat::docx)) {
    EXPECT_EQ(read_document(make_zip(docx_parts(docx_paragraph("a"))), "plan.html").format,
              DocumentFormat::docx);
  }
  // Markdown with a table is text, not a web page.
  EXPECT_EQ(read_document("| **UBND** |\n\n**KẾ HOẠCH**\n", "x.md").format, DocumentFormat::text);
}

TEST(ReadDocument, BadInput) {
  expect_error("", DocumentProblem::empty, "in: the file is empty");
  expect_error(" \n\t\xC2\xA0\n", DocumentProblem::empty, "in: the file holds only white space");
  expect_error("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", DocumentProblem::unsupported,
               "in: a Word 97-2003 (.doc) or other OLE2 file, which danvan does not read; save "
               "it as .docx");
  expect_error("{\\rtf1\\ansi hello}", DocumentProblem::unsupported,
               "in: an RTF file, which danvan does not read; save it as .docx");
  expect_error(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16), DocumentProblem::unsupported,
               "in: an image, which has no text layer; run OCR on it first");
  expect_error(std::string("\x7F"
                           "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                           16),
               DocumentProblem::binary, "in: binary data, not text (12 control bytes in 16)");
  try {
    (void)read_document_file("/nonexistent/plan.docx");
    FAIL();
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/plan.docx: No such file or directory");
  }
}

}  // namespace
}  // namespace danvan
