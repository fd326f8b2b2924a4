#include "danvan/date.hpp"

#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using danvan::Date;
using danvan::DatePrecision;
using danvan::ParseError;
using danvan::PartialDate;
using danvan::ValueError;

Date ymd(int y, int m, int d) {
  return {static_cast<unsigned short>(y), static_cast<unsigned short>(m),
          static_cast<unsigned short>(d)};
}

// Expects parse_partial_date(text) to throw ParseError with exactly `message` and `offset`.
void expect_parse_error(const std::string& text, const std::string& message, std::size_t offset) {
  try {
    (void)danvan::parse_partial_date(text);
    ADD_FAILURE() << "no exception for \"" << text << "\"; expected: " << message;
  } catch (const ParseError& e) {
    EXPECT_STREQ(e.what(), message.c_str()) << "input: " << text;
    EXPECT_EQ(e.offset(), offset) << "input: " << text;
  }
}

template <typename F>
void expect_value_error(F f, const std::string& message) {
  try {
    f();
    ADD_FAILURE() << "no exception; expected: " << message;
  } catch (const ParseError& e) {
    ADD_FAILURE() << "ParseError where a plain ValueError was expected: " << e.what();
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), message.c_str());
  }
}

// ---------------------------------------------------------------------------------------------
// PartialDate

TEST(PartialDate, HoldsItsFieldsAtItsPrecision) {
  const PartialDate y(2020);
  EXPECT_EQ(y.year(), 2020);
  EXPECT_EQ(y.month(), std::nullopt);
  EXPECT_EQ(y.day(), std::nullopt);
  EXPECT_EQ(y.precision(), DatePrecision::year);
  EXPECT_FALSE(y.is_day());

  const PartialDate m(2020, 4);
  EXPECT_EQ(m.month(), 4);
  EXPECT_EQ(m.day(), std::nullopt);
  EXPECT_EQ(m.precision(), DatePrecision::month);

  const PartialDate d(2020, 4, 10);
  EXPECT_EQ(d.month(), 4);
  EXPECT_EQ(d.day(), 10);
  EXPECT_EQ(d.precision(), DatePrecision::day);
  EXPECT_TRUE(d.is_day());
  EXPECT_EQ(d.date(), ymd(2020, 4, 10));
}

TEST(PartialDate, FirstAndLastDayCoverThePrecision) {
  EXPECT_EQ(PartialDate(2020).first_day(), ymd(2020, 1, 1));
  EXPECT_EQ(PartialDate(2020).last_day(), ymd(2020, 12, 31));
  EXPECT_EQ(PartialDate(2020, 2).first_day(), ymd(2020, 2, 1));
  EXPECT_EQ(PartialDate(2020, 2).last_day(), ymd(2020, 2, 29));  // leap year
  EXPECT_EQ(PartialDate(2019, 2).last_day(), ymd(2019, 2, 28));
  EXPECT_EQ(PartialDate(2100, 2).last_day(), ymd(2100, 2, 28));  // century, not leap
  EXPECT_EQ(PartialDate(2000, 2).last_day(), ymd(2000, 2, 29));  // divisible by 400
  EXPECT_EQ(PartialDate(2020, 4).last_day(), ymd(2020, 4, 30));
  EXPECT_EQ(PartialDate(2020, 4, 10).first_day(), ymd(2020, 4, 10));
  EXPECT_EQ(PartialDate(2020, 4, 10).last_day(), ymd(2020, 4, 10));
}

TEST(PartialDate, AcceptsTheWholeSupportedRange) {
  EXPECT_EQ(PartialDate(1400, 1, 1).first_day(), ymd(1400, 1, 1));
  EXPECT_EQ(PartialDate(9999).last_day(), ymd(9999, 12, 31));
  EXPECT_EQ(PartialDate(2020, 2, 29).date(), ymd(2020, 2, 29));
}

