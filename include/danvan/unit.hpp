// Units (đơn vị) and their hierarchy over time, with merges and splits.
#pragma once

#include "danvan/date.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// What kind of body a unit is.
enum class UnitKind : std::uint8_t {
  administrative_agency,         ///< cơ quan hành chính
  public_service_unit,           ///< đơn vị sự nghiệp công lập
  peoples_committee,             ///< Ủy ban nhân dân
  party_committee,               ///< cấp ủy, tổ chức đảng
  fatherland_front,              ///< Mặt trận Tổ quốc
  socio_political_organisation,  ///< tổ chức chính trị - xã hội
  army,                          ///< quân đội
  police,                        ///< công an
  administrative_unit,  ///< đơn vị hành chính (a tỉnh, huyện or xã as a territory)
  other,
};

/// Administrative level (cấp). The district level ended on 01/07/2025.
enum class Level : std::uint8_t { central, province, district, commune };

std::string_view to_string(UnitKind kind) noexcept;
UnitKind parse_unit_kind(std::string_view text);  ///< throws ValueError naming accepted values
std::string_view to_string(Level level) noexcept;
Level parse_level(std::string_view text);  ///< throws ValueError naming accepted values
/// Vietnamese label: "Ủy ban nhân dân", "tỉnh".
std::string_view vietnamese_name(UnitKind kind) noexcept;
std::string_view vietnamese_name(Level level) noexcept;

/// True for an official code: 1..10 ASCII digits ("66", "643", "24133").
bool is_valid_unit_code(std::string_view code) noexcept;

/// One unit over its lifetime. valid_to is the last day it existed (inclusive); nullopt bounds
/// are open. Predecessor and successor links record merges and splits. `code` is the official
/// code (mã đơn vị hành chính: 2 digits for a province, 3 for a district, 5 for a commune) when
/// a source states it; codes are reused over time, so a code names a unit only with a day.
/// `basis` names the decision that created the unit ("1660/NQ-UBTVQH15 khoản 82 Điều 1").
struct Unit {
  std::string id;                            ///< stable id, [a-z0-9-]+
  std::string name;                          ///< official name, NFC: "Phường Tuy Hòa"
  UnitKind kind = UnitKind::other;           ///< what sort of body it is
  Level level = Level::province;             ///< its place in the administrative levels
  std::optional<std::string> parent_id;      ///< the unit it belongs to; none for a root
  std::optional<Date> valid_from;            ///< first day it existed; open when unset
  std::optional<Date> valid_to;              ///< last day it existed (inclusive); open when unset
  std::vector<std::string> predecessor_ids;  ///< units it continues (merged or split into it)
  std::vector<std::string> successor_ids;    ///< units that continue it
  std::optional<std::string> code;           ///< official code, when a source states it
  std::optional<std::string> basis;          ///< the decision that created it

  /// Whether the day lies within valid_from..valid_to (open bounds always do).
  [[nodiscard]] bool exists_on(Date day) const noexcept;
  friend bool operator==(const Unit&, const Unit&) = default;
};

/// A set of units forming a forest over time. Checked by validate(): ids unique and valid,
/// parents and links resolve, a parent exists whenever its child does and is not at a lower
/// level, no unit is its own ancestor, successor links point forward in time (the successor
/// starts after the predecessor's valid_to; both dates are required) and agree with
/// predecessor links. A unit whose parent changes is modelled as two units linked as
/// predecessor and successor.
class UnitHierarchy {
 public:
  UnitHierarchy() = default;
  /// Adds units and validates the result; throws ValueError listing every problem.
  explicit UnitHierarchy(std::vector<Unit> units);

  /// Adds a unit without validating links (call validate() after a batch); parents may be
  /// added after their children. Throws ValueError on a duplicate or malformed id (its own or a
  /// linked one), a code that is not 1..10 ASCII digits, an empty basis, an empty name, valid_from
  /// after valid_to, a successor listed twice or itself, or a district-level unit without a
  /// valid_to on or before 2025-06-30. On a throw the hierarchy is unchanged.
  void add(Unit unit);
  /// Throws ValueError listing every inconsistency: problems() holds each with its place in
  /// the hierarchy's JSON form ("/units/3/parent", "/units/3/successors/0"; units in the order
  /// added), what() the one problem or the count and the first ten.
  void validate() const;

  /// The unit with that id, or nullptr.
  [[nodiscard]] const Unit* find(std::string_view id) const;
  [[nodiscard]] const Unit& at(std::string_view id) const;  ///< throws ValueError when missing
  /// Every unit, in the order added.
  [[nodiscard]] const std::vector<Unit>& units() const noexcept { return units_; }
  /// How many units there are.
  [[nodiscard]] std::size_t size() const noexcept { return units_.size(); }

