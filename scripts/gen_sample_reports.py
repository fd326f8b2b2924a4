#!/usr/bin/python3
"""Generates the SAMPLE progress plan and monthly reports for the founding plan
(Phú Yên, "Năm dân vận khéo" 2020):

    data/progress/phu-yen-2020-progress.json   (schema danvan/progress)
    data/progress/phu-yen-2020-reports.json    (schema danvan/reports)

The units are real: Tỉnh Phú Yên and its district-level units of 2020 as the national
register has them (data/units/national/units.json: ids, codes, names, dates and links, e.g. p54,
d555, huyện Đông Hòa d564 becoming thị xã Đông Hòa d564-20200601 on 01/06/2020), and two
provincial agencies under p54 that are not administrative units. The activities, indicators,
targets and every reported figure are INVENTED for demonstrations and tests, and both files say
so ("sample": true and a "note").

Deterministic (a fixed random seed, no clock), standard library only.
Usage: scripts/gen_sample_reports.py [--national] [ROOT]
       (ROOT: default the repository containing this script)
`--national` (which chose the register's units when the default was a hand-written list) is
still accepted and changes nothing.
"""
import datetime
import json
import pathlib
import random
import sys

PLAN_ID = "phu-yen-2020-nam-dan-van-kheo"
NOTE = ("SAMPLE DATA / DỮ LIỆU MẪU: the units are real, but the activities, indicators, targets "
        "and every reported figure are invented by scripts/gen_sample_reports.py for "
        "demonstrations and tests. Không phải số liệu thật.")
DAYS_LATE = 7
AS_OF = datetime.date(2021, 1, 10)  # reports submitted after this day are not in the sample


REGISTER = pathlib.Path(__file__).resolve().parent.parent / "data/units/national/units.json"
UNIT_KEYS = ["id", "name", "kind", "level", "parent", "valid_from", "valid_to", "predecessors",
             "successors", "code", "basis"]  # the library's canonical order
PROVINCE_CODE = "54"  # Tỉnh Phú Yên
# The sample's order of Phú Yên's district-level units (GSO codes); the random draws follow it.
DISTRICT_CODES = ["555", "557", "564", "559", "558", "560", "561", "562", "563"]
YEAR = ("2020-01-01", "2020-12-31")


def register_units(register=REGISTER):
    """Tỉnh Phú Yên and its district-level units of 2020, copied from the register (links to
    units outside them dropped), in the order of DISTRICT_CODES (a code's units by date)."""
    units = json.loads(register.read_text(encoding="utf-8"))["units"]
    (province,) = [u for u in units if u.get("code") == PROVINCE_CODE and u["level"] == "province"
                   and (u["valid_to"] is None or u["valid_to"] >= YEAR[1])]
    districts = [u for u in units if u["parent"] == province["id"] and u["level"] == "district"
                 and (u["valid_from"] is None or u["valid_from"] <= YEAR[1])
                 and (u["valid_to"] is None or u["valid_to"] >= YEAR[0])]
    if sorted({u.get("code") for u in districts}) != sorted(DISTRICT_CODES):
        sys.exit(f"{register}: the district-level units of {province['id']} in 2020 have the "
                 f"codes {sorted(u.get('code') for u in districts)}, not {sorted(DISTRICT_CODES)}")
    districts.sort(key=lambda u: (DISTRICT_CODES.index(u["code"]), u["valid_from"] or ""))
    keep = {province["id"]} | {u["id"] for u in districts}
    out = []
    for u in [province] + districts:
        c = {k: u[k] for k in UNIT_KEYS if k in u}
        c["predecessors"] = [x for x in u["predecessors"] if x in keep]
        c["successors"] = [x for x in u["successors"] if x in keep]
        out.append(c)
    return out


def agency(uid, name, parent):
    """A provincial agency: not an administrative unit, so not in the register."""
    return {"id": uid, "name": name, "kind": "administrative_agency", "level": "province",
            "parent": parent, "valid_from": None, "valid_to": "2025-06-30", "predecessors": [],
            "successors": []}


_REGISTERED = register_units()
PROVINCE = _REGISTERED[0]["id"]
SO_NOI_VU, THANH_TRA = "py-so-noi-vu", "py-thanh-tra"
UNITS = [_REGISTERED[0], agency(SO_NOI_VU, "Sở Nội vụ tỉnh Phú Yên", PROVINCE),
         agency(THANH_TRA, "Thanh tra tỉnh Phú Yên", PROVINCE)] + _REGISTERED[1:]
