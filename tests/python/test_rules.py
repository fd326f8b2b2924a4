"""Validation rules from Python: the shipped rules of the founding plan, building rules,
checking reports (violations, values not evaluated), approval and the JSON of a rule.

Runs on the bundled SAMPLE progress plan and reports (data/progress: invented figures; the
rules follow from what the indicators mean)."""

import copy
import datetime

import pytest

import danvan
from conftest import ROOT

P = danvan.Period
PROGRESS_PATH = ROOT / "data" / "progress" / "phu-yen-2020-progress.json"
REPORTS_PATH = ROOT / "data" / "progress" / "phu-yen-2020-reports.json"
MAY = P.parse("202005")


@pytest.fixture(scope="module")
def progress() -> danvan.ProgressPlan:
    return danvan.load_progress_plan(PROGRESS_PATH)


@pytest.fixture(scope="module")
def batch(progress) -> danvan.ReportBatch:
    return danvan.load_report_batch(REPORTS_PATH, progress)


def test_shipped_rules(progress):
    ids = [r.id for r in progress.rules]
    assert ids == ["giai-quyet-khong-vuot-ton-va-nhan", "ton-dong-khong-vuot-ton-va-nhan",
                   "ton-dong-can-doi", "ke-hoach-da-ban-hanh"]
    first = progress.rules[0]
    assert first.importance is danvan.RuleImportance.error
    assert first.op == "<="
    assert first.left == (danvan.RuleTerm(indicator_id="giai-quyet-dung-han",
                                          part=danvan.ValuePart.denominator),)
    assert first.right[0].source is danvan.TermSource.previous
    assert danvan.ValidationRule.from_dict(first.to_dict()) == first


def test_sample_is_consistent_and_missing_values_are_said(progress, batch):
    check = danvan.check_rules(progress, batch)
    assert check.violations == ()
    assert (check.errors(), check.warnings()) == (0, 0)
    assert check.evaluated > 0
    first = check.not_evaluated[0]
    assert first.outcome is danvan.RuleOutcome.not_evaluated
    assert first.left is not None and first.right is None
    assert first.missing == "202004 is the first period of the schedule"
    assert str(first).endswith(": không kiểm tra được: 202004 is the first period of the "
                               "schedule")


def broken_batch(progress, batch) -> danvan.ReportBatch:
    """The batch with d557 resolving 1000 complaints in May, more than it had."""
    doc = copy.deepcopy(batch.to_json_dict())
    for r in doc["reports"]:
        if (r["unit"], r["period"]) == ("d557", "202005"):
            for v in r["values"]:
                if v["indicator"] == "giai-quyet-dung-han":
                    v["value"] = {"numerator": 0, "denominator": 1000}
    return danvan.ReportBatch.from_json_dict(doc, progress)


def test_a_broken_report_and_its_approval(progress, batch):
    broken = broken_batch(progress, batch)
    check = danvan.check_rules(progress, broken, unit_id="d557", period=MAY)
    assert check.errors() == 1
    v = check.violations[0]
    assert (v.unit_id, v.period, v.rule_id, v.op, v.left) == (
        "d557", MAY, "giai-quyet-khong-vuot-ton-va-nhan", "<=", 1000.0)
    assert v.right is not None and v.right < 1000
    assert danvan.approval_problem(progress, broken, "d557", MAY).startswith(
        "report of d557 for 202005: cannot approve: it breaks the error rule "
        "\"giai-quyet-khong-vuot-ton-va-nhan\" (")
    assert danvan.approval_problem(progress, batch, "d557", MAY) == ""
    assert danvan.check_report_rules(progress, broken, "d557", MAY).errors() == 1
    with pytest.raises(danvan.ValueError):
        danvan.check_rules(progress, broken, unit_id="khong-co")


