#!/usr/bin/python3
"""Validate tests/corpus/plans7/labels.jsonl (blind labels of six full plan texts from GitHub).

Usage: /usr/bin/python3 tests/corpus/plans7/check_labels.py [--corpus DIR] [LABELS]

Reuses the record checks of tests/corpus/plans/check_labels.py (keys, order, types, ISO dates)
with this set's own split rule (file names sorted, every third one heldout). With --corpus DIR
(the folder holding plans/<hash>.md) it checks, with the plans checker's check_text, that every
quoted string (title, symbol, header lines, task-area titles, duty units, legal-basis symbols
and names, signer name, period text) occurs in its text; without it it says plainly that those checks
were not run. Exit status 1 on any error.
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


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="?", default=str(HERE / "labels.jsonl"))
    ap.add_argument("--corpus", help="folder holding plans/<hash>.md")
    args = ap.parse_args()
    errors = []
    records = [json.loads(line) for line in Path(args.labels).read_text(encoding="utf-8").splitlines()]
    names = sorted(r["file"] for r in records)
    heldout = {n for i, n in enumerate(names, 1) if i % 3 == 0}
    for n, r in enumerate(records, 1):
        where = f"{args.labels}:{n}"
        want = "heldout" if r["file"] in heldout else "dev"
        if r["split"] != want:
            errors.append(f"{where}: split must be {want}")
        # The plans checker applies its own corpus's split rule: feed it a view with that split.
        h = r["file"][len("plans/"):-len(".md")]
        c = plans.Checker()
        c.record(where, dict(r, split="heldout" if h in plans.HELDOUT else "dev"))
        if args.corpus:
            plans.check_text(c, where, r, Path(args.corpus))
            # check_text quotes basis symbols; the names of documents cited without one too.
            norm = plans.normalise((Path(args.corpus) / r["file"]).read_text(encoding="utf-8"))
            for i, b in enumerate(r["legal_bases"]):
                if b["name"] and not plans.occurs(b["name"], norm, plans.squeeze(norm)):
                    c.err(where, f"legal_bases[{i}].name {b['name']!r} does not occur in {r['file']}")
        errors += c.errors
    if not args.corpus:
        print("texts not given (--corpus): quote checks NOT run")
    for e in errors:
        print(e)
    print(f"{len(records)} records, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
