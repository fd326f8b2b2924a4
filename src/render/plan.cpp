#include "danvan/render.hpp"

#include "base/enum_names.hpp"
#include "danvan/error.hpp"

#include <algorithm>
#include <cstdio>
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

std::string period_text(const std::optional<PlanPeriod>& p) {
  if (!p) return std::string(unknown);
  const std::string from = p->from ? p->from->vietnamese() : std::string();
  const std::string to = p->to ? p->to->vietnamese() : std::string();
  std::string s;
  if (p->from && p->to && *p->from == *p->to) {
    s = "năm " + from;
    if (p->from->precision() != DatePrecision::year) s = from;
  } else if (p->from && p->to) {
    s = from + "–" + to;
  } else if (p->to) {
    s = "đến " + to;
  } else {
    s = "từ " + from;
  }
  if (!p->text.empty()) s += " (“" + p->text + "”)";
  return s;
}

std::string first_line(const std::string& text) {
  const std::size_t nl = text.find('\n');
  return nl == std::string::npos ? text : text.substr(0, nl) + " …";
}

// At most `max` bytes of `text`, cut before a UTF-8 continuation byte.
std::size_t utf8_prefix(const std::string& text, std::size_t max) {
  std::size_t n = std::min(max, text.size());
  while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

std::string role_text(DutyRole role) {
  switch (role) {
    case DutyRole::lead:
      return "chủ trì";
    case DutyRole::coordinate:
      return "phối hợp";
    case DutyRole::unspecified:
      break;
  }
  return "";
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

// The plan's facts, purposes, requirements, targets, events and legal bases.
void write_opening(Writer& w, const Plan& plan) {
  w.title(plan.title);
  const Issuer* issuer = plan.catalogue.find_issuer(plan.issuer_id);
  w.fact("Cơ quan ban hành", issuer ? issuer->name : plan.issuer_id);
  if (!plan.issuer_header.empty()) {
    std::string header;
    for (const auto& l : plan.issuer_header) header += (header.empty() ? "" : " / ") + l;
    w.fact("Tiêu đề cơ quan (như văn bản ghi)", header);
  }
  w.fact("Số, ký hiệu", plan.symbol ? plan.symbol->canonical() : std::string(unknown));
  w.fact("Ngày ban hành", when(plan.issue_date));
  if (plan.document_type != DocumentType::plan) {
    w.fact("Loại văn bản", std::string(info(plan.document_type).name));
  }
  if (plan.place) w.fact("Địa danh", *plan.place);
  w.fact("Thời gian thực hiện", period_text(plan.period));
  w.fact("Phạm vi", scope_text(plan));

  w.section("I. MỤC ĐÍCH");
  for (const auto& p : plan.purposes) w.bullet(p);
  w.section("II. YÊU CẦU");
  for (const auto& r : plan.requirements) w.bullet(r);
  if (!plan.targets.empty()) {
    w.section("MỤC TIÊU");
    for (const auto& t : plan.targets) w.bullet(t);
  }
  w.section("III. CÁC SỰ KIỆN HƯỚNG TỚI");
  for (const auto& m : plan.milestones) w.bullet(m.name + " — " + when(m.date));
  if (!plan.legal_bases.empty()) {
    w.section("CĂN CỨ");
    for (const auto& c : plan.legal_bases) {
      w.bullet(instrument_line(plan, plan.catalogue.instrument(c.instrument_id)));
    }
  }
}

// Section IV: the task areas with their citations and units.
void write_task_areas(Writer& w, const Plan& plan) {
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
}

// Duties, funding and reporting.
void write_organisation(Writer& w, const Plan& plan) {
  if (!plan.duties.empty()) {
    w.section("TỔ CHỨC THỰC HIỆN");
    for (const auto& d : plan.duties) {
      const std::string role = role_text(d.role);
      std::string unit = d.unit;
      if (d.unit_id) {
        const Unit* u = plan.units.find(*d.unit_id);
        unit += " [" + (u != nullptr ? u->name : *d.unit_id) + "]";
      }
      w.bullet(unit + (role.empty() ? "" : " (" + role + ")") + (d.text.empty() ? "" : ": ") +
               first_line(d.text));
    }
  }
  if (!plan.funding.empty()) {
    w.section("KINH PHÍ");
    for (const auto& f : plan.funding) w.bullet(f);
  }
  if (!plan.reporting.empty()) {
    w.section("CHẾ ĐỘ BÁO CÁO");
    for (const auto& r : plan.reporting) {
      std::string when_text;
      if (r.every_year) {
        when_text = "hằng năm trước ngày " + std::to_string(r.every_year->day) + "/" +
                    std::to_string(r.every_year->month);
      } else if (r.date) {
        when_text = "hạn " + r.date->vietnamese();
      } else if (r.every_month) {
        when_text = "hằng tháng trước ngày " + std::to_string(*r.every_month);
      } else if (r.every_day) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%02dh%02d", r.every_day->hour % 100,
                      r.every_day->minute % 100);
        when_text = std::string("hằng ngày trước ") + buf;
      }
      w.bullet((when_text.empty() ? "" : when_text + ": ") + r.text);
    }
  }
}

