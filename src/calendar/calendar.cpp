#include "danvan/calendar.hpp"

#include "base/enum_names.hpp"
#include "calendar/calendar_check.hpp"
#include "danvan/error.hpp"
#include "danvan/instrument.hpp"
#include "danvan/lunar.hpp"
#include "danvan/text.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace danvan {

using detail::child_pointer;
using detail::Problems;

// ---------------------------------------------------------------------------------------------
// Names

namespace {
constexpr std::array<std::string_view, 7> weekday_ids{"sunday",   "monday", "tuesday", "wednesday",
                                                      "thursday", "friday", "saturday"};
constexpr std::array<std::string_view, 7> weekday_vi{"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                                     "Thứ Năm",  "Thứ Sáu", "Thứ Bảy"};

constexpr std::array<std::string_view, 2> basis_ids{"solar", "lunar"};
constexpr std::array<std::string_view, 2> counting_ids{"calendar_days", "working_days"};
constexpr std::array<std::string_view, 3> kind_ids{"holiday", "compensatory", "extra"};
}  // namespace

DANVAN_ENUM_NAMES(Weekday, weekday_ids, parse_weekday, "weekday")
std::string_view vietnamese_name(Weekday day) noexcept {
  return detail::enum_name(weekday_vi, day);
}
Weekday weekday_of(Date day) {
  if (day.is_special()) throw ValueError("a special date has no weekday");
  return static_cast<Weekday>(day.day_of_week().as_number());
}
DANVAN_ENUM_NAMES(DateBasis, basis_ids, parse_date_basis, "date basis")
DANVAN_ENUM_NAMES(DayCounting, counting_ids, parse_day_counting, "day counting")
std::string_view to_string(DayOffKind kind) noexcept { return detail::enum_name(kind_ids, kind); }

bool HolidayRule::in_force(int year) const noexcept {
  return (!from_year || year >= *from_year) && (!to_year || year <= *to_year);
}

// ---------------------------------------------------------------------------------------------
// Checking a definition (shared by the constructor and the JSON reader)

namespace {

std::string range_reason(long long n, long long min, long long max) {
  return std::to_string(n) + " is out of range " + std::to_string(min) + ".." + std::to_string(max);
}

void check_range(Problems& p, const std::string& pointer, long long n, long long min,
                 long long max) {
  if (n < min || n > max) p.add(pointer, range_reason(n, min, max));
}

bool in_year(Date d, int year) { return !d.is_special() && d.year() == year; }

void check_days(Problems& p, const std::string& pointer, const std::vector<Date>& days, int year) {
  std::set<Date> seen;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const std::string at = child_pointer(pointer, i);
    if (!in_year(days[i], year)) {
      p.add(at, (days[i].is_special() ? std::string("a special date") : to_iso(days[i])) +
                    " is not in " + std::to_string(year));
    } else if (!seen.insert(days[i]).second) {
      p.add(at, to_iso(days[i]) + " is listed twice");
    }
  }
}

void check_limits(Problems& p, const std::string& pointer, const ComplaintLimits& l) {
  check_range(p, child_pointer(pointer, "normal"), l.normal, 1, 3650);
  check_range(p, child_pointer(pointer, "complex"), l.complex, 1, 3650);
  check_range(p, child_pointer(pointer, "remote"), l.remote, 1, 3650);
  check_range(p, child_pointer(pointer, "remote_complex"), l.remote_complex, 1, 3650);
}

}  // namespace

