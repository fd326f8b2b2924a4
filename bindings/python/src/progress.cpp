// danvan._core: progress tracking (progress.hpp, report.hpp, json/progress.hpp,
// progress_render.hpp).
//
// The C++ ProgressSummary points into the plan and batch it summarises. The Python
// ProgressSummary therefore owns shared copies of both (the summary is computed against
// them), and its rows come back as objects that own copies of what they point to
// (ExpectedReport.report, IndicatorRollup.indicator, ActivityRow.activity,
// UnexpectedReport.report), or as lists of dicts of plain values for tables.
//
// The parts of a document (Activity, Target, Indicator, ReportingSchedule, IndicatorValue,
// ActivityReport, Report) read and write their JSON with the part functions of
// json/progress.hpp: to_dict() is the element of the document, from_dict() reads it as strictly
// as the document readers do, checking what the part alone can tell; what needs the whole plan
// (unit and indicator references) is checked by the documents (ProgressPlan, ReportBatch).
#include "common.hpp"
#include "locks.hpp"
#include "summary.hpp"

#include <danvan/json/progress.hpp>
#include <danvan/progress.hpp>
#include <danvan/progress_render.hpp>
#include <danvan/report.hpp>
#include <danvan/unit_register.hpp>

#include <pybind11/operators.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

DANVAN_PY_ENUM_CASTER(danvan::ActivityStatus, "danvan.ActivityStatus")
DANVAN_PY_ENUM_CASTER(danvan::Measure, "danvan.Measure")
DANVAN_PY_ENUM_CASTER(danvan::Direction, "danvan.Direction")
DANVAN_PY_ENUM_CASTER(danvan::TimeAggregation, "danvan.TimeAggregation")
DANVAN_PY_ENUM_CASTER(danvan::UnitAggregation, "danvan.UnitAggregation")
DANVAN_PY_ENUM_CASTER(danvan::ReportState, "danvan.ReportState")
DANVAN_PY_ENUM_CASTER(danvan::ProgressFormat, "danvan.ProgressFormat")

