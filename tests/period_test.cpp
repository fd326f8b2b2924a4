#include "danvan/period.hpp"

#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using danvan::Date;
using danvan::ParseError;
using danvan::Period;
using danvan::PeriodType;
using danvan::ValueError;

Date ymd(int y, int m, int d) {
  return {static_cast<unsigned short>(y), static_cast<unsigned short>(m),
          static_cast<unsigned short>(d)};
}

Period p(std::string_view id) { return Period::parse(id); }

std::vector<std::string> ids(const std::vector<Period>& periods) {
  std::vector<std::string> out;
  for (const Period& period : periods) out.push_back(period.id());
  return out;
}

void expect_parse_error(const std::string& id, const std::string& message, std::size_t offset) {
  try {
    (void)Period::parse(id);
    ADD_FAILURE() << "no exception for \"" << id << "\"; expected: " << message;
  } catch (const ParseError& e) {
    EXPECT_STREQ(e.what(), message.c_str()) << "id: " << id;
    EXPECT_EQ(e.offset(), offset) << "id: " << id;
  }
}

template <typename F>
void expect_value_error(F f, const std::string& message) {
  try {
    f();
    ADD_FAILURE() << "no exception; expected: " << message;
  } catch (const ValueError& e) {
    EXPECT_STREQ(e.what(), message.c_str());
  }
}

// ---------------------------------------------------------------------------------------------
// Ids

TEST(PeriodParse, ReadsEveryKindOfId) {
  const Period year = p("2020");
  EXPECT_EQ(year.type(), PeriodType::year);
  EXPECT_EQ(year.year(), 2020);
  EXPECT_EQ(year.index(), 1);

  const Period half = p("2020S2");
  EXPECT_EQ(half.type(), PeriodType::six_month);
  EXPECT_EQ(half.index(), 2);

  const Period quarter = p("2020Q3");
  EXPECT_EQ(quarter.type(), PeriodType::quarter);
  EXPECT_EQ(quarter.index(), 3);

  const Period month = p("202004");
  EXPECT_EQ(month.type(), PeriodType::month);
  EXPECT_EQ(month.year(), 2020);
  EXPECT_EQ(month.index(), 4);
}

TEST(PeriodParse, IdsRoundTrip) {
  for (const char* id :
       {"2020", "2020S1", "2020S2", "2020Q1", "2020Q4", "202001", "202012", "1400", "9999Q4"}) {
    EXPECT_EQ(p(id).id(), id);
  }
  EXPECT_EQ(Period(PeriodType::month, 2020, 4).id(), "202004");
  EXPECT_EQ(Period(PeriodType::quarter, 2020, 2).id(), "2020Q2");
  EXPECT_EQ(Period(PeriodType::six_month, 2020, 1).id(), "2020S1");
  EXPECT_EQ(Period(PeriodType::year, 2020).id(), "2020");
}

