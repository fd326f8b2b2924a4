// Internal: parsing an enumeration's name against its table of names, with the one message style
// of the library for an unknown value: `unknown <what> "<value>"; expected one of a, b, c`
// (the style of unit.cpp and period.cpp).
#pragma once

#include "danvan/error.hpp"

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace danvan::detail {

/// `unknown <what> "<value>"; expected one of <names, comma-separated>`.
template <class Names>
std::string unknown_name_message(std::string_view what, std::string_view value,
                                 const Names& names) {
  std::string out =
      "unknown " + std::string(what) + " \"" + std::string(value) + "\"; expected one of ";
  bool first = true;
  for (const std::string_view name : names) {
    if (!first) out += ", ";
    out += name;
    first = false;
  }
  return out;
}

inline std::string unknown_name_message(std::string_view what, std::string_view value,
                                        std::initializer_list<std::string_view> names) {
  return unknown_name_message<std::initializer_list<std::string_view>>(what, value, names);
}

/// The enumerator whose name is `text`: names[i] names the enumerator with value i. Throws
/// ValueError with unknown_name_message() otherwise.
template <class E, std::size_t N>
E parse_enum_name(std::string_view text, const std::array<std::string_view, N>& names,
                  std::string_view what) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  throw ValueError(unknown_name_message(what, text, names));
}

/// The name of `value` in `names` (names[i] names the enumerator with value i), or "" for a
/// value outside the table (a cast from an out-of-range integer), so a `to_string` built on it
/// never reads past the table.
template <class E, std::size_t N>
std::string_view enum_name(const std::array<std::string_view, N>& names, E value) noexcept {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : std::string_view();
}

}  // namespace danvan::detail

/// Defines the two functions a public enumeration `Type` declares: `to_string(Type)` (its name in
/// `names`, see enum_name) and `Type parse(std::string_view)` (see parse_enum_name; `what`
/// names the kind in the message). Used in namespace danvan.
#define DANVAN_ENUM_NAMES(Type, names, parse, what)                                           \
  std::string_view to_string(Type value) noexcept { return detail::enum_name(names, value); } \
  Type parse(std::string_view text) { return detail::parse_enum_name<Type>(text, names, what); }
