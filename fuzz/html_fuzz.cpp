// libFuzzer target: the web-page reader (libxml2's HTML parser and danvan's walk over it).
// read_document either throws DocumentError or returns NFC text.
#include "danvan/document_text.hpp"
#include "danvan/error.hpp"
#include "danvan/text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The prefix makes read_document take the HTML path whatever the input starts with.
  const std::string page = "<html>" + std::string(reinterpret_cast<const char*>(data), size);
  try {
    const danvan::DocumentText d = danvan::read_document(page, "fuzz.html");
    if (!danvan::is_nfc(d.text)) std::abort();
  } catch (const danvan::DocumentError&) {
  }
  return 0;
}
