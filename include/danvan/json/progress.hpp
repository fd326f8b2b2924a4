// JSON for progress plans ("danvan/progress") and report batches ("danvan/reports").
//
// Reading is strict as for every danvan document: unknown keys, wrong types, bad enum values,
// duplicate ids, dangling references and invalid dates or periods are all collected into one
// JsonDocumentError with JSON pointers. Writing is canonical (same model, same bytes).
#pragma once

#include "danvan/io.hpp"
#include "danvan/json/json.hpp"
#include "danvan/json/plan.hpp"
#include "danvan/progress.hpp"
#include "danvan/report.hpp"
#include "danvan/unit_register.hpp"

#include <filesystem>

namespace danvan {

/// The version of danvan/progress documents written. Version 2 added "rules" (validation rules
/// of the reports, danvan/rules.hpp); a version 1 document is read as one without rules.
/// Version 3 lets the plan name a unit by its official code ("code:66", mã đơn vị hành chính)
/// wherever it names a unit (see progress_plan_from_json with a UnitRegister).
inline constexpr int progress_json_version = 3;
/// The version of danvan/reports documents written. Version 2 lets a report name its unit by
/// official code (see report_batch_from_json with a UnitRegister).
inline constexpr int reports_json_version = 2;

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
/// As progress_plan_from_json(document), resolving the units a version 3 document names by
/// official code ("code:66" in "scope", an activity's "responsible_units" and
/// "participating_units", a target's "unit") against `units` (a register such as the national
/// one, data/units/national/units.json): a scope unit on the schedule's days (the first
/// period's first day to the last period's last), an activity's on its days (start to due, or
/// the due day), a target's in its period. Exactly one unit of the register must have carried
/// the code on some day of them ("/scope/0: the official code \"66\" names 2 units in 2025
/// (\"p66\", \"p66-20250701\"): name the unit by its id"; "no unit of the register has the
/// official code \"99999\" in 2025Q4"). The plan's hierarchy is the embedded units and the
/// register's units named, with their ancestors and the units linked to them by succession;
/// to_json writes them embedded and named by id, so what is written reads back without the
/// register. Read without a register (the overloads above), a reference by code is a problem
/// ("read the progress plan with a unit register").
ProgressPlan progress_plan_from_json(const Json& document, const UnitRegister& units);
Json to_json(const ReportBatch& batch);
/// Reads a danvan/reports document and checks every report against `plan` (ReportBatch::validate's
/// rules, each reported with its pointer).
ReportBatch report_batch_from_json(const Json& document, const ProgressPlan& plan);
/// As above, resolving the unit a version 2 document's report names by official code
/// ("code:66") against `units` in the report's period (exactly one unit of the register must
/// have carried the code on some day of it); the unit must then be one of the plan's. Read
/// without a register, such a reference is a problem.
ReportBatch report_batch_from_json(const Json& document, const ProgressPlan& plan,
                                   const UnitRegister& units);
/// Reads a danvan/reports document on its own: every report is checked as far as the document
/// alone can tell (keys, types, values, periods, one report per unit and period); what needs
/// the plan (units, indicators, activities, the plan id) is not checked.
ReportBatch report_batch_from_json(const Json& document);

// The parts of the documents on their own, as they appear inside them (e.g. to_json(activity)
// is an element of "activities"; a Target one of an indicator's "targets"). Writing gives the
// same members in the same order as the documents. Reading is as strict as the documents'
// (unknown keys, wrong types, bad enum values, invalid dates and periods, each with its
// JSON pointer relative to the part: "/due") and checks what the part alone can tell (an
// activity's due day not before its start, an indicator's targets unique per unit and period,
// 0..100 for percentages, none for qualitative ones, a schedule's periods of its type and in
// order); what needs the whole plan (unit and indicator references, duplicate ids) is checked
// by ProgressPlan::validate, ReportBatch::validate and the document readers. All throw
// JsonDocumentError.
Json to_json(const Activity& activity);
Activity activity_from_json(const Json& part);
Json to_json(const Target& target);
Target target_from_json(const Json& part);
Json to_json(const Indicator& indicator);
Indicator indicator_from_json(const Json& part);
Json to_json(const ReportingSchedule& schedule);
ReportingSchedule reporting_schedule_from_json(const Json& part);
Json to_json(const IndicatorValue& value);
IndicatorValue indicator_value_from_json(const Json& part);
Json to_json(const ActivityReport& activity);
ActivityReport activity_report_from_json(const Json& part);
Json to_json(const Report& report);
Report report_from_json(const Json& part);
/// A rule as in "rules": {"id", "importance", "message", "left", "operator", "right"}; each
/// term {"indicator", "part", "source", "factor"} ("part" "value", "source" "same" and "factor"
/// 1 when absent) or {"constant"}. Its indicators are checked by the document reader.
Json to_json(const ValidationRule& rule);
ValidationRule validation_rule_from_json(const Json& part);

// nlohmann ADL hooks (`Json j = activity;`, `j.get<Activity>()`), the same as the functions
// above. A ReportBatch is read with report_batch_from_json (it needs its plan).
void to_json(Json& j, const ProgressPlan& value);
void from_json(const Json& j, ProgressPlan& value);
void to_json(Json& j, const ReportBatch& value);
void to_json(Json& j, const Activity& value);
void from_json(const Json& j, Activity& value);
void to_json(Json& j, const Target& value);
void from_json(const Json& j, Target& value);
void to_json(Json& j, const Indicator& value);
void from_json(const Json& j, Indicator& value);
void to_json(Json& j, const ReportingSchedule& value);
void from_json(const Json& j, ReportingSchedule& value);
void to_json(Json& j, const IndicatorValue& value);
void from_json(const Json& j, IndicatorValue& value);
void to_json(Json& j, const ActivityReport& value);
void from_json(const Json& j, ActivityReport& value);
void to_json(Json& j, const Report& value);
void from_json(const Json& j, Report& value);
void to_json(Json& j, const ValidationRule& value);
void from_json(const Json& j, ValidationRule& value);

ProgressPlan load_progress_plan(const std::filesystem::path& path);
ReportBatch load_report_batch(const std::filesystem::path& path, const ProgressPlan& plan);
void save_progress_plan(const ProgressPlan& plan, const std::filesystem::path& path);
void save_report_batch(const ReportBatch& batch, const std::filesystem::path& path);

}  // namespace danvan
