// The reference finder's exhaustive path, for tests and the fuzz target: find_references
// without its shortcuts must find exactly what find_references finds.
#pragma once

#include "danvan/references.hpp"

#include <string_view>
#include <vector>

namespace danvan::detail {

/// find_references without the shortcuts that make it fast: the text is always normalised
/// with ICU (no quick NFC check), every byte is tested with the scalar candidate definition
/// (no 16-byte scan), and every word before an anchor word is read when looking for the type
/// phrase that holds it. Slower; the same references.
std::vector<Reference> find_references_exhaustive(std::string_view text);

/// find_references with 16-byte SSE2 blocks only (what a processor without AVX2 runs).
std::vector<Reference> find_references_narrow(std::string_view text);

}  // namespace danvan::detail
