// danvan._core: proposal lists in (issue 14), added to the bound Registry class:
// Registry.import_proposals reads the list (danh sách đề nghị khen thưởng) a unit sends, as a
// .docx or an .xlsx, into proposed recognitions or commendations of the registry's entries;
// TableImport says what it did. Registry.decide turns a proposal into a decision.
#include "common.hpp"

#include "danvan/io.hpp"
#include "danvan/registry.hpp"
#include "danvan/registry_table.hpp"

#ifdef DANVAN_PYTHON_FORMATS
#include "danvan/registry_sheets.hpp"
#endif

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>

// (as registry.cpp converts it: a member or its name)
DANVAN_PY_ENUM_CASTER(danvan::EventType, "danvan.EventType")

namespace danvan_py {

using danvan::Registry;
using danvan::TableImport;

namespace {

/// The list's bytes and the name messages give it: a path is read (named as given), bytes are
/// "<bytes>"; whether it is an .xlsx (by the path's extension, else by its bytes).
struct ListSource {
  std::string bytes;
  std::string name;
  bool xlsx = false;
};

ListSource source_of(const py::object& source) {
  ListSource s;
  std::string suffix;
  if (py::isinstance<py::bytes>(source)) {
    s.bytes = source.cast<std::string>();
    s.name = "<bytes>";
  } else {
    if (!py::isinstance<py::str>(source) && !py::hasattr(source, "__fspath__")) {
      throw py::type_error("source is a path (str or os.PathLike) or the file's bytes, not " +
                           py::type::of(source).attr("__name__").cast<std::string>());
    }
    const auto path = source.cast<std::filesystem::path>();
    s.bytes = danvan::read_file(path);
    s.name = path.string();
    suffix = path.extension().string();
    std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  if (suffix == ".xlsx" || suffix == ".xlsm") {
    s.xlsx = true;
  } else if (suffix != ".docx") {
    // A .docx and an .xlsx are both zip archives: an .xlsx has its workbook part.
    s.xlsx = s.bytes.find("xl/workbook.xml") != std::string::npos;
  }
  return s;
}

TableImport import_proposals(Registry& r, const py::object& source, danvan::EventType type,
                             const std::optional<danvan::PartialDate>& date,
                             std::optional<danvan::Level> level, std::optional<std::string> by,
                             std::optional<std::string> form,
                             const std::optional<std::map<std::string, std::string>>& columns,
                             const std::optional<std::string>& sheet,
                             std::optional<std::size_t> header_row) {
  danvan::ProposalOptions o;
  o.type = type;
  o.date = date;
  o.level = level;
  if (by && r.units().find(*by) == nullptr) {
    throw danvan::ValueError("by: unknown unit \"" + *by + "\"");
  }
  o.by = std::move(by);
  o.form = std::move(form);
  if (columns) {
    for (const auto& [header, column] : *columns) {
      o.aliases.emplace_back(header, danvan::parse_entry_column(column));
    }
  }
  const ListSource s = source_of(source);
#ifdef DANVAN_PYTHON_FORMATS
  if (!s.xlsx && (sheet || header_row)) {
    throw danvan::ValueError(s.name + ": sheet and header_row go with an .xlsx list");
  }
  try {
    return s.xlsx ? danvan::import_proposals_xlsx(s.bytes, s.name, r, o, sheet.value_or(""),
                                                  header_row.value_or(0))
                  : danvan::import_proposals_docx(s.bytes, s.name, r, o);
  } catch (const danvan::DocumentError&) {
    throw;  // names the file already
  } catch (const danvan::ValueError& e) {
    throw danvan::ValueError(s.name + ": " + e.what());
  }
#else
  (void)sheet, (void)header_row;
  throw danvan::ValueError(s.name +
                           ": danvan was built without .docx and .xlsx support (danvan::formats)");
#endif
}

/// Registry.decide: the proposal at `event_index` (negatives count from the end) decided.
void decide(Registry& r, const std::string& entry_id, long long event_index,
            const std::optional<danvan::PartialDate>& date, std::optional<std::string> decision,
            std::optional<danvan::Level> level, std::optional<std::string> by,
            std::optional<std::string> grade, std::optional<std::string> form) {
  const auto found = r.find(entry_id);
  if (!found) throw danvan::ValueError("unknown entry \"" + entry_id + "\"");
  const auto count = static_cast<long long>(r.entry(*found).events.size());
  const long long k = event_index < 0 ? event_index + count : event_index;
  if (k < 0 || k >= count) {
    throw py::index_error("entry \"" + entry_id + "\": no event " + std::to_string(event_index) +
                          " (it has " + std::to_string(count) + ")");
  }
  r.decide(entry_id, static_cast<std::size_t>(k),
           danvan::ProposalDecision{date, std::move(decision), level, std::move(by),
                                    std::move(grade), std::move(form)});
}

}  // namespace

void register_registry_proposals(py::module_& m) {
  py::class_<TableImport>(
      m, "TableImport",
      "What an import of a table did: the rows read (the header, blank rows and section rows "
      "not counted), the entries added (for a proposal list: proposals added), the rows not "
      "taken and the headers that name no column.")
      .def_readonly("rows", &TableImport::rows, "Rows read.")
      .def_readonly("added", &TableImport::added,
                    "Entries added (for a proposal list: proposed events added).")
      .def_property_readonly(
          "problems", [](const TableImport& t) { return to_tuple(t.problems); },
          "The rows not taken, as TableProblems in row order (a tuple).")
      .def_property_readonly(
          "ignored_columns", [](const TableImport& t) { return to_tuple(t.ignored_columns); },
          "The headers that name no column (their cells are not read) (a tuple).")
      .def_readonly("table", &TableImport::table,
                    "The table of a .docx the rows came from (from 1); 0 for an .xlsx.")
      .def(
          "__repr__",
          [](const TableImport& t) {
            return "<TableImport: " + std::to_string(t.added) + " of " + std::to_string(t.rows) +
                   " rows added, " + std::to_string(t.problems.size()) + " problems>";
          },
          "<TableImport: N of N rows added, N problems>.");

  const py::object cls = m.attr("Registry");
  cls.attr("import_proposals") = py::cpp_function(
      import_proposals, py::name("import_proposals"), py::is_method(cls), py::arg("source"),
      py::kw_only(), py::arg("type") = danvan::EventType::awarded, py::arg("date") = py::none(),
      py::arg("level") = py::none(), py::arg("by") = py::none(), py::arg("form") = py::none(),
      py::arg("columns") = py::none(), py::arg("sheet") = py::none(),
      py::arg("header_row") = py::none(),
      "Reads a proposal list (danh sách đề nghị khen thưởng) a unit sent, as a .docx or an "
      ".xlsx (a path, str or os.PathLike, by its extension; or the file's bytes), and adds to "
      "each entry a row names (by unit and name, and by the person when given) a proposed "
      "award (type=EventType.commended: a commendation; EventType.recognised: a recognition, "
      "which takes no form) with the row's form or `form`, dated "
      "`date`, at `level`, to be given by the unit `by`. A .docx: its first table naming the "
      "columns; an .xlsx: its first sheet (or `sheet`), the header the first of its first 20 "
      "rows naming the columns (or `header_row`). `columns` names headers of the list's own "
      "({\"Tên MH\": \"name\"}: name, unit or person). Rows that name no entry or several are "
      "TableImport.problems (row and cell) and change nothing; raises danvan.ValueError "
      "(naming the file) for a list whose columns cannot be found, danvan.DocumentError for a "
      "file that is no .docx or .xlsx.");
  cls.attr("decide") = py::cpp_function(
      decide, py::name("decide"), py::is_method(cls), py::arg("entry_id"), py::arg("event_index"),
      py::kw_only(), py::arg("date") = py::none(), py::arg("decision") = py::none(),
      py::arg("level") = py::none(), py::arg("by") = py::none(), py::arg("grade") = py::none(),
      py::arg("form") = py::none(),
      "Decides a proposal: the proposed recognition, commendation or award at `event_index` "
      "(from 0; negatives count from the end) of the entry becomes decided, with `date` (the "
      "decision's; default the proposal's), `decision` (its number and symbol), `level`, `by` "
      "(a unit id), `grade` (a recognition's) or `form` (a commendation's or award's) where "
      "given. The entry is checked as add() checks it. Raises danvan.ValueError for an unknown "
      "entry, an event that is not a proposal or add()'s problems (the registry is then "
      "unchanged), IndexError for no such event.");
}

}  // namespace danvan_py
