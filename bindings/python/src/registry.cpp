// danvan._core: the exemplar registry (registry.hpp, json/registry.hpp).
//
// Entries, events and fields are value objects (copies cross the boundary); the
// Registry is held by Python and changed in place by add(), add_event() and the
// journal replay. Queries return entry indexes as C++ does;
// Registry.entries(indexes) turns them into Entry copies. The statistics table
// reads as a list of dicts, one per row, so `pandas.DataFrame(rows)` is one
// line (danvan itself does not depend on pandas).
//
// Entry, Event and Field read and write their JSON with json/registry.hpp
// (entry_from_json, event_from_json, field_from_json and to_json): the keys and
// messages of the document reader; the checks that need a registry (units,
// fields, lifecycle) are those of Registry.add() and check_events().
#include "common.hpp"
#include "locks.hpp"
#include "views.hpp"

#include <danvan/json/registry.hpp>
#include <danvan/registry.hpp>

#include <pybind11/operators.h>

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <variant>

// (EntryKind and Subject: common.hpp, registry_figures.cpp converts them too)
DANVAN_PY_ENUM_CASTER(danvan::EventType, "danvan.EventType")
DANVAN_PY_ENUM_CASTER(danvan::EntryState, "danvan.EntryState")
DANVAN_PY_ENUM_CASTER(danvan::StatsDimension, "danvan.StatsDimension")
DANVAN_PY_ENUM_CASTER(danvan::CommendationStatus, "danvan.CommendationStatus")

