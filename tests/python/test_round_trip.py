"""to_dict/from_dict round-trip for every value type (issue 12): X.from_dict(x.to_dict()) == x,
for every object reachable through the attributes of the bundled data files. (That the keys
are the attribute names and the constructors take the dicts: test_dict_keys.py.)"""

import enum

import pytest

import danvan
from conftest import CATALOGUE_PATH, PLAN_PATH, ROOT
from test_value_dicts import VALUES

PROGRESS = danvan.load_progress_plan(ROOT / "data" / "progress" / "phu-yen-2020-progress.json")
REGISTRY = danvan.load_registry(ROOT / "data" / "registry" / "sample-registry.json")
ROOTS = [
    danvan.load_plan(PLAN_PATH),
    danvan.load_catalogue(CATALOGUE_PATH),
    danvan.load_units(ROOT / "data" / "units" / "phu-yen.json"),
    PROGRESS,
    danvan.load_report_batch(ROOT / "data" / "progress" / "phu-yen-2020-reports.json", PROGRESS),
    REGISTRY,
    *[REGISTRY[i] for i in range(3)],
    # a real registry holding reported figures (ReportedFigure)
    danvan.load_registry(ROOT / "data" / "registry" / "real" / "registries"
                         / "binh-thuan-2024-cong-nhan-796.json"),
    danvan.load_calendar(ROOT / "data" / "calendar" / "vietnam.json"),
    danvan.Workflow.from_json((ROOT / "tests" / "data" / "workflow.json").read_text("utf-8"),
                              PROGRESS),
    *danvan.find_references(
        "Căn cứ Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ; Nghị định "
        "04/2015/NĐ-CP; Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)."),
    # value types the bundled files do not hold (annexes, duties, signatures, calendar parts)
    *VALUES,
]
PER_TYPE = 3  # samples kept per type


def has_dict_form(obj):
    return hasattr(type(obj), "to_dict") and hasattr(type(obj), "from_dict")


def reachable():
    """(path, object) for objects with to_dict/from_dict reachable through properties and
    tuple elements, at most PER_TYPE per type."""
    out, count = [], {}

    def visit(path, obj, depth):
        if depth > 6:
            return
        if isinstance(obj, tuple):
            for i, item in enumerate(obj[:PER_TYPE]):
                visit(f"{path}[{i}]", item, depth + 1)
            return
        if not has_dict_form(obj) or isinstance(obj, enum.Enum):
            return
        name = type(obj).__name__
        if count.get(name, 0) < PER_TYPE:
            count[name] = count.get(name, 0) + 1
            out.append((path, obj))
        for attr, member in sorted(vars(type(obj)).items()):
            if isinstance(member, property) and not attr.startswith("_"):
                visit(f"{path}.{attr}", getattr(obj, attr), depth + 1)

    for i, root in enumerate(ROOTS):
        visit(f"{type(root).__name__}#{i}", root, 0)
    return out


SAMPLES = reachable()


def dict_types():
    return {name for name, cls in vars(danvan).items()
            if isinstance(cls, type) and not issubclass(cls, (enum.Enum, BaseException))
            and hasattr(cls, "to_dict") and hasattr(cls, "from_dict")}


def test_the_walk_reaches_most_types():
    reached = {type(obj).__name__ for _, obj in SAMPLES}
    assert len(dict_types()) >= 26
    assert dict_types() <= reached, sorted(dict_types() - reached)


def from_dict(obj, data):
    if isinstance(obj, danvan.ReportBatch):
        return danvan.ReportBatch.from_dict(data, PROGRESS)
    return type(obj).from_dict(data)


@pytest.mark.parametrize("path,obj", SAMPLES, ids=[s[0] for s in SAMPLES])
def test_from_dict_of_to_dict_is_equal(path, obj):
    data = obj.to_dict()
    back = from_dict(obj, data)
    assert back.to_dict() == data
    assert back == obj


RESOLVED = danvan.find_references(
    "Thực hiện Chỉ thị số 26 của Thủ tướng Chính phủ và Chỉ thị số 23; Chỉ thị số 99.",
    danvan.load_catalogue(CATALOGUE_PATH))


def test_references_resolved_against_a_catalogue_round_trip():
    # Resolved (issuer_ids), ambiguous (candidate_ids) and unresolved: every attribute kept.
    assert [r.status for r in RESOLVED] == [danvan.ResolutionStatus.resolved,
                                            danvan.ResolutionStatus.ambiguous,
                                            danvan.ResolutionStatus.unresolved]
    assert RESOLVED[0].issuer_ids and len(RESOLVED[1].candidate_ids) == 2
    for r in RESOLVED:
        assert danvan.Reference.from_dict(r.to_dict()) == r
        assert danvan.Reference(**r.to_dict()) == r
        assert r.to_dict()["type"] == r.type.value == "directive"


def test_every_type_with_to_dict_has_from_dict():
    """Every bound type with a to_dict() reads it back, except two computed results: a
    StatsTable (Registry.stats) and a FigureComparison (Registry.compare_figure), which are
    made by the registry, not from their parts (both pickle)."""
    one_way = sorted(name for name, cls in vars(danvan).items()
                     if isinstance(cls, type) and hasattr(cls, "to_dict")
                     and not hasattr(cls, "from_dict"))
    assert one_way == ["FigureComparison", "StatsTable"]
