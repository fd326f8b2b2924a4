#!/usr/bin/env python3
"""Writes tests/corpus/references.jsonl: the labelled corpus of the reference finder.

Every passage below is invented (written for this corpus in the style of Vietnamese plans and
reports; names of bodies and places are real, numbers and dates mostly made up) and labelled by
hand with what a reader finds in it. Run: tests/corpus/make_references_corpus.py OUT.jsonl
"""
import json, sys
P = []
def add(text, *refs, note=None):
    P.append((text, list(refs), note))
def R(s, t, n=None, sym=None, iss=None, d=None, y=None, term=None, per=None):
    if d and y is None: y = int(d[:4])
    return {"surface": s, "type": t, "number": n, "symbol": sym, "issuer": iss, "date": d, "year": y, "term": term, "period": per}

# --- Short mentions with issuer
add("Triển khai thực hiện nghiêm túc Chỉ thị số 26 của Thủ tướng Chính phủ về tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp.",
    R("Chỉ thị số 26 của Thủ tướng Chính phủ", "directive", "26", iss="Thủ tướng Chính phủ"))
add("Phát huy vai trò giám sát theo Quyết định 217 của Bộ Chính trị (khóa XI) và Quyết định 218 của Bộ Chính trị (khóa XI).",
    R("Quyết định 217 của Bộ Chính trị (khóa XI)", "decision", "217", iss="Bộ Chính trị", term="XI"),
    R("Quyết định 218 của Bộ Chính trị (khóa XI)", "decision", "218", iss="Bộ Chính trị", term="XI"))
add("Thực hiện Chương trình phối hợp số 79 giữa Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ về phối hợp thực hiện công tác dân vận, giai đoạn 2016-2021.",
    R("Chương trình phối hợp số 79 giữa Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ", "programme", "79", iss="Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ", per="2016-2021"))
add("Các sở, ngành triển khai Kế hoạch số 35 của UBND tỉnh về công tác dân vận chính quyền năm 2020.",
    R("Kế hoạch số 35 của UBND tỉnh", "plan", "35", iss="UBND tỉnh"))
add("Quán triệt Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy và Chỉ thị 23 của UBND tỉnh đến toàn thể cán bộ, công chức.",
    R("Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy", "directive", "23", iss="Ban Thường vụ Tỉnh ủy"),
    R("Chỉ thị 23 của UBND tỉnh", "directive", "23", iss="UBND tỉnh"))
add("Tiếp tục thực hiện Kết luận số 114 của Ban Bí thư về nâng cao chất lượng, hiệu quả công tác dân vận của chính quyền các cấp.",
    R("Kết luận số 114 của Ban Bí thư", "conclusion", "114", iss="Ban Bí thư"))
add("Căn cứ Hướng dẫn số 12 của Ban Dân vận Tỉnh ủy về tiêu chí đánh giá mô hình Dân vận khéo;",
    R("Hướng dẫn số 12 của Ban Dân vận Tỉnh ủy", "guidance", "12", iss="Ban Dân vận Tỉnh ủy"))
