// References (viện dẫn văn bản): finding the documents a Vietnamese text cites, and resolving
// them against an instrument catalogue.
#pragma once

#include "danvan/date.hpp"
#include "danvan/document_type.hpp"
#include "danvan/instrument.hpp"
#include "danvan/symbol.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// Where a reference is: offsets into the NFC form of the text (the finder normalises first).
/// `start`/`end` count code points, `byte_start`/`byte_end` count UTF-8 bytes; both half-open.
struct TextSpan {
  std::size_t start = 0;       ///< first code point
  std::size_t end = 0;         ///< one past the last code point
  std::size_t byte_start = 0;  ///< first byte
  std::size_t byte_end = 0;    ///< one past the last byte
  friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

/// How a reference relates to a catalogue.
enum class ResolutionStatus : std::uint8_t {
  unresolved,  ///< not resolved (no catalogue given, or no instrument matches)
  resolved,    ///< exactly one instrument matches
  ambiguous,   ///< several instruments match and nothing in the text tells them apart
};
std::string_view to_string(ResolutionStatus status) noexcept;  ///< "unresolved", ...

/// One citation of a document found in a text, e.g. "Chỉ thị số 26 của Thủ tướng Chính phủ"
/// or "Quyết định 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)".
///
/// The span covers the type word, the number or symbol and the attributes written right after
/// it (date, issuer, Party term, year); a period ("giai đoạn 2016-2021") is taken from the same
/// clause of the sentence (up to the next ';', '.' or line end) without widening the span.
struct Reference {
  TextSpan span;                                      ///< where it is in the text
  std::string surface;                                ///< the NFC text of the span
  DocumentType type = DocumentType::official_letter;  ///< the type written ("Chỉ thị" is directive)
  /// The type's code: the symbol's code when a symbol is given, otherwise the type's state code
  /// or, when it has none, its Party code ("" for laws and other types without a code).
  std::string type_code;
  std::optional<std::string> number;  ///< as written ("05"); nullopt for a law cited by name
  std::optional<Symbol> symbol;       ///< when the text gives one (surface kept)
  /// The symbol was written mis-typed and repaired where the intent is certain: `symbol`'s
  /// canonical form is the repaired one, `symbol->surface` the text as written ("NĐCP" read
  /// as "NĐ-CP", "UBTVQH1O" as "UBTVQH10", "218 QĐ/TW" as "218-QĐ/TW").
  bool repaired = false;
  /// The document's own number in its header ("Số: 19/KH-UBND" above the title), not a
  /// citation of another document.
  bool is_self = false;
  /// A law's name ("Luật Khiếu nại", "Hiến pháp"), or a Party resolution's name by its plenum
  /// ("Nghị quyết Trung ương 4"); nullopt for numbered references.
  std::optional<std::string> name;
  std::optional<std::string> issuer;  ///< as written: "Ban Thường vụ Tỉnh ủy"
  /// Issuers of the catalogue the written issuer (or the symbol's issuer codes) resolved to, in
  /// the order written; empty without a catalogue or when unknown.
  std::vector<std::string> issuer_ids;
  std::optional<PartialDate> date;  ///< "ngày 05/9/2016"
  std::optional<int> year;          ///< the date's year, "năm 2011", or a legal symbol's year
  std::optional<std::string> term;  ///< Party term in Roman numerals: "XI" from "(khóa XI)"
  std::optional<YearRange> period;  ///< "giai đoạn 2016 - 2021"
  ResolutionStatus status = ResolutionStatus::unresolved;  ///< set by resolve_references
  std::optional<std::string> resolved_id;                  ///< set when status is resolved
  std::vector<std::string> candidate_ids;  ///< the matching instruments when ambiguous

