// Internal: reading the layout of an official document's text (Nghị định 30/2020/NĐ-CP, Phụ
// lục I): markup removed, lines re-joined into paragraphs, tables, the header block, item
// numbering and the document's outline. Used by import_text.cpp.
#pragma once

#include "danvan/date.hpp"
#include "danvan/document_type.hpp"
#include "danvan/plan.hpp"
#include "danvan/symbol.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan::detail {

/// A paragraph or a table of the cleaned text, in document order.
struct TextBlock {
  bool is_table = false;
  std::string text;                ///< paragraph: its lines joined with single spaces
  bool bold = false;               ///< paragraph: every letter of it was bold (a heading)
  bool after_blank = true;         ///< an empty line (or the start) comes right before it
  std::vector<std::string> lines;  ///< paragraph: its cleaned lines
  Table table;                     ///< table: its rows (cells with their lines joined)
  /// table: each cell's lines, row by row (for the header block and the signature).
  std::vector<std::vector<std::vector<std::string>>> cells;
};

/// Removes HTML tags and entities and Markdown markup (bold/italic markers, heading hashes,
/// escapes, table pipes), joins lines broken inside a bold or italic span, and groups lines
/// into paragraphs (blank lines separate paragraphs when the text uses them; a line opening with
/// an item number after a line that ends a sentence starts a new one) and tables (Markdown pipe
/// rows, and the one-cell-per-line layout of converted Word tables). `text` must be NFC.
std::vector<TextBlock> text_blocks(std::string_view text);

/// Kinds of item numbering, in no particular order.
enum class MarkerStyle : std::uint8_t {
  none,
  roman,        ///< "I.", "IV."
  upper_alpha,  ///< "A.", "B."
  arabic,       ///< "1.", "2)"
  decimal2,     ///< "1.1.", "2.3"
  decimal3,     ///< "1.1.1."
  letter,       ///< "a)", "đ)", "a."
  paren,        ///< "(1)", "(a)"
  dash,         ///< "-", "–", "—"
  plus,         ///< "+"
  bullet,       ///< "•", "●", "▪", "·", "*", ""
  article,      ///< "Điều 1."
};

/// The numbering at the start of a paragraph: its style, its text as written ("1.", "a)") and
/// where the item's own text starts (bytes).
struct Marker {
  MarkerStyle style = MarkerStyle::none;
  std::string label;
  std::size_t text_start = 0;
};
Marker item_marker(std::string_view paragraph);

/// The number of words of `text`: runs of characters other than ' '.
std::size_t words_in(std::string_view text);

/// True when the text has letters and none of them is lower case.
bool is_upper_case(std::string_view text);
/// Vietnamese lower and upper case (ICU, root locale).
std::string to_lower(std::string_view text);
std::string to_upper_first(std::string_view text);  ///< first letter upper, the rest as is

/// The facts of an official header block.
struct HeaderFacts {
  std::vector<std::string> issuer_lines;   ///< as written, markup removed
  std::optional<std::string> symbol_text;  ///< after "Số", "" when blank
  std::optional<std::string> place;
  std::optional<std::string> date_text;  ///< "ngày 20 tháng 11 năm 2025" as written
  bool party = false;                    ///< "ĐẢNG CỘNG SẢN VIỆT NAM" stands in the header
};
/// True when the line holds a part of an official header that only a header holds: the
/// national motto or the Party heading, a "Số: 12/KH-UBND" number, or a place-date "..., ngày
/// 05 tháng 3 năm 2026".
bool is_header_line(std::string_view line);
/// Reads the lines before the type word.
HeaderFacts read_header(const std::vector<std::string>& lines);

/// The issuing body's full name from the header's issuer lines: the last body named (a
/// department under its province: "SỞ NỘI VỤ" under "UBND TỈNH X"), abbreviations expanded
/// ("UBND" -> "Ủy ban nhân dân") and upper case turned into the usual spelling ("Ủy ban nhân
/// dân tỉnh Bắc Ninh", "Sở Giáo dục và Đào tạo"). "" when there are no lines.
std::string issuer_name(const std::vector<std::string>& lines);

/// A period stated in a text (a title, a sentence): "giai đoạn 2021 - 2025", "năm 2026",
/// "03 năm 2026 - 2028", "đến năm 2030", "từ tháng 10/2025 đến tháng 12/2025"; the first one
/// found. Spans given in `skip` (bytes; the references' spans) are not read.
std::optional<PlanPeriod> find_period(std::string_view text,
                                      const std::vector<std::pair<std::size_t, std::size_t>>& skip);

/// Reporting deadlines in a sentence, in order: "trước ngày 15/12" (every year), "trước ngày
/// 15/12/2025", "chậm nhất ngày 20 tháng 6 năm 2026", "trước ngày 20 hằng tháng" (monthly),
/// "trước 16h00 hằng ngày" / "trước 9h00' và 16h00'" (daily), "trước ngày 15/6 và 15/12" (two).
/// A time of day with a date ("trước 10 giờ ngày 20/11/2025") gives the date; a time on a
/// weekday ("trước 15 giờ thứ Năm hằng tuần") gives nothing (no weekly deadline is modelled).
struct Deadline {
  std::optional<MonthDay> every_year;
  std::optional<PartialDate> date;
  std::optional<int> every_month;  ///< "trước ngày 20 hằng tháng"
  std::optional<TimeOfDay> every_day;
};
std::vector<Deadline> find_deadlines(std::string_view sentence);

}  // namespace danvan::detail
