"""Hostile input through the command line: every case is exit 1 with a located message."""
import os
import pathlib
import subprocess

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
UNITS = ROOT / "data/units/phu-yen.json"


def run(*args, stdin=None):
    p = subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def variant(tmp_path, old: bytes, new: bytes) -> pathlib.Path:
    text = UNITS.read_bytes()
    assert old in text
    path = tmp_path / "bad.json"
    path.write_bytes(text.replace(old, new, 1))
    return path


def test_number_overflow_is_exit_1_with_its_pointer(tmp_path):
    bad = variant(tmp_path, b'"version": 1', b'"version": 1e400')
    assert run("validate", bad) == (
        1, f"{bad}: /version: number out of range (beyond a double): 1e400\n", "")
    code, out, err = run("fmt", bad)
    assert (code, out) == (1, "")
    assert err == "danvan fmt: /version: number out of range (beyond a double): 1e400\n"


def test_deep_nesting_is_exit_1_not_a_crash(tmp_path):
    bad = variant(tmp_path, b'"version": 1', b'"version": ' + b"[" * 100000 + b"]" * 100000)
    assert run("validate", bad) == (
        1,
        f"{bad}: (document): invalid JSON: more than 64 nested arrays and objects at line 3, "
        "column 77\n", "")


def test_nul_byte_ends_nothing(tmp_path):
    bad = tmp_path / "nul.json"
    bad.write_bytes(UNITS.read_bytes() + b"\0garbage")
    code, out, _ = run("validate", bad)
    assert code == 1
    lines = UNITS.read_bytes().count(b"\n")
    assert out == f"{bad}: (document): invalid JSON: NUL byte at line {lines + 1}, column 1\n"


def test_standard_input_is_bounded():
    p = subprocess.run([CLI, "validate", "-"], stdin=open("/dev/zero", "rb"),
                       capture_output=True, timeout=120)
    assert p.returncode == 1
    assert p.stderr == (b"danvan validate: (standard input): larger than the input limit of "
                        b"1073741824 bytes\n")


def test_dev_zero_is_bounded():
    assert run("validate", "/dev/zero") == (
        1, "", "danvan validate: /dev/zero: larger than the input limit of 1073741824 bytes\n")


def test_dates_at_the_end_of_time_are_exit_1():
    assert run("calendar", "deadline", "31/12/9999", "30") == (
        1, "", "danvan calendar: 30 days after 9999-12-31 is past 9999-12-31, the last day "
        "danvan handles\n")
    code, out, err = run("exemplars", "stats", ROOT / "data/registry/sample-registry.json",
                         "--year", "1401")
    assert (code, out) == (2, "")
    assert err == ("danvan exemplars: --year expects an integer 1402..9999, got \"1401\"\n"
                   "(see 'danvan exemplars --help')\n")


def test_control_characters_are_rejected_and_never_printed_raw(tmp_path):
    bad = variant(tmp_path, b'"name": "', b'"name": "\\u001b[31m')
    code, out, _ = run("validate", bad)
    assert code == 1
    assert out.splitlines()[0] == (f"{bad}: /units/0/name: control character U+001B at byte 0 "
                                   "(text must not contain control characters)")
    key = variant(tmp_path, b'"version": 1', b'"version": 1, "\\u001b[2J\xc2\x9b": 1')
    assert run("fmt", key) == (
        1, "", 'danvan fmt: /\\x1B[2J\\u009B: unknown key "\\x1B[2J\\u009B"\n')
