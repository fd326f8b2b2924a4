// Benchmarks of the exemplar registry on the national-scale data of
// bench/gen_national_registry.cpp. Environment:
//   DANVAN_BENCH_REGISTRY        the large registry (stats, search, memory)
//   DANVAN_BENCH_REGISTRY_SMALL  the registry used for the load comparison (default: the large)
// The load comparison runs both readers on the same file in this process: the streaming
// reader (read_registry) against nlohmann's DOM parse + conversion (registry_from_json), and
// (when simdjson is found) against simdjson On-Demand parsing the file into plain structs,
// compiled with -march=native and, as the library is, without.
#include "danvan/json/registry.hpp"
#include "danvan/unit_register.hpp"

// The walk baseline is the tests' oracle: every entry copied out through the public API and
// counted (slower than the walk over the packed store it replaced in the library).
#include "../tests/registry_oracle.hpp"

#include <benchmark/benchmark.h>
#include <malloc.h>
#if defined(DANVAN_BENCH_SIMDJSON)
#include "simdjson_plain.hpp"
#endif

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::string env(const char* name, const std::string& fallback = {}) {
  const char* v = std::getenv(name);
  return v != nullptr ? std::string(v) : fallback;
}

std::string large_path() { return env("DANVAN_BENCH_REGISTRY"); }
std::string small_path() { return env("DANVAN_BENCH_REGISTRY_SMALL", large_path()); }

/// Resident set size in bytes (from /proc/self/statm).
long long rss_bytes() {
  std::ifstream in("/proc/self/statm");
  long long pages = 0;
  long long resident = 0;
  in >> pages >> resident;
  return resident * 4096;
}

const std::string& small_text() {
  static const std::string text = danvan::read_file(small_path());
  return text;
}

const std::string& large_text() {
  static const std::string text = danvan::read_file(large_path());
  return text;
}

/// The text of the load benchmarks: "small" (DANVAN_BENCH_REGISTRY_SMALL) or "large".
const std::string& load_text(std::string_view which) {
  return which == "large" ? large_text() : small_text();
}

const danvan::Registry& large_registry() {
  static const danvan::Registry registry = danvan::load_registry(large_path());
  return registry;
}

