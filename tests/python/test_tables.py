"""Tables from Python (issue 12, point "Tables"): the statistics table is a sequence of its
rows (len, index, iteration), pickles and copies, and says in its repr that a by-field table's
rows count an entry once per field; the registry's entries come out as columns or records
(entries_table, to_rows) and as a pandas.DataFrame when pandas is installed."""

import copy
import datetime
import pickle
import sys

import pytest

import danvan
from conftest import ROOT

UNIT = "d555"
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
    # A version 2 state (before unit_ids) reads as the one unit it names.
    old = phase.__getstate__()[:13]
    older = danvan.StatsTable.__new__(danvan.StatsTable)
    older.__setstate__(("danvan.StatsTable", 2) + old[2:])
    assert older == phase and older.unit_ids == (UNIT,)


@pytest.mark.parametrize("state,message", [
    (("danvan.Registry", 1) + (0,) * 10, "StatsTable: not a pickled danvan.StatsTable (version 1 to 3)"),
    (("danvan.StatsTable", 2) + (0,) * 10, "StatsTable: not a pickled danvan.StatsTable (version 1 to 3)"),
    (("danvan.StatsTable", 1), "StatsTable: not a pickled danvan.StatsTable (version 1 to 3)"),
    (("danvan.StatsTable", 3) + (0,) * 11, "StatsTable: not a pickled danvan.StatsTable (version 1 to 3)"),
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


# --- entries as columns and records ---

COLUMNS = ["id", "name", "kind", "subject", "unit_id", "place_unit_ids", "field_ids",
           "person_name", "description", "year", "registered", "registration_level",
           "recognised", "recognition_level", "grade", "decision", "events", "state", "level"]


def expected_record(reg, i, as_of):
    """The record of entry i computed from the Entry object and Registry.state_on."""
    e = reg[i]
    first = {}
    for ev in e.events:
        first.setdefault(ev.type, ev)
    r, c = first.get(danvan.EventType.registered), first.get(danvan.EventType.recognised)
    return {
        "id": e.id, "name": e.name, "kind": e.kind, "subject": e.subject,
        "unit_id": e.unit_id, "place_unit_ids": e.place_unit_ids, "field_ids": e.field_ids,
        "person_name": e.person_name, "description": e.description,
        "year": r.date.year if r else None, "registered": r.date if r else None,
        "registration_level": r.level if r else None,
        "recognised": c.date if c else None, "recognition_level": c.level if c else None,
        "grade": c.grade if c else None, "decision": c.decision if c else None,
        "events": len(e.events), "state": reg.state_on(i, as_of),
        "level": e.level_on(as_of),
    }


def test_entries_table_has_a_column_per_attribute_with_the_entries_values(sample):
    table = sample.entries_table()
    assert list(table) == COLUMNS
    assert all(len(values) == len(sample) for values in table.values())
    as_of = sample.latest_event_date()
    for i in range(len(sample)):
        record = {name: table[name][i] for name in COLUMNS}
        assert record == expected_record(sample, i, as_of), sample[i].id
    # Enum columns are plain str equal to the members; dates are datetime.date.
    # (The sample's entry 0: a model recognised by the province on 2020-08-01, revoked in 2022.)
    assert type(table["kind"][0]) is str and table["kind"][0] == danvan.EntryKind.model
    assert table["registered"][0] == datetime.date(2020, 3, 1)
    assert table["state"][0] == "revoked" and table["level"][0] == "province"


def test_to_rows_are_the_table_as_records(sample):
    table, rows = sample.entries_table(), sample.to_rows()
    assert rows == [{name: table[name][i] for name in COLUMNS} for i in range(len(sample))]
    assert list(rows[0]) == COLUMNS
    # Entry attributes are the keys: the record rebuilds the entry's fields.
    e = sample[5]
    assert {k: rows[5][k] for k in ("id", "name", "unit_id", "field_ids", "person_name")} == {
        "id": e.id, "name": e.name, "unit_id": e.unit_id, "field_ids": e.field_ids,
        "person_name": e.person_name}


def test_tables_of_a_selection_and_on_an_as_of_day(sample):
    chosen = sample.select(kind="model", unit_id=UNIT)
    assert chosen
    rows = sample.to_rows(chosen)
    assert [r["id"] for r in rows] == [sample[i].id for i in chosen]
    assert all(r["kind"] == "model" for r in rows)
    assert sample.entries_table(chosen)["id"] == [r["id"] for r in rows]
    assert sample.to_rows([-1])[0]["id"] == sample[len(sample) - 1].id
    assert sample.to_rows([]) == [] and sample.entries_table([])["id"] == []
    # On an earlier day the state and level are those of that day.
    early = datetime.date(2020, 6, 30)
    for i, row in zip(range(len(sample)), sample.to_rows(as_of=early)):
        assert (row["state"], row["level"]) == (
            expected_record(sample, i, early)["state"], expected_record(sample, i, early)["level"])
    first = sample.to_rows([0], as_of=datetime.datetime(2020, 6, 30, 12))[0]
    assert first["state"] == "registered" and first["level"] is None


def test_table_arguments_are_checked(sample):
    with pytest.raises(IndexError) as e:
        sample.to_rows([len(sample)])
    assert str(e.value) == f"entry index {len(sample)} out of range ({len(sample)} entries)"
    with pytest.raises(IndexError) as e:
        sample.entries_table([0, -len(sample) - 1])
    assert str(e.value) == f"entry index {-len(sample) - 1} out of range ({len(sample)} entries)"
    with pytest.raises(TypeError) as e:
        sample.entries_table("0")
    assert str(e.value).startswith("Registry.entries_table() argument 'indexes': expected ")
    with pytest.raises(TypeError) as e:
        sample.to_rows(as_of=2020)
    assert str(e.value) == (
        "Registry.to_rows() argument 'as_of': expected datetime.date or None, got int")


def test_an_empty_registry_gives_empty_columns():
    table = danvan.Registry().entries_table()
    assert list(table) == COLUMNS and all(v == [] for v in table.values())
    assert danvan.Registry().to_rows() == []


def test_to_pandas_without_pandas_says_what_to_install(sample, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError) as e:
        sample.to_pandas()
    assert str(e.value) == (
        "Registry.to_pandas() needs pandas, which is not installed (pip install pandas, or "
        "apt-get install python3-pandas); Registry.entries_table() gives the same columns as "
        "lists")


def test_to_pandas_is_a_data_frame_of_the_table(sample):
    pandas = pytest.importorskip("pandas", reason="not run: pandas is not installed")
    frame = sample.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == COLUMNS and len(frame) == len(sample)
    assert frame.to_dict("list") == sample.entries_table()
    chosen = sample.select(year=2021)
    assert list(sample.to_pandas(chosen)["id"]) == [sample[i].id for i in chosen]
    # A pivot an analyst makes: entries per registration year and kind.
    pivot = frame.pivot_table(index="year", columns="kind", values="id", aggfunc="count",
                              fill_value=0)
    assert int(pivot.loc[2021].sum()) == len(chosen)
