#!/usr/bin/python3
"""Build, check and count the blind-labelled reference corpus (LABEL-FORMATS.md section 2).

The labeller writes `labels.src.jsonl` by hand: one passage per line, either a location in
the shared corpus (file and byte range; no corpus text) or a short quote from a public web
page, and for each reference its surface and attributes. This script:

  build  locates every surface in its passage (whitespace in a surface matches any run of
         whitespace in the passage, so hard line breaks need not be typed; the recorded
         surface is the passage's own text), computes code-point offsets in the NFC text,
         byte offsets and sha256 for corpus passages, fills defaults, validates, and writes
         `real.jsonl`. It fails loudly on a surface not found, or found more than once
         without an `occ` (0-based occurrence index), on overlapping references, unknown
         types, malformed dates and attributes that the surface does not contain.
  check  verifies `real.jsonl` against the corpus (sha256 of every corpus passage, every
         surface at its offsets); says "corpus not present" and checks only the web
         passages when the corpus folder is absent.
  stats  counts passages, references, negatives, per type, per form and per split.

The corpus folder is ${DANVAN_CORPUS_DIR:-<repo>/../shared/corpus}.
Split: sha1(id) first hex digit 0-3 -> "heldout", else "dev" (fixed before labelling).
"""
import hashlib
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
SRC = HERE / "labels.src.jsonl"
OUT = HERE / "real.jsonl"
TYPES_HEADER = REPO / "include" / "danvan" / "document_type.hpp"
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
REF_KEYS = {"surface", "occ", "type", "number", "symbol", "surface_symbol", "name",
            "issuer", "date", "self", "issuer_shared", "date_shared", "forms"}
FORMS = {"name_only", "lower_case_name", "date_after_issuer", "date_words", "repaired",
         "joint", "party_number_only", "lower_case_issuer", "self", "date_shared",
         "issuer_shared", "no_number", "number_only", "type_word_lower"}


class LabelError(Exception):
    pass


def corpus_dir():
    env = os.environ.get("DANVAN_CORPUS_DIR")
    return Path(env) if env else (REPO.parent / "shared" / "corpus")


def nfc(text):
    return unicodedata.normalize("NFC", text)


