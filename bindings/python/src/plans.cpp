// Plans and their parts, the JSON documents, files and rendering.
//
// Citation, Milestone, TaskArea and SourceInfo convert through their ADL hooks in
// danvan/json/plan.hpp: the same messages as for a plan, but without the cross-references that
// only a whole plan can check (instruments and units that must exist, task areas numbered in
// order). Plan.validate() checks those.
#include "common.hpp"

#include <pybind11/operators.h>

namespace danvan_py {

using danvan::Citation;
using danvan::Json;
using danvan::Milestone;
using danvan::PartialDate;
using danvan::Plan;
using danvan::SourceInfo;
using danvan::TaskArea;

namespace {

template <class T, class V>
void vector_property(py::class_<T>& cls, const char* name, std::vector<V> T::*member,
                     const char* doc) {
  cls.def_property(
      name, [member](const T& self) { return to_tuple(self.*member); },
      [member](T& self, std::vector<V> v) { self.*member = std::move(v); }, doc);
}

template <class T>
void add_value_methods(py::class_<T>& cls, const char* name,
                       std::initializer_list<const char*> fields) {
  cls.def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [name, names = std::vector<const char*>(fields)](py::handle self) {
            return kwargs_repr(self, name, names);
          },
          "Name(field=..., ...), fields at their defaults left out.");
  add_field_pickling(cls, fields);
}

// The parts of real plans (version 2 of danvan/plan): period, signature, duties, reporting,
// annexes and outline, as plain value classes.
void register_plan_parts(py::module_& m) {
  using danvan::Annex;
  using danvan::Duty;
  using danvan::MonthDay;
  using danvan::OutlineItem;
  using danvan::PlanPeriod;
  using danvan::ReportingDuty;
  using danvan::Signature;
  using danvan::TimeOfDay;

  py::class_<PlanPeriod> period(
      m, "PlanPeriod",
      "The time a plan covers (thời gian thực hiện): a year, a phase (\"giai đoạn 2021 - "
      "2025\"), an open end (\"đến năm 2030\": only `to`) or a date range, each bound a "
      "PartialDate at the precision the text gives.");
  period
      .def(py::init([](std::optional<PartialDate> from, std::optional<PartialDate> to,
                       std::string text) {
             return PlanPeriod{from, to, std::move(text)};
           }),
           py::kw_only(), py::arg("from_") = py::none(), py::arg("to") = py::none(),
           py::arg("text") = "", "PlanPeriod(from_=PartialDate(2021), to=PartialDate(2025)).")
      .def_static("year", &PlanPeriod::year, py::arg("year"), "One calendar year.")
      .def_property("from_", get_copy(&PlanPeriod::from), set_value(&PlanPeriod::from),
                    "First bound (a PartialDate), or None.")
      .def_property("to", get_copy(&PlanPeriod::to), set_value(&PlanPeriod::to),
                    "Last bound (a PartialDate), or None.")
      .def_property("text", get_copy(&PlanPeriod::text), set_value(&PlanPeriod::text),
                    "As written (\"\" when built by hand).");
  add_value_methods(period, "PlanPeriod", {"from_", "to", "text"});

  py::class_<Signature> signature(
      m, "Signature", "Who signs (chữ ký): authority (\"KT. CHỦ TỊCH\"), title and name.");
  signature
      .def(py::init([](std::string authority, std::string title, std::string name) {
             return Signature{std::move(authority), std::move(title), std::move(name)};
           }),
           py::kw_only(), py::arg("authority") = "", py::arg("title") = "", py::arg("name") = "",
           "Signature(authority=..., title=..., name=...).")
      .def_property("authority", get_copy(&Signature::authority), set_value(&Signature::authority),
                    "Thẩm quyền ký, or \"\".")
      .def_property("title", get_copy(&Signature::title), set_value(&Signature::title),
                    "Chức vụ, or \"\".")
      .def_property("name", get_copy(&Signature::name), set_value(&Signature::name),
                    "Họ tên, or \"\".");
  add_value_methods(signature, "Signature", {"authority", "title", "name"});

  py::class_<Duty> duty(m, "Duty",
                        "A unit's duties in the organisation section (tổ chức thực hiện).");
  duty.def(py::init([](std::string unit, std::optional<std::string> unit_id, danvan::DutyRole role,
                       std::string text) {
             return Duty{std::move(unit), std::move(unit_id), role, std::move(text)};
           }),
           py::kw_only(), py::arg("unit") = "", py::arg("unit_id") = py::none(),
           py::arg("role") = danvan::DutyRole::unspecified, py::arg("text") = "",
           "Duty(unit=\"Sở Nội vụ\", role=DutyRole.lead, text=...).")
      .def_property("unit", get_copy(&Duty::unit), set_value(&Duty::unit), "The unit as written.")
      .def_property("unit_id", get_copy(&Duty::unit_id), set_value(&Duty::unit_id),
                    "A unit of the plan's hierarchy, or None.")
      .def_property("role", get_copy(&Duty::role), set_value(&Duty::role), "The DutyRole.")
      .def_property("text", get_copy(&Duty::text), set_value(&Duty::text),
                    "What the unit is to do, as written.");
  add_value_methods(duty, "Duty", {"unit", "unit_id", "role", "text"});

  py::class_<MonthDay> month_day(m, "MonthDay", "A day of every year (\"trước ngày 15/12\").");
  month_day
      .def(py::init([](int month, int day) {
             return MonthDay{month, day};
           }),
           py::kw_only(), py::arg("month") = 1, py::arg("day") = 1, "MonthDay(month=12, day=15).")
      .def_property("month", get_copy(&MonthDay::month), set_value(&MonthDay::month), "1..12.")
      .def_property("day", get_copy(&MonthDay::day), set_value(&MonthDay::day), "1..31.");
  add_value_methods(month_day, "MonthDay", {"month", "day"});

  py::class_<TimeOfDay> time_of_day(m, "TimeOfDay",
                                    "A time of every day (\"trước 16h00 hằng ngày\").");
  time_of_day
      .def(py::init([](int hour, int minute) {
             return TimeOfDay{hour, minute};
           }),
           py::kw_only(), py::arg("hour") = 0, py::arg("minute") = 0,
           "TimeOfDay(hour=16, minute=0).")
      .def_property("hour", get_copy(&TimeOfDay::hour), set_value(&TimeOfDay::hour), "0..23.")
      .def_property("minute", get_copy(&TimeOfDay::minute), set_value(&TimeOfDay::minute),
                    "0..59.");
  add_value_methods(time_of_day, "TimeOfDay", {"hour", "minute"});

  py::class_<ReportingDuty> reporting(
      m, "ReportingDuty",
      "A reporting duty (chế độ báo cáo) and its deadline: every_year (a MonthDay), date (a "
      "PartialDate), every_month (a day of the month) or every_day (a TimeOfDay); at most one is "
      "set.");
  reporting
      .def(py::init([](std::string text, std::optional<MonthDay> every_year,
                       std::optional<PartialDate> date, std::optional<int> every_month,
                       std::optional<TimeOfDay> every_day) {
             return ReportingDuty{std::move(text), every_year, date, every_month, every_day};
           }),
           py::kw_only(), py::arg("text") = "", py::arg("every_year") = py::none(),
           py::arg("date") = py::none(), py::arg("every_month") = py::none(),
           py::arg("every_day") = py::none(),
           "ReportingDuty(text=..., every_year=MonthDay(month=12, day=15)).")
      .def_property("text", get_copy(&ReportingDuty::text), set_value(&ReportingDuty::text),
                    "The sentence as written.")
      .def_property("every_year", get_copy(&ReportingDuty::every_year),
                    set_value(&ReportingDuty::every_year), "A MonthDay, or None.")
      .def_property("date", get_copy(&ReportingDuty::date), set_value(&ReportingDuty::date),
                    "A PartialDate, or None.")
      .def_property("every_month", get_copy(&ReportingDuty::every_month),
                    set_value(&ReportingDuty::every_month), "A day of the month, or None.")
      .def_property("every_day", get_copy(&ReportingDuty::every_day),
                    set_value(&ReportingDuty::every_day), "A TimeOfDay, or None.");
  add_value_methods(reporting, "ReportingDuty",
                    {"text", "every_year", "date", "every_month", "every_day"});

  py::class_<Annex> annex(m, "Annex",
                          "An annex (phụ lục): its title and its tables, each a list of rows of "
                          "cells (text).");
  annex
      .def(py::init([](std::string title, std::vector<std::vector<std::vector<std::string>>> t) {
             Annex a;
             a.title = std::move(title);
             for (auto& rows : t) a.tables.push_back(danvan::Table{std::move(rows)});
             return a;
           }),
           py::kw_only(), py::arg("title") = "",
           py::arg("tables") = std::vector<std::vector<std::vector<std::string>>>{},
           "Annex(title=..., tables=[[[\"STT\", \"Nội dung\"], ...]]).")
      .def_property("title", get_copy(&Annex::title), set_value(&Annex::title), "The title.")
      .def_property(
          "tables",
          [](const Annex& a) {
            std::vector<std::vector<std::vector<std::string>>> out;
            for (const auto& t : a.tables) out.push_back(t.rows);
            return out;
          },
          [](Annex& a, std::vector<std::vector<std::vector<std::string>>> t) {
            a.tables.clear();
            for (auto& rows : t) a.tables.push_back(danvan::Table{std::move(rows)});
          },
          "The tables as lists of rows of cells (a copy).");
  add_value_methods(annex, "Annex", {"title", "tables"});

  py::class_<OutlineItem> outline(
      m, "OutlineItem",
      "A heading or item of the document's outline: level (0 = top), label (\"I.\", \"a)\", "
      "\"-\", \"\") and text.");
  outline
      .def(py::init([](int level, std::string label, std::string text) {
             return OutlineItem{level, std::move(label), std::move(text)};
           }),
           py::kw_only(), py::arg("level") = 0, py::arg("label") = "", py::arg("text") = "",
           "OutlineItem(level=0, label=\"I.\", text=\"MỤC ĐÍCH\").")
      .def_property("level", get_copy(&OutlineItem::level), set_value(&OutlineItem::level),
                    "Depth, 0 for the top level.")
      .def_property("label", get_copy(&OutlineItem::label), set_value(&OutlineItem::label),
                    "Numbering as written.")
      .def_property("text", get_copy(&OutlineItem::text), set_value(&OutlineItem::text),
                    "Text without the numbering.");
  add_value_methods(outline, "OutlineItem", {"level", "label", "text"});
}

}  // namespace

