// Internal: the rules of an entry's timeline shared by Entry's methods and the registry's store.
#pragma once

#include "danvan/registry.hpp"

#include <vector>

namespace danvan::detail {

/// For each event, the day by which it certainly happened: the last day of its period or of
/// any later-listed event's, whichever is earlier (see Event). Non-decreasing. An event without
/// a date counts as 9999-12-31.
std::vector<Date> certain_days(const std::vector<Event>& events);
/// The same into `out` (its room reused).
void certain_days(const std::vector<Event>& events, std::vector<Date>& out);

/// Whether a recognition anchored in `anchor_year` (the year of the latest recognition or
/// effective re-evaluation; 0 for none) has lapsed in `day_year` under a validity of
/// `recognition_years` (0: never).
bool lapsed(int anchor_year, int day_year, int recognition_years) noexcept;

}  // namespace danvan::detail
