// Registry documents that name units by official code (issue 17 point 4): "code:22015" where a
// unit id goes, resolved against the national register (data/units/national/units.json) on
// the day of the fact; written back in the form it was read in; exact messages for unknown,
// ambiguous and malformed codes and for a document read without a register.
#include "danvan/json/plan.hpp"
#include "danvan/json/registry.hpp"
#include "danvan/registry.hpp"
#include "danvan/unit_register.hpp"

#include "units_by_code_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using namespace danvan;
using danvan::testing::national;
using danvan::testing::problems_of;

namespace {

/// An entry of Phường 1 (Tuy Hòa, Phú Yên; code 22015) registered `registered`, recognised in
/// September 2025 by the unit that carries code 22015 then (Phường Tuy Hòa, Đắk Lắk).
std::string entry(const std::string& id, const std::string& unit, const std::string& registered,
                  const std::string& by = "code:22015") {
  return R"({"id": ")" + id + R"(", "kind": "model", "subject": "collective", "name": "Mô hình )" +
         id + R"(", "unit": ")" + unit +
         R"(", "places": [], "fields": [], "description": "", "person": null, "events": [
           {"type": "registered", "date": ")" +
         registered + R"(", "level": null},
           {"type": "recognised", "date": "2025-09-01", "level": "commune", "by": ")" +
         by + R"(", "decision": null, "grade": null, "status": "decided"}]})";
}

std::string doc(const std::string& entries, const std::string& units = "[]", int version = 3) {
  return R"({"schema": "danvan/registry", "version": )" + std::to_string(version) +
         R"(, "note": null, "recognition_years": null, "fields": [], "grades": [], "forms": [],
         "units": )" +
         units + R"(, "entries": [)" + entries + "]}";
}

}  // namespace

TEST(RegistryUnitsByCode, CodesResolveOnTheDayOfTheFact) {
  const Registry r = read_registry(doc(entry("a", "code:22015", "2024-03-01")), national());
  const Entry a = r.entry(0);
  EXPECT_EQ(a.unit_id, "c22015");                // Phường 1 (until 31/10/2024)
  EXPECT_EQ(a.events[1].by, "c22015-20250701");  // Phường Tuy Hòa (from 01/07/2025)
  EXPECT_EQ(r.units().find("c22015")->name, "Phường 1");
  EXPECT_EQ(r.units().find("c22015-20250701")->name, "Phường Tuy Hòa");
  // Its ancestors and the units linked to it by succession came with it, so roll-ups work
  // across the 2025 reorganisation: the 2024 entry of Phú Yên counts under today's Đắk Lắk.
  EXPECT_EQ(r.embedded_units(), 0U);
  ASSERT_NE(r.units().find("p66-20250701"), nullptr);
  StatsQuery q;
  q.year = 2024;
  q.unit_id = "p66-20250701";
  q.as_of = parse_date("2025-12-31");  // the units of 31/12/2025: after the reorganisation
  q.current_units = true;
  q.by = {StatsDimension::kind};
  EXPECT_EQ(r.stats(q).total.registered, 1);
  q.current_units = false;
  EXPECT_EQ(r.stats(q).total.registered, 0);
}

TEST(RegistryUnitsByCode, WritingKeepsTheFormItWasReadIn) {
  const std::string embedded = R"([{"id": "mttq", "name": "Ủy ban MTTQ phường", "kind":
      "fatherland_front", "level": "commune", "parent": null, "valid_from": null,
      "valid_to": null, "predecessors": [], "successors": []}])";
  const Registry r = read_registry(
      doc(entry("a", "code:22015", "2024-03-01") + ", " + entry("b", "mttq", "2024-05-01", "mttq"),
          embedded),
      national());
  EXPECT_EQ(r.embedded_units(), 1U);
  const std::string text = registry_to_text(r);
  EXPECT_NE(text.find("\"unit\": \"code:22015\""), std::string::npos);
  EXPECT_NE(text.find("\"by\": \"code:22015\""), std::string::npos);
  EXPECT_NE(text.find("\"unit\": \"mttq\""), std::string::npos);
  EXPECT_EQ(text.find("\"id\": \"c22015\""), std::string::npos);  // not embedded
  const Registry back = read_registry(text, national());
  EXPECT_TRUE(back == r);
  EXPECT_EQ(registry_to_text(back), text);
  // A document without codes is read as before, whether a register is given or not.
  const std::string plain = doc(entry("b", "mttq", "2024-05-01", "mttq"), embedded);
  EXPECT_TRUE(read_registry(plain, national()) == read_registry(plain));
  EXPECT_EQ(read_registry(plain, national()).units().size(), 1U);
}

