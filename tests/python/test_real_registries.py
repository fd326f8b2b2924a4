"""The real registries (data/registry/real/registries) against the published figures of their
sources (data/registry/real/sources): does Registry.stats give each figure from the entries?

Each of the 155 figures is classified (see classify()):
- "reproduced": the entries give the figure (exact: equal; "hơn N": at least N);
- "short": the entries give fewer than the figure, because the source names only some of the
  entries it counts (a sample: "Tiêu biểu như ...") or none;
- "not a count of entries": what the registry does not count (a change or a percentage, a
  count of models "có / thực hiện" with no word on registration or recognition, participants,
  a period the source does not give, a breakdown by grade, form, novelty or distinction).
What must hold: the bundled registries are what the converter makes of the sources, every
registry loads, and no figure is exceeded by the entries named for it (named entries are
part of what a total counts). `python3 tests/python/test_real_registries.py` prints the
table of every figure.
"""
import collections
import datetime
import json
import pathlib
import sys

import danvan

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import real_sources_to_registry as convert  # noqa: E402

REGISTRIES = ROOT / "data" / "registry" / "real" / "registries"
COUNTED = {"registered", "recognised", "effective", "commended", "proposed", "replicated",
           "promoted"}
DIMENSIONS = {"field": "field", "level": "level", "subject": "subject", "kind": "kind"}
FIELD_IDS = convert.FIELDS


