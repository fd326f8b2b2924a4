// Internal: the checks of a calendar definition, shared by the Calendar constructor (which
// throws the first problem as ValueError) and the JSON reader (which reports every problem with
// its JSON pointer).
#pragma once

#include "base/problems.hpp"
#include "danvan/calendar.hpp"

#include <string>
#include <vector>

namespace danvan::detail {

/// The parts a Calendar is built from, in the constructor's order.
struct CalendarParts {
  std::string name;
  std::string source;
  int first_year = 0;
  int last_year = 0;
  std::vector<Weekday> weekend;
  std::vector<HolidayRule> rules;
  bool compensatory = false;
  std::vector<YearSchedule> years;
  DeadlineRules deadline_rules;
};

/// Records every problem of `c` in `p`, with pointers as in a "danvan/calendar" document.
void check_calendar_parts(const CalendarParts& c, Problems& p);

}  // namespace danvan::detail
