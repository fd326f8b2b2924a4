// Excel forms of a progress plan: the form a unit fills, reading filled forms back, progress
// tables as sheets (danvan/progress_forms.hpp).
#include "danvan/progress_forms.hpp"

#include "danvan/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace danvan {

namespace {

// The layout (rows and columns from 0).
constexpr std::uint32_t kPlanRow = 1;
constexpr std::uint32_t kUnitRow = 2;
constexpr std::uint32_t kPeriodRow = 3;
constexpr std::uint32_t kSubmittedRow = 4;
constexpr std::uint32_t kHeaderRow = 6;
constexpr std::uint32_t kFirstIndicatorRow = 7;
constexpr std::uint32_t kIdColumn = 0;
constexpr std::uint32_t kValueColumn = 3;
constexpr std::uint32_t kNumeratorColumn = 4;
constexpr std::uint32_t kDenominatorColumn = 5;
constexpr std::uint32_t kInputColumns = 7;  // A..G: merged cells there are refused
const std::string kNarrativeLabel = "Nhận xét, kiến nghị";
const std::string kYes = "Có";
const std::string kNo = "Không";

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

std::string day_text(Date d) {
  return two(d.day()) + "/" + two(d.month()) + "/" + std::to_string(static_cast<int>(d.year()));
}

std::string_view measure_label(Measure m) {
  switch (m) {
    case Measure::count:
      return "Số lượng";
    case Measure::percentage:
      return "Tỷ lệ (%)";
    case Measure::yes_no:
      return "Có/Không";
    case Measure::qualitative:
      return "Nội dung";
  }
  return "";
}

CellFormat label_format() {
  CellFormat f;
  f.bold = true;
  return f;
}

CellFormat header_format() {
  CellFormat f;
  f.bold = f.wrap = f.border = f.shaded = true;
  return f;
}

CellFormat cell_format(std::string number_format = {}, bool input = false) {
  CellFormat f;
  f.wrap = number_format.empty();
  f.number_format = std::move(number_format);
  f.border = true;
  f.unlocked = f.shaded = input;
  return f;
}

OutCell text(std::string s, CellFormat f = {}) { return {CellValue(std::move(s)), std::move(f)}; }

OutCell number_input(bool whole) {
  OutCell c(std::monostate{}, cell_format(whole ? "#,##0" : "#,##0.##", true));
  c.validation = CellValidation{whole ? CellValidation::Kind::whole : CellValidation::Kind::decimal,
                                {},
                                0,
                                1e12,
                                whole ? "Nhập một số nguyên không âm" : "Nhập một số không âm"};
  return c;
}

/// The plan's target for the unit and period, else for the year holding the period.
std::optional<double> target_for(const Indicator& indicator, std::string_view unit_id,
                                 const Period& period) {
  if (auto t = indicator.target(unit_id, period)) return t;
  return indicator.target(unit_id, Period(PeriodType::year, period.year()));
}

void check_form_request(const ProgressPlan& plan, std::string_view unit_id, const Period& period) {
  const auto periods = plan.schedule.periods();
  if (std::find(periods.begin(), periods.end(), period) == periods.end()) {
    throw ValueError("the period " + period.id() + " is not one of the plan's reporting periods (" +
                     plan.schedule.first.id() + " to " + plan.schedule.last.id() + ", " +
                     std::string(to_string(plan.schedule.period_type)) + ")");
  }
  const bool in_scope = std::find(plan.scope_unit_ids.begin(), plan.scope_unit_ids.end(),
                                  unit_id) != plan.scope_unit_ids.end();
  if (!in_scope || !expects_report(plan.units, unit_id, period)) {
    throw ValueError("unit \"" + std::string(unit_id) + "\" is not expected to report for " +
                     period.id() +
                     " (not in the plan's scope, or not existing at the period's end)");
  }
}

}  // namespace

