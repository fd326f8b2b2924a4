"""The lunar calendar, the holiday calendar and deadline arithmetic from Python."""

import copy
import datetime
import json
import pickle

import pytest

import danvan
from conftest import ROOT, eval_repr

D = datetime.date
VN_PATH = ROOT / "data" / "calendar" / "vietnam.json"


@pytest.fixture(scope="module")
def vn() -> danvan.Calendar:
    return danvan.Calendar.vietnam()


# --- enums ------------------------------------------------------------------------------------

def test_enums_are_real_enums_with_json_values():
    assert [w.value for w in danvan.Weekday] == [
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    assert danvan.DateBasis("lunar") is danvan.DateBasis.lunar
    assert [c.value for c in danvan.DayCounting] == ["calendar_days", "working_days"]
    assert [k.value for k in danvan.DayOffKind] == ["holiday", "compensatory", "extra"]
    assert [r.value for r in danvan.ComplaintRound] == ["first", "second"]
    assert repr(danvan.Weekday.monday) == "Weekday.monday"
    with pytest.raises(builtins_value_error()):
        danvan.Weekday("mon")


def builtins_value_error():
    import builtins
    return builtins.ValueError


def test_weekday_of_and_vietnamese_names():
    assert danvan.weekday_of(D(2020, 1, 25)) is danvan.Weekday.saturday
    assert danvan.weekday_of(D(2026, 2, 17)) is danvan.Weekday.tuesday
    assert danvan.vietnamese_name(danvan.Weekday.sunday) == "Chủ nhật"
    assert danvan.vietnamese_name(danvan.Weekday.monday) == "Thứ Hai"
    assert danvan.vietnamese_name(danvan.Weekday.saturday) == "Thứ Bảy"
    # A datetime (or pandas.Timestamp) gives its calendar day.
    assert danvan.weekday_of(datetime.datetime(2020, 1, 1, 12, 0)) is danvan.Weekday.wednesday


# --- lunar calendar ---------------------------------------------------------------------------

def test_tet_dates():
    assert danvan.lunar_new_year(2020) == D(2020, 1, 25)
    assert danvan.lunar_new_year(2026) == D(2026, 2, 17)
    assert type(danvan.lunar_new_year(2026)) is D
    assert danvan.to_lunar(D(2020, 1, 25)) == danvan.LunarDate(2020, 1, 1)
    assert danvan.to_lunar(D(2026, 2, 17)) == danvan.LunarDate(2026, 1, 1)
    assert danvan.from_lunar(danvan.LunarDate(2026, 1, 1)) == D(2026, 2, 17)


def test_lunar_year_boundary():
    # The day before Tết 2020 is the last day of lunar 2019 (month 12 has 30 days that year
    # or 29: whichever it is, from_lunar agrees with to_lunar).
    eve = danvan.to_lunar(D(2020, 1, 24))
    assert (eve.year, eve.month, eve.leap) == (2019, 12, False)
    assert eve.day == danvan.lunar_month_length(2019, 12)
    assert danvan.from_lunar(eve) == D(2020, 1, 24)
    # Months 11 and 12 of a lunar year fall in the next Gregorian year.
    assert danvan.to_lunar(D(2020, 1, 1)).year == 2019
    assert danvan.from_lunar(danvan.LunarDate(2019, 12, 10)).year == 2020


def test_leap_months():
    assert danvan.leap_month(2020) == 4
    assert danvan.leap_month(2023) == 2
    assert danvan.leap_month(2021) is None
    leap = danvan.LunarDate(2020, 4, 1, leap=True)
    assert str(leap) == "1/4 nhuận/2020"
    assert str(danvan.LunarDate(2020, 3, 10)) == "10/3/2020"
    solar = danvan.from_lunar(leap)
    assert danvan.to_lunar(solar) == leap
    assert solar > danvan.from_lunar(danvan.LunarDate(2020, 4, 1))
    assert danvan.lunar_month_length(2020, 4, leap=True) in (29, 30)
    assert danvan.lunar_month_length(2020, 4, True) == danvan.lunar_month_length(2020, 4, leap=True)


def test_lunar_round_trip_over_a_span():
    day = D(2019, 12, 1)
    while day < D(2021, 3, 1):
        assert danvan.from_lunar(danvan.to_lunar(day)) == day
        day += datetime.timedelta(days=1)


def test_lunar_date_value_semantics():
    a = danvan.LunarDate(2020, 4, 1)
    b = danvan.LunarDate(2020, 4, 1, True)
    assert (a.year, a.month, a.day, a.leap) == (2020, 4, 1, False)
    assert a < b and b > a and a <= a and b >= a and a != b
    assert danvan.LunarDate(2020, 4, 30) < b  # field order: year, month, leap, day
    assert len({a, danvan.LunarDate(2020, 4, 1), b}) == 2
    assert repr(a) == "LunarDate(2020, 4, 1)" and repr(b) == "LunarDate(2020, 4, 1, leap=True)"
    assert eval_repr(b) == b
    assert pickle.loads(pickle.dumps(b)) == b
    assert copy.copy(a) == a and copy.deepcopy(b) == b
    c = danvan.LunarDate()
    c.year, c.month, c.day, c.leap = 2021, 2, 3, False
    assert c == danvan.LunarDate(2021, 2, 3)


def test_lunar_limits_and_errors():
    assert (danvan.lunar_min_year, danvan.lunar_max_year) == (1900, 2100)
    with pytest.raises(danvan.ValueError) as e:
        danvan.to_lunar(D(1899, 12, 31))
    assert str(e.value) == "1899-12-31 is outside the supported range 1900-01-01..2100-12-31"
    with pytest.raises(danvan.ValueError) as e:
        danvan.from_lunar(danvan.LunarDate(2021, 4, 1, True))
    assert str(e.value) == "lunar year 2021 has no leap month 4"
    with pytest.raises(danvan.ValueError) as e:
        danvan.from_lunar(danvan.LunarDate(2020, 13, 1))
    assert str(e.value) == "lunar month 13 is out of range 1..12"
    with pytest.raises(danvan.ValueError) as e:
        danvan.leap_month(1898)
    assert str(e.value) == "lunar year 1898 is outside the supported range 1899..2100"
    with pytest.raises(danvan.ValueError) as e:
        danvan.lunar_new_year(2101)
    assert str(e.value) == "lunar year 2101 is outside the supported range 1900..2100"
    with pytest.raises(danvan.ValueError) as e:
        danvan.lunar_month_length(2020, 0)
    assert str(e.value) == "lunar month 0 is out of range 1..12"


# --- holiday calendar -------------------------------------------------------------------------

def test_vietnam_calendar_facts(vn):
    assert (vn.first_year, vn.last_year) == (2013, 2100)
    assert vn.weekend == (danvan.Weekday.saturday, danvan.Weekday.sunday) or set(vn.weekend) == {
        danvan.Weekday.saturday, danvan.Weekday.sunday}
    assert vn.compensatory is True
    assert vn.name and isinstance(vn.source, str)
    assert "tet" in [r.id for r in vn.rules]
    assert [y.year for y in vn.years] == sorted(y.year for y in vn.years)
    assert vn.deadline_rules == danvan.DeadlineRules()


def test_holidays_of_2026(vn):
    days = vn.days_off(2026)
    assert all(isinstance(d, danvan.DayOff) for d in days)
    assert [d.date for d in days] == sorted(d.date for d in days)
    tet = [d.date for d in days if d.rule_id == "tet"]
    # Default rule: the last day of the lunar year and mùng 1–4.
    assert tet == [D(2026, 2, 16), D(2026, 2, 17), D(2026, 2, 18), D(2026, 2, 19), D(2026, 2, 20)]
    new_year = [d for d in days if d.rule_id == "new-year"]
    assert new_year[0].date == D(2026, 1, 1) and new_year[0].kind is danvan.DayOffKind.holiday
    rows = vn.days_off_rows(2026)
    assert [(r["date"], r["name"]) for r in rows] == [(d.date, d.name) for d in days]
    assert rows[0] == {"date": days[0].date, "name": days[0].name, "rule_id": days[0].rule_id,
                       "kind": days[0].kind.value}
    assert set(rows[0]) == {"date", "name", "rule_id", "kind"}


def test_tet_2020_and_compensatory_days(vn):
    # Tết 2020 as decided (Thông báo 4544/TB-LĐTBXH): 23/01 to 29/01, the nghỉ bù for mùng 1
    # and 2 (a weekend) included; decided days give no further compensatory day.
    tet = [(d.date, d.kind) for d in vn.days_off(2020) if d.rule_id == "tet"]
    H = danvan.DayOffKind.holiday
    assert tet == [(D(2020, 1, day), H) for day in range(23, 30)]
    assert vn.is_working_day(D(2020, 1, 30))
    # 30/4/2022 was a Saturday and 1/5/2022 a Sunday: two compensatory days follow.
    comp = [d for d in vn.days_off(2022) if d.kind is danvan.DayOffKind.compensatory]
    assert [d.date for d in comp if d.date.month == 5] == [D(2022, 5, 2), D(2022, 5, 3)]
    assert not vn.is_working_day(D(2022, 5, 3))


def test_day_queries(vn):
    off = vn.day_off(D(2026, 2, 17))
    assert off is not None and off.rule_id == "tet" and off.date == D(2026, 2, 17)
    assert vn.day_off(D(2026, 2, 21)) is None  # an ordinary Saturday
    assert vn.is_weekend(D(2026, 2, 21)) and not vn.is_weekend(D(2026, 2, 23))
    assert not vn.is_working_day(D(2026, 2, 21))
    assert not vn.is_working_day(D(2026, 2, 17))
    assert vn.is_working_day(D(2026, 2, 23))
    # The decided day beside 2/9/2024 (3/9), and a decided Tết 2024 day.
    assert not vn.is_working_day(D(2024, 9, 3))
    assert vn.day_off(D(2024, 2, 8)).rule_id == "tet"


def test_calendar_errors(vn):
    with pytest.raises(danvan.ValueError) as e:
        vn.days_off(2012)
    assert str(e.value) == 'year 2012 is outside the years of calendar "Việt Nam" (2013..2100)'
    with pytest.raises(danvan.ValueError) as e:
        vn.is_working_day(D(2101, 1, 1))
    assert str(e.value) == 'year 2101 is outside the years of calendar "Việt Nam" (2013..2100)'


def test_loaded_calendar_equals_builtin(vn):
    loaded = danvan.load_calendar(VN_PATH)
    assert loaded == vn
    assert vn.to_json() == VN_PATH.read_text(encoding="utf-8")
    assert danvan.Calendar.from_json(vn.to_json()) == vn
    data = vn.to_json_dict()
    assert data == json.loads(VN_PATH.read_text(encoding="utf-8"))
    assert danvan.Calendar.from_json_dict(data) == vn
    assert pickle.loads(pickle.dumps(vn)) == vn
    assert copy.copy(vn) == vn and copy.deepcopy(vn) == vn
    assert repr(vn) == f"<Calendar {vn.name!r} 2013..2100>"


def test_overrides_from_data(tmp_path, vn):
    """A province copies the file, adds a decided day off and a worked Saturday, and changes a
    deadline rule: the loaded calendar follows the data."""
    data = json.loads(VN_PATH.read_text(encoding="utf-8"))
    data["years"].append({"year": 2030, "rule_days": {}, "extra_days_off": [
        {"date": "2030-03-15", "name": "Ngày nghỉ thêm (thử)"}], "working_days": ["2030-03-16"],
        "source": "test"})
    data["deadline_rules"]["denunciation_days"] = 20
    path = tmp_path / "province.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    cal = danvan.load_calendar(path)
    assert cal != vn
    assert cal.day_off(D(2030, 3, 15)) == danvan.DayOff(D(2030, 3, 15), "Ngày nghỉ thêm (thử)",
                                                        "", danvan.DayOffKind.extra)
    assert not cal.is_working_day(D(2030, 3, 15)) and vn.is_working_day(D(2030, 3, 15))
    assert cal.is_working_day(D(2030, 3, 16)) and not vn.is_working_day(D(2030, 3, 16))
    assert cal.deadline_rules.denunciation_days == 20
    y = [s for s in cal.years if s.year == 2030][0]
    assert y.extra_days_off == (danvan.ExtraDayOff(D(2030, 3, 15), "Ngày nghỉ thêm (thử)"),)
    assert y.working_days == (D(2030, 3, 16),)


def test_calendar_json_errors(tmp_path):
    with pytest.raises(danvan.JsonError) as e:
        danvan.Calendar.from_json("{}")
    assert e.value.problems == [("", f'missing required key "{k}"') for k in (
        "schema", "version", "name", "first_year", "last_year", "weekend", "compensatory",
        "rules")]
    with pytest.raises(danvan.JsonError):
        danvan.Calendar.from_json('{"schema": "danvan/calendar", "schema": "x"}')
    with pytest.raises(danvan.JsonError):
        danvan.Calendar.from_dict([])
    with pytest.raises(danvan.IoError) as e:
        danvan.load_calendar(tmp_path / "missing.json")
    assert e.value.path == str(tmp_path / "missing.json")


def simple_calendar(**kw):
    args = dict(name="Test", first_year=2020, last_year=2021,
                weekend=[danvan.Weekday.sunday],
                rules=[danvan.HolidayRule(id="new-year", name="Tết Dương lịch", month=1, day=1)])
    args.update(kw)
    return danvan.Calendar(**args)


def test_calendar_constructor_and_invariants():
    cal = simple_calendar(compensatory=False)
    assert cal.name == "Test" and cal.source == "" and cal.weekend == (danvan.Weekday.sunday,)
    assert cal.compensatory is False and cal.years == ()
    assert cal.is_working_day(D(2021, 1, 2))  # a Saturday: only Sunday is weekend
    assert not cal.is_working_day(D(2021, 1, 1))
    assert cal.rules == (danvan.HolidayRule(id="new-year", name="Tết Dương lịch", month=1, day=1),)
    with pytest.raises(danvan.ValueError) as e:
        simple_calendar(rules=[danvan.HolidayRule(id="x", name="X", month=13, day=1)])
    assert str(e.value) == "invalid calendar: /rules/0/month: 13 is out of range 1..12"
    with pytest.raises(danvan.ValueError) as e:
        simple_calendar(years=[danvan.YearSchedule(year=2020, working_days=[D(2020, 1, 6)])])
    assert str(e.value) == ("invalid calendar: /years/0/working_days/0: 2020-01-06 is a monday, "
                            "not a weekend day")
    with pytest.raises(TypeError):
        danvan.Calendar(name="x")


def test_holiday_rule_fields():
    r = danvan.HolidayRule(id="tet", name="Tết Nguyên đán", basis=danvan.DateBasis.lunar,
                           month=1, day=1, first_offset=-1, last_offset=3, adjacent=False,
                           from_year=2013, to_year=None)
    assert (r.id, r.name, r.basis, r.month, r.day, r.first_offset, r.last_offset, r.adjacent,
            r.from_year, r.to_year) == ("tet", "Tết Nguyên đán", danvan.DateBasis.lunar, 1, 1,
                                        -1, 3, False, 2013, None)
    assert r.in_force(2013) and not r.in_force(2012) and r.in_force(2100)
    assert eval_repr(r) == r
    assert repr(danvan.HolidayRule(id="x")) == "HolidayRule(id='x')"
    assert pickle.loads(pickle.dumps(r)) == r and copy.copy(r) == r and copy.deepcopy(r) == r
    r.to_year = 2020
    assert not r.in_force(2021) and r != danvan.HolidayRule()


def test_year_schedule_and_day_off_values():
    s = danvan.YearSchedule(year=2024, rule_days={"tet": [D(2024, 2, 8), D(2024, 2, 9)]},
                            extra_days_off=[danvan.ExtraDayOff(D(2024, 4, 29), "Hoán đổi")],
                            working_days=[D(2024, 5, 4)], source="Thông báo")
    assert s.year == 2024 and s.source == "Thông báo"
    assert s.rule_days == {"tet": [D(2024, 2, 8), D(2024, 2, 9)]}
    assert eval_repr(s) == s
    assert pickle.loads(pickle.dumps(s)) == s and copy.deepcopy(s) == s and copy.copy(s) == s
    s.working_days = []
    s.extra_days_off = ()
    s.rule_days = {}
    assert s == danvan.YearSchedule(year=2024, source="Thông báo")
    e = danvan.ExtraDayOff(D(2024, 4, 29), "Hoán đổi")
    e.name = "X"
    e.date = D(2024, 4, 30)
    assert (e.date, e.name) == (D(2024, 4, 30), "X")
    assert eval_repr(e) == e and pickle.loads(pickle.dumps(e)) == e
    d = danvan.DayOff(D(2026, 1, 1), "Tết Dương lịch", "new-year")
    assert d.kind is danvan.DayOffKind.holiday and d.rule_id == "new-year"
    d.kind = danvan.DayOffKind.extra
    d.rule_id = ""
    d.name = "N"
    d.date = D(2026, 1, 2)
    assert d == danvan.DayOff(D(2026, 1, 2), "N", kind=danvan.DayOffKind.extra)
    assert eval_repr(d) == d and pickle.loads(pickle.dumps(d)) == d


def test_deadline_rules_values():
    r = danvan.DeadlineRules()
    assert r.counting is danvan.DayCounting.calendar_days
    assert r.complaint_first == danvan.ComplaintLimits(normal=30, complex=45, remote=45,
                                                       remote_complex=60)
    assert r.complaint_second == danvan.ComplaintLimits(normal=45, complex=60, remote=60,
                                                        remote_complex=70)
    assert (r.denunciation_days, r.denunciation_extension_days,
            r.denunciation_max_extensions) == (30, 30, 2)
    lim = r.complaint_first
    assert (lim.normal, lim.complex, lim.remote, lim.remote_complex) == (30, 45, 45, 60)
    assert repr(danvan.DeadlineRules()) == "DeadlineRules()"
    custom = danvan.DeadlineRules(counting=danvan.DayCounting.working_days, denunciation_days=20)
    assert eval_repr(custom) == custom and pickle.loads(pickle.dumps(custom)) == custom
    assert copy.copy(custom) == custom and copy.deepcopy(custom) == custom
    assert eval_repr(lim) == lim and pickle.loads(pickle.dumps(lim)) == lim
    assert copy.copy(lim) == lim and copy.deepcopy(lim) == lim


# --- deadlines --------------------------------------------------------------------------------

def test_calendar_days_roll_forward_over_tet(vn):
    # 30 days after 17/01/2026 is 16/02/2026, the last day of the lunar year, off with Tết
    # (16–20/02), followed by a weekend: the limit ends on Monday 23/02.
    assert danvan.add_calendar_days(vn, D(2026, 1, 17), 30) == D(2026, 2, 23)
    assert danvan.add_days(vn, D(2026, 1, 17), 30, danvan.DayCounting.calendar_days) == D(2026, 2, 23)
    assert danvan.next_working_day(vn, D(2026, 2, 16)) == D(2026, 2, 23)
    assert danvan.next_working_day(vn, D(2026, 2, 23)) == D(2026, 2, 23)
    # 0 days: the event day itself, moved when it is not a working day.
    # Tết 2020 as decided (23–29/01, Thông báo 4544/TB-LĐTBXH): Thursday 30/01.
    assert danvan.add_calendar_days(vn, D(2020, 1, 25), 0) == D(2020, 1, 30)


def test_deadlines_across_a_year_boundary(vn):
    # 1/1/2026 is a Thursday and a holiday, and Friday 2/1/2026 was given off in exchange for
    # Saturday 10/1 (Văn bản 12729/VPCP-KGVX): a limit ending on 1/1 ends on Monday 5/1/2026.
    assert danvan.add_calendar_days(vn, D(2025, 12, 31), 1) == D(2026, 1, 5)
    assert danvan.add_calendar_days(vn, D(2025, 12, 2), 30) == D(2026, 1, 5)
    # Working days skip the New Year holiday and the swapped day: 31/12/2025 is a Wednesday.
    assert danvan.add_working_days(vn, D(2025, 12, 31), 1) == D(2026, 1, 5)
    assert danvan.add_working_days(vn, D(2025, 12, 31), 2) == D(2026, 1, 6)
    assert danvan.add_days(vn, D(2025, 12, 31), 2, danvan.DayCounting.working_days) == D(2026, 1, 6)
    assert danvan.count_working_days(vn, D(2025, 12, 31), D(2026, 1, 6)) == 2
    # The Saturday worked in exchange is a working day.
    assert danvan.next_working_day(vn, D(2026, 1, 10)) == D(2026, 1, 10)
    assert danvan.count_working_days(vn, D(2026, 1, 5), D(2025, 12, 31)) == 0
    assert danvan.add_working_days(vn, D(2012, 12, 31), 1) == D(2013, 1, 2)


def test_working_days_over_tet_2024(vn):
    # Tết 2024 was decided as 8–14/02: one working day after 7/02 is 15/02.
    assert danvan.add_working_days(vn, D(2024, 2, 7), 1) == D(2024, 2, 15)
    assert danvan.add_working_days(vn, D(2024, 2, 10), 0) == D(2024, 2, 15)
    assert danvan.count_working_days(vn, D(2024, 2, 1), D(2024, 2, 29)) == 15


def test_complaint_and_denunciation_deadlines(vn):
    rules = vn.deadline_rules
    R = danvan.ComplaintRound
    assert danvan.complaint_limit_days(rules) == 30
    assert danvan.complaint_limit_days(rules, R.first, True, False) == 45
    assert danvan.complaint_limit_days(rules, R.first, complex=False, remote=True) == 45
    assert danvan.complaint_limit_days(rules, R.first, True, True) == 60
    assert danvan.complaint_limit_days(rules, round=R.second) == 45
    assert danvan.complaint_limit_days(rules, R.second, True, True) == 70
    accepted = D(2024, 3, 1)
    assert danvan.complaint_deadline(vn, accepted) == D(2024, 4, 1)  # 31/3 is a Sunday
    assert danvan.complaint_deadline(vn, accepted, R.first, complex=True) == D(2024, 4, 15)
    assert danvan.complaint_deadline(vn, accepted, R.second, True, True) == D(2024, 5, 10)
    assert danvan.denunciation_limit_days(rules, 0) == 30
    assert danvan.denunciation_limit_days(rules, 2) == 90
    assert danvan.denunciation_deadline(vn, accepted) == D(2024, 4, 1)
    assert danvan.denunciation_deadline(vn, accepted, 1) == D(2024, 5, 2)
    assert danvan.denunciation_deadline(vn, accepted, extensions=2) == D(2024, 5, 30)


def test_rule_parameters_change_deadlines(vn):
    """A province's rules: working days and shorter limits."""
    data = vn.to_dict()
    data["deadline_rules"]["counting"] = "working_days"
    data["deadline_rules"]["complaint_first"]["normal"] = 10
    data["deadline_rules"]["denunciation_max_extensions"] = 1
    province = danvan.Calendar.from_dict(data)
    rules = province.deadline_rules
    assert rules.counting is danvan.DayCounting.working_days
    assert danvan.complaint_limit_days(rules) == 10
    # 10 working days after Wednesday 7/02/2024, Tết (8–14/02) skipped.
    assert danvan.complaint_deadline(province, D(2024, 2, 7)) == danvan.add_working_days(
        vn, D(2024, 2, 7), 10)
    with pytest.raises(danvan.ValueError) as e:
        danvan.denunciation_limit_days(rules, 2)
    assert str(e.value) == "2 extensions is out of range 0..1"
    custom = danvan.DeadlineRules(denunciation_days=15, denunciation_extension_days=10)
    assert danvan.denunciation_limit_days(custom, 2) == 35


def test_deadline_errors(vn):
    with pytest.raises(danvan.ValueError) as e:
        danvan.add_calendar_days(vn, D(2024, 1, 1), -1)
    assert str(e.value) == "day count -1 is out of range 0..36500"
    assert danvan.max_deadline_days == 36500
    with pytest.raises(danvan.ValueError) as e:
        danvan.add_working_days(vn, D(2024, 1, 1), danvan.max_deadline_days + 1)
    assert str(e.value) == "day count 36501 is out of range 0..36500"
    with pytest.raises(danvan.ValueError) as e:
        danvan.denunciation_limit_days(vn.deadline_rules, 3)
    assert str(e.value) == "3 extensions is out of range 0..2"
    with pytest.raises(danvan.ValueError) as e:
        danvan.denunciation_deadline(vn, D(2024, 1, 1), -1)
    assert str(e.value) == "-1 extensions is out of range 0..2"
    with pytest.raises(danvan.ValueError) as e:
        danvan.add_calendar_days(vn, D(2100, 12, 30), 5)  # leaves the calendar's years
    assert str(e.value) == 'year 2101 is outside the years of calendar "Việt Nam" (2013..2100)'
    with pytest.raises(danvan.ValueError) as e:
        danvan.count_working_days(vn, D(2012, 12, 1), D(2013, 1, 5))
    assert str(e.value) == 'year 2012 is outside the years of calendar "Việt Nam" (2013..2100)'
    with pytest.raises(danvan.ValueError) as e:
        danvan.add_days(vn, D(2024, 1, 1), 1, "workdays")
    assert str(e.value).startswith("add_days() argument 'counting': 'workdays' is not a "
                                   "danvan.DayCounting (expected one of: ")

