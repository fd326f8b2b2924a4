// Issuers and instruments: the catalogue of what plans cite.
#include "danvan/instrument.hpp"

#include "danvan/error.hpp"
#include "text/text_detail.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

namespace danvan {

namespace {

std::string quote(std::string_view s) { return detail::quote_whole(s); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void check_id(std::string_view what, std::string_view id) {
  if (is_valid_id(id)) return;
  if (!id.empty() && id.front() == '-' && is_valid_id(id.substr(1))) {
    throw ValueError("invalid " + std::string(what) + " id " + quote(id) +
                     ": ids must not start with '-'");
  }
  throw ValueError("invalid " + std::string(what) + " id " + quote(id) +
                   ": ids are 1..100 characters of a-z, 0-9 and '-'");
}

// "05" -> "5", "0" -> "0", "012a" -> "12a": the number without leading zeros (a zero that is
// the last digit stays).
std::string strip_leading_zeros(std::string_view number) {
  std::size_t i = 0;
  while (i + 1 < number.size() && number[i] == '0' && is_digit(number[i + 1])) ++i;
  return std::string(number.substr(i));
}

// One or more digits, then optional ASCII letters: "23", "05", "12a".
bool is_valid_number(std::string_view number) {
  std::size_t i = 0;
  while (i < number.size() && is_digit(number[i])) ++i;
  if (i == 0) return false;
  while (i < number.size() && is_ascii_letter(number[i])) ++i;
  return i == number.size();
}

bool is_roman_numeral(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return c == 'I' || c == 'V' || c == 'X' || c == 'L' || c == 'C' || c == 'D' || c == 'M';
  });
}

// The number an instrument is known by: its own, or else its symbol's.
std::optional<std::string_view> effective_number(const Instrument& instrument) {
  if (instrument.number) return std::string_view(*instrument.number);
  if (instrument.symbol) return std::string_view(instrument.symbol->number);
  return std::nullopt;
}

// A Quy định is sometimes written QĐ (the type word decides), so a symbol typed "decision" may
// belong to an instrument of type "rules" and the other way round.
bool types_compatible(DocumentType instrument_type, DocumentType symbol_type) {
  if (instrument_type == symbol_type) return true;
  const auto either = [&](DocumentType a, DocumentType b) {
    return (instrument_type == a && symbol_type == b) || (instrument_type == b && symbol_type == a);
  };
  return either(DocumentType::decision, DocumentType::rules);
}

void check_issuer(const Issuer& issuer) {
  check_id("issuer", issuer.id);
  const std::string prefix = "issuer " + quote(issuer.id) + ": ";
  if (issuer.name.empty()) throw ValueError(prefix + "name is empty");
  if (issuer.code && issuer.code->empty()) {
    throw ValueError(prefix + "code is empty (leave it unset when unknown)");
  }
  if (issuer.parent_id) {
    if (!is_valid_id(*issuer.parent_id)) {
      throw ValueError(prefix + "invalid parent id " + quote(*issuer.parent_id));
    }
    if (*issuer.parent_id == issuer.id) throw ValueError(prefix + "lists itself as its parent");
  }
  const auto& successors = issuer.successor_ids;
  for (auto it = successors.begin(); it != successors.end(); ++it) {
    if (!is_valid_id(*it)) throw ValueError(prefix + "invalid successor id " + quote(*it));
    if (*it == issuer.id) throw ValueError(prefix + "lists itself as a successor");
    if (std::find(successors.begin(), it, *it) != it) {
      throw ValueError(prefix + "successor " + quote(*it) + " is listed twice");
    }
  }
  if (issuer.valid_from && issuer.valid_to &&
      issuer.valid_from->first_day() > issuer.valid_to->last_day()) {
    throw ValueError(prefix + "valid_from " + issuer.valid_from->iso() + " is after valid_to " +
                     issuer.valid_to->iso());
  }
}

}  // namespace

