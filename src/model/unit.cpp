// Units (đơn vị) and their hierarchy over time.
#include "danvan/unit.hpp"

#include "base/problems.hpp"
#include "danvan/error.hpp"
#include "danvan/instrument.hpp"  // is_valid_id
#include "text/text_detail.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>

namespace danvan {

namespace {

constexpr std::array<std::string_view, 10> kKindSlugs = {
    "administrative_agency",
    "public_service_unit",
    "peoples_committee",
    "party_committee",
    "fatherland_front",
    "socio_political_organisation",
    "army",
    "police",
    "administrative_unit",
    "other",
};

constexpr std::array<std::string_view, 10> kKindNames = {
    "cơ quan hành chính", "đơn vị sự nghiệp công lập",
    "Ủy ban nhân dân",    "cấp ủy, tổ chức đảng",
    "Mặt trận Tổ quốc",   "tổ chức chính trị - xã hội",
    "quân đội",           "công an",
    "đơn vị hành chính",  "khác",
};

constexpr std::array<std::string_view, 4> kLevelSlugs = {"central", "province", "district",
                                                         "commune"};
constexpr std::array<std::string_view, 4> kLevelNames = {"trung ương", "tỉnh", "huyện", "xã"};

// The last day of the district level (cấp huyện): local government has two levels from
// 01/07/2025.
const Date kLastDistrictDay(2025, 6, 30);

template <std::size_t N>
std::string join_slugs(const std::array<std::string_view, N>& slugs) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i != 0) out += ", ";
    out += slugs[i];
  }
  return out;
}

std::string quote(std::string_view s) { return detail::quote_whole(s); }

std::string unit_prefix(std::string_view id) { return "unit " + quote(id) + ": "; }

void check_unit_id(std::string_view id) {
  if (is_valid_id(id)) return;
  if (!id.empty() && id.front() == '-' && is_valid_id(id.substr(1))) {
    throw ValueError("invalid unit id " + quote(id) + ": ids must not start with '-'");
  }
  throw ValueError("invalid unit id " + quote(id) +
                   ": ids are 1..100 characters of a-z, 0-9 and '-'");
}

void check_linked_ids(const Unit& unit, const std::vector<std::string>& ids,
                      std::string_view role) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string& other = ids[i];
    if (!is_valid_id(other)) {
      throw ValueError(unit_prefix(unit.id) + "invalid " + std::string(role) + " id " +
                       quote(other));
    }
    if (other == unit.id) {
      throw ValueError(unit_prefix(unit.id) + "lists itself as a " + std::string(role));
    }
    if (std::find(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i), other) !=
        ids.begin() + static_cast<std::ptrdiff_t>(i)) {
      throw ValueError(unit_prefix(unit.id) + std::string(role) + " " + quote(other) +
                       " is listed twice");
    }
  }
}

// Checks what can be checked on a unit alone: ids, dates, and the end of the district level.
void check_unit(const Unit& unit) {
  check_unit_id(unit.id);
  if (unit.name.empty()) throw ValueError(unit_prefix(unit.id) + "name is empty");
  if (unit.code && !is_valid_unit_code(*unit.code)) {
    throw ValueError(unit_prefix(unit.id) + "code " + quote(*unit.code) + " is not 1..10 digits");
  }
  if (unit.basis && unit.basis->empty()) {
    throw ValueError(unit_prefix(unit.id) + "basis is empty");
  }
  if (unit.parent_id && !is_valid_id(*unit.parent_id)) {
    throw ValueError(unit_prefix(unit.id) + "invalid parent id " + quote(*unit.parent_id));
  }
  check_linked_ids(unit, unit.predecessor_ids, "predecessor");
  check_linked_ids(unit, unit.successor_ids, "successor");
  if (unit.valid_from && unit.valid_from->is_special()) {
    throw ValueError(unit_prefix(unit.id) + "valid_from is not a calendar day");
  }
  if (unit.valid_to && unit.valid_to->is_special()) {
    throw ValueError(unit_prefix(unit.id) + "valid_to is not a calendar day");
  }
  if (unit.valid_from && unit.valid_to && *unit.valid_from > *unit.valid_to) {
    throw ValueError(unit_prefix(unit.id) + "valid_from " + to_iso(*unit.valid_from) +
                     " is after valid_to " + to_iso(*unit.valid_to));
  }
  if (unit.level == Level::district) {
    if (!unit.valid_to) {
      throw ValueError(unit_prefix(unit.id) + "the district level ended on " +
                       to_iso(kLastDistrictDay) + ", so a district-level unit needs a valid_to");
    }
    if (*unit.valid_to > kLastDistrictDay) {
      throw ValueError(unit_prefix(unit.id) + "the district level ended on " +
                       to_iso(kLastDistrictDay) + ", but valid_to is " + to_iso(*unit.valid_to));
    }
  }
}

