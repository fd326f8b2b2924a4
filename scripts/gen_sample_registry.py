#!/usr/bin/python3
"""Writes data/units/phu-yen.json and the SAMPLE registry data/registry/sample-registry.json.

Deterministic (a fixed seed, no clock): running it twice gives the same bytes. Standard library
only. The units are real (below); every exemplar, model, person and decision in the registry
is invented and the document says so in its "note".
Usage: scripts/gen_sample_registry.py [--national] [ROOT]
       (ROOT: default the repository containing this script)

The units are the national register's (data/units/national/units.json, see its README):
Tỉnh Phú Yên, its district- and commune-level units with their official codes, validity dates,
`basis` and links as the register has them, the Đắk Lắk units of 01/07/2025 that succeed them
and the old Tỉnh Đắk Lắk (the new province's other predecessor, without its own units). Links
to units outside that extract are dropped. `--national` (which chose the register when the
default was a hand-written list of units) is still accepted and changes nothing.
"""
import json
import pathlib
import random
import sys

ARGS = [a for a in sys.argv[1:] if a != "--national"]
ROOT = pathlib.Path(ARGS[0] if ARGS else pathlib.Path(__file__).resolve().parent.parent)
REGISTER = pathlib.Path(__file__).resolve().parent.parent / "data/units/national/units.json"
END = "2025-06-30"
NEW = "2025-07-01"

# The national register's ids of the provinces the sample is about.
NAT_OLD, NAT_NEW, NAT_OLD_DAK_LAK = "p54", "p66-20250701", "p66"
UNIT_KEYS = ["id", "name", "kind", "level", "parent", "valid_from", "valid_to", "predecessors",
             "successors", "code", "basis"]  # the library's canonical order


def build_national_units(register=REGISTER):
    """Phú Yên's units and their 2025 successors, copied from the national register."""
    units = json.loads(register.read_text(encoding="utf-8"))["units"]
    by_id = {u["id"]: u for u in units}
    districts = {u["id"] for u in units if u["parent"] == NAT_OLD and u["level"] == "district"}
    communes = {u["id"] for u in units if u["parent"] in districts}
    later = {s for c in communes for s in by_id[c]["successors"]} - communes
    keep = {NAT_OLD, NAT_NEW, NAT_OLD_DAK_LAK} | districts | communes | later
    for uid in sorted(later):
        if by_id[uid]["parent"] != NAT_NEW or by_id[uid]["valid_from"] != NEW:
            sys.exit(f"{REGISTER}: {uid} succeeds a Phú Yên commune but is not a commune of "
                     f"{NAT_NEW} from {NEW}")
    out = []
    for u in units:  # the register's order
        if u["id"] not in keep:
            continue
        c = {k: u[k] for k in UNIT_KEYS if k in u}
        c["predecessors"] = [x for x in u["predecessors"] if x in keep]
        c["successors"] = [x for x in u["successors"] if x in keep]
        out.append(c)
    return out


def dump(path, doc):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


FIELD_ORDER = ["kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri",
               "xay-dung-nong-thon-moi"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ",
          "Ngô", "Dương", "Lương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Đức", "Xuân", "Thu", ""]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Hòa", "Hùng", "Lan", "Linh", "Mai",
         "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến", "Ánh", "Đạt"]
