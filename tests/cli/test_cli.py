"""End-to-end tests of the danvan command-line tool (run by ctest with DANVAN_CLI set)."""
import json
import os
import pathlib
import subprocess

import pytest

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
PLAN = ROOT / "data/plans/phu-yen-2020-nam-dan-van-kheo.json"
CATALOGUE = ROOT / "data/instruments/catalogue.json"


def run(*args, stdin=None):
    p = subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, text=True,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def test_validate_bundled_data():
    assert run("validate", PLAN, CATALOGUE) == (0, "", "")


def test_validate_reports_one_line_per_problem(tmp_path):
    doc = json.loads(PLAN.read_text("utf-8"))
    doc["task_areas"][2]["citations"][1]["instrument"] = "ct-99"
    doc["period"]["from"] = 2020
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    code, out, err = run("validate", bad)
    assert code == 1
    assert out.splitlines() == [
        f"{bad}: /period/from: expected a string, got an integer",
        f"{bad}: /task_areas/2/citations/1/instrument: unknown instrument \"ct-99\"",
    ]
    assert err == ""


def test_validate_mixed_files_and_missing_file(tmp_path):
    code, out, err = run("validate", PLAN, tmp_path / "missing.json")
    assert code == 1
    assert out == ""
    assert err == f"danvan validate: {tmp_path / 'missing.json'}: No such file or directory\n"


def test_validate_not_json(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("Kế hoạch", "utf-8")
    code, out, _ = run("validate", bad)
    assert code == 1
    assert out.startswith(f"{bad}: (document): invalid JSON: parse error at line 1, column 1:")


def test_validate_reads_stdin():
    assert run("validate", "-", stdin=PLAN.read_text("utf-8"))[0] == 0


def test_fmt_is_canonical_and_idempotent(tmp_path):
    messy = tmp_path / "messy.json"
    messy.write_text(json.dumps(json.loads(CATALOGUE.read_text("utf-8")), indent=None), "utf-8")
    code, out, _ = run("fmt", messy)
    assert code == 0
    assert out == CATALOGUE.read_text("utf-8")


def test_fmt_rejects_invalid_with_pointer(tmp_path):
    doc = json.loads(CATALOGUE.read_text("utf-8"))
    doc["instruments"][0]["type"] = "memo"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), "utf-8")
    code, out, err = run("fmt", bad)
    assert (code, out) == (1, "")
    assert err == ('danvan fmt: /instruments/0/type: unknown document type "memo"; expected one of '
                   'constitution, code_of_law, law, resolution, joint_resolution, '
                   'ordinance, order, decree, decision, circular, joint_circular, '
                   'consolidated_text, directive, regulation, rules, public_notice, '
                   'notice, guidance, programme, plan, option_plan, scheme, project, '
                   'report, minutes, submission, contract, official_telegram, invitation, '
                   'introduction_letter, authorisation_letter, dispatch_slip, '
                   'transfer_slip, notification_slip, conclusion, circular_instruction, '
                   'official_letter\n')


def test_show_text_lists_five_task_areas_and_seven_instruments():
    code, out, _ = run("show", PLAN)
    assert code == 0
    for n in range(1, 6):
        assert f"\n{n}. " in out
    assert "V. VĂN BẢN ĐƯỢC VIỆN DẪN (7)" in out
    for needle in ["79-CTr/BDVTW-BCSĐCP", "217-QĐ/TW", "26/CT-TTg",
                   "Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy Phú Yên",
                   "Chỉ thị số 23 của Ủy ban nhân dân tỉnh Phú Yên",
                   "Kế hoạch số 35 năm 2020 của Ủy ban nhân dân tỉnh Phú Yên"]:
        assert needle in out, needle


def test_show_markdown_and_json():
    code, out, _ = run("show", PLAN, "--format", "markdown")
    assert code == 0 and out.startswith("# Kế hoạch")
    code, out, _ = run("show", PLAN, "--format=json")
    assert code == 0 and out == PLAN.read_text("utf-8")


@pytest.mark.parametrize("args,message", [
    (["show", str(PLAN), "--format", "pdf"],
     'danvan show: unknown format "pdf"; expected one of text, markdown, json, docx\n'
     "(see 'danvan show --help')\n"),
    (["show", str(PLAN), "--colour"],
     "danvan show: unknown option '--colour'\n(see 'danvan show --help')\n"),
    (["show"], "danvan show: missing argument\n(see 'danvan show --help')\n"),
    (["show", str(PLAN), "--format"],
     "danvan show: option --format needs a value\n(see 'danvan show --help')\n"),
    (["fmt", "a", "b"], "danvan fmt: unexpected argument 'b'\n(see 'danvan fmt --help')\n"),
    (["frobnicate"], "danvan: unknown command 'frobnicate' (see 'danvan --help')\n"),
])
def test_usage_errors_exit_2_with_a_clear_message(args, message):
    code, out, err = run(*args)
    assert (code, out, err) == (2, "", message)


