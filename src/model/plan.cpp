#include "danvan/plan.hpp"

#include "danvan/error.hpp"

#include "base/enum_names.hpp"

#include <array>

#include <set>

namespace danvan {

namespace {

void check_citations(const Plan& plan, const std::vector<Citation>& citations,
                     const std::string& where) {
  for (const auto& c : citations) {
    if (plan.catalogue.find_instrument(c.instrument_id) == nullptr) {
      throw ValueError("plan \"" + plan.id + "\": " + where + " cites unknown instrument \"" +
                       c.instrument_id + "\"");
    }
    if (c.cited_as.empty()) {
      throw ValueError("plan \"" + plan.id + "\": " + where + " cites \"" + c.instrument_id +
                       "\" with an empty cited_as");
    }
  }
}

void check_units(const Plan& plan, const std::vector<std::string>& ids, const std::string& where) {
  for (const auto& id : ids) {
    if (plan.units.find(id) == nullptr) {
      throw ValueError("plan \"" + plan.id + "\": " + where + " names unknown unit \"" + id + "\"");
    }
  }
}

}  // namespace

bool is_valid_month_day(MonthDay d) noexcept {
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days[d.month - 1];
}

bool is_valid_time_of_day(TimeOfDay t) noexcept {
  return t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59;
}

namespace {
constexpr std::array<std::string_view, 3> kDutyRoleNames = {"unspecified", "lead", "coordinate"};
}  // namespace

std::string_view to_string(DutyRole role) noexcept {
  return detail::enum_name(kDutyRoleNames, role);
}

DutyRole parse_duty_role(std::string_view text) {
  return detail::parse_enum_name<DutyRole>(text, kDutyRoleNames, "duty role");
}

void Plan::validate() const {
  if (!is_valid_id(id)) throw ValueError("plan id \"" + id + "\" is not a valid id");
  if (title.empty()) throw ValueError("plan \"" + id + "\": title is empty");
  if (catalogue.find_issuer(issuer_id) == nullptr) {
    throw ValueError("plan \"" + id + "\": unknown issuer \"" + issuer_id + "\"");
  }
  if (period) {
    if (!period->from && !period->to) {
      throw ValueError("plan \"" + id + "\": the period has neither a start nor an end");
    }
    if (period->from && period->to && period->to->last_day() < period->from->first_day()) {
      throw ValueError("plan \"" + id + "\": the period ends (" + period->to->iso() +
                       ") before it starts (" + period->from->iso() + ")");
    }
  }
  for (std::size_t i = 0; i < duties.size(); ++i) {
    if (duties[i].unit.empty()) {
      throw ValueError("plan \"" + id + "\": duty " + std::to_string(i + 1) + " names no unit");
    }
    if (duties[i].unit_id)
      check_units(*this, {*duties[i].unit_id}, "duty " + std::to_string(i + 1));
  }
  for (std::size_t i = 0; i < reporting.size(); ++i) {
    const ReportingDuty& r = reporting[i];
    const std::string where = "reporting duty " + std::to_string(i + 1);
    if ((r.every_year ? 1 : 0) + (r.date ? 1 : 0) + (r.every_month ? 1 : 0) +
            (r.every_day ? 1 : 0) >
        1) {
      throw ValueError("plan \"" + id + "\": " + where + " has more than one deadline");
    }
    if (r.every_day && !is_valid_time_of_day(*r.every_day)) {
      throw ValueError("plan \"" + id + "\": " + where + " has an impossible time of day " +
                       std::to_string(r.every_day->hour) + ":" +
                       std::to_string(r.every_day->minute));
    }
    if (r.every_month && (*r.every_month < 1 || *r.every_month > 31)) {
      throw ValueError("plan \"" + id + "\": " + where + " has an impossible day of the month " +
                       std::to_string(*r.every_month));
    }
    if (r.every_year && !is_valid_month_day(*r.every_year)) {
      throw ValueError("plan \"" + id + "\": " + where + " has an impossible day " +
                       std::to_string(r.every_year->day) + "/" +
                       std::to_string(r.every_year->month));
    }
  }
  for (std::size_t i = 0; i < outline.size(); ++i) {
    if (outline[i].level < 0) {
      throw ValueError("plan \"" + id + "\": outline item " + std::to_string(i + 1) +
                       " has a negative level");
    }
  }
  std::set<std::string> milestone_ids;
  for (const auto& m : milestones) {
    if (!milestone_ids.insert(m.id).second) {
      throw ValueError("plan \"" + id + "\": duplicate milestone id \"" + m.id + "\"");
    }
  }
  check_citations(*this, legal_bases, "legal bases");
  for (std::size_t i = 0; i < task_areas.size(); ++i) {
    const TaskArea& t = task_areas[i];
    const std::string where = "task area " + std::to_string(i + 1);
    if (t.number != static_cast<int>(i) + 1) {
      throw ValueError("plan \"" + id + "\": task area at position " + std::to_string(i + 1) +
                       " is numbered " + std::to_string(t.number));
    }
    if (t.text.empty()) throw ValueError("plan \"" + id + "\": " + where + " has no text");
    check_citations(*this, t.citations, where);
    check_units(*this, t.lead_unit_ids, where + " (lead units)");
    check_units(*this, t.participating_unit_ids, where + " (participating units)");
  }
  units.validate();
}

std::vector<const Instrument*> Plan::cited_instruments() const {
  std::vector<const Instrument*> out;
  std::set<std::string> seen;
  const auto add = [&](const std::vector<Citation>& citations) {
    for (const auto& c : citations) {
      if (seen.insert(c.instrument_id).second) {
        if (const Instrument* in = catalogue.find_instrument(c.instrument_id)) out.push_back(in);
      }
    }
  };
  add(legal_bases);
  for (const auto& t : task_areas) add(t.citations);
  return out;
}

}  // namespace danvan
