"""Progress tracking from Python: the model, the documents, summaries and rendering.

The bundled data/progress documents are SAMPLE data (invented by scripts/gen_sample_reports.py);
the summary tests recompute what they check from the raw JSON instead of trusting the library.
"""

import copy
import datetime
import json
import pickle

import pytest

import danvan
from conftest import ROOT, eval_repr, units_sample

D = datetime.date
P = danvan.Period
PT = danvan.PeriodType
REGISTRY_PATH = ROOT / "data" / "registry" / "sample-registry.json"
PROGRESS_PATH = ROOT / "data" / "progress" / "phu-yen-2020-progress.json"
REPORTS_PATH = ROOT / "data" / "progress" / "phu-yen-2020-reports.json"
UNITS_PATH = ROOT / "data" / "units" / "phu-yen.json"


@pytest.fixture(scope="module")
def progress() -> danvan.ProgressPlan:
    return danvan.load_progress_plan(PROGRESS_PATH)


@pytest.fixture(scope="module")
def batch(progress) -> danvan.ReportBatch:
    return danvan.load_report_batch(REPORTS_PATH, progress)


@pytest.fixture(scope="module")
def summary(progress, batch) -> danvan.ProgressSummary:
    return danvan.summarize_progress(progress, batch, D(2021, 1, 31))


# --- enums ------------------------------------------------------------------------------------

def test_enums():
    assert [s.value for s in danvan.ActivityStatus] == [
        "not_started", "in_progress", "done", "overdue"]
    assert [m.value for m in danvan.Measure] == ["count", "percentage", "yes_no", "qualitative"]
    assert [d.value for d in danvan.Direction] == ["ascending", "descending"]
    assert [t.value for t in danvan.TimeAggregation] == ["sum", "average", "last"]
    assert [u.value for u in danvan.UnitAggregation] == ["sum", "average"]
    assert [s.value for s in danvan.ReportState] == ["on_time", "late", "missing", "not_due"]
    assert [f.value for f in danvan.ProgressFormat] == ["text", "markdown", "html", "csv"]
    assert danvan.vietnamese_name(danvan.ActivityStatus.in_progress) == "đang thực hiện"
    assert danvan.vietnamese_name(danvan.ActivityStatus.overdue) == "quá hạn"
    assert danvan.vietnamese_name(danvan.ReportState.on_time) == "đúng hạn"
    assert danvan.vietnamese_name(danvan.ReportState.late) == "trễ hạn"


# --- model values -----------------------------------------------------------------------------

def test_activity_fields_and_status():
    a = danvan.Activity(id="a", name="Hoạt động A", task_area=2, responsible_unit_ids=["x"],
                        participating_unit_ids=("y", "z"), start=D(2020, 4, 10),
                        due=D(2020, 5, 15))
    assert (a.id, a.name, a.task_area, a.start, a.due) == (
        "a", "Hoạt động A", 2, D(2020, 4, 10), D(2020, 5, 15))
    assert a.responsible_unit_ids == ("x",) and a.participating_unit_ids == ("y", "z")
    S = danvan.ActivityStatus
    assert danvan.activity_status(a, D(2020, 4, 9)) is S.not_started
    assert danvan.activity_status(a, D(2020, 4, 10)) is S.in_progress
    assert danvan.activity_status(a, D(2020, 5, 15)) is S.in_progress
    assert danvan.activity_status(a, D(2020, 5, 16)) is S.overdue
    assert danvan.activity_status(a, D(2020, 5, 16), completed=D(2020, 5, 1)) is S.done
    assert danvan.activity_status(a, D(2020, 4, 30), D(2020, 5, 1)) is S.in_progress
    assert danvan.activity_status(a, D(2020, 4, 1), started=D(2020, 3, 30)) is S.in_progress
    # Across a year boundary: due 31/12, checked on 1/1.
    b = danvan.Activity(id="b", name="B", task_area=1, due=D(2020, 12, 31))
    assert danvan.activity_status(b, D(2020, 12, 31)) is S.in_progress
    assert danvan.activity_status(b, D(2021, 1, 1)) is S.overdue
    assert a.to_json_dict() == {"id": "a", "name": "Hoạt động A", "task_area": 2,
                           "responsible_units": ["x"], "participating_units": ["y", "z"],
                           "start": "2020-04-10", "due": "2020-05-15"}
    assert eval_repr(a) == a and pickle.loads(pickle.dumps(a)) == a
    assert copy.copy(a) == a and copy.deepcopy(a) == a
    assert repr(danvan.Activity(id="x")) == "Activity(id='x')"
    a.responsible_unit_ids = []
    a.participating_unit_ids = ["q"]
    a.start = None
    assert a.to_json_dict()["start"] is None and a.participating_unit_ids == ("q",)
    assert a != b


