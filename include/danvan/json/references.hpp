// JSON of references found in text (danvan/references.hpp): the object `danvan refs --json`
// prints for each reference and the Python Reference.to_dict()/from_dict() use.
#pragma once

#include "danvan/json/json.hpp"
#include "danvan/references.hpp"

namespace danvan {

/// {"surface", "start", "end", "byte_start", "byte_end", "type" (the type's slug, "directive",
/// as DocumentType is spelt in every danvan JSON), "type_label" (its Vietnamese name, "Chỉ
/// thị"), "type_code", "number", "symbol" (canonical), "symbol_surface" (the symbol as written),
/// "repaired" (bool: the symbol was mis-typed and repaired), "is_self" (bool: the document's own
/// number), "name", "issuer", "date" (ISO), "year", "term", "period" ("2016-2021"),
/// "resolved_id"}; unknown values are null.
void to_json(Json& j, const Reference& value);
/// The inverse of to_json, strict: every problem is reported with its JSON pointer. Keys
/// surface, start, end, byte_start, byte_end, type and type_code are required; the others may
/// be absent or null (repaired and is_self then false). "type" is the slug, or the Vietnamese
/// name that earlier output held there (before "type_label" existed); "type_label", when
/// given, must be the type's name. symbol_surface (kept as the symbol's
/// surface) and a true repaired need a symbol. A resolved_id makes the status resolved;
/// issuer_ids and candidate_ids (not in the object) are empty.
void from_json(const Json& j, Reference& value);

}  // namespace danvan
