"""One-line errors for arguments no overload of a danvan function accepts (issue 12).

danvan._core calls explain() when pybind11 found no overload of a bound function that takes
the arguments it was given; pybind11's own message lists every overload and the repr of
every argument, sometimes tens of thousands of characters, and never says which argument
was wrong. explain() binds the arguments to each overload's parameters the way pybind11
does, checks each against its declared type, and returns one line:

    summarize_progress() argument 'as_of': expected datetime.date, got int
    Plan.title: expected str, got int                      (a property setter)
    Registry.select() got an unexpected keyword argument 'kindd'

A string where an enum or a date is expected but that names no member / is no ISO date is a
bad value rather than a bad type: danvan.ValueError, with the values allowed.
"""

from __future__ import annotations

import datetime
import enum
import os
import re
# Module-qualified imports, and no narrowing of `object` by callable() or by str and Enum
# together: stubtest reads this module as its own stub, and imported names (NamedTuple,
# Sequence) or the types mypy makes up for such narrowing ("<subclass of "str" and "Enum">")
# would be checked as public names of it (issue 12: the raw stubtest run reported them).
import collections.abc
import typing
from typing import Any, Optional

from . import _core  # type: ignore[attr-defined]  # the compiled module has no stub

__all__ = ["explain", "name_file"]


class _Param(typing.NamedTuple):
    name: str
    type: str
    has_default: bool
    kw_only: bool
    pos_only: bool


class _Signature(typing.NamedTuple):
    params: list[_Param]
    var_args: bool
    var_kwargs: bool


def _split_top(text: str, sep: str = ",") -> list[str]:
    """Splits at `sep` outside brackets and quotes."""
    parts: list[str] = []
    depth = 0
    quote = ""
    start = 0
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = ""
        elif c in "'\"":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            start = i + len(sep)
            i = start
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _parse_signature(signature: str) -> _Signature:
    """pybind11's "(self: danvan.Plan, value: int = 0, *, x: str = '') -> None"."""
    body = signature
    if body.startswith("("):
        depth = 0
        for i, c in enumerate(body):
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    body = body[1:i]
                    break
    params: list[_Param] = []
    var_args = var_kwargs = False
    kw_only = False
    for raw in _split_top(body):
        text = raw.strip()
        if not text:
            continue
        if text == "*":
            kw_only = True
            continue
        if text == "/":
            params = [p._replace(pos_only=True) for p in params]
            continue
        if text.startswith("**"):
            var_kwargs = True
            continue
        if text.startswith("*"):
            var_args = True
            kw_only = True
            continue
        declaration, *default = _split_top(text, " = ")
        name, _, annotation = declaration.partition(":")
        params.append(_Param(name.strip(), annotation.strip() or "object", bool(default),
                             kw_only, False))
    return _Signature(params, var_args, var_kwargs)


def _parse_type(text: str) -> tuple[str, list[str]]:
    """"Optional[List[str]]" -> ("Optional", ["List[str]"])."""
    text = text.strip()
    if text.endswith("]") and "[" in text:
        head, _, rest = text.partition("[")
        return head.strip(), [a.strip() for a in _split_top(rest[:-1])]
    return text, []


def _type_name(value: object) -> str:
    if value is None:
        return "None"
    cls = type(value)
    if cls.__module__ in ("builtins", "__builtin__"):
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def display(annotation: str) -> str:
    """How a declared type reads in a message: Optional[X] is "X or None"."""
    head, args = _parse_type(annotation)
    if head == "Optional" and len(args) == 1:
        return f"{display(args[0])} or None"
    if head == "Union" and args:
        return " or ".join(display(a) for a in args)
    if head in ("handle", "object"):
        return "object"
    if not args:
        return head
    return f"{head}[{', '.join(display(a) for a in args)}]"


class _BadValue(Exception):
    """A value of an accepted type that is still not acceptable (an unknown enum name)."""


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_SEQUENCE_HEADS = {"List", "list", "Sequence", "Iterable", "Iterator"}


def _danvan_class(name: str) -> Optional[type]:
    attr = getattr(_core, name, None)
    return attr if isinstance(attr, type) else None


def _is_callable(value: Any) -> bool:
    return callable(value)


def _is_enum(value: Any) -> bool:
    return isinstance(value, enum.Enum)


