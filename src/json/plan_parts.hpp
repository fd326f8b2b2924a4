// Internal: readers of plan parts shared by the plan document's reader (json.cpp) and the parts'
// own ADL hooks (plan_parts.cpp).
#pragma once

#include "base/problems.hpp"
#include "danvan/json/json.hpp"
#include "danvan/plan.hpp"

#include <optional>
#include <string>

namespace danvan::detail {

/// A plan's "source" object at `pointer` (title, published, author, url, note); nullopt with a
/// problem when it is not an object.
std::optional<SourceInfo> read_source_info(const Json& j, const std::string& pointer,
                                           Problems& problems);

}  // namespace danvan::detail
