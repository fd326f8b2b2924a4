// The official list of administrative units (danh mục đơn vị hành chính) in, and its
// differences from a register on the list's day.
#include "danvan/unit_list.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"
#include "text/text_detail.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace danvan {

namespace {

constexpr std::size_t column_count = 7;
/// The names of each column a header may use (the first names it in messages).
const std::array<std::vector<std::string_view>, column_count> kColumnNames = {{
    {"Mã TP", "Mã tỉnh", "Mã tỉnh thành phố", "province_code"},
    {"Tỉnh Thành Phố", "Tên tỉnh", "Tỉnh", "Tên tỉnh thành phố", "province"},
    {"Mã QH", "Mã huyện", "Mã quận huyện", "district_code"},
    {"Quận Huyện", "Tên huyện", "Huyện", "Tên quận huyện", "district"},
    {"Mã PX", "Mã xã", "Mã phường xã", "commune_code"},
    {"Phường Xã", "Tên xã", "Xã", "Tên phường xã", "commune"},
    {"Cấp", "commune_type"},
}};
/// The "Cấp" of a commune-level unit, folded.
constexpr std::array<std::string_view, 4> kCommuneTypes = {"xa", "phuong", "thi tran", "dac khu"};

/// A header's key: folded, with "/", "_", "-" and "." read as spaces, spaces squeezed.
std::string header_key(std::string_view text) {
  std::string folded = fold(text);
  for (char& c : folded) {
    if (c == '/' || c == '_' || c == '-' || c == '.') c = ' ';
  }
  return squeeze_spaces(folded);
}

std::string quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

using Columns = std::array<std::optional<std::size_t>, column_count>;

template <class Fail>
Columns map_header(const TableRow& header, const UnitListMapping& mapping, Fail fail,
                   std::vector<std::string>& ignored) {
  std::unordered_map<std::string, std::size_t> names;
  for (std::size_t c = 0; c < column_count; ++c) {
    for (const std::string_view name : kColumnNames[c]) names[header_key(name)] = c;
  }
  for (const auto& [alias, column] : mapping.aliases) {
    names[header_key(alias)] = static_cast<std::size_t>(column);
  }
  Columns at{};
  const std::size_t row = header.number;
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    std::string name;
    try {
      name = squeeze_spaces(normalize_nfc(header.cells[i]));
    } catch (const ParseError& e) {
      fail("row " + std::to_string(row) + ", cell " + cell_name(i, row) + ": " + e.reason());
    }
    const auto it = names.find(header_key(name));
    if (it == names.end()) {
      if (!name.empty()) ignored.push_back(name);
      continue;
    }
    if (at[it->second]) {
      fail("row " + std::to_string(row) + ", cell " + cell_name(i, row) + ": the column " +
           quote(kColumnNames[it->second].front()) + " is named twice (" +
           cell_name(*at[it->second], row) + " and " + cell_name(i, row) + ")");
    }
    at[it->second] = i;
  }
  const auto require = [&](UnitListColumn c) {
    if (!at[static_cast<std::size_t>(c)]) {
      fail("row " + std::to_string(row) + ": no column " +
           quote(kColumnNames[static_cast<std::size_t>(c)].front()));
    }
  };
  require(UnitListColumn::province_code);
  require(UnitListColumn::province);
  require(UnitListColumn::commune_code);
  require(UnitListColumn::commune);
  // The district's code and name go together.
  if (at[static_cast<std::size_t>(UnitListColumn::district_code)] ||
      at[static_cast<std::size_t>(UnitListColumn::district)]) {
    require(UnitListColumn::district_code);
    require(UnitListColumn::district);
  }
  return at;
}

/// Reads the rows after the header into `list`; a row with a problem throws it.
class RowReader {
 public:
  RowReader(const Columns& at, UnitList& list) : at_(at), list_(list) {}

  void read(const TableRow& row) {
    row_ = row.number;
    cells_ = &row.cells;
    ListedUnit province{code(UnitListColumn::province_code, 2, "province"),
                        name(UnitListColumn::province, "province"), Level::province, "", row_};
    std::optional<ListedUnit> district;
    if (list_.has_districts) {
      district = ListedUnit{code(UnitListColumn::district_code, 3, "district"),
                            name(UnitListColumn::district, "district"), Level::district,
                            province.code, row_};
    }
    // A district without communes (an island district: Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa) has a
    // row of its own with the commune's cells empty.
    if (district && cell(UnitListColumn::commune_code).empty() &&
        cell(UnitListColumn::commune).empty()) {
      const bool new_province = check_known(province, UnitListColumn::province, "");
      const bool new_district = check_known(*district, UnitListColumn::district, province.code);
      if (new_province) add(std::move(province));
      if (new_district) add(std::move(*district));
      return;
    }
    ListedUnit commune{code(UnitListColumn::commune_code, 5, "commune"), commune_name(),
                       Level::commune, district ? district->code : province.code, row_};
    // Check everything before anything is added: a row is taken whole or not at all.
    const bool new_province = check_known(province, UnitListColumn::province, "");
    const bool new_district =
        district && check_known(*district, UnitListColumn::district, province.code);
    if (const auto it = seen_.find({Level::commune, commune.code}); it != seen_.end()) {
      fail(UnitListColumn::commune_code, "commune " + commune.code + " is already in row " +
                                             std::to_string(list_.units[it->second].row));
    }
    if (new_province) add(std::move(province));
    if (new_district) add(std::move(*district));
    add(std::move(commune));
  }

