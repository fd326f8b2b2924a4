// Document types (the table and code lookups) and symbols (số, ký hiệu).
#include "common.hpp"

#include <pybind11/operators.h>

namespace danvan_py {

using danvan::DocumentFamily;
using danvan::DocumentType;
using danvan::DocumentTypeInfo;
using danvan::Symbol;

namespace {

bool same_fields(const Symbol& a, const Symbol& b) {
  return a.family == b.family && a.number == b.number && a.year == b.year && a.type == b.type &&
         a.type_code == b.type_code && a.issuers == b.issuers;
}

std::string py_repr(const py::object& o) { return py::repr(o).cast<std::string>(); }

/// `Symbol.parse('26/CT-TTg')` when parsing the canonical form gives the same fields back
/// (the surface aside, which equality ignores); otherwise the constructor call.
std::string symbol_repr(py::handle self) {
  const auto& s = self.cast<const Symbol&>();
  const std::string canonical = s.canonical();
  const py::object text = py::str(canonical);
  if (const auto plain = danvan::try_parse_symbol(canonical); plain && same_fields(*plain, s)) {
    return "Symbol.parse(" + py_repr(text) + ")";
  }
  if (const auto hinted = danvan::try_parse_symbol(canonical, s.family);
      hinted && same_fields(*hinted, s)) {
    return "Symbol.parse(" + py_repr(text) + ", hint=" + py_repr(py::cast(s.family)) + ")";
  }
  return kwargs_repr(self, "Symbol",
                     {"family", "number", "year", "type", "type_code", "issuers", "surface"});
}

}  // namespace

void register_symbols(py::module_& m) {
  py::class_<DocumentTypeInfo>(
      m, "DocumentTypeInfo",
      "One row of the document-type table (read-only): the type, its JSON slug, its "
      "Vietnamese name and its codes in the state/legal and Party families (\"\" when none).")
      .def(py::init([](DocumentType t) { return danvan::info(t); }), py::arg("type"),
           "The row of a type, as info(type).")
      .def_property_readonly(
          "type", [](const DocumentTypeInfo& i) { return i.type; }, "The DocumentType.")
      .def_property_readonly(
          "slug", [](const DocumentTypeInfo& i) { return i.slug; },
          "Stable English id used in JSON: \"directive\".")
      .def_property_readonly(
          "name", [](const DocumentTypeInfo& i) { return i.name; },
          "Vietnamese name, NFC: \"Chỉ thị\".")
      .def_property_readonly(
          "state_code", [](const DocumentTypeInfo& i) { return i.state_code; },
          "Code in state and legal symbols (\"CT\"), \"\" when none.")
      .def_property_readonly(
          "party_code", [](const DocumentTypeInfo& i) { return i.party_code; },
          "Code in Party symbols, \"\" when the Party family does not use the type.")
      .def(
          "__eq__",
          [](const DocumentTypeInfo& a, const DocumentTypeInfo& b) { return a.type == b.type; },
          py::is_operator(), "Equal when of the same type.")
      .def(
          "__hash__",
          [](const DocumentTypeInfo& i) { return py::hash(py::str(std::string(i.slug))); },
          "Hash of the slug.")
      .def(
          "__repr__",
          [](const DocumentTypeInfo& i) { return "info(" + py_repr(py::cast(i.type)) + ")"; },
          "info(DocumentType.directive).")
      .def(
          "__reduce__",
          [](py::handle self) {
            return py::make_tuple(py::type::of(self),
                                  py::make_tuple(self.cast<const DocumentTypeInfo&>().type));
          },
          "Pickle support.");

  m.def(
      "document_types",
      [] {
        const auto rows = danvan::document_types();
        return std::vector<DocumentTypeInfo>(rows.begin(), rows.end());
      },
      "The whole document-type table, in enum order, as a list of DocumentTypeInfo.");
  m.def(
      "info", [](DocumentType t) { return danvan::info(t); }, py::arg("type"),
      "The DocumentTypeInfo row of a type.");
  m.def(
      "code_of",
      [](DocumentType t, DocumentFamily f) { return std::string(danvan::code_of(t, f)); },
      py::arg("type"), py::arg("family"),
      "The code of a type in a family (\"\" when it has none there): "
      "code_of(DocumentType.directive, DocumentFamily.state) == \"CT\".");
  m.def("type_from_code", &danvan::type_from_code, py::arg("code"), py::arg("family"),
        "The type whose code (exact, case-sensitive) is used in the family, or None. "
        "\"TT\" is a circular in the state family and a circular_instruction in the Party "
        "family.");
  m.def("type_from_name", &danvan::type_from_name, py::arg("name"),
        "The type whose Vietnamese name matches ignoring case, diacritics and Unicode form "
        "(\"chi thi\" -> DocumentType.directive), or None.");

  py::class_<Symbol> symbol(
      m, "Symbol",
      "A parsed document symbol (số, ký hiệu): \"26/CT-TTg\", \"04/2015/NĐ-CP\", "
      "\"217-QĐ/TW\".\n\n"
      "Equality compares the canonical forms (the surface is ignored). Mutable, so not "
      "hashable: key dicts by canonical(). `issuers` reads as a tuple (a copy); assign a "
      "sequence to change it.");
  symbol
      .def(py::init([](DocumentFamily family, std::string number, std::optional<int> year,
                       std::optional<DocumentType> type, std::string type_code,
                       std::vector<std::string> issuers, std::string surface) {
             return Symbol{family,
                           std::move(number),
                           year,
                           type,
                           std::move(type_code),
                           std::move(issuers),
                           std::move(surface)};
           }),
           py::kw_only(), py::arg("family") = DocumentFamily::state, py::arg("number") = "",
           py::arg("year") = py::none(), py::arg("type") = py::none(), py::arg("type_code") = "",
           py::arg("issuers") = std::vector<std::string>{}, py::arg("surface") = "",
           "A symbol from its fields (keyword arguments); nothing is checked. Use "
           "Symbol.parse for text.")
      .def_static("parse", &danvan::parse_symbol, py::arg("text"), py::arg("hint") = py::none(),
                  "Parses a symbol leniently (as parse_symbol); raises danvan.ParseError.")
      .def_property("family", get_copy(&Symbol::family), set_value(&Symbol::family),
                    "The DocumentFamily.")
      .def_property("number", get_copy(&Symbol::number), set_value(&Symbol::number),
                    "The number as written: \"05\", \"217\", \"12a\".")
      .def_property("year", get_copy(&Symbol::year), set_value(&Symbol::year),
                    "The year (legal family only), or None.")
      .def_property("type", get_copy(&Symbol::type), set_value(&Symbol::type),
                    "The DocumentType, or None (no type code: công văn, a law).")
      .def_property("type_code", get_copy(&Symbol::type_code), set_value(&Symbol::type_code),
                    "The type code in canonical spelling, \"\" when none.")
      .def_property(
          "issuers", [](const Symbol& s) { return to_tuple(s.issuers); },
          [](Symbol& s, std::vector<std::string> v) { s.issuers = std::move(v); },
          "Issuer codes in order, e.g. ('BDVTW', 'BCSĐCP') (a tuple: a copy).")
      .def_property("surface", get_copy(&Symbol::surface), set_value(&Symbol::surface),
                    "The text it was parsed from, unchanged (\"\" when built).")
      .def("canonical", &Symbol::canonical, "The canonical spelling, rebuilt from the fields.")
      .def("numeric", &Symbol::numeric,
           "The numeric value of the number (\"05\" -> 5); 0 when it has no digits.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__str__", &Symbol::canonical, "The canonical spelling.")
      .def("__repr__", &symbol_repr,
           "Symbol.parse('26/CT-TTg'), or the constructor call when the fields do not come "
           "back from parsing.");
  add_field_pickling(symbol,
                     {"family", "number", "year", "type", "type_code", "issuers", "surface"});

  m.def("parse_symbol", &danvan::parse_symbol, py::arg("text"), py::arg("hint") = py::none(),
        "Parses a symbol leniently: a leading \"Số:\" is dropped, spaces around separators "
        "and doubled separators are tolerated, NFD input is normalised, and a Party symbol in "
        "the state shape (\"217/QĐ-TW\") is recognised by its Party issuer. `hint` (a "
        "DocumentFamily) decides when the text alone cannot. Raises danvan.ParseError.");
  m.def("try_parse_symbol", &danvan::try_parse_symbol, py::arg("text"),
        py::arg("hint") = py::none(), "As parse_symbol, but None instead of raising.");
}

}  // namespace danvan_py
