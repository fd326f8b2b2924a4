// Helper of kill_test.py (the kill -9 test of the journal writer).
//   writer JOURNAL RUN COUNT   appends COUNT registration lines (entries "RUN-0", "RUN-1", ...,
//                              descriptions of 1 byte to 256 KiB so that kills land inside
//                              writes too) and prints each entry id on stdout once append()
//                              returned: an acknowledged line. Repairs go to stderr.
//   writer JOURNAL --tear N    what a writer killed inside write() leaves: takes the journal's
//                              lock, appends the first N bytes of a line, and kills itself
//                              with SIGKILL (real kills land inside a write only sometimes).
//   writer JOURNAL --check     replays the journal onto the base registry and prints the ids
//                              of the entries it registered, then "torn N" when the last line
//                              was torn. Exit 1 with the error when the journal does not replay.
#include "danvan/json/registry.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view kBase = R"({"schema": "danvan/registry", "version": 1, "note": null,
 "fields": [],
 "units": [
  {"id": "p", "name": "Tỉnh P", "kind": "peoples_committee", "level": "province", "parent": null,
   "valid_from": null, "valid_to": null, "predecessors": [], "successors": []},
  {"id": "x", "name": "Xã X", "kind": "peoples_committee", "level": "commune", "parent": "p",
   "valid_from": null, "valid_to": null, "predecessors": [], "successors": []}],
 "entries": []})";

void say(const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(1, text.data() + done, text.size() - done);
    if (n <= 0) std::exit(2);
    done += static_cast<std::size_t>(n);
  }
}

int check(const std::string& path) {
  danvan::Registry registry = danvan::read_registry(kBase);
  const auto result = danvan::replay_journal_file(path, registry);
  std::string out;
  for (std::size_t i = 0; i < registry.size(); ++i) out += registry.entry(i).id + "\n";
  if (result.torn_line) out += "torn " + std::to_string(*result.torn_line) + "\n";
  say(out);
  return 0;
}

/// A registration line of entry `id` whose description has `size` bytes.
std::string line_of(const std::string& id, std::size_t size) {
  danvan::Entry e;
  e.id = id;
  e.name = "Mô hình " + e.id;
  e.unit_id = "x";
  e.field_ids = {"kinh-te"};
  e.description = "Mẫu " + std::string(size, 'm');
  danvan::Event reg;
  reg.date = danvan::Date(2021, 3, 1);
  e.events.push_back(reg);
  return danvan::journal_registration_line(e);
}

int write(const std::string& path, const std::string& run, long count) {
  danvan::JournalWriter writer(path);
  for (const auto& r : writer.repairs()) std::cerr << "repair: " << r.message << "\n";
  unsigned state = static_cast<unsigned>(std::stoul(run.substr(run.find_first_of("0123456789"))));
  for (long i = 0; i < count; ++i) {
    state = state * 1103515245U + 12345U;
    // One line in eight is large (up to 960 KiB), so that kills land inside writes too.
    const std::size_t size = (state >> 8) % 8 == 0 ? (state >> 12) % 983040 : (state >> 12) % 64;
    const std::string id = run + "-" + std::to_string(i);
    writer.append(line_of(id, size));
    say(id + "\n");
  }
  return 0;
}

int tear(const std::string& path, long bytes) {
  const std::string line = line_of("torn", 4096);
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0 || ::flock(fd, LOCK_EX) != 0) return 1;
  const auto n = static_cast<std::size_t>(bytes) % (line.size() - 1) + 1;
  if (::write(fd, line.data(), n) != static_cast<ssize_t>(n)) return 1;
  ::raise(SIGKILL);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 3 && std::string(argv[2]) == "--check") return check(argv[1]);
    if (argc == 4 && std::string(argv[2]) == "--tear") return tear(argv[1], std::stol(argv[3]));
    if (argc == 4) return write(argv[1], argv[2], std::stol(argv[3]));
    std::cerr << "usage: writer JOURNAL RUN COUNT | writer JOURNAL --check\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "writer: " << e.what() << "\n";
    return 1;
  }
}
