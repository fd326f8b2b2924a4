// Readable Vietnamese renderings of a plan (text and Markdown).
#pragma once

#include "danvan/plan.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace danvan {

enum class PlanFormat : std::uint8_t { text, markdown };

/// The plan as a Vietnamese document: header facts, purposes, requirements, milestones, the
/// task areas numbered as in the source, each with the instruments it cites (canonical symbol,
/// date and issuer where known), and the list of all cited instruments. Unknown facts are
/// shown as "(không rõ)", never guessed.
std::string render_plan(const Plan& plan, PlanFormat format);

PlanFormat parse_plan_format(std::string_view text);  ///< "text" or "markdown"

}  // namespace danvan
