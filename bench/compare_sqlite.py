#!/usr/bin/python3
"""Runs the same registry work in danvan (bench/registry_bench) and in SQLite and prints ratios.

Usage: bench/compare_sqlite.py BUILD_DIR DATA_DIR [SMALL_DATA_DIR]
DATA_DIR holds national-registry.json, sqlite-entries.tsv and sqlite-facts.tsv from
BUILD_DIR/bench/gen_national_registry (SMALL_DATA_DIR, if given, is used for the load
comparison). national-registry.sqlite is built from the TSV files when missing or older.
SQLite gets its most favourable shape: a table pre-aggregated per (entry, year, field) as of
31 December with a covering index for the stats, and a pre-folded name column for the search.
"""
import csv
import json
import os
import pathlib
import re
import sqlite3
import statistics
import subprocess
import sys
import time


def build_db(data):
    db = data / "national-registry.sqlite"
    tsvs = [data / "sqlite-entries.tsv", data / "sqlite-facts.tsv"]
    if db.exists() and all(db.stat().st_mtime >= t.stat().st_mtime for t in tsvs):
        return db
    if db.exists():
        db.unlink()
    t = time.perf_counter()
    con = sqlite3.connect(db)
    con.executescript("""
    PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
    CREATE TABLE entries(idx INTEGER PRIMARY KEY, province TEXT, unit TEXT, kind TEXT,
                         subject TEXT, name_folded TEXT);
    CREATE TABLE stats_facts(province TEXT, year INTEGER, field TEXT, level TEXT, subject TEXT,
                             entry INTEGER, registered INTEGER, recognised INTEGER,
                             effective INTEGER, commended INTEGER, replicated INTEGER);
    """)
    for table, path, n in (("entries", tsvs[0], 6), ("stats_facts", tsvs[1], 11)):
        with path.open(encoding="utf-8", newline="") as f:
            rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            con.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * n)})", rows)
    con.executescript("""
    CREATE INDEX stats_cover ON stats_facts(province, year, field, level, subject, registered,
                                            recognised, effective, commended, replicated);
    CREATE INDEX entries_province ON entries(province);
    ANALYZE;
    """)
    con.commit()
    con.close()
    print(f"built {db} in {time.perf_counter() - t:.0f} s")
    return db


build, data = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
small = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else data
env = dict(os.environ, DANVAN_BENCH_REGISTRY=str(data / "national-registry.json"),
           DANVAN_BENCH_REGISTRY_SMALL=str(small / "national-registry.json"))
out = subprocess.run([str(build / "bench/registry_bench"), "--benchmark_format=json"], env=env,
                     check=True, capture_output=True, text=True).stdout
# Names without the run settings ("/min_time:2.000", "/iterations:3").
bench = {re.sub(r"/(min_time|iterations):[^/]*", "", b["name"]): b
         for b in json.loads(out)["benchmarks"]}


def seconds(b, which="real_time"):
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
    return b[which] * scale


def timed(con, sql, args, repeat=7, cpu=None):
    """Median wall time of the query (and, in cpu[0], the median CPU time of this thread)."""
    times, cpu_times = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.thread_time()
        rows = con.execute(sql, args).fetchall()
        times.append(time.perf_counter() - t)
        cpu_times.append(time.thread_time() - c)
    if cpu is not None:
        cpu.append(statistics.median(cpu_times))
    return statistics.median(times), rows


con = sqlite3.connect(build_db(data))
STATS = """SELECT field, level, subject, sum(registered), sum(recognised), sum(effective),
                  sum(commended), sum(replicated)
           FROM stats_facts WHERE province = ? AND year = ? GROUP BY field, level, subject"""
stats_cpu = []
t_cur, rows = timed(con, STATS, ("p07", 2022), cpu=stats_cpu)
t_prev, _ = timed(con, STATS, ("p07", 2021), cpu=stats_cpu)
plan = con.execute("EXPLAIN QUERY PLAN " + STATS, ("p07", 2022)).fetchall()
t_sqlite_stats = t_cur + t_prev  # danvan's table holds both years
SEARCH = "SELECT idx FROM entries WHERE name_folded LIKE '%' || ? || '%'"
# The same queries as BM_SearchNames/hits and /no_hit: a person's full name, and no match.
SEARCHES = (("hits", "tran thi mai"), ("no_hit", "hoa tuan"))
sqlite_search = {case: timed(con, SEARCH, (query,), repeat=3) for case, query in SEARCHES}

