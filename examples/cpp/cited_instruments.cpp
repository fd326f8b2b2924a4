// The README's C++ quick start, kept compiling and running here: loads the founding plan and
// prints the instruments it cites. Run it from the source tree:
//   build/examples/cpp/cited_instruments
#include <danvan/danvan.hpp>
#include <danvan/json.hpp>  // load_plan, save_plan, to_json: danvan::json, brings in nlohmann/json

#include <iostream>

int main() {
  const danvan::Plan plan = danvan::load_plan("data/plans/phu-yen-2020-nam-dan-van-kheo.json");
  for (const danvan::Instrument* in : plan.cited_instruments())
    std::cout << plan.catalogue.describe(*in) << "\n";  // Chương trình 79-CTr/BDVTW-BCSĐCP ...
}
