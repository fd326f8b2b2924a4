// danvan._core: the Vietnamese lunar calendar, holidays and deadlines (lunar.hpp, calendar.hpp,
// deadline.hpp).
#include "common.hpp"

#include <danvan/calendar.hpp>
#include <danvan/deadline.hpp>
#include <danvan/lunar.hpp>

#include <pybind11/operators.h>

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

DANVAN_PY_ENUM_CASTER(danvan::Weekday, "danvan.Weekday")
DANVAN_PY_ENUM_CASTER(danvan::DateBasis, "danvan.DateBasis")
DANVAN_PY_ENUM_CASTER(danvan::DayCounting, "danvan.DayCounting")
DANVAN_PY_ENUM_CASTER(danvan::DayOffKind, "danvan.DayOffKind")
DANVAN_PY_ENUM_CASTER(danvan::ComplaintRound, "danvan.ComplaintRound")

namespace danvan_py {

using danvan::Calendar;
using danvan::ComplaintLimits;
using danvan::ComplaintRound;
using danvan::Date;
using danvan::DateBasis;
using danvan::DayCounting;
using danvan::DayOff;
using danvan::DayOffKind;
using danvan::DeadlineRules;
using danvan::ExtraDayOff;
using danvan::HolidayRule;
using danvan::LunarDate;
using danvan::Weekday;
using danvan::YearSchedule;

namespace {

std::string field_repr(const py::object& v) { return py::repr(v).cast<std::string>(); }

py::list day_off_rows(const std::vector<DayOff>& days) {
  py::list rows;
  for (const DayOff& d : days) {
    py::dict row;
    row["date"] = py::cast(d.date);
    row["name"] = d.name;
    row["rule_id"] = d.rule_id;
    row["kind"] = std::string(danvan::to_string(d.kind));
    rows.append(row);
  }
  return rows;
}

}  // namespace

namespace {

// LunarDate and the solar/lunar conversions.
void register_lunar(py::module_& m) {
  m.attr("lunar_min_year") = danvan::lunar_min_year;
  m.attr("lunar_max_year") = danvan::lunar_max_year;

  py::class_<LunarDate> lunar(
      m, "LunarDate",
      "A day of the Vietnamese lunar calendar (âm lịch), computed for UTC+7: lunar year, month "
      "1..12, day 1..30 and whether the month is the leap month (tháng nhuận). Ordered and "
      "hashable; str() gives \"10/3/2020\" or \"1/4 nhuận/2020\".");
  lunar
      .def(py::init([](int year, int month, int day, bool leap) {
             return LunarDate{year, month, day, leap};
           }),
           py::arg("year") = 0, py::arg("month") = 0, py::arg("day") = 0, py::arg("leap") = false,
           "LunarDate(year, month, day, leap=False); not checked.")
      .def_property("year", get_copy(&LunarDate::year), set_value(&LunarDate::year),
                    "The lunar year (months 11 and 12 belong to the year that began before "
                    "them).")
      .def_property("month", get_copy(&LunarDate::month), set_value(&LunarDate::month),
                    "The month, 1..12.")
      .def_property("day", get_copy(&LunarDate::day), set_value(&LunarDate::day), "The day, 1..30.")
      .def_property("leap", get_copy(&LunarDate::leap), set_value(&LunarDate::leap),
                    "True in the leap month.")
      .def(
          "__str__", [](const LunarDate& d) { return danvan::to_string(d); },
          "\"10/3/2020\", \"1/4 nhuận/2020\".")
      .def(
          "__repr__",
          [](const LunarDate& d) {
            return "LunarDate(" + std::to_string(d.year) + ", " + std::to_string(d.month) + ", " +
                   std::to_string(d.day) + (d.leap ? ", leap=True)" : ")");
          },
          "LunarDate(year, month, day[, leap=True]).")
      .def(
          "__hash__",
          [](const LunarDate& d) {
            return py::hash(py::make_tuple(d.year, d.month, d.leap, d.day));
          },
          "Hash of (year, month, leap, day).");
  add_ordering(lunar);
  add_field_pickling(lunar, {"year", "month", "day", "leap"});

  m.def("to_lunar", &danvan::to_lunar, py::arg("solar"),
        "The LunarDate of a datetime.date; raises danvan.ValueError outside 1900-01-01 .. "
        "2100-12-31.");
  m.def("from_lunar", &danvan::from_lunar, py::arg("date"),
        "The datetime.date of a LunarDate; raises danvan.ValueError when the lunar date does "
        "not exist or falls outside 1900..2100.");
  m.def("leap_month", &danvan::leap_month, py::arg("lunar_year"),
        "The leap month of a lunar year (the number it repeats), or None; raises "
        "danvan.ValueError outside 1899..2100.");
  m.def("lunar_month_length", &danvan::lunar_month_length, py::arg("lunar_year"), py::arg("month"),
        py::arg("leap") = false,
        "The number of days (29 or 30) of a lunar month; raises danvan.ValueError as "
        "from_lunar.");
  m.def("lunar_new_year", &danvan::lunar_new_year, py::arg("lunar_year"),
        "The datetime.date of mùng 1 Tết of a lunar year; raises danvan.ValueError outside "
        "1900..2100.");
}

// HolidayRule, ExtraDayOff, YearSchedule: the parts of a holiday calendar.
void register_holiday_parts(py::module_& m) {
  py::class_<HolidayRule> rule(
      m, "HolidayRule",
      "A rule that gives a public holiday (ngày nghỉ lễ, tết) every year in force: month/day in "
      "a DateBasis, the offsets of the days off around it, or one adjacent day.");
  rule.def(py::init([](std::string id, std::string name, DateBasis basis, int month, int day,
                       int first_offset, int last_offset, bool adjacent,
                       std::optional<int> from_year, std::optional<int> to_year) {
             return HolidayRule{std::move(id), std::move(name), basis,    month,     day,
                                first_offset,  last_offset,     adjacent, from_year, to_year};
           }),
           py::kw_only(), py::arg("id") = "", py::arg("name") = "",
           py::arg("basis") = DateBasis::solar, py::arg("month") = 1, py::arg("day") = 1,
           py::arg("first_offset") = 0, py::arg("last_offset") = 0, py::arg("adjacent") = false,
           py::arg("from_year") = py::none(), py::arg("to_year") = py::none(),
           "A rule from keyword arguments; checked when a Calendar is built.")
      .def_property("id", get_copy(&HolidayRule::id), set_value(&HolidayRule::id),
                    "Stable id: \"tet\".")
      .def_property("name", get_copy(&HolidayRule::name), set_value(&HolidayRule::name),
                    "\"Tết Nguyên đán\".")
      .def_property("basis", get_copy(&HolidayRule::basis), set_value(&HolidayRule::basis),
                    "The DateBasis of month and day.")
      .def_property("month", get_copy(&HolidayRule::month), set_value(&HolidayRule::month),
                    "Month of the anchor, 1..12.")
      .def_property("day", get_copy(&HolidayRule::day), set_value(&HolidayRule::day),
                    "Day of the anchor.")
      .def_property("first_offset", get_copy(&HolidayRule::first_offset),
                    set_value(&HolidayRule::first_offset), "First day off relative to the anchor.")
      .def_property("last_offset", get_copy(&HolidayRule::last_offset),
                    set_value(&HolidayRule::last_offset), "Last day off relative to the anchor.")
      .def_property("adjacent", get_copy(&HolidayRule::adjacent), set_value(&HolidayRule::adjacent),
                    "True for one day next to the anchor (the day beside 2/9).")
      .def_property("from_year", get_copy(&HolidayRule::from_year),
                    set_value(&HolidayRule::from_year), "First year in force, or None.")
      .def_property("to_year", get_copy(&HolidayRule::to_year), set_value(&HolidayRule::to_year),
                    "Last year in force, or None.")
      .def("in_force", &HolidayRule::in_force, py::arg("year"),
           "True when the rule applies in the Gregorian year.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "HolidayRule",
                               {"id", "name", "basis", "month", "day", "first_offset",
                                "last_offset", "adjacent", "from_year", "to_year"});
          },
          "HolidayRule(id=..., ...), fields at their defaults left out.");
  add_field_pickling(rule, {"id", "name", "basis", "month", "day", "first_offset", "last_offset",
                            "adjacent", "from_year", "to_year"});