bool contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The parent must exist on every day the child does. Both lifetimes are intervals, so it is
// enough to check the child's two ends (an open end must be open in the parent too).
void check_parent_covers(const Unit& child, const Unit& parent) {
  const auto missing_on = [&](const std::string& what) {
    return ValueError(unit_prefix(child.id) + "parent " + quote(parent.id) + " does not exist " +
                      what + " while " + quote(child.id) + " does");
  };
  if (child.valid_from) {
    if (!parent.exists_on(*child.valid_from)) throw missing_on("on " + to_iso(*child.valid_from));
  } else if (parent.valid_from) {
    throw missing_on("before " + to_iso(*parent.valid_from));
  }
  if (child.valid_to) {
    if (!parent.exists_on(*child.valid_to)) throw missing_on("on " + to_iso(*child.valid_to));
  } else if (parent.valid_to) {
    throw missing_on("after " + to_iso(*parent.valid_to));
  }
}

// A unit's state in the walk for parent cycles.
enum class Mark : unsigned char { none, on_path, done };

// The links of `unit` within `units`: its parent exists and covers it, its successors and
// predecessors exist, name it back and follow it in time.
void check_parent_link(const UnitHierarchy& units, const Unit& unit) {
  if (unit.parent_id) {
    const Unit* parent = units.find(*unit.parent_id);
    if (parent == nullptr) {
      throw ValueError(unit_prefix(unit.id) + "parent " + quote(*unit.parent_id) +
                       " does not exist");
    }
    if (unit.level < parent->level) {
      throw ValueError(unit_prefix(unit.id) + "level " + quote(to_string(unit.level)) +
                       " is above the level " + quote(to_string(parent->level)) +
                       " of its parent " + quote(parent->id));
    }
    check_parent_covers(unit, *parent);
  }
}

void check_successor_link(const UnitHierarchy& units, const Unit& unit,
                          const std::string& successor_id) {
  const Unit* successor = units.find(successor_id);
  if (successor == nullptr) {
    throw ValueError(unit_prefix(unit.id) + "successor " + quote(successor_id) + " does not exist");
  }
  if (!contains(successor->predecessor_ids, unit.id)) {
    throw ValueError(unit_prefix(unit.id) + "successor " + quote(successor_id) + " does not list " +
                     quote(unit.id) + " as a predecessor");
  }
  if (!unit.valid_to) {
    throw ValueError(unit_prefix(unit.id) + "has successor " + quote(successor_id) +
                     " but no valid_to");
  }
  if (!successor->valid_from) {
    throw ValueError(unit_prefix(unit.id) + "successor " + quote(successor_id) +
                     " has no valid_from");
  }
  if (*successor->valid_from <= *unit.valid_to) {
    throw ValueError(unit_prefix(unit.id) + "successor " + quote(successor_id) + " starts " +
                     to_iso(*successor->valid_from) + ", before " + quote(unit.id) + " ends " +
                     to_iso(*unit.valid_to));
  }
}

void check_predecessor_link(const UnitHierarchy& units, const Unit& unit,
                            const std::string& predecessor_id) {
  const Unit* predecessor = units.find(predecessor_id);
  if (predecessor == nullptr) {
    throw ValueError(unit_prefix(unit.id) + "predecessor " + quote(predecessor_id) +
                     " does not exist");
  }
  if (!contains(predecessor->successor_ids, unit.id)) {
    throw ValueError(unit_prefix(unit.id) + "predecessor " + quote(predecessor_id) +
                     " does not list " + quote(unit.id) + " as a successor");
  }
}

