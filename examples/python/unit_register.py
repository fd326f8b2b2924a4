#!/usr/bin/env python3
"""The national register of units across the 2025 reorganisation, and an official list applied.

Loads the bundled register (data/units/national/units.json), counts the units per level on
both sides of 01/07/2025, finds a commune by its name as people write it, says what a 2023
commune is today and what a 2026 commune came from, then applies a list of the statistics
office's form on a day of our choosing: every change is dated with that day, nothing else.

Run from anywhere with the package importable:
    PYTHONPATH=build/python python3 examples/python/unit_register.py
"""

import datetime

import danvan


def main() -> None:
    register = danvan.load_unit_register()
    for day in (datetime.date(2025, 6, 30), datetime.date(2025, 7, 1)):
        counts = [register.count_on(day, level) for level in ("province", "district", "commune")]
        print(f"{day}: {counts[0]} provinces, {counts[1]} districts, {counts[2]} communes")

    [tuy_hoa] = register.find_by_name("P. Tuy Hoà", "2026-01-01")
    parent = register.parent_of(tuy_hoa.id)
    print(f"{tuy_hoa.name} ({tuy_hoa.code}), {parent.name if parent else '-'}")
    old = register.resolve("22048", datetime.date(2023, 1, 1))
    now = register.successors_on(old.id, datetime.date(2026, 1, 1))
    print(f"{old.name} (2023) is now {', '.join(u.name for u in now)}")
    came_from = register.predecessors_on(tuy_hoa.id, datetime.date(2025, 6, 30))
    print(f"{tuy_hoa.name} came from {len(came_from)} units of 30/06/2025")

    # A list (SAMPLE: made up for the example) renaming Phường Tuy Hòa, applied on 2026-01-01
    # to the whole register: the list names every commune existing that day.
    day = datetime.date(2026, 1, 1)
    rows = ["Mã TP,Tỉnh,Mã PX,Phường Xã"]
    for unit in register.on(day, danvan.Level.commune):
        province = register.parent_of(unit.id)
        assert province is not None
        name = "Phường Tuy An" if unit.code == "22015" else unit.name
        rows.append(f'{province.code},"{province.name}",{unit.code},"{name}"')
    official = danvan.read_unit_list_csv("\n".join(rows) + "\n")
    update = danvan.apply_unit_list(official, register, day, basis="SAMPLE")
    print(f"applied on {day}: {update!r}")
    for old_id, new_id in update.continued:
        print(f"  {old_id} -> {new_id}")


if __name__ == "__main__":
    main()
