// The zip and XML reading shared by the Office Open XML readers (.docx, .xlsx): a zip archive
// read with libzip whose parts are size-capped (a zip bomb is refused, not inflated), and XML
// parsed with libxml2 without network access, entity substitution or DTD loading.
#pragma once

#if defined(DANVAN_HAVE_LIBZIP) && defined(DANVAN_HAVE_LIBXML2)

#include "danvan/document_text.hpp"

#include <libxml/tree.h>
#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace danvan::formats_detail {

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

/// A zip archive in memory. Messages name the file `who` and the container `label` (".docx").
class ZipArchive {
 public:
  /// `max_part` caps each part read, `max_total` what all parts of the archive declare they
  /// inflate to (checked on opening: DocumentError too_large).
  ZipArchive(std::string_view bytes, std::string who, std::string label,
             std::uint64_t max_part = std::uint64_t{64} << 20U,
             std::uint64_t max_total = UINT64_MAX);

  [[nodiscard]] bool has(const char* name) const;
  /// The bytes of part `name`, or nullopt when the archive has no such part. Throws
  /// DocumentError (too_large) beyond the caps, (damaged) for a part that does not inflate or
  /// whose CRC is wrong.
  std::optional<std::string> read(const char* name) const;
  [[noreturn]] void damaged(const std::string& what) const;
  [[nodiscard]] const std::string& who() const noexcept { return who_; }
  [[nodiscard]] const std::string& label() const noexcept { return label_; }

 private:
  [[noreturn]] void fail_with(zip_error_t& error);

  std::string who_;
  std::string label_;
  std::uint64_t max_part_;
  std::uint64_t max_total_;
  std::unique_ptr<zip_t, ZipCloser> zip_;
};

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, DocFree>;

/// Parses part `part` of `archive`; throws DocumentError (damaged) for XML that is not
/// well-formed. With `refuse_dtd`, a document type declaration is refused (unsupported).
XmlDoc parse_part_xml(const std::string& data, const char* part, const ZipArchive& archive,
                      bool refuse_dtd = false);

/// True when `n` is an element named `local` (any namespace).
bool named(const xmlNode* n, const char* local);
/// The first child element of `n` named `local` (any namespace), or nullptr.
const xmlNode* child(const xmlNode* n, const char* local);

}  // namespace danvan::formats_detail

#endif
