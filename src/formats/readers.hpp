// The format readers behind read_document (private to danvan::formats) and the builder of the
// Markdown-like text they write (the shape is documented in danvan/document_text.hpp).
#pragma once

#include "danvan/document_text.hpp"
#include "danvan/registry_table.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace danvan::formats_detail {

/// Collects a document's blocks and writes them as text: paragraphs separated by blank lines,
/// headings "# ", list labels, **bold** runs, tables as "| a | b |" rows.
class TextBuilder {
 public:
  /// Starts a paragraph carrying `prefix` ("## ", "- ", "1. "); the prefix waits for the first
  /// text of the paragraph, so nested blocks (a <p> inside an <li>) still get it.
  void begin(std::string prefix = {});
  /// Adds inline text. `collapse` turns runs of ASCII white space into one space (HTML).
  void add(std::string_view text, bool bold, bool collapse);
  /// A line break inside the paragraph.
  void line_break();
  /// Ends the current paragraph (nothing is written when it holds no text).
  void end();
  /// Writes a table: one "| cell | cell |" line per row, "|" in cells escaped (a line break
  /// in a cell becomes a space).
  void table(const std::vector<std::vector<std::string>>& rows);
  /// Writes a table cell by cell, each cell's lines kept: "|" on a line of its own before each
  /// cell and after the last, so two such lines end a row ("|", "A", "|", "B", "|", "|", "C",
  /// "|"); "|" in cells escaped. No cell may be empty (two "|" lines would end the row).
  void table_by_cell(const std::vector<std::vector<std::string>>& rows);
  /// The paragraphs written so far joined by `separator` (table cells use " ").
  [[nodiscard]] std::string joined(std::string_view separator);
  /// The finished text (ends with one newline, or empty).
  [[nodiscard]] std::string finish();

 private:
  struct Run {
    std::string text;
    bool bold;
  };
  std::vector<Run> runs_;
  std::string prefix_;
  std::vector<std::string> blocks_;  // each a paragraph, a heading or a whole table
};

/// The text of a .docx (Office Open XML) file. Throws DocumentError naming `who`.
std::string docx_text(std::string_view bytes, const std::string& who);
/// The tables of a .docx's body in document order (with those inside content controls, not
/// those nested in a cell), their cells as plain text (see BodyReader::table_rows in docx.cpp).
/// Throws DocumentError naming `who`, as docx_text.
std::vector<std::vector<TableRow>> docx_tables(std::string_view bytes, const std::string& who);
/// The text of a web page given as UTF-8. Throws DocumentError naming `who`.
std::string html_text(std::string_view utf8, const std::string& who);
/// The text layer of a PDF. Throws DocumentError naming `who`.
std::string pdf_text(std::string_view bytes, const std::string& who);

/// The bytes whose Windows-1252 reading (Latin-1 for 0xA0-0xFF) is `utf8`, or "" when a
/// character has no such byte. Text typed in a legacy font (TCVN3 .VnTime, VNI-Times) inside a
/// Unicode container (.docx, PDF) is stored as these characters ("Céng hoµ").
std::string windows_1252_bytes(std::string_view utf8);

/// libxml2 keeps its error handlers per thread: silence them while a reader parses, so nothing
/// is printed on stderr (the readers report errors themselves). With `first_error`, the first
/// fatal error libxml2 reports is kept there as "line N: message" (later ones are consequences).
void silence_libxml2(std::string* first_error = nullptr);

}  // namespace danvan::formats_detail
