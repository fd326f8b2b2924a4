// The national unit register (data/units/national/units.json, 14,173 units, 4 MB): load time
// and heap against baselines measured in the same run (reading the file's bytes; parsing them
// into a JSON DOM, which units_from_json needs and read_units does not), and the look-ups (by
// code on a day, by name, as-of counts, successors).
#include "danvan/json.hpp"
#include "danvan/unit_register.hpp"

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstdlib>
#include <string>

namespace {

using danvan::Date;

std::string units_path() {
  if (const char* p = std::getenv("DANVAN_BENCH_UNITS")) return p;
  return std::string(DANVAN_SOURCE_DIR) + "/data/units/national/units.json";
}

const danvan::UnitRegister& reg() {
  static const danvan::UnitRegister r(danvan::load_units(units_path()));
  return r;
}

// Baseline 1: the bytes of the file.
void BM_ReadFileOnly(benchmark::State& state) {
  const std::string path = units_path();
  for (auto _ : state) {
    std::string text = danvan::read_file(path);
    benchmark::DoNotOptimize(text.data());
  }
}
BENCHMARK(BM_ReadFileOnly)->Unit(benchmark::kMillisecond);

// Baseline 2: the bytes parsed into a JSON DOM.
void BM_ParseJsonOnly(benchmark::State& state) {
  const std::string text = danvan::read_file(units_path());
  for (auto _ : state) {
    danvan::Json doc = danvan::parse_json(text);
    benchmark::DoNotOptimize(doc.size());
  }
}
BENCHMARK(BM_ParseJsonOnly)->Unit(benchmark::kMillisecond);

// The bytes read into a validated hierarchy by the streaming reader (what load_units does after
// reading the file).
void BM_ReadUnits(benchmark::State& state) {
  const std::string text = danvan::read_file(units_path());
  for (auto _ : state) {
    danvan::UnitHierarchy units = danvan::read_units(text);
    benchmark::DoNotOptimize(units.size());
  }
}
BENCHMARK(BM_ReadUnits)->Unit(benchmark::kMillisecond);

// The same bytes through the DOM reader (parse_json, then units_from_json): the old load.
void BM_ReadUnitsViaDom(benchmark::State& state) {
  const std::string text = danvan::read_file(units_path());
  for (auto _ : state) {
    danvan::UnitHierarchy units = danvan::units_from_json(danvan::parse_json(text));
    benchmark::DoNotOptimize(units.size());
  }
}
BENCHMARK(BM_ReadUnitsViaDom)->Unit(benchmark::kMillisecond);

// Bytes of heap in use, with the chunks glibc serves by mmap (a large vector may be one).
std::size_t heap_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

// The whole load: file, strict read, hierarchy validation, register indexes. Reports the heap
// the loaded register keeps (glibc mallinfo2, bytes in use after minus before).
void BM_LoadRegister(benchmark::State& state) {
  const std::string path = units_path();
  std::size_t kept = 0;
  for (auto _ : state) {
    const std::size_t before = heap_in_use();
    danvan::UnitRegister r(danvan::load_units(path));
    kept = heap_in_use() - before;
    benchmark::DoNotOptimize(r.size());
  }
  state.counters["heap_MB"] = static_cast<double>(kept) / (1024.0 * 1024.0);
  state.counters["units"] = static_cast<double>(reg().size());
}
BENCHMARK(BM_LoadRegister)->Unit(benchmark::kMillisecond);

void BM_ByCodeOnDay(benchmark::State& state) {
  const Date day(2025, 7, 1);
  for (auto _ : state) benchmark::DoNotOptimize(reg().by_code("22015", day));
}
BENCHMARK(BM_ByCodeOnDay);

void BM_FindByNameAmbiguous(benchmark::State& state) {
  const Date day(2025, 7, 1);
  for (auto _ : state) benchmark::DoNotOptimize(reg().find_by_name("xã Tân An", day).size());
}
BENCHMARK(BM_FindByNameAmbiguous);

void BM_FindByNameWithParent(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(reg().find_by_name("phường Tân An, Đắk Lắk").size());
  }
}
BENCHMARK(BM_FindByNameWithParent);

void BM_CountCommunesOnDay(benchmark::State& state) {
  const Date day(2025, 7, 1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(reg().count_on(day, danvan::Level::commune));
  }
}
BENCHMARK(BM_CountCommunesOnDay);

void BM_SuccessorsToday(benchmark::State& state) {
  const Date day(2026, 1, 1);
  for (auto _ : state) benchmark::DoNotOptimize(reg().successors_on("c22048", day).size());
}
BENCHMARK(BM_SuccessorsToday);

void BM_PredecessorsIn2023(benchmark::State& state) {
  const Date day(2023, 1, 1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(reg().predecessors_on("c22015-20250701", day).size());
  }
}
BENCHMARK(BM_PredecessorsIn2023);

}  // namespace

BENCHMARK_MAIN();
