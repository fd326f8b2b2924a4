// Builders of .xlsx test files written from ECMA-376 Part 1 §18 (SpreadsheetML) by hand, so the
// reader is tested on files it did not write: the parts of a one-sheet workbook around a given
// sheetData, shared strings and styles.
#pragma once

#include "fixtures.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace danvan::test {

constexpr std::string_view kSheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The parts of a workbook with one sheet named `sheet_name` holding `sheet_body` (the children
/// of <worksheet>: sheetData, mergeCells...), the shared strings `strings` and, when not empty,
/// the styles part `styles`.
inline std::vector<std::pair<std::string, std::string>> xlsx_parts(
    const std::string& sheet_body, const std::vector<std::string>& strings = {},
    const std::string& styles = {}, const std::string& sheet_name = "Sheet1") {
  std::vector<std::pair<std::string, std::string>> parts;
  parts.emplace_back("[Content_Types].xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://"
                     "schemas.openxmlformats.org/package/2006/content-types\"/>");
  parts.emplace_back("xl/workbook.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" +
                         std::string(kSheetNs) + "\" xmlns:r=\"" + std::string(kRelNs) +
                         "\"><sheets><sheet name=\"" + xml_escape(sheet_name) +
                         "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  parts.emplace_back("xl/_rels/workbook.xml.rels",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://"
                     "schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
                     "Id=\"rId1\" Type=\"" +
                         std::string(kRelNs) +
                         "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
  std::string sst =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + std::string(kSheetNs) + "\">";
  for (const auto& s : strings)
    sst += "<si><t xml:space=\"preserve\">" + xml_escape(s) + "</t></si>";
  parts.emplace_back("xl/sharedStrings.xml", sst + "</sst>");
  if (!styles.empty()) parts.emplace_back("xl/styles.xml", styles);
  parts.emplace_back("xl/worksheets/sheet1.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" +
                         std::string(kSheetNs) + "\">" + sheet_body + "</worksheet>");
  return parts;
}

/// A zip entry: `data` as stored (method 0) or raw deflate data (method 8) with the CRC and
/// size of what it inflates to.
struct ZipEntry {
  std::string name;
  std::string data;
  int method = 0;
  std::uint32_t crc = 0;
  std::size_t size = 0;
};

/// A zip archive of `entries` (PKWARE APPNOTE 4.3); stored entries get their CRC computed.
inline std::string make_zip_entries(const std::vector<ZipEntry>& entries) {
  std::string out;
  std::string central;
  auto u16 = [](std::string& s, std::uint32_t v) {
    s.push_back(static_cast<char>(v & 0xFFU));
    s.push_back(static_cast<char>((v >> 8U) & 0xFFU));
  };
  auto u32 = [&](std::string& s, std::uint32_t v) {
    u16(s, v & 0xFFFFU);
    u16(s, v >> 16U);
  };
  for (const auto& e : entries) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = e.method == 0 ? crc32(e.data) : e.crc;
    const auto packed = static_cast<std::uint32_t>(e.data.size());
    const auto size = e.method == 0 ? packed : static_cast<std::uint32_t>(e.size);
    const auto header = [&](std::string& s, bool in_central) {
      u32(s, in_central ? 0x02014b50U : 0x04034b50U);
      if (in_central) u16(s, 20);
      u16(s, 20);
      u16(s, 0);
      u16(s, static_cast<std::uint32_t>(e.method));
      u16(s, 0);
      u16(s, 0x21);
      u32(s, crc);
      u32(s, packed);
      u32(s, size);
      u16(s, static_cast<std::uint32_t>(e.name.size()));
      u16(s, 0);
      if (in_central) {
        u16(s, 0);
        u16(s, 0);
        u16(s, 0);
        u32(s, 0);
        u32(s, offset);
      }
      s += e.name;
    };
    header(out, false);
    out += e.data;
    header(central, true);
  }
  const auto central_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  u32(out, 0x06054b50U);
  u16(out, 0);
  u16(out, 0);
  u16(out, static_cast<std::uint32_t>(entries.size()));
  u16(out, static_cast<std::uint32_t>(entries.size()));
  u32(out, static_cast<std::uint32_t>(central.size()));
  u32(out, central_offset);
  u16(out, 0);
  return out;
}

/// A workbook of one sheet whose sheetData holds `rows` (the <row> elements).
inline std::string make_xlsx(const std::string& rows, const std::vector<std::string>& strings = {},
                             const std::string& styles = {}, const std::string& extra = {}) {
  return make_zip(xlsx_parts("<sheetData>" + rows + "</sheetData>" + extra, strings, styles));
}

}  // namespace danvan::test
