"""JSON documents: validate/format, the JSON <-> Python conversion, files."""

import json

import pytest

import danvan


def test_validate_document(plan_text, catalogue_text):
    assert danvan.validate_document(plan_text) == []
    assert danvan.validate_document(catalogue_text) == []
    problems = danvan.validate_document(
        '{"schema": "danvan/units", "version": 1, "units": [{"id": "x"}]}')
    assert problems == [("/units/0", 'missing required key "name"'),
                        ("/units/0", 'missing required key "kind"'),
                        ("/units/0", 'missing required key "level"')]
    assert all(isinstance(p, tuple) for p in problems)
    assert danvan.validate_document('{"schema": "danvan/nothing", "version": 1}') == [
        ("/schema", 'unknown schema "danvan/nothing"; expected one of danvan/plan, '
                    'danvan/instruments, danvan/units, danvan/registry, danvan/calendar, '
                    'danvan/progress, danvan/reports, danvan/workflow')]
    # Malformed UTF-8 inside a document: the parser's message quotes the byte, escaped as
    # \xFF (the C++ message stays valid UTF-8), not as a second error.
    [(pointer, reason)] = danvan.validate_document(b'{"a": "\xff"}')
    assert pointer == ""
    assert reason.startswith("invalid JSON: parse error at line 1, column 8: ")
    assert reason.endswith("last read: '\"\\xFF'") and "\ufffd" not in reason


def test_format_document(plan_text, plan_data):
    assert danvan.format_document(plan_text) == plan_text
    compact = json.dumps(plan_data, ensure_ascii=True)
    assert danvan.format_document(compact) == plan_text
    with pytest.raises(danvan.JsonError) as e:
        danvan.format_document('{"schema": "danvan/units", "version": 2, "units": []}')
    assert e.value.pointer == "/version"


def test_parse_json_and_canonical_text():
    value = danvan.parse_json('{"b": [1, 2.5, true, null, "đ"], "a": {}, "n": -7}')
    assert value == {"b": [1, 2.5, True, None, "đ"], "a": {}, "n": -7}
    assert list(value) == ["b", "a", "n"]  # document order
    assert danvan.to_canonical_text(value) == (
        '{\n  "b": [\n    1,\n    2.5,\n    true,\n    null,\n    "đ"\n  ],\n  "a": {},\n  "n": -7\n}\n')
    assert danvan.to_canonical_text(("x", 2**64 - 1)) == '[\n  "x",\n  18446744073709551615\n]\n'
    assert danvan.parse_json("18446744073709551615") == 2**64 - 1
    assert danvan.to_canonical_text("Đảng") == '"Đảng"\n'
    assert danvan.to_canonical_text({"a/b": 1}) == '{\n  "a/b": 1\n}\n'


def test_python_values_without_json_form():
    with pytest.raises(TypeError) as e:
        danvan.to_canonical_text({"a": {1, 2}})
    assert str(e.value) == ('value at "/a" has no JSON form: \'set\' (expected dict, list, tuple, '
                            'str, int, float, bool or None)')
    with pytest.raises(TypeError, match='^key 1 at "" is not a string$'):
        danvan.to_canonical_text({1: 2})
    with pytest.raises(ValueError, match='^number at "/a/0" has no JSON form: nan$'):
        danvan.to_canonical_text({"a": [float("nan")]})
    with pytest.raises(ValueError, match='^integer at "/x~1y" does not fit in 64 bits$'):
        danvan.to_canonical_text({"x/y": 2**64})
    with pytest.raises(TypeError):
        danvan.Plan.from_dict({"schema": b"danvan/plan"})
    with pytest.raises(UnicodeEncodeError):
        danvan.to_canonical_text("\ud800")


def test_document_schema(plan_data):
    assert danvan.document_schema(plan_data) == "danvan/plan"
    with pytest.raises(danvan.JsonError) as e:
        danvan.document_schema({"schema": 1})
    assert e.value.problems == [("/schema", "expected a string, got an integer")]
    with pytest.raises(danvan.JsonError, match='^\\(document\\): missing required key "schema"$'):
        danvan.document_schema({})
    assert danvan.json_version == 1


def test_from_dict_rejects_wrong_documents(catalogue_data):
    with pytest.raises(danvan.JsonError) as e:
        danvan.Plan.from_dict(catalogue_data)
    assert e.value.problems[0] == ("/schema", 'expected "danvan/plan", got "danvan/instruments"')
    with pytest.raises(danvan.JsonError):
        danvan.UnitHierarchy.from_dict(catalogue_data)


def test_read_and_write_files(tmp_path):
    path = tmp_path / "x.txt"
    danvan.write_file_atomically(path, "Đảng\n")
    assert path.read_bytes() == "Đảng\n".encode()
    assert danvan.read_file(path) == "Đảng\n".encode()
    danvan.write_file_atomically(str(path), b"\xff")
    assert danvan.read_file(str(path)) == b"\xff"
    with pytest.raises(danvan.IoError) as e:
        danvan.read_file(tmp_path / "missing")
    assert str(e.value) == f"{tmp_path / 'missing'}: No such file or directory"
    with pytest.raises(danvan.IoError) as e:
        danvan.write_file_atomically(tmp_path / "no" / "x", "x")
    assert e.value.path == str(tmp_path / "no" / "x")
    assert str(e.value).startswith(f"{tmp_path / 'no' / 'x'}: cannot create a temporary file: ")


def test_parse_json_shows_malformed_utf8_escaped():
    # The parser quotes what it last read; a byte that is not UTF-8 appears as \xNN, so the
    # message (C++ what() and Python str) stays valid UTF-8 with nothing replaced.
    with pytest.raises(danvan.JsonError) as e:
        danvan.parse_json(b'{"a": "\xff"}')
    assert str(e.value) == (
        "(document): invalid JSON: parse error at line 1, column 8: syntax error while parsing "
        "value - invalid string: ill-formed UTF-8 byte; last read: '\"\\xFF'")
    assert "\ufffd" not in str(e.value)
    assert e.value.problems == [("", str(e.value)[len("(document): "):])]
