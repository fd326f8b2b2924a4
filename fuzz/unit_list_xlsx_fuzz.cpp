// libFuzzer target: the official list of units from an .xlsx (read_unit_list_xlsx). The first
// byte chooses what the rest is: the bytes of a whole file, the body of the worksheet (sheetData,
// mergeCells...) in a workbook whose shared strings hold the list's headers and names (string
// cells "0".."10"), or a CSV table written into the sheet as text cells. For any input it either
// throws a danvan::Error or reads a list whose units have codes of their level's width and
// parents in the list, whose problems are in row order below the header, and whose rows count
// every problem's row.
#include "../tests/formats/xlsx_fixtures.hpp"
#include "danvan/error.hpp"
#include "danvan/table.hpp"
#include "danvan/unit_list_sheet.hpp"
#include "unit_list_checks.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace {

/// A CSV table as a sheet of inline text cells; empty when it is no table.
std::string csv_as_sheet(const std::string& text) {
  std::vector<danvan::TableRow> rows;
  try {
    rows = danvan::read_csv_table(text);
  } catch (const danvan::Error&) {
    return {};
  }
  std::string data;
  for (const auto& row : rows) {
    data += "<row r=\"" + std::to_string(row.number) + "\">";
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (row.cells[c].empty()) continue;
      data += "<c r=\"" + danvan::cell_name(c, row.number) + "\" t=\"inlineStr\"><is><t>" +
              danvan::test::xml_escape(row.cells[c]) + "</t></is></c>";
    }
    data += "</row>";
  }
  return "<sheetData>" + data + "</sheetData>";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::vector<std::string> strings = {
      "Mã TP", "Tỉnh Thành Phố",   "Mã QH",        "Quận Huyện", "Mã PX", "Phường Xã",
      "Cấp",   "Thành phố Hà Nội", "Quận Ba Đình", "Phúc Xá",    "Phường"};
  std::string file;
  switch (data[0] % 3) {
    case 0:
      file = rest;
      break;
    case 1:
      file = danvan::test::make_zip(danvan::test::xlsx_parts(rest, strings));
      break;
    default: {
      const std::string sheet = csv_as_sheet(rest);
      if (sheet.empty()) return 0;
      file = danvan::test::make_zip(danvan::test::xlsx_parts(sheet));
      break;
    }
  }
  danvan::UnitList list;
  try {
    list = danvan::read_unit_list_xlsx(file, "fuzz.xlsx");
  } catch (const danvan::Error&) {
    return 0;
  }
  danvan::fuzz::check_listed_units(list);
  for (const auto& u : list.units) {
    if (u.row < 2) std::abort();
  }
  std::set<std::size_t> problem_rows;
  for (std::size_t i = 0; i < list.problems.size(); ++i) {
    const auto& p = list.problems[i];
    if (p.row < 2 || (i > 0 && list.problems[i - 1].row > p.row)) std::abort();
    problem_rows.insert(p.row);
  }
  if (problem_rows.size() > list.rows) std::abort();
  return 0;
}
