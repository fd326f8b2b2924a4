#include "danvan/error.hpp"

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

ParseError::ParseError(std::string input, std::size_t offset, const std::string& reason)
    : ValueError(parse_message(input, offset, reason)),
      input_(std::move(input)),
      offset_(offset),
      reason_(reason) {}

JsonError::JsonError(std::string pointer, const std::string& reason)
    : ValueError((pointer.empty() ? std::string("(document)") : pointer) + ": " + reason),
      pointer_(std::move(pointer)),
      reason_(reason) {}

JsonDocumentError::JsonDocumentError(std::vector<JsonProblem> problems)
    : JsonError(problems.empty() ? std::string() : problems.front().pointer,
                summary_reason(problems)),
      problems_(std::move(problems)) {}

IoError::IoError(std::string path, const std::string& reason)
    : std::runtime_error(path + ": " + reason), path_(std::move(path)) {}

IoError::IoError(std::string path, const std::string& reason, std::error_code code)
    : std::runtime_error(path + ": " + reason), path_(std::move(path)), code_(code) {}

}  // namespace danvan
