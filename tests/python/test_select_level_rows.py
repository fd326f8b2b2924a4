"""A stats row's level selects the row's entries (issue 12): select(level=...) takes the two
values a row has besides a Level, "unknown" (recognised at a level the source does not give)
and "none" (not recognised as of the day)."""

import copy
import datetime

import pytest

import danvan
from conftest import ROOT

REGISTRY = ROOT / "data" / "registry" / "sample-registry.json"
DAY = datetime.date(2022, 6, 30)
VALUES = ["central", "province", "district", "commune", "unknown", "none"]


@pytest.fixture(scope="module")
def registry():
    return danvan.load_registry(REGISTRY)


def test_every_row_level_is_taken_back(registry):
    table = registry.stats(2020, by="level")
    levels = [row["level"] for row in table]
    assert "none" in levels
    for value in levels:
        registry.select(level=value, as_of=table.as_of)  # no error


def test_levels_partition_the_entries_of_the_day(registry):
    parts = {v: set(registry.select(level=v, as_of=DAY)) for v in VALUES}
    assert set().union(*parts.values()) == set(registry.select(as_of=DAY))
    assert sum(len(p) for p in parts.values()) == len(registry.select(as_of=DAY))
    assert parts["none"]
    for i in parts["none"] | parts["unknown"]:
        assert registry.entry(i).level_on(DAY) is None
    for v in VALUES[:4]:
        for i in parts[v]:
            assert registry.entry(i).level_on(DAY) == v


def test_none_is_the_entries_not_recognised(registry):
    for i in registry.select(level="none", as_of=DAY):
        assert registry.entry(i).state_on(DAY) in ("registered", "not_registered")


def test_level_values_combine(registry):
    both = registry.select(level=["none", danvan.Level.district], as_of=DAY)
    assert set(both) == (set(registry.select(level="none", as_of=DAY)) |
                         set(registry.select(level="district", as_of=DAY)))


def test_bad_level_names_the_values(registry):
    with pytest.raises(danvan.ValueError) as e:
        registry.select(level="nothing")
    assert str(e.value) == ("Registry.select() argument 'level': 'nothing' is not a danvan.Level, "
                            "\"unknown\" or \"none\" (expected one of: central, province, "
                            "district, commune, unknown, none)")


def test_a_field_row_is_taken_back(registry):
    # The stats table's "unknown" field row is the entries of no field; any other id no field
    # has is an error naming it.
    registry = copy.copy(registry)
    for k in range(3):  # entries of no field (the SAMPLE registry has none)
        extra = danvan.Entry(**registry[k].to_dict())
        extra.id, extra.field_ids = f"no-field-{k}", []
        registry.add(extra)
    table = registry.stats(2024, by="field")
    fields = [row["field"] for row in table]
    assert "unknown" in fields
    day = table.as_of
    none = registry.select(field_id="unknown", as_of=day)
    assert none == [i for i in registry.select(as_of=day) if not registry.entry(i).field_ids]
    assert none
    row = next(r for r in table if r["field"] == "unknown")
    assert row["effective"] == len(registry.select(field_id="unknown", in_force=True,
                                                   as_of=day))
    assert set(registry.select(field_id=["unknown", fields[0]], as_of=day)) == (
        set(none) | set(registry.select(field_id=fields[0], as_of=day)))
    with pytest.raises(danvan.ValueError) as e:
        registry.select(field_id="khong-ro")
    assert str(e.value) == 'unknown field "khong-ro"'