void detail::check_calendar_parts(const CalendarParts& c, Problems& p) {
  if (squeeze_spaces(c.name).empty()) p.add("/name", "must not be empty");
  check_range(p, "/first_year", c.first_year, lunar_min_year, lunar_max_year);
  check_range(p, "/last_year", c.last_year, lunar_min_year, lunar_max_year);
  if (c.last_year < c.first_year) {
    p.add("/last_year",
          std::to_string(c.last_year) + " is before first_year " + std::to_string(c.first_year));
  }
  std::set<Weekday> weekend;
  for (std::size_t i = 0; i < c.weekend.size(); ++i) {
    if (!weekend.insert(c.weekend[i]).second) {
      p.add(child_pointer("/weekend", i),
            "\"" + std::string(to_string(c.weekend[i])) + "\" is listed twice");
    }
  }
  if (weekend.size() == 7) p.add("/weekend", "every day of the week is a weekend day");

  std::map<std::string, std::size_t, std::less<>> rule_ids;
  for (std::size_t i = 0; i < c.rules.size(); ++i) {
    const HolidayRule& r = c.rules[i];
    const std::string at = child_pointer("/rules", i);
    if (!is_valid_id(r.id)) {
      p.add(child_pointer(at, "id"), "invalid id \"" + r.id +
                                         "\": ids are 1..100 characters of a-z, 0-9 and '-', "
                                         "not starting with '-'");
    } else if (const auto [it, fresh] = rule_ids.emplace(r.id, i); !fresh) {
      p.add(child_pointer(at, "id"), "duplicate rule id \"" + r.id + "\" (first at " +
                                         child_pointer("/rules", it->second) + ")");
    }
    if (squeeze_spaces(r.name).empty()) p.add(child_pointer(at, "name"), "must not be empty");
    check_range(p, child_pointer(at, "month"), r.month, 1, 12);
    if (r.basis == DateBasis::lunar) {
      check_range(p, child_pointer(at, "day"), r.day, 1, 30);
    } else if (r.month >= 1 && r.month <= 12) {
      const int length = boost::gregorian::gregorian_calendar::end_of_month_day(
          2000, static_cast<unsigned short>(r.month));
      if (r.day < 1 || r.day > length) {
        p.add(child_pointer(at, "day"), "day " + std::to_string(r.day) +
                                            " does not exist in month " + std::to_string(r.month));
      }
    }
    check_range(p, child_pointer(at, "first_offset"), r.first_offset, -30, 30);
    check_range(p, child_pointer(at, "last_offset"), r.last_offset, -30, 30);
    if (r.last_offset < r.first_offset) {
      p.add(child_pointer(at, "last_offset"), std::to_string(r.last_offset) +
                                                  " is before first_offset " +
                                                  std::to_string(r.first_offset));
    }
    if (r.from_year) check_range(p, child_pointer(at, "from_year"), *r.from_year, 1900, 2100);
    if (r.to_year) check_range(p, child_pointer(at, "to_year"), *r.to_year, 1900, 2100);
    if (r.from_year && r.to_year && *r.to_year < *r.from_year) {
      p.add(child_pointer(at, "to_year"),
            std::to_string(*r.to_year) + " is before from_year " + std::to_string(*r.from_year));
    }
  }

  std::map<int, std::size_t> years;
  for (std::size_t i = 0; i < c.years.size(); ++i) {
    const YearSchedule& y = c.years[i];
    const std::string at = child_pointer("/years", i);
    if (y.year < c.first_year || y.year > c.last_year) {
      p.add(child_pointer(at, "year"),
            std::to_string(y.year) + " is outside the calendar's years " +
                std::to_string(c.first_year) + ".." + std::to_string(c.last_year));
    } else if (const auto [it, fresh] = years.emplace(y.year, i); !fresh) {
      p.add(child_pointer(at, "year"), "duplicate year " + std::to_string(y.year) + " (first at " +
                                           child_pointer("/years", it->second) + ")");
    }
    for (const auto& [id, days] : y.rule_days) {
      const std::string rp = child_pointer(child_pointer(at, "rule_days"), id);
      const auto rule =
          std::find_if(c.rules.begin(), c.rules.end(),
                       [&rule_id = id](const HolidayRule& r) { return r.id == rule_id; });
      if (rule == c.rules.end()) {
        p.add(rp, "unknown rule \"" + id + "\"");
      } else if (!rule->in_force(y.year)) {
        p.add(rp, "rule \"" + id + "\" is not in force in " + std::to_string(y.year));
      }
      check_days(p, rp, days, y.year);
    }
    std::vector<Date> extra;
    for (std::size_t j = 0; j < y.extra_days_off.size(); ++j) {
      extra.push_back(y.extra_days_off[j].date);
      if (squeeze_spaces(y.extra_days_off[j].name).empty()) {
        p.add(child_pointer(child_pointer(child_pointer(at, "extra_days_off"), j), "name"),
              "must not be empty");
      }
    }
    // Dates of extra days are reported at .../extra_days_off/J/date.
    {
      std::set<Date> seen;
      for (std::size_t j = 0; j < extra.size(); ++j) {
        const std::string dp =
            child_pointer(child_pointer(child_pointer(at, "extra_days_off"), j), "date");
        if (!in_year(extra[j], y.year)) {
          p.add(dp, (extra[j].is_special() ? std::string("a special date") : to_iso(extra[j])) +
                        " is not in " + std::to_string(y.year));
        } else if (!seen.insert(extra[j]).second) {
          p.add(dp, to_iso(extra[j]) + " is listed twice");
        }
      }
    }
    const std::string wp = child_pointer(at, "working_days");
    check_days(p, wp, y.working_days, y.year);
    for (std::size_t j = 0; j < y.working_days.size(); ++j) {
      const Date d = y.working_days[j];
      if (in_year(d, y.year) && !weekend.contains(weekday_of(d))) {
        p.add(child_pointer(wp, j),
              to_iso(d) + " is a " + std::string(to_string(weekday_of(d))) + ", not a weekend day");
      }
    }
  }

  const DeadlineRules& d = c.deadline_rules;
  check_limits(p, "/deadline_rules/complaint_first", d.complaint_first);
  check_limits(p, "/deadline_rules/complaint_second", d.complaint_second);
  check_range(p, "/deadline_rules/denunciation_days", d.denunciation_days, 1, 3650);
  check_range(p, "/deadline_rules/denunciation_extension_days", d.denunciation_extension_days, 1,
              3650);
  check_range(p, "/deadline_rules/denunciation_max_extensions", d.denunciation_max_extensions, 0,
              10);
}

