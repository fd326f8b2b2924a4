// Units and their hierarchy over time.
#include "common.hpp"
#include "views.hpp"

#include <pybind11/operators.h>

#include <algorithm>
#include <vector>

namespace danvan_py {

using danvan::Date;
using danvan::Level;
using danvan::Unit;
using danvan::UnitHierarchy;
using danvan::UnitKind;

void register_units(py::module_& m) {
  m.def(
      "vietnamese_name", [](UnitKind k) { return std::string(danvan::vietnamese_name(k)); },
      py::arg("value"), "The Vietnamese label of a unit kind: \"Ủy ban nhân dân\".");
  m.def(
      "vietnamese_name", [](Level l) { return std::string(danvan::vietnamese_name(l)); },
      py::arg("value"), "The Vietnamese label of a level: \"tỉnh\".");

  py::class_<Unit> unit(
      m, "Unit",
      "One unit (đơn vị) over its lifetime. valid_from/valid_to are datetime.date or None "
      "(open); valid_to is the last day (inclusive). The id lists read as tuples (copies).");
  unit.def(py::init([](std::string id, std::string name, UnitKind kind, Level level,
                       std::optional<std::string> parent_id, std::optional<Date> valid_from,
                       std::optional<Date> valid_to, std::vector<std::string> predecessor_ids,
                       std::vector<std::string> successor_ids, std::optional<std::string> code,
                       std::optional<std::string> basis) {
             return Unit{std::move(id),
                         std::move(name),
                         kind,
                         level,
                         std::move(parent_id),
                         valid_from,
                         valid_to,
                         std::move(predecessor_ids),
                         std::move(successor_ids),
                         std::move(code),
                         std::move(basis)};
           }),
           py::kw_only(), py::arg("id") = "", py::arg("name") = "",
           py::arg("kind") = UnitKind::other, py::arg("level") = Level::province,
           py::arg("parent_id") = py::none(), py::arg("valid_from") = py::none(),
           py::arg("valid_to") = py::none(),
           py::arg("predecessor_ids") = std::vector<std::string>{},
           py::arg("successor_ids") = std::vector<std::string>{}, py::arg("code") = py::none(),
           py::arg("basis") = py::none(),
           "A unit from keyword arguments; checked when added to a hierarchy.")
      .def_property("id", get_copy(&Unit::id), set_value(&Unit::id), "Stable id, [a-z0-9-]+.")
      .def_property("name", get_copy(&Unit::name), set_value(&Unit::name), "Vietnamese name.")
      .def_property("kind", get_copy(&Unit::kind), set_value(&Unit::kind), "The UnitKind.")
      .def_property("level", get_copy(&Unit::level), set_value(&Unit::level), "The Level.")
      .def_property("parent_id", get_copy(&Unit::parent_id), set_value(&Unit::parent_id),
                    "The parent unit's id, or None for a root.")
      .def_property("valid_from", get_copy(&Unit::valid_from), set_value(&Unit::valid_from),
                    "First day it existed (datetime.date), or None when open.")
      .def_property("valid_to", get_copy(&Unit::valid_to), set_value(&Unit::valid_to),
                    "Last day it existed, inclusive (datetime.date), or None when open.")
      .def_property(
          "predecessor_ids", [](const Unit& u) { return to_tuple(u.predecessor_ids); },
          [](Unit& u, std::vector<std::string> v) { u.predecessor_ids = std::move(v); },
          "Ids of the units it continues (merges, splits) (a tuple: a copy).")
      .def_property(
          "successor_ids", [](const Unit& u) { return to_tuple(u.successor_ids); },
          [](Unit& u, std::vector<std::string> v) { u.successor_ids = std::move(v); },
          "Ids of the units that carry it on (a tuple: a copy).")
      .def_property("code", get_copy(&Unit::code), set_value(&Unit::code),
                    "Official code (mã đơn vị hành chính) as a digit string, or None.")
      .def_property("basis", get_copy(&Unit::basis), set_value(&Unit::basis),
                    "The decision that created it (\"1660/NQ-UBTVQH15 khoản 82 Điều 1\"), or None.")
      .def("exists_on", &Unit::exists_on, py::arg("day"),
           "True when the unit exists on the datetime.date.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "Unit",
                               {"id", "name", "kind", "level", "parent_id", "valid_from",
                                "valid_to", "predecessor_ids", "successor_ids", "code", "basis"});
          },
          "Unit(id=..., name=..., kind=..., ...), fields at their defaults left out.");
  add_field_pickling(unit, {"id", "name", "kind", "level", "parent_id", "valid_from", "valid_to",
                            "predecessor_ids", "successor_ids", "code", "basis"});
  add_json_methods(unit);

  const auto units_of = [](const std::vector<const Unit*>& v) { return to_list(v); };

  py::class_<UnitHierarchy> hierarchy(
      m, "UnitHierarchy",
      "A set of units forming a forest over time, queried \"as of\" a datetime.date. "
      "len(h) is the number of units; iterating gives copies of the units in insertion order; "
      "`id in h` tests an id. Queries return lists of copies.");
  hierarchy
      .def(py::init([](std::vector<Unit> units) { return UnitHierarchy(std::move(units)); }),
           py::arg("units") = std::vector<Unit>{},
           "A hierarchy of the units, validated; raises danvan.ValueError listing every "
           "problem.")
      .def("add", &UnitHierarchy::add, py::arg("unit"),
           "Adds a copy of the unit without checking links (call validate() after a batch); "
           "raises danvan.ValueError on a duplicate or malformed id and other local problems.")
      .def("validate", &UnitHierarchy::validate,
           "Raises danvan.ValueError listing every inconsistency in .problems, each at its place "
           "in the hierarchy's JSON form (\"/units/3/parent\").")
      .def("find", &UnitHierarchy::find, py::arg("id"), py::return_value_policy::copy,
           "The unit with that id (a copy), or None.")
      .def("at", &UnitHierarchy::at, py::arg("id"), py::return_value_policy::copy,
           "The unit with that id (a copy); raises danvan.ValueError when missing.")
      .def_property_readonly(
          "units", [](const UnitHierarchy& h) { return to_tuple(h.units()); },
          "Every unit in insertion order (a tuple of copies).")
      .def("__len__", &UnitHierarchy::size, "The number of units.")
      .def(
          "__iter__",
          [](const py::object& self) {
            // Copies attached as items (views.hpp): the hierarchy has no replace(), so a change
            // to one raises instead of being lost.
            py::list l;
            for (const auto& u : self.cast<const UnitHierarchy&>().units()) {
              py::object o = py::cast(u);
              views::attach_item(o, self, "__iter__");
              l.append(std::move(o));
            }
            return py::iter(l);
          },
          "Iterates over copies of the units, in insertion order; changing one raises "
          "(copy.copy() it to change it alone).")
      .def(
          "__contains__",
          [](const UnitHierarchy& h, const py::handle& id) {
            return py::isinstance<py::str>(id) && h.find(id.cast<std::string>()) != nullptr;
          },
          py::arg("id"), "True when a unit has that id.")
      .def(
          "children",
          [units_of](const UnitHierarchy& h, std::optional<std::string_view> id, Date as_of) {
            return units_of(h.children(id.value_or(std::string_view()), as_of));
          },
          py::arg("id"), py::arg("as_of"),
          "Units existing on the day whose parent is `id` (the roots when `id` is None or \"\"), "
          "in insertion order.")
      .def(
          "ancestors",
          [units_of](const UnitHierarchy& h, std::string_view id, Date as_of) {
            return units_of(h.ancestors(id, as_of));
          },
          py::arg("id"), py::arg("as_of"), "The ancestors of a unit on the day, nearest first.")
      .def(
          "subtree",
          [units_of](const UnitHierarchy& h, std::string_view id, Date as_of) {
            return units_of(h.subtree(id, as_of));
          },
          py::arg("id"), py::arg("as_of"),
          "The unit and all its descendants existing on the day (pre-order).")
      .def("is_within", &UnitHierarchy::is_within, py::arg("id"), py::arg("ancestor_id"),
           py::arg("as_of"), "True when `id` is `ancestor_id` or below it on the day.")
      .def(
          "successors_on",
          [units_of](const UnitHierarchy& h, std::string_view id, Date day) {
            return units_of(h.successors_on(id, day));
          },
          py::arg("id"), py::arg("day"),
          "The units that carry a unit on at a later day: itself while it exists, else its "
          "successors followed transitively, each once.")
      .def(
          "carriers_on",
          [units_of](const UnitHierarchy& h, std::string_view id, Date day) {
            return units_of(h.carriers_on(id, day));
          },
          py::arg("id"), py::arg("day"),
          "The units that carry a unit's records on at the day (the registry's current_units "
          "rule): as successors_on, but a unit that ended without successors is carried by "
          "its parent's carriers.")
      .def(
          "carried_into",
          [units_of](const UnitHierarchy& h, std::string_view ancestor_id, Date day) {
            auto positions = h.carried_into(ancestor_id, day);
            std::sort(positions.begin(), positions.end());
            std::vector<const Unit*> units;
            units.reserve(positions.size());
            for (const auto p : positions) units.push_back(&h.units()[p]);
            return units_of(units);
          },
          py::arg("ancestor_id"), py::arg("day"),
          "The reverse of carriers_on: every unit whose records the ancestor or a unit within it "
          "carries on the day, each once, in insertion order.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__", [](py::handle self) { return kwargs_repr(self, "UnitHierarchy", {"units"}); },
          "UnitHierarchy(units=(...)).")
      .def(py::pickle([](const UnitHierarchy& h) { return to_tuple(h.units()); },
                      [](const py::tuple& units) {
                        // Added back as they were, without validation.
                        UnitHierarchy h;
                        for (const auto& u : units) h.add(u.cast<Unit>());
                        return h;
                      }))
      .def(
          "__copy__", [](const UnitHierarchy& h) { return UnitHierarchy(h); }, "A copy.")
      .def(
          "__deepcopy__",
          [](const UnitHierarchy& h, const py::handle&) { return UnitHierarchy(h); },
          py::arg("memo"), "A copy.");
  add_json_methods(
      hierarchy, [](const UnitHierarchy& h) { return danvan::to_json(h); },
      danvan::units_from_json);

  m.def("load_units", &danvan::load_units, py::arg("path"), release_gil(),
        "Reads a danvan/units document (str or os.PathLike), such as data/units/phu-yen.json, "
        "as a UnitHierarchy. Raises danvan.IoError or danvan.JsonError.");
  m.def("save_units", &danvan::save_units, py::arg("units"), py::arg("path"),
        "Validates the UnitHierarchy and writes it as canonical JSON, atomically. Raises "
        "danvan.ValueError (nothing is written) or danvan.IoError.");
}

}  // namespace danvan_py
