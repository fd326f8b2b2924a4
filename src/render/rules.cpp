#include "danvan/rules.hpp"
#include "render/rules_section.hpp"

#include <sstream>

namespace danvan::detail {

namespace {

const char* const title = "Kiểm tra số liệu theo quy tắc";

/// "Lỗi: 1, cảnh báo: 2; 40 lần kiểm tra; 5 lần không kiểm tra được do thiếu số liệu."
std::string counts(const RuleCheck& c) {
  return "Lỗi: " + std::to_string(c.errors()) + ", cảnh báo: " + std::to_string(c.warnings()) +
         "; " + std::to_string(c.evaluated) + " lần kiểm tra; " +
         std::to_string(c.not_evaluated.size()) +
         " lần không kiểm tra được do thiếu số liệu (không coi là 0).";
}

}  // namespace

std::string rules_section_text(const ProgressSummary& s, bool md) {
  if (!s.rules) return "";
  const RuleCheck& c = *s.rules;
  std::ostringstream o;
  if (md) {
    o << "## " << title << "\n\n";
  } else {
    o << title << "\n" << std::string(40, '-') << "\n";
  }
  o << counts(c) << "\n";
  const char* item = md ? "- " : "  - ";
  for (const auto importance : {RuleImportance::error, RuleImportance::warning}) {
    const std::size_t n = importance == RuleImportance::error ? c.errors() : c.warnings();
    if (n == 0) continue;
    const std::string name = importance == RuleImportance::error ? "Lỗi" : "Cảnh báo";
    o << "\n" << (md ? "**" : "") << name << " (" << n << "):" << (md ? "**\n\n" : "\n");
    for (const auto& v : c.violations) {
      if (v.importance == importance) o << item << describe_rule_result(v) << "\n";
    }
  }
  o << "\n";
  return o.str();
}

std::string rules_section_html(const ProgressSummary& s,
                               const std::function<std::string(std::string_view)>& esc) {
  if (!s.rules) return "";
  const RuleCheck& c = *s.rules;
  std::ostringstream o;
  o << "<h2>" << title << "</h2>\n<p class=\"note\">" << esc(counts(c)) << "</p>\n";
  for (const auto importance : {RuleImportance::error, RuleImportance::warning}) {
    const std::size_t n = importance == RuleImportance::error ? c.errors() : c.warnings();
    if (n == 0) continue;
    const bool error = importance == RuleImportance::error;
    o << "<h3>" << (error ? "Lỗi" : "Cảnh báo") << " (" << n << ")</h3>\n<ul class=\""
      << (error ? "rule-errors" : "rule-warnings") << "\">\n";
    for (const auto& v : c.violations) {
      if (v.importance == importance) o << "<li>" << esc(describe_rule_result(v)) << "</li>\n";
    }
    o << "</ul>\n";
  }
  return o.str();
}

}  // namespace danvan::detail
