// Tables of entries as localities keep them (danh sách mô hình, điển hình): CSV in and out.
#pragma once

#include "danvan/registry.hpp"
#include "danvan/table.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace danvan {

/// What a column of an entry table holds. A row gives an entry and at most two events: its
/// registration (date and level) and its recognition (date, level, grade, decision).
enum class EntryColumn : std::uint8_t {
  id,
  name,
  unit,  ///< the owner: a unit id or a unit name
  place,
  field,  ///< field ids or names separated by ";"; empty: unknown
  kind,
  subject,  ///< empty: unknown
  person,
  description,
  registered,  ///< a date at the precision given ("2022", "10/2022", "05/10/2022")
  registration_level,
  recognised,
  recognition_level,
  grade,
  decision,
};

/// The Vietnamese header of a column, as render_entries_csv() writes it: "Mã", "Tên mô hình",
/// "Đơn vị", "Nơi thực hiện", "Lĩnh vực", "Loại", "Đối tượng", "Họ tên", "Mô tả", "Ngày đăng
/// ký", "Cấp đăng ký", "Ngày công nhận", "Cấp công nhận", "Xếp loại", "Quyết định".
std::string_view column_header(EntryColumn column) noexcept;
/// The English name of a column ("name", "registration_level"), as TableMapping matches it.
std::string_view to_string(EntryColumn column) noexcept;
/// The column of an English name; throws ValueError naming the accepted ones ("unknown column
/// \"ten\"; expected one of id, name, ...").
EntryColumn parse_entry_column(std::string_view text);

/// How a table's headers name the columns. A header names a column when, folded (case,
/// diacritics and runs of white space ignored), it equals the column's Vietnamese header, its
/// English name ("name", "registration_level") or one of the aliases.
struct TableMapping {
  std::vector<std::pair<std::string, EntryColumn>> aliases;  ///< e.g. {"Tên", name}
  /// The kind of every row of a table without a kind column (a list of "mô hình").
  std::optional<EntryKind> kind;
};

/// What an import did: the rows read (header excluded, blank rows skipped), the entries added,
/// the rows not taken, and the headers that name no column (their cells are not read).
struct TableImport {
  std::size_t rows = 0;                ///< rows read
  std::size_t added = 0;               ///< entries added (for a proposal list: events proposed)
  std::vector<TableProblem> problems;  ///< every row not taken, in row order
  std::vector<std::string> ignored_columns;  ///< headers that name no column
  std::size_t table = 0;  ///< the table of a .docx the rows came from (from 1); 0 otherwise
};

/// Reads a CSV table (UTF-8, a byte-order mark allowed; RFC 4180 quoting; cells separated by
/// ",", ";" or tabs, whichever the header row uses most) and adds an entry per row to the
/// registry (Registry::add, so every rule of the registry applies). Units, fields and grades
/// are taken by id or by folded name (a name must name one unit); kinds, subjects and levels by
/// their Vietnamese or English names; dates by parse_partial_date. Without an id column, the
/// entry of row N gets the id "row-N". A row that cannot be taken is skipped and reported with
/// its row and cell; nothing in it is guessed. Throws ParseError, located by row and cell, for
/// a table that cannot be read at all: malformed UTF-8, a quoted cell that never ends, a quote
/// inside an unquoted cell, no header row, a column named twice, no column for the name or the
/// unit, or no kind column and no TableMapping::kind.
TableImport import_entries_csv(std::string_view text, Registry& registry,
                               const TableMapping& mapping = {});

/// As import_entries_csv, from rows already split into cells (rows[0] is the header; the cells
/// are named by their column letter and the row's number). Throws ValueError ("row 1: no column
/// \"Đơn vị\"") where import_entries_csv throws ParseError for the header.
TableImport import_entries_rows(const std::vector<TableRow>& rows, Registry& registry,
                                const TableMapping& mapping = {});

/// What a proposal list (danh sách đề nghị khen thưởng, tờ trình) a subordinate unit sends
/// proposes for every row it names.
struct ProposalOptions {
  /// awarded (khen thưởng), commended (biểu dương) or recognised (công nhận: a list of
  /// đề nghị công nhận; such a list has no form)
  EventType type = EventType::awarded;
  std::optional<PartialDate> date;  ///< the date of the proposal; none: unknown
  std::optional<Level> level;       ///< the level the proposal asks for; none: unknown
  std::optional<std::string> by;    ///< the unit asked to give it (Event::by), an id
  /// The form (a form id or name) for rows of a table without a "Hình thức" column.
  std::optional<std::string> form;
  /// Headers of the list's own naming its columns, as TableMapping::aliases (the CLI's
  /// --columns): {"Tên MH", EntryColumn::name}; only name, unit and person are columns of a
  /// proposal list.
  std::vector<std::pair<std::string, EntryColumn>> aliases;
};

/// Reads a proposal list, rows already split into cells (rows[0] is the header: "Tên mô hình"
/// or "Tên mô hình, điển hình" or "Tên tập thể, cá nhân", "Đơn vị", optionally "Họ tên" / "Họ
/// và tên" / "Cá nhân", "Hình thức" / "Hình thức khen thưởng" / "Hình thức đề nghị"; "STT"
/// and other columns are ignored, named in TableImport::ignored_columns) and adds to the
/// entry each row names a proposed recognition, commendation or award (Registry::add_event:
/// status proposed, with the options' type, date, level and giver, the row's form or the
/// options' form; a recognition takes no form: a row with one is reported). A row names an
/// entry by its unit (id or folded name, as import_entries_rows) and its name (folded), and
/// by the person (folded) when the row gives one. A row that names no entry, or several, or
/// whose cells cannot be read is reported with its row and cell and changes nothing; a row
/// whose cells are all blank, or that holds one non-blank cell only (a section heading, "I.
/// TẬP THỂ"), is not a proposal. Throws ValueError for a header that cannot be mapped ("row 1:
/// no column \"Đơn vị\""), for no options.date ("the proposals have no date: give the date of
/// the list (an event needs one)"), for an unknown options.form, a form with type recognised,
/// or a type other than awarded, commended and recognised, or for an alias of a column a proposal
/// list does not have ("a proposal list has no column \"field\" (alias \"Lĩnh vực\"); its columns
/// are name, unit and person"). Messages about the header name its row as numbered (rows[0].number,
/// "row 3: no column
/// ...").
TableImport import_proposals_rows(const std::vector<TableRow>& rows, Registry& registry,
                                  const ProposalOptions& options);

/// The rows of render_entries_csv: the Vietnamese headers, then one row per entry.
std::vector<std::vector<std::string>> entries_table(const Registry& registry,
                                                    const std::vector<std::size_t>& indexes);

/// The entries at `indexes` as a CSV table with the Vietnamese headers (UTF-8 with a
/// byte-order mark, CRLF, RFC 4180 quoting): one row per entry with its first registration and
/// its first decided recognition (proposals and later events are not columns of the table);
/// dates in Vietnamese numeric form at their precision, units and fields by id, the rest by
/// Vietnamese name.
std::string render_entries_csv(const Registry& registry, const std::vector<std::size_t>& indexes);

}  // namespace danvan
