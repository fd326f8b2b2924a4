// libFuzzer target: repair_symbol, the rules that read mis-typed document symbols. It must not
// crash; a symbol it returns keeps the input (NFC) as its surface, and its canonical form is a
// fixed point: parsed again (strictly) it gives the same symbol, and repairing it changes
// nothing.
#include "danvan/error.hpp"
#include "danvan/references.hpp"
#include "danvan/text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::optional<danvan::Symbol> symbol;
  try {
    symbol = danvan::repair_symbol(text);
  } catch (const danvan::ParseError&) {
    return 0;  // malformed UTF-8
  }
  if (!symbol) return 0;
  if (symbol->surface != danvan::normalize_nfc(text)) std::abort();
  const std::string canonical = symbol->canonical();
  const auto again = danvan::try_parse_symbol(canonical);
  if (!again || !(*again == *symbol)) std::abort();
  const auto repaired = danvan::repair_symbol(canonical);
  if (!repaired || repaired->canonical() != canonical) std::abort();
  return 0;
}
