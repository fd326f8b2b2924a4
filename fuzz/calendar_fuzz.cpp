// libFuzzer target: the calendar reader (danvan/calendar) and its writer.
#include "danvan/calendar.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  danvan::fuzz::check_round_trip(danvan::fuzz::text_of(data, size), [](std::string_view text) {
    return danvan::calendar_to_json_text(danvan::calendar_from_json_text(text));
  });
  return 0;
}
