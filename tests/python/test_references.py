"""References in text (find_references, resolve_references, resolve_issuer, annotate_markdown)
and drafting a plan from text (import_plan_text)."""

import copy
import json
import pickle
import unicodedata

import pytest

import danvan
from conftest import CATALOGUE_PATH, ROOT, eval_repr

TEXT_PATH = ROOT / "tests" / "data" / "phu-yen-2020-nam-dan-van-kheo.txt"
# The id import_plan_text derives from the title "Kế hoạch thực hiện “Năm dân vận khéo” 2020
# trong các cơ quan ...".
PLAN_ID = "ke-hoach-thuc-hien-nam-dan-van-kheo-2020-trong-cac-co-quan"

# What `danvan refs --json` prints, key for key.
CLI_KEYS = ["surface", "start", "end", "byte_start", "byte_end", "type", "type_label",
            "type_code", "number",
            "symbol", "symbol_surface", "repaired", "is_self", "name", "issuer", "date", "year", "term", "period", "resolved_id"]

FOUNDING_REFERENCES = [
    ("Chương trình phối hợp số 79 giữa Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ",
     "ctr-79-bdvtw-bcsdcp-2016"),
    ("Chương trình phối hợp số 05 của Ban Dân vận Tỉnh ủy và Ban Cán sự Đảng UBND tỉnh",
     "ctr-05-phu-yen-2017"),
    ("Kế hoạch số 35 của UBND tỉnh", "kh-35-ubnd-phu-yen-2020"),
    ("Quyết định 217 của Bộ Chính trị (khóa XI)", "qd-217-bct-2013"),
    ("Chỉ thị số 26 của Thủ tướng Chính phủ", "ct-26-ttg-2016"),
    ("Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy", "ct-23-btvtu-phu-yen"),
    ("Chỉ thị 23 của UBND tỉnh", "ct-23-ubnd-phu-yen"),
]


@pytest.fixture(scope="module")
def text() -> str:
    return TEXT_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def catalogue() -> danvan.InstrumentCatalogue:
    return danvan.load_catalogue(CATALOGUE_PATH)


# ---- finding ------------------------------------------------------------------------------------

def test_founding_text_is_nfc_and_its_references_slice_it(text):
    assert danvan.is_nfc(text)
    refs = danvan.find_references(text)
    assert [r.surface for r in refs] == [s for s, _ in FOUNDING_REFERENCES]
    data = text.encode("utf-8")
    for r in refs:
        # Code-point offsets index the Python str, byte offsets its UTF-8.
        assert text[r.start:r.end] == r.surface
        assert data[r.byte_start:r.byte_end].decode("utf-8") == r.surface
        assert r.span == danvan.TextSpan(start=r.start, end=r.end, byte_start=r.byte_start,
                                         byte_end=r.byte_end)
        # Without a catalogue nothing is resolved.
        assert r.status is danvan.ResolutionStatus.unresolved
        assert r.resolved_id is None and r.issuer_ids == () and r.candidate_ids == ()
    starts = [r.start for r in refs]
    assert starts == sorted(starts)


def test_attributes_of_the_founding_references(text):
    refs = danvan.find_references(text)
    ctr79, ctr05, kh35, qd217, ct26, ct23_party, ct23_state = refs
    assert ctr79.type is danvan.DocumentType.programme
    assert ctr79.type_code == "CTr"
    assert ctr79.number == "79"
    assert ctr79.issuer == "Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ"
    # The period comes from the same clause without widening the span.
    assert ctr79.period == danvan.YearRange(2016, 2021)
    assert "giai đoạn" not in ctr79.surface
    assert ctr05.number == "05"  # as written, leading zero kept
    assert ctr05.period == danvan.YearRange(2017, 2021)
    assert kh35.type is danvan.DocumentType.plan and kh35.number == "35"
    assert kh35.issuer == "UBND tỉnh" and kh35.period is None
    assert qd217.type is danvan.DocumentType.decision
    assert qd217.issuer == "Bộ Chính trị" and qd217.term == "XI"
    assert ct26.type is danvan.DocumentType.directive and ct26.type_code == "CT"
    assert ct26.issuer == "Thủ tướng Chính phủ"
    assert (ct23_party.number, ct23_party.issuer) == ("23", "Ban Thường vụ Tỉnh ủy")
    assert (ct23_state.number, ct23_state.issuer) == ("23", "UBND tỉnh")
    for r in refs:
        assert r.symbol is None and r.date is None and r.year is None and r.name is None


