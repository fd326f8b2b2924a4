// Internal: the "chờ duyệt / bị trả lại" part of a progress report with a submission workflow
// (ProgressSummary::workflow), for the text, Markdown and HTML renderings.
#pragma once

#include "danvan/progress.hpp"
#include "danvan/report.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace danvan::detail {

/// The section as text or Markdown (its heading included), "" when the summary has no workflow.
std::string workflow_section_text(const ProgressPlan& plan, const ProgressSummary& s, bool md);
/// The same as HTML (an h2, a table of counts per unit and two lists); `esc` escapes text.
std::string workflow_section_html(const ProgressPlan& plan, const ProgressSummary& s,
                                  const std::function<std::string(std::string_view)>& esc);
/// One sentence on what the indicator figures count ("" without a workflow).
std::string workflow_basis_note(const ProgressSummary& s);

}  // namespace danvan::detail
