// Reading the layout of an official document's text: markup, paragraphs, tables, the header
// block, item numbering, periods and deadlines.
#include "references/plan_text.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"
#include "text/utf8.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <map>

namespace danvan::detail {

std::size_t words_in(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (const char c : s) {
    if (c == ' ') {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

namespace {

// ---- Code points

bool is_alnum_cp(UChar32 c) { return c >= 0 && (u_isalpha(c) || u_isdigit(c)); }

bool has_alnum(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (is_alnum_cp(next_code_point(s, i))) return true;
  }
  return false;
}

std::string trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// ---- HTML

bool looks_like_html(std::string_view t) {
  for (const char* tag : {"<p", "<P", "<br", "<BR", "<div", "<DIV", "<td", "<TD", "<span", "<html",
                          "<HTML", "<body", "<strong", "<table"}) {
    if (t.find(tag) != std::string_view::npos) return true;
  }
  return false;
}

std::string decode_entities(std::string_view t) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '&') {
      out.push_back(t[i]);
      continue;
    }
    const std::size_t semi = t.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out.push_back('&');
      continue;
    }
    const std::string_view name = t.substr(i + 1, semi - i - 1);
    UChar32 c = -1;
    if (name == "nbsp") c = 0xA0;
    if (name == "amp") c = '&';
    if (name == "lt") c = '<';
    if (name == "gt") c = '>';
    if (name == "quot") c = '"';
    if (name == "apos") c = '\'';
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      long v = 0;
      bool ok = name.size() > (hex ? 2U : 1U);
      for (std::size_t k = hex ? 2 : 1; k < name.size() && ok; ++k) {
        const char d = name[k];
        const int digit = (d >= '0' && d <= '9')          ? d - '0'
                          : (hex && d >= 'a' && d <= 'f') ? d - 'a' + 10
                          : (hex && d >= 'A' && d <= 'F') ? d - 'A' + 10
                                                          : -1;
        ok = digit >= 0 && v < 0x110000;
        v = v * (hex ? 16 : 10) + digit;
      }
      if (ok && v > 0 && v < 0x110000 && (v < 0xD800 || v > 0xDFFF)) c = static_cast<UChar32>(v);
    }
    if (c < 0) {
      out.push_back('&');
      continue;
    }
    append_utf8(out, static_cast<char32_t>(c));
    i = semi;
  }
  return out;
}

char ascii_lower(char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }

// The tag's name, lower case, from the '<' at `open` to the '>' at `close` (at most 12 bytes).
std::string tag_name(std::string_view t, std::size_t open, std::size_t close) {
  std::string tag;
  for (std::size_t k = open + 1; k < close && tag.size() < 12; ++k) {
    const char c = t[k];
    if (c == ' ' || c == '\t' || c == '\n' || c == '>') break;
    tag.push_back(ascii_lower(c));
  }
  return tag;
}

// Where the text resumes after a <script> or <style> element whose opening tag ends at
// `close`: past the '>' of its closing tag (the end of the text when it has none).
std::size_t after_raw_element(std::string_view t, const std::string& tag, std::size_t close) {
  const std::string end = "</" + tag;
  std::size_t stop = close;
  while (stop < t.size()) {
    stop = t.find("</", stop);
    if (stop == std::string_view::npos) break;
    std::string low;
    for (std::size_t k = stop; k < t.size() && k < stop + end.size(); ++k) {
      low.push_back(ascii_lower(t[k]));
    }
    if (low == end) break;
    stop += 2;
  }
  const std::size_t gt =
      stop == std::string_view::npos ? std::string_view::npos : t.find('>', stop);
  return gt == std::string_view::npos ? t.size() : gt + 1;
}

// What a tag leaves in the text: line breaks, a table's pipes, bold markers, a list dash.
std::string_view tag_text(const std::string& tag) {
  static constexpr std::array<std::string_view, 10> line_breaks = {
      "br", "br/", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/tr"};
  static constexpr std::array<std::string_view, 6> paragraph_breaks = {"p",    "/p",    "div",
                                                                       "/div", "table", "/table"};
  static constexpr std::array<std::string_view, 4> bold = {"b", "/b", "strong", "/strong"};
  const auto in = [&](const auto& names) {
    return std::find(names.begin(), names.end(), tag) != names.end();
  };
  if (in(line_breaks)) return "\n";
  if (in(paragraph_breaks)) return "\n\n";
  if (tag == "tr") return "\n| ";
  if (tag == "/td" || tag == "/th") return " | ";
  if (in(bold)) return "**";
  if (tag == "li") return "\n- ";
  return "";
}

std::string strip_html(std::string_view t) {
  std::string out;
  std::size_t i = 0;
  while (i < t.size()) {
    if (t[i] != '<') {
      out.push_back(t[i++]);
      continue;
    }
    const std::size_t close = t.find('>', i);
    if (close == std::string_view::npos) {
      out.push_back(t[i++]);
      continue;
    }
    const std::string tag = tag_name(t, i, close);
    if (tag == "script" || tag == "style") {
      i = after_raw_element(t, tag, close);
      continue;
    }
    out += tag_text(tag);
    i = close + 1;
  }
  return decode_entities(out);
}

// ---- Lines

struct Line {
  enum class Kind : std::uint8_t { empty, noise, pipe, row, text };
  Kind kind = Kind::empty;
  std::string text;
  bool bold = false;  // every letter bold
  /// Blanks before the raw line's text (a tab counts 4): text laid out like a printed page
  /// ("pdftotext -layout") opens each paragraph with an indent and wraps it to the margin.
  std::size_t indent = 0;
  /// The raw line (blanks kept): where "Nơi nhận" and the signature stand side by side.
  std::string raw;
};

// One raw line's text without markup; updates the open bold/italic state.
struct Markup {
  bool bold = false;
  bool italic = false;
};

// Skips a raw line's leading blanks, a Markdown heading's hashes ("## "), a quote's "> " and
// a lone "* " bullet (written "- " to `out`); returns where the text starts and sets `heading`.
std::size_t line_text_start(std::string_view raw, bool& heading, std::string& out) {
  std::size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  heading = false;
  if (i < raw.size() && raw[i] == '#') {
    std::size_t k = i;
    while (k < raw.size() && raw[k] == '#') ++k;
    if (k < raw.size() && raw[k] == ' ') {
      heading = true;
      i = k + 1;
    }
  }
  if (i + 1 < raw.size() && raw[i] == '>' && raw[i + 1] == ' ') i += 2;
  // "* item" and "+ item" bullets at the start.
  if (i + 1 < raw.size() && raw[i] == '*' && raw[i + 1] == ' ' &&
      raw.find('*', i + 1) == std::string_view::npos) {
    out += "- ";
    i += 2;
  }
  return i;
}

// Appends the code point cp, read from `bytes`: spaces of other widths as ' ', zero-width
// characters and soft hyphens dropped, an invalid sequence as '?'.
void append_clean_code_point(std::string& out, UChar32 cp, std::string_view bytes) {
  if (cp == 0xA0 || cp == 0x2007 || cp == 0x202F || cp == '\t' || cp == 0x3000) {
    out.push_back(' ');
  } else if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF || cp == 0xAD) {
    // zero-width and soft hyphen: dropped
  } else if (cp < 0) {
    out.push_back('?');
  } else {
    out.append(bytes);
  }
}

std::string clean_line(std::string_view raw, Markup& state, std::size_t& letters_in,
                       std::size_t& letters_out) {
  std::string out;
  bool heading = false;
  std::size_t i = line_text_start(raw, heading, out);
  while (i < raw.size()) {
    const char c = raw[i];
    if (c == '*' || (c == '_' && i + 1 < raw.size() && raw[i + 1] == '_')) {
      if (i + 1 < raw.size() && raw[i + 1] == c) {
        state.bold = !state.bold;
        i += 2;
      } else {
        state.italic = !state.italic;
        ++i;
      }
      continue;
    }
    if (c == '\\' && i + 1 < raw.size() &&
        std::strchr("\\`*_{}[]()#+-.!|~<>", raw[i + 1]) != nullptr) {
      out.push_back(raw[i + 1]);
      i += 2;
      continue;
    }
    std::size_t next = i;
    const UChar32 cp = next_code_point(raw, next);
    if (is_alnum_cp(cp)) {
      if (state.bold || heading) {
        ++letters_in;
      } else {
        ++letters_out;
      }
    }
    append_clean_code_point(out, cp, raw.substr(i, next - i));
    i = next;
  }
  return out;
}

// A rule drawn under a header's part or a title ("_______", "––––––", "-----"): three rule
// characters or more and nothing else (read as markup, a long run of underscores joined the
// title below it into one line with the rule under the title).
bool is_rule(std::string_view t) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < t.size();) {
    const UChar32 c = next_code_point(t, i);
    if (c == ' ' || c == 0xA0) continue;
    if (c != '_' && c != '-' && c != '=' && c != 0x2013 && c != 0x2014) return false;
    ++n;
  }
  return n >= 3;
}

std::vector<Line> clean_lines(std::string_view text) {
  std::vector<std::string_view> raw;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    raw.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::vector<Line> out;
  Markup state;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    const std::string t = trim(raw[k]);
    Line line;
    for (const char c : raw[k]) {
      if (c != ' ' && c != '\t') break;
      line.indent += c == '\t' ? 4 : 1;
    }
    line.raw = std::string(raw[k]);
    if (t.empty()) {
      state = Markup{};
      out.push_back(line);
      continue;
    }
    if (t == "|") {
      state = Markup{};
      // A stray pipe above a Markdown table ("|" then "| Nơi nhận: ... | CHỦ TỊCH ... |"), as
      // some converters leave it, is no table of its own.
      const std::string next = k + 1 < raw.size() ? trim(raw[k + 1]) : std::string();
      const bool before_row = next.size() > 1 && next[0] == '|';
      line.kind = before_row ? Line::Kind::noise : Line::Kind::pipe;
      out.push_back(line);
      continue;
    }
    // The star under a Party header's issuer ("TỈNH ỦY X" / "*" / "Số 14-KH/TU") is not an
    // italic marker.
    if (t == "*" || is_rule(t)) {
      state = Markup{};
      line.kind = Line::Kind::noise;
      out.push_back(line);
      continue;
    }
    std::size_t in = 0;
    std::size_t outside = 0;
    std::string joined = squeeze_spaces(clean_line(t, state, in, outside));
    // A bold or italic span left open continues on the next lines: join them (at most 8).
    for (int extra = 0; extra < 8 && (state.bold || state.italic) && k + 1 < raw.size(); ++extra) {
      const std::string n = trim(raw[k + 1]);
      if (n.empty() || n == "|" || n[0] == '|') break;
      ++k;
      const std::string more = squeeze_spaces(clean_line(n, state, in, outside));
      if (!more.empty()) joined += (joined.empty() ? "" : " ") + more;
    }
    state = Markup{};
    line.text = joined;
    line.bold = in > 0 && outside == 0;
    if (t[0] == '|' && t.size() > 1) {
      line.kind = Line::Kind::row;
      line.text = t;  // split into cells by the table reader
    } else if (!has_alnum(joined)) {
      line.kind = Line::Kind::noise;
    } else {
      line.kind = Line::Kind::text;
    }
    out.push_back(std::move(line));
  }
  return out;
}

