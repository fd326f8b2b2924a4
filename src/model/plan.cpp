#include "danvan/plan.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"

#include "base/enum_names.hpp"
#include "text/text_detail.hpp"

#include <array>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace danvan {

namespace {

/// The problems Plan::validate finds, all of them: one alone keeps its message
/// ("plan \"x\": title is empty"), several are listed in one ("plan \"x\": 2 problems: title is
/// empty; task area 1 has no text").
class PlanProblems {
 public:
  explicit PlanProblems(const Plan& plan) : prefix_("plan \"" + plan.id + "\": ") {}
  /// A problem of the plan, said after "plan \"x\": ".
  void add(std::string what) { problems_.emplace_back(true, std::move(what)); }
  /// A problem that names its own subject ("plan id ...", "unit \"x\": ...").
  void add_whole(std::string what) { problems_.emplace_back(false, std::move(what)); }
  void throw_if_any() const {
    if (problems_.empty()) return;
    if (problems_.size() == 1) {
      const auto& [prefixed, what] = problems_.front();
      throw ValueError(prefixed ? prefix_ + what : what);
    }
    std::string message = prefix_ + std::to_string(problems_.size()) + " problems: ";
    std::vector<JsonProblem> list;
    for (std::size_t i = 0; i < problems_.size(); ++i) {
      if (i != 0) message += "; ";
      message += problems_[i].second;
      list.push_back({"", problems_[i].second});
    }
    throw ValueError(message, std::move(list));
  }

 private:
  std::string prefix_;
  std::vector<std::pair<bool, std::string>> problems_;
};

void check_citations(const Plan& plan, const std::vector<Citation>& citations,
                     const std::string& where, PlanProblems& problems) {
  for (const auto& c : citations) {
    if (plan.catalogue.find_instrument(c.instrument_id) == nullptr) {
      problems.add(where + " cites unknown instrument \"" + c.instrument_id + "\"");
    }
    if (c.cited_as.empty()) {
      problems.add(where + " cites \"" + c.instrument_id + "\" with an empty cited_as");
    }
  }
}

void check_units(const Plan& plan, const std::vector<std::string>& ids, const std::string& where,
                 PlanProblems& problems) {
  for (const auto& id : ids) {
    if (plan.units.find(id) == nullptr) {
      problems.add(where + " names unknown unit \"" + id + "\"");
    }
  }
}

// Every text of the plan, its catalogue and its units must be free of control characters, and
// the texts the JSON reader requires to say something (a name, a reporting duty's text, a
// present optional text) must not be blank, so a plan that validates can be written and read
// back; the prose fields may hold paragraphs separated by line feeds.
class TextCheck {
 public:
  explicit TextCheck(PlanProblems& problems) : problems_(problems) {}
  void operator()(const std::string& where, std::string_view text,
                  detail::Lines lines = detail::Lines::one) const {
    if (const std::string problem = detail::control_character_problem(text, lines);
        !problem.empty()) {
      problems_.add(where + ": " + problem);
    }
  }
  /// A text that must not be blank either.
  void filled(const std::string& where, std::string_view text,
              detail::Lines lines = detail::Lines::one) const {
    (*this)(where, text, lines);
    if (squeeze_spaces(text).empty()) problems_.add(where + " is empty");
  }
  /// An optional text: absent, or present and not blank.
  void optional(const std::string& where, const std::optional<std::string>& text) const {
    if (text) filled(where, *text);
  }
  void each(const std::string& where, const std::vector<std::string>& texts,
            detail::Lines lines = detail::Lines::one) const {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      (*this)(where + " " + std::to_string(i + 1), texts[i], lines);
    }
  }

 private:
  PlanProblems& problems_;
};

