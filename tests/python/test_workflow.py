"""The submission workflow from Python: transitions, refusals, the journal, summaries.

Runs on the bundled SAMPLE progress plan and reports (data/progress, invented figures)."""

import datetime

import pytest

import danvan
from conftest import ROOT

D = datetime.date
P = danvan.Period
PROGRESS_PATH = ROOT / "data" / "progress" / "phu-yen-2020-progress.json"
REPORTS_PATH = ROOT / "data" / "progress" / "phu-yen-2020-reports.json"
APRIL = P.parse("202004")


@pytest.fixture(scope="module")
def progress() -> danvan.ProgressPlan:
    return danvan.load_progress_plan(PROGRESS_PATH)


@pytest.fixture(scope="module")
def batch(progress) -> danvan.ReportBatch:
    return danvan.load_report_batch(REPORTS_PATH, progress)


def t(action, day, by, unit="d555", reason=None, person=None):
    return danvan.Transition(unit_id=unit, period=APRIL, action=action, date=day,
                             actor_unit_id=by, reason=reason, person=person)


def test_enums_and_transition_values():
    assert danvan.WorkflowAction.return_ == "return"
    assert repr(danvan.WorkflowAction("return")) == "WorkflowAction.return_"
    assert [s.value for s in danvan.ReportStatus] == ["draft", "submitted", "returned",
                                                       "approved"]
    assert danvan.RollupBasis("approved") is danvan.RollupBasis.approved
    a = t("submit", D(2020, 5, 5), "d555")
    assert a.action is danvan.WorkflowAction.submit
    assert a == danvan.Transition.from_json_dict(a.to_json_dict())
    assert a.to_json_dict() == {"unit": "d555", "period": "202004", "action": "submit",
                           "date": "2020-05-05", "by": "d555", "person": None,
                           "reason": None}
    assert a != t("submit", D(2020, 5, 6), "d555")
    assert repr(a) == "Transition(unit_id='d555', period=202004, action=submit, " \
                      "date=2020-05-05)"
    with pytest.raises(danvan.JsonError) as e:
        danvan.Transition.from_json_dict({"unit": "x", "period": "202004", "action": "reject",
                                     "date": "2020-05-05", "by": "x"})
    assert e.value.problems == [("/action", 'unknown workflow action "reject"; expected one of '
                                            'draft, submit, return, approve')]


def test_apply_check_find_and_refusals(progress):
    w = danvan.Workflow(progress.plan_id)
    assert w.plan_id == progress.plan_id
    assert w.check(t("approve", D(2020, 5, 8), "p54"), progress) == (
        "report of d555 for 202004: cannot approve: it is not submitted")
    w.apply(t("submit", D(2020, 5, 5), "d555"), progress)
    with pytest.raises(danvan.ValueError, match="d557 cannot approve it: d555 is "
                                                "not its child"):
        w.apply(t("approve", D(2020, 5, 6), "d557"), progress)
    # Without the plan only the sequence is checked.
    assert w.check(t("approve", D(2020, 5, 6), "d557")) == ""
    w.apply(t("return", D(2020, 5, 6), "p54", reason="Thiếu số liệu", person="Trần Thị B"))
    h = w.find("d555", APRIL)
    assert isinstance(h, danvan.ReportHistory)
    assert h.unit_id == "d555" and h.period == APRIL
    assert [x.action for x in h.transitions] == ["submit", "return"]
    assert h.status_on(D(2020, 5, 5)) is danvan.ReportStatus.submitted
    assert h.status_on(D(2020, 5, 4)) is None
    assert h.first_submitted() == D(2020, 5, 5)
    assert w.find("d559", APRIL) is None
    assert len(w) == 2 and len(w.histories) == 1 and len(w.transitions) == 2
    again = danvan.Workflow.from_json(w.to_json(), progress)
    assert danvan.Workflow.from_dict(w.to_dict(), progress) == w
    assert again == w and not (again != w)
    with pytest.raises(danvan.JsonError):
        danvan.Workflow.from_json('{"schema": "danvan/workflow", "version": 1, "plan": "x", '
                                  '"transitions": []}', progress)
    assert danvan.approving_units(progress.units, "d555", APRIL, D(2020, 5, 6)) == [
        "p54"]


def test_journal_record_and_replay(progress, batch, tmp_path):
    journal = tmp_path / "wf.jsonl"
    w = danvan.Workflow(progress.plan_id)
    w.record(t("submit", D(2020, 5, 5), "d555"), progress, journal)
    with pytest.raises(danvan.ValueError):
        w.record(t("submit", D(2020, 5, 6), "d555"), progress, journal)
    w.record(t("approve", D(2020, 5, 6), "p54"), progress, journal, batch)
    assert len(journal.read_text("utf-8").splitlines()) == 2
    with journal.open("a", encoding="utf-8") as f:
        f.write('{"unit": "py-tu')
    back = danvan.Workflow(progress.plan_id)
    warning = back.replay_journal(journal, progress)
    assert warning == "line 3: torn last line (no final newline); ignored"
    assert back == w
    assert danvan.Workflow().replay_journal(tmp_path / "missing.jsonl") == ""


def test_summary_and_pending_reports(progress, batch):
    w = danvan.Workflow(progress.plan_id)
    w.apply(t("submit", D(2020, 5, 5), "d555"), progress)
    w.apply(t("return", D(2020, 5, 6), "p54", reason="Thiếu số liệu"), progress)
    plain = danvan.summarize_progress(progress, batch, D(2020, 5, 10), period=APRIL)
    assert plain.workflow is None
    s = danvan.summarize_progress(progress, batch, D(2020, 5, 10), period=APRIL, workflow=w,
                                  basis="approved")
    ws = s.workflow
    assert isinstance(ws, danvan.WorkflowSummary)
    assert all(isinstance(n, danvan.WorkflowCounts) for n in ws.nodes)
    assert all(isinstance(i, danvan.WorkflowItem) for i in ws.awaiting)
    assert ws.basis is danvan.RollupBasis.approved
    root = ws.nodes[0]
    assert (root.approved, root.awaiting, root.returned, root.open) == (0, 9, 1, 1)
    assert root == ws.nodes[0] and root != ws.nodes[1]
    assert [i.unit_id for i in ws.returned] == ["d555"]
    item = ws.returned[0]
    assert (item.status, item.since, item.waits_on, item.actor_unit_id, item.reason,
            item.person, item.period) == (danvan.ReportStatus.returned, D(2020, 5, 6),
                                          ["d555"], "p54", "Thiếu số liệu", None,
                                          APRIL)
    assert len(ws.awaiting) == 9 and ws.unapproved_counted == 0 and ws.left_out == 10
    # Nothing approved: every figure is missing, never 0.
    assert all(v.value is None for r in s.indicators for v in r.values)
    awaiting, returned = danvan.pending_reports(progress, batch, w, D(2020, 5, 10))
    assert [i.unit_id for i in returned] == ["d555"]
    assert all(i.waits_on == ["p54"] for i in awaiting)
    assert "Chờ duyệt / bị trả lại" in danvan.render_progress(s, "text")