@pytest.mark.parametrize("args,message", [
    # An option given twice is refused (it was "the last one wins" before CLI11).
    (["show", str(PLAN), "--format", "text", "--format=json"],
     "danvan show: option --format is given more than once\n(see 'danvan show --help')\n"),
    (["text", "--quiet", "x", "--quiet"],
     "danvan text: option --quiet is given more than once\n(see 'danvan text --help')\n"),
    (["text", "x", "--quiet=yes"],
     "danvan text: option --quiet takes no value\n(see 'danvan text --help')\n"),
    (["text", "--help=yes"],
     "danvan text: option --help takes no value\n(see 'danvan text --help')\n"),
    # "--help" does not hide an unknown option, nor an unknown one the value after it.
    (["show", str(PLAN), "--help", "--colour=red"],
     "danvan show: unknown option '--colour'\n(see 'danvan show --help')\n"),
    (["show", "-x", str(PLAN)], "danvan show: unknown option '-x'\n(see 'danvan show --help')\n"),
    # "--name=" gives the empty value; the value of "--format" may start with "-".
    (["show", str(PLAN), "--format="],
     'danvan show: unknown format ""; expected one of text, markdown, json, docx\n'
     "(see 'danvan show --help')\n"),
    (["show", str(PLAN), "--format", "--json"],
     'danvan show: unknown format "--json"; expected one of text, markdown, json, docx\n'
     "(see 'danvan show --help')\n"),
    # A negative number is an argument, for the command to judge.
    (["calendar", "deadline", "2026-05-01", "-3"],
     'danvan calendar: day count "-3" is negative; DAYS counts forward from DATE (0..36500), '
     "counting backwards is not supported\n(see 'danvan calendar --help')\n"),
])
def test_option_parsing_rules(args, message):
    code, out, err = run(*args)
    assert (code, out, err) == (2, "", message)


def test_double_dash_ends_the_options_and_dash_is_standard_input(tmp_path):
    named = tmp_path / "--format"
    named.write_text(PLAN.read_text("utf-8"), "utf-8")
    # "--" ends the options: what follows is a file, even one named like an option.
    p = subprocess.run([CLI, "fmt", "--", "--format"], cwd=tmp_path, capture_output=True,
                       text=True, timeout=60)
    assert (p.returncode, p.stderr) == (0, "") and p.stdout == PLAN.read_text("utf-8")
    assert run("fmt", "-", stdin=PLAN.read_text("utf-8")) == (0, PLAN.read_text("utf-8"), "")
    code, out, err = run("show", "-", "--format=json", stdin=PLAN.read_text("utf-8"))
    assert (code, out, err) == (0, PLAN.read_text("utf-8"), "")


SHOW_HELP_OPTIONS = """
Options:
  -h,--help             print this help and exit
  --format VALUE        text (default), markdown, json (canonical JSON) or docx
  --output VALUE        the .docx file to write (--format docx; atomically)
  --unit-register VALUE a danvan/units register resolving units named by code
"""


def test_help_lists_the_commands_options():
    code, out, err = run("show", "--help")
    assert (code, err) == (0, "")
    usage, options = out.split("\nOptions:\n")
    assert usage.startswith("usage: danvan show FILE")
    assert out.endswith(SHOW_HELP_OPTIONS), out
    code, out, _ = run("text", "-h")
    assert code == 0 and "\n  --quiet" in out and "--quiet VALUE" not in out
    # Help needs none of the command's arguments.
    assert run("progress", "validate", "--help")[0] == 0


def commands():
    """The names of the commands 'danvan --help' lists ("progress workflow" has two words)."""
    code, out, _ = run("--help")
    assert code == 0
    listed = out.split("\nCommands:\n")[1].split("\n\n")[0].splitlines()
    names = []
    for line in listed:
        words = line.split()
        two = " ".join(words[:2])
        names.append(two if run(*words[:2], "--help")[1].startswith(f"usage: danvan {two}")
                     else words[0])
    return names


def test_every_option_of_every_command_has_a_description():
    names = commands()
    assert {"show", "exemplars", "progress", "progress workflow", "units"} <= set(names)
    for name in names:
        code, out, err = run(*name.split(), "--help")
        assert (code, err) == (0, ""), name
        options = out.split("\nOptions:\n")[1].splitlines()
        assert options, name
        for line in options:
            # "  --name VALUE   description": a description after the name (and VALUE).
            fields = line.split(None, 2 if " VALUE " in line else 1)
            assert line.startswith("  -") and len(fields) == (3 if " VALUE " in line else 2), (
                name, line)


def test_show_missing_file_exits_1():
    assert run("show", "/nonexistent/plan.json") == (
        1, "", "danvan show: /nonexistent/plan.json: No such file or directory\n")


@pytest.mark.parametrize("command", ["validate", "fmt", "show"])
def test_every_command_has_help(command):
    code, out, _ = run(command, "--help")
    assert code == 0 and out.startswith(f"usage: danvan {command}")


def test_top_level_help_lists_commands():
    code, out, _ = run("--help")
    assert code == 0
    for command in ["validate", "fmt", "show"]:
        assert f"  {command} " in out


def test_show_docx_writes_the_plan_as_a_word_file(tmp_path):
    out = tmp_path / "kh.docx"
    code, _, err = run("show", PLAN, "--format", "docx", "--output", out)
    if code != 0 and "without danvan::office" in err:
        return  # a build without .docx writing: said plainly
    assert code == 0, err
    assert out.read_bytes()[:2] == b"PK"
    code, text, err = run("text", out)
    assert code == 0, err
    plan = json.loads(PLAN.read_text("utf-8"))
    assert f"\n{plan['title']}\n" in text
    # The founding plan states no number: a blank to fill in.
    assert "|\nSố: ....../KH-......\n|\n" in text
    # Usage: docx needs --output; --output only goes with docx.
    assert run("show", PLAN, "--format", "docx")[0] == 2
    code, _, err = run("show", PLAN, "--output", out)
    assert code == 2 and "--output goes with --format docx only" in err
    code, _, err = run("show", PLAN, "--format", "docx", "--output", tmp_path / "no" / "x.docx")
    assert code == 1 and "does not exist" in err
