#include "danvan/json/registry.hpp"

#include "danvan/io.hpp"
#include "danvan/json/plan.hpp"
#include "danvan/text.hpp"
#include "json/object_reader.hpp"
#include "registry/registry_fold.hpp"

#include <fcntl.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <cerrno>
#include <cstring>
#include <utility>

namespace danvan {

using detail::child_pointer;
using detail::ObjectReader;
using detail::Problems;

// ---------------------------------------------------------------------------------------------
// Writing

namespace {

Json optional_string(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json strings(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

Json counts_json(const StatsCounts& c) {
  Json j = Json::object();
  j["registered"] = c.registered;
  j["recognised"] = c.recognised;
  j["effective"] = c.effective;
  j["commended"] = c.commended;
  j["replicated"] = c.replicated;
  return j;
}

StatsCounts difference(const StatsCounts& a, const StatsCounts& b) {
  return {a.registered - b.registered, a.recognised - b.recognised, a.effective - b.effective,
          a.commended - b.commended, a.replicated - b.replicated};
}

}  // namespace

Json to_json(const Event& e) {
  Json j = Json::object();
  j["type"] = std::string(to_string(e.type));
  j["date"] = to_iso(e.date);
  switch (e.type) {
    case EventType::registered:
      break;
    case EventType::recognised:
      j["level"] = e.level ? Json(std::string(to_string(*e.level))) : Json(nullptr);
      j["by"] = optional_string(e.by);
      j["decision"] = optional_string(e.decision);
      break;
    case EventType::commended:
    case EventType::awarded:
    case EventType::revoked:
      j["decision"] = optional_string(e.decision);
      break;
    case EventType::replicated:
      j["units"] = strings(e.unit_ids);
      break;
    case EventType::reevaluated:
      j["year"] = e.year ? Json(*e.year) : Json(nullptr);
      j["effective"] = e.effective ? Json(*e.effective) : Json(nullptr);
      break;
  }
  return j;
}

Json to_json(const Entry& e) {
  Json j = Json::object();
  j["id"] = e.id;
  j["kind"] = std::string(to_string(e.kind));
  j["subject"] = std::string(to_string(e.subject));
  j["name"] = e.name;
  j["unit"] = e.unit_id;
  j["fields"] = strings(e.field_ids);
  j["description"] = e.description;
  j["person"] = optional_string(e.person_name);
  Json events = Json::array();
  for (const auto& ev : e.events) events.push_back(to_json(ev));
  j["events"] = std::move(events);
  return j;
}

Json to_json(const Field& field) {
  Json j = Json::object();
  j["id"] = field.id;
  j["name"] = field.name;
  return j;
}

Json to_json(const Registry& registry) {
  Json j = Json::object();
  j["schema"] = "danvan/registry";
  j["version"] = json_version;
  j["note"] = optional_string(registry.note());
  Json fields = Json::array();
  for (const auto& f : registry.declared_fields()) fields.push_back(to_json(f));
  j["fields"] = std::move(fields);
  j["units"] = to_json(registry.units())["units"];
  Json entries = Json::array();
  for (std::size_t i = 0; i < registry.size(); ++i) entries.push_back(to_json(registry.entry(i)));
  j["entries"] = std::move(entries);
  return j;
}

std::string registry_to_text(const Registry& registry) {
  return to_canonical_text(to_json(registry));
}

Json to_json(const StatsTable& t) {
  Json j = Json::object();
  j["year"] = t.year;
  j["as_of"] = to_iso(t.as_of);
  j["unit"] = optional_string(t.unit_id);
  j["current_units"] = t.current_units;
  Json by = Json::array();
  for (const auto d : t.by) by.push_back(std::string(to_string(d)));
  j["by"] = by;
  Json rows = Json::array();
  for (const auto& r : t.rows) {
    Json rj = Json::object();
    Json keys = Json::object();
    Json labels = Json::object();
    for (std::size_t k = 0; k < t.by.size(); ++k) {
      keys[std::string(to_string(t.by[k]))] = r.keys[k];
      labels[std::string(to_string(t.by[k]))] = r.labels[k];
    }
    rj["keys"] = keys;
    rj["labels"] = labels;
    rj["counts"] = counts_json(r.current);
    rj["previous"] = counts_json(r.previous);
    rj["change"] = counts_json(difference(r.current, r.previous));
    rows.push_back(std::move(rj));
  }
  j["rows"] = std::move(rows);
  Json total = Json::object();
  total["counts"] = counts_json(t.total);
  total["previous"] = counts_json(t.previous_total);
  total["change"] = counts_json(difference(t.total, t.previous_total));
  j["total"] = total;
  return j;
}

// ---------------------------------------------------------------------------------------------
// DOM reading

namespace {

template <class T, class Parse>
std::optional<T> enum_member(ObjectReader& r, std::string_view key, bool required, Parse parse) {
  return r.parsed<T>(key, required, [&](const std::string& s) { return parse(s); });
}

std::optional<Event> read_event(const Json& j, const std::string& ptr, Problems& problems) {
  ObjectReader r(j, ptr, problems);
  if (!r.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  Event e;
  const auto type = enum_member<EventType>(r, "type", true, parse_event_type);
  const auto date = r.date("date");
  if (type) {
    e.type = *type;
    switch (*type) {
      case EventType::registered:
        break;
      case EventType::recognised:
        e.level = enum_member<Level>(r, "level", true, parse_level);
        e.by = r.id("by", false);
        e.decision = r.text("decision", false);
        break;
      case EventType::commended:
      case EventType::awarded:
      case EventType::revoked:
        e.decision = r.text("decision", false);
        break;
      case EventType::replicated:
        e.unit_ids = r.ids("units", true);
        if (problems.size() == before && e.unit_ids.empty()) {
          problems.add(r.pointer_to("units"), "must name at least one unit");
        }
        break;
      case EventType::reevaluated: {
        const auto y = r.integer("year", 1400, 9999);
        if (y) e.year = static_cast<int>(*y);
        e.effective = r.boolean("effective");
        break;
      }
    }
    r.finish();
  }
  if (problems.size() != before || !type || !date) return std::nullopt;
  e.date = *date;
  return e;
}

struct EntryDetails {
  std::optional<std::string> id;
  std::optional<EntryKind> kind;
  std::optional<Subject> subject;
  std::optional<std::string> name;
  std::optional<std::string> unit;
  std::vector<std::string> fields;
  std::optional<std::string> description;
  std::optional<std::string> person;
};

void read_details(ObjectReader& r, EntryDetails& d, bool with_id) {
  if (with_id) d.id = r.id("id");
  d.kind = enum_member<EntryKind>(r, "kind", true, parse_entry_kind);
  d.subject = enum_member<Subject>(r, "subject", true, parse_subject);
  d.name = r.text("name");
  d.unit = r.id("unit");
  d.fields = r.ids("fields", true);
  d.description = r.string("description");
  d.person = r.text("person", false);
}

Entry to_entry(EntryDetails&& d, std::vector<Event>&& events) {
  Entry e;
  e.id = std::move(*d.id);
  e.kind = *d.kind;
  e.subject = *d.subject;
  e.name = std::move(*d.name);
  e.unit_id = std::move(*d.unit);
  e.field_ids = std::move(d.fields);
  e.description = std::move(*d.description);
  e.person_name = std::move(d.person);
  e.events = std::move(events);
  return e;
}

std::optional<Entry> read_entry(const Json& j, const std::string& ptr, Problems& problems) {
  ObjectReader r(j, ptr, problems);
  if (!r.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  EntryDetails d;
  read_details(r, d, true);
  std::vector<Event> events;
  r.array("events", true, [&](const Json& ej, const std::string& ep) {
    if (auto ev = read_event(ej, ep, problems)) events.push_back(std::move(*ev));
  });
  r.finish();
  if (problems.size() != before) return std::nullopt;
  return to_entry(std::move(d), std::move(events));
}

std::optional<Field> read_field(const Json& j, const std::string& ptr, Problems& problems) {
  ObjectReader r(j, ptr, problems);
  if (!r.ok()) return std::nullopt;
  auto id = r.id("id");
  auto name = r.text("name");
  r.finish();
  if (!id || !name) return std::nullopt;
  return Field{std::move(*id), std::move(*name)};
}

/// Reads a whole value with `read`, throwing every problem found.
template <class T, class Read>
T read_value(const Json& j, Read read) {
  Problems problems;
  std::optional<T> value = read(j, std::string(), problems);
  problems.throw_if_any();
  return std::move(*value);
}

/// The pointer of a lifecycle message `entry "x": event N (...` (the event), else the entry's.
std::string problem_pointer(const std::string& entry_pointer, const std::string& message) {
  const auto at = message.find("\": event ");
  if (at != std::string::npos) {
    std::size_t k = at + 9;
    std::size_t n = 0;
    bool digits = false;
    while (k < message.size() && message[k] >= '0' && message[k] <= '9') {
      n = n * 10 + static_cast<std::size_t>(message[k] - '0');
      ++k;
      digits = true;
    }
    if (digits && n > 0) return entry_pointer + "/events/" + std::to_string(n - 1);
  }
  return entry_pointer;
}

void add_entry(Registry& registry, const Entry& e, const std::string& pointer, Problems& problems) {
  try {
    registry.add(e);
  } catch (const ValueError& err) {
    problems.add(problem_pointer(pointer, err.what()), err.what());
  }
}

UnitHierarchy read_embedded_units(ObjectReader& r) {
  const Json* units = r.member("units", true);
  if (units == nullptr) return {};
  Json doc = Json::object();
  doc["schema"] = "danvan/units";
  doc["version"] = json_version;
  doc["units"] = *units;
  try {
    return units_from_json(doc);
  } catch (const JsonDocumentError& e) {
    for (const auto& p : e.problems()) r.problems().add(p.pointer, p.reason);
  }
  return {};
}

}  // namespace

Event event_from_json(const Json& value) { return read_value<Event>(value, read_event); }
Entry entry_from_json(const Json& value) { return read_value<Entry>(value, read_entry); }
Field field_from_json(const Json& value) { return read_value<Field>(value, read_field); }

void to_json(Json& j, const Event& value) { j = to_json(value); }
void from_json(const Json& j, Event& value) { value = event_from_json(j); }
void to_json(Json& j, const Entry& value) { j = to_json(value); }
void from_json(const Json& j, Entry& value) { value = entry_from_json(j); }
void to_json(Json& j, const Field& value) { j = to_json(value); }
void from_json(const Json& j, Field& value) { value = field_from_json(j); }
void to_json(Json& j, const Registry& value) { j = to_json(value); }
void from_json(const Json& j, Registry& value) { value = registry_from_json(j); }
void to_json(Json& j, const StatsTable& value) { j = to_json(value); }

Registry registry_from_json(const Json& document) {
  Problems problems;
  ObjectReader r(document, "", problems);
  Registry registry;
  if (r.ok() && detail::check_header(r, "danvan/registry")) {
    const auto note = r.string("note", false);
    std::vector<std::pair<Field, std::string>> fields;
    r.array("fields", true, [&](const Json& e, const std::string& p) {
      if (auto f = read_field(e, p, problems)) fields.emplace_back(std::move(*f), p);
    });
    const std::size_t before_units = problems.size();
    UnitHierarchy units = read_embedded_units(r);
    const bool units_ok = problems.size() == before_units;
    registry = Registry(std::move(units));
    registry.set_note(note);
    for (auto& [f, p] : fields) {
      try {
        registry.declare_field(f);
      } catch (const ValueError& e) {
        problems.add(p + "/id", e.what());
      }
    }
    r.array("entries", true, [&](const Json& e, const std::string& p) {
      auto entry = read_entry(e, p, problems);
      if (entry && units_ok) add_entry(registry, *entry, p, problems);
    });
  }
  r.finish();
  problems.throw_if_any();
  registry.shrink_to_fit();
  return registry;
}

// ---------------------------------------------------------------------------------------------
// Streaming reading: a hand-written reader that builds the registry straight from the text.
// It accepts exactly the canonical shapes; anything unusual makes it give up (Fallback) and the
// DOM reader reads the text again to report the problem precisely.

namespace {

struct Fallback {};

class FastReader {
 public:
  explicit FastReader(std::string_view text) : p_(text.data()), e_(text.data() + text.size()) {}

  Registry read() {
    expect('{');
    unsigned seen = 0;
    Registry registry;
    bool have_units = false;
    std::vector<Field> fields;
    std::optional<std::string> note;
    bool first = true;
    while (true) {
      if (!first && !comma_or('}')) break;
      if (first && try_consume('}')) break;
      first = false;
      const auto k = key();
      if (k == "schema") {
        mark(seen, 1);
        string(buf_);
        if (buf_ != "danvan/registry") fail();
      } else if (k == "version") {
        mark(seen, 2);
        if (integer() != json_version) fail();
      } else if (k == "note") {
        mark(seen, 4);
        if (!null()) {
          string(buf_);
          note = buf_;
        }
      } else if (k == "fields") {
        mark(seen, 8);
        read_fields(fields);
      } else if (k == "units") {
        mark(seen, 16);
        ws();
        const char* start = p_;
        skip_value(0);
        Json doc = Json::object();
        doc["schema"] = "danvan/units";
        doc["version"] = json_version;
        doc["units"] = parse_json(std::string_view(start, static_cast<std::size_t>(p_ - start)));
        registry = Registry(units_from_json(doc));
        have_units = true;
      } else if (k == "entries") {
        mark(seen, 32);
        if (!have_units || (seen & 8) == 0) fail();
        for (auto& f : fields) registry.declare_field(std::move(f));
        fields.clear();
        read_entries(registry);
      } else {
        fail();
      }
    }
    ws();
    if (p_ != e_) fail();
    if (seen != 63 && seen != 59) fail();
    registry.set_note(note);
    return registry;
  }

 private:
  static constexpr std::size_t kMaxString = JsonLimits{}.max_string_bytes;
  [[noreturn]] static void fail() { throw Fallback{}; }
  static void mark(unsigned& seen, unsigned bit) {
    if ((seen & bit) != 0) fail();
    seen |= bit;
  }
  void ws() {
    while (p_ < e_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  void expect(char c) {
    ws();
    if (p_ >= e_ || *p_ != c) fail();
    ++p_;
  }
  bool try_consume(char c) {
    ws();
    if (p_ < e_ && *p_ == c) {
      ++p_;
      return true;
    }
    return false;
  }
  /// After a member or element: true on ',', false on `close`; anything else fails.
  bool comma_or(char close) {
    ws();
    if (p_ < e_ && *p_ == ',') {
      ++p_;
      return true;
    }
    if (p_ < e_ && *p_ == close) {
      ++p_;
      return false;
    }
    fail();
  }
  bool null() {
    ws();
    if (e_ - p_ >= 4 && std::memcmp(p_, "null", 4) == 0) {
      p_ += 4;
      return true;
    }
    return false;
  }
  bool boolean() {
    ws();
    if (e_ - p_ >= 4 && std::memcmp(p_, "true", 4) == 0) {
      p_ += 4;
      return true;
    }
    if (e_ - p_ >= 5 && std::memcmp(p_, "false", 5) == 0) {
      p_ += 5;
      return false;
    }
    fail();
  }
  long long integer() {
    ws();
    const char* s = p_;
    long long n = 0;
    while (p_ < e_ && *p_ >= '0' && *p_ <= '9' && p_ - s < 9) n = n * 10 + (*p_++ - '0');
    if (p_ == s || (*s == '0' && p_ - s > 1)) fail();
    if (p_ < e_ && ((*p_ >= '0' && *p_ <= '9') || *p_ == '.' || *p_ == 'e' || *p_ == 'E')) fail();
    return n;
  }
  void hex4(unsigned& v) {
    if (e_ - p_ < 4) fail();
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = *p_++;
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        fail();
      }
    }
  }
  void string(std::string& out) {
    expect('"');
    const char* s = p_;
    while (p_ < e_) {
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        if (static_cast<std::size_t>(p_ - s) > kMaxString) fail();
        out.assign(s, p_);
        ++p_;
        return;
      }
      if (c == '\\' || c < 0x20 || c == 0x7F || c == 0xC2) break;
      ++p_;
    }
    out.assign(s, p_);
    while (true) {
      if (p_ >= e_) fail();
      const auto c = static_cast<unsigned char>(*p_++);
      if (c == '"') {
        // The limit of parse_json (JsonLimits), so both readers give the same verdict.
        if (static_cast<std::size_t>(p_ - 1 - s) > kMaxString) fail();
        return;
      }
      // Control characters are errors in text (detail::find_control_character): the DOM
      // reader reports them, so both readers give the same verdict.
      if (c < 0x20 || c == 0x7F) fail();
      if (c == 0xC2 && p_ < e_ && static_cast<unsigned char>(*p_) >= 0x80 &&
          static_cast<unsigned char>(*p_) <= 0x9F) {
        fail();
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        continue;
      }
      if (p_ >= e_) fail();
      const char x = *p_++;
      switch (x) {
        case '"':
        case '\\':
        case '/':
          out += x;
          break;
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
          fail();  // a control character
        case 'u': {
          unsigned cp = 0;
          hex4(cp);
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (e_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') fail();
            p_ += 2;
            unsigned lo = 0;
            hex4(lo);
            if (lo < 0xDC00 || lo > 0xDFFF) fail();
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            fail();  // a lone low surrogate, or a control character
          }
          detail::append_utf8(static_cast<char32_t>(cp), out);
          break;
        }
        default:
          fail();
      }
    }
  }
  std::string_view key() {
    string(key_);
    expect(':');
    return key_;
  }
  void optional_string(std::optional<std::string>& out) {
    if (null()) {
      out.reset();
      return;
    }
    if (!out) out.emplace();
    string(*out);
    if (out->empty()) fail();
  }
  Date date() {
    string(buf_);
    if (buf_.size() != 10 || buf_[4] != '-' || buf_[7] != '-') fail();
    int v[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lens[3] = {4, 2, 2};
    for (int k = 0; k < 3; ++k) {
      for (int i = 0; i < lens[k]; ++i) {
        const char c = buf_[static_cast<std::size_t>(starts[k] + i)];
        if (c < '0' || c > '9') fail();
        v[k] = v[k] * 10 + (c - '0');
      }
    }
    if (v[0] < 1400 || v[1] < 1 || v[1] > 12 || v[2] < 1) fail();
    const int dim = boost::gregorian::gregorian_calendar::end_of_month_day(
        static_cast<unsigned short>(v[0]), static_cast<unsigned short>(v[1]));
    if (v[2] > dim) fail();
    return Date(static_cast<unsigned short>(v[0]), static_cast<unsigned short>(v[1]),
                static_cast<unsigned short>(v[2]));
  }
  void id_array(std::vector<std::string>& out) {
    out.clear();
    expect('[');
    if (try_consume(']')) return;
    do {
      out.emplace_back();
      string(out.back());
    } while (comma_or(']'));
  }

  void read_fields(std::vector<Field>& fields) {
    expect('[');
    if (try_consume(']')) return;
    do {
      expect('{');
      Field f;
      unsigned seen = 0;
      bool first = true;
      while (true) {
        if (!first && !comma_or('}')) break;
        if (first && try_consume('}')) break;
        first = false;
        const auto k = key();
        if (k == "id") {
          mark(seen, 1);
          string(f.id);
        } else if (k == "name") {
          mark(seen, 2);
          string(f.name);
        } else {
          fail();
        }
      }
      if (seen != 3) fail();
      fields.push_back(std::move(f));
    } while (comma_or(']'));
  }

  void read_event(Event& ev) {
    expect('{');
    unsigned seen = 0;
    bool first = true;
    ev.level.reset();
    ev.by.reset();
    ev.decision.reset();
    ev.unit_ids.clear();
    ev.year.reset();
    ev.effective.reset();
    while (true) {
      if (!first && !comma_or('}')) break;
      if (first && try_consume('}')) break;
      first = false;
      const auto k = key();
      if (k == "type") {
        mark(seen, 1);
        string(buf_);
        ev.type = parse_event_type(buf_);
      } else if (k == "date") {
        mark(seen, 2);
        ev.date = date();
      } else if (k == "level") {
        mark(seen, 4);
        string(buf_);
        ev.level = parse_level(buf_);
      } else if (k == "by") {
        mark(seen, 8);
        optional_string(ev.by);
      } else if (k == "decision") {
        mark(seen, 16);
        optional_string(ev.decision);
      } else if (k == "units") {
        mark(seen, 32);
        id_array(ev.unit_ids);
      } else if (k == "year") {
        mark(seen, 64);
        const long long y = integer();
        if (y < 1400 || y > 9999) fail();
        ev.year = static_cast<int>(y);
      } else if (k == "effective") {
        mark(seen, 128);
        ev.effective = boolean();
      } else {
        fail();
      }
    }
    if ((seen & 3) != 3) fail();
    unsigned required = 3;
    unsigned allowed = 3;
    switch (ev.type) {
      case EventType::registered:
        break;
      case EventType::recognised:
        required |= 4;
        allowed |= 4 | 8 | 16;
        break;
      case EventType::commended:
      case EventType::awarded:
      case EventType::revoked:
        allowed |= 16;
        break;
      case EventType::replicated:
        required |= 32;
        allowed |= 32;
        break;
      case EventType::reevaluated:
        required |= 64 | 128;
        allowed |= 64 | 128;
        break;
    }
    if ((seen & required) != required || (seen & ~allowed) != 0) fail();
  }

  void read_entries(Registry& registry) {
    expect('[');
    if (try_consume(']')) return;
    Entry e;
    do {
      expect('{');
      unsigned seen = 0;
      bool first = true;
      std::size_t events = 0;
      e.person_name.reset();
      while (true) {
        if (!first && !comma_or('}')) break;
        if (first && try_consume('}')) break;
        first = false;
        const auto k = key();
        if (k == "id") {
          mark(seen, 1);
          string(e.id);
        } else if (k == "kind") {
          mark(seen, 2);
          string(buf_);
          e.kind = parse_entry_kind(buf_);
        } else if (k == "subject") {
          mark(seen, 4);
          string(buf_);
          e.subject = parse_subject(buf_);
        } else if (k == "name") {
          mark(seen, 8);
          string(e.name);
        } else if (k == "unit") {
          mark(seen, 16);
          string(e.unit_id);
        } else if (k == "fields") {
          mark(seen, 32);
          id_array(e.field_ids);
        } else if (k == "description") {
          mark(seen, 64);
          string(e.description);
        } else if (k == "person") {
          mark(seen, 128);
          optional_string(e.person_name);
        } else if (k == "events") {
          mark(seen, 256);
          expect('[');
          if (!try_consume(']')) {
            do {
              if (events == e.events.size()) e.events.emplace_back();
              read_event(e.events[events++]);
            } while (comma_or(']'));
          }
        } else {
          fail();
        }
      }
      if ((seen | 128) != 511) fail();
      e.events.resize(events);
      registry.add(e);
    } while (comma_or(']'));
  }

  void skip_value(int depth) {
    if (depth > 200) fail();
    ws();
    if (p_ >= e_) fail();
    const char c = *p_;
    if (c == '{' || c == '[') {
      ++p_;
      const char close = c == '{' ? '}' : ']';
      if (try_consume(close)) return;
      do {
        if (c == '{') {
          string(key_);
          expect(':');
        }
        skip_value(depth + 1);
      } while (comma_or(close));
    } else if (c == '"') {
      string(buf_);
    } else if (null()) {
    } else if (c == 't' || c == 'f') {
      boolean();
    } else {
      while (p_ < e_ && (std::isdigit(static_cast<unsigned char>(*p_)) != 0 || *p_ == '-' ||
                         *p_ == '+' || *p_ == '.' || *p_ == 'e' || *p_ == 'E')) {
        ++p_;
      }
    }
  }

  const char* p_;
  const char* e_;
  std::string buf_;
  std::string key_;
};

}  // namespace

Registry read_registry(std::string_view text) {
  try {
    FastReader reader(text);
    Registry registry = reader.read();
    registry.shrink_to_fit();
#if defined(__GLIBC__)
    // Give the heap pages freed by loading (growth of the storage, temporaries) back to the
    // system, so the resident size is that of the registry.
    ::malloc_trim(0);
#endif
    return registry;
  } catch (const Fallback&) {
  } catch (const Error&) {
  } catch (const std::out_of_range&) {
  }
  return registry_from_json(parse_json(text));
}

Registry load_registry(const std::filesystem::path& path) {
  const MappedFile file(path);
  return read_registry(file.text());
}

void save_registry(const Registry& registry, const std::filesystem::path& path) {
  write_file_atomically(path, registry_to_text(registry));
}

// ---------------------------------------------------------------------------------------------
// Journal

std::string journal_registration_line(const Entry& entry) {
  if (entry.events.empty() || entry.events.front().type != EventType::registered) {
    throw ValueError("entry \"" + entry.id + "\": the first event must be \"registered\"");
  }
  Json j = Json::object();
  j["entry"] = entry.id;
  j["event"] = to_json(entry.events.front());
  Json d = to_json(entry);
  d.erase("id");
  d.erase("events");
  j["details"] = d;
  return j.dump(-1, ' ', false, Json::error_handler_t::strict) + "\n";
}

std::string journal_event_line(std::string_view entry_id, const Event& event) {
  Json j = Json::object();
  j["entry"] = std::string(entry_id);
  j["event"] = to_json(event);
  return j.dump(-1, ' ', false, Json::error_handler_t::strict) + "\n";
}

namespace {

void apply_line(const Json& line, Registry& registry, const std::string& where) {
  Problems problems;
  ObjectReader r(line, "", problems);
  std::optional<std::string> id;
  std::optional<Event> event;
  EntryDetails d;
  bool has_details = false;
  if (r.ok()) {
    id = r.id("entry");
    if (const Json* ej = r.member("event", true)) event = read_event(*ej, "/event", problems);
    if (const Json* dj = r.member("details", false)) {
      has_details = true;
      ObjectReader dr(*dj, "/details", problems);
      if (dr.ok()) {
        read_details(dr, d, false);
        dr.finish();
      }
    }
    r.finish();
  }
  if (!problems.empty()) {
    const auto& p = problems.list().front();
    throw ValueError(where + (p.pointer.empty() ? "(line)" : p.pointer) + ": " + p.reason);
  }
  if (!event || !id) throw ValueError(where + "incomplete line");
  try {
    if (event->type == EventType::registered) {
      if (!has_details) throw ValueError("/details: a registration needs \"details\"");
      d.id = *id;
      registry.add(to_entry(std::move(d), {std::move(*event)}));
    } else {
      if (has_details) throw ValueError("/details: only a registration has \"details\"");
      registry.add_event(*id, std::move(*event));
    }
  } catch (const ValueError& e) {
    throw ValueError(where + e.what());
  }
}

}  // namespace

ReplayResult replay_journal(std::string_view text, Registry& registry) {
  ReplayResult result;
  std::size_t start = 0;
  std::size_t number = 0;
  while (start < text.size()) {
    ++number;
    const std::size_t nl = text.find('\n', start);
    const bool last = nl == std::string_view::npos || nl + 1 == text.size();
    const std::string where = "line " + std::to_string(number) + ": ";
    if (nl == std::string_view::npos) {
      result.torn_line = number;
      result.warning = where + "torn last line (no final newline); ignored";
      break;
    }
    const std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    Json value;
    try {
      value = parse_json(line);
    } catch (const JsonDocumentError& e) {
      if (last) {
        result.torn_line = number;
        result.warning = where + "torn last line (" + e.reason() + "); ignored";
        break;
      }
      throw ValueError(where + (e.pointer().empty() ? "" : e.pointer() + ": ") + e.reason());
    }
    apply_line(value, registry, where);
    ++result.applied;
  }
  return result;
}

ReplayResult replay_journal_file(const std::filesystem::path& path, Registry& registry) {
  return replay_journal(read_file(path), registry);
}

}  // namespace danvan
