// Validation rules of reports (quy tắc kiểm tra số liệu), after DHIS2's validation rules: a left
// and a right side over indicator values, an operator, an importance (an error blocks approval,
// a warning does not) and a Vietnamese message. A side is a sum of terms: an indicator's number
// (a percentage's value, numerator or denominator) times a factor, read from the report checked,
// from the same unit's report for the previous period ("last" stocks) or summed over the
// reports of the units below it (a parent's own figure against its children's), or a constant.
#pragma once

#include "danvan/date.hpp"
#include "danvan/period.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

struct ProgressPlan;
struct ReportBatch;

/// The comparison of a rule (toán tử): "<=", "<", "=", ">=", ">", "!=" (≤ < = ≥ > ≠).
enum class RuleOperator : std::uint8_t {
  less_or_equal,
  less,
  equal,
  greater_or_equal,
  greater,
  not_equal
};
/// How much a broken rule matters (mức độ): "error" (lỗi: blocks approval) or "warning" (cảnh
/// báo: shown, never blocks).
enum class RuleImportance : std::uint8_t { error, warning };
/// Which number of an indicator value a term reads: "value" (a count, 1 or 0 for yes/no,
/// 100 * numerator / denominator for a percentage), "numerator" or "denominator" (tử số, mẫu
/// số; percentages only).
enum class ValuePart : std::uint8_t { value, numerator, denominator };
/// Whose report a term reads: "same" (the report checked), "previous" (the same unit's report
/// for the period before), "children" (the sum over the reports, for the same period, of the
/// scope units whose parent the unit is on the period's last day).
enum class TermSource : std::uint8_t { same, previous, children };

std::string_view to_string(RuleOperator v) noexcept;
std::string_view to_string(RuleImportance v) noexcept;
std::string_view to_string(ValuePart v) noexcept;
std::string_view to_string(TermSource v) noexcept;
/// Parsers throw ValueError naming the accepted values ("≤", "≥" and "≠" are read too).
RuleOperator parse_rule_operator(std::string_view text);
RuleImportance parse_rule_importance(std::string_view text);
ValuePart parse_value_part(std::string_view text);
TermSource parse_term_source(std::string_view text);
/// "lỗi", "cảnh báo".
std::string_view vietnamese_name(RuleImportance v) noexcept;

/// One term of a side: `factor` times a number of an indicator, or `constant` when there is no
/// indicator.
struct RuleTerm {
  std::optional<std::string> indicator_id;  ///< none: a constant term
  ValuePart part = ValuePart::value;        ///< which number of the indicator value
  TermSource source = TermSource::same;     ///< whose report it is read from
  double factor = 1;                        ///< e.g. -1 to subtract
  double constant = 0;                      ///< the term's value when there is no indicator
  friend bool operator==(const RuleTerm&, const RuleTerm&) = default;
};

/// A validation rule: the left side compared by `op` with the right side, each side the sum of its
/// terms. Invariants (ProgressPlan::validate): a valid id, unique in the plan; a message; at least
/// one term on each side; every indicator known, with a number (not qualitative), numerator and
/// denominator of percentages only; factors and constants finite within -1e15..1e15.
struct ValidationRule {
  std::string id;                                     ///< unique in the plan
  std::string message;                                ///< Vietnamese, shown with each violation
  std::vector<RuleTerm> left;                         ///< the left side: the sum of its terms
  RuleOperator op = RuleOperator::less_or_equal;      ///< how the sides compare
  std::vector<RuleTerm> right;                        ///< the right side: the sum of its terms
  RuleImportance importance = RuleImportance::error;  ///< an error blocks approval
  friend bool operator==(const ValidationRule&, const ValidationRule&) = default;
};

/// Whether `left op right` holds; sides within 1e-9 of the larger magnitude (at least 1) are
/// equal.
bool rule_holds(RuleOperator op, double left, double right) noexcept;

/// What came of one rule on one report.
enum class RuleOutcome : std::uint8_t {
  holds,          ///< both sides known, the comparison holds
  violated,       ///< both sides known, the comparison fails
  not_evaluated,  ///< a side's value is missing: the rule is skipped, never read as 0
};
std::string_view to_string(RuleOutcome v) noexcept;

/// One rule on one report: the unit, the period, the rule (copied from the plan), both sides'
/// values (empty when missing) and, when not evaluated, what was missing.
struct RuleResult {
  std::string rule_id;                                ///< the rule's id
  RuleImportance importance = RuleImportance::error;  ///< the rule's importance
  RuleOperator op = RuleOperator::less_or_equal;      ///< the rule's operator
  std::string message;                                ///< the rule's message
  std::string unit_id;                                ///< the unit of the report checked
  Period period{PeriodType::month, 2000, 1};          ///< the period of the report checked
  RuleOutcome outcome = RuleOutcome::holds;           ///< what came of it
  std::optional<double> left;                         ///< the left side's value, when known
  std::optional<double> right;                        ///< the right side's value, when known
  /// Not evaluated: the first missing value, e.g. "no report of py-tuy-an for 202004", "no value
  /// of \"ton-dong\" in the report of py-tuy-an for 202005", "202004 is the first period of the
  /// schedule", "giai-quyet-dung-han is 0/0", "py-tuy-an has no scope units below it".
  std::string missing;
  friend bool operator==(const RuleResult&, const RuleResult&) = default;
};

/// The rules checked over reports: violations and rules not evaluated, each in report order
/// (batch order) then rule order.
struct RuleCheck {
  std::vector<RuleResult> violations;     ///< rules broken (errors and warnings)
  std::vector<RuleResult> not_evaluated;  ///< rules skipped for a missing value
  std::size_t evaluated = 0;              ///< (rule, report) pairs with both sides known
  [[nodiscard]] std::size_t errors() const noexcept;    ///< violations of error rules
  [[nodiscard]] std::size_t warnings() const noexcept;  ///< violations of warning rules
};

/// Which reports to check: those submitted on or before `as_of` (all without it; later ones
/// are also not read as previous or children's reports), of periods within `within` (all
/// without it), of `unit_id` and the units below it (all without it).
struct RuleQuery {
  std::optional<Date> as_of;           ///< the reports known on that day
  std::optional<Period> within;        ///< reports of periods within it
  std::optional<std::string> unit_id;  ///< reports of the unit's subtree
};

/// Checks every rule of the plan on every report the query selects. Throws ValueError for a
/// query unit not in the plan's hierarchy.
RuleCheck check_rules(const ProgressPlan& plan, const ReportBatch& batch,
                      const RuleQuery& query = {});
/// Checks every rule on the batch's report of `unit_id` for `period` (empty when there is
/// none), reading the other reports of the batch for previous and children terms.
RuleCheck check_report_rules(const ProgressPlan& plan, const ReportBatch& batch,
                             std::string_view unit_id, const Period& period);
/// Why the report of `unit_id` for `period` may not be approved: "" when no error rule is
/// violated, otherwise "report of <unit> for <period>: cannot approve: it breaks the error rule
/// \"<id>\" (<message>): 12 <= 10 does not hold" naming the first such rule, with ", and N more
/// error rules" when there are more. Warnings never block.
std::string approval_problem(const ProgressPlan& plan, const ReportBatch& batch,
                             std::string_view unit_id, const Period& period);
/// One line: "py-tuy-an 202005: lỗi \"r\" (message): 12 <= 10 không thỏa" for a violation, "... :
/// không kiểm tra được: <missing>" for a rule not evaluated, "...: 3 <= 10" when it holds.
std::string describe_rule_result(const RuleResult& result);

}  // namespace danvan
