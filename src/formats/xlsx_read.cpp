// Reading .xlsx (ECMA-376 Part 1 §18 SpreadsheetML) with libzip and libxml2, the libraries the
// .docx reader already uses: xl/workbook.xml and its relationships give the sheets, then
// sharedStrings.xml, styles.xml (which cell formats are dates) and each worksheet's sheetData
// and mergeCells.
#include "danvan/spreadsheet.hpp"

#include "readers.hpp"
#include "text/utf8.hpp"
#include "zip_xml.hpp"

#include "danvan/text.hpp"

#if defined(DANVAN_HAVE_LIBZIP) && defined(DANVAN_HAVE_LIBXML2)

#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <unordered_map>

namespace danvan {

namespace {

using formats_detail::child;
using formats_detail::named;
using formats_detail::XmlDoc;
using formats_detail::ZipArchive;

constexpr std::uint32_t kMaxRow = 1048576;  // Excel's limits
constexpr std::uint32_t kMaxColumn = 16384;
constexpr std::size_t kMaxSheets = 1000;

/// Attribute `local` in any namespace (r:id and id alike), or nullopt.
std::optional<std::string> attr(const xmlNode* n, const char* local) {
  for (const xmlAttr* a = n == nullptr ? nullptr : n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) == 0) {
      return a->children != nullptr && a->children->content != nullptr
                 ? std::string(reinterpret_cast<const char*>(a->children->content))
                 : std::string();
    }
  }
  return std::nullopt;
}

