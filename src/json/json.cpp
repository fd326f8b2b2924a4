#include "danvan/json/plan.hpp"

#include "base/enum_names.hpp"
#include "danvan/io.hpp"
#include "danvan/text.hpp"
#include "json/object_reader.hpp"
#include "json/plan_parts.hpp"
#include "json/unit_codes.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <utility>

namespace danvan {

using detail::child_pointer;
using detail::ObjectReader;
using detail::Problems;

namespace {

template <class T>
Json optional_json(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json optional_date(const std::optional<Date>& value) {
  return value ? Json(to_iso(*value)) : Json(nullptr);
}

Json optional_partial(const std::optional<PartialDate>& value) {
  return value ? to_json(*value) : Json(nullptr);
}

Json string_array(const std::vector<std::string>& values) {
  Json a = Json::array();
  for (const auto& v : values) a.push_back(v);
  return a;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Text

namespace {

/// Tracks where the parser is, to name duplicate keys by pointer.
class DuplicateKeyFinder {
 public:
  explicit DuplicateKeyFinder(Problems& problems) : problems_(problems) {}

  bool operator()(int /*depth*/, nlohmann::json::parse_event_t event, Json& parsed) {
    using E = nlohmann::json::parse_event_t;
    switch (event) {
      case E::object_start:
        frames_.push_back(Frame{true, {}, {}, 0});
        break;
      case E::array_start:
        frames_.push_back(Frame{false, {}, {}, 0});
        break;
      case E::key: {
        Frame& f = frames_.back();
        f.key = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second) {
          problems_.add(pointer(), "duplicate key \"" + f.key + "\"");
        }
        break;
      }
      case E::object_end:
      case E::array_end:
        frames_.pop_back();
        advance();
        break;
      case E::value:
        advance();
        break;
    }
    return true;
  }

  /// Where the parser is: the pointer of the value it reads (or last read).
  std::string pointer() const {
    std::string p;
    for (const auto& f : frames_) {
      p = f.object ? child_pointer(p, f.key) : child_pointer(p, f.index);
    }
    return p;
  }

 private:
  void advance() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
  }
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string key;
    std::size_t index;
  };
  Problems& problems_;
  std::vector<Frame> frames_;
};

}  // namespace

namespace {
/// The parser's message with bytes that are not UTF-8 (it quotes what it last read, which
/// may be the offending byte) shown as \xNN, so messages stay valid UTF-8.
std::string escape_malformed(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t n = detail::sequence_length(text, i);
    if (n == 0) {
      const auto b = static_cast<unsigned char>(text[i]);
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 0xF];
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}
}  // namespace

namespace {

/// "line L, column C" of a byte offset (both 1-based; columns count bytes, as the parser's).
std::string line_and_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(offset - line_start + 1);
}

[[noreturn]] void throw_at(std::string_view text, std::size_t offset, const std::string& what) {
  throw JsonDocumentError(
      {JsonProblem{"", "invalid JSON: " + what + " at " + line_and_column(text, offset)}});
}

/// One pass over the text before the parser sees it: the parser treats a NUL byte as the end
/// of the input (so "{...}\0anything" would pass), and its DOM is copied recursively (a deep
/// document would overflow the stack). Strings are skipped by their escapes; the scan needs
/// no other syntax: what it does not reject, the parser checks.
void check_limits(std::string_view text, const JsonLimits& limits) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    switch (text[i]) {
      case '\0':
        throw_at(text, i, "NUL byte");
      case '[':
      case '{':
        if (++depth > limits.max_depth) {
          throw_at(text, i,
                   "more than " + std::to_string(limits.max_depth) + " nested arrays and objects");
        }
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      case '"': {
        const std::size_t open = i;
        for (++i; i < text.size() && text[i] != '"'; ++i) {
          if (text[i] == '\0') throw_at(text, i, "NUL byte");
          if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\0') ++i;
        }
        if (i - open - 1 > limits.max_string_bytes) {
          throw_at(text, open,
                   "a string longer than " + std::to_string(limits.max_string_bytes) + " bytes");
        }
        break;
      }
      default:
        break;
    }
  }
}

/// The parser quotes the whole token it failed in ("last read: '...'"), which may be megabytes
/// long: keep its last 40 bytes (from a UTF-8 lead byte), with "..." before them.
std::string shorten_last_read(std::string what) {
  static constexpr std::string_view marker = "last read: '";
  const auto at = what.find(marker);
  if (at == std::string::npos) return what;
  const std::size_t start = at + marker.size();
  std::size_t end = what.find("'; expected", start);
  if (end == std::string::npos)
    end = what.size() > start && what.back() == '\'' ? what.size() - 1 : what.size();
  if (end - start <= 40) return what;
  std::size_t keep = end - 40;
  while (keep < end && (static_cast<unsigned char>(what[keep]) & 0xC0) == 0x80) ++keep;
  return what.substr(0, start) + "..." + what.substr(keep);
}

/// The number quoted in the parser's out-of-range message ("number overflow parsing '1e400'"),
/// cut to 40 bytes.
std::string overflowing_number(const std::string& what) {
  const auto open = what.find('\'');
  const auto close = what.rfind('\'');
  if (open == std::string::npos || close <= open) return "";
  std::string number = what.substr(open + 1, close - open - 1);
  if (number.size() > 40) number = number.substr(0, 37) + "...";
  return escape_malformed(number);
}

}  // namespace

Json parse_json(std::string_view text) { return parse_json(text, JsonLimits{}); }

Json parse_json(std::string_view text, const JsonLimits& limits) {
  check_limits(text, limits);
  Problems problems;
  Json value;
  DuplicateKeyFinder finder(problems);
  try {
    value = Json::parse(text.begin(), text.end(), std::ref(finder), true, false);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    const auto close = what.find("] ");
    if (close != std::string::npos) what = what.substr(close + 2);
    throw JsonDocumentError(
        {JsonProblem{"", "invalid JSON: " + escape_malformed(shorten_last_read(what))}});
  } catch (const nlohmann::json::out_of_range& e) {
    // Only a number beyond the range of a double gets here (out_of_range.406); the finder
    // knows where the parser was.
    throw JsonDocumentError(
        {JsonProblem{finder.pointer(),
                     "number out of range (beyond a double): " + overflowing_number(e.what())}});
  } catch (const nlohmann::json::exception& e) {
    throw JsonDocumentError(
        {JsonProblem{finder.pointer(), "invalid JSON: " + escape_malformed(e.what())}});
  }
  problems.throw_if_any();
  return value;
}