def test_symbol_date_year_and_term():
    text = "Theo Quyết định 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI) về giám sát."
    (r,) = danvan.find_references(text)
    assert r.surface == "Quyết định 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)"
    assert text[r.start:r.end] == r.surface
    assert r.symbol == danvan.parse_symbol("217-QĐ/TW")
    assert r.symbol.family is danvan.DocumentFamily.party
    assert r.number == "217"
    assert r.date == danvan.PartialDate(2013, 12, 12)
    assert r.date.precision is danvan.DatePrecision.day
    assert r.year == 2013
    assert r.term == "XI"
    assert r.issuer == "Bộ Chính trị"
    assert json.loads(r.to_json()) == {
        "surface": r.surface, "start": 5, "end": 5 + len(r.surface), "byte_start": 5,
        "byte_end": 5 + len(r.surface.encode()), "type": "decision", "type_label": "Quyết định",
        "type_code": "QĐ",
        "number": "217", "symbol": "217-QĐ/TW", "symbol_surface": "217-QĐ/TW",
        "repaired": False, "is_self": False, "name": None, "issuer": "Bộ Chính trị",
        "date": "2013-12-12", "year": 2013, "term": "XI", "period": None, "resolved_id": None,
    }


def test_standalone_symbol_and_law_named_by_year():
    refs = danvan.find_references(
        "Thực hiện 26/CT-TTg và Luật Khiếu nại năm 2011; Điều 26 không phải văn bản.")
    assert [r.surface for r in refs] == ["26/CT-TTg", "Luật Khiếu nại năm 2011"]
    symbol, law = refs
    assert symbol.type is danvan.DocumentType.directive
    assert symbol.symbol.canonical() == "26/CT-TTg" and symbol.number == "26"
    assert law.type is danvan.DocumentType.law
    assert law.number is None and law.name == "Luật Khiếu nại" and law.year == 2011
    assert law.type_code == ""


def test_to_json_has_exactly_the_cli_keys(text, catalogue):
    for r in danvan.find_references(text, catalogue):
        d = json.loads(r.to_json())
        assert list(d) == CLI_KEYS
        assert d["surface"] == r.surface
        assert (d["start"], d["end"], d["byte_start"], d["byte_end"]) == (
            r.start, r.end, r.byte_start, r.byte_end)
        assert d["type"] == r.type.value  # the slug, as every danvan JSON spells it
        assert d["type_label"] == danvan.info(r.type).name == r.type_label  # "Chỉ thị"
        assert d["resolved_id"] == r.resolved_id
    ctr79 = danvan.find_references(text, catalogue)[0]
    assert json.loads(ctr79.to_json()) == {
        "surface": FOUNDING_REFERENCES[0][0], "start": 1358, "end": 1442, "byte_start": 1842,
        "byte_end": 1952, "type": "programme", "type_label": "Chương trình", "type_code": "CTr",
        "number": "79",
        "symbol": None, "symbol_surface": None, "repaired": False, "is_self": False,
        "name": None, "issuer": "Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ",
        "date": None, "year": None, "term": None, "period": "2016-2021",
        "resolved_id": "ctr-79-bdvtw-bcsdcp-2016",
    }
    assert danvan.Reference.from_json_dict(json.loads(ctr79.to_json())).resolved_id == ctr79.resolved_id
    assert ctr79.to_json().endswith("}\n")


def test_nothing_found_in_counts_dates_and_bare_years():
    assert danvan.find_references("Điều 26, 35%, ngày 10/4/2020 và Kế hoạch 2020.") == []
    assert danvan.find_references("") == []


# ---- offsets on non-NFC input -------------------------------------------------------------------

