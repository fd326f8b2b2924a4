#!/usr/bin/env python3
"""Checks danvan's module layering (docs/architecture.md) over the include graph.

Every source under src/<module>/ and every public header under include/danvan/ belongs to one
module. A file may include only headers of the modules its own module may use (MAY_USE): the
core never includes the io or json modules, a lower core module never includes a higher one,
and siblings (registry, progress, references) do not include each other. Also:
  * nlohmann/json appears only in the json module;
  * POSIX and stream file headers appear only in the io, json and formats modules;
  * the Python bindings include public headers only (nothing under src/).

Usage: check_layers.py ROOT        check the tree at ROOT (exit 1 and a list of violations)
       check_layers.py --self-test  check that the checker finds planted violations
"""
import pathlib
import re
import sys
import tempfile

CORE = ["base", "text", "model", "calendar", "registry", "progress", "references", "render"]

# What each module may include (its own module included).
MAY_USE = {
    "base": {"base"},
    "text": {"base", "text"},
    "model": {"base", "text", "model"},
    "calendar": {"base", "text", "model", "calendar"},
    "registry": {"base", "text", "model", "calendar", "registry"},
    "progress": {"base", "text", "model", "calendar", "progress"},
    "references": {"base", "text", "model", "calendar", "references"},
    "render": {"base", "text", "model", "calendar", "registry", "progress", "references",
               "render"},
    "core": set(CORE) | {"core"},  # the umbrella danvan/danvan.hpp
    "io": {"base", "io"},
    "json": set(CORE) | {"core", "io", "json"},
    # danvan::formats: the text of published documents (.docx, .html, .pdf, legacy encodings)
    # and spreadsheets (.xlsx), with the forms and tables of the core's documents.
    "formats": {"base", "text", "model", "calendar", "registry", "progress", "io", "formats"},
    # danvan::office: Word documents out (the recognition decision, the plan as a document).
    "office": {"base", "text", "model", "calendar", "registry", "io", "office"},
}

# The module of each public header (include/danvan/<name>); danvan/json/* is json.
PUBLIC = {
    "error.hpp": "base", "version.hpp": "base",
    "text.hpp": "text", "table.hpp": "text",
    "date.hpp": "model", "period.hpp": "model", "document_type.hpp": "model",
    "symbol.hpp": "model", "instrument.hpp": "model", "unit.hpp": "model", "plan.hpp": "model",
    "unit_register.hpp": "model", "unit_list.hpp": "model",
    "calendar.hpp": "calendar", "lunar.hpp": "calendar", "deadline.hpp": "calendar",
    "registry.hpp": "registry",
    "registry_table.hpp": "registry",
    "progress.hpp": "progress", "report.hpp": "progress", "workflow.hpp": "progress", "rules.hpp": "progress",
    "references.hpp": "references", "import_text.hpp": "references",
    "render.hpp": "render", "progress_render.hpp": "render",
    "danvan.hpp": "core",
    "io.hpp": "io",
    "json.hpp": "json",
    "document_text.hpp": "formats", "spreadsheet.hpp": "formats",
    "progress_forms.hpp": "formats", "registry_sheets.hpp": "formats",
    "unit_list_sheet.hpp": "formats",
    "office.hpp": "office",
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)
OS_HEADERS = re.compile(r"^(fcntl\.h|unistd\.h|sys/.*|fstream|malloc\.h)$")


def module_of_header(name):
    """The module of an include path as written ("danvan/x.hpp", "base/y.hpp"): None for
    headers that are not danvan's, "?" for a public header of no module."""
    parts = name.split("/")
    if parts[0] == "danvan" and len(parts) > 1:
        if len(parts) > 2 and parts[1] == "json":
            return "json"
        return PUBLIC.get("/".join(parts[1:]), "?")
    if parts[0] in MAY_USE and len(parts) > 1:
        return parts[0]
    return None


def files(root, sub, suffixes=(".cpp", ".hpp")):
    base = root / sub
    if not base.is_dir():
        return []
    return sorted(p for p in base.rglob("*") if p.suffix in suffixes)


