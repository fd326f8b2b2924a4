// File input and output: the only part of danvan that talks to the operating system (like
// fmt's os.h). Target danvan::io; the JSON layer (danvan::json) loads and saves documents
// through it, the core (danvan::danvan) does no file I/O at all. POSIX only.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace danvan {

/// The default limit of read_file (and of the CLI's standard input): 1 GiB.
inline constexpr std::size_t default_max_input_bytes = std::size_t{1} << 30;
/// Reads a whole file of at most `max_bytes` bytes; throws IoError naming the path and the
/// system's reason (its code() is the errno value: ENOENT, EACCES, EISDIR for a directory,
/// EFBIG for a file or stream longer than `max_bytes`, such as /dev/zero).
std::string read_file(const std::filesystem::path& path,
                      std::size_t max_bytes = default_max_input_bytes);

/// Writes via a temporary file in the same directory (".danvan-XXXXXXXXXXXX.tmp"), fsync()ed,
/// renamed over the target, then the directory fsync()ed: a crash or power loss leaves either
/// the old or the new file. A symbolic link is followed (the file it names is replaced, the link
/// stays); a target that exists but is not a regular file (a directory, a device such as
/// /dev/null, a pipe) is refused; the replaced file's mode, owner and group are kept (a save
/// that cannot keep them replaces nothing), a new file gets 0666 less the umask. Temporary
/// files of saves that died (killed, power lost) are removed by the next save into the
/// directory. Throws IoError (code() the errno value); on failure no temporary file remains.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

/// A read-only private mapping of a whole file (no copy of the text in the heap). Files that
/// cannot be mapped (pipes, devices) are read into memory instead. Throws IoError.
class MappedFile {
 public:
  /// Maps (or reads) the file; IoError naming the path for a missing file, a directory or a
  /// read error, with code() the errno value.
  explicit MappedFile(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  /// The file's bytes; valid as long as this object lives.
  [[nodiscard]] std::string_view text() const noexcept {
    if (data_ == nullptr) return owned_;
    return {data_, size_};
  }
  /// Tells the system that the bytes before `offset` will not be read again soon: their pages
  /// leave the process's resident memory (reading them again reads the file again). Lets a
  /// reader that goes through a large file once keep only what it has not read yet resident.
  /// Does nothing for a file that was read rather than mapped.
  void release_before(std::size_t offset) noexcept;

 private:
  [[noreturn]] void fail(const std::filesystem::path& path);
  int fd_ = -1;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::string owned_;
};

}  // namespace danvan
