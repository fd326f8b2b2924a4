#!/usr/bin/python3
"""Validate tests/corpus/plans/labels.jsonl (hand labels of real plans, format: LABEL-FORMATS §1).

Usage: /usr/bin/python3 tests/corpus/plans/check_labels.py [--corpus DIR] [LABELS]

Always checks the records themselves: every key present, in order, with the right type; NFC;
ISO dates; roles; splits. When the corpus is present (DIR, else $DANVAN_CORPUS_DIR, else
<repo>/../shared/corpus, else the main worktree's ../shared/corpus) it also checks that each
labelled file exists and that the quoted strings (title, symbol, header lines, task-area
titles, duty units, signer name, legal-basis symbols) occur in the text after whitespace and
Markdown normalisation, which catches typos. Without the corpus it says plainly that those
checks were not run. Prints per-field totals per split. Exit status 1 on any error.
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

KEYS = ["file", "split", "document_type", "title", "symbol", "place", "issue_date", "issuer",
        "issuer_header", "period", "legal_bases", "purposes", "requirements", "targets",
        "task_areas", "duties", "funding", "reporting", "signer", "recipients", "annexes", "notes"]
BASE_KEYS = ["type", "symbol", "date", "issuer", "name"]
DOC_TYPES = {"constitution", "code_of_law", "law", "resolution", "joint_resolution", "ordinance",
             "order", "decree", "decision", "circular", "joint_circular", "consolidated_text",
             "directive", "regulation", "rules", "public_notice", "notice", "guidance",
             "programme", "plan", "option_plan", "scheme", "project", "report", "minutes",
             "submission", "contract", "official_telegram", "invitation", "introduction_letter",
             "authorisation_letter", "dispatch_slip", "transfer_slip", "notification_slip",
             "conclusion", "circular_instruction", "official_letter"}
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_ANY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Reporting deadlines: ISO at its precision, "MM-DD" every year, "---DD" every month,
# "THH:MM" every day.
DEADLINE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{2}-\d{2}|---\d{2}|T\d{2}:\d{2})$")
HELDOUT = {"ceb89a53c7b93f00", "d3abe8b4b4980057", "d5ffa6afac124d52", "f004d93b21e7fc5f",
           "f069c23c942c1ec6", "f1e0981425ec38be"}


class Checker:
    def __init__(self):
        self.errors = []

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def opt_str(self, where, value, name):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            self.err(where, f"{name} must be a non-empty string or null, got {value!r}")

    def opt_count(self, where, value, name):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            self.err(where, f"{name} must be a count >= 0 or null, got {value!r}")

    def record(self, where, r):
        if not isinstance(r, dict):
            self.err(where, "not a JSON object")
            return False
        if list(r) != KEYS:
            missing = [k for k in KEYS if k not in r]
            extra = [k for k in r if k not in KEYS]
            self.err(where, f"keys differ from LABEL-FORMATS §1 order (missing {missing}, extra {extra})")
            if missing:
                return False
        if not isinstance(r["file"], str) or not re.fullmatch(r"plans/[0-9a-f]{16}\.md", r["file"]):
            self.err(where, f"file must be 'plans/<16 hex>.md', got {r['file']!r}")
            return False
        stem = r["file"][6:-3]
        want = "heldout" if stem in HELDOUT else "dev"
        if r["split"] != want:
            self.err(where, f"split must be {want!r} (rule fixed before labelling), got {r['split']!r}")
        if r["document_type"] not in DOC_TYPES:
            self.err(where, f"document_type {r['document_type']!r} is not a danvan slug")
        if not isinstance(r["title"], str) or not r["title"].strip():
            self.err(where, "title must be a non-empty string")
        for k in ("symbol", "place", "issuer"):
            self.opt_str(where, r[k], k)
        if r["issue_date"] is not None and not (isinstance(r["issue_date"], str) and ISO_DAY.match(r["issue_date"])):
            self.err(where, f"issue_date must be YYYY-MM-DD or null, got {r['issue_date']!r}")
        if not isinstance(r["issuer_header"], list) or not all(isinstance(s, str) and s for s in r["issuer_header"]):
            self.err(where, "issuer_header must be a list of non-empty strings")
        p = r["period"]
        if p is not None:
            if not isinstance(p, dict) or list(p) != ["from", "to", "text"]:
                self.err(where, "period must be null or {from, to, text}")
            else:
                for k in ("from", "to"):
                    if p[k] is not None and not (isinstance(p[k], str) and ISO_ANY.match(p[k])):
                        self.err(where, f"period.{k} must be ISO at its precision or null, got {p[k]!r}")
                if p["from"] is None and p["to"] is None:
                    self.err(where, "period with neither from nor to should be null")
                if p["from"] and p["to"] and p["from"][:4] > p["to"][:4]:
                    self.err(where, f"period runs backwards: {p['from']} > {p['to']}")
                if not isinstance(p["text"], str) or not p["text"]:
                    self.err(where, "period.text must be a non-empty string")
        if not isinstance(r["legal_bases"], list):
            self.err(where, "legal_bases must be a list")
        else:
            seen = set()
            for i, b in enumerate(r["legal_bases"]):
                w = f"{where} legal_bases[{i}]"
                if not isinstance(b, dict) or list(b) != BASE_KEYS:
                    self.err(w, f"must have keys {BASE_KEYS} in that order")
                    continue
                if b["type"] not in DOC_TYPES:
                    self.err(w, f"type {b['type']!r} is not a danvan slug")
                for k in ("symbol", "issuer", "name"):
                    self.opt_str(w, b[k], k)
                if b["date"] is not None and not (isinstance(b["date"], str) and ISO_ANY.match(b["date"])):
                    self.err(w, f"date must be ISO at its precision or null, got {b['date']!r}")
                if b["symbol"] is None and b["name"] is None:
                    self.err(w, "a basis without a symbol needs a name")
                if b["symbol"] is not None:
                    if b["symbol"] == r["symbol"]:
                        self.err(w, f"the plan's own number {b['symbol']!r} is never a basis")
                    if b["symbol"] in seen:
                        self.err(w, f"{b['symbol']!r} listed twice")
                    seen.add(b["symbol"])
        for k in ("purposes", "requirements", "targets", "recipients"):
            self.opt_count(where, r[k], k)
        if not isinstance(r["task_areas"], list):
            self.err(where, "task_areas must be a list")
        else:
            for i, t in enumerate(r["task_areas"]):
                w = f"{where} task_areas[{i}]"
                if not isinstance(t, dict) or list(t) != ["number", "title"]:
                    self.err(w, "must have keys number, title")
                    continue
                if not isinstance(t["number"], str) or not t["number"]:
                    self.err(w, "number must be a non-empty string")
                if not isinstance(t["title"], str) or not t["title"]:
                    self.err(w, "title must be a non-empty string")
                elif not 1 <= len(t["title"].split()) <= 10:
                    self.err(w, f"title quote should be short (first 6-10 words), has {len(t['title'].split())}")
        if not isinstance(r["duties"], list):
            self.err(where, "duties must be a list")
        else:
            units = set()
            for i, d in enumerate(r["duties"]):
                w = f"{where} duties[{i}]"
                if not isinstance(d, dict) or list(d) != ["unit", "role"]:
                    self.err(w, "must have keys unit, role")
                    continue
                if not isinstance(d["unit"], str) or not d["unit"]:
                    self.err(w, "unit must be a non-empty string")
                elif d["unit"].casefold() in units:
                    self.err(w, f"unit {d['unit']!r} listed twice (merge duplicates)")
                else:
                    units.add(d["unit"].casefold())
                if d["role"] not in ("lead", "coordinate", ""):
                    self.err(w, f"role must be lead, coordinate or '', got {d['role']!r}")
        if not isinstance(r["funding"], bool):
            self.err(where, "funding must be true or false")
        if not isinstance(r["reporting"], list):
            self.err(where, "reporting must be a list")
        else:
            for i, d in enumerate(r["reporting"]):
                w = f"{where} reporting[{i}]"
                if not isinstance(d, dict) or list(d) != ["deadline", "text"]:
                    self.err(w, "must have keys deadline, text")
                    continue
                if not isinstance(d["deadline"], str) or not DEADLINE.match(d["deadline"]):
                    self.err(w, f"deadline must be ISO, MM-DD, ---DD or THH:MM, got {d['deadline']!r}")
                if not isinstance(d["text"], str) or not d["text"]:
                    self.err(w, "text must be a non-empty string")
        s = r["signer"]
        if s is not None:
            if not isinstance(s, dict) or list(s) != ["authority", "title", "name"]:
                self.err(where, "signer must be null or {authority, title, name}")
            else:
                for k in ("authority", "title", "name"):
                    self.opt_str(where, s[k], f"signer.{k}")
        if not isinstance(r["annexes"], list) or not all(isinstance(a, str) and a for a in r["annexes"]):
            self.err(where, "annexes must be a list of non-empty strings")
        if not isinstance(r["notes"], str):
            self.err(where, "notes must be a string")
        return True


def normalise(text):
    """The text as a reader sees it: NFC, no Markdown emphasis or table pipes, one space."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    text = re.sub(r"[*|]|\\|^#+ ", " ", text, flags=re.M)
    return re.sub(r"\s+", " ", text).strip()