def check(root):
    root = pathlib.Path(root)
    problems = []
    sources = []
    for path in files(root, "include/danvan"):
        module = module_of_header(str(path.relative_to(root / "include")))
        if module == "?":
            problems.append(f"{path.relative_to(root)}: public header of no module; add it to "
                            "PUBLIC in tests/check_layers.py and to docs/architecture.md")
            continue
        sources.append((path, module))
    for path in files(root, "src"):
        parts = path.relative_to(root / "src").parts
        if len(parts) < 2 or parts[0] not in MAY_USE or parts[0] == "core":
            problems.append(f"{path.relative_to(root)}: not in a module folder "
                            f"(src/<{'|'.join(CORE + ['io', 'json', 'formats', 'office'])}>/)")
            continue
        sources.append((path, parts[0]))

    for path, module in sources:
        where = path.relative_to(root)
        for kind, name in INCLUDE.findall(path.read_text(encoding="utf-8")):
            if name.startswith("nlohmann/") and module != "json":
                problems.append(f"{where}: includes <{name}>; only the json module may")
                continue
            if kind == "<" and OS_HEADERS.match(name) and module not in ("io", "json", "formats"):
                problems.append(f"{where}: includes <{name}>; file I/O belongs in the io module")
                continue
            target = module_of_header(name)
            if target is None:
                continue
            if target == "?":
                problems.append(f"{where}: includes \"{name}\", a header of no module")
            elif target not in MAY_USE[module]:
                problems.append(f"{where}: module {module} includes \"{name}\" of module "
                                f"{target}; {module} may include only "
                                f"{', '.join(sorted(MAY_USE[module]))}")

    for path in files(root, "bindings"):
        for _, name in INCLUDE.findall(path.read_text(encoding="utf-8")):
            internal = module_of_header(name) is not None and not name.startswith("danvan/")
            if internal or name.startswith("src/") or "../src/" in name:
                problems.append(f"{path.relative_to(root)}: includes \"{name}\"; the bindings "
                                "use public headers only")
    return problems


def self_test():
    plant = {
        "include/danvan/unit.hpp": '#include "danvan/registry.hpp"\n',
        "include/danvan/calendar.hpp": "#include <nlohmann/json.hpp>\n",
        "include/danvan/mystery.hpp": "\n",
        "src/model/unit.cpp": '#include "danvan/json/json.hpp"\n',
        "src/registry/registry.cpp": '#include "progress/report_check.hpp"\n#include <fstream>\n',
        "src/json/json.cpp": '#include "danvan/registry.hpp"\n#include <nlohmann/json.hpp>\n',
        "src/io/file.cpp": '#include "danvan/error.hpp"\n#include <fcntl.h>\n',
        "src/loose.cpp": "\n",
        "bindings/python/src/plans.cpp": '#include "json/object_reader.hpp"\n',
        "bindings/python/src/units.cpp": '#include "common.hpp"\n#include <danvan/json.hpp>\n',
    }
    expected = [
        'include/danvan/unit.hpp: module model includes "danvan/registry.hpp"',
        "include/danvan/calendar.hpp: includes <nlohmann/json.hpp>",
        "include/danvan/mystery.hpp: public header of no module",
        'src/model/unit.cpp: module model includes "danvan/json/json.hpp"',
        'src/registry/registry.cpp: module registry includes "progress/report_check.hpp"',
        "src/registry/registry.cpp: includes <fstream>",
        "src/loose.cpp: not in a module folder",
        'bindings/python/src/plans.cpp: includes "json/object_reader.hpp"',
    ]
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        for rel, text in plant.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        found = check(root)
    missing = [e for e in expected if not any(f.startswith(e) for f in found)]
    if missing or len(found) != len(expected):
        print("self-test failed; missing:", *missing, "found:", *found, sep="\n  ")
        return 1
    print(f"self-test passed ({len(expected)} planted violations found, none else)")
    return 0


def main(argv):
    if argv[1:] == ["--self-test"]:
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    problems = check(argv[1])
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} layering violation(s); see docs/architecture.md")
        return 1
    print("layering ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
