// The official list's differences from a register applied as changes dated by the caller
// (issue 17: an updated list becomes the register's next state, nothing invented).
#include "danvan/error.hpp"
#include "danvan/unit_list.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace danvan {

namespace {

std::string quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

/// "20260101" for 2026-01-01: the suffix of the ids of units that begin that day.
std::string compact(Date day) {
  std::string iso = to_iso(day);
  std::erase(iso, '-');
  return iso;
}

/// The id without a trailing "-YYYYMMDD" (the day a continued unit began).
std::string_view base_id(std::string_view id) {
  constexpr std::size_t kSuffix = 9;
  if (id.size() <= kSuffix || id[id.size() - kSuffix] != '-') return id;
  const std::string_view digits = id.substr(id.size() - kSuffix + 1);
  const bool dated = std::all_of(digits.begin(), digits.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
  return dated ? id.substr(0, id.size() - kSuffix) : id;
}

/// The first letter of the national register's ids: "p01", "d718", "c22015".
char id_prefix(Level level) {
  switch (level) {
    case Level::central:
      return 'n';
    case Level::province:
      return 'p';
    case Level::district:
      return 'd';
    case Level::commune:
      return 'c';
  }
  return 'u';
}

/// How a unit of the register fares in the list: ended, renamed (the list's name), moved (the
/// list's parent code).
struct Fate {
  bool ended = false;
  const std::string* name = nullptr;
  const std::string* parent_code = nullptr;
};

/// "\"c4\" (Xã Không Mã)".
std::string named(const Unit& unit) { return quote(unit.id) + " (" + unit.name + ")"; }

/// One application of a list: the register's units being changed, the units created, and
/// what carries each code from the day on. Top down, so a parent is settled before its children.
class Application {
 public:
  Application(const UnitList& list, const UnitRegister& reg, Date day,
              const std::optional<std::string>& basis, UnitListUpdate& out)
      : list_(list),
        reg_(reg),
        day_(day),
        before_(day - boost::gregorian::days(1)),
        basis_(basis),
        out_(out),
        units_(reg.hierarchy().units()) {
    for (const UnitListChange& c : out.comparison.changes) {
      switch (c.kind) {
        case UnitListChange::Kind::added:
          added_.push_back(&c);
          break;
        case UnitListChange::Kind::ended:
          fate_[c.unit_id].ended = true;
          break;
        case UnitListChange::Kind::renamed:
          fate_[c.unit_id].name = &c.listed;
          break;
        case UnitListChange::Kind::moved:
          fate_[c.unit_id].parent_code = &c.listed;
          break;
      }
    }
    for (const ListedUnit& u : list.units) {
      listed_.emplace(std::pair<Level, std::string_view>(u.level, u.code), &u);
    }
  }

  /// Settles every unit of the register existing on the day, then adds the list's new units,
  /// level by level.
  void run() {
    const std::vector<const Unit*> existing = reg_.on(day_);
    for (const Level level : {Level::central, Level::province, Level::district, Level::commune}) {
      for (const Unit* u : existing) {
        if (u->level == level) settle(*u);
      }
      for (const UnitListChange* a : added_) {
        if (a->level == level) add(*listed_.at({a->level, a->code}));
      }
    }
  }

  /// The problems found, and the units with the changes (when there are none).
  std::vector<std::string> problems;
  std::vector<Unit> result() && {
    units_.insert(units_.end(), std::make_move_iterator(created_.begin()),
                  std::make_move_iterator(created_.end()));
    return std::move(units_);
  }

 private:
  Level parent_level(Level level) const {
    return level == Level::commune && list_.has_districts ? Level::district : Level::province;
  }
  bool taken(const std::string& id) const {
    return reg_.hierarchy().position(id) != UnitHierarchy::npos || created_ids_.contains(id);
  }
  Unit& unit(std::string_view id) { return units_[reg_.hierarchy().position(id)]; }

  /// A unit of the register existing on the day: ended, continued or left as it is.
  void settle(const Unit& u) {
    const auto found = fate_.find(u.id);
    const Fate f = found == fate_.end() ? Fate{} : found->second;
    const bool begins_today = u.valid_from && *u.valid_from >= day_;
    if (f.ended) {
      if (begins_today) {
        problems.push_back(named(u) + " begins on " + to_iso(day_) + " and cannot end on " +
                           to_iso(before_));
        return;
      }
      unit(u.id).valid_to = before_;
      ended_.insert(u.id);
      out_.ended.push_back(u.id);
      return;
    }
    const std::optional<std::optional<std::string>> parent = parent_from_day(u, f);
    if (!parent) return;
    std::string id = u.id;
    if (f.name != nullptr || *parent != u.parent_id) {
      if (begins_today) {
        problems.push_back(named(u) + " begins on " + to_iso(day_) +
                           " and cannot be continued from " + to_iso(day_));
        return;
      }
      id = std::string(base_id(u.id)) + "-" + compact(day_);
      if (taken(id)) {
        problems.push_back(named(u) + ": the id " + quote(id) + " of its continuation is taken");
        return;
      }
      continue_as(u, id, f.name != nullptr ? *f.name : u.name, *parent);
    }
    if (u.code) carrier_[{u.level, *u.code}] = id;
  }

  /// The unit's parent from the day on (the outer nullopt after a problem).
  std::optional<std::optional<std::string>> parent_from_day(const Unit& u, const Fate& f) {
    if (f.parent_code != nullptr) {
      const Level wanted = parent_level(u.level);
      const Unit* old_parent = reg_.parent_of(u);
      if (old_parent != nullptr && old_parent->level != wanted) {
        problems.push_back(named(u) + " is listed under the " + std::string(to_string(wanted)) +
                           " " + quote(*f.parent_code) + " but belongs to the " +
                           std::string(to_string(old_parent->level)) + " " + quote(old_parent->id) +
                           ", which the list does not name");
        return std::nullopt;
      }
      const auto to = carrier_.find({wanted, *f.parent_code});
      if (to == carrier_.end()) {
        problems.push_back(named(u) + ": no " + std::string(to_string(wanted)) + " has the code " +
                           quote(*f.parent_code) + " on " + to_iso(day_));
        return std::nullopt;
      }
      return std::optional<std::string>(to->second);
    }
    if (!u.parent_id) return std::optional<std::string>();
    if (ended_.contains(*u.parent_id)) {
      problems.push_back(named(u) + " exists on " + to_iso(day_) + " but its parent " +
                         quote(*u.parent_id) + " ends on " + to_iso(before_) +
                         " and the list does not name it elsewhere");
      return std::nullopt;
    }
    const auto c = continued_as_.find(*u.parent_id);
    return std::optional<std::string>(c != continued_as_.end() ? c->second : *u.parent_id);
  }

  /// Ends the unit the day before and continues it as `id` from the day.
  void continue_as(const Unit& u, const std::string& id, const std::string& name,
                   const std::optional<std::string>& parent) {
    Unit next = u;
    next.id = id;
    next.name = name;
    next.parent_id = parent;
    next.valid_from = day_;
    next.predecessor_ids = {u.id};
    next.basis = basis_;
    for (const std::string& s : u.successor_ids) {
      auto& links = unit(s).predecessor_ids;
      std::replace(links.begin(), links.end(), u.id, id);
    }
    Unit& old = unit(u.id);
    old.valid_to = before_;
    old.successor_ids = {id};
    continued_as_.emplace(u.id, id);
    out_.continued.emplace_back(u.id, id);
    created_ids_.insert(id);
    created_.push_back(std::move(next));
  }

  /// A unit the list adds.
  void add(const ListedUnit& l) {
    Unit u;
    u.id = id_prefix(l.level) + l.code;
    if (taken(u.id)) u.id += "-" + compact(day_);
    if (taken(u.id)) {
      problems.push_back("row " + std::to_string(l.row) + ": the id " + quote(u.id) + " of the " +
                         std::string(to_string(l.level)) + " " + quote(l.code) + " is taken");
      return;
    }
    if (l.level != Level::province) {
      const Level wanted = parent_level(l.level);
      const auto to = carrier_.find({wanted, l.parent_code});
      if (to == carrier_.end()) {
        problems.push_back("row " + std::to_string(l.row) + ": no " +
                           std::string(to_string(wanted)) + " has the code " +
                           quote(l.parent_code) + " on " + to_iso(day_));
        return;
      }
      u.parent_id = to->second;
    }
    u.name = l.name;
    u.kind = UnitKind::administrative_unit;
    u.level = l.level;
    u.valid_from = day_;
    u.code = l.code;
    u.basis = basis_;
    carrier_[{l.level, l.code}] = u.id;
    out_.added.push_back(u.id);
    created_ids_.insert(u.id);
    created_.push_back(std::move(u));
  }

  const UnitList& list_;
  const UnitRegister& reg_;
  Date day_;
  Date before_;
  const std::optional<std::string>& basis_;
  UnitListUpdate& out_;
  std::unordered_map<std::string_view, Fate> fate_;  // by unit id
  std::vector<const UnitListChange*> added_;
  std::map<std::pair<Level, std::string_view>, const ListedUnit*> listed_;
  std::vector<Unit> units_;
  std::vector<Unit> created_;
  std::set<std::string, std::less<>> created_ids_;
  std::map<std::pair<Level, std::string>, std::string> carrier_;  // (level, code) -> id
  std::unordered_map<std::string, std::string> continued_as_;     // old id -> new id
  std::set<std::string, std::less<>> ended_;
};

}  // namespace

UnitListUpdate apply_unit_list(const UnitList& list, const UnitRegister& reg, Date day,
                               const std::optional<std::string>& basis) {
  const std::string heading = "cannot apply the list on " + to_iso(day) + ": ";
  if (!list.problems.empty()) {
    throw ValueError(heading + std::to_string(list.problems.size()) +
                     " rows were not taken (the first: " + to_string(list.problems.front()) +
                     "); a list is applied whole");
  }
  if (day <= Date(1400, 1, 1)) throw ValueError(heading + "the day must be after 1400-01-01");
  UnitListUpdate out;
  out.comparison = compare_unit_list(list, reg, day);
  Application application(list, reg, day, basis, out);
  application.run();
  if (!application.problems.empty()) {
    constexpr std::size_t kShown = 20;
    const std::vector<std::string>& problems = application.problems;
    std::string message = heading;
    for (std::size_t i = 0; i < problems.size() && i < kShown; ++i) {
      if (i != 0) message += "; ";
      message += problems[i];
    }
    if (problems.size() > kShown) {
      message += " (and " + std::to_string(problems.size() - kShown) + " more problems)";
    }
    throw ValueError(message);
  }
  try {
    out.units = UnitHierarchy(std::move(application).result());
  } catch (const ValueError& e) {
    throw ValueError(heading + e.what());
  }
  return out;
}

}  // namespace danvan
