#!/usr/bin/python3
"""Build data/units/national/units.json (a danvan/units document) from the raw source files in
data/units/national/raw/ (see data/units/national/README.md for what each file transcribes).

The script checks what the sources state and stops with a message naming the line on any
inconsistency: every name a resolution clause uses must resolve to exactly one old unit, every
old commune-level unit of the covered provinces must be carried into a 2025 unit, and the
totals must equal those the sources print. Output is deterministic (rerunning reproduces the
file byte for byte).

Usage: /usr/bin/python3 scripts/gen_national_units.py [--check]
  --check  do not write; exit 1 when the committed file differs from what would be written.
"""

import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "units" / "national" / "raw"
OUT = ROOT / "data" / "units" / "national" / "units.json"

REFORM_DAY = "2025-07-01"
LAST_OLD_DAY = "2025-06-30"
NQ202 = "202/2025/QH15"
# The per-province resolutions of 16/06/2025 transcribed in raw/: file, province code,
# symbol, the clause that lists the communes not rearranged, and the number of commune-level
# units the resolution says the province has from 01/07/2025.
RESOLUTIONS = [
    ("nq-1660-NQ-UBTVQH15.txt", "66", "1660/NQ-UBTVQH15", "97", 102),
    ("nq-1670-NQ-UBTVQH15.txt", "12", "1670/NQ-UBTVQH15", "37", 38),
    ("nq-1655-NQ-UBTVQH15.txt", "96", "1655/NQ-UBTVQH15", "64", 64),
    ("nq-1661-NQ-UBTVQH15.txt", "11", "1661/NQ-UBTVQH15", "46", 45),
    ("nq-1657-NQ-UBTVQH15.txt", "04", "1657/NQ-UBTVQH15", "57", 56),
]
OLD_LISTS = ["old-54-66-gso-2021.txt", "old-12-gso-2021.txt", "old-95-96-gso-2025.txt",
             "old-11-gso-2025.txt", "old-04-gso-2025.txt"]
CV1027 = "1027/CTK-CSCL"
KIND = "administrative_unit"

COMMUNE_TYPES = {"X": "Xã", "P": "Phường", "T": "Thị trấn", "D": "Đặc khu"}
DISTRICT_TYPES = {"H": "Huyện", "TX": "Thị xã", "TP": "Thành phố", "Q": "Quận"}
PROVINCE_TYPES = {"T": "Tỉnh", "TP": "Thành phố"}


class SourceError(Exception):
    pass


def fail(path, line_no, message):
    raise SourceError(f"{path.name}:{line_no}: {message}")


def data_lines(path):
    """(line number, fields) of the non-comment lines, fields split on '|'."""
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line == "#" or line.startswith("# "):
            continue
        yield no, line


# Old and new tone placement ("Hoà" in the 2021 list, "Hòa" in the resolutions).
TONE_PLACEMENT = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe",
                  "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy",
                  "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}


def spelling_key(name):
    """Strict key: the same letters and marks, ignoring case, tone placement, spaces,
    apostrophes and hyphens (the resolution writes "Ea Chà Rang" where the 2021 list writes
    "Eachà Rang")."""
    s = unicodedata.normalize("NFC", name).lower()
    for old, new in TONE_PLACEMENT.items():
        s = s.replace(old, new)
    return "".join(c for c in s if c.isalnum())


