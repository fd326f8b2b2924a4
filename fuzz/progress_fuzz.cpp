// libFuzzer target: the progress plan reader (danvan/progress-plan) and its writer.
#include "danvan/json/progress.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  danvan::fuzz::check_round_trip(danvan::fuzz::text_of(data, size), [](std::string_view text) {
    return danvan::to_canonical_text(
        danvan::to_json(danvan::progress_plan_from_json(danvan::parse_json(text))));
  });
  return 0;
}
