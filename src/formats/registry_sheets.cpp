// The exemplar registry's tables as workbooks, and lists imported from .xlsx
// (danvan/registry_sheets.hpp).
#include "danvan/registry_sheets.hpp"

#include "danvan/document_text.hpp"
#include "readers.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

namespace danvan {

namespace {

OutSheet text_table(std::string name, const std::vector<std::vector<std::string>>& rows,
                    std::size_t text_columns) {
  OutSheet s;
  s.name = std::move(name);
  s.frozen_rows = 1;
  CellFormat header;
  header.bold = header.wrap = header.border = header.shaded = true;
  CellFormat plain;
  plain.border = true;
  CellFormat count = plain;
  count.number_format = "#,##0";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<OutCell> cells;
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const std::string& v = rows[r][c];
      OutCell cell;
      if (r > 0 && c >= text_columns && !v.empty()) {
        cell.value = std::stod(v);
        cell.format = count;
      } else {
        cell.value = v;
        cell.format = r == 0 ? header : plain;
      }
      cells.push_back(std::move(cell));
    }
    s.rows.push_back(std::move(cells));
  }
  if (!rows.empty()) {
    for (const auto& h : rows[0]) {
      s.column_widths.push_back(std::clamp(static_cast<double>(h.size()) * 0.9, 10.0, 40.0));
    }
  }
  return s;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

/// A cell as the text the CSV import reads; throws SheetCellError for a formula, an error
/// value or a merged cell.
std::string cell_text(const Sheet& sheet, const SheetCell& cell) {
  if (const CellRange* m = sheet.merged_at(cell.row, cell.column)) {
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

OutSheet entries_sheet(const Registry& registry, const std::vector<std::size_t>& indexes) {
  const auto rows = entries_table(registry, indexes);
  return text_table("Danh sách", rows, rows.empty() ? 0 : rows[0].size());
}

OutSheet stats_sheet(const StatsTable& table) {
  return text_table("Thống kê", stats_rows(table), table.by.size());
}

TableImport import_entries_xlsx(std::string_view bytes, std::string_view name, Registry& registry,
                                const TableMapping& mapping, std::string_view sheet_name,
                                std::size_t header_row) {
  const Workbook book = read_xlsx(bytes, name);
  const Sheet* sheet = sheet_name.empty() ? &book.sheets.at(0) : book.find(sheet_name);
  if (sheet == nullptr) {
    std::string names;
    for (const auto& s : book.sheets) names += (names.empty() ? "\"" : ", \"") + s.name + "\"";
    throw ValueError("no sheet \"" + std::string(sheet_name) + "\"; the workbook has " + names);
  }
  if (header_row == 0) throw ValueError("the header row is counted from 1");
  // Rows by number; the problems of rows that cannot be read as text.
  std::map<std::uint32_t, std::vector<std::string>> rows;
  std::map<std::uint32_t, TableProblem> refused;
  const auto first = static_cast<std::uint32_t>(header_row - 1);
  for (const auto& cell : sheet->cells) {
    if (cell.row < first || refused.contains(cell.row)) continue;
    try {
      const std::string text = cell_text(*sheet, cell);
      auto& cells = rows[cell.row];
      if (cells.size() <= cell.column) cells.resize(cell.column + 1);
      cells[cell.column] = text;
    } catch (const SheetCellError& e) {
      refused.emplace(cell.row, TableProblem{cell.row + std::size_t{1}, e.cell(), e.reason()});
    }
  }
  // Merged ranges without a value in their first cell (the rest of the range holds nothing).
  for (const auto& m : sheet->merged) {
    for (std::uint32_t r = std::max(m.first_row, first); r <= m.last_row; ++r) {
      if (!refused.contains(r)) {
        refused.emplace(r, TableProblem{r + std::size_t{1}, cell_address(r, m.first_column),
                                        "merged with " + m.address() + "; unmerge the cells"});
      }
    }
  }
  if (refused.contains(first)) {
    throw ValueError("row " + std::to_string(header_row) + ", cell " + refused.at(first).cell +
                     ": " + refused.at(first).message);
  }
  std::vector<TableRow> table;
  table.push_back({header_row, rows.contains(first) ? rows.at(first) : std::vector<std::string>{}});
  std::size_t skipped = 0;
  for (auto& [r, cells] : rows) {
    if (r == first) continue;
    if (refused.contains(r)) continue;
    table.push_back({r + std::size_t{1}, std::move(cells)});
  }
  for (const auto& [r, p] : refused) skipped += r != first ? 1 : 0;
  TableImport result = import_entries_rows(table, registry, mapping);
  result.rows += skipped;
  for (const auto& [r, p] : refused) result.problems.push_back(p);
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const TableProblem& a, const TableProblem& b) { return a.row < b.row; });
  return result;
}

TableImport import_proposals_docx(std::string_view bytes, std::string_view name, Registry& registry,
                                  const ProposalOptions& options) {
  const std::string who(name);
  if (!format_supported(DocumentFormat::docx)) {
    (void)read_document(bytes, name);  // the format's "not built" error
  }
  const auto tables = formats_detail::docx_tables(bytes, who.empty() ? "<input>" : who);
  for (std::size_t t = 0; t < tables.size(); ++t) {
    const auto& rows = tables[t];
    if (rows.empty()) continue;
    try {
      TableImport result = import_proposals_rows(rows, registry, options);
      result.table = t + 1;
      return result;
    } catch (const ValueError& e) {
      // A table whose first row is blank or names no proposal columns (the header block, a
      // signing table) is not the list; an error about the options or a column named twice is.
      if (!std::string_view(e.what()).starts_with("row 1: no ")) throw;
    }
  }
  throw ValueError(
      "no table of the .docx names the columns of a proposal list: a name (\"Tên "
      "mô hình\") and \"Đơn vị\"");
}

}  // namespace danvan
