#!/usr/bin/env python3
"""Runs Doxygen over the public headers (the `docs` target's configuration) and checks its
warnings (ctest docs.api).

Every warning fails the test except "X is not documented" for a name listed in
docs/undocumented.txt: the public names still without a doc comment when the check came in.
That list may only shrink: a listed name that is documented now (or gone) fails too, so it is
taken off. Doc-comment errors (unknown commands, bad references) always fail.

Usage: check_docs.py DOXYFILE WARNINGS_FILE ROOT [--update]
  --update rewrites docs/undocumented.txt from this run (only to shrink it, after documenting).
Exit 77 (ctest: skipped) when doxygen is not installed.
"""
import pathlib
import re
import shutil
import subprocess
import sys

LOCATION = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): warning: (?P<text>.*)$")


def normalised(line, root):
    """'include/danvan/unit.hpp: Member id ... is not documented.' (no line number), or None
    for a continuation line."""
    m = LOCATION.match(line)
    if not m:
        return None
    path = m.group("file")
    if path.startswith(root + "/"):
        path = path[len(root) + 1:]
    return f"{path}: {m.group('text')}"


def main(argv):
    if shutil.which("doxygen") is None:
        print("doxygen is not installed (Debian package doxygen): not run")
        return 77
    if len(argv) < 4:
        print(__doc__)
        return 2
    doxyfile, warnings_file, root = argv[1], pathlib.Path(argv[2]), argv[3].rstrip("/")
    warnings_file.parent.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(["doxygen", doxyfile], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        print(run.stdout + run.stderr)
        print(f"doxygen failed (exit {run.returncode})")
        return 1
    found = []
    for line in warnings_file.read_text(encoding="utf-8").splitlines():
        n = normalised(line, root)
        if n is not None:
            found.append(n)
    baseline_path = pathlib.Path(root) / "docs" / "undocumented.txt"
    if argv[4:] == ["--update"]:
        names = sorted({f for f in found if f.endswith("is not documented.")})
        header = ("# Public names Doxygen finds without a doc comment (tests/check_docs.py):\n"
                  "# this list may only shrink. Document a name, then take its line off.\n")
        baseline_path.write_text(header + "".join(n + "\n" for n in names), encoding="utf-8")
        print(f"{baseline_path}: {len(names)} names")
        return 0
    baseline = {
        line for line in baseline_path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    problems = [f for f in found if f not in baseline]
    stale = sorted(baseline - set(found))
    for p in problems:
        print(p)
    for s in stale:
        print(f"documented now or gone, take it off docs/undocumented.txt: {s}")
    if problems or stale:
        print(f"{len(problems)} new doc warning(s), {len(stale)} stale line(s) in "
              "docs/undocumented.txt")
        return 1
    print(f"no new doc warnings; {len(baseline)} public names still undocumented "
          "(docs/undocumented.txt)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