bool ends_sentence(std::string_view s) {
  std::string t = trim(s);
  while (!t.empty() && (t.back() == ')' || t.back() == '"' || t.back() == '*')) t.pop_back();
  if (t.size() >= 3 && t.compare(t.size() - 3, 3, "\xE2\x80\x9D") == 0) t.resize(t.size() - 3);
  if (t.empty()) return false;
  const char c = t.back();
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

// "6.", "II.", "a)", "(1)" with nothing after them.
bool lone_marker(const std::string& s) {
  if (s.empty() || s.size() > 8) return false;
  const Marker m = item_marker(s + " x");
  return m.text_start == s.size() + 1 && m.style != MarkerStyle::none &&
         m.style != MarkerStyle::dash && m.style != MarkerStyle::plus &&
         m.style != MarkerStyle::bullet;
}

bool starts_upper_or_marker(std::string_view s) {
  if (item_marker(s).style != MarkerStyle::none) return true;
  std::size_t i = 0;
  const UChar32 c = next_code_point(s, i);
  return c >= 0 && (u_isupper(c) || u_isdigit(c) || c == '(' || c == 0x201C || c == '"');
}

std::vector<std::string> split_row(std::string_view row) {
  std::vector<std::string> cells;
  std::size_t i = 0;
  if (!row.empty() && row[0] == '|') i = 1;
  std::string cell;
  for (; i < row.size(); ++i) {
    if (row[i] == '|') {
      cells.push_back(trim(cell));
      cell.clear();
    } else {
      cell.push_back(row[i]);
    }
  }
  if (!trim(cell).empty()) cells.push_back(trim(cell));
  return cells;
}

// A Markdown delimiter row ("|---|:--:|"): dashes and colons only, and a dash somewhere; a
// row of empty cells ("| | |", an empty row of a table as a .docx reads it) is a row.
bool is_separator_row(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(),
                     [](const std::string& c) {
                       return c.find_first_not_of("-: ") == std::string::npos;
                     }) &&
         std::any_of(cells.begin(), cells.end(),
                     [](const std::string& c) { return c.find('-') != std::string::npos; });
}

}  // namespace

// ---- Case

bool is_upper_case(std::string_view text) {
  bool letters = false;
  for (std::size_t i = 0; i < text.size();) {
    const UChar32 c = next_code_point(text, i);
    if (c < 0) return false;
    if (u_islower(c)) return false;
    if (u_isupper(c)) letters = true;
  }
  return letters;
}

