// Internal: checks of reports against a progress plan, shared by ReportBatch::validate and the
// JSON reader (which reports each problem with its pointer).
#pragma once

#include "danvan/progress.hpp"
#include "danvan/report.hpp"

#include <functional>
#include <string>

namespace danvan::detail {

/// Receives (JSON pointer, reason) of each problem.
using ReportProblemSink = std::function<void(const std::string&, const std::string&)>;

/// Checks one report; `pointer` is where it is in the document ("/reports/3").
void check_report(const ProgressPlan& plan, const Report& report, const std::string& pointer,
                  const ReportProblemSink& add);
/// Checks the batch's plan id, each report, and duplicate (unit, period) pairs.
void check_batch(const ProgressPlan& plan, const ReportBatch& batch, const ReportProblemSink& add);

/// "12", "2.5", "0.3333": integers without a fraction, others with 4 significant digits.
std::string format_number(double v);

}  // namespace danvan::detail
