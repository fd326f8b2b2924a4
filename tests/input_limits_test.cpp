// Hostile input at the JSON level: numbers beyond a double, NUL bytes, deep nesting, long
// strings, huge inputs. Every case is a danvan error with a located message, never a crash or
// an exception of the JSON library.
#include "danvan/calendar.hpp"
#include "danvan/deadline.hpp"
#include "danvan/json.hpp"
#include "danvan/json/registry.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

namespace {

using danvan::Json;
using danvan::JsonDocumentError;
using danvan::JsonError;
using danvan::JsonLimits;

/// what() of the JsonDocumentError `parse` throws ("" when it throws nothing).
std::string parse_message(std::string_view text, const JsonLimits& limits = {}) {
  try {
    (void)danvan::parse_json(text, limits);
  } catch (const JsonDocumentError& e) {
    return e.what();
  }
  return "";
}

std::string units_text() {
  return danvan::read_file(std::string(DANVAN_SOURCE_DIR) + "/data/units/phu-yen.json");
}

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(NumberOverflow, IsADocumentErrorWithThePointerOfTheNumber) {
  EXPECT_EQ(parse_message("1e400"), "(document): number out of range (beyond a double): 1e400");
  EXPECT_EQ(parse_message(R"({"a": [1, -1E+400]})"),
            "/a/1: number out of range (beyond a double): -1E+400");
  EXPECT_EQ(parse_message(R"({"a": {"b~/c": 1e999}})"),
            "/a/b~0~1c: number out of range (beyond a double): 1e999");
  const std::string long_number = "1" + std::string(400, '0') + "e400";
  EXPECT_EQ(parse_message("[" + long_number + "]"),
            "/0: number out of range (beyond a double): 1000000000000000000000000000000000000...");
  // Large but representable numbers still parse.
  EXPECT_EQ(parse_message("[1e300, 123456789012345678901234567890]"), "");
}

TEST(NumberOverflow, InAnyDocumentIsAProblemNotAnInternalError) {
  const auto problems =
      danvan::validate_document(replace_once(units_text(), "\"version\": 1", "\"version\": 1e400"));
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].pointer, "/version");
  EXPECT_EQ(problems[0].reason, "number out of range (beyond a double): 1e400");
}

TEST(NumberOverflow, InAJournalLineNamesTheLine) {
  const std::string good =
      "{\"entry\":\"a\",\"event\":{\"type\":\"commended\",\"date\":\"2021-01-01\"}}\n";
  const std::string bad =
      "{\"entry\":\"a\",\"event\":{\"type\":\"reevaluated\",\"date\":\"2021-01-01\","
      "\"year\":1e400,\"effective\":true}}\n";
  danvan::Registry registry;
  try {
    (void)danvan::replay_journal(bad + good, registry);
    FAIL();
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "line 1: /event/year: number out of range (beyond a double): 1e400");
  }
}

TEST(Nesting, DeeperThanTheLimitIsRejectedBeforeParsing) {
  const std::string ok = std::string(64, '[') + std::string(64, ']');
  EXPECT_EQ(parse_message(ok), "");
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  EXPECT_EQ(
      parse_message(deep),
      "(document): invalid JSON: more than 64 nested arrays and objects at line 1, column 65");
  EXPECT_EQ(parse_message("{\"a\":\n [{\"b\": [[]]}]}", JsonLimits{.max_depth = 3}),
            "(document): invalid JSON: more than 3 nested arrays and objects at line 2, column 9");
  // Brackets inside strings do not count.
  EXPECT_EQ(parse_message("[\"" + std::string(100, '[') + "\\\"[\"]"), "");
}

TEST(Nesting, AHundredThousandLevelsInsideAFieldDoNotCrash) {
  // The issue's case: ~150 KB of nested arrays in a field overflowed the stack.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto problems = danvan::validate_document(
      replace_once(units_text(), "\"version\": 1", "\"version\": " + deep));
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].reason,
            "invalid JSON: more than 64 nested arrays and objects at line 3, column 77");
  // Unclosed, too.
  EXPECT_EQ(
      parse_message(std::string(100000, '{')),
      "(document): invalid JSON: more than 64 nested arrays and objects at line 1, column 65");
}

