// Excel forms of a progress plan (biểu mẫu báo cáo): the .xlsx form a unit fills for a period,
// reading filled forms back into a report batch, and progress tables as a workbook (library
// danvan::formats, on danvan/spreadsheet.hpp).
//
// The form (one sheet "Báo cáo", protected without a password so that only the input cells can
// be typed into):
//   B2 the plan id, B3 the unit id (C3 its name), B4 the period id (C4 its dates), B5 the day
//   the report is submitted (an input, dd/mm/yyyy);
//   row 7 the headers: Mã chỉ tiêu | Chỉ tiêu | Loại | Giá trị | Tử số | Mẫu số | Tỷ lệ (%) |
//   Chỉ tiêu kế hoạch;
//   from row 8 one row per indicator in the plan's order: a count or yes/no in D (yes/no as
//   a drop-down "Có"/"Không"), a percentage as numerator in E and denominator in F (G shows
//   E/F with a formula), qualitative text in D; the unit's target for the period (or year)
//   in H when the plan sets one;
//   after them, a row "Nhận xét, kiến nghị" whose D cell is the narrative.
// Numbers are typed and checked by Excel's data validation (non-negative; whole for counts);
// the importer checks everything again, as a protected sheet can be unprotected.
#pragma once

#include "danvan/date.hpp"
#include "danvan/period.hpp"
#include "danvan/progress.hpp"
#include "danvan/report.hpp"
#include "danvan/spreadsheet.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// The name of the form's sheet: "Báo cáo".
inline constexpr std::string_view progress_form_sheet = "Báo cáo";

/// The form unit `unit_id` fills for `period` (see the top of this header). Throws ValueError
/// when the unit is not one the plan expects a report from for the period, or the period is
/// not one of the plan's reporting periods.
OutSheet progress_form(const ProgressPlan& plan, std::string_view unit_id, const Period& period);

/// One filled form to import: the name messages use (the file name) and its bytes.
struct FilledForm {
  std::string name;   ///< e.g. the file name
  std::string bytes;  ///< the .xlsx file
};

/// What every imported form must match; empty members are not checked.
struct FormImportOptions {
  std::optional<Period> period;        ///< forms for another period are refused
  std::optional<std::string> unit_id;  ///< forms of another unit are refused
  /// The submission day of a form whose B5 is empty (otherwise an empty B5 is an error).
  std::optional<Date> submitted;
};

/// Forms that could not be imported: every problem found, each "<file>: <sheet>!<cell>:
/// <reason>" (or "<file>: <reason>"); what() lists them one per line after "N problem(s) in
/// the forms; nothing was imported:".
class FormImportError : public ValueError {
 public:
  /// The error listing `problems` (at least one), in form order: problems() has each as
  /// (where, reason), where the form's name ("f.xlsx") or its name and cell ("f.xlsx: Báo
  /// cáo!D9"), "" when the reason names the form itself.
  explicit FormImportError(const std::vector<JsonProblem>& problems);
  /// Every problem as a line, "where: reason" ("f.xlsx: Báo cáo!D9: expected a number, got
  /// \"mười\""), in form order.
  [[nodiscard]] std::vector<std::string> lines() const;
};

/// Reads filled forms into a report batch for `plan` (reports in the order of the forms), all
/// or nothing: any problem in any form throws FormImportError listing every problem, e.g.
/// "f.xlsx: Báo cáo!D9: expected a number, got \"mười\"". Refused: a file that is no .xlsx
/// (DocumentError's message), no sheet "Báo cáo", a form of another plan, a unit the plan does
/// not expect for the period, a period that is not one of the plan's or not options.period,
/// another unit than options.unit_id, two forms of the same unit and period, an unknown
/// indicator id, text or a formula in a number cell, a merged cell in the input area, a
/// negative number, a numerator above its denominator or without one,
/// a yes/no that is not "Có"/"Không", an empty or malformed submission day.
ReportBatch import_progress_forms(const ProgressPlan& plan, const std::vector<FilledForm>& forms,
                                  const FormImportOptions& options = {});

/// The progress summary as sheets: "Nộp báo cáo" (completeness per unit), "Chỉ tiêu" (each
/// indicator per unit: value, target, progress in percent) and "Hoạt động" (activities);
/// Vietnamese headers, typed numbers, percentages as Excel percentages, missing values as
/// empty cells (never 0).
std::vector<OutSheet> progress_sheets(const ProgressPlan& plan, const ProgressSummary& summary);

}  // namespace danvan
