#!/usr/bin/env python3
"""An analyst's notebook as a plain script: the exemplar registry -> pandas -> pivot tables ->
CSV and Excel.

    python3 examples/python/registry_to_pandas.py [REGISTRY.json] [OUTPUT_DIR]

Reads the SAMPLE registry (data/registry/sample-registry.json: invented entries, real unit
names) unless a registry is given, and writes into OUTPUT_DIR (default: a new temporary
directory):
    entries.csv                 every entry, one row each (UTF-8 with a BOM: Excel opens it)
    by_year_and_kind.csv        entries registered per year (rows) and kind (columns)
    by_field_and_level.csv      entries per field and highest recognition level, the
                                as-of day being the latest event in the registry
    registry.xlsx               the three tables as sheets (needs openpyxl)

Needs pandas (not a dependency of danvan): without it the script says "not run" and exits
with 77, which ctest reports as skipped.
"""

# %% Imports: pandas is optional, so it is imported by name and typed as Any.
import importlib
import importlib.util
import pathlib
import sys
import tempfile
from typing import Any

import danvan

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "registry" / "sample-registry.json"


def main(argv: list[str]) -> int:
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError:
        print("not run: pandas is not installed (pip install pandas, or apt-get install "
              "python3-pandas)")
        return 77
    path = pathlib.Path(argv[1]) if len(argv) > 1 else SAMPLE
    out = pathlib.Path(argv[2]) if len(argv) > 2 else pathlib.Path(tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)

    # %% Load the registry and make a data frame: one row per entry, the columns are the
    # Entry attributes plus the first registration and recognition, and the state and level
    # on the as-of day.
    registry = danvan.load_registry(path)
    as_of = registry.latest_event_date()
    frame = registry.to_pandas(as_of=as_of)
    print(f"{len(frame)} entries as of {as_of}; columns: {', '.join(frame.columns)}")

    # %% Pivot 1: entries registered per year and kind. Every entry has one kind and one
    # registration year, so the pivot's total is the number of registered entries.
    by_year = frame.pivot_table(index="year", columns="kind", values="id", aggfunc="count",
                                fill_value=0)
    assert int(by_year.to_numpy().sum()) == int(frame["year"].notna().sum())
    print("\nEntries registered per year and kind:")
    print(by_year.to_string())

    # %% Pivot 2: per field and level. An entry with several fields is counted once in each
    # of its fields (explode), as the statistics table counts it; entries with no field
    # count under "unknown" and entries never recognised under "none".
    fields = frame.assign(field=frame["field_ids"].map(lambda ids: list(ids) or ["unknown"]))
    fields = fields.explode("field").assign(level=lambda f: f["level"].fillna("none"))
    by_field = fields.pivot_table(index="field", columns="level", values="id", aggfunc="count",
                                  fill_value=0)
    order = [lvl for lvl in ("central", "province", "district", "commune", "none")
             if lvl in by_field.columns]
    by_field = by_field[order]
    print("\nEntries per field and highest recognition level (an entry with several fields "
          "counts in each):")
    print(by_field.to_string())

    # %% Cross-check with danvan's own statistics: the entries counted as recognised at
    # district level in 2020 by Registry.stats() are those the frame shows.
    stats = registry.stats(2020, by="level")
    district_2020 = next((row["recognised"] for row in stats if row["level"] == "district"), 0)
    frame_2020 = frame[(frame["recognition_level"] == "district")
                       & frame["recognised"].map(lambda d: d is not None and d.year == 2020)]
    print(f"\nRecognised at district level in 2020: stats {district_2020}, frame "
          f"{len(frame_2020)} (first recognitions only)")

    # %% Write CSV (UTF-8 with a byte-order mark, for Excel) and, with openpyxl, one workbook.
    flat = frame.assign(field_ids=frame["field_ids"].map(";".join),
                        place_unit_ids=frame["place_unit_ids"].map(";".join),
                        registered=frame["registered"].map(lambda d: "" if d is None else str(d)),
                        recognised=frame["recognised"].map(lambda d: "" if d is None else str(d)))
    flat.to_csv(out / "entries.csv", index=False, encoding="utf-8-sig")
    by_year.to_csv(out / "by_year_and_kind.csv", encoding="utf-8-sig")
    by_field.to_csv(out / "by_field_and_level.csv", encoding="utf-8-sig")
    written = ["entries.csv", "by_year_and_kind.csv", "by_field_and_level.csv"]
    if importlib.util.find_spec("openpyxl") is not None:
        with pd.ExcelWriter(out / "registry.xlsx", engine="openpyxl") as book:
            flat.to_excel(book, sheet_name="Entries", index=False)
            by_year.to_excel(book, sheet_name="By year and kind")
            by_field.to_excel(book, sheet_name="By field and level")
        written.append("registry.xlsx")
    else:
        print("registry.xlsx not written: openpyxl is not installed")

    # %% Read the CSV back: what was written is what the frame holds.
    back = pd.read_csv(out / "entries.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(back["id"]) == list(frame["id"])
    print(f"\nwrote {', '.join(written)} in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
