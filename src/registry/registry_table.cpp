// Entry tables (CSV) in and out: a small RFC 4180 reader that knows rows and cells, the header
// mapping, and the conversion of a row into an Entry with Registry::add's checks.
#include "danvan/registry_table.hpp"

#include "base/enum_names.hpp"
#include "danvan/error.hpp"
#include "danvan/text.hpp"
#include "text/text_detail.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

namespace danvan {

namespace {

constexpr std::size_t column_count = 15;
constexpr std::array<std::string_view, column_count> headers_vi{
    "Mã",          "Tên mô hình",    "Đơn vị",        "Nơi thực hiện", "Lĩnh vực",
    "Loại",        "Đối tượng",      "Họ tên",        "Mô tả",         "Ngày đăng ký",
    "Cấp đăng ký", "Ngày công nhận", "Cấp công nhận", "Xếp loại",      "Quyết định"};
constexpr std::array<std::string_view, column_count> names_en{"id",
                                                              "name",
                                                              "unit",
                                                              "place",
                                                              "field",
                                                              "kind",
                                                              "subject",
                                                              "person",
                                                              "description",
                                                              "registered",
                                                              "registration_level",
                                                              "recognised",
                                                              "recognition_level",
                                                              "grade",
                                                              "decision"};
}  // namespace

DANVAN_ENUM_NAMES(EntryColumn, names_en, parse_entry_column, "column")

namespace {

std::string folded_key(std::string_view text) { return squeeze_spaces(fold(text)); }

/// Folded names of the values a cell may hold, to the value.
template <class T>
using Names = std::unordered_map<std::string, T>;

Names<EntryKind> kind_names() {
  Names<EntryKind> n;
  for (const auto k : {EntryKind::model, EntryKind::exemplar}) {
    n[folded_key(to_string(k))] = k;
    n[folded_key(vietnamese_name(k))] = k;
  }
  return n;
}

Names<Subject> subject_names() {
  Names<Subject> n;
  for (const auto s : {Subject::collective, Subject::individual, Subject::unknown}) {
    n[folded_key(to_string(s))] = s;
    n[folded_key(vietnamese_name(s))] = s;
  }
  return n;
}

Names<Level> level_names() {
  Names<Level> n;
  for (const auto l : {Level::central, Level::province, Level::district, Level::commune}) {
    n[folded_key(to_string(l))] = l;
    n[folded_key(vietnamese_name(l))] = l;
    n["cap " + folded_key(vietnamese_name(l))] = l;
  }
  return n;
}

/// One row's conversion: the cells by column and the registry's vocabularies.
class RowReader {
 public:
  RowReader(const Registry& registry, const TableMapping& mapping) : mapping_(mapping) {
    for (const auto& u : registry.units().units()) {
      units_[folded_key(u.name)].push_back(u.id);
      unit_ids_[u.id] = u.id;
    }
    for (const auto& f : registry.fields()) {
      fields_[f.id] = f.id;
      fields_[folded_key(f.name)] = f.id;
    }
    for (const auto& g : registry.grades()) {
      grades_[g.id] = g.id;
      grades_[folded_key(g.name)] = g.id;
    }
  }

