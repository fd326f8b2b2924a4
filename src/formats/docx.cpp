// .docx (Office Open XML, ECMA-376 Part 1 §17 WordprocessingML): the zip is read with libzip,
// word/document.xml, styles.xml and numbering.xml with libxml2.
#include "readers.hpp"
#include "zip_xml.hpp"

#if defined(DANVAN_HAVE_LIBZIP) && defined(DANVAN_HAVE_LIBXML2)

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

namespace danvan::formats_detail {

namespace {

using Archive = ZipArchive;
using Doc = XmlDoc;

Doc parse_xml(const std::string& data, const char* part, const Archive& archive) {
  return parse_part_xml(data, part, archive);
}

/// The value of attribute w:<local> (any namespace), or "".
std::string attr(const xmlNode* n, const char* local) {
  if (n == nullptr) return {};
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (std::strcmp(reinterpret_cast<const char*>(a->name), local) == 0 && a->children &&
        a->children->content) {
      return reinterpret_cast<const char*>(a->children->content);
    }
  }
  return {};
}

std::optional<int> int_attr(const xmlNode* n, const char* local) {
  const std::string v = attr(n, local);
  if (v.empty() || v.size() > 6) return std::nullopt;
  int out = 0;
  for (const char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    out = out * 10 + (c - '0');
  }
  return out;
}

/// w:b, w:b w:val="1"/"true"/"on" are on; w:val="0"/"false"/"off" off.
bool on_off(const xmlNode* n) {
  if (n == nullptr) return false;
  const std::string v = attr(n, "val");
  return !(v == "0" || v == "false" || v == "off");
}

// ---- styles: inheritance
// --------------------------------------------------------------------------

/// Gives every style without its own value in `values` the value of its nearest ancestor on
/// the w:basedOn chain (`based_on`: style id -> parent id) that has one, following at most 10
/// steps (a cyclic or very deep chain stays without a value).
template <typename Value>
void inherit_along_based_on(std::map<std::string, Value>& values,
                            const std::map<std::string, std::string>& based_on) {
  for (const auto& [id, base] : based_on) {
    if (values.contains(id)) continue;
    std::string b = base;
    for (int depth = 0; depth < 10 && !b.empty(); ++depth) {
      if (const auto it = values.find(b); it != values.end()) {
        values[id] = it->second;
        break;
      }
      const auto next = based_on.find(b);
      b = next == based_on.end() ? std::string() : next->second;
    }
  }
}

// ---- styles: heading levels
// ------------------------------------------------------------------------

/// Heading level (1-9) of each paragraph style id, from its name ("heading 1", "Title") or
/// outline level, following basedOn.
std::map<std::string, int> heading_styles(const xmlDoc* styles) {
  std::map<std::string, int> levels;
  if (styles == nullptr) return levels;
  std::map<std::string, std::string> based_on;
  const xmlNode* root = xmlDocGetRootElement(styles);
  for (const xmlNode* s = root == nullptr ? nullptr : root->children; s; s = s->next) {
    if (!named(s, "style") || attr(s, "type") != "paragraph") continue;
    const std::string id = attr(s, "styleId");
    std::string name = attr(child(s, "name"), "val");
    for (char& c : name) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    if (name == "title") {
      levels[id] = 1;
    } else if (name.starts_with("heading ") && name.size() == 9 && name[8] >= '1' &&
               name[8] <= '9') {
      levels[id] = name[8] - '0';
    } else if (const auto outline = int_attr(child(child(s, "pPr"), "outlineLvl"), "val");
               outline && *outline < 9) {
      levels[id] = *outline + 1;
    }
    const std::string base = attr(child(s, "basedOn"), "val");
    if (!base.empty()) based_on[id] = base;
  }
  inherit_along_based_on(levels, based_on);
  return levels;
}

// ---- table borders
// -------------------------------------------------------------------------------

/// Whether a w:tblBorders or w:tcBorders element draws a line: some edge whose w:val is not
/// "nil" or "none"; nullopt without the element (the table style decides).
std::optional<bool> draws_borders(const xmlNode* borders) {
  if (borders == nullptr) return std::nullopt;
  for (const xmlNode* e = borders->children; e != nullptr; e = e->next) {
    if (e->type != XML_ELEMENT_NODE) continue;
    const std::string v = attr(e, "val");
    if (!v.empty() && v != "nil" && v != "none") return true;
  }
  return false;
}

/// Which table styles draw borders (w:tblPr/w:tblBorders, following basedOn), and the
/// default table style's id ("" when none is marked default).
struct TableStyles {
  std::map<std::string, bool> bordered;
  std::string default_id;

