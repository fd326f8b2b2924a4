// Spreadsheets (bảng tính Excel .xlsx, Office Open XML SpreadsheetML, ECMA-376 Part 1 §18):
// writing workbooks with libxlsxwriter and reading them with libzip and libxml2 (library
// danvan::formats; each side is optional and says "not built with ... support" without its
// libraries). The forms units fill and the tables danvan exports are built on this layer.
//
// Reading: every worksheet's cells with their type (a shared or inline string, a number, a
// boolean, an error value, a date when the cell's style has a date format), the formula of a
// formula cell beside its cached value, and the merged ranges. Nothing is evaluated: a formula
// is reported as a formula (typed access refuses it, see number_at). A file that is not an
// .xlsx (an Excel 97-2003 .xls, a .docx or another zip, a zip cut short), a part larger than
// 64 MiB or a workbook whose parts add up to more than 256 MiB (a zip bomb), and XML with a
// document type declaration (entity tricks) throw DocumentError; the XML is parsed with no
// network access and no entity substitution.
#pragma once

#include "danvan/document_text.hpp"
#include "danvan/error.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace danvan {

/// A calendar day in a cell (spreadsheets keep dates as day numbers with a date format).
struct SheetDate {
  int year = 1900;  ///< 1900..9999
  int month = 1;    ///< 1..12
  int day = 1;      ///< 1..31
  friend bool operator==(const SheetDate&, const SheetDate&) = default;
};

/// An error value a cell holds ("#DIV/0!", "#N/A", "#REF!"...).
struct SheetErrorValue {
  std::string code;  ///< as Excel shows it: "#DIV/0!"
  friend bool operator==(const SheetErrorValue&, const SheetErrorValue&) = default;
};

/// What a cell holds: nothing, a number, text (NFC UTF-8), a boolean, a day or an error value.
using CellValue =
    std::variant<std::monostate, double, std::string, bool, SheetDate, SheetErrorValue>;

/// The column letters and row number of a cell given from 0: cell_address(6, 3) is "D7".
std::string cell_address(std::uint32_t row, std::uint32_t column);

/// A cell's value as a message quotes it: a number as written (up to 15 significant digits),
/// text in double quotes, TRUE/FALSE, a date DD/MM/YYYY, an error code; "an empty cell".
std::string describe(const CellValue& value);

// ---- Writing ----------------------------------------------------------------------------------

/// How a written cell looks and whether it may be changed on a protected sheet.
struct CellFormat {
  std::string number_format;  ///< Excel format code: "0", "#,##0.00", "0.0%", "dd/mm/yyyy"
  bool bold = false;          ///< bold text
  bool wrap = false;          ///< wrap long text inside the cell
  bool border = false;        ///< a thin border on every side
  bool unlocked = false;      ///< an input cell: editable when the sheet is protected
  bool shaded = false;        ///< a light fill (headers and input cells)
  friend bool operator==(const CellFormat&, const CellFormat&) = default;
};

/// Data validation of one cell (what Excel checks when someone types into it).
struct CellValidation {
  /// What the cell accepts.
  enum class Kind : std::uint8_t {
    list,     ///< one of `choices` (a drop-down; the choices joined must stay within 255 chars)
    whole,    ///< a whole number between minimum and maximum
    decimal,  ///< a number between minimum and maximum
  };
  Kind kind = Kind::decimal;         ///< what the cell accepts
  std::vector<std::string> choices;  ///< the drop-down's values (Kind::list)
  double minimum = 0;                ///< the least number accepted (whole, decimal)
  double maximum = 1e15;             ///< the largest number accepted (whole, decimal)
  std::string message;               ///< the error shown when the value is refused (≤ 255 chars)
  friend bool operator==(const CellValidation&, const CellValidation&) = default;
};

/// One cell to write. A formula ("=D7/E7") is written with `value` as its cached result.
struct OutCell {
  /// An empty cell without a format.
  OutCell() = default;
  /// A cell holding `v` shown with `f`.
  OutCell(CellValue v, CellFormat f = {})  // NOLINT(google-explicit-constructor): cells in lists
      : value(std::move(v)), format(std::move(f)) {}
  CellValue value;                           ///< the value (a formula's cached result)
  CellFormat format;                         ///< how it looks, whether it is an input
  std::optional<std::string> formula;        ///< "=E8/F8"; nullopt for a plain value
  std::optional<CellValidation> validation;  ///< what Excel lets be typed into it
};

/// One worksheet to write: its rows from row 1 (a row's cells from column A).
struct OutSheet {
  std::string name;  ///< at most 31 characters, none of []:*?/\ (Excel's rules)
  std::vector<std::vector<OutCell>> rows;  ///< from row 1; each row's cells from column A
  std::vector<double> column_widths;       ///< in characters, from column A; 0 keeps the default
  std::uint32_t frozen_rows = 0;           ///< rows kept in view when scrolling
  /// Protect the sheet (no password): only cells with CellFormat::unlocked can be changed.
  bool protect = false;
};