/// The text content of `n` (all descendant text).
std::string text_of(const xmlNode* n) {
  std::string out;
  for (const xmlNode* c = n == nullptr ? nullptr : n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content != nullptr) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      out += text_of(c);
    }
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/// Decodes the "_xHHHH_" escapes of ST_Xstring (Excel writes a carriage return as _x000D_).
std::string unescape_xstring(const std::string& s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (i + 7 <= s.size() && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_') {
      char32_t v = 0;
      bool ok = true;
      for (std::size_t k = 2; k < 6; ++k) {
        const int d = hex_digit(s[i + k]);
        ok = ok && d >= 0;
        v = v * 16 + static_cast<char32_t>(std::max(d, 0));
      }
      if (ok && !(v >= 0xD800 && v <= 0xDFFF)) {
        detail::append_utf8(out, v);
        i += 7;
        continue;
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

/// The text of a string item (<si> or <is>): its <t>, or its runs' <t>; phonetic runs (rPh)
/// are not text.
std::string string_item(const xmlNode* si) {
  std::string out;
  for (const xmlNode* c = si == nullptr ? nullptr : si->children; c != nullptr; c = c->next) {
    if (named(c, "t")) {
      out += text_of(c);
    } else if (named(c, "r")) {
      out += text_of(child(c, "t"));
    }
  }
  return unescape_xstring(out);
}

/// Parses "D7" into (row, column) from 0; nullopt when it is no cell reference in Excel's range.
std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_ref(std::string_view ref) {
  std::size_t i = 0;
  std::uint64_t column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) {
    column = column * 26 + static_cast<std::uint64_t>(ref[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || column > kMaxColumn || i == ref.size() || ref[i] == '0') return std::nullopt;
  std::uint64_t row = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9' || row > kMaxRow) return std::nullopt;
    row = row * 10 + static_cast<std::uint64_t>(ref[i] - '0');
  }
  if (row == 0 || row > kMaxRow) return std::nullopt;
  return std::pair{static_cast<std::uint32_t>(row - 1), static_cast<std::uint32_t>(column - 1)};
}

/// Whether an Excel number format code shows a date: a d or y outside quoted text, escapes
/// and [brackets] (a time-only format such as "h:mm" is not a date).
bool date_format_code(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = std::max(bracket - 1, 0);
    } else if (bracket == 0 && (c == 'd' || c == 'D' || c == 'y' || c == 'Y')) {
      return true;
    }
  }
  return false;
}

/// The day of an Excel serial number (1900 system: day 1 is 1900-01-01 and Excel counts a
/// 29 February 1900 that never was, day 60; 1904 system: day 0 is 1904-01-01). The time of day
/// is dropped. nullopt outside 1900-9999 or for day 60 of the 1900 system.
std::optional<SheetDate> date_of_serial(double serial, bool date1904) {
  if (!(serial >= 0 && serial < 2958466)) return std::nullopt;
  auto days = static_cast<std::int64_t>(std::floor(serial));
  if (date1904) days += 1462;  // 1904-01-01 is day 1462 of the 1900 system
  if (days == 60 || days == 0) return std::nullopt;
  // Days since 1970-01-01 (day 25569 of the 1900 system; before day 60 there is no phantom
  // 29 February to skip).
  days -= days > 60 ? 25569 : 25568;
  // Civil date from days since 1970-01-01 (proleptic Gregorian, H. Hinnant's algorithm).
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const auto d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const auto m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const auto y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  if (y < 1900 || y > 9999) return std::nullopt;
  return SheetDate{y, m, d};
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

/// A number as OOXML writes it (xsd:double): no spaces, no hex, no inf/nan.
std::optional<double> parse_number(const std::string& text) {
  double v = 0;
  const char* first = text.data();
  const char* last = first + text.size();
  if (first != last && *first == '+') ++first;
  const auto [end, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || end != last || text.empty() || !std::isfinite(v)) return std::nullopt;
  return v;
}

class Reader {
 public:
  Reader(std::string_view bytes, std::string who)
      : who_(std::move(who)),
        archive_(bytes, who_, ".xlsx", std::uint64_t{64} << 20U, std::uint64_t{256} << 20U) {}

  Workbook read() {
    const auto workbook_xml = archive_.read("xl/workbook.xml");
    if (!workbook_xml) {
      std::string what = "a zip that is not an .xlsx workbook (no xl/workbook.xml)";
      if (archive_.has("word/document.xml")) {
        what = "a Word .docx, not an .xlsx workbook";
      } else if (archive_.has("content.xml") && archive_.has("mimetype")) {
        what = "an OpenDocument file (.ods), which danvan does not read; save it as .xlsx";
      }
      throw DocumentError(who_, DocumentProblem::unsupported, what);
    }
    const XmlDoc workbook = parse("xl/workbook.xml", *workbook_xml);
    const xmlNode* root = xmlDocGetRootElement(workbook.get());
    if (const auto v = attr(child(root, "workbookPr"), "date1904")) {
      date1904_ = *v == "1" || *v == "true";
    }
    read_relationships();
    read_shared_strings();
    read_styles();
    Workbook out;
    std::set<std::string> names;
    for (const xmlNode* s = child(child(root, "sheets"), "sheet"); s != nullptr; s = s->next) {
      if (!named(s, "sheet")) continue;
      if (out.sheets.size() == kMaxSheets) damaged("more than 1000 sheets");
      const std::string name = attr(s, "name").value_or("");
      const auto id = attr(s, "id");
      const auto target = id ? targets_.find(*id) : targets_.end();
      if (target == targets_.end()) {
        damaged("sheet \"" + name + "\" has no part in xl/_rels/workbook.xml.rels");
      }
      if (!names.insert(name).second) damaged("two sheets are named \"" + name + "\"");
      const auto data = archive_.read(target->second.c_str());
      if (!data) damaged("sheet \"" + name + "\": no part " + target->second);
      Sheet sheet;
      sheet.name = normalize_nfc(name);
      read_sheet(sheet, target->second, *data);
      out.sheets.push_back(std::move(sheet));
    }
    if (out.sheets.empty()) damaged("the workbook has no sheet");
    return out;
  }

 private:
  [[noreturn]] void damaged(const std::string& what) const { archive_.damaged(what); }

  XmlDoc parse(const char* part, const std::string& data) const {
    return formats_detail::parse_part_xml(data, part, archive_, true);
  }

  /// Text from the file: valid UTF-8 (libxml2 checks) made NFC.
  static std::string clean(const std::string& s) { return normalize_nfc(s); }

  void read_relationships() {
    const auto rels = archive_.read("xl/_rels/workbook.xml.rels");
    if (!rels) damaged("no xl/_rels/workbook.xml.rels");
    const XmlDoc doc = parse("xl/_rels/workbook.xml.rels", *rels);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    for (const xmlNode* r = root == nullptr ? nullptr : root->children; r; r = r->next) {
      if (!named(r, "Relationship")) continue;
      std::string target = attr(r, "Target").value_or("");
      // Targets are relative to xl/ unless absolute ("/xl/worksheets/sheet1.xml").
      target = target.starts_with("/") ? target.substr(1) : "xl/" + target;
      targets_[attr(r, "Id").value_or("")] = target;
    }
  }

  void read_shared_strings() {
    const auto data = archive_.read("xl/sharedStrings.xml");
    if (!data) return;
    const XmlDoc doc = parse("xl/sharedStrings.xml", *data);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    for (const xmlNode* si = root == nullptr ? nullptr : root->children; si; si = si->next) {
      if (named(si, "si")) strings_.push_back(clean(string_item(si)));
    }
  }

  void read_styles() {
    const auto data = archive_.read("xl/styles.xml");
    if (!data) return;
    const XmlDoc doc = parse("xl/styles.xml", *data);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    std::set<std::uint32_t> date_formats = {14, 15, 16, 17, 22, 27, 30, 36, 50, 57};
    for (const xmlNode* f = child(child(root, "numFmts"), "numFmt"); f; f = f->next) {
      if (!named(f, "numFmt")) continue;
      const auto id = parse_number(attr(f, "numFmtId").value_or(""));
      if (!id || *id < 0 || *id > 1000000) continue;
      const auto n = static_cast<std::uint32_t>(*id);
      if (date_format_code(attr(f, "formatCode").value_or(""))) {
        date_formats.insert(n);
      } else {
        date_formats.erase(n);
      }
    }
    for (const xmlNode* xf = child(child(root, "cellXfs"), "xf"); xf; xf = xf->next) {
      if (!named(xf, "xf")) continue;
      const auto id = parse_number(attr(xf, "numFmtId").value_or("0"));
      date_styles_.push_back(id && *id >= 0 && *id <= 1000000 &&
                             date_formats.contains(static_cast<std::uint32_t>(*id)));
    }
  }

  [[noreturn]] void bad_cell(const Sheet& sheet, const std::string& ref,
                             const std::string& what) const {
    damaged(sheet.name + "!" + ref + ": " + what);
  }

  void read_cell(Sheet& sheet, const xmlNode* c, std::uint32_t row_hint, std::uint32_t& next_col) {
    const auto ref_text = attr(c, "r");
    std::uint32_t row = row_hint;
    std::uint32_t column = next_col;
    if (ref_text) {
      const auto ref = parse_ref(*ref_text);
      if (!ref) damaged(sheet.name + ": the cell reference \"" + *ref_text + "\" is not valid");
      std::tie(row, column) = *ref;
    }
    if (column >= kMaxColumn) damaged(sheet.name + ": more than 16384 columns");
    next_col = column + 1;
    const std::string ref = cell_address(row, column);
    SheetCell cell;
    cell.row = row;
    cell.column = column;
    if (const xmlNode* f = child(c, "f")) {
      cell.formula = clean(text_of(f));
      if (cell.formula.empty()) cell.formula = "(shared formula)";
    }
    const std::string type = attr(c, "t").value_or("n");
    const xmlNode* v = child(c, "v");
    const std::string text = v != nullptr ? text_of(v) : std::string();
    if (type == "inlineStr") {
      cell.value = clean(string_item(child(c, "is")));
    } else if (v == nullptr || text.empty()) {
      // no value: an empty (styled) cell, or a formula never calculated (openpyxl writes an
      // empty <v/> for a formula it cannot calculate)
    } else if (type == "s") {
      const auto index = parse_number(text);
      if (!index || *index < 0 || *index >= static_cast<double>(strings_.size()) ||
          *index != std::floor(*index)) {
        bad_cell(sheet, ref, "the shared string " + text + " does not exist");
      }
      cell.value = strings_[static_cast<std::size_t>(*index)];
    } else if (type == "str") {
      cell.value = clean(unescape_xstring(text));
    } else if (type == "b") {
      if (text != "0" && text != "1")
        bad_cell(sheet, ref, "the boolean \"" + text + "\" is not 0 or 1");
      cell.value = text == "1";
    } else if (type == "e") {
      cell.value = SheetErrorValue{clean(text)};
    } else if (type == "d") {
      // ISO 8601 (a date type few writers use): the day part.
      int y = 0;
      int m = 0;
      int d = 0;
      if (text.size() < 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 ||
          y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
        bad_cell(sheet, ref, "the date \"" + text + "\" is not an ISO date");
      }
      cell.value = SheetDate{y, m, d};
    } else if (type == "n") {
      const auto number = parse_number(text);
      if (!number) bad_cell(sheet, ref, "the number \"" + text + "\" is not a number");
      const auto style = parse_number(attr(c, "s").value_or("0"));
      const bool is_date = style && *style >= 0 &&
                           *style < static_cast<double>(date_styles_.size()) &&
                           date_styles_[static_cast<std::size_t>(*style)];
      if (is_date) {
        const auto day = date_of_serial(*number, date1904_);
        if (!day) bad_cell(sheet, ref, "the day number " + text + " is no date Excel shows");
        cell.value = *day;
      } else {
        cell.value = *number;
      }
    } else {
      bad_cell(sheet, ref, "unknown cell type \"" + type + "\"");
    }
    if (std::holds_alternative<std::monostate>(cell.value) && cell.formula.empty()) return;
    sheet.cells.push_back(std::move(cell));
  }

  void read_sheet(Sheet& sheet, const std::string& part, const std::string& data) {
    const XmlDoc doc = parse(part.c_str(), data);
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    std::uint32_t next_row = 0;
    for (const xmlNode* r = child(child(root, "sheetData"), "row"); r; r = r->next) {
      if (!named(r, "row")) continue;
      std::uint32_t row = next_row;
      if (const auto n = attr(r, "r")) {
        const auto v = parse_number(*n);
        if (!v || *v < 1 || *v > kMaxRow || *v != std::floor(*v)) {
          damaged(sheet.name + ": the row number \"" + *n + "\" is not valid");
        }
        row = static_cast<std::uint32_t>(*v) - 1;
      }
      next_row = row + 1;
      std::uint32_t next_col = 0;
      for (const xmlNode* c = r->children; c != nullptr; c = c->next) {
        if (named(c, "c")) read_cell(sheet, c, row, next_col);
      }
    }
    std::stable_sort(sheet.cells.begin(), sheet.cells.end(), [](const auto& a, const auto& b) {
      return std::pair{a.row, a.column} < std::pair{b.row, b.column};
    });
    for (std::size_t i = 1; i < sheet.cells.size(); ++i) {
      if (sheet.cells[i].row == sheet.cells[i - 1].row &&
          sheet.cells[i].column == sheet.cells[i - 1].column) {
        damaged(sheet.name + "!" + cell_address(sheet.cells[i].row, sheet.cells[i].column) +
                ": the cell is written twice");
      }
    }
    for (const xmlNode* m = child(child(root, "mergeCells"), "mergeCell"); m; m = m->next) {
      if (!named(m, "mergeCell")) continue;
      const std::string ref = attr(m, "ref").value_or("");
      const auto colon = ref.find(':');
      const auto first = parse_ref(ref.substr(0, colon));
      const auto last = colon == std::string::npos ? first : parse_ref(ref.substr(colon + 1));
      if (!first || !last || last->first < first->first || last->second < first->second) {
        damaged(sheet.name + ": the merged range \"" + ref + "\" is not valid");
      }
      sheet.merged.push_back({first->first, first->second, last->first, last->second});
    }
  }

  std::string who_;
  ZipArchive archive_;
  std::unordered_map<std::string, std::string> targets_;
  std::vector<std::string> strings_;
  std::vector<bool> date_styles_;
  bool date1904_ = false;
};

}  // namespace

Workbook read_xlsx(std::string_view bytes, std::string_view name) {
  const std::string who = name.empty() ? std::string() : std::string(name);
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    throw DocumentError(who, DocumentProblem::unsupported,
                        "an Excel 97-2003 (.xls) or other OLE2 file, which danvan does not read; "
                        "save it as .xlsx (Excel Workbook)");
  }
  if (bytes.empty()) throw DocumentError(who, DocumentProblem::empty, "the file is empty");
  if (!bytes.starts_with("PK")) {
    throw DocumentError(who, DocumentProblem::unsupported,
                        "not an .xlsx workbook (an .xlsx is a zip archive; this file is not one)");
  }
  return Reader(bytes, who).read();
}

bool xlsx_reading_supported() noexcept { return true; }

}  // namespace danvan

#else

namespace danvan {

Workbook read_xlsx(std::string_view /*bytes*/, std::string_view name) {
  throw DocumentError(std::string(name), DocumentProblem::not_built,
                      "an .xlsx workbook, but danvan was not built with .xlsx reading support "
                      "(libzip and libxml2 were not found)");
}

bool xlsx_reading_supported() noexcept { return false; }

}  // namespace danvan

#endif
