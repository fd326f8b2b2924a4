#include "danvan/progress_render.hpp"

#include "base/enum_names.hpp"
#include "danvan/error.hpp"
#include "render/rules_section.hpp"
#include "render/workflow_section.hpp"
#include "text/text_detail.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace danvan {

ProgressFormat parse_progress_format(std::string_view text) {
  if (text == "text") return ProgressFormat::text;
  if (text == "markdown") return ProgressFormat::markdown;
  if (text == "html") return ProgressFormat::html;
  if (text == "csv") return ProgressFormat::csv;
  throw ValueError(
      detail::unknown_name_message("format", text, {"text", "markdown", "html", "csv"}));
}

namespace {

const char* const dash = "—";

/// A number with at most `decimals` decimals and a decimal comma (Vietnamese style).
std::string vn_number(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  std::replace(s.begin(), s.end(), '.', ',');
  // Thousands separator '.' for the integer part.
  const auto comma = s.find(',');
  std::size_t int_end = comma == std::string::npos ? s.size() : comma;
  const std::size_t int_begin = s[0] == '-' ? 1 : 0;
  while (int_end > int_begin + 3) {
    int_end -= 3;
    s.insert(int_end, ".");
  }
  return s;
}

/// Plain number for CSV: dot decimal, up to 4 decimals, no grouping.
std::string csv_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::string vn_date(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", static_cast<int>(d.day()),
                static_cast<int>(d.month()), static_cast<int>(d.year()));
  return buf;
}

std::string period_label(const Period& p) {
  static const char* const roman[] = {"I", "II", "III", "IV"};
  const std::string y = std::to_string(p.year());
  switch (p.type()) {
    case PeriodType::year:
      return "năm " + y;
    case PeriodType::six_month:
      return (p.index() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + y;
    case PeriodType::quarter:
      return std::string("quý ") + roman[p.index() - 1] + "/" + y;
    case PeriodType::month:
      return "tháng " + std::to_string(p.index()) + "/" + y;
  }
  return p.id();
}

/// How often units report, in Vietnamese: "báo cáo hằng tháng", ...
std::string_view schedule_label(PeriodType type) {
  switch (type) {
    case PeriodType::year:
      return "báo cáo hằng năm";
    case PeriodType::six_month:
      return "báo cáo 6 tháng";
    case PeriodType::quarter:
      return "báo cáo hằng quý";
    case PeriodType::month:
      return "báo cáo hằng tháng";
  }
  return "";
}

std::string value_text(const Indicator& ind, const AggregateValue& v) {
  if (!v.value) return dash;
  switch (ind.measure) {
    case Measure::percentage:
      return vn_number(*v.value) + "% (" + vn_number(v.numerator, 2) + "/" +
             vn_number(v.denominator, 2) + ")";
    case Measure::yes_no:
      if (ind.over_units == UnitAggregation::sum || ind.over_time == TimeAggregation::sum) {
        return vn_number(*v.value, 2) + " có";
      }
      return vn_number(*v.value, 2);
    default:
      return vn_number(*v.value, 2);
  }
}

std::string target_text(const Indicator& ind, std::optional<double> t) {
  if (!t) return dash;
  std::string s = (ind.direction == Direction::descending ? "≤ " : "") + vn_number(*t, 2);
  if (ind.measure == Measure::percentage) s += "%";
  return s;
}

std::optional<double> ratio_of(const Indicator& ind, const AggregateValue& v,
                               std::optional<double> target) {
  if (!v.value || !target) return std::nullopt;
  return progress_ratio(ind.direction, ind.baseline, *target, *v.value);
}

std::string ratio_text(std::optional<double> r) {
  if (!r) return dash;
  return vn_number(100.0 * *r) + "%";
}

std::string share(std::size_t part, std::size_t whole) {
  if (whole == 0) return dash;
  return vn_number(100.0 * static_cast<double>(part) / static_cast<double>(whole)) + "%";
}

std::string direction_text(const Indicator& ind) {
  return ind.direction == Direction::ascending ? "càng cao càng tốt" : "càng thấp càng tốt";
}

std::string aggregation_text(const Indicator& ind) {
  if (ind.measure == Measure::qualitative) return "định tính, không cộng dồn";
  if (ind.measure == Measure::percentage) {
    return std::string("tỷ lệ tính từ tổng tử số / tổng mẫu số") +
           (ind.over_time == TimeAggregation::last ? " (kỳ gần nhất)" : "");
  }
  std::string s = "theo thời gian: ";
  s += ind.over_time == TimeAggregation::sum       ? "cộng"
       : ind.over_time == TimeAggregation::average ? "trung bình"
                                                   : "kỳ gần nhất";
  s += "; theo đơn vị: ";
  s += ind.over_units == UnitAggregation::sum ? "cộng" : "trung bình";
  return s;
}

std::vector<const ActivityRow*> activities_in_order(const ProgressSummary& s) {
  std::vector<const ActivityRow*> rows;
  for (const auto& a : s.activities) rows.push_back(&a);
  const auto rank = [](ActivityStatus st) {
    switch (st) {
      case ActivityStatus::overdue:
        return 0;
      case ActivityStatus::in_progress:
        return 1;
      case ActivityStatus::not_started:
        return 2;
      case ActivityStatus::done:
        return 3;
    }
    return 4;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const ActivityRow* a, const ActivityRow* b) {
    return rank(a->status) < rank(b->status);
  });
  return rows;
}