std::string to_lower(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string to_upper_first(std::string_view text) {
  if (text.empty()) return {};
  std::size_t i = 0;
  const UChar32 c = next_code_point(text, i);
  if (c < 0) return std::string(text);
  std::string out;
  append_utf8(out, static_cast<char32_t>(u_toupper(c)));
  out.append(text.substr(i));
  return out;
}

// ---- Blocks

namespace {
// Drops a web page's chrome above an official header and splits a header the page flattened
// (defined with the header reader below).
std::vector<Line> repaired_header(std::vector<Line> lines);

// A Markdown table: the rows from line k on (k moves past them); delimiter rows are skipped.
TextBlock row_table(const std::vector<Line>& lines, std::size_t& k) {
  TextBlock table;
  table.is_table = true;
  while (k < lines.size() && lines[k].kind == Line::Kind::row) {
    const auto cells = split_row(lines[k].text);
    ++k;
    if (cells.empty() || is_separator_row(cells)) continue;
    std::vector<std::vector<std::string>> row_cells;
    std::vector<std::string> row;
    for (const auto& c : cells) {
      Markup m;
      std::size_t a = 0;
      std::size_t b = 0;
      const std::string text = squeeze_spaces(clean_line(c, m, a, b));
      row.push_back(text);
      row_cells.push_back(text.empty() ? std::vector<std::string>{}
                                       : std::vector<std::string>{text});
    }
    table.table.rows.push_back(std::move(row));
    table.cells.push_back(std::move(row_cells));
  }
  return table;
}

// Where the right column's text starts in a raw line laid out in two columns: after a run of 4
// blanks or more at `from` or later; npos when the line has no such run.
std::size_t right_column(std::string_view raw, std::size_t from) {
  std::size_t at = raw.find_first_not_of(" \t");
  while (at != std::string_view::npos) {
    const std::size_t gap = raw.find("    ", at);
    if (gap == std::string_view::npos) return std::string_view::npos;
    const std::size_t text = raw.find_first_not_of(" \t", gap);
    if (text == std::string_view::npos) return std::string_view::npos;
    if (text >= from) return text;
    at = text;
  }
  return std::string_view::npos;
}

// "Nơi nhận:" and the signature side by side in plain text, as a page's layout puts them
// ("Nơi nhận:          TM. ỦY BAN NHÂN DÂN", "- Như Điều 3;      KT. CHỦ TỊCH", ...): from
// line k on (k moves past them), one row of two cells, the recipients and the signature, as a
// table of a Word document gives them. Blank lines inside are kept out; the columns end at a
// line that is neither a recipient nor in the right column, or at "PHỤ LỤC". No table (k kept)
// when line k is not such a line.
TextBlock side_by_side_signature(const std::vector<Line>& lines, std::size_t& k) {
  TextBlock table;
  const Line& first = lines[k];
  if (first.kind != Line::Kind::text || first.bold) return table;
  const std::size_t start = first.raw.find_first_not_of(" \t");
  const std::size_t col = start == std::string::npos ? start : right_column(first.raw, start + 1);
  if (col == std::string::npos || col < 20) return table;
  const std::string left_head = trim(std::string_view(first.raw).substr(0, col));
  if (fold(left_head).rfind("noi nhan", 0) != 0) return table;
  std::vector<std::string> left;
  std::vector<std::string> right;
  const std::size_t reach = col > 12 ? col - 12 : 0;  // a centred signature line starts earlier
  std::size_t m = k;
  for (; m < lines.size(); ++m) {
    const Line& l = lines[m];
    if (l.kind == Line::Kind::empty) continue;
    if (l.kind != Line::Kind::text) break;
    std::string_view raw = l.raw;
    std::size_t r = l.indent >= reach ? raw.find_first_not_of(" \t") : right_column(raw, reach);
    const std::string lhs = trim(raw.substr(0, std::min(r, raw.size())));
    const std::string rhs = r == std::string_view::npos ? std::string() : trim(raw.substr(r));
    const Marker mark = item_marker(lhs);
    // "- Văn phòng Sở (bố trí kinh phí, phương" / "tiện phục vụ Đoàn);": a recipient wrapped
    // onto the next line, which opens in lower case.
    const bool wrapped = m > k && !left.empty() && mark.style == MarkerStyle::none &&
                         !lhs.empty() && to_upper_first(lhs) != lhs;
    const bool recipient = m == k || mark.style == MarkerStyle::dash ||
                           mark.style == MarkerStyle::plus || lhs.empty() || wrapped;
    // (An annex's heading centred under the signature ends it too.)
    if (!recipient || fold(lhs).rfind("phu luc", 0) == 0 || fold(rhs).rfind("phu luc", 0) == 0) {
      break;
    }
    if (wrapped) {
      left.back() += " " + squeeze_spaces(lhs);
    } else if (!lhs.empty()) {
      left.push_back(squeeze_spaces(lhs));
    }
    if (!rhs.empty()) right.push_back(squeeze_spaces(rhs));
  }
  if (right.empty()) return table;
  table.is_table = true;
  table.cells = {{left, right}};
  std::vector<std::string> row;
  for (const auto& cell : table.cells.front()) {
    std::string joined;
    for (const auto& x : cell) joined += (joined.empty() ? "" : " ") + x;
    row.push_back(joined);
  }
  table.table.rows.push_back(std::move(row));
  k = m;
  return table;
}

// A table of one cell per line block, from the pipe at line k (k moves past it): '|' ends a
// cell, '|' '|' ends a row, '|' before an empty line (or the end) ends the table.
TextBlock pipe_table(const std::vector<Line>& lines, std::size_t& k) {
  TextBlock table;
  table.is_table = true;
  std::vector<std::vector<std::string>> row;
  std::vector<std::string> cell;
  bool open_cell = false;
  const auto end_cell = [&] {
    if (open_cell) row.push_back(std::move(cell));
    cell.clear();
    open_cell = false;
  };
  const auto end_row = [&] {
    end_cell();
    if (!row.empty()) table.cells.push_back(std::move(row));
    row.clear();
  };
  ++k;
  open_cell = true;
  bool last_pipe = true;
  while (k < lines.size()) {
    const Line& m = lines[k];
    if (m.kind == Line::Kind::pipe) {
      if (last_pipe) {
        // "|" "|": the row ends; the cell opened by the first pipe was empty.
        open_cell = false;
        cell.clear();
        end_row();
      } else {
        end_cell();
      }
      open_cell = true;
      last_pipe = true;
      ++k;
      if (k >= lines.size() || lines[k].kind == Line::Kind::empty) break;
      continue;
    }
    if (m.kind == Line::Kind::empty) {
      std::size_t n = k;
      while (n < lines.size() && lines[n].kind == Line::Kind::empty) ++n;
      if (n >= lines.size() || lines[n].kind != Line::Kind::pipe) break;
      k = n;
      continue;
    }
    if (m.kind == Line::Kind::text || m.kind == Line::Kind::row) cell.push_back(m.text);
    last_pipe = false;
    ++k;
  }
  if (!last_pipe) end_cell();
  open_cell = false;
  end_row();
  for (const auto& r : table.cells) {
    std::vector<std::string> texts;
    for (const auto& c : r) {
      std::string joined;
      for (const auto& x : c) joined += (joined.empty() ? "" : " ") + x;
      texts.push_back(joined);
    }
    table.table.rows.push_back(std::move(texts));
  }
  return table;
}

bool is_numbering(MarkerStyle s) {
  return s != MarkerStyle::none && s != MarkerStyle::dash && s != MarkerStyle::plus &&
         s != MarkerStyle::bullet;
}

bool is_dash_style(MarkerStyle s) {
  return s == MarkerStyle::dash || s == MarkerStyle::plus || s == MarkerStyle::bullet;
}

// A numbered line after a short numbered heading ("2. Nhiệm vụ" then "a) ..."), or a dash item
// after a heading of a few words ("1. Mục đích" then "- Triển khai"): even when no blank line
// and no full stop comes before it.
bool after_short_heading(const std::vector<std::string>& para, std::size_t para_words,
                         const Marker& next) {
  const Marker first = item_marker(para.front());
  return (is_numbering(next.style) || (is_dash_style(next.style) && para_words <= 12)) &&
         first.style != MarkerStyle::none && first.style != MarkerStyle::dash &&
         first.style != MarkerStyle::plus && para_words <= 14 && !ends_sentence(para.back());
}

// A numbered line that is only the name of a part of the plan ("1. Mục đích", "1. Mục tiêu
// chung", "2. Mục tiêu cụ thể đến năm 2026"): in text without blank lines, the line after it
// that opens with a capital is the part's first paragraph, not the heading's continuation. (A
// sentence may open with such words and wrap before a capital, "1. Kinh phí thực hiện" / "Kế
// hoạch này ...": only the names themselves, with a horizon at most, count.)
bool names_a_part_alone(const std::vector<std::string>& para) {
  if (para.size() != 1) return false;
  const Marker m = item_marker(para.front());
  if (!is_numbering(m.style)) return false;
  const std::string_view rest = std::string_view(para.front()).substr(m.text_start);
  if (ends_sentence(rest) || words_in(rest) > 8) return false;
  std::string f = fold(rest);
  for (const std::string_view horizon : {" den nam ", " giai doan "}) {
    if (const std::size_t at = f.find(horizon); at != std::string::npos) f.resize(at);
  }
  for (const std::string_view p :
       {"muc dich", "yeu cau", "muc tieu", "muc tieu chung", "muc tieu tong quat",
        "muc tieu cu the", "chi tieu", "chi tieu cu the", "cac chi tieu", "cac chi tieu cu the"}) {
    if (f == p) return true;
  }
  return false;
}

// The indent that opens a paragraph in text laid out like a printed page, or 0 when the text
// is not so laid out: there, paragraphs and headings start indented ("      1. Mục đích",
// "       Cụ thể hóa ...") and their wrapped lines at the margin, with no blank line between
// paragraphs. Read as the most common indent of 3 blanks or more, when at least a tenth of the
// text lines are indented so and a fifth start at the margin (centred title lines are indented
// further and stay out of it).
std::size_t paragraph_indent(const std::vector<Line>& lines) {
  std::map<std::size_t, std::size_t> counts;
  std::size_t text = 0;
  std::size_t margin = 0;
  std::size_t indented = 0;
  for (const Line& l : lines) {
    if (l.kind != Line::Kind::text) continue;
    ++text;
    if (l.indent == 0) ++margin;
    if (l.indent >= 3) {
      ++indented;
      ++counts[l.indent];
    }
  }
  if (indented * 10 < text || margin * 5 < text) return 0;
  std::size_t best = 0;
  std::size_t most = 0;
  for (const auto& [indent, n] : counts) {
    if (n > most) {
      best = indent;
      most = n;
    }
  }
  return best;
}

// Whether the text line `l` opens a new paragraph after the open paragraph's lines `para`
// (`para_bold`: all of them bold; `indent`: the paragraph indent of the text, 0 for none).
bool paragraph_ends_before(const std::vector<std::string>& para, bool para_bold, const Line& l,
                           std::size_t indent) {
  // A heading in capitals ends before a line that is not (a title's lines all are).
  const bool after_heading = is_upper_case(para.back()) && !is_upper_case(l.text) &&
                             item_marker(para.back()).style != MarkerStyle::none;
  const Marker next = item_marker(l.text);
  std::size_t para_words = 0;
  for (const auto& x : para) para_words += words_in(x);
  // A Roman-numbered line in capitals ("III. TỔ CHỨC THỰC HIỆN").
  const bool roman_heading =
      next.style == MarkerStyle::roman && starts_upper_or_marker(l.text.substr(next.text_start)) &&
      is_upper_case(l.text.substr(0, std::min<std::size_t>(l.text.size(), 40)));
  // Capital lines (a title, a heading) end before a sentence line: "NÂNG CAO ... GIAI ĐOẠN
  // 2026 - 2030" then "Thực hiện Kế hoạch số ...".
  bool all_upper = true;
  for (const auto& x : para) all_upper = all_upper && is_upper_case(x);
  const bool after_capitals = all_upper && para_words >= 2 && !is_upper_case(l.text) &&
                              starts_upper_or_marker(l.text) && words_in(l.text) >= 3;
  // A short line in capitals after a sentence line: the type word ("KẾ HOẠCH") or a
  // heading, not the sentence's continuation.
  const bool capitals_after =
      !all_upper && is_upper_case(l.text) && words_in(l.text) <= 4 && !is_upper_case(para.back());
  // A number alone on its line ("1." then the item's text) opens an item.
  const bool lone_next = lone_marker(l.text);
  // Text laid out like a printed page: a line at the paragraph indent opens a paragraph (the
  // lines of a title in capitals stay together).
  const bool indented = indent > 0 && l.indent >= 3 && l.indent <= indent + 3 &&
                        starts_upper_or_marker(l.text) && !(all_upper && is_upper_case(l.text));
  const bool after_part_name = names_a_part_alone(para) && starts_upper_or_marker(l.text);
  return l.bold || para_bold || after_heading || after_short_heading(para, para_words, next) ||
         after_part_name || lone_next || roman_heading || after_capitals || capitals_after ||
         indented || (ends_sentence(para.back()) && starts_upper_or_marker(l.text));
}

}  // namespace

std::vector<TextBlock> text_blocks(std::string_view input) {
  std::string html_free;
  if (looks_like_html(input)) {
    html_free = strip_html(input);
    input = html_free;
  }
  const std::vector<Line> lines = repaired_header(clean_lines(input));
  // (An HTML page's indents are its source's, not a layout.)
  const std::size_t indent = html_free.empty() ? paragraph_indent(lines) : 0;
  std::vector<TextBlock> out;
  TextBlock para;
  bool para_bold = true;
  bool blank_before = true;
  const auto flush = [&] {
    if (para.lines.empty()) return;
    std::string joined;
    for (const auto& l : para.lines) joined += (joined.empty() ? "" : " ") + l;
    para.text = squeeze_spaces(joined);
    para.bold = para_bold;
    out.push_back(std::move(para));
    para = TextBlock{};
    para_bold = true;
  };
  std::size_t k = 0;
  while (k < lines.size()) {
    const Line& l = lines[k];
    if (l.kind == Line::Kind::empty || l.kind == Line::Kind::noise) {
      flush();
      if (l.kind == Line::Kind::empty) blank_before = true;
      ++k;
      continue;
    }
    if (l.kind == Line::Kind::row || l.kind == Line::Kind::pipe) {
      flush();
      const bool pipes = l.kind == Line::Kind::pipe;
      TextBlock table = pipes ? pipe_table(lines, k) : row_table(lines, k);
      table.after_blank = blank_before;
      blank_before = pipes;
      if (!table.cells.empty()) out.push_back(std::move(table));
      continue;
    }
    if (TextBlock columns = side_by_side_signature(lines, k); columns.is_table) {
      flush();
      columns.after_blank = blank_before;
      blank_before = false;
      out.push_back(std::move(columns));
      continue;
    }
    // A text line. A numbering left alone on its line ("**6**." then the item's text below)
    // opens the paragraph of the next line.
    if (para.lines.size() == 1 && lone_marker(para.lines.front())) {
      para.lines.push_back(l.text);
      para_bold = l.bold;
      ++k;
      continue;
    }
    if (!para.lines.empty() && paragraph_ends_before(para.lines, para_bold, l, indent)) flush();
    if (para.lines.empty()) {
      para.after_blank = blank_before;
      blank_before = false;
    }
    para.lines.push_back(l.text);
    para_bold = para_bold && l.bold;
    ++k;
  }
  flush();
  return out;
}

// ---- Item markers

namespace {

bool is_roman(std::string_view s) {
  static constexpr std::array<std::string_view, 20> romans = {
      "I",  "II",  "III",  "IV",  "V",  "VI",  "VII",  "VIII",  "IX",  "X",
      "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
  return std::find(romans.begin(), romans.end(), s) != romans.end();
}

// The marker p.substr(0, end) of the given style when text follows it (after spaces); no
// marker when nothing does.
Marker marker_before_text(std::string_view p, std::size_t end, MarkerStyle style) {
  std::size_t t = end;
  while (t < p.size() && p[t] == ' ') ++t;
  if (t >= p.size()) return Marker{};
  return Marker{style, std::string(p.substr(0, end)), t};
}

Marker letter_marker(std::string_view p);

// Dashes ("- ", "– "), "+ " and bullets ("•"); nullopt when p starts with none of them.
std::optional<Marker> dash_or_bullet_marker(std::string_view p) {
  for (const std::string_view d : {"-", "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92"}) {
    if (starts_with(p, d) && p.size() > d.size() && p[d.size()] == ' ') {
      // "- a) ...": a point whose letter a list's dash (or a scanner's speck) stands before is
      // the point "a)".
      const std::size_t after = p.find_first_not_of(' ', d.size());
      if (after != std::string_view::npos) {
        const Marker point = letter_marker(p.substr(after));
        if (point.style == MarkerStyle::letter && point.label.back() == ')') {
          return Marker{point.style, point.label, after + point.text_start};
        }
      }
      return marker_before_text(p, d.size(), MarkerStyle::dash);
    }
  }
  if (starts_with(p, "+ ")) return marker_before_text(p, 1, MarkerStyle::plus);
  for (const std::string_view b : {"\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x96\xAA", "\xC2\xB7",
                                   "\xEF\x82\xB7", "\xE2\x97\xA6", "\xEF\x82\xA7"}) {
    if (starts_with(p, b)) return marker_before_text(p, b.size(), MarkerStyle::bullet);
  }
  return std::nullopt;
}

// "Điều 1."; nullopt when p does not start so.
std::optional<Marker> article_marker(std::string_view p) {
  if (!starts_with(p, "Điều ")) return std::nullopt;
  std::size_t i = std::string_view("Điều ").size();
  const std::size_t d = i;
  while (i < p.size() && p[i] >= '0' && p[i] <= '9') ++i;
  if (i > d && i < p.size() && (p[i] == '.' || p[i] == ':')) {
    return marker_before_text(p, i + 1, MarkerStyle::article);
  }
  return std::nullopt;
}

// "(1)", "(a)" at the start of p (which starts with '(').
Marker paren_marker(std::string_view p) {
  std::size_t i = 1;
  while (i < p.size() && i < 4 && ((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'z')))
    ++i;
  if (i > 1 && i < p.size() && p[i] == ')' && i <= 3) {
    return marker_before_text(p, i + 1, MarkerStyle::paren);
  }
  return Marker{};
}

// "1.", "1)", "1.1.", "1.1.1" at the start of p (which starts with a digit).
Marker number_marker(std::string_view p) {
  std::size_t i = 0;
  int parts = 0;
  while (true) {
    const std::size_t d = i;
    while (i < p.size() && p[i] >= '0' && p[i] <= '9') ++i;
    if (i == d || i - d > 2) return Marker{};
    ++parts;
    if (i < p.size() && p[i] == '.' && i + 1 < p.size() && p[i + 1] >= '0' && p[i + 1] <= '9' &&
        parts < 3) {
      ++i;
      continue;
    }
    break;
  }
  if (i >= p.size()) return Marker{};
  const MarkerStyle style = parts == 1   ? MarkerStyle::arabic
                            : parts == 2 ? MarkerStyle::decimal2
                                         : MarkerStyle::decimal3;
  if (p[i] == '.' || p[i] == ')') {
    // "1.5 triệu" or "2.360" read as numbers, not markers: a marker is followed by a space.
    if (i + 1 < p.size() && p[i + 1] != ' ') return Marker{};
    return marker_before_text(p, i + 1, style);
  }
  if (p[i] == ' ' && parts > 1) return marker_before_text(p, i, style);
  return Marker{};
}

// "a)", "đ)", "a.", "A.", "I.", "IV." at the start of p.
Marker letter_marker(std::string_view p) {
  std::size_t i = 0;
  while (i < p.size() && p[i] >= 'A' && p[i] <= 'Z') ++i;
  if (i > 0 && i < p.size() && (p[i] == '.' || p[i] == ')') && i + 1 < p.size() &&
      p[i + 1] == ' ') {
    const std::string_view word = p.substr(0, i);
    // "B)", "C)": a point ("a)", "b)") written in capitals (Word's autocorrect, OCR), not a part
    // ("A.", "B.") nor the Roman hundred.
    if (i == 1 && p[i] == ')') return marker_before_text(p, i + 1, MarkerStyle::letter);
    if (is_roman(word)) return marker_before_text(p, i + 1, MarkerStyle::roman);
    if (i == 1) return marker_before_text(p, i + 1, MarkerStyle::upper_alpha);
    return Marker{};
  }
  std::size_t j = 0;
  if (p[0] >= 'a' && p[0] <= 'z') {
    j = 1;
  } else if (starts_with(p, "đ")) {
    j = std::string_view("đ").size();
  }
  if (j > 0 && j < p.size() && (p[j] == ')' || p[j] == '.') && j + 1 < p.size() &&
      p[j + 1] == ' ') {
    return marker_before_text(p, j + 1, MarkerStyle::letter);
  }
  return Marker{};
}

}  // namespace

Marker item_marker(std::string_view p) {
  if (p.empty()) return Marker{};
  if (auto m = dash_or_bullet_marker(p)) return *m;
  if (auto m = article_marker(p)) return *m;
  if (p[0] == '(') return paren_marker(p);
  if (p[0] >= '0' && p[0] <= '9') return number_marker(p);
  return letter_marker(p);
}

// ---- Header

namespace {

struct WordSpan {
  std::string folded;  // punctuation trimmed
  std::size_t begin;
  std::size_t end;
};

std::vector<WordSpan> words_of(std::string_view s) {
  std::vector<WordSpan> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\n') ++j;
    if (j > i) {
      std::string f = fold(s.substr(i, j - i));
      while (!f.empty() && std::strchr(",.;:()\"*", f.back()) != nullptr) f.pop_back();
      while (!f.empty() && std::strchr("(\"*", f.front()) != nullptr) f.erase(0, 1);
      out.push_back(WordSpan{f, i, j});
    }
    i = j;
  }
  return out;
}

// Position of the folded phrase in the words, from `from`; npos when absent.
std::size_t find_words(const std::vector<WordSpan>& w, std::initializer_list<std::string_view> p,
                       std::size_t from = 0) {
  for (std::size_t k = from; k + p.size() <= w.size(); ++k) {
    std::size_t m = 0;
    for (const auto& x : p) {
      if (w[k + m].folded != x) break;
      ++m;
    }
    if (m == p.size()) return k;
  }
  return std::string::npos;
}

// Removes the words [b, e) from the line, returning the text before and after.
std::pair<std::string, std::string> cut(std::string_view s, const std::vector<WordSpan>& w,
                                        std::size_t b, std::size_t e) {
  const std::size_t from = w[b].begin;
  const std::size_t to = e < w.size() ? w[e].begin : s.size();
  return {trim(s.substr(0, from)), trim(s.substr(to))};
}

}  // namespace

namespace {

// Header lines broken where the layout broke them, joined again: the motto over two lines
// ("CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do -" / "Hạnh phúc") and the
// place-date line ("Bắc Ninh, ngày 20" / "tháng 11 năm 2025").
std::vector<std::string> joined_header_lines(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const auto& line : lines) {
    if (!out.empty()) {
      const std::string prev = fold(out.back());
      const std::string next = fold(line);
      const auto ends = [&](std::string_view tail) {
        return prev.size() >= tail.size() &&
               prev.compare(prev.size() - tail.size(), tail.size(), tail) == 0;
      };
      // The motto's first line broken anywhere: "CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM".
      bool motto_split = false;
      {
        static constexpr std::string_view kMotto = "cong hoa xa hoi chu nghia viet nam";
        for (std::size_t cut = kMotto.find(' '); cut != std::string_view::npos;
             cut = kMotto.find(' ', cut + 1)) {
          const std::string_view head = kMotto.substr(0, cut);
          const std::string_view tail = kMotto.substr(cut + 1);
          if (ends(head) && !next.empty() &&
              tail.rfind(std::string_view(next).substr(0, std::min(next.size(), tail.size())), 0) ==
                  0) {
            motto_split = true;
          }
        }
      }
      const bool motto = motto_split || (ends("xa hoi") && next.rfind("chu nghia", 0) == 0) ||
                         (prev.find("doc lap") != std::string::npos &&
                          prev.find("hanh phuc") == std::string::npos &&
                          (next.rfind("tu do", 0) == 0 || next.rfind("hanh phuc", 0) == 0 ||
                           next.rfind("- hanh phuc", 0) == 0));
      const std::size_t ngay = prev.rfind("ngay ");
      const bool date =
          (ngay != std::string::npos && prev.find("thang", ngay) == std::string::npos &&
           (next.rfind("thang ", 0) == 0 || next.rfind("nam ", 0) == 0)) ||
          // "Cần Thơ, ngày" / "17 tháng 11 năm 2025".
          (ends("ngay") && !next.empty() && next[0] >= '0' && next[0] <= '9' &&
           next.find("thang") != std::string::npos);
      // "ỦY" / "BAN NHÂN DÂN TỈNH X": the issuer's name broken after its first words.
      bool issuer_split = false;
      for (const std::string_view name :
           {std::string_view("uy ban nhan dan"), std::string_view("hoi dong nhan dan")}) {
        for (std::size_t cut = name.find(' '); cut != std::string_view::npos;
             cut = name.find(' ', cut + 1)) {
          if (prev == name.substr(0, cut) && next.rfind(name.substr(cut + 1), 0) == 0)
            issuer_split = true;
        }
      }
      // "Kon" / "Tum, ngày 17 tháng 5 năm 2019": the place broken before its last word.
      const std::size_t comma = next.find(", ngay");
      const bool place_split = comma != std::string::npos && comma <= 12 &&
                               next.substr(0, comma).find(' ') == std::string::npos &&
                               words_in(prev) <= 2 && !is_upper_case(out.back()) &&
                               prev.find_first_of("0123456789:,|") == std::string::npos &&
                               prev.rfind("so", 0) != 0;
      if (motto || date || issuer_split || place_split) {
        out.back() += " " + line;
        continue;
      }
    }
    out.push_back(line);
  }
  return out;
}

// Cuts the national motto and the Party heading out of the line, wherever they stand: what
// stands before one goes to `rest`; returns what is left.
std::string without_motto(std::string line, HeaderFacts& h, std::vector<std::string>& rest) {
  bool changed = true;
  while (changed) {
    changed = false;
    const auto w = words_of(line);
    for (const auto& phrase :
         {std::initializer_list<std::string_view>{"cong", "hoa", "xa", "hoi", "chu", "nghia",
                                                  "viet", "nam"},
          std::initializer_list<std::string_view>{"doc", "lap", "-", "tu", "do", "-", "hanh",
                                                  "phuc"},
          std::initializer_list<std::string_view>{"doc", "lap", "tu", "do", "hanh", "phuc"},
          std::initializer_list<std::string_view>{"dang", "cong", "san", "viet", "nam"}}) {
      const std::size_t at = find_words(w, phrase);
      if (at == std::string::npos) continue;
      if (*phrase.begin() == "dang") h.party = true;
      auto [a, b] = cut(line, w, at, at + phrase.size());
      if (!a.empty()) rest.push_back(a);
      line = b;
      changed = true;
      break;
    }
  }
  return line;
}

// The word "Số" ("Số: 141/KH-UBND", "Số 383-QĐ/TW", "Số:") of the line; npos when none.
std::size_t number_word(std::string_view line, const std::vector<WordSpan>& w) {
  for (std::size_t k = 0; k < w.size(); ++k) {
    if (w[k].folded == "so" || w[k].folded.rfind("so:", 0) == 0) {
      // "Số hiệu: ..." heads a page's summary of the document, not its header.
      if (k + 1 < w.size() && w[k].folded == "so" && w[k + 1].folded == "hieu") continue;
      const std::string_view raw = line.substr(w[k].begin);
      if (starts_with(raw, "Số") || starts_with(raw, "SỐ")) return k;
    }
  }
  return std::string::npos;
}

// Takes the symbol after "Số" at byte `at` of the line (what stands before it goes to
// `rest`); `want_symbol` when "Số" ends the line (the symbol is on the next). Returns what
// follows the symbol.
std::string take_symbol(const std::string& line, std::size_t at, HeaderFacts& h, bool& want_symbol,
                        std::vector<std::string>& rest) {
  std::string before = trim(std::string_view(line).substr(0, at));
  std::string after = trim(std::string_view(line).substr(at));
  after = trim(std::string_view(after).substr(std::string_view("Số").size()));
  if (!after.empty() && after[0] == ':') after = trim(std::string_view(after).substr(1));
  if (!before.empty()) rest.push_back(before);
  // The symbol is the first word; a place-date may follow on the same line.
  const std::size_t space = after.find(' ');
  std::string symbol = space == std::string::npos ? after : after.substr(0, space);
  std::string left = space == std::string::npos ? "" : trim(std::string_view(after).substr(space));
  // "14 - KH/TU" written with spaces: take words while they look like a symbol.
  while (!left.empty()) {
    const std::size_t sp = left.find(' ');
    const std::string next = sp == std::string::npos ? left : left.substr(0, sp);
    const bool joins = next == "-" || next == "/" || next[0] == '-' || next[0] == '/' ||
                       symbol.back() == '-' || symbol.back() == '/';
    if (!joins) break;
    symbol += next;
    left = sp == std::string::npos ? "" : trim(std::string_view(left).substr(sp));
  }
  if (symbol.empty()) {
    want_symbol = true;
  } else {
    h.symbol_text = symbol;
  }
  return left;
}

// "<place>, ngày 20 tháng 11 năm 2025": sets the place and the date; false when the line
// states no such date.
bool take_place_date(std::string_view line, const std::vector<WordSpan>& w, HeaderFacts& h) {
  const std::size_t ngay = find_words(w, {"ngay"});
  if (ngay == std::string::npos || h.date_text ||
      (find_words(w, {"thang"}, ngay) == std::string::npos &&
       find_words(w, {"nam"}, ngay) == std::string::npos)) {
    return false;
  }
  std::string place = trim(line.substr(0, w[ngay].begin));
  while (!place.empty() && (place.back() == ',' || place.back() == ' ')) place.pop_back();
  h.date_text = trim(line.substr(w[ngay].begin));
  // (Dots to fill, "……………, ngày ..... tháng", are a blank, not a place.)
  std::string letters = place;
  for (const std::string_view blank : {"…", ".", " "}) {
    for (std::size_t at = letters.find(blank); at != std::string::npos;
         at = letters.find(blank, at)) {
      letters.erase(at, blank.size());
    }
  }
  if (!letters.empty()) h.place = place;
  return true;
}

// "Số" at word `so` of the line follows "theo quyết định" (on the line, or ending the header
// line before it: "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT"): the number of the
// decision the issuing body works under, not the document's. (A type line "QUYẾT ĐỊNH" before
// "Số: ..." names the document: "theo" is wanted.)
bool names_founding_decision(const std::vector<WordSpan>& w, std::size_t so,
                             const std::vector<std::string>& rest) {
  if (so >= 3) {
    return w[so - 3].folded == "theo" && w[so - 2].folded == "quyet" && w[so - 1].folded == "dinh";
  }
  if (so != 0 || rest.empty()) return false;
  const std::string before = " " + fold(trim(rest.back()));
  static constexpr std::string_view kDecision = " theo quyet dinh";
  return before.size() >= kDecision.size() &&
         before.compare(before.size() - kDecision.size(), kDecision.size(), kDecision) == 0;
}

// Only upper-case lines name the issuer (dashes and separators are dropped).
std::vector<std::string> issuer_lines_of(const std::vector<std::string>& rest) {
  std::vector<std::string> out;
  for (const auto& r : rest) {
    std::string t = trim(r);
    while (!t.empty() && (t.back() == '-' || t.back() == '_' || t.back() == '*')) t.pop_back();
    t = trim(t);
    if (t.empty() || !is_upper_case(t)) continue;
    out.push_back(t);
  }
  return out;
}

}  // namespace

