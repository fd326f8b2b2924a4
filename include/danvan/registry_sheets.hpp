// The exemplar registry's tables as Excel workbooks (sổ theo dõi mô hình, điển hình "Dân vận
// khéo"): lists and statistics written to .xlsx, and lists people keep in Excel imported with a
// column mapping (library danvan::formats, on danvan/spreadsheet.hpp and
// danvan/registry_table.hpp).
#pragma once

#include "danvan/registry.hpp"
#include "danvan/registry_table.hpp"
#include "danvan/spreadsheet.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace danvan {

/// The entries at `indexes` as a sheet "Danh sách" with the columns and Vietnamese headers of
/// render_entries_csv (dates as text at the precision known: "2022", "10/2022", "05/10/2022").
OutSheet entries_sheet(const Registry& registry, const std::vector<std::size_t>& indexes);

/// Statistics as a sheet "Thống kê": the cells of stats_rows, counts as numbers.
OutSheet stats_sheet(const StatsTable& table);
/// Reported figures as a sheet "Số liệu báo cáo": the cells of figures_rows, the reported
/// value and the entries' count as numbers.
OutSheet figures_sheet(const std::vector<FigureComparison>& figures);

/// Imports the list on the first sheet of an .xlsx (or the sheet named `sheet` when not empty)
/// as import_entries_csv imports a CSV table: row `header_row` (from 1) holds the headers, each
/// later row an entry; rows are numbered as Excel shows them. Cells are read as text: a number
/// as written ("12"), a date as "DD/MM/YYYY", TRUE/FALSE. A row with a formula, an error value
/// or a cell of a merged range is not taken and is reported with its cell ("a formula (=A1)
/// where a value is expected; type the value itself", "merged with B4:B6; unmerge the cells").
/// Throws DocumentError for a file that is no .xlsx, ValueError for no such sheet or a header
/// that cannot be mapped ("row 1: no column \"Đơn vị\"").
TableImport import_entries_xlsx(std::string_view bytes, std::string_view name, Registry& registry,
                                const TableMapping& mapping = {}, std::string_view sheet = {},
                                std::size_t header_row = 1);

/// Imports a proposal list (danh sách đề nghị khen thưởng) a unit sent as a .docx: the first
/// table of the body whose first row names the columns of a proposal list (a name and "Đơn
/// vị", see import_proposals_rows), its later rows read by import_proposals_rows; rows are
/// numbered within the table (its header is row 1), cells by column letter ("B4"), and
/// TableImport::table says which table (from 1). Cells are read as plain text; a cell spanning
/// columns leaves the next ones empty, a vertically merged cell repeats the merge's text in
/// every row it covers (as Word shows it). Throws DocumentError for a file that is no .docx;
/// ValueError for no such table ("no table of the .docx names the columns of a proposal list:
/// a name (\"Tên mô hình\") and \"Đơn vị\"") and as import_proposals_rows.
TableImport import_proposals_docx(std::string_view bytes, std::string_view name, Registry& registry,
                                  const ProposalOptions& options);

/// Imports a proposal list a unit sent as an .xlsx: the first sheet (or the sheet named `sheet`
/// when not empty), its header the row `header_row` (from 1) or, when 0, the first of its first
/// 20 rows whose cells name the columns of a proposal list (title lines above the table are
/// usual), its later rows read by import_proposals_rows; rows and cells are named as Excel
/// shows them ("row 7, cell C7"). Cells are read as text as import_entries_xlsx reads them,
/// except merged cells, read as Excel shows them and as the .docx path reads Word's: a range's
/// value in its first column in every row it covers (a heading merged across the columns is
/// then one cell, not a proposal; a unit merged down the rows is each row's unit). A row with
/// a formula or an error value is not taken and is reported with its cell. Throws
/// DocumentError for a file that is no .xlsx; ValueError for no such sheet, for no header row
/// ("no row among the first 20 of sheet \"S\" names the columns of a proposal list: a name
/// (\"Tên mô hình\") and \"Đơn vị\""), for a given header row that cannot be mapped ("row 3:
/// no column \"Đơn vị\"") and as import_proposals_rows.
TableImport import_proposals_xlsx(std::string_view bytes, std::string_view name, Registry& registry,
                                  const ProposalOptions& options, std::string_view sheet = {},
                                  std::size_t header_row = 0);

}  // namespace danvan
