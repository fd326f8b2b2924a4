"""Registries that name units by official code (issue 17 point 4): read_registry and
load_registry take the unit register that resolves "code:22015" (the national register of
load_unit_register()); the registry written back keeps the codes. The messages are those of
the C++ tests (tests/registry_units_by_code_test.cpp)."""

import json

import pytest

import danvan

DOC = {
    "schema": "danvan/registry", "version": 3, "note": None, "recognition_years": None,
    "fields": [], "grades": [], "forms": [], "units": [],
    "entries": [{
        "id": "a", "kind": "model", "subject": "collective", "name": "Mô hình a",
        "unit": "code:22015", "places": [], "fields": [], "description": "", "person": None,
        "events": [{"type": "registered", "date": "2024-03-01", "level": None}],
    }],
}


def test_codes_resolve_against_the_register_and_are_written_back(tmp_path):
    national = danvan.load_unit_register()
    text = json.dumps(DOC, ensure_ascii=False)
    r = danvan.read_registry(text, units=national)
    assert r[0].unit_id == "c22015"
    assert r.units.find("c22015").name == "Phường 1"
    written = danvan.registry_to_text(r)
    assert '"unit": "code:22015"' in written
    path = tmp_path / "r.json"
    path.write_text(written, encoding="utf-8")
    assert danvan.load_registry(path, units=national) == r
    with pytest.raises(danvan.JsonError) as e:
        danvan.read_registry(text)
    assert e.value.problems == [("/entries/0/unit",
                                 '"code:22015" names a unit by its official code: read the '
                                 'registry with a unit register (the national register) to '
                                 'resolve it')]
    unknown = json.dumps(dict(DOC, entries=[dict(DOC["entries"][0], unit="code:99999")]))
    with pytest.raises(danvan.JsonError) as e:
        danvan.read_registry(unknown, units=national)
    assert e.value.problems == [("/entries/0/unit", 'no unit of the register has the official '
                                 'code "99999" on 2024-03-01')]
