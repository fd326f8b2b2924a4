// Internal: what a registry reader does that the public API does not offer (the readers of
// src/json load a whole registry at once).
#pragma once

#include "danvan/registry.hpp"

#include <cstddef>
#include <string_view>

namespace danvan::detail {

struct RegistryLoad {
  /// Registry::add for an entry whose texts the reader has checked to be NFC (add() would
  /// normalise them, which changes nothing then): every check of add() is made, with the same
  /// messages.
  static void add_nfc(Registry& registry, const Entry& entry);
  /// Asks the processor to fetch the id table's slot for `id` (a reader calls it as soon as
  /// it has an entry's id, so that add_nfc's duplicate-id probe finds it in the cache).
  static void prefetch_id(const Registry& registry, std::string_view id) noexcept;
  /// Asks the processor to fetch the slot of unit `id` in the registry's unit table (a reader
  /// calls it as soon as it has an entry's owner, which add_nfc looks up).
  static void prefetch_unit(const Registry& registry, std::string_view id) noexcept;
  /// Makes room for about `entries` more entries holding `text_bytes` of text (a hint from the
  /// size of the document: nothing is checked or changed).
  static void reserve(Registry& registry, std::size_t entries, std::size_t text_bytes);
};

}  // namespace danvan::detail
