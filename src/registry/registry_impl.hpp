// Internal: the registry's compact store (Registry::Impl), shared by the store (registry.cpp)
// and the statistics (registry_stats.cpp).
#pragma once

#include "danvan/registry.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace danvan {

namespace detail {

constexpr std::uint32_t none32 = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint8_t none8 = 0xFF;
inline const Date epoch(1400, 1, 1);

inline Date make_date(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}
inline std::uint32_t day_of(Date d) { return static_cast<std::uint32_t>((d - epoch).days()); }
inline Date date_of(std::uint32_t n) {
  return epoch + boost::gregorian::days(static_cast<long>(n));
}

struct Span {
  std::uint32_t off = 0;
  std::uint32_t len = 0;
};

struct Record {
  Span id, name, description, person;
  std::uint64_t fields = 0;  // bit per field; 0: unknown
  std::uint32_t unit = 0;    // owner
  std::uint32_t first_event = 0;
  std::uint32_t reg_day = 0;     // certain day of the first registration
  std::uint32_t places_off = 0;  // into targets
  std::uint16_t event_count = 0;
  std::uint8_t places_count = 0;
  EntryKind kind = EntryKind::model;  // at registration
  Subject subject = Subject::collective;
  bool has_person = false;
};

/// One event. `day` is the day it certainly happened by (see Event); its own date is that day
/// truncated to `precision`.
struct PackedEvent {
  std::uint32_t day = 0;
  std::uint32_t by = none32;        // pool index
  std::uint32_t decision = none32;  // pool index
  std::uint32_t units_off = 0;      // into targets
  std::uint16_t year = 0;           // reevaluated: the year evaluated; recognised: the date's year
  EventType type = EventType::registered;
  std::uint8_t level = none8;
  /// bits 0-1 effective (0 false, 1 true, 2 none), bit 2 proposed (a recognition, commendation
  /// or award not yet decided), bits 3-4 precision.
  std::uint8_t flags = 2;
  std::uint8_t units_count = 0;
  /// recognised: grade index; commended, awarded: form index; promoted: the new kind.
  std::uint8_t value = none8;

  [[nodiscard]] int effective() const noexcept { return flags & 3; }
  [[nodiscard]] bool proposed() const noexcept { return (flags & 4) != 0; }
  [[nodiscard]] DatePrecision precision() const noexcept {
    return static_cast<DatePrecision>((flags >> 3) & 3);
  }
};

/// The first day of an event's own period (its date at its precision).
inline std::uint32_t start_day(const PackedEvent& e) {
  if (e.precision() == DatePrecision::day) return e.day;
  const Date d = date_of(e.day);
  return day_of(e.precision() == DatePrecision::year ? make_date(d.year(), 1, 1)
                                                     : make_date(d.year(), d.month(), 1));
}
/// Whether the event certainly falls in [first, last].
inline bool certainly_in(const PackedEvent& e, std::uint32_t first, std::uint32_t last) {
  return e.day >= first && e.day <= last && start_day(e) >= first;
}

struct UnitInfo {
  std::uint32_t parent = none32;
  std::uint32_t from = 0;
  std::uint32_t to = none32;
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

/// Ids and names declared for one vocabulary (fields, grades, forms): built-in ones first.
template <class T>
struct Vocabulary {
  std::vector<T> items;
  StringMap<std::uint32_t> index;
  std::size_t builtin = 0;

