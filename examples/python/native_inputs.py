#!/usr/bin/env python3
"""What the bindings take besides danvan's own types (issue 12), checked as it runs.

    python3 examples/python/native_inputs.py

Enum members are strings (and strings work where members do), dates come as datetime,
pandas.Timestamp or ISO text, nested objects change in place, a wrong argument is named in
one line and a refusal lists every problem with its place. The script type-checks under mypy
--strict (ctest python.mypy).
"""

import datetime
import json
import pathlib

import danvan

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main() -> int:
    plan = danvan.load_plan(ROOT / "data" / "plans" / "phu-yen-2020-nam-dan-van-kheo.json")

    # Enums are strings: JSON, dict keys and CSV cells need no .value.
    kinds = {u.kind for u in plan.units.units}
    print(json.dumps(sorted(kinds)))
    assert danvan.UnitKind.peoples_committee == "peoples_committee"
    assert danvan.Level.province > danvan.Level.district  # ordered by rank

    # ... and a str is typed as taken where an enum is (mypy --strict accepts these calls).
    registry = danvan.load_registry(ROOT / "data" / "registry" / "sample-registry.json")
    models = registry.select(kind="model", as_of=datetime.date(2022, 6, 30))
    by_field_and_level = registry.stats(2022, by=["field", "level"])
    print(len(models), "models on 30/06/2022;", len(by_field_and_level), "rows by field, level")
    assert all(registry.entry(i).kind_on(datetime.date(2022, 6, 30)) == "model" for i in models)

    # to_dict() is keyed by the attribute names: the constructor takes it back.
    entry = registry.entry(0)
    assert danvan.Entry(**entry.to_dict()) == entry

    # Dates: a datetime (or a pandas.Timestamp, a datetime subclass) gives its day.
    quarter = danvan.Period.containing(danvan.PeriodType.quarter,
                                       datetime.datetime(2020, 11, 3, 14, 30))
    print(quarter.id, quarter.start, quarter.end)
    assert danvan.PartialDate(2020, 4, 10) == datetime.date(2020, 4, 10)
    assert danvan.PartialDate(2020, 4) < datetime.date(2020, 4, 10)
    assert datetime.date(2020, 4, 9) < danvan.PartialDate(2020, 4, 10)
    # ... and where the runtime takes an ISO string, the stubs do too.
    assert registry.select(as_of="2022-06-30") == registry.select(as_of=datetime.date(2022, 6, 30))
    milestone = danvan.Milestone(name="Tổng kết")
    milestone.date = datetime.date(2020, 10, 15)
    milestone.date = "2020-10"
    assert milestone.date == danvan.PartialDate(2020, 10)
    print(danvan.vietnamese_name("district"), danvan.vietnamese_name(danvan.Level.province))

    # Nested objects change in place, through the parent's setter.
    plan.task_areas[0].label = "Nội dung 1"
    assert plan.task_areas[0].label == "Nội dung 1"
    plan.purposes = [*plan.purposes, "Thêm một mục đích."]

    # A wrong argument is named in one line.
    try:
        danvan.Period.containing(danvan.PeriodType.quarter, 20201103)  # type: ignore[arg-type]
    except TypeError as e:
        print(e)
        assert str(e) == ("Period.containing() argument 'day': expected datetime.date, got int")

    # A refusal lists every problem, each with where it is (a JSON pointer into the entry).
    bad = danvan.Entry(**entry.to_dict())
    bad.id, bad.name, bad.unit_id = "new-entry", "", "nowhere"
    try:
        registry.add(bad)
    except danvan.ValueError as e:
        for where, reason in e.problems:
            print(f"{where}: {reason}")
        assert e.problems == [("/name", "the name is empty"), ("/unit", 'unknown unit "nowhere"')]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
