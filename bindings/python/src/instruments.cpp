// Issuers, instruments, their identity and the catalogue.
#include "common.hpp"

#include <pybind11/operators.h>

namespace danvan_py {

using danvan::Instrument;
using danvan::InstrumentCatalogue;
using danvan::InstrumentKey;
using danvan::Issuer;
using danvan::Json;
using danvan::PartialDate;
using danvan::YearRange;

namespace {

const char* const kInstrumentDoc =
    "A document (văn bản). Partly known instruments are first-class: number and issuer may "
    "be all a text states. Sequence attributes read as tuples (copies); optional attributes "
    "are None when unknown.";

}  // namespace

namespace {

// InstrumentKey, identity, is_valid_id and InstrumentCatalogue.
void register_catalogue(py::module_& m) {
  py::class_<InstrumentKey> instrument_key(
      m, "InstrumentKey",
      "The identity of an instrument (issuers, type, family, number, when), as identity() "
      "gives it: equal keys mean the same document. Immutable, hashable and ordered.");
  add_ordering(instrument_key);
  instrument_key
      .def(py::init([](std::vector<std::string> issuer_ids, danvan::DocumentType type,
                       danvan::DocumentFamily family, std::string number, std::string when) {
             return InstrumentKey{std::move(issuer_ids), type, family, std::move(number),
                                  std::move(when)};
           }),
           py::arg("issuer_ids"), py::arg("type"), py::arg("family"), py::arg("number"),
           py::arg("when"), "A key from its fields.")
      .def_property_readonly(
          "issuer_ids", [](const InstrumentKey& k) { return to_tuple(k.issuer_ids); },
          "Issuer ids, sorted, each once.")
      .def_property_readonly(
          "type", [](const InstrumentKey& k) { return k.type; }, "The DocumentType.")
      .def_property_readonly(
          "family", [](const InstrumentKey& k) { return k.family; }, "The DocumentFamily.")
      .def_property_readonly(
          "number", [](const InstrumentKey& k) { return k.number; },
          "The number without leading zeros (\"\" when unknown).")
      .def_property_readonly(
          "when", [](const InstrumentKey& k) { return k.when; },
          "ISO date, year, \"khóa XI\", or \"\" when unknown.")
      .def(
          "__hash__",
          [](const InstrumentKey& k) {
            return py::hash(
                py::make_tuple(to_tuple(k.issuer_ids), k.type, k.family, k.number, k.when));
          },
          "Hash of the fields.")
      .def(
          "__repr__",
          [](py::handle self) {
            std::string s = "InstrumentKey(";
            const char* sep = "";
            for (const char* f : {"issuer_ids", "type", "family", "number", "when"}) {
              s += std::string(sep) + f + "=" + py::repr(self.attr(f)).cast<std::string>();
              sep = ", ";
            }
            return s + ")";
          },
          "InstrumentKey(issuer_ids=(...), type=..., family=..., number=..., when=...).")
      .def(
          "__reduce__",
          [](py::handle self) {
            const auto& k = self.cast<const InstrumentKey&>();
            return py::make_tuple(py::type::of(self), py::make_tuple(to_tuple(k.issuer_ids), k.type,
                                                                     k.family, k.number, k.when));
          },
          "Pickle support.");

  m.def("identity", &danvan::identity, py::arg("instrument"),
        "The InstrumentKey of an instrument: issuers (sorted), type, family, number without "
        "leading zeros, and its date, term or year.");
  m.def("is_valid_id", &danvan::is_valid_id, py::arg("id"),
        "True when `id` is a valid danvan id: 1..100 characters of [a-z0-9-], not starting "
        "with '-'.");

  py::class_<InstrumentCatalogue> catalogue(
      m, "InstrumentCatalogue",
      "Issuers and instruments by id, with their cross-references checked as they are added. "
      "`issuers` and `instruments` read as tuples of copies; change the catalogue with "
      "add_issuer/add_instrument.");
  catalogue
      .def(py::init(
               [](const std::vector<Issuer>& issuers, const std::vector<Instrument>& instruments) {
                 InstrumentCatalogue c;
                 for (const auto& i : issuers) c.add_issuer(i);
                 for (const auto& i : instruments) c.add_instrument(i);
                 return c;
               }),
           py::arg("issuers") = std::vector<Issuer>{},
           py::arg("instruments") = std::vector<Instrument>{},
           "A catalogue holding the issuers, then the instruments, added in order (raises "
           "danvan.ValueError as add_issuer/add_instrument do).")
      .def("add_issuer", &InstrumentCatalogue::add_issuer, py::arg("issuer"),
           "Adds a copy of the issuer; raises danvan.ValueError on a duplicate or malformed id.")
      .def("add_instrument", &InstrumentCatalogue::add_instrument, py::arg("instrument"),
           "Adds a copy of the instrument; raises danvan.ValueError on a duplicate or malformed "
           "id, or an unknown issuer id.")
      .def("find_issuer", &InstrumentCatalogue::find_issuer, py::arg("id"),
           py::return_value_policy::copy, "The issuer with that id (a copy), or None.")
      .def("find_instrument", &InstrumentCatalogue::find_instrument, py::arg("id"),
           py::return_value_policy::copy, "The instrument with that id (a copy), or None.")
      .def("issuer", &InstrumentCatalogue::issuer, py::arg("id"), py::return_value_policy::copy,
           "The issuer with that id (a copy); raises danvan.ValueError naming a missing id.")
      .def("instrument", &InstrumentCatalogue::instrument, py::arg("id"),
           py::return_value_policy::copy,
           "The instrument with that id (a copy); raises danvan.ValueError naming a missing id.")
      .def_property_readonly(
          "issuers", [](const InstrumentCatalogue& c) { return to_tuple(c.issuers()); },
          "Every issuer, in the order added (a tuple of copies).")
      .def_property_readonly(
          "instruments", [](const InstrumentCatalogue& c) { return to_tuple(c.instruments()); },
          "Every instrument, in the order added (a tuple of copies).")
      .def(
          "find_by_symbol",
          [](const InstrumentCatalogue& c, const danvan::Symbol& s) {
            return to_list(c.find_by_symbol(s));
          },
          py::arg("symbol"), "The instruments whose symbol equals (canonically) the given one.")
      .def(
          "find_by_number",
          [](const InstrumentCatalogue& c, danvan::DocumentType type, std::string_view number,
             std::optional<std::string_view> issuer_id) {
            return to_list(c.find_by_number(type, number, issuer_id));
          },
          py::arg("type"), py::arg("number"), py::arg("issuer_id") = py::none(),
          "The instruments of a type and number (leading zeros ignored), optionally of one "
          "issuer.")
      .def("issuer_names", &InstrumentCatalogue::issuer_names, py::arg("instrument"),
           "The names of the instrument's issuers: \"A\", \"A và B\", \"A, B và C\".")
      .def("describe", &InstrumentCatalogue::describe, py::arg("instrument"),
           "A Vietnamese description: \"Chỉ thị 26/CT-TTg ngày 05/09/2016 của Thủ tướng Chính "
           "phủ\".")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "InstrumentCatalogue", {"issuers", "instruments"});
          },
          "InstrumentCatalogue(issuers=(...), instruments=(...)).")
      .def(
          "__reduce__",
          [](py::handle self) {
            return py::make_tuple(py::type::of(self),
                                  py::make_tuple(self.attr("issuers"), self.attr("instruments")));
          },
          "Pickle support.")
      .def(
          "__copy__", [](const InstrumentCatalogue& c) { return InstrumentCatalogue(c); },
          "A copy.")
      .def(
          "__deepcopy__",
          [](const InstrumentCatalogue& c, const py::handle&) { return InstrumentCatalogue(c); },
          py::arg("memo"), "A copy.");
  add_json_methods(
      catalogue, [](const InstrumentCatalogue& c) { return danvan::to_json(c); },
      danvan::catalogue_from_json);
}

}  // namespace

