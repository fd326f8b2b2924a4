// Writing .xlsx with libxlsxwriter (Debian libxlsxwriter-dev). libxlsxwriter 1.1 writes to a
// file only, so the workbook goes to a temporary file whose bytes are returned.
#include "danvan/spreadsheet.hpp"

#include "danvan/io.hpp"
#include "danvan/text.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#if defined(DANVAN_HAVE_XLSXWRITER)
#include <xlsxwriter.h>

#include <unistd.h>
#endif

namespace danvan {

namespace {

/// Excel's sheet name rules: 1-31 characters, none of []:*?/\, not starting or ending with '.
void check_sheet_name(const std::string& name) {
  std::size_t chars = 0;
  for (const char c : name) chars += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  if (chars == 0 || chars > 31) {
    throw ValueError("the sheet name \"" + name + "\" has " + std::to_string(chars) +
                     " characters; Excel allows 1 to 31");
  }
  if (name.find_first_of("[]:*?/\\") != std::string::npos || name.front() == '\'' ||
      name.back() == '\'') {
    throw ValueError("the sheet name \"" + name +
                     "\" holds a character Excel refuses in sheet names ([]:*?/\\ or ' at an end)");
  }
}

void check_sheets(const std::vector<OutSheet>& sheets) {
  std::map<std::string, std::string> seen;  // folded name -> name: Excel compares case-blind
  for (const auto& s : sheets) {
    check_sheet_name(s.name);
    const auto [it, fresh] = seen.emplace(fold(s.name), s.name);
    if (!fresh) {
      throw ValueError("two sheets are named \"" + it->second + "\" and \"" + s.name +
                       "\"; Excel needs different names");
    }
    for (const auto& row : s.rows) {
      for (const auto& cell : row) {
        if (!cell.validation || cell.validation->kind != CellValidation::Kind::list) continue;
        std::size_t length = 0;
        for (const auto& c : cell.validation->choices) length += c.size() + 1;
        if (length > 256) {
          throw ValueError("a drop-down list of sheet \"" + s.name +
                           "\" is longer than the 255 characters Excel allows");
        }
      }
    }
  }
}

}  // namespace

#if defined(DANVAN_HAVE_XLSXWRITER)

namespace {

class Writer {
 public:
  explicit Writer(const std::string& path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    book_ = workbook_new_opt(path.c_str(), &options);
    if (book_ == nullptr) throw IoError(path, "libxlsxwriter cannot create the workbook");
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  ~Writer() {
    if (book_ != nullptr) workbook_close(book_);
  }

  void close(const std::string& path) {
    const lxw_error e = workbook_close(book_);
    book_ = nullptr;
    if (e != LXW_NO_ERROR) throw IoError(path, std::string("cannot write: ") + lxw_strerror(e));
  }

  void sheet(const OutSheet& s) {
    lxw_worksheet* ws = workbook_add_worksheet(book_, s.name.c_str());
    if (ws == nullptr) throw ValueError("libxlsxwriter refused the sheet name \"" + s.name + "\"");
    for (std::size_t c = 0; c < s.column_widths.size() && c < 16384; ++c) {
      if (s.column_widths[c] > 0) {
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             s.column_widths[c], nullptr);
      }
    }
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
        cell(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), s.rows[r][c]);
      }
    }
    if (s.frozen_rows > 0) worksheet_freeze_panes(ws, s.frozen_rows, 0);
    if (s.protect) worksheet_protect(ws, nullptr, nullptr);
  }

 private:
  lxw_format* format(const CellFormat& f) {
    for (const auto& [key, made] : formats_) {
      if (key == f) return made;
    }
    lxw_format* made = workbook_add_format(book_);
    if (!f.number_format.empty()) format_set_num_format(made, f.number_format.c_str());
    if (f.bold) format_set_bold(made);
    if (f.wrap) format_set_text_wrap(made);
    if (f.border) format_set_border(made, LXW_BORDER_THIN);
    if (f.unlocked) format_set_unlocked(made);
    if (f.shaded) format_set_bg_color(made, f.unlocked ? 0xFFF2CC : 0xDDEBF7);
    format_set_align(made, LXW_ALIGN_VERTICAL_TOP);
    formats_.emplace_back(f, made);
    return made;
  }

  void cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const OutCell& cell) {
    lxw_format* f = format(cell.format);
    lxw_error e = LXW_NO_ERROR;
    if (cell.formula) {
      const double cached =
          std::holds_alternative<double>(cell.value) ? std::get<double>(cell.value) : 0.0;
      e = worksheet_write_formula_num(ws, r, c, cell.formula->c_str(), f, cached);
    } else if (const auto* d = std::get_if<double>(&cell.value)) {
      e = worksheet_write_number(ws, r, c, *d, f);
    } else if (const auto* s = std::get_if<std::string>(&cell.value)) {
      e = worksheet_write_string(ws, r, c, s->c_str(), f);
    } else if (const auto* b = std::get_if<bool>(&cell.value)) {
      e = worksheet_write_boolean(ws, r, c, *b ? 1 : 0, f);
    } else if (const auto* day = std::get_if<SheetDate>(&cell.value)) {
      lxw_datetime dt{day->year, day->month, day->day, 0, 0, 0.0};
      e = worksheet_write_datetime(ws, r, c, &dt, f);
    } else if (const auto* err = std::get_if<SheetErrorValue>(&cell.value)) {
      e = worksheet_write_string(ws, r, c, err->code.c_str(), f);
    } else {
      e = worksheet_write_blank(ws, r, c, f);
    }
    if (e != LXW_NO_ERROR) {
      throw ValueError(cell_address(r, c) + ": " + lxw_strerror(e));
    }
    if (cell.validation) validate(ws, r, c, *cell.validation);
  }

  static void validate(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const CellValidation& v) {
    lxw_data_validation dv{};
    std::vector<char*> list;
    std::string message = v.message.substr(0, 255);
    switch (v.kind) {
      case CellValidation::Kind::list:
        dv.validate = LXW_VALIDATION_TYPE_LIST;
        for (const auto& choice : v.choices) list.push_back(const_cast<char*>(choice.c_str()));
        list.push_back(nullptr);
        dv.value_list = list.data();
        break;
      case CellValidation::Kind::whole:
      case CellValidation::Kind::decimal:
        dv.validate = v.kind == CellValidation::Kind::whole ? LXW_VALIDATION_TYPE_INTEGER
                                                            : LXW_VALIDATION_TYPE_DECIMAL;
        dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        dv.minimum_number = v.minimum;
        dv.maximum_number = v.maximum;
        break;
    }
    if (!message.empty()) dv.error_message = message.data();
    const lxw_error e = worksheet_data_validation_cell(ws, r, c, &dv);
    if (e != LXW_NO_ERROR) {
      throw ValueError(cell_address(r, c) + ": data validation: " + lxw_strerror(e));
    }
  }

  lxw_workbook* book_ = nullptr;
  std::vector<std::pair<CellFormat, lxw_format*>> formats_;
};

/// A temporary file name that is removed when it goes out of scope.
class TemporaryPath {
 public:
  TemporaryPath() {
    std::string pattern = (std::filesystem::temp_directory_path() / "danvan-xlsx-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw IoError(pattern, "cannot create a temporary file");
    ::close(fd);
    path_ = pattern;
  }
  TemporaryPath(const TemporaryPath&) = delete;
  TemporaryPath& operator=(const TemporaryPath&) = delete;
  ~TemporaryPath() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  [[nodiscard]] const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::string write_xlsx(const std::vector<OutSheet>& sheets) {
  check_sheets(sheets);
  const TemporaryPath tmp;
  {
    Writer writer(tmp.path());
    for (const auto& s : sheets) writer.sheet(s);
    writer.close(tmp.path());
  }
  return read_file(tmp.path());
}

bool xlsx_writing_supported() noexcept { return true; }

#else

std::string write_xlsx(const std::vector<OutSheet>& sheets) {
  check_sheets(sheets);
  throw DocumentError("", DocumentProblem::not_built,
                      "danvan was not built with .xlsx writing support (libxlsxwriter was not "
                      "found)");
}

bool xlsx_writing_supported() noexcept { return false; }

#endif

}  // namespace danvan