// The problems validate() found, each at its place in the hierarchy's JSON form
// ("/units/3/successors/0"), thrown together.
class HierarchyProblems {
 public:
  // Runs check(); a ValueError it throws becomes the problem at /units/<unit><tail>.
  template <class Check>
  void check(std::size_t unit, std::string_view tail, Check&& check) {
    try {
      std::forward<Check>(check)();
    } catch (const ValueError& e) {
      add(unit, tail, e.what());
    }
  }
  void add(std::size_t unit, std::string_view tail, std::string reason) {
    problems_.push_back(
        JsonProblem{"/units/" + std::to_string(unit) + std::string(tail), std::move(reason)});
  }
  // One problem: its reason alone, as before problems were collected; several: their count and
  // the first ten of them (problems() holds every one).
  void throw_if_any() { detail::throw_value_problems(std::move(problems_), "the unit hierarchy"); }

 private:
  std::vector<JsonProblem> problems_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Enumerations

std::string_view to_string(UnitKind kind) noexcept {
  const auto i = static_cast<std::size_t>(kind);
  return i < kKindSlugs.size() ? kKindSlugs[i] : std::string_view("other");
}

UnitKind parse_unit_kind(std::string_view text) {
  for (std::size_t i = 0; i < kKindSlugs.size(); ++i) {
    if (kKindSlugs[i] == text) return static_cast<UnitKind>(i);
  }
  throw ValueError("unknown unit kind " + quote(text) + "; expected one of " +
                   join_slugs(kKindSlugs));
}

std::string_view to_string(Level level) noexcept {
  const auto i = static_cast<std::size_t>(level);
  return i < kLevelSlugs.size() ? kLevelSlugs[i] : std::string_view("?");
}

Level parse_level(std::string_view text) {
  for (std::size_t i = 0; i < kLevelSlugs.size(); ++i) {
    if (kLevelSlugs[i] == text) return static_cast<Level>(i);
  }
  throw ValueError("unknown level " + quote(text) + "; expected one of " + join_slugs(kLevelSlugs));
}

std::string_view vietnamese_name(UnitKind kind) noexcept {
  const auto i = static_cast<std::size_t>(kind);
  return i < kKindNames.size() ? kKindNames[i] : std::string_view("khác");
}

std::string_view vietnamese_name(Level level) noexcept {
  const auto i = static_cast<std::size_t>(level);
  return i < kLevelNames.size() ? kLevelNames[i] : std::string_view("?");
}

// ---------------------------------------------------------------------------------------------
// Unit

bool is_valid_unit_code(std::string_view code) noexcept {
  return !code.empty() && code.size() <= 10 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool Unit::exists_on(Date day) const noexcept {
  return (!valid_from || *valid_from <= day) && (!valid_to || day <= *valid_to);
}

// ---------------------------------------------------------------------------------------------
// UnitHierarchy

UnitHierarchy::UnitHierarchy(std::vector<Unit> units) {
  reserve(units.size());
  for (Unit& unit : units) add(std::move(unit));
  validate();
}

void UnitHierarchy::reserve(std::size_t count) {
  units_.reserve(count);
  parent_pos_.reserve(count);
  first_child_.reserve(count);
  last_child_.reserve(count);
  next_sibling_.reserve(count);
  grow_index(count);
}

void UnitHierarchy::shrink_to_fit() {
  units_.shrink_to_fit();
  parent_pos_.shrink_to_fit();
  first_child_.shrink_to_fit();
  last_child_.shrink_to_fit();
  next_sibling_.shrink_to_fit();
  roots_.shrink_to_fit();
}

// Room in the id index for `count` units: a power of two at least twice as many slots, so that
// probes stay short. Rebuilds the index when it must grow.
void UnitHierarchy::grow_index(std::size_t count) {
  std::size_t size = 16;
  while (size < 2 * count) size *= 2;
  if (size <= slots_.size()) return;
  std::vector<std::uint32_t> slots(size, kNone);
  const std::size_t mask = size - 1;
  for (std::size_t i = 0; i < units_.size(); ++i) {
    std::size_t s = std::hash<std::string_view>{}(units_[i].id) & mask;
    while (slots[s] != kNone) s = (s + 1) & mask;
    slots[s] = static_cast<std::uint32_t>(i);
  }
  slots_ = std::move(slots);
}

// The slot holding `id`, or the empty slot where it would go (slots_ is never full).
std::size_t UnitHierarchy::slot_of(std::string_view id) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  std::size_t s = std::hash<std::string_view>{}(id)&mask;
  while (slots_[s] != kNone && units_[slots_[s]].id != id) s = (s + 1) & mask;
  return s;
}

void UnitHierarchy::link_child(std::size_t parent, std::size_t child) noexcept {
  const auto c = static_cast<std::uint32_t>(child);
  if (first_child_[parent] == kNone) {
    first_child_[parent] = c;
  } else {
    next_sibling_[last_child_[parent]] = c;
  }
  last_child_[parent] = c;
}

void UnitHierarchy::add(Unit unit) {
  check_unit(unit);
  if (position(unit.id) != npos) throw ValueError("duplicate unit id " + quote(unit.id));
  const std::size_t position = units_.size();
  if (position + 1 >= kNone) throw ValueError("a unit hierarchy holds fewer than 2^32 - 1 units");
  // Make room first so that nothing below can fail once the hierarchy changes, except the
  // insertions into waiting_for_parent_ and roots_, which come first: on a throw the hierarchy is
  // unchanged.
  const std::size_t needed = position + 1;
  if (units_.capacity() < needed || parent_pos_.capacity() < needed ||
      first_child_.capacity() < needed || last_child_.capacity() < needed ||
      next_sibling_.capacity() < needed) {
    reserve(std::max<std::size_t>(8, 2 * position));
  }
  grow_index(needed);
  std::size_t parent_position = npos;
  if (!unit.parent_id) {
    roots_.push_back(static_cast<std::uint32_t>(position));
  } else if (*unit.parent_id == unit.id) {
    parent_position = position;
  } else {
    parent_position = this->position(*unit.parent_id);
    // multimap::emplace keeps equal keys in insertion order.
    if (parent_position == npos) waiting_for_parent_.emplace(*unit.parent_id, position);
  }
  units_.push_back(std::move(unit));
  parent_pos_.push_back(parent_position);
  first_child_.push_back(kNone);
  last_child_.push_back(kNone);
  next_sibling_.push_back(kNone);
  const Unit& added = units_.back();
  slots_[slot_of(added.id)] = static_cast<std::uint32_t>(position);
  // Children added before their parent now find it; they come before any child added later.
  const auto [first, last] = waiting_for_parent_.equal_range(added.id);
  for (auto it = first; it != last; ++it) {
    parent_pos_[it->second] = position;
    link_child(position, it->second);
  }
  waiting_for_parent_.erase(first, last);
  if (parent_position != npos) link_child(parent_position, position);
}

std::size_t UnitHierarchy::position_of(std::string_view id) const {
  const std::size_t pos = position(id);
  if (pos == npos) throw ValueError("unknown unit " + quote(id));
  return pos;
}

void UnitHierarchy::validate() const {
  HierarchyProblems problems;
  for (std::size_t i = 0; i < units_.size(); ++i) {
    const Unit& unit = units_[i];
    problems.check(i, "/parent", [&] { check_parent_link(*this, unit); });
    for (std::size_t k = 0; k < unit.successor_ids.size(); ++k) {
      problems.check(i, "/successors/" + std::to_string(k),
                     [&] { check_successor_link(*this, unit, unit.successor_ids[k]); });
    }
    for (std::size_t k = 0; k < unit.predecessor_ids.size(); ++k) {
      problems.check(i, "/predecessors/" + std::to_string(k),
                     [&] { check_predecessor_link(*this, unit, unit.predecessor_ids[k]); });
    }
  }

  // Cycles in parent links: walk up from each unit not yet known to reach a root. O(n) overall,
  // since each unit is finished once; each cycle is reported once, at the unit the walk met
  // twice.
  std::vector<Mark> marks(units_.size(), Mark::none);
  std::vector<std::size_t> path;
  for (std::size_t start = 0; start < units_.size(); ++start) {
    path.clear();
    std::size_t current = start;
    while (current != npos && marks[current] != Mark::done) {
      if (marks[current] == Mark::on_path) {
        const auto cycle_start = std::find(path.begin(), path.end(), current);
        std::string chain;
        for (auto it = cycle_start; it != path.end(); ++it) {
          chain += units_[*it].id;
          chain += " -> ";
        }
        chain += units_[current].id;
        problems.add(current, "/parent",
                     unit_prefix(units_[current].id) + "cycle in parents: " + chain);
        break;
      }
      marks[current] = Mark::on_path;
      path.push_back(current);
      current = parent_pos_[current];  // npos: a root (a missing parent was reported above)
    }
    for (const std::size_t i : path) marks[i] = Mark::done;
  }
  problems.throw_if_any();
}

const Unit* UnitHierarchy::find(std::string_view id) const {
  const std::size_t pos = position(id);
  return pos == npos ? nullptr : &units_[pos];
}

const Unit& UnitHierarchy::at(std::string_view id) const { return units_[position_of(id)]; }

std::vector<const Unit*> UnitHierarchy::children(std::string_view id, Date as_of) const {
  std::vector<const Unit*> out;
  if (id.empty()) {
    for (const std::uint32_t root : roots_) {
      if (units_[root].exists_on(as_of)) out.push_back(&units_[root]);
    }
    return out;
  }
  for (std::uint32_t c = first_child_[position_of(id)]; c != kNone; c = next_sibling_[c]) {
    if (units_[c].exists_on(as_of)) out.push_back(&units_[c]);
  }
  return out;
}

std::vector<const Unit*> UnitHierarchy::ancestors(std::string_view id, Date as_of) const {
  std::size_t pos = position_of(id);
  std::vector<const Unit*> out;
  if (!units_[pos].exists_on(as_of)) return out;
  // The bound guards against cycles in a hierarchy that was not validated.
  for (std::size_t steps = 0; steps < units_.size(); ++steps) {
    pos = parent_pos_[pos];
    if (pos == npos || !units_[pos].exists_on(as_of)) break;
    out.push_back(&units_[pos]);
  }
  return out;
}

std::vector<const Unit*> UnitHierarchy::subtree(std::string_view id, Date as_of) const {
  const std::size_t root = position_of(id);
  std::vector<const Unit*> out;
  if (!units_[root].exists_on(as_of)) return out;
  // Iterative pre-order: children are pushed in reverse so they pop in insertion order.
  std::vector<std::uint32_t> stack{static_cast<std::uint32_t>(root)};
  std::vector<std::uint32_t> kids;
  while (!stack.empty() && out.size() <= units_.size()) {
    const std::uint32_t pos = stack.back();
    stack.pop_back();
    out.push_back(&units_[pos]);
    kids.clear();
    for (std::uint32_t c = first_child_[pos]; c != kNone; c = next_sibling_[c]) {
      if (units_[c].exists_on(as_of)) kids.push_back(c);
    }
    stack.insert(stack.end(), kids.rbegin(), kids.rend());
  }
  return out;
}

bool UnitHierarchy::is_within(std::string_view id, std::string_view ancestor_id, Date as_of) const {
  std::size_t pos = position_of(id);
  const std::size_t target = position_of(ancestor_id);
  // Parent positions are resolved when units are added: no index lookups while walking up.
  for (std::size_t steps = 0; steps <= units_.size(); ++steps) {
    if (!units_[pos].exists_on(as_of)) return false;
    if (pos == target) return true;
    pos = parent_pos_[pos];
    if (pos == npos) return false;
  }
  return false;
}

namespace {

// Breadth-first over one kind of link (successors or predecessors), stopping at units that
// exist on the day. Links point strictly one way in time (validate()), and `seen` guards the
// rest. `seen` and `found` stay sorted by position, which is insertion order; `queue` is
// consumed from `head`.
template <class FindPosition>
std::vector<const Unit*> walk_links(const std::vector<Unit>& units, std::size_t start, Date day,
                                    std::vector<std::string> Unit::*links,
                                    const FindPosition& find_position) {
  const Unit& unit = units[start];
  if (unit.exists_on(day)) return {&unit};
  if ((unit.*links).empty()) return {};
  const auto insert_sorted = [](std::vector<std::size_t>& v, std::size_t x) {
    const auto it = std::lower_bound(v.begin(), v.end(), x);
    if (it != v.end() && *it == x) return false;
    v.insert(it, x);
    return true;
  };
  std::vector<std::size_t> seen{start};
  std::vector<std::size_t> queue{start};
  std::vector<std::size_t> found;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    for (const std::string& linked_id : units[queue[head]].*links) {
      const std::size_t pos = find_position(linked_id);
      if (pos == UnitHierarchy::npos || !insert_sorted(seen, pos)) continue;
      if (units[pos].exists_on(day)) {
        insert_sorted(found, pos);
      } else {
        queue.push_back(pos);
      }
    }
  }
  std::vector<const Unit*> out;
  out.reserve(found.size());
  for (const std::size_t i : found) out.push_back(&units[i]);
  return out;
}

}  // namespace

