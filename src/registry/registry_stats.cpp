// The registry's statistics: per-unit partial aggregates at base days, the report table, and
// its text and CSV rendering.
#include "danvan/error.hpp"
#include "danvan/registry.hpp"
#include "registry/registry_impl.hpp"
#include "registry/registry_lifecycle.hpp"
#include "text/text_detail.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

namespace danvan {

using namespace detail;  // NOLINT(google-build-using-namespace): the store's internal types

namespace {

void add_counts(StatsCounts& t, const StatsCounts& c, long long sign = 1) {
  t.registered += sign * c.registered;
  t.recognised += sign * c.recognised;
  t.effective += sign * c.effective;
  t.commended += sign * c.commended;
  t.replicated += sign * c.replicated;
  t.proposed += sign * c.proposed;
  t.promoted += sign * c.promoted;
}

CellCounts cell_counts(const StatsCounts& c) {
  return {static_cast<std::int32_t>(c.registered), static_cast<std::int32_t>(c.recognised),
          static_cast<std::int32_t>(c.effective),  static_cast<std::int32_t>(c.commended),
          static_cast<std::int32_t>(c.replicated), static_cast<std::int32_t>(c.proposed),
          static_cast<std::int32_t>(c.promoted)};
}

void add_cell(StatsCounts& t, const CellCounts& c, long long sign) {
  t.registered += sign * c[0];
  t.recognised += sign * c[1];
  t.effective += sign * c[2];
  t.commended += sign * c[3];
  t.replicated += sign * c[4];
  t.proposed += sign * c[5];
  t.promoted += sign * c[6];
}

/// One event's effect on an entry's walk and on the counts of the window being tabulated
/// (`in_window`: the event certainly falls in the window).
void apply_event(const PackedEvent& e, bool in_window, Walk& w, StatsCounts& c) noexcept {
  w.apply(e);
  if (!in_window) return;
  switch (e.type) {
    case EventType::registered:
      c.registered = 1;
      break;
    case EventType::recognised:
      // A proposed recognition is none yet; the "proposed" column counts proposed
      // commendations and awards only (its label: "Đề nghị khen thưởng").
      if (!e.proposed()) c.recognised = 1;
      break;
    case EventType::commended:
    case EventType::awarded:
      (e.proposed() ? c.proposed : c.commended) = 1;
      break;
    case EventType::replicated:
      c.replicated = 1;
      break;
    case EventType::promoted:
      c.promoted = 1;
      break;
    case EventType::reevaluated:
    case EventType::revoked:
      break;
  }
}

/// The cell of an entry within a field: (level slot * subject_slots + subject) * 2 + kind.
std::size_t tail_of(const Walk& w, Subject subject) {
  const std::size_t level = w.level == none8 ? no_level_slot : w.level;
  return (level * subject_slots + static_cast<std::size_t>(subject)) * 2 + w.kind;
}

/// The slots of a cell within a field (the inverse of tail_of).
std::size_t level_of_cell(std::size_t rest) { return rest / (subject_slots * 2); }
std::size_t subject_of_cell(std::size_t rest) { return (rest / 2) % subject_slots; }
std::size_t kind_of_cell(std::size_t rest) { return rest % 2; }

bool in_force_on(const Walk& w, int year, int recognition_years) {
  return is_in_force(w.state) && !lapsed(w.anchor, year, recognition_years);
}

/// The base days of a year (see base_count).
std::array<std::uint32_t, base_count> base_days_of(int year) {
  std::array<std::uint32_t, base_count> days{};
  days[0] = day_of(make_date(year - 1, 12, 31));
  for (std::size_t b = 1; b < base_count; ++b) {
    days[b] = day_of(make_date(year, static_cast<int>(b) * base_months, 1).end_of_month());
  }
  return days;
}

/// The index of the base day to start from for `day` (the nearest, the earlier one on a tie).
/// With a recognition validity, lapses happen on 1 January, so only a base day in the same
/// calendar year as `day` will do; nullopt when there is none (the table is then counted by
/// walking the entries).
std::optional<std::size_t> choose_base(const std::array<std::uint32_t, base_count>& days,
                                       std::uint32_t day, int day_year, bool validity) {
  const auto distance = [&](std::size_t b) {
    return days[b] > day ? days[b] - day : day - days[b];
  };
  std::optional<std::size_t> base;
  for (std::size_t b = 0; b < base_count; ++b) {
    if (validity && date_of(days[b]).year() != day_year) continue;
    if (!base || distance(b) < distance(*base)) base = b;
  }
  return base;
}

YearWindow year_window(int year, Date as_of) {
  return {day_of(make_date(year, 1, 1)), day_of(make_date(year, 12, 31)), day_of(as_of),
          as_of.year()};
}

}  // namespace

bool Registry::Impl::contribution(const Record& r, const YearWindow& w, StatsCounts& c,
                                  std::size_t& tail) const {
  c = StatsCounts{};
  if (r.reg_day > w.as_of) return false;
  Walk wk;
  wk.kind = static_cast<std::uint8_t>(r.kind);
  for (std::uint32_t k = 0; k < r.event_count; ++k) {
    const PackedEvent& e = events[r.first_event + k];
    if (e.day > w.as_of) break;
    const bool in =
        e.day >= w.first && e.day <= w.last && (!w.check_start || start_day(e) >= w.first);
    apply_event(e, in, wk, c);
  }
  c.effective = in_force_on(wk, w.as_of_year, recognition_years) ? 1 : 0;
  tail = tail_of(wk, r.subject);
  return !(c == StatsCounts{});
}

/// The aggregates of one year while build_years counts them.
struct detail::YearWork {
  YearWindow window;
  std::array<int, base_count> base_years{};
  std::shared_ptr<YearAggregates> out;
  std::size_t nc = 0;             // cells per segment
  std::vector<CellCounts> dense;  // segment * nc + cell
  std::vector<std::uint32_t> touched;
  std::vector<char> is_touched;
  /// (unit << 32 | cell) once per entry replicated into the unit's subtree from outside it,
  /// for each of the entry's cells.
  std::vector<std::uint64_t> reps;

