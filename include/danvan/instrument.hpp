// Issuers (cơ quan ban hành) and instruments (văn bản): what a plan cites as its bases.
#pragma once

#include "danvan/date.hpp"
#include "danvan/document_type.hpp"
#include "danvan/symbol.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// An inclusive span of years, such as a programme's "giai đoạn 2016 - 2021".
struct YearRange {
  int first;  ///< the first year
  int last;   ///< the last year (inclusive; a catalogue refuses last < first)
  friend bool operator==(const YearRange&, const YearRange&) = default;
};

/// A body that issues documents, as data: "Thủ tướng Chính phủ" (code TTg), "Ban Thường vụ
/// Tỉnh ủy Phú Yên" (TU). Validity bounds are partial dates; unknown stays nullopt.
struct Issuer {
  std::string id;                          ///< stable id, [a-z0-9-]+
  std::string name;                        ///< Vietnamese name, NFC
  std::optional<std::string> code;         ///< issuer code in symbols ("TTg", "TU"), when known
  std::optional<std::string> parent_id;    ///< the body it belongs to, when it matters
  std::optional<PartialDate> valid_from;   ///< first day it existed
  std::optional<PartialDate> valid_to;     ///< last day it existed (inclusive)
  std::vector<std::string> successor_ids;  ///< the bodies that took over its work, if any
  friend bool operator==(const Issuer&, const Issuer&) = default;
};

/// A document. Partly known instruments are first-class: number and issuer may be all that
/// a text states; symbol, date and title stay empty then.
struct Instrument {
  std::string id;                                     ///< stable id, [a-z0-9-]+
  DocumentType type = DocumentType::official_letter;  ///< chỉ thị, quyết định, ...
  DocumentFamily family =
      DocumentFamily::state;            ///< state administrative, legal normative or Party
  std::optional<std::string> number;    ///< "79", "05"
  std::optional<Symbol> symbol;         ///< when known
  std::vector<std::string> issuer_ids;  ///< one or more (joint programmes)
  std::optional<PartialDate> date;      ///< issue date at its known precision
  std::optional<std::string> term;      ///< Party term (khóa) in Roman numerals: "XI"
  std::optional<YearRange> period;      ///< the span it covers, when stated
  std::optional<std::string> title;     ///< trích yếu, when known
  friend bool operator==(const Instrument&, const Instrument&) = default;
};

/// The identity of an instrument: (issuers, type, number, date or year or term). Two
/// instruments with equal keys are the same document; "Chỉ thị 23" of the provincial Party
/// Standing Committee and of the People's Committee differ by issuer.
struct InstrumentKey {
  std::vector<std::string> issuer_ids;  ///< sorted, each once
  DocumentType type;                    ///< the instrument's type
  DocumentFamily family;                ///< the instrument's family
  std::string number;                   ///< leading zeros stripped; "" when unknown
  /// The date in ISO form when known, else "khóa XI" for a Party term, else the symbol's year,
  /// else "".
  std::string when;
  /// Member-wise, in the order above (a stable order for maps and sorting).
  friend auto operator<=>(const InstrumentKey&, const InstrumentKey&) = default;
};
/// The identity key of an instrument (the number from its symbol when `number` is unset).
InstrumentKey identity(const Instrument& instrument);

/// Issuers and instruments by id, with their cross-references checked.
class InstrumentCatalogue {
 public:
  /// Throws ValueError on a duplicate id, an empty or malformed id, or an unknown issuer id.
  void add_issuer(Issuer issuer);
  /// Throws ValueError naming the instrument and the problem: a duplicate or malformed id, no
  /// issuer or an unknown or repeated one, a number that is not digits (with an optional
  /// letter), a symbol of another family, number or type, a term not in Roman numerals, a
  /// period that ends before it starts, an empty title.
  void add_instrument(Instrument instrument);

  /// The issuer with that id, or nullptr.
  [[nodiscard]] const Issuer* find_issuer(std::string_view id) const;
  /// The instrument with that id, or nullptr.
  [[nodiscard]] const Instrument* find_instrument(std::string_view id) const;
  /// Throw ValueError naming the id when missing.
  [[nodiscard]] const Issuer& issuer(std::string_view id) const;
  /// As issuer(): throws ValueError naming the id when missing.
  [[nodiscard]] const Instrument& instrument(std::string_view id) const;

  /// Every issuer, in the order added.
  [[nodiscard]] const std::vector<Issuer>& issuers() const noexcept { return issuers_; }
  /// Every instrument, in the order added.
  [[nodiscard]] const std::vector<Instrument>& instruments() const noexcept { return instruments_; }

  /// Instruments whose symbol equals (canonically) the given one.
  [[nodiscard]] std::vector<const Instrument*> find_by_symbol(const Symbol& symbol) const;
  /// Instruments of a type and number, optionally restricted to one issuer.
  [[nodiscard]] std::vector<const Instrument*> find_by_number(
      DocumentType type, std::string_view number,
      std::optional<std::string_view> issuer_id = std::nullopt) const;

  /// "Thủ tướng Chính phủ" for one issuer, "A và B" for two, "A, B và C" for more.
  [[nodiscard]] std::string issuer_names(const Instrument& instrument) const;
  /// A human description: "Chỉ thị 26/CT-TTg ngày 05/09/2016 của Thủ tướng Chính phủ",
  /// "Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy Phú Yên" when the symbol is unknown.
  [[nodiscard]] std::string describe(const Instrument& instrument) const;

  friend bool operator==(const InstrumentCatalogue&, const InstrumentCatalogue&) = default;

 private:
  std::vector<Issuer> issuers_;
  std::vector<Instrument> instruments_;
  std::map<std::string, std::size_t, std::less<>> issuer_index_;
  std::map<std::string, std::size_t, std::less<>> instrument_index_;
};

/// True when `id` is a valid danvan id: 1..100 characters of [a-z0-9-], not starting with '-'.
bool is_valid_id(std::string_view id) noexcept;

}  // namespace danvan