namespace danvan_py {

using danvan::CommendationForm;
using danvan::CommendationStatus;
using danvan::Date;
using danvan::Entry;
using danvan::EntryKind;
using danvan::EntryState;
using danvan::Event;
using danvan::EventType;
using danvan::Field;
using danvan::Grade;
using danvan::Json;
using danvan::Level;
using danvan::PartialDate;
using danvan::Registry;
using danvan::ReplayResult;
using danvan::StatsCounts;
using danvan::StatsDimension;
using danvan::StatsQuery;
using danvan::StatsTable;
using danvan::Subject;

namespace {

/// A select() criterion given as one value or a list of values (any of which matches).
template <class T>
using OneOrMany = std::variant<T, std::vector<T>>;

/// The values of a criterion: none for None, one, or the list's.
template <class T>
std::vector<T> values_of(std::optional<OneOrMany<T>> given) {
  if (!given) return {};
  if (T* one = std::get_if<T>(&*given)) return {std::move(*one)};
  return std::move(std::get<std::vector<T>>(*given));
}

/// True when the criterion is an empty list (which no entry matches).
template <class T>
bool empty_list(const std::optional<OneOrMany<T>>& given) {
  const auto* many = given ? std::get_if<std::vector<T>>(&*given) : nullptr;
  return many != nullptr && many->empty();
}

// ---------------------------------------------------------------------------------------------
// Statistics as Python data

constexpr const char* count_names[] = {"registered", "recognised", "effective", "commended",
                                       "replicated", "proposed",   "promoted"};

std::array<long long, 7> counts_of(const StatsCounts& c) {
  return {c.registered, c.recognised, c.effective, c.commended,
          c.replicated, c.proposed,   c.promoted};
}

/// registered, ..., previous_registered, ..., change_registered, ... into `d`.
void add_counts(py::dict& d, const StatsCounts& current, const StatsCounts& previous) {
  const auto now = counts_of(current);
  const auto before = counts_of(previous);
  for (std::size_t k = 0; k < now.size(); ++k) d[py::str(count_names[k])] = now[k];
  for (std::size_t k = 0; k < now.size(); ++k) {
    d[py::str(std::string("previous_") + count_names[k])] = before[k];
  }
  for (std::size_t k = 0; k < now.size(); ++k) {
    d[py::str(std::string("change_") + count_names[k])] = now[k] - before[k];
  }
}

/// An event date for Python: a datetime.date at day precision, else a PartialDate; None unset.
py::object event_date(const std::optional<PartialDate>& d) {
  if (!d) return py::none();
  if (d->is_day()) return py::cast(d->date());
  return py::cast(*d);
}

/// A datetime.date, a PartialDate, an ISO or Vietnamese date string ("2022", "10/2022"), or None.
/// `label` names the argument or attribute in the TypeError ("Event.date: expected ...").
std::optional<PartialDate> to_event_date(const py::object& v, const char* label) {
  if (v.is_none()) return std::nullopt;
  if (py::isinstance<PartialDate>(v)) return v.cast<PartialDate>();
  if (py::isinstance<py::str>(v)) return danvan::parse_partial_date(v.cast<std::string>());
  try {
    return PartialDate::from_date(v.cast<Date>());
  } catch (const py::cast_error&) {
    // The type as danvan/_arguments.py names it: "int", "test_arguments.Wrong".
    const py::object cls = py::type::of(v);
    const auto module = cls.attr("__module__").cast<std::string>();
    const auto name = cls.attr("__qualname__").cast<std::string>();
    throw py::type_error(std::string(label) +
                         ": expected a datetime.date, a danvan.PartialDate or a str, got " +
                         (module == "builtins" ? name : module + "." + name));
  }
}

/// A class for an id + name term (Field, Grade, CommendationForm).
template <class T>
void register_term(py::module_& m, const char* name, const char* doc) {
  py::class_<T> c(m, name, doc);
  c.def(py::init([](std::string id, std::string text) {
          return T{std::move(id), std::move(text)};
        }),
        py::kw_only(), py::arg("id") = "", py::arg("name") = "",
        (std::string(name) + "(id=..., name=...); checked when declared in a registry.").c_str())
      .def_property("id", get_copy(&T::id), set_value(&T::id), "Stable id, [a-z0-9-]+.")
      .def_property("name", get_copy(&T::name), set_value(&T::name), "Vietnamese name.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [name](py::handle self) {
            return kwargs_repr(self, name, {"id", "name"});
          },
          (std::string(name) + "(id=..., name=...).").c_str());
  add_field_pickling(c, {"id", "name"});
  add_json_methods(
      c, [](const T& t) { return danvan::to_json(t); },
      [](const Json& j) {
        if constexpr (std::is_same_v<T, Field>) {
          return danvan::field_from_json(j);
        } else {
          const Field f = danvan::field_from_json(j);
          return T{f.id, f.name};
        }
      });
}

/// The state pickle keeps for a StatsTable: ("danvan.StatsTable", 3, year, period, previous
/// period, as_of, unit_id, current_units, by, rows, total, previous_total, reported, unit_ids),
/// each row a tuple (keys, labels, counts, previous counts), each counts a tuple of the seven
/// numbers, each reported figure a tuple (its JSON text, the entries' count). Versions 1
/// (without reported and unit_ids, 12 parts) and 2 (without unit_ids, 13 parts) are read too:
/// their unit_ids are the one unit_id, if any.
py::tuple counts_state(const StatsCounts& c) {
  const auto n = counts_of(c);
  return py::make_tuple(n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
}

StatsCounts counts_from_state(const py::handle& h) {
  const auto n = h.cast<std::array<long long, 7>>();
  return {n[0], n[1], n[2], n[3], n[4], n[5], n[6]};
}

py::tuple stats_state(const StatsTable& t) {
  const auto range = [](const std::optional<danvan::DateRange>& r) -> py::object {
    return r ? py::object(py::str(danvan::to_string(*r))) : py::object(py::none());
  };
  py::list rows;
  for (const auto& row : t.rows) {
    rows.append(py::make_tuple(row.keys, row.labels, counts_state(row.current),
                               counts_state(row.previous)));
  }
  std::vector<std::string> by;
  for (const auto d : t.by) by.emplace_back(danvan::to_string(d));
  py::list reported;
  for (const auto& c : t.reported) {
    reported.append(
        py::make_tuple(danvan::to_canonical_text(danvan::to_json(c.figure)), c.from_entries));
  }
  return py::make_tuple("danvan.StatsTable", 3, t.year, range(t.period), range(t.previous_period),
                        t.as_of, t.unit_id, t.current_units, by, rows, counts_state(t.total),
                        counts_state(t.previous_total), reported, t.unit_ids);
}

StatsTable stats_from_state(const py::tuple& s) {
  if (s.size() < 2 || !py::isinstance<py::str>(s[0]) ||
      s[0].cast<std::string>() != "danvan.StatsTable" || !py::isinstance<py::int_>(s[1]) ||
      !((s[1].cast<int>() == 1 && s.size() == 12) || (s[1].cast<int>() == 2 && s.size() == 13) ||
        (s[1].cast<int>() == 3 && s.size() == 14))) {
    throw py::value_error("StatsTable: not a pickled danvan.StatsTable (version 1 to 3)");
  }
  const auto range = [](const py::handle& h) -> std::optional<danvan::DateRange> {
    if (h.is_none()) return std::nullopt;
    return danvan::parse_date_range(h.cast<std::string>());
  };
  try {
    StatsTable t;
    t.year = s[2].cast<int>();
    t.period = range(s[3]);
    t.previous_period = range(s[4]);
    t.as_of = s[5].cast<Date>();
    t.unit_id = s[6].cast<std::optional<std::string>>();
    t.current_units = s[7].cast<bool>();
    for (const auto& d : s[8].cast<std::vector<std::string>>()) {
      t.by.push_back(danvan::parse_stats_dimension(d));
    }
    for (const auto& r : s[9].cast<py::list>()) {
      const auto row = r.cast<py::tuple>();
      if (row.size() != 4) throw py::value_error("StatsTable: a pickled row has 4 parts");
      t.rows.push_back({row[0].cast<std::vector<std::string>>(),
                        row[1].cast<std::vector<std::string>>(), counts_from_state(row[2]),
                        counts_from_state(row[3])});
    }
    t.total = counts_from_state(s[10]);
    t.previous_total = counts_from_state(s[11]);
    if (s.size() >= 13) {
      for (const auto& r : s[12].cast<py::list>()) {
        const auto c = r.cast<std::pair<std::string, long long>>();
        danvan::FigureComparison fc;
        fc.figure = danvan::figure_from_json(danvan::parse_json(c.first));
        fc.from_entries = c.second;
        fc.agreement = danvan::compare_figure(fc.figure.value, fc.figure.qualifier, c.second);
        t.reported.push_back(std::move(fc));
      }
    }
    if (s.size() == 14) {
      t.unit_ids = s[13].cast<std::vector<std::string>>();
    } else if (t.unit_id) {
      t.unit_ids = {*t.unit_id};
    }
    return t;
  } catch (const py::cast_error&) {
    throw py::value_error("StatsTable: a pickled part has the wrong type");
  }
}

/// rows[i] as row_dicts() makes it; negative i counts from the end.
py::dict stats_row(const StatsTable& t, std::ptrdiff_t i) {
  const auto n = static_cast<std::ptrdiff_t>(t.rows.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw py::index_error("StatsTable index out of range");
  py::dict d;
  const auto& row = t.rows[static_cast<std::size_t>(i)];
  d["year"] = t.year;
  for (std::size_t k = 0; k < t.by.size() && k < row.keys.size(); ++k) {
    const std::string dim(danvan::to_string(t.by[k]));
    d[py::str(dim)] = utf8_text(row.keys[k]);
    d[py::str(dim + "_label")] = k < row.labels.size() ? utf8_text(row.labels[k]) : py::str("");
  }
  add_counts(d, row.current, row.previous);
  return d;
}

py::list row_dicts(const StatsTable& t) {
  py::list rows;
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    rows.append(stats_row(t, static_cast<std::ptrdiff_t>(i)));
  }
  return rows;
}

/// <danvan.StatsTable year=... as_of=... rows=N>, noting a by-field table's over-count.
std::string stats_repr(const StatsTable& t) {
  std::string out =
      "<danvan.StatsTable year=" + std::to_string(t.year) + " as_of=" + danvan::to_iso(t.as_of);
  if (t.unit_id) out += " unit=" + *t.unit_id;
  out += " rows=" + std::to_string(t.rows.size());
  if (std::find(t.by.begin(), t.by.end(), StatsDimension::field) != t.by.end()) {
    out += " (fields counted once each: sum total, not rows)";
  }
  return out + ">";
}

constexpr const char* stats_table_doc =
    "The annual report table (bảng thống kê) made by Registry.stats(). "
    "`rows` is a list of "
    "dicts, one per row: year, the dimensions (e.g. field, field_label, "
    "level, level_label, "
    "subject, subject_label), the counts registered, recognised, effective, "
    "commended, "
    "replicated, the previous year's as previous_<count> and the changes as "
    "change_<count> "
    "— `pandas.DataFrame(table.rows)` makes a data frame. A table is a sequence of its "
    "rows (len, index, iteration) and pickles.\n\n"
    "Fields counted once each (fields_counted_once): an entry with several fields counts "
    "once in each of its fields' rows, so the sum of a by-field table's rows over-counts; "
    "`total` counts every entry once (the repr says so when the table is grouped by "
    "field).";

/// A StatsTable is a sequence of its rows: index, iteration, pickling and copies.
void add_sequence_protocols(py::class_<StatsTable>& table) {
  table
      .def("__getitem__", &stats_row, py::arg("index"),
           "rows[index] (a dict; a negative index counts from the end).")
      .def(
          "__iter__", [](const StatsTable& t) { return py::iter(row_dicts(t)); },
          "Iterates over the rows (dicts), as `rows` does.")
      .def(py::pickle(&stats_state, &stats_from_state))
      .def(
          "__copy__", [](const StatsTable& t) { return t; }, "A copy.")
      .def(
          "__deepcopy__", [](const StatsTable& t, const py::handle&) { return t; }, py::arg("memo"),
          "A copy.");
}

py::dict stats_total(const StatsTable& t) {
  py::dict d;
  d["year"] = t.year;
  add_counts(d, t.total, t.previous_total);
  return d;
}

bool same_table(const StatsTable& a, const StatsTable& b) {
  return a.year == b.year && a.as_of == b.as_of && a.unit_id == b.unit_id &&
         a.unit_ids == b.unit_ids && a.current_units == b.current_units && a.by == b.by &&
         a.rows == b.rows && a.total == b.total && a.previous_total == b.previous_total &&
         a.reported == b.reported;
}

StatsQuery make_query(int year, std::optional<Date> as_of, std::optional<std::string> unit_id,
                      bool current_units, const py::object& by,
                      const std::optional<std::string>& period = std::nullopt) {
  StatsQuery q;
  q.year = year;
  if (period) q.period = danvan::parse_date_range(*period);
  q.as_of = as_of;
  q.unit_id = std::move(unit_id);
  q.current_units = current_units;
  if (py::isinstance<py::str>(by)) {
    q.by = danvan::parse_stats_dimensions(by.cast<std::string>());
  } else if (!by.is_none()) {
    try {
      q.by = by.cast<std::vector<StatsDimension>>();
    } catch (const py::cast_error&) {
      throw py::type_error(
          "by: expected a sequence of StatsDimension or a string such as \"field,level\", got " +
          py::repr(by).cast<std::string>());
    }
  }
  return q;
}

// ---------------------------------------------------------------------------------------------
// Indexes

std::size_t checked_index(const Registry& r, long long index) {
  const auto size = static_cast<long long>(r.size());
  const long long i = index < 0 ? index + size : index;
  if (i < 0 || i >= size) {
    throw py::index_error("registry index " + std::to_string(index) + " is out of range (" +
                          std::to_string(size) + " entries)");
  }
  return static_cast<std::size_t>(i);
}

std::vector<std::size_t> checked_indexes(const Registry& r, const std::vector<long long>& v) {
  std::vector<std::size_t> out;
  out.reserve(v.size());
  for (const long long i : v) out.push_back(checked_index(r, i));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Journal writer with an explicit close()

struct PyJournalWriter {
  std::filesystem::path path;
  std::unique_ptr<danvan::JournalWriter> writer;

  danvan::JournalWriter& open_writer() {
    if (!writer) throw danvan::ValueError("journal writer for " + path.string() + " is closed");
    return *writer;
  }
};

template <class T>
void optional_property(py::class_<T>& cls, const char* name, std::optional<std::string> T::*member,
                       const char* doc) {
  cls.def_property(name, get_copy(member), set_value(member), doc);
}

template <class T>
void vector_property(py::class_<T>& cls, const char* name, std::vector<std::string> T::*member,
                     const char* doc) {
  cls.def_property(
      name, [member](const T& self) { return to_tuple(self.*member); },
      [member](T& self, std::vector<std::string> v) { self.*member = std::move(v); }, doc);
}

}  // namespace

namespace {

/// Registry.select's level: a Level (a member is a str) or a StatsRow's other two level
/// values, "unknown" and "none", so that a row's value selects the row's entries.
void add_level(danvan::Filter& f, const std::string& value) {
  if (value == "unknown") {
    f.level_unknown = true;
  } else if (value == "none") {
    f.level_none = true;
  } else {
    try {
      f.levels.push_back(danvan::parse_level(value));
    } catch (const danvan::ValueError&) {
      // (Runs without the GIL: no Python calls, the quotes written here.)
      throw danvan::ValueError("Registry.select() argument 'level': '" + value +
                               "' is not a danvan.Level, \"unknown\" or \"none\" (expected one "
                               "of: central, province, district, commune, unknown, none)");
    }
  }
}

// Registry.select: the indexes of the entries the keyword filters select.
std::vector<std::size_t> select_indexes(
    const Registry& r, std::optional<OneOrMany<std::string>> unit_id, bool current_units,
    std::optional<Date> as_of, std::optional<OneOrMany<std::string>> field_id,
    std::optional<OneOrMany<EntryKind>> kind, std::optional<OneOrMany<Subject>> subject,
    std::optional<OneOrMany<std::string>> level, std::optional<int> year,
    std::optional<OneOrMany<EntryState>> state, bool in_force,
    std::optional<std::string> registered_in, std::optional<std::string> recognised_in,
    std::optional<std::string> commended_in) {
  if (empty_list(unit_id) || empty_list(field_id) || empty_list(kind) || empty_list(subject) ||
      empty_list(level) || empty_list(state)) {
    return {};
  }
  danvan::Filter f;
  f.unit_ids = values_of(std::move(unit_id));
  f.current_units = current_units;
  f.as_of = as_of;
  f.field_ids = values_of(std::move(field_id));
  f.kinds = values_of(std::move(kind));
  f.subjects = values_of(std::move(subject));
  for (const std::string& value : values_of(std::move(level))) add_level(f, value);
  f.year = year;
  f.states = values_of(std::move(state));
  f.in_force = in_force;
  const auto range = [](const std::optional<std::string>& text) {
    return text ? std::optional(danvan::parse_date_range(*text)) : std::nullopt;
  };
  f.registered_in = range(registered_in);
  f.recognised_in = range(recognised_in);
  f.commended_in = range(commended_in);
  return r.select(f);
}

// Event.
void register_events(py::module_& m) {
  py::class_<Event> event(m, "Event",
                          "One dated step of an entry's history. Which attributes are meaningful "
                          "depends on the "
                          "type; the others stay None/empty: recognised: level (required), by, "
                          "decision; "
                          "commended, awarded, revoked: decision; replicated: unit_ids (at least "
                          "one); "
                          "reevaluated: year and effective (required). `date` is None until set.");
  event
      .def(py::init([](EventType type, const py::object& date, std::optional<Level> level,
                       std::optional<std::string> by, std::optional<std::string> decision,
                       std::vector<std::string> unit_ids, std::optional<int> year,
                       std::optional<bool> effective, std::optional<std::string> grade,
                       std::optional<std::string> form, CommendationStatus status,
                       std::optional<EntryKind> kind) {
             Event e;
             e.type = type;
             e.date = to_event_date(date, "date");
             e.level = level;
             e.by = std::move(by);
             e.decision = std::move(decision);
             e.unit_ids = std::move(unit_ids);
             e.year = year;
             e.effective = effective;
             e.grade = std::move(grade);
             e.form = std::move(form);
             e.status = status;
             e.kind = kind;
             return e;
           }),
           py::kw_only(), py::arg("type") = EventType::registered, py::arg("date") = py::none(),
           py::arg("level") = py::none(), py::arg("by") = py::none(),
           py::arg("decision") = py::none(), py::arg("unit_ids") = std::vector<std::string>{},
           py::arg("year") = py::none(), py::arg("effective") = py::none(),
           py::arg("grade") = py::none(), py::arg("form") = py::none(),
           py::arg("status") = CommendationStatus::decided, py::arg("kind") = py::none(),
           "An event from keyword arguments; checked when its entry is added to "
           "a registry "
           "(or by check_events()).")
      .def_property("type", get_copy(&Event::type), set_value(&Event::type), "The EventType.")
      .def_property(
          "date", [](const Event& e) { return event_date(e.date); },
          [](Event& e, const py::object& d) { e.date = to_event_date(d, "Event.date"); },
          "The date at the source's precision: a datetime.date for a whole day, a "
          "danvan.PartialDate for a year or a month (\"2022\", \"2022-10\"), None when not set. "
          "Set it from any of these or from a date string.")
      .def_property("level", get_copy(&Event::level), set_value(&Event::level),
                    "recognised: the Level of the recognition; else None.");
  optional_property(event, "by", &Event::by,
                    "recognised: id of the unit that recognised it, or None.");
  optional_property(event, "decision", &Event::decision,
                    "recognised, commended, awarded, revoked: the decision (an "
                    "instrument id or "
                    "a document symbol), or None.");
  optional_property(event, "grade", &Event::grade,
                    "recognised: the grade id (xuat-sac, tot, kha or declared), or None.");
  optional_property(event, "form", &Event::form,
                    "commended, awarded: the form id (bang-khen, ...), or None.");
  vector_property(event, "unit_ids", &Event::unit_ids,
                  "replicated: ids of the units it was replicated to (a tuple: a copy).");
  event
      .def_property("year", get_copy(&Event::year), set_value(&Event::year),
                    "reevaluated: the year evaluated; else None.")
      .def_property("effective", get_copy(&Event::effective), set_value(&Event::effective),
                    "reevaluated: True when found effective (còn hiệu quả); else None.")
      .def_property("status", get_copy(&Event::status), set_value(&Event::status),
                    "recognised, commended, awarded: decided or proposed (a "
                    "CommendationStatus); a proposal counts as none until decided.")
      .def_property("kind", get_copy(&Event::kind), set_value(&Event::kind),
                    "promoted: the new EntryKind; else None.")
      .def("describe", &danvan::describe,
           "A short English description: \"replicated on 2021-05-01\".")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "Event",
                               {"type", "date", "level", "by", "decision", "unit_ids", "year",
                                "effective", "grade", "form", "status", "kind"});
          },
          "Event(type=..., date=..., ...), fields at their defaults left out.");
  add_field_pickling(event, {"type", "date", "level", "by", "decision", "unit_ids", "year",
                             "effective", "grade", "form", "status", "kind"});
  add_json_methods(
      event, [](const Event& e) { return danvan::to_json(e); },
      [](const Json& j) { return danvan::event_from_json(j); });
}