namespace {

// The Plan class.
void register_plan_class(py::module_& m) {
  py::class_<Plan> plan(
      m, "Plan",
      "A plan (kế hoạch) with what it refers to: the issuers and instruments it cites "
      "(`catalogue`) and the units that carry it out (`units`).\n\n"
      "Every attribute reads as a copy: sequences as tuples, objects (catalogue, units, "
      "source, symbol, ...) as new objects. To change a part, change the copy and assign it "
      "back: `c = plan.catalogue; c.add_issuer(i); plan.catalogue = c`.");
  plan.def(py::init(
               [](std::string id, std::string title, std::string issuer_id,
                  std::optional<danvan::Symbol> symbol, std::optional<PartialDate> issue_date,
                  std::optional<danvan::PlanPeriod> period, std::vector<danvan::UnitKind> scope,
                  std::vector<std::string> purposes, std::vector<std::string> requirements,
                  std::vector<Milestone> milestones, std::vector<Citation> legal_bases,
                  std::vector<TaskArea> task_areas, std::optional<SourceInfo> source,
                  danvan::InstrumentCatalogue catalogue, danvan::UnitHierarchy units,
                  danvan::DocumentType document_type, std::optional<std::string> place,
                  std::vector<std::string> issuer_header, std::vector<std::string> targets,
                  std::vector<danvan::Duty> duties, std::vector<std::string> funding,
                  std::vector<danvan::ReportingDuty> reporting,
                  std::optional<danvan::Signature> signature, std::vector<std::string> recipients,
                  std::vector<danvan::Annex> annexes, std::vector<danvan::OutlineItem> outline) {
                 Plan p;
                 p.id = std::move(id);
                 p.title = std::move(title);
                 p.issuer_id = std::move(issuer_id);
                 p.symbol = std::move(symbol);
                 p.issue_date = issue_date;
                 p.period = std::move(period);
                 p.document_type = document_type;
                 p.place = std::move(place);
                 p.issuer_header = std::move(issuer_header);
                 p.targets = std::move(targets);
                 p.duties = std::move(duties);
                 p.funding = std::move(funding);
                 p.reporting = std::move(reporting);
                 p.signature = std::move(signature);
                 p.recipients = std::move(recipients);
                 p.annexes = std::move(annexes);
                 p.outline = std::move(outline);
                 p.scope = std::move(scope);
                 p.purposes = std::move(purposes);
                 p.requirements = std::move(requirements);
                 p.milestones = std::move(milestones);
                 p.legal_bases = std::move(legal_bases);
                 p.task_areas = std::move(task_areas);
                 p.source = std::move(source);
                 p.catalogue = std::move(catalogue);
                 p.units = std::move(units);
                 return p;
               }),
           py::kw_only(), py::arg("id") = "", py::arg("title") = "", py::arg("issuer_id") = "",
           py::arg("symbol") = py::none(), py::arg("issue_date") = py::none(),
           py::arg("period") = py::none(), py::arg("scope") = std::vector<danvan::UnitKind>{},
           py::arg("purposes") = std::vector<std::string>{},
           py::arg("requirements") = std::vector<std::string>{},
           py::arg("milestones") = std::vector<Milestone>{},
           py::arg("legal_bases") = std::vector<Citation>{},
           py::arg("task_areas") = std::vector<TaskArea>{}, py::arg("source") = py::none(),
           py::arg("catalogue") = danvan::InstrumentCatalogue{},
           py::arg("units") = danvan::UnitHierarchy{},
           py::arg("document_type") = danvan::DocumentType::plan, py::arg("place") = py::none(),
           py::arg("issuer_header") = std::vector<std::string>{},
           py::arg("targets") = std::vector<std::string>{},
           py::arg("duties") = std::vector<danvan::Duty>{},
           py::arg("funding") = std::vector<std::string>{},
           py::arg("reporting") = std::vector<danvan::ReportingDuty>{},
           py::arg("signature") = py::none(), py::arg("recipients") = std::vector<std::string>{},
           py::arg("annexes") = std::vector<danvan::Annex>{},
           py::arg("outline") = std::vector<danvan::OutlineItem>{},
           "A plan from keyword arguments; check it with validate().")
      .def_property("id", get_copy(&Plan::id), set_value(&Plan::id), "Stable id.")
      .def_property("title", get_copy(&Plan::title), set_value(&Plan::title), "The title.")
      .def_property("issuer_id", get_copy(&Plan::issuer_id), set_value(&Plan::issuer_id),
                    "Id of the issuer (in `catalogue`).")
      .def_property("symbol", get_copy(&Plan::symbol), set_value(&Plan::symbol),
                    "The plan's Symbol (a copy), or None.")
      .def_property("issue_date", get_copy(&Plan::issue_date), set_value(&Plan::issue_date),
                    "Issue date as a PartialDate, or None.")
      .def_property("period", get_copy(&Plan::period), set_value(&Plan::period),
                    "The PlanPeriod it covers (thời gian thực hiện), or None.")
      .def_property("document_type", get_copy(&Plan::document_type),
                    set_value(&Plan::document_type), "The DocumentType of the header's type word.")
      .def_property("place", get_copy(&Plan::place), set_value(&Plan::place),
                    "The place of the place-date line, or None.")
      .def_property("signature", get_copy(&Plan::signature), set_value(&Plan::signature),
                    "The Signature (a copy), or None.")
      .def_property(
          "scope", [](const Plan& p) { return to_tuple(p.scope); },
          [](Plan& p, std::vector<danvan::UnitKind> v) { p.scope = std::move(v); },
          "The UnitKinds the plan covers (a tuple: a copy).");
  vector_property(plan, "purposes", &Plan::purposes, "Purposes, mục đích (a tuple: a copy).");
  vector_property(plan, "requirements", &Plan::requirements,
                  "Requirements, yêu cầu (a tuple: a copy).");
  vector_property(plan, "issuer_header", &Plan::issuer_header,
                  "The header's issuer lines as written (a tuple: a copy).");
  vector_property(plan, "targets", &Plan::targets, "Targets, mục tiêu (a tuple: a copy).");
  vector_property(plan, "funding", &Plan::funding, "Funding, kinh phí (a tuple: a copy).");
  vector_property(plan, "recipients", &Plan::recipients, "Recipients, nơi nhận (a tuple: a copy).");
  vector_property(plan, "duties", &Plan::duties,
                  "Units' duties, tổ chức thực hiện (a tuple of copies).");
  vector_property(plan, "reporting", &Plan::reporting,
                  "Reporting duties, chế độ báo cáo (a tuple of copies).");
  vector_property(plan, "annexes", &Plan::annexes, "Annexes, phụ lục (a tuple of copies).");
  vector_property(plan, "outline", &Plan::outline,
                  "The document's headings and items in order (a tuple of copies).");
  plan.def_property(
          "milestones", [](const Plan& p) { return to_tuple(p.milestones); },
          [](Plan& p, std::vector<Milestone> v) { p.milestones = std::move(v); },
          "Milestones (a tuple of copies).")
      .def_property(
          "legal_bases", [](const Plan& p) { return to_tuple(p.legal_bases); },
          [](Plan& p, std::vector<Citation> v) { p.legal_bases = std::move(v); },
          "Legal bases, căn cứ, as Citations (a tuple of copies).")
      .def_property(
          "task_areas", [](const Plan& p) { return to_tuple(p.task_areas); },
          [](Plan& p, std::vector<TaskArea> v) { p.task_areas = std::move(v); },
          "The numbered focus task areas (a tuple of copies).")
      .def_property("source", get_copy(&Plan::source), set_value(&Plan::source),
                    "The SourceInfo (a copy), or None.")
      .def_property(
          "catalogue", [](const Plan& p) { return p.catalogue; },
          [](Plan& p, danvan::InstrumentCatalogue c) { p.catalogue = std::move(c); },
          "The InstrumentCatalogue of issuers and instruments the plan refers to (a copy).")
      .def_property(
          "units", [](const Plan& p) { return p.units; },
          [](Plan& p, danvan::UnitHierarchy u) { p.units = std::move(u); },
          "The UnitHierarchy of the units that carry the plan out (a copy).")
      .def(
          "validate",
          [](const Plan& p) {
            try {
              p.validate();
            } catch (const danvan::ValueError& first) {
              // Every problem, as the JSON reader finds them in the plan's document (the
              // same checks, collected rather than stopping at the first).
              py::list problems;
              try {
                for (const auto& problem :
                     danvan::validate_document(danvan::to_canonical_text(danvan::Json(p)))) {
                  problems.append(
                      py::make_tuple(utf8_text(problem.pointer), utf8_text(problem.reason)));
                }
              } catch (const danvan::Error&) {
                problems = py::list();
              }
              if (problems.empty()) problems.append(py::make_tuple("", utf8_text(first.what())));
              py::object error =
                  py::module_::import("danvan._core").attr("ValueError")(utf8_text(first.what()));
              error.attr("problems") = problems;
              PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
              throw py::error_already_set();
            }
          },
          "Raises danvan.ValueError naming every problem (one alone keeps its message, several "
          "are listed in it), with `problems`: each as (JSON pointer, reason), as "
          "validate_document() reports them: empty id or title, an unknown issuer, citations or "
          "unit ids that do not resolve, task areas not numbered 1..n, a period without bounds "
          "or ending before it starts, duplicate milestone ids, a duty without a unit, a "
          "reporting duty with more than one deadline.")
      .def(
          "cited_instruments", [](const Plan& p) { return to_list(p.cited_instruments()); },
          "Every instrument the plan cites (legal bases, then task areas), each once, in "
          "first-cited order (a list of copies).")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "Plan",
                               {"id",           "title",         "issuer_id",   "symbol",
                                "issue_date",   "period",        "scope",       "purposes",
                                "requirements", "milestones",    "legal_bases", "task_areas",
                                "source",       "catalogue",     "units",       "document_type",
                                "place",        "issuer_header", "targets",     "duties",
                                "funding",      "reporting",     "signature",   "recipients",
                                "annexes",      "outline"});
          },
          "Plan(id=..., title=..., ...), fields at their defaults left out.");
  add_field_pickling(
      plan,
      {"id",      "title",     "issuer_id",    "symbol",        "issue_date",  "period",
       "scope",   "purposes",  "requirements", "milestones",    "legal_bases", "task_areas",
       "source",  "catalogue", "units",        "document_type", "place",       "issuer_header",
       "targets", "duties",    "funding",      "reporting",     "signature",   "recipients",
       "annexes", "outline"});
  add_json_methods(
      plan, [](const Plan& p) { return danvan::to_json(p); },
      [](const Json& j) { return danvan::plan_from_json(j); });

  // Files and documents.
}

