"""Every date parameter takes datetime.date, datetime.datetime, pandas.Timestamp (duck-typed:
any datetime subclass) and ISO strings; PartialDate compares with date (issue 12)."""

import datetime

import pytest

import danvan
from danvan import PartialDate, Period, PeriodType


class Timestamp(datetime.datetime):
    """Stands in for pandas.Timestamp, a subclass of datetime.datetime (pandas is not
    installed here, and danvan does not import it)."""


class NaTType(datetime.datetime):
    """Stands in for pandas.NaT's type: a datetime subclass denoting no time at all."""


DAY = datetime.date(2020, 4, 10)
SAME_DAY = [
    DAY,
    datetime.datetime(2020, 4, 10),
    datetime.datetime(2020, 4, 10, 23, 59, 59),
    datetime.datetime(2020, 4, 10, 8, tzinfo=datetime.timezone(datetime.timedelta(hours=7))),
    Timestamp(2020, 4, 10, 15, 30),
    "2020-04-10",
]


@pytest.mark.parametrize("value", SAME_DAY, ids=repr)
def test_date_parameter_takes(value):
    assert danvan.to_iso(value) == "2020-04-10"
    assert Period.containing(PeriodType.quarter, value) == Period.parse("2020Q2")
    assert Period.parse("2020").contains(value)


def test_date_setter_takes_a_timestamp():
    unit = danvan.Unit(id="a", name="A")
    unit.valid_from = Timestamp(2020, 4, 10, 9)
    assert unit.valid_from == DAY and type(unit.valid_from) is datetime.date
    unit.valid_to = "2025-06-30"
    assert unit.valid_to == datetime.date(2025, 6, 30)


def test_bad_date_strings():
    with pytest.raises(danvan.ValueError) as e:
        danvan.to_iso("10/04/2020")
    assert str(e.value) == "to_iso() argument 'day': expected an ISO date (YYYY-MM-DD), got '10/04/2020'"
    with pytest.raises(danvan.ValueError) as e:
        danvan.to_iso("2020-02-30")
    assert str(e.value) == "to_iso() argument 'day': '2020-02-30' is not a date: day is out of range for month"


def test_nat_is_refused():
    with pytest.raises(danvan.ValueError) as e:
        danvan.to_iso(NaTType(1970, 1, 1))
    assert str(e.value) == "to_iso() argument 'day': NaT (a missing pandas time) is not a date"
    with pytest.raises(danvan.ValueError) as e:
        danvan.Milestone(date=NaTType(1970, 1, 1))
    assert str(e.value) == "Milestone() argument 'date': NaT (a missing pandas time) is not a date"


@pytest.mark.parametrize("value,expected", [
    (DAY, PartialDate(2020, 4, 10)),
    (Timestamp(2020, 4, 10, 12), PartialDate(2020, 4, 10)),
    ("2020-04-10", PartialDate(2020, 4, 10)),
    ("2020-04", PartialDate(2020, 4)),
    ("2020", PartialDate(2020)),
    (PartialDate(2020, 4), PartialDate(2020, 4)),
], ids=repr)
def test_partial_date_parameter_takes(value, expected):
    milestone = danvan.Milestone(id="m", name="M", date=value)
    assert milestone.date == expected and type(milestone.date) is PartialDate
    milestone.date = None
    milestone.date = value
    assert milestone.date == expected


def test_bad_partial_date_strings():
    with pytest.raises(danvan.ValueError) as e:
        danvan.Milestone(date="2020-13")
    assert str(e.value) == "Milestone() argument 'date': '2020-13' is not a date: month 13 is out of range 1..12"
    m = danvan.Milestone()
    with pytest.raises(danvan.ValueError) as e:
        m.date = "tháng 4/2020"
    assert str(e.value) == ("Milestone.date: expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), "
                            "got 'tháng 4/2020'")


def test_partial_date_compares_with_date():
    assert PartialDate(2020, 4, 10) == DAY
    assert DAY == PartialDate(2020, 4, 10)
    assert PartialDate(2020, 4, 11) != DAY
    assert PartialDate(2020, 4, 9) < DAY < PartialDate(2020, 4, 11)
    assert DAY > PartialDate(2020, 4, 9)
    assert PartialDate(2020, 4, 10) <= DAY <= PartialDate(2020, 4, 10)
    # A month or a year is ordered by its first day, then shorter precision first.
    assert PartialDate(2020, 4) != datetime.date(2020, 4, 1)
    assert PartialDate(2020, 4) < datetime.date(2020, 4, 1) < PartialDate(2020, 5)
    assert sorted([DAY, PartialDate(2020), datetime.date(2019, 12, 31)]) == [
        datetime.date(2019, 12, 31), PartialDate(2020), DAY]


def test_partial_date_hashes_as_its_day():
    assert hash(PartialDate(2020, 4, 10)) == hash(DAY)
    assert DAY in {PartialDate(2020, 4, 10)}
    assert PartialDate(2020, 4, 10) in {DAY}


def test_partial_date_does_not_equal_a_string():
    assert PartialDate(2020) != "2020"
    assert not (PartialDate(2020) == "2020")
    with pytest.raises(TypeError):
        PartialDate(2020) < "2021"


def test_period_parameter_takes_its_id():
    year = Period.parse("2020")
    assert year.contains("2020Q4")
    assert Period.parse("2020Q4") in year.split("quarter")
    plan, batch = danvan.ProgressPlan(), danvan.ReportBatch()
    by_id = danvan.summarize_progress(plan, batch, "2021-01-31", period="2020Q4")
    by_value = danvan.summarize_progress(plan, batch, datetime.date(2021, 1, 31),
                                         period=Period.parse("2020Q4"))
    assert by_id.period == by_value.period == Period.parse("2020Q4")
    assert by_id.as_of == by_value.as_of == datetime.date(2021, 1, 31)
    with pytest.raises(danvan.ValueError) as e:
        year.contains("2020Q5")
    assert str(e.value) == ("Period.contains() argument 'other': expected a Period or its id "
                            "(\"2020\", \"2020S1\", \"2020Q4\", \"202004\"), got '2020Q5'")
    assert Period.parse("2020Q4") != "2020Q4"