  friend bool operator==(const Reference&, const Reference&) = default;
};

/// Finds every document reference in a UTF-8 text (any normalisation form; offsets refer to
/// its NFC form). Recognised: a type word ("Chỉ thị", "Quyết định", "Chương trình phối hợp",
/// ... matched ignoring case and diacritics, so "Quyết đinh" and "Chỉ thi" pass) followed by
/// an optional "số" and a number or symbol; full symbols of the three families standing alone
/// ("26/CT-TTg", "04/2015/NĐ-CP", "217-QĐ/TW", also "217/QĐ-TW"), and a công văn symbol
/// standing alone when it has at least two upper-case letter codes ("143/UBND-VP",
/// "(1234/BNV-CQĐP)"; not "5/KP3", "12/2020", "5/7"); laws, codes and the
/// constitution named by their title, with or without a year ("Luật Khiếu nại năm 2011",
/// "Luật Tiếp công dân", "Bộ luật Lao động 2019", "Hiến pháp năm 2013"; no number, `name` set);
/// Party resolutions and conclusions named by their plenum ("Nghị quyết Trung ương 4 (khóa
/// XII)", "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng": no number, the
/// plenum as `issuer`). The issuer follows "của"/"giữa", or stands right after the number or
/// date when it starts like an issuer and ends the phrase ("Chỉ thị 26/CT-TTg Thủ tướng Chính
/// phủ về …"). Issuer names holding a comma, a dash or lower-case words are read through a list
/// of known names ("Bộ Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội",
/// "Sở Nông nghiệp và Phát triển nông thôn", "Đảng ủy Khối cơ quan và doanh nghiệp"); "và"
/// followed by a capitalised word joins a second issuer ("Ban Thường vụ Tỉnh ủy và Ủy ban nhân
/// dân tỉnh", kept as one `issuer` string).
///
/// Lists sharing one type word ("Chỉ thị số 23, 26 và 30 của Thủ tướng Chính phủ", "các Quyết
/// định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị", "Nghị định số
/// 04/2015/NĐ-CP, 145/2020/NĐ-CP"): one reference per item, joined by ',', "và" or "hoặc" (at most
/// 30 items; "và số 30" too); the first item's span starts at the type word, a later item's at its
/// number, and each ends after its own attributes. Items are of one kind: bare numbers (a later one
/// must end like a document number, so "Báo cáo số 12, 15 xã" is one reference) or symbols of the
/// first's family and type code. An item with an issuer or a term ends the list. The last item's
/// issuer and term apply to every earlier item without its own whose symbol does not contradict
/// them (same family and issuer codes); its date applies to the earlier items only when a plural
/// word ("các", "những", "hai") stands before the type word, no earlier item has a date of its own,
/// and the item's symbol year (if any) is the date's year. Nothing is invented: numbers, symbols
/// and periods are never shared.
///
/// Article numbers ("Điều 26"), counts, bare dates, percentages and years are not
/// references; nor is a type word followed by a bare year ("Kế hoạch 2020"). A capitalised
/// "Hiến pháp" without a year is reported as the constitution with no year. Throws ParseError
/// for malformed UTF-8.
std::vector<Reference> find_references(std::string_view text);

/// A document symbol as find_references reads it, repairing the mis-typings real pages make
/// where the intent is certain (nullopt when the text is no symbol even so): white space and
/// line breaks inside it and dash look-alikes ("35- NQ/TW", "69 – HD/BTGTW", "NQ-\nUBTVQH10");
/// a blank for the hyphen after the number ("218 QĐ/TW"); the letter O for a zero after a digit
/// ("UBTVQH1O"); a type code in the wrong case ("Ctr", "nđ-cp"; issuer codes are upper-cased
/// only when nothing in the symbol is); a type code glued to the issuer ("NĐCP", "NQHĐND",
/// "TTrUBND"); '/' for the hyphen after a legal symbol's type ("TTLT/BTC-BTNMT") or a Party
/// symbol's number ("646/QĐ/QUTW"); a dot for the hyphen between a type code and its issuer
/// ("136/2001/QĐ.TTg"); the Prime Minister's code in capitals ("101/QĐ-TTG" is "101/QĐ-TTg").
/// The result's `surface` is the text as written (NFC); the
/// symbol was repaired when its canonical() differs from it. At most 200 bytes are read.
std::optional<Symbol> repair_symbol(std::string_view text);

/// Context for resolution: the whole text a reference came from (issuer names that stay
/// ambiguous, such as "UBND tỉnh", are narrowed to the catalogue issuers whose remaining name
/// words, such as "Phú Yên", occur in it).
struct ResolveContext {
  std::string_view text;  ///< the whole text; empty: no narrowing by it
};

/// Resolves references against a catalogue, filling issuer_ids, status, resolved_id and
/// candidate_ids. An instrument matches when its type and number (leading zeros ignored) or its
/// symbol match and nothing stated contradicts it: issuers (written names compared word by word
/// with the catalogue's, "UBND" read as "Ủy ban nhân dân", or symbol issuer codes), family,
/// date, year, term and period. Laws named by title match a law with that title (and year, when
/// given).
void resolve_references(std::vector<Reference>& references, const InstrumentCatalogue& catalogue,
                        const ResolveContext& context = {});

/// Catalogue issuers whose name the written one denotes (its words, after folding and
/// expanding "UBND"/"HĐND", are the first words of the issuer's name), narrowed by context as
/// resolve_references does.
std::vector<std::string> resolve_issuer(std::string_view written,
                                        const InstrumentCatalogue& catalogue,
                                        const ResolveContext& context = {});

/// The text in Markdown with each reference in bold followed by its resolution in brackets:
/// "**Chỉ thị số 26 của Thủ tướng Chính phủ** [ct-26-ttg-2016]". `text` is normalised to NFC
/// and `references` must come from find_references on it: a span out of order, overlapping
/// the previous one or outside the text, or a reference marked resolved without an id, throws
/// ValueError naming the reference.
std::string annotate_markdown(std::string_view text, const std::vector<Reference>& references);

}  // namespace danvan
