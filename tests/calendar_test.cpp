// The holiday calendar: known holidays 2020–2030, compensatory days, decisions, JSON.
#include "danvan/calendar.hpp"

#include "danvan/deadline.hpp"
#include "danvan/error.hpp"
#include "danvan/json.hpp"
#include "danvan/lunar.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

namespace {

using boost::gregorian::days;
using danvan::Calendar;
using danvan::Date;
using danvan::DayOff;
using danvan::DayOffKind;
using danvan::Json;
using danvan::JsonDocumentError;

const std::string calendar_path = std::string(DANVAN_SOURCE_DIR) + "/data/calendar/vietnam.json";

Date ymd(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
              static_cast<unsigned short>(d));
}

/// The days a rule gives in a year.
std::vector<Date> rule_days(const Calendar& c, int year, const std::string& rule) {
  std::vector<Date> out;
  for (const DayOff& d : c.days_off(year)) {
    if (d.rule_id == rule && d.kind == DayOffKind::holiday) out.push_back(d.date);
  }
  return out;
}

std::vector<Date> span(Date first, Date last) {
  std::vector<Date> out;
  for (Date d = first; d <= last; d += days(1)) out.push_back(d);
  return out;
}

// Mùng 1 Tết (see lunar_test.cpp for 2030) and Giỗ Tổ Hùng Vương, known dates.
const std::map<int, Date> tet = {
    {2020, ymd(2020, 1, 25)}, {2021, ymd(2021, 2, 12)}, {2022, ymd(2022, 2, 1)},
    {2023, ymd(2023, 1, 22)}, {2024, ymd(2024, 2, 10)}, {2025, ymd(2025, 1, 29)},
    {2026, ymd(2026, 2, 17)}, {2027, ymd(2027, 2, 6)},  {2028, ymd(2028, 1, 26)},
    {2029, ymd(2029, 2, 13)}, {2030, ymd(2030, 2, 2)}};
const std::map<int, Date> hung_kings = {{2020, ymd(2020, 4, 2)},  {2021, ymd(2021, 4, 21)},
                                        {2022, ymd(2022, 4, 10)}, {2023, ymd(2023, 4, 29)},
                                        {2024, ymd(2024, 4, 18)}, {2025, ymd(2025, 4, 7)},
                                        {2026, ymd(2026, 4, 26)}};
// The day beside 2/9 as decided, 2021–2025.
const std::map<int, Date> national_day_adjacent = {{2021, ymd(2021, 9, 3)},
                                                   {2022, ymd(2022, 9, 1)},
                                                   {2023, ymd(2023, 9, 1)},
                                                   {2024, ymd(2024, 9, 3)},
                                                   {2025, ymd(2025, 9, 1)}};
// 2026 (Thông báo 9441/TB-BNV): the day before, although the rule picks the day after.
const Date national_day_adjacent_2026 = ymd(2026, 9, 1);

TEST(Calendar, FixedHolidays2020To2030) {
  const Calendar c = Calendar::vietnam();
  for (int y = 2020; y <= 2030; ++y) {
    EXPECT_EQ(rule_days(c, y, "new-year"), std::vector<Date>{ymd(y, 1, 1)}) << y;
    EXPECT_EQ(rule_days(c, y, "victory"), std::vector<Date>{ymd(y, 4, 30)}) << y;
    EXPECT_EQ(rule_days(c, y, "labour"), std::vector<Date>{ymd(y, 5, 1)}) << y;
    EXPECT_EQ(rule_days(c, y, "national-day"), std::vector<Date>{ymd(y, 9, 2)}) << y;
    EXPECT_EQ(c.day_off(ymd(y, 9, 2))->name, "Quốc khánh");
    EXPECT_EQ(c.day_off(ymd(y, 4, 30))->name, "Ngày Chiến thắng");
    EXPECT_FALSE(c.is_working_day(ymd(y, 5, 1)));
    const auto adjacent = rule_days(c, y, "national-day-adjacent");
    if (y < 2021) {
      EXPECT_TRUE(adjacent.empty()) << y;  // one day for 2/9 before Bộ luật Lao động 2019
    } else if (national_day_adjacent.contains(y)) {
      EXPECT_EQ(adjacent, std::vector<Date>{national_day_adjacent.at(y)}) << y;
    } else if (y == 2026) {
      EXPECT_EQ(adjacent, std::vector<Date>{national_day_adjacent_2026});
    } else {
      ASSERT_EQ(adjacent.size(), 1U) << y;
      EXPECT_TRUE(adjacent[0] == ymd(y, 9, 1) || adjacent[0] == ymd(y, 9, 3)) << y;
      EXPECT_FALSE(c.is_weekend(adjacent[0])) << y;
    }
  }
}

