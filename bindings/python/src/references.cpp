// danvan._core: document references in text and drafting a plan from text
// (references.hpp, import_text.hpp).
//
// Offsets: the finder works on the NFC form of the text, so Reference.start/end
// count code points of the NFC text, which is what Python's str indexes: for an
// NFC str, `text[r.start:r.end] == r.surface`. For any other str, slice
// danvan.normalize_nfc(text).
#include <danvan/json/references.hpp>
#include "common.hpp"
#include "locks.hpp"

#include <danvan/import_text.hpp>
#include <danvan/references.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

DANVAN_PY_ENUM_CASTER(danvan::ResolutionStatus, "danvan.ResolutionStatus")

namespace danvan_py {

using danvan::ImportOptions;
using danvan::ImportResult;
using danvan::InstrumentCatalogue;
using danvan::Json;
using danvan::Reference;
using danvan::ResolutionStatus;
using danvan::TextSpan;
using danvan::YearRange;

namespace {

/// References handed back from Python may have been built or changed by hand:
/// refuse those the C++ functions would misread (annotate_markdown reads
/// resolved_id of every resolved one and copies the bytes between the offsets).
void check_reference(const Reference& r, std::size_t index, std::size_t text_bytes) {
  const std::string where = "references[" + std::to_string(index) + "]";
  if (r.span.byte_start > r.span.byte_end || r.span.start > r.span.end) {
    throw danvan::ValueError(where + ": span ends before it starts");
  }
  if (text_bytes != std::string::npos && r.span.byte_end > text_bytes) {
    throw danvan::ValueError(where + ": byte_end " + std::to_string(r.span.byte_end) +
                             " is past the end of the text (" + std::to_string(text_bytes) +
                             " bytes in NFC)");
  }
  if (r.status == ResolutionStatus::resolved && !r.resolved_id) {
    throw danvan::ValueError(where + ": status is resolved but resolved_id is None");
  }
}

std::string references_repr(py::handle self) {
  return kwargs_repr(self, "Reference",
                     {"span", "surface", "type", "type_code", "number", "symbol", "repaired",
                      "is_self", "name", "issuer", "issuer_ids", "date", "year", "term", "period",
                      "status", "resolved_id", "candidate_ids"});
}

}  // namespace

namespace {

// Finding, resolving and annotating references in text.
void register_reference_functions(py::module_& m) {
  m.def(
      "find_references",
      [](std::string_view text, const InstrumentCatalogue* catalogue) {
        std::vector<Reference> found;
        if (catalogue == nullptr) {
          // Pure C++ on a copy of the bytes: other Python threads may run
          // meanwhile.
          const std::string copy(text);
          py::gil_scoped_release release;
          found = danvan::find_references(copy);
        } else {
          const std::string nfc = danvan::normalize_nfc(text);
          found = danvan::find_references(nfc);
          danvan::resolve_references(found, *catalogue, danvan::ResolveContext{nfc});
        }
        return found;
      },
      py::arg("text"), py::arg("catalogue") = py::none(),
      "Every document reference in the text (str or UTF-8 bytes, any "
      "normalisation form), in "
      "text order. Offsets refer to the text's NFC form: `text[r.start:r.end] "
      "== r.surface` "
      "for an NFC str; otherwise slice danvan.normalize_nfc(text). With a "
      "catalogue, the "
      "references are resolved against it as resolve_references does, with the "
      "text as "
      "context. Raises danvan.ParseError for malformed UTF-8 bytes.");
  m.def(
      "resolve_references",
      [](std::vector<Reference> references, const InstrumentCatalogue& catalogue,
         std::string_view text) {
        const std::string nfc = danvan::normalize_nfc(text);
        for (std::size_t i = 0; i < references.size(); ++i) {
          check_reference(references[i], i, std::string::npos);
        }
        danvan::resolve_references(references, catalogue, danvan::ResolveContext{nfc});
        return references;
      },
      py::arg("references"), py::arg("catalogue"), py::arg("text") = "",
      "Resolved copies of the references (the arguments are left alone): "
      "issuer_ids, status, "
      "resolved_id and candidate_ids filled against the catalogue. `text`, the "
      "whole text the "
      "references came from, narrows issuer names such as \"UBND tỉnh\" to the "
      "catalogue "
      "issuers whose other name words (\"Phú Yên\") occur in it.");
  m.def(
      "resolve_issuer",
      [](std::string_view written, const InstrumentCatalogue& catalogue, std::string_view text) {
        const std::string nfc = danvan::normalize_nfc(text);
        return danvan::resolve_issuer(written, catalogue, danvan::ResolveContext{nfc});
      },
      py::arg("written"), py::arg("catalogue"), py::arg("text") = "",
      "The ids of the catalogue issuers a written issuer name denotes (\"UBND "
      "tỉnh\" reads as "
      "\"Ủy ban nhân dân tỉnh\"), narrowed by the context text as "
      "resolve_references does.");
  m.def(
      "annotate_markdown",
      [](std::string_view text, const std::vector<Reference>& references) {
        const std::string nfc = danvan::normalize_nfc(text);
        for (std::size_t i = 0; i < references.size(); ++i) {
          check_reference(references[i], i, nfc.size());
        }
        return utf8_text(danvan::annotate_markdown(nfc, references));
      },
      py::arg("text"), py::arg("references"),
      "The text (as NFC) in Markdown with each reference in bold followed by "
      "its resolution "
      "in brackets: \"**Chỉ thị số 26 của Thủ tướng Chính phủ** "
      "[ct-26-ttg-2016]\", or "
      "\"[ambiguous: a, b]\", or the type and number when unresolved. The "
      "references must "
      "come from find_references on the same text; raises danvan.ValueError "
      "for a span "
      "outside the text or a resolved reference without resolved_id.");
}

// ImportResult and import_text: drafting a plan from its text.
void register_import_text(py::module_& m) {
  py::class_<ImportResult> result(
      m, "ImportResult",
      "A plan drafted from text and what the drafter could not determine, one "
      "note per gap "
      "(\"symbol: the text does not state the plan's number\").");
  result
      .def(py::init([](danvan::Plan plan, std::vector<std::string> undetermined) {
             return ImportResult{std::move(plan), std::move(undetermined)};
           }),
           py::kw_only(), py::arg("plan") = danvan::Plan{},
           py::arg("undetermined") = std::vector<std::string>{},
           "A result from keyword arguments (import_plan_text makes them).")
      .def_property("plan", get_copy(&ImportResult::plan), set_value(&ImportResult::plan),
                    "The drafted Plan (a copy).")
      .def_property(
          "undetermined", [](const ImportResult& r) { return to_tuple(r.undetermined); },
          [](ImportResult& r, std::vector<std::string> v) { r.undetermined = std::move(v); },
          "What could not be determined, one note per gap (a tuple).")
      .def(
          "__eq__",
          [](const ImportResult& a, const ImportResult& b) {
            return a.plan == b.plan && a.undetermined == b.undetermined;
          },
          py::is_operator(), py::arg("other"), "Equal plans and notes.")
      .def(
          "__ne__",
          [](const ImportResult& a, const ImportResult& b) {
            return !(a.plan == b.plan && a.undetermined == b.undetermined);
          },
          py::is_operator(), py::arg("other"), "Not __eq__.")
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "ImportResult", {"plan", "undetermined"});
          },
          "ImportResult(plan=Plan(...), undetermined=(...)).");
  add_field_pickling(result, {"plan", "undetermined"});

  m.def(
      "import_plan_text",
      [](std::string_view text, const InstrumentCatalogue* catalogue, std::string id) {
        ImportOptions options;
        options.catalogue = catalogue;
        options.id = std::move(id);
        return danvan::import_plan_text(text, options);
      },
      py::arg("text"), py::arg("catalogue") = py::none(), py::arg("id") = "", release_gil_reading(),
      "Drafts a Plan from the text of a plan (Markdown, HTML or plain text; any Unicode "
      "form): an official document's header (issuer, number, place, date, type word), "
      "title, period, bases (Căn cứ / Thực hiện / Theo đề nghị; never its own number), "
      "purposes, requirements, targets, task areas, duties, funding, reporting, signature, "
      "recipients, annexes and outline; or a news page announcing the plan. References are "
      "resolved against the catalogue when given (unresolved ones become drafted "
      "instruments, ambiguous ones are left out and noted). `id` \"\" derives the plan id "
      "from the title. Returns an ImportResult; what was not found is listed in "
      "result.undetermined, never guessed. Raises danvan.ParseError for malformed UTF-8, "
      "binary data (control bytes) and empty text.");
}

}  // namespace