COLLECTIVE = [
    ("Dân vận khéo trong cải cách thủ tục hành chính", ["xay-dung-he-thong-chinh-tri"]),
    ("Dân vận khéo trong xây dựng nông thôn mới", ["xay-dung-nong-thon-moi", "kinh-te"]),
    ("Tổ hợp tác nuôi tôm an toàn", ["kinh-te"]),
    ("Con đường bê tông do dân góp công", ["xay-dung-nong-thon-moi"]),
    ("Camera an ninh khu dân cư", ["quoc-phong-an-ninh"]),
    ("Tổ tự quản bảo vệ môi trường", ["van-hoa-xa-hoi"]),
    ("Sân chơi thiếu nhi ngày hè", ["van-hoa-xa-hoi"]),
    ("Chi hội phụ nữ tiết kiệm giúp nhau thoát nghèo", ["kinh-te", "van-hoa-xa-hoi"]),
    ("Dân vận khéo trong giải phóng mặt bằng", ["kinh-te", "xay-dung-he-thong-chinh-tri"]),
    ("Tuyến đường hoa, cây xanh", ["xay-dung-nong-thon-moi", "van-hoa-xa-hoi"]),
    ("Tổ hòa giải ở cơ sở", ["quoc-phong-an-ninh", "xay-dung-he-thong-chinh-tri"]),
    ("Bộ phận một cửa thân thiện", ["xay-dung-he-thong-chinh-tri"]),
]
INDIVIDUAL = [
    ("Cán bộ tiếp dân tận tình", ["xay-dung-he-thong-chinh-tri"]),
    ("Nông dân sản xuất giỏi, giúp đỡ hộ nghèo", ["kinh-te"]),
    ("Trưởng thôn vận động hiến đất làm đường", ["xay-dung-nong-thon-moi"]),
    ("Công an viên gần dân", ["quoc-phong-an-ninh"]),
    ("Giáo viên vận động học sinh ra lớp", ["van-hoa-xa-hoi"]),
]


def build_registry(units, old_province=NAT_OLD, new_province=NAT_NEW):
    rng = random.Random(20200410)
    by_id = {u["id"]: u for u in units}
    # Every commune-level unit of Phú Yên, whatever its days (exists() picks).
    old_communes = [u for u in units if u["level"] == "commune" and u["valid_to"]
                    and u["valid_to"] <= END]
    new_communes = [u for u in units if u["level"] == "commune" and u["valid_from"] == NEW]

    def exists(u, day):
        return (u["valid_from"] is None or u["valid_from"] <= day) and \
               (u["valid_to"] is None or day <= u["valid_to"])

    def ancestor(u, level):
        while u and u["level"] != level:
            u = by_id.get(u["parent"]) if u["parent"] else None
        return u

    def day(year, lo=1, hi=12):
        m = rng.randint(lo, hi)
        return f"{year}-{m:02d}-{rng.randint(1, 28):02d}"

    def later(d, months_lo, months_hi, limit="2026-10-31"):
        y, m, dd = map(int, d.split("-"))
        m += rng.randint(months_lo, months_hi)
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        out = f"{y}-{m:02d}-{min(dd, 28):02d}"
        return out if out <= limit else None

    entries = []
    decisions = 0
    for n in range(1, 321):
        year = 2020 + (n - 1) % 7
        reg = day(year, 1, 10)
        if reg < NEW:
            pool = [u for u in old_communes if exists(u, reg)]
        else:
            pool = new_communes
        home = rng.choice(pool)
        if rng.random() < 0.15 and reg < NEW:
            home = ancestor(home, "district")
        individual = rng.random() < 0.35
        if individual:
            title, fields = rng.choice(INDIVIDUAL)
            middle = rng.choice(MIDDLE)
            person = " ".join(p for p in (rng.choice(FAMILY), middle, rng.choice(GIVEN)) if p)
            name = f"{title}: {person}"
        else:
            title, fields = rng.choice(COLLECTIVE)
            person = None
            name = f"{title} ({home['name']})"
        events = [{"type": "registered", "date": reg}]
        d = reg
        rec = later(d, 2, 7)
        revoked = False
        if rec and rng.random() < 0.8:
            lvl = rng.choice(["commune", "commune", "district", "province"])
            if lvl == "district" and (rec >= NEW or home["level"] == "district"):
                lvl = "province"
            if lvl == "commune" and home["level"] != "commune":
                lvl = "province"
            if lvl == "commune":
                # A commune may have ended before the recognition (2024, 2025): the one
                # carrying it on then decides (its first successor).
                u = home
                while not exists(u, rec) and u["successors"]:
                    u = by_id[u["successors"][0]]
                by = u["id"]
            else:
                a = ancestor(home, lvl) if rec < NEW else None
                if a is None or not exists(a, rec):
                    a, lvl = by_id[old_province if rec < NEW else new_province], "province"
                by = a["id"]
            decisions += 1
            events.append({"type": "recognised", "date": rec, "level": lvl, "by": by,
                           "decision": f"{100 + decisions}/QĐ-UBND" if rng.random() < 0.7 else None})
            d = rec
            if rng.random() < 0.4:
                c = later(d, 0, 3)
                if c:
                    kind = "awarded" if rng.random() < 0.4 else "commended"
                    events.append({"type": kind, "date": c,
                                   "decision": f"{300 + n}/QĐ-UBND" if kind == "awarded" else None})
                    d = c
            if rng.random() < 0.35:
                c = later(d, 1, 6)
                if c:
                    targets = [u for u in units if u["level"] == "commune" and exists(u, c)]
                    picks = sorted(rng.sample(range(len(targets)), k=rng.randint(1, 3)))
                    events.append({"type": "replicated", "date": c,
                                   "units": [targets[i]["id"] for i in picks]})
                    d = c
            y = int(d[:4]) + 1
            while y <= 2026:
                c = f"{y}-{rng.randint(11, 12) if y < 2026 else 10}-{rng.randint(1, 28):02d}"
                if c <= d:
                    y += 1
                    continue
                effective = rng.random() < 0.85
                events.append({"type": "reevaluated", "date": c, "year": y, "effective": effective})
                d = c
                if not effective and rng.random() < 0.5:
                    r = later(d, 1, 3)
                    if r:
                        events.append({"type": "revoked", "date": r, "decision": None})
                        revoked = True
                    break
                y += 1
        del revoked
        entries.append({"id": f"mh-{year}-{n:03d}", "kind": "model" if not individual and rng.random() < 0.7 else "exemplar",
                        "subject": "individual" if individual else "collective", "name": name,
                        "unit": home["id"], "fields": sorted(fields, key=FIELD_ORDER.index),
                        "description": f"Mẫu: {title.lower()} tại {home['name']}, đăng ký năm {year}.",
                        "person": person, "events": events})
    return entries


