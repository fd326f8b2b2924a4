// The official list of administrative units as the statistics office publishes it (danh mục
// đơn vị hành chính: an Excel or CSV table with a row per commune-level unit, its province and,
// until 30/06/2025, its district), and what changed against a register on the list's day.
#pragma once

#include "danvan/date.hpp"
#include "danvan/table.hpp"
#include "danvan/unit.hpp"
#include "danvan/unit_register.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace danvan {

/// What a column of the official list holds.
enum class UnitListColumn : std::uint8_t {
  province_code,  ///< "Mã TP", "Mã tỉnh"
  province,       ///< "Tỉnh Thành Phố", "Tỉnh / Thành phố", "Tên tỉnh"
  district_code,  ///< "Mã QH", "Mã huyện" (lists before 01/07/2025)
  district,       ///< "Quận Huyện", "Tên huyện"
  commune_code,   ///< "Mã PX", "Mã xã"
  commune,        ///< "Phường Xã", "Tên xã"
  commune_type,   ///< "Cấp": Xã, Phường, Thị trấn, Đặc khu
};

/// The English name of a column: "province_code", "province", "district_code", "district",
/// "commune_code", "commune", "commune_type".
std::string_view to_string(UnitListColumn column) noexcept;
/// The column of an English name; throws ValueError naming the accepted values.
UnitListColumn parse_unit_list_column(std::string_view text);

/// How a list's headers name the columns. A header names a column when, folded (case,
/// diacritics, white space and "/" ignored), it equals one of the names above, the column's
/// English name ("province_code") or one of the aliases.
struct UnitListMapping {
  std::vector<std::pair<std::string, UnitListColumn>> aliases;  ///< e.g. {"Mã ĐVHC", commune_code}
};

/// A unit the list names: its official code (zero-padded to 2, 3 or 5 digits, as Excel drops
/// leading zeros), its name as written (with the "Cấp" word in front when the name lacks a type
/// word: "Xã" + "Hòa An"), its level, its parent's code (empty for a province) and the first row
/// that names it.
struct ListedUnit {
  std::string code;              ///< the official code, zero-padded
  std::string name;              ///< the name as written (with the "Cấp" word when it lacked one)
  Level level = Level::commune;  ///< province, district or commune
  std::string parent_code;       ///< the parent's code; empty for a province
  std::size_t row = 0;           ///< the first row that names the unit
  friend bool operator==(const ListedUnit&, const ListedUnit&) = default;
};

/// What reading a list gave: the rows read (header excluded, blank rows skipped), the units in
/// the order the list first names them (provinces, districts and communes mixed), the rows not
/// taken with their row and cell, and the headers that name no column (not read).
struct UnitList {
  std::size_t rows = 0;                      ///< rows read, the header and blank rows not counted
  bool has_districts = false;                ///< the list has district columns
  std::vector<ListedUnit> units;             ///< the units, in the order first named
  std::vector<TableProblem> problems;        ///< the rows not taken, with row and cell
  std::vector<std::string> ignored_columns;  ///< headers that name no column
};

/// Reads the official list from a CSV table (read_csv_table: its ParseErrors) whose first row
/// is the header. Needs columns for the province's code and name and the commune's code and
/// name; the district's code and name go together (a row with the district's cells and empty
/// commune cells names a district without communes). A row is taken whole or not at all: it is
/// reported (row and cell) and skipped for an empty or non-numeric code, a code too long for its
/// level, an empty name, an unknown "Cấp", a commune code listed before, or a province or
/// district code that an earlier row gives another name or parent. Throws ParseError ("row 1:
/// no column \"Mã PX\"", "row 1, cell C1: the column \"Mã TP\" is named twice (A1 and C1)",
/// "row 1: no header row") when the header cannot be mapped.
UnitList read_unit_list_csv(std::string_view text, const UnitListMapping& mapping = {});
/// As read_unit_list_csv, from rows already split into cells (rows[0] is the header), as a
/// spreadsheet gives them; throws ValueError where read_unit_list_csv throws ParseError.
UnitList read_unit_list_rows(const std::vector<TableRow>& rows,
                             const UnitListMapping& mapping = {});

