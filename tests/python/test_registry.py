"""The exemplar registry from Python: entries, events, lifecycle errors, state as of a date,
filters across the 2025 reorganisation, folded search, Vietnamese sorting, the statistics
table as a list of dicts, the registry document and the JSON Lines journal.

The expected numbers are those of the C++ tests (tests/registry_test.cpp) for the same data,
so these check that the bindings pass arguments and results through unchanged.
"""

import copy
import datetime
import io
import json
import os
import pickle
import zipfile
from xml.etree import ElementTree

import pytest

import danvan
from conftest import ROOT, eval_repr

D = datetime.date
ET = danvan.EventType
L = danvan.Level
SAMPLE_PATH = ROOT / "data" / "registry" / "sample-registry.json"
UNITS_PATH = ROOT / "data" / "units" / "phu-yen.json"
NTM = danvan.Field(id="xay-dung-nong-thon-moi", name="xây dựng nông thôn mới")


def units() -> danvan.UnitHierarchy:
    return danvan.UnitHierarchy.from_json(UNITS_PATH.read_text(encoding="utf-8"))


def ev(type_, day, **kw) -> danvan.Event:
    return danvan.Event(type=type_, date=day, **kw)


def registered(day) -> danvan.Event:
    return ev(ET.registered, day)


def recognised(day, level, by=None) -> danvan.Event:
    return ev(ET.recognised, day, level=level, by=by)


def reevaluated(day, year, effective) -> danvan.Event:
    return ev(ET.reevaluated, day, year=year, effective=effective)


def replicated(day, unit_ids) -> danvan.Event:
    return ev(ET.replicated, day, unit_ids=unit_ids)


def collective(id_, unit, events, fields=("kinh-te",)) -> danvan.Entry:
    return danvan.Entry(id=id_, name=f"Mô hình {id_}", unit_id=unit, field_ids=list(fields),
                        description="mô tả", events=events)


def individual(id_, unit, person, events) -> danvan.Entry:
    return danvan.Entry(id=id_, kind=danvan.EntryKind.exemplar,
                        subject=danvan.Subject.individual, name=f"Điển hình {person}",
                        unit_id=unit, field_ids=["kinh-te"], description="mô tả",
                        person_name=person, events=events)


def stats_registry() -> danvan.Registry:
    """The registry of the C++ statistics tests."""
    r = danvan.Registry(units(), [NTM])
    # Xã Hòa Quang Nam went whole into Xã Phú Hòa 2 (Xã Hòa An, of the older sample, was split).
    r.add(collective("a", "c22306",
                     [registered(D(2021, 3, 1)), recognised(D(2021, 6, 1), L.province, "p54"),
                      replicated(D(2022, 2, 1), ["c22312"]),
                      reevaluated(D(2022, 12, 1), 2022, True)],
                     ["kinh-te", "xay-dung-nong-thon-moi"]))
    r.add(individual("b", "c22015", "Đặng Thị Hồng",
                     [registered(D(2022, 1, 5)),
                      recognised(D(2022, 4, 1), L.commune, "c22015"),
                      ev(ET.commended, D(2022, 5, 1))]))
    r.add(collective("c", "c22051", [registered(D(2022, 7, 1))]))
    r.add(collective("d", "c22015",
                     [registered(D(2021, 1, 5)), recognised(D(2021, 4, 1), L.commune),
                      reevaluated(D(2022, 11, 30), 2022, False)]))
    return r


@pytest.fixture(scope="module")
def sample() -> danvan.Registry:
    return danvan.load_registry(SAMPLE_PATH)


# ---------------------------------------------------------------------------------------------
# Enums and fields


def test_enums_are_real_enums_with_json_values():
    assert danvan.EntryKind("exemplar") is danvan.EntryKind.exemplar
    assert [s.value for s in danvan.Subject] == ["collective", "individual", "unknown"]
    assert [t.value for t in danvan.EventType] == [
        "registered", "recognised", "commended", "awarded", "replicated", "reevaluated",
        "revoked", "promoted"]
    assert [s.value for s in danvan.EntryState] == [
        "not_registered", "registered", "recognised", "effective", "no_longer_effective",
        "revoked", "lapsed"]
    assert [s.value for s in danvan.CommendationStatus] == ["decided", "proposed"]
    assert [d.value for d in danvan.StatsDimension] == ["field", "level", "subject", "kind"]
    assert repr(danvan.EntryState.no_longer_effective) == "EntryState.no_longer_effective"
    with pytest.raises(ValueError):
        danvan.Subject("group")


def test_vietnamese_names():
    assert danvan.vietnamese_name(danvan.EntryKind.model) == "mô hình"
    assert danvan.vietnamese_name(danvan.EntryKind.exemplar) == "điển hình"
    assert danvan.vietnamese_name(danvan.Subject.individual) == "cá nhân"
    assert danvan.vietnamese_name(ET.recognised) == "công nhận"
    assert danvan.vietnamese_name(danvan.EntryState.effective) == "còn hiệu quả"
    # The unit overloads still work next to these.
    assert danvan.vietnamese_name(L.province) == "tỉnh"


def test_fields():
    built_in = danvan.builtin_fields()
    assert [f.id for f in built_in] == [
        "kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri"]
    assert built_in[0].name == "kinh tế"
    f = danvan.Field(id="x", name="X")
    assert f == danvan.Field(id="x", name="X") and f != NTM
    assert repr(f) == "Field(id='x', name='X')"
    assert eval_repr(f) == f
    assert danvan.Field.from_dict(f.to_dict()) == f
    assert f.to_dict() == {"id": "x", "name": "X"}
    assert danvan.Field.from_json(f.to_json()) == f
    assert pickle.loads(pickle.dumps(f)) == f and copy.copy(f) == f and copy.deepcopy(f) == f
    with pytest.raises(danvan.JsonError) as e:
        danvan.Field.from_dict({"id": "X", "name": "", "extra": 1})
    assert e.value.problems == [
        ("/id", "invalid id \"X\": ids are 1..100 characters of a-z, 0-9 and '-', not "
                "starting with '-'"),
        ("/name", "must not be empty"),
        ("/extra", 'unknown key "extra"'),
    ]


# ---------------------------------------------------------------------------------------------
# Events and entries