std::string status_text(const ActivityRow& a) {
  std::string s(vietnamese_name(a.status));
  if (a.status == ActivityStatus::done && a.completed) {
    s += " ngày " + vn_date(*a.completed);
    if (a.completed_late) s += " (sau hạn)";
  }
  return s;
}

std::string unit_name(const ProgressPlan& plan, const std::string& id) {
  const Unit* u = plan.units.find(id);
  return u == nullptr ? id : u->name;
}

std::string title_of(const ProgressSummary& s) {
  return "Báo cáo tiến độ thực hiện kế hoạch " + s.plan_id;
}

const char* const sample_banner =
    "DỮ LIỆU MẪU: số liệu minh họa, không phải báo cáo thật (sample data).";

// ---------------------------------------------------------------------------------------------
// Exemplar statistics (shared by every format)

const std::array<const char*, 5> exemplar_count_names{"Đăng ký", "Công nhận", "Còn hiệu quả",
                                                      "Biểu dương, khen thưởng", "Nhân rộng"};
const std::array<const char*, 5> exemplar_count_ids{"registered", "recognised", "effective",
                                                    "commended", "replicated"};

std::array<long long, 5> exemplar_counts(const StatsCounts& c) {
  return {c.registered, c.recognised, c.effective, c.commended, c.replicated};
}

std::string exemplar_title(const StatsTable& t) {
  return "Mô hình, điển hình \"Dân vận khéo\" năm " + std::to_string(t.year);
}

std::string exemplar_scope(const ProgressPlan& plan, const StatsTable& t) {
  std::string s = "Theo sổ theo dõi điển hình, mô hình; tính đến ngày " + vn_date(t.as_of) +
                  "; đơn vị: " +
                  (t.unit_id ? unit_name(plan, *t.unit_id) + " và các đơn vị trực thuộc"
                             : std::string("toàn bộ sổ")) +
                  ". Trong ngoặc: thay đổi so với năm " + std::to_string(t.year - 1) +
                  ". Một mô hình thuộc nhiều lĩnh vực được tính ở từng lĩnh vực, một lần ở dòng "
                  "tổng cộng.";
  return s;
}

std::string exemplar_dimension_header(const StatsTable& t) {
  std::string s;
  for (const auto d : t.by) {
    if (!s.empty()) s += " · ";
    switch (d) {
      case StatsDimension::field:
        s += "Lĩnh vực";
        break;
      case StatsDimension::level:
        s += "Cấp công nhận";
        break;
      case StatsDimension::subject:
        s += "Đối tượng";
        break;
      case StatsDimension::kind:
        s += "Loại";
        break;
    }
  }
  return s;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string s;
  for (const auto& p : parts) {
    if (!s.empty()) s += separator;
    s += p;
  }
  return s;
}

/// The rows shown: (label, counts of the year, counts of the previous year, key), total last.
struct ExemplarLine {
  std::string label;
  const StatsCounts* current;
  const StatsCounts* previous;
  std::string key;
};