namespace {

/// Throws JsonError at the first key or string of `value` holding a control character (other
/// than U+000A, which prose may hold): the readers refuse them, so a writer must not write them.
void check_no_control_characters(const Json& value, const std::string& pointer) {
  if (value.is_string()) {
    const std::string problem =
        detail::control_character_problem(value.get_ref<const std::string&>(), detail::Lines::many);
    if (!problem.empty()) throw JsonError(pointer, problem);
  } else if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      const std::string child = detail::child_pointer(pointer, key);
      const std::string problem = detail::control_character_problem(key, detail::Lines::one);
      if (!problem.empty()) throw JsonError(child, "key: " + problem);
      check_no_control_characters(member, child);
    }
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      check_no_control_characters(value[i], detail::child_pointer(pointer, i));
    }
  }
}

}  // namespace

std::string to_document_text(const Json& value) {
  check_no_control_characters(value, "");
  return to_canonical_text(value);
}

std::string to_canonical_text(const Json& value) {
  try {
    return value.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
  } catch (const nlohmann::json::type_error& e) {
    // type_error.316: a string is not valid UTF-8.
    std::string what = e.what();
    const auto close = what.find("] ");
    if (close != std::string::npos) what = what.substr(close + 2);
    throw ValueError("cannot write JSON: " + escape_malformed(what));
  }
}

std::string document_schema(const Json& document) {
  if (!document.is_object()) {
    throw JsonDocumentError({JsonProblem{
        "", "expected a danvan document (an object), got " + detail::describe_type(document)}});
  }
  const auto it = document.find("schema");
  if (it == document.end()) {
    throw JsonDocumentError({JsonProblem{"", "missing required key \"schema\""}});
  }
  if (!it->is_string()) {
    throw JsonDocumentError(
        {JsonProblem{"/schema", "expected a string, got " + detail::describe_type(*it)}});
  }
  return it->get<std::string>();
}

// ---------------------------------------------------------------------------------------------
// Writers

Json to_json(const PartialDate& date) { return Json(date.iso()); }
Json to_json(const Symbol& symbol) { return Json(symbol.canonical()); }

Json to_json(const Issuer& issuer) {
  Json j = Json::object();
  j["id"] = issuer.id;
  j["name"] = issuer.name;
  j["code"] = optional_json(issuer.code);
  j["parent"] = optional_json(issuer.parent_id);
  j["valid_from"] = optional_partial(issuer.valid_from);
  j["valid_to"] = optional_partial(issuer.valid_to);
  j["successors"] = string_array(issuer.successor_ids);
  return j;
}

Json to_json(const Instrument& in) {
  Json j = Json::object();
  j["id"] = in.id;
  j["type"] = std::string(to_string(in.type));
  j["family"] = std::string(to_string(in.family));
  j["number"] = optional_json(in.number);
  j["symbol"] = in.symbol ? to_json(*in.symbol) : Json(nullptr);
  j["issuers"] = string_array(in.issuer_ids);
  j["date"] = optional_partial(in.date);
  j["term"] = optional_json(in.term);
  if (in.period) {
    Json p = Json::object();
    p["first"] = in.period->first;
    p["last"] = in.period->last;
    j["period"] = p;
  } else {
    j["period"] = nullptr;
  }
  j["title"] = optional_json(in.title);
  return j;
}

Json to_json(const Unit& unit) {
  Json j = Json::object();
  j["id"] = unit.id;
  j["name"] = unit.name;
  j["kind"] = std::string(to_string(unit.kind));
  j["level"] = std::string(to_string(unit.level));
  j["parent"] = optional_json(unit.parent_id);
  j["valid_from"] = optional_date(unit.valid_from);
  j["valid_to"] = optional_date(unit.valid_to);
  j["predecessors"] = string_array(unit.predecessor_ids);
  j["successors"] = string_array(unit.successor_ids);
  // Written only when known, so documents without them keep their canonical text.
  if (unit.code) j["code"] = *unit.code;
  if (unit.basis) j["basis"] = *unit.basis;
  return j;
}

namespace {

Json citations_json(const std::vector<Citation>& citations) {
  Json a = Json::array();
  for (const auto& c : citations) a.push_back(Json(c));
  return a;
}

Json catalogue_members(const InstrumentCatalogue& catalogue, Json& j) {
  Json issuers = Json::array();
  for (const auto& i : catalogue.issuers()) issuers.push_back(to_json(i));
  Json instruments = Json::array();
  for (const auto& i : catalogue.instruments()) instruments.push_back(to_json(i));
  j["issuers"] = issuers;
  j["instruments"] = instruments;
  return j;
}

Json units_array(const UnitHierarchy& units) {
  Json a = Json::array();
  for (const auto& u : units.units()) a.push_back(to_json(u));
  return a;
}

Json header(std::string_view schema) {
  Json j = Json::object();
  j["schema"] = std::string(schema);
  j["version"] = json_version;
  return j;
}

}  // namespace

