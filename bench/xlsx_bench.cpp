// Excel forms in (issue 13): 3,300 filled forms (one per commune of a SAMPLE province of 33
// districts x 100 communes, 20 indicators, one month) read with import_progress_forms and
// rolled up with summarize_progress, against reading the same numbers from a danvan/reports
// JSON batch (parse_json + report_batch_from_json) and the same roll-up, in the same run.
// The forms are written once by progress_form + write_xlsx (not timed).
#include "danvan/json.hpp"
#include "danvan/json/progress.hpp"
#include "danvan/progress_forms.hpp"
#include "danvan/report.hpp"
#include "sample_province.hpp"

#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace {

using danvan::Date;

using bench::indicators;
const danvan::Period month(danvan::PeriodType::month, 2020, 3);

struct Data {
  danvan::ProgressPlan plan;
  std::vector<danvan::FilledForm> forms;
  std::string json;
  std::size_t bytes = 0;
};

danvan::ProgressPlan make_plan() {
  danvan::ProgressPlan p = bench::sample_province_plan();
  p.validate();
  return p;
}

const Data& data() {
  static const Data d = [] {
    Data out;
    out.plan = make_plan();
    danvan::ReportBatch batch;
    batch.plan_id = out.plan.plan_id;
    batch.sample = true;
    for (const auto& u : out.plan.scope_unit_ids) {
      danvan::OutSheet form = danvan::progress_form(out.plan, u, month);
      danvan::Report r;
      r.unit_id = u;
      r.period = month;
      r.submitted = Date(2020, 4, 3);
      form.rows[4][1].value = danvan::SheetDate{2020, 4, 3};
      for (int i = 0; i < indicators; ++i) {
        auto& row = form.rows[7 + static_cast<std::size_t>(i)];
        const std::string& id = out.plan.indicators[static_cast<std::size_t>(i)].id;
        if (i % 5 == 0) {
          row[4].value = 3.0;
          row[5].value = 4.0;
          r.values.push_back({id, danvan::Fraction{3, 4}});
        } else {
          row[3].value = static_cast<double>(i + 1);
          r.values.push_back({id, static_cast<double>(i + 1)});
        }
      }
      out.forms.push_back({u + ".xlsx", danvan::write_xlsx({form})});
      out.bytes += out.forms.back().bytes.size();
      batch.reports.push_back(std::move(r));
    }
    out.json = danvan::to_document_text(danvan::to_json(batch));
    return out;
  }();
  return d;
}

danvan::ProgressQuery query() {
  danvan::ProgressQuery q;
  q.period = month;
  q.as_of = Date(2020, 4, 30);
  return q;
}

void BM_ReportsJsonAndRollup(benchmark::State& state) {
  const auto& d = data();
  for (auto _ : state) {
    const auto batch = danvan::report_batch_from_json(danvan::parse_json(d.json), d.plan);
    auto s = danvan::summarize_progress(d.plan, batch, query());
    benchmark::DoNotOptimize(s.nodes.data());
  }
  state.counters["json_bytes"] = static_cast<double>(d.json.size());
}
BENCHMARK(BM_ReportsJsonAndRollup)->Unit(benchmark::kMillisecond);

void BM_XlsxFormsAndRollup(benchmark::State& state) {
  const auto& d = data();
  for (auto _ : state) {
    const auto batch = danvan::import_progress_forms(d.plan, d.forms);
    auto s = danvan::summarize_progress(d.plan, batch, query());
    benchmark::DoNotOptimize(s.nodes.data());
  }
  state.counters["forms"] = static_cast<double>(d.forms.size());
  state.counters["xlsx_bytes"] = static_cast<double>(d.bytes);
}
BENCHMARK(BM_XlsxFormsAndRollup)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
