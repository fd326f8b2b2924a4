#!/usr/bin/python3
"""Build data/units/national/units.json (a danvan/units document) from the raw source files in
data/units/national/raw/ (see data/units/national/README.md for what each file transcribes).

The script checks what the sources state and stops with a message naming the line on any
inconsistency: every name a resolution clause uses must resolve to exactly one old unit, every
old commune-level unit of the covered provinces must be carried into a 2025 unit, and the
totals must equal those the sources print. Output is deterministic (rerunning reproduces the
file byte for byte).

Usage: /usr/bin/python3 scripts/gen_national_units.py [--check | --report]
  --check   do not write; exit 1 when the committed file differs from what would be written.
  --report  do not write; list where the sources disagree and how each case was settled.
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


# The statistics office's old -> new commune table of 01/07/2025 (see raw/sources.txt
# [NSO-2025]), transcribed in three parts in source order. It gives the district- and
# commune-level units of the provinces no GSO list is transcribed for (as they stood on
# 30/06/2025) and their links to the 2025 communes; where the resolutions are transcribed
# (COVERED) every one of its rows is checked against the links they make, both ways.
NSO_TABLE = ["nso-old-new-2025-1.txt", "nso-old-new-2025-2.txt", "nso-old-new-2025-3.txt"]
COVERED = {"54", "66", "12", "95", "96", "11", "04"}


def nso_note(note):
    """'whole' or 'part' for a row's note (T, P, G or the note as written)."""
    n = " ".join(note.replace("Nhâp", "Nhập").split())
    if n in ("T", "G", "Đổi tên", "Đổi loại hình") or n.startswith(("Nhập toàn bộ", "Sắp xếp toàn bộ")):
        return "whole"
    if n == "P" or "một phần" in n:
        return "part"
    return None


def district_name(name):
    # The table writes "Thị Xã Kinh Môn" in some rows and "Thị xã Kinh Môn" in others.
    return "Thị xã" + name[len("Thị Xã"):] if name.startswith("Thị Xã") else name


def load_nso_table():
    """(rows, districts, whole districts made into a commune-level unit) of the table."""
    import csv
    rows, districts, specials = [], {}, []
    for file in NSO_TABLE:
        path = RAW / file
        new_province = new = None
        for no, line in data_lines(path):
            tag, body = line[0], line[1:]
            if tag == "@":
                new_province = body.split("|")[0]
            elif tag == "=":
                new = body.split("|")
            elif tag == "!":
                code, name, province = body.split("|")
                if code in districts and districts[code][1] != province:
                    fail(path, no, f"district {code} in provinces {districts[code][1]} and {province}")
                districts.setdefault(code, (district_name(name), province))
            elif tag == "?":
                f = [x.replace("\\n", " ").strip() for x in next(csv.reader([body]))]
                if not any(f[1:]):
                    continue  # a province heading
                if f[3] and not f[4] and f[3].startswith("Khu vực "):
                    continue  # an area a district managed, not a unit (e.g. a coastal flat)
                if f[3] or f[4] or not f[5].startswith("Sắp xếp toàn bộ huyện"):
                    fail(path, no, f"irregular row {body!r}")
                dname, dcode = f[6].rsplit(" (", 1)
                pname, pcode = f[7].rsplit(" (", 1)
                specials.append({"path": path, "no": no, "new_code": f[2], "new_name": f[1],
                                 "new_province": new_province, "district": dcode.rstrip(")"),
                                 "district_name": dname, "province": pcode.rstrip(")"),
                                 "province_name": pname})
            else:
                f = line.split("|")
                if len(f) not in (4, 5) or len(f[0]) != 5 or not f[0].isdigit() or \
                        f[3] not in districts or new is None:
                    fail(path, no, f"malformed row {line!r}")
                kind = nso_note(f[2])
                if kind is None:
                    fail(path, no, f"unknown note {f[2]!r}")
                rows.append({"path": path, "no": no, "new_code": new[0], "new_name": new[1],
                             "new_province": new_province, "code": f[0], "name": f[1].strip(),
                             "kind": kind, "district": f[3],
                             "province": f[4] if len(f) == 5 else districts[f[3]][1]})
    return rows, districts, specials


# Where the table and the 1027/CTK-CSCL list disagree on a 2025 commune's code, the unit is
# found by its name in its province; each case is listed here with what each source says, and
# any other disagreement stops the generator.
NSO_CODE_DISAGREEMENTS = {
}