/// The bytes of an .xlsx workbook holding `sheets` in order. Throws ValueError for a sheet
/// name Excel refuses or a list validation too long, DocumentError (not_built) without
/// libxlsxwriter, IoError when the temporary file cannot be written.
std::string write_xlsx(const std::vector<OutSheet>& sheets);

/// True when this build writes (libxlsxwriter) or reads (libzip and libxml2) .xlsx files.
bool xlsx_writing_supported() noexcept;
bool xlsx_reading_supported() noexcept;

// ---- Reading ----------------------------------------------------------------------------------

/// A cell read from a worksheet (row and column from 0).
struct SheetCell {
  std::uint32_t row = 0;     ///< from 0
  std::uint32_t column = 0;  ///< from 0 (column A)
  CellValue value;           ///< for a formula cell: the value Excel cached (may be empty)
  std::string formula;       ///< the formula without "=", "" for a plain value
};

/// A rectangle of cells, from 0, inclusive.
struct CellRange {
  std::uint32_t first_row = 0;     ///< top row, from 0
  std::uint32_t first_column = 0;  ///< left column, from 0
  std::uint32_t last_row = 0;      ///< bottom row, inclusive
  std::uint32_t last_column = 0;   ///< right column, inclusive
  /// Whether the cell (row, column) is inside the range.
  [[nodiscard]] bool contains(std::uint32_t row, std::uint32_t column) const noexcept {
    return row >= first_row && row <= last_row && column >= first_column && column <= last_column;
  }
  /// "A1:C1".
  [[nodiscard]] std::string address() const;
};

/// A worksheet as read: its non-empty cells in row, then column order, and its merged ranges.
struct Sheet {
  std::string name;               ///< the sheet's tab name, NFC
  std::vector<SheetCell> cells;   ///< sorted by row, then column; no two at one place
  std::vector<CellRange> merged;  ///< the merged ranges (mergeCells), in file order
  /// The cell at (row, column), or nullptr when the sheet has nothing there.
  [[nodiscard]] const SheetCell* find(std::uint32_t row, std::uint32_t column) const;
  /// The merged range covering (row, column), or nullptr.
  [[nodiscard]] const CellRange* merged_at(std::uint32_t row, std::uint32_t column) const;
  /// The number of rows up to the last one holding a cell.
  [[nodiscard]] std::uint32_t row_count() const noexcept;
};

/// The worksheets of a workbook in order (chart sheets and hidden sheets' kinds are not told
/// apart: every worksheet is read).
struct Workbook {
  std::vector<Sheet> sheets;  ///< in the workbook's tab order
  /// The sheet named `name`, or nullptr.
  [[nodiscard]] const Sheet* find(std::string_view name) const;
};

/// Reads an .xlsx workbook from its bytes; `name` (a file name) names it in messages. Throws
/// DocumentError: "<name>: an Excel 97-2003 (.xls) or other OLE2 file, which danvan does not
/// read; save it as .xlsx (Excel Workbook)", "<name>: a zip that is not an .xlsx workbook (no
/// xl/workbook.xml)", "<name>: the .xlsx is damaged or cut short (...)", a part too large,
/// "<name>: xl/worksheets/sheet1.xml: a document type declaration, which no .xlsx has", and
/// a malformed cell ("<name>: Sheet1!B2: the number \"1x\" is not a number").
Workbook read_xlsx(std::string_view bytes, std::string_view name = {});

// ---- Typed access with located errors ---------------------------------------------------------

/// A cell that does not hold what was expected: what() is "<sheet>!<cell>: <reason>", e.g.
/// "Báo cáo!D7: expected a number, got \"mười\"".
class SheetCellError : public ValueError {
 public:
  /// The error at `cell` ("D7") of `sheet`, for `reason`.
  SheetCellError(std::string sheet, std::string cell, const std::string& reason);
  /// The sheet's name.
  [[nodiscard]] const std::string& sheet() const noexcept { return sheet_; }
  /// The cell's address, "D7".
  [[nodiscard]] const std::string& cell() const noexcept { return cell_; }
  /// Why it was refused, without the location.
  [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

 private:
  std::string sheet_;
  std::string cell_;
  std::string reason_;
};

/// The number in a cell; nullopt for an empty cell or one holding only spaces. Text made only of
/// digits (a number typed into a text cell, "12") is taken; other text is refused ("expected a
/// number, got \"mười\"", also "1.000" and "3,5", whose separators are ambiguous). Throws
/// SheetCellError for text, a boolean, a date, an error value, a formula ("a formula (=D7/E7)
/// where a value is expected; type the value itself") and a cell of a merged range ("merged
/// with B7:D7; unmerge the cells").
std::optional<double> number_at(const Sheet& sheet, std::uint32_t row, std::uint32_t column);

/// The text of a cell, trimmed of spaces (a number written as number_at quotes it); nullopt
/// for an empty cell. Throws SheetCellError for a formula or a merged cell as number_at.
std::optional<std::string> text_at(const Sheet& sheet, std::uint32_t row, std::uint32_t column);

}  // namespace danvan