def test_indicator_target_and_ratio():
    t = danvan.Target(unit_id="u", period=P(PT.year, 2020), value=12)
    assert (t.unit_id, t.period, t.value) == ("u", P(PT.year, 2020), 12.0)
    assert t.to_json_dict() == {"unit": "u", "period": "2020", "value": 12}
    assert eval_repr(t) == t and pickle.loads(pickle.dumps(t)) == t
    ind = danvan.Indicator(id="ton-dong", name="Đơn thư tồn đọng", task_area=5,
                           measure=danvan.Measure.count, direction=danvan.Direction.descending,
                           baseline=60, baseline_period=P(PT.year, 2019),
                           over_time=danvan.TimeAggregation.last,
                           over_units=danvan.UnitAggregation.sum, targets=[t])
    assert (ind.id, ind.name, ind.task_area, ind.measure, ind.direction, ind.baseline,
            ind.baseline_period, ind.over_time, ind.over_units) == (
        "ton-dong", "Đơn thư tồn đọng", 5, danvan.Measure.count, danvan.Direction.descending,
        60.0, P(PT.year, 2019), danvan.TimeAggregation.last, danvan.UnitAggregation.sum)
    assert ind.targets == (t,)
    assert ind.target("u", P(PT.year, 2020)) == 12.0
    assert ind.target("u", P(PT.year, 2021)) is None
    assert ind.target("v", P(PT.year, 2020)) is None
    d = ind.to_json_dict()
    assert (d["measure"], d["direction"], d["over_time"], d["baseline_period"]) == (
        "count", "descending", "last", "2019")
    assert eval_repr(ind) == ind and pickle.loads(pickle.dumps(ind)) == ind
    assert copy.deepcopy(ind) == ind
    ind.targets = []
    assert ind.target("u", P(PT.year, 2020)) is None
    # Ascending: (value - baseline) / (target - baseline), baseline 0 when unknown.
    A, De = danvan.Direction.ascending, danvan.Direction.descending
    assert danvan.progress_ratio(A, None, 100, 50) == 0.5
    assert danvan.progress_ratio(A, 20, 120, 70) == 0.5
    assert danvan.progress_ratio(A, 20, 120, 10) == 0.0  # never negative
    # Descending with the baseline above the target: (baseline - value) / (baseline - target).
    assert danvan.progress_ratio(De, 60, 20, 40) == 0.5
    assert danvan.progress_ratio(De, None, 20, 10) == 1.0
    assert danvan.progress_ratio(De, None, 20, 40) == 0.5
    assert danvan.progress_ratio(A, 50, 50, 40) is None


def test_schedule_periods_and_deadlines():
    s = danvan.ReportingSchedule(period_type=PT.month, first=P(PT.month, 2020, 11),
                                 last=P(PT.month, 2021, 2), days_after_period_end=7)
    assert (s.period_type, s.first, s.last, s.days_after_period_end) == (
        PT.month, P(PT.month, 2020, 11), P(PT.month, 2021, 2), 7)
    assert [p.id for p in s.periods()] == ["202011", "202012", "202101", "202102"]
    assert s.to_dict() == {"period_type": "month", "first": "202011", "last": "202102",
                           "days_after_period_end": 7}
    assert eval_repr(s) == s and pickle.loads(pickle.dumps(s)) == s
    # 7 days after 31/12/2020 is Thursday 7/1/2021, a working day.
    assert danvan.report_deadline(s, P(PT.month, 2020, 12)) == D(2021, 1, 7)
    # 7 days after 31/01/2025 is Friday 7/2/2025: a working day after Tết (28/1–3/2/2025).
    assert danvan.report_deadline(s, P(PT.month, 2025, 1)) == D(2025, 2, 7)
    # 7 days after 31/1/2026 is Saturday 7/2/2026: rolled to Monday 9/2.
    assert danvan.report_deadline(s, P(PT.month, 2026, 1)) == D(2026, 2, 9)
    # 7 days after 31/3/2024 is Sunday 7/4: rolled to Monday 8/4.
    assert danvan.report_deadline(s, P(PT.month, 2024, 3)) == D(2024, 4, 8)
    s.days_after_period_end = 14
    # 14 days after 31/1/2026 is 14/2/2026, a Saturday; 16–20/2 are Tết: Monday 23/2.
    assert danvan.report_deadline(s, P(PT.month, 2026, 1)) == D(2026, 2, 23)
    with pytest.raises(danvan.ValueError) as e:
        danvan.report_deadline(s, P(PT.month, 2101, 1))
    assert str(e.value) == 'year 2101 is outside the years of calendar "Việt Nam" (2013..2100)'


def test_report_values():
    f = danvan.Fraction(numerator=3, denominator=4)
    assert (f.numerator, f.denominator) == (3.0, 4.0)
    assert eval_repr(f) == f and pickle.loads(pickle.dumps(f)) == f and copy.copy(f) == f
    values = [danvan.IndicatorValue(indicator_id="c", value=3),
              danvan.IndicatorValue(indicator_id="p", value=f),
              danvan.IndicatorValue(indicator_id="y", value=True),
              danvan.IndicatorValue(indicator_id="q", value="Tốt")]
    assert [type(v.value) for v in values] == [float, danvan.Fraction, bool, str]
    assert values[0].indicator_id == "c" and values[1].value == f
    assert [v.to_json_dict()["value"] for v in values] == [
        3, {"numerator": 3, "denominator": 4}, True, "Tốt"]
    assert all(eval_repr(v) == v for v in values)
    no = danvan.IndicatorValue(indicator_id="y", value=False)
    assert repr(no) == "IndicatorValue(indicator_id='y', value=False)" and eval_repr(no) == no
    a = danvan.ActivityReport(activity_id="a", status=danvan.ActivityStatus.done,
                              completed=D(2020, 5, 1))
    assert (a.activity_id, a.status, a.completed) == ("a", danvan.ActivityStatus.done, D(2020, 5, 1))
    assert a.to_json_dict() == {"activity": "a", "status": "done", "completed": "2020-05-01"}
    assert eval_repr(a) == a and pickle.loads(pickle.dumps(a)) == a
    r = danvan.Report(unit_id="u", period=P(PT.month, 2020, 12), submitted=D(2021, 1, 5),
                      values=values, activities=[a], narrative="Tháng 12")
    assert (r.unit_id, r.period, r.submitted, r.narrative) == (
        "u", P(PT.month, 2020, 12), D(2021, 1, 5), "Tháng 12")
    assert r.values == tuple(values) and r.activities == (a,)
    assert r.find_value("p") == values[1] and r.find_value("nope") is None
    assert r.to_json_dict()["submitted"] == "2021-01-05" and r.to_json_dict()["period"] == "202012"
    assert eval_repr(r) == r and pickle.loads(pickle.dumps(r)) == r and copy.deepcopy(r) == r
    r.values = []
    r.activities = ()
    assert r.values == () and r.find_value("c") is None


