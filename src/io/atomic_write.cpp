// write_file_atomically: a temporary file in the target's directory, written, fsync()ed and
// renamed over the target, then the directory fsync()ed. See SECURITY.md for the guarantees.
#include "danvan/error.hpp"
#include "danvan/io.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>

namespace danvan {

namespace {

std::error_code errno_code(int error) { return {error, std::generic_category()}; }

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int error) {
  throw IoError(path.string(), what + ": " + std::strerror(error), errno_code(error));
}

/// "a directory", "a character device", ... for the refusal message.
std::string describe_mode(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a named pipe";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

/// The file a path names after following symbolic links (at most 40, as the kernel). A
/// dangling link resolves to the missing file it points to, which the save then creates.
std::filesystem::path resolve_links(const std::filesystem::path& path) {
  std::filesystem::path p = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
    std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 256) + 1, '\0');
    const ssize_t n = ::readlink(p.c_str(), target.data(), target.size());
    if (n < 0) fail(path, "cannot read the symbolic link", errno);
    target.resize(static_cast<std::size_t>(n));
    const std::filesystem::path t(target);
    p = t.is_absolute() ? t : p.parent_path() / t;
  }
  fail(path, "cannot follow the symbolic link", ELOOP);
}

constexpr std::string_view temp_prefix = ".danvan-";
constexpr std::string_view temp_suffix = ".tmp";

/// Removes the temporary files of saves that died (killed, power lost) in `dir`: names
/// ".danvan-XXXXXXXXXXXX.tmp" whose writer no longer holds their lock (a live save keeps an
/// flock on its temporary file until the rename) and older than a minute (so a save that just
/// created its file and has not locked it yet is left alone). Best effort: errors are ignored.
void remove_stale_temporaries(const std::filesystem::path& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return;
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name(e->d_name);
    if (name.size() != temp_prefix.size() + 12 + temp_suffix.size() ||
        !name.starts_with(temp_prefix) || !name.ends_with(temp_suffix)) {
      continue;
    }
    const std::filesystem::path p = dir / std::string(name);
    const int fd = ::open(p.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) continue;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
        now - st.st_mtime > 60 && ::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      ::unlink(p.c_str());
    }
    ::close(fd);
  }
  ::closedir(d);
}

/// Creates ".danvan-XXXXXXXXXXXX.tmp" (12 random hex digits; short, so a target name of 255
/// bytes still has room) with mode 0666 less the umask, and locks it.
int create_temporary(const std::filesystem::path& dir, const std::filesystem::path& target,
                     std::filesystem::path& temp) {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char hex[] = "0123456789abcdef";
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string name(temp_prefix);
    std::uint64_t bits = random();
    for (int i = 0; i < 12; ++i, bits >>= 4) name += hex[bits & 0xF];
    name += temp_suffix;
    temp = dir / name;
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd >= 0) {
      (void)::flock(fd, LOCK_EX | LOCK_NB);
      return fd;
    }
    if (errno != EEXIST) fail(target, "cannot create a temporary file", errno);
  }
  fail(target, "cannot create a temporary file", EEXIST);
}

}  // namespace

void write_file_atomically(const std::filesystem::path& requested, std::string_view content) {
  const std::filesystem::path path = resolve_links(requested);
  const std::filesystem::path dir =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  struct stat old {};
  const bool exists = ::stat(path.c_str(), &old) == 0;
  if (!exists && errno != ENOENT) fail(requested, "cannot examine the file", errno);
  if (exists && !S_ISREG(old.st_mode)) {
    throw IoError(requested.string(),
                  "is " + describe_mode(old.st_mode) + ", not a regular file; not replaced",
                  errno_code(S_ISDIR(old.st_mode) ? EISDIR : EINVAL));
  }
  remove_stale_temporaries(dir);
  std::filesystem::path temp;
  const int fd = create_temporary(dir, requested, temp);
  const auto give_up = [&](const std::string& what, int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail(requested, what, error);
  };
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      give_up("write failed", errno);
    }
    done += static_cast<std::size_t>(n);
  }
  if (exists) {
    // Keep the owner, group and permissions of the file replaced (the owner first: changing
    // it clears set-user-ID bits). A save that cannot keep them does not replace the file.
    struct stat mine {};
    if (::fstat(fd, &mine) != 0) give_up("cannot examine the temporary file", errno);
    if ((mine.st_uid != old.st_uid || mine.st_gid != old.st_gid) &&
        ::fchown(fd, old.st_uid, old.st_gid) != 0) {
      give_up("cannot keep the file's owner " + std::to_string(old.st_uid) + ":" +
                  std::to_string(old.st_gid) + " (not replaced)",
              errno);
    }
    if (::fchmod(fd, old.st_mode & 07777) != 0) give_up("cannot keep the file's mode", errno);
  }
  if (::fsync(fd) != 0) give_up("fsync failed", errno);
  if (std::rename(temp.c_str(), path.c_str()) != 0) give_up("rename failed", errno);
  ::close(fd);  // after the rename: the lock kept the cleanup of other saves away until now
  // The rename is durable once the directory is: without this, a power loss can bring back
  // the old file (or none) although the save returned.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) fail(requested, "saved, but cannot open its directory to sync it", errno);
  if (::fsync(dfd) != 0 && errno != EINVAL && errno != EROFS) {
    const int error = errno;
    ::close(dfd);
    fail(requested, "saved, but syncing its directory failed", error);
  }
  ::close(dfd);
}

}  // namespace danvan
