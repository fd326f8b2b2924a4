#!/usr/bin/env python3
"""Checks the transcribed real 'Dân vận khéo' sources (data/registry/real/sources) with
scripts/check_real_sources.py, and checks that the checker rejects broken files with the
expected messages (so the check can fail). Standard library only.

Usage: check_real_sources_test.py ROOT
"""
import copy
import importlib.util
import json
import pathlib
import sys
import tempfile

root = pathlib.Path(sys.argv[1])
spec = importlib.util.spec_from_file_location("check_real_sources", root / "scripts/check_real_sources.py")
crs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(crs)

sources = sorted((root / "data/registry/real/sources").glob("*.json"))
if len(sources) < 8:
    sys.exit(f"expected at least 8 real sources, found {len(sources)}")
failed = 0
for path in sources:
    c, _ = crs.check_file(path)
    for m in c.errors:
        print("error:", m)
        failed += 1
if failed:
    sys.exit(1)

base_name = "hau-giang-nga-bay-2020-cong-nhan-62"
base = json.loads((root / f"data/registry/real/sources/{base_name}.json").read_text("utf-8"))


def figure(d, fid):
    return next(f for f in d["figures"] if f["id"] == fid)


# (mutation, the error message expected, exactly)
cases = [
    (lambda d: figure(d, "f5").update(value=41), "/figures/4/value: 41 is not what '40' says"),
    (lambda d: figure(d, "f5").update(value_as_written="41", value=41), "/figures/4/quote: the quote does not contain '41'"),
    (lambda d: figure(d, "f1").update(value_as_written="62 mô hình"),
     "/figures/0/value_as_written: '62 mô hình' is not a Vietnamese number"),
    (lambda d: figure(d, "f1").update(category="approved"),
     "/figures/0/category: 'approved' is not one of ['commended', 'effective', 'implemented', 'participants', "
     "'promoted', 'proposed', 'recognised', 'registered', 'replicated']"),
    (lambda d: figure(d, "f2").update(part_of="f99"), "/figures/f2/part_of: 'f99' is not a figure id"),
    (lambda d: figure(d, "f2").update(unit="hau-giang"), "/figures/1/unit: 'hau-giang' is not a key of /units"),
    (lambda d: figure(d, "f1")["period"].update(to="31/12/2020"),
     "/figures/0/period/to: expected YYYY, YYYY-MM or YYYY-MM-DD or null, got '31/12/2020'"),
    (lambda d: figure(d, "f1")["period"].update({"from": "2021"}), "/figures/0/period: from is after to"),
    (lambda d: figure(d, "f1").update(quote="x" * 201), "/figures/0/quote: quote is 201 characters (at most 200)"),
    (lambda d: figure(d, "f1").update(measure="change"),
     "/figures/0/compared_to: compared_to is given exactly for measure 'change'"),
    (lambda d: figure(d, "f5")["breakdown"].update(grade="trung bình"),
     "/figures/4/breakdown/grade: 'trung bình' is not one of ['excellent', 'fair', 'good']"),
    (lambda d: d["rows"][0]["event"].update(date="2020", date_as_given=None),
     "/rows/0/event/date: a date needs the date_as_given it was read from"),
    (lambda d: d["rows"][0].update(person="Nguyễn Văn A"), "/rows/0/person: a person is named only for an individual entry"),
    (lambda d: d["rows"][0].pop("owner"), "/rows/0: missing ['owner']"),
    (lambda d: d.update(extra=1), "/: unknown keys ['extra']"),
    (lambda d: d.update(not_stated=[]), "/not_stated: expected a non-empty list of sentences"),
    (lambda d: d["source"].update(url="baohaugiang.com.vn"), "/source/url: expected an http(s) address"),
]
with tempfile.TemporaryDirectory() as tmp:
    for mutate, expected in cases:
        d = copy.deepcopy(base)
        mutate(d)
        path = pathlib.Path(tmp) / f"{base_name}.json"
        path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
        c, _ = crs.check_file(path)
        want = f"{base_name}.json: {expected}"
        if want not in c.errors:
            print(f"expected {want!r}\n     got {c.errors!r}")
            failed += 1
    # Parts split the same way that exceed their total are reported (as a warning).
    d = copy.deepcopy(base)
    figure(d, "f6").update(value=7, value_as_written="07")
    figure(d, "f6")["quote"] = "trong đó xếp loại tốt là 40 mô hình và xếp loại khá 07 mô hình"
    path = pathlib.Path(tmp) / f"{base_name}.json"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    c, _ = crs.check_file(path)
    if f"{base_name}.json: /figures/f2: parts split by ['grade'] sum to 47 > 46" not in c.warnings:
        print("expected the parts-over-total warning, got", c.warnings, c.errors)
        failed += 1
    # A truncated file is reported, not raised.
    path.write_text(json.dumps(base, ensure_ascii=False)[:500], encoding="utf-8")
    c, _ = crs.check_file(path)
    if not (len(c.errors) == 1 and c.errors[0].startswith(f"{base_name}.json: /: cannot read: ")):
        print("expected one 'cannot read' error for a truncated file, got", c.errors)
        failed += 1

print(f"{len(sources)} real sources checked, {len(cases) + 2} broken files rejected" if not failed else "")
sys.exit(1 if failed else 0)