PARTS = (danvan.Activity, danvan.Target, danvan.Indicator, danvan.ReportingSchedule,
         danvan.IndicatorValue, danvan.ActivityReport, danvan.Report)


def test_parts_from_dict_round_trip(progress, batch):
    """Every part of the sample documents reads back from its dict and its JSON text, equal
    and with the same dict; the dicts are the elements of the documents."""
    plan_data, batch_data = progress.to_json_dict(), batch.to_json_dict()
    parts = [(progress.schedule, plan_data["schedule"])]
    parts += zip(progress.activities, plan_data["activities"])
    for ind, d in zip(progress.indicators, plan_data["indicators"]):
        parts.append((ind, d))
        parts += zip(ind.targets, d["targets"])
    for rep, d in zip(batch.reports, batch_data["reports"]):
        parts.append((rep, d))
        parts += zip(rep.values, d["values"])
        parts += zip(rep.activities, d["activities"])
    assert {type(obj) for obj, _ in parts} == set(PARTS)
    for obj, data in parts:
        cls = type(obj)
        assert obj.to_json_dict() == data
        back = cls.from_json_dict(data)
        assert back == obj and not (back != obj) and back.to_json_dict() == data
        assert cls.from_json(obj.to_json()) == obj
        assert obj.to_json() == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        assert eval_repr(back) == obj


def test_parts_round_trip_every_kind_of_value_and_dates_across_the_year():
    values = [danvan.IndicatorValue(indicator_id="c", value=2.5),
              danvan.IndicatorValue(indicator_id="p", value=danvan.Fraction(numerator=1,
                                                                            denominator=3)),
              danvan.IndicatorValue(indicator_id="y", value=False),
              danvan.IndicatorValue(indicator_id="q", value="Tốt")]
    for v in values:
        back = danvan.IndicatorValue.from_json_dict(v.to_json_dict())
        assert back == v and type(back.value) is type(v.value)
    acts = [danvan.ActivityReport(activity_id="a", status=danvan.ActivityStatus.done,
                                  completed=D(2020, 12, 31)),
            danvan.ActivityReport(activity_id="b", status=danvan.ActivityStatus.not_started)]
    r = danvan.Report(unit_id="u", period=P(PT.month, 2020, 12), submitted=D(2021, 1, 1),
                      values=values, activities=acts)
    assert danvan.Report.from_json_dict(r.to_json_dict()) == r
    assert danvan.Report.from_json(r.to_json().encode("utf-8")) == r
    a = danvan.Activity(id="a", name="Tết", task_area=1, responsible_unit_ids=["u"],
                        start=D(2020, 12, 31), due=D(2021, 1, 1))
    assert danvan.Activity.from_json_dict(a.to_json_dict()) == a
    s = danvan.ReportingSchedule(period_type=PT.quarter, first=P(PT.quarter, 2020, 4),
                                 last=P(PT.quarter, 2021, 1), days_after_period_end=10)
    assert danvan.ReportingSchedule.from_json_dict(s.to_json_dict()) == s
    ind = danvan.Indicator(id="i", name="Tỷ lệ", task_area=3, measure=danvan.Measure.percentage,
                           direction=danvan.Direction.descending, baseline=12.5,
                           baseline_period=P(PT.six_month, 2019, 2),
                           over_time=danvan.TimeAggregation.average,
                           over_units=danvan.UnitAggregation.average,
                           targets=[danvan.Target(unit_id="u", period=P(PT.year, 2021), value=5)])
    assert danvan.Indicator.from_json_dict(ind.to_json_dict()) == ind
    # Unit and indicator references are the documents' business: a part reads on its own.
    assert danvan.Target.from_json_dict({"unit": "nowhere", "period": "2020", "value": 1}) == \
        danvan.Target(unit_id="nowhere", period=P(PT.year, 2020), value=1)


def problems_of(cls, data):
    with pytest.raises(danvan.JsonError) as e:
        cls.from_json_dict(data)
    assert isinstance(e.value, danvan.ValueError)
    return e.value.problems


