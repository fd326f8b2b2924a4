"""The register of units from Python (issue 17): the bundled national register, look-ups by
code, id and name as people write it, as of a day, both ways across the 2025 reorganisation,
and an official list's differences applied as changes dated by the caller."""

import datetime
import pathlib
import pickle

import pytest

import danvan
from conftest import ROOT

D = datetime.date
NATIONAL = ROOT / "data" / "units" / "national" / "units.json"


@pytest.fixture(scope="module")
def national() -> danvan.UnitRegister:
    return danvan.load_unit_register()


def names(units):
    return [u.name for u in units]


def test_the_bundled_register_is_found_and_loaded(national):
    assert pathlib.Path(danvan.bundled_units_path()).resolve() == NATIONAL.resolve()
    assert len(national) == 14176
    assert repr(national) == "<UnitRegister: 14176 units>"
    assert "p01" in national and "x" not in national and 1 not in national
    assert len(danvan.load_unit_register(NATIONAL)) == 14176
    assert len(danvan.load_unit_register(str(NATIONAL))) == 14176


def test_data_dir_from_the_environment(tmp_path, monkeypatch):
    (tmp_path / "units" / "national").mkdir(parents=True)
    small = tmp_path / "units" / "national" / "units.json"
    small.write_text(danvan.UnitHierarchy([danvan.Unit(id="p01", name="Thành phố Hà Nội",
                                                       code="01")]).to_json(), "utf-8")
    monkeypatch.setenv("DANVAN_DATA_DIR", str(tmp_path))
    assert danvan.bundled_units_path() == str(small)
    assert len(danvan.load_unit_register()) == 1
    # An empty folder is looked past: the installed data or the source tree's is found.
    monkeypatch.setenv("DANVAN_DATA_DIR", str(tmp_path / "empty"))
    assert pathlib.Path(danvan.bundled_units_path()).resolve() == NATIONAL.resolve()


def test_counts_per_level_on_key_days(national):
    L = danvan.Level
    assert [national.count_on(D(2025, 6, 30), lv) for lv in (L.province, L.district, L.commune)] \
        == [63, 696, 10035]
    assert [national.count_on("2025-07-01", lv) for lv in ("province", "district", "commune")] \
        == [34, 0, 3321]
    assert len(national.on(D(2025, 7, 1), "province")) == 34
    assert len(national.on(D(2025, 7, 1))) == 34 + 3321


def test_by_code_and_id(national):
    # Codes are reused: 22015 was Phường 1 of Tuy Hòa until 31/10/2024 (merged by
    # 1193/NQ-UBTVQH15), then Phường Tuy Hòa from 01/07/2025.
    carriers = national.by_code("22015")
    assert [u.id for u in carriers] == ["c22015", "c22015-20250701"]
    [today] = national.by_code("22015", D(2026, 1, 1))
    assert (today.name, today.valid_from) == ("Phường Tuy Hòa", D(2025, 7, 1))
    assert [u.name for u in national.by_code("22015", D(2024, 10, 31))] == ["Phường 1"]
    assert national.by_code("22015", D(2025, 6, 30)) == []
    assert national.by_code("99999") == [] and national.by_code("99999", D(2026, 1, 1)) == []
    assert national.resolve("22015", "2026-01-01") == today
    assert national.resolve("c22015-20250701", D(2020, 1, 1)) == today  # an id, any day
    assert national.find("c22015-20250701") == today and national.find("nope") is None
    assert national.parent_of(today.id).name == "Tỉnh Đắk Lắk"
    assert national.parent_of("p01") is None
    with pytest.raises(danvan.ValueError) as e:
        national.resolve("99999", D(2026, 1, 1))
    assert str(e.value) == 'no unit has id or code "99999" on 2026-01-01'
    with pytest.raises(danvan.ValueError) as e:
        national.parent_of("nope")
    assert str(e.value) == 'unknown unit "nope"'


def test_find_by_name_as_people_write_it(national):
    for written in ("P. Tuy Hoà", "phuong tuy hoa", "Tuy Hòa", "TUY HOA"):
        assert [u.id for u in national.find_by_name(written, D(2026, 1, 1))] == \
            ["c22015-20250701"], written
    # A type word given must match; "xã Tuy Hòa" names no commune that day.
    assert national.find_by_name("xã Tuy Hòa", D(2026, 1, 1)) == []
    # Ambiguous over all time: the Hòa An of Phú Hòa and of Krông Pắc, and later ones.
    hoa_an = national.find_by_name("xã Hòa An")
    assert {"c22315", "c24511"} <= {u.id for u in hoa_an}
    assert [u.id for u in national.find_by_name("Hòa An, Krông Pắc")] == ["c24511"]
    assert national.find_by_name("Hà Nội", level=danvan.Level.province)[0].code == "01"
    assert national.find_by_name("") == []


