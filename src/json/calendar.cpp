// JSON of calendars ("danvan/calendar"): the reader checks the definition with the calendar's
// own checks (calendar/calendar_check.hpp), so every problem carries its JSON pointer.
#include "danvan/json/calendar.hpp"

#include "calendar/calendar_check.hpp"
#include "danvan/io.hpp"
#include "json/object_reader.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace danvan {

using detail::child_pointer;
using detail::ObjectReader;
using detail::Problems;

namespace {

constexpr long long wide = 1000000000;

/// A day "YYYY-MM-DD" at `pointer`.
std::optional<Date> read_day(const Json& value, const std::string& pointer, Problems& p) {
  const auto s = detail::read_string(value, pointer, p);
  if (!s) return std::nullopt;
  const bool shape = s->size() == 10 && [&] {
    for (std::size_t i = 0; i < s->size(); ++i) {
      const char c = (*s)[i];
      if ((i == 4 || i == 7) ? c != '-' : (c < '0' || c > '9')) return false;
    }
    return true;
  }();
  if (!shape) {
    p.add(pointer, "expected a day \"YYYY-MM-DD\", got \"" + *s + "\"");
    return std::nullopt;
  }
  try {
    return parse_date(*s);
  } catch (const ParseError& e) {
    p.add(pointer, "invalid date \"" + *s + "\": " + e.reason());
    return std::nullopt;
  }
}

std::vector<Date> read_days(const Json& value, const std::string& pointer, Problems& p) {
  std::vector<Date> out;
  if (!value.is_array()) {
    p.add(pointer, "expected an array, got " + detail::describe_type(value));
    return out;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (auto d = read_day(value[i], child_pointer(pointer, i), p)) out.push_back(*d);
  }
  return out;
}

int narrow(std::optional<long long> v, int fallback = 0) {
  return v ? static_cast<int>(*v) : fallback;
}

template <class E>
std::optional<E> read_enum(ObjectReader& r, std::string_view key, E (*parse)(std::string_view)) {
  return r.parsed<E>(key, true, [&](const std::string& s) { return parse(s); });
}

ComplaintLimits read_limits(ObjectReader& parent, std::string_view key, ComplaintLimits fallback) {
  const Json* v = parent.member(key, true);
  if (v == nullptr) return fallback;
  ObjectReader r(*v, parent.pointer_to(key), parent.problems());
  ComplaintLimits l;
  l.normal = narrow(r.integer("normal", -wide, wide));
  l.complex = narrow(r.integer("complex", -wide, wide));
  l.remote = narrow(r.integer("remote", -wide, wide));
  l.remote_complex = narrow(r.integer("remote_complex", -wide, wide));
  r.finish();
  return l;
}

HolidayRule read_rule(const Json& value, const std::string& pointer, Problems& p) {
  ObjectReader r(value, pointer, p);
  HolidayRule rule;
  rule.id = r.string("id").value_or("");
  rule.name = r.string("name").value_or("");
  rule.basis = read_enum<DateBasis>(r, "basis", parse_date_basis).value_or(DateBasis::solar);
  rule.month = narrow(r.integer("month", -wide, wide));
  rule.day = narrow(r.integer("day", -wide, wide));
  rule.first_offset = narrow(r.integer("first_offset", -wide, wide, false));
  rule.last_offset = narrow(r.integer("last_offset", -wide, wide, false));
  rule.adjacent = r.boolean("adjacent", false).value_or(false);
  if (auto y = r.integer("from_year", -wide, wide, false)) rule.from_year = static_cast<int>(*y);
  if (auto y = r.integer("to_year", -wide, wide, false)) rule.to_year = static_cast<int>(*y);
  r.finish();
  return rule;
}

YearSchedule read_year(const Json& value, const std::string& pointer, Problems& p) {
  ObjectReader r(value, pointer, p);
  YearSchedule y;
  y.year = narrow(r.integer("year", -wide, wide));
  if (const Json* given = r.member("rule_days", false)) {
    const std::string at = r.pointer_to("rule_days");
    if (!given->is_object()) {
      p.add(at, "expected an object, got " + detail::describe_type(*given));
    } else {
      for (const auto& [id, list] : given->items()) {
        y.rule_days[id] = read_days(list, child_pointer(at, id), p);
      }
    }
  }
  r.array("extra_days_off", false, [&](const Json& e, const std::string& ep) {
    ObjectReader er(e, ep, p);
    const auto date = er.date("date");
    const auto name = er.string("name");
    er.finish();
    if (date && name) y.extra_days_off.push_back(ExtraDayOff{*date, *name});
  });
  if (const Json* given = r.member("working_days", false)) {
    y.working_days = read_days(*given, r.pointer_to("working_days"), p);
  }
  y.source = r.string("source", false).value_or("");
  r.finish();
  return y;
}

Json days_json(const std::vector<Date>& list) {
  Json out = Json::array();
  for (const Date d : list) out.push_back(to_iso(d));
  return out;
}

Json limits_json(const ComplaintLimits& l) {
  Json out = Json::object();
  out["normal"] = l.normal;
  out["complex"] = l.complex;
  out["remote"] = l.remote;
  out["remote_complex"] = l.remote_complex;
  return out;
}

}  // namespace

Calendar calendar_from_json_text(std::string_view text) {
  return calendar_from_json(parse_json(text));
}

