// The base of danvan's JSON layer (target danvan::json, the only part of danvan that uses
// nlohmann/json): the value type, strict parsing, canonical text and the document header.
//
// Documents carry "schema" ("danvan/plan", "danvan/registry", ...) and "version". Reading is
// strict: unknown keys, wrong types, bad enum values, duplicate keys and ids, dangling
// references and invalid dates are errors; all problems found are collected in one
// JsonDocumentError (danvan/error.hpp), each with its JSON pointer. Writing is canonical: a
// fixed key order, two-space indentation, UTF-8 unescaped, a final newline, every optional key
// present (null when unknown); the same model always gives the same bytes.
//
// Every model type converts through ADL hooks, so `Json j = value;` and `j.get<T>()` work;
// the hooks of each module are in danvan/json/<module>.hpp, and danvan/json/documents.hpp
// knows every document kind.
#pragma once

#include "danvan/date.hpp"
#include "danvan/error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// The JSON value type danvan writes (insertion-ordered objects keep the canonical key order).
using Json = nlohmann::ordered_json;

/// The version every document kind this library writes has today (each kind's own version is
/// in danvan/json/documents.hpp).
inline constexpr int json_version = 1;
/// The version of danvan/plan documents written (2: period, header facts, targets, duties,
/// funding, reporting, signature, recipients, annexes, outline; 3: a task area's and a duty's
/// units may be named by official code, "code:22015", see plan_from_json with a UnitRegister).
/// Version 1 files (with `campaign_year`) are read and upgraded: the campaign year becomes a
/// one-year period; version 2 files are read as they are (units by id).
inline constexpr int plan_json_version = 3;

/// Limits on JSON text, checked before the parser runs (untrusted input; see SECURITY.md).
/// Exceeding one is a JsonDocumentError naming the line and column, never a crash. The size
/// of a whole input is limited where it is read (read_file).
struct JsonLimits {
  std::size_t max_depth = 64;                           ///< arrays and objects nested
  std::size_t max_string_bytes = std::size_t{1} << 20;  ///< one string or key as written (1 MiB)
};

/// Parses JSON text strictly: syntax errors (with line and column), duplicate object keys,
/// invalid UTF-8, NUL bytes, numbers beyond the range of a double (with their pointer) and
/// text beyond `limits` throw JsonDocumentError; no other exception escapes.
Json parse_json(std::string_view text, const JsonLimits& limits);
/// parse_json with the default JsonLimits.
Json parse_json(std::string_view text);
/// Canonical text of a value: two-space indent, UTF-8 unescaped, final newline. Throws
/// ValueError when a string is not valid UTF-8.
std::string to_canonical_text(const Json& value);
/// to_canonical_text of a danvan document or a part of one, which the readers will read back:
/// a key or string holding a control character (other than U+000A, which prose may hold)
/// throws JsonError at its pointer ("/title: control character U+001B at byte 1 (text must not
/// contain control characters)") instead of writing a file no reader accepts. Every document
/// writer (save_*, registry_to_text, the document table, the CLI) writes through it.
std::string to_document_text(const Json& value);

/// The "schema" of a parsed document ("danvan/plan"), checked to be a string; throws
/// JsonDocumentError when missing or not a string.
std::string document_schema(const Json& document);

/// "2020", "2020-04", "2020-04-10".
Json to_json(const PartialDate& date);

}  // namespace danvan

namespace nlohmann {
/// PartialDate is not default-constructible: `j.get<danvan::PartialDate>()` goes through here.
template <>
struct adl_serializer<danvan::PartialDate> {
  /// A string in any form parse_partial_date reads; JsonDocumentError (pointer "") otherwise.
  static danvan::PartialDate from_json(const danvan::Json& j);
  /// The ISO form at the date's precision, as danvan::to_json.
  static void to_json(danvan::Json& j, const danvan::PartialDate& value);
};
}  // namespace nlohmann
