"""The conventions of the Python API: enums, copies, sequences, reprs."""

import copy
import enum
import pickle

import pytest

import danvan
from conftest import eval_repr

ENUMS = [danvan.DatePrecision, danvan.PeriodType, danvan.DocumentFamily, danvan.DocumentType,
         danvan.UnitKind, danvan.Level, danvan.PlanFormat]


@pytest.mark.parametrize("cls", ENUMS)
def test_enums_are_real_enums(cls):
    assert issubclass(cls, enum.Enum)
    assert cls.__module__ == "danvan" and cls.__doc__
    for member in cls:
        assert cls(member.value) is member
        assert cls[member.name] is member
        assert member.value == member.name
        assert repr(member) == f"{cls.__name__}.{member.name}"
        assert eval_repr(member) is member
        assert pickle.loads(pickle.dumps(member)) is member
    with pytest.raises(ValueError):
        cls("no such value")


def test_enum_members_follow_cpp():
    # The members come from the C++ tables; the JSON spellings are the values.
    assert [m.value for m in danvan.DocumentType] == [r.slug for r in danvan.document_types()]
    assert [k.value for k in danvan.UnitKind][-1] == "other"
    assert list(danvan.Level) == [danvan.Level.central, danvan.Level.province,
                                  danvan.Level.district, danvan.Level.commune]
    assert danvan.Unit.from_dict({"id": "x", "name": "X", "kind": "army", "level": "commune"}).kind \
        is danvan.UnitKind.army


def test_enums_are_strings_not_ints():
    assert danvan.Unit(kind="army").kind is danvan.UnitKind.army
    with pytest.raises(TypeError):
        danvan.Unit(level=1)
    with pytest.raises(TypeError):
        danvan.code_of(danvan.DocumentFamily.state, danvan.DocumentType.directive)
    u = danvan.Unit()
    u.kind = "army"
    assert u.kind is danvan.UnitKind.army


def test_sequences_read_as_tuples_of_copies(plan):
    areas = plan.task_areas
    assert isinstance(areas, tuple) and len(areas) == 5 and areas[0].number == 1
    assert [a.number for a in areas] == [1, 2, 3, 4, 5] and areas[-1].number == 5
    assert [a.number for a in areas[1:3]] == [2, 3]
    with pytest.raises(AttributeError):
        plan.purposes.append("x")  # tuples: changing the copy is impossible, not silently lost
    # Elements stay attached to the plan: changing one writes it back (test_views.py) ...
    areas[0].text = "changed"
    assert plan.task_areas[0].text == "changed"
    # ... and a detached copy changes alone until assigned back.
    alone = [copy.copy(a) for a in plan.task_areas]
    alone[0].text = "again"
    assert plan.task_areas[0].text == "changed"
    plan.task_areas = alone
    assert plan.task_areas[0].text == "again"
    plan.purposes = [*plan.purposes, "thêm"]
    assert plan.purposes[-1] == "thêm" and len(plan.purposes) == 3
    plan.scope = (danvan.UnitKind.army,)
    assert plan.scope == (danvan.UnitKind.army,)


def test_object_attributes_are_attached_copies(plan):
    catalogue = plan.catalogue
    catalogue.add_issuer(danvan.Issuer(id="moi", name="Mới"))
    assert plan.catalogue.find_issuer("moi").name == "Mới"  # written back
    alone = copy.copy(plan.catalogue)
    alone.add_issuer(danvan.Issuer(id="moi-2", name="Mới 2"))
    assert plan.catalogue.find_issuer("moi-2") is None
    plan.catalogue = alone
    assert plan.catalogue.find_issuer("moi-2").name == "Mới 2"

    source = plan.source
    source.note = None
    assert plan.source.note is None
    plan.source = None
    assert plan.source is None

    units = copy.copy(plan.units)
    units.add(danvan.Unit(id="moi", name="Mới"))
    assert "moi" not in plan.units
    plan.units = units
    assert "moi" in plan.units

    # A copy outlives what it was read from, even when that is replaced or reset.
    symbol_holder = plan.catalogue.instrument("ct-26-ttg-2016")
    symbol = symbol_holder.symbol
    symbol_holder.symbol = None
    del symbol_holder
    assert symbol.canonical() == "26/CT-TTg"
    plan.source = danvan.SourceInfo(title="nguồn", published=danvan.PartialDate(2020, 4, 10))
    source = plan.source
    plan.source = danvan.SourceInfo(title="khác")
    assert source.title == "nguồn"
    published = source.published
    with pytest.raises(RuntimeError):
        source.published = None  # stale: plan.source changed since it was read
    source = copy.copy(source)
    source.published = None
    assert published == danvan.PartialDate(2020, 4, 10)

    found = plan.catalogue.instrument("ct-26-ttg-2016")
    found.title = "x"
    assert plan.catalogue.instrument("ct-26-ttg-2016").title != "x"


def test_constructors_copy_their_arguments():
    ids = ["a", "b"]
    u = danvan.Unit(id="x", name="X", predecessor_ids=ids)
    ids.append("c")
    assert u.predecessor_ids == ("a", "b")
    issuer = danvan.Issuer(id="i", name="I")
    c = danvan.InstrumentCatalogue([issuer])
    issuer.name = "changed"
    assert c.issuer("i").name == "I"


def test_keyword_only_constructors():
    with pytest.raises(TypeError):
        danvan.Unit("x", "X")
    with pytest.raises(TypeError):
        danvan.Plan(nonsense=1)
    assert danvan.PartialDate(2020, 4) == danvan.PartialDate(year=2020, month=4)


def test_equality_is_by_value(plan):
    other = danvan.load_plan(danvan.Plan.from_dict(plan.to_dict()).to_json().encode() and
                             __import__("conftest").PLAN_PATH)
    assert other == plan and other is not plan
    other.period = danvan.PlanPeriod.year(2021)
    assert other != plan
    assert (plan == "plan") is False and (plan != "plan") is True


def test_tables_are_lists_of_dicts():
    rows = [{"type": i.slug, "name": i.name} for i in danvan.document_types()]
    assert all(isinstance(r, dict) for r in rows) and rows[0] == {"type": "constitution",
                                                                  "name": "Hiến pháp"}