  /// The entry of a row; throws TableProblem for a cell that cannot be read.
  Entry entry(const std::vector<std::string>& cells,
              const std::array<std::optional<std::size_t>, column_count>& at, std::size_t row) {
    cells_ = &cells;
    at_ = &at;
    row_ = row;
    Entry e;
    e.id = text(EntryColumn::id).value_or("row-" + std::to_string(row));
    e.name = text(EntryColumn::name).value_or("");
    if (e.name.empty()) problem(EntryColumn::name, "the name is empty");
    e.unit_id = unit(EntryColumn::unit).value_or("");
    if (e.unit_id.empty()) problem(EntryColumn::unit, "the unit is empty");
    for (const auto& place : list(EntryColumn::place)) {
      e.place_unit_ids.push_back(unit_named(EntryColumn::place, place));
    }
    for (const auto& field : list(EntryColumn::field)) {
      e.field_ids.push_back(lookup_name(EntryColumn::field, fields_, "field", field));
    }
    const auto kind = named(EntryColumn::kind, kinds_, "kind");
    if (!kind && !mapping_.kind) problem(EntryColumn::kind, "the kind is empty");
    e.kind = kind.value_or(mapping_.kind.value_or(EntryKind::model));
    e.subject = named(EntryColumn::subject, subjects_, "subject").value_or(Subject::unknown);
    e.person_name = text(EntryColumn::person);
    e.description = text(EntryColumn::description).value_or("");
    if (const auto day = date(EntryColumn::registered)) {
      Event reg;
      reg.date = *day;
      reg.level = named(EntryColumn::registration_level, levels_, "level");
      e.events.push_back(reg);
    }
    if (const auto day = date(EntryColumn::recognised)) {
      Event rec;
      rec.type = EventType::recognised;
      rec.date = *day;
      rec.level = named(EntryColumn::recognition_level, levels_, "level");
      rec.grade = lookup(EntryColumn::grade, grades_, "grade");
      rec.decision = text(EntryColumn::decision);
      e.events.push_back(rec);
    } else {
      for (const auto c :
           {EntryColumn::recognition_level, EntryColumn::grade, EntryColumn::decision}) {
        if (text(c)) problem(c, "a recognition detail without a recognition date");
      }
    }
    if (e.events.empty()) {
      problem(std::nullopt, "neither a registration date nor a recognition date");
    }
    return e;
  }

 private:
  [[noreturn]] void problem(std::optional<EntryColumn> column, const std::string& why) const {
    std::string cell;
    if (column) {
      const std::optional<std::size_t>& index = (*at_)[static_cast<std::size_t>(*column)];
      if (index.has_value()) cell = cell_name(index.value(), row_);
    }
    throw TableProblem{row_, std::move(cell), why};
  }
  /// The cell's text (NFC, white space squeezed), or nullopt when the column is absent or the
  /// cell blank.
  std::optional<std::string> text(EntryColumn column) const {
    const auto index = (*at_)[static_cast<std::size_t>(column)];
    if (!index || *index >= cells_->size()) return std::nullopt;
    std::string s = squeeze_spaces(normalize_nfc((*cells_)[*index]));
    for (const char c : s) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        problem(column, "a control character in the cell");
      }
    }
    if (s.empty()) return std::nullopt;
    return s;
  }
  template <class T>
  std::optional<T> named(EntryColumn column, const Names<T>& names, const char* what) const {
    const auto s = text(column);
    if (!s) return std::nullopt;
    const auto it = names.find(folded_key(*s));
    if (it == names.end())
      problem(column, std::string("unknown ") + what + " " + detail::quote(*s));
    return it->second;
  }
  /// An id or a folded name of the vocabulary.
  std::string lookup_name(EntryColumn column, const Names<std::string>& names, const char* what,
                          const std::string& s) const {
    auto it = names.find(s);
    if (it == names.end()) it = names.find(folded_key(s));
    if (it == names.end()) problem(column, std::string("unknown ") + what + " " + detail::quote(s));
    return it->second;
  }
  std::optional<std::string> lookup(EntryColumn column, const Names<std::string>& names,
                                    const char* what) const {
    const auto s = text(column);
    if (!s) return std::nullopt;
    return lookup_name(column, names, what, *s);
  }
  /// A unit by id, else by its folded name, which must name one unit.
  std::string unit_named(EntryColumn column, const std::string& s) const {
    std::string cell;
    if (const auto index = (*at_)[static_cast<std::size_t>(column)]) {
      cell = cell_name(*index, row_);
    }
    return unit_id(s, row_, cell);
  }

 public:
  /// A unit by id, else by its folded name, which must name one unit; throws TableProblem
  /// naming `cell` of `row`.
  std::string unit_id(const std::string& s, std::size_t row, const std::string& cell) const {
    if (const auto id = unit_ids_.find(s); id != unit_ids_.end()) return id->second;
    const auto it = units_.find(folded_key(s));
    if (it == units_.end()) throw TableProblem{row, cell, "unknown unit " + detail::quote(s)};
    if (it->second.size() > 1) {
      throw TableProblem{row, cell,
                         "the unit name " + detail::quote(s) + " names " +
                             std::to_string(it->second.size()) + " units (" + it->second[0] + ", " +
                             it->second[1] + (it->second.size() > 2 ? ", ..." : "") +
                             "): give the id"};
    }
    return it->second.front();
  }

