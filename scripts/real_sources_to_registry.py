#!/usr/bin/python3
"""Converts the real-source transcriptions (data/registry/real/sources/*.json) into registry
documents (schema danvan/registry, version 2) in data/registry/real/registries/.

One registry per source that names at least one entry the registry can take. Only what the
source says is written; the rules (data/registry/real/README.md, "Registries") are:

- Units: every unit of the source, with the province / district / commune it names as its
  parents (added when the source names them only as the unit's parents). Levels from the
  unit type (tỉnh → province; huyện, thị xã, thành phố, quận → district; xã, phường, thị
  trấn, thôn, ấp, tổ dân phố → commune; an agency, organisation or Party cell takes its
  parent's level). A district, and everything under it, ends on 30/06/2025 (districts were
  abolished on 01/07/2025; the hierarchy requires it).
- An entry per list row: its kind, subject (unknown when the source does not say), name (the
  model's own title, else the name as written), fields (none when not given: "không rõ"),
  person, owner unit (the unit the source names as owner; an owner the source names only in
  words becomes a unit under the unit whose list names the row, at its level; with no owner
  named, that unit itself) and place unit; the description keeps the name as written
  and the quote.
- Events: the row's event with its date at the precision given, level, grade, form and
  decision number; the entry's history starts with it (a registration the source does not
  give stays unknown). A row with no dated event, or whose event the registry cannot hold, is not
  converted; `--report` lists each with the reason.
- Reported figures: every count the source states for a year, a phase or a date range, in a
  category the statistics count (registered, recognised, effective, commended, replicated,
  proposed, promoted), broken down at most by field, level, subject and kind, with its
  qualifier ("hơn 800": at_least), the source (publisher, date, title, URL) and the quote.
  Figures "to date", changes, percentages, context counts (participants, "implemented") and
  breakdowns the registry cannot hold (grade, form, novelty, other qualifiers) are not
  converted; `--report` lists each with the reason. A source with figures but no entry gives a
  registry of its units and figures.

Usage:
  scripts/real_sources_to_registry.py            write the registries
  scripts/real_sources_to_registry.py --check    exit 1 when a bundled file differs
  scripts/real_sources_to_registry.py --report   print what was and was not taken
Standard library only.
"""
import json
import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "registry" / "real" / "sources"
OUT = ROOT / "data" / "registry" / "real" / "registries"

PROVINCE_TYPES = {"tỉnh", "thành phố (tỉnh)"}
DISTRICT_TYPES = {"huyện", "thị xã", "thành phố", "quận"}
COMMUNE_TYPES = {"xã", "phường", "thị trấn"}
BELOW_COMMUNE = {"thôn", "ấp", "tổ dân phố"}
DISTRICTS_END = "2025-06-30"

FIELDS = {"economy": "kinh-te", "culture_society": "van-hoa-xa-hoi",
          "defence_security": "quoc-phong-an-ninh",
          "political_system": "xay-dung-he-thong-chinh-tri"}
GRADES = {"excellent": "xuat-sac", "good": "tot", "fair": "kha"}
BUILTIN_FORMS = {"bieu_duong", "tuyen_duong", "giay_khen", "bang_khen", "co_thi_dua",
                 "huan_chuong"}
DECLARED_FORMS = {"giay_chung_nhan": "Giấy chứng nhận"}
# Row event types the registry holds as events (a "mentioned" row records no event).
# Source figure categories that are columns of the statistics.
FIGURE_CATEGORIES = {"registered", "recognised", "effective", "commended", "replicated",
                     "proposed", "promoted"}
# "giver" (who recognised or commended, as written) does not narrow what is counted; it stays
# in the figure's quote.
FIGURE_BREAKDOWN = {"field", "field_as_written", "level", "subject", "kind", "giver"}
EVENT_TYPES = {"registered": "registered", "recognised": "recognised",
               "commended": "commended", "promoted": "promoted", "replicated": "replicated"}