void BM_LoadStreaming(benchmark::State& state, std::string_view which) {
  const std::string& text = load_text(which);
  for (auto _ : state) {
    danvan::Registry r = danvan::read_registry(text);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}

void BM_LoadDomAndConvert(benchmark::State& state) {
  const std::string& text = small_text();
  for (auto _ : state) {
    danvan::Registry r = danvan::registry_from_json(danvan::parse_json(text));
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}

/// The bundled national unit register (DANVAN_BENCH_UNITS overrides its path).
const danvan::UnitRegister& national_register() {
  static const danvan::UnitRegister reg(danvan::load_units(
      env("DANVAN_BENCH_UNITS", DANVAN_SOURCE_DIR "/data/units/national/units.json")));
  return reg;
}

/// A registry document whose 20,000 entries name their units by official code, written by the
/// library: communes of the national register carrying a code from 01/06/2023 to 15/06/2023 in
/// turn, each entry registered on the first day and recognised on the second by its commune
/// (both "code:NNNNN").
const std::string& by_code_text() {
  static const std::string text = [] {
    const danvan::UnitRegister& reg = national_register();
    const danvan::Date first = danvan::parse_date("2023-06-01");
    const danvan::Date second = danvan::parse_date("2023-06-15");
    std::vector<std::string> communes;
    for (const auto& u : reg.hierarchy().units()) {
      if (u.level == danvan::Level::commune && u.code && reg.by_code(*u.code, first) == &u &&
          reg.by_code(*u.code, second) == &u) {
        communes.push_back(u.id);
      }
    }
    danvan::Registry r(reg.hierarchy());
    r.set_embedded_units(0);  // every unit is the register's: written by code
    for (std::size_t i = 0; i < 20000; ++i) {
      danvan::Entry e;
      e.id = "e" + std::to_string(i);
      e.name = "Mô hình dân vận khéo số " + std::to_string(i);
      e.unit_id = communes[i % communes.size()];
      danvan::Event registered;
      registered.date = danvan::PartialDate(2023, 6, 1);
      danvan::Event recognised;
      recognised.type = danvan::EventType::recognised;
      recognised.date = danvan::PartialDate(2023, 6, 15);
      recognised.level = danvan::Level::commune;
      recognised.by = e.unit_id;
      e.events = {registered, recognised};
      r.add(e);
    }
    return danvan::registry_to_text(r);
  }();
  return text;
}

/// Loading the by-code document with the register: read_registry (its fast reader resolves the
/// codes) against the DOM reader (parse_json + registry_from_json with the register), which
/// read_registry fell back to for such documents before the fast readers took codes.
void BM_LoadByCodeFast(benchmark::State& state) {
  const std::string& text = by_code_text();
  if (!danvan::detail::read_registry_streaming(text, national_register())) {
    state.SkipWithError("the fast reader gave up on the by-code document");
    return;
  }
  state.counters["entries"] = 20000;
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
  for (auto _ : state) {
    danvan::Registry r = danvan::read_registry(text, national_register());
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}

void BM_LoadByCodeDom(benchmark::State& state) {
  const std::string& text = by_code_text();
  for (auto _ : state) {
    danvan::Registry r = danvan::registry_from_json(danvan::parse_json(text), national_register());
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}

danvan::StatsQuery province_query(const char* as_of = nullptr, bool current = false,
                                  int year = 2022) {
  danvan::StatsQuery q;
  q.year = year;
  q.unit_id = "p07";
  q.current_units = current;
  if (as_of != nullptr) q.as_of = danvan::parse_date(as_of);
  return q;
}

template <bool Walk>
void run_stats(benchmark::State& state, const danvan::StatsQuery& q) {
  const auto& r = large_registry();
  const auto compute = [&] { return Walk ? danvan::testing::stats_by_walk(r, q) : r.stats(q); };
  (void)compute();  // builds the aggregates of the two years once, outside the timing
  for (auto _ : state) {
    auto t = compute();
    benchmark::DoNotOptimize(t);
  }
  const auto t = compute();
  state.counters["rows"] = static_cast<double>(t.rows.size());
  state.counters["registered"] = static_cast<double>(t.total.registered);
  state.counters["effective"] = static_cast<double>(t.total.effective);
}

// p07, 2022 as of 31/12/2022 (and 2021 as of 31/12/2021), by field x level x subject.
void BM_StatsProvinceYear(benchmark::State& state) { run_stats<false>(state, province_query()); }
void BM_StatsProvinceYearWalk(benchmark::State& state) { run_stats<true>(state, province_query()); }
// As of other days: served from the nearest base day, the entries with events between it and
// the day recounted. 30/06 and 31/01 are month ends; 16/08 is mid-month (15 days from the
// nearest month end); 16/12 and 15/11 are 15 and 46 days from 31 December.
void BM_StatsProvinceAsOf(benchmark::State& state, const char* day) {
  run_stats<false>(state, province_query(day));
}
void BM_StatsProvinceAsOfWalk(benchmark::State& state, const char* day) {
  run_stats<true>(state, province_query(day));
}
// 2026 mapped onto today's units (the old communes and districts of p07 count under it).
void BM_StatsProvinceCurrentUnits(benchmark::State& state) {
  run_stats<false>(state, province_query(nullptr, true, 2026));
}
void BM_StatsProvinceCurrentUnitsWalk(benchmark::State& state) {
  run_stats<true>(state, province_query(nullptr, true, 2026));
}

// The first query of a year on a fresh registry: builds the 31 December aggregates of 2022
// and 2021 (one walk over every entry) and then answers.
void BM_StatsFirstQuery(benchmark::State& state) {
  const auto q = province_query();
  for (auto _ : state) {
    state.PauseTiming();
    auto copy = std::make_unique<danvan::Registry>(large_registry());  // a copy starts empty
    state.ResumeTiming();
    auto t = copy->stats(q);
    benchmark::DoNotOptimize(t);
    state.PauseTiming();
    copy.reset();
    state.ResumeTiming();
  }
}

/// Heap bytes in use (glibc's mallinfo2).
double heap_bytes() { return static_cast<double>(mallinfo2().uordblks); }

// Memory of the statistics cache on a fresh copy: the aggregates of 2022 and 2021 as of 31
// December (built by a 31 December query), the month ends added by a query as of 30/06 (a base
// day: no recount), then the day index of the events (built by the first query on a day that
// is not a base day).
void BM_StatsCacheMemory(benchmark::State& state) {
  for (auto _ : state) {
    auto copy = std::make_unique<danvan::Registry>(large_registry());
    const double before = heap_bytes();
    benchmark::DoNotOptimize(copy->stats(province_query()));
    const double year_ends = heap_bytes();
    benchmark::DoNotOptimize(copy->stats(province_query("2022-06-30")));
    const double months = heap_bytes();
    benchmark::DoNotOptimize(copy->stats(province_query("2022-08-16")));
    const double with_index = heap_bytes();
    state.counters["two_years_dec31_MB"] = (year_ends - before) / 1e6;
    state.counters["two_years_months_MB"] = (months - before) / 1e6;
    state.counters["event_index_MB"] = (with_index - months) / 1e6;
  }
}

// The first query as of a day that needs the month ends, on a fresh registry.
void BM_StatsFirstQueryMidYear(benchmark::State& state) {
  const auto q = province_query("2022-06-30");
  for (auto _ : state) {
    state.PauseTiming();
    auto copy = std::make_unique<danvan::Registry>(large_registry());
    state.ResumeTiming();
    auto t = copy->stats(q);
    benchmark::DoNotOptimize(t);
    state.PauseTiming();
    copy.reset();
    state.ResumeTiming();
  }
}

// A search on a registry whose folded-name index is built: the index is lazy (built by the
// first search, then kept up by add()), so it is built here before the timing, as run_stats
// builds the aggregates; BM_SearchFirst measures the first search on a fresh registry.
void BM_SearchNames(benchmark::State& state, const char* query) {
  const auto& r = large_registry();
  (void)r.search_names(query);  // builds the search index once, outside the timing
  std::size_t hits = 0;
  for (auto _ : state) {
    const auto v = r.search_names(query);
    hits = v.size();
    benchmark::DoNotOptimize(hits);
  }
  state.counters["hits"] = static_cast<double>(hits);
}

// The first search on a fresh registry: builds the folded names and descriptions of every
// entry, then answers.
void BM_SearchFirst(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    auto copy = std::make_unique<danvan::Registry>(large_registry());  // a copy starts unindexed
    state.ResumeTiming();
    auto v = copy->search_names("tran thi mai");
    benchmark::DoNotOptimize(v);
    state.PauseTiming();
    copy.reset();
    state.ResumeTiming();
  }
}

#if defined(DANVAN_BENCH_SIMDJSON)
template <PlainBuild Build>
void load_plain(benchmark::State& state, std::string_view which) {
  const std::string& text = load_text(which);
  PlainLoader<Build> loader(text);
  std::size_t entries = 0;
  for (auto _ : state) {
    entries = loader.load();
    benchmark::DoNotOptimize(entries);
  }
  state.counters["entries"] = static_cast<double>(entries);
  state.SetLabel("simdjson " + PlainLoader<Build>::implementation());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
// The baseline compiled with -march=native, as it was first measured.
void BM_LoadSimdjsonPlainStructs(benchmark::State& state, std::string_view which) {
  load_plain<PlainBuild::native>(state, which);
}
// The same code compiled as the library is (no -march): the reader's fair comparison.
void BM_LoadSimdjsonPlainStructsPortable(benchmark::State& state, std::string_view which) {
  load_plain<PlainBuild::portable>(state, which);
}
#endif

// Editing one entry of the small registry (its name changed, back and forth): Registry::replace
// against what the Python bindings did before it (registry_edit.cpp at 9e9465b): a copy rebuilt
// from its JSON document without the entry, add() of the entry there for add()'s checks, and the
// registry rebuilt from its document with the entry replaced.
const danvan::Registry& small_registry() {
  static const danvan::Registry registry = danvan::read_registry(small_text());
  return registry;
}

danvan::Entry edited(const danvan::Registry& r, std::size_t i, std::int64_t k) {
  danvan::Entry e = r.entry(i);
  e.name += k % 2 == 0 ? " (sửa)" : "";
  return e;
}

void BM_ReplaceEntry(benchmark::State& state) {
  danvan::Registry r = small_registry();
  const std::size_t i = r.size() / 2;
  const danvan::Entry original = r.entry(i);
  std::int64_t k = 0;
  for (auto _ : state) {
    const danvan::Entry e = edited(small_registry(), i, k++);
    r.replace(original.id, e);
  }
  state.counters["entries"] = static_cast<double>(r.size());
}

void rebuild(danvan::Registry& r, std::size_t i, const danvan::Entry* entry) {
  danvan::Json doc = danvan::to_json(r);
  if (entry != nullptr) {
    doc.at("entries").at(i) = danvan::to_json(*entry);
  } else {
    doc.at("entries").erase(i);
  }
  r = danvan::registry_from_json(doc);
}

void BM_ReplaceEntryByRebuild(benchmark::State& state) {
  danvan::Registry r = small_registry();
  const std::size_t i = r.size() / 2;
  std::int64_t k = 0;
  for (auto _ : state) {
    const danvan::Entry e = edited(small_registry(), i, k++);
    danvan::Registry without = r;
    rebuild(without, i, nullptr);
    without.add(e);
    rebuild(r, i, &e);
  }
  state.counters["entries"] = static_cast<double>(r.size());
}

void BM_MemoryOfLoadedRegistry(benchmark::State& state) {
  for (auto _ : state) {
    const long long before = rss_bytes();
    auto r = std::make_unique<danvan::Registry>(danvan::load_registry(large_path()));
    const long long after = rss_bytes();
    std::ifstream f(large_path(), std::ios::ate | std::ios::binary);
    const auto file_size = static_cast<double>(f.tellg());
    state.counters["rss_growth_MB"] = static_cast<double>(after - before) / 1e6;
    state.counters["file_MB"] = file_size / 1e6;
    state.counters["rss_over_file"] = static_cast<double>(after - before) / file_size;
    state.counters["storage_MB"] = static_cast<double>(r->storage_bytes()) / 1e6;
    state.counters["entries"] = static_cast<double>(r->size());
  }
}

}  // namespace

// Memory first, before other benchmarks grow the heap.
BENCHMARK(BM_MemoryOfLoadedRegistry)->Iterations(1)->Unit(benchmark::kMillisecond);
// The load comparison on the small registry, and the fast readers on the large one too (the
// DOM reader takes minutes there).
BENCHMARK_CAPTURE(BM_LoadStreaming, small, "small")->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_LoadDomAndConvert)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_LoadByCodeFast)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_LoadByCodeDom)->Unit(benchmark::kMillisecond)->MinTime(2.0);
#if defined(DANVAN_BENCH_SIMDJSON)
BENCHMARK_CAPTURE(BM_LoadSimdjsonPlainStructs, small, "small")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK_CAPTURE(BM_LoadSimdjsonPlainStructsPortable, small, "small")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
#endif
BENCHMARK_CAPTURE(BM_LoadStreaming, large, "large")->Unit(benchmark::kMillisecond)->MinTime(2.0);
#if defined(DANVAN_BENCH_SIMDJSON)
BENCHMARK_CAPTURE(BM_LoadSimdjsonPlainStructs, large, "large")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
BENCHMARK_CAPTURE(BM_LoadSimdjsonPlainStructsPortable, large, "large")
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);
#endif
BENCHMARK(BM_StatsProvinceYear)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StatsProvinceYearWalk)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_StatsProvinceAsOf, jun30, "2022-06-30")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_StatsProvinceAsOfWalk, jun30, "2022-06-30")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_StatsProvinceAsOf, aug16, "2022-08-16")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_StatsProvinceAsOfWalk, aug16, "2022-08-16")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_StatsProvinceAsOf, jan31, "2022-01-31")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_StatsProvinceAsOf, dec16, "2022-12-16")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_StatsProvinceAsOf, nov15, "2022-11-15")->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StatsProvinceCurrentUnits)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StatsProvinceCurrentUnitsWalk)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_StatsFirstQuery)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StatsFirstQueryMidYear)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StatsCacheMemory)->Iterations(1)->Unit(benchmark::kMillisecond);
// A name with hits (a person's full name) and one without.
BENCHMARK_CAPTURE(BM_SearchNames, hits, "tran thi mai")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SearchNames, no_hit, "hoa tuan")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SearchFirst)->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplaceEntry)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReplaceEntryByRebuild)->Iterations(2)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  if (large_path().empty()) {
    std::cerr << "set DANVAN_BENCH_REGISTRY (see bench/README.md)\n";
    return 2;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