TEST(PeriodParseError, BadIdsHaveSpecificMessages) {
  expect_parse_error("",
                     R"(cannot parse "" at offset 0: expected a period id such as 2020, 2020S1, )"
                     "2020Q2 or 202004, got an empty string",
                     0);
  expect_parse_error("2020Q5",
                     R"(cannot parse "2020Q5" at offset 5: quarter 5 is out of range 1..4)", 5);
  expect_parse_error("2020Q0",
                     R"(cannot parse "2020Q0" at offset 5: quarter 0 is out of range 1..4)", 5);
  expect_parse_error(
      "2020S3", R"(cannot parse "2020S3" at offset 5: six-month period 3 is out of range 1..2)", 5);
  expect_parse_error("202013",
                     R"(cannot parse "202013" at offset 4: month 13 is out of range 1..12)", 4);
  expect_parse_error("202000",
                     R"(cannot parse "202000" at offset 4: month 0 is out of range 1..12)", 4);
  expect_parse_error("20", R"(cannot parse "20" at offset 0: expected a 4-digit year, got "20")",
                     0);
  expect_parse_error(
      " 2020", R"(cannot parse " 2020" at offset 0: expected a 4-digit year, got " 2020")", 0);
  expect_parse_error(
      "2020X1",
      R"(cannot parse "2020X1" at offset 4: expected "S", "Q" or a 2-digit month after the year, )"
      R"(got "X1")",
      4);
  expect_parse_error(
      "2020q1",
      R"(cannot parse "2020q1" at offset 4: expected "S", "Q" or a 2-digit month after the year, )"
      R"(got "q1")",
      4);
  expect_parse_error("2020Q",
                     R"(cannot parse "2020Q" at offset 5: expected the quarter number 1..4 after )"
                     R"("Q", got the end of the input)",
                     5);
  expect_parse_error("2020Q12",
                     R"(cannot parse "2020Q12" at offset 5: expected the quarter number 1..4 )"
                     R"(after "Q", got "12")",
                     5);
  expect_parse_error("2020S",
                     R"(cannot parse "2020S" at offset 5: expected the half-year number 1 or 2 )"
                     R"(after "S", got the end of the input)",
                     5);
  expect_parse_error(
      "2020041",
      R"(cannot parse "2020041" at offset 4: expected a 2-digit month after the year, got "041")",
      4);
  expect_parse_error(
      "20204",
      R"(cannot parse "20204" at offset 4: expected a 2-digit month after the year, got "4")", 4);
  expect_parse_error("0999",
                     R"(cannot parse "0999" at offset 0: year 999 is out of range 1400..9999)", 0);
  expect_parse_error("2020 ",
                     R"(cannot parse "2020 " at offset 4: expected "S", "Q" or a 2-digit month )"
                     R"(after the year, got " ")",
                     4);
}

TEST(PeriodParseError, HostileAndMalformedInput) {
  expect_parse_error(std::string(100000, '9'),
                     "cannot parse \"" + std::string(64, '9') +
                         "...\" at offset 4: expected a 2-digit month after the year, got \"" +
                         std::string(20, '9') + "...\"",
                     4);
  expect_parse_error("2020" + std::string(100000, 'Q'),
                     "cannot parse \"2020" + std::string(60, 'Q') +
                         "...\" at offset 5: expected the quarter number 1..4 after \"Q\", got \"" +
                         std::string(20, 'Q') + "...\"",
                     5);
  expect_parse_error("2020\xC3",
                     R"(cannot parse "2020\xC3" at offset 4: invalid UTF-8 byte 0xC3: the )"
                     "sequence is cut short by the end of the input",
                     4);
  expect_parse_error("2020Q\xE1\xBB",
                     R"(cannot parse "2020Q\xE1\xBB" at offset 5: invalid UTF-8 byte 0xE1: the )"
                     "sequence is cut short by the end of the input",
                     5);
}

TEST(PeriodParseError, ConstructorRejectsBadValues) {
  expect_value_error([] { Period(PeriodType::quarter, 2020, 5); },
                     "quarter 5 is out of range 1..4");
  expect_value_error([] { Period(PeriodType::month, 2020, 0); }, "month 0 is out of range 1..12");
  expect_value_error([] { Period(PeriodType::six_month, 2020, 3); },
                     "six-month period 3 is out of range 1..2");
  expect_value_error([] { Period(PeriodType::year, 2020, 2); }, "a year period has index 1, got 2");
  expect_value_error([] { Period(PeriodType::year, 1399); },
                     "year 1399 is out of range 1400..9999");
  expect_value_error([] { Period(static_cast<PeriodType>(9), 2020); }, "unknown period type 9");
}

// ---------------------------------------------------------------------------------------------
// Dates

