// WordprocessingML bodies and the .docx package (see word.hpp).
#include "office/word.hpp"

#include "danvan/error.hpp"
#include "office/templates.hpp"
#include "text/utf8.hpp"

#include <cstdio>
#include <ctime>
#include <memory>
#include <numeric>
#include <utility>

#ifdef DANVAN_HAVE_LIBZIP
#include <zip.h>
#endif

namespace danvan::office_detail {

namespace {

std::string code_point_name(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

/// Why Word cannot take the code point, or nullptr when it can (tab, line ends excluded).
const char* refusal(char32_t c) {
  if (c < 0x20) return "a control character";
  if (c >= 0x7F && c <= 0x9F) return "a control character";
  if (c == 0xFFFE || c == 0xFFFF) return "not a character";
  return nullptr;
}

[[maybe_unused]] void replace_once(std::string& text, std::string_view marker,
                                   std::string_view by) {
  const auto at = text.find(marker);
  if (at == std::string::npos) {
    throw ValueError("the .docx template has no " + std::string(marker) + " marker");
  }
  text.replace(at, marker.size(), by);
}

}  // namespace

std::string escaped(std::string_view text, std::string_view field) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t at = i;
    const UChar32 c = detail::next_code_point(text, i);
    if (c < 0) {
      throw ValueError(std::string(field) + ": malformed UTF-8 at byte " + std::to_string(at));
    }
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\t':
      case '\n':
      case '\r':
        out += static_cast<char>(c);
        break;
      default:
        if (const char* why = refusal(static_cast<char32_t>(c))) {
          throw ValueError(std::string(field) + ": character " +
                           code_point_name(static_cast<char32_t>(c)) + " at byte " +
                           std::to_string(at) + " cannot go into a Word document (" + why + ")");
        }
        out.append(text.substr(at, i - at));
    }
  }
  return out;
}

std::string run(std::string_view text, std::string_view field, RunFormat format) {
  const std::string checked = escaped(text, field);
  std::string out = "<w:r>";
  if (format.bold || format.italic || format.underline || format.half_points > 0) {
    out += "<w:rPr>";
    if (format.bold) out += "<w:b/><w:bCs/>";
    if (format.italic) out += "<w:i/><w:iCs/>";
    if (format.underline) out += "<w:u w:val=\"single\"/>";
    if (format.half_points > 0) {
      const std::string size = std::to_string(format.half_points);
      out += "<w:sz w:val=\"" + size + "\"/><w:szCs w:val=\"" + size + "\"/>";
    }
    out += "</w:rPr>";
  }
  std::string pending;
  const auto flush = [&] {
    if (!pending.empty()) out += "<w:t xml:space=\"preserve\">" + pending + "</w:t>";
    pending.clear();
  };
  for (std::size_t i = 0; i < checked.size(); ++i) {
    const char ch = checked[i];
    if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < checked.size() && checked[i + 1] == '\n') ++i;
      flush();
      out += "<w:br/>";
    } else if (ch == '\t') {
      flush();
      out += "<w:tab/>";
    } else {
      pending += ch;
    }
  }
  flush();
  return out + "</w:r>";
}

std::string paragraph(std::string_view style, std::string_view runs, ParagraphFormat format) {
  std::string out = "<w:p><w:pPr>";
  if (!style.empty()) out += "<w:pStyle w:val=\"" + std::string(style) + "\"/>";
  if (format.keep_next) out += "<w:keepNext/>";
  if (format.page_break_before) out += "<w:pageBreakBefore/>";
  if (format.first_line_indent >= 0) {
    out += "<w:ind w:firstLine=\"" + std::to_string(format.first_line_indent) + "\"/>";
  }
  if (!format.align.empty()) out += "<w:jc w:val=\"" + std::string(format.align) + "\"/>";
  out += "</w:pPr>";
  out += runs;
  return out + "</w:p>";
}