TEST(PartialDate, RejectsImpossibleFieldsWithSpecificMessages) {
  expect_value_error([] { PartialDate(1399); }, "year 1399 is out of range 1400..9999");
  expect_value_error([] { PartialDate(10000, 1); }, "year 10000 is out of range 1400..9999");
  expect_value_error([] { PartialDate(2020, 0); }, "month 0 is out of range 1..12");
  expect_value_error([] { PartialDate(2020, 13, 1); }, "month 13 is out of range 1..12");
  expect_value_error([] { PartialDate(2020, 1, 0); }, "day 0 is out of range 1..31");
  expect_value_error([] { PartialDate(2020, 1, 32); }, "day 32 is out of range 1..31");
  expect_value_error([] { PartialDate(2020, 4, 31); }, "day 31 does not exist in 04/2020");
  expect_value_error([] { PartialDate(2020, 2, 30); }, "day 30 does not exist in 02/2020");
  expect_value_error([] { PartialDate(2019, 2, 29); },
                     "day 29 does not exist in 02/2019 (2019 is not a leap year)");
}

TEST(PartialDate, DateNeedsDayPrecision) {
  expect_value_error([] { (void)PartialDate(2020, 4).date(); },
                     "2020-04 is only known to the month; a whole day is needed");
  expect_value_error([] { (void)PartialDate(2020).date(); },
                     "2020 is only known to the year; a whole day is needed");
}

TEST(PartialDate, FromDate) {
  const PartialDate p = PartialDate::from_date(ymd(2016, 9, 5));
  EXPECT_EQ(p, PartialDate(2016, 9, 5));
  expect_value_error([] { (void)PartialDate::from_date(Date()); },
                     "expected a calendar day, got the special value not-a-date-time");
  expect_value_error([] { (void)PartialDate::from_date(Date(boost::date_time::pos_infin)); },
                     "expected a calendar day, got the special value +infinity");
}

TEST(PartialDate, FormatsIsoAndVietnamese) {
  EXPECT_EQ(PartialDate(2020).iso(), "2020");
  EXPECT_EQ(PartialDate(2020, 4).iso(), "2020-04");
  EXPECT_EQ(PartialDate(2020, 4, 10).iso(), "2020-04-10");
  EXPECT_EQ(PartialDate(2020).vietnamese(), "2020");
  EXPECT_EQ(PartialDate(2020, 4).vietnamese(), "04/2020");
  EXPECT_EQ(PartialDate(2016, 9, 5).vietnamese(), "05/09/2016");
  EXPECT_EQ(PartialDate(2016, 9).vietnamese(), "09/2016");
  EXPECT_EQ(PartialDate(2020, 12, 31).vietnamese(), "31/12/2020");
}

TEST(PartialDate, LongFormPadsDaysBelowTenAndJanuaryAndFebruary) {
  // Nghị định 30/2020/NĐ-CP: "ngày 05 tháng 01 năm 2020", but "tháng 9", "tháng 12".
  EXPECT_EQ(PartialDate(2020).vietnamese_long(), "năm 2020");
  EXPECT_EQ(PartialDate(2020, 4).vietnamese_long(), "tháng 4 năm 2020");
  EXPECT_EQ(PartialDate(2020, 1).vietnamese_long(), "tháng 01 năm 2020");
  EXPECT_EQ(PartialDate(2020, 2).vietnamese_long(), "tháng 02 năm 2020");
  EXPECT_EQ(PartialDate(2020, 3).vietnamese_long(), "tháng 3 năm 2020");
  EXPECT_EQ(PartialDate(2020, 12).vietnamese_long(), "tháng 12 năm 2020");
  EXPECT_EQ(PartialDate(2020, 4, 10).vietnamese_long(), "ngày 10 tháng 4 năm 2020");
  EXPECT_EQ(PartialDate(2016, 9, 5).vietnamese_long(), "ngày 05 tháng 9 năm 2016");
  EXPECT_EQ(PartialDate(2020, 1, 5).vietnamese_long(), "ngày 05 tháng 01 năm 2020");
  EXPECT_EQ(PartialDate(2020, 2, 29).vietnamese_long(), "ngày 29 tháng 02 năm 2020");
}