def slug(text):
    """ASCII id: "Thượng Kiệm" -> "thuong-kiem"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "x"


def unit_level(unit_type):
    if unit_type in PROVINCE_TYPES:
        return "province"
    if unit_type in DISTRICT_TYPES:
        return "district"
    if unit_type in COMMUNE_TYPES or unit_type in BELOW_COMMUNE:
        return "commune"
    return None  # an agency, organisation or Party cell: its parent's level


def unit_kind(unit_type, name):
    if unit_type in PROVINCE_TYPES | DISTRICT_TYPES | COMMUNE_TYPES:
        return "administrative_unit"
    return owner_kind(name) if unit_type != "chi bộ" else "party_committee"


def owner_kind(words):
    """The kind of an owner named in words (an agency, organisation, Party cell)."""
    w = words.lower()
    if w.startswith("chi bộ") or w.startswith("đảng ủy") or w.startswith("đảng uỷ"):
        return "party_committee"
    if "công an" in w:
        return "police"
    if "biên phòng" in w or "quân sự" in w or "bộ đội" in w:
        return "army"
    if "mặt trận" in w:
        return "fatherland_front"
    if w.startswith("hội ") or w.startswith("đoàn ") or "chi hội" in w or "chi đoàn" in w:
        return "socio_political_organisation"
    return "other"


class Converter:
    """Builds the registry document of one source."""

    def __init__(self, source):
        self.src = source
        self.units = {}  # id -> unit dict (insertion order = hierarchy order once sorted)
        self.by_key = {}  # the source's unit key -> registry unit id
        self.skipped = []  # (row id, reason)
        self.skipped_figures = []  # (figure id, reason)
        self.fields = {}
        self.forms = {}

    # Units ------------------------------------------------------------------------------
    def add_unit(self, uid, name, kind, level, parent, ends):
        if uid not in self.units:
            self.units[uid] = {"id": uid, "name": name, "kind": kind, "level": level,
                               "parent": parent, "valid_from": None,
                               "valid_to": DISTRICTS_END if ends else None,
                               "predecessors": [], "successors": []}
        return uid

    def find_named(self, types, name, province):
        for u in self.src["units"]:
            if u["unit_type"] in types and u["name"] == name and u["province"] == province:
                return u["key"]
        return None

    def parent_chain(self, u):
        """The registry id of the unit's nearest named parent, adding the ones not listed."""
        prov = u["province"]
        parent = None
        if prov and u["unit_type"] not in PROVINCE_TYPES:
            key = self.find_named(PROVINCE_TYPES, prov, prov)
            parent = self.unit_of(key) if key else self.add_unit(
                "tinh-" + slug(prov), prov, "administrative_unit", "province", None, False)
        dist = u["district"]
        if dist and u["unit_type"] not in PROVINCE_TYPES | DISTRICT_TYPES:
            key = self.find_named(DISTRICT_TYPES, dist, prov)
            parent = self.unit_of(key) if key else self.add_unit(
                "huyen-" + slug(dist), dist, "administrative_unit", "district", parent, True)
        com = u["commune"]
        if com and u["unit_type"] not in PROVINCE_TYPES | DISTRICT_TYPES | COMMUNE_TYPES:
            key = self.find_named(COMMUNE_TYPES, com, prov)
            parent = self.unit_of(key) if key else self.add_unit(
                "xa-" + slug(com), com, "administrative_unit", "commune", parent,
                dist is not None)
        return parent

    def unit_of(self, key):
        if key in self.by_key:
            return self.by_key[key]
        u = next(x for x in self.src["units"] if x["key"] == key)
        uid = slug(key)
        self.by_key[key] = uid  # before the parents: no cycles through a self-named parent
        parent = self.parent_chain(u)
        level = unit_level(u["unit_type"]) or (
            self.units[parent]["level"] if parent else "province")
        ends = level == "district" or (parent is not None and
                                       self.units[parent]["valid_to"] is not None)
        name = u["name"] if unit_level(u["unit_type"]) is None else (
            f'{u["unit_type"].replace(" (tỉnh)", "")} {u["name"]}')
        self.add_unit(uid, name, unit_kind(u["unit_type"], u["name"]), level, parent, ends)
        return uid

    def main_unit(self):
        """The unit whose list or report this is: the unit of the first figure, else the
        first unit listed."""
        figures = self.src["figures"]
        key = figures[0]["unit"] if figures else self.src["units"][0]["key"]
        return self.unit_of(key)

    def owner_unit(self, row):
        owner = row["owner"]
        if owner and owner.get("unit"):
            return self.unit_of(owner["unit"])
        if owner and owner.get("as_written"):
            parent = self.main_unit()
            p = self.units[parent]
            uid = self.add_unit(f'{row["id"]}-{slug(owner["as_written"])}'[:100],
                                owner["as_written"], owner_kind(owner["as_written"]),
                                p["level"], parent, p["valid_to"] is not None)
            return uid
        return self.main_unit()

    # Entries ----------------------------------------------------------------------------
    def event(self, row):
        ev = row["event"]
        kind = EVENT_TYPES.get(ev["type"])
        if kind is None:
            return None, f'the source records no event ("{ev["type"]}")'
        if ev["date"] is None:
            return None, ("no date at a year, month or day precision (" +
                          (f'given as "{ev["date_as_given"]}"' if ev["date_as_given"]
                           else "none given") + ")")
        if kind == "replicated":
            return None, "replicated to places the source names only in words (no unit)"
        out = {"type": kind, "date": ev["date"]}
        if kind in ("registered", "recognised", "commended"):
            out["level"] = row["level"]
        if kind in ("recognised", "commended"):
            out["by"] = None
            decision = ev.get("decision")
            out["decision"] = decision["number"] if decision else None
        if kind == "recognised":
            out["grade"] = GRADES.get(row["grade"]) if row["grade"] else None
            out["status"] = "decided"
        if kind == "commended":
            form = ev.get("form")
            if form in DECLARED_FORMS:
                self.forms[slug(form)] = DECLARED_FORMS[form]
            out["form"] = slug(form) if form else None
            out["status"] = "decided"
        return out, None

    def entry(self, row):
        event, why = self.event(row)
        if event is None:
            return None, why
        place = self.unit_of(row["place"]["unit"]) if (
            row["place"] and row["place"].get("unit")) else None
        owner = self.owner_unit(row)
        fields = []
        if row["field"] == "other":
            fid = slug(row["field_as_written"])
            self.fields[fid] = row["field_as_written"]
            fields = [fid]
        elif row["field"]:
            fields = [FIELDS[row["field"]]]
        description = row["name_as_written"]
        if row["quote"]:
            description += " — " + row["quote"]
        return {
            "id": row["id"],
            "kind": row["kind"],
            "subject": row["subject"] or "unknown",
            "name": row["title"] or row["name_as_written"],
            "unit": owner,
            "places": [place] if place and place != owner else [],
            "fields": fields,
            "description": description,
            "person": row["person"],
            "events": [event],
        }, None

    # Reported figures ---------------------------------------------------------------------
    def figure(self, f):
        """(the registry's reported figure, None) or (None, why not)."""
        if f["measure"] != "count":
            return None, f'a {f["measure"]}, not a count'
        if f["category"] not in FIGURE_CATEGORIES:
            return None, f'category "{f["category"]}" is not a column of the statistics'
        period = period_of(f["period"])
        if period is None:
            return None, f'period "{f["period"]["as_given"]}" is not a year, phase or range'
        b = dict(f.get("breakdown") or {})
        status = b.pop("status", None)
        if status is not None and (status == "proposed") != (f["category"] == "proposed"):
            return None, f'status "{status}" in category "{f["category"]}"'
        other = sorted(set(b) - FIGURE_BREAKDOWN)
        if other:
            return None, "broken down by " + ", ".join(other)
        field = None
        if b.get("field") == "other":
            field = slug(b["field_as_written"])
            self.fields[field] = b["field_as_written"]
        elif b.get("field"):
            field = FIELDS[b["field"]]
        s = self.src["source"]
        source = f'{s["publisher"]}, {s["date_as_given"] or "undated"}'
        if s["title"]:
            source += f': "{s["title"]}"'
        source += f', {s["url"]}'
        return {
            "unit": self.unit_of(f["unit"]),
            "period": period,
            "category": f["category"],
            "field": field,
            "level": b.get("level"),
            "subject": b.get("subject"),
            "kind": b.get("kind") if b.get("kind") in ("model", "exemplar") else None,
            "value": f["value"],
            "qualifier": f["qualifier"],
            "source": source,
            "quote": f["quote"],
        }, None

    def document(self):
        for u in self.src["units"]:
            self.unit_of(u["key"])
        entries = []
        for row in self.src["rows"]:
            entry, why = self.entry(row)
            if entry is None:
                self.skipped.append((row["id"], why))
            else:
                entries.append(entry)
        figures = []
        for f in self.src["figures"]:
            figure, why = self.figure(f)
            if figure is None:
                self.skipped_figures.append((f["id"], why))
            else:
                figures.append(figure)
        s = self.src["source"]
        note = (f'Real data, not SAMPLE: entries named and figures given by "{s["title"]}" ('
                f'{s["publisher"]}, '
                f'{s["date_as_given"]}), {s["url"]}; transcribed in '
                f'data/registry/real/sources/{self.src["id"]}.json and converted by '
                "scripts/real_sources_to_registry.py (only what the source says).")
        return {
            "schema": "danvan/registry", "version": 3, "note": note,
            "recognition_years": None,
            "fields": [{"id": k, "name": v} for k, v in sorted(self.fields.items())],
            "grades": [],
            "forms": [{"id": k, "name": v} for k, v in sorted(self.forms.items())],
            "units": order_units(self.units),
            "entries": entries,
            **({"figures": figures} if figures else {}),
        }


