#include "json/journal_lines.hpp"

namespace danvan::detail {

ReplayResult for_each_journal_line(
    std::string_view text, const std::function<void(const Json&, const std::string&)>& apply) {
  ReplayResult result;
  std::size_t start = 0;
  std::size_t number = 0;
  while (start < text.size()) {
    ++number;
    const std::size_t nl = text.find('\n', start);
    const bool last = nl == std::string_view::npos || nl + 1 == text.size();
    const std::string where = "line " + std::to_string(number) + ": ";
    if (nl == std::string_view::npos) {
      result.torn_line = number;
      result.warning = where + "torn last line (no final newline); ignored";
      break;
    }
    const std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    Json value;
    try {
      value = parse_json(line);
    } catch (const JsonDocumentError& e) {
      if (last) {
        result.torn_line = number;
        result.warning = where + "torn last line (" + e.reason() + "); ignored";
        break;
      }
      throw ValueError(where + (e.pointer().empty() ? "" : e.pointer() + ": ") + e.reason());
    }
    apply(value, where);
    ++result.applied;
  }
  return result;
}

}  // namespace danvan::detail
