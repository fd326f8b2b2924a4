"""to_dict()/from_dict() keyed by attribute names (issue 12).

The compiled module's to_dict() gives an object shaped like its JSON document, whose keys
differ from the attribute names for many types (an Entry's JSON "unit" is its ``unit_id``,
"person" its ``person_name``; a document has "schema" and "version"). install() replaces
to_dict()/from_dict() of every class with forms keyed by the names of the attributes (and of
the constructor's parameters), so that

    Entry(**entry.to_dict()) == entry and Entry.from_dict(entry.to_dict()) == entry

and keeps the JSON file format as it is: to_json()/from_json() and the files are unchanged.
The values stay the JSON values (dates as ISO strings, enums as their str values, a nested
object as its own to_dict()), which every constructor accepts. The mapping between the two
forms is _JSON_TO_ATTRIBUTE below (JSON key -> attribute name, per class), the one documented
place where the JSON keys and the Python names differ; a JSON key not listed is the attribute
of the same name. from_dict() maps the keys back and reads the result as strictly as the JSON
readers; an error's pointer names the attribute keys the caller wrote.
"""

from __future__ import annotations

import datetime
import enum
import inspect
import keyword
import re
from typing import Any, Callable, Optional

from . import _arguments
from . import _core  # type: ignore[attr-defined]  # the compiled module has no stub

__all__ = ["install", "JSON_TO_ATTRIBUTE"]

# JSON key -> attribute name, per class (only the keys that differ).
_JSON_TO_ATTRIBUTE: dict[str, dict[str, str]] = {
    "Activity": {"responsible_units": "responsible_unit_ids",
                 "participating_units": "participating_unit_ids"},
    "ActivityReport": {"activity": "activity_id"},
    "Citation": {"instrument": "instrument_id"},
    "Event": {"units": "unit_ids"},
    "Entry": {"unit": "unit_id", "places": "place_unit_ids", "fields": "field_ids",
              "person": "person_name"},
    "IndicatorValue": {"indicator": "indicator_id"},
    "Instrument": {"issuers": "issuer_ids"},
    "Issuer": {"parent": "parent_id", "successors": "successor_ids"},
    "Plan": {"issuer": "issuer_id"},
    "ProgressPlan": {"plan": "plan_id", "scope": "scope_unit_ids"},
    "Report": {"unit": "unit_id"},
    "ReportedFigure": {"unit": "unit_id", "field": "field_id"},
    "RuleTerm": {"indicator": "indicator_id"},
    "ReportBatch": {"plan": "plan_id"},
    "Target": {"unit": "unit_id"},
    "TaskArea": {"lead_units": "lead_unit_ids", "participating_units": "participating_unit_ids"},
    "Transition": {"unit": "unit_id", "by": "actor_unit_id"},
    "ValidationRule": {"operator": "op"},
    "Unit": {"parent": "parent_id", "predecessors": "predecessor_ids",
             "successors": "successor_ids"},
    "Workflow": {"plan": "plan_id"},
}
JSON_TO_ATTRIBUTE = _JSON_TO_ATTRIBUTE

# Keys of a whole document that are no attribute: the file's format, not the object.
_DOCUMENT_KEYS = ("schema", "version")
# ... for the document classes that cannot be made without arguments.
_DOCUMENT_FALLBACK: dict[str, dict[str, Any]] = {
    "Calendar": {"schema": "danvan/calendar", "version": 1},
}


def _parameter_types(cls: type) -> dict[str, str]:
    """The constructor's parameters and their declared types, from pybind11's signature."""
    doc = getattr(getattr(cls, "__init__", None), "__doc__", None) or ""
    types: dict[str, str] = {}
    for line in doc.splitlines():
        start = line.find("(")
        if not line.startswith("__init__(") or start < 0:
            continue
        for p in _arguments._parse_signature(line[start:]).params:
            types.setdefault(p.name, p.type)
    return types


