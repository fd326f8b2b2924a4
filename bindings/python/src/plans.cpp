// Plans and their parts, the JSON documents, files and rendering.
//
// Citation, Milestone, TaskArea and SourceInfo have no JSON functions of their own in
// danvan/json.hpp (they are written inside a plan), so their to_dict/from_dict are written
// here with danvan's internal strict reader (src/json_reader.hpp): the same messages as for a
// plan, but without the cross-references that only a whole plan can check (instruments and
// units that must exist, task areas numbered in order). Plan.validate() checks those.
//
// Statistics (once the exemplar registry lands) come back as a list of dicts, one per row, so
// `pandas.DataFrame(rows)` is one line; the JSON converter in support.cpp is the model.
#include "common.hpp"

#include "json_reader.hpp"

#include <pybind11/operators.h>

namespace danvan_py {

using danvan::Citation;
using danvan::Json;
using danvan::Milestone;
using danvan::PartialDate;
using danvan::Plan;
using danvan::SourceInfo;
using danvan::TaskArea;
using danvan::detail::ObjectReader;
using danvan::detail::Problems;

namespace {

Json optional_partial(const std::optional<PartialDate>& d) {
  return d ? danvan::to_json(*d) : Json(nullptr);
}

Json optional_text(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json citation_json(const Citation& c) {
  Json j = Json::object();
  j["instrument"] = c.instrument_id;
  j["cited_as"] = c.cited_as;
  return j;
}

Json milestone_json(const Milestone& m) {
  Json j = Json::object();
  j["id"] = m.id;
  j["name"] = m.name;
  j["date"] = optional_partial(m.date);
  return j;
}

Json task_area_json(const TaskArea& t) {
  Json j = Json::object();
  j["number"] = t.number;
  j["text"] = t.text;
  Json citations = Json::array();
  for (const auto& c : t.citations) citations.push_back(citation_json(c));
  j["citations"] = citations;
  j["lead_units"] = t.lead_unit_ids;
  j["participating_units"] = t.participating_unit_ids;
  return j;
}

Json source_json(const SourceInfo& s) {
  Json j = Json::object();
  j["title"] = s.title;
  j["published"] = optional_partial(s.published);
  j["author"] = optional_text(s.author);
  j["url"] = optional_text(s.url);
  j["note"] = optional_text(s.note);
  return j;
}

std::optional<Citation> read_citation(const Json& j, const std::string& pointer,
                                      Problems& problems) {
  ObjectReader r(j, pointer, problems);
  if (!r.ok()) return std::nullopt;
  auto id = r.id("instrument");
  auto cited_as = r.text("cited_as");
  r.finish();
  if (!id || !cited_as) return std::nullopt;
  return Citation{*id, *cited_as};
}

/// Reads a whole value with `read`, throwing every problem found.
template <class T, class Read>
T read_value(const Json& j, Read read) {
  Problems problems;
  std::optional<T> value = read(j, std::string(), problems);
  problems.throw_if_any();
  return std::move(*value);
}

Citation citation_from_json(const Json& j) { return read_value<Citation>(j, read_citation); }

Milestone milestone_from_json(const Json& j) {
  return read_value<Milestone>(
      j, [](const Json& v, const std::string& p, Problems& problems) -> std::optional<Milestone> {
        ObjectReader r(v, p, problems);
        if (!r.ok()) return std::nullopt;
        Milestone m;
        auto id = r.id("id");
        auto name = r.text("name");
        m.date = r.partial_date("date", false);
        r.finish();
        if (!id || !name) return std::nullopt;
        m.id = *id;
        m.name = *name;
        return m;
      });
}

TaskArea task_area_from_json(const Json& j) {
  return read_value<TaskArea>(
      j, [](const Json& v, const std::string& p, Problems& problems) -> std::optional<TaskArea> {
        ObjectReader r(v, p, problems);
        if (!r.ok()) return std::nullopt;
        TaskArea t;
        t.number = static_cast<int>(r.integer("number", 1, 1000).value_or(0));
        t.text = r.text("text").value_or("");
        r.array("citations", false, [&](const Json& e, const std::string& ep) {
          if (auto c = read_citation(e, ep, problems)) t.citations.push_back(std::move(*c));
        });
        t.lead_unit_ids = r.ids("lead_units");
        t.participating_unit_ids = r.ids("participating_units");
        r.finish();
        return t;
      });
}

SourceInfo source_from_json(const Json& j) {
  return read_value<SourceInfo>(
      j, [](const Json& v, const std::string& p, Problems& problems) -> std::optional<SourceInfo> {
        ObjectReader r(v, p, problems);
        if (!r.ok()) return std::nullopt;
        SourceInfo s;
        s.title = r.text("title").value_or("");
        s.published = r.partial_date("published", false);
        s.author = r.text("author", false);
        s.url = r.text("url", false);
        s.note = r.text("note", false);
        r.finish();
        return s;
      });
}

template <class T>
void vector_property(py::class_<T>& cls, const char* name, std::vector<std::string> T::*member,
                     const char* doc) {
  cls.def_property(
      name, [member](const T& self) { return to_tuple(self.*member); },
      [member](T& self, std::vector<std::string> v) { self.*member = std::move(v); }, doc);
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
  add_json_methods(citation, citation_json, citation_from_json);

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
  add_json_methods(milestone, milestone_json, milestone_from_json);

  py::class_<TaskArea> task_area(
      m, "TaskArea",
      "A numbered focus task area (nội dung trọng tâm). Sequence attributes read as tuples "
      "(copies); assign a sequence to change one.");
  task_area
      .def(py::init([](int number, std::string text, std::vector<Citation> citations,
                       std::vector<std::string> lead_unit_ids,
                       std::vector<std::string> participating_unit_ids) {
             return TaskArea{number, std::move(text), std::move(citations),
                             std::move(lead_unit_ids), std::move(participating_unit_ids)};
           }),
           py::kw_only(), py::arg("number") = 0, py::arg("text") = "",
           py::arg("citations") = std::vector<Citation>{},
           py::arg("lead_unit_ids") = std::vector<std::string>{},
           py::arg("participating_unit_ids") = std::vector<std::string>{},
           "TaskArea(number=1, text=..., citations=[...], ...).")
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
  task_area.def(py::self == py::self)
      .def(py::self != py::self)
      .def(
          "__repr__",
          [](py::handle self) {
            return kwargs_repr(
                self, "TaskArea",
                {"number", "text", "citations", "lead_unit_ids", "participating_unit_ids"});
          },
          "TaskArea(number=..., text=..., ...).");
  add_field_pickling(task_area,
                     {"number", "text", "citations", "lead_unit_ids", "participating_unit_ids"});
  add_json_methods(task_area, task_area_json, task_area_from_json);

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
  add_json_methods(source_info, source_json, source_from_json);

  py::class_<Plan> plan(
      m, "Plan",
      "A plan (kế hoạch) with what it refers to: the issuers and instruments it cites "
      "(`catalogue`) and the units that carry it out (`units`).\n\n"
      "Every attribute reads as a copy: sequences as tuples, objects (catalogue, units, "
      "source, symbol, ...) as new objects. To change a part, change the copy and assign it "
      "back: `c = plan.catalogue; c.add_issuer(i); plan.catalogue = c`.");
  plan.def(py::init([](std::string id, std::string title, std::string issuer_id,
                       std::optional<danvan::Symbol> symbol, std::optional<PartialDate> issue_date,
                       int campaign_year, std::vector<danvan::UnitKind> scope,
                       std::vector<std::string> purposes, std::vector<std::string> requirements,
                       std::vector<Milestone> milestones, std::vector<Citation> legal_bases,
                       std::vector<TaskArea> task_areas, std::optional<SourceInfo> source,
                       danvan::InstrumentCatalogue catalogue, danvan::UnitHierarchy units) {
             Plan p;
             p.id = std::move(id);
             p.title = std::move(title);
             p.issuer_id = std::move(issuer_id);
             p.symbol = std::move(symbol);
             p.issue_date = issue_date;
             p.campaign_year = campaign_year;
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
           py::arg("campaign_year") = 0, py::arg("scope") = std::vector<danvan::UnitKind>{},
           py::arg("purposes") = std::vector<std::string>{},
           py::arg("requirements") = std::vector<std::string>{},
           py::arg("milestones") = std::vector<Milestone>{},
           py::arg("legal_bases") = std::vector<Citation>{},
           py::arg("task_areas") = std::vector<TaskArea>{}, py::arg("source") = py::none(),
           py::arg("catalogue") = danvan::InstrumentCatalogue{},
           py::arg("units") = danvan::UnitHierarchy{},
           "A plan from keyword arguments; check it with validate().")
      .def_property("id", get_copy(&Plan::id), set_value(&Plan::id), "Stable id.")
      .def_property("title", get_copy(&Plan::title), set_value(&Plan::title), "The title.")
      .def_property("issuer_id", get_copy(&Plan::issuer_id), set_value(&Plan::issuer_id),
                    "Id of the issuer (in `catalogue`).")
      .def_property("symbol", get_copy(&Plan::symbol), set_value(&Plan::symbol),
                    "The plan's Symbol (a copy), or None.")
      .def_property("issue_date", get_copy(&Plan::issue_date), set_value(&Plan::issue_date),
                    "Issue date as a PartialDate, or None.")
      .def_property("campaign_year", get_copy(&Plan::campaign_year),
                    set_value(&Plan::campaign_year), "The campaign year.")
      .def_property(
          "scope", [](const Plan& p) { return to_tuple(p.scope); },
          [](Plan& p, std::vector<danvan::UnitKind> v) { p.scope = std::move(v); },
          "The UnitKinds the plan covers (a tuple: a copy).");
  vector_property(plan, "purposes", &Plan::purposes, "Purposes, mục đích (a tuple: a copy).");
  vector_property(plan, "requirements", &Plan::requirements,
                  "Requirements, yêu cầu (a tuple: a copy).");
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
      .def("validate", &Plan::validate,
           "Raises danvan.ValueError for the first problem: empty id or title, an unknown "
           "issuer, citations or unit ids that do not resolve, task areas not numbered 1..n, a "
           "campaign year out of 1900..2200, duplicate milestone ids.")
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
                               {"id", "title", "issuer_id", "symbol", "issue_date", "campaign_year",
                                "scope", "purposes", "requirements", "milestones", "legal_bases",
                                "task_areas", "source", "catalogue", "units"});
          },
          "Plan(id=..., title=..., ...), fields at their defaults left out.");
  add_field_pickling(plan, {"id", "title", "issuer_id", "symbol", "issue_date", "campaign_year",
                            "scope", "purposes", "requirements", "milestones", "legal_bases",
                            "task_areas", "source", "catalogue", "units"});
  add_json_methods(
      plan, [](const Plan& p) { return danvan::to_json(p); }, danvan::plan_from_json);

  // Files and documents.
  m.def("load_plan", &danvan::load_plan, py::arg("path"),
        "Reads a plan document (str or os.PathLike). Raises danvan.IoError or "
        "danvan.JsonError.");
  m.def("save_plan", &danvan::save_plan, py::arg("plan"), py::arg("path"),
        "Validates the plan and writes it as canonical JSON, atomically. Raises "
        "danvan.ValueError or danvan.IoError.");
  m.def("load_catalogue", &danvan::load_catalogue, py::arg("path"),
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

}  // namespace danvan_py