def test_parts_from_dict_bad_input(progress, batch):
    for cls in PARTS:
        assert problems_of(cls, []) == [("", "expected an object, got an array")]
        assert problems_of(cls, "x") == [("", "expected an object, got a string")]
    activity = progress.to_json_dict()["activities"][0]
    assert problems_of(danvan.Activity, dict(activity, due="2020-02-30", extra=1, task_area=0)) == [
        ("/task_area", "0 is out of range 1..1000"),
        ("/due", 'invalid date "2020-02-30": day 30 does not exist in 02/2020'),
        ("/extra", 'unknown key "extra"')]
    assert problems_of(danvan.Activity, dict(activity, start="2021-01-01", due="2020-12-31")) == [
        ("/due", "due 2020-12-31 is before start 2021-01-01")]
    no_name = {k: v for k, v in activity.items() if k != "name"}
    assert problems_of(danvan.Activity, no_name) == [("", 'missing required key "name"')]
    assert problems_of(danvan.Target, {"unit": "u", "period": "2020Q5", "value": True}) == [
        ("/period", 'invalid period "2020Q5": quarter 5 is out of range 1..4'),
        ("/value", "expected a number, got a boolean")]
    assert problems_of(danvan.Target, {"unit": "u", "period": "2020", "value": 1e16}) == [
        ("/value", "number out of range -1e15..1e15")]
    ind = next(d for d in progress.to_json_dict()["indicators"] if d["measure"] == "percentage")
    bad = dict(ind, measure="ratio", targets=[{"unit": "u", "period": "2020", "value": 1}] * 2)
    assert problems_of(danvan.Indicator, bad) == [
        ("/measure", 'unknown measure "ratio"; expected one of count, percentage, yes_no, '
                     "qualitative"),
        ("/targets/1", "second target for u in 2020")]
    bad = dict(ind, targets=[{"unit": "u", "period": "2020", "value": 101}])
    assert problems_of(danvan.Indicator, bad) == [
        ("/targets/0/value", "a percentage target must be 0..100")]
    bad = dict(ind, measure="qualitative", targets=[{"unit": "u", "period": "2020", "value": 1}])
    assert problems_of(danvan.Indicator, bad) == [
        ("/targets", "a qualitative indicator has no numeric targets")]
    schedule = progress.to_json_dict()["schedule"]
    assert problems_of(danvan.ReportingSchedule, dict(schedule, first="2020Q1")) == [
        ("/first", "period 2020Q1 is not a month period")]
    assert problems_of(danvan.ReportingSchedule, dict(schedule, first="203001")) == [
        ("/last", f"last period {schedule['last']} is before first period 203001")]
    assert problems_of(danvan.IndicatorValue, {"indicator": "c", "value": None}) == [
        ("/value", 'expected a number, a boolean, a text or {"numerator", "denominator"}, '
                   "got null")]
    assert problems_of(danvan.IndicatorValue, {"indicator": "p", "value": {"numerator": 1}}) == [
        ("/value", 'missing required key "denominator"')]
    assert problems_of(danvan.ActivityReport, {"activity": "a", "status": "finished",
                                               "completed": None}) == [
        ("/status", 'unknown activity status "finished"; expected one of not_started, '
                    "in_progress, done, overdue")]
    report = batch.to_json_dict()["reports"][0]
    assert problems_of(danvan.Report, dict(report, narrative="", period="2020-13")) == [
        ("/period", 'invalid period "2020-13": expected "S", "Q" or a 2-digit month after the '
                    'year, got "-13"'),
        ("/narrative", "must not be empty")]
    # A value with no JSON form, and JSON text that is not strict.
    with pytest.raises(TypeError):
        danvan.Target.from_json_dict({"unit": "u", "period": "2020", "value": {1, 2}})
    with pytest.raises(danvan.JsonError) as e:
        danvan.Target.from_json('{"unit": "u", "unit": "v", "period": "2020", "value": 1}')
    assert e.value.problems == [("/unit", 'duplicate key "unit"')]
    with pytest.raises(danvan.JsonError, match=r"^\(document\): invalid JSON: "):
        danvan.Activity.from_json('{"id": ')


def test_aggregation():
    count = danvan.Indicator(id="c", name="C", over_time=danvan.TimeAggregation.sum)
    v = [danvan.IndicatorValue(indicator_id="c", value=x) for x in (2, 5)]
    agg = danvan.aggregate_over_time(count, [v[0], None, v[1]])
    assert agg.value == 7.0 and agg.reports_with_value == 2
    assert danvan.aggregate_over_time(count, [None, None]).value is None  # missing, never 0
    last = danvan.Indicator(id="c", name="C", over_time=danvan.TimeAggregation.last)
    assert danvan.aggregate_over_time(last, [v[0], v[1], None]).value == 5.0
    avg = danvan.Indicator(id="c", name="C", over_time=danvan.TimeAggregation.average,
                           over_units=danvan.UnitAggregation.average)
    assert danvan.aggregate_over_time(avg, v).value == 3.5
    pct = danvan.Indicator(id="p", name="P", measure=danvan.Measure.percentage)
    fr = [danvan.IndicatorValue(indicator_id="p", value=danvan.Fraction(numerator=n, denominator=d))
          for n, d in ((1, 4), (2, 4))]
    pa = danvan.aggregate_over_time(pct, fr)
    assert (pa.value, pa.numerator, pa.denominator) == (37.5, 3.0, 8.0)
    per_unit = [danvan.AggregateValue(value=2, units=1), danvan.AggregateValue(value=4, units=1),
                danvan.AggregateValue()]
    assert danvan.aggregate_over_units(count, per_unit).value == 6.0
    assert danvan.aggregate_over_units(avg, per_unit).value == 3.0
    assert danvan.aggregate_over_units(count, [danvan.AggregateValue()]).value is None
    x = danvan.AggregateValue(value=1.5, numerator=3, denominator=2, reports_expected=4,
                              reports_with_value=3, units=2)
    assert (x.value, x.numerator, x.denominator, x.reports_expected, x.reports_with_value,
            x.units) == (1.5, 3.0, 2.0, 4, 3, 2)
    assert eval_repr(x) == x and pickle.loads(pickle.dumps(x)) == x and copy.copy(x) == x
    assert x != danvan.AggregateValue() and repr(danvan.AggregateValue()) == "AggregateValue()"


