// danvan text: the text of a document (.txt/.md in any Vietnamese encoding, .html, .docx, .pdf)
#include "cli.hpp"

#ifdef DANVAN_CLI_FORMATS
#include "danvan/document_text.hpp"
#endif

#include <iostream>
#include <iterator>
#include <ostream>

namespace danvan::cli {

namespace {

#ifdef DANVAN_CLI_FORMATS
DocumentText read_any(const std::string& path) {
  if (path == "-") {
    const std::string bytes{std::istreambuf_iterator<char>(std::cin),
                            std::istreambuf_iterator<char>()};
    return read_document(bytes, "<stdin>");
  }
  return read_document_file(path);
}

int text(const Args& args, std::ostream& out, std::ostream& err) {
  const DocumentText doc = read_any(args.positionals.front());
  out << doc.text;
  if (!args.has("--quiet")) err << "danvan text: " << doc.describe() << '\n';
  return 0;
}
#endif

}  // namespace

std::string read_document_input(const std::string& path, std::ostream& err,
                                const std::string& command) {
#ifdef DANVAN_CLI_FORMATS
  const DocumentText doc = read_any(path);
  if (doc.format != DocumentFormat::text || doc.encoding != TextEncoding::utf8 || doc.decomposed) {
    err << "danvan " << command << ": read " << path << " as " << doc.describe() << '\n';
  }
  return doc.text;
#else
  (void)err;
  (void)command;
  return read_input(path);
#endif
}

std::vector<Command> text_commands() {
#ifndef DANVAN_CLI_FORMATS
  return {};  // built without danvan::formats: no 'text' command
#else
  return {Command{
      "text", "print the text of a .txt, .md, .html, .docx or .pdf file",
      "usage: danvan text FILE|- [--quiet]\n\n"
      "Prints the text of FILE (\"-\" for standard input) as NFC UTF-8, in the shape the\n"
      "importer reads: paragraphs separated by blank lines, \"# \" headings, **bold**, list\n"
      "items, tables as \"| cell | cell |\" rows. The format is chosen by content: plain text\n"
      "or Markdown, a web page, a .docx, a PDF with a text layer; text in UTF-8 (with or\n"
      "without BOM), UTF-16, Windows-1258, TCVN3 (ABC), VNI Windows, VIQR or decomposed\n"
      "Unicode is detected and converted. What was found is printed on stderr (\"danvan text:\n"
      "text, TCVN3 (ABC)\") unless --quiet. Exit status 1 when the file cannot be read: empty,\n"
      "binary, an unknown encoding, a damaged .docx, a PDF without text (a scan).\n",
      Spec{{}, {{"--quiet", "do not print the format and encoding found on stderr"}}, 1, 1}, text}};
#endif
}

}  // namespace danvan::cli
