// Every enumeration's to_string stays inside its table: the names of the enumerators round-trip
// through the matching parse function, and a value cast from an out-of-range integer gives ""
// instead of reading past the table (run under ASan by `scripts/dev sanitize`).
#include "danvan/calendar.hpp"
#include "danvan/deadline.hpp"
#include "danvan/progress.hpp"
#include "danvan/registry.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

template <class E, class Parse>
void check_names(int count, Parse parse, const char* what) {
  SCOPED_TRACE(what);
  std::set<std::string> seen;
  for (int i = 0; i < 256; ++i) {
    const auto e = static_cast<E>(i);
    const std::string name(danvan::to_string(e));
    if (i < count) {
      ASSERT_FALSE(name.empty()) << i;
      EXPECT_EQ(parse(name), e) << name;
      EXPECT_TRUE(seen.insert(name).second) << "duplicate name " << name;
    } else {
      EXPECT_EQ(name, "") << i;
    }
  }
}

TEST(EnumNames, InRangeRoundTripAndOutOfRangeIsEmpty) {
  using namespace danvan;
  check_names<EntryKind>(2, parse_entry_kind, "EntryKind");
  check_names<Subject>(3, parse_subject, "Subject");
  check_names<EventType>(8, parse_event_type, "EventType");
  check_names<EntryState>(7, parse_entry_state, "EntryState");
  check_names<CommendationStatus>(2, parse_commendation_status, "CommendationStatus");
  check_names<StatsDimension>(4, parse_stats_dimension, "StatsDimension");
  check_names<ActivityStatus>(4, parse_activity_status, "ActivityStatus");
  check_names<Measure>(4, parse_measure, "Measure");
  check_names<Direction>(2, parse_direction, "Direction");
  check_names<TimeAggregation>(3, parse_time_aggregation, "TimeAggregation");
  check_names<UnitAggregation>(2, parse_unit_aggregation, "UnitAggregation");
  check_names<Weekday>(7, parse_weekday, "Weekday");
  check_names<DateBasis>(2, parse_date_basis, "DateBasis");
  check_names<DayCounting>(2, parse_day_counting, "DayCounting");
  check_names<ComplaintRound>(2, parse_complaint_round, "ComplaintRound");
}

TEST(EnumNames, VietnameseNamesStayInsideTheirTables) {
  using namespace danvan;
  EXPECT_EQ(vietnamese_name(EntryKind::exemplar), "điển hình");
  EXPECT_EQ(vietnamese_name(static_cast<EntryKind>(2)), "");
  EXPECT_EQ(vietnamese_name(static_cast<Subject>(200)), "");
  EXPECT_EQ(vietnamese_name(static_cast<EventType>(8)), "");
  EXPECT_EQ(vietnamese_name(static_cast<EntryState>(255)), "");
  EXPECT_EQ(vietnamese_name(Weekday::sunday), "Chủ nhật");
  EXPECT_EQ(vietnamese_name(static_cast<Weekday>(7)), "");
  EXPECT_EQ(to_string(static_cast<DayOffKind>(3)), "");
}

}  // namespace
