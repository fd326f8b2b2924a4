"""PartialDate, Period, the date parsers and the datetime.date conversion."""

import datetime
import pickle

import pytest

import danvan
from conftest import eval_repr

D = datetime.date
P = danvan.PartialDate


@pytest.mark.parametrize("day", [D(2019, 12, 31), D(2020, 1, 1), D(2020, 2, 29), D(2020, 12, 31),
                                 D(2021, 1, 1), D(2000, 2, 29), D(1400, 1, 1), D(9999, 12, 31)])
def test_date_round_trips(day):
    assert danvan.to_iso(day) == day.isoformat()
    assert danvan.parse_date(day.isoformat()) == day
    assert danvan.parse_date(day.strftime("%d/%m/%Y")) == day
    p = P.from_date(day)
    assert p.date() == day and p.first_day == day and p.last_day == day
    assert type(p.date()) is D
    assert P.from_string(p.iso()) == p


def test_year_boundaries():
    assert danvan.parse_date("31/12/2019") + datetime.timedelta(days=1) == danvan.parse_date("01/01/2020")
    assert danvan.parse_date("29/02/2020") == D(2020, 2, 29)
    with pytest.raises(danvan.ParseError) as e:
        danvan.parse_date("29/02/2021")
    assert e.value.reason == "day 29 does not exist in 02/2021 (2021 is not a leap year)"
    assert P(2019, 12).last_day == D(2019, 12, 31)
    assert P(2020, 2).last_day == D(2020, 2, 29)
    assert P(2021, 2).last_day == D(2021, 2, 28)
    assert P(2020).first_day == D(2020, 1, 1) and P(2020).last_day == D(2020, 12, 31)


def test_partial_date_fields():
    y, m, d = P(2020), P(2020, 4), P(2020, 4, 10)
    assert (y.year, y.month, y.day, y.precision, y.is_day) == (2020, None, None, danvan.DatePrecision.year, False)
    assert (m.year, m.month, m.day, m.precision) == (2020, 4, None, danvan.DatePrecision.month)
    assert (d.year, d.month, d.day, d.precision, d.is_day) == (2020, 4, 10, danvan.DatePrecision.day, True)
    assert P(year=2020, month=4, day=10) == d


def test_partial_date_formats():
    assert [p.iso() for p in (P(2020), P(2020, 4), P(2020, 4, 10))] == ["2020", "2020-04", "2020-04-10"]
    assert [p.vietnamese() for p in (P(2020), P(2020, 4), P(2020, 4, 10))] == ["2020", "04/2020", "10/04/2020"]
    assert P(2016, 9, 5).vietnamese_long() == "ngày 05 tháng 9 năm 2016"
    assert P(2020, 1, 5).vietnamese_long() == "ngày 05 tháng 01 năm 2020"
    assert P(2020, 4).vietnamese_long() == "tháng 4 năm 2020"
    assert P(2020).vietnamese_long() == "năm 2020"
    assert str(P(2020, 4)) == "2020-04"


def test_partial_date_repr_and_eval():
    for p in (P(2020), P(2020, 4), P(2020, 4, 10)):
        assert eval_repr(p) == p
    assert repr(P(2020, 4)) == "PartialDate(2020, 4)"
    assert repr(P(2020, 4, 10)) == "PartialDate(2020, 4, 10)"


def test_partial_date_order_and_hash():
    assert P(2020) < P(2020, 1) < P(2020, 1, 1) < P(2020, 1, 2) < P(2020, 2) < P(2021)
    assert P(2019, 12, 31) < P(2020) <= P(2020) and P(2021, 1, 1) > P(2020, 12)
    assert P(2020, 4) >= P(2020, 4) and P(2020, 4) != P(2020, 4, 1)
    assert len({P(2020), P(2020), P(2020, 1), P(2020, 1, 1)}) == 3
    assert hash(P(2020, 4)) == hash(P(2020, 4))
    assert sorted([P(2021), P(2020, 12), P(2020)]) == [P(2020), P(2020, 12), P(2021)]
    assert (P(2020) == "2020") is False


def test_partial_date_is_immutable():
    with pytest.raises(AttributeError):
        P(2020).year = 2021


def test_partial_date_pickle():
    for p in (P(2020), P(2020, 4), P(2020, 4, 10)):
        assert pickle.loads(pickle.dumps(p)) == p


def test_partial_date_errors():
    with pytest.raises(danvan.ValueError, match="^a day needs a month$"):
        P(2020, None, 3)
    with pytest.raises(danvan.ValueError, match=r"^year 1399 is out of range 1400\.\.9999$"):
        P(1399)
    with pytest.raises(danvan.ValueError, match="^2020-04 is only known to the month; a whole day is needed$"):
        P(2020, 4).date()
    with pytest.raises(TypeError):
        P("2020")


def test_parse_partial_date_forms():
    cases = {
        "10/04/2020": P(2020, 4, 10),
        "5/9/2016": P(2016, 9, 5),
        "12-12-2013": P(2013, 12, 12),
        "05.9.2016": P(2016, 9, 5),
        "ngày 05 tháng 9 năm 2016": P(2016, 9, 5),
        "NGÀY 05 THÁNG 9 NĂM 2016": P(2016, 9, 5),
        "tháng 9 năm 2016": P(2016, 9),
        "tháng 9/2016": P(2016, 9),
        "năm 2016": P(2016),
        "9/2016": P(2016, 9),
        "2016-09-05": P(2016, 9, 5),
        "2016-09": P(2016, 9),
        "2016": P(2016),
        "\u00a0 2016 ": P(2016),
    }
    for text, expected in cases.items():
        assert danvan.parse_partial_date(text) == expected, text
        assert P.from_string(text) == expected