 private:
  [[noreturn]] void fail(UnitListColumn c, const std::string& message) const {
    const std::optional<std::size_t>& column = at_[static_cast<std::size_t>(c)];
    throw TableProblem{row_, column ? cell_name(*column, row_) : std::string(), message};
  }
  std::string cell(UnitListColumn c) const {
    const std::optional<std::size_t>& column = at_[static_cast<std::size_t>(c)];
    if (!column || *column >= cells_->size()) return {};
    try {
      return squeeze_spaces(normalize_nfc((*cells_)[*column]));
    } catch (const ParseError& e) {
      fail(c, e.reason());
    }
  }
  std::string code(UnitListColumn c, std::size_t digits, std::string_view what) const {
    std::string s = cell(c);
    if (s.empty()) fail(c, "no " + std::string(what) + " code");
    if (!std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      fail(c, std::string(what) + " code " + quote(s) + " is not a number");
    }
    if (s.size() > digits) {
      fail(c, std::string(what) + " code " + quote(s) + " has more than " + std::to_string(digits) +
                  " digits");
    }
    s.insert(0, digits - s.size(), '0');
    return s;
  }
  std::string name(UnitListColumn c, std::string_view what) const {
    std::string s = cell(c);
    if (s.empty()) fail(c, "no " + std::string(what) + " name");
    return s;
  }
  /// The commune's name with its "Cấp" in front when the name has no type word.
  std::string commune_name() const {
    std::string s = name(UnitListColumn::commune, "commune");
    const std::string type = cell(UnitListColumn::commune_type);
    if (type.empty()) return s;
    const std::string folded = header_key(type);
    if (std::find(kCommuneTypes.begin(), kCommuneTypes.end(), folded) == kCommuneTypes.end()) {
      fail(UnitListColumn::commune_type,
           "unknown Cấp " + quote(type) + "; expected one of Xã, Phường, Thị trấn, Đặc khu");
    }
    const int written = detail::split_unit_name(s).type;
    const int stated = detail::split_unit_name(type + " x").type;
    if (written < 0) return type + " " + s;
    if (written != stated) {
      fail(UnitListColumn::commune,
           "the name " + quote(s) + " does not agree with Cấp " + quote(type));
    }
    return s;
  }
  /// False when an earlier row named the unit (with the same name and parent, else a problem).
  bool check_known(const ListedUnit& unit, UnitListColumn name_column,
                   const std::string& parent_code) const {
    const auto it = seen_.find({unit.level, unit.code});
    if (it == seen_.end()) return true;
    const ListedUnit& earlier = list_.units[it->second];
    const std::string what =
        std::string(unit.level == Level::province ? "province " : "district ") + unit.code;
    if (earlier.name != unit.name) {
      fail(name_column,
           what + " is " + quote(earlier.name) + " in row " + std::to_string(earlier.row));
    }
    if (earlier.parent_code != parent_code) {
      fail(UnitListColumn::province_code, what + " is in province " + earlier.parent_code +
                                              " in row " + std::to_string(earlier.row));
    }
    return false;
  }
  void add(ListedUnit unit) {
    seen_.emplace(std::make_pair(unit.level, unit.code), list_.units.size());
    list_.units.push_back(std::move(unit));
  }

  const Columns& at_;
  UnitList& list_;
  std::map<std::pair<Level, std::string>, std::size_t> seen_;  // to its position in units
  std::size_t row_ = 0;
  const std::vector<std::string>* cells_ = nullptr;
};

