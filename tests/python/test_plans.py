"""Plans and their parts, the bundled founding plan, rendering and plan files."""

import copy
import datetime
import os
import pathlib
import pickle

import pytest

import danvan
from conftest import PLAN_PATH, eval_repr

P = danvan.PartialDate


def test_founding_plan(plan):
    assert plan.id == "phu-yen-2020-nam-dan-van-kheo"
    assert plan.title.startswith("Kế hoạch thực hiện “Năm dân vận khéo” 2020")
    assert plan.issuer_id == "ubnd-tinh-phu-yen"
    assert plan.symbol is None and plan.issue_date is None
    assert plan.period == danvan.PlanPeriod.year(2020)
    assert plan.scope == (danvan.UnitKind.administrative_agency, danvan.UnitKind.public_service_unit)
    assert len(plan.purposes) == 2 and len(plan.requirements) == 1
    assert [m.date for m in plan.milestones] == [None, None, None, P(2020, 10, 15)]
    assert plan.legal_bases == ()
    assert [t.number for t in plan.task_areas] == [1, 2, 3, 4, 5]
    assert [len(t.citations) for t in plan.task_areas] == [3, 1, 3, 0, 0]
    assert plan.source.published == P(2020, 4, 10) and plan.source.url is None
    assert plan.source.author == "Thủy Loan"
    assert "ubnd-tinh-phu-yen" in plan.units
    plan.validate()


def test_cited_instruments(plan):
    cited = plan.cited_instruments()
    assert isinstance(cited, list)
    assert [i.id for i in cited] == [
        "ctr-79-bdvtw-bcsdcp-2016", "ctr-05-phu-yen-2017", "kh-35-ubnd-phu-yen-2020",
        "qd-217-bct-2013", "ct-26-ttg-2016", "ct-23-btvtu-phu-yen", "ct-23-ubnd-phu-yen"]
    assert cited[4] == plan.catalogue.instrument("ct-26-ttg-2016")


def test_plan_dict_round_trip_equals_bundled_json(plan, plan_data, plan_text):
    assert plan.to_json_dict() == plan_data
    assert list(plan.to_json_dict()) == list(plan_data)  # canonical key order
    assert danvan.Plan.from_json_dict(plan_data) == plan
    assert plan.to_json() == plan_text
    assert danvan.Plan.from_json(plan_text) == plan
    assert danvan.to_canonical_text(plan.to_json_dict()) == plan_text


def test_parts_dict_round_trips(plan, plan_data):
    for obj, data in zip(plan.task_areas, plan_data["task_areas"]):
        assert obj.to_json_dict() == data
        assert danvan.TaskArea.from_json_dict(data) == obj
        assert danvan.TaskArea.from_json(obj.to_json()) == obj
        for c, cd in zip(obj.citations, data["citations"]):
            assert c.to_json_dict() == cd and danvan.Citation.from_json_dict(cd) == c
    for obj, data in zip(plan.milestones, plan_data["milestones"]):
        assert obj.to_json_dict() == data and danvan.Milestone.from_json_dict(data) == obj
    assert plan.source.to_json_dict() == plan_data["source"]
    assert danvan.SourceInfo.from_json_dict(plan_data["source"]) == plan.source
    for obj, data in zip(plan.catalogue.issuers, plan_data["issuers"]):
        assert obj.to_json_dict() == data and danvan.Issuer.from_json_dict(data) == obj
    for obj, data in zip(plan.catalogue.instruments, plan_data["instruments"]):
        assert obj.to_json_dict() == data and danvan.Instrument.from_json_dict(data) == obj
    for obj, data in zip(plan.units, plan_data["units"]):
        assert obj.to_json_dict() == data and danvan.Unit.from_json_dict(data) == obj


def test_parts_from_dict_problems():
    with pytest.raises(danvan.JsonError) as e:
        danvan.Citation.from_json_dict({"instrument": "x", "cited_as": " ", "extra": 1})
    assert e.value.problems == [("/cited_as", "must not be empty"), ("/extra", 'unknown key "extra"')]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Milestone.from_json_dict({"id": "m", "name": "M", "date": "15/10/2020"})
    assert e.value.problems == [
        ("/date", 'expected an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD", got "15/10/2020"')]
    with pytest.raises(danvan.JsonError) as e:
        danvan.TaskArea.from_json_dict({"number": "1", "text": "x", "citations": [{"instrument": "Bad"}],
                                   "lead_units": ["a", "a"]})
    assert e.value.problems == [
        ("/number", "expected an integer, got a string"),
        ("/citations/0/instrument", "invalid id \"Bad\": ids are 1..100 characters of a-z, 0-9 and "
                                    "'-', not starting with '-'"),
        ("/citations/0", 'missing required key "cited_as"'),
        ("/lead_units/1", '"a" is listed twice'),
    ]
    with pytest.raises(danvan.JsonError) as e:
        danvan.SourceInfo.from_json_dict([])
    assert e.value.problems == [("", "expected an object, got an array")]
    with pytest.raises(danvan.JsonError):
        danvan.TaskArea.from_json('{"number": 1, "number": 2}')