TEST(NulBytes, AreRejectedWhereTheyAre) {
  // The JSON parser stops at a NUL byte: without the check, "{...}\0garbage" was accepted.
  using namespace std::string_literals;
  EXPECT_EQ(parse_message("{\"a\": 1}\0garbage"s),
            "(document): invalid JSON: NUL byte at line 1, column 9");
  EXPECT_EQ(parse_message("{\n\"a\": \"x\0y\"}"s),
            "(document): invalid JSON: NUL byte at line 2, column 8");
  EXPECT_EQ(parse_message("[\"\\\0\"]"s), "(document): invalid JSON: NUL byte at line 1, column 4");
  const auto problems = danvan::validate_document(units_text() + "\0{}"s);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_EQ(problems[0].reason.substr(0, 28), "invalid JSON: NUL byte at li");
}

TEST(Limits, StringAndTextSizeAreConfigurable) {
  EXPECT_EQ(parse_message(R"({"a": "abcd"})", JsonLimits{.max_string_bytes = 4}), "");
  EXPECT_EQ(parse_message("{\"a\":\n  \"abcde\"}", JsonLimits{.max_string_bytes = 4}),
            "(document): invalid JSON: a string longer than 4 bytes at line 2, column 3");
  EXPECT_EQ(parse_message(R"({"abcde": 1})", JsonLimits{.max_string_bytes = 4}),
            "(document): invalid JSON: a string longer than 4 bytes at line 1, column 2");
  // The default string limit is 1 MiB.
  EXPECT_EQ(parse_message("[\"" + std::string((1U << 20) + 1, 'x') + "\"]"),
            "(document): invalid JSON: a string longer than 1048576 bytes at line 1, column 2");
}

TEST(Limits, TheRegistryReadersAgreeOnTheStringLimit) {
  const std::string text =
      danvan::read_file(std::string(DANVAN_SOURCE_DIR) + "/data/registry/sample-registry.json");
  const std::string at = "\"description\": \"";
  const std::string longer = replace_once(text, at, at + std::string(1U << 20, 'x'));
  try {
    (void)danvan::read_registry(longer);
    FAIL();
  } catch (const JsonDocumentError& e) {
    EXPECT_EQ(e.reason().substr(0, 54), "invalid JSON: a string longer than 1048576 bytes at li");
  }
  EXPECT_NO_THROW((void)danvan::read_registry(text));
}

TEST(Limits, ReadFileStopsAtTheLimit) {
  try {
    (void)danvan::read_file("/dev/zero", 1 << 20);
    FAIL();
  } catch (const danvan::IoError& e) {
    EXPECT_STREQ(e.what(), "/dev/zero: larger than the input limit of 1048576 bytes");
    EXPECT_EQ(e.code().value(), EFBIG);
  }
  const auto path = std::filesystem::temp_directory_path() /
                    ("danvan-limits-" + std::to_string(::getpid()) + ".json");
  { std::ofstream(path) << "[1, 2, 3]"; }
  EXPECT_EQ(danvan::read_file(path, 9), "[1, 2, 3]");
  try {
    (void)danvan::read_file(path, 8);
    FAIL();
  } catch (const danvan::IoError& e) {
    EXPECT_EQ(std::string(e.what()), path.string() + ": larger than the input limit of 8 bytes");
  }
  std::filesystem::remove(path);
}

TEST(Limits, ParseErrorsQuoteAtMost40BytesOfTheToken) {
  EXPECT_EQ(parse_message("[\"" + std::string(100000, 'x') + "\n"),
            "(document): invalid JSON: parse error at line 2, column 0: syntax error while "
            "parsing value - invalid string: control character U+000A (LF) must be escaped to "
            "\\u000A or \\n; last read: '..." +
                std::string(32, 'x') + "<U+000A>'");
  // The cut falls inside "ệ" (3 bytes): it moves to the next character.
  EXPECT_EQ(
      parse_message("[\"" + std::string(10, 'x') + "\xE1\xBB\x87" + std::string(30, 'y') + "\n"),
      "(document): invalid JSON: parse error at line 2, column 0: syntax error while "
      "parsing value - invalid string: control character U+000A (LF) must be escaped to "
      "\\u000A or \\n; last read: '..." +
          std::string(30, 'y') + "<U+000A>'");
}

TEST(DeadlineLimits, PastTheLastDayADateHoldsAreValueErrors) {
  const danvan::Calendar calendar = danvan::calendar_from_json_text(
      danvan::read_file(std::string(DANVAN_SOURCE_DIR) + "/data/calendar/vietnam.json"));
  const danvan::Date last(9999, 12, 31);
  try {
    (void)danvan::add_calendar_days(calendar, last, 30);
    FAIL();
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(),
                 "30 days after 9999-12-31 is past 9999-12-31, the last day danvan handles");
  }
  try {
    (void)danvan::add_working_days(calendar, last, 5);
    FAIL();
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(),
                 "1 day after 9999-12-31 is past 9999-12-31, the last day danvan handles");
  }
}

