"""Long calls release the GIL (issue 12 item 6): while load_registry, load_units, load_plan,
load_catalogue and load_calendar read a file, other Python threads run.

The switch interval is set to 30 s for the test, so a thread that holds the GIL keeps it until
it releases it itself: the main thread records times while a worker loads a file, and a time
strictly inside the call shows the call released the GIL."""

import copy
import datetime
import json
import pickle
import sys
import threading
import time

import pytest

import danvan
from conftest import CATALOGUE_PATH, PLAN_PATH, ROOT


@pytest.fixture(scope="module")
def big_registry(tmp_path_factory):
    """The SAMPLE registry's entries 40 times over (new ids): a load of about 0.1 s."""
    data = json.loads((ROOT / "data" / "registry" / "sample-registry.json").read_text("utf-8"))
    entries = data["entries"]
    data["entries"] = [dict(e, id=f"{e['id']}-{k}") for k in range(40) for e in entries]
    path = tmp_path_factory.mktemp("gil") / "registry.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def ran_meanwhile(call) -> bool:
    """Whether the main thread ran while `call` ran in another thread."""
    span = {}

    def work():
        span["start"] = time.perf_counter()
        call()
        span["end"] = time.perf_counter()

    stamps = []
    old = sys.getswitchinterval()
    sys.setswitchinterval(30)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        while worker.is_alive():
            stamps.append(time.perf_counter())
            time.sleep(0.0005)
        worker.join()
    finally:
        sys.setswitchinterval(old)
    return any(span["start"] < t < span["end"] for t in stamps)


def repeated_for(call, seconds=0.05):
    """`call` again and again for `seconds`: a fast call (a query of a few milliseconds) gives
    the main thread many chances to run inside it, however late its sleep ends on a loaded
    machine. Between the calls the worker holds the GIL, so a time inside the span still
    shows that a call released it."""
    def run():
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            call()
    return run


def test_loading_a_registry_lets_other_threads_run(big_registry):
    assert len(danvan.load_registry(big_registry)) == 320 * 40
    assert ran_meanwhile(lambda: danvan.load_registry(big_registry))


def test_a_call_that_holds_the_gil_is_seen_as_such(big_registry):
    # The check itself: a pure-Python busy loop of 0.1 s never lets the main thread in.
    def busy():
        end = time.perf_counter() + 0.1
        while time.perf_counter() < end:
            pass
    assert not ran_meanwhile(busy)


@pytest.mark.parametrize("load,path", [
    (danvan.load_units, ROOT / "data" / "units" / "national" / "units.json"),
    (danvan.load_plan, PLAN_PATH),
    (danvan.load_catalogue, CATALOGUE_PATH),
    (danvan.load_calendar, ROOT / "data" / "calendar" / "vietnam.json"),
])
def test_other_loads_release_the_gil(load, path):
    # Small files load in well under a millisecond: repeat for a while.
    assert any(ran_meanwhile(repeated_for(lambda: load(path))) for _ in range(5))


def test_errors_still_name_the_file_after_the_gil_is_taken_back(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "danvan/registry", "version": 2, "entries": 3}', encoding="utf-8")
    with pytest.raises(danvan.JsonError) as e:
        danvan.load_registry(bad)
    assert e.value.filename == str(bad)


# Long reads of objects held by Python (issue 12 point 6): select, search, stats,
# registry_to_text, save_registry, Registry.to_json/to_dict/to_json_dict, pickling and copying a
# registry, summarize_progress and import_plan_text release the GIL too;
# a change to the object waits until they are done (object lock), so they never read a
# registry half changed.

@pytest.fixture(scope="module")
def loaded(big_registry):
    return danvan.load_registry(big_registry)


@pytest.mark.parametrize("name,call", [
    ("select", lambda r: r.select(as_of="2021-06-30", kind="model")),
    ("search", lambda r: r.search("dan van kheo")),
    ("search_names", lambda r: r.search_names("kheo")),
    ("stats", lambda r: r.stats(2021, by="field,level")),
    ("registry_to_text", danvan.registry_to_text),
    ("to_json", lambda r: r.to_json()),
    ("to_dict", lambda r: r.to_dict()),
    ("to_json_dict", lambda r: r.to_json_dict()),
    ("pickle", pickle.dumps),
    ("copy", copy.copy),
])
def test_registry_queries_release_the_gil(loaded, name, call):
    assert any(ran_meanwhile(repeated_for(lambda: call(loaded))) for _ in range(5)), name


@pytest.mark.parametrize("name,read", [
    ("from_json", lambda text, data: danvan.Registry.from_json(text)),
    ("from_json_dict", lambda text, data: danvan.Registry.from_json_dict(data)),
    ("unpickle", lambda text, data: pickle.loads(data["pickled"])),
])
def test_reading_a_registry_from_text_releases_the_gil(loaded, name, read):
    text = loaded.to_json()
    data = loaded.to_json_dict()
    if name == "unpickle":
        data = {"pickled": pickle.dumps(loaded)}
    assert read(text, data).to_json() == text
    assert any(ran_meanwhile(repeated_for(lambda: read(text, data))) for _ in range(5)), name


def test_saving_a_registry_releases_the_gil(loaded, tmp_path):
    path = tmp_path / "big.json"
    assert any(ran_meanwhile(repeated_for(lambda: danvan.save_registry(loaded, path)))
               for _ in range(5))
    assert path.read_text(encoding="utf-8") == danvan.registry_to_text(loaded)


def test_summarize_progress_releases_the_gil():
    progress = danvan.load_progress_plan(
        ROOT / "data" / "progress" / "phu-yen-2020-progress.json")
    batch = danvan.load_report_batch(
        ROOT / "data" / "progress" / "phu-yen-2020-reports.json", progress)
    day = datetime.date(2021, 1, 31)
    assert any(ran_meanwhile(repeated_for(lambda: danvan.summarize_progress(progress, batch, day)))
               for _ in range(5))


def test_import_plan_text_releases_the_gil():
    source = danvan.render_plan(danvan.load_plan(PLAN_PATH), danvan.PlanFormat.markdown)
    assert any(ran_meanwhile(repeated_for(lambda: danvan.import_plan_text(source)))
               for _ in range(5))


def test_a_change_waits_for_a_query_running_without_the_gil(loaded):
    """While one thread selects over and over, the main thread adds and removes an entry:
    every select sees the registry before or after a change, never during one."""
    registry = loaded
    extra = danvan.Entry(**registry[0].to_dict())  # a copy of its own, not attached
    extra.id = "extra-entry"
    base = len(registry.select(kind="model"))
    seen = set()
    stop = threading.Event()

    def query():
        while not stop.is_set():
            seen.add(len(registry.select(kind="model")))

    worker = threading.Thread(target=query)
    worker.start()
    try:
        for _ in range(5):
            registry.add(extra)
            registry.remove("extra-entry")
    finally:
        stop.set()
        worker.join()
    model = 1 if extra.kind == danvan.EntryKind.model else 0
    assert seen <= {base, base + model}
    assert len(registry.select(kind="model")) == base