// ---------------------------------------------------------------------------------------------
// Computing the days off

struct Calendar::Index {
  std::vector<DayOff> days;   // sorted by date
  std::vector<Date> working;  // sorted
};

namespace {

using boost::gregorian::days;

struct WeekendSet {
  std::array<bool, 7> is{};
  bool operator()(Date d) const { return is[static_cast<std::size_t>(weekday_of(d))]; }
};

std::vector<Date> rule_days(const HolidayRule& r, int year, const WeekendSet& weekend) {
  std::optional<Date> anchor;
  if (r.basis == DateBasis::solar) {
    const auto m = static_cast<unsigned short>(r.month);
    if (r.day <= boost::gregorian::gregorian_calendar::end_of_month_day(
                     static_cast<unsigned short>(year), m)) {
      anchor = Date(static_cast<unsigned short>(year), m, static_cast<unsigned short>(r.day));
    }
  } else if (year >= lunar_min_year && year <= lunar_max_year &&
             r.day <= lunar_month_length(year, r.month, false)) {
    const Date d = from_lunar(LunarDate{year, r.month, r.day, false});
    anchor = d;
  }
  if (!anchor) return {};
  if (r.adjacent) {
    const Date before = *anchor - days(1);
    const Date after = *anchor + days(1);
    if (weekend(after) && !weekend(before)) return {before};
    if (weekend(before) || weekend(after)) return {after};
    if (weekend(*anchor - days(2)) && !weekend(*anchor + days(2))) return {before};
    return {after};
  }
  std::vector<Date> out;
  for (int o = r.first_offset; o <= r.last_offset; ++o) out.push_back(*anchor + days(o));
  return out;
}

}  // namespace