def test_event_attributes_repr_and_json():
    e = recognised(D(2021, 2, 1), L.district, "d563")
    assert e.type is ET.recognised and e.date == D(2021, 2, 1) and e.level is L.district
    assert e.by == "d563" and e.decision is None and e.unit_ids == ()
    assert e.year is None and e.effective is None
    assert repr(e) == ("Event(type=EventType.recognised, date=datetime.date(2021, 2, 1), "
                       "level=Level.district, by='d563')")
    assert eval_repr(e) == e
    assert e.describe() == "recognised on 2021-02-01"
    assert e.to_dict() == {"type": "recognised", "date": "2021-02-01", "level": "district",
                           "by": "d563", "decision": None, "grade": None,
                           "status": "decided"}
    assert danvan.Event.from_dict(e.to_dict()) == e
    assert danvan.Event.from_json(e.to_json()) == e
    r = reevaluated(D(2021, 12, 1), 2021, False)
    assert r.to_dict() == {"type": "reevaluated", "date": "2021-12-01", "year": 2021,
                           "effective": False}
    assert (r.year, r.effective) == (2021, False)
    p = replicated(D(2022, 2, 1), ["u1", "u2"])
    assert p.unit_ids == ("u1", "u2") and p.to_dict()["unit_ids"] == ["u1", "u2"]
    p.unit_ids = ["u3"]
    assert p.unit_ids == ("u3",)
    c = ev(ET.commended, D(2022, 5, 1), decision="12/QĐ-UBND")
    assert c.decision == "12/QĐ-UBND"
    # Defaults: a registration without a date until one is set.
    blank = danvan.Event()
    assert blank.type is ET.registered and blank.date is None
    assert repr(blank) == "Event()"
    assert blank.describe() == "registered on ?"
    blank.date = D(2019, 12, 31)
    assert blank.date == D(2019, 12, 31)
    blank.date = None
    assert blank.date is None
    for x in (pickle.loads(pickle.dumps(e)), copy.copy(e), copy.deepcopy(e)):
        assert x == e


def test_event_setters_and_year_boundary_dates():
    e = danvan.Event()
    e.type = ET.reevaluated
    e.date = D(2020, 12, 31)
    e.year = 2020
    e.effective = True
    e.level = None
    e.by = None
    e.decision = None
    assert e.to_dict() == {"type": "reevaluated", "date": "2020-12-31", "year": 2020,
                           "effective": True}
    e.date = D(2021, 1, 1)
    assert danvan.Event.from_dict(e.to_dict()).date == D(2021, 1, 1)


def test_event_from_dict_problems():
    with pytest.raises(danvan.JsonError) as e:
        danvan.Event.from_json_dict({"type": "recognised", "date": "2021-13", "by": "X"})
    assert e.value.problems == [
        ("/date", 'invalid date "2021-13": month 13 is out of range 1..12'),
        ("/by", "invalid id \"X\": ids are 1..100 characters of a-z, 0-9 and '-', not "
                "starting with '-'"),
    ]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Event.from_json_dict({"type": "registered", "date": "2021-01-01", "grade": "tot"})
    assert e.value.problems == [("/grade", 'unknown key "grade"')]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Event.from_json_dict({"type": "oops", "date": "2021-01-01"})
    assert e.value.problems == [
        ("/type", 'unknown event type "oops"; expected one of registered, recognised, commended, '
                  "awarded, replicated, reevaluated, revoked, promoted")]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Event.from_json_dict({"type": "replicated", "date": "2021-01-01", "units": []})
    assert e.value.problems == [("/units", "must name at least one unit")]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Event.from_json_dict({"type": "reevaluated", "date": "2021-02-30", "year": 2021.5,
                                "effective": "yes"})
    assert e.value.problems == [
        ("/date", 'invalid date "2021-02-30": day 30 does not exist in 02/2021'),
        ("/year", "expected an integer, got a number with a fraction"),
        ("/effective", "expected a boolean, got a string"),
    ]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Event.from_json('{"type": "registered", "type": "registered"}')
    assert e.value.pointer == "/type" and e.value.reason == 'duplicate key "type"'
    with pytest.raises(danvan.JsonError) as e:
        danvan.Event.from_json('{"type": "registered", "date": "2021-01-0')
    assert e.value.reason.startswith("invalid JSON: parse error at line 1, column ")
    with pytest.raises(danvan.JsonError) as e:
        danvan.Event.from_json_dict([])
    assert e.value.problems == [("", "expected an object, got an array")]
    with pytest.raises(TypeError) as t:
        danvan.Event.from_json_dict({"type": {1, 2}})
    assert str(t.value).startswith('value at "/type" has no JSON form')


def test_entry_attributes_state_and_json():
    e = collective("a", "x", [
        registered(D(2020, 3, 1)), recognised(D(2020, 6, 1), L.commune),
        recognised(D(2021, 2, 1), L.province), reevaluated(D(2021, 12, 20), 2021, True),
        reevaluated(D(2022, 12, 20), 2022, False), ev(ET.revoked, D(2023, 2, 1))])
    S = danvan.EntryState
    assert e.state_on(D(2020, 2, 29)) is S.not_registered
    assert e.state_on(D(2020, 3, 1)) is S.registered
    assert e.state_on(D(2020, 6, 1)) is S.recognised
    assert e.state_on(D(2021, 12, 20)) is S.effective
    assert e.state_on(D(2022, 12, 31)) is S.no_longer_effective
    assert e.state_on(D(2023, 2, 1)) is S.revoked
    assert e.level_on(D(2020, 5, 31)) is None
    assert e.level_on(D(2020, 12, 31)) is L.commune
    assert e.level_on(D(2021, 2, 1)) is L.province
    assert e.id == "a" and e.kind is danvan.EntryKind.model
    assert e.subject is danvan.Subject.collective and e.name == "Mô hình a"
    assert e.unit_id == "x" and e.field_ids == ("kinh-te",) and e.description == "mô tả"
    assert e.person_name is None and len(e.events) == 6
    assert isinstance(e.events, tuple)
    d = e.to_json_dict()
    assert list(d) == ["id", "kind", "subject", "name", "unit", "places", "fields",
                       "description", "person", "events"]
    assert danvan.Entry.from_json_dict(d) == e
    assert danvan.Entry.from_json(e.to_json()) == e
    assert eval_repr(e) == e
    for x in (pickle.loads(pickle.dumps(e)), copy.copy(e), copy.deepcopy(e)):
        assert x == e
    e.events = e.events[:1]
    e.field_ids = ["van-hoa-xa-hoi", "kinh-te"]
    e.kind = danvan.EntryKind.exemplar
    e.subject = danvan.Subject.individual
    e.person_name = "Nguyễn Văn An"
    e.name = "Điển hình"
    e.unit_id = "y"
    e.id = "b"
    e.description = ""
    assert e.to_dict()["person_name"] == "Nguyễn Văn An" and len(e.events) == 1
    assert repr(danvan.Entry()) == "Entry()"


