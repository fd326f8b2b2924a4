"""Progress plans and report batches that name units by official code (issue 17 point 4):
ProgressPlan.from_json / from_dict / load_progress_plan take a UnitRegister as `units` (a
UnitHierarchy still replaces the embedded units), ReportBatch.from_json / load_report_batch a
UnitRegister as `units`. The messages are those of the C++ tests
(tests/progress_units_by_code_test.cpp); the documents are tests/data/progress-by-code.json and
reports-by-code.json."""

import json

import pytest

import danvan

from conftest import ROOT

PLAN = json.loads((ROOT / "tests/data/progress-by-code.json").read_text("utf-8"))
REPORTS = json.loads((ROOT / "tests/data/reports-by-code.json").read_text("utf-8"))

def test_codes_resolve_against_the_register_and_read_back_without_it(tmp_path):
    national = danvan.load_unit_register()
    plan = danvan.ProgressPlan.from_json(json.dumps(PLAN), units=national)
    assert plan.scope_unit_ids == ("p66-20250701",)
    assert plan.activities[0].participating_unit_ids == ("c22015-20250701",)
    assert plan.units.find("c22015-20250701").name == "Phường Tuy Hòa"
    assert danvan.ProgressPlan.from_json(plan.to_json()) == plan
    path = tmp_path / "p.json"
    path.write_text(json.dumps(PLAN), "utf-8")
    assert danvan.load_progress_plan(path, units=national) == plan
    batch = danvan.ReportBatch.from_json(json.dumps(REPORTS), plan, units=national)
    assert batch.reports[0].unit_id == "p66-20250701"
    rpath = tmp_path / "r.json"
    rpath.write_text(json.dumps(REPORTS), "utf-8")
    assert danvan.load_report_batch(rpath, plan, units=national) == batch
    assert danvan.ReportBatch.from_json(batch.to_json(), plan) == batch


def test_without_a_register_or_with_an_ambiguous_code_the_document_is_refused():
    with pytest.raises(danvan.JsonError) as e:
        danvan.ProgressPlan.from_json(json.dumps(PLAN))
    no_register = ('"code:66" names a unit by its official code: read the progress plan with a '
                   'unit register (the national register) to resolve it')
    assert e.value.problems == [
        ("/scope/0", no_register), ("/activities/0/responsible_units/0", no_register),
        ("/activities/0/participating_units/0", no_register.replace("code:66", "code:22015")),
        ("/indicators/0/targets/0/unit", no_register)]
    yearly = dict(PLAN, schedule=dict(PLAN["schedule"], period_type="year", first="2025",
                                      last="2025"))
    with pytest.raises(danvan.JsonError) as e:
        danvan.ProgressPlan.from_json(json.dumps(yearly), units=danvan.load_unit_register())
    assert str(e.value) == ('/scope/0: the official code "66" names 2 units in 2025 ("p66", '
                            '"p66-20250701"): name the unit by its id')
    with pytest.raises(TypeError, match="from_json\\(\\) argument 'units': expected "
                                        "danvan.UnitHierarchy, danvan.UnitRegister or None, got str"):
        danvan.ProgressPlan.from_json(json.dumps(PLAN), units="national")