HeaderFacts read_header(const std::vector<std::string>& raw_lines) {
  HeaderFacts h;
  std::vector<std::string> rest;
  bool want_symbol = false;
  const std::vector<std::string> lines = joined_header_lines(raw_lines);
  for (const std::string& raw : lines) {
    std::string line = without_motto(raw, h, rest);
    if (line.empty()) continue;
    auto w = words_of(line);
    if (w.empty()) continue;
    const std::size_t so = number_word(line, w);
    if (so != std::string::npos && !h.symbol_text && names_founding_decision(w, so, rest)) {
      // "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH" / "SỐ 1050/QĐ-SCT": the number of the decision that set
      // the issuing body up is part of the body's name, not the document's number.
      HeaderFacts decision;
      bool blank = false;
      std::vector<std::string> before;
      const std::string left = take_symbol(line, w[so].begin, decision, blank, before);
      rest.insert(rest.end(), before.begin(), before.end());
      const std::size_t end = left.empty() ? line.size() : line.rfind(left);
      rest.push_back(trim(std::string_view(line).substr(w[so].begin, end - w[so].begin)));
      line = left;
      if (line.empty()) continue;
      w = words_of(line);
      if (take_place_date(line, w, h)) continue;
      rest.push_back(line);
      continue;
    }
    if (so != std::string::npos && !h.symbol_text) {
      line = take_symbol(line, w[so].begin, h, want_symbol, rest);
      if (line.empty()) continue;
      w = words_of(line);
    } else if (want_symbol && !h.symbol_text) {
      want_symbol = false;
      const std::size_t space = line.find(' ');
      const std::string first = space == std::string::npos ? line : line.substr(0, space);
      if (first.find('/') != std::string::npos || first.find('-') != std::string::npos) {
        h.symbol_text = first;
        line = space == std::string::npos ? "" : trim(std::string_view(line).substr(space));
        if (line.empty()) continue;
        w = words_of(line);
      }
    }
    if (take_place_date(line, w, h)) continue;
    rest.push_back(line);
  }
  h.issuer_lines = issuer_lines_of(rest);
  if (h.symbol_text && h.symbol_text->find_first_of("0123456789") == std::string::npos) {
    h.symbol_text = "";  // "Số: /KH-UBND": left blank to fill
  }
  if (!h.symbol_text && want_symbol) h.symbol_text = "";
  return h;
}

// ---- Issuer names

