"""Changes through nested objects are kept, or refused loudly (issue 12): an object read from
(or assigned to) an attribute stays attached to it, and changing it writes it back through the
parent's own setter."""

import copy

import pytest

import danvan
from conftest import PLAN_PATH


@pytest.fixture
def plan():
    return danvan.load_plan(PLAN_PATH)


def test_setting_through_an_attribute_is_kept(plan):
    plan.source = danvan.SourceInfo(title="old")
    plan.source.title = "Kế hoạch (bản sửa)"
    assert plan.source.title == "Kế hoạch (bản sửa)"


def test_setting_through_a_tuple_element_is_kept(plan):
    plan.task_areas[0].text = "Nội dung mới"
    assert plan.task_areas[0].text == "Nội dung mới"
    assert [t.number for t in plan.task_areas] == [1, 2, 3, 4, 5]


def test_a_kept_reference_is_live(plan):
    areas = plan.task_areas
    areas[1].label = "B"
    areas[2].label = "C"
    assert [t.label for t in plan.task_areas][1:3] == ["B", "C"]


def test_an_assigned_object_stays_attached(plan):
    source = danvan.SourceInfo(title="A")
    plan.source = source
    source.title = "B"
    assert plan.source.title == "B"


def test_nested_chain_writes_back_to_the_top():
    outer = danvan.ProgressPlan(units=danvan.UnitHierarchy([danvan.Unit(id="a", name="A")]))
    outer.units.add(danvan.Unit(id="b", name="B", parent_id="a"))
    assert [u.id for u in outer.units.units] == ["a", "b"]


def test_mutating_method_on_an_attribute_is_kept(plan):
    before = len(plan.catalogue.issuers)
    plan.catalogue.add_issuer(danvan.Issuer(id="new-issuer", name="Cơ quan mới"))
    assert len(plan.catalogue.issuers) == before + 1
    assert plan.catalogue.issuers[-1].id == "new-issuer"


def test_the_parent_setter_validates_the_write_back():
    units = danvan.ProgressPlan(units=danvan.UnitHierarchy([danvan.Unit(id="a", name="A")]))
    with pytest.raises(danvan.ValueError):
        units.units.add(danvan.Unit(id="a", name="A again"))
    assert [u.id for u in units.units.units] == ["a"]


def test_a_stale_copy_refuses_to_change(plan):
    plan.source = danvan.SourceInfo(title="A")
    held = plan.source
    plan.source = danvan.SourceInfo(title="other")
    with pytest.raises(RuntimeError) as e:
        held.title = "B"
    assert str(e.value) == ("SourceInfo.title: this SourceInfo was read from (or assigned to) "
                            "Plan.source, which has changed since; read it again, or copy.copy() "
                            "it to change it alone")
    assert plan.source.title == "other"


def test_a_copy_changes_alone(plan):
    plan.source = danvan.SourceInfo(title="A")
    alone = copy.copy(plan.source)
    alone.title = "B"
    assert plan.source.title == "A" and alone.title == "B"


def test_objects_returned_by_methods_are_plain_copies():
    h = danvan.UnitHierarchy([danvan.Unit(id="a", name="A")])
    found = h.find("a")
    found.name = "B"
    assert h.find("a").name == "A"


def test_an_item_of_a_registry_refuses_a_lost_change():
    registry = danvan.load_registry(PLAN_PATH.parents[1] / "registry" / "sample-registry.json")
    name = registry[0].name
    for read in (lambda: registry[0], lambda: registry.entry(0)):
        with pytest.raises(RuntimeError) as e:
            read().name = "X"
        assert str(e.value) == ("Entry.name: this Entry is a copy of an item of a Registry, "
                                "which has no replace(): the change would be lost; copy.copy() "
                                "it to change it alone")
    alone = copy.copy(registry[0])
    alone.name = "X"
    assert registry[0].name == name and alone.name == "X"
