// Internal: the parts every official document shares (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
// header block, the signing block, blanks for unknown facts.
#pragma once

#include "danvan/plan.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace danvan::office_detail {

/// The visible blanks a person fills in by hand.
inline constexpr std::string_view blank_number = "......";
inline constexpr std::string_view blank_name = "……………";

/// Upper case in Vietnamese ("Thành phố Tuy Hòa" -> "THÀNH PHỐ TUY HÒA").
std::string upper(std::string_view text);

/// Lower case in Vietnamese ("GIAI ĐOẠN 2026 - 2030" -> "giai đoạn 2026 - 2030").
std::string lower(std::string_view text);

/// "ngày 05 tháng 3 năm 2026" for a day; a partial or unknown date leaves the unknown parts
/// as dotted blanks ("ngày ..... tháng ..... năm 2024").
std::string long_date(const std::optional<PartialDate>& date);

/// The header block, a borderless 2 x 2 table: the issuer's lines (bold, with a rule under
/// them) beside the national name and motto; the number line ("Số: ...") beside the
/// place-date line (italic).
std::string header_block(const std::vector<std::string>& issuer_lines, std::string_view number,
                         std::string_view place_date);

/// Nơi nhận (each line as "- X;", the last "- X.") beside the signing block (authority and
/// title bold, room to sign, the name or a blank), a borderless table.
std::string signing_block(const std::vector<std::string>& recipients, const Signature& signature);

}  // namespace danvan::office_detail
