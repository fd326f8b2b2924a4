#include "danvan/deadline.hpp"

#include "base/enum_names.hpp"
#include "danvan/error.hpp"

#include <array>

namespace danvan {

namespace {

using boost::gregorian::days;

void check_count(int count) {
  if (count < 0 || count > max_deadline_days) {
    throw ValueError("day count " + std::to_string(count) + " is out of range 0.." +
                     std::to_string(max_deadline_days));
  }
}

void check_day(Date day) {
  if (day.is_special()) throw ValueError("a special date is not a calendar day");
}

/// The last day a Date can hold (boost's range ends with 9999).
const Date last_day(9999, 12, 31);

/// `day` + `count` days, or ValueError past 31/12/9999 (the arithmetic itself would not
/// throw, but the year of the result would: an internal error instead of a message).
Date after(Date day, int count) {
  if ((last_day - day).days() < count) {
    throw ValueError(std::to_string(count) + (count == 1 ? " day" : " days") + " after " +
                     to_iso(day) + " is past 9999-12-31, the last day danvan handles");
  }
  return day + days(count);
}

constexpr std::array<std::string_view, 2> round_ids{"first", "second"};

}  // namespace

Date next_working_day(const Calendar& calendar, Date day) {
  check_day(day);
  while (!calendar.is_working_day(day)) day = after(day, 1);
  return day;
}

Date add_calendar_days(const Calendar& calendar, Date event, int count) {
  check_day(event);
  check_count(count);
  return next_working_day(calendar, after(event, count));
}

Date add_working_days(const Calendar& calendar, Date event, int count) {
  check_day(event);
  check_count(count);
  if (count == 0) return next_working_day(calendar, event);
  Date day = event;
  for (int left = count; left > 0;) {
    day = after(day, 1);
    if (calendar.is_working_day(day)) --left;
  }
  return day;
}

Date add_days(const Calendar& calendar, Date event, int count, DayCounting counting) {
  return counting == DayCounting::working_days ? add_working_days(calendar, event, count)
                                               : add_calendar_days(calendar, event, count);
}

int count_working_days(const Calendar& calendar, Date from, Date to) {
  check_day(from);
  check_day(to);
  int n = 0;
  for (Date day = from + days(1); day <= to; day += days(1)) {
    if (calendar.is_working_day(day)) ++n;
  }
  return n;
}

std::string_view to_string(ComplaintRound round) noexcept {
  return detail::enum_name(round_ids, round);
}

ComplaintRound parse_complaint_round(std::string_view text) {
  if (text == "first") return ComplaintRound::first;
  if (text == "second") return ComplaintRound::second;
  throw ValueError(detail::unknown_name_message("complaint round", text, {"first", "second"}));
}

int complaint_limit_days(const DeadlineRules& rules, ComplaintRound round, bool complex,
                         bool remote) noexcept {
  const ComplaintLimits& l =
      round == ComplaintRound::first ? rules.complaint_first : rules.complaint_second;
  if (remote) return complex ? l.remote_complex : l.remote;
  return complex ? l.complex : l.normal;
}

Date complaint_deadline(const Calendar& calendar, Date accepted, ComplaintRound round, bool complex,
                        bool remote) {
  const DeadlineRules& rules = calendar.deadline_rules();
  return add_days(calendar, accepted, complaint_limit_days(rules, round, complex, remote),
                  rules.counting);
}

int denunciation_limit_days(const DeadlineRules& rules, int extensions) {
  if (extensions < 0 || extensions > rules.denunciation_max_extensions) {
    throw ValueError(std::to_string(extensions) + " extensions is out of range 0.." +
                     std::to_string(rules.denunciation_max_extensions));
  }
  return rules.denunciation_days + extensions * rules.denunciation_extension_days;
}

Date denunciation_deadline(const Calendar& calendar, Date accepted, int extensions) {
  const DeadlineRules& rules = calendar.deadline_rules();
  return add_days(calendar, accepted, denunciation_limit_days(rules, extensions), rules.counting);
}

}  // namespace danvan