Json to_json(const Plan& plan) {
  Json j = header("danvan/plan");
  j["version"] = plan_json_version;
  j["id"] = plan.id;
  j["title"] = plan.title;
  j["issuer"] = plan.issuer_id;
  j["symbol"] = plan.symbol ? to_json(*plan.symbol) : Json(nullptr);
  j["issue_date"] = optional_partial(plan.issue_date);
  j["document_type"] = std::string(to_string(plan.document_type));
  j["place"] = optional_json(plan.place);
  j["issuer_header"] = string_array(plan.issuer_header);
  if (plan.period) {
    Json p = Json::object();
    p["from"] = optional_partial(plan.period->from);
    p["to"] = optional_partial(plan.period->to);
    p["text"] = plan.period->text;
    j["period"] = p;
  } else {
    j["period"] = nullptr;
  }
  Json scope = Json::array();
  for (const auto k : plan.scope) scope.push_back(std::string(to_string(k)));
  j["scope"] = scope;
  j["purposes"] = string_array(plan.purposes);
  j["requirements"] = string_array(plan.requirements);
  j["targets"] = string_array(plan.targets);
  Json milestones = Json::array();
  for (const auto& m : plan.milestones) milestones.push_back(Json(m));
  j["milestones"] = milestones;
  j["legal_bases"] = citations_json(plan.legal_bases);
  Json areas = Json::array();
  for (const auto& t : plan.task_areas) {
    Json tj = Json::object();
    tj["number"] = t.number;
    tj["label"] = t.label;
    tj["text"] = t.text;
    tj["details"] = string_array(t.details);
    tj["citations"] = citations_json(t.citations);
    tj["lead_units"] = string_array(t.lead_unit_ids);
    tj["participating_units"] = string_array(t.participating_unit_ids);
    areas.push_back(tj);
  }
  j["task_areas"] = areas;
  Json duties = Json::array();
  for (const auto& d : plan.duties) {
    Json dj = Json::object();
    dj["unit"] = d.unit;
    dj["unit_id"] = optional_json(d.unit_id);
    dj["role"] = std::string(to_string(d.role));
    dj["text"] = d.text;
    duties.push_back(dj);
  }
  j["duties"] = duties;
  j["funding"] = string_array(plan.funding);
  Json reporting = Json::array();
  for (const auto& r : plan.reporting) {
    Json rj = Json::object();
    rj["text"] = r.text;
    if (r.every_year) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%02d-%02d", r.every_year->month % 100,
                    r.every_year->day % 100);
      rj["every_year"] = std::string(buf);
    } else {
      rj["every_year"] = nullptr;
    }
    rj["date"] = optional_partial(r.date);
    rj["every_month"] = optional_json(r.every_month);
    if (r.every_day) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%02d:%02d", r.every_day->hour % 100,
                    r.every_day->minute % 100);
      rj["every_day"] = std::string(buf);
    }
    reporting.push_back(rj);
  }
  j["reporting"] = reporting;
  if (plan.signature) {
    Json sj = Json::object();
    sj["authority"] = plan.signature->authority;
    sj["title"] = plan.signature->title;
    sj["name"] = plan.signature->name;
    j["signature"] = sj;
  } else {
    j["signature"] = nullptr;
  }
  j["recipients"] = string_array(plan.recipients);
  Json annexes = Json::array();
  for (const auto& a : plan.annexes) {
    Json aj = Json::object();
    aj["title"] = a.title;
    Json tables = Json::array();
    for (const auto& t : a.tables) {
      Json rows = Json::array();
      for (const auto& row : t.rows) rows.push_back(string_array(row));
      tables.push_back(rows);
    }
    aj["tables"] = tables;
    annexes.push_back(aj);
  }
  j["annexes"] = annexes;
  Json outline = Json::array();
  for (const auto& o : plan.outline) {
    Json oj = Json::object();
    oj["level"] = o.level;
    oj["label"] = o.label;
    oj["text"] = o.text;
    outline.push_back(oj);
  }
  j["outline"] = outline;
  if (plan.source) {
    Json s = Json::object();
    s["title"] = plan.source->title;
    s["published"] = optional_partial(plan.source->published);
    s["author"] = optional_json(plan.source->author);
    s["url"] = optional_json(plan.source->url);
    s["note"] = optional_json(plan.source->note);
    j["source"] = s;
  } else {
    j["source"] = nullptr;
  }
  catalogue_members(plan.catalogue, j);
  j["units"] = units_array(plan.units);
  return j;
}

Json to_json(const InstrumentCatalogue& catalogue) {
  Json j = header("danvan/instruments");
  catalogue_members(catalogue, j);
  return j;
}

Json to_json(const UnitHierarchy& units) {
  Json j = header("danvan/units");
  j["units"] = units_array(units);
  return j;
}

// ---------------------------------------------------------------------------------------------
// Readers