// Entry and check_events.
void register_entries(py::module_& m) {
  py::class_<Entry> entry(m, "Entry",
                          "An exemplar or model with its history (events in date order). Sequence "
                          "attributes read "
                          "as tuples of copies; assign a sequence to change one.");
  entry
      .def(py::init([](std::string id, EntryKind kind, Subject subject, std::string name,
                       std::string unit_id, std::vector<std::string> field_ids,
                       std::string description, std::optional<std::string> person_name,
                       std::vector<Event> events, std::vector<std::string> place_unit_ids) {
             Entry e;
             e.id = std::move(id);
             e.kind = kind;
             e.subject = subject;
             e.name = std::move(name);
             e.unit_id = std::move(unit_id);
             e.field_ids = std::move(field_ids);
             e.description = std::move(description);
             e.person_name = std::move(person_name);
             e.events = std::move(events);
             e.place_unit_ids = std::move(place_unit_ids);
             return e;
           }),
           py::kw_only(), py::arg("id") = "", py::arg("kind") = EntryKind::model,
           py::arg("subject") = Subject::collective, py::arg("name") = "", py::arg("unit_id") = "",
           py::arg("field_ids") = std::vector<std::string>{}, py::arg("description") = "",
           py::arg("person_name") = py::none(), py::arg("events") = std::vector<Event>{},
           py::arg("place_unit_ids") = std::vector<std::string>{},
           "An entry from keyword arguments; checked when added to a registry.")
      .def_property("id", get_copy(&Entry::id), set_value(&Entry::id), "Stable id, [a-z0-9-]+.")
      .def_property("kind", get_copy(&Entry::kind), set_value(&Entry::kind), "The EntryKind.")
      .def_property("subject", get_copy(&Entry::subject), set_value(&Entry::subject),
                    "The Subject.")
      .def_property("name", get_copy(&Entry::name), set_value(&Entry::name), "The name.")
      .def_property("unit_id", get_copy(&Entry::unit_id), set_value(&Entry::unit_id),
                    "Id of the unit it belongs to.");
  vector_property(entry, "field_ids", &Entry::field_ids,
                  "Ids of its fields; empty when the source gives none (a tuple: a copy).");
  vector_property(entry, "place_unit_ids", &Entry::place_unit_ids,
                  "Ids of the units it sits in besides its owner (a tuple: a copy).");
  entry.def_property("description", get_copy(&Entry::description), set_value(&Entry::description),
                     "Free text (may be empty).");
  optional_property(entry, "person_name", &Entry::person_name,
                    "The person's full name for an individual, None when unknown and "
                    "for collectives.");
  entry
      .def_property(
          "events", [](const Entry& e) { return to_tuple(e.events); },
          [](Entry& e, std::vector<Event> v) { e.events = std::move(v); },
          "The history in date order (a tuple of copies).")
      .def("state_on", &Entry::state_on, py::arg("day"), py::arg("recognition_years") = 0,
           "The EntryState on the datetime.date, from the events certainly "
           "done by then; with recognition_years > 0 a recognition lapses after that many "
           "calendar years.")
      .def("kind_on", &Entry::kind_on, py::arg("day"),
           "The EntryKind on the day (the registered kind, changed by promotions).")
      .def("level_on", &Entry::level_on, py::arg("day"),
           "The highest Level it was recognised at on or before the day, or "
           "None.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "Entry",
                               {"id", "kind", "subject", "name", "unit_id", "field_ids",
                                "description", "person_name", "events", "place_unit_ids"});
          },
          "Entry(id=..., name=..., ...), fields at their defaults left out.");
  add_field_pickling(entry, {"id", "kind", "subject", "name", "unit_id", "field_ids", "description",
                             "person_name", "events", "place_unit_ids"});
  add_json_methods(
      entry, [](const Entry& e) { return danvan::to_json(e); },
      [](const Json& j) { return danvan::entry_from_json(j); });

  m.def("check_events", &danvan::check_events, py::arg("entry"),
        "Checks the lifecycle of an entry's events without a registry; raises "
        "danvan.ValueError such as 'entry \"x\": event 3 (replicated on "
        "2021-05-01) comes "
        "before recognition'.");
}