std::vector<ExemplarLine> exemplar_lines(const StatsTable& t) {
  std::vector<ExemplarLine> lines;
  for (const auto& r : t.rows) {
    lines.push_back({joined(r.labels, " · "), &r.current, &r.previous, joined(r.keys, "/")});
  }
  lines.push_back({"Tổng cộng", &t.total, &t.previous_total, "total"});
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Text and Markdown

// The text and Markdown writer: headings, table rows (Markdown pipes or " | "), a tree's
// indented unit names.
struct TextOut {
  std::ostringstream o;
  bool md = false;

  void heading(const std::string& t, int level) {
    if (md) {
      o << std::string(static_cast<std::size_t>(level), '#') << ' ' << t << "\n\n";
    } else {
      o << t << "\n" << std::string(level == 1 ? 60 : 40, level == 1 ? '=' : '-') << "\n";
    }
  }
  void row(const std::vector<std::string>& cells) {
    if (md) {
      o << "|";
      for (const auto& c : cells) o << ' ' << c << " |";
      o << "\n";
    } else {
      for (std::size_t i = 0; i < cells.size(); ++i) o << (i == 0 ? "" : " | ") << cells[i];
      o << "\n";
    }
  }
  void rule(std::size_t n) {
    if (!md) return;
    o << "|";
    for (std::size_t i = 0; i < n; ++i) o << (i == 0 ? " --- |" : " ---: |");
    o << "\n";
  }
  [[nodiscard]] std::string indent(const RollupNode& n) const {
    std::string pad;
    for (int i = 0; i < n.depth; ++i) pad += md ? "— " : "  ";
    return pad + n.name;
  }
};

void text_header(TextOut& out, const ProgressPlan& plan, const ProgressSummary& s) {
  auto& o = out.o;
  const bool md = out.md;
  out.heading(title_of(s), 1);
  if (s.sample) o << (md ? "> **" : "*** ") << sample_banner << (md ? "**\n\n" : " ***\n\n");
  o << (md ? "- " : "") << "Kỳ báo cáo: " << period_label(s.period) << " (" << s.period.id()
    << ")\n";
  o << (md ? "- " : "") << "Tính đến ngày: " << vn_date(s.as_of) << "\n";
  o << (md ? "- " : "") << "Đơn vị: " << s.nodes.front().name << "\n";
  o << (md ? "- " : "") << "Hạn nộp: " << plan.schedule.days_after_period_end
    << " ngày sau khi kết thúc kỳ (" << schedule_label(plan.schedule.period_type) << ")\n\n";
}

void text_completeness(TextOut& out, const ProgressPlan& plan, const ProgressSummary& s) {
  auto& o = out.o;
  const bool md = out.md;
  out.heading("1. Tình hình nộp báo cáo", 2);
  out.row({"Đơn vị", "Phải nộp", "Đúng hạn", "Trễ hạn", "Chưa nộp (quá hạn)", "Chưa đến hạn",
           "Tỷ lệ đã nộp"});
  out.rule(7);
  for (const auto& n : s.nodes) {
    const auto& c = n.completeness;
    out.row({out.indent(n), std::to_string(c.expected), std::to_string(c.on_time),
             std::to_string(c.late), std::to_string(c.missing), std::to_string(c.not_due),
             share(c.submitted(), c.expected)});
  }
  o << "\n";
  std::vector<const ExpectedReport*> missing;
  for (const auto& e : s.expected) {
    if (e.state == ReportState::missing) missing.push_back(&e);
  }
  if (!missing.empty()) {
    o << (md ? "**Báo cáo chưa nộp (quá hạn):**\n\n" : "Báo cáo chưa nộp (quá hạn):\n");
    for (const auto* e : missing) {
      o << (md ? "- " : "  - ") << unit_name(plan, e->unit_id) << ": " << period_label(e->period)
        << ", hạn " << vn_date(e->deadline) << "\n";
    }
    o << "\n";
  }
  o << detail::workflow_section_text(plan, s, md);
  o << detail::rules_section_text(s, md);
}

void text_indicators(TextOut& out, const ProgressPlan& plan, const ProgressSummary& s) {
  auto& o = out.o;
  const bool md = out.md;
  out.heading("2. Chỉ số so với chỉ tiêu", 2);
  if (s.workflow) o << (md ? "_" : "") << detail::workflow_basis_note(s) << (md ? "_\n\n" : "\n\n");
  for (const auto& roll : s.indicators) {
    const Indicator& ind = *roll.indicator;
    o << (md ? "### " : "") << ind.name << " (" << ind.id << ")\n";
    o << "\n";
    o << (md ? "_" : "  ") << direction_text(ind) << "; " << aggregation_text(ind);
    if (ind.baseline) {
      o << "; giá trị nền " << vn_number(*ind.baseline, 2)
        << (ind.baseline_period ? " (" + ind.baseline_period->id() + ")" : std::string());
    }
    o << (md ? "_\n\n" : "\n");
    if (ind.measure == Measure::qualitative) {
      if (roll.texts.empty()) o << (md ? "" : "  ") << "(chưa có nội dung)\n";
      for (const auto& t : roll.texts) {
        o << (md ? "- " : "  - ") << unit_name(plan, t[0]) << ", " << t[1] << ": " << t[2] << "\n";
      }
      o << "\n";
      continue;
    }
    out.row({"Đơn vị", "Giá trị", "Chỉ tiêu", "Mức đạt", "Báo cáo có số liệu"});
    out.rule(5);
    for (std::size_t k = 0; k < s.nodes.size(); ++k) {
      const auto& v = roll.values[k];
      out.row({out.indent(s.nodes[k]), value_text(ind, v), target_text(ind, roll.targets[k]),
               ratio_text(ratio_of(ind, v, roll.targets[k])),
               std::to_string(v.reports_with_value) + "/" + std::to_string(v.reports_expected)});
    }
    o << "\n";
  }
}

void text_activities(TextOut& out, const ProgressPlan& plan, const ProgressSummary& s) {
  auto& o = out.o;
  const bool md = out.md;
  out.heading("3. Hoạt động", 2);
  out.row({"Mã", "Hoạt động", "Nội dung", "Hạn", "Tình trạng"});
  out.rule(5);
  for (const auto* a : activities_in_order(s)) {
    out.row({a->activity->id, a->activity->name, std::to_string(a->activity->task_area),
             vn_date(a->activity->due), status_text(*a)});
  }
  o << "\n";
  if (!s.unexpected.empty()) {
    out.heading("4. Báo cáo ngoài danh sách phải nộp", 2);
    for (const auto& u : s.unexpected) {
      o << (md ? "- " : "  - ") << unit_name(plan, u.report->unit_id) << ", "
        << u.report->period.id() << ": " << u.reason << "\n";
    }
    o << "\n";
  }
}

void text_exemplars(TextOut& out, const ProgressPlan& plan, const ProgressSummary& s,
                    const StatsTable& t) {
  auto& o = out.o;
  const bool md = out.md;
  out.heading(std::to_string(s.unexpected.empty() ? 4 : 5) + ". " + exemplar_title(t), 2);
  o << (md ? "_" : "") << exemplar_scope(plan, t) << (md ? "_\n\n" : "\n");
  std::vector<std::string> header{exemplar_dimension_header(t)};
  for (const char* name : exemplar_count_names) header.emplace_back(name);
  out.row(header);
  out.rule(header.size());
  for (const auto& line : exemplar_lines(t)) {
    std::vector<std::string> cells{md && line.key == "total" ? "**Tổng cộng**" : line.label};
    const auto now = exemplar_counts(*line.current);
    const auto before = exemplar_counts(*line.previous);
    for (std::size_t k = 0; k < now.size(); ++k)
      cells.push_back(detail::with_change(now[k], before[k]));
    out.row(cells);
  }
  o << "\n";
  if (!t.reported.empty()) o << render_figures_text(t.reported) << "\n";
}

std::string render_text(const ProgressPlan& plan, const ProgressSummary& s, bool md,
                        const StatsTable* exemplars) {
  TextOut out;
  out.md = md;
  text_header(out, plan, s);
  text_completeness(out, plan, s);
  text_indicators(out, plan, s);
  text_activities(out, plan, s);
  if (exemplars != nullptr) text_exemplars(out, plan, s, *exemplars);
  return out.o.str();
}

// ---------------------------------------------------------------------------------------------
// HTML

std::string esc(std::string_view s) {
  std::string o;
  o.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        o += "&amp;";
        break;
      case '<':
        o += "&lt;";
        break;
      case '>':
        o += "&gt;";
        break;
      case '"':
        o += "&quot;";
        break;
      default:
        o += c;
    }
  }
  return o;
}