def test_entry_from_dict_problems():
    good = collective("a", "x", [registered(D(2021, 1, 1))]).to_json_dict()
    bad = dict(good, kind="hero", colour="red", fields="kinh-te")
    bad["events"] = [{"type": "registered", "date": "10/04/2020"}]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Entry.from_json_dict(bad)
    assert e.value.problems == [
        ("/kind", 'unknown entry kind "hero"; expected one of model, exemplar'),
        ("/fields", "expected an array, got a string"),
        ("/events/0/date", 'expected an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD", got '
                           '"10/04/2020"'),
        ("/colour", 'unknown key "colour"'),
    ]
    assert str(e.value).startswith("/kind: ")
    missing = dict(good)
    del missing["description"]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Entry.from_json_dict(missing)
    assert e.value.problems == [("", 'missing required key "description"')]


def test_check_events_messages():
    reg = registered(D(2021, 1, 10))
    danvan.check_events(collective("a", "x", [
        registered(D(2020, 3, 1)), recognised(D(2020, 6, 1), L.district),
        ev(ET.commended, D(2020, 6, 1)), replicated(D(2020, 9, 1), ["y"]),
        reevaluated(D(2020, 12, 20), 2020, True), reevaluated(D(2021, 12, 20), 2021, False),
        ev(ET.revoked, D(2022, 2, 1))]))

    def message(events):
        with pytest.raises(danvan.ValueError) as e:
            danvan.check_events(collective("x", "u", events))
        return str(e.value)

    assert message([reg, replicated(D(2021, 5, 1), ["v"]),
                    recognised(D(2021, 6, 1), L.commune)]) == (
        'entry "x": event 2 (replicated on 2021-05-01) comes before recognition')
    assert message([recognised(D(2021, 1, 1), L.commune), reg]) == (
        'entry "x": event 1 (recognised on 2021-01-01) is dated before registration '
        "(2021-01-10)")
    assert message([reg, recognised(D(2021, 2, 1), L.commune),
                    reevaluated(D(2022, 3, 1), 2022, True),
                    reevaluated(D(2022, 12, 1), 2022, False)]) == (
        'entry "x": re-evaluated twice in 2022 (events 3 and 4)')
    assert message([reg, recognised(D(2021, 2, 1), L.commune), ev(ET.revoked, D(2021, 3, 1)),
                    ev(ET.commended, D(2021, 4, 1))]) == (
        'entry "x": event 4 (commended on 2021-04-01) comes after revocation (2021-03-01)')
    assert message([]) == 'entry "x": no events'
    # Version 2: a recognition may lack its level (unknown), not carry a form.
    assert message([reg, ev(ET.recognised, D(2021, 2, 1), form="giay-khen")]) == (
        'entry "x": event 2 (recognised on 2021-02-01) must not have a form')
    assert message([reg, ev(ET.registered, D(2021, 5, 1))]) == (
        'entry "x": event 2 (registered on 2021-05-01) registers the entry again in 2021 '
        "(event 1 did)")
    assert message([reg, ev(ET.promoted, D(2021, 5, 1))]) == (
        'entry "x": event 2 (promoted on 2021-05-01) has no kind')
    # Across a year boundary: a re-evaluation of the next year, dated on 31 December.
    assert message([reg, recognised(D(2021, 2, 1), L.commune),
                    reevaluated(D(2021, 12, 31), 2022, True)]) == (
        'entry "x": event 3 (reevaluated on 2021-12-31) evaluates 2022, a later year')
    assert message([reg, danvan.Event(type=ET.commended)]) == (
        'entry "x": event 2 (commended on ?) has no date')
    # The C++ ValueError is also Python's.
    with pytest.raises(ValueError):
        danvan.check_events(danvan.Entry(id="x"))


# ---------------------------------------------------------------------------------------------
# The registry: adding, lifecycle errors, lookups


def test_add_and_lookups():
    r = danvan.Registry(units(), [NTM])
    assert len(r) == 0 and r.latest_event_date() is None
    assert r.note is None
    r.note = "SAMPLE"
    assert r.note == "SAMPLE"
    r.note = None
    assert [f.id for f in r.fields][-1] == "xay-dung-nong-thon-moi"
    assert r.declared_fields == (NTM,)
    assert len(r.fields) == 5
    assert r.units == units()
    r.add(collective("a", "c22315", [registered(D(2021, 1, 10))]))
    r.add_event("a", recognised(D(2021, 2, 1), L.commune))
    r.add(individual("b", "d555", "Nguye\u0302\u0303n Va\u0306n An",
                     [registered(D(2020, 12, 31))]))
    assert len(r) == 2
    assert r.latest_event_date() == D(2021, 2, 1)
    assert r.find("a") == 0 and r.find("b") == 1 and r.find("zz") is None
    assert "a" in r and "zz" not in r and 0 not in r
    assert r.id_of(1) == "b" and r.name_of(0) == "Mô hình a"
    assert r.id_of(-1) == "b"
    assert r.entry(0).events[1].level is L.commune
    assert r["b"].person_name == "Nguyễn Văn An"  # NFC-normalised on the way in
    assert r[1] == r["b"] and r[-2] == r["a"]
    assert [e.id for e in r] == ["a", "b"]
    assert [e.id for e in r.entries()] == ["a", "b"]
    assert [e.id for e in r.entries([1, 0])] == ["b", "a"]
    assert r.state_on(0, D(2021, 1, 31)) is danvan.EntryState.registered
    assert r.state_on(0, D(2021, 2, 1)) is danvan.EntryState.recognised
    assert r.state_on(1, D(2020, 12, 30)) is danvan.EntryState.not_registered
    with pytest.raises(IndexError) as e:
        r.entry(2)
    assert str(e.value) == "registry index 2 is out of range (2 entries)"
    with pytest.raises(IndexError):
        r[-3]
    with pytest.raises(IndexError):
        r.id_of(5)
    with pytest.raises(IndexError):
        r.name_of(5)
    with pytest.raises(IndexError):
        r.state_on(5, D(2021, 1, 1))
    with pytest.raises(IndexError):
        r.entries([0, 9])
    with pytest.raises(KeyError):
        r["zz"]
    assert repr(r) == "<danvan.Registry: 2 entries, 161 units, 1 declared fields>"


