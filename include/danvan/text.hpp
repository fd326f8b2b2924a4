// Vietnamese text: NFC normalisation, search folding, collation and person-name sorting.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// Checks that `text` is well-formed UTF-8; throws ParseError at the first bad byte.
void check_utf8(std::string_view text);

/// Returns `text` in Unicode Normalization Form C (how danvan stores every string it reads).
/// Throws ParseError for malformed UTF-8.
std::string normalize_nfc(std::string_view text);
/// True when `text` is valid UTF-8 already in NFC.
bool is_nfc(std::string_view text);

/// Search folding: lower case, diacritics removed, đ/Đ mapped to d, any Unicode form in.
/// "Đặng Thị Hồng" -> "dang thi hong". Spaces are kept as they are.
std::string fold(std::string_view text);

/// Collapses runs of white space (including U+00A0) into one space and trims both ends.
std::string squeeze_spaces(std::string_view text);

/// Vietnamese collation (ICU "vi"): a < ă < â < b < c < d < đ < e < ê ..., tones secondary.
/// A Collator is not thread-safe; use one per thread.
class Collator {
 public:
  Collator();
  ~Collator();
  Collator(Collator&&) noexcept;
  Collator& operator=(Collator&&) noexcept;
  Collator(const Collator&) = delete;
  Collator& operator=(const Collator&) = delete;

  /// <0, 0, >0 as a sorts before, equal to, after b.
  [[nodiscard]] int compare(std::string_view a, std::string_view b) const;
  /// A byte string whose memcmp order is the collation order.
  [[nodiscard]] std::string sort_key(std::string_view text) const;
  /// Key for person names: given name (last word) first, then the middle names, then the
  /// family name (first word). "Nguyễn Văn An" sorts before "Trần Bình".
  [[nodiscard]] std::string name_sort_key(std::string_view full_name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Convenience functions using a per-thread Collator.
int compare_vietnamese(std::string_view a, std::string_view b);
std::string sort_key(std::string_view text);
std::string name_sort_key(std::string_view full_name);
void sort_vietnamese(std::vector<std::string>& texts);
void sort_person_names(std::vector<std::string>& names);

}  // namespace danvan
