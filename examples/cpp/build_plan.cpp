// Builds the founding plan in code, checks it, and prints it as canonical JSON and as text.
//   build/examples/cpp/build_plan [OUT.json]
#include "founding_plan.hpp"

#include <danvan/json.hpp>

#include <iostream>

int main(int argc, char** argv) {
  const danvan::Plan plan = danvan_examples::founding_plan();
  if (argc > 1) {
    danvan::save_plan(plan, argv[1]);
    std::cout << "wrote " << argv[1] << "\n";
  } else {
    std::cout << danvan::render_plan(plan, danvan::PlanFormat::text);
  }
  std::cout << plan.task_areas.size() << " task areas, " << plan.cited_instruments().size()
            << " cited instruments\n";
  return 0;
}