std::string px(double v) { return csv_number(std::round(v * 10) / 10); }

constexpr const char* color_on_time = "#2e7d32";
constexpr const char* color_late = "#f9a825";
constexpr const char* color_missing = "#c62828";
constexpr const char* color_not_due = "#9e9e9e";

std::string completeness_svg(const ProgressSummary& s) {
  const double label_w = 330;
  const double bar_w = 480;
  const double row_h = 24;
  const double top = 30;
  const double height = top + row_h * static_cast<double>(s.nodes.size()) + 10;
  std::ostringstream o;
  o << "<svg class=\"chart completeness\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
    << px(label_w + bar_w + 200) << "\" height=\"" << px(height) << "\" role=\"img\" "
    << "aria-label=\"Tình hình nộp báo cáo theo đơn vị\">\n";
  // Legend.
  const std::pair<const char*, const char*> legend[] = {{color_on_time, "đúng hạn"},
                                                        {color_late, "trễ hạn"},
                                                        {color_missing, "chưa nộp (quá hạn)"},
                                                        {color_not_due, "chưa đến hạn"}};
  double lx = label_w;
  for (const auto& [color, name] : legend) {
    o << "<rect class=\"legend\" x=\"" << px(lx) << "\" y=\"6\" width=\"12\" height=\"12\" fill=\""
      << color << "\"/><text x=\"" << px(lx + 16) << "\" y=\"16\">" << name << "</text>\n";
    lx += 150;
  }
  for (std::size_t k = 0; k < s.nodes.size(); ++k) {
    const auto& n = s.nodes[k];
    const auto& c = n.completeness;
    const double y = top + row_h * static_cast<double>(k);
    o << "<g class=\"row\"><text x=\"" << px(4 + 12.0 * n.depth) << "\" y=\"" << px(y + 16) << "\""
      << (n.depth == 0 ? " font-weight=\"bold\"" : "") << ">" << esc(n.name) << "</text>\n";
    double x = label_w;
    const std::pair<std::size_t, const char*> parts[] = {{c.on_time, color_on_time},
                                                         {c.late, color_late},
                                                         {c.missing, color_missing},
                                                         {c.not_due, color_not_due}};
    for (const auto& [count, color] : parts) {
      if (count == 0 || c.expected == 0) continue;
      const double w = bar_w * static_cast<double>(count) / static_cast<double>(c.expected);
      o << "<rect class=\"bar\" x=\"" << px(x) << "\" y=\"" << px(y + 4) << "\" width=\"" << px(w)
        << "\" height=\"16\" fill=\"" << color << "\"><title>" << count << "/" << c.expected
        << "</title></rect>";
      x += w;
    }
    o << "<text x=\"" << px(label_w + bar_w + 6) << "\" y=\"" << px(y + 16) << "\">"
      << c.submitted() << "/" << c.expected << "</text></g>\n";
  }
  o << "</svg>\n";
  return o.str();
}