  explicit TableStyles(const xmlDoc* styles) {
    if (styles == nullptr) return;
    std::map<std::string, std::string> based_on;
    const xmlNode* root = xmlDocGetRootElement(styles);
    for (const xmlNode* s = root == nullptr ? nullptr : root->children; s; s = s->next) {
      if (!named(s, "style") || attr(s, "type") != "table") continue;
      const std::string id = attr(s, "styleId");
      if (on_off_attr(s, "default")) default_id = id;
      if (const auto drawn = draws_borders(child(child(s, "tblPr"), "tblBorders"))) {
        bordered[id] = *drawn;
      }
      const std::string base = attr(child(s, "basedOn"), "val");
      if (!base.empty()) based_on[id] = base;
    }
    inherit_along_based_on(bordered, based_on);
  }

  /// True when table `tbl` draws a border: its own w:tblBorders, else its style's (or the
  /// default table style's), or a cell's w:tcBorders.
  [[nodiscard]] bool draws(const xmlNode* tbl) const {
    const xmlNode* props = child(tbl, "tblPr");
    std::optional<bool> drawn = draws_borders(child(props, "tblBorders"));
    if (!drawn) {
      std::string style = attr(child(props, "tblStyle"), "val");
      if (style.empty()) style = default_id;
      const auto it = bordered.find(style);
      drawn = it != bordered.end() && it->second;
    }
    if (*drawn) return true;
    for (const xmlNode* tr = tbl->children; tr != nullptr; tr = tr->next) {
      if (!named(tr, "tr")) continue;
      for (const xmlNode* tc = tr->children; tc != nullptr; tc = tc->next) {
        if (named(tc, "tc") &&
            draws_borders(child(child(tc, "tcPr"), "tcBorders")).value_or(false)) {
          return true;
        }
      }
    }
    return false;
  }

 private:
  static bool on_off_attr(const xmlNode* n, const char* local) {
    const std::string v = attr(n, local);
    return v == "1" || v == "true" || v == "on";
  }
};

// ---- numbering
// -------------------------------------------------------------------------------------

struct Level {
  std::string format = "decimal";  // w:numFmt
  std::string text;                // w:lvlText, "%1." ...
  int start = 1;
};

class Numbering {
 public:
  explicit Numbering(const xmlDoc* doc) {
    if (doc == nullptr) return;
    const xmlNode* root = xmlDocGetRootElement(doc);
    std::map<std::string, std::array<Level, 9>> abstracts;
    for (const xmlNode* n = root == nullptr ? nullptr : root->children; n; n = n->next) {
      if (named(n, "abstractNum")) {
        auto& levels = abstracts[attr(n, "abstractNumId")];
        for (const xmlNode* l = n->children; l; l = l->next) {
          if (!named(l, "lvl")) continue;
          const auto i = int_attr(l, "ilvl");
          if (!i || *i > 8) continue;
          Level& level = levels[static_cast<std::size_t>(*i)];
          if (const xmlNode* f = child(l, "numFmt")) level.format = attr(f, "val");
          if (const xmlNode* t = child(l, "lvlText")) level.text = attr(t, "val");
          if (const auto s = int_attr(child(l, "start"), "val")) level.start = *s;
        }
      }
    }
    for (const xmlNode* n = root == nullptr ? nullptr : root->children; n; n = n->next) {
      if (!named(n, "num")) continue;
      const auto it = abstracts.find(attr(child(n, "abstractNumId"), "val"));
      if (it != abstracts.end()) nums_[attr(n, "numId")] = List{it->second, {}, {}};
    }
  }