def _nested(annotation: str) -> Optional[type]:
    """The danvan class a parameter holds (alone, optional or in a list), but an enum."""
    head, args = _arguments._parse_type(annotation)
    if head in ("Optional", "List", "list", "Sequence") and len(args) == 1:
        return _nested(args[0])
    if head.startswith("danvan."):
        cls = getattr(_core, head[len("danvan."):], None)
        if isinstance(cls, type) and not issubclass(cls, enum.Enum):
            return cls
    return None


# JSON keys gathered into one attribute: a Plan's "issuers" and "instruments" are its
# `catalogue` (an InstrumentCatalogue).
_GATHERED: dict[str, dict[str, tuple[str, ...]]] = {
    "Plan": {"catalogue": ("issuers", "instruments")},
}
# Classes whose JSON form inside another document is the list of one attribute: a Plan's
# "units" is the list of its UnitHierarchy's units.
_LIST_OF: dict[str, str] = {"UnitHierarchy": "units"}


# Classes written as a string in their JSON form, and their fields in the attribute form: a
# ReportingDuty's "every_year": "12-15" is {"month": 12, "day": 15}, "every_day": "16:00"
# {"hour": 16, "minute": 0}. (pattern, field names, format)
_STRING_FORMS: dict[str, tuple[str, tuple[str, str], str]] = {
    "MonthDay": (r"(\d{2})-(\d{2})", ("month", "day"), "{:02d}-{:02d}"),
    "TimeOfDay": (r"(\d{2}):(\d{2})", ("hour", "minute"), "{:02d}:{:02d}"),
}


def _from_string_form(cls: type, data: Any) -> Any:
    pattern, names, _ = _STRING_FORMS[cls.__name__]
    match = re.fullmatch(pattern, data) if isinstance(data, str) else None
    return {names[0]: int(match[1]), names[1]: int(match[2])} if match else data


def _to_string_form(cls: type, data: Any) -> Any:
    _, names, text = _STRING_FORMS[cls.__name__]
    if isinstance(data, dict) and set(data) <= set(names) and all(
            type(data.get(n, 0)) is int for n in names):
        # A missing field is the constructor's default (1 for a month or day, 0 for a time).
        default = 1 if names[0] == "month" else 0
        return text.format(data.get(names[0], default), data.get(names[1], default))
    return data  # the reader reports what is wrong with it


def _forms_of(cls: type) -> "_Form":
    form = _forms.get(cls)
    if form is None:
        form = _forms[cls] = _Form(cls)
        form.nested = {name: c for name, t in _parameter_types(cls).items()
                       if (c := _nested(t)) is not None}
        for c in set(form.nested.values()):
            _forms_of(c)
    return form


