"""to_dict()/from_dict() of the value types that have no JSON document of their own (issue 12
point 10): keys are the attribute names (the constructor's parameters), values JSON values,
and X.from_dict(x.to_dict()) == x == X(**x.to_dict())."""

import datetime
import inspect
import json

import pytest

import danvan

D = datetime.date

VALUES = [
    danvan.Annex(title="Phụ lục I", tables=[[["STT", "Nội dung"], ["1", "Tuyên truyền"]]]),
    danvan.ComplaintLimits(normal=30, complex=45, remote=45, remote_complex=60),
    danvan.DayOff(date="2024-09-02", name="Quốc khánh", rule_id="quoc-khanh",
                  kind=danvan.DayOffKind.holiday),
    danvan.DeadlineRules(counting=danvan.DayCounting.working_days,
                         complaint_first=danvan.ComplaintLimits(normal=30, complex=45),
                         complaint_second=danvan.ComplaintLimits(normal=45, remote_complex=70),
                         denunciation_days=20, denunciation_extension_days=10,
                         denunciation_max_extensions=1),
    danvan.Duty(unit="Sở Nội vụ", unit_id="so-noi-vu", role=danvan.DutyRole.lead,
                text="Chủ trì, phối hợp"),
    danvan.ExtraDayOff(date="2025-05-02", name="Nghỉ thêm"),
    danvan.HolidayRule(id="tet", name="Tết Nguyên đán", basis=danvan.DateBasis.lunar, month=1,
                       day=1, first_offset=-1, last_offset=3, adjacent=True, from_year=2013,
                       to_year=2030),
    danvan.LunarDate(2023, 2, 10, True),
    danvan.MonthDay(month=12, day=15),
    danvan.OutlineItem(level=2, label="a)", text="Mục đích"),
    danvan.PlanPeriod(from_="2021", to="2025-06-30", text="giai đoạn 2021-2025"),
    danvan.ReportingDuty(text="Báo cáo về UBND tỉnh", every_year=danvan.MonthDay(month=12,
                                                                               day=15)),
    danvan.ReportingDuty(text="Báo cáo tháng", every_month=25),
    danvan.ReportingDuty(text="Báo cáo ngày", every_day=danvan.TimeOfDay(hour=16, minute=30)),
    danvan.ReportingDuty(text="Báo cáo sơ kết", date="2025-06"),
    danvan.RuleTerm(indicator_id="ho-ngheo", part=danvan.ValuePart.numerator,
                    source=danvan.TermSource.previous, factor=2.5, constant=-1.0),
    danvan.Signature(authority="KT. CHỦ TỊCH", title="PHÓ CHỦ TỊCH", name="Nguyễn Văn A"),
    danvan.TimeOfDay(hour=7, minute=5),
    danvan.YearSchedule(year=2024, rule_days={"tet": [D(2024, 2, 8), D(2024, 2, 14)]},
                        extra_days_off=[danvan.ExtraDayOff(date="2024-04-29", name="Nghỉ bù")],
                        working_days=["2024-05-04"], source="Thông báo 6150/TB-BLĐTBXH"),
]


def parameters(cls):
    return {name for name in inspect.signature(cls).parameters}


@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_round_trip_keyed_by_attribute_names(value):
    cls = type(value)
    data = value.to_dict()
    assert set(data) == parameters(cls)
    for name, item in data.items():
        attribute = getattr(value, name)
        if isinstance(attribute, (str, int, float, bool, type(None))):
            assert item == attribute, name  # (a str enum equals its value)
    assert json.loads(json.dumps(data)) == data
    assert cls.from_dict(data) == value
    assert cls(**data) == value


def test_values_are_json_values():
    assert danvan.PlanPeriod(from_="2021", to="2025-06-30").to_dict() == {
        "from_": "2021", "to": "2025-06-30", "text": ""}
    assert danvan.ReportingDuty(text="x", every_year=danvan.MonthDay(month=12, day=15)).to_dict() == {
        "text": "x", "every_year": {"month": 12, "day": 15}, "date": None, "every_month": None,
        "every_day": None}
    assert danvan.Duty(role="coordinate").to_dict()["role"] == "coordinate"
    assert danvan.Annex(title="PL", tables=[[["a", "b"]]]).to_dict() == {
        "title": "PL", "tables": [[["a", "b"]]]}
    assert danvan.DeadlineRules().to_dict()["complaint_first"] == (
        danvan.DeadlineRules().complaint_first.to_dict())
    assert danvan.DayOff(date="2024-09-02", name="Quốc khánh").to_dict() == {
        "date": "2024-09-02", "name": "Quốc khánh", "rule_id": "", "kind": "holiday"}
    assert danvan.YearSchedule(year=2024, rule_days={"tet": ["2024-02-08"]}).to_dict()[
        "rule_days"] == {"tet": ["2024-02-08"]}


def test_from_dict_checks_as_the_constructor_does():
    with pytest.raises(TypeError) as e:
        danvan.Signature.from_dict({"nam": "A"})
    assert "nam" in str(e.value)
    with pytest.raises(TypeError) as e:
        danvan.MonthDay.from_dict([12, 15])
    assert str(e.value) == "MonthDay.from_dict() argument 'data': expected dict, got list"
    with pytest.raises(danvan.ValueError):
        danvan.Duty.from_dict({"role": "boss"})
