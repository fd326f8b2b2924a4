// libFuzzer target: the .xlsx reader. The first byte chooses what the rest is: the bytes of a
// whole file (zip parsing), or the worksheet, shared strings, styles or workbook part inside an
// otherwise valid workbook (SpreadsheetML walking). read_xlsx either throws DocumentError or
// returns sheets whose cells are sorted, unique and NFC; typed access either answers or throws
// SheetCellError.
#include "../tests/formats/xlsx_fixtures.hpp"
#include "danvan/spreadsheet.hpp"
#include "danvan/text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

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
  auto parts = danvan::test::xlsx_parts(rows, {"Chỉ tiêu"}, styles);
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
  } catch (const danvan::DocumentError&) {
  }
  return 0;
}