DISTRICTS = [u["id"] for u in UNITS if u["level"] == "district"]
(TUY_HOA,) = [u["id"] for u in UNITS if u.get("code") == "555"]  # Thành phố Tuy Hòa
# A district-level unit that began in 2020 takes over its predecessor's backlog (Đông Hòa).
TAKES_OVER = {u["id"]: (u["predecessors"][0], int(u["valid_from"][5:7])) for u in UNITS
              if u["level"] == "district" and u["predecessors"]}
AT_YEAR_END = [u["id"] for u in UNITS if u["level"] == "district"
               and (u["valid_to"] is None or u["valid_to"] >= YEAR[1])]
SCOPE = [SO_NOI_VU, THANH_TRA] + DISTRICTS
MONTHS = list(range(4, 13))  # the plan is of 10/04/2020: April..December 2020


def indicator(iid, name, task_area, measure, direction, over_time, over_units, baseline=None,
              baseline_period=None, targets=()):
    return {"id": iid, "name": name, "task_area": task_area, "measure": measure,
            "direction": direction, "baseline": baseline, "baseline_period": baseline_period,
            "over_time": over_time, "over_units": over_units,
            "targets": [{"unit": u, "period": "2020", "value": v} for u, v in targets]}


def term(iid, part="value", source="same", factor=1):
    return {"indicator": iid, "part": part, "source": source, "factor": factor}


def district_targets(per_unit):
    """A yearly target for each district-level unit existing at the end of 2020, and their
    sum for the province."""
    return [(PROVINCE, per_unit * len(AT_YEAR_END))] + [(d, per_unit) for d in AT_YEAR_END]


INDICATORS = [
    indicator("doi-thoai", "Số cuộc đối thoại của người đứng đầu với nhân dân", 5, "count",
              "ascending", "sum", "sum", targets=district_targets(12)),
    indicator("tiep-cong-dan", "Số buổi tiếp công dân định kỳ", 5, "count", "ascending", "sum",
              "sum", targets=district_targets(36)),
    indicator("don-thu-tiep-nhan", "Số đơn thư khiếu nại, tố cáo tiếp nhận", 5, "count",
              "descending", "sum", "sum"),
    indicator("giai-quyet-dung-han", "Tỷ lệ đơn thư khiếu nại, tố cáo giải quyết đúng hạn", 5,
              "percentage", "ascending", "sum", "sum",
              targets=[(PROVINCE, 90)] + [(d, 90) for d in AT_YEAR_END]),
    indicator("ton-dong", "Số đơn thư khiếu nại, tố cáo còn tồn đọng", 5, "count", "descending",
              "last", "sum", baseline=60, baseline_period="2019", targets=[(PROVINCE, 20)]),
    indicator("kiem-tra-cong-vu", "Số cuộc kiểm tra công vụ", 3, "count", "ascending", "sum",
              "sum", targets=[(PROVINCE, 40)]),
    indicator("dien-hinh-phat-hien", "Số điển hình \u201cDân vận khéo\u201d được phát hiện", 1,
              "count", "ascending", "sum", "sum", targets=[(PROVINCE, 30)]),
    indicator("mo-hinh-nhan-rong", "Số mô hình \u201cDân vận khéo\u201d được nhân rộng", 1,
              "count", "ascending", "sum", "sum", targets=[(PROVINCE, 10)]),
    indicator("co-ke-hoach", "Đã ban hành kế hoạch thực hiện tại đơn vị", 1, "yes_no",
              "ascending", "last", "sum", targets=[(PROVINCE, len(SCOPE) - 1)]),
    indicator("ket-qua-noi-bat", "Kết quả nổi bật trong kỳ", None, "qualitative", "ascending",
              "last", "sum"),
]


