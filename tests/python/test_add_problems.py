"""Registry.add reports every problem of an entry at once (issue 12 point 9), and the
registry is unchanged after a refusal."""

import pytest

import danvan
from conftest import ROOT


def test_every_problem_of_an_entry_is_reported():
    registry = danvan.load_registry(ROOT / "data" / "registry" / "sample-registry.json")
    size = len(registry)
    entry = danvan.Entry(**registry[0].to_dict())
    entry.id = "new-entry"
    entry.name = ""
    entry.unit_id = "nowhere"
    entry.field_ids = ["no-such-field"]
    with pytest.raises(danvan.ValueError) as e:
        registry.add(entry)
    assert str(e.value) == ('entry "new-entry": 3 problems: the name is empty; unknown unit '
                            '"nowhere"; unknown field "no-such-field"')
    assert len(registry) == size


def test_one_problem_keeps_its_message():
    registry = danvan.load_registry(ROOT / "data" / "registry" / "sample-registry.json")
    entry = danvan.Entry(**registry[0].to_dict())
    entry.id = "new-entry"
    entry.unit_id = "nowhere"
    with pytest.raises(danvan.ValueError, match='^entry "new-entry": unknown unit "nowhere"$'):
        registry.add(entry)