TEST(PeriodDates, StartAndEnd) {
  EXPECT_EQ(p("2020").start(), ymd(2020, 1, 1));
  EXPECT_EQ(p("2020").end(), ymd(2020, 12, 31));
  EXPECT_EQ(p("2020S1").end(), ymd(2020, 6, 30));
  EXPECT_EQ(p("2020S2").start(), ymd(2020, 7, 1));
  EXPECT_EQ(p("2020Q1").end(), ymd(2020, 3, 31));
  EXPECT_EQ(p("2020Q3").start(), ymd(2020, 7, 1));
  EXPECT_EQ(p("2020Q3").end(), ymd(2020, 9, 30));
  EXPECT_EQ(p("2020Q4").end(), ymd(2020, 12, 31));
  EXPECT_EQ(p("202002").start(), ymd(2020, 2, 1));
  EXPECT_EQ(p("202002").end(), ymd(2020, 2, 29));  // leap year
  EXPECT_EQ(p("201902").end(), ymd(2019, 2, 28));
  EXPECT_EQ(p("210002").end(), ymd(2100, 2, 28));
  EXPECT_EQ(p("202004").end(), ymd(2020, 4, 30));
}

TEST(PeriodDates, ContainsDays) {
  EXPECT_TRUE(p("2020Q4").contains(ymd(2020, 10, 1)));
  EXPECT_TRUE(p("2020Q4").contains(ymd(2020, 12, 31)));
  EXPECT_FALSE(p("2020Q4").contains(ymd(2021, 1, 1)));
  EXPECT_FALSE(p("2020Q4").contains(ymd(2020, 9, 30)));
  EXPECT_TRUE(p("202002").contains(ymd(2020, 2, 29)));
  EXPECT_FALSE(p("2020").contains(Date()));  // not-a-date-time is in no period
}

TEST(PeriodDates, ContainsPeriods) {
  EXPECT_TRUE(p("2020").contains(p("202012")));
  EXPECT_FALSE(p("2020").contains(p("202101")));
  EXPECT_FALSE(p("2020").contains(p("2019Q4")));
  EXPECT_TRUE(p("2020S1").contains(p("2020Q2")));
  EXPECT_FALSE(p("2020S1").contains(p("2020Q3")));
  EXPECT_TRUE(p("2020Q2").contains(p("2020Q2")));
  EXPECT_FALSE(p("2020Q2").contains(p("2020S1")));
}