void register_references(py::module_& m) {
  make_enum<ResolutionStatus>(
      m, "ResolutionStatus",
      "How a reference relates to a catalogue: unresolved (no catalogue, or no "
      "instrument "
      "matches), resolved (exactly one matches) or ambiguous (several match "
      "and the text does "
      "not tell them apart).",
      {std::string(danvan::to_string(ResolutionStatus::unresolved)),
       std::string(danvan::to_string(ResolutionStatus::resolved)),
       std::string(danvan::to_string(ResolutionStatus::ambiguous))});

  // ---- TextSpan
  py::class_<TextSpan> span(m, "TextSpan",
                            "Where a reference is in the NFC form of the text: "
                            "start/end count code points (what "
                            "Python's str indexes), byte_start/byte_end count "
                            "UTF-8 bytes; both half-open.");
  span.def(py::init([](std::size_t start, std::size_t end, std::size_t byte_start,
                       std::size_t byte_end) {
             return TextSpan{start, end, byte_start, byte_end};
           }),
           py::kw_only(), py::arg("start") = 0, py::arg("end") = 0, py::arg("byte_start") = 0,
           py::arg("byte_end") = 0, "A span from keyword arguments.")
      .def_property("start", get_copy(&TextSpan::start), set_value(&TextSpan::start),
                    "First code point (in the NFC text).")
      .def_property("end", get_copy(&TextSpan::end), set_value(&TextSpan::end),
                    "One past the last code point.")
      .def_property("byte_start", get_copy(&TextSpan::byte_start), set_value(&TextSpan::byte_start),
                    "First byte of the NFC text's UTF-8.")
      .def_property("byte_end", get_copy(&TextSpan::byte_end), set_value(&TextSpan::byte_end),
                    "One past the last byte.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(self, "TextSpan", {"start", "end", "byte_start", "byte_end"});
          },
          "TextSpan(start=..., end=..., byte_start=..., byte_end=...).");
  add_field_pickling(span, {"start", "end", "byte_start", "byte_end"});

  // ---- Reference
  py::class_<Reference> ref(m, "Reference",
                            "One citation of a document found in a text (viện "
                            "dẫn), e.g. \"Chỉ thị số 26 của Thủ "
                            "tướng Chính phủ\". Offsets refer to the NFC text: "
                            "`text[r.start:r.end] == r.surface` for "
                            "an NFC str. Attributes read as copies (lists as "
                            "tuples); None when the text does not "
                            "state them.");
  ref.def(py::init([](TextSpan span_, std::string surface, danvan::DocumentType type,
                      std::string type_code, std::optional<std::string> number,
                      std::optional<danvan::Symbol> symbol, bool repaired, bool is_self,
                      std::optional<std::string> name, std::optional<std::string> issuer,
                      std::vector<std::string> issuer_ids, std::optional<danvan::PartialDate> date,
                      std::optional<int> year, std::optional<std::string> term,
                      std::optional<danvan::YearRange> period, ResolutionStatus status,
                      std::optional<std::string> resolved_id,
                      std::vector<std::string> candidate_ids) {
            Reference r;
            r.span = span_;
            r.surface = std::move(surface);
            r.type = type;
            r.type_code = std::move(type_code);
            r.number = std::move(number);
            r.symbol = std::move(symbol);
            r.repaired = repaired;
            r.is_self = is_self;
            r.name = std::move(name);
            r.issuer = std::move(issuer);
            r.issuer_ids = std::move(issuer_ids);
            r.date = date;
            r.year = year;
            r.term = std::move(term);
            r.period = period;
            r.status = status;
            r.resolved_id = std::move(resolved_id);
            r.candidate_ids = std::move(candidate_ids);
            return r;
          }),
          py::kw_only(), py::arg("span") = TextSpan{}, py::arg("surface") = "",
          py::arg("type") = danvan::DocumentType::official_letter, py::arg("type_code") = "",
          py::arg("number") = py::none(), py::arg("symbol") = py::none(),
          py::arg("repaired") = false, py::arg("is_self") = false, py::arg("name") = py::none(),
          py::arg("issuer") = py::none(), py::arg("issuer_ids") = std::vector<std::string>{},
          py::arg("date") = py::none(), py::arg("year") = py::none(), py::arg("term") = py::none(),
          py::arg("period") = py::none(), py::arg("status") = ResolutionStatus::unresolved,
          py::arg("resolved_id") = py::none(),
          py::arg("candidate_ids") = std::vector<std::string>{},
          "A reference from keyword arguments (find_references makes them from "
          "text).")
      .def_property("span", get_copy(&Reference::span), set_value(&Reference::span),
                    "The TextSpan (a copy).")
      .def_property_readonly(
          "start", [](const Reference& r) { return r.span.start; },
          "span.start: the first code point in the NFC text (slice a Python "
          "str with it).")
      .def_property_readonly(
          "end", [](const Reference& r) { return r.span.end; },
          "span.end: one past the last code point in the NFC text.")
      .def_property_readonly(
          "byte_start", [](const Reference& r) { return r.span.byte_start; },
          "span.byte_start: the first byte of the NFC text's UTF-8.")
      .def_property_readonly(
          "byte_end", [](const Reference& r) { return r.span.byte_end; },
          "span.byte_end: one past the last byte.")
      .def_property("surface", get_copy(&Reference::surface), set_value(&Reference::surface),
                    "The NFC text of the span.")
      .def_property("type", get_copy(&Reference::type), set_value(&Reference::type),
                    "The DocumentType (\"Chỉ thị\" is DocumentType.directive; the JSON and "
                    "to_dict() spelling is its value, \"directive\").")
      .def_property_readonly(
          "type_label", [](const Reference& r) { return std::string(danvan::info(r.type).name); },
          "The type's Vietnamese name, \"Chỉ thị\" (the JSON's \"type_label\"; not a "
          "constructor parameter: it follows `type`).")
      .def_property("type_code", get_copy(&Reference::type_code), set_value(&Reference::type_code),
                    "The type's code: the symbol's when one is given, else the "
                    "state code or "
                    "the Party code; \"\" when the type has none (laws).")
      .def_property("number", get_copy(&Reference::number), set_value(&Reference::number),
                    "The number as written (\"05\"), or None (a law cited by name).")
      .def_property("symbol", get_copy(&Reference::symbol), set_value(&Reference::symbol),
                    "The Symbol when the text gives one (its surface kept), else None.")
      .def_property("repaired", get_copy(&Reference::repaired), set_value(&Reference::repaired),
                    "True when the symbol was written mis-typed and repaired: symbol.canonical() "
                    "is the repaired form, symbol.surface the text as written (\"40/2020/NĐCP\").")
      .def_property("is_self", get_copy(&Reference::is_self), set_value(&Reference::is_self),
                    "True for the document's own number in its header (\"Số: 19/KH-UBND\"), "
                    "not a citation.")
      .def_property("name", get_copy(&Reference::name), set_value(&Reference::name),
                    "A law's name (\"Luật Khiếu nại\"), else None.")
      .def_property("issuer", get_copy(&Reference::issuer), set_value(&Reference::issuer),
                    "The issuer as written (\"Ban Thường vụ Tỉnh ủy\"), or None.")
      .def_property(
          "issuer_ids", [](const Reference& r) { return to_tuple(r.issuer_ids); },
          [](Reference& r, std::vector<std::string> v) { r.issuer_ids = std::move(v); },
          "The catalogue issuers the written issuer (or the symbol's issuer "
          "codes) resolved "
          "to, in the order written (a tuple); empty without a catalogue or "
          "when unknown.")
      .def_property("date", get_copy(&Reference::date), set_value(&Reference::date),
                    "The PartialDate written (\"ngày 05/9/2016\"), or None.")
      .def_property("year", get_copy(&Reference::year), set_value(&Reference::year),
                    "The date's year, \"năm 2011\", or a legal symbol's year; "
                    "None when unstated.")
      .def_property("term", get_copy(&Reference::term), set_value(&Reference::term),
                    "The Party term in Roman numerals (\"XI\" from \"(khóa "
                    "XI)\"), or None.")
      .def_property("period", get_copy(&Reference::period), set_value(&Reference::period),
                    "The YearRange of \"giai đoạn 2016 - 2021\" in the same "
                    "clause, or None.")
      .def_property("status", get_copy(&Reference::status), set_value(&Reference::status),
                    "The ResolutionStatus against the catalogue last resolved against.")
      .def_property("resolved_id", get_copy(&Reference::resolved_id),
                    set_value(&Reference::resolved_id),
                    "The instrument id when status is resolved, else None.")
      .def_property(
          "candidate_ids", [](const Reference& r) { return to_tuple(r.candidate_ids); },
          [](Reference& r, std::vector<std::string> v) { r.candidate_ids = std::move(v); },
          "The matching instrument ids when status is ambiguous (a tuple).")
      .def(
          "to_dict", [](const Reference& r) { return json_to_py(Json(r)); },
          "The reference as `danvan refs --json` prints it: the keys surface, "
          "start, end, "
          "byte_start, byte_end, type (the DocumentType's value, \"directive\"), type_label "
          "(its Vietnamese name, \"Chỉ thị\"), type_code, number, "
          "symbol (canonical), symbol_surface (as written), repaired, is_self, "
          "name (a law's title), issuer, date (ISO), year, term, period "
          "(\"2016-2021\"), "
          "resolved_id; None for what is unknown.")
      .def(
          "to_json", [](const Reference& r) { return danvan::to_canonical_text(Json(r)); },
          "to_dict() as canonical JSON text.")
      .def_static(
          "from_dict", [](const py::object& data) { return py_to_json(data).get<Reference>(); },
          py::arg("data"),
          "The reference a to_dict() describes: Reference.from_dict(r.to_dict()) == r for a "
          "reference without issuer_ids or candidate_ids (a resolved_id makes the status "
          "resolved). Keys surface, start, end, byte_start, byte_end, type (the value, "
          "\"directive\", or the Vietnamese name earlier output wrote there) and type_code are "
          "required, the others may be absent or None (type_label, when given, must be the "
          "type's Vietnamese name); unknown keys "
          "and bad values raise danvan.JsonError listing every problem with its JSON pointer.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", &references_repr,
           "Reference(span=..., surface=..., ...), fields at their defaults "
           "left out.");
  add_field_pickling(ref, {"span", "surface", "type", "type_code", "number", "symbol", "repaired",
                           "is_self", "name", "issuer", "issuer_ids", "date", "year", "term",
                           "period", "status", "resolved_id", "candidate_ids"});
  register_reference_functions(m);
  register_import_text(m);
}

}  // namespace danvan_py