namespace danvan_py {

using danvan::Activity;
using danvan::ActivityReport;
using danvan::ActivityStatus;
using danvan::AggregateValue;
using danvan::Completeness;
using danvan::Date;
using danvan::Direction;
using danvan::Fraction;
using danvan::Indicator;
using danvan::IndicatorValue;
using danvan::Json;
using danvan::Measure;
using danvan::Period;
using danvan::PeriodType;
using danvan::ProgressFormat;
using danvan::ProgressPlan;
using danvan::Report;
using danvan::ReportBatch;
using danvan::ReportingSchedule;
using danvan::ReportState;
using danvan::RollupNode;
using danvan::Target;
using danvan::TimeAggregation;
using danvan::UnitAggregation;
using danvan::UnitHierarchy;

namespace {

// --- the Python-side rows of a summary, owning what the C++ rows point to -------------------

struct PyExpectedReport {
  std::string unit_id;
  Period period{PeriodType::month, 2000, 1};
  Date deadline{2000, 1, 1};
  ReportState state = ReportState::missing;
  std::optional<Report> report;
};

struct PyIndicatorRollup {
  Indicator indicator;
  std::vector<AggregateValue> values;
  std::vector<std::optional<double>> targets;
  std::vector<std::vector<std::string>> texts;
};

struct PyActivityRow {
  Activity activity;
  ActivityStatus status = ActivityStatus::not_started;
  std::optional<Date> completed;
  bool completed_late = false;
};

struct PyUnexpectedReport {
  Report report;
  std::string reason;
};

/// to_dict/from_dict/to_json/from_json of a part of a document, through the part functions of
/// json/progress.hpp. `where` names the element: "an element of \"activities\" in a
/// danvan/progress document".
template <class T>
void add_part_json(py::class_<T>& cls, T (*from)(const Json&), const std::string& where) {
  const auto to = [](const T& self) { return danvan::to_json(self); };
  cls.def(
      "to_dict", [to](const T& self) { return json_to_py(to(self)); },
      ("The object as Python data shaped like " + where + " (dicts in canonical key order).")
          .c_str());
  cls.def_static(
      "from_dict", [from](const py::object& data) { return from(py_to_json(data)); },
      py::arg("data"),
      ("Reads the object from Python data shaped like " + where +
       ", strictly (unknown keys, wrong types, bad values), checking what the object alone can "
       "tell; references to units, indicators and activities are checked by the documents. "
       "Raises danvan.JsonError listing every problem with its JSON pointer.")
          .c_str());
  cls.def(
      "to_json", [to](const T& self) { return danvan::to_canonical_text(to(self)); },
      "The canonical JSON text of to_dict(): fixed key order, two spaces, final newline.");
  cls.def_static(
      "from_json", [from](std::string_view text) { return from(danvan::parse_json(text)); },
      py::arg("text"),
      "Reads the object from JSON text as from_dict (duplicate keys are errors too). Raises "
      "danvan.JsonError.");
}

template <class T>
void add_value_semantics(py::class_<T>& cls, const char* name,
                         std::initializer_list<const char*> fields) {
  cls.def(py::self == py::self).def(py::self != py::self);
  std::vector<const char*> names(fields.begin(), fields.end());
  cls.def(
      "__repr__",
      [name, names](py::handle self) {
        // kwargs_repr takes an initializer_list; rebuild the text the same way.
        py::object blank = py::type::of(self)();
        std::string out = std::string(name) + "(";
        bool first = true;
        for (const char* f : names) {
          py::object v = self.attr(f);
          // Same type and value (False == 0.0 in Python, yet differs from a 0.0 default).
          py::object d = blank.attr(f);
          if (py::type::of(v).is(py::type::of(d)) && v.equal(d)) continue;
          if (!first) out += ", ";
          first = false;
          out += std::string(f) + "=" + py::repr(v).cast<std::string>();
        }
        return out + ")";
      },
      "The constructor call that rebuilds the object, fields at their defaults left out.");
  add_field_pickling(cls, fields);
}

template <class T>
void strings_property(py::class_<T>& cls, const char* name, std::vector<std::string> T::*member,
                      const char* doc) {
  cls.def_property(
      name, [member](const T& self) { return to_tuple(self.*member); },
      [member](T& self, std::vector<std::string> v) { self.*member = std::move(v); }, doc);
}

template <class T, class E>
void vector_property(py::class_<T>& cls, const char* name, std::vector<E> T::*member,
                     const char* doc) {
  cls.def_property(
      name, [member](const T& self) { return to_tuple(self.*member); },
      [member](T& self, std::vector<E> v) { self.*member = std::move(v); }, doc);
}

// --- summary rows -------------------------------------------------------------------------------

PyExpectedReport expected_row(const danvan::ExpectedReport& e) {
  PyExpectedReport out{e.unit_id, e.period, e.deadline, e.state, std::nullopt};
  if (e.report != nullptr) out.report = *e.report;
  return out;
}

PyIndicatorRollup indicator_rollup(const danvan::IndicatorRollup& r) {
  return PyIndicatorRollup{*r.indicator, r.values, r.targets, r.texts};
}

PyActivityRow activity_row(const danvan::ActivityRow& a) {
  return PyActivityRow{*a.activity, a.status, a.completed, a.completed_late};
}

PyUnexpectedReport unexpected_report(const danvan::UnexpectedReport& u) {
  return PyUnexpectedReport{*u.report, u.reason};
}

py::object optional_number(const std::optional<double>& v) {
  return v ? py::object(py::float_(*v)) : py::object(py::none());
}

py::object optional_date(const std::optional<Date>& d) {
  return d ? py::cast(*d) : py::object(py::none());
}

py::list completeness_rows(const Summary& s) {
  py::list rows;
  for (const RollupNode& n : s.summary.nodes) {
    py::dict row;
    row["unit_id"] = n.unit_id;
    row["name"] = n.name;
    row["depth"] = n.depth;
    row["in_scope"] = n.in_scope;
    row["expected"] = n.completeness.expected;
    row["submitted"] = n.completeness.submitted();
    row["on_time"] = n.completeness.on_time;
    row["late"] = n.completeness.late;
    row["missing"] = n.completeness.missing;
    row["not_due"] = n.completeness.not_due;
    rows.append(row);
  }
  return rows;
}

py::list expected_rows(const Summary& s) {
  py::list rows;
  for (const auto& e : s.summary.expected) {
    py::dict row;
    row["unit_id"] = e.unit_id;
    row["period"] = e.period.id();
    row["deadline"] = py::cast(e.deadline);
    row["state"] = std::string(danvan::to_string(e.state));
    row["submitted"] = e.report != nullptr ? py::cast(e.report->submitted) : py::object(py::none());
    rows.append(row);
  }
  return rows;
}

py::list indicator_rows(const Summary& s) {
  py::list rows;
  for (const auto& r : s.summary.indicators) {
    const Indicator& ind = *r.indicator;
    for (std::size_t i = 0; i < s.summary.nodes.size() && i < r.values.size(); ++i) {
      const RollupNode& n = s.summary.nodes[i];
      const AggregateValue& v = r.values[i];
      const std::optional<double> target = i < r.targets.size() ? r.targets[i] : std::nullopt;
      std::optional<double> ratio;
      if (v.value && target)
        ratio = danvan::progress_ratio(ind.direction, ind.baseline, *target, *v.value);
      py::dict row;
      row["indicator_id"] = ind.id;
      row["indicator"] = ind.name;
      row["measure"] = std::string(danvan::to_string(ind.measure));
      row["unit_id"] = n.unit_id;
      row["name"] = n.name;
      row["depth"] = n.depth;
      row["value"] = optional_number(v.value);
      row["target"] = optional_number(target);
      row["ratio"] = optional_number(ratio);
      row["numerator"] = v.numerator;
      row["denominator"] = v.denominator;
      row["reports_expected"] = v.reports_expected;
      row["reports_with_value"] = v.reports_with_value;
      row["units"] = v.units;
      rows.append(row);
    }
  }
  return rows;
}

py::list activity_rows(const Summary& s) {
  py::list rows;
  for (const auto& a : s.summary.activities) {
    py::dict row;
    row["activity_id"] = a.activity->id;
    row["name"] = a.activity->name;
    row["task_area"] = a.activity->task_area;
    row["start"] = optional_date(a.activity->start);
    row["due"] = py::cast(a.activity->due);
    row["status"] = std::string(danvan::to_string(a.status));
    row["completed"] = optional_date(a.completed);
    row["completed_late"] = a.completed_late;
    rows.append(row);
  }
  return rows;
}

py::list unexpected_rows(const Summary& s) {
  py::list rows;
  for (const auto& u : s.summary.unexpected) {
    py::dict row;
    row["unit_id"] = u.report->unit_id;
    row["period"] = u.report->period.id();
    row["submitted"] = py::cast(u.report->submitted);
    row["reason"] = u.reason;
    rows.append(row);
  }
  return rows;
}

template <class T, class F>
py::tuple map_tuple(const std::vector<T>& values, F f) {
  py::tuple t(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) t[i] = py::cast(f(values[i]));
  return t;
}

/// `units`: None, a UnitHierarchy (replaces the embedded units) or a UnitRegister (resolves the
/// units the document names by official code); `function` names the caller in a TypeError.
ProgressPlan plan_from(const Json& j, const py::handle& units, const char* function) {
  if (units.is_none()) return danvan::progress_plan_from_json(j);
  if (py::isinstance<danvan::UnitRegister>(units)) {
    return danvan::progress_plan_from_json(j, units.cast<const danvan::UnitRegister&>());
  }
  if (py::isinstance<UnitHierarchy>(units)) {
    return danvan::progress_plan_from_json(j, units.cast<const UnitHierarchy&>());
  }
  throw py::type_error(std::string(function) +
                       "() argument 'units': expected danvan.UnitHierarchy, danvan.UnitRegister "
                       "or None, got " +
                       py::str(py::type::of(units).attr("__name__")).cast<std::string>());
}

/// A report batch read against `plan`; `units` (a UnitRegister or nullptr) resolves the units
/// its reports name by official code.
ReportBatch batch_from(const Json& j, const ProgressPlan& plan, const danvan::UnitRegister* units) {
  return units != nullptr ? danvan::report_batch_from_json(j, plan, *units)
                          : danvan::report_batch_from_json(j, plan);
}

}  // namespace

namespace {

void def_summarize_progress(py::module_& m) {
  m.def(
      "summarize_progress",
      [](const ProgressPlan& p, const ReportBatch& b, Date as_of, std::optional<Period> period,
         std::optional<std::string> unit_id, const std::optional<danvan::Workflow>& workflow,
         danvan::RollupBasis basis) {
        Summary s;
        s.plan = std::make_shared<const ProgressPlan>(p);
        s.batch = std::make_shared<const ReportBatch>(b);
        const danvan::ProgressQuery query{period, as_of, unit_id};
        s.summary = workflow
                        ? danvan::summarize_progress(*s.plan, *s.batch, *workflow, query, basis)
                        : danvan::summarize_progress(*s.plan, *s.batch, query);
        return s;
      },
      py::arg("plan"), py::arg("batch"), py::arg("as_of"), py::arg("period") = py::none(),
      py::arg("unit_id") = py::none(), py::arg("workflow") = py::none(),
      py::arg("basis") = danvan::RollupBasis::submitted, release_gil_reading(),
      "Summarises the batch against the plan as of a day (reports submitted later count as not "
      "yet submitted), for a Period of the schedule's type or longer (default: the year of the "
      "schedule's first period) and the subtree of `unit_id` (default: the scope's common root). "
      "With a Workflow the summary's .workflow holds the reports awaiting approval or returned "
      "and counts per node, and the indicator figures count the reports of `basis` (a "
      "RollupBasis: every submitted one not returned, or approved ones only). "
      "Raises danvan.ValueError for a shorter period or an unknown unit.");
}

/// ProgressPlan(plan_id=..., ...): the keyword constructor.
ProgressPlan make_progress_plan(std::string plan_id, bool sample, std::optional<std::string> note,
                                ReportingSchedule sched, std::vector<std::string> scope,
                                std::vector<Activity> activities, std::vector<Indicator> indicators,
                                UnitHierarchy units, std::vector<danvan::ValidationRule> rules) {
  ProgressPlan p;
  p.plan_id = std::move(plan_id);
  p.sample = sample;
  p.note = std::move(note);
  p.schedule = sched;
  p.scope_unit_ids = std::move(scope);
  p.activities = std::move(activities);
  p.indicators = std::move(indicators);
  p.units = std::move(units);
  p.rules = std::move(rules);
  return p;
}

}  // namespace

namespace {

// Activity, Target, Indicator, ReportingSchedule: the parts of a progress plan.
void register_progress_plan_parts(py::module_& m) {
  py::class_<Activity> activity(
      m, "Activity",
      "An activity (hoạt động) carrying out a task area of the plan: responsible (chủ trì) and "
      "participating (phối hợp) units, an optional start and the due day (datetime.date).");
  activity
      .def(py::init([](std::string id, std::string name, int task_area,
                       std::vector<std::string> responsible, std::vector<std::string> participating,
                       std::optional<Date> start, Date due) {
             return Activity{std::move(id),
                             std::move(name),
                             task_area,
                             std::move(responsible),
                             std::move(participating),
                             start,
                             due};
           }),
           py::kw_only(), py::arg("id") = "", py::arg("name") = "", py::arg("task_area") = 0,
           py::arg("responsible_unit_ids") = std::vector<std::string>{},
           py::arg("participating_unit_ids") = std::vector<std::string>{},
           py::arg("start") = py::none(), py::arg("due") = Date(2000, 1, 1),
           "An activity from keyword arguments; checked by ProgressPlan.validate().")
      .def_property("id", get_copy(&Activity::id), set_value(&Activity::id), "Stable id.")
      .def_property("name", get_copy(&Activity::name), set_value(&Activity::name), "What is done.")
      .def_property("task_area", get_copy(&Activity::task_area), set_value(&Activity::task_area),
                    "Number of the plan's task area, from 1.")
      .def_property("start", get_copy(&Activity::start), set_value(&Activity::start),
                    "First day (datetime.date), or None.")
      .def_property("due", get_copy(&Activity::due), set_value(&Activity::due),
                    "The last day to complete it (datetime.date).");
  strings_property(activity, "responsible_unit_ids", &Activity::responsible_unit_ids,
                   "Ids of the responsible units (a tuple: a copy).");
  strings_property(activity, "participating_unit_ids", &Activity::participating_unit_ids,
                   "Ids of the participating units (a tuple: a copy).");
  add_value_semantics(activity, "Activity",
                      {"id", "name", "task_area", "responsible_unit_ids", "participating_unit_ids",
                       "start", "due"});
  add_part_json(activity, &danvan::activity_from_json,
                "an element of \"activities\" in a danvan/progress document");

  // --- Target ---
  py::class_<Target> target(m, "Target",
                            "A target (chỉ tiêu) of an indicator for one unit and one period "
                            "(percent for percentages, 0/1 for yes/no).");
  target
      .def(py::init([](std::string unit_id, Period period, double value) {
             return Target{std::move(unit_id), period, value};
           }),
           py::kw_only(), py::arg("unit_id") = "",
           py::arg("period") = Period(PeriodType::year, 2000), py::arg("value") = 0.0,
           "Target(unit_id=..., period=Period(...), value=...).")
      .def_property("unit_id", get_copy(&Target::unit_id), set_value(&Target::unit_id),
                    "The unit the target is for.")
      .def_property("period", get_copy(&Target::period), set_value(&Target::period), "The Period.")
      .def_property("value", get_copy(&Target::value), set_value(&Target::value),
                    "The target value (float).");
  add_value_semantics(target, "Target", {"unit_id", "period", "value"});
  add_part_json(target, &danvan::target_from_json,
                "an element of an indicator's \"targets\" in a danvan/progress document");

  // --- Indicator ---
  py::class_<Indicator> indicator(
      m, "Indicator",
      "An indicator (chỉ số) after IATI: measure, direction, baseline, targets per period and "
      "unit, and the aggregations over time and over units.");
  indicator
      .def(py::init([](std::string id, std::string name, std::optional<int> task_area,
                       Measure measure, Direction direction, std::optional<double> baseline,
                       std::optional<Period> baseline_period, TimeAggregation over_time,
                       UnitAggregation over_units, std::vector<Target> targets) {
             return Indicator{std::move(id), std::move(name),   task_area,       measure,
                              direction,     baseline,          baseline_period, over_time,
                              over_units,    std::move(targets)};
           }),
           py::kw_only(), py::arg("id") = "", py::arg("name") = "",
           py::arg("task_area") = py::none(), py::arg("measure") = Measure::count,
           py::arg("direction") = Direction::ascending, py::arg("baseline") = py::none(),
           py::arg("baseline_period") = py::none(), py::arg("over_time") = TimeAggregation::sum,
           py::arg("over_units") = UnitAggregation::sum, py::arg("targets") = std::vector<Target>{},
           "An indicator from keyword arguments; checked by ProgressPlan.validate().")
      .def_property("id", get_copy(&Indicator::id), set_value(&Indicator::id), "Stable id.")
      .def_property("name", get_copy(&Indicator::name), set_value(&Indicator::name),
                    "What is measured.")
      .def_property("task_area", get_copy(&Indicator::task_area), set_value(&Indicator::task_area),
                    "Task area number, or None.")
      .def_property("measure", get_copy(&Indicator::measure), set_value(&Indicator::measure),
                    "The Measure.")
      .def_property("direction", get_copy(&Indicator::direction), set_value(&Indicator::direction),
                    "The Direction.")
      .def_property("baseline", get_copy(&Indicator::baseline), set_value(&Indicator::baseline),
                    "The baseline value (float), or None.")
      .def_property("baseline_period", get_copy(&Indicator::baseline_period),
                    set_value(&Indicator::baseline_period), "The Period of the baseline, or None.")
      .def_property("over_time", get_copy(&Indicator::over_time), set_value(&Indicator::over_time),
                    "The TimeAggregation.")
      .def_property("over_units", get_copy(&Indicator::over_units),
                    set_value(&Indicator::over_units), "The UnitAggregation.")
      .def("target", &Indicator::target, py::arg("unit_id"), py::arg("period"),
           "The target for exactly this unit and Period (float), or None.");
  vector_property(indicator, "targets", &Indicator::targets, "The targets (a tuple of copies).");
  add_value_semantics(indicator, "Indicator",
                      {"id", "name", "task_area", "measure", "direction", "baseline",
                       "baseline_period", "over_time", "over_units", "targets"});
  add_part_json(indicator, &danvan::indicator_from_json,
                "an element of \"indicators\" in a danvan/progress document");

  // --- ReportingSchedule ---
  py::class_<ReportingSchedule> schedule(
      m, "ReportingSchedule",
      "When units report (chế độ báo cáo): the period type, the first and last period, and how "
      "many calendar days after a period ends a report is on time.");
  schedule
      .def(py::init([](PeriodType period_type, Period first, Period last, int days) {
             return ReportingSchedule{period_type, first, last, days};
           }),
           py::kw_only(), py::arg("period_type") = PeriodType::month,
           py::arg("first") = Period(PeriodType::month, 2000, 1),
           py::arg("last") = Period(PeriodType::month, 2000, 12),
           py::arg("days_after_period_end") = 0, "A schedule from keyword arguments.")
      .def_property("period_type", get_copy(&ReportingSchedule::period_type),
                    set_value(&ReportingSchedule::period_type), "The PeriodType of reports.")
      .def_property("first", get_copy(&ReportingSchedule::first),
                    set_value(&ReportingSchedule::first), "The first Period.")
      .def_property("last", get_copy(&ReportingSchedule::last), set_value(&ReportingSchedule::last),
                    "The last Period.")
      .def_property("days_after_period_end", get_copy(&ReportingSchedule::days_after_period_end),
                    set_value(&ReportingSchedule::days_after_period_end),
                    "Calendar days after the period's end a report is still on time.")
      .def("periods", &ReportingSchedule::periods,
           "The schedule's periods from first to last (a list of Period).");
  add_value_semantics(schedule, "ReportingSchedule",
                      {"period_type", "first", "last", "days_after_period_end"});
  add_part_json(schedule, &danvan::reporting_schedule_from_json,
                "the \"schedule\" of a danvan/progress document");
}

// The ProgressPlan class.
void register_progress_plan_class(py::module_& m) {
  py::class_<ProgressPlan> plan(
      m, "ProgressPlan",
      "The progress framework of a plan (khung theo dõi tiến độ), the danvan/progress document: "
      "activities, indicators, reporting schedule, the units that report (scope) and their "
      "hierarchy. Every attribute reads as a copy.");
  plan.def(py::init(&make_progress_plan), py::kw_only(), py::arg("plan_id") = "",
           py::arg("sample") = false, py::arg("note") = py::none(),
           py::arg("schedule") = ReportingSchedule{},
           py::arg("scope_unit_ids") = std::vector<std::string>{},
           py::arg("activities") = std::vector<Activity>{},
           py::arg("indicators") = std::vector<Indicator>{}, py::arg("units") = UnitHierarchy{},
           py::arg("rules") = std::vector<danvan::ValidationRule>{},
           "A progress plan from keyword arguments; call validate() to check it.")
      .def_property("plan_id", get_copy(&ProgressPlan::plan_id), set_value(&ProgressPlan::plan_id),
                    "Id of the plan it tracks.")
      .def_property("sample", get_copy(&ProgressPlan::sample), set_value(&ProgressPlan::sample),
                    "True for made-up demonstration data (SAMPLE).")
      .def_property("note", get_copy(&ProgressPlan::note), set_value(&ProgressPlan::note),
                    "Free text, e.g. what the sample is, or None.")
      .def_property("schedule", get_copy(&ProgressPlan::schedule),
                    set_value(&ProgressPlan::schedule), "The ReportingSchedule (a copy).")
      .def_property("units", get_copy(&ProgressPlan::units), set_value(&ProgressPlan::units),
                    "The UnitHierarchy (a copy).")
      .def(
          "find_indicator",
          [](const ProgressPlan& p, std::string_view id) -> std::optional<Indicator> {
            const Indicator* i = p.find_indicator(id);
            return i ? std::optional<Indicator>(*i) : std::nullopt;
          },
          py::arg("id"), "The indicator with that id (a copy), or None.")
      .def(
          "find_activity",
          [](const ProgressPlan& p, std::string_view id) -> std::optional<Activity> {
            const Activity* a = p.find_activity(id);
            return a ? std::optional<Activity>(*a) : std::nullopt;
          },
          py::arg("id"), "The activity with that id (a copy), or None.")
      .def("validate", &ProgressPlan::validate,
           "Raises danvan.ValueError listing every problem (ids, units, schedule, dates, "
           "targets, rules): `problems` holds each as (JSON pointer into to_json_dict(), "
           "reason), e.g. (\"/activities/0/due\", 'activity \"a\": due ... is before start "
           "...'); str(e) is the reason of one problem alone, else the count and the first ten.");
  strings_property(plan, "scope_unit_ids", &ProgressPlan::scope_unit_ids,
                   "Units expected to report, in display order (a tuple: a copy).");
  vector_property(plan, "activities", &ProgressPlan::activities,
                  "The activities (a tuple of copies).");
  vector_property(plan, "indicators", &ProgressPlan::indicators,
                  "The indicators (a tuple of copies).");
  vector_property(plan, "rules", &ProgressPlan::rules,
                  "The validation rules of the reports (a tuple of copies of ValidationRule).");
  add_value_semantics(plan, "ProgressPlan",
                      {"plan_id", "sample", "note", "schedule", "scope_unit_ids", "activities",
                       "indicators", "units", "rules"});
  plan.def(
          "to_dict", [](const ProgressPlan& p) { return json_to_py(danvan::to_json(p)); },
          "The danvan/progress document as Python data (dicts in canonical key order).")
      .def(
          "to_json",
          [](const ProgressPlan& p) { return danvan::to_canonical_text(danvan::to_json(p)); },
          "The canonical JSON text of the danvan/progress document.")
      .def_static(
          "from_dict",
          [](const py::object& data, const py::object& units) {
            return plan_from(py_to_json(data), units, "from_dict");
          },
          py::arg("data"), py::arg("units") = py::none(),
          "Reads a danvan/progress document from Python data, strictly, and validates it. With "
          "`units` a UnitHierarchy, those units replace the embedded ones and every unit the "
          "plan names must be among them; with a UnitRegister (e.g. load_unit_register()), the "
          "units a version 3 document names by official code (\"code:66\") are resolved against "
          "it. Raises danvan.JsonError listing every problem.")
      .def_static(
          "from_json",
          [](std::string_view text, const py::object& units) {
            return plan_from(danvan::parse_json(text), units, "from_json");
          },
          py::arg("text"), py::arg("units") = py::none(),
          "Reads a danvan/progress document from JSON text, as from_dict. Raises "
          "danvan.JsonError.");
}

// Fraction, IndicatorValue, ActivityReport, Report and ReportBatch.
void register_reports(py::module_& m) {
  // --- Fraction, IndicatorValue, ActivityReport, Report ---
  py::class_<Fraction> fraction(
      m, "Fraction",
      "A percentage as reported: numerator and denominator (0 <= numerator <= denominator).");
  fraction
      .def(py::init([](double numerator, double denominator) {
             return Fraction{numerator, denominator};
           }),
           py::kw_only(), py::arg("numerator") = 0.0, py::arg("denominator") = 0.0,
           "Fraction(numerator=..., denominator=...).")
      .def_property("numerator", get_copy(&Fraction::numerator), set_value(&Fraction::numerator),
                    "The numerator (float).")
      .def_property("denominator", get_copy(&Fraction::denominator),
                    set_value(&Fraction::denominator), "The denominator (float).");
  add_value_semantics(fraction, "Fraction", {"numerator", "denominator"});

  using Variant = std::variant<double, Fraction, bool, std::string>;
  py::class_<IndicatorValue> value(
      m, "IndicatorValue",
      "One indicator value in a report: a float (count), a Fraction (percentage), a bool "
      "(yes/no) or a str (qualitative), matching the indicator's measure.");
  value
      .def(py::init([](std::string indicator_id, Variant v) {
             return IndicatorValue{std::move(indicator_id), std::move(v)};
           }),
           py::kw_only(), py::arg("indicator_id") = "", py::arg("value") = 0.0,
           "IndicatorValue(indicator_id=..., value=...); an int value is stored as a float.")
      .def_property("indicator_id", get_copy(&IndicatorValue::indicator_id),
                    set_value(&IndicatorValue::indicator_id), "The indicator's id.")
      .def_property("value", get_copy(&IndicatorValue::value), set_value(&IndicatorValue::value),
                    "float, Fraction, bool or str.");
  add_value_semantics(value, "IndicatorValue", {"indicator_id", "value"});
  add_part_json(value, &danvan::indicator_value_from_json,
                "an element of a report's \"values\" in a danvan/reports document");

  py::class_<ActivityReport> activity_report(
      m, "ActivityReport",
      "What a report says about an activity: not_started, in_progress or done (overdue is "
      "derived, never reported), and the day it was completed.");
  activity_report
      .def(py::init(
               [](std::string activity_id, ActivityStatus status, std::optional<Date> completed) {
                 return ActivityReport{std::move(activity_id), status, completed};
               }),
           py::kw_only(), py::arg("activity_id") = "",
           py::arg("status") = ActivityStatus::in_progress, py::arg("completed") = py::none(),
           "ActivityReport(activity_id=..., status=..., completed=...).")
      .def_property("activity_id", get_copy(&ActivityReport::activity_id),
                    set_value(&ActivityReport::activity_id), "The activity's id.")
      .def_property("status", get_copy(&ActivityReport::status), set_value(&ActivityReport::status),
                    "The reported ActivityStatus.")
      .def_property("completed", get_copy(&ActivityReport::completed),
                    set_value(&ActivityReport::completed),
                    "The day it was done (datetime.date), or None.");
  add_value_semantics(activity_report, "ActivityReport", {"activity_id", "status", "completed"});
  add_part_json(activity_report, &danvan::activity_report_from_json,
                "an element of a report's \"activities\" in a danvan/reports document");

  py::class_<Report> report(m, "Report",
                            "One unit's submission for one period (báo cáo định kỳ): values, "
                            "activities, narrative and the submission day.");
  report
      .def(py::init([](std::string unit_id, Period period, Date submitted,
                       std::vector<IndicatorValue> values, std::vector<ActivityReport> acts,
                       std::optional<std::string> narrative) {
             return Report{std::move(unit_id), period,          submitted,
                           std::move(values),  std::move(acts), std::move(narrative)};
           }),
           py::kw_only(), py::arg("unit_id") = "",
           py::arg("period") = Period(PeriodType::month, 2000, 1),
           py::arg("submitted") = Date(2000, 1, 1),
           py::arg("values") = std::vector<IndicatorValue>{},
           py::arg("activities") = std::vector<ActivityReport>{}, py::arg("narrative") = py::none(),
           "A report from keyword arguments.")
      .def_property("unit_id", get_copy(&Report::unit_id), set_value(&Report::unit_id),
                    "The reporting unit's id.")
      .def_property("period", get_copy(&Report::period), set_value(&Report::period),
                    "The Period reported on.")
      .def_property("submitted", get_copy(&Report::submitted), set_value(&Report::submitted),
                    "The submission day (datetime.date).")
      .def_property("narrative", get_copy(&Report::narrative), set_value(&Report::narrative),
                    "The narrative text, or None.")
      .def(
          "find_value",
          [](const Report& r, std::string_view id) -> std::optional<IndicatorValue> {
            const IndicatorValue* v = r.find_value(id);
            return v ? std::optional<IndicatorValue>(*v) : std::nullopt;
          },
          py::arg("indicator_id"), "The value of that indicator (a copy), or None.");
  vector_property(report, "values", &Report::values, "The indicator values (a tuple of copies).");
  vector_property(report, "activities", &Report::activities,
                  "The activity reports (a tuple of copies).");
  add_value_semantics(report, "Report",
                      {"unit_id", "period", "submitted", "values", "activities", "narrative"});
  add_part_json(report, &danvan::report_from_json,
                "an element of \"reports\" in a danvan/reports document");

  py::class_<ReportBatch> batch(
      m, "ReportBatch",
      "A batch of reports for one plan, the danvan/reports document. Reading it needs the "
      "ProgressPlan the reports are checked against.");
  batch
      .def(py::init([](std::string plan_id, bool sample, std::optional<std::string> note,
                       std::vector<Report> reports) {
             return ReportBatch{std::move(plan_id), sample, std::move(note), std::move(reports)};
           }),
           py::kw_only(), py::arg("plan_id") = "", py::arg("sample") = false,
           py::arg("note") = py::none(), py::arg("reports") = std::vector<Report>{},
           "A batch from keyword arguments; call validate(plan) to check it.")
      .def_property("plan_id", get_copy(&ReportBatch::plan_id), set_value(&ReportBatch::plan_id),
                    "Id of the plan reported on.")
      .def_property("sample", get_copy(&ReportBatch::sample), set_value(&ReportBatch::sample),
                    "True for made-up demonstration data (SAMPLE).")
      .def_property("note", get_copy(&ReportBatch::note), set_value(&ReportBatch::note),
                    "Free text, or None.")
      .def("validate", &ReportBatch::validate, py::arg("plan"),
           "Raises danvan.ValueError when a report does not fit the ProgressPlan.")
      .def(
          "to_dict", [](const ReportBatch& b) { return json_to_py(danvan::to_json(b)); },
          "The danvan/reports document as Python data.")
      .def(
          "to_json",
          [](const ReportBatch& b) { return danvan::to_canonical_text(danvan::to_json(b)); },
          "The canonical JSON text of the danvan/reports document.")
      .def_static(
          "from_dict",
          [](const py::object& data, const ProgressPlan& p, const danvan::UnitRegister* units) {
            return batch_from(py_to_json(data), p, units);
          },
          py::arg("data"), py::arg("plan"), py::arg("units") = nullptr,
          "Reads a danvan/reports document from Python data, strictly, checking every report "
          "against the ProgressPlan; `units` (a UnitRegister) resolves the units a version 2 "
          "document names by official code (\"code:66\"). Raises danvan.JsonError listing every "
          "problem.")
      .def_static(
          "from_json",
          [](std::string_view text, const ProgressPlan& p, const danvan::UnitRegister* units) {
            return batch_from(danvan::parse_json(text), p, units);
          },
          py::arg("text"), py::arg("plan"), py::arg("units") = nullptr,
          "Reads a danvan/reports document from JSON text, as from_dict.");
  vector_property(batch, "reports", &ReportBatch::reports, "The reports (a tuple of copies).");
  add_value_semantics(batch, "ReportBatch", {"plan_id", "sample", "note", "reports"});
}

// The values of a progress summary: completeness, aggregates, roll-ups, expected and unexpected
// reports, activity rows.
void register_summary_values(py::module_& m) {
  py::class_<Completeness> completeness(m, "Completeness", "Counts of expected reports by state.");
  completeness
      .def(py::init([](std::size_t expected, std::size_t on_time, std::size_t late,
                       std::size_t missing, std::size_t not_due) {
             return Completeness{expected, on_time, late, missing, not_due};
           }),
           py::kw_only(), py::arg("expected") = 0, py::arg("on_time") = 0, py::arg("late") = 0,
           py::arg("missing") = 0, py::arg("not_due") = 0, "Completeness(expected=..., ...).")
      .def_property("expected", get_copy(&Completeness::expected),
                    set_value(&Completeness::expected), "Reports the schedule expects.")
      .def_property("on_time", get_copy(&Completeness::on_time), set_value(&Completeness::on_time),
                    "Submitted by the deadline.")
      .def_property("late", get_copy(&Completeness::late), set_value(&Completeness::late),
                    "Submitted after the deadline.")
      .def_property("missing", get_copy(&Completeness::missing), set_value(&Completeness::missing),
                    "Not submitted, past the deadline.")
      .def_property("not_due", get_copy(&Completeness::not_due), set_value(&Completeness::not_due),
                    "Not submitted, before the deadline.")
      .def_property_readonly("submitted", &Completeness::submitted, "on_time + late.");
  add_value_semantics(completeness, "Completeness",
                      {"expected", "on_time", "late", "missing", "not_due"});

  py::class_<AggregateValue> aggregate(
      m, "AggregateValue",
      "An aggregated indicator value: `value` is None when nothing was reported (never 0); for "
      "percentages 100 * numerator / denominator of the summed parts.");
  aggregate
      .def(py::init([](std::optional<double> v, double numerator, double denominator,
                       std::size_t reports_expected, std::size_t reports_with_value,
                       std::size_t units) {
             return AggregateValue{
                 v, numerator, denominator, reports_expected, reports_with_value, units};
           }),
           py::kw_only(), py::arg("value") = py::none(), py::arg("numerator") = 0.0,
           py::arg("denominator") = 0.0, py::arg("reports_expected") = 0,
           py::arg("reports_with_value") = 0, py::arg("units") = 0,
           "AggregateValue(value=..., ...), e.g. per-unit figures for aggregate_over_units.")
      .def_property("value", get_copy(&AggregateValue::value), set_value(&AggregateValue::value),
                    "The aggregate (float), or None when nothing was reported.")
      .def_property("numerator", get_copy(&AggregateValue::numerator),
                    set_value(&AggregateValue::numerator), "Summed numerators (percentages).")
      .def_property("denominator", get_copy(&AggregateValue::denominator),
                    set_value(&AggregateValue::denominator), "Summed denominators (percentages).")
      .def_property("reports_expected", get_copy(&AggregateValue::reports_expected),
                    set_value(&AggregateValue::reports_expected), "Reports expected.")
      .def_property("reports_with_value", get_copy(&AggregateValue::reports_with_value),
                    set_value(&AggregateValue::reports_with_value), "Reports that gave a value.")
      .def_property("units", get_copy(&AggregateValue::units), set_value(&AggregateValue::units),
                    "Contributing scope units with a value.")
      .def(
          "__eq__",
          [](const AggregateValue& a, const AggregateValue& b) {
            return a.value == b.value && a.numerator == b.numerator &&
                   a.denominator == b.denominator && a.reports_expected == b.reports_expected &&
                   a.reports_with_value == b.reports_with_value && a.units == b.units;
          },
          py::is_operator(), "Field-by-field equality.")
      .def(
          "__ne__",
          [](const AggregateValue& a, const AggregateValue& b) {
            return !(a.value == b.value && a.numerator == b.numerator &&
                     a.denominator == b.denominator && a.reports_expected == b.reports_expected &&
                     a.reports_with_value == b.reports_with_value && a.units == b.units);
          },
          py::is_operator(), "Field-by-field inequality.")
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "AggregateValue",
                               {"value", "numerator", "denominator", "reports_expected",
                                "reports_with_value", "units"});
          },
          "AggregateValue(value=..., ...), fields at their defaults left out.");
  add_field_pickling(aggregate, {"value", "numerator", "denominator", "reports_expected",
                                 "reports_with_value", "units"});

  py::class_<RollupNode>(m, "RollupNode",
                         "One node of the roll-up tree: a scope unit or one of its ancestors "
                         "(read-only).")
      .def_property_readonly("unit_id", get_copy(&RollupNode::unit_id),
                             "The unit's id; \"\" for the virtual root over several roots.")
      .def_property_readonly("name", get_copy(&RollupNode::name), "The unit's name.")
      .def_property_readonly("depth", get_copy(&RollupNode::depth), "Depth, the root at 0.")
      .def_property_readonly("in_scope", get_copy(&RollupNode::in_scope),
                             "True for a unit expected to report.")
      .def_property_readonly("completeness", get_copy(&RollupNode::completeness),
                             "Completeness summed over the scope units below, itself included.")
      .def(
          "__repr__",
          [](const RollupNode& n) {
            return "RollupNode(unit_id=" + py::repr(py::str(n.unit_id)).cast<std::string>() +
                   ", depth=" + std::to_string(n.depth) + ")";
          },
          "RollupNode(unit_id=..., depth=...).");

  py::class_<PyExpectedReport>(m, "ExpectedReport",
                               "A report the schedule expects: unit, period, deadline and state; "
                               "`report` is a copy of the submitted report, or None (read-only).")
      .def_property_readonly("unit_id", get_copy(&PyExpectedReport::unit_id), "The unit's id.")
      .def_property_readonly("period", get_copy(&PyExpectedReport::period), "The Period.")
      .def_property_readonly("deadline", get_copy(&PyExpectedReport::deadline),
                             "The last day it is on time (datetime.date).")
      .def_property_readonly("state", get_copy(&PyExpectedReport::state), "The ReportState.")
      .def_property_readonly("report", get_copy(&PyExpectedReport::report),
                             "The Report submitted on or before the as-of day, or None.")
      .def(
          "__repr__",
          [](const PyExpectedReport& e) {
            return "ExpectedReport(unit_id=" + py::repr(py::str(e.unit_id)).cast<std::string>() +
                   ", period=" + e.period.id() +
                   ", state=" + std::string(danvan::to_string(e.state)) + ")";
          },
          "ExpectedReport(unit_id=..., period=..., state=...).");

  py::class_<PyIndicatorRollup>(
      m, "IndicatorRollup",
      "An indicator rolled up: one AggregateValue and one target per node of the summary "
      "(read-only).")
      .def_property_readonly("indicator", get_copy(&PyIndicatorRollup::indicator),
                             "The Indicator (a copy).")
      .def_property_readonly(
          "values", [](const PyIndicatorRollup& r) { return to_tuple(r.values); },
          "AggregateValue per node, parallel to ProgressSummary.nodes (a tuple).")
      .def_property_readonly(
          "targets", [](const PyIndicatorRollup& r) { return to_tuple(r.targets); },
          "The target (float or None) per node, parallel to ProgressSummary.nodes (a tuple).")
      .def_property_readonly(
          "texts",
          [](const PyIndicatorRollup& r) {
            py::tuple all(r.texts.size());
            for (std::size_t k = 0; k < r.texts.size(); ++k) {
              py::tuple one(r.texts[k].size());
              for (std::size_t i = 0; i < r.texts[k].size(); ++i) one[i] = py::str(r.texts[k][i]);
              all[k] = one;
            }
            return all;
          },
          "Qualitative answers as (unit id, period id, text) tuples, in report order.")
      .def(
          "__repr__",
          [](const PyIndicatorRollup& r) {
            return "IndicatorRollup(indicator=" +
                   py::repr(py::str(r.indicator.id)).cast<std::string>() + ")";
          },
          "IndicatorRollup(indicator=...id...).");

  py::class_<PyActivityRow>(m, "ActivityRow",
                            "An activity and its status on the as-of day (read-only).")
      .def_property_readonly("activity", get_copy(&PyActivityRow::activity),
                             "The Activity (a copy).")
      .def_property_readonly("status", get_copy(&PyActivityRow::status), "The ActivityStatus.")
      .def_property_readonly("completed", get_copy(&PyActivityRow::completed),
                             "The reported completion day, or None.")
      .def_property_readonly("completed_late", get_copy(&PyActivityRow::completed_late),
                             "True when completed after the due day.")
      .def(
          "__repr__",
          [](const PyActivityRow& a) {
            return "ActivityRow(activity=" + py::repr(py::str(a.activity.id)).cast<std::string>() +
                   ", status=" + std::string(danvan::to_string(a.status)) + ")";
          },
          "ActivityRow(activity=...id..., status=...).");

  py::class_<PyUnexpectedReport>(m, "UnexpectedReport",
                                 "A submitted report nobody expected, and why (read-only).")
      .def_property_readonly("report", get_copy(&PyUnexpectedReport::report),
                             "The Report (a copy).")
      .def_property_readonly("reason", get_copy(&PyUnexpectedReport::reason), "Why.")
      .def(
          "__repr__",
          [](const PyUnexpectedReport& u) {
            return "UnexpectedReport(unit_id=" +
                   py::repr(py::str(u.report.unit_id)).cast<std::string>() +
                   ", reason=" + py::repr(py::str(u.reason)).cast<std::string>() + ")";
          },
          "UnexpectedReport(unit_id=..., reason=...).");
}

