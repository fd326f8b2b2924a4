#!/usr/bin/env python3
"""The documents the founding plan's text cites, resolved against the instrument catalogue.

The text is the news page that announced Phú Yên's 2020 "Năm dân vận khéo" plan
(tests/data/phu-yen-2020-nam-dan-van-kheo.txt). It cites two directives numbered 23: one of
the provincial Party committee's standing board (Ban Thường vụ Tỉnh ủy), one of the
provincial People's Committee (UBND tỉnh). Only the issuer written next to each tells them
apart, and the catalogue (data/instruments/catalogue.json) resolves them to two instruments.

Run from anywhere with the package importable:
    PYTHONPATH=build/python python3 examples/python/extract_references.py
"""

import os
import pathlib

import danvan

ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR") or pathlib.Path(__file__).resolve().parents[2])
TEXT_PATH = ROOT / "tests" / "data" / "phu-yen-2020-nam-dan-van-kheo.txt"
CATALOGUE_PATH = ROOT / "data" / "instruments" / "catalogue.json"


def main() -> None:
    # The page is NFC already; normalising keeps `text[r.start:r.end] == r.surface` true for
    # any input, since offsets count code points of the NFC text.
    text = danvan.normalize_nfc(TEXT_PATH.read_text(encoding="utf-8"))
    catalogue = danvan.load_catalogue(CATALOGUE_PATH)
    references = danvan.find_references(text, catalogue)

    print(f"{len(references)} references in {TEXT_PATH.name}:")
    for r in references:
        if text[r.start:r.end] != r.surface:
            raise SystemExit(f"offsets {r.start}:{r.end} do not slice {r.surface!r}")
        what = r.symbol.canonical() if r.symbol else f"số {r.number}"
        details = [f"{danvan.info(r.type).name} {what}"]
        if r.issuer:
            details.append(f"issuer: {r.issuer} -> {', '.join(r.issuer_ids) or '?'}")
        if r.term:
            details.append(f"khóa {r.term}")
        if r.period:
            details.append(f"giai đoạn {r.period.first}-{r.period.last}")
        if r.status is danvan.ResolutionStatus.resolved:
            target = r.resolved_id
        elif r.status is danvan.ResolutionStatus.ambiguous:
            target = "ambiguous: " + ", ".join(r.candidate_ids)
        else:
            target = "not in the catalogue"
        print(f"  [{r.start}:{r.end}] {r.surface}")
        print(f"      {'; '.join(details)}")
        print(f"      => {target}")

    # The two directives numbered 23 stay apart.
    directives_23 = [r for r in references
                     if r.type is danvan.DocumentType.directive and r.number == "23"]
    ids = {r.resolved_id for r in directives_23}
    if len(directives_23) != 2 or len(ids) != 2 or None in ids:
        raise SystemExit(f"expected two directives no. 23 resolved apart, got {directives_23!r}")
    print("\nThe two directives no. 23:")
    for r in directives_23:
        assert r.resolved_id is not None  # checked above
        instrument = catalogue.instrument(r.resolved_id)
        print(f"  {r.surface!r} -> {catalogue.describe(instrument)}")


if __name__ == "__main__":
    main()
