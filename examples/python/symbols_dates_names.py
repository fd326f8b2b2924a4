#!/usr/bin/env python3
"""Symbols, dates, periods and Vietnamese names with danvan.

    python3 examples/python/symbols_dates_names.py

Parses document symbols as they appear in texts and prints their canonical forms, reads
dates written the Vietnamese way (some known only to the month or year), walks reporting
periods, and sorts and searches Vietnamese names.
"""

import datetime
import sys

import danvan


def symbols() -> None:
    print("Symbols (số, ký hiệu)")
    for text in ["Số: 26/CT-TTg", "04/2015/NĐ-CP", "217/QĐ-TW", "79 - CTr/BDVTW - BCSĐCP",
                 "15/UBND-VX", "15/QD-UBND"]:
        symbol = danvan.try_parse_symbol(text)
        if symbol is None:
            try:
                danvan.parse_symbol(text)
            except danvan.ParseError as e:  # the same message as in C++, with its offset
                print(f"  {text!r:28} error at byte {e.offset}: {e.reason}")
            continue
        kind = danvan.info(symbol.type).name if symbol.type else "(không có loại)"
        print(f"  {text!r:28} -> {symbol.canonical():22} {symbol.family.value:6} {kind}")
    print()


def dates() -> None:
    print("Dates")
    for text in ["10/04/2020", "ngày 05 tháng 9 năm 2016", "tháng 9/2016", "năm 2016", "2019-12-31"]:
        d = danvan.parse_partial_date(text)
        print(f"  {text!r:28} -> {d!r:26} {d.precision.value:5} "
              f"{d.first_day.isoformat()}..{d.last_day.isoformat()}  {d.vietnamese_long()}")
    # Whole days cross as datetime.date, across year boundaries too.
    day = danvan.parse_date("31/12/2019")
    new_year = day + datetime.timedelta(days=1)
    print(f"  the day after {day.isoformat()} is {new_year.isoformat()}: "
          f"{danvan.Period.containing(danvan.PeriodType.year, new_year).id}")
    print()


def periods() -> None:
    print("Reporting periods of 2020")
    year = danvan.Period.parse("2020")
    for half in year.split(danvan.PeriodType.six_month):
        quarters = ", ".join(q.id for q in half.split(danvan.PeriodType.quarter))
        print(f"  {half.id}: {half.start} .. {half.end}  ({quarters})")
    q = danvan.Period.containing(danvan.PeriodType.quarter, datetime.date(2020, 4, 10))
    print(f"  10/04/2020 is in {q.id}; next {q.next().id}, previous {q.previous().id}")
    print()


def names() -> None:
    people = ["Trần Thị Bình", "Nguyễn Văn An", "Đặng Thị Hồng", "Phạm An", "Lê Văn Ánh"]
    print("Names, sorted by given name:", "; ".join(danvan.sorted_person_names(people)))
    words = ["đường", "dân", "Đảng", "ủy", "an", "ăn", "ân"]
    print("Words, Vietnamese order:   ", ", ".join(danvan.sorted_vietnamese(words)))
    query = danvan.fold("dang")
    print("Search 'dang' finds:       ",
          ", ".join(p for p in people if query in danvan.fold(p)))
    # A table is a list of dicts (pandas.DataFrame(rows) works when pandas is installed).
    rows = [{"type": i.slug, "name": i.name, "state": i.state_code, "party": i.party_code}
            for i in danvan.document_types() if i.state_code != i.party_code]
    print(f"Types coded differently by family: {len(rows)}, e.g. {rows[0]}")


def main() -> int:
    symbols()
    dates()
    periods()
    names()
    return 0


if __name__ == "__main__":
    sys.exit(main())
