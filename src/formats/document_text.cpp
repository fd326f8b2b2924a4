// read_document: the format chosen by content, the text builder shared by the readers.
#include "danvan/document_text.hpp"

#include "danvan/text.hpp"
#include "readers.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace danvan {

namespace {

std::string message_of(const std::string& name, const std::string& reason) {
  return (name.empty() ? std::string("<input>") : name) + ": " + reason;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; });
  return out;
}

/// Whether decoded text is a web page: it opens (after white space and comments) with a
/// doctype or an <html>/<head>/<body> tag, or a block element such as <p>, <div>, <table>.
bool looks_like_html(std::string_view text) {
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (text.substr(i).starts_with("<!--")) {
      const std::size_t end = text.find("-->", i + 4);
      if (end == std::string_view::npos) return false;
      i = end + 3;
      continue;
    }
    break;
  }
  const std::string head = lower_ascii(text.substr(i, 64));
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p>",
                          "<p ", "<div", "<table", "<h1", "<h2", "<article", "<section",
                          "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!doctype html"}) {
    if (head.starts_with(tag)) return true;
  }
  return false;
}

std::string unify_line_ends(std::string text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

bool blank(std::string_view text) {
  // White space including U+00A0 (C2 A0) and the BOM (EF BB BF) left in odd places.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_space(text[i])) continue;
    if (text.substr(i).starts_with("\xC2\xA0")) {
      ++i;
      continue;
    }
    if (text.substr(i).starts_with("\xEF\xBB\xBF")) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

/// Text typed in a legacy font inside a .docx or PDF comes out as Windows-1252 characters
/// ("Céng hoµ"): when few words are Vietnamese and the characters map back to bytes that a
/// legacy encoding reads as Vietnamese, that reading replaces the text.
void repair_legacy_font(DocumentText& doc) {
  if (vietnamese_syllable_share(doc.text) >= 0.8) return;
  const std::string bytes = formats_detail::windows_1252_bytes(doc.text);
  if (bytes.empty() || bytes == doc.text) return;
  try {
    DecodedText decoded = decode_text(bytes);
    if (decoded.encoding == TextEncoding::tcvn3 || decoded.encoding == TextEncoding::vni ||
        decoded.encoding == TextEncoding::windows_1258) {
      doc.text = std::move(decoded.text);
      doc.encoding = decoded.encoding;
    }
  } catch (const DocumentError&) {
    // Not a legacy font either: the text stays as the container gave it.
  }
}

[[noreturn]] void unsupported(const std::string& who, const std::string& what) {
  throw DocumentError(who, DocumentProblem::unsupported, what);
}

}  // namespace

DocumentError::DocumentError(std::string name, DocumentProblem problem, const std::string& reason)
    : ValueError(message_of(name, reason)),
      name_(std::move(name)),
      problem_(problem),
      reason_(reason) {}

std::string_view to_string(DocumentFormat format) noexcept {
  switch (format) {
    case DocumentFormat::text:
      return "text";
    case DocumentFormat::html:
      return "html";
    case DocumentFormat::docx:
      return "docx";
    case DocumentFormat::pdf:
      return "pdf";
  }
  return "?";
}

std::string DocumentText::describe() const {
  std::string out(to_string(format));
  if (format == DocumentFormat::text || format == DocumentFormat::html ||
      encoding != TextEncoding::utf8) {
    out += ", ";
    out += to_string(encoding);
  }
  if (decomposed) out += ", decomposed";
  return out;
}

bool format_supported(DocumentFormat format) noexcept {
  switch (format) {
    case DocumentFormat::text:
      return true;
    case DocumentFormat::html:
#ifdef DANVAN_HAVE_LIBXML2
      return true;
#else
      return false;
#endif
    case DocumentFormat::docx:
#if defined(DANVAN_HAVE_LIBXML2) && defined(DANVAN_HAVE_LIBZIP)
      return true;
#else
      return false;
#endif
    case DocumentFormat::pdf:
#ifdef DANVAN_HAVE_POPPLER
      return true;
#else
      return false;
#endif
  }
  return false;
}

DocumentText read_document(std::string_view bytes, std::string_view name) {
  const std::string who(name);
  DocumentText result;
  if (blank(bytes)) {
    throw DocumentError(who, DocumentProblem::empty,
                        bytes.empty() ? "the file is empty" : "the file holds only white space");
  }
  // Containers by their magic numbers (a PDF may have junk before its header: the first 1 KiB).
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
    result.format = DocumentFormat::pdf;
    result.text = normalize_nfc(formats_detail::pdf_text(bytes, who));
    repair_legacy_font(result);
    return result;
  }
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) {
    result.format = DocumentFormat::docx;
    result.text = normalize_nfc(formats_detail::docx_text(bytes, who));
    repair_legacy_font(result);
    return result;
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    unsupported(who,
                "a Word 97-2003 (.doc) or other OLE2 file, which danvan does not read; save it as "
                ".docx");
  }
  if (bytes.starts_with("{\\rtf")) {
    unsupported(who, "an RTF file, which danvan does not read; save it as .docx");
  }
  if (bytes.starts_with("\x89PNG") || bytes.starts_with("\xFF\xD8\xFF") ||
      bytes.starts_with("GIF8") || bytes.starts_with("II*\0") || bytes.starts_with("MM\0*")) {
    unsupported(who, "an image, which has no text layer; run OCR on it first");
  }
  DecodedText decoded = decode_text(bytes, who);
  result.encoding = decoded.encoding;
  result.decomposed = decoded.decomposed;
  std::string text = unify_line_ends(std::move(decoded.text));
  if (looks_like_html(text)) {
    result.format = DocumentFormat::html;
    result.text = normalize_nfc(formats_detail::html_text(text, who));
    if (blank(result.text)) {
      throw DocumentError(who, DocumentProblem::no_text, "the web page has no text");
    }
    return result;
  }
  result.format = DocumentFormat::text;
  result.text = std::move(text);
  return result;
}

