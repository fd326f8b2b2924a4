// The official list of units (danh mục đơn vị hành chính, danvan/unit_list.hpp) from Python:
// read_unit_list (a CSV file, or an .xlsx when danvan::formats is linked), read_unit_list_csv
// (text) and compare_unit_list against a UnitHierarchy on a day.
#include "common.hpp"
#include "locks.hpp"

#include "danvan/io.hpp"
#include "danvan/unit_list.hpp"
#include "danvan/unit_register.hpp"

#ifdef DANVAN_PYTHON_FORMATS
#include "danvan/document_text.hpp"
#include "danvan/unit_list_sheet.hpp"
#endif

#include <pybind11/operators.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>

namespace danvan_py {

namespace {

using danvan::ListedUnit;
using danvan::TableProblem;
using danvan::UnitList;
using danvan::UnitListChange;
using danvan::UnitListComparison;
using danvan::UnitListMapping;

/// {"Mã ĐVHC": "commune_code"} as the list's column aliases; a column name that is none of the
/// seven raises danvan.ValueError naming the accepted ones.
UnitListMapping mapping_of(const std::optional<std::map<std::string, std::string>>& columns) {
  UnitListMapping mapping;
  if (!columns) return mapping;
  for (const auto& [header, column] : *columns) {
    mapping.aliases.emplace_back(header, danvan::parse_unit_list_column(column));
  }
  return mapping;
}

/// True for an .xlsx (or an .xls, which the reader names as such) by its name or its bytes.
bool is_workbook(const std::filesystem::path& path, const std::string& bytes) {
  std::string suffix = path.extension().string();
  std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (suffix == ".xlsx" || suffix == ".xlsm" || suffix == ".xls") return true;
#ifdef DANVAN_PYTHON_FORMATS
  return danvan::looks_like_workbook(bytes);
#else
  return bytes.starts_with("PK\x03\x04");
#endif
}

UnitList read_list(const std::filesystem::path& path,
                   const std::optional<std::map<std::string, std::string>>& columns,
                   const std::optional<std::string>& sheet, std::size_t header_row) {
  const UnitListMapping mapping = mapping_of(columns);
  const std::string bytes = danvan::read_file(path);
  const std::string name = path.string();
  if (!is_workbook(path, bytes)) {
    if (sheet || header_row != 1) {
      throw danvan::ValueError(name + ": sheet and header_row go with an .xlsx list");
    }
    try {
      return danvan::read_unit_list_csv(bytes, mapping);
    } catch (const danvan::ValueError& e) {
      throw danvan::ValueError(name + ": " + e.what());
    }
  }
#ifdef DANVAN_PYTHON_FORMATS
  try {
    return danvan::read_unit_list_xlsx(bytes, name, mapping, sheet.value_or(""), header_row);
  } catch (const danvan::DocumentError&) {
    throw;  // names the file already
  } catch (const danvan::ValueError& e) {
    throw danvan::ValueError(name + ": " + e.what());
  }
#else
  throw danvan::ValueError(name + ": danvan was built without .xlsx support (danvan::formats)");
#endif
}

/// "Name(a=1, b='x')" with every field (these classes have no constructor to take defaults
/// from, so kwargs_repr does not fit).
std::string fields_repr(py::handle self, const char* name,
                        std::initializer_list<const char*> fields) {
  std::string out = std::string(name) + "(";
  for (const char* field : fields) {
    if (out.back() != '(') out += ", ";
    out += std::string(field) + "=" + py::repr(self.attr(field)).cast<std::string>();
  }
  return out + ")";
}

}  // namespace

// unit_register.cpp: a UnitRegister argument, or a UnitHierarchy made into one (held by `hold`).
const danvan::UnitRegister& register_of(const py::handle& units, const char* function,
                                        std::optional<danvan::UnitRegister>& hold);

void register_unit_list(py::module_& m) {
  py::class_<TableProblem> problem(
      m, "TableProblem",
      "A row of a table that was not taken: its row (the header being row 1), the cell (\"C4\", "
      "\"\" when the problem is the row's) and why. str() gives \"row 4, cell C4: ...\".");
  problem.def_readonly("row", &TableProblem::row, "The row number, as the source shows it.")
      .def_readonly("cell", &TableProblem::cell, "The cell (\"C4\"), or \"\" for the whole row.")
      .def_readonly("message", &TableProblem::message, "Why the row was not taken.")
      .def(
          "__str__", [](const TableProblem& p) { return danvan::to_string(p); },
          "\"row 4, cell C4: ...\" or \"row 4: ...\".")
      .def(
          "__repr__",
          [](py::handle self) {
            return fields_repr(self, "TableProblem", {"row", "cell", "message"});
          },
          "TableProblem(row=..., cell=..., message=...).")
      .def(py::self == py::self)
      .def(py::self != py::self);

  py::class_<ListedUnit> listed(
      m, "ListedUnit",
      "A unit the official list names: its code (zero-padded to 2, 3 or 5 digits), name as "
      "written (with the \"Cấp\" word in front when the name lacked a type word), level, its "
      "parent's code (\"\" for a province) and the first row that names it.");
  listed.def_readonly("code", &ListedUnit::code, "The official code, zero-padded.")
      .def_readonly("name", &ListedUnit::name, "The name as written.")
      .def_readonly("level", &ListedUnit::level, "Level.province, district or commune.")
      .def_readonly("parent_code", &ListedUnit::parent_code,
                    "The parent's code; \"\" for a province.")
      .def_readonly("row", &ListedUnit::row, "The first row that names the unit.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return fields_repr(self, "ListedUnit", {"code", "name", "level", "parent_code", "row"});
          },
          "ListedUnit(code=..., name=..., ...).");

