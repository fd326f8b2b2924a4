#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <vector>

namespace {

TEST(Error, ParseErrorNamesInputOffsetAndReason) {
  const danvan::ParseError e("31/02/2020", 0, "day 31 does not exist in February 2020");
  EXPECT_STREQ(e.what(),
               "cannot parse \"31/02/2020\" at offset 0: day 31 does not exist in February 2020");
  EXPECT_EQ(e.offset(), 0U);
  EXPECT_EQ(e.input(), "31/02/2020");
}

TEST(Error, JsonErrorStartsWithPointer) {
  const danvan::JsonError e("/task_areas/2/number", "expected an integer, got a string");
  EXPECT_STREQ(e.what(), "/task_areas/2/number: expected an integer, got a string");
  const danvan::JsonError whole("", "not JSON");
  EXPECT_STREQ(whole.what(), "(document): not JSON");
}

TEST(Error, EveryValueErrorListsItsProblems) {
  using danvan::JsonProblem;
  using Problems = std::vector<JsonProblem>;
  // About one thing: the one problem is the message, nowhere in particular.
  EXPECT_EQ(danvan::ValueError("bad year").problems(), (Problems{{"", "bad year"}}));
  const danvan::ParseError parse("x", 0, "expected a day");
  EXPECT_EQ(parse.problems(), (Problems{{"", parse.what()}}));
  EXPECT_EQ(danvan::JsonError("/a", "bad").problems(), (Problems{{"/a", "bad"}}));
  // A list given: kept, in order; the message is the caller's.
  const danvan::ValueError listed("2 problems: a; b", {{"/a", "a"}, {"/b", "b"}});
  EXPECT_STREQ(listed.what(), "2 problems: a; b");
  EXPECT_EQ(listed.problems(), (Problems{{"/a", "a"}, {"/b", "b"}}));
  EXPECT_EQ(danvan::ValueError("m", {}).problems(), (Problems{{"", "m"}}));
  const danvan::JsonDocumentError document({{"/x", "one"}, {"/y", "two"}, {"", "three"}});
  EXPECT_STREQ(document.what(), "/x: one (and 2 more problems)");
  EXPECT_EQ(document.problems(), (Problems{{"/x", "one"}, {"/y", "two"}, {"", "three"}}));
  // Copies share the list (copying an exception does not throw).
  const danvan::ValueError copy = listed;
  EXPECT_EQ(copy.problems(), listed.problems());
  try {
    throw danvan::JsonDocumentError(Problems{{"/z", "why"}});
  } catch (const danvan::ValueError& e) {
    EXPECT_EQ(e.problems(), (Problems{{"/z", "why"}}));
  }
}

TEST(Error, EveryErrorIsCatchableAsTheMarkerBaseAndAStandardException) {
  try {
    throw danvan::JsonError("/a", "bad");
  } catch (const danvan::Error& e) {
    EXPECT_STREQ(e.message(), "/a: bad");
  }
  try {
    throw danvan::IoError("/nonexistent/x.json", "No such file or directory");
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "/nonexistent/x.json: No such file or directory");
  }
  EXPECT_THROW(throw danvan::ValueError("x"), std::invalid_argument);
}

TEST(Error, IoErrorCarriesTheSystemErrorCodeWhenGiven) {
  const danvan::IoError plain("ICU data", "loading failed");
  EXPECT_STREQ(plain.what(), "ICU data: loading failed");
  EXPECT_FALSE(plain.code());
  EXPECT_EQ(plain.code().value(), 0);
  const danvan::IoError missing("/nonexistent/x.json", "No such file or directory",
                                std::make_error_code(std::errc::no_such_file_or_directory));
  EXPECT_STREQ(missing.what(), "/nonexistent/x.json: No such file or directory");
  EXPECT_EQ(missing.path(), "/nonexistent/x.json");
  EXPECT_EQ(missing.code(), std::errc::no_such_file_or_directory);
  EXPECT_EQ(missing.code().value(), ENOENT);
  const danvan::IoError copy = missing;  // copies keep the code
  EXPECT_EQ(copy.code(), missing.code());
}

}  // namespace