  explicit Vocabulary(const std::vector<T>& builtins) : items(builtins), builtin(builtins.size()) {
    reindex();
  }
  void reindex() {
    index.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
      index.emplace(items[i].id, static_cast<std::uint32_t>(i));
    }
  }
  /// Checks and adds; `what` names the vocabulary in messages ("field", "grade", "form").
  void declare(T item, std::string_view what, std::size_t max);
  [[nodiscard]] std::vector<T> declared() const {
    return {items.begin() + static_cast<std::ptrdiff_t>(builtin), items.end()};
  }
};

// Statistics ---------------------------------------------------------------------------------

/// Level slots of the statistics: central, province, district, commune, unknown (recognised at
/// a level the source does not give), none (not recognised).
constexpr std::size_t level_slots = 6;
constexpr std::size_t unknown_level_slot = 4;
constexpr std::size_t no_level_slot = 5;
/// Subject slots: collective, individual, unknown.
constexpr std::size_t subject_slots = 3;
/// Cells per field: level slot × subject × kind.
constexpr std::size_t cells_per_field = level_slots * subject_slots * 2;
constexpr std::size_t count_kinds = 7;
using CellCounts = std::array<std::int32_t, count_kinds>;

/// A year's counting window: events from `first` to `last` count for the year; nothing after
/// `as_of` is seen.
struct YearWork;  // build_years' work for one year (registry_stats.cpp)

struct YearWindow {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::uint32_t as_of = 0;
  int as_of_year = 0;  ///< the calendar year of as_of (for the recognition validity)
  /// Whether an event must also start on or after `first` (a window not starting on 1 January:
  /// a month or a year event ending inside may have started before).
  bool check_start = false;
};

/// Months between base days of a year's aggregates (see bench/README.md for why months).
constexpr int base_months = 1;
/// Base days of a year's aggregates: 31 December of the year before (0), then the last day of
/// every base_months-th month of the year (the last one is 31 December).
constexpr std::size_t base_count = 12 / base_months + 1;
/// Segments of a unit's aggregates: 0 the full counts as of base day 0, b = 1 .. base_count - 1
/// the change from base day b - 1 to b, base_count the full counts as of 31 December.
constexpr std::size_t segment_count = base_count + 1;

/// One non-zero cell of a segment; counts are signed in change segments.
struct AggregateCell {
  std::uint32_t cell = 0;
  CellCounts counts{};
};

/// Partial statistics of one year per owner unit at the base days, at full resolution: cells
/// 0 .. (F+1)*C-1 are (field * C + (level * 3 + subject) * 2 + kind), field F being "unknown"
/// (an entry counts once per field), cells (F+1)*C .. (F+2)*C-1 the same without the field (an
/// entry counts once), C = cells_per_field.
struct YearAggregates {
  std::array<std::uint32_t, base_count> days{};
  bool months = false;               ///< false: only the last segment (31 December) is filled
  std::vector<std::uint32_t> begin;  // (unit * segment_count + segment) into cells; plus one
  std::vector<AggregateCell> cells;
  /// The last segment (31 December) summed over each subtree of the UnitTree, for the units
  /// with children (the other segments are empty): sub_at[u] is the index in sub_begin of u's
  /// first segment (none32 for a leaf, whose subtree's sums are its own), and [sub_begin[k],
  /// sub_begin[k + 1]) the segment's range in sub_cells.
  std::vector<std::uint32_t> sub_at;
  std::vector<std::uint32_t> sub_begin;
  std::vector<AggregateCell> sub_cells;
  /// As of 31 December: per unit a, the entries replicated into a's subtree during the year
  /// whose owner is outside it, each once, at its cells (replicated counts only);
  /// [rep_begin[a], rep_begin[a + 1]) into rep_cells.
  std::vector<std::uint32_t> rep_begin;
  std::vector<AggregateCell> rep_cells;

  /// The cells of segment `segment` of unit u's own entries, or of its subtree's.
  [[nodiscard]] std::pair<const AggregateCell*, const AggregateCell*> segment(std::uint32_t u,
                                                                              std::size_t segment,
                                                                              bool subtree) const {
    if (subtree && sub_at[u] != none32) {
      const std::size_t k = sub_at[u] + segment;
      return {sub_cells.data() + sub_begin[k], sub_cells.data() + sub_begin[k + 1]};
    }
    const std::size_t at = u * segment_count + segment;
    return {cells.data() + begin[at], cells.data() + begin[at + 1]};
  }
};

/// The units' static tree (parent links) in pre-order, and when each unit first takes part in
/// the statistics. A subtree is a range of `order`, so the aggregates can keep sums per subtree.
struct UnitTree {
  std::vector<std::uint32_t> order;  ///< the units in pre-order, each root followed by its subtree
  std::vector<std::uint32_t> pos;    ///< per unit: its place in order
  std::vector<std::uint32_t> end;    ///< per unit: one past the last place of its subtree
  std::vector<std::uint32_t> roots;  ///< the units without a parent
  /// Per unit: the earliest certain day of an event of an entry it owns or of a replication
  /// into it (none32: none). A unit whose first day is after a query's days counts for nothing
  /// in that query, whether it is included or not.
  std::vector<std::uint32_t> first_day;

