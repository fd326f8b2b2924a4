// Registry.replace(entry) and Registry.remove(id) (issue 12): editing an entry that is
// already in a registry, with the checks add() makes.
//
// The C++ Registry has add() and add_event() only. Both methods rebuild the registry from its
// own JSON document with the one entry replaced or left out: every entry is checked again as
// add() checks it, everything the document holds (units, declared fields, grades and forms,
// the note, ...) carries over, and on an error the registry is unchanged. Each call is linear
// in the registry's size. Kept out of registry.cpp so the bindings of the registry itself stay
// as they are.
#include "common.hpp"

#include <danvan/json/registry.hpp>
#include <danvan/registry.hpp>

#include <cstddef>
#include <string>

namespace danvan_py {

namespace {

using danvan::Entry;
using danvan::Json;
using danvan::Registry;

std::size_t index_of(const Registry& r, const std::string& id) {
  const auto i = r.find(id);
  if (!i) throw py::key_error("no entry with id \"" + id + "\"");
  return *i;
}

/// 'entry "x": /name: must not be empty' for a problem at "/entries/<i>/name" of `document`.
std::string entry_message(const Json& document, const std::string& pointer,
                          const std::string& reason) {
  const std::string prefix = "/entries/";
  if (reason.rfind("entry \"", 0) == 0 || pointer.rfind(prefix, 0) != 0) return reason;
  const std::size_t end = pointer.find('/', prefix.size());
  const std::string number = pointer.substr(prefix.size(), end - prefix.size());
  std::size_t i = 0;
  for (const char c : number) {
    if (c < '0' || c > '9') return reason;
    i = i * 10 + static_cast<std::size_t>(c - '0');
  }
  const Json& entries = document.at("entries");
  if (number.empty() || i >= entries.size() || !entries[i].contains("id") ||
      !entries[i]["id"].is_string()) {
    return reason;
  }
  const std::string rest = end == std::string::npos ? "" : pointer.substr(end) + ": ";
  return "entry \"" + entries[i]["id"].get<std::string>() + "\": " + rest + reason;
}

/// `r` with its entry at `index` replaced by `entry`, or removed when `entry` is null.
// (Recursive only to remove: a removal, entry null, does not recurse.)
void rebuild(Registry& r, std::size_t index, const Entry* entry) {
  Json document = danvan::to_json(r);
  Json& entries = document.at("entries");
  if (entry != nullptr) {
    entries.at(index) = danvan::to_json(*entry);
  } else {
    entries.erase(index);
  }
  try {
    Registry rebuilt = danvan::registry_from_json(document);
    r = std::move(rebuilt);
  } catch (const danvan::JsonDocumentError& e) {
    if (entry != nullptr) {
      // The error add() gives, with every problem located in the entry: the entry added to
      // the registry without the one it replaces. (When add() takes it there, the refusal
      // depends on the place: the reader's message follows.)
      Registry without = r;
      bool removed = true;
      try {
        rebuild(without, index, nullptr);
      } catch (const danvan::ValueError&) {
        removed = false;
      }
      if (removed) without.add(*entry);
    }
    // The reader's pointer names a place in the rebuilt document, which the caller never saw:
    // name the entry instead, as add() does ('entry "x": ...').
    throw danvan::ValueError(entry_message(document, e.pointer(), e.reason()));
  }
}

/// Replaces the entry whose id is `id` by `entry` (which may carry another id), checked first
/// exactly as add() checks a new entry on the registry without the one replaced: the JSON
/// round trip of rebuild() alone would drop what an event's type does not hold (a decision or
/// "by" on a registration) instead of refusing it, and a new id equal to another entry's is
/// a duplicate, never a replacement of that other entry.
void replace_entry(Registry& r, const std::string& id, const Entry& entry) {
  const std::size_t index = index_of(r, id);
  Registry without = r;
  rebuild(without, index, nullptr);
  without.add(entry);
  rebuild(r, index, &entry);
}

}  // namespace

void register_registry_editing(py::module_& m) {
  const py::object cls = m.attr("Registry");
  // What an entry read from the registry (reg[i], iteration) writes itself back with: by the id
  // it was read with, so a changed id renames that entry.
  cls.attr("_replace_id") = py::cpp_function(
      [](Registry& r, const std::string& id, const Entry& entry) { replace_entry(r, id, entry); },
      py::name("_replace_id"), py::is_method(cls), py::arg("id"), py::arg("entry"));
  cls.attr("replace") = py::cpp_function(
      [](Registry& r, const Entry& entry) { replace_entry(r, entry.id, entry); },
      py::name("replace"), py::is_method(cls), py::arg("entry"),
      "Replaces the entry with the same id (its place in the order kept), checked as add() "
      "checks a new one; raises KeyError when no entry has that id and danvan.ValueError when "
      "the entry is refused (the registry is then unchanged). reg[i] and reg.entry(i) return "
      "copies that write themselves back through replace(): reg[0].name = \"...\" works.");
  cls.attr("remove") = py::cpp_function(
      [](Registry& r, const std::string& id) { rebuild(r, index_of(r, id), nullptr); },
      py::name("remove"), py::is_method(cls), py::arg("id"),
      "Removes the entry with that id (the others keep their order; indexes after it shift "
      "down by one); raises KeyError when no entry has that id.");
}

}  // namespace danvan_py
