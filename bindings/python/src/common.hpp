// danvan._core: what every binding translation unit shares.
//
// - Type casters: boost::gregorian::date <-> datetime.date (never pybind11's chrono casters,
//   which go through the local time zone), and danvan's enums <-> the real `enum.Enum`
//   subclasses created in enums.cpp (values are the JSON slugs: UnitKind("peoples_committee")).
//   These specialisations must be visible in every translation unit that converts the types,
//   so every binding source includes this header first.
// - Helpers for the conventions of the Python API: sequences read as tuples of copies,
//   constructor-like reprs, pickling by fields, JSON <-> Python objects.
#pragma once

#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <danvan/date.hpp>
#include <danvan/document_type.hpp>
#include <danvan/error.hpp>
#include <danvan/instrument.hpp>
#include <danvan/json.hpp>
#include <danvan/period.hpp>
#include <danvan/plan.hpp>
#include <danvan/registry.hpp>
#include <danvan/render.hpp>
#include <danvan/symbol.hpp>
#include <danvan/text.hpp>
#include <danvan/unit.hpp>
#include <danvan/version.hpp>
#include <danvan/workflow.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace danvan_py {

namespace py = pybind11;

// ---------------------------------------------------------------------------------------------
// Enums

/// The Python enum class of a C++ enum and its members, indexed by the underlying value.
/// Filled once by make_enum() in enums.cpp; the references are kept for the life of the
/// process (the module never goes away once imported).
struct EnumClass {
  PyObject* cls = nullptr;
  std::vector<PyObject*> members;
};

template <class E>
EnumClass& enum_class() {
  static EnumClass c;
  return c;
}

/// True when `o` is a member of some `enum.Enum` (of any class).
bool is_enum_member(py::handle o);

/// A member of E's class, or (when converting) a plain str equal to a member's value:
/// select(kind="model") as select(kind=EntryKind.model). A member of another enum is refused
/// even when its value is spelt the same.
template <class E>
bool load_enum(py::handle src, E& value, bool convert) {
  const EnumClass& c = enum_class<E>();
  for (std::size_t i = 0; i < c.members.size(); ++i) {
    if (src.ptr() == c.members[i]) {
      value = static_cast<E>(i);
      return true;
    }
  }
  if (!convert || !PyUnicode_Check(src.ptr()) || is_enum_member(src)) return false;
  for (std::size_t i = 0; i < c.members.size(); ++i) {
    if (PyUnicode_Compare(src.ptr(), c.members[i]) == 0) {
      value = static_cast<E>(i);
      return true;
    }
  }
  if (PyErr_Occurred()) PyErr_Clear();
  return false;
}

template <class E>
py::handle cast_enum(E value) {
  const EnumClass& c = enum_class<E>();
  const auto i = static_cast<std::size_t>(static_cast<std::underlying_type_t<E>>(value));
  if (i >= c.members.size()) {
    throw py::value_error("danvan: enum value " + std::to_string(i) + " has no Python member");
  }
  return py::handle(c.members[i]).inc_ref();
}

// ---------------------------------------------------------------------------------------------
// Making enums (any binding source may make its own; its DANVAN_PY_ENUM_CASTER must then be
// visible wherever the enum is converted: in that one source, or here if several use it)

/// The slugs of an enum: to_string of 0, 1, 2, ... while parse(to_string(e)) gives back e.
/// For an enum whose to_string is defined past the last enumerator: the table-based ones
/// (detail::enum_name) return "" there, the foundation's a slug that does not parse back to the
/// value or a fallback of another value ("unknown", "?", UnitKind's "other"), and either ends
/// the list. Enums without a to_string list their slugs by hand through checked().
template <class E, class ToString, class Parse>
inline std::vector<std::string> slugs_of(ToString to_string, Parse parse) {
  std::vector<std::string> out;
  for (int i = 0; i < 256; ++i) {
    const auto e = static_cast<E>(i);
    const std::string slug(to_string(e));
    try {
      if (slug.empty() || parse(slug) != e) break;
    } catch (const danvan::ValueError&) {
      break;
    }
    out.push_back(slug);
  }
  return out;
}

