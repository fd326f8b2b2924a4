// libFuzzer target: the plan reader (danvan/plan documents) and its canonical writer. Each input
// is also read with a small register (small_register.hpp): a plan the plain reader accepts reads
// the same with it (no codes: the register changes nothing), and a plan naming units by code that
// it accepts is written with those units embedded and named by id, a text the plain reader
// accepts as it is.
#include "danvan/json.hpp"
#include "fuzz_common.hpp"
#include "small_register.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace {

std::optional<std::string> plain(std::string_view text) {
  return danvan::fuzz::accepted(text, [](std::string_view t) {
    return danvan::to_canonical_text(
        danvan::to_json(danvan::plan_from_json(danvan::parse_json(t))));
  });
}

std::optional<std::string> via_register(std::string_view text) {
  return danvan::fuzz::accepted(text, [](std::string_view t) {
    return danvan::to_canonical_text(danvan::to_json(
        danvan::plan_from_json(danvan::parse_json(t), danvan::fuzz::small_register())));
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  danvan::fuzz::check_unit_codes(danvan::fuzz::text_of(data, size), plain, via_register, plain);
  return 0;
}
