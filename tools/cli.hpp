// The danvan command-line tool: shared argument handling.
#pragma once

#include "danvan/error.hpp"
#include "danvan/registry.hpp"
#include "danvan/report.hpp"
#include "danvan/unit_register.hpp"

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace danvan::cli {

/// A usage error: printed as "danvan <command>: <message>" with a hint, exit code 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Parsed arguments of one command: flags with values, boolean switches, positionals.
struct Args {
  std::map<std::string, std::string> options;
  std::set<std::string> switches;
  std::vector<std::string> positionals;

  [[nodiscard]] std::optional<std::string> option(const std::string& name) const;
  [[nodiscard]] bool has(const std::string& name) const { return switches.contains(name); }
};

/// An option of a command: its name (with "--") and the one line `--help` prints beside it.
/// (A constructor, not an aggregate: a list of bare names, {"--a", "--b"}, does not compile.)
struct Option {
  /// What a second occurrence of the option does.
  enum class Repeat : std::uint8_t {
    refused,  ///< a usage error ("option --year is given more than once")
    joined,   ///< the values are joined with commas: "--unit a --unit b" reads as "--unit a,b"
  };
  Option(std::string option_name, std::string option_description,
         Repeat option_repeat = Repeat::refused)
      : name(std::move(option_name)),
        description(std::move(option_description)),
        repeat(option_repeat) {}
  std::string name;
  std::string description;
  Repeat repeat;
};

/// The options a command accepts, in the order `--help` lists them: those that take a value,
/// and switches. Every option has a description (parse() and help() throw std::logic_error
/// for one without, or for a name given twice).
struct Spec {
  std::vector<Option> valued;
  std::vector<Option> switches;
  std::size_t min_positionals = 0;
  std::size_t max_positionals = 0;

  /// True when `name` is one of `valued`.
  [[nodiscard]] bool takes_value(std::string_view name) const;
};

/// Parses argv against spec with CLI11: "--help"/"-h" anywhere sets the "--help" switch;
/// "--name=value" and "--name value" both work; "-" (standard input) and negative numbers are
/// positionals; "--" ends the options. Throws UsageError for an unknown option, a valued one
/// without its value, a switch given a value, an option given more than once (unless its
/// values are joined, Option::Repeat::joined), an empty
/// --output, and too few or too many positionals.
Args parse(const std::vector<std::string>& argv, const Spec& spec);

/// A subcommand: its name, one-line summary, usage text, spec and body.
struct Command {
  std::string name;
  std::string summary;
  std::string usage;
  Spec spec;
  std::function<int(const Args&, std::ostream& out, std::ostream& err)> run;
};

/// What "danvan COMMAND --help" prints: the command's usage text, then its options with their
/// descriptions as CLI11 lists them from the command's spec.
std::string help(const Command& command);

/// `message` with its control characters (C0, DEL, C1) shown as \xNN or \u0080..\u009F, so
/// that an error quoting a hostile document cannot rewrite the terminal.
std::string printable(std::string_view message);

/// The items of a column mapping option ("HEADER=column;HEADER=column"): (header, column name)
/// pairs, split at each ';' and at the last '=' of an item; blank items are skipped. Throws
/// UsageError naming `option` for an item without a header or an '='.
std::vector<std::pair<std::string, std::string>> split_column_map(const std::string& option,
                                                                  const std::string& text);

/// split_column_map() with each column name read by `parse` (which throws ValueError for an
/// unknown one, rethrown as a UsageError naming `option`): the aliases of a table import's
/// mapping, one mechanism for every command that takes --columns.
template <class Column, class Parse>
std::vector<std::pair<std::string, Column>> column_map(const std::string& option,
                                                       const std::string& text, Parse parse) {
  std::vector<std::pair<std::string, Column>> out;
  for (auto& [header, column] : split_column_map(option, text)) {
    try {
      out.emplace_back(std::move(header), parse(column));
    } catch (const ValueError& e) {
      throw UsageError(option + ": " + e.what());
    }
  }
  return out;
}

/// Reads a file or standard input ("-"); throws danvan::IoError.
std::string read_input(const std::string& path);

/// "(standard input)" for "-", otherwise `path`: how messages name an input.
std::string input_name(const std::string& path);

/// The integer `text` given to `option`, within min..max; throws UsageError ("--header-row
/// expects an integer 1..1048576, got \"x\"").
int parse_int(const std::string& option, const std::string& text, int min, int max);

/// Returns `read()`; a danvan::ValueError from it (a JSON, parse or value error of a document)
/// is rethrown as a ValueError naming where the document came from: "<name>: <message>", where
/// `name` is input_name(path) or what the user gave, e.g. "--registry r.json".
template <class Read>
auto naming_input(const std::string& name, Read&& read) -> decltype(read()) {
  try {
    return read();
  } catch (const ValueError& e) {
    throw ValueError(name + ": " + e.what());
  }
}

/// Loads the unit register a command's --unit-register gave (a danvan/units document such as
/// data/units/national/units.json); every problem, an unreadable file's too, names the option
/// and the file: "--unit-register u.json: No such file or directory".
UnitRegister read_unit_register(const std::string& path);

/// Loads a registry from a file (mapped, not copied into memory: a 727 MB registry file costs
/// the registry's size, not the file's plus the registry's) or from standard input ("-");
/// problems are named by `name` (input_name(path) when empty). With `unit_register` (the path
/// --unit-register gave: a danvan/units document, such as data/units/national/units.json), units
/// the registry names by official code ("code:22015") are resolved against that register;
/// without it, such a document is refused, the message saying to give --unit-register.
Registry read_registry_input(const std::string& path, const std::string& name = {},
                             const std::optional<std::string>& unit_register = {});
/// As above with the register already read (nullptr: none).
Registry read_registry_input(const std::string& path, const std::string& name,
                             const UnitRegister* unit_register);

/// Whether a problem of `e` is a unit named by official code in a document read without a unit
/// register ("... names a unit by its official code: read ... with a unit register ...").
bool needs_unit_register(const JsonDocumentError& e);
/// What such a message gets appended: " (give the register with --unit-register FILE, such as
/// the bundled data/units/national/units.json)".
extern const char* const unit_register_hint;

/// Reads a document (a file or "-") as NFC text: with danvan::formats any format and encoding
/// it reads (.docx, .pdf, .html, legacy encodings; "<command>: read FILE as docx" goes to `err`
/// when it is not plain UTF-8 text), otherwise UTF-8 text as read_input. Throws danvan::Error.
std::string read_document_input(const std::string& path, std::ostream& err,
                                const std::string& command);

/// Runs the command line `args` (without the program name) writing to `out` and `err`; returns
/// the exit status: 0 done, 1 bad input (a danvan::Error), 2 usage error, 3 internal error
/// (always a bug). Reads standard input for "-".
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Each command family lives in its own file; run.cpp lists them in all_commands().
std::vector<Command> plan_commands();
std::vector<Command> exemplar_commands();
std::vector<Command> reference_commands();
std::vector<Command> progress_commands();
std::vector<Command> workflow_commands();
std::vector<Command> xlsx_commands();

/// Writes the progress summary as an .xlsx workbook to `path` (danvan::formats'
/// progress_sheets, and stats_sheet of `exemplars` when given); throws ValueError when danvan
/// was built without .xlsx support.
void write_progress_xlsx(const std::string& path, const ProgressPlan& plan,
                         const ProgressSummary& summary, const StatsTable* exemplars);
std::vector<Command> validate_commands();
std::vector<Command> calendar_commands();
std::vector<Command> text_commands();
std::vector<Command> unit_commands();

}  // namespace danvan::cli