TEST(Calendar, AdjacentRuleReproducesTheDecisions2021To2025) {
  // The rule alone (without the years' decisions) picks the same day as the government did.
  const Calendar v = Calendar::vietnam();
  const Calendar rules_only(v.name(), v.source(), v.first_year(), v.last_year(), v.weekend(),
                            v.rules(), v.compensatory(), {});
  for (const auto& [year, day] : national_day_adjacent) {
    EXPECT_EQ(rule_days(rules_only, year, "national-day-adjacent"), std::vector<Date>{day}) << year;
  }
  // 2/9/2026 is a Wednesday: the rule picks Thursday 3/9, the decision Tuesday 1/9 (joined to
  // the weekend by the swap of Monday 31/8), so 2026 needs its record.
  EXPECT_EQ(rule_days(rules_only, 2026, "national-day-adjacent"),
            std::vector<Date>{ymd(2026, 9, 3)});
  EXPECT_EQ(rule_days(v, 2026, "national-day-adjacent"),
            std::vector<Date>{national_day_adjacent_2026});
}

// The days of Tết as decided (Tết days and their nghỉ bù; see data/calendar/README.md).
const std::map<int, std::vector<Date>> decided_tet = {
    {2020, span(ymd(2020, 1, 23), ymd(2020, 1, 29))},  // Thông báo 4544/TB-LĐTBXH
    {2021, span(ymd(2021, 2, 10), ymd(2021, 2, 16))},  // Thông báo 4875/TB-LĐTBXH
    {2022, span(ymd(2022, 1, 31), ymd(2022, 2, 4))},   // 245/VPCP-KGVX
    {2023, span(ymd(2023, 1, 20), ymd(2023, 1, 26))},  // 8056/VPCP-KGVX
    {2024, span(ymd(2024, 2, 8), ymd(2024, 2, 14))},   // 8662/VPCP-KGVX
    {2025, span(ymd(2025, 1, 27), ymd(2025, 1, 31))},  // 8726/VPCP-KGVX
    {2026, span(ymd(2026, 2, 16), ymd(2026, 2, 20))},  // Thông báo 9441/TB-BNV
};

TEST(Calendar, LunarHolidays2020To2030) {
  const Calendar c = Calendar::vietnam();
  const Calendar rules_only(c.name(), c.source(), c.first_year(), c.last_year(), c.weekend(),
                            c.rules(), c.compensatory(), {});
  for (const auto& [year, first] : tet) {
    // The rule: the last day of the lunar year and mùng 1 to mùng 4.
    EXPECT_EQ(rule_days(rules_only, year, "tet"), span(first - days(1), first + days(3))) << year;
    EXPECT_EQ(danvan::to_lunar(first - days(1)).month, 12);
    const auto decided = decided_tet.find(year);
    EXPECT_EQ(rule_days(c, year, "tet"), decided == decided_tet.end()
                                             ? span(first - days(1), first + days(3))
                                             : decided->second)
        << year;
  }
  for (const auto& [year, day] : hung_kings) {
    EXPECT_EQ(rule_days(c, year, "hung-kings"), std::vector<Date>{day}) << year;
  }
  for (int y = 2027; y <= 2030; ++y) {
    EXPECT_EQ(rule_days(c, y, "hung-kings"),
              std::vector<Date>{danvan::from_lunar(danvan::LunarDate{y, 3, 10})});
  }
}

TEST(Calendar, Year2023AsPublished) {
  // The 2023 schedule: 1/1 on a Sunday (off 2/1), Tết 20–26/1, 29/4 to 3/5, 1/9 to 4/9.
  const Calendar c = Calendar::vietnam();
  std::vector<std::pair<std::string, std::string>> got;
  for (const DayOff& d : c.days_off(2023)) {
    got.emplace_back(danvan::to_iso(d.date), std::string(to_string(d.kind)) + " " + d.name);
  }
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"2023-01-01", "holiday Tết Dương lịch"},
      {"2023-01-02", "compensatory Nghỉ bù Tết Dương lịch"},
      {"2023-01-20", "holiday Tết Nguyên đán"},
      {"2023-01-21", "holiday Tết Nguyên đán"},
      {"2023-01-22", "holiday Tết Nguyên đán"},
      {"2023-01-23", "holiday Tết Nguyên đán"},
      {"2023-01-24", "holiday Tết Nguyên đán"},
      {"2023-01-25", "holiday Tết Nguyên đán"},
      {"2023-01-26", "holiday Tết Nguyên đán"},
      {"2023-04-29", "holiday Giỗ Tổ Hùng Vương"},
      {"2023-04-30", "holiday Ngày Chiến thắng"},
      {"2023-05-01", "holiday Ngày Quốc tế Lao động"},
      {"2023-05-02", "compensatory Nghỉ bù Giỗ Tổ Hùng Vương"},
      {"2023-05-03", "compensatory Nghỉ bù Ngày Chiến thắng"},
      {"2023-09-01", "holiday Quốc khánh (ngày liền kề)"},
      {"2023-09-02", "holiday Quốc khánh"},
      {"2023-09-04", "compensatory Nghỉ bù Quốc khánh"},
  };
  EXPECT_EQ(got, expected);
}

