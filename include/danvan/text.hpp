// Vietnamese text: NFC normalisation, search folding, collation and person-name sorting.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// Checks that `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above
/// U+10FFFF); throws ParseError at the first bad sequence, e.g. "invalid UTF-8 byte 0xC3: the
/// sequence is cut short by the end of the input".
///
/// The ParseErrors of the text, date and period functions show their input like this:
/// verbatim when it is at most 64 bytes; otherwise a window of about 64 bytes around the offset
/// with "..." where it was cut. Control characters and malformed UTF-8 are shown as \xNN
/// escapes. offset() always counts bytes of the original text.
void check_utf8(std::string_view text);

/// Returns `text` in Unicode Normalization Form C (how danvan stores every string it reads).
/// Throws ParseError for malformed UTF-8.
std::string normalize_nfc(std::string_view text);
/// True when `text` is valid UTF-8 already in NFC.
bool is_nfc(std::string_view text);

/// Search folding: lower case, diacritics removed, đ/Đ mapped to d, any Unicode form in.
/// "Đặng Thị Hồng" -> "dang thi hong". Spaces are kept as they are. Precisely: NFD, drop the
/// non-spacing marks (Mn), map đ/Đ and the look-alikes ð/Ð (which legacy Vietnamese encodings
/// produce for Đ) to "d", simple lower case, NFC. Other letters are kept ("Čech" -> "cech",
/// "中文" unchanged). Throws ParseError for malformed UTF-8.
std::string fold(std::string_view text);

/// Collapses runs of white space (Unicode White_Space: tabs, newlines, U+00A0, U+3000...) into
/// one space and trims both ends. Throws ParseError for malformed UTF-8.
std::string squeeze_spaces(std::string_view text);

/// Vietnamese collation (ICU "vi"): a < ă < â < b < c < d < đ < e < ê ..., tones secondary
/// (ma < mà < mả < mã < má < mạ), case tertiary. NFD input sorts as its NFC form. Every member
/// throws ParseError for malformed UTF-8. A Collator is not thread-safe; use one per thread.
/// A moved-from Collator may only be assigned to or destroyed.
class Collator {
 public:
  Collator();
  ~Collator();
  /// Takes the other's ICU collator; the other may then only be assigned to or destroyed.
  Collator(Collator&&) noexcept;
  /// As the move constructor.
  Collator& operator=(Collator&&) noexcept;
  Collator(const Collator&) = delete;
  Collator& operator=(const Collator&) = delete;

  /// <0, 0, >0 as a sorts before, equal to, after b.
  [[nodiscard]] int compare(std::string_view a, std::string_view b) const;
  /// A byte string whose memcmp order is the collation order (ICU's sort key without its
  /// terminating 0x00; it holds no 0x00 byte).
  [[nodiscard]] std::string sort_key(std::string_view text) const;
  /// Key for person names: given name (last word) first, then the middle names, then the
  /// family name (first word). "Nguyễn Văn An" sorts before "Trần Bình"; with equal given
  /// names, an empty middle sorts first ("Phạm An" < "Nguyễn Văn An"). The name is
  /// NFC-normalised and its white space squeezed first; a single word is the given name.
  /// The key is the three parts' sort keys joined by 0x00 bytes, which never occur inside an
  /// ICU sort key, so each part is compared whole before the next.
  [[nodiscard]] std::string name_sort_key(std::string_view full_name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Convenience functions using a per-thread Collator. The sorts compute each key once and are
/// stable.
int compare_vietnamese(std::string_view a, std::string_view b);
std::string sort_key(std::string_view text);
std::string name_sort_key(std::string_view full_name);
void sort_vietnamese(std::vector<std::string>& texts);
void sort_person_names(std::vector<std::string>& names);

}  // namespace danvan
