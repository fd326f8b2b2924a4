// libFuzzer target: the official list of units (CSV). For any input it either throws a
// danvan::Error or reads a list whose units have codes of their level's width, names and
// parents in the list; the list written back as CSV reads as the same units with no row
// refused, and comparing it with a small register does not throw.
#include "unit_list_checks.hpp"

#include "danvan/error.hpp"
#include "danvan/unit_list.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace {

danvan::Unit unit(const char* id, const char* name, danvan::Level level, const char* parent,
                  const char* code) {
  danvan::Unit u;
  u.id = id;
  u.name = name;
  u.kind = danvan::UnitKind::administrative_unit;
  u.level = level;
  if (parent != nullptr) u.parent_id = parent;
  if (code != nullptr) u.code = code;
  return u;
}

const danvan::UnitRegister& small_register() {
  static const danvan::UnitRegister r(danvan::UnitHierarchy({
      unit("p01", "Thành phố Hà Nội", danvan::Level::province, nullptr, "01"),
      unit("c1", "Phường Ba Đình", danvan::Level::commune, "p01", "00004"),
      unit("c2", "Xã Không Mã", danvan::Level::commune, "p01", nullptr),
  }));
  return r;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  danvan::UnitList list;
  try {
    list = danvan::read_unit_list_csv(text);
  } catch (const danvan::Error&) {
    return 0;
  }
  danvan::fuzz::check_listed_units(list);
  const auto by_code = danvan::fuzz::units_by_code(list);
  // Written back (one row per commune with its ancestors, one per district without communes),
  // the list reads as the same units.
  std::string csv = list.has_districts ? "Mã TP,Tỉnh,Mã QH,Quận Huyện,Mã PX,Phường Xã\n"
                                       : "Mã TP,Tỉnh,Mã PX,Phường Xã\n";
  std::map<std::string, bool> district_has_communes;
  for (const auto& u : list.units) {
    if (u.level == danvan::Level::district) district_has_communes.emplace(u.code, false);
    if (u.level == danvan::Level::commune && list.has_districts) {
      district_has_communes[u.parent_code] = true;
    }
  }
  for (const auto& u : list.units) {
    if (u.level == danvan::Level::district && !district_has_communes.at(u.code)) {
      const danvan::ListedUnit* province = by_code.at({danvan::Level::province, u.parent_code});
      csv += province->code + "," + quoted(province->name) + "," + u.code + "," + quoted(u.name) +
             ",,\n";
    }
    if (u.level != danvan::Level::commune) continue;
    const danvan::ListedUnit* parent = by_code.at(
        {list.has_districts ? danvan::Level::district : danvan::Level::province, u.parent_code});
    const danvan::ListedUnit* province =
        list.has_districts ? by_code.at({danvan::Level::province, parent->parent_code}) : parent;
    csv += province->code + "," + quoted(province->name) + ",";
    if (list.has_districts) csv += parent->code + "," + quoted(parent->name) + ",";
    csv += u.code + "," + quoted(u.name) + "\n";
  }
  const danvan::UnitList again = danvan::read_unit_list_csv(csv);
  using Key = std::tuple<danvan::Level, std::string, std::string, std::string>;
  std::set<Key> before;
  std::set<Key> after;
  for (const auto& u : list.units) before.emplace(u.level, u.code, u.name, u.parent_code);
  for (const auto& u : again.units) after.emplace(u.level, u.code, u.name, u.parent_code);
  if (!again.problems.empty() || again.units.size() != list.units.size() || before != after) {
    std::abort();
  }
  (void)danvan::compare_unit_list(list, small_register(), danvan::Date(2025, 7, 1));
  return 0;
}
