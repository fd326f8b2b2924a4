"""A deterministic hostile-input suite: 1,000+ broken variants of every document kind.

Each variant is made invalid on purpose (truncated, a NUL byte, a number beyond a double, a
control character in a text, a string replaced by a number, deep nesting, malformed UTF-8,
a duplicate or an unknown key), so every one must be rejected: exit 1 with a message naming
the file, never exit 3 (internal error), never a signal, never accepted. Plans, catalogues,
unit hierarchies, registries and calendars go through one `danvan validate` run (one line per
problem, so each file must appear in the output); progress plans and report batches through
`danvan progress`, one run each.
"""
import os
import pathlib
import random
import re
import subprocess

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))

VALIDATED = {
    "plan": ROOT / "data/plans/phu-yen-2020-nam-dan-van-kheo.json",
    "instruments": ROOT / "data/instruments/catalogue.json",
    "units": ROOT / "data/units/phu-yen.json",
    "registry": ROOT / "fuzz/corpus/registry/seed1.json",
    "calendar": ROOT / "data/calendar/vietnam.json",
}
PROGRESS = ROOT / "data/progress/phu-yen-2020-progress.json"
REPORTS = ROOT / "data/progress/phu-yen-2020-reports.json"

STRING_VALUE = re.compile(rb'": "([^"\\]+)"')
INTEGER = re.compile(rb'(?<=[:\[,] )-?[0-9]+(?=[,\]}\n])')


def pick(rng, matches):
    return matches[rng.randrange(len(matches))]


def mutants(text: bytes, rng: random.Random, count: int):
    """`count` variants of `text`, each invalid by construction, with the kind of damage."""
    strings = list(STRING_VALUE.finditer(text))
    integers = list(INTEGER.finditer(text))
    objects = [m.start() for m in re.finditer(rb'\{\s*"', text)]
    kinds = ["truncate", "nul", "overflow", "control", "type", "deep", "utf8", "unknown_key",
             "duplicate_key"]
    out = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        if kind == "truncate":
            at = rng.randrange(1, len(text) - 3)
            out.append((kind, text[:at]))
        elif kind == "nul":
            at = rng.randrange(0, len(text) + 1)
            out.append((kind, text[:at] + b"\0" + text[at:]))
        elif kind == "overflow" and integers:
            m = pick(rng, integers)
            out.append((kind, text[:m.start()] + rng.choice([b"1e400", b"-1e400", b"9e999"]) +
                        text[m.end():]))
        elif kind == "control" and strings:
            m = pick(rng, strings)
            at = rng.randrange(m.start(1), m.end(1) + 1)
            c = rng.choice([b"\\u001b[2J", b"\\n", b"\\r", b"\\u0000", b"\x7f", b"\xc2\x9b",
                            b"\\u0085", b"\\t"])
            out.append((kind, text[:at] + c + text[at:]))
        elif kind == "type" and strings:
            m = pick(rng, strings)
            out.append((kind, text[:m.start(1) - 1] + b"12345" + text[m.end(1) + 1:]))
        elif kind == "deep" and strings:
            m = pick(rng, strings)
            depth = rng.choice([65, 1000, 100000])
            out.append((kind, text[:m.start(1) - 1] + b"[" * depth + b"]" * depth +
                        text[m.end(1) + 1:]))
        elif kind == "utf8" and strings:
            m = pick(rng, strings)
            at = rng.randrange(m.start(1), m.end(1) + 1)
            out.append((kind, text[:at] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80"]) +
                        text[at:]))
        elif kind == "unknown_key" and objects:
            at = pick(rng, objects) + 1
            out.append((kind, text[:at] + b'"zz_unknown": 1, ' + text[at:]))
        else:  # duplicate_key (or a kind the text has no place for)
            at = text.index(b"{") + 1
            out.append(("duplicate_key", text[:at] + b'"schema": "danvan/x", ' + text[at:]))
    return out


def test_validate_rejects_every_variant_with_a_message(tmp_path):
    rng = random.Random(15)
    files = {}
    for name, path in VALIDATED.items():
        for i, (kind, text) in enumerate(mutants(path.read_bytes(), rng, 220)):
            f = tmp_path / f"{name}-{i:03d}-{kind}.json"
            f.write_bytes(text)
            files[str(f)] = kind
    assert len(files) >= 1000
    p = subprocess.run([CLI, "validate", *files], capture_output=True, timeout=600)
    assert p.returncode == 1, p.stderr[-2000:]
    assert p.stderr == b""
    reported = {line.split(b": ", 1)[0].decode() for line in p.stdout.splitlines()}
    accepted = sorted(f for f in files if f not in reported)
    assert accepted == [], f"{len(accepted)} wrong accepts, e.g. {accepted[:3]}"


def test_progress_rejects_every_variant_with_a_message(tmp_path):
    rng = random.Random(16)
    runs = 0
    for which, path in (("progress", PROGRESS), ("reports", REPORTS)):
        for i, (kind, text) in enumerate(mutants(path.read_bytes(), rng, 45)):
            f = tmp_path / f"{which}-{i:03d}-{kind}.json"
            f.write_bytes(text)
            args = [f, REPORTS] if which == "progress" else [PROGRESS, f]
            p = subprocess.run([CLI, "progress", *args], capture_output=True, timeout=120)
            runs += 1
            assert p.returncode == 1, (f, p.returncode, p.stderr[-500:])
            assert p.stdout == b""
            message = p.stderr.decode("utf-8")
            assert message.startswith("danvan progress: "), (f, message)
            assert f.name in message, (f, message)
    assert runs == 90