  // Queries below throw ValueError ("unknown unit \"x\"") for an id that is not in the
  // hierarchy. A unit that does not exist on the day has no children, ancestors or subtree.

  /// Units existing on the day whose parent is `id` (or roots when id is empty), in
  /// insertion order.
  [[nodiscard]] std::vector<const Unit*> children(std::string_view id, Date as_of) const;
  /// The chain of ancestors of a unit on the day, nearest first.
  [[nodiscard]] std::vector<const Unit*> ancestors(std::string_view id, Date as_of) const;
  /// The unit and all its descendants existing on the day (pre-order).
  [[nodiscard]] std::vector<const Unit*> subtree(std::string_view id, Date as_of) const;
  /// True when `id` is `ancestor_id` or below it on the day.
  [[nodiscard]] bool is_within(std::string_view id, std::string_view ancestor_id, Date as_of) const;
  /// The units that carry a unit on at a later day: itself when it still exists, otherwise its
  /// successors followed transitively (a merge maps many to one; a split one to many), each
  /// once, in insertion order. Empty when no successor exists on the day (links only point
  /// forward in time, so a day before the unit began gives nothing).
  [[nodiscard]] std::vector<const Unit*> successors_on(std::string_view id, Date day) const;
  /// The reverse: the units on an earlier day that a unit came from, following predecessor
  /// links transitively (itself when it existed on the day), each once, in insertion order.
  [[nodiscard]] std::vector<const Unit*> predecessors_on(std::string_view id, Date day) const;
  /// The units that carry a unit's records on at `day` (the registry's "as it is now", Filter::
  /// current_units): the unit itself when it exists on the day; otherwise what carries its
  /// successors; a unit that ended before the day without successors (the districts in 2025)
  /// is carried by what carries its parent. Each once, in insertion order; empty when nothing
  /// does (a day before the unit began, or a root that ended without successors). Unlike
  /// successors_on, this never loses a unit's records while a unit above it lives on.
  [[nodiscard]] std::vector<const Unit*> carriers_on(std::string_view id, Date day) const;
  /// The reverse of carriers_on for a whole subtree: the positions in units() of every unit
  /// whose records are carried on `day` by `ancestor_id` or a unit within it (each unit u for
  /// which some carriers_on(u, day) is_within ancestor_id), each once, in no particular order.
  [[nodiscard]] std::vector<std::size_t> carried_into(std::string_view ancestor_id, Date day) const;
  /// Position of a unit in units(), or npos when absent (for indexes built on top).
  [[nodiscard]] std::size_t position(std::string_view id) const noexcept;
  /// Position of each unit's parent in units() (npos for roots), parallel to units().
  [[nodiscard]] const std::vector<std::size_t>& parent_positions() const noexcept {
    return parent_pos_;
  }
  /// "No position": see position() and parent_positions().
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  /// Makes room for `count` units in all (add() grows by doubling otherwise).
  void reserve(std::size_t count);
  /// Gives back the room add() reserved beyond the units held (readers call it after a batch).
  void shrink_to_fit();

  friend bool operator==(const UnitHierarchy& a, const UnitHierarchy& b) {
    return a.units_ == b.units_;
  }

 private:
  [[nodiscard]] std::size_t position_of(std::string_view id) const;  // throws like at()
  [[nodiscard]] std::size_t slot_of(std::string_view id) const noexcept;
  void grow_index(std::size_t count);
  void link_child(std::size_t parent, std::size_t child) noexcept;

  // The indexes hold 32-bit positions into units_ (a hierarchy of 14,176 units keeps ~0.3 MB
  // of them instead of ~2.4 MB of map nodes; `kNone` marks an empty slot or no unit).
  static constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);

  std::vector<Unit> units_;
  std::vector<std::uint32_t> slots_;  // open addressing on the id's hash; size a power of two
  // Children in insertion order, as lists through next_sibling_; roots (no parent_id) in roots_.
  std::vector<std::uint32_t> first_child_;
  std::vector<std::uint32_t> last_child_;
  std::vector<std::uint32_t> next_sibling_;
  std::vector<std::uint32_t> roots_;
  // Units whose parent has not been added yet, by the parent's id; linked when it is.
  std::multimap<std::string, std::size_t, std::less<>> waiting_for_parent_;
  std::vector<std::size_t> parent_pos_;  // position of each unit's parent; npos when none or absent
};

}  // namespace danvan