def test_completeness_value():
    c = danvan.Completeness(expected=5, on_time=2, late=1, missing=1, not_due=1)
    assert (c.expected, c.on_time, c.late, c.missing, c.not_due, c.submitted) == (5, 2, 1, 1, 1, 3)
    assert eval_repr(c) == c and pickle.loads(pickle.dumps(c)) == c and copy.deepcopy(c) == c
    c.late = 0
    assert c.submitted == 2


def test_expects_report_follows_units():
    units = units_sample()
    assert danvan.expects_report(units, "phu-yen", P(PT.month, 2025, 6))
    # Merged away on 30/6/2025: not expected for July; its successor is.
    assert not danvan.expects_report(units, "phu-yen", P(PT.month, 2025, 7))
    assert danvan.expects_report(units, "dak-lak-moi", P(PT.month, 2025, 7))
    # A period that ends after the unit ended (the year 2025) is not expected either.
    assert not danvan.expects_report(units, "phu-yen", P(PT.year, 2025))


# --- documents --------------------------------------------------------------------------------

def test_progress_plan_document(progress):
    data = json.loads(PROGRESS_PATH.read_text(encoding="utf-8"))
    assert progress.plan_id == "phu-yen-2020-nam-dan-van-kheo"
    assert progress.sample is True and "SAMPLE" in progress.note
    assert progress.schedule.first == P(PT.month, 2020, 4)
    assert progress.scope_unit_ids == tuple(data["scope"])
    assert [a.id for a in progress.activities] == [a["id"] for a in data["activities"]]
    assert [i.id for i in progress.indicators] == [i["id"] for i in data["indicators"]]
    assert "p54" in progress.units
    assert progress.find_indicator("ton-dong").over_time is danvan.TimeAggregation.last
    assert progress.find_indicator("nope") is None
    assert progress.find_activity("ban-hanh-ke-hoach").due == D(2020, 5, 15)
    assert progress.find_activity("nope") is None
    progress.validate()
    assert progress.to_json_dict() == data
    assert progress.to_json() == PROGRESS_PATH.read_text(encoding="utf-8")
    assert danvan.ProgressPlan.from_json_dict(data) == progress
    assert danvan.ProgressPlan.from_json(progress.to_json()) == progress
    assert pickle.loads(pickle.dumps(progress)) == progress
    assert copy.deepcopy(progress) == progress


def test_progress_plan_with_registry_units(progress):
    # The province's units file, plus the two provincial agencies the framework adds.
    registry = danvan.UnitHierarchy.from_json(UNITS_PATH.read_text(encoding="utf-8"))
    units = danvan.UnitHierarchy([*registry, *(u for u in progress.units if u.id not in registry)])
    units.validate()
    with_units = danvan.load_progress_plan(PROGRESS_PATH, units)
    assert with_units.units == units
    assert with_units.activities == progress.activities
    assert danvan.ProgressPlan.from_json(progress.to_json(), units=units) == with_units
    assert danvan.ProgressPlan.from_dict(progress.to_dict(), units) == with_units
    only_root = danvan.UnitHierarchy([danvan.Unit(id="p54", name="Tỉnh Phú Yên")])
    with pytest.raises(danvan.JsonError) as e:
        danvan.ProgressPlan.from_dict(progress.to_dict(), only_root)
    assert e.value.problems[0] == ("/scope/0", 'unknown unit "py-so-noi-vu"')


def test_progress_plan_constructor_and_validate():
    units = units_sample()
    plan = danvan.ProgressPlan(
        plan_id="p", sample=True, note="SAMPLE",
        schedule=danvan.ReportingSchedule(period_type=PT.month, first=P(PT.month, 2024, 11),
                                          last=P(PT.month, 2025, 2), days_after_period_end=5),
        scope_unit_ids=["tuy-hoa", "so-noi-vu"],
        activities=[danvan.Activity(id="a", name="A", task_area=1, due=D(2025, 1, 15))],
        indicators=[danvan.Indicator(id="i", name="I")], units=units)
    plan.validate()
    assert plan.units == units and plan.sample and plan.note == "SAMPLE"
    assert repr(danvan.ProgressPlan(plan_id="x")) == "ProgressPlan(plan_id='x')"
    assert eval_repr(plan) == plan
    with pytest.raises(danvan.ValueError) as e:
        danvan.ProgressPlan().validate()
    assert str(e.value) == 'plan: invalid id ""'
    bad = copy.copy(plan)
    bad.scope_unit_ids = ["nowhere"]
    with pytest.raises(danvan.ValueError) as e:
        bad.validate()
    assert str(e.value) == 'scope: unknown unit "nowhere"'
    bad = copy.copy(plan)
    bad.activities = [danvan.Activity(id="a", name="A", task_area=1, start=D(2025, 2, 1),
                                      due=D(2025, 1, 15))]
    with pytest.raises(danvan.ValueError) as e:
        bad.validate()
    assert str(e.value) == 'activity "a": due 2025-01-15 is before start 2025-02-01'
    with pytest.raises(danvan.ValueError) as e:
        danvan.save_progress_plan(danvan.ProgressPlan(), "/nonexistent/x.json")
    assert str(e.value) == 'plan: invalid id ""'


