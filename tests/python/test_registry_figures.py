"""Reported figures from Python (issue 11): counts a source gives for a unit and a period,
held by the registry apart from its entries, compared with the entries' counts and shown
beside the statistics, never added to them.

The registry is built here (two entries of Phú Yên in 2021), so every expected count below
follows from it: the C++ tests (tests/registry_figures_test.cpp) cover the rules; these check
that the bindings pass figures, comparisons and errors through unchanged.
"""

import copy
import json
import pickle

import pytest

import danvan
from conftest import ROOT, eval_repr

ET = danvan.EventType
FC = danvan.FigureCategory
FQ = danvan.FigureQualifier
FA = danvan.FigureAgreement
UNITS_PATH = ROOT / "data" / "units" / "phu-yen.json"
SOURCE = "Báo Phú Yên, 2021"


def registry() -> danvan.Registry:
    """a: a collective model of xã Hòa An, registered 01/03/2021, recognised "2021" by the
    district; b: an individual of huyện Phú Hòa, registered 01/03/2021 only."""
    r = danvan.Registry(danvan.UnitHierarchy.from_json(UNITS_PATH.read_text(encoding="utf-8")))
    reg = danvan.Event(type=ET.registered, date="2021-03-01")
    rec = danvan.Event(type=ET.recognised, date="2021", level=danvan.Level.district)
    r.add(danvan.Entry(id="a", name="Mô hình đường giao thông", unit_id="c22315",
                       field_ids=["kinh-te"], events=[reg, rec]))
    r.add(danvan.Entry(id="b", subject=danvan.Subject.individual, name="Cán bộ tiếp dân",
                       unit_id="d563", field_ids=["kinh-te"], events=[reg]))
    return r


def figures() -> list[danvan.ReportedFigure]:
    return [
        # The district's recognitions of 2021: 1, as the entries say.
        danvan.ReportedFigure(unit_id="d563", period="2021", category=FC.recognised,
                              value=1, source=SOURCE,
                              quote="Năm 2021, huyện công nhận 1 mô hình"),
        # "hơn 800" individuals registered in the province: the registry holds 1.
        danvan.ReportedFigure(unit_id="p54", period="2021", category="registered",
                              subject="individual", value=800, qualifier="at_least",
                              source=SOURCE),
        # The commune's registrations over a phase.
        danvan.ReportedFigure(unit_id="c22315", period="2021-2022",
                              category=FC.registered, value=1, source=SOURCE),
    ]


def with_figures() -> danvan.Registry:
    r = registry()
    for f in figures():
        r.add_figure(f)
    return r


def test_added_compared_and_never_summed():
    r = with_figures()
    assert r.figures == tuple(figures())
    found = r.compare_figures()
    assert all(isinstance(c, danvan.FigureComparison) for c in found)
    assert [(c.figure.unit_id, c.from_entries, c.agreement) for c in found] == [
        ("d563", 1, FA.agrees), ("p54", 1, FA.below),
        ("c22315", 1, FA.agrees)]
    assert found[1].agreement == "below"
    # A unit's subtree; a period the figures must lie within.
    assert [c.figure.unit_id for c in r.compare_figures(unit_id="d563")] == [
        "d563", "c22315"]
    assert [c.figure.period for c in r.compare_figures(period="2021")] == ["2021", "2021"]
    assert r.compare_figures(unit_id="c22315", period="2023") == []
    # A figure not added compares too.
    extra = danvan.ReportedFigure(unit_id="p54", period="2021", category=FC.effective,
                                  value=5, qualifier=FQ.about, source=SOURCE)
    assert (r.compare_figure(extra).from_entries, r.compare_figure(extra).agreement) == (
        1, FA.below)
    assert r.compare_figure(extra).figure == extra