std::string indicator_svg(const ProgressSummary& s) {
  const double label_w = 330;
  const double bar_w = 400;  // 100% of target at 2/3 of the bar: the bar shows up to 150%
  const double row_h = 34;
  std::vector<const IndicatorRollup*> rows;
  for (const auto& r : s.indicators) {
    if (r.indicator->measure != Measure::qualitative) rows.push_back(&r);
  }
  const double height = 20 + row_h * static_cast<double>(rows.size());
  std::ostringstream o;
  o << "<svg class=\"chart indicators\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
    << px(label_w + bar_w + 200) << "\" height=\"" << px(height) << "\" role=\"img\" "
    << "aria-label=\"Chỉ số so với chỉ tiêu\">\n";
  const double full = bar_w * 2.0 / 3.0;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const auto& r = *rows[k];
    const Indicator& ind = *r.indicator;
    const double y = 10 + row_h * static_cast<double>(k);
    const auto ratio = ratio_of(ind, r.values[0], r.targets[0]);
    o << "<g class=\"row\"><text x=\"4\" y=\"" << px(y + 18) << "\">" << esc(ind.name)
      << "</text>\n";
    o << "<rect class=\"track\" x=\"" << px(label_w) << "\" y=\"" << px(y + 6) << "\" width=\""
      << px(bar_w) << "\" height=\"16\" fill=\"#eeeeee\"/>";
    if (ratio) {
      const double w = std::min(1.5, *ratio) * full;
      const char* color =
          *ratio >= 1 ? color_on_time : (*ratio >= 0.5 ? color_late : color_missing);
      o << "<rect class=\"bar progress\" x=\"" << px(label_w) << "\" y=\"" << px(y + 6)
        << "\" width=\"" << px(w) << "\" height=\"16\" fill=\"" << color << "\"><title>"
        << esc(ratio_text(ratio)) << "</title></rect>";
    }
    o << "<line class=\"target\" x1=\"" << px(label_w + full) << "\" x2=\"" << px(label_w + full)
      << "\" y1=\"" << px(y + 2) << "\" y2=\"" << px(y + 26)
      << "\" stroke=\"#000000\" stroke-width=\"2\"/>";
    o << "<text x=\"" << px(label_w + bar_w + 8) << "\" y=\"" << px(y + 18) << "\">"
      << esc(value_text(ind, r.values[0]));
    if (r.targets[0]) o << " / " << esc(target_text(ind, r.targets[0]));
    o << " (" << esc(ratio_text(ratio)) << ")</text></g>\n";
  }
  o << "</svg>\n";
  return o.str();
}

