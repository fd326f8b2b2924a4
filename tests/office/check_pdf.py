#!/usr/bin/env python3
"""What a person sees: the .docx danvan writes, opened by LibreOffice and printed to PDF.

Writes a recognition decision (the sample registry's 203 entries recognised in Phú Yên in
2020-2025, an annex of many pages) and the founding plan with the danvan CLI, converts both
with LibreOffice headless (`soffice --convert-to pdf`) and checks with poppler's tools:
  * every page is A4 (pdfinfo);
  * the text is set in Times New Roman, or its metric-compatible stand-in Liberation Serif
    where Times New Roman is not installed (pdffonts);
  * every annex row is in the text layer (pdftotext): all the words of each row on one page;
  * the annex's header row is repeated on every page the table runs over;
  * the plan's title and the decision's fixed parts are there.
Without soffice, pdftotext, pdfinfo or pdffonts it prints "not run: ..." and exits 77 (ctest
reports the test as skipped). Debian: apt install libreoffice-writer-nogui poppler-utils
(about 84 MB; not in scripts/dev's list, see tests/office/README.md).
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
SAMPLE = ROOT / "data/registry/sample-registry.json"
PLAN = ROOT / "data/plans/phu-yen-2020-nam-dan-van-kheo.json"
TOOLS = ("soffice", "pdftotext", "pdfinfo", "pdffonts")


def run(*args, **kw):
    p = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=300, **kw)
    if p.returncode != 0:
        raise SystemExit(f"FAIL: {' '.join(map(str, args))}: exit {p.returncode}\n{p.stderr}")
    return p.stdout


def to_pdf(docx, work):
    # A profile of its own, so a user's LibreOffice (or a parallel run) is not disturbed.
    profile = pathlib.Path(work) / "profile"
    run("soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
        "--outdir", work, docx)
    pdf = pathlib.Path(work) / (pathlib.Path(docx).stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"FAIL: LibreOffice wrote no PDF for {docx}")
    return pdf


def check_pages_a4(pdf, problems):
    info = run("pdfinfo", "-f", "1", "-l", "100000", pdf)
    sizes = re.findall(r"^Page +\d+ size: +([\d.]+) x ([\d.]+) pts", info, re.M)
    if not sizes:
        problems.append(f"{pdf.name}: pdfinfo gave no page sizes")
    for k, (w, h) in enumerate(sizes, 1):
        # A4 is 595.28 x 841.89 pt (210 x 297 mm).
        if abs(float(w) - 595.3) > 1 or abs(float(h) - 841.9) > 1:
            problems.append(f"{pdf.name}: page {k} is {w} x {h} pt, not A4")
    return len(sizes)


def check_fonts(pdf, problems):
    fonts = run("pdffonts", pdf)
    names = [line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if line.strip()]
    main = [n for n in names if n.startswith(("TimesNewRoman", "LiberationSerif"))]
    if not main:
        problems.append(f"{pdf.name}: no Times New Roman (or Liberation Serif) font: {names}")
    return names


def main():
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        print(f"not run: {', '.join(missing)} not installed "
              "(apt install libreoffice-writer-nogui poppler-utils)")
        return 77
    problems = []
    with tempfile.TemporaryDirectory() as work:
        decision = pathlib.Path(work) / "quyet-dinh.docx"
        run(CLI, "exemplars", "decision", SAMPLE, "--unit", "p54", "--recognised-in",
            "2020-2025", "--output", decision)
        annex = run(CLI, "text", decision)
        rows = [line for line in annex.splitlines() if re.match(r"^\| \d+ \|", line)]
        pdf = to_pdf(decision, work)
        pages = check_pages_a4(pdf, problems)
        fonts = check_fonts(pdf, problems)
        text = run("pdftotext", pdf, "-")
        page_words = [set(p.split()) for p in text.split("\f")]
        flat = " ".join(text.split())
        for fixed in ("QUYẾT ĐỊNH", "Số: ....../QĐ-UBND", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN",
                      "Điều 1.", "Điều 2.", "Điều 3.", "Nơi nhận:", "KT. CHỦ TỊCH", "DANH SÁCH"):
            if fixed not in flat:
                problems.append(f"{pdf.name}: \"{fixed}\" is not in the text layer")
        for row in rows:
            cells = [c.strip() for c in row[1:-1].split("|")]
            words = set(" ".join(cells).split())
            if not any(words <= page for page in page_words):
                problems.append(f"{pdf.name}: annex row {cells[0]} is not on any page: {row}")
        # The header row on every page of the annex: from the page of row 1 to the last page.
        flat_pages = [" ".join(p.split()) for p in text.split("\f")]
        first = next((k for k, p in enumerate(flat_pages) if "Tên mô hình" in p), None)
        annex_pages = [p for p in flat_pages[first or 0:] if p]
        without = [k for k, p in enumerate(annex_pages, (first or 0) + 1)
                   if "Tên mô hình, điển hình" not in p or "Xếp loại" not in p]
        if first is None or without:
            problems.append(f"{pdf.name}: annex header row missing on pages {without}")
        print(f"decision: {len(rows)} annex rows, {pages} A4 pages, annex header on "
              f"{len(annex_pages) - len(without)} of {len(annex_pages)} annex pages; fonts "
              f"{sorted(set(fonts))}")

        plan = pathlib.Path(work) / "ke-hoach.docx"
        run(CLI, "show", PLAN, "--format", "docx", "--output", plan)
        pdf = to_pdf(plan, work)
        pages = check_pages_a4(pdf, problems)
        check_fonts(pdf, problems)
        flat = " ".join(run("pdftotext", pdf, "-").split())
        for fixed in ("KẾ HOẠCH", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:"):
            if fixed not in flat:
                problems.append(f"{pdf.name}: \"{fixed}\" is not in the text layer")
        print(f"plan: {pages} A4 pages")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)")
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
