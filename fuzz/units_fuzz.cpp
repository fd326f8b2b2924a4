// libFuzzer target: the unit hierarchy readers (danvan/units) and the writer. read_units() builds
// the hierarchy straight from the text and falls back to the DOM reader (units_from_json of
// parse_json) only on a problem, so for every input the two must agree: both reject it with the
// same problems, or both accept it and give the same canonical text; that text reads back to
// itself. Any other exception type escaping is a bug too.
#include "danvan/json.hpp"
#include "fuzz_common.hpp"

#include <optional>
#include <string>
#include <vector>

namespace {

struct Outcome {
  std::optional<std::string> canonical;
  std::vector<danvan::JsonProblem> problems;
  std::string other;  // a ValueError's message (the DOM reader lets those of
                      // UnitHierarchy::add's checks through, unlocated)
};

template <class Read>
Outcome outcome(Read read) {
  try {
    return {danvan::to_canonical_text(danvan::to_json(read())), {}, {}};
  } catch (const danvan::JsonDocumentError& e) {
    return {std::nullopt, e.problems(), {}};
  } catch (const danvan::ValueError& e) {
    return {std::nullopt, {}, e.what()};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = danvan::fuzz::text_of(data, size);
  const Outcome stream = outcome([&] { return danvan::read_units(text); });
  const Outcome dom = outcome([&] { return danvan::units_from_json(danvan::parse_json(text)); });
  if (stream.canonical != dom.canonical || stream.problems != dom.problems ||
      stream.other != dom.other) {
    std::abort();
  }
  danvan::fuzz::check_round_trip(text, [](std::string_view t) {
    return danvan::to_canonical_text(danvan::to_json(danvan::read_units(t)));
  });
  return 0;
}
