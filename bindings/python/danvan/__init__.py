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
* Dates are ``datetime.date``; a date parameter also takes a ``datetime.datetime`` or
  anything derived from it (``pandas.Timestamp``: the calendar day) and an ISO
  ``"YYYY-MM-DD"`` string; a ``PartialDate`` parameter also ``"2020"`` and ``"2020-04"``,
  a ``Period`` parameter its id (``"2020Q4"``). ``PartialDate`` compares with ``date``.
* Enums are ``enum.Enum`` subclasses mixed with ``str`` whose values are the JSON spellings
  (``UnitKind("peoples_committee") is UnitKind.peoples_committee``,
  ``EntryKind.model == "model"``, ``json.dumps`` writes ``"model"``); every enum parameter
  takes the plain string too. ``Level`` is ordered by rank:
  ``Level.central > Level.province > Level.district > Level.commune``. The stubs type such
  parameters ``EntryKind | str``, so ``select(kind="model")`` passes ``mypy --strict``.
* A wrong argument raises a one-line ``TypeError`` naming the parameter, the expected and
  the received type (``summarize_progress() argument 'as_of': expected datetime.date, got
  int``); a string naming no enum member or no date, a ``danvan.ValueError``.
* Reading an attribute gives a copy: sequences come as tuples, objects as new objects.
  Change a part by assigning it back (``plan.purposes = [*plan.purposes, "..."]``).
* Model objects compare by value, print as the constructor call that rebuilds them, and
  convert with ``to_dict()``/``from_dict()`` (keyed by the attribute names, so
  ``Entry(**e.to_dict()) == e``; the values are JSON values, nested objects as dicts, which
  every parameter of a danvan type accepts) and ``to_json()``/``from_json()`` (the canonical
  text of the JSON documents, whose keys are the file format's: an Entry's ``unit_id`` is
  its JSON ``"unit"``; the mapping is ``danvan._dicts.JSON_TO_ATTRIBUTE``).
