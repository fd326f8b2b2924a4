// Reported figures (issue 11, "reported totals"): counts a source states for a unit and a
// period, kept apart from the entries, compared with the counts derived from them and shown
// beside the statistics, never added to them; their JSON (read by both readers) and the exact
// messages for bad figures.
#include "danvan/json/registry.hpp"
#include "danvan/registry.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

using namespace danvan;

namespace {

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no exception";
}

Unit unit(std::string id, std::string name, Level level, std::optional<std::string> parent) {
  Unit u;
  if (parent) u.valid_to = parse_date("2025-06-30");  // districts ended on 30/06/2025
  u.id = std::move(id);
  u.name = std::move(name);
  u.kind = UnitKind::peoples_committee;
  u.level = level;
  u.parent_id = std::move(parent);
  return u;
}

Entry recognised_entry(std::string id, std::string unit_id, const char* day, Subject subject) {
  Entry e;
  e.id = std::move(id);
  e.name = "Mô hình " + e.id;
  e.unit_id = std::move(unit_id);
  e.subject = subject;
  e.field_ids = {"kinh-te"};
  Event reg;
  reg.type = EventType::registered;
  reg.date = parse_partial_date("2023-01-10");
  Event rec;
  rec.type = EventType::recognised;
  rec.date = parse_partial_date(day);
  rec.level = Level::district;
  e.events = {reg, rec};
  return e;
}

ReportedFigure figure(std::string unit_id, const char* period, FigureCategory category,
                      long long value, FigureQualifier qualifier = FigureQualifier::exact) {
  ReportedFigure f;
  f.unit_id = std::move(unit_id);
  f.period = parse_date_range(period);
  f.category = category;
  f.value = value;
  f.qualifier = qualifier;
  f.source = "Báo Bắc Kạn, 2023";
  return f;
}

/// Province > city > ward; two collective models and one individual recognised in 2023 in the
/// city, none in the ward; figures for all three units.
Registry registry() {
  Registry r(UnitHierarchy({unit("tinh", "Tỉnh Bắc Kạn", Level::province, {}),
                            unit("tp", "Thành phố Bắc Kạn", Level::district, "tinh"),
                            unit("phuong", "Phường Sông Cầu", Level::commune, "tp")}));
  r.add(recognised_entry("a", "tp", "2023-05-01", Subject::collective));
  r.add(recognised_entry("b", "tp", "2023", Subject::collective));
  r.add(recognised_entry("c", "phuong", "2023-11", Subject::individual));
  r.add_figure(figure("tinh", "2023", FigureCategory::recognised, 800, FigureQualifier::at_least));
  ReportedFigure city = figure("tp", "2023", FigureCategory::recognised, 3);
  city.quote = "Năm 2023, thành phố công nhận 3 mô hình";
  r.add_figure(city);
  ReportedFigure individuals = figure("tp", "2023", FigureCategory::recognised, 1);
  individuals.subject = Subject::individual;
  r.add_figure(individuals);
  r.add_figure(figure("phuong", "2021-2025", FigureCategory::registered, 4));
  return r;
}

StatsTable stats(const Registry& r, std::optional<std::string> unit_id,
                 std::optional<DateRange> period = std::nullopt) {
  StatsQuery q;
  q.year = 2023;
  q.period = period;
  q.unit_id = std::move(unit_id);
  q.by = {StatsDimension::subject};
  return r.stats(q);
}

}  // namespace

TEST(RegistryFigures, CompareFigureBounds) {
  EXPECT_EQ(compare_figure(279, FigureQualifier::exact, 279), FigureAgreement::agrees);
  EXPECT_EQ(compare_figure(279, FigureQualifier::exact, 278), FigureAgreement::below);
  EXPECT_EQ(compare_figure(279, FigureQualifier::exact, 280), FigureAgreement::above);
  // "hơn 800": 800 or more.
  EXPECT_EQ(compare_figure(800, FigureQualifier::at_least, 800), FigureAgreement::agrees);
  EXPECT_EQ(compare_figure(800, FigureQualifier::at_least, 100000), FigureAgreement::agrees);
  EXPECT_EQ(compare_figure(800, FigureQualifier::at_least, 799), FigureAgreement::below);
  // "khoảng 1.000": 900..1100; "khoảng 5": 4..6 (10% rounded outwards).
  EXPECT_EQ(compare_figure(1000, FigureQualifier::about, 900), FigureAgreement::agrees);
  EXPECT_EQ(compare_figure(1000, FigureQualifier::about, 899), FigureAgreement::below);
  EXPECT_EQ(compare_figure(1000, FigureQualifier::about, 1101), FigureAgreement::above);
  EXPECT_EQ(compare_figure(5, FigureQualifier::about, 4), FigureAgreement::agrees);
  EXPECT_EQ(compare_figure(5, FigureQualifier::about, 3), FigureAgreement::below);
  EXPECT_EQ(compare_figure(10, FigureQualifier::at_most, 0), FigureAgreement::agrees);
  EXPECT_EQ(compare_figure(10, FigureQualifier::at_most, 11), FigureAgreement::above);
}

