// Dates: the datetime.date caster, PartialDate, Period and the date parsers.
#include "common.hpp"

#include <datetime.h>

#include <pybind11/operators.h>

#include <optional>
#include <string_view>

namespace pybind11::detail {

namespace {
// Python's accessor macros are C casts; they are the documented API, so allow them here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
int year_of(PyObject* d) { return PyDateTime_GET_YEAR(d); }
int month_of(PyObject* d) { return PyDateTime_GET_MONTH(d); }
int day_of(PyObject* d) { return PyDateTime_GET_DAY(d); }
#pragma GCC diagnostic pop

void import_datetime() {
  if (PyDateTimeAPI == nullptr) {
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == nullptr) throw error_already_set();
  }
}
}  // namespace

/// "YYYY-MM-DD" of an existing day, else nothing.
std::optional<boost::gregorian::date> iso_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  const auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return static_cast<unsigned short>(v);
  };
  try {
    return boost::gregorian::date(number(0, 4), number(5, 2), number(8, 2));
  } catch (const std::out_of_range&) {
    return std::nullopt;  // Boost's bad_year, bad_month and bad_day_of_month
  }
}

bool type_caster<boost::gregorian::date>::load(handle src, bool convert) {
  import_datetime();
  if (!src) return false;
  if (convert && PyUnicode_Check(src.ptr())) {
    Py_ssize_t size = 0;
    const char* text = PyUnicode_AsUTF8AndSize(src.ptr(), &size);
    if (text == nullptr) {
      PyErr_Clear();
      return false;
    }
    const auto day = iso_day(std::string_view(text, static_cast<std::size_t>(size)));
    if (!day) return false;
    value = *day;
    return true;
  }
  if (!PyDate_Check(src.ptr())) return false;
  // pandas.NaT ("not a time") derives from datetime.datetime but denotes no day.
  if (std::string_view(Py_TYPE(src.ptr())->tp_name).ends_with("NaTType")) return false;
  const int year = year_of(src.ptr());
  const int month = month_of(src.ptr());
  const int day = day_of(src.ptr());
  if (year < 1400) {
    // Boost.Date_Time (and so danvan) knows the years 1400..9999 only.
    throw danvan::ValueError("date " + repr(src).cast<std::string>() +
                             " is before 1400, the first year danvan can represent");
  }
  value =
      boost::gregorian::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                             static_cast<unsigned short>(day));
  return true;
}

handle type_caster<boost::gregorian::date>::cast(const boost::gregorian::date& d,
                                                 return_value_policy /*policy*/,
                                                 handle /*parent*/) {
  import_datetime();
  if (d.is_special()) {
    // to_iso names the special value in its ValueError.
    (void)danvan::to_iso(d);
  }
  const auto ymd = d.year_month_day();
  PyObject* o = PyDate_FromDate(ymd.year, ymd.month, ymd.day);
  if (o == nullptr) throw error_already_set();
  return o;
}

}  // namespace pybind11::detail