  /// The label of the next item at level `ilvl` of list `num_id` ("1.", "a)", "-"), or "".
  std::string next(const std::string& num_id, int ilvl) {
    const auto it = nums_.find(num_id);
    if (it == nums_.end() || ilvl < 0 || ilvl > 8) return {};
    List& list = it->second;
    const auto l = static_cast<std::size_t>(ilvl);
    if (!list.seen[l]) {
      list.counters[l] = list.levels[l].start;
      list.seen[l] = true;
    } else {
      ++list.counters[l];
    }
    for (std::size_t d = l + 1; d < 9; ++d) list.seen[d] = false;
    const Level& level = list.levels[l];
    if (level.format == "bullet") return "-";
    if (level.format == "none") return {};
    std::string label;
    for (std::size_t i = 0; i < level.text.size(); ++i) {
      const char c = level.text[i];
      if (c == '%' && i + 1 < level.text.size() && level.text[i + 1] >= '1' &&
          level.text[i + 1] <= '9') {
        const auto k = static_cast<std::size_t>(level.text[i + 1] - '1');
        const int value = list.seen[k] ? list.counters[k] : list.levels[k].start;
        label += format_number(value, list.levels[k].format);
        ++i;
      } else {
        label.push_back(c);
      }
    }
    return label;
  }

 private:
  static std::string format_number(int n, const std::string& format) {
    if (n <= 0) return std::to_string(n);
    if (format == "lowerLetter" || format == "upperLetter") {
      // a..z, then aa, bb...: Word repeats the letter.
      const char base = format == "lowerLetter" ? 'a' : 'A';
      return std::string(static_cast<std::size_t>((n - 1) / 26 + 1),
                         static_cast<char>(base + (n - 1) % 26));
    }
    if (format == "lowerRoman" || format == "upperRoman") {
      static constexpr std::array<std::pair<int, const char*>, 13> kRoman = {{{1000, "M"},
                                                                              {900, "CM"},
                                                                              {500, "D"},
                                                                              {400, "CD"},
                                                                              {100, "C"},
                                                                              {90, "XC"},
                                                                              {50, "L"},
                                                                              {40, "XL"},
                                                                              {10, "X"},
                                                                              {9, "IX"},
                                                                              {5, "V"},
                                                                              {4, "IV"},
                                                                              {1, "I"}}};
      std::string out;
      int rest = std::min(n, 3999);
      for (const auto& [value, digits] : kRoman) {
        while (rest >= value) {
          out += digits;
          rest -= value;
        }
      }
      if (format == "lowerRoman") {
        for (char& c : out) c = static_cast<char>(c + 32);
      }
      return out;
    }
    return std::to_string(n);
  }

  struct List {
    std::array<Level, 9> levels;
    std::array<int, 9> counters{};
    std::array<bool, 9> seen{};
  };
  std::map<std::string, List> nums_;
};

// ---- document body
// -------------------------------------------------------------------------------

class BodyReader {
 public:
  BodyReader(std::map<std::string, int> headings, Numbering numbering, TableStyles tables)
      : headings_(std::move(headings)),
        numbering_(std::move(numbering)),
        tables_(std::move(tables)) {}

  void blocks(const xmlNode* parent, TextBuilder& out, int depth) {
    if (depth > 64) return;  // hostile nesting
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      if (named(n, "p")) {
        paragraph(n, out, depth);
      } else if (named(n, "tbl")) {
        table(n, out, depth);
      } else if (named(n, "sdt")) {
        if (const xmlNode* content = child(n, "sdtContent")) blocks(content, out, depth + 1);
      } else if (named(n, "customXml") || named(n, "ins") || named(n, "smartTag")) {
        blocks(n, out, depth + 1);
      }
    }
  }

