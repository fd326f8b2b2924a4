"""End-to-end tests of `danvan text` and of import-text/refs on other formats (run by ctest)."""
import io
import os
import pathlib
import subprocess
import zipfile

import pytest

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
FOUNDING = ROOT / "tests/data/phu-yen-2020-nam-dan-van-kheo.txt"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def run(*args, stdin=None):
    p = subprocess.run([CLI, *map(str, args)], input=stdin, capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def formats_built():
    code, _, err = run("text", "--help")
    return code == 0


pytestmark = pytest.mark.skipif(not formats_built(), reason="not run: no 'danvan text' command")


def docx_of(lines):
    """A .docx with one paragraph per non-empty line, written with Python's zipfile."""
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{esc(l)}</w:t></w:r></w:p>'
                   for l in lines if l.strip())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("word/document.xml",
                   f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
    return buf.getvalue()


def supported(fmt, tmp_path):
    """Whether this build reads `fmt` (a tiny file of that format is tried)."""
    if fmt == "docx":
        f = tmp_path / "probe.docx"
        f.write_bytes(docx_of(["x"]))
        code, _, err = run("text", f)
        return "not built" not in err
    return True


def test_text_prints_utf16_file_and_reports_encoding(tmp_path):
    f = tmp_path / "plan.txt"
    f.write_bytes(FOUNDING.read_text(encoding="utf-8").encode("utf-16"))
    code, out, err = run("text", f)
    assert code == 0
    assert out == FOUNDING.read_text(encoding="utf-8")
    assert err == "danvan text: text, UTF-16LE\n"
    code, out, err = run("text", "--quiet", f)
    assert (code, err) == (0, "")


def test_text_reads_standard_input():
    code, out, err = run("text", "-", stdin="Kế hoạch\r\n".encode("utf-8"))
    assert (code, out, err) == (0, "Kế hoạch\n", "danvan text: text, UTF-8\n")


@pytest.mark.parametrize("content,message", [
    (b"", "danvan text: {f}: the file is empty\n"),
    (b"\x00\x01\x02\x03binary\x04", "danvan text: {f}: binary data, not text (5 control bytes in 11)\n"),
    (b"PK\x03\x04cut", "danvan text: {f}: the .docx is damaged or cut short: its zip directory is "
                       "missing (Not a zip archive)\n"),
])
def test_text_bad_input_exit_1(tmp_path, content, message):
    f = tmp_path / "bad.docx"
    f.write_bytes(content)
    code, out, err = run("text", f)
    if "not built" in err:
        pytest.skip("not run: built without .docx support")
    assert (code, out, err) == (1, "", message.format(f=f))


def test_import_text_and_refs_read_a_docx_like_the_text(tmp_path):
    if not supported("docx", tmp_path):
        pytest.skip("not run: built without .docx support")
    text = FOUNDING.read_text(encoding="utf-8")
    f = tmp_path / "plan.docx"
    f.write_bytes(docx_of(text.splitlines()))
    # The .docx gives the paragraphs separated by blank lines; so does a text with them.
    paragraphs = tmp_path / "plan.txt"
    paragraphs.write_text("\n\n".join(l for l in text.splitlines() if l.strip()) + "\n",
                          encoding="utf-8")
    code_docx, out_docx, err_docx = run("import-text", f)
    code_text, out_text, err_text = run("import-text", paragraphs)
    assert out_docx == out_text and code_docx == code_text
    assert err_docx == f"danvan import-text: read {f} as docx\n" + err_text
    code, refs_docx, err = run("refs", f)
    assert code == 0 and err == f"danvan refs: read {f} as docx\n"
    assert refs_docx == run("refs", paragraphs)[1]
    assert refs_docx  # the founding text cites documents
