#!/usr/bin/python3
"""Validate tests/corpus/plans6/labels.jsonl (blind labels of plan openings from web pages).

Usage: /usr/bin/python3 tests/corpus/plans6/check_labels.py [--corpus DIR] [LABELS]

Reuses the record checks of tests/corpus/plans/check_labels.py (keys, order, types, ISO dates)
with this set's own split rule (the 4 lexicographically last file names are heldout) and
opening-only fields (purposes ... recipients may be null = unknown). With --corpus DIR (the
folder holding plans/<hash>.md) it checks that every quoted string (title, symbol, header
lines, legal-basis symbols and names, period text) occurs in its text; without it it says
plainly that those checks were not run. Exit status 1 on any error.
"""
import argparse
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("plans_check", HERE.parent / "plans" / "check_labels.py")
plans = importlib.util.module_from_spec(spec)
spec.loader.exec_module(plans)

HELDOUT = {"756d3c73ca6ed966", "78feaf13462ce71a", "a1b23042332a9ccc", "e79b17eba10df0ad"}
OPENING_NULLABLE = ("purposes", "requirements", "targets", "funding", "recipients")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="?", default=str(HERE / "labels.jsonl"))
    ap.add_argument("--corpus", help="folder holding plans/<hash>.md")
    args = ap.parse_args()
    errors = []
    records = [json.loads(line) for line in Path(args.labels).read_text(encoding="utf-8").splitlines()]
    for n, r in enumerate(records, 1):
        where = f"{args.labels}:{n}"
        h = r["file"][len("plans/"):-len(".md")]
        want = "heldout" if h in HELDOUT else "dev"
        if r["split"] != want:
            errors.append(f"{where}: split must be {want}")
        # The plans checker wants its own split rule and non-null funding: feed it a view.
        c = plans.Checker()
        view = dict(r, split="heldout" if h in plans.HELDOUT else "dev",
                    funding=bool(r["funding"]), title=r["title"] or "")
        for k in OPENING_NULLABLE:
            if view[k] is None and k != "funding":
                view[k] = 0 if k != "recipients" else None
        c.record(where, view)
        errors += [e for e in c.errors if "title" not in e or r["title"] is not None]
        if args.corpus:
            text = (Path(args.corpus) / r["file"]).read_text(encoding="utf-8")
            norm = plans.normalise(text)
            sq = plans.squeeze(norm)
            quotes = [r["title"], r["symbol"], *r["issuer_header"]]
            quotes += [b["symbol"] for b in r["legal_bases"]] + [b["name"] for b in r["legal_bases"]]
            quotes += [r["period"]["text"]] if r["period"] else []
            for q in quotes:
                if q and not plans.occurs(q, norm, sq):
                    errors.append(f"{where}: {q!r} does not occur in {r['file']}")
    if not args.corpus:
        print("texts not given (--corpus): quote checks NOT run")
    for e in errors:
        print(e)
    print(f"{len(records)} records, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