OutSheet progress_form(const ProgressPlan& plan, std::string_view unit_id, const Period& period) {
  check_form_request(plan, unit_id, period);
  const Unit* unit = plan.units.find(unit_id);
  OutSheet s;
  s.name = std::string(progress_form_sheet);
  s.protect = true;
  s.column_widths = {22, 48, 12, 14, 12, 12, 12, 16};
  s.frozen_rows = kFirstIndicatorRow;
  s.rows.resize(kFirstIndicatorRow);
  s.rows[0] = {text("BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH", label_format())};
  s.rows[kPlanRow] = {text("Mã kế hoạch", label_format()), text(plan.plan_id)};
  s.rows[kUnitRow] = {text("Mã đơn vị", label_format()), text(std::string(unit_id)),
                      text(unit != nullptr ? unit->name : std::string())};
  s.rows[kPeriodRow] = {text("Kỳ báo cáo", label_format()), text(period.id()),
                        text("từ " + day_text(period.start()) + " đến " + day_text(period.end()))};
  OutCell submitted(std::monostate{}, cell_format("dd/mm/yyyy", true));
  s.rows[kSubmittedRow] = {text("Ngày nộp", label_format()), submitted, text("(ngày/tháng/năm)")};
  for (const char* h : {"Mã chỉ tiêu", "Chỉ tiêu", "Loại", "Giá trị", "Tử số", "Mẫu số",
                        "Tỷ lệ (%)", "Chỉ tiêu kế hoạch"}) {
    s.rows[kHeaderRow].push_back(text(h, header_format()));
  }
  for (const auto& ind : plan.indicators) {
    const auto r = static_cast<std::uint32_t>(s.rows.size());
    std::vector<OutCell> row = {text(ind.id, cell_format()), text(ind.name, cell_format()),
                                text(std::string(measure_label(ind.measure)), cell_format())};
    const OutCell locked(std::monostate{}, cell_format());
    switch (ind.measure) {
      case Measure::count:
        row.push_back(number_input(false));
        row.push_back(locked);
        row.push_back(locked);
        row.push_back(locked);
        break;
      case Measure::percentage: {
        row.push_back(locked);
        row.push_back(number_input(false));
        row.push_back(number_input(false));
        const std::string e = cell_address(r, kNumeratorColumn);
        const std::string f = cell_address(r, kDenominatorColumn);
        OutCell share(std::monostate{}, cell_format("0.0%"));
        share.formula = "=IF(AND(ISNUMBER(" + e + "),ISNUMBER(" + f + ")," + f + ">0)," + e + "/" +
                        f + ",\"\")";
        row.push_back(share);
        break;
      }
      case Measure::yes_no: {
        OutCell c(std::monostate{}, cell_format({}, true));
        c.validation = CellValidation{
            CellValidation::Kind::list, {kYes, kNo}, 0, 0, "Chọn \"Có\" hoặc \"Không\""};
        row.push_back(c);
        row.push_back(locked);
        row.push_back(locked);
        row.push_back(locked);
        break;
      }
      case Measure::qualitative:
        row.push_back(OutCell(std::monostate{}, cell_format({}, true)));
        row.push_back(locked);
        row.push_back(locked);
        row.push_back(locked);
        break;
    }
    if (const auto t = target_for(ind, unit_id, period)) {
      row.push_back(ind.measure == Measure::percentage ? OutCell(*t / 100.0, cell_format("0.0%"))
                                                       : OutCell(*t, cell_format("#,##0.##")));
    } else {
      row.push_back(locked);
    }
    s.rows.push_back(std::move(row));
  }
  s.rows.push_back({text("", cell_format()), text(kNarrativeLabel, label_format()),
                    text("", cell_format()), OutCell(std::monostate{}, cell_format({}, true))});
  return s;
}

