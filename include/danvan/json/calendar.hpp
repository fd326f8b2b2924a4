// JSON of working-day calendars ("danvan/calendar", docs/schema/calendar.schema.json). The
// core calendar (danvan/calendar.hpp) knows no JSON: the bundled data/calendar/vietnam.json
// reaches it through these readers, and Calendar::vietnam() has the same content compiled in.
#pragma once

#include "danvan/calendar.hpp"
#include "danvan/json/json.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace danvan {

/// Reads a "danvan/calendar" document strictly; throws JsonDocumentError (a JsonError)
/// listing every problem with its JSON pointer.
Calendar calendar_from_json(const Json& document);
/// As calendar_from_json, from the document's text (syntax errors included).
Calendar calendar_from_json_text(std::string_view text);
/// The canonical document of a calendar.
Json to_json(const Calendar& calendar);
/// The canonical JSON text of a calendar (two-space indent, final newline).
std::string calendar_to_json_text(const Calendar& calendar);
/// Reads a calendar file; throws IoError or JsonDocumentError.
Calendar load_calendar(const std::filesystem::path& path);

/// ADL hook: `Json j = calendar;`.
void to_json(Json& j, const Calendar& value);

}  // namespace danvan

namespace nlohmann {
/// Calendar is not default-constructible: `j.get<danvan::Calendar>()` goes through here.
template <>
struct adl_serializer<danvan::Calendar> {
  /// calendar_from_json.
  static danvan::Calendar from_json(const danvan::Json& j);
  /// danvan::to_json of the calendar.
  static void to_json(danvan::Json& j, const danvan::Calendar& value);
};
}  // namespace nlohmann