  /// Adds sign * v to a cell of a segment.
  void add(std::size_t segment, std::size_t cell, const CellCounts& v, std::int32_t sign) {
    CellCounts& d = dense[segment * nc + cell];
    for (std::size_t k = 0; k < count_kinds; ++k) d[k] += sign * v[k];
    if (is_touched[cell] == 0) {
      is_touched[cell] = 1;
      touched.push_back(static_cast<std::uint32_t>(cell));
    }
  }

  /// Moves the touched cells of every segment to `cells`, one range per segment in `begin`.
  void flush(std::vector<AggregateCell>& cells, std::vector<std::uint32_t>& begin) {
    std::sort(touched.begin(), touched.end());
    for (std::size_t segment = 0; segment < segment_count; ++segment) {
      for (const auto cell : touched) {
        CellCounts& d = dense[segment * nc + cell];
        if (d != CellCounts{}) cells.push_back({cell, d});
        d = {};
      }
      begin.push_back(static_cast<std::uint32_t>(cells.size()));
    }
    for (const auto cell : touched) is_touched[cell] = 0;
    touched.clear();
  }

  /// The replications, counted per (unit, cell), into out's rep_cells / rep_begin.
  void count_replications(std::size_t n_units) {
    YearAggregates& o = *out;
    std::sort(reps.begin(), reps.end());
    o.rep_begin.assign(n_units + 1, 0);
    for (std::size_t k = 0; k < reps.size();) {
      const std::uint64_t key = reps[k];
      std::size_t m = k;
      while (m < reps.size() && reps[m] == key) ++m;
      AggregateCell a;
      a.cell = static_cast<std::uint32_t>(key);
      StatsCounts only;
      only.replicated = static_cast<long long>(m - k);
      a.counts = cell_counts(only);
      o.rep_cells.push_back(a);
      ++o.rep_begin[(key >> 32U) + 1];
      k = m;
    }
    for (std::size_t v = 0; v < n_units; ++v) o.rep_begin[v + 1] += o.rep_begin[v];
    std::vector<std::uint64_t>().swap(reps);
  }
};

void Registry::Impl::put_entry(YearWork& wk, const Record& r, std::size_t segment, std::size_t tail,
                               const StatsCounts& c, std::int32_t sign) const {
  const CellCounts v = cell_counts(c);
  each_full_cell(r, tail, [&](std::size_t cell) { wk.add(segment, cell, v, sign); });
}

std::size_t Registry::Impl::count_entry_in_year(YearWork& wk, const Record& r) const {
  const auto& days = wk.out->days;
  const PackedEvent* ev = events.data() + r.first_event;
  // The entry's contribution at each base day, as contribution() counts it, from one walk over
  // its events; only changes are recorded.
  StatsCounts c;
  Walk walk;
  walk.kind = static_cast<std::uint8_t>(r.kind);
  StatsCounts prev;
  std::size_t prev_tail = 0;
  std::uint32_t k = 0;
  const bool months = wk.out->months;
  const bool validity = recognition_years > 0;
  for (std::size_t b = months ? 0 : base_count - 1; b < base_count; ++b) {
    for (; k < r.event_count && ev[k].day <= days[b]; ++k) {
      apply_event(ev[k], ev[k].day >= wk.window.first, walk, c);
    }
    c.effective = in_force_on(walk, wk.base_years[b], recognition_years) ? 1 : 0;
    const std::size_t tail = tail_of(walk, r.subject);
    if (!months) {
      // 31 December only: the last segment, below.
    } else if (b == 0) {
      if (!(c == StatsCounts{})) put_entry(wk, r, 0, tail, c, 1);
    } else if (!(c == prev) || (tail != prev_tail && !(c == StatsCounts{}))) {
      if (!(prev == StatsCounts{})) put_entry(wk, r, b, prev_tail, prev, -1);
      if (!(c == StatsCounts{})) put_entry(wk, r, b, tail, c, 1);
    }
    prev = c;
    prev_tail = tail;
    // No later change (a lapse happens on 1 January, between base days 0 and 1).
    if (k == r.event_count && (b > 0 || !validity)) break;
  }
  if (!(prev == StatsCounts{})) put_entry(wk, r, segment_count - 1, prev_tail, prev, 1);
  return prev_tail;
}

void Registry::Impl::note_replications(YearWork& wk, const Record& r, std::size_t tail,
                                       const UnitTree& tree,
                                       std::vector<std::uint32_t>& rep_units) const {
  // Replicated during the year by 31 December (`tail` is the cell then): counted for every
  // unit whose subtree holds a target and not the owner (add_replications_into).
  const auto& days = wk.out->days;
  const PackedEvent* ev = events.data() + r.first_event;
  rep_units.clear();
  for (std::uint32_t j = 0; j < r.event_count && ev[j].day <= days[base_count - 1]; ++j) {
    const PackedEvent& e = ev[j];
    if (e.type != EventType::replicated || e.day < wk.window.first) continue;
    for (std::uint32_t t = 0; t < e.units_count; ++t) {
      for (std::uint32_t x = targets[e.units_off + t]; x != none32 && !tree.in_subtree(r.unit, x);
           x = unit_info[x].parent) {
        rep_units.push_back(x);
      }
    }
  }
  if (rep_units.empty()) return;
  std::sort(rep_units.begin(), rep_units.end());
  rep_units.erase(std::unique(rep_units.begin(), rep_units.end()), rep_units.end());
  for (const auto a : rep_units) {
    each_full_cell(r, tail,
                   [&](std::size_t cell) { wk.reps.push_back((std::uint64_t{a} << 32U) | cell); });
  }
}

void Registry::Impl::sum_subtrees(YearWork& wk, const UnitTree& tree) const {
  YearAggregates& out = *wk.out;
  // The sums of each subtree, children before their parent (reverse pre-order).
  out.sub_at.assign(unit_info.size(), none32);
  out.sub_begin.push_back(0);
  // 31 December only (the other segments stay empty): the month ends would double the memory
  // of the aggregates for days that need the day index anyway.
  constexpr std::size_t segment = segment_count - 1;
  const auto add_unit = [&](std::uint32_t v, bool subtree) {
    const auto [first, last] = out.segment(v, segment, subtree);
    for (const AggregateCell* a = first; a != last; ++a) wk.add(segment, a->cell, a->counts, 1);
  };
  for (std::size_t p = tree.order.size(); p-- > 0;) {
    const std::uint32_t u = tree.order[p];
    if (child_begin[u] == child_begin[u + 1]) continue;
    add_unit(u, false);
    for (std::uint32_t c = child_begin[u]; c < child_begin[u + 1]; ++c) {
      add_unit(child_list[c], true);
    }
    out.sub_at[u] = static_cast<std::uint32_t>(out.sub_begin.size() - 1);
    wk.flush(out.sub_cells, out.sub_begin);
  }
}

std::vector<std::shared_ptr<const YearAggregates>> Registry::Impl::build_years(
    const std::vector<std::pair<int, bool>>& years, const UnitTree& tree) const {
  const std::size_t n_units = unit_info.size();
  std::vector<YearWork> work(years.size());
  for (std::size_t y = 0; y < years.size(); ++y) {
    YearWork& wk = work[y];
    const int year = years[y].first;
    wk.window = year_window(year, make_date(year, 12, 31));
    wk.out = std::make_shared<YearAggregates>();
    wk.out->days = base_days_of(year);
    for (std::size_t b = 0; b < base_count; ++b) wk.base_years[b] = b == 0 ? year - 1 : year;
    wk.out->months = years[y].second;
    wk.out->begin.reserve(n_units * segment_count + 1);
    wk.out->begin.push_back(0);
    wk.nc = full_cells();
    wk.dense.assign(segment_count * wk.nc, CellCounts{});
    wk.is_touched.assign(wk.nc, 0);
  }
  const bool subtrees = tree.complete();
  std::vector<std::uint32_t> rep_units;
  for (std::size_t u = 0; u < n_units; ++u) {
    for (const auto i : by_unit[u]) {
      const Record& r = records[i];
      for (YearWork& wk : work) {
        if (r.reg_day > wk.out->days[base_count - 1]) continue;
        const std::size_t tail = count_entry_in_year(wk, r);
        if (subtrees) note_replications(wk, r, tail, tree, rep_units);
      }
    }
    for (YearWork& wk : work) wk.flush(wk.out->cells, wk.out->begin);
  }
  std::vector<std::shared_ptr<const YearAggregates>> out;
  for (YearWork& wk : work) {
    if (subtrees) {
      sum_subtrees(wk, tree);
      wk.count_replications(n_units);
    }
    wk.out->cells.shrink_to_fit();
    wk.out->sub_cells.shrink_to_fit();
    wk.out->sub_begin.shrink_to_fit();
    wk.out->rep_cells.shrink_to_fit();
    out.push_back(std::move(wk.out));
  }
  return out;
}

std::shared_ptr<const UnitTree> Registry::Impl::build_unit_tree() const {
  auto tree = std::make_shared<UnitTree>();
  UnitTree& t = *tree;
  const std::size_t n = unit_info.size();
  t.pos.assign(n, none32);
  t.end.assign(n, 0);
  t.order.reserve(n);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stack;  // (unit, its next child link)
  const auto visit = [&](std::uint32_t u) {
    t.pos[u] = static_cast<std::uint32_t>(t.order.size());
    t.order.push_back(u);
    stack.emplace_back(u, child_begin[u]);
  };
  for (std::uint32_t root = 0; root < n; ++root) {
    if (unit_info[root].parent != none32) continue;
    t.roots.push_back(root);
    visit(root);
    while (!stack.empty()) {
      const std::uint32_t u = stack.back().first;
      const std::uint32_t next = stack.back().second;
      if (next < child_begin[u + 1]) {
        ++stack.back().second;
        visit(child_list[next]);
      } else {
        t.end[u] = static_cast<std::uint32_t>(t.order.size());
        stack.pop_back();
      }
    }
  }
  t.first_day.assign(n, none32);
  for (std::size_t u = 0; u < n; ++u) {
    for (const auto i : by_unit[u]) {
      const Record& r = records[i];
      for (std::uint32_t k = 0; k < r.event_count; ++k) {
        const PackedEvent& e = events[r.first_event + k];
        t.first_day[u] = std::min(t.first_day[u], e.day);
        for (std::uint32_t x = 0; x < e.units_count; ++x) {
          std::uint32_t& d = t.first_day[targets[e.units_off + x]];
          d = std::min(d, e.day);
        }
      }
    }
  }
  return tree;
}

std::shared_ptr<const UnitTree> Registry::Impl::unit_tree() const {
  const std::lock_guard<std::mutex> lock(stats_cache.mutex);
  if (!stats_cache.tree) stats_cache.tree = build_unit_tree();
  stats_cache.filled.store(true, std::memory_order_release);
  return stats_cache.tree;
}

bool Registry::Impl::same_units(const UnitTree& tree, std::uint32_t root,
                                const std::vector<std::uint32_t>& unit_list,
                                std::uint32_t last_day) {
  if (!tree.complete()) return false;
  const auto active = [&](std::uint32_t u) { return tree.first_day[u] <= last_day; };
  std::size_t listed = 0;
  for (const auto u : unit_list) {
    if (!active(u)) continue;
    if (!tree.in_subtree(u, root)) return false;
    ++listed;
  }
  std::size_t in_tree = 0;
  for (std::uint32_t p = tree.pos[root]; p < tree.end[root]; ++p) {
    in_tree += active(tree.order[p]) ? 1 : 0;
  }
  return listed == in_tree;
}

std::shared_ptr<const UnitEvents> Registry::Impl::build_unit_events() const {
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

std::vector<std::shared_ptr<const YearAggregates>> Registry::Impl::year_aggregates(
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
    if (!stats_cache.tree) stats_cache.tree = build_unit_tree();
    const auto built = build_years(missing, *stats_cache.tree);
    for (std::size_t k = 0; k < missing.size(); ++k) {
      stats_cache.years.insert_or_assign(missing[k].first, built[k]);
    }
    stats_cache.filled.store(true, std::memory_order_release);
  }
  std::vector<std::shared_ptr<const YearAggregates>> out;
  for (const auto& [year, months] : wanted) out.push_back(stats_cache.years.at(year));
  return out;
}

std::shared_ptr<const UnitEvents> Registry::Impl::unit_events() const {
  const std::lock_guard<std::mutex> lock(stats_cache.mutex);
  if (!stats_cache.unit_events) stats_cache.unit_events = build_unit_events();
  stats_cache.filled.store(true, std::memory_order_release);
  return stats_cache.unit_events;
}

std::shared_ptr<const std::vector<std::pair<std::uint32_t, std::uint32_t>>>
Registry::Impl::replications() const {
  const std::lock_guard<std::mutex> lock(stats_cache.mutex);
  if (!stats_cache.replications) {
    auto list = std::make_shared<std::vector<std::pair<std::uint32_t, std::uint32_t>>>();
    for (std::uint32_t i = 0; i < records.size(); ++i) {
      const Record& r = records[i];
      for (std::uint32_t k = 0; k < r.event_count; ++k) {
        const PackedEvent& e = events[r.first_event + k];
        for (std::uint32_t t = 0; t < e.units_count; ++t) {
          list->emplace_back(targets[e.units_off + t], i);
        }
      }
    }
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
    stats_cache.replications = std::move(list);
  }
  stats_cache.filled.store(true, std::memory_order_release);
  return stats_cache.replications;
}

void Registry::Impl::aggregate(const YearAggregates& a, const YearWindow& w,
                               const std::vector<std::uint32_t>& unit_list,
                               const std::vector<std::uint32_t>* cover,
                               std::vector<StatsCounts>& full) const {
  const auto chosen = a.months ? choose_base(a.days, w.as_of, w.as_of_year, recognition_years > 0)
                               : std::optional<std::size_t>(base_count - 1);
  const bool other_year = recognition_years > 0 && w.as_of_year != date_of(a.days.back()).year();
  if (!chosen || (!a.months && other_year)) {
    // No base day in the as-of day's year: count by walking the units' entries.
    for (const auto u : unit_list) {
      for (const auto i : by_unit[u]) {
        StatsCounts c;
        std::size_t tail = 0;
        if (contribution(records[i], w, c, tail)) {
          each_full_cell(records[i], tail, [&](std::size_t cell) { add_counts(full[cell], c); });
        }
      }
    }
    return;
  }
  const std::size_t base = *chosen;
  // The subtrees' sums hold 31 December only.
  const bool subtrees = cover != nullptr && base == base_count - 1;
  const auto add_segment = [&](std::uint32_t u, std::size_t segment, long long sign) {
    const auto [first, last] = a.segment(u, segment, subtrees);
    for (const AggregateCell* c = first; c != last; ++c) add_cell(full[c->cell], c->counts, sign);
  };
  const bool forwards = base < base_count / 2;
  for (const auto u : subtrees ? *cover : unit_list) {
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
  const YearWindow base_window{w.first, w.last, a.days[base], w.as_of_year};
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
    std::size_t tail = 0;
    if (contribution(r, base_window, c, tail)) {
      each_full_cell(r, tail, [&](std::size_t cell) { add_counts(full[cell], c, -1); });
    }
    if (contribution(r, w, c, tail)) {
      each_full_cell(r, tail, [&](std::size_t cell) { add_counts(full[cell], c); });
    }
  }
}

bool Registry::Impl::add_subtree_replications(const YearAggregates& a, const YearWindow& w,
                                              std::uint32_t root,
                                              std::vector<StatsCounts>& full) const {
  if (a.rep_begin.empty() || w.check_start || w.first != a.days.front() + 1 ||
      w.last != a.days.back() || w.as_of != a.days.back()) {
    return false;
  }
  for (std::uint32_t k = a.rep_begin[root]; k < a.rep_begin[root + 1]; ++k) {
    add_cell(full[a.rep_cells[k].cell], a.rep_cells[k].counts, 1);
  }
  return true;
}

void Registry::Impl::add_replications_into(const YearWindow& w,
                                           const std::vector<std::uint32_t>& unit_list,
                                           std::vector<StatsCounts>& full) const {
  std::vector<char> inc(unit_info.size(), 0);
  for (const auto u : unit_list) inc[u] = 1;
  const auto reps = replications();
  std::vector<std::uint32_t> candidates;
  for (const auto u : unit_list) {
    auto it = std::lower_bound(reps->begin(), reps->end(), std::make_pair(u, std::uint32_t{0}));
    for (; it != reps->end() && it->first == u; ++it) {
      if (inc[records[it->second].unit] == 0) candidates.push_back(it->second);
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (const auto i : candidates) {
    const Record& r = records[i];
    bool into = false;
    for (std::uint32_t k = 0; k < r.event_count && !into; ++k) {
      const PackedEvent& e = events[r.first_event + k];
      if (e.day > w.as_of) break;
      if (e.type != EventType::replicated || e.day < w.first || e.day > w.last ||
          (w.check_start && start_day(e) < w.first)) {
        continue;
      }
      for (std::uint32_t t = 0; t < e.units_count; ++t) {
        if (inc[targets[e.units_off + t]] != 0) into = true;
      }
    }
    if (!into) continue;
    StatsCounts c;
    std::size_t tail = 0;
    contribution(r, w, c, tail);
    StatsCounts only;
    only.replicated = 1;
    each_full_cell(r, tail, [&](std::size_t cell) { add_counts(full[cell], only); });
  }
}

// ---------------------------------------------------------------------------------------------
// Periods

namespace {

std::optional<int> year_of(std::string_view s) {
  if (s.size() != 4) return std::nullopt;
  int y = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    y = y * 10 + (c - '0');
  }
  if (y < 1401 || y > 9999) return std::nullopt;
  return y;
}

bool whole_years(const DateRange& r) {
  return r.first.month() == 1 && r.first.day() == 1 && r.last.month() == 12 && r.last.day() == 31;
}

}  // namespace

DateRange parse_date_range(std::string_view text) {
  const auto fail = [&](const std::string& why) -> DateRange {
    throw ValueError("period \"" + std::string(text) + "\": " + why);
  };
  DateRange r;
  if (const auto dots = text.find(".."); dots != std::string_view::npos) {
    try {
      r = {parse_date(text.substr(0, dots)), parse_date(text.substr(dots + 2))};
    } catch (const ParseError& e) {
      return fail(std::string("expected DAY..DAY (2022-03-01..2022-09-30): ") + e.what());
    }
  } else {
    const auto dash = text.find('-');
    const auto y0 = year_of(text.substr(0, dash));
    const auto y1 = dash == std::string_view::npos ? y0 : year_of(text.substr(dash + 1));
    if (!y0 || !y1) {
      return fail("expected a year 1401..9999, a phase YEAR-YEAR (2021-2025) or DAY..DAY");
    }
    r = {make_date(*y0, 1, 1), make_date(*y1, 12, 31)};
  }
  if (r.last < r.first) return fail("ends before it starts");
  if (r.first.year() < 1402) return fail("starts before 1402");
  return r;
}

std::string to_string(const DateRange& r) {
  if (whole_years(r)) {
    const std::string a = std::to_string(r.first.year());
    return r.first.year() == r.last.year() ? a : a + "-" + std::to_string(r.last.year());
  }
  return to_iso(r.first) + ".." + to_iso(r.last);
}

DateRange previous_range(const DateRange& r) {
  if (whole_years(r)) {
    const int n = r.last.year() - r.first.year() + 1;
    return {make_date(r.first.year() - n, 1, 1), make_date(r.first.year() - 1, 12, 31)};
  }
  const auto days = (r.last - r.first).days() + 1;
  return {r.first - boost::gregorian::days(days), r.first - boost::gregorian::days(1)};
}

// ---------------------------------------------------------------------------------------------
// The table

namespace {

Date minus_year(Date d) {
  const int y = d.year() - 1;
  const int m = d.month();
  int dd = d.day();
  if (m == 2 && dd == 29) dd = 28;
  return make_date(y, m, dd);
}

/// The checked query, the two windows and the cells of the table (query resolution: field *
/// cells_per_field + (level * 3 + subject) * 2 + kind, field F being "unknown", the dimensions
/// not grouped by at slot 0).
struct StatsWork {
  StatsTable table;
  YearWindow cur, prev;
  bool by_field = false, by_level = false, by_subject = false, by_kind = false;
  std::vector<std::array<StatsCounts, 2>> cells;
  std::array<StatsCounts, 2> totals{};
};

/// The units a query names: unit_id, then unit_ids, each once (empty: every unit).
std::vector<std::string> query_units(const StatsQuery& query) {
  std::vector<std::string> ids;
  if (query.unit_id) ids.push_back(*query.unit_id);
  for (const std::string& id : query.unit_ids) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

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
  table.unit_ids = query_units(query);
  if (table.unit_ids.size() == 1) table.unit_id = table.unit_ids.front();
  table.current_units = query.current_units;
  table.by = query.by;
  w.cur = year_window(query.year, table.as_of);
  w.prev = year_window(query.year - 1, minus_year(table.as_of));
  for (const auto d : query.by) {
    w.by_field |= d == StatsDimension::field;
    w.by_level |= d == StatsDimension::level;
    w.by_subject |= d == StatsDimension::subject;
    w.by_kind |= d == StatsDimension::kind;
  }
  w.cells.resize((field_count + 1) * cells_per_field);
  return w;
}

/// The key and label of one dimension's slot.
std::pair<std::string, std::string> dimension_key(StatsDimension d, std::size_t cell,
                                                  const std::vector<Field>& fields) {
  const std::size_t field = cell / cells_per_field;
  const std::size_t rest = cell % cells_per_field;
  switch (d) {
    case StatsDimension::field:
      if (field == fields.size()) return {"unknown", "không rõ"};
      return {fields[field].id, fields[field].name};
    case StatsDimension::level: {
      const std::size_t level = level_of_cell(rest);
      if (level == unknown_level_slot) return {"unknown", "không rõ"};
      if (level == no_level_slot) return {"none", "chưa công nhận"};
      const auto l = static_cast<Level>(level);
      return {std::string(to_string(l)), std::string(vietnamese_name(l))};
    }
    case StatsDimension::subject: {
      const auto s = static_cast<Subject>(subject_of_cell(rest));
      return {std::string(to_string(s)), std::string(vietnamese_name(s))};
    }
    case StatsDimension::kind: {
      const auto k = static_cast<EntryKind>(kind_of_cell(rest));
      return {std::string(to_string(k)), std::string(vietnamese_name(k))};
    }
  }
  return {};
}

std::size_t dimension_slot(StatsDimension d, std::size_t cell) {
  const std::size_t rest = cell % cells_per_field;
  switch (d) {
    case StatsDimension::field:
      return cell / cells_per_field;
    case StatsDimension::level:
      return level_of_cell(rest);
    case StatsDimension::subject:
      return subject_of_cell(rest);
    case StatsDimension::kind:
      return kind_of_cell(rest);
  }
  return 0;
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
      rank = rank * 128 + static_cast<std::uint32_t>(dimension_slot(d, cell));
    }
    order.emplace_back(rank, cell);
  }
  std::sort(order.begin(), order.end());
  table.rows.reserve(order.size());
  for (const auto& [rank, cell] : order) {
    StatsRow row;
    row.keys.reserve(table.by.size());
    row.labels.reserve(table.by.size());
    for (const auto d : table.by) {
      auto [key, label] = dimension_key(d, cell, fields);
      row.keys.push_back(std::move(key));
      row.labels.push_back(std::move(label));
    }
    row.current = w.cells[cell][0];
    row.previous = w.cells[cell][1];
    table.rows.push_back(std::move(row));
  }
}

/// Adds the full-resolution counts of one window to the table's cells (column `which`).
void project(const std::vector<StatsCounts>& full, std::size_t field_count, StatsWork& w,
             std::size_t which) {
  const std::size_t no_field = (field_count + 1) * cells_per_field;
  for (std::size_t cell = 0; cell < full.size(); ++cell) {
    const StatsCounts& c = full[cell];
    if (c == StatsCounts{}) continue;
    const bool field_cell = cell < no_field;
    const std::size_t rest = cell % cells_per_field;
    const std::size_t level_slot = w.by_level ? level_of_cell(rest) : 0;
    const std::size_t subject_slot = w.by_subject ? subject_of_cell(rest) : 0;
    const std::size_t kind_slot = w.by_kind ? kind_of_cell(rest) : 0;
    const std::size_t tail = (level_slot * subject_slots + subject_slot) * 2 + kind_slot;
    if (!field_cell) {
      add_counts(w.totals[which], c);
      if (!w.by_field) add_counts(w.cells[tail][which], c);
    } else if (w.by_field) {
      add_counts(w.cells[cell / cells_per_field * cells_per_field + tail][which], c);
    }
  }
}

Date minus_years(Date d, int n) {
  for (int k = 0; k < n; ++k) d = minus_year(d);
  return d;
}

}  // namespace

