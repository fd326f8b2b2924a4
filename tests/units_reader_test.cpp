// read_units (the streaming danvan/units reader behind load_units) against the DOM reader
// units_from_json(parse_json(text)): the same hierarchy for every document either accepts, and
// the same located problems for every document they refuse.
#include "danvan/json.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {

using danvan::JsonDocumentError;
using danvan::JsonProblem;

const std::string kProvince =
    R"({"id":"tinh-a","name":"Tỉnh A","kind":"peoples_committee","level":"province",)"
    R"("parent":null,"valid_from":null,"valid_to":"2025-06-30","predecessors":[],)"
    R"("successors":["tinh-b"],"code":"01"})";
const std::string kNewProvince =
    R"({"id":"tinh-b","name":"Tỉnh B","kind":"peoples_committee","level":"province",)"
    R"("parent":null,"valid_from":"2025-07-01","valid_to":null,"predecessors":["tinh-a"],)"
    R"("successors":[],"basis":"Nghị quyết 202/2025/QH15"})";

std::string document(const std::string& units) {
  return R"({"schema":"danvan/units","version":1,"units":[)" + units + "]}";
}
std::string valid() { return document(kProvince + "," + kNewProvince); }
/// `valid()` with the first `from` replaced by `to`.
std::string with(const std::string& from, const std::string& to) {
  std::string text = valid();
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

struct Outcome {
  std::optional<std::string> canonical;  // the hierarchy written back, when accepted
  std::vector<JsonProblem> problems;     // when refused
};

Outcome via_stream(const std::string& text) {
  try {
    return {danvan::to_canonical_text(danvan::to_json(danvan::read_units(text))), {}};
  } catch (const JsonDocumentError& e) {
    return {std::nullopt, e.problems()};
  }
}
Outcome via_dom(const std::string& text) {
  try {
    return {danvan::to_canonical_text(
                danvan::to_json(danvan::units_from_json(danvan::parse_json(text)))),
            {}};
  } catch (const JsonDocumentError& e) {
    return {std::nullopt, e.problems()};
  }
}

/// The first problem the DOM reader reports (for messages written by nlohmann or by the model's
/// validate(), which this test does not restate).
std::string dom_reason(const std::string& text) {
  const Outcome dom = via_dom(text);
  return dom.problems.empty() ? "(accepted)" : dom.problems.front().reason;
}

/// Both readers refuse `text` with the same problems, the first of which is `first`.
void expect_refused(const std::string& text, const JsonProblem& first) {
  const Outcome stream = via_stream(text);
  const Outcome dom = via_dom(text);
  ASSERT_FALSE(stream.canonical.has_value()) << text;
  ASSERT_FALSE(dom.canonical.has_value()) << text;
  EXPECT_EQ(stream.problems, dom.problems) << text;
  ASSERT_FALSE(stream.problems.empty());
  EXPECT_EQ(stream.problems.front().pointer, first.pointer) << text;
  EXPECT_EQ(stream.problems.front().reason, first.reason) << text;
}

/// Both readers accept `text` and give the same hierarchy.
void expect_same(const std::string& text) {
  const Outcome stream = via_stream(text);
  const Outcome dom = via_dom(text);
  ASSERT_TRUE(stream.canonical.has_value()) << text;
  ASSERT_TRUE(dom.canonical.has_value()) << text;
  EXPECT_EQ(*stream.canonical, *dom.canonical) << text;
}

TEST(UnitsReader, TheNationalRegisterReadsAsTheDomReaderReadsIt) {
  const std::string text =
      danvan::read_file(std::string(DANVAN_SOURCE_DIR) + "/data/units/national/units.json");
  const danvan::UnitHierarchy stream = danvan::read_units(text);
  EXPECT_EQ(stream.size(), 14176U);
  EXPECT_EQ(stream, danvan::units_from_json(danvan::parse_json(text)));
  // What the streaming reader read writes back as the DOM reader's result does.
  const std::string written = danvan::to_document_text(danvan::to_json(stream));
  EXPECT_TRUE(danvan::read_units(written) == stream);
}

TEST(UnitsReader, AcceptsWhatTheDomReaderAccepts) {
  expect_same(valid());
  expect_same(document(""));
  expect_same(" \n\t" + valid() + "\r\n");
  // Members in any order, optional members absent or null, escapes, NFD text (normalised).
  expect_same(document(
      R"({"level":"province","kind":"peoples_committee","name":"T\u1EC9nh C","id":"tinh-c"})"));
  expect_same(with(R"("code":"01")", R"("code":null)"));
  expect_same(with(R"("predecessors":[],)", R"("predecessors":null,)"));
  expect_same(with(R"("name":"Tỉnh A")", "\"name\":\"Ti\xCC\x89nh A\""));
  expect_same(with(R"("name":"Tỉnh A")", R"("name":"Tỉnh \"A\" \/ \\")"));
  expect_same(with(R"("name":"Tỉnh A")", R"("name":"Tỉnh 😀 \ud83d\ude00")"));
  // A UTF-8 byte order mark, which parse_json skips.
  expect_same("\xEF\xBB\xBF" + valid());
}

TEST(UnitsReader, RefusesWhatTheDomReaderRefusesWithTheSameMessages) {
  expect_refused("", {"",
                      "invalid JSON: parse error at line 1, column 1: syntax error while "
                      "parsing value - unexpected end of input; expected '[', '{', or a "
                      "literal"});
  expect_refused(valid().substr(0, 100),
                 {"",
                  "invalid JSON: parse error at line 1, column 101: syntax error while "
                  "parsing value - invalid string: missing closing quote; last read: "
                  "'\"peoples_commi'"});
  expect_refused(valid() + "x",
                 {"",
                  "invalid JSON: parse error at line 1, column 455: syntax error while "
                  "parsing value - invalid literal; last read: '\"Nghị quyết "
                  "202/2025/QH15\"}]}x'; expected end of input"});
  expect_refused(with(R"("schema":"danvan/units")", R"("schema":"danvan/plan")"),
                 {"/schema", "expected \"danvan/units\", got \"danvan/plan\""});
  expect_refused(
      with(R"("version":1)", R"("version":2)"),
      {"/version", "unsupported version 2 of danvan/units; this library reads version 1"});
  expect_refused(with(R"("version":1,)", R"("version":1,"extra":true,)"),
                 {"/extra", "unknown key \"extra\""});
  expect_refused(with(R"("code":"01")", R"("code":"01","code":"02")"),
                 {"/units/0/code", "duplicate key \"code\""});
  expect_refused(with(R"("id":"tinh-b")", R"("id":"tinh-a")"),
                 {"/units/1/id", "duplicate unit id \"tinh-a\" (first at /units/0)"});
  expect_refused(with(R"("id":"tinh-a")", R"("id":"Tinh A")"),
                 {"/units/0/id",
                  "invalid id \"Tinh A\": ids are 1..100 characters of a-z, 0-9 "
                  "and '-', not starting with '-'"});
  expect_refused(with(R"("name":"Tỉnh A")", R"("name":"  ")"),
                 {"/units/0/name", "must not be empty"});
  expect_refused(with(R"("name":"Tỉnh A")", R"("name":"Tỉnh\u001bA")"),
                 {"/units/0/name",
                  "control character U+001B at byte 6 (text must not contain "
                  "control characters)"});
  expect_refused(with(R"("name":"Tỉnh A")", "\"name\":\"T\xC2\x85nh\""),
                 {"/units/0/name",
                  "control character U+0085 at byte 1 (text must not contain "
                  "control characters)"});
  expect_refused(with(R"("kind":"peoples_committee")", R"("kind":"committee")"),
                 {"/units/0/kind",
                  dom_reason(with(R"("kind":"peoples_committee")", R"("kind":"committee")"))});
  expect_refused(with(R"("level":"province")", R"("level":1)"),
                 {"/units/0/level", "expected a string, got an integer"});
  expect_refused(with(R"("valid_to":"2025-06-30")", R"("valid_to":"2025-06")"),
                 {"/units/0/valid_to", "expected a whole day \"YYYY-MM-DD\", got \"2025-06\""});
  expect_refused(with(R"("valid_to":"2025-06-30")", R"("valid_to":"2025-02-30")"),
                 {"/units/0/valid_to",
                  dom_reason(with(R"("valid_to":"2025-06-30")", R"("valid_to":"2025-02-30")"))});
  expect_refused(with(R"("valid_from":null,"valid_to":"2025-06-30")",
                      R"("valid_from":"2025-07-01","valid_to":"2025-06-30")"),
                 {"/units/0/valid_to", "valid_to 2025-06-30 is before valid_from 2025-07-01"});
  expect_refused(with(R"("code":"01")", R"("code":"0x1")"),
                 {"/units/0/code", "code \"0x1\" is not 1..10 digits"});
  expect_refused(with(R"("successors":["tinh-b"])", R"("successors":["tinh-b","tinh-b"])"),
                 {"/units/0/successors/1", "\"tinh-b\" is listed twice"});
  expect_refused(with(R"("successors":["tinh-b"])", R"("successors":["tinh-z"])"),
                 {"/units/0/successors/0", "unknown unit \"tinh-z\""});
  expect_refused(with(R"("parent":null)", R"("parent":"tinh-z")"),
                 {"/units/0/parent", "unknown unit \"tinh-z\""});
  // The hierarchy's own checks (UnitHierarchy::validate), each at the link it concerns.
  expect_refused(with(R"("predecessors":["tinh-a"])", R"("predecessors":[])"),
                 {"/units/0/successors/0",
                  "unit \"tinh-a\": successor \"tinh-b\" does not list \"tinh-a\" as a "
                  "predecessor"});
  expect_refused(with(R"("parent":null)", R"("parent":"tinh-a")"),
                 {"/units/0/parent", "unit \"tinh-a\": cycle in parents: tinh-a -> tinh-a"});
  expect_refused(with(R"("name":"Tỉnh A")", "\"name\":\"T\xFF\""),
                 {"", dom_reason(with(R"("name":"Tỉnh A")", "\"name\":\"T\xFF\""))});
  expect_refused(with(R"("name":"Tỉnh A")", R"("name":"\ud800")"),
                 {"", dom_reason(with(R"("name":"Tỉnh A")", R"("name":"\ud800")"))});
  expect_refused(std::string("\0", 1) + valid(), {"", dom_reason(std::string("\0", 1) + valid())});
  expect_refused("\xEF\xBB\xBF\xEF\xBB\xBF" + valid(),
                 {"", dom_reason("\xEF\xBB\xBF\xEF\xBB\xBF" + valid())});
  expect_refused(R"({"schema":"danvan/units","version":1})",
                 {"", "missing required key \"units\""});
  expect_refused(R"([])", {"", "expected an object, got an array"});
}

}  // namespace