namespace {

/// A problem as one line: "where: reason", or the reason when it has no place.
std::string line_of(const JsonProblem& p) {
  return p.pointer.empty() ? p.reason : p.pointer + ": " + p.reason;
}

std::string form_import_message(const std::vector<JsonProblem>& problems) {
  std::string m = std::to_string(problems.size()) +
                  (problems.size() == 1 ? " problem" : " problems") +
                  " in the forms; nothing was imported:";
  for (const auto& p : problems) m += "\n  " + line_of(p);
  return m;
}

}  // namespace

FormImportError::FormImportError(const std::vector<JsonProblem>& problems)
    : ValueError(form_import_message(problems), problems) {}

std::vector<std::string> FormImportError::lines() const {
  std::vector<std::string> out;
  for (const auto& p : problems()) out.push_back(line_of(p));
  return out;
}

namespace {

/// Reads one form; problems go to `problems` prefixed with the form's name.
class FormReader {
 public:
  FormReader(const ProgressPlan& plan, const FormImportOptions& options,
             std::vector<JsonProblem>& problems)
      : plan_(plan), options_(options), problems_(problems) {}

  std::optional<Report> read(const FilledForm& form) {
    name_ = form.name;
    Workbook book;
    try {
      book = read_xlsx(form.bytes, form.name);
    } catch (const DocumentError& e) {
      problems_.push_back({"", e.what()});  // the message names the form
      return std::nullopt;
    }
    const Sheet* sheet = book.find(progress_form_sheet);
    if (sheet == nullptr) {
      problem("no sheet \"" + std::string(progress_form_sheet) + "\" (is this a danvan form?)");
      return std::nullopt;
    }
    sheet_ = sheet;
    const std::size_t before = problems_.size();
    Report report;
    const auto plan_id = text(kPlanRow, 1);
    if (plan_id && *plan_id != plan_.plan_id) {
      at(kPlanRow, 1, "the form is for plan \"" + *plan_id + "\", not \"" + plan_.plan_id + "\"");
      return std::nullopt;
    }
    if (!plan_id) at(kPlanRow, 1, "the plan id is empty");
    const auto unit = text(kUnitRow, 1);
    const auto period_id = text(kPeriodRow, 1);
    if (!unit) at(kUnitRow, 1, "the unit id is empty");
    if (!period_id) at(kPeriodRow, 1, "the period is empty");
    if (!unit || !period_id) return std::nullopt;
    std::optional<Period> period;
    try {
      period = Period::parse(*period_id);
    } catch (const ValueError& e) {
      at(kPeriodRow, 1, e.what());
      return std::nullopt;
    }
    if (options_.period && *period != *options_.period) {
      at(kPeriodRow, 1,
         "the form is for period " + period->id() + ", not " + options_.period->id());
    }
    if (options_.unit_id && *unit != *options_.unit_id) {
      at(kUnitRow, 1, "the form is for unit \"" + *unit + "\", not \"" + *options_.unit_id + "\"");
    }
    if (plan_.units.find(*unit) == nullptr) {
      at(kUnitRow, 1, "unknown unit \"" + *unit + "\"");
    } else {
      try {
        check_form_request(plan_, *unit, *period);
      } catch (const ValueError& e) {
        at(kUnitRow, 1, e.what());
      }
    }
    report.unit_id = *unit;
    report.period = *period;
    read_submitted(report);
    read_values(report);
    if (problems_.size() != before) return std::nullopt;
    return report;
  }

 private:
  /// A problem of the form: where is its name ("f.xlsx"), or its name and the cell
  /// ("f.xlsx: Báo cáo!D9").
  void problem(const std::string& reason) { problems_.push_back({name_, reason}); }
  void at(std::uint32_t row, std::uint32_t column, const std::string& reason) {
    problems_.push_back({name_ + ": " + sheet_->name + "!" + cell_address(row, column), reason});
  }
  void at(const SheetCellError& e) {
    problems_.push_back({name_ + ": " + e.sheet() + "!" + e.cell(), e.reason()});
  }

  std::optional<std::string> text(std::uint32_t row, std::uint32_t column) {
    try {
      return text_at(*sheet_, row, column);
    } catch (const SheetCellError& e) {
      at(e);
      return std::nullopt;
    }
  }