/// The same for an enum without a parser, whose to_string returns "" past the last enumerator
/// (check that it does: a fallback slug would be taken for one more value).
template <class E, class ToString>
inline std::vector<std::string> slugs_of(ToString to_string) {
  std::vector<std::string> out;
  for (int i = 0; i < 256; ++i) {
    std::string slug(to_string(static_cast<E>(i)));
    if (slug.empty()) break;
    out.push_back(std::move(slug));
  }
  return out;
}

template <class E>
inline void make_enum(py::module_& m, const char* name, const char* doc,
                      const std::vector<std::string>& slugs) {
  // A slug that is a Python keyword ("return") names its member with a trailing underscore
  // (WorkflowAction.return_ == "return").
  const py::object iskeyword = py::module_::import("keyword").attr("iskeyword");
  std::vector<std::string> names;
  for (const auto& s : slugs) names.push_back(iskeyword(s).cast<bool>() ? s + "_" : s);
  py::list members;
  for (std::size_t i = 0; i < slugs.size(); ++i) members.append(py::make_tuple(names[i], slugs[i]));
  // str mixed in (as enum.StrEnum does): EntryKind.model == "model", json.dumps and
  // f"{kind}" give the slug, and dict keys and CSV cells need no .value.
  const auto str_type =
      py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(&PyUnicode_Type));
  py::object cls = py::module_::import("enum").attr("Enum")(
      name, members, py::arg("module") = "danvan", py::arg("qualname") = name,
      py::arg("type") = str_type);
  cls.attr("__doc__") = doc;
  cls.attr("__str__") = str_type.attr("__str__");
  cls.attr("__format__") = str_type.attr("__format__");
  // The repr reads like the code that names the member: UnitKind.peoples_committee.
  cls.attr("__repr__") = py::cpp_function(
      [](py::handle self) {
        return py::str("{}.{}").format(py::type::of(self).attr("__name__"), self.attr("name"));
      },
      py::name("__repr__"), py::is_method(cls), "UnitKind.peoples_committee");
  EnumClass& c = enum_class<E>();
  c.cls = cls.inc_ref().ptr();
  c.members.clear();
  for (const auto& n : names) c.members.push_back(py::object(cls.attr(n.c_str())).release().ptr());
  m.attr(name) = cls;
}

/// For the enums without a C++ to_string: checks the hand-written slugs against the parser.
template <class E, class Parse>
inline std::vector<std::string> checked(std::vector<std::string> slugs, Parse parse) {
  for (std::size_t i = 0; i < slugs.size(); ++i) {
    if (parse(slugs[i]) != static_cast<E>(i)) {
      throw std::logic_error("danvan._core: enum slug \"" + slugs[i] + "\" is out of order");
    }
  }
  return slugs;
}

// ---------------------------------------------------------------------------------------------
// Python-visible conventions

/// A vector read from an attribute: a tuple of copies, so that `obj.items.append(x)` fails
/// loudly instead of changing a temporary list.
template <class T>
py::tuple to_tuple(const std::vector<T>& values) {
  py::tuple t(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) t[i] = py::cast(values[i]);
  return t;
}

/// Property accessors for a data member: the getter returns a copy (pybind11's def_readwrite
/// would hand out a reference into the object, or into an std::optional's storage that a
/// later assignment destroys), the setter assigns.
template <class T, class D>
auto get_copy(D T::*member) {
  return [member](const T& self) -> D { return self.*member; };
}
template <class T, class D>
auto set_value(D T::*member) {
  return [member](T& self, D value) { self.*member = std::move(value); };
}

/// UTF-8 text from C++ as str; malformed bytes (which danvan's own messages never contain,
/// but a JSON parser's may) become U+FFFD instead of raising.
py::str utf8_text(const std::string& s);

