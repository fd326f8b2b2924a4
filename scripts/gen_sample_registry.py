#!/usr/bin/python3
"""Writes data/units/phu-yen.json and the SAMPLE registry data/registry/sample-registry.json.

Deterministic (a fixed seed, no clock): running it twice gives the same bytes. Standard library
only. The units are real names (partial: see data/units/README.md); every exemplar, model,
person and decision in the registry is invented and the document says so in its "note".
Usage: scripts/gen_sample_registry.py [--national] [ROOT]

--national: take the units from the national register (data/units/national/units.json, see its
README) instead of the hand lists below: Tỉnh Phú Yên, its district- and commune-level units
with their official codes, validity dates, `basis` and links as the register has them, the
Đắk Lắk units of 01/07/2025 that succeed them and the old Tỉnh Đắk Lắk (the new province's
other predecessor, without its own units). Links to units outside that extract are dropped.
Not yet the default: the tests and documents still quote the hand-list sample.
"""
import json
import pathlib
import random
import sys

ARGS = [a for a in sys.argv[1:] if a != "--national"]
NATIONAL = "--national" in sys.argv[1:]
ROOT = pathlib.Path(ARGS[0] if ARGS else pathlib.Path(__file__).resolve().parent.parent)
REGISTER = pathlib.Path(__file__).resolve().parent.parent / "data/units/national/units.json"
PC = "peoples_committee"
END = "2025-06-30"
NEW = "2025-07-01"

# District-level units of Phú Yên before 01/07/2025: (id, name).
DISTRICTS = [
    ("py-tuy-hoa", "Thành phố Tuy Hòa"),
    ("py-song-cau", "Thị xã Sông Cầu"),
    ("py-dong-hoa", "Thị xã Đông Hòa"),
    ("py-tuy-an", "Huyện Tuy An"),
    ("py-dong-xuan", "Huyện Đồng Xuân"),
    ("py-son-hoa", "Huyện Sơn Hòa"),
    ("py-song-hinh", "Huyện Sông Hinh"),
    ("py-tay-hoa", "Huyện Tây Hòa"),
    ("py-phu-hoa", "Huyện Phú Hòa"),
]

# Communes of Đắk Lắk from 01/07/2025 (a subset): (id, name).
NEW_COMMUNES = [
    ("dl-phuong-tuy-hoa", "Phường Tuy Hòa"),
    ("dl-phuong-phu-lam", "Phường Phú Lâm"),
    ("dl-phuong-binh-kien", "Phường Bình Kiến"),
    ("dl-phuong-song-cau", "Phường Sông Cầu"),
    ("dl-phuong-xuan-dai", "Phường Xuân Đài"),
    ("dl-phuong-dong-hoa", "Phường Đông Hòa"),
    ("dl-phuong-hoa-hiep", "Phường Hòa Hiệp"),
    ("dl-xa-hoa-xuan", "Xã Hòa Xuân"),
    ("dl-xa-tuy-an-bac", "Xã Tuy An Bắc"),
    ("dl-xa-o-loan", "Xã Ô Loan"),
    ("dl-xa-dong-xuan", "Xã Đồng Xuân"),
    ("dl-xa-xuan-lanh", "Xã Xuân Lãnh"),
    ("dl-xa-son-hoa", "Xã Sơn Hòa"),
    ("dl-xa-suoi-trai", "Xã Suối Trai"),
    ("dl-xa-song-hinh", "Xã Sông Hinh"),
    ("dl-xa-ea-ly", "Xã Ea Ly"),
    ("dl-xa-tay-hoa", "Xã Tây Hòa"),
    ("dl-xa-hoa-thinh", "Xã Hòa Thịnh"),
    ("dl-xa-phu-hoa-1", "Xã Phú Hòa 1"),
    ("dl-xa-phu-hoa-2", "Xã Phú Hòa 2"),
]

