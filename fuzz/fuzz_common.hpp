// Shared checks of the libFuzzer targets: a reader either throws a danvan::Error (any other
// exception escapes to libFuzzer, which reports it as a crash) or accepts, and then what it
// accepted writes a canonical text that reads back to the same text.
#pragma once

#include "danvan/error.hpp"
#include "danvan/json.hpp"
#include "danvan/unit.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace danvan::fuzz {

/// A people's committee unit for a target's small hierarchy (no parent when `parent` is null).
inline Unit unit(const char* id, const char* name, Level level, const char* parent) {
  Unit u;
  u.id = id;
  u.name = name;
  u.kind = UnitKind::peoples_committee;
  u.level = level;
  if (parent != nullptr) u.parent_id = parent;
  return u;
}

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// `read_write(text)` reads a document and returns its canonical text.
template <class ReadWrite>
void check_round_trip(std::string_view text, ReadWrite read_write) {
  std::string first;
  try {
    first = read_write(text);
  } catch (const danvan::Error&) {
    return;
  }
  std::string second;
  try {
    second = read_write(first);
  } catch (const danvan::Error&) {
    std::abort();  // the canonical text of an accepted document must be accepted
  }
  if (second != first) std::abort();
}

}  // namespace danvan::fuzz
