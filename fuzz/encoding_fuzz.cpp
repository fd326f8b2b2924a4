// libFuzzer target: the Vietnamese encoding detector and the strict decoders. decode_text either
// throws DocumentError or returns NFC UTF-8; each decoder either throws ParseError or returns
// NFC UTF-8 which, when the encoder can write it back, decodes again to the same text.
#include "danvan/document_text.hpp"
#include "danvan/error.hpp"
#include "danvan/text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void check_nfc(const std::string& text) {
  if (!danvan::is_nfc(text)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    check_nfc(danvan::decode_text(bytes, "fuzz").text);
  } catch (const danvan::DocumentError&) {
  }
  for (const auto e : {danvan::TextEncoding::tcvn3, danvan::TextEncoding::vni,
                       danvan::TextEncoding::viqr, danvan::TextEncoding::windows_1258,
                       danvan::TextEncoding::utf16le, danvan::TextEncoding::utf8}) {
    std::string text;
    try {
      text = danvan::decode_as(bytes, e);
    } catch (const danvan::ParseError&) {
      continue;
    }
    check_nfc(text);
    std::string again;
    try {
      again = danvan::encode_as(text, e);
    } catch (const danvan::ParseError&) {
      continue;  // e.g. a TCVN3 combining mark after a letter whose toned form it lacks
    }
    if (danvan::decode_as(again, e) != text) std::abort();
  }
  return 0;
}
