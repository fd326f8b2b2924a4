// danvan — the command line: dispatches to the subcommands (main.cpp calls it; so does the
// command-line fuzz target).
#include "cli.hpp"

#include "danvan/error.hpp"
#include "danvan/version.hpp"

#include <algorithm>
#include <cstddef>
#include <ostream>

namespace {

std::vector<danvan::cli::Command> all_commands() {
  auto commands = danvan::cli::plan_commands();
  for (auto& c : danvan::cli::exemplar_commands()) commands.push_back(std::move(c));
  for (auto& c : danvan::cli::progress_commands()) commands.push_back(std::move(c));
  for (auto& c : danvan::cli::workflow_commands()) commands.push_back(std::move(c));
  for (auto& c : danvan::cli::xlsx_commands()) commands.push_back(std::move(c));
  for (auto& c : danvan::cli::validate_commands()) commands.push_back(std::move(c));
  for (auto& c : danvan::cli::reference_commands()) commands.push_back(std::move(c));
  for (auto& c : danvan::cli::calendar_commands()) commands.push_back(std::move(c));
  for (auto& c : danvan::cli::text_commands()) commands.push_back(std::move(c));
  for (auto& c : danvan::cli::unit_commands()) commands.push_back(std::move(c));
  return commands;
}

void print_help(std::ostream& out, const std::vector<danvan::cli::Command>& commands) {
  out << "usage: danvan COMMAND [ARGS...]\n\n"
         "Model, check and render Vietnamese campaign plans (danvan "
      << danvan::version_string << ").\n\nCommands:\n";
  for (const auto& c : commands) {
    out << "  " << c.name << std::string(c.name.size() < 12 ? 12 - c.name.size() : 1, ' ')
        << c.summary << "\n";
  }
  out << "\nRun 'danvan COMMAND --help' for a command's options.\n";
}

}  // namespace

int danvan::cli::run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const auto commands = all_commands();
  if (args.empty()) {
    print_help(err, commands);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_help(out, commands);
    return 0;
  }
  if (args[0] == "--version") {
    out << "danvan " << danvan::version_string << "\n";
    return 0;
  }
  // A command's name may have several words ("progress workflow"): the longest that matches.
  const danvan::cli::Command* match = nullptr;
  std::size_t words = 0;
  for (const auto& c : commands) {
    std::size_t n = 0;
    std::size_t from = 0;
    bool same = true;
    while (same && from <= c.name.size()) {
      const auto space = std::min(c.name.find(' ', from), c.name.size());
      same = n < args.size() && args[n] == c.name.substr(from, space - from);
      ++n;
      from = space + 1;
    }
    if (same && n > words) {
      match = &c;
      words = n;
    }
  }
  if (match != nullptr) {
    const auto& c = *match;
    const std::string prefix = "danvan " + c.name + ": ";
    try {
      const auto parsed = danvan::cli::parse(
          {args.begin() + static_cast<std::ptrdiff_t>(words), args.end()}, c.spec);
      if (parsed.has("--help")) {
        out << danvan::cli::help(c);
        return 0;
      }
      return c.run(parsed, out, err);
    } catch (const danvan::cli::UsageError& e) {
      err << prefix << danvan::cli::printable(e.what()) << "\n(see 'danvan " << c.name
          << " --help')\n";
      return 2;
    } catch (const danvan::Error& e) {
      err << prefix << danvan::cli::printable(e.message()) << "\n";
      return 1;
    } catch (const std::exception& e) {
      err << prefix << "internal error: " << danvan::cli::printable(e.what()) << "\n";
      return 3;
    }
  }
  err << "danvan: unknown command '" << args[0] << "' (see 'danvan --help')\n";
  return 2;
}