namespace {

// Proper spelling of words that stay capitalised inside an issuer's name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kProper = {{
    {"chinh phu", "Chính phủ"},
    {"quoc hoi", "Quốc hội"},
    {"bo chinh tri", "Bộ Chính trị"},
    {"ban bi thu", "Ban Bí thư"},
    {"ban chap hanh trung uong", "Ban Chấp hành Trung ương"},
    {"ban chap hanh", "Ban Chấp hành"},
    {"ban thuong vu", "Ban Thường vụ"},
    {"tinh uy", "Tỉnh ủy"},
    {"thanh uy", "Thành ủy"},
    {"huyen uy", "Huyện ủy"},
    {"quan uy", "Quận ủy"},
    {"thi uy", "Thị ủy"},
    {"dang uy", "Đảng ủy"},
    {"mat tran to quoc viet nam", "Mặt trận Tổ quốc Việt Nam"},
    {"mat tran to quoc", "Mặt trận Tổ quốc"},
    {"trung uong", "Trung ương"},
    {"dang", "Đảng"},
    {"viet nam", "Việt Nam"},
    {"cong an", "Công an"},
    {"thu tuong", "Thủ tướng"},
    {"van phong", "Văn phòng"},
    {"ban chi dao", "Ban Chỉ đạo"},
}};

// Words after which a place name follows ("tỉnh Bắc Ninh").
constexpr std::array<std::string_view, 10> kLevels = {
    "tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran", "khu pho", "ap"};

// Kinds of body whose next word is capitalised ("Sở Nội vụ", "Bộ Tài chính").
constexpr std::array<std::string_view, 9> kBodyKinds = {"so",  "bo",  "cuc",   "chi cuc", "vu",
                                                        "ban", "hoi", "phong", "vien"};

std::string title_case(std::string_view lower) {
  std::string out;
  std::size_t i = 0;
  bool start = true;
  while (i < lower.size()) {
    const std::size_t b = i;
    const UChar32 c = next_code_point(lower, i);
    if (start && c >= 0 && u_isalpha(c)) {
      append_utf8(out, static_cast<char32_t>(u_toupper(c)));
    } else {
      out.append(lower.substr(b, i - b));
    }
    start = c == ' ' || c == '-' || c == '(';
  }
  return out;
}

// "UBND", "HĐND", "UBMTTQ" written in full; "Y BAN NHÂN DÂN" (the first letter lost by a
// page's copy of the header) repaired.
std::string expanded_abbreviations(const std::string& upper) {
  std::string text = upper;
  if (text.rfind("Y BAN NHÂN DÂN", 0) == 0) text.insert(0, "Ủ");
  for (const auto& [abbr, full] :
       {std::pair<std::string_view, std::string_view>{"UBND", "ỦY BAN NHÂN DÂN"},
        {"HĐND", "HỘI ĐỒNG NHÂN DÂN"},
        {"UBMTTQ", "ỦY BAN MẶT TRẬN TỔ QUỐC"}}) {
    const auto w = words_of(text);
    for (std::size_t k = w.size(); k-- > 0;) {
      if (text.substr(w[k].begin, w[k].end - w[k].begin) == abbr) {
        text.replace(w[k].begin, w[k].end - w[k].begin, full);
      }
    }
  }
  return text;
}

// A name's words being spelled: `w` the lower-case words (folded), `out` their spelling,
// `done` the words already spelled.
struct Spelling {
  std::vector<WordSpan> w;
  std::vector<std::string> out;
  std::vector<bool> done;
};

// Whether the words from k on start with the folded words of `phrase`.
bool words_start_with(const std::vector<WordSpan>& w, std::size_t k,
                      const std::vector<WordSpan>& phrase) {
  if (k + phrase.size() > w.size()) return false;
  for (std::size_t m = 0; m < phrase.size(); ++m) {
    if (w[k + m].folded != phrase[m].folded) return false;
  }
  return true;
}

// Known names (kProper), wherever they stand.
void spell_known_names(Spelling& s) {
  for (const auto& [folded, proper] : kProper) {
    const auto pw = words_of(std::string(proper));
    std::vector<std::string> fw;
    for (const auto& x : pw) fw.push_back(x.folded);
    for (std::size_t k = 0; k + fw.size() <= s.w.size(); ++k) {
      bool ok = true;
      for (std::size_t m = 0; m < fw.size() && ok; ++m)
        ok = !s.done[k + m] && s.w[k + m].folded == fw[m];
      if (!ok) continue;
      for (std::size_t m = 0; m < fw.size(); ++m) {
        const std::string properw =
            std::string(proper).substr(pw[m].begin, pw[m].end - pw[m].begin);
        // Keep the source's tone placement: only the case of the first letter changes.
        std::string& word = s.out[k + m];
        const std::string_view pv = properw;
        std::size_t pi = 0;
        const UChar32 pc = next_code_point(pv, pi);
        if (pc >= 0 && u_isupper(pc)) word = to_upper_first(word);
        s.done[k + m] = true;
      }
    }
  }
}

// A Party committee named by its place ("HUYỆN ỦY MẪU SƠN"): the place follows.
void spell_committee_places(Spelling& s) {
  const auto& w = s.w;
  for (std::size_t k = 0; k + 2 < w.size(); ++k) {
    const std::string pair = w[k].folded + " " + w[k + 1].folded;
    if (pair != "tinh uy" && pair != "thanh uy" && pair != "huyen uy" && pair != "quan uy" &&
        pair != "thi uy") {
      continue;
    }
    for (std::size_t m = k + 2; m < w.size() && !s.done[m]; ++m) {
      s.out[m] = title_case(s.out[m]);
      s.done[m] = true;
    }
  }
}

// Place names after a level word, to the end of the name.
void spell_places(Spelling& s) {
  const auto& w = s.w;
  for (std::size_t k = 0; k < w.size(); ++k) {
    for (const auto level : kLevels) {
      const auto lw = words_of(level);
      if (!words_start_with(w, k, lw) || s.done[k]) continue;
      const std::size_t first = k + lw.size();
      if (first >= w.size()) continue;
      for (std::size_t m = first; m < w.size(); ++m) {
        if (s.done[m]) break;
        s.out[m] = title_case(s.out[m]);
        s.done[m] = true;
      }
      for (std::size_t m = k; m < first; ++m) s.done[m] = true;
    }
  }
}

// A body kind's name at the start: the next word and every word after "và", "," or "-".
void spell_body_kind_name(Spelling& s) {
  const auto& w = s.w;
  if (w.size() < 2) return;
  std::size_t len = 0;
  for (const auto bk : kBodyKinds) {
    const auto bw = words_of(bk);
    if (bw.size() >= w.size()) continue;
    if (words_start_with(w, 0, bw)) {
      len = bw.size();
      break;
    }
  }
  if (len == 0) return;
  bool cap = true;
  for (std::size_t m = len; m < w.size(); ++m) {
    if (!s.done[m] && cap) s.out[m] = to_upper_first(s.out[m]);
    const std::string& f = w[m].folded;
    cap = f == "va" || f == "-" || (!s.out[m].empty() && s.out[m].back() == ',');
  }
}

// "ỦY BAN NHÂN DÂN TỈNH BẮC NINH" -> "Ủy ban nhân dân tỉnh Bắc Ninh".
std::string spell_body(const std::string& upper) {
  const std::string expanded = expanded_abbreviations(upper);
  const std::string lower = to_lower(expanded);
  Spelling s;
  s.w = words_of(lower);
  const auto written = words_of(expanded);
  for (std::size_t k = 0; k < s.w.size(); ++k) {
    const auto& x = s.w[k];
    s.out.push_back(lower.substr(x.begin, x.end - x.begin));
    // A number in the name ("... theo Quyết định số 25/QĐ-SCT") keeps its letters as written.
    if (k < written.size() && written.size() == s.w.size() &&
        s.out.back().find_first_of("0123456789") != std::string::npos) {
      s.out.back() = expanded.substr(written[k].begin, written[k].end - written[k].begin);
    }
  }
  s.done.assign(s.out.size(), false);
  spell_known_names(s);
  spell_committee_places(s);
  spell_places(s);
  spell_body_kind_name(s);
  std::string joined;
  for (const auto& x : s.out) joined += (joined.empty() ? "" : " ") + x;
  return to_upper_first(joined);
}

bool starts_body(const std::string& line) {
  static constexpr std::array<std::string_view, 24> kinds = {
      "so",      "ban",     "phong",    "van phong", "cuc",       "chi cuc",
      "uy ban",  "ubnd",    "hoi dong", "trung tam", "hoi",       "bo chi huy",
      "cong an", "dang uy", "chi bo",   "doan",      "tinh doan", "thanh doan",
      "truong",  "vien",    "bo",       "tong cuc",  "ky",        "lien doan"};
  // "SỐ 25/QĐ-SCT" (a number) folds as "SỞ" (a department) does.
  if (starts_with(trim(line), "SỐ") || starts_with(trim(line), "Số")) return false;
  const auto w = words_of(line);
  for (const auto k : kinds) {
    const auto kw = words_of(k);
    if (kw.size() > w.size()) continue;
    bool ok = true;
    for (std::size_t m = 0; m < kw.size() && ok; ++m) ok = w[m].folded == kw[m].folded;
    if (ok) return true;
  }
  return false;
}

}  // namespace

std::string issuer_name(const std::vector<std::string>& lines) {
  if (lines.empty()) return {};
  // The issuing body starts at the last line that opens a body's name (a department under its
  // province's committee); lines that only continue a name ("TỈNH BẮC NINH") belong to it.
  std::size_t first = 0;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    if (starts_body(lines[k])) first = k;
  }
  std::string joined;
  for (std::size_t k = first; k < lines.size(); ++k)
    joined += (joined.empty() ? "" : " ") + lines[k];
  return spell_body(squeeze_spaces(joined));
}

// ---- Periods and deadlines

namespace {

std::optional<int> year_of(const std::string& w) {
  if (w.size() != 4) return std::nullopt;
  if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const int y = std::stoi(w);
  if (y < 1945 || y > 2100) return std::nullopt;
  return y;
}

// "2021-2025", "2021–2025" as one word.
std::optional<std::pair<int, int>> year_range_word(const std::string& w) {
  for (const std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    const std::size_t at = w.find(dash);
    if (at == std::string::npos) continue;
    const auto a = year_of(w.substr(0, at));
    const auto b = year_of(w.substr(at + dash.size()));
    if (a && b) return std::pair{*a, *b};
  }
  return std::nullopt;
}

bool is_dash(const std::string& w) {
  return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94" || w == "den";
}

// "10/2025" or "12/10/2025" as a partial date; nullopt otherwise.
std::optional<PartialDate> numeric_date(const std::string& w) {
  if (w.find('/') == std::string::npos) return std::nullopt;
  try {
    return parse_partial_date(w);
  } catch (const Error&) {
    return std::nullopt;
  }
}

}  // namespace

namespace {

struct PartOfYear {
  PartialDate first;
  PartialDate second;
  std::size_t third;  // the word the phrase starts at
};

// The months a half or a quarter of `year` covers when the words before "năm" at k name one:
// "6 tháng đầu năm" (January to June), "6 tháng cuối năm" (July to December), "quý III năm"
// (July to September, "quý 3" too).
std::optional<PartOfYear> part_of_year(const std::vector<WordSpan>& w, std::size_t k, int year) {
  if (k >= 3 && w[k - 3].folded == "6" && w[k - 2].folded == "thang" &&
      (w[k - 1].folded == "dau" || w[k - 1].folded == "cuoi")) {
    const bool first = w[k - 1].folded == "dau";
    return PartOfYear{PartialDate(year, first ? 1 : 7), PartialDate(year, first ? 6 : 12), k - 3};
  }
  if (k >= 2 && w[k - 2].folded == "quy") {
    static constexpr std::array<std::string_view, 4> roman{"i", "ii", "iii", "iv"};
    static constexpr std::array<std::string_view, 4> digit{"1", "2", "3", "4"};
    for (int q = 0; q < 4; ++q) {
      const auto i = static_cast<std::size_t>(q);
      if (w[k - 1].folded == roman.at(i) || w[k - 1].folded == digit.at(i)) {
        return PartOfYear{PartialDate(year, (3 * q) + 1), PartialDate(year, (3 * q) + 3), k - 2};
      }
    }
  }
  return std::nullopt;
}

// A text's words (those outside the skipped spans) for reading a period.
struct PeriodWords {
  std::string_view text;
  std::vector<WordSpan> w;