/// For a function whose arguments are converted to C++ values (paths, text) and that touches
/// no Python object while it runs: other Python threads run meanwhile (load_registry,
/// load_plan, ...). Not for functions reading an object another thread could change.
inline py::call_guard<py::gil_scoped_release> release_gil() { return {}; }

/// Copies of the pointed-to objects, as a list (what methods return).
template <class T>
py::list to_list(const std::vector<const T*>& values) {
  py::list l;
  for (const T* v : values) l.append(py::cast(*v));
  return l;
}

/// "Name(a=..., b=...)" with the fields whose value differs from a default-constructed
/// object of the same type, each shown with repr(): eval() of it rebuilds an equal object
/// (given the danvan names and `datetime` in scope).
std::string kwargs_repr(py::handle self, const char* name,
                        std::initializer_list<const char*> fields);
/// The same with the field names in a vector (string literals: the pointers are kept).
std::string kwargs_repr(py::handle self, const char* name, const std::vector<const char*>& fields);

/// Pickling by fields (state: {field: value}; unpickling sets the fields on a default-
/// constructed object), and `__copy__`/`__deepcopy__` by C++ copy, for a class whose
/// constructor takes no required arguments and whose fields are writable properties.
template <class T>
void add_field_pickling(py::class_<T>& cls, std::initializer_list<const char*> fields) {
  std::vector<std::string> names(fields.begin(), fields.end());
  cls.def(py::pickle(
      [names](py::handle self) {
        py::dict state;
        for (const auto& n : names) state[py::str(n)] = self.attr(n.c_str());
        return state;
      },
      [names](const py::dict& state) {
        py::object obj = py::type::of<T>()();
        for (const auto& n : names) {
          if (state.contains(n)) obj.attr(n.c_str()) = state[py::str(n)];
        }
        return obj.cast<T>();
      }));
  cls.def(
      "__copy__", [](const T& self) { return T(self); }, "A copy.");
  cls.def(
      "__deepcopy__", [](const T& self, const py::handle&) { return T(self); }, py::arg("memo"),
      "A copy (danvan objects share no parts, so deep and shallow copies are alike).");
}

/// ==, != and the four orderings, from the C++ comparison operators.
template <class T>
void add_ordering(py::class_<T>& cls) {
  cls.def(py::self == py::self)
      .def(py::self != py::self)
      .def(py::self < py::self)
      .def(py::self <= py::self)
      .def(py::self > py::self)
      .def(py::self >= py::self);
}

// ---------------------------------------------------------------------------------------------
// JSON <-> Python

/// null -> None, booleans, integers, floats, strings, arrays -> list, objects -> dict (in the
/// object's key order, which for danvan's writers is the canonical order).
py::object json_to_py(const danvan::Json& value);
/// The inverse; tuples count as arrays. Raises TypeError naming the JSON pointer of a value
/// that has no JSON form (a set, a non-string key, bytes, ...).
danvan::Json py_to_json(py::handle value, const std::string& pointer = "");

/// Adds to_dict()/from_dict() (Python objects shaped like the JSON documents) and
/// to_json()/from_json() (canonical text; strict parsing, duplicate keys included).
/// `to` gives the Json of an object, `from` reads one back (throwing JsonDocumentError).
template <class T, class To, class From>
void add_json_methods(py::class_<T>& cls, To to, From from) {
  cls.def(
      "to_dict", [to](const T& self) { return json_to_py(to(self)); },
      "The object as Python data shaped like its JSON form (dicts in canonical key order, "
      "lists, str, int, None).");
  cls.def_static(
      "from_dict", [from](const py::object& data) { return from(py_to_json(data)); },
      py::arg("data"),
      "Reads the object from Python data shaped like its JSON form, as strictly as the JSON "
      "readers (unknown keys, wrong types, bad values). Raises danvan.JsonError listing every "
      "problem with its JSON pointer.");
  cls.def(
      "to_json", [to](const T& self) { return danvan::to_document_text(to(self)); },
      "The canonical JSON text: fixed key order, two spaces, UTF-8, final newline.");
  cls.def_static(
      "from_json", [from](std::string_view text) { return from(danvan::parse_json(text)); },
      py::arg("text"),
      "Reads the object from JSON text (strict: duplicate keys are errors too). Raises "
      "danvan.JsonError.");
}