# The keys of each event type, in the canonical order of version 3 of danvan/registry.
EVENT_KEYS = {
    "registered": ["level"],
    "recognised": ["level", "by", "decision", "grade", "status"],
    "commended": ["level", "by", "decision", "form", "status"],
    "awarded": ["level", "by", "decision", "form", "status"],
    "revoked": ["decision"],
    "replicated": ["units"],
    "reevaluated": ["year", "effective"],
    "promoted": ["kind", "decision"],
}


def canonical_entry(e):
    """The entry in the canonical key order of version 3 (unknown keys written as null)."""
    events = []
    for ev in e["events"]:
        out = {"type": ev["type"], "date": ev["date"]}
        for k in EVENT_KEYS[ev["type"]]:
            out[k] = ev.get(k, "decided" if k == "status" else None)
        events.append(out)
    return {"id": e["id"], "kind": e["kind"], "subject": e["subject"], "name": e["name"],
            "unit": e["unit"], "places": e.get("places", []), "fields": e["fields"],
            "description": e["description"], "person": e["person"], "events": events}


def main():
    units = build_national_units()
    dump(ROOT / "data/units/phu-yen.json", {"schema": "danvan/units", "version": 1, "units": units})
    registry = {
        "schema": "danvan/registry",
        "version": 3,
        "note": "SAMPLE DATA — dữ liệu mẫu: every exemplar, model, person and decision in this "
                "file is invented for demonstrations (generated by scripts/gen_sample_registry.py "
                "--national); the units are real, an extract of the national register "
                "data/units/national/units.json.",
        "recognition_years": None,
        "fields": [{"id": "xay-dung-nong-thon-moi", "name": "xây dựng nông thôn mới"}],
        "grades": [],
        "forms": [],
        "units": units,
        "entries": [canonical_entry(e) for e in build_registry(units)],
    }
    dump(ROOT / "data/registry/sample-registry.json", registry)


if __name__ == "__main__":
    main()
