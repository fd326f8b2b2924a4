// libFuzzer target: the report batch reader against the bundled SAMPLE progress plan
// (data/progress/phu-yen-2020-progress.json), and its writer.
#include "danvan/json/progress.hpp"
#include "fuzz_common.hpp"

#include <string>

namespace {
const danvan::ProgressPlan& plan() {
  static const danvan::ProgressPlan p =
      danvan::progress_plan_from_json(danvan::parse_json(danvan::read_file(
          std::string(DANVAN_SOURCE_DIR) + "/data/progress/phu-yen-2020-progress.json")));
  return p;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  danvan::fuzz::check_round_trip(danvan::fuzz::text_of(data, size), [](std::string_view text) {
    return danvan::to_canonical_text(
        danvan::to_json(danvan::report_batch_from_json(danvan::parse_json(text), plan())));
  });
  return 0;
}
