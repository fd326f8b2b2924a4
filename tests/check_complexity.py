#!/usr/bin/env python3
"""Keeps danvan's functions small enough to read (issue 16, "split the god units").

  * src/: no function longer than 150 lines or with a cyclomatic complexity above 40, as
    pmccabe (Debian package pmccabe) measures them (its second column, McCabe's number with
    each case of a switch counted; its fifth, the lines of the function);
  * bindings/: no function longer than 250 lines (a binding registration function lists the
    methods of its classes; past 250 lines it is split by class). Measured from the line that
    opens a function at the left margin to the '}' at the left margin that closes it, because
    pmccabe reads pybind11's macros as functions.

KNOWN lists the functions still over a limit, each with the measure it may not exceed: the
list may only shrink (a known function that now keeps the limits must be taken off it).

Usage: check_complexity.py ROOT       check the tree at ROOT (exit 1 with the functions over)
       check_complexity.py --self-test check that the checker finds planted functions
Exit 77 (ctest: skipped) when pmccabe is not installed.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

MAX_LINES = 150
MAX_COMPLEXITY = 40
MAX_BINDING_LINES = 250

# "path:function" -> (complexity, lines) it may not exceed; bindings: "path:function" -> lines.
KNOWN = {
}
KNOWN_BINDINGS = {
}

DEFINITION = re.compile(r"^[A-Za-z_][\w:<>,\s\*&]*\s+[\w:~]+\([^;]*$")


# pmccabe (2.8) does not know C++17's nested namespace definitions: in a file that opens
# `namespace danvan::detail {` it measures no function at all, silently. It reads a copy in
# which such a line opens one namespace of a joined name (the same lines, the same braces).
NESTED_NAMESPACE = re.compile(r"^(\s*(?:inline\s+)?namespace\s+)([\w:]+::[\w:]+)(\s*\{)", re.M)


def pmccabe_rows(root):
    files = sorted(p for p in (root / "src").rglob("*") if p.suffix in (".cpp", ".hpp"))
    if not files:
        return []
    joined = {}  # "danvan_detail" -> "danvan::detail", to name the functions as written
    with tempfile.TemporaryDirectory() as tmp:
        copies = []
        for p in files:
            copy = pathlib.Path(tmp) / p.relative_to(root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            text = p.read_text(encoding="utf-8")
            for m in NESTED_NAMESPACE.finditer(text):
                joined[m.group(2).replace("::", "_")] = m.group(2)
            copy.write_text(NESTED_NAMESPACE.sub(
                lambda m: m.group(1) + m.group(2).replace("::", "_") + m.group(3), text),
                encoding="utf-8")
            copies.append(str(copy))
        out = subprocess.run(["pmccabe", *copies], capture_output=True, text=True,
                             check=False).stdout
        rows = []
        for line in out.splitlines():
            parts = line.split("\t")
            if len(parts) < 6:
                continue
            where = parts[5]
            m = re.match(r"(.*)\((\d+)\): (.*)", where)
            if not m:
                continue
            path = str(pathlib.Path(m.group(1)).resolve().relative_to(pathlib.Path(tmp).resolve()))
            name = m.group(3)
            first = name.split("::")[0]
            if first in joined:
                name = joined[first] + name[len(first):]
            rows.append((path, name, int(m.group(2)), int(parts[1]), int(parts[4])))
    return rows


def binding_functions(root):
    """(path, name, first line, lines) of each function opened at the left margin."""
    found = []
    for p in sorted((root / "bindings").rglob("*.cpp")):
        lines = p.read_text(encoding="utf-8").splitlines()
        k = 0
        while k < len(lines):
            line = lines[k]
            if DEFINITION.match(line) and not line.startswith(("namespace", "struct", "class")):
                # The signature may run over lines; the body opens with '{' at its end.
                start = k
                while k < len(lines) and not lines[k].rstrip().endswith("{"):
                    k += 1
                end = k + 1
                while end < len(lines) and not lines[end].startswith("}"):
                    end += 1
                name = re.search(r"([\w:~]+)\(", line).group(1)
                found.append((str(p.relative_to(root)), name, start + 1, end - start + 1))
                k = end
            k += 1
    return found


def check(root, known=None, known_bindings=None):
    known = KNOWN if known is None else known
    known_bindings = KNOWN_BINDINGS if known_bindings is None else known_bindings
    problems = []
    seen_known = set()
    for path, name, line, complexity, length in pmccabe_rows(root):
        key = f"{path}:{name}"
        if complexity <= MAX_COMPLEXITY and length <= MAX_LINES:
            continue
        if key in known:
            seen_known.add(key)
            cc_max, lines_max = known[key]
            if complexity <= cc_max and length <= lines_max:
                continue
        problems.append(f"{path}:{line}: {name}: complexity {complexity} (at most "
                        f"{MAX_COMPLEXITY}), {length} lines (at most {MAX_LINES})")
    for path, name, line, length in binding_functions(root):
        key = f"{path}:{name}"
        if length <= MAX_BINDING_LINES:
            continue
        if key in known_bindings:
            seen_known.add(key)
            if length <= known_bindings[key]:
                continue
        problems.append(f"{path}:{line}: {name}: {length} lines (at most {MAX_BINDING_LINES})")
    for key in sorted((set(known) | set(known_bindings)) - seen_known):
        problems.append(f"{key}: keeps the limits now (or is gone): take it off KNOWN")
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "src" / "m").mkdir(parents=True)
        (root / "bindings" / "python").mkdir(parents=True)
        branches = "".join(f"  if (x == {i}) return {i};\n" for i in range(45))
        (root / "src" / "m" / "a.cpp").write_text(
            "int small(int x) { return x; }\n"
            f"int branchy(int x) {{\n{branches}  return 0;\n}}\n"
            "int long_one(int x) {\n" + "  x += 1;\n" * 160 + "  return x;\n}\n")
        (root / "src" / "m" / "n.cpp").write_text(
            "namespace outer::inner {\n\nint nested_long(int x) {\n" + "  x += 1;\n" * 160 +
            "  return x;\n}\n\n}  // namespace outer::inner\n")
        (root / "bindings" / "python" / "b.cpp").write_text(
            "void register_short(int m) {\n  (void)m;\n}\n"
            "void register_long(int m) {\n" + "  (void)m;\n" * 260 + "}\n")
        found = "\n".join(check(root, {}, {}))
        expected = ["src/m/a.cpp:2: branchy: complexity 46", "src/m/a.cpp:50: long_one",
                    "src/m/n.cpp:3: outer::inner::nested_long: complexity 1",
                    "bindings/python/b.cpp:4: register_long: 262 lines"]
        missing = [e for e in expected if e not in found]
        wrong = [w for w in ("small", "register_short") if w + ":" in found]
        if missing or wrong or found.count("\n") != 3:
            print("self-test failed; found:\n" + found)
            return 1
    print("self-test: the four planted functions found (one in a nested namespace), nothing else")
    return 0


def main(argv):
    if shutil.which("pmccabe") is None:
        print("pmccabe is not installed (Debian package pmccabe): not run")
        return 77
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    problems = check(pathlib.Path(argv[1]))
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} function(s) over the limits (tests/check_complexity.py)")
        return 1
    known = len(KNOWN) + len(KNOWN_BINDINGS)
    print("every function keeps the limits (src: complexity <= 40, <= 150 lines; bindings: "
          f"<= 250 lines) but {known} known ones, which stay within their recorded measures")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
