// libFuzzer target: the streaming registry reader against the DOM reader. read_registry() builds
// the registry straight from the text and falls back to the DOM reader only on a problem, so for
// every input the two must agree: both reject it, or both accept it and give the same canonical
// text. Any other exception type escaping (nlohmann's, std::out_of_range, ...) is a bug too.
#include "danvan/error.hpp"
#include "danvan/json/registry.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

std::optional<std::string> via_stream(std::string_view text) {
  try {
    return danvan::registry_to_text(danvan::read_registry(text));
  } catch (const danvan::Error&) {
    return std::nullopt;
  }
}

std::optional<std::string> via_dom(std::string_view text) {
  try {
    return danvan::registry_to_text(danvan::registry_from_json(danvan::parse_json(text)));
  } catch (const danvan::Error&) {
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto stream = via_stream(text);
  const auto dom = via_dom(text);
  if (stream.has_value() != dom.has_value()) std::abort();
  if (stream && *stream != *dom) std::abort();
  // A registry that was read writes a text that reads back to itself.
  if (stream && via_stream(*stream) != stream) std::abort();
  return 0;
}
