#!/usr/bin/env python3
"""Registry.entries_table() / to_rows() against json.load + Python loops (issue 12, "Tables").

Usage (the registry from gen_national_registry, SAMPLE data):
    build/bench/gen_national_registry /tmp/reg100k --entries 100000
    PYTHONPATH=build/python /usr/bin/python3 bench/python_tables.py \
        /tmp/reg100k/national-registry.json [--repeat 3]

Measures CPU time (time.process_time, the best of --repeat runs) in the same run:
  baseline   json.load of the file, then a loop over the entries building the same columns
             (ids, names, kinds, units, field tuples, first registration and recognition with
             their dates as datetime.date) — what a script does without danvan. It does less
             than entries_table(): no state and level on the as-of day.
  table      reg.entries_table() on a loaded registry (columns)
  rows       reg.to_rows() on a loaded registry (records)
  to_dict    [e.to_dict() for e in reg] (what the issue measured at 1.6 s)
  load       danvan.load_registry(path) (reported for context: the table needs a registry)
and prints the ratios baseline / table and baseline / rows. The issue asks for >= 5.
"""

import argparse
import datetime
import gc
import json
import time

import danvan


def best(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
        del result
        result = None
    return min(times)


def parse_date(text):
    if text is None:
        return None
    if len(text) == 10:
        return datetime.date.fromisoformat(text)
    return text  # a year or a month: kept as text


def baseline(path):
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    names = ("id", "name", "kind", "subject", "unit_id", "place_unit_ids", "field_ids",
             "person_name", "description", "year", "registered", "registration_level",
             "recognised", "recognition_level", "grade", "decision", "events")
    columns = {n: [] for n in names}
    for e in document["entries"]:
        columns["id"].append(e["id"])
        columns["name"].append(e["name"])
        columns["kind"].append(e["kind"])
        columns["subject"].append(e["subject"])
        columns["unit_id"].append(e["unit"])
        columns["place_unit_ids"].append(tuple(e["places"]))
        columns["field_ids"].append(tuple(e["fields"]))
        columns["person_name"].append(e.get("person"))
        columns["description"].append(e["description"])
        reg = next((ev for ev in e["events"] if ev["type"] == "registered"), None)
        rec = next((ev for ev in e["events"] if ev["type"] == "recognised"), None)
        columns["year"].append(int(reg["date"][:4]) if reg else None)
        columns["registered"].append(parse_date(reg["date"]) if reg else None)
        columns["registration_level"].append(reg.get("level") if reg else None)
        columns["recognised"].append(parse_date(rec["date"]) if rec else None)
        columns["recognition_level"].append(rec.get("level") if rec else None)
        columns["grade"].append(rec.get("grade") if rec else None)
        columns["decision"].append(rec.get("decision") if rec else None)
        columns["events"].append(len(e["events"]))
    return columns


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("registry")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    t_load = best(lambda: danvan.load_registry(args.registry), args.repeat)
    reg = danvan.load_registry(args.registry)
    n = len(reg)
    # Same answer first: the columns both ways agree.
    ours, theirs = reg.entries_table(), baseline(args.registry)
    for name, values in theirs.items():
        assert ours[name] == values, name
    del ours, theirs

    t_base = best(lambda: baseline(args.registry), args.repeat)
    t_table = best(reg.entries_table, args.repeat)
    t_rows = best(reg.to_rows, args.repeat)
    t_dict = best(lambda: [e.to_dict() for e in reg], args.repeat)
    print(f"{n} entries, CPU seconds, best of {args.repeat}")
    print(f"  baseline json.load + loops  {t_base:7.3f}")
    print(f"  entries_table()             {t_table:7.3f}   ratio {t_base / t_table:5.1f}")
    print(f"  to_rows()                   {t_rows:7.3f}   ratio {t_base / t_rows:5.1f}")
    print(f"  [e.to_dict() for e in reg]  {t_dict:7.3f}   ratio {t_base / t_dict:5.1f}")
    print(f"  load_registry()             {t_load:7.3f}")
    print(f"  load_registry + table       {t_load + t_table:7.3f}   ratio "
          f"{t_base / (t_load + t_table):5.1f}")


if __name__ == "__main__":
    main()