def test_add_rejects_with_exact_messages_and_leaves_the_registry_unchanged():
    r = danvan.Registry(units(), [NTM])
    reg = registered(D(2021, 1, 10))
    r.add(collective("a", "c22315", [reg]))
    before = copy.copy(r)

    def message(call):
        with pytest.raises(danvan.ValueError) as e:
            call()
        return str(e.value)

    assert message(lambda: r.add(collective("a", "c22315", [reg]))) == (
        'entry "a": duplicate id')
    assert message(lambda: r.add(collective("b", "nowhere", [reg]))) == (
        'entry "b": unknown unit "nowhere"')
    assert message(lambda: r.add(collective("b", "c22319-20250701", [reg]))) == (
        'entry "b": unit "c22319-20250701" does not exist on 2021-01-10, the registration day')
    assert message(lambda: r.add(collective("b", "d563", [reg], ["thu-cong"]))) == (
        'entry "b": unknown field "thu-cong"')
    assert message(lambda: r.add(collective("b", "d563", [reg], ["kinh-te"] * 2))) == (
        'entry "b": field "kinh-te" is listed twice')
    named = collective("b", "d563", [reg])
    named.person_name = "X"
    assert message(lambda: r.add(named)) == 'entry "b": a collective has no person name'
    placed = collective("b", "d563", [reg])
    placed.place_unit_ids = ["d563"]
    assert message(lambda: r.add(placed)) == 'entry "b": place unit "d563" is the owner'
    placed.place_unit_ids = ["nowhere"]
    assert message(lambda: r.add(placed)) == 'entry "b": unknown place unit "nowhere"'
    assert message(lambda: r.add(collective("B", "d563", [reg]))) == (
        "invalid entry id \"B\": ids are 1..100 characters of a-z, 0-9 and '-', not starting "
        "with '-'")
    assert message(lambda: r.add(collective(
        "b", "d563", [reg, recognised(D(2021, 2, 1), L.district, "nobody")]))) == (
        'entry "b": event 2 (recognised on 2021-02-01) names the unknown unit "nobody" as "by"')
    assert message(lambda: r.declare_field(danvan.Field(id="kinh-te", name="x"))) == (
        "fields must be declared before entries are added")
    assert message(lambda: danvan.Registry().declare_field(
        danvan.Field(id="kinh-te", name="x"))) == 'field "kinh-te" is already built in'
    assert message(lambda: danvan.Registry(fields=[danvan.Field(id="y", name="")])) == (
        'field "y": the name is empty')
    assert message(lambda: r.add_event("a", replicated(D(2021, 3, 1), ["d563"]))) == (
        'entry "a": event 2 (replicated on 2021-03-01) comes before recognition')
    assert message(lambda: r.add_event("a", ev(ET.commended, D(2021, 3, 1), form="nope"))) == (
        'entry "a": event 2 (commended on 2021-03-01) has the unknown form "nope"')
    assert message(lambda: r.add_event("a", ev(ET.recognised, D(2021, 3, 1), grade="nope"))) == (
        'entry "a": event 2 (recognised on 2021-03-01) has the unknown grade "nope"')
    assert message(lambda: r.add_event("a", ev(ET.commended, D(2020, 3, 1)))) == (
        'entry "a": event 2 (commended on 2020-03-01) is dated before event 1 (registered on '
        "2021-01-10)")
    assert message(lambda: r.add_event("zz", ev(ET.commended, D(2021, 3, 1)))) == (
        'unknown entry "zz"')
    assert r == before and len(r) == 1
    fresh = danvan.Registry()
    fresh.declare_field(NTM)
    assert fresh.declared_fields == (NTM,)


# ---------------------------------------------------------------------------------------------
# Filters, search, sorting


def filter_registry() -> danvan.Registry:
    r = danvan.Registry(units())
    reg2020 = registered(D(2020, 3, 1))
    r.add(collective("hoa-an-2020", "c22315", [reg2020]))
    # Huyện Đông Hòa itself: the register has its communes only from 01/06/2020, when it
    # became Thị xã Đông Hòa (d564-20200601).
    r.add(collective("dong-hoa-2020", "d564", [reg2020]))
    r.add(collective("tuy-hoa-2021", "d555", [registered(D(2021, 5, 1))]))
    r.add(collective("phu-hoa-1-2025", "c22319-20250701", [registered(D(2025, 8, 1))]))
    return r


def test_select_subtree_as_it_was_and_as_it_is_now():
    r = filter_registry()

    def ids(**kw):
        return [r.id_of(i) for i in r.select(**kw)]

    assert ids(unit_id="p54", as_of=D(2022, 1, 1)) == [
        "hoa-an-2020", "dong-hoa-2020", "tuy-hoa-2021"]
    assert ids(unit_id="d564-20200601", as_of=D(2022, 1, 1)) == []
    assert ids(unit_id="d564-20200601", as_of=D(2022, 1, 1), current_units=True) == [
        "dong-hoa-2020"]
    assert ids(unit_id="d564", as_of=D(2022, 1, 1)) == ["dong-hoa-2020"]
    assert ids(unit_id="p66-20250701", as_of=D(2026, 6, 30)) == ["phu-hoa-1-2025"]
    assert ids(unit_id="p66-20250701", as_of=D(2026, 6, 30), current_units=True) == [
        "hoa-an-2020", "dong-hoa-2020", "tuy-hoa-2021", "phu-hoa-1-2025"]
    # Xã Hòa An was split: part went to Phường Tuy Hòa (c22015-20250701), part to Xã Phú Hòa 1.
    assert ids(unit_id="c22015-20250701", as_of=D(2026, 6, 30), current_units=True) == [
        "hoa-an-2020"]
    assert ids(unit_id="c22319-20250701", as_of=D(2026, 6, 30), current_units=True) == [
        "hoa-an-2020", "phu-hoa-1-2025"]
    assert ids(unit_id="d563", as_of=D(2026, 6, 30)) == ["hoa-an-2020"]
    assert ids(year=2020) == ["hoa-an-2020", "dong-hoa-2020"]
    assert ids(state=danvan.EntryState.registered, as_of=D(2021, 1, 1)) == [
        "hoa-an-2020", "dong-hoa-2020"]
    # The last day of 2020 and the first of 2021 around a registration on 2021-05-01.
    assert ids(state=danvan.EntryState.not_registered, as_of=D(2020, 12, 31)) == [
        "tuy-hoa-2021", "phu-hoa-1-2025"]
    assert ids() == ["hoa-an-2020", "dong-hoa-2020", "tuy-hoa-2021", "phu-hoa-1-2025"]
    with pytest.raises(danvan.ValueError) as e:
        r.select(unit_id="nowhere")
    assert str(e.value) == 'unknown unit "nowhere"'
    with pytest.raises(danvan.ValueError) as e:
        r.select(field_id="nope")
    assert str(e.value) == 'unknown field "nope"'
    with pytest.raises(TypeError):
        r.select("p54")  # keyword-only
    assert r.select(kind="model") == r.select(kind=danvan.EntryKind.model)  # the value works


def test_select_kind_subject_level_field():
    r = danvan.Registry(units())
    r.add(collective("a", "d555", [registered(D(2021, 1, 1)),
                                         recognised(D(2021, 2, 1), L.province, "p54")],
                     ["van-hoa-xa-hoi"]))
    r.add(individual("b", "d555", "Đặng Thị Hồng", [registered(D(2021, 1, 1))]))
    assert r.select(subject=danvan.Subject.individual) == [1]
    assert r.select(kind=danvan.EntryKind.model) == [0]
    assert r.select(level=L.province) == [0]
    assert r.select(level=L.province, as_of=D(2021, 1, 31)) == []
    assert r.select(field_id="kinh-te") == [1]


