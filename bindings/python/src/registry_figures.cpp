// Reported figures (issue 11): counts a published source gives for a unit and a period, held in
// the registry apart from its entries. ReportedFigure, FigureComparison and their enums;
// Registry.add_figure, Registry.figures, Registry.compare_figure, Registry.compare_figures and
// StatsTable.reported, added to the classes registry.cpp binds. Kept out of registry.cpp, as
// registry_edit.cpp is.
#include "common.hpp"

#include <danvan/json/registry.hpp>
#include <danvan/registry.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

DANVAN_PY_ENUM_CASTER(danvan::FigureCategory, "danvan.FigureCategory")
DANVAN_PY_ENUM_CASTER(danvan::FigureQualifier, "danvan.FigureQualifier")
DANVAN_PY_ENUM_CASTER(danvan::FigureAgreement, "danvan.FigureAgreement")

namespace danvan_py {

namespace {

using danvan::DateRange;
using danvan::EntryKind;
using danvan::FigureAgreement;
using danvan::FigureCategory;
using danvan::FigureComparison;
using danvan::FigureQualifier;
using danvan::Json;
using danvan::Level;
using danvan::Registry;
using danvan::ReportedFigure;
using danvan::StatsTable;
using danvan::Subject;

constexpr std::initializer_list<const char*> figure_fields = {
    "unit_id", "period", "category",  "field_id", "level", "subject",
    "kind",    "value",  "qualifier", "source",   "quote"};

void register_enums_of_figures(py::module_& m) {
  make_enum<FigureCategory>(
      m, "FigureCategory",
      "What a reported figure counts: one of the statistics' columns, with the same meaning "
      "(registered, recognised, commended, replicated, proposed, promoted: during the period; "
      "effective: in force on its last day).",
      slugs_of<FigureCategory>(
          [](FigureCategory v) { return danvan::to_string(v); },
          [](const std::string& s) { return danvan::parse_figure_category(s); }));
  make_enum<FigureQualifier>(
      m, "FigureQualifier",
      "How the printed number bounds the count: exact (\"279\"), at_least (\"hơn 800\"), about "
      "(\"khoảng 1.000\": within 10%, rounded outwards), at_most (\"không quá\").",
      slugs_of<FigureQualifier>(
          [](FigureQualifier v) { return danvan::to_string(v); },
          [](const std::string& s) { return danvan::parse_figure_qualifier(s); }));
  make_enum<FigureAgreement>(
      m, "FigureAgreement",
      "The entries' count against a figure: agrees (within its bounds), below (the registry "
      "holds only part of what the source counts) or above.",
      slugs_of<FigureAgreement>([](FigureAgreement v) { return danvan::to_string(v); }));
}

void register_reported_figure(py::module_& m) {
  py::class_<ReportedFigure> c(
      m, "ReportedFigure",
      "A reported figure (số liệu báo cáo): a count a published source states for a unit and a "
      "period (\"hơn 800 mô hình\", \"279 đăng ký năm 2023\"), optionally for one field, level, "
      "subject or kind only. Held by the registry apart from its entries, never added to their "
      "counts; checked by Registry.add_figure().");
  c.def(py::init([](std::string unit_id, const std::string& period, FigureCategory category,
                    std::optional<std::string> field_id, std::optional<Level> level,
                    std::optional<Subject> subject, std::optional<EntryKind> kind, long long value,
                    FigureQualifier qualifier, std::string source,
                    std::optional<std::string> quote) {
          ReportedFigure f;
          f.unit_id = std::move(unit_id);
          f.period = danvan::parse_date_range(period);
          f.category = category;
          f.field_id = std::move(field_id);
          f.level = level;
          f.subject = subject;
          f.kind = kind;
          f.value = value;
          f.qualifier = qualifier;
          f.source = std::move(source);
          f.quote = std::move(quote);
          return f;
        }),
        py::kw_only(), py::arg("unit_id") = "", py::arg("period") = "2020",
        py::arg("category") = FigureCategory::registered, py::arg("field_id") = py::none(),
        py::arg("level") = py::none(), py::arg("subject") = py::none(),
        py::arg("kind") = py::none(), py::arg("value") = 0,
        py::arg("qualifier") = FigureQualifier::exact, py::arg("source") = "",
        py::arg("quote") = py::none(),
        "A figure from keyword arguments; period is a year (\"2023\"), a phase (\"2021-2025\") "
        "or a date range (\"2022-03-01..2022-09-30\"), raising danvan.ValueError otherwise.")
      .def_property("unit_id", get_copy(&ReportedFigure::unit_id),
                    set_value(&ReportedFigure::unit_id),
                    "Whose figure: the unit and its subtree, as the statistics count.")
      .def_property(
          "period", [](const ReportedFigure& f) { return danvan::to_string(f.period); },
          [](ReportedFigure& f, const std::string& p) { f.period = danvan::parse_date_range(p); },
          "The period as text: \"2023\", \"2021-2025\" or \"2022-03-01..2022-09-30\".")
      .def_property("category", get_copy(&ReportedFigure::category),
                    set_value(&ReportedFigure::category), "What is counted (a FigureCategory).")
      .def_property("field_id", get_copy(&ReportedFigure::field_id),
                    set_value(&ReportedFigure::field_id),
                    "The field counted alone, or None for every field.")
      .def_property("level", get_copy(&ReportedFigure::level), set_value(&ReportedFigure::level),
                    "The Level counted alone (công nhận cấp ...), or None.")
      .def_property("subject", get_copy(&ReportedFigure::subject),
                    set_value(&ReportedFigure::subject),
                    "Collectives or individuals only (a Subject), or None.")
      .def_property("kind", get_copy(&ReportedFigure::kind), set_value(&ReportedFigure::kind),
                    "Models or exemplars only (an EntryKind), or None.")
      .def_property("value", get_copy(&ReportedFigure::value), set_value(&ReportedFigure::value),
                    "The number as printed (0..1,000,000,000 when added).")
      .def_property("qualifier", get_copy(&ReportedFigure::qualifier),
                    set_value(&ReportedFigure::qualifier),
                    "How the number bounds the count (a FigureQualifier).")
      .def_property("source", get_copy(&ReportedFigure::source), set_value(&ReportedFigure::source),
                    "Where it is printed: publisher, title, date, URL.")
      .def_property("quote", get_copy(&ReportedFigure::quote), set_value(&ReportedFigure::quote),
                    "The sentence that gives it, as printed, or None.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) { return kwargs_repr(self, "ReportedFigure", figure_fields); },
          "ReportedFigure(unit_id=..., period=..., ...), fields at their defaults left out.");
  add_field_pickling(c, figure_fields);
  add_json_methods(c);
}

void register_figure_comparison(py::module_& m) {
  py::class_<FigureComparison> c(
      m, "FigureComparison",
      "A reported figure beside the count the registry's entries give for the same unit, "
      "period, category and breakdown (made by Registry.compare_figure(), "
      "Registry.compare_figures() and StatsTable.reported).");
  c.def_property_readonly(
       "figure", [](const FigureComparison& f) { return f.figure; }, "The ReportedFigure (a copy).")
      .def_property_readonly(
          "from_entries", [](const FigureComparison& f) { return f.from_entries; },
          "The count derived from the registry's entries.")
      .def_property_readonly(
          "agreement", [](const FigureComparison& f) { return f.agreement; },
          "The FigureAgreement of the two: agrees, below or above.")
      .def(
          "to_dict", [](const FigureComparison& f) { return json_to_py(danvan::to_json(f)); },
          "As in the JSON of a statistics table's \"reported\": figure, from_entries, agreement.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](const FigureComparison& f) {
            return py::str("<danvan.FigureComparison {} {} {}: {} from the entries ({})>")
                .format(utf8_text(f.figure.unit_id), danvan::to_string(f.figure.period),
                        std::string(danvan::to_string(f.figure.category)), f.from_entries,
                        std::string(danvan::to_string(f.agreement)));
          },
          "<danvan.FigureComparison unit period category: N from the entries (agreement)>.");
  c.attr("__hash__") = py::none();
}

/// Registry(units, fields, *, note, recognition_years, grades, forms, entries, figures): the
/// entries and figures added in order as add() and add_figure() add them.
Registry make_registry(danvan::UnitHierarchy units, std::vector<danvan::Field> fields,
                       std::optional<std::string> note, std::optional<int> recognition_years,
                       const std::vector<danvan::Grade>& grades,
                       const std::vector<danvan::CommendationForm>& forms,
                       const std::vector<danvan::Entry>& entries,
                       const std::vector<danvan::ReportedFigure>& figures) {
  Registry r(std::move(units), std::move(fields));
  r.set_note(std::move(note));
  r.set_recognition_years(recognition_years);
  for (const auto& g : grades) r.declare_grade(g);
  for (const auto& f : forms) r.declare_form(f);
  for (const auto& e : entries) r.add(e);
  for (const auto& f : figures) r.add_figure(f);
  return r;
}

}  // namespace

