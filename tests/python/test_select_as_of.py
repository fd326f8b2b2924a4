"""select(as_of=d) lists only entries that existed on d (issue 12 symptom 7): one whose
registration is certainly after d is left out; one registered "2022" (a year) may exist on
30/06/2022 and is kept. The oracle reads each entry's first event in Python."""

import datetime

import pytest

import danvan
from conftest import ROOT

REGISTRY = danvan.load_registry(ROOT / "data" / "registry" / "sample-registry.json")


def first_day(date):
    return date.first_day() if isinstance(date, danvan.PartialDate) else date


def existing_on(day):
    return [i for i, e in enumerate(REGISTRY) if not e.events or first_day(e.events[0].date) <= day]


@pytest.mark.parametrize("day", ["2020-06-30", "2021-01-01", "2021-06-30", "2022-06-30"])
def test_entries_registered_later_are_left_out(day):
    d = datetime.date.fromisoformat(day)
    selected = REGISTRY.select(as_of=d)
    assert selected == existing_on(d)
    assert len(selected) < len(REGISTRY)  # the sample has later entries: the test can fail
    assert all(REGISTRY.state_on(i, d) != danvan.EntryState.not_registered or
               isinstance(REGISTRY[i].events[0].date, danvan.PartialDate) for i in selected)


def test_without_as_of_every_entry_is_listed():
    assert REGISTRY.select() == list(range(len(REGISTRY)))


def test_other_filters_combine_with_it():
    d = datetime.date(2021, 6, 30)
    models = REGISTRY.select(as_of=d, kind="model")
    assert set(models) <= set(existing_on(d))
    assert models == [i for i in existing_on(d) if REGISTRY[i].kind_on(d) == "model"]