Calendar calendar_from_json(const Json& doc) {
  Problems p;
  ObjectReader r(doc, "", p);
  if (!r.ok()) p.throw_if_any();
  detail::check_header(r, "danvan/calendar");
  detail::CalendarParts c;
  c.name = r.string("name").value_or("");
  c.source = r.string("source", false).value_or("");
  c.first_year = narrow(r.integer("first_year", -wide, wide));
  c.last_year = narrow(r.integer("last_year", -wide, wide));
  r.array("weekend", true, [&](const Json& e, const std::string& ep) {
    const auto s = detail::read_string(e, ep, p);
    if (!s) return;
    try {
      c.weekend.push_back(parse_weekday(*s));
    } catch (const ValueError& ex) {
      p.add(ep, ex.what());
    }
  });
  c.compensatory = r.boolean("compensatory").value_or(false);
  r.array("rules", true,
          [&](const Json& e, const std::string& ep) { c.rules.push_back(read_rule(e, ep, p)); });
  r.array("years", false,
          [&](const Json& e, const std::string& ep) { c.years.push_back(read_year(e, ep, p)); });
  if (const Json* d = r.member("deadline_rules", false)) {
    ObjectReader dr(*d, r.pointer_to("deadline_rules"), p);
    DeadlineRules& rules = c.deadline_rules;
    rules.counting = read_enum<DayCounting>(dr, "counting", parse_day_counting)
                         .value_or(DayCounting::calendar_days);
    rules.complaint_first = read_limits(dr, "complaint_first", rules.complaint_first);
    rules.complaint_second = read_limits(dr, "complaint_second", rules.complaint_second);
    rules.denunciation_days = narrow(dr.integer("denunciation_days", -wide, wide));
    rules.denunciation_extension_days =
        narrow(dr.integer("denunciation_extension_days", -wide, wide));
    rules.denunciation_max_extensions =
        narrow(dr.integer("denunciation_max_extensions", -wide, wide));
    dr.finish();
  }
  r.finish();
  p.throw_if_any();
  detail::check_calendar_parts(c, p);
  p.throw_if_any();
  return Calendar(std::move(c.name), std::move(c.source), c.first_year, c.last_year,
                  std::move(c.weekend), std::move(c.rules), c.compensatory, std::move(c.years),
                  c.deadline_rules);
}

Json to_json(const Calendar& calendar) {
  Json doc = Json::object();
  doc["schema"] = "danvan/calendar";
  doc["version"] = json_version;
  doc["name"] = calendar.name();
  doc["source"] = calendar.source().empty() ? Json(nullptr) : Json(calendar.source());
  doc["first_year"] = calendar.first_year();
  doc["last_year"] = calendar.last_year();
  doc["weekend"] = Json::array();
  for (const Weekday w : calendar.weekend()) doc["weekend"].push_back(to_string(w));
  doc["compensatory"] = calendar.compensatory();
  doc["rules"] = Json::array();
  for (const HolidayRule& r : calendar.rules()) {
    Json j = Json::object();
    j["id"] = r.id;
    j["name"] = r.name;
    j["basis"] = to_string(r.basis);
    j["month"] = r.month;
    j["day"] = r.day;
    j["first_offset"] = r.first_offset;
    j["last_offset"] = r.last_offset;
    j["adjacent"] = r.adjacent;
    j["from_year"] = r.from_year ? Json(*r.from_year) : Json(nullptr);
    j["to_year"] = r.to_year ? Json(*r.to_year) : Json(nullptr);
    doc["rules"].push_back(std::move(j));
  }
  doc["years"] = Json::array();
  for (const YearSchedule& y : calendar.years()) {
    Json j = Json::object();
    j["year"] = y.year;
    j["rule_days"] = Json::object();
    for (const auto& [id, list] : y.rule_days) j["rule_days"][id] = days_json(list);
    j["extra_days_off"] = Json::array();
    for (const auto& e : y.extra_days_off) {
      Json ej = Json::object();
      ej["date"] = to_iso(e.date);
      ej["name"] = e.name;
      j["extra_days_off"].push_back(std::move(ej));
    }
    j["working_days"] = days_json(y.working_days);
    j["source"] = y.source.empty() ? Json(nullptr) : Json(y.source);
    doc["years"].push_back(std::move(j));
  }
  const DeadlineRules& d = calendar.deadline_rules();
  Json dj = Json::object();
  dj["counting"] = to_string(d.counting);
  dj["complaint_first"] = limits_json(d.complaint_first);
  dj["complaint_second"] = limits_json(d.complaint_second);
  dj["denunciation_days"] = d.denunciation_days;
  dj["denunciation_extension_days"] = d.denunciation_extension_days;
  dj["denunciation_max_extensions"] = d.denunciation_max_extensions;
  doc["deadline_rules"] = std::move(dj);
  return doc;
}

std::string calendar_to_json_text(const Calendar& calendar) {
  return to_document_text(to_json(calendar));
}

void to_json(Json& j, const Calendar& value) { j = to_json(value); }

}  // namespace danvan

namespace nlohmann {
danvan::Calendar adl_serializer<danvan::Calendar>::from_json(const danvan::Json& j) {
  return danvan::calendar_from_json(j);
}
void adl_serializer<danvan::Calendar>::to_json(danvan::Json& j, const danvan::Calendar& value) {
  j = danvan::to_json(value);
}
}  // namespace nlohmann

namespace danvan {

Calendar load_calendar(const std::filesystem::path& path) {
  return calendar_from_json_text(read_file(path));
}

}  // namespace danvan
