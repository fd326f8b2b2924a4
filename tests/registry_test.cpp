// Tests of the exemplar registry: lifecycle, as-of state, filters across the 2025 merge, folded
// search, Vietnamese sorting, statistics, JSON reading/writing and the journal.
#include "danvan/registry.hpp"
#include "danvan/json/registry.hpp"
#include "danvan/text.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>

using namespace danvan;

namespace {

const std::filesystem::path root = DANVAN_SOURCE_DIR;

Date d(const char* iso) { return parse_date(iso); }

Event ev(EventType type, const char* date) {
  Event e;
  e.type = type;
  e.date = d(date);
  return e;
}
Event recognised(const char* date, Level level, std::optional<std::string> by = std::nullopt) {
  Event e = ev(EventType::recognised, date);
  e.level = level;
  e.by = std::move(by);
  return e;
}
Event reevaluated(const char* date, int year, bool effective) {
  Event e = ev(EventType::reevaluated, date);
  e.year = year;
  e.effective = effective;
  return e;
}
Event replicated(const char* date, std::vector<std::string> units) {
  Event e = ev(EventType::replicated, date);
  e.unit_ids = std::move(units);
  return e;
}

Entry collective(std::string id, std::string unit, std::vector<Event> events,
                 std::vector<std::string> fields = {"kinh-te"}) {
  Entry e;
  e.id = std::move(id);
  e.name = "Mô hình " + e.id;
  e.unit_id = std::move(unit);
  e.field_ids = std::move(fields);
  e.description = "mô tả";
  e.events = std::move(events);
  return e;
}

Entry individual(std::string id, std::string unit, std::string person, std::vector<Event> events) {
  Entry e = collective(std::move(id), std::move(unit), std::move(events));
  e.subject = Subject::individual;
  e.kind = EntryKind::exemplar;
  e.person_name = std::move(person);
  e.name = "Điển hình " + *e.person_name;
  return e;
}

UnitHierarchy phu_yen_units() {
  return units_from_json(parse_json(read_file(root / "data/units/phu-yen.json")));
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no exception";
}

std::string check_message(const Entry& e) {
  return message_of([&] { check_events(e); });
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Enumerations

TEST(RegistryEnums, RoundTripAndErrors) {
  for (auto t :
       {EventType::registered, EventType::recognised, EventType::commended, EventType::awarded,
        EventType::replicated, EventType::reevaluated, EventType::revoked}) {
    EXPECT_EQ(parse_event_type(to_string(t)), t);
  }
  EXPECT_EQ(parse_entry_kind("exemplar"), EntryKind::exemplar);
  EXPECT_EQ(vietnamese_name(EntryKind::model), "mô hình");
  EXPECT_EQ(vietnamese_name(Subject::individual), "cá nhân");
  EXPECT_EQ(message_of([] { parse_subject("group"); }),
            "unknown subject \"group\"; expected one of collective, individual, unknown");
  EXPECT_EQ(parse_subject("unknown"), Subject::unknown);
  EXPECT_EQ(vietnamese_name(Subject::unknown), "không rõ");
  EXPECT_EQ(message_of([] { parse_event_type("Registered"); }),
            "unknown event type \"Registered\"; expected one of registered, recognised, commended, "
            "awarded, replicated, reevaluated, revoked, promoted");
  EXPECT_EQ(parse_stats_dimensions("kind,field"),
            (std::vector<StatsDimension>{StatsDimension::kind, StatsDimension::field}));
  EXPECT_EQ(message_of([] { parse_stats_dimensions("field,field"); }),
            "dimension \"field\" is listed twice");
  EXPECT_EQ(message_of([] { parse_stats_dimensions("field,"); }),
            "unknown dimension \"\"; expected one of field, level, subject, kind");
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

TEST(RegistryLifecycle, ValidHistoryPasses) {
  Entry e =
      collective("a", "x",
                 {ev(EventType::registered, "2020-03-01"),
                  recognised("2020-06-01", Level::district), ev(EventType::commended, "2020-06-01"),
                  replicated("2020-09-01", {"y"}), reevaluated("2020-12-20", 2020, true),
                  reevaluated("2021-12-20", 2021, false), ev(EventType::revoked, "2022-02-01")});
  EXPECT_NO_THROW(check_events(e));
}

TEST(RegistryLifecycle, ExactMessages) {
  const Event reg = ev(EventType::registered, "2021-01-10");
  EXPECT_EQ(check_message(collective(
                "x", "u",
                {reg, replicated("2021-05-01", {"v"}), recognised("2021-06-01", Level::commune)})),
            "entry \"x\": event 2 (replicated on 2021-05-01) comes before recognition");
  EXPECT_EQ(check_message(collective("x", "u", {recognised("2021-01-01", Level::commune), reg})),
            "entry \"x\": event 1 (recognised on 2021-01-01) is dated before registration "
            "(2021-01-10)");
  EXPECT_EQ(check_message(collective("x", "u", {recognised("2021-01-10", Level::commune), reg})),
            "entry \"x\": event 1 (recognised on 2021-01-10) comes before registration");
  EXPECT_EQ(check_message(collective(
                "x", "u",
                {reg, recognised("2021-02-01", Level::commune),
                 reevaluated("2022-03-01", 2022, true), reevaluated("2022-12-01", 2022, false)})),
            "entry \"x\": re-evaluated twice in 2022 (events 3 and 4)");
  EXPECT_EQ(check_message(collective(
                "x", "u",
                {reg, recognised("2021-02-01", Level::commune),
                 ev(EventType::revoked, "2021-03-01"), ev(EventType::commended, "2021-04-01")})),
            "entry \"x\": event 4 (commended on 2021-04-01) comes after revocation (2021-03-01)");
  EXPECT_EQ(check_message(collective("x", "u",
                                     {reg, recognised("2021-02-01", Level::commune),
                                      ev(EventType::commended, "2021-01-20")})),
            "entry \"x\": event 3 (commended on 2021-01-20) is dated before event 2 (recognised "
            "on 2021-02-01)");
  EXPECT_EQ(check_message(collective("x", "u", {})), "entry \"x\": no events");
  // A source may give only a recognition: the history starts there, the registration unknown.
  EXPECT_EQ(check_message(collective("x", "u", {recognised("2021-01-10", Level::commune)})),
            "no exception");
  EXPECT_EQ(check_message(collective(
                "x", "u",
                {recognised("2021-01-10", Level::commune), reevaluated("2021-12-01", 2020, true)})),
            "entry \"x\": event 2 (reevaluated on 2021-12-01) evaluates 2020, before the "
            "year of its first event 2021");
  EXPECT_EQ(
      check_message(collective(
          "x", "u", {ev(EventType::commended, "2020-05-01"), replicated("2021-05-01", {"v"})})),
      "entry \"x\": event 2 (replicated on 2021-05-01) comes before recognition");
  EXPECT_EQ(check_message(collective("x", "u", {reg, ev(EventType::registered, "2021-02-01")})),
            "entry \"x\": event 2 (registered on 2021-02-01) registers the entry again in 2021 "
            "(event 1 did)");
  EXPECT_EQ(check_message(collective("x", "u",
                                     {reg, recognised("2021-02-01", Level::commune),
                                      reevaluated("2021-12-01", 2022, true)})),
            "entry \"x\": event 3 (reevaluated on 2021-12-01) evaluates 2022, a later year");
  EXPECT_EQ(check_message(collective("x", "u",
                                     {reg, recognised("2021-02-01", Level::commune),
                                      reevaluated("2021-12-01", 2020, true)})),
            "entry \"x\": event 3 (reevaluated on 2021-12-01) evaluates 2020, before the "
            "registration year 2021");
  // Version 2: the level of a recognition may be unknown, and a registration has a level.
  EXPECT_EQ(check_message(collective("x", "u", {reg, ev(EventType::recognised, "2021-02-01")})),
            "no exception");
  Event bad_reg = reg;
  bad_reg.level = Level::commune;
  EXPECT_EQ(check_message(collective("x", "u", {bad_reg})), "no exception");
  Event leveled_revocation = ev(EventType::revoked, "2021-03-01");
  leveled_revocation.level = Level::commune;
  EXPECT_EQ(check_message(collective(
                "x", "u", {reg, recognised("2021-02-01", Level::commune), leveled_revocation})),
            "entry \"x\": event 3 (revoked on 2021-03-01) must not have a level");
  EXPECT_EQ(
      check_message(collective(
          "x", "u", {reg, recognised("2021-02-01", Level::commune), replicated("2021-03-01", {})})),
      "entry \"x\": event 3 (replicated on 2021-03-01) names no unit");
  EXPECT_EQ(check_message(collective("x", "u",
                                     {reg, recognised("2021-02-01", Level::commune),
                                      replicated("2021-03-01", {"a", "a"})})),
            "entry \"x\": event 3 (replicated on 2021-03-01) lists unit \"a\" twice");
}

// Long histories (more events than the checks keep without allocating) give the same messages.
TEST(RegistryLifecycle, LongHistoriesExactMessages) {
  std::vector<Event> events{ev(EventType::registered, "2010-01-10"),
                            recognised("2010-02-01", Level::commune)};
  for (int y = 2010; y < 2022; ++y) {
    events.push_back(reevaluated((std::to_string(y) + "-12-01").c_str(), y, true));
  }
  EXPECT_EQ(check_message(collective("x", "u", events)), "no exception");
  auto twice = events;
  twice.push_back(reevaluated("2022-12-01", 2013, true));
  EXPECT_EQ(check_message(collective("x", "u", twice)),
            "entry \"x\": re-evaluated twice in 2013 (events 6 and 15)");
  std::vector<Event> registrations;
  for (int y = 2010; y < 2022; ++y) {
    registrations.push_back(ev(EventType::registered, (std::to_string(y) + "-01-10").c_str()));
  }
  EXPECT_EQ(check_message(collective("x", "u", registrations)), "no exception");
  registrations.push_back(ev(EventType::registered, "2021-05-10"));
  EXPECT_EQ(check_message(collective("x", "u", registrations)),
            "entry \"x\": event 13 (registered on 2021-05-10) registers the entry again in 2021 "
            "(event 12 did)");
}

TEST(RegistryLifecycle, StateAsOfDates) {
  const Entry e =
      collective("a", "x",
                 {ev(EventType::registered, "2020-03-01"), recognised("2020-06-01", Level::commune),
                  recognised("2021-02-01", Level::province), reevaluated("2021-12-20", 2021, true),
                  reevaluated("2022-12-20", 2022, false), ev(EventType::revoked, "2023-02-01")});
  EXPECT_EQ(e.state_on(d("2020-02-29")), EntryState::not_registered);
  EXPECT_EQ(e.state_on(d("2020-03-01")), EntryState::registered);
  EXPECT_EQ(e.state_on(d("2020-06-01")), EntryState::recognised);
  EXPECT_EQ(e.state_on(d("2021-12-20")), EntryState::effective);
  EXPECT_EQ(e.state_on(d("2022-12-31")), EntryState::no_longer_effective);
  EXPECT_EQ(e.state_on(d("2023-02-01")), EntryState::revoked);
  EXPECT_EQ(e.level_on(d("2020-05-31")), std::nullopt);
  EXPECT_EQ(e.level_on(d("2020-12-31")), Level::commune);
  EXPECT_EQ(e.level_on(d("2021-02-01")), Level::province);

  Registry r(phu_yen_units());
  Entry in_registry = e;
  in_registry.unit_id = "c22306";
  r.add(in_registry);
  for (const char* day : {"2020-02-29", "2020-03-01", "2021-12-20", "2022-12-31", "2024-01-01"}) {
    EXPECT_EQ(r.state_on(0, d(day)), in_registry.state_on(d(day))) << day;
  }
  EXPECT_EQ(r.entry(0), in_registry);
}

// ---------------------------------------------------------------------------------------------
// Registry checks

TEST(RegistryAdd, RejectsWithExactMessages) {
  Registry r(phu_yen_units(), {Field{"xay-dung-nong-thon-moi", "xây dựng nông thôn mới"}});
  const Event reg = ev(EventType::registered, "2021-01-10");
  r.add(collective("a", "c22306", {reg}));
  EXPECT_EQ(message_of([&] { r.add(collective("a", "c22306", {reg})); }),
            "entry \"a\": duplicate id");
  // A duplicate is reported with the entry's other problems, not alone.
  EXPECT_EQ(message_of([&] { r.add(collective("a", "nowhere", {reg}, {"no-such-field"})); }),
            "entry \"a\": 3 problems: duplicate id; unknown unit \"nowhere\"; unknown field "
            "\"no-such-field\"");
  EXPECT_EQ(r.size(), 1U);
  EXPECT_EQ(message_of([&] { r.add(collective("b", "nowhere", {reg})); }),
            "entry \"b\": unknown unit \"nowhere\"");
  EXPECT_EQ(message_of([&] { r.add(collective("b", "c22319-20250701", {reg})); }),
            "entry \"b\": unit \"c22319-20250701\" does not exist on 2021-01-10, the "
            "registration day");
  EXPECT_EQ(message_of([&] { r.add(collective("b", "d563", {reg}, {"thu-cong"})); }),
            "entry \"b\": unknown field \"thu-cong\"");
  EXPECT_EQ(message_of([&] {
              r.add(collective("b", "d563", {reg}, {"kinh-te", "kinh-te"}));
            }),
            "entry \"b\": field \"kinh-te\" is listed twice");
  Entry with_person = collective("b", "d563", {reg});
  with_person.person_name = "Lê Văn Tám";
  EXPECT_EQ(message_of([&] { r.add(with_person); }),
            "entry \"b\": a collective has no person name");
  EXPECT_EQ(message_of([&] { r.add(collective("B", "d563", {reg})); }),
            "invalid entry id \"B\": ids are 1..100 characters of a-z, 0-9 and '-', not starting "
            "with '-'");
  EXPECT_EQ(
      message_of([&] {
        r.add(collective("b", "d563", {reg, recognised("2021-02-01", Level::district, "nobody")}));
      }),
      "entry \"b\": event 2 (recognised on 2021-02-01) names the unknown unit \"nobody\" as "
      "\"by\"");
  // Every problem at once (issue 12 point 9), in the order of the checks.
  Entry many = collective("b", "nowhere", {reg}, {"thu-cong", "kinh-te"});
  many.name = " ";
  many.person_name = "Lê Văn Tám";
  EXPECT_EQ(message_of([&] { r.add(many); }),
            "entry \"b\": 4 problems: the name is empty; a collective has no person name; "
            "unknown unit \"nowhere\"; unknown field \"thu-cong\"");
  many = collective("B", "d563", {reg});
  many.place_unit_ids = {"d563"};
  EXPECT_EQ(message_of([&] { r.add(many); }),
            "entry \"B\": 2 problems: invalid entry id \"B\": ids are 1..100 characters of "
            "a-z, 0-9 and '-', not starting with '-'; place unit \"d563\" is the owner");
  // What the events name is checked with the rest, every problem at once.
  many = collective("b", "nowhere",
                    {reg, recognised("2021-02-01", Level::district, "nobody"),
                     replicated("2021-03-01", {"d563", "atlantis", "lemuria"})});
  many.events[1].grade = "gold";
  EXPECT_EQ(message_of([&] { r.add(many); }),
            "entry \"b\": 5 problems: unknown unit \"nowhere\"; event 2 (recognised on "
            "2021-02-01) names the unknown unit \"nobody\" as \"by\"; event 2 (recognised on "
            "2021-02-01) has the unknown grade \"gold\"; event 3 (replicated on 2021-03-01) "
            "replicates to the unknown unit \"atlantis\"; event 3 (replicated on 2021-03-01) "
            "replicates to the unknown unit \"lemuria\"");
  EXPECT_EQ(r.size(), 1U);
  EXPECT_EQ(message_of([&] {
              r.declare_field(Field{"kinh-te", "x"});
            }),
            "fields must be declared before entries are added");
  Registry empty;
  EXPECT_EQ(message_of([&] {
              empty.declare_field(Field{"kinh-te", "x"});
            }),
            "field \"kinh-te\" is already built in");
  EXPECT_EQ(r.size(), 1U);  // nothing half-added
  EXPECT_EQ(message_of([&] { r.add_event("a", ev(EventType::revoked, "2021-03-01")); }),
            "entry \"a\": event 2 (revoked on 2021-03-01) comes before recognition");
  EXPECT_EQ(message_of([&] { r.add_event("a", ev(EventType::commended, "2020-03-01")); }),
            "entry \"a\": event 2 (commended on 2020-03-01) is dated before event 1 (registered "
            "on 2021-01-10)");
  EXPECT_EQ(message_of([&] { r.add_event("zz", ev(EventType::commended, "2021-03-01")); }),
            "unknown entry \"zz\"");
  r.add_event("a", recognised("2021-02-01", Level::commune));
  EXPECT_EQ(r.entry(0).events.size(), 2U);
}

// Every problem with its place in the entry's JSON form (ValueError::problems(), issue 12).
TEST(RegistryAdd, ProblemsLocateEachInTheEntry) {
  Registry r(phu_yen_units());
  const Event reg = ev(EventType::registered, "2021-01-10");
  const auto problems_of = [&](const Entry& e) {
    try {
      r.add(e);
    } catch (const ValueError& error) {
      return error.problems();
    }
    return std::vector<JsonProblem>{};
  };
  Entry many = collective("b", "nowhere",
                          {reg, recognised("2021-02-01", Level::district, "nobody"),
                           replicated("2021-03-01", {"d563", "atlantis"})},
                          {"kinh-te", "thu-cong", "kinh-te"});
  many.name = " ";
  many.person_name = "Lê Văn Tám";
  many.place_unit_ids = {"d559", "atlantis", "d559"};
  many.events[1].grade = "gold";
  EXPECT_EQ(
      problems_of(many),
      (std::vector<JsonProblem>{
          {"/name", "the name is empty"},
          {"/person", "a collective has no person name"},
          {"/unit", "unknown unit \"nowhere\""},
          {"/places/1", "unknown place unit \"atlantis\""},
          {"/places/2", "place unit \"d559\" is listed twice"},
          {"/fields/1", "unknown field \"thu-cong\""},
          {"/fields/2", "field \"kinh-te\" is listed twice"},
          {"/events/1/by",
           "event 2 (recognised on 2021-02-01) names the unknown unit \"nobody\" as \"by\""},
          {"/events/1/grade", "event 2 (recognised on 2021-02-01) has the unknown grade \"gold\""},
          {"/events/2/units/1",
           "event 3 (replicated on 2021-03-01) replicates to the unknown unit \"atlantis\""},
      }));
  // One problem: the same list of one, its reason without the entry's name.
  EXPECT_EQ(problems_of(collective("b", "nowhere", {reg})),
            (std::vector<JsonProblem>{{"/unit", "unknown unit \"nowhere\""}}));
  EXPECT_EQ(problems_of(collective("B", "d563", {reg})),
            (std::vector<JsonProblem>{{"/id",
                                       "invalid entry id \"B\": ids are 1..100 characters of "
                                       "a-z, 0-9 and '-', not starting with '-'"}}));
  // The lifecycle's own check is one problem, at the event it concerns.
  EXPECT_EQ(problems_of(collective("b", "d563", {reg, ev(EventType::revoked, "2021-03-01")})),
            (std::vector<JsonProblem>{
                {"/events/1", "event 2 (revoked on 2021-03-01) comes before recognition"}}));
  EXPECT_EQ(r.size(), 0U);
}

TEST(RegistryAdd, NormalisesToNfc) {
  Registry r(phu_yen_units());
  Entry e = individual("b", "d563", "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n An",
                       {ev(EventType::registered, "2021-01-10")});
  r.add(e);
  EXPECT_EQ(*r.entry(0).person_name, "Nguyễn Văn An");
}

// ---------------------------------------------------------------------------------------------
// Filters across the 2025 reorganisation

// Issue 16 point 4: with current_units an entry counts under the units that carry its unit on.
// Wherever UnitHierarchy::successors_on names such units, the registry's selection agrees with
// them; where it names none, a unit that ended before the day is carried on by its parent (the
// registry's roll-up rule, Filter::current_units). Every unit, every ancestor existing on the
// day, days before, at and after the 2025 reorganisation.
TEST(RegistryFilter, CurrentUnitsAgreeWithSuccessorsOn) {
  const UnitHierarchy h = phu_yen_units();
  Registry r(h);
  for (const Unit& u : h.units()) {
    Event registered;
    registered.type = EventType::registered;
    registered.date = u.valid_from.value_or(d("2019-01-01"));
    r.add(collective("e-" + u.id, u.id, {registered}));
  }
  std::size_t by_successors = 0;
  std::size_t by_parent = 0;
  for (const char* day_text : {"2020-06-30", "2025-06-30", "2025-07-01", "2026-06-30"}) {
    const Date day = d(day_text);
    for (const Unit& a : h.units()) {
      if (!a.exists_on(day)) continue;
      Filter f;
      f.unit_id = a.id;
      f.as_of = day;
      f.current_units = true;
      std::set<std::string> selected;
      for (const auto i : r.select(f)) selected.insert(r.entry(i).unit_id);
      const auto registered_by = [&](const Unit& u) {
        return !u.valid_from || *u.valid_from <= day;
      };
      for (const Unit& u : h.units()) {
        if (!registered_by(u)) continue;
        const auto carriers = h.successors_on(u.id, day);
        if (!carriers.empty()) {
          const bool within = std::any_of(carriers.begin(), carriers.end(), [&](const Unit* c) {
            return h.is_within(c->id, a.id, day);
          });
          EXPECT_EQ(selected.contains(u.id), within)
              << u.id << " under " << a.id << " on " << day_text;
          ++by_successors;
        } else if (u.valid_to && *u.valid_to < day && u.parent_id &&
                   registered_by(*h.find(*u.parent_id))) {
          EXPECT_EQ(selected.contains(u.id), selected.contains(*u.parent_id))
              << u.id << " (ended without successors) under " << a.id << " on " << day_text;
          ++by_parent;
        } else {
          EXPECT_FALSE(selected.contains(u.id)) << u.id << " under " << a.id << " on " << day_text;
        }
      }
    }
  }
  EXPECT_GT(by_successors, 1000U);
  EXPECT_GT(by_parent, 10U);
}

TEST(RegistryFilter, SubtreeAsItWasAndAsItIsNow) {
  // On the national register's units: Xã Hòa Quang Nam (c22306, huyện Phú Hòa) went into Xã
  // Phú Hòa 2 (c22303-20250701). The register has no commune of huyện Đông Hòa before it became
  // a thị xã on 01/06/2020 (its communes start that day without predecessors), so the entry of
  // 2020 that the thị xã carries on is on the huyện itself (d564), and one of the thị xã's own
  // communes, Phường Hòa Vinh (c22258-20200601), carries on into Phường Đông Hòa.
  Registry r(phu_yen_units());
  const Event reg2020 = ev(EventType::registered, "2020-03-01");
  r.add(collective("hoa-quang-nam-2020", "c22306", {reg2020}));
  r.add(collective("dong-hoa-2020", "d564", {reg2020}));
  r.add(collective("hoa-vinh-2020", "c22258-20200601", {ev(EventType::registered, "2020-07-01")}));
  r.add(collective("tuy-hoa-2021", "d555", {ev(EventType::registered, "2021-05-01")}));
  r.add(collective("phu-hoa-1-2025", "c22319-20250701", {ev(EventType::registered, "2025-08-01")}));
  const auto ids = [&](const Filter& f) {
    std::vector<std::string> out;
    for (const auto i : r.select(f)) out.emplace_back(r.id_of(i));
    return out;
  };
  using V = std::vector<std::string>;
  Filter f;
  f.unit_id = "p54";
  f.as_of = d("2022-01-01");
  EXPECT_EQ(ids(f), (V{"hoa-quang-nam-2020", "dong-hoa-2020", "hoa-vinh-2020", "tuy-hoa-2021"}));
  f.unit_id = "d564-20200601";  // the thị xã: the 2020 entry was on the huyện
  EXPECT_EQ(ids(f), V{"hoa-vinh-2020"});
  f.current_units = true;  // ... but the huyện carries on in the thị xã
  EXPECT_EQ(ids(f), (V{"dong-hoa-2020", "hoa-vinh-2020"}));
  f.current_units = false;
  f.unit_id = "d564";
  EXPECT_EQ(ids(f), V{"dong-hoa-2020"});
  f.unit_id = "p66-20250701";
  f.as_of = d("2026-06-30");
  EXPECT_EQ(ids(f), V{"phu-hoa-1-2025"});
  f.current_units = true;
  EXPECT_EQ(ids(f), (V{"hoa-quang-nam-2020", "dong-hoa-2020", "hoa-vinh-2020", "tuy-hoa-2021",
                       "phu-hoa-1-2025"}));
  f.unit_id = "c22303-20250701";
  EXPECT_EQ(ids(f), V{"hoa-quang-nam-2020"});
  f.unit_id = "c22258-20250701";
  EXPECT_EQ(ids(f), V{"hoa-vinh-2020"});
  f.current_units = false;
  f.unit_id = "d563";  // gone by 2026, counted as it was on its last day
  EXPECT_EQ(ids(f), V{"hoa-quang-nam-2020"});
  f.unit_id = "p54";
  EXPECT_EQ(ids(f), (V{"hoa-quang-nam-2020", "dong-hoa-2020", "hoa-vinh-2020", "tuy-hoa-2021"}));

  Filter g;
  g.year = 2020;
  EXPECT_EQ(ids(g), (V{"hoa-quang-nam-2020", "dong-hoa-2020", "hoa-vinh-2020"}));
  g = Filter{};
  g.state = EntryState::registered;
  g.as_of = d("2021-01-01");
  EXPECT_EQ(ids(g), (V{"hoa-quang-nam-2020", "dong-hoa-2020", "hoa-vinh-2020"}));
  g.unit_id = "nowhere";
  EXPECT_EQ(message_of([&] { (void)r.select(g); }), "unknown unit \"nowhere\"");
  g = Filter{};
  g.field_id = "nope";
  EXPECT_EQ(message_of([&] { (void)r.select(g); }), "unknown field \"nope\"");
}

TEST(RegistryFilter, AsOfLeavesOutEntriesRegisteredLater) {
  // Issue 12 symptom 7: select(as_of=d) listed entries registered after d.
  Registry r(phu_yen_units());
  r.add(collective("early", "d555", {ev(EventType::registered, "2021-05-01")}));
  r.add(collective("late", "d555", {ev(EventType::registered, "2022-09-01")}));
  Event in_2022;
  in_2022.type = EventType::registered;
  in_2022.date = PartialDate(2022);
  r.add(collective("sometime-2022", "d555", {in_2022}));
  const auto ids = [&](const Filter& f) {
    std::vector<std::string> out;
    for (const auto i : r.select(f)) out.emplace_back(r.id_of(i));
    return out;
  };
  using V = std::vector<std::string>;
  Filter f;
  EXPECT_EQ(ids(f), (V{"early", "late", "sometime-2022"}));  // default: the latest event's day
  f.as_of = d("2022-06-30");  // "2022" may be on or before 30/06: kept, not guessed away
  EXPECT_EQ(ids(f), (V{"early", "sometime-2022"}));
  f.as_of = d("2021-12-31");
  EXPECT_EQ(ids(f), V{"early"});
  f.unit_id = "p54";
  EXPECT_EQ(ids(f), V{"early"});
  f.as_of = d("2021-04-30");
  EXPECT_EQ(ids(f), V{});
  f.state = EntryState::not_registered;  // asked for: the entries not yet registered
  EXPECT_EQ(ids(f), (V{"early", "late", "sometime-2022"}));
  f.state.reset();
  f = Filter{};
  f.year = 2022;  // as_of defaults to 31/12/2022: both 2022 registrations are in
  EXPECT_EQ(ids(f), (V{"late", "sometime-2022"}));
}

TEST(RegistryFilter, KindSubjectLevelField) {
  Registry r(phu_yen_units());
  r.add(collective(
      "a", "d555",
      {ev(EventType::registered, "2021-01-01"), recognised("2021-02-01", Level::province, "p54")},
      {"van-hoa-xa-hoi"}));
  r.add(individual("b", "d555", "Đặng Thị Hồng", {ev(EventType::registered, "2021-01-01")}));
  Filter f;
  f.subject = Subject::individual;
  EXPECT_EQ(r.select(f), std::vector<std::size_t>{1});
  f = Filter{};
  f.kind = EntryKind::model;
  EXPECT_EQ(r.select(f), std::vector<std::size_t>{0});
  f = Filter{};
  f.level = Level::province;
  EXPECT_EQ(r.select(f), std::vector<std::size_t>{0});
  f.as_of = d("2021-01-31");
  EXPECT_EQ(r.select(f), std::vector<std::size_t>{});
  f = Filter{};
  f.field_id = "kinh-te";
  EXPECT_EQ(r.select(f), std::vector<std::size_t>{1});
}

TEST(RegistryFilter, SeveralValuesMatchAnyOfThem) {
  // Issue 12 point 7: filters took one value only.
  Registry r(phu_yen_units());
  r.add(collective(
      "a", "d555",
      {ev(EventType::registered, "2021-01-01"), recognised("2021-02-01", Level::province, "p54")},
      {"van-hoa-xa-hoi"}));
  r.add(individual("b", "d555", "Đặng Thị Hồng", {ev(EventType::registered, "2021-01-01")}));
  r.add(collective("c", "d563", {ev(EventType::registered, "2021-01-01")}));
  using I = std::vector<std::size_t>;
  Filter f;
  f.subjects = {Subject::individual, Subject::collective};
  EXPECT_EQ(r.select(f), (I{0, 1, 2}));
  f = Filter{};
  f.kinds = {EntryKind::model};
  EXPECT_EQ(r.select(f), (I{0, 2}));
  f.kinds = {EntryKind::model, EntryKind::exemplar};
  EXPECT_EQ(r.select(f), (I{0, 1, 2}));
  f.kind = EntryKind::exemplar;  // the single value joins the list
  f.kinds = {EntryKind::model};
  EXPECT_EQ(r.select(f), (I{0, 1, 2}));
  f = Filter{};
  f.levels = {Level::province, Level::district};
  EXPECT_EQ(r.select(f), I{0});  // b and c have no level: no Level matches them
  f = Filter{};
  f.field_ids = {"kinh-te", "van-hoa-xa-hoi"};
  EXPECT_EQ(r.select(f), (I{0, 1, 2}));
  f.field_ids = {"van-hoa-xa-hoi", "nope"};
  EXPECT_EQ(message_of([&] { (void)r.select(f); }), "unknown field \"nope\"");
  f = Filter{};
  f.unit_ids = {"d563"};
  EXPECT_EQ(r.select(f), I{2});
  f.unit_id = "d555";
  EXPECT_EQ(r.select(f), (I{0, 1, 2}));
  f.unit_ids = {"nowhere"};
  EXPECT_EQ(message_of([&] { (void)r.select(f); }), "unknown unit \"nowhere\"");
  f = Filter{};
  f.as_of = d("2021-01-31");
  f.states = {EntryState::recognised, EntryState::registered};
  EXPECT_EQ(r.select(f), (I{0, 1, 2}));
  f.states = {EntryState::recognised};
  EXPECT_EQ(r.select(f), I{});
  // not_registered among the states: entries registered after the day are asked for.
  f.as_of = d("2020-12-31");
  f.states = {EntryState::not_registered, EntryState::recognised};
  EXPECT_EQ(r.select(f), (I{0, 1, 2}));
}

// A stats row's level, "unknown" (recognised at a level the source does not give) or "none"
// (not recognised on the day), selects the row's entries: Filter::level_unknown / level_none.
TEST(RegistryFilter, LevelUnknownAndNoneSelectTheStatsRowsEntries) {
  Registry r(phu_yen_units());
  r.add(collective(
      "a", "d555",
      {ev(EventType::registered, "2021-01-01"), recognised("2021-02-01", Level::province, "p54")}));
  r.add(collective("b", "d555",
                   {ev(EventType::registered, "2021-01-01"),
                    ev(EventType::recognised, "2021-03-01")}));  // no level given
  r.add(collective("c", "d563", {ev(EventType::registered, "2021-01-01")}));
  using I = std::vector<std::size_t>;
  Filter f;
  f.as_of = d("2021-06-30");
  f.level_unknown = true;
  EXPECT_EQ(r.select(f), I{1});
  f.level_unknown = false;
  f.level_none = true;
  EXPECT_EQ(r.select(f), I{2});
  f.level_unknown = true;
  EXPECT_EQ(r.select(f), (I{1, 2}));
  f.level = Level::province;  // any of them
  EXPECT_EQ(r.select(f), (I{0, 1, 2}));
  f.level.reset();
  f.level_unknown = false;
  f.levels = {Level::district};
  EXPECT_EQ(r.select(f), I{2});
  // Before b's recognition, b is not recognised either: "none" on that day.
  f = Filter{};
  f.as_of = d("2021-02-15");
  f.level_none = true;
  EXPECT_EQ(r.select(f), (I{1, 2}));
  // The stats table's level rows hold the same entries.
  StatsQuery q;
  q.year = 2021;
  q.as_of = d("2021-06-30");
  q.by = {StatsDimension::level};
  const StatsTable t = r.stats(q);
  std::map<std::string, long long> registered;
  for (const auto& row : t.rows) registered[row.keys.at(0)] = row.current.registered;
  EXPECT_EQ(registered["province"], 1);
  EXPECT_EQ(registered["unknown"], 1);
  EXPECT_EQ(registered["none"], 1);
}

// A stats row's field, "unknown" (the entries of no field), selects the row's entries; any
// other id no field has is an error naming it.
TEST(RegistryFilter, FieldUnknownSelectsTheEntriesOfNoField) {
  Registry r(phu_yen_units());
  r.add(collective("a", "d555", {ev(EventType::registered, "2021-01-01")}));
  r.add(collective("b", "d555", {ev(EventType::registered, "2021-01-01")}, {}));
  r.add(collective("c", "d563", {ev(EventType::registered, "2021-01-01")},
                   {"van-hoa-xa-hoi", "kinh-te"}));
  using I = std::vector<std::size_t>;
  Filter f;
  f.field_id = "unknown";
  EXPECT_EQ(r.select(f), I{1});
  f.field_ids = {"van-hoa-xa-hoi"};  // any of them
  EXPECT_EQ(r.select(f), (I{1, 2}));
  f = Filter{};
  f.field_ids = {"unknown", "kinh-te"};
  EXPECT_EQ(r.select(f), (I{0, 1, 2}));
  f.field_ids = {"unknown", "khong-ro"};
  EXPECT_EQ(message_of([&] { (void)r.select(f); }), "unknown field \"khong-ro\"");
  // The stats table's "unknown" field row counts the same entries.
  StatsQuery q;
  q.year = 2021;
  q.by = {StatsDimension::field};
  long long unknown = -1;
  for (const auto& row : r.stats(q).rows) {
    if (row.keys.at(0) == "unknown") unknown = row.current.registered;
  }
  EXPECT_EQ(unknown, 1);
}

// ---------------------------------------------------------------------------------------------
// Search and sorting

TEST(RegistrySearch, FoldsCaseAndDiacritics) {
  Registry r(phu_yen_units());
  Entry a = collective("a", "d555", {ev(EventType::registered, "2021-01-01")});
  a.name = "Mô hình “Dân vận khéo” trong cải cách hành chính";
  Entry b = individual("b", "d555", "Đặng Thị Hồng", {ev(EventType::registered, "2021-01-01")});
  b.description = "Vận động ĐỒNG BÀO hiến đất";
  Entry c = collective("c", "d555", {ev(EventType::registered, "2021-01-01")});
  c.name = "Tổ hòa giải";
  r.add(a);
  r.add(b);
  r.add(c);
  EXPECT_EQ(r.search("dan van kheo"), std::vector<std::size_t>{0});
  EXPECT_EQ(r.search("DÂN VẬN"), std::vector<std::size_t>{0});
  EXPECT_EQ(r.search("dang"), std::vector<std::size_t>{1});
  EXPECT_EQ(r.search("đồng bào"), std::vector<std::size_t>{1});
  EXPECT_EQ(r.search_names("dong bao"), std::vector<std::size_t>{});
  // "hoa" is also in the name of their unit, "Thành phố Tuy Hoà": all three match.
  EXPECT_EQ(r.search("hoa"), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(r.search_names("hoa"), (std::vector<std::size_t>{2}));
  EXPECT_EQ(r.search("Ho\xCC\x80"
                     "a gia"),
            std::vector<std::size_t>{2});  // NFD "Hòa"
  EXPECT_EQ(r.search("hòa giải"), std::vector<std::size_t>{2});
  EXPECT_EQ(r.search("  hoa   giai "), std::vector<std::size_t>{2});
  EXPECT_EQ(r.search("a", 2), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(r.search(""), std::vector<std::size_t>{});
  EXPECT_EQ(r.search("khéo\ntrong"), std::vector<std::size_t>{});
  EXPECT_THROW((void)r.search("\xC3"), ParseError);
}

// The folded texts search() scans are built by the first search, then kept up by add(); a
// copy builds its own.
TEST(RegistrySearch, IndexBuiltOnFirstSearchThenKeptUpByAdd) {
  Registry r(phu_yen_units());
  Entry a = collective("a", "d555", {ev(EventType::registered, "2021-01-01")});
  a.name = "Tổ hòa giải";
  r.add(a);
  const std::size_t before = r.storage_bytes();
  EXPECT_EQ(r.search("hoa giai"), std::vector<std::size_t>{0});
  EXPECT_GT(r.storage_bytes(), before);  // the folded names and descriptions
  Entry b = individual("b", "d555", "Lê Văn Hòa", {ev(EventType::registered, "2021-01-01")});
  b.description = "Hòa giải ở thôn";
  r.add(b);  // after the first search: added to the index at once
  EXPECT_EQ(r.search("hoa giai"), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(r.search_names("le van hoa"), std::vector<std::size_t>{1});
  const Registry copy = r;
  Entry c = collective("c", "d555", {ev(EventType::registered, "2021-01-01")});
  c.name = "Hòa giải viên giỏi";
  r.add(c);
  EXPECT_EQ(copy.search("hoa giai"), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(r.search("hoa giai"), (std::vector<std::size_t>{0, 1, 2}));
  // A registry never searched (the index not built) finds what a searched one finds.
  Registry fresh(phu_yen_units());
  fresh.add(a);
  fresh.add(b);
  fresh.add(c);
  EXPECT_EQ(fresh.search("hoa giai"), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(fresh.search_names("hoa"), (std::vector<std::size_t>{0, 1, 2}));
}

TEST(RegistrySort, VietnameseOrderIndividualsByGivenName) {
  Registry r(phu_yen_units());
  const Event reg = ev(EventType::registered, "2021-01-01");
  r.add(individual("p1", "d555", "Trần Bình", {reg}));
  r.add(individual("p2", "d555", "Nguyễn Văn An", {reg}));
  r.add(individual("p3", "d555", "Phạm An", {ev(EventType::registered, "2020-01-01")}));
  std::vector<std::size_t> idx{0, 1, 2};
  r.sort(idx);
  EXPECT_EQ(idx, (std::vector<std::size_t>{2, 1, 0}));  // Phạm An, Nguyễn Văn An, Trần Bình
  Registry c(phu_yen_units());
  for (const char* name : {"Đường hoa", "Dân vận", "Ấp mới", "Anh em"}) {
    Entry e = collective("e" + std::to_string(c.size()), "d555", {reg});
    e.name = name;
    c.add(e);
  }
  std::vector<std::size_t> ci{0, 1, 2, 3};
  c.sort(ci);
  EXPECT_EQ(ci, (std::vector<std::size_t>{3, 2, 1, 0}));  // Anh, Ấp, Dân, Đường
  std::vector<std::size_t> by_date{0, 1, 2};
  r.sort(by_date, true);
  EXPECT_EQ(by_date, (std::vector<std::size_t>{2, 1, 0}));
}

// ---------------------------------------------------------------------------------------------
// Statistics

namespace {
Registry stats_registry() {
  Registry r(phu_yen_units(), {Field{"xay-dung-nong-thon-moi", "xây dựng nông thôn mới"}});
  // 2021: registered and recognised (province), replicated in 2022, effective 2022.
  r.add(collective(
      "a", "c22306",
      {ev(EventType::registered, "2021-03-01"), recognised("2021-06-01", Level::province, "p54"),
       replicated("2022-02-01", {"c22312"}), reevaluated("2022-12-01", 2022, true)},
      {"kinh-te", "xay-dung-nong-thon-moi"}));
  // 2022: individual, recognised by the commune and commended in 2022.
  r.add(individual(
      "b", "c22015", "Đặng Thị Hồng",
      {ev(EventType::registered, "2022-01-05"), recognised("2022-04-01", Level::commune, "c22015"),
       ev(EventType::commended, "2022-05-01")}));
  // 2022: registered only, in Sông Cầu.
  r.add(collective("c", "c22051", {ev(EventType::registered, "2022-07-01")}));
  // 2021: recognised, found no longer effective in 2022.
  r.add(
      collective("d", "c22015",
                 {ev(EventType::registered, "2021-01-05"), recognised("2021-04-01", Level::commune),
                  reevaluated("2022-11-30", 2022, false)}));
  return r;
}
}  // namespace

TEST(RegistryStats, CountsByFieldLevelSubjectWithChange) {
  const Registry r = stats_registry();
  StatsQuery q;
  q.year = 2022;
  const StatsTable t = r.stats(q);
  EXPECT_EQ(t.as_of, d("2022-12-31"));
  EXPECT_EQ(t.total, (StatsCounts{2, 1, 2, 1, 1}));
  EXPECT_EQ(t.previous_total, (StatsCounts{2, 2, 2, 0, 0}));
  ASSERT_EQ(t.rows.size(), 5U);
  EXPECT_EQ(t.rows[0].keys, (std::vector<std::string>{"kinh-te", "province", "collective"}));
  EXPECT_EQ(t.rows[0].labels, (std::vector<std::string>{"kinh tế", "tỉnh", "tập thể"}));
  EXPECT_EQ(t.rows[0].current, (StatsCounts{0, 0, 1, 0, 1}));
  EXPECT_EQ(t.rows[0].previous, (StatsCounts{1, 1, 1, 0, 0}));
  EXPECT_EQ(t.rows[1].keys, (std::vector<std::string>{"kinh-te", "commune", "collective"}));
  EXPECT_EQ(t.rows[1].current, (StatsCounts{0, 0, 0, 0, 0}));
  EXPECT_EQ(t.rows[1].previous, (StatsCounts{1, 1, 1, 0, 0}));
  EXPECT_EQ(t.rows[2].keys, (std::vector<std::string>{"kinh-te", "commune", "individual"}));
  EXPECT_EQ(t.rows[2].current, (StatsCounts{1, 1, 1, 1, 0}));
  EXPECT_EQ(t.rows[3].keys, (std::vector<std::string>{"kinh-te", "none", "collective"}));
  EXPECT_EQ(t.rows[3].current, (StatsCounts{1, 0, 0, 0, 0}));
  EXPECT_EQ(t.rows[4].keys,
            (std::vector<std::string>{"xay-dung-nong-thon-moi", "province", "collective"}));
  EXPECT_EQ(t.rows[4].current, (StatsCounts{0, 0, 1, 0, 1}));
  q.by = {StatsDimension::field};
  const StatsTable by_field = r.stats(q);
  ASSERT_EQ(by_field.rows.size(), 2U);
  EXPECT_EQ(by_field.rows[1].keys, std::vector<std::string>{"xay-dung-nong-thon-moi"});
  EXPECT_EQ(by_field.rows[1].current, (StatsCounts{0, 0, 1, 0, 1}));
  EXPECT_EQ(by_field.rows[0].current, (StatsCounts{2, 1, 2, 1, 1}));
}

TEST(RegistryStats, AsOfUnitAndCurrentUnits) {
  const Registry r = stats_registry();
  StatsQuery q;
  q.year = 2022;
  q.as_of = d("2022-06-30");
  q.by = {StatsDimension::kind};
  const StatsTable t = r.stats(q);
  EXPECT_EQ(t.total, (StatsCounts{1, 1, 3, 1, 1}));
  EXPECT_EQ(t.previous_total, (StatsCounts{2, 2, 2, 0, 0}));
  q.as_of.reset();
  q.unit_id = "d555";
  EXPECT_EQ(r.stats(q).total, (StatsCounts{1, 1, 1, 1, 0}));
  q.year = 2026;
  q.unit_id = "c22015-20250701";
  EXPECT_EQ(r.stats(q).total, (StatsCounts{}));
  q.current_units = true;
  EXPECT_EQ(r.stats(q).total, (StatsCounts{0, 0, 1, 0, 0}));  // "b" still recognised
  q.unit_id = "p66-20250701";
  EXPECT_EQ(r.stats(q).total, (StatsCounts{0, 0, 2, 0, 0}));  // "a" effective, "b" recognised
  q.unit_id = "nowhere";
  EXPECT_EQ(message_of([&] { (void)r.stats(q); }), "unknown unit \"nowhere\"");
  q.unit_id.reset();
  q.by.clear();
  EXPECT_EQ(message_of([&] { (void)r.stats(q); }), "no dimension to group by");
}

// Several units are counted together: their subtrees' union, each entry once (not the sum of
// their tables).
TEST(RegistryStats, SeveralUnitsCountEachEntryOnce) {
  const Registry r = stats_registry();
  StatsQuery q;
  q.year = 2022;
  q.by = {StatsDimension::kind};
  const auto total = [&](std::optional<std::string> one, std::vector<std::string> many) {
    q.unit_id = std::move(one);
    q.unit_ids = std::move(many);
    return r.stats(q).total;
  };
  // "a" (Hòa Quang Nam) was replicated into Hòa Trị in 2022: each commune's own table counts that.
  EXPECT_EQ(total("c22306", {}), (StatsCounts{0, 0, 1, 0, 1}));
  EXPECT_EQ(total("c22312", {}), (StatsCounts{0, 0, 0, 0, 1}));
  // Together, "a" counts once, as its owner's entry.
  EXPECT_EQ(total(std::nullopt, {"c22306", "c22312"}), (StatsCounts{0, 0, 1, 0, 1}));
  EXPECT_EQ(total("c22312", {"c22306"}), (StatsCounts{0, 0, 1, 0, 1}));
  // A unit named twice, or within another one named, adds nothing.
  EXPECT_EQ(total(std::nullopt, {"d563", "c22306", "d563"}), total("d563", {}));
  // Units with no entry in common: the sum of their tables ("b" and "d" in Tuy Hòa).
  EXPECT_EQ(total("d555", {}), (StatsCounts{1, 1, 1, 1, 0}));
  EXPECT_EQ(total(std::nullopt, {"d555", "c22312"}), (StatsCounts{1, 1, 1, 1, 1}));
  // A period is counted the same way.
  q.period = parse_date_range("2022");
  EXPECT_EQ(total(std::nullopt, {"c22306", "c22312"}), (StatsCounts{0, 0, 1, 0, 1}));
  q.period.reset();
  // The table names the units, each once; unit_id is the one unit only when one was named.
  q.unit_id.reset();
  q.unit_ids = {"d555", "c22312", "d555"};
  const StatsTable t = r.stats(q);
  EXPECT_EQ(t.unit_ids, (std::vector<std::string>{"d555", "c22312"}));
  EXPECT_EQ(t.unit_id, std::nullopt);
  EXPECT_NE(
      render_stats_text(t).find("\nĐơn vị: d555, c22312 (gộp chung, mỗi mô hình, điển hình tính "
                                "một lần)\n"),
      std::string::npos);
  const Json j = to_json(t);
  EXPECT_EQ(j["unit"], Json(nullptr));
  EXPECT_EQ(j["units"], Json::array({"d555", "c22312"}));
  q.unit_ids = {"d555"};
  const StatsTable one = r.stats(q);
  EXPECT_EQ(one.unit_id, "d555");
  EXPECT_EQ(one.unit_ids, std::vector<std::string>{"d555"});
  q.unit_ids = {"d555", "nowhere"};
  EXPECT_EQ(message_of([&] { (void)r.stats(q); }), "unknown unit \"nowhere\"");
}

TEST(RegistryStats, RenderCsvTextJson) {
  const Registry r = stats_registry();
  StatsQuery q;
  q.year = 2022;
  q.by = {StatsDimension::subject};
  const StatsTable t = r.stats(q);
  EXPECT_EQ(render_stats_csv(t),
            "\xEF\xBB\xBF"
            "Đối tượng,Đăng ký 2022,Đăng ký 2021,Công nhận 2022,Công nhận 2021,Còn hiệu quả 2022,"
            "Còn hiệu quả 2021,\"Biểu dương, khen thưởng 2022\",\"Biểu dương, khen thưởng 2021\","
            "Nhân rộng 2022,Nhân rộng 2021\r\n"
            "tập thể,1,2,0,2,1,2,0,0,1,0\r\n"
            "cá nhân,1,0,1,0,1,0,1,0,0,0\r\n"
            "Tổng cộng,2,2,1,2,2,2,1,0,1,0\r\n");
  EXPECT_EQ(render_stats_text(t),
            "Thống kê mô hình, điển hình \"Dân vận khéo\" năm 2022 (tính đến ngày 31/12/2022; "
            "trong ngoặc: thay đổi so với năm 2021)\n"
            "Đối tượng  Đăng ký  Công nhận  Còn hiệu quả  Biểu dương, khen thưởng  Nhân rộng\n"
            "-------------------------------------------------------------------------------\n"
            "tập thể     1 (-1)     0 (-2)        1 (-1)                   0 (±0)     1 (+1)\n"
            "cá nhân     1 (+1)     1 (+1)        1 (+1)                   1 (+1)     0 (±0)\n"
            "-------------------------------------------------------------------------------\n"
            "Tổng cộng   2 (±0)     1 (-1)        2 (±0)                   1 (+1)     1 (+1)\n");
  const Json j = to_json(t);
  EXPECT_EQ(j["rows"][1]["keys"]["subject"], "individual");
  EXPECT_EQ(j["rows"][1]["labels"]["subject"], "cá nhân");
  EXPECT_EQ(j["total"]["change"]["recognised"], -1);
  EXPECT_EQ(j["as_of"], "2022-12-31");
  EXPECT_EQ(j["unit"], nullptr);
}

// ---------------------------------------------------------------------------------------------
// JSON

namespace {
std::string sample_text() { return read_file(root / "data/registry/sample-registry.json"); }

/// The first problem of reading a registry text (the streaming reader falls back to the DOM).
std::string read_message(const std::string& text) {
  try {
    (void)read_registry(text);
  } catch (const JsonDocumentError& e) {
    return e.problems().front().pointer + ": " + e.problems().front().reason;
  }
  return "no error";
}

std::string mutate(const std::function<void(Json&)>& f) {
  Json doc = parse_json(sample_text());
  f(doc);
  return doc.dump(2);
}
}  // namespace

TEST(RegistryJson, SampleRoundTripsCanonicallyAndBothReadersAgree) {
  const std::string text = sample_text();
  const Registry fast = read_registry(text);
  const Registry dom = registry_from_json(parse_json(text));
  EXPECT_EQ(fast, dom);
  EXPECT_GE(fast.size(), 300U);
  EXPECT_EQ(registry_to_text(fast), text);
  ASSERT_TRUE(fast.note().has_value());
  EXPECT_NE(fast.note()->find("SAMPLE"), std::string::npos);
  EXPECT_LT(fast.storage_bytes(), text.size());
  // Non-canonical but valid layouts read the same through either path.
  Json doc = parse_json(text);
  Json reordered = Json::object();
  for (const char* k : {"entries", "units", "fields", "version", "schema", "note"}) {
    reordered[k] = doc[k];
  }
  EXPECT_EQ(read_registry(reordered.dump()), fast);
  EXPECT_EQ(read_registry(doc.dump(-1, ' ', true)), fast);  // \u escapes everywhere
}

// The fast readers themselves (not read_registry, which falls back to the DOM reader and so
// would hide a fast reader that never succeeds): the reader of this build (simdjson On-Demand
// when built with it) and the hand-written scanner (the reader of builds without simdjson) each
// read every canonical document, and what they read is what the DOM reader reads.
using FastRead = std::optional<Registry> (*)(std::string_view);
const std::vector<std::pair<std::string, FastRead>> fast_readers = {
    {"streaming", detail::read_registry_streaming}, {"scanner", detail::read_registry_scanner}};

TEST(RegistryJson, StreamingReaderReadsCanonicalDocuments) {
#if defined(DANVAN_TEST_SIMDJSON)
  EXPECT_EQ(detail::registry_fast_reader(), "simdjson");
#else
  EXPECT_EQ(detail::registry_fast_reader(), "scanner");
#endif
  std::vector<std::filesystem::path> files = {root / "data/registry/sample-registry.json"};
  for (const auto& f :
       std::filesystem::directory_iterator(root / "data/registry/real/registries")) {
    files.push_back(f.path());
  }
  ASSERT_GE(files.size(), 6U);
  for (const auto& [name, read] : fast_readers) {
    for (const auto& f : files) {
      const std::string text = read_file(f);
      const auto fast = read(text);
      ASSERT_TRUE(fast.has_value()) << name << " " << f;
      EXPECT_EQ(*fast, registry_from_json(parse_json(text))) << name << " " << f;
      EXPECT_EQ(registry_to_text(*fast), text) << name << " " << f;
    }
  }
}

// A registry larger than the simdjson reader's pieces (about 1 MB of entries each): it is read
// piece by piece, cut between entries, and gives what the DOM reader gives; the same text
// minified (no layout to cut by) is read whole.
TEST(RegistryJson, StreamingReaderReadsLargeRegistriesInPieces) {
  Json doc = parse_json(sample_text());
  const Json first = doc["entries"][0];
  Json entries = Json::array();
  for (int i = 0; i < 3000; ++i) {
    Json e = first;
    e["id"] = "e" + std::to_string(i);
    e["description"] = std::string(400, 'x') + " " + std::to_string(i);
    entries.push_back(e);
  }
  doc["entries"] = entries;
  const std::string text = to_document_text(doc);
  ASSERT_GT(text.size(), std::size_t{2} << 20U);
  const Registry dom = registry_from_json(doc);
  for (const auto& [name, read] : fast_readers) {
    const auto fast = read(text);
    ASSERT_TRUE(fast.has_value()) << name;
    EXPECT_EQ(*fast, dom) << name;
    const auto minified = read(doc.dump());
    ASSERT_TRUE(minified.has_value()) << name;
    EXPECT_EQ(*minified, dom) << name;
  }
  // A control character in an entry of the second piece: both give up, the DOM reader says why.
  std::string bad = text;
  const std::size_t at = bad.find(std::string(400, 'x') + " 2500");
  ASSERT_NE(at, std::string::npos);
  bad[at + 5] = '\x01';
  for (const auto& [name, read] : fast_readers) EXPECT_FALSE(read(bad).has_value()) << name;
  EXPECT_EQ(read_message(bad),
            ": invalid JSON: parse error at line 104911, column 28: syntax error while parsing "
            "value - invalid string: control character U+0001 (SOH) must be escaped to \\u0001; "
            "last read: '\"xxxxx<U+0001>'");
}

// Valid documents in shapes the fast readers do not take: they give up (nullopt) and
// read_registry gives what the DOM reader gives.
TEST(RegistryJson, StreamingReaderGivesUpOnOtherShapes) {
  const std::string text = sample_text();
  const Registry expected = registry_from_json(parse_json(text));
  Json rest = parse_json(text);
  const Json entries = rest["entries"];
  rest.erase("entries");
  // The entries before the fields and units they use.
  const std::string entries_first = R"({"entries":)" + entries.dump() + "," + rest.dump().substr(1);
  // A name written decomposed (NFD, "Mô hình" with combining marks): the DOM reader normalises.
  const std::string nfd =
      mutate([](Json& j) { j["entries"][0]["name"] = "Mo\xCC\x82 hi\xCC\x80nh"; });
  // A key written with an escape ("n\u0061me" is "name").
  std::string escaped_key = text;
  escaped_key.replace(escaped_key.find("\"name\""), 6, "\"n\\u0061me\"");
  // A byte order mark (parse_json skips it).
  const std::string bom = "\xEF\xBB\xBF" + text;
  for (const auto& [name, read] : fast_readers) {
    EXPECT_FALSE(read(bom).has_value()) << name;
    EXPECT_FALSE(read(entries_first).has_value()) << name;
    EXPECT_FALSE(read(nfd).has_value()) << name;
    if (const auto r = read(escaped_key)) {
      EXPECT_EQ(*r, expected) << name;
    }
  }
  EXPECT_EQ(detail::read_registry_streaming(escaped_key).has_value(),
            detail::registry_fast_reader() == "scanner");
  EXPECT_EQ(read_registry(entries_first), expected);
  EXPECT_EQ(read_registry(bom), expected);
  EXPECT_EQ(read_registry(nfd).entry(0).name, "M\xC3\xB4 h\xC3\xACnh");
  EXPECT_EQ(read_registry(escaped_key), expected);
}

// Documents both readers refuse: the fast readers give up, the messages are the DOM's.
TEST(RegistryJson, StreamingReaderGivesUpOnBadInput) {
  const std::string sample = sample_text();
  const auto replaced = [&](std::string_view from, std::string_view to) {
    std::string t = sample;
    t.replace(t.find(from), from.size(), to);
    return t;
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {mutate([](Json& j) { j["entries"][0]["events"][1]["decision"] = "  "; }),
       "/entries/0/events/1/decision: must not be empty"},
      {mutate([](Json& j) {
         j["entries"][0]["places"] = {"p54", "p54"};
       }),
       "/entries/0/places/1: \"p54\" is listed twice"},
      {mutate([](Json& j) { j["fields"][0]["name"] = " "; }), "/fields/0/name: must not be empty"},
      {mutate([](Json& j) { j["entries"][0]["unit"] = "Phu Yen"; }),
       "/entries/0/unit: invalid id \"Phu Yen\": ids are 1..100 characters of a-z, 0-9 and '-', "
       "not starting with '-'"},
      {mutate([](Json& j) { j["entries"][0]["name"] = "a\x7F"; }),
       "/entries/0/name: control character U+007F at byte 1 (text must not contain control "
       "characters)"},
      {mutate([](Json& j) { j["entries"][0]["name"] = "a\u0085"; }),
       "/entries/0/name: control character U+0085 at byte 1 (text must not contain control "
       "characters)"},
      {mutate([](Json& j) { j["entries"][0]["events"][0]["date"] = "2020-02-30"; }),
       "/entries/0/events/0/date: invalid date \"2020-02-30\": day 30 does not exist in "
       "02/2020"},
      {replaced("\"version\": 3", "\"version\": 3.0"),
       "/version: expected an integer, got a number with a fraction"},
      {replaced("\"version\": 3", "\"version\": -2"), "/version: -2 is out of range 1..1000000"},
  };
  for (const auto& [text, message] : cases) {
    for (const auto& [name, read] : fast_readers) {
      EXPECT_FALSE(read(text).has_value()) << name << ": " << message;
    }
    EXPECT_EQ(read_message(text), message);
  }
  // Truncated, empty, trailing content, a second document, a key twice, a comma after the
  // entries with nothing after it.
  std::string extra_comma = sample;
  const std::size_t last = extra_comma.rfind("\n  ]");
  ASSERT_NE(last, std::string::npos);
  extra_comma.insert(last + 4, ",");
  const std::vector<std::string> broken = {
      sample.substr(0, sample.size() / 2),
      "",
      sample + "x",
      sample + "{}",
      replaced("\"note\":", "\"schema\": \"danvan/registry\", \"note\":"),
      extra_comma};
  for (std::size_t k = 0; k < broken.size(); ++k) {
    for (const auto& [name, read] : fast_readers) {
      EXPECT_FALSE(read(broken[k]).has_value()) << name << ": " << k;
    }
    EXPECT_THROW((void)read_registry(broken[k]), Error) << k;
  }
}

// The simdjson reader checks strings and finds the end of keys sixteen bytes at a time, reading
// past their end in its padded buffer: a control character at any place of a longer name (C0,
// DEL, and U+0085 whose two bytes may sit in two blocks; written raw or escaped) makes every fast
// reader give up, U+00A0 (the same lead byte 0xC2, not a control character) at any place is read
// as the DOM reader reads it, and a key with an escape late in it is no key of the format.
TEST(RegistryJson, StreamingReaderChecksEveryByteOfLongStrings) {
  const std::string base = "Mo hinh dan van kheo so 1234567890 abcdefghij";  // 45 bytes
  // The canonical sample with the first entry's name replaced (the fast readers read only the
  // canonical layout).
  const std::string sample = sample_text();
  const std::size_t value = sample.find("\"name\": \"", sample.find("\"entries\": [")) + 9;
  const std::size_t value_end = sample.find('"', value);
  ASSERT_NE(value_end, std::string::npos);
  for (std::size_t at = 0; at <= base.size(); ++at) {
    const auto with = [&](std::string_view bytes) {
      std::string name = base;
      name.insert(at, bytes);
      std::string t = sample;
      t.replace(value, value_end - value, name);
      return t;
    };
    for (const std::string_view bad : {"\x01", "\x1F", "\x7F", "\xC2\x85", "\\u0085"}) {
      const std::string t = with(bad);
      for (const auto& [reader, read] : fast_readers) {
        EXPECT_FALSE(read(t).has_value()) << reader << " at " << at << " " << bad;
      }
      EXPECT_THROW((void)read_registry(t), Error) << at;
    }
    const std::string nbsp = with("\xC2\xA0");
    const Registry dom = registry_from_json(parse_json(nbsp));
    for (const auto& [reader, read] : fast_readers) {
      const auto fast = read(nbsp);
      ASSERT_TRUE(fast.has_value()) << reader << " at " << at;
      EXPECT_EQ(*fast, dom) << reader << " at " << at;
    }
  }
  std::string escaped_key = sample_text();
  escaped_key.replace(escaped_key.find("\"description\""), 13, "\"descriptio\\u006e\"");
  const Registry expected = registry_from_json(parse_json(sample_text()));
  EXPECT_EQ(registry_from_json(parse_json(escaped_key)), expected);
  for (const auto& [reader, read] : fast_readers) {
    if (const auto r = read(escaped_key)) {
      EXPECT_EQ(*r, expected) << reader;
    }
  }
  EXPECT_EQ(detail::read_registry_streaming(escaped_key).has_value(),
            detail::registry_fast_reader() == "scanner");
}

// "person" and "places" may be left out of an entry: the entry then has no person name and no
// places, whatever the entry before it had (the fast readers reuse one entry's room).
TEST(RegistryJson, StreamingReaderLeavesOutWhatAnEntryLeavesOut) {
  std::string text = sample_text();
  const std::size_t named = text.find("\"person\": \"");
  ASSERT_NE(named, std::string::npos);
  const std::size_t next = text.find("\"person\": null,\n", named);
  ASSERT_NE(next, std::string::npos);
  text.erase(text.rfind('\n', next), text.find('\n', next) - text.rfind('\n', next));
  const Registry dom = registry_from_json(parse_json(text));
  for (const auto& [reader, read] : fast_readers) {
    const auto fast = read(text);
    ASSERT_TRUE(fast.has_value()) << reader;
    EXPECT_EQ(*fast, dom) << reader;
  }
  bool found = false;
  for (std::size_t i = 1; i < dom.size(); ++i) {
    found = found || (dom.entry(i - 1).person_name && !dom.entry(i).person_name);
  }
  EXPECT_TRUE(found);
}

// Registry::replace changes one entry in place (no rebuild): the registry is then the one built
// anew from the same entries with that one replaced, for its entries, statistics, search, id
// look-up and latest day; refusals are add()'s on the registry without the entry, and leave it
// unchanged.
TEST(RegistryReplace, IsTheRegistryBuiltWithTheEntryReplaced) {
  const std::string text = sample_text();
  const Registry original = read_registry(text);
  ASSERT_GE(original.size(), 10U);
  // The registry built anew with entry i replaced by e.
  const auto rebuilt = [&](std::size_t i, const Entry& e) {
    Json doc = parse_json(text);
    doc["entries"][i] = to_json(e);
    return registry_from_json(doc);
  };
  // Every unit an entry of the original is owned by, and all units ("").
  std::vector<std::string> units = {""};
  for (std::size_t k = 0; k < original.size(); ++k) {
    const std::string u = original.entry(k).unit_id;
    if (std::find(units.begin(), units.end(), u) == units.end()) units.push_back(u);
  }
  const auto same = [&units](const Registry& a, const Registry& b, const std::string& what) {
    EXPECT_EQ(a, b) << what;
    EXPECT_EQ(a.latest_event_date(), b.latest_event_date()) << what;
    EXPECT_EQ(a.search_names("mo hinh"), b.search_names("mo hinh")) << what;
    for (const int year : {2019, 2020, 2021, 2022, 2023, 2024, 2025}) {
      for (const std::string& unit : units) {
        StatsQuery q;
        q.year = year;
        if (!unit.empty()) q.unit_id = unit;
        EXPECT_EQ(a.stats(q).rows, b.stats(q).rows) << what << " " << year << " " << unit;
        EXPECT_EQ(a.stats(q).total, b.stats(q).total) << what << " " << year << " " << unit;
      }
    }
    for (std::size_t i = 0; i < b.size(); ++i) EXPECT_EQ(a.find(b.entry(i).id), i) << what;
  };
  // Another owner, name, fields and places: the entry of another unit, under this one's id.
  const std::size_t i = 3;
  Registry r = original;
  (void)r.search_names("x");  // the search index built before the change
  (void)r.stats(StatsQuery{});
  Entry moved = original.entry(7);
  moved.id = original.entry(i).id;
  moved.name = "Mô hình thay thế";
  r.replace(original.entry(i).id, moved);
  same(r, rebuilt(i, moved), "moved");
  EXPECT_EQ(r.search_names("thay the"), std::vector<std::size_t>{i});
  // A new id renames the entry: the old id is free, the new one found; again back.
  Entry renamed = r.entry(i);
  renamed.id = "ten-moi";
  r.replace(moved.id, renamed);
  same(r, rebuilt(i, renamed), "renamed");
  EXPECT_FALSE(r.find(moved.id).has_value());
  // The entries with the latest day replaced by their first event alone: the latest day is
  // then the others' latest.
  Registry early = original;
  Json doc = parse_json(text);
  const auto latest = original.latest_event_date();
  ASSERT_TRUE(latest.has_value());
  for (std::size_t k = 0; k < original.size(); ++k) {
    Entry e = original.entry(k);
    bool holds = false;
    for (const Event& ev : e.events) holds = holds || ev.date->last_day() >= *latest;
    if (!holds) continue;
    e.events.resize(1);
    early.replace(e.id, e);
    doc["entries"][k] = to_json(e);
  }
  same(early, registry_from_json(doc), "earlier");
  EXPECT_LT(*early.latest_event_date(), *latest);
  // Refusals: add()'s messages, the registry unchanged.
  Registry refused = original;
  Entry duplicate = original.entry(i);
  duplicate.id = original.entry(i + 1).id;
  try {
    refused.replace(original.entry(i).id, duplicate);
    ADD_FAILURE() << "a duplicate id was taken";
  } catch (const ValueError& e) {
    EXPECT_EQ(std::string(e.what()), "entry \"" + duplicate.id + "\": duplicate id");
  }
  Entry nowhere = original.entry(i);
  nowhere.unit_id = "nowhere";
  try {
    refused.replace(nowhere.id, nowhere);
    ADD_FAILURE() << "an unknown unit was taken";
  } catch (const ValueError& e) {
    EXPECT_EQ(std::string(e.what()), "entry \"" + nowhere.id + "\": unknown unit \"nowhere\"");
    EXPECT_EQ(e.problems(), (std::vector<JsonProblem>{{"/unit", "unknown unit \"nowhere\""}}));
  }
  EXPECT_THROW(refused.replace("no-such-entry", nowhere), ValueError);
  same(refused, original, "refused");
}

// An entry Registry::add refuses for several reasons: each reason is its own problem, at its
// place in the document (not one problem at "/entries/0" with the reasons run together).
TEST(RegistryJson, ARefusedEntryListsEachReasonAtItsPlace) {
  const std::string text = mutate([](Json& j) {
    Json& e = j["entries"][0];
    e["unit"] = "py-nowhere";
    e["places"] = Json::array({"py-atlantis"});
    e["fields"].push_back("thu-cong");
    e["events"][1]["by"] = "nobody";
    j["entries"][4]["id"] = j["entries"][3]["id"];
  });
  try {
    (void)read_registry(text);
    FAIL() << "read";
  } catch (const JsonDocumentError& e) {
    EXPECT_EQ(
        e.problems(),
        (std::vector<JsonProblem>{
            {"/entries/0/unit", "unknown unit \"py-nowhere\""},
            {"/entries/0/places/0", "unknown place unit \"py-atlantis\""},
            {"/entries/0/fields/2", "unknown field \"thu-cong\""},
            {"/entries/0/events/1/by",
             "event 2 (recognised on 2020-08-01) names the unknown unit \"nobody\" as \"by\""},
            {"/entries/4/id", "duplicate id"}}));
  }
}

TEST(RegistryJson, BadInputExactMessages) {
  EXPECT_EQ(read_message(mutate([](Json& j) { j["entries"][0]["colour"] = "red"; })),
            "/entries/0/colour: unknown key \"colour\"");
  EXPECT_EQ(read_message(mutate([](Json& j) { j["entries"][1]["kind"] = 3; })),
            "/entries/1/kind: expected a string, got an integer");
  EXPECT_EQ(read_message(mutate([](Json& j) { j["entries"][2]["kind"] = "hero"; })),
            "/entries/2/kind: unknown entry kind \"hero\"; expected one of model, exemplar");
  EXPECT_EQ(read_message(mutate([](Json& j) { j["entries"][0]["events"][0]["grade"] = "tot"; })),
            "/entries/0/events/0/grade: unknown key \"grade\"");
  EXPECT_EQ(
      read_message(mutate([](Json& j) { j["entries"][0]["events"][0]["date"] = "2021-02-30"; })),
      "/entries/0/events/0/date: invalid date \"2021-02-30\": day 30 does not exist in "
      "02/2021");
  EXPECT_EQ(
      read_message(mutate([](Json& j) { j["entries"][0]["events"][0]["date"] = "10/04/2020"; })),
      "/entries/0/events/0/date: expected an ISO date \"YYYY\", \"YYYY-MM\" or "
      "\"YYYY-MM-DD\", got \"10/04/2020\"");
  EXPECT_EQ(read_message(mutate([](Json& j) { j["entries"][0]["unit"] = "py-nowhere"; })),
            "/entries/0/unit: unknown unit \"py-nowhere\"");
  EXPECT_EQ(read_message(mutate([](Json& j) { j["entries"][3]["id"] = j["entries"][0]["id"]; })),
            "/entries/3/id: duplicate id");
  EXPECT_EQ(
      read_message(mutate([](Json& j) {
        auto& e = j["entries"][0]["events"];
        e.push_back(Json{{"type", "replicated"}, {"date", "2030-01-01"}, {"units", Json::array()}});
      })),
      "/entries/0/events/" +
          std::to_string(parse_json(sample_text())["entries"][0]["events"].size()) +
          "/units: must name at least one unit");
  EXPECT_EQ(read_message(mutate([](Json& j) {
              j["entries"][0]["events"] = Json::array(
                  {Json{{"type", "registered"}, {"date", "2020-03-01"}},
                   Json{{"type", "revoked"}, {"date", "2020-04-01"}, {"decision", nullptr}}});
            })),
            "/entries/0/events/1: event 2 (revoked on 2020-04-01) comes before recognition");
  EXPECT_EQ(read_message(mutate([](Json& j) { j["version"] = 4; })),
            "/version: unsupported version 4 of danvan/registry; this library reads versions 1 to "
            "3");
  EXPECT_EQ(read_message(mutate([](Json& j) { j["schema"] = "danvan/units"; })),
            "/schema: expected \"danvan/registry\", got \"danvan/units\"");
  EXPECT_EQ(read_message(mutate([](Json& j) { j["units"][0]["parent"] = "nowhere"; })),
            "/units/0/parent: unknown unit \"nowhere\"");
  EXPECT_EQ(read_message(mutate([](Json& j) { j.erase("entries"); })),
            ": missing required key \"entries\"");
  EXPECT_EQ(read_message(mutate([](Json& j) { j["fields"][0]["id"] = "kinh-te"; })),
            "/fields/0/id: field \"kinh-te\" is already built in");
  EXPECT_EQ(read_message(mutate([](Json& j) { j["entries"][5]["events"][0]["type"] = nullptr; })),
            "/entries/5/events/0/type: expected a string, got null");
  EXPECT_EQ(read_message(mutate([](Json& j) {
              j["entries"][0]["events"][1]["year"] = 2021.0;
              j["entries"][0]["events"][1]["type"] = "reevaluated";
            })),
            "/entries/0/events/1/year: expected an integer, got a number with a fraction");
  const std::string text = sample_text();
  EXPECT_EQ(read_message(text.substr(0, text.size() / 2)).substr(0, 46),
            ": invalid JSON: parse error at line 8172, colu");
  EXPECT_EQ(read_message("{\"schema\": \"danvan/registry\", \"schema\": \"x\"}"),
            "/schema: duplicate key \"schema\"");
  EXPECT_EQ(read_message("[]"), ": expected an object, got an array");
  EXPECT_EQ(read_message(std::string(100000, '[')).substr(0, 15), ": invalid JSON:");
  std::string bad_utf8 = text;
  bad_utf8.replace(bad_utf8.find("Mẫu: "), 3, "M\xC3\x28");
  EXPECT_EQ(read_message(bad_utf8).substr(0, 15), ": invalid JSON:");
}

TEST(RegistryJson, EntryAndEventJson) {
  Event e = recognised("2021-02-01", Level::district, "d563");
  EXPECT_EQ(
      to_json(e).dump(),
      R"({"type":"recognised","date":"2021-02-01","level":"district","by":"d563","decision":null,"grade":null,"status":"decided"})");
  EXPECT_EQ(to_json(reevaluated("2021-12-01", 2021, false)).dump(),
            R"({"type":"reevaluated","date":"2021-12-01","year":2021,"effective":false})");
}

namespace {
/// Every problem of reading a value, as "pointer: reason"; "no error" when it reads.
template <class Read>
std::vector<std::string> problems_of(Read read, const Json& value) {
  try {
    (void)read(value);
  } catch (const JsonDocumentError& e) {
    std::vector<std::string> out;
    for (const auto& p : e.problems()) out.push_back(p.pointer + ": " + p.reason);
    return out;
  }
  return {"no error"};
}
using Messages = std::vector<std::string>;
}  // namespace

TEST(RegistryJson, EntryEventFieldReadersRoundTrip) {
  const Registry r = load_registry(root / "data/registry/sample-registry.json");
  for (std::size_t i = 0; i < r.size(); ++i) {
    const Entry e = r.entry(i);
    ASSERT_EQ(entry_from_json(to_json(e)), e) << e.id;
    for (const auto& ev : e.events) ASSERT_EQ(event_from_json(to_json(ev)), ev) << e.id;
  }
  // The document reader's entries are exactly what entry_from_json reads.
  const Json doc = parse_json(sample_text());
  EXPECT_EQ(entry_from_json(doc["entries"][3]), r.entry(3));
  for (const auto& f : r.declared_fields()) EXPECT_EQ(field_from_json(to_json(f)), f);
  EXPECT_EQ(to_json(Field{"xay-dung-nong-thon-moi", "xây dựng nông thôn mới"}).dump(),
            R"({"id":"xay-dung-nong-thon-moi","name":"xây dựng nông thôn mới"})");
  // Reading checks the JSON only: a lifecycle problem is left to Registry::add/check_events.
  const Entry odd = entry_from_json(parse_json(
      R"({"id": "x", "kind": "model", "subject": "collective", "name": "Mô hình", "unit": "u",
          "fields": ["kinh-te"], "description": "", "person": null,
          "events": [{"type": "commended", "date": "2021-01-01", "decision": null}]})"));
  EXPECT_EQ(odd.events.size(), 1U);
  EXPECT_EQ(message_of([&] { check_events(odd); }), "no exception");
}

TEST(RegistryJson, EventReaderBadInputExactMessages) {
  const auto event = [](const char* text) {
    return problems_of([](const Json& j) { return event_from_json(j); }, parse_json(text));
  };
  // Wrong shape and wrong types.
  EXPECT_EQ(event("[]"), Messages{": expected an object, got an array"});
  EXPECT_EQ(event("null"), Messages{": expected an object, got null"});
  EXPECT_EQ(event(R"({"type": 1, "date": true})"),
            (Messages{"/type: expected a string, got an integer",
                      "/date: expected a string, got a boolean"}));
  // Missing keys (truncated objects) and unknown ones.
  EXPECT_EQ(event("{}"),
            (Messages{": missing required key \"type\"", ": missing required key \"date\""}));
  EXPECT_EQ(event(R"({"type": "promoted", "date": "2021-01-01"})"),
            Messages{": missing required key \"kind\""});
  EXPECT_EQ(event(R"({"type": "registered", "date": "2021-01-01", "by": "x"})"),
            Messages{"/by: unknown key \"by\""});
  // Out of range and invalid values.
  EXPECT_EQ(event(R"({"type": "reevaluated", "date": "2021-12-01", "year": 10000,
                      "effective": true})"),
            Messages{"/year: 10000 is out of range 1400..9999"});
  EXPECT_EQ(event(R"({"type": "reevaluated", "date": "2021-12-01", "year": -1,
                      "effective": 1})"),
            (Messages{"/year: -1 is out of range 1400..9999",
                      "/effective: expected a boolean, got an integer"}));
  EXPECT_EQ(event(R"({"type": "reevaluated", "date": "2021-12-01",
                      "year": 18446744073709551615, "effective": true})"),
            Messages{"/year: 18446744073709551615 is out of range 1400..9999"});
  EXPECT_EQ(event(R"({"type": "registered", "date": "2021-13-01"})"),
            Messages{"/date: invalid date \"2021-13-01\": month 13 is out of range 1..12"});
  EXPECT_EQ(event(R"({"type": "registered", "date": "2021-1"})"),
            Messages{"/date: expected an ISO date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", got "
                     "\"2021-1\""});
  EXPECT_EQ(event(R"({"type": "recognised", "date": "2021-01-01", "level": "village"})"),
            Messages{"/level: unknown level \"village\"; expected one of central, province, "
                     "district, commune"});
  EXPECT_EQ(event(R"({"type": "replicated", "date": "2021-01-01", "units": ["a", 2, "B"]})"),
            (Messages{"/units/1: expected a string, got an integer",
                      "/units/2: invalid id \"B\": ids are 1..100 characters of a-z, 0-9 and "
                      "'-', not starting with '-'"}));
  // Hostile: a huge nesting as a member value is reported, not followed.
  Json deep = parse_json(R"({"type": "registered", "date": "2021-01-01"})");
  Json nest = Json::array();
  for (int k = 0; k < 1000; ++k) nest = Json::array({nest});
  deep["x"] = nest;
  EXPECT_EQ(problems_of([](const Json& j) { return event_from_json(j); }, deep),
            Messages{"/x: unknown key \"x\""});
}

TEST(RegistryJson, EntryAndFieldReadersBadInputExactMessages) {
  const auto entry = [](const Json& j) {
    return problems_of([](const Json& v) { return entry_from_json(v); }, j);
  };
  Json good = parse_json(
      R"({"id": "a", "kind": "model", "subject": "collective", "name": "Mô hình a",
          "unit": "x", "fields": ["kinh-te"], "description": "", "person": null,
          "events": [{"type": "registered", "date": "2021-01-01"}]})");
  EXPECT_EQ(entry(good), Messages{"no error"});
  Json bad = good;
  bad["kind"] = "hero";
  bad["colour"] = "red";
  bad["fields"] = "kinh-te";
  bad["events"][0]["date"] = "10/04/2020";
  EXPECT_EQ(entry(bad),
            (Messages{"/kind: unknown entry kind \"hero\"; expected one of model, exemplar",
                      "/fields: expected an array, got a string",
                      "/events/0/date: expected an ISO date \"YYYY\", \"YYYY-MM\" or "
                      "\"YYYY-MM-DD\", got \"10/04/2020\"",
                      "/colour: unknown key \"colour\""}));
  Json missing = good;
  missing.erase("description");
  missing.erase("events");
  EXPECT_EQ(entry(missing), (Messages{": missing required key \"description\"",
                                      ": missing required key \"events\""}));
  Json wrong = good;
  wrong["id"] = "-a";
  wrong["name"] = "  ";
  wrong["events"] = Json::object();
  wrong["person"] = 5;
  EXPECT_EQ(entry(wrong),
            (Messages{"/id: invalid id \"-a\": ids are 1..100 characters of a-z, 0-9 and '-', "
                      "not starting with '-'",
                      "/name: must not be empty", "/person: expected a string, got an integer",
                      "/events: expected an array, got an object"}));
  EXPECT_EQ(entry(Json("entry")), Messages{": expected an object, got a string"});
  const auto field = [](const char* text) {
    return problems_of([](const Json& v) { return field_from_json(v); }, parse_json(text));
  };
  EXPECT_EQ(field(R"({"id": "X", "name": "", "extra": 1})"),
            (Messages{"/id: invalid id \"X\": ids are 1..100 characters of a-z, 0-9 and '-', "
                      "not starting with '-'",
                      "/name: must not be empty", "/extra: unknown key \"extra\""}));
  EXPECT_EQ(field("{}"),
            (Messages{": missing required key \"id\"", ": missing required key \"name\""}));
}

// ---------------------------------------------------------------------------------------------
// Journal

namespace {
std::filesystem::path temp_path(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() /
           ("danvan-registry-test-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove(p);
  return p;
}
}  // namespace

TEST(RegistryJournal, AppendAndReplayGivesTheSameRegistry) {
  const Registry expected = stats_registry();
  const auto path = temp_path("journal.jsonl");
  {
    JournalWriter w(path);
    // Interleave: all registrations first, then the other events in order.
    for (std::size_t i = 0; i < expected.size(); ++i) {
      w.append(journal_registration_line(expected.entry(i)));
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const Entry e = expected.entry(i);
      for (std::size_t k = 1; k < e.events.size(); ++k)
        w.append(journal_event_line(e.id, e.events[k]));
    }
  }
  Registry replayed(phu_yen_units(), {Field{"xay-dung-nong-thon-moi", "xây dựng nông thôn mới"}});
  const ReplayResult result = replay_journal_file(path, replayed);
  EXPECT_EQ(result.applied, 11U);
  EXPECT_FALSE(result.torn_line.has_value());
  EXPECT_EQ(replayed, expected);
  EXPECT_EQ(
      journal_event_line("a", ev(EventType::commended, "2022-01-01")),
      "{\"entry\":\"a\",\"event\":{\"type\":\"commended\",\"date\":\"2022-01-01\","
      "\"level\":null,\"by\":null,\"decision\":null,\"form\":null,\"status\":\"decided\"}}\n");
  {
    JournalWriter w(path);
    EXPECT_EQ(message_of([&] { w.append("{}"); }),
              "a journal line must be one line ending in a newline");
    EXPECT_EQ(message_of([&] { w.append("{}\n{}\n"); }),
              "a journal line must be one line ending in a newline");
  }
  std::filesystem::remove(path);
  EXPECT_EQ(message_of([] { JournalWriter w("/nonexistent-dir/j.jsonl"); }),
            "/nonexistent-dir/j.jsonl: No such file or directory");
}

TEST(RegistryJournal, TornLastLineIsReportedAndTheRestKept) {
  const Registry source = stats_registry();
  std::string text;
  for (std::size_t i = 0; i < 3; ++i) text += journal_registration_line(source.entry(i));
  const std::string next = journal_registration_line(source.entry(3));
  Registry r1(phu_yen_units(), {Field{"xay-dung-nong-thon-moi", "xây dựng nông thôn mới"}});
  const auto torn = replay_journal(text + next.substr(0, next.size() / 2), r1);
  EXPECT_EQ(torn.applied, 3U);
  EXPECT_EQ(torn.torn_line, 4U);
  EXPECT_EQ(torn.warning, "line 4: torn last line (no final newline); ignored");
  EXPECT_EQ(r1.size(), 3U);

  Registry r2(phu_yen_units(), {Field{"xay-dung-nong-thon-moi", "xây dựng nông thôn mới"}});
  const auto garbled = replay_journal(text + "{\"entry\": \"d\", \"ev\n", r2);
  EXPECT_EQ(garbled.applied, 3U);
  EXPECT_EQ(garbled.torn_line, 4U);
  EXPECT_EQ(garbled.warning.substr(0, 46), "line 4: torn last line (invalid JSON: parse er");

  Registry r3(phu_yen_units(), {Field{"xay-dung-nong-thon-moi", "xây dựng nông thôn mới"}});
  EXPECT_EQ(message_of([&] { replay_journal("{\"entry\": \"a\",\n" + text, r3); }).substr(0, 45),
            "line 1: invalid JSON: parse error at line 1, ");
  EXPECT_EQ(r3.size(), 0U);
}

TEST(RegistryJournal, BadLinesExactMessages) {
  const Registry source = stats_registry();
  const std::string reg_a = journal_registration_line(source.entry(0));
  const auto replay = [&](const std::string& text) {
    Registry r(phu_yen_units(), {Field{"xay-dung-nong-thon-moi", "xây dựng nông thôn mới"}});
    return message_of([&] { replay_journal(text, r); });
  };
  EXPECT_EQ(
      replay(reg_a +
             "{\"entry\":\"a\",\"event\":{\"type\":\"commended\",\"date\":\"2021-01-01\"}}\n"),
      "line 2: entry \"a\": event 2 (commended on 2021-01-01) is dated before event 1 "
      "(registered on 2021-03-01)");
  EXPECT_EQ(replay(reg_a + reg_a), "line 2: entry \"a\": duplicate id");
  EXPECT_EQ(
      replay("{\"entry\":\"a\",\"event\":{\"type\":\"registered\",\"date\":\"2021-01-01\"}}\n"),
      "line 1: /details: a registration needs \"details\"");
  EXPECT_EQ(
      replay(reg_a + "{\"entry\":\"a\",\"event\":{\"type\":\"oops\",\"date\":\"2021-01-01\"}}\n"),
      "line 2: /event/type: unknown event type \"oops\"; expected one of registered, recognised, "
      "commended, awarded, replicated, reevaluated, revoked, promoted");
  EXPECT_EQ(replay("{\"entry\":\"zz\",\"event\":{\"type\":\"commended\",\"date\":\"2021-01-01\"},"
                   "\"extra\":1}\n"),
            "line 1: /extra: unknown key \"extra\"");
  EXPECT_EQ(
      replay("{\"entry\":\"zz\",\"event\":{\"type\":\"commended\",\"date\":\"2021-01-01\"}}\n"),
      "line 1: unknown entry \"zz\"");
  EXPECT_EQ(replay("[1]\n{}\n"), "line 1: (line): expected an object, got an array");
}
