// The registry's store: entries packed in arenas, the id table, the unit graph, filters and
// folded search. The lifecycle rules are in registry_lifecycle.cpp, the statistics in
// registry_stats.cpp.
#include "danvan/registry.hpp"

#include "base/enum_names.hpp"
#include "danvan/error.hpp"
#include "danvan/instrument.hpp"
#include "danvan/text.hpp"
#include "registry/registry_impl.hpp"
#include "registry/registry_lifecycle.hpp"
#include "registry/registry_load.hpp"
#include "text/text_detail.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace danvan {

using detail::date_of;
using detail::day_of;
using detail::make_date;
using detail::none32;
using detail::none8;
using detail::PackedEvent;
using detail::Record;

namespace detail {

template <class T>
void Vocabulary<T>::declare(T item, std::string_view what, std::size_t max) {
  const std::string w(what);
  if (!is_valid_id(item.id)) {
    throw ValueError("invalid " + w + " id \"" + item.id +
                     "\": ids are 1..100 characters of a-z, 0-9 and '-', not starting with '-'");
  }
  item.name = normalize_nfc(item.name);
  if (squeeze_spaces(item.name).empty()) {
    throw ValueError(w + " \"" + item.id + "\": the name is empty");
  }
  if (const auto it = index.find(item.id); it != index.end()) {
    throw ValueError(w + " \"" + item.id + "\" is already " +
                     (it->second < builtin ? "built in" : "declared"));
  }
  if (items.size() >= max) {
    throw ValueError("a registry has at most " + std::to_string(max) + " " + w + "s");
  }
  items.push_back(std::move(item));
  reindex();
}

template struct Vocabulary<Field>;
template struct Vocabulary<Grade>;
template struct Vocabulary<CommendationForm>;

}  // namespace detail

namespace {

std::string entry_event_label(const Entry& entry, std::size_t i) {
  return "entry \"" + entry.id + "\": event " + std::to_string(i + 1) + " (" +
         describe(entry.events[i]) + ")";
}

}  // namespace

