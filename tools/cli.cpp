#include "cli.hpp"

#include "danvan/json.hpp"
#include "danvan/json/plan.hpp"
#include "danvan/json/registry.hpp"
#include "danvan/unit_register.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <iostream>

namespace danvan::cli {

bool Spec::takes_value(std::string_view name) const {
  return std::any_of(valued.begin(), valued.end(), [&](const Option& o) { return o.name == name; });
}

std::optional<std::string> Args::option(const std::string& name) const {
  const auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

namespace {

/// Refuses a spec with an option without a description or named twice: a programming error
/// of the command's table, not the user's.
void check_spec(const Spec& spec) {
  std::set<std::string> names;
  for (const auto* list : {&spec.valued, &spec.switches}) {
    for (const auto& o : *list) {
      if (o.description.empty()) throw std::logic_error("option " + o.name + " has no description");
      if (!names.insert(o.name).second) throw std::logic_error("option " + o.name + " twice");
    }
  }
}

/// The command's options declared on a CLI11 app: each valued option takes one value (every
/// occurrence kept, so that a repeated one can be refused by name), each switch is a flag,
/// "-h"/"--help" is an ordinary flag (so an unknown option is refused even beside it) and the
/// positionals are collected without bounds (their count is checked with danvan's messages).
/// Unknown options are kept as extras and refused after the parse, the first by name.
void declare(CLI::App& app, const Spec& spec, std::vector<std::string>* positionals) {
  check_spec(spec);
  app.set_help_flag();
  app.allow_extras();
  app.add_flag("-h,--help")->description("print this help and exit");
  for (const auto& o : spec.valued) {
    app.add_option(o.name)
        ->type_name("VALUE")
        ->description(o.description)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  for (const auto& o : spec.switches) app.add_flag(o.name)->description(o.description);
  if (positionals != nullptr) app.add_option("arguments", *positionals);
}

/// "--name" of an argument "--name=value".
std::string option_name(const std::string& arg) { return arg.substr(0, arg.find('=')); }

}  // namespace

Args parse(const std::vector<std::string>& argv, const Spec& spec) {
  Args args;
  CLI::App app;
  declare(app, spec, &args.positionals);
  // CLI11 reads "--name=" as "--name" and takes the next argument as the value; danvan gives
  // the option the empty value (which the option refuses or accepts).
  std::vector<std::string> words;
  words.reserve(argv.size() + 1);
  for (const auto& a : argv) {
    if (a.size() > 3 && a.ends_with('=') && spec.takes_value(a.substr(0, a.size() - 1))) {
      words.push_back(a.substr(0, a.size() - 1));
      words.emplace_back();
    } else {
      words.push_back(a);
    }
  }
  // CLI11 parses a vector given last argument first.
  std::reverse(words.begin(), words.end());
  try {
    app.parse(words);
  } catch (const CLI::ArgumentMismatch&) {
    // A valued option with nothing after it: always the last argument, as CLI11 takes any
    // next argument as the value.
    throw UsageError("option " + option_name(argv.back()) + " needs a value");
  } catch (const CLI::ParseError& e) {
    throw UsageError(e.what());
  }
  // The extras are the unknown options in order, and "--" (the end of the options), which
  // CLI11 lists among them.
  for (const auto& extra : app.remaining()) {
    if (extra != "--") throw UsageError("unknown option '" + option_name(extra) + "'");
  }
  for (const auto& result : app.get_option("--help")->results()) {
    if (result != "true") throw UsageError("option --help takes no value");
    args.switches.insert("--help");  // given more than once is fine: help is help
  }
  for (const auto& option : spec.switches) {
    const std::string& name = option.name;
    const auto* opt = app.get_option(name);
    for (const auto& result : opt->results()) {
      if (result != "true") throw UsageError("option " + name + " takes no value");
    }
    if (opt->count() > 1) throw UsageError("option " + name + " is given more than once");
    if (opt->count() == 1) args.switches.insert(name);
  }
  for (const auto& option : spec.valued) {
    const std::string& name = option.name;
    const auto& results = app.get_option(name)->results();
    if (results.size() > 1 && option.repeat != Option::Repeat::joined) {
      throw UsageError("option " + name + " is given more than once");
    }
    if (results.empty()) continue;
    if (name == "--output" && results.front().empty()) {
      throw UsageError("option --output needs a file name, not an empty one");
    }
    std::string value = results.front();
    for (std::size_t k = 1; k < results.size(); ++k) value += "," + results[k];
    args.options[name] = std::move(value);
  }
  if (args.has("--help")) return args;
  if (args.positionals.size() < spec.min_positionals) {
    throw UsageError("missing argument");
  }
  if (args.positionals.size() > spec.max_positionals) {
    throw UsageError("unexpected argument '" + args.positionals[spec.max_positionals] + "'");
  }
  return args;
}

std::string help(const Command& command) {
  CLI::App app;
  declare(app, command.spec, nullptr);
  CLI::Formatter formatter;
  formatter.column_width(24);
  // (A line's trailing blanks, which CLI11 pads a name to its column with, are cut.)
  std::string out = command.usage;
  const std::string options = formatter.make_groups(&app, CLI::AppFormatMode::Normal);
  for (std::size_t start = 0; start < options.size();) {
    const std::size_t end = std::min(options.find('\n', start), options.size());
    const std::string_view line(options.data() + start, end - start);
    out += line.substr(0, line.find_last_not_of(' ') + 1);
    out += '\n';
    start = end + 1;
  }
  return out;
}

std::string printable(std::string_view message) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(message.size());
  for (std::size_t i = 0; i < message.size(); ++i) {
    const auto b = static_cast<unsigned char>(message[i]);
    const auto next = i + 1 < message.size() ? static_cast<unsigned char>(message[i + 1]) : 0;
    if (b < 0x20 || b == 0x7F) {
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 0xF];
    } else if (b == 0xC2 && next >= 0x80 && next <= 0x9F) {
      out += "\\u00";
      out += hex[next >> 4];
      out += hex[next & 0xF];
      ++i;
    } else {
      out += static_cast<char>(b);
    }
  }
  return out;
}

std::string read_input(const std::string& path) {
  if (path == "-") {
    std::string text;
    char block[65536];
    while (std::cin.read(block, sizeof block) || std::cin.gcount() > 0) {
      const auto n = static_cast<std::size_t>(std::cin.gcount());
      if (n > default_max_input_bytes - text.size()) {
        throw IoError(
            "(standard input)",
            "larger than the input limit of " + std::to_string(default_max_input_bytes) + " bytes",
            std::make_error_code(std::errc::file_too_large));
      }
      text.append(block, n);
    }
    if (std::cin.bad()) throw IoError("(standard input)", "read failed");
    return text;
  }
  return read_file(path);
}

std::string input_name(const std::string& path) { return path == "-" ? "(standard input)" : path; }

int parse_int(const std::string& option, const std::string& text, int min, int max) {
  int v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max) {
    throw UsageError(option + " expects an integer " + std::to_string(min) + ".." +
                     std::to_string(max) + ", got \"" + text + "\"");
  }
  return v;
}