Calendar::Calendar(std::string name, std::string source, int first_year, int last_year,
                   std::vector<Weekday> weekend, std::vector<HolidayRule> rules, bool compensatory,
                   std::vector<YearSchedule> years, DeadlineRules deadline_rules)
    : name_(std::move(name)),
      source_(std::move(source)),
      first_year_(first_year),
      last_year_(last_year),
      weekend_(std::move(weekend)),
      rules_(std::move(rules)),
      compensatory_(compensatory),
      years_(std::move(years)),
      deadline_rules_(deadline_rules) {
  {
    detail::CalendarParts parts{name_,  source_,       first_year_, last_year_,     weekend_,
                                rules_, compensatory_, years_,      deadline_rules_};
    Problems problems;
    detail::check_calendar_parts(parts, problems);
    if (!problems.empty()) {
      const auto& first = problems.list().front();
      throw ValueError("invalid calendar: " + first.pointer + ": " + first.reason);
    }
  }
  // Canonical order.
  std::sort(weekend_.begin(), weekend_.end());
  std::sort(years_.begin(), years_.end(),
            [](const YearSchedule& a, const YearSchedule& b) { return a.year < b.year; });
  for (auto& y : years_) {
    for (auto& [id, list] : y.rule_days) std::sort(list.begin(), list.end());
    std::sort(y.extra_days_off.begin(), y.extra_days_off.end(),
              [](const ExtraDayOff& a, const ExtraDayOff& b) { return a.date < b.date; });
    std::sort(y.working_days.begin(), y.working_days.end());
  }

  WeekendSet is_weekend;
  for (const Weekday w : weekend_) is_weekend.is[static_cast<std::size_t>(w)] = true;
  auto index = std::make_shared<Index>();
  std::vector<DayOff>& out = index->days;
  std::set<std::pair<Date, std::string>> decided_days;  // no compensation for these
  const int from = std::max(lunar_min_year, first_year_ - 1);
  const int to = std::min(lunar_max_year, last_year_ + 1);
  for (int year = from; year <= to; ++year) {
    const auto schedule = std::find_if(years_.begin(), years_.end(),
                                       [&](const YearSchedule& s) { return s.year == year; });
    const bool has_schedule = schedule != years_.end();
    for (const HolidayRule& r : rules_) {
      if (!r.in_force(year)) continue;
      const auto given = has_schedule ? schedule->rule_days.find(r.id)
                                      : std::map<std::string, std::vector<Date>>::const_iterator{};
      const bool decided = has_schedule && given != schedule->rule_days.end();
      const std::vector<Date> list = decided ? given->second : rule_days(r, year, is_weekend);
      for (const Date d : list) {
        out.push_back(DayOff{d, r.name, r.id, DayOffKind::holiday});
        if (decided) decided_days.emplace(d, r.id);
      }
    }
    if (has_schedule) {
      for (const auto& e : schedule->extra_days_off) {
        out.push_back(DayOff{e.date, e.name, "", DayOffKind::extra});
      }
      index->working.insert(index->working.end(), schedule->working_days.begin(),
                            schedule->working_days.end());
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DayOff& a, const DayOff& b) { return a.date < b.date; });
  if (compensatory_) {
    std::set<Date> off;
    for (const auto& d : out) off.insert(d.date);
    std::set<Date> compensated;
    std::vector<DayOff> extra;
    for (const auto& h : out) {
      if (h.kind != DayOffKind::holiday || !is_weekend(h.date)) continue;
      if (decided_days.contains({h.date, h.rule_id})) continue;
      if (!compensated.insert(h.date).second) continue;
      Date d = h.date + days(1);
      while (is_weekend(d) || off.contains(d)) d += days(1);
      off.insert(d);
      extra.push_back(DayOff{d, "Nghỉ bù " + h.name, h.rule_id, DayOffKind::compensatory});
    }
    out.insert(out.end(), extra.begin(), extra.end());
    std::stable_sort(out.begin(), out.end(),
                     [](const DayOff& a, const DayOff& b) { return a.date < b.date; });
  }
  std::erase_if(out, [&](const DayOff& d) {
    return d.date.year() < first_year_ || d.date.year() > last_year_;
  });
  std::sort(index->working.begin(), index->working.end());
  index_ = std::move(index);
}

bool operator==(const Calendar& a, const Calendar& b) {
  return a.name_ == b.name_ && a.source_ == b.source_ && a.first_year_ == b.first_year_ &&
         a.last_year_ == b.last_year_ && a.weekend_ == b.weekend_ && a.rules_ == b.rules_ &&
         a.compensatory_ == b.compensatory_ && a.years_ == b.years_ &&
         a.deadline_rules_ == b.deadline_rules_;
}

