// The register of units (danvan/unit_register.hpp) from Python (issue 17): the bundled national
// register, look-ups by code, by id and by name as people write it, as of a day, both ways
// across the 2025 reorganisation; and an official list's differences applied as dated changes.
#include "common.hpp"
#include "locks.hpp"

#include "danvan/json.hpp"
#include "danvan/unit_list.hpp"
#include "danvan/unit_register.hpp"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace danvan_py {

namespace {

using danvan::Date;
using danvan::Level;
using danvan::Unit;
using danvan::UnitHierarchy;
using danvan::UnitRegister;

/// The bundled national register: $DANVAN_DATA_DIR/units/national/units.json, else the data
/// installed beside this package, else the data of the source tree it was built from. Raises
/// danvan.IoError naming the places looked at when none has it.
std::string bundled_units_path() {
  const std::filesystem::path file = std::filesystem::path("units") / "national" / "units.json";
  std::vector<std::filesystem::path> places;
  if (const char* dir = std::getenv("DANVAN_DATA_DIR"); dir != nullptr && *dir != '\0') {
    places.emplace_back(dir);
  }
  const auto core = py::module_::import("danvan._core").attr("__file__").cast<std::string>();
  places.push_back(std::filesystem::path(core).parent_path() / DANVAN_PYTHON_INSTALLED_DATA);
  places.emplace_back(DANVAN_PYTHON_SOURCE_DATA);
  std::string looked;
  for (const std::filesystem::path& place : places) {
    const std::filesystem::path path = (place / file).lexically_normal();
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path.string();
    looked += (looked.empty() ? "" : ", ") + path.string();
  }
  throw danvan::IoError("units/national/units.json",
                        "the bundled register is not installed (looked at " + looked +
                            "; set DANVAN_DATA_DIR to the folder holding units/)");
}

}  // namespace

/// A UnitRegister, or a UnitHierarchy made into one; raises a one-line TypeError otherwise.
/// `hold` keeps the register built from a hierarchy alive.
const UnitRegister& register_of(const py::handle& units, const char* function,
                                std::optional<UnitRegister>& hold) {
  if (py::isinstance<UnitRegister>(units)) return units.cast<const UnitRegister&>();
  if (py::isinstance<UnitHierarchy>(units)) {
    const auto& h = units.cast<const UnitHierarchy&>();
    {
      const ReleasedRead unlocked;
      hold.emplace(h);
    }
    return *hold;
  }
  throw py::type_error(std::string(function) +
                       "() argument 'units': expected danvan.UnitRegister or "
                       "danvan.UnitHierarchy, got " +
                       py::str(py::type::of(units).attr("__name__")).cast<std::string>());
}

