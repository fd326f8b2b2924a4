"""End-to-end tests of `danvan units` on the bundled national register (run by ctest)."""
import os
import pathlib
import subprocess

CLI = os.environ.get("DANVAN_CLI", "build/tools/danvan")
ROOT = pathlib.Path(os.environ.get("DANVAN_SOURCE_DIR", "."))
UNITS = ROOT / "data/units/national/units.json"


def run(*args):
    p = subprocess.run([CLI, "units", *map(str, args)], capture_output=True, text=True,
                       timeout=60)
    return p.returncode, p.stdout, p.stderr


def test_find_as_people_write_it():
    code, out, err = run("find", "P. Tuy Hoà", "--units", UNITS, "--as-of", "2026-01-01")
    assert (code, err) == (0, "")
    assert out == "22015\tc22015-20250701\tPhường Tuy Hòa\tTỉnh Đắk Lắk\t2025-07-01\t…\n"


def test_find_lists_every_candidate_of_an_ambiguous_name():
    code, out, _ = run("find", "xã Hòa An", "--units", UNITS)
    assert code == 0
    lines = out.splitlines()
    # Hòa An of huyện Phú Hòa (split in 2025) and of huyện Krông Pắc, and the 2025 commune.
    assert "22315\tc22315\tXã Hòa An\tHuyện Phú Hoà\t…\t2025-06-30" in lines
    assert "24511\tc24511\tXã Hòa An\tHuyện Krông Pắc\t…\t2025-06-30" in lines
    assert len(lines) >= 3


def test_what_is_a_2023_commune_today():
    code, out, err = run("successors", "22048", "--as-of", "2023-01-01", "--on", "2026-01-01",
                         "--units", UNITS)
    assert (code, err) == (0, "")
    assert out.split("\t")[2] == "Phường Tuy Hòa"


def test_what_did_a_2026_commune_come_from():
    code, out, err = run("predecessors", "c22240-20250701", "--on", "2025-06-30",
                         "--units", UNITS)
    assert (code, err) == (0, "")
    names = [line.split("\t")[2] for line in out.splitlines()]
    # 1660/NQ-UBTVQH15 khoản 89 (phường Phú Yên); Hòa Hiệp Bắc and Hòa Bình 1 only in part.
    assert sorted(names) == sorted(["Phường Phú Đông", "Phường Phú Lâm", "Phường Phú Thạnh",
                                    "Xã Hòa Thành", "Phường Hòa Hiệp Bắc", "Xã Hòa Bình 1"])


def test_count_on_a_day():
    code, out, _ = run("count", "--as-of", "2025-07-01", "--units", UNITS)
    assert code == 0
    assert out == "province\t34\ndistrict\t0\ncommune\t3321\n"


def test_errors():
    code, _, err = run("find", "Tuy Hòa")
    assert code == 2 and "--units FILE is required" in err
    code, _, err = run("successors", "22048", "--units", UNITS)
    assert code == 2 and "successors needs --on DAY" in err
    code, _, err = run("successors", "99999", "--on", "2026-01-01", "--units", UNITS)
    assert code == 1
    assert err == 'danvan units: no unit has id or code "99999" on 2026-01-01\n'
    code, _, err = run("find", "Atlantis", "--units", UNITS, "--as-of", "2025-07-01")
    assert code == 1 and err == 'danvan units: no unit named "Atlantis" on 2025-07-01\n'
    code, _, err = run("move", "x", "--units", UNITS)
    assert code == 2 and 'unknown action "move"' in err
    code, _, err = run("count", "--as-of", "31/02/2025", "--units", UNITS)
    assert code == 2 and "--as-of:" in err
