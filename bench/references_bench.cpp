// Throughput of find_references on the founding document repeated to about 50 MB, against a
// baseline measured in the same process: one pass of std::string_view::find over the same text
// for a byte that does not occur (the cost of touching every byte).
#include "danvan/references.hpp"

#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

const std::string& big_text() {
  static const std::string text = [] {
    // The seed text sits beside the tests: <source>/tests/data/, found from this file's path.
    std::string path = __FILE__;
    path = path.substr(0, path.rfind("/bench/")) + "/tests/data/phu-yen-2020-nam-dan-van-kheo.txt";
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string seed = ss.str() + "\n";
    if (seed.size() < 100) throw std::runtime_error("cannot read " + path);
    std::string out;
    out.reserve(50U * 1024U * 1024U + seed.size());
    while (out.size() < 50U * 1024U * 1024U) out += seed;
    return out;
  }();
  return text;
}

void BM_ScanBaseline(benchmark::State& state) {
  const std::string& text = big_text();
  for (auto _ : state) {
    benchmark::DoNotOptimize(text.find('\x01'));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ScanBaseline)->Unit(benchmark::kMillisecond);

void BM_FindReferences(benchmark::State& state) {
  const std::string& text = big_text();
  std::size_t found = 0;
  for (auto _ : state) {
    const auto refs = danvan::find_references(text);
    found = refs.size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["references"] = static_cast<double>(found);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_FindReferences)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
