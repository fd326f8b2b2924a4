// Internal: building WordprocessingML (ECMA-376 Part 1, §17) bodies and packaging them with the
// template parts of data/templates/docx into a .docx (a zip written with libzip).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace danvan::office_detail {

/// Character formatting of a run; size in half-points (0: the paragraph style's).
struct RunFormat {
  bool bold = false;
  bool italic = false;
  bool underline = false;
  int half_points = 0;
};

/// `text` as XML character data, checked: throws ValueError "<field>: ..." for malformed UTF-8
/// or a character XML 1.0 does not allow or Word does not show (C0 controls but tab, line feed
/// and carriage return; C1 controls; U+FFFE, U+FFFF).
std::string escaped(std::string_view text, std::string_view field);

/// A run (w:r) of checked text: "\n" (and "\r\n", "\r") become line breaks (w:br), "\t" a
/// tab (w:tab).
std::string run(std::string_view text, std::string_view field, RunFormat format = {});

/// Paragraph layout beyond its style.
struct ParagraphFormat {
  std::string_view align = {};  ///< "", "left", "center", "right", "both"
  bool page_break_before = false;
  bool keep_next = false;
  int first_line_indent = -1;  ///< twips; -1: the style's
};

/// A paragraph (w:p) of the style with the given runs (already built).
std::string paragraph(std::string_view style, std::string_view runs, ParagraphFormat format = {});

/// A table: column widths in twips, each row's cells as paragraphs' XML (a cell must hold at
/// least one paragraph; an empty string gets an empty one). A row of one cell in a table of
/// several columns spans them all (a section heading of a list).
struct TableSpec {
  std::vector<int> widths;
  bool borders = true;
  int header_rows = 0;  ///< rows repeated at the top of every page (w:tblHeader)
  /// How a row with fewer cells than columns is written: false, a one-cell row spans the
  /// table's width (a caption row); true, every row keeps its own cells and a short row ends
  /// early (w:gridAfter), so it reads back with the cells it has.
  bool short_rows = false;
  std::vector<std::vector<std::string>> rows;
};
std::string table(const TableSpec& spec);

/// The .docx package: every part of the embedded docx template, with `body` in place of
/// {{BODY}} in word/document.xml and `title` (checked, as "document title") in place of
/// {{TITLE}} in docProps/core.xml. Throws ValueError when the build has no libzip.
std::string package(std::string_view body, std::string_view title);

}  // namespace danvan::office_detail
