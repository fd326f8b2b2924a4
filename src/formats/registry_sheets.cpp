// The exemplar registry's tables as workbooks, and lists imported from .xlsx
// (danvan/registry_sheets.hpp).
#include "danvan/registry_sheets.hpp"

#include "danvan/document_text.hpp"
#include "readers.hpp"
#include "sheet_rows.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

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

}  // namespace

OutSheet entries_sheet(const Registry& registry, const std::vector<std::size_t>& indexes) {
  const auto rows = entries_table(registry, indexes);
  return text_table("Danh sách", rows, rows.empty() ? 0 : rows[0].size());
}

OutSheet stats_sheet(const StatsTable& table) {
  return text_table("Thống kê", stats_rows(table), table.by.size());
}

OutSheet figures_sheet(const std::vector<FigureComparison>& figures) {
  const auto rows = figures_rows(figures);
  OutSheet s = text_table("Số liệu báo cáo", rows, rows[0].size());
  // The reported value and the entries' count (columns 9 and 10) are numbers.
  for (std::size_t r = 1; r < s.rows.size(); ++r) {
    for (const std::size_t c : {std::size_t{8}, std::size_t{9}}) {
      OutCell& cell = s.rows[r][c];
      cell.value = std::stod(rows[r][c]);
      cell.format.number_format = "#,##0";
    }
  }
  return s;
}

TableImport import_entries_xlsx(std::string_view bytes, std::string_view name, Registry& registry,
                                const TableMapping& mapping, std::string_view sheet_name,
                                std::size_t header_row) {
  const Workbook book = read_xlsx(bytes, name);
  formats_detail::SheetRows sheet =
      formats_detail::sheet_rows(formats_detail::find_sheet(book, sheet_name), header_row);
  TableImport result = import_entries_rows(sheet.rows, registry, mapping);
  formats_detail::add_refused(result, std::move(sheet.refused));
  return result;
}

TableImport import_proposals_xlsx(std::string_view bytes, std::string_view name, Registry& registry,
                                  const ProposalOptions& options, std::string_view sheet_name,
                                  std::size_t header_row) {
  using formats_detail::MergedCells;
  const Workbook book = read_xlsx(bytes, name);
  const Sheet& sheet = formats_detail::find_sheet(book, sheet_name);
  if (header_row == 0) {
    // The first row among the first 20 whose cells name the proposal columns (a header row
    // alone imports nothing: the registry is not changed by the trial).
    constexpr std::size_t search = 20;
    // (From the first row that can be read as text: a formula in row 1 is no header.)
    formats_detail::SheetRows all;
    for (std::size_t first = 1; first <= search && all.rows.empty(); ++first) {
      try {
        all = formats_detail::sheet_rows(sheet, first, MergedCells::as_shown);
      } catch (const ValueError&) {
      }
    }
    for (const auto& row : all.rows) {
      if (row.number > search) break;
      try {
        (void)import_proposals_rows({row}, registry, options);
        header_row = row.number;
        break;
      } catch (const ValueError& e) {
        // A row that names no proposal columns (a title, the issuing body) is not the header;
        // an error about the options or a column named twice is.
        const std::string_view what = e.what();
        if (!what.starts_with("row " + std::to_string(row.number) + ": no ")) throw;
      }
    }
    if (header_row == 0) {
      throw ValueError("no row among the first " + std::to_string(search) + " of sheet \"" +
                       sheet.name +
                       "\" names the columns of a proposal list: a name (\"Tên mô hình\") and "
                       "\"Đơn vị\"");
    }
  }
  formats_detail::SheetRows rows =
      formats_detail::sheet_rows(sheet, header_row, MergedCells::as_shown);
  TableImport result = import_proposals_rows(rows.rows, registry, options);
  formats_detail::add_refused(result, std::move(rows.refused));
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
