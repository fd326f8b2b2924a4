// Document symbols (số, ký hiệu): lenient parsing, canonical formatting, surface kept.
#pragma once

#include "danvan/document_type.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// A parsed symbol. Canonical forms:
///  - state:  NUMBER/TYPE-ISSUER[-ISSUER...]   "26/CT-TTg", "35/KH-UBND"; công văn NUMBER/ISSUER-UNIT "15/UBND-VX"
///  - legal:  NUMBER/YEAR/TYPE-ISSUER           "04/2015/NĐ-CP"; laws NUMBER/YEAR/ISSUER "02/2011/QH13"
///  - party:  NUMBER-TYPE/ISSUER[-ISSUER...]    "217-QĐ/TW", "79-CTr/BDVTW-BCSĐCP"
struct Symbol {
  DocumentFamily family = DocumentFamily::state;
  std::string number;                  ///< as written, digits and an optional letter suffix: "05", "217", "12a"
  std::optional<int> year;             ///< legal family only
  std::optional<DocumentType> type;    ///< nullopt: no type code (công văn, a law "02/2011/QH13")
  std::string type_code;               ///< the code in canonical spelling, "" when none
  std::vector<std::string> issuers;    ///< issuer codes in order: {"BDVTW", "BCSĐCP"}
  std::string surface;                 ///< the text it was parsed from, unchanged ("" when built)

  /// The canonical spelling.
  [[nodiscard]] std::string canonical() const;
  /// Numeric value of number (leading zeros and suffix ignored): "05" -> 5.
  [[nodiscard]] long numeric() const;

  /// Equal when canonical forms are equal (the surface is not compared).
  friend bool operator==(const Symbol& a, const Symbol& b);
};

/// Parses a symbol leniently: a leading "Số:"/"số" is dropped, spaces around separators and
/// doubled separators are tolerated, NFD input is normalised, and a Party symbol written in the
/// state shape ("217/QĐ-TW") is recognised by its Party issuer (TW, TU, HU, ĐU, BDVTW, ...).
/// `hint` decides between families when the text alone cannot. Throws ParseError saying why.
Symbol parse_symbol(std::string_view text, std::optional<DocumentFamily> hint = std::nullopt);
/// As parse_symbol, returning nullopt instead of throwing.
std::optional<Symbol> try_parse_symbol(std::string_view text,
                                       std::optional<DocumentFamily> hint = std::nullopt) noexcept;

}  // namespace danvan
