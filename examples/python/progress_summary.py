#!/usr/bin/env python3
"""Completeness and timeliness of the progress reports for the founding plan.

    python3 examples/python/progress_summary.py [AS_OF]   (AS_OF: YYYY-MM-DD, default 2021-01-31)

Reads the bundled progress framework and report batch in data/progress/ — SAMPLE data invented
by scripts/gen_sample_reports.py, not real figures — summarises them as of a day and prints,
per unit, how many reports were expected, submitted on time, late or are missing. The table is
summary.completeness_rows(), a list of dicts (pandas.DataFrame(rows) would work as well).
"""

import datetime
import pathlib
import sys

import danvan

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLAN = ROOT / "data" / "plans" / "phu-yen-2020-nam-dan-van-kheo.json"
PROGRESS = ROOT / "data" / "progress" / "phu-yen-2020-progress.json"
REPORTS = ROOT / "data" / "progress" / "phu-yen-2020-reports.json"


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    —"


def main(argv: list[str]) -> int:
    as_of = datetime.date.fromisoformat(argv[0]) if argv else datetime.date(2021, 1, 31)
    try:
        plan = danvan.load_plan(PLAN)
        progress = danvan.load_progress_plan(PROGRESS)
        batch = danvan.load_report_batch(REPORTS, progress)
        summary = danvan.summarize_progress(progress, batch, as_of)
    except danvan.Error as e:
        print(f"error: {e}", file=sys.stderr)
        return 1

    label = "SAMPLE DATA / DỮ LIỆU MẪU — " if summary.sample else ""
    print(f"{label}{plan.title}")
    every = {"month": "hằng tháng", "quarter": "hằng quý", "six_month": "6 tháng",
             "year": "hằng năm"}[progress.schedule.period_type.value]
    print(f"Kỳ {summary.period.id}, tính đến {as_of.strftime('%d/%m/%Y')}; báo cáo "
          f"{every}, hạn {progress.schedule.days_after_period_end} "
          f"ngày sau kỳ (chuyển sang ngày làm việc kế tiếp).")
    if summary.sample:
        print("(SAMPLE: the reports are invented for demonstrations; not real figures.)")
    print()

    rows = summary.completeness_rows()
    width = max(len("  " * r["depth"] + r["name"]) for r in rows)
    header = (f"{'Đơn vị':<{width}}  {'phải nộp':>8}  {'đúng hạn':>8}  {'trễ':>4}  "
              f"{'chưa nộp':>8}  {'chưa đến hạn':>12}  {'đúng hạn %':>10}")
    print(header)
    print("-" * len(header))
    for r in rows:
        name = "  " * r["depth"] + r["name"]
        print(f"{name:<{width}}  {r['expected']:>8}  {r['on_time']:>8}  {r['late']:>4}  "
              f"{r['missing']:>8}  {r['not_due']:>12}  {percent(r['on_time'], r['expected']):>10}")

    late = [e for e in summary.expected_rows() if e["state"] == "late"]
    if late:
        print()
        print(f"Báo cáo trễ hạn ({len(late)}):")
        for row in late:
            days = (row["submitted"] - row["deadline"]).days
            print(f"  {row['unit_id']:<20} kỳ {row['period']}  hạn {row['deadline']:%d/%m/%Y}  "
                  f"nộp {row['submitted']:%d/%m/%Y}  (+{days} ngày)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