  // The words [a, b] as written, without the punctuation that ends them.
  std::string span(std::size_t a, std::size_t b) const {
    std::string s = squeeze_spaces(text.substr(w[a].begin, w[b].end - w[a].begin));
    while (!s.empty() && std::strchr(",.;:)\"*", s.back()) != nullptr) s.pop_back();
    return s;
  }
};

// "10/2025", "12/10/2025" or "2026" (folded word) as a partial date.
std::optional<PartialDate> date_or_year(const std::string& f) {
  std::optional<PartialDate> d = numeric_date(f);
  if (!d) {
    if (const auto y = year_of(f)) d = PartialDate(*y);
  }
  return d;
}

bool is_date_word(const std::string& f) { return f == "thang" || f == "ngay" || f == "nam"; }

// "từ tháng 10/2025 đến tháng 12/2025", "từ ngày 01/10/2025 đến ngày 31/12/2025", "từ năm
// 2026 đến năm 2030", with "từ" at word k.
std::optional<PlanPeriod> from_to_period(const PeriodWords& p, std::size_t k) {
  const auto& w = p.w;
  std::size_t m = k + 1;
  if (is_date_word(w[m].folded)) ++m;
  if (m >= w.size()) return std::nullopt;
  const std::optional<PartialDate> from = date_or_year(w[m].folded);
  if (!from) return std::nullopt;
  std::size_t n = m + 1;
  if (n >= w.size() || w[n].folded != "den") return std::nullopt;
  ++n;
  if (n < w.size() && (is_date_word(w[n].folded) || w[n].folded == "het")) ++n;
  if (n < w.size() && is_date_word(w[n].folded)) ++n;
  std::optional<PartialDate> to;
  if (n < w.size()) to = date_or_year(w[n].folded);
  if (to && to->last_day() >= from->first_day()) return PlanPeriod{from, to, p.span(k, n)};
  return PlanPeriod{from, std::nullopt, p.span(k, m)};
}

// A period of years whose first year is the word m, read from word k: "giai đoạn 2021 - 2025"
// (`phase`), "giai đoạn 2021-2025", "03 năm 2026 - 2028", "6 tháng đầu năm 2025", "quý III
// năm 2025", "năm 2026", "đến năm 2030".
std::optional<PlanPeriod> years_period(const PeriodWords& p, std::size_t k, std::size_t m,
                                       bool phase) {
  const auto& w = p.w;
  if (m >= w.size()) return std::nullopt;
  if (const auto r = year_range_word(w[m].folded)) {
    if (r->second >= r->first) {
      return PlanPeriod{PartialDate(r->first), PartialDate(r->second), p.span(k, m)};
    }
  }
  const auto a = year_of(w[m].folded);
  if (!a) return std::nullopt;
  if (m + 2 < w.size() && is_dash(w[m + 1].folded)) {
    std::size_t n = m + 2;
    if (w[n].folded == "nam" && n + 1 < w.size()) ++n;
    if (const auto b = year_of(w[n].folded); b && *b >= *a) {
      return PlanPeriod{PartialDate(*a), PartialDate(*b), p.span(k, n)};
    }
  }
  if (phase || w[k].folded != "nam") return std::nullopt;
  // "6 tháng đầu năm 2025", "quý III năm 2025": months of the year.
  if (const auto part = part_of_year(w, k, *a)) {
    return PlanPeriod{part->first, part->second, p.span(part->third, m)};
  }
  // "năm 2026": one year, unless it is the year of a date ("tháng 11 năm 2025").
  const bool of_date = k >= 2 && (w[k - 2].folded == "thang" || w[k - 2].folded == "ngay");
  const bool until = k >= 1 && w[k - 1].folded == "den";
  if (until) return PlanPeriod{std::nullopt, PartialDate(*a), p.span(k - 1, m)};
  if (!of_date) return PlanPeriod{PartialDate(*a), PartialDate(*a), p.span(k, m)};
  return std::nullopt;
}

// A bare range of years at word k, "2025 - 2035" or "2025-2035" (not a number range of other
// things).
std::optional<PlanPeriod> bare_years_period(const PeriodWords& p, std::size_t k) {
  const auto& w = p.w;
  const std::string& f = w[k].folded;
  if (const auto r = year_range_word(f); r && r->second > r->first) {
    return PlanPeriod{PartialDate(r->first), PartialDate(r->second), p.span(k, k)};
  }
  if (const auto a = year_of(f);
      a && k + 2 < w.size() && is_dash(w[k + 1].folded) && w[k + 1].folded != "den") {
    if (const auto b = year_of(w[k + 2].folded); b && *b > *a) {
      return PlanPeriod{PartialDate(*a), PartialDate(*b), p.span(k, k + 2)};
    }
  }
  return std::nullopt;
}

// The period read from word k; nullopt when none starts there.
std::optional<PlanPeriod> period_at(const PeriodWords& p, std::size_t k) {
  const auto& w = p.w;
  const std::string& f = w[k].folded;
  if (f == "tu" && k + 2 < w.size()) return from_to_period(p, k);
  // The word the years start at: after "giai đoạn", "năm", "thời kỳ"; or word k itself.
  std::size_t m = k;
  bool phase = false;
  if (f == "giai" && k + 1 < w.size() && w[k + 1].folded == "doan") {
    m = k + 2;
    phase = true;
  } else if (f == "nam") {
    m = k + 1;
  } else if (f == "thoi") {
    if (k + 1 >= w.size() || w[k + 1].folded != "ky") return std::nullopt;
    m = k + 2;
  }
  if (auto period = years_period(p, k, m, phase)) return period;
  return bare_years_period(p, k);
}

}  // namespace

std::optional<PlanPeriod> find_period(
    std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& skip) {
  PeriodWords p{text, {}};
  for (const auto& x : words_of(text)) {
    const bool skipped = std::any_of(skip.begin(), skip.end(), [&](const auto& s) {
      return x.begin < s.second && s.first < x.end;
    });
    if (!skipped) p.w.push_back(x);
  }
  for (std::size_t k = 0; k < p.w.size(); ++k) {
    if (auto period = period_at(p, k)) return period;
  }
  return std::nullopt;
}

