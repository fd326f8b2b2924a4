// A worksheet's cells as the rows of text that the table imports read (the registry's lists and
// the official list of units), private to danvan::formats.
#pragma once

#include "danvan/spreadsheet.hpp"
#include "danvan/table.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace danvan::formats_detail {

/// A worksheet read as rows of text for an import.
struct SheetRows {
  /// The header row, then every later row holding a cell, numbered as Excel shows them; cells
  /// as text (a number as written, "12"; a date "DD/MM/YYYY"; TRUE/FALSE).
  std::vector<TableRow> rows;
  /// The later rows that cannot be read as text, one problem a row in row order: a cell with a
  /// formula, an error value or in a merged range.
  std::vector<TableProblem> refused;
};

/// The sheet named `name` of `book`, or its first sheet when `name` is empty. Throws ValueError
/// "no sheet \"X\"; the workbook has \"A\", \"B\"".
const Sheet& find_sheet(const Workbook& book, std::string_view name);

/// What a cell of a merged range reads as.
enum class MergedCells : std::uint8_t {
  refuse,    ///< its row is refused ("merged with B4:B6; unmerge the cells")
  as_shown,  ///< as Excel shows it: the range's value in each row it covers (its first
             ///< column; the columns to the right empty), as the .docx tables are read
};

/// The rows of `sheet` from `header_row` (from 1) on, as SheetRows. Throws ValueError for
/// header_row 0 ("the header row is counted from 1") and for a header cell that cannot be read
/// as text ("row 3, cell B3: merged with B3:C3; unmerge the cells").
SheetRows sheet_rows(const Sheet& sheet, std::size_t header_row,
                     MergedCells merged = MergedCells::refuse);

/// Adds the rows `refused` to what an import of the other rows gave (TableImport, UnitList):
/// they count as rows read and their problems join the import's, in row order.
template <class Import>
void add_refused(Import& result, std::vector<TableProblem> refused) {
  result.rows += refused.size();
  for (auto& p : refused) result.problems.push_back(std::move(p));
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const TableProblem& a, const TableProblem& b) { return a.row < b.row; });
}

}  // namespace danvan::formats_detail
