#!/usr/bin/env python3
"""Writes tests/corpus/heldout.jsonl: a held-out labelled corpus for `danvan refs --evaluate`.

Who and when: written on 2026-11-28 by a helper session ("CORPUS") of the danvan team,
without reading the reference finder's implementation, its tests or the other corpus
(tests/corpus/make_references_corpus.py), so that the labels are not tuned to the code. Only
the public API (include/danvan/references.hpp, include/danvan/document_type.hpp), the issue
that specifies the finder, DESIGN.md and the founding plan were read.

What: every passage below was written for this corpus, in the style of real Vietnamese
provincial plans (kế hoạch), reports (báo cáo), decisions and directives of 2010-2026. The
bodies named are real (Bộ Chính trị, Ban Bí thư, Thủ tướng Chính phủ, Ban Dân vận Trung ương,
Ủy ban Mặt trận Tổ quốc Việt Nam, Hội Liên hiệp Phụ nữ Việt Nam, Hội Nông dân, Đoàn Thanh
niên, provincial Party committees and People's Committees ...). The document numbers, dates
and subjects are invented for the corpus; a few coincide with instruments cited in DESIGN.md
(26/CT-TTg, 217-QĐ/TW, 04/2015/NĐ-CP, 79-CTr/BDVTW-BCSĐCP) and some may coincide with real
documents by chance. The corpus is sample data for measuring the finder: it is not a source
of facts about any document.

Output: one JSON object per line,
  {"id": N, "text": "...", "refs": [{"surface", "type", "number", "symbol", "issuer",
                                     "date", "year", "term", "period"}]}
`type` is a document-type slug of danvan (include/danvan/document_type.hpp).

Labelling conventions (what a careful reader of the document would mark):
- A reference is a citation of one identifiable document: a type word followed by a number or
  symbol ("Chỉ thị số 26", "Quyết định 217-QĐ/TW"), a full symbol standing alone
  ("26/CT-TTg"), or a law / code / constitution / ordinance named by its title, with or
  without a year ("Luật Khiếu nại năm 2011", "Luật Thực hiện dân chủ ở cơ sở"). A type word
  with no number ("Kế hoạch thực hiện ...", "Chỉ thị này", "Kế hoạch 2020", "Kế hoạch 5 năm",
  "Hướng dẫn 3 bước") is not a reference; nor are article numbers, counts, bare dates,
  percentages, phone and plate numbers, file codes, addresses.
- surface: starts at the type word (or at the symbol when no type word precedes it; a
  header's "Số:" label before a lone symbol is not included) and runs through the number or
  symbol and the attributes written right after it, in any order: the date ("ngày ...",
  "tháng 6 năm 2021", also after a comma), the issuer ("của X", "giữa X và Y"), the Party term
  ("(khóa XI)", "khóa XII") and a year ("năm 2023"). It stops before the subject ("về ...",
  "ban hành ...", "hướng dẫn ...") and never includes a period ("giai đoạn 2016 - 2021").
  The surface is verbatim text, including double spaces and line breaks inside it. For the
  passages written in NFD (decomposed Unicode), the surface is NFD as well.
- Lists that share one type word ("các Chỉ thị số 23, 26 và 30 của Ban Thường vụ Tỉnh ủy"):
  each item is a reference; the first item's surface starts at the type word, a later item's
  surface starts at its number or symbol and stops before the next comma / "và" unless
  attributes follow it; attributes written after the last item (issuer, date, term) apply to
  every item, as a reader understands them, although they lie outside the earlier surfaces.
- number: the number as written, leading zeros kept ("05"); the symbol's number when a symbol
  is given; null for a law named by its title without a number.
- symbol: the canonical symbol ("217-QĐ/TW" for a written "217/QĐ-TW" or "217 - QĐ/TW";
  "26/CT-TTg" for "26 /CT-TTg"); null when the text gives only a number.
- issuer: as written in the reference (NFC, runs of white space squeezed to one space, old
  spellings such as "Tỉnh uỷ" kept); null when the issuer is not written in the reference
  (an issuer named earlier in the sentence as the subject of "ban hành" is not taken, and
  the codes inside a symbol are not expanded).
- date: ISO "YYYY-MM-DD", or "YYYY-MM" for a month; only a date written with the reference
  (not a date elsewhere in the sentence, not an entry-into-force date).
- year: the date's year, a "năm YYYY" / "YYYY" written with the reference, or the year inside
  a legal-normative symbol ("04/2015/NĐ-CP" gives 2015); otherwise null (Party and state
  administrative symbols carry no year).
- term: the Party term in Roman numerals from "(khóa XI)", "(khoá XII)" or "khóa XIII"
  written with the reference.
- period: "A-B" from "giai đoạn A - B" in the same clause (up to the next ';' or '.') as the
  reference.

Run: /usr/bin/python3 tests/corpus/make_heldout_corpus.py   (deterministic; rewrites the file)
"""

import json
import pathlib
import re
import unicodedata

OUT = pathlib.Path(__file__).resolve().parent / "heldout.jsonl"

SLUGS = {
    "constitution", "code_of_law", "law", "resolution", "joint_resolution", "ordinance",
    "order", "decree", "decision", "circular", "joint_circular", "consolidated_text",
    "directive", "regulation", "rules", "public_notice", "notice", "guidance", "programme",
    "plan", "option_plan", "scheme", "project", "report", "minutes", "submission", "contract",
    "official_telegram", "invitation", "introduction_letter", "authorisation_letter",
    "dispatch_slip", "transfer_slip", "notification_slip", "conclusion", "circular_instruction",
    "official_letter",
}


def R(surface, type_, number=None, symbol=None, issuer=None, date=None, year=None, term=None,
      period=None):
    """One gold reference; the year is derived from the date or a legal symbol when not given."""
    if year is None and date is not None:
        year = int(date[:4])
    if year is None and symbol is not None:
        m = re.match(r"^\d+/(\d{4})/", symbol)
        if m:
            year = int(m.group(1))
    return {"surface": surface, "type": type_, "number": number, "symbol": symbol,
            "issuer": issuer, "date": date, "year": year, "term": term, "period": period}


PASSAGES = []


def P(text, *refs, nfd=False):
    PASSAGES.append((text, list(refs), nfd))


# ---------------------------------------------------------------------------------------------
# Passages with references.
# ---------------------------------------------------------------------------------------------

# State symbol, slash date, issuer.
P("Căn cứ Chỉ thị số 15/CT-TTg ngày 22/4/2019 của Thủ tướng Chính phủ về tăng cường công tác "
  "dân vận trong tình hình mới, UBND tỉnh ban hành Kế hoạch thực hiện như sau:",
  R("Chỉ thị số 15/CT-TTg ngày 22/4/2019 của Thủ tướng Chính phủ", "directive", "15",
    "15/CT-TTg", "Thủ tướng Chính phủ", "2019-04-22"))

