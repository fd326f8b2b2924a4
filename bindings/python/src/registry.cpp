// danvan._core: the exemplar registry (registry.hpp, registry_json.hpp).
#include "common.hpp"

namespace danvan_py {

void register_registry(py::module_& /*m*/) {}

}  // namespace danvan_py