  py::class_<ExtraDayOff> extra(m, "ExtraDayOff",
                                "An extra day off decided for one year (e.g. a swapped day).");
  extra
      .def(py::init([](Date date, std::string name) {
             return ExtraDayOff{date, std::move(name)};
           }),
           py::arg("date"), py::arg("name"), "ExtraDayOff(date, name).")
      .def_property("date", get_copy(&ExtraDayOff::date), set_value(&ExtraDayOff::date),
                    "The day (datetime.date).")
      .def_property("name", get_copy(&ExtraDayOff::name), set_value(&ExtraDayOff::name),
                    "Why it is off.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return "ExtraDayOff(" + field_repr(self.attr("date")) + ", " +
                   field_repr(self.attr("name")) + ")";
          },
          "ExtraDayOff(datetime.date(...), name).")
      .def(py::pickle([](const ExtraDayOff& e) { return py::make_tuple(py::cast(e.date), e.name); },
                      [](const py::tuple& t) {
                        return ExtraDayOff{t[0].cast<Date>(), t[1].cast<std::string>()};
                      }));

  py::class_<YearSchedule> year(
      m, "YearSchedule",
      "What the government decided for one year: the days of some rules (rule id -> list of "
      "datetime.date), extra days off, weekend days worked (làm bù) and the source.");
  year.def(py::init([](int y, std::map<std::string, std::vector<Date>> rule_days,
                       std::vector<ExtraDayOff> extra_days_off, std::vector<Date> working_days,
                       std::string source) {
             return YearSchedule{y, std::move(rule_days), std::move(extra_days_off),
                                 std::move(working_days), std::move(source)};
           }),
           py::kw_only(), py::arg("year") = 0,
           py::arg("rule_days") = std::map<std::string, std::vector<Date>>{},
           py::arg("extra_days_off") = std::vector<ExtraDayOff>{},
           py::arg("working_days") = std::vector<Date>{}, py::arg("source") = "",
           "A year's decisions from keyword arguments; checked when a Calendar is built.")
      .def_property("year", get_copy(&YearSchedule::year), set_value(&YearSchedule::year),
                    "The Gregorian year.")
      .def_property("rule_days", get_copy(&YearSchedule::rule_days),
                    set_value(&YearSchedule::rule_days),
                    "Decided days per rule id (a dict of lists: a copy).")
      .def_property(
          "extra_days_off", [](const YearSchedule& s) { return to_tuple(s.extra_days_off); },
          [](YearSchedule& s, std::vector<ExtraDayOff> v) { s.extra_days_off = std::move(v); },
          "The ExtraDayOffs (a tuple of copies).")
      .def_property(
          "working_days", [](const YearSchedule& s) { return to_tuple(s.working_days); },
          [](YearSchedule& s, std::vector<Date> v) { s.working_days = std::move(v); },
          "Weekend days that are working days (a tuple of datetime.date).")
      .def_property("source", get_copy(&YearSchedule::source), set_value(&YearSchedule::source),
                    "The decision cited.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "YearSchedule",
                               {"year", "rule_days", "extra_days_off", "working_days", "source"});
          },
          "YearSchedule(year=..., ...), fields at their defaults left out.");
  add_field_pickling(year, {"year", "rule_days", "extra_days_off", "working_days", "source"});
}