# Commune-level units of 2020-2025 (a subset): (id, name, district, successor).
OLD_COMMUNES = [
    ("py-tuy-hoa-phuong-1", "Phường 1", "py-tuy-hoa", "dl-phuong-tuy-hoa"),
    ("py-tuy-hoa-phuong-2", "Phường 2", "py-tuy-hoa", "dl-phuong-tuy-hoa"),
    ("py-tuy-hoa-phuong-4", "Phường 4", "py-tuy-hoa", "dl-phuong-tuy-hoa"),
    ("py-tuy-hoa-phuong-7", "Phường 7", "py-tuy-hoa", "dl-phuong-tuy-hoa"),
    ("py-tuy-hoa-phuong-9", "Phường 9", "py-tuy-hoa", "dl-phuong-tuy-hoa"),
    ("py-tuy-hoa-phu-lam", "Phường Phú Lâm", "py-tuy-hoa", "dl-phuong-phu-lam"),
    ("py-tuy-hoa-phu-thanh", "Phường Phú Thạnh", "py-tuy-hoa", "dl-phuong-phu-lam"),
    ("py-tuy-hoa-phu-dong", "Phường Phú Đông", "py-tuy-hoa", "dl-phuong-phu-lam"),
    ("py-tuy-hoa-binh-kien", "Xã Bình Kiến", "py-tuy-hoa", "dl-phuong-binh-kien"),
    ("py-tuy-hoa-hoa-kien", "Xã Hòa Kiến", "py-tuy-hoa", "dl-phuong-binh-kien"),
    ("py-tuy-hoa-binh-ngoc", "Xã Bình Ngọc", "py-tuy-hoa", "dl-phuong-binh-kien"),
    ("py-tuy-hoa-an-phu", "Xã An Phú", "py-tuy-hoa", "dl-phuong-phu-lam"),
    ("py-song-cau-xuan-phu", "Phường Xuân Phú", "py-song-cau", "dl-phuong-song-cau"),
    ("py-song-cau-xuan-yen", "Phường Xuân Yên", "py-song-cau", "dl-phuong-song-cau"),
    ("py-song-cau-xuan-thanh", "Phường Xuân Thành", "py-song-cau", "dl-phuong-xuan-dai"),
    ("py-song-cau-xuan-dai", "Phường Xuân Đài", "py-song-cau", "dl-phuong-xuan-dai"),
    ("py-tuy-an-chi-thanh", "Thị trấn Chí Thạnh", "py-tuy-an", "dl-xa-o-loan"),
    ("py-tuy-an-an-dan", "Xã An Dân", "py-tuy-an", "dl-xa-tuy-an-bac"),
    ("py-tuy-an-an-ninh-dong", "Xã An Ninh Đông", "py-tuy-an", "dl-xa-tuy-an-bac"),
    ("py-tuy-an-an-cu", "Xã An Cư", "py-tuy-an", "dl-xa-o-loan"),
    ("py-dong-xuan-la-hai", "Thị trấn La Hai", "py-dong-xuan", "dl-xa-dong-xuan"),
    ("py-dong-xuan-xuan-long", "Xã Xuân Long", "py-dong-xuan", "dl-xa-dong-xuan"),
    ("py-dong-xuan-xuan-lanh", "Xã Xuân Lãnh", "py-dong-xuan", "dl-xa-xuan-lanh"),
    ("py-son-hoa-cung-son", "Thị trấn Củng Sơn", "py-son-hoa", "dl-xa-son-hoa"),
    ("py-son-hoa-son-ha", "Xã Sơn Hà", "py-son-hoa", "dl-xa-son-hoa"),
    ("py-son-hoa-suoi-trai", "Xã Suối Trai", "py-son-hoa", "dl-xa-suoi-trai"),
    ("py-song-hinh-hai-rieng", "Thị trấn Hai Riêng", "py-song-hinh", "dl-xa-song-hinh"),
    ("py-song-hinh-ea-ly", "Xã Ea Ly", "py-song-hinh", "dl-xa-ea-ly"),
    ("py-song-hinh-duc-binh-dong", "Xã Đức Bình Đông", "py-song-hinh", "dl-xa-song-hinh"),
    ("py-tay-hoa-phu-thu", "Thị trấn Phú Thứ", "py-tay-hoa", "dl-xa-tay-hoa"),
    ("py-tay-hoa-hoa-thinh", "Xã Hòa Thịnh", "py-tay-hoa", "dl-xa-hoa-thinh"),
    ("py-tay-hoa-hoa-binh-1", "Xã Hòa Bình 1", "py-tay-hoa", "dl-xa-tay-hoa"),
    ("py-phu-hoa-tt-phu-hoa", "Thị trấn Phú Hòa", "py-phu-hoa", "dl-xa-phu-hoa-2"),
    ("py-phu-hoa-hoa-an", "Xã Hòa An", "py-phu-hoa", "dl-xa-phu-hoa-2"),
    ("py-phu-hoa-hoa-thang", "Xã Hòa Thắng", "py-phu-hoa", "dl-xa-phu-hoa-2"),
    ("py-phu-hoa-hoa-tri", "Xã Hòa Trị", "py-phu-hoa", "dl-xa-phu-hoa-2"),
    ("py-phu-hoa-hoa-quang-nam", "Xã Hòa Quang Nam", "py-phu-hoa", "dl-xa-phu-hoa-2"),
    ("py-phu-hoa-hoa-quang-bac", "Xã Hòa Quang Bắc", "py-phu-hoa", "dl-xa-phu-hoa-1"),
    ("py-phu-hoa-hoa-dinh-dong", "Xã Hòa Định Đông", "py-phu-hoa", "dl-xa-phu-hoa-1"),
    ("py-phu-hoa-hoa-dinh-tay", "Xã Hòa Định Tây", "py-phu-hoa", "dl-xa-phu-hoa-1"),
    ("py-phu-hoa-hoa-hoi", "Xã Hòa Hội", "py-phu-hoa", "dl-xa-phu-hoa-1"),
]

