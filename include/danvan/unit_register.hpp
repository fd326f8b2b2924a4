// The register of administrative units (sổ đơn vị hành chính): a validated unit hierarchy with
// the look-ups people need around the 2025 reorganisation: by official code on a day, by name
// as people write it, "what is this 2023 commune today?" and "what did this 2026 commune come
// from?". No file I/O here: danvan/json/io reads the bundled data (load_units).
#pragma once

#include "danvan/date.hpp"
#include "danvan/unit.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// The key two unit names match on: search-folded (case and diacritics ignored, đ = d), the
/// type words people write or leave out removed from the front ("xã", "phường", "thị trấn",
/// "đặc khu", "tỉnh", "thành phố", "TP.", "huyện", "quận", "thị xã", "TX.", "P.", "Q."), runs
/// of spaces and punctuation collapsed, and leading zeros of numbers dropped:
/// "TP. Hồ Chí Minh" and "thanh pho ho chi minh" both give "ho chi minh"; "Phường 01" gives
/// "1". Empty when nothing but type words remains.
std::string unit_name_key(std::string_view name);

namespace detail {
/// unit_name_key and the type word it dropped (an index into the internal type table: the
/// same index for "thành phố" and "TP.", for "phường" and "P."), or -1 when there was none.
struct NameParts {
  std::string key;
  int type = -1;
};
NameParts split_unit_name(std::string_view name);
}  // namespace detail

/// A validated unit hierarchy with indexes by official code and by name key (see the header
/// comment). Immutable once built; queries are const.
class UnitRegister {
 public:
  UnitRegister() = default;
  /// Validates the hierarchy (ValueError listing every problem) and builds the indexes.
  explicit UnitRegister(UnitHierarchy units);

  /// The units themselves.
  [[nodiscard]] const UnitHierarchy& hierarchy() const noexcept { return units_; }
  /// How many units there are (over all time).
  [[nodiscard]] std::size_t size() const noexcept { return units_.size(); }
  /// The unit with that id, or nullptr.
  [[nodiscard]] const Unit* find(std::string_view id) const { return units_.find(id); }

  /// Every unit that carried the official code, earliest first (codes are reused: Phường 1 of
  /// Tuy Hòa and Phường Tuy Hòa share 22015). Empty when no unit has it.
  [[nodiscard]] std::vector<const Unit*> by_code(std::string_view code) const;
  /// The unit that carried the code on the day, or nullptr.
  [[nodiscard]] const Unit* by_code(std::string_view code, Date day) const;
  /// An id, or an official code on the day: find(text), else by_code(text, day). Throws
  /// ValueError ("no unit has id or code \"x\" on 2025-07-01") when neither matches.
  [[nodiscard]] const Unit& resolve(std::string_view id_or_code, Date day) const;

  /// Units whose name has the same unit_name_key as the query's first comma-separated part
  /// and, when both the query and the name start with a type word, the same type ("xã Hòa An"
  /// does not find Phường Hòa An; "Hòa An" finds both); further parts ("Hòa Phú, Buôn Ma Thuột")
  /// must each be the name of one of the unit's ancestors. With a day, only units existing that
  /// day; with a level, only that level. Several results mean the name is ambiguous: callers list
  /// them with parent and dates. Insertion order. Empty for an empty key.
  [[nodiscard]] std::vector<const Unit*> find_by_name(
      std::string_view query, std::optional<Date> day = std::nullopt,
      std::optional<Level> level = std::nullopt) const;

  /// All units existing on the day (of one level when given), in insertion order.
  [[nodiscard]] std::vector<const Unit*> on(Date day,
                                            std::optional<Level> level = std::nullopt) const;
  /// How many units of the level exist on the day.
  [[nodiscard]] std::size_t count_on(Date day, Level level) const;

  /// "What is this unit on that day?": the unit itself, or its successors (merges map many to
  /// one, splits one to many). Throws ValueError for an unknown id.
  [[nodiscard]] std::vector<const Unit*> successors_on(std::string_view id, Date day) const {
    return units_.successors_on(id, day);
  }
  /// "What did this unit come from?": the units existing on the earlier day that it continues.
  [[nodiscard]] std::vector<const Unit*> predecessors_on(std::string_view id, Date day) const {
    return units_.predecessors_on(id, day);
  }

  /// The unit's parent, or nullptr for a root.
  [[nodiscard]] const Unit* parent_of(const Unit& unit) const;

 private:
  [[nodiscard]] bool exists_on(std::size_t position, Date day) const noexcept;
  [[nodiscard]] std::string_view name_key(std::size_t position) const noexcept;

  UnitHierarchy units_;
  // Per unit, parallel to units(): the validity bounds as day numbers (open bounds widened to
  // the extremes) so that whole-country as-of scans compare integers only.
  std::vector<std::int32_t> first_day_;
  std::vector<std::int32_t> last_day_;
  std::vector<signed char> type_;  // detail::NameParts::type of each unit's name
  // Positions of the units with a code, by code, then earliest first (a sorted vector: a map
  // node per code cost ~1 MB for the national register).
  std::vector<std::uint32_t> by_code_;
  // The name keys of all units in one buffer: unit i's is [key_end_[i - 1], key_end_[i]).
  std::string name_keys_;
  std::vector<std::uint32_t> key_end_;
  std::vector<std::uint32_t> by_name_key_;  // positions of units with a key, by key, then position
};

}  // namespace danvan