  /// Whether every unit is in the tree (parent links without a cycle).
  [[nodiscard]] bool complete() const { return order.size() == pos.size(); }
  [[nodiscard]] bool in_subtree(std::uint32_t u, std::uint32_t root) const {
    return pos[root] <= pos[u] && pos[u] < end[root];
  }
};

/// Every event as (day, record), grouped by the entry's owner unit, by day within a unit.
struct UnitEvents {
  std::vector<std::uint32_t> begin;  // per unit; one more than the units
  std::vector<std::pair<std::uint32_t, std::uint32_t>> day_record;
};

/// Lazily built statistics data; emptied by every change of the registry. A copy starts empty.
struct StatsCache {
  std::mutex mutex;
  std::atomic<bool> filled{false};
  std::map<int, std::shared_ptr<const YearAggregates>> years;
  std::shared_ptr<const UnitEvents> unit_events;
  std::shared_ptr<const UnitTree> tree;
  /// (target unit, record) of every replication, sorted.
  std::shared_ptr<const std::vector<std::pair<std::uint32_t, std::uint32_t>>> replications;

  StatsCache() = default;
  StatsCache(const StatsCache& /*other*/) {}
  StatsCache& operator=(const StatsCache& other) {
    if (this != &other) clear();
    return *this;
  }
  ~StatsCache() = default;
  StatsCache(StatsCache&&) = delete;
  StatsCache& operator=(StatsCache&&) = delete;
  void clear() {
    if (!filled.load(std::memory_order_acquire)) return;
    const std::lock_guard<std::mutex> lock(mutex);
    years.clear();
    unit_events.reset();
    tree.reset();
    replications.reset();
    filled.store(false, std::memory_order_release);
  }
};

/// The folded names and descriptions of the entries that search() scans. Loading a registry
/// does not build them: the first search does, for every entry (under the mutex; searches are
/// const and may run at once), and add() then keeps them up to date. A copy starts unbuilt.
struct SearchIndex {
  std::mutex mutex;
  std::atomic<bool> built{false};
  std::string names;                     // per entry: folded name [+ " " + folded person] + '\n'
  std::string descriptions;              // per entry: folded description + '\n'
  std::vector<std::uint32_t> name_ends;  // end (the '\n') of each entry in names
  std::vector<std::uint32_t> description_ends;

  SearchIndex() = default;
  SearchIndex(const SearchIndex& /*other*/) {}
  SearchIndex& operator=(const SearchIndex& other) {
    if (this != &other) reset();
    return *this;
  }
  ~SearchIndex() = default;
  SearchIndex(SearchIndex&&) = delete;
  SearchIndex& operator=(SearchIndex&&) = delete;
  /// Forgets the folded texts: the next search builds them again.
  void reset() {
    built.store(false, std::memory_order_relaxed);
    names.clear();
    descriptions.clear();
    name_ends.clear();
    description_ends.clear();
  }
  /// Appends one entry's folded texts.
  void append(std::string_view name, const std::string_view* person, std::string_view description);
};

/// An entry's state while its events are walked in order.
struct Walk {
  EntryState state = EntryState::not_registered;
  std::uint8_t level = none8;  // best level slot so far (unknown_level_slot when unknown)
  std::uint8_t kind = 0;
  int anchor = 0;  // year of the latest recognition or effective re-evaluation