def test_non_nfc_input_offsets_refer_to_the_nfc_form():
    nfc = "Căn cứ Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy về kỷ cương."
    nfd = unicodedata.normalize("NFD", nfc)
    assert not danvan.is_nfc(nfd) and len(nfd) > len(nfc)
    (r,) = danvan.find_references(nfd)
    assert r.surface == "Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy"
    assert danvan.is_nfc(r.surface)  # the surface is NFC whatever the input
    # The offsets count code points of the NFC text: slicing the NFD str with them misses.
    assert nfd[r.start:r.end] != r.surface
    assert danvan.normalize_nfc(nfd)[r.start:r.end] == r.surface
    assert r == danvan.find_references(nfc)[0]


def test_bytes_input_and_malformed_utf8():
    text = "Chỉ thị số 26 của Thủ tướng Chính phủ"
    assert danvan.find_references(text.encode()) == danvan.find_references(text)
    with pytest.raises(danvan.ParseError) as e:
        danvan.find_references(b"Ch\xff th\xe1\xbb\x8b s\xe1\xbb\x91 26")
    assert e.value.offset == 2
    assert str(e.value) == (
        'cannot parse "Ch\\xFF thị số 26" at offset 2: invalid UTF-8 byte 0xFF: never used in UTF-8')
    with pytest.raises(danvan.ParseError) as e:
        danvan.import_plan_text(b"UBND t\xe1\xbb")
    assert e.value.offset == 6


def test_str_with_a_lone_surrogate_is_refused():
    # A str that has no UTF-8 form is not accepted as text at all.
    with pytest.raises(TypeError):
        danvan.find_references("Chỉ thị số 26 \ud800")


# ---- resolution ---------------------------------------------------------------------------------

def test_founding_references_resolve_and_the_two_directives_23_stay_apart(text, catalogue):
    refs = danvan.find_references(text, catalogue)
    assert [(r.surface, r.resolved_id) for r in refs] == FOUNDING_REFERENCES
    assert all(r.status is danvan.ResolutionStatus.resolved for r in refs)
    ct23_party, ct23_state = refs[5], refs[6]
    assert ct23_party.resolved_id != ct23_state.resolved_id
    party = catalogue.instrument(ct23_party.resolved_id)
    state = catalogue.instrument(ct23_state.resolved_id)
    assert party.family is danvan.DocumentFamily.party
    assert state.family is danvan.DocumentFamily.state
    assert ct23_party.issuer_ids == tuple(party.issuer_ids)
    assert ct23_state.issuer_ids == tuple(state.issuer_ids)


def test_ambiguous_when_nothing_tells_the_candidates_apart(catalogue):
    (r,) = danvan.find_references("Thực hiện Chỉ thị số 23 về kỷ luật.", catalogue)
    assert r.status is danvan.ResolutionStatus.ambiguous
    assert r.resolved_id is None
    assert sorted(r.candidate_ids) == ["ct-23-btvtu-phu-yen", "ct-23-ubnd-phu-yen"]
    assert r.to_dict()["resolved_id"] is None


def test_unresolved_when_the_catalogue_lacks_it(catalogue):
    (r,) = danvan.find_references("Chỉ thị số 99 của Thủ tướng Chính phủ", catalogue)
    assert r.status is danvan.ResolutionStatus.unresolved
    assert r.resolved_id is None and r.candidate_ids == ()
    assert r.issuer_ids == ("thu-tuong-chinh-phu",)


def test_resolve_references_returns_resolved_copies(text, catalogue):
    found = danvan.find_references(text)
    resolved = danvan.resolve_references(found, catalogue, text)
    assert [r.resolved_id for r in resolved] == [i for _, i in FOUNDING_REFERENCES]
    assert all(r.status is danvan.ResolutionStatus.unresolved for r in found)  # untouched
    assert resolved == danvan.find_references(text, catalogue)
    assert danvan.resolve_references((), catalogue) == []


def test_resolve_references_refuses_a_backwards_span(catalogue):
    bad = danvan.Reference(span=danvan.TextSpan(start=5, end=2), surface="x")
    with pytest.raises(danvan.ValueError) as e:
        danvan.resolve_references([bad], catalogue)
    assert str(e.value) == "references[0]: span ends before it starts"


