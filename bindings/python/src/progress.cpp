// danvan._core: progress tracking (progress.hpp, report.hpp, progress_json.hpp,
// progress_render.hpp).
#include "common.hpp"

namespace danvan_py {

void register_progress(py::module_& /*m*/) {}

}  // namespace danvan_py
