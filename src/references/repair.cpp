// Repairing mis-typed document symbols (số, ký hiệu) where the intent is certain: the way real
// pages mis-type them (see repair_symbol in danvan/references.hpp).
#include "danvan/references.hpp"
#include "danvan/text.hpp"
#include "repair_detail.hpp"
#include "text/utf8.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace danvan {

namespace {

// The type codes of both families ("NĐ", "QĐ", "CTr", "TTLT", ...), longest first.
const std::vector<std::string>& type_codes() {
  static const std::vector<std::string> codes = [] {
    std::vector<std::string> out;
    for (const auto& row : document_types()) {
      for (std::string_view code : {row.state_code, row.party_code}) {
        if (!code.empty() && std::find(out.begin(), out.end(), code) == out.end()) {
          out.emplace_back(code);
        }
      }
    }
    std::stable_sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
    return out;
  }();
  return codes;
}

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// ASCII letters and "đ" upper-cased.
std::string to_upper(std::string_view s) {
  std::string out(s);
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k] >= 'a' && out[k] <= 'z') out[k] = static_cast<char>(out[k] - 'a' + 'A');
    if (std::string_view(out).substr(k, 2) == "đ") out[k + 1] = '\x90';
  }
  return out;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// An upper-case code of at least two letters (ASCII or "Đ"), digits allowed after the first
// letter: "CP", "HĐND", "UBTVQH14".
bool is_issuer_code(std::string_view s) {
  std::size_t letters = 0;
  for (std::size_t k = 0; k < s.size();) {
    if (is_upper_ascii(s[k])) {
      ++letters;
      ++k;
    } else if (s.substr(k, 2) == "Đ") {
      ++letters;
      k += 2;
    } else if (is_digit(s[k]) && k > 0) {
      ++k;
    } else {
      return false;
    }
  }
  return letters >= 2;
}

// The known type code equal to `part` once case is folded ("Ctr" -> "CTr", "nđ" -> "NĐ").
std::optional<std::string> code_ignoring_case(std::string_view part) {
  const std::string folded = fold(part);
  for (const std::string& code : type_codes()) {
    if (code.size() == part.size() && fold(code) == folded) return code;
  }
  return std::nullopt;
}

// Splits the text at '/' and '-' into parts and separators.
struct Parts {
  std::vector<std::string> parts;
  std::vector<char> separators;  // separators[k] is between parts[k] and parts[k + 1]

  [[nodiscard]] std::string join() const {
    std::string out = parts.front();
    for (std::size_t k = 0; k < separators.size(); ++k) {
      out.push_back(separators[k]);
      out += parts[k + 1];
    }
    return out;
  }
};

Parts split(std::string_view text) {
  Parts p;
  p.parts.emplace_back();
  for (char c : text) {
    if (c == '/' || c == '-') {
      if (p.parts.back().empty() && !p.separators.empty()) continue;  // "//" and "--" count once
      p.separators.push_back(c);
      p.parts.emplace_back();
    } else {
      p.parts.back().push_back(c);
    }
  }
  return p;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}

// White space removed (every code point the strict parser skips as space: ASCII blanks and
// Unicode white space such as U+00A0 and U+2003) and the dash look-alikes U+2010..U+2014 and
// U+2212 made ASCII. (Only U+00A0 was removed before: "145/1949/VBHNBTV" followed by an em
// space was left unrepaired, while its canonical form was then repaired: fuzzing found it.)
std::string compact(std::string_view text) {
  std::string out;
  for (std::size_t k = 0; k < text.size();) {
    const std::size_t start = k;
    const char32_t cp = detail::next_valid_code_point(text, k);
    if (cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' ||
        (cp >= 0x80 && u_isUWhiteSpace(static_cast<UChar32>(cp)) != 0)) {
      continue;
    }
    if ((cp >= 0x2010 && cp <= 0x2014) || cp == 0x2212) {
      out.push_back('-');
      continue;
    }
    out.append(text.substr(start, k - start));
  }
  return out;
}

// "218QĐ/TW" (a space written for the hyphen, then removed): the number and the code apart.
void hyphen_after_number(Parts& p) {
  std::string& first = p.parts.front();
  std::size_t k = 0;
  while (k < first.size() && is_digit(first[k])) ++k;
  if (k == 0 || k == first.size() || p.separators.empty()) return;
  const std::string code = first.substr(k);
  if (!is_upper_ascii(code[0]) && !code.starts_with("Đ")) return;
  first.resize(k);
  p.parts.insert(p.parts.begin() + 1, code);
  p.separators.insert(p.separators.begin(), '-');
}

// "Ctr" -> "CTr", "nđ-cp" -> "NĐ-CP": a type code in the wrong case; issuer codes upper-cased
// when nothing in the symbol is upper case.
void code_case(Parts& p) {
  const std::string text = p.join();
  const bool any_upper =
      std::any_of(text.begin(), text.end(), is_upper_ascii) || text.find("Đ") != std::string::npos;
  for (std::size_t k = 1; k < p.parts.size(); ++k) {
    std::string& part = p.parts[k];
    if (all_digits(part)) continue;
    if (const auto code = code_ignoring_case(part)) {
      part = *code;
    } else if (!any_upper) {
      part = to_upper(part);
    }
  }
}

// Issuer codes every reader knows.
bool is_known_issuer(std::string_view code) {
  static constexpr std::string_view known[] = {"CP",  "TTg", "UBND", "HĐND", "VPCP", "BNV",
                                               "BTC", "BCA", "BYT",  "TW",   "TU",   "HU"};
  return std::find(std::begin(known), std::end(known), code) != std::end(known);
}