StatsTable Registry::Impl::period_stats(const StatsQuery& query) const {
  const DateRange cur = *query.period;
  const DateRange prev = previous_range(cur);
  StatsQuery q = query;
  q.year = cur.last.year();
  q.as_of = query.as_of.value_or(cur.last);
  StatsWork w = start_stats(q, fields.items.size());
  w.table.period = cur;
  w.table.previous_period = prev;
  const bool years = prev.last.month() == 12 && prev.last.day() == 31 && cur.first.month() == 1 &&
                     cur.first.day() == 1;
  const Date prev_as_of = years ? minus_years(*q.as_of, cur.first.year() - prev.first.year())
                                : *q.as_of - (cur.first - prev.first);
  w.cur = {day_of(cur.first), day_of(cur.last), day_of(*q.as_of), q.as_of->year(), true};
  w.prev = {day_of(prev.first), day_of(prev.last), day_of(prev_as_of), prev_as_of.year(), true};
  for (std::size_t which = 0; which < 2; ++which) {
    const YearWindow& win = which == 0 ? w.cur : w.prev;
    std::vector<std::uint32_t> unit_list;
    if (!w.table.unit_ids.empty()) {
      unit_list = included_units(w.table.unit_ids, win.as_of, query.current_units);
    } else {
      unit_list.resize(unit_info.size());
      std::iota(unit_list.begin(), unit_list.end(), std::uint32_t{0});
    }
    std::vector<StatsCounts> full(full_cells());
    for (const auto u : unit_list) {
      for (const auto i : by_unit[u]) {
        StatsCounts c;
        std::size_t tail = 0;
        if (contribution(records[i], win, c, tail)) {
          each_full_cell(records[i], tail, [&](std::size_t cell) { add_counts(full[cell], c); });
        }
      }
    }
    if (!w.table.unit_ids.empty()) add_replications_into(win, unit_list, full);
    project(full, fields.items.size(), w, which);
  }
  finish_stats(w, fields.items);
  return std::move(w.table);
}

