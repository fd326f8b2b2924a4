"""Shared fixtures for the danvan Python tests.

ctest runs these with PYTHONPATH pointing at the package in the build tree
(build/python/danvan); run by hand with
    PYTHONPATH=build/python /usr/bin/python3 -m pytest -q tests/python
"""

import datetime
import json
import pathlib

import pytest

import danvan

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLAN_PATH = ROOT / "data" / "plans" / "phu-yen-2020-nam-dan-van-kheo.json"
CATALOGUE_PATH = ROOT / "data" / "instruments" / "catalogue.json"
STUB_PATH = pathlib.Path(danvan.__file__).with_name("__init__.pyi")


@pytest.fixture
def plan() -> danvan.Plan:
    return danvan.load_plan(PLAN_PATH)


@pytest.fixture
def plan_text() -> str:
    return PLAN_PATH.read_text(encoding="utf-8")


@pytest.fixture
def plan_data() -> dict:
    return json.loads(PLAN_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def catalogue_text() -> str:
    return CATALOGUE_PATH.read_text(encoding="utf-8")


@pytest.fixture
def catalogue_data() -> dict:
    return json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))


def eval_repr(obj):
    """eval(repr(obj)) with the danvan names and datetime in scope."""
    namespace = dict(vars(danvan))
    namespace["datetime"] = datetime
    return eval(repr(obj), namespace)  # noqa: S307 - the point of the test


def units_sample() -> danvan.UnitHierarchy:
    """A province with a district (ended 2025-06-30) and communes, plus a merge of two
    provinces into one on 2025-07-01."""
    d = datetime.date
    U, K, L = danvan.Unit, danvan.UnitKind, danvan.Level
    return danvan.UnitHierarchy([
        U(id="phu-yen", name="Ủy ban nhân dân tỉnh Phú Yên", kind=K.peoples_committee,
          level=L.province, valid_to=d(2025, 6, 30), successor_ids=["dak-lak-moi"]),
        U(id="dak-lak", name="Ủy ban nhân dân tỉnh Đắk Lắk", kind=K.peoples_committee,
          level=L.province, valid_to=d(2025, 6, 30), successor_ids=["dak-lak-moi"]),
        U(id="dak-lak-moi", name="Ủy ban nhân dân tỉnh Đắk Lắk (mới)", kind=K.peoples_committee,
          level=L.province, valid_from=d(2025, 7, 1), predecessor_ids=["phu-yen", "dak-lak"]),
        U(id="tuy-hoa", name="Ủy ban nhân dân thành phố Tuy Hòa", kind=K.peoples_committee,
          level=L.district, parent_id="phu-yen", valid_to=d(2025, 6, 30)),
        U(id="phuong-1", name="Ủy ban nhân dân Phường 1", kind=K.peoples_committee,
          level=L.commune, parent_id="tuy-hoa", valid_to=d(2025, 6, 30)),
        U(id="so-noi-vu", name="Sở Nội vụ tỉnh Phú Yên", kind=K.administrative_agency,
          level=L.province, parent_id="phu-yen", valid_to=d(2025, 6, 30)),
    ])
