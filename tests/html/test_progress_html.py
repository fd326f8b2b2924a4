"""Renders the HTML progress report of the bundled sample in headless Chromium (Debian's
`chromium` package, installed by scripts/dev deps) and checks that it really rendered: the DOM
Chromium builds contains the SVG charts, and a screenshot is a real, non-blank image.

Collected by pytest through tests/cli/test_progress.py, so ctest's `cli` test runs it. There is
no skip: without chromium this test fails."""
import os
import pathlib
import shutil
import struct
import subprocess
import tempfile
import zlib

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
PROGRESS = ROOT / "data/progress/phu-yen-2020-progress.json"
REPORTS = ROOT / "data/progress/phu-yen-2020-reports.json"


def chromium(*args, tmp):
    exe = shutil.which("chromium")
    assert exe, "chromium is not installed (scripts/dev deps installs it)"
    profile = tempfile.mkdtemp(dir=tmp)
    cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", *args]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    return p.stdout


def png_pixels(path):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) into rows of
    pixel tuples, with the standard library only."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and interlace == 0
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def render_html(tmp):
    out = pathlib.Path(tmp) / "progress.html"
    p = subprocess.run([CLI, "progress", PROGRESS, REPORTS, "--as-of", "2021-01-10",
                        "--format", "html", "--output", out], capture_output=True, text=True,
                       timeout=60)
    assert (p.returncode, p.stdout, p.stderr) == (0, "", "")
    return out


def test_html_report_renders_in_chromium(tmp_path):
    html = render_html(tmp_path)
    dom = chromium("--dump-dom", html.as_uri(), tmp=tmp_path)
    # Chromium parsed the page and built both charts with their bars and target lines.
    assert '<svg class="chart completeness"' in dom
    assert '<svg class="chart indicators"' in dom
    assert dom.count('<rect class="bar"') >= 13  # at least one bar per unit row
    assert dom.count('<line class="target"') == 9  # one per numeric indicator
    assert "Thị xã Đông Hòa" in dom and "Huyện Đông Hòa" in dom
    assert "<title>Báo cáo tiến độ thực hiện kế hoạch phu-yen-2020-nam-dan-van-kheo</title>" in dom


def test_html_report_screenshot_is_not_blank(tmp_path):
    html = render_html(tmp_path)
    shot = tmp_path / "shot.png"
    chromium(f"--screenshot={shot}", "--window-size=1200,2000", "--hide-scrollbars",
             html.as_uri(), tmp=tmp_path)
    width, height, rows = png_pixels(shot)
    assert (width, height) == (1200, 2000)
    colours = {}
    for row in rows[::4]:
        for px in row[::4]:
            colours[px] = colours.get(px, 0) + 1
    total = sum(colours.values())
    white = colours.get((255, 255, 255), 0)
    # A page with text and charts: far from blank, and the chart colours were painted.
    assert white < 0.97 * total
    assert len(colours) > 50

    def near(c, target):
        return all(abs(a - b) <= 8 for a, b in zip(c, target))

    green = sum(n for c, n in colours.items() if near(c, (0x2E, 0x7D, 0x32)))
    red = sum(n for c, n in colours.items() if near(c, (0xC6, 0x28, 0x28)))
    assert green > 50, "no on-time bars painted"
    assert red > 5, "no missing-report bars painted"


def test_html_exemplar_chart_renders_in_chromium(tmp_path):
    out = tmp_path / "progress.html"
    p = subprocess.run([CLI, "progress", PROGRESS, REPORTS, "--as-of", "2021-01-10",
                        "--format", "html", "--output", out, "--registry",
                        ROOT / "data/registry/sample-registry.json"],
                       capture_output=True, text=True, timeout=60)
    assert (p.returncode, p.stdout, p.stderr) == (0, "", "")
    dom = chromium("--dump-dom", out.as_uri(), tmp=tmp_path)
    chart = dom[dom.index('<svg class="chart exemplars"'):]
    chart = chart[:chart.index("</svg>")]
    assert chart.count('<rect class="bar"') == 10  # five counts, this year and the previous
    assert '<table class="exemplars">' in dom
    # The sample registry starts in 2020: the 2019 bars are empty (only their legend shows).
    assert chart.count('width="0" height="14" fill="#90caf9"><title>0</title>') == 5
    # The section is the last one: a window tall enough to show the whole page paints the
    # year's bars in dark blue and the legend of the previous year in light blue.
    shot = tmp_path / "shot.png"
    chromium(f"--screenshot={shot}", "--window-size=1200,9000", "--hide-scrollbars",
             out.as_uri(), tmp=tmp_path)
    _, _, rows = png_pixels(shot)

    def count(target):
        return sum(1 for row in rows[::2] for px in row[::2]
                   if all(abs(a - b) <= 8 for a, b in zip(px, target)))

    assert count((0x15, 0x65, 0xC0)) > 50, "no bars of the year painted"
    assert count((0x90, 0xCA, 0xF9)) > 10, "no legend of the previous year painted"