class _Form:
    """How one class's JSON dict and attribute dict correspond."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.to_attribute = dict(_JSON_TO_ATTRIBUTE.get(cls.__name__, {}))
        self.gathered = _GATHERED.get(cls.__name__, {})
        self.nested: dict[str, type] = {}
        self.document: dict[str, Any] = {}

    def attribute_name(self, key: str) -> str:
        name = self.to_attribute.get(key, key)
        return name + "_" if keyword.iskeyword(name) else name

    def json_key(self, name: str) -> str:
        for key in self.to_attribute:
            if self.attribute_name(key) == name:
                return key
        return name[:-1] if name.endswith("_") and keyword.iskeyword(name[:-1]) else name

    def attribute_dict(self, data: Any) -> Any:
        if self.cls.__name__ in _STRING_FORMS:
            return _from_string_form(self.cls, data)
        if isinstance(data, list) and self.cls.__name__ in _LIST_OF:
            return {_LIST_OF[self.cls.__name__]:
                    _convert(self.nested.get(_LIST_OF[self.cls.__name__]), data,
                             "attribute_dict")}
        if not isinstance(data, dict):
            return data
        out: dict[str, Any] = {}
        gathered = {k: a for a, keys in self.gathered.items() for k in keys}
        for key, value in data.items():
            if key in _DOCUMENT_KEYS:
                continue
            if key in gathered:
                inner = out.setdefault(gathered[key], {})
                inner[key] = _convert(self.nested.get(gathered[key]), [value],
                                      "attribute_dict_part", key)[0]
                continue
            name = self.attribute_name(key)
            out[name] = _convert(self.nested.get(name), value, "attribute_dict")
        return out

    def json_dict(self, data: Any, inside: bool = False, at: str = "") -> Any:
        """The JSON form of attribute data; `at` is its pointer (for errors)."""
        if self.cls.__name__ in _STRING_FORMS:
            return _to_string_form(self.cls, data)
        if isinstance(data, dict) and inside and self.cls.__name__ in _LIST_OF:
            key = _LIST_OF[self.cls.__name__]
            if set(data) <= {key}:
                return _convert(self.nested.get(key), data.get(key, []), "json_inside",
                                at=f"{at}/{key}")
        if not isinstance(data, dict):
            return data
        out: dict[str, Any] = {} if inside else dict(self.document)
        for name, value in data.items():
            if not isinstance(name, str):
                out[name] = value
                continue
            if name in self.to_attribute and self.attribute_name(name) != name:
                raise _json_error(f"{at}/{name}", f'unknown key "{name}" (the attribute is '
                                  f'{self.attribute_name(name)})')
            if name in self.gathered and isinstance(value, dict):
                inner_form = _forms_of(self.nested[name]) if name in self.nested else None
                for key, part in value.items():
                    out[key] = (inner_form.json_part(key, part, f"{at}/{name}") if inner_form
                                else part)
                continue
            out[self.json_key(name)] = _convert(self.nested.get(name), value, "json_inside",
                                                at=f"{at}/{name}")
        return out

    def json_inside(self, data: Any, at: str = "") -> Any:
        return self.json_dict(data, inside=True, at=at)

    def attribute_dict_part(self, data: Any, key: str) -> Any:
        """One key of this class's JSON dict, as attribute data (a gathered part)."""
        return self.attribute_dict({key: data}).get(self.attribute_name(key))

    def json_part(self, name: str, data: Any, at: str = "") -> Any:
        return self.json_dict({name: data}, inside=True, at=at).get(self.json_key(name))

    def attribute_pointer(self, pointer: str) -> str:
        """A JSON pointer into the JSON dict, as a pointer into the attribute dict."""
        if not pointer.startswith("/"):
            return pointer
        first, _, rest = pointer[1:].partition("/")
        for name, keys in self.gathered.items():
            if first in keys:
                return f"/{name}/{first}" + (f"/{rest}" if rest else "")
        name = self.attribute_name(first)
        inner = self.nested.get(name)
        if inner is None or not rest:
            return f"/{name}" + (f"/{rest}" if rest else "")
        form = _forms_of(inner)
        index, _, after = rest.partition("/")
        if index.isdigit():
            if inner.__name__ in _LIST_OF:
                inner_name = _LIST_OF[inner.__name__]
                item = form.nested.get(inner_name)
                tail = _forms_of(item).attribute_pointer("/" + after) if item and after else (
                    f"/{after}" if after else "")
                return f"/{name}/{inner_name}/{index}" + tail
            return f"/{name}/{index}" + (form.attribute_pointer("/" + after) if after else "")
        return f"/{name}" + form.attribute_pointer("/" + rest)


_forms: dict[type, _Form] = {}


def _convert(cls: Optional[type], value: Any, how: str, *extra: Any, at: str = "") -> Any:
    if cls is None or value is None:
        return value
    convert = getattr(_forms_of(cls), how)
    inside = {"at": at} if how == "json_inside" else {}
    if isinstance(value, list) and not (how == "attribute_dict" and cls.__name__ in _LIST_OF):
        if inside:
            return [convert(v, *extra, at=f"{at}/{i}") for i, v in enumerate(value)]
        return [convert(v, *extra) for v in value]
    return convert(value, *extra, **inside)


