// Pieces of the symbol repair (repair.cpp) the reference finder needs to see where a
// mis-typed symbol ends.
#pragma once

#include <string_view>

namespace danvan::detail {

/// "QĐ" and "TTg" in "136/2001/QĐ.TTg": a document type code of either family (exact case)
/// and, after a dot, an issuer code (upper-case letters and digits, or one every reader knows
/// such as "TTg"). Such a dot is a mis-typed hyphen; a dot anywhere else ends the symbol.
bool dot_is_hyphen(std::string_view type_code, std::string_view issuer_code);

}  // namespace danvan::detail
