// Internal: the files of data/templates/, embedded by the build (cmake/embed_files.cmake
// generates office_templates.cpp from them).
#pragma once

#include <cstddef>
#include <string_view>

namespace danvan::office_detail {

/// One embedded file: its path under data/templates/ and its bytes.
struct EmbeddedFile {
  std::string_view name;
  std::string_view data;
};

extern const EmbeddedFile embedded_files[];
extern const std::size_t embedded_file_count;

}  // namespace danvan::office_detail
