// The registry's fast reader on simdjson On-Demand (issue 16 point 4): simdjson finds the
// structure of the text (stage 1, with the SIMD code the processor has, chosen at run time by
// libsimdjson) and this file walks it, building the registry straight from the text. It is as
// strict as the hand-written scanner it replaces (registry.cpp keeps that one for builds without
// simdjson): exactly the canonical shapes, every string checked as the DOM reader checks it
// (no control character, NFC, not blank, valid and distinct ids), unknown or repeated keys
// refused. On anything else it gives up (Fallback) and read_registry() reads the text again with
// the DOM reader, which reports the problem with its located message.
#include "danvan/json/plan.hpp"
#include "danvan/json/registry.hpp"
#include "danvan/text.hpp"
#include "json/registry_fast.hpp"
#include "json/stream_scanner.hpp"
#include "registry/registry_load.hpp"

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace danvan::detail {

namespace {

namespace od = simdjson::ondemand;

[[noreturn]] void fail() { throw Fallback{}; }

constexpr std::size_t kMaxString = JsonLimits{}.max_string_bytes;

// The strings and keys this reader walks are in simdjson's padded buffers (SIMDJSON_PADDING
// bytes after the document, at least 64): sixteen bytes may be read from anywhere in a string or
// key, the bytes after its end being ignored.

/// Whether `s` (the raw bytes between a string's quotes, in a padded buffer) needs no
/// unescaping and holds nothing the DOM reader refuses in text: no backslash, no control
/// character (C0, DEL, or C1 written as U+0080..U+009F). Many bytes at a time; from a block
/// with a suspect byte (one of those, or 0xC2, the lead byte of U+0080..U+009F) on, byte by
/// byte.
bool plain_string(std::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
#if defined(__SSE2__)
  // Sixteen bytes at a time (SSE2 is in every x86-64 processor).
  const __m128i below = _mm_set1_epi8(0x1F);
  const __m128i del = _mm_set1_epi8(0x7F);
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i c1_lead = _mm_set1_epi8(static_cast<char>(0xC2));
  for (; p < end; p += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(x, below), below), _mm_cmpeq_epi8(x, del)),
        _mm_or_si128(_mm_cmpeq_epi8(x, backslash), _mm_cmpeq_epi8(x, c1_lead)));
    auto bits = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (const auto left = static_cast<std::size_t>(end - p); left < 16) {
      bits &= (1U << left) - 1U;  // not the bytes after the string
    }
    if (bits != 0) break;
  }
  if (p >= end) return true;
#else
  // Eight bytes at a time, within the string.
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  const auto has_zero = [](std::uint64_t x) { return ((x - ones) & ~x & highs) != 0; };
  while (end - p >= 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    const bool suspect = ((w - ones * 0x20) & ~w & highs) != 0 ||  // a byte < 0x20
                         has_zero(w ^ (ones * 0x7F)) || has_zero(w ^ (ones * 0x5C)) ||
                         has_zero(w ^ (ones * 0xC2));
    if (suspect) break;
    p += 8;
  }
#endif
  // (No block before p had 0xC2, so no C1 character starts before p.)
  for (; p < end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c == 0x7F || c == '\\') return false;
    if (c == 0xC2 && p + 1 < end && static_cast<unsigned char>(p[1]) <= 0x9F &&
        static_cast<unsigned char>(p[1]) >= 0x80) {
      return false;
    }
  }
  return true;
}

/// Whether an unescaped string holds a control character (C0, DEL, C1).
bool has_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

/// Whether a one-line text is blank (white space only), without building the squeezed copy
/// when it starts with a visible ASCII character (nearly always).
bool blank(std::string_view s) {
  if (!s.empty()) {
    const auto c = static_cast<unsigned char>(s[0]);
    if (c > ' ' && c < 0x80) return false;
  }
  return squeeze_spaces(s).empty();
}