TEST(PartialDate, OrdersByFirstDayThenPrecision) {
  EXPECT_LT(PartialDate(2020), PartialDate(2020, 1));
  EXPECT_LT(PartialDate(2020, 1), PartialDate(2020, 1, 1));
  EXPECT_LT(PartialDate(2020, 1, 1), PartialDate(2020, 1, 2));
  EXPECT_LT(PartialDate(2019, 12, 31), PartialDate(2020));
  EXPECT_LT(PartialDate(2020, 1, 15), PartialDate(2020, 2));
  EXPECT_GT(PartialDate(2020, 3), PartialDate(2020));
  EXPECT_EQ(PartialDate(2020, 4) <=> PartialDate(2020, 4), std::strong_ordering::equal);
  EXPECT_NE(PartialDate(2020, 1), PartialDate(2020, 1, 1));

  std::vector<PartialDate> dates = {PartialDate(2020, 2),      PartialDate(2020, 1, 1),
                                    PartialDate(2021),         PartialDate(2020),
                                    PartialDate(2019, 12, 31), PartialDate(2020, 1)};
  std::sort(dates.begin(), dates.end());
  EXPECT_EQ(dates, (std::vector<PartialDate>{PartialDate(2019, 12, 31), PartialDate(2020),
                                             PartialDate(2020, 1), PartialDate(2020, 1, 1),
                                             PartialDate(2020, 2), PartialDate(2021)}));
}

// ---------------------------------------------------------------------------------------------
// Parsing: accepted forms

TEST(DateParse, NumericDayFirstForms) {
  EXPECT_EQ(danvan::parse_partial_date("10/04/2020"), PartialDate(2020, 4, 10));
  EXPECT_EQ(danvan::parse_partial_date("5/9/2016"), PartialDate(2016, 9, 5));
  EXPECT_EQ(danvan::parse_partial_date("12-12-2013"), PartialDate(2013, 12, 12));
  EXPECT_EQ(danvan::parse_partial_date("05.9.2016"), PartialDate(2016, 9, 5));
  EXPECT_EQ(danvan::parse_partial_date("29/02/2020"), PartialDate(2020, 2, 29));
  EXPECT_EQ(danvan::parse_partial_date("9/2016"), PartialDate(2016, 9));
  EXPECT_EQ(danvan::parse_partial_date("09-2016"), PartialDate(2016, 9));
  EXPECT_EQ(danvan::parse_partial_date("12.2016"), PartialDate(2016, 12));
}

TEST(DateParse, IsoForms) {
  EXPECT_EQ(danvan::parse_partial_date("2016-09-05"), PartialDate(2016, 9, 5));
  EXPECT_EQ(danvan::parse_partial_date("2016-09"), PartialDate(2016, 9));
  EXPECT_EQ(danvan::parse_partial_date("2016"), PartialDate(2016));
}

TEST(DateParse, VietnameseWordForms) {
  EXPECT_EQ(danvan::parse_partial_date("ngày 05 tháng 9 năm 2016"), PartialDate(2016, 9, 5));
  EXPECT_EQ(danvan::parse_partial_date("ngày 5 tháng 01 năm 2020"), PartialDate(2020, 1, 5));
  EXPECT_EQ(danvan::parse_partial_date("tháng 9 năm 2016"), PartialDate(2016, 9));
  EXPECT_EQ(danvan::parse_partial_date("tháng 9/2016"), PartialDate(2016, 9));
  EXPECT_EQ(danvan::parse_partial_date("năm 2016"), PartialDate(2016));
}