/// A difference between the list and a register on the list's day.
struct UnitListChange {
  /// What changed.
  enum class Kind : std::uint8_t {
    added,  ///< the list has a code the register has at no unit of that level on the day
    ended,  ///< a unit of the register on the day, with a code, that the list does not name
    /// same code, another name: another unit_name_key, or another type word when both names
    /// have one ("Xã Hòa Vinh" to "Phường Hòa Vinh"; "TP. Huế" and "Thành phố Huế" are one name)
    renamed,
    moved,  ///< same code, another parent
  };
  Kind kind = Kind::added;       ///< what changed
  Level level = Level::commune;  ///< the unit's level
  std::string code;              ///< the unit's official code
  std::string unit_id;           ///< the register's unit (empty when added)
  std::string name;              ///< the register's name (the list's when added)
  std::string listed;            ///< renamed: the list's name; moved: the list's parent code
  std::string before;            ///< moved: the register's parent code
  std::size_t row = 0;           ///< the list's row (0 when ended)
  friend bool operator==(const UnitListChange&, const UnitListChange&) = default;
};
/// "added", "ended", "renamed", "moved".
std::string_view to_string(UnitListChange::Kind kind) noexcept;

/// What compare_unit_list found.
struct UnitListComparison {
  std::vector<UnitListChange> changes;  ///< by level (provinces first), then code
  std::size_t compared = 0;             ///< units of the register on the day that the list names
  std::size_t not_compared = 0;         ///< units of the register on the day without a code
};
/// What changed between the register on `day` and the list: every unit added, ended, renamed
/// or moved. A listed unit is the register's unit of the same level with its code on the day.
/// Only the levels the list has are compared (districts only when it has district columns);
/// the register's units without a code on the day are not compared, and `not_compared` counts
/// them. A commune's parent is compared at the list's parent level (its district, or its
/// province in a list without districts).
UnitListComparison compare_unit_list(const UnitList& list, const UnitRegister& units, Date day);

/// The register with a list's differences applied as dated changes: what apply_unit_list gave.
struct UnitListUpdate {
  UnitHierarchy units;             ///< the register's units with the changes, validated
  UnitListComparison comparison;   ///< the differences applied (compare_unit_list's result)
  std::vector<std::string> added;  ///< ids of the units the list adds, valid from the day
  std::vector<std::string> ended;  ///< ids of the units that end the day before
  /// (old id, new id) of every unit continued by a new one from the day: renamed, moved, or
  /// under a parent that is continued
  std::vector<std::pair<std::string, std::string>> continued;
};

/// Applies the differences between the register on `day` and the list (compare_unit_list) as
/// changes dated `day`, the day the caller gives (the list's day; the list itself dates nothing):
/// - added: a new unit (kind administrative_unit; the list's code, name and level; its parent the
///   unit with the listed parent code on `day`, or one added with it), valid from `day`, id
///   "p", "d" or "c" + the code (+ "-YYYYMMDD" of `day` when that id is taken), no predecessor;
/// - ended: its valid_to becomes the day before `day`, without a successor (the list does not
///   say what carries it on);
/// - renamed or moved: the unit ends the day before `day` and a new unit (the same code and
///   kind, the list's name and parent) continues it from `day`, linked as predecessor and
///   successor, with the old unit's valid_to and successors; its id is the old id without a
///   "-YYYYMMDD" suffix, + "-YYYYMMDD" of `day`. Every unit below it is continued the same way
///   (a unit whose parent changes is two units).
/// `basis` (the decision the changes follow) is recorded on every new unit when given.
/// Throws ValueError naming every problem ("cannot apply the list on 2026-01-01: ...; ...")
/// when the list has rows not taken, a unit to end or continue begins on `day` itself, a listed
/// parent code names no unit of its level on `day`, a unit the list cannot name (no code, or a
/// level the list lacks) would outlive its parent, a commune would move out of its district in a
/// list without districts, or a new id is taken.
UnitListUpdate apply_unit_list(const UnitList& list, const UnitRegister& units, Date day,
                               const std::optional<std::string>& basis = std::nullopt);

}  // namespace danvan
