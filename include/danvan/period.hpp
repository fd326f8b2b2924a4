// Reporting periods with stable ids, as DHIS2 names them: "2020", "2020S1", "2020Q2", "202004".
#pragma once

#include "danvan/date.hpp"

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// The length of a reporting period (kỳ báo cáo): month, quarter, six months or year.
enum class PeriodType : std::uint8_t { month, quarter, six_month, year };

/// A reporting period. Invariants: 1400 <= year <= 9999 (as PartialDate); index is 1..12 for
/// months, 1..4 for quarters, 1..2 for six-month periods and 1 for years.
class Period {
 public:
  /// Throws ValueError for an index out of range for the type.
  Period(PeriodType type, int year, int index = 1);
  /// Parses an id: "2020", "2020S1", "2020Q2", "202004" (exact: no spaces, upper-case letters,
  /// month always 2 digits). Throws ParseError.
  static Period parse(std::string_view id);
  /// The period of the given type that contains the day; throws ValueError for a special day.
  static Period containing(PeriodType type, Date day);

  /// Month, quarter, six months or year.
  [[nodiscard]] PeriodType type() const noexcept { return type_; }
  /// The Gregorian year the period lies in.
  [[nodiscard]] int year() const noexcept { return year_; }
  /// The month, quarter or half within the year (1 for a year).
  [[nodiscard]] int index() const noexcept { return index_; }
  /// The stable id: "2020", "2020S1", "2020Q2", "202004" (parse() reads it back).
  [[nodiscard]] std::string id() const;
  /// First day.
  [[nodiscard]] Date start() const;
  [[nodiscard]] Date end() const;  ///< last day, inclusive

  [[nodiscard]] bool contains(Date day) const;  ///< false for special values
  /// Whether every day of `other` is in this period (a period contains itself).
  [[nodiscard]] bool contains(const Period& other) const;
  /// The period of the same type that follows ("2020Q4" -> "2021Q1"); throws ValueError past
  /// year 9999.
  [[nodiscard]] Period next() const;
  /// The period of the same type before this one; throws ValueError before year 1400.
  [[nodiscard]] Period previous() const;
  /// The periods of a (shorter or equal) type that make up this one, in order; throws
  /// ValueError when `type` is longer than this period's.
  [[nodiscard]] std::vector<Period> split(PeriodType type) const;

  friend bool operator==(const Period&, const Period&) = default;
  /// Ordered by start date, then by length (shorter first).
  friend std::strong_ordering operator<=>(const Period& a, const Period& b) noexcept;

 private:
  PeriodType type_;
  int year_;
  int index_;
};

/// "month", "quarter", "six_month", "year".
std::string_view to_string(PeriodType type) noexcept;
/// Inverse of to_string; throws ValueError naming the accepted values.
PeriodType parse_period_type(std::string_view text);

}  // namespace danvan