namespace {

/// "05" -> "5", "0" -> "0": document numbers compare without leading zeros.
std::string strip_zeros(const std::string& number) {
  const auto i = number.find_first_not_of('0');
  return i == std::string::npos ? std::string("0") : number.substr(i);
}

template <class Parse>
auto enum_value(ObjectReader& r, std::string_view key, Parse parse) {
  return r.parsed<decltype(parse(std::string_view{}))>(key, true, parse);
}

std::optional<Issuer> read_issuer(const Json& j, const std::string& ptr, Problems& problems) {
  ObjectReader r(j, ptr, problems);
  if (!r.ok()) return std::nullopt;
  Issuer issuer;
  const std::size_t before = problems.size();
  auto id = r.id("id");
  auto name = r.text("name");
  issuer.code = r.text("code", false);
  issuer.parent_id = r.id("parent", false);
  issuer.valid_from = r.partial_date("valid_from", false);
  issuer.valid_to = r.partial_date("valid_to", false);
  issuer.successor_ids = r.ids("successors");
  r.finish();
  if (issuer.valid_from && issuer.valid_to &&
      issuer.valid_from->first_day() > issuer.valid_to->last_day()) {
    problems.add(r.pointer_to("valid_to"), "valid_to " + issuer.valid_to->iso() +
                                               " is before valid_from " + issuer.valid_from->iso());
  }
  if (problems.size() != before || !id || !name) return std::nullopt;
  issuer.id = *id;
  issuer.name = *name;
  return issuer;
}

std::optional<Instrument> read_instrument(const Json& j, const std::string& ptr,
                                          Problems& problems) {
  ObjectReader r(j, ptr, problems);
  if (!r.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  Instrument in;
  auto id = r.id("id");
  auto type = enum_value(r, "type", parse_document_type);
  auto family = enum_value(r, "family", parse_document_family);
  in.number = r.text("number", false);
  if (in.number) {
    const auto& n = *in.number;
    const bool digits = !n.empty() && n.size() <= 10 && n.front() >= '0' && n.front() <= '9';
    if (!digits) {
      problems.add(r.pointer_to("number"),
                   "expected a document number such as \"23\" or "
                   "\"05\", got \"" +
                       n + "\"");
    }
  }
  const auto symbol_text = r.string("symbol", false);
  in.issuer_ids = r.ids("issuers", true);
  if (r.member("issuers", false) != nullptr && in.issuer_ids.empty() && problems.size() == before) {
    problems.add(r.pointer_to("issuers"), "an instrument needs at least one issuer");
  }
  in.date = r.partial_date("date", false);
  in.term = r.text("term", false);
  if (const Json* p = r.member("period", false)) {
    ObjectReader pr(*p, r.pointer_to("period"), problems);
    auto first = pr.integer("first", 1900, 2200);
    auto last = pr.integer("last", 1900, 2200);
    pr.finish();
    if (first && last) {
      if (*first > *last) {
        problems.add(r.pointer_to("period"), "period runs backwards: " + std::to_string(*first) +
                                                 " to " + std::to_string(*last));
      } else {
        in.period = YearRange{static_cast<int>(*first), static_cast<int>(*last)};
      }
    }
  }
  in.title = r.text("title", false);
  r.finish();
  if (symbol_text && family) {
    try {
      Symbol s = parse_symbol(*symbol_text);
      if (s.family != *family) {
        problems.add(r.pointer_to("symbol"),
                     "symbol \"" + s.canonical() + "\" is a " + std::string(to_string(s.family)) +
                         " symbol, but family is " + std::string(to_string(*family)));
      } else if (type && s.type && !s.type_code.empty() && *s.type != *type) {
        // (A symbol without a type code states no type: see Instrument's rule.)
        problems.add(r.pointer_to("symbol"), "symbol \"" + s.canonical() + "\" is a " +
                                                 std::string(to_string(*s.type)) +
                                                 ", but type is " + std::string(to_string(*type)));
      } else if (in.number && strip_zeros(s.number) != strip_zeros(*in.number)) {
        problems.add(r.pointer_to("symbol"), "symbol \"" + s.canonical() + "\" has number " +
                                                 s.number + ", but number is " + *in.number);
      }
      in.symbol = std::move(s);
    } catch (const ValueError& e) {
      problems.add(r.pointer_to("symbol"), e.what());
    }
  }
  if (problems.size() != before || !id || !type || !family) return std::nullopt;
  in.id = *id;
  in.type = *type;
  in.family = *family;
  return in;
}

std::optional<Unit> read_unit(const Json& j, const std::string& ptr, Problems& problems) {
  ObjectReader r(j, ptr, problems);
  if (!r.ok()) return std::nullopt;
  const std::size_t before = problems.size();
  Unit u;
  auto id = r.id("id");
  auto name = r.text("name");
  auto kind = enum_value(r, "kind", parse_unit_kind);
  auto level = enum_value(r, "level", parse_level);
  u.parent_id = r.id("parent", false);
  u.valid_from = r.date("valid_from", false);
  u.valid_to = r.date("valid_to", false);
  u.predecessor_ids = r.ids("predecessors");
  u.successor_ids = r.ids("successors");
  u.code = r.text("code", false);
  u.basis = r.text("basis", false);
  r.finish();
  if (u.code && !is_valid_unit_code(*u.code)) {
    problems.add(r.pointer_to("code"), "code \"" + *u.code + "\" is not 1..10 digits");
  }
  if (u.valid_from && u.valid_to && *u.valid_from > *u.valid_to) {
    problems.add(r.pointer_to("valid_to"), "valid_to " + to_iso(*u.valid_to) +
                                               " is before valid_from " + to_iso(*u.valid_from));
  }
  if (problems.size() != before || !id || !name || !kind || !level) return std::nullopt;
  u.id = *id;
  u.name = *name;
  u.kind = *kind;
  u.level = *level;
  return u;
}

/// Reads "issuers" and "instruments" of a document object into a catalogue, checking that
/// ids are unique and issuer references resolve.
InstrumentCatalogue read_catalogue_members(ObjectReader& r) {
  Problems& problems = r.problems();
  InstrumentCatalogue catalogue;
  std::vector<Issuer> issuers;
  std::map<std::string, std::string, std::less<>> issuer_pointers;
  r.array("issuers", true, [&](const Json& e, const std::string& p) {
    if (auto i = read_issuer(e, p, problems)) {
      if (!issuer_pointers.emplace(i->id, p).second) {
        problems.add(p + "/id", "duplicate issuer id \"" + i->id + "\" (first at " +
                                    issuer_pointers[i->id] + ")");
      } else {
        issuers.push_back(std::move(*i));
      }
    }
  });
  std::vector<std::pair<Instrument, std::string>> instruments;
  std::map<std::string, std::string, std::less<>> instrument_pointers;
  r.array("instruments", true, [&](const Json& e, const std::string& p) {
    if (auto in = read_instrument(e, p, problems)) {
      if (!instrument_pointers.emplace(in->id, p).second) {
        problems.add(p + "/id", "duplicate instrument id \"" + in->id + "\" (first at " +
                                    instrument_pointers[in->id] + ")");
      } else {
        instruments.emplace_back(std::move(*in), p);
      }
    }
  });
  for (std::size_t k = 0; k < issuers.size(); ++k) {
    const auto& i = issuers[k];
    const std::string p = issuer_pointers[i.id];
    if (i.parent_id && !issuer_pointers.contains(*i.parent_id)) {
      problems.add(p + "/parent", "unknown issuer \"" + *i.parent_id + "\"");
    }
    for (std::size_t s = 0; s < i.successor_ids.size(); ++s) {
      if (!issuer_pointers.contains(i.successor_ids[s])) {
        problems.add(child_pointer(p + "/successors", s),
                     "unknown issuer \"" + i.successor_ids[s] + "\"");
      }
    }
  }
  for (auto& i : issuers) catalogue.add_issuer(std::move(i));
  for (auto& [in, p] : instruments) {
    bool ok = true;
    for (std::size_t s = 0; s < in.issuer_ids.size(); ++s) {
      if (!issuer_pointers.contains(in.issuer_ids[s])) {
        problems.add(child_pointer(p + "/issuers", s),
                     "unknown issuer \"" + in.issuer_ids[s] + "\"");
        ok = false;
      }
    }
    if (ok) catalogue.add_instrument(std::move(in));
  }
  return catalogue;
}

UnitHierarchy read_units_member(ObjectReader& r) {
  Problems& problems = r.problems();
  std::vector<std::pair<Unit, std::string>> units;
  std::map<std::string, std::string, std::less<>> pointers;
  r.array("units", true, [&](const Json& e, const std::string& p) {
    if (auto u = read_unit(e, p, problems)) {
      if (!pointers.emplace(u->id, p).second) {
        problems.add(p + "/id",
                     "duplicate unit id \"" + u->id + "\" (first at " + pointers[u->id] + ")");
      } else {
        units.emplace_back(std::move(*u), p);
      }
    }
  });
  const std::size_t before = problems.size();
  for (const auto& [u, p] : units) {
    if (u.parent_id && !pointers.contains(*u.parent_id)) {
      problems.add(p + "/parent", "unknown unit \"" + *u.parent_id + "\"");
    }
    for (const auto* links : {&u.predecessor_ids, &u.successor_ids}) {
      const std::string key = links == &u.predecessor_ids ? "/predecessors" : "/successors";
      for (std::size_t s = 0; s < links->size(); ++s) {
        if (!pointers.contains((*links)[s])) {
          problems.add(child_pointer(p + key, s), "unknown unit \"" + (*links)[s] + "\"");
        }
      }
    }
  }
  UnitHierarchy hierarchy;
  if (problems.size() != before) return hierarchy;
  for (auto& [u, p] : units) hierarchy.add(std::move(u));
  try {
    hierarchy.validate();
  } catch (const ValueError& e) {
    problems.add_all(r.pointer_to("units"), e, "/units");
  }
  return hierarchy;
}

std::vector<Citation> read_citations(ObjectReader& r, std::string_view key,
                                     const InstrumentCatalogue& catalogue) {
  std::vector<Citation> out;
  r.array(key, false, [&](const Json& e, const std::string& p) {
    ObjectReader cr(e, p, r.problems());
    if (!cr.ok()) return;
    auto id = cr.id("instrument");
    auto cited_as = cr.text("cited_as");
    cr.finish();
    if (id && catalogue.find_instrument(*id) == nullptr) {
      r.problems().add(cr.pointer_to("instrument"), "unknown instrument \"" + *id + "\"");
      return;
    }
    if (id && cited_as) out.push_back(Citation{*id, *cited_as});
  });
  return out;
}

/// Checks the unit ids of the array at `pointer` against the plan's units.
void check_unit_ids(const std::vector<std::string>& ids, const std::string& pointer,
                    const UnitHierarchy& units, Problems& problems) {
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (units.find(ids[i]) == nullptr) {
      problems.add(child_pointer(pointer, i), "unknown unit \"" + ids[i] + "\"");
    }
  }
}

/// The units a version 3 plan names by official code ("code:22015"): resolved against a unit
/// register on the plan's days, or refused without one.
class PlanCodes {
 public:
  explicit PlanCodes(const UnitRegister* reg)
      : reg_(reg), resolver_(reg, "the plan", ": name the unit by its id") {}

