"""The exception hierarchy: classes, bases, attributes and the C++ messages."""

import builtins
import errno
import os

import pytest

import danvan
from conftest import PLAN_PATH, ROOT

REGISTRY_PATH = ROOT / "data" / "registry" / "sample-registry.json"


def test_hierarchy():
    assert issubclass(danvan.Error, Exception)
    assert issubclass(danvan.ValueError, danvan.Error)
    assert issubclass(danvan.ValueError, builtins.ValueError)
    assert issubclass(danvan.ParseError, danvan.ValueError)
    assert issubclass(danvan.JsonError, danvan.ValueError)
    assert issubclass(danvan.IoError, danvan.Error)
    assert issubclass(danvan.IoError, OSError)
    assert not issubclass(danvan.IoError, builtins.ValueError)
    assert not issubclass(danvan.ValueError, OSError)
    for cls in (danvan.Error, danvan.ValueError, danvan.ParseError, danvan.JsonError,
                danvan.IoError):
        assert cls.__module__ == "danvan"
        assert cls.__doc__


def test_value_error_message():
    with pytest.raises(danvan.ValueError) as e:
        danvan.PartialDate(2020, 2, 30)
    assert str(e.value) == "day 30 does not exist in 02/2020"
    assert type(e.value) is danvan.ValueError


def test_caught_as_builtin_value_error():
    with pytest.raises(builtins.ValueError, match="^month 13 is out of range 1..12$"):
        danvan.PartialDate(2020, 13)


def test_parse_error_attributes():
    with pytest.raises(danvan.ParseError) as e:
        danvan.parse_symbol("26/CT-TTg!!")
    err = e.value
    assert str(err) == "cannot parse \"26/CT-TTg!!\" at offset 9: unexpected character '!'"
    assert err.input == "26/CT-TTg!!"
    assert err.offset == 9
    assert err.reason == "unexpected character '!'"
    assert isinstance(err, danvan.Error) and isinstance(err, builtins.ValueError)


def test_parse_error_offset_counts_utf8_bytes():
    with pytest.raises(danvan.ParseError) as e:
        danvan.parse_partial_date("tháng 13 năm 2020")
    # "tháng " is 7 bytes in UTF-8 (á takes two), 6 characters.
    assert e.value.offset == 7
    assert str(e.value) == 'cannot parse "tháng 13 năm 2020" at offset 7: month 13 is out of range 1..12'


def test_parse_error_shows_malformed_bytes_escaped():
    with pytest.raises(danvan.ParseError) as e:
        danvan.check_utf8(b"ab\xff")
    assert str(e.value) == 'cannot parse "ab\\xFF" at offset 2: invalid UTF-8 byte 0xFF: never used in UTF-8'
    assert e.value.input == "ab\\xFF"
    assert e.value.offset == 2


def test_json_error_attributes_and_problems():
    with pytest.raises(danvan.JsonError) as e:
        danvan.Unit.from_dict({"id": "A"})
    err = e.value
    assert err.pointer == "/id"
    assert err.problems == [
        ("/id", "invalid id \"A\": ids are 1..100 characters of a-z, 0-9 and '-', not starting with '-'"),
        ("", 'missing required key "name"'),
        ("", 'missing required key "kind"'),
        ("", 'missing required key "level"'),
    ]
    assert str(err) == ("/id: invalid id \"A\": ids are 1..100 characters of a-z, 0-9 and '-', "
                        "not starting with '-' (and 3 more problems)")
    assert err.reason == str(err)[len("/id: "):]


def test_json_error_whole_document():
    with pytest.raises(danvan.JsonError) as e:
        danvan.format_document("[]")
    assert str(e.value) == "(document): expected a danvan document (an object), got an array"
    assert e.value.pointer == ""
    assert e.value.problems == [("", "expected a danvan document (an object), got an array")]


def test_json_error_syntax():
    with pytest.raises(danvan.JsonError) as e:
        danvan.parse_json('{"a": 1, "a": 2}')
    assert str(e.value) == '/a: duplicate key "a"'
    with pytest.raises(danvan.JsonError, match=r"^\(document\): invalid JSON: "):
        danvan.parse_json("{")


