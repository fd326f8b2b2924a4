// danvan's enums as real Python `enum.Enum` subclasses.
//
// pybind11 2.10 has no py::native_enum, and py::enum_ makes int-like objects that are not
// `enum.Enum` (no `isinstance(x, enum.Enum)`, no `UnitKind("peoples_committee")`, no
// `list(UnitKind)` in the usual sense). So each enum is made with the functional API of the
// `enum` module, with str mixed in and the JSON slug as the value (UnitKind.peoples_committee
// == "peoples_committee"), and converted by the casters in common.hpp, which take the plain
// string too. Level is ordered by rank (danvan/__init__.py: central > province > ...).
// The members are read from the C++ to_string/parse pairs, so a value added in C++ shows up
// in Python without touching this file (tests check the stubs list it).
#include "common.hpp"

namespace danvan_py {

bool is_enum_member(py::handle o) {
  static PyObject* const enum_base =
      py::object(py::module_::import("enum").attr("Enum")).release().ptr();
  const int r = PyObject_IsInstance(o.ptr(), enum_base);
  if (r < 0) throw py::error_already_set();
  return r == 1;
}

void register_enums(py::module_& m) {
  using namespace danvan;
  make_enum<DatePrecision>(m, "DatePrecision",
                           "How much of a PartialDate is known: year, month or day.",
                           {"year", "month", "day"});
  make_enum<PeriodType>(
      m, "PeriodType", "The length of a reporting period: month, quarter, six_month or year.",
      slugs_of<PeriodType>([](PeriodType t) { return to_string(t); }, parse_period_type));
  make_enum<DocumentFamily>(
      m, "DocumentFamily",
      "The numbering family of a document's symbol: state (\"26/CT-TTg\"), legal normative "
      "(\"04/2015/NĐ-CP\") or Party (\"217-QĐ/TW\").",
      slugs_of<DocumentFamily>([](DocumentFamily f) { return to_string(f); },
                               parse_document_family));
  make_enum<DocumentType>(
      m, "DocumentType",
      "What a document is (loại văn bản), independent of family; values are the JSON slugs. "
      "info(t) gives the Vietnamese name and the codes.",
      slugs_of<DocumentType>([](DocumentType t) { return to_string(t); }, parse_document_type));
  make_enum<UnitKind>(
      m, "UnitKind",
      "What kind of body a unit is; vietnamese_name(kind) gives the Vietnamese label.",
      slugs_of<UnitKind>([](UnitKind k) { return to_string(k); }, parse_unit_kind));
  make_enum<Level>(m, "Level",
                   "Administrative level (cấp): central, province, district (ended on "
                   "2025-07-01) or commune.",
                   slugs_of<Level>([](Level l) { return to_string(l); }, parse_level));
  make_enum<DutyRole>(
      m, "DutyRole",
      "How a unit takes part in a plan: unspecified, lead (chủ trì) or coordinate (phối hợp).",
      slugs_of<DutyRole>([](DutyRole r) { return to_string(r); }, parse_duty_role));
  make_enum<PlanFormat>(m, "PlanFormat", "How render_plan writes a plan: text or markdown.",
                        checked<PlanFormat>({"text", "markdown"}, parse_plan_format));
}

}  // namespace danvan_py