StatsTable Registry::stats(const StatsQuery& query) const {
  StatsTable t = entry_stats(query);
  if (!impl_->figures.empty()) {
    t.reported = compare_figures(
        t.unit_ids, query.period ? *query.period : parse_date_range(std::to_string(query.year)));
  }
  return t;
}

StatsTable Registry::entry_stats(const StatsQuery& query) const {
  if (query.period) return impl_->period_stats(query);
  const Impl& m = *impl_;
  const std::size_t nf = m.fields.items.size();
  StatsWork w = start_stats(query, nf);
  std::vector<std::uint32_t> cur_units;
  std::vector<std::uint32_t> prev_units;
  // One unit: its subtree (anc), which the fast path may serve; several: their subtrees'
  // union, each unit once (so each entry once), counted unit by unit.
  const std::vector<std::string>& ids = w.table.unit_ids;
  std::uint32_t anc = none32;
  if (ids.size() == 1) {
    anc = m.unit_at(ids.front());
    cur_units = m.included_unit_list(anc, w.cur.as_of, query.current_units);
    prev_units = m.included_unit_list(anc, w.prev.as_of, query.current_units);
  } else if (!ids.empty()) {
    cur_units = m.included_units(ids, w.cur.as_of, query.current_units);
    prev_units = m.included_units(ids, w.prev.as_of, query.current_units);
  } else {
    cur_units.resize(m.unit_info.size());
    std::iota(cur_units.begin(), cur_units.end(), std::uint32_t{0});
    prev_units = cur_units;
  }
  // Sum the per-unit partial aggregates at full resolution, then project onto the grouping.
  const bool validity = m.recognition_years > 0;
  // The month ends are built only when the base day of a year is not 31 December.
  const auto months = [&](int year, const YearWindow& win) {
    const auto base = choose_base(base_days_of(year), win.as_of, win.as_of_year, validity);
    return base && *base != base_count - 1;
  };
  const auto years = m.year_aggregates(
      {{query.year, months(query.year, w.cur)}, {query.year - 1, months(query.year - 1, w.prev)}});
  // When the units counted are those of one subtree (or all), the subtree's sums serve (see
  // same_units), and its replications from outside too.
  const auto tree = m.unit_tree();
  for (std::size_t which = 0; which < 2; ++which) {
    const YearWindow& win = which == 0 ? w.cur : w.prev;
    const auto& units = which == 0 ? cur_units : prev_units;
    const YearAggregates& a = *years[which];
    std::vector<std::uint32_t> cover;
    if (ids.empty()) {
      if (tree->complete()) cover = tree->roots;
    } else if (anc != none32 &&
               Impl::same_units(*tree, anc, units, std::max(win.as_of, a.days.back()))) {
      cover = {anc};
    }
    const bool subtree = !cover.empty() && !a.sub_at.empty();
    std::vector<StatsCounts> full(m.full_cells());
    m.aggregate(a, win, units, subtree ? &cover : nullptr, full);
    if (!ids.empty() && !(subtree && m.add_subtree_replications(a, win, anc, full))) {
      m.add_replications_into(win, units, full);
    }
    project(full, nf, w, which);
  }
  finish_stats(w, m.fields.items);
  return std::move(w.table);
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

const std::array<std::string, count_kinds> count_headers{
    "Đăng ký",   "Công nhận",           "Còn hiệu quả",      "Biểu dương, khen thưởng",
    "Nhân rộng", "Đề nghị khen thưởng", "Nâng lên điển hình"};

std::array<long long, count_kinds> values(const StatsCounts& c) {
  return {c.registered, c.recognised, c.effective, c.commended,
          c.replicated, c.proposed,   c.promoted};
}

/// The counts shown: the first five always, proposed and promoted when any is non-zero.
std::vector<std::size_t> shown_counts(const StatsTable& t) {
  std::vector<std::size_t> out{0, 1, 2, 3, 4};
  for (std::size_t k = 5; k < count_kinds; ++k) {
    bool any = values(t.total)[k] != 0 || values(t.previous_total)[k] != 0;
    for (const auto& r : t.rows)
      any = any || values(r.current)[k] != 0 || values(r.previous)[k] != 0;
    if (any) out.push_back(k);
  }
  return out;
}

std::string vi_day(Date d) { return PartialDate::from_date(d).vietnamese(); }

}  // namespace

