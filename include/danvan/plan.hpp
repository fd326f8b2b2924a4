// Plans (kế hoạch): what a campaign sets out to do, on which bases, through which units.
#pragma once

#include "danvan/date.hpp"
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
  std::string instrument_id;
  std::string cited_as;
  friend bool operator==(const Citation&, const Citation&) = default;
};

/// A dated event the plan works toward (e.g. the 90th anniversary of mass-mobilisation work,
/// 15/10/2020). The date stays empty when the source does not give it.
struct Milestone {
  std::string id;
  std::string name;
  std::optional<PartialDate> date;
  friend bool operator==(const Milestone&, const Milestone&) = default;
};

/// A numbered focus task area (nội dung trọng tâm).
struct TaskArea {
  int number = 0;                                   ///< as numbered in the source, from 1
  std::string text;                                 ///< full text
  std::vector<Citation> citations;                  ///< instruments the text cites, in order
  std::vector<std::string> lead_unit_ids;           ///< đơn vị chủ trì
  std::vector<std::string> participating_unit_ids;  ///< đơn vị phối hợp
  friend bool operator==(const TaskArea&, const TaskArea&) = default;
};

/// Where the plan's text came from.
struct SourceInfo {
  std::string title;
  std::optional<PartialDate> published;
  std::optional<std::string> author;
  std::optional<std::string> url;
  std::optional<std::string> note;
  friend bool operator==(const SourceInfo&, const SourceInfo&) = default;
};

/// A plan together with what it refers to: the issuers and instruments it cites and the units
/// that carry it out. Check with validate().
struct Plan {
  std::string id;
  std::string title;
  std::string issuer_id;  ///< an issuer of `catalogue`
  std::optional<Symbol> symbol;
  std::optional<PartialDate> issue_date;
  int campaign_year = 0;
  std::vector<UnitKind> scope;            ///< kinds of unit the plan covers
  std::vector<std::string> purposes;      ///< mục đích
  std::vector<std::string> requirements;  ///< yêu cầu
  std::vector<Milestone> milestones;
  std::vector<Citation> legal_bases;  ///< căn cứ
  std::vector<TaskArea> task_areas;
  std::optional<SourceInfo> source;
  InstrumentCatalogue catalogue;
  UnitHierarchy units;

  /// Throws ValueError for: empty id or title, an unknown issuer, citations or unit ids that
  /// do not resolve, task areas not numbered 1..n in order, a campaign year out of 1900..2200,
  /// duplicate milestone ids.
  void validate() const;
  /// Every instrument the plan cites (legal bases, then task areas), each once, in first-cited
  /// order.
  [[nodiscard]] std::vector<const Instrument*> cited_instruments() const;

  friend bool operator==(const Plan&, const Plan&) = default;
};

}  // namespace danvan
