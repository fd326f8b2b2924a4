// The document table: one entry per kind of danvan document (the OpenTimelineIO way), so that
// validating and formatting know every kind, and each kind has its own version.
#pragma once

#include "danvan/error.hpp"
#include "danvan/json/json.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// One kind of document: its "schema" name, the version this library reads and writes, and
/// how to read it (strictly, with every problem located by a JSON pointer) and write it back.
struct DocumentKind {
  std::string_view schema;       ///< "danvan/plan", ...
  int version;                   ///< the "version" read and written
  std::string_view description;  ///< one line, for help texts
  /// Reads the document and checks it as far as the document alone can tell; throws
  /// JsonDocumentError listing every problem.
  void (*validate)(const Json& document);
  /// Reads the document (as validate) and returns it written canonically (the same content
  /// always gives the same bytes).
  std::string (*format)(const Json& document);
};

/// Every kind of document, in a fixed order: danvan/plan, danvan/instruments, danvan/units,
/// danvan/registry, danvan/calendar, danvan/progress, danvan/reports, danvan/workflow.
std::span<const DocumentKind> document_kinds() noexcept;
/// The kind with this schema name, or nullptr.
const DocumentKind* find_document_kind(std::string_view schema) noexcept;

/// Reads the document of any kind this library knows and returns its problems (empty when
/// valid). Never throws for bad content. A danvan/reports document is checked on its own
/// (report_batch_from_json without a plan).
std::vector<JsonProblem> validate_document(std::string_view text);
/// Reads a document of any known kind and writes it back canonically. Throws JsonDocumentError.
std::string format_document(std::string_view text);

}  // namespace danvan