  /// The days the references are resolved on: the plan's period (its first bound's first day to
  /// its last bound's last; an open start from the issue date, an open end its first bound
  /// alone), or without a period the issue date. `known`: false when the period or the issue
  /// date had a problem of its own (then a reference is not resolved, and not reported again).
  void set_days(const std::optional<PlanPeriod>& period, const std::optional<PartialDate>& issued,
                bool known) {
    known_ = known;
    if (!known) return;
    std::optional<PartialDate> first = issued;
    std::optional<PartialDate> last = issued;
    if (period) {
      last = period->to ? period->to : period->from;
      if (period->from) {
        first = period->from;
      } else if (!first || last->last_day() < first->first_day()) {
        first = last;  // "đến năm 2030" with no issue date, or one after the period
      }
    }
    if (!first || !last) return;
    days_ = *first == *last ? detail::days_of(*first)
                            : detail::CodeDays{first->first_day(), last->last_day(),
                                               "in " + first->iso() + ".." + last->iso()};
  }

  /// Replaces a reference by code by the register unit's id; false (with a problem at
  /// `pointer`) when it cannot be resolved.
  bool resolve(std::string& ref, const std::string& pointer, Problems& problems) {
    if (reg_ != nullptr && known_ && !days_ && ref.rfind("code:", 0) == 0) {
      problems.add(pointer, "\"" + ref +
                                "\" names a unit by its official code, but the plan has neither "
                                "a period nor an issue date to resolve it on: name the unit by "
                                "its id");
      return false;
    }
    return resolver_.resolve(ref, known_ ? days_ : std::nullopt, pointer, problems);
  }

  /// Resolves the references of an array at `pointer` (detail::resolve_unit_list).
  void resolve_list(std::vector<std::string>& refs, const std::string& pointer,
                    Problems& problems) {
    detail::resolve_unit_list(refs, pointer, problems, [&](std::string& ref, const std::string& p) {
      return resolve(ref, p, problems);
    });
  }

  /// Adds the register's units named (with ancestors and successions) to the plan's.
  void add_units(UnitHierarchy& units, Problems& problems) const {
    resolver_.add_units(units, "/units", "the plan names", problems);
  }

