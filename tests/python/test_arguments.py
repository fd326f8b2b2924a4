"""Wrong arguments give one line naming the parameter, the expected and the received type
(issue 12), never pybind11's list of every overload."""

import datetime
import enum
import re

import pytest

import danvan


class Wrong:
    """A type no danvan parameter takes (except the ones declared `object`)."""


def test_function_argument():
    plan = danvan.ProgressPlan()
    with pytest.raises(TypeError) as e:
        danvan.summarize_progress(plan, danvan.ReportBatch(), 20210131)
    assert str(e.value) == "summarize_progress() argument 'as_of': expected datetime.date, got int"


def test_constructor_argument():
    with pytest.raises(TypeError) as e:
        danvan.PartialDate("2020")
    assert str(e.value) == "PartialDate() argument 'year': expected int, got str"
    with pytest.raises(TypeError) as e:
        danvan.Unit(id="a", name=["x"])
    assert str(e.value) == "Unit() argument 'name': expected str, got list"


def test_setter():
    plan = danvan.Plan()
    with pytest.raises(TypeError) as e:
        plan.title = 5
    assert str(e.value) == "Plan.title: expected str, got int"
    with pytest.raises(TypeError) as e:
        plan.purposes = ["a", 3]
    assert str(e.value) == "Plan.purposes: expected List[str], got list with int at index 1"
    with pytest.raises(TypeError) as e:
        plan.source = Wrong()
    assert str(e.value) == ("Plan.source: expected danvan.SourceInfo or None, "
                            "got test_arguments.Wrong")


def test_method_argument():
    with pytest.raises(TypeError) as e:
        danvan.UnitHierarchy().find(3)
    assert str(e.value) == "UnitHierarchy.find() argument 'id': expected str, got int"


def test_arity_and_keywords():
    with pytest.raises(TypeError) as e:
        danvan.parse_symbol()
    assert str(e.value) == "parse_symbol() missing required argument 'text'"
    with pytest.raises(TypeError) as e:
        danvan.parse_symbol("26/CT-TTg", None, 3)
    assert str(e.value) == "parse_symbol() takes at most 2 positional arguments (3 given)"
    with pytest.raises(TypeError) as e:
        danvan.Unit(id="a", nme="x")
    assert str(e.value) == "Unit() got an unexpected keyword argument 'nme'"
    with pytest.raises(TypeError) as e:
        danvan.parse_symbol("26/CT-TTg", text="x")
    assert str(e.value) == "parse_symbol() got multiple values for argument 'text'"


def test_overloads_fail_at_one_parameter():
    with pytest.raises(TypeError) as e:
        danvan.vietnamese_name(3)
    message = str(e.value)
    assert message == ("vietnamese_name() argument 'value': expected one of danvan.UnitKind, "
                       "danvan.Level, danvan.EntryKind, danvan.Subject, danvan.EventType, "
                       "danvan.EntryState, danvan.ActivityStatus, danvan.ReportState, "
                       "danvan.Weekday, got int")


def test_nested_types_named():
    with pytest.raises(TypeError) as e:
        danvan.UnitHierarchy([danvan.Unit(id="a", name="A"), "b"])
    assert str(e.value) == ("UnitHierarchy() argument 'units': expected List[danvan.Unit], "
                            "got list with str at index 1")


def test_bad_iso_date_string_is_a_value_error():
    with pytest.raises(danvan.ValueError) as e:
        danvan.summarize_progress(danvan.ProgressPlan(), danvan.ReportBatch(), "31/01/2021")
    assert str(e.value) == ("summarize_progress() argument 'as_of': expected an ISO date "
                            "(YYYY-MM-DD), got '31/01/2021'")
    with pytest.raises(danvan.ValueError) as e:
        danvan.summarize_progress(danvan.ProgressPlan(), danvan.ReportBatch(), "2021-02-30")
    assert str(e.value) == ("summarize_progress() argument 'as_of': '2021-02-30' is not a date: "
                            "day is out of range for month")


def test_unknown_enum_name_is_a_value_error():
    with pytest.raises(danvan.ValueError) as e:
        danvan.Unit(id="a", name="A", level="provnce")
    assert str(e.value) == ("Unit() argument 'level': 'provnce' is not a danvan.Level "
                            "(expected one of: central, province, district, commune)")


def test_errors_inside_functions_are_untouched():
    with pytest.raises(danvan.ValueError, match="^month 13 is out of range 1..12$"):
        danvan.PartialDate(2020, 13)