/// The token of a scalar value as written, without the white space after it.
std::string_view token(od::value& v) {
  std::string_view t = v.raw_json_token();
  while (!t.empty() &&
         (t.back() == ' ' || t.back() == '\n' || t.back() == '\r' || t.back() == '\t')) {
    t.remove_suffix(1);
  }
  return t;
}

/// A key as written (between its quotes); "" (no key of the format) when it has an escape.
std::string_view key_of(od::field& f) {
  const char* s = f.key().raw();
#if defined(__SSE2__)
  // Sixteen bytes at a time (the key is in a padded buffer).
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (const char* p = s;; p += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const auto q = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, quote)));
    const auto e = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, backslash)));
    if ((q | e) == 0) continue;
    // An escape before the closing quote: not a key of the format.
    if (e != 0 && (q == 0 || __builtin_ctz(e) < __builtin_ctz(q))) return {};
    return {s, static_cast<std::size_t>(p - s) + static_cast<std::size_t>(__builtin_ctz(q))};
  }
#else
  const char* p = s;
  while (*p != '"') {
    if (*p == '\\') return {};
    ++p;
  }
  return {s, static_cast<std::size_t>(p - s)};
#endif
}

void mark(unsigned& seen, unsigned bit) {
  if ((seen & bit) != 0) fail();
  seen |= bit;
}

class OnDemandReader {
 public:
  OnDemandReader(const ReleaseText& release, const UnitRegister* units)
      : release_(release), codes_(units) {}

  /// Reads a canonical text in pieces (a parser and buffer of about kPiece bytes, whatever the
  /// size of the text), or, when the text is not laid out as the writer lays it out, whole.
  Registry read(std::string_view text) {
    // A byte order mark: the DOM reader decides (simdjson would skip it).
    if (!text.empty() && static_cast<unsigned char>(text[0]) == 0xEF) fail();
    text_size_ = text.size();
    if (!read_in_pieces(text)) {
      od::document doc = iterate(text, 0, text.size(), "", "");
      members_of(doc);
    }
    if ((seen_ | 4 | 512) != 1023) fail();
    registry_.set_note(note_);
    return std::move(registry_);
  }

 private:
  static constexpr std::size_t kPiece = std::size_t{1} << 16U;
  static constexpr std::string_view kEntries = "\n  \"entries\": [";
  // Between two entries (an entry's first key is its id: the objects of another array after
  // the entries, the figures, start otherwise, so a cut never falls among them).
  static constexpr std::string_view kBetween = "\n    },\n    {\n      \"id\": ";
  static constexpr std::string_view kEnd = "\n  ]";

  /// text[from, to) between `open` and `close`, in the padded buffer, iterated by the parser.
  od::document iterate(std::string_view text, std::size_t from, std::size_t to,
                       std::string_view open, std::string_view close) {
    const std::size_t n = open.size() + (to - from) + close.size();
    if (piece_.size() < n + simdjson::SIMDJSON_PADDING) {
      piece_.assign(n + simdjson::SIMDJSON_PADDING + n / 4, ' ');
    }
    char* out = piece_.data();
    std::memcpy(out, open.data(), open.size());
    std::memcpy(out + open.size(), text.data() + from, to - from);
    std::memcpy(out + open.size() + (to - from), close.data(), close.size());
    std::memset(out + n, ' ', simdjson::SIMDJSON_PADDING);
    od::document doc;
    if (parser_.iterate(out, n, piece_.size()).get(doc) != simdjson::SUCCESS) fail();
    return doc;
  }

