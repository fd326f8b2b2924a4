// Tests of version 3 of the exemplar registry (issue 14 point 4): a recognition may be only
// proposed (đề nghị công nhận). A proposal is no recognition until decided: every place that
// counts or acts on a recognition leaves it out (the lifecycle rule, state and level on a day,
// select's filters, the statistics); Registry::decide turns it into a decided one; the JSON
// readers (DOM and both fast readers) and the writer carry its status, version 2 files are read
// and upgraded, each with exact messages.
#include "danvan/json/registry.hpp"
#include "danvan/registry.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

using namespace danvan;

namespace {

PartialDate p(const char* iso) { return parse_partial_date(iso); }

Event ev(EventType type, const char* date) {
  Event e;
  e.type = type;
  e.date = p(date);
  return e;
}
Event recognised(const char* date, Level level, bool proposed = false) {
  Event e = ev(EventType::recognised, date);
  e.level = level;
  if (proposed) e.status = CommendationStatus::proposed;
  return e;
}

Entry entry(std::string id, std::vector<Event> events) {
  Entry e;
  e.id = std::move(id);
  e.name = "Mô hình " + e.id;
  e.unit_id = "tp";
  e.field_ids = {"kinh-te"};
  e.events = std::move(events);
  return e;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no exception";
}

UnitHierarchy units() {
  Unit province;
  province.id = "tinh";
  province.name = "Tỉnh Bắc Kạn";
  province.kind = UnitKind::peoples_committee;
  province.level = Level::province;
  Unit city;
  city.id = "tp";
  city.name = "Thành phố Bắc Kạn";
  city.kind = UnitKind::peoples_committee;
  city.level = Level::district;
  city.parent_id = "tinh";
  city.valid_to = Date(2025, 6, 30);  // the district level ended then
  return UnitHierarchy({province, city});
}

/// "a": registered 2022, recognised at district level 2022-06, proposed for the province's
/// recognition 2023-03. "b": registered 2022, only proposed for recognition 2022-09.
Registry sample() {
  Registry r(units());
  r.add(entry("a",
              {ev(EventType::registered, "2022-01-10"), recognised("2022-06-01", Level::district),
               recognised("2023-03-01", Level::province, true)}));
  r.add(entry("b", {ev(EventType::registered, "2022-02-01"),
                    recognised("2022-09-01", Level::province, true)}));
  return r;
}

StatsTable table(const Registry& r, int year, std::optional<DateRange> period = std::nullopt) {
  StatsQuery q;
  q.year = year;
  q.period = period;
  q.by = {StatsDimension::level};
  return r.stats(q);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Every counting site leaves proposals out

TEST(RegistryV3Proposals, AProposedRecognitionChangesNoStateOrLevel) {
  const Registry r = sample();
  const Entry a = r.entry(0);
  const Entry b = r.entry(1);
  EXPECT_EQ(a.level_on(Date(2024, 1, 1)), Level::district);
  EXPECT_EQ(b.level_on(Date(2024, 1, 1)), std::nullopt);
  EXPECT_EQ(b.state_on(Date(2024, 1, 1)), EntryState::registered);
  EXPECT_EQ(r.state_on(1, Date(2024, 1, 1)), EntryState::registered);
  // With a validity of one year, "a" lapses at the end of 2022: the proposal of 2023 renews
  // nothing.
  Registry lapsing = sample();
  lapsing.set_recognition_years(1);
  EXPECT_EQ(lapsing.state_on(0, Date(2023, 12, 31)), EntryState::lapsed);
  EXPECT_EQ(lapsing.entry(0).state_on(Date(2023, 12, 31), 1), EntryState::lapsed);
}

TEST(RegistryV3Proposals, NoRuleThatNeedsARecognitionIsMetByAProposal) {
  Registry r = sample();
  EXPECT_EQ(message_of([&] {
              Event rep = ev(EventType::replicated, "2023");
              rep.unit_ids = {"tinh"};
              r.add_event("b", rep);
            }),
            "entry \"b\": event 3 (replicated on 2023) comes before recognition");
  EXPECT_EQ(message_of([&] { r.add_event("b", ev(EventType::revoked, "2023")); }),
            "entry \"b\": event 3 (revoked on 2023) comes before recognition");
  // A status is a member of recognitions, commendations and awards only.
  Event reg = ev(EventType::registered, "2023");
  reg.status = CommendationStatus::proposed;
  EXPECT_EQ(message_of([&] { r.add_event("a", reg); }),
            "entry \"a\": event 4 (registered on 2023) must not have a status");
}

TEST(RegistryV3Proposals, SelectAndStatisticsLeaveProposalsOut) {
  const Registry r = sample();
  Filter f;
  f.recognised_in = parse_date_range("2022");
  EXPECT_EQ(r.select(f), std::vector<std::size_t>{0});
  f.recognised_in = parse_date_range("2023");
  EXPECT_TRUE(r.select(f).empty());
  Filter levels;
  levels.levels = {Level::province};
  levels.as_of = Date(2024, 1, 1);
  EXPECT_TRUE(r.select(levels).empty());
  Filter states;
  states.states = {EntryState::recognised};
  states.as_of = Date(2024, 1, 1);
  EXPECT_EQ(r.select(states), std::vector<std::size_t>{0});
  // The table from the aggregates (a year), as of a month end and from the period walk.
  for (const StatsTable& t : {table(r, 2022), table(r, 2023),
                              table(r, 2022, DateRange{Date(2022, 1, 1), Date(2023, 12, 31)})}) {
    EXPECT_EQ(t.total.proposed, 0);  // (the proposed column: commendations and awards)
    for (const auto& row : t.rows) EXPECT_NE(row.keys[0], "province");
  }
  EXPECT_EQ(table(r, 2022).total.recognised, 1);
  EXPECT_EQ(table(r, 2022).total.effective, 1);
  EXPECT_EQ(table(r, 2023).total.recognised, 0);
  StatsQuery q;
  q.year = 2022;
  q.as_of = Date(2022, 9, 30);
  q.by = {StatsDimension::level};
  EXPECT_EQ(r.stats(q).total.recognised, 1);
}

// ---------------------------------------------------------------------------------------------
// Deciding a proposal

TEST(RegistryV3Decide, AProposalBecomesARecognition) {
  Registry r = sample();
  ProposalDecision d;
  d.date = p("2022-12-20");
  d.decision = "45/QĐ-UBND";
  d.grade = "tot";
  d.by = "tinh";
  r.decide("b", 1, d);
  const Event decided = r.entry(1).events[1];
  EXPECT_EQ(decided.status, CommendationStatus::decided);
  EXPECT_EQ(decided.date, p("2022-12-20"));
  EXPECT_EQ(decided.level, Level::province);  // the proposal's, kept
  EXPECT_EQ(decided.grade, "tot");
  EXPECT_EQ(decided.by, "tinh");
  EXPECT_EQ(decided.decision, "45/QĐ-UBND");
  EXPECT_EQ(r.entry(1).level_on(Date(2023, 1, 1)), Level::province);
  EXPECT_EQ(table(r, 2022).total.recognised, 2);
  // The statistics computed before the decision are not served again.
  Registry counted = sample();
  EXPECT_EQ(table(counted, 2023).total.recognised, 0);
  counted.decide("a", 2, {});
  EXPECT_EQ(table(counted, 2023).total.recognised, 1);
  EXPECT_EQ(counted.entry(0).events[2].date, p("2023-03-01"));
  // A commendation is decided the same way, with its form.
  Event award = ev(EventType::awarded, "2023-05");
  award.status = CommendationStatus::proposed;
  counted.add_event("b", award);
  ProposalDecision form;
  form.form = "bang-khen";
  counted.decide("b", 2, form);
  EXPECT_EQ(counted.entry(1).events[2].form, "bang-khen");
  EXPECT_EQ(table(counted, 2023).total.commended, 1);
}

TEST(RegistryV3Decide, BadDecisionsExactMessagesAndNothingChanges) {
  Registry r = sample();
  const Registry before = r;
  const auto decide = [&](const char* id, std::size_t i, const ProposalDecision& d) {
    return message_of([&] { r.decide(id, i, d); });
  };
  EXPECT_EQ(decide("x", 0, {}), "unknown entry \"x\"");
  EXPECT_EQ(decide("a", 3, {}), "entry \"a\": no event 4 (it has 3)");
  EXPECT_EQ(decide("a", 1, {}),
            "entry \"a\": event 2 (recognised on 2022-06-01) is not a proposal");
  ProposalDecision form;
  form.form = "bang-khen";
  EXPECT_EQ(decide("a", 2, form),
            "entry \"a\": event 3 (recognised on 2023-03-01) must not have a form");
  ProposalDecision grade;
  grade.grade = "gioi";
  EXPECT_EQ(decide("a", 2, grade),
            "entry \"a\": event 3 (recognised on 2023-03-01) has the unknown grade \"gioi\"");
  ProposalDecision by;
  by.by = "xa";
  EXPECT_EQ(decide("a", 2, by),
            "entry \"a\": event 3 (recognised on 2023-03-01) names the unknown unit \"xa\" as "
            "\"by\"");
  ProposalDecision early;
  early.date = p("2021");
  EXPECT_EQ(decide("a", 2, early),
            "entry \"a\": event 3 (recognised on 2021) is dated before event 2 (recognised on "
            "2022-06-01)");
  EXPECT_TRUE(r == before);
}

// ---------------------------------------------------------------------------------------------
// JSON version 3

namespace {

std::string problems_of(const std::string& text) {
  try {
    (void)read_registry(text);
  } catch (const JsonDocumentError& e) {
    std::string out;
    for (const auto& pr : e.problems()) out += pr.pointer + ": " + pr.reason + "\n";
    return out;
  }
  return "no problem";
}

const char* units_json =
    R"([{"id": "tp", "name": "Thành phố Bắc Kạn", "kind": "peoples_committee",
         "level": "district", "parent": null, "valid_from": null, "valid_to": "2025-06-30",
         "predecessors": [], "successors": []}])";