// Reading, writing, validating and rendering plans and documents.
void register_plan_functions(py::module_& m) {
  m.def(
      "load_plan",
      [](const std::filesystem::path& path, const danvan::UnitRegister* units) {
        return units != nullptr ? danvan::load_plan(path, *units) : danvan::load_plan(path);
      },
      py::arg("path"), py::kw_only(), py::arg("units") = nullptr, release_gil(),
      "Reads a plan document (str or os.PathLike). `units` (a UnitRegister, e.g. "
      "load_unit_register()) resolves the units a version 3 plan names by official code "
      "(\"code:22015\") in the plan's period. Raises danvan.IoError or danvan.JsonError.");
  m.def("save_plan", &danvan::save_plan, py::arg("plan"), py::arg("path"),
        "Validates the plan and writes it as canonical JSON, atomically. Raises "
        "danvan.ValueError or danvan.IoError.");
  m.def("load_catalogue", &danvan::load_catalogue, py::arg("path"), release_gil(),
        "Reads an instruments document. Raises danvan.IoError or danvan.JsonError.");
  m.def("save_catalogue", &danvan::save_catalogue, py::arg("catalogue"), py::arg("path"),
        "Writes an InstrumentCatalogue as canonical JSON, atomically. Raises danvan.IoError.");
  m.def(
      "read_file",
      [](const std::filesystem::path& path) { return py::bytes(danvan::read_file(path)); },
      py::arg("path"), "The whole file as bytes. Raises danvan.IoError.");
  m.def("write_file_atomically", &danvan::write_file_atomically, py::arg("path"),
        py::arg("content"),
        "Writes str (as UTF-8) or bytes via a temporary file renamed over the target, so a "
        "crash leaves the old or the new file. Raises danvan.IoError.");
  m.def(
      "validate_document",
      [](std::string_view text) {
        py::list out;
        for (const auto& p : danvan::validate_document(text)) {
          out.append(py::make_tuple(utf8_text(p.pointer), utf8_text(p.reason)));
        }
        return out;
      },
      py::arg("text"),
      "The problems of a danvan JSON document of any kind, as a list of (pointer, reason); "
      "empty when valid.");
  m.def("format_document", &danvan::format_document, py::arg("text"),
        "A danvan JSON document of any kind written back canonically. Raises "
        "danvan.JsonError.");
  m.def(
      "parse_json", [](std::string_view text) { return json_to_py(danvan::parse_json(text)); },
      py::arg("text"),
      "Parses JSON text strictly (syntax, duplicate keys, UTF-8) into Python data. Raises "
      "danvan.JsonError.");
  m.def(
      "to_canonical_text",
      [](const py::object& value) { return danvan::to_canonical_text(py_to_json(value)); },
      py::arg("value"),
      "Canonical JSON text of Python data: two-space indent, UTF-8 unescaped, final newline, "
      "keys in the dict's order.");
  m.def(
      "document_schema",
      [](const py::object& document) { return danvan::document_schema(py_to_json(document)); },
      py::arg("document"),
      "The \"schema\" of a parsed document (\"danvan/plan\"). Raises danvan.JsonError when "
      "missing or not a string.");
  m.attr("json_version") = danvan::json_version;

  // Rendering.
  m.def("render_plan", &danvan::render_plan, py::arg("plan"), py::arg("format"),
        "The plan as a readable Vietnamese document, in PlanFormat.text or .markdown.");
  m.def(
      "render_plan",
      [](const Plan& p, std::string_view format) {
        return danvan::render_plan(p, danvan::parse_plan_format(format));
      },
      py::arg("plan"), py::arg("format") = "text",
      "The plan as a readable Vietnamese document; format is \"text\" or \"markdown\" (raises "
      "danvan.ValueError otherwise).");
}

}  // namespace

