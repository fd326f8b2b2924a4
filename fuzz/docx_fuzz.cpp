// libFuzzer target: the .docx reader. The first byte chooses what the rest is: the bytes of a
// whole file (zip parsing), or word/document.xml, styles.xml or numbering.xml inside a valid zip
// (WordprocessingML walking; the body beside fuzzed styles holds a table whose shape, rows or
// cell by cell, depends on its style's borders). read_document either throws DocumentError or
// returns NFC text, which the plan importer then reads (a layout table's cell-by-cell shape is
// written for it) without throwing. The same file is read as a proposal list
// (import_proposals_docx) into a small registry: DocumentError or ValueError, or rows counted
// as taken or reported.
#include "../tests/formats/fixtures.hpp"
#include "danvan/document_text.hpp"
#include "danvan/error.hpp"
#include "danvan/import_text.hpp"
#include "danvan/registry_sheets.hpp"
#include "danvan/text.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <tuple>

namespace {

/// One commune, one model ("Chợ nổi" of Xã A) and two exemplars of one name.
danvan::Registry small_registry() {
  danvan::Unit u;
  u.id = "a";
  u.name = "Xã A";
  u.kind = danvan::UnitKind::peoples_committee;
  u.level = danvan::Level::commune;
  danvan::Registry r{danvan::UnitHierarchy({u})};
  danvan::Event registered;
  registered.date = danvan::PartialDate(2024);
  for (const auto& [id, name, person] :
       {std::tuple<const char*, const char*, const char*>{"m1", "Chợ nổi", ""},
        {"m2", "Trưởng ấp", "An"},
        {"m3", "Trưởng ấp", "Bé"}}) {
    danvan::Entry e;
    e.id = id;
    e.name = name;
    e.unit_id = "a";
    if (*person != '\0') {
      e.subject = danvan::Subject::individual;
      e.person_name = person;
    } else {
      e.subject = danvan::Subject::collective;
    }
    e.events = {registered};
    r.add(e);
  }
  return r;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string file;
  const char* const body =
      "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:numPr><w:ilvl w:val=\"0\"/>"
      "<w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>K\xE1\xBA\xBF ho\xE1\xBA\xA1"
      "ch</w:t></w:r></w:p><w:tbl><w:tblPr><w:tblStyle w:val=\"T\"/></w:tblPr><w:tr><w:tc>"
      "<w:p><w:r><w:t>a|</w:t><w:br/><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>"
      "</w:tbl>";
  switch (data[0] % 4) {
    case 0:
      file = std::string("PK\x03\x04", 4) + std::string(rest);
      break;
    case 1: {
      auto parts = danvan::test::docx_parts("");
      parts[2].second = std::string(rest);
      file = danvan::test::make_zip(parts);
      break;
    }
    case 2: {
      auto parts = danvan::test::docx_parts(body);
      parts.emplace_back("word/styles.xml", std::string(rest));
      file = danvan::test::make_zip(parts);
      break;
    }
    default: {
      auto parts = danvan::test::docx_parts(body);
      parts.emplace_back("word/numbering.xml", std::string(rest));
      file = danvan::test::make_zip(parts);
      break;
    }
  }
  try {
    const danvan::DocumentText d = danvan::read_document(file, "fuzz.docx");
    if (!danvan::is_nfc(d.text)) std::abort();
    try {
      (void)danvan::import_plan_text(d.text);
    } catch (const danvan::ParseError&) {
    }
  } catch (const danvan::DocumentError&) {
  }
  static const danvan::Registry base = small_registry();
  danvan::Registry registry = base;
  danvan::ProposalOptions options;
  options.date = danvan::PartialDate(2025, 11);  // (without one every list is refused whole)
  try {
    const danvan::TableImport t =
        danvan::import_proposals_docx(file, "fuzz.docx", registry, options);
    if (t.added + t.problems.size() != t.rows || t.table == 0) std::abort();
  } catch (const danvan::ValueError&) {
  }
  return 0;
}
