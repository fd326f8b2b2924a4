#!/usr/bin/python3
"""SAMPLE data for units_bench only: the bundled national register with its pre-2025 district
and commune units copied K times (fresh ids "<id>-x<i>", no codes, links kept within each
copy), to measure what a national-size load costs before the real lists are all bundled.

Usage: /usr/bin/python3 bench/scale_units.py data/units/national/units.json OUT.json K
"""
import json
import sys


def main(argv):
    src, dst, k = argv[0], argv[1], int(argv[2])
    with open(src, encoding="utf-8") as f:
        document = json.load(f)
    units = document["units"]
    old = [u for u in units if u["level"] in ("district", "commune")
           and u["valid_to"] and u["valid_to"] <= "2025-06-30"]
    ids = {u["id"] for u in old}
    copies = []
    for i in range(1, k + 1):
        for u in old:
            c = dict(u)
            c["id"] = f"{u['id']}-x{i}"
            c.pop("code", None)
            if u["parent"] in ids:
                c["parent"] = f"{u['parent']}-x{i}"
            c["predecessors"] = [f"{p}-x{i}" for p in u["predecessors"] if p in ids]
            c["successors"] = [f"{s}-x{i}" for s in u["successors"] if s in ids]
            copies.append(c)
    document["units"] = units + copies
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=1)
    print(f"{len(document['units'])} units")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