  /// The entry after event `e` (the one successor rule of the walk; Impl::walk and the
  /// statistics use it).
  void apply(const PackedEvent& e) noexcept {
    switch (e.type) {
      case EventType::registered:
        if (state == EntryState::not_registered) state = EntryState::registered;
        break;
      case EventType::recognised: {
        if (e.proposed()) break;  // a proposal: no recognition until decided
        state = EntryState::recognised;
        const auto slot =
            static_cast<std::uint8_t>(e.level == none8 ? unknown_level_slot : e.level);
        if (slot < level) level = slot;
        anchor = std::max<int>(anchor, e.year);
        break;
      }
      case EventType::reevaluated:
        state = e.effective() == 1 ? EntryState::effective : EntryState::no_longer_effective;
        if (e.effective() == 1) anchor = std::max<int>(anchor, e.year);
        break;
      case EventType::revoked:
        state = EntryState::revoked;
        break;
      case EventType::promoted:
        kind = e.value;
        break;
      default:
        break;
    }
  }
};

}  // namespace detail

struct Registry::Impl {
  using Record = detail::Record;
  using PackedEvent = detail::PackedEvent;

  std::optional<std::string> note;
  std::vector<ReportedFigure> figures;  // kept apart from the entries (registry_figures.cpp)
  int recognition_years = 0;            // 0: never lapses
  detail::Vocabulary<Field> fields{builtin_fields()};
  detail::Vocabulary<Grade> grades{builtin_grades()};
  detail::Vocabulary<CommendationForm> forms{builtin_forms()};
  UnitHierarchy units;
  std::size_t embedded_units = UnitHierarchy::npos;  // npos: all of them
  /// The units' ids in one buffer (unit u's id ends at unit_id_end[u]) and an open-addressing
  /// table on their hash, (32 bits of the hash << 32) | (position + 1), 0 empty: the look-up
  /// of every unit an entry names (unit_position) reads these few hundred KB, which stay in
  /// cache while a registry loads, instead of comparing with the id inside each Unit. Built by
  /// set_units from `units`, which never changes after.
  std::string unit_ids;
  std::vector<std::uint32_t> unit_id_end;
  std::vector<std::uint64_t> unit_table;
  std::vector<detail::UnitInfo> unit_info;
  std::string folded_unit_names;              // per unit: folded id + " " + name + '\n'
  std::vector<std::uint32_t> unit_name_ends;  // end (the '\n') of each unit

  std::string text;  // ids, names, descriptions, person names
  std::vector<Record> records;
  std::vector<PackedEvent> events;
  std::vector<std::uint32_t> targets;  // replication targets and place units
  std::vector<std::string> pool;
  detail::StringMap<std::uint32_t> pool_index;
  /// Open addressing on the id's hash: (32 bits of the hash << 32) | (record index + 1), 0
  /// empty. The stored hash spares a look at the record's id on most probes and on a rehash.
  std::vector<std::uint64_t> id_table;
  // Room add() reuses from one entry to the next (no allocation per entry).
  std::vector<std::uint32_t> scratch_places;
  std::vector<PackedEvent> scratch_packed;
  std::vector<Date> scratch_days;
  std::vector<std::vector<std::uint32_t>> scratch_targets;
  std::vector<std::vector<std::uint32_t>> by_unit;
  std::uint32_t latest_day = 0;
  // Children by parent, as compressed lists.
  std::vector<std::uint32_t> child_begin, child_list;
  mutable detail::StatsCache stats_cache;
  mutable detail::SearchIndex search_index;