def test_search_folds_case_and_diacritics():
    r = danvan.Registry(units())
    a = collective("a", "d557", [registered(D(2021, 1, 1))])
    a.name = "Mô hình “Dân vận khéo” trong cải cách hành chính"
    b = individual("b", "d557", "Đặng Thị Hồng", [registered(D(2021, 1, 1))])
    b.description = "Vận động ĐỒNG BÀO hiến đất"
    c = collective("c", "d557", [registered(D(2021, 1, 1))])
    c.name = "Tổ hòa giải"
    for e in (a, b, c):
        r.add(e)
    # Unit names are searched too (version 2): all three sit in Thị xã Sông Cầu.
    assert r.search("song cau") == [0, 1, 2]
    assert r.search("dan van kheo") == [0]
    assert r.search("DÂN VẬN") == [0]
    assert r.search("dang") == [1]
    assert r.search("đồng bào") == [1]
    assert r.search_names("dong bao") == []
    assert r.search_names("dang thi") == [1]
    assert r.search("Ho\u0300a") == [2]  # NFD
    assert r.search("  hoa   giai ") == [2]
    assert r.search("a", 2) == [0, 1]
    assert r.search("a", limit=None) == [0, 1, 2]
    assert r.search("") == []
    with pytest.raises(danvan.ParseError):
        r.search(b"\xc3")


def test_sorted_in_vietnamese_order():
    r = danvan.Registry(units())
    reg = registered(D(2021, 1, 1))
    r.add(individual("p1", "d555", "Trần Bình", [reg]))
    r.add(individual("p2", "d555", "Nguyễn Văn An", [reg]))
    r.add(individual("p3", "d555", "Phạm An", [registered(D(2020, 1, 1))]))
    indexes = [0, 1, 2]
    assert r.sorted(indexes) == [2, 1, 0]  # Phạm An, Nguyễn Văn An, Trần Bình
    assert indexes == [0, 1, 2]  # unchanged
    assert r.sorted(indexes, by_date=True) == [2, 1, 0]
    c = danvan.Registry(units())
    for n, name in enumerate(["Đường hoa", "Dân vận", "Ấp mới", "Anh em"]):
        e = collective(f"e{n}", "d555", [reg])
        e.name = name
        c.add(e)
    assert c.sorted(range(4)) == [3, 2, 1, 0]  # Anh, Ấp, Dân, Đường
    with pytest.raises(IndexError):
        c.sorted([0, 4])


# ---------------------------------------------------------------------------------------------
# Statistics


COUNTS = ["registered", "recognised", "effective", "commended", "replicated"]


def counts(d, prefix=""):
    return [d[prefix + k] for k in COUNTS]


def test_stats_rows_are_dicts_with_the_cpp_numbers():
    r = stats_registry()
    t = r.stats(2022)
    assert t.year == 2022 and t.as_of == D(2022, 12, 31)
    assert t.unit_id is None and t.current_units is False
    assert t.by == (danvan.StatsDimension.field, danvan.StatsDimension.level,
                    danvan.StatsDimension.subject)
    assert len(t) == 5
    rows = t.rows
    assert isinstance(rows, list) and all(isinstance(x, dict) for x in rows)
    assert list(rows[0]) == [
        "year", "field", "field_label", "level", "level_label", "subject", "subject_label",
        "registered", "recognised", "effective", "commended", "replicated", "proposed",
        "promoted", "previous_registered", "previous_recognised", "previous_effective",
        "previous_commended", "previous_replicated", "previous_proposed", "previous_promoted",
        "change_registered", "change_recognised", "change_effective", "change_commended",
        "change_replicated", "change_proposed", "change_promoted"]
    assert rows[0]["year"] == 2022
    assert (rows[0]["field"], rows[0]["level"], rows[0]["subject"]) == (
        "kinh-te", "province", "collective")
    assert (rows[0]["field_label"], rows[0]["level_label"], rows[0]["subject_label"]) == (
        "kinh tế", "tỉnh", "tập thể")
    assert counts(rows[0]) == [0, 0, 1, 0, 1]
    assert counts(rows[0], "previous_") == [1, 1, 1, 0, 0]
    assert counts(rows[0], "change_") == [-1, -1, 0, 0, 1]
    assert [(x["field"], x["level"], x["subject"]) for x in rows] == [
        ("kinh-te", "province", "collective"), ("kinh-te", "commune", "collective"),
        ("kinh-te", "commune", "individual"), ("kinh-te", "none", "collective"),
        ("xay-dung-nong-thon-moi", "province", "collective")]
    assert counts(rows[2]) == [1, 1, 1, 1, 0]
    assert counts(rows[3]) == [1, 0, 0, 0, 0]
    total = t.total
    assert total["year"] == 2022
    assert counts(total) == [2, 1, 2, 1, 1]
    assert counts(total, "previous_") == [2, 2, 2, 0, 0]
    assert counts(total, "change_") == [0, -1, 0, 1, 1]
    # Rows are plain data: json-serialisable as they are.
    json.dumps(rows)
    by_field = r.stats(2022, by=[danvan.StatsDimension.field])
    assert [x["field"] for x in by_field.rows] == ["kinh-te", "xay-dung-nong-thon-moi"]
    assert counts(by_field.rows[0]) == [2, 1, 2, 1, 1]
    assert by_field == r.stats(2022, by="field")
    assert by_field != t
    assert (by_field == "field") is False
    assert list(r.stats(2022, by="kind,subject").rows[0])[:5] == [
        "year", "kind", "kind_label", "subject", "subject_label"]