namespace {

bool all_digits(const std::string& s, std::size_t max) {
  return !s.empty() && s.size() <= max &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "9h", "9h00", "16h30'", "16:00" (folded, punctuation trimmed).
std::optional<TimeOfDay> clock_word(std::string w) {
  while (!w.empty() && !(w.back() >= '0' && w.back() <= '9') && w.back() != 'h') w.pop_back();
  std::size_t i = 0;
  while (i < w.size() && i < 3 && w[i] >= '0' && w[i] <= '9') ++i;
  if (i == 0 || i > 2 || i >= w.size() || (w[i] != 'h' && w[i] != ':')) return std::nullopt;
  const std::string minutes = w.substr(i + 1);
  if (!minutes.empty() && !all_digits(minutes, 2)) return std::nullopt;
  if (w[i] == ':' && minutes.size() != 2) return std::nullopt;
  const TimeOfDay t{std::stoi(w.substr(0, i)), minutes.empty() ? 0 : std::stoi(minutes)};
  if (!is_valid_time_of_day(t)) return std::nullopt;
  return t;
}

// A time of day at word m: "16h00", "16 giờ (30 (phút))"; sets `after` to the word after it.
std::optional<TimeOfDay> clock_at(const std::vector<WordSpan>& w, std::size_t m,
                                  std::size_t& after) {
  after = m + 1;
  if (auto clock = clock_word(w[m].folded)) return clock;
  if (!all_digits(w[m].folded, 2) || m + 1 >= w.size() || w[m + 1].folded != "gio") {
    return std::nullopt;
  }
  TimeOfDay t{std::stoi(w[m].folded), 0};
  after = m + 2;
  if (after < w.size() && all_digits(w[after].folded, 2)) {
    t.minute = std::stoi(w[after].folded);
    ++after;
    if (after < w.size() && w[after].folded == "phut") ++after;
  }
  if (!is_valid_time_of_day(t)) return std::nullopt;
  return t;
}

// "15/12" (every year) or "15/12/2025" (a date), the folded word d at m.
std::optional<Deadline> slashed_deadline(const std::string& d, std::size_t m, std::size_t& next) {
  const std::size_t slash = d.find('/');
  const std::string a = d.substr(0, slash);
  const std::string rest = d.substr(slash + 1);
  next = m + 1;
  Deadline out;
  if (rest.find('/') != std::string::npos) {
    try {
      out.date = parse_partial_date(d);
      return out;
    } catch (const Error&) {
      return std::nullopt;
    }
  }
  if (!all_digits(a, 2) || !all_digits(rest, 2)) return std::nullopt;
  const MonthDay md{std::stoi(rest), std::stoi(a)};
  if (!is_valid_month_day(md)) return std::nullopt;
  out.every_year = md;
  return out;
}

// "20 hằng tháng" / "20 hàng tháng" / "20 mỗi tháng" / "05 của tháng sau" / "05 của tháng
// tiếp theo": every month, the day at word m; nullopt when the words say no such thing.
std::optional<Deadline> monthly_deadline(const std::vector<WordSpan>& w, std::size_t m,
                                         std::size_t& next) {
  std::size_t end = 0;
  if (m + 2 < w.size() && (w[m + 1].folded == "hang" || w[m + 1].folded == "moi") &&
      w[m + 2].folded == "thang") {
    end = m + 3;
  } else if (m + 3 < w.size() && w[m + 1].folded == "cua" && w[m + 2].folded == "thang" &&
             (w[m + 3].folded == "sau" || w[m + 3].folded == "tiep" || w[m + 3].folded == "ke")) {
    end = m + 4;
  } else {
    return std::nullopt;
  }
  const int day = std::stoi(w[m].folded);
  if (day < 1 || day > 31) return std::nullopt;
  next = end;
  Deadline out;
  out.every_month = day;
  return out;
}

// "20 tháng 6 (năm 2026)", the day at word m (m + 1 is "tháng", m + 2 the month).
std::optional<Deadline> day_month_deadline(const std::vector<WordSpan>& w, std::size_t m,
                                           std::size_t& next) {
  const MonthDay md{std::stoi(w[m + 2].folded), std::stoi(w[m].folded)};
  if (!is_valid_month_day(md)) return std::nullopt;
  next = m + 3;
  if (m + 4 < w.size() && w[m + 3].folded == "nam") {
    if (const auto y = year_of(w[m + 4].folded)) {
      try {
        Deadline out;
        out.date = PartialDate(*y, md.month, md.day);
        next = m + 5;
        return out;
      } catch (const Error&) {
        return std::nullopt;
      }
    }
  }
  Deadline out;
  out.every_year = md;
  return out;
}

// The quarter a word numbers ("I" to "IV", "1" to "4", folded), or 0.
int quarter_number(const std::string& f) {
  static constexpr std::string_view kRoman[] = {"i", "ii", "iii", "iv"};
  for (int q = 1; q <= 4; ++q) {
    if (f == kRoman[q - 1] || f == std::to_string(q)) return q;
  }
  return 0;
}

// "ngày 31 tháng cuối quý" is the quarter's last day: 30 in a month of 30 days (the months of
// quarters are never February).
int quarter_day(int month, int day) {
  const bool short_month = month == 4 || month == 6 || month == 9 || month == 11;
  return short_month ? std::min(day, 30) : day;
}

// "25 (của) tháng cuối (mỗi) quý" (March, June, September, December) or "10 (của) tháng đầu
// (của) quý sau / tiếp theo" (January, April, July, October): the day at word m (after
// "ngày") of every quarter, as four days of the year; none when the words say no such thing
// ("tháng đầu quý" alone does not say which quarter).
std::vector<Deadline> quarterly_deadlines(const std::vector<WordSpan>& w, std::size_t m,
                                          std::size_t& next) {
  if (m < w.size() && (w[m].folded == "vao" || w[m].folded == "la")) ++m;
  if (m < w.size() && w[m].folded == "ngay") ++m;
  if (m >= w.size() || !all_digits(w[m].folded, 2)) return {};
  const int day = std::stoi(w[m].folded);
  std::size_t j = m + 1;
  if (j < w.size() && w[j].folded == "cua") ++j;
  if (j + 1 >= w.size() || w[j].folded != "thang") return {};
  const bool last = w[j + 1].folded == "cuoi";
  if (!last && w[j + 1].folded != "dau") return {};
  j += 2;
  if (j < w.size() && (w[j].folded == "moi" || w[j].folded == "cua")) ++j;
  if (j >= w.size() || w[j].folded != "quy") return {};
  ++j;
  if (!last) {
    if (j >= w.size() || (w[j].folded != "sau" && w[j].folded != "tiep" && w[j].folded != "ke")) {
      return {};
    }
    ++j;
    if (j < w.size() && (w[j].folded == "theo" || w[j].folded == "tiep")) ++j;
  }
  // "tháng cuối quý I năm 2025": that one quarter, a date when its year is written.
  if (const int q = j < w.size() ? quarter_number(w[j].folded) : 0; q != 0) {
    ++j;
    const auto year =
        last && j + 1 < w.size() && w[j].folded == "nam" ? year_of(w[j + 1].folded) : std::nullopt;
    if (!year || day < 1 || day > 31) return {};
    Deadline d;
    d.date = PartialDate(*year, 3 * q, quarter_day(3 * q, day));
    next = j + 2;
    return {d};
  }
  std::vector<Deadline> out;
  for (int month = last ? 3 : 1; month <= 12; month += 3) {
    const MonthDay md{month, quarter_day(month, day)};
    if (!is_valid_month_day(md)) return {};
    Deadline d;
    d.every_year = md;
    out.push_back(d);
  }
  next = j;
  return out;
}

// The deadline written at word m ("ngày 15/12", "15 tháng 12 năm 2025", "20 hằng tháng",
// "16h00 hằng ngày", "10 giờ ngày 20/11/2025"); sets `next` to the word after it.
std::optional<Deadline> deadline_at(const std::vector<WordSpan>& w, std::size_t m,
                                    std::size_t& next) {
  if (m >= w.size()) return std::nullopt;
  std::size_t after = m + 1;
  if (const auto clock = clock_at(w, m, after)) {
    if (after < w.size() && w[after].folded == "ngay") {
      // "10 giờ ngày 20/11/2025": the date is the deadline.
      return deadline_at(w, after, next);
    }
    for (std::size_t k = after; k < w.size() && k < after + 3; ++k) {
      if (w[k].folded == "thu" || w[k].folded == "tuan" || w[k].folded == "chu") {
        return std::nullopt;  // a weekday: weekly, not modelled
      }
    }
    next = after;
    Deadline d;
    d.every_day = clock;
    return d;
  }
  if (w[m].folded == "vao" || w[m].folded == "la") ++m;  // "chậm nhất vào ngày ..."
  if (m < w.size() && w[m].folded == "ngay") ++m;
  if (m >= w.size()) return std::nullopt;
  const std::string& d = w[m].folded;
  if (d.find('/') != std::string::npos) return slashed_deadline(d, m, next);
  if (!all_digits(d, 2)) return std::nullopt;
  if (auto monthly = monthly_deadline(w, m, next)) return monthly;
  if (m + 2 < w.size() && w[m + 1].folded == "thang" && all_digits(w[m + 2].folded, 2)) {
    return day_month_deadline(w, m, next);
  }
  // "Hằng tháng, trước ngày 25, ...": a bare day after "hằng/hàng/mỗi tháng" earlier in the
  // sentence is that day of every month.
  if (m + 1 >= w.size() || w[m + 1].folded != "thang") {
    for (std::size_t k = 0; k + 1 < m; ++k) {
      if ((w[k].folded == "hang" || w[k].folded == "moi") && w[k + 1].folded == "thang") {
        const int day = std::stoi(d);
        if (day < 1 || day > 31) return std::nullopt;
        next = m + 1;
        Deadline out;
        out.every_month = day;
        return out;
      }
    }
  }
  return std::nullopt;
}

// At word k, after a comma: dates separated by commas and closed by "và" / "hoặc" and one
// more ("15/6, 15/9 và 15/12"); a date the sentence goes on after ("30/6/2025, 2/3 số xã",
// "15/6, ngày 20/11 tổ chức") lists nothing.
bool closed_date_list(std::string_view sentence, const std::vector<WordSpan>& w, std::size_t k) {
  if (k == 0 || sentence[w[k - 1].end - 1] != ',') return false;
  while (k < w.size()) {
    const std::size_t m = w[k].folded == "ngay" ? k + 1 : k;
    std::size_t after = m;
    if (m >= w.size() || w[m].folded.find('/') == std::string::npos || !deadline_at(w, m, after) ||
        after >= w.size()) {
      return false;
    }
    if (w[after].folded == "va" || w[after].folded == "hoac") return true;
    if (sentence[w[after - 1].end - 1] != ',') return false;
    k = after;
  }
  return false;
}

}  // namespace

std::vector<Deadline> find_deadlines(std::string_view sentence) {
  const auto w = words_of(sentence);
  std::vector<std::pair<std::size_t, Deadline>> at;  // (word index, deadline)
  // "Báo cáo giữa kỳ thực hiện Kế hoạch (năm 2030)", "báo cáo tổng kết vào năm 2035": a report
  // due in a year. ("báo cáo kết quả năm 2025" names the year reported on, not a deadline.)
  for (std::size_t k = 0; k + 1 < w.size(); ++k) {
    if (w[k].folded != "bao" || w[k + 1].folded != "cao") continue;
    for (std::size_t j = k + 2; j + 1 < w.size() && j <= k + 10; ++j) {
      if (w[j].folded == "bao" && w[j + 1].folded == "cao") break;
      if (w[j].folded != "nam") continue;
      const auto year = year_of(w[j + 1].folded);
      std::size_t close = w[j + 1].end;
      while (close > w[j + 1].begin && std::strchr(",.;:", sentence[close - 1]) != nullptr) --close;
      const bool paren = sentence[w[j].begin] == '(' && sentence[close - 1] == ')';
      const bool vao = w[j - 1].folded == "vao";
      if (year && (paren || vao)) {
        Deadline d;
        d.date = PartialDate(*year);
        at.emplace_back(j, d);
        break;
      }
    }
  }
  std::size_t k = 0;
  while (k + 1 < w.size()) {
    const std::string& f = w[k].folded;
    if (!(f == "truoc" || (f == "nhat" && k > 0 && w[k - 1].folded == "cham"))) {
      ++k;
      continue;
    }
    std::size_t next = k + 1;
    if (auto quarters = quarterly_deadlines(w, k + 1, next); !quarters.empty()) {
      for (auto& q : quarters) at.emplace_back(k, std::move(q));
      k = next;
      continue;
    }
    auto d = deadline_at(w, k + 1, next);
    if (!d) {
      ++k;
      continue;
    }
    at.emplace_back(k, *d);
    // "trước 9h00 và 16h00", "trước ngày 15/6 và ngày 15/12": the next deadline of the list.
    // "trước ngày 15/3, 15/6, 15/9 và 15/12": dates of a list after commas too.
    while (next < w.size()) {
      const bool joined = w[next].folded == "va" || w[next].folded == "hoac";
      const bool listed = closed_date_list(sentence, w, next);
      if (!(joined && next + 1 < w.size()) && !listed) break;
      std::size_t after = next;
      std::size_t m = joined ? next + 1 : next;
      if (w[m].folded == "truoc") ++m;
      auto more = deadline_at(w, m, after);
      if (!more) break;
      at.emplace_back(m, *more);
      next = after;
    }
    k = std::max(next, k + 1);
  }
  std::stable_sort(at.begin(), at.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Deadline> out;
  for (auto& [pos, d] : at) out.push_back(std::move(d));
  return out;
}

namespace {

// ---- Web-page openings: the header block as pages print it

// Folded words without the dashes between them ("Độc lập - Tự do – Hạnh phúc").
bool is_dash_word(const std::string& f) {
  return f == "-" || f == "\xE2\x80\x93" || f == "\xE2\x80\x94" || f == "_";
}

// Where the folded phrase occurs in the words, dashes skipped: [first, end) word indexes; first
// == npos when absent.
std::pair<std::size_t, std::size_t> find_phrase_skipping_dashes(
    const std::vector<WordSpan>& w, std::initializer_list<std::string_view> phrase) {
  for (std::size_t k = 0; k < w.size(); ++k) {
    std::size_t i = k;
    bool ok = true;
    for (const auto& p : phrase) {
      while (i < w.size() && is_dash_word(w[i].folded) && i > k) ++i;
      if (i >= w.size() || w[i].folded != p) {
        ok = false;
        break;
      }
      ++i;
    }
    if (ok) return {k, i};
  }
  return {std::string::npos, std::string::npos};
}

// The national motto and the Party heading, each as a word span of the line.
std::vector<std::pair<std::size_t, std::size_t>> motto_spans(const std::vector<WordSpan>& w) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& phrase :
       {std::initializer_list<std::string_view>{"cong", "hoa", "xa", "hoi", "chu", "nghia", "viet",
                                                "nam"},
        std::initializer_list<std::string_view>{"doc", "lap", "tu", "do", "hanh", "phuc"},
        std::initializer_list<std::string_view>{"dang", "cong", "san", "viet", "nam"}}) {
    const auto span = find_phrase_skipping_dashes(w, phrase);
    if (span.first != std::string::npos) out.push_back(span);
  }
  return out;
}

bool has_motto(std::string_view line) {
  const auto w = words_of(line);
  if (!motto_spans(w).empty()) return true;
  // The motto broken over lines: "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
  return find_phrase_skipping_dashes(w, {"xa", "hoi", "chu", "nghia", "viet", "nam"}).first !=
         std::string::npos;
}

// "Số: 12/KH-UBND", "SỐ 14-KH/TU": the word index of "Số" and the end of the symbol (bytes);
// npos when the line has none ("Số hiệu: ..." of a page's summary table is not the header's).
std::pair<std::size_t, std::size_t> number_at(std::string_view line,
                                              const std::vector<WordSpan>& w) {
  for (std::size_t k = 0; k + 1 < w.size(); ++k) {
    if (w[k].folded != "so" && w[k].folded != "so:") continue;
    const std::string_view raw = line.substr(w[k].begin);
    if (!starts_with(raw, "Số") && !starts_with(raw, "SỐ")) continue;
    std::size_t s = k + 1;
    if (w[s].folded == ":" && s + 1 < w.size()) ++s;
    const std::string& sym = w[s].folded;
    if (sym.find_first_of("0123456789") == std::string::npos ||
        sym.find_first_of("/-") == std::string::npos) {
      continue;
    }
    std::size_t end = w[s].end;
    // "14 - KH/TU" written with spaces.
    for (std::size_t n = s + 1; n < w.size(); ++n) {
      const std::string& f = w[n].folded;
      const std::string& prev = w[n - 1].folded;
      if (f == "-" || f == "/" || f.front() == '-' || f.front() == '/' || prev.back() == '-' ||
          prev.back() == '/') {
        end = w[n].end;
      } else {
        break;
      }
    }
    return {k, end};
  }
  return {std::string::npos, std::string::npos};
}

// "<place>, ngày 09 tháng 02 năm 2024": the end of the year (bytes); npos when the line states
// no such date. `after_ngay`: the line before ended with "ngày".
std::size_t date_end(const std::vector<WordSpan>& w, bool after_ngay) {
  for (std::size_t k = 0; k + 1 < w.size(); ++k) {
    if (w[k].folded != "nam" || year_of(w[k + 1].folded) == std::nullopt) continue;
    // "ngày" and "tháng" before it, within a few words.
    bool thang = false;
    bool ngay = after_ngay;
    for (std::size_t j = k; j-- > 0 && k - j <= 6;) {
      thang = thang || w[j].folded == "thang";
      ngay = ngay || w[j].folded == "ngay";
    }
    if (thang && ngay) return w[k + 1].end;
  }
  return std::string::npos;
}

bool starts_preamble_words(const std::vector<WordSpan>& w, std::size_t k) {
  const auto at = [&](std::initializer_list<std::string_view> p) {
    std::size_t i = k;
    for (const auto& x : p) {
      if (i >= w.size() || w[i].folded != x) return false;
      ++i;
    }
    return true;
  };
  return at({"can", "cu"}) || at({"thuc", "hien"}) || at({"theo", "de", "nghi"}) ||
         at({"xet", "de", "nghi"});
}

// Splits what follows a header run into one line ("KẾ HOẠCH Triển khai ... Căn cứ ...; Căn cứ
// ...; I. MỤC ĐÍCH ...") into the type word, the title, each preamble sentence and each
// Roman-numbered heading.
std::vector<std::string> split_run_on(const std::string& rest) {
  const auto w = words_of(rest);
  std::vector<std::size_t> cuts;
  std::size_t title_from = 0;
  // The type word in capitals, then more text.
  for (std::size_t n = std::min<std::size_t>(3, w.size() > 0 ? w.size() - 1 : 0); n >= 1; --n) {
    const std::string head = rest.substr(0, w[n - 1].end);
    if (is_upper_case(head) && type_from_name(head)) {
      cuts.push_back(w[n].begin);
      title_from = n + 1;
      break;
    }
  }
  for (std::size_t k = std::max<std::size_t>(title_from, 1); k < w.size(); ++k) {
    const std::string_view raw = std::string_view(rest).substr(w[k].begin);
    std::size_t first = 0;
    const UChar32 c = next_code_point(raw, first);
    const bool capital = c >= 0 && u_isupper(c);
    const bool roman =
        is_roman(raw.substr(0, raw.find('.'))) && raw.find('.') != std::string::npos &&
        k + 1 < w.size() && raw.find('.') + 1 < raw.size() && raw[raw.find('.') + 1] == ' ' &&
        is_upper_case(std::string_view(rest).substr(w[k + 1].begin, w[k + 1].end - w[k + 1].begin));
    if ((capital && starts_preamble_words(w, k)) || roman ||
        (w[k].folded == "quyet" && k + 1 < w.size() && w[k + 1].folded == "dinh" &&
         rest.compare(w[k + 1].end, 1, ":") == 0 && is_upper_case(raw.substr(0, 5)))) {
      cuts.push_back(w[k].begin);
    }
  }
  std::vector<std::string> out;
  std::size_t from = 0;
  for (const std::size_t c : cuts) {
    if (c > from) out.push_back(trim(std::string_view(rest).substr(from, c - from)));
    from = c;
  }
  out.push_back(trim(std::string_view(rest).substr(from)));
  out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
  return out;
}

// One line of the header zone: its cells (a row whose leading pipe was lost: "ỦY BAN NHÂN DÂN |
// CỘNG HÒA ... |"), each cut where the header's parts meet when the page ran them together
// ("ỦY BAN NHÂN DÂN TỈNH X CỘNG HÒA ... Hạnh phúc Số: 12/KH-UBND X, ngày ... năm 2026 KẾ
// HOẠCH ..."). What follows the date goes to `rest`.
std::vector<std::string> split_header_line(const std::string& line, bool after_ngay,
                                           std::vector<std::string>& rest) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from <= line.size()) {
    std::size_t bar = line.find('|', from);
    if (bar == std::string::npos) bar = line.size();
    const std::string cell = trim(std::string_view(line).substr(from, bar - from));
    from = bar + 1;
    if (cell.empty() || !has_alnum(cell)) continue;
    const auto w = words_of(cell);
    std::vector<std::size_t> cuts;
    for (const auto& [b, e] : motto_spans(w)) {
      cuts.push_back(w[b].begin);
      if (e < w.size()) cuts.push_back(w[e].begin);
    }
    const auto [so, sym_end] = number_at(cell, w);
    if (so != std::string::npos) {
      cuts.push_back(w[so].begin);
      cuts.push_back(sym_end);
    }
    const std::size_t de = date_end(w, after_ngay);
    std::size_t stop = cell.size();
    if (de != std::string::npos) {
      std::size_t next = de;
      while (next < cell.size() && std::strchr(" ,.;|", cell[next]) != nullptr) ++next;
      if (next < cell.size()) stop = next;
    }
    cuts.push_back(0);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (std::size_t c = 0; c < cuts.size(); ++c) {
      if (cuts[c] >= stop) break;
      const std::size_t to = c + 1 < cuts.size() ? std::min(cuts[c + 1], stop) : stop;
      const std::string piece = trim(std::string_view(cell).substr(cuts[c], to - cuts[c]));
      if (!piece.empty() && has_alnum(piece)) out.push_back(piece);
    }
    if (stop < cell.size()) {
      for (auto& r : split_run_on(cell.substr(stop))) rest.push_back(std::move(r));
    }
  }
  return out;
}