void register_registry_figures(py::module_& m) {
  register_enums_of_figures(m);
  register_reported_figure(m);
  register_figure_comparison(m);

  auto registry = py::reinterpret_borrow<py::class_<Registry>>(m.attr("Registry"));
  // The constructor is defined here, once ReportedFigure is a Python type (its signature then
  // names danvan.ReportedFigure, not the C++ type).
  registry
      .def(py::init(&make_registry), py::arg("units") = danvan::UnitHierarchy{},
           py::arg("fields") = std::vector<danvan::Field>{}, py::kw_only(),
           py::arg("note") = py::none(), py::arg("recognition_years") = py::none(),
           py::arg("grades") = std::vector<danvan::Grade>{},
           py::arg("forms") = std::vector<danvan::CommendationForm>{},
           py::arg("entries") = std::vector<danvan::Entry>{},
           py::arg("figures") = std::vector<danvan::ReportedFigure>{},
           "A registry over the units, with the declared fields, grades and forms (besides the "
           "built-in ones), the note, the recognition validity, the entries and the reported "
           "figures, added in order as add() and add_figure() add them: Registry(**r.to_dict()) "
           "== r. Raises danvan.ValueError for a bad field, grade, form, entry or figure.")
      .def("add_figure", &Registry::add_figure, py::arg("figure"),
           "Records a reported figure (a copy, its text in NFC); raises danvan.ValueError "
           "('figure 3: unknown unit \"x\"') for an unknown unit or field, a value out of range "
           "0..1,000,000,000, a subject breakdown \"unknown\" or an empty source or quote.")
      .def_property_readonly(
          "figures", [](const Registry& r) { return to_tuple(r.figures()); },
          "The reported figures in the order they were added (a tuple of copies).")
      .def("compare_figure", &Registry::compare, py::arg("figure"),
           "The FigureComparison of a figure (added or not) with the registry's entries: "
           "the statistics of its unit and period, by its breakdown.")
      .def(
          "compare_figures",
          [](const Registry& r, const std::optional<std::string>& unit_id,
             const std::optional<std::string>& period) {
            const DateRange all{danvan::Date(1402, 1, 1), danvan::Date(9999, 12, 31)};
            return r.compare_figures(unit_id, period ? danvan::parse_date_range(*period) : all);
          },
          py::kw_only(), py::arg("unit_id") = py::none(), py::arg("period") = py::none(),
          "The figures of unit_id's subtree (every unit's when None) whose period lies within "
          "period (\"2023\", \"2021-2025\", \"2022-03-01..2022-09-30\"; every figure when "
          "None), in order, each as a FigureComparison. Figures are never summed.");

  auto table = py::reinterpret_borrow<py::class_<StatsTable>>(m.attr("StatsTable"));
  table.def_property_readonly(
      "reported", [](const StatsTable& t) { return t.reported; },
      "The registry's reported figures of the table's unit and subtree within its year or "
      "period, each a FigureComparison (shown beside the table, never added to its counts).");
}

}  // namespace danvan_py
