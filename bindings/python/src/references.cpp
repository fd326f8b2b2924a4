// danvan._core: document references in text and drafting a plan from text (references.hpp,
// import_text.hpp).
#include "common.hpp"

namespace danvan_py {

void register_references(py::module_& /*m*/) {}

}  // namespace danvan_py
