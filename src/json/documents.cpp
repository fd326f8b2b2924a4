// The document table: the only part of the JSON layer that knows every document kind.
#include "danvan/json/documents.hpp"

#include "base/enum_names.hpp"
#include "danvan/json/calendar.hpp"
#include "danvan/json/plan.hpp"
#include "danvan/json/progress.hpp"
#include "danvan/json/registry.hpp"
#include "danvan/json/workflow.hpp"

#include <array>

namespace danvan {

namespace {

template <class T>
std::string canonical(const T& value) {
  return to_document_text(to_json(value));
}

const std::array<DocumentKind, 8> kinds{{
    {"danvan/plan", plan_json_version, "a campaign plan (kế hoạch) with its instruments and units",
     [](const Json& d) { (void)plan_from_json(d); },
     [](const Json& d) { return canonical(plan_from_json(d)); }},
    {"danvan/instruments", json_version, "a catalogue of issuers and instruments",
     [](const Json& d) { (void)catalogue_from_json(d); },
     [](const Json& d) { return canonical(catalogue_from_json(d)); }},
    {"danvan/units", json_version, "a hierarchy of administrative units",
     [](const Json& d) { (void)units_from_json(d); },
     [](const Json& d) { return canonical(units_from_json(d)); }},
    {"danvan/registry", registry_json_version,
     "the exemplar registry (Dân vận khéo) with its events",
     [](const Json& d) { (void)registry_from_json(d); },
     [](const Json& d) { return registry_to_text(registry_from_json(d)); }},
    {"danvan/calendar", json_version, "a working-day calendar with holidays and deadline rules",
     [](const Json& d) { (void)calendar_from_json(d); },
     [](const Json& d) { return calendar_to_json_text(calendar_from_json(d)); }},
    {"danvan/progress", progress_json_version,
     "a progress plan: activities, indicators and targets",
     [](const Json& d) { (void)progress_plan_from_json(d); },
     [](const Json& d) { return canonical(progress_plan_from_json(d)); }},
    {"danvan/reports", reports_json_version, "units' periodic reports for a progress plan",
     [](const Json& d) { (void)report_batch_from_json(d); },
     [](const Json& d) { return canonical(report_batch_from_json(d)); }},
    {"danvan/workflow", json_version,
     "the submission workflow of reports: submitted, returned, approved",
     [](const Json& d) { (void)workflow_from_json(d); },
     [](const Json& d) { return canonical(workflow_from_json(d)); }},
}};

const DocumentKind& kind_of(const Json& document) {
  const std::string schema = document_schema(document);
  if (const DocumentKind* kind = find_document_kind(schema)) return *kind;
  std::vector<std::string> names;
  for (const auto& k : kinds) names.emplace_back(k.schema);
  throw JsonDocumentError(
      {JsonProblem{"/schema", detail::unknown_name_message("schema", schema, names)}});
}

}  // namespace

std::span<const DocumentKind> document_kinds() noexcept { return kinds; }

const DocumentKind* find_document_kind(std::string_view schema) noexcept {
  for (const auto& k : kinds) {
    if (k.schema == schema) return &k;
  }
  return nullptr;
}

std::vector<JsonProblem> validate_document(std::string_view text) {
  try {
    const Json document = parse_json(text);
    kind_of(document).validate(document);
  } catch (const JsonDocumentError& e) {
    return e.problems();
  }
  return {};
}

std::string format_document(std::string_view text) {
  const Json document = parse_json(text);
  return kind_of(document).format(document);
}

}  // namespace danvan
