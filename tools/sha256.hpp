// SHA-256 of a byte string as lower-case hex (FIPS 180-4), for checking that a labelled corpus
// passage still has the bytes it was labelled on.
#pragma once

#include <string>
#include <string_view>

namespace danvan::cli {

std::string sha256_hex(std::string_view bytes);

}  // namespace danvan::cli
