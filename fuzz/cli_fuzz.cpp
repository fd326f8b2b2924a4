// libFuzzer target: the command line. The input is a command line, one argument per line; after
// a NUL byte come the bytes of a document the arguments can name as "@doc". "@plan",
// "@catalogue", "@units", "@registry", "@calendar", "@progress" and "@reports" name the bundled
// files, "@out" a file in a scratch folder. Every run must end in exit status 0, 1 or 2: 3 (an
// internal error, any exception that is not a danvan::Error) is a crash.
//
// So that the fuzzer cannot touch files of the machine or wait for input, a line starting with
// "/" or "@" (other than the names above), containing "..", or "-" alone (standard input) ends
// the run unused; the process works in a scratch folder of its own, so relative names land
// there.
#include "cli.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Scratch {
  fs::path dir;
  std::map<std::string, std::string, std::less<>> names;
  Scratch() {
    dir = fs::temp_directory_path() / ("danvan-cli-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path data = fs::path(DANVAN_SOURCE_DIR) / "data";
    names = {{"@plan", (data / "plans" / "phu-yen-2020-nam-dan-van-kheo.json").string()},
             {"@catalogue", (data / "instruments" / "catalogue.json").string()},
             {"@units", (data / "units" / "phu-yen.json").string()},
             {"@registry", (data / "registry" / "sample-registry.json").string()},
             {"@calendar", (data / "calendar" / "vietnam.json").string()},
             {"@progress", (data / "progress" / "phu-yen-2020-progress.json").string()},
             {"@reports", (data / "progress" / "phu-yen-2020-reports.json").string()},
             {"@doc", (dir / "doc").string()},
             {"@out", (dir / "out").string()}};
    fs::current_path(dir);
  }
  ~Scratch() {
    std::error_code ec;
    fs::current_path(fs::temp_directory_path(), ec);
    fs::remove_all(dir, ec);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
};

const Scratch& scratch() {
  static const Scratch s;
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Scratch& s = scratch();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = input.find('\0');
  const std::string_view line_part = input.substr(0, nul);
  std::vector<std::string> args;
  std::size_t start = 0;
  while (start <= line_part.size()) {
    const std::size_t end = std::min(line_part.find('\n', start), line_part.size());
    std::string arg(line_part.substr(start, end - start));
    start = end + 1;
    if (arg == "-" || arg.starts_with('/') || arg.find("..") != std::string::npos) return 0;
    if (arg.starts_with('@')) {
      const auto it = s.names.find(arg);
      if (it == s.names.end()) return 0;
      arg = it->second;
    }
    args.push_back(std::move(arg));
  }
  {
    std::ofstream doc(s.dir / "doc", std::ios::binary | std::ios::trunc);
    if (nul != std::string_view::npos) doc << input.substr(nul + 1);
  }
  std::error_code ec;
  fs::remove(s.dir / "out", ec);
  std::ostringstream out;
  std::ostringstream err;
  const int status = danvan::cli::run(args, out, err);
  if (status < 0 || status > 2) {
    std::fprintf(stderr, "exit status %d: %s\n", status, err.str().c_str());
    std::abort();
  }
  return 0;
}
