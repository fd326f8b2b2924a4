// The SAMPLE province the progress benchmarks share (invented, not real units): one province,
// 33 districts x 100 communes (3,300 communes in scope, all ending 30/06/2025), 20 indicators
// (every fifth a percentage), monthly reports over 2020 due 5 days after each month.
#pragma once

#include "danvan/report.hpp"

#include <string>
#include <vector>

namespace bench {

inline constexpr int districts = 33;
inline constexpr int communes_per_district = 100;  // 3,300 communes
inline constexpr int indicators = 20;

inline danvan::ProgressPlan sample_province_plan() {
  using danvan::Date;
  danvan::ProgressPlan p;
  p.plan_id = "bench";
  p.sample = true;
  p.schedule.period_type = danvan::PeriodType::month;
  p.schedule.first = danvan::Period(danvan::PeriodType::month, 2020, 1);
  p.schedule.last = danvan::Period(danvan::PeriodType::month, 2020, 12);
  p.schedule.days_after_period_end = 5;
  std::vector<danvan::Unit> units;
  danvan::Unit root;
  root.id = "tinh";
  root.name = "Tỉnh";
  units.push_back(root);
  for (int k = 0; k < districts; ++k) {
    danvan::Unit h;
    h.id = "huyen-" + std::to_string(k);
    h.name = "Huyện " + std::to_string(k);
    h.level = danvan::Level::district;
    h.parent_id = "tinh";
    h.valid_to = Date(2025, 6, 30);
    units.push_back(h);
    for (int c = 0; c < communes_per_district; ++c) {
      danvan::Unit x;
      x.id = h.id + "-xa-" + std::to_string(c);
      x.name = "Xã " + std::to_string(c);
      x.level = danvan::Level::commune;
      x.parent_id = h.id;
      x.valid_to = Date(2025, 6, 30);
      p.scope_unit_ids.push_back(x.id);
      units.push_back(x);
    }
  }
  p.units = danvan::UnitHierarchy(units);
  for (int i = 0; i < indicators; ++i) {
    danvan::Indicator ind;
    ind.id = "chi-so-" + std::to_string(i);
    ind.name = "Chỉ số " + std::to_string(i);
    ind.measure = i % 5 == 0 ? danvan::Measure::percentage : danvan::Measure::count;
    p.indicators.push_back(ind);
  }
  return p;
}

}  // namespace bench
