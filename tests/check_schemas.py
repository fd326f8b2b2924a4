#!/usr/bin/env python3
"""Validates every bundled document under data/ against its JSON Schema in docs/schema/,
and checks that the schemas reject a few broken documents (so the check can fail)."""
import copy
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schemas = {}
for path in (root / "docs" / "schema").glob("*.schema.json"):
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    schemas[schema["properties"]["schema"]["const"]] = jsonschema.Draft202012Validator(schema)

checked = 0
documents = sorted((root / "data").rglob("*.json"))
for path in documents:
    doc = json.loads(path.read_text(encoding="utf-8"))
    kind = doc.get("schema")
    if kind not in schemas:
        continue
    errors = sorted(schemas[kind].iter_errors(doc), key=str)
    for e in errors:
        print(f"{path}: /{'/'.join(map(str, e.absolute_path))}: {e.message}")
    if errors:
        sys.exit(1)
    checked += 1

plan = json.loads((root / "data/plans/phu-yen-2020-nam-dan-van-kheo.json").read_text("utf-8"))
broken = []
for mutate in (lambda d: d.update(extra=1), lambda d: d.update(version=4),
               lambda d: d["task_areas"][0].update(number="1"),
               lambda d: d["instruments"][0].update(type="memo"),
               lambda d: d["milestones"][3].update(date="15/10/2020")):
    d = copy.deepcopy(plan)
    mutate(d)
    broken.append(d)
for i, d in enumerate(broken):
    if schemas["danvan/plan"].is_valid(d):
        print(f"schema accepted broken document #{i}")
        sys.exit(1)
print(f"{checked} documents valid; {len(broken)} broken documents rejected")
if checked < 2:
    sys.exit("expected at least the founding plan and the catalogue")