// StatsTable and ReplayResult.
void register_stats_tables(py::module_& m) {
  py::class_<StatsTable> table(m, "StatsTable", stats_table_doc);
  table
      .def_property_readonly(
          "year", [](const StatsTable& t) { return t.year; }, "The year counted.")
      .def_property_readonly(
          "period",
          [](const StatsTable& t) {
            return t.period ? std::optional(danvan::to_string(*t.period)) : std::nullopt;
          },
          "The period counted (\"2021-2025\"), or None for a year.")
      .def_property_readonly(
          "as_of", [](const StatsTable& t) { return t.as_of; },
          "The as-of day (datetime.date); later events were ignored.")
      .def_property_readonly(
          "unit_id", [](const StatsTable& t) { return t.unit_id; },
          "The unit whose subtree was counted when stats() named one, else None (the whole "
          "registry, or several units: see unit_ids).")
      .def_property_readonly(
          "unit_ids", [](const StatsTable& t) { return to_tuple(t.unit_ids); },
          "Every unit stats() named, each once (a tuple; empty for the whole registry): the "
          "union of their subtrees was counted, each entry once.")
      .def_property_readonly(
          "current_units", [](const StatsTable& t) { return t.current_units; },
          "True when entries were mapped onto the units existing on the as-of "
          "day.")
      .def_property_readonly(
          "by", [](const StatsTable& t) { return to_tuple(t.by); },
          "The StatsDimensions grouped by, in order (a tuple).")
      .def_property_readonly("rows", &row_dicts,
                             "The rows as a list of dicts (keys described on the class); rows "
                             "with any non-zero count, in the dimensions' natural order.")
      .def_property_readonly("total", &stats_total,
                             "The total as a dict: year and the counts, previous_<count> and "
                             "change_<count> (an entry with several fields counts once).")
      .def(
          "to_text", [](const StatsTable& t) { return danvan::render_stats_text(t); },
          "Plain-text table with Vietnamese headers, the change against the "
          "previous year in "
          "brackets.")
      .def(
          "to_csv", [](const StatsTable& t) { return danvan::render_stats_csv(t); },
          "CSV: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 "
          "quoting.")
      .def(
          "to_dict", [](const StatsTable& t) { return json_to_py(danvan::to_json(t)); },
          "The table shaped like its JSON form: year, as_of, unit, units, "
          "current_units, by, rows "
          "(keys, labels, counts, previous, change) and total.")
      .def(
          "to_json",
          [](const StatsTable& t) { return danvan::to_canonical_text(danvan::to_json(t)); },
          "The canonical JSON text of to_dict().")
      .def(
          "__len__", [](const StatsTable& t) { return t.rows.size(); }, "The number of rows.")
      .def(
          "__eq__",
          [](const StatsTable& a, const py::object& b) -> py::object {
            if (!py::isinstance<StatsTable>(b))
              return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(same_table(a, b.cast<const StatsTable&>()));
          },
          py::arg("other"), "Equal when every count, row and parameter is equal.")
      .def(
          "__ne__",
          [](const StatsTable& a, const py::object& b) -> py::object {
            if (!py::isinstance<StatsTable>(b))
              return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(!same_table(a, b.cast<const StatsTable&>()));
          },
          py::arg("other"), "Not equal.")
      .def("__repr__", &stats_repr, "<danvan.StatsTable year=... as_of=... rows=N>.");
  table.attr("__hash__") = py::none();
  add_sequence_protocols(table);

  // Replay result.
  py::class_<ReplayResult> replay(m, "ReplayResult", "What replaying a journal did.");
  replay
      .def_property_readonly(
          "applied", [](const ReplayResult& r) { return r.applied; }, "Lines applied.")
      .def_property_readonly(
          "torn_line", [](const ReplayResult& r) { return r.torn_line; },
          "The number (from 1) of a torn last line that was ignored, or None.")
      .def_property_readonly(
          "warning", [](const ReplayResult& r) { return r.warning; },
          "\"line 7: torn last line (no final newline); ignored\", or \"\".")
      .def(
          "__repr__",
          [](const ReplayResult& r) {
            std::string out = "ReplayResult(applied=" + std::to_string(r.applied);
            if (r.torn_line) out += ", torn_line=" + std::to_string(*r.torn_line);
            py::str text = utf8_text(out);
            if (!r.warning.empty()) {
              return py::str("{}, warning={!r})").format(text, utf8_text(r.warning));
            }
            return py::str("{})").format(text);
          },
          "ReplayResult(applied=..., torn_line=..., warning=...).");
}

