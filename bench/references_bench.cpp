// Throughput of find_references on a mixed real corpus: every text of the shared corpus
// (documents/ and plans/ of $DANVAN_CORPUS_DIR, else <source>/../shared/corpus), in file-name
// order, concatenated and the whole set repeated until it holds at least 50 MB. It is built in
// memory at start-up and never written anywhere (the texts are not part of the project).
// Without the corpus the bundled texts of tests/data are used and each benchmark's label says
// "not run on the corpus".
//
// Baselines measured in the same process on the same bytes: std::string_view::find of a byte
// that does not occur (memchr: the cost of touching every byte) and std::count of '\n' (a
// plain byte loop). Report find_references as a ratio to them.
#include "danvan/references.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

fs::path corpus_dir() {
  if (const char* env = std::getenv("DANVAN_CORPUS_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  return fs::path(DANVAN_SOURCE_DIR).parent_path() / "shared" / "corpus";
}

bool corpus_present() {
  std::error_code ec;
  return fs::is_directory(corpus_dir() / "documents", ec);
}

// The shared corpus's texts repeated to 50 MB; without the corpus, the bundled documents
// (tests/data: the founding plan and the sample official plan) repeated instead, and the
// benchmarks say so ("not run on the corpus"). Empty when neither is readable.
const std::string& big_text() {
  static const std::string text = [] {
    const fs::path root = corpus_dir();
    std::vector<fs::path> files;
    for (const char* sub : {"documents", "plans"}) {
      std::error_code ec;
      for (const auto& entry : fs::directory_iterator(root / sub, ec)) {
        if (entry.path().extension() == ".md") files.push_back(entry.path());
      }
    }
    if (files.empty()) {
      const fs::path data = fs::path(DANVAN_SOURCE_DIR) / "tests" / "data";
      files = {data / "phu-yen-2020-nam-dan-van-kheo.txt", data / "sample-official-plan.md"};
    }
    std::sort(files.begin(), files.end());
    std::string once;
    for (const auto& path : files) {
      std::ifstream in(path, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      once += ss.str();
      once += "\n\n";
    }
    std::string out;
    if (once.size() < 1024) return out;
    constexpr std::size_t kTarget = 50U * 1024U * 1024U;
    out.reserve(kTarget + once.size());
    while (out.size() < kTarget) out += once;
    return out;
  }();
  return text;
}

bool ready(benchmark::State& state) {
  if (big_text().empty()) {
    state.SkipWithError(
        ("not run: corpus not present at " + corpus_dir().string() + ", bundled data not readable")
            .c_str());
    return false;
  }
  if (!corpus_present()) {
    state.SetLabel("not run on the corpus (not present at " + corpus_dir().string() +
                   "): bundled tests/data texts repeated");
  }
  return true;
}

void set_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(big_text().size()));
}

void BM_ScanMemchr(benchmark::State& state) {
  if (!ready(state)) return;
  const std::string_view text = big_text();
  for (auto _ : state) benchmark::DoNotOptimize(text.find('\x01'));
  set_bytes(state);
}
BENCHMARK(BM_ScanMemchr)->Unit(benchmark::kMillisecond);

void BM_ScanCountNewlines(benchmark::State& state) {
  if (!ready(state)) return;
  const std::string_view text = big_text();
  for (auto _ : state) benchmark::DoNotOptimize(std::count(text.begin(), text.end(), '\n'));
  set_bytes(state);
}
BENCHMARK(BM_ScanCountNewlines)->Unit(benchmark::kMillisecond);

void BM_FindReferences(benchmark::State& state) {
  if (!ready(state)) return;
  const std::string& text = big_text();
  std::size_t found = 0;
  for (auto _ : state) {
    const auto refs = danvan::find_references(text);
    found = refs.size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["references"] = static_cast<double>(found);
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
  set_bytes(state);
}
BENCHMARK(BM_FindReferences)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