// ComplaintLimits, DeadlineRules, DayOff.
void register_deadline_rules(py::module_& m) {
  py::class_<ComplaintLimits> limits(
      m, "ComplaintLimits",
      "The four limits in days of one complaint round: normal, complex (phức tạp), remote "
      "(vùng sâu, vùng xa) and remote complex.");
  limits
      .def(py::init([](int normal, int complex, int remote, int remote_complex) {
             return ComplaintLimits{normal, complex, remote, remote_complex};
           }),
           py::kw_only(), py::arg("normal") = 0, py::arg("complex") = 0, py::arg("remote") = 0,
           py::arg("remote_complex") = 0, "ComplaintLimits(normal=..., ...).")
      .def_property("normal", get_copy(&ComplaintLimits::normal),
                    set_value(&ComplaintLimits::normal), "Days for a normal case.")
      .def_property("complex", get_copy(&ComplaintLimits::complex),
                    set_value(&ComplaintLimits::complex), "Days for a complex case.")
      .def_property("remote", get_copy(&ComplaintLimits::remote),
                    set_value(&ComplaintLimits::remote), "Days in a remote area.")
      .def_property("remote_complex", get_copy(&ComplaintLimits::remote_complex),
                    set_value(&ComplaintLimits::remote_complex),
                    "Days for a complex case in a remote area.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "ComplaintLimits",
                               {"normal", "complex", "remote", "remote_complex"});
          },
          "ComplaintLimits(normal=..., ...).");
  add_field_pickling(limits, {"normal", "complex", "remote", "remote_complex"});

  py::class_<DeadlineRules> rules(
      m, "DeadlineRules",
      "Legal time limits in days, as data a province can change; the defaults are the national "
      "law (Luật Khiếu nại 2011, Luật Tố cáo 2018).");
  rules
      .def(py::init([](DayCounting counting, ComplaintLimits first, ComplaintLimits second,
                       int days, int extension_days, int max_extensions) {
             return DeadlineRules{counting, first, second, days, extension_days, max_extensions};
           }),
           py::kw_only(), py::arg("counting") = DayCounting::calendar_days,
           py::arg("complaint_first") = DeadlineRules{}.complaint_first,
           py::arg("complaint_second") = DeadlineRules{}.complaint_second,
           py::arg("denunciation_days") = 30, py::arg("denunciation_extension_days") = 30,
           py::arg("denunciation_max_extensions") = 2,
           "Deadline rules from keyword arguments (defaults: the national law).")
      .def_property("counting", get_copy(&DeadlineRules::counting),
                    set_value(&DeadlineRules::counting), "The DayCounting of every limit.")
      .def_property("complaint_first", get_copy(&DeadlineRules::complaint_first),
                    set_value(&DeadlineRules::complaint_first),
                    "ComplaintLimits of the first round (a copy).")
      .def_property("complaint_second", get_copy(&DeadlineRules::complaint_second),
                    set_value(&DeadlineRules::complaint_second),
                    "ComplaintLimits of the second round (a copy).")
      .def_property("denunciation_days", get_copy(&DeadlineRules::denunciation_days),
                    set_value(&DeadlineRules::denunciation_days),
                    "Days to resolve a denunciation (tố cáo).")
      .def_property("denunciation_extension_days",
                    get_copy(&DeadlineRules::denunciation_extension_days),
                    set_value(&DeadlineRules::denunciation_extension_days),
                    "Days added by one extension (gia hạn).")
      .def_property("denunciation_max_extensions",
                    get_copy(&DeadlineRules::denunciation_max_extensions),
                    set_value(&DeadlineRules::denunciation_max_extensions),
                    "How many extensions are allowed.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(
                self, "DeadlineRules",
                {"counting", "complaint_first", "complaint_second", "denunciation_days",
                 "denunciation_extension_days", "denunciation_max_extensions"});
          },
          "DeadlineRules(...), fields at their defaults left out.");
  add_field_pickling(rules, {"counting", "complaint_first", "complaint_second", "denunciation_days",
                             "denunciation_extension_days", "denunciation_max_extensions"});

  py::class_<DayOff> day_off(
      m, "DayOff",
      "One day off other than an ordinary weekend day: date, name, the rule's id (\"\" for "
      "extra days) and the DayOffKind.");
  day_off
      .def(py::init([](Date date, std::string name, std::string rule_id, DayOffKind kind) {
             return DayOff{date, std::move(name), std::move(rule_id), kind};
           }),
           py::arg("date"), py::arg("name"), py::arg("rule_id") = "",
           py::arg("kind") = DayOffKind::holiday, "DayOff(date, name, rule_id=\"\", kind=...).")
      .def_property("date", get_copy(&DayOff::date), set_value(&DayOff::date),
                    "The day (datetime.date).")
      .def_property("name", get_copy(&DayOff::name), set_value(&DayOff::name),
                    "\"Tết Nguyên đán\", \"Nghỉ bù Quốc khánh\".")
      .def_property("rule_id", get_copy(&DayOff::rule_id), set_value(&DayOff::rule_id),
                    "The rule's id, \"\" for extra days.")
      .def_property("kind", get_copy(&DayOff::kind), set_value(&DayOff::kind), "The DayOffKind.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return "DayOff(" + field_repr(self.attr("date")) + ", " +
                   field_repr(self.attr("name")) + ", rule_id=" + field_repr(self.attr("rule_id")) +
                   ", kind=" + field_repr(self.attr("kind")) + ")";
          },
          "DayOff(datetime.date(...), name, rule_id=..., kind=...).")
      .def(py::pickle(
          [](const DayOff& d) {
            return py::make_tuple(py::cast(d.date), d.name, d.rule_id, py::cast(d.kind));
          },
          [](const py::tuple& t) {
            return DayOff{t[0].cast<Date>(), t[1].cast<std::string>(), t[2].cast<std::string>(),
                          t[3].cast<DayOffKind>()};
          }));
}