  /// Nothing after the document's value (simdjson says "out of bounds" only at the end).
  static void end_of(od::document& doc) {
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) fail();
  }

  /// The members of an object document, each read by member(); fails on an empty object
  /// (the head and the tail of a text read in pieces have members, else a comma was extra).
  void members_of(od::document& doc) {
    od::object o;
    if (doc.get_object().get(o) != simdjson::SUCCESS) fail();
    bool any = false;
    for (auto item : o) {
      od::field f;
      if (std::move(item).get(f) != simdjson::SUCCESS) fail();
      member(key_of(f), f.value());
      any = true;
    }
    if (!any) fail();
    end_of(doc);
  }

  /// The canonical layout: the members before "entries" (a document of their own), the entries
  /// in pieces of about kPiece bytes cut between two entries (each piece an array of its own),
  /// then the members after them. false when the text is not laid out so. A cut can only be
  /// between two entries: it is at a line break, and a string holds none (a piece cut inside a
  /// string ends inside it, which simdjson refuses; a piece that is not a whole array of
  /// entries is refused too). The entries end at the first line "  ]" after the last cut.
  bool read_in_pieces(std::string_view text) {
    const std::size_t key = text.find(kEntries);
    if (key == std::string_view::npos || key == 0 || text[key - 1] != ',') return false;
    {
      od::document head = iterate(text, 0, key - 1, "", "}");
      members_of(head);
    }
    mark(seen_, 32);
    start_entries();
    std::size_t at = key + kEntries.size();
    if (at < text.size() && text[at] != ']') {
      while (true) {
        std::size_t cut =
            at + kPiece < text.size() ? text.find(kBetween, at + kPiece) : std::string_view::npos;
        const bool last = cut == std::string_view::npos;
        if (last) {
          cut = text.find(kEnd, at);
          if (cut == std::string_view::npos) fail();
        } else {
          cut += 6;  // after the entry's '}'
        }
        od::document piece = iterate(text, at, cut, "[", "]");
        od::array entries;
        if (piece.get_array().get(entries) != simdjson::SUCCESS) fail();
        for (auto item : entries) {
          od::value x;
          if (std::move(item).get(x) != simdjson::SUCCESS) fail();
          read_entry(x);
        }
        end_of(piece);
        if (release_) release_(cut);
        if (last) {
          at = cut + kEnd.size();
          break;
        }
        at = cut + 1;  // after the ','
      }
    } else {
      ++at;  // "[]"
    }
    codes_.finish(registry_);
    // The members after the entries, as an object of their own (or none).
    std::size_t rest = at;
    while (rest < text.size() && is_space(text[rest])) ++rest;
    if (rest < text.size() && text[rest] == ',') {
      od::document tail = iterate(text, rest + 1, text.size(), "{", "");
      members_of(tail);
    } else {
      if (rest >= text.size() || text[rest] != '}') fail();
      for (++rest; rest < text.size(); ++rest) {
        if (!is_space(text[rest])) fail();
      }
    }
    return true;
  }

  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

  void member(std::string_view k, od::value& v) {
    if (k == "schema") {
      mark(seen_, 1);
      if (text_of(v) != "danvan/registry") fail();
    } else if (k == "version") {
      mark(seen_, 2);
      const long long version = integer(v);
      if (!fast_version(version)) fail();  // version 1: the DOM reader upgrades
      version_ = static_cast<int>(version);
    } else if (k == "note") {
      mark(seen_, 4);
      if (!null(v)) {
        nfc(v, buf_);
        note_ = buf_;
      }
    } else if (k == "recognition_years") {
      mark(seen_, 64);
      if (!null(v)) {
        const long long y = integer(v);
        if (y < 1 || y > 100) fail();
        years_ = static_cast<int>(y);
      }
    } else if (k == "fields") {
      mark(seen_, 8);
      read_terms(v, fields_);
    } else if (k == "grades") {
      mark(seen_, 128);
      read_terms(v, grades_);
    } else if (k == "forms") {
      mark(seen_, 256);
      read_terms(v, forms_);
    } else if (k == "units") {
      mark(seen_, 16);
      registry_ = Registry(read_units(v));
      have_units_ = true;
    } else if (k == "entries") {
      mark(seen_, 32);
      start_entries();
      elements(v, [&](od::value& x) { read_entry(x); });
      codes_.finish(registry_);
    } else if (k == "figures") {
      // After the entries (the canonical order), so units and fields are declared.
      if ((seen_ & 32) == 0) fail();
      mark(seen_, 512);
      od::array a = array(v);
      std::string_view raw;
      if (a.raw_json().get(raw) != simdjson::SUCCESS) fail();
      if (!detail::read_figures_text(raw, registry_)) fail();
    } else {
      fail();
    }
  }

  /// Declares what the entries use: the units, terms and recognition years come before them.
  void start_entries() {
    if (!have_units_ || (seen_ & (2 | 8 | 64 | 128 | 256)) != (2 | 8 | 64 | 128 | 256)) fail();
    for (auto& t : fields_) registry_.declare_field(std::move(t));
    for (auto& g : grades_) registry_.declare_grade({std::move(g.id), std::move(g.name)});
    for (auto& t : forms_) registry_.declare_form({std::move(t.id), std::move(t.name)});
    registry_.set_recognition_years(years_);
    // Room for the entries, estimated from the text's size (a canonical entry takes 400 bytes
    // or more; its stored texts about a fifth of them).
    RegistryLoad::reserve(registry_, text_size_ / 400, text_size_ / 5);
  }

 private:
  // ---- values

  static bool null(od::value& v) { return token(v) == "null"; }
  static bool boolean(od::value& v) {
    const std::string_view t = token(v);
    if (t == "true") return true;
    if (t != "false") fail();
    return false;
  }
  static long long integer(od::value& v) {
    const auto n = canonical_integer(token(v));
    if (!n) fail();
    return *n;
  }
  /// A string's text: a view of the document when it has no escape (nearly always), else of
  /// simdjson's unescaped copy (valid until the next string is unescaped); every string is
  /// checked for control characters as the DOM reader checks text.
  static std::string_view text_of(od::value& v) {
    const std::string_view t = token(v);
    if (t.size() < 2 || t.front() != '"' || t.back() != '"' || t.size() - 2 > kMaxString) fail();
    const std::string_view s = t.substr(1, t.size() - 2);
    if (plain_string(s)) return s;
    std::string_view u;
    if (v.get_string().get(u) != simdjson::SUCCESS || has_control(u)) fail();
    return u;
  }
  static void string(od::value& v, std::string& out) { out.assign(text_of(v)); }
  /// A string parsed by `parse` (an enum's name), without copying it.
  template <typename T, typename Parse>
  static void parsed(od::value& v, T& out, Parse parse) {
    out = parse(text_of(v));
  }
  template <typename T, typename Parse>
  void parsed_or_null(od::value& v, T& out, Parse parse) {
    if (!null(v)) parsed(v, out, parse);
  }
  static void id(od::value& v, std::string& out) {
    string(v, out);
    if (!is_valid_id(out)) fail();
  }
  static void nfc(od::value& v, std::string& out) {
    string(v, out);
    if (!is_nfc(out)) fail();
  }
  static void text(od::value& v, std::string& out) {
    nfc(v, out);
    if (blank(out)) fail();
  }
  static void optional_text(od::value& v, std::optional<std::string>& out) {
    if (null(v)) {
      out.reset();
      return;
    }
    if (!out) out.emplace();
    text(v, *out);
  }
  static void optional_id(od::value& v, std::optional<std::string>& out) {
    if (null(v)) {
      out.reset();
      return;
    }
    if (!out) out.emplace();
    id(v, *out);
  }
  static PartialDate date(od::value& v) {
    const auto d = canonical_date(text_of(v));
    if (!d) fail();
    return *d;
  }
  static od::array array(od::value& v) {
    od::array a;
    if (v.get_array().get(a) != simdjson::SUCCESS) fail();
    return a;
  }
  template <typename Element>
  static void elements(od::value& v, Element&& element) {
    od::array a = array(v);
    for (auto item : a) {
      od::value x;
      if (std::move(item).get(x) != simdjson::SUCCESS) fail();
      element(x);
    }
  }
  template <typename Member>
  static void members(od::value& v, Member&& member) {
    od::object o;
    if (v.get_object().get(o) != simdjson::SUCCESS) fail();
    for (auto item : o) {
      od::field f;
      if (std::move(item).get(f) != simdjson::SUCCESS) fail();
      member(key_of(f), f.value());
    }
  }
  /// A unit reference: an id, or "code:..." when codes_ takes them (by_code_ then set).
  void unit_ref(od::value& v, std::string& out) {
    string(v, out);
    if (!FastCodes::unit_ref(out, codes_.codes(version_))) fail();
    if (out[0] == 'c' && out.rfind("code:", 0) == 0) by_code_ = true;
  }
  void optional_unit_ref(od::value& v, std::optional<std::string>& out) {
    if (null(v)) {
      out.reset();
      return;
    }
    if (!out) out.emplace();
    unit_ref(v, *out);
  }
  /// An array of unit references, none listed twice.
  void distinct_unit_refs(od::value& v, std::vector<std::string>& out) {
    distinct(v, out, [&](od::value& x, std::string& s) { unit_ref(x, s); });
  }
  /// An array of valid ids, none listed twice (as ObjectReader::ids wants).
  static void distinct_ids(od::value& v, std::vector<std::string>& out) {
    distinct(v, out, [](od::value& x, std::string& s) { id(x, s); });
  }
  /// An array of strings, each read by `read`, none listed twice.
  template <typename Read>
  static void distinct(od::value& v, std::vector<std::string>& out, Read read) {
    // The strings of the previous list are reused (no allocation for a long id read again).
    std::size_t n = 0;
    elements(v, [&](od::value& x) {
      if (n == out.size()) out.emplace_back();
      read(x, out[n++]);
    });
    out.resize(n);
    if (out.size() > 16) {
      std::unordered_set<std::string_view> unique(out.begin(), out.end());
      if (unique.size() != out.size()) fail();
    } else {
      // A few ids (nearly always): compared pairwise, without the set's allocations.
      for (std::size_t k = 1; k < out.size(); ++k) {
        for (std::size_t m = 0; m < k; ++m) {
          if (out[m] == out[k]) fail();
        }
      }
    }
  }

  // ---- the document's parts

  void read_terms(od::value& v, std::vector<Field>& terms) {
    elements(v, [&](od::value& x) {
      Field t;
      unsigned seen = 0;
      members(x, [&](std::string_view k, od::value& m) {
        if (k == "id") {
          mark(seen, 1);
          id(m, t.id);
        } else if (k == "name") {
          mark(seen, 2);
          text(m, t.name);
        } else {
          fail();
        }
      });
      if (seen != 3) fail();
      terms.push_back(std::move(t));
    });
  }

  /// The embedded units, read by the units reader from their text (it gives up the same way).
  static UnitHierarchy read_units(od::value& v) {
    od::array a = array(v);
    std::string_view raw;
    if (a.raw_json().get(raw) != simdjson::SUCCESS) fail();
    std::string doc =
        R"({"schema":"danvan/units","version":)" + std::to_string(json_version) + R"(,"units":)";
    doc.append(raw);
    doc += '}';
    return danvan::read_units(doc);  // (a problem throws JsonDocumentError: the caller gives up)
  }

  void read_event(od::value& v, Event& ev) {
    unsigned seen = 0;
    ev = Event{};
    members(v, [&](std::string_view k, od::value& m) {
      if (k == "type") {
        mark(seen, event_type);
        parsed(m, ev.type, parse_event_type);
      } else if (k == "date") {
        mark(seen, event_date);
        ev.date = date(m);
      } else if (k == "level") {
        mark(seen, event_level);
        parsed_or_null(m, ev.level, parse_level);
      } else if (k == "by") {
        mark(seen, event_by);
        optional_unit_ref(m, ev.by);
      } else if (k == "decision") {
        mark(seen, event_decision);
        optional_text(m, ev.decision);
      } else if (k == "units") {
        mark(seen, event_units);
        distinct_unit_refs(m, ev.unit_ids);
      } else if (k == "year") {
        mark(seen, event_year);
        const long long y = integer(m);
        if (y < 1400 || y > 9999) fail();
        ev.year = static_cast<int>(y);
      } else if (k == "effective") {
        mark(seen, event_effective);
        ev.effective = boolean(m);
      } else if (k == "grade") {
        mark(seen, event_grade);
        optional_id(m, ev.grade);
      } else if (k == "form") {
        mark(seen, event_form);
        optional_id(m, ev.form);
      } else if (k == "status") {
        mark(seen, event_status);
        parsed_or_null(m, ev.status, parse_commendation_status);
      } else if (k == "kind") {
        mark(seen, event_kind);
        parsed(m, ev.kind, parse_entry_kind);
      } else {
        fail();
      }
    });
    if (!event_keys_fit(ev.type, seen, version_)) fail();
    if (ev.type == EventType::replicated && ev.unit_ids.empty()) fail();
  }

  void read_entry(od::value& x) {
    Entry& e = entry_;
    {
      unsigned seen = 0;
      std::size_t events = 0;
      e.place_unit_ids.clear();
      by_code_ = false;
      members(x, [&](std::string_view k, od::value& m) {
        if (k == "id") {
          mark(seen, 1);
          id(m, e.id);
          RegistryLoad::prefetch_id(registry_, e.id);
        } else if (k == "kind") {
          mark(seen, 2);
          parsed(m, e.kind, parse_entry_kind);
        } else if (k == "subject") {
          mark(seen, 4);
          parsed(m, e.subject, parse_subject);
        } else if (k == "name") {
          mark(seen, 8);
          text(m, e.name);
        } else if (k == "unit") {
          mark(seen, 16);
          unit_ref(m, e.unit_id);
          RegistryLoad::prefetch_unit(registry_, e.unit_id);
        } else if (k == "places") {
          mark(seen, 512);
          if (!null(m)) distinct_unit_refs(m, e.place_unit_ids);
        } else if (k == "fields") {
          mark(seen, 32);
          distinct_ids(m, e.field_ids);
        } else if (k == "description") {
          mark(seen, 64);
          nfc(m, e.description);
        } else if (k == "person") {
          mark(seen, 128);
          optional_text(m, e.person_name);
        } else if (k == "events") {
          mark(seen, 256);
          elements(m, [&](od::value& ev) {
            if (events == e.events.size()) e.events.emplace_back();
            read_event(ev, e.events[events++]);
          });
        } else {
          fail();
        }
      });
      if ((seen | 128 | 512) != 1023) fail();
      if ((seen & 128) == 0) e.person_name.reset();  // (kept until here: its room is reused)
      e.events.resize(events);
      // Every text was checked to be NFC above: add() without its normalisation step (or the
      // entry held, when entries name units by official code).
      codes_.add(registry_, e, by_code_);
    }
  }

  const ReleaseText& release_;
  od::parser parser_;
  std::string piece_;
  unsigned seen_ = 0;
  int version_ = 0;  // read before the entries
  std::size_t text_size_ = 0;
  Registry registry_;
  bool have_units_ = false;
  std::vector<Field> fields_;
  std::vector<Field> grades_;
  std::vector<Field> forms_;
  std::optional<std::string> note_;
  std::optional<int> years_;
  Entry entry_;
  std::string buf_;
  FastCodes codes_;
  bool by_code_ = false;  // the entry being read names a unit by official code
};

}  // namespace

Registry read_registry_ondemand(std::string_view text, const ReleaseText& release,
                                const UnitRegister* units) {
  return OnDemandReader(release, units).read(text);
}

}  // namespace danvan::detail
