// The journal writer after crashes and on a full disk: a torn tail is removed before anything
// is appended after it, and a short write is rolled back, so every acknowledged line replays.
#include "danvan/json/registry.hpp"

#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using danvan::JournalWriter;

// Two units and one recognised entry, so commendation lines apply.
constexpr std::string_view kBase = R"({"schema": "danvan/registry", "version": 1, "note": null,
 "fields": [],
 "units": [
  {"id": "p", "name": "Tỉnh P", "kind": "peoples_committee", "level": "province", "parent": null,
   "valid_from": null, "valid_to": null, "predecessors": [], "successors": []},
  {"id": "x", "name": "Xã X", "kind": "peoples_committee", "level": "commune", "parent": "p",
   "valid_from": null, "valid_to": null, "predecessors": [], "successors": []}],
 "entries": [
  {"id": "e1", "kind": "model", "subject": "collective", "name": "Mô hình A", "unit": "x",
   "fields": ["kinh-te"], "description": "Mẫu.", "person": null,
   "events": [{"type": "registered", "date": "2021-03-01"},
              {"type": "recognised", "date": "2021-06-01", "level": "province", "by": null,
               "decision": null}]}]})";

std::string event_line(int day) {
  return "{\"entry\":\"e1\",\"event\":{\"type\":\"commended\",\"date\":\"2022-01-" +
         std::string(day < 10 ? "0" : "") + std::to_string(day) + "\",\"decision\":null}}\n";
}

std::filesystem::path temp_journal(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() /
           ("danvan-journal-test-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove(p);
  return p;
}

std::string contents(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_raw(const std::filesystem::path& p, const std::string& bytes, bool append = false) {
  std::ofstream out(p, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
  out << bytes;
}

danvan::ReplayResult replay(const std::filesystem::path& p, std::size_t* events = nullptr) {
  danvan::Registry registry = danvan::read_registry(kBase);
  const auto result = danvan::replay_journal_file(p, registry);
  if (events != nullptr) *events = registry.entry(0).events.size();
  return result;
}

TEST(JournalWriter, ATornTailIsRemovedOnOpenAndReported) {
  const auto path = temp_journal("torn-open.jsonl");
  const std::string torn = R"({"entry":"e1","event":{"type":"comm)";
  write_raw(path, event_line(1) + event_line(2) + torn);
  {
    JournalWriter w(path);
    ASSERT_EQ(w.repairs().size(), 1U);
    EXPECT_EQ(w.repairs()[0].offset, 2 * event_line(1).size());
    EXPECT_EQ(w.repairs()[0].dropped_bytes, torn.size());
    EXPECT_EQ(w.repairs()[0].message,
              "dropped a torn last line of 35 bytes at offset 160 (no final newline): "
              "{\"entry\":\"e1\",\"event\":{\"type\":\"comm");
    EXPECT_EQ(contents(path), event_line(1) + event_line(2));
    // Before the repair, this acknowledged line was glued to the torn one and lost.
    w.append(event_line(3));
  }
  std::size_t events = 0;
  const auto result = replay(path, &events);
  EXPECT_EQ(result.applied, 3U);
  EXPECT_FALSE(result.torn_line.has_value());
  EXPECT_EQ(events, 5U);
  {
    JournalWriter again(path);
    EXPECT_TRUE(again.repairs().empty());
  }
  std::filesystem::remove(path);
}

TEST(JournalWriter, ATailTornByAnotherWriterIsRemovedBeforeTheNextAppend) {
  const auto path = temp_journal("torn-later.jsonl");
  JournalWriter w(path);
  w.append(event_line(1));
  // Another process crashed in the middle of its line, with non-ASCII bytes in it.
  write_raw(path, "{\"entry\":\"e1\",\"x\":\"M\xC3\xB4 h\xC3\xACnh\x01", true);
  w.append(event_line(2));
  ASSERT_EQ(w.repairs().size(), 1U);
  EXPECT_EQ(w.repairs()[0].message,
            "dropped a torn last line of 29 bytes at offset 80 (no final newline): "
            "{\"entry\":\"e1\",\"x\":\"M\\xC3\\xB4 h\\xC3\\xACnh\\x01");
  EXPECT_EQ(contents(path), event_line(1) + event_line(2));
  EXPECT_EQ(replay(path).applied, 2U);
  std::filesystem::remove(path);
}

TEST(JournalWriter, AJournalWithoutAnyNewlineIsEmptiedAndLongPreviewsAreCut) {
  const auto path = temp_journal("no-newline.jsonl");
  write_raw(path, std::string(100000, 'x'));
  JournalWriter w(path);
  ASSERT_EQ(w.repairs().size(), 1U);
  EXPECT_EQ(w.repairs()[0].message,
            "dropped a torn last line of 100000 bytes at offset 0 (no "
            "final newline): " +
                std::string(60, 'x') + "...");
  EXPECT_EQ(contents(path), "");
  std::filesystem::remove(path);
}

TEST(JournalWriter, ANewJournalHonoursTheUmask) {
  const auto path = temp_journal("mode.jsonl");
  const mode_t old = ::umask(027);
  { JournalWriter w(path); }
  ::umask(old);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640U);
  std::filesystem::remove(path);
}

TEST(JournalWriter, AShortWriteIsRolledBackWithTheSystemsReason) {
  const auto path = temp_journal("short.jsonl");
  JournalWriter w(path);
  w.append(event_line(1));
  const auto before = contents(path);
  // A file size limit makes the kernel write part of the line, then refuse the rest (EFBIG),
  // as a full disk does (ENOSPC).
  struct rlimit old {};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = old;
  small.rlim_cur = before.size() + 10;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string message;
  try {
    w.append(event_line(2));
  } catch (const danvan::IoError& e) {
    message = e.what();
    EXPECT_EQ(e.code().value(), EFBIG);
  }
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &old), 0);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_EQ(message, path.string() +
                         ": cannot append a journal line: File too large (the line was not "
                         "appended)");
  EXPECT_EQ(contents(path), before);
  w.append(event_line(3));
  EXPECT_TRUE(w.repairs().empty());
  EXPECT_EQ(replay(path).applied, 2U);
  std::filesystem::remove(path);
}

TEST(JournalWriter, OpenErrorsNameThePathAndTheReason) {
  try {
    JournalWriter w("/nonexistent-dir/j.jsonl");
    FAIL();
  } catch (const danvan::IoError& e) {
    EXPECT_STREQ(e.what(), "/nonexistent-dir/j.jsonl: No such file or directory");
    EXPECT_EQ(e.code().value(), ENOENT);
  }
}

}  // namespace