def test_stats_as_of_unit_current_units_and_errors():
    r = stats_registry()
    K = danvan.StatsDimension.kind
    t = r.stats(2022, as_of=D(2022, 6, 30), by=[K])
    assert t.as_of == D(2022, 6, 30)
    assert counts(t.total) == [1, 1, 3, 1, 1]
    assert counts(t.total, "previous_") == [2, 2, 2, 0, 0]
    assert counts(r.stats(2022, unit_id="d555", by=[K]).total) == [1, 1, 1, 1, 0]
    assert counts(r.stats(2026, unit_id="c22015-20250701", by=[K]).total) == [0] * 5
    cur = r.stats(2026, unit_id="c22015-20250701", current_units=True, by=[K])
    assert cur.unit_id == "c22015-20250701" and cur.current_units is True
    # b is carried into Phường Tuy Hòa through Phường 1 (enlarged 01/11/2024); d lapsed in 2022.
    assert counts(cur.total) == [0, 0, 1, 0, 0]
    assert counts(r.stats(2026, unit_id="p66-20250701", current_units=True, by=[K]).total) == [
        0, 0, 2, 0, 0]
    # Year boundary: as of 31 December vs 1 January of the next year.
    dec = r.stats(2021, as_of=D(2021, 12, 31), by=[K])
    jan = r.stats(2021, as_of=D(2022, 1, 1), by=[K])
    assert counts(dec.total) == [2, 2, 2, 0, 0]
    assert jan.as_of == D(2022, 1, 1)

    def message(**kw):
        with pytest.raises(danvan.ValueError) as e:
            r.stats(kw.pop("year", 2022), **kw)
        return str(e.value)

    assert message(unit_id="nowhere") == 'unknown unit "nowhere"'
    assert message(by=[]) == "no dimension to group by"
    assert message(by="field,field") == 'dimension "field" is listed twice'
    assert message(by="field,") == 'unknown dimension ""; expected one of field, level, subject, kind'
    assert message(year=1400) == "year 1400 is out of range 1402..9999"
    assert r.stats(2022, by=["field", "level"]).rows == r.stats(2022, by="field,level").rows


def test_stats_of_several_units_counts_each_entry_once():
    r = stats_registry()
    K = danvan.StatsDimension.kind

    def total(unit_id):
        return counts(r.stats(2022, unit_id=unit_id, by=[K]).total)

    # "a" (Hòa Quang Nam) was replicated into Hòa Trị in 2022: each commune's own table counts that.
    assert total("c22306") == [0, 0, 1, 0, 1]
    assert total("c22312") == [0, 0, 0, 0, 1]
    # A list (or a tuple) of units: the union of their subtrees, "a" once, as its owner's.
    both = r.stats(2022, unit_id=["c22306", "c22312"], by=[K])
    assert counts(both.total) == [0, 0, 1, 0, 1]
    assert both == r.stats(2022, unit_id=("c22306", "c22312"), by=[K])
    assert both.unit_ids == ("c22306", "c22312") and both.unit_id is None
    assert both.to_dict()["units"] == ["c22306", "c22312"]
    assert pickle.loads(pickle.dumps(both)) == both
    assert "Đơn vị: c22306, c22312 (gộp chung" in both.to_text()
    # A unit named twice, or within another one named, adds nothing.
    assert total(["d563", "c22306", "d563"]) == total("d563")
    # Units with no entry in common: the sum of their tables.
    assert total("d555") == [1, 1, 1, 1, 0]
    assert total(["d555", "c22312"]) == [1, 1, 1, 1, 1]
    # One unit, as a str or a list of one: the same table, named by unit_id too.
    one = r.stats(2022, unit_id=["d555"], by=[K])
    assert one == r.stats(2022, unit_id="d555", by=[K])
    assert (one.unit_id, one.unit_ids) == ("d555", ("d555",))
    assert r.stats(2022, by=[K]).unit_ids == ()
    with pytest.raises(danvan.ValueError) as e:
        r.stats(2022, unit_id=[], by=[K])
    assert str(e.value) == "unit_id: an empty list names no unit (None counts every unit)"
    with pytest.raises(danvan.ValueError) as e:
        r.stats(2022, unit_id=["d555", "nowhere"], by=[K])
    assert str(e.value) == 'unknown unit "nowhere"'


def test_stats_totals_match_a_count_over_the_entries(sample):
    # The C++ tests compare every table with an oracle; here the totals are counted in Python.
    for year in (2020, 2021, 2024, 2025, 2026):
        end = datetime.date(year, 12, 31)
        total = sample.stats(year).total
        registered = sum(1 for e in sample if any(
            ev.type == danvan.EventType.registered and ev.date.year == year for ev in e.events))
        assert total["registered"] == registered
        assert total["effective"] == len(sample.select(as_of=end, in_force=True))
        assert total["effective"] == sum(1 for e in sample if danvan.is_in_force(e.state_on(end)))


def test_stats_renderings():
    r = stats_registry()
    t = r.stats(2022, by=[danvan.StatsDimension.subject])
    assert t.to_csv() == (
        "\ufeff"
        "Đối tượng,Đăng ký 2022,Đăng ký 2021,Công nhận 2022,Công nhận 2021,Còn hiệu quả 2022,"
        "Còn hiệu quả 2021,\"Biểu dương, khen thưởng 2022\",\"Biểu dương, khen thưởng 2021\","
        "Nhân rộng 2022,Nhân rộng 2021\r\n"
        "tập thể,1,2,0,2,1,2,0,0,1,0\r\n"
        "cá nhân,1,0,1,0,1,0,1,0,0,0\r\n"
        "Tổng cộng,2,2,1,2,2,2,1,0,1,0\r\n")
    assert t.to_text() == (
        "Thống kê mô hình, điển hình \"Dân vận khéo\" năm 2022 (tính đến ngày 31/12/2022; "
        "trong ngoặc: thay đổi so với năm 2021)\n"
        "Đối tượng  Đăng ký  Công nhận  Còn hiệu quả  Biểu dương, khen thưởng  Nhân rộng\n"
        "-------------------------------------------------------------------------------\n"
        "tập thể     1 (-1)     0 (-2)        1 (-1)                   0 (±0)     1 (+1)\n"
        "cá nhân     1 (+1)     1 (+1)        1 (+1)                   1 (+1)     0 (±0)\n"
        "-------------------------------------------------------------------------------\n"
        "Tổng cộng   2 (±0)     1 (-1)        2 (±0)                   1 (+1)     1 (+1)\n")
    d = t.to_dict()
    assert d["rows"][1]["keys"]["subject"] == "individual"
    assert d["rows"][1]["labels"]["subject"] == "cá nhân"
    assert d["total"]["change"]["recognised"] == -1
    assert d["as_of"] == "2022-12-31" and d["unit"] is None
    assert json.loads(t.to_json()) == d
    assert repr(t) == "<danvan.StatsTable year=2022 as_of=2022-12-31 rows=2>"


def test_stats_rows_have_the_same_keys_in_every_row(sample):
    # What pandas.DataFrame(rows) needs (danvan does not depend on pandas): a list of dicts
    # with the same keys, in the same order, in every row.
    rows = sample.stats(2025).rows
    assert len(rows) > 10
    assert len({tuple(x) for x in rows}) == 1


# ---------------------------------------------------------------------------------------------
# Documents and files