 private:
  void paragraph(const xmlNode* p, TextBuilder& out, int depth) {
    const xmlNode* props = child(p, "pPr");
    std::string prefix;
    const std::string style = attr(child(props, "pStyle"), "val");
    int level = 0;
    if (const auto it = headings_.find(style); it != headings_.end()) level = it->second;
    if (const auto outline = int_attr(child(props, "outlineLvl"), "val"); outline && *outline < 9) {
      level = *outline + 1;
    }
    if (const xmlNode* num = child(props, "numPr")) {
      const std::string label = numbering_.next(attr(child(num, "numId"), "val"),
                                                int_attr(child(num, "ilvl"), "val").value_or(0));
      if (!label.empty()) prefix = label + " ";
    }
    if (level > 0) prefix = std::string(static_cast<std::size_t>(level), '#') + " " + prefix;
    out.begin(plain_ ? std::string() : prefix);
    std::vector<const xmlNode*> boxes;
    inline_content(p, out, boxes, depth);
    out.end();
    for (const xmlNode* box : boxes) blocks(box, out, depth + 1);
  }

  void inline_content(const xmlNode* parent, TextBuilder& out, std::vector<const xmlNode*>& boxes,
                      int depth) {
    if (depth > 64) return;
    for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (named(n, "r")) {
        run(n, out, boxes, depth);
      } else if (named(n, "hyperlink") || named(n, "ins") || named(n, "smartTag") ||
                 named(n, "fldSimple") || named(n, "customXml") || named(n, "moveTo") ||
                 named(n, "sdtContent")) {
        inline_content(n, out, boxes, depth + 1);
      } else if (named(n, "sdt")) {
        if (const xmlNode* content = child(n, "sdtContent")) {
          inline_content(content, out, boxes, depth + 1);
        }
      }
      // w:del, w:moveFrom (deleted text), w:pPr, bookmarks, comments: no text.
    }
  }

  void run(const xmlNode* r, TextBuilder& out, std::vector<const xmlNode*>& boxes, int depth) {
    const bool bold = !plain_ && on_off(child(child(r, "rPr"), "b"));
    for (const xmlNode* n = r->children; n != nullptr; n = n->next) {
      if (named(n, "t")) {
        const xmlChar* content = n->children != nullptr ? n->children->content : nullptr;
        if (content != nullptr) out.add(reinterpret_cast<const char*>(content), bold, false);
      } else if (named(n, "tab") || named(n, "ptab")) {
        out.add(" ", bold, false);
      } else if (named(n, "br") || named(n, "cr")) {
        if (attr(n, "type") != "page" && attr(n, "type") != "column") out.line_break();
      } else if (named(n, "noBreakHyphen")) {
        out.add("-", bold, false);
      } else {
        find_text_boxes(n, boxes, depth + 1);
      }
    }
  }

  /// Text boxes (w:txbxContent inside drawings) are read after their paragraph; of an
  /// mc:AlternateContent only the mc:Choice is read (mc:Fallback repeats it).
  void find_text_boxes(const xmlNode* n, std::vector<const xmlNode*>& boxes, int depth) {
    if (depth > 64 || named(n, "Fallback")) return;
    if (named(n, "txbxContent")) {
      boxes.push_back(n);
      return;
    }
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE) find_text_boxes(c, boxes, depth + 1);
    }
  }

  /// A layout table (the issuing body beside the motto, Nơi nhận beside the signing block: no
  /// border drawn, a cell of several lines) is written cell by cell with its lines kept and its
  /// empty cells left out, as the Markdown conversions of published documents have it; any
  /// other table (a data table, whose empty cells keep the columns in place) one row per line.
  void table(const xmlNode* tbl, TextBuilder& out, int depth) {
    std::vector<std::vector<std::string>> rows;
    bool several_lines = false;
    for (const xmlNode* tr = tbl->children; tr != nullptr; tr = tr->next) {
      if (!named(tr, "tr")) continue;
      std::vector<std::string> cells;
      for (const xmlNode* tc = tr->children; tc != nullptr; tc = tc->next) {
        if (named(tc, "sdt")) tc = child(child(tc, "sdtContent"), "tc");
        if (!named(tc, "tc")) continue;
        TextBuilder cell;
        blocks(tc, cell, depth + 1);
        cells.push_back(cell.joined("\n"));
        several_lines = several_lines || cells.back().find('\n') != std::string::npos;
      }
      rows.push_back(std::move(cells));
    }
    if (!several_lines || tables_.draws(tbl)) {
      out.table(rows);  // a cell's lines joined by a space
      return;
    }
    for (auto& row : rows) std::erase(row, std::string());
    std::erase_if(rows, [](const std::vector<std::string>& row) { return row.empty(); });
    out.table_by_cell(rows);
  }

  std::map<std::string, int> headings_;
  Numbering numbering_;
  TableStyles tables_;

 public:
  /// The rows of table `tbl` as cells of plain text (no Markdown: no bold markers, heading or
  /// list labels), a cell's lines joined by a space. A cell spanning n grid columns
  /// (w:gridSpan) is followed by n - 1 empty cells; a cell continuing a vertical merge
  /// (w:vMerge without "restart") holds the text of the merge's first cell, as Word shows it.
  std::vector<TableRow> table_rows(const xmlNode* tbl) {
    plain_ = true;
    std::vector<TableRow> rows;
    std::map<std::size_t, std::string> merged;  // grid column -> the merge's text
    for (const xmlNode* tr = tbl->children; tr != nullptr; tr = tr->next) {
      if (!named(tr, "tr")) continue;
      TableRow row;
      row.number = rows.size() + 1;
      for (const xmlNode* tc = tr->children; tc != nullptr; tc = tc->next) {
        if (named(tc, "sdt")) tc = child(child(tc, "sdtContent"), "tc");
        if (!named(tc, "tc")) continue;
        const xmlNode* props = child(tc, "tcPr");
        const std::size_t column = row.cells.size();
        TextBuilder cell;
        blocks(tc, cell, 1);
        std::string text = cell.joined(" ");
        std::replace(text.begin(), text.end(), '\n', ' ');
        if (const xmlNode* v = child(props, "vMerge")) {
          if (attr(v, "val") == "restart") {
            merged[column] = text;
          } else if (const auto it = merged.find(column); it != merged.end() && text.empty()) {
            text = it->second;
          }
        } else {
          merged.erase(column);
        }
        row.cells.push_back(std::move(text));
        const int span = int_attr(child(props, "gridSpan"), "val").value_or(1);
        for (int k = 1; k < std::min(span, 64); ++k) row.cells.emplace_back();
        if (row.cells.size() > 1000) break;  // a hostile row stays small
      }
      rows.push_back(std::move(row));
    }
    plain_ = false;
    return rows;
  }

 private:
  bool plain_ = false;
};

