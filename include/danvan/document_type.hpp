// Document types (loại văn bản) and the three numbering families.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace danvan {

/// The numbering family of a document's symbol (số, ký hiệu).
enum class DocumentFamily : std::uint8_t {
  state,  ///< state administrative (Nghị định 30/2020/NĐ-CP): "35/KH-UBND", "26/CT-TTg"
  legal,  ///< legal normative (Luật Ban hành VBQPPL): "04/2015/NĐ-CP", "02/2011/QH13"
  party,  ///< Party (Hướng dẫn 36-HD/VPTW): "217-QĐ/TW", "79-CTr/BDVTW-BCSĐCP"
};

/// What a document is, independent of family. Codes differ by family for a few types
/// (a Quy định is QyĐ in the state family and QĐi in the Party family).
enum class DocumentType : std::uint8_t {
  constitution,       ///< Hiến pháp
  code_of_law,        ///< Bộ luật
  law,                ///< Luật
  resolution,         ///< Nghị quyết (NQ)
  joint_resolution,   ///< Nghị quyết liên tịch (NQLT)
  ordinance,          ///< Pháp lệnh (PL)
  order,              ///< Lệnh (L)
  decree,             ///< Nghị định (NĐ)
  decision,           ///< Quyết định (QĐ)
  circular,           ///< Thông tư (TT)
  joint_circular,     ///< Thông tư liên tịch (TTLT)
  consolidated_text,  ///< Văn bản hợp nhất (VBHN)
  directive,          ///< Chỉ thị (CT)
  regulation,         ///< Quy chế (QC)
  rules,              ///< Quy định (QyĐ state, QĐi Party)
  public_notice,      ///< Thông cáo (TC)
  notice,             ///< Thông báo (TB)
  guidance,           ///< Hướng dẫn (HD)
  programme,          ///< Chương trình (CTr), incl. chương trình phối hợp / hành động
  plan,               ///< Kế hoạch (KH)
  option_plan,        ///< Phương án (PA)
  scheme,             ///< Đề án (ĐA)
  project,            ///< Dự án (DA)
  report,             ///< Báo cáo (BC)
  minutes,            ///< Biên bản (BB)
  submission,         ///< Tờ trình (TTr)
  contract,           ///< Hợp đồng (HĐ)
  official_telegram,  ///< Công điện (CĐ)
  invitation,         ///< Giấy mời (GM)
  introduction_letter,   ///< Giấy giới thiệu (GGT)
  authorisation_letter,  ///< Giấy ủy quyền (GUQ)
  dispatch_slip,         ///< Phiếu gửi (PG)
  transfer_slip,         ///< Phiếu chuyển (PC)
  notification_slip,     ///< Phiếu báo (PB)
  conclusion,            ///< Kết luận (KL), Party
  circular_instruction,  ///< Thông tri (TT), Party
  official_letter,       ///< Công văn (no type code in the state family; CV in the Party family)
};

/// One row of the document-type table.
struct DocumentTypeInfo {
  DocumentType type;            ///< the row's type
  std::string_view slug;        ///< stable English id used in JSON: "directive"
  std::string_view name;        ///< Vietnamese name, NFC: "Chỉ thị"
  std::string_view state_code;  ///< "" when the type has no state/legal code
  std::string_view party_code;  ///< "" when the Party family does not use the type
};

/// The whole table, in enum order.
std::span<const DocumentTypeInfo> document_types() noexcept;
/// The row of a type (a row of empty strings for a value outside the enum, reachable only by a
/// cast).
const DocumentTypeInfo& info(DocumentType type) noexcept;
/// The slug: "directive".
std::string_view to_string(DocumentType type) noexcept;
/// Inverse of to_string; throws ValueError naming the bad value.
DocumentType parse_document_type(std::string_view slug);
/// The type whose code (exact, case-sensitive: CT is not CTr, HD is not HĐ, DA is not ĐA) is
/// used in the family; nullopt when none. Accepts NFC or NFD input; nothing else is folded
/// ("QD" is not "QĐ"). The legal family uses the state codes. "TT" is a circular (Thông tư) in
/// the state and legal families and a circular_instruction (Thông tri) in the Party family.
/// Party "QĐ" is a decision, although older texts also write a Quy định (QĐi) so: the type
/// word decides, and that is the caller's job.
std::optional<DocumentType> type_from_code(std::string_view code, DocumentFamily family);
/// The type whose Vietnamese name matches after fold() and squeeze_spaces() (text.hpp), so
/// ignoring case, Unicode form and diacritics: "chỉ thị", "CHỈ THỊ" and "chi thi" all give
/// directive. nullopt for malformed UTF-8.
std::optional<DocumentType> type_from_name(std::string_view name);
/// The code of a type in a family ("" when it has none there).
std::string_view code_of(DocumentType type, DocumentFamily family) noexcept;

std::string_view to_string(DocumentFamily family) noexcept;  ///< "state", "legal", "party"
DocumentFamily parse_document_family(std::string_view text);

}  // namespace danvan