def squeeze(text):
    """Whitespace runs to one space, markdown emphasis markers dropped (for attribute checks)."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def split_of(pid):
    return "heldout" if hashlib.sha1(pid.encode("utf-8")).hexdigest()[0] in "0123" else "dev"


def document_type_slugs():
    text = TYPES_HEADER.read_text(encoding="utf-8")
    body = text[text.index("enum class DocumentType"):]
    body = body[:body.index("};")]
    return set(re.findall(r"^\s*([a-z_]+),", body, re.M))


def surface_pattern(surface):
    tokens = surface.split()
    if not tokens:
        raise LabelError("empty surface")
    return re.compile(r"\s+".join(re.escape(t) for t in tokens))


def locate(text, surface, occ, where):
    matches = list(surface_pattern(surface).finditer(text))
    if not matches:
        raise LabelError(f"{where}: surface not found: {surface!r}")
    if occ is None:
        if len(matches) > 1:
            raise LabelError(f"{where}: surface found {len(matches)} times, give 'occ': {surface!r}")
        occ = 0
    if not 0 <= occ < len(matches):
        raise LabelError(f"{where}: occ {occ} out of range (found {len(matches)}): {surface!r}")
    return matches[occ].start(), matches[occ].end()


def leading_number(symbol):
    m = re.match(r"\s*(\d+)", symbol)
    return m.group(1) if m else None


def build_ref(text, src, where, slugs):
    unknown = set(src) - REF_KEYS
    if unknown:
        raise LabelError(f"{where}: unknown keys {sorted(unknown)}")
    surface = nfc(src["surface"])
    start, end = locate(text, surface, src.get("occ"), where)
    actual = text[start:end]
    flat = squeeze(actual)
    closed = flat.endswith(")") and "(" in flat  # a date in parentheses: "(tháng 6-1997)"
    if (re.search(r"[,.;:()\[\]|*\"“”]$", flat) and not closed) or re.match(r"[,.;:()\[\]|*\"“”]", flat):
        raise LabelError(f"{where}: surface starts or ends with punctuation: {flat!r}")
    rtype = src.get("type")
    if rtype not in slugs:
        raise LabelError(f"{where}: unknown type {rtype!r}")
    symbol = src.get("symbol")
    surface_symbol = src["surface_symbol"] if "surface_symbol" in src else symbol
    number = src["number"] if "number" in src else (leading_number(symbol) if symbol else None)
    for key, value in (("symbol", symbol), ("surface_symbol", surface_symbol), ("number", number),
                       ("name", src.get("name")), ("issuer", src.get("issuer")), ("date", src.get("date"))):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise LabelError(f"{where}: {key} must be a non-empty string or null")
    if surface_symbol is not None and squeeze(nfc(surface_symbol)) not in flat:
        raise LabelError(f"{where}: surface_symbol {surface_symbol!r} not in surface {flat!r}")
    if number is not None and number not in flat and number not in flat.replace(" ", ""):
        raise LabelError(f"{where}: number {number!r} not in surface {flat!r}")
    name = src.get("name")
    if name is not None and squeeze(nfc(name)) not in flat:
        raise LabelError(f"{where}: name {name!r} not in surface {flat!r}")
    issuer = src.get("issuer")
    if issuer is not None and not src.get("issuer_shared") and squeeze(nfc(issuer)) not in flat:
        raise LabelError(f"{where}: issuer {issuer!r} not in surface {flat!r}")
    date = src.get("date")
    if date is not None and not DATE_RE.match(date):
        raise LabelError(f"{where}: date {date!r} is not ISO YYYY[-MM[-DD]]")
    forms = src.get("forms", [])
    bad = set(forms) - FORMS
    if bad:
        raise LabelError(f"{where}: unknown forms {sorted(bad)}")
    repaired = symbol is not None and surface_symbol is not None and symbol != surface_symbol
    if (symbol is None) != (surface_symbol is None):
        raise LabelError(f"{where}: symbol and surface_symbol must both be given or both null")
    return {"start": start, "end": end, "surface": actual, "type": rtype, "number": number,
            "symbol": nfc(symbol) if symbol else None,
            "surface_symbol": nfc(surface_symbol) if surface_symbol else None,
            "repaired": repaired, "name": squeeze(nfc(name)) if name else None,
            "issuer": squeeze(nfc(issuer)) if issuer else None, "date": date,
            "self": bool(src.get("self", False))}


def passage_text(rec, root, where):
    source = rec["source"]
    if "corpus" in source:
        path = root / source["corpus"]
        if not path.is_file():
            raise LabelError(f"{where}: {path} is not a file in the corpus")
        data = path.read_bytes()
        bs, be = source["byte_start"], source["byte_end"]
        if not (0 <= bs < be <= len(data)):
            raise LabelError(f"{where}: byte range {bs}..{be} outside {path} ({len(data)} bytes)")
        if bs > 0 and not data[bs - 1:bs].isspace():
            raise LabelError(f"{where}: byte_start {bs} not after whitespace")
        if be < len(data) and not data[be:be + 1].isspace():
            raise LabelError(f"{where}: byte_end {be} not before whitespace")
        raw = data[bs:be]
        return nfc(raw.decode("utf-8")), hashlib.sha256(raw).hexdigest()
    if "url" in source:
        return nfc(rec["text"]), None
    raise LabelError(f"{where}: source needs 'corpus' or 'url'")


def load_jsonl(path):
    records = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    records.append((lineno, json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise LabelError(f"{path}:{lineno}: {exc}") from None
    return records


def build():
    root = corpus_dir()
    if not root.is_dir():
        raise LabelError(f"corpus not present at {root}: set DANVAN_CORPUS_DIR to build")
    slugs = document_type_slugs()
    out, seen = [], set()
    for lineno, rec in load_jsonl(SRC):
        pid = rec.get("id")
        where = f"{SRC.name}:{lineno} ({pid})"
        if not pid or pid in seen:
            raise LabelError(f"{where}: missing or duplicate id")
        seen.add(pid)
        try:
            text, digest = passage_text(rec, root, where)
            refs = [build_ref(text, r, f"{where} ref {i}", slugs) for i, r in enumerate(rec["refs"])]
        except (KeyError, TypeError, AttributeError) as exc:
            raise LabelError(f"{where}: missing or wrong-typed field ({type(exc).__name__}: {exc})") from None
        refs.sort(key=lambda r: r["start"])
        for a, b in zip(refs, refs[1:]):
            if b["start"] < a["end"]:
                raise LabelError(f"{where}: overlapping references {a['surface']!r} and {b['surface']!r}")
        row = {"id": pid, "split": split_of(pid), "source": rec["source"]}
        if digest:
            row["sha256"] = digest
        else:
            row["text"] = text
        row["refs"] = refs
        if rec.get("notes"):
            row["notes"] = rec["notes"]
        out.append(row)
    with open(OUT, "w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.name}: {len(out)} passages, {sum(len(r['refs']) for r in out)} references")


def check():
    root = corpus_dir()
    present = root.is_dir()
    checked = skipped = 0
    errors = []
    for lineno, row in load_jsonl(OUT):
        where = f"{OUT.name}:{lineno} ({row.get('id')})"
        if row.get("split") != split_of(row["id"]):
            errors.append(f"{where}: split is not the one the id hashes to")
        if "corpus" in row["source"]:
            if not present:
                skipped += 1
                continue
            path = root / row["source"]["corpus"]
            if not path.is_file():
                errors.append(f"{where}: {path} missing")
                continue
            raw = path.read_bytes()[row["source"]["byte_start"]:row["source"]["byte_end"]]
            if hashlib.sha256(raw).hexdigest() != row["sha256"]:
                errors.append(f"{where}: sha256 differs: the corpus file changed")
                continue
            text = nfc(raw.decode("utf-8"))
        else:
            text = row["text"]
        for ref in row["refs"]:
            if text[ref["start"]:ref["end"]] != ref["surface"]:
                errors.append(f"{where}: surface not at {ref['start']}..{ref['end']}: {ref['surface']!r}")
        checked += 1
    for e in errors:
        print(e, file=sys.stderr)
    if not present:
        print(f"corpus not present at {root}: {skipped} corpus passages not checked")
    print(f"checked {checked} passages, {len(errors)} errors")
    return 1 if errors else 0


def stats():
    src = {rec["id"]: rec for _, rec in load_jsonl(SRC)}
    rows = [row for _, row in load_jsonl(OUT)]
    per_split = Counter()
    per_type = Counter()
    per_form = Counter()
    passages = Counter()
    negatives = Counter()
    for row in rows:
        split = row["split"]
        passages[split] += 1
        kind = "corpus" if "corpus" in row["source"] else "web"
        passages[kind] += 1
        if not row["refs"] or row.get("notes"):
            if row.get("notes") and "NEG" in row["notes"]:
                negatives["with traps"] += 1
        if not row["refs"]:
            negatives["no references"] += 1
        for ref in row["refs"]:
            per_split[split] += 1
            per_type[(ref["type"], split)] += 1
            if ref["repaired"]:
                per_form["repaired"] += 1
            if ref["self"]:
                per_form["self"] += 1
            if ref["name"] and not ref["symbol"]:
                per_form["name_only"] += 1
        for sref in src[row["id"]]["refs"]:
            for form in sref.get("forms", []):
                if form not in ("repaired", "self", "name_only"):
                    per_form[form] += 1
    print(f"passages: {len(rows)} (dev {passages['dev']}, heldout {passages['heldout']}; "
          f"corpus {passages['corpus']}, web {passages['web']})")
    print(f"references: {sum(per_split.values())} (dev {per_split['dev']}, heldout {per_split['heldout']})")
    print(f"negatives: {negatives['no references']} passages without references, "
          f"{negatives['with traps']} passages noted as traps (NEG)")
    print("| type | dev | heldout | total |\n|---|---|---|---|")
    for t in sorted({t for t, _ in per_type}, key=lambda t: -(per_type[(t, 'dev')] + per_type[(t, 'heldout')])):
        d, h = per_type[(t, "dev")], per_type[(t, "heldout")]
        print(f"| {t} | {d} | {h} | {d + h} |")
    print("| form | references |\n|---|---|")
    for f, n in per_form.most_common():
        print(f"| {f} | {n} |")


def main(argv):
    global SRC, OUT
    args = list(argv[1:])
    for flag in ("--src", "--out"):
        if flag in args:
            i = args.index(flag)
            if i + 1 >= len(args):
                print(f"error: {flag} needs a file", file=sys.stderr)
                return 2
            path = Path(args[i + 1])
            if flag == "--src":
                SRC = path
            else:
                OUT = path
            del args[i:i + 2]
    cmd = args[0] if args else "build"
    try:
        if cmd == "build":
            build()
            return 0
        if cmd == "check":
            return check()
        if cmd == "stats":
            stats()
            return 0
    except LabelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"usage: {argv[0]} [build|check|stats] [--src FILE] [--out FILE]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