TEST(DateParse, WordsMatchInAnyCaseAndUnicodeForm) {
  const PartialDate expected(2016, 9, 5);
  EXPECT_EQ(danvan::parse_partial_date("Ngày 05 tháng 9 năm 2016"), expected);
  EXPECT_EQ(danvan::parse_partial_date("NGÀY 05 THÁNG 9 NĂM 2016"), expected);
  EXPECT_EQ(danvan::parse_partial_date("nga\u0300y 05 tha\u0301ng 9 na\u0306m 2016"), expected);
  EXPECT_EQ(danvan::parse_partial_date("NGA\u0300Y 05 THA\u0301NG 9 NA\u0306M 2016"), expected);
}

TEST(DateParse, IgnoresSurroundingAndRepeatedWhiteSpace) {
  EXPECT_EQ(danvan::parse_partial_date("  10/04/2020\t\n"), PartialDate(2020, 4, 10));
  EXPECT_EQ(danvan::parse_partial_date("\u00A010/04/2020\u00A0"), PartialDate(2020, 4, 10));
  EXPECT_EQ(danvan::parse_partial_date("ngày  05\u00A0tháng 9   năm\t2016"),
            PartialDate(2016, 9, 5));
  // Padding does not count toward the length limit.
  const std::string padding(100000, ' ');
  EXPECT_EQ(danvan::parse_partial_date(padding + "2016" + padding), PartialDate(2016));
}

TEST(DateParse, RoundTripsEveryFormatItWrites) {
  for (const PartialDate& p :
       {PartialDate(2020), PartialDate(2020, 1), PartialDate(2016, 9), PartialDate(2020, 2, 29),
        PartialDate(2016, 9, 5), PartialDate(2013, 12, 12)}) {
    EXPECT_EQ(danvan::parse_partial_date(p.iso()), p) << p.iso();
    EXPECT_EQ(danvan::parse_partial_date(p.vietnamese()), p) << p.vietnamese();
    EXPECT_EQ(danvan::parse_partial_date(p.vietnamese_long()), p) << p.vietnamese_long();
  }
}

TEST(DateParse, ParseDateReturnsTheDay) {
  EXPECT_EQ(danvan::parse_date("10/04/2020"), ymd(2020, 4, 10));
  EXPECT_EQ(danvan::parse_date("ngày 15 tháng 10 năm 2020"), ymd(2020, 10, 15));
}

TEST(DateParse, ToIso) {
  EXPECT_EQ(danvan::to_iso(ymd(2020, 4, 10)), "2020-04-10");
  EXPECT_EQ(danvan::to_iso(ymd(1400, 1, 1)), "1400-01-01");
  expect_value_error([] { (void)danvan::to_iso(Date()); },
                     "cannot write the special date value not-a-date-time as ISO 8601");
  expect_value_error([] { (void)danvan::to_iso(Date(boost::date_time::neg_infin)); },
                     "cannot write the special date value -infinity as ISO 8601");
}

// ---------------------------------------------------------------------------------------------
// Parsing: errors, with exact messages and offsets

TEST(DateParseError, EmptyAndBlank) {
  expect_parse_error("", R"(cannot parse "" at offset 0: expected a date, got an empty string)", 0);
  expect_parse_error(
      " \t", "cannot parse \" \\x09\" at offset 0: expected a date, got only white space", 0);
}

TEST(DateParseError, Garbage) {
  expect_parse_error(
      "abc", R"(cannot parse "abc" at offset 0: expected a day, month or year, got "abc")", 0);
  expect_parse_error(
      "-5/9/2016",
      R"(cannot parse "-5/9/2016" at offset 0: expected a day, month or year, got "-")", 0);
  // Words without their diacritics are not the Vietnamese words.
  expect_parse_error(
      "nam 2016",
      R"(cannot parse "nam 2016" at offset 0: expected a day, month or year, got "nam")", 0);
}