 private:
  std::optional<std::string> unit(EntryColumn column) const {
    const auto s = text(column);
    if (!s) return std::nullopt;
    return unit_named(column, *s);
  }
  /// The items of a cell separated by ";" (none when blank).
  std::vector<std::string> list(EntryColumn column) const {
    std::vector<std::string> out;
    const auto s = text(column);
    if (!s) return out;
    std::size_t start = 0;
    while (start <= s->size()) {
      const std::size_t end = std::min(s->find(';', start), s->size());
      std::string part = squeeze_spaces(std::string_view(*s).substr(start, end - start));
      if (part.empty()) problem(column, "an empty item between \";\"");
      out.push_back(std::move(part));
      start = end + 1;
    }
    return out;
  }
  std::optional<PartialDate> date(EntryColumn column) const {
    const auto s = text(column);
    if (!s) return std::nullopt;
    try {
      return parse_partial_date(*s);
    } catch (const ParseError& e) {
      problem(column, "not a date " + detail::quote(*s) + ": " + e.reason());
    }
  }

  const TableMapping& mapping_;
  Names<EntryKind> kinds_ = kind_names();
  Names<Subject> subjects_ = subject_names();
  Names<Level> levels_ = level_names();
  std::unordered_map<std::string, std::vector<std::string>> units_;
  Names<std::string> unit_ids_;
  Names<std::string> fields_;
  Names<std::string> grades_;
  const std::vector<std::string>* cells_ = nullptr;
  const std::array<std::optional<std::size_t>, column_count>* at_ = nullptr;
  std::size_t row_ = 0;
};

/// The column of each header cell; throws ParseError for a column named twice or a required
/// one missing.
template <class Fail>
std::array<std::optional<std::size_t>, column_count> map_header(
    const std::vector<std::string>& header, const TableMapping& mapping, Fail fail,
    std::vector<std::string>& ignored) {
  std::unordered_map<std::string, std::size_t> names;
  for (std::size_t c = 0; c < column_count; ++c) {
    names[folded_key(headers_vi[c])] = c;
    names[folded_key(names_en[c])] = c;
  }
  for (const auto& [alias, column] : mapping.aliases) {
    names[folded_key(alias)] = static_cast<std::size_t>(column);
  }
  std::array<std::optional<std::size_t>, column_count> at{};
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = squeeze_spaces(normalize_nfc(header[i]));
    const auto it = names.find(folded_key(name));
    if (it == names.end()) {
      if (!name.empty()) ignored.push_back(name);
      continue;
    }
    if (at[it->second]) {
      fail("row 1, cell " + cell_name(i, 1) + ": the column " +
           detail::quote(headers_vi[it->second]) + " is named twice (" +
           cell_name(*at[it->second], 1) + " and " + cell_name(i, 1) + ")");
    }
    at[it->second] = i;
  }
  const auto require = [&](EntryColumn c) {
    if (!at[static_cast<std::size_t>(c)]) {
      fail("row 1: no column " + detail::quote(headers_vi[static_cast<std::size_t>(c)]));
    }
  };
  require(EntryColumn::name);
  require(EntryColumn::unit);
  if (!mapping.kind) require(EntryColumn::kind);
  return at;
}

/// Adds an entry per row after the header (rows[0]); `fail` throws for a header that cannot
/// be mapped.
template <class Fail>
TableImport import_rows(const std::vector<TableRow>& rows, Registry& registry,
                        const TableMapping& mapping, Fail fail) {
  TableImport result;
  const auto at = map_header(rows[0].cells, mapping, fail, result.ignored_columns);
  const std::size_t width = rows[0].cells.size();
  RowReader reader(registry, mapping);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& cells = rows[i].cells;
    if (is_blank_row(cells)) continue;
    ++result.rows;
    const std::size_t row = rows[i].number;
    if (cells.size() > width) {
      result.problems.push_back(
          {row, cell_name(width, row),
           std::to_string(cells.size()) + " cells, the header has " + std::to_string(width)});
      continue;
    }
    try {
      registry.add(reader.entry(cells, at, row));
      ++result.added;
    } catch (const TableProblem& p) {
      result.problems.push_back(p);
    } catch (const ValueError& e) {
      result.problems.push_back({row, "", e.what()});
    }
  }
  return result;
}

}  // namespace