# --- every bound function, method, constructor and setter --------------------------------

SIGNATURE = re.compile(r"^(?:\d+\. )?(?:[\w.]+)?\((.*)\) -> ")


def first_signature(doc):
    for line in (doc or "").splitlines():
        m = SIGNATURE.match(line.strip())
        if m:
            return m.group(1)
    return None


def required_params(sig):
    """(name, type, keyword-only) of the parameters without defaults, in order."""
    out = []
    depth = 0
    part = ""
    parts = []
    for c in sig:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        if c == "," and depth == 0:
            parts.append(part)
            part = ""
        else:
            part += c
    parts.append(part)
    kw_only = False
    for p in (x.strip() for x in parts):
        if p == "*" or (p.startswith("*") and not p.startswith("**")):
            kw_only = True
        if p in ("*", "/") or p.startswith("*") or " = " in p or not p:
            continue
        name, _, annotation = p.partition(": ")
        out.append((name, annotation, kw_only))
    return out


def public_callables():
    """(label, callable, parameters after self, is_setter) for everything the module binds."""
    for name, obj in sorted(vars(danvan).items()):
        if name.startswith("_"):
            continue
        if isinstance(obj, type) and issubclass(obj, enum.Enum):
            continue
        if isinstance(obj, type) and issubclass(obj, BaseException):
            continue
        if isinstance(obj, type):
            yield from class_callables(name, obj)
        elif callable(obj) and first_signature(obj.__doc__) is not None:
            yield name, obj, required_params(first_signature(obj.__doc__)), False


def default_instance(cls):
    try:
        return cls()
    except Exception:  # noqa: BLE001 - classes without a default constructor are skipped
        return None


def class_callables(name, cls):
    instance = default_instance(cls)
    init_sig = first_signature(cls.__init__.__doc__)
    if init_sig is not None:
        yield name, cls, required_params(init_sig)[1:], False
    for attr, member in sorted(vars(cls).items()):
        if attr.startswith("_"):
            continue
        if isinstance(member, property):
            if member.fset is not None and instance is not None:
                yield f"{name}.{attr}", (instance, attr), [("value", "?", False)], True
            continue
        if isinstance(member, staticmethod):
            fn = getattr(cls, attr)
            sig = first_signature(fn.__doc__)
            if sig is not None:
                yield f"{name}.{attr}", fn, required_params(sig), False
            continue
        if instance is None:
            continue
        sig = first_signature(getattr(member, "__doc__", None))
        if sig is None:
            continue
        yield f"{name}.{attr}", getattr(instance, attr), required_params(sig)[1:], False


def takes_anything(params):
    """Every required parameter is declared `object`: no argument is of a wrong type."""
    return bool(params) and all(p[1] in ("object", "handle") for p in params)


# Setters declared `object` (they check the value themselves).
SETTERS_TAKING_ANY_OBJECT = set()

CALLABLES = [c for c in public_callables() if not takes_anything(c[2])]


def test_the_sweep_covers_the_api():
    labels = {c[0] for c in CALLABLES}
    assert {"summarize_progress", "Plan", "Plan.title", "Registry.select", "UnitHierarchy.find",
            "PartialDate", "Symbol.canonical"} <= labels
    assert len(CALLABLES) > 450


@pytest.mark.parametrize("label,target,params,is_setter", CALLABLES, ids=[c[0] for c in CALLABLES])
def test_wrong_type_gives_one_line(label, target, params, is_setter):
    if is_setter:
        instance, attr = target
        try:
            setattr(instance, attr, Wrong())
        except TypeError as e:
            message = str(e)
            assert message.startswith(f"{label}: expected "), message
            assert message.endswith(", got test_arguments.Wrong"), message
        else:
            assert attr in SETTERS_TAKING_ANY_OBJECT, f"{label} accepted Wrong()"
        return
    checked = [p for p in params if p[1] not in ("object", "handle")]
    positional = [Wrong() for p in params if not p[2]] if params else [Wrong()]
    try:
        target(*positional, **{p[0]: Wrong() for p in params if p[2]})
    except TypeError as e:
        message = str(e)
    else:
        pytest.fail(f"{label} accepted Wrong()")
    assert "\n" not in message
    assert len(message) <= 240, message
    assert message.startswith(f"{label}() "), message
    if checked:
        assert message.startswith(f"{label}() argument '{checked[0][0]}': expected "), message
        assert message.endswith(", got test_arguments.Wrong"), message
