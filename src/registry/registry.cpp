#include "danvan/registry.hpp"

#include "base/enum_names.hpp"
#include "danvan/error.hpp"
#include "danvan/instrument.hpp"
#include "danvan/text.hpp"
#include "registry/registry_fold.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace danvan {

// ---------------------------------------------------------------------------------------------
// Enumerations

namespace {

constexpr std::array<std::string_view, 2> kind_names{"model", "exemplar"};
constexpr std::array<std::string_view, 2> kind_vi{"mô hình", "điển hình"};
constexpr std::array<std::string_view, 2> subject_names{"collective", "individual"};
constexpr std::array<std::string_view, 2> subject_vi{"tập thể", "cá nhân"};
constexpr std::array<std::string_view, 7> event_names{
    "registered", "recognised", "commended", "awarded", "replicated", "reevaluated", "revoked"};
constexpr std::array<std::string_view, 7> event_vi{
    "đăng ký", "công nhận", "biểu dương", "khen thưởng", "nhân rộng", "đánh giá lại", "hủy bỏ"};
constexpr std::array<std::string_view, 6> state_names{
    "not_registered", "registered", "recognised", "effective", "no_longer_effective", "revoked"};
constexpr std::array<std::string_view, 6> state_vi{"chưa đăng ký",       "đã đăng ký",
                                                   "đã công nhận",       "còn hiệu quả",
                                                   "không còn hiệu quả", "đã hủy bỏ"};
constexpr std::array<std::string_view, 4> dimension_names{"field", "level", "subject", "kind"};

}  // namespace

std::string_view to_string(EntryKind v) noexcept { return detail::enum_name(kind_names, v); }
std::string_view to_string(Subject v) noexcept { return detail::enum_name(subject_names, v); }
std::string_view to_string(EventType v) noexcept { return detail::enum_name(event_names, v); }
std::string_view to_string(EntryState v) noexcept { return detail::enum_name(state_names, v); }
std::string_view to_string(StatsDimension v) noexcept {
  return detail::enum_name(dimension_names, v);
}
EntryKind parse_entry_kind(std::string_view text) {
  return detail::parse_enum_name<EntryKind>(text, kind_names, "entry kind");
}
Subject parse_subject(std::string_view text) {
  return detail::parse_enum_name<Subject>(text, subject_names, "subject");
}
EventType parse_event_type(std::string_view text) {
  return detail::parse_enum_name<EventType>(text, event_names, "event type");
}
EntryState parse_entry_state(std::string_view text) {
  return detail::parse_enum_name<EntryState>(text, state_names, "state");
}
StatsDimension parse_stats_dimension(std::string_view text) {
  return detail::parse_enum_name<StatsDimension>(text, dimension_names, "dimension");
}
std::vector<StatsDimension> parse_stats_dimensions(std::string_view text) {
  std::vector<StatsDimension> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const auto part =
        text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
    const StatsDimension d = parse_stats_dimension(part);
    if (std::find(out.begin(), out.end(), d) != out.end()) {
      throw ValueError("dimension \"" + std::string(part) + "\" is listed twice");
    }
    out.push_back(d);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}
std::string_view vietnamese_name(EntryKind v) noexcept { return detail::enum_name(kind_vi, v); }
std::string_view vietnamese_name(Subject v) noexcept { return detail::enum_name(subject_vi, v); }
std::string_view vietnamese_name(EventType v) noexcept { return detail::enum_name(event_vi, v); }
std::string_view vietnamese_name(EntryState v) noexcept { return detail::enum_name(state_vi, v); }

const std::vector<Field>& builtin_fields() {
  static const std::vector<Field> fields{
      {"kinh-te", "kinh tế"},
      {"van-hoa-xa-hoi", "văn hóa – xã hội"},
      {"quoc-phong-an-ninh", "quốc phòng – an ninh"},
      {"xay-dung-he-thong-chinh-tri", "xây dựng hệ thống chính trị"},
  };
  return fields;
}

std::string describe(const Event& event) {
  return std::string(to_string(event.type)) + " on " +
         (event.date.is_special() ? std::string("?") : to_iso(event.date));
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

namespace {

std::string event_label(const Entry& entry, std::size_t i) {
  return "entry \"" + entry.id + "\": event " + std::to_string(i + 1) + " (" +
         describe(entry.events[i]) + ")";
}

bool needs_recognition(EventType t) {
  return t == EventType::commended || t == EventType::awarded || t == EventType::replicated ||
         t == EventType::reevaluated || t == EventType::revoked;
}

void check_members(const Entry& entry, std::size_t i) {
  const Event& e = entry.events[i];
  const auto fail = [&](const std::string& why) {
    throw ValueError(event_label(entry, i) + " " + why);
  };
  const bool recognised = e.type == EventType::recognised;
  const bool decision_ok = recognised || e.type == EventType::commended ||
                           e.type == EventType::awarded || e.type == EventType::revoked;
  const bool replicated = e.type == EventType::replicated;
  const bool reevaluated = e.type == EventType::reevaluated;
  if (e.date.is_special()) fail("has no date");
  if (recognised && !e.level) fail("has no level");
  if (!recognised && e.level) fail("must not have a level");
  if (!recognised && e.by) fail("must not have \"by\"");
  if (!decision_ok && e.decision) fail("must not have a decision");
  if (replicated && e.unit_ids.empty()) fail("names no unit");
  if (!replicated && !e.unit_ids.empty()) fail("must not have units");
  if (reevaluated && !e.year) fail("has no year");
  if (reevaluated && !e.effective) fail("has no \"effective\"");
  if (!reevaluated && e.year) fail("must not have a year");
  if (!reevaluated && e.effective) fail("must not have \"effective\"");
  if (e.decision && squeeze_spaces(*e.decision).empty()) fail("has an empty decision");
  for (std::size_t k = 0; k < e.unit_ids.size(); ++k) {
    for (std::size_t m = 0; m < k; ++m) {
      if (e.unit_ids[m] == e.unit_ids[k]) fail("lists unit \"" + e.unit_ids[k] + "\" twice");
    }
  }
}

}  // namespace

void check_events(const Entry& entry) {
  const auto& ev = entry.events;
  const std::string who = "entry \"" + entry.id + "\": ";
  if (ev.empty()) throw ValueError(who + "no events; the first must be \"registered\"");
  std::size_t reg = ev.size();
  for (std::size_t i = 0; i < ev.size(); ++i) {
    if (ev[i].type == EventType::registered) {
      reg = i;
      break;
    }
  }
  if (reg == ev.size()) throw ValueError(who + "no \"registered\" event");
  for (std::size_t i = 0; i < ev.size(); ++i) check_members(entry, i);
  const Date reg_day = ev[reg].date;
  for (std::size_t i = 0; i < reg; ++i) {
    if (ev[i].date < reg_day) {
      throw ValueError(event_label(entry, i) + " is dated before registration (" + to_iso(reg_day) +
                       ")");
    }
    throw ValueError(event_label(entry, i) + " comes before registration");
  }
  bool recognised = false;
  std::optional<std::size_t> revoked;
  std::map<int, std::size_t> evaluated;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const Event& e = ev[i];
    if (i > 0 && e.date < ev[i - 1].date) {
      throw ValueError(event_label(entry, i) + " is dated before event " + std::to_string(i) +
                       " (" + describe(ev[i - 1]) + ")");
    }
    if (revoked) {
      throw ValueError(event_label(entry, i) + " comes after revocation (" +
                       to_iso(ev[*revoked].date) + ")");
    }
    if (i > reg && e.type == EventType::registered) {
      throw ValueError(event_label(entry, i) + " registers the entry again");
    }
    if (needs_recognition(e.type) && !recognised) {
      throw ValueError(event_label(entry, i) + " comes before recognition");
    }
    if (e.type == EventType::recognised) recognised = true;
    if (e.type == EventType::revoked) revoked = i;
    if (e.type == EventType::reevaluated) {
      const int y = *e.year;
      if (y > e.date.year()) {
        throw ValueError(event_label(entry, i) + " evaluates " + std::to_string(y) +
                         ", a later year");
      }
      if (y < reg_day.year()) {
        throw ValueError(event_label(entry, i) + " evaluates " + std::to_string(y) +
                         ", before the registration year " + std::to_string(reg_day.year()));
      }
      const auto [it, fresh] = evaluated.emplace(y, i);
      if (!fresh) {
        throw ValueError(who + "re-evaluated twice in " + std::to_string(y) + " (events " +
                         std::to_string(it->second + 1) + " and " + std::to_string(i + 1) + ")");
      }
    }
  }
}

