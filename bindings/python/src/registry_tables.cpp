// Registry.entries_table() and Registry.to_rows() (issue 12): the registry's entries as
// columns or records for analysis (pandas, csv, openpyxl) without an Entry object per entry.
//
// One walk over the entries builds the Python values directly. Repeated values (unit ids,
// enum names, field lists, dates) are made once and shared, so a 100k-entry table costs a
// fraction of json.load of the registry's file. Kept out of registry.cpp, as registry_edit.cpp is.
#include "common.hpp"

#include <danvan/registry.hpp>

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace danvan_py {

namespace {

using danvan::Date;
using danvan::Entry;
using danvan::Event;
using danvan::EventType;
using danvan::PartialDate;
using danvan::Registry;

/// The columns, in order; the keys of a record. Names are the Entry attributes where the
/// column is one, then the first registration and recognition (as the CSV table has them) and
/// the state and highest recognition level on the as-of day.
constexpr std::array<const char*, 19> column_names = {"id",          "name",
                                                      "kind",        "subject",
                                                      "unit_id",     "place_unit_ids",
                                                      "field_ids",   "person_name",
                                                      "description", "year",
                                                      "registered",  "registration_level",
                                                      "recognised",  "recognition_level",
                                                      "grade",       "decision",
                                                      "events",      "state",
                                                      "level"};
constexpr std::size_t column_count = column_names.size();

/// What one entry contributes.
struct EntryFacts {
  Entry entry;
  danvan::EntryState state = danvan::EntryState::registered;
  std::optional<danvan::Level> level = std::nullopt;
};

/// Hashes std::string and std::string_view alike (lookups without a std::string).
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

/// Python values made once per distinct text (ids, enum names), list of texts, date or number.
class Interned {
 public:
  py::object text(std::string_view s) {
    auto it = texts_.find(s);
    if (it == texts_.end()) {
      it = texts_.emplace(std::string(s), utf8_text(std::string(s))).first;
    }
    return it->second;
  }
  py::object optional_text(const std::optional<std::string>& s) {
    return s ? text(*s) : py::none();
  }
  py::object texts(const std::vector<std::string>& v) {
    if (v.empty()) return empty_;
    key_.clear();
    for (const auto& s : v) (key_ += s) += '\x1f';
    auto it = tuples_.find(std::string_view(key_));
    if (it == tuples_.end()) {
      py::tuple t(v.size());
      for (std::size_t i = 0; i < v.size(); ++i) t[i] = text(v[i]);
      it = tuples_.emplace(key_, std::move(t)).first;
    }
    return it->second;
  }
  /// A datetime.date at day precision, else the PartialDate (as Event.date gives it).
  py::object date(const std::optional<PartialDate>& d) {
    if (!d) return py::none();
    const long key = (static_cast<long>(d->precision()) * 10000L + d->year()) * 10000L +
                     d->month().value_or(0) * 100L + d->day().value_or(0);
    auto it = dates_.find(key);
    if (it == dates_.end()) {
      it = dates_.emplace(key, d->is_day() ? py::cast(d->date()) : py::cast(*d)).first;
    }
    return it->second;
  }
  py::object number(int n) {
    auto it = numbers_.find(n);
    if (it == numbers_.end()) it = numbers_.emplace(n, py::int_(n)).first;
    return it->second;
  }

 private:
  std::unordered_map<std::string, py::object, TextHash, std::equal_to<>> texts_;
  std::unordered_map<std::string, py::object, TextHash, std::equal_to<>> tuples_;
  std::unordered_map<long, py::object> dates_;
  std::unordered_map<int, py::object> numbers_;
  py::object empty_ = py::tuple();
  std::string key_;
};

/// The first event of the type that is decided (a proposed recognition is not one yet).
const Event* first_of(const Entry& e, EventType type) {
  for (const auto& ev : e.events) {
    if (ev.type == type && ev.status == danvan::CommendationStatus::decided) return &ev;
  }
  return nullptr;
}

/// The values of one entry, in column_names' order.
std::array<py::object, column_count> values_of(const EntryFacts& f, Interned& in) {
  const Entry& e = f.entry;
  const Event* reg = first_of(e, EventType::registered);
  const Event* rec = first_of(e, EventType::recognised);
  const auto level = [&in](const std::optional<danvan::Level>& l) {
    return l ? in.text(danvan::to_string(*l)) : py::none();
  };
  const auto event_level = [&level](const Event* ev) {
    return ev != nullptr ? level(ev->level) : py::none();
  };
  const auto event_text = [&in](const Event* ev, std::optional<std::string> Event::*member) {
    return ev != nullptr ? in.optional_text(ev->*member) : py::none();
  };
  const std::optional<PartialDate> registered =
      reg != nullptr ? reg->date : std::optional<PartialDate>();
  return {utf8_text(e.id),
          utf8_text(e.name),
          in.text(danvan::to_string(e.kind)),
          in.text(danvan::to_string(e.subject)),
          in.text(e.unit_id),
          in.texts(e.place_unit_ids),
          in.texts(e.field_ids),
          e.person_name ? py::object(utf8_text(*e.person_name)) : py::none(),
          utf8_text(e.description),
          registered ? in.number(registered->year()) : py::none(),
          in.date(registered),
          event_level(reg),
          rec != nullptr ? in.date(rec->date) : py::none(),
          event_level(rec),
          event_text(rec, &Event::grade),
          event_text(rec, &Event::decision),
          in.number(static_cast<int>(e.events.size())),
          in.text(danvan::to_string(f.state)),
          level(f.level)};
}

std::size_t checked(const Registry& r, long long index) {
  const auto n = static_cast<long long>(r.size());
  if (index < -n || index >= n) {
    throw py::index_error("entry index " + std::to_string(index) + " out of range (" +
                          std::to_string(n) + " entries)");
  }
  return static_cast<std::size_t>(index < 0 ? index + n : index);
}

/// Calls visit(k, values) for the k-th entry of `indexes` (all entries when none), with its
/// state and level on the as-of day (default: the latest event's date).
/// One entry is held at a time.
template <class Visit>
void walk(const Registry& r, const std::optional<std::vector<long long>>& indexes,
          std::optional<Date> as_of, Visit visit) {
  std::vector<std::size_t> at;
  if (indexes) {
    at.reserve(indexes->size());
    for (const long long i : *indexes) at.push_back(checked(r, i));
  }
  const Date day = as_of ? *as_of : r.latest_event_date().value_or(Date{});
  const std::size_t n = indexes ? at.size() : r.size();
  Interned in;
  EntryFacts f;
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = indexes ? at[k] : k;
    f.entry = r.entry(i);
    f.state = r.state_on(i, day);
    f.level = f.entry.level_on(day);
    visit(k, values_of(f, in));
  }
}

std::size_t count(const Registry& r, const std::optional<std::vector<long long>>& indexes) {
  return indexes ? indexes->size() : r.size();
}

py::dict entries_table(const Registry& r, const std::optional<std::vector<long long>>& indexes,
                       std::optional<Date> as_of) {
  std::array<py::list, column_count> columns;
  for (auto& c : columns) c = py::list(static_cast<py::ssize_t>(count(r, indexes)));
  walk(r, indexes, as_of, [&columns](std::size_t k, std::array<py::object, column_count> values) {
    for (std::size_t c = 0; c < column_count; ++c) {
      PyList_SET_ITEM(columns[c].ptr(), static_cast<py::ssize_t>(k), values[c].release().ptr());
    }
  });
  py::dict out;
  for (std::size_t c = 0; c < column_count; ++c) out[column_names[c]] = columns[c];
  return out;
}

py::list to_rows(const Registry& r, const std::optional<std::vector<long long>>& indexes,
                 std::optional<Date> as_of) {
  std::array<py::str, column_count> keys;
  for (std::size_t c = 0; c < column_count; ++c) keys[c] = py::str(column_names[c]);
  py::dict shape;
  for (const auto& key : keys) shape[key] = py::none();
  py::list rows(static_cast<py::ssize_t>(count(r, indexes)));
  walk(r, indexes, as_of, [&](std::size_t k, std::array<py::object, column_count> values) {
    // A copy of a dict with every key already in place: no resizing while filling it.
    PyObject* row = PyDict_Copy(shape.ptr());
    if (row == nullptr) throw py::error_already_set();
    PyList_SET_ITEM(rows.ptr(), static_cast<py::ssize_t>(k), row);
    for (std::size_t c = 0; c < column_count; ++c) {
      if (PyDict_SetItem(row, keys[c].ptr(), values[c].ptr()) != 0) throw py::error_already_set();
    }
  });
  return rows;
}

constexpr const char* columns_doc =
    "id, name, kind (EntryKind), subject (Subject), unit_id, place_unit_ids and field_ids "
    "(tuples of ids), person_name, description (the Entry attributes); year, registered, "
    "registration_level (the first registration: its year, date and Level); recognised, "
    "recognition_level, grade (an id), decision (the first recognition); events (how many); "
    "state (EntryState) and level (the highest recognition Level) on the as-of day (default: "
    "the latest event's date). Enum values are their JSON names as plain str (equal to the "
    "enum members); dates are datetime.date at day precision, else a PartialDate; unknown "
    "values are None.";

}  // namespace

void register_registry_tables(py::module_& m) {
  const py::object cls = m.attr("Registry");
  cls.attr("entries_table") = py::cpp_function(
      &entries_table, py::name("entries_table"), py::is_method(cls),
      py::arg("indexes") = py::none(), py::kw_only(), py::arg("as_of") = py::none(),
      (std::string("The entries at the indexes (all when None; e.g. from select()) as "
                   "columns: a dict from column name to a list with one value per entry, "
                   "ready for pandas.DataFrame(). Columns: ") +
       columns_doc)
          .c_str());
  cls.attr("to_rows") = py::cpp_function(
      &to_rows, py::name("to_rows"), py::is_method(cls), py::arg("indexes") = py::none(),
      py::kw_only(), py::arg("as_of") = py::none(),
      (std::string("The entries at the indexes (all when None; e.g. from select()) as "
                   "records: a list with a dict per entry, keyed as entries_table()'s columns: ") +
       columns_doc)
          .c_str());
}

}  // namespace danvan_py