TEST(RegistryUnitsByCode, BadCodesExactMessages) {
  const auto with = [](const std::string& text) {
    return problems_of([&] { (void)read_registry(text, national()); });
  };
  EXPECT_EQ(with(doc(entry("a", "code:99999", "2024-03-01"))),
            "/entries/0/unit: no unit of the register has the official code \"99999\" on "
            "2024-03-01\n");
  // Code 66 is Tỉnh Đắk Lắk until 30/06/2025 and the merged Tỉnh Đắk Lắk from 01/07/2025: "in
  // 2025" names both. A day names one; so does a year in which one unit alone carries it (22015:
  // Phường 1 of Tuy Hòa until 31/10/2024, Phường Tuy Hòa from 01/07/2025; the register records
  // no code for the Phường 1 of 01/11/2024..30/06/2025).
  EXPECT_EQ(with(doc(entry("a", "code:66", "2025"))),
            "/entries/0/unit: the official code \"66\" names 2 units in 2025 "
            "(\"p66\", \"p66-20250701\"): give the fact's day\n");
  EXPECT_EQ(read_registry(doc(entry("a", "code:66", "2025-06-30")), national()).entry(0).unit_id,
            "p66");
  EXPECT_EQ(read_registry(doc(entry("a", "code:22015", "2025")), national()).entry(0).unit_id,
            "c22015-20250701");
  EXPECT_EQ(with(doc(entry("a", "code:22015", "2024-03-01", "code:22A15"))),
            "/entries/0/events/1/by: invalid official code \"22A15\": a unit named by code is "
            "\"code:\" and 1..10 digits\n");
  EXPECT_EQ(with(doc(entry("a", "code:", "2024-03-01", "code:12345678901"))),
            "/entries/0/unit: invalid official code \"\": a unit named by code is \"code:\" and "
            "1..10 digits\n"
            "/entries/0/events/1/by: invalid official code \"12345678901\": a unit named by code "
            "is \"code:\" and 1..10 digits\n");
  const std::string collision = R"([{"id": "c22015", "name": "Phường 1", "kind":
      "administrative_unit", "level": "commune", "parent": null, "valid_from": null,
      "valid_to": null, "predecessors": [], "successors": []}])";
  EXPECT_EQ(with(doc(entry("a", "code:22015", "2024-03-01"), collision)),
            "/units: unit \"c22015\" is embedded and is also a unit of the register that entries "
            "name by official code: give it another id\n");
  // Without a register; in version 2 (no codes there).
  EXPECT_EQ(problems_of([] { (void)read_registry(doc(entry("a", "code:22015", "2024-03-01"))); }),
            "/entries/0/unit: \"code:22015\" names a unit by its official code: read the "
            "registry with a unit register (the national register) to resolve it\n"
            "/entries/0/events/1/by: \"code:22015\" names a unit by its official code: read the "
            "registry with a unit register (the national register) to resolve it\n");
  EXPECT_EQ(with(doc(entry("a", "code:22015", "2024-03-01", "code:22015"), "[]", 2)),
            "/entries/0/unit: invalid id \"code:22015\": ids are 1..100 characters of a-z, 0-9 "
            "and '-', not starting with '-'\n"
            "/entries/0/events/1/by: invalid id \"code:22015\": ids are 1..100 characters of "
            "a-z, 0-9 and '-', not starting with '-'\n"
            "/entries/0/events/1/status: unknown key \"status\"\n");
}

