// libFuzzer target: the report batch reader against the bundled SAMPLE progress plan
// (data/progress/phu-yen-2020-progress.json), and its writer. Each input is also read with a
// small register (small_register.hpp): a batch the plain reader accepts reads the same with it,
// and one naming its units by code that it accepts writes a text that reads back to itself.
#include "danvan/json/progress.hpp"
#include "fuzz_common.hpp"
#include "sample_progress_plan.hpp"
#include "small_register.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace {

const danvan::ProgressPlan& plan() { return danvan::fuzz::sample_progress_plan(); }

std::optional<std::string> plain(std::string_view text) {
  return danvan::fuzz::accepted(text, [](std::string_view t) {
    return danvan::to_canonical_text(
        danvan::to_json(danvan::report_batch_from_json(danvan::parse_json(t), plan())));
  });
}

std::optional<std::string> via_register(std::string_view text) {
  return danvan::fuzz::accepted(text, [](std::string_view t) {
    return danvan::to_canonical_text(danvan::to_json(danvan::report_batch_from_json(
        danvan::parse_json(t), plan(), danvan::fuzz::small_register())));
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  danvan::fuzz::check_unit_codes(danvan::fuzz::text_of(data, size), plain, via_register,
                                 via_register);
  return 0;
}
