#include "danvan/json/registry.hpp"

#include "danvan/instrument.hpp"
#include "danvan/io.hpp"
#include "danvan/json/plan.hpp"
#include "danvan/text.hpp"
#include "json/journal_lines.hpp"
#include "json/object_reader.hpp"
#include "json/registry_fast.hpp"
#include "json/stream_scanner.hpp"
#include "json/unit_codes.hpp"
#include "registry/registry_load.hpp"
#include "text/utf8.hpp"

#include <fcntl.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cerrno>
#include <cstring>
#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace danvan {

using detail::child_pointer;
using detail::ObjectReader;
using detail::Problems;

// ---------------------------------------------------------------------------------------------
// Writing

namespace {

Json optional_string(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json strings(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

Json counts_json(const StatsCounts& c) {
  Json j = Json::object();
  j["registered"] = c.registered;
  j["recognised"] = c.recognised;
  j["effective"] = c.effective;
  j["commended"] = c.commended;
  j["replicated"] = c.replicated;
  j["proposed"] = c.proposed;
  j["promoted"] = c.promoted;
  return j;
}

StatsCounts difference(const StatsCounts& a, const StatsCounts& b) {
  return {a.registered - b.registered, a.recognised - b.recognised, a.effective - b.effective,
          a.commended - b.commended,   a.replicated - b.replicated, a.proposed - b.proposed,
          a.promoted - b.promoted};
}

}  // namespace

Json to_json(const Event& e) {
  Json j = Json::object();
  j["type"] = std::string(to_string(e.type));
  j["date"] = e.date ? Json(e.date->iso()) : Json(nullptr);
  const auto level = [&] {
    j["level"] = e.level ? Json(std::string(to_string(*e.level))) : Json(nullptr);
  };
  switch (e.type) {
    case EventType::registered:
      level();
      break;
    case EventType::recognised:
      level();
      j["by"] = optional_string(e.by);
      j["decision"] = optional_string(e.decision);
      j["grade"] = optional_string(e.grade);
      j["status"] = std::string(to_string(e.status));
      break;
    case EventType::commended:
    case EventType::awarded:
      level();
      j["by"] = optional_string(e.by);
      j["decision"] = optional_string(e.decision);
      j["form"] = optional_string(e.form);
      j["status"] = std::string(to_string(e.status));
      break;
    case EventType::revoked:
      j["decision"] = optional_string(e.decision);
      break;
    case EventType::replicated:
      j["units"] = strings(e.unit_ids);
      break;
    case EventType::reevaluated:
      j["year"] = e.year ? Json(*e.year) : Json(nullptr);
      j["effective"] = e.effective ? Json(*e.effective) : Json(nullptr);
      break;
    case EventType::promoted:
      j["kind"] = e.kind ? Json(std::string(to_string(*e.kind))) : Json(nullptr);
      j["decision"] = optional_string(e.decision);
      break;
  }
  return j;
}

Json to_json(const Entry& e) {
  Json j = Json::object();
  j["id"] = e.id;
  j["kind"] = std::string(to_string(e.kind));
  j["subject"] = std::string(to_string(e.subject));
  j["name"] = e.name;
  j["unit"] = e.unit_id;
  j["places"] = strings(e.place_unit_ids);
  j["fields"] = strings(e.field_ids);
  j["description"] = e.description;
  j["person"] = optional_string(e.person_name);
  Json events = Json::array();
  for (const auto& ev : e.events) events.push_back(to_json(ev));
  j["events"] = std::move(events);
  return j;
}

namespace {
template <class T>
Json term_json(const T& term) {
  Json j = Json::object();
  j["id"] = term.id;
  j["name"] = term.name;
  return j;
}
template <class T>
Json terms_json(const std::vector<T>& terms) {
  Json a = Json::array();
  for (const auto& t : terms) a.push_back(term_json(t));
  return a;
}

}  // namespace

Json to_json(const Field& field) { return term_json(field); }
Json to_json(const Grade& grade) { return term_json(grade); }
Json to_json(const CommendationForm& form) { return term_json(form); }

Json to_json(const ReportedFigure& f) {
  Json j = Json::object();
  j["unit"] = f.unit_id;
  j["period"] = to_string(f.period);
  j["category"] = std::string(to_string(f.category));
  j["field"] = optional_string(f.field_id);
  j["level"] = f.level ? Json(std::string(to_string(*f.level))) : Json(nullptr);
  j["subject"] = f.subject ? Json(std::string(to_string(*f.subject))) : Json(nullptr);
  j["kind"] = f.kind ? Json(std::string(to_string(*f.kind))) : Json(nullptr);
  j["value"] = f.value;
  j["qualifier"] = std::string(to_string(f.qualifier));
  j["source"] = f.source;
  j["quote"] = optional_string(f.quote);
  return j;
}

Json to_json(const FigureComparison& c) {
  Json j = Json::object();
  j["figure"] = to_json(c.figure);
  j["from_entries"] = c.from_entries;
  j["agreement"] = std::string(to_string(c.agreement));
  return j;
}

Json to_json(const Registry& registry) {
  Json j = Json::object();
  j["schema"] = "danvan/registry";
  j["version"] = registry_json_version;
  j["note"] = optional_string(registry.note());
  const auto years = registry.recognition_years();
  j["recognition_years"] = years ? Json(*years) : Json(nullptr);
  j["fields"] = terms_json(registry.declared_fields());
  j["grades"] = terms_json(registry.declared_grades());
  j["forms"] = terms_json(registry.declared_forms());
  const UnitHierarchy& all = registry.units();
  const std::size_t embedded = registry.embedded_units();
  if (embedded == all.size()) {
    j["units"] = to_json(all)["units"];
  } else {
    Json units = Json::array();
    for (std::size_t k = 0; k < embedded; ++k) units.push_back(to_json(all.units()[k]));
    j["units"] = std::move(units);
  }
  // A unit taken from a unit register is written as it was read: by its official code, which
  // the reader resolves on the day of the fact. A code that more than one of the registry's
  // units carried during the fact's date (a coarse date across the 2025 reorganisation, when a
  // successor kept the code) would not read back: writing it is refused, as reading it is.
  std::unordered_map<std::string_view, std::vector<const Unit*>> by_code;
  if (embedded != all.size()) {
    for (std::size_t k = embedded; k < all.size(); ++k) {
      if (all.units()[k].code) by_code[*all.units()[k].code].push_back(&all.units()[k]);
    }
  }
  const auto reference = [&](Json& ref, const std::optional<PartialDate>& when,
                             const std::string& entry_id) {
    const std::size_t pos = all.position(ref.get_ref<const std::string&>());
    if (pos == UnitHierarchy::npos || pos < embedded || !all.units()[pos].code) return;
    const std::string& code = *all.units()[pos].code;
    if (when) {
      const detail::CodeDays days = detail::days_of(*when);
      const std::vector<const Unit*> carriers = detail::carrying_during(by_code[code], days);
      if (carriers.size() > 1) {
        throw ValueError("entry \"" + entry_id + "\": unit \"" + all.units()[pos].id +
                         "\" is written by its official code \"" + code + "\", which " +
                         detail::names_several(carriers, days) + ": give the fact's day");
      }
    }
    ref = "code:" + code;
  };
  Json entries = Json::array();
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const Entry entry = registry.entry(i);
    Json e = to_json(entry);
    if (embedded != all.size()) {
      // The days the reader resolves on: the first event's for the unit and places, each
      // event's own for its "by" and replication units.
      const std::optional<PartialDate> first =
          entry.events.empty() ? std::nullopt : entry.events.front().date;
      reference(e["unit"], first, entry.id);
      for (Json& p : e["places"]) reference(p, first, entry.id);
      for (std::size_t k = 0; k < entry.events.size(); ++k) {
        Json& ev = e["events"][k];
        const std::optional<PartialDate>& day = entry.events[k].date;
        if (ev.contains("by") && ev["by"].is_string()) reference(ev["by"], day, entry.id);
        if (ev.contains("units")) {
          for (Json& u : ev["units"]) reference(u, day, entry.id);
        }
      }
    }
    entries.push_back(std::move(e));
  }
  j["entries"] = std::move(entries);
  // Written only when there are some, so registries without figures keep their text.
  if (!registry.figures().empty()) {
    Json figures = Json::array();
    for (const auto& f : registry.figures()) figures.push_back(to_json(f));
    j["figures"] = std::move(figures);
  }
  return j;
}

std::string registry_to_text(const Registry& registry) {
  return to_document_text(to_json(registry));
}

Json to_json(const StatsTable& t) {
  Json j = Json::object();
  j["year"] = t.year;
  if (t.period) {
    j["period"] = to_string(*t.period);
    j["previous_period"] = to_string(*t.previous_period);
  }
  j["as_of"] = to_iso(t.as_of);
  j["unit"] = optional_string(t.unit_id);
  j["units"] = t.unit_ids;
  j["current_units"] = t.current_units;
  Json by = Json::array();
  for (const auto d : t.by) by.push_back(std::string(to_string(d)));
  j["by"] = by;
  Json rows = Json::array();
  for (const auto& r : t.rows) {
    Json rj = Json::object();
    Json keys = Json::object();
    Json labels = Json::object();
    for (std::size_t k = 0; k < t.by.size(); ++k) {
      keys[std::string(to_string(t.by[k]))] = r.keys[k];
      labels[std::string(to_string(t.by[k]))] = r.labels[k];
    }
    rj["keys"] = keys;
    rj["labels"] = labels;
    rj["counts"] = counts_json(r.current);
    rj["previous"] = counts_json(r.previous);
    rj["change"] = counts_json(difference(r.current, r.previous));
    rows.push_back(std::move(rj));
  }
  j["rows"] = std::move(rows);
  Json total = Json::object();
  total["counts"] = counts_json(t.total);
  total["previous"] = counts_json(t.previous_total);
  total["change"] = counts_json(difference(t.total, t.previous_total));
  j["total"] = total;
  Json reported = Json::array();
  for (const auto& c : t.reported) reported.push_back(to_json(c));
  j["reported"] = std::move(reported);
  return j;
}

// ---------------------------------------------------------------------------------------------
// DOM reading

namespace {

template <class T, class Parse>
std::optional<T> enum_member(ObjectReader& r, std::string_view key, bool required, Parse parse) {
  return r.parsed<T>(key, required, [&](const std::string& s) { return parse(s); });
}

/// Reads an event of a document of `version` (1: whole days, a level on every recognition, none
/// of the keys version 2 added; 2: no status on a recognition, which version 3 added).
std::optional<Event> read_event(const Json& j, const std::string& ptr, Problems& problems,
                                int version) {
  ObjectReader r(j, ptr, problems);
  if (!r.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  const bool v1 = version == 1;
  Event e;
  const auto type = enum_member<EventType>(r, "type", true, parse_event_type);
  std::optional<PartialDate> date;
  if (v1) {
    if (const auto d = r.date("date")) date = *d;
  } else {
    date = r.partial_date("date");
  }
  const auto level = [&](bool required) {
    e.level = enum_member<Level>(r, "level", required, parse_level);
  };
  // Version 3: a unit may be named by its official code ("code:22015"; see resolve_codes).
  const auto by = [&] { return version >= 3 ? r.unit_ref("by", false) : r.id("by", false); };
  const auto status = [&] {
    return enum_member<CommendationStatus>(r, "status", false, parse_commendation_status)
        .value_or(CommendationStatus::decided);
  };
  if (type && (!v1 || *type != EventType::promoted)) {
    e.type = *type;
    switch (*type) {
      case EventType::registered:
        if (!v1) level(false);
        break;
      case EventType::recognised:
        level(v1);
        e.by = by();
        e.decision = r.text("decision", false);
        if (!v1) e.grade = r.id("grade", false);
        if (version >= 3) e.status = status();
        break;
      case EventType::commended:
      case EventType::awarded:
        e.decision = r.text("decision", false);
        if (v1) break;
        level(false);
        e.by = by();
        e.form = r.id("form", false);
        e.status = status();
        break;
      case EventType::revoked:
        e.decision = r.text("decision", false);
        break;
      case EventType::replicated:
        e.unit_ids = version >= 3 ? r.unit_refs("units", true) : r.ids("units", true);
        if (problems.size() == before && e.unit_ids.empty()) {
          problems.add(r.pointer_to("units"), "must name at least one unit");
        }
        break;
      case EventType::reevaluated: {
        const auto y = r.integer("year", 1400, 9999);
        if (y) e.year = static_cast<int>(*y);
        e.effective = r.boolean("effective");
        break;
      }
      case EventType::promoted:
        e.kind = enum_member<EntryKind>(r, "kind", true, parse_entry_kind);
        e.decision = r.text("decision", false);
        break;
    }
    r.finish();
  } else if (type) {
    problems.add(r.pointer_to("type"), "\"promoted\" is not in version 1 of danvan/registry");
  }
  if (problems.size() != before || !type || !date) return std::nullopt;
  e.date = *date;
  return e;
}

struct EntryDetails {
  std::optional<std::string> id;
  std::optional<EntryKind> kind;
  std::optional<Subject> subject;
  std::optional<std::string> name;
  std::optional<std::string> unit;
  std::vector<std::string> places;
  std::vector<std::string> fields;
  std::optional<std::string> description;
  std::optional<std::string> person;
};

void read_details(ObjectReader& r, EntryDetails& d, bool with_id, int version) {
  if (with_id) d.id = r.id("id");
  d.kind = enum_member<EntryKind>(r, "kind", true, parse_entry_kind);
  d.subject = enum_member<Subject>(r, "subject", true, parse_subject);
  d.name = r.text("name");
  d.unit = version >= 3 ? r.unit_ref("unit") : r.id("unit");
  if (version >= 3) {
    d.places = r.unit_refs("places", false);
  } else if (version >= 2) {
    d.places = r.ids("places", false);
  }
  d.fields = r.ids("fields", true);
  d.description = r.string("description");
  d.person = r.text("person", false);
}

Entry to_entry(EntryDetails&& d, std::vector<Event>&& events) {
  Entry e;
  e.id = std::move(*d.id);
  e.kind = *d.kind;
  e.subject = *d.subject;
  e.name = std::move(*d.name);
  e.unit_id = std::move(*d.unit);
  e.place_unit_ids = std::move(d.places);
  e.field_ids = std::move(d.fields);
  e.description = std::move(*d.description);
  e.person_name = std::move(d.person);
  e.events = std::move(events);
  return e;
}

std::optional<Entry> read_entry(const Json& j, const std::string& ptr, Problems& problems,
                                int version) {
  ObjectReader r(j, ptr, problems);
  if (!r.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  EntryDetails d;
  read_details(r, d, true, version);
  std::vector<Event> events;
  r.array("events", true, [&](const Json& ej, const std::string& ep) {
    if (auto ev = read_event(ej, ep, problems, version)) events.push_back(std::move(*ev));
  });
  r.finish();
  if (problems.size() != before) return std::nullopt;
  return to_entry(std::move(d), std::move(events));
}

template <class T>
std::optional<T> read_term(const Json& j, const std::string& ptr, Problems& problems) {
  ObjectReader r(j, ptr, problems);
  if (!r.ok()) return std::nullopt;
  auto id = r.id("id");
  auto name = r.text("name");
  r.finish();
  if (!id || !name) return std::nullopt;
  return T{std::move(*id), std::move(*name)};
}
std::optional<Field> read_field(const Json& j, const std::string& ptr, Problems& problems) {
  return read_term<Field>(j, ptr, problems);
}

/// Reads a whole value with `read`, throwing every problem found.
template <class T, class Read>
T read_value(const Json& j, Read read) {
  Problems problems;
  std::optional<T> value = read(j, std::string(), problems);
  problems.throw_if_any();
  return std::move(*value);
}

/// Adds the entry read at `pointer`; each reason Registry::add refuses it for is a problem at
/// its own place under `pointer` ("/entries/3/unit", "/entries/3/events/1").
void add_entry(Registry& registry, const Entry& e, const std::string& pointer, Problems& problems) {
  try {
    registry.add(e);
  } catch (const ValueError& err) {
    problems.add_all(pointer, err, "");
  }
}

std::optional<ReportedFigure> read_figure(const Json& j, const std::string& ptr,
                                          Problems& problems) {
  ObjectReader r(j, ptr, problems);
  if (!r.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  ReportedFigure f;
  const auto unit = r.id("unit");
  std::optional<DateRange> period;
  if (const auto p = r.string("period")) {
    try {
      period = parse_date_range(*p);
    } catch (const ValueError& e) {
      problems.add(r.pointer_to("period"), e.what());
    }
  }
  const auto category = enum_member<FigureCategory>(r, "category", true, parse_figure_category);
  f.field_id = r.id("field", false);
  f.level = enum_member<Level>(r, "level", false, parse_level);
  f.subject = enum_member<Subject>(r, "subject", false, parse_subject);
  f.kind = enum_member<EntryKind>(r, "kind", false, parse_entry_kind);
  const auto value = r.integer("value", 0, 1000000000);
  const auto qualifier = enum_member<FigureQualifier>(r, "qualifier", true, parse_figure_qualifier);
  const auto source = r.text("source");
  f.quote = r.text("quote", false);
  r.finish();
  if (problems.size() != before || !unit || !period || !category || !value || !qualifier ||
      !source) {
    return std::nullopt;
  }
  f.unit_id = *unit;
  f.period = *period;
  f.category = *category;
  f.value = *value;
  f.qualifier = *qualifier;
  f.source = *source;
  return f;
}

/// Reads "figures" (an array, absent = none) into the registry, each problem at its pointer.
void read_figures(const Json* figures, const std::string& pointer, Registry& registry,
                  Problems& problems) {
  if (figures == nullptr) return;
  if (!figures->is_array()) {
    problems.add(pointer, "expected an array, got " + detail::describe_type(*figures));
    return;
  }
  for (std::size_t i = 0; i < figures->size(); ++i) {
    const std::string p = child_pointer(pointer, i);
    if (auto f = read_figure((*figures)[i], p, problems)) {
      try {
        registry.add_figure(std::move(*f));
      } catch (const ValueError& e) {
        problems.add(p, e.what());
      }
    }
  }
}

UnitHierarchy read_embedded_units(ObjectReader& r) {
  const Json* units = r.member("units", true);
  if (units == nullptr) return {};
  Json doc = Json::object();
  doc["schema"] = "danvan/units";
  doc["version"] = json_version;
  doc["units"] = *units;
  try {
    return units_from_json(doc);
  } catch (const JsonDocumentError& e) {
    for (const auto& p : e.problems()) r.problems().add(p.pointer, p.reason);
  }
  return {};
}

}  // namespace

bool detail::read_figures_text(std::string_view raw, Registry& registry) {
  const Json figures = parse_json(raw);
  Problems problems;
  read_figures(&figures, "/figures", registry, problems);
  return problems.empty();
}

Event event_from_json(const Json& value) {
  return read_value<Event>(value, [](const Json& j, const std::string& p, Problems& problems) {
    return read_event(j, p, problems, registry_json_version);
  });
}
Entry entry_from_json(const Json& value) {
  return read_value<Entry>(value, [](const Json& j, const std::string& p, Problems& problems) {
    return read_entry(j, p, problems, registry_json_version);
  });
}
Field field_from_json(const Json& value) { return read_value<Field>(value, read_field); }
ReportedFigure figure_from_json(const Json& value) {
  return read_value<ReportedFigure>(value, read_figure);
}

void to_json(Json& j, const Event& value) { j = to_json(value); }
void from_json(const Json& j, Event& value) { value = event_from_json(j); }
void to_json(Json& j, const Entry& value) { j = to_json(value); }
void from_json(const Json& j, Entry& value) { value = entry_from_json(j); }
void to_json(Json& j, const Field& value) { j = to_json(value); }
void from_json(const Json& j, Field& value) { value = field_from_json(j); }
void to_json(Json& j, const ReportedFigure& value) { j = to_json(value); }
void from_json(const Json& j, ReportedFigure& value) { value = figure_from_json(j); }
void to_json(Json& j, const Registry& value) { j = to_json(value); }
void from_json(const Json& j, Registry& value) { value = registry_from_json(j); }
void to_json(Json& j, const StatsTable& value) { j = to_json(value); }

namespace {

/// Reads "schema" and "version" (1 to 3); the version, or nullopt with problems.
std::optional<int> registry_header(ObjectReader& r) {
  const std::size_t before = r.problems().size();
  const auto s = r.string("schema");
  if (s && *s != "danvan/registry") {
    r.problems().add(r.pointer_to("schema"), "expected \"danvan/registry\", got \"" + *s + "\"");
  }
  const auto v = r.integer("version", 1, 1000000);
  if (v && *v > registry_json_version) {
    r.problems().add(r.pointer_to("version"),
                     "unsupported version " + std::to_string(*v) +
                         " of danvan/registry; this library reads versions 1 to " +
                         std::to_string(registry_json_version));
  }
  if (r.problems().size() != before || !v) return std::nullopt;
  return static_cast<int>(*v);
}

/// Declares the terms read from `key` with `declare`, recording its errors at the term's id.
template <class T, class Declare>
void declare_terms(ObjectReader& r, std::string_view key, bool required, Declare declare) {
  std::vector<std::pair<T, std::string>> terms;
  r.array(key, required, [&](const Json& e, const std::string& p) {
    if (auto t = read_term<T>(e, p, r.problems())) terms.emplace_back(std::move(*t), p);
  });
  for (auto& [t, p] : terms) {
    try {
      declare(std::move(t));
    } catch (const ValueError& e) {
      r.problems().add(p + "/id", e.what());
    }
  }
}

}  // namespace

namespace {

using detail::any_code_value;

/// Whether any entry names a unit by official code (then the registry's units depend on the
/// entries: see resolve_codes).
bool names_units_by_code(const Json& document) {
  const auto entries = document.find("entries");
  if (entries == document.end() || !entries->is_array()) return false;
  for (const Json& e : *entries) {
    if (!e.is_object()) continue;
    if (any_code_value(e, "unit") || any_code_value(e, "places")) return true;
    const auto events = e.find("events");
    if (events == e.end() || !events->is_array()) continue;
    for (const Json& ev : *events) {
      if (ev.is_object() && (any_code_value(ev, "by") || any_code_value(ev, "units"))) return true;
    }
  }
  return false;
}

/// The resolver of a registry's references by official code.
detail::CodeResolver registry_code_resolver(const UnitRegister* reg) {
  return {reg, "the registry", ": give the fact's day"};
}

/// Resolves the references by official code of the entry at `p` on the day of the fact (its
/// first event for its unit and places, the event's own date for "by" and replication units),
/// replacing each by the register unit's id; a reference that cannot be is a problem.
void resolve_entry_codes(detail::CodeResolver& codes, Entry& e, const std::string& p,
                         Problems& problems) {
  const auto resolve = [&](std::string& ref, const std::optional<PartialDate>& when,
                           const std::string& pointer) {
    codes.resolve(ref, when ? std::optional(detail::days_of(*when)) : std::nullopt, pointer,
                  problems);
  };
  const std::optional<PartialDate> registered =
      e.events.empty() ? std::nullopt : e.events.front().date;
  resolve(e.unit_id, registered, p + "/unit");
  for (std::size_t k = 0; k < e.place_unit_ids.size(); ++k) {
    resolve(e.place_unit_ids[k], registered, p + "/places/" + std::to_string(k));
  }
  for (std::size_t i = 0; i < e.events.size(); ++i) {
    Event& ev = e.events[i];
    const std::string at = p + "/events/" + std::to_string(i);
    if (ev.by) resolve(*ev.by, ev.date, at + "/by");
    for (std::size_t k = 0; k < ev.unit_ids.size(); ++k) {
      resolve(ev.unit_ids[k], ev.date, at + "/units/" + std::to_string(k));
    }
  }
}

/// Resolves the references by official code of the entries (each with its pointer) against
/// `reg` on the day of the fact (the entry's first event for its unit and places, the event's
/// own date for "by" and replication units), replacing each by the register unit's id, and
/// adds to `units` the units named, their ancestors and the units linked to them by
/// succession (transitively), in the register's order. False when any problem was recorded.
bool resolve_codes(std::vector<std::pair<Entry, std::string>>& entries, UnitHierarchy& units,
                   const UnitRegister* reg, Problems& problems) {
  const std::size_t before = problems.size();
  detail::CodeResolver codes = registry_code_resolver(reg);
  for (auto& [e, p] : entries) resolve_entry_codes(codes, e, p, problems);
  if (problems.size() != before) return false;
  codes.add_units(units, "/units", "entries name", problems);
  return problems.size() == before;
}

/// Copies what registry_from_json declared into `to` (rebuilt on other units).
void copy_declarations(const Registry& from, Registry& to) {
  to.set_note(from.note());
  to.set_recognition_years(from.recognition_years());
  for (auto f : from.declared_fields()) to.declare_field(std::move(f));
  for (auto g : from.declared_grades()) to.declare_grade(std::move(g));
  for (auto f : from.declared_forms()) to.declare_form(std::move(f));
}

}  // namespace

detail::FastCodes::FastCodes(const UnitRegister* reg)
    : reg_(reg), resolver_(registry_code_resolver(reg)) {}

bool detail::FastCodes::unit_ref(std::string_view s, bool codes) {
  return is_valid_id(s) || (codes && ObjectReader::is_code_ref(s));
}

void detail::FastCodes::add(Registry& registry, const Entry& entry, bool by_code) {
  if (!by_code && held_.empty()) {
    detail::RegistryLoad::add_nfc(registry, entry);
    return;
  }
  Entry& e = held_.emplace_back(entry);
  Problems problems;
  resolve_entry_codes(resolver_, e, "", problems);
  if (!problems.empty()) throw detail::Fallback{};
}

void detail::FastCodes::finish(Registry& registry) {
  if (held_.empty()) return;
  UnitHierarchy units = registry.units();
  const std::size_t embedded = units.size();
  Problems problems;
  resolver_.add_units(units, "/units", "entries name", problems);
  if (!problems.empty()) throw detail::Fallback{};
  Registry resolved(std::move(units));
  resolved.set_embedded_units(embedded);
  copy_declarations(registry, resolved);
  for (std::size_t i = 0; i < registry.size(); ++i) {
    detail::RegistryLoad::add_nfc(resolved, registry.entry(i));
  }
  for (const Entry& e : held_) detail::RegistryLoad::add_nfc(resolved, e);
  held_.clear();
  registry = std::move(resolved);
}

namespace {

/// The entries of a document that names units by official code: read first, resolved, then
/// added to `registry` rebuilt on its embedded units and the register's units they name.
void read_entries_by_code(ObjectReader& r, int version, bool units_ok, const UnitRegister* reg,
                          Registry& registry) {
  Problems& problems = r.problems();
  std::vector<std::pair<Entry, std::string>> entries;
  r.array("entries", true, [&](const Json& e, const std::string& p) {
    if (auto entry = read_entry(e, p, problems, version)) {
      entries.emplace_back(std::move(*entry), p);
    }
  });
  if (!units_ok) return;
  UnitHierarchy units = registry.units();
  const std::size_t embedded = units.size();
  if (!resolve_codes(entries, units, reg, problems)) return;
  Registry resolved(std::move(units));
  resolved.set_embedded_units(embedded);
  copy_declarations(registry, resolved);
  registry = std::move(resolved);
  for (const auto& [e, p] : entries) add_entry(registry, e, p, problems);
}

/// registry_from_json, resolving references by official code against `register_units` (none:
/// such a reference is a problem).
Registry read_document(const Json& document, const UnitRegister* register_units) {
  Problems problems;
  ObjectReader r(document, "", problems);
  Registry registry;
  std::optional<int> version;
  if (r.ok()) version = registry_header(r);
  if (version) {
    const auto note = r.string("note", false);
    std::optional<long long> years;
    if (*version >= 2) years = r.integer("recognition_years", 1, 100, false);
    const std::size_t before_units = problems.size();
    UnitHierarchy units = read_embedded_units(r);
    const bool units_ok = problems.size() == before_units;
    registry = Registry(std::move(units));
    registry.set_note(note);
    if (years) registry.set_recognition_years(static_cast<int>(*years));
    declare_terms<Field>(r, "fields", true, [&](Field f) { registry.declare_field(std::move(f)); });
    if (*version >= 2) {
      declare_terms<Grade>(r, "grades", false,
                           [&](Grade g) { registry.declare_grade(std::move(g)); });
      declare_terms<CommendationForm>(
          r, "forms", false, [&](CommendationForm f) { registry.declare_form(std::move(f)); });
    }
    if (*version >= 3 && names_units_by_code(document)) {
      read_entries_by_code(r, *version, units_ok, register_units, registry);
    } else {
      r.array("entries", true, [&](const Json& e, const std::string& p) {
        auto entry = read_entry(e, p, problems, *version);
        if (entry && units_ok) add_entry(registry, *entry, p, problems);
      });
    }
    if (*version >= 2) {
      const Json* figures = r.member("figures", false);
      if (units_ok) read_figures(figures, r.pointer_to("figures"), registry, problems);
    }
    r.finish();  // (a document of another schema or version is not checked further)
  }
  problems.throw_if_any();
  registry.shrink_to_fit();
  return registry;
}

}  // namespace

Registry registry_from_json(const Json& document) { return read_document(document, nullptr); }

Registry registry_from_json(const Json& document, const UnitRegister& units) {
  return read_document(document, &units);
}

// ---------------------------------------------------------------------------------------------
// Streaming reading: a hand-written reader that builds the registry straight from the text.
// It accepts exactly the canonical shapes; anything unusual makes it give up (Fallback) and the
// DOM reader reads the text again to report the problem precisely.

namespace {

using detail::Fallback;

class FastReader : detail::StreamScanner {
 public:
  /// `release(offset)`, when given, is told from time to time that the text before `offset`
  /// has been read (every entry is copied out of it) and will not be looked at again.
  explicit FastReader(std::string_view text, detail::ReleaseText release = {},
                      const UnitRegister* units = nullptr)
      : StreamScanner(text), release_(std::move(release)), codes_(units) {}

  Registry read() {
    unsigned seen = 0;
    Registry registry;
    bool have_units = false;
    std::vector<Field> fields;
    std::vector<Field> grades;
    std::vector<Field> forms;
    std::optional<std::string> note;
    std::optional<int> years;
    members([&](std::string_view k) {
      if (k == "schema") {
        mark(seen, 1);
        string(buf_);
        if (buf_ != "danvan/registry") fail();
      } else if (k == "version") {
        mark(seen, 2);
        const long long v = integer();
        if (!detail::fast_version(v)) fail();  // version 1: the DOM reader upgrades
        version_ = static_cast<int>(v);
      } else if (k == "note") {
        mark(seen, 4);
        if (!null()) {
          nfc(buf_);
          note = buf_;
        }
      } else if (k == "recognition_years") {
        mark(seen, 64);
        if (!null()) {
          const long long y = integer();
          if (y < 1 || y > 100) fail();
          years = static_cast<int>(y);
        }
      } else if (k == "fields") {
        mark(seen, 8);
        read_fields(fields);
      } else if (k == "grades") {
        mark(seen, 128);
        read_fields(grades);
      } else if (k == "forms") {
        mark(seen, 256);
        read_fields(forms);
      } else if (k == "units") {
        mark(seen, 16);
        ws();
        const char* start = p_;
        skip_value(0);
        Json doc = Json::object();
        doc["schema"] = "danvan/units";
        doc["version"] = json_version;
        doc["units"] = parse_json(std::string_view(start, static_cast<std::size_t>(p_ - start)));
        registry = Registry(units_from_json(doc));
        have_units = true;
      } else if (k == "figures") {
        // After the entries (the canonical order), so units and fields are declared: the
        // figures are few, read with the DOM reader's code and given up on any problem.
        if ((seen & 32) == 0) fail();
        mark(seen, 512);
        ws();
        const char* start = p_;
        skip_value(0);
        if (!detail::read_figures_text(
                std::string_view(start, static_cast<std::size_t>(p_ - start)), registry)) {
          fail();
        }
      } else if (k == "entries") {
        mark(seen, 32);
        if (!have_units || (seen & (2 | 8 | 64 | 128 | 256)) != (2 | 8 | 64 | 128 | 256)) fail();
        for (auto& f : fields) registry.declare_field(std::move(f));
        for (auto& g : grades) registry.declare_grade({std::move(g.id), std::move(g.name)});
        for (auto& f : forms) registry.declare_form({std::move(f.id), std::move(f.name)});
        registry.set_recognition_years(years);
        read_entries(registry);
      } else {
        fail();
      }
    });
    ws();
    if (p_ != e_) fail();
    if ((seen | 4 | 512) != 1023) fail();
    registry.set_note(note);
    return registry;
  }

 private:
  void read_fields(std::vector<Field>& fields) {
    expect('[');
    if (try_consume(']')) return;
    do {
      Field f;
      unsigned seen = 0;
      members([&](std::string_view k) {
        if (k == "id") {
          mark(seen, 1);
          id(f.id);
        } else if (k == "name") {
          mark(seen, 2);
          text(f.name);
        } else {
          fail();
        }
      });
      if (seen != 3) fail();
      fields.push_back(std::move(f));
    } while (comma_or(']'));
  }

  void read_event(Event& ev) {
    unsigned seen = 0;
    ev = Event{};
    members([&](std::string_view k) {
      if (k == "type") {
        mark(seen, detail::event_type);
        parsed(ev.type, parse_event_type);
      } else if (k == "date") {
        mark(seen, detail::event_date);
        ev.date = date();
      } else if (k == "level") {
        mark(seen, detail::event_level);
        parsed_or_null(ev.level, parse_level);
      } else if (k == "by") {
        mark(seen, detail::event_by);
        optional_unit_ref(ev.by);
      } else if (k == "decision") {
        mark(seen, detail::event_decision);
        optional_text(ev.decision);
      } else if (k == "units") {
        mark(seen, detail::event_units);
        distinct_unit_refs(ev.unit_ids);
      } else if (k == "year") {
        mark(seen, detail::event_year);
        const long long y = integer();
        if (y < 1400 || y > 9999) fail();
        ev.year = static_cast<int>(y);
      } else if (k == "effective") {
        mark(seen, detail::event_effective);
        ev.effective = boolean();
      } else if (k == "grade") {
        mark(seen, detail::event_grade);
        optional_id(ev.grade);
      } else if (k == "form") {
        mark(seen, detail::event_form);
        optional_id(ev.form);
      } else if (k == "status") {
        mark(seen, detail::event_status);
        parsed_or_null(ev.status, parse_commendation_status);
      } else if (k == "kind") {
        mark(seen, detail::event_kind);
        parsed(ev.kind, parse_entry_kind);
      } else {
        fail();
      }
    });
    if (!detail::event_keys_fit(ev.type, seen, version_)) fail();
    if (ev.type == EventType::replicated && ev.unit_ids.empty()) fail();
  }

  /// A unit reference: an id, or "code:..." when codes_ takes them (by_code_ then set).
  void unit_ref(std::string& out) {
    string(out);
    if (!detail::FastCodes::unit_ref(out, codes_.codes(version_))) fail();
    if (out[0] == 'c' && out.rfind("code:", 0) == 0) by_code_ = true;
  }
  /// unit_ref() or null (absent).
  void optional_unit_ref(std::optional<std::string>& out) {
    if (null()) {
      out.reset();
      return;
    }
    if (!out) out.emplace();
    unit_ref(*out);
  }
  /// An array of unit references, none listed twice.
  void distinct_unit_refs(std::vector<std::string>& out) {
    out.clear();
    expect('[');
    if (try_consume(']')) return;
    do {
      unit_ref(out.emplace_back());
    } while (comma_or(']'));
    if (out.size() > 1) {
      std::unordered_set<std::string_view> unique(out.begin(), out.end());
      if (unique.size() != out.size()) fail();
    }
  }

  void read_entries(Registry& registry) {
    expect('[');
    if (try_consume(']')) return;
    Entry e;
    do {
      by_code_ = false;
      unsigned seen = 0;
      std::size_t events = 0;
      e.person_name.reset();
      e.place_unit_ids.clear();
      members([&](std::string_view k) {
        if (k == "id") {
          mark(seen, 1);
          id(e.id);
        } else if (k == "kind") {
          mark(seen, 2);
          parsed(e.kind, parse_entry_kind);
        } else if (k == "subject") {
          mark(seen, 4);
          parsed(e.subject, parse_subject);
        } else if (k == "name") {
          mark(seen, 8);
          text(e.name);
        } else if (k == "unit") {
          mark(seen, 16);
          unit_ref(e.unit_id);
        } else if (k == "places") {
          mark(seen, 512);
          if (!null()) distinct_unit_refs(e.place_unit_ids);
        } else if (k == "fields") {
          mark(seen, 32);
          distinct_ids(e.field_ids);
        } else if (k == "description") {
          mark(seen, 64);
          nfc(e.description);
        } else if (k == "person") {
          mark(seen, 128);
          optional_text(e.person_name);
        } else if (k == "events") {
          mark(seen, 256);
          expect('[');
          if (!try_consume(']')) {
            do {
              if (events == e.events.size()) e.events.emplace_back();
              read_event(e.events[events++]);
            } while (comma_or(']'));
          }
        } else {
          fail();
        }
      });
      if ((seen | 128 | 512) != 1023) fail();
      e.events.resize(events);
      codes_.add(registry, e, by_code_);
      const auto offset = static_cast<std::size_t>(p_ - b_);
      if (release_ && offset - released_ >= kReleaseEvery) {
        release_(offset);
        released_ = offset;
      }
    } while (comma_or(']'));
    codes_.finish(registry);
  }

  static constexpr std::size_t kReleaseEvery = std::size_t{32} << 20U;
  int version_ = 0;  // read before the entries
  detail::ReleaseText release_;
  std::size_t released_ = 0;
  detail::FastCodes codes_;
  bool by_code_ = false;  // the entry being read names a unit by official code
};

}  // namespace

namespace {

/// A fast reader's registry, or nullopt when it gave up (Fallback, or an error of the model's
/// checks: the DOM reader reports it with its pointer).
template <typename Read>
std::optional<Registry> attempt(Read read) {
  try {
    return read();
  } catch (const Fallback&) {
  } catch (const Error&) {
  } catch (const std::out_of_range&) {
  }
  return std::nullopt;
}

std::optional<Registry> read_with_scanner(std::string_view text, detail::ReleaseText release,
                                          const UnitRegister* units) {
  return attempt([&] { return FastReader(text, std::move(release), units).read(); });
}

/// The fast reader of this build: simdjson On-Demand when built with simdjson, else the scanner.
/// `units` resolves units named by official code (nullptr: none).
std::optional<Registry> read_streaming(std::string_view text, detail::ReleaseText release,
                                       const UnitRegister* units) {
#if defined(DANVAN_HAVE_SIMDJSON)
  return attempt([&] { return detail::read_registry_ondemand(text, release, units); });
#else
  return read_with_scanner(text, std::move(release), units);
#endif
}

Registry read_registry(std::string_view text, detail::ReleaseText release,
                       const UnitRegister* units = nullptr) {
  if (auto registry = read_streaming(text, std::move(release), units)) {
    // No shrink_to_fit here: the spare capacity of the storage's large vectors was never
    // touched, so it is not resident, while shrinking copies each vector and so held it twice
    // (the peak of a CLI load of 1M entries was 0.64x the file with it, 0.53x without).
#if defined(__GLIBC__)
    // Give the heap pages freed by loading (growth of the storage, temporaries) back to the
    // system, so the resident size is that of the registry.
    ::malloc_trim(0);
#endif
    return std::move(*registry);
  }
  return read_document(parse_json(text), units);
}

}  // namespace

std::optional<Registry> detail::read_registry_streaming(std::string_view text) {
  return read_streaming(text, {}, nullptr);
}

std::optional<Registry> detail::read_registry_streaming(std::string_view text,
                                                        const UnitRegister& units) {
  return read_streaming(text, {}, &units);
}

std::optional<Registry> detail::read_registry_scanner(std::string_view text) {
  return read_with_scanner(text, {}, nullptr);
}

std::optional<Registry> detail::read_registry_scanner(std::string_view text,
                                                      const UnitRegister& units) {
  return read_with_scanner(text, {}, &units);
}

std::string_view detail::registry_fast_reader() noexcept {
#if defined(DANVAN_HAVE_SIMDJSON)
  return "simdjson";
#else
  return "scanner";
#endif
}

Registry read_registry(std::string_view text) { return read_registry(text, detail::ReleaseText{}); }

Registry read_registry(std::string_view text, const UnitRegister& units) {
  return read_registry(text, detail::ReleaseText{}, &units);
}

Registry load_registry(const std::filesystem::path& path) {
  MappedFile file(path);
  // The streaming reader goes through the file once: pages it has read leave memory as it
  // goes, so loading costs about the registry's size rather than the file's plus the registry's.
  return read_registry(file.text(), [&file](std::size_t offset) { file.release_before(offset); });
}

Registry load_registry(const std::filesystem::path& path, const UnitRegister& units) {
  MappedFile file(path);
  return read_registry(
      file.text(), [&file](std::size_t offset) { file.release_before(offset); }, &units);
}

void save_registry(const Registry& registry, const std::filesystem::path& path) {
  write_file_atomically(path, registry_to_text(registry));
}

// ---------------------------------------------------------------------------------------------
// Journal

std::string journal_registration_line(const Entry& entry) {
  if (entry.events.empty() || entry.events.front().type != EventType::registered) {
    throw ValueError("entry \"" + entry.id + "\": the first event must be \"registered\"");
  }
  Json j = Json::object();
  j["entry"] = entry.id;
  j["event"] = to_json(entry.events.front());
  Json d = to_json(entry);
  d.erase("id");
  d.erase("events");
  j["details"] = d;
  return j.dump(-1, ' ', false, Json::error_handler_t::strict) + "\n";
}

std::string journal_event_line(std::string_view entry_id, const Event& event) {
  Json j = Json::object();
  j["entry"] = std::string(entry_id);
  j["event"] = to_json(event);
  return j.dump(-1, ' ', false, Json::error_handler_t::strict) + "\n";
}

namespace {

void apply_line(const Json& line, Registry& registry, const std::string& where) {
  Problems problems;
  ObjectReader r(line, "", problems);
  std::optional<std::string> id;
  std::optional<Event> event;
  EntryDetails d;
  bool has_details = false;
  if (r.ok()) {
    id = r.id("entry");
    if (const Json* ej = r.member("event", true)) {
      event = read_event(*ej, "/event", problems, registry_json_version);
    }
    if (const Json* dj = r.member("details", false)) {
      has_details = true;
      ObjectReader dr(*dj, "/details", problems);
      if (dr.ok()) {
        read_details(dr, d, false, registry_json_version);
        dr.finish();
      }
    }
    r.finish();
  }
  if (!problems.empty()) {
    const auto& p = problems.list().front();
    throw ValueError(where + (p.pointer.empty() ? "(line)" : p.pointer) + ": " + p.reason);
  }
  if (!event || !id) throw ValueError(where + "incomplete line");
  try {
    const bool first = has_details || !registry.find(*id);  // else a re-registration
    if (event->type == EventType::registered && first) {
      if (!has_details) throw ValueError("/details: a registration needs \"details\"");
      d.id = *id;
      registry.add(to_entry(std::move(d), {std::move(*event)}));
    } else {
      if (has_details) {
        throw ValueError("/details: only a registration has \"details\"");
      }
      registry.add_event(*id, std::move(*event));
    }
  } catch (const ValueError& e) {
    throw ValueError(where + e.what());
  }
}

}  // namespace

ReplayResult replay_journal(std::string_view text, Registry& registry) {
  return detail::for_each_journal_line(text, [&](const Json& value, const std::string& where) {
    apply_line(value, registry, where);
  });
}

ReplayResult replay_journal_file(const std::filesystem::path& path, Registry& registry) {
  return replay_journal(read_file(path), registry);
}

}  // namespace danvan