def test_resolve_issuer(text, catalogue):
    assert danvan.resolve_issuer("Thủ tướng Chính phủ", catalogue) == ["thu-tuong-chinh-phu"]
    # The written words are the first words of the issuer's name.
    assert danvan.resolve_issuer("Thủ tướng", catalogue) == ["thu-tuong-chinh-phu"]
    # "UBND tỉnh" denotes two provinces' committees; the context text narrows it.
    assert danvan.resolve_issuer("UBND tỉnh", catalogue) == ["ubnd-tinh-phu-yen",
                                                             "ubnd-tinh-dak-lak"]
    assert danvan.resolve_issuer("UBND tỉnh", catalogue, text) == ["ubnd-tinh-phu-yen"]
    assert danvan.resolve_issuer(b"UBND t\xe1\xbb\x89nh", catalogue, "tỉnh Phú Yên") == [
        "ubnd-tinh-phu-yen"]
    assert danvan.resolve_issuer("Cục Không tồn tại", catalogue) == []


# ---- annotation ---------------------------------------------------------------------------------

def test_annotate_markdown(catalogue):
    text = "Thực hiện Chỉ thị số 26 của Thủ tướng Chính phủ và Chỉ thị số 23; Chỉ thị số 99."
    refs = danvan.find_references(text, catalogue)
    assert danvan.annotate_markdown(text, refs) == (
        "Thực hiện **Chỉ thị số 26 của Thủ tướng Chính phủ** [ct-26-ttg-2016] và "
        "**Chỉ thị số 23** [ambiguous: ct-23-btvtu-phu-yen, ct-23-ubnd-phu-yen]; "
        "**Chỉ thị số 99** [Chỉ thị 99].")
    assert danvan.annotate_markdown(text, []) == text
    # NFD text is annotated in NFC, as the offsets refer to it.
    nfd = unicodedata.normalize("NFD", text)
    assert danvan.annotate_markdown(nfd, danvan.find_references(nfd, catalogue)) == \
        danvan.annotate_markdown(text, refs)


def test_annotate_markdown_refuses_references_it_would_misread():
    text = "Chỉ thị số 26"
    (r,) = danvan.find_references(text)
    r.status = danvan.ResolutionStatus.resolved
    with pytest.raises(danvan.ValueError) as e:
        danvan.annotate_markdown(text, [r])
    assert str(e.value) == "references[0]: status is resolved but resolved_id is None"
    far = danvan.Reference(span=danvan.TextSpan(start=0, end=40, byte_start=0, byte_end=40))
    with pytest.raises(danvan.ValueError) as e:
        danvan.annotate_markdown(text, [danvan.find_references(text)[0], far])
    assert str(e.value) == (
        "references[1]: byte_end 40 is past the end of the text (19 bytes in NFC)")


# ---- the Python objects -------------------------------------------------------------------------

def test_reference_is_a_value_object(catalogue):
    (r,) = danvan.find_references(
        "Quyết định 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)", catalogue)
    assert eval_repr(r) == r
    assert repr(r).startswith("Reference(span=TextSpan(end=")
    assert pickle.loads(pickle.dumps(r)) == r
    assert copy.copy(r) == r and copy.deepcopy(r) == r
    other = copy.copy(r)
    other.term = "XII"
    assert other != r and r.term == "XI"
    # Sequences read as tuples of copies; assign to change them.
    with pytest.raises(AttributeError):
        r.issuer_ids.append("x")  # type: ignore[attr-defined]
    other.candidate_ids = ["a", "b"]
    assert other.candidate_ids == ("a", "b")
    span = copy.copy(r.span)  # a detached copy (r.span itself stays attached to r)
    span.start = 99
    assert r.start == 0
    with pytest.raises(AttributeError):
        r.start = 3  # type: ignore[misc]
    assert repr(danvan.Reference()) == "Reference()"
    assert danvan.Reference().type is danvan.DocumentType.official_letter


def test_text_span():
    s = danvan.TextSpan(start=1, end=4, byte_start=1, byte_end=6)
    assert repr(s) == "TextSpan(start=1, end=4, byte_start=1, byte_end=6)"
    assert eval_repr(s) == s and pickle.loads(pickle.dumps(s)) == s
    assert s != danvan.TextSpan()
    with pytest.raises(TypeError):
        danvan.TextSpan(1, 4)  # keyword-only
    with pytest.raises(TypeError):
        danvan.TextSpan(start=-1)


