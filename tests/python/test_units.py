"""Units and the hierarchy over time."""

import copy
import datetime
import pickle

import pytest

import danvan
from conftest import eval_repr, units_sample

D = datetime.date
K, L = danvan.UnitKind, danvan.Level


def ids(units):
    return [u.id for u in units]


def test_unit_fields():
    u = danvan.Unit(id="x", name="Ủy ban nhân dân xã X", kind=K.peoples_committee, level=L.commune,
                    parent_id="p", valid_from=D(2025, 7, 1), valid_to=None,
                    predecessor_ids=["a", "b"], successor_ids=())
    assert (u.id, u.name, u.kind, u.level, u.parent_id, u.valid_from, u.valid_to) == (
        "x", "Ủy ban nhân dân xã X", K.peoples_committee, L.commune, "p", D(2025, 7, 1), None)
    assert u.predecessor_ids == ("a", "b") and u.successor_ids == ()
    assert type(u.valid_from) is D
    assert danvan.Unit() == danvan.Unit(kind=K.other, level=L.province)
    assert repr(danvan.Unit(id="a", name="A")) == "Unit(id='a', name='A')"
    assert eval_repr(u) == u


def test_exists_on_across_boundaries():
    u = danvan.Unit(id="x", name="X", valid_from=D(2020, 1, 1), valid_to=D(2020, 12, 31))
    assert not u.exists_on(D(2019, 12, 31))
    assert u.exists_on(D(2020, 1, 1)) and u.exists_on(D(2020, 2, 29)) and u.exists_on(D(2020, 12, 31))
    assert not u.exists_on(D(2021, 1, 1))
    assert danvan.Unit(id="y", name="Y").exists_on(D(1400, 1, 1))


def test_vietnamese_names():
    assert danvan.vietnamese_name(K.peoples_committee) == "Ủy ban nhân dân"
    assert danvan.vietnamese_name(L.province) == "tỉnh"
    assert all(danvan.vietnamese_name(k) for k in K) and all(danvan.vietnamese_name(x) for x in L)
    assert danvan.vietnamese_name("province") == "tỉnh"  # a Level's value


def test_hierarchy_as_collection():
    h = units_sample()
    assert len(h) == 6
    assert ids(h) == ["phu-yen", "dak-lak", "dak-lak-moi", "tuy-hoa", "phuong-1", "so-noi-vu"]
    assert ids(h.units) == ids(h) and isinstance(h.units, tuple)
    assert h.units[0].id == "phu-yen" and h.units[-1].id == "so-noi-vu"
    assert "tuy-hoa" in h and "nothing" not in h and 3 not in h
    assert h.find("tuy-hoa").level is L.district and h.find("nothing") is None
    assert h.at("phu-yen").successor_ids == ("dak-lak-moi",)
    with pytest.raises(danvan.ValueError, match='^unknown unit "nothing"$'):
        h.at("nothing")


def test_hierarchy_queries():
    h = units_sample()
    before, after = D(2025, 6, 30), D(2025, 7, 1)
    assert ids(h.children(None, before)) == ["phu-yen", "dak-lak"]
    assert ids(h.children("", after)) == ["dak-lak-moi"]
    assert ids(h.children("phu-yen", D(2020, 1, 1))) == ["tuy-hoa", "so-noi-vu"]
    assert ids(h.ancestors("phuong-1", before)) == ["tuy-hoa", "phu-yen"]
    assert ids(h.subtree("phu-yen", before)) == ["phu-yen", "tuy-hoa", "phuong-1", "so-noi-vu"]
    assert h.subtree("phu-yen", after) == []
    assert h.is_within("phuong-1", "phu-yen", before)
    assert h.is_within("phu-yen", "phu-yen", before)
    assert not h.is_within("phuong-1", "dak-lak", before)
    assert ids(h.successors_on("phu-yen", before)) == ["phu-yen"]
    assert ids(h.successors_on("phu-yen", after)) == ["dak-lak-moi"]
    assert ids(h.successors_on("dak-lak", D(2026, 1, 1))) == ["dak-lak-moi"]
    assert h.successors_on("phuong-1", after) == []
    # phuong-1 ended without successors: its records live on with its parent's continuation.
    assert ids(h.carriers_on("phuong-1", after)) == ["dak-lak-moi"]
    assert ids(h.carriers_on("phuong-1", before)) == ["phuong-1"]
    # The reverse: the 2025 province carries everything of the two it merged, in insertion order.
    assert ids(h.carried_into("dak-lak-moi", after)) == [
        "phu-yen", "dak-lak", "dak-lak-moi", "tuy-hoa", "phuong-1", "so-noi-vu"]
    assert ids(h.carried_into("phu-yen", before)) == ["phu-yen", "tuy-hoa", "phuong-1", "so-noi-vu"]
    for query in (h.children, h.ancestors, h.subtree, h.successors_on, h.carriers_on,
                  h.carried_into):
        with pytest.raises(danvan.ValueError, match='^unknown unit "nothing"$'):
            query("nothing", before)
    assert h.children("phu-yen", "2020-01-01") == h.children("phu-yen", D(2020, 1, 1))
    with pytest.raises(TypeError):
        h.children("phu-yen", 20200101)