def test_progress_document_errors(progress):
    data = progress.to_dict()
    data["schedule"]["days_after_period_end"] = "7"
    data["activities"][0]["due"] = "15/05/2020"
    data["extra"] = 1
    with pytest.raises(danvan.JsonError) as e:
        danvan.ProgressPlan.from_dict(data)
    assert e.value.problems == [
        ("/schedule/days_after_period_end", "expected an integer, got a string"),
        ("/activities/0/due",
         'expected an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD", got "15/05/2020"'),
        ("/extra", 'unknown key "extra"')]
    assert e.value.pointer == "/schedule/days_after_period_end"
    with pytest.raises(danvan.JsonError) as e:
        danvan.ProgressPlan.from_json('{"schema": "danvan/progress", "schema": 1}')
    assert e.value.problems == [("/schema", 'duplicate key "schema"')]
    with pytest.raises(danvan.JsonError) as e:
        danvan.ProgressPlan.from_json('{"schema": "danvan/progress"')
    assert str(e.value) == (
        "(document): invalid JSON: parse error at line 1, column 29: syntax error while parsing "
        "object - unexpected end of input; expected '}'")
    with pytest.raises(danvan.JsonError) as e:
        danvan.ProgressPlan.from_dict([])
    assert e.value.problems == [("", "expected an object, got an array")]
    with pytest.raises(TypeError):
        danvan.ProgressPlan.from_dict({"schema": {1, 2}})


def test_report_batch_document(progress, batch):
    data = json.loads(REPORTS_PATH.read_text(encoding="utf-8"))
    assert batch.plan_id == progress.plan_id and batch.sample and "SAMPLE" in batch.note
    assert len(batch.reports) == len(data["reports"])
    first = batch.reports[0]
    assert (first.unit_id, first.period.id, first.submitted) == (
        data["reports"][0]["unit"], data["reports"][0]["period"],
        D.fromisoformat(data["reports"][0]["submitted"]))
    batch.validate(progress)
    assert batch.to_json_dict() == data
    assert batch.to_json() == REPORTS_PATH.read_text(encoding="utf-8")
    assert danvan.ReportBatch.from_json_dict(data, progress) == batch
    assert danvan.ReportBatch.from_json(batch.to_json(), plan=progress) == batch
    assert pickle.loads(pickle.dumps(batch)) == batch and copy.deepcopy(batch) == batch
    small = danvan.ReportBatch(plan_id="x", sample=False, note=None, reports=batch.reports[:1])
    assert repr(danvan.ReportBatch(plan_id="x")) == "ReportBatch(plan_id='x')"
    assert eval_repr(small) == small
    small.reports = []
    assert small.reports == ()


def test_report_batch_errors(progress, batch):
    data = batch.to_json_dict()
    data["reports"][0]["unit"] = "nowhere"
    data["reports"][1]["values"][0]["value"] = "x"
    data["reports"][2]["period"] = "2020Q1"
    with pytest.raises(danvan.JsonError) as e:
        danvan.ReportBatch.from_json_dict(data, progress)
    assert e.value.problems == [
        ("/reports/0/unit", 'unknown unit "nowhere"'),
        ("/reports/1/values/0/value", 'indicator "doi-thoai" measures count: expected a number'),
        ("/reports/2/period", "period 2020Q1 is not a month period as the schedule requires")]
    wrong = copy.copy(batch)
    wrong.plan_id = "other"
    with pytest.raises(danvan.ValueError) as e:
        wrong.validate(progress)
    assert str(e.value) == ('/plan: reports are for plan "other", but the progress plan is for '
                            '"phu-yen-2020-nam-dan-van-kheo"')


def test_files_round_trip(tmp_path, progress, batch):
    p = tmp_path / "progress.json"
    r = tmp_path / "reports.json"
    danvan.save_progress_plan(progress, p)
    danvan.save_report_batch(batch, str(r))
    assert p.read_bytes() == PROGRESS_PATH.read_bytes()
    assert r.read_bytes() == REPORTS_PATH.read_bytes()
    loaded = danvan.load_progress_plan(p)
    assert loaded == progress and danvan.load_report_batch(r, loaded) == batch
    with pytest.raises(danvan.IoError) as e:
        danvan.load_progress_plan(tmp_path / "missing.json")
    assert e.value.path == str(tmp_path / "missing.json")
    with pytest.raises(danvan.IoError):
        danvan.load_report_batch(tmp_path / "missing.json", progress)
    r.write_text("[", encoding="utf-8")
    with pytest.raises(danvan.JsonError):
        danvan.load_report_batch(r, progress)


# --- summaries --------------------------------------------------------------------------------

