// The submission workflow of periodic reports (quy trình gửi, duyệt báo cáo): each (unit, period)
// report has a history of dated transitions — draft, submitted, returned with a reason,
// resubmitted, approved — and the unit that approves is the reporting unit's parent in the
// hierarchy as of the period.
#pragma once

#include "danvan/date.hpp"
#include "danvan/period.hpp"
#include "danvan/progress.hpp"
#include "danvan/report.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace danvan {

/// What a transition does (thao tác): record a draft (lập dự thảo), submit or resubmit (gửi, gửi
/// lại), return with a reason (trả lại) or approve (duyệt). Names: "draft", "submit", "return",
/// "approve".
enum class WorkflowAction : std::uint8_t { draft, submit, return_to_unit, approve };
/// Where a report stands after its last transition (trạng thái): draft (dự thảo), submitted and
/// awaiting approval (chờ duyệt), returned (bị trả lại), approved (đã duyệt). Names: "draft",
/// "submitted", "returned", "approved".
enum class ReportStatus : std::uint8_t { draft, submitted, returned, approved };

std::string_view to_string(WorkflowAction v) noexcept;
std::string_view to_string(ReportStatus v) noexcept;
/// Parsers throw ValueError naming the accepted values.
WorkflowAction parse_workflow_action(std::string_view text);
ReportStatus parse_report_status(std::string_view text);
/// "lập dự thảo", "gửi", "trả lại", "duyệt"; "dự thảo", "chờ duyệt", "bị trả lại", "đã duyệt".
std::string_view vietnamese_name(WorkflowAction v) noexcept;
std::string_view vietnamese_name(ReportStatus v) noexcept;
/// The status a transition leads to.
ReportStatus status_after(WorkflowAction action) noexcept;

/// One dated transition of a unit's report for a period, with who acted: a unit (đơn vị) and
/// optionally a person (người thực hiện). Only a return carries a reason (lý do trả lại).
struct Transition {
  std::string unit_id;                             ///< the unit whose report it is
  Period period{PeriodType::month, 2000, 1};       ///< the reporting period
  WorkflowAction action = WorkflowAction::submit;  ///< what the transition does
  Date date{2000, 1, 1};                           ///< the day it happened
  std::string actor_unit_id;                       ///< the unit that acted
  std::optional<std::string> person;               ///< the person who acted, when known
  std::optional<std::string> reason;               ///< why it was returned (a return only)
  friend bool operator==(const Transition&, const Transition&) = default;
};

/// The transitions of one (unit, period) report, in date order.
struct ReportHistory {
  std::string unit_id;                        ///< the unit whose report it is
  Period period{PeriodType::month, 2000, 1};  ///< the reporting period
  std::vector<Transition> transitions;        ///< in the order applied (dates never decrease)

  /// The last transition on or before `day`, or nullptr.
  [[nodiscard]] const Transition* last_on(Date day) const noexcept;
  /// The status on `day` (nullopt before the first transition).
  [[nodiscard]] std::optional<ReportStatus> status_on(Date day) const noexcept;
  /// The day of the first submission, if any.
  [[nodiscard]] std::optional<Date> first_submitted() const noexcept;
  friend bool operator==(const ReportHistory&, const ReportHistory&) = default;
};

/// The units that may approve `unit_id`'s report for `period` on `day`: its parent on the
/// period's last day; when that parent no longer exists on `day`, the units that carry it on
/// (UnitHierarchy::successors_on); when none does (a district-level unit dissolved in 2025),
/// the same for the next ancestor up — so after the 2025 merger the new parent approves. Empty
/// for a unit without a parent. Throws ValueError for an unknown unit.
std::vector<std::string> approving_units(const UnitHierarchy& units, std::string_view unit_id,
                                         const Period& period, Date day);

/// The histories of a plan's reports. Transitions are checked as they are applied; the valid
/// sequences are draft? submit (return submit)* approve?, dates never going backwards and never
/// before the period began. Messages (ValueError) start with "report of <unit> for <period>: "
/// and then say, for example:
///   "cannot approve: it is not submitted"
///   "cannot approve: it was returned on 2020-05-12 and not resubmitted"
///   "cannot submit: it was submitted on 2020-05-05 and awaits approval"
///   "cannot return: it was already approved on 2020-05-20"
///   "a return needs a reason"
///   "only a return has a reason"
///   "approve on 2020-05-03 is before the previous transition (submit on 2020-05-05)"
///   "submit on 2020-03-30 is before the period began (2020-04-01)"
/// and, with the plan (apply(plan, t)), the unit checks:
///   "unknown unit \"x\"", "the unit did not exist at the end of 202004",
///   "period 2019 is not a month period as the schedule requires",
///   "period 202101 is outside the schedule 202004..202012",
///   "only py-tuy-an itself can submit it, not phu-yen",
///   "py-tuy-an cannot approve its own report",
///   "dak-lak cannot approve it: its parent phu-yen approves (approval is not by a higher level)",
///   "py-song-cau cannot approve it: py-tuy-an-an-dan is not its child (its parent on 2020-04-30
///    is py-tuy-an)".
class Workflow {
 public:
  Workflow() = default;
  /// An empty workflow of the plan with this id.
  explicit Workflow(std::string plan_id) : plan_id_(std::move(plan_id)) {}

