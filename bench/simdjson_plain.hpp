// The baseline of issue 16 for loading a registry: simdjson On-Demand parsing the document into
// plain structs (every string copied out, nothing checked beyond JSON syntax). The streaming
// reader must load at least as fast while it also checks everything and builds the registry.
//
// simdjson's On-Demand code is inlined where it is used and picks its SIMD kernel at compile
// time (its stage 1, in libsimdjson, picks one at run time). So the baseline is compiled twice
// (bench/CMakeLists.txt): `native` with -march=native (the kernel of this processor), and
// `portable` with the flags the library is built with (the fallback kernel for the inlined part,
// as danvan's own reader gets). Comparing the reader with `portable` compiles both the same way.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

enum class PlainBuild { native, portable };

template <PlainBuild Build>
class PlainLoader {
 public:
  /// Copies `text` into simdjson's padded buffer (once, outside the timed loop).
  explicit PlainLoader(const std::string& text);
  ~PlainLoader();
  PlainLoader(const PlainLoader&) = delete;
  PlainLoader& operator=(const PlainLoader&) = delete;
  /// Parses the text into plain structs; returns the number of entries.
  std::size_t load();
  /// simdjson's implementation compiled in ("icelake", "haswell", "westmere", "fallback").
  static std::string implementation();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Each build is instantiated in its own object of simdjson_plain.cpp.
extern template class PlainLoader<PlainBuild::native>;
extern template class PlainLoader<PlainBuild::portable>;