  py::class_<UnitList>(m, "UnitList",
                       "What reading an official list gave: the rows read (the header and blank "
                       "rows not counted), the units in the order first named, the rows not "
                       "taken and the headers that name no column.")
      .def_readonly("rows", &UnitList::rows, "Rows read, the header and blank rows not counted.")
      .def_readonly("has_districts", &UnitList::has_districts,
                    "True when the list has district columns (lists before 2025-07-01).")
      .def_property_readonly(
          "units", [](const UnitList& l) { return to_tuple(l.units); },
          "The ListedUnits in the order the list first names them (a tuple).")
      .def_property_readonly(
          "problems", [](const UnitList& l) { return to_tuple(l.problems); },
          "The rows not taken, as TableProblems in row order (a tuple).")
      .def_property_readonly(
          "ignored_columns", [](const UnitList& l) { return to_tuple(l.ignored_columns); },
          "The headers that name no column (their cells are not read) (a tuple).")
      .def(
          "__repr__",
          [](const UnitList& l) {
            return "<UnitList: " + std::to_string(l.rows) + " rows, " +
                   std::to_string(l.units.size()) + " units, " + std::to_string(l.problems.size()) +
                   " problems>";
          },
          "<UnitList: N rows, N units, N problems>.");

  py::class_<UnitListChange> change(
      m, "UnitListChange",
      "A difference between the list and the units on the list's day: kind is \"added\" (a "
      "code no unit of that level has that day), \"ended\" (a unit with a code the list does "
      "not name), \"renamed\" (listed is the list's name) or \"moved\" (listed is the list's "
      "parent code, before the units').");
  change
      .def_property_readonly(
          "kind", [](const UnitListChange& c) { return std::string(danvan::to_string(c.kind)); },
          "\"added\", \"ended\", \"renamed\" or \"moved\".")
      .def_readonly("level", &UnitListChange::level, "The unit's Level.")
      .def_readonly("code", &UnitListChange::code, "The unit's official code.")
      .def_readonly("unit_id", &UnitListChange::unit_id, "The unit's id (\"\" when added).")
      .def_readonly("name", &UnitListChange::name,
                    "The name the units give (the list's when added).")
      .def_readonly("listed", &UnitListChange::listed,
                    "renamed: the list's name; moved: the list's parent code; else \"\".")
      .def_readonly("before", &UnitListChange::before,
                    "moved: the parent's code in the units; else \"\".")
      .def_readonly("row", &UnitListChange::row, "The list's row (0 when ended).")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return fields_repr(
                self, "UnitListChange",
                {"kind", "level", "code", "unit_id", "name", "listed", "before", "row"});
          },
          "UnitListChange(kind=..., level=..., ...).");

  py::class_<UnitListComparison>(m, "UnitListComparison",
                                 "What compare_unit_list found: the changes (provinces first, "
                                 "then by code), how many units were compared and how many "
                                 "could not be, having no code.")
      .def_property_readonly(
          "changes", [](const UnitListComparison& c) { return to_tuple(c.changes); },
          "The UnitListChanges, by level (provinces first), then code (a tuple).")
      .def_readonly("compared", &UnitListComparison::compared,
                    "Units existing on the day that the list names.")
      .def_readonly("not_compared", &UnitListComparison::not_compared,
                    "Units existing on the day without a code (not compared).")
      .def(
          "__repr__",
          [](const UnitListComparison& c) {
            return "<UnitListComparison: " + std::to_string(c.changes.size()) + " changes, " +
                   std::to_string(c.compared) + " compared>";
          },
          "<UnitListComparison: N changes, N compared>.");

  m.def("read_unit_list", &read_list, py::arg("path"), py::kw_only(),
        py::arg("columns") = py::none(), py::arg("sheet") = py::none(), py::arg("header_row") = 1,
        release_gil(),
        "Reads the statistics office's list of units (str or os.PathLike): an .xlsx (by its "
        "name or its bytes; the first sheet, or `sheet`, headers on `header_row`) or a CSV "
        "table (headers on the first row). `columns` maps headers the defaults do not know to "
        "province_code, province, district_code, district, commune_code, commune or "
        "commune_type. Rows not taken are in UnitList.problems; raises danvan.ValueError "
        "naming the file for a header that cannot be mapped, danvan.IoError when unreadable.");
  m.def(
      "read_unit_list_csv",
      [](std::string_view text, const std::optional<std::map<std::string, std::string>>& columns) {
        return danvan::read_unit_list_csv(text, mapping_of(columns));
      },
      py::arg("text"), py::kw_only(), py::arg("columns") = py::none(),
      "Reads the official list from CSV text (str or UTF-8 bytes), as read_unit_list reads a "
      "CSV file. Raises danvan.ParseError for text that is no table or a header that cannot be "
      "mapped.");
  m.def(
      "compare_unit_list",
      [](const UnitList& list, const py::handle& units, danvan::Date day) {
        std::optional<danvan::UnitRegister> hold;
        const danvan::UnitRegister& reg = register_of(units, "compare_unit_list", hold);
        const ReleasedRead unlocked;
        return danvan::compare_unit_list(list, reg, day);
      },
      py::arg("list"), py::arg("units"), py::arg("day"),
      "Every unit added, ended, renamed or moved between the units (a UnitRegister or "
      "UnitHierarchy) on `day` (a "
      "datetime.date: the list's day) and the list, as a UnitListComparison. Only the levels "
      "the list has are compared (districts only when it has district columns).");
}

}  // namespace danvan_py