def period_of(period):
    """ "2022", "2021-2025" or "2022-03-01..2022-09-30" for a source period, or None."""
    first, last = period["from"], period["to"]
    if period["kind"] not in ("year", "phase", "range") or not first or not last:
        return None
    if len(first) == 4 and len(last) == 4:
        return first if first == last else f"{first}-{last}"
    return f"{start_day(first)}..{end_day(last)}"


def start_day(iso):
    return iso + "-01-01"[len(iso) - 4:] if len(iso) < 10 else iso


def end_day(iso):
    if len(iso) == 10:
        return iso
    if len(iso) == 4:
        return iso + "-12-31"
    y, m = int(iso[:4]), int(iso[5:7])
    days = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][m - 1]
    return f"{iso}-{days:02d}"


def order_units(units):
    """Parents before children, otherwise in the order added."""
    out, seen = [], set()

    def visit(uid):
        if uid in seen:
            return
        parent = units[uid]["parent"]
        if parent:
            visit(parent)
        seen.add(uid)
        out.append(units[uid])
    for uid in units:
        visit(uid)
    return out


def convert(source):
    """(document or None when no entry, [(row id, reason)]) for one source."""
    c = Converter(source)
    doc = c.document()
    return (doc if doc["entries"] or doc.get("figures") else None), c.skipped + c.skipped_figures


