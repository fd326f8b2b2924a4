// A three-unit register whose official code 100 is reused (unit "a" until 2024-10-31, "b" from
// 2024-11-01, both in province "p", code 1): the fuzz targets of documents that may name units
// by code ("code:100") read each input with it as well as without.
#pragma once

#include "danvan/json.hpp"
#include "danvan/json/plan.hpp"  // units_from_json
#include "danvan/unit_register.hpp"

namespace danvan::fuzz {

inline const UnitRegister& small_register() {
  static const UnitRegister reg(units_from_json(parse_json(R"({
    "schema": "danvan/units", "version": 1, "units": [
      {"id": "p", "name": "Tỉnh P", "kind": "administrative_unit", "level": "province",
       "parent": null, "code": "1", "valid_from": null, "valid_to": null,
       "predecessors": [], "successors": []},
      {"id": "a", "name": "Phường A", "kind": "administrative_unit", "level": "commune",
       "parent": "p", "code": "100", "valid_from": null, "valid_to": "2024-10-31",
       "predecessors": [], "successors": ["b"]},
      {"id": "b", "name": "Phường B", "kind": "administrative_unit", "level": "commune",
       "parent": "p", "code": "100", "valid_from": "2024-11-01", "valid_to": null,
       "predecessors": ["a"], "successors": []}]})")));
  return reg;
}

}  // namespace danvan::fuzz