def test_both_ways_across_2025(national):
    # "What is this 2023 commune today?" and "what did this 2026 commune come from?"
    [today] = national.successors_on(national.resolve("22048", D(2023, 1, 1)).id, D(2026, 1, 1))
    assert today.name == "Phường Tuy Hòa"
    came_from = national.predecessors_on("c22240-20250701", D(2025, 6, 30))
    assert sorted(names(came_from)) == sorted([
        "Phường Phú Đông", "Phường Phú Lâm", "Phường Phú Thạnh", "Xã Hòa Thành",
        "Phường Hòa Hiệp Bắc", "Xã Hòa Bình 1"])
    with pytest.raises(danvan.ValueError) as e:
        national.successors_on("nope", D(2026, 1, 1))
    assert str(e.value) == 'unknown unit "nope"'


def test_register_from_a_hierarchy_and_pickle():
    h = danvan.UnitHierarchy([
        danvan.Unit(id="p01", name="Thành phố Hà Nội", level="province", code="01"),
        danvan.Unit(id="c1", name="Phường Ba Đình", level="commune", parent_id="p01",
                    code="00004"),
    ])
    r = danvan.UnitRegister(h)
    assert r.hierarchy == h and len(r) == 2
    back = pickle.loads(pickle.dumps(r))
    assert back.hierarchy == h and back.by_code("00004")[0].id == "c1"
    unchecked = danvan.UnitHierarchy()
    unchecked.add(danvan.Unit(id="c1", name="X", parent_id="p"))  # add() does not check links
    with pytest.raises(danvan.ValueError) as e:
        danvan.UnitRegister(unchecked)
    assert str(e.value) == 'unit "c1": parent "p" does not exist'


def test_wrong_arguments_are_one_line():
    with pytest.raises(TypeError) as e:
        danvan.UnitRegister(5)
    assert str(e.value) == "UnitRegister() argument 'units': expected danvan.UnitHierarchy, got int"
    r = danvan.UnitRegister(danvan.UnitHierarchy())
    with pytest.raises(TypeError) as e:
        r.count_on(5, "province")
    assert str(e.value) == "UnitRegister.count_on() argument 'day': expected datetime.date, got int"
    with pytest.raises(danvan.ValueError):
        r.count_on(D(2025, 1, 1), "canton")
    lst = danvan.read_unit_list_csv("Mã TP,Tỉnh,Mã PX,Xã\n")
    with pytest.raises(TypeError) as e:
        danvan.apply_unit_list(lst, [], D(2026, 1, 1))
    assert str(e.value) == ("apply_unit_list() argument 'units': expected danvan.UnitRegister "
                            "or danvan.UnitHierarchy, got list")
    with pytest.raises(TypeError) as e:
        danvan.compare_unit_list(lst, None, D(2026, 1, 1))
    assert str(e.value) == ("compare_unit_list() argument 'units': expected danvan.UnitRegister "
                            "or danvan.UnitHierarchy, got NoneType")


def small() -> danvan.UnitHierarchy:
    """Hà Nội and Tuyên Quang with three communes (SAMPLE: made for the test)."""
    def unit(id, name, level, parent, code):
        return danvan.Unit(id=id, name=name, kind="administrative_unit", level=level,
                           parent_id=parent, code=code)
    return danvan.UnitHierarchy([
        unit("p01", "Thành phố Hà Nội", "province", None, "01"),
        unit("p02", "Tỉnh Tuyên Quang", "province", None, "08"),
        unit("c1", "Phường Ba Đình", "commune", "p01", "00004"),
        unit("c2", "Phường Ngọc Hà", "commune", "p01", "00008"),
        unit("c3", "Xã Kim Bình", "commune", "p02", "02425"),
    ])


LIST = ("Mã TP,Tỉnh,Mã PX,Xã,Cấp\n"
        "01,Thành phố Hà Nội,00004,Ba Đình,Phường\n"
        "01,Thành phố Hà Nội,00008,Phường Ngọc Hà Mới,\n"
        "01,Thành phố Hà Nội,02425,Xã Kim Bình,Xã\n"
        "08,Tỉnh Tuyên Quang,02500,Xã Mới,Xã\n")