TEST(PeriodDates, ContainingFindsThePeriodOfADay) {
  EXPECT_EQ(Period::containing(PeriodType::quarter, ymd(2020, 5, 31)), p("2020Q2"));
  EXPECT_EQ(Period::containing(PeriodType::quarter, ymd(2020, 12, 31)), p("2020Q4"));
  EXPECT_EQ(Period::containing(PeriodType::six_month, ymd(2020, 7, 1)), p("2020S2"));
  EXPECT_EQ(Period::containing(PeriodType::six_month, ymd(2020, 6, 30)), p("2020S1"));
  EXPECT_EQ(Period::containing(PeriodType::month, ymd(2020, 2, 29)), p("202002"));
  EXPECT_EQ(Period::containing(PeriodType::year, ymd(2021, 1, 1)), p("2021"));
  expect_value_error([] { (void)Period::containing(PeriodType::month, Date()); },
                     "cannot find the period of a special date value (not-a-date-time)");
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

TEST(PeriodArithmetic, NextAndPreviousCrossYears) {
  EXPECT_EQ(p("2020Q4").next(), p("2021Q1"));
  EXPECT_EQ(p("2021Q1").previous(), p("2020Q4"));
  EXPECT_EQ(p("202001").previous(), p("201912"));
  EXPECT_EQ(p("202012").next(), p("202101"));
  EXPECT_EQ(p("2020S2").next(), p("2021S1"));
  EXPECT_EQ(p("2020S1").previous(), p("2019S2"));
  EXPECT_EQ(p("2020").next(), p("2021"));
  EXPECT_EQ(p("2020").previous(), p("2019"));
  EXPECT_EQ(p("2020Q2").next(), p("2020Q3"));
  EXPECT_EQ(p("202006").previous(), p("202005"));
  expect_value_error([] { (void)p("9999Q4").next(); }, "year 10000 is out of range 1400..9999");
  expect_value_error([] { (void)p("140001").previous(); }, "year 1399 is out of range 1400..9999");
}

TEST(PeriodArithmetic, SplitIntoShorterPeriods) {
  EXPECT_EQ(ids(p("2020").split(PeriodType::month)),
            (std::vector<std::string>{"202001", "202002", "202003", "202004", "202005", "202006",
                                      "202007", "202008", "202009", "202010", "202011", "202012"}));
  EXPECT_EQ(ids(p("2020").split(PeriodType::quarter)),
            (std::vector<std::string>{"2020Q1", "2020Q2", "2020Q3", "2020Q4"}));
  EXPECT_EQ(ids(p("2020S2").split(PeriodType::quarter)),
            (std::vector<std::string>{"2020Q3", "2020Q4"}));
  EXPECT_EQ(ids(p("2020S2").split(PeriodType::month)),
            (std::vector<std::string>{"202007", "202008", "202009", "202010", "202011", "202012"}));
  EXPECT_EQ(ids(p("2020Q2").split(PeriodType::month)),
            (std::vector<std::string>{"202004", "202005", "202006"}));
  EXPECT_EQ(ids(p("2020Q2").split(PeriodType::quarter)), (std::vector<std::string>{"2020Q2"}));
  EXPECT_EQ(ids(p("202004").split(PeriodType::month)), (std::vector<std::string>{"202004"}));
}

TEST(PeriodArithmetic, SplitIntoLongerPeriodsFails) {
  expect_value_error(
      [] { (void)p("2020Q2").split(PeriodType::six_month); },
      "cannot split 2020Q2 into six_month periods: six_month is longer than quarter");
  expect_value_error([] { (void)p("202004").split(PeriodType::year); },
                     "cannot split 202004 into year periods: year is longer than month");
}

TEST(PeriodArithmetic, OrdersByStartThenLength) {
  std::vector<Period> periods = {p("2020Q2"), p("2020"),   p("2020S1"), p("2020Q1"),
                                 p("202001"), p("201912"), p("2021")};
  std::sort(periods.begin(), periods.end());
  EXPECT_EQ(ids(periods), (std::vector<std::string>{"201912", "202001", "2020Q1", "2020S1", "2020",
                                                    "2020Q2", "2021"}));
  EXPECT_LT(p("202012"), p("2021"));
  EXPECT_GT(p("2020Q2"), p("2020"));
  EXPECT_EQ(p("2020Q2") <=> Period(PeriodType::quarter, 2020, 2), std::strong_ordering::equal);
  EXPECT_NE(p("202001"), p("2020Q1"));
}

// ---------------------------------------------------------------------------------------------
// PeriodType

TEST(PeriodType, SlugsRoundTrip) {
  for (const PeriodType type :
       {PeriodType::month, PeriodType::quarter, PeriodType::six_month, PeriodType::year}) {
    EXPECT_EQ(danvan::parse_period_type(danvan::to_string(type)), type);
  }
  EXPECT_EQ(danvan::to_string(PeriodType::six_month), "six_month");
  EXPECT_EQ(danvan::to_string(static_cast<PeriodType>(9)), "unknown");
}

TEST(PeriodType, UnknownSlugNamesTheAcceptedValues) {
  expect_value_error([] { (void)danvan::parse_period_type("weekly"); },
                     R"(unknown period type "weekly"; expected one of month, quarter, six_month, )"
                     "year");
  expect_value_error([] { (void)danvan::parse_period_type("Month"); },
                     R"(unknown period type "Month"; expected one of month, quarter, six_month, )"
                     "year");
  expect_value_error([] { (void)danvan::parse_period_type(""); },
                     R"(unknown period type ""; expected one of month, quarter, six_month, year)");
}

}  // namespace
