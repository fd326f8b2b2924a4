// Atomic saves: they keep the replaced file's mode and owner, honour the umask for new files,
// follow symbolic links, refuse what is not a regular file, clean up after themselves and after
// saves that died, and accept the longest file names.
#include "danvan/io.hpp"
#include "danvan/json.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

namespace {

namespace fs = std::filesystem;

class AtomicWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("danvan-atomic-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  /// The names in the directory other than `except`.
  std::vector<std::string> others(const std::string& except = "") const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(dir_)) {
      if (e.path().filename() != except) out.push_back(e.path().filename().string());
    }
    return out;
  }
  fs::path dir_;
};

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const danvan::IoError& e) {
    return e.what();
  }
  return "";
}

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  EXPECT_EQ(::stat(p.c_str(), &st), 0);
  return st.st_mode & 07777;
}

TEST_F(AtomicWrite, KeepsTheModeOfTheFileItReplaces) {
  const auto path = dir_ / "registry.json";
  danvan::write_file_atomically(path, "old\n");
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  danvan::write_file_atomically(path, "new\n");
  EXPECT_EQ(danvan::read_file(path), "new\n");
  EXPECT_EQ(mode_of(path), 0600U);
  EXPECT_TRUE(others("registry.json").empty());
}

TEST_F(AtomicWrite, ANewFileGetsTheUmask) {
  const mode_t old = ::umask(077);
  danvan::write_file_atomically(dir_ / "a.json", "a\n");
  ::umask(022);
  danvan::write_file_atomically(dir_ / "b.json", "b\n");
  ::umask(old);
  EXPECT_EQ(mode_of(dir_ / "a.json"), 0600U);
  EXPECT_EQ(mode_of(dir_ / "b.json"), 0644U);
}

TEST_F(AtomicWrite, KeepsTheOwnerWhenRunAsRoot) {
  if (::geteuid() != 0) GTEST_SKIP() << "changing a file's owner needs root";
  const auto path = dir_ / "owned.json";
  danvan::write_file_atomically(path, "old\n");
  ASSERT_EQ(::chown(path.c_str(), 12345, 23456), 0);
  danvan::write_file_atomically(path, "new\n");
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, 12345U);
  EXPECT_EQ(st.st_gid, 23456U);
}

TEST_F(AtomicWrite, FollowsSymbolicLinksToTheRealFile) {
  fs::create_directories(dir_ / "real");
  const auto real = dir_ / "real" / "plan.json";
  danvan::write_file_atomically(real, "old\n");
  fs::create_symlink("real/plan.json", dir_ / "link.json");     // relative
  fs::create_symlink(dir_ / "link.json", dir_ / "link2.json");  // a chain, absolute
  danvan::write_file_atomically(dir_ / "link2.json", "new\n");
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.json"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link2.json"));
  EXPECT_EQ(danvan::read_file(real), "new\n");
  // A dangling link: the file it names is created.
  fs::create_symlink("real/new.json", dir_ / "dangling.json");
  danvan::write_file_atomically(dir_ / "dangling.json", "x\n");
  EXPECT_EQ(danvan::read_file(dir_ / "real" / "new.json"), "x\n");
  // A loop is an error, not a hang.
  fs::create_symlink("loop2", dir_ / "loop1");
  fs::create_symlink("loop1", dir_ / "loop2");
  EXPECT_EQ(message_of([&] { danvan::write_file_atomically(dir_ / "loop1", "x\n"); }),
            (dir_ / "loop1").string() +
                ": cannot follow the symbolic link: Too many levels of symbolic links");
}

TEST_F(AtomicWrite, RefusesTargetsThatAreNotRegularFiles) {
  EXPECT_EQ(message_of([] { danvan::write_file_atomically("/dev/null", "x\n"); }),
            "/dev/null: is a character device, not a regular file; not replaced");
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  fs::create_directories(dir_ / "sub");
  EXPECT_EQ(message_of([&] { danvan::write_file_atomically(dir_ / "sub", "x\n"); }),
            (dir_ / "sub").string() + ": is a directory, not a regular file; not replaced");
  ASSERT_EQ(::mkfifo((dir_ / "fifo").c_str(), 0600), 0);
  EXPECT_EQ(message_of([&] { danvan::write_file_atomically(dir_ / "fifo", "x\n"); }),
            (dir_ / "fifo").string() + ": is a named pipe, not a regular file; not replaced");
  EXPECT_EQ(others("sub").size(), 1U);  // the fifo; no temporary file
}

TEST_F(AtomicWrite, AFileNameOf255BytesSaves) {
  const auto path = dir_ / std::string(255, 'k');
  danvan::write_file_atomically(path, "long\n");
  EXPECT_EQ(danvan::read_file(path), "long\n");
}

TEST_F(AtomicWrite, AFailedWriteLeavesTheOldFileAndNoTemporaryFile) {
  const auto path = dir_ / "plan.json";
  danvan::write_file_atomically(path, "old\n");
  struct rlimit old {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  const auto handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = old;
  small.rlim_cur = 100;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  const std::string message =
      message_of([&] { danvan::write_file_atomically(path, std::string(1000, 'x')); });
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &old), 0);
  std::signal(SIGXFSZ, handler);
  EXPECT_EQ(message, path.string() + ": write failed: File too large");
  EXPECT_EQ(danvan::read_file(path), "old\n");
  EXPECT_TRUE(others("plan.json").empty());
}

TEST_F(AtomicWrite, TheNextSaveRemovesTemporaryFilesOfSavesThatDied) {
  const auto stale = dir_ / ".danvan-0123456789ab.tmp";
  const auto fresh = dir_ / ".danvan-fedcba987654.tmp";
  const auto locked = dir_ / ".danvan-aaaaaaaaaaaa.tmp";
  const auto other = dir_ / ".danvan-notours.tmp";
  for (const auto& p : {stale, fresh, locked, other}) std::ofstream(p) << "partial";
  const auto an_hour_ago = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& p : {stale, locked, other}) fs::last_write_time(p, an_hour_ago);
  // A save in progress (here: this process) holds the lock of its temporary file.
  const int fd = ::open(locked.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  danvan::write_file_atomically(dir_ / "plan.json", "new\n");
  ::close(fd);
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(fresh));   // younger than a minute: its save may still be starting
  EXPECT_TRUE(fs::exists(locked));  // its save is alive
  EXPECT_TRUE(fs::exists(other));   // not a name danvan makes
  EXPECT_EQ(danvan::read_file(dir_ / "plan.json"), "new\n");
}

TEST_F(AtomicWrite, AMappedFileReadsTheSameAfterReleasingPages) {
  // Three pages and a bit of known bytes; released pages are read again from the file.
  std::string bytes;
  for (int i = 0; bytes.size() < 3 * 4096 + 100; ++i) bytes += std::to_string(i) + ",";
  danvan::write_file_atomically(dir_ / "big.txt", bytes);
  danvan::MappedFile file(dir_ / "big.txt");
  ASSERT_EQ(file.text(), bytes);
  file.release_before(4096 + 10);  // the first page only (a partial page stays)
  EXPECT_EQ(file.text(), bytes);
  file.release_before(bytes.size() + 4096);  // beyond the end: every whole page
  EXPECT_EQ(file.text(), bytes);
  danvan::write_file_atomically(dir_ / "empty.txt", "");
  danvan::MappedFile empty(dir_ / "empty.txt");  // nothing mapped: releasing does nothing
  empty.release_before(4096);
  EXPECT_EQ(empty.text(), "");
}

}  // namespace
