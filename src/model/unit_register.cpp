// The register of administrative units: code, name and as-of look-ups over a UnitHierarchy.
#include "danvan/unit_register.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <utility>

namespace danvan {

namespace {

// Type words people put in front of a unit's name, folded, with the type each stands for: the
// index of its full word among the first nine (0 thành phố ... 8 xã). Abbreviations are listed
// after the words they shorten.
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

namespace {

std::int32_t day_number(Date day) noexcept { return static_cast<std::int32_t>(day.day_number()); }

}  // namespace

UnitRegister::UnitRegister(UnitHierarchy units) : units_(std::move(units)) {
  units_.validate();
  units_.shrink_to_fit();
  const std::vector<Unit>& all = units_.units();
  first_day_.reserve(all.size());
  last_day_.reserve(all.size());
  type_.reserve(all.size());
  key_end_.reserve(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Unit& u = all[i];
    first_day_.push_back(u.valid_from ? day_number(*u.valid_from)
                                      : std::numeric_limits<std::int32_t>::min());
    last_day_.push_back(u.valid_to ? day_number(*u.valid_to)
                                   : std::numeric_limits<std::int32_t>::max());
    if (u.code) by_code_.push_back(static_cast<std::uint32_t>(i));
    const detail::NameParts parts = detail::split_unit_name(u.name);
    type_.push_back(static_cast<signed char>(parts.type));
    name_keys_ += parts.key;
    key_end_.push_back(static_cast<std::uint32_t>(name_keys_.size()));
    if (!parts.key.empty()) by_name_key_.push_back(static_cast<std::uint32_t>(i));
  }
  name_keys_.shrink_to_fit();
  by_code_.shrink_to_fit();
  by_name_key_.shrink_to_fit();
  std::sort(by_code_.begin(), by_code_.end(), [&all, this](std::uint32_t a, std::uint32_t b) {
    const std::string_view ca = *all[a].code;
    const std::string_view cb = *all[b].code;
    if (ca != cb) return ca < cb;
    if (first_day_[a] != first_day_[b]) return first_day_[a] < first_day_[b];
    return a < b;
  });
  std::sort(by_name_key_.begin(), by_name_key_.end(), [this](std::uint32_t a, std::uint32_t b) {
    const std::string_view ka = name_key(a);
    const std::string_view kb = name_key(b);
    return ka != kb ? ka < kb : a < b;
  });
}

std::string_view UnitRegister::name_key(std::size_t position) const noexcept {
  const std::uint32_t begin = position == 0 ? 0 : key_end_[position - 1];
  return std::string_view(name_keys_).substr(begin, key_end_[position] - begin);
}

bool UnitRegister::exists_on(std::size_t position, Date day) const noexcept {
  const std::int32_t n = day_number(day);
  return first_day_[position] <= n && n <= last_day_[position];
}

namespace {

// The run of `sorted` (positions ordered by key) whose key is `key`.
template <class KeyOf>
std::pair<const std::uint32_t*, const std::uint32_t*> equal_keys(
    const std::vector<std::uint32_t>& sorted, std::string_view key, const KeyOf& key_of) {
  const auto first =
      std::lower_bound(sorted.begin(), sorted.end(), key,
                       [&](std::uint32_t p, std::string_view k) { return key_of(p) < k; });
  auto last = first;
  while (last != sorted.end() && key_of(*last) == key) ++last;
  return {sorted.data() + (first - sorted.begin()), sorted.data() + (last - sorted.begin())};
}

}  // namespace

std::vector<const Unit*> UnitRegister::by_code(std::string_view code) const {
  const std::vector<Unit>& all = units_.units();
  const auto [first, last] = equal_keys(
      by_code_, code, [&all](std::uint32_t p) { return std::string_view(*all[p].code); });
  std::vector<const Unit*> out;
  out.reserve(static_cast<std::size_t>(last - first));
  for (const std::uint32_t* i = first; i != last; ++i) out.push_back(&all[*i]);
  return out;
}

const Unit* UnitRegister::by_code(std::string_view code, Date day) const {
  const std::vector<Unit>& all = units_.units();
  const auto [first, last] = equal_keys(
      by_code_, code, [&all](std::uint32_t p) { return std::string_view(*all[p].code); });
  for (const std::uint32_t* i = first; i != last; ++i) {
    if (exists_on(*i, day)) return &all[*i];
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
  const std::vector<Unit>& all = units_.units();
  const std::vector<std::size_t>& parents = units_.parent_positions();
  const auto [first, last] =
      equal_keys(by_name_key_, parts.front(), [this](std::uint32_t p) { return name_key(p); });
  for (const std::uint32_t* at = first; at != last; ++at) {
    const std::size_t i = *at;
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
        if (name_key(a) == parts[p]) {
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
  const std::int32_t n = day_number(day);
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (first_day_[i] <= n && n <= last_day_[i] && (!level || all[i].level == *level)) {
      out.push_back(&all[i]);
    }
  }
  return out;
}

std::size_t UnitRegister::count_on(Date day, Level level) const {
  const std::vector<Unit>& all = units_.units();
  const std::int32_t n = day_number(day);
  std::size_t count = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (first_day_[i] <= n && n <= last_day_[i] && all[i].level == level) ++count;
  }
  return count;
}

}  // namespace danvan
