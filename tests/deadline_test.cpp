// Deadline arithmetic: Civil Code counting, roll-forward, working days, complaint and
// denunciation limits, bad input.
#include "danvan/deadline.hpp"

#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace {

using boost::gregorian::days;
using danvan::Calendar;
using danvan::ComplaintRound;
using danvan::Date;

void expect_value_error(const std::function<void()>& f, const std::string& message) {
  try {
    f();
    ADD_FAILURE() << "no exception; expected: " << message;
  } catch (const danvan::ValueError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

class Deadlines : public ::testing::Test {
 protected:
  Calendar vn = Calendar::vietnam();
};

TEST_F(Deadlines, CalendarDaysStartTheDayAfter) {
  // 4 days after Friday 1/3/2024 is Tuesday 5/3: no roll-forward.
  EXPECT_EQ(danvan::add_calendar_days(vn, Date(2024, 3, 1), 4), Date(2024, 3, 5));
  // Holidays inside the period count as days: 1/2 + 14 = Thursday 15/2, after Tết.
  EXPECT_EQ(danvan::add_calendar_days(vn, Date(2024, 2, 1), 14), Date(2024, 2, 15));
}

TEST_F(Deadlines, RollForwardOverWeekend) {
  EXPECT_EQ(danvan::add_calendar_days(vn, Date(2024, 3, 1), 1), Date(2024, 3, 4));  // Sat → Mon
  EXPECT_EQ(danvan::add_calendar_days(vn, Date(2024, 3, 1), 2), Date(2024, 3, 4));  // Sun → Mon
  EXPECT_EQ(danvan::add_calendar_days(vn, Date(2024, 3, 1), 0), Date(2024, 3, 1));
  EXPECT_EQ(danvan::add_calendar_days(vn, Date(2024, 3, 2), 0), Date(2024, 3, 4));
}

TEST_F(Deadlines, RollForwardOverTet) {
  // 10/1/2024 + 30 = Friday 9/2, in Tết (8–14/2/2024): the deadline is Thursday 15/2.
  EXPECT_EQ(danvan::add_calendar_days(vn, Date(2024, 1, 10), 30), Date(2024, 2, 15));
  // 2026 by the default rule: Tết 16–20/2 (Mon–Fri), then the weekend: Monday 23/2.
  EXPECT_EQ(danvan::add_calendar_days(vn, Date(2026, 1, 17), 30), Date(2026, 2, 23));
  // Over 30/4–1/5 and a compensatory day: 2022-04-01 + 29 = Saturday 30/4 → Wednesday 4/5.
  EXPECT_EQ(danvan::add_calendar_days(vn, Date(2022, 4, 1), 29), Date(2022, 5, 4));
}

TEST_F(Deadlines, NextWorkingDay) {
  EXPECT_EQ(danvan::next_working_day(vn, Date(2024, 2, 8)), Date(2024, 2, 15));
  EXPECT_EQ(danvan::next_working_day(vn, Date(2024, 2, 15)), Date(2024, 2, 15));
  EXPECT_EQ(danvan::next_working_day(vn, Date(2023, 9, 1)), Date(2023, 9, 5));
}

TEST_F(Deadlines, WorkingDays) {
  // Wednesday 7/2/2024, the day before Tết: the next working day is 15/2.
  EXPECT_EQ(danvan::add_working_days(vn, Date(2024, 2, 7), 1), Date(2024, 2, 15));
  EXPECT_EQ(danvan::add_working_days(vn, Date(2024, 2, 7), 5), Date(2024, 2, 21));
  // From a day off: counting starts after it.
  EXPECT_EQ(danvan::add_working_days(vn, Date(2024, 2, 10), 1), Date(2024, 2, 15));
  EXPECT_EQ(danvan::add_working_days(vn, Date(2024, 2, 10), 0), Date(2024, 2, 15));
  EXPECT_EQ(danvan::add_working_days(vn, Date(2024, 2, 16), 0), Date(2024, 2, 16));
  // February 2024 after the 1st: 20 weekdays, 5 of them in Tết.
  EXPECT_EQ(danvan::count_working_days(vn, Date(2024, 2, 1), Date(2024, 2, 29)), 15);
  EXPECT_EQ(danvan::count_working_days(vn, Date(2024, 2, 29), Date(2024, 2, 1)), 0);
  EXPECT_EQ(danvan::count_working_days(vn, Date(2024, 2, 1), Date(2024, 2, 1)), 0);
  EXPECT_EQ(danvan::add_days(vn, Date(2024, 2, 7), 5, danvan::DayCounting::working_days),
            Date(2024, 2, 21));
  EXPECT_EQ(danvan::add_days(vn, Date(2024, 2, 7), 5, danvan::DayCounting::calendar_days),
            Date(2024, 2, 15));
}

TEST_F(Deadlines, WorkingDayCountAgreesWithAdding) {
  for (Date event(2023, 1, 1); event < Date(2024, 1, 1); event += days(7)) {
    for (int n = 1; n <= 60; n += 7) {
      const Date due = danvan::add_working_days(vn, event, n);
      ASSERT_TRUE(vn.is_working_day(due));
      ASSERT_EQ(danvan::count_working_days(vn, event, due), n) << danvan::to_iso(event) << n;
      const Date calendar_due = danvan::add_calendar_days(vn, event, n);
      ASSERT_TRUE(vn.is_working_day(calendar_due));
      ASSERT_GE(calendar_due, event + days(n));
      // Nothing between the nominal day and the deadline is a working day.
      for (Date d = event + days(n); d < calendar_due; d += days(1)) {
        ASSERT_FALSE(vn.is_working_day(d));
      }
    }
  }
}

TEST_F(Deadlines, ComplaintLimits) {
  const Date accepted(2024, 3, 1);  // a Friday
  using R = ComplaintRound;
  // First round: 30 days → Sunday 31/3 → Monday 1/4; complex 45 → Monday 15/4.
  EXPECT_EQ(danvan::complaint_deadline(vn, accepted), Date(2024, 4, 1));
  EXPECT_EQ(danvan::complaint_deadline(vn, accepted, R::first, true), Date(2024, 4, 15));
  // Remote areas: 45, complex 60 → Tuesday 30/4 (holiday), 1/5 (holiday) → Thursday 2/5.
  EXPECT_EQ(danvan::complaint_deadline(vn, accepted, R::first, false, true), Date(2024, 4, 15));
  EXPECT_EQ(danvan::complaint_deadline(vn, accepted, R::first, true, true), Date(2024, 5, 2));
  // Second round: 45 / 60; remote 60 / 70.
  EXPECT_EQ(danvan::complaint_deadline(vn, accepted, R::second), Date(2024, 4, 15));
  EXPECT_EQ(danvan::complaint_deadline(vn, accepted, R::second, true), Date(2024, 5, 2));
  EXPECT_EQ(danvan::complaint_deadline(vn, accepted, R::second, false, true), Date(2024, 5, 2));
  EXPECT_EQ(danvan::complaint_deadline(vn, accepted, R::second, true, true), Date(2024, 5, 10));
  const auto& rules = vn.deadline_rules();
  EXPECT_EQ(danvan::complaint_limit_days(rules, R::first, false, false), 30);
  EXPECT_EQ(danvan::complaint_limit_days(rules, R::first, true, false), 45);
  EXPECT_EQ(danvan::complaint_limit_days(rules, R::first, false, true), 45);
  EXPECT_EQ(danvan::complaint_limit_days(rules, R::first, true, true), 60);
  EXPECT_EQ(danvan::complaint_limit_days(rules, R::second, true, true), 70);
  EXPECT_EQ(danvan::parse_complaint_round("second"), R::second);
  EXPECT_EQ(danvan::to_string(R::first), "first");
}

TEST_F(Deadlines, DenunciationLimits) {
  const Date accepted(2024, 3, 1);
  EXPECT_EQ(danvan::denunciation_deadline(vn, accepted), Date(2024, 4, 1));
  EXPECT_EQ(danvan::denunciation_deadline(vn, accepted, 1), Date(2024, 5, 2));
  EXPECT_EQ(danvan::denunciation_deadline(vn, accepted, 2), Date(2024, 5, 30));
  EXPECT_EQ(danvan::denunciation_limit_days(vn.deadline_rules(), 2), 90);
  expect_value_error([&] { (void)danvan::denunciation_deadline(vn, accepted, 3); },
                     "3 extensions is out of range 0..2");
  expect_value_error([&] { (void)danvan::denunciation_deadline(vn, accepted, -1); },
                     "-1 extensions is out of range 0..2");
}

TEST_F(Deadlines, ProvinceRules) {
  // A province counting in working days with its own limits.
  danvan::DeadlineRules rules;
  rules.counting = danvan::DayCounting::working_days;
  rules.complaint_first = {20, 30, 30, 40};
  rules.denunciation_days = 25;
  rules.denunciation_max_extensions = 1;
  const Calendar province(vn.name(), vn.source(), vn.first_year(), vn.last_year(), vn.weekend(),
                          vn.rules(), vn.compensatory(), vn.years(), rules);
  // 20 working days after Wednesday 7/2/2024: 15/2 is the first.
  EXPECT_EQ(danvan::complaint_deadline(province, Date(2024, 2, 7)), Date(2024, 3, 13));
  EXPECT_EQ(danvan::denunciation_deadline(province, Date(2024, 2, 7)),
            danvan::add_working_days(vn, Date(2024, 2, 7), 25));
  expect_value_error([&] { (void)danvan::denunciation_deadline(province, Date(2024, 2, 7), 2); },
                     "2 extensions is out of range 0..1");
}

TEST_F(Deadlines, BadInput) {
  expect_value_error([&] { (void)danvan::add_calendar_days(vn, Date(2024, 3, 1), -1); },
                     "day count -1 is out of range 0..36500");
  expect_value_error([&] { (void)danvan::add_working_days(vn, Date(2024, 3, 1), -5); },
                     "day count -5 is out of range 0..36500");
  expect_value_error([&] { (void)danvan::add_calendar_days(vn, Date(2024, 3, 1), 36501); },
                     "day count 36501 is out of range 0..36500");
  expect_value_error([&] { (void)danvan::add_calendar_days(vn, Date(2100, 12, 31), 1); },
                     "year 2101 is outside the years of calendar \"Việt Nam\" (2013..2100)");
  expect_value_error([&] { (void)danvan::add_working_days(vn, Date(2012, 12, 30), 0); },
                     "year 2012 is outside the years of calendar \"Việt Nam\" (2013..2100)");
  // The event may lie before the calendar's years as long as the days counted do not.
  EXPECT_EQ(danvan::add_working_days(vn, Date(2012, 12, 31), 1), Date(2013, 1, 2));
  expect_value_error(
      [&] { (void)danvan::add_calendar_days(vn, Date(boost::date_time::not_a_date_time), 1); },
      "a special date is not a calendar day");
  expect_value_error([] { (void)danvan::parse_complaint_round("third"); },
                     "unknown complaint round \"third\"; expected one of first, second");
}

}  // namespace
