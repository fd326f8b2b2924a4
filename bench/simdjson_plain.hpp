// The baseline of issue 16 for loading a registry: simdjson On-Demand parsing the document into
// plain structs (every string copied out, nothing checked beyond JSON syntax). The streaming
// reader must load at least as fast while it also checks everything and builds the registry.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

class PlainLoader {
 public:
  /// Copies `text` into simdjson's padded buffer (once, outside the timed loop).
  explicit PlainLoader(const std::string& text);
  ~PlainLoader();
  PlainLoader(const PlainLoader&) = delete;
  PlainLoader& operator=(const PlainLoader&) = delete;
  /// Parses the text into plain structs; returns the number of entries.
  std::size_t load();
  /// simdjson's implementation compiled in ("haswell", "westmere", "fallback").
  static std::string implementation();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};
