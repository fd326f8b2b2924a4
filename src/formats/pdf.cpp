// PDF text layer with poppler-cpp, in reading order (poppler's non-raw, non-physical layout,
// as pdftotext without -layout).
#include "readers.hpp"

#ifdef DANVAN_HAVE_POPPLER

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>

namespace danvan::formats_detail {

namespace {

constexpr int kMaxPages = 2000;

void ignore_poppler(const std::string&, void*) {}

bool has_letters(std::string_view text) {
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b >= 0xC0) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string pdf_text(std::string_view bytes, const std::string& who) {
  poppler::set_debug_error_function(ignore_poppler, nullptr);
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    throw DocumentError(who, DocumentProblem::too_large, "the PDF is larger than 2 GiB");
  }
  const std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    throw DocumentError(who, DocumentProblem::damaged,
                        "the PDF is damaged or cut short (poppler cannot open it)");
  }
  if (doc->is_locked()) {
    throw DocumentError(who, DocumentProblem::unsupported,
                        "the PDF is encrypted with a password; danvan cannot read it");
  }
  const int pages = doc->pages();
  if (pages > kMaxPages) {
    throw DocumentError(who, DocumentProblem::too_large,
                        "the PDF has " + std::to_string(pages) + " pages (at most " +
                            std::to_string(kMaxPages) + " are read)");
  }
  std::string out;
  for (int i = 0; i < pages; ++i) {
    const std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    const poppler::byte_array utf8 =
        page->text(page->page_rect(), poppler::page::non_raw_non_physical_layout).to_utf8();
    std::string text(utf8.begin(), utf8.end());
    // Form feeds end pages in poppler's output; pages are separated by a blank line here.
    for (char& c : text) {
      if (c == '\f' || c == '\r') c = '\n';
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (text.empty()) continue;
    if (!out.empty()) out += "\n\n";
    out += text;
  }
  if (!has_letters(out)) {
    throw DocumentError(who, DocumentProblem::no_text,
                        "the PDF has no text layer (" + std::to_string(pages) +
                            (pages == 1 ? " page" : " pages") +
                            " of images: a scan?); run OCR on it first");
  }
  out.push_back('\n');
  return out;
}

}  // namespace danvan::formats_detail

#else

namespace danvan::formats_detail {

std::string pdf_text(std::string_view, const std::string& who) {
  throw DocumentError(who, DocumentProblem::not_built,
                      "a PDF file, but danvan was not built with PDF support (poppler-cpp was not "
                      "found)");
}

}  // namespace danvan::formats_detail

#endif
