#!/usr/bin/python3
"""Validate tests/corpus/plans5/labels.jsonl (blind labels of plans/schemes issued by decisions
found in the corpus folder documents/; format: LABEL-FORMATS §1, rules: tests/corpus/plans/README.md).

Usage: /usr/bin/python3 tests/corpus/plans5/check_labels.py [--corpus DIR] [LABELS]

Reuses the record checks of tests/corpus/plans/check_labels.py (keys, order, types, ISO dates,
roles), with two differences: `file` is "documents/<16 hex>.md" and every record's split is
"heldout". When the corpus is present it checks that every quoted string (title, symbol, header
lines, task-area titles, duty units, legal-basis symbols and names, signer name, period text,
reporting texts) occurs in the text after whitespace and Markdown normalisation; without the
corpus it says plainly that those checks were not run. Exit status 1 on any error.
"""
import argparse
import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("plans_check", HERE.parent / "plans" / "check_labels.py")
plans = importlib.util.module_from_spec(spec)
spec.loader.exec_module(plans)

FILE = re.compile(r"documents/([0-9a-f]{16})\.md")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="?", default=str(HERE / "labels.jsonl"))
    ap.add_argument("--corpus", help="corpus root holding documents/ (default: as the plans checker)")
    args = ap.parse_args()
    c = plans.Checker()
    text = Path(args.labels).read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", text) != text:
        c.err(args.labels, "not NFC")
    records, files = [], set()
    for n, line in enumerate(text.splitlines(), 1):
        where = f"{args.labels}:{n}"
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            c.err(where, f"invalid JSON: {e}")
            continue
        m = FILE.fullmatch(r.get("file", "")) if isinstance(r, dict) else None
        if not m:
            c.err(where, "file must be 'documents/<16 hex>.md'")
            continue
        if r.get("split") != "heldout":
            c.err(where, "split must be 'heldout' (the whole set is held out)")
        # The plans checker wants plans/<hash>.md and its own split rule: feed it a view.
        view = dict(r, file=f"plans/{m.group(1)}.md",
                    split="heldout" if m.group(1) in plans.HELDOUT else "dev")
        if c.record(where, view):
            if r["file"] in files:
                c.err(where, f"{r['file']} labelled twice")
            files.add(r["file"])
            records.append((where, r))
    root = plans.corpus_dir(args.corpus)
    if (root / "documents").is_dir():
        for where, r in records:
            plans.check_text(c, where, r, root)
            norm = plans.normalise((root / r["file"]).read_text(encoding="utf-8"))
            sq = plans.squeeze(norm)
            extra = [(f"legal_bases[{i}].name", b["name"]) for i, b in enumerate(r["legal_bases"]) if b["name"]]
            extra += [(f"reporting[{i}].text", d["text"]) for i, d in enumerate(r["reporting"])]
            for name, q in extra:
                if not plans.occurs(q, norm, sq):
                    c.err(where, f"{name} {q!r} does not occur in {r['file']}")
        print(f"corpus checks run against {root}")
    else:
        print(f"corpus not present at {root}: quote checks NOT run (set DANVAN_CORPUS_DIR or pass --corpus)")
    rs = [r for _, r in records]
    print(f"records {len(rs)}; legal_bases {sum(len(r['legal_bases']) for r in rs)}; "
          f"task_areas {sum(len(r['task_areas']) for r in rs)}; duties {sum(len(r['duties']) for r in rs)} "
          f"(lead {sum(d['role'] == 'lead' for r in rs for d in r['duties'])}, "
          f"coordinate {sum(d['role'] == 'coordinate' for r in rs for d in r['duties'])}); "
          f"targets {sum(r['targets'] or 0 for r in rs)} ({sum(r['targets'] is not None for r in rs)} docs); "
          f"reporting {sum(len(r['reporting']) for r in rs)}")
    if c.errors:
        print(f"\n{len(c.errors)} error(s):")
        for e in c.errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