/// The days off of a year as "YYYY-MM-DD kind name".
std::vector<std::string> listing(const Calendar& c, int year) {
  std::vector<std::string> out;
  for (const DayOff& d : c.days_off(year)) {
    out.push_back(danvan::to_iso(d.date) + " " + std::string(to_string(d.kind)) + " " + d.name);
  }
  return out;
}

TEST(Calendar, Year2025AsPublished) {
  // Tết 27–31/1 (8726/VPCP-KGVX); 30/4 to 4/5 with Friday 2/5 off and Saturday 26/4 worked;
  // 2/9 and Monday 1/9.
  const Calendar c = Calendar::vietnam();
  const std::vector<std::string> expected = {
      "2025-01-01 holiday Tết Dương lịch",
      "2025-01-27 holiday Tết Nguyên đán",
      "2025-01-28 holiday Tết Nguyên đán",
      "2025-01-29 holiday Tết Nguyên đán",
      "2025-01-30 holiday Tết Nguyên đán",
      "2025-01-31 holiday Tết Nguyên đán",
      "2025-04-07 holiday Giỗ Tổ Hùng Vương",
      "2025-04-30 holiday Ngày Chiến thắng",
      "2025-05-01 holiday Ngày Quốc tế Lao động",
      "2025-05-02 extra Nghỉ hoán đổi dịp 30/4 và 1/5",
      "2025-09-01 holiday Quốc khánh (ngày liền kề)",
      "2025-09-02 holiday Quốc khánh",
  };
  EXPECT_EQ(listing(c, 2025), expected);
  EXPECT_TRUE(c.is_working_day(ymd(2025, 4, 26)));  // the Saturday worked (làm bù)
  EXPECT_FALSE(c.is_working_day(ymd(2025, 4, 27)));
  EXPECT_FALSE(c.is_working_day(ymd(2025, 5, 2)));
  // The rule alone would give 28/1 to 1/2 (a Saturday) and a compensatory Monday 3/2.
  EXPECT_TRUE(c.is_working_day(ymd(2025, 2, 3)));
  EXPECT_FALSE(c.is_working_day(ymd(2025, 1, 27)));
}

TEST(Calendar, Year2026AsPublished) {
  // 1/1 and Friday 2/1 off, Saturday 10/1 worked (12729/VPCP-KGVX); Tết 16–20/2, 2/9 and the
  // day before, Monday 31/8 off and Saturday 22/8 worked (Thông báo 9441/TB-BNV).
  const Calendar c = Calendar::vietnam();
  const std::vector<std::string> expected = {
      "2026-01-01 holiday Tết Dương lịch",
      "2026-01-02 extra Nghỉ hoán đổi dịp Tết Dương lịch",
      "2026-02-16 holiday Tết Nguyên đán",
      "2026-02-17 holiday Tết Nguyên đán",
      "2026-02-18 holiday Tết Nguyên đán",
      "2026-02-19 holiday Tết Nguyên đán",
      "2026-02-20 holiday Tết Nguyên đán",
      "2026-04-26 holiday Giỗ Tổ Hùng Vương",
      "2026-04-27 compensatory Nghỉ bù Giỗ Tổ Hùng Vương",
      "2026-04-30 holiday Ngày Chiến thắng",
      "2026-05-01 holiday Ngày Quốc tế Lao động",
      "2026-08-31 extra Nghỉ hoán đổi dịp Quốc khánh",
      "2026-09-01 holiday Quốc khánh (ngày liền kề)",
      "2026-09-02 holiday Quốc khánh",
  };
  EXPECT_EQ(listing(c, 2026), expected);
  for (const Date worked : {ymd(2026, 1, 10), ymd(2026, 8, 22)}) {
    EXPECT_TRUE(c.is_weekend(worked));
    EXPECT_TRUE(c.is_working_day(worked)) << danvan::to_iso(worked);
  }
  EXPECT_FALSE(c.is_working_day(ymd(2026, 1, 17)));  // an ordinary Saturday
  EXPECT_TRUE(c.is_working_day(ymd(2026, 9, 3)));
}

