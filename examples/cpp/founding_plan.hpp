// The founding plan (Phú Yên, "Năm dân vận khéo" 2020) built in C++ code, fact by fact.
// tests/founding_plan_test.cpp checks that it equals data/plans/phu-yen-2020-nam-dan-van-kheo.json;
// examples/cpp/build_plan.cpp writes it out. Source: the news item in the plan's "source".
#pragma once

#include <danvan/danvan.hpp>

namespace danvan_examples {

inline danvan::Plan founding_plan() {
  using namespace danvan;
  Plan plan;
  plan.id = "phu-yen-2020-nam-dan-van-kheo";
  plan.title =
      "Kế hoạch thực hiện “Năm dân vận khéo” 2020 trong các cơ quan hành chính, các đơn vị sự "
      "nghiệp công lập trên địa bàn tỉnh";
  plan.issuer_id = "ubnd-tinh-phu-yen";
  plan.period = PlanPeriod::year(2020);
  plan.scope = {UnitKind::administrative_agency, UnitKind::public_service_unit};
  plan.purposes = {
      "tiếp tục đẩy mạnh công tác dân vận khéo của hệ thống chính trị, vận động nhân dân tích cực "
      "thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, góp phần cho "
      "sự nghiệp xây dựng và bảo vệ Tổ quốc",
      "nâng cao trách nhiệm của các cấp ủy, chính quyền, các cơ quan, đơn vị, cán bộ, đảng viên, "
      "công chức, viên chức đối với công tác dân vận, góp phần củng cố niềm tin của nhân dân đối "
      "với Đảng, Nhà nước, hệ thống chính trị; vận động nhân dân thực hiện tốt chủ trương, đường "
      "lối của Đảng và chính sách, pháp luật của Nhà nước; tăng cường khối đại đoàn kết toàn dân; "
      "xây dựng, nhân rộng các điển hình dân vận khéo, tạo sự đồng thuận và tham gia của nhân dân",
  };
  plan.requirements = {
      "việc thực hiện các nội dung dân vận khéo phải thiết thực, hiệu quả, góp phần hoàn thành các "
      "mục tiêu, chương trình, kế hoạch phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh, "
      "nâng cao đời sống vật chất và tinh thần cho nhân dân",
  };
  plan.milestones.push_back(
      Milestone{"dai-hoi-dang-bo-cac-cap", "Đại hội đảng bộ các cấp", std::nullopt});
  plan.milestones.push_back(Milestone{"dai-hoi-dang-bo-tinh-phu-yen-xvii",
                                      "Đại hội đại biểu Đảng bộ tỉnh Phú Yên lần thứ XVII",
                                      std::nullopt});
  plan.milestones.push_back(Milestone{"dai-hoi-dang-toan-quoc-xiii",
                                      "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
                                      std::nullopt});
  plan.milestones.push_back(
      Milestone{"ky-niem-90-nam-cong-tac-dan-van",
                "Kỷ niệm 90 năm truyền thống công tác dân vận của Đảng (15/10/1930 – 15/10/2020)",
                PartialDate(2020, 10, 15)});

  // Issuers: only what the plan and the project's DESIGN notes state.
  {
    Issuer i;
    i.id = "ban-dan-van-trung-uong";
    i.name = "Ban Dân vận Trung ương";
    i.code = "BDVTW";
    i.valid_to = PartialDate(2025);
    i.successor_ids = {"ban-tuyen-giao-va-dan-van-trung-uong"};
    plan.catalogue.add_issuer(std::move(i));
  }
  {
    Issuer i;
    i.id = "ban-tuyen-giao-va-dan-van-trung-uong";
    i.name = "Ban Tuyên giáo và Dân vận Trung ương";
    i.valid_from = PartialDate(2025);
    plan.catalogue.add_issuer(std::move(i));
  }
  {
    Issuer i;
    i.id = "ban-can-su-dang-chinh-phu";
    i.name = "Ban Cán sự Đảng Chính phủ";
    i.code = "BCSĐCP";
    plan.catalogue.add_issuer(std::move(i));
  }
  {
    Issuer i;
    i.id = "ban-dan-van-tinh-uy-phu-yen";
    i.name = "Ban Dân vận Tỉnh ủy Phú Yên";
    plan.catalogue.add_issuer(std::move(i));
  }
  {
    Issuer i;
    i.id = "ban-can-su-dang-ubnd-tinh-phu-yen";
    i.name = "Ban Cán sự Đảng Ủy ban nhân dân tỉnh Phú Yên";
    plan.catalogue.add_issuer(std::move(i));
  }
  {
    Issuer i;
    i.id = "ubnd-tinh-phu-yen";
    i.name = "Ủy ban nhân dân tỉnh Phú Yên";
    i.code = "UBND";
    i.valid_to = PartialDate(2025, 6, 30);
    i.successor_ids = {"ubnd-tinh-dak-lak"};
    plan.catalogue.add_issuer(std::move(i));
  }
  {
    Issuer i;
    i.id = "ubnd-tinh-dak-lak";
    i.name = "Ủy ban nhân dân tỉnh Đắk Lắk";
    i.code = "UBND";
    plan.catalogue.add_issuer(std::move(i));
  }
  {
    Issuer i;
    i.id = "bo-chinh-tri";
    i.name = "Bộ Chính trị";
    i.code = "TW";
    plan.catalogue.add_issuer(std::move(i));
  }
  {
    Issuer i;
    i.id = "thu-tuong-chinh-phu";
    i.name = "Thủ tướng Chính phủ";
    i.code = "TTg";
    plan.catalogue.add_issuer(std::move(i));
  }
  {
    Issuer i;
    i.id = "ban-thuong-vu-tinh-uy-phu-yen";
    i.name = "Ban Thường vụ Tỉnh ủy Phú Yên";
    i.code = "TU";
    plan.catalogue.add_issuer(std::move(i));
  }

  // The seven instruments the plan cites; the two "Chỉ thị 23" differ by issuer and family.
  {
    Instrument in;
    in.id = "ctr-79-bdvtw-bcsdcp-2016";
    in.type = DocumentType::programme;
    in.family = DocumentFamily::party;
    in.number = "79";
    in.symbol = parse_symbol("79-CTr/BDVTW-BCSĐCP");
    in.issuer_ids = {"ban-dan-van-trung-uong", "ban-can-su-dang-chinh-phu"};
    in.date = PartialDate(2016, 10, 11);
    in.period = YearRange{2016, 2021};
    in.title = "Về phối hợp thực hiện công tác dân vận";
    plan.catalogue.add_instrument(std::move(in));
  }
  {
    Instrument in;
    in.id = "ctr-05-phu-yen-2017";
    in.type = DocumentType::programme;
    in.family = DocumentFamily::party;
    in.number = "05";
    in.issuer_ids = {"ban-dan-van-tinh-uy-phu-yen", "ban-can-su-dang-ubnd-tinh-phu-yen"};
    in.period = YearRange{2017, 2021};
    in.title = "Về công tác dân vận";
    plan.catalogue.add_instrument(std::move(in));
  }
  {
    Instrument in;
    in.id = "kh-35-ubnd-phu-yen-2020";
    in.type = DocumentType::plan;
    in.family = DocumentFamily::state;
    in.number = "35";
    in.issuer_ids = {"ubnd-tinh-phu-yen"};
    in.date = PartialDate(2020);
    in.title = "Về Công tác Dân vận chính quyền năm 2020";
    plan.catalogue.add_instrument(std::move(in));
  }
  {
    Instrument in;
    in.id = "qd-217-bct-2013";
    in.type = DocumentType::decision;
    in.family = DocumentFamily::party;
    in.number = "217";
    in.symbol = parse_symbol("217-QĐ/TW");
    in.issuer_ids = {"bo-chinh-tri"};
    in.date = PartialDate(2013, 12, 12);
    in.term = "XI";
    plan.catalogue.add_instrument(std::move(in));
  }
  {
    Instrument in;
    in.id = "ct-26-ttg-2016";
    in.type = DocumentType::directive;
    in.family = DocumentFamily::state;
    in.number = "26";
    in.symbol = parse_symbol("26/CT-TTg");
    in.issuer_ids = {"thu-tuong-chinh-phu"};
    in.date = PartialDate(2016, 9, 5);
    in.title = "Về tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp";
    plan.catalogue.add_instrument(std::move(in));
  }
  {
    Instrument in;
    in.id = "ct-23-btvtu-phu-yen";
    in.type = DocumentType::directive;
    in.family = DocumentFamily::party;
    in.number = "23";
    in.issuer_ids = {"ban-thuong-vu-tinh-uy-phu-yen"};
    in.title =
        "Về việc tăng cường kỷ luật, kỷ cương hành chính trong hoạt động của các cơ quan, đơn vị "
        "trên địa bàn tỉnh";
    plan.catalogue.add_instrument(std::move(in));
  }
  {
    Instrument in;
    in.id = "ct-23-ubnd-phu-yen";
    in.type = DocumentType::directive;
    in.family = DocumentFamily::state;
    in.number = "23";
    in.issuer_ids = {"ubnd-tinh-phu-yen"};
    in.title =
        "Về tăng cường trách nhiệm của người đứng đầu về cải cách hành chính và nâng cao kỷ cương, "
        "kỷ luật trong các cơ quan nhà nước các cấp";
    plan.catalogue.add_instrument(std::move(in));
  }

  {
    Unit u;
    u.id = "ubnd-tinh-phu-yen";
    u.name = "Ủy ban nhân dân tỉnh Phú Yên";
    u.kind = UnitKind::peoples_committee;
    u.level = Level::province;
    u.valid_to = Date(2025, 6, 30);
    plan.units.add(std::move(u));
  }

  {
    TaskArea t;
    t.number = 1;
    t.text =
        "Tiếp tục phổ biến, triển khai thực hiện trong cán bộ, công chức, viên chức, người lao "
        "động thực hiện nghiêm túc các nội dung Chương trình phối hợp số 79 giữa Ban Dân vận Trung "
        "ương và Ban Cán sự Đảng Chính phủ về phối hợp thực hiện công tác dân vận, giai đoạn 2016- "
        "2021; Chương trình phối hợp số 05 của Ban Dân vận Tỉnh ủy và Ban Cán sự Đảng UBND tỉnh về "
        "công tác dân vận giai đoạn 2017 - 2021; triển khai và thực hiện hiệu quả Kế hoạch số 35 "
        "của UBND tỉnh về Công tác Dân vận chính quyền năm 2020.";
    t.citations.push_back(Citation{
        "ctr-79-bdvtw-bcsdcp-2016",
        "Chương trình phối hợp số 79 giữa Ban Dân vận Trung ương và Ban Cán sự Đảng Chính phủ"});
    t.citations.push_back(Citation{
        "ctr-05-phu-yen-2017",
        "Chương trình phối hợp số 05 của Ban Dân vận Tỉnh ủy và Ban Cán sự Đảng UBND tỉnh"});
    t.citations.push_back(Citation{"kh-35-ubnd-phu-yen-2020", "Kế hoạch số 35 của UBND tỉnh"});
    plan.task_areas.push_back(std::move(t));
  }
  {
    TaskArea t;
    t.number = 2;
    t.text =
        "Phối hợp, tạo điều kiện để Mặt trận Tổ quốc Việt Nam; các đoàn thể chính trị - xã hội và "
        "nhân dân tham gia giám sát, phản biện xã hội và góp ý xây dựng Đảng, xây dựng chính quyền "
        "theo Quyết định 217 của Bộ Chính trị (khóa XI). Tăng cường công khai, minh bạch, tạo "
        "thuận lợi cho nhân dân tiếp cận, giám sát hoạt động của cơ quan hành chính nhà nước các "
        "cấp, của cán bộ, đảng viên, công chức, viên chức; đẩy mạnh phong trào thi đua \"Dân vận "
        "khéo\"; thực hiện tốt Quy chế dân chủ ở cơ sở.";
    t.citations.push_back(Citation{"qd-217-bct-2013", "Quyết định 217 của Bộ Chính trị (khóa XI)"});
    plan.task_areas.push_back(std::move(t));
  }
  {
    TaskArea t;
    t.number = 3;
    t.text =
        "Đẩy mạnh cải cách hành chính, nhất là thủ tục hành chính; phòng, chống tham nhũng, ngăn "
        "ngừa tiêu cực, nhũng nhiễu, phiền hà đối với nhân dân, doanh nghiệp; triển khai thực hiện "
        "nghiêm túc các nội dung Chỉ thị số 26 của Thủ tướng Chính phủ về tăng cường kỷ luật, kỷ "
        "cương trong các cơ quan hành chính nhà nước các cấp; Chỉ thị số 23 của Ban Thường vụ Tỉnh "
        "ủy về việc tăng cường kỷ luật, kỷ cương hành chính trong hoạt động của các cơ quan, đơn "
        "vị trên địa bàn tỉnh; Chỉ thị 23 của UBND tỉnh về tăng cường trách nhiệm của người đứng "
        "đầu về cải cách hành chính và nâng cao kỷ cương, kỷ luật trong các cơ quan nhà nước các "
        "cấp.";
    t.citations.push_back(Citation{"ct-26-ttg-2016", "Chỉ thị số 26 của Thủ tướng Chính phủ"});
    t.citations.push_back(
        Citation{"ct-23-btvtu-phu-yen", "Chỉ thị số 23 của Ban Thường vụ Tỉnh ủy"});
    t.citations.push_back(Citation{"ct-23-ubnd-phu-yen", "Chỉ thị 23 của UBND tỉnh"});
    plan.task_areas.push_back(std::move(t));
  }
  {
    TaskArea t;
    t.number = 4;
    t.text =
        "Nâng cao hiệu quả công tác dân vận trong lực lượng vũ trang, phát huy phẩm chất truyền "
        "thống “Bộ đội Cụ Hồ” và hình ảnh người chiến sĩ “Công an nhân dân” trong thực hiện nhiệm "
        "vụ, nhất là trong tham gia xây dựng chính trị ở cơ sở, bảo vệ an ninh chính trị, trật tự "
        "an toàn xã hội, xây dựng nền quốc phòng toàn dân, thế trận an ninh nhân dân vững mạnh; "
        "tham gia phát triển kinh tế - xã hội, thực hiện Chương trình mục tiêu Quốc gia xây dựng "
        "nông thôn mới, đô thị văn minh; tuyên truyền, vận động, giúp đỡ nhân dân thực hiện chủ "
        "trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, phát triển kinh tế, văn "
        "hóa, xã hội, giảm nghèo, góp phần xây dựng hệ thống chính trị ở cơ sở; củng cố, tăng "
        "cường tình đoàn kết giữa lực lượng vũ trang với nhân dân.";
    plan.task_areas.push_back(std::move(t));
  }
  {
    TaskArea t;
    t.number = 5;
    t.text =
        "Lãnh đạo các địa phương, thủ trưởng các đơn vị thực hiện nghiêm túc công tác đối thoại, "
        "tiếp công dân, giải quyết kịp thời đơn thư khiếu nại, tố cáo, những kiến nghị, nguyện "
        "vọng chính đáng liên quan trực tiếp đến đời sống và sinh hoạt của nhân dân, tránh tồn "
        "đọng, không để xảy ra điểm nóng. Tăng cường chỉ đạo công tác thanh tra, kiểm tra, giám "
        "sát việc thực hiện kỷ luật, kỷ cương hành chính trong nội bộ từng cơ quan, đơn vị, địa "
        "phương. Đẩy mạnh công tác dân vận khéo của đội ngũ cán bộ, công chức, viên chức trong quá "
        "trình thực thi công vụ, vận động nhân dân chấp hành chủ trương, đường lối của Đảng, chính "
        "sách, pháp luật của Nhà nước. Xây dựng điển hình Dân vận khéo trên tất cả các lĩnh vực, "
        "địa bàn; phát hiện, biểu dương, nhân rộng các điển hình “Dân vận khéo” trong các tập thể, "
        "cá nhân để nhân rộng tại các địa bàn, đơn vị khác.";
    plan.task_areas.push_back(std::move(t));
  }

  SourceInfo source;
  source.title = "Thực hiện “Năm dân vận khéo” 2020";
  source.published = PartialDate(2020, 4, 10);
  source.author = "Thủy Loan";
  source.note =
      "News item \"Hoạt động lãnh đạo UBND Tỉnh\" announcing the plan; it does not give the plan's "
      "number, exact issue date, legal bases or lead units, so those stay empty. Texts are "
      "verbatim except three typing slips corrected: \"khéophải\" → \"khéo phải\", \"vững mnh\" → "
      "\"vững mạnh\", a non-breaking space doubled with a space collapsed to one space. The plan's "
      "lowercase purpose and requirement fragments are quoted as the article words them.";
  plan.source = std::move(source);
  plan.validate();
  return plan;
}

}  // namespace danvan_examples