TEST(RegistryFigures, ShownBesideTheStatisticsNeverAddedToThem) {
  const Registry r = registry();
  const StatsTable all = stats(r, "tinh");
  EXPECT_EQ(all.total.recognised, 3);  // the entries only: not 3 + 800 + 3 + 1
  ASSERT_EQ(all.reported.size(), 3U);  // the phase figure of the ward is not within 2023
  EXPECT_EQ(all.reported[0].figure.unit_id, "tinh");
  EXPECT_EQ(all.reported[0].from_entries, 3);  // the province's subtree
  EXPECT_EQ(all.reported[0].agreement, FigureAgreement::below);
  EXPECT_EQ(all.reported[1].from_entries, 3);  // the city's subtree holds the ward
  EXPECT_EQ(all.reported[1].agreement, FigureAgreement::agrees);
  EXPECT_EQ(all.reported[2].from_entries, 1);  // individuals only
  EXPECT_EQ(all.reported[2].agreement, FigureAgreement::agrees);
  // The ward's own statistics: the figures of the ward only.
  EXPECT_TRUE(stats(r, "phuong").reported.empty());
  const StatsTable phase = stats(r, "phuong", parse_date_range("2021-2025"));
  ASSERT_EQ(phase.reported.size(), 1U);
  EXPECT_EQ(phase.reported[0].from_entries, 1);  // "c", registered in 2023, sits in the ward
  EXPECT_EQ(phase.reported[0].agreement, FigureAgreement::below);
  EXPECT_EQ(phase.total.registered, 1);
  // A year without figures.
  StatsQuery q;
  q.year = 2022;
  EXPECT_TRUE(r.stats(q).reported.empty());
}

TEST(RegistryFigures, TextAndJsonOfTheStatistics) {
  const Registry r = registry();
  const StatsTable t = stats(r, "tp");
  const std::string text = render_stats_text(t);
  EXPECT_NE(text.find("Số liệu báo cáo (theo nguồn, không cộng vào bảng trên; trong sổ: đếm từ "
                      "các mục của sổ theo cùng đơn vị, kỳ và phân loại):\n"
                      "- tp, năm 2023: công nhận 3; trong sổ: 3 (khớp); nguồn: Báo Bắc Kạn, "
                      "2023\n"
                      "- tp, năm 2023: công nhận (cá nhân) 1; trong sổ: 1 (khớp); nguồn: Báo Bắc "
                      "Kạn, 2023\n"),
            std::string::npos)
      << text;
  const std::string province = render_stats_text(stats(r, "tinh"));
  EXPECT_NE(province.find("- tinh, năm 2023: công nhận hơn 800; trong sổ: 3 (ít hơn); nguồn: "),
            std::string::npos)
      << province;
  const Json j = to_json(t);
  ASSERT_EQ(j["reported"].size(), 2U);
  EXPECT_EQ(j["reported"][0]["figure"]["value"], 3);
  EXPECT_EQ(j["reported"][0]["figure"]["quote"], "Năm 2023, thành phố công nhận 3 mô hình");
  EXPECT_EQ(j["reported"][0]["from_entries"], 3);
  EXPECT_EQ(j["reported"][0]["agreement"], "agrees");
  EXPECT_EQ(j["reported"][1]["figure"]["subject"], "individual");
}