def test_plan_from_dict_problems(plan_data):
    bad = dict(plan_data, period={"from": 2020, "to": "2020", "text": ""},
               task_areas=plan_data["task_areas"][1:])
    with pytest.raises(danvan.JsonError) as e:
        danvan.Plan.from_json_dict(bad)
    assert e.value.problems == [
        ("/period/from", "expected a string, got an integer"),
        ("/task_areas/0/number", "task areas must be numbered 1, 2, 3, ... in order: expected 1, got 2"),
        ("/task_areas/1/number", "task areas must be numbered 1, 2, 3, ... in order: expected 2, got 3"),
        ("/task_areas/2/number", "task areas must be numbered 1, 2, 3, ... in order: expected 3, got 4"),
        ("/task_areas/3/number", "task areas must be numbered 1, 2, 3, ... in order: expected 4, got 5"),
    ]
    assert e.value.pointer == "/period/from"


def test_build_a_plan_in_python():
    d = datetime.date
    catalogue = danvan.InstrumentCatalogue(
        issuers=[danvan.Issuer(id="ubnd-x", name="Ủy ban nhân dân tỉnh X", code="UBND")],
        instruments=[danvan.Instrument(id="kh-1", type=danvan.DocumentType.plan, number="1",
                                       issuer_ids=["ubnd-x"], date=P(2021))])
    units = danvan.UnitHierarchy([danvan.Unit(id="so-x", name="Sở X",
                                              kind=danvan.UnitKind.administrative_agency,
                                              valid_from=d(2020, 1, 1))])
    plan = danvan.Plan(
        id="x-2021", title="Kế hoạch thử", issuer_id="ubnd-x",
        symbol=danvan.parse_symbol("12/KH-UBND"), issue_date=P(2021, 1, 4),
        period=danvan.PlanPeriod(from_=P(2021), to=P(2021), text="năm 2021"),
        scope=[danvan.UnitKind.administrative_agency], purposes=["a"], requirements=["b"],
        milestones=[danvan.Milestone(id="m", name="M", date=P(2021, 12))],
        legal_bases=[danvan.Citation(instrument_id="kh-1", cited_as="Kế hoạch số 1")],
        task_areas=[danvan.TaskArea(number=1, text="Làm", lead_unit_ids=["so-x"],
                                    citations=[danvan.Citation(instrument_id="kh-1", cited_as="KH 1")])],
        source=danvan.SourceInfo(title="Nguồn", url="https://example.org"),
        catalogue=catalogue, units=units)
    plan.validate()
    assert [i.id for i in plan.cited_instruments()] == ["kh-1"]
    assert danvan.Plan.from_dict(plan.to_dict()) == plan
    assert danvan.format_document(plan.to_json()) == plan.to_json()
    assert eval_repr(plan) == plan
    text = danvan.render_plan(plan)
    assert "Kế hoạch thử" in text and "12/KH-UBND" in text


def test_plan_validate_errors(plan):
    areas = list(plan.task_areas)
    areas[1].number = 7
    plan.task_areas = areas
    with pytest.raises(danvan.ValueError) as e:
        plan.validate()
    assert str(e.value) == 'plan "phu-yen-2020-nam-dan-van-kheo": task area at position 2 is numbered 7'
    with pytest.raises(danvan.ValueError) as e:
        danvan.Plan().validate()
    assert str(e.value) == ('plan "": 3 problems: plan id "" is not a valid id; title is empty; '
                            'unknown issuer ""')


def test_plan_validate_reports_every_problem(plan):
    # Issue 12 point 9: Plan.validate reported only the first problem.
    areas = list(plan.task_areas)
    areas[1].number = 7
    areas[2].lead_unit_ids = [*areas[2].lead_unit_ids, "atlantis"]
    plan.task_areas = areas
    plan.title = ""
    with pytest.raises(danvan.ValueError) as e:
        plan.validate()
    assert str(e.value) == (
        'plan "phu-yen-2020-nam-dan-van-kheo": 3 problems: title is empty; task area at '
        'position 2 is numbered 7; task area 3 (lead units) names unknown unit "atlantis"')