// The Registry class.
/// The entries at the indexes (all when none) as a list of copies, each attached to the
/// registry as r[i] is (views.hpp): `for e in r: e.name = "X"` and `r.entries()[0].name = "X"`
/// write the entry back with replace() instead of changing a copy silently.
py::list attached_entries(const py::object& self, std::optional<std::vector<long long>> indexes) {
  const auto& r = self.cast<const Registry&>();
  py::list l;
  const auto add = [&](std::size_t i) {
    py::object e = py::cast(r.entry(i));
    views::attach_item(e, self, "entries");
    l.append(std::move(e));
  };
  if (!indexes) {
    for (std::size_t i = 0; i < r.size(); ++i) add(i);
  } else {
    for (const auto i : checked_indexes(r, *indexes)) add(i);
  }
  return l;
}

/// Writing, reading and copying a whole registry take long on a big one: without the GIL
/// (issue 12), reading under the object lock (locks.hpp).
void add_registry_text_methods(py::class_<Registry>& registry) {
  registry
      .def(py::pickle(
          [](const Registry& r) {
            const ReleasedRead released;
            return danvan::registry_to_text(r);
          },
          [](const std::string& text) {
            const py::gil_scoped_release released;
            return danvan::read_registry(text);
          }))
      .def(
          "__copy__", [](const Registry& r) { return Registry(r); }, release_gil_reading(),
          "A copy.")
      .def(
          "__deepcopy__", [](const Registry& r, const py::handle&) { return Registry(r); },
          py::arg("memo"), release_gil_reading(), "A copy.")
      .def(
          "to_dict",
          [](const Registry& r) {
            danvan::Json j;
            {
              const ReleasedRead released;  // the Python objects are made with the GIL
              j = danvan::to_json(r);
            }
            return json_to_py(j);
          },
          "The object as Python data shaped like its JSON form (dicts in canonical key order, "
          "lists, str, int, None).")
      .def_static(
          "from_dict",
          [](const py::object& data) {
            const danvan::Json j = py_to_json(data);
            const py::gil_scoped_release released;
            return danvan::registry_from_json(j);
          },
          py::arg("data"),
          "Reads the object from Python data shaped like its JSON form, as strictly as the JSON "
          "readers (unknown keys, wrong types, bad values). Raises danvan.JsonError listing "
          "every problem with its JSON pointer.")
      .def(
          "to_json", [](const Registry& r) { return danvan::to_document_text(danvan::to_json(r)); },
          release_gil_reading(),
          "The canonical JSON text: fixed key order, two spaces, UTF-8, final newline.")
      .def_static(
          "from_json",
          [](std::string_view text) {
            return danvan::registry_from_json(danvan::parse_json(text));
          },
          py::arg("text"), release_gil(),
          "Reads the object from JSON text (strict: duplicate keys are errors too). Raises "
          "danvan.JsonError.");
}