def test_resolution_status_enum():
    assert [m.value for m in danvan.ResolutionStatus] == ["unresolved", "resolved", "ambiguous"]
    assert danvan.ResolutionStatus("ambiguous") is danvan.ResolutionStatus.ambiguous
    assert repr(danvan.ResolutionStatus.resolved) == "ResolutionStatus.resolved"


def test_reference_dates_across_a_year_boundary_and_partial_dates():
    r = danvan.Reference(date=danvan.PartialDate(2019, 12, 31), year=2019)
    assert r.to_dict()["date"] == "2019-12-31"
    r.date = danvan.PartialDate(2020, 1)
    assert r.to_dict()["date"] == "2020-01" and r.date.precision is danvan.DatePrecision.month
    r.date = danvan.PartialDate(2020)
    assert r.to_dict()["date"] == "2020"
    assert pickle.loads(pickle.dumps(r)).date == danvan.PartialDate(2020)


# ---- import_plan_text ---------------------------------------------------------------------------

def test_import_plan_text_with_the_catalogue(text, catalogue):
    result = danvan.import_plan_text(text, catalogue)
    plan = result.plan
    plan.validate()
    assert plan.id == PLAN_ID
    assert plan.period.from_ == plan.period.to == danvan.PartialDate(2020)
    assert [t.number for t in plan.task_areas] == [1, 2, 3, 4, 5]
    cited = [c.instrument_id for t in plan.task_areas for c in t.citations]
    assert cited == [i for _, i in FOUNDING_REFERENCES]
    assert plan.scope == (danvan.UnitKind.administrative_agency,
                          danvan.UnitKind.public_service_unit)
    assert plan.source.published == danvan.PartialDate(2020, 4, 10)
    assert plan.source.author == "Thủy Loan"
    assert result.undetermined == (
        'legal_bases: no "Căn cứ" paragraph',
        "symbol: the text does not state the plan's number",
        "issue_date: the text does not state the date the plan was issued",
        "milestones: not drafted; add the events the plan works toward by hand",
        "task areas: lead and participating units are not drafted",
    )


def test_import_plan_text_options_and_value_semantics(text, catalogue):
    without = danvan.import_plan_text(text, id="ke-hoach-2020")
    assert without.plan.id == "ke-hoach-2020"
    # Without a catalogue every cited instrument is drafted from the text.
    assert len(without.plan.catalogue.instruments) >= len(FOUNDING_REFERENCES)
    result = danvan.import_plan_text(text, catalogue)
    assert result == danvan.import_plan_text(text, catalogue)
    assert result != without
    assert pickle.loads(pickle.dumps(result)) == result
    assert copy.deepcopy(result) == result
    assert repr(result).startswith(f"ImportResult(plan=Plan(id='{PLAN_ID}'")
    empty = danvan.ImportResult()
    assert empty.undetermined == () and repr(empty) == "ImportResult()"
    with pytest.raises(AttributeError):
        result.undetermined.append("x")  # type: ignore[attr-defined]


def test_import_plan_text_of_a_text_without_a_plan():
    result = danvan.import_plan_text("Thống kê truy cập\n\nHôm nay:\n")
    assert result.plan.title == ""
    assert result.undetermined
    with pytest.raises(danvan.ValueError):
        result.plan.validate()


# --- name in to_dict, from_dict, lists and bare official letters


def test_to_dict_name_of_law_named_without_year():
    [law, plenum] = danvan.find_references(
        "Theo Luật Tiếp công dân và Nghị quyết Trung ương 4 (khóa XII).")
    assert law.to_dict()["name"] == "Luật Tiếp công dân"
    assert (law.to_dict()["number"], json.loads(law.to_json())["type_label"]) == (None, "Luật")
    assert json.loads(law.to_json())["type"] == "law"
    assert law.to_dict()["type"] == "law"
    assert plenum.to_dict()["name"] == "Nghị quyết Trung ương 4"
    assert list(json.loads(law.to_json())) == CLI_KEYS


