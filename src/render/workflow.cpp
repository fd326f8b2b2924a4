#include "danvan/workflow.hpp"
#include "render/workflow_section.hpp"

#include <cstdio>
#include <sstream>

namespace danvan::detail {

namespace {

std::string dmy(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", static_cast<int>(d.day()),
                static_cast<int>(d.month()), static_cast<int>(d.year()));
  return buf;
}

std::string name_of(const ProgressPlan& plan, const std::string& id) {
  const Unit* u = plan.units.find(id);
  return u == nullptr ? id : u->name;
}

std::string names_of(const ProgressPlan& plan, const std::vector<std::string>& ids) {
  if (ids.empty()) return "(không có đơn vị duyệt)";
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + name_of(plan, id);
  return out;
}

/// "Xã Một, 202004: gửi 05/05/2020, chờ Huyện Thử duyệt"
std::string awaiting_line(const ProgressPlan& plan, const WorkflowItem& i) {
  return name_of(plan, i.unit_id) + ", " + i.period.id() + ": gửi " + dmy(i.since) + ", chờ " +
         names_of(plan, i.waits_on) + " duyệt";
}

/// "Xã Hai, 202004: trả lại 07/05/2020 bởi Huyện Thử (Nguyễn Văn A) — lý do: sai số liệu"
std::string returned_line(const ProgressPlan& plan, const WorkflowItem& i) {
  return name_of(plan, i.unit_id) + ", " + i.period.id() + ": trả lại " + dmy(i.since) + " bởi " +
         name_of(plan, i.actor_unit_id) + (i.person ? " (" + *i.person + ")" : std::string()) +
         " — lý do: " + i.reason.value_or("");
}

}  // namespace

std::string workflow_basis_note(const ProgressSummary& s) {
  if (!s.workflow) return "";
  const auto& w = *s.workflow;
  if (w.basis == RollupBasis::approved) {
    return "Số liệu chỉ tính các báo cáo đã duyệt; " + std::to_string(w.left_out) +
           " báo cáo đã gửi nhưng chưa duyệt hoặc bị trả lại không được tính.";
  }
  std::string out = "Số liệu tính mọi báo cáo đã gửi";
  if (w.unapproved_counted > 0) {
    out += ", trong đó " + std::to_string(w.unapproved_counted) + " báo cáo chưa được duyệt (*)";
  }
  out +=
      "; " + std::to_string(w.left_out) + " báo cáo bị trả lại hoặc còn dự thảo không được tính.";
  return out;
}

std::string workflow_section_text(const ProgressPlan& plan, const ProgressSummary& s, bool md) {
  if (!s.workflow) return "";
  const auto& w = *s.workflow;
  std::ostringstream o;
  if (md) {
    o << "## Chờ duyệt / bị trả lại\n\n";
    o << "| Đơn vị | Đã duyệt | Chờ duyệt | Bị trả lại | Chưa gửi |\n| --- | ---: | ---: | ---: | "
         "---: "
         "|\n";
  } else {
    o << "Chờ duyệt / bị trả lại\n" << std::string(40, '-') << "\n";
    o << "Đơn vị | Đã duyệt | Chờ duyệt | Bị trả lại | Chưa gửi\n";
  }
  for (std::size_t k = 0; k < s.nodes.size() && k < w.nodes.size(); ++k) {
    std::string pad;
    for (int i = 0; i < s.nodes[k].depth; ++i) pad += md ? "— " : "  ";
    const auto& c = w.nodes[k];
    o << (md ? "| " : "") << pad << s.nodes[k].name << " | " << c.approved << " | " << c.awaiting
      << " | " << c.returned << " | " << c.open << (md ? " |" : "") << "\n";
  }
  o << "\n";
  const char* item = md ? "- " : "  - ";
  o << (md ? "**Chờ duyệt (" : "Chờ duyệt (") << w.awaiting.size() << (md ? "):**\n\n" : "):\n");
  for (const auto& i : w.awaiting) o << item << awaiting_line(plan, i) << "\n";
  if (w.awaiting.empty()) o << item << "không có\n";
  o << "\n"
    << (md ? "**Bị trả lại (" : "Bị trả lại (") << w.returned.size() << (md ? "):**\n\n" : "):\n");
  for (const auto& i : w.returned) o << item << returned_line(plan, i) << "\n";
  if (w.returned.empty()) o << item << "không có\n";
  o << "\n";
  return o.str();
}

std::string workflow_section_html(const ProgressPlan& plan, const ProgressSummary& s,
                                  const std::function<std::string(std::string_view)>& esc) {
  if (!s.workflow) return "";
  const auto& w = *s.workflow;
  std::ostringstream o;
  o << "<h2>Chờ duyệt / bị trả lại</h2>\n<table class=\"workflow\"><tr><th>Đơn vị</th>"
       "<th>Đã duyệt</th><th>Chờ duyệt</th><th>Bị trả lại</th><th>Chưa gửi</th></tr>\n";
  for (std::size_t k = 0; k < s.nodes.size() && k < w.nodes.size(); ++k) {
    const auto& c = w.nodes[k];
    o << "<tr><td style=\"padding-left:" << 8 + 16 * s.nodes[k].depth << "px\">"
      << esc(s.nodes[k].name) << "</td><td>" << c.approved << "</td><td>" << c.awaiting
      << "</td><td>" << c.returned << "</td><td>" << c.open << "</td></tr>\n";
  }
  o << "</table>\n<h3>Chờ duyệt (" << w.awaiting.size() << ")</h3>\n<ul class=\"awaiting\">\n";
  for (const auto& i : w.awaiting) o << "<li>" << esc(awaiting_line(plan, i)) << "</li>\n";
  o << "</ul>\n<h3>Bị trả lại (" << w.returned.size() << ")</h3>\n<ul class=\"returned\">\n";
  for (const auto& i : w.returned) o << "<li>" << esc(returned_line(plan, i)) << "</li>\n";
  o << "</ul>\n";
  return o.str();
}

}  // namespace danvan::detail
