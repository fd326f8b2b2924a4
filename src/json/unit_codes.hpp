// Internal: units that documents name by official code ("code:22015", mã đơn vị hành chính)
// instead of by id, resolved against a unit register on the days of what names them. Shared by
// the registry reader and writer and the progress plan and reports readers.
#pragma once

#include "base/problems.hpp"
#include "danvan/date.hpp"
#include "danvan/json/json.hpp"
#include "danvan/unit.hpp"
#include "danvan/unit_register.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan::detail {

/// Whether `v` is a string "code:...".
bool is_code_value(const Json& v);
/// Whether `object`'s member `key` is such a string or an array holding one.
bool any_code_value(const Json& object, std::string_view key);

/// The days a reference is resolved on, and how messages say them ("on 2024-03-01", "in 2025",
/// "in 2025Q3", "in 2025Q1..2026Q4").
struct CodeDays {
  Date from;
  Date to;
  std::string text;
};
/// "on 2022-03-01", "in 2022-03", "in 2022": the days of a partial date.
CodeDays days_of(const PartialDate& date);

/// Of `units` (those with one official code), the ones that carried it on some day of `days`
/// (a year or a quarter may span a reorganisation): a code names a unit then only when exactly
/// one did.
std::vector<const Unit*> carrying_during(const std::vector<const Unit*>& units,
                                         const CodeDays& days);

/// "names 2 units in 2025 ("p66", "p66-20250701")".
std::string names_several(const std::vector<const Unit*>& carriers, const CodeDays& days);

/// Resolves the references by official code of one document against a register, and gives the
/// register's units they named to the document's hierarchy.
class CodeResolver {
 public:
  /// `reg` nullptr: every reference by code is a problem saying to read `document` ("the
  /// registry") with a unit register. `several`: what a message about a code carried by
  /// several units during the days advises (": give the fact's day").
  CodeResolver(const UnitRegister* reg, std::string document, std::string several);

  /// When `ref` is "code:NNNNN", replaces it by the id of the one register unit that carried
  /// the code on some day of `days`, or records at `pointer` why it cannot (no register, no
  /// unit, several). `days` nullopt: the date is unknown (its own problem is recorded) and only
  /// a missing register is reported. Returns false when a problem was recorded.
  bool resolve(std::string& ref, const std::optional<CodeDays>& days, const std::string& pointer,
               Problems& problems);

  /// Adds to `units` the register units resolved, their ancestors and the units linked to them
  /// by succession (transitively), in the register's order, so that every link resolves. A unit
  /// already in `units` with one of their ids is a problem at `pointer` ("... a unit of the
  /// register that `namer` by official code: give it another id"; namer: "entries name").
  void add_units(UnitHierarchy& units, const std::string& pointer, const std::string& namer,
                 Problems& problems) const;

  /// Whether any reference was resolved.
  [[nodiscard]] bool any() const noexcept { return !taken_.empty(); }

 private:
  const UnitRegister* reg_;
  std::string document_;
  std::string several_;
  std::vector<std::size_t> taken_;  ///< positions in the register's hierarchy
};

/// Resolves each reference of the array at `pointer` with `resolve(ref, item_pointer)` (true when
/// resolved or not a code; false, with a problem recorded, when it cannot be) and leaves out those
/// that cannot be. A unit named twice once resolved ("code:66" and the id it resolves to) is a
/// problem at the later one, as an id listed twice is.
template <class Resolve>
void resolve_unit_list(std::vector<std::string>& refs, const std::string& pointer,
                       Problems& problems, Resolve resolve) {
  std::vector<std::string> out;
  std::vector<std::size_t> at;  // each kept reference's index in the document
  for (std::size_t i = 0; i < refs.size(); ++i) {
    const std::string item = child_pointer(pointer, i);
    std::string ref = refs[i];
    if (!resolve(ref, item)) continue;
    const auto same = std::find(out.begin(), out.end(), ref);
    if (same != out.end()) {
      const std::size_t first = at[static_cast<std::size_t>(same - out.begin())];
      problems.add(item, "\"" + refs[i] + "\" names unit \"" + ref + "\", named already at " +
                             child_pointer(pointer, first));
      continue;
    }
    out.push_back(std::move(ref));
    at.push_back(i);
  }
  refs = std::move(out);
}

}  // namespace danvan::detail
