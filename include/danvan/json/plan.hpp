// JSON of plans ("danvan/plan"), instrument catalogues ("danvan/instruments") and unit
// hierarchies ("danvan/units"), and of the values they are made of.
#pragma once

#include "danvan/instrument.hpp"
#include "danvan/json/json.hpp"
#include "danvan/plan.hpp"
#include "danvan/symbol.hpp"
#include "danvan/unit.hpp"

#include <filesystem>

namespace danvan {

// Documents.
/// A whole "danvan/plan" document (with its catalogue and units embedded).
Json to_json(const Plan& plan);
/// Reads a "danvan/plan" document strictly (every cross-reference checked).
Plan plan_from_json(const Json& document);
/// A whole "danvan/instruments" document.
Json to_json(const InstrumentCatalogue& catalogue);
/// Reads a "danvan/instruments" document strictly.
InstrumentCatalogue catalogue_from_json(const Json& document);
/// A whole "danvan/units" document.
Json to_json(const UnitHierarchy& units);
/// Reads a "danvan/units" document strictly (the hierarchy is validated).
UnitHierarchy units_from_json(const Json& document);
/// Reads a "danvan/units" document from its text, without a JSON DOM when it is in the canonical
/// shape (fast: the national register in a few ms); anything else goes to
/// units_from_json(parse_json(text)), so it accepts and rejects exactly what that does, with
/// the same messages. Throws JsonDocumentError.
UnitHierarchy read_units(std::string_view text);

// Values (the pieces documents are made of).
Json to_json(const Symbol& symbol);  ///< canonical string
Json to_json(const Issuer& issuer);
Json to_json(const Instrument& instrument);
Json to_json(const Unit& unit);

// Files (through danvan/io.hpp).
/// Reads a danvan/plan file. Throws IoError or JsonDocumentError.
Plan load_plan(const std::filesystem::path& path);
/// Validates the plan (ValueError) and writes it as canonical JSON, atomically (IoError).
void save_plan(const Plan& plan, const std::filesystem::path& path);
/// Reads a danvan/instruments file. Throws IoError or JsonDocumentError.
InstrumentCatalogue load_catalogue(const std::filesystem::path& path);
/// Writes the catalogue as canonical JSON, atomically (IoError).
void save_catalogue(const InstrumentCatalogue& catalogue, const std::filesystem::path& path);
/// Reads a danvan/units document (data/units/national/units.json) with read_units. Throws
/// IoError or JsonDocumentError.
UnitHierarchy load_units(const std::filesystem::path& path);
/// Validates the hierarchy (ValueError) and writes it as canonical JSON, atomically (IoError).
void save_units(const UnitHierarchy& units, const std::filesystem::path& path);

// nlohmann ADL hooks, so `Json j = plan;` and `j.get<Plan>()` work. from_json is as strict as
// the readers above (pointers are relative to the value converted). The parts of a plan
// (Citation, Milestone, TaskArea, SourceInfo) and YearRange are read as they appear inside a
// plan, without the cross-references only a whole plan can check (instruments and units that
// must exist, task areas numbered in order; Plan::validate checks those).
void to_json(Json& j, const Symbol& value);
void from_json(const Json& j, Symbol& value);
void to_json(Json& j, const Issuer& value);
void from_json(const Json& j, Issuer& value);
void to_json(Json& j, const Instrument& value);
void from_json(const Json& j, Instrument& value);
void to_json(Json& j, const Unit& value);
void from_json(const Json& j, Unit& value);
void to_json(Json& j, const Plan& value);
void from_json(const Json& j, Plan& value);
void to_json(Json& j, const InstrumentCatalogue& value);
void from_json(const Json& j, InstrumentCatalogue& value);
void to_json(Json& j, const UnitHierarchy& value);
void from_json(const Json& j, UnitHierarchy& value);
/// {"first": 2016, "last": 2021}: years 1900..2200, first <= last.
void to_json(Json& j, const YearRange& value);
void from_json(const Json& j, YearRange& value);
/// {"instrument": id, "cited_as": text}.
void to_json(Json& j, const Citation& value);
void from_json(const Json& j, Citation& value);
/// {"id", "name", "date"} (date a partial date or null).
void to_json(Json& j, const Milestone& value);
void from_json(const Json& j, Milestone& value);
/// {"number", "text", "citations", "lead_units", "participating_units"}.
void to_json(Json& j, const TaskArea& value);
void from_json(const Json& j, TaskArea& value);
/// {"title", "published", "author", "url", "note"} (null when unknown).
void to_json(Json& j, const SourceInfo& value);
void from_json(const Json& j, SourceInfo& value);

}  // namespace danvan