 private:
  const UnitRegister* reg_;
  detail::CodeResolver resolver_;
  std::optional<detail::CodeDays> days_;
  bool known_ = true;
};

/// The unit references of a task area's array member. Without `codes`, ids checked against the
/// plan's units now; with them, ids or "code:NNNNN", resolved (the ids are checked once every
/// reference is resolved: check_named_units).
std::vector<std::string> read_unit_refs(ObjectReader& r, std::string_view key,
                                        const UnitHierarchy& units, PlanCodes* codes) {
  if (codes != nullptr) {
    auto refs = r.unit_refs(key);
    codes->resolve_list(refs, r.pointer_to(key), r.problems());
    return refs;
  }
  auto ids = r.ids(key);
  check_unit_ids(ids, r.pointer_to(key), units, r.problems());
  return ids;
}

/// Whether a plan document names a unit by official code (a task area's units, a duty's unit).
bool names_units_by_code(const Json& document) {
  if (!document.is_object()) return false;
  const auto any_in = [&](std::string_view array, auto&& names) {
    const auto it = document.find(array);
    if (it == document.end() || !it->is_array()) return false;
    return std::any_of(it->begin(), it->end(),
                       [&](const Json& e) { return e.is_object() && names(e); });
  };
  return any_in("task_areas",
                [](const Json& t) {
                  return detail::any_code_value(t, "lead_units") ||
                         detail::any_code_value(t, "participating_units");
                }) ||
         any_in("duties", [](const Json& d) { return detail::any_code_value(d, "unit_id"); });
}

/// Checks every unit the plan names against its units, each at its pointer (a plan read without
/// problems: nothing was left out, so the indexes are the document's).
void check_named_units(const Plan& plan, Problems& problems) {
  for (std::size_t k = 0; k < plan.task_areas.size(); ++k) {
    const std::string p = child_pointer("/task_areas", k);
    check_unit_ids(plan.task_areas[k].lead_unit_ids, p + "/lead_units", plan.units, problems);
    check_unit_ids(plan.task_areas[k].participating_unit_ids, p + "/participating_units",
                   plan.units, problems);
  }
  for (std::size_t k = 0; k < plan.duties.size(); ++k) {
    const auto& id = plan.duties[k].unit_id;
    if (id && plan.units.find(*id) == nullptr) {
      problems.add(child_pointer("/duties", k) + "/unit_id", "unknown unit \"" + *id + "\"");
    }
  }
}

// The plan's schema and version: 1 (campaign_year) to plan_json_version; 0 after a problem.
int plan_header(ObjectReader& r) {
  const std::size_t before = r.problems().size();
  const auto s = r.string("schema");
  if (s && *s != "danvan/plan") {
    r.problems().add(r.pointer_to("schema"), "expected \"danvan/plan\", got \"" + *s + "\"");
  }
  const auto v = r.integer("version", 1, 1000000);
  if (v && *v > plan_json_version) {
    r.problems().add(r.pointer_to("version"),
                     "unsupported version " + std::to_string(*v) +
                         " of danvan/plan; this library reads versions 1 to " +
                         std::to_string(plan_json_version));
  }
  return r.problems().size() == before && v ? static_cast<int>(*v) : 0;
}

namespace {

// "NN<separator>NN" as two numbers: "12-15" (a day of the year), "17:30" (a time of day).
std::optional<std::pair<int, int>> two_digit_pair(const std::string& s, char separator) {
  if (s.size() != 5 || s[2] != separator) return std::nullopt;
  for (const std::size_t i : {0U, 1U, 3U, 4U}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  }
  return std::pair{(s[0] - '0') * 10 + (s[1] - '0'), (s[3] - '0') * 10 + (s[4] - '0')};
}

}  // namespace

std::optional<MonthDay> parse_month_day(const std::string& s) {
  const auto n = two_digit_pair(s, '-');
  if (!n) return std::nullopt;
  const MonthDay d{n->first, n->second};
  if (!is_valid_month_day(d)) return std::nullopt;
  return d;
}

std::optional<TimeOfDay> parse_time_of_day(const std::string& s) {
  const auto n = two_digit_pair(s, ':');
  if (!n) return std::nullopt;
  const TimeOfDay t{n->first, n->second};
  if (!is_valid_time_of_day(t)) return std::nullopt;
  return t;
}

/// The members of version 2 and later. `codes` (nullptr: units by id only) resolves the units
/// named by official code on the plan's days; `issue_date_ok`: the issue date had no problem.
void read_plan_v2(ObjectReader& r, Plan& plan, Problems& problems, PlanCodes* codes,
                  bool issue_date_ok) {
  plan.document_type = r.parsed<DocumentType>("document_type", true, [](const std::string& s) {
                          return parse_document_type(s);
                        }).value_or(DocumentType::plan);
  plan.place = r.text("place", false);
  plan.issuer_header = r.strings("issuer_header", true);
  const std::size_t before_period = problems.size();
  if (const Json* p = r.member("period", false)) {
    ObjectReader pr(*p, r.pointer_to("period"), problems);
    if (pr.ok()) {
      PlanPeriod period;
      period.from = pr.partial_date("from", false);
      period.to = pr.partial_date("to", false);
      period.text = pr.string("text").value_or("");
      if (!period.from && !period.to) {
        problems.add(pr.pointer(), "a period needs \"from\" or \"to\"");
      } else if (period.from && period.to && period.to->last_day() < period.from->first_day()) {
        problems.add(pr.pointer_to("to"), "the period ends before it starts");
      }
      plan.period = std::move(period);
    }
    pr.finish();
  }
  if (codes != nullptr) {
    codes->set_days(plan.period, plan.issue_date,
                    issue_date_ok && problems.size() == before_period);
  }
  plan.targets = r.strings("targets", true, detail::Lines::many);
  r.array("duties", true, [&](const Json& e, const std::string& p) {
    ObjectReader dr(e, p, problems);
    if (!dr.ok()) return;
    Duty d;
    d.unit = dr.text("unit").value_or("");  // an empty unit is reported by text()
    if (codes != nullptr) {
      d.unit_id = dr.unit_ref("unit_id", false);
      if (d.unit_id && !codes->resolve(*d.unit_id, dr.pointer_to("unit_id"), problems)) {
        d.unit_id.reset();
      }
    } else {
      d.unit_id = dr.id("unit_id", false);
      if (d.unit_id && plan.units.find(*d.unit_id) == nullptr) {
        problems.add(dr.pointer_to("unit_id"), "unknown unit \"" + *d.unit_id + "\"");
      }
    }
    d.role = dr.parsed<DutyRole>("role", true, [](const std::string& s) {
                 return parse_duty_role(s);
               }).value_or(DutyRole::unspecified);
    d.text = dr.prose("text").value_or("");
    dr.finish();
    plan.duties.push_back(std::move(d));
  });
  plan.funding = r.strings("funding", true, detail::Lines::many);
  r.array("reporting", true, [&](const Json& e, const std::string& p) {
    ObjectReader rr(e, p, problems);
    if (!rr.ok()) return;
    ReportingDuty d;
    d.text = rr.text("text", true, detail::Lines::many).value_or("");
    if (const auto every = rr.string("every_year", false)) {
      d.every_year = parse_month_day(*every);
      if (!d.every_year) {
        problems.add(rr.pointer_to("every_year"),
                     "expected a day of the year as MM-DD, got \"" + *every + "\"");
      }
    }
    d.date = rr.partial_date("date", false);
    if (const auto day = rr.integer("every_month", 1, 31, false)) {
      d.every_month = static_cast<int>(*day);
    }
    if (const auto at = rr.string("every_day", false)) {
      d.every_day = parse_time_of_day(*at);
      if (!d.every_day) {
        problems.add(rr.pointer_to("every_day"),
                     "expected a time of day as HH:MM, got \"" + *at + "\"");
      }
    }
    if ((d.every_year ? 1 : 0) + (d.date ? 1 : 0) + (d.every_month ? 1 : 0) +
            (d.every_day ? 1 : 0) >
        1) {
      problems.add(
          rr.pointer(),
          "\"every_year\", \"date\", \"every_month\" and \"every_day\" exclude each other");
    }
    rr.finish();
    plan.reporting.push_back(std::move(d));
  });
  if (const Json* s = r.member("signature", false)) {
    ObjectReader sr(*s, r.pointer_to("signature"), problems);
    if (sr.ok()) {
      Signature sig;
      sig.authority = sr.string("authority").value_or("");
      sig.title = sr.string("title").value_or("");
      sig.name = sr.string("name").value_or("");
      plan.signature = std::move(sig);
    }
    sr.finish();
  }
  plan.recipients = r.strings("recipients", true);
  r.array("annexes", true, [&](const Json& e, const std::string& p) {
    ObjectReader ar(e, p, problems);
    if (!ar.ok()) return;
    Annex a;
    a.title = ar.text("title").value_or("");
    ar.array("tables", true, [&](const Json& t, const std::string& tp) {
      if (!t.is_array()) {
        problems.add(tp, "expected an array of rows, got " + detail::describe_type(t));
        return;
      }
      Table table;
      for (std::size_t i = 0; i < t.size(); ++i) {
        const std::string rp = child_pointer(tp, i);
        if (!t[i].is_array()) {
          problems.add(rp, "expected an array of cells, got " + detail::describe_type(t[i]));
          continue;
        }
        std::vector<std::string> row;
        for (std::size_t c = 0; c < t[i].size(); ++c) {
          if (auto cell = detail::read_string(t[i][c], child_pointer(rp, c), problems)) {
            row.push_back(*cell);
          }
        }
        table.rows.push_back(std::move(row));
      }
      a.tables.push_back(std::move(table));
    });
    ar.finish();
    plan.annexes.push_back(std::move(a));
  });
  r.array("outline", true, [&](const Json& e, const std::string& p) {
    ObjectReader orr(e, p, problems);
    if (!orr.ok()) return;
    OutlineItem o;
    o.level = static_cast<int>(orr.integer("level", 0, 100).value_or(0));
    o.label = orr.string("label").value_or("");
    o.text = orr.prose("text").value_or("");
    orr.finish();
    plan.outline.push_back(std::move(o));
  });
}

/// Reads a plan document; `reg` resolves the units a version 3 document names by official code
/// (nullptr: such a reference is a problem).
Plan read_plan(const Json& document, Problems& problems, const UnitRegister* reg) {
  Plan plan;
  ObjectReader r(document, "", problems);
  const int version = r.ok() ? plan_header(r) : 0;
  if (version == 0) return plan;  // the rest is not read against an unknown schema
  // Version 3 may name units by official code. Then the plan's units are complete only once
  // every reference is resolved: the references are checked against them after reading.
  PlanCodes resolver(reg);
  PlanCodes* codes = version >= 3 && names_units_by_code(document) ? &resolver : nullptr;
  plan.catalogue = read_catalogue_members(r);
  plan.units = read_units_member(r);
  plan.id = r.id("id").value_or("");
  plan.title = r.text("title").value_or("");
  if (auto issuer = r.id("issuer")) {
    if (plan.catalogue.find_issuer(*issuer) == nullptr) {
      problems.add(r.pointer_to("issuer"), "unknown issuer \"" + *issuer + "\"");
    }
    plan.issuer_id = *issuer;
  }
  plan.symbol =
      r.parsed<Symbol>("symbol", false, [](const std::string& s) { return parse_symbol(s); });
  const std::size_t before_issue_date = problems.size();
  plan.issue_date = r.partial_date("issue_date", false);
  const bool issue_date_ok = problems.size() == before_issue_date;
  if (version == 1) {
    // Version 1: one campaign year, upgraded to a one-year period.
    if (const auto year = r.integer("campaign_year", 1900, 2200)) {
      plan.period = PlanPeriod::year(static_cast<int>(*year));
    }
  } else {
    read_plan_v2(r, plan, problems, codes, issue_date_ok);
  }
  std::set<UnitKind> scope_seen;
  r.array("scope", true, [&](const Json& e, const std::string& p) {
    auto s = detail::read_string(e, p, problems);
    if (!s) return;
    try {
      const UnitKind k = parse_unit_kind(*s);
      if (!scope_seen.insert(k).second) {
        problems.add(p, "\"" + *s + "\" is listed twice");
      } else {
        plan.scope.push_back(k);
      }
    } catch (const ValueError& ex) {
      problems.add(p, ex.what());
    }
  });
  plan.purposes = r.strings("purposes", true, detail::Lines::many);
  plan.requirements = r.strings("requirements", true, detail::Lines::many);
  std::map<std::string, std::string, std::less<>> milestone_ids;
  r.array("milestones", true, [&](const Json& e, const std::string& p) {
    ObjectReader mr(e, p, problems);
    if (!mr.ok()) return;
    Milestone m;
    auto id = mr.id("id");
    auto name = mr.text("name");
    m.date = mr.partial_date("date", false);
    mr.finish();
    if (!id || !name) return;
    if (!milestone_ids.emplace(*id, p).second) {
      problems.add(p + "/id",
                   "duplicate milestone id \"" + *id + "\" (first at " + milestone_ids[*id] + ")");
      return;
    }
    m.id = *id;
    m.name = *name;
    plan.milestones.push_back(std::move(m));
  });
  plan.legal_bases = read_citations(r, "legal_bases", plan.catalogue);
  r.array("task_areas", true, [&](const Json& e, const std::string& p) {
    ObjectReader tr(e, p, problems);
    if (!tr.ok()) return;
    TaskArea t;
    const int expected = static_cast<int>(plan.task_areas.size()) + 1;
    auto number = tr.integer("number", 1, 1000);
    if (number && *number != expected) {
      problems.add(tr.pointer_to("number"),
                   "task areas must be numbered 1, 2, 3, ... in order: expected " +
                       std::to_string(expected) + ", got " + std::to_string(*number));
    }
    t.number = expected;
    if (version >= 2) {
      t.label = tr.string("label").value_or("");
      t.details = tr.strings("details", true, detail::Lines::many);
    }
    t.text = tr.text("text").value_or("");
    t.citations = read_citations(tr, "citations", plan.catalogue);
    t.lead_unit_ids = read_unit_refs(tr, "lead_units", plan.units, codes);
    t.participating_unit_ids = read_unit_refs(tr, "participating_units", plan.units, codes);
    tr.finish();
    plan.task_areas.push_back(std::move(t));
  });
  if (const Json* s = r.member("source", false)) {
    plan.source = detail::read_source_info(*s, r.pointer_to("source"), problems);
  }
  r.finish();
  if (codes != nullptr && problems.empty()) {
    codes->add_units(plan.units, problems);
    if (problems.empty()) check_named_units(plan, problems);
  }
  return plan;
}

}  // namespace

