// Test oracle: the statistics table counted by walking every entry through the public API
// (Registry::entry, Entry::state_on/kind_on, UnitHierarchy), with its own copy of the counting
// rules of Event and StatsTable. Registry::stats (per-unit aggregates at base days) is tested
// against it.
#pragma once

#include "danvan/registry.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace danvan::testing {

inline Date oracle_minus_year(Date d) {
  int day = d.day();
  if (d.month() == 2 && day == 29) day = 28;
  return Date(static_cast<unsigned short>(d.year() - 1), d.month(),
              static_cast<unsigned short>(day));
}

/// Whether an entry of `unit` falls under `ancestor` on `day` (see Filter::current_units).
inline bool oracle_included(const UnitHierarchy& h, const std::string& unit,
                            const std::string& ancestor, Date day, bool current, int depth = 0) {
  const Unit* u = h.find(unit);
  if (u == nullptr || depth > 64) return false;
  if (!current) {
    Date d = day;
    if (u->valid_to && *u->valid_to < d) d = *u->valid_to;
    return h.is_within(unit, ancestor, d);
  }
  const auto successors = h.successors_on(unit, day);
  if (successors.empty()) {
    // Dissolved without a successor: its parent carries it on.
    if (u->parent_id && u->valid_to && *u->valid_to < day) {
      return oracle_included(h, *u->parent_id, ancestor, day, current, depth + 1);
    }
    return false;
  }
  for (const Unit* s : successors) {
    if (h.is_within(s->id, ancestor, day)) return true;
  }
  return false;
}

/// What one entry adds to a window [first, last] seen on as_of; false when nothing. `cell` gets
/// (level slot 0..5, subject, kind).
inline bool oracle_counts(const Entry& e, Date first, Date last, Date as_of, int years,
                          StatsCounts& c, std::array<int, 3>& cell) {
  c = StatsCounts{};
  // The day each event certainly happened by: its period's end, or a later event's.
  std::vector<Date> certain(e.events.size());
  for (std::size_t k = e.events.size(); k-- > 0;) {
    certain[k] = e.events[k].date->last_day();
    if (k + 1 < e.events.size() && certain[k + 1] < certain[k]) certain[k] = certain[k + 1];
  }
  if (certain.front() > as_of) return false;
  int level = 5;
  for (std::size_t k = 0; k < e.events.size(); ++k) {
    const Event& ev = e.events[k];
    if (certain[k] > as_of) break;
    const bool proposal = ev.status == CommendationStatus::proposed;
    if (ev.type == EventType::recognised && !proposal) {
      level = std::min(level, ev.level ? static_cast<int>(*ev.level) : 4);
    }
    if (certain[k] < first || certain[k] > last) continue;
    switch (ev.type) {
      case EventType::registered:
        c.registered = 1;
        break;
      case EventType::recognised:
        if (!proposal) c.recognised = 1;
        break;
      case EventType::commended:
      case EventType::awarded:
        (proposal ? c.proposed : c.commended) = 1;
        break;
      case EventType::replicated:
        c.replicated = 1;
        break;
      case EventType::promoted:
        c.promoted = 1;
        break;
      default:
        break;
    }
  }
  c.effective = is_in_force(e.state_on(as_of, years)) ? 1 : 0;
  cell = {level, static_cast<int>(e.subject), static_cast<int>(e.kind_on(as_of))};
  return !(c == StatsCounts{});
}

inline void oracle_add(StatsCounts& t, const StatsCounts& c) {
  t.registered += c.registered;
  t.recognised += c.recognised;
  t.effective += c.effective;
  t.commended += c.commended;
  t.replicated += c.replicated;
  t.proposed += c.proposed;
  t.promoted += c.promoted;
}