// Calendar and the deadline functions on it.
void register_calendar_class(py::module_& m) {
  py::class_<Calendar> calendar(
      m, "Calendar",
      "A holiday calendar (lịch nghỉ lễ, tết): weekend days, holiday rules, compensatory days, "
      "per-year decisions and deadline rules, for the years first_year..last_year. Immutable; "
      "compares by definition. Calendar.vietnam() is the built-in Vietnamese calendar; "
      "load_calendar reads a danvan/calendar file such as data/calendar/vietnam.json.");
  calendar
      .def(py::init([](std::string name, std::string source, int first_year, int last_year,
                       std::vector<Weekday> weekend, std::vector<HolidayRule> rule_list,
                       bool compensatory, std::vector<YearSchedule> years,
                       DeadlineRules deadline_rules) {
             return Calendar(std::move(name), std::move(source), first_year, last_year,
                             std::move(weekend), std::move(rule_list), compensatory,
                             std::move(years), deadline_rules);
           }),
           py::kw_only(), py::arg("name"), py::arg("source") = "", py::arg("first_year"),
           py::arg("last_year"), py::arg("weekend"), py::arg("rules"),
           py::arg("compensatory") = true, py::arg("years") = std::vector<YearSchedule>{},
           py::arg("deadline_rules") = DeadlineRules{},
           "A calendar, every invariant checked: raises danvan.ValueError such as \"invalid "
           "calendar: /rules/0/month: 13 is out of range 1..12\".")
      .def_static("vietnam", &Calendar::vietnam,
                  "The built-in Vietnamese calendar (2013..2100), the same as "
                  "data/calendar/vietnam.json.")
      .def_property_readonly("name", &Calendar::name, "The calendar's name.")
      .def_property_readonly("source", &Calendar::source, "The law or decision cited.")
      .def_property_readonly("first_year", &Calendar::first_year, "First year covered.")
      .def_property_readonly("last_year", &Calendar::last_year, "Last year covered.")
      .def_property_readonly(
          "weekend", [](const Calendar& c) { return to_tuple(c.weekend()); },
          "The weekend Weekdays (a tuple).")
      .def_property_readonly(
          "rules", [](const Calendar& c) { return to_tuple(c.rules()); },
          "The HolidayRules (a tuple of copies).")
      .def_property_readonly("compensatory", &Calendar::compensatory,
                             "True when a holiday on a weekend day gives a compensatory day.")
      .def_property_readonly(
          "years", [](const Calendar& c) { return to_tuple(c.years()); },
          "The YearSchedules, by year (a tuple of copies).")
      .def_property_readonly(
          "deadline_rules", [](const Calendar& c) { return c.deadline_rules(); },
          "The DeadlineRules (a copy).")
      .def("days_off", &Calendar::days_off, py::arg("year"),
           "The DayOffs of a year (holidays, compensatory and extra days; holidays on a weekend "
           "day too), by date. Raises danvan.ValueError for a year not covered.")
      .def(
          "days_off_rows", [](const Calendar& c, int y) { return day_off_rows(c.days_off(y)); },
          py::arg("year"),
          "The days off of a year as a list of dicts: date, name, rule_id, kind (its slug).")
      .def("day_off", &Calendar::day_off, py::arg("day"),
           "The DayOff on a day, or None (also None on an ordinary weekend day).")
      .def("is_weekend", &Calendar::is_weekend, py::arg("day"),
           "True on the calendar's weekend days.")
      .def("is_working_day", &Calendar::is_working_day, py::arg("day"),
           "False on weekend days (unless worked that year) and days off.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](const Calendar& c) {
            return "<Calendar " + py::repr(py::str(c.name())).cast<std::string>() + " " +
                   std::to_string(c.first_year()) + ".." + std::to_string(c.last_year()) + ">";
          },
          "<Calendar 'name' first..last>.")
      .def(
          "to_dict",
          [](const Calendar& c) {
            return json_to_py(danvan::parse_json(danvan::calendar_to_json_text(c)));
          },
          "The danvan/calendar document as Python data.")
      .def("to_json", &danvan::calendar_to_json_text,
           "The canonical JSON text of the danvan/calendar document.")
      .def_static(
          "from_dict",
          [](const py::object& data) {
            return danvan::calendar_from_json_text(danvan::to_canonical_text(py_to_json(data)));
          },
          py::arg("data"),
          "Reads a danvan/calendar document from Python data, strictly. Raises "
          "danvan.JsonError listing every problem.")
      .def_static("from_json", &danvan::calendar_from_json_text, py::arg("text"),
                  "Reads a danvan/calendar document from JSON text, strictly. Raises "
                  "danvan.JsonError.")
      .def(
          py::pickle([](const Calendar& c) { return danvan::calendar_to_json_text(c); },
                     [](const std::string& text) { return danvan::calendar_from_json_text(text); }))
      .def(
          "__copy__", [](const Calendar& c) { return Calendar(c); }, "A copy.")
      .def(
          "__deepcopy__", [](const Calendar& c, const py::handle&) { return Calendar(c); },
          py::arg("memo"), "A copy.");

  m.def("load_calendar", &danvan::load_calendar, py::arg("path"), release_gil(),
        "Reads a danvan/calendar file (e.g. data/calendar/vietnam.json). Raises danvan.IoError "
        "or danvan.JsonError.");

  // --- deadlines ---
  m.attr("max_deadline_days") = danvan::max_deadline_days;
  m.def("next_working_day", &danvan::next_working_day, py::arg("calendar"), py::arg("day"),
        "The first working day on or after the day.");
  m.def("add_calendar_days", &danvan::add_calendar_days, py::arg("calendar"), py::arg("event"),
        py::arg("days"),
        "The last day of a limit of `days` calendar days after `event` (Bộ luật Dân sự 2015 art. "
        "147-148): event + days, moved to the next working day when it is not one. Raises "
        "danvan.ValueError for a count outside 0..max_deadline_days or days outside the "
        "calendar.");
  m.def("add_working_days", &danvan::add_working_days, py::arg("calendar"), py::arg("event"),
        py::arg("days"),
        "The `days`-th working day after `event` (0: the event day or the next working day).");
  m.def("add_days", &danvan::add_days, py::arg("calendar"), py::arg("event"), py::arg("days"),
        py::arg("counting"), "add_calendar_days or add_working_days as the DayCounting says.");
  m.def("count_working_days", &danvan::count_working_days, py::arg("calendar"), py::arg("from_day"),
        py::arg("to_day"),
        "The number of working days in (from_day, to_day]; 0 when to_day <= from_day.");
  m.def("complaint_limit_days", &danvan::complaint_limit_days, py::arg("rules"),
        py::arg("round") = ComplaintRound::first, py::arg("complex") = false,
        py::arg("remote") = false,
        "The limit in days for a complaint of a round, complex or not, remote or not.");
  m.def("complaint_deadline", &danvan::complaint_deadline, py::arg("calendar"), py::arg("accepted"),
        py::arg("round") = ComplaintRound::first, py::arg("complex") = false,
        py::arg("remote") = false,
        "The last day to resolve a complaint accepted (thụ lý) on `accepted`, counted as the "
        "calendar's deadline rules say.");
  m.def("denunciation_limit_days", &danvan::denunciation_limit_days, py::arg("rules"),
        py::arg("extensions"),
        "denunciation_days + extensions x denunciation_extension_days; raises "
        "danvan.ValueError when extensions is out of range.");
  m.def("denunciation_deadline", &danvan::denunciation_deadline, py::arg("calendar"),
        py::arg("accepted"), py::arg("extensions") = 0,
        "The last day to resolve a denunciation (tố cáo) accepted on `accepted`, after "
        "`extensions` extensions.");
}

}  // namespace