def test_parse_date_errors():
    with pytest.raises(danvan.ParseError) as e:
        danvan.parse_date("04/2020")
    assert str(e.value) == ('cannot parse "04/2020" at offset 0: the date is only known to the '
                            'month; a whole day is needed')
    with pytest.raises(danvan.ParseError):
        danvan.parse_partial_date("05/9-2016")


def test_date_conversion_rules():
    # A datetime.datetime (or pandas.Timestamp) gives its calendar day.
    assert P.from_date(datetime.datetime(2020, 1, 1, 18)) == P(2020, 1, 1)
    with pytest.raises(danvan.ValueError) as e:
        P.from_date(D(1000, 12, 31))
    assert str(e.value) == ("date datetime.date(1000, 12, 31) is before 1400, the first year "
                            "danvan can represent")
    assert danvan.to_iso("2020-01-01") == "2020-01-01"  # ISO text is taken as the day


def test_period_basics():
    q = danvan.Period.parse("2020Q2")
    assert (q.type, q.year, q.index, q.id) == (danvan.PeriodType.quarter, 2020, 2, "2020Q2")
    assert q.start == D(2020, 4, 1) and q.end == D(2020, 6, 30)
    assert type(q.start) is D
    assert danvan.Period(danvan.PeriodType.quarter, 2020, 2) == q
    assert danvan.Period(type=danvan.PeriodType.year, year=2020) == danvan.Period.parse("2020")
    assert str(q) == "2020Q2"
    assert repr(q) == "Period.parse('2020Q2')"
    assert eval_repr(q) == q
    assert pickle.loads(pickle.dumps(q)) == q


@pytest.mark.parametrize("pid,start,end", [
    ("2020", D(2020, 1, 1), D(2020, 12, 31)),
    ("2020S1", D(2020, 1, 1), D(2020, 6, 30)),
    ("2020S2", D(2020, 7, 1), D(2020, 12, 31)),
    ("2020Q1", D(2020, 1, 1), D(2020, 3, 31)),
    ("202002", D(2020, 2, 1), D(2020, 2, 29)),
    ("202102", D(2021, 2, 1), D(2021, 2, 28)),
    ("201912", D(2019, 12, 1), D(2019, 12, 31)),
])
def test_period_bounds(pid, start, end):
    p = danvan.Period.parse(pid)
    assert (p.start, p.end, p.id) == (start, end, pid)


def test_period_navigation_across_years():
    assert danvan.Period.parse("201912").next() == danvan.Period.parse("202001")
    assert danvan.Period.parse("2020Q1").previous() == danvan.Period.parse("2019Q4")
    assert danvan.Period.parse("2019S2").next().id == "2020S1"
    assert danvan.Period.containing(danvan.PeriodType.quarter, D(2019, 12, 31)).id == "2019Q4"
    assert danvan.Period.containing(danvan.PeriodType.month, D(2021, 1, 1)).id == "202101"
    assert danvan.Period.containing(type=danvan.PeriodType.six_month, day=D(2020, 7, 1)).id == "2020S2"


def test_period_contains_and_split():
    year = danvan.Period.parse("2020")
    q2 = danvan.Period.parse("2020Q2")
    assert year.contains(q2) and not q2.contains(year)
    assert q2.contains(D(2020, 4, 1)) and not q2.contains(D(2020, 3, 31))
    assert D(2020, 6, 30) in q2 and D(2020, 7, 1) not in q2
    assert q2 in year
    with pytest.raises(TypeError):
        "2020" in year  # noqa: B015
    assert [p.id for p in year.split(danvan.PeriodType.quarter)] == ["2020Q1", "2020Q2", "2020Q3", "2020Q4"]
    assert len(year.split(danvan.PeriodType.month)) == 12
    assert q2.split(danvan.PeriodType.quarter) == [q2]
    with pytest.raises(danvan.ValueError) as e:
        q2.split(danvan.PeriodType.year)
    assert str(e.value) == "cannot split 2020Q2 into year periods: year is longer than quarter"


def test_period_order_and_hash():
    ps = [danvan.Period.parse(i) for i in ("2020", "2020Q1", "202001", "2020S1", "2019")]
    assert [p.id for p in sorted(ps)] == ["2019", "202001", "2020Q1", "2020S1", "2020"]
    assert len({danvan.Period.parse("2020Q2"), danvan.Period.parse("2020Q2")}) == 1
    assert danvan.Period.parse("2020Q1") < danvan.Period.parse("2020Q2")
    assert danvan.Period.parse("2020Q2") > danvan.Period.parse("202004")
    assert danvan.Period.parse("2020Q2") >= danvan.Period.parse("2020Q2") <= danvan.Period.parse("2020Q2")
    assert danvan.Period.parse("2020Q2") != danvan.Period.parse("2020Q3")


def test_period_errors():
    with pytest.raises(danvan.ValueError, match=r"^month 13 is out of range 1\.\.12$"):
        danvan.Period(danvan.PeriodType.month, 2020, 13)
    with pytest.raises(danvan.ParseError) as e:
        danvan.Period.parse("2020q2")
    assert e.value.offset == 4
    assert e.value.reason == 'expected "S", "Q" or a 2-digit month after the year, got "q2"'
