// The recognition decision (quyết định công nhận) with its annex, from a registry selection.
#include "danvan/error.hpp"
#include "danvan/office.hpp"
#include "office/layout.hpp"
#include "office/word.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <utility>

namespace danvan {

using office_detail::blank_name;
using office_detail::blank_number;
using office_detail::paragraph;
using office_detail::run;
using office_detail::RunFormat;

namespace {

/// How the issuing body is named in the parts of the decision.
struct IssuingBody {
  std::vector<std::string> lines;  ///< the header's lines
  std::string authority;           ///< "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ TUY HÒA"
  std::string code;                ///< the symbol's issuer code, "UBND", or a blank
  std::string place;               ///< địa danh, or a blank
  std::string of_whom;             ///< "Chủ tịch Ủy ban nhân dân thành phố Tuy Hòa"
};

/// The words that open the name of an administrative unit, with the place name after them.
constexpr std::string_view unit_prefixes[] = {
    "Thành phố ", "Thị xã ", "Thị trấn ", "Tỉnh ", "Huyện ", "Quận ", "Phường ", "Xã ", "Đặc khu "};

IssuingBody issuing_body(const Registry& registry, const DecisionOptions& options) {
  if (options.issuer_unit_id.empty()) {
    throw ValueError("decision: no issuing unit; name the unit that issues the decision");
  }
  const Unit* unit = registry.units().find(options.issuer_unit_id);
  if (unit == nullptr) {
    throw ValueError("decision: unknown issuing unit \"" + options.issuer_unit_id + "\"");
  }
  IssuingBody body;
  body.code = std::string(blank_number);
  body.place = std::string(blank_name);
  std::string_view prefix;
  for (const auto p : unit_prefixes) {
    if (std::string_view(unit->name).substr(0, p.size()) == p) prefix = p;
  }
  const std::string name = office_detail::upper(unit->name);
  // A territory (the national register's units are administrative units) decides through its
  // People's Committee's chair, as the committee itself does.
  if (unit->kind == UnitKind::peoples_committee || unit->kind == UnitKind::administrative_unit) {
    body.lines = {"ỦY BAN NHÂN DÂN", name};
    body.authority = "CHỦ TỊCH ỦY BAN NHÂN DÂN " + name;
    body.code = "UBND";
    std::string lower_name = unit->name;
    if (!prefix.empty()) {
      std::string lowered(prefix);
      // The prefixes start with one capital letter, ASCII except "Đ".
      if (lowered.rfind("Đ", 0) == 0) {
        lowered.replace(0, std::string_view("Đ").size(), "đ");
      } else {
        lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
      }
      lower_name = lowered + unit->name.substr(prefix.size());
    }
    body.of_whom = "Chủ tịch Ủy ban nhân dân " + lower_name;
  } else {
    body.lines = {name};
    body.authority = name;
    body.of_whom = unit->name;
  }
  if (!prefix.empty() &&
      (unit->kind == UnitKind::peoples_committee || unit->kind == UnitKind::administrative_unit)) {
    body.place = unit->name.substr(prefix.size());
  }
  return body;
}

/// The recognition the annex shows: the latest certainly in the period, else the latest.
const Event* shown_recognition(const Entry& entry, const std::optional<DateRange>& period) {
  const Event* latest = nullptr;
  const Event* in_period = nullptr;
  for (const Event& e : entry.events) {
    if (e.type != EventType::recognised || e.status != CommendationStatus::decided) continue;
    latest = &e;
    if (period && e.date && e.date->first_day() >= period->first &&
        e.date->last_day() <= period->last) {
      in_period = &e;
    }
  }
  return in_period != nullptr ? in_period : latest;
}

std::string kinds_text(const Registry& registry, const std::vector<std::size_t>& selection,
                       Date as_of) {
  bool models = false;
  bool exemplars = false;
  for (const auto i : selection) {
    (registry.entry(i).kind_on(as_of) == EntryKind::model ? models : exemplars) = true;
  }
  if (models && exemplars) return "mô hình, điển hình";
  return models ? "mô hình" : "điển hình";
}

/// " năm 2024", " giai đoạn 2021 - 2025", " từ ngày 01/03/2022 đến ngày 30/09/2022", "".
std::string period_text(const std::optional<DateRange>& period) {
  if (!period) return "";
  const std::string text = to_string(*period);
  if (text.find("..") != std::string::npos) {
    return " từ ngày " + PartialDate(period->first).vietnamese() + " đến ngày " +
           PartialDate(period->last).vietnamese();
  }
  if (period->first.year() == period->last.year()) {
    return " năm " + std::to_string(period->first.year());
  }
  return " giai đoạn " + std::to_string(period->first.year()) + " - " +
         std::to_string(period->last.year());
}

std::string level_text(const std::optional<Level>& level) {
  return level ? " cấp " + std::string(vietnamese_name(*level)) : "";
}

/// "I", "II", "III" (the annex has at most three sections).
std::string roman_numeral(std::size_t n) {
  constexpr std::string_view numerals[] = {"I", "II", "III"};
  return n >= 1 && n <= std::size(numerals) ? std::string(numerals[n - 1]) : std::to_string(n);
}

std::string cell(std::string_view text, std::string_view field, RunFormat format = {},
                 std::string_view align = {}) {
  return paragraph("TableText", run(text, field, format),
                   office_detail::ParagraphFormat{.align = align});
}

}  // namespace

std::vector<DecisionRow> decision_rows(const Registry& registry, std::vector<std::size_t> selection,
                                       const DecisionOptions& options) {
  if (selection.empty()) throw ValueError("the selection is empty: no entry to recognise");
  for (const auto i : selection) {
    if (i >= registry.size()) {
      throw ValueError("selection: entry index " + std::to_string(i) + " is out of range (" +
                       std::to_string(registry.size()) + " entries)");
    }
  }
  registry.sort(selection);
  const auto fields = registry.fields();
  const auto grades = registry.grades();
  std::vector<DecisionRow> rows;
  rows.reserve(selection.size());
  for (const auto i : selection) {
    const Entry e = registry.entry(i);
    DecisionRow row;
    row.entry_id = e.id;
    row.name = e.name;
    const Unit* unit = registry.units().find(e.unit_id);
    row.unit = unit != nullptr ? unit->name : e.unit_id;
    for (const auto& id : e.field_ids) {
      const auto f = std::find_if(fields.begin(), fields.end(),
                                  [&](const Field& field) { return field.id == id; });
      if (!row.field.empty()) row.field += "; ";
      row.field += f != fields.end() ? f->name : id;
    }
    if (const Event* r = shown_recognition(e, options.recognised_in)) {
      if (r->level) row.level = "Cấp " + std::string(vietnamese_name(*r->level));
      if (r->grade) {
        const auto g = std::find_if(grades.begin(), grades.end(),
                                    [&](const Grade& grade) { return grade.id == *r->grade; });
        row.grade = g != grades.end() ? g->name : *r->grade;
      }
    }
    if (e.person_name) row.person = *e.person_name;
    row.subject = e.subject;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string decision_docx(const Registry& registry, std::vector<std::size_t> selection,
                          const DecisionOptions& options) {
  const std::vector<DecisionRow> rows = decision_rows(registry, selection, options);
  const IssuingBody body = issuing_body(registry, options);
  std::vector<const Instrument*> bases;
  if (!options.basis_ids.empty() && options.catalogue == nullptr) {
    throw ValueError("decision: bases given without an instrument catalogue to resolve them");
  }
  for (const auto& id : options.basis_ids) {
    const Instrument* instrument = options.catalogue->find_instrument(id);
    if (instrument == nullptr) {
      throw ValueError("decision: basis \"" + id + "\" is not in the instrument catalogue");
    }
    bases.push_back(instrument);
  }
  const Date as_of = options.recognised_in
                         ? options.recognised_in->last
                         : registry.latest_event_date().value_or(Date(2000, 1, 1));
  const std::string kinds = kinds_text(registry, selection, as_of);
  const std::string what =
      kinds + " \"Dân vận khéo\"" + level_text(options.level) + period_text(options.recognised_in);
  const std::string number = "Số: " + std::string(blank_number) + "/QĐ-" + body.code;

  std::string xml = office_detail::header_block(
      body.lines, number, body.place + ", " + office_detail::long_date(std::nullopt));
  xml += paragraph("DocumentType", run("QUYẾT ĐỊNH", "title", {}));
  xml += paragraph("Abstract", run("Về việc công nhận " + what, "abstract", {}));
  xml += paragraph("DocumentType", run(body.authority, "authority", {}));
  const RunFormat italic{.italic = true};
  for (std::size_t k = 0; k < bases.size(); ++k) {
    std::string line = "Căn cứ " + options.catalogue->describe(*bases[k]);
    if (bases[k]->title) line += " " + *bases[k]->title;
    xml += paragraph("Basis", run(line + ";", "basis \"" + bases[k]->id + "\"", italic));
  }
  if (bases.empty()) {
    xml += paragraph("Basis", run("Căn cứ " + std::string(blank_name) + ";", "basis", italic));
  }
  xml += paragraph("Basis",
                   run("Xét đề nghị của " + std::string(blank_name) + ".", "proposal", italic));
  xml += paragraph("DocumentType", run("QUYẾT ĐỊNH:", "decides", {}),
                   office_detail::ParagraphFormat{.keep_next = true});
  const RunFormat bold{.bold = true};
  xml += paragraph("BodyText", run("Điều 1. ", "article 1", bold) +
                                   run("Công nhận " + std::to_string(rows.size()) + " " + what +
                                           " (có danh sách kèm theo).",
                                       "article 1", {}));
  xml +=
      paragraph("BodyText", run("Điều 2. ", "article 2", bold) +
                                run("Quyết định này có hiệu lực kể từ ngày ký.", "article 2", {}));
  xml += paragraph(
      "BodyText",
      run("Điều 3. ", "article 3", bold) +
          run("Chánh Văn phòng " + std::string(blank_name) +
                  ", Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên "
                  "tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
              "article 3", {}));
  xml += office_detail::signing_block(options.recipients, options.signature);

  // The annex, on a new page.
  xml += paragraph("Centred", run("DANH SÁCH", "annex", bold),
                   office_detail::ParagraphFormat{.page_break_before = true});
  xml += paragraph("Centred", run(office_detail::upper(kinds) + " \"DÂN VẬN KHÉO\"" +
                                      office_detail::upper(level_text(options.level)) +
                                      office_detail::upper(period_text(options.recognised_in)),
                                  "annex", bold));
  xml += paragraph("Centred", run("(Kèm theo Quyết định số " + std::string(blank_number) + "/QĐ-" +
                                      body.code + " " + office_detail::long_date(std::nullopt) +
                                      " của " + body.of_whom + ")",
                                  "annex", italic));
  xml += paragraph("Centred", run("---------------", "annex", {}));
  office_detail::TableSpec annex;
  annex.widths = {800, 2500, 1600, 1300, 1000, 900, 1254};
  annex.header_rows = 1;
  const std::string name_header = kinds == "mô hình"     ? "Tên mô hình"
                                  : kinds == "điển hình" ? "Tên điển hình"
                                                         : "Tên mô hình, điển hình";
  std::vector<std::string> header;
  for (const std::string_view h :
       {std::string_view("STT"), std::string_view(name_header), std::string_view("Đơn vị"),
        std::string_view("Lĩnh vực"), std::string_view("Cấp công nhận"),
        std::string_view("Xếp loại"), std::string_view("Cá nhân")}) {
    header.push_back(cell(h, "annex header", bold, "center"));
  }
  annex.rows.push_back(std::move(header));
  // A selection of collectives and individuals is listed in sections, "I. TẬP THỂ", "II. CÁ
  // NHÂN" (then "III. CHƯA RÕ TẬP THỂ HAY CÁ NHÂN" for entries whose subject the registry does
  // not know), each numbered from 1 and in Vietnamese order, as recognition annexes are.
  const auto has = [&](Subject s) {
    return std::any_of(rows.begin(), rows.end(),
                       [&](const DecisionRow& r) { return r.subject == s; });
  };
  std::vector<std::pair<std::optional<Subject>, std::string_view>> sections = {{std::nullopt, ""}};
  if (has(Subject::collective) && has(Subject::individual)) {
    sections = {{Subject::collective, "TẬP THỂ"}, {Subject::individual, "CÁ NHÂN"}};
    if (has(Subject::unknown))
      sections.emplace_back(Subject::unknown, "CHƯA RÕ TẬP THỂ HAY CÁ NHÂN");
  }
  for (std::size_t s = 0; s < sections.size(); ++s) {
    const auto& [subject, title] = sections[s];
    if (subject) {
      annex.rows.push_back(
          {cell(roman_numeral(s + 1) + ". " + std::string(title), "annex section", bold)});
    }
    std::size_t ordinal = 0;
    for (const DecisionRow& r : rows) {
      if (subject && r.subject != *subject) continue;
      const std::string where = "entry \"" + r.entry_id + "\": ";
      annex.rows.push_back({cell(std::to_string(++ordinal), "STT", {}, "center"),
                            cell(r.name, where + "name"), cell(r.unit, where + "unit name"),
                            cell(r.field, where + "field"), cell(r.level, where + "level"),
                            cell(r.grade, where + "grade"), cell(r.person, where + "person name")});
    }
  }
  xml += office_detail::table(annex);
  return office_detail::package(xml, "Quyết định công nhận " + what);
}

std::string certificates_docx(const Registry& registry, std::vector<std::size_t> selection,
                              const DecisionOptions& options, std::string_view form) {
  if (form.empty()) throw ValueError("certificates: no form (\"GIẤY KHEN\", \"BẰNG KHEN\")");
  const std::vector<DecisionRow> rows = decision_rows(registry, selection, options);
  const IssuingBody body = issuing_body(registry, options);
  registry.sort(selection);
  const Date as_of = options.recognised_in
                         ? options.recognised_in->last
                         : registry.latest_event_date().value_or(Date(2000, 1, 1));
  const RunFormat bold{.bold = true};
  const RunFormat italic{.italic = true};
  std::string xml;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const DecisionRow& row = rows[k];
    const Entry entry = registry.entry(selection[k]);
    const std::string where = "entry \"" + row.entry_id + "\": ";
    xml += paragraph("Centred", run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "motto", bold),
                     office_detail::ParagraphFormat{.page_break_before = k > 0});
    xml += paragraph("Centred", run("Độc lập - Tự do - Hạnh phúc", "motto", bold));
    xml += paragraph("Centred", run("---------------", "motto", {}));
    xml += paragraph("DocumentType", run(body.authority, "authority", {}));
    xml += paragraph("DocumentType", run("TẶNG", "certificate", {}));
    xml += paragraph("DocumentType", run(form, "form", RunFormat{.bold = true, .half_points = 56}));
    const bool individual = entry.subject == Subject::individual;
    const std::string recipient =
        individual ? (row.person.empty() ? std::string(blank_name) : row.person) : row.unit;
    xml +=
        paragraph("DocumentType", run(recipient, where + (individual ? "person name" : "unit name"),
                                      RunFormat{.bold = true, .half_points = 32}));
    if (individual) {
      xml += paragraph("Centred", run(row.unit, where + "unit name", {}));
    }
    const std::string kind(vietnamese_name(entry.kind_on(as_of)));
    xml += paragraph("BodyText",
                     run("Đã có thành tích trong phong trào thi đua \"Dân vận khéo\"" +
                             level_text(options.level) + period_text(options.recognised_in) + " (" +
                             kind + " \"" + row.name + "\").",
                         where + "name", {}),
                     office_detail::ParagraphFormat{.align = "center", .first_line_indent = 0});
    office_detail::TableSpec spec;
    spec.widths = {4394, 4960};
    spec.borders = false;
    const std::string left =
        paragraph("Centred", run("Quyết định số " + std::string(blank_number) + "/QĐ-" + body.code +
                                     "\nSố sổ vàng: " + std::string(blank_number),
                                 "certificate", {}));
    std::string right = paragraph(
        "Centred",
        run(body.place + ", " + office_detail::long_date(std::nullopt), "place and date", italic));
    const Signature& s = options.signature;
    std::string signer;
    if (!s.authority.empty()) signer += s.authority + "\n";
    if (!s.title.empty()) signer += s.title + "\n";
    right += paragraph("Centred", run(signer, "signature", bold) + run("\n\n\n", "signature", {}) +
                                      run(s.name.empty() ? std::string(blank_name) : s.name,
                                          "signer's name", bold));
    spec.rows.push_back({left, right});
    xml += office_detail::table(spec);
  }
  return office_detail::package(xml, std::string(form) + " " + body.of_whom);
}

}  // namespace danvan
