// Tests of version 2 of the exemplar registry (issue 11): partial dates with their ordering and
// counting rules, re-registration, recognition validity, promotion, grades, commendation forms
// and status, unknown facts, owner and place units, replication targets, unit search, and the
// version 2 JSON (with the upgrade of version 1 files), each with exact messages.
#include "danvan/json/registry.hpp"
#include "danvan/registry.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

using namespace danvan;

namespace {

const std::filesystem::path root = DANVAN_SOURCE_DIR;

PartialDate p(const char* iso) { return parse_partial_date(iso); }
Date d(const char* iso) { return parse_date(iso); }

Event ev(EventType type, const char* date) {
  Event e;
  e.type = type;
  e.date = p(date);
  return e;
}
Event recognised(const char* date, std::optional<Level> level = Level::commune) {
  Event e = ev(EventType::recognised, date);
  e.level = level;
  return e;
}

Entry entry(std::string id, std::string unit, std::vector<Event> events,
            std::vector<std::string> fields = {"kinh-te"}) {
  Entry e;
  e.id = std::move(id);
  e.name = "Mô hình " + e.id;
  e.unit_id = std::move(unit);
  e.field_ids = std::move(fields);
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

Unit unit(std::string id, std::string name, UnitKind kind, Level level,
          std::optional<std::string> parent, std::optional<Date> valid_to) {
  Unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  u.kind = kind;
  u.level = level;
  u.parent_id = std::move(parent);
  u.valid_to = valid_to;
  return u;
}

UnitHierarchy units() {
  const Date end(2025, 6, 30);
  return UnitHierarchy({
      unit("tinh", "Tỉnh Bắc Kạn", UnitKind::peoples_committee, Level::province, {}, {}),
      unit("tp", "Thành phố Bắc Kạn", UnitKind::peoples_committee, Level::district, "tinh", end),
      unit("tho-xuong", "Phường Thọ Xương", UnitKind::peoples_committee, Level::commune, "tp", end),
      unit("mttq", "Ủy ban MTTQ Việt Nam tỉnh", UnitKind::fatherland_front, Level::province, "tinh",
           {}),
      unit("kim-son", "Huyện Kim Sơn", UnitKind::peoples_committee, Level::district, "tinh", end),
  });
}

StatsTable table(const Registry& r, int year, std::optional<std::string> unit = std::nullopt,
                 std::vector<StatsDimension> by = {StatsDimension::kind},
                 std::optional<Date> as_of = std::nullopt) {
  StatsQuery q;
  q.year = year;
  q.unit_id = std::move(unit);
  q.by = std::move(by);
  q.as_of = as_of;
  return r.stats(q);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Partial dates

TEST(RegistryV2Dates, OrderingRuleForMixedPrecision) {
  // "2022" after "2022-03-01": possible (it may be later in 2022), so accepted.
  EXPECT_NO_THROW(check_events(
      entry("a", "tp", {ev(EventType::registered, "2022-03-01"), recognised("2022")})));
  // "2022-03-01" after "2022": possible too (the registration may be in January or February).
  EXPECT_NO_THROW(check_events(
      entry("a", "tp", {ev(EventType::registered, "2022"), recognised("2022-03-01")})));
  // "2021" after "2022-03-01": certainly earlier.
  EXPECT_EQ(message_of([] {
              check_events(
                  entry("a", "tp", {ev(EventType::registered, "2022-03-01"), recognised("2021")}));
            }),
            "entry \"a\": event 2 (recognised on 2021) is dated before event 1 (registered on "
            "2022-03-01)");
  // "2022-02" after "2022-03-01", and a day before a month that started later.
  EXPECT_EQ(message_of([] {
              check_events(entry("a", "tp",
                                 {ev(EventType::registered, "2022-03-01"), recognised("2022-02")}));
            }),
            "entry \"a\": event 2 (recognised on 2022-02) is dated before event 1 (registered on "
            "2022-03-01)");
  // The latest start of all earlier events counts, not only the previous event's.
  EXPECT_EQ(message_of([] {
              check_events(entry("a", "tp",
                                 {ev(EventType::registered, "2022-05-10"), recognised("2022"),
                                  ev(EventType::commended, "2022-04")}));
            }),
            "entry \"a\": event 3 (commended on 2022-04) is dated before event 1 (registered on "
            "2022-05-10)");
}

TEST(RegistryV2Dates, YearOnlyEventCountsWhereItCertainlyFalls) {
  Registry r(units());
  r.add(entry("a", "tp", {ev(EventType::registered, "2022-01-10"), recognised("2022")}));
  const Entry e = r.entry(0);
  EXPECT_EQ(e.events[1].date->iso(), "2022");
  // Mid-year, the recognition "2022" has not certainly happened yet.
  EXPECT_EQ(e.state_on(d("2022-06-30")), EntryState::registered);
  EXPECT_EQ(r.state_on(0, d("2022-06-30")), EntryState::registered);
  EXPECT_EQ(e.state_on(d("2022-12-31")), EntryState::recognised);
  EXPECT_EQ(table(r, 2022).total.recognised, 1);
  EXPECT_EQ(table(r, 2022, {}, {StatsDimension::kind}, d("2022-06-30")).total.recognised, 0);
  EXPECT_EQ(table(r, 2022, {}, {StatsDimension::kind}, d("2022-06-30")).total.registered, 1);
  // The recognition "năm 2022" signed in January 2023 is counted in 2022, not 2023.
  EXPECT_EQ(table(r, 2023).total.recognised, 0);
}

TEST(RegistryV2Dates, AnEventIsCertainByALaterListedOne) {
  Registry r(units());
  r.add(entry("a", "tp", {ev(EventType::registered, "2022"), recognised("2022-05-10")}));
  EXPECT_EQ(r.state_on(0, d("2022-05-09")), EntryState::not_registered);
  EXPECT_EQ(r.state_on(0, d("2022-05-10")), EntryState::recognised);
  EXPECT_EQ(r.entry(0).state_on(d("2022-05-10")), EntryState::recognised);
  EXPECT_EQ(table(r, 2022, {}, {StatsDimension::kind}, d("2022-05-10")).total.registered, 1);
  // Written back at the source's precision.
  EXPECT_EQ(r.entry(0).events[0].date->iso(), "2022");
}

// ---------------------------------------------------------------------------------------------
// Cycles, validity, promotion

TEST(RegistryV2Cycle, ReRegistrationOncePerYear) {
  Registry r(units());
  r.add(entry("a", "tp",
              {ev(EventType::registered, "2022-02-01"), recognised("2022-05-01"),
               ev(EventType::registered, "2023-02")}));
  EXPECT_EQ(table(r, 2023).total.registered, 1);
  EXPECT_EQ(table(r, 2023).total.recognised, 0);
  EXPECT_EQ(r.state_on(0, d("2023-03-01")), EntryState::recognised);
  EXPECT_EQ(message_of([&] { r.add_event("a", ev(EventType::registered, "2023-06")); }),
            "entry \"a\": event 4 (registered on 2023-06) registers the entry again in 2023 "
            "(event 3 did)");
}

TEST(RegistryV2Cycle, RecognitionValidityAndInForce) {
  Registry r(units());
  r.add(entry("a", "tp", {ev(EventType::registered, "2020-02-01"), recognised("2020-05")}));
  Event renewed = ev(EventType::reevaluated, "2021-12-20");
  renewed.year = 2021;
  renewed.effective = true;
  r.add(
      entry("b", "tp", {ev(EventType::registered, "2020-02-01"), recognised("2020-05"), renewed}));
  EXPECT_EQ(r.state_on(0, d("2023-01-01")), EntryState::recognised);  // never lapses
  r.set_recognition_years(2);
  EXPECT_EQ(r.recognition_years(), 2);
  EXPECT_EQ(r.state_on(0, d("2021-12-31")), EntryState::recognised);
  EXPECT_EQ(r.state_on(0, d("2022-01-01")), EntryState::lapsed);
  EXPECT_EQ(r.entry(0).state_on(d("2022-01-01"), 2), EntryState::lapsed);
  EXPECT_EQ(r.state_on(1, d("2022-12-31")), EntryState::effective);  // renewed for 2021
  EXPECT_EQ(r.state_on(1, d("2023-01-01")), EntryState::lapsed);
  // One definition behind list --state in_force and the "Còn hiệu quả" column.
  for (const char* day : {"2021-06-30", "2022-06-30", "2023-06-30"}) {
    Filter f;
    f.as_of = d(day);
    f.in_force = true;
    const int year = d(day).year();
    EXPECT_EQ(static_cast<long long>(r.select(f).size()),
              table(r, year, {}, {StatsDimension::kind}, d(day)).total.effective)
        << day;
  }
  Filter lapsed;
  lapsed.as_of = d("2022-06-30");
  lapsed.state = EntryState::lapsed;
  EXPECT_EQ(r.select(lapsed), (std::vector<std::size_t>{0}));
  EXPECT_EQ(message_of([&] { r.set_recognition_years(0); }),
            "recognition_years must be 1..100, got 0");
  EXPECT_EQ(vietnamese_name(EntryState::lapsed), "hết thời hạn công nhận");
}

TEST(RegistryV2Cycle, InForceFilterMatchesTheColumnOnTheSample) {
  // The bug of issue 11: list --state effective gave 0 while the column showed 202.
  const Registry r = load_registry(root / "data/registry/sample-registry.json");
  for (const int year : {2021, 2023, 2026}) {
    Filter f;
    f.as_of = Date(static_cast<unsigned short>(year), 12, 31);
    f.in_force = true;
    const auto column = table(r, year).total.effective;
    EXPECT_GT(column, 0);
    EXPECT_EQ(static_cast<long long>(r.select(f).size()), column) << year;
  }
}

TEST(RegistryV2Cycle, Promotion) {
  Registry r(units());
  Event up = ev(EventType::promoted, "2023");
  up.kind = EntryKind::exemplar;
  r.add(entry("a", "tp", {ev(EventType::registered, "2022-02-01"), recognised("2022-05-01"), up}));
  EXPECT_EQ(r.entry(0).kind_on(d("2023-06-30")), EntryKind::model);
  EXPECT_EQ(r.entry(0).kind_on(d("2023-12-31")), EntryKind::exemplar);
  const StatsTable t2023 = table(r, 2023);
  ASSERT_EQ(t2023.rows.size(), 2U);  // a model in 2022 (previous year), an exemplar in 2023
  EXPECT_EQ(t2023.rows[0].keys, std::vector<std::string>{"model"});
  EXPECT_EQ(t2023.rows[0].current, StatsCounts{});
  EXPECT_EQ(t2023.rows[1].keys, std::vector<std::string>{"exemplar"});
  EXPECT_EQ(t2023.rows[1].current.promoted, 1);
  EXPECT_EQ(t2023.total.promoted, 1);
  EXPECT_EQ(table(r, 2022).rows[0].keys, std::vector<std::string>{"model"});
  Filter f;
  f.kind = EntryKind::exemplar;
  f.as_of = d("2023-12-31");
  EXPECT_EQ(r.select(f).size(), 1U);
  Event same = ev(EventType::promoted, "2024");
  same.kind = EntryKind::exemplar;
  EXPECT_EQ(message_of([&] { r.add_event("a", same); }),
            "entry \"a\": event 4 (promoted on 2024) promotes to exemplar, the kind it already "
            "has");
  EXPECT_EQ(message_of([&] { r.add_event("a", ev(EventType::promoted, "2024")); }),
            "entry \"a\": event 4 (promoted on 2024) has no kind");
  Event kinded = recognised("2024");
  kinded.kind = EntryKind::model;
  EXPECT_EQ(message_of([&] { r.add_event("a", kinded); }),
            "entry \"a\": event 4 (recognised on 2024) must not have a kind");
}

// ---------------------------------------------------------------------------------------------
// Grades, forms, status

TEST(RegistryV2Terms, GradesAndFormsDeclaredLikeFields) {
  Registry r(units());
  EXPECT_EQ(r.grades().size(), 3U);
  EXPECT_EQ(r.grades()[0].name, "xuất sắc");
  EXPECT_EQ(r.forms()[3].id, "bang-khen");
  EXPECT_EQ(message_of([&] {
              r.declare_grade({"tot", "tốt"});
            }),
            "grade \"tot\" is already built in");
  EXPECT_EQ(message_of([&] {
              r.declare_form({"Bang Khen", "x"});
            }),
            "invalid form id \"Bang Khen\": ids are 1..100 characters of a-z, 0-9 and '-', not "
            "starting with '-'");
  EXPECT_EQ(message_of([&] {
              r.declare_grade({"gioi", " "});
            }),
            "grade \"gioi\": the name is empty");
  r.declare_grade({"gioi", "giỏi"});
  r.declare_form({"thu-khen", "Thư khen"});
  EXPECT_EQ(r.declared_grades(), (std::vector<Grade>{{"gioi", "giỏi"}}));
  Event graded = recognised("2022");
  graded.grade = "gioi";
  Event praised = ev(EventType::awarded, "2023");
  praised.form = "thu-khen";
  praised.level = Level::province;
  praised.by = "tinh";
  r.add(entry("a", "tp", {ev(EventType::registered, "2022-02-01"), graded, praised}));
  EXPECT_EQ(r.entry(0).events[1].grade, "gioi");
  EXPECT_EQ(r.entry(0).events[2].form, "thu-khen");
  EXPECT_EQ(message_of([&] {
              r.declare_grade({"kem", "kém"});
            }),
            "grades must be declared before entries are added");
  Event bad_grade = recognised("2024");
  bad_grade.grade = "hang-a";
  EXPECT_EQ(message_of([&] { r.add_event("a", bad_grade); }),
            "entry \"a\": event 4 (recognised on 2024) has the unknown grade \"hang-a\"");
  Event bad_form = ev(EventType::commended, "2024");
  bad_form.form = "ky-niem-chuong";
  EXPECT_EQ(message_of([&] { r.add_event("a", bad_form); }),
            "entry \"a\": event 4 (commended on 2024) has the unknown form \"ky-niem-chuong\"");
  Event grade_on_award = ev(EventType::awarded, "2024");
  grade_on_award.grade = "tot";
  EXPECT_EQ(message_of([&] { r.add_event("a", grade_on_award); }),
            "entry \"a\": event 4 (awarded on 2024) must not have a grade");
  Event form_on_recognition = recognised("2024");
  form_on_recognition.form = "bang-khen";
  EXPECT_EQ(message_of([&] { r.add_event("a", form_on_recognition); }),
            "entry \"a\": event 4 (recognised on 2024) must not have a form");
  Event status_on_registration = ev(EventType::registered, "2024");
  status_on_registration.status = CommendationStatus::proposed;
  EXPECT_EQ(message_of([&] { r.add_event("a", status_on_registration); }),
            "entry \"a\": event 4 (registered on 2024) must not have a status");
  Event by_on_registration = ev(EventType::registered, "2024");
  by_on_registration.by = "tinh";
  EXPECT_EQ(message_of([&] { r.add_event("a", by_on_registration); }),
            "entry \"a\": event 4 (registered on 2024) must not have \"by\"");
}

TEST(RegistryV2Terms, CommendationsWithoutRecognitionAndProposals) {
  Registry r(units());
  // Chợ Đồn: proposed for an award; participants never recognised as models.
  Event proposed = ev(EventType::awarded, "2022-11");
  proposed.status = CommendationStatus::proposed;
  proposed.form = "bang-khen";
  r.add(entry("a", "tp", {ev(EventType::registered, "2022"), proposed}));
  Event given = ev(EventType::commended, "2022-12-01");
  given.form = "bieu-duong";
  r.add(entry("b", "tp", {ev(EventType::registered, "2022-03"), given}));
  const StatsTable t = table(r, 2022);
  EXPECT_EQ(t.total.commended, 1);
  EXPECT_EQ(t.total.proposed, 1);
  EXPECT_EQ(t.total.recognised, 0);
  // Revocation and replication still need a recognition.
  EXPECT_EQ(message_of([&] { r.add_event("b", ev(EventType::revoked, "2023")); }),
            "entry \"b\": event 3 (revoked on 2023) comes before recognition");
  EXPECT_EQ(parse_commendation_status("proposed"), CommendationStatus::proposed);
  EXPECT_EQ(message_of([] { parse_commendation_status("pending"); }),
            "unknown status \"pending\"; expected one of decided, proposed");
  // The text table shows the proposal column only when it has a count.
  EXPECT_NE(render_stats_text(t).find("Đề nghị khen thưởng"), std::string::npos);
  EXPECT_EQ(render_stats_text(table(r, 2020)).find("Đề nghị khen thưởng"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Unknown facts, owner and places

TEST(RegistryV2Unknown, UnknownFieldLevelAndPersonAreCountedUnderKhongRo) {
  Registry r(units());
  Entry a = entry("a", "tp", {ev(EventType::registered, "2022"), recognised("2022", {})}, {});
  a.subject = Subject::individual;  // "15 cá nhân" with no names
  r.add(a);
  r.add(entry("b", "tp", {ev(EventType::registered, "2022"), recognised("2022")}));
  EXPECT_FALSE(r.entry(0).person_name);
  EXPECT_FALSE(r.entry(0).level_on(d("2022-12-31")));
  const StatsTable t = table(r, 2022, {}, {StatsDimension::field, StatsDimension::level});
  ASSERT_EQ(t.rows.size(), 2U);
  EXPECT_EQ(t.rows[0].keys, (std::vector<std::string>{"kinh-te", "commune"}));
  EXPECT_EQ(t.rows[1].keys, (std::vector<std::string>{"unknown", "unknown"}));
  EXPECT_EQ(t.rows[1].labels, (std::vector<std::string>{"không rõ", "không rõ"}));
  EXPECT_EQ(t.total.recognised, 2);
  Filter f;
  f.level = Level::commune;
  EXPECT_EQ(r.select(f), (std::vector<std::size_t>{1}));
  Entry named = entry("c", "tp", {ev(EventType::registered, "2022")});
  named.person_name = "Nguyễn Văn A";
  EXPECT_EQ(message_of([&] { r.add(named); }), "entry \"c\": a collective has no person name");
}

TEST(RegistryV2Units, OwnerPlacesReplicationTargetsAndSearch) {
  Registry r(units());
  // Ninh Bình: a model of the provincial Women's Union sits in a village of Kim Sơn.
  Entry a = entry("a", "mttq", {ev(EventType::registered, "2021"), recognised("2021")});
  a.name = "Chi hội phụ nữ tự quản";
  a.place_unit_ids = {"kim-son"};
  Event rep = ev(EventType::replicated, "2022-05");
  rep.unit_ids = {"tho-xuong"};
  a.events.push_back(rep);
  r.add(a);
  Filter f;
  f.unit_id = "kim-son";
  EXPECT_EQ(r.select(f), (std::vector<std::size_t>{0}));  // listed under its place
  // Stats count entries for their owner; a replication also counts for its target's units.
  EXPECT_EQ(table(r, 2021, "kim-son").total, StatsCounts{});
  const StatsTable target = table(r, 2022, "tp");
  EXPECT_EQ(target.total.replicated, 1);
  EXPECT_EQ(target.total.registered + target.total.recognised + target.total.effective, 0);
  EXPECT_EQ(table(r, 2022, "mttq").total.replicated, 1);
  EXPECT_EQ(table(r, 2022, "tinh").total.replicated, 1);  // counted once under the province
  // Unit names are searchable, folded.
  EXPECT_EQ(r.search_units("tho xuong"), std::vector<std::string>{"tho-xuong"});
  EXPECT_EQ(r.search_units("MTTQ"), std::vector<std::string>{"mttq"});
  EXPECT_EQ(r.search("kim son"), (std::vector<std::size_t>{0}));  // by its place's name
  Entry owner_place = entry("b", "tp", {ev(EventType::registered, "2022")});
  owner_place.place_unit_ids = {"tp"};
  EXPECT_EQ(message_of([&] { r.add(owner_place); }), "entry \"b\": place unit \"tp\" is the owner");
  owner_place.place_unit_ids = {"kim-son", "kim-son"};
  EXPECT_EQ(message_of([&] { r.add(owner_place); }),
            "entry \"b\": place unit \"kim-son\" is listed twice");
  owner_place.place_unit_ids = {"ha-noi"};
  EXPECT_EQ(message_of([&] { r.add(owner_place); }), "entry \"b\": unknown place unit \"ha-noi\"");
}

// ---------------------------------------------------------------------------------------------
// JSON version 2

namespace {

std::string problems_of(const std::string& text) {
  try {
    (void)registry_from_json(parse_json(text));
  } catch (const JsonDocumentError& e) {
    std::string out;
    for (const auto& p : e.problems()) out += p.pointer + ": " + p.reason + "\n";
    return out;
  }
  return "no problem";
}

const char* units_json =
    R"([{"id": "tp", "name": "Thành phố Bắc Kạn", "kind": "peoples_committee",
         "level": "district", "parent": null, "valid_from": null, "valid_to": "2025-06-30",
         "predecessors": [], "successors": []}])";

std::string doc(int version, const std::string& entries, const std::string& extra = "") {
  return R"({"schema": "danvan/registry", "version": )" + std::to_string(version) +
         R"(, "note": null, "fields": [], )" + extra + R"("units": )" + units_json +
         R"(, "entries": [)" + entries + "]}";
}

}  // namespace

TEST(RegistryV2Json, RoundTripBothReadersAndCanonicalText) {
  Registry r(units());
  r.set_recognition_years(3);
  r.declare_grade({"gioi", "giỏi"});
  r.declare_form({"thu-khen", "Thư khen"});
  Entry a = entry("a", "mttq", {ev(EventType::registered, "2021"), recognised("2021-10", {})}, {});
  a.place_unit_ids = {"kim-son"};
  a.events[1].grade = "gioi";
  Event award = ev(EventType::awarded, "2022-01-05");
  award.status = CommendationStatus::proposed;
  award.form = "thu-khen";
  Event up = ev(EventType::promoted, "2023");
  up.kind = EntryKind::exemplar;
  a.events.push_back(award);
  a.events.push_back(up);
  r.add(a);
  const std::string text = registry_to_text(r);
  EXPECT_NE(text.find("\"version\": 3"), std::string::npos);
  EXPECT_NE(text.find("\"date\": \"2021-10\""), std::string::npos);
  const Registry fast = read_registry(text);
  const Registry dom = registry_from_json(parse_json(text));
  // Read by the streaming reader itself, not by read_registry's fallback to the DOM reader.
  const auto streamed = detail::read_registry_streaming(text);
  ASSERT_TRUE(streamed.has_value());
  EXPECT_TRUE(*streamed == r);
  const auto scanned = detail::read_registry_scanner(text);
  ASSERT_TRUE(scanned.has_value());
  EXPECT_TRUE(*scanned == r);
  EXPECT_TRUE(fast == r);
  EXPECT_TRUE(dom == r);
  EXPECT_EQ(registry_to_text(fast), text);
}

TEST(RegistryV2Json, Version1IsUpgradedOnRead) {
  const std::string v1 = doc(1, R"({"id": "a", "kind": "model", "subject": "collective",
      "name": "Mô hình", "unit": "tp", "fields": ["kinh-te"], "description": "", "person": null,
      "events": [{"type": "registered", "date": "2020-03-01"},
                 {"type": "recognised", "date": "2020-06-01", "level": "district", "by": null,
                  "decision": null}]})");
  const Registry r = read_registry(v1);
  ASSERT_EQ(r.size(), 1U);
  EXPECT_EQ(r.entry(0).events[1].level, Level::district);
  const std::string text = registry_to_text(r);
  EXPECT_NE(text.find("\"version\": 3"), std::string::npos);
  EXPECT_TRUE(read_registry(text) == r);
  EXPECT_EQ(problems_of(doc(1, R"({"id": "a", "kind": "model", "subject": "collective",
      "name": "M", "unit": "tp", "places": [], "fields": ["kinh-te"], "description": "",
      "person": null, "events": [{"type": "registered", "date": "2020"},
      {"type": "recognised", "date": "2020-06-01", "by": null, "decision": null},
      {"type": "promoted", "date": "2021-01-01", "kind": "exemplar"}]})")),
            "/entries/0/events/0/date: expected a whole day \"YYYY-MM-DD\", got \"2020\"\n"
            "/entries/0/events/1: missing required key \"level\"\n"
            "/entries/0/events/2/type: \"promoted\" is not in version 1 of danvan/registry\n"
            "/entries/0/places: unknown key \"places\"\n");
  EXPECT_EQ(problems_of(doc(4, "")),
            "/version: unsupported version 4 of danvan/registry; this library reads versions 1 "
            "to 3\n");
}

TEST(RegistryV2Json, Version2BadInputExactMessages) {
  const auto one = [](const std::string& event) {
    return problems_of(doc(2, R"({"id": "a", "kind": "model", "subject": "collective",
        "name": "M", "unit": "tp", "places": [], "fields": [], "description": "",
        "person": null, "events": [{"type": "registered", "date": "2022"}, )" +
                                  event + "]}"));
  };
  EXPECT_EQ(one(R"({"type": "recognised", "date": "2022-13"})"),
            "/entries/0/events/1/date: invalid date \"2022-13\": month 13 is out of range "
            "1..12\n");
  EXPECT_EQ(one(R"({"type": "recognised", "date": "22"})"),
            "/entries/0/events/1/date: expected an ISO date \"YYYY\", \"YYYY-MM\" or "
            "\"YYYY-MM-DD\", got \"22\"\n");
  EXPECT_EQ(one(R"({"type": "recognised", "date": "2022", "grade": "Tot"})"),
            "/entries/0/events/1/grade: invalid id \"Tot\": ids are 1..100 characters of a-z, "
            "0-9 and '-', not starting with '-'\n");
  EXPECT_EQ(one(R"({"type": "recognised", "date": "2022", "grade": "gioi"})"),
            "/entries/0/events/1/grade: event 2 (recognised on 2022) has the unknown grade "
            "\"gioi\"\n");
  EXPECT_EQ(one(R"({"type": "commended", "date": "2022", "status": "pending"})"),
            "/entries/0/events/1/status: unknown status \"pending\"; expected one of decided, "
            "proposed\n");
  EXPECT_EQ(one(R"({"type": "commended", "date": "2022", "grade": "tot"})"),
            "/entries/0/events/1/grade: unknown key \"grade\"\n");
  EXPECT_EQ(one(R"({"type": "promoted", "date": "2022"})"),
            "/entries/0/events/1: missing required key \"kind\"\n");
  EXPECT_EQ(one(R"({"type": "promoted", "date": "2022", "kind": "model"})"),
            "/entries/0/events/1: event 2 (promoted on 2022) promotes to model, the kind it "
            "already has\n");
  EXPECT_EQ(one(R"({"type": "recognised", "date": "2021"})"),
            "/entries/0/events/1: event 2 (recognised on 2021) is dated before event 1 "
            "(registered on 2022)\n");
  EXPECT_EQ(problems_of(doc(2, "", R"("recognition_years": 0, )")),
            "/recognition_years: 0 is out of range 1..100\n");
  EXPECT_EQ(problems_of(doc(2, "", R"("grades": [{"id": "tot", "name": "tốt"}], )")),
            "/grades/0/id: grade \"tot\" is already built in\n");
}

TEST(RegistryV2Json, JournalCarriesReRegistrations) {
  Registry r(units());
  const Entry a = entry("a", "tp", {ev(EventType::registered, "2022")});
  std::string journal = journal_registration_line(a);
  journal += journal_event_line("a", recognised("2022-10"));
  journal += journal_event_line("a", ev(EventType::registered, "2023"));
  const ReplayResult result = replay_journal(journal, r);
  EXPECT_EQ(result.applied, 3U);
  ASSERT_EQ(r.entry(0).events.size(), 3U);
  EXPECT_EQ(r.entry(0).events[2].date->iso(), "2023");
  Registry fresh(units());
  EXPECT_EQ(message_of([&] {
              (void)replay_journal(journal_event_line("b", ev(EventType::registered, "2023")),
                                   fresh);
            }),
            "line 1: /details: a registration needs \"details\"");
}

// ---------------------------------------------------------------------------------------------
// Periods

TEST(RegistryV2Periods, ParseDescribeAndPrevious) {
  EXPECT_EQ(parse_date_range("2022"), (DateRange{d("2022-01-01"), d("2022-12-31")}));
  EXPECT_EQ(parse_date_range("2021-2025"), (DateRange{d("2021-01-01"), d("2025-12-31")}));
  EXPECT_EQ(parse_date_range("2022-03-01..2022-09-30"),
            (DateRange{d("2022-03-01"), d("2022-09-30")}));
  EXPECT_EQ(to_string(parse_date_range("2021-2025")), "2021-2025");
  EXPECT_EQ(to_string(previous_range(parse_date_range("2021-2025"))), "2016-2020");
  EXPECT_EQ(to_string(previous_range(parse_date_range("2022-03-01..2022-03-31"))),
            "2022-01-29..2022-02-28");
  EXPECT_EQ(message_of([] { (void)parse_date_range("2025-2021"); }),
            "period \"2025-2021\": ends before it starts");
  EXPECT_EQ(message_of([] { (void)parse_date_range("2021-25"); }),
            "period \"2021-25\": expected a year 1401..9999, a phase YEAR-YEAR (2021-2025) or "
            "DAY..DAY");
  EXPECT_EQ(message_of([] { (void)parse_date_range("2022-03-01..2022"); }).substr(0, 71),
            "period \"2022-03-01..2022\": expected DAY..DAY (2022-03-01..2022-09-30): ");
}

TEST(RegistryV2Periods, PhaseStatsCountOnceAndCompareWithThePhaseBefore) {
  Registry r(units());
  // Registered every year 2021-2023 (the annual cycle): once in the phase.
  r.add(entry("a", "tp",
              {ev(EventType::registered, "2021-02"), recognised("2021"),
               ev(EventType::registered, "2022"), ev(EventType::registered, "2023-03-01")}));
  r.add(entry("b", "tp", {ev(EventType::registered, "2019-05-01"), recognised("2020-06")}));
  StatsQuery q;
  q.period = parse_date_range("2021-2025");
  q.by = {StatsDimension::kind};
  const StatsTable t = r.stats(q);
  EXPECT_EQ(t.total.registered, 1);
  EXPECT_EQ(t.total.recognised, 1);
  EXPECT_EQ(t.previous_total.registered, 1);  // 2016-2020: b
  EXPECT_EQ(t.previous_total.recognised, 1);
  EXPECT_EQ(to_string(*t.previous_period), "2016-2020");
  EXPECT_EQ(t.as_of, d("2025-12-31"));
  EXPECT_NE(render_stats_text(t).find("giai đoạn 2021–2025"), std::string::npos);
  // A month event is not certainly in a range that starts inside its month.
  q.period = parse_date_range("2021-02-15..2021-12-31");
  EXPECT_EQ(r.stats(q).total.registered, 0);
  q.period = parse_date_range("2021-02-01..2021-12-31");
  EXPECT_EQ(r.stats(q).total.registered, 1);
  // A single-year period gives the table of the year.
  q.period = parse_date_range("2022");
  StatsQuery y;
  y.year = 2022;
  y.by = q.by;
  EXPECT_EQ(r.stats(q).rows, r.stats(y).rows);
  EXPECT_EQ(r.stats(q).total, r.stats(y).total);
}

TEST(RegistryV2Periods, ListByTheDateOfAnyEventType) {
  Registry r(units());
  Event praised = ev(EventType::commended, "2019-11");
  Event proposed = ev(EventType::awarded, "2019");
  proposed.status = CommendationStatus::proposed;
  r.add(entry("a", "tp", {ev(EventType::registered, "2018"), recognised("2018-10"), praised}));
  r.add(entry("b", "tp", {ev(EventType::registered, "2018"), proposed}));
  Filter f;
  f.commended_in = parse_date_range("2019");
  EXPECT_EQ(r.select(f), std::vector<std::size_t>{0});  // a proposal is not a commendation
  f.commended_in.reset();
  f.recognised_in = parse_date_range("2016-2020");
  EXPECT_EQ(r.select(f), std::vector<std::size_t>{0});
  f.recognised_in.reset();
  f.registered_in = parse_date_range("2018-06-01..2018-12-31");
  EXPECT_EQ(r.select(f), std::vector<std::size_t>{});  // "2018" may be before June
}