namespace danvan_py {

using danvan::Date;
using danvan::PartialDate;
using danvan::Period;
using danvan::PeriodType;

namespace {

/// What Python passes to a PartialDate parameter besides a PartialDate: a datetime.date
/// (or datetime, pandas.Timestamp: the day) or an ISO string at any precision ("2020",
/// "2020-04", "2020-04-10"). pybind11 calls this in its converting pass (as for
/// py::implicitly_convertible); nullptr leaves the argument refused, and the message to
/// danvan._arguments.
PyObject* partial_date_from(PyObject* obj, PyTypeObject* /*type*/) {
  try {
    if (PyUnicode_Check(obj)) {
      Py_ssize_t size = 0;
      const char* text = PyUnicode_AsUTF8AndSize(obj, &size);
      if (text == nullptr) {
        PyErr_Clear();
        return nullptr;
      }
      const std::string_view s(text, static_cast<std::size_t>(size));
      const bool iso_shape = (s.size() == 4 || (s.size() == 7 && s[4] == '-') ||
                              (s.size() == 10 && s[4] == '-' && s[7] == '-')) &&
                             s.find_first_not_of("0123456789-") == std::string_view::npos;
      if (!iso_shape) return nullptr;
      return py::cast(danvan::parse_partial_date(s)).release().ptr();
    }
    py::detail::make_caster<Date> day;
    if (!day.load(obj, false)) return nullptr;
    return py::cast(PartialDate::from_date(py::detail::cast_op<Date>(day))).release().ptr();
  } catch (const danvan::Error&) {
    return nullptr;
  }
}

/// A Period id ("2020", "2020S1", "2020Q4", "202004") where a Period is expected.
PyObject* period_from(PyObject* obj, PyTypeObject* /*type*/) {
  if (!PyUnicode_Check(obj)) return nullptr;
  try {
    return py::cast(Period::parse(py::handle(obj).cast<std::string>())).release().ptr();
  } catch (const danvan::Error&) {
    return nullptr;
  }
}

template <class T>
void add_implicit_conversion(PyObject* (*convert)(PyObject*, PyTypeObject*)) {
  auto* info = py::detail::get_type_info(typeid(T), /*throw_if_missing=*/true);
  info->implicit_conversions.push_back(convert);
}

/// Comparing with a str returns NotImplemented (so == is False and < raises), though the
/// string would convert where a parameter takes the type: PartialDate(2020) == "2020" would
/// otherwise hold while their hashes differ.
template <class T>
void refuse_str_comparisons(py::class_<T>& cls) {
  for (const char* op : {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"}) {
    cls.def(
        op,
        [](const T&, const py::str&) {
          return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        },
        py::is_operator(), "Not comparable with str (NotImplemented).");
  }
}

}  // namespace

void register_dates(py::module_& m) {
  py::class_<PartialDate> partial_date(
      m, "PartialDate",
      "A date known to the year, the month or the day (\"2020\", \"2020-04\", \"2020-04-10\").\n\n"
      "Immutable and hashable. Ordered by (first day, precision): "
      "PartialDate(2020) < PartialDate(2020, 1) < PartialDate(2020, 1, 1). Years are "
      "1400..9999; the day must exist in its month.\n\n"
      "Compares with datetime.date as with a day-precision PartialDate "
      "(PartialDate(2020, 4, 10) == date(2020, 4, 10), and hashes alike); a parameter that "
      "takes a PartialDate takes a datetime.date, datetime.datetime or pandas.Timestamp (the "
      "day) and an ISO string (\"2020\", \"2020-04\", \"2020-04-10\") too.");
  add_ordering(partial_date);
  refuse_str_comparisons(partial_date);
  add_implicit_conversion<PartialDate>(&partial_date_from);
  partial_date
      .def(py::init([](int year, std::optional<int> month, std::optional<int> day) {
             if (day && !month) throw danvan::ValueError("a day needs a month");
             if (day) return PartialDate(year, *month, *day);
             if (month) return PartialDate(year, *month);
             return PartialDate(year);
           }),
           py::arg("year"), py::arg("month") = py::none(), py::arg("day") = py::none(),
           "PartialDate(2020), PartialDate(2020, 4) or PartialDate(2020, 4, 10); raises "
           "danvan.ValueError when the fields do not form a date.")
      .def_static("from_string", &danvan::parse_partial_date, py::arg("text"),
                  "Parses the forms Vietnamese texts use (as parse_partial_date): "
                  "\"10/04/2020\", \"tháng 4 năm 2020\", \"2020-04\", ... Raises "
                  "danvan.ParseError.")
      .def_static("from_date", &PartialDate::from_date, py::arg("day"),
                  "A day-precision PartialDate from a datetime.date.")
      .def_property_readonly("year", &PartialDate::year, "The year.")
      .def_property_readonly("month", &PartialDate::month, "The month 1..12, or None.")
      .def_property_readonly("day", &PartialDate::day, "The day of the month, or None.")
      .def_property_readonly("precision", &PartialDate::precision,
                             "DatePrecision.year, .month or .day.")
      .def_property_readonly("is_day", &PartialDate::is_day, "True when the day is known.")
      .def_property_readonly("first_day", &PartialDate::first_day,
                             "The first day the partial date may denote, as a datetime.date.")
      .def_property_readonly("last_day", &PartialDate::last_day,
                             "The last day the partial date may denote, as a datetime.date.")
      .def("date", &PartialDate::date,
           "The day as a datetime.date; raises danvan.ValueError unless the precision is day.")
      .def("iso", &PartialDate::iso, "ISO 8601 at its precision: \"2020\", \"2020-04\", ...")
      .def("vietnamese", &PartialDate::vietnamese,
           "Vietnamese numeric form: \"2020\", \"04/2020\", \"10/04/2020\".")
      .def("vietnamese_long", &PartialDate::vietnamese_long,
           "Vietnamese long form: \"năm 2020\", \"tháng 4 năm 2020\", "
           "\"ngày 10 tháng 4 năm 2020\".")
      .def(
          "__hash__",
          [](const PartialDate& d) {
            if (d.is_day()) return py::hash(py::cast(d.date()));
            return py::hash(py::make_tuple(d.year(), d.month().value_or(0), d.day().value_or(0)));
          },
          "Hash of the datetime.date for a day, else of (year, month, day).")
      .def(
          "__repr__",
          [](const PartialDate& d) {
            std::string s = "PartialDate(" + std::to_string(d.year());
            if (d.month()) s += ", " + std::to_string(*d.month());
            if (d.day()) s += ", " + std::to_string(*d.day());
            return s + ")";
          },
          "PartialDate(2020, 4).")
      .def("__str__", &PartialDate::iso, "The ISO form, as iso().")
      .def(
          "__reduce__",
          [](py::handle self) {
            const auto& d = self.cast<const PartialDate&>();
            py::list args;
            args.append(d.year());
            if (d.month()) args.append(*d.month());
            if (d.day()) args.append(*d.day());
            return py::make_tuple(py::type::of(self), py::tuple(args));
          },
          "Pickle support.");

  m.def("parse_partial_date", &danvan::parse_partial_date, py::arg("text"),
        "Parses a date at its known precision, day first: \"10/04/2020\", \"5/9/2016\", "
        "\"12-12-2013\", \"ngày 05 tháng 9 năm 2016\", \"tháng 9/2016\", \"năm 2016\", ISO "
        "\"2016-09-05\", \"2016-09\", \"2016\". Raises danvan.ParseError (offset in UTF-8 "
        "bytes).");
  m.def("parse_date", &danvan::parse_date, py::arg("text"),
        "As parse_partial_date, but the result must be a whole day; returns a datetime.date. "
        "Raises danvan.ParseError.");
  m.def("to_iso", &danvan::to_iso, py::arg("day"),
        "ISO 8601 \"YYYY-MM-DD\" of a datetime.date (as date.isoformat()).");

  py::class_<Period> period(
      m, "Period",
      "A reporting period with a stable id: \"2020\", \"2020S1\", \"2020Q2\", \"202004\".\n\n"
      "Immutable and hashable; ordered by start date, then by length (shorter first). A "
      "parameter that takes a Period takes its id too (summarize_progress(period=\"2020Q4\")).");
  add_ordering(period);
  refuse_str_comparisons(period);
  add_implicit_conversion<Period>(&period_from);
  period
      .def(py::init<PeriodType, int, int>(), py::arg("type"), py::arg("year"), py::arg("index") = 1,
           "Period(PeriodType.quarter, 2020, 2); index is 1..12 for months, 1..4 for quarters, "
           "1..2 for six-month periods, 1 for years. Raises danvan.ValueError.")
      .def_static("parse", &Period::parse, py::arg("id"),
                  "Parses an id: \"2020\", \"2020S1\", \"2020Q2\", \"202004\" (exactly). Raises "
                  "danvan.ParseError.")
      .def_static("containing", &Period::containing, py::arg("type"), py::arg("day"),
                  "The period of the given type that contains a datetime.date.")
      .def_property_readonly("type", &Period::type, "The PeriodType.")
      .def_property_readonly("year", &Period::year, "The year.")
      .def_property_readonly("index", &Period::index, "The month, quarter or half (1 for a year).")
      .def_property_readonly("id", &Period::id, "The id: \"2020Q2\".")
      .def_property_readonly("start", &Period::start, "The first day, as a datetime.date.")
      .def_property_readonly("end", &Period::end, "The last day (inclusive), as a datetime.date.")
      .def("contains", py::overload_cast<const Period&>(&Period::contains, py::const_),
           py::arg("other"), "True when the other period lies within this one.")
      .def("contains", py::overload_cast<Date>(&Period::contains, py::const_), py::arg("day"),
           "True when the datetime.date lies within the period.")
      .def("next", &Period::next, "The following period of the same type.")
      .def("previous", &Period::previous, "The preceding period of the same type.")
      .def("split", &Period::split, py::arg("type"),
           "The periods of a shorter (or equal) type that make up this one, in order; raises "
           "danvan.ValueError when `type` is longer.")
      .def(
          "__contains__",
          [](const Period& p, const py::handle& x) {
            if (py::isinstance<Period>(x)) return p.contains(x.cast<const Period&>());
            py::detail::make_caster<Date> day;
            if (!day.load(x, false)) {
              throw py::type_error("expected a datetime.date or a Period, got " +
                                   py::type::of(x).attr("__name__").cast<std::string>());
            }
            return p.contains(py::detail::cast_op<Date>(day));
          },
          py::arg("item"), "`day in period` and `period in period`.")
      .def(
          "__hash__", [](const Period& p) { return py::hash(py::str(p.id())); }, "Hash of the id.")
      .def(
          "__repr__", [](const Period& p) { return "Period.parse('" + p.id() + "')"; },
          "Period.parse('2020Q2').")
      .def("__str__", &Period::id, "The id.")
      .def(
          "__reduce__",
          [](py::handle self) {
            const auto& p = self.cast<const Period&>();
            return py::make_tuple(py::type::of(self),
                                  py::make_tuple(p.type(), p.year(), p.index()));
          },
          "Pickle support.");
}

}  // namespace danvan_py