def sources():
    for path in sorted(SOURCES.glob("*.json")):
        yield json.loads(path.read_text(encoding="utf-8"))


def text_of(doc):
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def main(argv):
    mode = argv[1] if len(argv) > 1 else "--write"
    expected = {}
    report = []
    for src in sources():
        doc, skipped = convert(src)
        if doc is not None:
            expected[src["id"] + ".json"] = text_of(doc)
        taken = len(doc["entries"]) if doc else 0
        report.append((src["id"], len(src["rows"]), taken, skipped))
    if mode == "--report":
        rows = sum(r[1] for r in report)
        taken = sum(r[2] for r in report)
        print(f"{taken} of {rows} rows taken as entries, in {len(expected)} registries")
        for sid, n, t, skipped in report:
            for rid, why in skipped:
                print(f"  {sid} {rid}: {why}")
        return 0
    if mode == "--check":
        present = {p.name: p.read_text(encoding="utf-8") for p in OUT.glob("*.json")}
        bad = sorted(n for n in set(present) | set(expected)
                     if present.get(n) != expected.get(n))
        for n in bad:
            print(f"{OUT.relative_to(ROOT)}/{n}: differs from what the converter makes "
                  "(run scripts/real_sources_to_registry.py)")
        return 1 if bad else 0
    if mode != "--write":
        print(__doc__, file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    for p in OUT.glob("*.json"):
        if p.name not in expected:
            p.unlink()
    for name, text in expected.items():
        (OUT / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
