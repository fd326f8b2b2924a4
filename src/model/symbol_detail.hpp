// Internal: what the reference finder needs of symbols beyond the public API.
#pragma once

#include "danvan/symbol.hpp"

#include <string_view>

namespace danvan::detail {

/// s.canonical() == text, without building the canonical spelling (the reference finder asks
/// it of every symbol it reads: a symbol written otherwise was repaired).
bool canonical_equals(const Symbol& s, std::string_view text) noexcept;

}  // namespace danvan::detail