def independent_completeness(as_of: D):
    """Expected, on time, late, missing, not due per scope unit, from the raw JSON."""
    prog = json.loads(PROGRESS_PATH.read_text(encoding="utf-8"))
    reps = json.loads(REPORTS_PATH.read_text(encoding="utf-8"))
    plan = danvan.load_progress_plan(PROGRESS_PATH)
    schedule, units = plan.schedule, plan.units
    submitted = {(r["unit"], r["period"]): D.fromisoformat(r["submitted"]) for r in reps["reports"]}
    out = {}
    for unit in prog["scope"]:
        counts = dict(expected=0, on_time=0, late=0, missing=0, not_due=0)
        for period in schedule.periods():
            if period.year != 2020 or not units.at(unit).exists_on(period.end):
                continue
            counts["expected"] += 1
            deadline = danvan.report_deadline(schedule, period)
            day = submitted.get((unit, period.id))
            if day is not None and day <= as_of:
                counts["on_time" if day <= deadline else "late"] += 1
            else:
                counts["missing" if as_of > deadline else "not_due"] += 1
        out[unit] = counts
    return out


def test_summary_completeness_matches_an_independent_count(summary):
    assert summary.plan_id == "phu-yen-2020-nam-dan-van-kheo" and summary.sample
    assert summary.period == P(PT.year, 2020) and summary.as_of == D(2021, 1, 31)
    assert summary.root_unit_id == "p54"
    expected = independent_completeness(D(2021, 1, 31))
    rows = {r["unit_id"]: r for r in summary.completeness_rows()}
    for unit, counts in expected.items():
        row = rows[unit]
        assert {k: row[k] for k in counts} == counts, unit
        assert row["submitted"] == counts["on_time"] + counts["late"]
        assert row["in_scope"] is True
    root = summary.completeness_rows()[0]
    assert root["unit_id"] == "p54" and root["depth"] == 0 and root["in_scope"] is False
    assert root["expected"] == sum(c["expected"] for c in expected.values())
    assert root["missing"] == sum(c["missing"] for c in expected.values())
    node = summary.nodes[0]
    assert (node.unit_id, node.depth, node.in_scope) == ("p54", 0, False)
    assert node.name == root["name"]
    assert node.completeness == danvan.Completeness(
        expected=root["expected"], on_time=root["on_time"], late=root["late"],
        missing=root["missing"], not_due=root["not_due"])
    assert repr(node) == "RollupNode(unit_id='p54', depth=0)"


def test_summary_as_of_earlier_day(progress, batch):
    as_of = D(2020, 9, 3)
    s = danvan.summarize_progress(progress, batch, as_of, period=P(PT.year, 2020))
    expected = independent_completeness(as_of)
    rows = {r["unit_id"]: r for r in s.completeness_rows()}
    for unit, counts in expected.items():
        assert {k: rows[unit][k] for k in counts} == counts, unit
    assert any(c["not_due"] for c in expected.values())


def test_summary_expected_reports(summary, batch):
    by_key = {(r.unit_id, r.period.id): r for r in batch.reports}
    rows = summary.expected_rows()
    objects = summary.expected
    assert len(rows) == len(objects) > 0
    for row, obj in zip(rows, objects):
        assert (row["unit_id"], row["period"], row["deadline"], row["state"]) == (
            obj.unit_id, obj.period.id, obj.deadline, obj.state.value)
        report = by_key.get((obj.unit_id, obj.period.id))
        if obj.state in (danvan.ReportState.on_time, danvan.ReportState.late):
            assert obj.report == report and row["submitted"] == report.submitted
        else:
            assert obj.report is None and row["submitted"] is None
        assert obj.deadline == danvan.report_deadline(summary.plan.schedule, obj.period)
    assert repr(objects[0]).startswith("ExpectedReport(unit_id=")


def test_summary_indicator_totals(summary, batch):
    nodes = summary.nodes
    rows = summary.indicator_rows()
    assert len(rows) == len(summary.indicators) * len(nodes)
    rollup = [r for r in summary.indicators if r.indicator.id == "tiep-cong-dan"][0]
    assert len(rollup.values) == len(rollup.targets) == len(nodes)
    # Per unit: the sum of its 2020 values, recomputed from the batch.
    for node, value in zip(nodes, rollup.values):
        if not node.in_scope:
            continue
        reported = [r.find_value("tiep-cong-dan") for r in batch.reports
                    if r.unit_id == node.unit_id and r.period.year == 2020
                    and r.submitted <= summary.as_of]
        numbers = [v.value for v in reported if v is not None]
        assert value.value == (sum(numbers) if numbers else None), node.unit_id
        assert value.reports_with_value == len(numbers)
    # The root: the sum over the scope units that reported.
    in_scope = [v.value for n, v in zip(nodes, rollup.values) if n.in_scope and v.value is not None]
    assert rollup.values[0].value == sum(in_scope)
    assert rollup.targets[0] == summary.plan.find_indicator("tiep-cong-dan").target(
        "p54", P(PT.year, 2020))
    root_row = [r for r in rows if r["indicator_id"] == "tiep-cong-dan" and r["depth"] == 0][0]
    assert root_row["value"] == rollup.values[0].value and root_row["target"] == rollup.targets[0]
    assert root_row["ratio"] == pytest.approx(danvan.progress_ratio(
        danvan.Direction.ascending, None, rollup.targets[0], rollup.values[0].value))
    assert set(root_row) == {"indicator_id", "indicator", "measure", "unit_id", "name", "depth",
                             "value", "target", "ratio", "numerator", "denominator",
                             "reports_expected", "reports_with_value", "units"}
    quali = [r for r in summary.indicators if r.indicator.measure is danvan.Measure.qualitative][0]
    assert all(len(t) == 3 for t in quali.texts) and len(quali.texts) > 0
    assert repr(quali) == f"IndicatorRollup(indicator={quali.indicator.id!r})"


