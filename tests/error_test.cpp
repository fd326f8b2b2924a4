#include "danvan/error.hpp"

#include <gtest/gtest.h>

#include <cerrno>

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
