// JSON for progress plans ("danvan/progress") and report batches ("danvan/reports"); opt-in
// like json.hpp (it includes nlohmann/json).
//
// Reading is strict as for every danvan document: unknown keys, wrong types, bad enum values,
// duplicate ids, dangling references and invalid dates or periods are all collected into one
// JsonDocumentError with JSON pointers. Writing is canonical (same model, same bytes).
#pragma once

#include "danvan/json.hpp"
#include "danvan/progress.hpp"
#include "danvan/report.hpp"

#include <filesystem>

namespace danvan {

Json to_json(const ProgressPlan& plan);
/// Reads a danvan/progress document and checks it (ProgressPlan::validate's rules, each
/// reported with its pointer).
ProgressPlan progress_plan_from_json(const Json& document);
/// As above, with `units` (e.g. a danvan/units document such as data/units/phu-yen.json) as the
/// plan's unit hierarchy instead of the one the document embeds. The embedded "units" are still
/// read and checked, then replaced; every unit the plan names (scope, activities, targets) must
/// be in `units` ("/scope/0: unknown unit \"x\""). Reports read against the returned plan are
/// checked against `units` in the same way.
ProgressPlan progress_plan_from_json(const Json& document, const UnitHierarchy& units);
Json to_json(const ReportBatch& batch);
/// Reads a danvan/reports document and checks every report against `plan` (ReportBatch::validate's
/// rules, each reported with its pointer).
ReportBatch report_batch_from_json(const Json& document, const ProgressPlan& plan);

ProgressPlan load_progress_plan(const std::filesystem::path& path);
ReportBatch load_report_batch(const std::filesystem::path& path, const ProgressPlan& plan);
void save_progress_plan(const ProgressPlan& plan, const std::filesystem::path& path);
void save_report_batch(const ReportBatch& batch, const std::filesystem::path& path);

}  // namespace danvan
