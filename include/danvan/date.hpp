// Dates with precision: facts in plans are often known only to the year or the month.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace danvan {

/// A calendar day (Boost.Date_Time's proleptic Gregorian date).
using Date = boost::gregorian::date;

/// How much of a PartialDate is known.
enum class DatePrecision : std::uint8_t { year, month, day };

/// A date known to the year, the month or the day ("2020", "2020-04", "2020-04-10").
/// Invariants, checked at construction: 1400 <= year <= 9999 (the range of Boost.Date_Time, so
/// first_day() and last_day() always exist), 1 <= month <= 12, and the day exists in that month
/// (31/02 is rejected). Ordered by (first day, precision): 2020 < 01/2020 < 01/01/2020.
class PartialDate {
 public:
  /// Throws ValueError when the fields do not form a date.
  explicit PartialDate(int year);
  /// A month of a year ("tháng 4 năm 2020"); month 1..12.
  PartialDate(int year, int month);
  /// A whole day; the day must exist in that month.
  PartialDate(int year, int month, int day);
  /// A day-precision date from a Boost date (which must not be special, e.g. not-a-date).
  static PartialDate from_date(Date d);
  /// The same, implicitly: a whole day is a partial date at day precision.
  PartialDate(Date day);  // NOLINT(google-explicit-constructor)

  /// The year (always known).
  [[nodiscard]] int year() const noexcept { return year_; }
  /// The month 1..12, empty at year precision.
  [[nodiscard]] std::optional<int> month() const noexcept;
  /// The day of the month, empty unless the precision is day.
  [[nodiscard]] std::optional<int> day() const noexcept;
  /// What the date gives: a year, a month or a day.
  [[nodiscard]] DatePrecision precision() const noexcept { return precision_; }
  /// Whether the date is a whole day.
  [[nodiscard]] bool is_day() const noexcept { return precision_ == DatePrecision::day; }

  /// First and last day the partial date may denote (the day itself when precision is day).
  [[nodiscard]] Date first_day() const;
  /// See first_day(): 31/12 for a year, the month's last day for a month.
  [[nodiscard]] Date last_day() const;
  /// The day; throws ValueError unless precision is day.
  [[nodiscard]] Date date() const;

  /// ISO 8601 at its precision: "2020", "2020-04", "2020-04-10".
  [[nodiscard]] std::string iso() const;
  /// Vietnamese numeric form: "2020", "04/2020", "10/04/2020".
  [[nodiscard]] std::string vietnamese() const;
  /// Vietnamese long form: "năm 2020", "tháng 4 năm 2020", "ngày 10 tháng 4 năm 2020".
  /// Follows Nghị định 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 take a leading zero,
  /// other months do not: "ngày 05 tháng 01 năm 2020", "ngày 05 tháng 9 năm 2016".
  [[nodiscard]] std::string vietnamese_long() const;

  friend bool operator==(const PartialDate&, const PartialDate&) = default;
  /// Orders by first day, then by precision (year before month before day): "2020" <
  /// "2020-01" < "2020-01-01" < "2020-01-02" < "2020-02".
  friend std::strong_ordering operator<=>(const PartialDate& a, const PartialDate& b) noexcept;

 private:
  int year_;
  int month_ = 0;  // 0 when unknown
  int day_ = 0;    // 0 when unknown
  DatePrecision precision_;
};

/// Parses the forms Vietnamese texts and systems use, always day first:
/// "10/04/2020", "5/9/2016", "12-12-2013", "05.9.2016", "ngày 05 tháng 9 năm 2016",
/// "tháng 9 năm 2016", "tháng 9/2016", "năm 2016", "9/2016", ISO "2016-09-05", "2016-09",
/// "2016". Days and months have 1 or 2 digits (exactly 2 in ISO form), years exactly 4; one
/// input uses one separator ("05/9-2016" is an error). Surrounding white space (including
/// U+00A0) is ignored; "ngày"/"tháng"/"năm" match in any case and Unicode form.
/// Throws ParseError for anything else, for impossible dates and for malformed UTF-8; its
/// offset() is the byte offset into `text` where the problem starts (see check_utf8 for how
/// long or unprintable input is shown in the message).
PartialDate parse_partial_date(std::string_view text);

/// As parse_partial_date, but the result must be a whole day; throws ParseError otherwise.
Date parse_date(std::string_view text);

/// ISO 8601 "YYYY-MM-DD" of a day; throws ValueError for special values.
std::string to_iso(Date d);

}  // namespace danvan