/// The table Registry::stats must give.
inline StatsTable stats_by_walk(const Registry& r, const StatsQuery& q) {
  if (q.year < 1402 || q.year > 9999) {
    throw ValueError("year " + std::to_string(q.year) + " is out of range 1402..9999");
  }
  if (q.by.empty()) throw ValueError("no dimension to group by");
  const UnitHierarchy& h = r.units();
  // The units named (unit_id, then unit_ids), each once; an entry is in when any includes it.
  std::vector<std::string> units;
  if (q.unit_id) units.push_back(*q.unit_id);
  for (const auto& u : q.unit_ids) {
    if (std::find(units.begin(), units.end(), u) == units.end()) units.push_back(u);
  }
  for (const auto& u : units) {
    if (h.find(u) == nullptr) throw ValueError("unknown unit \"" + u + "\"");
  }
  StatsTable t;
  t.year = q.year;
  t.as_of = q.as_of.value_or(Date(static_cast<unsigned short>(q.year), 12, 31));
  if (units.size() == 1) t.unit_id = units.front();
  t.unit_ids = units;
  t.current_units = q.current_units;
  t.by = q.by;
  const auto fields = r.fields();
  const int years = r.recognition_years().value_or(0);
  // key: slots of (field, level, subject, kind) for the grouped dimensions, -1 elsewhere.
  std::map<std::array<int, 4>, std::array<StatsCounts, 2>> cells;
  const auto has = [&](StatsDimension d) { return std::count(q.by.begin(), q.by.end(), d) > 0; };
  for (int which = 0; which < 2; ++which) {
    const int year = q.year - which;
    const Date as_of = which == 0 ? t.as_of : oracle_minus_year(t.as_of);
    const Date first(static_cast<unsigned short>(year), 1, 1);
    const Date last(static_cast<unsigned short>(year), 12, 31);
    for (std::size_t i = 0; i < r.size(); ++i) {
      const Entry e = r.entry(i);
      const auto in = [&](const std::string& u) {
        return units.empty() || std::any_of(units.begin(), units.end(), [&](const auto& a) {
                 return oracle_included(h, u, a, as_of, q.current_units);
               });
      };
      StatsCounts c;
      std::array<int, 3> cell{};
      if (!oracle_counts(e, first, last, as_of, years, c, cell)) continue;
      if (!in(e.unit_id)) {
        // Only a replication into the units counts, and only as a replication.
        bool into = false;
        std::vector<Date> certain(e.events.size());
        for (std::size_t k = e.events.size(); k-- > 0;) {
          certain[k] = e.events[k].date->last_day();
          if (k + 1 < e.events.size() && certain[k + 1] < certain[k]) certain[k] = certain[k + 1];
        }
        for (std::size_t k = 0; k < e.events.size(); ++k) {
          if (e.events[k].type != EventType::replicated || certain[k] > as_of ||
              certain[k] < first || certain[k] > last) {
            continue;
          }
          for (const auto& u : e.events[k].unit_ids) into = into || in(u);
        }
        if (!into) continue;
        c = StatsCounts{};
        c.replicated = 1;
      }
      oracle_add(which == 0 ? t.total : t.previous_total, c);
      std::vector<int> field_slots;
      for (const auto& f : e.field_ids) {
        for (std::size_t k = 0; k < fields.size(); ++k) {
          if (fields[k].id == f) field_slots.push_back(static_cast<int>(k));
        }
      }
      if (field_slots.empty()) field_slots.push_back(static_cast<int>(fields.size()));
      if (!has(StatsDimension::field)) field_slots = {-1};
      for (const int f : field_slots) {
        const std::array<int, 4> key{f, has(StatsDimension::level) ? cell[0] : -1,
                                     has(StatsDimension::subject) ? cell[1] : -1,
                                     has(StatsDimension::kind) ? cell[2] : -1};
        oracle_add(cells[key][static_cast<std::size_t>(which)], c);
      }
    }
  }
  const auto slot_of = [](const std::array<int, 4>& key, StatsDimension d) {
    return key[static_cast<std::size_t>(d)];
  };
  std::vector<std::pair<std::vector<int>, std::array<int, 4>>> order;
  for (const auto& [key, pair] : cells) {
    std::vector<int> rank;
    for (const auto d : q.by) rank.push_back(slot_of(key, d));
    order.emplace_back(rank, key);
  }
  std::sort(order.begin(), order.end());
  for (const auto& [rank, key] : order) {
    StatsRow row;
    for (const auto d : q.by) {
      const int s = slot_of(key, d);
      switch (d) {
        case StatsDimension::field:
          if (s == static_cast<int>(fields.size())) {
            row.keys.emplace_back("unknown");
            row.labels.emplace_back("không rõ");
          } else {
            row.keys.push_back(fields[static_cast<std::size_t>(s)].id);
            row.labels.push_back(fields[static_cast<std::size_t>(s)].name);
          }
          break;
        case StatsDimension::level:
          if (s == 4) {
            row.keys.emplace_back("unknown");
            row.labels.emplace_back("không rõ");
          } else if (s == 5) {
            row.keys.emplace_back("none");
            row.labels.emplace_back("chưa công nhận");
          } else {
            row.keys.emplace_back(to_string(static_cast<Level>(s)));
            row.labels.emplace_back(vietnamese_name(static_cast<Level>(s)));
          }
          break;
        case StatsDimension::subject:
          row.keys.emplace_back(to_string(static_cast<Subject>(s)));
          row.labels.emplace_back(vietnamese_name(static_cast<Subject>(s)));
          break;
        case StatsDimension::kind:
          row.keys.emplace_back(to_string(static_cast<EntryKind>(s)));
          row.labels.emplace_back(vietnamese_name(static_cast<EntryKind>(s)));
          break;
      }
    }
    row.current = cells[key][0];
    row.previous = cells[key][1];
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace danvan::testing