std::string table(const TableSpec& spec) {
  const int total = std::accumulate(spec.widths.begin(), spec.widths.end(), 0);
  std::string out = "<w:tbl><w:tblPr>";
  out += spec.borders ? "<w:tblStyle w:val=\"TableGrid\"/>" : "";
  out += "<w:tblW w:w=\"" + std::to_string(total) + "\" w:type=\"dxa\"/>";
  if (!spec.borders) {
    out +=
        "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/>"
        "<w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/>"
        "</w:tblBorders>";
  }
  out += "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>";
  for (const int w : spec.widths) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  out += "</w:tblGrid>";
  for (std::size_t r = 0; r < spec.rows.size(); ++r) {
    out += "<w:tr><w:trPr><w:cantSplit/>";
    const auto& cells = spec.rows[r];
    if (spec.short_rows && !cells.empty() && cells.size() < spec.widths.size()) {
      out += "<w:gridAfter w:val=\"" + std::to_string(spec.widths.size() - cells.size()) + "\"/>";
    }
    if (static_cast<int>(r) < spec.header_rows) out += "<w:tblHeader/>";
    out += "</w:trPr>";
    const bool spans = !spec.short_rows && cells.size() == 1 && spec.widths.size() > 1;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const int width = spans ? total : c < spec.widths.size() ? spec.widths[c] : 0;
      out += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
      if (spans) out += "<w:gridSpan w:val=\"" + std::to_string(spec.widths.size()) + "\"/>";
      out += "</w:tcPr>";
      out += cells[c].empty() ? "<w:p/>" : cells[c];
      out += "</w:tc>";
    }
    out += "</w:tr>";
  }
  return out + "</w:tbl>";
}

std::string package(std::string_view body, std::string_view title) {
#ifndef DANVAN_HAVE_LIBZIP
  (void)body;
  (void)title;
  throw ValueError("not built with .docx writing support (libzip)");
#else
  std::vector<std::pair<std::string, std::string> > parts;
  constexpr std::string_view prefix = "docx/";
  for (std::size_t k = 0; k < embedded_file_count; ++k) {
    const EmbeddedFile& file = embedded_files[k];
    if (file.name.substr(0, prefix.size()) != prefix) continue;
    std::string name(file.name.substr(prefix.size()));
    std::string data(file.data);
    if (name == "word/document.xml") replace_once(data, "{{BODY}}", body);
    if (name == "docProps/core.xml") replace_once(data, "{{TITLE}}", escaped(title, "title"));
    // [Content_Types].xml first, as Office writes it.
    if (name == "[Content_Types].xml") {
      parts.emplace(parts.begin(), std::move(name), std::move(data));
    } else {
      parts.emplace_back(std::move(name), std::move(data));
    }
  }
  if (parts.empty() || parts.front().first != "[Content_Types].xml") {
    throw ValueError("the .docx template is incomplete: no [Content_Types].xml");
  }
  const auto fail = [](const char* what, zip_error_t* error) {
    const std::string message =
        std::string("could not write the .docx (") + what + "): " + zip_error_strerror(error);
    zip_error_fini(error);
    throw ValueError(message);
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (memory == nullptr) fail("buffer", &error);
  zip_t* archive = zip_open_from_source(memory, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(memory);
    fail("open", &error);
  }
  zip_source_keep(memory);  // kept past zip_close, to read the archive back
  // A fixed time stamp (1980-01-02), so that the same document gives the same bytes.
  constexpr std::time_t stamp = 315619200;
  for (const auto& [name, data] : parts) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    const zip_int64_t index =
        source == nullptr ? -1 : zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (source != nullptr) zip_source_free(source);
      zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)), 0);
      zip_discard(archive);
      zip_source_free(memory);
      fail("add", &error);
    }
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), stamp, 0);
  }
  if (zip_close(archive) != 0) {
    zip_error_set(&error, zip_error_code_zip(zip_get_error(archive)), 0);
    zip_discard(archive);
    zip_source_free(memory);
    fail("close", &error);
  }
  std::string bytes;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_open(memory) != 0 || zip_source_stat(memory, &stat) != 0) {
    zip_error_set(&error, zip_error_code_zip(zip_source_error(memory)), 0);
    zip_source_free(memory);
    fail("read", &error);
  }
  bytes.resize(static_cast<std::size_t>(stat.size));
  const zip_int64_t got = zip_source_read(memory, bytes.data(), stat.size);
  zip_source_close(memory);
  zip_source_free(memory);
  if (got < 0 || static_cast<zip_uint64_t>(got) != stat.size) {
    zip_error_set(&error, ZIP_ER_READ, 0);
    fail("read", &error);
  }
  zip_error_fini(&error);
  return bytes;
#endif
}

}  // namespace danvan::office_detail