void register_registry_class(py::module_& m) {
  py::class_<Registry> registry(
      m, "Registry",
      "The registry of \"Dân vận khéo\" exemplars and models: declared fields, "
      "the unit "
      "hierarchy entries refer to, and entries with their histories. len(r) is "
      "the number of "
      "entries; r[i] (an index, negatives count from the end) or r[\"id\"] "
      "gives a copy of an "
      "entry; iterating gives copies in insertion order; `\"id\" in r` tests "
      "an id.\n\n"
      "Queries (select, search, search_names) return entry indexes in "
      "insertion order; "
      "entries(indexes) gives the Entry copies. Where a query takes an "
      "optional as-of day, the "
      "default is the date of the latest event in the registry (or 31/12 of "
      "the filter's "
      "year when one is given).");
  registry
      .def_property(
          "note", [](const Registry& r) { return r.note(); },
          [](Registry& r, std::optional<std::string> note) { r.set_note(std::move(note)); },
          "A free-text note about the registry (e.g. that it is sample data), "
          "or None.")
      .def_property(
          "recognition_years", [](const Registry& r) { return r.recognition_years(); },
          [](Registry& r, std::optional<int> years) { r.set_recognition_years(years); },
          "Recognition validity: a recognition dated in year Y holds through 31/12 of "
          "Y + N - 1 unless re-evaluated; None: never lapses.")
      .def("declare_grade", &Registry::declare_grade, py::arg("grade"),
           "Declares a grade (as declare_field).")
      .def("declare_form", &Registry::declare_form, py::arg("form"),
           "Declares a commendation form (as declare_field).")
      .def_property_readonly(
          "grades", [](const Registry& r) { return to_tuple(r.grades()); },
          "Built-in grades first, then the declared ones (a tuple of copies).")
      .def_property_readonly(
          "declared_grades", [](const Registry& r) { return to_tuple(r.declared_grades()); },
          "The declared grades only.")
      .def_property_readonly(
          "forms", [](const Registry& r) { return to_tuple(r.forms()); },
          "Built-in commendation forms first, then the declared ones.")
      .def_property_readonly(
          "declared_forms", [](const Registry& r) { return to_tuple(r.declared_forms()); },
          "The declared commendation forms only.")
      .def("search_units", &Registry::search_units, py::arg("query"),
           "Ids of the units whose id or name contains the folded query (\"tho xuong\").")
      .def("declare_field", &Registry::declare_field, py::arg("field"),
           "Declares a field; raises danvan.ValueError for a bad or duplicate "
           "id, an empty "
           "name, a 65th field, or once an entry was added.")
      .def_property_readonly(
          "fields", [](const Registry& r) { return to_tuple(r.fields()); },
          "Built-in fields first, then the declared ones (a tuple of copies).")
      .def_property_readonly(
          "declared_fields", [](const Registry& r) { return to_tuple(r.declared_fields()); },
          "The declared fields only (a tuple of copies).")
      .def_property_readonly(
          "units", [](const Registry& r) { return r.units(); },
          "The UnitHierarchy entries refer to (a copy).")
      .def("add", &Registry::add, py::arg("entry"),
           "Adds a copy of the entry after checking its lifecycle "
           "(check_events()) and its "
           "references: a new valid id, a unit existing on the registration "
           "day, known fields, "
           "a person name exactly for individuals. Raises danvan.ValueError "
           "(\"entry \\\"x\\\": "
           "...\"); the registry is then unchanged.")
      .def("add_event", &Registry::add_event, py::arg("entry_id"), py::arg("event"),
           "Appends an event to an existing entry (not dated before its last "
           "event), checked "
           "as add() does. Raises danvan.ValueError.")
      .def("__len__", &Registry::size, "The number of entries.")
      .def(
          "entry",
          [](const Registry& r, long long index) { return r.entry(checked_index(r, index)); },
          py::arg("index"),
          "A copy of the entry at the index (negatives count from the end); "
          "IndexError when "
          "out of range.")
      .def(
          "__getitem__",
          [](const Registry& r, long long index) { return r.entry(checked_index(r, index)); },
          py::arg("index"), "r[i]: a copy of the entry at the index.")
      .def(
          "__getitem__",
          [](const Registry& r, const std::string& id) {
            const auto i = r.find(id);
            if (!i) throw py::key_error(id);
            return r.entry(*i);
          },
          py::arg("id"), "r[\"id\"]: a copy of the entry with that id; KeyError when missing.")
      .def(
          "__iter__", [](const py::object& self) { return py::iter(attached_entries(self, {})); },
          "Iterates over the entries in insertion order: copies attached as r[i]'s are (a "
          "change to one is written back with replace(); copy.copy() one to change it alone).")
      .def(
          "__contains__",
          [](const Registry& r, const py::handle& id) {
            return py::isinstance<py::str>(id) && r.find(id.cast<std::string>()).has_value();
          },
          py::arg("id"), "True when an entry has that id.")
      .def("find", &Registry::find, py::arg("id"), "The index of the entry with that id, or None.")
      .def(
          "id_of",
          [](const Registry& r, long long index) {
            return std::string(r.id_of(checked_index(r, index)));
          },
          py::arg("index"), "The id of the entry at the index.")
      .def(
          "name_of",
          [](const Registry& r, long long index) {
            return std::string(r.name_of(checked_index(r, index)));
          },
          py::arg("index"), "The name of the entry at the index.")
      .def(
          "state_on",
          [](const Registry& r, long long index, Date day) {
            return r.state_on(checked_index(r, index), day);
          },
          py::arg("index"), py::arg("day"), "The EntryState of the entry at the index on the day.")
      .def("latest_event_date", &Registry::latest_event_date,
           "The date of the latest event of any entry, or None when empty.")
      .def("entries", &attached_entries, py::arg("indexes") = py::none(),
           "Copies of the entries at the indexes (all entries when None), as a list, attached "
           "as r[i]'s are: a change to one is written back with replace().")
      .def("select", &select_indexes, py::kw_only(), py::arg("unit_id") = py::none(),
           py::arg("current_units") = false, py::arg("as_of") = py::none(),
           py::arg("field_id") = py::none(), py::arg("kind") = py::none(),
           py::arg("subject") = py::none(), py::arg("level") = py::none(),
           py::arg("year") = py::none(), py::arg("state") = py::none(), py::arg("in_force") = false,
           py::arg("registered_in") = py::none(), py::arg("recognised_in") = py::none(),
           py::arg("commended_in") = py::none(), release_gil_reading(),
           "Indexes of the entries matching every given criterion, in "
           "insertion order.\n\n"
           "unit_id: the unit's subtree — with current_units=False as the "
           "hierarchy was (on "
           "the as-of day, or the last day the entry's unit existed if "
           "earlier); with "
           "current_units=True the entry's unit is mapped onto the units "
           "existing on the "
           "as-of day through successor links. field_id (\"unknown\": the entries of no field, "
           "as in stats() rows), kind (EntryKind), "
           "subject (Subject), "
           "level (highest recognition Level as of the day; \"unknown\": recognised at a level the "
           "source does not give, \"none\": not recognised, as in stats() rows), year (registered "
           "in that year), "
           "state (EntryState on the as-of day), in_force (recognised or effective on the "
           "as-of day: the \"Còn hiệu quả\" column). unit_id, field_id, kind, subject, level and "
           "state also take a list of values, any of which matches (kind=[\"model\", "
           "\"exemplar\"]); an empty list matches nothing. unit_id also matches place units. "
           "With an "
           "as_of day, entries registered after it are left out (they did not exist yet; one "
           "dated only \"2022\" may have and is kept), unless state asks for not_registered "
           "ones. Raises "
           "danvan.ValueError for "
           "an unknown unit "
           "or field.")
      .def(
          "search",
          [](const Registry& r, std::string_view query, std::optional<std::size_t> limit) {
            return r.search(query, limit.value_or(std::numeric_limits<std::size_t>::max()));
          },
          py::arg("query"), py::arg("limit") = py::none(), release_gil_reading(),
          "Indexes of the entries whose name, person name or description "
          "contains the folded "
          "query (\"dan van kheo\" finds \"Dân vận khéo\"), in insertion "
          "order, at most "
          "`limit` (all when None).")
      .def("search_names", &Registry::search_names, py::arg("query"), release_gil_reading(),
           "As search(), matching entry names and person names only.")
      .def(
          "sorted",
          [](const Registry& r, const std::vector<long long>& indexes, bool by_date) {
            auto v = checked_indexes(r, indexes);
            r.sort(v, by_date);
            return v;
          },
          py::arg("indexes"), py::kw_only(), py::arg("by_date") = false,
          "The indexes in Vietnamese order (a new list): by name, individuals "
          "by the person's "
          "given name; with by_date=True by registration date first.")
      .def(
          "stats",
          [](const Registry& r, int year, std::optional<Date> as_of,
             std::optional<OneOrMany<std::string>> unit_id, bool current_units,
             const py::object& by, const std::optional<std::string>& period) {
            if (empty_list(unit_id)) {
              throw danvan::ValueError(
                  "unit_id: an empty list names no unit (None counts every unit)");
            }
            StatsQuery query = make_query(year, as_of, std::nullopt, current_units, by, period);
            query.unit_ids = values_of(std::move(unit_id));
            const ReleasedRead released;  // the GIL, once `by` is read
            return r.stats(query);
          },
          py::arg("year") = 2020, py::kw_only(), py::arg("as_of") = py::none(),
          py::arg("unit_id") = py::none(), py::arg("current_units") = false,
          py::arg("by") = py::none(), py::arg("period") = py::none(),
          "The annual statistics table (a StatsTable; its `rows` are a list of "
          "dicts). as_of "
          "defaults to 31/12 of the year (later events are ignored); unit_id "
          "limits it to a "
          "subtree (current_units as in select()), or to the union of the subtrees of a list "
          "of units, in which each entry counts once (an entry of one unit replicated into "
          "another counts as its owner's, not again as a replication: a row is not the sum of "
          "the units' own tables); by is a sequence of "
          "StatsDimension or a "
          "string such as \"field,level\" (default: field, level, subject). "
          "The previous year "
          "is counted as of the as-of day one year earlier. Raises "
          "danvan.ValueError for an "
          "unknown unit or dimension, a repeated dimension or a year outside "
          "1402..9999.")
      .def("shrink_to_fit", &Registry::shrink_to_fit,
           "Releases spare capacity of the storage (the readers do it after "
           "loading).")
      .def_property_readonly("storage_bytes", &Registry::storage_bytes,
                             "Bytes held by the compact storage (arenas and tables, excluding "
                             "the unit hierarchy).")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](const Registry& r) {
            return "<danvan.Registry: " + std::to_string(r.size()) + " entries, " +
                   std::to_string(r.units().size()) + " units, " +
                   std::to_string(r.declared_fields().size()) + " declared fields>";
          },
          "<danvan.Registry: N entries, M units, K declared fields>.");
  add_registry_text_methods(registry);
}