DocumentText read_document_file(const std::filesystem::path& path) {
  // The same messages as danvan's other file readers: "<path>: No such file or directory".
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw IoError(path.string(), "is a directory", std::make_error_code(std::errc::is_a_directory));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    throw IoError(path.string(), std::strerror(err), std::error_code(err, std::generic_category()));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw IoError(path.string(), "read failed");
  return read_document(buffer.str(), path.string());
}

namespace formats_detail {

void TextBuilder::begin(std::string prefix) {
  end();
  prefix_ = std::move(prefix);
}

void TextBuilder::add(std::string_view text, bool bold, bool collapse) {
  std::string piece;
  piece.reserve(text.size());
  for (const char c : text) {
    if (collapse && is_space(c)) {
      const bool after_space =
          piece.empty() ? (runs_.empty() || runs_.back().text.empty() ||
                           runs_.back().text.back() == ' ' || runs_.back().text.back() == '\n')
                        : (piece.back() == ' ' || piece.back() == '\n');
      if (!after_space) piece.push_back(' ');
    } else if (c == '\t' || c == '\r' || c == '\f') {
      piece.push_back(' ');
    } else {
      piece.push_back(c);
    }
  }
  if (piece.empty()) return;
  if (!runs_.empty() && runs_.back().bold == bold) {
    runs_.back().text += piece;
  } else {
    runs_.push_back({std::move(piece), bold});
  }
}

void TextBuilder::line_break() {
  if (!runs_.empty() && !runs_.back().bold) {
    while (!runs_.back().text.empty() && runs_.back().text.back() == ' ') {
      runs_.back().text.pop_back();
    }
    runs_.back().text.push_back('\n');
  } else {
    runs_.push_back({"\n", false});
  }
}

void TextBuilder::end() {
  std::string text;
  for (const auto& run : runs_) {
    if (!run.bold || blank(run.text)) {
      text += run.text;
      continue;
    }
    // "**" hugs the words: leading and trailing white space (and line breaks) stay outside.
    std::size_t first = 0;
    std::size_t last = run.text.size();
    while (first < last && is_space(run.text[first])) ++first;
    while (last > first && is_space(run.text[last - 1])) --last;
    text += run.text.substr(0, first);
    text += "**";
    std::string inner = run.text.substr(first, last - first);
    // A line break inside bold text closes and reopens the markers, as Markdown needs.
    for (std::size_t p = inner.find('\n'); p != std::string::npos; p = inner.find('\n', p + 5)) {
      inner.replace(p, 1, "**\n**");
    }
    text += inner;
    text += "**";
    text += run.text.substr(last);
  }
  runs_.clear();
  // Trim each line's ends and drop blank lines inside the paragraph.
  std::string cleaned;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t stop = text.find('\n', start);
    if (stop == std::string::npos) stop = text.size();
    std::string_view line(text.data() + start, stop - start);
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    if (!blank(line)) {
      if (!cleaned.empty()) cleaned.push_back('\n');
      cleaned += line;
    }
    start = stop + 1;
  }
  if (cleaned.empty()) return;
  blocks_.push_back(prefix_ + cleaned);
  prefix_.clear();
}

void TextBuilder::table(const std::vector<std::vector<std::string>>& rows) {
  end();
  std::string out;
  for (const auto& row : rows) {
    if (row.empty()) continue;
    if (!out.empty()) out.push_back('\n');
    out += "|";
    for (const auto& cell : row) {
      std::string escaped;
      for (const char c : cell) {
        if (c == '|')
          escaped += "\\|";
        else if (c == '\n')
          escaped.push_back(' ');
        else
          escaped.push_back(c);
      }
      out += escaped.empty() ? " |" : " " + escaped + " |";
    }
  }
  if (!out.empty()) blocks_.push_back(std::move(out));
}

void TextBuilder::table_by_cell(const std::vector<std::vector<std::string>>& rows) {
  end();
  std::string out;
  for (const auto& row : rows) {
    for (const auto& cell : row) {
      out += out.empty() ? "|\n" : "\n|\n";
      for (const char c : cell) {
        if (c == '|') {
          out += "\\|";
        } else {
          out.push_back(c);
        }
      }
    }
    if (!row.empty()) out += "\n|";
  }
  if (!out.empty()) blocks_.push_back(std::move(out));
}

std::string TextBuilder::joined(std::string_view separator) {
  end();
  std::string out;
  for (const auto& block : blocks_) {
    if (!out.empty()) out += separator;
    out += block;
  }
  blocks_.clear();
  return out;
}

std::string TextBuilder::finish() {
  std::string out = joined("\n\n");
  if (!out.empty()) out.push_back('\n');
  return out;
}

}  // namespace formats_detail

}  // namespace danvan
