// The Vietnamese lunar calendar: astronomy, known dates, leap months, round trips, bad input.
#include "danvan/lunar.hpp"

#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace {

using danvan::Date;
using danvan::from_lunar;
using danvan::LunarDate;
using danvan::to_lunar;

void expect_value_error(const std::function<void()>& f, const std::string& message) {
  try {
    f();
    ADD_FAILURE() << "no exception; expected: " << message;
  } catch (const danvan::ValueError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(Astronomy, NewMoonMatchesMeeusExample49a) {
  // Meeus, Astronomical Algorithms, example 49.a: the new moon of 1977 February.
  EXPECT_NEAR(danvan::astronomy::new_moon_jde(-283), 2443192.65118, 0.00001);
}

TEST(Astronomy, SunLongitudeMatchesMeeusExample25a) {
  // Example 25.a: 1992 October 13.0 TD, apparent longitude 199.90895° (low accuracy method).
  EXPECT_NEAR(danvan::astronomy::sun_apparent_longitude(2448908.5), 199.90895, 0.0001);
}

TEST(Astronomy, DeltaTIsNearObservedValues) {
  // Observed ΔT: about 63.8 s in 2000 and 69.4 s in 2020 (IERS); the polynomials extrapolate.
  EXPECT_NEAR(danvan::astronomy::delta_t_seconds(2000.0), 63.8, 0.5);
  EXPECT_NEAR(danvan::astronomy::delta_t_seconds(2020.0), 69.4, 3.0);
}

struct KnownDay {
  Date solar;
  LunarDate lunar;
};

class TetDates : public ::testing::TestWithParam<KnownDay> {};

TEST_P(TetDates, SolarToLunarAndBack) {
  const auto& [solar, lunar] = GetParam();
  EXPECT_EQ(to_lunar(solar), lunar) << danvan::to_iso(solar);
  EXPECT_EQ(from_lunar(lunar), solar) << danvan::to_string(lunar);
}

// Mùng 1 Tết. 2030: the new moon is at 16:07 UT on 2 February, 23:07 in Vietnam (UTC+7) but
// 00:07 on 3 February in China (UTC+8): Tết Canh Tuất is 2 February in Vietnam while the
// Chinese New Year is 3 February. 1985 and 2007 differ from China the same way.
INSTANTIATE_TEST_SUITE_P(
    Lunar, TetDates,
    ::testing::Values(
        KnownDay{Date(2020, 1, 25), {2020, 1, 1}}, KnownDay{Date(2021, 2, 12), {2021, 1, 1}},
        KnownDay{Date(2022, 2, 1), {2022, 1, 1}}, KnownDay{Date(2023, 1, 22), {2023, 1, 1}},
        KnownDay{Date(2024, 2, 10), {2024, 1, 1}}, KnownDay{Date(2025, 1, 29), {2025, 1, 1}},
        KnownDay{Date(2026, 2, 17), {2026, 1, 1}}, KnownDay{Date(2027, 2, 6), {2027, 1, 1}},
        KnownDay{Date(2028, 1, 26), {2028, 1, 1}}, KnownDay{Date(2029, 2, 13), {2029, 1, 1}},
        KnownDay{Date(2030, 2, 2), {2030, 1, 1}}, KnownDay{Date(1985, 1, 21), {1985, 1, 1}},
        KnownDay{Date(2007, 2, 17), {2007, 1, 1}}));

class HungKingsDates : public ::testing::TestWithParam<KnownDay> {};

TEST_P(HungKingsDates, SolarToLunarAndBack) {
  const auto& [solar, lunar] = GetParam();
  EXPECT_EQ(to_lunar(solar), lunar) << danvan::to_iso(solar);
  EXPECT_EQ(from_lunar(lunar), solar) << danvan::to_string(lunar);
}

// Giỗ Tổ Hùng Vương, 10/3 âm lịch (2023: after the leap second month).
INSTANTIATE_TEST_SUITE_P(Lunar, HungKingsDates,
                         ::testing::Values(KnownDay{Date(2020, 4, 2), {2020, 3, 10}},
                                           KnownDay{Date(2021, 4, 21), {2021, 3, 10}},
                                           KnownDay{Date(2022, 4, 10), {2022, 3, 10}},
                                           KnownDay{Date(2023, 4, 29), {2023, 3, 10}},
                                           KnownDay{Date(2024, 4, 18), {2024, 3, 10}},
                                           KnownDay{Date(2025, 4, 7), {2025, 3, 10}},
                                           KnownDay{Date(2026, 4, 26), {2026, 3, 10}}));

TEST(Lunar, LunarNewYearMatchesFirstDayOfFirstMonth) {
  EXPECT_EQ(danvan::lunar_new_year(2026), Date(2026, 2, 17));
  for (int y = danvan::lunar_min_year; y <= danvan::lunar_max_year; ++y) {
    const Date d = danvan::lunar_new_year(y);
    EXPECT_EQ(to_lunar(d), (LunarDate{y, 1, 1, false}));
    // Tết always falls between 21 January and 20 February.
    EXPECT_GE(d, Date(static_cast<unsigned short>(y), 1, 21)) << y;
    EXPECT_LE(d, Date(static_cast<unsigned short>(y), 2, 20)) << y;
  }
}

TEST(Lunar, LeapMonths) {
  EXPECT_EQ(danvan::leap_month(2001), 4);
  EXPECT_EQ(danvan::leap_month(2004), 2);
  EXPECT_EQ(danvan::leap_month(2006), 7);
  EXPECT_EQ(danvan::leap_month(2009), 5);
  EXPECT_EQ(danvan::leap_month(2012), 4);
  EXPECT_EQ(danvan::leap_month(2014), 9);
  EXPECT_EQ(danvan::leap_month(2017), 6);
  EXPECT_EQ(danvan::leap_month(2020), 4);
  EXPECT_EQ(danvan::leap_month(2023), 2);
  EXPECT_EQ(danvan::leap_month(2025), 6);
  EXPECT_EQ(danvan::leap_month(2028), 5);
  for (int y : {2018, 2019, 2021, 2022, 2024, 2026, 2027, 2029, 2030}) {
    EXPECT_EQ(danvan::leap_month(y), std::nullopt) << y;
  }
  // The leap month follows the month it repeats.
  EXPECT_EQ(to_lunar(Date(2020, 5, 23)), (LunarDate{2020, 4, 1, true}));
  EXPECT_EQ(to_lunar(Date(2020, 5, 22)), (LunarDate{2020, 4, 30, false}));
  EXPECT_EQ(to_lunar(Date(2023, 3, 22)), (LunarDate{2023, 2, 1, true}));
  EXPECT_EQ(to_lunar(Date(2025, 7, 25)), (LunarDate{2025, 6, 1, true}));
  EXPECT_EQ(danvan::to_string(LunarDate{2020, 4, 1, true}), "1/4 nhuận/2020");
  EXPECT_EQ(danvan::to_string(LunarDate{2020, 3, 10, false}), "10/3/2020");
}

TEST(Lunar, MonthLengths) {
  // Tết Ất Tỵ 2025 had no "30 Tết": the last month of lunar 2024 has 29 days.
  EXPECT_EQ(danvan::lunar_month_length(2024, 12), 29);
  EXPECT_EQ(to_lunar(Date(2025, 1, 28)), (LunarDate{2024, 12, 29, false}));
  EXPECT_EQ(danvan::lunar_month_length(2020, 4, true), 29);
  // Every lunar year has 12 or 13 months of 29 or 30 days: 353..355 or 383..385 days.
  for (int y = 2000; y < 2050; ++y) {
    const int days =
        static_cast<int>((danvan::lunar_new_year(y + 1) - danvan::lunar_new_year(y)).days());
    const bool leap = danvan::leap_month(y).has_value();
    EXPECT_GE(days, leap ? 383 : 353) << y;
    EXPECT_LE(days, leap ? 385 : 355) << y;
  }
}

TEST(Lunar, RoundTripEveryDay2000To2050) {
  LunarDate previous = to_lunar(Date(1999, 12, 31));
  int checked = 0;
  for (Date d(2000, 1, 1); d <= Date(2050, 12, 31); d += boost::gregorian::days(1)) {
    const LunarDate l = to_lunar(d);
    ASSERT_EQ(from_lunar(l), d) << danvan::to_iso(d);
    // Consecutive days: the next day of the month, or day 1 of the next month.
    if (l.day == 1) {
      ASSERT_GE(previous.day, 29) << danvan::to_iso(d);
      ASSERT_EQ(danvan::lunar_month_length(previous.year, previous.month, previous.leap),
                previous.day);
    } else {
      ASSERT_EQ(l.day, previous.day + 1) << danvan::to_iso(d);
      ASSERT_EQ(l.month, previous.month);
      ASSERT_EQ(l.leap, previous.leap);
    }
    previous = l;
    ++checked;
  }
  EXPECT_EQ(checked, 18628);
}

TEST(Lunar, RoundTripWholeSupportedRange) {
  for (Date d(1900, 1, 1); d <= Date(2100, 12, 31); d += boost::gregorian::days(1)) {
    ASSERT_EQ(from_lunar(to_lunar(d)), d) << danvan::to_iso(d);
  }
  EXPECT_EQ(to_lunar(Date(1900, 1, 1)), (LunarDate{1899, 12, 1, false}));
}

TEST(Lunar, Ordering) {
  EXPECT_LT((LunarDate{2020, 4, 30, false}), (LunarDate{2020, 4, 1, true}));
  EXPECT_LT((LunarDate{2020, 4, 29, true}), (LunarDate{2020, 5, 1, false}));
}

TEST(Lunar, BadInput) {
  expect_value_error([] { (void)to_lunar(Date(1899, 12, 31)); },
                     "1899-12-31 is outside the supported range 1900-01-01..2100-12-31");
  expect_value_error([] { (void)to_lunar(Date(2101, 1, 1)); },
                     "2101-01-01 is outside the supported range 1900-01-01..2100-12-31");
  expect_value_error([] { (void)to_lunar(Date(boost::date_time::not_a_date_time)); },
                     "cannot convert a special date to the lunar calendar");
  expect_value_error(
      [] {
        (void)from_lunar({2020, 13, 1});
      },
      "lunar month 13 is out of range 1..12");
  expect_value_error([] { (void)from_lunar({2020, 0, 1}); }, "lunar month 0 is out of range 1..12");
  expect_value_error([] { (void)from_lunar({2020, 1, 31}); }, "lunar day 31 is out of range 1..30");
  expect_value_error([] { (void)from_lunar({2020, 1, 0}); }, "lunar day 0 is out of range 1..30");
  expect_value_error([] { (void)from_lunar({2020, 1, -5}); }, "lunar day -5 is out of range 1..30");
  expect_value_error(
      [] {
        (void)from_lunar({2024, 12, 30});
      },
      "lunar date 30/12/2024 does not exist: the month has 29 days");
  expect_value_error(
      [] {
        (void)from_lunar({2020, 5, 1, true});
      },
      "lunar year 2020 has no leap month 5");
  expect_value_error(
      [] {
        (void)from_lunar({2021, 4, 1, true});
      },
      "lunar year 2021 has no leap month 4");
  expect_value_error(
      [] {
        (void)from_lunar({1800, 1, 1});
      },
      "lunar year 1800 is outside the supported range 1899..2100");
  expect_value_error(
      [] {
        (void)from_lunar({2101, 1, 1});
      },
      "lunar year 2101 is outside the supported range 1899..2100");
  expect_value_error(
      [] {
        (void)from_lunar({1899, 11, 1});
      },
      "lunar date 1/11/1899 falls on 1899-12-03, outside the supported range "
      "1900-01-01..2100-12-31");
  expect_value_error([] { (void)danvan::leap_month(2101); },
                     "lunar year 2101 is outside the supported range 1899..2100");
  expect_value_error([] { (void)danvan::lunar_new_year(1899); },
                     "lunar year 1899 is outside the supported range 1900..2100");
  expect_value_error([] { (void)danvan::lunar_month_length(2020, 14); },
                     "lunar month 14 is out of range 1..12");
}

}  // namespace