  /// The id of the plan whose reports these are.
  [[nodiscard]] const std::string& plan_id() const noexcept { return plan_id_; }
  /// The problem `t` would cause (the message above), or "" when it may be applied. Without a
  /// plan, only the sequence, dates and reason are checked.
  [[nodiscard]] std::string check(const Transition& t) const;
  /// As above, also checking the units, the period and who may act against `plan`.
  [[nodiscard]] std::string check(const ProgressPlan& plan, const Transition& t) const;
  /// As check(plan, t); an approval is also refused while the batch's report of the unit for
  /// the period breaks an error rule of the plan, with approval_problem's message (rules.hpp:
  /// "report of <unit> for <period>: cannot approve: it breaks the error rule ..."), as
  /// `danvan progress workflow approve` refuses it. Warnings never block.
  [[nodiscard]] std::string check(const ProgressPlan& plan, const ReportBatch& batch,
                                  const Transition& t) const;
  /// Checks and appends; throws ValueError with the message (the workflow is then unchanged).
  void apply(const Transition& t);
  /// As above, checked against `plan` as check(plan, t) does.
  void apply(const ProgressPlan& plan, const Transition& t);
  /// As above, checked against `plan` and `batch` as check(plan, batch, t) does.
  void apply(const ProgressPlan& plan, const ReportBatch& batch, const Transition& t);

  /// The history of a unit's report for a period, or nullptr.
  [[nodiscard]] const ReportHistory* find(std::string_view unit_id, const Period& period) const;
  /// Every history, in the order of their first transition.
  [[nodiscard]] const std::vector<ReportHistory>& histories() const noexcept { return histories_; }
  /// Every transition in the order applied.
  [[nodiscard]] std::vector<Transition> transitions() const;
  /// The number of transitions.
  [[nodiscard]] std::size_t size() const noexcept { return order_.size(); }

  friend bool operator==(const Workflow& a, const Workflow& b) {
    return a.plan_id_ == b.plan_id_ && a.transitions() == b.transitions();
  }

 private:
  std::string plan_id_;
  std::vector<ReportHistory> histories_;
  std::map<std::pair<std::string, std::string>, std::size_t, std::less<>> index_;
  std::vector<std::pair<std::size_t, std::size_t>> order_;  // (history, transition)
};

/// Which reports a roll-up counts: every submitted one not returned (flagged when some are
/// not yet approved), or approved ones only.
enum class RollupBasis : std::uint8_t { submitted, approved };
std::string_view to_string(RollupBasis v) noexcept;
RollupBasis parse_rollup_basis(std::string_view text);  ///< "submitted", "approved"

/// Counts of expected reports by workflow status on the as-of day. `open`: not submitted
/// (nothing yet, or a draft); `awaiting`: submitted, not yet approved (chờ duyệt).
struct WorkflowCounts {
  std::size_t open = 0;      ///< chưa gửi: nothing submitted yet, or a draft
  std::size_t awaiting = 0;  ///< chờ duyệt
  std::size_t returned = 0;  ///< bị trả lại
  std::size_t approved = 0;  ///< đã duyệt
  friend bool operator==(const WorkflowCounts&, const WorkflowCounts&) = default;
};

/// A report waiting on someone: submitted and awaiting approval by `waits_on`, or returned
/// and awaiting resubmission by its own unit.
struct WorkflowItem {
  std::string unit_id;                            ///< the unit whose report it is
  Period period{PeriodType::month, 2000, 1};      ///< the reporting period
  ReportStatus status = ReportStatus::submitted;  ///< submitted or returned
  Date since{2000, 1, 1};                         ///< the day of the transition that put it there
  std::vector<std::string> waits_on;  ///< approving units (awaiting) or the unit (returned)
  std::string actor_unit_id;          ///< who submitted (awaiting) or returned it
  std::optional<std::string> person;  ///< the person who acted, when known
  std::optional<std::string> reason;  ///< a return's reason
};

/// The workflow part of a progress summary.
struct WorkflowSummary {
  RollupBasis basis = RollupBasis::submitted;  ///< what the indicator figures count
  std::vector<WorkflowCounts> nodes;           ///< parallel to ProgressSummary::nodes
  std::vector<WorkflowItem> awaiting;          ///< chờ duyệt, oldest first
  std::vector<WorkflowItem> returned;          ///< bị trả lại, oldest first
  /// Reports counted in the indicator roll-up that are not approved (basis submitted): the
  /// figures are flagged as including them.
  std::size_t unapproved_counted = 0;
  /// Reports left out of the indicator roll-up: returned or draft ones (both bases) and
  /// submitted ones not yet approved (basis approved).
  std::size_t left_out = 0;
};

/// The status of a batch report on `as_of`: from its history when the workflow has one for it
/// (nullopt when the history has no transition by then), otherwise "submitted" when the batch
/// holds a report submitted by then (a report sent outside the workflow awaits approval).
std::optional<ReportStatus> report_status(const Workflow& workflow, const ReportBatch& batch,
                                          std::string_view unit_id, const Period& period,
                                          Date as_of);

/// Every report waiting on someone on `as_of` (what `danvan progress workflow list` shows):
/// submitted ones awaiting approval (from the workflow, and batch reports submitted by then
/// without a history) and returned ones awaiting resubmission, each list oldest first.
struct PendingReports {
  std::vector<WorkflowItem> awaiting;  ///< submitted, awaiting approval
  std::vector<WorkflowItem> returned;  ///< returned, awaiting resubmission
};
PendingReports pending_reports(const ProgressPlan& plan, const ReportBatch& batch,
                               const Workflow& workflow, Date as_of);

/// summarize_progress with the workflow: completeness and timeliness as without it (from the
/// batch's submission days); indicator figures from the reports the basis counts (submitted or
/// approved ones on the as-of day; returned and draft ones never); `summary.workflow` holds the
/// counts per node and the reports waiting on someone within the summary's units and period.
ProgressSummary summarize_progress(const ProgressPlan& plan, const ReportBatch& batch,
                                   const Workflow& workflow, const ProgressQuery& query,
                                   RollupBasis basis);

}  // namespace danvan
