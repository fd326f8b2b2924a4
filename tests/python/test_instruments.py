"""Issuers, instruments, identity and the catalogue."""

import copy
import pickle

import pytest

import danvan
from conftest import CATALOGUE_PATH, eval_repr

P, T, F = danvan.PartialDate, danvan.DocumentType, danvan.DocumentFamily


@pytest.fixture
def catalogue() -> danvan.InstrumentCatalogue:
    return danvan.load_catalogue(CATALOGUE_PATH)


def test_year_range():
    r = danvan.YearRange(2016, 2021)
    assert (r.first, r.last) == (2016, 2021)
    assert r == danvan.YearRange(first=2016, last=2021) and r != danvan.YearRange(2016, 2020)
    assert repr(r) == "YearRange(first=2016, last=2021)"
    assert eval_repr(r) == r
    assert r.to_dict() == {"first": 2016, "last": 2021}
    assert danvan.YearRange.from_dict({"first": 2016, "last": 2021}) == r
    assert r.to_json() == '{\n  "first": 2016,\n  "last": 2021\n}\n'
    assert danvan.YearRange.from_json(r.to_json()) == r
    r.last = 2025
    assert r.last == 2025
    with pytest.raises(danvan.JsonError) as e:
        danvan.YearRange.from_dict({"first": 2021, "last": 2016})
    assert e.value.problems == [("", "period runs backwards: 2021 to 2016")]
    with pytest.raises(danvan.JsonError) as e:
        danvan.YearRange.from_dict({"first": 1800, "last": "x"})
    assert e.value.problems == [("/first", "1800 is out of range 1900..2200"),
                                ("/last", "expected an integer, got a string")]


def test_issuer_fields_and_dict(catalogue_data):
    data = catalogue_data["issuers"][0]
    i = danvan.Issuer.from_json_dict(data)
    assert (i.id, i.name, i.code, i.parent_id, i.valid_from, i.valid_to, i.successor_ids) == (
        "ban-dan-van-trung-uong", "Ban Dân vận Trung ương", "BDVTW", None, None, P(2025),
        ("ban-tuyen-giao-va-dan-van-trung-uong",))
    assert i.to_json_dict() == data
    assert list(i.to_json_dict()) == list(data)  # canonical key order
    assert eval_repr(i) == i
    built = danvan.Issuer(id="ban-dan-van-trung-uong", name="Ban Dân vận Trung ương", code="BDVTW",
                          valid_to=P(2025), successor_ids=["ban-tuyen-giao-va-dan-van-trung-uong"])
    assert built == i
    assert repr(danvan.Issuer(id="x", name="X")) == "Issuer(id='x', name='X')"


def test_instrument_fields_and_dict(catalogue_data):
    for data in catalogue_data["instruments"]:
        assert danvan.Instrument.from_json_dict(data).to_json_dict() == data
    data = catalogue_data["instruments"][0]
    i = danvan.Instrument.from_json_dict(data)
    assert (i.id, i.type, i.family, i.number, i.issuer_ids, i.date, i.term, i.period, i.title) == (
        "ctr-79-bdvtw-bcsdcp-2016", T.programme, F.party, "79",
        ("ban-dan-van-trung-uong", "ban-can-su-dang-chinh-phu"), P(2016, 10, 11), None,
        danvan.YearRange(2016, 2021), "Về phối hợp thực hiện công tác dân vận")
    assert i.symbol == danvan.parse_symbol("79-CTr/BDVTW-BCSĐCP")
    assert eval_repr(i) == i
    assert repr(danvan.Instrument()) == "Instrument()"


def test_instrument_from_dict_problems(catalogue_data):
    data = dict(catalogue_data["instruments"][0], symbol="80-CTr/BDVTW-BCSĐCP", type="bogus")
    with pytest.raises(danvan.JsonError) as e:
        danvan.Instrument.from_json_dict(data)
    assert e.value.problems == [
        ("/type", 'unknown document type "bogus"; expected one of '
                  + ", ".join(t.value for t in danvan.DocumentType)),
        ("/symbol", 'symbol "80-CTr/BDVTW-BCSĐCP" has number 80, but number is 79')]
    assert e.value.pointer == "/type"
    data = dict(catalogue_data["instruments"][0], symbol="80-CTr/BDVTW-BCSĐCP")
    with pytest.raises(danvan.JsonError) as e:
        danvan.Instrument.from_json_dict(data)
    assert e.value.problems == [
        ("/symbol", 'symbol "80-CTr/BDVTW-BCSĐCP" has number 80, but number is 79')]


