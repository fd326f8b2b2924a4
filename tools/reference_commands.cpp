// danvan refs | import-text
#include "cli.hpp"
#include "plan_evaluate.hpp"
#include "reference_evaluate.hpp"

#include "danvan/import_text.hpp"
#include "danvan/json.hpp"
#include "danvan/references.hpp"
#include "danvan/text.hpp"

#include <charconv>
#include <cstdio>
#include <optional>
#include <ostream>
#include <sstream>

namespace danvan::cli {

namespace {

std::string describe(const Reference& r) {
  std::ostringstream out;
  out << r.span.start << '-' << r.span.end << '\t' << r.surface << '\t' << to_string(r.type);
  if (r.symbol) out << ' ' << r.symbol->canonical();
  if (r.number && !r.symbol) out << " no. " << *r.number;
  if (r.issuer) out << "; issuer: " << *r.issuer;
  if (r.date) out << "; date " << r.date->iso();
  if (r.year && !r.date) out << "; year " << *r.year;
  if (r.term) out << "; term " << *r.term;
  if (r.period) out << "; period " << r.period->first << '-' << r.period->last;
  switch (r.status) {
    case ResolutionStatus::resolved:
      out << "\t-> " << *r.resolved_id;
      break;
    case ResolutionStatus::ambiguous: {
      out << "\t-> ambiguous:";
      for (const auto& id : r.candidate_ids) out << ' ' << id;
      break;
    }
    case ResolutionStatus::unresolved:
      break;
  }
  return out.str();
}

int refs(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.option("--evaluate")) {
    if (!args.positionals.empty()) throw UsageError("--evaluate takes no FILE");
    return evaluate_references(args, out, err);
  }
  if (args.positionals.size() != 1)
    throw UsageError("expected one FILE (\"-\" for standard input)");
  for (const char* name : {"--min", "--min-precision", "--min-recall", "--split", "--corpus-dir"}) {
    if (args.option(name)) throw UsageError(std::string(name) + " goes with --evaluate");
  }
  if (args.has("--json") && args.has("--annotate")) {
    throw UsageError("--json and --annotate exclude each other");
  }
  const std::string text = read_document_input(args.positionals.front(), err, "refs");
  auto found = find_references(text);
  if (const auto path = args.option("--catalogue")) {
    const InstrumentCatalogue catalogue = load_catalogue(*path);
    resolve_references(found, catalogue, ResolveContext{text});
  }
  if (args.has("--json")) {
    Json array = Json::array();
    for (const auto& r : found) array.push_back(Json(r));
    out << to_canonical_text(array);
  } else if (args.has("--annotate")) {
    out << annotate_markdown(text, found);
  } else {
    for (const auto& r : found) out << describe(r) << '\n';
  }
  return 0;
}

int import_text(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.option("--evaluate")) {
    if (!args.positionals.empty()) throw UsageError("--evaluate takes no FILE");
    if (args.option("--catalogue") || args.option("--id")) {
      throw UsageError("--catalogue and --id do not go with --evaluate");
    }
    return evaluate_plans(args, out, err);
  }
  for (const char* o : {"--split", "--corpus", "--min"}) {
    if (args.option(o)) throw UsageError(std::string(o) + " goes with --evaluate");
  }
  if (args.positionals.size() != 1) {
    throw UsageError("expected one FILE (\"-\" for standard input)");
  }
  const std::string path = args.positionals.front();
  const std::string text = read_document_input(path, err, "import-text");
  std::optional<InstrumentCatalogue> catalogue;
  if (const auto c = args.option("--catalogue")) catalogue = load_catalogue(*c);
  ImportOptions options;
  options.catalogue = catalogue ? &*catalogue : nullptr;
  options.id = args.option("--id").value_or("");
  ImportResult result;
  try {
    result = import_plan_text(text, options);
  } catch (const ParseError& e) {
    err << "danvan import-text: " << (path == "-" ? "standard input" : path) << ": " << e.reason()
        << " (byte " << e.offset() << ")\n";
    return 1;
  }
  out << to_document_text(to_json(result.plan));
  for (const auto& note : result.undetermined) err << "undetermined: " << note << '\n';
  try {
    result.plan.validate();
  } catch (const ValueError& e) {
    err << "danvan import-text: the draft is not a valid plan yet: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace

std::vector<Command> reference_commands() {
  return {
      Command{
          "refs", "find document references in a text",
          "usage: danvan refs FILE|- [--json | --annotate] [--catalogue FILE]\n"
          "       danvan refs --evaluate CORPUS [--split dev|heldout|all] [--corpus-dir DIR]\n"
          "                   [--min RATIO] [--min-precision RATIO] [--min-recall RATIO]\n"
          "                   [--verbose]\n\n"
          "Prints the documents the text in FILE (\"-\" for standard input; a .txt or .md in\n"
          "any Vietnamese encoding, .html, .docx or .pdf, see 'danvan text') cites: one line\n"
          "per reference (code-point span, surface, type, number or symbol, issuer, date,\n"
          "term, period), or with --json an array of objects with the keys surface, start,\n"
          "end, byte_start, byte_end, type, type_code, number, symbol, name, issuer, date,\n"
          "year, term, period, resolved_id (offsets into the NFC text; start/end in code\n"
          "points; name is a law's title, \"Luật Khiếu nại\", or a Party resolution's plenum\n"
          "name; null for what is unknown).\n"
          "--annotate prints the text as Markdown with each reference in bold.\n"
          "--catalogue resolves references against an instrument catalogue.\n"
          "--evaluate reads a labelled corpus (JSON lines, LABEL-FORMATS §2: passages with\n"
          "\"text\", or located in the shared corpus by file, byte range and sha256) and\n"
          "prints precision and recall per field and per kind; a reference is right when its\n"
          "span overlaps a gold one of the same type. --split keeps the passages of one split.\n"
          "Corpus passages are read from --corpus-dir, else $DANVAN_CORPUS_DIR, else the\n"
          "first shared/corpus beside a parent folder of CORPUS; when it is absent they are\n"
          "not run (said on stdout). --min, --min-precision and --min-recall make the exit\n"
          "status 1 when precision or recall is below RATIO. --verbose lists the mismatches\n"
          "on stderr.\n",
          Spec{{{"--catalogue", "resolve the references against this instrument catalogue"},
                {"--evaluate", "score the finder against the labelled passages of CORPUS"},
                {"--split", "--evaluate: the passages of one split, dev, heldout or all"},
                {"--corpus-dir", "--evaluate: the folder of the shared corpus's texts"},
                {"--min", "--evaluate: exit status 1 when precision or recall is below it"},
                {"--min-precision", "--evaluate: exit status 1 when precision is below it"},
                {"--min-recall", "--evaluate: exit status 1 when recall is below it"}},
               {{"--json", "print the references as a JSON array"},
                {"--annotate", "print the text as Markdown, each reference in bold"},
                {"--verbose", "--evaluate: list the mismatches on stderr"}},
               0,
               1},
          refs},
      Command{
          "import-text", "draft a plan from its plain text",
          "usage: danvan import-text FILE|- [--catalogue FILE] [--id ID]\n"
          "       danvan import-text --evaluate LABELS [--split dev|heldout|all]\n"
          "                          [--corpus DIR] [--min RATIO] [--verbose]\n\n"
          "Drafts a danvan/plan from the text of a plan (an official document's header,\n"
          "title, bases, sections, signature, recipients and annexes, or a news page\n"
          "announcing the plan) and prints it as canonical JSON. FILE may be a .txt or .md\n"
          "in any Vietnamese encoding, .html, .docx or .pdf (see 'danvan text'). What could\n"
          "not be determined is listed on stderr as \"undetermined: ...\" lines.\n"
          "--catalogue resolves the issuer and the cited instruments against an instrument\n"
          "catalogue. Exit status 1 when the text is empty or binary, or when the draft does\n"
          "not validate as a plan (it is printed all the same).\n"
          "--evaluate scores the importer against labelled plans (JSON lines, see\n"
          "LABEL-FORMATS.md): title, issuer, number, date, period, item counts (exact share)\n"
          "and task areas, legal bases, duties (precision and recall). The texts are read\n"
          "from --corpus DIR, else $DANVAN_CORPUS_DIR, else <repo>/../shared/corpus, in any\n"
          "format import-text reads. --split picks the records (default dev; a record\n"
          "without \"split\" counts under all). With --min the exit status is 1 when title,\n"
          "issuer, number, date, period, purposes, requirements, or the precision or recall of\n"
          "task areas or legal bases scores below RATIO. --verbose lists the mismatches on\n"
          "stderr. Without the corpus folder it prints \"not run: corpus not present\".\n",
          Spec{{{"--catalogue", "resolve the issuer and the cited instruments against it"},
                {"--id", "the draft plan's id (default: one made from its title)"},
                {"--evaluate", "score the importer against the labelled plans of LABELS"},
                {"--split", "--evaluate: the records of one split, dev (default), heldout or all"},
                {"--corpus", "--evaluate: the folder of the shared corpus's texts"},
                {"--min", "--evaluate: exit status 1 when a score is below it"}},
               {{"--verbose", "--evaluate: list the mismatches on stderr"}},
               0,
               1},
          import_text},
  };
}

}  // namespace danvan::cli
