// The real plans of the corpus (read by path, never copied: $DANVAN_CORPUS_DIR or
// <repo>/../shared/corpus) in every legacy encoding, as a .docx and as a PDF made at test time
// (written to the build directory's tests/formats/work/ for inspection). "not run" when the
// corpus is absent.
#include "danvan/document_text.hpp"
#include "danvan/text.hpp"
#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace danvan {
namespace {

namespace fs = std::filesystem;

fs::path corpus_dir() {
  if (const char* env = std::getenv("DANVAN_CORPUS_DIR")) return env;
  return fs::path(DANVAN_SOURCE_DIR) / ".." / "shared" / "corpus";
}

std::vector<fs::path> plans(const char* folder = "plans") {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(corpus_dir() / folder, ec)) {
    if (e.path().extension() == ".md") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

#define SKIP_WITHOUT_CORPUS(files)                                          \
  if ((files).empty()) {                                                    \
    GTEST_SKIP() << "not run: no corpus plans in " << corpus_dir().string() \
                 << " (set DANVAN_CORPUS_DIR)";                             \
  }

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void save(const std::string& name, const std::string& bytes) {
  const fs::path dir = DANVAN_FORMATS_WORK_DIR;
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!w.empty()) out.push_back(std::move(w));
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

/// `text` with every character `e` cannot write replaced by '?' (counted in `replaced`).
std::string encodable(const std::string& text, TextEncoding e, std::size_t& replaced) {
  static std::map<std::pair<TextEncoding, char32_t>, bool> writable;
  std::string out;
  const std::string nfc = normalize_nfc(text);
  for (std::size_t i = 0; i < nfc.size();) {
    const auto b = static_cast<unsigned char>(nfc[i]);
    const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    const std::string ch = nfc.substr(i, n);
    i += n;
    const auto key = std::make_pair(e, test::utf32(ch).front());
    auto it = writable.find(key);
    if (it == writable.end()) {
      bool ok = true;
      try {
        (void)encode_as(ch, e);
      } catch (const ParseError&) {
        ok = false;
      }
      it = writable.emplace(key, ok).first;
    }
    if (it->second) {
      out += ch;
    } else {
      out += '?';
      ++replaced;
    }
  }
  return out;
}

TEST(Corpus, PlansAndDocumentsInEveryLegacyEncodingAreDetectedAndDecoded) {
  auto files = plans();
  SKIP_WITHOUT_CORPUS(files);
  for (auto& d : plans("documents")) files.push_back(std::move(d));
  std::size_t runs = 0;
  std::size_t right = 0;
  for (const auto e : {TextEncoding::tcvn3, TextEncoding::vni, TextEncoding::viqr,
                       TextEncoding::windows_1258, TextEncoding::utf16be}) {
    std::size_t replaced = 0;
    for (const auto& path : files) {
      const std::string original = encodable(normalize_nfc(slurp(path)), e, replaced);
      const std::string bytes = encode_as(original, e);
      ++runs;
      const DecodedText d = decode_text(bytes, path.filename().string());
      EXPECT_EQ(d.encoding, e) << path.filename() << " read as " << to_string(d.encoding);
      if (d.text != original) {
        const auto [x, y] =
            std::mismatch(d.text.begin(), d.text.end(), original.begin(), original.end());
        const auto at = static_cast<std::size_t>(x - d.text.begin());
        ADD_FAILURE() << path.filename() << " in " << to_string(e) << " differs at byte " << at
                      << ": got '" << d.text.substr(at < 30 ? 0 : at - 30, 60) << "', expected '"
                      << original.substr(at < 30 ? 0 : at - 30, 60) << "'";
      }
      if (d.encoding == e && d.text == original) ++right;
    }
    std::cout << "[ corpus   ] " << to_string(e) << ": " << files.size() << " texts, " << replaced
              << " characters the encoding cannot write replaced by '?'\n";
  }
  std::cout << "[ corpus   ] detected and decoded exactly: " << right << "/" << runs << "\n";
}

TEST(Corpus, PlansAsDocxGiveTheirParagraphs) {
  const auto files = plans();
  SKIP_WITHOUT_CORPUS(files);
  if (!format_supported(DocumentFormat::docx)) GTEST_SKIP() << "not run: no .docx support";
  for (const auto& path : files) {
    const std::string text = normalize_nfc(slurp(path));
    const std::string docx = test::docx_from_lines(text);
    save(path.stem().string() + ".docx", docx);
    const DocumentText d = read_document(docx, path.filename().string());
    EXPECT_EQ(d.format, DocumentFormat::docx);
    // One paragraph per line of the text, trimmed, blank lines left out.
    std::string expected;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      for (char& c : line) {
        if (c == '\t' || c == '\r') c = ' ';
      }
      const std::size_t first = line.find_first_not_of(' ');
      if (first == std::string::npos) continue;
      line = line.substr(first, line.find_last_not_of(' ') - first + 1);
      if (words(line).empty() || line == "\u00A0") continue;
      if (!expected.empty()) expected += "\n\n";
      expected += line;
    }
    EXPECT_EQ(d.text, expected + "\n") << path.filename();
  }
}

TEST(Corpus, PlansAsPdfKeepTheirWords) {
  const auto files = plans();
  SKIP_WITHOUT_CORPUS(files);
  if (!format_supported(DocumentFormat::pdf)) GTEST_SKIP() << "not run: no PDF support";
  std::size_t total = 0;
  for (const auto& path : files) {
    const std::string text = normalize_nfc(slurp(path));
    // Lines of at most 80 characters (so they stay on an A4 page), 50 lines a page.
    std::vector<std::string> pages(1);
    std::size_t lines_on_page = 0;
    std::string line;
    auto flush = [&] {
      if (line.empty()) return;
      if (lines_on_page == 50) {
        pages.emplace_back();
        lines_on_page = 0;
      }
      if (!pages.back().empty()) pages.back() += "\n";
      pages.back() += line;
      ++lines_on_page;
      line.clear();
    };
    // poppler takes a '-' ending a line for a hyphenation and drops it (joining the lines), so
    // no line here ends with one: such a word moves to the next line (a known limitation of
    // reading real PDFs, see document_text.hpp).
    std::string carry;
    for (const auto& w : words(text)) {
      if (test::utf32(line).size() + test::utf32(w).size() + 1 > 80) {
        const std::size_t space = line.rfind(' ');
        if (line.ends_with('-') && space != std::string::npos) {
          carry = line.substr(space + 1);
          line.erase(space);
        }
        flush();
        line = carry;
        carry.clear();
      }
      if (!line.empty()) line += " ";
      line += w;
    }
    flush();
    const std::string pdf = test::make_pdf(pages);
    save(path.stem().string() + ".pdf", pdf);
    const DocumentText d = read_document(pdf, path.filename().string());
    EXPECT_EQ(d.format, DocumentFormat::pdf);
    // NBSP inside words is white space for the comparison (the PDF draws it as a space).
    std::string flat = d.text;
    std::string source = text;
    for (std::string* s : {&flat, &source}) {
      for (std::size_t p = s->find("\u00A0"); p != std::string::npos; p = s->find("\u00A0")) {
        s->replace(p, 2, " ");
      }
    }
    const auto got = words(flat);
    const auto want = words(source);
    const auto [a, b] = std::mismatch(got.begin(), got.end(), want.begin(), want.end());
    EXPECT_TRUE(a == got.end() && b == want.end())
        << path.filename() << ": word " << (a - got.begin()) << " of " << want.size() << ": got '"
        << (a == got.end() ? std::string("<end>") : *a) << "', expected '"
        << (b == want.end() ? std::string("<end>") : *b) << "'";
    total += pages.size();
  }
  std::cout << "[ corpus   ] " << files.size() << " plans as PDF, " << total << " pages\n";
}

}  // namespace
}  // namespace danvan
