// Drafting a plan (kế hoạch) from its plain text, such as a news page announcing it.
#pragma once

#include "danvan/instrument.hpp"
#include "danvan/plan.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// Options of import_plan_text.
struct ImportOptions {
  /// Instruments and issuers to resolve references and the plan's issuer against (nullptr:
  /// none; every cited instrument and issuer is then drafted from the text).
  const InstrumentCatalogue* catalogue = nullptr;
  /// The plan id; "" derives one from the title (for the founding document
  /// "ke-hoach-thuc-hien-nam-dan-van-kheo-2020-trong-cac-co-quan").
  std::string id;
};

/// A drafted plan and what the drafter could not determine, one note per gap, e.g.
/// "symbol: the text does not state the plan's number".
struct ImportResult {
  Plan plan;                              ///< the draft; parts the text does not state stay empty
  std::vector<std::string> undetermined;  ///< one note per gap, in the plan's field order
};

/// Drafts a plan from plain text (any Unicode form; web-page noise such as visitor counters
/// around it is dropped). It takes: the page title, a header date in parentheses as the
/// publication date, and a short signature line after the body as the author (into `source`);
/// the plan's title, issuer, number and date from the sentence "<issuer> (vừa) ban hành Kế hoạch
/// ..."; purposes after "mục đích" and from paragraphs opening with "Đồng thời,"; requirements
/// after "yêu cầu"; legal bases from paragraphs opening with "Căn cứ"; the task areas numbered
/// "1.", "2.", ... with the references each cites (find_references, resolved against the
/// catalogue; unresolved ones become drafted instruments, ambiguous ones are left out and
/// noted); the campaign year from the title; the scope from "cơ quan hành chính" and "đơn vị sự
/// nghiệp công lập". Milestones, lead and participating units are not drafted (noted). The plan
/// validates (Plan::validate) whenever an issuer and a title were found. Throws ParseError for
/// malformed UTF-8.
ImportResult import_plan_text(std::string_view text, const ImportOptions& options = {});

}  // namespace danvan
