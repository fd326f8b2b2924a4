// libFuzzer target: the entry-table (CSV) reader. For any input it either throws a
// danvan::Error or imports; the entries it added, written back with render_entries_csv and
// imported into a fresh registry, give the same registry with no row refused.
#include "fuzz_common.hpp"

#include "danvan/error.hpp"
#include "danvan/registry.hpp"
#include "danvan/registry_table.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <numeric>
#include <string_view>

namespace {

using danvan::fuzz::unit;

danvan::Registry fresh() {
  return danvan::Registry(danvan::UnitHierarchy({
      unit("tinh", "Tỉnh Phú Yên", danvan::Level::province, nullptr),
      unit("xa", "Xã Hòa An", danvan::Level::commune, "tinh"),
      unit("phuong", "Phường 1", danvan::Level::commune, "tinh"),
  }));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  danvan::Registry first = fresh();
  danvan::TableMapping mapping;
  if (size > 0 && data[0] == 'M') mapping.kind = danvan::EntryKind::model;
  try {
    (void)danvan::import_entries_csv(text, first, mapping);
  } catch (const danvan::Error&) {
    return 0;
  }
  std::vector<std::size_t> all(first.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  const std::string table = danvan::render_entries_csv(first, all);
  danvan::Registry second = fresh();
  const auto again = danvan::import_entries_csv(table, second);
  if (!again.problems.empty() || !(second == first)) std::abort();
  return 0;
}
