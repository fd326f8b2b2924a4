// The register of administrative units: code, name and as-of look-ups over a UnitHierarchy.
#include "danvan/unit_register.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

namespace danvan {

namespace {

// Type words people put in front of a unit's name, folded, with the type each stands for
// (an index into kTypes). Abbreviations are listed after the words they shorten.
constexpr std::array<std::string_view, 9> kTypes = {
    "thanh pho", "thi tran", "thi xa", "dac khu", "phuong", "tinh", "huyen", "quan", "xa"};
struct TypeWord {
  std::string_view words;
  int type;
};
constexpr std::array<TypeWord, 12> kTypeWords = {{
    {"thanh pho", 0},
    {"thi tran", 1},
    {"thi xa", 2},
    {"dac khu", 3},
    {"phuong", 4},
    {"tinh", 5},
    {"huyen", 6},
    {"quan", 7},
    {"xa", 8},
    {"tp", 0},
    {"tt", 1},
    {"tx", 2},
}};
// Abbreviations that count as type words only when written with a dot: "P. Bến Nghé", "Q.1"
// (a bare "H" may begin a name: "Xã H Bông").
constexpr std::array<TypeWord, 5> kDottedAbbreviations = {{
    {"p", 4},
    {"q", 7},
    {"x", 8},
    {"h", 6},
    {"dk", 3},
}};

bool is_ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

// Folded text split into words: runs of letters and digits (non-ASCII bytes, which survive
// folding for letters outside Vietnamese, count as letters).
std::vector<std::string> words_of(std::string_view folded) {
  std::vector<std::string> words;
  std::string word;
  for (const char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_ascii_alnum(c) || c >= 0x80) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

namespace detail {

NameParts split_unit_name(std::string_view name) {
  NameParts parts;
  std::string folded = fold(name);
  {
    const std::size_t begin = folded.find_first_not_of(" \t");
    const std::size_t dot = folded.find('.', begin == std::string::npos ? 0 : begin);
    if (begin != std::string::npos && dot != std::string::npos) {
      const std::string_view head = std::string_view(folded).substr(begin, dot - begin);
      for (const TypeWord& abbreviation : kDottedAbbreviations) {
        if (abbreviation.words == head) {
          parts.type = abbreviation.type;
          folded.erase(0, dot + 1);
          break;
        }
      }
    }
  }
  std::vector<std::string> words = words_of(folded);
  // Drop one leading type word ("TP. Huế" folds to "tp hue"); keep at least one word of name.
  std::size_t skip = 0;
  if (parts.type < 0) {
    for (const TypeWord& type : kTypeWords) {
      const std::vector<std::string> type_words = words_of(type.words);
      if (words.size() <= type_words.size()) continue;
      if (std::equal(type_words.begin(), type_words.end(), words.begin())) {
        skip = type_words.size();
        parts.type = type.type;
        break;
      }
    }
  }
  for (std::size_t i = skip; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (all_digits(w)) {
      while (w.size() > 1 && w.front() == '0') w.remove_prefix(1);
    }
    if (!parts.key.empty()) parts.key += ' ';
    parts.key += w;
  }
  return parts;
}

}  // namespace detail

std::string unit_name_key(std::string_view name) { return detail::split_unit_name(name).key; }

UnitRegister::UnitRegister(UnitHierarchy units) : units_(std::move(units)) {
  units_.validate();
  const std::vector<Unit>& all = units_.units();
  first_day_.reserve(all.size());
  last_day_.reserve(all.size());
  type_.reserve(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Unit& u = all[i];
    first_day_.push_back(u.valid_from ? static_cast<long long>(u.valid_from->day_number())
                                      : std::numeric_limits<long long>::min());
    last_day_.push_back(u.valid_to ? static_cast<long long>(u.valid_to->day_number())
                                   : std::numeric_limits<long long>::max());
    if (u.code) by_code_[*u.code].push_back(i);
    detail::NameParts parts = detail::split_unit_name(u.name);
    type_.push_back(static_cast<signed char>(parts.type));
    if (!parts.key.empty()) by_name_key_[std::move(parts.key)].push_back(i);
  }
  for (auto& [code, positions] : by_code_) {
    std::stable_sort(positions.begin(), positions.end(), [this](std::size_t a, std::size_t b) {
      return first_day_[a] < first_day_[b];
    });
  }
}

bool UnitRegister::exists_on(std::size_t position, Date day) const noexcept {
  const auto n = static_cast<long long>(day.day_number());
  return first_day_[position] <= n && n <= last_day_[position];
}

std::vector<const Unit*> UnitRegister::by_code(std::string_view code) const {
  std::vector<const Unit*> out;
  const auto it = by_code_.find(code);
  if (it == by_code_.end()) return out;
  out.reserve(it->second.size());
  for (const std::size_t i : it->second) out.push_back(&units_.units()[i]);
  return out;
}

const Unit* UnitRegister::by_code(std::string_view code, Date day) const {
  const auto it = by_code_.find(code);
  if (it == by_code_.end()) return nullptr;
  for (const std::size_t i : it->second) {
    if (exists_on(i, day)) return &units_.units()[i];
  }
  return nullptr;
}

const Unit& UnitRegister::resolve(std::string_view id_or_code, Date day) const {
  if (const Unit* u = units_.find(id_or_code)) return *u;
  if (const Unit* u = by_code(id_or_code, day)) return *u;
  throw ValueError("no unit has id or code \"" + std::string(id_or_code) + "\" on " + to_iso(day));
}

const Unit* UnitRegister::parent_of(const Unit& unit) const {
  return unit.parent_id ? units_.find(*unit.parent_id) : nullptr;
}

std::vector<const Unit*> UnitRegister::find_by_name(std::string_view query, std::optional<Date> day,
                                                    std::optional<Level> level) const {
  std::vector<std::string> parts;
  int wanted_type = -1;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = query.find(',', start);
    detail::NameParts p = detail::split_unit_name(query.substr(start, comma - start));
    if (parts.empty()) wanted_type = p.type;
    parts.push_back(std::move(p.key));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  std::vector<const Unit*> out;
  if (parts.front().empty()) return out;
  const auto it = by_name_key_.find(parts.front());
  if (it == by_name_key_.end()) return out;
  const std::vector<Unit>& all = units_.units();
  const std::vector<std::size_t>& parents = units_.parent_positions();
  for (const std::size_t i : it->second) {
    if (day && !exists_on(i, *day)) continue;
    if (level && all[i].level != *level) continue;
    // "xã Hòa An" is not Phường Hòa An; a query without a type word matches any type.
    if (wanted_type >= 0 && type_[i] >= 0 && type_[i] != wanted_type) continue;
    bool ancestors_match = true;
    for (std::size_t p = 1; p < parts.size() && ancestors_match; ++p) {
      if (parts[p].empty()) continue;
      ancestors_match = false;
      for (std::size_t a = parents[i], steps = 0; a != UnitHierarchy::npos && steps < all.size();
           a = parents[a], ++steps) {
        if (unit_name_key(all[a].name) == parts[p]) {
          ancestors_match = true;
          break;
        }
      }
    }
    if (ancestors_match) out.push_back(&all[i]);
  }
  return out;
}

std::vector<const Unit*> UnitRegister::on(Date day, std::optional<Level> level) const {
  std::vector<const Unit*> out;
  const std::vector<Unit>& all = units_.units();
  const auto n = static_cast<long long>(day.day_number());
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (first_day_[i] <= n && n <= last_day_[i] && (!level || all[i].level == *level)) {
      out.push_back(&all[i]);
    }
  }
  return out;
}

std::size_t UnitRegister::count_on(Date day, Level level) const {
  const std::vector<Unit>& all = units_.units();
  const auto n = static_cast<long long>(day.day_number());
  std::size_t count = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (first_day_[i] <= n && n <= last_day_[i] && all[i].level == level) ++count;
  }
  return count;
}

}  // namespace danvan
