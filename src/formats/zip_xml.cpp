// Zip parts and XML for the Office Open XML readers (see zip_xml.hpp).
#include "zip_xml.hpp"

#if defined(DANVAN_HAVE_LIBZIP) && defined(DANVAN_HAVE_LIBXML2)

#include "readers.hpp"

#include <libxml/parser.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace danvan::formats_detail {

namespace {

struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20U) + " MiB"; }

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, std::string who, std::string label,
                       std::uint64_t max_part, std::uint64_t max_total)
    : who_(std::move(who)), label_(std::move(label)), max_part_(max_part), max_total_(max_total) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) fail_with(error);
  zip_.reset(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!zip_) {
    zip_source_free(source);
    fail_with(error);
  }
  zip_error_fini(&error);
  // What every part inflates to, from the central directory; a part that inflates to more
  // than it declares fails its read (libzip checks), so the declared sizes bound the work.
  std::uint64_t total = 0;
  const zip_int64_t entries = zip_get_num_entries(zip_.get(), 0);
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0 ||
        (st.valid & ZIP_STAT_SIZE) == 0) {
      continue;
    }
    if (st.size > max_total_ - total) {
      throw DocumentError(
          who_, DocumentProblem::too_large,
          "the " + label_ + "'s parts add up to more than " + mib(max_total_) + " (a zip bomb?)");
    }
    total += st.size;
  }
}

bool ZipArchive::has(const char* name) const { return zip_name_locate(zip_.get(), name, 0) >= 0; }

std::optional<std::string> ZipArchive::read(const char* name) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_.get(), name, 0, &st) != 0) return std::nullopt;
  if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > max_part_) {
    throw DocumentError(who_, DocumentProblem::too_large,
                        "the " + label_ + " part " + name + " is larger than " + mib(max_part_));
  }
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen(zip_.get(), name, 0));
  if (!file) damaged(std::string("cannot open ") + name + ": " + zip_strerror(zip_.get()));
  std::string data(static_cast<std::size_t>(st.size), '\0');
  zip_uint64_t done = 0;
  while (done < st.size) {
    const zip_int64_t n = zip_fread(file.get(), data.data() + done, st.size - done);
    if (n < 0) damaged(std::string("cannot read ") + name + ": " + zip_file_strerror(file.get()));
    if (n == 0) damaged(std::string(name) + " is cut short");
    done += static_cast<zip_uint64_t>(n);
  }
  // Reading on to the end makes libzip check the entry's CRC (and that it is no longer).
  char extra = 0;
  if (zip_fread(file.get(), &extra, 1) != 0) {
    damaged(std::string("cannot read ") + name + ": " + zip_file_strerror(file.get()));
  }
  return data;
}

void ZipArchive::damaged(const std::string& what) const {
  throw DocumentError(who_, DocumentProblem::damaged,
                      "the " + label_ + " is damaged or cut short (" + what + ")");
}

void ZipArchive::fail_with(zip_error_t& error) {
  const std::string what = zip_error_strerror(&error);
  const int code = zip_error_code_zip(&error);
  zip_error_fini(&error);
  if (code == ZIP_ER_NOZIP) {
    throw DocumentError(
        who_, DocumentProblem::damaged,
        "the " + label_ + " is damaged or cut short: its zip directory is missing (" + what + ")");
  }
  throw DocumentError(who_, DocumentProblem::damaged,
                      "the " + label_ + " is damaged or cut short (" + what + ")");
}

XmlDoc parse_part_xml(const std::string& data, const char* part, const ZipArchive& archive,
                      bool refuse_dtd) {
  std::string first_error;
  silence_libxml2(&first_error);
  if (data.size() > static_cast<std::size_t>(INT32_MAX)) archive.damaged("part too large");
  // No entity substitution (no XML_PARSE_NOENT), no network, no DTD loading.
  XmlDoc doc(xmlReadMemory(data.data(), static_cast<int>(data.size()), part, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR));
  silence_libxml2();
  if (!doc) {
    archive.damaged(std::string(part) + " is not well-formed XML: " +
                    (first_error.empty() ? std::string("malformed") : first_error));
  }
  if (refuse_dtd && (doc->intSubset != nullptr || doc->extSubset != nullptr)) {
    throw DocumentError(
        archive.who(), DocumentProblem::unsupported,
        std::string(part) + ": a document type declaration, which no " + archive.label() + " has");
  }
  return doc;
}

bool named(const xmlNode* n, const char* local) {
  return n != nullptr && n->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

const xmlNode* child(const xmlNode* n, const char* local) {
  for (const xmlNode* c = n == nullptr ? nullptr : n->children; c != nullptr; c = c->next) {
    if (named(c, local)) return c;
  }
  return nullptr;
}

}  // namespace danvan::formats_detail

#endif
