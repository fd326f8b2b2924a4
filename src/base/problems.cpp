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

void Problems::add(std::string pointer, std::string reason) {
  list_.push_back(JsonProblem{std::move(pointer), std::move(reason)});
}

void Problems::throw_if_any() const {
  if (!list_.empty()) throw JsonDocumentError(list_);
}

}  // namespace danvan::detail