def test_io_error(tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(danvan.IoError) as e:
        danvan.load_plan(missing)
    assert str(e.value) == f"{missing}: No such file or directory"
    assert e.value.path == str(missing)
    assert isinstance(e.value, OSError) and isinstance(e.value, danvan.Error)
    with pytest.raises(OSError, match="is a directory$"):
        danvan.load_plan(tmp_path)


def test_io_error_carries_errno(tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(danvan.IoError) as e:
        danvan.load_plan(missing)
    err = e.value
    assert err.errno == errno.ENOENT
    assert err.strerror == os.strerror(errno.ENOENT)
    assert err.filename == str(missing) == err.path
    # str() stays the library's message, not OSError's "[Errno 2] ..." form.
    assert str(err) == f"{missing}: No such file or directory"
    assert err.args == (f"{missing}: No such file or directory",)
    with pytest.raises(danvan.IoError) as e:
        danvan.read_file(tmp_path)
    assert e.value.errno == errno.EISDIR
    assert str(e.value) == f"{tmp_path}: is a directory"
    with pytest.raises(danvan.IoError) as e:
        danvan.write_file_atomically(tmp_path / "no" / "x.json", "x")
    assert e.value.errno == errno.ENOENT
    assert str(e.value) == (
        f"{tmp_path / 'no' / 'x.json'}: cannot create a temporary file: No such file or directory")


def test_io_error_raised_from_python_behaves_as_os_error():
    assert danvan.IoError("x").errno is None and str(danvan.IoError("x")) == "x"
    err = danvan.IoError(errno.ENOENT, "No such file or directory", "a.json")
    assert err.errno == errno.ENOENT and err.filename == "a.json"
    assert str(err) == "[Errno 2] No such file or directory: 'a.json'"


def test_validate_errors_are_value_errors(plan):
    plan.issuer_id = "nobody"
    with pytest.raises(danvan.ValueError) as e:
        plan.validate()
    assert str(e.value) == 'plan "phu-yen-2020-nam-dan-van-kheo": unknown issuer "nobody"'


def test_exceptions_can_be_raised_from_python():
    # Defaults exist for the attributes, so handlers can rely on them.
    err = danvan.JsonError("x")
    assert err.pointer == "" and err.reason == ""
    assert err.problems == [("", "x")]  # its one problem, as every danvan.ValueError
    assert danvan.ParseError("x").offset == 0
    assert danvan.IoError("x").path == ""


def test_non_danvan_type_errors_stay_type_errors():
    with pytest.raises(TypeError):
        danvan.parse_date(12)
    assert PLAN_PATH.exists()


def test_io_error_is_caught_as_the_matching_os_error_subclass(tmp_path):
    missing = tmp_path / "missing.json"
    with pytest.raises(FileNotFoundError) as e:
        danvan.load_plan(missing)
    err = e.value
    assert type(err) is danvan.IoError.FileNotFoundError
    assert isinstance(err, danvan.IoError) and isinstance(err, danvan.Error)
    assert err.errno == errno.ENOENT and err.filename == str(missing) == err.path
    assert str(err) == f"{missing}: No such file or directory"
    assert err.args == (f"{missing}: No such file or directory",)
    # The class reads like its place in danvan.
    assert danvan.IoError.FileNotFoundError.__module__ == "danvan"
    assert danvan.IoError.FileNotFoundError.__qualname__ == "IoError.FileNotFoundError"
    assert danvan.IoError.FileNotFoundError.__doc__

    with pytest.raises(IsADirectoryError) as e:
        danvan.read_file(tmp_path)
    assert type(e.value) is danvan.IoError.IsADirectoryError
    assert str(e.value) == f"{tmp_path}: is a directory"

    plain = tmp_path / "plain.txt"
    plain.write_text("x", "utf-8")
    with pytest.raises(NotADirectoryError) as e:
        danvan.read_file(plain / "x.json")
    assert type(e.value) is danvan.IoError.NotADirectoryError
    assert e.value.errno == errno.ENOTDIR
    assert str(e.value) == f"{plain / 'x.json'}: Not a directory"

    with pytest.raises(FileNotFoundError) as e:
        danvan.write_file_atomically(tmp_path / "no" / "x.json", "x")
    assert type(e.value) is danvan.IoError.FileNotFoundError
    assert str(e.value) == (
        f"{tmp_path / 'no' / 'x.json'}: cannot create a temporary file: No such file or directory")


def test_io_error_subclasses_follow_os_errors_own_mapping():
    kinds = [name for name in vars(danvan.IoError) if name.endswith("Error")]
    assert len(kinds) == 14
    for name in kinds:
        cls = getattr(danvan.IoError, name)
        assert cls.__bases__ == (danvan.IoError, getattr(builtins, name))
    # Every errno Python maps to a subclass has the danvan class of that subclass.
    for number in errno.errorcode:
        builtin = type(OSError(number, ""))
        if builtin is not OSError:
            assert issubclass(getattr(danvan.IoError, builtin.__name__), builtin)


def test_io_error_pickles_with_its_message_and_fields(tmp_path):
    import pickle
    missing = tmp_path / "missing.json"
    with pytest.raises(danvan.IoError) as e:
        danvan.load_plan(missing)
    back = pickle.loads(pickle.dumps(e.value))
    assert type(back) is danvan.IoError.FileNotFoundError
    assert str(back) == str(e.value) == f"{missing}: No such file or directory"
    assert (back.errno, back.strerror, back.filename, back.path) == (
        errno.ENOENT, os.strerror(errno.ENOENT), str(missing), str(missing))
    raised = danvan.IoError(errno.ENOENT, "No such file or directory", "a.json")
    back = pickle.loads(pickle.dumps(raised))
    assert (type(back), back.errno, back.filename) == (danvan.IoError, errno.ENOENT, "a.json")
    assert str(back) == "[Errno 2] No such file or directory: 'a.json'"


# Issue 15: hostile documents end in danvan.JsonError (a danvan.Error), never in RuntimeError or
# a crash of the interpreter, whichever reader gets them.
HOSTILE_READERS = [
    ("parse_json", danvan.parse_json),
    ("format_document", danvan.format_document),
    ("Plan.from_json", danvan.Plan.from_json),
    ("UnitHierarchy.from_json", danvan.UnitHierarchy.from_json),
    ("InstrumentCatalogue.from_json", danvan.InstrumentCatalogue.from_json),
    ("read_registry", danvan.read_registry),
]


@pytest.mark.parametrize("name,read", HOSTILE_READERS, ids=[n for n, _ in HOSTILE_READERS])
def test_number_beyond_a_double_is_a_json_error(name, read):
    with pytest.raises(danvan.JsonError) as e:
        read('{"schema": "danvan/plan", "version": 1e400}')
    assert str(e.value) == "/version: number out of range (beyond a double): 1e400"
    assert e.value.pointer == "/version"


@pytest.mark.parametrize("name,read", HOSTILE_READERS, ids=[n for n, _ in HOSTILE_READERS])
def test_deep_nesting_is_a_json_error(name, read):
    with pytest.raises(danvan.JsonError,
                       match=r"^\(document\): invalid JSON: more than 64 nested arrays and "
                             r"objects at line 1, column 70$"):  # the object + 64 arrays
        read('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}")


@pytest.mark.parametrize("name,read", HOSTILE_READERS, ids=[n for n, _ in HOSTILE_READERS])
def test_nul_byte_is_a_json_error(name, read):
    with pytest.raises(danvan.JsonError,
                       match=r"^\(document\): invalid JSON: NUL byte at line 1, column 3$"):
        read('{"\0": 1}')


def test_journal_line_with_a_number_beyond_a_double_names_the_line():
    registry = danvan.load_registry(REGISTRY_PATH)
    line = '{"op": "add", "at": 1e400}\n'
    with pytest.raises(danvan.ValueError) as e:
        danvan.replay_journal(line + line, registry)
    assert str(e.value) == "line 1: /at: number out of range (beyond a double): 1e400"
    # As the last line it may be a torn write (a crash): ignored with a warning, not applied.
    result = danvan.replay_journal(line, registry)
    assert (result.applied, result.torn_line) == (0, 1)
    assert result.warning == ("line 1: torn last line (number out of range (beyond a double): "
                              "1e400); ignored")


def test_document_writers_refuse_control_characters():
    plan = danvan.load_plan(PLAN_PATH)
    plan.title = "a\x1b[31mred"
    with pytest.raises(danvan.JsonError) as e:
        plan.to_json()
    assert str(e.value) == ("/title: control character U+001B at byte 1 (text must not contain "
                            "control characters)")
    assert e.value.pointer == "/title"
