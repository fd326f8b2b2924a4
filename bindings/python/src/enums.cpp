// danvan's enums as real Python `enum.Enum` subclasses.
//
// pybind11 2.10 has no py::native_enum, and py::enum_ makes int-like objects that are not
// `enum.Enum` (no `isinstance(x, enum.Enum)`, no `UnitKind("peoples_committee")`, no
// `list(UnitKind)` in the usual sense). So each enum is made with the functional API of the
// `enum` module, with the JSON slug as the value, and converted by the casters in common.hpp.
// The members are read from the C++ to_string/parse pairs, so a value added in C++ shows up
// in Python without touching this file (tests check the stubs list it).
#include "common.hpp"

#include <stdexcept>
#include <string_view>

namespace danvan_py {

namespace {

/// The slugs of an enum: to_string of 0, 1, 2, ... while parse(to_string(e)) gives back e.
/// (Every danvan enum has a fixed underlying type, so the casts are well-defined; to_string of
/// a value past the end gives a slug that does not parse back, or a fallback of another value.)
template <class E, class ToString, class Parse>
std::vector<std::string> slugs_of(ToString to_string, Parse parse) {
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

template <class E>
void make_enum(py::module_& m, const char* name, const char* doc,
               const std::vector<std::string>& slugs) {
  py::list members;
  for (const auto& s : slugs) members.append(py::make_tuple(s, s));
  py::object cls = py::module_::import("enum").attr("Enum")(
      name, members, py::arg("module") = "danvan", py::arg("qualname") = name);
  cls.attr("__doc__") = doc;
  // The repr reads like the code that names the member: UnitKind.peoples_committee.
  cls.attr("__repr__") = py::cpp_function(
      [](py::handle self) {
        return py::str("{}.{}").format(py::type::of(self).attr("__name__"), self.attr("name"));
      },
      py::name("__repr__"), py::is_method(cls), "UnitKind.peoples_committee");
  EnumClass& c = enum_class<E>();
  c.cls = cls.inc_ref().ptr();
  c.members.clear();
  for (const auto& s : slugs) c.members.push_back(py::object(cls.attr(s.c_str())).release().ptr());
  m.attr(name) = cls;
}

/// For the enums without a C++ to_string: checks the hand-written slugs against the parser.
template <class E, class Parse>
std::vector<std::string> checked(std::vector<std::string> slugs, Parse parse) {
  for (std::size_t i = 0; i < slugs.size(); ++i) {
    if (parse(slugs[i]) != static_cast<E>(i)) {
      throw std::logic_error("danvan._core: enum slug \"" + slugs[i] + "\" is out of order");
    }
  }
  return slugs;
}

}  // namespace

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
  make_enum<PlanFormat>(m, "PlanFormat", "How render_plan writes a plan: text or markdown.",
                        checked<PlanFormat>({"text", "markdown"}, parse_plan_format));
}

}  // namespace danvan_py
