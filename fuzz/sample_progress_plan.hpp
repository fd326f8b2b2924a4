// The bundled SAMPLE progress plan (data/progress/phu-yen-2020-progress.json) that the report
// and workflow targets read their inputs against, loaded once.
#pragma once

#include "danvan/io.hpp"
#include "danvan/json.hpp"
#include "danvan/json/progress.hpp"

#include <string>

namespace danvan::fuzz {

inline const danvan::ProgressPlan& sample_progress_plan() {
  static const danvan::ProgressPlan p =
      danvan::progress_plan_from_json(danvan::parse_json(danvan::read_file(
          std::string(DANVAN_SOURCE_DIR) + "/data/progress/phu-yen-2020-progress.json")));
  return p;
}

}  // namespace danvan::fuzz
