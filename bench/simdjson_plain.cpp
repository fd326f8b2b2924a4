// simdjson On-Demand parsing a danvan/registry document into plain structs: the baseline of
// issue 16 for the registry's streaming reader (see simdjson_plain.hpp). Compiled twice
// (bench/CMakeLists.txt): DANVAN_PLAIN_BUILD is PlainBuild::native in the object built with
// -march=native and PlainBuild::portable in the one built with the library's flags.
#include "simdjson_plain.hpp"

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The baseline of issue 16: simdjson On-Demand parsing the same text into plain structs (every
// string copied out, nothing checked beyond JSON), what the streaming reader must at least
// match while it also checks everything and builds the compact registry.
struct PlainEvent {
  std::string type, date, level, by, decision, grade, form, status, kind;
  std::vector<std::string> units;
  std::int64_t year = 0;
  bool effective = false;
};
struct PlainEntry {
  std::string id, kind, subject, name, unit, description, person;
  std::vector<std::string> places, fields;
  std::vector<PlainEvent> events;
};
struct PlainUnit {
  std::string id, name, kind, level, parent, valid_from, valid_to, code, basis;
  std::vector<std::string> predecessors, successors;
};
struct PlainRegistry {
  std::vector<PlainUnit> units;
  std::vector<PlainEntry> entries;
};

void plain_string(simdjson::ondemand::value v, std::string& out) {
  if (v.is_null()) {
    out.clear();
    return;
  }
  out.assign(std::string_view(v.get_string()));
}
void plain_strings(simdjson::ondemand::value v, std::vector<std::string>& out) {
  out.clear();
  if (v.is_null()) return;
  for (auto s : v.get_array()) out.emplace_back(std::string_view(s.get_string()));
}

PlainRegistry read_plain(const simdjson::padded_string& text, simdjson::ondemand::parser& parser) {
  PlainRegistry r;
  auto doc = parser.iterate(text);
  for (auto member : doc.get_object()) {
    const std::string_view key = member.unescaped_key();
    if (key == "units") {
      for (auto u : member.value().get_array()) {
        PlainUnit& out = r.units.emplace_back();
        for (auto f : u.get_object()) {
          const std::string_view k = f.unescaped_key();
          simdjson::ondemand::value v = f.value();
          if (k == "predecessors") {
            plain_strings(v, out.predecessors);
          } else if (k == "successors") {
            plain_strings(v, out.successors);
          } else {
            std::string& s = k == "id"           ? out.id
                             : k == "name"       ? out.name
                             : k == "kind"       ? out.kind
                             : k == "level"      ? out.level
                             : k == "parent"     ? out.parent
                             : k == "valid_from" ? out.valid_from
                             : k == "valid_to"   ? out.valid_to
                             : k == "code"       ? out.code
                                                 : out.basis;
            plain_string(v, s);
          }
        }
      }
    } else if (key == "entries") {
      for (auto e : member.value().get_array()) {
        PlainEntry& out = r.entries.emplace_back();
        for (auto f : e.get_object()) {
          const std::string_view k = f.unescaped_key();
          simdjson::ondemand::value v = f.value();
          if (k == "places") {
            plain_strings(v, out.places);
          } else if (k == "fields") {
            plain_strings(v, out.fields);
          } else if (k == "events") {
            for (auto ev : v.get_array()) {
              PlainEvent& pe = out.events.emplace_back();
              for (auto g : ev.get_object()) {
                const std::string_view gk = g.unescaped_key();
                simdjson::ondemand::value gv = g.value();
                if (gk == "units") {
                  plain_strings(gv, pe.units);
                } else if (gk == "year") {
                  if (!gv.is_null()) pe.year = gv.get_int64();
                } else if (gk == "effective") {
                  if (!gv.is_null()) pe.effective = gv.get_bool();
                } else {
                  std::string& s = gk == "type"       ? pe.type
                                   : gk == "date"     ? pe.date
                                   : gk == "level"    ? pe.level
                                   : gk == "by"       ? pe.by
                                   : gk == "decision" ? pe.decision
                                   : gk == "grade"    ? pe.grade
                                   : gk == "form"     ? pe.form
                                   : gk == "status"   ? pe.status
                                                      : pe.kind;
                  plain_string(gv, s);
                }
              }
            }
          } else {
            std::string& s = k == "id"            ? out.id
                             : k == "kind"        ? out.kind
                             : k == "subject"     ? out.subject
                             : k == "name"        ? out.name
                             : k == "unit"        ? out.unit
                             : k == "description" ? out.description
                                                  : out.person;
            plain_string(v, s);
          }
        }
      }
    }
  }
  return r;
}

}  // namespace

template <PlainBuild Build>
struct PlainLoader<Build>::Impl {
  explicit Impl(const std::string& t) : text(t) {}
  simdjson::padded_string text;
  simdjson::ondemand::parser parser;
};

template <PlainBuild Build>
PlainLoader<Build>::PlainLoader(const std::string& text) : impl_(std::make_unique<Impl>(text)) {}
template <PlainBuild Build>
PlainLoader<Build>::~PlainLoader() = default;

template <PlainBuild Build>
std::size_t PlainLoader<Build>::load() {
  const PlainRegistry r = read_plain(impl_->text, impl_->parser);
  return r.entries.size();
}

#define DANVAN_STRINGIFY2(x) #x
#define DANVAN_STRINGIFY(x) DANVAN_STRINGIFY2(x)
template <PlainBuild Build>
std::string PlainLoader<Build>::implementation() {
  // The implementation the inlined On-Demand code was compiled for (the library's
  // builtin_implementation() names the one the shared library was built with).
  return DANVAN_STRINGIFY(SIMDJSON_BUILTIN_IMPLEMENTATION);
}

template class PlainLoader<DANVAN_PLAIN_BUILD>;