namespace {

/// "năm 2022", "giai đoạn 2021–2025", "từ 01/03/2022 đến 30/09/2022".
std::string vi_span(const DateRange& r) {
  if (r.first.month() == 1 && r.first.day() == 1 && r.last.month() == 12 && r.last.day() == 31) {
    return r.first.year() == r.last.year() ? "năm " + std::to_string(r.first.year())
                                           : "giai đoạn " + std::to_string(r.first.year()) + "–" +
                                                 std::to_string(r.last.year());
  }
  return "từ " + vi_day(r.first) + " đến " + vi_day(r.last);
}

}  // namespace

std::string render_figures_text(const std::vector<FigureComparison>& figures) {
  if (figures.empty()) return {};
  std::string out =
      "Số liệu báo cáo (theo nguồn, không cộng vào bảng trên; trong sổ: đếm từ các "
      "mục của sổ theo cùng đơn vị, kỳ và phân loại):\n";
  for (const auto& c : figures) {
    const ReportedFigure& f = c.figure;
    std::string what(vietnamese_name(f.category));
    std::vector<std::string> parts;
    if (f.field_id) parts.push_back("lĩnh vực " + *f.field_id);
    if (f.level) parts.push_back("cấp " + std::string(vietnamese_name(*f.level)));
    if (f.subject) parts.emplace_back(vietnamese_name(*f.subject));
    if (f.kind) parts.emplace_back(vietnamese_name(*f.kind));
    for (std::size_t k = 0; k < parts.size(); ++k) what += (k == 0 ? " (" : ", ") + parts[k];
    if (!parts.empty()) what += ")";
    const std::string_view q = vietnamese_name(f.qualifier);
    out += "- " + f.unit_id + ", " + vi_span(f.period) + ": " + what + " " +
           (q.empty() ? "" : std::string(q) + " ") + std::to_string(f.value) +
           "; trong sổ: " + std::to_string(c.from_entries) + " (" +
           std::string(vietnamese_name(c.agreement)) + "); nguồn: " + f.source + "\n";
  }
  return out;
}