load_fast = bench["BM_LoadStreaming/small"]  # the reader on the small file (SMALL_DATA_DIR)
load_dom = bench["BM_LoadDomAndConvert"]
mem = bench["BM_MemoryOfLoadedRegistry"]
stats_b = bench["BM_StatsProvinceYear"]
walk_b = bench["BM_StatsProvinceYearWalk"]
print(f"load (file {small / 'national-registry.json'}):")
print(f"  streaming reader {load_fast['bytes_per_second'] / 1e6:8.1f} MB/s, DOM + conversion "
      f"{load_dom['bytes_per_second'] / 1e6:8.1f} MB/s: "
      f"{load_fast['bytes_per_second'] / load_dom['bytes_per_second']:.2f}x (target >= 4x)")
print(f"stats p07 2022 (+2021): danvan {seconds(stats_b) * 1e3:.3f} ms, SQLite covering index "
      f"{t_sqlite_stats * 1e3:.3f} ms: {t_sqlite_stats / seconds(stats_b):.1f}x (issue 4: >= 20x; issue 11: >= 200x at 1M)")
# CPU times (Google Benchmark's cpu_time, the thread's CPU time around each SQLite query) move
# less than wall times when the machine is loaded.
print(f"  CPU time: danvan {seconds(stats_b, 'cpu_time') * 1e3:.3f} ms, SQLite "
      f"{sum(stats_cpu) * 1e3:.3f} ms: {sum(stats_cpu) / seconds(stats_b, 'cpu_time'):.1f}x")
print(f"  SQLite plan: {' | '.join(r[-1] for r in plan)}; rows {len(rows)} vs danvan "
      f"{int(stats_b['rows'])}")
print(f"  danvan walk without aggregates {seconds(walk_b) * 1e3:.3f} ms "
      f"({t_sqlite_stats / seconds(walk_b):.1f}x SQLite); first query of a year on a fresh "
      f"registry (builds the aggregates) {seconds(bench['BM_StatsFirstQuery']) * 1e3:.0f} ms")
for fast_name, walk_name, what in (
        ("BM_StatsProvinceAsOf/jun30", "BM_StatsProvinceAsOfWalk/jun30", "as of 30/06/2022"),
        ("BM_StatsProvinceAsOf/aug16", "BM_StatsProvinceAsOfWalk/aug16", "as of 16/08/2022"),
        ("BM_StatsProvinceCurrentUnits", "BM_StatsProvinceCurrentUnitsWalk",
         "2026, current units")):
    fast, walk = bench[fast_name], bench[walk_name]
    print(f"  {what} (no SQLite counterpart): danvan {seconds(fast) * 1e3:.3f} ms, walk "
          f"{seconds(walk) * 1e3:.3f} ms ({seconds(walk) / seconds(fast):.1f}x)")
for day in ("jan31", "nov15", "dec16"):
    b = bench[f"BM_StatsProvinceAsOf/{day}"]
    print(f"  as of {day} 2022: danvan {seconds(b) * 1e3:.3f} ms")
print(f"  first query as of 30/06 on a fresh registry (builds the month ends too) "
      f"{seconds(bench['BM_StatsFirstQueryMidYear']) * 1e3:.0f} ms")
cache = bench["BM_StatsCacheMemory"]
print(f"  statistics cache: aggregates of 2022 and 2021 as of 31/12 "
      f"{cache['two_years_dec31_MB']:.1f} MB, with the month ends "
      f"{cache['two_years_months_MB']:.1f} MB, day index of the events "
      f"{cache['event_index_MB']:.1f} MB")
for case, query in SEARCHES:
    b = bench[f"BM_SearchNames/{case}"]
    t_sqlite, hits = sqlite_search[case]
    print(f"search '{query}': danvan {seconds(b) * 1e3:.2f} ms ({int(b['hits'])} hits), "
          f"SQLite LIKE {t_sqlite * 1e3:.2f} ms ({len(hits)} hits): "
          f"{t_sqlite / seconds(b):.1f}x (target >= 10x)")
print(f"memory: RSS growth {mem['rss_growth_MB']:.0f} MB for a {mem['file_MB']:.0f} MB file "
      f"({mem['rss_over_file']:.2f} of the file; target < 1), compact storage "
      f"{mem['storage_MB']:.0f} MB, {int(mem['entries'])} entries")
print(f"load average (1, 5, 15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