std::size_t UnitHierarchy::position(std::string_view id) const noexcept {
  if (slots_.empty()) return npos;
  const std::uint32_t pos = slots_[slot_of(id)];
  return pos == kNone ? npos : pos;
}

std::vector<const Unit*> UnitHierarchy::successors_on(std::string_view id, Date day) const {
  return walk_links(units_, position_of(id), day, &Unit::successor_ids,
                    [this](std::string_view x) { return position(x); });
}

std::vector<const Unit*> UnitHierarchy::carriers_on(std::string_view id, Date day) const {
  // Depth-first over successor links, falling back to the parent for a unit that ended
  // without successors. Successor links point forward in time and parents exist whenever
  // their children do (validate()); `seen` guards a hierarchy that was not validated.
  std::vector<char> seen(units_.size(), 0);
  std::vector<std::size_t> stack{position_of(id)};
  std::vector<std::size_t> found;
  while (!stack.empty()) {
    const std::size_t pos = stack.back();
    stack.pop_back();
    if (seen[pos] != 0) continue;
    seen[pos] = 1;
    const Unit& u = units_[pos];
    if (u.exists_on(day)) {
      found.push_back(pos);
    } else if (!u.successor_ids.empty()) {
      for (const std::string& s : u.successor_ids) {
        const std::size_t next = position(s);
        if (next != npos) stack.push_back(next);
      }
    } else if (u.valid_to && *u.valid_to < day && parent_pos_[pos] != npos) {
      stack.push_back(parent_pos_[pos]);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<const Unit*> out;
  out.reserve(found.size());
  for (const std::size_t i : found) out.push_back(&units_[i]);
  return out;
}

std::vector<std::size_t> UnitHierarchy::carried_into(std::string_view ancestor_id, Date day) const {
  // carriers_on searched backwards: start from the units within the ancestor on the day, then
  // add every unit that no longer exists and names one of the found as its successor, and every
  // child of a found unit that ended before the day without successors.
  const std::size_t root = position_of(ancestor_id);
  // Within the ancestor on the day: it and every unit up to it exist on the day.
  const auto within = [&](std::size_t pos) {
    for (std::size_t steps = 0; steps <= units_.size() && pos != npos; ++steps) {
      if (!units_[pos].exists_on(day)) return false;
      if (pos == root) return true;
      pos = parent_pos_[pos];
    }
    return false;
  };
  std::vector<char> seen(units_.size(), 0);
  std::vector<char> visited(units_.size(), 0);  // the structural subtree, whatever the day
  std::vector<std::size_t> out;
  std::vector<std::size_t> stack{root};
  while (!stack.empty()) {
    const std::size_t pos = stack.back();
    stack.pop_back();
    if (visited[pos] != 0) continue;
    visited[pos] = 1;
    if (within(pos)) {
      seen[pos] = 1;
      out.push_back(pos);
    }
    for (std::uint32_t c = first_child_[pos]; c != kNone; c = next_sibling_[c]) {
      stack.push_back(c);
    }
  }
  for (std::size_t k = 0; k < out.size(); ++k) {
    const std::size_t v = out[k];
    for (const std::string& p : units_[v].predecessor_ids) {
      const std::size_t pos = position(p);
      if (pos != npos && seen[pos] == 0 && !units_[pos].exists_on(day)) {
        seen[pos] = 1;
        out.push_back(pos);
      }
    }
    for (std::uint32_t c = first_child_[v]; c != kNone; c = next_sibling_[c]) {
      const Unit& child = units_[c];
      if (seen[c] == 0 && child.successor_ids.empty() && child.valid_to && *child.valid_to < day) {
        seen[c] = 1;
        out.push_back(c);
      }
    }
  }
  return out;
}

std::vector<const Unit*> UnitHierarchy::predecessors_on(std::string_view id, Date day) const {
  return walk_links(units_, position_of(id), day, &Unit::predecessor_ids,
                    [this](std::string_view x) { return position(x); });
}

}  // namespace danvan
