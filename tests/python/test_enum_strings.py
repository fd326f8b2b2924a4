"""Enums that are also strings (issue 12): EntryKind.model == "model", json.dumps writes the
slug, every enum parameter takes the plain string, and Level is ordered by rank."""

import enum
import json
import pickle

import pytest

import danvan
from danvan import EntryKind, Level, UnitKind


def enum_classes():
    return [v for v in vars(danvan).values()
            if isinstance(v, type) and issubclass(v, enum.Enum)]


def test_every_enum_is_a_str():
    classes = enum_classes()
    assert len(classes) >= 25
    for cls in classes:
        assert issubclass(cls, str), cls
        for member in cls:
            assert member == member.value
            assert member.value == member  # both directions
            assert str(member) == member.value
            assert f"{member}" == member.value
            assert hash(member) == hash(member.value)
            assert cls(member.value) is member
            assert pickle.loads(pickle.dumps(member)) is member


def test_equal_to_its_slug():
    assert EntryKind.model == "model"
    assert "model" == EntryKind.model
    assert EntryKind.model != "exemplar"
    assert repr(EntryKind.model) == "EntryKind.model"
    assert {"model": 1}[EntryKind.model] == 1
    assert {EntryKind.model: 1}["model"] == 1


def test_json_dumps():
    row = {"kind": EntryKind.model, "level": Level.district, "kinds": [UnitKind.other]}
    assert json.dumps(row) == '{"kind": "model", "level": "district", "kinds": ["other"]}'


def test_parameters_take_the_string():
    by_enum = danvan.Unit(id="a", name="A", kind=UnitKind.peoples_committee, level=Level.commune)
    by_str = danvan.Unit(id="a", name="A", kind="peoples_committee", level="commune")
    assert by_str == by_enum
    assert by_str.kind is UnitKind.peoples_committee
    assert by_str.level is Level.commune
    assert danvan.parse_symbol("26/CT-TTg", hint="state") == danvan.parse_symbol(
        "26/CT-TTg", hint=danvan.DocumentFamily.state)
    assert danvan.vietnamese_name("peoples_committee") == danvan.vietnamese_name(
        UnitKind.peoples_committee)


def test_lists_of_enums_take_strings():
    units = danvan.UnitHierarchy([danvan.Unit(id="a", name="A", kind="peoples_committee")])
    assert units.find("a").kind is UnitKind.peoples_committee


def enum_setters():
    """(instance, attribute, current member) for every setter holding an enum member on a
    default-constructed object."""
    out = []
    for name, cls in sorted(vars(danvan).items()):
        if not isinstance(cls, type) or issubclass(cls, (enum.Enum, BaseException)):
            continue
        try:
            obj = cls()
        except Exception:  # noqa: BLE001 - no default constructor
            continue
        for attr, member in sorted(vars(cls).items()):
            if isinstance(member, property) and member.fset is not None:
                value = getattr(obj, attr)
                if isinstance(value, enum.Enum):
                    out.append((f"{name}.{attr}", obj, attr, value))
    return out


ENUM_SETTERS = enum_setters()


def test_enum_setters_found():
    assert len(ENUM_SETTERS) >= 15
    assert "Unit.level" in {label for label, *_ in ENUM_SETTERS}


@pytest.mark.parametrize("label,obj,attr,value", ENUM_SETTERS, ids=[s[0] for s in ENUM_SETTERS])
def test_every_enum_setter_takes_the_string(label, obj, attr, value):
    for member in type(value):
        setattr(obj, attr, str(member.value))
        assert getattr(obj, attr) is member
    with pytest.raises(danvan.ValueError) as e:
        setattr(obj, attr, "no such value")
    assert str(e.value).startswith(f"{label}: 'no such value' is not a danvan.{type(value).__name__}"
                                   " (expected one of: ")


def test_a_member_of_another_enum_is_refused():
    with pytest.raises(TypeError) as e:
        danvan.Unit(id="a", name="A", level=UnitKind.other)
    assert str(e.value) == "Unit() argument 'level': expected danvan.Level, got danvan.UnitKind"


def test_level_is_ordered_by_rank():
    assert Level.central > Level.province > Level.district > Level.commune
    assert Level.province >= Level.province and Level.province <= Level.province
    assert sorted([Level.district, Level.central, Level.commune, Level.province]) == [
        Level.commune, Level.district, Level.province, Level.central]
    assert max(Level) is Level.central


def test_level_compares_with_its_names():
    assert Level.province > "district"
    assert "district" < Level.province
    assert not (Level.commune > "district")
    with pytest.raises(danvan.ValueError) as e:
        Level.province > "provnce"
    assert str(e.value) == ("'provnce' is not a danvan.Level "
                            "(expected one of: central, province, district, commune)")
    with pytest.raises(TypeError) as e:
        Level.province < 3
    assert str(e.value) == "'<' not supported between instances of 'danvan.Level' and 'int'"
    with pytest.raises(TypeError) as e:
        Level.province < UnitKind.other
    assert str(e.value) == ("'<' not supported between instances of 'danvan.Level' and "
                            "'danvan.UnitKind'")