def test_hierarchy_validation():
    with pytest.raises(danvan.ValueError) as e:
        danvan.UnitHierarchy([danvan.Unit(id="x", name="X", parent_id="y")])
    assert str(e.value) == 'unit "x": parent "y" does not exist'
    with pytest.raises(danvan.ValueError) as e:
        danvan.UnitHierarchy([danvan.Unit(id="x", name="X", level=L.district)])
    assert str(e.value) == ('unit "x": the district level ended on 2025-06-30, so a district-level '
                            'unit needs a valid_to')
    h = danvan.UnitHierarchy()
    h.add(danvan.Unit(id="x", name="X", parent_id="y"))  # links are checked by validate()
    with pytest.raises(danvan.ValueError, match='^unit "x": parent "y" does not exist$'):
        h.validate()
    h.add(danvan.Unit(id="y", name="Y"))
    h.validate()
    with pytest.raises(danvan.ValueError):
        h.add(danvan.Unit(id="y", name="Y again"))
    assert len(h) == 2


def test_hierarchy_documents_and_copies():
    h = units_sample()
    data = h.to_json_dict()
    assert data["schema"] == "danvan/units" and data["version"] == danvan.json_version
    assert data["units"][0] == h.units[0].to_json_dict()
    assert danvan.UnitHierarchy.from_json_dict(data) == h
    assert danvan.UnitHierarchy.from_json(h.to_json()) == h
    assert danvan.format_document(h.to_json()) == h.to_json()
    assert danvan.Unit.from_json_dict(data["units"][3]) == h.at("tuy-hoa")
    assert eval_repr(h) == h
    assert repr(danvan.UnitHierarchy()) == "UnitHierarchy()"
    for c in (copy.copy(h), copy.deepcopy(h), pickle.loads(pickle.dumps(h))):
        assert c == h
    # Pickling keeps an unvalidated hierarchy as it is.
    loose = danvan.UnitHierarchy()
    loose.add(danvan.Unit(id="x", name="X", parent_id="y"))
    assert pickle.loads(pickle.dumps(loose)) == loose


def test_unit_from_dict_problems():
    with pytest.raises(danvan.JsonError) as e:
        danvan.Unit.from_dict({"id": "x", "name": "X", "kind": "army", "level": "province",
                               "valid_from": "2020-04"})
    assert e.value.problems == [("/valid_from", 'expected a whole day "YYYY-MM-DD", got "2020-04"')]


def test_load_and_save_units(tmp_path):
    from conftest import ROOT
    source = ROOT / "data" / "units" / "phu-yen.json"
    units = danvan.load_units(source)
    assert isinstance(units, danvan.UnitHierarchy)
    assert units == danvan.UnitHierarchy.from_json(source.read_text(encoding="utf-8"))
    assert "p54" in units and units.at("p54").name == "Tỉnh Phú Yên"
    assert units.at("p54").valid_to == D(2025, 6, 30)
    # Writing gives back the same bytes (canonical), through str or os.PathLike paths.
    target = tmp_path / "units.json"
    danvan.save_units(units, target)
    assert target.read_bytes() == source.read_bytes()
    danvan.save_units(units, str(target))
    assert danvan.load_units(str(target)) == units
    sample = units_sample()
    danvan.save_units(sample, target)
    assert danvan.load_units(target) == sample


def test_load_and_save_units_errors(tmp_path):
    from conftest import PLAN_PATH
    with pytest.raises(danvan.IoError) as e:
        danvan.load_units(tmp_path / "missing.json")
    assert str(e.value) == f"{tmp_path / 'missing.json'}: No such file or directory"
    with pytest.raises(danvan.JsonError) as e:
        danvan.load_units(PLAN_PATH)
    assert e.value.problems[0] == ("/schema", 'expected "danvan/units", got "danvan/plan"')
    # An invalid hierarchy is refused before anything is written.
    orphan = danvan.UnitHierarchy()
    orphan.add(danvan.Unit(id="xa-a", name="Xã A", kind=K.peoples_committee, level=L.commune,
                           parent_id="huyen-b"))
    target = tmp_path / "units.json"
    with pytest.raises(danvan.ValueError) as e:
        danvan.save_units(orphan, target)
    assert str(e.value) == 'unit "xa-a": parent "huyen-b" does not exist'
    assert not target.exists()
    with pytest.raises(danvan.IoError) as e:
        danvan.save_units(units_sample(), tmp_path / "no" / "units.json")
    assert e.value.path == str(tmp_path / "no" / "units.json")


def test_unit_code_and_basis_survive_repr_copy_and_pickle():
    u = danvan.Unit(id="c22015-20250701", name="Phường Tuy Hòa",
                    kind=K.administrative_unit, level=L.commune, code="22015",
                    basis="1660/NQ-UBTVQH15 khoản 90 Điều 1")
    assert (u.code, u.basis) == ("22015", "1660/NQ-UBTVQH15 khoản 90 Điều 1")
    assert "code='22015'" in repr(u)
    for c in (copy.copy(u), copy.deepcopy(u), pickle.loads(pickle.dumps(u))):
        assert c == u and c.code == "22015"
    assert danvan.Unit().code is None and danvan.Unit().basis is None
