// The shared parts of official documents (see layout.hpp).
#include "office/layout.hpp"

#include "office/word.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace danvan::office_detail {

namespace {

constexpr int header_left = 3402;  // 6 cm of the 16.5 cm between the margins
constexpr int header_right = 5952;
constexpr int sign_left = 4394;
constexpr int sign_right = 4960;

std::string trimmed_item(std::string_view line) {
  std::string_view s = line;
  while (!s.empty() && (s.front() == ' ' || s.front() == '-')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ';' || s.back() == '.')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string upper(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toUpper(icu::Locale("vi"))
      .toUTF8String(out);
  return out;
}

std::string lower(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toLower(icu::Locale("vi"))
      .toUTF8String(out);
  return out;
}

std::string long_date(const std::optional<PartialDate>& date) {
  const auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  std::string day = ".....";
  std::string month = ".....";
  std::string year = ".......";
  if (date) {
    year = std::to_string(date->year());
    if (const auto m = date->month()) month = std::to_string(*m);
    if (const auto d = date->day()) day = two(*d);
  }
  return "ngày " + day + " tháng " + month + " năm " + year;
}

/// One paragraph of lines (a line break between them, as the published documents' header and
/// signing cells are), each line with its own format.
struct Line {
  std::string text;
  RunFormat format;
  std::string field;  ///< for error messages
};

std::string lines_paragraph(std::string_view style, const std::vector<Line>& lines) {
  std::string runs;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (k > 0) runs += "<w:r><w:br/></w:r>";
    runs += run(lines[k].text, lines[k].field, lines[k].format);
  }
  return paragraph(style, runs);
}

std::string header_block(const std::vector<std::string>& issuer_lines, std::string_view number,
                         std::string_view place_date) {
  const RunFormat bold{.bold = true};
  std::vector<Line> issuer;
  for (const auto& line : issuer_lines) issuer.push_back({line, bold, "issuing body"});
  if (issuer_lines.empty()) issuer.push_back({std::string(blank_name), bold, "issuing body"});
  issuer.push_back({"-------", RunFormat{}, "issuing body"});
  const std::vector<Line> motto = {
      {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", RunFormat{.bold = true, .half_points = 24}, "motto"},
      {"Độc lập - Tự do - Hạnh phúc", RunFormat{.bold = true, .half_points = 28}, "motto"},
      {"---------------", RunFormat{}, "motto"}};
  TableSpec spec;
  spec.widths = {header_left, header_right};
  spec.borders = false;
  spec.rows.push_back(
      {lines_paragraph("HeaderBlock", issuer), lines_paragraph("HeaderBlock", motto)});
  spec.rows.push_back(
      {paragraph("HeaderBlock", run(number, "number", {})),
       paragraph("HeaderBlock",
                 run(place_date, "place and date", RunFormat{.italic = true, .half_points = 28}))});
  return table(spec);
}

std::string signing_block(const std::vector<std::string>& recipients, const Signature& signature) {
  std::vector<Line> left = {
      {"Nơi nhận:", RunFormat{.bold = true, .italic = true, .half_points = 24}, "recipients"}};
  for (std::size_t k = 0; k < recipients.size(); ++k) {
    const std::string item = trimmed_item(recipients[k]);
    left.push_back({"- " + item + (k + 1 == recipients.size() ? "." : ";"),
                    RunFormat{.half_points = 22}, "recipient " + std::to_string(k + 1)});
  }
  const RunFormat bold{.bold = true};
  std::vector<Line> right;
  if (!signature.authority.empty()) {
    right.push_back({signature.authority, bold, "signature authority"});
  }
  if (!signature.title.empty()) right.push_back({signature.title, bold, "signature title"});
  // Room for the signature and the seal.
  right.push_back({"\n\n", RunFormat{}, "signature"});
  right.push_back(
      {signature.name.empty() ? std::string(blank_name) : signature.name, bold, "signer's name"});
  TableSpec spec;
  spec.widths = {sign_left, sign_right};
  spec.borders = false;
  spec.rows.push_back({lines_paragraph("Recipients", left), lines_paragraph("Centred", right)});
  return table(spec);
}

}  // namespace danvan::office_detail
