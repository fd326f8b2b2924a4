// Internal: what the registry's two fast readers share (registry.cpp: the hand-written scanner;
// registry_ondemand.cpp: simdjson On-Demand). Both accept exactly the canonical shapes of a
// danvan/registry document and build the registry straight from the text; on anything else
// they give up (detail::Fallback, or an Error of the model's checks) and read_registry() reads
// the text again with the DOM reader, which reports the problem with its located message.
#pragma once

#include "danvan/registry.hpp"
#include "danvan/unit_register.hpp"
#include "json/unit_codes.hpp"

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace danvan::detail {

/// Told from time to time that the text before an offset has been read and will not be looked
/// at again (load_registry releases those pages of the mapped file).
using ReleaseText = std::function<void(std::size_t)>;

/// Reads the text of a registry's "figures" array (`raw`, found after the entries, so the units
/// and fields are declared) into `registry` with the DOM reader's code (figures are few); false
/// when it has any problem, which the DOM reader then reports with its location.
bool read_figures_text(std::string_view raw, Registry& registry);

/// The fast readers' part in reading a version 3 document with a unit register
/// (read_registry(text, units)): the units entries name by official code ("code:22015") are
/// resolved entry by entry with the DOM reader's code, and from the first entry that names one
/// the entries are held until the last is read, since the register's units they name join the
/// registry's hierarchy before any entry is added (finish()). Entries before it were added
/// already, against the embedded units. Any problem gives up (Fallback, or an Error of the
/// model's checks): the DOM reader then reports it with its pointer.
class FastCodes {
 public:
  /// `reg` nullptr: no reference by code is taken (codes() is false).
  explicit FastCodes(const UnitRegister* reg);
  /// Whether a unit reference of a document of `version` may be "code:..." (with a register,
  /// from version 3); when not, a reference by code gives up.
  [[nodiscard]] bool codes(int version) const noexcept { return reg_ != nullptr && version >= 3; }
  /// Whether `s` is a unit reference: an id, or with `codes` "code:" and 1..10 digits.
  static bool unit_ref(std::string_view s, bool codes);
  /// Adds the entry to `registry` (its texts checked to be NFC), or, once an entry named a unit
  /// by code (`by_code`: this one does), resolves its references and holds it.
  void add(Registry& registry, const Entry& entry, bool by_code);
  /// After the last entry: when entries were held, `registry` is rebuilt on its embedded units
  /// and the register's units named (their ancestors and successions, as the DOM reader takes
  /// them), with its declarations, the entries added before and the held ones.
  void finish(Registry& registry);

 private:
  const UnitRegister* reg_;
  CodeResolver resolver_;
  std::vector<Entry> held_;
};

/// The bits of an event's keys, in the order of read_event's members.
enum EventKey : unsigned {
  event_type = 1,
  event_date = 2,
  event_level = 4,
  event_by = 8,
  event_decision = 16,
  event_units = 32,
  event_year = 64,
  event_effective = 128,
  event_grade = 256,
  event_form = 512,
  event_status = 1024,
  event_kind = 2048,
};

/// The versions of the document the fast readers read: 2 and 3 (the same shapes, but for the
/// status of a recognition, which version 3 added). Version 1 goes to the DOM reader, which
/// upgrades it.
inline bool fast_version(long long version) { return version == 2 || version == 3; }

/// Whether an event of `type` with the keys `seen` has every key its type needs and no key
/// another type has or the document's `version` lacks (the DOM reader refuses those).
inline bool event_keys_fit(EventType type, unsigned seen, int version) {
  unsigned required = event_type | event_date;
  unsigned allowed = required;
  switch (type) {
    case EventType::registered:
      allowed |= event_level;
      break;
    case EventType::recognised:
      allowed |= event_level | event_by | event_decision | event_grade;
      if (version >= 3) allowed |= event_status;
      break;
    case EventType::commended:
    case EventType::awarded:
      allowed |= event_level | event_by | event_decision | event_form | event_status;
      break;
    case EventType::revoked:
      allowed |= event_decision;
      break;
    case EventType::replicated:
      required |= event_units;
      allowed |= event_units;
      break;
    case EventType::reevaluated:
      required |= event_year | event_effective;
      allowed |= event_year | event_effective;
      break;
    case EventType::promoted:
      required |= event_kind;
      allowed |= event_kind | event_decision;
      break;
  }
  return (seen & required) == required && (seen & ~allowed) == 0;
}

#if defined(DANVAN_HAVE_SIMDJSON)
/// The registry read with simdjson On-Demand (registry_ondemand.cpp), resolving units named by
/// official code against `units` (nullptr: none). Throws Fallback (or an Error of the model's
/// checks) when it gives up.
Registry read_registry_ondemand(std::string_view text, const ReleaseText& release,
                                const UnitRegister* units);
#endif

}  // namespace danvan::detail