  // store (registry.cpp) ------------------------------------------------------------------
  void set_units(UnitHierarchy h);
  [[nodiscard]] std::string_view view(detail::Span s) const { return {text.data() + s.off, s.len}; }
  detail::Span store(std::string_view s);
  std::uint32_t intern(std::string_view s);
  /// The 32 bits of an id's hash the id table keeps.
  [[nodiscard]] static std::uint32_t id_hash(std::string_view id) noexcept {
    const std::uint64_t h = std::hash<std::string_view>{}(id);
    return static_cast<std::uint32_t>(h ^ (h >> 32U));
  }
  /// The slot of `id` (hash `h`) in id_table, or the empty slot where it would go.
  [[nodiscard]] std::size_t slot_of(std::string_view id, std::uint32_t h) const;
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view id) const;
  /// Puts the last record in id_table (growing it first when it is half full); `slot` is its
  /// empty slot, found before the record was added, unless the table grows.
  void index_last(std::size_t slot, std::uint32_t h);
  /// The search index, built on the first call.
  [[nodiscard]] const detail::SearchIndex& searchable() const;

  [[nodiscard]] bool exists(std::uint32_t u, std::uint32_t day) const {
    return unit_info[u].from <= day && day <= unit_info[u].to;
  }
  [[nodiscard]] bool within(std::uint32_t u, std::uint32_t ancestor, std::uint32_t day) const;
  /// Units whose entries fall under `ancestor` for the query day, as a list in no particular
  /// order (see Filter::current_units).
  [[nodiscard]] std::vector<std::uint32_t> included_unit_list(std::uint32_t ancestor,
                                                              std::uint32_t day,
                                                              bool current) const;
  /// The union of included_unit_list() of the units named (each position once, ascending);
  /// throws ValueError for an unknown unit.
  [[nodiscard]] std::vector<std::uint32_t> included_units(const std::vector<std::string>& ids,
                                                          std::uint32_t day, bool current) const;
  /// A unit's position in `units` (the hierarchy's index: one index of the units, issue 16).
  [[nodiscard]] std::optional<std::uint32_t> unit_position(std::string_view id) const;
  /// Builds unit_ids, unit_id_end and unit_table from `units`.
  void index_unit_ids();
  [[nodiscard]] std::uint32_t unit_at(std::string_view id) const;
  [[nodiscard]] Event event_of(const PackedEvent& p) const;
  [[nodiscard]] Entry entry_of(std::size_t i) const;
  /// Walks the events certain by `day`.
  [[nodiscard]] detail::Walk walk(const Record& r, std::uint32_t day) const;
  [[nodiscard]] EntryState state(const Record& r, std::uint32_t day) const;
  /// Every problem of the entry at once (`duplicate_id`: another entry has its id, reported
  /// with the others, not alone).
  void check_entry(const Entry& e, std::uint64_t& field_mask, std::uint32_t& unit,
                   std::vector<std::uint32_t>& places, bool duplicate_id = false);
  /// Adds to `problems` what the entry's events name that the registry lacks (units, grades,
  /// forms) and their impossible values, each as ("/events/1/by", "event 2 (recognised on ...)
  /// ...").
  void check_event_references(const Entry& e, std::vector<JsonProblem>& problems) const;
  /// What check_entry() finds of an entry that passes: its field mask and unit (its places and
  /// packed events are left in scratch_places, scratch_packed and scratch_targets).
  struct Checked {
    std::uint64_t fields = 0;
    std::uint32_t unit = 0;
  };
  /// check_entry() then pack_events() into the scratch vectors.
  Checked check_and_pack(const Entry& e, bool duplicate);
  /// Sets a record's kind, subject, fields, unit and texts (stored anew) from the entry.
  void set_record(Record& r, const Entry& e, const Checked& c);
  void pack_events(const Entry& e, std::vector<PackedEvent>& packed,
                   std::vector<std::vector<std::uint32_t>>& packed_targets);
  void commit_events(Record& r, const Entry& e, std::vector<PackedEvent>& packed,
                     std::vector<std::vector<std::uint32_t>>& packed_targets);
  /// Checks `e` (the entry at `index` with its events changed) as add() does and stores its
  /// events in place of the entry's; on a throw nothing is changed.
  void replace_events(std::size_t index, const Entry& e);
  /// Adds an entry whose texts are NFC (Registry::add normalises first; a reader that checked
  /// them calls this through detail::RegistryLoad).
  void add(const Entry& e);
  /// Puts `e` (NFC) in place of the entry at `index`, checked as add() checks it on the registry
  /// without that entry; on a throw nothing is changed.
  void replace(std::size_t index, const Entry& e);
  /// Takes the id of record `index` out of id_table (backward-shift deletion).
  void unindex(std::size_t index);
  void find_all(const std::string& haystack, const std::vector<std::uint32_t>& ends,
                std::string_view needle, std::vector<char>& hit) const;

  // statistics (registry_stats.cpp) --------------------------------------------------------
  bool contribution(const Record& r, const detail::YearWindow& w, StatsCounts& c,
                    std::size_t& tail) const;
  [[nodiscard]] std::size_t full_cells() const {
    return (fields.items.size() + 2) * detail::cells_per_field;
  }
  template <class F>
  void each_full_cell(const Record& r, std::size_t tail, F&& f) const {
    const std::size_t nf = fields.items.size();
    if (r.fields == 0) f(nf * detail::cells_per_field + tail);
    for (std::uint64_t bits = r.fields; bits != 0; bits &= bits - 1) {
      const auto field = static_cast<std::size_t>(__builtin_ctzll(bits));
      f(field * detail::cells_per_field + tail);
    }
    f((nf + 1) * detail::cells_per_field + tail);
  }
  [[nodiscard]] std::vector<std::shared_ptr<const detail::YearAggregates>> build_years(
      const std::vector<std::pair<int, bool>>& years, const detail::UnitTree& tree) const;
  // build_years' steps (registry_stats.cpp): an entry's cells of one segment; its counts at a
  // year's base days (returns its cell's tail on 31 December); the units its replications of the
  // year count for; the sums of every subtree.
  void put_entry(detail::YearWork& wk, const Record& r, std::size_t segment, std::size_t tail,
                 const StatsCounts& c, std::int32_t sign) const;
  std::size_t count_entry_in_year(detail::YearWork& wk, const Record& r) const;
  void note_replications(detail::YearWork& wk, const Record& r, std::size_t tail,
                         const detail::UnitTree& tree, std::vector<std::uint32_t>& rep_units) const;
  void sum_subtrees(detail::YearWork& wk, const detail::UnitTree& tree) const;
  [[nodiscard]] std::shared_ptr<const detail::UnitTree> build_unit_tree() const;
  /// The tree (under the cache's mutex: year_aggregates needs it as well).
  [[nodiscard]] std::shared_ptr<const detail::UnitTree> unit_tree() const;
  /// Whether the subtree of `root` counts exactly what `unit_list` counts for every day up to
  /// `last_day`: the units in one and not in the other take no part in the statistics by then.
  [[nodiscard]] static bool same_units(const detail::UnitTree& tree, std::uint32_t root,
                                       const std::vector<std::uint32_t>& unit_list,
                                       std::uint32_t last_day);
  [[nodiscard]] std::shared_ptr<const detail::UnitEvents> build_unit_events() const;
  [[nodiscard]] std::vector<std::shared_ptr<const detail::YearAggregates>> year_aggregates(
      const std::vector<std::pair<int, bool>>& wanted) const;
  [[nodiscard]] std::shared_ptr<const detail::UnitEvents> unit_events() const;
  [[nodiscard]] std::shared_ptr<const std::vector<std::pair<std::uint32_t, std::uint32_t>>>
  replications() const;
  /// Adds the counts of the entries of `unit_list` in window `w` to `full`; with `cover` (units
  /// whose subtrees count the same, see same_units), from the subtrees' sums.
  void aggregate(const detail::YearAggregates& a, const detail::YearWindow& w,
                 const std::vector<std::uint32_t>& unit_list,
                 const std::vector<std::uint32_t>* cover, std::vector<StatsCounts>& full) const;
  /// Adds the replications into the subtree of `root` from owners outside it, as
  /// add_replications_into counts them, from the aggregates; false (nothing added) when they
  /// do not hold them for `w` (an as-of day other than 31 December of the aggregates' year).
  bool add_subtree_replications(const detail::YearAggregates& a, const detail::YearWindow& w,
                                std::uint32_t root, std::vector<StatsCounts>& full) const;
  /// The table of a StatsQuery with a period: a walk over the included units' entries.
  [[nodiscard]] StatsTable period_stats(const StatsQuery& query) const;
  void add_replications_into(const detail::YearWindow& w,
                             const std::vector<std::uint32_t>& unit_list,
                             std::vector<StatsCounts>& full) const;
};

}  // namespace danvan
