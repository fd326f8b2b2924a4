// danvan._core: the Vietnamese lunar calendar, holidays and deadlines (lunar.hpp, calendar.hpp,
// deadline.hpp).
#include "common.hpp"

namespace danvan_py {

void register_calendar(py::module_& /*m*/) {}

}  // namespace danvan_py