/// Grouped bars of the five totals: the year (dark) and the previous year (light).
std::string exemplar_svg(const StatsTable& t) {
  const double label_w = 200;
  const double bar_w = 420;
  const double group_h = 40;
  const double top = 28;
  const auto now = exemplar_counts(t.total);
  const auto before = exemplar_counts(t.previous_total);
  long long most = 1;
  for (std::size_t k = 0; k < now.size(); ++k) most = std::max({most, now[k], before[k]});
  const double height = top + group_h * static_cast<double>(now.size()) + 6;
  std::ostringstream o;
  o << "<svg class=\"chart exemplars\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
    << px(label_w + bar_w + 60) << "\" height=\"" << px(height) << "\" role=\"img\" "
    << "aria-label=\"" << esc(exemplar_title(t)) << "\">\n";
  const std::pair<const char*, int> legend[] = {{"#1565c0", t.year}, {"#90caf9", t.year - 1}};
  double lx = label_w;
  for (const auto& [color, year] : legend) {
    o << "<rect class=\"legend\" x=\"" << px(lx) << "\" y=\"6\" width=\"12\" height=\"12\" fill=\""
      << color << "\"/><text x=\"" << px(lx + 16) << "\" y=\"16\">năm " << year << "</text>\n";
    lx += 110;
  }
  for (std::size_t k = 0; k < now.size(); ++k) {
    const double y = top + group_h * static_cast<double>(k);
    o << "<g class=\"row\"><text x=\"4\" y=\"" << px(y + 20) << "\">"
      << esc(exemplar_count_names[k]) << "</text>\n";
    const std::pair<long long, const char*> bars[] = {{now[k], legend[0].first},
                                                      {before[k], legend[1].first}};
    for (std::size_t b = 0; b < 2; ++b) {
      const double by = y + 4 + 16 * static_cast<double>(b);
      const double w = bar_w * static_cast<double>(bars[b].first) / static_cast<double>(most);
      o << "<rect class=\"bar\" x=\"" << px(label_w) << "\" y=\"" << px(by) << "\" width=\""
        << px(w) << "\" height=\"14\" fill=\"" << bars[b].second << "\"><title>" << bars[b].first
        << "</title></rect><text x=\"" << px(label_w + w + 4) << "\" y=\"" << px(by + 12) << "\">"
        << bars[b].first << "</text>";
    }
    o << "</g>\n";
  }
  o << "</svg>\n";
  return o.str();
}