def test_render(plan):
    text = danvan.render_plan(plan)
    assert text == danvan.render_plan(plan, "text") == danvan.render_plan(plan, danvan.PlanFormat.text)
    assert text.startswith(plan.title + "\n")
    assert "Chỉ thị 26/CT-TTg ngày 05/09/2016 của Thủ tướng Chính phủ" in text
    md = danvan.render_plan(plan, format="markdown")
    assert md == danvan.render_plan(plan, danvan.PlanFormat.markdown)
    assert md.startswith("# " + plan.title)
    with pytest.raises(danvan.ValueError) as e:
        danvan.render_plan(plan, "html")
    assert str(e.value) == 'unknown format "html"; expected one of text, markdown'


def test_plan_files(plan, plan_text, tmp_path):
    out = tmp_path / "plan.json"
    danvan.save_plan(plan, out)
    assert out.read_text(encoding="utf-8") == plan_text
    assert danvan.load_plan(str(out)) == plan
    assert danvan.load_plan(os.fsencode(out)) == plan  # bytes paths too

    class PathLike:
        def __fspath__(self):
            return str(out)

    assert danvan.load_plan(PathLike()) == plan
    plan.title = ""
    with pytest.raises(danvan.ValueError, match='^plan "phu-yen-2020-nam-dan-van-kheo": title is empty$'):
        danvan.save_plan(plan, out)
    assert out.read_text(encoding="utf-8") == plan_text  # untouched
    with pytest.raises(TypeError):
        danvan.load_plan(42)


def test_plan_copies_and_pickle(plan):
    for c in (copy.copy(plan), copy.deepcopy(plan), pickle.loads(pickle.dumps(plan))):
        assert c == plan and c is not plan
    assert eval_repr(plan) == plan
    assert repr(danvan.Plan()) == "Plan()"
    assert repr(danvan.Citation(instrument_id="x", cited_as="y")) == "Citation(instrument_id='x', cited_as='y')"
    assert eval_repr(plan.task_areas[0]) == plan.task_areas[0]
    assert eval_repr(plan.source) == plan.source
    assert eval_repr(plan.milestones[3]) == plan.milestones[3]
    for part in (plan.task_areas[0], plan.source, plan.milestones[3], plan.task_areas[0].citations[0]):
        assert pickle.loads(pickle.dumps(part)) == part
        assert copy.deepcopy(part) == part


def test_part_equality():
    assert danvan.Citation(instrument_id="x", cited_as="y") == danvan.Citation(instrument_id="x", cited_as="y")
    assert danvan.Citation(instrument_id="x", cited_as="y") != danvan.Citation(instrument_id="x", cited_as="z")
    assert danvan.Milestone(id="m") != danvan.Milestone(id="m", date=P(2020))
    assert danvan.SourceInfo(title="t") == danvan.SourceInfo(title="t")
    assert danvan.TaskArea(number=1) != danvan.TaskArea(number=2)
    assert (danvan.TaskArea() == 1) is False
    with pytest.raises(TypeError):
        hash(danvan.TaskArea())
    assert PLAN_PATH.exists() and pathlib.Path(PLAN_PATH).suffix == ".json"


def test_part_fields(plan):
    c = plan.task_areas[0].citations[0]
    assert (c.instrument_id, c.cited_as) == (
        "ctr-79-bdvtw-bcsdcp-2016",
        "Chương trình phối hợp số 79 giữa Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ")
    c.cited_as = "CTr 79"
    assert c.cited_as == "CTr 79"
    t = danvan.TaskArea(number=2, text="x", lead_unit_ids=["a"], participating_unit_ids=("b", "c"))
    assert (t.number, t.text, t.lead_unit_ids, t.participating_unit_ids, t.citations) == (
        2, "x", ("a",), ("b", "c"), ())
    t.lead_unit_ids = []
    t.participating_unit_ids = ["d"]
    t.citations = [c]
    assert (t.lead_unit_ids, t.participating_unit_ids, t.citations) == ((), ("d",), (c,))
    m = danvan.Milestone(id="m", name="M")
    m.date = P(2020, 10, 15)
    assert (m.id, m.name, m.date) == ("m", "M", P(2020, 10, 15))
    s = danvan.SourceInfo(title="t", author="a", url="u", note="n")
    assert (s.title, s.published, s.author, s.url, s.note) == ("t", None, "a", "u", "n")


# ---- the parts of real plans (danvan/plan version 2) ---------------------------------------------

SAMPLE_OFFICIAL = pathlib.Path(__file__).resolve().parents[1] / "data" / "sample-official-plan.md"


