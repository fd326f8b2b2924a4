// The json component: danvan::json reads and writes documents (and brings nlohmann_json).
#include <danvan/json/documents.hpp>
#include <danvan/json/plan.hpp>

#include <iostream>

int main() {
  const std::string text = R"({"schema": "danvan/units", "version": 1, "units": []})";
  const std::string canonical = danvan::format_document(text);
  const danvan::UnitHierarchy units = danvan::units_from_json(danvan::parse_json(canonical));
  std::cout << canonical;
  return units.units().empty() && danvan::validate_document(canonical).empty() ? 0 : 1;
}
