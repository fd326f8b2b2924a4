// The official list of administrative units from the Excel workbook the statistics office
// publishes (danh mục đơn vị hành chính, .xlsx), read as danvan/unit_list.hpp reads its CSV form
// (library danvan::formats, on danvan/spreadsheet.hpp).
#pragma once

#include "danvan/unit_list.hpp"

#include <cstddef>
#include <string_view>

namespace danvan {

/// Reads the official list from the first sheet of an .xlsx (or the sheet named `sheet` when not
/// empty): row `header_row` (from 1) holds the headers, each later row a unit, as
/// read_unit_list_rows reads them; rows and cells are named as Excel shows them ("row 7, cell
/// E7: commune code \"7A\" is not a number"). Cells are read as text: a code typed as a number
/// as written ("1", then zero-padded to "01"). A row with a formula, an error value or a cell
/// of a merged range is not taken and is reported with its cell ("a formula (=A1) where a value
/// is expected; type the value itself", "the error value #N/A", "merged with B4:B6; unmerge the
/// cells"); it counts among UnitList::rows. Throws DocumentError naming `name` for a file that
/// is no .xlsx (an .xls, a zip cut short), ValueError for no such sheet ("no sheet \"X\"; the
/// workbook has \"Sheet1\""), a header row of 0 or a header that cannot be mapped ("row 1: no
/// column \"Mã PX\"").
UnitList read_unit_list_xlsx(std::string_view bytes, std::string_view name,
                             const UnitListMapping& mapping = {}, std::string_view sheet = {},
                             std::size_t header_row = 1);

/// True when `bytes` start as a workbook does (a zip, or an Excel 97-2003 OLE2 file) rather
/// than as text: the official list is then read with read_unit_list_xlsx, else as CSV.
bool looks_like_workbook(std::string_view bytes) noexcept;

}  // namespace danvan