def test_from_dict_round_trips_to_dict(text, catalogue):
    sample = ("Căn cứ các Quyết định số 217 - QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị "
              "(khóa XI); Luật Khiếu nại năm 2011; Chương trình số 7 giai đoạn 2021 - 2025; "
              "Công văn số 143/UBND-VP; Nghị quyết số 07-NQ/ĐU tháng 3 năm 2022; Hiến pháp.")
    refs = danvan.find_references(sample)
    assert len(refs) == 7
    for r in refs:
        back = danvan.Reference.from_dict(r.to_dict())
        assert back == r
        assert back.to_dict() == r.to_dict()
        assert danvan.Reference.from_json_dict(r.to_json_dict()) == r
    # Resolved references: to_dict() holds every attribute (issuer_ids, status, ...).
    for r in danvan.find_references(text, catalogue):
        back = danvan.Reference.from_dict(r.to_dict())
        assert back == r and back.status is danvan.ResolutionStatus.resolved
        # The JSON form (danvan refs --json) has no issuer_ids: the status follows resolved_id.
        back = danvan.Reference.from_json_dict(json.loads(r.to_json()))
        assert back.status is danvan.ResolutionStatus.resolved and back.issuer_ids == ()
    # Absent optional keys of the JSON form read as None.
    minimal = {"surface": "Chỉ thị số 26", "start": 0, "end": 13, "byte_start": 0,
               "byte_end": 15, "type": "directive", "type_code": "CT"}
    r = danvan.Reference.from_json_dict(minimal)
    assert (r.type, r.number, r.symbol, r.name, r.status) == (
        danvan.DocumentType.directive, None, None, None, danvan.ResolutionStatus.unresolved)
    # Output written before "type_label" had the Vietnamese name as "type": still read.
    assert danvan.Reference.from_json_dict(dict(minimal, type="Chỉ thị")) == r
    assert danvan.Reference.from_json_dict(dict(minimal, period="2016-2021")).period == \
        danvan.YearRange(2016, 2021)


def test_from_json_problems():
    """The JSON form (danvan refs --json) is read strictly; to_dict()'s attribute form is
    read by the constructor."""
    good = danvan.find_references("Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ")[0]
    data = json.loads(good.to_json())
    with pytest.raises(danvan.JsonError) as e:
        danvan.Reference.from_json_dict((dict(data, type="Chỉ thịt", symbol="26/CT-", start=-1,
                                        year=1800, period="2021-2016", extra=1)))
    assert e.value.problems == [
        ("/start", "-1 is out of range 0..9007199254740992"),
        ("/type", 'unknown document type "Chỉ thịt" (expected a slug such as "directive", or '
                  'a Vietnamese name such as "Chỉ thị")'),
        ("/symbol", "cannot parse \"26/CT-\" at offset 6: expected an issuer code after '-'"),
        ("/year", "1800 is out of range 1900..2200"),
        ("/period", 'expected a period "YYYY-YYYY" (years 1900..2200, the first not after the '
                    'last), got "2021-2016"'),
        ("/extra", 'unknown key "extra"'),
    ]
    assert e.value.pointer == "/start"
    with pytest.raises(danvan.JsonError) as e:
        danvan.Reference.from_json_dict((dict(data, start=5, end=1, byte_start=5, byte_end=2,
                                        date="2016-13-01", surface=None, period="2016/2021")))
    assert e.value.problems == [
        ("/surface", "expected a string, got null"),
        ("/date", 'invalid date "2016-13-01": month 13 is out of range 1..12'),
        ("/period", 'expected a period "YYYY-YYYY" (years 1900..2200, the first not after the '
                    'last), got "2016/2021"'),
        ("/end", "end 1 is before start 5"),
        ("/byte_end", "byte_end 2 is before byte_start 5")]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Reference.from_json_dict([1])
    assert e.value.problems == [("", "expected an object, got an array")]
    with pytest.raises(danvan.JsonError) as e:
        danvan.Reference.from_json_dict(({k: v for k, v in data.items() if k != "type_code"}))
    assert e.value.problems == [("", 'missing required key "type_code"')]
    with pytest.raises(TypeError, match="^Reference\\(\\) got an unexpected keyword argument 'start'$"):
        danvan.Reference.from_dict(data)
    with pytest.raises(TypeError, match="^Reference.from_dict\\(\\) argument 'data': expected dict, got list$"):
        danvan.Reference.from_dict([1])


