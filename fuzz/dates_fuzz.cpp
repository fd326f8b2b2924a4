// libFuzzer target: the date and period parsers. The first byte picks the parser, the rest is
// its input; whatever parses prints a text that parses back to the same value.
#include "danvan/date.hpp"
#include "danvan/period.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text = danvan::fuzz::text_of(data + 1, size - 1);
  try {
    switch (data[0] % 4) {
      case 0: {
        const auto d = danvan::parse_partial_date(text);
        if (!(danvan::parse_partial_date(d.iso()) == d)) std::abort();
        break;
      }
      case 1: {
        const auto d = danvan::parse_date(text);
        if (danvan::parse_date(danvan::to_iso(d)) != d) std::abort();
        break;
      }
      case 2: {
        const auto p = danvan::Period::parse(text);
        if (!(danvan::Period::parse(p.id()) == p)) std::abort();
        break;
      }
      default:
        (void)danvan::parse_period_type(text);
        break;
    }
  } catch (const danvan::Error&) {
  }
  return 0;
}
