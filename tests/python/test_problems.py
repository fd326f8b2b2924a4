"""Every danvan.ValueError lists its problems as (where, reason), and one raised while reading
a file names it (issue 12: "errors carry filename and every problem (a list), like the CLI").
One design for every kind: `problems` is a list of (where, reason) pairs; where is a JSON
pointer into the value's JSON form, a form's cell, or "" for the value as a whole, whose one
problem is then ("", str(e)); `filename` is set by the functions that read a file."""

import copy
import datetime
import json
import pickle

import pytest

import danvan
from conftest import ROOT

REGISTRY_PATH = ROOT / "data" / "registry" / "sample-registry.json"
PROGRESS_PATH = ROOT / "data" / "progress" / "phu-yen-2020-progress.json"
REPORTS_PATH = ROOT / "data" / "progress" / "phu-yen-2020-reports.json"


@pytest.fixture
def registry() -> danvan.Registry:
    return danvan.load_registry(REGISTRY_PATH)


def bad_entry(registry: danvan.Registry) -> danvan.Entry:
    entry = danvan.Entry(**registry[0].to_dict())
    entry.id = "new-entry"
    entry.name = ""
    entry.unit_id = "nowhere"
    entry.field_ids = [entry.field_ids[0], "no-such-field"]
    return entry


def test_registry_add_locates_every_problem_in_the_entry(registry):
    size = len(registry)
    entry = bad_entry(registry)
    with pytest.raises(danvan.ValueError) as e:
        registry.add(entry)
    assert str(e.value) == ('entry "new-entry": 3 problems: the name is empty; unknown unit '
                            '"nowhere"; unknown field "no-such-field"')
    assert e.value.problems == [
        ("/name", "the name is empty"),
        ("/unit", 'unknown unit "nowhere"'),
        ("/fields/1", 'unknown field "no-such-field"'),
    ]
    assert not hasattr(e.value, "filename")
    assert len(registry) == size


def test_one_problem_is_a_list_of_one(registry):
    entry = danvan.Entry(**registry[0].to_dict())
    entry.id = "new-entry"
    entry.unit_id = "nowhere"
    with pytest.raises(danvan.ValueError) as e:
        registry.add(entry)
    assert str(e.value) == 'entry "new-entry": unknown unit "nowhere"'
    assert e.value.problems == [("/unit", 'unknown unit "nowhere"')]


def test_add_event_locates_the_event(registry):
    before = registry[1]  # not revoked (the sample's entry 0 is): only the unit is wrong
    with pytest.raises(danvan.ValueError) as e:
        registry.add_event(before.id, danvan.Event(type="replicated", date="2027-01-01",
                                                   unit_ids=["d555", "atlantis"]))
    n = len(before.events)  # the new event's index
    assert e.value.problems == [
        (f"/events/{n}/units/1",
         f'event {n + 1} (replicated on 2027-01-01) replicates to the unknown unit "atlantis"')]
    assert registry[1] == before


def test_replace_reports_as_add_does(registry):
    entry = bad_entry(registry)
    entry.id = registry[1].id
    before = registry.entries()
    with pytest.raises(danvan.ValueError) as e:
        registry.replace(entry)
    assert str(e.value) == (f'entry "{entry.id}": 3 problems: the name is empty; unknown unit '
                            '"nowhere"; unknown field "no-such-field"')
    assert e.value.problems == [
        ("/name", "the name is empty"),
        ("/unit", 'unknown unit "nowhere"'),
        ("/fields/1", 'unknown field "no-such-field"'),
    ]
    assert registry.entries() == before


def test_report_batch_validate_lists_every_problem():
    progress = danvan.load_progress_plan(PROGRESS_PATH)
    batch = danvan.load_report_batch(REPORTS_PATH, progress)
    batch.plan_id = "other"
    reports = list(batch.reports)
    reports.append(reports[0])
    batch.reports = reports
    with pytest.raises(danvan.ValueError) as e:
        batch.validate(progress)
    last = len(reports) - 1
    first = reports[0]
    second = (f"second report of {first.unit_id} for {first.period.id} (first at /reports/0)")
    assert e.value.problems == [
        ("/plan", 'reports are for plan "other", but the progress plan is for '
                  '"phu-yen-2020-nam-dan-van-kheo"'),
        (f"/reports/{last}", second),
    ]
    assert str(e.value) == (
        '2 problems: /plan: reports are for plan "other", but the progress plan is for '
        f'"phu-yen-2020-nam-dan-van-kheo"; /reports/{last}: {second}')


def resolve(document, pointer):
    """The value an RFC 6901 pointer names in `document` (no ~ escapes needed here)."""
    for key in pointer.split("/")[1:]:
        document = document[int(key)] if isinstance(document, list) else document[key]
    return document


