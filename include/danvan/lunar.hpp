// The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7.
#pragma once

#include "danvan/date.hpp"

#include <compare>
#include <optional>
#include <string>

namespace danvan {

/// First and last Gregorian year the lunar conversions support: solar days 1900-01-01 ..
/// 2100-12-31. Lunar years 1899 (whose last month falls in January 1900) .. 2100 are known.
inline constexpr int lunar_min_year = 1900;
inline constexpr int lunar_max_year = 2100;

/// A day of the Vietnamese lunar calendar (âm lịch): lunar year, month 1..12 (the year of a
/// day in months 11 and 12 is the year that began before them: 10/12 of lunar 2019 falls in
/// January 2020), day 1..30, and whether the month is the leap month (tháng nhuận) that repeats
/// the number of the month before it.
///
/// The calendar is the one Vietnam uses since 1968, computed for the meridian 105°E (UTC+7):
/// a month begins on the local day of a new moon; the month containing the winter solstice is
/// month 11; when 13 months lie between two months 11, the first of them (after the first
/// month 11) in which the sun enters no new 30° sign of longitude (no major solar term, trung
/// khí) is the leap month. New moons follow Meeus, Astronomical Algorithms ch. 49 (with the
/// planetary terms); the sun's apparent longitude ch. 25 (about 0.01°); ΔT the Espenak–Meeus
/// polynomials. Values are compared field by field (year, month, leap, day).
struct LunarDate {
  int year = 0;       ///< the lunar year (the Gregorian year it begins in)
  int month = 0;      ///< 1..12
  int day = 0;        ///< 1..30
  bool leap = false;  ///< whether the month is the leap month (tháng nhuận)

  friend bool operator==(const LunarDate&, const LunarDate&) = default;
  /// Calendar order: year, month, then the leap month after the ordinary one, then day.
  friend std::strong_ordering operator<=>(const LunarDate& a, const LunarDate& b) noexcept;
};

/// "10/3/2020" or "1/4 nhuận/2020" (day/month/year, "nhuận" after a leap month).
std::string to_string(const LunarDate& date);

/// The lunar date of a solar day. Throws ValueError for special values (not-a-date) and for
/// days outside 1900-01-01 .. 2100-12-31.
LunarDate to_lunar(Date solar);

/// The solar day of a lunar date. Throws ValueError when the date does not exist (month not in
/// 1..12, day not in 1..30 or beyond the month's length, a leap month the year does not have)
/// or when its solar day is outside 1900-01-01 .. 2100-12-31.
Date from_lunar(const LunarDate& date);

/// The leap month of a lunar year (the number it repeats), or nullopt for a common year.
/// Throws ValueError for a lunar year outside 1899..2100.
std::optional<int> leap_month(int lunar_year);

/// The number of days (29 or 30) of a lunar month; throws ValueError as from_lunar.
int lunar_month_length(int lunar_year, int month, bool leap = false);

/// The solar day of the first day of a lunar year (mùng 1 Tết); throws ValueError for a year
/// outside 1900..2100.
Date lunar_new_year(int lunar_year);

namespace astronomy {
/// Julian Ephemeris Day (TT) of the true new moon with index k (k = 0 is the new moon of
/// 2000-01-06; k = -283 that of 1977-02-18), after Meeus ch. 49.
double new_moon_jde(int k) noexcept;
/// The sun's apparent geometric longitude in degrees [0, 360) at a Julian Ephemeris Day.
double sun_apparent_longitude(double jde) noexcept;
/// ΔT = TT - UT in seconds for a (fractional) year, Espenak–Meeus polynomials (1900..2150).
double delta_t_seconds(double year) noexcept;
}  // namespace astronomy

}  // namespace danvan
