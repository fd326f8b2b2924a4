"""What the stubs were widened to take (issue 12) is what the runtime takes: a datetime.date
compares with a PartialDate both ways, a date attribute is assigned a date or an ISO string, an
ISO string is a date argument, and vietnamese_name takes an enum value as a string. The typed
side is examples/python/native_inputs.py under mypy --strict (ctest python.mypy)."""

import datetime

import pytest

import danvan
from conftest import ROOT

REGISTRY = ROOT / "data" / "registry" / "sample-registry.json"


def test_partial_date_compares_with_date_both_ways():
    day = danvan.PartialDate(2020, 4, 10)
    assert day == datetime.date(2020, 4, 10)
    assert datetime.date(2020, 4, 10) == day
    assert day < datetime.date(2020, 4, 11)
    assert datetime.date(2020, 4, 9) < day
    assert danvan.PartialDate(2020, 4) < datetime.date(2020, 4, 1)  # coarser sorts first
    assert day >= datetime.datetime(2020, 4, 10, 23, 59)


def test_partial_date_refuses_str_comparisons():
    with pytest.raises(TypeError):
        _ = danvan.PartialDate(2020) < "2021"  # type: ignore[operator]
    assert danvan.PartialDate(2020) != "2020"


def test_partial_date_attribute_takes_date_and_iso_strings():
    milestone = danvan.Milestone()
    milestone.date = datetime.date(2020, 10, 15)
    assert milestone.date == danvan.PartialDate(2020, 10, 15)
    milestone.date = "2020-10"
    assert milestone.date == danvan.PartialDate(2020, 10)
    milestone.date = None
    assert milestone.date is None
    with pytest.raises(danvan.ValueError, match="'2020-13' is not a date"):
        milestone.date = "2020-13"


def test_date_attribute_takes_iso_string():
    report = danvan.Report(submitted="2021-01-05")
    assert report.submitted == datetime.date(2021, 1, 5)
    report.submitted = "2021-02-01"
    assert report.submitted == datetime.date(2021, 2, 1)


def test_select_takes_iso_string_as_of():
    registry = danvan.load_registry(REGISTRY)
    day = registry.select(as_of=datetime.date(2022, 6, 30))
    assert registry.select(as_of="2022-06-30") == day
    assert day  # the sample registry has entries on that day


def test_vietnamese_name_takes_enum_values_as_strings():
    assert danvan.vietnamese_name("district") == danvan.vietnamese_name(danvan.Level.district)
    assert danvan.vietnamese_name("district") == "huyện"
    assert danvan.vietnamese_name("model") == danvan.vietnamese_name(danvan.EntryKind.model)
    # A value two enums share is read as the first overload's (the stubs' comment says so).
    assert danvan.vietnamese_name("registered") == "đăng ký"
    assert danvan.vietnamese_name(danvan.EntryState.registered) == "đã đăng ký"