add("Thực hiện Quy chế phối hợp số 07 giữa Ủy ban nhân dân tỉnh và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh.",
    R("Quy chế phối hợp số 07 giữa Ủy ban nhân dân tỉnh và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "regulation", "07", iss="Ủy ban nhân dân tỉnh và Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"))
add("UBND huyện Tuy An ban hành Kế hoạch số 128 của UBND huyện về triển khai phong trào thi đua \"Dân vận khéo\" năm 2021.",
    R("Kế hoạch số 128 của UBND huyện", "plan", "128", iss="UBND huyện"))
add("Thực hiện Nghị quyết số 05 của Hội đồng nhân dân tỉnh Phú Yên về chính sách hỗ trợ xây dựng nông thôn mới.",
    R("Nghị quyết số 05 của Hội đồng nhân dân tỉnh Phú Yên", "resolution", "05", iss="Hội đồng nhân dân tỉnh Phú Yên"))
add("Theo Thông báo số 45 của Văn phòng UBND tỉnh, hội nghị được tổ chức vào sáng thứ Hai.",
    R("Thông báo số 45 của Văn phòng UBND tỉnh", "notice", "45", iss="Văn phòng UBND tỉnh"))
add("Chương trình hành động số 15 của Ban Chấp hành Đảng bộ tỉnh khóa XVII đã xác định rõ nhiệm vụ.",
    R("Chương trình hành động số 15 của Ban Chấp hành Đảng bộ tỉnh khóa XVII", "programme", "15", iss="Ban Chấp hành Đảng bộ tỉnh", term="XVII"))

# --- Full symbols: state family
add("Thực hiện Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ, các cơ quan rà soát quy chế làm việc.",
    R("Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ", "directive", "26", "26/CT-TTg", "Thủ tướng Chính phủ", "2016-09-05"))
add("Căn cứ Kế hoạch số 35/KH-UBND ngày 20/02/2020 của Ủy ban nhân dân tỉnh Phú Yên;",
    R("Kế hoạch số 35/KH-UBND ngày 20/02/2020 của Ủy ban nhân dân tỉnh Phú Yên", "plan", "35", "35/KH-UBND", "Ủy ban nhân dân tỉnh Phú Yên", "2020-02-20"))
add("Quyết định số 1234/QĐ-UBND ngày 15 tháng 7 năm 2021 của Chủ tịch UBND tỉnh về việc công nhận mô hình Dân vận khéo.",
    R("Quyết định số 1234/QĐ-UBND ngày 15 tháng 7 năm 2021 của Chủ tịch UBND tỉnh", "decision", "1234", "1234/QĐ-UBND", "Chủ tịch UBND tỉnh", "2021-07-15"))
add("Báo cáo số 210/BC-UBND ngày 30/11/2020 tổng kết năm Dân vận khéo đã nêu 194 mô hình tiêu biểu.",
    R("Báo cáo số 210/BC-UBND ngày 30/11/2020", "report", "210", "210/BC-UBND", d="2020-11-30"))
add("Thực hiện Công văn số 1520/UBND-KGVX ngày 12/6/2020 của UBND tỉnh về việc đăng ký mô hình.",
    R("Công văn số 1520/UBND-KGVX ngày 12/6/2020 của UBND tỉnh", "official_letter", "1520", "1520/UBND-KGVX", "UBND tỉnh", "2020-06-12"))
add("Tờ trình số 88/TTr-SNV ngày 03/4/2020 của Sở Nội vụ đề nghị khen thưởng các tập thể.",
    R("Tờ trình số 88/TTr-SNV ngày 03/4/2020 của Sở Nội vụ", "submission", "88", "88/TTr-SNV", "Sở Nội vụ", "2020-04-03"))
add("Căn cứ Quyết định số 931/NQ-UBTVQH14 nói trên, thị xã Đông Hòa chính thức được thành lập.",
    R("Quyết định số 931/NQ-UBTVQH14", "decision", "931", "931/NQ-UBTVQH14"), note="type word and code disagree: the type word decides the type")
add("Nghị quyết số 931/NQ-UBTVQH14 ngày 22/4/2020 của Ủy ban Thường vụ Quốc hội về việc thành lập thị xã Đông Hòa.",
    R("Nghị quyết số 931/NQ-UBTVQH14 ngày 22/4/2020 của Ủy ban Thường vụ Quốc hội", "resolution", "931", "931/NQ-UBTVQH14", "Ủy ban Thường vụ Quốc hội", "2020-04-22"))
add("Đề án số 03/ĐA-UBND về nâng cao chất lượng đội ngũ cán bộ cấp xã được triển khai từ quý II.",
    R("Đề án số 03/ĐA-UBND", "scheme", "03", "03/ĐA-UBND"))
add("Chương trình số 12/CTr-UBND ngày 08/01/2021 và Kế hoạch số 14/KH-UBND ngày 10/01/2021 của UBND thành phố Tuy Hòa.",
    R("Chương trình số 12/CTr-UBND ngày 08/01/2021", "programme", "12", "12/CTr-UBND", d="2021-01-08"),
    R("Kế hoạch số 14/KH-UBND ngày 10/01/2021 của UBND thành phố Tuy Hòa", "plan", "14", "14/KH-UBND", "UBND thành phố Tuy Hòa", "2021-01-10"))

# --- Legal family
add("Thực hiện Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ về thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước.",
    R("Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ", "decree", "04", "04/2015/NĐ-CP", "Chính phủ", "2015-01-09"))
add("Thể thức văn bản thực hiện theo Nghị định 30/2020/NĐ-CP về công tác văn thư.",
    R("Nghị định 30/2020/NĐ-CP", "decree", "30", "30/2020/NĐ-CP", y=2020))
add("Căn cứ Thông tư số 01/2011/TT-BNV của Bộ Nội vụ hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính;",
    R("Thông tư số 01/2011/TT-BNV của Bộ Nội vụ", "circular", "01", "01/2011/TT-BNV", "Bộ Nội vụ", y=2011))
add("Luật số 02/2011/QH13 quy định về khiếu nại và giải quyết khiếu nại.",
    R("Luật số 02/2011/QH13", "law", "02", "02/2011/QH13", y=2011))
add("Căn cứ Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ quy định chi tiết một số điều của Luật Khiếu nại;",
    R("Nghị định số 124/2020/NĐ-CP ngày 19 tháng 10 năm 2020 của Chính phủ", "decree", "124", "124/2020/NĐ-CP", "Chính phủ", "2020-10-19"),
    R("Luật Khiếu nại", "law"))
add("Thông tư liên tịch số 04/2016/TTLT-BNV-BTC hướng dẫn việc quản lý kinh phí đã hết hiệu lực.",
    R("Thông tư liên tịch số 04/2016/TTLT-BNV-BTC", "joint_circular", "04", "04/2016/TTLT-BNV-BTC", y=2016))
add("Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-ĐCTUBTWMTTQVN quy định chi tiết các hình thức giám sát, phản biện xã hội.",
    R("Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-ĐCTUBTWMTTQVN", "joint_resolution", "403", "403/2017/NQLT-UBTVQH14-ĐCTUBTWMTTQVN", y=2017))

# --- Party family
add("Thực hiện Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI) ban hành Quy chế giám sát và phản biện xã hội.",
    R("Quyết định số 217-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)", "decision", "217", "217-QĐ/TW", "Bộ Chính trị", "2013-12-12", term="XI"))
add("Thực hiện Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP ngày 11/10/2016 giữa Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ.",
    R("Chương trình phối hợp số 79-CTr/BDVTW-BCSĐCP ngày 11/10/2016 giữa Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ", "programme", "79", "79-CTr/BDVTW-BCSĐCP", "Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ", "2016-10-11"))
add("Theo Kế hoạch 06-KH/BDVTW ngày 19/02/2020 của Ban Dân vận Trung ương, năm 2020 là Năm dân vận khéo.",
    R("Kế hoạch 06-KH/BDVTW ngày 19/02/2020 của Ban Dân vận Trung ương", "plan", "06", "06-KH/BDVTW", "Ban Dân vận Trung ương", "2020-02-19"))
add("Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng về thể thức văn bản của Đảng.",
    R("Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng", "guidance", "36", "36-HD/VPTW", "Văn phòng Trung ương Đảng", "2018-04-03"))
add("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị (khóa XII) về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    R("Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị (khóa XII)", "directive", "05", "05-CT/TW", "Bộ Chính trị", "2016-05-15", term="XII"))
add("Nghị quyết số 25-NQ/TW ngày 03/6/2013 Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa XI về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận.",
    R("Nghị quyết số 25-NQ/TW ngày 03/6/2013", "resolution", "25", "25-NQ/TW", d="2013-06-03"))
add("Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW.",
    R("Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị", "conclusion", "01", "01-KL/TW", "Bộ Chính trị", "2021-05-18"),
    R("Chỉ thị số 05-CT/TW", "directive", "05", "05-CT/TW"))
add("Chương trình hành động số 12-CTr/TU của Tỉnh ủy Phú Yên giai đoạn 2021 - 2025 được cụ thể hóa bằng các kế hoạch hằng năm.",
    R("Chương trình hành động số 12-CTr/TU của Tỉnh ủy Phú Yên", "programme", "12", "12-CTr/TU", "Tỉnh ủy Phú Yên", per="2021-2025"))
add("Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương về trách nhiệm nêu gương của cán bộ, đảng viên.",
    R("Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương", "rules", "08", "08-QĐi/TW", "Ban Chấp hành Trung ương", "2018-10-25"))
add("Quy định số 101-QĐ/TW ngày 07/6/2012 của Ban Bí thư về trách nhiệm nêu gương.",
    R("Quy định số 101-QĐ/TW ngày 07/6/2012 của Ban Bí thư", "rules", "101", "101-QĐ/TW", "Ban Bí thư", "2012-06-07"), note="older Party rules written with QĐ: the type word decides")
add("Thông báo kết luận số 235-TB/TU ngày 04/3/2020 của Thường trực Tỉnh ủy về công tác dân vận.",
    R("Thông báo kết luận số 235-TB/TU ngày 04/3/2020 của Thường trực Tỉnh ủy", "notice", "235", "235-TB/TU", "Thường trực Tỉnh ủy", "2020-03-04"))
add("Kế hoạch số 45-KH/HU ngày 10/3/2020 của Ban Thường vụ Huyện ủy Sơn Hòa về thực hiện Năm dân vận khéo.",
    R("Kế hoạch số 45-KH/HU ngày 10/3/2020 của Ban Thường vụ Huyện ủy Sơn Hòa", "plan", "45", "45-KH/HU", "Ban Thường vụ Huyện ủy Sơn Hòa", "2020-03-10"))

# --- Mis-formatted symbols
add("Theo Quyết định số 217/QĐ-TW của Bộ Chính trị, Mặt trận Tổ quốc thực hiện giám sát.",
    R("Quyết định số 217/QĐ-TW của Bộ Chính trị", "decision", "217", "217-QĐ/TW", "Bộ Chính trị"), note="Party symbol written in the state shape")
add("Căn cứ Chỉ thị số 23/CT-TU của Ban Thường vụ Tỉnh ủy về tăng cường kỷ luật, kỷ cương hành chính.",
    R("Chỉ thị số 23/CT-TU của Ban Thường vụ Tỉnh ủy", "directive", "23", "23-CT/TU", "Ban Thường vụ Tỉnh ủy"))
add("Quyết định số 1234 / QĐ-UBND ngày 15/7/2021 công nhận 12 mô hình.",
    R("Quyết định số 1234 / QĐ-UBND ngày 15/7/2021", "decision", "1234", "1234/QĐ-UBND", d="2021-07-15"), note="spaces around the slash")

# --- Bare symbols and several references in one sentence
add("Các văn bản 26/CT-TTg, 217-QĐ/TW và 04/2015/NĐ-CP được phổ biến đến 100% cán bộ.",
    R("26/CT-TTg", "directive", "26", "26/CT-TTg"),
    R("217-QĐ/TW", "decision", "217", "217-QĐ/TW"),
    R("04/2015/NĐ-CP", "decree", "04", "04/2015/NĐ-CP", y=2015))
add("Các Quyết định số 15/QĐ-UBND và 16/QĐ-UBND ngày 05/01/2021 đã được công bố.",
    R("Quyết định số 15/QĐ-UBND", "decision", "15", "15/QĐ-UBND", d="2021-01-05"),
    R("16/QĐ-UBND ngày 05/01/2021", "decision", "16", "16/QĐ-UBND", d="2021-01-05"),
    note="a list after a plural 'Các' with one date at its end: the date is shared (relabelled "
         "when lists became items; it was labelled on the second item only)")
add("Thực hiện Chỉ thị số 26 của Thủ tướng Chính phủ, Quyết định 217 của Bộ Chính trị và Kế hoạch số 35 của UBND tỉnh.",
    R("Chỉ thị số 26 của Thủ tướng Chính phủ", "directive", "26", iss="Thủ tướng Chính phủ"),
    R("Quyết định 217 của Bộ Chính trị", "decision", "217", iss="Bộ Chính trị"),
    R("Kế hoạch số 35 của UBND tỉnh", "plan", "35", iss="UBND tỉnh"))
add("Nghị định 04/2015/NĐ-CP đã được thay thế bởi Nghị định 59/2023/NĐ-CP quy định chi tiết Luật Thực hiện dân chủ ở cơ sở.",
    R("Nghị định 04/2015/NĐ-CP", "decree", "04", "04/2015/NĐ-CP", y=2015),
    R("Nghị định 59/2023/NĐ-CP", "decree", "59", "59/2023/NĐ-CP", y=2023),
    R("Luật Thực hiện dân chủ ở cơ sở", "law"))

# --- Laws named by year
add("Giải quyết khiếu nại đúng trình tự quy định tại Luật Khiếu nại năm 2011.",
    R("Luật Khiếu nại năm 2011", "law", iss=None, y=2011))
add("Thực hiện Luật Tiếp công dân năm 2013, Luật Khiếu nại năm 2011 và Luật Tố cáo năm 2018.",
    R("Luật Tiếp công dân năm 2013", "law", y=2013),
    R("Luật Khiếu nại năm 2011", "law", y=2011),
    R("Luật Tố cáo năm 2018", "law", y=2018))
add("Theo Luật Đất đai 2013, người sử dụng đất được bồi thường khi Nhà nước thu hồi đất.",
    R("Luật Đất đai 2013", "law", y=2013))
add("Bộ luật Lao động năm 2019 có hiệu lực từ ngày 01/01/2021.",
    R("Bộ luật Lao động năm 2019", "code_of_law", y=2019))
add("Hiến pháp năm 2013 khẳng định quyền làm chủ của nhân dân.",
    R("Hiến pháp năm 2013", "constitution", y=2013))
add("Cán bộ phải nắm vững Luật Cán bộ, công chức năm 2008 và Luật Viên chức năm 2010.",
    R("Luật Cán bộ, công chức năm 2008", "law", y=2008),
    R("Luật Viên chức năm 2010", "law", y=2010))
add("Luật Phòng, chống tham nhũng năm 2018 quy định trách nhiệm của người đứng đầu.",
    R("Luật Phòng, chống tham nhũng năm 2018", "law", y=2018))

# --- Dates in different forms
add("Quyết định số 45/QĐ-UBND ngày 12-12-2013 của UBND huyện Đồng Xuân về việc thành lập Ban Chỉ đạo.",
    R("Quyết định số 45/QĐ-UBND ngày 12-12-2013 của UBND huyện Đồng Xuân", "decision", "45", "45/QĐ-UBND", "UBND huyện Đồng Xuân", "2013-12-12"))
add("Chỉ thị số 26/CT-TTg ngày 05 tháng 9 năm 2016 của Thủ tướng Chính phủ.",
    R("Chỉ thị số 26/CT-TTg ngày 05 tháng 9 năm 2016 của Thủ tướng Chính phủ", "directive", "26", "26/CT-TTg", "Thủ tướng Chính phủ", "2016-09-05"))
add("Kế hoạch số 35/KH-UBND, ngày 20/02/2020 của UBND tỉnh yêu cầu báo cáo trước ngày 15/12/2020.",
    R("Kế hoạch số 35/KH-UBND, ngày 20/02/2020 của UBND tỉnh", "plan", "35", "35/KH-UBND", "UBND tỉnh", "2020-02-20"))
add("Nghị quyết số 18-NQ/TW ngày 25.10.2017 của Ban Chấp hành Trung ương Đảng về sắp xếp tổ chức bộ máy.",
    R("Nghị quyết số 18-NQ/TW ngày 25.10.2017 của Ban Chấp hành Trung ương Đảng", "resolution", "18", "18-NQ/TW", "Ban Chấp hành Trung ương Đảng", "2017-10-25"))

# --- Typos, old spellings, case
add("Thực hiện Quyết đinh số 217-QĐ/TW của Bộ Chính trị khoá XI.",
    R("Quyết đinh số 217-QĐ/TW của Bộ Chính trị khoá XI", "decision", "217", "217-QĐ/TW", "Bộ Chính trị", term="XI"))
add("Triển khai Chỉ thi số 26/CT-TTg của Thủ tướng Chính phủ tới các phòng, ban.",
    R("Chỉ thi số 26/CT-TTg của Thủ tướng Chính phủ", "directive", "26", "26/CT-TTg", "Thủ tướng Chính phủ"))
add("Căn cứ Kế hoạch số 20/KH-UBND ngày 01/3/2021 của Uỷ ban nhân dân tỉnh Phú Yên;",
    R("Kế hoạch số 20/KH-UBND ngày 01/3/2021 của Uỷ ban nhân dân tỉnh Phú Yên", "plan", "20", "20/KH-UBND", "Uỷ ban nhân dân tỉnh Phú Yên", "2021-03-01"))
add("CĂN CỨ QUYẾT ĐỊNH SỐ 99/QĐ-UBND NGÀY 10/01/2020 CỦA UBND TỈNH.",
    R("QUYẾT ĐỊNH SỐ 99/QĐ-UBND NGÀY 10/01/2020 CỦA UBND TỈNH", "decision", "99", "99/QĐ-UBND", "UBND TỈNH", d="2020-01-10"), note="upper-case heading")
add("triển khai quyết định số 12/QĐ-SNV ngày 02/02/2021 về công nhận danh hiệu.",
    R("quyết định số 12/QĐ-SNV ngày 02/02/2021", "decision", "12", "12/QĐ-SNV", d="2021-02-02"))
add("Thực hiện Kế hoạch số: 87/KH-UBND của UBND huyện Phú Hòa.",
    R("Kế hoạch số: 87/KH-UBND của UBND huyện Phú Hòa", "plan", "87", "87/KH-UBND", "UBND huyện Phú Hòa"))

# --- Periods
add("Chương trình phối hợp số 05 của Ban Dân vận Tỉnh ủy và Ban Cán sự Đảng UBND tỉnh về công tác dân vận giai đoạn 2017 - 2021 đã đạt kết quả tích cực.",
    R("Chương trình phối hợp số 05 của Ban Dân vận Tỉnh ủy và Ban Cán sự Đảng UBND tỉnh", "programme", "05", iss="Ban Dân vận Tỉnh ủy và Ban Cán sự Đảng UBND tỉnh", per="2017-2021"))
add("Đề án số 06-ĐA/TU về phát triển nguồn nhân lực giai đoạn 2021–2025 được Tỉnh ủy thông qua.",
    R("Đề án số 06-ĐA/TU", "scheme", "06", "06-ĐA/TU", per="2021-2025"))
add("Chương trình số 30 của UBND tỉnh giai đoạn 2016-2020 kết thúc; chương trình mới giai đoạn 2021-2025 đang được xây dựng.",
    R("Chương trình số 30 của UBND tỉnh", "programme", "30", iss="UBND tỉnh", per="2016-2020"))

# --- Misc state types
add("Công điện số 06/CĐ-UBND ngày 20/9/2020 của Chủ tịch UBND tỉnh về ứng phó với bão số 5.",
    R("Công điện số 06/CĐ-UBND ngày 20/9/2020 của Chủ tịch UBND tỉnh", "official_telegram", "06", "06/CĐ-UBND", "Chủ tịch UBND tỉnh", "2020-09-20"))
add("Phương án số 02/PA-UBND bảo đảm an ninh trật tự dịp Tết Nguyên đán được phê duyệt.",
    R("Phương án số 02/PA-UBND", "option_plan", "02", "02/PA-UBND"))
add("Giấy mời số 150/GM-UBND mời đại diện 9 huyện, thị xã, thành phố dự hội nghị.",
    R("Giấy mời số 150/GM-UBND", "invitation", "150", "150/GM-UBND"))
add("Văn bản hợp nhất số 01/VBHN-VPQH ngày 15/7/2020 của Văn phòng Quốc hội hợp nhất Luật Cán bộ, công chức.",
    R("Văn bản hợp nhất số 01/VBHN-VPQH ngày 15/7/2020 của Văn phòng Quốc hội", "consolidated_text", "01", "01/VBHN-VPQH", "Văn phòng Quốc hội", "2020-07-15"),
    R("Luật Cán bộ, công chức", "law"))
add("Thực hiện Hướng dẫn 05-HD/BDVTU ngày 02/3/2020, các địa phương đăng ký 3 mô hình mỗi xã.",
    R("Hướng dẫn 05-HD/BDVTU ngày 02/3/2020", "guidance", "05", "05-HD/BDVTU", d="2020-03-02"))
add("Thông tư 03/2018/TT-BNV ngày 06/3/2018 của Bộ Nội vụ quy định chế độ báo cáo thống kê ngành Nội vụ.",
    R("Thông tư 03/2018/TT-BNV ngày 06/3/2018 của Bộ Nội vụ", "circular", "03", "03/2018/TT-BNV", "Bộ Nội vụ", "2018-03-06"))
add("Nghị quyết số 35-NQ/TW của Bộ Chính trị và Kết luận 114-KL/TW của Ban Bí thư đều nhấn mạnh công tác dân vận.",
    R("Nghị quyết số 35-NQ/TW của Bộ Chính trị", "resolution", "35", "35-NQ/TW", "Bộ Chính trị"),
    R("Kết luận 114-KL/TW của Ban Bí thư", "conclusion", "114", "114-KL/TW", "Ban Bí thư"))
add("Theo Báo cáo số 12 của Sở Nội vụ, toàn tỉnh có 1.250 mô hình, tăng 15% so với năm 2019.",
    R("Báo cáo số 12 của Sở Nội vụ", "report", "12", iss="Sở Nội vụ"))

# --- Passages with no reference but confusable numbers
add("Theo Điều 26 của Luật, người khiếu nại có quyền rút đơn khiếu nại.")
add("Năm 2020, toàn tỉnh xây dựng được 194 mô hình, 215 điển hình Dân vận khéo.")
add("Hội nghị tổng kết được tổ chức ngày 15/12/2020 tại Hội trường UBND tỉnh.")
add("Tỷ lệ hộ nghèo giảm còn 4,5%, đạt 102% kế hoạch năm.")
add("Căn cứ khoản 2 Điều 3 và điểm a khoản 1 Điều 12 của Nghị định, Sở Tài chính thẩm định dự toán.")
add("Mọi ý kiến xin liên hệ số điện thoại 0257.3842310 hoặc 0905 123 456 của Văn phòng.")
add("Tuyến Quốc lộ 1A qua địa bàn huyện Tuy An dài 32 km, Quốc lộ 25 dài 95 km.")
add("Giai đoạn 2016 - 2020, tỉnh đã giải quyết 1.245 đơn thư khiếu nại, tố cáo.")
add("Kỷ niệm 90 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2020).")
add("Kế hoạch 2021 của ngành được xây dựng trên cơ sở kết quả thực hiện năm 2020.")
add("Chương trình mục tiêu Quốc gia xây dựng nông thôn mới đã có 45 xã đạt chuẩn.")
add("Thực hiện tốt Quy chế dân chủ ở cơ sở; 100% cơ quan ban hành quy chế làm việc.")
add("Phường 7 và xã An Phú có 12/15 thôn, khu phố đạt danh hiệu văn hóa.")
add("Đến ngày 30-6-2021, đã có 85/106 xã, phường, thị trấn hoàn thành.")
add("Trong 6 tháng đầu năm, các cơ quan tiếp 1.530 lượt công dân, tăng 12,5% so với cùng kỳ.")
add("Mô hình số 3 \"Dân vận khéo trong xây dựng nông thôn mới\" của xã Hòa Hiệp Trung được nhân rộng.")
add("Đại hội đại biểu Đảng bộ tỉnh Phú Yên lần thứ XVII, nhiệm kỳ 2020 - 2025 thành công tốt đẹp.")
add("Lớp tập huấn khai giảng lúc 7 giờ 30 phút, ngày 05 tháng 9 năm 2016, với 120 học viên.")
add("Chương 3, mục 2 của tài liệu hướng dẫn nêu 10 bước thực hiện.")
add("Nhà văn hóa khối phố 5/KP3 phường 9 đã được sửa chữa với kinh phí 350 triệu đồng.")
add("Đoàn kiểm tra số 2 làm việc với 14 cơ quan, đơn vị trong tháng 9/2020.")
add("Kế hoạch năm 2021 đặt mục tiêu xây dựng thêm 50 mô hình, nâng tổng số lên 244.")
add("Luật sư Trần Văn Bình tham gia trợ giúp pháp lý miễn phí cho 35 hộ dân.")
add("Theo tinh thần Nghị quyết Trung ương, cấp ủy các cấp cần gần dân, sát dân hơn.", note="no plenum number: not one resolution")
add("Theo quy định của Luật, người dân được tiếp cận thông tin; Điều 9 nêu 12 trường hợp.")

# --- Laws named by title without a year: a title names the law as surely as a number does
add("Điều 5, Điều 6 Luật Tiếp công dân quy định nguyên tắc tiếp công dân.",
    R("Luật Tiếp công dân", "law"), note="a law named by its title is a reference; the article is not")
add("Tăng cường tiếp công dân theo Luật Tiếp công dân và Luật Khiếu nại, bảo đảm đúng trình tự.",
    R("Luật Tiếp công dân", "law"), R("Luật Khiếu nại", "law"))
add("Luật Cán bộ, công chức quy định rõ nghĩa vụ của cán bộ trong thi hành công vụ.",
    R("Luật Cán bộ, công chức", "law"))
add("Theo Luật Khiếu nại, người khiếu nại có quyền tự mình khiếu nại hoặc thông qua người đại diện.",
    R("Luật Khiếu nại", "law"))
add("Bộ luật Dân sự quy định về quyền sở hữu tài sản của công dân.",
    R("Bộ luật Dân sự", "code_of_law"))
add("Hiến pháp quy định mọi người có quyền khiếu nại, tố cáo với cơ quan có thẩm quyền.",
    R("Hiến pháp", "constitution"))

# --- Party resolutions named by their plenum
add("Quán triệt Nghị quyết Trung ương 4 (khóa XII) về tăng cường xây dựng, chỉnh đốn Đảng.",
    R("Nghị quyết Trung ương 4 (khóa XII)", "resolution", iss="Trung ương 4", term="XII"))
add("Các chi bộ tiếp tục thực hiện Nghị quyết Hội nghị Trung ương 4 khóa XIII gắn với Chỉ thị số 05-CT/TW của Bộ Chính trị.",
    R("Nghị quyết Hội nghị Trung ương 4 khóa XIII", "resolution", iss="Hội nghị Trung ương 4", term="XIII"),
    R("Chỉ thị số 05-CT/TW của Bộ Chính trị", "directive", "05", "05-CT/TW", "Bộ Chính trị"))
add("Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa X về nông nghiệp, nông dân, nông thôn đã đi vào cuộc sống.",
    R("Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng khóa X", "resolution", iss="Hội nghị lần thứ bảy Ban Chấp hành Trung ương Đảng", term="X"))
add("Kết luận Hội nghị Trung ương lần thứ 6 khóa XIII được phổ biến đến 100% đảng viên.",
    R("Kết luận Hội nghị Trung ương lần thứ 6 khóa XIII", "conclusion", iss="Hội nghị Trung ương lần thứ 6", term="XIII"))

# --- Symbols with spaces beside separators, month dates, ordinances, laws with symbols
add("Thực hiện Kế hoạch số 42/ KH-UBND ngày 03/5/2021 của UBND huyện Tây Hòa về công tác dân vận.",
    R("Kế hoạch số 42/ KH-UBND ngày 03/5/2021 của UBND huyện Tây Hòa", "plan", "42", "42/KH-UBND", "UBND huyện Tây Hòa", "2021-05-03"))
add("Căn cứ Quy định số 124 - QĐ/TW của Ban Bí thư về giám sát của Mặt trận;",
    R("Quy định số 124 - QĐ/TW của Ban Bí thư", "rules", "124", "124-QĐ/TW", "Ban Bí thư"))
add("Nghị quyết số 07-NQ/ĐU tháng 3 năm 2022 của Đảng ủy xã An Dân đặt mục tiêu 5 mô hình mới.",
    R("Nghị quyết số 07-NQ/ĐU tháng 3 năm 2022 của Đảng ủy xã An Dân", "resolution", "07", "07-NQ/ĐU", "Đảng ủy xã An Dân", "2022-03", y=2022))
add("Pháp lệnh Dân số năm 2003 đã được sửa đổi, bổ sung.",
    R("Pháp lệnh Dân số năm 2003", "ordinance", y=2003))
add("Luật Tiếp công dân số 42/2013/QH13 có hiệu lực từ ngày 01/7/2014.",
    R("Luật Tiếp công dân số 42/2013/QH13", "law", "42", "42/2013/QH13", y=2013))
add("Thông tư số 05/2021/TT-BTP của Bộ Tư pháp hướng dẫn một số điều.",
    R("Thông tư số 05/2021/TT-BTP của Bộ Tư pháp", "circular", "05", "05/2021/TT-BTP", "Bộ Tư pháp", y=2021))
add("Hướng dẫn 4 bước xây dựng mô hình được in thành tài liệu; Kế hoạch 5 năm 2026-2030 đang được lấy ý kiến.")
add("Nghị định này quy định 3 nhóm chính sách hỗ trợ hộ nghèo.")

# --- Issuers written without "của"
add("Triển khai Chỉ thị 26/CT-TTg Thủ tướng Chính phủ về tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính.",
    R("Chỉ thị 26/CT-TTg Thủ tướng Chính phủ", "directive", "26", "26/CT-TTg", "Thủ tướng Chính phủ"))
add("Quyết định số 1234/QĐ-UBND ngày 15/7/2021 UBND tỉnh về việc công nhận 25 mô hình Dân vận khéo.",
    R("Quyết định số 1234/QĐ-UBND ngày 15/7/2021 UBND tỉnh", "decision", "1234", "1234/QĐ-UBND", "UBND tỉnh", "2021-07-15"))
add("Căn cứ Quyết định 217-QĐ/TW Bộ Chính trị (khóa XI) ban hành Quy chế giám sát và phản biện xã hội;",
    R("Quyết định 217-QĐ/TW Bộ Chính trị (khóa XI)", "decision", "217", "217-QĐ/TW", "Bộ Chính trị", term="XI"))
add("Theo Kế hoạch số 35/KH-UBND Sở Nội vụ đã hướng dẫn các xã đăng ký mô hình.",
    R("Kế hoạch số 35/KH-UBND", "plan", "35", "35/KH-UBND"), note="the subject of the next clause is not the issuer")

# --- Lists of numbers sharing one type word: one reference per item. The issuer after the last
# item applies to every item whose symbol does not contradict it; the date only after a plural
# word ("các", "những", "hai") and when no earlier item has its own date.
add("Tiếp tục quán triệt Chỉ thị số 23, 26 và 30 của Thủ tướng Chính phủ đến cán bộ, công chức.",
    R("Chỉ thị số 23", "directive", "23", iss="Thủ tướng Chính phủ"),
    R("26", "directive", "26", iss="Thủ tướng Chính phủ"),
    R("30 của Thủ tướng Chính phủ", "directive", "30", iss="Thủ tướng Chính phủ"))
add("Căn cứ các Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI);",
    R("Quyết định số 217-QĐ/TW", "decision", "217", "217-QĐ/TW", "Bộ Chính trị", "2013-12-12", term="XI"),
    R("218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị (khóa XI)", "decision", "218", "218-QĐ/TW", "Bộ Chính trị", "2013-12-12", term="XI"))
add("Thực hiện Nghị định số 04/2015/NĐ-CP, 145/2020/NĐ-CP của Chính phủ về dân chủ ở cơ sở.",
    R("Nghị định số 04/2015/NĐ-CP", "decree", "04", "04/2015/NĐ-CP", "Chính phủ", y=2015),
    R("145/2020/NĐ-CP của Chính phủ", "decree", "145", "145/2020/NĐ-CP", "Chính phủ", y=2020))
add("Quyết định số 217-QĐ/TW và 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị được phổ biến rộng rãi.",
    R("Quyết định số 217-QĐ/TW", "decision", "217", "217-QĐ/TW", "Bộ Chính trị"),
    R("218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị", "decision", "218", "218-QĐ/TW", "Bộ Chính trị", "2013-12-12"),
    note="no plural word: the date is not known to be shared")
add("Căn cứ các Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 và 145/2020/NĐ-CP ngày 14/12/2020 của Chính phủ;",
    R("Nghị định số 04/2015/NĐ-CP ngày 09/01/2015", "decree", "04", "04/2015/NĐ-CP", "Chính phủ", "2015-01-09"),
    R("145/2020/NĐ-CP ngày 14/12/2020 của Chính phủ", "decree", "145", "145/2020/NĐ-CP", "Chính phủ", "2020-12-14"))
add("Căn cứ các Nghị định số 04/2015/NĐ-CP, 145/2020/NĐ-CP ngày 14/12/2020 của Chính phủ;",
    R("Nghị định số 04/2015/NĐ-CP", "decree", "04", "04/2015/NĐ-CP", "Chính phủ", y=2015),
    R("145/2020/NĐ-CP ngày 14/12/2020 của Chính phủ", "decree", "145", "145/2020/NĐ-CP", "Chính phủ", "2020-12-14"),
    note="the symbol year 2015 contradicts the date: not shared")
add("Căn cứ các Thông tư số 01/2011/TT-BNV, 05/2021/TT-BTP của Bộ Tư pháp;",
    R("Thông tư số 01/2011/TT-BNV", "circular", "01", "01/2011/TT-BNV", y=2011),
    R("05/2021/TT-BTP của Bộ Tư pháp", "circular", "05", "05/2021/TT-BTP", "Bộ Tư pháp", y=2021),
    note="the first symbol's issuer code BNV contradicts the issuer: not shared")
add("UBND xã Hòa Thịnh triển khai Kế hoạch số 12 và số 15 của UBND huyện Tây Hòa.",
    R("Kế hoạch số 12", "plan", "12", iss="UBND huyện Tây Hòa"),
    R("15 của UBND huyện Tây Hòa", "plan", "15", iss="UBND huyện Tây Hòa"))
add("Các Quyết định số 217 - QĐ/TW, 218-QĐ/TW ngày 12-12-2013 của Bộ Chính trị là cơ sở để Mặt trận giám sát.",
    R("Quyết định số 217 - QĐ/TW", "decision", "217", "217-QĐ/TW", "Bộ Chính trị", "2013-12-12"),
    R("218-QĐ/TW ngày 12-12-2013 của Bộ Chính trị", "decision", "218", "218-QĐ/TW", "Bộ Chính trị", "2013-12-12"))
add("Công văn số 143/UBND-VP, 144/UBND-VP của UBND huyện Đồng Xuân đã hướng dẫn cụ thể.",
    R("Công văn số 143/UBND-VP", "official_letter", "143", "143/UBND-VP", "UBND huyện Đồng Xuân"),
    R("144/UBND-VP của UBND huyện Đồng Xuân", "official_letter", "144", "144/UBND-VP", "UBND huyện Đồng Xuân"))
add("Theo Báo cáo số 12, 15 xã chưa hoàn thành việc đăng ký mô hình.",
    R("Báo cáo số 12", "report", "12"), note="a count after the comma is not a list item")
add("Thực hiện Kế hoạch số 08, 100% cơ quan, đơn vị đã đăng ký mô hình; Hướng dẫn số 04, 3 bước thực hiện được phổ biến.",
    R("Kế hoạch số 08", "plan", "08"), R("Hướng dẫn số 04", "guidance", "04"))
add("Kế hoạch số 35 của UBND tỉnh, 20 cơ quan đã báo cáo; Chỉ thị số 26, 2021 là năm tăng tốc.",
    R("Kế hoạch số 35 của UBND tỉnh", "plan", "35", iss="UBND tỉnh"), R("Chỉ thị số 26", "directive", "26"),
    note="an issuer closes a list; a year is not an item")

# --- Issuers whose names hold a comma, a dash or lower-case words (through known names)
add("Thực hiện Kế hoạch số 112/KH-BVHTTDL ngày 10/3/2021 của Bộ Văn hóa, Thể thao và Du lịch, Sở đã hướng dẫn các huyện.",
    R("Kế hoạch số 112/KH-BVHTTDL ngày 10/3/2021 của Bộ Văn hóa, Thể thao và Du lịch", "plan", "112", "112/KH-BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch", "2021-03-10"))
add("Căn cứ Thông tư số 17/2016/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội hướng dẫn rà soát hộ nghèo;",
    R("Thông tư số 17/2016/TT-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội", "circular", "17", "17/2016/TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội", y=2016))
add("Chương trình phối hợp số 01 của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về giám sát đã được ký kết.",
    R("Chương trình phối hợp số 01 của Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "programme", "01", iss="Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"))
add("Kế hoạch liên tịch số 09 của Ban Thường vụ Tỉnh ủy và Ủy ban nhân dân tỉnh về thực hiện dân chủ ở cơ sở.",
    R("Kế hoạch liên tịch số 09 của Ban Thường vụ Tỉnh ủy và Ủy ban nhân dân tỉnh", "plan", "09", iss="Ban Thường vụ Tỉnh ủy và Ủy ban nhân dân tỉnh"))
add("Công văn số 245/SLĐTBXH-BTXH của Sở Lao động-Thương binh và Xã hội tỉnh Phú Yên đề nghị các huyện rà soát.",
    R("Công văn số 245/SLĐTBXH-BTXH của Sở Lao động-Thương binh và Xã hội tỉnh Phú Yên", "official_letter", "245", "245/SLĐTBXH-BTXH", "Sở Lao động-Thương binh và Xã hội tỉnh Phú Yên"))
add("Theo Hướng dẫn số 05 của Sở Nông nghiệp và Phát triển nông thôn, các xã triển khai mô hình.",
    R("Hướng dẫn số 05 của Sở Nông nghiệp và Phát triển nông thôn", "guidance", "05", iss="Sở Nông nghiệp và Phát triển nông thôn"))
add("Nghị quyết số 09-NQ/ĐU của Đảng ủy Khối các cơ quan tỉnh về cải cách hành chính đã được sơ kết.",
    R("Nghị quyết số 09-NQ/ĐU của Đảng ủy Khối các cơ quan tỉnh", "resolution", "09", "09-NQ/ĐU", "Đảng ủy Khối các cơ quan tỉnh"))
add("Thông tư số 08/2014/TT-BVHTTDL của Bộ Văn hoá,Thể thao và Du lịch quy định chi tiết.",
    R("Thông tư số 08/2014/TT-BVHTTDL của Bộ Văn hoá,Thể thao và Du lịch", "circular", "08", "08/2014/TT-BVHTTDL", "Bộ Văn hoá,Thể thao và Du lịch", y=2014),
    note="old accent placement and a comma without a space")
add("Kế hoạch số 20 của Sở Giáo dục và Đào tạo, Sở Y tế và Sở Tài chính phối hợp thực hiện.",
    R("Kế hoạch số 20 của Sở Giáo dục và Đào tạo", "plan", "20", iss="Sở Giáo dục và Đào tạo"),
    note="the issuer stops at the comma after a known name, not at the end of the sentence")

# --- Official letters cited by symbol alone (NUMBER/ISSUER-UNIT, upper-case codes)
add("Thực hiện Công văn số 143/UBND-VP ngày 20/01/2021 của UBND huyện Đồng Xuân, các xã báo cáo kết quả.",
    R("Công văn số 143/UBND-VP ngày 20/01/2021 của UBND huyện Đồng Xuân", "official_letter", "143", "143/UBND-VP", "UBND huyện Đồng Xuân", "2021-01-20"))
add("Theo văn bản số 1234/BNV-CQĐP của Bộ Nội vụ, việc sắp xếp đơn vị hành chính được tạm dừng.",
    R("văn bản số 1234/BNV-CQĐP của Bộ Nội vụ", "official_letter", "1234", "1234/BNV-CQĐP", "Bộ Nội vụ"))
add("Các xã báo cáo theo yêu cầu tại văn bản (143/UBND-VP) trước ngày 15/6/2021.",
    R("143/UBND-VP", "official_letter", "143", "143/UBND-VP"))
add("UBND xã có 2 văn bản phản hồi: 56/UBND-ĐC và 57/UBND-ĐC ngày 03/8/2022.",
    R("56/UBND-ĐC", "official_letter", "56", "56/UBND-ĐC"),
    R("57/UBND-ĐC ngày 03/8/2022", "official_letter", "57", "57/UBND-ĐC", d="2022-08-03"))
add("Năm học 2020/2021, số 5/7 xã đạt chuẩn, tỷ lệ nữ chiếm 3/5; tổ 12/TDP-KP3 và lô 4/A3 đã bàn giao.")
add("Tháng 12/2020, khoản 2 Điều 5, 12/15 thôn và tỷ số 3:1 được ghi trong biên bản 01/BB.")

# --- The constitution named without a year is still a reference (the one in force)
add("Cán bộ, đảng viên sống và làm việc theo Hiến pháp và pháp luật.",
    R("Hiến pháp", "constitution"))

with open(sys.argv[1], "w", encoding="utf-8") as f:
    for k, (text, refs, note) in enumerate(P, 1):
        row = {"id": k, "text": text, "refs": refs}
        if note: row["note"] = note
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(P), sum(1 for p in P if p[1]), sum(1 for p in P if not p[1]), sum(len(p[1]) for p in P))
