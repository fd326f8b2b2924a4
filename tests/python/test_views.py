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


REGISTRY_PATH = PLAN_PATH.parents[1] / "registry" / "sample-registry.json"


def test_an_item_of_a_registry_writes_itself_back():
    registry = danvan.load_registry(REGISTRY_PATH)
    size, first = len(registry), registry[0].id
    registry[0].name = "Tên mới"
    assert registry[0].name == "Tên mới" and registry[0].id == first and len(registry) == size
    registry.entry(1).description = "Mô tả mới"
    assert registry[1].description == "Mô tả mới"
    alone = copy.copy(registry[0])
    alone.name = "X"
    assert registry[0].name == "Tên mới"


def test_entries_read_by_iteration_or_entries_write_themselves_back():
    # `for e in registry: e.name = ...` and `registry.entries()[0].name = ...` changed copies
    # and were silently lost; each such entry is now attached as registry[i] is.
    registry = danvan.load_registry(REGISTRY_PATH)
    size = len(registry)
    for k, entry in enumerate(registry):
        if k < 3:
            entry.name = f"Tên {k}"
    assert [registry[k].name for k in range(4)][:3] == ["Tên 0", "Tên 1", "Tên 2"]
    registry.entries()[3].description = "Mô tả mới"
    assert registry[3].description == "Mô tả mới"
    registry.entries([5, 4])[1].name = "Bốn"
    assert registry[4].name == "Bốn" and registry[5].name != "Bốn" and len(registry) == size
    # A change the registry refuses raises, as through registry[i], and changes nothing.
    entry = registry.entries()[1]
    unit_id = entry.unit_id
    with pytest.raises(danvan.ValueError) as e:
        entry.unit_id = "nowhere"
    assert str(e.value) == f'entry "{entry.id}": unknown unit "nowhere"'
    assert registry[1].unit_id == unit_id
    # copy.copy() detaches one.
    alone = copy.copy(next(iter(registry)))
    alone.name = "X"
    assert registry[0].name == "Tên 0"


def test_a_unit_read_by_iterating_a_hierarchy_refuses_a_change():
    # `for u in hierarchy: u.name = ...` changed a copy silently; the hierarchy has no
    # replace(), so the change now raises, as for any item of a parent without one.
    h = danvan.load_units(PLAN_PATH.parents[1] / "units" / "phu-yen.json")
    unit = next(iter(h))
    name = unit.name
    with pytest.raises(RuntimeError) as e:
        unit.name = "X"
    assert str(e.value) == (
        "Unit.name: this Unit is a copy of an item of a UnitHierarchy, which has no replace(): "
        "the change would be lost; copy.copy() it to change it alone")
    assert h.find(unit.id).name == name and unit.name == name
    alone = copy.copy(unit)
    alone.name = "X"
    assert alone.name == "X" and h.find(unit.id).name == name


def test_replace_checks_as_add_does():
    registry = danvan.load_registry(REGISTRY_PATH)
    entry = registry[1]
    unit_id = entry.unit_id
    with pytest.raises(danvan.ValueError) as e:
        entry.unit_id = "nowhere"
    assert str(e.value) == f'entry "{entry.id}": unknown unit "nowhere"'
    assert registry[1].unit_id == unit_id  # unchanged
    changed = copy.copy(registry[1])
    changed.name = ""
    with pytest.raises(danvan.ValueError) as e:
        registry.replace(changed)
    # The message and problems add() gives (they were the JSON reader's, '/name: must not
    # be empty', before replace() reported as add() does).
    assert str(e.value) == f'entry "{changed.id}": the name is empty'
    assert e.value.problems == [("/name", "the name is empty")]
    changed.id = "no-such-entry"
    with pytest.raises(KeyError) as e:
        registry.replace(changed)
    assert e.value.args == ('no entry with id "no-such-entry"',)


def test_changing_the_id_of_an_entry_read_from_a_registry_renames_it():
    # The write-back replaced by the new id: giving entry 0 entry 1's id overwrote entry 1
    # with entry 0's content and no error. It now writes back by the id the entry was read
    # with: a new id renames the entry; another entry's id is a duplicate.
    registry = danvan.load_registry(REGISTRY_PATH)
    size = len(registry)
    first, second = registry[0], registry[1]
    second_before = copy.copy(second)
    with pytest.raises(danvan.ValueError) as e:
        first.id = second.id
    assert str(e.value) == f'entry "{second.id}": duplicate id'
    assert registry[1] == second_before and registry[0].id != second.id
    assert len(registry) == size
    entry = registry[0]
    old = entry.id
    entry.id = "doi-ten"
    assert registry[0].id == "doi-ten" and registry.find(old) is None and len(registry) == size
    entry.name = "Tên sau khi đổi mã"  # the next write-back goes to the renamed entry
    assert registry[0].name == "Tên sau khi đổi mã" and registry[0].id == "doi-ten"


def test_replace_refuses_what_add_refuses_instead_of_dropping_it():
    # A decision or "by" on a registration event was dropped without a word by replace() (and
    # so by reg[i].events[0].decision = ...), while add() refuses it.
    registry = danvan.load_registry(REGISTRY_PATH)
    entry = registry[0]
    assert entry.events[0].type == danvan.EventType.registered
    with pytest.raises(danvan.ValueError) as e:
        registry[0].events[0].decision = "1/QĐ"
    assert str(e.value) == (
        f'entry "{entry.id}": event 1 (registered on {entry.events[0].date.isoformat()}) must '
        "not have a decision")
    assert registry[0] == entry
    changed = copy.copy(registry[0])
    changed.events[0].by = "p54"
    with pytest.raises(danvan.ValueError) as e:
        registry.replace(changed)
    assert str(e.value) == (
        f'entry "{entry.id}": event 1 (registered on {entry.events[0].date.isoformat()}) must '
        'not have "by"')
    changed.id = "a-new-id"
    with pytest.raises(danvan.ValueError) as added:
        registry.add(changed)
    assert str(added.value).split(": ", 1)[1] == str(e.value).split(": ", 1)[1]
    assert registry[0] == entry


def test_remove():
    registry = danvan.load_registry(REGISTRY_PATH)
    ids = [registry[i].id for i in range(len(registry))]
    registry.remove(ids[0])
    assert [registry[i].id for i in range(len(registry))] == ids[1:]
    assert registry.find(ids[0]) is None
    with pytest.raises(KeyError) as e:
        registry.remove(ids[0])
    assert e.value.args == (f'no entry with id "{ids[0]}"',)