TEST(ControlCharacters, AreRejectedInTextWithTheirPointer) {
  const auto problems = danvan::validate_document(
      replace_once(units_text(), "\"name\": \"", "\"name\": \"\\u001b[31m"));
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems[0].pointer, "/units/0/name");
  EXPECT_EQ(problems[0].reason,
            "control character U+001B at byte 0 (text must not contain control characters)");
  // DEL and the C1 controls (U+009B is a one-character CSI) too, written raw or escaped.
  for (const auto& [written, shown] : {std::pair{std::string("A\x7F"), "U+007F at byte 1"},
                                       std::pair{std::string("AB\xC2\x9B"), "U+009B at byte 2"},
                                       std::pair{std::string("\\t"), "U+0009 at byte 0"},
                                       std::pair{std::string("a\\nb"), "U+000A at byte 1"}}) {
    const auto p = danvan::validate_document(
        replace_once(units_text(), "\"name\": \"", "\"name\": \"" + written));
    ASSERT_FALSE(p.empty()) << written;
    EXPECT_EQ(p[0].reason, "control character " + std::string(shown) +
                               " (text must not contain control characters)");
  }
  // Other non-ASCII text is untouched ("Â" is U+00C2, "«" is U+00AB).
  EXPECT_TRUE(danvan::validate_document(
                  replace_once(units_text(), "\"name\": \"", "\"name\": \"\xC3\x82 \xC2\xAB"))
                  .empty());
}

TEST(ControlCharacters, BothRegistryReadersRejectThem) {
  const std::string text =
      danvan::read_file(std::string(DANVAN_SOURCE_DIR) + "/data/registry/sample-registry.json");
  const std::string at = "\"description\": \"";
  for (const std::string& bad : {std::string("\\n"), std::string("\\u001b"), std::string("\\u0085"),
                                 std::string("\x7F"), std::string("\xC2\x9B")}) {
    try {
      (void)danvan::read_registry(replace_once(text, at, at + "x" + bad));
      ADD_FAILURE() << bad;
    } catch (const JsonDocumentError& e) {
      EXPECT_EQ(e.pointer(), "/entries/0/description");
      EXPECT_EQ(e.reason().substr(0, 18), "control character ");
    }
  }
}

TEST(CanonicalText, InvalidUtf8IsAValueError) {
  try {
    (void)danvan::to_canonical_text(Json("a\xFF"));
    FAIL();
  } catch (const danvan::ValueError& e) {
    EXPECT_STREQ(e.what(), "cannot write JSON: invalid UTF-8 byte at index 1: 0xFF");
  }
}

TEST(ControlCharacters, DocumentWritersRefuseWhatTheReadersRefuse) {
  danvan::Plan plan = danvan::load_plan(std::string(DANVAN_SOURCE_DIR) +
                                        "/data/plans/phu-yen-2020-nam-dan-van-kheo.json");
  plan.title = "a\x1b[31mred";
  try {
    (void)danvan::to_document_text(danvan::to_json(plan));
    FAIL();
  } catch (const JsonError& e) {
    EXPECT_EQ(e.pointer(), "/title");
    EXPECT_STREQ(e.what(),
                 "/title: control character U+001B at byte 1 (text must not contain control "
                 "characters)");
  }
  // A key, and a C1 control deeper down; prose may hold U+000A.
  Json doc = {{"schema", "danvan/plan"}, {"items", {"ok\nok", "x\xC2\x9B"}}};
  try {
    (void)danvan::to_document_text(doc);
    FAIL();
  } catch (const JsonError& e) {
    EXPECT_EQ(e.pointer(), "/items/1");
  }
  try {
    (void)danvan::to_document_text(Json{{"a~/\x7F", 1}});
    FAIL();
  } catch (const JsonError& e) {
    EXPECT_EQ(e.pointer(), "/a~0~1\x7F");
    EXPECT_EQ(e.reason(),
              "key: control character U+007F at byte 3 (text must not contain control characters)");
  }
  // Output that is not a document (a reference list, a table) may quote any text: escaped.
  EXPECT_EQ(danvan::to_canonical_text(Json("a\x1b")), "\"a\\u001b\"\n");
}

}  // namespace