def test_building_rules_and_bad_ones(progress):
    plan = copy.copy(progress)
    rule = danvan.ValidationRule(
        id="nhan-duong", message="Số tiếp nhận không âm",
        left=[danvan.RuleTerm(indicator_id="don-thu-tiep-nhan")], op="≥",
        right=[danvan.RuleTerm(constant=0)], importance="warning")
    assert rule.op == ">="
    plan.rules = list(plan.rules) + [rule]
    plan.validate()
    assert plan.rules[-1] == rule
    plan.rules = [danvan.ValidationRule(id="x", message="m",
                                        left=[danvan.RuleTerm(indicator_id="khong-co")],
                                        right=[danvan.RuleTerm(constant=1)])]
    with pytest.raises(danvan.ValueError, match=r'^rule "x" at /left/0/indicator: unknown '
                                                 r'indicator "khong-co"$'):
        plan.validate()
    with pytest.raises(danvan.ValueError, match="unknown operator"):
        danvan.ValidationRule(op="=<")
    with pytest.raises(danvan.JsonError) as e:
        danvan.ValidationRule.from_json_dict({"id": "r", "importance": "fatal", "message": "m",
                                         "left": [], "operator": "<=",
                                         "right": [{"constant": 1}]})
    assert "/importance: unknown importance" in str(e.value)
    assert danvan.rule_holds("!=", 1, 2) and not danvan.rule_holds("<", 2, 2)


def test_every_field_reads(progress, batch):
    check = danvan.check_rules(progress, batch, as_of="2020-06-30")
    assert isinstance(check, danvan.RuleCheck)
    r = check.not_evaluated[0]
    assert isinstance(r, danvan.RuleResult)
    assert (r.message, r.importance, r.outcome) == (progress.rules[0].message,
                                                    danvan.RuleImportance.error,
                                                    danvan.RuleOutcome.not_evaluated)
    assert r.missing and r.op == "<=" and r.rule_id == progress.rules[0].id
    stock = progress.rules[2]
    t = stock.right[2]
    assert (t.indicator_id, t.part, t.source, t.factor, t.constant) == (
        "giai-quyet-dung-han", danvan.ValuePart.denominator, danvan.TermSource.same, -1.0, 0.0)
    assert stock.left[0].indicator_id == "ton-dong"


def test_python_approval_refuses_a_broken_report_as_the_cli_does(progress, batch, tmp_path):
    broken = broken_batch(progress, batch)
    journal = tmp_path / "wf.jsonl"
    day = datetime.date

    def step(action, when, by):
        return danvan.Transition(unit_id="d557", period=MAY, action=action, date=when,
                                 actor_unit_id=by)

    w = danvan.Workflow(progress.plan_id)
    w.record(step("submit", day(2020, 6, 3), "d557"), progress, journal, broken)
    approve = step("approve", day(2020, 6, 5), "p54")
    # The message of `danvan progress workflow approve` (both call Workflow::check with the
    # batch): approval_problem's.
    expected = danvan.approval_problem(progress, broken, "d557", MAY)
    assert expected.startswith("report of d557 for 202005: cannot approve: it breaks the "
                               "error rule \"giai-quyet-khong-vuot-ton-va-nhan\" (")
    assert w.check(approve, progress, broken) == expected
    with pytest.raises(danvan.ValueError) as e:
        w.record(approve, progress, journal, batch=broken)
    assert str(e.value) == expected
    with pytest.raises(danvan.ValueError) as e:
        w.apply(approve, progress, broken)
    assert str(e.value) == expected
    # Against a plan with error rules, approving needs the batch.
    errors = sum(r.importance is danvan.RuleImportance.error for r in progress.rules)
    assert errors == 2
    without = ("report of d557 for 202005: cannot approve without the report batch: the "
               "plan has 2 error rules to check (pass batch=)")
    assert w.check(approve, progress) == without
    with pytest.raises(danvan.ValueError) as e:
        w.record(approve, progress, journal)
    assert str(e.value) == without
    with pytest.raises(danvan.ValueError) as e:
        w.check(approve, batch=broken)
    assert str(e.value) == "a batch is checked against its plan: pass plan= too"
    # Nothing was written or applied; without the plan only the sequence is checked.
    assert len(journal.read_text("utf-8").splitlines()) == 1 and len(w) == 1
    assert w.check(approve) == ""
    # The consistent figures are approved.
    w.record(approve, progress, journal, batch)
    assert len(w) == 2 and len(journal.read_text("utf-8").splitlines()) == 2
