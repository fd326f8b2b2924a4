// The parts of a plan and YearRange on their own (ADL hooks of danvan/json/plan.hpp), as they
// appear inside a plan document. The plan writer writes its parts through these.
#include "json/plan_parts.hpp"
#include "danvan/json/plan.hpp"
#include "json/object_reader.hpp"

#include <optional>
#include <string>
#include <utility>

namespace danvan {

using detail::ObjectReader;
using detail::Problems;
using detail::read_whole_value;

namespace {

Json optional_partial(const std::optional<PartialDate>& d) {
  return d ? to_json(*d) : Json(nullptr);
}

Json optional_text(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

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

}  // namespace

void to_json(Json& j, const YearRange& value) {
  j = Json::object();
  j["first"] = value.first;
  j["last"] = value.last;
}

void from_json(const Json& j, YearRange& value) {
  Problems problems;
  ObjectReader r(j, "", problems);
  const auto first = r.integer("first", 1900, 2200);
  const auto last = r.integer("last", 1900, 2200);
  r.finish();
  if (first && last && *first > *last) {
    problems.add(
        "", "period runs backwards: " + std::to_string(*first) + " to " + std::to_string(*last));
  }
  problems.throw_if_any();
  value = YearRange{static_cast<int>(*first), static_cast<int>(*last)};
}

void to_json(Json& j, const Citation& value) {
  j = Json::object();
  j["instrument"] = value.instrument_id;
  j["cited_as"] = value.cited_as;
}

void from_json(const Json& j, Citation& value) { read_whole_value(j, value, read_citation); }

void to_json(Json& j, const Milestone& value) {
  j = Json::object();
  j["id"] = value.id;
  j["name"] = value.name;
  j["date"] = optional_partial(value.date);
}

void from_json(const Json& j, Milestone& value) {
  read_whole_value(
      j, value,
      [](const Json& v, const std::string& p, Problems& problems) -> std::optional<Milestone> {
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

void to_json(Json& j, const TaskArea& value) {
  j = Json::object();
  j["number"] = value.number;
  j["label"] = value.label;
  j["text"] = value.text;
  j["details"] = value.details;
  Json citations = Json::array();
  for (const auto& c : value.citations) citations.push_back(Json(c));
  j["citations"] = citations;
  j["lead_units"] = value.lead_unit_ids;
  j["participating_units"] = value.participating_unit_ids;
}

void from_json(const Json& j, TaskArea& value) {
  read_whole_value(
      j, value,
      [](const Json& v, const std::string& p, Problems& problems) -> std::optional<TaskArea> {
        ObjectReader r(v, p, problems);
        if (!r.ok()) return std::nullopt;
        TaskArea t;
        t.number = static_cast<int>(r.integer("number", 1, 1000).value_or(0));
        t.label = r.string("label", false).value_or("");
        t.text = r.text("text").value_or("");
        t.details = r.strings("details", false, detail::Lines::many);
        r.array("citations", false, [&](const Json& e, const std::string& ep) {
          if (auto c = read_citation(e, ep, problems)) t.citations.push_back(std::move(*c));
        });
        t.lead_unit_ids = r.ids("lead_units");
        t.participating_unit_ids = r.ids("participating_units");
        r.finish();
        return t;
      });
}

void to_json(Json& j, const SourceInfo& value) {
  j = Json::object();
  j["title"] = value.title;
  j["published"] = optional_partial(value.published);
  j["author"] = optional_text(value.author);
  j["url"] = optional_text(value.url);
  j["note"] = optional_text(value.note);
}

void from_json(const Json& j, SourceInfo& value) {
  read_whole_value(j, value, detail::read_source_info);
}

namespace detail {

std::optional<SourceInfo> read_source_info(const Json& j, const std::string& pointer,
                                           Problems& problems) {
  ObjectReader r(j, pointer, problems);
  if (!r.ok()) return std::nullopt;
  SourceInfo s;
  s.title = r.text("title").value_or("");
  s.published = r.partial_date("published", false);
  s.author = r.text("author", false);
  s.url = r.text("url", false);
  s.note = r.text("note", false);
  r.finish();
  return s;
}

}  // namespace detail
}  // namespace danvan