// Cited documents, signature and recipients, annexes, source.
void write_closing(Writer& w, const Plan& plan) {
  const auto cited = plan.cited_instruments();
  w.section("V. VĂN BẢN ĐƯỢC VIỆN DẪN (" + std::to_string(cited.size()) + ")");
  int n = 0;
  for (const Instrument* in : cited) w.numbered(++n, instrument_line(plan, *in));
  if (plan.signature || !plan.recipients.empty()) {
    w.section("NGƯỜI KÝ, NƠI NHẬN");
    if (plan.signature) {
      std::string s = plan.signature->authority;
      for (const std::string* part : {&plan.signature->title, &plan.signature->name}) {
        if (!part->empty()) s += (s.empty() ? "" : " / ") + *part;
      }
      w.fact("Người ký", s.empty() ? std::string(unknown) : s);
    }
    if (!plan.recipients.empty()) {
      w.fact("Nơi nhận", std::to_string(plan.recipients.size()));
      for (const auto& r : plan.recipients) w.bullet(r, 1);
    }
  }
  if (!plan.annexes.empty()) {
    w.section("PHỤ LỤC");
    for (const auto& a : plan.annexes) {
      w.bullet(a.title);
      for (const auto& t : a.tables) {
        w.bullet("bảng " + std::to_string(t.rows.size()) + " dòng", 1);
      }
    }
  }
  if (!plan.outline.empty()) {
    // The document's own outline: its headings and numbering as written, the first two levels
    // (the full outline is in the JSON).
    std::size_t shown = 0;
    for (const auto& o : plan.outline) shown += o.level <= 1 ? 1 : 0;
    w.section("BỐ CỤC VĂN BẢN (" + std::to_string(plan.outline.size()) + " mục, " +
              std::to_string(shown) + " mục hai cấp đầu)");
    for (const auto& o : plan.outline) {
      if (o.level > 1) continue;
      const std::string text = first_line(o.text);
      w.line(std::string(static_cast<std::size_t>(o.level) * (w.markdown() ? 2 : 3), ' ') +
             (w.markdown() ? "- " : "") + o.label + (o.label.empty() ? "" : " ") +
             (text.size() > 120 ? text.substr(0, utf8_prefix(text, 120)) + "…" : text));
    }
  }
  if (plan.source) {
    w.section("NGUỒN");
    std::string s = plan.source->title;
    if (plan.source->published) s += ", " + plan.source->published->vietnamese();
    if (plan.source->author) s += ", " + *plan.source->author;
    if (plan.source->url) s += ", " + *plan.source->url;
    w.line(s);
    if (plan.source->note) w.line(*plan.source->note);
  }
}

}  // namespace

std::string render_plan(const Plan& plan, PlanFormat format) {
  Writer w(format);
  write_opening(w, plan);
  write_task_areas(w, plan);
  write_organisation(w, plan);
  write_closing(w, plan);
  return w.str();
}

PlanFormat parse_plan_format(std::string_view text) {
  if (text == "text") return PlanFormat::text;
  if (text == "markdown") return PlanFormat::markdown;
  throw ValueError(detail::unknown_name_message("format", text, {"text", "markdown"}));
}

}  // namespace danvan
