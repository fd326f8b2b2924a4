#include "danvan/error.hpp"

#include <memory>
#include <utility>

namespace danvan {

namespace {
std::string parse_message(const std::string& input, std::size_t offset, const std::string& reason) {
  return "cannot parse \"" + input + "\" at offset " + std::to_string(offset) + ": " + reason;
}
/// The reason shown in what(): the first problem's, with a count of the others.
std::string summary_reason(const std::vector<JsonProblem>& problems) {
  if (problems.empty()) return "no problems";
  std::string s = problems.front().reason;
  if (problems.size() > 1) {
    s += " (and " + std::to_string(problems.size() - 1) + " more problem" +
         (problems.size() > 2 ? "s" : "") + ")";
  }
  return s;
}
}  // namespace

ValueError::ValueError(const std::string& what, std::vector<JsonProblem> problems)
    : std::invalid_argument(what),
      problems_(problems.empty()
                    ? nullptr
                    : std::make_shared<const std::vector<JsonProblem>>(std::move(problems))) {}

std::vector<JsonProblem> ValueError::problems() const {
  if (problems_) return *problems_;
  return {JsonProblem{"", what()}};
}

ParseError::ParseError(std::string input, std::size_t offset, const std::string& reason)
    : ValueError(parse_message(input, offset, reason)),
      input_(std::move(input)),
      offset_(offset),
      reason_(reason) {}

JsonError::JsonError(std::string pointer, const std::string& reason)
    : JsonError(pointer, reason, {JsonProblem{pointer, reason}}) {}

JsonError::JsonError(std::string pointer, const std::string& reason,
                     std::vector<JsonProblem> problems)
    : ValueError((pointer.empty() ? std::string("(document)") : pointer) + ": " + reason,
                 std::move(problems)),
      pointer_(std::move(pointer)),
      reason_(reason) {}

JsonDocumentError::JsonDocumentError(std::vector<JsonProblem> problems)
    : JsonError(problems.empty() ? std::string() : problems.front().pointer,
                summary_reason(problems), problems) {}  // (a copy: argument order is unspecified)

IoError::IoError(std::string path, const std::string& reason)
    : std::runtime_error(path + ": " + reason), path_(std::move(path)) {}

IoError::IoError(std::string path, const std::string& reason, std::error_code code)
    : std::runtime_error(path + ": " + reason), path_(std::move(path)), code_(code) {}

}  // namespace danvan