void Registry::Impl::set_units(UnitHierarchy h) {
  units = std::move(h);
  index_unit_ids();
  unit_info.clear();
  const auto& us = units.units();
  unit_info.resize(us.size());
  folded_unit_names.clear();
  unit_name_ends.clear();
  for (std::size_t i = 0; i < us.size(); ++i) {
    auto& info = unit_info[i];
    if (us[i].parent_id) info.parent = unit_at(*us[i].parent_id);
    if (us[i].valid_from) info.from = day_of(*us[i].valid_from);
    if (us[i].valid_to) info.to = day_of(*us[i].valid_to);
    detail::fold_append(us[i].id, folded_unit_names);
    folded_unit_names += ' ';
    detail::fold_append(us[i].name, folded_unit_names);
    unit_name_ends.push_back(static_cast<std::uint32_t>(folded_unit_names.size()));
    folded_unit_names += '\n';
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
}

detail::Span Registry::Impl::store(std::string_view s) {
  if (text.size() + s.size() > none32) throw ValueError("registry text exceeds 4 GiB");
  detail::Span out{static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(s.size())};
  text.append(s);
  return out;
}

std::uint32_t Registry::Impl::intern(std::string_view s) {
  const auto it = pool_index.find(s);
  if (it != pool_index.end()) return it->second;
  const auto n = static_cast<std::uint32_t>(pool.size());
  pool.emplace_back(s);
  pool_index.emplace(std::string(s), n);
  return n;
}

std::size_t Registry::Impl::slot_of(std::string_view id, std::uint32_t h) const {
  const std::size_t mask = id_table.size() - 1;
  const std::uint64_t tag = std::uint64_t{h} << 32U;
  std::size_t s = h & mask;
  for (std::uint64_t v = id_table[s]; v != 0; v = id_table[s]) {
    if ((v & ~std::uint64_t{none32}) == tag &&
        view(records[static_cast<std::uint32_t>(v) - 1].id) == id) {
      break;
    }
    s = (s + 1) & mask;
  }
  return s;
}

std::optional<std::uint32_t> Registry::Impl::find(std::string_view id) const {
  if (id_table.empty()) return std::nullopt;
  const std::uint64_t v = id_table[slot_of(id, id_hash(id))];
  if (v == 0) return std::nullopt;
  return static_cast<std::uint32_t>(v) - 1;
}

void Registry::Impl::index_last(std::size_t slot, std::uint32_t h) {
  const auto record = static_cast<std::uint32_t>(records.size() - 1);
  if ((records.size() + 1) * 2 > id_table.size()) {
    std::vector<std::uint64_t> old = std::move(id_table);
    id_table.assign(std::max<std::size_t>(64, old.size() * 2), 0);
    const std::size_t mask = id_table.size() - 1;
    for (const auto v : old) {
      if (v == 0) continue;
      std::size_t s = (v >> 32U) & mask;
      while (id_table[s] != 0) s = (s + 1) & mask;
      id_table[s] = v;
    }
    slot = slot_of(view(records[record].id), h);
  }
  id_table[slot] = (std::uint64_t{h} << 32U) | (record + 1);
}

void detail::SearchIndex::append(std::string_view name, const std::string_view* person,
                                 std::string_view description) {
  detail::fold_append(name, names);
  if (person != nullptr) {
    names += ' ';
    detail::fold_append(*person, names);
  }
  name_ends.push_back(static_cast<std::uint32_t>(names.size()));
  names += '\n';
  detail::fold_append(description, descriptions);
  description_ends.push_back(static_cast<std::uint32_t>(descriptions.size()));
  descriptions += '\n';
}

const detail::SearchIndex& Registry::Impl::searchable() const {
  detail::SearchIndex& x = search_index;
  if (x.built.load(std::memory_order_acquire)) return x;
  const std::lock_guard<std::mutex> lock(x.mutex);
  if (x.built.load(std::memory_order_relaxed)) return x;
  x.name_ends.reserve(records.size());
  x.description_ends.reserve(records.size());
  for (const Record& r : records) {
    const std::string_view person = view(r.person);
    x.append(view(r.name), r.has_person ? &person : nullptr, view(r.description));
  }
  x.built.store(true, std::memory_order_release);
  return x;
}

bool Registry::Impl::within(std::uint32_t u, std::uint32_t ancestor, std::uint32_t day) const {
  if (!exists(u, day)) return false;
  while (u != none32) {
    if (u == ancestor) return true;
    u = unit_info[u].parent;
    if (u != none32 && !exists(u, day)) return false;
  }
  return false;
}

std::vector<std::uint32_t> Registry::Impl::included_unit_list(std::uint32_t ancestor,
                                                              std::uint32_t day,
                                                              bool current) const {
  std::vector<std::uint32_t> out;
  if (current) {
    // "As it is now": the hierarchy's continuation rule (UnitHierarchy::carried_into), the one
    // successor rule of danvan; positions in the hierarchy are the registry's unit numbers.
    const auto carried = units.carried_into(units.units()[ancestor].id, date_of(day));
    out.reserve(carried.size());
    for (const auto u : carried) out.push_back(static_cast<std::uint32_t>(u));
    return out;
  }
  // "As they were": each unit of the subtree as it was on the day, or on its last day before.
  std::vector<std::uint32_t> subtree{ancestor};
  for (std::size_t k = 0; k < subtree.size(); ++k) {
    const std::uint32_t u = subtree[k];
    for (std::uint32_t c = child_begin[u]; c < child_begin[u + 1]; ++c) {
      subtree.push_back(child_list[c]);
    }
  }
  for (const auto u : subtree) {
    if (within(u, ancestor, std::min(day, unit_info[u].to))) out.push_back(u);
  }
  return out;
}

void Registry::Impl::index_unit_ids() {
  const auto& us = units.units();
  unit_ids.clear();
  unit_id_end.clear();
  unit_id_end.reserve(us.size());
  std::size_t size = 64;
  while (size < us.size() * 2) size *= 2;
  unit_table.assign(size, 0);
  const std::size_t mask = size - 1;
  for (std::size_t u = 0; u < us.size(); ++u) {
    unit_ids += us[u].id;
    unit_id_end.push_back(static_cast<std::uint32_t>(unit_ids.size()));
    const std::uint32_t h = id_hash(us[u].id);
    std::size_t s = h & mask;
    while (unit_table[s] != 0) s = (s + 1) & mask;  // (the hierarchy's ids are distinct)
    unit_table[s] = (std::uint64_t{h} << 32U) | (u + 1);
  }
}

std::optional<std::uint32_t> Registry::Impl::unit_position(std::string_view id) const {
  if (unit_table.empty()) return std::nullopt;
  const std::uint32_t h = id_hash(id);
  const std::size_t mask = unit_table.size() - 1;
  const std::uint64_t tag = std::uint64_t{h} << 32U;
  for (std::size_t s = h & mask; unit_table[s] != 0; s = (s + 1) & mask) {
    const std::uint64_t v = unit_table[s];
    if ((v & ~std::uint64_t{none32}) != tag) continue;
    const auto u = static_cast<std::uint32_t>(v) - 1;
    const std::uint32_t begin = u == 0 ? 0 : unit_id_end[u - 1];
    if (std::string_view(unit_ids).substr(begin, unit_id_end[u] - begin) == id) return u;
  }
  return std::nullopt;
}

std::vector<std::uint32_t> Registry::Impl::included_units(const std::vector<std::string>& ids,
                                                          std::uint32_t day, bool current) const {
  std::vector<std::uint32_t> out;
  for (const std::string& id : ids) {
    const auto some = included_unit_list(unit_at(id), day, current);
    out.insert(out.end(), some.begin(), some.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::uint32_t Registry::Impl::unit_at(std::string_view id) const {
  const auto at = unit_position(id);
  if (!at) throw ValueError("unknown unit \"" + std::string(id) + "\"");
  return *at;
}

namespace {

/// The partial date at `precision` containing the day.
PartialDate truncated(Date day, DatePrecision precision) {
  switch (precision) {
    case DatePrecision::year:
      return PartialDate(day.year());
    case DatePrecision::month:
      return {day.year(), day.month()};
    case DatePrecision::day:
      break;
  }
  return PartialDate::from_date(day);
}

}  // namespace

Event Registry::Impl::event_of(const PackedEvent& p) const {
  Event e;
  e.type = p.type;
  e.date = truncated(date_of(p.day), p.precision());
  if (p.level != none8) e.level = static_cast<Level>(p.level);
  if (p.by != none32) e.by = pool[p.by];
  if (p.decision != none32) e.decision = pool[p.decision];
  for (std::uint32_t k = 0; k < p.units_count; ++k) {
    e.unit_ids.push_back(units.units()[targets[p.units_off + k]].id);
  }
  switch (p.type) {
    case EventType::reevaluated:
      e.year = p.year;  // (a recognition keeps its year in p.year for the validity rule)
      e.effective = p.effective() == 1;
      break;
    case EventType::recognised:
      if (p.value != none8) e.grade = grades.items[p.value].id;
      if (p.proposed()) e.status = CommendationStatus::proposed;
      break;
    case EventType::commended:
    case EventType::awarded:
      if (p.value != none8) e.form = forms.items[p.value].id;
      if (p.proposed()) e.status = CommendationStatus::proposed;
      break;
    case EventType::promoted:
      e.kind = static_cast<EntryKind>(p.value);
      break;
    default:
      break;
  }
  return e;
}

Entry Registry::Impl::entry_of(std::size_t i) const {
  const Record& r = records.at(i);
  Entry e;
  e.id = view(r.id);
  e.kind = r.kind;
  e.subject = r.subject;
  e.name = view(r.name);
  e.unit_id = units.units()[r.unit].id;
  for (std::uint32_t k = 0; k < r.places_count; ++k) {
    e.place_unit_ids.push_back(units.units()[targets[r.places_off + k]].id);
  }
  for (std::size_t f = 0; f < fields.items.size(); ++f) {
    if ((r.fields >> f) & 1U) e.field_ids.push_back(fields.items[f].id);
  }
  e.description = view(r.description);
  if (r.has_person) e.person_name = std::string(view(r.person));
  for (std::uint32_t k = 0; k < r.event_count; ++k) {
    e.events.push_back(event_of(events[r.first_event + k]));
  }
  return e;
}

detail::Walk Registry::Impl::walk(const Record& r, std::uint32_t day) const {
  detail::Walk w;
  w.kind = static_cast<std::uint8_t>(r.kind);
  for (std::uint32_t k = 0; k < r.event_count; ++k) {
    const PackedEvent& e = events[r.first_event + k];
    if (e.day > day) break;
    w.apply(e);
  }
  return w;
}

EntryState Registry::Impl::state(const Record& r, std::uint32_t day) const {
  const detail::Walk w = walk(r, day);
  if (is_in_force(w.state) && detail::lapsed(w.anchor, date_of(day).year(), recognition_years)) {
    return EntryState::lapsed;
  }
  return w.state;
}

void Registry::Impl::check_event_references(const Entry& e,
                                            std::vector<JsonProblem>& problems) const {
  for (std::size_t i = 0; i < e.events.size(); ++i) {
    const Event& ev = e.events[i];
    // "/events/1/by" and "event 2 (recognised on ...) names ...", made for a problem only.
    const auto problem = [&](std::string_view key, const std::string& why) {
      std::string where = "/events/" + std::to_string(i);
      if (!key.empty()) where.append("/").append(key);
      problems.push_back(
          {std::move(where), "event " + std::to_string(i + 1) + " (" + describe(ev) + ") " + why});
    };
    if (ev.year && (*ev.year < 0 || *ev.year > 9999)) {
      problem("year", "evaluates the impossible year " + std::to_string(*ev.year));
    }
    if (ev.by && !unit_position(*ev.by)) {
      problem("by", "names the unknown unit \"" + *ev.by + "\" as \"by\"");
    }
    if (ev.grade && !grades.index.contains(*ev.grade)) {
      problem("grade", "has the unknown grade \"" + *ev.grade + "\"");
    }
    if (ev.form && !forms.index.contains(*ev.form)) {
      problem("form", "has the unknown form \"" + *ev.form + "\"");
    }
    for (std::size_t k = 0; k < ev.unit_ids.size(); ++k) {
      if (!unit_position(ev.unit_ids[k])) {
        problem("units/" + std::to_string(k),
                "replicates to the unknown unit \"" + ev.unit_ids[k] + "\"");
      }
    }
    if (ev.unit_ids.size() > 255) problem("units", "names more than 255 units");
  }
}

void Registry::Impl::check_entry(const Entry& e, std::uint64_t& field_mask, std::uint32_t& unit,
                                 std::vector<std::uint32_t>& places, bool duplicate_id) {
  // Every problem is collected, then reported at once (one alone keeps its message), each with
  // its place in the entry's JSON form ("/fields/1").
  std::vector<JsonProblem> problems;
  const auto problem = [&problems](std::string where, std::string message) {
    problems.push_back({std::move(where), std::move(message)});
  };
  const auto at = [](std::string_view key, std::size_t k) {
    return std::string(key) + "/" + std::to_string(k);
  };
  const auto who = [&e] { return "entry \"" + e.id + "\": "; };
  if (!is_valid_id(e.id)) {
    problem("/id", "invalid entry id \"" + e.id +
                       "\": ids are 1..100 characters of a-z, 0-9 and '-', not starting with '-'");
  }
  if (duplicate_id) problem("/id", "duplicate id");
  // (The texts are valid UTF-8: add() normalised them, add_event() read them from the store.)
  if (detail::is_blank(e.name)) problem("/name", "the name is empty");
  if (e.subject == Subject::collective && e.person_name) {
    problem("/person", "a collective has no person name");
  }
  if (e.person_name && detail::is_blank(*e.person_name)) {
    problem("/person", "the person name is empty");
  }
  const auto owner = unit_position(e.unit_id);
  const bool known_unit = owner.has_value();
  if (!known_unit) problem("/unit", "unknown unit \"" + e.unit_id + "\"");
  unit = known_unit ? *owner : none32;
  places.clear();
  for (std::size_t k = 0; k < e.place_unit_ids.size(); ++k) {
    const std::string& p = e.place_unit_ids[k];
    const auto place = unit_position(p);
    if (!place) {
      problem(at("/places", k), "unknown place unit \"" + p + "\"");
    } else if (*place == unit) {
      problem(at("/places", k), "place unit \"" + p + "\" is the owner");
    } else if (std::find(places.begin(), places.end(), *place) != places.end()) {
      problem(at("/places", k), "place unit \"" + p + "\" is listed twice");
    } else {
      places.push_back(*place);
    }
  }
  if (places.size() > 255) problem("/places", "names more than 255 place units");
  field_mask = 0;
  for (std::size_t k = 0; k < e.field_ids.size(); ++k) {
    const std::string& f = e.field_ids[k];
    const auto fit = fields.index.find(f);
    if (fit == fields.index.end()) {
      problem(at("/fields", k), "unknown field \"" + f + "\"");
      continue;
    }
    const std::uint64_t bit = std::uint64_t{1} << fit->second;
    if ((field_mask & bit) != 0) problem(at("/fields", k), "field \"" + f + "\" is listed twice");
    field_mask |= bit;
  }
  bool events_valid = true;
  try {
    check_events(e);
  } catch (const ValueError& error) {
    // check_events places its problem ("/events/1"), its reason without the entry's name.
    events_valid = false;
    for (JsonProblem& p : error.problems()) {
      if (const std::string w = who(); p.reason.rfind(w, 0) == 0) p.reason.erase(0, w.size());
      problem(p.pointer.empty() ? "/events" : std::move(p.pointer), std::move(p.reason));
    }
  }
  if (events_valid && known_unit) {
    const PartialDate reg = *e.events.front().date;
    const auto& info = unit_info[unit];
    if (info.from > day_of(reg.last_day()) || info.to < day_of(reg.first_day())) {
      problem("/unit", "unit \"" + e.unit_id + "\" does not exist on " + reg.iso() +
                           (e.events.front().type == EventType::registered
                                ? ", the registration day"
                                : ", the day of its first event"));
    }
  }
  // What the events name, with the entry's other problems (pack_events stops at the first).
  check_event_references(e, problems);
  if (e.events.size() > 65535) problem("/events", "has more than 65535 events");
  if (problems.empty()) return;
  // "invalid entry id" names the entry itself; the others follow `who`.
  const auto prefixed = [&](const std::string& message) {
    return message.rfind("invalid entry id", 0) == 0 ? message : who() + message;
  };
  if (problems.size() == 1) {
    const std::string message = prefixed(problems.front().reason);
    throw ValueError(message, std::move(problems));
  }
  std::string message = who() + std::to_string(problems.size()) + " problems: ";
  for (std::size_t i = 0; i < problems.size(); ++i) {
    if (i > 0) message += "; ";
    message += problems[i].reason;
  }
  throw ValueError(message, std::move(problems));
}

void Registry::Impl::pack_events(const Entry& e, std::vector<PackedEvent>& packed,
                                 std::vector<std::vector<std::uint32_t>>& packed_targets) {
  packed.clear();
  packed_targets.clear();
  std::vector<Date>& certain = scratch_days;
  detail::certain_days(e.events, certain);
  for (std::size_t i = 0; i < e.events.size(); ++i) {
    const Event& ev = e.events[i];
    const auto fail = [&](const std::string& why) {
      throw ValueError(entry_event_label(e, i) + " " + why);
    };
    PackedEvent p;
    p.day = day_of(certain[i]);
    p.type = ev.type;
    if (ev.level) p.level = static_cast<std::uint8_t>(*ev.level);
    if (ev.year) {
      if (*ev.year < 0 || *ev.year > 9999) {
        fail("evaluates the impossible year " + std::to_string(*ev.year));
      }
      p.year = static_cast<std::uint16_t>(*ev.year);
    }
    if (ev.type == EventType::recognised) p.year = static_cast<std::uint16_t>(ev.date->year());
    p.flags = static_cast<std::uint8_t>((ev.effective ? (*ev.effective ? 1 : 0) : 2) |
                                        (ev.status == CommendationStatus::proposed ? 4 : 0) |
                                        (static_cast<unsigned>(ev.date->precision()) << 3));
    if (ev.by && !unit_position(*ev.by)) {
      fail("names the unknown unit \"" + *ev.by + "\" as \"by\"");
    }
    if (ev.grade) {
      const auto it = grades.index.find(*ev.grade);
      if (it == grades.index.end()) fail("has the unknown grade \"" + *ev.grade + "\"");
      p.value = static_cast<std::uint8_t>(it->second);
    }
    if (ev.form) {
      const auto it = forms.index.find(*ev.form);
      if (it == forms.index.end()) fail("has the unknown form \"" + *ev.form + "\"");
      p.value = static_cast<std::uint8_t>(it->second);
    }
    if (ev.kind) p.value = static_cast<std::uint8_t>(*ev.kind);
    std::vector<std::uint32_t> ts;
    for (const auto& t : ev.unit_ids) {
      const auto target = unit_position(t);
      if (!target) fail("replicates to the unknown unit \"" + t + "\"");
      ts.push_back(*target);
    }
    if (ts.size() > 255) fail("names more than 255 units");
    packed.push_back(p);
    packed_targets.push_back(std::move(ts));
  }
}

void Registry::Impl::commit_events(Record& r, const Entry& e, std::vector<PackedEvent>& packed,
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

Registry::Impl::Checked Registry::Impl::check_and_pack(const Entry& e, bool duplicate) {
  Checked c;
  check_entry(e, c.fields, c.unit, scratch_places, duplicate);
  pack_events(e, scratch_packed, scratch_targets);
  return c;
}

void Registry::Impl::set_record(Record& r, const Entry& e, const Checked& c) {
  r.kind = e.kind;
  r.subject = e.subject;
  r.fields = c.fields;
  r.unit = c.unit;
  r.name = store(e.name);
  r.description = store(e.description);
  r.has_person = e.person_name.has_value();
  r.person = e.person_name ? store(*e.person_name) : detail::Span{};
}

void Registry::Impl::replace_events(std::size_t index, const Entry& e) {
  (void)check_and_pack(e, false);
  Record& r = records[index];
  if (r.first_event + r.event_count == events.size()) {
    events.resize(r.first_event);  // the entry's events are last: rewrite them in place
  }
  stats_cache.clear();
  commit_events(r, e, scratch_packed, scratch_targets);
}

void Registry::Impl::add(const Entry& e) {
  // The slot of the id in id_table (empty: no entry has it), where index_last puts it.
  const std::uint32_t h = id_hash(e.id);
  const std::size_t slot = id_table.empty() ? 0 : slot_of(e.id, h);
  // A duplicate is reported with the entry's other problems (alone: 'entry "x": duplicate id').
  const bool duplicate = !id_table.empty() && id_table[slot] != 0;
  const Checked c = check_and_pack(e, duplicate);
  const std::vector<std::uint32_t>& places = scratch_places;
  std::vector<PackedEvent>& packed = scratch_packed;
  std::vector<std::vector<std::uint32_t>>& packed_targets = scratch_targets;
  if (records.size() >= none32 - 1) throw ValueError("too many entries");
  Record r;
  r.id = store(e.id);
  set_record(r, e, c);
  r.places_off = static_cast<std::uint32_t>(targets.size());
  r.places_count = static_cast<std::uint8_t>(places.size());
  targets.insert(targets.end(), places.begin(), places.end());
  commit_events(r, e, packed, packed_targets);
  const auto index = static_cast<std::uint32_t>(records.size());
  stats_cache.clear();
  records.push_back(r);
  index_last(slot, h);
  by_unit[c.unit].push_back(index);
  if (search_index.built.load(std::memory_order_relaxed)) {
    const std::string_view person = e.person_name ? *e.person_name : std::string_view();
    search_index.append(e.name, e.person_name ? &person : nullptr, e.description);
  }
}

void Registry::Impl::unindex(std::size_t index) {
  const std::size_t mask = id_table.size() - 1;
  std::size_t hole = slot_of(view(records[index].id), id_hash(view(records[index].id)));
  // Linear probing: move back every later record of the run whose home slot is not between the
  // hole and it, so that each stays reachable from its home slot.
  for (std::size_t s = (hole + 1) & mask; id_table[s] != 0; s = (s + 1) & mask) {
    const std::size_t home = (id_table[s] >> 32U) & mask;
    const bool stays = hole <= s ? (hole < home && home <= s) : (hole < home || home <= s);
    if (stays) continue;
    id_table[hole] = id_table[s];
    hole = s;
  }
  id_table[hole] = 0;
}

void Registry::Impl::replace(std::size_t index, const Entry& e) {
  const std::uint32_t h = id_hash(e.id);
  const std::size_t slot = slot_of(e.id, h);
  // Another entry with the new id is a duplicate; the replaced entry's own id is not.
  const bool duplicate =
      id_table[slot] != 0 && static_cast<std::uint32_t>(id_table[slot]) - 1 != index;
  const Checked c = check_and_pack(e, duplicate);
  const std::vector<std::uint32_t>& places = scratch_places;
  std::vector<PackedEvent>& packed = scratch_packed;
  std::vector<std::vector<std::uint32_t>>& packed_targets = scratch_targets;
  // Checked: change the record. Its old texts, places and events stay in the store unused.
  Record& r = records[index];
  const Record old = r;
  if (view(old.id) != e.id) {
    unindex(index);
    r.id = store(e.id);
    id_table[slot_of(e.id, h)] = (std::uint64_t{h} << 32U) | (index + 1);
  }
  set_record(r, e, c);
  if (places.size() <= old.places_count) {
    std::copy(places.begin(), places.end(), targets.begin() + old.places_off);  // its old room
  } else {
    r.places_off = static_cast<std::uint32_t>(targets.size());
    targets.insert(targets.end(), places.begin(), places.end());
  }
  r.places_count = static_cast<std::uint8_t>(places.size());
  std::uint32_t old_latest = 0;
  for (std::uint32_t k = 0; k < old.event_count; ++k) {
    old_latest = std::max(old_latest, events[old.first_event + k].day);
  }
  const std::uint32_t latest_before = latest_day;
  if (old.first_event + old.event_count == events.size()) events.resize(old.first_event);
  latest_day = 0;
  commit_events(r, e, packed, packed_targets);  // (latest_day: the new events' latest)
  if (latest_day >= latest_before || old_latest < latest_before) {
    latest_day = std::max(latest_day, latest_before);
  } else {
    // The old events held the latest day: find it again, as a registry built anew would.
    for (const Record& x : records) {
      for (std::uint32_t k = 0; k < x.event_count; ++k) {
        latest_day = std::max(latest_day, events[x.first_event + k].day);
      }
    }
  }
  if (c.unit != old.unit) {
    auto& from = by_unit[old.unit];
    from.erase(std::lower_bound(from.begin(), from.end(), static_cast<std::uint32_t>(index)));
    auto& to = by_unit[c.unit];
    to.insert(std::lower_bound(to.begin(), to.end(), static_cast<std::uint32_t>(index)),
              static_cast<std::uint32_t>(index));
  }
  stats_cache.clear();
  // The folded texts are built again by the next search.
  search_index.reset();
}

void Registry::Impl::find_all(const std::string& haystack, const std::vector<std::uint32_t>& ends,
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

namespace {
std::string normalized(const std::string& s) { return is_nfc(s) ? s : normalize_nfc(s); }
const Entry& normalized_entry(const Entry& e, Entry& copy) {
  bool nfc = is_nfc(e.name) && is_nfc(e.description) && (!e.person_name || is_nfc(*e.person_name));
  for (const auto& ev : e.events) {
    if (ev.decision && !is_nfc(*ev.decision)) nfc = false;
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

void detail::RegistryLoad::add_nfc(Registry& registry, const Entry& entry) {
  registry.impl_->add(entry);
}

void detail::RegistryLoad::prefetch_id(const Registry& registry, std::string_view id) noexcept {
  const Registry::Impl& m = *registry.impl_;
  if (m.id_table.empty()) return;
  __builtin_prefetch(&m.id_table[Registry::Impl::id_hash(id) & (m.id_table.size() - 1)]);
}

void detail::RegistryLoad::prefetch_unit(const Registry& registry, std::string_view id) noexcept {
  const Registry::Impl& m = *registry.impl_;
  if (m.unit_table.empty()) return;
  __builtin_prefetch(&m.unit_table[Registry::Impl::id_hash(id) & (m.unit_table.size() - 1)]);
}

void detail::RegistryLoad::reserve(Registry& registry, std::size_t entries,
                                   std::size_t text_bytes) {
  Registry::Impl& m = *registry.impl_;
  // Capacity only: pages never written are not resident. Events: the national registry has
  // about 3.5 per entry; places and replication targets are fewer than the entries.
  m.records.reserve(m.records.size() + entries);
  m.events.reserve(m.events.size() + entries * 4);
  m.targets.reserve(m.targets.size() + entries);
  m.text.reserve(m.text.size() + text_bytes);
}

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

std::optional<int> Registry::recognition_years() const noexcept {
  if (impl_->recognition_years == 0) return std::nullopt;
  return impl_->recognition_years;
}
void Registry::set_recognition_years(std::optional<int> years) {
  if (years && (*years < 1 || *years > 100)) {
    throw ValueError("recognition_years must be 1..100, got " + std::to_string(*years));
  }
  impl_->recognition_years = years.value_or(0);
  impl_->stats_cache.clear();
}

namespace {
void before_entries(bool has_entries, std::string_view what) {
  if (has_entries) {
    throw ValueError(std::string(what) + " must be declared before entries are added");
  }
}
}  // namespace

void Registry::declare_field(Field field) {
  before_entries(!impl_->records.empty(), "fields");
  impl_->fields.declare(std::move(field), "field", 64);
  impl_->stats_cache.clear();
}
void Registry::declare_grade(Grade grade) {
  before_entries(!impl_->records.empty(), "grades");
  impl_->grades.declare(std::move(grade), "grade", 64);
}
void Registry::declare_form(CommendationForm form) {
  before_entries(!impl_->records.empty(), "forms");
  impl_->forms.declare(std::move(form), "form", 64);
}

std::vector<Field> Registry::fields() const { return impl_->fields.items; }
std::vector<Field> Registry::declared_fields() const { return impl_->fields.declared(); }
std::vector<Grade> Registry::grades() const { return impl_->grades.items; }
std::vector<Grade> Registry::declared_grades() const { return impl_->grades.declared(); }
std::vector<CommendationForm> Registry::forms() const { return impl_->forms.items; }
std::vector<CommendationForm> Registry::declared_forms() const { return impl_->forms.declared(); }
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
  impl_->replace_events(*index, e);
}

void Registry::replace(std::string_view entry_id, const Entry& entry) {
  const auto index = impl_->find(entry_id);
  if (!index) throw ValueError("unknown entry \"" + std::string(entry_id) + "\"");
  Entry copy;
  impl_->replace(*index, normalized_entry(entry, copy));
}

void Registry::decide(std::string_view entry_id, std::size_t event_index,
                      const ProposalDecision& decision) {
  const auto index = impl_->find(entry_id);
  if (!index) throw ValueError("unknown entry \"" + std::string(entry_id) + "\"");
  Entry e = impl_->entry_of(*index);
  if (event_index >= e.events.size()) {
    throw ValueError("entry \"" + e.id + "\": no event " + std::to_string(event_index + 1) +
                     " (it has " + std::to_string(e.events.size()) + ")");
  }
  Event& ev = e.events[event_index];
  if (ev.status != CommendationStatus::proposed) {
    throw ValueError("entry \"" + e.id + "\": event " + std::to_string(event_index + 1) + " (" +
                     describe(ev) + ") is not a proposal");
  }
  ev.status = CommendationStatus::decided;
  if (decision.date) ev.date = decision.date;
  if (decision.decision) ev.decision = normalize_nfc(*decision.decision);
  if (decision.level) ev.level = decision.level;
  if (decision.by) ev.by = decision.by;
  if (decision.grade) ev.grade = decision.grade;
  if (decision.form) ev.form = decision.form;
  impl_->replace_events(*index, e);
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

namespace {

bool is_registration(const PackedEvent& e) { return e.type == EventType::registered; }
bool is_recognition(const PackedEvent& e) {
  return e.type == EventType::recognised && !e.proposed();
}
bool is_decided_commendation(const PackedEvent& e) {
  return (e.type == EventType::commended || e.type == EventType::awarded) && !e.proposed();
}

/// A period filter of select(): an event of the wanted type certainly in [first, last].
struct EventWindow {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  bool (*wanted)(const PackedEvent&) = nullptr;
};

/// A value's bit in a set of values of its enumeration (each has fewer than 32 values).
template <class E>
std::uint32_t bit_of(E value) {
  return 1U << static_cast<unsigned>(value);
}

/// The record-level part of a Filter, resolved to indexes and days once per select().
struct Selection {
  std::vector<char> units;         // per unit index: included (empty: no unit filter)
  std::uint64_t field_bit = 0;     // any of these fields (0 and !no_field: no field filter)
  bool no_field = false;           // also entries of no field ("unknown", the stats row's)
  std::uint32_t subject_bits = 0;  // any of these subjects, bit per Subject (0: no filter)
  std::optional<std::pair<std::uint32_t, std::uint32_t>> registration_year;
  std::vector<EventWindow> windows;
  std::optional<std::uint32_t> as_of;  // Filter::as_of given: entries registered later left out
};

/// The bit of a field filter's id; "unknown", unless a field has that id, sets no_field
/// instead (the stats table's row of the entries of no field).
std::uint64_t field_bit_of(const detail::Vocabulary<Field>& fields,
                           const std::optional<std::string>& id, bool& no_field) {
  if (!id) return 0;
  const auto it = fields.index.find(*id);
  if (it == fields.index.end()) {
    if (*id == "unknown") {
      no_field = true;
      return 0;
    }
    throw ValueError("unknown field \"" + *id + "\"");
  }
  return std::uint64_t{1} << it->second;
}

void add_window(std::vector<EventWindow>& windows, const std::optional<DateRange>& range,
                bool (*wanted)(const PackedEvent&)) {
  if (range) windows.push_back({day_of(range->first), day_of(range->last), wanted});
}

/// Whether an event the window wants certainly falls in it.
bool any_event_in(const Record& r, const std::vector<PackedEvent>& events, const EventWindow& w) {
  for (std::uint32_t k = 0; k < r.event_count; ++k) {
    const PackedEvent& e = events[r.first_event + k];
    if (e.day > w.last) break;
    if (w.wanted(e) && detail::certainly_in(e, w.first, w.last)) return true;
  }
  return false;
}

/// Whether a registration of the entry is certain within [first, last] (Filter::year).
bool registered_between(const Record& r, const std::vector<PackedEvent>& events,
                        std::pair<std::uint32_t, std::uint32_t> days) {
  for (std::uint32_t k = 0; k < r.event_count; ++k) {
    const PackedEvent& e = events[r.first_event + k];
    if (e.day > days.second) break;
    if (e.type == EventType::registered && e.day >= days.first) return true;
  }
  return false;
}

/// Whether the owner or a place unit is among the included units.
bool in_units(const Record& r, const std::vector<char>& units,
              const std::vector<std::uint32_t>& targets) {
  if (units[r.unit] != 0) return true;
  for (std::uint32_t k = 0; k < r.places_count; ++k) {
    if (units[targets[r.places_off + k]] != 0) return true;
  }
  return false;
}

/// Whether the entry's history certainly starts after the day (its first event, the
/// registration, falls wholly after it: an entry registered "2022" may exist on 30/06/2022).
bool starts_after(const Record& r, const std::vector<PackedEvent>& events, std::uint32_t day) {
  return r.event_count > 0 && detail::start_day(events[r.first_event]) > day;
}

/// The filters read from the record and its events, without a walk of its history.
bool passes_record(const Record& r, const Selection& s, const std::vector<PackedEvent>& events,
                   const std::vector<std::uint32_t>& targets) {
  if (s.as_of && starts_after(r, events, *s.as_of)) return false;
  if (!s.units.empty() && !in_units(r, s.units, targets)) return false;
  if ((s.field_bit != 0 || s.no_field) && (r.fields & s.field_bit) == 0 &&
      !(s.no_field && r.fields == 0)) {
    return false;
  }
  if (s.subject_bits != 0 && (s.subject_bits & bit_of(r.subject)) == 0) return false;
  if (s.registration_year && !registered_between(r, events, *s.registration_year)) return false;
  return std::all_of(s.windows.begin(), s.windows.end(),
                     [&](const EventWindow& w) { return any_event_in(r, events, w); });
}

/// The filters on the state as of the day: any of the kinds, levels and states, a bit per
/// value (0: no such filter), and in force.
struct WalkFilter {
  std::uint32_t kinds = 0;
  std::uint32_t levels = 0;
  std::uint32_t states = 0;
  bool in_force = false;
  [[nodiscard]] bool any() const { return kinds != 0 || levels != 0 || states != 0 || in_force; }
};

/// The bits of a criterion's single value and its list of values.
template <class E>
std::uint32_t bits_of(const std::optional<E>& one, const std::vector<E>& many) {
  std::uint32_t bits = one ? bit_of(*one) : 0U;
  for (const E value : many) bits |= bit_of(value);
  return bits;
}

bool passes_walk(const detail::Walk& w, const WalkFilter& filter, int as_of_year,
                 int recognition_years) {
  const auto has = [](std::uint32_t bits, unsigned value) {
    return value < 32 && ((bits >> value) & 1U) != 0;
  };
  if (filter.kinds != 0 && !has(filter.kinds, w.kind)) return false;
  // A walk's level is a Level, unknown_level_slot or none8 (no recognition): the level bits
  // are the statistics' level slots.
  const unsigned level = w.level == detail::none8 ? detail::no_level_slot : w.level;
  if (filter.levels != 0 && !has(filter.levels, level)) return false;
  EntryState s = w.state;
  if (is_in_force(s) && detail::lapsed(w.anchor, as_of_year, recognition_years)) {
    s = EntryState::lapsed;
  }
  if (filter.states != 0 && (filter.states & bit_of(s)) == 0) return false;
  return !filter.in_force || is_in_force(s);
}

}  // namespace

std::vector<std::size_t> Registry::select(const Filter& filter) const {
  const Impl& m = *impl_;
  const Date as_of =
      filter.as_of.value_or(filter.year ? make_date(*filter.year, 12, 31)
                                        : latest_event_date().value_or(Date(9999, 12, 31)));
  const std::uint32_t day = day_of(as_of);
  Selection s;
  std::vector<std::string_view> unit_ids(filter.unit_ids.begin(), filter.unit_ids.end());
  if (filter.unit_id) unit_ids.insert(unit_ids.begin(), *filter.unit_id);
  if (!unit_ids.empty()) s.units.assign(m.unit_info.size(), 0);
  for (const std::string_view id : unit_ids) {
    for (const auto u : m.included_unit_list(m.unit_at(id), day, filter.current_units)) {
      s.units[u] = 1;
    }
  }
  s.field_bit = field_bit_of(m.fields, filter.field_id, s.no_field);
  for (const std::string& f : filter.field_ids) {
    s.field_bit |= field_bit_of(m.fields, f, s.no_field);
  }
  s.subject_bits = bits_of(filter.subject, filter.subjects);
  std::uint32_t levels = bits_of(filter.level, filter.levels);
  if (filter.level_unknown) levels |= 1U << detail::unknown_level_slot;
  if (filter.level_none) levels |= 1U << detail::no_level_slot;
  const WalkFilter walk{bits_of(filter.kind, filter.kinds), levels,
                        bits_of(filter.state, filter.states), filter.in_force};
  // Entries registered later did not exist on the day, unless those are what is asked for.
  if (filter.as_of && (walk.states & bit_of(EntryState::not_registered)) == 0) s.as_of = day;
  if (filter.year) {
    s.registration_year = {day_of(make_date(*filter.year, 1, 1)),
                           day_of(make_date(*filter.year, 12, 31))};
  }
  add_window(s.windows, filter.registered_in, is_registration);
  add_window(s.windows, filter.recognised_in, is_recognition);
  add_window(s.windows, filter.commended_in, is_decided_commendation);
  const bool needs_walk = walk.any();
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < m.records.size(); ++i) {
    const Record& r = m.records[i];
    if (!passes_record(r, s, m.events, m.targets)) continue;
    if (needs_walk && !passes_walk(m.walk(r, day), walk, as_of.year(), m.recognition_years)) {
      continue;
    }
    out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> Registry::search(std::string_view query, std::size_t limit) const {
  const Impl& m = *impl_;
  const std::string q = squeeze_spaces(fold(query));
  std::vector<std::size_t> out;
  if (q.empty()) return out;
  std::vector<char> hit(m.records.size(), 0);
  const detail::SearchIndex& x = m.searchable();
  m.find_all(x.names, x.name_ends, q, hit);
  m.find_all(x.descriptions, x.description_ends, q, hit);
  std::vector<char> unit_hit(m.unit_info.size(), 0);
  if (!unit_hit.empty()) m.find_all(m.folded_unit_names, m.unit_name_ends, q, unit_hit);
  if (std::find(unit_hit.begin(), unit_hit.end(), 1) != unit_hit.end()) {
    for (std::size_t i = 0; i < m.records.size(); ++i) {
      const Record& r = m.records[i];
      bool found = unit_hit[r.unit] != 0;
      for (std::uint32_t k = 0; k < r.places_count && !found; ++k) {
        found = unit_hit[m.targets[r.places_off + k]] != 0;
      }
      if (found) hit[i] = 1;
    }
  }
  for (std::size_t i = 0; i < hit.size() && out.size() < limit; ++i) {
    if (hit[i] != 0) out.push_back(i);
  }
  return out;
}

std::vector<std::size_t> Registry::search_names(std::string_view query) const {
  const std::string q = squeeze_spaces(fold(query));
  std::vector<std::size_t> out;
  if (q.empty()) return out;
  std::vector<char> hit(impl_->records.size(), 0);
  const detail::SearchIndex& x = impl_->searchable();
  impl_->find_all(x.names, x.name_ends, q, hit);
  for (std::size_t i = 0; i < hit.size(); ++i) {
    if (hit[i] != 0) out.push_back(i);
  }
  return out;
}

std::vector<std::string> Registry::search_units(std::string_view query) const {
  const Impl& m = *impl_;
  const std::string q = squeeze_spaces(fold(query));
  std::vector<std::string> out;
  if (q.empty() || m.unit_info.empty()) return out;
  std::vector<char> hit(m.unit_info.size(), 0);
  m.find_all(m.folded_unit_names, m.unit_name_ends, q, hit);
  for (std::size_t u = 0; u < hit.size(); ++u) {
    if (hit[u] != 0) out.push_back(m.units.units()[u].id);
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

void Registry::shrink_to_fit() {
  Impl& m = *impl_;
  m.text.shrink_to_fit();
  m.search_index.names.shrink_to_fit();
  m.search_index.descriptions.shrink_to_fit();
  m.search_index.name_ends.shrink_to_fit();
  m.search_index.description_ends.shrink_to_fit();
  m.records.shrink_to_fit();
  m.events.shrink_to_fit();
  m.targets.shrink_to_fit();
  for (auto& u : m.by_unit) u.shrink_to_fit();
}

std::size_t Registry::storage_bytes() const noexcept {
  const Impl& m = *impl_;
  const detail::SearchIndex& x = m.search_index;
  std::size_t n = m.text.capacity() + x.names.capacity() + x.descriptions.capacity() +
                  (x.name_ends.capacity() + x.description_ends.capacity()) * 4 +
                  m.records.capacity() * sizeof(Record) +
                  m.events.capacity() * sizeof(PackedEvent) + m.targets.capacity() * 4 +
                  m.id_table.capacity() * sizeof(std::uint64_t);
  for (const auto& p : m.pool) n += sizeof(std::string) * 3 + p.capacity();
  for (const auto& u : m.by_unit) n += sizeof(u) + u.capacity() * 4;
  return n;
}

std::size_t Registry::embedded_units() const noexcept {
  return std::min(impl_->embedded_units, impl_->units.size());
}

void Registry::set_embedded_units(std::size_t count) {
  if (count > impl_->units.size()) {
    throw ValueError("embedded units: " + std::to_string(count) + " of " +
                     std::to_string(impl_->units.size()) + " units");
  }
  impl_->embedded_units = count;
}

bool operator==(const Registry& a, const Registry& b) {
  if (a.note() != b.note() || a.recognition_years() != b.recognition_years() ||
      a.embedded_units() != b.embedded_units() || a.fields() != b.fields() ||
      a.grades() != b.grades() || a.forms() != b.forms() || !(a.units() == b.units()) ||
      a.size() != b.size() || a.figures() != b.figures()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a.entry(i) != b.entry(i)) return false;
  }
  return true;
}

}  // namespace danvan