std::vector<std::pair<std::string, std::string>> split_column_map(const std::string& option,
                                                                  const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    const std::string item = text.substr(start, end - start);
    start = end + 1;
    if (item.find_first_not_of(" \t") == std::string::npos) continue;
    const std::size_t eq = item.rfind('=');
    if (eq == std::string::npos || item.find_first_not_of(" \t") >= eq) {
      throw UsageError(option + ": \"" + item + "\" is not HEADER=column");
    }
    out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  return out;
}

UnitRegister read_unit_register(const std::string& path) {
  const std::string name = "--unit-register " + path;
  try {
    return naming_input(name, [&] { return UnitRegister(load_units(path)); });
  } catch (const IoError& e) {
    // "FILE: No such file or directory" becomes "--unit-register FILE: No such file ...".
    const std::string what = e.what();
    const std::string prefix = e.path() + ": ";
    throw IoError(name, what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what, e.code());
  }
}

bool needs_unit_register(const JsonDocumentError& e) {
  for (const auto& p : e.problems()) {
    if (p.reason.find("names a unit by its official code") != std::string::npos) return true;
  }
  return false;
}

const char* const unit_register_hint =
    " (give the register with --unit-register FILE, such as the bundled "
    "data/units/national/units.json)";

Registry read_registry_input(const std::string& path, const std::string& name,
                             const UnitRegister* unit_register) {
  if (unit_register != nullptr) {
    return naming_input(name.empty() ? input_name(path) : name, [&] {
      return path == "-" ? read_registry(read_input(path), *unit_register)
                         : load_registry(path, *unit_register);
    });
  }
  return naming_input(name.empty() ? input_name(path) : name, [&] {
    try {
      return path == "-" ? read_registry(read_input(path)) : load_registry(path);
    } catch (const JsonDocumentError& e) {
      // A document naming units by official code needs the register: say how to give it.
      if (!needs_unit_register(e)) throw;
      throw ValueError(std::string(e.what()) + unit_register_hint);
    }
  });
}

Registry read_registry_input(const std::string& path, const std::string& name,
                             const std::optional<std::string>& unit_register) {
  if (!unit_register) return read_registry_input(path, name, nullptr);
  const UnitRegister reg = read_unit_register(*unit_register);
  return read_registry_input(path, name, &reg);
}

}  // namespace danvan::cli