def test_sample_loads_and_round_trips(sample, tmp_path):
    text = SAMPLE_PATH.read_text(encoding="utf-8")
    assert len(sample) == 320
    assert "SAMPLE" in sample.note
    assert danvan.registry_to_text(sample) == text
    assert sample.to_json() == text
    assert danvan.read_registry(text) == sample
    assert danvan.read_registry(text.encode("utf-8")) == sample
    assert danvan.Registry.from_json(text) == sample
    assert danvan.Registry.from_json_dict(sample.to_json_dict()) == sample
    assert sample.to_json_dict()["schema"] == "danvan/registry"
    assert 0 < sample.storage_bytes < len(text.encode("utf-8"))
    sample.shrink_to_fit()
    out = tmp_path / "r.json"
    danvan.save_registry(sample, out)
    assert out.read_text(encoding="utf-8") == text
    assert danvan.load_registry(str(out)) == sample
    for x in (pickle.loads(pickle.dumps(sample)), copy.copy(sample), copy.deepcopy(sample)):
        assert x == sample
    assert sample.latest_event_date() == D(2026, 10, 28)


def test_registry_document_errors(tmp_path):
    doc = json.loads(SAMPLE_PATH.read_text(encoding="utf-8"))
    doc["entries"][0]["colour"] = "red"
    doc["entries"][1]["kind"] = 3
    doc["entries"][2]["unit"] = "py-nowhere"
    with pytest.raises(danvan.JsonError) as e:
        danvan.read_registry(json.dumps(doc, ensure_ascii=False))
    assert e.value.problems == [
        ("/entries/0/colour", 'unknown key "colour"'),
        ("/entries/1/kind", "expected a string, got an integer"),
        ("/entries/2/unit", 'unknown unit "py-nowhere"'),
    ]
    assert e.value.pointer == "/entries/0/colour"
    with pytest.raises(danvan.JsonError) as e:
        danvan.Registry.from_json_dict(dict(doc, version=4))
    assert ("/version", "unsupported version 4 of danvan/registry; this library reads "
                        "versions 1 to 3") in e.value.problems
    with pytest.raises(danvan.JsonError) as e:
        danvan.read_registry("[]")
    assert e.value.problems == [("", "expected an object, got an array")]
    with pytest.raises(danvan.JsonError) as e:
        danvan.read_registry('{"schema": "danvan/registry", "schema": "x"}')
    assert e.value.problems == [("/schema", 'duplicate key "schema"')]
    text = SAMPLE_PATH.read_text(encoding="utf-8")
    with pytest.raises(danvan.JsonError) as e:
        danvan.read_registry(text[: len(text) // 2])
    assert e.value.reason.startswith("invalid JSON: parse error at line ")
    with pytest.raises(danvan.IoError) as e:
        danvan.load_registry(tmp_path / "missing.json")
    assert str(e.value).startswith(str(tmp_path / "missing.json") + ": ")
    with pytest.raises(danvan.IoError):
        danvan.save_registry(danvan.Registry(), tmp_path / "no-dir" / "r.json")


# ---------------------------------------------------------------------------------------------
# Journal


def test_journal_append_and_replay(tmp_path):
    expected = stats_registry()
    path = tmp_path / "journal.jsonl"
    with danvan.JournalWriter(path) as w:
        assert w.closed is False and os.fspath(w.path) == str(path)
        assert repr(w) == f"<danvan.JournalWriter {str(path)!r}>"
        for e in expected:
            w.append(danvan.journal_registration_line(e))
        for e in expected:
            for event in e.events[1:]:
                w.append(danvan.journal_event_line(e.id, event))
    assert w.closed is True
    assert repr(w).endswith(" closed>")
    with pytest.raises(danvan.ValueError) as err:
        w.append("{}\n")
    assert str(err.value) == f"journal writer for {path} is closed"
    w.close()  # again: harmless
    replayed = danvan.Registry(units(), [NTM])
    result = danvan.replay_journal_file(path, replayed)
    assert result.applied == 11 and result.torn_line is None and result.warning == ""
    assert repr(result) == "ReplayResult(applied=11)"
    assert replayed == expected
    again = danvan.Registry(units(), [NTM])
    assert danvan.replay_journal(path.read_text(encoding="utf-8"), again).applied == 11
    assert again == expected
    assert danvan.journal_event_line("a", ev(ET.commended, D(2022, 1, 1))) == (
        '{"entry":"a","event":{"type":"commended","date":"2022-01-01","level":null,"by":null,'
        '"decision":null,"form":null,"status":"decided"}}\n')
    line = danvan.journal_registration_line(expected["a"])
    assert json.loads(line)["details"]["fields"] == ["kinh-te", "xay-dung-nong-thon-moi"]
    with pytest.raises(danvan.ValueError) as err:
        danvan.journal_registration_line(danvan.Entry(id="x"))
    assert str(err.value) == 'entry "x": the first event must be "registered"'
    w2 = danvan.JournalWriter(str(path))
    for bad in ("{}", "{}\n{}\n", ""):
        with pytest.raises(danvan.ValueError) as err:
            w2.append(bad)
        assert str(err.value) == "a journal line must be one line ending in a newline"
    w2.close()
    with pytest.raises(danvan.IoError) as err:
        danvan.JournalWriter("/nonexistent-dir/j.jsonl")
    assert str(err.value) == "/nonexistent-dir/j.jsonl: No such file or directory"
    with pytest.raises(danvan.IoError):
        danvan.replay_journal_file(tmp_path / "missing.jsonl", danvan.Registry())


def test_journal_torn_last_line_is_reported():
    source = stats_registry()
    text = "".join(danvan.journal_registration_line(source[i]) for i in range(3))
    following = danvan.journal_registration_line(source[3])
    r1 = danvan.Registry(units(), [NTM])
    torn = danvan.replay_journal(text + following[: len(following) // 2], r1)
    assert (torn.applied, torn.torn_line) == (3, 4)
    assert torn.warning == "line 4: torn last line (no final newline); ignored"
    assert repr(torn) == ("ReplayResult(applied=3, torn_line=4, "
                          "warning='line 4: torn last line (no final newline); ignored')")
    assert len(r1) == 3
    r2 = danvan.Registry(units(), [NTM])
    garbled = danvan.replay_journal(text + '{"entry": "d", "ev\n', r2)
    assert (garbled.applied, garbled.torn_line) == (3, 4)
    assert garbled.warning.startswith("line 4: torn last line (invalid JSON: parse er")
    r3 = danvan.Registry(units(), [NTM])
    with pytest.raises(danvan.ValueError) as e:
        danvan.replay_journal('{"entry": "a",\n' + text, r3)
    assert str(e.value).startswith("line 1: invalid JSON: parse error at line 1, ")
    assert len(r3) == 0


def test_journal_bad_lines_exact_messages():
    reg_a = danvan.journal_registration_line(stats_registry()["a"])

    def message(text):
        r = danvan.Registry(units(), [NTM])
        with pytest.raises(danvan.ValueError) as e:
            danvan.replay_journal(text, r)
        return str(e.value), len(r)

    assert message(reg_a + '{"entry":"a","event":{"type":"commended","date":"2021-01-01"}}\n') == (
        'line 2: entry "a": event 2 (commended on 2021-01-01) is dated before event 1 '
        "(registered on 2021-03-01)", 1)
    assert message(reg_a + reg_a) == ('line 2: entry "a": duplicate id', 1)
    assert message('{"entry":"a","event":{"type":"registered","date":"2021-01-01"}}\n') == (
        'line 1: /details: a registration needs "details"', 0)
    assert message('{"entry":"zz","event":{"type":"commended","date":"2021-01-01"}}\n') == (
        'line 1: unknown entry "zz"', 0)
    assert message("[1]\n{}\n") == ("line 1: (line): expected an object, got an array", 0)


# ---------------------------------------------------------------------------------------------
# Version 2: partial dates, grades, forms, proposals, validity, promotion, places


def test_version_2_facts_through_python():
    r = danvan.Registry(units())
    r.recognition_years = 2
    r.declare_grade(danvan.Grade(id="gioi", name="giỏi"))
    r.declare_form(danvan.CommendationForm(id="giay-chung-nhan", name="Giấy chứng nhận"))
    assert [g.id for g in r.grades] == ["xuat-sac", "tot", "kha", "gioi"]
    assert [g.id for g in danvan.builtin_grades()] == ["xuat-sac", "tot", "kha"]
    assert r.declared_grades == (danvan.Grade(id="gioi", name="giỏi"),)
    assert [f.id for f in danvan.builtin_forms()][:3] == ["bieu-duong", "tuyen-duong", "giay-khen"]
    assert r.declared_forms == (danvan.CommendationForm(id="giay-chung-nhan",
                                                        name="Giấy chứng nhận"),)
    assert [f.id for f in r.forms][-1] == "giay-chung-nhan"
    assert len(r.forms) == len(danvan.builtin_forms()) + 1
    events = [ev(ET.registered, "2021"),
              ev(ET.recognised, "2021-10", grade="gioi"),
              ev(ET.awarded, D(2022, 1, 5), form="bang-khen",
                 status=danvan.CommendationStatus.proposed),
              ev(ET.promoted, danvan.PartialDate(2022), kind=danvan.EntryKind.exemplar)]
    e = danvan.Entry(id="a", name="Chi hội", unit_id="d563", field_ids=[],
                     place_unit_ids=["d555"], events=events)
    r.add(e)
    got = r["a"]
    assert got.events[0].date == danvan.PartialDate(2021)
    assert got.events[2].date == D(2022, 1, 5)
    assert got.events[2].status is danvan.CommendationStatus.proposed
    assert got.events[1].grade == "gioi" and got.events[2].form == "bang-khen"
    assert got.events[1].form is None and got.events[2].grade is None
    assert got.events[3].kind is danvan.EntryKind.exemplar
    assert got.kind_on(D(2022, 12, 31)) is danvan.EntryKind.exemplar
    assert got.place_unit_ids == ("d555",)
    assert r.state_on(0, D(2022, 12, 31)) is danvan.EntryState.recognised
    assert r.state_on(0, D(2023, 1, 1)) is danvan.EntryState.lapsed
    assert r.select(unit_id="d555") == [0]
    assert r.select(as_of=D(2022, 6, 30), in_force=True) == [0]
    assert r.select(as_of=D(2023, 6, 30), in_force=True) == []
    total = r.stats(2022).total
    assert (total["proposed"], total["promoted"], total["commended"]) == (1, 1, 0)
    rows = r.stats(2021, by="field,level").rows
    assert [(row["field"], row["level_label"]) for row in rows] == [("unknown", "không rõ")]
    # Folded: "Phường Tuy Hòa" and "Thành phố Tuy Hoà" (the older accent placement) both match.
    assert r.search_units("tuy hoa") == ["c22015-20250701", "d555"]
    assert danvan.read_registry(danvan.registry_to_text(r)) == r
    with pytest.raises(danvan.ValueError, match="has the unknown grade"):
        r.add_event("a", ev(ET.recognised, "2023", grade="hang-a"))
    with pytest.raises(TypeError):
        danvan.Event(type=ET.registered, date=2022)


def test_periods_through_python():
    r = stats_registry()
    t = r.stats(period="2021-2022")
    assert t.period == "2021-2022"
    assert t.total["registered"] == 4
    assert r.select(recognised_in="2021-2022") == [0, 1, 3]
    assert r.select(commended_in="2022-05-01..2022-05-31") == [1]
    with pytest.raises(danvan.ValueError, match="ends before it starts"):
        r.stats(period="2022-2021")


def test_decision_writes_a_docx_of_the_selection():
    r = danvan.Registry.from_json(SAMPLE_PATH.read_text(encoding="utf-8"))
    hits = r.select(unit_id="d555", recognised_in="2023")
    assert len(hits) == 4  # 2 collectives, 2 individuals in Thành phố Tuy Hòa's communes
    data = r.decision(hits, issuer_unit_id="d555", recognised_in="2023", signer="Lê Văn A")
    # The package, opened with the standard library: its paragraphs' text in order.
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.namelist()[0] == "[Content_Types].xml"
        root = ElementTree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    paragraphs = ["".join(t.text or "" for t in p.iter(w + "t")) for p in root.iter(w + "p")]
    # The city (a territory in the register) decides through its People's Committee; the
    # place is written as the register writes the name ("Thành phố Tuy Hoà").
    assert paragraphs[0] == "ỦY BAN NHÂN DÂNTHÀNH PHỐ TUY HOÀ-------"
    assert "Số: ....../QĐ-UBND" in paragraphs
    assert "Tuy Hoà, ngày ..... tháng ..... năm ......." in paragraphs
    assert "Lê Văn A" in paragraphs[paragraphs.index("Nơi nhận:- Như Điều 3;- Lưu: VT.") + 1]
    # The annex: collectives, then individuals (sections), each numbered from 1.
    first, second = paragraphs.index("I. TẬP THỂ"), paragraphs.index("II. CÁ NHÂN")
    assert first < second
    for name in (r.name_of(i) for i in r.sorted(hits)):
        assert paragraphs[paragraphs.index(name, first) - 1].isdigit()
    assert [p for p in paragraphs[first:] if p.isdigit()] == [str(k) for k in range(1, 3)] * 2
    with pytest.raises(danvan.ValueError, match="^the selection is empty: no entry to recognise$"):
        r.decision([], issuer_unit_id="d555")
    with pytest.raises(danvan.ValueError, match='unknown issuing unit "nowhere"'):
        r.decision(hits, issuer_unit_id="nowhere")
    with pytest.raises(danvan.ValueError, match="signer's name: character U\\+0007 at byte 1"):
        r.decision(hits, issuer_unit_id="d555", signer="A\x07")
