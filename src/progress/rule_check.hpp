// Internal: the checks of a validation rule against a plan's indicators, shared by
// ProgressPlan::validate and the JSON reader (which reports each problem at its pointer).
#pragma once

#include "danvan/progress.hpp"
#include "danvan/rules.hpp"

#include <string>
#include <vector>

namespace danvan::detail {

/// A problem of a rule: the JSON pointer relative to the rule ("/left/0/indicator") and the
/// reason.
struct RuleProblem {
  std::string pointer;
  std::string reason;
};

/// The problems of a rule's id, message and terms against `indicators`, in document order:
/// invalid id, empty message, a side without a term, an unknown indicator, a qualitative one,
/// a numerator or denominator of an indicator that is not a percentage, a factor or constant
/// out of range.
std::vector<RuleProblem> rule_problems(const std::vector<Indicator>& indicators,
                                       const ValidationRule& rule);

}  // namespace danvan::detail
