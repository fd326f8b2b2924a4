// Tables of text cells as people keep them (CSV files, spreadsheets): rows with their numbers,
// cells named as a spreadsheet names them, and the problems of rows an import does not take.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// A row of a table: its row number as the source shows it (messages name it) and its cells
/// as text, from the first column.
struct TableRow {
  std::size_t number = 0;          ///< the row number in the source, from 1
  std::vector<std::string> cells;  ///< the cells from the first column, as text
};

/// A row an import could not take: its row number in the table (the header is row 1), the
/// cell ("C4", empty when the problem is the row's) and why.
struct TableProblem {
  std::size_t row = 0;  ///< the row number, the header being row 1
  std::string cell;     ///< the cell ("C4"), or empty when the problem is the row's
  std::string message;  ///< why the row was not taken
  friend bool operator==(const TableProblem&, const TableProblem&) = default;
};
/// "row 4, cell C4: unknown unit \"Xã X\"" or "row 4: ...".
std::string to_string(const TableProblem& problem);

/// "A", ..., "Z", "AA", ... for the column index 0, 1, ...
std::string column_letters(std::size_t index);
/// The spreadsheet name of a cell: "C4" for column index 2 of row 4.
std::string cell_name(std::size_t column, std::size_t row);
/// True when every cell is empty or white space.
bool is_blank_row(const std::vector<std::string>& cells);

/// Reads a CSV table: UTF-8, a byte-order mark allowed; RFC 4180 quoting; cells separated by
/// ",", ";" or tabs, whichever the first row uses most outside quotes. A row is a record, so a
/// quoted line break stays inside its row as in a spreadsheet; rows are numbered from 1. At
/// most 1000 cells a row and 100,000 bytes a cell. Throws ParseError for malformed UTF-8
/// ("line 3: ..."), a quoted cell that never ends, text after a closing quote, a quote inside
/// an unquoted cell or a row or cell over the limits ("row 2, cell B2: ...").
std::vector<TableRow> read_csv_table(std::string_view text);

}  // namespace danvan
