#include "json/unit_codes.hpp"

#include <algorithm>
#include <utility>

namespace danvan::detail {

bool is_code_value(const Json& v) {
  return v.is_string() && v.get_ref<const std::string&>().rfind("code:", 0) == 0;
}

bool any_code_value(const Json& object, std::string_view key) {
  const auto it = object.find(key);
  if (it == object.end()) return false;
  if (is_code_value(*it)) return true;
  return it->is_array() && std::any_of(it->begin(), it->end(), is_code_value);
}

CodeDays days_of(const PartialDate& date) {
  return {date.first_day(), date.last_day(),
          (date.precision() == DatePrecision::day ? "on " : "in ") + date.iso()};
}

std::vector<const Unit*> carrying_during(const std::vector<const Unit*>& units,
                                         const CodeDays& days) {
  std::vector<const Unit*> out;
  for (const Unit* u : units) {
    if ((!u->valid_from || *u->valid_from <= days.to) &&
        (!u->valid_to || days.from <= *u->valid_to)) {
      out.push_back(u);
    }
  }
  return out;
}

std::string names_several(const std::vector<const Unit*>& carriers, const CodeDays& days) {
  std::string ids;
  for (const Unit* u : carriers) ids += (ids.empty() ? "\"" : ", \"") + u->id + "\"";
  return "names " + std::to_string(carriers.size()) + " units " + days.text + " (" + ids + ")";
}

CodeResolver::CodeResolver(const UnitRegister* reg, std::string document, std::string several)
    : reg_(reg), document_(std::move(document)), several_(std::move(several)) {}

bool CodeResolver::resolve(std::string& ref, const std::optional<CodeDays>& days,
                           const std::string& pointer, Problems& problems) {
  if (ref.rfind("code:", 0) != 0) return true;
  const std::string code = ref.substr(5);
  if (reg_ == nullptr) {
    problems.add(pointer, "\"" + ref + "\" names a unit by its official code: read " + document_ +
                              " with a unit register (the national register) to resolve it");
    return false;
  }
  if (!days) return false;  // (the date's own problem is recorded)
  // Comparing only the first and last days would take the one unit known at one end although
  // another carried the code in between: every day counts.
  const std::vector<const Unit*> carriers = carrying_during(reg_->by_code(code), *days);
  if (carriers.empty()) {
    problems.add(pointer,
                 "no unit of the register has the official code \"" + code + "\" " + days->text);
    return false;
  }
  if (carriers.size() > 1) {
    problems.add(pointer,
                 "the official code \"" + code + "\" " + names_several(carriers, *days) + several_);
    return false;
  }
  ref = carriers.front()->id;
  taken_.push_back(reg_->hierarchy().position(ref));
  return true;
}

void CodeResolver::add_units(UnitHierarchy& units, const std::string& pointer,
                             const std::string& namer, Problems& problems) const {
  if (reg_ == nullptr || taken_.empty()) return;
  const UnitHierarchy& from = reg_->hierarchy();
  const auto& all = from.units();
  std::vector<char> in(all.size(), 0);
  std::vector<std::size_t> next = taken_;
  for (std::size_t k = 0; k < next.size(); ++k) {
    const std::size_t pos = next[k];
    if (in[pos] != 0) continue;
    in[pos] = 1;
    const Unit& u = all[pos];
    const auto follow = [&](const std::string& id) {
      const std::size_t q = from.position(id);
      if (q != UnitHierarchy::npos && in[q] == 0) next.push_back(q);
    };
    if (u.parent_id) follow(*u.parent_id);
    for (const auto& id : u.predecessor_ids) follow(id);
    for (const auto& id : u.successor_ids) follow(id);
  }
  for (std::size_t pos = 0; pos < all.size(); ++pos) {
    if (in[pos] == 0) continue;
    if (units.find(all[pos].id) != nullptr) {
      problems.add(pointer, "unit \"" + all[pos].id +
                                "\" is embedded and is also a unit of the register that " + namer +
                                " by official code: give it another id");
      continue;
    }
    units.add(all[pos]);
  }
}

}  // namespace danvan::detail