def test_import_an_official_plan_and_read_its_parts():
    # SAMPLE text written for the tests (an invented province "Mẫu Thử").
    plan = danvan.import_plan_text(SAMPLE_OFFICIAL.read_text("utf-8")).plan
    assert plan.document_type == danvan.DocumentType.plan
    assert plan.place == "Mẫu Thử"
    assert plan.issuer_header == ("ỦY BAN NHÂN DÂN", "TỈNH MẪU THỬ")
    assert plan.period == danvan.PlanPeriod(from_=P(2026), to=P(2030), text="GIAI ĐOẠN 2026 - 2030")
    assert plan.period.from_ == P(2026) and plan.period.to == P(2030)
    assert plan.period.text == "GIAI ĐOẠN 2026 - 2030"
    assert len(plan.targets) == 2 and len(plan.funding) == 1
    assert [t.label for t in plan.task_areas] == ["1.", "2.", "3."]
    assert plan.task_areas[1].details == ("+ kinh tế;", "+ văn hóa - xã hội.")
    lead = plan.duties[0]
    assert (lead.unit, lead.role, lead.unit_id) == ("Sở Nội vụ", danvan.DutyRole.lead, None)
    assert lead.text.startswith("chủ trì")
    assert plan.duties[1].role == danvan.DutyRole.coordinate
    assert plan.duties[3].role == danvan.DutyRole.unspecified
    yearly, monthly = plan.reporting
    assert yearly.every_year == danvan.MonthDay(month=12, day=15)
    assert (yearly.every_year.month, yearly.every_year.day) == (12, 15)
    assert yearly.date is None and monthly.every_month == 20
    assert "báo cáo" in yearly.text
    assert plan.signature == danvan.Signature(authority="TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
                                              title="PHÓ CHỦ TỊCH", name="Trần Văn Mẫu")
    assert (plan.signature.authority, plan.signature.title, plan.signature.name)[2] == "Trần Văn Mẫu"
    assert plan.recipients[-1] == "Lưu: VT, NC"
    annex = plan.annexes[0]
    assert annex.title == "PHỤ LỤC I: DANH MỤC MÔ HÌNH ĐĂNG KÝ NĂM 2026"
    assert annex.tables == [[["STT", "Mô hình"], ["1", "Dân vận khéo trong cải cách hành chính"]]]
    first = plan.outline[0]
    assert (first.level, first.label, first.text) == (0, "I.", "MỤC ĐÍCH, YÊU CẦU")
    plan.validate()
    assert danvan.Plan.from_dict(plan.to_dict()) == plan
    assert pickle.loads(pickle.dumps(plan)) == plan


def test_build_the_parts_in_python():
    period = danvan.PlanPeriod.year(2026)
    assert period == danvan.PlanPeriod(from_=P(2026), to=P(2026))
    duty = danvan.Duty(unit="Sở X", role=danvan.DutyRole.lead, text="chủ trì")
    report = danvan.ReportingDuty(text="báo cáo", date=P(2026, 12, 15))
    annex = danvan.Annex(title="Phụ lục", tables=[[["a", "b"]]])
    item = danvan.OutlineItem(level=1, label="a)", text="x")
    sig = danvan.Signature(name="Trần Văn Mẫu")
    for value in (period, duty, report, annex, item, sig, danvan.MonthDay(month=2, day=29)):
        assert eval_repr(value) == value
        assert copy.deepcopy(value) == value
    plan = danvan.Plan(id="p", title="Kế hoạch", period=period, duties=[duty], reporting=[report],
                       annexes=[annex], outline=[item], signature=sig, targets=["100%"],
                       funding=["ngân sách"], recipients=["Lưu: VT"], issuer_header=["UBND"],
                       place="Mẫu Thử", document_type=danvan.DocumentType.plan)
    assert plan.duties == (duty,) and plan.annexes[0].tables == [[["a", "b"]]]
    plan.reporting = [danvan.ReportingDuty(text="x", every_year=danvan.MonthDay(month=12, day=15))]
    assert plan.reporting[0].every_month is None and plan.reporting[0].every_year.day == 15
    assert plan.reporting[0].every_day is None
    # A time of every day ("trước 16h00 hằng ngày"): set, read back, through JSON and repr.
    daily = danvan.ReportingDuty(text="báo cáo trước 16h00 hằng ngày",
                                 every_day=danvan.TimeOfDay(hour=16, minute=0))
    assert daily.every_day == danvan.TimeOfDay(hour=16) and daily.every_day.hour == 16
    assert eval_repr(daily) == daily and copy.deepcopy(daily) == daily
    plan.reporting = [daily]
    assert plan.to_json_dict()["reporting"][0]["every_day"] == "16:00"
    assert plan.reporting[0].every_day.minute == 0
