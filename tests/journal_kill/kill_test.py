#!/usr/bin/env python3
"""kill -9 test of the journal writer: no acknowledged line is ever lost.

Each round starts two writers appending to the same journal (they take turns through the
file lock) and kills both with SIGKILL after a random 1-40 ms (one line in eight is up to
960 KiB, so that some kills land inside a write). As such kills tear a line only now and
then, one round in three also runs "writer --tear", which leaves exactly what a writer killed
inside write() leaves (a partial line, written under the lock), while the writers run. A line is acknowledged when its writer printed its id, which
it does after append() returned. After every tenth round, and at the end after one clean run:
the journal replays (danvan's replay_journal_file; a torn last line is ignored by replay
and repaired by the next writer), every acknowledged id is in it, and no id appears twice.

Usage: kill_test.py WRITER [--kills N] [--seed S] [--dir DIR]
ctest runs 30 kills; bench/README.md gives the 200-kill command and its last result.
"""
import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time


def check(writer, journal):
    p = subprocess.run([writer, journal, "--check"], capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        sys.exit(f"FAIL: the journal does not replay: {p.stderr.strip()}")
    ids = [line for line in p.stdout.splitlines() if not line.startswith("torn ")]
    torn = [line for line in p.stdout.splitlines() if line.startswith("torn ")]
    return ids, torn


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("writer")
    ap.add_argument("--kills", type=int, default=200)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--dir", default=None)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with tempfile.TemporaryDirectory(dir=a.dir, prefix="danvan-kill-") as tmp:
        journal = os.path.join(tmp, "journal.jsonl")
        acked = set()
        kills = 0
        repairs = 0
        torn_seen = 0
        tears = 0
        rounds = 0
        run = 0
        started = time.monotonic()
        while kills < a.kills:
            procs = []
            tearer = None
            if rng.random() < 1 / 3:
                tearer = subprocess.Popen([a.writer, journal, "--tear", str(rng.randrange(1 << 30))],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            for _ in range(2):
                run += 1
                procs.append(subprocess.Popen([a.writer, journal, f"r{run}", "1000000"],
                                              stdout=subprocess.PIPE, stderr=subprocess.PIPE))
            for p in procs:
                time.sleep(rng.uniform(0.001, 0.040))
                p.send_signal(signal.SIGKILL)
                kills += 1
            for p in procs:
                out, err = p.communicate()
                if p.returncode != -signal.SIGKILL:
                    sys.exit(f"FAIL: a writer ended with {p.returncode}: {err.decode()}")
                acked.update(out.decode().split())
                repairs += err.decode().count("repair: ")
            if tearer is not None:
                if tearer.wait() != -signal.SIGKILL:
                    sys.exit("FAIL: writer --tear did not tear")
                tears += 1
            if rounds % 10 != 9:  # replaying is the slow part: check every tenth round
                rounds += 1
                continue
            rounds += 1
            ids, torn = check(a.writer, journal)
            torn_seen += len(torn)
            present = set(ids)
            if len(present) != len(ids):
                sys.exit("FAIL: an entry id appears twice in the journal")
            lost = acked - present
            if lost:
                sys.exit(f"FAIL: {len(lost)} acknowledged lines lost after {kills} kills: "
                         f"{sorted(lost)[:5]}")
        # One clean run: it repairs what the last kill tore, appends, and exits normally.
        run += 1
        p = subprocess.run([a.writer, journal, f"r{run}", "3"], capture_output=True, text=True,
                           timeout=300)
        if p.returncode != 0:
            sys.exit(f"FAIL: the clean run failed: {p.stderr}")
        acked.update(p.stdout.split())
        repairs += p.stderr.count("repair: ")
        ids, torn = check(a.writer, journal)
        if torn:
            sys.exit(f"FAIL: a torn line is left after a clean run: {torn}")
        lost = acked - set(ids)
        if lost:
            sys.exit(f"FAIL: {len(lost)} acknowledged lines lost: {sorted(lost)[:5]}")
        size = os.path.getsize(journal)
        print(f"ok: {kills} kills, {len(acked)} acknowledged lines, all replayed "
              f"({len(ids)} lines in the journal, {size} bytes); {repairs} torn tails repaired "
              f"({tears} tears made by writer --tear); {torn_seen} checks saw a "
              f"torn last line; "
              f"{time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
