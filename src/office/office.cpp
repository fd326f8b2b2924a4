// What danvan::office offers besides the documents: whether it writes, and saving.
#include "danvan/office.hpp"
#include "danvan/error.hpp"
#include "danvan/io.hpp"

#include <system_error>

namespace danvan {

bool docx_writing_supported() noexcept {
#ifdef DANVAN_HAVE_LIBZIP
  return true;
#else
  return false;
#endif
}

void save_document(const std::filesystem::path& path, std::string_view bytes) {
  const std::filesystem::path folder = path.parent_path();
  std::error_code error;
  if (!folder.empty() && !std::filesystem::is_directory(folder, error)) {
    throw IoError(path.string(), "the folder \"" + folder.string() + "\" does not exist",
                  std::make_error_code(std::errc::no_such_file_or_directory));
  }
  write_file_atomically(path, bytes);
}

}  // namespace danvan