TEST(Calendar, DecidedSwapsAndTetOf2019To2024) {
  const Calendar c = Calendar::vietnam();
  // 30/4–1/5 of 2019 and 2024: Monday 29/4 off, Saturday 4/5 worked.
  for (const int y : {2019, 2024}) {
    const auto off = c.day_off(ymd(y, 4, 29));
    ASSERT_TRUE(off.has_value()) << y;
    EXPECT_EQ(off->kind, DayOffKind::extra);
    EXPECT_EQ(off->name, "Nghỉ hoán đổi dịp 30/4 và 1/5");
    EXPECT_TRUE(c.is_working_day(ymd(y, 5, 4))) << y;
    EXPECT_TRUE(c.is_weekend(ymd(y, 5, 4))) << y;
  }
  // Tết 2020 and 2021: 7 days as decided, no compensatory day after them.
  for (const int y : {2020, 2021}) {
    for (const DayOff& d : c.days_off(y)) {
      if (d.rule_id == "tet") {
        EXPECT_EQ(d.kind, DayOffKind::holiday) << danvan::to_iso(d.date);
      }
    }
  }
  EXPECT_TRUE(c.is_working_day(ymd(2020, 1, 30)));
  EXPECT_FALSE(c.is_working_day(ymd(2020, 1, 23)));
  EXPECT_TRUE(c.is_working_day(ymd(2021, 2, 17)));
  EXPECT_FALSE(c.is_working_day(ymd(2021, 2, 10)));
  // The years with no decision recorded keep the rules: 2023's 30/4 is the compensatory days.
  EXPECT_EQ(c.day_off(ymd(2023, 5, 3))->kind, DayOffKind::compensatory);
  // Every recorded year names its source.
  ASSERT_EQ(c.years().size(), 8U);
  for (const auto& y : c.years()) EXPECT_FALSE(y.source.empty()) << y.year;
}

TEST(Calendar, DeadlinesRollOverTheDecidedDays) {
  const Calendar c = Calendar::vietnam();
  using danvan::add_calendar_days;
  using danvan::add_working_days;
  // A complaint accepted on 28/12/2024: 30 days end on Monday 27/1/2025, the first day of Tết
  // 2025 (27–31/1, then the weekend): the deadline is Monday 3/2. The rule alone would have
  // left 27/1 a working day.
  EXPECT_EQ(danvan::complaint_deadline(c, ymd(2024, 12, 28)), ymd(2025, 2, 3));
  EXPECT_EQ(danvan::complaint_deadline(c, ymd(2024, 12, 29)), ymd(2025, 2, 3));
  const Calendar rules_only(c.name(), c.source(), c.first_year(), c.last_year(), c.weekend(),
                            c.rules(), c.compensatory(), {});
  EXPECT_EQ(danvan::complaint_deadline(rules_only, ymd(2024, 12, 28)), ymd(2025, 1, 27));
  EXPECT_EQ(danvan::complaint_deadline(rules_only, ymd(2024, 12, 29)), ymd(2025, 2, 4));
  // Tết 2020 (23–29/1) and 2021 (10–16/2).
  EXPECT_EQ(add_calendar_days(c, ymd(2019, 12, 24), 30), ymd(2020, 1, 30));
  EXPECT_EQ(add_calendar_days(c, ymd(2021, 1, 11), 30), ymd(2021, 2, 17));
  // Swapped days off: Friday 2/1/2026, Monday 31/8/2026 (then 1/9 and 2/9).
  EXPECT_EQ(add_calendar_days(c, ymd(2025, 12, 3), 30), ymd(2026, 1, 5));
  EXPECT_EQ(add_calendar_days(c, ymd(2026, 8, 1), 30), ymd(2026, 9, 3));
  // A limit ending on a Saturday worked (làm bù) ends that day: it is a working day.
  EXPECT_EQ(add_calendar_days(c, ymd(2025, 4, 16), 10), ymd(2025, 4, 26));
  EXPECT_EQ(add_calendar_days(rules_only, ymd(2025, 4, 16), 10), ymd(2025, 4, 28));
}

TEST(Calendar, WorkingDayCountsFollowTheSwaps) {
  const Calendar c = Calendar::vietnam();
  // "N working days" count a Saturday worked and skip the weekday taken off.
  EXPECT_EQ(danvan::add_working_days(c, ymd(2025, 4, 25), 1), ymd(2025, 4, 26));
  EXPECT_EQ(danvan::add_working_days(c, ymd(2025, 4, 29), 1), ymd(2025, 5, 5));
  EXPECT_EQ(danvan::add_working_days(c, ymd(2026, 8, 21), 1), ymd(2026, 8, 22));
  EXPECT_EQ(danvan::add_working_days(c, ymd(2026, 8, 28), 1), ymd(2026, 9, 3));
  EXPECT_EQ(danvan::add_working_days(c, ymd(2026, 1, 9), 1), ymd(2026, 1, 10));
  // 21/4–4/5/2025: 7 weekdays, less 30/4, 1/5 and 2/5, plus Saturday 26/4 = 8 working days.
  EXPECT_EQ(danvan::count_working_days(c, ymd(2025, 4, 20), ymd(2025, 5, 4)), 8);
  // 1–11/1/2026: 5/1–9/1 and Saturday 10/1.
  EXPECT_EQ(danvan::count_working_days(c, ymd(2025, 12, 31), ymd(2026, 1, 11)), 6);
  // Adding and counting agree across every recorded year.
  for (Date event = ymd(2019, 1, 1); event < ymd(2026, 12, 1); event += days(5)) {
    for (const int n : {1, 4, 9, 22}) {
      const Date due = danvan::add_working_days(c, event, n);
      ASSERT_TRUE(c.is_working_day(due)) << danvan::to_iso(event);
      ASSERT_EQ(danvan::count_working_days(c, event, due), n) << danvan::to_iso(event) << " " << n;
    }
  }
}

