// Reported figures (số liệu báo cáo): counts a source states, kept beside the entries and
// compared with the counts derived from them, never added to them.
#include "base/enum_names.hpp"
#include "danvan/registry.hpp"
#include "danvan/text.hpp"
#include "registry/registry_impl.hpp"

#include <array>
#include <string>
#include <utility>

namespace danvan {

namespace {

constexpr std::array<std::string_view, 7> category_names{
    "registered", "recognised", "effective", "commended", "replicated", "proposed", "promoted"};
constexpr std::array<std::string_view, 7> category_vi{
    "đăng ký",   "công nhận", "còn hiệu quả",      "biểu dương, khen thưởng",
    "nhân rộng", "đề nghị",   "nâng lên điển hình"};
constexpr std::array<std::string_view, 4> qualifier_names{"exact", "at_least", "about", "at_most"};
constexpr std::array<std::string_view, 4> qualifier_vi{"", "hơn", "khoảng", "không quá"};
constexpr std::array<std::string_view, 3> agreement_names{"agrees", "below", "above"};
constexpr std::array<std::string_view, 3> agreement_vi{"khớp", "ít hơn", "nhiều hơn"};

/// The largest value a figure may hold (a count of models, people or units).
constexpr long long kMaxFigure = 1000000000;

long long count_of(const StatsCounts& c, FigureCategory category) {
  switch (category) {
    case FigureCategory::registered:
      return c.registered;
    case FigureCategory::recognised:
      return c.recognised;
    case FigureCategory::effective:
      return c.effective;
    case FigureCategory::commended:
      return c.commended;
    case FigureCategory::replicated:
      return c.replicated;
    case FigureCategory::proposed:
      return c.proposed;
    case FigureCategory::promoted:
      return c.promoted;
  }
  return 0;
}

bool whole_year(const DateRange& r) {
  return r.first.year() == r.last.year() && r.first.month() == 1 && r.first.day() == 1 &&
         r.last.month() == 12 && r.last.day() == 31;
}

}  // namespace

DANVAN_ENUM_NAMES(FigureCategory, category_names, parse_figure_category, "figure category")
DANVAN_ENUM_NAMES(FigureQualifier, qualifier_names, parse_figure_qualifier, "qualifier")
std::string_view to_string(FigureAgreement v) noexcept {
  return detail::enum_name(agreement_names, v);
}
std::string_view vietnamese_name(FigureCategory v) noexcept {
  return detail::enum_name(category_vi, v);
}
std::string_view vietnamese_name(FigureQualifier v) noexcept {
  return detail::enum_name(qualifier_vi, v);
}
std::string_view vietnamese_name(FigureAgreement v) noexcept {
  return detail::enum_name(agreement_vi, v);
}

FigureAgreement compare_figure(long long value, FigureQualifier qualifier,
                               long long from_entries) noexcept {
  long long low = value;
  long long high = value;
  switch (qualifier) {
    case FigureQualifier::exact:
      break;
    case FigureQualifier::at_least:
      high = -1;  // no upper bound
      break;
    case FigureQualifier::at_most:
      low = 0;
      break;
    case FigureQualifier::about:
      low = value - (value + 9) / 10;  // 10% rounded outwards
      high = value + (value + 9) / 10;
      break;
  }
  if (from_entries < low) return FigureAgreement::below;
  if (high >= 0 && from_entries > high) return FigureAgreement::above;
  return FigureAgreement::agrees;
}

void Registry::add_figure(ReportedFigure figure) {
  const std::string who = "figure " + std::to_string(impl_->figures.size() + 1) + ": ";
  if (!impl_->units.find(figure.unit_id)) {
    throw ValueError(who + "unknown unit \"" + figure.unit_id + "\"");
  }
  if (figure.period.last < figure.period.first) {
    throw ValueError(who + "the period ends before it starts");
  }
  if (figure.value < 0 || figure.value > kMaxFigure) {
    throw ValueError(who + "value " + std::to_string(figure.value) + " is out of range 0.." +
                     std::to_string(kMaxFigure));
  }
  if (figure.field_id && !impl_->fields.index.contains(*figure.field_id)) {
    throw ValueError(who + "unknown field \"" + *figure.field_id + "\"");
  }
  if (figure.subject == Subject::unknown) {
    throw ValueError(who + "a breakdown by subject is collective or individual");
  }
  figure.source = normalize_nfc(figure.source);
  if (squeeze_spaces(figure.source).empty()) throw ValueError(who + "the source is empty");
  if (figure.quote) {
    figure.quote = normalize_nfc(*figure.quote);
    if (squeeze_spaces(*figure.quote).empty()) throw ValueError(who + "the quote is empty");
  }
  impl_->figures.push_back(std::move(figure));
}

const std::vector<ReportedFigure>& Registry::figures() const noexcept { return impl_->figures; }

FigureComparison Registry::compare(const ReportedFigure& figure) const {
  StatsQuery q;
  if (whole_year(figure.period)) {
    q.year = figure.period.first.year();
  } else {
    q.year = figure.period.last.year();
    q.period = figure.period;
  }
  q.unit_id = figure.unit_id;
  q.by.clear();
  std::vector<std::string> keys;
  if (figure.field_id) {
    q.by.push_back(StatsDimension::field);
    keys.push_back(*figure.field_id);
  }
  if (figure.level) {
    q.by.push_back(StatsDimension::level);
    keys.emplace_back(to_string(*figure.level));
  }
  if (figure.subject) {
    q.by.push_back(StatsDimension::subject);
    keys.emplace_back(to_string(*figure.subject));
  }
  if (figure.kind) {
    q.by.push_back(StatsDimension::kind);
    keys.emplace_back(to_string(*figure.kind));
  }
  if (q.by.empty()) q.by.push_back(StatsDimension::kind);  // stats needs one; the total is used
  const StatsTable t = entry_stats(q);
  long long n = 0;
  if (keys.empty()) {
    n = count_of(t.total, figure.category);
  } else {
    for (const auto& row : t.rows) {
      if (row.keys == keys) n = count_of(row.current, figure.category);
    }
  }
  return {figure, n, compare_figure(figure.value, figure.qualifier, n)};
}

std::vector<FigureComparison> Registry::compare_figures(const std::optional<std::string>& unit_id,
                                                        const DateRange& period) const {
  return compare_figures(unit_id ? std::vector<std::string>{*unit_id} : std::vector<std::string>{},
                         period);
}

std::vector<FigureComparison> Registry::compare_figures(const std::vector<std::string>& unit_ids,
                                                        const DateRange& period) const {
  std::vector<FigureComparison> out;
  for (const auto& f : impl_->figures) {
    if (f.period.first < period.first || period.last < f.period.last) continue;
    const auto within = [&](const std::string& unit_id) {
      return impl_->units.is_within(f.unit_id, unit_id, f.period.last) ||
             impl_->units.is_within(f.unit_id, unit_id, f.period.first);
    };
    if (!unit_ids.empty() && std::none_of(unit_ids.begin(), unit_ids.end(), within)) continue;
    out.push_back(compare(f));
  }
  return out;
}

}  // namespace danvan