std::string render_stats_text(const StatsTable& t) {
  const auto span = vi_span;
  const std::string now = t.period ? span(*t.period) : "năm " + std::to_string(t.year);
  const std::string before =
      t.previous_period ? span(*t.previous_period) : "năm " + std::to_string(t.year - 1);
  std::string out = "Thống kê mô hình, điển hình \"Dân vận khéo\" " + now + " (tính đến ngày " +
                    vi_day(t.as_of) + "; trong ngoặc: thay đổi so với " + before + ")\n";
  std::vector<std::string> units = t.unit_ids;
  if (units.empty() && t.unit_id) units.push_back(*t.unit_id);
  if (!units.empty()) {
    out += "Đơn vị: " + units.front();
    for (std::size_t k = 1; k < units.size(); ++k) out += ", " + units[k];
    if (units.size() > 1) out += " (gộp chung, mỗi mô hình, điển hình tính một lần)";
    out += t.current_units ? " (gồm các đơn vị tiền thân, theo đơn vị hiện nay)\n" : "\n";
  }
  const auto shown = shown_counts(t);
  std::vector<std::vector<std::string>> grid;
  std::vector<std::string> header;
  for (const auto d : t.by) header.push_back(dimension_header(d));
  for (const auto k : shown) header.push_back(count_headers[k]);
  grid.push_back(header);
  const auto add_row = [&](std::vector<std::string> labels, const StatsCounts& c,
                           const StatsCounts& p) {
    const auto a = values(c);
    const auto b = values(p);
    for (const auto k : shown) labels.push_back(detail::with_change(a[k], b[k]));
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
  out += render_figures_text(t.reported);
  return out;
}

std::vector<std::vector<std::string>> stats_rows(const StatsTable& t) {
  std::vector<std::vector<std::string>> rows;
  const auto shown = shown_counts(t);
  std::vector<std::string> header;
  for (const auto d : t.by) header.push_back(dimension_header(d));
  const std::string now = t.period ? to_string(*t.period) : std::to_string(t.year);
  const std::string before =
      t.previous_period ? to_string(*t.previous_period) : std::to_string(t.year - 1);
  for (const auto k : shown) {
    header.push_back(count_headers[k] + " " + now);
    header.push_back(count_headers[k] + " " + before);
  }
  rows.push_back(std::move(header));
  const auto row_cells = [&](std::vector<std::string> cells, const StatsCounts& c,
                             const StatsCounts& p) {
    const auto a = values(c);
    const auto b = values(p);
    for (const auto k : shown) {
      cells.push_back(std::to_string(a[k]));
      cells.push_back(std::to_string(b[k]));
    }
    rows.push_back(std::move(cells));
  };
  for (const auto& r : t.rows) row_cells(r.labels, r.current, r.previous);
  std::vector<std::string> total_labels(t.by.size(), "");
  if (!total_labels.empty()) total_labels[0] = "Tổng cộng";
  row_cells(total_labels, t.total, t.previous_total);
  return rows;
}

namespace {

/// CSV of `rows`: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting.
std::string csv_text(const std::vector<std::vector<std::string>>& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& cells : rows) {
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (k > 0) out += ',';
      out += detail::csv_field(cells[k]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

std::string render_stats_csv(const StatsTable& t) { return csv_text(stats_rows(t)); }

std::vector<std::vector<std::string>> figures_rows(const std::vector<FigureComparison>& figures) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"Đơn vị", "Kỳ", "Chỉ tiêu", "Lĩnh vực", "Cấp", "Đối tượng", "Loại", "Mức",
                  "Số liệu báo cáo", "Trong sổ", "So sánh", "Nguồn", "Trích dẫn"});
  for (const auto& c : figures) {
    const ReportedFigure& f = c.figure;
    rows.push_back({f.unit_id, to_string(f.period), std::string(vietnamese_name(f.category)),
                    f.field_id.value_or(""), f.level ? std::string(vietnamese_name(*f.level)) : "",
                    f.subject ? std::string(vietnamese_name(*f.subject)) : "",
                    f.kind ? std::string(vietnamese_name(*f.kind)) : "",
                    std::string(vietnamese_name(f.qualifier)), std::to_string(f.value),
                    std::to_string(c.from_entries), std::string(vietnamese_name(c.agreement)),
                    f.source, f.quote.value_or("")});
  }
  return rows;
}

std::string render_figures_csv(const std::vector<FigureComparison>& figures) {
  return csv_text(figures_rows(figures));
}

}  // namespace danvan
