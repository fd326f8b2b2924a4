"""scripts/gen_sample_registry.py: the committed sample is what it writes, and with --national
its units are a faithful extract of the national register (run by ctest with DANVAN_CLI set).

The expected units are computed here from data/units/national/units.json on their own (every
unit below Tỉnh Phú Yên, the units those communes went into, the two provinces that made the
new Đắk Lắk), not taken from the generator."""
import json
import os
import pathlib
import subprocess
import sys

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
SCRIPT = ROOT / "scripts/gen_sample_registry.py"
NATIONAL = ROOT / "data/units/national/units.json"
OUTPUTS = ["data/units/phu-yen.json", "data/registry/sample-registry.json"]


def generate(out, *flags):
    p = subprocess.run([sys.executable, str(SCRIPT), *flags, str(out)], capture_output=True,
                       timeout=120)
    assert (p.returncode, p.stderr) == (0, b"")
    return [(out / f).read_bytes() for f in OUTPUTS]


def national():
    return {u["id"]: u for u in json.loads(NATIONAL.read_text("utf-8"))["units"]}


def exists(u, day):
    return (u["valid_from"] is None or u["valid_from"] <= day) and \
        (u["valid_to"] is None or day <= u["valid_to"])


def test_default_output_is_the_committed_sample(tmp_path):
    assert generate(tmp_path) == [(ROOT / f).read_bytes() for f in OUTPUTS]


def test_national_units_are_the_registers_own(tmp_path):
    units_bytes, registry_bytes = generate(tmp_path / "a", "--national")
    assert generate(tmp_path / "b", "--national") == [units_bytes, registry_bytes]
    units = json.loads(units_bytes)["units"]
    reg = national()

    def below_phu_yen(u):
        while u["parent"]:
            if u["parent"] == "p54":
                return True
            u = reg[u["parent"]]
        return False

    old = {i for i, u in reg.items() if below_phu_yen(u)}
    new = {s for i in old for s in reg[i]["successors"]} - old
    expected = old | new | {"p54", "p66", "p66-20250701"}
    assert [u["id"] for u in units] == [i for i in reg if i in expected]  # the register's order
    for u in units:
        r = reg[u["id"]]
        for key in ("name", "kind", "level", "parent", "valid_from", "valid_to", "code",
                    "basis"):
            assert u.get(key) == r.get(key), (u["id"], key)
        for key in ("predecessors", "successors"):  # no link of its own, none dropped inside
            assert u[key] == [x for x in r[key] if x in expected], (u["id"], key)
    assert len([i for i in old if reg[i]["level"] == "district"]) == 10
    assert all(reg[i]["parent"] == "p66-20250701" and reg[i]["valid_from"] == "2025-07-01"
               for i in new)
    by_id = {u["id"]: u for u in units}
    # Every commune of Phú Yên on 30/06/2025 went into a commune of the new Đắk Lắk.
    last_day = [u for u in units if u["id"] in old and u["level"] == "commune"
                and exists(u, "2025-06-30")]
    assert last_day and all(u["successors"] for u in last_day)

    def named(name, parent, day):
        (u,) = [u for u in units if u["name"] == name and u["parent"] == parent
                and exists(u, day)]
        return u

    def later_names(u):
        return sorted(by_id[s]["name"] for s in u["successors"])

    # The facts the hand lists got wrong (1660/NQ-UBTVQH15, 1200/NQ-UBTVQH15).
    assert later_names(named("Phường 9", "d555", "2025-06-30")) == ["Phường Bình Kiến",
                                                                  "Phường Tuy Hòa"]
    binh_ngoc = named("Xã Bình Ngọc", "d555", "2024-10-31")
    assert binh_ngoc["valid_to"] == "2024-10-31" and later_names(binh_ngoc) == ["Phường 1"]
    assert not [u for u in units if u["name"] == "Phường Phú Lâm" and exists(u, "2025-07-01")]
    assert named("Phường Phú Yên", "p66-20250701", "2025-07-01")["code"] == "22240"


