// Lunar conversion, holiday calendar and deadline arithmetic. Baseline: stepping a Boost date
// one day and reading its weekday (the least any per-day calendar query must do).
#include "danvan/calendar.hpp"
#include "danvan/deadline.hpp"
#include "danvan/lunar.hpp"

#include <benchmark/benchmark.h>

namespace {

using boost::gregorian::days;
using danvan::Date;

void BM_Baseline_DateStepAndWeekday(benchmark::State& state) {
  Date d(2024, 1, 1);
  for (auto _ : state) {
    d += days(1);
    if (d.year() > 2090) d = Date(2024, 1, 1);
    benchmark::DoNotOptimize(d.day_of_week());
  }
}
BENCHMARK(BM_Baseline_DateStepAndWeekday);

void BM_ToLunar(benchmark::State& state) {
  Date d(2000, 1, 1);
  for (auto _ : state) {
    d += days(1);
    if (d.year() > 2090) d = Date(2000, 1, 1);
    benchmark::DoNotOptimize(danvan::to_lunar(d));
  }
}
BENCHMARK(BM_ToLunar);

void BM_IsWorkingDay(benchmark::State& state) {
  const auto calendar = danvan::Calendar::vietnam();
  Date d(2024, 1, 1);
  for (auto _ : state) {
    d += days(1);
    if (d.year() > 2090) d = Date(2024, 1, 1);
    benchmark::DoNotOptimize(calendar.is_working_day(d));
  }
}
BENCHMARK(BM_IsWorkingDay);

void BM_AddWorkingDays20(benchmark::State& state) {
  const auto calendar = danvan::Calendar::vietnam();
  Date d(2024, 1, 1);
  for (auto _ : state) {
    d += days(1);
    if (d.year() > 2090) d = Date(2024, 1, 1);
    benchmark::DoNotOptimize(danvan::add_working_days(calendar, d, 20));
  }
}
BENCHMARK(BM_AddWorkingDays20);

void BM_BuildVietnamCalendar(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(danvan::Calendar::vietnam());
}
BENCHMARK(BM_BuildVietnamCalendar)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
