"""select() criteria taking several values (issue 12 point 7: "filters take one value only"):
kind=["model", "exemplar"], unit_id=[...], field_id, subject, level and state as lists; any
value of a list matches, criteria combine with "and". The oracle is the union of the
one-value selections, so each test fails if a list is read as its first value, or as "and"."""

import datetime
import itertools

import pytest

import danvan
from conftest import ROOT

REGISTRY = danvan.load_registry(ROOT / "data" / "registry" / "sample-registry.json")
DAY = datetime.date(2021, 12, 31)


def union(**lists):
    """The union of select() over every combination of one value per list."""
    names = list(lists)
    out = set()
    for values in itertools.product(*(lists[n] for n in names)):
        out |= set(REGISTRY.select(as_of=DAY, **dict(zip(names, values))))
    return sorted(out)


UNITS = ["d555", "c22201", "c22294"]
FIELDS = ["kinh-te", "van-hoa-xa-hoi"]


@pytest.mark.parametrize("name,values", [
    ("kind", ["model", "exemplar"]),
    ("kind", [danvan.EntryKind.model]),
    ("unit_id", UNITS),
    ("field_id", FIELDS),
    ("subject", ["collective", "individual"]),
    ("level", ["province", "district"]),
    ("state", ["recognised", "registered", "lapsed"]),
])
def test_a_list_matches_any_of_its_values(name, values):
    got = REGISTRY.select(as_of=DAY, **{name: values})
    assert got == union(**{name: values})
    singles = [set(REGISTRY.select(as_of=DAY, **{name: v})) for v in values]
    if len(values) > 1:
        # The sample separates them: a list that kept only its first value would fail.
        assert set(got) != singles[0]


def test_lists_combine_with_and():
    got = REGISTRY.select(as_of=DAY, unit_id=UNITS, kind=("model",), field_id=FIELDS)
    assert got == union(unit_id=UNITS, kind=["model"], field_id=FIELDS)
    assert 0 < len(got) < len(REGISTRY.select(as_of=DAY, unit_id=UNITS))


def test_the_whole_vocabulary_is_no_filter():
    assert REGISTRY.select(kind=["model", "exemplar"]) == REGISTRY.select()
    assert REGISTRY.select(kind="model") == REGISTRY.select(kind=["model"])


def test_an_empty_list_matches_nothing():
    assert REGISTRY.select(kind=[]) == []
    assert REGISTRY.select(unit_id=()) == []


def test_bad_values_in_a_list():
    with pytest.raises(danvan.ValueError) as e:
        REGISTRY.select(kind=["model", "hero"])
    assert str(e.value) == ("Registry.select() argument 'kind': 'hero' is not a "
                            "danvan.EntryKind (expected one of: model, exemplar)")
    with pytest.raises(danvan.ValueError) as e:
        REGISTRY.select(unit_id=["d555", "atlantis"])
    assert str(e.value) == 'unknown unit "atlantis"'
    with pytest.raises(danvan.ValueError) as e:
        REGISTRY.select(field_id=["kinh-te", "x"])
    assert str(e.value) == 'unknown field "x"'
    with pytest.raises(TypeError) as e:
        REGISTRY.select(kind=5)
    assert str(e.value) == ("Registry.select() argument 'kind': expected danvan.EntryKind or "
                            "List[danvan.EntryKind] or None, got int")
    with pytest.raises(TypeError) as e:
        REGISTRY.select(unit_id=["d555", 1])
    assert str(e.value) == ("Registry.select() argument 'unit_id': expected str or List[str] "
                            "or None, got list")
