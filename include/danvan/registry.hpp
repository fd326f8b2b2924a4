// The registry of "Dân vận khéo" exemplars and models: entries, their dated histories, state as
// of a date, filters, folded search and the annual statistics table.
#pragma once

#include "danvan/date.hpp"
#include "danvan/unit.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// Kind of entry: a model (mô hình) or an exemplar (điển hình). Independent of the subject.
enum class EntryKind : std::uint8_t { model, exemplar };
/// Who the entry is about: a collective (tập thể) or an individual (cá nhân).
enum class Subject : std::uint8_t { collective, individual };
/// Steps of an entry's history, in the order a lifecycle usually runs.
enum class EventType : std::uint8_t {
  registered,   ///< đăng ký
  recognised,   ///< công nhận (at a level, by a body, with a decision when known)
  commended,    ///< biểu dương
  awarded,      ///< khen thưởng (a state decision, e.g. a Bằng khen)
  replicated,   ///< nhân rộng (to other units)
  reevaluated,  ///< đánh giá lại hằng năm (effective or no longer effective)
  revoked,      ///< hủy bỏ
};
/// State of an entry on a day, derived from the events dated on or before it.
enum class EntryState : std::uint8_t {
  not_registered,       ///< the registration is later than the day
  registered,           ///< registered, not (yet) recognised
  recognised,           ///< recognised; not re-evaluated since the latest recognition
  effective,            ///< the latest re-evaluation found it effective
  no_longer_effective,  ///< the latest re-evaluation found it no longer effective
  revoked,              ///< revoked
};

std::string_view to_string(EntryKind v) noexcept;
std::string_view to_string(Subject v) noexcept;
std::string_view to_string(EventType v) noexcept;
std::string_view to_string(EntryState v) noexcept;
/// Parsers throw ValueError naming the accepted values.
EntryKind parse_entry_kind(std::string_view text);
Subject parse_subject(std::string_view text);
EventType parse_event_type(std::string_view text);
EntryState parse_entry_state(std::string_view text);
/// Vietnamese labels: "mô hình", "cá nhân", "công nhận", "còn hiệu quả".
std::string_view vietnamese_name(EntryKind v) noexcept;
std::string_view vietnamese_name(Subject v) noexcept;
std::string_view vietnamese_name(EventType v) noexcept;
std::string_view vietnamese_name(EntryState v) noexcept;

/// A field (lĩnh vực) entries belong to.
struct Field {
  std::string id;
  std::string name;
  friend bool operator==(const Field&, const Field&) = default;
};

/// The four built-in fields: kinh-te (kinh tế), van-hoa-xa-hoi (văn hóa – xã hội),
/// quoc-phong-an-ninh (quốc phòng – an ninh), xay-dung-he-thong-chinh-tri (xây dựng hệ thống
/// chính trị).
const std::vector<Field>& builtin_fields();

/// One dated step. Which members are meaningful depends on the type; the others stay empty:
/// recognised: level (required), by (unit id, optional), decision (optional);
/// commended, awarded, revoked: decision (optional; an instrument id or a document symbol);
/// replicated: unit_ids (at least one); reevaluated: year and effective (required).
struct Event {
  EventType type = EventType::registered;
  Date date;
  std::optional<Level> level;
  std::optional<std::string> by;
  std::optional<std::string> decision;
  std::vector<std::string> unit_ids;
  std::optional<int> year;
  std::optional<bool> effective;
  friend bool operator==(const Event&, const Event&) = default;
};

/// "replicated on 2021-05-01".
std::string describe(const Event& event);

/// An exemplar or model with its history (events in date order).
struct Entry {
  std::string id;
  EntryKind kind = EntryKind::model;
  Subject subject = Subject::collective;
  std::string name;
  std::string unit_id;
  std::vector<std::string> field_ids;
  std::string description;
  std::optional<std::string> person_name;  ///< required for individuals, absent for collectives
  std::vector<Event> events;

  /// State on the day (see EntryState).
  [[nodiscard]] EntryState state_on(Date day) const;
  /// The highest level it was recognised at on or before the day.
  [[nodiscard]] std::optional<Level> level_on(Date day) const;
  friend bool operator==(const Entry&, const Entry&) = default;
};

