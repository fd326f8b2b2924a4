"""Document types and symbols."""

import copy
import pickle

import pytest

import danvan
from conftest import eval_repr

T, F = danvan.DocumentType, danvan.DocumentFamily


def test_document_type_table():
    rows = danvan.document_types()
    assert [r.type for r in rows] == list(T)
    directive = danvan.info(T.directive)
    assert (directive.slug, directive.name, directive.state_code, directive.party_code) == (
        "directive", "Chỉ thị", "CT", "CT")
    assert danvan.info(T.rules).party_code == "QĐi"
    assert danvan.info(T.official_letter).state_code == ""
    for r in rows:
        assert r.slug == r.type.value
        assert danvan.info(r.type) == r
        assert danvan.DocumentTypeInfo(r.type) == r
    assert repr(directive) == "info(DocumentType.directive)"
    assert eval_repr(directive) == directive
    assert pickle.loads(pickle.dumps(directive)) == directive
    assert len(set(rows)) == len(rows)
    with pytest.raises(AttributeError):
        directive.name = "x"


def test_code_lookups():
    assert danvan.code_of(T.directive, F.state) == "CT"
    assert danvan.code_of(T.rules, F.state) == "QyĐ"
    assert danvan.code_of(T.rules, F.party) == "QĐi"
    assert danvan.code_of(T.official_letter, F.state) == ""
    assert danvan.type_from_code("CT", F.state) is T.directive
    assert danvan.type_from_code("TT", F.state) is T.circular
    assert danvan.type_from_code("TT", F.party) is T.circular_instruction
    assert danvan.type_from_code("QD", F.state) is None
    assert danvan.type_from_name("chi thi") is T.directive
    assert danvan.type_from_name("CHỈ THỊ") is T.directive
    assert danvan.type_from_name("nothing") is None
    assert danvan.type_from_name(b"\xff") is None


@pytest.mark.parametrize("text,canonical,family,dtype,issuers,year", [
    ("26/CT-TTg", "26/CT-TTg", F.state, T.directive, ("TTg",), None),
    ("Số: 26/CT-TTg", "26/CT-TTg", F.state, T.directive, ("TTg",), None),
    ("04/2015/NĐ-CP", "04/2015/NĐ-CP", F.legal, T.decree, ("CP",), 2015),
    ("02/2011/QH13", "02/2011/QH13", F.legal, None, ("QH13",), 2011),
    ("217-QĐ/TW", "217-QĐ/TW", F.party, T.decision, ("TW",), None),
    ("217/QĐ-TW", "217-QĐ/TW", F.party, T.decision, ("TW",), None),
    ("79-CTr/BDVTW-BCSĐCP", "79-CTr/BDVTW-BCSĐCP", F.party, T.programme, ("BDVTW", "BCSĐCP"), None),
    ("15/UBND-VX", "15/UBND-VX", F.state, T.official_letter, ("UBND", "VX"), None),
])
def test_parse_symbol(text, canonical, family, dtype, issuers, year):
    s = danvan.parse_symbol(text)
    assert s.canonical() == canonical and str(s) == canonical
    assert (s.family, s.type, s.issuers, s.year, s.surface) == (family, dtype, issuers, year, text)
    assert danvan.Symbol.parse(text) == s
    assert danvan.try_parse_symbol(text) == s
    assert eval_repr(s) == s


def test_symbol_hint_and_numeric():
    # A state-shaped symbol with a Party issuer is Party unless the hint says state.
    assert danvan.parse_symbol("23/CT-TU").canonical() == "23-CT/TU"
    assert danvan.parse_symbol("23/CT-TU", F.party).family is F.party
    s = danvan.parse_symbol("23/CT-TU", hint=F.state)
    assert s.canonical() == "23/CT-TU" and s.family is F.state
    assert repr(s) == "Symbol.parse('23/CT-TU', hint=DocumentFamily.state)"
    assert eval_repr(s) == s and eval_repr(s).family is F.state
    assert danvan.parse_symbol("23/CT-UBND", hint=F.party).family is F.state  # text decides
    assert danvan.parse_symbol("05/KH-UBND").numeric() == 5
    assert danvan.parse_symbol("12a/KH-UBND").number == "12a"


def test_symbol_parse_errors():
    with pytest.raises(danvan.ParseError) as e:
        danvan.parse_symbol("")
    assert str(e.value) == 'cannot parse "" at offset 0: empty symbol'
    with pytest.raises(danvan.ParseError) as e:
        danvan.parse_symbol("15/QD-UBND")
    assert e.value.reason == 'unknown document type code "QD" in a state symbol'
    assert e.value.offset == 3
    assert danvan.try_parse_symbol("15/QD-UBND") is None
    assert danvan.try_parse_symbol("") is None


def test_symbol_built_from_fields():
    s = danvan.Symbol(family=F.state, number="26", type=T.directive, type_code="CT", issuers=["TTg"])
    assert s == danvan.parse_symbol("26/CT-TTg")
    assert s.surface == ""
    # Without type_code the type's code is used for the canonical form; the repr still
    # rebuilds exactly these fields.
    t = danvan.Symbol(number="26", type=T.directive, issuers=("TTg",))
    assert t.canonical() == "26/CT-TTg"
    assert repr(t) == "Symbol(number='26', type=DocumentType.directive, issuers=('TTg',))"
    assert eval_repr(t).type_code == ""
    assert danvan.Symbol().canonical() == danvan.Symbol().canonical()


def test_symbol_mutation_and_equality():
    s = danvan.parse_symbol("26/CT-TTg")
    s.number = "27"
    s.issuers = ["TTg", "BNV"]
    assert s.canonical() == "27/CT-TTg-BNV"
    assert isinstance(s.issuers, tuple)
    with pytest.raises(AttributeError):
        s.issuers.append("X")
    assert danvan.parse_symbol("Số: 26/CT-TTg") == danvan.parse_symbol("26/CT-TTg")  # surface ignored
    assert danvan.parse_symbol("26/CT-TTg") != danvan.parse_symbol("27/CT-TTg")
    assert (danvan.parse_symbol("26/CT-TTg") == "26/CT-TTg") is False
    with pytest.raises(TypeError):
        hash(s)
    with pytest.raises(TypeError):
        s.issuers = "TTg"  # a str is not a sequence of issuer codes here


def test_symbol_copy_and_pickle():
    s = danvan.parse_symbol("Số: 26/CT-TTg")
    for c in (copy.copy(s), copy.deepcopy(s), pickle.loads(pickle.dumps(s))):
        assert c == s and c.surface == s.surface and c is not s
