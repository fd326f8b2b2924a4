// danvan._core: the Python ProgressSummary (progress.cpp binds it; forms.cpp writes it to .xlsx).
#pragma once

#include <danvan/progress.hpp>
#include <danvan/report.hpp>

#include <memory>

namespace danvan_py {

/// A summary with the plan and batch it points into (the C++ ProgressSummary points into both,
/// so the Python object owns shared copies of them).
struct Summary {
  std::shared_ptr<const danvan::ProgressPlan> plan;
  std::shared_ptr<const danvan::ReportBatch> batch;
  danvan::ProgressSummary summary;
};

}  // namespace danvan_py
