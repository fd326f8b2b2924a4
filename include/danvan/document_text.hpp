// The text of a document as published: plain text or Markdown in any Vietnamese encoding, a web
// page, a Word .docx or a PDF with a text layer, turned into NFC UTF-8 text (library
// danvan::formats, target option DANVAN_FORMATS; the core danvan::danvan does not need it).
//
// Output shape (what import_plan_text and find_references read), the same as the Markdown
// conversions real documents come as:
//   - one paragraph per line, paragraphs separated by one blank line; a line break inside a
//     paragraph (<br>, Word's w:br) stays a line break;
//   - headings the format marks as such (HTML h1-h6, Word's Title and Heading N styles or an
//     outline level) as Markdown headings "# ", "## ", ...;
//   - bold text (HTML b/strong, Word w:b) as **bold**, as the corpus has it;
//   - list items as "- item", or "1. item" / "a) item" / "I. item" when the format numbers them
//     (HTML ol, Word's automatic numbering from numbering.xml);
//   - tables as Markdown pipe rows, one row per line: "| cell | cell |" (a cell's paragraphs
//     joined by a space, "|" inside a cell written "\|"), a blank line before and after;
//   - except a .docx layout table (no border drawn, a cell of several lines: the issuing body
//     beside the motto, Nơi nhận beside the signing block), written cell by cell as the
//     Markdown conversions of published documents have it: "|" on a line of its own before
//     each cell and after the last, the cell's lines between (so "|" twice ends a row), empty
//     cells left out, "|" inside a cell written "\|";
//   - PDF: the text layer page by page, lines as poppler lays them out (hard line breaks kept),
//     pages separated by a blank line. poppler takes a '-' at the end of a line for a
//     hyphenation and drops it, joining the lines ("2021 -" / "2025" comes out "2021 2025");
//     no heading, bold or table structure is recovered from a PDF.
// Plain text and Markdown pass through unchanged apart from the encoding: decoded, line ends
// made "\n", a byte-order mark dropped, NFC.
#pragma once

#include "danvan/error.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace danvan {

/// The container format of a document, chosen by its content (the file name's extension only
/// breaks ties between plain text and Markdown, which read the same).
enum class DocumentFormat {
  text,  ///< plain text or Markdown (.txt, .md)
  html,  ///< a web page (.html, .htm)
  docx,  ///< Office Open XML word-processing document (.docx)
  pdf,   ///< PDF with a text layer
};

/// The character encoding of a text or web page (bảng mã). docx and PDF report utf8 (their
/// text is Unicode inside the container) unless it was typed in a legacy font: TCVN3 (.VnTime)
/// or VNI-Times text stored as Windows-1252 characters ("Céng hoµ") is detected and decoded,
/// and reported as tcvn3, vni or windows_1258.
enum class TextEncoding {
  utf8,          ///< UTF-8 without a byte-order mark (ASCII included)
  utf8_bom,      ///< UTF-8 with a byte-order mark
  utf16le,       ///< UTF-16 little-endian (with or without a byte-order mark)
  utf16be,       ///< UTF-16 big-endian (with or without a byte-order mark)
  windows_1258,  ///< Windows-1258 (Microsoft's Vietnamese code page, tones as combining marks)
  tcvn3,         ///< TCVN3 / ABC (TCVN 5712:1993 VN3, the .VnTime fonts)
  vni,           ///< VNI Windows (the VNI-Times fonts: base letter + diacritic byte)
  viqr,          ///< VIQR (RFC 1456): ASCII with the marks typed after the letter, "Vie^.t"
};

/// Lower-case names: "text", "html", "docx", "pdf".
std::string_view to_string(DocumentFormat format) noexcept;
/// Names as printed: "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1258",
/// "TCVN3 (ABC)", "VNI Windows", "VIQR".
std::string_view to_string(TextEncoding encoding) noexcept;

/// What went wrong when a document could not be read.
enum class DocumentProblem {
  empty,             ///< no bytes, or only white space
  binary,            ///< bytes that are no text format danvan reads (NUL bytes, an image...)
  unknown_encoding,  ///< text in none of the encodings danvan knows
  damaged,           ///< a container cut short or corrupt (truncated .docx, broken PDF)
  unsupported,       ///< a format danvan does not read (.doc, .rtf, .odt, encrypted PDF, a
                     ///< zip that is not a .docx)
  no_text,           ///< a PDF without a text layer (scanned pages) or a document without text
  not_built,         ///< the format's library was not found when danvan was built
  too_large,         ///< beyond the size limits (a zip bomb, a PDF of more than 2000 pages)
};