void register_unit_register(py::module_& m) {
  const auto units_of = [](const std::vector<const Unit*>& v) { return to_list(v); };

  py::class_<UnitRegister> reg(
      m, "UnitRegister",
      "A validated unit hierarchy with indexes by official code and by name as people write it "
      "(sổ đơn vị hành chính), such as the bundled national register (load_unit_register()). "
      "Immutable; queries return lists of copies of the units. len(r) is the number of units "
      "over all time; `id in r` tests an id.");
  reg.def(py::init([](const UnitHierarchy& units) {
            const ReleasedRead unlocked;
            return UnitRegister(units);
          }),
          py::arg("units"),
          "A register of a copy of the UnitHierarchy, validated; raises danvan.ValueError listing "
          "every problem.")
      .def_property_readonly(
          "hierarchy", [](const UnitRegister& r) { return r.hierarchy(); },
          "The units as a UnitHierarchy (a copy).")
      .def("__len__", &UnitRegister::size, "The number of units, over all time.")
      .def(
          "__contains__",
          [](const UnitRegister& r, const py::handle& id) {
            return py::isinstance<py::str>(id) && r.find(id.cast<std::string>()) != nullptr;
          },
          py::arg("id"), "True when a unit has that id.")
      .def("find", &UnitRegister::find, py::arg("id"), py::return_value_policy::copy,
           "The unit with that id (a copy), or None.")
      .def(
          "by_code",
          [units_of](const UnitRegister& r, std::string_view code, std::optional<Date> day) {
            if (!day) return units_of(r.by_code(code));
            const Unit* u = r.by_code(code, *day);
            return units_of(u == nullptr ? std::vector<const Unit*>{}
                                         : std::vector<const Unit*>{u});
          },
          py::arg("code"), py::arg("day") = py::none(),
          "The units that carried the official code (codes are reused: Phường 1 of Tuy Hòa and "
          "Phường Tuy Hòa share 22015), earliest first; with a day, the one unit that carried it "
          "that day (a list of at most one).")
      .def("resolve", &UnitRegister::resolve, py::arg("id_or_code"), py::arg("day"),
           py::return_value_policy::copy,
           "The unit with that id, else the unit carrying that official code on the day; raises "
           "danvan.ValueError (\"no unit has id or code \\\"x\\\" on 2025-07-01\") when neither "
           "matches.")
      .def(
          "find_by_name",
          [units_of](const UnitRegister& r, std::string_view name, std::optional<Date> day,
                     std::optional<Level> level) {
            std::vector<const Unit*> found;
            {
              const py::gil_scoped_release unlocked;
              found = r.find_by_name(name, day, level);
            }
            return units_of(found);
          },
          py::arg("name"), py::arg("day") = py::none(), py::arg("level") = py::none(),
          "Units named so as people write it: case, diacritics and the type words (\"xã\", "
          "\"phường\", \"TP.\", \"huyện\", ...) ignored, a type word given must match; parts after "
          "a comma name ancestors (\"Hòa Phú, Buôn Ma Thuột\"). With a day, only units existing "
          "that day; with a level, only that level. Several results mean the name is ambiguous.")
      .def(
          "on",
          [units_of](const UnitRegister& r, Date day, std::optional<Level> level) {
            std::vector<const Unit*> found;
            {
              const py::gil_scoped_release unlocked;
              found = r.on(day, level);
            }
            return units_of(found);
          },
          py::arg("day"), py::arg("level") = py::none(),
          "Every unit existing on the day (of one level when given), in register order.")
      .def("count_on", &UnitRegister::count_on, py::arg("day"), py::arg("level"), release_gil(),
           "How many units of the level exist on the day.")
      .def(
          "successors_on",
          [units_of](const UnitRegister& r, std::string_view id, Date day) {
            return units_of(r.successors_on(id, day));
          },
          py::arg("id"), py::arg("day"),
          "What the unit is on a later day (\"what is this 2023 commune today?\"): itself while "
          "it exists, else its successors followed through every change, each once. Raises "
          "danvan.ValueError for an unknown id.")
      .def(
          "predecessors_on",
          [units_of](const UnitRegister& r, std::string_view id, Date day) {
            return units_of(r.predecessors_on(id, day));
          },
          py::arg("id"), py::arg("day"),
          "What the unit came from, as the units existing on an earlier day (\"what did this "
          "2026 commune come from?\"). Raises danvan.ValueError for an unknown id.")
      .def(
          "parent_of",
          [](const UnitRegister& r, std::string_view id) -> std::optional<Unit> {
            const Unit* parent = r.parent_of(r.hierarchy().at(id));
            return parent == nullptr ? std::nullopt : std::optional<Unit>(*parent);
          },
          py::arg("id"),
          "The parent of the unit with that id (a copy), or None for a root; raises "
          "danvan.ValueError for an unknown id.")
      .def(
          "__repr__",
          [](const UnitRegister& r) {
            return "<UnitRegister: " + std::to_string(r.size()) + " units>";
          },
          "<UnitRegister: N units>.")
      .def(py::pickle(
          [](const UnitRegister& r) { return py::make_tuple(r.hierarchy()); },
          [](const py::tuple& state) { return UnitRegister(state[0].cast<UnitHierarchy>()); }));

  m.def("bundled_units_path", &bundled_units_path,
        "The path of the bundled national register (data/units/national/units.json): under "
        "$DANVAN_DATA_DIR when set, else the data installed with danvan, else the data of the "
        "source tree danvan was built from. Raises danvan.IoError when none has it.");
  m.def(
      "load_unit_register",
      [](const std::optional<std::filesystem::path>& path) {
        const std::filesystem::path file =
            path ? *path : std::filesystem::path(bundled_units_path());
        const py::gil_scoped_release unlocked;
        return UnitRegister(danvan::load_units(file));
      },
      py::arg("path") = py::none(),
      "Reads a danvan/units document (str or os.PathLike; the bundled national register when "
      "None) as a UnitRegister. Raises danvan.IoError, danvan.JsonError, or danvan.ValueError "
      "for units that do not form a valid hierarchy.");

  py::class_<danvan::UnitListUpdate>(
      m, "UnitListUpdate",
      "What apply_unit_list gave: the units with the list's changes (a UnitHierarchy), the "
      "comparison they come from, and the ids added, ended and continued.")
      .def_property_readonly(
          "units", [](const danvan::UnitListUpdate& u) { return u.units; },
          "The units with the changes applied, validated (a UnitHierarchy; a copy).")
      .def_property_readonly(
          "comparison", [](const danvan::UnitListUpdate& u) { return u.comparison; },
          "The differences applied (compare_unit_list's result; a copy).")
      .def_property_readonly(
          "added", [](const danvan::UnitListUpdate& u) { return to_tuple(u.added); },
          "Ids of the units the list adds, valid from the day (a tuple).")
      .def_property_readonly(
          "ended", [](const danvan::UnitListUpdate& u) { return to_tuple(u.ended); },
          "Ids of the units that end the day before (a tuple).")
      .def_property_readonly(
          "continued",
          [](const danvan::UnitListUpdate& u) {
            py::list out;
            for (const auto& [from, to] : u.continued) out.append(py::make_tuple(from, to));
            return py::tuple(out);
          },
          "(old id, new id) of every unit continued by a new one from the day: renamed, moved, "
          "or below a unit continued (a tuple of pairs).")
      .def(
          "__repr__",
          [](const danvan::UnitListUpdate& u) {
            return "<UnitListUpdate: " + std::to_string(u.added.size()) + " added, " +
                   std::to_string(u.ended.size()) + " ended, " +
                   std::to_string(u.continued.size()) + " continued>";
          },
          "<UnitListUpdate: N added, N ended, N continued>.");

  m.def(
      "apply_unit_list",
      [](const danvan::UnitList& list, const py::handle& units, Date day,
         std::optional<std::string> basis) {
        std::optional<UnitRegister> hold;
        const UnitRegister& r = register_of(units, "apply_unit_list", hold);
        const ReleasedRead unlocked;
        return danvan::apply_unit_list(list, r, day, basis);
      },
      py::arg("list"), py::arg("units"), py::arg("day"), py::kw_only(),
      py::arg("basis") = py::none(),
      "Applies the differences between the units (a UnitRegister or UnitHierarchy) on `day` and "
      "the official list as changes dated `day`, the day you give (the list dates nothing): an "
      "added unit begins on the day (id \"p\", \"d\" or \"c\" + code), an ended one ends the day "
      "before without a successor, a renamed or moved one is continued by a new unit (its id "
      "+ \"-YYYYMMDD\"), and so is every unit below one continued. `basis` (the decision "
      "followed) is recorded on every new unit. Raises danvan.ValueError naming every problem "
      "(rows not taken, a unit that begins on the day, a unit without a code that would outlive "
      "its parent, ...).");
}

}  // namespace danvan_py
