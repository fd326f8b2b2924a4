#!/usr/bin/python3
"""Checks the real-source transcriptions in data/registry/real/sources/*.json.

The format is described in data/registry/real/sources/README.md. This checks what can be
checked mechanically: the structure and the closed value lists, that every reference
(unit key, part_of) resolves, that quotes stay short, that each figure's printed number
appears in its quote and parses to its value (Vietnamese "." thousands), and that the parts
of a total do not exceed it. It cannot check a quote against the page: that stays a
reading job (the README of data/registry/real says how it was done).

Usage: scripts/check_real_sources.py [DIR]   (exit 1 on any error; prints a summary table)
Standard library only.
"""
import json
import pathlib
import re
import sys

FORMAT = "danvan-real-source"
MAX_QUOTE = 200
ISO_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

DOCUMENT_KINDS = {"news_article", "portal_news", "decision", "report", "list"}
TITLE_FROM = {"headline", "url_slug"}
DATE_FROM = {"text", "url", "page_metadata", None}
SEEN = {"excerpt", "full"}
IDENTIFICATION = {"stated", "from_context"}
PERIOD_KINDS = {"year", "phase", "range", "as_of", "unspecified"}
CATEGORIES = {"registered", "implemented", "effective", "recognised", "commended", "proposed",
              "replicated", "promoted", "participants"}
QUALIFIERS = {"exact", "at_least", "about", "at_most"}
MEASURES = {"count", "change", "percent"}
BREAKDOWN = {
    "field": {"economy", "culture_society", "defence_security", "political_system", "other"},
    "field_as_written": None,
    "level": {"commune", "district", "province", "central"},
    "subject": {"collective", "individual"},
    "kind": {"model", "exemplar", "model_or_exemplar"},
    "grade": {"excellent", "good", "fair"},
    "form": {"bieu_duong", "tuyen_duong", "giay_khen", "bang_khen", "co_thi_dua", "huan_chuong",
             "giay_chung_nhan"},
    "giver": None,
    "status": {"decided", "proposed"},
    "novelty": {"new", "maintained", "upgraded"},
    "distinction": None,
}
EVENT_TYPES = {"registered", "recognised", "commended", "proposed", "promoted", "replicated", "mentioned"}
ROW_KINDS = {"model", "exemplar", None}
ROW_SUBJECTS = {"collective", "individual", None}


class Checker:
    def __init__(self, path):
        self.path = path
        self.errors = []
        self.warnings = []

    def err(self, where, msg):
        self.errors.append(f"{self.path.name}: {where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{self.path.name}: {where}: {msg}")

    def keys(self, where, obj, required, optional=()):
        if not isinstance(obj, dict):
            self.err(where, "expected an object")
            return False
        missing = [k for k in required if k not in obj]
        extra = [k for k in obj if k not in required and k not in optional]
        if missing:
            self.err(where, f"missing {missing}")
        if extra:
            self.err(where, f"unknown keys {extra}")
        return not missing

    def enum(self, where, value, allowed):
        if value not in allowed:
            self.err(where, f"{value!r} is not one of {sorted(a for a in allowed if a) }")

    def text(self, where, value, nullable=True):
        if value is None and nullable:
            return
        if not isinstance(value, str) or not value.strip():
            self.err(where, "expected a non-empty string" + (" or null" if nullable else ""))

    def quote(self, where, value, nullable=False):
        self.text(where, value, nullable)
        if isinstance(value, str) and len(value) > MAX_QUOTE:
            self.err(where, f"quote is {len(value)} characters (at most {MAX_QUOTE})")

    def iso(self, where, value):
        if value is not None and (not isinstance(value, str) or not ISO_PARTIAL.match(value)):
            self.err(where, f"expected YYYY, YYYY-MM or YYYY-MM-DD or null, got {value!r}")


