#include "base/problems.hpp"

#include <utility>

namespace danvan::detail {

std::string child_pointer(const std::string& pointer, std::string_view key) {
  std::string out = pointer;
  out += '/';
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child_pointer(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

void throw_value_problems(std::vector<JsonProblem> problems, std::string_view subject) {
  constexpr std::size_t kNamed = 10;  // reasons named in what(); problems() holds every one
  if (problems.empty()) return;
  if (problems.size() == 1) {
    std::string message = problems.front().reason;
    throw ValueError(message, std::move(problems));
  }
  std::string message =
      std::to_string(problems.size()) + " problems in " + std::string(subject) + ": ";
  for (std::size_t i = 0; i < problems.size() && i < kNamed; ++i) {
    if (i > 0) message += "; ";
    message += problems[i].reason;
  }
  if (problems.size() > kNamed) {
    message += "; and " + std::to_string(problems.size() - kNamed) + " more";
  }
  throw ValueError(message, std::move(problems));
}

void Problems::add_all(const std::string& base, const ValueError& error, std::string_view prefix) {
  for (JsonProblem& problem : error.problems()) {
    const std::string_view at = problem.pointer;
    const bool under = at.substr(0, prefix.size()) == prefix &&
                       (at.size() == prefix.size() || at[prefix.size()] == '/');
    add(under ? base + std::string(at.substr(prefix.size())) : base, std::move(problem.reason));
  }
}

void Problems::add(std::string pointer, std::string reason) {
  list_.push_back(JsonProblem{std::move(pointer), std::move(reason)});
}

void Problems::throw_if_any() const {
  if (!list_.empty()) throw JsonDocumentError(list_);
}

}  // namespace danvan::detail