// The Summary class.
void register_summary_class(py::module_& m) {
  py::class_<Summary>(
      m, "ProgressSummary",
      "What summarize_progress computed: completeness per node of the unit tree, the expected "
      "reports, indicator roll-ups, activity statuses and unexpected reports. Holds copies of "
      "the plan and batch it summarises. The *_rows() methods give the tables as lists of dicts "
      "of plain values (str, int, float, bool, None, datetime.date; periods as ids, states as "
      "their slugs): pandas.DataFrame(rows) works.")
      .def_property_readonly(
          "plan_id", [](const Summary& s) { return s.summary.plan_id; }, "The plan's id.")
      .def_property_readonly(
          "sample", [](const Summary& s) { return s.summary.sample; },
          "True when the plan or the batch is SAMPLE data.")
      .def_property_readonly(
          "period", [](const Summary& s) { return s.summary.period; }, "The Period summarised.")
      .def_property_readonly(
          "as_of", [](const Summary& s) { return s.summary.as_of; },
          "The as-of day (datetime.date).")
      .def_property_readonly(
          "root_unit_id", [](const Summary& s) { return s.summary.root_unit_id; },
          "The unit shown; \"\" when every unit is shown.")
      .def_property_readonly(
          "plan", [](const Summary& s) { return *s.plan; }, "The ProgressPlan (a copy).")
      .def_property_readonly(
          "batch", [](const Summary& s) { return *s.batch; }, "The ReportBatch (a copy).")
      .def_property_readonly(
          "nodes", [](const Summary& s) { return to_tuple(s.summary.nodes); },
          "The RollupNodes in pre-order; nodes[0] is the root (a tuple).")
      .def_property_readonly(
          "expected", [](const Summary& s) { return map_tuple(s.summary.expected, expected_row); },
          "The ExpectedReports by unit (scope order), then period (a tuple).")
      .def_property_readonly(
          "indicators",
          [](const Summary& s) { return map_tuple(s.summary.indicators, indicator_rollup); },
          "The IndicatorRollups, in the plan's order (a tuple).")
      .def_property_readonly(
          "activities",
          [](const Summary& s) { return map_tuple(s.summary.activities, activity_row); },
          "The ActivityRows (a tuple).")
      .def_property_readonly(
          "unexpected",
          [](const Summary& s) { return map_tuple(s.summary.unexpected, unexpected_report); },
          "The UnexpectedReports (a tuple).")
      .def_property_readonly(
          "workflow",
          [](const Summary& s) -> std::optional<danvan::WorkflowSummary> {
            if (!s.summary.workflow) return std::nullopt;
            return *s.summary.workflow;
          },
          "The WorkflowSummary when summarised with a workflow, otherwise None.")
      .def("completeness_rows", &completeness_rows,
           "One dict per node: unit_id, name, depth, in_scope, expected, submitted, on_time, "
           "late, missing, not_due.")
      .def("expected_rows", &expected_rows,
           "One dict per expected report: unit_id, period, deadline, state, submitted (None when "
           "not submitted by the as-of day).")
      .def("indicator_rows", &indicator_rows,
           "One dict per indicator and node (the indicator totals per unit node): indicator_id, "
           "indicator, measure, unit_id, name, depth, value, target, ratio (progress_ratio of "
           "value against target, None when either is missing), numerator, denominator, "
           "reports_expected, reports_with_value, units.")
      .def("activity_rows", &activity_rows,
           "One dict per activity: activity_id, name, task_area, start, due, status, completed, "
           "completed_late.")
      .def("unexpected_rows", &unexpected_rows,
           "One dict per unexpected report: unit_id, period, submitted, reason.")
      .def(
          "__repr__",
          [](const Summary& s) {
            return "<ProgressSummary plan_id=" +
                   py::repr(py::str(s.summary.plan_id)).cast<std::string>() +
                   " period=" + s.summary.period.id() +
                   " as_of=" + danvan::to_iso(s.summary.as_of) +
                   (s.summary.sample ? " SAMPLE" : "") + ">";
          },
          "<ProgressSummary plan_id=... period=... as_of=...>.");
}

