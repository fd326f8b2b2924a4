// The parts of danvan/spreadsheet.hpp that need no library: addresses, messages, typed access.
#include "danvan/spreadsheet.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace danvan {

namespace {

std::string column_letters(std::uint32_t column) {
  std::string letters;
  for (std::uint64_t n = std::uint64_t{column} + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

[[noreturn]] void refuse(const Sheet& sheet, std::uint32_t row, std::uint32_t column,
                         const std::string& reason) {
  throw SheetCellError(sheet.name, cell_address(row, column), reason);
}

/// The cell at (row, column) after the checks every typed read makes: not merged, no formula.
const SheetCell* plain_cell(const Sheet& sheet, std::uint32_t row, std::uint32_t column) {
  if (const CellRange* m = sheet.merged_at(row, column)) {
    refuse(sheet, row, column, "merged with " + m->address() + "; unmerge the cells");
  }
  const SheetCell* cell = sheet.find(row, column);
  if (cell != nullptr && !cell->formula.empty()) {
    refuse(sheet, row, column,
           "a formula (=" + cell->formula + ") where a value is expected; type the value itself");
  }
  return cell;
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return s.substr(first, last - first + 1);
}

std::string number_text(double v) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.15g", v);
  return buffer.data();
}

}  // namespace

std::string cell_address(std::uint32_t row, std::uint32_t column) {
  return column_letters(column) + std::to_string(std::uint64_t{row} + 1);
}

std::string CellRange::address() const {
  return cell_address(first_row, first_column) + ":" + cell_address(last_row, last_column);
}

std::string describe(const CellValue& value) {
  struct Visitor {
    std::string operator()(std::monostate /*unused*/) const { return "an empty cell"; }
    std::string operator()(double v) const { return number_text(v); }
    std::string operator()(const std::string& s) const { return "\"" + s + "\""; }
    std::string operator()(bool b) const { return b ? "TRUE" : "FALSE"; }
    std::string operator()(const SheetDate& d) const {
      return "the date " + two(d.day) + "/" + two(d.month) + "/" + std::to_string(d.year);
    }
    std::string operator()(const SheetErrorValue& e) const { return "the error " + e.code; }
  };
  return std::visit(Visitor{}, value);
}

SheetCellError::SheetCellError(std::string sheet, std::string cell, const std::string& reason)
    : ValueError(sheet + "!" + cell + ": " + reason, {JsonProblem{sheet + "!" + cell, reason}}),
      sheet_(std::move(sheet)),
      cell_(std::move(cell)),
      reason_(reason) {}

const SheetCell* Sheet::find(std::uint32_t row, std::uint32_t column) const {
  const auto it = std::lower_bound(cells.begin(), cells.end(), std::pair{row, column},
                                   [](const SheetCell& c, const auto& key) {
                                     return std::pair{c.row, c.column} < key;
                                   });
  return it != cells.end() && it->row == row && it->column == column ? &*it : nullptr;
}

const CellRange* Sheet::merged_at(std::uint32_t row, std::uint32_t column) const {
  for (const auto& m : merged) {
    if (m.contains(row, column)) return &m;
  }
  return nullptr;
}

std::uint32_t Sheet::row_count() const noexcept { return cells.empty() ? 0 : cells.back().row + 1; }

const Sheet* Workbook::find(std::string_view name) const {
  for (const auto& s : sheets) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::optional<double> number_at(const Sheet& sheet, std::uint32_t row, std::uint32_t column) {
  const SheetCell* cell = plain_cell(sheet, row, column);
  if (cell == nullptr) return std::nullopt;
  if (const auto* d = std::get_if<double>(&cell->value)) return *d;
  if (std::holds_alternative<std::monostate>(cell->value)) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(&cell->value)) {
    const std::string t = trimmed(*s);
    if (t.empty()) return std::nullopt;
    const bool digits = t.size() <= 15 && std::all_of(t.begin(), t.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; });
    if (digits) return std::stod(t);
  }
  refuse(sheet, row, column, "expected a number, got " + describe(cell->value));
}

std::optional<std::string> text_at(const Sheet& sheet, std::uint32_t row, std::uint32_t column) {
  const SheetCell* cell = plain_cell(sheet, row, column);
  if (cell == nullptr) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(&cell->value)) {
    std::string t = trimmed(*s);
    if (t.empty()) return std::nullopt;
    return t;
  }
  if (const auto* d = std::get_if<double>(&cell->value)) return number_text(*d);
  if (std::holds_alternative<std::monostate>(cell->value)) return std::nullopt;
  refuse(sheet, row, column, "expected text, got " + describe(cell->value));
}

}  // namespace danvan
