// libFuzzer target: the registry's fast readers against the DOM reader. The fast readers (the
// one of this build, detail::read_registry_streaming: simdjson On-Demand when built with it;
// and the hand-written scanner, detail::read_registry_scanner) build the registry straight from
// the text or give up; read_registry() falls back to the DOM reader when its reader gives up.
// For every input:
// - what a fast reader accepts, the DOM reader accepts, with the same canonical text
//   (called directly: through read_registry a streaming reader that always gives up would agree
//   with the DOM reader on everything);
// - read_registry() and the DOM reader give the same verdict and the same text;
// - the canonical text of an accepted document is read by each fast reader itself (the
//   shapes it reads are exactly those the writer writes), and reads back to itself.
// Units named by official code ("code:100"): without a register every such document is refused
// (the fast readers give up, the DOM reader names each reference); with a small register whose
// code 100 is reused (unit "a" until 2024-10-31, "b" from 2024-11-01), a document without codes
// reads as without the register, and an accepted one's canonical text (its codes kept) reads
// back to itself with the register.
// Any other exception type escaping (nlohmann's, std::out_of_range, ...) is a bug too.
#include "danvan/error.hpp"
#include "danvan/json/plan.hpp"
#include "danvan/json/registry.hpp"
#include "danvan/unit_register.hpp"
#include "fuzz_common.hpp"
#include "small_register.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

std::optional<std::string> via_streaming_only(std::string_view text) {
  auto registry = danvan::detail::read_registry_streaming(text);
  if (!registry) return std::nullopt;
  return danvan::registry_to_text(*registry);
}

std::optional<std::string> via_scanner_only(std::string_view text) {
  auto registry = danvan::detail::read_registry_scanner(text);
  if (!registry) return std::nullopt;
  return danvan::registry_to_text(*registry);
}

std::optional<std::string> via_read_registry(std::string_view text) {
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

std::optional<std::string> via_register(std::string_view text) {
  try {
    return danvan::registry_to_text(danvan::read_registry(text, danvan::fuzz::small_register()));
  } catch (const danvan::Error&) {
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = danvan::fuzz::text_of(data, size);
  const auto dom = via_dom(text);
  if (const auto fast = via_streaming_only(text); fast && fast != dom) std::abort();
  if (const auto fast = via_scanner_only(text); fast && fast != dom) std::abort();
  if (via_read_registry(text) != dom) std::abort();
  if (dom) {
    if (via_streaming_only(*dom) != dom) std::abort();
    if (via_scanner_only(*dom) != dom) std::abort();
    if (via_read_registry(*dom) != dom) std::abort();
    if (via_register(text) != dom) std::abort();  // no codes: the register changes nothing
  } else if (const auto coded = via_register(text)) {
    if (via_register(*coded) != coded) std::abort();
  }
  return 0;
}
