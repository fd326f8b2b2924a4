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


def test_what_the_events_name_is_reported_with_the_rest():
    # The units, grades and forms the events name are checked with the entry's other
    # problems, every one at once (they were reported one at a time, after the rest).
    registry = danvan.load_registry(ROOT / "data" / "registry" / "sample-registry.json")
    size = len(registry)
    entry = danvan.Entry(**registry[0].to_dict())
    entry.id = "new-entry"
    entry.unit_id = "nowhere"
    first, recognised = entry.events[0], entry.events[1]
    recognised.by = "nobody"
    recognised.grade = "gold"
    replicated = danvan.Event(type="replicated", date="2020-10-01",
                              unit_ids=["atlantis", "lemuria"])
    entry.events = [first, recognised, replicated]
    with pytest.raises(danvan.ValueError) as e:
        registry.add(entry)
    assert str(e.value) == (
        'entry "new-entry": 5 problems: unknown unit "nowhere"; event 2 (recognised on '
        '2020-08-01) names the unknown unit "nobody" as "by"; event 2 (recognised on '
        '2020-08-01) has the unknown grade "gold"; event 3 (replicated on 2020-10-01) '
        'replicates to the unknown unit "atlantis"; event 3 (replicated on 2020-10-01) '
        'replicates to the unknown unit "lemuria"')
    assert len(registry) == size
    # add_event checks the same way, and leaves the entry as it was (entry 1: the sample's
    # entry 0 is revoked, and a replication after it would be a problem of its own).
    before = registry[1]
    with pytest.raises(danvan.ValueError) as e:
        registry.add_event(before.id, danvan.Event(type="replicated", date="2027-01-01",
                                                   unit_ids=["atlantis", "lemuria"]))
    assert str(e.value) == (
        f'entry "{before.id}": 2 problems: event 9 (replicated on 2027-01-01) replicates to '
        'the unknown unit "atlantis"; event 9 (replicated on 2027-01-01) replicates to the '
        'unknown unit "lemuria"')
    assert registry[1] == before