namespace {
void check_covered(const Calendar& c, int year) {
  if (year < c.first_year() || year > c.last_year()) {
    throw ValueError("year " + std::to_string(year) + " is outside the years of calendar \"" +
                     c.name() + "\" (" + std::to_string(c.first_year()) + ".." +
                     std::to_string(c.last_year()) + ")");
  }
}
void check_covered(const Calendar& c, Date day) {
  if (day.is_special()) throw ValueError("a special date is not a calendar day");
  check_covered(c, day.year());
}
}  // namespace

std::vector<DayOff> Calendar::days_off(int year) const {
  check_covered(*this, year);
  const auto& all = index_->days;
  const auto lo = std::lower_bound(all.begin(), all.end(), year,
                                   [](const DayOff& d, int y) { return d.date.year() < y; });
  const auto hi = std::lower_bound(lo, all.end(), year + 1,
                                   [](const DayOff& d, int y) { return d.date.year() < y; });
  return {lo, hi};
}

std::optional<DayOff> Calendar::day_off(Date day) const {
  check_covered(*this, day);
  const auto& all = index_->days;
  const auto it = std::lower_bound(all.begin(), all.end(), day,
                                   [](const DayOff& d, Date x) { return d.date < x; });
  if (it == all.end() || it->date != day) return std::nullopt;
  return *it;
}

bool Calendar::is_weekend(Date day) const {
  check_covered(*this, day);
  return std::find(weekend_.begin(), weekend_.end(), weekday_of(day)) != weekend_.end();
}

bool Calendar::is_working_day(Date day) const {
  if (day_off(day)) return false;
  if (!is_weekend(day)) return true;
  return std::binary_search(index_->working.begin(), index_->working.end(), day);
}

// ---------------------------------------------------------------------------------------------
// The built-in Vietnamese calendar