  /// A non-negative number (whole when `whole`), nullopt when empty or refused.
  std::optional<double> number(std::uint32_t row, std::uint32_t column, bool whole) {
    std::optional<double> v;
    try {
      v = number_at(*sheet_, row, column);
    } catch (const SheetCellError& e) {
      at(e);
      return std::nullopt;
    }
    if (v && *v < 0) {
      at(row, column, "a negative number (" + describe(*v) + ")");
      return std::nullopt;
    }
    if (v && whole && *v != std::floor(*v)) {
      at(row, column, "a count must be a whole number, got " + describe(*v));
      return std::nullopt;
    }
    return v;
  }

  void read_submitted(Report& report) {
    std::optional<Date> day;
    if (const CellRange* m = sheet_->merged_at(kSubmittedRow, 1)) {
      at(kSubmittedRow, 1, "merged with " + m->address() + "; unmerge the cells");
      return;
    }
    const SheetCell* cell = sheet_->find(kSubmittedRow, 1);
    if (cell != nullptr && !cell->formula.empty()) {
      at(kSubmittedRow, 1,
         "a formula (=" + cell->formula + ") where a value is expected; type the value itself");
      return;
    }
    if (cell == nullptr ||
        (std::holds_alternative<std::string>(cell->value) &&
         std::get<std::string>(cell->value).find_first_not_of(" ") == std::string::npos)) {
      day = options_.submitted;
      if (!day) at(kSubmittedRow, 1, "the day the report is submitted (Ngày nộp) is empty");
    } else if (const auto* d = std::get_if<SheetDate>(&cell->value)) {
      try {
        day = Date(static_cast<unsigned short>(d->year), static_cast<unsigned short>(d->month),
                   static_cast<unsigned short>(d->day));
      } catch (const std::exception&) {
        at(kSubmittedRow, 1, "expected a day, got " + describe(cell->value));
      }
    } else if (const auto* s = std::get_if<std::string>(&cell->value)) {
      try {
        day = parse_date(*s);
      } catch (const ValueError&) {
        at(kSubmittedRow, 1, "expected a day (dd/mm/yyyy), got " + describe(cell->value));
      }
    } else {
      at(kSubmittedRow, 1, "expected a day (dd/mm/yyyy), got " + describe(cell->value));
    }
    if (day) report.submitted = *day;
  }

  void read_values(Report& report) {
    std::set<std::string> seen;
    const std::uint32_t rows = sheet_->row_count();
    for (std::uint32_t r = kFirstIndicatorRow; r < rows; ++r) {
      // A merged range in the input columns is reported once (at its first cell), and the rows
      // it covers are not read.
      bool merged = false;
      for (const auto& m : sheet_->merged) {
        if (m.first_row > r || m.last_row < r || m.first_column >= kInputColumns) continue;
        merged = true;
        if (m.first_row == r) {
          at(r, m.first_column, "merged with " + m.address() + "; unmerge the cells");
        }
      }
      if (merged) continue;
      const SheetCell* label = sheet_->find(r, 1);
      const bool narrative_row = label != nullptr && sheet_->find(r, kIdColumn) == nullptr &&
                                 std::holds_alternative<std::string>(label->value) &&
                                 std::get<std::string>(label->value) == kNarrativeLabel;
      if (narrative_row) {
        if (const auto t = text(r, kValueColumn)) report.narrative = *t;
        continue;
      }
      const auto id = text(r, kIdColumn);
      if (!id) continue;
      const Indicator* ind = plan_.find_indicator(*id);
      if (ind == nullptr) {
        at(r, kIdColumn, "unknown indicator \"" + *id + "\"");
        continue;
      }
      if (!seen.insert(*id).second) {
        at(r, kIdColumn, "indicator \"" + *id + "\" is given twice");
        continue;
      }
      if (auto v = value(r, *ind)) report.values.push_back({*id, std::move(*v)});
    }
  }

