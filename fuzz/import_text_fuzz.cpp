// libFuzzer target: import_plan_text on any text; a draft it returns writes as JSON.
#include "danvan/import_text.hpp"
#include "danvan/json.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto result = danvan::import_plan_text(danvan::fuzz::text_of(data, size));
    (void)danvan::to_canonical_text(danvan::to_json(result.plan));
  } catch (const danvan::Error&) {
  }
  return 0;
}