std::string_view column_header(EntryColumn column) noexcept {
  const auto i = static_cast<std::size_t>(column);
  return i < column_count ? headers_vi[i] : std::string_view("?");
}

TableImport import_entries_csv(std::string_view text, Registry& registry,
                               const TableMapping& mapping) {
  std::vector<TableRow> rows = read_csv_table(text);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (rows.empty() || is_blank_row(rows[0].cells)) {
    detail::throw_parse_error(text, 0, "row 1: no header row");
  }
  return import_rows(rows, registry, mapping, [&](const std::string& reason) {
    detail::throw_parse_error(text, 0, reason);
  });
}

TableImport import_entries_rows(const std::vector<TableRow>& rows, Registry& registry,
                                const TableMapping& mapping) {
  if (rows.empty() || is_blank_row(rows[0].cells)) throw ValueError("row 1: no header row");
  return import_rows(rows, registry, mapping,
                     [](const std::string& reason) { throw ValueError(reason); });
}

namespace {

// ---- Proposal lists

enum class ProposalColumn : std::uint8_t { name, unit, person, form };

/// The column of each header cell of a proposal list; throws ValueError for a column named
/// twice or a required one missing.
std::array<std::optional<std::size_t>, 4> map_proposal_header(
    const TableRow& header_row, const std::vector<std::pair<std::string, EntryColumn>>& aliases,
    std::vector<std::string>& ignored) {
  const std::vector<std::string>& header = header_row.cells;
  const std::size_t row = header_row.number;
  std::vector<std::pair<std::string, ProposalColumn>> names = {
      {"Tên mô hình", ProposalColumn::name},
      {"Tên điển hình", ProposalColumn::name},
      {"Tên mô hình, điển hình", ProposalColumn::name},
      {"Tên tập thể, cá nhân", ProposalColumn::name},
      {"name", ProposalColumn::name},
      {"Đơn vị", ProposalColumn::unit},
      {"unit", ProposalColumn::unit},
      {"Họ tên", ProposalColumn::person},
      {"Họ và tên", ProposalColumn::person},
      {"Cá nhân", ProposalColumn::person},
      {"person", ProposalColumn::person},
      {"Hình thức", ProposalColumn::form},
      {"Hình thức khen thưởng", ProposalColumn::form},
      {"Hình thức đề nghị", ProposalColumn::form},
      {"form", ProposalColumn::form}};
  constexpr std::array<std::string_view, 4> shown = {"Tên mô hình", "Đơn vị", "Họ tên",
                                                     "Hình thức"};
  // The list's own headers first: an alias wins over a name it folds like.
  std::vector<std::pair<std::string, ProposalColumn>> own;
  for (const auto& [alias, column] : aliases) {
    const auto c = column == EntryColumn::name     ? std::optional{ProposalColumn::name}
                   : column == EntryColumn::unit   ? std::optional{ProposalColumn::unit}
                   : column == EntryColumn::person ? std::optional{ProposalColumn::person}
                                                   : std::nullopt;
    if (!c) {
      throw ValueError("a proposal list has no column " + detail::quote(to_string(column)) +
                       " (alias " + detail::quote(alias) +
                       "); its columns are name, unit and person");
    }
    own.emplace_back(alias, *c);
  }
  names.insert(names.begin(), own.begin(), own.end());
  std::array<std::optional<std::size_t>, 4> at{};
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string name = squeeze_spaces(normalize_nfc(header[i]));
    const auto it = std::find_if(names.begin(), names.end(), [&](const auto& n) {
      return folded_key(n.first) == folded_key(name);
    });
    if (it == names.end()) {
      if (!name.empty()) ignored.push_back(name);
      continue;
    }
    auto& slot = at[static_cast<std::size_t>(it->second)];
    if (slot) {
      throw ValueError(
          "row " + std::to_string(row) + ", cell " + cell_name(i, row) + ": the column " +
          detail::quote(shown[static_cast<std::size_t>(it->second)]) + " is named twice (" +
          cell_name(*slot, row) + " and " + cell_name(i, row) + ")");
    }
    slot = i;
  }
  for (const auto c : {ProposalColumn::name, ProposalColumn::unit}) {
    if (!at[static_cast<std::size_t>(c)]) {
      throw ValueError("row " + std::to_string(row) + ": no column " +
                       detail::quote(shown[static_cast<std::size_t>(c)]));
    }
  }
  return at;
}

