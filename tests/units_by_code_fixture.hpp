// Test helpers for documents that name units by official code: the national register, read
// once, and every problem a reader throws as "pointer: reason" lines.
#pragma once

#include "danvan/error.hpp"
#include "danvan/json/plan.hpp"
#include "danvan/unit_register.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace danvan::testing {

/// data/units/national/units.json as a register (read once).
inline const UnitRegister& national() {
  static const UnitRegister reg(
      load_units(std::filesystem::path(DANVAN_SOURCE_DIR) / "data/units/national/units.json"));
  return reg;
}

/// Every problem of the JsonDocumentError `read` throws, one "pointer: reason" line each, or
/// "no problem".
inline std::string problems_of(const std::function<void()>& read) {
  try {
    read();
  } catch (const JsonDocumentError& e) {
    std::string out;
    for (const auto& p : e.problems()) out += p.pointer + ": " + p.reason + "\n";
    return out;
  }
  return "no problem";
}

}  // namespace danvan::testing