/// The main document part: the target of the officeDocument relationship in _rels/.rels, else
/// word/document.xml.
std::string main_part(const Archive& archive) {
  if (const auto rels = archive.read("_rels/.rels")) {
    silence_libxml2();
    Doc doc(xmlReadMemory(rels->data(), static_cast<int>(rels->size()), "_rels/.rels", "UTF-8",
                          XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR));
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    for (const xmlNode* r = root == nullptr ? nullptr : root->children; r; r = r->next) {
      if (named(r, "Relationship") && attr(r, "Type").ends_with("/officeDocument")) {
        std::string target = attr(r, "Target");
        if (target.starts_with("/")) target.erase(0, 1);
        if (!target.empty() && archive.has(target.c_str())) return target;
      }
    }
  }
  return "word/document.xml";
}

/// The tables of `parent` in document order: its own and those inside content controls (not
/// those nested in a cell).
void collect_tables(const xmlNode* parent, BodyReader& reader,
                    std::vector<std::vector<TableRow>>& tables, int depth) {
  for (const xmlNode* n = parent->children; n != nullptr; n = n->next) {
    if (named(n, "tbl")) {
      tables.push_back(reader.table_rows(n));
    } else if (named(n, "sdt") && depth < 64) {
      if (const xmlNode* content = child(n, "sdtContent")) {
        collect_tables(content, reader, tables, depth + 1);
      }
    }
  }
}

