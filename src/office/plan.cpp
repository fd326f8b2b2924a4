// A plan (kế hoạch) as a Word document in the official layout.
#include "danvan/error.hpp"
#include "danvan/office.hpp"
#include "office/layout.hpp"
#include "office/word.hpp"

#include "danvan/document_type.hpp"
#include "danvan/text.hpp"

#include <algorithm>

namespace danvan {

using office_detail::blank_name;
using office_detail::blank_number;
using office_detail::paragraph;
using office_detail::ParagraphFormat;
using office_detail::run;
using office_detail::RunFormat;

namespace {

constexpr std::string_view romans[] = {"I",    "II", "III", "IV", "V",   "VI",   "VII",
                                       "VIII", "IX", "X",   "XI", "XII", "XIII", "XIV"};

std::string roman(std::size_t k) {
  return k < std::size(romans) ? std::string(romans[k]) : std::to_string(k + 1);
}

/// The body's outline: the plan's own when it has one, else one built from its parts under the
/// usual sections (numbered in order of those present).
std::vector<OutlineItem> body_outline(const Plan& plan) {
  if (!plan.outline.empty()) return plan.outline;
  std::vector<OutlineItem> out;
  std::size_t section = 0;
  const auto heading = [&](std::string text) {
    out.push_back(OutlineItem{0, roman(section++) + ".", std::move(text)});
  };
  const auto items = [&](const std::vector<std::string>& texts, int level) {
    for (const auto& t : texts) out.push_back(OutlineItem{level, "-", t});
  };
  if (!plan.purposes.empty() || !plan.requirements.empty()) {
    heading("MỤC ĐÍCH, YÊU CẦU");
    int sub = 1;
    if (!plan.purposes.empty()) {
      out.push_back(OutlineItem{1, std::to_string(sub++) + ".", "Mục đích"});
      items(plan.purposes, 2);
    }
    if (!plan.requirements.empty()) {
      out.push_back(OutlineItem{1, std::to_string(sub) + ".", "Yêu cầu"});
      items(plan.requirements, 2);
    }
  }
  if (!plan.targets.empty()) {
    heading("MỤC TIÊU");
    items(plan.targets, 1);
  }
  if (!plan.task_areas.empty()) {
    heading("NHIỆM VỤ VÀ GIẢI PHÁP");
    for (const auto& t : plan.task_areas) {
      out.push_back(
          OutlineItem{1, t.label.empty() ? std::to_string(t.number) + "." : t.label, t.text});
      for (const auto& d : t.details) out.push_back(OutlineItem{2, "", d});
    }
  }
  if (!plan.funding.empty()) {
    heading("KINH PHÍ");
    for (const auto& f : plan.funding) out.push_back(OutlineItem{1, "", f});
  }
  if (!plan.duties.empty() || !plan.reporting.empty()) {
    heading("TỔ CHỨC THỰC HIỆN");
    int k = 1;
    for (const auto& d : plan.duties) {
      out.push_back(OutlineItem{1, std::to_string(k++) + ".", d.unit + ": " + d.text});
    }
    for (const auto& r : plan.reporting) out.push_back(OutlineItem{1, "-", r.text});
  }
  return out;
}

/// A heading-like item: short (under 120 characters, not bytes: a Vietnamese heading of 112
/// letters is 145 bytes), without the punctuation that ends a sentence or a list item.
bool is_heading(const OutlineItem& item) {
  if (item.level == 0) return true;
  if (item.level > 1 || item.label.empty() || item.text.empty()) return false;
  const char last = item.text.back();
  const auto characters = std::count_if(item.text.begin(), item.text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  });
  return last != '.' && last != ';' && last != ':' && last != ',' && characters < 120;
}

/// The signing authority as lines: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH" is two.
std::vector<std::string> authority_lines(const std::string& authority) {
  std::vector<std::string> lines;
  std::string_view rest = authority;
  while (!rest.empty()) {
    std::size_t cut = std::string_view::npos;
    for (const std::string_view marker : {" KT. ", " TL. ", " TUQ. ", " Q. "}) {
      const auto at = rest.find(marker);
      if (at != std::string_view::npos && at < cut) cut = at;
    }
    lines.emplace_back(rest.substr(0, cut));
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
  }
  return lines;
}

/// The annex title as the lines of its heading, the way plans print it and the importer reads
/// it: "PHỤ LỤC I" (or "Mẫu biểu số 01") alone on its line with the title below ("PHỤ LỤC I:
/// ĐỐI TƯỢNG ..." as imported), a document of its own as its type's name over its title
/// ("KẾ HOẠCH" / "TRIỂN KHAI ..."). Split only when the title below is in capitals (the
/// importer joins a heading with the next line only then); otherwise one line, as written.
std::vector<std::string> annex_heading_lines(const std::string& title) {
  const auto upper_case = [](std::string_view t) {
    return !t.empty() && office_detail::upper(t) == t && office_detail::lower(t) != t;
  };
  const std::size_t colon = title.find(": ");
  if (colon != std::string::npos) {
    const std::string head = title.substr(0, colon);
    const std::string rest = title.substr(colon + 2);
    const std::string f = fold(head);
    for (const std::string_view word : {"phu luc", "mau bieu", "bieu so", "mau so"}) {
      if (f.starts_with(word) && upper_case(rest)) return {head, rest};
    }
  }
  // A type's name is at most four words ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG").
  std::size_t cut = 0;
  for (int words = 0; words < 4; ++words) {
    cut = title.find(' ', cut + 1);
    if (cut == std::string::npos) break;
    const std::string head = title.substr(0, cut);
    const std::string rest = title.substr(cut + 1);
    if (upper_case(head) && upper_case(rest) && type_from_name(head)) return {head, rest};
  }
  return {title};
}

}  // namespace