/// A document of `version` in the canonical order, with one entry whose second event is
/// `event`.
std::string doc(int version, const std::string& event) {
  return R"({"schema": "danvan/registry", "version": )" + std::to_string(version) +
         R"(, "note": null, "recognition_years": null, "fields": [], "grades": [], "forms": [],
         "units": )" +
         units_json +
         R"(, "entries": [{"id": "a", "kind": "model", "subject": "collective", "name": "M",
         "unit": "tp", "places": [], "fields": [], "description": "", "person": null,
         "events": [{"type": "registered", "date": "2022", "level": null}, )" +
         event + "]}]}";
}

}  // namespace

TEST(RegistryV3Json, RoundTripOfAProposalThroughEveryReader) {
  const Registry r = sample();
  const std::string text = registry_to_text(r);
  EXPECT_NE(text.find("\"version\": 3"), std::string::npos);
  EXPECT_NE(text.find("\"grade\": null,\n          \"status\": \"proposed\""), std::string::npos);
  EXPECT_NE(text.find("\"grade\": null,\n          \"status\": \"decided\""), std::string::npos);
  const auto streamed = detail::read_registry_streaming(text);
  ASSERT_TRUE(streamed.has_value());
  EXPECT_TRUE(*streamed == r);
  const auto scanned = detail::read_registry_scanner(text);
  ASSERT_TRUE(scanned.has_value());
  EXPECT_TRUE(*scanned == r);
  EXPECT_TRUE(registry_from_json(parse_json(text)) == r);
  EXPECT_EQ(registry_to_text(read_registry(text)), text);
  // The journal carries the status too.
  Registry replayed(units());
  replay_journal(
      journal_registration_line(r.entry(1)) + journal_event_line("b", r.entry(1).events[1]),
      replayed);
  EXPECT_EQ(replayed.entry(0), r.entry(1));
}