def parse_vn_number(text):
    """'2.071' -> 2071, '66,7' -> 66.7, '15' -> 15."""
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        return int(text.replace(".", ""))
    if re.fullmatch(r"\d+,\d+", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d+", text):
        return int(text)
    raise ValueError(text)


def check_file(path):
    c = Checker(path)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        c.err("/", f"cannot read: {e}")
        return c, None
    if not c.keys("/", doc, ["format", "format_version", "id", "source", "units", "figures", "rows",
                             "not_stated", "notes"]):
        return c, doc
    if doc["format"] != FORMAT or doc["format_version"] != 1:
        c.err("/format", f"expected {FORMAT} version 1")
    if doc["id"] != path.stem:
        c.err("/id", f"{doc['id']!r} is not the file name {path.stem!r}")

    src = doc["source"]
    if c.keys("/source", src, ["url", "title", "title_from", "publisher", "issuer", "document_kind",
                               "date_as_given", "date_from", "retrieved", "retrieved_via", "seen"]):
        c.text("/source/url", src["url"], nullable=False)
        if isinstance(src["url"], str) and not src["url"].startswith(("http://", "https://")):
            c.err("/source/url", "expected an http(s) address")
        c.text("/source/title", src["title"])
        c.enum("/source/title_from", src["title_from"], TITLE_FROM | {None})
        if (src["title"] is None) != (src["title_from"] is None):
            c.err("/source/title_from", "title_from is null exactly when title is null")
        c.text("/source/publisher", src["publisher"], nullable=False)
        c.text("/source/issuer", src["issuer"])
        c.enum("/source/document_kind", src["document_kind"], DOCUMENT_KINDS)
        c.text("/source/date_as_given", src["date_as_given"])
        c.enum("/source/date_from", src["date_from"], DATE_FROM)
        if (src["date_as_given"] is None) != (src["date_from"] is None):
            c.err("/source/date_from", "date_from is null exactly when date_as_given is null")
        c.iso("/source/retrieved", src["retrieved"])
        c.enum("/source/seen", src["seen"], SEEN)

    unit_keys = set()
    for i, u in enumerate(doc["units"]):
        w = f"/units/{i}"
        if not c.keys(w, u, ["key", "as_written", "name", "unit_type", "province", "district", "commune",
                             "identification"]):
            continue
        if u["key"] in unit_keys:
            c.err(w, f"duplicate key {u['key']!r}")
        unit_keys.add(u["key"])
        c.text(w + "/as_written", u["as_written"], nullable=False)
        c.text(w + "/name", u["name"], nullable=False)
        c.text(w + "/unit_type", u["unit_type"], nullable=False)
        c.enum(w + "/identification", u["identification"], IDENTIFICATION)

    figures = {}
    for i, f in enumerate(doc["figures"]):
        w = f"/figures/{i}"
        if not c.keys(w, f, ["id", "unit", "period", "category", "category_as_written", "breakdown", "value",
                             "value_as_written", "qualifier", "measure", "compared_to", "part_of", "quote"]):
            continue
        if f["id"] in figures:
            c.err(w, f"duplicate id {f['id']!r}")
        figures[f["id"]] = f
        if f["unit"] not in unit_keys:
            c.err(w + "/unit", f"{f['unit']!r} is not a key of /units")
        p = f["period"]
        if c.keys(w + "/period", p, ["as_given", "kind", "from", "to"]):
            c.enum(w + "/period/kind", p["kind"], PERIOD_KINDS)
            c.iso(w + "/period/from", p["from"])
            c.iso(w + "/period/to", p["to"])
            if p["from"] and p["to"] and p["from"][:4] > p["to"][:4]:
                c.err(w + "/period", "from is after to")
        c.enum(w + "/category", f["category"], CATEGORIES)
        c.text(w + "/category_as_written", f["category_as_written"], nullable=False)
        b = f["breakdown"]
        if c.keys(w + "/breakdown", b, [], BREAKDOWN.keys()):
            for k, allowed in BREAKDOWN.items():
                if k in b:
                    if allowed is None:
                        c.text(f"{w}/breakdown/{k}", b[k], nullable=False)
                    else:
                        c.enum(f"{w}/breakdown/{k}", b[k], allowed)
        c.enum(w + "/qualifier", f["qualifier"], QUALIFIERS)
        c.enum(w + "/measure", f["measure"], MEASURES)
        if (f["measure"] == "change") != (f["compared_to"] is not None):
            c.err(w + "/compared_to", "compared_to is given exactly for measure 'change'")
        c.quote(w + "/quote", f["quote"])
        vw = f["value_as_written"]
        try:
            if parse_vn_number(vw) != f["value"]:
                c.err(w + "/value", f"{f['value']!r} is not what {vw!r} says")
        except (ValueError, TypeError):
            c.err(w + "/value_as_written", f"{vw!r} is not a Vietnamese number")
        if isinstance(vw, str) and isinstance(f["quote"], str):
            if not re.search(r"(?<![\d.,])" + re.escape(vw) + r"(?![\d]|[.,]\d)", f["quote"]):
                c.err(w + "/quote", f"the quote does not contain {vw!r}")
    for fid, f in figures.items():
        parent = f.get("part_of")
        if parent is None:
            continue
        if parent not in figures:
            c.err(f"/figures/{fid}/part_of", f"{parent!r} is not a figure id")
        elif parent == fid:
            c.err(f"/figures/{fid}/part_of", "a figure is not part of itself")
    for fid, f in figures.items():
        parts = [g for g in figures.values() if g.get("part_of") == fid]
        # Parts of one total that split it the same way (same breakdown keys) must not exceed it.
        by_keys = {}
        for g in parts:
            by_keys.setdefault(tuple(sorted(set(g["breakdown"]) - set(f["breakdown"]))), []).append(g)
        for split, group in by_keys.items():
            if not split or len(group) < 2:
                continue
            total = sum(g["value"] for g in group)
            if f["qualifier"] == "exact" and total > f["value"]:
                c.warn(f"/figures/{fid}", f"parts split by {list(split)} sum to {total} > {f['value']}")

    for i, r in enumerate(doc["rows"]):
        w = f"/rows/{i}"
        if not c.keys(w, r, ["id", "name_as_written", "title", "kind", "subject", "person", "owner", "place",
                             "field", "field_as_written", "level", "grade", "event", "quote"]):
            continue
        c.text(w + "/name_as_written", r["name_as_written"], nullable=False)
        c.text(w + "/title", r["title"])
        c.enum(w + "/kind", r["kind"], ROW_KINDS)
        c.enum(w + "/subject", r["subject"], ROW_SUBJECTS)
        c.text(w + "/person", r["person"])
        if r["person"] is not None and r["subject"] != "individual":
            c.err(w + "/person", "a person is named only for an individual entry")
        for k in ("owner", "place"):
            o = r[k]
            if o is None:
                continue
            if c.keys(f"{w}/{k}", o, ["as_written", "unit"]):
                c.text(f"{w}/{k}/as_written", o["as_written"], nullable=False)
                if o["unit"] is not None and o["unit"] not in unit_keys:
                    c.err(f"{w}/{k}/unit", f"{o['unit']!r} is not a key of /units")
        c.enum(w + "/field", r["field"], BREAKDOWN["field"] | {None})
        c.enum(w + "/level", r["level"], BREAKDOWN["level"] | {None})
        c.enum(w + "/grade", r["grade"], BREAKDOWN["grade"] | {None})
        e = r["event"]
        if c.keys(w + "/event", e, ["type", "form", "giver", "decision", "date_as_given", "date"]):
            c.enum(w + "/event/type", e["type"], EVENT_TYPES)
            c.enum(w + "/event/form", e["form"], BREAKDOWN["form"] | {None})
            c.text(w + "/event/giver", e["giver"])
            c.iso(w + "/event/date", e["date"])
            if e["date"] is not None and e["date_as_given"] is None:
                c.err(w + "/event/date", "a date needs the date_as_given it was read from")
            d = e["decision"]
            if d is not None and c.keys(w + "/event/decision", d, ["number", "date"]):
                c.text(w + "/event/decision/number", d["number"])
                c.iso(w + "/event/decision/date", d["date"])
        c.quote(w + "/quote", r["quote"], nullable=True)
    ids = [r.get("id") for r in doc["rows"] if isinstance(r, dict)]
    if len(ids) != len(set(ids)):
        c.err("/rows", "duplicate row ids")
    if not isinstance(doc["not_stated"], list) or not doc["not_stated"]:
        c.err("/not_stated", "expected a non-empty list of sentences")
    return c, doc


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else
                        pathlib.Path(__file__).resolve().parent.parent / "data/registry/real/sources")
    files = sorted(root.glob("*.json"))
    if not files:
        print(f"no source files in {root}", file=sys.stderr)
        return 1
    errors = 0
    n_rows = n_figs = 0
    for path in files:
        c, doc = check_file(path)
        for m in c.errors:
            print("error:", m, file=sys.stderr)
        for m in c.warnings:
            print("warning:", m, file=sys.stderr)
        errors += len(c.errors)
        if doc and not c.errors:
            n_rows += len(doc["rows"])
            n_figs += len(doc["figures"])
            print(f"{path.stem}\tfigures {len(doc['figures'])}\trows {len(doc['rows'])}")
    print(f"{len(files)} sources, {n_figs} figures, {n_rows} rows, {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
