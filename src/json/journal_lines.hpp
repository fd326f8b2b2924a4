// Internal: the replay loop shared by the JSON Lines journals (the registry's and the report
// workflow's): lines in order, a torn last line ignored with a warning.
#pragma once

#include "danvan/json/json.hpp"
#include "danvan/json/registry.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace danvan::detail {

/// Calls `apply(value, where)` for each line parsed as JSON, `where` being "line N: ". The last
/// line when it has no final newline or is not valid JSON is torn: it is skipped and reported
/// in the result. Any other line that is not valid JSON throws ValueError
/// "line N: <pointer>: <reason>"; what `apply` throws passes through. Counts applied lines.
ReplayResult for_each_journal_line(
    std::string_view text, const std::function<void(const Json&, const std::string&)>& apply);

}  // namespace danvan::detail
