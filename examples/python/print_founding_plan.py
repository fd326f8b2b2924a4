#!/usr/bin/env python3
"""Print the founding plan: the Phú Yên "Năm dân vận khéo" 2020 plan bundled with danvan.

    python3 examples/python/print_founding_plan.py [PLAN.json] [--markdown]

Shows the plan's facts read from Python objects, then the instruments it cites as a table
(a list of dicts, ready for pandas.DataFrame), then the library's own rendering.
"""

import pathlib
import sys

import danvan

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEFAULT_PLAN = ROOT / "data" / "plans" / "phu-yen-2020-nam-dan-van-kheo.json"


def main(argv: list[str]) -> int:
    markdown = "--markdown" in argv
    paths = [a for a in argv if a != "--markdown"]
    path = pathlib.Path(paths[0]) if paths else DEFAULT_PLAN

    try:
        plan = danvan.load_plan(path)
        plan.validate()
    except danvan.Error as e:  # IoError (a file problem) or JsonError (with every problem)
        print(e, file=sys.stderr)  # the message names the file
        for pointer, reason in getattr(e, "problems", []):
            print(f"  {pointer or '(document)'}: {reason}", file=sys.stderr)
        return 1

    catalogue = plan.catalogue  # a copy: hoisted out of the loops below
    print(plan.title)
    print(f"  issuer:        {catalogue.issuer(plan.issuer_id).name}")
    period = plan.period
    when = (f"{period.from_.iso() if period.from_ else '…'}–{period.to.iso() if period.to else '…'}"
            if period else "(không rõ)")
    print(f"  period:        {when}")
    print(f"  symbol:        {plan.symbol.canonical() if plan.symbol else '(không rõ)'}")
    print(f"  scope:         {', '.join(danvan.vietnamese_name(k) for k in plan.scope)}")
    for m in plan.milestones:
        when = m.date.vietnamese() if m.date else "(không rõ)"
        print(f"  milestone:     {m.name} — {when}")
    print()

    for area in plan.task_areas:
        print(f"{area.number}. {area.text[:90]}…")
        for c in area.citations:
            print(f"     cites {catalogue.describe(catalogue.instrument(c.instrument_id))}")
    print()

    rows = [
        {
            "id": i.id,
            "type": danvan.info(i.type).name,
            "symbol": i.symbol.canonical() if i.symbol else None,
            "number": i.number,
            "date": i.date.iso() if i.date else None,
            "issuers": catalogue.issuer_names(i),
        }
        for i in plan.cited_instruments()
    ]
    widths = {k: max(len(k), *(len(str(r[k])) for r in rows)) for k in rows[0]}
    print("  ".join(k.ljust(w) for k, w in widths.items()).rstrip())
    for r in rows:
        print("  ".join(str(r[k]).ljust(w) for k, w in widths.items()).rstrip())
    print()

    print(danvan.render_plan(plan, "markdown" if markdown else "text"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