void register_instruments(py::module_& m) {
  py::class_<YearRange> year_range(
      m, "YearRange", "An inclusive span of years, such as \"giai đoạn 2016 - 2021\".");
  year_range
      .def(py::init([](int first, int last) {
             return YearRange{first, last};
           }),
           py::arg("first") = 0, py::arg("last") = 0, "YearRange(2016, 2021).")
      .def_property("first", get_copy(&YearRange::first), set_value(&YearRange::first),
                    "The first year.")
      .def_property("last", get_copy(&YearRange::last), set_value(&YearRange::last),
                    "The last year (inclusive).")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "YearRange", {"first", "last"});
          },
          "YearRange(first=2016, last=2021).");
  add_field_pickling(year_range, {"first", "last"});
  add_json_methods(year_range);

  py::class_<Issuer> issuer(
      m, "Issuer",
      "A body that issues documents (cơ quan ban hành): \"Thủ tướng Chính phủ\" (code TTg). "
      "`successor_ids` reads as a tuple (a copy).");
  issuer
      .def(
          py::init([](std::string id, std::string name, std::optional<std::string> code,
                      std::optional<std::string> parent_id, std::optional<PartialDate> valid_from,
                      std::optional<PartialDate> valid_to, std::vector<std::string> successor_ids) {
            return Issuer{std::move(id),           std::move(name), std::move(code),
                          std::move(parent_id),    valid_from,      valid_to,
                          std::move(successor_ids)};
          }),
          py::kw_only(), py::arg("id") = "", py::arg("name") = "", py::arg("code") = py::none(),
          py::arg("parent_id") = py::none(), py::arg("valid_from") = py::none(),
          py::arg("valid_to") = py::none(), py::arg("successor_ids") = std::vector<std::string>{},
          "An issuer from keyword arguments; checked when added to a catalogue.")
      .def_property("id", get_copy(&Issuer::id), set_value(&Issuer::id), "Stable id, [a-z0-9-]+.")
      .def_property("name", get_copy(&Issuer::name), set_value(&Issuer::name), "Vietnamese name.")
      .def_property("code", get_copy(&Issuer::code), set_value(&Issuer::code),
                    "Issuer code in symbols (\"TTg\"), or None.")
      .def_property("parent_id", get_copy(&Issuer::parent_id), set_value(&Issuer::parent_id),
                    "The body it belongs to, or None.")
      .def_property("valid_from", get_copy(&Issuer::valid_from), set_value(&Issuer::valid_from),
                    "PartialDate it began, or None.")
      .def_property("valid_to", get_copy(&Issuer::valid_to), set_value(&Issuer::valid_to),
                    "PartialDate of the last day it existed (inclusive), or None.")
      .def_property(
          "successor_ids", [](const Issuer& i) { return to_tuple(i.successor_ids); },
          [](Issuer& i, std::vector<std::string> v) { i.successor_ids = std::move(v); },
          "Ids of the issuers that took over (a tuple: a copy).")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(
                self, "Issuer",
                {"id", "name", "code", "parent_id", "valid_from", "valid_to", "successor_ids"});
          },
          "Issuer(id=..., name=..., ...), fields at their defaults left out.");
  add_field_pickling(
      issuer, {"id", "name", "code", "parent_id", "valid_from", "valid_to", "successor_ids"});
  add_json_methods(issuer);

  py::class_<Instrument> instrument(m, "Instrument", kInstrumentDoc);
  instrument
      .def(py::init([](std::string id, danvan::DocumentType type, danvan::DocumentFamily family,
                       std::optional<std::string> number, std::optional<danvan::Symbol> symbol,
                       std::vector<std::string> issuer_ids, std::optional<PartialDate> date,
                       std::optional<std::string> term, std::optional<YearRange> period,
                       std::optional<std::string> title) {
             return Instrument{std::move(id),
                               type,
                               family,
                               std::move(number),
                               std::move(symbol),
                               std::move(issuer_ids),
                               date,
                               std::move(term),
                               period,
                               std::move(title)};
           }),
           py::kw_only(), py::arg("id") = "",
           py::arg("type") = danvan::DocumentType::official_letter,
           py::arg("family") = danvan::DocumentFamily::state, py::arg("number") = py::none(),
           py::arg("symbol") = py::none(), py::arg("issuer_ids") = std::vector<std::string>{},
           py::arg("date") = py::none(), py::arg("term") = py::none(),
           py::arg("period") = py::none(), py::arg("title") = py::none(),
           "An instrument from keyword arguments; checked when added to a catalogue.")
      .def_property("id", get_copy(&Instrument::id), set_value(&Instrument::id),
                    "Stable id, [a-z0-9-]+.")
      .def_property("type", get_copy(&Instrument::type), set_value(&Instrument::type),
                    "The DocumentType.")
      .def_property("family", get_copy(&Instrument::family), set_value(&Instrument::family),
                    "The DocumentFamily.")
      .def_property("number", get_copy(&Instrument::number), set_value(&Instrument::number),
                    "The number (\"79\", \"05\"), or None.")
      .def_property("symbol", get_copy(&Instrument::symbol), set_value(&Instrument::symbol),
                    "The Symbol (a copy), or None.")
      .def_property(
          "issuer_ids", [](const Instrument& i) { return to_tuple(i.issuer_ids); },
          [](Instrument& i, std::vector<std::string> v) { i.issuer_ids = std::move(v); },
          "Ids of its issuers, one or more (a tuple: a copy).")
      .def_property("date", get_copy(&Instrument::date), set_value(&Instrument::date),
                    "Issue date as a PartialDate, or None.")
      .def_property("term", get_copy(&Instrument::term), set_value(&Instrument::term),
                    "Party term (khóa) in Roman numerals, or None.")
      .def_property("period", get_copy(&Instrument::period), set_value(&Instrument::period),
                    "The YearRange it covers (a copy), or None.")
      .def_property("title", get_copy(&Instrument::title), set_value(&Instrument::title),
                    "The summary (trích yếu), or None.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "Instrument",
                               {"id", "type", "family", "number", "symbol", "issuer_ids", "date",
                                "term", "period", "title"});
          },
          "Instrument(id=..., type=..., ...), fields at their defaults left out.");
  add_field_pickling(instrument, {"id", "type", "family", "number", "symbol", "issuer_ids", "date",
                                  "term", "period", "title"});
  add_json_methods(instrument);
  register_catalogue(m);
}

}  // namespace danvan_py
