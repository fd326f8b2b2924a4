// JSON of the exemplar registry (document "danvan/registry") and its JSON Lines event journal.
#pragma once

#include "danvan/io.hpp"
#include "danvan/json/json.hpp"
#include "danvan/json/plan.hpp"
#include "danvan/registry.hpp"
#include "danvan/unit_register.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace danvan {

/// Version of the "danvan/registry" document this library writes. Version 3 added the status
/// of a recognition (decided or proposed, as commendations and awards have it). Version 2
/// documents (no status on a recognition: each is decided; a "status" there is refused) and
/// version 1 documents (whole days, a level on every recognition, one registration, no
/// grades, forms, places, promotions or recognition validity) are read and upgraded: written
/// again, they become version 3.
inline constexpr int registry_json_version = 3;

/// The canonical document: schema, version (3), note, recognition_years, fields, grades and
/// forms (declared ones), units (embedded, as in danvan/units), entries with their events.
/// Every key of an entry and of an event's type is written (null when unknown); dates at their
/// precision ("2022", "2022-10", "2022-10-05"). Units taken from a unit register (after
/// embedded_units()) are written by official code, "code:22015"; throws ValueError when such a
/// code would not read back as the same unit: more than one of the registry's units carried
/// it during the fact's date (a coarse date across a reorganisation that kept the code).
Json to_json(const Registry& registry);
/// Strict DOM reader: all problems with JSON pointers in one JsonDocumentError. An entry
/// Registry::add refuses gives each of its problems at its own place under the entry
/// ("/entries/3/unit", "/entries/3/events/1").
Registry registry_from_json(const Json& document);
/// As registry_from_json, for a document whose entries may name units by official code
/// (version 3): "code:22015" wherever a unit id goes (an entry's "unit" and "places", an
/// event's "by" and a replication's "units"). Each is resolved against `units` (the national
/// register: load_units of data/units/national/units.json) as the unit that carried the code on
/// the day of the fact: the entry's first event for its unit and places, the event's date for
/// the others; a date coarser than a day must not span two units of that code. The registry
/// holds its embedded units, then the register's units the entries name with their ancestors
/// and the units linked to them by succession (Registry::embedded_units), and writes these back
/// as "code:..." references, not embedded. Problems, at the reference's pointer: "no unit of
/// the register has the official code \"99999\" on 2022-03-01", "the official code \"22015\"
/// names two units in 2025 (...): give the fact's day", "invalid official code ..."; an
/// embedded unit with the id of a register unit named by code (at "/units"). Without a
/// register (registry_from_json(document)) each such reference is a problem ("... read the
/// registry with a unit register ..."). Embedded units, figures and journals name units by id.
Registry registry_from_json(const Json& document, const UnitRegister& units);
/// Reads the text of a registry document. A streaming reader builds the registry directly from
/// the text (no DOM); on any problem the text is read again with the DOM reader, so the errors
/// are exactly those of parse_json() + registry_from_json().
Registry read_registry(std::string_view text);
/// read_registry resolving references by official code against `units` (see
/// registry_from_json(const Json&, const UnitRegister&)). The fast readers resolve them too,
/// with the DOM reader's code; on any problem the DOM reader reads the text and reports it.
Registry read_registry(std::string_view text, const UnitRegister& units);
namespace detail {
/// The streaming reader of read_registry() alone, for tests and the fuzz target: the registry
/// when the text is in the canonical shapes it reads (it must then equal what the DOM reader
/// reads), nullopt when it gives up (read_registry() then reads the text with the DOM reader).
std::optional<Registry> read_registry_streaming(std::string_view text);
/// read_registry_streaming resolving units named by official code against `units` (what
/// read_registry(text, units) reads first).
std::optional<Registry> read_registry_streaming(std::string_view text, const UnitRegister& units);
/// The hand-written streaming reader alone (the fast reader of builds without simdjson), so
/// tests and the fuzz target check it in every build.
std::optional<Registry> read_registry_scanner(std::string_view text);
/// read_registry_scanner resolving units named by official code against `units`.
std::optional<Registry> read_registry_scanner(std::string_view text, const UnitRegister& units);
/// The fast reader read_registry() uses in this build: "simdjson" (On-Demand) or "scanner".
std::string_view registry_fast_reader() noexcept;
}  // namespace detail
/// Canonical text (same registry, same bytes).
std::string registry_to_text(const Registry& registry);
Registry load_registry(const std::filesystem::path& path);
/// load_registry resolving references by official code against `units`.
Registry load_registry(const std::filesystem::path& path, const UnitRegister& units);
void save_registry(const Registry& registry, const std::filesystem::path& path);