TEST(RegistryUnitsByCode, ACodeThatWouldNotReadBackIsNotWritten) {
  // Read by code on a day, the entry's unit is Đắk Lắk before the reorganisation (p66); both
  // it and its successor (p66-20250701) carry code 66 and are units of the registry.
  Registry r = read_registry(doc(entry("a", "code:66", "2025-03-01")), national());
  EXPECT_EQ(r.entry(0).unit_id, "p66");
  ASSERT_NE(r.units().find("p66-20250701"), nullptr);
  EXPECT_NE(to_json(r).dump().find(R"("unit":"code:66")"), std::string::npos);
  // The same unit registered "in 2025": "code:66" would name both units then, and the reader
  // refuses it; so the writer refuses to write it rather than save what cannot be read back.
  Entry b = r.entry(0);
  b.id = "b";
  b.events[0].date = PartialDate(2025);
  r.add(b);
  try {
    (void)to_json(r);
    FAIL() << "no ValueError";
  } catch (const ValueError& e) {
    EXPECT_EQ(std::string(e.what()),
              "entry \"b\": unit \"p66\" is written by its official code \"66\", which names 2 "
              "units in 2025 (\"p66\", \"p66-20250701\"): give the fact's day");
  }
  EXPECT_EQ(
      problems_of([&] { (void)read_registry(doc(entry("b", "code:66", "2025")), national()); }),
      "/entries/0/unit: the official code \"66\" names 2 units in 2025 (\"p66\", "
      "\"p66-20250701\"): give the fact's day\n");
}

namespace {

const std::string mttq = R"([{"id": "mttq", "name": "Ủy ban MTTQ phường", "kind":
    "fatherland_front", "level": "commune", "parent": null, "valid_from": null,
    "valid_to": null, "predecessors": [], "successors": []}])";

using FastReadWith = std::optional<Registry> (*)(std::string_view, const UnitRegister&);
const std::vector<std::pair<std::string, FastReadWith>> fast_readers = {
    {"streaming", detail::read_registry_streaming}, {"scanner", detail::read_registry_scanner}};

}  // namespace

// The fast readers (the reader of this build and the hand-written scanner, which builds without
// simdjson use) resolve codes with the DOM reader's code and read what it reads, whether the
// first entry names a unit by code or a later one (the entries before it were added on the
// embedded units and are added again on the register's units); on a problem they give up, and
// read_registry's DOM reader reports it (the messages of BadCodesExactMessages).
TEST(RegistryUnitsByCode, FastReadersResolveCodesAsTheDomReaderDoes) {
  const std::string by_code_first =
      doc(entry("a", "code:22015", "2024-03-01") + ", " + entry("b", "mttq", "2024-05-01", "mttq"),
          mttq);
  const std::string by_code_later =
      doc(entry("b", "mttq", "2024-05-01", "mttq") + ", " + entry("a", "code:22015", "2024-03-01") +
              ", " + entry("c", "code:66", "2025-09-01", "code:66"),
          mttq);
  std::vector<std::string> texts = {by_code_first, by_code_later};
  for (const std::string& t : {by_code_first, by_code_later}) {
    texts.push_back(registry_to_text(registry_from_json(parse_json(t), national())));
  }
  for (const std::string& text : texts) {
    const Registry dom = registry_from_json(parse_json(text), national());
    ASSERT_GT(dom.units().size(), dom.embedded_units());
    for (const auto& [name, read] : fast_readers) {
      SCOPED_TRACE(name + ": " + text.substr(0, 40));
      const std::optional<Registry> fast = read(text, national());
      ASSERT_TRUE(fast.has_value());
      EXPECT_TRUE(*fast == dom);
      EXPECT_EQ(fast->embedded_units(), dom.embedded_units());
      EXPECT_EQ(registry_to_text(*fast), registry_to_text(dom));
    }
    // Without a register they give up (the DOM reader then says to give one).
    EXPECT_FALSE(detail::read_registry_streaming(text).has_value());
    EXPECT_FALSE(detail::read_registry_scanner(text).has_value());
  }
  const std::string collision = R"([{"id": "c22015", "name": "Phường 1", "kind":
      "administrative_unit", "level": "commune", "parent": null, "valid_from": null,
      "valid_to": null, "predecessors": [], "successors": []}])";
  for (const std::string& bad :
       {doc(entry("a", "code:66", "2025")), doc(entry("a", "code:99999", "2024-03-01")),
        doc(entry("a", "code:22015", "2024-03-01", "code:22A15")),
        doc(entry("a", "code:22015", "2024-03-01"), collision),
        doc(entry("a", "code:22015", "2024-03-01"), "[]", 2)}) {
    for (const auto& [name, read] : fast_readers) {
      EXPECT_FALSE(read(bad, national()).has_value()) << name << ": " << bad;
    }
  }
  EXPECT_EQ(
      problems_of([&] { (void)read_registry(doc(entry("a", "code:66", "2025")), national()); }),
      "/entries/0/unit: the official code \"66\" names 2 units in 2025 (\"p66\", "
      "\"p66-20250701\"): give the fact's day\n");
}