/// Checks the lifecycle of an entry's events without a registry; throws ValueError with
/// messages such as `entry "x": event 3 (replicated on 2021-05-01) comes before recognition`.
/// Rules: at least one event; exactly one "registered"; dates never decrease; nothing dated
/// before the registration; commended, awarded, replicated, reevaluated and revoked need an
/// earlier recognition; at most one re-evaluation per year, of a year not after its date;
/// nothing after a revocation; the members each type needs are present and the others empty.
void check_events(const Entry& entry);

/// Selects entries. Empty members do not filter. Dates default as documented on Registry.
struct Filter {
  std::optional<std::string> unit_id;  ///< the unit's subtree
  /// false: the entry's unit is within unit_id in the hierarchy as it was (on the as-of day,
  /// or on the last day the entry's unit existed if earlier). true: the entry's unit is mapped
  /// onto the units existing on the as-of day through successor links ("as it is now"); a unit
  /// that ended without successors (the districts in 2025) is carried on by its parent's.
  bool current_units = false;
  std::optional<Date> as_of;
  std::optional<std::string> field_id;
  std::optional<EntryKind> kind;
  std::optional<Subject> subject;
  std::optional<Level> level;  ///< highest recognition level as of the day
  std::optional<int> year;     ///< registered in this year
  std::optional<EntryState> state;
};

/// Dimensions of the statistics table.
enum class StatsDimension : std::uint8_t { field, level, subject, kind };
std::string_view to_string(StatsDimension v) noexcept;
StatsDimension parse_stats_dimension(std::string_view text);  ///< throws ValueError
/// "field,level" -> dimensions; throws ValueError for unknown or repeated names.
std::vector<StatsDimension> parse_stats_dimensions(std::string_view text);

/// The five counts of the report (số lượng).
struct StatsCounts {
  long long registered = 0;  ///< registered during the year
  long long recognised = 0;  ///< recognised (at least once) during the year
  long long effective = 0;   ///< in force at the as-of day: state recognised or effective
  long long commended = 0;   ///< commended or awarded during the year
  long long replicated = 0;  ///< replicated during the year
  friend bool operator==(const StatsCounts&, const StatsCounts&) = default;
};

/// One row: the values of the dimensions (ids: a field id, a Level name or "none", a
/// Subject or EntryKind name) and their Vietnamese labels.
struct StatsRow {
  std::vector<std::string> keys;
  std::vector<std::string> labels;
  StatsCounts current;
  StatsCounts previous;  ///< the same counts for the previous year
  friend bool operator==(const StatsRow&, const StatsRow&) = default;
};

/// What to count.
struct StatsQuery {
  int year = 2020;
  std::optional<Date> as_of;  ///< default: 31/12 of the year; events after it are ignored
  std::optional<std::string> unit_id;
  bool current_units = false;  ///< as in Filter
  std::vector<StatsDimension> by{StatsDimension::field, StatsDimension::level,
                                 StatsDimension::subject};
};

/// The annual report table (bảng thống kê). An entry with several fields counts once in each
/// of its field rows and once in the total. The previous year is counted as of the as-of day
/// one year earlier. Rows are those with any non-zero count, ordered by the dimensions'
/// natural order (fields as declared, levels from central down then "none").
struct StatsTable {
  int year = 0;
  Date as_of;
  std::optional<std::string> unit_id;
  bool current_units = false;
  std::vector<StatsDimension> by;
  std::vector<StatsRow> rows;
  StatsCounts total;
  StatsCounts previous_total;
};

/// Plain-text table (Vietnamese headers, change against the previous year in brackets).
std::string render_stats_text(const StatsTable& table);
/// CSV: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting.
std::string render_stats_csv(const StatsTable& table);