def new_commune(reg, after, r):
    """The id of the 2025 commune a table row names (by code; see NSO_CODE_DISAGREEMENTS)."""
    new_id = unit_id("c", r["new_code"], REFORM_DAY)
    new = reg.units.get(new_id)
    province = after.get(r["new_province"])
    if new is None or fold(new["name"]) != fold(r["new_name"]) or new["parent"] != province:
        named = [uid for uid, u in reg.units.items() if u["parent"] == province
                 and u["level"] == "commune" and spelling_key(u["name"]) ==
                 spelling_key(r["new_name"])]
        what = (f"{r['new_code']} {r['new_name']}: {CV1027} has "
                f"{new['name'] + ' in ' + new['parent'] if new else 'no such code'}"
                f"{', and ' + ', '.join(named) + ' by that name' if named else ''}")
        DISAGREEMENTS.append(f"{r['path'].name}:{r['no']}: {what}")
        if len(named) == 1:
            return named[0]
        fail(r["path"], r["no"], what)
    return new_id


DISAGREEMENTS = []


def base_key(name):
    """spelling_key of a commune's name without its type word (a xã may have become a
    phường between the lists; the table also writes "Thi trấn", "phường" and no type)."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n and fold(" ".join(words[:n])) in ("thitran", "xa", "phuong", "dackhu"):
            return spelling_key(" ".join(words[n:]))
    return spelling_key(name)


GSO_2025 = ["gso-2025-01-04-1.txt", "gso-2025-01-04-2.txt", "gso-2025-01-04-3.txt"]


def load_gso_2025(reg, current, communes, districts):
    """The district- and commune-level units of the GSO list of 04/01/2025 (the whole
    country, transcribed in three parts) for the provinces not in COVERED; for those, every
    row is checked against the GSO transcriptions already loaded (same list, other file)."""
    province = district = None
    for file in GSO_2025:
        path = RAW / file
        for no, line in data_lines(path):
            tag, body = line[0], line[1:]
            if tag == "@":
                province = body.split("|")[0]
                if province not in current:
                    fail(path, no, f"unknown province {province}")
            elif tag == "#":
                code, name = body.split("|")
                district = unit_id("d", code, None)
                if province in COVERED:
                    known = [uid for uid, u in reg.units.items()
                             if u["level"] == "district" and u["code"] == code]
                    if not known:
                        fail(path, no, f"district {code} {name} is not in the {province} list")
                    district = known[-1]
                    continue
                # Under a province that starts on a known day (Huế, 01/01/2025) the list's
                # units are known from that day: the list shows them as they were then.
                start = reg.units[current[province]]["valid_from"]
                district = unit_id("d", code, start)
                if district in reg.units:
                    fail(path, no, f"district {code} listed twice")
                reg.add(make_unit(district, district_name(name), "district", current[province],
                                  code, valid_from=start, valid_to=LAST_OLD_DAY))
                districts[code] = (district, name)
            elif tag == "?":
                fail(path, no, f"irregular row {body!r}")
            else:
                code, name = line.split("|")
                if len(code) != 5 or not code.isdigit() or not name:
                    fail(path, no, f"malformed row {line!r}")
                if province in COVERED:
                    uid = communes.get(code)
                    if uid is None or base_key(reg.units[uid]["name"]) != base_key(name) and \
                            fold(reg.units[uid]["name"]).find(fold(name).split()[-1]) < 0:
                        GSO_NOTES.append(f"{path.name}:{no}: {code} {name}: the {province} list "
                                         f"has {reg.units[uid]['name'] if uid else 'no such code'}")
                    continue
                start = reg.units[district]["valid_from"]
                uid = unit_id("c", code, start)
                if uid in reg.units:
                    fail(path, no, f"commune {code} listed twice")
                unit = reg.add(make_unit(uid, name, "commune", district, code,
                                         valid_from=start, valid_to=LAST_OLD_DAY))
                unit["_province"] = province
                communes[code] = uid


GSO_NOTES = []


ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7",
         "viii": "8", "ix": "9", "x": "10"}


def base_fold(name):
    """fold of a commune's name without its type word(s) ("Phường Phường Đúc" is written once
    in the list), with "NT"/"N.T" read as "Nông trường" and Roman numerals as digits
    ("Phường IV" / "Phường 4")."""
    words = name.replace("N.T ", "NT ").split()
    for n in (2, 1):
        if len(words) > n and fold(" ".join(words[:n])) in ("thitran", "xa", "phuong", "dackhu"):
            if len(words) > 2 * n and words[n:2 * n] == words[:n]:
                words = words[n:]  # the type written twice
            words = words[n:]
            break
    words = ["Nông trường" if w == "NT" else ROMAN.get(w.lower(), w) for w in words]
    return fold(" ".join(words))


def one_letter_apart(a, b):
    """True when a and b differ in one letter (substituted, added or dropped)."""
    if abs(len(a) - len(b)) > 1:
        return False
    import difflib
    ops = difflib.SequenceMatcher(None, a, b).get_opcodes()
    edits = [(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal"]
    return len(edits) == 1 and max(edits[0]) == 1


def settle_codes(reg, rows, communes):
    """Gives each table row the old unit it names, in the GSO list of 04/01/2025.
    - The code's unit has the row's name (letters compared without marks) -> that unit.
    - Otherwise, the name is that of exactly one other unit of the row's district -> that unit:
      the table wrote another unit's code (e.g. "Xã Đặng Xá,00553": the list has 00553 Xã
      Cổ Bi, 00556 Xã Đặng Xá).
    - Otherwise, the two names are spellings of one name (at least 3/4 of their letters in
      common, e.g. Sà Phìn / Xà Phìn, Phó Bảng / Phố Bảng) -> the code's unit.
    Every row settled by the second or third rule is listed in DISAGREEMENTS (the third as
    SPELLINGS); any other row stops the generator."""
    import difflib
    listed = {}  # (district code, folded name) -> codes on 30/06/2025
    for code, uid in communes.items():
        u = reg.units[uid]
        if u["valid_to"] == LAST_OLD_DAY:
            listed.setdefault((reg.units[u["parent"]]["code"], base_fold(u["name"])),
                              set()).add(code)
    for r in rows:
        uid = communes.get(r["code"])
        unit = reg.units[uid] if uid and reg.units[uid]["valid_to"] == LAST_OLD_DAY else None
        if unit is not None and base_fold(unit["name"]) == base_fold(r["name"]):
            continue
        found = set(listed.get((r["district"], base_fold(r["name"])), set()))
        what = (f"{r['path'].name}:{r['no']}: {r['code']} {r['name']} (district "
                f"{r['district']}): the GSO list has {unit['name'] if unit else 'no unit'} as "
                f"{r['code']}; {r['name']} is {', '.join(sorted(found)) or 'not in it'}")
        if len(found) == 1:
            DISAGREEMENTS.append(what)
            r["code"] = found.pop()
            continue
        a, b = base_fold(unit["name"]) if unit else "", base_fold(r["name"])
        if unit is not None and (difflib.SequenceMatcher(None, a, b).ratio() >= 0.75 or
                                 one_letter_apart(a, b)):
            SPELLINGS.append(f"{r['code']}: {unit['name']} / {r['name']}")
            continue
        if unit is not None and reg.units[unit["parent"]]["code"] == r["district"]:
            # Changed between the list (04/01/2025) and the reform, e.g. the wards of Thị xã
            # Mộc Châu: the list's unit with the row's code is the one that joined.
            CHANGED_2025.append(what)
            continue
        UNPLACED.append((r, what))


SPELLINGS = []
UNPLACED = []
CHANGED_2025 = []
ENDED_2025 = []
GSO_2025_DAY = "2025-01-04"


def districts_by_code(reg):
    return {u["code"]: uid for uid, u in reg.units.items()
            if u["level"] == "district" and u["valid_to"] == LAST_OLD_DAY}


def apply_nso_table(reg, current, after, communes):
    rows, districts, specials = load_nso_table()
    for r in rows + specials:
        r["new_id"] = new_commune(reg, after, r)
        if r["province"] not in current:
            fail(r["path"], r["no"], f"unknown province {r['province']}")
        named = r.get("province_name")
        if named and fold(named) not in fold(reg.units[current[r["province"]]]["name"]):
            # Cồn Cỏ's row gives "Quảng Trị (44)": 44 is Quảng Bình until 30/06/2025 (and the
            # new Quảng Trị after); the name is taken.
            by_name = [c for c, uid in current.items()
                       if fold(reg.units[uid]["name"]).endswith(fold(named))]
            if len(by_name) != 1:
                fail(r["path"], r["no"], f"no province {named!r}")
            DISAGREEMENTS.append(f"{r['path'].name}:{r['no']}: province {named} ({r['province']}): "
                                 f"{r['province']} is {reg.units[current[r['province']]]['name']} "
                                 f"on {LAST_OLD_DAY}; {named} is {by_name[0]}")
            r["province"] = by_name[0]
        if r["district"] in districts and districts[r["district"]][1] != r["province"] and \
                r not in specials:
            DISAGREEMENTS.append(f"{r['path'].name}:{r['no']}: {r['code']} {r['name']}: province "
                                 f"{r['province']}, its district {r['district']} is in "
                                 f"{districts[r['district']][1]}")
            r["province"] = districts[r["district"]][1]
    settle_codes(reg, rows, communes)
    for r in specials:
        # A district with no commune-level units made a special zone (đặc khu) as a whole.
        did = districts_by_code(reg).get(r["district"], "")
        if did not in reg.units or \
                reg.units[did]["parent"] != current[r["province"]] or \
                fold(reg.units[did]["name"]) != fold(r["district_name"]):
            fail(r["path"], r["no"], f"{r['district_name']} ({r['district']}) is not in the GSO "
                                     f"list of {r['province']}")
        reg.link(did, r["new_id"])
    table_links, seen = set(), {}
    unplaced = {id(r) for r, _ in UNPLACED}
    for r in rows:
        if id(r) in unplaced:
            continue
        new_id = r["new_id"]
        if r["province"] in COVERED:
            old_id = communes[r["code"]]
            if new_id not in reg.units[old_id]["successors"]:
                fail(r["path"], r["no"], f"{r['code']} {r['name']} -> {r['new_code']}: not a "
                                         f"link the transcribed resolution makes")
            table_links.add((old_id, new_id))
            continue
        old_id = communes[r["code"]]
        old = reg.units[old_id]
        seen.setdefault(old_id, []).append(r)
        if new_id in old["successors"]:
            fail(r["path"], r["no"], f"{r['code']} -> {r['new_code']} listed twice")
        reg.link(old_id, new_id)
    for old_id, uses in seen.items():
        if {u["kind"] for u in uses} == {"whole"} and len(uses) > 1:
            fail(uses[1]["path"], uses[1]["no"], f"{old_id} moved whole into two units")
    # Units made between the list (04/01/2025) and the reform: in the table, not in the list.
    # Their start is not in the sources; they are given the one day a source shows them.
    for r, _ in UNPLACED:
        uid = unit_id("c", r["code"], LAST_OLD_DAY)
        if uid not in reg.units:
            unit = reg.add(make_unit(uid, r["name"], "commune",
                                     districts_by_code(reg)[r["district"]], r["code"],
                                     valid_from=LAST_OLD_DAY, valid_to=LAST_OLD_DAY))
            unit["_province"] = r["province"]
        reg.link(uid, r["new_id"])
    # Units of the list the table does not carry: ended between 04/01/2025 and 30/06/2025
    # (absorbed by a 2025 resolution not transcribed here); they end on the last day a source
    # shows them.
    for code, uid in communes.items():
        u = reg.units[uid]
        if u["valid_to"] == LAST_OLD_DAY and not u["successors"] and \
                u.get("_province") not in COVERED:
            u["valid_to"] = GSO_2025_DAY
            ENDED_2025.append(f"{code} {u['name']} ({reg.units[u['parent']]['name']})")
    # Both ways: every link the resolutions make for the covered provinces is in the table.
    for uid, u in reg.units.items():
        if u["level"] == "commune" and u["valid_to"] == LAST_OLD_DAY and \
                u.get("_province") in COVERED:
            for new_id in u["successors"]:
                if (uid, new_id) not in table_links:
                    raise SourceError(f"{uid} -> {new_id} (from a resolution) is not in the "
                                      f"old -> new table")


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
        # [national totals]: after the 2023-2025 arrangement, before the 2025 reform.
        ("district", LAST_OLD_DAY, 696),
        ("commune", LAST_OLD_DAY, 10035),
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
    load_gso_2025(reg, current, communes, districts)
    apply_nso_table(reg, current, after, communes)
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
    if "--report" in argv:
        sections = [
            ("table rows whose code the GSO list gives another unit (settled by name)",
             DISAGREEMENTS),
            ("codes whose two sources spell the name differently (the GSO list's kept)",
             sorted(set(SPELLINGS))),
            ("list units changed before the reform (the list's unit joined)", CHANGED_2025),
            ("units made before the reform, not in the list", [w for _, w in UNPLACED]),
            ("list units absorbed before the reform (ended 04/01/2025)", ENDED_2025),
            ("GSO list rows of the covered provinces spelt otherwise there", GSO_NOTES),
        ]
        for title, lines in sections:
            print(f"# {title}: {len(lines)}")
            for line in lines:
                print(line)
        return 0
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date; run scripts/gen_national_units.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