void register_plans(py::module_& m) {
  py::class_<Citation> citation(
      m, "Citation",
      "A mention of an instrument in a plan's text: which instrument, and how the text cites "
      "it.");
  citation
      .def(py::init([](std::string instrument_id, std::string cited_as) {
             return Citation{std::move(instrument_id), std::move(cited_as)};
           }),
           py::kw_only(), py::arg("instrument_id") = "", py::arg("cited_as") = "",
           "Citation(instrument_id=..., cited_as=...).")
      .def_property("instrument_id", get_copy(&Citation::instrument_id),
                    set_value(&Citation::instrument_id), "Id of the cited instrument.")
      .def_property("cited_as", get_copy(&Citation::cited_as), set_value(&Citation::cited_as),
                    "How the text cites it: \"Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy\".")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "Citation", {"instrument_id", "cited_as"});
          },
          "Citation(instrument_id=..., cited_as=...).");
  add_field_pickling(citation, {"instrument_id", "cited_as"});
  add_json_methods(citation);

  py::class_<Milestone> milestone(
      m, "Milestone", "A dated event the plan works toward; `date` is None when not given.");
  milestone
      .def(py::init([](std::string id, std::string name, std::optional<PartialDate> date) {
             return Milestone{std::move(id), std::move(name), date};
           }),
           py::kw_only(), py::arg("id") = "", py::arg("name") = "", py::arg("date") = py::none(),
           "Milestone(id=..., name=..., date=PartialDate(...)).")
      .def_property("id", get_copy(&Milestone::id), set_value(&Milestone::id),
                    "Stable id within the plan.")
      .def_property("name", get_copy(&Milestone::name), set_value(&Milestone::name),
                    "What happens.")
      .def_property("date", get_copy(&Milestone::date), set_value(&Milestone::date),
                    "When, as a PartialDate, or None.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "Milestone", {"id", "name", "date"});
          },
          "Milestone(id=..., name=..., date=...).");
  add_field_pickling(milestone, {"id", "name", "date"});
  add_json_methods(milestone);

  py::class_<TaskArea> task_area(
      m, "TaskArea",
      "A numbered focus task area (nội dung trọng tâm). Sequence attributes read as tuples "
      "(copies); assign a sequence to change one.");
  task_area
      .def(py::init([](int number, std::string text, std::vector<Citation> citations,
                       std::vector<std::string> lead_unit_ids,
                       std::vector<std::string> participating_unit_ids, std::string label,
                       std::vector<std::string> details) {
             return TaskArea{number,
                             std::move(text),
                             std::move(citations),
                             std::move(lead_unit_ids),
                             std::move(participating_unit_ids),
                             std::move(label),
                             std::move(details)};
           }),
           py::kw_only(), py::arg("number") = 0, py::arg("text") = "",
           py::arg("citations") = std::vector<Citation>{},
           py::arg("lead_unit_ids") = std::vector<std::string>{},
           py::arg("participating_unit_ids") = std::vector<std::string>{}, py::arg("label") = "",
           py::arg("details") = std::vector<std::string>{},
           "TaskArea(number=1, text=..., citations=[...], ...).")
      .def_property("label", get_copy(&TaskArea::label), set_value(&TaskArea::label),
                    "Its numbering as written: \"1.\", \"II.\", \"(3)\" (\"\" when none).")
      .def_property("number", get_copy(&TaskArea::number), set_value(&TaskArea::number),
                    "As numbered in the source, from 1.")
      .def_property("text", get_copy(&TaskArea::text), set_value(&TaskArea::text), "The full text.")
      .def_property(
          "citations", [](const TaskArea& t) { return to_tuple(t.citations); },
          [](TaskArea& t, std::vector<Citation> v) { t.citations = std::move(v); },
          "The instruments the text cites, in order (a tuple of copies).");
  vector_property(task_area, "lead_unit_ids", &TaskArea::lead_unit_ids,
                  "Ids of the lead units, đơn vị chủ trì (a tuple: a copy).");
  vector_property(task_area, "participating_unit_ids", &TaskArea::participating_unit_ids,
                  "Ids of the participating units, đơn vị phối hợp (a tuple: a copy).");
  vector_property(task_area, "details", &TaskArea::details,
                  "Its sub-items as written with their numbering (a tuple: a copy).");
  task_area.def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "TaskArea",
                               {"number", "text", "citations", "lead_unit_ids",
                                "participating_unit_ids", "label", "details"});
          },
          "TaskArea(number=..., text=..., ...).");
  add_field_pickling(task_area, {"number", "text", "citations", "lead_unit_ids",
                                 "participating_unit_ids", "label", "details"});
  register_plan_parts(m);
  add_json_methods(task_area);

  py::class_<SourceInfo> source_info(m, "SourceInfo", "Where a plan's text came from.");
  source_info
      .def(py::init([](std::string title, std::optional<PartialDate> published,
                       std::optional<std::string> author, std::optional<std::string> url,
                       std::optional<std::string> note) {
             return SourceInfo{std::move(title), published, std::move(author), std::move(url),
                               std::move(note)};
           }),
           py::kw_only(), py::arg("title") = "", py::arg("published") = py::none(),
           py::arg("author") = py::none(), py::arg("url") = py::none(),
           py::arg("note") = py::none(), "SourceInfo(title=..., published=..., ...).")
      .def_property("title", get_copy(&SourceInfo::title), set_value(&SourceInfo::title),
                    "Title of the source.")
      .def_property("published", get_copy(&SourceInfo::published),
                    set_value(&SourceInfo::published), "PartialDate published, or None.")
      .def_property("author", get_copy(&SourceInfo::author), set_value(&SourceInfo::author),
                    "Author, or None.")
      .def_property("url", get_copy(&SourceInfo::url), set_value(&SourceInfo::url), "URL, or None.")
      .def_property("note", get_copy(&SourceInfo::note), set_value(&SourceInfo::note),
                    "Editorial note, or None.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "SourceInfo", {"title", "published", "author", "url", "note"});
          },
          "SourceInfo(title=..., ...).");
  add_field_pickling(source_info, {"title", "published", "author", "url", "note"});
  add_json_methods(source_info);
  register_plan_class(m);
  register_plan_functions(m);
}

}  // namespace danvan_py