/// A registry: declared fields, the unit hierarchy entries refer to, and entries. Stored
/// compactly (strings in one arena, events packed, names folded for search once), so a loaded
/// registry is smaller in memory than its JSON file. Entries are returned by value.
///
/// Where a query takes an optional as-of day, the default is the date of the latest event in
/// the registry (or 31/12 of the filter's year when one is given).
class Registry {
 public:
  Registry();
  explicit Registry(UnitHierarchy units, std::vector<Field> declared_fields = {});
  ~Registry();
  Registry(Registry&&) noexcept;
  Registry& operator=(Registry&&) noexcept;
  Registry(const Registry&);
  Registry& operator=(const Registry&);

  /// A free-text note about the registry (e.g. that it is sample data).
  [[nodiscard]] const std::optional<std::string>& note() const noexcept;
  void set_note(std::optional<std::string> note);

  /// Declares a field; throws ValueError for a bad or duplicate id or an empty name, or when
  /// 64 fields exist. Only before the first entry is added.
  void declare_field(Field field);
  /// Built-in fields first, then declared ones.
  [[nodiscard]] std::vector<Field> fields() const;
  [[nodiscard]] std::vector<Field> declared_fields() const;
  [[nodiscard]] const UnitHierarchy& units() const noexcept;

  /// Adds an entry after check_events() and checks against the registry: a new valid id,
  /// a known unit existing on the registration day, known fields (at least one, none twice),
  /// a person name exactly for individuals, a non-empty name, known units for "by" and
  /// replication targets. Text is NFC-normalised. Throws ValueError ("entry \"x\": ...");
  /// on a throw the registry is unchanged.
  void add(const Entry& entry);
  /// Appends one event to an existing entry (it must not be dated before its last event);
  /// checks as add() does. Throws ValueError.
  void add_event(std::string_view entry_id, Event event);

  [[nodiscard]] std::size_t size() const noexcept;
  [[nodiscard]] Entry entry(std::size_t index) const;  ///< throws std::out_of_range
  [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const;
  [[nodiscard]] std::string_view id_of(std::size_t index) const;
  [[nodiscard]] std::string_view name_of(std::size_t index) const;
  [[nodiscard]] EntryState state_on(std::size_t index, Date day) const;
  /// Date of the latest event of any entry; nullopt when empty.
  [[nodiscard]] std::optional<Date> latest_event_date() const;

  /// Indexes of the matching entries, in insertion order. Throws ValueError for an unknown
  /// unit or field.
  [[nodiscard]] std::vector<std::size_t> select(const Filter& filter) const;
  /// Entries whose name, person name or description contains the folded query ("dan van
  /// kheo" finds "Dân vận khéo", "dang" finds "Đặng"), in insertion order, at most `limit`.
  [[nodiscard]] std::vector<std::size_t> search(
      std::string_view query, std::size_t limit = static_cast<std::size_t>(-1)) const;
  /// As search(), names only (entry names and person names).
  [[nodiscard]] std::vector<std::size_t> search_names(std::string_view query) const;
  /// Sorts indexes in Vietnamese order: by name, individuals by the person's given name;
  /// with by_date, by registration date first.
  void sort(std::vector<std::size_t>& indexes, bool by_date = false) const;
  /// The annual report table. Throws ValueError for an unknown unit. Computed from partial
  /// aggregates per (unit, year) at base days: 31 December, built on the first query of a year,
  /// and every month end of the year and 31 December of the year before, built on the first
  /// query of the year whose as-of day is nearer to one of them (one walk over every entry
  /// for the year and the previous one; at most 16 years are kept). They are dropped by any
  /// change of the registry. An as-of day is served from the nearest base day; the entries
  /// with events between the base day and the as-of day are recounted. Safe to call from
  /// several threads at once (not concurrently with changes).
  [[nodiscard]] StatsTable stats(const StatsQuery& query) const;
  /// The same table as stats(), counted by walking the events of every selected entry, with no
  /// aggregates: the reference stats() is tested against and the benchmark's baseline.
  [[nodiscard]] StatsTable stats_by_walk(const StatsQuery& query) const;

  /// Releases spare capacity of the storage (the readers call it after loading).
  void shrink_to_fit();
  /// Bytes held by the compact storage (arenas and tables, excluding the unit hierarchy).
  [[nodiscard]] std::size_t storage_bytes() const noexcept;

  friend bool operator==(const Registry& a, const Registry& b);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace danvan
