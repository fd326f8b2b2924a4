"""The Vietnamese text helpers."""

import unicodedata

import pytest

import danvan

NFD = unicodedata.normalize("NFD", "Đặng Thị Hồng")


def test_normalize_nfc():
    assert danvan.normalize_nfc(NFD) == "Đặng Thị Hồng"
    assert danvan.is_nfc("Đặng Thị Hồng") and not danvan.is_nfc(NFD)
    assert danvan.normalize_nfc(NFD.encode()) == "Đặng Thị Hồng"  # bytes are read as UTF-8
    assert not danvan.is_nfc(b"\xff")


def test_fold():
    assert danvan.fold("Đặng Thị Hồng") == "dang thi hong"
    assert danvan.fold(NFD) == "dang thi hong"
    assert danvan.fold("CHỈ THỊ") == "chi thi"
    assert danvan.fold("Čech") == "cech"
    assert danvan.fold("中文") == "中文"


def test_squeeze_spaces():
    assert danvan.squeeze_spaces("  a \t\n b\u00a0\u3000c  ") == "a b c"
    assert danvan.squeeze_spaces("") == ""


def test_sort_keys_are_bytes_and_order_like_collation():
    words = ["b", "â", "ă", "a", "đ", "d", "e", "ê"]
    expected = ["a", "ă", "â", "b", "d", "đ", "e", "ê"]
    assert isinstance(danvan.sort_key("a"), bytes)
    assert sorted(words, key=danvan.sort_key) == expected
    assert danvan.sorted_vietnamese(words) == expected
    tones = ["mạ", "má", "mã", "mả", "mà", "ma"]
    assert danvan.sorted_vietnamese(tones) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_compare_vietnamese():
    assert danvan.compare_vietnamese("a", "ă") < 0
    assert danvan.compare_vietnamese("đ", "d") > 0
    assert danvan.compare_vietnamese(NFD, "Đặng Thị Hồng") == 0


def test_person_names():
    names = ["Trần Bình", "Nguyễn Văn An", "Phạm An", "Lê Thị Ánh"]
    assert danvan.sorted_person_names(names) == ["Phạm An", "Nguyễn Văn An", "Lê Thị Ánh", "Trần Bình"]
    assert isinstance(danvan.name_sort_key("Nguyễn Văn An"), bytes)
    assert sorted(names, key=danvan.name_sort_key) == danvan.sorted_person_names(names)
    assert danvan.name_sort_key("  Nguyễn   Văn An ") == danvan.name_sort_key("Nguyễn Văn An")


def test_sorted_take_any_iterable_and_return_new_lists():
    words = ["b", "a"]
    out = danvan.sorted_vietnamese(iter(words))
    assert out == ["a", "b"] and words == ["b", "a"]
    assert danvan.sorted_vietnamese(w for w in ("c", "b")) == ["b", "c"]
    assert danvan.sorted_person_names(("Trần Bình", "Phạm An")) == ["Phạm An", "Trần Bình"]
    assert danvan.sorted_vietnamese([]) == []
    with pytest.raises(TypeError, match="^texts must be str, got int$"):
        danvan.sorted_vietnamese(["a", 1])
    with pytest.raises(TypeError, match="^names must be str, got bytes$"):
        danvan.sorted_person_names([b"a"])


def test_collator():
    c = danvan.Collator()
    assert c.compare("a", "b") < 0 and c.compare("b", "a") > 0 and c.compare("a", "a") == 0
    assert c.sort_key("ă") == danvan.sort_key("ă")
    assert c.name_sort_key("Nguyễn Văn An") == danvan.name_sort_key("Nguyễn Văn An")
    assert repr(c) == "Collator()"


def test_malformed_utf8():
    for f in (danvan.fold, danvan.normalize_nfc, danvan.squeeze_spaces, danvan.sort_key,
              danvan.check_utf8, danvan.Collator().sort_key):
        with pytest.raises(danvan.ParseError) as e:
            f(b"\xc3")
        assert str(e.value) == ('cannot parse "\\xC3" at offset 0: invalid UTF-8 byte 0xC3: the '
                                'sequence is cut short by the end of the input')
    danvan.check_utf8("Đặng")
    danvan.check_utf8(b"ok")