void register_calendar(py::module_& m) {
  // Each to_string returns "" past the last enumerator (detail::enum_name).
  make_enum<Weekday>(
      m, "Weekday", "Day of the week, sunday first as Boost numbers them.",
      slugs_of<Weekday>([](Weekday v) { return danvan::to_string(v); }, danvan::parse_weekday));
  make_enum<DateBasis>(m, "DateBasis",
                       "Whether a holiday rule's month and day are solar (dương lịch) or lunar "
                       "(âm lịch).",
                       slugs_of<DateBasis>([](DateBasis v) { return danvan::to_string(v); },
                                           danvan::parse_date_basis));
  make_enum<DayCounting>(m, "DayCounting",
                         "How a legal time limit counts days: calendar_days or working_days.",
                         slugs_of<DayCounting>([](DayCounting v) { return danvan::to_string(v); },
                                               danvan::parse_day_counting));
  make_enum<DayOffKind>(m, "DayOffKind",
                        "Why a day is not a working day: holiday (a rule's holiday), "
                        "compensatory (nghỉ bù) or extra (decided for the year).",
                        slugs_of<DayOffKind>([](DayOffKind v) { return danvan::to_string(v); }));
  make_enum<ComplaintRound>(
      m, "ComplaintRound",
      "Which resolution of a complaint (khiếu nại): first (lần đầu) or second (lần hai).",
      slugs_of<ComplaintRound>([](ComplaintRound v) { return danvan::to_string(v); },
                               danvan::parse_complaint_round));

  m.def(
      "vietnamese_name", [](Weekday d) { return std::string(danvan::vietnamese_name(d)); },
      py::arg("value"), "The Vietnamese name of a weekday: \"Thứ Hai\", \"Chủ nhật\".");
  m.def("weekday_of", &danvan::weekday_of, py::arg("day"), "The Weekday of a datetime.date.");
  register_lunar(m);
  register_holiday_parts(m);
  register_deadline_rules(m);
  register_calendar_class(m);
}

}  // namespace danvan_py