# Validation rules (danvan/rules.hpp) that follow from what the indicators mean; unlike the
# figures above they are not invented. The denominator of giai-quyet-dung-han counts the
# complaints resolved in the month.
RULES = [
    {"id": "giai-quyet-khong-vuot-ton-va-nhan", "importance": "error",
     "message": "Số đơn thư giải quyết trong kỳ không thể vượt quá số tồn đọng kỳ trước cộng "
                "số tiếp nhận trong kỳ",
     "left": [term("giai-quyet-dung-han", part="denominator")], "operator": "<=",
     "right": [term("ton-dong", source="previous"), term("don-thu-tiep-nhan")]},
    {"id": "ton-dong-khong-vuot-ton-va-nhan", "importance": "error",
     "message": "Số đơn thư tồn đọng cuối kỳ không thể vượt quá số tồn đọng kỳ trước cộng số "
                "tiếp nhận trong kỳ",
     "left": [term("ton-dong")], "operator": "<=",
     "right": [term("ton-dong", source="previous"), term("don-thu-tiep-nhan")]},
    {"id": "ton-dong-can-doi", "importance": "warning",
     "message": "Số đơn thư tồn đọng cuối kỳ bằng tồn đọng kỳ trước cộng tiếp nhận trừ đã giải "
                "quyết (trừ khi có đơn chuyển đi hoặc rút đơn)",
     "left": [term("ton-dong")], "operator": "=",
     "right": [term("ton-dong", source="previous"), term("don-thu-tiep-nhan"),
               term("giai-quyet-dung-han", part="denominator", factor=-1)]},
    {"id": "ke-hoach-da-ban-hanh", "importance": "warning",
     "message": "Kế hoạch đã ban hành ở kỳ trước thì kỳ này vẫn là đã ban hành",
     "left": [term("co-ke-hoach")], "operator": ">=",
     "right": [term("co-ke-hoach", source="previous")]},
]


def activity(aid, name, task_area, responsible, participating, start, due):
    return {"id": aid, "name": name, "task_area": task_area, "responsible_units": responsible,
            "participating_units": participating, "start": start, "due": due}


ACTIVITIES = [
    activity("ban-hanh-ke-hoach", "Hướng dẫn các đơn vị ban hành kế hoạch thực hiện Năm dân vận "
             "khéo 2020", 1, [SO_NOI_VU], [], "2020-04-10", "2020-05-15"),
    activity("ky-niem-90-nam", "Hoạt động kỷ niệm 90 năm Ngày truyền thống công tác dân vận "
             "của Đảng (15/10/1930 – 15/10/2020)", 1, [SO_NOI_VU], DISTRICTS,
             "2020-08-01", "2020-10-15"),
    activity("doi-thoai-dinh-ky", "Tổ chức đối thoại định kỳ giữa người đứng đầu với nhân dân",
             5, [TUY_HOA], [THANH_TRA], "2020-04-15", "2020-12-31"),
    activity("kiem-tra-cong-vu", "Kiểm tra công vụ, chấn chỉnh lề lối, tác phong làm việc", 3,
             [SO_NOI_VU], [], "2020-05-01", "2020-11-30"),
    activity("ra-soat-don-thu", "Rà soát, giải quyết dứt điểm đơn thư tồn đọng, kéo dài", 5,
             [THANH_TRA], DISTRICTS, "2020-05-01", "2020-10-31"),
    activity("tong-ket-bieu-duong", "Sơ kết, biểu dương các điển hình \u201cDân vận khéo\u201d "
             "năm 2020", 1, [SO_NOI_VU], [], "2020-11-15", "2021-01-31"),
]


