// libFuzzer target: the progress plan reader (danvan/progress-plan) and its writer. Each input
// is also read with a small register (small_register.hpp): a document the plain reader accepts
// reads the same with it (no codes: the register changes nothing), and a document naming units
// by code that it accepts is written with those units embedded and named by id, a text the
// plain reader accepts as it is.
#include "danvan/json/progress.hpp"
#include "fuzz_common.hpp"
#include "small_register.hpp"

#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

std::string canonical(const danvan::ProgressPlan& plan) {
  return danvan::to_canonical_text(danvan::to_json(plan));
}

std::optional<std::string> plain(std::string_view text) {
  try {
    return canonical(danvan::progress_plan_from_json(danvan::parse_json(text)));
  } catch (const danvan::Error&) {
    return std::nullopt;
  }
}

std::optional<std::string> via_register(std::string_view text) {
  try {
    return canonical(
        danvan::progress_plan_from_json(danvan::parse_json(text), danvan::fuzz::small_register()));
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
    if (plain(*coded) != coded) std::abort();
  }
  return 0;
}
