// Helpers of the danvan::office tests: a part of a .docx (read with libzip, as a check of the
// package itself, apart from danvan's reader) and the message of an exception.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <zip.h>

namespace danvan::test {

inline std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no exception";
}

/// The bytes of the part `name` of the zip `bytes`; throws std::runtime_error when the zip does
/// not open or has no such part.
inline std::string part(std::string_view bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source == nullptr ? nullptr : zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source != nullptr) zip_source_free(source);
    throw std::runtime_error("not a zip");
  }
  zip_stat_t stat;
  zip_file_t* file = nullptr;
  if (zip_stat(archive, name.c_str(), 0, &stat) == 0) file = zip_fopen(archive, name.c_str(), 0);
  if (file == nullptr) {
    zip_close(archive);
    throw std::runtime_error("no part " + name);
  }
  std::string out(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t got = zip_fread(file, out.data(), stat.size);
  zip_fclose(file);
  zip_close(archive);
  if (got != static_cast<zip_int64_t>(stat.size)) throw std::runtime_error("short part " + name);
  return out;
}

}  // namespace danvan::test