def squeeze(text):
    """Without any whitespace: survives hard line breaks inside words."""
    return re.sub(r"\s+", "", text)


def occurs(quote, norm, squeezed):
    q = normalise(quote)
    if q in norm or squeeze(q) in squeezed:
        return True
    return squeeze(q).casefold() in squeezed.casefold()


def corpus_dir(arg):
    if arg:
        return Path(arg)
    if os.environ.get("DANVAN_CORPUS_DIR"):
        return Path(os.environ["DANVAN_CORPUS_DIR"])
    repo = Path(__file__).resolve().parents[3]
    candidates = [repo.parent / "shared" / "corpus"]
    git = repo / ".git"
    if git.is_file():  # a linked worktree: look next to the main worktree too
        m = re.match(r"gitdir:\s*(.+)", git.read_text(encoding="utf-8").strip())
        if m:
            main = Path(m.group(1)).resolve().parents[2]
            candidates.append(main.parent / "shared" / "corpus")
    for c in candidates:
        if (c / "plans").is_dir():
            return c
    return candidates[0]


def check_text(c, where, r, root):
    path = root / r["file"]
    if not path.is_file():
        c.err(where, f"{path} does not exist")
        return
    raw = path.read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", raw) != raw:
        pass  # the corpus is kept as retrieved; labels are NFC either way
    norm = normalise(raw)
    sq = squeeze(norm)
    quotes = [("title", r["title"])]
    if r["symbol"]:
        quotes.append(("symbol", r["symbol"]))
    quotes += [(f"issuer_header[{i}]", h) for i, h in enumerate(r["issuer_header"])]
    quotes += [(f"task_areas[{i}].title", t["title"]) for i, t in enumerate(r["task_areas"])]
    quotes += [(f"duties[{i}].unit", d["unit"]) for i, d in enumerate(r["duties"])]
    quotes += [(f"legal_bases[{i}].symbol", b["symbol"]) for i, b in enumerate(r["legal_bases"])
               if b["symbol"]]
    if r["signer"] and r["signer"]["name"]:
        quotes.append(("signer.name", r["signer"]["name"]))
    if r["period"]:
        quotes.append(("period.text", r["period"]["text"]))
    for name, q in quotes:
        if not occurs(q, norm, sq):
            c.err(where, f"{name} {q!r} does not occur in {r['file']} (typo?)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("labels", nargs="?", default=str(Path(__file__).with_name("labels.jsonl")))
    ap.add_argument("--corpus", help="corpus root holding plans/ (default: see module doc)")
    args = ap.parse_args()
    c = Checker()
    records = []
    raw = Path(args.labels).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"{args.labels}: not UTF-8: {e}")
        return 1
    if unicodedata.normalize("NFC", text) != text:
        c.err(args.labels, "not NFC")
    files = set()
    for n, line in enumerate(text.splitlines(), 1):
        where = f"{args.labels}:{n}"
        if not line.strip():
            c.err(where, "empty line")
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            c.err(where, f"invalid JSON: {e}")
            continue
        if c.record(where, r):
            if r["file"] in files:
                c.err(where, f"{r['file']} labelled twice")
            files.add(r["file"])
            records.append((where, r))
    root = corpus_dir(args.corpus)
    if (root / "plans").is_dir():
        for where, r in records:
            check_text(c, where, r, root)
        unlabelled = sorted(p.name for p in (root / "plans").glob("*.md") if f"plans/{p.name}" not in files)
        if unlabelled:
            print(f"note: {len(unlabelled)} corpus plans without a label: {', '.join(unlabelled)}")
        print(f"corpus checks run against {root}")
    else:
        print(f"corpus not present at {root}: file-existence and quote checks NOT run "
              "(set DANVAN_CORPUS_DIR or pass --corpus)")
    # Per-field totals, per split.
    rows = []
    for split in ("dev", "heldout", "all"):
        rs = [r for _, r in records if split == "all" or r["split"] == split]
        def tot(k):
            return sum(r[k] for r in rs if r[k] is not None)
        def known(k):
            return sum(1 for r in rs if r[k] is not None)
        rows.append((split, {
            "plans": len(rs),
            "with symbol": known("symbol"), "with issue_date": known("issue_date"),
            "with period": known("period"), "with signer": known("signer"),
            "legal_bases": sum(len(r["legal_bases"]) for r in rs),
            "task_areas": sum(len(r["task_areas"]) for r in rs),
            "duties": sum(len(r["duties"]) for r in rs),
            "duties lead": sum(1 for r in rs for d in r["duties"] if d["role"] == "lead"),
            "duties coordinate": sum(1 for r in rs for d in r["duties"] if d["role"] == "coordinate"),
            "purposes (plans)": f"{tot('purposes')} ({known('purposes')})",
            "requirements (plans)": f"{tot('requirements')} ({known('requirements')})",
            "targets (plans)": f"{tot('targets')} ({known('targets')})",
            "funding true": sum(1 for r in rs if r["funding"] is True),
            "reporting": sum(len(r["reporting"]) for r in rs),
            "recipients (plans)": f"{tot('recipients')} ({known('recipients')})",
            "annexes": sum(len(r["annexes"]) for r in rs),
        }))
    fields = list(rows[0][1])
    print(f"{'field':24}" + "".join(f"{s:>12}" for s, _ in rows))
    for f in fields:
        print(f"{f:24}" + "".join(f"{str(v[f]):>12}" for _, v in rows))
    if c.errors:
        print(f"\n{len(c.errors)} error(s):")
        for e in c.errors:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
