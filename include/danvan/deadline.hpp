// Deadline arithmetic (tính thời hạn) as the Civil Code counts it, on a holiday calendar.
//
// Bộ luật Dân sự 2015, art. 147–148: a time limit of N days starts on the day after the event
// (the event day is not counted) and ends at the end of its last day; when the last day is a
// weekly rest day or a holiday, the limit ends at the end of the next working day. "N working
// days" (ngày làm việc) counts only working days after the event. Which days are working days
// is the Calendar's business (weekend days, holidays, compensatory and extra days off, weekend
// days worked).
#pragma once

#include "danvan/calendar.hpp"
#include "danvan/date.hpp"

#include <cstdint>
#include <string_view>

namespace danvan {

/// The largest day count the functions below accept (about 100 years).
inline constexpr int max_deadline_days = 36500;

/// The first working day on or after `day`. Throws ValueError when the search leaves the
/// calendar's years.
Date next_working_day(const Calendar& calendar, Date day);

/// The last day of a limit of `days` calendar days after `event`: event + days, moved to the
/// next working day when it is not one. `days` = 0 gives the event day (moved the same way).
/// Throws ValueError for a negative count or one above max_deadline_days ("day count -1 is out
/// of range 0..36500") and for days outside the calendar's years.
Date add_calendar_days(const Calendar& calendar, Date event, int days);

/// The `days`-th working day after `event` (0: the event day if it is a working day, else the
/// next working day). Throws ValueError as add_calendar_days.
Date add_working_days(const Calendar& calendar, Date event, int days);

/// add_calendar_days or add_working_days as `counting` says.
Date add_days(const Calendar& calendar, Date event, int days, DayCounting counting);

/// The number of working days in (from, to]; 0 when to <= from. Throws ValueError for days
/// outside the calendar's years.
int count_working_days(const Calendar& calendar, Date from, Date to);

/// Which resolution of a complaint (khiếu nại): the first (lần đầu) or the second (lần hai).
enum class ComplaintRound : std::uint8_t { first, second };
std::string_view to_string(ComplaintRound round) noexcept;    ///< "first", "second"
ComplaintRound parse_complaint_round(std::string_view text);  ///< throws ValueError

/// The limit in days for a complaint: the rules' normal, complex (vụ việc phức tạp), remote
/// (vùng sâu, vùng xa đi lại khó khăn) or remote complex limit of the round.
int complaint_limit_days(const DeadlineRules& rules, ComplaintRound round, bool complex,
                         bool remote) noexcept;

/// The last day to resolve a complaint accepted (thụ lý) on `accepted`: the limit counted from
/// the next day as the calendar's deadline rules say (calendar days by default).
Date complaint_deadline(const Calendar& calendar, Date accepted,
                        ComplaintRound round = ComplaintRound::first, bool complex = false,
                        bool remote = false);

/// The limit in days for a denunciation (tố cáo) after `extensions` extensions (gia hạn):
/// denunciation_days + extensions × denunciation_extension_days. Throws ValueError when
/// extensions is not in 0..denunciation_max_extensions ("3 extensions is out of range 0..2").
int denunciation_limit_days(const DeadlineRules& rules, int extensions);

/// The last day to resolve a denunciation accepted on `accepted`, after `extensions`
/// extensions, all counted from the day after acceptance.
Date denunciation_deadline(const Calendar& calendar, Date accepted, int extensions = 0);

}  // namespace danvan
