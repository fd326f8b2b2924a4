// Registry.replace(entry) and Registry.remove(id) (issue 12): editing an entry that is
// already in a registry, with the checks add() makes.
//
// replace() calls the C++ Registry::replace: the entry is checked as add() checks it on the
// registry without the one replaced and changed in place (no rebuild). remove() rebuilds the
// registry from its own JSON document with the entry left out: every entry is checked again as
// add() checks it, everything the document holds (units, declared fields, grades and forms, the
// note, ...) carries over, and on an error the registry is unchanged; it is linear in the
// registry's size. Kept out of registry.cpp so the bindings of the registry itself stay as they
// are.
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

/// `r` without its entry at `index`.
void rebuild_without(Registry& r, std::size_t index) {
  Json document = danvan::to_json(r);
  document.at("entries").erase(index);
  try {
    Registry rebuilt = danvan::registry_from_json(document);
    r = std::move(rebuilt);
  } catch (const danvan::JsonDocumentError& e) {
    // The reader's pointer names a place in the rebuilt document, which the caller never saw:
    // name the entry instead, as add() does ('entry "x": ...').
    throw danvan::ValueError(entry_message(document, e.pointer(), e.reason()));
  }
}

/// Replaces the entry whose id is `id` by `entry` (which may carry another id: a new id equal
/// to another entry's is a duplicate, never a replacement of that other entry).
void replace_entry(Registry& r, const std::string& id, const Entry& entry) {
  (void)index_of(r, id);  // KeyError for an unknown id
  r.replace(id, entry);
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
      [](Registry& r, const std::string& id) { rebuild_without(r, index_of(r, id)); },
      py::name("remove"), py::is_method(cls), py::arg("id"),
      "Removes the entry with that id (the others keep their order; indexes after it shift "
      "down by one); raises KeyError when no entry has that id.");
}

}  // namespace danvan_py