Plan plan_from_json(const Json& document) {
  Problems problems;
  Plan plan = read_plan(document, problems, nullptr);
  problems.throw_if_any();
  return plan;
}

Plan plan_from_json(const Json& document, const UnitRegister& units) {
  Problems problems;
  Plan plan = read_plan(document, problems, &units);
  problems.throw_if_any();
  return plan;
}

InstrumentCatalogue catalogue_from_json(const Json& document) {
  Problems problems;
  ObjectReader r(document, "", problems);
  InstrumentCatalogue catalogue;
  if (r.ok() && detail::check_header(r, "danvan/instruments")) {
    catalogue = read_catalogue_members(r);
  }
  r.finish();
  problems.throw_if_any();
  return catalogue;
}

UnitHierarchy units_from_json(const Json& document) {
  Problems problems;
  ObjectReader r(document, "", problems);
  UnitHierarchy units;
  if (r.ok() && detail::check_header(r, "danvan/units")) units = read_units_member(r);
  r.finish();
  problems.throw_if_any();
  return units;
}

// ---------------------------------------------------------------------------------------------
// ADL hooks

using detail::read_whole_value;

void to_json(Json& j, const Symbol& value) { j = to_json(value); }
void from_json(const Json& j, Symbol& value) {
  Problems problems;
  if (auto s = detail::read_string(j, "", problems)) {
    try {
      value = parse_symbol(*s);
      return;
    } catch (const ValueError& e) {
      problems.add("", e.what());
    }
  }
  problems.throw_if_any();
}
void to_json(Json& j, const Issuer& value) { j = to_json(value); }
void from_json(const Json& j, Issuer& value) { read_whole_value(j, value, read_issuer); }
void to_json(Json& j, const Instrument& value) { j = to_json(value); }
void from_json(const Json& j, Instrument& value) { read_whole_value(j, value, read_instrument); }
void to_json(Json& j, const Unit& value) { j = to_json(value); }
void from_json(const Json& j, Unit& value) { read_whole_value(j, value, read_unit); }
void to_json(Json& j, const Plan& value) { j = to_json(value); }
void from_json(const Json& j, Plan& value) { value = plan_from_json(j); }
void to_json(Json& j, const InstrumentCatalogue& value) { j = to_json(value); }
void from_json(const Json& j, InstrumentCatalogue& value) { value = catalogue_from_json(j); }
void to_json(Json& j, const UnitHierarchy& value) { j = to_json(value); }
void from_json(const Json& j, UnitHierarchy& value) { value = units_from_json(j); }