def _check(annotation: str, value: object) -> Optional[str]:
    """None when `value` fits the declared type, else what was received instead (raises
    _BadValue for a str that names no enum member or no date)."""
    head, args = _parse_type(annotation)
    if head in ("handle", "object", "Any", "args", "kwargs", ""):
        return None
    if head == "Optional":
        return None if value is None else _check(args[0], value)
    if head == "Union":
        values: list[Optional[str]] = []
        for a in args:
            values.append(_check(a, value))
            if values[-1] is None:
                return None
        return values[0]
    if head in ("None", "NoneType"):
        return None if value is None else _type_name(value)
    if head == "str":
        return None if isinstance(value, (str, bytes)) else _type_name(value)
    if head == "bytes":
        return None if isinstance(value, (bytes, bytearray)) else _type_name(value)
    if head == "bool":
        return None if isinstance(value, (bool, int)) or value is None else _type_name(value)
    if head == "int":
        ok = not isinstance(value, float) and hasattr(value, "__index__")
        return None if ok else _type_name(value)
    if head == "float":
        ok = hasattr(value, "__float__") or hasattr(value, "__index__")
        return None if ok and not isinstance(value, (str, bytes)) else _type_name(value)
    if head == "os.PathLike":
        return None if isinstance(value, (str, bytes, os.PathLike)) else _type_name(value)
    if head == "datetime.date":
        if _is_nat(value):
            raise _BadValue("NaT (a missing pandas time) is not a date")
        if isinstance(value, datetime.date):
            return None
        if isinstance(value, str):
            if not _ISO_DATE.fullmatch(value):
                raise _BadValue(f"expected an ISO date (YYYY-MM-DD), got {value!r}")
            try:
                datetime.date.fromisoformat(value)
            except ValueError as e:
                raise _BadValue(f"{value!r} is not a date: {e}") from None
            return None
        return _type_name(value)
    if head == "Callable":
        return None if _is_callable(value) else _type_name(value)
    if head in ("dict", "Dict", "Mapping"):
        if not isinstance(value, dict):
            return _type_name(value)
        if len(args) == 2:
            for k, v in value.items():
                if _check(args[0], k) is not None:
                    return f"dict with {_type_name(k)} key {k!r}"
                got = _check(args[1], v)
                if got is not None:
                    return f"dict with {got} at key {k!r}"
        return None
    if head in ("Set", "set", "frozenset"):
        if not isinstance(value, (set, frozenset)):
            return _type_name(value)
        for member in value:
            got = _check(args[0], member) if args else None
            if got is not None:
                return f"set with {got}"
        return None
    if head in ("tuple", "Tuple"):
        if not isinstance(value, collections.abc.Sequence) or isinstance(value, (str, bytes)):
            return _type_name(value)
        if args and args[-1] != "..." and len(value) != len(args):
            return f"{_type_name(value)} of length {len(value)}"
        for i, (a, item) in enumerate(zip(args, value)):
            got = _check(a, item)
            if got is not None:
                return f"{_type_name(value)} with {got} at index {i}"
        return None
    if head in _SEQUENCE_HEADS:
        if head == "Iterable" or head == "Iterator":
            try:
                items = list(value)  # type: ignore[call-overload]  # any iterable
            except TypeError:
                return _type_name(value)
        elif isinstance(value, (str, bytes)) or not isinstance(value, collections.abc.Sequence):
            return _type_name(value)
        else:
            items = list(value)
        if args:
            for i, item in enumerate(items):
                got = _check(args[0], item)
                if got is not None:
                    return f"{_type_name(value)} with {got} at index {i}"
        return None
    if head.startswith("danvan."):
        cls = _danvan_class(head[len("danvan."):])
        if cls is None:
            return None
        if isinstance(value, cls):
            return None
        if cls is _core.PartialDate:
            return _check_partial_date(value)
        if isinstance(value, dict) and not issubclass(cls, enum.Enum):
            # A dict converts as to_dict() gives one (danvan._core's implicit conversion):
            # from_dict() for a class with a dict form, else the constructor's keywords.
            try:
                if hasattr(cls, "from_dict"):
                    cls.from_dict(value)
                else:
                    cls(**value)
            except (TypeError, ValueError) as e:
                raise _BadValue(f"{cls.__name__} from a dict: {e}") from None
            return None
        if cls is _core.Symbol and isinstance(value, str):
            try:
                _core.Symbol.parse(value)
            except _core.ValueError as e:
                raise _BadValue(str(e)) from None
            return None
        if cls is _core.Period and isinstance(value, str):
            try:
                _core.Period.parse(value)
            except _core.ValueError:
                raise _BadValue(f"expected a Period or its id (\"2020\", \"2020S1\", "
                                f"\"2020Q4\", \"202004\"), got {value!r}") from None
            return None
        if issubclass(cls, enum.Enum) and isinstance(value, str) and not _is_enum(value):
            allowed = [m.value for m in cls]
            if value in allowed:
                return None
            raise _BadValue(f"{value!r} is not a {head} (expected one of: "
                            f"{', '.join(allowed)})")
        return _type_name(value)
    return None  # a type this checker does not know: cannot tell


def _is_nat(value: object) -> bool:
    """pandas.NaT, told by its type's name (danvan does not import pandas)."""
    return type(value).__name__ == "NaTType"


_ISO_PARTIAL = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _check_partial_date(value: object) -> Optional[str]:
    if _is_nat(value):
        raise _BadValue("NaT (a missing pandas time) is not a date")
    if isinstance(value, datetime.date):
        return None
    if isinstance(value, str):
        if not _ISO_PARTIAL.fullmatch(value):
            raise _BadValue("expected an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got "
                            f"{value!r}")
        try:
            _core.PartialDate.from_string(value)
        except _core.ValueError as e:
            raise _BadValue(f"{value!r} is not a date: {e.reason}") from None
        return None
    return _type_name(value)