# Party symbol with term in parentheses.
P("Thực hiện Quyết định số 312-QĐ/TW ngày 25/02/2010 của Bộ Chính trị (khóa X) ban hành Quy "
  "chế công tác dân vận của hệ thống chính trị, Ban Thường vụ Huyện ủy đã chỉ đạo các chi, "
  "đảng bộ cơ sở xây dựng kế hoạch thực hiện.",
  R("Quyết định số 312-QĐ/TW ngày 25/02/2010 của Bộ Chính trị (khóa X)", "decision", "312",
    "312-QĐ/TW", "Bộ Chính trị", "2010-02-25", term="X"))

# Legal-normative decree.
P("Các cơ quan, đơn vị thực hiện nghiêm Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính "
  "phủ về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự "
  "nghiệp công lập.",
  R("Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ", "decree", "04",
    "04/2015/NĐ-CP", "Chính phủ", "2015-01-09"))

# Joint Party symbol, "giữa ... và ...", period.
P("Tiếp tục thực hiện Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP ngày 11/10/2016 giữa Ban "
  "Dân vận Trung ương và Ban Cán sự đảng Chính phủ về công tác dân vận giai đoạn 2016 - 2021.",
  R("Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP ngày 11/10/2016 giữa Ban Dân vận Trung ương "
    "và Ban Cán sự đảng Chính phủ", "programme", "79", "79-CTr/BDVTW-BCSĐCP",
    "Ban Dân vận Trung ương và Ban Cán sự đảng Chính phủ", "2016-10-11", period="2016-2021"))

# Mis-formatted Party symbol.
P("Theo Quyết định số 217/QĐ-TW ngày 12/12/2013 của Bộ Chính trị, Mặt trận Tổ quốc và các "
  "đoàn thể chính trị - xã hội tham gia giám sát và phản biện xã hội.",
  R("Quyết định số 217/QĐ-TW ngày 12/12/2013 của Bộ Chính trị", "decision", "217",
    "217-QĐ/TW", "Bộ Chính trị", "2013-12-12"))

# Dash date, term; the untitled "Quy định về việc" is no reference.
P("Thực hiện Quyết định 218-QĐ/TW ngày 12-12-2013 của Bộ Chính trị (khóa XI) về việc ban hành "
  "Quy định về việc Mặt trận Tổ quốc Việt Nam, các đoàn thể chính trị - xã hội và nhân dân "
  "tham gia góp ý xây dựng Đảng, xây dựng chính quyền.",
  R("Quyết định 218-QĐ/TW ngày 12-12-2013 của Bộ Chính trị (khóa XI)", "decision", "218",
    "218-QĐ/TW", "Bộ Chính trị", "2013-12-12", term="XI"))

# Date before the reference is not its attribute.
P("Ngày 05 tháng 9 năm 2016, Thủ tướng Chính phủ ban hành Chỉ thị số 26/CT-TTg về tăng cường "
  "kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp.",
  R("Chỉ thị số 26/CT-TTg", "directive", "26", "26/CT-TTg"))

# Long-form date, old spelling "Tỉnh uỷ".
P("Triển khai Kế hoạch số 112-KH/TU ngày 20 tháng 3 năm 2021 của Ban Thường vụ Tỉnh uỷ về "
  "thực hiện công tác dân vận năm 2021, các huyện ủy, thị ủy, thành ủy xây dựng kế hoạch cụ "
  "thể.",
  R("Kế hoạch số 112-KH/TU ngày 20 tháng 3 năm 2021 của Ban Thường vụ Tỉnh uỷ", "plan", "112",
    "112-KH/TU", "Ban Thường vụ Tỉnh uỷ", "2021-03-20"))

# Three laws named by year.
P("Cán bộ làm công tác tiếp công dân phải nắm vững Luật Khiếu nại năm 2011, Luật Tố cáo năm "
  "2018 và Luật Tiếp công dân năm 2013.",
  R("Luật Khiếu nại năm 2011", "law", year=2011),
  R("Luật Tố cáo năm 2018", "law", year=2018),
  R("Luật Tiếp công dân năm 2013", "law", year=2013))

# Constitution and code with a year.
P("Hiến pháp năm 2013 khẳng định quyền làm chủ của nhân dân; Bộ luật Lao động 2019 quy định cụ "
  "thể về đối thoại tại nơi làm việc.",
  R("Hiến pháp năm 2013", "constitution", year=2013),
  R("Bộ luật Lao động 2019", "code_of_law", year=2019))

# Law named without a year.
P("Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở và các văn bản hướng dẫn thi hành đến "
  "toàn thể cán bộ, công chức, viên chức và người lao động.",
  R("Luật Thực hiện dân chủ ở cơ sở", "law"))

# Law with its legal symbol; the entry-into-force date is not the law's date.
P("Luật Thi đua, khen thưởng số 06/2022/QH15 có hiệu lực thi hành từ ngày 01/01/2024.",
  R("Luật Thi đua, khen thưởng số 06/2022/QH15", "law", "06", "06/2022/QH15"))

# NFD text.
P("Thực hiện Hướng dẫn số 23-HD/BDVTW ngày 15/7/2020 của Ban Dân vận Trung ương về tổ chức "
  "phong trào thi đua “Dân vận khéo”, Ban Dân vận Huyện ủy đã hướng dẫn các cơ sở đăng ký mô "
  "hình.",
  R("Hướng dẫn số 23-HD/BDVTW ngày 15/7/2020 của Ban Dân vận Trung ương", "guidance", "23",
    "23-HD/BDVTW", "Ban Dân vận Trung ương", "2020-07-15"),
  nfd=True)

# Two Party references in one sentence.
P("Căn cứ Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về "
  "tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới; Kết "
  "luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư về nâng cao chất lượng, hiệu quả công tác "
  "dân vận của cơ quan nhà nước, chính quyền các cấp;",
  R("Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI)",
    "resolution", "25", "25-NQ/TW", "Ban Chấp hành Trung ương Đảng", "2013-06-03", term="XI"),
  R("Kết luận số 114-KL/TW ngày 14/7/2015 của Ban Bí thư", "conclusion", "114", "114-KL/TW",
    "Ban Bí thư", "2015-07-14"))

# Mass organisation (Mặt trận), issuer as the subject before the reference; trailing year is
# the subject's.
P("Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ban hành Kế hoạch số 45/KH-MTTQ-BTT "
  "ngày 02/3/2022 về tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2022.",
  R("Kế hoạch số 45/KH-MTTQ-BTT ngày 02/3/2022", "plan", "45", "45/KH-MTTQ-BTT",
    date="2022-03-02"))

# Hội Liên hiệp Phụ nữ; "5 không 3 sạch" is no reference.
P("Thực hiện Hướng dẫn số 07/HD-ĐCT ngày 10/5/2017 của Đoàn Chủ tịch Trung ương Hội Liên hiệp "
  "Phụ nữ Việt Nam, Hội Liên hiệp Phụ nữ tỉnh triển khai cuộc vận động “Xây dựng gia đình 5 "
  "không 3 sạch”.",
  R("Hướng dẫn số 07/HD-ĐCT ngày 10/5/2017 của Đoàn Chủ tịch Trung ương Hội Liên hiệp Phụ nữ "
    "Việt Nam", "guidance", "07", "07/HD-ĐCT",
    "Đoàn Chủ tịch Trung ương Hội Liên hiệp Phụ nữ Việt Nam", "2017-05-10"))