// ---------------------------------------------------------------------------------------------
// Files

Plan load_plan(const std::filesystem::path& path) {
  return plan_from_json(parse_json(read_file(path)));
}

Plan load_plan(const std::filesystem::path& path, const UnitRegister& units) {
  return plan_from_json(parse_json(read_file(path)), units);
}

void save_plan(const Plan& plan, const std::filesystem::path& path) {
  plan.validate();
  write_file_atomically(path, to_document_text(to_json(plan)));
}
InstrumentCatalogue load_catalogue(const std::filesystem::path& path) {
  return catalogue_from_json(parse_json(read_file(path)));
}
void save_catalogue(const InstrumentCatalogue& catalogue, const std::filesystem::path& path) {
  write_file_atomically(path, to_document_text(to_json(catalogue)));
}
void save_units(const UnitHierarchy& units, const std::filesystem::path& path) {
  units.validate();
  write_file_atomically(path, to_document_text(to_json(units)));
}

}  // namespace danvan

namespace nlohmann {

danvan::PartialDate adl_serializer<danvan::PartialDate>::from_json(const danvan::Json& j) {
  danvan::detail::Problems problems;
  if (auto s = danvan::detail::read_string(j, "", problems)) {
    try {
      return danvan::parse_partial_date(*s);
    } catch (const danvan::ParseError& e) {
      problems.add("", "invalid date \"" + *s + "\": " + e.reason());
    }
  }
  problems.throw_if_any();
  throw danvan::JsonError("", "unreachable");
}

void adl_serializer<danvan::PartialDate>::to_json(danvan::Json& j,
                                                  const danvan::PartialDate& value) {
  j = value.iso();
}

}  // namespace nlohmann
