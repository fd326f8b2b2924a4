#include "danvan/plan.hpp"

#include "danvan/error.hpp"

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

void Plan::validate() const {
  if (!is_valid_id(id)) throw ValueError("plan id \"" + id + "\" is not a valid id");
  if (title.empty()) throw ValueError("plan \"" + id + "\": title is empty");
  if (catalogue.find_issuer(issuer_id) == nullptr) {
    throw ValueError("plan \"" + id + "\": unknown issuer \"" + issuer_id + "\"");
  }
  if (campaign_year < 1900 || campaign_year > 2200) {
    throw ValueError("plan \"" + id + "\": campaign year " + std::to_string(campaign_year) +
                     " is out of range 1900..2200");
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
