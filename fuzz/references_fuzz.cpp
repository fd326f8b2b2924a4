// libFuzzer target: find_references and resolution must not crash, every reference's span
// must index the NFC text it came from, and the fast path (candidate scan, quick NFC check)
// must find exactly what the exhaustive path finds.
#include "../src/references/finder_paths.hpp"
#include "danvan/error.hpp"
#include "danvan/references.hpp"
#include "danvan/text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

const danvan::InstrumentCatalogue& catalogue() {
  static const danvan::InstrumentCatalogue c = [] {
    danvan::InstrumentCatalogue out;
    out.add_issuer({"ubnd-tinh-phu-yen", "Ủy ban nhân dân tỉnh Phú Yên", "UBND", {}, {}, {}, {}});
    out.add_issuer({"btvtu-phu-yen", "Ban Thường vụ Tỉnh ủy Phú Yên", "TU", {}, {}, {}, {}});
    danvan::Instrument a;
    a.id = "ct-23-ubnd";
    a.type = danvan::DocumentType::directive;
    a.number = "23";
    a.issuer_ids = {"ubnd-tinh-phu-yen"};
    out.add_instrument(a);
    a.id = "ct-23-tu";
    a.family = danvan::DocumentFamily::party;
    a.issuer_ids = {"btvtu-phu-yen"};
    out.add_instrument(a);
    return out;
  }();
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<danvan::Reference> refs;
  try {
    refs = danvan::find_references(text);
  } catch (const danvan::ParseError&) {
    return 0;  // malformed UTF-8
  }
  if (danvan::detail::find_references_exhaustive(text) != refs) std::abort();
  if (danvan::detail::find_references_narrow(text) != refs) std::abort();
  const std::string nfc = danvan::normalize_nfc(text);
  std::size_t previous_end = 0;
  for (const auto& r : refs) {
    if (r.span.byte_start >= r.span.byte_end || r.span.byte_end > nfc.size() ||
        r.span.byte_start < previous_end || r.span.start > r.span.byte_start ||
        nfc.compare(r.span.byte_start, r.span.byte_end - r.span.byte_start, r.surface) != 0) {
      std::abort();
    }
    previous_end = r.span.byte_end;
  }
  danvan::resolve_references(refs, catalogue(), {nfc});
  (void)danvan::annotate_markdown(nfc, refs);
  return 0;
}
