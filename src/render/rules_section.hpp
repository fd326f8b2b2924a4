// Internal: the "kiểm tra số liệu" part of a progress report whose plan has validation rules
// (ProgressSummary::rules), for the text, Markdown and HTML renderings.
#pragma once

#include "danvan/report.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace danvan::detail {

/// The section as text or Markdown (its heading included), "" when the summary has no rules:
/// the counts, the errors and the warnings (unit, period, rule, both values), and how many
/// rules could not be evaluated for a missing value.
std::string rules_section_text(const ProgressSummary& s, bool md);
/// The same as HTML (an h2, a paragraph and two lists); `esc` escapes text.
std::string rules_section_html(const ProgressSummary& s,
                               const std::function<std::string(std::string_view)>& esc);

}  // namespace danvan::detail