def month_end(month):
    nxt = datetime.date(2020 + month // 12, month % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


def exists_at_end(uid, month):
    u = next(x for x in UNITS if x["id"] == uid)
    end = month_end(month).isoformat()
    return (u["valid_from"] is None or u["valid_from"] <= end) and \
        (u["valid_to"] is None or end <= u["valid_to"])


def generate_reports():
    rng = random.Random(20200410)
    reports = []
    backlog = {u: rng.randint(3, 9) for u in SCOPE}
    for uid in TAKES_OVER:
        backlog[uid] = 0  # takes over its predecessor's backlog when it begins
    reliability = {u: rng.choice([0.97, 0.93, 0.85, 0.7]) for u in SCOPE}
    for uid in SCOPE:
        for month in MONTHS:
            if not exists_at_end(uid, month):
                continue
            if uid in TAKES_OVER and month == TAKES_OVER[uid][1]:
                backlog[uid] = backlog[TAKES_OVER[uid][0]]
            roll = rng.random()
            if roll > reliability[uid] + 0.05:
                continue  # not submitted: shows as missing
            late = roll > reliability[uid]
            days = rng.randint(DAYS_LATE + 2, DAYS_LATE + 25) if late else rng.randint(1, DAYS_LATE)
            submitted = month_end(month) + datetime.timedelta(days=days)
            if submitted > AS_OF:
                continue
            district = uid in DISTRICTS
            received = rng.randint(2, 12) if district else rng.randint(0, 4)
            due = max(0, backlog[uid] + received - rng.randint(0, 2))
            on_time = due - (rng.randint(0, 2) if due else 0)
            on_time = max(on_time, 0)
            backlog[uid] = max(0, backlog[uid] + received - due)
            values = [
                {"indicator": "doi-thoai", "value": rng.randint(0, 2) if district else 0},
                {"indicator": "tiep-cong-dan", "value": rng.randint(2, 5) if district else 1},
                {"indicator": "don-thu-tiep-nhan", "value": received},
                {"indicator": "giai-quyet-dung-han",
                 "value": {"numerator": on_time, "denominator": due}},
                {"indicator": "ton-dong", "value": backlog[uid]},
                {"indicator": "kiem-tra-cong-vu",
                 "value": rng.randint(1, 4) if uid == SO_NOI_VU else rng.randint(0, 1)},
                {"indicator": "dien-hinh-phat-hien", "value": rng.randint(0, 1)},
                {"indicator": "mo-hinh-nhan-rong", "value": 1 if rng.random() < 0.12 else 0},
                {"indicator": "co-ke-hoach", "value": month >= 5 or rng.random() < 0.5},
            ]
            if month in (6, 12):
                values.append({"indicator": "ket-qua-noi-bat",
                               "value": "(mẫu) Đối thoại trực tiếp, giải quyết kịp thời kiến "
                                        "nghị của nhân dân về đất đai."})
            acts = []
            if uid == SO_NOI_VU:
                if month == 4:
                    acts.append(("ban-hanh-ke-hoach", "in_progress", None))
                if month == 5:
                    acts.append(("ban-hanh-ke-hoach", "done", "2020-05-12"))
                if month in (8, 9):
                    acts.append(("ky-niem-90-nam", "in_progress", None))
                if month == 10:
                    acts.append(("ky-niem-90-nam", "done", "2020-10-14"))
                if 5 <= month <= 11:
                    acts.append(("kiem-tra-cong-vu", "in_progress", None))
                if month == 12:
                    acts.append(("kiem-tra-cong-vu", "done", "2020-12-04"))
                    acts.append(("tong-ket-bieu-duong", "in_progress", None))
            if uid == THANH_TRA and month >= 5:
                acts.append(("ra-soat-don-thu", "in_progress", None))
            if uid == TUY_HOA and month >= 4:
                acts.append(("doi-thoai-dinh-ky", "in_progress", None))
            reports.append({
                "unit": uid, "period": f"2020{month:02d}", "submitted": submitted.isoformat(),
                "values": values,
                "activities": [{"activity": a, "status": s, "completed": c} for a, s, c in acts],
                "narrative": None if rng.random() < 0.6 else
                "(mẫu) Báo cáo kết quả thực hiện Năm dân vận khéo trong tháng.",
            })
    return reports


def write(path, doc):
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    print(path)


def main():
    args = [a for a in sys.argv[1:] if a != "--national"]  # --national: the default now
    root = pathlib.Path(args[0]) if args else pathlib.Path(__file__).resolve().parent.parent
    progress = {
        "schema": "danvan/progress", "version": 3, "plan": PLAN_ID, "sample": True, "note": NOTE,
        "schedule": {"period_type": "month", "first": "202004", "last": "202012",
                     "days_after_period_end": DAYS_LATE},
        "scope": SCOPE, "activities": ACTIVITIES, "indicators": INDICATORS, "rules": RULES,
        "units": UNITS,
    }
    reports = {"schema": "danvan/reports", "version": 2, "plan": PLAN_ID, "sample": True,
               "note": NOTE, "reports": generate_reports()}
    write(root / "data/progress/phu-yen-2020-progress.json", progress)
    write(root / "data/progress/phu-yen-2020-reports.json", reports)


if __name__ == "__main__":
    main()