TEST(DateParseError, TrailingJunk) {
  expect_parse_error("10/04/2020x",
                     R"(cannot parse "10/04/2020x" at offset 10: unexpected "x" after the date)",
                     10);
  expect_parse_error(
      "10/04/2020 2021",
      R"(cannot parse "10/04/2020 2021" at offset 11: unexpected "2021" after the date)", 11);
}

TEST(DateParseError, DaysThatDoNotExist) {
  expect_parse_error("31/02/2020",
                     R"(cannot parse "31/02/2020" at offset 0: day 31 does not exist in 02/2020)",
                     0);
  expect_parse_error("29/02/2019",
                     R"(cannot parse "29/02/2019" at offset 0: day 29 does not exist in 02/2019 )"
                     "(2019 is not a leap year)",
                     0);
  expect_parse_error("29/02/1900",
                     R"(cannot parse "29/02/1900" at offset 0: day 29 does not exist in 02/1900 )"
                     "(1900 is not a leap year)",
                     0);
  expect_parse_error("00/01/2020",
                     R"(cannot parse "00/01/2020" at offset 0: day 0 is out of range 1..31)", 0);
  expect_parse_error("2016-02-30",
                     R"(cannot parse "2016-02-30" at offset 8: day 30 does not exist in 02/2016)",
                     8);
}

TEST(DateParseError, MonthOutOfRange) {
  expect_parse_error("10/13/2020",
                     R"(cannot parse "10/13/2020" at offset 3: month 13 is out of range 1..12)", 3);
  expect_parse_error("2016-13",
                     R"(cannot parse "2016-13" at offset 5: month 13 is out of range 1..12)", 5);
  expect_parse_error("00/2020",
                     R"(cannot parse "00/2020" at offset 0: month 0 is out of range 1..12)", 0);
  expect_parse_error(
      "ngày 05 tháng 13 năm 2016",
      R"(cannot parse "ngày 05 tháng 13 năm 2016" at offset 16: month 13 is out of range 1..12)",
      16);
  expect_parse_error("tháng 13/2016",
                     R"(cannot parse "tháng 13/2016" at offset 7: month 13 is out of range 1..12)",
                     7);
}

TEST(DateParseError, YearsNeedFourDigitsInRange) {
  expect_parse_error("10/04/99",
                     R"(cannot parse "10/04/99" at offset 6: year "99" must have 4 digits)", 6);
  expect_parse_error("10/04/20201",
                     R"(cannot parse "10/04/20201" at offset 6: year "20201" must have 4 digits)",
                     6);
  expect_parse_error("năm 16", R"(cannot parse "năm 16" at offset 5: year "16" must have 4 digits)",
                     5);
  expect_parse_error(
      "10/04/0999", R"(cannot parse "10/04/0999" at offset 6: year 999 is out of range 1400..9999)",
      6);
}

TEST(DateParseError, WrongNumberOfDigits) {
  expect_parse_error("123/04/2020",
                     R"(cannot parse "123/04/2020" at offset 0: expected a day, month or year )"
                     R"((1, 2 or 4 digits), got "123")",
                     0);
  expect_parse_error("2016-9-05",
                     R"(cannot parse "2016-9-05" at offset 5: expected a 2-digit month after )"
                     R"(the year (YYYY-MM-DD), got "9")",
                     5);
  expect_parse_error("2016-09-5",
                     R"(cannot parse "2016-09-5" at offset 8: expected a 2-digit day after )"
                     R"(the month (YYYY-MM-DD), got "5")",
                     8);
  expect_parse_error("ngày 123 tháng 9 năm 2016",
                     R"(cannot parse "ngày 123 tháng 9 năm 2016" at offset 6: day "123" must )"
                     "have 1 or 2 digits",
                     6);
}

