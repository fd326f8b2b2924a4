// Document types: the table of slugs, Vietnamese names and the codes each family uses.
//
// Sources: Nghị định 30/2020/NĐ-CP (state administrative codes), Luật Ban hành văn bản quy phạm
// pháp luật (legal normative documents, which use the same codes), Hướng dẫn 36-HD/VPTW (Party
// codes). Codes are compared exactly (case-sensitive, after NFC normalisation): "CT" (Chỉ thị)
// is not "CTr" (Chương trình), "HD" (Hướng dẫn) is not "HĐ" (Hợp đồng), "ĐA" (Đề án) is not
// "DA" (Dự án), and "QĐ" (Quyết định) is neither "QyĐ" (state Quy định) nor "QĐi" (Party Quy
// định). ASCII renderings such as "QD" or "ND" are not folded onto "QĐ"/"NĐ": folding "HĐ" would
// collide with the real code "HD".
#include "danvan/document_type.hpp"

#include "base/enum_names.hpp"
#include "danvan/error.hpp"
#include "danvan/text.hpp"

#include <array>
#include <cstddef>
#include <string>

namespace danvan {

namespace {

using T = DocumentType;

// In enum order; checked below at compile time.
constexpr std::array<DocumentTypeInfo, 37> kTypes{{
    {T::constitution, "constitution", "Hiến pháp", "", ""},
    {T::code_of_law, "code_of_law", "Bộ luật", "", ""},
    {T::law, "law", "Luật", "", ""},
    {T::resolution, "resolution", "Nghị quyết", "NQ", "NQ"},
    {T::joint_resolution, "joint_resolution", "Nghị quyết liên tịch", "NQLT", ""},
    {T::ordinance, "ordinance", "Pháp lệnh", "PL", ""},
    {T::order, "order", "Lệnh", "L", ""},
    {T::decree, "decree", "Nghị định", "NĐ", ""},
    {T::decision, "decision", "Quyết định", "QĐ", "QĐ"},
    {T::circular, "circular", "Thông tư", "TT", ""},
    {T::joint_circular, "joint_circular", "Thông tư liên tịch", "TTLT", ""},
    {T::consolidated_text, "consolidated_text", "Văn bản hợp nhất", "VBHN", ""},
    {T::directive, "directive", "Chỉ thị", "CT", "CT"},
    {T::regulation, "regulation", "Quy chế", "QC", "QC"},
    {T::rules, "rules", "Quy định", "QyĐ", "QĐi"},
    {T::public_notice, "public_notice", "Thông cáo", "TC", ""},
    {T::notice, "notice", "Thông báo", "TB", "TB"},
    {T::guidance, "guidance", "Hướng dẫn", "HD", "HD"},
    {T::programme, "programme", "Chương trình", "CTr", "CTr"},
    {T::plan, "plan", "Kế hoạch", "KH", "KH"},
    {T::option_plan, "option_plan", "Phương án", "PA", ""},
    {T::scheme, "scheme", "Đề án", "ĐA", "ĐA"},
    {T::project, "project", "Dự án", "DA", ""},
    {T::report, "report", "Báo cáo", "BC", "BC"},
    {T::minutes, "minutes", "Biên bản", "BB", "BB"},
    {T::submission, "submission", "Tờ trình", "TTr", "TTr"},
    {T::contract, "contract", "Hợp đồng", "HĐ", ""},
    {T::official_telegram, "official_telegram", "Công điện", "CĐ", ""},
    {T::invitation, "invitation", "Giấy mời", "GM", ""},
    {T::introduction_letter, "introduction_letter", "Giấy giới thiệu", "GGT", ""},
    {T::authorisation_letter, "authorisation_letter", "Giấy ủy quyền", "GUQ", ""},
    {T::dispatch_slip, "dispatch_slip", "Phiếu gửi", "PG", ""},
    {T::transfer_slip, "transfer_slip", "Phiếu chuyển", "PC", ""},
    {T::notification_slip, "notification_slip", "Phiếu báo", "PB", ""},
    {T::conclusion, "conclusion", "Kết luận", "", "KL"},
    {T::circular_instruction, "circular_instruction", "Thông tri", "", "TT"},
    {T::official_letter, "official_letter", "Công văn", "", "CV"},
}};

static_assert(kTypes.size() == static_cast<std::size_t>(T::official_letter) + 1,
              "one row per DocumentType");

constexpr bool in_enum_order() {
  for (std::size_t i = 0; i < kTypes.size(); ++i) {
    if (static_cast<std::size_t>(kTypes[i].type) != i) return false;
  }
  return true;
}
static_assert(in_enum_order(), "kTypes must be in enum order");

// Within one column, every non-empty code appears once (so type_from_code is a function).
template <typename Column>
constexpr bool codes_unique(Column column) {
  for (std::size_t i = 0; i < kTypes.size(); ++i) {
    for (std::size_t j = i + 1; j < kTypes.size(); ++j) {
      if (!column(kTypes[i]).empty() && column(kTypes[i]) == column(kTypes[j])) return false;
    }
  }
  return true;
}
static_assert(codes_unique([](const DocumentTypeInfo& r) { return r.state_code; }),
              "state codes must be unique");
static_assert(codes_unique([](const DocumentTypeInfo& r) { return r.party_code; }),
              "Party codes must be unique");

// What info() returns for a value outside the enum (reachable only through a cast).
constexpr DocumentTypeInfo kInvalidRow{static_cast<DocumentType>(0xFF), "", "", "", ""};

bool is_ascii(std::string_view text) noexcept {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// The symbol parser asks this for every part of every symbol it reads: the column is chosen
// once and a code is compared only when its length and first byte match.
std::optional<DocumentType> exact_code(std::string_view code, DocumentFamily family) noexcept {
  if (code.empty()) return std::nullopt;
  const bool party = family == DocumentFamily::party;
  for (const auto& row : kTypes) {
    const std::string_view candidate = party ? row.party_code : row.state_code;
    if (candidate.size() == code.size() && candidate[0] == code[0] && candidate == code) {
      return row.type;
    }
  }
  return std::nullopt;
}

}  // namespace

std::span<const DocumentTypeInfo> document_types() noexcept { return kTypes; }

const DocumentTypeInfo& info(DocumentType type) noexcept {
  const auto index = static_cast<std::size_t>(type);
  return index < kTypes.size() ? kTypes[index] : kInvalidRow;
}

std::string_view to_string(DocumentType type) noexcept { return info(type).slug; }

DocumentType parse_document_type(std::string_view slug) {
  for (const auto& row : kTypes) {
    if (row.slug == slug) return row.type;
  }
  std::array<std::string_view, kTypes.size()> slugs{};
  for (std::size_t i = 0; i < kTypes.size(); ++i) slugs[i] = kTypes[i].slug;
  throw ValueError(detail::unknown_name_message("document type", slug, slugs));
}

std::optional<DocumentType> type_from_code(std::string_view code, DocumentFamily family) {
  if (auto found = exact_code(code, family)) return found;
  // Every code in the table is NFC; only non-ASCII input can differ from it by form alone.
  if (is_ascii(code)) return std::nullopt;
  try {
    const std::string nfc = normalize_nfc(code);
    return exact_code(nfc, family);
  } catch (const ValueError&) {
    return std::nullopt;  // malformed UTF-8 is no code
  }
}

std::optional<DocumentType> type_from_name(std::string_view name) {
  // Folded names, computed once (thread-safe static initialisation).
  static const std::array<std::string, kTypes.size()> folded = [] {
    std::array<std::string, kTypes.size()> out;
    for (std::size_t i = 0; i < kTypes.size(); ++i) out[i] = fold(kTypes[i].name);
    return out;
  }();
  std::string key;
  try {
    key = fold(squeeze_spaces(name));
  } catch (const ValueError&) {
    return std::nullopt;  // malformed UTF-8 names nothing
  }
  if (key.empty()) return std::nullopt;
  for (std::size_t i = 0; i < kTypes.size(); ++i) {
    if (folded[i] == key) return kTypes[i].type;
  }
  return std::nullopt;
}

std::string_view code_of(DocumentType type, DocumentFamily family) noexcept {
  const auto& row = info(type);
  switch (family) {
    case DocumentFamily::state:
    case DocumentFamily::legal:
      return row.state_code;
    case DocumentFamily::party:
      return row.party_code;
  }
  return {};
}

std::string_view to_string(DocumentFamily family) noexcept {
  switch (family) {
    case DocumentFamily::state:
      return "state";
    case DocumentFamily::legal:
      return "legal";
    case DocumentFamily::party:
      return "party";
  }
  return {};
}

DocumentFamily parse_document_family(std::string_view text) {
  if (text == "state") return DocumentFamily::state;
  if (text == "legal") return DocumentFamily::legal;
  if (text == "party") return DocumentFamily::party;
  throw ValueError(
      detail::unknown_name_message("document family", text, {"state", "legal", "party"}));
}

}  // namespace danvan
