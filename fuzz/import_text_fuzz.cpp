// libFuzzer target: drafting a plan from arbitrary text must not crash; it either throws
// ParseError (malformed UTF-8, binary data, empty text) or returns a draft whose outline levels
// are not negative, and a draft that validates survives its JSON round trip unchanged.
#include "danvan/error.hpp"
#include "danvan/import_text.hpp"
#include "danvan/json.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  danvan::ImportResult result;
  try {
    result = danvan::import_plan_text(text);
  } catch (const danvan::ParseError&) {
    return 0;
  }
  for (const auto& o : result.plan.outline) {
    if (o.level < 0) std::abort();
  }
  try {
    result.plan.validate();
  } catch (const danvan::ValueError&) {
    return 0;
  }
  const danvan::Plan back = danvan::plan_from_json(
      danvan::parse_json(danvan::to_canonical_text(danvan::to_json(result.plan))));
  if (!(back == result.plan)) std::abort();
  return 0;
}
