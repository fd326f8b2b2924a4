"""scripts/gen_sample_registry.py and gen_sample_reports.py: the committed samples are what they
write (byte for byte, with or without the --national they used to need), and their units are a
faithful extract of the national register (run by ctest with DANVAN_CLI set).

The expected units are computed here from data/units/national/units.json on their own (every
unit below Tỉnh Phú Yên, the units those communes went into, the two provinces that made the
new Đắk Lắk), not taken from the generator."""
import datetime
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
    committed = [(ROOT / f).read_bytes() for f in OUTPUTS]
    assert generate(tmp_path / "a") == committed
    assert generate(tmp_path / "b", "--national") == committed  # still accepted: a no-op


def test_units_are_the_registers_own(tmp_path):
    units_bytes, registry_bytes = generate(tmp_path / "a")
    assert generate(tmp_path / "b") == [units_bytes, registry_bytes]
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


def test_sample_registry_stands_on_its_units(tmp_path):
    _, registry_bytes = generate(tmp_path)
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


# The progress sample's units in the register, written out here by hand from the GSO codes
# (Tỉnh Phú Yên 54 and its district-level units of 2020, huyện Đông Hòa 564 becoming a thị xã
# on 01/06/2020), in the sample's order, and the two agencies that are not in the register.
PROGRESS_IDS = ["p54", "d555", "d557", "d564", "d564-20200601", "d559", "d558", "d560", "d561",
                "d562", "d563"]
AGENCIES = ["py-so-noi-vu", "py-thanh-tra"]
PROGRESS_OUTPUTS = ["data/progress/phu-yen-2020-progress.json",
                    "data/progress/phu-yen-2020-reports.json"]


def reports_sample(out, *flags):
    script = ROOT / "scripts/gen_sample_reports.py"
    p = subprocess.run([sys.executable, str(script), *flags, str(out)], capture_output=True,
                       timeout=120)
    assert (p.returncode, p.stderr) == (0, b"")
    return [(out / f).read_bytes() for f in PROGRESS_OUTPUTS]


def test_progress_sample_is_committed_and_on_the_registers_units(tmp_path):
    committed = [(ROOT / f).read_bytes() for f in PROGRESS_OUTPUTS]
    assert reports_sample(tmp_path / "a") == committed
    assert reports_sample(tmp_path / "b", "--national") == committed  # still accepted: a no-op
    progress, reports = (json.loads(b) for b in committed)
    reg = national()
    ids = set(PROGRESS_IDS)
    assert [u["id"] for u in progress["units"]] == PROGRESS_IDS[:1] + AGENCIES + PROGRESS_IDS[1:]
    assert progress["scope"] == AGENCIES + PROGRESS_IDS[1:]
    for u in progress["units"]:
        if u["id"] not in ids:  # the two agencies: not administrative units
            assert u["kind"] == "administrative_agency" and u["parent"] == "p54"
            continue
        r = reg[u["id"]]
        assert {k: u.get(k) for k in r if k not in ("predecessors", "successors")} == \
            {k: r[k] for k in r if k not in ("predecessors", "successors")}
        for key in ("predecessors", "successors"):
            assert u[key] == [x for x in r[key] if x in ids]
    assert reg["d564"]["successors"] == ["d564-20200601"]  # 931/NQ-UBTVQH14 kept
    # Every unit a report, a target or an activity names is one of the sample's.
    named = {r["unit"] for r in reports["reports"]}
    named |= {t["unit"] for i in progress["indicators"] for t in i["targets"]}
    named |= {u for a in progress["activities"]
              for u in a["responsible_units"] + a["participating_units"]}
    assert named <= ids | set(AGENCIES) and "d564" in named and "d564-20200601" in named

    # The library reads it and finds the province's completeness counted here on our own: each
    # unit of the scope owes a report for each month of April..December 2020 at whose end it
    # exists, due 7 days after the month.
    def month_end(m):
        return (datetime.date(2020 + m // 12, m % 12 + 1, 1) - datetime.timedelta(days=1))

    units = {u["id"]: u for u in progress["units"]}
    got = {(r["unit"], int(r["period"][4:])): datetime.date.fromisoformat(r["submitted"])
           for r in reports["reports"]}
    expected = on_time = late = 0
    for uid in progress["scope"]:
        for m in range(4, 13):
            if not exists(units[uid], month_end(m).isoformat()):
                continue
            expected += 1
            if (uid, m) in got:
                if got[(uid, m)] <= month_end(m) + datetime.timedelta(days=7):
                    on_time += 1
                else:
                    late += 1
    assert expected == 9 * 11 and len(got) == on_time + late  # Đông Hòa: 2 + 7 months
    p = subprocess.run([CLI, "progress", *(str(ROOT / f) for f in PROGRESS_OUTPUTS),
                        "--as-of", "2021-01-10", "--format", "csv"], capture_output=True,
                       timeout=60)
    assert (p.returncode, p.stderr) == (0, b"")
    (row,) = [r for r in p.stdout.decode("utf-8-sig").splitlines()
              if r.startswith("completeness,2020,p54,")]
    assert row.split(",")[7:13] == [str(n) for n in (expected, on_time, late,
                                                     expected - on_time - late, 0,
                                                     on_time + late)]