def last_day(iso):
    """The last day of an ISO partial date ("2022", "2022-10", "2022-10-05")."""
    parts = [int(x) for x in iso.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 2:
        y, m = parts
        nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    return datetime.date(parts[0], 12, 31)


def first_day(iso):
    parts = [int(x) for x in iso.split("-")] + [1, 1]
    return datetime.date(*parts[:3])


def query(figure):
    """(stats keyword arguments, None) or (None, why the figure is not a count of entries)."""
    period = figure["period"]
    b = figure["breakdown"]
    if figure["measure"] != "count":
        return None, f'a {figure["measure"]}, not a count'
    if figure["category"] not in COUNTED:
        return None, f'category "{figure["category"]}" is not counted by the registry'
    extra = sorted(k for k in b if k not in DIMENSIONS and k not in (
        "field_as_written", "giver", "status"))
    if extra:
        return None, "broken down by " + ", ".join(extra) + ": not a dimension of stats"
    if b.get("field") == "other":
        return None, "a field of the locality's own that no entry declares"
    kw = {}
    if period["kind"] == "year":
        kw["period"] = period["from"]
        if period["from"] != period["to"]:
            return None, "a year period spanning years"
    elif period["kind"] == "phase":
        kw["period"] = f'{period["from"]}-{period["to"]}'
    elif period["kind"] in ("range", "as_of"):
        if period["to"] is None:
            return None, "the period's end is not given"
        end = last_day(period["to"])
        start = first_day(period["from"]) if period["from"] else datetime.date(1900, 1, 1)
        if figure["category"] == "effective" or period["kind"] == "as_of" and (
                period["from"] is None and "-" in period["to"] and len(period["to"]) == 7
                and figure["category"] == "commended"):
            # In force on the day; a commendation "vừa" (just now) in the month given.
            start = first_day(period["to"]) if figure["category"] == "commended" else start
        kw["period"] = f"{start.isoformat()}..{end.isoformat()}"
        kw["as_of"] = end
    else:
        return None, "no period given"
    kw["by"] = ",".join(DIMENSIONS[k] for k in DIMENSIONS if k in b and (
        k != "kind" or b[k] != "model_or_exemplar")) or None
    return kw, None


def keys_of(figure):
    b = figure["breakdown"]
    out = []
    for k in DIMENSIONS:
        if k not in b or (k == "kind" and b[k] == "model_or_exemplar"):
            continue
        out.append(FIELD_IDS[b[k]] if k == "field" else b[k])
    return out


def count(registry, figure, unit_id, kw):
    category = figure["category"]
    by = kw.pop("by")
    table = registry.stats(unit_id=unit_id, by=by or "kind", **kw)
    if not by:
        return table.total[category]
    want = keys_of(figure)
    names = by.split(",")
    return sum(row[category] for row in table.rows if [row[n] for n in names] == want)


def classify(source, registry):
    """(figure id, class, entries' count or None, reason) for each figure of a source."""
    out = []
    for figure in source["figures"]:
        kw, why = query(figure)
        if kw is None:
            out.append((figure["id"], "not a count of entries", None, why))
            continue
        if registry is None:
            n = 0
        else:
            n = count(registry, figure, convert.slug(figure["unit"]), kw)
        value, q = figure["value"], figure["qualifier"]
        ok = n == value if q == "exact" else n >= value if q == "at_least" else None
        if ok:
            out.append((figure["id"], "reproduced", n, ""))
        elif n > value and q in ("exact", "at_most"):
            out.append((figure["id"], "exceeded", n, "the entries give more than the figure"))
        else:
            named = len(source["rows"])
            taken = len(registry) if registry is not None else 0
            out.append((figure["id"], "short", n,
                        f"the source names {named} entries ({taken} taken) for a total of "
                        f"{figure['value_as_written']}" if named else
                        f"the source gives the total {figure['value_as_written']} without "
                        "naming entries"))
    return out


def load_all():
    for source in convert.sources():
        path = REGISTRIES / (source["id"] + ".json")
        yield source, (danvan.load_registry(path) if path.exists() else None)


def results():
    return [(source["id"],) + r for source, registry in load_all()
            for r in classify(source, registry)]


def test_bundled_registries_are_the_converters_output():
    expected = {}
    for source in convert.sources():
        doc, _ = convert.convert(source)
        if doc is not None:
            expected[source["id"] + ".json"] = convert.text_of(doc)
    present = {p.name: p.read_text(encoding="utf-8") for p in REGISTRIES.glob("*.json")}
    assert present == expected


def test_every_registry_loads_and_keeps_what_its_rows_say():
    loaded = 0
    for source, registry in load_all():
        if registry is None:
            continue
        loaded += 1
        assert registry.note.startswith("Real data, not SAMPLE")
        rows = {r["id"]: r for r in source["rows"]}
        for i in range(len(registry)):
            entry = registry.entry(i)
            row = rows[entry.id]
            assert entry.kind.value == row["kind"]
            assert entry.subject.value == (row["subject"] or "unknown")
            assert entry.person_name == row["person"]
            first = entry.to_dict()["events"][0]
            assert first["type"] == row["event"]["type"]
            assert first["date"] == row["event"]["date"]
            assert first.get("level") == row["level"]
            assert entry.field_ids == ((FIELD_IDS[row["field"]],) if row["field"] in FIELD_IDS
                                       else ())
    assert loaded > 0


def test_no_figure_is_exceeded_by_the_entries_named_for_it():
    table = results()
    assert len(table) == 155
    exceeded = [r for r in table if r[2] == "exceeded"]
    assert exceeded == []
    # Every figure is either a count of entries or says why not.
    assert all(r[2] in ("reproduced", "short") or r[4] for r in table)


def test_a_source_that_names_every_entry_it_counts_is_reproduced():
    """Build the complete case from a real source: Ngã Bảy's 2020 list names 6 of its 62
    recognised models; stats over the registry of those 6 count them by period, unit and
    subject, and a year-only recognition counts only once the year is over."""
    source = next(s for s in convert.sources() if s["id"] == "hau-giang-nga-bay-2020-cong-nhan-62")
    registry = danvan.load_registry(REGISTRIES / (source["id"] + ".json"))
    named = [r for r in source["rows"] if r["event"]["type"] == "recognised"]
    t = registry.stats(unit_id="nga-bay", period="2020", by="subject")
    assert t.total["recognised"] == len(named) == 6
    assert [(row["subject"], row["recognised"]) for row in t.rows] == [("collective", 6)]
    # Year-only recognitions count in 2020 and as of 31/12/2020, not as of 30/06/2020.
    assert registry.stats(2020, as_of=datetime.date(2020, 6, 30)).total["effective"] == 0
    assert registry.stats(2020).total["effective"] == 6


def report():
    table = results()
    by_class = collections.Counter(r[2] for r in table)
    print(f"{len(table)} figures: " + ", ".join(f"{v} {k}" for k, v in by_class.most_common()))
    reasons = collections.Counter(r[4].split(" for a total")[0].split(" without")[0]
                                  if r[2] == "short" else r[4] for r in table if r[4])
    for why, n in reasons.most_common():
        print(f"  {n:3d}  {why}")
    for r in table:
        print("\t".join("" if x is None else str(x) for x in r))


if __name__ == "__main__":
    report()
