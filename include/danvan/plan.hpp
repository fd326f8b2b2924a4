// Plans (kế hoạch): what a campaign sets out to do, on which bases, through which units.
#pragma once

#include "danvan/date.hpp"
#include "danvan/document_type.hpp"
#include "danvan/instrument.hpp"
#include "danvan/symbol.hpp"
#include "danvan/unit.hpp"

#include <optional>
#include <string>
#include <vector>

namespace danvan {

/// A mention of an instrument in a plan's text: which instrument, and how the text cites it
/// ("Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy").
struct Citation {
  std::string instrument_id;  ///< an instrument of the plan's catalogue
  std::string cited_as;       ///< the words of the text that cite it
  friend bool operator==(const Citation&, const Citation&) = default;
};

/// A dated event the plan works toward (e.g. the 90th anniversary of mass-mobilisation work,
/// 15/10/2020). The date stays empty when the source does not give it.
struct Milestone {
  std::string id;    ///< unique within the plan, [a-z0-9-]+
  std::string name;  ///< "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
  std::optional<PartialDate> date;  ///< at the precision the source gives
  friend bool operator==(const Milestone&, const Milestone&) = default;
};

/// A numbered focus task area (nội dung trọng tâm, nhiệm vụ).
struct TaskArea {
  int number = 0;                                   ///< position in the plan, from 1
  std::string text;                                 ///< the item's own text
  std::vector<Citation> citations;                  ///< instruments the text cites, in order
  std::vector<std::string> lead_unit_ids;           ///< đơn vị chủ trì
  std::vector<std::string> participating_unit_ids;  ///< đơn vị phối hợp
  std::string label;                 ///< its numbering as written: "1.", "II.", "(3)"
  std::vector<std::string> details;  ///< its sub-items, as written with their numbering
  friend bool operator==(const TaskArea&, const TaskArea&) = default;
};

/// The time a plan covers (thời gian thực hiện): a year ("năm 2026": from = to = 2026), a phase
/// ("giai đoạn 2021 - 2025"), an open end ("đến năm 2030": only `to`) or a date range ("từ tháng
/// 10/2025 đến tháng 12/2025"), each bound at the precision the text gives. Invariant (validate):
/// at least one bound, and from <= to by first day.
struct PlanPeriod {
  std::optional<PartialDate> from;  ///< first bound; empty for "đến năm 2030"
  std::optional<PartialDate> to;    ///< last bound (inclusive); empty when open
  std::string text;                 ///< as written, "" when built by hand
  /// One calendar year.
  static PlanPeriod year(int y) { return PlanPeriod{PartialDate(y), PartialDate(y), ""}; }
  friend bool operator==(const PlanPeriod&, const PlanPeriod&) = default;
};

/// Who signs the document (chữ ký): "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / "Nguyễn Văn A". Parts the
/// text does not give stay empty.
struct Signature {
  std::string authority;  ///< thẩm quyền ký: "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", or ""
  std::string title;      ///< chức vụ: "PHÓ CHỦ TỊCH"
  std::string name;       ///< họ tên
  friend bool operator==(const Signature&, const Signature&) = default;
};

/// How a unit takes part in carrying out the plan.
enum class DutyRole : std::uint8_t {
  unspecified,  ///< the text gives duties without saying lead or coordinate
  lead,         ///< chủ trì, tham mưu, đầu mối
  coordinate,   ///< phối hợp
};
std::string_view to_string(DutyRole role) noexcept;  ///< "unspecified", "lead", "coordinate"
/// Inverse of to_string; throws ValueError naming the accepted values.
DutyRole parse_duty_role(std::string_view text);

/// A unit's duties in the organisation section (tổ chức thực hiện): "Sở Nội vụ: chủ trì, ...".
struct Duty {
  std::string unit;                       ///< the unit as written: "Sở Nội vụ"
  std::optional<std::string> unit_id;     ///< a unit of the plan's hierarchy, when resolved
  DutyRole role = DutyRole::unspecified;  ///< lead, coordinate, or not said
  std::string text;                       ///< what the unit is to do, as written
  friend bool operator==(const Duty&, const Duty&) = default;
};

/// A day of the year without a year ("trước ngày 15/12" every year).
struct MonthDay {
  int month = 1;  ///< 1..12
  int day = 1;    ///< 1..31, existing in that month in some year
  friend bool operator==(const MonthDay&, const MonthDay&) = default;
};

/// True when the day exists in some year (29/02 does).
bool is_valid_month_day(MonthDay d) noexcept;

/// A time of day, 00:00 to 23:59 ("trước 16h00 hằng ngày").
struct TimeOfDay {
  int hour = 0;    ///< 0..23
  int minute = 0;  ///< 0..59
  friend bool operator==(const TimeOfDay&, const TimeOfDay&) = default;
};

/// True when 0 <= hour <= 23 and 0 <= minute <= 59.
bool is_valid_time_of_day(TimeOfDay t) noexcept;

/// A reporting duty (chế độ báo cáo): "báo cáo về UBND tỉnh trước ngày 15/12". The deadline is
/// a day of every year, a day of every month ("trước ngày 20 hằng tháng"), a time of every day
/// ("trước 16h00 hằng ngày") or one date; at most one is set, none when the text states no
/// deadline.
struct ReportingDuty {
  std::string text;                    ///< the duty as written
  std::optional<MonthDay> every_year;  ///< a day of every year ("trước ngày 15/12")
  std::optional<PartialDate> date;     ///< one date ("trước ngày 30/11/2020")
  std::optional<int> every_month;      ///< day of the month, 1..31
  std::optional<TimeOfDay> every_day;  ///< JSON "every_day": "HH:MM", written only when set
  friend bool operator==(const ReportingDuty&, const ReportingDuty&) = default;
};

/// A table as rows of cells (text), the first row as written (often the header).
struct Table {
  std::vector<std::vector<std::string>> rows;  ///< rows of cells; rows may differ in length
  friend bool operator==(const Table&, const Table&) = default;
};

/// An annex (phụ lục): its title ("Phụ lục I: Danh mục nhiệm vụ ...") and its tables.
struct Annex {
  std::string title;          ///< as written, "" when the annex has none
  std::vector<Table> tables;  ///< its tables, in order
  friend bool operator==(const Annex&, const Annex&) = default;
};

/// One heading or item of the document's own outline, in document order: its depth (0 for the
/// top level), its numbering as written ("I.", "1.", "1.1.", "a)", "(1)", "-", "+", "" for an
/// unnumbered heading or paragraph) and its text. Kept so that nothing is lost when a section
/// does not map to a known part of the plan.
struct OutlineItem {
  int level = 0;      ///< depth, 0 for the top level
  std::string label;  ///< numbering as written, "" when none
  std::string text;   ///< the heading's or item's text
  friend bool operator==(const OutlineItem&, const OutlineItem&) = default;
};

/// Where the plan's text came from.
struct SourceInfo {
  std::string title;                     ///< the source's title (a web page, a file)
  std::optional<PartialDate> published;  ///< when the source was published
  std::optional<std::string> author;     ///< who published it
  std::optional<std::string> url;        ///< where it was found
  std::optional<std::string> note;       ///< anything else worth knowing about the source
  friend bool operator==(const SourceInfo&, const SourceInfo&) = default;
};

/// A plan together with what it refers to: the issuers and instruments it cites and the units
/// that carry it out. Check with validate().
struct Plan {
  std::string id;                         ///< stable id, [a-z0-9-]+
  std::string title;                      ///< the title (trích yếu) as written, on one line
  std::string issuer_id;                  ///< an issuer of `catalogue`
  std::optional<Symbol> symbol;           ///< số, ký hiệu: "19/KH-UBND"
  std::optional<PartialDate> issue_date;  ///< ngày ban hành
  DocumentType document_type = DocumentType::plan;  ///< the type word of the header
  std::optional<std::string> place;                 ///< địa danh of the place-date line
  std::vector<std::string> issuer_header;           ///< the header's issuer lines as written
  std::optional<PlanPeriod> period;       ///< thời gian thực hiện; replaces campaign_year
  std::vector<UnitKind> scope;            ///< kinds of unit the plan covers
  std::vector<std::string> purposes;      ///< mục đích
  std::vector<std::string> requirements;  ///< yêu cầu
  std::vector<std::string> targets;       ///< mục tiêu
  std::vector<Milestone> milestones;      ///< dated events the plan works toward
  std::vector<Citation> legal_bases;      ///< căn cứ
  std::vector<TaskArea> task_areas;       ///< nội dung, nhiệm vụ, numbered 1..n
  std::vector<Duty> duties;               ///< tổ chức thực hiện
  std::vector<std::string> funding;       ///< kinh phí, paragraphs as written
  std::vector<ReportingDuty> reporting;   ///< chế độ báo cáo
  std::optional<Signature> signature;     ///< người ký
  std::vector<std::string> recipients;    ///< nơi nhận
  std::vector<Annex> annexes;             ///< phụ lục
  std::vector<OutlineItem> outline;       ///< the whole body, heading by heading
  std::optional<SourceInfo> source;       ///< where the text came from
  InstrumentCatalogue catalogue;          ///< issuers and instruments the plan names
  UnitHierarchy units;                    ///< the units its duties and task areas name

  /// Throws ValueError for: empty id or title, an unknown issuer, citations or unit ids that
  /// do not resolve, task areas not numbered 1..n in order, a period without bounds or ending
  /// before it starts (a plan may state no period), duplicate milestone ids, a duty without a unit,
  /// a reporting duty with two deadlines or an impossible day, a negative outline level.
  void validate() const;
  /// Every instrument the plan cites (legal bases, then task areas), each once, in first-cited
  /// order.
  [[nodiscard]] std::vector<const Instrument*> cited_instruments() const;

  friend bool operator==(const Plan&, const Plan&) = default;
};

}  // namespace danvan
