#include "cli.hpp"

#include "danvan/json.hpp"
#include "danvan/json/registry.hpp"

#include <algorithm>
#include <charconv>
#include <iostream>

namespace danvan::cli {

std::optional<std::string> Args::option(const std::string& name) const {
  const auto it = options.find(name);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

Args parse(const std::vector<std::string>& argv, const Spec& spec) {
  Args args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--help" || a == "-h") {
      args.switches.insert("--help");
      continue;
    }
    // "-5" is a (negative) number for the command to judge, not an option.
    const bool number = a.size() > 1 && a[0] == '-' && a[1] >= '0' && a[1] <= '9';
    if (a.size() > 1 && a[0] == '-' && !number) {
      std::string name = a;
      std::optional<std::string> value;
      if (const auto eq = a.find('='); eq != std::string::npos) {
        name = a.substr(0, eq);
        value = a.substr(eq + 1);
      }
      if (spec.valued.contains(name)) {
        if (!value) {
          if (i + 1 >= argv.size()) throw UsageError("option " + name + " needs a value");
          value = argv[++i];
        }
        if (name == "--output" && value->empty()) {
          throw UsageError("option --output needs a file name, not an empty one");
        }
        args.options[name] = *value;
      } else if (spec.switches.contains(name) && !value) {
        args.switches.insert(name);
      } else if (spec.switches.contains(name)) {
        throw UsageError("option " + name + " takes no value");
      } else {
        throw UsageError("unknown option '" + name + "'");
      }
      continue;
    }
    args.positionals.push_back(a);
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

Registry read_registry_input(const std::string& path, const std::string& name) {
  return naming_input(name.empty() ? input_name(path) : name, [&] {
    return path == "-" ? read_registry(read_input(path)) : load_registry(path);
  });
}

}  // namespace danvan::cli