def test_progress_plan_validate_lists_every_problem_at_its_pointer():
    plan = danvan.load_progress_plan(PROGRESS_PATH)
    plan.scope_unit_ids = [*plan.scope_unit_ids, "nowhere"]
    first = plan.activities[0]
    first.due = datetime.date(2020, 4, 1)  # it starts on 2020-04-10
    plan.activities = [first, *plan.activities[1:]]
    plan.rules = [*plan.rules, plan.rules[0]]
    with pytest.raises(danvan.ValueError) as e:
        plan.validate()
    scope, rules = len(plan.scope_unit_ids) - 1, len(plan.rules) - 1
    assert e.value.problems == [
        (f"/scope/{scope}", 'scope: unknown unit "nowhere"'),
        ("/activities/0/due",
         'activity "ban-hanh-ke-hoach": due 2020-04-01 is before start 2020-04-10'),
        (f"/rules/{rules}/id", 'duplicate rule id "giai-quyet-khong-vuot-ton-va-nhan"'),
    ]
    assert str(e.value) == (
        '3 problems in the progress plan: scope: unknown unit "nowhere"; activity '
        '"ban-hanh-ke-hoach": due 2020-04-01 is before start 2020-04-10; duplicate rule id '
        '"giai-quyet-khong-vuot-ton-va-nhan"')
    # Each pointer names the value at fault in the plan's document form.
    document = plan.to_json_dict()
    assert [resolve(document, p) for p, _ in e.value.problems] == [
        "nowhere", "2020-04-01", "giai-quyet-khong-vuot-ton-va-nhan"]


def test_progress_plan_validate_one_problem_keeps_its_message():
    plan = danvan.load_progress_plan(PROGRESS_PATH)
    plan.plan_id = "Kế hoạch"
    with pytest.raises(danvan.ValueError) as e:
        plan.validate()
    assert str(e.value) == 'plan: invalid id "Kế hoạch"'
    assert e.value.problems == [("/plan", 'plan: invalid id "Kế hoạch"')]


def test_registry_reader_lists_each_reason_an_entry_is_refused_for():
    doc = json.loads(REGISTRY_PATH.read_text(encoding="utf-8"))
    doc["entries"][1]["unit"] = "py-nowhere"
    doc["entries"][1]["fields"] = ["thu-cong"]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Registry.from_json_dict(doc)
    assert e.value.problems == [("/entries/1/unit", 'unknown unit "py-nowhere"'),
                                ("/entries/1/fields/0", 'unknown field "thu-cong"')]
    assert e.value.pointer == "/entries/1/unit"
    assert str(e.value) == '/entries/1/unit: unknown unit "py-nowhere" (and 1 more problem)'


def test_plan_validate_has_pointers():
    plan = danvan.Plan(id="p", title="", issuer_id="nobody")
    with pytest.raises(danvan.ValueError) as e:
        plan.validate()
    assert e.value.problems == [("/title", "must not be empty"),
                                ("/issuer", 'unknown issuer "nobody"')]


def test_json_error_from_a_file_has_filename_and_problems(tmp_path):
    path = tmp_path / "registry.json"
    text = REGISTRY_PATH.read_text(encoding="utf-8").replace('"version": 2', '"version": 9', 1)
    path.write_text(text + "x", encoding="utf-8")
    with pytest.raises(danvan.JsonError) as e:
        danvan.load_registry(path)
    assert e.value.filename == str(path)
    assert str(e.value).startswith(f"{path}: ")
    assert len(e.value.problems) == 1 and e.value.problems[0][0] == ""
    assert e.value.pointer == e.value.problems[0][0]


def test_an_error_about_one_thing_has_the_message_as_its_problem():
    with pytest.raises(danvan.ValueError) as e:
        danvan.PartialDate(2020, 13)
    assert e.value.problems == [("", "month 13 is out of range 1..12")]
    with pytest.raises(danvan.ParseError) as p:
        danvan.parse_date("31/02/2020")
    assert p.value.problems == [("", str(p.value))]


def test_errors_raised_in_python_have_problems_too():
    # A bad argument value (danvan._arguments) and an unknown level name (Level's order).
    with pytest.raises(danvan.ValueError) as e:
        danvan.Unit(id="a", name="A", level="provnce")
    assert e.value.problems == [("", str(e.value))]
    with pytest.raises(danvan.ValueError) as e:
        assert danvan.Level.province > "provnce"
    assert e.value.problems == [("", str(e.value))]
    # Raised by hand, with or without a list.
    assert danvan.ValueError("x").problems == [("", "x")]
    error = danvan.ValueError("2 problems")
    error.problems = [("/a", "one"), ("/b", "two")]
    assert error.problems == [("/a", "one"), ("/b", "two")]


def test_problems_survive_pickling_and_copying(registry):
    with pytest.raises(danvan.ValueError) as e:
        registry.add(bad_entry(registry))
    for again in (pickle.loads(pickle.dumps(e.value)), copy.copy(e.value)):
        assert type(again) is danvan.ValueError
        assert str(again) == str(e.value) and again.problems == e.value.problems