def _json_error(pointer: str, reason: str) -> Exception:
    """A danvan.JsonError as the readers raise it."""
    error = _core.JsonError(f"{pointer}: {reason}")
    error.pointer = pointer
    error.reason = reason
    error.problems = [(pointer, reason)]
    error._attribute_pointer = True
    return error  # type: ignore[no-any-return]


def _document_keys(cls: type) -> dict[str, Any]:
    """schema and version of a class whose JSON form is a document ({} for others)."""
    if cls.__name__ in _DOCUMENT_FALLBACK:
        return dict(_DOCUMENT_FALLBACK[cls.__name__])
    try:
        data = cls().to_json_dict()
    except Exception:  # a class that needs constructor arguments
        return {}
    return {k: data[k] for k in _DOCUMENT_KEYS if isinstance(data, dict) and k in data}


# Classes whose JSON form is an output format rather than the object (a Reference's JSON has
# its span's offsets flat, the document type's Vietnamese label beside it and no issuer_ids or
# candidate_ids): to_dict() reads their attributes, from_dict() calls the constructor.
_BY_ATTRIBUTES = {"Reference"}

# Value types with no JSON form of their own (they are written inside a Plan, a Calendar, a
# ProgressPlan, ...): install() gives them to_dict()/from_dict() read from and given to their
# attributes, which are their constructor's parameters, so X.from_dict(x.to_dict()) == x and
# X(**x.to_dict()) == x.
_VALUE_TYPES = ("Annex", "ComplaintLimits", "DayOff", "DeadlineRules", "Duty", "ExtraDayOff",
                "HolidayRule", "LunarDate", "MonthDay", "OutlineItem", "PlanPeriod",
                "ReportingDuty", "RuleTerm", "Signature", "TimeOfDay", "YearSchedule")


