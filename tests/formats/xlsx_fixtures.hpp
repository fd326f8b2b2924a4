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

/// A workbook of one sheet whose sheetData holds `rows` (the <row> elements).
inline std::string make_xlsx(const std::string& rows, const std::vector<std::string>& strings = {},
                             const std::string& styles = {}, const std::string& extra = {}) {
  return make_zip(xlsx_parts("<sheetData>" + rows + "</sheetData>" + extra, strings, styles));
}

}  // namespace danvan::test