TEST(RegistryFigures, AddFigureExactMessages) {
  Registry r = registry();
  EXPECT_EQ(message_of([&] { r.add_figure(figure("xa", "2023", FigureCategory::registered, 1)); }),
            "figure 5: unknown unit \"xa\"");
  ReportedFigure f = figure("tp", "2023", FigureCategory::registered, 1);
  f.period = {parse_date("2023-12-31"), parse_date("2023-01-01")};
  EXPECT_EQ(message_of([&] { r.add_figure(f); }), "figure 5: the period ends before it starts");
  EXPECT_EQ(message_of([&] { r.add_figure(figure("tp", "2023", FigureCategory::registered, -1)); }),
            "figure 5: value -1 is out of range 0..1000000000");
  f = figure("tp", "2023", FigureCategory::registered, 1);
  f.field_id = "the-thao";
  EXPECT_EQ(message_of([&] { r.add_figure(f); }), "figure 5: unknown field \"the-thao\"");
  f.field_id.reset();
  f.subject = Subject::unknown;
  EXPECT_EQ(message_of([&] { r.add_figure(f); }),
            "figure 5: a breakdown by subject is collective or individual");
  f.subject.reset();
  f.source = "  ";
  EXPECT_EQ(message_of([&] { r.add_figure(f); }), "figure 5: the source is empty");
  EXPECT_EQ(r.figures().size(), 4U);  // nothing was added by the failed calls
}

TEST(RegistryFigures, JsonRoundTripBothReaders) {
  const Registry r = registry();
  const std::string text = registry_to_text(r);
  EXPECT_LT(text.find("\"entries\""), text.find("\"figures\""));
  EXPECT_NE(text.find(R"("period": "2021-2025")"), std::string::npos);
  EXPECT_NE(text.find(R"("qualifier": "at_least")"), std::string::npos);
  const auto streamed = detail::read_registry_streaming(text);
  ASSERT_TRUE(streamed.has_value());
  EXPECT_TRUE(*streamed == r);
  // Both fast readers (simdjson On-Demand when built with it, and the hand-written scanner)
  // read the figures after the entries.
  const auto scanned = detail::read_registry_scanner(text);
  ASSERT_TRUE(scanned.has_value());
  EXPECT_TRUE(*scanned == r);
  EXPECT_TRUE(registry_from_json(parse_json(text)) == r);
  EXPECT_EQ(registry_to_text(read_registry(text)), text);
  // Figures are part of the registry's value.
  Registry other = registry();
  other.add_figure(figure("tp", "2024", FigureCategory::effective, 2));
  EXPECT_FALSE(other == r);
  // Without figures there is no "figures" key (the files written before keep their text).
  Registry empty(r.units());
  EXPECT_EQ(registry_to_text(empty).find("figures"), std::string::npos);
}

namespace {
/// "pointer: reason" lines of the problems read_registry() reports for `text`.
std::string problems_in(const std::string& text) {
  try {
    (void)read_registry(text);
  } catch (const JsonDocumentError& e) {
    std::string out;
    for (const auto& p : e.problems()) out += p.pointer + ": " + p.reason + "\n";
    return out;
  }
  return "no problem";
}

std::string problems_of(const std::string& figures, int version = registry_json_version) {
  Registry r = registry();
  Json doc = to_json(r);
  doc["version"] = version;
  if (version == 1) {
    doc.erase("grades");
    doc.erase("forms");
    doc.erase("recognition_years");
    doc["entries"] = Json::array();
  }
  doc["figures"] = parse_json(figures);
  const std::string text = doc.dump();
  if (detail::read_registry_streaming(text)) return "read by the streaming reader";
  return problems_in(text);
}
}  // namespace

