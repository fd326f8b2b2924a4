// libFuzzer target: the .xlsx reader and the registry's list import on it. The first byte
// chooses what the rest is: the bytes of a whole file (zip parsing), or the worksheet, shared
// strings, styles or workbook part inside an otherwise valid workbook (SpreadsheetML walking;
// the shared strings hold the list's headers, so a fuzzed worksheet can name them). read_xlsx
// either throws DocumentError or returns sheets whose cells are sorted, unique and NFC; typed
// access either answers or throws SheetCellError. A workbook read is imported as a list of
// entries (import_entries_xlsx, with a column alias) into a registry of two units: it either
// throws a danvan::Error or adds exactly the entries it counts, reports each other row once
// with a row number past the header, and never takes more rows than it read; and as a
// proposal list (import_proposals_xlsx) into a registry of one entry, with the same checks.
#include "../tests/formats/xlsx_fixtures.hpp"
#include "danvan/registry_sheets.hpp"
#include "danvan/spreadsheet.hpp"
#include "danvan/text.hpp"
#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using danvan::fuzz::unit;

/// The registry both imports go into: a province and one of its communes.
danvan::Registry two_units() {
  return danvan::Registry(
      danvan::UnitHierarchy({unit("tinh", "Tỉnh Phú Yên", danvan::Level::province, nullptr),
                             unit("xa", "Xã Hòa An", danvan::Level::commune, "tinh")}));
}

/// An import that took `added` rows reports each other row once, in row order, past the
/// header, with a message, and never takes more rows than it read.
void check_rows(const danvan::TableImport& t) {
  if (t.added + t.problems.size() > t.rows) std::abort();
  std::size_t last = 0;
  for (const auto& p : t.problems) {
    if (p.row < 2 || p.row <= last || p.message.empty()) std::abort();
    last = p.row;
  }
}

/// Imports the workbook's first sheet as a list of entries and checks what the import says.
void import_list(const std::string& file) {
  danvan::Registry registry = two_units();
  danvan::TableMapping mapping;
  mapping.aliases = {{"Tên MH", danvan::EntryColumn::name}};
  mapping.kind = danvan::EntryKind::model;
  try {
    const danvan::TableImport t = danvan::import_entries_xlsx(file, "fuzz.xlsx", registry, mapping);
    if (registry.size() != t.added) std::abort();
    check_rows(t);
  } catch (const danvan::Error&) {
  }
}

/// Imports the workbook's first sheet as a proposal list (import_proposals_xlsx: the header
/// looked for, merged cells as shown, a column alias) into a registry of one entry: it either
/// throws a danvan::Error or adds exactly the proposals it counts, reports each other row once
/// in row order, and never takes more rows than it read.
void import_proposals(const std::string& file) {
  danvan::Registry registry = two_units();
  danvan::Entry e;
  e.id = "m1";
  e.kind = danvan::EntryKind::model;
  e.name = "mô hình";
  e.unit_id = "xa";
  danvan::Event registered;
  registered.type = danvan::EventType::registered;
  registered.date = danvan::PartialDate(2021);
  e.events = {registered};
  registry.add(e);
  danvan::ProposalOptions options;
  options.aliases = {{"Tên MH", danvan::EntryColumn::name}};
  options.form = "giay-khen";
  options.date = danvan::PartialDate(2025, 11);
  try {
    const danvan::TableImport t =
        danvan::import_proposals_xlsx(file, "fuzz.xlsx", registry, options);
    if (registry.entry(0).events.size() != 1 + t.added) std::abort();
    check_rows(t);
  } catch (const danvan::Error&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string styles =
      "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"10\"/></cellXfs>"
      "</styleSheet>";
  const std::string rows =
      "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>45657</v>"
      "</c><c r=\"C1\"><f>A1</f><v>2</v></c></row></sheetData>";
  std::string file;
  // Shared string 0 is the default sheet's; 1.. the list's headers and some cells.
  auto parts = danvan::test::xlsx_parts(
      rows,
      {"Chỉ tiêu", "Tên mô hình", "Đơn vị", "Loại", "Ngày công nhận", "Tên MH", "Xã Hòa An", "tinh",
       "mô hình", "05/10/2022", "Họ tên", "Hình thức", "Giấy khen", "xa"},
      styles);
  switch (data[0] % 5) {
    case 0:
      file = rest;
      break;
    case 1:
      parts.back().second = rest;  // xl/worksheets/sheet1.xml
      file = danvan::test::make_zip(parts);
      break;
    case 2:
      parts[3].second = rest;  // xl/sharedStrings.xml
      file = danvan::test::make_zip(parts);
      break;
    case 3:
      parts[4].second = rest;  // xl/styles.xml
      file = danvan::test::make_zip(parts);
      break;
    default:
      parts[1].second = rest;  // xl/workbook.xml
      file = danvan::test::make_zip(parts);
      break;
  }
  try {
    const danvan::Workbook book = danvan::read_xlsx(file, "fuzz.xlsx");
    for (const auto& sheet : book.sheets) {
      if (!danvan::is_nfc(sheet.name)) std::abort();
      for (std::size_t i = 0; i < sheet.cells.size(); ++i) {
        const auto& c = sheet.cells[i];
        if (i > 0 && !(std::pair{sheet.cells[i - 1].row, sheet.cells[i - 1].column} <
                       std::pair{c.row, c.column})) {
          std::abort();
        }
        if (const auto* s = std::get_if<std::string>(&c.value); s && !danvan::is_nfc(*s)) {
          std::abort();
        }
        if (sheet.find(c.row, c.column) != &c) std::abort();
        try {
          (void)danvan::number_at(sheet, c.row, c.column);
        } catch (const danvan::SheetCellError&) {
        }
        try {
          (void)danvan::text_at(sheet, c.row, c.column);
        } catch (const danvan::SheetCellError&) {
        }
        (void)danvan::describe(c.value);
      }
    }
    import_list(file);
    import_proposals(file);
  } catch (const danvan::DocumentError&) {
  }
  return 0;
}
