#include "json/object_reader.hpp"

#include "danvan/instrument.hpp"
#include "danvan/text.hpp"

#include <algorithm>
#include <utility>

namespace danvan::detail {

std::string describe_type(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      return "an integer";
    case Json::value_t::number_float:
      return "a number with a fraction";
    default:
      return "an unsupported value";
  }
}

ObjectReader::ObjectReader(const Json& value, std::string pointer, Problems& problems)
    : pointer_(std::move(pointer)), problems_(problems) {
  if (value.is_object()) {
    object_ = &value;
  } else {
    problems_.add(pointer_, "expected an object, got " + describe_type(value));
  }
}

const Json* ObjectReader::member(std::string_view key, bool required) {
  if (object_ == nullptr) return nullptr;
  seen_.emplace(key);
  const auto it = object_->find(key);
  if (it == object_->end() || (!required && it->is_null())) {
    if (required) problems_.add(pointer_, "missing required key \"" + std::string(key) + "\"");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> read_string(const Json& value, const std::string& pointer,
                                       Problems& problems, Lines lines) {
  if (!value.is_string()) {
    problems.add(pointer, "expected a string, got " + describe_type(value));
    return std::nullopt;
  }
  std::string text;
  try {
    text = normalize_nfc(value.get_ref<const std::string&>());
  } catch (const ValueError& e) {
    problems.add(pointer, e.what());
    return std::nullopt;
  }
  if (const std::string problem = control_character_problem(text, lines); !problem.empty()) {
    problems.add(pointer, problem);
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> ObjectReader::string(std::string_view key, bool required) {
  const Json* v = member(key, required);
  if (v == nullptr) return std::nullopt;
  return read_string(*v, pointer_to(key), problems_);
}

std::optional<std::string> ObjectReader::prose(std::string_view key, bool required) {
  const Json* v = member(key, required);
  if (v == nullptr) return std::nullopt;
  return read_string(*v, pointer_to(key), problems_, Lines::many);
}

std::optional<std::string> ObjectReader::text(std::string_view key, bool required, Lines lines) {
  auto s = lines == Lines::many ? prose(key, required) : string(key, required);
  if (s && squeeze_spaces(*s).empty()) {
    problems_.add(pointer_to(key), "must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<long long> ObjectReader::integer(std::string_view key, long long min, long long max,
                                               bool required) {
  const Json* v = member(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) {
    problems_.add(pointer_to(key), "expected an integer, got " + describe_type(*v));
    return std::nullopt;
  }
  if (v->is_number_unsigned() &&
      v->get<unsigned long long>() > static_cast<unsigned long long>(max)) {
    problems_.add(pointer_to(key), std::to_string(v->get<unsigned long long>()) +
                                       " is out of range " + std::to_string(min) + ".." +
                                       std::to_string(max));
    return std::nullopt;
  }
  const auto n = v->get<long long>();
  if (n < min || n > max) {
    problems_.add(pointer_to(key), std::to_string(n) + " is out of range " + std::to_string(min) +
                                       ".." + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<bool> ObjectReader::boolean(std::string_view key, bool required) {
  const Json* v = member(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    problems_.add(pointer_to(key), "expected a boolean, got " + describe_type(*v));
    return std::nullopt;
  }
  return v->get<bool>();
}

namespace {
// JSON dates are ISO only: "2020", "2020-04", "2020-04-10".
std::optional<PartialDate> iso_partial_date(const std::string& s, const std::string& pointer,
                                            Problems& problems) {
  const bool shape = (s.size() == 4 || s.size() == 7 || s.size() == 10) && [&] {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const bool dash = i == 4 || i == 7;
      if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
    }
    return true;
  }();
  if (!shape) {
    problems.add(pointer,
                 "expected an ISO date \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\", got \"" + s + "\"");
    return std::nullopt;
  }
  try {
    return parse_partial_date(s);
  } catch (const ParseError& e) {
    problems.add(pointer, "invalid date \"" + s + "\": " + e.reason());
    return std::nullopt;
  }
}
}  // namespace

std::optional<PartialDate> ObjectReader::partial_date(std::string_view key, bool required) {
  const auto s = string(key, required);
  if (!s) return std::nullopt;
  return iso_partial_date(*s, pointer_to(key), problems_);
}

std::optional<Date> ObjectReader::date(std::string_view key, bool required) {
  const auto d = partial_date(key, required);
  if (!d) return std::nullopt;
  if (!d->is_day()) {
    problems_.add(pointer_to(key), "expected a whole day \"YYYY-MM-DD\", got \"" + d->iso() + "\"");
    return std::nullopt;
  }
  return d->date();
}

bool ObjectReader::is_code_ref(std::string_view text) noexcept {
  constexpr std::string_view prefix = "code:";
  if (text.substr(0, prefix.size()) != prefix) return false;
  const std::string_view digits = text.substr(prefix.size());
  return !digits.empty() && digits.size() <= 10 &&
         std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ObjectReader::check_id(const std::string& s, const std::string& pointer, bool refs) {
  if (is_valid_id(s) || (refs && is_code_ref(s))) return true;
  if (refs && s.rfind("code:", 0) == 0) {
    problems_.add(pointer, "invalid official code \"" + s.substr(5) +
                               "\": a unit named by code is \"code:\" and 1..10 digits");
  } else {
    problems_.add(pointer, "invalid id \"" + s +
                               "\": ids are 1..100 characters of a-z, 0-9 and '-', not starting "
                               "with '-'");
  }
  return false;
}

std::optional<std::string> ObjectReader::id(std::string_view key, bool required) {
  auto s = string(key, required);
  if (s && !check_id(*s, pointer_to(key), false)) return std::nullopt;
  return s;
}

std::optional<std::string> ObjectReader::unit_ref(std::string_view key, bool required) {
  auto s = string(key, required);
  if (s && !check_id(*s, pointer_to(key), true)) return std::nullopt;
  return s;
}

void ObjectReader::array(std::string_view key, bool required,
                         const std::function<void(const Json&, const std::string&)>& each) {
  const Json* v = member(key, required);
  if (v == nullptr) return;
  const std::string p = pointer_to(key);
  if (!v->is_array()) {
    problems_.add(p, "expected an array, got " + describe_type(*v));
    return;
  }
  for (std::size_t i = 0; i < v->size(); ++i) each((*v)[i], child_pointer(p, i));
}

std::vector<std::string> ObjectReader::strings(std::string_view key, bool required, Lines lines) {
  std::vector<std::string> out;
  array(key, required, [&](const Json& e, const std::string& p) {
    if (auto s = read_string(e, p, problems_, lines)) out.push_back(std::move(*s));
  });
  return out;
}

std::vector<std::string> ObjectReader::ids(std::string_view key, bool required) {
  return id_list(key, required, false);
}

std::vector<std::string> ObjectReader::unit_refs(std::string_view key, bool required) {
  return id_list(key, required, true);
}

std::vector<std::string> ObjectReader::id_list(std::string_view key, bool required, bool refs) {
  std::vector<std::string> out;
  std::set<std::string, std::less<>> unique;
  array(key, required, [&](const Json& e, const std::string& p) {
    auto s = read_string(e, p, problems_);
    if (!s) return;
    if (!check_id(*s, p, refs)) return;  // (the problem is recorded)
    if (!unique.insert(*s).second) {
      problems_.add(p, "\"" + *s + "\" is listed twice");
    } else {
      out.push_back(std::move(*s));
    }
  });
  return out;
}

void ObjectReader::finish() {
  if (object_ == nullptr) return;
  for (const auto& [key, value] : object_->items()) {
    if (!seen_.contains(key)) problems_.add(pointer_to(key), "unknown key \"" + key + "\"");
  }
}

namespace {

// Reads "schema" (which must be `schema`) and "version" (an integer 1..1000000), adding a
// problem for each that is wrong; a version above `newest` is unsupported, and the message
// names what this library reads (`reads`: "version 1", "versions 1 to 2").
std::optional<long long> read_header(ObjectReader& reader, std::string_view schema, int newest,
                                     const std::string& reads) {
  const auto s = reader.string("schema");
  if (s && *s != schema) {
    reader.problems().add(reader.pointer_to("schema"),
                          "expected \"" + std::string(schema) + "\", got \"" + *s + "\"");
  }
  const auto v = reader.integer("version", 1, 1000000);
  if (v && *v > newest) {
    reader.problems().add(reader.pointer_to("version"),
                          "unsupported version " + std::to_string(*v) + " of " +
                              std::string(schema) + "; this library reads " + reads);
  }
  return v;
}

}  // namespace

bool check_header(ObjectReader& reader, std::string_view schema) {
  const std::size_t before = reader.problems().size();
  read_header(reader, schema, json_version, "version " + std::to_string(json_version));
  return reader.problems().size() == before;
}

int check_header_versions(ObjectReader& reader, std::string_view schema, int newest) {
  const std::size_t before = reader.problems().size();
  const auto v = read_header(reader, schema, newest, "versions 1 to " + std::to_string(newest));
  return reader.problems().size() == before && v ? static_cast<int>(*v) : 0;
}

}  // namespace danvan::detail
