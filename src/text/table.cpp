// Tables of text cells: a small RFC 4180 reader that knows rows and cells.
#include "danvan/table.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"
#include "text/text_detail.hpp"

#include <algorithm>

namespace danvan {

namespace {

/// At most this many cells in a row and bytes in a cell (a hostile table stays small).
constexpr std::size_t max_cells = 1000;
constexpr std::size_t max_cell_bytes = 100000;

/// Reads records (rows) of cells; the row number counts records, so a quoted line break
/// stays inside its row as in a spreadsheet.
class CsvReader {
 public:
  CsvReader(std::string_view text, char separator) : text_(text), sep_(separator) {}

  bool next(std::vector<std::string>& cells) {
    if (pos_ >= text_.size()) return false;
    ++row_;
    cells.clear();
    while (true) {
      cells.push_back(read_cell(cells.size()));
      if (cells.size() > max_cells) {
        fail(pos_, cells.size() - 1, "more than " + std::to_string(max_cells) + " cells");
      }
      if (pos_ >= text_.size()) return true;
      const char c = text_[pos_++];
      if (c == sep_) continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      return true;
    }
  }
  [[nodiscard]] std::size_t row() const noexcept { return row_; }

 private:
  [[noreturn]] void fail(std::size_t offset, std::size_t column, const std::string& why) const {
    detail::throw_parse_error(
        text_, offset,
        "row " + std::to_string(row_) + ", cell " + cell_name(column, row_) + ": " + why);
  }
  [[nodiscard]] bool at_cell_end() const {
    return pos_ >= text_.size() || text_[pos_] == sep_ || text_[pos_] == '\n' ||
           text_[pos_] == '\r';
  }
  std::string read_cell(std::size_t column) {
    std::string cell;
    const auto grow = [&](char c) {
      if (cell.size() >= max_cell_bytes) {
        fail(pos_, column, "a cell longer than " + std::to_string(max_cell_bytes) + " bytes");
      }
      cell += c;
    };
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const std::size_t start = pos_++;
      while (true) {
        if (pos_ >= text_.size()) fail(start, column, "the quoted cell never ends");
        const char c = text_[pos_++];
        if (c != '"') {
          grow(c);
        } else if (pos_ < text_.size() && text_[pos_] == '"') {
          grow('"');
          ++pos_;
        } else {
          break;
        }
      }
      if (!at_cell_end()) fail(pos_, column, "text after the closing quote");
      return cell;
    }
    while (!at_cell_end()) {
      if (text_[pos_] == '"') {
        fail(pos_, column, "a quote inside an unquoted cell (quote the whole cell)");
      }
      grow(text_[pos_++]);
    }
    return cell;
  }

  std::string_view text_;
  char sep_;
  std::size_t pos_ = 0;
  std::size_t row_ = 0;
};

/// The separator the header row uses most outside quotes (",", ";" or a tab; "," on a tie).
char detect_separator(std::string_view text) {
  std::size_t comma = 0;
  std::size_t semicolon = 0;
  std::size_t tab = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    comma += c == ',' ? 1 : 0;
    semicolon += c == ';' ? 1 : 0;
    tab += c == '\t' ? 1 : 0;
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

}  // namespace

std::string to_string(const TableProblem& problem) {
  return "row " + std::to_string(problem.row) +
         (problem.cell.empty() ? std::string() : ", cell " + problem.cell) + ": " + problem.message;
}

std::string column_letters(std::size_t index) {
  std::string s;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) {
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return s;
}

std::string cell_name(std::size_t column, std::size_t row) {
  return column_letters(column) + std::to_string(row);
}

bool is_blank_row(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(),
                     [](const std::string& c) { return squeeze_spaces(c).empty(); });
}

namespace detail {

std::string csv_field(std::string_view cell, std::string_view special) {
  if (cell.find_first_of(special) == std::string_view::npos) return std::string(cell);
  std::string out = "\"";
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string with_change(long long now, long long before) {
  const long long d = now - before;
  return std::to_string(now) + " (" +
         (d > 0 ? "+" + std::to_string(d) : (d == 0 ? "±0" : std::to_string(d))) + ")";
}

}  // namespace detail

std::vector<TableRow> read_csv_table(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  try {
    check_utf8(text);
  } catch (const ParseError& e) {
    const std::size_t row =
        1 + static_cast<std::size_t>(std::count(
                text.begin(), text.begin() + static_cast<long>(std::min(e.offset(), text.size())),
                '\n'));
    detail::throw_parse_error(text, e.offset(), "line " + std::to_string(row) + ": " + e.reason());
  }
  CsvReader reader(text, detect_separator(text));
  std::vector<TableRow> rows;
  std::vector<std::string> cells;
  while (reader.next(cells)) rows.push_back({reader.row(), cells});
  return rows;
}

}  // namespace danvan