# Đoàn Thanh niên, Party-style symbol with a compound issuer code.
P("Căn cứ Kế hoạch số 155-KH/TWĐTN-TNNT ngày 18/01/2021 của Ban Bí thư Trung ương Đoàn về tổ "
  "chức Chiến dịch Thanh niên tình nguyện hè năm 2021, Tỉnh đoàn hướng dẫn các cơ sở Đoàn "
  "thực hiện.",
  R("Kế hoạch số 155-KH/TWĐTN-TNNT ngày 18/01/2021 của Ban Bí thư Trung ương Đoàn", "plan",
    "155", "155-KH/TWĐTN-TNNT", "Ban Bí thư Trung ương Đoàn", "2021-01-18"))

# Hội Nông dân, period in the same clause.
P("Ban Thường vụ Hội Nông dân tỉnh đã ban hành Chương trình hành động số 08-CTr/HNDT ngày "
  "06/4/2021 về phát triển hội viên giai đoạn 2021 - 2025.",
  R("Chương trình hành động số 08-CTr/HNDT ngày 06/4/2021", "programme", "08", "08-CTr/HNDT",
    date="2021-04-06", period="2021-2025"))

# Missing space after "số".
P("Thực hiện Chỉ thị số26/CT-TTg của Thủ tướng Chính phủ, các sở, ngành đã rà soát, sửa đổi quy "
  "chế làm việc của cơ quan.",
  R("Chỉ thị số26/CT-TTg của Thủ tướng Chính phủ", "directive", "26", "26/CT-TTg",
    "Thủ tướng Chính phủ"))

# Double spaces inside the reference; counts around it.
P("Theo  Quyết định  số 1520/QĐ-UBND  ngày 14/8/2020 của Chủ tịch UBND tỉnh, 12 tập thể và 20 "
  "cá nhân điển hình “Dân vận khéo” được tặng Bằng khen.",
  R("Quyết định  số 1520/QĐ-UBND  ngày 14/8/2020 của Chủ tịch UBND tỉnh", "decision", "1520",
    "1520/QĐ-UBND", "Chủ tịch UBND tỉnh", "2020-08-14"))

# Line wrap inside the issuer.
P("Các cơ quan, đơn vị tiếp tục quán triệt Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ\n"
  "Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
  R("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ\nChính trị", "directive", "05", "05-CT/TW",
    "Bộ Chính trị", "2016-05-15"))

# Line wrap between "số" and the symbol; a Party Quy định (QĐi).
P("Mặt trận Tổ quốc các cấp giám sát theo Quyết định số\n217-QĐ/TW của Bộ Chính trị và Quy "
  "định số 124-QĐi/TW ngày 04/10/2023 của Bộ Chính trị về giám sát của Mặt trận.",
  R("Quyết định số\n217-QĐ/TW của Bộ Chính trị", "decision", "217", "217-QĐ/TW",
    "Bộ Chính trị"),
  R("Quy định số 124-QĐi/TW ngày 04/10/2023 của Bộ Chính trị", "rules", "124", "124-QĐi/TW",
    "Bộ Chính trị", "2023-10-04"))

# Older Party Quy định written with QĐ: the type word decides.
P("Chi bộ xem xét xử lý các trường hợp vi phạm theo Quy định số 102-QĐ/TW ngày 15/11/2017 của "
  "Bộ Chính trị.",
  R("Quy định số 102-QĐ/TW ngày 15/11/2017 của Bộ Chính trị", "rules", "102", "102-QĐ/TW",
    "Bộ Chính trị", "2017-11-15"))

# Party Thông tri (TT in the Party family).
P("Ban Thường vụ Tỉnh ủy ban hành Thông tri số 03-TT/TU ngày 20/10/2020 về lãnh đạo tổ chức "
  "Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư.",
  R("Thông tri số 03-TT/TU ngày 20/10/2020", "circular_instruction", "03", "03-TT/TU",
    date="2020-10-20"))

# State circular and decree in one sentence.
P("Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ hướng dẫn thể thức và kỹ thuật "
  "trình bày văn bản hành chính đã được thay thế bởi Nghị định số 30/2020/NĐ-CP ngày "
  "05/3/2020 của Chính phủ về công tác văn thư.",
  R("Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ", "circular", "01",
    "01/2011/TT-BNV", "Bộ Nội vụ", "2011-01-19"),
  R("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ", "decree", "30",
    "30/2020/NĐ-CP", "Chính phủ", "2020-03-05"))

# Joint circular.
P("Việc xây dựng hương ước, quy ước thực hiện theo Thông tư liên tịch số "
  "03/2014/TTLT-BTP-BVHTTDL ngày 21/02/2014 của Bộ Tư pháp và Bộ Văn hóa, Thể thao và Du lịch.",
  R("Thông tư liên tịch số 03/2014/TTLT-BTP-BVHTTDL ngày 21/02/2014 của Bộ Tư pháp và Bộ Văn "
    "hóa, Thể thao và Du lịch", "joint_circular", "03", "03/2014/TTLT-BTP-BVHTTDL",
    "Bộ Tư pháp và Bộ Văn hóa, Thể thao và Du lịch", "2014-02-21"))

