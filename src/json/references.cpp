#include "danvan/json/references.hpp"
#include "json/object_reader.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace danvan {

namespace {

template <class T>
Json optional_json(const std::optional<T>& v) {
  if (!v) return nullptr;
  return *v;
}

}  // namespace

void to_json(Json& j, const Reference& r) {
  j = Json::object();
  j["surface"] = r.surface;
  j["start"] = r.span.start;
  j["end"] = r.span.end;
  j["byte_start"] = r.span.byte_start;
  j["byte_end"] = r.span.byte_end;
  j["type"] = std::string(to_string(r.type));
  j["type_label"] = std::string(info(r.type).name);
  j["type_code"] = r.type_code;
  j["number"] = optional_json(r.number);
  j["symbol"] = r.symbol ? Json(r.symbol->canonical()) : Json(nullptr);
  j["symbol_surface"] = r.symbol ? Json(r.symbol->surface) : Json(nullptr);
  j["repaired"] = r.repaired;
  j["is_self"] = r.is_self;
  j["name"] = optional_json(r.name);
  j["issuer"] = optional_json(r.issuer);
  j["date"] = r.date ? Json(r.date->iso()) : Json(nullptr);
  j["year"] = optional_json(r.year);
  j["term"] = optional_json(r.term);
  j["period"] = r.period
                    ? Json(std::to_string(r.period->first) + "-" + std::to_string(r.period->last))
                    : Json(nullptr);
  j["resolved_id"] = optional_json(r.resolved_id);
}

void from_json(const Json& j, Reference& value) {
  detail::Problems problems;
  detail::ObjectReader in(j, "", problems);
  if (!in.ok()) problems.throw_if_any();
  constexpr long long kMaxOffset = 1LL << 53;
  Reference r;
  const auto surface = in.string("surface");
  const auto start = in.integer("start", 0, kMaxOffset);
  const auto end = in.integer("end", 0, kMaxOffset);
  const auto byte_start = in.integer("byte_start", 0, kMaxOffset);
  const auto byte_end = in.integer("byte_end", 0, kMaxOffset);
  // The slug ("directive"); output written before session 17 has the Vietnamese name there
  // ("Chỉ thị"), which is still read.
  const auto type = in.parsed<DocumentType>("type", true, [](const std::string& name) {
    for (const auto& row : document_types()) {
      if (row.slug == name) return row.type;
    }
    if (const auto t = type_from_name(name)) return *t;
    throw ValueError("unknown document type \"" + name + "\" (expected a slug such as " +
                     "\"directive\", or a Vietnamese name such as \"Chỉ thị\")");
  });
  const auto type_label = in.string("type_label", false);
  const auto type_code = in.string("type_code");
  r.number = in.string("number", false);
  r.symbol = in.parsed<Symbol>("symbol", false,
                               [](const std::string& text) { return parse_symbol(text); });
  const auto symbol_surface = in.string("symbol_surface", false);
  r.repaired = in.boolean("repaired", false).value_or(false);
  r.is_self = in.boolean("is_self", false).value_or(false);
  r.name = in.string("name", false);
  r.issuer = in.string("issuer", false);
  r.date = in.partial_date("date", false);
  if (const auto year = in.integer("year", 1900, 2200, false)) r.year = static_cast<int>(*year);
  r.term = in.string("term", false);
  r.period = in.parsed<YearRange>("period", false, [](const std::string& text) {
    const auto bad = [&] {
      return ValueError(
          "expected a period \"YYYY-YYYY\" (years 1900..2200, the first "
          "not after the last), got \"" +
          text + "\"");
    };
    const auto digits = [](std::string_view v) {
      return v.size() == 4 &&
             std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (text.size() != 9 || text[4] != '-' || !digits(std::string_view(text).substr(0, 4)) ||
        !digits(std::string_view(text).substr(5))) {
      throw bad();
    }
    const YearRange range{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5))};
    if (range.first < 1900 || range.last > 2200 || range.first > range.last) throw bad();
    return range;
  });
  r.resolved_id = in.string("resolved_id", false);
  in.finish();
  if (start && end && *start > *end)
    problems.add("/end",
                 "end " + std::to_string(*end) + " is before start " + std::to_string(*start));
  if (byte_start && byte_end && *byte_start > *byte_end) {
    problems.add("/byte_end", "byte_end " + std::to_string(*byte_end) + " is before byte_start " +
                                  std::to_string(*byte_start));
  }
  if (type && type_label && *type_label != info(*type).name) {
    problems.add("/type_label", "\"" + *type_label + "\" is not the label of the type \"" +
                                    std::string(to_string(*type)) + "\", \"" +
                                    std::string(info(*type).name) + "\"");
  }
  const bool symbol_given = j.contains("symbol") && !j["symbol"].is_null();
  if (symbol_surface && !symbol_given) {
    problems.add("/symbol_surface", "symbol_surface is given but symbol is null");
  }
  if (r.repaired && !symbol_given) {
    problems.add("/repaired", "repaired is true but symbol is null");
  }
  problems.throw_if_any();
  if (symbol_surface && r.symbol) r.symbol->surface = *symbol_surface;
  r.surface = *surface;
  r.span = TextSpan{static_cast<std::size_t>(*start), static_cast<std::size_t>(*end),
                    static_cast<std::size_t>(*byte_start), static_cast<std::size_t>(*byte_end)};
  r.type = *type;
  r.type_code = *type_code;
  if (r.resolved_id) r.status = ResolutionStatus::resolved;
  value = std::move(r);
}

}  // namespace danvan
