// JSON of plans ("danvan/plan"), instrument catalogues ("danvan/instruments") and unit
// hierarchies ("danvan/units"), and of the values they are made of.
#pragma once

#include "danvan/instrument.hpp"
#include "danvan/json/json.hpp"
#include "danvan/plan.hpp"
#include "danvan/symbol.hpp"
#include "danvan/unit.hpp"
#include "danvan/unit_register.hpp"

#include <filesystem>

namespace danvan {

// Documents.
/// A whole "danvan/plan" document (with its catalogue and units embedded).
Json to_json(const Plan& plan);
/// Reads a "danvan/plan" document strictly (every cross-reference checked). A unit named by
/// official code (version 3) is a problem at its pointer ("\"code:66\" names a unit by its
/// official code: read the plan with a unit register (the national register) to resolve it").
Plan plan_from_json(const Json& document);
/// As plan_from_json(document), resolving the units a version 3 document names by official code
/// ("code:66" in a task area's "lead_units" and "participating_units" and a duty's "unit_id")
/// against `units` (a register such as the national one, data/units/national/units.json) on the
/// plan's days: its period (from its first bound's first day to its last bound's last; an open
/// start from the issue date, an open end its first bound alone), or without a period its issue
/// date. Exactly one unit of the register must have carried the code on some day of them
/// ("/task_areas/0/lead_units/0: the official code \"66\" names 2 units in 2025 (\"p66\",
/// \"p66-20250701\"): name the unit by its id"; "no unit of the register has the official code
/// \"99999\" in 2021..2025"; a plan with neither period nor issue date must name its units by
/// id: "... but the plan has neither a period nor an issue date to resolve it on ...").
/// The plan's units are the embedded ones and the register's units named, with their ancestors
/// and the units linked to them by succession (an embedded unit with the id of one of these is
/// a problem at "/units"); to_json writes them embedded and named by id, so what is written
/// reads back without the register.
Plan plan_from_json(const Json& document, const UnitRegister& units);
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
/// Reads a danvan/plan file whose units may be named by official code, resolved against `units`
/// (see plan_from_json(const Json&, const UnitRegister&)). Throws IoError or JsonDocumentError.
Plan load_plan(const std::filesystem::path& path, const UnitRegister& units);
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