class _Failure(typing.NamedTuple):
    rank: tuple[int, int]
    message: str
    bad_value: bool
    param: str
    expected: str
    got: str


def _diagnose(name: str, kind: str, sig: _Signature, args: tuple[Any, ...],
              kwargs: dict[str, Any]) -> Optional[_Failure]:
    prefix = name if kind == "setter" else f"{name}()"
    skip = 1 if kind in ("method", "constructor", "setter") else 0
    params = sig.params
    positional = [p for p in params if not p.kw_only]
    given = len(args) - skip

    def fail(rank: tuple[int, int], message: str, bad: bool = False, param: str = "",
             expected: str = "", got: str = "") -> _Failure:
        return _Failure(rank, message, bad, param, expected, got)

    if len(args) > len(positional) and not sig.var_args:
        most = len(positional) - skip
        noun = "argument" if most == 1 else "arguments"
        return fail((0, 0), f"{prefix} takes at most {most} positional {noun} ({given} given)")
    bound: dict[str, Any] = {}
    for p, a in zip(positional, args):
        bound[p.name] = a
    by_name = {p.name: p for p in params}
    for key, value in kwargs.items():
        named = by_name.get(key)
        if named is None or named.pos_only:
            if sig.var_kwargs:
                continue
            return fail((0, 1), f"{prefix} got an unexpected keyword argument {key!r}")
        if key in bound:
            return fail((0, 1), f"{prefix} got multiple values for argument {key!r}")
        bound[key] = value
    for p in params:
        if p.name not in bound and not p.has_default:
            return fail((0, 2), f"{prefix} missing required argument {p.name!r}")
    for index, p in enumerate(params):
        if p.name not in bound:
            continue
        value = bound[p.name]
        where = prefix if kind == "setter" else f"{prefix} argument {p.name!r}"
        try:
            got = _check(p.type, value)
        except _BadValue as e:
            return fail((1, index), f"{where}: {e}", True, p.name)
        if got is not None:
            expected = display(p.type)
            return fail((1, index), f"{where}: expected {expected}, got {got}", False, p.name,
                        expected, got)
    return None


def explain(name: str, kind: str, signatures: list[str], args: tuple[Any, ...],
            kwargs: Optional[dict[str, Any]]) -> Optional[BaseException]:
    """The error to raise instead of pybind11's, or None to keep pybind11's.

    name: "summarize_progress", "Registry.select", "Plan" (a constructor) or "Plan.title" (a
    setter); kind: "function", "method", "constructor" or "setter"; signatures: pybind11's,
    one per overload, in order.
    """
    kw = dict(kwargs or {})
    failures: list[_Failure] = []
    for s in signatures:
        failure = _diagnose(name, kind, _parse_signature(s), args, kw)
        if failure is None:
            failures = []
            break
        failures.append(failure)
    if not failures:
        prefix = name if kind == "setter" else f"{name}()"
        skip = 1 if kind in ("method", "constructor", "setter") else 0
        received = ", ".join([_type_name(a) for a in args[skip:]] +
                             [f"{k}={_type_name(v)}" for k, v in kw.items()])
        return TypeError(f"{prefix}: no overload takes ({received})")
    best = max(failures, key=lambda f: f.rank)
    if best.bad_value:
        bad_value: BaseException = _core.ValueError(best.message)
        return bad_value
    # Overloads that fail at the same parameter: one message with every type it may take.
    same = [f for f in failures if f.rank == best.rank and f.param == best.param and f.expected]
    expected: list[str] = []
    for f in same:
        if f.expected not in expected:
            expected.append(f.expected)
    if len(expected) > 1:
        where = name if kind == "setter" else f"{name}() argument {best.param!r}"
        alternatives = (f"one of {', '.join(expected)}" if len(expected) > 3 else
                        " or ".join(expected))
        return TypeError(f"{where}: expected {alternatives}, got {best.got}")
    return TypeError(best.message)


def name_file(error: BaseException, args: tuple[Any, ...],
              kwargs: Optional[dict[str, Any]]) -> None:
    """Gives a danvan.Error raised while reading the file `args[0]` (or `path=`) a `filename`
    attribute and the file name in front of its message, as the CLI writes it. IoError names
    its file already; other errors are left alone."""
    if not isinstance(error, _core.Error) or isinstance(error, _core.IoError):
        return
    path = args[0] if args else (kwargs or {}).get("path")
    if not isinstance(path, (str, bytes, os.PathLike)):
        return
    filename = os.fsdecode(os.fspath(path))
    error.filename = filename
    message = str(error)
    if not message.startswith(f"{filename}: ") and len(error.args) == 1:
        error.args = (f"{filename}: {message}",)