EntryState Entry::state_on(Date day) const {
  EntryState s = EntryState::not_registered;
  for (const auto& e : events) {
    if (e.date > day) break;
    switch (e.type) {
      case EventType::registered:
        s = EntryState::registered;
        break;
      case EventType::recognised:
        s = EntryState::recognised;
        break;
      case EventType::reevaluated:
        s = e.effective.value_or(false) ? EntryState::effective : EntryState::no_longer_effective;
        break;
      case EventType::revoked:
        s = EntryState::revoked;
        break;
      default:
        break;
    }
  }
  return s;
}

std::optional<Level> Entry::level_on(Date day) const {
  std::optional<Level> best;
  for (const auto& e : events) {
    if (e.date > day) break;
    if (e.type == EventType::recognised && e.level && (!best || *e.level < *best)) best = e.level;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Registry storage

namespace {

constexpr std::uint32_t none32 = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint8_t no_level = 0xFF;
const Date epoch(1400, 1, 1);

Date make_date(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

std::uint32_t day_of(Date d) { return static_cast<std::uint32_t>((d - epoch).days()); }
Date date_of(std::uint32_t n) { return epoch + boost::gregorian::days(static_cast<long>(n)); }

struct Span {
  std::uint32_t off = 0;
  std::uint32_t len = 0;
};

struct Record {
  Span id, name, description, person;
  std::uint64_t fields = 0;
  std::uint32_t unit = 0;
  std::uint32_t first_event = 0;
  std::uint32_t reg_day = 0;
  std::uint16_t event_count = 0;
  EntryKind kind = EntryKind::model;
  Subject subject = Subject::collective;
  bool has_person = false;
};

struct PackedEvent {
  std::uint32_t day = 0;
  std::uint32_t by = none32;        // pool index
  std::uint32_t decision = none32;  // pool index
  std::uint32_t units_off = 0;      // into targets
  std::uint16_t year = 0;
  EventType type = EventType::registered;
  std::uint8_t level = no_level;
  std::uint8_t effective = 2;  // 0 false, 1 true, 2 none
  std::uint8_t units_count = 0;
};

struct UnitInfo {
  std::uint32_t parent = none32;
  std::uint32_t from = 0;
  std::uint32_t to = none32;
  std::vector<std::uint32_t> successors;
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

// Statistics ---------------------------------------------------------------------------------

constexpr std::size_t level_slots = 5;  // central, province, district, commune, none

/// A year's counting window: events from `first` to `last` count for the year; nothing after
/// `as_of` is seen.
struct YearWindow {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::uint32_t as_of = 0;
};

/// Months between base days of a year's aggregates (see bench/README.md for why months).
constexpr int base_months = 1;
/// Base days of a year's aggregates: 31 December of the year before (0), then the last day of
/// every base_months-th month of the year (the last one is 31 December).
constexpr std::size_t base_count = 12 / base_months + 1;
/// Segments of a unit's aggregates: 0 the full counts as of base day 0, b = 1 .. base_count - 1
/// the change from base day b - 1 to b, base_count the full counts as of 31 December (so a day
/// late in the year is reached from 31 December backwards, an early one from the start
/// forwards).
constexpr std::size_t segment_count = base_count + 1;

/// One non-zero cell of a segment (see YearAggregates); counts are signed in change segments.
struct AggregateCell {
  std::uint32_t cell = 0;
  std::array<std::int32_t, 5> counts{};  // registered, recognised, effective, commended, replicated
};

/// Partial statistics of one year per unit (the unit an entry belongs to) at the base days, at
/// full resolution: cells 0 .. F*20-1 are ((field * 5 + level) * 2 + subject) * 2 + kind (an
/// entry counts once per field), cells F*20 .. F*20+19 the same without the field (an entry
/// counts once). Any grouping of a table is a projection of these.
struct YearAggregates {
  std::array<std::uint32_t, base_count> days{};
  /// false: only the last segment (31 December) is filled; the month ends are built when a
  /// query first needs them.
  bool months = false;
  std::vector<std::uint32_t> begin;  // (unit * segment_count + segment) into cells; plus one
  std::vector<AggregateCell> cells;
};

/// The base days of a year (see base_count).
std::array<std::uint32_t, base_count> base_days_of(int year) {
  std::array<std::uint32_t, base_count> days{};
  days[0] = day_of(make_date(year - 1, 12, 31));
  for (std::size_t b = 1; b < base_count; ++b) {
    days[b] = day_of(make_date(year, static_cast<int>(b) * base_months, 1).end_of_month());
  }
  return days;
}

/// The index of the base day nearest to `day` (the earlier one on a tie).
std::size_t nearest_base(const std::array<std::uint32_t, base_count>& days, std::uint32_t day) {
  const auto distance = [&](std::size_t b) {
    return days[b] > day ? days[b] - day : day - days[b];
  };
  std::size_t base = 0;
  for (std::size_t b = 1; b < base_count; ++b) {
    if (distance(b) < distance(base)) base = b;
  }
  return base;
}

/// Every event as (day, record), grouped by the entry's unit, by day within a unit: finds the
/// entries whose contribution differs between a base day and another as-of day.
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
    filled.store(false, std::memory_order_release);
  }
};

void add_counts(StatsCounts& t, const StatsCounts& c) {
  t.registered += c.registered;
  t.recognised += c.recognised;
  t.effective += c.effective;
  t.commended += c.commended;
  t.replicated += c.replicated;
}
void subtract_counts(StatsCounts& t, const StatsCounts& c) {
  t.registered -= c.registered;
  t.recognised -= c.recognised;
  t.effective -= c.effective;
  t.commended -= c.commended;
  t.replicated -= c.replicated;
}

}  // namespace

struct Registry::Impl {
  std::optional<std::string> note;
  std::vector<Field> fields = builtin_fields();
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> field_index;
  UnitHierarchy units;
  std::vector<UnitInfo> unit_info;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> unit_index;

  std::string text;                      // ids, names, descriptions, person names
  std::string folded_names;              // per entry: folded name [+ " " + folded person] + '\n'
  std::string folded_descriptions;       // per entry: folded description + '\n'
  std::vector<std::uint32_t> name_ends;  // end (the '\n') of each entry in folded_names
  std::vector<std::uint32_t> description_ends;
  std::vector<Record> records;
  std::vector<PackedEvent> events;
  std::vector<std::uint32_t> targets;
  std::vector<std::string> pool;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> pool_index;
  std::vector<std::uint32_t> id_table;  // open addressing: record index + 1, 0 empty
  std::vector<std::vector<std::uint32_t>> by_unit;
  std::uint32_t latest_day = 0;
  // Static unit links as compressed lists: children by parent, predecessors by successor.
  std::vector<std::uint32_t> child_begin, child_list, pred_begin, pred_list;
  mutable StatsCache stats_cache;

  Impl() { index_fields(); }

  void index_fields() {
    field_index.clear();
    for (std::size_t i = 0; i < fields.size(); ++i) {
      field_index.emplace(fields[i].id, static_cast<std::uint32_t>(i));
    }
  }

  void set_units(UnitHierarchy h) {
    units = std::move(h);
    unit_info.clear();
    unit_index.clear();
    const auto& us = units.units();
    unit_info.resize(us.size());
    for (std::size_t i = 0; i < us.size(); ++i) {
      unit_index.emplace(us[i].id, static_cast<std::uint32_t>(i));
    }
    for (std::size_t i = 0; i < us.size(); ++i) {
      auto& info = unit_info[i];
      if (us[i].parent_id) info.parent = unit_index.at(*us[i].parent_id);
      if (us[i].valid_from) info.from = day_of(*us[i].valid_from);
      if (us[i].valid_to) info.to = day_of(*us[i].valid_to);
      for (const auto& s : us[i].successor_ids) info.successors.push_back(unit_index.at(s));
    }
    by_unit.assign(us.size(), {});
    const auto n = unit_info.size();
    const auto compress = [n](std::vector<std::uint32_t>& begin, std::vector<std::uint32_t>& list,
                              const auto& each_link) {
      begin.assign(n + 1, 0);
      each_link([&](std::uint32_t from, std::uint32_t) { ++begin[from + 1]; });
      for (std::size_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
      list.assign(begin[n], 0);
      std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
      each_link([&](std::uint32_t from, std::uint32_t to) { list[fill[from]++] = to; });
    };
    compress(child_begin, child_list, [&](const auto& link) {
      for (std::uint32_t u = 0; u < n; ++u) {
        if (unit_info[u].parent != none32) link(unit_info[u].parent, u);
      }
    });
    compress(pred_begin, pred_list, [&](const auto& link) {
      for (std::uint32_t u = 0; u < n; ++u) {
        for (const auto s : unit_info[u].successors) link(s, u);
      }
    });
  }

  [[nodiscard]] std::string_view view(Span s) const { return {text.data() + s.off, s.len}; }

  Span store(std::string_view s) {
    if (text.size() + s.size() > none32) throw ValueError("registry text exceeds 4 GiB");
    Span out{static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(s.size())};
    text.append(s);
    return out;
  }

  std::uint32_t intern(std::string_view s) {
    const auto it = pool_index.find(s);
    if (it != pool_index.end()) return it->second;
    const auto n = static_cast<std::uint32_t>(pool.size());
    pool.emplace_back(s);
    pool_index.emplace(std::string(s), n);
    return n;
  }

  // id table -------------------------------------------------------------------------------
  [[nodiscard]] std::size_t slot_of(std::string_view id) const {
    const std::size_t mask = id_table.size() - 1;
    std::size_t h = std::hash<std::string_view>{}(id)&mask;
    while (id_table[h] != 0 && view(records[id_table[h] - 1].id) != id) h = (h + 1) & mask;
    return h;
  }
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view id) const {
    if (id_table.empty()) return std::nullopt;
    const std::uint32_t v = id_table[slot_of(id)];
    if (v == 0) return std::nullopt;
    return v - 1;
  }
  void index_id(std::uint32_t record) {
    if ((records.size() + 1) * 2 > id_table.size()) {
      std::vector<std::uint32_t> old = std::move(id_table);
      id_table.assign(std::max<std::size_t>(64, old.size() * 2), 0);
      for (const auto v : old) {
        if (v != 0) id_table[slot_of(view(records[v - 1].id))] = v;
      }
    }
    id_table[slot_of(view(records[record].id))] = record + 1;
  }

  // units ----------------------------------------------------------------------------------
  [[nodiscard]] bool exists(std::uint32_t u, std::uint32_t day) const {
    return unit_info[u].from <= day && day <= unit_info[u].to;
  }
  [[nodiscard]] bool within(std::uint32_t u, std::uint32_t ancestor, std::uint32_t day) const {
    if (!exists(u, day)) return false;
    while (u != none32) {
      if (u == ancestor) return true;
      u = unit_info[u].parent;
      if (u != none32 && !exists(u, day)) return false;
    }
    return false;
  }
  void successors(std::uint32_t u, std::uint32_t day, std::vector<std::uint32_t>& out,
                  std::vector<char>& seen) const {
    if (seen[u] != 0) return;
    seen[u] = 1;
    if (exists(u, day)) {
      out.push_back(u);
      return;
    }
    if (unit_info[u].successors.empty()) {
      // Dissolved without successor (the district level in 2025): its parent carries it on.
      if (unit_info[u].parent != none32 && unit_info[u].to < day) {
        successors(unit_info[u].parent, day, out, seen);
      }
      return;
    }
    for (const auto s : unit_info[u].successors) successors(s, day, out, seen);
  }
  /// Units whose entries fall under `ancestor` for the query day.
  [[nodiscard]] std::vector<char> included_units(std::uint32_t ancestor, std::uint32_t day,
                                                 bool current) const {
    std::vector<char> inc(unit_info.size(), 0);
    std::vector<std::uint32_t> succ;
    std::vector<char> seen(unit_info.size(), 0);
    for (std::uint32_t u = 0; u < unit_info.size(); ++u) {
      if (!current) {
        const std::uint32_t d = std::min(day, unit_info[u].to);
        inc[u] = within(u, ancestor, d) ? 1 : 0;
      } else {
        succ.clear();
        std::fill(seen.begin(), seen.end(), 0);
        successors(u, day, succ, seen);
        for (const auto s : succ) {
          if (within(s, ancestor, day)) inc[u] = 1;
        }
      }
    }
    return inc;
  }
  /// The same units as included_units(), as a list in no particular order, found from the
  /// ancestor's subtree (and, for current units, backwards through predecessor links and the
  /// dissolved children a parent carries on) instead of from every unit.
  [[nodiscard]] std::vector<std::uint32_t> included_unit_list(std::uint32_t ancestor,
                                                              std::uint32_t day,
                                                              bool current) const {
    std::vector<std::uint32_t> subtree{ancestor};
    for (std::size_t k = 0; k < subtree.size(); ++k) {
      const std::uint32_t u = subtree[k];
      for (std::uint32_t c = child_begin[u]; c < child_begin[u + 1]; ++c) {
        subtree.push_back(child_list[c]);
      }
    }
    std::vector<std::uint32_t> out;
    if (!current) {
      for (const auto u : subtree) {
        if (within(u, ancestor, std::min(day, unit_info[u].to))) out.push_back(u);
      }
      return out;
    }
    // A unit is included when following its successors (or, dissolved without successors, its
    // parent) reaches a unit existing on the day within the ancestor: search backwards from
    // those.
    std::vector<char> seen(unit_info.size(), 0);
    for (const auto u : subtree) {
      if (within(u, ancestor, day)) {
        seen[u] = 1;
        out.push_back(u);
      }
    }
    for (std::size_t k = 0; k < out.size(); ++k) {
      const std::uint32_t v = out[k];
      for (std::uint32_t i = pred_begin[v]; i < pred_begin[v + 1]; ++i) {
        const std::uint32_t p = pred_list[i];
        if (seen[p] == 0 && !exists(p, day)) {
          seen[p] = 1;
          out.push_back(p);
        }
      }
      for (std::uint32_t i = child_begin[v]; i < child_begin[v + 1]; ++i) {
        const std::uint32_t c = child_list[i];
        if (seen[c] == 0 && unit_info[c].successors.empty() && !exists(c, day) &&
            unit_info[c].to < day) {
          seen[c] = 1;
          out.push_back(c);
        }
      }
    }
    return out;
  }
  [[nodiscard]] std::uint32_t unit_at(std::string_view id) const {
    const auto it = unit_index.find(id);
    if (it == unit_index.end()) throw ValueError("unknown unit \"" + std::string(id) + "\"");
    return it->second;
  }

  // entries --------------------------------------------------------------------------------
  [[nodiscard]] Event event_of(const PackedEvent& p) const {
    Event e;
    e.type = p.type;
    e.date = date_of(p.day);
    if (p.level != no_level) e.level = static_cast<Level>(p.level);
    if (p.by != none32) e.by = pool[p.by];
    if (p.decision != none32) e.decision = pool[p.decision];
    for (std::uint32_t k = 0; k < p.units_count; ++k) {
      e.unit_ids.push_back(units.units()[targets[p.units_off + k]].id);
    }
    if (p.type == EventType::reevaluated) {
      e.year = p.year;
      e.effective = p.effective == 1;
    }
    return e;
  }

  [[nodiscard]] Entry entry_of(std::size_t i) const {
    const Record& r = records.at(i);
    Entry e;
    e.id = view(r.id);
    e.kind = r.kind;
    e.subject = r.subject;
    e.name = view(r.name);
    e.unit_id = units.units()[r.unit].id;
    for (std::size_t f = 0; f < fields.size(); ++f) {
      if ((r.fields >> f) & 1U) e.field_ids.push_back(fields[f].id);
    }
    e.description = view(r.description);
    if (r.has_person) e.person_name = std::string(view(r.person));
    for (std::uint32_t k = 0; k < r.event_count; ++k) {
      e.events.push_back(event_of(events[r.first_event + k]));
    }
    return e;
  }

  [[nodiscard]] EntryState state(const Record& r, std::uint32_t day) const {
    EntryState s = EntryState::not_registered;
    for (std::uint32_t k = 0; k < r.event_count; ++k) {
      const PackedEvent& e = events[r.first_event + k];
      if (e.day > day) break;
      switch (e.type) {
        case EventType::registered:
          s = EntryState::registered;
          break;
        case EventType::recognised:
          s = EntryState::recognised;
          break;
        case EventType::reevaluated:
          s = e.effective == 1 ? EntryState::effective : EntryState::no_longer_effective;
          break;
        case EventType::revoked:
          s = EntryState::revoked;
          break;
        default:
          break;
      }
    }
    return s;
  }

  [[nodiscard]] std::uint8_t level(const Record& r, std::uint32_t day) const {
    std::uint8_t best = no_level;
    for (std::uint32_t k = 0; k < r.event_count; ++k) {
      const PackedEvent& e = events[r.first_event + k];
      if (e.day > day) break;
      if (e.type == EventType::recognised && e.level < best) best = e.level;
    }
    return best;
  }

  // statistics -----------------------------------------------------------------------------
  /// One event's effect on an entry's state, highest recognition level and the counts of the
  /// year being tabulated (`in_year`: the event is dated inside that year). stats_by_walk()
  /// keeps its own copy of these rules on purpose: the tests use it as an independent oracle.
  static void apply_event(const PackedEvent& e, bool in_year, EntryState& s, std::uint8_t& lvl,
                          StatsCounts& c) noexcept {
    switch (e.type) {
      case EventType::registered:
        s = EntryState::registered;
        if (in_year) c.registered = 1;
        break;
      case EventType::recognised:
        s = EntryState::recognised;
        if (e.level < lvl) lvl = e.level;
        if (in_year) c.recognised = 1;
        break;
      case EventType::commended:
      case EventType::awarded:
        if (in_year) c.commended = 1;
        break;
      case EventType::replicated:
        if (in_year) c.replicated = 1;
        break;
      case EventType::reevaluated:
        s = e.effective == 1 ? EntryState::effective : EntryState::no_longer_effective;
        break;
      case EventType::revoked:
        s = EntryState::revoked;
        break;
    }
  }

  /// What an entry adds to a year's table: false when nothing. level_slot is the highest
  /// recognition level as of the window's day (4: none).
  bool contribution(const Record& r, const YearWindow& w, StatsCounts& c,
                    std::size_t& level_slot) const {
    c = StatsCounts{};
    if (r.reg_day > w.as_of) return false;
    std::uint8_t lvl = no_level;
    EntryState s = EntryState::not_registered;
    for (std::uint32_t k = 0; k < r.event_count; ++k) {
      const PackedEvent& e = events[r.first_event + k];
      if (e.day > w.as_of) break;
      const bool in_year = e.day >= w.first && e.day <= w.last;
      apply_event(e, in_year, s, lvl, c);
    }
    c.effective = s == EntryState::recognised || s == EntryState::effective ? 1 : 0;
    level_slot = lvl == no_level ? 4 : lvl;
    return !(c == StatsCounts{});
  }

  [[nodiscard]] std::size_t full_cells() const { return (fields.size() + 1) * level_slots * 4; }

  /// Calls f(cell) for the full-resolution cells (see YearAggregates) an entry counts in.
  template <class F>
  void each_full_cell(const Record& r, std::size_t level_slot, F&& f) const {
    const std::size_t tail = (level_slot * 2 + static_cast<std::size_t>(r.subject)) * 2 +
                             static_cast<std::size_t>(r.kind);
    for (std::uint64_t bits = r.fields; bits != 0; bits &= bits - 1) {
      const auto field = static_cast<std::size_t>(__builtin_ctzll(bits));
      f(field * level_slots * 4 + tail);
    }
    f(fields.size() * level_slots * 4 + tail);
  }

  [[nodiscard]] static YearWindow year_end_window(int year) {
    const std::uint32_t last = day_of(make_date(year, 12, 31));
    return {day_of(make_date(year, 1, 1)), last, last};
  }

  /// The aggregates of several years (year, with the month ends or 31 December only) in one
  /// pass over the entries (each entry's events are read once for all of them).
  [[nodiscard]] std::vector<std::shared_ptr<const YearAggregates>> build_years(
      const std::vector<std::pair<int, bool>>& years) const {
    using Counts = std::array<std::int32_t, 5>;
    const std::size_t nc = full_cells();
    struct Work {
      YearWindow window;
      std::shared_ptr<YearAggregates> out;
      std::vector<Counts> dense;  // segment * nc + cell
      std::vector<std::uint32_t> touched;
      std::vector<char> is_touched;
    };
    std::vector<Work> work(years.size());
    for (std::size_t y = 0; y < years.size(); ++y) {
      Work& wk = work[y];
      wk.window = year_end_window(years[y].first);
      wk.out = std::make_shared<YearAggregates>();
      wk.out->days = base_days_of(years[y].first);
      wk.out->months = years[y].second;
      wk.out->begin.reserve(unit_info.size() * segment_count + 1);
      wk.out->begin.push_back(0);
      wk.dense.assign(segment_count * nc, Counts{});
      wk.is_touched.assign(nc, 0);
    }
    // Adds sign * c to the cells of an entry in one segment.
    const auto put = [&](Work& wk, const Record& r, std::size_t segment, std::size_t level_slot,
                         const StatsCounts& c, std::int32_t sign) {
      each_full_cell(r, level_slot, [&](std::size_t cell) {
        Counts& d = wk.dense[segment * nc + cell];
        d[0] += sign * static_cast<std::int32_t>(c.registered);
        d[1] += sign * static_cast<std::int32_t>(c.recognised);
        d[2] += sign * static_cast<std::int32_t>(c.effective);
        d[3] += sign * static_cast<std::int32_t>(c.commended);
        d[4] += sign * static_cast<std::int32_t>(c.replicated);
        if (wk.is_touched[cell] == 0) {
          wk.is_touched[cell] = 1;
          wk.touched.push_back(static_cast<std::uint32_t>(cell));
        }
      });
    };
    for (std::size_t u = 0; u < unit_info.size(); ++u) {
      for (const auto i : by_unit[u]) {
        const Record& r = records[i];
        const PackedEvent* ev = events.data() + r.first_event;
        for (Work& wk : work) {
          const auto& days = wk.out->days;
          if (r.reg_day > days[base_count - 1]) continue;
          // The entry's contribution at each base day, as contribution() counts it, from one
          // walk over its events; only changes are recorded.
          StatsCounts c;
          EntryState s = EntryState::not_registered;
          std::uint8_t lvl = no_level;
          StatsCounts prev;
          std::size_t prev_slot = 4;
          std::uint32_t k = 0;
          const bool months = wk.out->months;
          for (std::size_t b = months ? 0 : base_count - 1; b < base_count; ++b) {
            for (; k < r.event_count && ev[k].day <= days[b]; ++k) {
              const PackedEvent& e = ev[k];
              const bool in_year = e.day >= wk.window.first;
              apply_event(e, in_year, s, lvl, c);
            }
            c.effective = s == EntryState::recognised || s == EntryState::effective ? 1 : 0;
            const std::size_t slot = lvl == no_level ? 4 : lvl;
            if (!months) {
              // 31 December only: the last segment, below.
            } else if (b == 0) {
              if (!(c == StatsCounts{})) put(wk, r, 0, slot, c, 1);
            } else if (!(c == prev) || (slot != prev_slot && !(c == StatsCounts{}))) {
              if (!(prev == StatsCounts{})) put(wk, r, b, prev_slot, prev, -1);
              if (!(c == StatsCounts{})) put(wk, r, b, slot, c, 1);
            }
            prev = c;
            prev_slot = slot;
            if (k == r.event_count) break;  // no later change
          }
          if (!(prev == StatsCounts{})) put(wk, r, segment_count - 1, prev_slot, prev, 1);
        }
      }
      for (Work& wk : work) {
        std::sort(wk.touched.begin(), wk.touched.end());
        for (std::size_t segment = 0; segment < segment_count; ++segment) {
          for (const auto cell : wk.touched) {
            Counts& d = wk.dense[segment * nc + cell];
            if (d != Counts{}) wk.out->cells.push_back({cell, d});
            d = {};
          }
          wk.out->begin.push_back(static_cast<std::uint32_t>(wk.out->cells.size()));
        }
        for (const auto cell : wk.touched) wk.is_touched[cell] = 0;
        wk.touched.clear();
      }
    }
    std::vector<std::shared_ptr<const YearAggregates>> out;
    for (Work& wk : work) {
      wk.out->cells.shrink_to_fit();
      out.push_back(std::move(wk.out));
    }
    return out;
  }

  [[nodiscard]] std::shared_ptr<const UnitEvents> build_unit_events() const {
    auto ue = std::make_shared<UnitEvents>();
    ue->begin.assign(unit_info.size() + 1, 0);
    for (std::size_t u = 0; u < unit_info.size(); ++u) {
      std::uint32_t n = 0;
      for (const auto i : by_unit[u]) n += records[i].event_count;
      ue->begin[u + 1] = ue->begin[u] + n;
    }
    ue->day_record.reserve(ue->begin.back());
    for (std::size_t u = 0; u < unit_info.size(); ++u) {
      for (const auto i : by_unit[u]) {
        const Record& r = records[i];
        for (std::uint32_t k = 0; k < r.event_count; ++k) {
          ue->day_record.emplace_back(events[r.first_event + k].day, i);
        }
      }
      std::sort(ue->day_record.begin() + ue->begin[u], ue->day_record.end());
    }
    return ue;
  }

  /// The aggregates of the years (year, whether the month ends are needed; at most 16 years
  /// are kept), the missing ones (or those without the month ends needed) built together.
  [[nodiscard]] std::vector<std::shared_ptr<const YearAggregates>> year_aggregates(
      const std::vector<std::pair<int, bool>>& wanted) const {
    const std::lock_guard<std::mutex> lock(stats_cache.mutex);
    std::vector<std::pair<int, bool>> missing;
    for (const auto& [year, months] : wanted) {
      const auto it = stats_cache.years.find(year);
      if (it == stats_cache.years.end() || (months && !it->second->months)) {
        missing.emplace_back(year, months);
      }
    }
    if (!missing.empty()) {
      if (stats_cache.years.size() + missing.size() > 16) {
        stats_cache.years.clear();
        missing = wanted;
      }
      const auto built = build_years(missing);
      for (std::size_t k = 0; k < missing.size(); ++k) {
        stats_cache.years.insert_or_assign(missing[k].first, built[k]);
      }
      stats_cache.filled.store(true, std::memory_order_release);
    }
    std::vector<std::shared_ptr<const YearAggregates>> out;
    for (const auto& [year, months] : wanted) out.push_back(stats_cache.years.at(year));
    return out;
  }
  [[nodiscard]] std::shared_ptr<const UnitEvents> unit_events() const {
    const std::lock_guard<std::mutex> lock(stats_cache.mutex);
    if (!stats_cache.unit_events) stats_cache.unit_events = build_unit_events();
    stats_cache.filled.store(true, std::memory_order_release);
    return stats_cache.unit_events;
  }

  /// Adds the window's counts of the given units to `full` (full-resolution cells): the year's
  /// aggregates at the base day nearest to the as-of day (the full counts of base day 0 plus
  /// the changes up to it, or those of 31 December minus the later changes), corrected for the
  /// entries with an event between that base day and the as-of day (their base contribution is
  /// taken away, their as-of one added).
  void aggregate(const YearAggregates& a, const YearWindow& w,
                 const std::vector<std::uint32_t>& unit_list,
                 std::vector<StatsCounts>& full) const {
    const std::size_t base = a.months ? nearest_base(a.days, w.as_of) : base_count - 1;
    const auto add_segment = [&](std::uint32_t u, std::size_t segment, long long sign) {
      const std::size_t at = u * segment_count + segment;
      for (std::uint32_t k = a.begin[at]; k < a.begin[at + 1]; ++k) {
        const AggregateCell& ac = a.cells[k];
        StatsCounts& t = full[ac.cell];
        t.registered += sign * ac.counts[0];
        t.recognised += sign * ac.counts[1];
        t.effective += sign * ac.counts[2];
        t.commended += sign * ac.counts[3];
        t.replicated += sign * ac.counts[4];
      }
    };
    const bool forwards = base < base_count / 2;
    for (const auto u : unit_list) {
      if (forwards) {
        for (std::size_t segment = 0; segment <= base; ++segment) add_segment(u, segment, 1);
      } else {
        add_segment(u, segment_count - 1, 1);
        for (std::size_t segment = base + 1; segment < base_count; ++segment) {
          add_segment(u, segment, -1);
        }
      }
    }
    if (w.as_of == a.days[base]) return;
    const YearWindow base_window{w.first, w.last, a.days[base]};
    const auto ue = unit_events();
    const std::uint32_t lo = std::min(w.as_of, base_window.as_of);
    const std::uint32_t hi = std::max(w.as_of, base_window.as_of);
    std::vector<std::uint32_t> changed;
    for (const auto u : unit_list) {
      const auto first = ue->day_record.begin() + ue->begin[u];
      const auto last = ue->day_record.begin() + ue->begin[u + 1];
      // Events dated in (lo, hi].
      auto it = std::lower_bound(first, last, std::make_pair(lo + 1, std::uint32_t{0}));
      for (; it != last && it->first <= hi; ++it) changed.push_back(it->second);
    }
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    for (const auto i : changed) {
      const Record& r = records[i];
      StatsCounts c;
      std::size_t level_slot = 0;
      if (contribution(r, base_window, c, level_slot)) {
        each_full_cell(r, level_slot, [&](std::size_t cell) { subtract_counts(full[cell], c); });
      }
      if (contribution(r, w, c, level_slot)) {
        each_full_cell(r, level_slot, [&](std::size_t cell) { add_counts(full[cell], c); });
      }
    }
  }

  /// Checks an NFC-normalised entry against the registry and returns its packed form parts.
  void check_and_pack(const Entry& e, std::uint64_t& field_mask, std::uint32_t& unit,
                      std::vector<PackedEvent>& packed,
                      std::vector<std::vector<std::uint32_t>>& packed_targets) {
    const std::string who = "entry \"" + e.id + "\": ";
    if (!is_valid_id(e.id)) {
      throw ValueError("invalid entry id \"" + e.id +
                       "\": ids are 1..100 characters of a-z, 0-9 and '-', not starting with '-'");
    }
    if (squeeze_spaces(e.name).empty()) throw ValueError(who + "the name is empty");
    if (e.subject == Subject::individual && !e.person_name) {
      throw ValueError(who + "an individual needs a person name");
    }
    if (e.subject == Subject::collective && e.person_name) {
      throw ValueError(who + "a collective has no person name");
    }
    if (e.person_name && squeeze_spaces(*e.person_name).empty()) {
      throw ValueError(who + "the person name is empty");
    }
    const auto uit = unit_index.find(e.unit_id);
    if (uit == unit_index.end()) throw ValueError(who + "unknown unit \"" + e.unit_id + "\"");
    unit = uit->second;
    if (e.field_ids.empty()) throw ValueError(who + "no field");
    field_mask = 0;
    for (const auto& f : e.field_ids) {
      const auto fit = field_index.find(f);
      if (fit == field_index.end()) throw ValueError(who + "unknown field \"" + f + "\"");
      const std::uint64_t bit = std::uint64_t{1} << fit->second;
      if ((field_mask & bit) != 0) throw ValueError(who + "field \"" + f + "\" is listed twice");
      field_mask |= bit;
    }
    check_events(e);
    const Date reg = e.events.front().date;
    if (!exists(unit, day_of(reg))) {
      throw ValueError(who + "unit \"" + e.unit_id + "\" does not exist on " + to_iso(reg) +
                       ", the registration day");
    }
    packed.clear();
    packed_targets.clear();
    for (std::size_t i = 0; i < e.events.size(); ++i) {
      const Event& ev = e.events[i];
      PackedEvent p;
      p.day = day_of(ev.date);
      p.type = ev.type;
      if (ev.level) p.level = static_cast<std::uint8_t>(*ev.level);
      if (ev.year) {
        if (*ev.year < 0 || *ev.year > 9999) {
          throw ValueError(event_label(e, i) + " evaluates the impossible year " +
                           std::to_string(*ev.year));
        }
        p.year = static_cast<std::uint16_t>(*ev.year);
      }
      if (ev.effective) p.effective = *ev.effective ? 1 : 0;
      if (ev.by) {
        const auto bit = unit_index.find(*ev.by);
        if (bit == unit_index.end()) {
          throw ValueError(event_label(e, i) + " names the unknown unit \"" + *ev.by +
                           "\" as \"by\"");
        }
      }
      std::vector<std::uint32_t> ts;
      for (const auto& t : ev.unit_ids) {
        const auto tit = unit_index.find(t);
        if (tit == unit_index.end()) {
          throw ValueError(event_label(e, i) + " replicates to the unknown unit \"" + t + "\"");
        }
        ts.push_back(tit->second);
      }
      if (ts.size() > 255) throw ValueError(event_label(e, i) + " names more than 255 units");
      if (e.events.size() > 65535) throw ValueError(who + "has more than 65535 events");
      packed.push_back(p);
      packed_targets.push_back(std::move(ts));
    }
  }

  void commit_events(Record& r, const Entry& e, std::vector<PackedEvent>& packed,
                     std::vector<std::vector<std::uint32_t>>& packed_targets) {
    r.first_event = static_cast<std::uint32_t>(events.size());
    r.event_count = static_cast<std::uint16_t>(packed.size());
    r.reg_day = packed.front().day;
    for (std::size_t i = 0; i < packed.size(); ++i) {
      PackedEvent p = packed[i];
      const Event& ev = e.events[i];
      if (ev.by) p.by = intern(*ev.by);
      if (ev.decision) p.decision = intern(*ev.decision);
      p.units_off = static_cast<std::uint32_t>(targets.size());
      p.units_count = static_cast<std::uint8_t>(packed_targets[i].size());
      targets.insert(targets.end(), packed_targets[i].begin(), packed_targets[i].end());
      latest_day = std::max(latest_day, p.day);
      events.push_back(p);
    }
  }

  void add(const Entry& e) {
    if (find(e.id)) throw ValueError("entry \"" + e.id + "\": duplicate id");
    std::uint64_t mask = 0;
    std::uint32_t unit = 0;
    std::vector<PackedEvent> packed;
    std::vector<std::vector<std::uint32_t>> packed_targets;
    check_and_pack(e, mask, unit, packed, packed_targets);
    if (records.size() >= none32 - 1) throw ValueError("too many entries");
    Record r;
    r.kind = e.kind;
    r.subject = e.subject;
    r.fields = mask;
    r.unit = unit;
    r.id = store(e.id);
    r.name = store(e.name);
    r.description = store(e.description);
    r.has_person = e.person_name.has_value();
    if (e.person_name) r.person = store(*e.person_name);
    commit_events(r, e, packed, packed_targets);
    const auto index = static_cast<std::uint32_t>(records.size());
    stats_cache.clear();
    records.push_back(r);
    index_id(index);
    by_unit[unit].push_back(index);
    detail::fast_fold_append(e.name, folded_names);
    if (e.person_name) {
      folded_names += ' ';
      detail::fast_fold_append(*e.person_name, folded_names);
    }
    name_ends.push_back(static_cast<std::uint32_t>(folded_names.size()));
    folded_names += '\n';
    detail::fast_fold_append(e.description, folded_descriptions);
    description_ends.push_back(static_cast<std::uint32_t>(folded_descriptions.size()));
    folded_descriptions += '\n';
  }

  void find_all(const std::string& haystack, const std::vector<std::uint32_t>& ends,
                std::string_view needle, std::vector<char>& hit) const {
    std::size_t pos = 0;
    while (pos < haystack.size()) {
      // glibc's memmem (two-way search) is several times faster than std::string::find here.
      const void* at =
          ::memmem(haystack.data() + pos, haystack.size() - pos, needle.data(), needle.size());
      if (at == nullptr) return;
      pos = static_cast<std::size_t>(static_cast<const char*>(at) - haystack.data());
      const auto it = std::upper_bound(ends.begin(), ends.end(), static_cast<std::uint32_t>(pos));
      const auto k = static_cast<std::size_t>(it - ends.begin());
      hit[k] = 1;
      pos = ends[k] + 1;
    }
  }
};

namespace {
std::string normalized(const std::string& s) {
  return detail::fast_is_nfc(s) ? s : normalize_nfc(s);
}
const Entry& normalized_entry(const Entry& e, Entry& copy) {
  bool nfc = detail::fast_is_nfc(e.name) && detail::fast_is_nfc(e.description) &&
             (!e.person_name || detail::fast_is_nfc(*e.person_name));
  for (const auto& ev : e.events) {
    if (ev.decision && !detail::fast_is_nfc(*ev.decision)) nfc = false;
  }
  if (nfc) return e;
  copy = e;
  copy.name = normalized(e.name);
  copy.description = normalized(e.description);
  if (e.person_name) copy.person_name = normalized(*e.person_name);
  for (auto& ev : copy.events) {
    if (ev.decision) ev.decision = normalized(*ev.decision);
  }
  return copy;
}
}  // namespace

Registry::Registry() : impl_(std::make_unique<Impl>()) {}
Registry::Registry(UnitHierarchy units, std::vector<Field> declared_fields)
    : impl_(std::make_unique<Impl>()) {
  units.validate();
  impl_->set_units(std::move(units));
  for (auto& f : declared_fields) declare_field(std::move(f));
}
Registry::~Registry() = default;
Registry::Registry(Registry&&) noexcept = default;
Registry& Registry::operator=(Registry&&) noexcept = default;
Registry::Registry(const Registry& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
Registry& Registry::operator=(const Registry& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}

const std::optional<std::string>& Registry::note() const noexcept { return impl_->note; }
void Registry::set_note(std::optional<std::string> note) {
  if (note) note = normalize_nfc(*note);
  impl_->note = std::move(note);
}

void Registry::declare_field(Field field) {
  if (!impl_->records.empty()) throw ValueError("fields must be declared before entries are added");
  if (!is_valid_id(field.id)) {
    throw ValueError("invalid field id \"" + field.id +
                     "\": ids are 1..100 characters of a-z, 0-9 and '-', not starting with '-'");
  }
  field.name = normalize_nfc(field.name);
  if (squeeze_spaces(field.name).empty()) {
    throw ValueError("field \"" + field.id + "\": the name is empty");
  }
  if (impl_->field_index.contains(field.id)) {
    throw ValueError(
        "field \"" + field.id + "\" is already " +
        (impl_->field_index.at(field.id) < builtin_fields().size() ? "built in" : "declared"));
  }
  if (impl_->fields.size() >= 64) throw ValueError("a registry has at most 64 fields");
  impl_->fields.push_back(std::move(field));
  impl_->index_fields();
  impl_->stats_cache.clear();
}

std::vector<Field> Registry::fields() const { return impl_->fields; }
std::vector<Field> Registry::declared_fields() const {
  return {impl_->fields.begin() + static_cast<std::ptrdiff_t>(builtin_fields().size()),
          impl_->fields.end()};
}
const UnitHierarchy& Registry::units() const noexcept { return impl_->units; }

void Registry::add(const Entry& entry) {
  Entry copy;
  impl_->add(normalized_entry(entry, copy));
}

void Registry::add_event(std::string_view entry_id, Event event) {
  const auto index = impl_->find(entry_id);
  if (!index) throw ValueError("unknown entry \"" + std::string(entry_id) + "\"");
  if (event.decision) event.decision = normalize_nfc(*event.decision);
  Entry e = impl_->entry_of(*index);
  e.events.push_back(std::move(event));
  if (e.events.back().date < e.events[e.events.size() - 2].date) {
    throw ValueError(event_label(e, e.events.size() - 1) + " is dated before event " +
                     std::to_string(e.events.size() - 1) + " (" +
                     describe(e.events[e.events.size() - 2]) + ")");
  }
  std::uint64_t mask = 0;
  std::uint32_t unit = 0;
  std::vector<PackedEvent> packed;
  std::vector<std::vector<std::uint32_t>> packed_targets;
  impl_->check_and_pack(e, mask, unit, packed, packed_targets);
  Record& r = impl_->records[*index];
  if (r.first_event + r.event_count == impl_->events.size()) {
    impl_->events.resize(r.first_event);  // the entry's events are last: rewrite them in place
  }
  impl_->stats_cache.clear();
  impl_->commit_events(r, e, packed, packed_targets);
}

std::size_t Registry::size() const noexcept { return impl_->records.size(); }
Entry Registry::entry(std::size_t index) const { return impl_->entry_of(index); }
std::optional<std::size_t> Registry::find(std::string_view id) const {
  const auto r = impl_->find(id);
  if (!r) return std::nullopt;
  return *r;
}
std::string_view Registry::id_of(std::size_t index) const {
  return impl_->view(impl_->records.at(index).id);
}
std::string_view Registry::name_of(std::size_t index) const {
  return impl_->view(impl_->records.at(index).name);
}
EntryState Registry::state_on(std::size_t index, Date day) const {
  return impl_->state(impl_->records.at(index), day_of(day));
}
std::optional<Date> Registry::latest_event_date() const {
  if (impl_->records.empty()) return std::nullopt;
  return date_of(impl_->latest_day);
}

std::vector<std::size_t> Registry::select(const Filter& filter) const {
  const Impl& m = *impl_;
  Date as_of = filter.year ? make_date(filter.year.value(), 12, 31)
                           : latest_event_date().value_or(Date(9999, 12, 31));
  if (filter.as_of) as_of = *filter.as_of;
  const std::uint32_t day = day_of(as_of);
  std::vector<char> inc;
  if (filter.unit_id) {
    inc.assign(m.unit_info.size(), 0);
    for (const auto u :
         m.included_unit_list(m.unit_at(*filter.unit_id), day, filter.current_units)) {
      inc[u] = 1;
    }
  }
  std::uint64_t field_bit = 0;
  if (filter.field_id) {
    const auto it = m.field_index.find(*filter.field_id);
    if (it == m.field_index.end()) {
      throw ValueError("unknown field \"" + *filter.field_id + "\"");
    }
    field_bit = std::uint64_t{1} << it->second;
  }
  std::uint32_t y0 = 0;
  std::uint32_t y1 = 0;
  if (filter.year) {
    y0 = day_of(make_date(*filter.year, 1, 1));
    y1 = day_of(make_date(*filter.year, 12, 31));
  }
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < m.records.size(); ++i) {
    const Record& r = m.records[i];
    if (!inc.empty() && inc[r.unit] == 0) continue;
    if (field_bit != 0 && (r.fields & field_bit) == 0) continue;
    if (filter.kind && r.kind != *filter.kind) continue;
    if (filter.subject && r.subject != *filter.subject) continue;
    if (filter.year && (r.reg_day < y0 || r.reg_day > y1)) continue;
    if (filter.level && m.level(r, day) != static_cast<std::uint8_t>(*filter.level)) continue;
    if (filter.state && m.state(r, day) != *filter.state) continue;
    out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> Registry::search(std::string_view query, std::size_t limit) const {
  const std::string q = squeeze_spaces(detail::fast_fold(query));
  std::vector<std::size_t> out;
  if (q.empty()) return out;
  std::vector<char> hit(impl_->records.size(), 0);
  impl_->find_all(impl_->folded_names, impl_->name_ends, q, hit);
  impl_->find_all(impl_->folded_descriptions, impl_->description_ends, q, hit);
  for (std::size_t i = 0; i < hit.size() && out.size() < limit; ++i) {
    if (hit[i] != 0) out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> Registry::search_names(std::string_view query) const {
  const std::string q = squeeze_spaces(detail::fast_fold(query));
  std::vector<std::size_t> out;
  if (q.empty()) return out;
  std::vector<char> hit(impl_->records.size(), 0);
  impl_->find_all(impl_->folded_names, impl_->name_ends, q, hit);
  for (std::size_t i = 0; i < hit.size(); ++i) {
    if (hit[i] != 0) out.push_back(i);
  }
  return out;
}

void Registry::sort(std::vector<std::size_t>& indexes, bool by_date) const {
  Collator collator;
  std::vector<std::pair<std::string, std::size_t>> keyed;
  keyed.reserve(indexes.size());
  for (const auto i : indexes) {
    const Record& r = impl_->records.at(i);
    std::string key;
    if (by_date) {
      const std::uint32_t d = r.reg_day;
      for (int shift = 24; shift >= 0; shift -= 8) key += static_cast<char>((d >> shift) & 0xFF);
    }
    key += r.has_person ? collator.name_sort_key(impl_->view(r.person))
                        : collator.sort_key(impl_->view(r.name));
    key += '\x01';
    key += collator.sort_key(impl_->view(r.name));
    key += '\x01';
    key += impl_->view(r.id);
    keyed.emplace_back(std::move(key), i);
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t k = 0; k < keyed.size(); ++k) indexes[k] = keyed[k].second;
}

// ---------------------------------------------------------------------------------------------
// Statistics

namespace {

Date minus_year(Date d) {
  const int y = d.year() - 1;
  const int m = d.month();
  int dd = d.day();
  if (m == 2 && dd == 29) dd = 28;
  return make_date(y, m, dd);
}

/// What both ways of computing a table share: the checked query, the two windows and the
/// cells of the table (query resolution: ((field * 5 + level) * 2 + subject) * 2 + kind, the
/// dimensions not grouped by at slot 0).
struct StatsWork {
  StatsTable table;
  YearWindow cur, prev;
  bool by_field = false, by_level = false, by_subject = false, by_kind = false;
  std::vector<std::array<StatsCounts, 2>> cells;
  std::array<StatsCounts, 2> totals{};
};

StatsWork start_stats(const StatsQuery& query, std::size_t field_count) {
  if (query.year < 1402 || query.year > 9999) {
    // The previous year's figures start from the end of the year before it (>= 1400-12-31).
    throw ValueError("year " + std::to_string(query.year) + " is out of range 1402..9999");
  }
  if (query.by.empty()) throw ValueError("no dimension to group by");
  StatsWork w;
  StatsTable& table = w.table;
  table.year = query.year;
  table.as_of = query.as_of.value_or(make_date(query.year, 12, 31));
  table.unit_id = query.unit_id;
  table.current_units = query.current_units;
  table.by = query.by;
  const Date prev_as_of = minus_year(table.as_of);
  w.cur = {day_of(make_date(query.year, 1, 1)), day_of(make_date(query.year, 12, 31)),
           day_of(table.as_of)};
  w.prev = {day_of(make_date(query.year - 1, 1, 1)), day_of(make_date(query.year - 1, 12, 31)),
            day_of(prev_as_of)};
  for (const auto d : query.by) {
    w.by_field |= d == StatsDimension::field;
    w.by_level |= d == StatsDimension::level;
    w.by_subject |= d == StatsDimension::subject;
    w.by_kind |= d == StatsDimension::kind;
  }
  w.cells.resize(field_count * level_slots * 4);
  return w;
}

/// Turns the cells into rows, in the order of the dimensions of `by`.
void finish_stats(StatsWork& w, const std::vector<Field>& fields) {
  StatsTable& table = w.table;
  table.total = w.totals[0];
  table.previous_total = w.totals[1];
  std::vector<std::pair<std::uint32_t, std::size_t>> order;  // (rank in `by` order, cell)
  for (std::size_t cell = 0; cell < w.cells.size(); ++cell) {
    const auto& pair = w.cells[cell];
    if (pair[0] == StatsCounts{} && pair[1] == StatsCounts{}) continue;
    std::uint32_t rank = 0;
    for (const auto d : table.by) {
      std::size_t slot = 0;
      switch (d) {
        case StatsDimension::field:
          slot = cell / (4 * level_slots);
          break;
        case StatsDimension::level:
          slot = (cell / 4) % level_slots;
          break;
        case StatsDimension::subject:
          slot = (cell / 2) % 2;
          break;
        case StatsDimension::kind:
          slot = cell % 2;
          break;
      }
      rank = rank * 64 + static_cast<std::uint32_t>(slot);
    }
    order.emplace_back(rank, cell);
  }
  std::sort(order.begin(), order.end());
  table.rows.reserve(order.size());
  for (const auto& [rank, cell] : order) {
    const auto& pair = w.cells[cell];
    const std::size_t kind_slot = cell % 2;
    const std::size_t subject_slot = (cell / 2) % 2;
    const std::size_t level_slot = (cell / 4) % level_slots;
    const std::size_t field = cell / (4 * level_slots);
    StatsRow row;
    row.keys.reserve(table.by.size());
    row.labels.reserve(table.by.size());
    for (const auto d : table.by) {
      switch (d) {
        case StatsDimension::field:
          row.keys.push_back(fields[field].id);
          row.labels.push_back(fields[field].name);
          break;
        case StatsDimension::level:
          if (level_slot == 4) {
            row.keys.emplace_back("none");
            row.labels.emplace_back("chưa công nhận");
          } else {
            row.keys.emplace_back(to_string(static_cast<Level>(level_slot)));
            row.labels.emplace_back(vietnamese_name(static_cast<Level>(level_slot)));
          }
          break;
        case StatsDimension::subject:
          row.keys.emplace_back(to_string(static_cast<Subject>(subject_slot)));
          row.labels.emplace_back(vietnamese_name(static_cast<Subject>(subject_slot)));
          break;
        case StatsDimension::kind:
          row.keys.emplace_back(to_string(static_cast<EntryKind>(kind_slot)));
          row.labels.emplace_back(vietnamese_name(static_cast<EntryKind>(kind_slot)));
          break;
      }
    }
    row.current = pair[0];
    row.previous = pair[1];
    table.rows.push_back(std::move(row));
  }
}

}  // namespace

StatsTable Registry::stats(const StatsQuery& query) const {
  const Impl& m = *impl_;
  StatsWork w = start_stats(query, m.fields.size());
  std::vector<std::uint32_t> cur_units;
  std::vector<std::uint32_t> prev_units;
  if (query.unit_id) {
    const std::uint32_t anc = m.unit_at(*query.unit_id);
    cur_units = m.included_unit_list(anc, w.cur.as_of, query.current_units);
    prev_units = m.included_unit_list(anc, w.prev.as_of, query.current_units);
  } else {
    cur_units.resize(m.unit_info.size());
    std::iota(cur_units.begin(), cur_units.end(), std::uint32_t{0});
    prev_units = cur_units;
  }
  // Sum the per-unit partial aggregates at full resolution, then project onto the grouping.
  const std::size_t nf = m.fields.size();
  const std::size_t no_field = nf * level_slots * 4;
  // The month ends are built only when the nearest base day of a year is not 31 December.
  const auto months = [](int year, std::uint32_t as_of) {
    return nearest_base(base_days_of(year), as_of) != base_count - 1;
  };
  const auto years = m.year_aggregates({{query.year, months(query.year, w.cur.as_of)},
                                        {query.year - 1, months(query.year - 1, w.prev.as_of)}});
  for (std::size_t which = 0; which < 2; ++which) {
    std::vector<StatsCounts> full(m.full_cells());
    m.aggregate(*years[which], which == 0 ? w.cur : w.prev, which == 0 ? cur_units : prev_units,
                full);
    for (std::size_t cell = 0; cell < full.size(); ++cell) {
      const StatsCounts& c = full[cell];
      if (c == StatsCounts{}) continue;
      const bool field_cell = cell < no_field;
      const std::size_t rest = field_cell ? cell % (level_slots * 4) : cell - no_field;
      const std::size_t level_slot = w.by_level ? rest / 4 : 0;
      const std::size_t subject_slot = w.by_subject ? (rest / 2) % 2 : 0;
      const std::size_t kind_slot = w.by_kind ? rest % 2 : 0;
      const std::size_t tail = (level_slot * 2 + subject_slot) * 2 + kind_slot;
      if (!field_cell) {
        add_counts(w.totals[which], c);
        if (!w.by_field) add_counts(w.cells[tail][which], c);
      } else if (w.by_field) {
        add_counts(w.cells[cell / (level_slots * 4) * level_slots * 4 + tail][which], c);
      }
    }
  }
  finish_stats(w, m.fields);
  return std::move(w.table);
}

StatsTable Registry::stats_by_walk(const StatsQuery& query) const {
  const Impl& m = *impl_;
  StatsWork w = start_stats(query, m.fields.size());
  const bool by_field = w.by_field;
  const bool by_level = w.by_level;
  const bool by_subject = w.by_subject;
  const bool by_kind = w.by_kind;
  auto& cells = w.cells;
  auto& totals = w.totals;

  const auto count = [&](const Record& r, const YearWindow& win, std::size_t which) {
    if (r.reg_day > win.as_of) return;
    StatsCounts c;
    std::uint8_t lvl = no_level;
    EntryState s = EntryState::not_registered;
    for (std::uint32_t k = 0; k < r.event_count; ++k) {
      const PackedEvent& e = m.events[r.first_event + k];
      if (e.day > win.as_of) break;
      const bool in_year = e.day >= win.first && e.day <= win.last;
      switch (e.type) {
        case EventType::registered:
          s = EntryState::registered;
          if (in_year) c.registered = 1;
          break;
        case EventType::recognised:
          s = EntryState::recognised;
          if (e.level < lvl) lvl = e.level;
          if (in_year) c.recognised = 1;
          break;
        case EventType::commended:
        case EventType::awarded:
          if (in_year) c.commended = 1;
          break;
        case EventType::replicated:
          if (in_year) c.replicated = 1;
          break;
        case EventType::reevaluated:
          s = e.effective == 1 ? EntryState::effective : EntryState::no_longer_effective;
          break;
        case EventType::revoked:
          s = EntryState::revoked;
          break;
      }
    }
    c.effective = s == EntryState::recognised || s == EntryState::effective ? 1 : 0;
    if (c == StatsCounts{}) return;
    const std::size_t level_slot = !by_level ? 0 : (lvl == no_level ? 4 : lvl);
    const std::size_t subject_slot = by_subject ? static_cast<std::size_t>(r.subject) : 0;
    const std::size_t kind_slot = by_kind ? static_cast<std::size_t>(r.kind) : 0;
    add_counts(totals[which], c);
    if (by_field) {
      for (std::uint64_t bits = r.fields; bits != 0; bits &= bits - 1) {
        const auto f = static_cast<std::size_t>(__builtin_ctzll(bits));
        add_counts(
            cells[((f * level_slots + level_slot) * 2 + subject_slot) * 2 + kind_slot][which], c);
      }
    } else {
      add_counts(cells[(level_slot * 2 + subject_slot) * 2 + kind_slot][which], c);
    }
  };

  if (query.unit_id) {
    const std::uint32_t anc = m.unit_at(*query.unit_id);
    const auto inc_cur = m.included_units(anc, w.cur.as_of, query.current_units);
    const auto inc_prev = m.included_units(anc, w.prev.as_of, query.current_units);
    for (std::uint32_t u = 0; u < m.unit_info.size(); ++u) {
      if (inc_cur[u] == 0 && inc_prev[u] == 0) continue;
      for (const auto i : m.by_unit[u]) {
        const Record& r = m.records[i];
        if (inc_cur[u] != 0) count(r, w.cur, 0);
        if (inc_prev[u] != 0) count(r, w.prev, 1);
      }
    }
  } else {
    for (const Record& r : m.records) {
      count(r, w.cur, 0);
      count(r, w.prev, 1);
    }
  }
  finish_stats(w, m.fields);
  return std::move(w.table);
}

void Registry::shrink_to_fit() {
  Impl& m = *impl_;
  m.text.shrink_to_fit();
  m.folded_names.shrink_to_fit();
  m.folded_descriptions.shrink_to_fit();
  m.name_ends.shrink_to_fit();
  m.description_ends.shrink_to_fit();
  m.records.shrink_to_fit();
  m.events.shrink_to_fit();
  m.targets.shrink_to_fit();
  for (auto& u : m.by_unit) u.shrink_to_fit();
}

std::size_t Registry::storage_bytes() const noexcept {
  const Impl& m = *impl_;
  std::size_t n = m.text.capacity() + m.folded_names.capacity() + m.folded_descriptions.capacity() +
                  (m.name_ends.capacity() + m.description_ends.capacity()) * 4 +
                  m.records.capacity() * sizeof(Record) +
                  m.events.capacity() * sizeof(PackedEvent) + m.targets.capacity() * 4 +
                  m.id_table.capacity() * 4;
  for (const auto& p : m.pool) n += sizeof(std::string) * 3 + p.capacity();
  for (const auto& u : m.by_unit) n += sizeof(u) + u.capacity() * 4;
  return n;
}

bool operator==(const Registry& a, const Registry& b) {
  if (a.note() != b.note() || a.fields() != b.fields() || !(a.units() == b.units()) ||
      a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a.entry(i) != b.entry(i)) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Rendering

namespace {

std::size_t width(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string pad(const std::string& s, std::size_t w, bool right) {
  const std::size_t n = width(s);
  const std::string fill(n < w ? w - n : 0, ' ');
  return right ? fill + s : s + fill;
}

std::string dimension_header(StatsDimension d) {
  switch (d) {
    case StatsDimension::field:
      return "Lĩnh vực";
    case StatsDimension::level:
      return "Cấp công nhận";
    case StatsDimension::subject:
      return "Đối tượng";
    case StatsDimension::kind:
      return "Loại";
  }
  return "";
}

const std::array<std::string, 5> count_headers{"Đăng ký", "Công nhận", "Còn hiệu quả",
                                               "Biểu dương, khen thưởng", "Nhân rộng"};

std::array<long long, 5> values(const StatsCounts& c) {
  return {c.registered, c.recognised, c.effective, c.commended, c.replicated};
}

std::string with_change(long long now, long long before) {
  const long long d = now - before;
  std::string s = std::to_string(now) + " (";
  s += d > 0 ? "+" + std::to_string(d) : (d == 0 ? "±0" : std::to_string(d));
  return s + ")";
}

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string vi_day(Date d) { return PartialDate::from_date(d).vietnamese(); }

}  // namespace

std::string render_stats_text(const StatsTable& t) {
  std::string out = "Thống kê mô hình, điển hình \"Dân vận khéo\" năm " + std::to_string(t.year) +
                    " (tính đến ngày " + vi_day(t.as_of) + "; trong ngoặc: thay đổi so với năm " +
                    std::to_string(t.year - 1) + ")\n";
  if (t.unit_id) {
    out += "Đơn vị: " + *t.unit_id +
           (t.current_units ? " (gồm các đơn vị tiền thân, theo đơn vị hiện nay)\n" : "\n");
  }
  std::vector<std::vector<std::string>> grid;
  std::vector<std::string> header;
  for (const auto d : t.by) header.push_back(dimension_header(d));
  for (const auto& h : count_headers) header.push_back(h);
  grid.push_back(header);
  const auto add_row = [&](std::vector<std::string> labels, const StatsCounts& c,
                           const StatsCounts& p) {
    const auto a = values(c);
    const auto b = values(p);
    for (std::size_t k = 0; k < 5; ++k) labels.push_back(with_change(a[k], b[k]));
    grid.push_back(std::move(labels));
  };
  for (const auto& r : t.rows) add_row(r.labels, r.current, r.previous);
  std::vector<std::string> total_labels(t.by.size(), "");
  if (!total_labels.empty()) total_labels[0] = "Tổng cộng";
  add_row(total_labels, t.total, t.previous_total);
  std::vector<std::size_t> w(header.size(), 0);
  for (const auto& row : grid) {
    for (std::size_t k = 0; k < row.size(); ++k) w[k] = std::max(w[k], width(row[k]));
  }
  const auto line = [&](const std::vector<std::string>& row) {
    std::string s;
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (k > 0) s += "  ";
      s += pad(row[k], w[k], k >= t.by.size());
    }
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s + "\n";
  };
  std::size_t total_width = 0;
  for (const auto x : w) total_width += x + 2;
  const std::string rule(total_width - 2, '-');
  out += line(grid.front());
  out += rule + "\n";
  for (std::size_t r = 1; r + 1 < grid.size(); ++r) out += line(grid[r]);
  out += rule + "\n";
  out += line(grid.back());
  return out;
}

std::string render_stats_csv(const StatsTable& t) {
  std::string out = "\xEF\xBB\xBF";
  std::vector<std::string> header;
  for (const auto d : t.by) header.push_back(dimension_header(d));
  for (const auto& h : count_headers) {
    header.push_back(h + " " + std::to_string(t.year));
    header.push_back(h + " " + std::to_string(t.year - 1));
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (k > 0) out += ',';
      out += csv_cell(cells[k]);
    }
    out += "\r\n";
  };
  line(header);
  const auto row_cells = [&](std::vector<std::string> cells, const StatsCounts& c,
                             const StatsCounts& p) {
    const auto a = values(c);
    const auto b = values(p);
    for (std::size_t k = 0; k < 5; ++k) {
      cells.push_back(std::to_string(a[k]));
      cells.push_back(std::to_string(b[k]));
    }
    line(cells);
  };
  for (const auto& r : t.rows) row_cells(r.labels, r.current, r.previous);
  std::vector<std::string> total_labels(t.by.size(), "");
  if (!total_labels.empty()) total_labels[0] = "Tổng cộng";
  row_cells(total_labels, t.total, t.previous_total);
  return out;
}

}  // namespace danvan
