// Builders of test documents, written from the format specifications so that the readers are
// tested on files they did not make: a zip writer (PKWARE APPNOTE 4.3, stored entries), .docx
// parts (ECMA-376 WordprocessingML) and a PDF 1.4 with a Type0 font whose ToUnicode map gives
// the text (ISO 32000-1 §9.10).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace danvan::test {

inline std::uint32_t crc32(std::string_view data) {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? 0xEDB88320U ^ (c >> 1U) : c >> 1U;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t crc = 0xFFFFFFFFU;
  for (const char ch : data) {
    crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xFFU] ^ (crc >> 8U);
  }
  return crc ^ 0xFFFFFFFFU;
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

/// A zip archive of stored (uncompressed) entries, in the given order.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::vector<ZipEntry> stored;
  stored.reserve(entries.size());
  for (const auto& [name, data] : entries) stored.push_back(ZipEntry{name, data});
  return make_zip_entries(stored);
}

inline std::string xml_escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

constexpr std::string_view kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// w:p with one run of `text` (bold when asked), optional style id and numbering.
inline std::string docx_paragraph(std::string_view text, bool bold = false,
                                  std::string_view style = {}, int num_id = 0, int ilvl = 0) {
  std::string p = "<w:p>";
  if (!style.empty() || num_id != 0) {
    p += "<w:pPr>";
    if (!style.empty()) p += "<w:pStyle w:val=\"" + std::string(style) + "\"/>";
    if (num_id != 0) {
      p += "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
           std::to_string(num_id) + "\"/></w:numPr>";
    }
    p += "</w:pPr>";
  }
  p += "<w:r>";
  if (bold) p += "<w:rPr><w:b/></w:rPr>";
  p += "<w:t xml:space=\"preserve\">" + xml_escape(text) + "</w:t></w:r></w:p>";
  return p;
}

/// The parts of a minimal .docx whose body is `body_xml` (w:p/w:tbl elements).
inline std::vector<std::pair<std::string, std::string>> docx_parts(
    std::string_view body_xml, std::string_view styles_xml = {},
    std::string_view numbering_xml = {}) {
  std::vector<std::pair<std::string, std::string>> parts;
  parts.emplace_back(
      "[Content_Types].xml",
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" "
      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
  parts.emplace_back(
      "_rels/.rels",
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
  parts.emplace_back("word/document.xml",
                     "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                     "<w:document xmlns:w=\"" +
                         std::string(kWordNs) + "\"><w:body>" + std::string(body_xml) +
                         "<w:sectPr/></w:body></w:document>");
  if (!styles_xml.empty()) {
    parts.emplace_back("word/styles.xml", "<w:styles xmlns:w=\"" + std::string(kWordNs) + "\">" +
                                              std::string(styles_xml) + "</w:styles>");
  }
  if (!numbering_xml.empty()) {
    parts.emplace_back("word/numbering.xml", "<w:numbering xmlns:w=\"" + std::string(kWordNs) +
                                                 "\">" + std::string(numbering_xml) +
                                                 "</w:numbering>");
  }
  return parts;
}

/// A .docx of plain paragraphs, one per line of `text` (blank lines skipped).
inline std::string docx_from_lines(std::string_view text) {
  std::string body;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (!line.empty()) body += docx_paragraph(line);
    start = end + 1;
  }
  return make_zip(docx_parts(body));
}

/// Code points of valid UTF-8 (test helper; no validation).
inline std::u32string utf32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? b : n == 2 ? (b & 0x1FU) : n == 3 ? (b & 0x0FU) : (b & 0x07U);
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) {
      cp = (cp << 6U) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

/// A PDF whose pages show `pages[i]` (lines separated by '\n'), in a Type0 font with
/// Identity-H encoding: each character is a 2-byte CID, and the ToUnicode CMap maps the CIDs
/// back to Unicode (the glyphs themselves are not embedded: text extraction needs only the map).
/// An empty page string gives a page with a filled rectangle and no text, as a scan has.
inline std::string make_pdf(const std::vector<std::string>& pages) {
  std::map<char32_t, unsigned> cids;
  for (const auto& page : pages) {
    for (const char32_t c : utf32(page)) {
      if (c != '\n' && !cids.contains(c)) {
        const auto next = static_cast<unsigned>(cids.size() + 1);
        cids.emplace(c, next);
      }
    }
  }
  auto hex4 = [](unsigned v) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string s(4, '0');
    for (int i = 3; i >= 0; --i) {
      s[static_cast<std::size_t>(i)] = kDigits[v & 0xFU];
      v >>= 4U;
    }
    return s;
  };
  std::vector<std::string> objects;  // objects[k] is object k+1
  // 1 catalog, 2 pages, 3 font, 4 descendant font, 5 font descriptor, 6 ToUnicode, then per
  // page: page object, content stream.
  const std::size_t first_page = 7;
  std::string kids;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    kids += std::to_string(first_page + 2 * i) + " 0 R ";
  }
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) +
                    " >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type0 /BaseFont /DanvanTest /Encoding /Identity-H "
      "/DescendantFonts [4 0 R] /ToUnicode 6 0 R >>");
  objects.push_back(
      "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DanvanTest /CIDSystemInfo << "
      "/Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 500 "
      ">>");
  objects.push_back(
      "<< /Type /FontDescriptor /FontName /DanvanTest /Flags 32 /FontBBox [0 -200 1000 900] "
      "/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>");
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<char32_t, unsigned>> all(cids.begin(), cids.end());
  for (std::size_t i = 0; i < all.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, all.size() - i);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      const char32_t c = all[k].first;
      std::string unicode;
      if (c >= 0x10000) {
        unicode = hex4(0xD800 + ((c - 0x10000) >> 10U)) + hex4(0xDC00 + ((c - 0x10000) & 0x3FFU));
      } else {
        unicode = hex4(static_cast<unsigned>(c));
      }
      cmap += "<" + hex4(all[k].second) + "> <" + unicode + ">\n";
    }
    cmap += "endbfchar\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  objects.push_back("<< /Length " + std::to_string(cmap.size()) + " >>\nstream\n" + cmap +
                    "\nendstream");
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::size_t page_obj = first_page + 2 * i;
    std::string content;
    if (pages[i].empty()) {
      content = "0.5 g 50 50 495 742 re f\n";
    } else {
      content = "BT /F1 11 Tf 14 TL 40 800 Td\n";
      std::size_t start = 0;
      while (start <= pages[i].size()) {
        std::size_t end = pages[i].find('\n', start);
        if (end == std::string::npos) end = pages[i].size();
        std::string hex;
        for (const char32_t c : utf32(pages[i].substr(start, end - start))) hex += hex4(cids[c]);
        content += "<" + hex + "> Tj T*\n";
        start = end + 1;
      }
      content += "ET\n";
    }
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
        "/Font << /F1 3 0 R >> >> /Contents " +
        std::to_string(page_obj + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "\nendstream");
  }
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t k = 0; k < objects.size(); ++k) {
    offsets.push_back(out.size());
    out += std::to_string(k + 1) + " 0 obj\n" + objects[k] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t o : offsets) {
    std::string n = std::to_string(o);
    out += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace danvan::test