bool is_valid_id(std::string_view id) noexcept {
  if (id.empty() || id.size() > 100 || id.front() == '-') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

InstrumentKey identity(const Instrument& instrument) {
  InstrumentKey key{};
  key.issuer_ids = instrument.issuer_ids;
  std::sort(key.issuer_ids.begin(), key.issuer_ids.end());
  key.issuer_ids.erase(std::unique(key.issuer_ids.begin(), key.issuer_ids.end()),
                       key.issuer_ids.end());
  key.type = instrument.type;
  key.family = instrument.family;
  if (const auto number = effective_number(instrument)) key.number = strip_leading_zeros(*number);
  if (instrument.date) {
    key.when = instrument.date->iso();
  } else if (instrument.term) {
    key.when = "khóa " + *instrument.term;
  } else if (instrument.symbol && instrument.symbol->year) {
    key.when = std::to_string(*instrument.symbol->year);
  }
  return key;
}

void InstrumentCatalogue::add_issuer(Issuer issuer) {
  check_issuer(issuer);
  if (issuer_index_.find(issuer.id) != issuer_index_.end()) {
    throw ValueError("duplicate issuer id " + quote(issuer.id));
  }
  issuer_index_.emplace(issuer.id, issuers_.size());
  issuers_.push_back(std::move(issuer));
}

void InstrumentCatalogue::add_instrument(Instrument instrument) {
  check_id("instrument", instrument.id);
  if (instrument_index_.find(instrument.id) != instrument_index_.end()) {
    throw ValueError("duplicate instrument id " + quote(instrument.id));
  }
  const std::string prefix = "instrument " + quote(instrument.id) + ": ";
  const auto& issuer_ids = instrument.issuer_ids;
  if (issuer_ids.empty()) throw ValueError(prefix + "has no issuer");
  for (auto it = issuer_ids.begin(); it != issuer_ids.end(); ++it) {
    if (find_issuer(*it) == nullptr) throw ValueError(prefix + "unknown issuer " + quote(*it));
    if (std::find(issuer_ids.begin(), it, *it) != it) {
      throw ValueError(prefix + "issuer " + quote(*it) + " is listed twice");
    }
  }
  if (instrument.number && !is_valid_number(*instrument.number)) {
    throw ValueError(prefix + "invalid number " + quote(*instrument.number) +
                     ": expected digits with an optional letter suffix");
  }
  if (instrument.symbol) {
    const Symbol& symbol = *instrument.symbol;
    const std::string canonical = symbol.canonical();
    if (symbol.family != instrument.family) {
      throw ValueError(prefix + "symbol " + canonical + " is in the " +
                       std::string(to_string(symbol.family)) + " family, not " +
                       std::string(to_string(instrument.family)));
    }
    if (instrument.number &&
        strip_leading_zeros(*instrument.number) != strip_leading_zeros(symbol.number)) {
      throw ValueError(prefix + "number " + quote(*instrument.number) + " does not match symbol " +
                       canonical);
    }
    // (A symbol without a type code, "15/UBND-VX", reads as a công văn by its shape only: it
    // states no type, so the instrument's type stands.)
    if (symbol.type && !symbol.type_code.empty() &&
        !types_compatible(instrument.type, *symbol.type)) {
      throw ValueError(prefix + "type " + std::string(to_string(instrument.type)) +
                       " does not match symbol " + canonical + " (" +
                       std::string(to_string(*symbol.type)) + ")");
    }
  }
  if (instrument.term && !is_roman_numeral(*instrument.term)) {
    throw ValueError(prefix + "invalid term " + quote(*instrument.term) +
                     ": expected Roman numerals such as \"XI\"");
  }
  if (instrument.period && instrument.period->first > instrument.period->last) {
    throw ValueError(prefix + "period " + std::to_string(instrument.period->first) + "-" +
                     std::to_string(instrument.period->last) + " ends before it starts");
  }
  if (instrument.title && instrument.title->empty()) {
    throw ValueError(prefix + "title is empty (leave it unset when unknown)");
  }
  instrument_index_.emplace(instrument.id, instruments_.size());
  instruments_.push_back(std::move(instrument));
}

const Issuer* InstrumentCatalogue::find_issuer(std::string_view id) const {
  const auto it = issuer_index_.find(id);
  return it == issuer_index_.end() ? nullptr : &issuers_[it->second];
}

const Instrument* InstrumentCatalogue::find_instrument(std::string_view id) const {
  const auto it = instrument_index_.find(id);
  return it == instrument_index_.end() ? nullptr : &instruments_[it->second];
}

const Issuer& InstrumentCatalogue::issuer(std::string_view id) const {
  const Issuer* found = find_issuer(id);
  if (found == nullptr) throw ValueError("unknown issuer " + quote(id));
  return *found;
}

const Instrument& InstrumentCatalogue::instrument(std::string_view id) const {
  const Instrument* found = find_instrument(id);
  if (found == nullptr) throw ValueError("unknown instrument " + quote(id));
  return *found;
}

std::vector<const Instrument*> InstrumentCatalogue::find_by_symbol(const Symbol& symbol) const {
  const std::string wanted = symbol.canonical();
  std::vector<const Instrument*> out;
  for (const Instrument& candidate : instruments_) {
    if (candidate.symbol && candidate.symbol->canonical() == wanted) out.push_back(&candidate);
  }
  return out;
}

std::vector<const Instrument*> InstrumentCatalogue::find_by_number(
    DocumentType type, std::string_view number, std::optional<std::string_view> issuer_id) const {
  const std::string wanted = strip_leading_zeros(number);
  std::vector<const Instrument*> out;
  for (const Instrument& candidate : instruments_) {
    if (candidate.type != type) continue;
    const auto candidate_number = effective_number(candidate);
    if (!candidate_number || strip_leading_zeros(*candidate_number) != wanted) continue;
    if (issuer_id && std::find(candidate.issuer_ids.begin(), candidate.issuer_ids.end(),
                               *issuer_id) == candidate.issuer_ids.end()) {
      continue;
    }
    out.push_back(&candidate);
  }
  return out;
}

std::string InstrumentCatalogue::issuer_names(const Instrument& instrument) const {
  std::string out;
  const std::size_t n = instrument.issuer_ids.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i != 0) out += (i + 1 == n) ? " và " : ", ";
    out += issuer(instrument.issuer_ids[i]).name;
  }
  return out;
}

std::string InstrumentCatalogue::describe(const Instrument& instrument) const {
  std::string out(info(instrument.type).name);
  if (instrument.symbol) {
    out += ' ';
    out += instrument.symbol->canonical();
  } else if (instrument.number) {
    out += " số ";
    out += *instrument.number;
  }
  if (instrument.date) {
    switch (instrument.date->precision()) {
      case DatePrecision::day:
        out += " ngày ";
        break;
      case DatePrecision::month:
        out += " tháng ";
        break;
      case DatePrecision::year:
        out += " năm ";
        break;
    }
    out += instrument.date->vietnamese();
  }
  if (!instrument.issuer_ids.empty()) {
    out += " của ";
    out += issuer_names(instrument);
  }
  if (instrument.term) {
    out += " (khóa ";
    out += *instrument.term;
    out += ')';
  }
  return out;
}

}  // namespace danvan