Line text_line(std::string text) {
  Line l;
  l.kind = Line::Kind::text;
  l.text = std::move(text);
  return l;
}

bool is_number_word(const std::string& f) {
  return !f.empty() && f.size() <= 4 &&
         std::all_of(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Whether line `m` continues the place-date line `l` that a table cell broke: a place's first
// word alone ("Sơn" then "La, ngày 11 ..."), or a date cut after "ngày", "ngày 18", "tháng"
// or "tháng 3" ("tháng 3" then "năm 2020").
bool continues_place_date(std::string_view l, std::string_view m) {
  const auto a = words_of(l);
  const auto b = words_of(m);
  if (a.empty() || b.empty()) return false;
  if (a.size() <= 2 && b.size() >= 2 && b[1].folded == "ngay" &&
      m.substr(b[0].begin, b[1].begin - b[0].begin).find(',') != std::string_view::npos &&
      l.find_first_of("0123456789,.:;") == std::string_view::npos && !is_upper_case(l)) {
    return true;
  }
  const std::string& last = a.back().folded;
  const std::string& before = a.size() >= 2 ? a[a.size() - 2].folded : std::string();
  const bool ngay_cut = last == "ngay" || (before == "ngay" && is_number_word(last));
  const bool thang_cut = last == "thang" || (before == "thang" && is_number_word(last));
  const std::string& next = b.front().folded;
  return (ngay_cut && (next == "thang" || is_number_word(next))) ||
         (thang_cut && (next == "nam" || is_number_word(next)));
}

// Joins the place-date line's pieces in the header zone [from, to).
void join_place_date(std::vector<Line>& lines, std::size_t from, std::size_t to) {
  to = std::min(to, lines.size());
  for (std::size_t k = from; k + 1 < to;) {
    Line& l = lines[k];
    Line& m = lines[k + 1];
    if (l.kind == Line::Kind::text && m.kind == Line::Kind::text &&
        continues_place_date(l.text, m.text)) {
      l.text += " " + m.text;
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(k) + 1);
      --to;
      continue;
    }
    ++k;
  }
}

// The line of the motto (or the Party heading) among the first 250; nullopt when there is none
// or when a document's preamble or first section comes before it (no page's chrome to drop).
std::optional<std::size_t> motto_line(const std::vector<Line>& lines) {
  const std::size_t scan = std::min<std::size_t>(lines.size(), 250);
  for (std::size_t k = 0; k < scan; ++k) {
    const Line& l = lines[k];
    if (l.kind != Line::Kind::text && l.kind != Line::Kind::row) continue;
    if (has_motto(l.text)) return k;
    const auto w = words_of(l.text);
    if (l.kind == Line::Kind::text &&
        (starts_preamble_words(w, 0) || item_marker(l.text).style == MarkerStyle::roman)) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

// Where the header starts: the issuer's lines above the motto (capitals, and the "Số" line of
// a header read column by column); what comes before is the page's (menus, titles, summaries).
std::size_t header_start(const std::vector<Line>& lines, std::size_t motto) {
  std::size_t start = motto;
  int taken = 0;
  for (std::size_t k = motto; k-- > 0 && taken < 8;) {
    const Line& l = lines[k];
    if (l.kind == Line::Kind::empty || l.kind == Line::Kind::noise || l.kind == Line::Kind::pipe) {
      continue;
    }
    if (l.kind == Line::Kind::row) {
      if (lines[motto].kind != Line::Kind::row) break;
      start = k;
      continue;
    }
    const auto w = words_of(l.text);
    const bool numbered = number_at(l.text, w).first == 0;  // the line opens with "Số"
    if (!numbered && (!is_upper_case(l.text) || words_in(l.text) > 14)) break;
    // A page's title in capitals ("KẾ HOẠCH SỐ 27/KH-UBND VỀ ...") is not an issuer line.
    bool typed = false;
    for (std::size_t n = 1; n <= 3 && n <= w.size() && !numbered; ++n) {
      typed = typed || type_from_name(l.text.substr(0, w[n - 1].end)).has_value();
    }
    if (typed) break;
    start = k;
    ++taken;
  }
  return start;
}

// Where the header zone ends: after the number and the place-date (or after the motto when
// neither comes), and the pipes and rules below them.
std::size_t header_end(const std::vector<Line>& lines, std::size_t start, std::size_t motto) {
  std::size_t end = motto + 1;
  bool seen_number = false;
  bool seen_date = false;
  bool after_ngay = false;
  for (std::size_t k = start; k < lines.size() && k < motto + 30; ++k) {
    const Line& l = lines[k];
    if (l.kind != Line::Kind::text) {
      if (l.kind == Line::Kind::row) break;
      continue;
    }
    const auto w = words_of(l.text);
    if (k > motto &&
        (starts_preamble_words(w, 0) || item_marker(l.text).style != MarkerStyle::none))
      break;
    // The type word on its own line ends the header.
    if (k > motto && is_upper_case(l.text) && type_from_name(l.text)) break;
    if (number_at(l.text, w).first != std::string::npos) {
      seen_number = true;
      end = k + 1;
    }
    if (date_end(w, after_ngay) != std::string::npos) {
      seen_date = true;
      end = k + 1;
    }
    after_ngay = !w.empty() && w.back().folded == "ngay";
    if (k >= motto && has_motto(l.text)) end = std::max(end, k + 1);
    if (seen_number && seen_date) break;
  }
  while (end < lines.size() &&
         (lines[end].kind == Line::Kind::pipe || lines[end].kind == Line::Kind::noise)) {
    ++end;
  }
  return end;
}

std::vector<Line> repaired_header(std::vector<Line> lines) {
  const std::optional<std::size_t> found = motto_line(lines);
  if (!found) return lines;
  const std::size_t motto = *found;
  const std::size_t start = header_start(lines, motto);
  if (lines[motto].kind == Line::Kind::row) {
    // A Markdown table holds the header: only what stands above it is dropped.
    lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(start));
    return lines;
  }
  join_place_date(lines, motto, motto + 30);
  const std::size_t end = header_end(lines, start, motto);
  // The header zone's lines, each split where the page ran the header's parts together; what
  // followed the place-date on its line comes after, one paragraph per piece.
  std::vector<Line> out;
  std::vector<std::string> rest;
  bool after_ngay = false;
  for (std::size_t k = start; k < end; ++k) {
    Line& l = lines[k];
    if (l.kind == Line::Kind::row) {
      out.push_back(std::move(l));
      continue;
    }
    if (l.kind != Line::Kind::text) continue;
    for (auto& piece : split_header_line(l.text, after_ngay, rest)) {
      out.push_back(text_line(std::move(piece)));
    }
    const auto w = words_of(l.text);
    after_ngay = !w.empty() && w.back().folded == "ngay";
  }
  out.emplace_back();
  for (auto& r : rest) {
    out.push_back(text_line(std::move(r)));
    out.emplace_back();
  }
  for (std::size_t k = end; k < lines.size(); ++k) out.push_back(std::move(lines[k]));
  return out;
}

}  // namespace

bool is_header_line(std::string_view line) {
  const auto w = words_of(line);
  return has_motto(line) || number_at(line, w).first != std::string::npos ||
         (w.size() <= 12 && date_end(w, false) != std::string::npos);
}

}  // namespace danvan::detail
