// A worksheet's cells as rows of text for the table imports (sheet_rows.hpp).
#include "sheet_rows.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace danvan::formats_detail {

namespace {

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

/// A cell as the text the CSV imports read; throws SheetCellError for a formula, an error
/// value or (unless `merged` says as_shown) a merged cell.
std::string cell_text(const Sheet& sheet, const SheetCell& cell, MergedCells merged) {
  if (const CellRange* m =
          merged == MergedCells::refuse ? sheet.merged_at(cell.row, cell.column) : nullptr) {
    throw SheetCellError(sheet.name, cell_address(cell.row, cell.column),
                         "merged with " + m->address() + "; unmerge the cells");
  }
  if (!cell.formula.empty()) {
    throw SheetCellError(
        sheet.name, cell_address(cell.row, cell.column),
        "a formula (=" + cell.formula + ") where a value is expected; type the value itself");
  }
  if (const auto* d = std::get_if<SheetDate>(&cell.value)) {
    return two(d->day) + "/" + two(d->month) + "/" + std::to_string(d->year);
  }
  if (const auto* e = std::get_if<SheetErrorValue>(&cell.value)) {
    throw SheetCellError(sheet.name, cell_address(cell.row, cell.column),
                         "the error value " + e->code);
  }
  if (const auto* b = std::get_if<bool>(&cell.value)) return *b ? "TRUE" : "FALSE";
  if (const auto* s = std::get_if<std::string>(&cell.value)) return *s;
  if (std::holds_alternative<double>(cell.value)) return describe(cell.value);
  return {};
}

}  // namespace

const Sheet& find_sheet(const Workbook& book, std::string_view name) {
  const Sheet* sheet = name.empty() ? &book.sheets.at(0) : book.find(name);
  if (sheet == nullptr) {
    std::string names;
    for (const auto& s : book.sheets) names += (names.empty() ? "\"" : ", \"") + s.name + "\"";
    throw ValueError("no sheet \"" + std::string(name) + "\"; the workbook has " + names);
  }
  return *sheet;
}

SheetRows sheet_rows(const Sheet& sheet, std::size_t header_row, MergedCells merged) {
  if (header_row == 0) throw ValueError("the header row is counted from 1");
  // Rows by number; the problems of rows that cannot be read as text.
  std::map<std::uint32_t, std::vector<std::string>> rows;
  std::map<std::uint32_t, TableProblem> refused;
  const auto first = static_cast<std::uint32_t>(header_row - 1);
  for (const auto& cell : sheet.cells) {
    if (cell.row < first || refused.contains(cell.row)) continue;
    if (merged == MergedCells::as_shown) {
      // A cell a merged range hides (not its first) shows nothing, whatever it stores.
      const CellRange* m = sheet.merged_at(cell.row, cell.column);
      if (m != nullptr && (m->first_row != cell.row || m->first_column != cell.column)) continue;
    }
    try {
      const std::string text = cell_text(sheet, cell, merged);
      auto& cells = rows[cell.row];
      if (cells.size() <= cell.column) cells.resize(cell.column + 1);
      cells[cell.column] = text;
    } catch (const SheetCellError& e) {
      refused.emplace(cell.row, TableProblem{cell.row + std::size_t{1}, e.cell(), e.reason()});
    }
  }
  // The rows a merged range covers below its first cell (which holds its value, the rest of
  // the range nothing). Only rows holding a cell are looked at: a row without any is blank, and
  // a range over a million rows costs no more than the rows the sheet has.
  for (const auto& m : sheet.merged) {
    if (merged == MergedCells::as_shown) {
      // The first cell's value in the range's first column of every later row it covers (a
      // refused first cell, or none, gives nothing).
      const auto top = rows.find(m.first_row);
      if (top == rows.end() || refused.contains(m.first_row) ||
          top->second.size() <= m.first_column) {
        continue;
      }
      const std::string value = top->second[m.first_column];
      for (auto it = rows.upper_bound(std::max(m.first_row, first));
           it != rows.end() && it->first <= m.last_row; ++it) {
        auto& cells = it->second;
        if (cells.size() <= m.first_column) cells.resize(m.first_column + 1);
        cells[m.first_column] = value;
      }
      continue;
    }
    for (auto it = rows.lower_bound(std::max(m.first_row, first));
         it != rows.end() && it->first <= m.last_row; ++it) {
      if (!refused.contains(it->first)) {
        refused.emplace(
            it->first,
            TableProblem{it->first + std::size_t{1}, cell_address(it->first, m.first_column),
                         "merged with " + m.address() + "; unmerge the cells"});
      }
    }
  }
  if (refused.contains(first)) {
    throw ValueError("row " + std::to_string(header_row) + ", cell " + refused.at(first).cell +
                     ": " + refused.at(first).message);
  }
  SheetRows out;
  out.rows.push_back(
      {header_row, rows.contains(first) ? rows.at(first) : std::vector<std::string>{}});
  for (auto& [r, cells] : rows) {
    if (r == first || refused.contains(r)) continue;
    out.rows.push_back({r + std::size_t{1}, std::move(cells)});
  }
  for (auto& [r, p] : refused) {
    if (r != first) out.refused.push_back(std::move(p));
  }
  return out;
}

}  // namespace danvan::formats_detail
