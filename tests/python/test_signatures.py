"""inspect.signature works on every compiled function, method and constructor (issue 12 point
"Stubs ... working inspect.signature"): each carries a text signature with the parameter names,
kinds (positional-only, keyword-only, *args, **kwargs) and simple defaults; a default with no
literal form shows as Ellipsis, an overloaded function as (*args, **kwargs). python.stubtest
then checks every signature against the stubs."""

import inspect

import pytest

import danvan


def compiled_callables():
    """(name, object) for every pybind11 function, method and constructor of danvan."""
    out = []
    for name, value in sorted(vars(danvan).items()):
        if name.startswith("_"):
            continue
        if inspect.isbuiltin(value):
            out.append((name, value))
        elif isinstance(value, type) and value.__module__ == "danvan":
            for attr, member in sorted(vars(value).items()):
                function = getattr(member, "__func__", member)
                if inspect.isbuiltin(function) and (attr == "__init__" or not attr.startswith("__")
                                                    or attr in ("__getitem__", "__contains__")):
                    out.append((f"{name}.{attr}", getattr(value, attr)))
    return out


CALLABLES = compiled_callables()


def test_every_compiled_callable_has_a_signature():
    assert len(CALLABLES) > 350
    failures = []
    for name, value in CALLABLES:
        try:
            inspect.signature(value)
        except (ValueError, TypeError) as e:
            failures.append(f"{name}: {e}")
    assert failures == []


def test_signatures_name_the_parameters_their_kinds_and_defaults():
    assert str(inspect.signature(danvan.summarize_progress)) == (
        "(plan, batch, as_of, period=None, unit_id=None, workflow=None, basis=Ellipsis)")
    assert str(inspect.signature(danvan.Registry.stats)) == (
        "(self, year=2020, *, as_of=None, unit_id=None, current_units=False, by=None, "
        "period=None)")
    assert str(inspect.signature(danvan.Registry.entries_table)) == (
        "(self, indexes=None, *, as_of=None)")
    assert str(inspect.signature(danvan.parse_symbol)) == "(text, hint=None)"
    assert str(inspect.signature(danvan.Field.__init__)) == "(self, *, id='', name='')"
    assert str(inspect.signature(danvan.Registry.__init__)) == "(self, units=Ellipsis, fields=(), *, note=None, recognition_years=None, grades=(), forms=(), entries=(), figures=())"


def test_a_bound_method_drops_self_and_binds_arguments_as_a_call_would():
    reg = danvan.Registry()
    sig = inspect.signature(reg.select)
    assert list(sig.parameters)[:3] == ["unit_id", "current_units", "as_of"]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in sig.parameters.values())
    assert sig.bind(kind="model").arguments == {"kind": "model"}
    with pytest.raises(TypeError):
        sig.bind("model")  # keyword-only, as the call itself requires
    assert str(inspect.signature(reg.stats)).startswith("(year=2020, *, as_of=None")


def test_the_docstring_keeps_the_typed_signature_and_the_text():
    doc = danvan.Registry.select.__doc__
    assert doc.startswith(
        "select(self: danvan.Registry, *, unit_id: Optional[Union[str, List[str]]] = None")
    assert "Indexes of the entries matching every given criterion" in doc
    assert danvan.Registry.select.__text_signature__.startswith("(self, *, unit_id=None")


def test_an_overloaded_function_takes_any_arguments():
    overloaded = [name for name, value in CALLABLES
                  if "Overloaded function." in (value.__doc__ or "")]
    assert overloaded
    for name in overloaded:
        params = list(inspect.signature(getattr(danvan, name.split(".")[0]) if "." not in name
                                        else getattr(getattr(danvan, name.split(".")[0]),
                                                     name.split(".")[1])).parameters)
        assert params[-2:] == ["args", "kwargs"], name