/// Refuses options no proposal list can be read with (import_proposals_rows' messages).
void check_proposal_options(const ProposalOptions& options) {
  const bool recognition = options.type == EventType::recognised;
  if (options.type != EventType::awarded && options.type != EventType::commended && !recognition) {
    throw ValueError("a proposal is for a recognition, a commendation or an award, not " +
                     detail::quote(to_string(options.type)));
  }
  if (recognition && options.form) {
    throw ValueError("a recognition has no form (" + detail::quote(*options.form) +
                     "): a form goes with a commendation or an award");
  }
  if (!options.date) {
    // (Every row would be refused for it, one by one: say it once.)
    throw ValueError("the proposals have no date: give the date of the list (an event needs one)");
  }
}

}  // namespace

TableImport import_proposals_rows(const std::vector<TableRow>& rows, Registry& registry,
                                  const ProposalOptions& options) {
  check_proposal_options(options);
  const bool recognition = options.type == EventType::recognised;
  Names<std::string> forms;
  for (const auto& f : registry.forms()) {
    forms[f.id] = f.id;
    forms[folded_key(f.name)] = f.id;
  }
  const auto form_named = [&](const std::string& s) -> std::optional<std::string> {
    auto it = forms.find(s);
    if (it == forms.end()) it = forms.find(folded_key(s));
    if (it == forms.end()) return std::nullopt;
    return it->second;
  };
  std::optional<std::string> default_form;
  if (options.form) {
    default_form = form_named(*options.form);
    if (!default_form) throw ValueError("unknown form " + detail::quote(*options.form));
  }
  if (rows.empty() || is_blank_row(rows[0].cells)) {
    throw ValueError("row " + std::to_string(rows.empty() ? 1 : rows[0].number) +
                     ": no header row");
  }
  TableImport result;
  const auto at = map_proposal_header(rows[0], options.aliases, result.ignored_columns);
  // Entries by folded unit id and name.
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_name;
  for (std::size_t i = 0; i < registry.size(); ++i) {
    const Entry e = registry.entry(i);
    by_name[{e.unit_id, folded_key(e.name)}].push_back(i);
  }
  TableMapping mapping;
  mapping.kind = EntryKind::model;
  RowReader units(registry, mapping);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& cells = rows[r].cells;
    const std::size_t row = rows[r].number;
    const auto filled = std::count_if(cells.begin(), cells.end(), [](const std::string& c) {
      return !squeeze_spaces(c).empty();
    });
    if (filled <= 1) continue;  // blank, or a section heading
    ++result.rows;
    const auto cell = [&](ProposalColumn c) -> std::pair<std::string, std::string> {
      const auto index = at[static_cast<std::size_t>(c)];
      if (!index || *index >= cells.size()) return {};
      return {squeeze_spaces(normalize_nfc(cells[*index])), cell_name(*index, row)};
    };
    const auto [name, name_cell] = cell(ProposalColumn::name);
    const auto [unit_text, unit_cell] = cell(ProposalColumn::unit);
    const auto [person, person_cell] = cell(ProposalColumn::person);
    const auto [form_text, form_cell] = cell(ProposalColumn::form);
    std::optional<TableProblem> problem;
    const auto fail = [&](const std::string& where, std::string why) {
      if (!problem) problem = TableProblem{row, where, std::move(why)};
    };
    for (const auto& [text, where] :
         {std::pair{name, name_cell}, std::pair{unit_text, unit_cell},
          std::pair{person, person_cell}, std::pair{form_text, form_cell}}) {
      if (std::any_of(text.begin(), text.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
        fail(where, "a control character in the cell");
      }
    }
    if (name.empty()) fail(name_cell, "the name is empty");
    if (unit_text.empty()) fail(unit_cell, "the unit is empty");
    std::string unit_id;
    if (!problem) {
      try {
        unit_id = units.unit_id(unit_text, row, unit_cell);
      } catch (const TableProblem& p) {
        problem = p;
      }
    }
    std::optional<std::string> form = default_form;
    if (!form_text.empty() && recognition) {
      fail(form_cell, "a recognition has no form (" + detail::quote(form_text) + ")");
    } else if (!form_text.empty()) {
      form = form_named(form_text);
      if (!form) fail(form_cell, "unknown form " + detail::quote(form_text));
    }
    std::vector<std::size_t> matches;
    if (!problem) {
      if (const auto it = by_name.find({unit_id, folded_key(name)}); it != by_name.end()) {
        for (const auto i : it->second) {
          const Entry e = registry.entry(i);
          if (person.empty() ||
              (e.person_name && folded_key(*e.person_name) == folded_key(person))) {
            matches.push_back(i);
          }
        }
      }
      const std::string what = detail::quote(name) + " of " + detail::quote(unit_text) +
                               (person.empty() ? "" : " (" + detail::quote(person) + ")");
      if (matches.empty()) {
        fail(name_cell, "no entry " + what + " in the registry");
      } else if (matches.size() > 1) {
        fail(name_cell, std::to_string(matches.size()) + " entries " + what + " (" +
                            registry.entry(matches[0]).id + ", " + registry.entry(matches[1]).id +
                            (matches.size() > 2 ? ", ..." : "") + "): name the person");
      }
    }
    if (problem) {
      result.problems.push_back(*problem);
      continue;
    }
    Event event;
    event.type = options.type;
    event.status = CommendationStatus::proposed;
    event.date = options.date;
    event.level = options.level;
    event.by = options.by;
    event.form = form;
    try {
      registry.add_event(registry.entry(matches.front()).id, event);
      ++result.added;
    } catch (const ValueError& e) {
      result.problems.push_back({row, "", e.what()});
    }
  }
  return result;
}

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