/// For types with nlohmann ADL hooks.
template <class T>
void add_json_methods(py::class_<T>& cls) {
  add_json_methods(
      cls, [](const T& v) { return danvan::Json(v); },
      [](const danvan::Json& j) { return j.get<T>(); });
}

// ---------------------------------------------------------------------------------------------
// Registration, one function per source file, called in this order by module.cpp.

void register_enums(py::module_& m);
void register_errors(py::module_& m);
void register_dates(py::module_& m);
void register_text(py::module_& m);
void register_symbols(py::module_& m);
void register_instruments(py::module_& m);
void register_units(py::module_& m);
void register_plans(py::module_& m);
void register_registry(py::module_& m);
void register_workflow(py::module_& m);
void register_workflow_functions(py::module_& m);
void register_progress(py::module_& m);
void register_calendar(py::module_& m);
void register_references(py::module_& m);
/// Last (arguments.cpp): one-line argument errors for every function registered before.
void install_argument_errors(py::module_& m);

}  // namespace danvan_py

// ---------------------------------------------------------------------------------------------
// Type casters

namespace pybind11::detail {

/// boost::gregorian::date <-> datetime.date. Loads a datetime.date, a datetime.datetime or
/// anything derived from it (pandas.Timestamp: its calendar day, the time of day and the zone
/// ignored; pandas.NaT refused), and when converting an ISO "YYYY-MM-DD" string. Years outside
/// Boost's 1400..9999 raise danvan.ValueError.
template <>
struct type_caster<boost::gregorian::date> {
 public:
  PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));

  bool load(handle src, bool /*convert*/);
  static handle cast(const boost::gregorian::date& d, return_value_policy /*policy*/,
                     handle /*parent*/);
};

}  // namespace pybind11::detail

#define DANVAN_PY_ENUM_CASTER(E, PYNAME)                                                         \
  namespace pybind11::detail {                                                                   \
  template <>                                                                                    \
  struct type_caster<E> {                                                                        \
   public:                                                                                       \
    PYBIND11_TYPE_CASTER(E, const_name(PYNAME));                                                 \
    bool load(handle src, bool convert) { return danvan_py::load_enum<E>(src, value, convert); } \
    static handle cast(E v, return_value_policy /*policy*/, handle /*parent*/) {                 \
      return danvan_py::cast_enum<E>(v);                                                         \
    }                                                                                            \
  };                                                                                             \
  }

DANVAN_PY_ENUM_CASTER(danvan::DatePrecision, "danvan.DatePrecision")
DANVAN_PY_ENUM_CASTER(danvan::PeriodType, "danvan.PeriodType")
DANVAN_PY_ENUM_CASTER(danvan::DocumentFamily, "danvan.DocumentFamily")
DANVAN_PY_ENUM_CASTER(danvan::DocumentType, "danvan.DocumentType")
DANVAN_PY_ENUM_CASTER(danvan::UnitKind, "danvan.UnitKind")
DANVAN_PY_ENUM_CASTER(danvan::Level, "danvan.Level")
DANVAN_PY_ENUM_CASTER(danvan::PlanFormat, "danvan.PlanFormat")
DANVAN_PY_ENUM_CASTER(danvan::DutyRole, "danvan.DutyRole")
DANVAN_PY_ENUM_CASTER(danvan::WorkflowAction, "danvan.WorkflowAction")
DANVAN_PY_ENUM_CASTER(danvan::ReportStatus, "danvan.ReportStatus")
DANVAN_PY_ENUM_CASTER(danvan::RollupBasis, "danvan.RollupBasis")
// Made by registry.cpp, converted by registry_figures.cpp too.
DANVAN_PY_ENUM_CASTER(danvan::EntryKind, "danvan.EntryKind")
DANVAN_PY_ENUM_CASTER(danvan::Subject, "danvan.Subject")
