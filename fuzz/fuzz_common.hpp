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

/// The canonical text `read_write(text)` gives, or nothing when the reader refuses the text with a
/// danvan::Error (any other exception escapes to libFuzzer).
template <class ReadWrite>
std::optional<std::string> accepted(std::string_view text, ReadWrite read_write) {
  try {
    return read_write(text);
  } catch (const danvan::Error&) {
    return std::nullopt;
  }
}

/// The checks of a reader that may name units by official code, given as `plain` (read without a
/// register) and `coded` (read with fuzz::small_register()), each returning the canonical text or
/// nothing (see accepted()):
/// - a text `plain` accepts writes a canonical text that reads back to itself, and reads the same
///   with the register (it names no unit by code, so the register changes nothing);
/// - a text only `coded` accepts writes a canonical text that `reread` accepts as it is.
template <class Plain, class Coded, class Reread>
void check_unit_codes(std::string_view text, Plain plain, Coded coded, Reread reread) {
  if (const auto first = plain(text)) {
    if (plain(*first) != first) std::abort();
    if (coded(text) != first) std::abort();
  } else if (const auto second = coded(text)) {
    if (reread(*second) != second) std::abort();
  }
}

}  // namespace danvan::fuzz
