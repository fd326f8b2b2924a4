// danvan's version.
#pragma once

#define DANVAN_VERSION_MAJOR 0
#define DANVAN_VERSION_MINOR 1
#define DANVAN_VERSION_PATCH 0

namespace danvan {
inline constexpr const char* version_string = "0.1.0";
}  // namespace danvan