std::string grade_name(const Registry& registry, const std::optional<std::string>& id) {
  if (!id) return "";
  for (const auto& g : registry.grades()) {
    if (g.id == *id) return g.name;
  }
  return *id;
}

}  // namespace

std::vector<std::vector<std::string>> entries_table(const Registry& registry,
                                                    const std::vector<std::size_t>& indexes) {
  std::vector<std::vector<std::string>> rows;
  rows.emplace_back(headers_vi.begin(), headers_vi.end());
  for (const auto i : indexes) {
    const Entry e = registry.entry(i);
    std::vector<std::string> c(column_count);
    c[0] = e.id;
    c[1] = e.name;
    c[2] = e.unit_id;
    c[3] = join(e.place_unit_ids);
    c[4] = join(e.field_ids);
    c[5] = std::string(vietnamese_name(e.kind));
    c[6] = std::string(vietnamese_name(e.subject));
    c[7] = e.person_name.value_or("");
    c[8] = e.description;
    const auto level = [](const Event& ev) {
      return ev.level ? std::string(vietnamese_name(*ev.level)) : std::string();
    };
    const auto reg = std::find_if(e.events.begin(), e.events.end(),
                                  [](const Event& ev) { return ev.type == EventType::registered; });
    if (reg != e.events.end()) {
      c[9] = reg->date->vietnamese();
      c[10] = level(*reg);
    }
    const auto rec = std::find_if(e.events.begin(), e.events.end(), [](const Event& ev) {
      return ev.type == EventType::recognised && ev.status == CommendationStatus::decided;
    });
    if (rec != e.events.end()) {
      c[11] = rec->date->vietnamese();
      c[12] = level(*rec);
      c[13] = grade_name(registry, rec->grade);
      c[14] = rec->decision.value_or("");
    }
    rows.push_back(std::move(c));
  }
  return rows;
}

std::string render_entries_csv(const Registry& registry, const std::vector<std::size_t>& indexes) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& cells : entries_table(registry, indexes)) {
    for (std::size_t k = 0; k < cells.size(); ++k) {
      if (k > 0) out += ',';
      out += detail::csv_field(cells[k], ",;\t\"\r\n");
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace danvan