TEST(RegistryFigures, JsonBadInputExactMessages) {
  const std::string ok =
      R"({"unit": "tp", "period": "2023", "category": "registered", "field": null,
          "level": null, "subject": null, "kind": null, "value": 279, "qualifier": "exact",
          "source": "Cổng thông tin thành phố", "quote": null})";
  EXPECT_EQ(problems_of("[" + ok + "]"), "read by the streaming reader");
  const auto with = [&](const std::string& from, const std::string& to) {
    std::string s = ok;
    s.replace(s.find(from), from.size(), to);
    return "[" + s + "]";
  };
  EXPECT_EQ(problems_of(with(R"("period": "2023")", R"("period": "2025-2021")")),
            "/figures/0/period: period \"2025-2021\": ends before it starts\n");
  EXPECT_EQ(problems_of(with(R"("value": 279)", R"("value": -3)")),
            "/figures/0/value: -3 is out of range 0..1000000000\n");
  EXPECT_EQ(problems_of(with(R"("value": 279)", R"("value": "279")")),
            "/figures/0/value: expected an integer, got a string\n");
  EXPECT_EQ(problems_of(with(R"("qualifier": "exact")", R"("qualifier": "hon")")),
            "/figures/0/qualifier: unknown qualifier \"hon\"; expected one of exact, at_least, "
            "about, at_most\n");
  EXPECT_EQ(problems_of(with(R"("category": "registered")", R"("category": "models")")),
            "/figures/0/category: unknown figure category \"models\"; expected one of "
            "registered, recognised, effective, commended, replicated, proposed, promoted\n");
  EXPECT_EQ(problems_of(with(R"("unit": "tp")", R"("unit": "bac-kan")")),
            "/figures/0: figure 1: unknown unit \"bac-kan\"\n");
  EXPECT_EQ(problems_of(with(R"("source": "Cổng thông tin thành phố")", R"("source": " ")")),
            "/figures/0/source: must not be empty\n");
  EXPECT_EQ(problems_of(with(R"("quote": null)", R"("quote": null, "colour": "red")")),
            "/figures/0/colour: unknown key \"colour\"\n");
  EXPECT_EQ(problems_of(R"({"unit": "tp"})"), "/figures: expected an array, got an object\n");
  EXPECT_EQ(problems_of("[" + ok + "]", 1), "/figures: unknown key \"figures\"\n");
}

TEST(RegistryFigures, JsonMissingWrongTypedAndHostileFigures) {
  const std::string ok =
      R"({"unit": "tp", "period": "2023", "category": "registered", "field": null,
          "level": null, "subject": null, "kind": null, "value": 279, "qualifier": "exact",
          "source": "Cổng thông tin thành phố", "quote": null})";
  const auto with = [&](const std::string& from, const std::string& to) {
    std::string s = ok;
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  // Missing keys: each required one named at the figure.
  EXPECT_EQ(problems_of(R"([{"unit": "tp"}])"),
            "/figures/0: missing required key \"period\"\n"
            "/figures/0: missing required key \"category\"\n"
            "/figures/0: missing required key \"value\"\n"
            "/figures/0: missing required key \"qualifier\"\n"
            "/figures/0: missing required key \"source\"\n");
  // Not an object; several bad figures, each at its index.
  EXPECT_EQ(problems_of("[3, " + ok + ", null]"),
            "/figures/0: expected an object, got an integer\n"
            "/figures/2: expected an object, got null\n");
  EXPECT_EQ(problems_of("[" + ok + ", " + with(R"("value": 279)", R"("value": 2.5)") + "]"),
            "/figures/1/value: expected an integer, got a number with a fraction\n");
  // Out of range, also past 64 bits.
  EXPECT_EQ(problems_of("[" + with(R"("value": 279)", R"("value": 1000000001)") + "]"),
            "/figures/0/value: 1000000001 is out of range 0..1000000000\n");
  EXPECT_EQ(problems_of("[" + with(R"("value": 279)", R"("value": 18446744073709551615)") + "]"),
            "/figures/0/value: 18446744073709551615 is out of range 0..1000000000\n");
  // Breakdowns: wrong types, unknown members, an undeclared field, subject "unknown".
  EXPECT_EQ(problems_of("[" + with(R"("level": null)", R"("level": 3)") + "]"),
            "/figures/0/level: expected a string, got an integer\n");
  EXPECT_EQ(problems_of("[" + with(R"("kind": null)", R"("kind": "mo-hinh")") + "]"),
            "/figures/0/kind: unknown entry kind \"mo-hinh\"; expected one of model, exemplar\n");
  EXPECT_EQ(problems_of("[" + with(R"("field": null)", R"("field": "the-thao")") + "]"),
            "/figures/0: figure 1: unknown field \"the-thao\"\n");
  EXPECT_EQ(problems_of("[" + with(R"("field": null)", R"("field": "Kinh tế")") + "]"),
            "/figures/0/field: invalid id \"Kinh tế\": ids are 1..100 characters of a-z, 0-9 "
            "and '-', not starting with '-'\n");
  EXPECT_EQ(problems_of("[" + with(R"("subject": null)", R"("subject": "unknown")") + "]"),
            "/figures/0: figure 1: a breakdown by subject is collective or individual\n");
  // Periods: not a period, before 1402.
  EXPECT_EQ(problems_of("[" + with(R"("period": "2023")", R"("period": "năm 2023")") + "]"),
            "/figures/0/period: period \"năm 2023\": expected a year 1401..9999, a phase "
            "YEAR-YEAR (2021-2025) or DAY..DAY\n");
  EXPECT_EQ(problems_of("[" + with(R"("period": "2023")", R"("period": 2023)") + "]"),
            "/figures/0/period: expected a string, got an integer\n");
  EXPECT_EQ(problems_of("[" + with(R"("period": "2023")", R"("period": "1401")") + "]"),
            "/figures/0/period: period \"1401\": starts before 1402\n");
  // Hostile text: a control character, a quote of spaces.
  EXPECT_EQ(problems_of("[" + with(R"("quote": null)", R"("quote": "a\u0007b")") + "]"),
            "/figures/0/quote: control character U+0007 at byte 1 (text must not contain control "
            "characters)\n");
  EXPECT_EQ(problems_of("[" + with(R"("quote": null)", R"("quote": "   ")") + "]"),
            "/figures/0/quote: must not be empty\n");
}

