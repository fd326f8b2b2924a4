// danvan._core: the compiled half of the `danvan` Python package (import `danvan`, not this).
#include "common.hpp"

namespace danvan_py {
// registry_edit.cpp: Registry.replace and Registry.remove, added to the bound class.
void register_registry_editing(pybind11::module_& m);
// office.cpp: Registry.decision (Word documents out), added to the bound class.
void register_registry_documents(pybind11::module_& m);
// registry_tables.cpp: Registry.entries_table and Registry.to_rows, added to the bound class.
void register_registry_tables(pybind11::module_& m);
// registry_proposals.cpp: Registry.import_proposals and TableImport (proposal lists in).
void register_registry_proposals(pybind11::module_& m);
// rules.cpp: validation rules of reports.
void register_rules(pybind11::module_& m);
void register_rule_functions(pybind11::module_& m);
// forms.cpp: the Excel forms of progress plans (danvan::formats).
void register_forms(pybind11::module_& m);
// unit_list.cpp: the official list of units (read_unit_list, compare_unit_list).
void register_unit_list(pybind11::module_& m);
// unit_register.cpp: UnitRegister, load_unit_register, apply_unit_list.
void register_unit_register(pybind11::module_& m);
// registry_figures.cpp: reported figures; Registry.add_figure etc., StatsTable.reported.
void register_registry_figures(pybind11::module_& m);
}  // namespace danvan_py

PYBIND11_MODULE(_core, m) {
  namespace py = pybind11;
  // Classes and functions take their __module__ (and the names in signatures) from the scope's
  // __name__: register them as "danvan.X", the name users import them by.
  const py::object real_name = m.attr("__name__");
  m.attr("__name__") = "danvan";

  m.doc() =
      "The compiled part of the danvan package: Vietnamese government campaign plans, their "
      "instruments, units, dates and text. Import `danvan` rather than this module.";
  m.attr("__version__") = danvan::version_string;

  danvan_py::register_enums(m);
  danvan_py::register_errors(m);
  danvan_py::register_dates(m);
  danvan_py::register_text(m);
  danvan_py::register_symbols(m);
  danvan_py::register_instruments(m);
  danvan_py::register_units(m);
  danvan_py::register_plans(m);
  danvan_py::register_registry(m);
  danvan_py::register_workflow(m);
  danvan_py::register_rules(m);
  danvan_py::register_progress(m);
  danvan_py::register_workflow_functions(m);
  danvan_py::register_rule_functions(m);
  danvan_py::register_forms(m);
  danvan_py::register_calendar(m);
  danvan_py::register_references(m);
  danvan_py::register_registry_editing(m);
  danvan_py::register_registry_documents(m);
  danvan_py::register_registry_tables(m);
  danvan_py::register_registry_proposals(m);
  danvan_py::register_unit_list(m);
  danvan_py::register_unit_register(m);
  danvan_py::register_registry_figures(m);
  danvan_py::install_argument_errors(m);

  m.attr("__name__") = real_name;
}
