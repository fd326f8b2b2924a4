#include "danvan/io.hpp"

#include "danvan/error.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <system_error>
#include <utility>

namespace danvan {

namespace {
/// The std::error_code of an errno value.
std::error_code errno_code(int error) { return {error, std::generic_category()}; }
}  // namespace

std::string read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    throw IoError(path.string(), std::strerror(error), errno_code(error));
  }
  const auto fail = [&](int error, const std::string& reason) {
    ::close(fd);
    throw IoError(path.string(), reason, errno_code(error));
  };
  struct stat st {};
  if (::fstat(fd, &st) != 0) fail(errno, std::strerror(errno));
  if (S_ISDIR(st.st_mode)) fail(EISDIR, "is a directory");
  const auto too_large = [&] {
    fail(EFBIG, "larger than the input limit of " + std::to_string(max_bytes) + " bytes");
  };
  std::string out;
  if (S_ISREG(st.st_mode)) {
    if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) too_large();
    out.reserve(static_cast<std::size_t>(st.st_size));
  }
  // Regular files may still grow while read, and pipes or devices (/dev/zero) have no size:
  // read in blocks and stop one byte past the limit.
  char block[65536];
  while (true) {
    const ssize_t n = ::read(fd, block, sizeof block);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      fail(error, std::string("read failed: ") + std::strerror(error));
    }
    if (n == 0) break;
    if (static_cast<std::size_t>(n) > max_bytes - out.size()) too_large();
    out.append(block, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

// ---------------------------------------------------------------------------------------------
// MappedFile

MappedFile::MappedFile(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw IoError(path.string(), "is a directory", std::make_error_code(std::errc::is_a_directory));
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw IoError(path.string(), std::strerror(errno), errno_code(errno));
  struct stat st {};
  if (::fstat(fd_, &st) != 0) fail(path);
  if (!S_ISREG(st.st_mode)) {  // a pipe or a device: read it
    ::close(fd_);
    fd_ = -1;
    owned_ = read_file(path);
    return;
  }
  size_ = static_cast<std::size_t>(st.st_size);
  if (size_ == 0) return;
  void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
  if (p == MAP_FAILED) fail(path);
  data_ = static_cast<const char*>(p);
  ::madvise(p, size_, MADV_SEQUENTIAL);
}

void MappedFile::release_before(std::size_t offset) noexcept {
  if (data_ == nullptr) return;
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t end = std::min(offset, size_) / page * page;
  if (end > 0) ::madvise(const_cast<char*>(data_), end, MADV_DONTNEED);
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  if (fd_ >= 0) ::close(fd_);
}

void MappedFile::fail(const std::filesystem::path& path) {
  const int error = errno;
  ::close(fd_);
  fd_ = -1;
  throw IoError(path.string(), std::strerror(error), errno_code(error));
}

}  // namespace danvan
