#!/usr/bin/env python3
"""Keeps danvan's functions small enough to read (issue 16, "split the god units").

  * src/: no function longer than 150 lines or with a cyclomatic complexity above 40, as
    pmccabe (Debian package pmccabe) measures them (its second column, McCabe's number with
    each case of a switch counted; its fifth, the lines of the function);
  * bindings/: no function longer than 250 lines (a binding registration function lists the
    methods of its classes; past 250 lines it is split by class), pmccabe's fifth column too.

Every .cpp and .hpp file of src/ and bindings/ is measured: pmccabe (2.8) reads a copy of each
(see sanitised below) and a file it cannot parse, or a .cpp file in which it finds no function,
is a problem, not a file whose functions go unmeasured.

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

# What pmccabe 2.8 misreads, each rewritten in the copy it measures without moving a line (so
# the line numbers and the functions' lengths are the file's own):
#  * C++17's nested namespace definitions: in a file that opens `namespace danvan::detail {` it
#    measures no function at all, silently. Such a line opens one namespace of a joined name.
NESTED_NAMESPACE = re.compile(r"^(\s*(?:inline\s+)?namespace\s+)([\w:]+::[\w:]+)(\s*\{)", re.M)
#  * `noexcept` (and `noexcept(expr)`) after a member function defined in its class: "too many
#    }'s" for the rest of the file; and GCC's `__attribute__((...))` before a function, which it
#    takes for the function's name. Both are blanked (spaces; newlines kept).
BLANKED = re.compile(r"\b(?:noexcept|__attribute__)\b")
#  * a macro that defines functions, called at the left margin without a ';' after it
#    (`DANVAN_ENUM_NAMES(Type, names, parse, "what")`): pmccabe reads the call and the next
#    definition as one function, or stops at the end of the file ("expected ';'"). A ';' ends
#    the call (a macro call opening a body, `PYBIND11_MODULE(danvan, m) {`, stays a function).
MACRO_CALL = re.compile(r"^[A-Z][A-Z0-9_]*\(", re.M)
# pmccabe's complaint about a file: `"path", line 12: too many }'s`.
PARSE_ERROR = re.compile(r'^"(.*)", line (\d+): (.*)$')


def parenthesis_end(text, at):
    """The index after the ')' that closes the '(' at `at` (the end of the text when none)."""
    depth = 0
    for i in range(at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def sanitised(text):
    """The text pmccabe measures (see the comments above); the same lines."""
    text = NESTED_NAMESPACE.sub(
        lambda m: m.group(1) + m.group(2).replace("::", "_") + m.group(3), text)
    pos = 0
    while m := BLANKED.search(text, pos):
        end = m.end()
        gap = len(text[end:]) - len(text[end:].lstrip(" "))
        if text.startswith("(", end + gap):
            end = parenthesis_end(text, end + gap)
        text = text[:m.start()] + re.sub(r"[^\n]", " ", text[m.start():end]) + text[end:]
        pos = end
    pos = 0
    while m := MACRO_CALL.search(text, pos):
        end = parenthesis_end(text, m.end() - 1)
        if not text[end:].lstrip(" \t").startswith((";", "{")):
            text = text[:end] + ";" + text[end:]
        pos = end
    return text


def pmccabe_rows(root):
    """(path, function, line, complexity, lines) of every function of src/ and bindings/, and
    the problems of the files pmccabe cannot measure."""
    files = sorted(p for d in ("src", "bindings") for p in (root / d).rglob("*")
                   if p.suffix in (".cpp", ".hpp"))
    rows = []
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp).resolve()
        joined = {}  # "danvan_detail" -> "danvan::detail", to name the functions as written
        copies = []
        for p in files:
            copy = tmp / p.relative_to(root)
            copy.parent.mkdir(parents=True, exist_ok=True)
            text = p.read_text(encoding="utf-8")
            for m in NESTED_NAMESPACE.finditer(text):
                joined[m.group(2).replace("::", "_")] = m.group(2)
            copy.write_text(sanitised(text), encoding="utf-8")
            copies.append(str(copy))
        if not copies:
            return rows, problems
        run = subprocess.run(["pmccabe", *copies], capture_output=True, text=True, check=False)
        for line in run.stdout.splitlines():
            parts = line.split("\t")
            if len(parts) < 6:
                continue
            m = re.match(r"(.*)\((\d+)\): (.*)", parts[5])
            if not m:
                continue
            path = str(pathlib.Path(m.group(1)).resolve().relative_to(tmp))
            name = m.group(3)
            first = name.split("::")[0]
            if first in joined:
                name = joined[first] + name[len(first):]
            rows.append((path, name, int(m.group(2)), int(parts[1]), int(parts[4])))
        unreadable = set()
        for line in run.stderr.splitlines():
            m = PARSE_ERROR.match(line)
            path = str(pathlib.Path(m.group(1)).resolve().relative_to(tmp)) if m else None
            if path is None or path in unreadable:
                if path is None and line.strip():
                    problems.append(f"pmccabe: {line.strip()}")
                continue
            unreadable.add(path)
            problems.append(f"{path}:{m.group(2)}: pmccabe cannot parse it ({m.group(3)}): its "
                            "functions are not measured; make tests/check_complexity.py's "
                            "sanitised() rewrite what it misreads")
        measured = {row[0] for row in rows}
        for p in files:
            path = str(p.relative_to(root))
            if p.suffix == ".cpp" and path not in measured and path not in unreadable:
                problems.append(f"{path}: pmccabe finds no function in it (a construct it "
                                "misreads silently?)")
    return rows, problems


def check(root, known=None, known_bindings=None):
    known = KNOWN if known is None else known
    known_bindings = KNOWN_BINDINGS if known_bindings is None else known_bindings
    rows, problems = pmccabe_rows(root)
    seen_known = set()
    for path, name, line, complexity, length in rows:
        key = f"{path}:{name}"
        if path.startswith("bindings/"):
            if length <= MAX_BINDING_LINES:
                continue
            if key in known_bindings:
                seen_known.add(key)
                if length <= known_bindings[key]:
                    continue
            problems.append(f"{path}:{line}: {name}: {length} lines (at most "
                            f"{MAX_BINDING_LINES})")
            continue
        if complexity <= MAX_COMPLEXITY and length <= MAX_LINES:
            continue
        if key in known:
            seen_known.add(key)
            cc_max, lines_max = known[key]
            if complexity <= cc_max and length <= lines_max:
                continue
        problems.append(f"{path}:{line}: {name}: complexity {complexity} (at most "
                        f"{MAX_COMPLEXITY}), {length} lines (at most {MAX_LINES})")
    for key in sorted((set(known) | set(known_bindings)) - seen_known):
        problems.append(f"{key}: keeps the limits now (or is gone): take it off KNOWN")
    return problems


def self_test():
    long_body = "  x += 1;\n" * 160
    branches = "".join(f"  if (x == {i}) return {i};\n" for i in range(45))
    planted = {
        "src/m/a.cpp": "int small(int x) { return x; }\n"
                       f"int branchy(int x) {{\n{branches}  return 0;\n}}\n"
                       "int long_one(int x) {\n" + long_body + "  return x;\n}\n",
        "src/m/n.cpp": "namespace outer::inner {\n\nint nested_long(int x) {\n" + long_body +
                       "  return x;\n}\n\n}  // namespace outer::inner\n",
        # What pmccabe misreads unless sanitised(): a member defined noexcept in its class, a
        # macro call without ';' (over two lines), noexcept(expr) and __attribute__ at
        # namespace scope; each followed by a function over the limits it must still find.
        "src/m/s.hpp": "struct S {\n  int get() const noexcept { return 1; }\n"
                       "  int member_long(int x) noexcept(true) {\n" + long_body +
                       "    return x;\n  }\n};\n",
        "src/m/macro.cpp": "MAKE_NAMES(Kind, kind_names,\n           parse_kind)\n"
                           "MAKE_NAMES(Other, other_names, parse_other)\n"
                           f"int after_macro(int x) {{\n{branches}  return 0;\n}}\n",
        "src/m/attr.cpp": "int before(int x) { return x; }\n"
                          "__attribute__((target(\"avx2\"), always_inline)) inline int "
                          "attributed_long(int x)\n    noexcept(noexcept(x + 1)) {\n" +
                          long_body + "  return x;\n}\n",
        # What pmccabe cannot read even so, and a .cpp in which it finds no function.
        "src/m/broken.cpp": "int fine(int x) { return x; }\n}\nint lost(int x) { return x; }\n",
        "src/m/empty.cpp": "int table[] = {1, 2, 3};\n",
        "bindings/python/b.cpp": "void register_short(int m) {\n  (void)m;\n}\n"
                                 "void register_long(int m) {\n" + "  (void)m;\n" * 260 + "}\n",
    }
    expected = ["src/m/a.cpp:2: branchy: complexity 46", "src/m/a.cpp:50: long_one",
                "src/m/n.cpp:3: outer::inner::nested_long: complexity 1",
                "src/m/s.hpp:3: S::member_long: complexity 1 (at most 40), 163 lines",
                "src/m/macro.cpp:4: after_macro: complexity 46",
                "src/m/attr.cpp:2: attributed_long: complexity 1 (at most 40), 164 lines",
                "src/m/broken.cpp:2: pmccabe cannot parse it (too many }'s)",
                "src/m/empty.cpp: pmccabe finds no function in it",
                "bindings/python/b.cpp:4: register_long: 262 lines"]
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for path, text in planted.items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)
        found = check(root, {}, {})
        # The sanitised copy keeps the lines: the functions' own numbers, nothing joined.
        copy = sanitised(planted["src/m/attr.cpp"] + planted["src/m/macro.cpp"])
        same_lines = copy.count("\n") == (planted["src/m/attr.cpp"] +
                                          planted["src/m/macro.cpp"]).count("\n")
    text = "\n".join(found)
    missing = [e for e in expected if e not in text]
    wrong = [w for w in ("small", "register_short", "get", "before", "fine", "MAKE_NAMES",
                         "__attribute__") if re.search(rf"\b{w}\b", text)]
    if missing or wrong or len(found) != len(expected) or not same_lines:
        print("self-test failed; missing " + repr(missing) + ", wrongly found " + repr(wrong) +
              "; found:\n" + text)
        return 1
    print(f"self-test: the {len(expected)} planted problems found (functions in a nested "
          "namespace, after a noexcept member, a macro call without ';' and an __attribute__; "
          "an unparseable file; a .cpp without functions), nothing else")
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