def test_national_sample_registry_stands_on_its_units(tmp_path):
    _, registry_bytes = generate(tmp_path, "--national")
    doc = json.loads(registry_bytes)
    assert "SAMPLE DATA" in doc["note"] and "data/units/national/units.json" in doc["note"]
    by_id = {u["id"]: u for u in doc["units"]}
    assert len(doc["entries"]) == 320
    for e in doc["entries"]:
        registered = e["events"][0]["date"]
        assert exists(by_id[e["unit"]], registered), e["id"]
        for ev in e["events"]:
            named = ([ev["by"]] if ev.get("by") else []) + ev.get("units", [])
            assert all(exists(by_id[u], ev["date"]) for u in named), (e["id"], ev)
    # The library reads it, and under today's Đắk Lắk (--current-units) it counts every entry,
    # as in the whole registry: the register's links carry each old commune into a new one.
    path = tmp_path / OUTPUTS[1]

    def counts(*args):
        p = subprocess.run([CLI, "exemplars", "stats", str(path), "--year", "2026", *args,
                            "--format", "json", "--by", "field"], capture_output=True, timeout=60)
        assert (p.returncode, p.stderr) == (0, b"")
        return json.loads(p.stdout)["total"]["counts"]

    whole = counts()
    assert whole["registered"] == sum(1 for e in doc["entries"] for ev in e["events"]
                                      if ev["type"] == "registered"
                                      and ev["date"].startswith("2026"))
    now = counts("--unit", "p66-20250701", "--current-units")
    assert now == whole and whole["effective"] > 100
    then = [counts("--unit", u)["effective"] for u in ("p54", "p66-20250701")]
    assert then[0] > 0 and then[1] > 0 and sum(then) == whole["effective"]


# The progress sample's units in the register, written out here by hand from the GSO codes.
PROGRESS_IDS = {"phu-yen": "p54", "py-tuy-hoa": "d555", "py-song-cau": "d557",
                "py-dong-hoa-huyen": "d564", "py-dong-hoa": "d564-20200601", "py-tuy-an": "d559",
                "py-dong-xuan": "d558", "py-son-hoa": "d560", "py-song-hinh": "d561",
                "py-tay-hoa": "d562", "py-phu-hoa": "d563"}
PROGRESS_OUTPUTS = ["data/progress/phu-yen-2020-progress.json",
                    "data/progress/phu-yen-2020-reports.json"]


def reports_sample(out, *flags):
    script = ROOT / "scripts/gen_sample_reports.py"
    p = subprocess.run([sys.executable, str(script), *flags, str(out)], capture_output=True,
                       timeout=120)
    assert (p.returncode, p.stderr) == (0, b"")
    return [json.loads((out / f).read_bytes()) for f in PROGRESS_OUTPUTS]


def test_progress_sample_default_is_committed_and_national_differs_only_in_units(tmp_path):
    progress, reports = reports_sample(tmp_path / "a")
    assert [progress, reports] == [json.loads((ROOT / f).read_bytes()) for f in PROGRESS_OUTPUTS]
    n_progress, n_reports = reports_sample(tmp_path / "b", "--national")

    def renamed(v):
        if isinstance(v, dict):
            return {k: renamed(x) for k, x in v.items()}
        if isinstance(v, list):
            return [renamed(x) for x in v]
        return PROGRESS_IDS.get(v, v)

    # Every figure, target and activity as before; only the unit ids are the register's.
    assert n_reports == renamed(reports) and n_reports != reports
    assert dict(n_progress, units=None) == dict(renamed(progress), units=None)
    reg = national()
    ids = set(PROGRESS_IDS.values())
    assert [u["id"] for u in n_progress["units"]] == \
        [PROGRESS_IDS.get(u["id"], u["id"]) for u in progress["units"]]
    for u in n_progress["units"]:
        if u["id"] not in ids:  # the two agencies: not administrative units
            assert u["kind"] == "administrative_agency" and u["parent"] == "p54"
            continue
        r = reg[u["id"]]
        assert {k: u.get(k) for k in r if k not in ("predecessors", "successors")} == \
            {k: r[k] for k in r if k not in ("predecessors", "successors")}
        for key in ("predecessors", "successors"):
            assert u[key] == [x for x in r[key] if x in ids]
    assert reg["d564"]["successors"] == ["d564-20200601"]  # 931/NQ-UBTVQH14 kept
    # The library reads it and finds the same completeness for the province.
    rows = []
    for out, unit in ((tmp_path / "a", "phu-yen"), (tmp_path / "b", "p54")):
        p = subprocess.run([CLI, "progress", *(str(out / f) for f in PROGRESS_OUTPUTS),
                            "--as-of", "2021-01-10", "--format", "csv"], capture_output=True,
                           timeout=60)
        assert (p.returncode, p.stderr) == (0, b"")
        (row,) = [r for r in p.stdout.decode("utf-8-sig").splitlines()
                  if r.startswith(f"completeness,2020,{unit},")]
        rows.append(row.split(",", 3)[3])
    assert rows[0] == rows[1]
