// Roll-up of 12 monthly periods x 3,300 communes x 20 indicators (summarize_progress), against
// a baseline in the same process: one plain pass adding up every value of the same batch.
#include "danvan/report.hpp"
#include "sample_province.hpp"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

using danvan::Date;

using bench::indicators;

struct Data {
  danvan::ProgressPlan plan;
  danvan::ReportBatch batch;
};

const Data& data() {
  static const Data d = [] {
    Data out;
    auto& p = out.plan;
    p = bench::sample_province_plan();
    for (int i = 0; i < indicators; ++i) {
      auto& ind = p.indicators[static_cast<std::size_t>(i)];
      ind.over_time = i % 4 == 1 ? danvan::TimeAggregation::last : danvan::TimeAggregation::sum;
      ind.targets.push_back(
          danvan::Target{"tinh", danvan::Period(danvan::PeriodType::year, 2020), 1000});
    }
    p.validate();
    for (const auto& u : p.scope_unit_ids) {
      for (int m = 1; m <= 12; ++m) {
        danvan::Report r;
        r.unit_id = u;
        r.period = danvan::Period(danvan::PeriodType::month, 2020, m);
        r.submitted = r.period.end() + boost::gregorian::days(m % 9);
        for (int i = 0; i < indicators; ++i) {
          if (i % 5 == 0) {
            r.values.push_back(danvan::IndicatorValue{p.indicators[static_cast<std::size_t>(i)].id,
                                                      danvan::Fraction{3, 4}});
          } else {
            r.values.push_back(danvan::IndicatorValue{p.indicators[static_cast<std::size_t>(i)].id,
                                                      static_cast<double>(m + i)});
          }
        }
        out.batch.reports.push_back(std::move(r));
      }
    }
    out.batch.plan_id = "bench";
    return out;
  }();
  return d;
}

void BM_BaselineSumAllValues(benchmark::State& state) {
  const auto& d = data();
  for (auto _ : state) {
    double sum = 0;
    for (const auto& r : d.batch.reports) {
      for (const auto& v : r.values) {
        if (const auto* x = std::get_if<double>(&v.value)) sum += *x;
      }
    }
    benchmark::DoNotOptimize(sum);
  }
  state.counters["values"] = static_cast<double>(d.batch.reports.size() * indicators);
}
BENCHMARK(BM_BaselineSumAllValues)->Unit(benchmark::kMillisecond);

void BM_RollupYear(benchmark::State& state) {
  const auto& d = data();
  danvan::ProgressQuery q;
  q.as_of = Date(2021, 1, 10);
  for (auto _ : state) {
    auto s = danvan::summarize_progress(d.plan, d.batch, q);
    benchmark::DoNotOptimize(s.nodes.data());
  }
  state.counters["nodes"] =
      static_cast<double>(danvan::summarize_progress(d.plan, d.batch, q).nodes.size());
}
BENCHMARK(BM_RollupYear)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
