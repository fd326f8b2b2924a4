// libFuzzer target: replaying a JSON Lines journal onto a small registry must either apply lines
// or throw danvan::Error naming the line; it must never crash, and a torn last line is only ever
// the last one.
#include "danvan/error.hpp"
#include "danvan/json/registry.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

// Two units and one entry, so journal lines can name existing units and entries.
constexpr std::string_view kBase = R"({"schema": "danvan/registry", "version": 1, "note": null,
 "fields": [],
 "units": [
  {"id": "p", "name": "Tỉnh P", "kind": "peoples_committee", "level": "province", "parent": null,
   "valid_from": null, "valid_to": null, "predecessors": [], "successors": []},
  {"id": "x", "name": "Xã X", "kind": "peoples_committee", "level": "commune", "parent": "p",
   "valid_from": null, "valid_to": null, "predecessors": [], "successors": []}],
 "entries": [
  {"id": "e1", "kind": "model", "subject": "collective", "name": "Mô hình A", "unit": "x",
   "fields": ["kinh-te"], "description": "Mẫu.", "person": null,
   "events": [{"type": "registered", "date": "2021-03-01"}]}]})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const danvan::Registry base = danvan::read_registry(kBase);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  danvan::Registry registry = base;
  try {
    const auto result = danvan::replay_journal(text, registry);
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (result.applied > lines) std::abort();
    if (result.torn_line && *result.torn_line != result.applied + 1) std::abort();
    if (result.torn_line.has_value() == result.warning.empty()) std::abort();
  } catch (const danvan::Error&) {
  }
  (void)danvan::registry_to_text(registry);
  return 0;
}
