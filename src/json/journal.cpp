// The journal writer: appends that are durable when acknowledged, and a torn tail (a crashed
// writer's partial line) removed before anything is appended after it.
#include "danvan/json/registry.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace danvan {

namespace {

[[noreturn]] void throw_errno(const std::filesystem::path& path, const std::string& what,
                              int error) {
  throw IoError(path.string(), what + ": " + std::strerror(error),
                {error, std::generic_category()});
}

/// Holds flock(LOCK_EX) on the journal for one repair or append.
class FileLock {
 public:
  FileLock(int fd, const std::filesystem::path& path) : fd_(fd) {
    while (::flock(fd_, LOCK_EX) != 0) {
      if (errno != EINTR) throw_errno(path, "cannot lock the journal", errno);
    }
  }
  ~FileLock() { ::flock(fd_, LOCK_UN); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

std::uintmax_t file_size(int fd, const std::filesystem::path& path) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw_errno(path, "cannot read the journal's size", errno);
  return static_cast<std::uintmax_t>(st.st_size);
}

/// Reads exactly `size` bytes at `offset` (fewer only at the end of the file).
std::string read_at(int fd, std::uintmax_t offset, std::size_t size,
                    const std::filesystem::path& path) {
  std::string out(size, '\0');
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n =
        ::pread(fd, out.data() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno(path, "cannot read the journal", errno);
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
  return out;
}

/// Printable ASCII as is, any other byte as \xNN; at most `limit` input bytes ("..." after).
std::string preview(std::string_view bytes, std::size_t limit) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < bytes.size() && i < limit; ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b >= 0x20 && b < 0x7F) {
      out += static_cast<char>(b);
    } else {
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 0xF];
    }
  }
  if (bytes.size() > limit) out += "...";
  return out;
}

}  // namespace

JournalWriter::JournalWriter(const std::filesystem::path& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
  if (fd_ < 0) {
    const int error = errno;
    throw IoError(path.string(), std::strerror(error), {error, std::generic_category()});
  }
  try {
    const FileLock lock(fd_, path_);
    repair_tail();
  } catch (...) {
    ::close(fd_);
    throw;
  }
}

JournalWriter::~JournalWriter() {
  if (fd_ >= 0) ::close(fd_);
}

void JournalWriter::repair_tail() {
  const std::uintmax_t size = file_size(fd_, path_);
  if (size == 0 || read_at(fd_, size - 1, 1, path_) == "\n") return;
  // Find the last "\n", reading backwards in blocks.
  constexpr std::size_t block = 65536;
  std::uintmax_t keep = 0;
  for (std::uintmax_t end = size; end > 0;) {
    const std::uintmax_t start = end > block ? end - block : 0;
    const std::string bytes = read_at(fd_, start, static_cast<std::size_t>(end - start), path_);
    const auto nl = bytes.rfind('\n');
    if (nl != std::string::npos) {
      keep = start + nl + 1;
      break;
    }
    end = start;
  }
  JournalRepair repair;
  repair.offset = keep;
  repair.dropped_bytes = size - keep;
  const std::string head =
      read_at(fd_, keep,
              static_cast<std::size_t>(std::min<std::uintmax_t>(repair.dropped_bytes, 61)), path_);
  repair.message = "dropped a torn last line of " + std::to_string(repair.dropped_bytes) +
                   " bytes at offset " + std::to_string(keep) +
                   " (no final newline): " + preview(head, 60);
  if (::ftruncate(fd_, static_cast<off_t>(keep)) != 0) {
    throw_errno(path_, "cannot remove a torn last line", errno);
  }
  if (::fsync(fd_) != 0) throw_errno(path_, "cannot remove a torn last line: fsync", errno);
  repairs_.push_back(std::move(repair));
}

void JournalWriter::append(std::string_view line) {
  if (line.empty() || line.back() != '\n' || line.find('\n') != line.size() - 1) {
    throw ValueError("a journal line must be one line ending in a newline");
  }
  const FileLock lock(fd_, path_);
  // Another writer may have crashed mid-line since the last append.
  repair_tail();
  const std::uintmax_t before = file_size(fd_, path_);
  const auto roll_back = [&](const std::string& what, int error) {
    std::string reason = what + ": " + std::strerror(error);
    if (::ftruncate(fd_, static_cast<off_t>(before)) == 0) {
      (void)::fsync(fd_);
      reason += " (the line was not appended)";
    } else {
      reason += std::string(" (and removing the partial line failed: ") + std::strerror(errno) +
                "; the next append or open removes it)";
    }
    throw IoError(path_.string(), reason, {error, std::generic_category()});
  };
  std::size_t done = 0;
  while (done < line.size()) {
    // O_APPEND: each write lands at the end, which only this writer moves while it holds the
    // lock, so the pieces of a short write stay contiguous.
    const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      roll_back("cannot append a journal line", errno);
    }
    if (n == 0) roll_back("cannot append a journal line", EIO);
    done += static_cast<std::size_t>(n);
  }
  // After a failed fsync the line's durability is unknown: it is not acknowledged, so it goes.
  if (::fsync(fd_) != 0) roll_back("cannot append a journal line: fsync", errno);
}

}  // namespace danvan