std::string render_html(const ProgressPlan& plan, const ProgressSummary& s,
                        const StatsTable* exemplars) {
  std::ostringstream o;
  o << "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>" << esc(title_of(s)) << "</title>\n<style>\n"
    << "body{font-family:\"DejaVu Sans\",\"Noto Sans\",Arial,sans-serif;margin:24px;color:#222;"
       "max-width:1150px}\n"
    << "h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ccc}\n"
    << "h3{font-size:15px;margin-bottom:4px}\n"
    << "table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}\n"
    << "th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}\n"
    << "th:first-child,td:first-child{text-align:left}th{background:#f0f0f0}\n"
    << ".sample{background:#fff3cd;border:1px solid #e0c060;padding:8px 12px;font-weight:bold}\n"
    << ".overdue{color:#c62828;font-weight:bold}.done{color:#2e7d32}\n"
    << ".note{color:#555;font-style:italic;font-size:13px}\n"
    << "svg text{font-family:\"DejaVu Sans\",\"Noto Sans\",Arial,sans-serif;font-size:12px}\n"
    << "</style>\n</head>\n<body>\n";
  o << "<h1>" << esc(title_of(s)) << "</h1>\n";
  if (s.sample) o << "<p class=\"sample\">" << esc(sample_banner) << "</p>\n";
  o << "<p>Kỳ báo cáo: <b>" << esc(period_label(s.period)) << "</b> (" << esc(s.period.id())
    << ") · Tính đến ngày: <b>" << vn_date(s.as_of) << "</b> · Đơn vị: <b>"
    << esc(s.nodes.front().name) << "</b> · Hạn nộp: " << plan.schedule.days_after_period_end
    << " ngày sau khi kết thúc kỳ</p>\n";

  o << "<h2>1. Tình hình nộp báo cáo</h2>\n" << completeness_svg(s);
  o << "<table class=\"completeness\"><tr><th>Đơn vị</th><th>Phải nộp</th><th>Đúng hạn</th>"
       "<th>Trễ hạn</th><th>Chưa nộp (quá hạn)</th><th>Chưa đến hạn</th><th>Tỷ lệ đã nộp</th>"
       "</tr>\n";
  for (const auto& n : s.nodes) {
    const auto& c = n.completeness;
    o << "<tr><td style=\"padding-left:" << 8 + 16 * n.depth << "px\">" << esc(n.name)
      << "</td><td>" << c.expected << "</td><td>" << c.on_time << "</td><td>" << c.late
      << "</td><td>" << c.missing << "</td><td>" << c.not_due << "</td><td>"
      << esc(share(c.submitted(), c.expected)) << "</td></tr>\n";
  }
  o << "</table>\n";
  o << detail::workflow_section_html(plan, s, [](std::string_view t) { return esc(t); });
  o << detail::rules_section_html(s, [](std::string_view t) { return esc(t); });

  o << "<h2>2. Chỉ số so với chỉ tiêu</h2>\n";
  if (s.workflow) o << "<p class=\"note\">" << esc(detail::workflow_basis_note(s)) << "</p>\n";
  o << "<p class=\"note\">Thanh màu: mức đạt so với chỉ tiêu của " << esc(s.nodes.front().name)
    << " (vạch đen = 100%). Ô trống (—) là chưa có số liệu, không phải số 0.</p>\n"
    << indicator_svg(s);
  for (const auto& roll : s.indicators) {
    const Indicator& ind = *roll.indicator;
    o << "<h3>" << esc(ind.name) << "</h3>\n<p class=\"note\">" << esc(direction_text(ind)) << "; "
      << esc(aggregation_text(ind)) << "</p>\n";
    if (ind.measure == Measure::qualitative) {
      o << "<ul>\n";
      for (const auto& t : roll.texts) {
        o << "<li>" << esc(unit_name(plan, t[0])) << ", " << esc(t[1]) << ": " << esc(t[2])
          << "</li>\n";
      }
      o << "</ul>\n";
      continue;
    }
    o << "<table class=\"indicator\"><tr><th>Đơn vị</th><th>Giá trị</th><th>Chỉ tiêu</th>"
         "<th>Mức đạt</th><th>Báo cáo có số liệu</th></tr>\n";
    for (std::size_t k = 0; k < s.nodes.size(); ++k) {
      const auto& v = roll.values[k];
      o << "<tr><td style=\"padding-left:" << 8 + 16 * s.nodes[k].depth << "px\">"
        << esc(s.nodes[k].name) << "</td><td>" << esc(value_text(ind, v)) << "</td><td>"
        << esc(target_text(ind, roll.targets[k])) << "</td><td>"
        << esc(ratio_text(ratio_of(ind, v, roll.targets[k]))) << "</td><td>" << v.reports_with_value
        << "/" << v.reports_expected << "</td></tr>\n";
    }
    o << "</table>\n";
  }

  o << "<h2>3. Hoạt động</h2>\n<table class=\"activities\"><tr><th>Hoạt động</th>"
       "<th>Nội dung</th><th>Hạn</th><th>Tình trạng</th></tr>\n";
  for (const auto* a : activities_in_order(s)) {
    const char* cls = a->status == ActivityStatus::overdue ? " class=\"overdue\""
                      : a->status == ActivityStatus::done  ? " class=\"done\""
                                                           : "";
    o << "<tr><td>" << esc(a->activity->name) << "</td><td>" << a->activity->task_area
      << "</td><td>" << vn_date(a->activity->due) << "</td><td" << cls << ">"
      << esc(status_text(*a)) << "</td></tr>\n";
  }
  o << "</table>\n";
  if (!s.unexpected.empty()) {
    o << "<h2>4. Báo cáo ngoài danh sách phải nộp</h2>\n<ul>\n";
    for (const auto& u : s.unexpected) {
      o << "<li>" << esc(unit_name(plan, u.report->unit_id)) << ", " << esc(u.report->period.id())
        << ": " << esc(u.reason) << "</li>\n";
    }
    o << "</ul>\n";
  }
  if (exemplars != nullptr) {
    const StatsTable& t = *exemplars;
    o << "<h2>" << (s.unexpected.empty() ? 4 : 5) << ". " << esc(exemplar_title(t)) << "</h2>\n"
      << "<p class=\"note\">" << esc(exemplar_scope(plan, t)) << "</p>\n"
      << exemplar_svg(t) << "<table class=\"exemplars\"><tr><th>"
      << esc(exemplar_dimension_header(t)) << "</th>";
    for (const char* name : exemplar_count_names) o << "<th>" << esc(name) << "</th>";
    o << "</tr>\n";
    for (const auto& line : exemplar_lines(t)) {
      const bool total = line.key == "total";
      o << "<tr>" << (total ? "<th>" : "<td>") << esc(line.label) << (total ? "</th>" : "</td>");
      const auto now = exemplar_counts(*line.current);
      const auto before = exemplar_counts(*line.previous);
      for (std::size_t k = 0; k < now.size(); ++k) {
        o << "<td>" << esc(detail::with_change(now[k], before[k])) << "</td>";
      }
      o << "</tr>\n";
    }
    o << "</table>\n";
  }
  o << "</body>\n</html>\n";
  return o.str();
}

