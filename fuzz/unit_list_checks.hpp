// What every official list of units read must hold, for the unit list fuzz targets: each unit
// has a code of its level's width (2, 3 or 5 digits) and a name, a province no parent, and any
// other unit a parent of the level above it in the list. Aborts otherwise.
#pragma once

#include "danvan/unit_list.hpp"

#include <cstddef>
#include <cstdlib>
#include <map>
#include <string>
#include <utility>

namespace danvan::fuzz {

/// The units of `list` by level and code.
inline std::map<std::pair<Level, std::string>, const ListedUnit*> units_by_code(
    const UnitList& list) {
  std::map<std::pair<Level, std::string>, const ListedUnit*> by_code;
  for (const auto& u : list.units) by_code[{u.level, u.code}] = &u;
  return by_code;
}

/// Aborts unless every unit of `list` has its level's code width, a name and a listed parent.
inline void check_listed_units(const UnitList& list) {
  const auto by_code = units_by_code(list);
  for (const auto& u : list.units) {
    const std::size_t width = u.level == Level::province ? 2 : u.level == Level::district ? 3 : 5;
    if (u.code.size() != width || u.name.empty()) std::abort();
    if (u.level == Level::province) {
      if (!u.parent_code.empty()) std::abort();
      continue;
    }
    const Level parent_level =
        u.level == Level::commune && list.has_districts ? Level::district : Level::province;
    if (!by_code.contains({parent_level, u.parent_code})) std::abort();
  }
}

}  // namespace danvan::fuzz