  std::optional<decltype(IndicatorValue::value)> value(std::uint32_t r, const Indicator& ind) {
    switch (ind.measure) {
      case Measure::count:
        if (const auto v = number(r, kValueColumn, false)) return *v;
        return std::nullopt;
      case Measure::percentage: {
        const std::size_t before = problems_.size();
        const auto n = number(r, kNumeratorColumn, false);
        const auto d = number(r, kDenominatorColumn, false);
        if (problems_.size() != before) return std::nullopt;
        if (n && !d) {
          at(r, kDenominatorColumn,
             "the denominator (Mẫu số) is empty but the numerator is " + describe(*n));
        } else if (d && !n) {
          at(r, kNumeratorColumn,
             "the numerator (Tử số) is empty but the denominator is " + describe(*d));
        } else if (n && d && *n > *d) {
          at(r, kNumeratorColumn,
             "the numerator " + describe(*n) + " is above the denominator " + describe(*d));
        } else if (n && d) {
          return Fraction{*n, *d};
        }
        return std::nullopt;
      }
      case Measure::yes_no: {
        const auto t = text(r, kValueColumn);
        if (!t) return std::nullopt;
        if (fold(*t) == fold(kYes)) return true;
        if (fold(*t) == fold(kNo)) return false;
        at(r, kValueColumn, "expected \"Có\" or \"Không\", got \"" + *t + "\"");
        return std::nullopt;
      }
      case Measure::qualitative:
        if (auto t = text(r, kValueColumn)) return *t;
        return std::nullopt;
    }
    return std::nullopt;
  }

  const ProgressPlan& plan_;
  const FormImportOptions& options_;
  std::vector<JsonProblem>& problems_;
  std::string name_;
  const Sheet* sheet_ = nullptr;
};

}  // namespace

ReportBatch import_progress_forms(const ProgressPlan& plan, const std::vector<FilledForm>& forms,
                                  const FormImportOptions& options) {
  ReportBatch batch;
  batch.plan_id = plan.plan_id;
  std::vector<JsonProblem> problems;
  std::map<std::pair<std::string, std::string>, std::string> seen;  // (unit, period) -> form
  FormReader reader(plan, options, problems);
  for (const auto& form : forms) {
    auto report = reader.read(form);
    if (!report) continue;
    const auto key = std::pair{report->unit_id, report->period.id()};
    if (const auto [it, fresh] = seen.emplace(key, form.name); !fresh) {
      problems.push_back({form.name, "a second report of unit \"" + key.first + "\" for " +
                                         key.second + " (the first is " + it->second + ")"});
      continue;
    }
    batch.reports.push_back(std::move(*report));
  }
  if (problems.empty()) {
    try {
      batch.validate(plan);
    } catch (const ValueError& e) {
      problems.push_back({"", std::string("the reports read do not fit the plan: ") + e.what()});
    }
  }
  if (!problems.empty()) throw FormImportError(problems);
  return batch;
}

}  // namespace danvan

