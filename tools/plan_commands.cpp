// danvan validate | fmt | show
#include "cli.hpp"

#include "danvan/json.hpp"
#include "danvan/render.hpp"
#ifdef DANVAN_CLI_OFFICE
#include "danvan/office.hpp"
#endif

// Internal header of the library (header-only), for the one "unknown name" message style.
#include "../src/base/enum_names.hpp"

#include <optional>
#include <ostream>

namespace danvan::cli {

namespace {

int validate(const Args& args, std::ostream& out, std::ostream& err) {
  int status = 0;
  for (const auto& file : args.positionals) {
    std::string text;
    try {
      text = read_input(file);
    } catch (const IoError& e) {
      err << "danvan validate: " << e.what() << "\n";
      status = 1;
      continue;
    }
    const auto problems = validate_document(text);
    for (const auto& p : problems) {
      out << file << ": " << printable(p.pointer.empty() ? "(document)" : p.pointer) << ": "
          << printable(p.reason) << "\n";
    }
    if (!problems.empty()) status = 1;
  }
  return status;
}

int fmt(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  out << format_document(read_input(args.positionals.at(0)));
  return 0;
}

int show(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string format = args.option("--format").value_or("text");
  if (format != "text" && format != "markdown" && format != "json" && format != "docx") {
    throw UsageError(
        detail::unknown_name_message("format", format, {"text", "markdown", "json", "docx"}));
  }
  const auto output = args.option("--output");
  if (format == "docx" && !output) throw UsageError("--format docx needs --output FILE.docx");
  if (format != "docx" && output) throw UsageError("--output goes with --format docx only");
  const std::string& path = args.positionals.at(0);
  const auto register_path = args.option("--unit-register");
  const std::optional<UnitRegister> reg =
      register_path ? std::optional(read_unit_register(*register_path)) : std::nullopt;
  const Plan plan = naming_input(input_name(path), [&] {
    const Json document = parse_json(read_input(path));
    return reg ? plan_from_json(document, *reg) : plan_from_json(document);
  });
  if (format == "docx") {
#ifdef DANVAN_CLI_OFFICE
    save_document(*output, plan_docx(plan));
    err << *output << ": " << plan.title << "\n";
    return 0;
#else
    (void)err;
    throw UsageError("--format docx: this danvan was built without danvan::office");
#endif
  }
  if (format == "json") {
    out << to_document_text(to_json(plan));
  } else {
    out << render_plan(plan, parse_plan_format(format));
  }
  return 0;
}

}  // namespace

std::vector<Command> plan_commands() {
  return {
      Command{"validate", "check danvan JSON documents",
              "usage: danvan validate FILE...\n\n"
              "Reads each FILE (\"-\" for standard input) as a danvan document (plan, instrument\n"
              "catalogue, units) and prints one line per problem: FILE: /json/pointer: message.\n"
              "Exit status: 0 when every file is valid, 1 otherwise, 2 on usage errors.\n",
              Spec{{}, {}, 1, 1000000}, validate},
      Command{"fmt", "print a document as canonical JSON",
              "usage: danvan fmt FILE\n\n"
              "Reads FILE (\"-\" for standard input), checks it strictly and prints it as\n"
              "canonical JSON on standard output.\n",
              Spec{{}, {}, 1, 1}, fmt},
      Command{"show", "render a plan for reading",
              "usage: danvan show FILE [--format text|markdown|json] [--unit-register FILE]\n"
              "       danvan show FILE --format docx --output FILE.docx\n\n"
              "Prints the plan in FILE in Vietnamese: facts, purposes, requirements, milestones,\n"
              "the task areas numbered as in the source with the instruments each cites, and all\n"
              "cited instruments with their issuers. --format json prints canonical JSON.\n"
              "--format docx writes the plan as a Word document in the layout of Nghị định\n"
              "30/2020/NĐ-CP (header block, number and place-date line, title, bases, the body\n"
              "with the plan's own numbering, recipients, signature, annexes; unknown facts as\n"
              "blanks), atomically, to --output. --unit-register FILE (the national register,\n"
              "data/units/national/units.json) resolves the units a version 3 plan names by\n"
              "official code (\"code:66\") in the plan's period.\n",
              Spec{{{"--format", "text (default), markdown, json (canonical JSON) or docx"},
                    {"--output", "the .docx file to write (--format docx; atomically)"},
                    {"--unit-register", "a danvan/units register resolving units named by code"}},
                   {},
                   1,
                   1},
              show},
  };
}

}  // namespace danvan::cli
