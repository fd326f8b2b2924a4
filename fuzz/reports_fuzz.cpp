// libFuzzer target: the report batch reader against the bundled SAMPLE progress plan
// (data/progress/phu-yen-2020-progress.json), and its writer.
#include "danvan/json/progress.hpp"
#include "fuzz_common.hpp"
#include "sample_progress_plan.hpp"

#include <string>

namespace {
const danvan::ProgressPlan& plan() { return danvan::fuzz::sample_progress_plan(); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  danvan::fuzz::check_round_trip(danvan::fuzz::text_of(data, size), [](std::string_view text) {
    return danvan::to_canonical_text(
        danvan::to_json(danvan::report_batch_from_json(danvan::parse_json(text), plan())));
  });
  return 0;
}