# Đông Hòa: a district until 31/05/2020, a thị xã from 01/06/2020 (Nghị quyết
# 931/NQ-UBTVQH14). Its communes changed parent, so each is two units: (key, name before,
# name after, successor in 2025).
DONG_HOA = [
    ("hoa-vinh", "Thị trấn Hòa Vinh", "Phường Hòa Vinh", "dl-phuong-dong-hoa"),
    ("hoa-hiep-trung", "Thị trấn Hòa Hiệp Trung", "Phường Hòa Hiệp Trung", "dl-phuong-hoa-hiep"),
    ("hoa-hiep-bac", "Xã Hòa Hiệp Bắc", "Phường Hòa Hiệp Bắc", "dl-phuong-hoa-hiep"),
    ("hoa-xuan-tay", "Xã Hòa Xuân Tây", "Phường Hòa Xuân Tây", "dl-phuong-dong-hoa"),
    ("hoa-xuan-dong", "Xã Hòa Xuân Đông", "Xã Hòa Xuân Đông", "dl-xa-hoa-xuan"),
    ("hoa-tam", "Xã Hòa Tâm", "Xã Hòa Tâm", "dl-xa-hoa-xuan"),
]


def unit(id_, name, level, parent=None, valid_from=None, valid_to=None, predecessors=(),
         successors=()):
    return {"id": id_, "name": name, "kind": PC, "level": level, "parent": parent,
            "valid_from": valid_from, "valid_to": valid_to,
            "predecessors": list(predecessors), "successors": list(successors)}


def build_units():
    preds = {nid: [] for nid, _ in NEW_COMMUNES}
    units = [unit("phu-yen", "Tỉnh Phú Yên", "province", valid_to=END, successors=["dak-lak"])]
    for did, dname in DISTRICTS:
        if did == "py-dong-hoa":
            units.append(unit("py-dong-hoa-huyen", "Huyện Đông Hòa", "district", "phu-yen",
                              valid_to="2020-05-31", successors=["py-dong-hoa"]))
            units.append(unit(did, dname, "district", "phu-yen", "2020-06-01", END,
                              predecessors=["py-dong-hoa-huyen"]))
        else:
            units.append(unit(did, dname, "district", "phu-yen", valid_to=END))
    for cid, cname, did, succ in OLD_COMMUNES:
        units.append(unit(cid, cname, "commune", did, valid_to=END, successors=[succ]))
        preds[succ].append(cid)
    for key, before, after, succ in DONG_HOA:
        old, new = f"py-dong-hoa-huyen-{key}", f"py-dong-hoa-{key}"
        units.append(unit(old, before, "commune", "py-dong-hoa-huyen", valid_to="2020-05-31",
                          successors=[new]))
        units.append(unit(new, after, "commune", "py-dong-hoa", "2020-06-01", END,
                          predecessors=[old], successors=[succ]))
        preds[succ].append(new)
    units.append(unit("dak-lak", "Tỉnh Đắk Lắk", "province", valid_from=NEW,
                      predecessors=["phu-yen"]))
    for nid, nname in NEW_COMMUNES:
        units.append(unit(nid, nname, "commune", "dak-lak", valid_from=NEW,
                          predecessors=preds[nid]))
    return units


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


def build_registry(units, old_province="phu-yen", new_province="dak-lak"):
    rng = random.Random(20200410)
    by_id = {u["id"]: u for u in units}
    if NATIONAL:  # every commune-level unit of Phú Yên, whatever its days (exists() picks)
        old_communes = [u for u in units if u["level"] == "commune" and u["valid_to"]
                        and u["valid_to"] <= END]
        early_dong_hoa = []
    else:
        old_communes = [u for u in units if u["level"] == "commune" and u["valid_to"] == END]
        early_dong_hoa = [u for u in units if u["id"].startswith("py-dong-hoa-huyen-")]
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
            pool = early_dong_hoa + old_communes if reg < "2020-06-01" else old_communes
            pool = [u for u in pool if exists(u, reg)]
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
                by = home["id"]
                # With the register's units a commune may have ended before the recognition
                # (2024, 2025): the one carrying it on then decides (its first successor).
                u = home
                while NATIONAL and not exists(u, rec) and u["successors"]:
                    u = by_id[u["successors"][0]]
                by = u["id"] if NATIONAL else by
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
    units = build_national_units() if NATIONAL else build_units()
    dump(ROOT / "data/units/phu-yen.json", {"schema": "danvan/units", "version": 1, "units": units})
    registry = {
        "schema": "danvan/registry",
        "version": 3,
        "note": "SAMPLE DATA — dữ liệu mẫu: every exemplar, model, person and decision in this "
                "file is invented for demonstrations (generated by scripts/gen_sample_registry.py); "
                "only the unit names are real." if not NATIONAL else
                "SAMPLE DATA — dữ liệu mẫu: every exemplar, model, person and decision in this "
                "file is invented for demonstrations (generated by scripts/gen_sample_registry.py "
                "--national); the units are real, an extract of the national register "
                "data/units/national/units.json.",
        "recognition_years": None,
        "fields": [{"id": "xay-dung-nong-thon-moi", "name": "xây dựng nông thôn mới"}],
        "grades": [],
        "forms": [],
        "units": units,
        "entries": [canonical_entry(e) for e in (
            build_registry(units, NAT_OLD, NAT_NEW) if NATIONAL else build_registry(units))],
    }
    dump(ROOT / "data/registry/sample-registry.json", registry)


if __name__ == "__main__":
    main()
