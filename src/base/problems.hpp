// Internal: problems collected while a document or a definition is checked, each located by
// an RFC 6901 JSON pointer. Used by the JSON readers and by core checks that report pointers
// (the calendar's definition) without knowing JSON.
#pragma once

#include "danvan/error.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace danvan::detail {

/// `pointer` + "/" + escaped key (RFC 6901).
std::string child_pointer(const std::string& pointer, std::string_view key);
std::string child_pointer(const std::string& pointer, std::size_t index);

/// Throws ValueError carrying `problems` (returns when there are none): what() is the reason
/// of a problem alone, or "<n> problems in <subject>: " and the first ten reasons ("; and <k>
/// more" when there are more). For a value's own check (UnitHierarchy::validate,
/// ProgressPlan::validate), whose pointers are places in the value's JSON form.
void throw_value_problems(std::vector<JsonProblem> problems, std::string_view subject);

/// Collects problems while a document is read; throws them all at the end.
class Problems {
 public:
  void add(std::string pointer, std::string reason);
  /// Every problem of `error`, thrown by a check of the value found at `base`: a problem whose
  /// pointer starts with `prefix` (its place in the value's own JSON form, e.g. "/units" for
  /// a UnitHierarchy's) is placed under `base` with that prefix replaced; any other at `base`.
  void add_all(const std::string& base, const ValueError& error, std::string_view prefix);
  [[nodiscard]] bool empty() const noexcept { return list_.empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return list_.size(); }
  /// Throws JsonDocumentError when any problem was recorded.
  void throw_if_any() const;
  [[nodiscard]] const std::vector<JsonProblem>& list() const noexcept { return list_; }

 private:
  std::vector<JsonProblem> list_;
};

}  // namespace danvan::detail