void check_texts(const Plan& plan, PlanProblems& problems) {
  constexpr auto many = detail::Lines::many;
  const TextCheck check(problems);
  check("title", plan.title);
  check.optional("place", plan.place);
  check.each("issuer header line", plan.issuer_header);
  if (plan.period) check("period text", plan.period->text);
  check.each("purpose", plan.purposes, many);
  check.each("requirement", plan.requirements, many);
  check.each("target", plan.targets, many);
  for (std::size_t i = 0; i < plan.milestones.size(); ++i) {
    check.filled("milestone " + std::to_string(i + 1) + " name", plan.milestones[i].name);
  }
  for (const auto& c : plan.legal_bases) check.filled("legal basis cited as", c.cited_as);
  for (std::size_t i = 0; i < plan.task_areas.size(); ++i) {
    const TaskArea& t = plan.task_areas[i];
    const std::string where = "task area " + std::to_string(i + 1);
    check(where + " label", t.label);
    check(where + " text", t.text);
    check.each(where + " detail", t.details, many);
    for (const auto& c : t.citations) check.filled(where + " citation", c.cited_as);
  }
  for (std::size_t i = 0; i < plan.duties.size(); ++i) {
    const std::string where = "duty " + std::to_string(i + 1);
    check(where + " unit", plan.duties[i].unit);
    check(where + " text", plan.duties[i].text, many);
  }
  check.each("funding paragraph", plan.funding, many);
  for (std::size_t i = 0; i < plan.reporting.size(); ++i) {
    check.filled("reporting duty " + std::to_string(i + 1) + " text", plan.reporting[i].text, many);
  }
  if (plan.signature) {
    check("signature authority", plan.signature->authority);
    check("signature title", plan.signature->title);
    check("signature name", plan.signature->name);
  }
  check.each("recipient", plan.recipients);
  for (std::size_t i = 0; i < plan.annexes.size(); ++i) {
    const std::string where = "annex " + std::to_string(i + 1);
    check.filled(where + " title", plan.annexes[i].title);
    for (const auto& table : plan.annexes[i].tables) {
      for (const auto& row : table.rows) check.each(where + " table cell", row);
    }
  }
  for (std::size_t i = 0; i < plan.outline.size(); ++i) {
    const std::string where = "outline item " + std::to_string(i + 1);
    check(where + " label", plan.outline[i].label);
    check(where + " text", plan.outline[i].text, many);
  }
  if (plan.source) {
    check.filled("source title", plan.source->title);
    check.optional("source author", plan.source->author);
    check.optional("source url", plan.source->url);
    check.optional("source note", plan.source->note);
  }
  for (const auto& is : plan.catalogue.issuers()) {
    check.filled("issuer \"" + is.id + "\" name", is.name);
    check.optional("issuer \"" + is.id + "\" code", is.code);
  }
  for (const auto& in : plan.catalogue.instruments()) {
    check.optional("instrument \"" + in.id + "\" number", in.number);
    check.optional("instrument \"" + in.id + "\" term", in.term);
    check.optional("instrument \"" + in.id + "\" title", in.title);
  }
  for (const auto& u : plan.units.units()) {
    check.filled("unit \"" + u.id + "\" name", u.name);
    check.optional("unit \"" + u.id + "\" code", u.code);
    check.optional("unit \"" + u.id + "\" basis", u.basis);
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

DANVAN_ENUM_NAMES(DutyRole, kDutyRoleNames, parse_duty_role, "duty role")

void Plan::validate() const {
  PlanProblems problems(*this);
  if (!is_valid_id(id)) problems.add_whole("plan id \"" + id + "\" is not a valid id");
  if (title.empty()) problems.add("title is empty");
  if (catalogue.find_issuer(issuer_id) == nullptr) {
    problems.add("unknown issuer \"" + issuer_id + "\"");
  }
  if (period) {
    if (!period->from && !period->to) {
      problems.add("the period has neither a start nor an end");
    }
    if (period->from && period->to && period->to->last_day() < period->from->first_day()) {
      problems.add("the period ends (" + period->to->iso() + ") before it starts (" +
                   period->from->iso() + ")");
    }
  }
  for (std::size_t i = 0; i < duties.size(); ++i) {
    if (duties[i].unit.empty()) {
      problems.add("duty " + std::to_string(i + 1) + " names no unit");
    }
    if (duties[i].unit_id)
      check_units(*this, {*duties[i].unit_id}, "duty " + std::to_string(i + 1), problems);
  }
  for (std::size_t i = 0; i < reporting.size(); ++i) {
    const ReportingDuty& r = reporting[i];
    const std::string where = "reporting duty " + std::to_string(i + 1);
    if ((r.every_year ? 1 : 0) + (r.date ? 1 : 0) + (r.every_month ? 1 : 0) +
            (r.every_day ? 1 : 0) >
        1) {
      problems.add(where + " has more than one deadline");
    }
    if (r.every_day && !is_valid_time_of_day(*r.every_day)) {
      problems.add(where + " has an impossible time of day " + std::to_string(r.every_day->hour) +
                   ":" + std::to_string(r.every_day->minute));
    }
    if (r.every_month && (*r.every_month < 1 || *r.every_month > 31)) {
      problems.add(where + " has an impossible day of the month " + std::to_string(*r.every_month));
    }
    if (r.every_year && !is_valid_month_day(*r.every_year)) {
      problems.add(where + " has an impossible day " + std::to_string(r.every_year->day) + "/" +
                   std::to_string(r.every_year->month));
    }
  }
  for (std::size_t i = 0; i < outline.size(); ++i) {
    if (outline[i].level < 0) {
      problems.add("outline item " + std::to_string(i + 1) + " has a negative level");
    }
  }
  std::set<std::string> milestone_ids;
  for (std::size_t i = 0; i < milestones.size(); ++i) {
    const Milestone& m = milestones[i];
    if (!is_valid_id(m.id)) {
      // As the reader refuses it (saving a plan that validate() passed wrote a file that
      // could not be loaded).
      problems.add("milestone " + std::to_string(i + 1) + " id \"" + m.id + "\" is not a valid id");
    } else if (!milestone_ids.insert(m.id).second) {
      problems.add("duplicate milestone id \"" + m.id + "\"");
    }
  }
  check_citations(*this, legal_bases, "legal bases", problems);
  check_texts(*this, problems);
  for (std::size_t i = 0; i < task_areas.size(); ++i) {
    const TaskArea& t = task_areas[i];
    const std::string where = "task area " + std::to_string(i + 1);
    if (t.number != static_cast<int>(i) + 1) {
      problems.add("task area at position " + std::to_string(i + 1) + " is numbered " +
                   std::to_string(t.number));
    }
    if (t.text.empty()) problems.add(where + " has no text");
    check_citations(*this, t.citations, where, problems);
    check_units(*this, t.lead_unit_ids, where + " (lead units)", problems);
    check_units(*this, t.participating_unit_ids, where + " (participating units)", problems);
  }
  try {
    units.validate();
  } catch (const ValueError& e) {
    problems.add_whole(e.what());
  }
  problems.throw_if_any();
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