# Joint resolution and an ordinance named by year; article numbers are no references.
P("Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN ngày 17/4/2008 của Chính phủ và Ủy ban "
  "Trung ương Mặt trận Tổ quốc Việt Nam hướng dẫn thi hành các Điều 11, 14, 16, 22 và 26 của "
  "Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn năm 2007.",
  R("Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN ngày 17/4/2008 của Chính phủ và Ủy ban "
    "Trung ương Mặt trận Tổ quốc Việt Nam", "joint_resolution", "09",
    "09/2008/NQLT-CP-UBTWMTTQVN", "Chính phủ và Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "2008-04-17"),
  R("Pháp lệnh Thực hiện dân chủ ở xã, phường, thị trấn năm 2007", "ordinance", year=2007))

# State công văn (no type code in its symbol).
P("Thực hiện Công văn số 1245/UBND-NC ngày 18/6/2021 của UBND tỉnh về việc tổ chức đối thoại "
  "với nhân dân, UBND các huyện báo cáo kết quả trước ngày 30/6/2021.",
  R("Công văn số 1245/UBND-NC ngày 18/6/2021 của UBND tỉnh", "official_letter", "1245",
    "1245/UBND-NC", "UBND tỉnh", "2021-06-18"))

# Party công văn; a deadline date is no reference.
P("Theo Công văn số 215-CV/BDVTU ngày 09/9/2022 của Ban Dân vận Tỉnh ủy, các huyện ủy báo cáo "
  "kết quả sơ kết trước ngày 30/9/2022.",
  R("Công văn số 215-CV/BDVTU ngày 09/9/2022 của Ban Dân vận Tỉnh ủy", "official_letter", "215",
    "215-CV/BDVTU", "Ban Dân vận Tỉnh ủy", "2022-09-09"))

# Report with counts and percentages around it.
P("Theo Báo cáo số 87/BC-UBND ngày 25/12/2020 của UBND huyện Tuy An, toàn huyện có 194 mô hình "
  "“Dân vận khéo” được công nhận, tăng 12,5% so với năm 2019.",
  R("Báo cáo số 87/BC-UBND ngày 25/12/2020 của UBND huyện Tuy An", "report", "87",
    "87/BC-UBND", "UBND huyện Tuy An", "2020-12-25"))

# Submission.
P("Sở Nội vụ đã có Tờ trình số 56/TTr-SNV ngày 03/11/2021 đề nghị khen thưởng 15 tập thể và "
  "27 cá nhân có thành tích xuất sắc.",
  R("Tờ trình số 56/TTr-SNV ngày 03/11/2021", "submission", "56", "56/TTr-SNV",
    date="2021-11-03"))

# Party notice.
P("Thông báo số 1180-TB/TU ngày 28/7/2022 của Ban Thường vụ Tỉnh ủy kết luận về công tác dân "
  "vận 6 tháng đầu năm 2022 yêu cầu khắc phục 03 hạn chế.",
  R("Thông báo số 1180-TB/TU ngày 28/7/2022 của Ban Thường vụ Tỉnh ủy", "notice", "1180",
    "1180-TB/TU", "Ban Thường vụ Tỉnh ủy", "2022-07-28"))

# Đề án (ĐA) and Dự án (DA).
P("UBND tỉnh phê duyệt Đề án số 02/ĐA-UBND về xây dựng xã điểm dân vận khéo và Dự án số "
  "14/DA-SNN về hỗ trợ sinh kế cho đồng bào dân tộc thiểu số.",
  R("Đề án số 02/ĐA-UBND", "scheme", "02", "02/ĐA-UBND"),
  R("Dự án số 14/DA-SNN", "project", "14", "14/DA-SNN"))

# Party decision and regulation.
P("Ban hành kèm theo Quyết định số 45-QĐ/TU ngày 20/11/2020 của Tỉnh ủy là Quy chế số "
  "07-QC/TU về công tác dân vận của hệ thống chính trị tỉnh.",
  R("Quyết định số 45-QĐ/TU ngày 20/11/2020 của Tỉnh ủy", "decision", "45", "45-QĐ/TU",
    "Tỉnh ủy", "2020-11-20"),
  R("Quy chế số 07-QC/TU", "regulation", "07", "07-QC/TU"))

# Phương án.
P("UBND xã xây dựng Phương án số 03/PA-UBND ngày 12/02/2024 về di dời 46 hộ dân ra khỏi vùng "
  "có nguy cơ sạt lở.",
  R("Phương án số 03/PA-UBND ngày 12/02/2024", "option_plan", "03", "03/PA-UBND",
    date="2024-02-12"))

# Công điện; "bão số 9" is no reference.
P("Thực hiện Công điện số 12/CĐ-UBND ngày 27/10/2020 của Chủ tịch UBND tỉnh về ứng phó với bão "
  "số 9, các xã ven biển đã di dời 1.250 hộ dân đến nơi an toàn.",
  R("Công điện số 12/CĐ-UBND ngày 27/10/2020 của Chủ tịch UBND tỉnh", "official_telegram", "12",
    "12/CĐ-UBND", "Chủ tịch UBND tỉnh", "2020-10-27"))

# Short mention with a date.
P("Thực hiện Kế hoạch số 35 ngày 10/4/2020 của UBND tỉnh về thực hiện “Năm dân vận khéo” 2020, "
  "Sở Tư pháp đăng ký 02 mô hình.",
  R("Kế hoạch số 35 ngày 10/4/2020 của UBND tỉnh", "plan", "35", issuer="UBND tỉnh",
    date="2020-04-10"))

# Two directives 23 of different issuers.
P("Quán triệt Chỉ thị 23 của Ban Thường vụ Tỉnh ủy và Chỉ thị 23 của UBND tỉnh trong toàn thể "
  "cán bộ, công chức, viên chức.",
  R("Chỉ thị 23 của Ban Thường vụ Tỉnh ủy", "directive", "23", issuer="Ban Thường vụ Tỉnh ủy"),
  R("Chỉ thị 23 của UBND tỉnh", "directive", "23", issuer="UBND tỉnh"))

# A list sharing one type word and one issuer.
P("Tiếp tục thực hiện các Chỉ thị số 23, 26 và 30 của Ban Thường vụ Tỉnh ủy về tăng cường kỷ "
  "luật, kỷ cương hành chính.",
  R("Chỉ thị số 23", "directive", "23", issuer="Ban Thường vụ Tỉnh ủy"),
  R("26", "directive", "26", issuer="Ban Thường vụ Tỉnh ủy"),
  R("30 của Ban Thường vụ Tỉnh ủy", "directive", "30", issuer="Ban Thường vụ Tỉnh ủy"))

# A list of Party symbols sharing a date, issuer and term.
P("Căn cứ các Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương "
  "Đảng khóa XII; tỉnh đã sắp xếp, tinh gọn 14 đầu mối.",
  R("Nghị quyết số 18-NQ/TW", "resolution", "18", "18-NQ/TW", "Ban Chấp hành Trung ương Đảng",
    "2017-10-25", term="XII"),
  R("19-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII", "resolution", "19",
    "19-NQ/TW", "Ban Chấp hành Trung ương Đảng", "2017-10-25", term="XII"))

# Type word not repeated: the second symbol stands alone.
P("Thực hiện Chỉ thị số 18-CT/TU ngày 02/8/2021 của Ban Thường vụ Tỉnh ủy, 22/CT-UBND ngày "
  "15/9/2021 của UBND tỉnh về tăng cường công tác tiếp công dân.",
  R("Chỉ thị số 18-CT/TU ngày 02/8/2021 của Ban Thường vụ Tỉnh ủy", "directive", "18",
    "18-CT/TU", "Ban Thường vụ Tỉnh ủy", "2021-08-02"),
  R("22/CT-UBND ngày 15/9/2021 của UBND tỉnh", "directive", "22", "22/CT-UBND", "UBND tỉnh",
    "2021-09-15"))

# Month-precision date.
P("Nghị quyết số 12-NQ/HU tháng 6 năm 2021 của Ban Chấp hành Đảng bộ huyện đề ra mục tiêu "
  "100% thôn, buôn có mô hình dân vận khéo.",
  R("Nghị quyết số 12-NQ/HU tháng 6 năm 2021 của Ban Chấp hành Đảng bộ huyện", "resolution",
    "12", "12-NQ/HU", "Ban Chấp hành Đảng bộ huyện", "2021-06"))

# Year written with the reference.
P("UBND các xã căn cứ Kế hoạch số 20/KH-UBND năm 2023 của UBND huyện về công tác dân vận chính "
  "quyền để xây dựng kế hoạch của địa phương.",
  R("Kế hoạch số 20/KH-UBND năm 2023 của UBND huyện", "plan", "20", "20/KH-UBND", "UBND huyện",
    year=2023))

# Law names with a comma.
P("Tăng cường tuyên truyền Luật Phòng, chống tham nhũng năm 2018 và Luật Cư trú năm 2020 đến "
  "từng khu dân cư.",
  R("Luật Phòng, chống tham nhũng năm 2018", "law", year=2018),
  R("Luật Cư trú năm 2020", "law", year=2020))

# Code without a year; old spelling "Hoà".
P("Các tranh chấp nhỏ được hòa giải theo quy định của Bộ luật Dân sự và Luật Hoà giải ở cơ sở "
  "năm 2013.",
  R("Bộ luật Dân sự", "code_of_law"),
  R("Luật Hoà giải ở cơ sở năm 2013", "law", year=2013))

# Old spelling "Thuỷ".
P("Kế hoạch số 88/KH-UBND ngày 05/5/2019 của UBND huyện Thuỷ Nguyên xác định 5 nhiệm vụ trọng "
  "tâm.",
  R("Kế hoạch số 88/KH-UBND ngày 05/5/2019 của UBND huyện Thuỷ Nguyên", "plan", "88",
    "88/KH-UBND", "UBND huyện Thuỷ Nguyên", "2019-05-05"))

# Old spelling "Uỷ ban", "Khánh Hoà".
P("Căn cứ Quyết định số 2345/QĐ-UBND ngày 30/12/2019 của Uỷ ban nhân dân tỉnh Khánh Hoà về "
  "việc công nhận 36 mô hình “Dân vận khéo”;",
  R("Quyết định số 2345/QĐ-UBND ngày 30/12/2019 của Uỷ ban nhân dân tỉnh Khánh Hoà", "decision",
    "2345", "2345/QĐ-UBND", "Uỷ ban nhân dân tỉnh Khánh Hoà", "2019-12-30"))

# Typo in the type word (missing diacritic).
P("Theo Quyết đinh số 1021/QĐ-UBND ngày 08/6/2022 của UBND tỉnh, xã Hòa Thịnh được công nhận "
  "đạt chuẩn nông thôn mới nâng cao.",
  R("Quyết đinh số 1021/QĐ-UBND ngày 08/6/2022 của UBND tỉnh", "decision", "1021",
    "1021/QĐ-UBND", "UBND tỉnh", "2022-06-08"))

P("Các chi bộ tổ chức sinh hoạt chuyên đề theo Chỉ thi số 07-CT/TU của Tỉnh ủy.",
  R("Chỉ thi số 07-CT/TU của Tỉnh ủy", "directive", "07", "07-CT/TU", "Tỉnh ủy"))

# Upper-case title line.
P("KẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 09-CT/TU NGÀY 10/3/2022 CỦA BAN THƯỜNG VỤ TỈNH ỦY\nVỀ TĂNG "
  "CƯỜNG CÔNG TÁC DÂN VẬN Ở VÙNG ĐỒNG BÀO DÂN TỘC THIỂU SỐ",
  R("CHỈ THỊ SỐ 09-CT/TU NGÀY 10/3/2022 CỦA BAN THƯỜNG VỤ TỈNH ỦY", "directive", "09",
    "09-CT/TU", "BAN THƯỜNG VỤ TỈNH ỦY", "2022-03-10"))

# Document header: the lone symbol after "Số"; the place-date line is not attached.
P("TỈNH ỦY PHÚ YÊN\nBAN DÂN VẬN\n*\nSố 45-KH/BDVTU\nPhú Yên, ngày 20 tháng 01 năm 2021\n"
  "KẾ HOẠCH\nTổ chức phong trào thi đua “Dân vận khéo” năm 2021",
  R("45-KH/BDVTU", "plan", "45", "45-KH/BDVTU"))

# "Số:" after the type word.
P("Căn cứ Quyết định Số: 1876/QĐ-UBND ngày 21/9/2021 của UBND tỉnh về việc thành lập Ban Chỉ "
  "đạo thực hiện Quy chế dân chủ ở cơ sở;",
  R("Quyết định Số: 1876/QĐ-UBND ngày 21/9/2021 của UBND tỉnh", "decision", "1876",
    "1876/QĐ-UBND", "UBND tỉnh", "2021-09-21"))

# Spaces inside symbols.
P("Thực hiện Kế hoạch số 35/ KH-UBND ngày 10/4/2020 của UBND tỉnh và Quyết định số 217 - QĐ/TW "
  "của Bộ Chính trị, các đoàn thể đã tổ chức 28 cuộc giám sát.",
  R("Kế hoạch số 35/ KH-UBND ngày 10/4/2020 của UBND tỉnh", "plan", "35", "35/KH-UBND",
    "UBND tỉnh", "2020-04-10"),
  R("Quyết định số 217 - QĐ/TW của Bộ Chính trị", "decision", "217", "217-QĐ/TW",
    "Bộ Chính trị"))

P("Thực hiện Chỉ thị số 26 /CT-TTg ngày 5/9/2016 của Thủ tướng Chính phủ, Sở Nội vụ kiểm tra "
  "đột xuất 18 cơ quan.",
  R("Chỉ thị số 26 /CT-TTg ngày 5/9/2016 của Thủ tướng Chính phủ", "directive", "26",
    "26/CT-TTg", "Thủ tướng Chính phủ", "2016-09-05"))

# Lone mis-formatted Party symbols.
P("Thực hiện 217/QĐ-TW và 218/QĐ-TW, Ủy ban Mặt trận Tổ quốc Việt Nam huyện đã tổ chức 6 hội "
  "nghị góp ý xây dựng Đảng.",
  R("217/QĐ-TW", "decision", "217", "217-QĐ/TW"),
  R("218/QĐ-TW", "decision", "218", "218-QĐ/TW"))

# Lone full symbols.
P("Căn cứ 04/2015/NĐ-CP và 26/CT-TTg, UBND huyện xây dựng quy chế dân chủ trong cơ quan.",
  R("04/2015/NĐ-CP", "decree", "04", "04/2015/NĐ-CP"),
  R("26/CT-TTg", "directive", "26", "26/CT-TTg"))

# Legal-normative resolution of a provincial People's Council.
P("Mức hỗ trợ thực hiện theo Nghị quyết số 15/2021/NQ-HĐND ngày 10/12/2021 của Hội đồng nhân "
  "dân tỉnh Đắk Lắk.",
  R("Nghị quyết số 15/2021/NQ-HĐND ngày 10/12/2021 của Hội đồng nhân dân tỉnh Đắk Lắk",
    "resolution", "15", "15/2021/NQ-HĐND", "Hội đồng nhân dân tỉnh Đắk Lắk", "2021-12-10"))

P("Quyết định số 28/2022/QĐ-UBND ngày 16/8/2022 của UBND tỉnh Quảng Ngãi ban hành Quy chế tiếp "
  "công dân tại Trụ sở tiếp công dân tỉnh.",
  R("Quyết định số 28/2022/QĐ-UBND ngày 16/8/2022 của UBND tỉnh Quảng Ngãi", "decision", "28",
    "28/2022/QĐ-UBND", "UBND tỉnh Quảng Ngãi", "2022-08-16"))

# Term without parentheses; a second, bare short mention.
P("Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị khóa XIII về tiếp tục thực hiện Chỉ thị "
  "số 05-CT/TW được quán triệt tới 100% chi bộ.",
  R("Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị khóa XIII", "conclusion", "01",
    "01-KL/TW", "Bộ Chính trị", "2021-05-18", term="XIII"),
  R("Chỉ thị số 05-CT/TW", "directive", "05", "05-CT/TW"))

# NFD, old spelling "khoá".
P("Người đứng đầu cấp ủy thực hiện Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị "
  "(khoá XII) về trách nhiệm tiếp dân, đối thoại trực tiếp với dân.",
  R("Quy định số 11-QĐi/TW ngày 18/02/2019 của Bộ Chính trị (khoá XII)", "rules", "11",
    "11-QĐi/TW", "Bộ Chính trị", "2019-02-18", term="XII"),
  nfd=True)

# State Quy định (QyĐ).
P("UBND xã ban hành Quy định số 05/QyĐ-UBND ngày 20/4/2022 về tiếp công dân tại trụ sở UBND xã.",
  R("Quy định số 05/QyĐ-UBND ngày 20/4/2022", "rules", "05", "05/QyĐ-UBND", date="2022-04-20"))

# Period with an en dash; "tầm nhìn đến năm 2030" is no period.
P("Chương trình hành động số 15-CTr/TU ngày 25/3/2021 của Tỉnh ủy về chuyển đổi số giai đoạn "
  "2021 – 2025, tầm nhìn đến năm 2030 đặt mục tiêu 80% hồ sơ được xử lý trực tuyến.",
  R("Chương trình hành động số 15-CTr/TU ngày 25/3/2021 của Tỉnh ủy", "programme", "15",
    "15-CTr/TU", "Tỉnh ủy", "2021-03-25", period="2021-2025"))

P("Kế hoạch số 125/KH-UBND ngày 16/6/2016 của UBND tỉnh về công tác dân vận chính quyền giai "
  "đoạn 2016-2020 đã hoàn thành 9/10 chỉ tiêu.",
  R("Kế hoạch số 125/KH-UBND ngày 16/6/2016 của UBND tỉnh", "plan", "125", "125/KH-UBND",
    "UBND tỉnh", "2016-06-16", period="2016-2020"))

# NFD: several references in one list of legal bases.
P("Căn cứ Luật Tổ chức chính quyền địa phương năm 2015; Luật Ban hành văn bản quy phạm pháp luật "
  "năm 2015; Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
  R("Luật Tổ chức chính quyền địa phương năm 2015", "law", year=2015),
  R("Luật Ban hành văn bản quy phạm pháp luật năm 2015", "law", year=2015),
  R("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ", "decree", "30",
    "30/2020/NĐ-CP", "Chính phủ", "2020-03-05"),
  nfd=True)

# Joint regulation of Party bodies.
P("Quy chế phối hợp số 02-QC/BDVTU-BCSĐUBND ngày 14/3/2022 giữa Ban Dân vận Tỉnh ủy và Ban Cán "
  "sự đảng UBND tỉnh quy định 6 nội dung phối hợp.",
  R("Quy chế phối hợp số 02-QC/BDVTU-BCSĐUBND ngày 14/3/2022 giữa Ban Dân vận Tỉnh ủy và Ban "
    "Cán sự đảng UBND tỉnh", "regulation", "02", "02-QC/BDVTU-BCSĐUBND",
    "Ban Dân vận Tỉnh ủy và Ban Cán sự đảng UBND tỉnh", "2022-03-14"))

# "Thông báo kết luận" is a notice.
P("Thông báo kết luận số 36-TB/TW ngày 20/5/2021 của Ban Bí thư yêu cầu các cấp ủy tăng cường "
  "đối thoại với nhân dân.",
  R("Thông báo kết luận số 36-TB/TW ngày 20/5/2021 của Ban Bí thư", "notice", "36", "36-TB/TW",
    "Ban Bí thư", "2021-05-20"))

# The trailing year belongs to the subject, not to the plan.
P("Thực hiện Kế hoạch số 125-KH/BDVTW ngày 06/01/2025 của Ban Dân vận Trung ương về tổ chức "
  "phong trào thi đua “Dân vận khéo” năm 2025, Ban Dân vận Tỉnh ủy hướng dẫn đăng ký mô hình.",
  R("Kế hoạch số 125-KH/BDVTW ngày 06/01/2025 của Ban Dân vận Trung ương", "plan", "125",
    "125-KH/BDVTW", "Ban Dân vận Trung ương", "2025-01-06"))

# Party Quy định with QĐ, 2025.
P("Căn cứ Quy định số 296-QĐ/TW ngày 30/5/2025 của Ban Chấp hành Trung ương về công tác kiểm "
  "tra, giám sát và kỷ luật của Đảng;",
  R("Quy định số 296-QĐ/TW ngày 30/5/2025 của Ban Chấp hành Trung ương", "rules", "296",
    "296-QĐ/TW", "Ban Chấp hành Trung ương", "2025-05-30"))

# Dash date without leading zero.
P("Ban Thường vụ Huyện ủy ban hành Chỉ thị số 11-CT/HU ngày 05-9-2016 về tăng cường sự lãnh đạo "
  "đối với công tác dân vận.",
  R("Chỉ thị số 11-CT/HU ngày 05-9-2016", "directive", "11", "11-CT/HU", date="2016-09-05"))

# Dotted date, old spelling "Tuy Hoà".
P("Theo Quyết định số 3021/QĐ-UBND ngày 18.11.2019 của UBND thành phố Tuy Hoà, 7 khu phố được "
  "công nhận đạt chuẩn văn minh đô thị.",
  R("Quyết định số 3021/QĐ-UBND ngày 18.11.2019 của UBND thành phố Tuy Hoà", "decision", "3021",
    "3021/QĐ-UBND", "UBND thành phố Tuy Hoà", "2019-11-18"))

# A reference and its short alias.
P("Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ (sau đây gọi là Chỉ thị 26) "
  "được quán triệt đến 100% cán bộ, công chức.",
  R("Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ", "directive", "26",
    "26/CT-TTg", "Thủ tướng Chính phủ", "2016-09-05"),
  R("Chỉ thị 26", "directive", "26"))

# Short mentions in a report; "5 năm" is no reference.
P("Qua 5 năm thực hiện Nghị quyết 25, Chỉ thị 49 và Kết luận 114, công tác dân vận của hệ thống "
  "chính trị có nhiều chuyển biến tích cực.",
  R("Nghị quyết 25", "resolution", "25"),
  R("Chỉ thị 49", "directive", "49"),
  R("Kết luận 114", "conclusion", "114"))

# Reference in parentheses.
P("Các trường học đăng ký mô hình trước ngày 30/10/2023 (theo Kế hoạch số 52/KH-SGDĐT ngày "
  "14/9/2023).",
  R("Kế hoạch số 52/KH-SGDĐT ngày 14/9/2023", "plan", "52", "52/KH-SGDĐT", date="2023-09-14"))

# Comma before the date.
P("Căn cứ Quyết định số 1520/QĐ-UBND, ngày 14/8/2020 của Chủ tịch UBND tỉnh về việc khen "
  "thưởng phong trào thi đua “Dân vận khéo”;",
  R("Quyết định số 1520/QĐ-UBND, ngày 14/8/2020 của Chủ tịch UBND tỉnh", "decision", "1520",
    "1520/QĐ-UBND", "Chủ tịch UBND tỉnh", "2020-08-14"))

# Issuer abbreviation at the end of a sentence.
P("Chính sách hỗ trợ người có uy tín được thực hiện theo Nghị quyết số 07/NQ-HĐND ngày "
  "08/7/2022 của HĐND tỉnh.",
  R("Nghị quyết số 07/NQ-HĐND ngày 08/7/2022 của HĐND tỉnh", "resolution", "07", "07/NQ-HĐND",
    "HĐND tỉnh", "2022-07-08"))

# Joint plan of mass organisations.
P("Ủy ban Mặt trận Tổ quốc Việt Nam huyện, Hội Nông dân và Hội Liên hiệp Phụ nữ huyện ký Kế "
  "hoạch liên tịch số 03/KHLT-MTTQ-HND-HPN ngày 15/01/2023 về vận động hội viên tham gia bảo "
  "vệ môi trường.",
  R("Kế hoạch liên tịch số 03/KHLT-MTTQ-HND-HPN ngày 15/01/2023", "plan", "03",
    "03/KHLT-MTTQ-HND-HPN", date="2023-01-15"))

# Hội Cựu chiến binh, Party-style symbol, NFD.
P("Thực hiện Hướng dẫn số 12-HD/CCB ngày 20/02/2024 của Ban Thường vụ Hội Cựu chiến binh tỉnh, "
  "các cơ sở Hội đăng ký 37 mô hình “Cựu chiến binh giúp nhau làm kinh tế”.",
  R("Hướng dẫn số 12-HD/CCB ngày 20/02/2024 của Ban Thường vụ Hội Cựu chiến binh tỉnh",
    "guidance", "12", "12-HD/CCB", "Ban Thường vụ Hội Cựu chiến binh tỉnh", "2024-02-20"),
  nfd=True)

# Liên đoàn Lao động.
P("Công đoàn cơ sở tổ chức Hội nghị người lao động theo Hướng dẫn số 45/HD-LĐLĐ ngày 10/11/2023 "
  "của Liên đoàn Lao động tỉnh và Bộ luật Lao động năm 2019.",
  R("Hướng dẫn số 45/HD-LĐLĐ ngày 10/11/2023 của Liên đoàn Lao động tỉnh", "guidance", "45",
    "45/HD-LĐLĐ", "Liên đoàn Lao động tỉnh", "2023-11-10"),
  R("Bộ luật Lao động năm 2019", "code_of_law", year=2019))

# Biên bản and Giấy mời in an administrative context.
P("Kết quả đối thoại được ghi tại Biên bản số 04/BB-UBND ngày 22/5/2024; Giấy mời số 118/GM-UBND "
  "ngày 15/5/2024 đã gửi tới 60 hộ dân.",
  R("Biên bản số 04/BB-UBND ngày 22/5/2024", "minutes", "04", "04/BB-UBND", date="2024-05-22"),
  R("Giấy mời số 118/GM-UBND ngày 15/5/2024", "invitation", "118", "118/GM-UBND",
    date="2024-05-15"))

# Party report, type word without "số".
P("Báo cáo 245-BC/TU ngày 10/12/2024 của Tỉnh ủy đánh giá 96,7% tổ chức cơ sở đảng hoàn thành "
  "tốt nhiệm vụ.",
  R("Báo cáo 245-BC/TU ngày 10/12/2024 của Tỉnh ủy", "report", "245", "245-BC/TU", "Tỉnh ủy",
    "2024-12-10"))

# 2026: a provincial Party Committee after the 2025 mergers.
P("Căn cứ Chương trình công tác toàn khóa và Kế hoạch số 18-KH/TU ngày 12/01/2026 của Ban "
  "Thường vụ Tỉnh ủy Đắk Lắk về công tác dân vận năm 2026;",
  R("Kế hoạch số 18-KH/TU ngày 12/01/2026 của Ban Thường vụ Tỉnh ủy Đắk Lắk", "plan", "18",
    "18-KH/TU", "Ban Thường vụ Tỉnh ủy Đắk Lắk", "2026-01-12"))

# The state decision of the Prime Minister (legal family), line wrap inside the symbol's date.
P("Chương trình thực hiện theo Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng\n"
  "Chính phủ phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng "
  "bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030.",
  R("Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng\nChính phủ", "decision", "1719",
    "1719/QĐ-TTg", "Thủ tướng Chính phủ", "2021-10-14", period="2021-2030"))

# Ordinance with a legal symbol.
P("Pháp lệnh số 02/2022/UBTVQH15 về Ưu đãi người có công với cách mạng được phổ biến tại 100% "
  "thôn, tổ dân phố.",
  R("Pháp lệnh số 02/2022/UBTVQH15", "ordinance", "02", "02/2022/UBTVQH15"))

# A plan that a short mention follows, and a lone state symbol.
P("UBND huyện đề nghị các xã thực hiện Kế hoạch số 67/KH-UBND của UBND huyện; riêng xã Hòa "
  "Xuân Tây báo cáo thêm theo 143/UBND-VP.",
  R("Kế hoạch số 67/KH-UBND của UBND huyện", "plan", "67", "67/KH-UBND", "UBND huyện"),
  R("143/UBND-VP", "official_letter", "143", "143/UBND-VP"))

# Lower-case type word inside a sentence.
P("Thực hiện nghị quyết số 09-NQ/ĐU ngày 14/01/2022 của Đảng ủy Khối cơ quan và doanh nghiệp "
  "tỉnh, 100% chi bộ đăng ký mô hình.",
  R("nghị quyết số 09-NQ/ĐU ngày 14/01/2022 của Đảng ủy Khối cơ quan và doanh nghiệp tỉnh",
    "resolution", "09", "09-NQ/ĐU", "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh", "2022-01-14"))

# ---------------------------------------------------------------------------------------------
# Passages with no reference, but confusable numbers.
# ---------------------------------------------------------------------------------------------

P("Theo khoản 3 Điều 26, người đứng đầu cơ quan phải trực tiếp tiếp công dân ít nhất 01 ngày "
  "trong tháng.")
P("Năm 2020, toàn tỉnh có 194 mô hình “Dân vận khéo”, tăng 12,5% so với năm 2019.")
P("Ngày 30/4/2021, Hội Cựu chiến binh phường 7 tổ chức gặp mặt 45 hội viên nhân kỷ niệm 46 năm "
  "Ngày giải phóng miền Nam, thống nhất đất nước.")
P("Mọi ý kiến phản ánh xin gọi số điện thoại 0257.3842.115 hoặc đường dây nóng 1900 1234.")
P("Xe ô tô biển số 78A-123.45 được huy động chở hàng cứu trợ đến Tổ 3, Khu phố 26, phường 9.")
P("Hồ sơ có mã hồ sơ 12/2020 được tiếp nhận tại Bộ phận Một cửa lúc 14 giờ 30 phút.")
P("Xem mục 2.3, trang 15 của tài liệu hướng dẫn và Phụ lục 4 kèm theo.")
P("Kế hoạch 2020 được triển khai đồng bộ ở 112 xã, phường, thị trấn.")
P("Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025 đã giúp thêm 35 xã "
  "đạt chuẩn.")
P("Kỷ niệm 90 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2020).")
P("Quốc lộ 1A đoạn từ Km 1245+300 đến Km 1250 bị sạt lở, 17 hộ dân phải di dời khẩn cấp.")
P("Tổng kinh phí 1.250.000.000 đồng (bằng chữ: Một tỷ hai trăm năm mươi triệu đồng), trong đó "
  "ngân sách tỉnh 60%.")
P("Lớp bồi dưỡng nghiệp vụ dân vận khóa 12 có 65 học viên, khai giảng ngày 05 tháng 9 năm 2022 "
  "tại Hội trường số 2.")
P("Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025 đã thành công tốt đẹp.")
P("Thông báo: Từ ngày 01/7/2025, trụ sở Ban Dân vận chuyển về số 26 đường Lê Duẩn, phường 7.")
P("Quyết định khen thưởng được trao cho 12 tập thể, 20 cá nhân; mỗi tập thể được thưởng "
  "2.500.000 đồng.")
P("Chỉ thị này có hiệu lực kể từ ngày ký; Điều 3 giao các sở, ngành tổ chức thực hiện.")
P("Báo cáo này gồm 3 phần, 12 trang, kèm theo 05 phụ lục.")
P("Kế hoạch có 5 nội dung trọng tâm, 4 lĩnh vực và 3 giai đoạn thực hiện.")
P("Phòng 305, tầng 3, nhà B, số 8 Trần Hưng Đạo, thành phố Tuy Hòa; thư điện tử "
  "dvtu@phuyen.gov.vn.")
P("Tỷ lệ hộ nghèo giảm từ 4,2% xuống còn 2,85%; thu nhập bình quân đạt 62,5 triệu "
  "đồng/người/năm.")
P("Trận lũ ngày 12-12-2013 làm 3 người chết, 1.532 ngôi nhà bị ngập sâu.", nfd=True)
P("Phiên họp thứ 26 của Thường trực HĐND tỉnh diễn ra trong 2 ngày 14 và 15/3/2023.")
P("Tiết mục số 05 do Đội văn nghệ Khu phố 3 biểu diễn đạt giải A; tiết mục số 12 đạt giải B.")
P("Bão số 9 (Molave) đổ bộ vào đất liền ngày 28/10/2020 với sức gió cấp 12, giật cấp 14.")
P("Mã số thuế 4400123456; tài khoản số 0581000123456 tại Ngân hàng Nông nghiệp và Phát triển "
  "nông thôn chi nhánh Phú Yên.")
P("Điều 11, Điều 14 và khoản 2 Điều 22 được sửa đổi; điểm a khoản 1 Điều 5 bị bãi bỏ.")
P("Lúc 7 giờ 30 ngày 19/5/2024, đoàn đến dâng hương tại Khu di tích Quốc gia đặc biệt Kim Liên.")
P("Có 2/3 số đảng viên dự họp; tỷ lệ 3/4 đại biểu tán thành phương án.")
P("Lớp 9/3 Trường THCS Lương Văn Chánh nhận 50 suất học bổng, mỗi suất 1.000.000 đồng.")
P("Hội nghị trực tuyến ngày 15/10 có 1.200 điểm cầu; tài liệu đăng tại dvtu.gov.vn/tai-lieu/2020/10.")
P("Đồng chí Nguyễn Văn Bình, sinh năm 1975, số định danh 054075001234, sinh hoạt tại Chi bộ 3.")
P("Cấp ủy các cấp quán triệt các chỉ thị, nghị quyết của Đảng; 100% chi bộ tổ chức học tập, "
  "đạt 98,6% đảng viên tham gia.", nfd=True)
P("Hướng dẫn 3 bước đăng ký mô hình “Dân vận khéo” trên Cổng thông tin điện tử của tỉnh.")
P("Kế hoạch 5 năm 2021-2025 về phát triển kinh tế - xã hội được HĐND tỉnh thông qua tại kỳ họp "
  "thứ 2.")
P("Thôn 4 xã Ea Kly hiến 3.500 m² đất, 1.200 ngày công để mở rộng 2,3 km đường giao thông.")
P("Ngày 05 tháng 9 năm 2016 là ngày khai giảng năm học 2016 - 2017 tại 512 trường học.")
P("Kết quả: 37/42 xã đạt chuẩn, chiếm 88,1%; 5 xã còn lại phấn đấu đạt chuẩn vào quý IV/2025.")


def build():
    rows = []
    for n, (text, refs, nfd) in enumerate(PASSAGES, start=1):
        out_refs = []
        for ref in refs:
            ref = dict(ref)
            assert ref["type"] in SLUGS, (n, ref)
            assert ref["date"] is None or re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", ref["date"]), n
            if ref["date"] is not None:
                assert ref["year"] == int(ref["date"][:4]), (n, ref)
            if ref["symbol"] is not None:
                assert ref["symbol"].startswith(ref["number"]), (n, ref)
            if ref["issuer"] is not None:
                assert ref["issuer"] == " ".join(ref["issuer"].split()), (n, ref)
            assert ref["surface"] in text, (n, ref["surface"])
            if nfd:
                ref["surface"] = unicodedata.normalize("NFD", ref["surface"])
            out_refs.append(ref)
        if nfd:
            text = unicodedata.normalize("NFD", text)
            assert text != unicodedata.normalize("NFC", text), n
        for ref in out_refs:
            assert ref["surface"] in text, (n, ref["surface"])
        rows.append({"id": n, "text": text, "refs": out_refs})
    return rows


def main():
    rows = build()
    with_refs = sum(1 for r in rows if r["refs"])
    assert with_refs >= 60 and len(rows) - with_refs >= 25, (with_refs, len(rows))
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{OUT}: {len(rows)} passages, {with_refs} with references, "
          f"{sum(len(r['refs']) for r in rows)} references")


if __name__ == "__main__":
    main()