// Reading and writing registries, and the journal.
void register_registry_files(py::module_& m) {
  m.def(
      "read_registry",
      [](std::string_view text, const danvan::UnitRegister* units) {
        return units != nullptr ? danvan::read_registry(text, *units) : danvan::read_registry(text);
      },
      py::arg("text"), py::kw_only(), py::arg("units") = nullptr,
      "Reads the text of a danvan/registry document. Raises danvan.JsonError listing every "
      "problem with its JSON pointer. `units` (a UnitRegister, e.g. the national register of "
      "bundled_units_path()) resolves units named by official code (\"code:22015\").");
  m.def("registry_to_text", &danvan::registry_to_text, py::arg("registry"), release_gil_reading(),
        "The canonical text of the registry document (same registry, same "
        "bytes).");
  m.def(
      "load_registry",
      [](const std::filesystem::path& path, const danvan::UnitRegister* units) {
        return units != nullptr ? danvan::load_registry(path, *units) : danvan::load_registry(path);
      },
      py::arg("path"), py::kw_only(), py::arg("units") = nullptr, release_gil(),
      "Reads a danvan/registry document (str or os.PathLike); `units` as read_registry's. "
      "Raises danvan.IoError or danvan.JsonError.");
  m.def("save_registry", &danvan::save_registry, py::arg("registry"), py::arg("path"),
        release_gil_reading(),
        "Writes the registry as canonical JSON, atomically. Raises "
        "danvan.IoError.");

  // Journal.
  m.def("journal_registration_line", &danvan::journal_registration_line, py::arg("entry"),
        "One journal line (ending in \"\\n\") recording the entry's "
        "registration (its first "
        "event, with the entry's details). Raises danvan.ValueError when the "
        "first event is "
        "not \"registered\".");
  m.def("journal_event_line", &danvan::journal_event_line, py::arg("entry_id"), py::arg("event"),
        "One journal line (ending in \"\\n\") recording an event of an "
        "existing entry.");

  py::class_<PyJournalWriter> writer(
      m, "JournalWriter",
      "Appends lines to a JSON Lines journal: the file is opened for appending "
      "(created when "
      "missing); each line is written by one write() and fsync()ed before "
      "append() returns. "
      "Usable as a context manager; close() releases the file.");
  writer
      .def(py::init([](const std::filesystem::path& path) {
             auto w = std::make_unique<PyJournalWriter>();
             w->path = path;
             w->writer = std::make_unique<danvan::JournalWriter>(path);
             return w;
           }),
           py::arg("path"), "Opens the journal; raises danvan.IoError when it cannot.")
      .def(
          "append", [](PyJournalWriter& w, std::string_view line) { w.open_writer().append(line); },
          py::arg("line"),
          "Appends one line, which must end in its only \"\\n\" (as "
          "journal_registration_line "
          "and journal_event_line make). Raises danvan.ValueError for another "
          "string or a "
          "closed writer, danvan.IoError when writing fails.")
      .def(
          "close", [](PyJournalWriter& w) { w.writer.reset(); },
          "Closes the file (again is harmless); append() then raises "
          "danvan.ValueError.")
      .def_property_readonly(
          "closed", [](const PyJournalWriter& w) { return !w.writer; },
          "True once close() was called.")
      .def_property_readonly(
          "path", [](const PyJournalWriter& w) { return w.path; },
          "The journal's path (a pathlib.Path).")
      .def(
          "__enter__", [](PyJournalWriter& w) -> PyJournalWriter& { return w; },
          py::return_value_policy::reference, "Returns the writer.")
      .def(
          "__exit__",
          [](PyJournalWriter& w, const py::handle&, const py::handle&, const py::handle&) {
            w.writer.reset();
          },
          py::arg("exc_type"), py::arg("exc_value"), py::arg("traceback"), "Closes the writer.")
      .def(
          "__repr__",
          [](const PyJournalWriter& w) {
            return py::str("<danvan.JournalWriter {!r}{}>")
                .format(utf8_text(w.path.string()), w.writer ? "" : " closed");
          },
          "<danvan.JournalWriter 'path'>.");

  m.def("replay_journal", &danvan::replay_journal, py::arg("text"), py::arg("registry"),
        "Applies every journal line to the registry (changed in place) and "
        "returns a "
        "ReplayResult. A torn last line (no final newline, or not valid JSON) "
        "is ignored and "
        "reported; any other bad line raises danvan.ValueError \"line N: ...\" "
        "with the lines "
        "before it applied.");
  m.def("replay_journal_file", &danvan::replay_journal_file, py::arg("path"), py::arg("registry"),
        "Reads the journal file (danvan.IoError when it cannot) and replays it "
        "as "
        "replay_journal() does.");
}

}  // namespace