* Errors derive from ``danvan.Error``; bad values also from ``ValueError`` (``ParseError``
  with ``offset``, ``JsonError`` with ``pointer``), files from ``OSError`` (``IoError``).
  Messages are the C++ library's. Every ``danvan.ValueError`` has ``problems``, each problem
  found as (where, reason) (a JSON pointer, a form's cell, or "" for the value as a whole),
  and one raised while reading a file has ``filename``, as the CLI names it.
* Long calls (loads, ``save_registry``, ``registry_to_text``,
  ``Registry.select``/``search``/``stats``, ``summarize_progress``, ``import_plan_text``)
  release the GIL; a change to an object (a setter, ``add``,
  ``replace``, ...) waits until the calls reading it are done.
* Tables: ``Registry.entries_table()`` gives the entries as columns (a dict of lists),
  ``Registry.to_rows()`` as records (a list of dicts keyed by the Entry attribute names)
  and ``Registry.to_pandas()`` as a ``pandas.DataFrame`` when pandas is installed; a
  ``StatsTable`` is a sequence of dicts (``pandas.DataFrame(list(table))`` works).
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
    load_units,
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
    save_units,
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
    "load_units",
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
    "save_units",
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
from ._core import (
    CommendationForm,
    CommendationStatus,
    Entry,
    EntryKind,
    EntryState,
    Event,
    EventType,
    Field,
    FigureAgreement,
    FigureCategory,
    FigureComparison,
    FigureQualifier,
    Grade,
    JournalWriter,
    Registry,
    ReplayResult,
    ReportedFigure,
    StatsDimension,
    StatsTable,
    Subject,
    builtin_fields,
    builtin_forms,
    builtin_grades,
    check_events,
    is_in_force,
    journal_event_line,
    journal_registration_line,
    load_registry,
    read_registry,
    registry_to_text,
    replay_journal,
    replay_journal_file,
    save_registry,
)

__all__ += [
    "CommendationForm",
    "CommendationStatus",
    "Entry",
    "EntryKind",
    "EntryState",
    "Event",
    "EventType",
    "Field",
    "FigureAgreement",
    "FigureCategory",
    "FigureComparison",
    "FigureQualifier",
    "Grade",
    "JournalWriter",
    "Registry",
    "ReplayResult",
    "ReportedFigure",
    "StatsDimension",
    "StatsTable",
    "Subject",
    "builtin_fields",
    "builtin_forms",
    "builtin_grades",
    "check_events",
    "is_in_force",
    "journal_event_line",
    "journal_registration_line",
    "load_registry",
    "read_registry",
    "registry_to_text",
    "replay_journal",
    "replay_journal_file",
    "save_registry",
]

# --- progress tracking (progress.cpp) ---
from ._core import (
    Activity,
    ActivityReport,
    ActivityRow,
    ActivityStatus,
    AggregateValue,
    Completeness,
    Direction,
    ExpectedReport,
    Fraction,
    Indicator,
    IndicatorRollup,
    IndicatorValue,
    Measure,
    ProgressFormat,
    ProgressPlan,
    ProgressSummary,
    Report,
    ReportBatch,
    ReportState,
    ReportingSchedule,
    RollupNode,
    Target,
    TimeAggregation,
    UnexpectedReport,
    UnitAggregation,
    activity_status,
    aggregate_over_time,
    aggregate_over_units,
    exemplar_stats,
    expects_report,
    load_progress_plan,
    load_report_batch,
    progress_ratio,
    render_progress,
    report_deadline,
    save_progress_plan,
    save_report_batch,
    summarize_progress,
)

__all__ += [
    "Activity",
    "ActivityReport",
    "ActivityRow",
    "ActivityStatus",
    "AggregateValue",
    "Completeness",
    "Direction",
    "ExpectedReport",
    "Fraction",
    "Indicator",
    "IndicatorRollup",
    "IndicatorValue",
    "Measure",
    "ProgressFormat",
    "ProgressPlan",
    "ProgressSummary",
    "Report",
    "ReportBatch",
    "ReportState",
    "ReportingSchedule",
    "RollupNode",
    "Target",
    "TimeAggregation",
    "UnexpectedReport",
    "UnitAggregation",
    "activity_status",
    "aggregate_over_time",
    "aggregate_over_units",
    "exemplar_stats",
    "expects_report",
    "load_progress_plan",
    "load_report_batch",
    "progress_ratio",
    "render_progress",
    "report_deadline",
    "save_progress_plan",
    "save_report_batch",
    "summarize_progress",
]

# --- calendar, holidays and deadlines (calendar.cpp) ---
from ._core import (
    Calendar,
    ComplaintLimits,
    ComplaintRound,
    DateBasis,
    DayCounting,
    DayOff,
    DayOffKind,
    DeadlineRules,
    ExtraDayOff,
    HolidayRule,
    LunarDate,
    Weekday,
    YearSchedule,
    add_calendar_days,
    add_days,
    add_working_days,
    complaint_deadline,
    complaint_limit_days,
    count_working_days,
    denunciation_deadline,
    denunciation_limit_days,
    from_lunar,
    leap_month,
    load_calendar,
    lunar_max_year,
    lunar_min_year,
    lunar_month_length,
    lunar_new_year,
    max_deadline_days,
    next_working_day,
    to_lunar,
    weekday_of,
)

__all__ += [
    "Calendar",
    "ComplaintLimits",
    "ComplaintRound",
    "DateBasis",
    "DayCounting",
    "DayOff",
    "DayOffKind",
    "DeadlineRules",
    "ExtraDayOff",
    "HolidayRule",
    "LunarDate",
    "Weekday",
    "YearSchedule",
    "add_calendar_days",
    "add_days",
    "add_working_days",
    "complaint_deadline",
    "complaint_limit_days",
    "count_working_days",
    "denunciation_deadline",
    "denunciation_limit_days",
    "from_lunar",
    "leap_month",
    "load_calendar",
    "lunar_max_year",
    "lunar_min_year",
    "lunar_month_length",
    "lunar_new_year",
    "max_deadline_days",
    "next_working_day",
    "to_lunar",
    "weekday_of",
]

# --- references in text and import_text (references.cpp) ---

from ._core import (
    ImportResult,
    Reference,
    ResolutionStatus,
    TextSpan,
    annotate_markdown,
    find_references,
    import_plan_text,
    resolve_issuer,
    resolve_references,
)

__all__ += [
    "ImportResult",
    "Reference",
    "ResolutionStatus",
    "TextSpan",
    "annotate_markdown",
    "find_references",
    "import_plan_text",
    "resolve_issuer",
    "resolve_references",
]

# --- the parts of real plans (plans.cpp: danvan/plan version 2) ---

from ._core import (
    Annex,
    Duty,
    DutyRole,
    MonthDay,
    OutlineItem,
    PlanPeriod,
    ReportingDuty,
    Signature,
    TimeOfDay,
)

__all__ += [
    "Annex",
    "Duty",
    "DutyRole",
    "MonthDay",
    "OutlineItem",
    "PlanPeriod",
    "ReportingDuty",
    "Signature",
    "TimeOfDay",
]


# --- every danvan.ValueError lists its problems ---


def _add_problems() -> None:
    """ValueError.problems: the (where, reason) pairs the library gave (errors.cpp sets them),
    else the error's one problem, ("", str(e)): the same for an error raised in Python (a
    bad argument, a Level compared with an unknown name) as for one from C++."""

    def get(self: BaseException) -> "list[tuple[str, str]]":
        stored = self.__dict__.get("_problems")
        return list(stored) if stored is not None else [("", str(self))]

    def put(self: BaseException, value: "list[tuple[str, str]]") -> None:
        self.__dict__["_problems"] = [(str(w), str(r)) for w, r in value]

    setattr(ValueError, "problems", property(
        get, put, doc="Every problem found, as (where, reason): where is a JSON pointer "
        "into the value's JSON form (\"/fields/1\"), a form's cell, or \"\" for the value "
        "as a whole (the one problem is then (\"\", str(e)))."))


_add_problems()

# --- Level is ordered by rank (central highest) ---


def _order_levels() -> None:
    import enum
    import operator
    from typing import Callable

    ranks = {level: -i for i, level in enumerate(Level)}
    names = ", ".join(level.value for level in Level)

    def make(op: "Callable[[int, int], bool]", name: str, symbol: str) -> "Callable[..., bool]":
        # Level is a str, so NotImplemented here would fall back to str's (alphabetical)
        # comparison: anything but a Level or a level's name raises instead.
        def compare(self: Level, other: object) -> bool:
            if isinstance(other, Level):
                return op(ranks[self], ranks[other])
            if isinstance(other, str) and not isinstance(other, enum.Enum):
                if other not in Level._value2member_map_:
                    raise ValueError(f"{other!r} is not a danvan.Level (expected one of: {names})")
                return op(ranks[self], ranks[Level(other)])
            raise TypeError(f"'{symbol}' not supported between instances of 'danvan.Level' "
                            f"and '{type(other).__module__}.{type(other).__qualname__}'"
                            if type(other).__module__ != "builtins" else
                            f"'{symbol}' not supported between instances of 'danvan.Level' "
                            f"and '{type(other).__qualname__}'")

        compare.__name__ = compare.__qualname__ = name
        compare.__doc__ = ("By rank: central > province > district > commune; a str compares "
                           "as the level it names.")
        return compare

    for name, op, symbol in (("__lt__", operator.lt, "<"), ("__le__", operator.le, "<="),
                             ("__gt__", operator.gt, ">"), ("__ge__", operator.ge, ">=")):
        setattr(Level, name, make(op, name, symbol))


_order_levels()
del _order_levels

from ._core import (  # noqa: E402  the submission workflow of reports
    ReportHistory,
    ReportStatus,
    RollupBasis,
    Transition,
    Workflow,
    WorkflowAction,
    WorkflowCounts,
    WorkflowItem,
    WorkflowSummary,
    approving_units,
    pending_reports,
)

__all__ += [
    "ReportHistory",
    "ReportStatus",
    "RollupBasis",
    "Transition",
    "Workflow",
    "WorkflowAction",
    "WorkflowCounts",
    "WorkflowItem",
    "WorkflowSummary",
    "approving_units",
    "pending_reports",
]

# --- to_dict()/from_dict() keyed by attribute names (_dicts.py) ---

from . import _dicts  # noqa: E402

_dicts.install()
del _dicts

# --- Registry.to_pandas: the entries as a pandas.DataFrame (pandas is optional) ---


def _add_to_pandas() -> None:
    import datetime
    from collections.abc import Sequence
    from typing import Any, Optional

    def to_pandas(self: Registry, indexes: Optional[Sequence[int]] = None, *,
                  as_of: Optional[datetime.date] = None) -> Any:
        """The entries at the indexes (all when None; e.g. from select()) as a
        pandas.DataFrame with entries_table()'s columns, one row per entry. Needs pandas
        (imported here: danvan itself does not depend on it); without it, ImportError says
        so and entries_table() gives the same columns as lists."""
        try:
            import pandas
        except ImportError as e:
            raise ImportError(
                "Registry.to_pandas() needs pandas, which is not installed (pip install "
                "pandas, or apt-get install python3-pandas); Registry.entries_table() gives "
                "the same columns as lists") from e
        return pandas.DataFrame(self.entries_table(indexes, as_of=as_of))

    to_pandas.__qualname__ = "Registry.to_pandas"
    setattr(Registry, "to_pandas", to_pandas)


_add_to_pandas()
del _add_to_pandas


from ._core import (  # noqa: E402  validation rules of reports
    RuleCheck,
    RuleImportance,
    RuleOutcome,
    RuleResult,
    RuleTerm,
    TermSource,
    ValidationRule,
    ValuePart,
    approval_problem,
    check_report_rules,
    check_rules,
    rule_holds,
)

__all__ += [
    "RuleCheck",
    "RuleImportance",
    "RuleOutcome",
    "RuleResult",
    "RuleTerm",
    "TermSource",
    "ValidationRule",
    "ValuePart",
    "approval_problem",
    "check_report_rules",
    "check_rules",
    "rule_holds",
]

from ._core import (  # noqa: E402  the Excel forms of progress plans
    import_progress_forms,
    progress_form,
    progress_workbook,
)

__all__ += [
    "import_progress_forms",
    "progress_form",
    "progress_workbook",
]

# --- proposal lists in (registry_proposals.cpp: Registry.import_proposals) ---
from ._core import TableImport  # noqa: E402

__all__ += ["TableImport"]

# --- the official list of units (unit_list.cpp) ---
from ._core import (  # noqa: E402
    ListedUnit,
    TableProblem,
    UnitList,
    UnitListChange,
    UnitListComparison,
    compare_unit_list,
    read_unit_list,
    read_unit_list_csv,
)

__all__ += [
    "ListedUnit",
    "TableProblem",
    "UnitList",
    "UnitListChange",
    "UnitListComparison",
    "compare_unit_list",
    "read_unit_list",
    "read_unit_list_csv",
]

# --- the register of units (unit_register.cpp) ---
from ._core import (  # noqa: E402
    UnitListUpdate,
    UnitRegister,
    apply_unit_list,
    bundled_units_path,
    load_unit_register,
)

__all__ += [
    "UnitListUpdate",
    "UnitRegister",
    "apply_unit_list",
    "bundled_units_path",
    "load_unit_register",
]