TEST(Calendar, CompensatoryDays2022) {
  const Calendar c = Calendar::vietnam();
  EXPECT_EQ(c.day_off(ymd(2022, 1, 3))->kind, DayOffKind::compensatory);      // 1/1 a Saturday
  EXPECT_EQ(c.day_off(ymd(2022, 4, 11))->name, "Nghỉ bù Giỗ Tổ Hùng Vương");  // 10/4 a Sunday
  EXPECT_EQ(c.day_off(ymd(2022, 5, 2))->name, "Nghỉ bù Ngày Chiến thắng");
  EXPECT_EQ(c.day_off(ymd(2022, 5, 3))->name, "Nghỉ bù Ngày Quốc tế Lao động");
  EXPECT_TRUE(c.is_working_day(ymd(2022, 5, 4)));
  EXPECT_EQ(c.day_off(ymd(2022, 1, 4)), std::nullopt);
  // Weekend days are not days off of their own.
  EXPECT_EQ(c.day_off(ymd(2022, 1, 8)), std::nullopt);
  EXPECT_FALSE(c.is_working_day(ymd(2022, 1, 8)));
  EXPECT_TRUE(c.is_weekend(ymd(2022, 1, 9)));
}

TEST(Calendar, WithoutCompensation) {
  const Calendar v = Calendar::vietnam();
  const Calendar c(v.name(), v.source(), v.first_year(), v.last_year(), v.weekend(), v.rules(),
                   false, v.years());
  EXPECT_TRUE(c.is_working_day(ymd(2022, 1, 3)));
  for (const DayOff& d : c.days_off(2022)) EXPECT_EQ(d.kind, DayOffKind::holiday);
}

Json small_calendar() {
  return danvan::parse_json(R"({
    "schema": "danvan/calendar", "version": 1, "name": "Thử", "source": null,
    "first_year": 2024, "last_year": 2026, "weekend": ["saturday", "sunday"],
    "compensatory": true,
    "rules": [
      {"id": "labour", "name": "Ngày Quốc tế Lao động", "basis": "solar", "month": 5, "day": 1},
      {"id": "tet", "name": "Tết Nguyên đán", "basis": "lunar", "month": 1, "day": 1,
       "first_offset": -1, "last_offset": 3, "adjacent": false, "from_year": 2024, "to_year": null}
    ],
    "years": [
      {"year": 2025, "rule_days": {}, "extra_days_off": [{"date": "2025-05-02", "name": "Nghỉ hoán đổi"}],
       "working_days": ["2025-04-26"], "source": "thử"}
    ],
    "deadline_rules": {
      "counting": "working_days",
      "complaint_first": {"normal": 20, "complex": 30, "remote": 30, "remote_complex": 40},
      "complaint_second": {"normal": 30, "complex": 40, "remote": 40, "remote_complex": 50},
      "denunciation_days": 25, "denunciation_extension_days": 20, "denunciation_max_extensions": 1
    }
  })");
}

TEST(Calendar, SwapsFromADocument) {
  const Calendar c = danvan::calendar_from_json_text(small_calendar().dump());
  EXPECT_TRUE(c.is_working_day(ymd(2025, 4, 26)));  // a Saturday worked
  EXPECT_FALSE(c.is_working_day(ymd(2025, 5, 2)));  // the Friday off
  EXPECT_EQ(c.day_off(ymd(2025, 5, 2))->kind, DayOffKind::extra);
  EXPECT_EQ(c.day_off(ymd(2025, 5, 2))->rule_id, "");
  EXPECT_FALSE(c.is_working_day(ymd(2025, 4, 27)));
  EXPECT_EQ(c.deadline_rules().denunciation_days, 25);
  EXPECT_EQ(c.deadline_rules().counting, danvan::DayCounting::working_days);
  // Canonical text reads back to an equal calendar, and is stable.
  const std::string text = danvan::calendar_to_json_text(c);
  EXPECT_EQ(danvan::calendar_from_json_text(text), c);
  EXPECT_EQ(danvan::calendar_to_json_text(danvan::calendar_from_json_text(text)), text);
}

TEST(Calendar, BundledFileIsTheBuiltInCalendar) {
  const Calendar c = danvan::load_calendar(calendar_path);
  EXPECT_EQ(c, Calendar::vietnam());
  EXPECT_EQ(danvan::calendar_to_json_text(c), danvan::read_file(calendar_path));
}

