// JSON for every danvan document (opt-in: the core headers do not include nlohmann/json).
//
// Documents carry "schema" ("danvan/plan", "danvan/instruments", "danvan/units") and
// "version". Reading is strict: unknown keys, wrong types, bad enum values, duplicate keys and
// ids, dangling references and invalid dates are errors; all problems found are collected in
// one JsonError, each with its JSON pointer. Writing is canonical: a fixed key order, two-space
// indentation, UTF-8 unescaped, a final newline, every optional key present (null when
// unknown); the same model always gives the same bytes.
#pragma once

#include "danvan/date.hpp"
#include "danvan/error.hpp"
#include "danvan/instrument.hpp"
#include "danvan/plan.hpp"
#include "danvan/symbol.hpp"
#include "danvan/unit.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// The JSON value type danvan writes (insertion-ordered objects keep the canonical key order).
using Json = nlohmann::ordered_json;

/// One problem found in a document.
struct JsonProblem {
  std::string pointer;  ///< RFC 6901 pointer; "" for the whole document
  std::string reason;
  friend bool operator==(const JsonProblem&, const JsonProblem&) = default;
};

/// Thrown by the readers: all problems, the first one in what().
class JsonDocumentError : public JsonError {
 public:
  explicit JsonDocumentError(std::vector<JsonProblem> problems);
  [[nodiscard]] const std::vector<JsonProblem>& problems() const noexcept { return problems_; }

 private:
  std::vector<JsonProblem> problems_;
};

/// The current version of every document kind this library writes.
inline constexpr int json_version = 1;
/// The version of danvan/plan documents written (2: period, header facts, targets, duties,
/// funding, reporting, signature, recipients, annexes, outline). Version 1 files (with
/// `campaign_year`) are read and upgraded: the campaign year becomes a one-year period.
inline constexpr int plan_json_version = 2;

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

/// The "schema" of a parsed document ("danvan/plan"), checked to be a string; throws
/// JsonDocumentError when missing or not a string.
std::string document_schema(const Json& document);

// Documents.
Json to_json(const Plan& plan);
Plan plan_from_json(const Json& document);
Json to_json(const InstrumentCatalogue& catalogue);
InstrumentCatalogue catalogue_from_json(const Json& document);
Json to_json(const UnitHierarchy& units);
UnitHierarchy units_from_json(const Json& document);

/// Reads the document of any kind this library knows and returns its problems (empty when
/// valid). Never throws for bad content.
std::vector<JsonProblem> validate_document(std::string_view text);
/// Reads a document of any known kind and writes it back canonically. Throws JsonDocumentError.
std::string format_document(std::string_view text);

// Values (the pieces documents are made of).
Json to_json(const PartialDate& date);  ///< "2020", "2020-04", "2020-04-10"
Json to_json(const Symbol& symbol);     ///< canonical string
Json to_json(const Issuer& issuer);
Json to_json(const Instrument& instrument);
Json to_json(const Unit& unit);

// Files.
/// The default limit of read_file (and of the CLI's standard input): 1 GiB.
inline constexpr std::size_t default_max_input_bytes = std::size_t{1} << 30;
/// Reads a whole file of at most `max_bytes` bytes; throws IoError naming the path and the
/// system's reason (its code() is the errno value: ENOENT, EACCES, EISDIR for a directory,
/// EFBIG for a file or stream longer than `max_bytes`, such as /dev/zero).
std::string read_file(const std::filesystem::path& path,
                      std::size_t max_bytes = default_max_input_bytes);
/// Writes via a temporary file in the same directory (".danvan-XXXXXXXXXXXX.tmp"), fsync()ed,
/// renamed over the target, then the directory fsync()ed: a crash or power loss leaves either
/// the old or the new file. A symbolic link is followed (the file it names is replaced, the link
/// stays); a target that exists but is not a regular file (a directory, a device such as
/// /dev/null, a pipe) is refused; the replaced file's mode, owner and group are kept (a save
/// that cannot keep them replaces nothing), a new file gets 0666 less the umask. Temporary
/// files of saves that died (killed, power lost) are removed by the next save into the
/// directory. Throws IoError (code() the errno value); on failure no temporary file remains.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

Plan load_plan(const std::filesystem::path& path);
void save_plan(const Plan& plan, const std::filesystem::path& path);
InstrumentCatalogue load_catalogue(const std::filesystem::path& path);
void save_catalogue(const InstrumentCatalogue& catalogue, const std::filesystem::path& path);
/// Reads a danvan/units document (data/units/phu-yen.json). Throws IoError or JsonDocumentError.
UnitHierarchy load_units(const std::filesystem::path& path);
/// Validates the hierarchy (ValueError) and writes it as canonical JSON, atomically (IoError).
void save_units(const UnitHierarchy& units, const std::filesystem::path& path);

}  // namespace danvan

namespace danvan {
// nlohmann ADL hooks, so `Json j = plan;` and `j.get<Plan>()` work. from_json is as strict as
// the readers above (pointers are relative to the value converted).
// PartialDate has no default value, so it converts through the adl_serializer below.
void to_json(Json& j, const Symbol& value);
void from_json(const Json& j, Symbol& value);
void to_json(Json& j, const Issuer& value);
void from_json(const Json& j, Issuer& value);
void to_json(Json& j, const Instrument& value);
void from_json(const Json& j, Instrument& value);
void to_json(Json& j, const Unit& value);
void from_json(const Json& j, Unit& value);
void to_json(Json& j, const Plan& value);
void from_json(const Json& j, Plan& value);
}  // namespace danvan

namespace nlohmann {
/// PartialDate is not default-constructible: `j.get<danvan::PartialDate>()` goes through here.
template <>
struct adl_serializer<danvan::PartialDate> {
  static danvan::PartialDate from_json(const danvan::Json& j);
  static void to_json(danvan::Json& j, const danvan::PartialDate& value);
};
}  // namespace nlohmann
