// The holiday calendar (lịch nghỉ lễ, tết): which days are working days in Vietnam.
#pragma once

#include "danvan/date.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// Day of the week, numbered as Boost.Date_Time does (Sunday = 0).
enum class Weekday : std::uint8_t {
  sunday,
  monday,
  tuesday,
  wednesday,
  thursday,
  friday,
  saturday
};

std::string_view to_string(Weekday day) noexcept;  ///< "sunday", ...
Weekday parse_weekday(std::string_view text);      ///< throws ValueError naming accepted values
/// Vietnamese name: "Chủ nhật", "Thứ Hai", ..., "Thứ Bảy".
std::string_view vietnamese_name(Weekday day) noexcept;
/// The weekday of a day; throws ValueError for special values.
Weekday weekday_of(Date day);

/// Whether a holiday rule's month and day are solar (dương lịch) or lunar (âm lịch).
enum class DateBasis : std::uint8_t { solar, lunar };
std::string_view to_string(DateBasis basis) noexcept;  ///< "solar", "lunar"
DateBasis parse_date_basis(std::string_view text);     ///< throws ValueError

/// A rule that gives a public holiday (ngày nghỉ lễ, tết) every year in force.
/// The anchor is month/day of the year in the given basis (lunar: of the non-leap month, in
/// the lunar year that begins in the Gregorian year asked for). The rule gives the days
/// anchor+first_offset .. anchor+last_offset (inclusive), or, when `adjacent` is true, one day
/// next to the anchor chosen as the government usually does for the day beside 2/9: the
/// neighbour that is not a weekend day; when both are, the one whose other neighbour is a
/// weekend day (making one block of days off), and the day after when that does not decide.
/// Invariants (Calendar checks them): id valid (see is_valid_id), name not empty, month 1..12,
/// day 1..31 (solar: existing in a leap year; lunar: 1..30), -30 <= first_offset <=
/// last_offset <= 30, from_year <= to_year when both are set.
struct HolidayRule {
  std::string id;                      ///< "tet"
  std::string name;                    ///< "Tết Nguyên đán"
  DateBasis basis = DateBasis::solar;  ///< the calendar `month` and `day` are in
  int month = 1;                       ///< the anchor's month, 1..12
  int day = 1;                         ///< the anchor's day of the month
  int first_offset = 0;                ///< days from the anchor to the first day off (-1: the eve)
  int last_offset = 0;                 ///< days from the anchor to the last day off (inclusive)
  bool adjacent = false;  ///< one extra day beside the anchor (see above) instead of the offsets
  std::optional<int> from_year;  ///< first Gregorian year in force; open when unset
  std::optional<int> to_year;    ///< last Gregorian year in force; open when unset

  /// Whether the rule gives days off in the Gregorian `year` (from_year..to_year, open ends).
  [[nodiscard]] bool in_force(int year) const noexcept;
  friend bool operator==(const HolidayRule&, const HolidayRule&) = default;
};

/// An extra day off decided for one year (e.g. a swap: the Friday off, a Saturday worked).
struct ExtraDayOff {
  Date date;         ///< the day off
  std::string name;  ///< what the decision calls it, e.g. "Nghỉ hoán đổi dịp 30/4 và 1/5"
  friend bool operator==(const ExtraDayOff&, const ExtraDayOff&) = default;
};

/// What the government decided for one Gregorian year: the days of some rules (replacing what
/// the rule computes, e.g. the days of Tết or the day beside 2/9; decided days are taken as
/// they are, so weekend days among them give no compensatory day), extra days off, and weekend
/// days that are working days (làm bù; a day off on the same date wins). `source` cites the
/// decision.
/// Invariants (Calendar checks them): every date is in `year`; rule ids exist and the rules are
/// in force that year; no date listed twice in one list; working days are weekend days.
struct YearSchedule {
  int year = 0;  ///< the Gregorian year decided
  /// Rule id ("tet") -> the days off the decision gives for it, replacing the computed ones.
  std::map<std::string, std::vector<Date>> rule_days;
  std::vector<ExtraDayOff> extra_days_off;  ///< days off that no rule gives
  std::vector<Date> working_days;           ///< weekend days worked that year (làm bù)
  std::string source;  ///< the decision, e.g. "Thông báo 4544/TB-LĐTBXH ngày 25/10/2019"
  friend bool operator==(const YearSchedule&, const YearSchedule&) = default;
};

/// How a legal time limit counts days.
enum class DayCounting : std::uint8_t { calendar_days, working_days };
std::string_view to_string(DayCounting counting) noexcept;  ///< "calendar_days", "working_days"
DayCounting parse_day_counting(std::string_view text);      ///< throws ValueError

/// The four limits of one complaint round: normal, complex (phức tạp), and the same in remote
/// areas where travel is difficult (vùng sâu, vùng xa).
struct ComplaintLimits {
  int normal = 0;          ///< days for an ordinary case
  int complex = 0;         ///< days for a complex case
  int remote = 0;          ///< days for an ordinary case in a remote area
  int remote_complex = 0;  ///< days for a complex case in a remote area
  friend bool operator==(const ComplaintLimits&, const ComplaintLimits&) = default;
};