Calendar Calendar::vietnam() {
  auto solar = [](std::string id, std::string name, int month, int day) {
    HolidayRule r;
    r.id = std::move(id);
    r.name = std::move(name);
    r.month = month;
    r.day = day;
    return r;
  };
  HolidayRule tet = solar("tet", "Tết Nguyên đán", 1, 1);
  tet.basis = DateBasis::lunar;
  tet.first_offset = -1;
  tet.last_offset = 3;
  HolidayRule hung = solar("hung-kings", "Giỗ Tổ Hùng Vương", 3, 10);
  hung.basis = DateBasis::lunar;
  HolidayRule adjacent = solar("national-day-adjacent", "Quốc khánh (ngày liền kề)", 9, 2);
  adjacent.adjacent = true;
  adjacent.from_year = 2021;
  std::vector<HolidayRule> rules{solar("new-year", "Tết Dương lịch", 1, 1),
                                 tet,
                                 hung,
                                 solar("victory", "Ngày Chiến thắng", 4, 30),
                                 solar("labour", "Ngày Quốc tế Lao động", 5, 1),
                                 solar("national-day", "Quốc khánh", 9, 2),
                                 adjacent};
  // The decisions of individual years, each fact as a source states it (see
  // data/calendar/README.md for the pages read). Tết lists the Tết days and
  // their nghỉ bù, not the ordinary weekend days around them.
  auto decided = [](int year, std::string source) {
    YearSchedule y;
    y.year = year;
    y.source = std::move(source);
    return y;
  };
  auto adjacent_day = [](YearSchedule& y, Date day) {
    y.rule_days["national-day-adjacent"] = {day};
  };
  auto tet_days = [](YearSchedule& y, Date first, Date last) {
    auto& list = y.rule_days["tet"];
    for (Date d = first; d <= last; d += days(1)) list.push_back(d);
  };
  // A working day taken off (hoán đổi), made up on a weekend day (làm bù).
  auto swap_days = [](YearSchedule& y, Date off, std::string name, Date worked) {
    y.extra_days_off.push_back(ExtraDayOff{off, std::move(name)});
    y.working_days.push_back(worked);
  };
  const std::string swap_may = "Nghỉ hoán đổi dịp 30/4 và 1/5";
  YearSchedule y2019 =
      decided(2019, "Thủ tướng Chính phủ đồng ý hoán đổi ngày làm việc dịp 30/4 và 1/5/2019");
  swap_days(y2019, Date(2019, 4, 29), swap_may, Date(2019, 5, 4));
  YearSchedule y2020 = decided(2020, "Thông báo 4544/TB-LĐTBXH ngày 25/10/2019 (Tết Âm lịch 2020)");
  tet_days(y2020, Date(2020, 1, 23), Date(2020, 1, 29));
  YearSchedule y2021 = decided(2021, "Thông báo 4875/TB-LĐTBXH (Tết Âm lịch và Quốc khánh 2021)");
  tet_days(y2021, Date(2021, 2, 10), Date(2021, 2, 16));
  adjacent_day(y2021, Date(2021, 9, 3));
  YearSchedule y2022 =
      decided(2022, "Văn bản 245/VPCP-KGVX ngày 11/01/2022 (Tết Âm lịch và Quốc khánh 2022)");
  tet_days(y2022, Date(2022, 1, 31), Date(2022, 2, 4));
  adjacent_day(y2022, Date(2022, 9, 1));
  YearSchedule y2023 = decided(2023,
                               "Văn bản 8056/VPCP-KGVX ngày 01/12/2022 "
                               "(Tết Âm lịch và Quốc khánh 2023)");
  tet_days(y2023, Date(2023, 1, 20), Date(2023, 1, 26));
  adjacent_day(y2023, Date(2023, 9, 1));
  YearSchedule y2024 = decided(2024,
                               "Văn bản 8662/VPCP-KGVX ngày 03/11/2023 (Tết Âm lịch và Quốc khánh "
                               "2024); 2450/VPCP-KGVX ngày 12/4/2024 (hoán đổi dịp 30/4 và 1/5)");
  tet_days(y2024, Date(2024, 2, 8), Date(2024, 2, 14));
  swap_days(y2024, Date(2024, 4, 29), swap_may, Date(2024, 5, 4));
  adjacent_day(y2024, Date(2024, 9, 3));
  YearSchedule y2025 =
      decided(2025,
              "Văn bản 8726/VPCP-KGVX ngày 26/11/2024 và thông báo của Bộ Lao động "
              "- Thương binh và Xã hội ngày 03/12/2024 (Tết Âm lịch, 30/4 và 1/5, "
              "Quốc khánh 2025)");
  tet_days(y2025, Date(2025, 1, 27), Date(2025, 1, 31));
  swap_days(y2025, Date(2025, 5, 2), swap_may, Date(2025, 4, 26));
  adjacent_day(y2025, Date(2025, 9, 1));
  YearSchedule y2026 = decided(2026,
                               "Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch 2026); "
                               "Thông báo 9441/TB-BNV ngày 16/10/2025 (Tết Âm lịch và Quốc khánh "
                               "2026)");
  swap_days(y2026, Date(2026, 1, 2), "Nghỉ hoán đổi dịp Tết Dương lịch", Date(2026, 1, 10));
  tet_days(y2026, Date(2026, 2, 16), Date(2026, 2, 20));
  swap_days(y2026, Date(2026, 8, 31), "Nghỉ hoán đổi dịp Quốc khánh", Date(2026, 8, 22));
  adjacent_day(y2026, Date(2026, 9, 1));
  std::vector<YearSchedule> years{y2019, y2020, y2021, y2022, y2023, y2024, y2025, y2026};
  return Calendar("Việt Nam",
                  "Bộ luật Lao động 2012 (Điều 115) và 2019 (Điều 111, 112); tuần làm việc "
                  "40 giờ của cán bộ, công chức (Quyết định 188/1999/QĐ-TTg)",
                  2013, 2100, {Weekday::saturday, Weekday::sunday}, std::move(rules), true,
                  std::move(years));
}

}  // namespace danvan