/// Opens the .docx in `bytes` (named `who` in errors), parses its body, styles and numbering,
/// and returns what `read(body, reader)` returns. Throws DocumentError for a zip that is not a
/// .docx (naming an .odt, .xlsx or .pptx when it is one) or a damaged part.
template <typename Read>
auto read_docx_body(std::string_view bytes, const std::string& who, Read read) {
  const Archive archive(bytes, who, ".docx");
  const std::string part = main_part(archive);
  const auto document = archive.read(part.c_str());
  if (!document) {
    std::string what = "a zip archive that is not a .docx (it has no word/document.xml)";
    if (archive.has("content.xml") && archive.has("mimetype")) {
      what = "an OpenDocument file (.odt), which danvan does not read; save it as .docx";
    } else if (archive.has("xl/workbook.xml")) {
      what = "an Excel workbook (.xlsx), not a .docx";
    } else if (archive.has("ppt/presentation.xml")) {
      what = "a PowerPoint presentation (.pptx), not a .docx";
    }
    throw DocumentError(who, DocumentProblem::unsupported, what);
  }
  const auto styles_xml = archive.read("word/styles.xml");
  const auto numbering_xml = archive.read("word/numbering.xml");
  const Doc styles = styles_xml ? parse_xml(*styles_xml, "word/styles.xml", archive) : nullptr;
  const Doc numbering =
      numbering_xml ? parse_xml(*numbering_xml, "word/numbering.xml", archive) : nullptr;
  const Doc doc = parse_xml(*document, part.c_str(), archive);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* body = child(root, "body");
  if (!named(root, "document") || body == nullptr) {
    archive.damaged(part + " has no w:document/w:body");
  }
  BodyReader reader(heading_styles(styles.get()), Numbering(numbering.get()),
                    TableStyles(styles.get()));
  return read(body, reader);
}

}  // namespace

std::vector<std::vector<TableRow>> docx_tables(std::string_view bytes, const std::string& who) {
  return read_docx_body(bytes, who, [](const xmlNode* body, BodyReader& reader) {
    std::vector<std::vector<TableRow>> tables;
    collect_tables(body, reader, tables, 0);
    return tables;
  });
}

std::string docx_text(std::string_view bytes, const std::string& who) {
  std::string text = read_docx_body(bytes, who, [](const xmlNode* body, BodyReader& reader) {
    TextBuilder out;
    reader.blocks(body, out, 0);
    return out.finish();
  });
  if (text.empty()) {
    throw DocumentError(who, DocumentProblem::no_text, "the .docx has no text");
  }
  return text;
}

}  // namespace danvan::formats_detail

#else

namespace danvan::formats_detail {

std::string docx_text(std::string_view, const std::string& who) {
  throw DocumentError(who, DocumentProblem::not_built,
                      "a .docx file, but danvan was not built with .docx support (libzip and "
                      "libxml2 were not found)");
}

std::vector<std::vector<TableRow>> docx_tables(std::string_view bytes, const std::string& who) {
  (void)docx_text(bytes, who);
  return {};
}

}  // namespace danvan::formats_detail

#endif