TEST(Calendar, CopiesAreEqualValues) {
  const Calendar a = Calendar::vietnam();
  const Calendar b = a;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.days_off(2024), b.days_off(2024));
  const Calendar other(a.name(), a.source(), a.first_year(), a.last_year(), a.weekend(), a.rules(),
                       false, a.years());
  EXPECT_NE(a, other);
}

void expect_value_error(const std::function<void()>& f, const std::string& message) {
  try {
    f();
    ADD_FAILURE() << "no exception; expected: " << message;
  } catch (const danvan::ValueError& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(Calendar, YearsOutsideTheCalendar) {
  const Calendar c = Calendar::vietnam();
  expect_value_error([&] { (void)c.days_off(2012); },
                     "year 2012 is outside the years of calendar \"Việt Nam\" (2013..2100)");
  expect_value_error([&] { (void)c.is_working_day(ymd(2101, 1, 1)); },
                     "year 2101 is outside the years of calendar \"Việt Nam\" (2013..2100)");
  expect_value_error([&] { (void)c.day_off(Date(boost::date_time::not_a_date_time)); },
                     "a special date is not a calendar day");
  EXPECT_EQ(c.days_off(2100).front().date, ymd(2100, 1, 1));
}

TEST(Calendar, ConstructorChecksInvariants) {
  const Calendar v = Calendar::vietnam();
  auto rules = v.rules();
  rules[0].month = 13;
  expect_value_error([&] { Calendar("x", "", 2013, 2100, v.weekend(), rules, true, {}); },
                     "invalid calendar: /rules/0/month: 13 is out of range 1..12");
  expect_value_error(
      [&] {
        Calendar("x", "", 2013, 2100,
                 {danvan::Weekday::sunday, danvan::Weekday::monday, danvan::Weekday::tuesday,
                  danvan::Weekday::wednesday, danvan::Weekday::thursday, danvan::Weekday::friday,
                  danvan::Weekday::saturday},
                 {}, true, {});
      },
      "invalid calendar: /weekend: every day of the week is a weekend day");
  expect_value_error([&] { Calendar(" ", "", 2013, 2100, v.weekend(), {}, true, {}); },
                     "invalid calendar: /name: must not be empty");
  expect_value_error([&] { Calendar("x", "", 1899, 2100, v.weekend(), {}, true, {}); },
                     "invalid calendar: /first_year: 1899 is out of range 1900..2100");
}

TEST(Calendar, Names) {
  EXPECT_EQ(danvan::vietnamese_name(danvan::weekday_of(ymd(2026, 2, 17))), "Thứ Ba");
  EXPECT_EQ(danvan::vietnamese_name(danvan::Weekday::sunday), "Chủ nhật");
  EXPECT_EQ(danvan::parse_weekday("saturday"), danvan::Weekday::saturday);
  expect_value_error([] { (void)danvan::parse_weekday("Sat"); },
                     "unknown weekday \"Sat\"; expected one of sunday, monday, tuesday, "
                     "wednesday, thursday, friday, saturday");
  expect_value_error([] { (void)danvan::parse_date_basis("chinese"); },
                     "unknown date basis \"chinese\"; expected one of solar, lunar");
  EXPECT_EQ(danvan::to_string(DayOffKind::compensatory), "compensatory");
}

struct BadCase {
  std::string name;
  std::function<void(Json&)> mutate;
  std::string pointer;
  std::string reason;
};

class CalendarJsonBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(CalendarJsonBadInput, ReportsPointerAndExactReason) {
  Json doc = small_calendar();
  GetParam().mutate(doc);
  try {
    (void)danvan::calendar_from_json_text(doc.dump());
    FAIL() << "accepted a bad document";
  } catch (const JsonDocumentError& e) {
    ASSERT_FALSE(e.problems().empty());
    EXPECT_EQ(e.problems().front().pointer, GetParam().pointer);
    EXPECT_EQ(e.problems().front().reason, GetParam().reason);
  }
}

// clang-format off
const BadCase bad_cases[] = {
  {"NotAnObject", [](Json& d) { d = Json::array(); }, "", "expected an object, got an array"},
  {"WrongSchema", [](Json& d) { d["schema"] = "danvan/plan"; }, "/schema", "expected \"danvan/calendar\", got \"danvan/plan\""},
  {"FutureVersion", [](Json& d) { d["version"] = 2; }, "/version", "unsupported version 2 of danvan/calendar; this library reads version 1"},
  {"UnknownKey", [](Json& d) { d["holidays"] = 1; }, "/holidays", "unknown key \"holidays\""},
  {"MissingName", [](Json& d) { d.erase("name"); }, "", "missing required key \"name\""},
  {"EmptyName", [](Json& d) { d["name"] = " "; }, "/name", "must not be empty"},
  {"YearAsString", [](Json& d) { d["first_year"] = "2024"; }, "/first_year", "expected an integer, got a string"},
  {"FirstYearTooEarly", [](Json& d) { d["first_year"] = 1899; }, "/first_year", "1899 is out of range 1900..2100"},
  {"HugeYear", [](Json& d) { d["last_year"] = 18446744073709551615ULL; }, "/last_year", "18446744073709551615 is out of range -1000000000..1000000000"},
  {"YearsBackwards", [](Json& d) { d["last_year"] = 2023; }, "/last_year", "2023 is before first_year 2024"},
  {"BadWeekday", [](Json& d) { d["weekend"][1] = "chủ nhật"; }, "/weekend/1", "unknown weekday \"chủ nhật\"; expected one of sunday, monday, tuesday, wednesday, thursday, friday, saturday"},
  {"WeekdayTwice", [](Json& d) { d["weekend"][1] = "saturday"; }, "/weekend/1", "\"saturday\" is listed twice"},
  {"WeekendNotArray", [](Json& d) { d["weekend"] = "saturday"; }, "/weekend", "expected an array, got a string"},
  {"CompensatoryString", [](Json& d) { d["compensatory"] = "yes"; }, "/compensatory", "expected a boolean, got a string"},
  {"RuleNotObject", [](Json& d) { d["rules"][0] = 5; }, "/rules/0", "expected an object, got an integer"},
  {"RuleUnknownKey", [](Json& d) { d["rules"][0]["lunar"] = true; }, "/rules/0/lunar", "unknown key \"lunar\""},
  {"RuleBadId", [](Json& d) { d["rules"][0]["id"] = "Lao động"; }, "/rules/0/id", "invalid id \"Lao động\": ids are 1..100 characters of a-z, 0-9 and '-', not starting with '-'"},
  {"RuleDuplicateId", [](Json& d) { d["rules"][1]["id"] = "labour"; }, "/rules/1/id", "duplicate rule id \"labour\" (first at /rules/0)"},
  {"RuleBadBasis", [](Json& d) { d["rules"][0]["basis"] = "chinese"; }, "/rules/0/basis", "unknown date basis \"chinese\"; expected one of solar, lunar"},
  {"RuleMonth13", [](Json& d) { d["rules"][0]["month"] = 13; }, "/rules/0/month", "13 is out of range 1..12"},
  {"RuleFebruary30", [](Json& d) { d["rules"][0]["month"] = 2; d["rules"][0]["day"] = 30; }, "/rules/0/day", "day 30 does not exist in month 2"},
  {"RuleLunarDay31", [](Json& d) { d["rules"][1]["day"] = 31; }, "/rules/1/day", "31 is out of range 1..30"},
  {"RuleMissingDay", [](Json& d) { d["rules"][0].erase("day"); }, "/rules/0", "missing required key \"day\""},
  {"RuleDayFraction", [](Json& d) { d["rules"][0]["day"] = 1.5; }, "/rules/0/day", "expected an integer, got a number with a fraction"},
  {"RuleOffsetTooFar", [](Json& d) { d["rules"][1]["first_offset"] = -31; }, "/rules/1/first_offset", "-31 is out of range -30..30"},
  {"RuleOffsetsBackwards", [](Json& d) { d["rules"][1]["last_offset"] = -2; }, "/rules/1/last_offset", "-2 is before first_offset -1"},
  {"RuleYearsBackwards", [](Json& d) { d["rules"][1]["to_year"] = 2020; }, "/rules/1/to_year", "2020 is before from_year 2024"},
  {"RulesMissing", [](Json& d) { d.erase("rules"); }, "", "missing required key \"rules\""},
  {"YearOutside", [](Json& d) { d["years"][0]["year"] = 2027; }, "/years/0/year", "2027 is outside the calendar's years 2024..2026"},
  {"YearTwice", [](Json& d) { d["years"].push_back(d["years"][0]); }, "/years/1/year", "duplicate year 2025 (first at /years/0)"},
  {"UnknownRuleDays", [](Json& d) { d["years"][0]["rule_days"]["hung-kings"] = Json::array({"2025-04-07"}); }, "/years/0/rule_days/hung-kings", "unknown rule \"hung-kings\""},
  {"RuleNotInForce", [](Json& d) { d["rules"][1]["from_year"] = 2026; d["years"][0]["rule_days"]["tet"] = Json::array({"2025-01-29"}); }, "/years/0/rule_days/tet", "rule \"tet\" is not in force in 2025"},
  {"RuleDayWrongYear", [](Json& d) { d["years"][0]["rule_days"]["tet"] = Json::array({"2025-01-29", "2026-01-01"}); }, "/years/0/rule_days/tet/1", "2026-01-01 is not in 2025"},
  {"RuleDayTwice", [](Json& d) { d["years"][0]["rule_days"]["tet"] = Json::array({"2025-01-29", "2025-01-29"}); }, "/years/0/rule_days/tet/1", "2025-01-29 is listed twice"},
  {"RuleDaysNotArray", [](Json& d) { d["years"][0]["rule_days"]["tet"] = "2025-01-29"; }, "/years/0/rule_days/tet", "expected an array, got a string"},
  {"RuleDaysNotObject", [](Json& d) { d["years"][0]["rule_days"] = Json::array(); }, "/years/0/rule_days", "expected an object, got an array"},
  {"VietnameseDate", [](Json& d) { d["years"][0]["working_days"][0] = "26/04/2025"; }, "/years/0/working_days/0", "expected a day \"YYYY-MM-DD\", got \"26/04/2025\""},
  {"ImpossibleDate", [](Json& d) { d["years"][0]["working_days"][0] = "2025-02-29"; }, "/years/0/working_days/0", "invalid date \"2025-02-29\": day 29 does not exist in 02/2025 (2025 is not a leap year)"},
  {"WorkingWeekday", [](Json& d) { d["years"][0]["working_days"][0] = "2025-04-25"; }, "/years/0/working_days/0", "2025-04-25 is a friday, not a weekend day"},
  {"ExtraDayNoName", [](Json& d) { d["years"][0]["extra_days_off"][0].erase("name"); }, "/years/0/extra_days_off/0", "missing required key \"name\""},
  {"ExtraDayEmptyName", [](Json& d) { d["years"][0]["extra_days_off"][0]["name"] = ""; }, "/years/0/extra_days_off/0/name", "must not be empty"},
  {"ExtraDayWrongYear", [](Json& d) { d["years"][0]["extra_days_off"][0]["date"] = "2024-05-02"; }, "/years/0/extra_days_off/0/date", "2024-05-02 is not in 2025"},
  {"ExtraDayPartialDate", [](Json& d) { d["years"][0]["extra_days_off"][0]["date"] = "2025-05"; }, "/years/0/extra_days_off/0/date", "expected a whole day \"YYYY-MM-DD\", got \"2025-05\""},
  {"BadCounting", [](Json& d) { d["deadline_rules"]["counting"] = "days"; }, "/deadline_rules/counting", "unknown day counting \"days\"; expected one of calendar_days, working_days"},
  {"NegativeLimit", [](Json& d) { d["deadline_rules"]["complaint_first"]["normal"] = -30; }, "/deadline_rules/complaint_first/normal", "-30 is out of range 1..3650"},
  {"LimitMissing", [](Json& d) { d["deadline_rules"]["complaint_second"].erase("remote"); }, "/deadline_rules/complaint_second", "missing required key \"remote\""},
  {"LimitUnknownKey", [](Json& d) { d["deadline_rules"]["complaint_second"]["very_complex"] = 90; }, "/deadline_rules/complaint_second/very_complex", "unknown key \"very_complex\""},
  {"ZeroDenunciation", [](Json& d) { d["deadline_rules"]["denunciation_days"] = 0; }, "/deadline_rules/denunciation_days", "0 is out of range 1..3650"},
  {"TooManyExtensions", [](Json& d) { d["deadline_rules"]["denunciation_max_extensions"] = 11; }, "/deadline_rules/denunciation_max_extensions", "11 is out of range 0..10"},
  {"KeyWithSlash", [](Json& d) { d["years"][0]["rule_days"]["a/b"] = Json::array(); }, "/years/0/rule_days/a~1b", "unknown rule \"a/b\""},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Calendar, CalendarJsonBadInput, ::testing::ValuesIn(bad_cases),
                         [](const auto& test) { return test.param.name; });

TEST(CalendarJson, SyntaxErrorsAndDuplicateKeys) {
  try {
    (void)danvan::calendar_from_json_text("{\"schema\": \"danvan/calendar\",");
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_EQ(e.problems().front().pointer, "");
    EXPECT_EQ(e.problems().front().reason.rfind("invalid JSON: parse error at line 1", 0), 0U)
        << e.problems().front().reason;
  }
  EXPECT_THROW((void)danvan::calendar_from_json_text(R"({"name": "a", "name": "b"})"),
               JsonDocumentError);
  EXPECT_THROW((void)danvan::load_calendar("/nonexistent/calendar.json"), danvan::IoError);
}

TEST(CalendarJson, CollectsEveryProblem) {
  Json doc = small_calendar();
  doc["rules"][0]["month"] = "5";
  doc["weekend"][0] = 6;
  try {
    (void)danvan::calendar_from_json_text(doc.dump());
    FAIL();
  } catch (const JsonDocumentError& e) {
    ASSERT_EQ(e.problems().size(), 2U);
    EXPECT_EQ(e.problems()[0].pointer, "/weekend/0");
    EXPECT_EQ(e.problems()[1].pointer, "/rules/0/month");
  }
}

}  // namespace
