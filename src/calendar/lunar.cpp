#include "danvan/lunar.hpp"

#include "danvan/error.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <tuple>
#include <vector>

namespace danvan {

namespace astronomy {

namespace {
constexpr double deg = std::numbers::pi / 180.0;
double sin_deg(double x) noexcept { return std::sin(x * deg); }
}  // namespace

double new_moon_jde(int k) noexcept {
  const double kk = k;
  const double t = kk / 1236.85;  // Julian centuries from J2000.0
  const double t2 = t * t;
  const double t3 = t2 * t;
  const double t4 = t3 * t;
  // Mean new moon.
  double jde =
      2451550.09766 + 29.530588861 * kk + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
  // Eccentricity of the Earth's orbit, and the fundamental arguments (degrees).
  const double e = 1.0 - 0.002516 * t - 0.0000074 * t2;
  const double m = 2.5534 + 29.10535670 * kk - 0.0000014 * t2 - 0.00000011 * t3;
  const double mp =
      201.5643 + 385.81693528 * kk + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
  const double f =
      160.7108 + 390.67050284 * kk - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
  const double om = 124.7746 - 1.56375588 * kk + 0.0020672 * t2 + 0.00000215 * t3;
  // Periodic terms of the true new moon.
  double c =
      -0.40720 * sin_deg(mp) + 0.17241 * e * sin_deg(m) + 0.01608 * sin_deg(2 * mp) +
      0.01039 * sin_deg(2 * f) + 0.00739 * e * sin_deg(mp - m) - 0.00514 * e * sin_deg(mp + m) +
      0.00208 * e * e * sin_deg(2 * m) - 0.00111 * sin_deg(mp - 2 * f) -
      0.00057 * sin_deg(mp + 2 * f) + 0.00056 * e * sin_deg(2 * mp + m) -
      0.00042 * sin_deg(3 * mp) + 0.00042 * e * sin_deg(m + 2 * f) +
      0.00038 * e * sin_deg(m - 2 * f) - 0.00024 * e * sin_deg(2 * mp - m) - 0.00017 * sin_deg(om) -
      0.00007 * sin_deg(mp + 2 * m) + 0.00004 * sin_deg(2 * mp - 2 * f) + 0.00004 * sin_deg(3 * m) +
      0.00003 * sin_deg(mp + m - 2 * f) + 0.00003 * sin_deg(2 * mp + 2 * f) -
      0.00003 * sin_deg(mp + m + 2 * f) + 0.00003 * sin_deg(mp - m + 2 * f) -
      0.00002 * sin_deg(mp - m - 2 * f) - 0.00002 * sin_deg(3 * mp + m) + 0.00002 * sin_deg(4 * mp);
  // Planetary arguments: {constant, rate per lunation, amplitude in days}.
  struct Planetary {
    double a0;
    double a1;
    double amplitude;
  };
  static constexpr std::array<Planetary, 14> planetary{{
      {299.77, 0.107408, 0.000325},
      {251.88, 0.016321, 0.000165},
      {251.83, 26.651886, 0.000164},
      {349.42, 36.412478, 0.000126},
      {84.66, 18.206239, 0.000110},
      {141.74, 53.303771, 0.000062},
      {207.14, 2.453732, 0.000060},
      {154.84, 7.306860, 0.000056},
      {34.52, 27.261239, 0.000047},
      {207.19, 0.121824, 0.000042},
      {291.34, 1.844379, 0.000040},
      {161.72, 24.198154, 0.000037},
      {239.56, 25.513099, 0.000035},
      {331.55, 3.592518, 0.000023},
  }};
  for (std::size_t i = 0; i < planetary.size(); ++i) {
    double arg = planetary[i].a0 + planetary[i].a1 * kk;
    if (i == 0) arg -= 0.009173 * t2;
    c += planetary[i].amplitude * sin_deg(arg);
  }
  jde += c;
  return jde;
}

double sun_apparent_longitude(double jde) noexcept {
  const double t = (jde - 2451545.0) / 36525.0;
  const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin_deg(m) +
                   (0.019993 - 0.000101 * t) * sin_deg(2 * m) + 0.000289 * sin_deg(3 * m);
  const double omega = 125.04 - 1934.136 * t;
  double lambda = l0 + c - 0.00569 - 0.00478 * sin_deg(omega);
  lambda = std::fmod(lambda, 360.0);
  if (lambda < 0) lambda += 360.0;
  return lambda;
}

double delta_t_seconds(double y) noexcept {
  if (y < 1920) {
    const double t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t -
           0.000197 * t * t * t * t;
  }
  if (y < 1941) {
    const double t = y - 1920;
    return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
  }
  if (y < 1961) {
    const double t = y - 1950;
    return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
  }
  if (y < 1986) {
    const double t = y - 1975;
    return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
  }
  if (y < 2005) {
    const double t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
           0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
  }
  if (y < 2050) {
    const double t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  const double u = (y - 1820) / 100;
  return -20 + 32 * u * u - 0.5628 * (2150 - y);
}

}  // namespace astronomy

namespace {

using astronomy::delta_t_seconds;
using astronomy::new_moon_jde;
using astronomy::sun_apparent_longitude;

constexpr double utc_offset_days = 7.0 / 24.0;  // Vietnam: UTC+7
constexpr double synodic_month = 29.530588853;
constexpr int first_solar_jdn = 2415021;  // 1900-01-01
constexpr int last_solar_jdn = 2488434;   // 2100-12-31
constexpr int first_lunar_year = lunar_min_year - 1;

double to_ut(double jde) noexcept {
  const double year = 2000.0 + (jde - 2451545.0) / 365.25;
  return jde - delta_t_seconds(year) / 86400.0;
}

double to_tt(double jd_ut) noexcept {
  const double year = 2000.0 + (jd_ut - 2451545.0) / 365.25;
  return jd_ut + delta_t_seconds(year) / 86400.0;
}

/// Julian day number of the local (UTC+7) civil day of new moon k.
int new_moon_day(int k) noexcept {
  return static_cast<int>(std::floor(to_ut(new_moon_jde(k)) + 0.5 + utc_offset_days));
}

/// The 30° sign (0..11) the sun is in at the local midnight that begins day `jdn`.
int sun_sign_at_start(int jdn) noexcept {
  const double jd_ut = jdn - 0.5 - utc_offset_days;
  return static_cast<int>(std::floor(sun_apparent_longitude(to_tt(jd_ut)) / 30.0)) % 12;
}

/// Index of the new moon that begins month 11 (the month containing the winter solstice) in
/// Gregorian year `year`.
int month11_index(int year) {
  const int dec31 = static_cast<int>(Date(static_cast<unsigned short>(year), 12, 31).julian_day());
  const int k0 = static_cast<int>(std::floor((dec31 - 2451550.1) / synodic_month));
  for (int k = k0 - 2; k <= k0 + 1; ++k) {
    if (sun_sign_at_start(new_moon_day(k)) <= 8 && sun_sign_at_start(new_moon_day(k + 1)) >= 9) {
      return k;
    }
  }
  throw std::logic_error("danvan: no month 11 found near the end of " + std::to_string(year));
}

struct Month {
  int start;  // Julian day number of day 1
  int year;
  int month;
  bool leap;
};

struct Table {
  std::vector<Month> months;  // consecutive; the last one is a sentinel (its start ends the
                              // month before it)
  std::vector<std::pair<int, int>> leap_months;  // (lunar year, month)
};

Table build_table() {
  Table table;
  int k_begin = month11_index(first_lunar_year - 1);
  for (int g = first_lunar_year; g <= lunar_max_year + 1; ++g) {
    const int k_end = month11_index(g);
    const int count = k_end - k_begin;  // 12 or 13 months from month 11 to month 11
    int leap_at = -1;
    if (count == 13) {
      for (int i = 1; i < count; ++i) {
        if (sun_sign_at_start(new_moon_day(k_begin + i)) ==
            sun_sign_at_start(new_moon_day(k_begin + i + 1))) {
          leap_at = i;
          break;
        }
      }
    }
    int number = 10;
    int year = g - 1;
    for (int i = 0; i < count; ++i) {
      const bool leap = i == leap_at;
      if (!leap) {
        number = number % 12 + 1;
        if (number == 1) year = g;
      }
      table.months.push_back(Month{new_moon_day(k_begin + i), year, number, leap});
      if (leap) table.leap_months.emplace_back(year, number);
    }
    k_begin = k_end;
  }
  table.months.push_back(Month{new_moon_day(k_begin), lunar_max_year + 1, 11, false});
  return table;
}

const Table& table() {
  static const Table t = build_table();
  return t;
}

std::string range_text() { return "1900-01-01..2100-12-31"; }

void check_lunar_year(int year) {
  if (year < first_lunar_year || year > lunar_max_year) {
    throw ValueError("lunar year " + std::to_string(year) + " is outside the supported range " +
                     std::to_string(first_lunar_year) + ".." + std::to_string(lunar_max_year));
  }
}

Date from_jdn(int jdn) { return Date(1970, 1, 1) + boost::gregorian::days(jdn - 2440588); }

/// The month (index into table().months) of a lunar month; throws ValueError.
std::size_t find_month(int year, int month, bool leap) {
  check_lunar_year(year);
  if (month < 1 || month > 12) {
    throw ValueError("lunar month " + std::to_string(month) + " is out of range 1..12");
  }
  const auto& months = table().months;
  const auto it = std::lower_bound(months.begin(), months.end() - 1, std::tuple(year, month, leap),
                                   [](const Month& m, const std::tuple<int, int, bool>& key) {
                                     return std::tuple(m.year, m.month, m.leap) < key;
                                   });
  if (it == months.end() - 1 || it->year != year || it->month != month || it->leap != leap) {
    throw ValueError("lunar year " + std::to_string(year) + " has no leap month " +
                     std::to_string(month));
  }
  return static_cast<std::size_t>(it - months.begin());
}

}  // namespace

std::strong_ordering operator<=>(const LunarDate& a, const LunarDate& b) noexcept {
  return std::tuple(a.year, a.month, a.leap, a.day) <=> std::tuple(b.year, b.month, b.leap, b.day);
}

std::string to_string(const LunarDate& date) {
  return std::to_string(date.day) + "/" + std::to_string(date.month) + (date.leap ? " nhuận" : "") +
         "/" + std::to_string(date.year);
}

LunarDate to_lunar(Date solar) {
  if (solar.is_special()) throw ValueError("cannot convert a special date to the lunar calendar");
  const int jdn = static_cast<int>(solar.julian_day());
  if (jdn < first_solar_jdn || jdn > last_solar_jdn) {
    throw ValueError(to_iso(solar) + " is outside the supported range " + range_text());
  }
  const auto& months = table().months;
  const auto it = std::upper_bound(months.begin(), months.end(), jdn,
                                   [](int day, const Month& m) { return day < m.start; }) -
                  1;
  return LunarDate{it->year, it->month, jdn - it->start + 1, it->leap};
}

Date from_lunar(const LunarDate& date) {
  const std::size_t i = find_month(date.year, date.month, date.leap);
  const auto& months = table().months;
  const int length = months[i + 1].start - months[i].start;
  if (date.day < 1 || date.day > 30) {
    throw ValueError("lunar day " + std::to_string(date.day) + " is out of range 1..30");
  }
  if (date.day > length) {
    throw ValueError("lunar date " + to_string(date) + " does not exist: the month has " +
                     std::to_string(length) + " days");
  }
  const int jdn = months[i].start + date.day - 1;
  if (jdn < first_solar_jdn || jdn > last_solar_jdn) {
    throw ValueError("lunar date " + to_string(date) + " falls on " + to_iso(from_jdn(jdn)) +
                     ", outside the supported range " + range_text());
  }
  return from_jdn(jdn);
}

std::optional<int> leap_month(int lunar_year) {
  check_lunar_year(lunar_year);
  for (const auto& [year, month] : table().leap_months) {
    if (year == lunar_year) return month;
  }
  return std::nullopt;
}

int lunar_month_length(int lunar_year, int month, bool leap) {
  const std::size_t i = find_month(lunar_year, month, leap);
  const auto& months = table().months;
  return months[i + 1].start - months[i].start;
}

Date lunar_new_year(int lunar_year) {
  if (lunar_year < lunar_min_year || lunar_year > lunar_max_year) {
    throw ValueError("lunar year " + std::to_string(lunar_year) +
                     " is outside the supported range " + std::to_string(lunar_min_year) + ".." +
                     std::to_string(lunar_max_year));
  }
  return from_lunar(LunarDate{lunar_year, 1, 1, false});
}

}  // namespace danvan