TEST(RegistryFigures, FiguresAnywhereInTheDocumentAndTruncatedText) {
  const Registry r = registry();
  const std::string text = registry_to_text(r);
  // "figures" before "entries": the streaming reader gives up, the DOM reader reads it.
  Json rest = parse_json(text);
  const Json figures = rest["figures"];
  rest.erase("figures");
  const std::string moved = R"({"figures": )" + figures.dump() + ", " + rest.dump().substr(1);
  EXPECT_FALSE(detail::read_registry_streaming(moved).has_value());
  EXPECT_FALSE(detail::read_registry_scanner(moved).has_value());
  EXPECT_TRUE(read_registry(moved) == r);
  // Two "figures" keys.
  const std::string twice = text.substr(0, text.rfind('}')) + R"(, "figures": [])" + "}";
  EXPECT_FALSE(detail::read_registry_streaming(twice).has_value());
  EXPECT_FALSE(detail::read_registry_scanner(twice).has_value());
  EXPECT_EQ(problems_in(twice), "/figures: duplicate key \"figures\"\n");
  // Cut inside the figures.
  const std::string cut = text.substr(0, text.find(R"("qualifier": "at_least")"));
  EXPECT_FALSE(detail::read_registry_streaming(cut).has_value());
  EXPECT_FALSE(detail::read_registry_scanner(cut).has_value());
  const std::string m = problems_in(cut);
  EXPECT_EQ(m.rfind(": invalid JSON: ", 0), 0U) << m;  // at the document (pointer "")
  EXPECT_EQ(m.find('\n'), m.size() - 1) << m;          // one problem
}

TEST(RegistryFigures, FigureFromJsonAndTables) {
  const Registry r = registry();
  const ReportedFigure& f = r.figures()[1];
  EXPECT_EQ(figure_from_json(to_json(f)), f);
  Json j = f;
  EXPECT_EQ(j.get<ReportedFigure>(), f);
  j["value"] = -1;
  EXPECT_EQ(message_of([&] { (void)figure_from_json(j); }),
            "/value: -1 is out of range 0..1000000000");
  const auto found = r.compare_figures("tp", parse_date_range("2023"));
  const auto rows = figures_rows(found);
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].size(), 13U);
  EXPECT_EQ(rows[0][8], "Số liệu báo cáo");
  EXPECT_EQ(rows[2], (std::vector<std::string>{"tp", "2023", "công nhận", "", "", "cá nhân", "", "",
                                               "1", "1", "khớp", "Báo Bắc Kạn, 2023", ""}));
  EXPECT_EQ(render_figures_csv({}),
            "\xEF\xBB\xBF"
            "Đơn vị,Kỳ,Chỉ tiêu,Lĩnh vực,Cấp,Đối tượng,Loại,Mức,Số liệu báo cáo,Trong sổ,So "
            "sánh,Nguồn,Trích dẫn\r\n");
  const std::string csv = render_figures_csv(r.compare_figures("tinh", parse_date_range("2023")));
  EXPECT_NE(csv.find("\r\ntinh,2023,công nhận,,,,,hơn,800,3,ít hơn,\"Báo Bắc Kạn, 2023\",\r\n"),
            std::string::npos)
      << csv;
  // Every figure: a period covering all of them.
  EXPECT_EQ(r.compare_figures(std::nullopt, {Date(1402, 1, 1), Date(9999, 12, 31)}).size(), 4U);
}