template <class Fail>
UnitList read_rows(const std::vector<TableRow>& rows, const UnitListMapping& mapping, Fail fail) {
  if (rows.empty() || is_blank_row(rows[0].cells)) {
    fail("row " + std::to_string(rows.empty() ? 1 : rows[0].number) + ": no header row");
  }
  UnitList list;
  const Columns at = map_header(rows[0], mapping, fail, list.ignored_columns);
  list.has_districts = at[static_cast<std::size_t>(UnitListColumn::district_code)].has_value();
  const std::size_t width = rows[0].cells.size();
  RowReader reader(at, list);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const TableRow& row = rows[i];
    if (is_blank_row(row.cells)) continue;
    ++list.rows;
    if (row.cells.size() > width) {
      list.problems.push_back(
          {row.number, cell_name(width, row.number),
           std::to_string(row.cells.size()) + " cells, the header has " + std::to_string(width)});
      continue;
    }
    try {
      reader.read(row);
    } catch (const TableProblem& p) {
      list.problems.push_back(p);
    }
  }
  return list;
}

}  // namespace

UnitList read_unit_list_csv(std::string_view text, const UnitListMapping& mapping) {
  const std::vector<TableRow> rows = read_csv_table(text);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return read_rows(rows, mapping, [&text](const std::string& reason) -> void {
    detail::throw_parse_error(text, 0, reason);
  });
}

UnitList read_unit_list_rows(const std::vector<TableRow>& rows, const UnitListMapping& mapping) {
  return read_rows(rows, mapping,
                   [](const std::string& reason) -> void { throw ValueError(reason); });
}

std::string_view to_string(UnitListColumn column) noexcept {
  const auto i = static_cast<std::size_t>(column);
  return i < column_count ? kColumnNames[i].back() : std::string_view("?");
}

UnitListColumn parse_unit_list_column(std::string_view text) {
  std::string accepted;
  for (std::size_t i = 0; i < column_count; ++i) {
    if (kColumnNames[i].back() == text) return static_cast<UnitListColumn>(i);
    accepted += (i == 0 ? "" : ", ") + std::string(kColumnNames[i].back());
  }
  throw ValueError("unknown column " + quote(text) + "; expected one of " + accepted);
}

std::string_view to_string(UnitListChange::Kind kind) noexcept {
  switch (kind) {
    case UnitListChange::Kind::added:
      return "added";
    case UnitListChange::Kind::ended:
      return "ended";
    case UnitListChange::Kind::renamed:
      return "renamed";
    case UnitListChange::Kind::moved:
      return "moved";
  }
  return "?";
}

UnitListComparison compare_unit_list(const UnitList& list, const UnitRegister& units, Date day) {
  UnitListComparison out;
  const auto compared_level = [&](Level level) {
    return level == Level::province || level == Level::commune ||
           (level == Level::district && list.has_districts);
  };
  // The code of a unit's ancestor at `level` on the day ("" when there is none or it has none).
  const auto ancestor_code = [&](const Unit& unit, Level level) {
    for (const Unit* a = units.parent_of(unit); a != nullptr; a = units.parent_of(*a)) {
      if (a->level == level) return a->code.value_or("");
    }
    return std::string();
  };
  std::unordered_set<const Unit*> named;
  for (const ListedUnit& listed : list.units) {
    const Unit* found = nullptr;
    for (const Unit* u : units.by_code(listed.code)) {
      if (u->level == listed.level && u->exists_on(day)) {
        found = u;
        break;
      }
    }
    if (found == nullptr) {
      out.changes.push_back({UnitListChange::Kind::added, listed.level, listed.code, "",
                             listed.name, "", "", listed.row});
      continue;
    }
    if (!named.insert(found).second) continue;
    ++out.compared;
    const detail::NameParts had = detail::split_unit_name(found->name);
    const detail::NameParts has = detail::split_unit_name(listed.name);
    if (had.key != has.key || (had.type >= 0 && has.type >= 0 && had.type != has.type)) {
      out.changes.push_back({UnitListChange::Kind::renamed, listed.level, listed.code, found->id,
                             found->name, listed.name, "", listed.row});
    }
    if (listed.level != Level::province) {
      const Level parent_level =
          listed.level == Level::commune && list.has_districts ? Level::district : Level::province;
      const std::string before = ancestor_code(*found, parent_level);
      if (before != listed.parent_code) {
        out.changes.push_back({UnitListChange::Kind::moved, listed.level, listed.code, found->id,
                               found->name, listed.parent_code, before, listed.row});
      }
    }
  }
  for (const Unit* u : units.on(day)) {
    if (!compared_level(u->level) || named.contains(u)) continue;
    if (!u->code) {
      ++out.not_compared;
      continue;
    }
    out.changes.push_back(
        {UnitListChange::Kind::ended, u->level, *u->code, u->id, u->name, "", "", 0});
  }
  std::stable_sort(out.changes.begin(), out.changes.end(),
                   [](const UnitListChange& a, const UnitListChange& b) {
                     return std::tie(a.level, a.code, a.kind) < std::tie(b.level, b.code, b.kind);
                   });
  return out;
}

}  // namespace danvan