/// A document could not be read. what() is "<name>: <reason>" (name as passed to
/// read_document; "" gives "<input>"), e.g. "plan.pdf: the PDF has no text layer (scanned
/// pages?); run OCR on it first".
class DocumentError : public ValueError {
 public:
  /// `name` the document's name as given, `reason` the problem without the name.
  DocumentError(std::string name, DocumentProblem problem, const std::string& reason);
  /// The document's name as passed to the reader ("" when none was given).
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// What kind of problem it is, for callers that react to it (e.g. offer OCR for no_text).
  [[nodiscard]] DocumentProblem problem() const noexcept { return problem_; }
  /// Why, without the name.
  [[nodiscard]] const std::string& reason() const noexcept { return reason_; }

 private:
  std::string name_;
  DocumentProblem problem_;
  std::string reason_;
};

/// A document's text and what was detected.
struct DocumentText {
  std::string text;  ///< NFC UTF-8, shaped as described at the top of this header
  DocumentFormat format = DocumentFormat::text;  ///< the format detected from the content
  /// The encoding the text was decoded from (for docx and PDF: utf8, or the legacy font's).
  TextEncoding encoding = TextEncoding::utf8;
  /// The input held decomposed Unicode (NFD: base letter + combining marks), as Mac and some
  /// converters write; the text has been composed to NFC.
  bool decomposed = false;
  /// "text, TCVN3 (ABC)", "docx", "html, UTF-8, decomposed", "docx, VNI Windows": format,
  /// then the encoding for text and html (and for a docx or PDF typed in a legacy font), then
  /// "decomposed" when it applies.
  [[nodiscard]] std::string describe() const;
};

/// Reads a document from its bytes. `name` (a file name) is used in messages and to tell
/// Markdown from plain text; the format is chosen by content: "%PDF-" is a PDF, a zip with
/// word/document.xml a .docx, markup starting with <!DOCTYPE html>, <html> or a <head>/<body>/
/// <p>/<div> element a web page, anything else decodable text. Throws DocumentError.
DocumentText read_document(std::string_view bytes, std::string_view name = {});

/// Reads the file at `path` (read_document with the file name); throws IoError when the file
/// cannot be read, DocumentError as read_document.
DocumentText read_document_file(const std::filesystem::path& path);

/// True when this build reads the format (docx needs libzip and libxml2, html libxml2, pdf
/// poppler-cpp; text is always read).
bool format_supported(DocumentFormat format) noexcept;

// ---- Text encodings -------------------------------------------------------------------------

/// A text decoded from bytes.
struct DecodedText {
  std::string text;                            ///< NFC UTF-8, line ends as in the input
  TextEncoding encoding = TextEncoding::utf8;  ///< the encoding detected
  bool decomposed = false;                     ///< see DocumentText::decomposed
};

/// Detects the encoding of `bytes` and decodes them: a byte-order mark decides; otherwise
/// UTF-16 by its NUL bytes; valid UTF-8 is UTF-8 unless it is ASCII written in VIQR; other
/// bytes are decoded as Windows-1258, TCVN3 and VNI and the one whose words are Vietnamese
/// syllables wins (at least 80% of the words with a non-ASCII letter must be syllables).
/// Throws DocumentError (unknown_encoding, binary or empty) naming `name`.
DecodedText decode_text(std::string_view bytes, std::string_view name = {});

/// Decodes `bytes` from `encoding` to NFC UTF-8 (line ends untouched). Strict: a byte the
/// encoding does not define (or a malformed UTF-8/UTF-16 sequence) throws ParseError with its
/// offset, e.g. "byte 0x81 is not a TCVN3 (ABC) character". A leading byte-order mark is
/// dropped for the UTF encodings.
std::string decode_as(std::string_view bytes, TextEncoding encoding);

/// Encodes NFC or NFD UTF-8 `text` in `encoding` (the inverse of decode_as: decode_as(
/// encode_as(t, e), e) == normalize_nfc(t)); utf8_bom and utf16 write a byte-order mark, and utf8
/// does when `text` itself starts with U+FEFF (decode_as drops one leading mark). Throws
/// ParseError for a character the encoding cannot write (e.g. "€" in TCVN3, or a non-ASCII
/// letter that is not Vietnamese in VIQR). VIQR escapes a literal mark character that follows a
/// vowel with a backslash ("va`\." for "và.").
std::string encode_as(std::string_view text, TextEncoding encoding);

/// The share (0..1) of the words of `text` (UTF-8) that contain a non-ASCII letter and are
/// well-formed Vietnamese syllables (an onset, a vowel cluster, a final consonant, at most one
/// tone, one letter case pattern); 1 when no word has a non-ASCII letter. Used to tell the
/// legacy encodings apart.
double vietnamese_syllable_share(std::string_view text);

}  // namespace danvan
