"""danvan: Vietnamese government campaign plans for Python.

Plans, task areas, the instruments they cite (with symbol parsing and formatting), the units
that carry them out and their hierarchy over time, partial dates and reporting periods, the
Vietnamese text helpers, and the JSON documents: the C++ library danvan, as a Python package.

    >>> import danvan
    >>> plan = danvan.load_plan("data/plans/phu-yen-2020-nam-dan-van-kheo.json")
    >>> [t.number for t in plan.task_areas]
    [1, 2, 3, 4, 5]
    >>> danvan.parse_symbol("Số: 26/CT-TTg").canonical()
    '26/CT-TTg'

Conventions:

* Dates are ``datetime.date``; dates known only to the year or month are ``PartialDate``.
* Enums are ``enum.Enum`` subclasses whose values are the JSON spellings
  (``UnitKind("peoples_committee") is UnitKind.peoples_committee``).
* Reading an attribute gives a copy: sequences come as tuples, objects as new objects.
  Change a part by assigning it back (``plan.purposes = [*plan.purposes, "..."]``).
* Model objects compare by value, print as the constructor call that rebuilds them, and
  convert with ``to_dict()``/``from_dict()`` (shaped like the JSON documents) and
  ``to_json()``/``from_json()`` (canonical text).
* Errors derive from ``danvan.Error``; bad values also from ``ValueError`` (``ParseError``
  with ``offset``, ``JsonError`` with ``pointer`` and ``problems``), files from ``OSError``
  (``IoError``). Messages are the C++ library's.
* Tables (statistics) come back as lists of dicts: ``pandas.DataFrame(rows)`` works.
"""

from ._core import (
    Collator,
    DatePrecision,
    DocumentFamily,
    DocumentType,
    DocumentTypeInfo,
    Error,
    Instrument,
    InstrumentCatalogue,
    InstrumentKey,
    IoError,
    Issuer,
    JsonError,
    Level,
    Milestone,
    ParseError,
    PartialDate,
    Period,
    PeriodType,
    Plan,
    PlanFormat,
    SourceInfo,
    Symbol,
    TaskArea,
    Citation,
    Unit,
    UnitHierarchy,
    UnitKind,
    ValueError,
    YearRange,
    __version__,
    check_utf8,
    code_of,
    compare_vietnamese,
    document_schema,
    document_types,
    fold,
    format_document,
    identity,
    info,
    is_nfc,
    is_valid_id,
    json_version,
    load_catalogue,
    load_plan,
    name_sort_key,
    normalize_nfc,
    parse_date,
    parse_json,
    parse_partial_date,
    parse_symbol,
    read_file,
    render_plan,
    save_catalogue,
    save_plan,
    sort_key,
    sorted_person_names,
    sorted_vietnamese,
    squeeze_spaces,
    to_canonical_text,
    to_iso,
    try_parse_symbol,
    type_from_code,
    type_from_name,
    validate_document,
    vietnamese_name,
    write_file_atomically,
)

# `from danvan import *` leaves out ValueError, which would shadow the builtin (it is a
# subclass of it, so `except ValueError` would stop catching other libraries' errors).
__all__ = [
    "Citation",
    "Collator",
    "DatePrecision",
    "DocumentFamily",
    "DocumentType",
    "DocumentTypeInfo",
    "Error",
    "Instrument",
    "InstrumentCatalogue",
    "InstrumentKey",
    "IoError",
    "Issuer",
    "JsonError",
    "Level",
    "Milestone",
    "ParseError",
    "PartialDate",
    "Period",
    "PeriodType",
    "Plan",
    "PlanFormat",
    "SourceInfo",
    "Symbol",
    "TaskArea",
    "Unit",
    "UnitHierarchy",
    "UnitKind",
    "YearRange",
    "check_utf8",
    "code_of",
    "compare_vietnamese",
    "document_schema",
    "document_types",
    "fold",
    "format_document",
    "identity",
    "info",
    "is_nfc",
    "is_valid_id",
    "json_version",
    "load_catalogue",
    "load_plan",
    "name_sort_key",
    "normalize_nfc",
    "parse_date",
    "parse_json",
    "parse_partial_date",
    "parse_symbol",
    "read_file",
    "render_plan",
    "save_catalogue",
    "save_plan",
    "sort_key",
    "sorted_person_names",
    "sorted_vietnamese",
    "squeeze_spaces",
    "to_canonical_text",
    "to_iso",
    "try_parse_symbol",
    "type_from_code",
    "type_from_name",
    "validate_document",
    "vietnamese_name",
    "write_file_atomically",
]

# The later features, one block each (bound in bindings/python/src/<feature>.cpp): import the
# names and extend __all__ in the block.

# --- exemplar registry (registry.cpp) ---

# --- progress tracking (progress.cpp) ---

# --- calendar, holidays and deadlines (calendar.cpp) ---

# --- references in text and import_text (references.cpp) ---