/// Legal time limits in days, as data a province can change. Defaults are the national law:
/// complaints (khiếu nại, Luật Khiếu nại 2011 art. 28 and 37) first round 30/45, remote 45/60;
/// second round 45/60, remote 60/70; denunciations (tố cáo, Luật Tố cáo 2018 art. 30) 30 days,
/// extendable at most twice by at most 30 days each. All counted in calendar days from the day
/// after acceptance (thụ lý). Invariants: every limit 1..3650, max_extensions 0..10.
struct DeadlineRules {
  DayCounting counting = DayCounting::calendar_days;  ///< how every limit below counts days
  ComplaintLimits complaint_first{30, 45, 45, 60};    ///< first-round complaint (lần đầu)
  ComplaintLimits complaint_second{45, 60, 60, 70};   ///< second-round complaint (lần hai)
  int denunciation_days = 30;                         ///< time limit for settling a denunciation
  int denunciation_extension_days = 30;               ///< the longest one extension may add
  int denunciation_max_extensions = 2;                ///< how many extensions are allowed
  friend bool operator==(const DeadlineRules&, const DeadlineRules&) = default;
};

/// Why a day is not a working day.
enum class DayOffKind : std::uint8_t {
  holiday,       ///< a public holiday from a rule (ngày nghỉ lễ, tết)
  compensatory,  ///< a working day off because a holiday fell on a weekend day (nghỉ bù)
  extra,         ///< an extra day off decided for the year
};
std::string_view to_string(DayOffKind kind) noexcept;  ///< "holiday", "compensatory", "extra"

/// One day off (other than an ordinary weekend day) in a year.
struct DayOff {
  Date date;                              ///< the day
  std::string name;                       ///< "Tết Nguyên đán", "Nghỉ bù Quốc khánh"
  std::string rule_id;                    ///< the rule ("tet"), empty for extra days
  DayOffKind kind = DayOffKind::holiday;  ///< why the day is off
  friend bool operator==(const DayOff&, const DayOff&) = default;
};

/// A holiday calendar: weekend days, holiday rules, whether holidays on a weekend day give a
/// compensatory day off (Bộ luật Lao động 2019 art. 111(3): the next working day), per-year
/// schedules, and the deadline rules. A value: cheap to copy, compared member-wise; days off
/// are computed on demand. Covers the Gregorian years first_year..last_year (within
/// 1900..2100); asking about a day outside them throws ValueError.
class Calendar {
 public:
  /// Checks every invariant (see the member types); throws ValueError naming the problem.
  /// Messages look like "invalid calendar: /rules/2/month: 13 is out of range 1..12", with
  /// the pointer into the equivalent JSON document (indexes as given).
  Calendar(std::string name, std::string source, int first_year, int last_year,
           std::vector<Weekday> weekend, std::vector<HolidayRule> rules, bool compensatory,
           std::vector<YearSchedule> years, DeadlineRules deadline_rules = {});

  /// The built-in Vietnamese calendar: the same content as data/calendar/vietnam.json (rules
  /// of Bộ luật Lao động 2012/2019 and the 5-day week of cán bộ, công chức: years 2013..2100;
  /// Tết by default the last day of the lunar year and mùng 1–4; the decisions of 2019–2026
  /// (days of Tết and beside 2/9, swapped working days), with their sources in
  /// data/calendar/README.md).
  static Calendar vietnam();

  /// The calendar's name, e.g. "Việt Nam".
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// The law or decision the rules come from (may be empty).
  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  /// The first Gregorian year covered.
  [[nodiscard]] int first_year() const noexcept { return first_year_; }
  /// The last Gregorian year covered.
  [[nodiscard]] int last_year() const noexcept { return last_year_; }
  /// The weekly days off (Saturday and Sunday for the 5-day week).
  [[nodiscard]] const std::vector<Weekday>& weekend() const noexcept { return weekend_; }
  /// The holiday rules, in the order given.
  [[nodiscard]] const std::vector<HolidayRule>& rules() const noexcept { return rules_; }
  /// Whether a holiday on a weekend day gives the next working day off (nghỉ bù).
  [[nodiscard]] bool compensatory() const noexcept { return compensatory_; }
  /// Sorted by year.
  [[nodiscard]] const std::vector<YearSchedule>& years() const noexcept { return years_; }
  /// The legal time limits that deadlines are computed with.
  [[nodiscard]] const DeadlineRules& deadline_rules() const noexcept { return deadline_rules_; }

  /// The days off of a year other than ordinary weekend days, sorted by date (holidays that
  /// fall on a weekend day are listed too). Throws ValueError for a year not covered.
  [[nodiscard]] std::vector<DayOff> days_off(int year) const;
  /// The day off on a day, if any (not for ordinary weekend days).
  [[nodiscard]] std::optional<DayOff> day_off(Date day) const;
  /// Whether the day is one of the weekly days off (even when it is worked that year).
  [[nodiscard]] bool is_weekend(Date day) const;
  /// False on weekend days (unless listed as a working day of the year) and days off.
  [[nodiscard]] bool is_working_day(Date day) const;

  /// Compares the definitions (the computed days follow from them).
  friend bool operator==(const Calendar& a, const Calendar& b);

 private:
  struct Index;  // the computed days off, shared by copies (immutable)
  std::string name_;
  std::string source_;
  int first_year_;
  int last_year_;
  std::vector<Weekday> weekend_;
  std::vector<HolidayRule> rules_;
  bool compensatory_;
  std::vector<YearSchedule> years_;
  DeadlineRules deadline_rules_;
  std::shared_ptr<const Index> index_;
};

}  // namespace danvan
