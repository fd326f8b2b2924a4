"""Tables from Python (issue 12, point "Tables"): the statistics table is a sequence of its
rows (len, index, iteration), pickles and copies, and says in its repr that a by-field table's
rows count an entry once per field; the registry's entries come out as columns or records
(entries_table, to_rows) and as a pandas.DataFrame when pandas is installed."""

import copy
import datetime
import pickle

import pytest

import danvan
from conftest import ROOT

UNIT = "py-tuy-hoa"
SAMPLE_PATH = ROOT / "data" / "registry" / "sample-registry.json"


@pytest.fixture(scope="module")
def sample() -> danvan.Registry:
    return danvan.load_registry(SAMPLE_PATH)


def test_stats_table_is_a_sequence_of_its_rows(sample):
    table = sample.stats(year=2020, by=["level"])
    rows = table.rows
    assert len(table) == len(rows) == 4
    assert list(table) == rows
    assert [table[i] for i in range(len(table))] == rows
    assert table[-1] == rows[-1]
    assert table[0]["level"] == "province" and table[0]["registered"] == 9
    with pytest.raises(IndexError, match=r"^StatsTable index out of range$"):
        table[4]
    with pytest.raises(IndexError, match=r"^StatsTable index out of range$"):
        table[-5]
    with pytest.raises(TypeError) as e:
        table["level"]
    assert str(e.value) == "StatsTable.__getitem__() argument 'index': expected int, got str"


def test_stats_table_pickles_and_copies(sample):
    for by in (["level"], ["field", "level", "subject"], ["kind"]):
        table = sample.stats(year=2020, by=by)
        back = pickle.loads(pickle.dumps(table))
        assert back == table and back.rows == table.rows and back.total == table.total
        assert (back.year, back.as_of, back.by, back.period) == (
            table.year, table.as_of, table.by, table.period)
        assert copy.copy(table) == table and copy.deepcopy(table) == table
    phase = sample.stats(period="2020-2025", unit_id=UNIT, by="level")
    back = pickle.loads(pickle.dumps(phase))
    assert back == phase and back.period == "2020-2025" and back.unit_id == UNIT
    assert back.to_json() == phase.to_json()


@pytest.mark.parametrize("state,message", [
    (("danvan.Registry", 1) + (0,) * 10, "StatsTable: not a pickled danvan.StatsTable (version 1)"),
    (("danvan.StatsTable", 2) + (0,) * 10, "StatsTable: not a pickled danvan.StatsTable (version 1)"),
    (("danvan.StatsTable", 1), "StatsTable: not a pickled danvan.StatsTable (version 1)"),
    (("danvan.StatsTable", 1, "2020", None, None, None, None, False, [], [], (0,) * 7, (0,) * 7),
     "StatsTable: a pickled part has the wrong type"),
    (("danvan.StatsTable", 1, 2020, None, None, datetime.date(2020, 12, 31), None, False, [],
      [((), (), (0,) * 7)],
      (0,) * 7, (0,) * 7), "StatsTable: a pickled row has 4 parts"),
    (("danvan.StatsTable", 1, 2020, None, None, None, None, False, [], [], (0,) * 6, (0,) * 7),
     "StatsTable: a pickled part has the wrong type"),
])
def test_a_hostile_pickle_state_is_refused_with_its_reason(sample, state, message):
    with pytest.raises(ValueError) as e:
        danvan.StatsTable.__new__(danvan.StatsTable).__setstate__(state)
    assert str(e.value) == message


def test_a_pickled_unknown_dimension_names_the_allowed_ones(sample):
    state = sample.stats(year=2020, by=["level"]).__getstate__()
    bad = state[:8] + (["place"],) + state[9:]
    with pytest.raises(danvan.ValueError) as e:
        danvan.StatsTable.__new__(danvan.StatsTable).__setstate__(bad)
    assert "place" in str(e.value) and "field, level, subject, kind" in str(e.value)


def test_the_repr_says_fields_count_once_each_in_a_by_field_table(sample):
    by_field = sample.stats(year=2020, by=["field", "level"])
    assert repr(by_field) == ("<danvan.StatsTable year=2020 as_of=2020-12-31 rows="
                              f"{len(by_field)} (fields counted once each: sum total, not rows)>")
    assert repr(sample.stats(year=2020, by=["level"])) == (
        "<danvan.StatsTable year=2020 as_of=2020-12-31 rows=4>")
    assert "fields_counted_once" in danvan.StatsTable.__doc__
    assert "counts once" in danvan.StatsTable.total.__doc__
