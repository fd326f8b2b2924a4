#include "danvan/period.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"
#include "text/text_detail.hpp"

#include <algorithm>
#include <tuple>

namespace danvan {

namespace {

constexpr int kMinYear = 1400;  // Boost.Date_Time's range, as for PartialDate
constexpr int kMaxYear = 9999;

// Length in months; 0 for a value outside the enumeration.
int months_in(PeriodType type) noexcept {
  switch (type) {
    case PeriodType::month:
      return 1;
    case PeriodType::quarter:
      return 3;
    case PeriodType::six_month:
      return 6;
    case PeriodType::year:
      return 12;
  }
  return 0;
}

// How error messages name one period of the type.
std::string_view noun(PeriodType type) noexcept {
  switch (type) {
    case PeriodType::month:
      return "month";
    case PeriodType::quarter:
      return "quarter";
    case PeriodType::six_month:
      return "six-month period";
    case PeriodType::year:
      return "year period";
  }
  return "period";
}

std::string year_problem(int year) {
  if (year >= kMinYear && year <= kMaxYear) return {};
  return "year " + std::to_string(year) + " is out of range " + std::to_string(kMinYear) + ".." +
         std::to_string(kMaxYear);
}

std::string index_problem(PeriodType type, int index) {
  const int count = 12 / months_in(type);
  if (index >= 1 && index <= count) return {};
  if (type == PeriodType::year) return "a year period has index 1, got " + std::to_string(index);
  return std::string(noun(type)) + " " + std::to_string(index) + " is out of range 1.." +
         std::to_string(count);
}

std::string two_digits(int value) {
  return value < 10 ? "0" + std::to_string(value) : std::to_string(value);
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

Date make_date(int year, int month, int day) {
  return {static_cast<unsigned short>(year), static_cast<unsigned short>(month),
          static_cast<unsigned short>(day)};
}

}  // namespace

Period::Period(PeriodType type, int year, int index) : type_(type), year_(year), index_(index) {
  if (months_in(type) == 0) {
    throw ValueError("unknown period type " + std::to_string(static_cast<int>(type)));
  }
  if (std::string problem = year_problem(year); !problem.empty()) throw ValueError(problem);
  if (std::string problem = index_problem(type, index); !problem.empty()) {
    throw ValueError(problem);
  }
}

Period Period::parse(std::string_view id) {
  check_utf8(id);
  if (id.empty()) {
    detail::throw_parse_error(
        id, 0, "expected a period id such as 2020, 2020S1, 2020Q2 or 202004, got an empty string");
  }
  if (id.size() < 4 || !is_digit(id[0]) || !is_digit(id[1]) || !is_digit(id[2]) ||
      !is_digit(id[3])) {
    detail::throw_parse_error(id, 0, "expected a 4-digit year, got " + detail::quote(id));
  }
  const int year = (id[0] - '0') * 1000 + (id[1] - '0') * 100 + (id[2] - '0') * 10 + (id[3] - '0');
  if (std::string problem = year_problem(year); !problem.empty()) {
    detail::throw_parse_error(id, 0, problem);
  }
  const std::string_view rest = id.substr(4);
  if (rest.empty()) return {PeriodType::year, year};

  PeriodType type = PeriodType::month;
  std::string_view number = rest;  // the index as written
  std::size_t number_at = 4;
  if (rest[0] == 'S' || rest[0] == 'Q') {
    type = rest[0] == 'S' ? PeriodType::six_month : PeriodType::quarter;
    number = rest.substr(1);
    number_at = 5;
    const std::string what =
        type == PeriodType::six_month ? "the half-year number 1 or 2" : "the quarter number 1..4";
    if (number.size() != 1 || !is_digit(number[0])) {
      detail::throw_parse_error(
          id, 5,
          "expected " + what + " after \"" + rest[0] + "\", got " +
              (number.empty() ? std::string("the end of the input") : detail::quote(number)));
    }
  } else if (is_digit(rest[0])) {
    if (rest.size() != 2 || !is_digit(rest[1])) {
      detail::throw_parse_error(
          id, 4, "expected a 2-digit month after the year, got " + detail::quote(rest));
    }
  } else {
    detail::throw_parse_error(
        id, 4,
        "expected \"S\", \"Q\" or a 2-digit month after the year, got " + detail::quote(rest));
  }
  int index = 0;
  for (const char c : number) index = index * 10 + (c - '0');
  if (std::string problem = index_problem(type, index); !problem.empty()) {
    detail::throw_parse_error(id, number_at, problem);
  }
  return {type, year, index};
}

Period Period::containing(PeriodType type, Date day) {
  if (day.is_special()) {
    throw ValueError("cannot find the period of a special date value (" +
                     std::string(day.is_not_a_date() ? "not-a-date-time" : "an infinity") + ")");
  }
  const int months = months_in(type);
  if (months == 0) {
    throw ValueError("unknown period type " + std::to_string(static_cast<int>(type)));
  }
  const int month = static_cast<int>(day.month().as_number());
  return {type, static_cast<int>(day.year()), (month - 1) / months + 1};
}

std::string Period::id() const {
  const std::string year = std::to_string(year_);
  switch (type_) {
    case PeriodType::month:
      return year + two_digits(index_);
    case PeriodType::quarter:
      return year + "Q" + std::to_string(index_);
    case PeriodType::six_month:
      return year + "S" + std::to_string(index_);
    case PeriodType::year:
      break;
  }
  return year;
}

Date Period::start() const { return make_date(year_, (index_ - 1) * months_in(type_) + 1, 1); }

Date Period::end() const {
  const int month = index_ * months_in(type_);
  return make_date(year_, month,
                   boost::gregorian::gregorian_calendar::end_of_month_day(
                       static_cast<unsigned short>(year_), static_cast<unsigned short>(month)));
}

bool Period::contains(Date day) const {
  return !day.is_special() && start() <= day && day <= end();
}

bool Period::contains(const Period& other) const {
  return start() <= other.start() && other.end() <= end();
}

Period Period::next() const {
  const int count = 12 / months_in(type_);
  return index_ < count ? Period(type_, year_, index_ + 1) : Period(type_, year_ + 1, 1);
}

Period Period::previous() const {
  const int count = 12 / months_in(type_);
  return index_ > 1 ? Period(type_, year_, index_ - 1) : Period(type_, year_ - 1, count);
}

std::vector<Period> Period::split(PeriodType type) const {
  const int part = months_in(type);
  if (part == 0) throw ValueError("unknown period type " + std::to_string(static_cast<int>(type)));
  const int whole = months_in(type_);
  if (part > whole) {
    throw ValueError("cannot split " + id() + " into " + std::string(to_string(type)) +
                     " periods: " + std::string(to_string(type)) + " is longer than " +
                     std::string(to_string(type_)));
  }
  const int first = (index_ - 1) * whole / part + 1;
  std::vector<Period> parts;
  parts.reserve(static_cast<std::size_t>(whole / part));
  for (int i = 0; i < whole / part; ++i) parts.emplace_back(type, year_, first + i);
  return parts;
}

std::strong_ordering operator<=>(const Period& a, const Period& b) noexcept {
  const auto key = [](const Period& p) {
    const int length = months_in(p.type_);
    return std::tuple{p.year_, (p.index_ - 1) * length, length};
  };
  return key(a) <=> key(b);
}

std::string_view to_string(PeriodType type) noexcept {
  switch (type) {
    case PeriodType::month:
      return "month";
    case PeriodType::quarter:
      return "quarter";
    case PeriodType::six_month:
      return "six_month";
    case PeriodType::year:
      return "year";
  }
  return "unknown";
}

PeriodType parse_period_type(std::string_view text) {
  for (const PeriodType type :
       {PeriodType::month, PeriodType::quarter, PeriodType::six_month, PeriodType::year}) {
    if (text == to_string(type)) return type;
  }
  throw ValueError("unknown period type " + detail::quote(text) +
                   "; expected one of month, quarter, six_month, year");
}

}  // namespace danvan
