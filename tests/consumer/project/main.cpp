#include <danvan/danvan.hpp>

#include <iostream>

int main() {
  const danvan::Symbol s = danvan::parse_symbol("Số: 217/QĐ-TW");
  const danvan::PartialDate d = danvan::parse_partial_date("ngày 12 tháng 12 năm 2013");
  std::cout << s.canonical() << " " << d.iso() << " " << danvan::fold("Dân vận khéo") << "\n";
  return s.canonical() == "217-QĐ/TW" && d.iso() == "2013-12-12" ? 0 : 1;
}
