"""A bad file's error names the file (`filename`, and in front of the message) and lists
every problem (issue 12)."""

import pytest

import danvan


def test_json_error_names_the_file_and_lists_every_problem(tmp_path):
    path = tmp_path / "units.json"
    path.write_text('{"schema": "danvan/plan", "version": 2, "id": "A"}', encoding="utf-8")
    with pytest.raises(danvan.JsonError) as e:
        danvan.load_units(path)
    assert e.value.filename == str(path)
    assert str(e.value) == (f'{path}: /schema: expected "danvan/units", got "danvan/plan" '
                            "(and 2 more problems)")
    assert e.value.problems == [
        ("/schema", 'expected "danvan/units", got "danvan/plan"'),
        ("/version", "unsupported version 2 of danvan/units; this library reads version 1"),
        ("/id", 'unknown key "id"'),
    ]


def test_keyword_path_and_str_path(tmp_path):
    path = tmp_path / "catalogue.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(danvan.JsonError) as e:
        danvan.load_catalogue(path=str(path))
    assert e.value.filename == str(path)
    assert str(e.value).startswith(f"{path}: ")


def test_missing_file_is_an_io_error_named_once(tmp_path):
    path = tmp_path / "missing.json"
    with pytest.raises(FileNotFoundError) as e:
        danvan.load_plan(path)
    assert e.value.filename == str(path)
    assert str(e.value).count(str(path)) == 1


def test_errors_from_text_are_not_given_a_filename():
    with pytest.raises(danvan.JsonError) as e:
        danvan.read_registry("{")
    assert not hasattr(e.value, "filename")


def test_plan_validate_lists_every_problem():
    plan = danvan.Plan(id="p", title="", issuer_id="nobody")
    with pytest.raises(danvan.ValueError) as e:
        plan.validate()
    # Every problem in the message too, as Registry.add lists them (issue 12 point 9).
    assert str(e.value) == 'plan "p": 2 problems: title is empty; unknown issuer "nobody"'
    assert e.value.problems == [
        ("/title", "must not be empty"),
        ("/issuer", 'unknown issuer "nobody"'),
    ]