TEST(RegistryV3Json, Version2IsReadFastAndUpgraded) {
  const std::string v2 = doc(2, R"({"type": "recognised", "date": "2022-06", "level": "district",
      "by": null, "decision": null, "grade": null})");
  // Both fast readers take version 2 (its shapes are version 3's but for the status).
  const auto streamed = detail::read_registry_streaming(v2);
  ASSERT_TRUE(streamed.has_value());
  const auto scanned = detail::read_registry_scanner(v2);
  ASSERT_TRUE(scanned.has_value());
  EXPECT_TRUE(*streamed == registry_from_json(parse_json(v2)));
  EXPECT_TRUE(*scanned == *streamed);
  EXPECT_EQ(streamed->entry(0).events[1].status, CommendationStatus::decided);
  const std::string written = registry_to_text(*streamed);
  EXPECT_NE(written.find("\"version\": 3"), std::string::npos);
  EXPECT_NE(written.find("\"status\": \"decided\""), std::string::npos);
  EXPECT_TRUE(read_registry(written) == *streamed);
}

TEST(RegistryV3Json, BadStatusExactMessagesFromEveryReader) {
  const auto both_give_up = [](const std::string& text) {
    return !detail::read_registry_streaming(text) && !detail::read_registry_scanner(text);
  };
  // Version 2 has no status on a recognition.
  const std::string v2 = doc(2, R"({"type": "recognised", "date": "2022", "level": null,
      "by": null, "decision": null, "grade": null, "status": "proposed"})");
  EXPECT_TRUE(both_give_up(v2));
  EXPECT_EQ(problems_of(v2), "/entries/0/events/1/status: unknown key \"status\"\n");
  const std::string pending = doc(3, R"({"type": "recognised", "date": "2022", "level": null,
      "by": null, "decision": null, "grade": null, "status": "pending"})");
  EXPECT_TRUE(both_give_up(pending));
  EXPECT_EQ(problems_of(pending),
            "/entries/0/events/1/status: unknown status \"pending\"; expected one of decided, "
            "proposed\n");
  const std::string number = doc(3, R"({"type": "recognised", "date": "2022", "status": 1})");
  EXPECT_TRUE(both_give_up(number));
  EXPECT_EQ(problems_of(number), "/entries/0/events/1/status: expected a string, got an integer\n");
  // A proposal does not meet the rule a replication needs.
  const std::string replicated = doc(3, R"({"type": "recognised", "date": "2022",
      "status": "proposed"}, {"type": "replicated", "date": "2023", "units": ["tp"]})");
  EXPECT_TRUE(both_give_up(replicated));
  EXPECT_EQ(problems_of(replicated),
            "/entries/0/events/2: event 3 (replicated on 2023) comes before recognition\n");
  // A status where no version has one.
  const std::string registered = doc(3, R"({"type": "registered", "date": "2023",
      "status": "proposed"})");
  EXPECT_TRUE(both_give_up(registered));
  EXPECT_EQ(problems_of(registered), "/entries/0/events/1/status: unknown key \"status\"\n");
  // A status of null is the default: decided.
  const std::string null_status = doc(3, R"({"type": "recognised", "date": "2022",
      "status": null})");
  EXPECT_EQ(read_registry(null_status).entry(0).events[1].status, CommendationStatus::decided);
  EXPECT_EQ(problems_of(doc(4, "{}")),
            "/version: unsupported version 4 of danvan/registry; this library reads versions 1 "
            "to 3\n");
}

TEST(RegistryV3Json, EventFromJsonReadsTheStatus) {
  const Event e = event_from_json(
      parse_json(R"({"type": "recognised", "date": "2024", "status": "proposed"})"));
  EXPECT_EQ(e.status, CommendationStatus::proposed);
  EXPECT_EQ(to_json(e)["status"], "proposed");
}
