#!/usr/bin/env python3
"""Checks the Python stubs (bindings/python/danvan/__init__.pyi) against the built module with
mypy's stubtest (ctest python.stubtest): `python3 -m mypy.stubtest danvan`.

Every error stubtest reports fails the test except three kinds that say nothing about the
stubs, each recognised by its message and checked against the runtime object:
  * "metaclass differs" for a class whose runtime metaclass is pybind11's (stubs do not spell
    pybind11_type);
  * "__new__ is inconsistent" for an enumeration (a str-valued enum.Enum at runtime: mypy 1.0
    compares the stub with str.__new__'s overloads);
  * '__init__ ... stub does not have *args argument "args"' for a class Python cannot construct
    (pybind11's stand-in __init__ raises TypeError "No constructor defined!").
The private modules danvan._arguments and danvan._dicts have no stubs of their own: stubtest
reads each as its own stub, and they are checked like the rest (no excusal): they import
typing names module-qualified and avoid narrowings for which mypy makes up types, which
stubtest would otherwise report as public names missing at runtime.

Usage: check_stubs.py MODULE_DIR   (the build's python/ directory holding danvan/)
Exit 77 (ctest: skipped) when mypy is not installed.
"""
import enum
import importlib
import importlib.util
import os
import re
import subprocess
import sys

ERROR = re.compile(r"^error: (?P<name>[\w.]+) (?P<text>.*)$")


def runtime(name):
    parts = name.split(".")
    obj = importlib.import_module(parts[0])
    for part in parts[1:]:
        obj = getattr(obj, part)
    return obj


def cannot_construct(cls):
    try:
        cls()
    except TypeError as e:
        return "No constructor defined" in str(e)
    return False


def excused(name, text):
    try:
        if text == "is inconsistent, metaclass differs":
            return type(runtime(name)).__name__ == "pybind11_type"
        if name.endswith(".__new__") and text.startswith("is inconsistent"):
            cls = runtime(name.rsplit(".", 1)[0])
            return isinstance(cls, type) and issubclass(cls, enum.Enum)
        if name.endswith(".__init__") and 'stub does not have *args argument "args"' in text:
            return cannot_construct(runtime(name.rsplit(".", 1)[0]))
    except AttributeError:
        return False
    return False


def main(argv):
    if importlib.util.find_spec("mypy") is None:
        print("mypy is not installed (Debian package python3-mypy): not run")
        return 77
    if len(argv) != 2:
        print(__doc__)
        return 2
    sys.path.insert(0, argv[1])
    env = dict(os.environ, PYTHONPATH=argv[1] + os.pathsep + os.environ.get("PYTHONPATH", ""))
    run = subprocess.run([sys.executable, "-m", "mypy.stubtest", "danvan"], capture_output=True,
                         text=True, check=False, env=env, cwd=argv[1])
    lines = run.stdout.splitlines()
    errors = []
    excused_count = 0
    for k, line in enumerate(lines):
        m = ERROR.match(line)
        if not m:
            continue
        if excused(m.group("name"), m.group("text")):
            excused_count += 1
            continue
        # The error line and stubtest's detail under it (stub and runtime signatures).
        detail = []
        for follow in lines[k + 1:]:
            if follow.startswith("error: ") or follow.startswith("Found "):
                break
            detail.append(follow)
        errors.append("\n".join([line] + detail).rstrip())
    if run.returncode not in (0, 1) or (run.returncode == 1 and not errors and not excused_count):
        print(run.stdout + run.stderr)
        print(f"stubtest failed to run (exit {run.returncode})")
        return 1
    for e in errors:
        print(e + "\n")
    if errors:
        print(f"{len(errors)} stub error(s) ({excused_count} excused: pybind11 metaclass, "
              "str enums' __new__, classes without a Python constructor)")
        return 1
    print(f"stubs agree with the module ({excused_count} excused: pybind11 metaclass, "
          "str enums' __new__, classes without a Python constructor)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
