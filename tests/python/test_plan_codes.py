"""Plan documents that name units by official code (issue 17 point 4): load_plan takes a
UnitRegister as `units` and resolves "code:54" in the plan's period. The messages are those of
the C++ tests (tests/plan_units_by_code_test.cpp); the document is the bundled plan with a task
area led by the province named by code."""

import json

import pytest

import danvan

from conftest import ROOT

PLAN = json.loads((ROOT / "data/plans/phu-yen-2020-nam-dan-van-kheo.json").read_text("utf-8"))


def by_code(tmp_path, code):
    plan = json.loads(json.dumps(PLAN))
    plan["task_areas"][0]["lead_units"] = [code]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), "utf-8")
    return path


def test_codes_resolve_in_the_plans_period_and_read_back_without_the_register(tmp_path):
    national = danvan.load_unit_register()
    plan = danvan.load_plan(by_code(tmp_path, "code:54"), units=national)
    assert plan.task_areas[0].lead_unit_ids == ("p54",)  # Tỉnh Phú Yên in 2020
    assert plan.units.find("p54").name == "Tỉnh Phú Yên"
    assert danvan.Plan.from_json(plan.to_json()) == plan


def test_without_a_register_or_with_an_unknown_code_the_plan_is_refused(tmp_path):
    with pytest.raises(danvan.JsonError) as e:
        danvan.load_plan(by_code(tmp_path, "code:54"))
    assert e.value.problems == [
        ("/task_areas/0/lead_units/0", '"code:54" names a unit by its official code: read the '
         'plan with a unit register (the national register) to resolve it')]
    with pytest.raises(danvan.JsonError) as e:
        danvan.load_plan(by_code(tmp_path, "code:99999"), units=danvan.load_unit_register())
    assert e.value.problems == [
        ("/task_areas/0/lead_units/0",
         'no unit of the register has the official code "99999" in 2020')]
