// libFuzzer target: the report batch reader against the bundled SAMPLE progress plan
// (data/progress/phu-yen-2020-progress.json), and its writer. Each input is also read with a
// small register (small_register.hpp): a batch the plain reader accepts reads the same with it,
// and one naming its units by code that it accepts writes a text that reads back to itself.
#include "danvan/json/progress.hpp"
#include "fuzz_common.hpp"
#include "sample_progress_plan.hpp"
#include "small_register.hpp"

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

const danvan::ProgressPlan& plan() { return danvan::fuzz::sample_progress_plan(); }

std::string canonical(const danvan::ReportBatch& batch) {
  return danvan::to_canonical_text(danvan::to_json(batch));
}

std::optional<std::string> plain(std::string_view text) {
  try {
    return canonical(danvan::report_batch_from_json(danvan::parse_json(text), plan()));
  } catch (const danvan::Error&) {
    return std::nullopt;
  }
}

std::optional<std::string> via_register(std::string_view text) {
  try {
    return canonical(danvan::report_batch_from_json(danvan::parse_json(text), plan(),
                                                    danvan::fuzz::small_register()));
  } catch (const danvan::Error&) {
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = danvan::fuzz::text_of(data, size);
  if (const auto first = plain(text)) {
    if (plain(*first) != first) std::abort();  // the canonical text reads back to itself
    if (via_register(text) != first) std::abort();
  } else if (const auto coded = via_register(text)) {
    if (via_register(*coded) != coded) std::abort();
  }
  return 0;
}
