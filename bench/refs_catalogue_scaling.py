#!/usr/bin/env python3
"""refs --catalogue against plain refs on growing texts: the ratio must stay flat (linear).

The text repeats a SAMPLE paragraph (written for this benchmark, not from a real document)
citing issuers whose written names are ambiguous ("Ủy ban nhân dân tỉnh" names two issuers in
the bundled catalogue), so every reference asks the resolver to look at the whole text.
Usage: refs_catalogue_scaling.py DANVAN_CLI [MB ...] (default 4 8 16; the issue's 100 works).
"""
import os
import subprocess
import sys
import tempfile
import time

PARAGRAPH = ("SAMPLE. Thực hiện Kế hoạch số 35/KH-UBND ngày 10/4/2020 của Ủy ban nhân dân tỉnh về "
             "Năm dân vận khéo, Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ và "
             "Quyết định số 23-QĐ/TW của Ban Dân vận. Các đơn vị báo cáo kết quả thực hiện.\n")


def seconds(cmd):
    start = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - start


def main():
    cli = sys.argv[1]
    sizes = [int(a) for a in sys.argv[2:]] or [4, 8, 16]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    catalogue = os.path.join(root, "data/instruments/catalogue.json")
    print("| MB | refs | refs --catalogue | ratio |")
    print("|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            path = os.path.join(tmp, f"{mb}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(PARAGRAPH * (mb * 1024 * 1024 // len(PARAGRAPH.encode())))
            plain = seconds([cli, "refs", path])
            resolved = seconds([cli, "refs", path, "--catalogue", catalogue])
            print(f"| {mb} | {plain:.2f} s | {resolved:.2f} s | {resolved / plain:.2f} |")
            os.remove(path)


if __name__ == "__main__":
    main()