std::string plan_docx(const Plan& plan) {
  std::vector<std::string> issuer = plan.issuer_header;
  if (issuer.empty()) {
    if (const Issuer* i = plan.catalogue.find_issuer(plan.issuer_id)) {
      issuer = {office_detail::upper(i->name)};
    }
  }
  const std::string_view type_name = info(plan.document_type).name;
  const std::string number = plan.symbol ? "Số: " + plan.symbol->canonical()
                                         : "Số: " + std::string(blank_number) + "/" +
                                               std::string(info(plan.document_type).state_code) +
                                               "-" + std::string(blank_number);
  const std::string place = plan.place ? *plan.place : std::string(blank_name);
  std::string xml = office_detail::header_block(
      issuer, number, place + ", " + office_detail::long_date(plan.issue_date));
  xml += paragraph("DocumentType", run(office_detail::upper(type_name), "document type", {}));
  xml += paragraph("Abstract", run(plan.title, "title", {}));
  for (std::size_t k = 0; k < plan.legal_bases.size(); ++k) {
    const Citation& c = plan.legal_bases[k];
    std::string cited = c.cited_as;
    if (cited.empty()) {
      if (const Instrument* i = plan.catalogue.find_instrument(c.instrument_id)) {
        cited = plan.catalogue.describe(*i);
      }
    }
    xml += paragraph("Basis", run("Căn cứ " + cited + ";", "basis " + std::to_string(k + 1),
                                  RunFormat{.italic = true}));
  }
  // The sentence that issues the plan states its period, as published plans do ("Ủy ban nhân
  // dân tỉnh ban hành Kế hoạch ..."): a title may name only the horizon of what the plan
  // carries out ("CHƯƠNG TRÌNH ... ĐẾN NĂM 2030"), which is not the plan's own period. (A
  // period's words hold no proper name: lower case, as in a sentence.)
  if (plan.period && !plan.period->text.empty()) {
    const Issuer* issuer_named = plan.catalogue.find_issuer(plan.issuer_id);
    const std::string who = issuer_named != nullptr ? issuer_named->name + " ban hành" : "Ban hành";
    xml += paragraph("BodyText", run(who + " Kế hoạch thực hiện " +
                                         office_detail::lower(plan.period->text) + " như sau:",
                                     "period", {}));
  }
  const auto outline = body_outline(plan);
  for (std::size_t k = 0; k < outline.size(); ++k) {
    const OutlineItem& item = outline[k];
    const std::string field = "outline item " + std::to_string(k + 1);
    const bool heading = is_heading(item);
    std::string runs;
    if (!item.label.empty()) runs += run(item.label + " ", field, RunFormat{.bold = heading});
    runs += run(item.text, field, RunFormat{.bold = heading});
    xml += paragraph("BodyText", runs, ParagraphFormat{.keep_next = heading});
  }
  Signature signature = plan.signature.value_or(Signature{});
  std::vector<std::string> lines = authority_lines(signature.authority);
  signature.authority.clear();
  for (std::size_t k = 0; k < lines.size(); ++k) {
    signature.authority += (k > 0 ? "\n" : "") + lines[k];
  }
  xml += office_detail::signing_block(plan.recipients, signature);
  for (std::size_t a = 0; a < plan.annexes.size(); ++a) {
    const Annex& annex = plan.annexes[a];
    const std::string field = "annex " + std::to_string(a + 1);
    const auto heading = annex_heading_lines(annex.title);
    for (std::size_t line = 0; line < heading.size(); ++line) {
      xml += paragraph("Centred", run(heading[line], field, RunFormat{.bold = true}),
                       ParagraphFormat{.page_break_before = line == 0});
    }
    for (const Table& t : annex.tables) {
      std::size_t columns = 0;
      for (const auto& row : t.rows) columns = std::max(columns, row.size());
      if (columns == 0) continue;
      office_detail::TableSpec spec;
      spec.header_rows = 1;
      spec.short_rows = true;  // a row keeps its cells: fewer than the table's columns as read
      spec.widths.assign(columns, static_cast<int>(9354 / columns));
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        std::vector<std::string> cells;
        for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
          const std::string& text = t.rows[r][c];
          cells.push_back(paragraph("TableText", run(text,
                                                     field + ", row " + std::to_string(r + 1) +
                                                         ", cell " + std::to_string(c + 1),
                                                     RunFormat{.bold = r == 0})));
        }
        // (A row needs a cell to be a row Word opens: an empty one has one empty cell.)
        if (cells.empty()) cells.push_back(paragraph("TableText", ""));
        spec.rows.push_back(std::move(cells));
      }
      xml += office_detail::table(spec);
      xml += paragraph("", "");
    }
  }
  return office_detail::package(xml, std::string(type_name) + " " + plan.title);
}

}  // namespace danvan
