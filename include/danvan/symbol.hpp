// Document symbols (số, ký hiệu): lenient parsing, canonical formatting, surface kept.
#pragma once

#include "danvan/document_type.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// A parsed symbol. Canonical forms:
///  - state:  NUMBER/TYPE-ISSUER[-ISSUER...]   "26/CT-TTg", "35/KH-UBND"; công văn
///  NUMBER/ISSUER-UNIT "15/UBND-VX"
///  - legal:  NUMBER/YEAR/TYPE-ISSUER           "04/2015/NĐ-CP"; laws NUMBER/YEAR/ISSUER
///  "02/2011/QH13"
///  - party:  NUMBER-TYPE/ISSUER[-ISSUER...]    "217-QĐ/TW", "79-CTr/BDVTW-BCSĐCP"
struct Symbol {
  DocumentFamily family = DocumentFamily::state;  ///< which shape it has (see above)
  std::string number;  ///< as written, digits and an optional letter suffix: "05", "217", "12a"
  std::optional<int> year;           ///< legal family only
  std::optional<DocumentType> type;  ///< nullopt: no type code (công văn, a law "02/2011/QH13")
  std::string type_code;             ///< the code in canonical spelling, "" when none
  std::vector<std::string> issuers;  ///< issuer codes in order: {"BDVTW", "BCSĐCP"}
  std::string surface;               ///< the text it was parsed from, unchanged ("" when built)

  /// The canonical spelling: rebuilt from the fields per family, number as written, issuers
  /// joined with '-'. When type_code is empty but type is set, the type's code in the family
  /// is used (a state official_letter has none).
  [[nodiscard]] std::string canonical() const;
  /// Numeric value of number (leading zeros and suffix ignored): "05" -> 5; 0 when number
  /// does not start with a digit.
  [[nodiscard]] long numeric() const;

  /// Equal when canonical forms are equal (the surface is not compared). Numbers compare as
  /// written: "05/KH-UBND" != "5/KH-UBND".
  friend bool operator==(const Symbol& a, const Symbol& b);
};

/// Parses a symbol leniently: a leading "Số:"/"số" is dropped, spaces around separators and
/// doubled separators are tolerated, NFD input is normalised, and a Party symbol written in the
/// state shape ("217/QĐ-TW") is recognised by its Party issuer (TW, TU, HU, ĐU, BDVTW, ...).
/// `hint` decides between families when the text alone cannot. Throws ParseError saying why.
///
/// Details:
///  - Input: at most 200 bytes of UTF-8 without control characters (tab counts as a space).
///    A leading "Số", "số" or "SỐ" (any Unicode form) with an optional ':' is dropped; white
///    space around separators is ignored; "//" and "--" count once; the dashes U+2010..U+2014,
///    U+2212, U+FE63, U+FF0D and slashes U+2044, U+2215, U+FF0F count as '-' and '/'. Codes are
///    NFC-normalised and otherwise matched exactly: no case or ASCII folding ("QD" is not "QĐ",
///    "Ctr" is not "CTr", "HD" is Hướng dẫn and "HĐ" Hợp đồng).
///  - The shape decides the family: NUMBER-TYPE/... is Party, NUMBER/YEAR/... legal,
///    NUMBER/... state. NUMBER is 1-6 ASCII digits plus an optional letter ("12a"), not zero;
///    YEAR is 4 digits in 1945..2100. Legal symbols without a type code are laws
///    ("02/2011/QH13": type nullopt). A state symbol whose first part is not a state code is a
///    công văn ("15/UBND-VX": type official_letter, type_code "", issuers {"UBND", "VX"}),
///    unless that part is a Party-only code or equals a code once case and diacritics are
///    folded ("KL", "Ctr", "QD"): those are errors, not issuers.
///  - A state-shaped symbol is read as Party (NUMBER-TYPE/ISSUERS, the type a Party code) when
///    one of its issuers is a Party issuer and `hint` is not state: that is the one case the
///    hint decides. Otherwise the text decides and `hint` is ignored ("26/CT-TTg" with hint
///    party is still a state symbol: compare the result's family to catch the mismatch).
///    Party issuers: TW, TƯ, TU, HU, QU, TXU, ĐU, BCT, BBT, BDV, QUTW; any code starting with
///    BCSĐ, ĐĐ or ĐU; and BDV, BTGDV, BTG, BTC, BNC, BKT, BĐN, UBKT or VP followed by a
///    committee (TW, TƯ, TU, HU, QU, TXU, ĐU), e.g. BDVTW, BTCTU, VPTW (BTC alone is Bộ Tài
///    chính, VP alone any office).
///  - In the Party family "QĐ" is a Quyết định; older texts also write a Quy định (QĐi) as
///    "QĐ", which only the type word can tell: that is the caller's job.
///  - Errors: ParseError::offset() is a byte offset into `text` as passed (before any
///    normalisation or prefix stripping). input() is `text` when it is short and printable;
///    otherwise, as in every danvan parser, a window of about 64 bytes around the offset with
///    control bytes and malformed UTF-8 shown as \xNN. reason() says why, e.g. "empty symbol",
///    "expected a document number", "expected an issuer code after '-'",
///    "unknown document type code \"XY\" in a state symbol", "unexpected character '!'".
Symbol parse_symbol(std::string_view text, std::optional<DocumentFamily> hint = std::nullopt);
/// As parse_symbol, returning nullopt instead of throwing.
std::optional<Symbol> try_parse_symbol(std::string_view text,
                                       std::optional<DocumentFamily> hint = std::nullopt) noexcept;

}  // namespace danvan