def _plain(value: Any) -> Any:
    """An attribute's value as to_dict() gives it: JSON values, nested objects as dicts."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, _core.PartialDate):
        return value.iso()
    if isinstance(value, _core.Symbol):
        return value.surface or value.canonical()  # as written: a repaired one stays so
    if isinstance(value, _core.Period):
        return value.id
    if hasattr(type(value), "to_json_dict") or type(value).__name__ in _VALUE_TYPES:
        return value.to_dict()
    return {name: _plain(getattr(value, name)) for name in _parameter_types(type(value))
            if name != "self"}


def _make_attribute_methods(cls: type) -> tuple[Callable[..., Any], Callable[..., Any]]:
    names = [n for n in _parameter_types(cls) if n != "self"]

    def to_dict(self: Any) -> Any:
        return {name: _plain(getattr(self, name)) for name in names}

    def from_dict(data: Any) -> Any:
        if not isinstance(data, dict):
            raise TypeError(f"{cls.__name__}.from_dict() argument 'data': expected dict, got "
                            f"{_arguments._type_name(data)}")
        return cls(**data)

    return to_dict, from_dict


def _make_methods(cls: type) -> tuple[Callable[..., Any], Callable[..., Any]]:
    form = _forms[cls]
    json_from_dict = getattr(cls, "from_json_dict")

    def to_dict(self: Any) -> Any:
        return form.attribute_dict(self.to_json_dict())

    def from_dict(data: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return json_from_dict(form.json_dict(data), *args, **kwargs)
        except _core.JsonError as e:
            if getattr(e, "_attribute_pointer", False):
                raise  # raised here, on the attribute keys already
            pointer = getattr(e, "pointer", "")
            if isinstance(pointer, str) and pointer:
                renamed = form.attribute_pointer(pointer)
                if renamed != pointer:
                    e.pointer = renamed
                    e.args = tuple(str(a).replace(pointer, renamed, 1) if isinstance(a, str)
                                   else a for a in e.args)
            raise

    return to_dict, from_dict


def _describe(cls: type, to_dict: Callable[..., Any], from_dict: Callable[..., Any]) -> None:
    to_dict.__name__ = "to_dict"
    to_dict.__qualname__ = f"{cls.__name__}.to_dict"
    to_dict.__doc__ = (
        "The object as Python data keyed by its attribute names: "
        f"{cls.__name__}(**x.to_dict()) and {cls.__name__}.from_dict(x.to_dict()) give it "
        "back. Values are JSON values (dates as ISO strings, enums as str, nested objects as "
        "dicts), so json.dumps() takes it; the JSON file's own keys are to_json()'s.")
    from_dict.__name__ = "from_dict"
    from_dict.__qualname__ = f"{cls.__name__}.from_dict"
    from_dict.__doc__ = (
        "Reads the object from to_dict()'s form (keys are attribute names), as strictly as "
        "the JSON readers (unknown keys, wrong types, bad values). Raises danvan.JsonError "
        "listing every problem with its pointer.")


def _keep_json_forms(cls: type) -> None:
    """The compiled to_dict()/from_dict() (the JSON document's shape) as to_json_dict() and
    from_json_dict()."""
    compiled_to = vars(cls)["to_dict"]
    compiled_from = getattr(cls, "from_dict")

    def to_json_dict(self: Any) -> Any:
        return compiled_to(self)

    def from_json_dict(data: Any, *args: Any, **kwargs: Any) -> Any:
        return compiled_from(data, *args, **kwargs)

    to_json_dict.__qualname__ = f"{cls.__name__}.to_json_dict"
    to_json_dict.__doc__ = (
        "The object as Python data shaped like its JSON document (the file's keys: an Entry's "
        "\"unit\" for unit_id; dicts in canonical key order), as json.loads(x.to_json()).")
    from_json_dict.__qualname__ = f"{cls.__name__}.from_json_dict"
    from_json_dict.__doc__ = (
        "Reads the object from data shaped like its JSON document, as strictly as the JSON "
        "readers. Raises danvan.JsonError listing every problem with its JSON pointer.")
    try:
        setattr(from_json_dict, "__signature__", inspect.signature(compiled_from))
    except (TypeError, ValueError):
        pass
    setattr(cls, "to_json_dict", to_json_dict)
    setattr(cls, "from_json_dict", staticmethod(from_json_dict))


def install() -> None:
    classes = [c for c in vars(_core).values()
               if isinstance(c, type) and not issubclass(c, (enum.Enum, BaseException))
               and "to_dict" in vars(c) and "from_dict" in vars(c)]
    for cls in classes:
        _keep_json_forms(cls)
    for cls in classes:
        _forms_of(cls)
    for cls in classes:
        _forms[cls].document = _document_keys(cls)
        to_dict, from_dict = (_make_attribute_methods(cls) if cls.__name__ in _BY_ATTRIBUTES
                              else _make_methods(cls))
        _describe(cls, to_dict, from_dict)
        try:  # inspect.signature and help() show the compiled function's parameters
            setattr(from_dict, "__signature__", inspect.signature(getattr(cls, "from_json_dict")))
        except (TypeError, ValueError):
            pass
        setattr(cls, "to_dict", to_dict)
        setattr(cls, "from_dict", staticmethod(from_dict))
    for name in _VALUE_TYPES:
        cls = getattr(_core, name)
        to_dict, from_dict = _make_attribute_methods(cls)
        _describe(cls, to_dict, from_dict)
        from_dict.__doc__ = (
            "Makes the object from to_dict()'s form (keys are attribute names; nested objects "
            "as dicts, dates as ISO strings, enums as str): the constructor's keyword "
            "arguments, checked as the constructor checks them (TypeError for an unknown key "
            "or a wrong type, danvan.ValueError for a bad value).")
        to_dict.__doc__ = (
            "The object as Python data keyed by its attribute names: "
            f"{name}(**x.to_dict()) and {name}.from_dict(x.to_dict()) give it back. Values "
            "are JSON values (dates as ISO strings, enums as str, nested objects as dicts), "
            "so json.dumps() takes it.")
        setattr(cls, "to_dict", to_dict)
        setattr(cls, "from_dict", staticmethod(from_dict))
