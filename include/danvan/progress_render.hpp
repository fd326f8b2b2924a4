// Readable renderings of a progress summary (báo cáo tiến độ): text, Markdown, a self-contained
// HTML page with inline SVG charts, and CSV for spreadsheets.
#pragma once

#include "danvan/progress.hpp"
#include "danvan/registry.hpp"
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

/// What a progress report asks the exemplar registry (sổ theo dõi điển hình, mô hình "Dân vận
/// khéo"): the year of the summary's period counted as of the summary's as-of day, for the
/// subtree of the unit shown (the whole registry when the summary shows several roots), units
/// as they were (not mapped onto today's units), by field. Registry::stats throws ValueError
/// ("unknown unit ...") when the registry's hierarchy lacks that unit.
StatsQuery exemplar_stats_query(const ProgressSummary& summary);

/// As above, followed by a section with the exemplar statistics `exemplars` (normally
/// registry.stats(exemplar_stats_query(summary))): the five counts of each row and the total,
/// each with its change against the previous year. HTML adds an inline SVG chart of the totals
/// (the year against the previous year); CSV adds rows of section "exemplars", one per row,
/// count and year: item_id "<row keys>/<count>" (e.g. "kinh-te/registered", "total/effective"),
/// the count in "value", the year (or the previous year) in "period".
std::string render_progress(const ProgressPlan& plan, const ProgressSummary& summary,
                            ProgressFormat format, const StatsTable& exemplars);

}  // namespace danvan