/// The statistics table as JSON: year, as_of, unit, current_units, by, rows (keys, labels,
/// counts, previous, change) and total.
Json to_json(const StatsTable& table);
/// An entry (with its events), one event and one declared field, as in the document.
Json to_json(const Entry& entry);
Json to_json(const Event& event);
Json to_json(const Field& field);
Json to_json(const Grade& grade);
Json to_json(const CommendationForm& form);
/// A reported figure as in the document's "figures": unit, period ("2023", "2021-2025",
/// "2022-03-01..2022-09-30"), category, field, level, subject, kind (null when not broken
/// down), value, qualifier, source, quote.
Json to_json(const ReportedFigure& figure);
/// A figure beside the entries' count: {"figure", "from_entries", "agreement"} (the items of
/// a statistics table's "reported").
Json to_json(const FigureComparison& comparison);
/// Strict readers of the same values, with the keys and messages of registry_from_json() and
/// JSON pointers relative to the value ("/events/1/date: invalid date ..."); all problems in
/// one JsonDocumentError. They check the JSON only: units, fields and the lifecycle are checked
/// when the entry is added to a registry (Registry::add, check_events).
Entry entry_from_json(const Json& value);
Event event_from_json(const Json& value);
Field field_from_json(const Json& value);
/// A reported figure, strictly (the keys of to_json(const ReportedFigure&), "/value: -3 is out
/// of range 0..1000000000"); its unit and field are checked by Registry::add_figure.
ReportedFigure figure_from_json(const Json& value);

// nlohmann ADL hooks (`Json j = entry;`, `j.get<Entry>()`), the same as the functions above.
void to_json(Json& j, const Event& value);
void from_json(const Json& j, Event& value);
void to_json(Json& j, const Entry& value);
void from_json(const Json& j, Entry& value);
void to_json(Json& j, const Field& value);
void from_json(const Json& j, Field& value);
void to_json(Json& j, const ReportedFigure& value);
void from_json(const Json& j, ReportedFigure& value);
void to_json(Json& j, const Registry& value);
void from_json(const Json& j, Registry& value);
void to_json(Json& j, const StatsTable& value);  ///< write only

// ---------------------------------------------------------------------------------------------
// Journal (nhật ký): one JSON object per line, "\n"-terminated:
//   {"entry": "<id>", "event": {...}, "details": {...}}
// "details" (kind, subject, name, unit, fields, description, person) is present exactly on the
// registration line of an entry.

/// One journal line (with its final "\n") recording the entry's registration (its first event).
std::string journal_registration_line(const Entry& entry);
/// One journal line recording an event of an existing entry.
std::string journal_event_line(std::string_view entry_id, const Event& event);

/// A torn last line a JournalWriter removed: the bytes after the journal's last "\n", left by
/// a writer that crashed (or lost power) in the middle of an append. Such a line was never
/// acknowledged: append() returns only after the whole line is written and fsync()ed.
struct JournalRepair {
  std::uintmax_t offset = 0;         ///< where the torn line started; the file now ends here
  std::uintmax_t dropped_bytes = 0;  ///< how many bytes were removed
  /// "dropped a torn last line of 37 bytes at offset 1234 (no final newline): {\"entry\"..."
  /// (the first 60 bytes, other than printable ASCII shown as `\xNN`).
  std::string message;
};

/// Appends lines to a journal file (nhật ký), created when missing (mode 0666 less the umask).
/// Every append, under an exclusive flock() of the file (so writers in other processes take
/// turns): first a torn tail is repaired (truncated to the last "\n", see repairs()), then the
/// line is written at the end and fsync()ed. When the write fails or is short (a full disk),
/// the file is truncated back to its size before the append and IoError is thrown with the
/// system's reason; when append() returns, the line is durable and replays. The constructor
/// repairs a torn tail too, before any append.
class JournalWriter {
 public:
  /// Opens (or creates) the journal and repairs its tail. Throws IoError.
  explicit JournalWriter(const std::filesystem::path& path);
  ~JournalWriter();
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;
  /// `line` must be one line ending in "\n" (as the functions above make); throws ValueError
  /// otherwise, IoError when it cannot be written (the journal is then as before the call).
  void append(std::string_view line);
  /// The torn tails this writer removed, oldest first (usually none; one after a crash).
  [[nodiscard]] const std::vector<JournalRepair>& repairs() const noexcept { return repairs_; }

 private:
  void repair_tail();
  std::filesystem::path path_;
  int fd_ = -1;
  std::vector<JournalRepair> repairs_;
};

/// What replaying a journal did.
struct ReplayResult {
  std::size_t applied = 0;  ///< lines applied
  /// Set when the last line is torn (no final "\n", or not valid JSON): it was ignored.
  std::optional<std::size_t> torn_line;
  std::string warning;  ///< e.g. "line 7: torn last line (no final newline); ignored"
};

/// Applies every line to `registry` in order. A bad line other than a torn last one throws
/// ValueError "line N: <pointer>: <reason>" (or "line N: entry \"x\": ..." for lifecycle
/// problems); the lines before it stay applied.
ReplayResult replay_journal(std::string_view text, Registry& registry);
/// Reads the file (IoError when it cannot) and replays it.
ReplayResult replay_journal_file(const std::filesystem::path& path, Registry& registry);

}  // namespace danvan