def test_number_list_and_bare_official_letter():
    refs = danvan.find_references("Chỉ thị số 23, 26 và 30 của Thủ tướng Chính phủ; theo (143/UBND-VP).")
    assert [r.surface for r in refs] == ["Chỉ thị số 23", "26", "30 của Thủ tướng Chính phủ",
                                         "143/UBND-VP"]
    assert [r.issuer for r in refs[:3]] == ["Thủ tướng Chính phủ"] * 3
    assert refs[3].type is danvan.DocumentType.official_letter
    assert refs[3].symbol == danvan.parse_symbol("143/UBND-VP")
    assert danvan.find_references("Tháng 12/2020 có 5/7 xã, khu phố 5/KP3.") == []


def test_repaired_symbol_and_own_number():
    refs = danvan.find_references(
        "Số: 19/KH-UBND\nThực hiện Nghị định số 40/2020/NĐCP và Quyết định 218 QĐ/TW.")
    assert [(r.surface, r.symbol.canonical(), r.symbol.surface, r.repaired, r.is_self)
            for r in refs] == [
        ("Số: 19/KH-UBND", "19/KH-UBND", "19/KH-UBND", False, True),
        ("Nghị định số 40/2020/NĐCP", "40/2020/NĐ-CP", "40/2020/NĐCP", True, False),
        ("Quyết định 218 QĐ/TW", "218-QĐ/TW", "218 QĐ/TW", True, False)]
    decree = refs[1]
    assert (json.loads(decree.to_json())["symbol_surface"], decree.to_json_dict()["repaired"]) == (
        "40/2020/NĐCP", True)
    back = danvan.Reference.from_json_dict(decree.to_json_dict())
    assert back == decree and back.repaired and back.symbol.surface == "40/2020/NĐCP"
    assert pickle.loads(pickle.dumps(refs[0])).is_self
    assert "repaired=True" in repr(decree) and "is_self" not in repr(decree)
    built = danvan.Reference(surface="Số: 5/KH-UBND", symbol=danvan.parse_symbol("5/KH-UBND"),
                             is_self=True)
    assert (built.is_self, built.repaired) == (True, False)
    with pytest.raises(danvan.JsonError) as e:
        danvan.Reference.from_json_dict((dict(json.loads(decree.to_json()), symbol=None,
                                                   is_self=1)))
    assert e.value.problems == [
        ("/is_self", "expected a boolean, got an integer"),
        ("/symbol_surface", "symbol_surface is given but symbol is null"),
        ("/repaired", "repaired is true but symbol is null")]


def test_one_spelling_of_the_type_with_the_label_beside_it(text, catalogue):
    """The document type is spelt as the enum's value everywhere (to_dict, to_json, the CLI's
    --json), its Vietnamese name is `type_label` (issue 12 point 10)."""
    (r,) = danvan.find_references("Thực hiện Chỉ thị số 26/CT-TTg ngày 05/9/2016.")
    assert r.type == "directive" and r.type is danvan.DocumentType.directive
    assert r.type_label == "Chỉ thị"
    assert r.to_dict()["type"] == "directive" and "type_label" not in r.to_dict()
    data = json.loads(r.to_json())
    assert (data["type"], data["type_label"]) == ("directive", "Chỉ thị")
    assert r.to_json_dict() == data
    r.type = "decision"  # the label follows the type
    assert r.type_label == "Quyết định"
    assert json.loads(r.to_json())["type_label"] == "Quyết định"
    # A label that is not the type's is refused with its pointer; an absent one is fine.
    with pytest.raises(danvan.JsonError) as e:
        danvan.Reference.from_json_dict(dict(data, type_label="Quyết định"))
    assert e.value.problems == [
        ("/type_label", '"Quyết định" is not the label of the type "directive", "Chỉ thị"')]
    del data["type_label"]
    assert danvan.Reference.from_json_dict(data).type_label == "Chỉ thị"
    for ref in danvan.find_references(text, catalogue):
        assert ref.type_label == danvan.info(ref.type).name