def test_identity():
    a = danvan.Instrument(id="a", type=T.directive, family=F.state, number="05",
                          issuer_ids=["y", "x", "y"], date=P(2020, 4))
    key = danvan.identity(a)
    assert key == danvan.InstrumentKey(("x", "y"), T.directive, F.state, "5", "2020-04")
    assert (key.issuer_ids, key.type, key.family, key.number, key.when) == (
        ("x", "y"), T.directive, F.state, "5", "2020-04")
    b = danvan.Instrument(id="b", type=T.directive, number="5", issuer_ids=["x", "y"], date=P(2020, 4))
    assert danvan.identity(b) == key and hash(danvan.identity(b)) == hash(key)
    c = danvan.Instrument(id="c", type=T.decision, family=F.party, number="217",
                          issuer_ids=["bo-chinh-tri"], term="XI")
    assert danvan.identity(c).when == "khóa XI"
    assert len({key, danvan.identity(b), danvan.identity(c)}) == 2
    assert sorted([key, danvan.identity(c)]) == sorted([danvan.identity(c), key])
    assert (key < danvan.identity(c)) != (key > danvan.identity(c))
    assert key <= key and key >= key and key != danvan.identity(c)
    assert eval_repr(key) == key
    assert pickle.loads(pickle.dumps(key)) == key
    with pytest.raises(AttributeError):
        key.number = "6"


def test_catalogue_queries(catalogue, catalogue_data):
    assert len(catalogue.issuers) == len(catalogue_data["issuers"])
    assert len(catalogue.instruments) == len(catalogue_data["instruments"])
    assert isinstance(catalogue.issuers, tuple) and isinstance(catalogue.instruments, tuple)
    assert [i.id for i in catalogue.instruments] == [i["id"] for i in catalogue_data["instruments"]]
    ct26 = catalogue.instrument("ct-26-ttg-2016")
    assert catalogue.find_instrument("ct-26-ttg-2016") == ct26
    assert catalogue.find_instrument("nothing") is None
    assert catalogue.find_issuer("thu-tuong-chinh-phu").code == "TTg"
    assert catalogue.find_issuer("nothing") is None
    assert catalogue.issuer("bo-chinh-tri").name == "Bộ Chính trị"
    assert catalogue.describe(ct26) == "Chỉ thị 26/CT-TTg ngày 05/09/2016 của Thủ tướng Chính phủ"
    assert catalogue.issuer_names(catalogue.instrument("ctr-79-bdvtw-bcsdcp-2016")) == (
        "Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ")
    assert catalogue.find_by_symbol(danvan.parse_symbol("Số 26/CT-TTg")) == [ct26]
    assert [i.id for i in catalogue.find_by_number(T.directive, "23")] == [
        "ct-23-btvtu-phu-yen", "ct-23-ubnd-phu-yen"]
    assert [i.id for i in catalogue.find_by_number(T.directive, "023", issuer_id="ubnd-tinh-phu-yen")] == [
        "ct-23-ubnd-phu-yen"]
    assert catalogue.find_by_number(T.decree, "23") == []


def test_catalogue_errors(catalogue):
    with pytest.raises(danvan.ValueError, match='^unknown issuer "x"$'):
        catalogue.issuer("x")
    with pytest.raises(danvan.ValueError) as e:
        catalogue.add_issuer(catalogue.issuers[0])
    assert str(e.value) == 'duplicate issuer id "ban-dan-van-trung-uong"'
    with pytest.raises(danvan.ValueError):
        catalogue.instrument("nothing")
    with pytest.raises(danvan.ValueError):
        catalogue.add_instrument(danvan.Instrument(id="x", issuer_ids=["nobody"]))
    with pytest.raises(danvan.ValueError):
        catalogue.add_issuer(danvan.Issuer(id="Bad Id", name="X"))


def test_catalogue_building_and_documents(catalogue, catalogue_text, catalogue_data):
    built = danvan.InstrumentCatalogue(issuers=catalogue.issuers, instruments=catalogue.instruments)
    assert built == catalogue
    empty = danvan.InstrumentCatalogue()
    empty.add_issuer(danvan.Issuer(id="x", name="X"))
    empty.add_instrument(danvan.Instrument(id="i", issuer_ids=["x"]))
    assert [i.id for i in empty.instruments] == ["i"]
    assert catalogue.to_json_dict() == catalogue_data
    assert danvan.InstrumentCatalogue.from_json_dict(catalogue_data) == catalogue
    assert catalogue.to_json() == catalogue_text
    assert danvan.InstrumentCatalogue.from_json(catalogue_text) == catalogue
    assert eval_repr(catalogue) == catalogue
    assert repr(danvan.InstrumentCatalogue()) == "InstrumentCatalogue()"
    for c in (copy.copy(catalogue), copy.deepcopy(catalogue), pickle.loads(pickle.dumps(catalogue))):
        assert c == catalogue


def test_catalogue_files(catalogue, tmp_path, catalogue_text):
    out = tmp_path / "catalogue.json"
    danvan.save_catalogue(catalogue, out)
    assert out.read_text(encoding="utf-8") == catalogue_text
    assert danvan.load_catalogue(str(out)) == catalogue
    with pytest.raises(danvan.IoError):
        danvan.save_catalogue(catalogue, tmp_path / "no" / "such" / "dir.json")


def test_is_valid_id():
    assert danvan.is_valid_id("ct-26-ttg-2016")
    assert not danvan.is_valid_id("-x") and not danvan.is_valid_id("A") and not danvan.is_valid_id("")
    assert not danvan.is_valid_id("x" * 101) and danvan.is_valid_id("x" * 100)
