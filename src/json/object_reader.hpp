// Internal: strict reading of JSON values with JSON pointers and collected problems.
#pragma once

#include "base/problems.hpp"
#include "danvan/date.hpp"
#include "danvan/json/json.hpp"
#include "text/text_detail.hpp"

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace danvan::detail {

/// "a string", "a number", ... for messages.
std::string describe_type(const Json& value);
/// Reads the members of one JSON object. Every member read is remembered; finish() reports
/// the members nobody asked for as unknown keys. Accessors return nullopt (after recording
/// a problem) when a value is missing or has the wrong type, so reading goes on and all
/// problems are reported together.
class ObjectReader {
 public:
  ObjectReader(const Json& value, std::string pointer, Problems& problems);
  [[nodiscard]] bool ok() const noexcept { return object_ != nullptr; }
  [[nodiscard]] const std::string& pointer() const noexcept { return pointer_; }
  [[nodiscard]] Problems& problems() noexcept { return problems_; }
  /// Whether the text is a unit reference by official code ("code:22015").
  static bool is_code_ref(std::string_view text) noexcept;
  [[nodiscard]] std::string pointer_to(std::string_view key) const {
    return child_pointer(pointer_, key);
  }

  /// The member, or nullptr when absent (a problem is recorded when `required`). A present
  /// null counts as absent for optional members.
  const Json* member(std::string_view key, bool required);

  std::optional<std::string> string(std::string_view key, bool required = true);
  /// A string that may hold paragraphs separated by line feeds (prose: a duty's text).
  std::optional<std::string> prose(std::string_view key, bool required = true);
  /// A string that must be non-empty after NFC normalisation.
  std::optional<std::string> text(std::string_view key, bool required = true,
                                  Lines lines = Lines::one);
  std::optional<long long> integer(std::string_view key, long long min, long long max,
                                   bool required = true);
  std::optional<bool> boolean(std::string_view key, bool required = true);
  std::optional<PartialDate> partial_date(std::string_view key, bool required = true);
  /// A day-precision date.
  std::optional<Date> date(std::string_view key, bool required = true);
  /// A string that must be a valid danvan id.
  std::optional<std::string> id(std::string_view key, bool required = true);
  /// An array of strings (each NFC-normalised); absent optional arrays give {}.
  std::vector<std::string> strings(std::string_view key, bool required = false,
                                   Lines lines = Lines::one);
  /// An array of ids.
  std::vector<std::string> ids(std::string_view key, bool required = false);
  /// A unit reference: an id, or a unit named by its official code, "code:22015" (1..10
  /// digits), returned as written.
  std::optional<std::string> unit_ref(std::string_view key, bool required = true);
  /// An array of unit references (as unit_ref), none twice.
  std::vector<std::string> unit_refs(std::string_view key, bool required = false);
  /// Calls `each(element, pointer)` for every element of an array member.
  void array(std::string_view key, bool required,
             const std::function<void(const Json&, const std::string&)>& each);
  /// A string converted by `parse`, which throws ValueError for bad values (its message
  /// becomes the problem's reason).
  template <class T, class Parse>
  std::optional<T> parsed(std::string_view key, bool required, Parse parse) {
    const auto s = string(key, required);
    if (!s) return std::nullopt;
    try {
      return parse(*s);
    } catch (const ValueError& e) {
      problems_.add(pointer_to(key), e.what());
      return std::nullopt;
    }
  }

  /// Records unknown keys. Call once, after all members were read.
  void finish();

 private:
  /// Whether `s` is an id (or, with `refs`, a code reference); records the problem if not.
  bool check_id(const std::string& s, const std::string& pointer, bool refs);
  std::vector<std::string> id_list(std::string_view key, bool required, bool refs);
  const Json* object_ = nullptr;
  std::string pointer_;
  Problems& problems_;
  std::set<std::string, std::less<>> seen_;
};

/// Reads a string value at `pointer`, NFC-normalised and without control characters (see
/// find_control_character in text/text_detail.hpp; line feeds are allowed when `lines` is
/// many); records a problem if not a string or when it has one.
std::optional<std::string> read_string(const Json& value, const std::string& pointer,
                                       Problems& problems, Lines lines = Lines::one);
/// Checks "schema" and "version" of a document object; false (with problems) when wrong.
bool check_header(ObjectReader& reader, std::string_view schema);
/// As check_header for a kind read in versions 1 to `newest` (older ones upgraded on read):
/// the version read, or 0 (with problems) when the header is wrong.
int check_header_versions(ObjectReader& reader, std::string_view schema, int newest);

/// The shape of an ADL from_json hook: reads a whole value with `read(j, pointer, problems)`
/// (pointers relative to the value), throwing every problem found.
template <class T, class Read>
void read_whole_value(const Json& j, T& value, Read read) {
  Problems problems;
  auto read_back = read(j, std::string(), problems);
  problems.throw_if_any();
  value = std::move(*read_back);
}

}  // namespace danvan::detail