def fold(name):
    """Loose key: no diacritics either (the resolution writes "Ea Khăl" where the 2021 list
    writes "Ea Khal"). Used only when the strict key finds nothing."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    base = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return "".join(c for c in base.lower() if c.isalnum())


def day_suffix(day):
    return day.replace("-", "")


def unit_id(prefix, code, valid_from):
    return f"{prefix}{code}" + (f"-{day_suffix(valid_from)}" if valid_from else "")


def day_before(day):
    import datetime
    d = datetime.date.fromisoformat(day) - datetime.timedelta(days=1)
    return d.isoformat()


class Register:
    def __init__(self):
        self.units = {}
        self.order = []

    def add(self, unit):
        if unit["id"] in self.units:
            raise SourceError(f"duplicate unit id {unit['id']}")
        unit.setdefault("predecessors", [])
        unit.setdefault("successors", [])
        self.units[unit["id"]] = unit
        self.order.append(unit["id"])
        return unit

    def link(self, old_id, new_id):
        old, new = self.units[old_id], self.units[new_id]
        if new_id not in old["successors"]:
            old["successors"].append(new_id)
        if old_id not in new["predecessors"]:
            new["predecessors"].append(old_id)


def make_unit(uid, name, level, parent, code, valid_from=None, valid_to=None, basis=None):
    return {
        "id": uid,
        "name": name,
        "kind": KIND,
        "level": level,
        "parent": parent,
        "code": code,
        "valid_from": valid_from,
        "valid_to": valid_to,
        "basis": basis,
    }


def load_provinces(reg):
    path = RAW / "provinces.txt"
    current = {}  # code -> id of the unit holding that code on LAST_OLD_DAY
    kept = set()
    for no, line in data_lines(path):
        f = line.split("|")
        if f[0] == "O":
            _, code, kind, name = f
            uid = unit_id("p", code, None)
            reg.add(make_unit(uid, f"{PROVINCE_TYPES[kind]} {name}", "province", None, code))
            current[code] = uid
        elif f[0] == "R":
            _, code, kind, name, start, basis = f
            old = reg.units[current[code]]
            old["valid_to"] = day_before(start)
            uid = unit_id("p", code, start)
            reg.add(make_unit(uid, f"{PROVINCE_TYPES[kind]} {name}", "province", None, code,
                              valid_from=start, basis=basis))
            reg.link(old["id"], uid)
            current[code] = uid
        elif f[0] == "K":
            kept.add(f[1])
        elif f[0] == "N":
            _, code, kind, name, olds = f
            uid = unit_id("p", code, REFORM_DAY)
            reg.add(make_unit(uid, f"{PROVINCE_TYPES[kind]} {name}", "province", None, code,
                              valid_from=REFORM_DAY, basis=f"{NQ202} Điều 1"))
            for old_code in olds.split(","):
                if old_code not in current:
                    fail(path, no, f"unknown old province code {old_code}")
                if old_code in kept:
                    fail(path, no, f"province {old_code} is both kept and merged")
                old = reg.units[current[old_code]]
                if old["valid_to"] is not None:
                    fail(path, no, f"province {old_code} merged twice")
                old["valid_to"] = LAST_OLD_DAY
                reg.link(old["id"], uid)
        else:
            fail(path, no, f"unknown line kind {f[0]!r}")
    for code, uid in current.items():
        if reg.units[uid]["valid_to"] is None and code not in kept:
            raise SourceError(f"provinces.txt: province {code} is neither kept nor merged")
    # The unit that holds each 2025 province code from 01/07/2025.
    after = {}
    for uid in reg.order:
        u = reg.units[uid]
        if u["level"] == "province" and u["valid_to"] is None:
            after[u["code"]] = uid
    return current, after


def load_new_communes(reg, provinces_after):
    path = RAW / "communes-2025-1027-CTK-CSCL.txt"
    province = None
    by_name = {}  # (province code, type letter, folded name) -> id
    for no, line in data_lines(path):
        if line.startswith("@"):
            code = line[1:3]
            if code not in provinces_after:
                fail(path, no, f"province {code} does not exist from {REFORM_DAY}")
            province = code
            continue
        code, kind, name = line.split(" ", 2)
        if kind not in COMMUNE_TYPES or len(code) != 5 or not code.isdigit():
            fail(path, no, f"malformed line {line!r}")
        uid = unit_id("c", code, REFORM_DAY)
        reg.add(make_unit(uid, f"{COMMUNE_TYPES[kind]} {name}", "commune",
                          provinces_after[province], code, valid_from=REFORM_DAY))
        key = (province, kind, spelling_key(name))
        if key in by_name:
            fail(path, no, f"two 2025 units named {name!r} in province {province}")
        by_name[key] = uid
    return by_name


def load_old(reg, provinces_current, path, communes, districts):
    """District and commune units of the covered provinces from the GSO 2021 list."""
    province = district = None
    for no, line in data_lines(path):
        if line.startswith("@"):
            province = line[1:3]
            continue
        f = line.split("|")
        if line.startswith("#"):
            dcode, kind, name = f[0][1:], f[1], f[2]
            start = None
            if dcode == "564":
                start = "2020-06-01"  # Thị xã Đông Hòa, 931/NQ-UBTVQH14
            uid = unit_id("d", dcode, start)
            reg.add(make_unit(uid, f"{DISTRICT_TYPES[kind]} {name}", "district",
                              provinces_current[province], dcode, valid_from=start,
                              valid_to=LAST_OLD_DAY,
                              basis="931/NQ-UBTVQH14" if start else None))
            district = (uid, name, start)
            districts[dcode] = (uid, name)
            continue
        code, kind, name = f
        start = district[2]
        uid = unit_id("c", code, start)
        full = f"{COMMUNE_TYPES[kind]} {name}"
        reg.add(make_unit(uid, full, "commune", district[0], code, valid_from=start,
                          valid_to=LAST_OLD_DAY, basis="931/NQ-UBTVQH14" if start else None))
        reg.units[uid]["_district"] = district[1]
        reg.units[uid]["_province"] = province
        if code in communes:
            fail(path, no, f"commune code {code} listed twice")
        communes[code] = uid
    if "564" in districts and "d564" not in reg.units:
        # Huyện Đông Hòa until 31/05/2020 (931/NQ-UBTVQH14 made it a thị xã from 01/06/2020).
        huyen = reg.add(make_unit("d564", "Huyện Đông Hòa", "district", provinces_current["54"],
                                  "564", valid_to="2020-05-31"))
        reg.link(huyen["id"], districts["564"][0])


def apply_changes_2024(reg, communes):
    path = RAW / "changes-54-66-2024.txt"
    for no, line in data_lines(path):
        _, start, basis, absorbed, receiving = line.split("|")
        if absorbed not in communes:
            fail(path, no, f"unknown commune {absorbed}")
        old = reg.units[communes[absorbed]]
        old["valid_to"] = day_before(start)
        for code in receiving.split(","):
            current = reg.units[communes[code]]
            if current["valid_to"] != LAST_OLD_DAY:
                fail(path, no, f"commune {code} already changed")
            current["valid_to"] = day_before(start)
            new_id = f"c{code}-{day_suffix(start)}"
            if new_id not in reg.units:
                unit = make_unit(new_id, current["name"], "commune", current["parent"], None,
                                 valid_from=start, valid_to=LAST_OLD_DAY, basis=basis)
                unit["_district"] = current["_district"]
                unit["_province"] = current["_province"]
                reg.add(unit)
                reg.link(current["id"], new_id)
                communes[code] = new_id
            reg.link(old["id"], new_id)


def parse_old_ref(path, no, ref):
    partial = ref.startswith("~")
    ref = ref.lstrip("~")
    kind, _, rest = ref.partition(":")
    if kind not in ("X", "P", "T"):
        fail(path, no, f"bad unit reference {ref!r}")
    code = None
    if "=" in rest:
        rest, code = rest.split("=")
    district = None
    if "@" in rest:
        rest, district = rest.split("@")
    return {"kind": kind, "name": rest, "district": district, "code": code, "partial": partial}


def resolve_old(reg, path, no, ref, communes, province):
    """The old commune (on LAST_OLD_DAY, in 54 or 66) a clause names."""
    if ref["code"]:
        uid = communes.get(ref["code"])
        if uid is None:
            fail(path, no, f"unknown code {ref['code']}")
        return uid
    candidates = []
    for key in (spelling_key, fold):
        for uid in communes.values():
            u = reg.units[uid]
            if u["valid_to"] != LAST_OLD_DAY or u["_province"] not in old_provinces(reg, province):
                continue
            base = u["name"].split(" ", 1)[1] if not u["name"].startswith("Thị trấn ") \
                else u["name"][len("Thị trấn "):]
            if key(base) != key(ref["name"]):
                continue
            if ref["district"] and fold(u["_district"]) != fold(ref["district"]):
                continue
            candidates.append(uid)
        if candidates:
            break
    if len(candidates) > 1:
        same_kind = [c for c in candidates
                     if reg.units[c]["name"].startswith(COMMUNE_TYPES[ref["kind"]] + " ")]
        candidates = same_kind
    if len(candidates) != 1:
        fail(path, no, f"{ref['name']!r} names {len(candidates)} units on {LAST_OLD_DAY}")
    return candidates[0]


def apply_resolution(reg, communes, new_by_name, file, province, symbol, keep_clause):
    path = RAW / file
    used = set()
    partial_uses = {}
    clauses = 0
    for no, line in data_lines(path):
        f = line.split("|")
        if f[0] == "K":
            _, kind, name = f
            ref = {"kind": kind, "name": name, "district": None, "code": None, "partial": False}
            olds = [ref]
            new_kind, new_name, clause = kind, name, keep_clause
        else:
            clause, new_kind, new_name, refs = f
            olds = [parse_old_ref(path, no, r) for r in refs.split(";")]
            clauses += 1
        new_id = new_by_name.get((province, new_kind, spelling_key(new_name)))
        if new_id is None:
            fail(path, no, f"no 2025 unit {new_name!r} in the {CV1027} list for {province}")
        new = reg.units[new_id]
        if new["basis"] is not None:
            fail(path, no, f"{new_name!r} is made by two clauses")
        new["basis"] = f"{symbol} khoản {clause} Điều 1"
        for ref in olds:
            old_id = resolve_old(reg, path, no, ref, communes, province)
            if ref["partial"]:
                partial_uses.setdefault(old_id, []).append(clause)
            elif old_id in used:
                fail(path, no, f"{ref['name']!r} is moved whole by two clauses")
            else:
                used.add(old_id)
            # The resolution's own spelling and type as of 30/06/2025.
            old = reg.units[old_id]
            old["name"] = f"{COMMUNE_TYPES[ref['kind']]} {ref['name']}"
            reg.link(old_id, new_id)
    for old_id, uses in partial_uses.items():
        if old_id in used or len(uses) < 2:
            raise SourceError(f"{path.name}: {old_id} is split but not wholly distributed")
    missing = [uid for uid in communes.values()
               if reg.units[uid]["valid_to"] == LAST_OLD_DAY
               and reg.units[uid]["_province"] in old_provinces(reg, province)
               and not reg.units[uid]["successors"]]
    if missing:
        raise SourceError(f"{path.name}: no successor for {', '.join(sorted(missing))}")
    return clauses


def old_provinces(reg, province):
    """Codes of the provinces (until 30/06/2025) that make up the 2025 province `province`."""
    cache = reg.__dict__.setdefault("_old_provinces", {})
    if province not in cache:
        new = [u for u in reg.units.values() if u["level"] == "province"
               and u["code"] == province and u["valid_to"] is None][0]
        cache[province] = {reg.units[p]["code"] for p in new["predecessors"]} or {province}
    return cache[province]


def count(reg, level, day, province_prefix=None):
    n = 0
    for u in reg.units.values():
        if u["level"] != level:
            continue
        if (u["valid_from"] or "0000") <= day <= (u["valid_to"] or "9999"):
            n += 1
    return n


def check_totals(reg):
    expected = [
        ("province", "2024-12-31", 63),
        ("province", LAST_OLD_DAY, 63),
        ("province", REFORM_DAY, 34),
        ("commune", REFORM_DAY, 3321),
        ("district", REFORM_DAY, 0),
    ]
    for level, day, n in expected:
        got = count(reg, level, day)
        if got != n:
            raise SourceError(f"{got} {level}-level units on {day}, the sources say {n}")
    by_type = {}
    for u in reg.units.values():
        if u["level"] == "commune" and u["valid_to"] == LAST_OLD_DAY:
            province = u["_province"]
            kind = u["name"].split(" ")[0] if not u["name"].startswith("Thị trấn") else "Thị"
            by_type.setdefault(province, {}).setdefault(kind, 0)
            by_type[province][kind] += 1
    if by_type.get("54") != {"Xã": 82, "Phường": 18, "Thị": 6}:
        raise SourceError(f"Phú Yên on {LAST_OLD_DAY}: {by_type.get('54')}; sources: 82/18/6")
    if sum(by_type.get("66", {}).values()) != 180:
        raise SourceError(f"Đắk Lắk on {LAST_OLD_DAY}: {by_type.get('66')}; sources: 180")
    # Cà Mau after 1252/NQ-UBTVQH15 (in force 01/12/2024): 82 xã, 9 phường, 9 thị trấn.
    if by_type.get("96") != {"Xã": 82, "Phường": 9, "Thị": 9}:
        raise SourceError(f"Cà Mau on {LAST_OLD_DAY}: {by_type.get('96')}; sources: 82/9/9")
    # Điện Biên before 1661/NQ-UBTVQH15: 115 xã, 9 phường, 5 thị trấn (moha.gov.vn).
    if by_type.get("11") != {"Xã": 115, "Phường": 9, "Thị": 5}:
        raise SourceError(f"Điện Biên on {LAST_OLD_DAY}: {by_type.get('11')}; sources: 115/9/5")
    # Cao Bằng before 1657/NQ-UBTVQH15: 161 commune-level units (tinmoi.org, TTXVN).
    if sum(by_type.get("04", {}).values()) != 161:
        raise SourceError(f"Cao Bằng on {LAST_OLD_DAY}: {by_type.get('04')}; sources: 161")
    for _, province, symbol, _, total in RESOLUTIONS:
        parent = [u["id"] for u in reg.units.values() if u["level"] == "province"
                  and u["code"] == province and u["valid_to"] is None][0]
        made = [u for u in reg.units.values() if u["parent"] == parent and u["level"] == "commune"]
        if len(made) != total or any(u["basis"] is None for u in made):
            raise SourceError(f"{province}: {len(made)} communes from {REFORM_DAY}, "
                              f"{sum(u['basis'] is None for u in made)} without a clause; "
                              f"{symbol} says {total}")


def build():
    reg = Register()
    current, after = load_provinces(reg)
    new_by_name = load_new_communes(reg, after)
    communes, districts = {}, {}
    for file in OLD_LISTS:
        load_old(reg, current, RAW / file, communes, districts)
    apply_changes_2024(reg, communes)
    for file, province, symbol, keep_clause, _ in RESOLUTIONS:
        apply_resolution(reg, communes, new_by_name, file, province, symbol, keep_clause)
    check_totals(reg)
    units = []
    for uid in reg.order:
        u = reg.units[uid]
        out = {k: u[k] for k in ("id", "name", "kind", "level", "parent")}
        if u["code"] is not None:
            out["code"] = u["code"]
        out["valid_from"] = u["valid_from"]
        out["valid_to"] = u["valid_to"]
        if u["basis"] is not None:
            out["basis"] = u["basis"]
        out["predecessors"] = u["predecessors"]
        out["successors"] = u["successors"]
        units.append(out)
    document = {"schema": "danvan/units", "version": 1, "units": units}
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def main(argv):
    try:
        text = build()
    except SourceError as e:
        print(f"gen_national_units: {e}", file=sys.stderr)
        return 2
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date; run scripts/gen_national_units.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
