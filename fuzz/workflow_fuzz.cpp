// libFuzzer target: the report workflow's journal replay and its danvan/workflow document reader,
// against the bundled SAMPLE progress plan (data/progress/phu-yen-2020-progress.json). Replaying
// either applies lines or throws danvan::Error; what it applied writes a document that reads
// back to the same workflow; an accepted document writes a canonical text that reads back.
#include "danvan/json/progress.hpp"
#include "danvan/json/workflow.hpp"
#include "fuzz_common.hpp"
#include "sample_progress_plan.hpp"

#include <string>

namespace {
const danvan::ProgressPlan& plan() { return danvan::fuzz::sample_progress_plan(); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = danvan::fuzz::text_of(data, size);
  danvan::Workflow workflow(plan().plan_id);
  try {
    const auto result = danvan::replay_workflow_journal(text, workflow, &plan());
    if (result.torn_line && *result.torn_line != result.applied + 1) std::abort();
  } catch (const danvan::Error&) {
  }
  const std::string written = danvan::to_canonical_text(danvan::to_json(workflow));
  try {
    if (!(danvan::workflow_from_json(danvan::parse_json(written), plan()) == workflow)) {
      std::abort();
    }
  } catch (const danvan::Error&) {
    std::abort();  // what was applied must read back
  }
  danvan::fuzz::check_round_trip(text, [](std::string_view t) {
    return danvan::to_canonical_text(
        danvan::to_json(danvan::workflow_from_json(danvan::parse_json(t), plan())));
  });
  return 0;
}