TEST(DateParseError, SeparatorsMustBeConsistent) {
  expect_parse_error(
      "05/9-2016",
      R"(cannot parse "05/9-2016" at offset 4: separator "-" does not match the earlier "/")", 4);
  expect_parse_error(
      "10.04/2020",
      R"(cannot parse "10.04/2020" at offset 5: separator "/" does not match the earlier ".")", 5);
  expect_parse_error(
      "2016-09/05",
      R"(cannot parse "2016-09/05" at offset 7: separator "/" does not match the earlier "-")", 7);
  expect_parse_error("2016/09/05",
                     R"(cannot parse "2016/09/05" at offset 4: a date that starts with the year )"
                     R"(must be written YYYY-MM-DD, got "/")",
                     4);
}

TEST(DateParseError, IncompleteInput) {
  expect_parse_error("10/04",
                     R"(cannot parse "10/04" at offset 5: expected "/" and a 4-digit year after )"
                     "the month, got the end of the input",
                     5);
  expect_parse_error(
      "10",
      R"(cannot parse "10" at offset 2: expected "/", "-" or "." after "10", got the end of )"
      "the input",
      2);
  expect_parse_error("ngày 5",
                     R"(cannot parse "ngày 5" at offset 7: expected "tháng" after the day, got )"
                     "the end of the input",
                     7);
  expect_parse_error("ngày 05 tháng 9 2016",
                     R"(cannot parse "ngày 05 tháng 9 2016" at offset 18: expected "năm" after )"
                     R"(the month, got "2016")",
                     18);
  expect_parse_error("tháng 9 2016",
                     R"(cannot parse "tháng 9 2016" at offset 9: expected "năm" or "/" after )"
                     R"(the month, got "2016")",
                     9);
}

TEST(DateParseError, ParseDateNeedsAWholeDay) {
  try {
    (void)danvan::parse_date("04/2020");
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    EXPECT_STREQ(e.what(),
                 R"(cannot parse "04/2020" at offset 0: the date is only known to the month; )"
                 "a whole day is needed");
  }
  try {
    (void)danvan::parse_date(" năm 2020");
    FAIL() << "no exception";
  } catch (const ParseError& e) {
    EXPECT_STREQ(e.what(),
                 R"(cannot parse " năm 2020" at offset 1: the date is only known to the year; )"
                 "a whole day is needed");
    EXPECT_EQ(e.offset(), 1U);
  }
}

TEST(DateParseError, MalformedUtf8AndControlCharacters) {
  expect_parse_error("10/04/2020\xFF",
                     R"(cannot parse "10/04/2020\xFF" at offset 10: invalid UTF-8 byte 0xFF: )"
                     "never used in UTF-8",
                     10);
  // "ngày" in ISO-8859-1.
  expect_parse_error("ng\xE0y 05 th\xE1ng 9 n\xE3m 2016",
                     R"(cannot parse "ng\xE0y 05 th\xE1ng 9 n\xE3m 2016" at offset 2: )"
                     "invalid UTF-8 byte 0xE0: the sequence is cut short by byte 0x79",
                     2);
  expect_parse_error("10/04\x01",
                     R"(cannot parse "10/04\x01" at offset 5: expected "/" and a 4-digit year )"
                     R"(after the month, got "\x01")",
                     5);
}

TEST(DateParseError, HostileLongInput) {
  expect_parse_error(std::string(1000, '1'),
                     "cannot parse \"" + std::string(64, '1') +
                         "...\" at offset 0: too long for a date: 1000 bytes (at most 100)",
                     0);
  expect_parse_error("10/04/2020" + std::string(80, 'x'),
                     "cannot parse \"10/04/2020" + std::string(54, 'x') +
                         "...\" at offset 10: unexpected \"" + std::string(20, 'x') +
                         "...\" after the date",
                     10);
  expect_parse_error(std::string(50, '1') + "/1/2020",
                     "cannot parse \"" + std::string(50, '1') +
                         "/1/2020\" at offset 0: expected a day, month or year (1, 2 or 4 "
                         "digits), got \"" +
                         std::string(20, '1') + "...\"",
                     0);
}

}  // namespace