def test_statistics_show_the_figures_beside_their_counts():
    r = with_figures()
    table = r.stats(2021, unit_id="p54", by="kind")
    assert table.total["recognised"] == 1 and table.total["registered"] == 2
    assert [(c.figure.value, c.from_entries) for c in table.reported] == [(1, 1), (800, 1)]
    assert "Số liệu báo cáo" in table.to_text()
    assert table.to_dict()["reported"][1] == table.reported[1].to_dict()
    assert table.reported[1].to_dict()["agreement"] == "below"
    # Pickles and copies keep them; a table without figures has none.
    back = pickle.loads(pickle.dumps(table))
    assert back == table and back.reported == table.reported
    assert copy.deepcopy(table).reported == table.reported
    assert registry().stats(2021).reported == []
    # A version 1 state (before reported figures) still reads.
    old = ("danvan.StatsTable", 1) + table.__getstate__()[2:12]
    restored = danvan.StatsTable.__new__(danvan.StatsTable)
    restored.__setstate__(old)
    assert restored.total == table.total and restored.reported == []


def test_a_figure_is_a_value():
    f = figures()[1]
    assert (f.unit_id, f.period, f.category, f.field_id, f.level, f.subject, f.kind) == (
        "p54", "2021", FC.registered, None, None, danvan.Subject.individual, None)
    assert (f.value, f.qualifier, f.source, f.quote) == (800, FQ.at_least, SOURCE, None)
    assert eval_repr(f) == f
    assert pickle.loads(pickle.dumps(f)) == f and copy.copy(f) == f
    assert f.to_dict() == {
        "unit_id": "p54", "period": "2021", "category": "registered", "field_id": None,
        "level": None, "subject": "individual", "kind": None, "value": 800,
        "qualifier": "at_least", "source": SOURCE, "quote": None}
    assert danvan.ReportedFigure.from_dict(f.to_dict()) == f
    assert danvan.ReportedFigure(**f.to_dict()) == f
    assert f.to_json_dict()["unit"] == "p54"
    assert danvan.ReportedFigure.from_json_dict(f.to_json_dict()) == f
    assert danvan.ReportedFigure.from_json(f.to_json()) == f
    g = copy.deepcopy(f)
    g.period = "2022-03-01..2022-09-30"
    g.field_id, g.level, g.kind = "kinh-te", danvan.Level.commune, danvan.EntryKind.exemplar
    g.value, g.qualifier, g.quote = 12, "at_most", "không quá 12"
    assert g != f and g.period == "2022-03-01..2022-09-30"
    assert json.loads(g.to_json())["level"] == "commune"


def test_the_registry_document_keeps_its_figures():
    r = with_figures()
    assert r.to_dict()["figures"][1]["qualifier"] == "at_least"
    back = danvan.Registry.from_json(r.to_json())
    assert back == r and back.figures == r.figures
    assert danvan.read_registry(danvan.registry_to_text(r)).figures == r.figures
    assert "figures" not in registry().to_dict()
    assert pickle.loads(pickle.dumps(r)).figures == r.figures


def test_bad_figures_are_refused_with_their_reasons():
    r = with_figures()
    with pytest.raises(danvan.ValueError) as e:
        r.add_figure(danvan.ReportedFigure(unit_id="nowhere", period="2021", value=1,
                                           source=SOURCE))
    assert str(e.value) == 'figure 4: unknown unit "nowhere"'
    with pytest.raises(danvan.ValueError) as e:
        r.add_figure(danvan.ReportedFigure(unit_id="p54", period="2021", value=10**10,
                                           source=SOURCE))
    assert str(e.value) == "figure 4: value 10000000000 is out of range 0..1000000000"
    with pytest.raises(danvan.ValueError) as e:
        r.add_figure(danvan.ReportedFigure(unit_id="p54", period="2021", source=" "))
    assert str(e.value) == "figure 4: the source is empty"
    assert len(r.figures) == 3
    with pytest.raises(danvan.ValueError) as e:
        danvan.ReportedFigure(period="2025-2021")
    assert str(e.value) == 'period "2025-2021": ends before it starts'
    with pytest.raises(danvan.JsonError) as e:
        danvan.ReportedFigure.from_dict(dict(figures()[0].to_dict(), value=-1))
    assert str(e.value) == "/value: -1 is out of range 0..1000000000"
    with pytest.raises(danvan.ValueError):
        r.compare_figures(period="2021-13")