def test_apply_unit_list():
    lst = danvan.read_unit_list_csv(LIST)
    for units in (small(), danvan.UnitRegister(small())):
        update = danvan.apply_unit_list(lst, units, "2026-01-01", basis="SAMPLE 1/NQ-TEST")
        assert update.added == ("c02500",)
        assert update.ended == ()
        assert update.continued == (("c2", "c2-20260101"), ("c3", "c3-20260101"))
        assert repr(update) == "<UnitListUpdate: 1 added, 0 ended, 2 continued>"
        assert [c.kind for c in update.comparison.changes] == ["renamed", "moved", "added"]
        h = update.units
        assert h.at("c2").valid_to == D(2025, 12, 31)
        assert h.at("c2").successor_ids == ("c2-20260101",)
        new = h.at("c2-20260101")
        assert (new.name, new.parent_id, new.valid_from, new.predecessor_ids, new.code,
                new.basis) == ("Phường Ngọc Hà Mới", "p01", D(2026, 1, 1), ("c2",), "00008",
                               "SAMPLE 1/NQ-TEST")
        assert h.at("c3-20260101").parent_id == "p01"
        assert h.at("c02500").parent_id == "p02"
        # The list now matches the units on the day; the day before, the old names hold.
        assert danvan.compare_unit_list(lst, h, D(2026, 1, 1)).changes == ()
        r = danvan.UnitRegister(h)
        assert r.by_code("00008", D(2025, 12, 31))[0].name == "Phường Ngọc Hà"
        assert r.successors_on("c2", D(2026, 1, 1))[0].name == "Phường Ngọc Hà Mới"


def test_apply_unit_list_reports_every_problem():
    shorter = danvan.read_unit_list_csv("Mã TP,Tỉnh,Mã PX,Xã\n01,Thành phố Hà Nội,00004,Ba Đình\n")
    h = small()
    h.add(danvan.Unit(id="c4", name="Xã Không Mã", kind="administrative_unit", level="commune",
                      parent_id="p02"))
    with pytest.raises(danvan.ValueError) as e:
        danvan.apply_unit_list(shorter, h, D(2026, 1, 1))
    assert str(e.value) == (
        'cannot apply the list on 2026-01-01: "c4" (Xã Không Mã) exists on 2026-01-01 but its '
        'parent "p02" ends on 2025-12-31 and the list does not name it elsewhere')
    update = danvan.apply_unit_list(shorter, small(), D(2026, 1, 1))
    assert update.ended == ("p02", "c2", "c3")
    bad = danvan.read_unit_list_csv("Mã TP,Tỉnh,Mã PX,Xã\n01,Hà Nội,00004,\n")
    with pytest.raises(danvan.ValueError) as e:
        danvan.apply_unit_list(bad, small(), D(2026, 1, 1))
    assert str(e.value) == (
        "cannot apply the list on 2026-01-01: 1 rows were not taken (the first: row 2, cell D2: "
        "no commune name); a list is applied whole")


def test_apply_to_the_national_register(national):
    # The register's own list of 01/01/2026 with Phường Tuy Hòa renamed and a commune added.
    day = D(2026, 1, 1)
    rows = ["Mã TP,Tỉnh,Mã PX,Phường Xã"]
    for u in national.on(day, "commune"):
        p = national.parent_of(u.id)
        name = "Phường Tuy An" if u.code == "22015" else u.name
        rows.append(f'{p.code},"{p.name}",{u.code},"{name}"')
    rows.append("66,Tỉnh Đắk Lắk,99999,Xã Thử")
    lst = danvan.read_unit_list_csv("\n".join(rows) + "\n")
    assert lst.problems == ()
    update = danvan.apply_unit_list(lst, national, day, basis="SAMPLE")
    assert (update.added, update.ended, update.continued) == (
        ("c99999",), (), (("c22015-20250701", "c22015-20260101"),))
    r = danvan.UnitRegister(update.units)
    assert [u.name for u in r.find_by_name("Tuy An", day)] == ["Phường Tuy An"]
    assert r.count_on(day, "commune") == 3322
    assert len(r.predecessors_on("c22015-20260101", D(2025, 6, 30))) == \
        len(national.predecessors_on("c22015-20250701", D(2025, 6, 30)))