// Statuses, ratios, deadlines, aggregation, reading and writing progress documents.
void register_progress_functions(py::module_& m) {
  m.def("activity_status", &danvan::activity_status, py::arg("activity"), py::arg("as_of"),
        py::arg("completed") = py::none(), py::arg("started") = py::none(),
        "The ActivityStatus of an activity on `as_of`: done when `completed` is on or before "
        "it, overdue after the due day, in progress from the start (or once `started`), "
        "otherwise not started.");
  m.def("progress_ratio", &danvan::progress_ratio, py::arg("direction"), py::arg("baseline"),
        py::arg("target"), py::arg("value"),
        "How much of the way from baseline to target a value is (1 = target met; never "
        "negative), or None when undefined.");
  m.def("report_deadline", &danvan::report_deadline, py::arg("schedule"), py::arg("period"),
        "The last day a report for the period is on time: days_after_period_end calendar days "
        "after the period, moved to the next working day of the Vietnamese calendar.");
  m.def("expects_report", &danvan::expects_report, py::arg("units"), py::arg("unit_id"),
        py::arg("period"),
        "Whether a unit is expected to report for a period: when it exists on the period's "
        "last day.");
  m.def(
      "aggregate_over_time",
      [](const Indicator& ind, const std::vector<std::optional<IndicatorValue>>& values) {
        std::vector<const IndicatorValue*> ptrs;
        ptrs.reserve(values.size());
        for (const auto& v : values) ptrs.push_back(v ? &*v : nullptr);
        return danvan::aggregate_over_time(ind, ptrs);
      },
      py::arg("indicator"), py::arg("values"),
      "Aggregates one unit's IndicatorValues over periods (in period order; None for a period "
      "without a value, skipped, never counted as zero) by the indicator's over_time.");
  m.def("aggregate_over_units", &danvan::aggregate_over_units, py::arg("indicator"),
        py::arg("per_unit"), "Aggregates per-unit AggregateValues by the indicator's over_units.");
  def_summarize_progress(m);
  m.def(
      "load_progress_plan",
      [](const std::filesystem::path& path, const py::object& units) {
        if (units.is_none()) return danvan::load_progress_plan(path);
        return plan_from(danvan::parse_json(danvan::read_file(path)), units, "load_progress_plan");
      },
      py::arg("path"), py::arg("units") = py::none(),
      "Reads and validates a danvan/progress file; `units` as ProgressPlan.from_dict's (a "
      "UnitHierarchy replaces the embedded units, a UnitRegister resolves units named by "
      "official code). Raises danvan.IoError or danvan.JsonError.");
  m.def(
      "load_report_batch",
      [](const std::filesystem::path& path, const ProgressPlan& plan,
         const danvan::UnitRegister* units) {
        return batch_from(danvan::parse_json(danvan::read_file(path)), plan, units);
      },
      py::arg("path"), py::arg("plan"), py::arg("units") = nullptr,
      "Reads a danvan/reports file, checking every report against the ProgressPlan; `units` (a "
      "UnitRegister) resolves units named by official code. Raises danvan.IoError or "
      "danvan.JsonError.");
  m.def("save_progress_plan", &danvan::save_progress_plan, py::arg("plan"), py::arg("path"),
        "Validates the plan and writes its canonical JSON atomically.");
  m.def("save_report_batch", &danvan::save_report_batch, py::arg("batch"), py::arg("path"),
        "Writes the batch's canonical JSON atomically.");
  m.def(
      "render_progress",
      [](const Summary& s, ProgressFormat format,
         const std::optional<danvan::StatsTable>& exemplars) {
        return exemplars ? danvan::render_progress(*s.plan, s.summary, format, *exemplars)
                         : danvan::render_progress(*s.plan, s.summary, format);
      },
      py::arg("summary"), py::arg("format"), py::arg("exemplars") = py::none(),
      "The summary as a Vietnamese report in a ProgressFormat: text, Markdown, a "
      "self-contained HTML page or CSV (UTF-8 with a byte-order mark, CRLF line ends). With "
      "`exemplars` (a StatsTable, normally exemplar_stats(summary, registry)) a section of "
      "exemplar statistics follows.");
  m.def(
      "render_progress",
      [](const Summary& s, std::string_view format,
         const std::optional<danvan::StatsTable>& exemplars) {
        const ProgressFormat f = danvan::parse_progress_format(format);
        return exemplars ? danvan::render_progress(*s.plan, s.summary, f, *exemplars)
                         : danvan::render_progress(*s.plan, s.summary, f);
      },
      py::arg("summary"), py::arg("format") = "text", py::arg("exemplars") = py::none(),
      "As above with the format's name: \"text\", \"markdown\", \"html\" or \"csv\" (raises "
      "danvan.ValueError otherwise).");
  m.def(
      "exemplar_stats",
      [](const Summary& s, const danvan::Registry& registry) {
        return registry.stats(danvan::exemplar_stats_query(s.summary));
      },
      py::arg("summary"), py::arg("registry"),
      "The exemplar statistics a progress report shows (sổ theo dõi điển hình): "
      "registry.stats of the summary's year as of its as-of day, for the subtree of the unit "
      "shown, by field. Raises danvan.ValueError (\"unknown unit ...\") when the registry's "
      "hierarchy lacks that unit.");
}

}  // namespace