namespace danvan {

namespace {

OutCell count_cell(std::size_t n) { return {static_cast<double>(n), cell_format("#,##0")}; }

OutCell optional_number(std::optional<double> v, const char* format) {
  return v ? OutCell(*v, cell_format(format)) : OutCell(std::monostate{}, cell_format());
}

OutSheet table(std::string name, const std::vector<const char*>& headers,
               std::vector<double> widths) {
  OutSheet s;
  s.name = std::move(name);
  s.frozen_rows = 1;
  s.column_widths = std::move(widths);
  s.rows.emplace_back();
  for (const char* h : headers) s.rows[0].push_back(text(h, header_format()));
  return s;
}

std::string indented(const RollupNode& n) {
  return std::string(static_cast<std::size_t>(std::max(n.depth, 0)) * 2, ' ') + n.name;
}

}  // namespace

std::vector<OutSheet> progress_sheets(const ProgressPlan& plan, const ProgressSummary& summary) {
  const std::string period = summary.period.id();
  OutSheet done = table("Nộp báo cáo",
                        {"Kỳ", "Mã đơn vị", "Đơn vị", "Phải nộp", "Đúng hạn", "Trễ hạn",
                         "Chưa nộp (quá hạn)", "Chưa đến hạn", "Đã nộp", "Tỷ lệ đã nộp"},
                        {8, 22, 36, 10, 10, 10, 12, 12, 10, 12});
  for (const auto& n : summary.nodes) {
    const auto& c = n.completeness;
    std::optional<double> share;
    if (c.expected > 0) {
      share = static_cast<double>(c.submitted()) / static_cast<double>(c.expected);
    }
    done.rows.push_back({text(period, cell_format()), text(n.unit_id, cell_format()),
                         text(indented(n), cell_format()), count_cell(c.expected),
                         count_cell(c.on_time), count_cell(c.late), count_cell(c.missing),
                         count_cell(c.not_due), count_cell(c.submitted()),
                         optional_number(share, "0.0%")});
  }
  OutSheet values = table(
      "Chỉ tiêu",
      {"Kỳ", "Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Loại", "Giá trị",
       "Chỉ tiêu kế hoạch", "Tiến độ so với kế hoạch", "Báo cáo có số liệu", "Báo cáo phải có"},
      {8, 22, 36, 20, 48, 10, 12, 14, 14, 12, 12});
  for (const auto& roll : summary.indicators) {
    const Indicator& ind = *roll.indicator;
    if (ind.measure == Measure::qualitative) continue;
    const bool percent = ind.measure == Measure::percentage;
    for (std::size_t k = 0; k < summary.nodes.size(); ++k) {
      const auto& v = roll.values[k];
      std::optional<double> value = v.value;
      std::optional<double> target = roll.targets[k];
      std::optional<double> ratio;
      if (value && target) ratio = progress_ratio(ind.direction, ind.baseline, *target, *value);
      if (percent) {
        if (value) *value /= 100.0;
        if (target) *target /= 100.0;
      }
      const char* format = percent ? "0.0%" : "#,##0.##";
      values.rows.push_back({text(period, cell_format()),
                             text(summary.nodes[k].unit_id, cell_format()),
                             text(indented(summary.nodes[k]), cell_format()),
                             text(ind.id, cell_format()), text(ind.name, cell_format()),
                             text(std::string(measure_label(ind.measure)), cell_format()),
                             optional_number(value, format), optional_number(target, format),
                             optional_number(ratio, "0.0%"), count_cell(v.reports_with_value),
                             count_cell(v.reports_expected)});
    }
  }
  OutSheet acts = table("Hoạt động",
                        {"Mã hoạt động", "Hoạt động", "Nhiệm vụ", "Đơn vị chủ trì", "Hạn",
                         "Trạng thái", "Ngày hoàn thành"},
                        {20, 60, 10, 30, 12, 18, 14});
  for (const auto& a : summary.activities) {
    const Activity& act = *a.activity;
    std::string lead;
    for (const auto& id : act.responsible_unit_ids) {
      const Unit* u = plan.units.find(id);
      lead += (lead.empty() ? "" : "; ") + (u != nullptr ? u->name : id);
    }
    const auto day = [](Date d) {
      return OutCell(SheetDate{static_cast<int>(d.year()), static_cast<int>(d.month()),
                               static_cast<int>(d.day())},
                     cell_format("dd/mm/yyyy"));
    };
    acts.rows.push_back(
        {text(act.id, cell_format()), text(act.name, cell_format()),
         OutCell(static_cast<double>(act.task_area), cell_format("0")), text(lead, cell_format()),
         day(act.due), text(std::string(vietnamese_name(a.status)), cell_format()),
         a.completed ? day(*a.completed) : OutCell(std::monostate{}, cell_format())});
  }
  return {std::move(done), std::move(values), std::move(acts)};
}

}  // namespace danvan
