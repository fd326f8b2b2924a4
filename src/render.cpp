#include "danvan/render.hpp"

#include "danvan/error.hpp"
#include "enum_names.hpp"

#include <sstream>

namespace danvan {

namespace {

constexpr std::string_view unknown = "(không rõ)";

std::string scope_text(const Plan& plan) {
  std::string s;
  for (std::size_t i = 0; i < plan.scope.size(); ++i) {
    if (i) s += "; ";
    s += vietnamese_name(plan.scope[i]);
  }
  return s.empty() ? std::string(unknown) : s;
}

std::string when(const std::optional<PartialDate>& d) {
  if (!d) return std::string(unknown);
  return d->vietnamese();
}

/// "Chương trình 79-CTr/... ngày 11/10/2016 của ... (giai đoạn 2016–2021)".
std::string instrument_line(const Plan& plan, const Instrument& in) {
  std::string s = plan.catalogue.describe(in);
  if (in.period) {
    s += " (giai đoạn " + std::to_string(in.period->first) + "–" + std::to_string(in.period->last) +
         ")";
  }
  if (in.title) s += ": " + *in.title;
  return s;
}

class Writer {
 public:
  explicit Writer(PlanFormat format) : md_(format == PlanFormat::markdown) {}

  void title(const std::string& t) {
    if (md_) {
      out_ << "# " << t << "\n\n";
    } else {
      out_ << t << "\n" << std::string(40, '=') << "\n\n";
    }
  }
  void fact(std::string_view label, const std::string& value) {
    out_ << (md_ ? "- **" : "") << label << (md_ ? ":** " : ": ") << value << "\n";
  }
  void section(const std::string& heading) {
    out_ << "\n" << (md_ ? "## " : "") << heading << "\n" << (md_ ? "\n" : "");
  }
  void bullet(const std::string& text, int indent = 0) {
    out_ << std::string(static_cast<std::size_t>(indent) * (md_ ? 2 : 3), ' ') << "- " << text
         << "\n";
  }
  void numbered(int n, const std::string& text) { out_ << n << ". " << text << "\n"; }
  void line(const std::string& text) { out_ << text << "\n"; }
  std::string str() const { return out_.str(); }
  bool markdown() const { return md_; }

 private:
  bool md_;
  std::ostringstream out_;
};

}  // namespace

std::string render_plan(const Plan& plan, PlanFormat format) {
  Writer w(format);
  w.title(plan.title);
  const Issuer* issuer = plan.catalogue.find_issuer(plan.issuer_id);
  w.fact("Cơ quan ban hành", issuer ? issuer->name : plan.issuer_id);
  w.fact("Số, ký hiệu", plan.symbol ? plan.symbol->canonical() : std::string(unknown));
  w.fact("Ngày ban hành", when(plan.issue_date));
  w.fact("Năm thực hiện", std::to_string(plan.campaign_year));
  w.fact("Phạm vi", scope_text(plan));

  w.section("I. MỤC ĐÍCH");
  for (const auto& p : plan.purposes) w.bullet(p);
  w.section("II. YÊU CẦU");
  for (const auto& r : plan.requirements) w.bullet(r);
  w.section("III. CÁC SỰ KIỆN HƯỚNG TỚI");
  for (const auto& m : plan.milestones) w.bullet(m.name + " — " + when(m.date));
  if (!plan.legal_bases.empty()) {
    w.section("CĂN CỨ");
    for (const auto& c : plan.legal_bases) {
      w.bullet(instrument_line(plan, plan.catalogue.instrument(c.instrument_id)));
    }
  }
  w.section("IV. NỘI DUNG TRỌNG TÂM");
  for (const auto& t : plan.task_areas) {
    if (w.markdown()) w.line("");
    w.numbered(t.number, t.text);
    for (const auto& c : t.citations) {
      const Instrument& in = plan.catalogue.instrument(c.instrument_id);
      w.bullet("“" + c.cited_as + "” → " + plan.catalogue.describe(in), 1);
    }
    const auto names = [&](const std::vector<std::string>& ids) {
      std::string s;
      for (const auto& id : ids) s += (s.empty() ? "" : "; ") + plan.units.at(id).name;
      return s;
    };
    if (!t.lead_unit_ids.empty()) w.bullet("Chủ trì: " + names(t.lead_unit_ids), 1);
    if (!t.participating_unit_ids.empty()) {
      w.bullet("Phối hợp: " + names(t.participating_unit_ids), 1);
    }
  }
  const auto cited = plan.cited_instruments();
  w.section("V. VĂN BẢN ĐƯỢC VIỆN DẪN (" + std::to_string(cited.size()) + ")");
  int n = 0;
  for (const Instrument* in : cited) w.numbered(++n, instrument_line(plan, *in));
  if (plan.source) {
    w.section("NGUỒN");
    std::string s = plan.source->title;
    if (plan.source->published) s += ", " + plan.source->published->vietnamese();
    if (plan.source->author) s += ", " + *plan.source->author;
    if (plan.source->url) s += ", " + *plan.source->url;
    w.line(s);
    if (plan.source->note) w.line(*plan.source->note);
  }
  return w.str();
}

PlanFormat parse_plan_format(std::string_view text) {
  if (text == "text") return PlanFormat::text;
  if (text == "markdown") return PlanFormat::markdown;
  throw ValueError(detail::unknown_name_message("format", text, {"text", "markdown"}));
}

}  // namespace danvan