void register_progress(py::module_& m) {
  // Each to_string returns "" past the last enumerator (detail::enum_name, or a switch).
  make_enum<ActivityStatus>(
      m, "ActivityStatus",
      "Status of an activity on a day (tình trạng thực hiện): not_started, in_progress, done, "
      "overdue.",
      slugs_of<ActivityStatus>([](ActivityStatus v) { return danvan::to_string(v); },
                               danvan::parse_activity_status));
  make_enum<Measure>(
      m, "Measure",
      "What an indicator measures (IATI \"measure\"): count, percentage, yes_no, "
      "qualitative.",
      slugs_of<Measure>([](Measure v) { return danvan::to_string(v); }, danvan::parse_measure));
  make_enum<Direction>(m, "Direction",
                       "Which way is better (IATI \"ascending\"): ascending or descending.",
                       slugs_of<Direction>([](Direction v) { return danvan::to_string(v); },
                                           danvan::parse_direction));
  make_enum<TimeAggregation>(
      m, "TimeAggregation",
      "How one unit's values combine over the periods of a longer period: sum, average, last.",
      slugs_of<TimeAggregation>([](TimeAggregation v) { return danvan::to_string(v); },
                                danvan::parse_time_aggregation));
  make_enum<UnitAggregation>(
      m, "UnitAggregation", "How values of units combine up the hierarchy: sum or average.",
      slugs_of<UnitAggregation>([](UnitAggregation v) { return danvan::to_string(v); },
                                danvan::parse_unit_aggregation));
  make_enum<ReportState>(m, "ReportState",
                         "State of an expected report on the as-of day: on_time (đúng hạn), "
                         "late (trễ hạn), missing (past the deadline), not_due.",
                         slugs_of<ReportState>([](ReportState v) { return danvan::to_string(v); }));
  // No to_string: the slugs are listed and checked against the parser.
  make_enum<ProgressFormat>(
      m, "ProgressFormat", "How render_progress writes a summary: text, markdown, html or csv.",
      checked<ProgressFormat>({"text", "markdown", "html", "csv"}, danvan::parse_progress_format));

  m.def(
      "vietnamese_name", [](ActivityStatus v) { return std::string(danvan::vietnamese_name(v)); },
      py::arg("value"), "The Vietnamese label of an activity status: \"đang thực hiện\".");
  m.def(
      "vietnamese_name", [](ReportState v) { return std::string(danvan::vietnamese_name(v)); },
      py::arg("value"), "The Vietnamese label of a report state: \"đúng hạn\".");
  register_progress_plan_parts(m);
  register_progress_plan_class(m);
  register_reports(m);
  register_summary_values(m);
  register_summary_class(m);
  register_progress_functions(m);
}

}  // namespace danvan_py
