// Readable renderings of a progress summary (báo cáo tiến độ): text, Markdown, a self-contained
// HTML page with inline SVG charts, and CSV for spreadsheets.
#pragma once

#include "danvan/progress.hpp"
#include "danvan/report.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace danvan {

enum class ProgressFormat : std::uint8_t { text, markdown, html, csv };

/// "text", "markdown", "html", "csv"; throws ValueError naming the accepted values.
ProgressFormat parse_progress_format(std::string_view text);

/// Renders the summary in Vietnamese: reporting completeness and timeliness per unit, indicator
/// totals against targets up the hierarchy, activities (overdue first), unexpected reports.
/// Missing values show as "—" (never 0). HTML is one file with no external resources (inline
/// CSS and SVG: a completeness bar per unit and a progress bar per indicator against its
/// target). CSV is UTF-8 with a byte-order mark and RFC 4180 quoting (CRLF line ends), one table
/// with a "section" column: completeness, indicator, activity.
std::string render_progress(const ProgressPlan& plan, const ProgressSummary& summary,
                            ProgressFormat format);

}  // namespace danvan