def test_summary_activities_and_unexpected(summary):
    rows = summary.activity_rows()
    objs = summary.activities
    assert [r["activity_id"] for r in rows] == [a.activity.id for a in objs]
    assert sorted(r["activity_id"] for r in rows) == sorted(a.id for a in summary.plan.activities)
    for row, obj in zip(rows, objs):
        assert row["status"] == obj.status.value and row["completed"] == obj.completed
        assert row["completed_late"] == obj.completed_late and row["due"] == obj.activity.due
        if obj.status is danvan.ActivityStatus.done:
            assert obj.completed is not None and obj.completed <= summary.as_of
            assert obj.completed_late == (obj.completed > obj.activity.due)
    assert repr(objs[0]).startswith("ActivityRow(activity=")
    assert summary.unexpected == () and summary.unexpected_rows() == []


def test_unexpected_reports(progress, batch):
    extra = copy.copy(batch)
    outsider = danvan.Report(unit_id="p54", period=P(PT.month, 2020, 5),
                             submitted=D(2020, 6, 3))
    extra.reports = [*batch.reports, outsider]
    s = danvan.summarize_progress(progress, extra, D(2021, 1, 31))
    assert len(s.unexpected) == 1
    u = s.unexpected[0]
    assert u.report == outsider and u.reason
    assert s.unexpected_rows() == [{"unit_id": "p54", "period": "202005",
                                    "submitted": D(2020, 6, 3), "reason": u.reason}]
    assert repr(u).startswith("UnexpectedReport(unit_id='p54'")
    assert s.batch == extra


def test_summary_owns_its_inputs(progress, batch):
    s = danvan.summarize_progress(copy.deepcopy(progress), copy.deepcopy(batch), D(2021, 1, 31))
    import gc
    gc.collect()
    assert s.plan == progress and s.batch == batch
    assert "SAMPLE" in danvan.render_progress(s, "text") or s.sample
    assert repr(s) == "<ProgressSummary plan_id='phu-yen-2020-nam-dan-van-kheo' period=2020 " \
                      "as_of=2021-01-31 SAMPLE>"


def test_summary_subtree_and_errors(progress, batch):
    s = danvan.summarize_progress(progress, batch, D(2021, 1, 31), unit_id="d555")
    assert s.root_unit_id == "d555" and [n.unit_id for n in s.nodes] == ["d555"]
    q = danvan.summarize_progress(progress, batch, D(2020, 7, 31), period=P(PT.quarter, 2020, 2))
    assert {r["period"] for r in q.expected_rows()} == {"202004", "202005", "202006"}
    with pytest.raises(danvan.ValueError) as e:
        danvan.summarize_progress(progress, batch, D(2021, 1, 31), unit_id="nowhere")
    assert str(e.value) == 'unknown unit "nowhere"'
    quarterly = copy.copy(progress)
    quarterly.schedule = danvan.ReportingSchedule(period_type=PT.quarter,
                                                  first=P(PT.quarter, 2020, 2),
                                                  last=P(PT.quarter, 2020, 4))
    with pytest.raises(danvan.ValueError) as e:
        danvan.summarize_progress(quarterly, danvan.ReportBatch(plan_id=progress.plan_id),
                                  D(2021, 1, 31), period=P(PT.month, 2020, 12))
    assert str(e.value) == "period 202012 is shorter than the schedule's quarter periods"


def test_rendering(summary):
    text = danvan.render_progress(summary)
    assert text == danvan.render_progress(summary, danvan.ProgressFormat.text)
    assert "p54" in text or "Phú Yên" in text
    md = danvan.render_progress(summary, "markdown")
    assert "|" in md
    html = danvan.render_progress(summary, danvan.ProgressFormat.html)
    assert html.lstrip().lower().startswith("<!doctype html") and "<svg" in html
    csv = danvan.render_progress(summary, "csv")
    assert csv.startswith("\ufeff") and "\r\n" in csv
    with pytest.raises(danvan.ValueError) as e:
        danvan.render_progress(summary, "pdf")
    assert str(e.value) == 'unknown format "pdf"; expected one of text, markdown, html, csv'


def test_exemplar_section(summary):
    """The progress report with the exemplar registry's statistics (SAMPLE registry)."""
    registry = danvan.load_registry(REGISTRY_PATH)
    table = danvan.exemplar_stats(summary, registry)
    assert table.year == summary.period.year and table.as_of == summary.as_of
    assert table.unit_id == summary.root_unit_id
    plain = danvan.render_progress(summary, "csv")
    with_exemplars = danvan.render_progress(summary, danvan.ProgressFormat.csv, table)
    assert with_exemplars.startswith(plain.rstrip("\r\n")[:len(plain) // 2])
    assert "exemplars" in with_exemplars and "exemplars" not in plain
    assert danvan.render_progress(summary, "text", exemplars=table) != danvan.render_progress(summary)
    # A unit the registry's hierarchy lacks (the framework adds the provincial agencies).
    assert "py-so-noi-vu" not in registry.units
    s = danvan.summarize_progress(summary.plan, summary.batch, summary.as_of,
                                  unit_id="py-so-noi-vu")
    with pytest.raises(danvan.ValueError) as e:
        danvan.exemplar_stats(s, registry)
    assert str(e.value) == 'unknown unit "py-so-noi-vu"'