void register_registry(py::module_& m) {
  // Enums first: the functions below convert them.
  make_enum<EntryKind>(m, "EntryKind",
                       "Kind of entry: a model (mô hình) or an exemplar (điển hình); "
                       "independent "
                       "of the subject.",
                       checked<EntryKind>({"model", "exemplar"}, danvan::parse_entry_kind));
  make_enum<Subject>(
      m, "Subject",
      "Who the entry is about: a collective (tập thể) or an individual (cá "
      "nhân); unknown (không rõ) when the source does not say.",
      checked<Subject>({"collective", "individual", "unknown"}, danvan::parse_subject));
  make_enum<EventType>(m, "EventType",
                       "Steps of an entry's history: registered (đăng ký), recognised (công "
                       "nhận), commended "
                       "(biểu dương), awarded (khen thưởng), replicated (nhân rộng), "
                       "reevaluated (đánh giá lại), "
                       "revoked (hủy bỏ).",
                       checked<EventType>({"registered", "recognised", "commended", "awarded",
                                           "replicated", "reevaluated", "revoked", "promoted"},
                                          danvan::parse_event_type));
  make_enum<CommendationStatus>(
      m, "CommendationStatus",
      "Status of a recognition, commendation or award: decided (đã quyết định) or proposed (đề "
      "nghị).",
      checked<CommendationStatus>({"decided", "proposed"}, danvan::parse_commendation_status));
  make_enum<EntryState>(
      m, "EntryState",
      "State of an entry on a day, derived from the events dated on or before "
      "it.",
      checked<EntryState>({"not_registered", "registered", "recognised", "effective",
                           "no_longer_effective", "revoked", "lapsed"},
                          danvan::parse_entry_state));
  m.def("is_in_force", &danvan::is_in_force, py::arg("state"),
        "True for recognised and effective: what the \"Còn hiệu quả\" column counts.");
  make_enum<StatsDimension>(m, "StatsDimension",
                            "A dimension of the statistics table: field, level, subject or kind.",
                            checked<StatsDimension>({"field", "level", "subject", "kind"},
                                                    danvan::parse_stats_dimension));

  m.def(
      "vietnamese_name", [](EntryKind v) { return std::string(danvan::vietnamese_name(v)); },
      py::arg("value"), "The Vietnamese label of an entry kind: \"mô hình\".");
  m.def(
      "vietnamese_name", [](Subject v) { return std::string(danvan::vietnamese_name(v)); },
      py::arg("value"), "The Vietnamese label of a subject: \"cá nhân\".");
  m.def(
      "vietnamese_name", [](EventType v) { return std::string(danvan::vietnamese_name(v)); },
      py::arg("value"), "The Vietnamese label of an event type: \"công nhận\".");
  m.def(
      "vietnamese_name", [](EntryState v) { return std::string(danvan::vietnamese_name(v)); },
      py::arg("value"), "The Vietnamese label of an entry state: \"còn hiệu quả\".");

  register_term<Field>(m, "Field", "A field (lĩnh vực) entries belong to: an id and a name.");
  register_term<Grade>(m, "Grade", "A grade (xếp loại) of a recognition: an id and a name.");
  register_term<CommendationForm>(m, "CommendationForm",
                                  "A form (hình thức) of commendation or award: an id and a name.");
  m.def("builtin_grades", &danvan::builtin_grades,
        "The built-in grades (xuat-sac, tot, kha), as a list of copies.");
  m.def("builtin_forms", &danvan::builtin_forms,
        "The built-in forms (bieu-duong, tuyen-duong, giay-khen, bang-khen, co-thi-dua, "
        "huan-chuong), as a list of copies.");

  m.def("builtin_fields", &danvan::builtin_fields,
        "The four built-in fields (kinh-te, van-hoa-xa-hoi, quoc-phong-an-ninh, "
        "xay-dung-he-thong-chinh-tri), as a list of copies.");
  register_events(m);
  register_entries(m);
  register_stats_tables(m);
  register_registry_class(m);
  register_registry_files(m);
}

}  // namespace danvan_py
