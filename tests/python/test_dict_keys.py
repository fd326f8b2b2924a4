"""to_dict() is keyed by attribute names (issue 12 point 10): for every object with a dict
form reachable from the bundled data files (test_round_trip's walk, which reaches every such
class), each key names an attribute, the constructor takes the dict (T(**x.to_dict()) == x)
and the values are JSON values. The JSON files keep their own keys (to_json())."""

import datetime
import json

import pytest

import danvan
from conftest import PLAN_PATH, ROOT
from test_round_trip import SAMPLES, dict_types


def test_every_class_with_a_dict_form_is_walked():
    assert dict_types() <= {type(obj).__name__ for _, obj in SAMPLES}


@pytest.mark.parametrize("path,obj", SAMPLES, ids=[s[0] for s in SAMPLES])
def test_keys_are_attributes_and_the_constructor_takes_them(path, obj):
    data = obj.to_dict()
    assert [k for k in data if not hasattr(obj, k)] == []
    assert "schema" not in data and "version" not in data
    assert json.loads(json.dumps(data)) == data  # JSON values only
    if isinstance(obj, danvan.ReportBatch):
        return  # its constructor takes no plan: the dicts are checked by from_dict(d, plan)
    assert type(obj)(**data) == obj


def entry():
    return danvan.load_registry(ROOT / "data" / "registry" / "sample-registry.json")[0]


def test_an_entry_has_the_attribute_names():
    e = entry()
    data = e.to_dict()
    assert set(data) == {"id", "kind", "subject", "name", "unit_id", "place_unit_ids",
                         "field_ids", "description", "person_name", "events"}
    assert data["unit_id"] == e.unit_id
    assert danvan.Entry(**data) == e
    assert danvan.Entry.from_dict(data) == e
    # The JSON document keeps its keys.
    assert set(json.loads(e.to_json())) >= {"unit", "fields", "places"}
    assert "unit_id" not in json.loads(e.to_json())


def test_nested_objects_come_as_dicts_and_go_back_as_dicts():
    plan = danvan.load_plan(PLAN_PATH)
    data = plan.to_dict()
    assert set(data["catalogue"]) == {"issuers", "instruments"}
    assert set(data["units"]) == {"units"}
    assert "parent_id" in data["units"]["units"][0]
    assert "lead_unit_ids" in data["task_areas"][0]
    assert "instrument_id" in data["task_areas"][0]["citations"][0]
    assert danvan.Plan(**data) == plan
    assert danvan.Plan.from_dict(data) == plan
    # The file's form is unchanged.
    assert plan.to_json() == PLAN_PATH.read_text(encoding="utf-8")


def test_a_registry_and_a_workflow_take_their_dicts():
    registry = danvan.load_registry(ROOT / "data" / "registry" / "sample-registry.json")
    assert danvan.Registry(**registry.to_dict()) == registry
    progress = danvan.load_progress_plan(
        ROOT / "data" / "progress" / "phu-yen-2020-progress.json")
    workflow = danvan.Workflow.from_json(
        (ROOT / "tests" / "data" / "workflow.json").read_text("utf-8"), progress)
    assert set(workflow.to_dict()) == {"plan_id", "transitions"}
    assert danvan.Workflow(**workflow.to_dict()) == workflow


def test_a_reference_is_read_from_its_attributes():
    ref = danvan.find_references("Căn cứ Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng "
                                 "Chính phủ.")[0]
    data = ref.to_dict()
    assert data["type"] == "directive"  # the enum's value, as everywhere else
    assert data["span"] == {"start": 7, "end": 66, "byte_start": 10, "byte_end": 86}
    assert data["date"] == "2016-09-05" and data["symbol"] == "26/CT-TTg"
    assert danvan.Reference(**data) == ref
    assert danvan.Reference.from_dict(data) == ref


def test_from_dict_errors_name_the_attribute_keys():
    data = entry().to_dict()
    data["unit_id"] = 5
    with pytest.raises(danvan.JsonError) as e:
        danvan.Entry.from_dict(data)
    assert e.value.pointer == "/unit_id"
    assert "/unit_id" in str(e.value) and "/unit:" not in str(e.value)


def test_a_json_key_is_not_an_attribute_key():
    data = entry().to_dict()
    data["unit"] = data.pop("unit_id")
    with pytest.raises(danvan.JsonError) as e:
        danvan.Entry.from_dict(data)
    assert str(e.value) == '/unit: unknown key "unit" (the attribute is unit_id)'


def test_values_are_what_the_constructors_take():
    data = entry().to_dict()
    assert isinstance(data["events"][0]["date"], str)
    datetime.date.fromisoformat(data["events"][0]["date"])
    assert isinstance(data["kind"], str) and not isinstance(data["kind"], danvan.EntryKind)


def test_a_plan_with_every_part_takes_its_dict():
    # The official sample has duties, a signature, reporting duties, recipients and annexes,
    # which the founding plan lacks.
    text = (ROOT / "tests" / "data" / "sample-official-plan.md").read_text("utf-8")
    plan = danvan.import_plan_text(text).plan
    data = plan.to_dict()
    assert data["duties"] and data["signature"] and data["reporting"]
    assert danvan.Plan(**data) == plan
    assert danvan.Plan.from_dict(data) == plan


def test_optional_keys_are_renamed_too():
    event = danvan.Event(type="replicated", date=datetime.date(2021, 5, 1),
                         unit_ids=["d555"])
    assert event.to_dict() == {"type": "replicated", "date": "2021-05-01",
                               "unit_ids": ["d555"]}
    assert danvan.Event(**event.to_dict()) == event
    assert json.loads(event.to_json())["units"] == ["d555"]
