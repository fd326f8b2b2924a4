// The official list of units from an .xlsx (danvan/unit_list_sheet.hpp).
#include "danvan/unit_list_sheet.hpp"

#include "danvan/spreadsheet.hpp"
#include "sheet_rows.hpp"

#include <utility>

namespace danvan {

UnitList read_unit_list_xlsx(std::string_view bytes, std::string_view name,
                             const UnitListMapping& mapping, std::string_view sheet,
                             std::size_t header_row) {
  const Workbook book = read_xlsx(bytes, name);
  formats_detail::SheetRows rows =
      formats_detail::sheet_rows(formats_detail::find_sheet(book, sheet), header_row);
  UnitList list = read_unit_list_rows(rows.rows, mapping);
  formats_detail::add_refused(list, std::move(rows.refused));
  return list;
}

bool looks_like_workbook(std::string_view bytes) noexcept {
  return bytes.starts_with(std::string_view("PK\x03\x04", 4)) ||
         bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

}  // namespace danvan