bool is_type_code(std::string_view part) {
  return std::find(type_codes().begin(), type_codes().end(), part) != type_codes().end();
}

// "QĐ.TTg" -> "QĐ-TTg": a dot typed for the hyphen between a type code and its issuer.
void dot_for_hyphen(Parts& p) {
  for (std::size_t k = 1; k < p.parts.size(); ++k) {
    const std::string part = p.parts[k];
    const std::size_t dot = part.find('.');
    if (dot == std::string::npos ||
        !detail::dot_is_hyphen(std::string_view(part).substr(0, dot),
                               std::string_view(part).substr(dot + 1))) {
      continue;
    }
    p.parts[k] = part.substr(0, dot);
    p.parts.insert(p.parts.begin() + static_cast<std::ptrdiff_t>(k) + 1, part.substr(dot + 1));
    p.separators.insert(p.separators.begin() + static_cast<std::ptrdiff_t>(k), '-');
  }
}

// "NĐCP" -> "NĐ-CP", "NQHĐND" -> "NQ-HĐND", "TTrUBND" -> "TTr-UBND": a type code glued to
// the issuer code, at the type code's place (after the number, or after number and year).
void hyphen_after_type(Parts& p) {
  std::size_t at = 1;
  if (p.parts.size() > 2 && all_digits(p.parts[1]) && p.parts[1].size() == 4) at = 2;
  if (at >= p.parts.size()) return;
  const std::string part = p.parts[at];
  if (is_type_code(part)) return;
  // In a công văn's place ("15/UBND-VX") only an issuer every reader knows may follow the
  // type code, so that an office's own code ("KHĐT") is not split.
  const auto issuer_ok = [&](std::string_view rest) {
    return at == 2 ? is_issuer_code(rest) : is_known_issuer(rest);
  };
  for (const std::string& code : type_codes()) {
    if (part.size() > code.size() && part.starts_with(code) &&
        issuer_ok(std::string_view(part).substr(code.size()))) {
      p.parts[at] = code;
      p.parts.insert(p.parts.begin() + static_cast<std::ptrdiff_t>(at) + 1,
                     part.substr(code.size()));
      p.separators.insert(p.separators.begin() + static_cast<std::ptrdiff_t>(at), '-');
      return;
    }
  }
}

// "88/2016/TTLT/BTC-BTNMT" -> "88/2016/TTLT-BTC-BTNMT" (a legal symbol's type and issuers
// apart by '/'); "646/QĐ/QUTW" -> "646-QĐ/QUTW" (a Party symbol with '/' for its hyphen).
void slash_for_hyphen(Parts& p) {
  if (p.separators.size() < 2 || p.separators[0] != '/' || p.separators[1] != '/') return;
  const bool is_type = is_type_code(p.parts[1]);
  if (all_digits(p.parts[1]) && p.parts[1].size() == 4) {
    if (p.separators.size() >= 3 && p.separators[2] == '/') p.separators[2] = '-';
  } else if (is_type) {
    p.separators[0] = '-';
  }
}

}  // namespace

bool detail::dot_is_hyphen(std::string_view type_code, std::string_view issuer_code) {
  return is_type_code(type_code) && (is_known_issuer(issuer_code) || is_issuer_code(issuer_code));
}

std::optional<Symbol> repair_symbol(std::string_view text) {
  if (text.size() > 200) return std::nullopt;
  const std::string nfc = normalize_nfc(text);
  std::string tight = compact(nfc);
  if (tight.empty() || !is_digit(tight[0])) return std::nullopt;
  // "UBTVQH1O": no code has the letter O right after a digit. A lower-case 'o' too: the case
  // repair below upper-cases "1ođ" to "1OĐ", which a second repair would then read as "10Đ".
  for (std::size_t k = 1; k < tight.size(); ++k) {
    if ((tight[k] == 'O' || tight[k] == 'o') && is_digit(tight[k - 1])) tight[k] = '0';
  }
  // "101/QĐ-TTG": the Prime Minister's issuer code in capitals (web copies upper-case it) is
  // "TTg"; no other code folds to it.
  if (Parts p = split(tight); std::any_of(p.parts.begin() + 1, p.parts.end(), [](const auto& x) {
        return x != "TTg" && fold(x) == "ttg";
      })) {
    for (std::size_t k = 1; k < p.parts.size(); ++k) {
      if (fold(p.parts[k]) == "ttg") p.parts[k] = "TTg";
    }
    tight = p.join();
  }
  auto symbol = try_parse_symbol(tight);
  // A symbol that parses without a type code may still be a typed one mis-typed ("NĐCP" read
  // as a law's issuer, "NQHĐND" as a công văn's): the repaired reading wins when it is typed.
  const auto untyped = [](const Symbol& sym) { return !sym.type || sym.type_code.empty(); };
  if (!symbol || untyped(*symbol)) {
    Parts p = split(tight);
    dot_for_hyphen(p);
    hyphen_after_number(p);
    code_case(p);
    hyphen_after_type(p);
    slash_for_hyphen(p);
    // Nothing repaired: the same text parses the same way (most laws and công văn symbols).
    if (std::string repaired = p.join(); repaired != tight) {
      auto fixed = try_parse_symbol(repaired);
      if (fixed && (!symbol || !untyped(*fixed))) symbol = std::move(fixed);
    }
  }
  if (symbol) symbol->surface = nfc;
  return symbol;
}

}  // namespace danvan