// ---------------------------------------------------------------------------------------------
// CSV

std::string render_csv(const ProgressPlan& plan, const ProgressSummary& s,
                       const StatsTable* exemplars) {
  std::string o = "\xEF\xBB\xBF";
  const auto row = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i != 0) o += ',';
      o += detail::csv_field(cells[i]);
    }
    o += "\r\n";
  };
  row({"section", "period", "unit_id", "unit", "depth", "item_id", "item", "expected", "on_time",
       "late", "missing", "not_due", "reported", "value", "target", "progress_percent", "status",
       "due"});
  const std::string period = s.period.id();
  for (const auto& n : s.nodes) {
    const auto& c = n.completeness;
    row({"completeness", period, n.unit_id, n.name, std::to_string(n.depth), "", "",
         std::to_string(c.expected), std::to_string(c.on_time), std::to_string(c.late),
         std::to_string(c.missing), std::to_string(c.not_due), std::to_string(c.submitted()), "",
         "", "", "", ""});
  }
  for (const auto& roll : s.indicators) {
    const Indicator& ind = *roll.indicator;
    if (ind.measure == Measure::qualitative) continue;
    for (std::size_t k = 0; k < s.nodes.size(); ++k) {
      const auto& v = roll.values[k];
      const auto r = ratio_of(ind, v, roll.targets[k]);
      row({"indicator", period, s.nodes[k].unit_id, s.nodes[k].name,
           std::to_string(s.nodes[k].depth), ind.id, ind.name, std::to_string(v.reports_expected),
           "", "", "", "", std::to_string(v.reports_with_value),
           v.value ? csv_number(*v.value) : "", roll.targets[k] ? csv_number(*roll.targets[k]) : "",
           r ? csv_number(100.0 * *r) : "", "", ""});
    }
  }
  for (const auto* a : activities_in_order(s)) {
    const auto& act = *a->activity;
    const std::string unit = act.responsible_unit_ids.empty() ? "" : act.responsible_unit_ids[0];
    row({"activity", period, unit, unit.empty() ? "" : unit_name(plan, unit), "", act.id, act.name,
         "", "", "", "", "", "", "", "", "", std::string(to_string(a->status)), to_iso(act.due)});
  }
  if (exemplars != nullptr) {
    // One row per (row of the table, count, year): item_id "<keys>/<count>", the value column
    // holds the count, the period column the year (the previous year for its counts).
    const StatsTable& t = *exemplars;
    const std::string unit = t.unit_id.value_or("");
    const std::string name = unit.empty() ? "" : unit_name(plan, unit);
    for (const auto& line : exemplar_lines(t)) {
      for (int back = 0; back < 2; ++back) {
        const auto counts = exemplar_counts(back == 0 ? *line.current : *line.previous);
        for (std::size_t k = 0; k < counts.size(); ++k) {
          row({"exemplars", std::to_string(t.year - back), unit, name, "",
               line.key + "/" + exemplar_count_ids[k], line.label + ": " + exemplar_count_names[k],
               "", "", "", "", "", "", std::to_string(counts[k]), "", "", "", ""});
        }
      }
    }
  }
  return o;
}

std::string render(const ProgressPlan& plan, const ProgressSummary& summary, ProgressFormat format,
                   const StatsTable* exemplars) {
  switch (format) {
    case ProgressFormat::text:
      return render_text(plan, summary, false, exemplars);
    case ProgressFormat::markdown:
      return render_text(plan, summary, true, exemplars);
    case ProgressFormat::html:
      return render_html(plan, summary, exemplars);
    case ProgressFormat::csv:
      return render_csv(plan, summary, exemplars);
  }
  return {};
}

}  // namespace

StatsQuery exemplar_stats_query(const ProgressSummary& summary) {
  StatsQuery query;
  query.year = summary.period.year();
  query.as_of = summary.as_of;
  if (!summary.root_unit_id.empty()) query.unit_id = summary.root_unit_id;
  query.current_units = false;
  query.by = {StatsDimension::field};
  return query;
}

std::string render_progress(const ProgressPlan& plan, const ProgressSummary& summary,
                            ProgressFormat format) {
  return render(plan, summary, format, nullptr);
}

std::string render_progress(const ProgressPlan& plan, const ProgressSummary& summary,
                            ProgressFormat format, const StatsTable& exemplars) {
  return render(plan, summary, format, &exemplars);
}

}  // namespace danvan
