// libFuzzer target: parse_symbol either throws ParseError or returns a symbol whose canonical
// form parses back to an equal symbol.
#include "danvan/error.hpp"
#include "danvan/symbol.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  danvan::Symbol symbol;
  try {
    symbol = danvan::parse_symbol(text);
  } catch (const danvan::ParseError&) {
    return 0;
  }
  const std::string canonical = symbol.canonical();
  const auto again = danvan::try_parse_symbol(canonical, symbol.family);
  if (!again || !(*again == symbol)) std::abort();
  return 0;
}
