// The registry's vocabulary (enumerations, built-in fields, grades and forms) and the lifecycle
// of an entry: the rules check_events() enforces and the state of an entry on a day.
#include "registry/registry_lifecycle.hpp"
#include "base/enum_names.hpp"
#include "danvan/error.hpp"
#include "danvan/registry.hpp"
#include "danvan/text.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

namespace danvan {

// ---------------------------------------------------------------------------------------------
// Enumerations

namespace {

constexpr std::array<std::string_view, 2> kind_names{"model", "exemplar"};
constexpr std::array<std::string_view, 2> kind_vi{"mô hình", "điển hình"};
constexpr std::array<std::string_view, 3> subject_names{"collective", "individual", "unknown"};
constexpr std::array<std::string_view, 3> subject_vi{"tập thể", "cá nhân", "không rõ"};
constexpr std::array<std::string_view, 8> event_names{"registered", "recognised", "commended",
                                                      "awarded",    "replicated", "reevaluated",
                                                      "revoked",    "promoted"};
constexpr std::array<std::string_view, 8> event_vi{
    "đăng ký",   "công nhận",    "biểu dương", "khen thưởng",
    "nhân rộng", "đánh giá lại", "hủy bỏ",     "nâng lên điển hình"};
constexpr std::array<std::string_view, 7> state_names{
    "not_registered",      "registered", "recognised", "effective",
    "no_longer_effective", "revoked",    "lapsed"};
constexpr std::array<std::string_view, 7> state_vi{
    "chưa đăng ký",       "đã đăng ký", "đã công nhận",          "còn hiệu quả",
    "không còn hiệu quả", "đã hủy bỏ",  "hết thời hạn công nhận"};
constexpr std::array<std::string_view, 2> status_names{"decided", "proposed"};
constexpr std::array<std::string_view, 2> status_vi{"đã quyết định", "đề nghị"};
constexpr std::array<std::string_view, 4> dimension_names{"field", "level", "subject", "kind"};

}  // namespace

DANVAN_ENUM_NAMES(EntryKind, kind_names, parse_entry_kind, "entry kind")
DANVAN_ENUM_NAMES(Subject, subject_names, parse_subject, "subject")
DANVAN_ENUM_NAMES(EventType, event_names, parse_event_type, "event type")
DANVAN_ENUM_NAMES(EntryState, state_names, parse_entry_state, "state")
DANVAN_ENUM_NAMES(CommendationStatus, status_names, parse_commendation_status, "status")
DANVAN_ENUM_NAMES(StatsDimension, dimension_names, parse_stats_dimension, "dimension")
std::vector<StatsDimension> parse_stats_dimensions(std::string_view text) {
  std::vector<StatsDimension> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const auto part =
        text.substr(start, comma == std::string_view::npos ? text.npos : comma - start);
    const StatsDimension d = parse_stats_dimension(part);
    if (std::find(out.begin(), out.end(), d) != out.end()) {
      throw ValueError("dimension \"" + std::string(part) + "\" is listed twice");
    }
    out.push_back(d);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}
std::string_view vietnamese_name(EntryKind v) noexcept { return detail::enum_name(kind_vi, v); }
std::string_view vietnamese_name(Subject v) noexcept { return detail::enum_name(subject_vi, v); }
std::string_view vietnamese_name(EventType v) noexcept { return detail::enum_name(event_vi, v); }
std::string_view vietnamese_name(EntryState v) noexcept { return detail::enum_name(state_vi, v); }
std::string_view vietnamese_name(CommendationStatus v) noexcept {
  return detail::enum_name(status_vi, v);
}

bool is_in_force(EntryState state) noexcept {
  return state == EntryState::recognised || state == EntryState::effective;
}

const std::vector<Field>& builtin_fields() {
  static const std::vector<Field> fields{
      {"kinh-te", "kinh tế"},
      {"van-hoa-xa-hoi", "văn hóa – xã hội"},
      {"quoc-phong-an-ninh", "quốc phòng – an ninh"},
      {"xay-dung-he-thong-chinh-tri", "xây dựng hệ thống chính trị"},
  };
  return fields;
}

const std::vector<Grade>& builtin_grades() {
  static const std::vector<Grade> grades{
      {"xuat-sac", "xuất sắc"},
      {"tot", "tốt"},
      {"kha", "khá"},
  };
  return grades;
}

const std::vector<CommendationForm>& builtin_forms() {
  static const std::vector<CommendationForm> forms{
      {"bieu-duong", "biểu dương"}, {"tuyen-duong", "tuyên dương"}, {"giay-khen", "Giấy khen"},
      {"bang-khen", "Bằng khen"},   {"co-thi-dua", "Cờ thi đua"},   {"huan-chuong", "Huân chương"},
  };
  return forms;
}

std::string describe(const Event& event) {
  return std::string(to_string(event.type)) + " on " + (event.date ? event.date->iso() : "?");
}

// ---------------------------------------------------------------------------------------------
// Lifecycle

namespace detail {

std::vector<Date> certain_days(const std::vector<Event>& events) {
  std::vector<Date> out;
  certain_days(events, out);
  return out;
}

void certain_days(const std::vector<Event>& events, std::vector<Date>& out) {
  out.resize(events.size());
  for (std::size_t k = events.size(); k-- > 0;) {
    Date d = events[k].date ? events[k].date->last_day() : Date(9999, 12, 31);
    if (k + 1 < events.size() && out[k + 1] < d) d = out[k + 1];
    out[k] = d;
  }
}

bool lapsed(int anchor_year, int day_year, int recognition_years) noexcept {
  return recognition_years > 0 && anchor_year > 0 && day_year > anchor_year + recognition_years - 1;
}

}  // namespace detail

namespace {

/// Throws the problem `why` of event `i`: what() names the entry and the event ("entry \"x\":
/// event 2 (revoked on 2020-04-01) comes before recognition"); problems() has it at the event's
/// place in the entry's JSON form ("/events/1"), without the entry's name.
[[noreturn]] void fail_event(const Entry& entry, std::size_t i, const std::string& why) {
  std::string reason =
      "event " + std::to_string(i + 1) + " (" + describe(entry.events[i]) + ") " + why;
  const std::string what = "entry \"" + entry.id + "\": " + reason;
  throw ValueError(what, {{"/events/" + std::to_string(i), std::move(reason)}});
}

bool is_decided_recognition(const Event& e) {
  return e.type == EventType::recognised && e.status == CommendationStatus::decided;
}

bool needs_recognition(EventType t) {
  return t == EventType::replicated || t == EventType::reevaluated || t == EventType::revoked;
}

/// Which members a type allows (the required ones are checked separately).
struct Allowed {
  bool level, by, decision, grade, form, status, units, evaluation, kind;
};

Allowed allowed_members(EventType t) {
  switch (t) {
    case EventType::registered:
      return {true, false, false, false, false, false, false, false, false};
    case EventType::recognised:
      return {true, true, true, true, false, true, false, false, false};
    case EventType::commended:
    case EventType::awarded:
      return {true, true, true, false, true, true, false, false, false};
    case EventType::replicated:
      return {false, false, false, false, false, false, true, false, false};
    case EventType::reevaluated:
      return {false, false, false, false, false, false, false, true, false};
    case EventType::revoked:
      return {false, false, true, false, false, false, false, false, false};
    case EventType::promoted:
      return {false, false, true, false, false, false, false, false, true};
  }
  return {};
}

void check_members(const Entry& entry, std::size_t i) {
  const Event& e = entry.events[i];
  const auto fail = [&](const std::string& why) { fail_event(entry, i, why); };
  const Allowed a = allowed_members(e.type);
  if (!e.date) fail("has no date");
  if (!a.level && e.level) fail("must not have a level");
  if (!a.by && e.by) fail("must not have \"by\"");
  if (!a.decision && e.decision) fail("must not have a decision");
  if (!a.grade && e.grade) fail("must not have a grade");
  if (!a.form && e.form) fail("must not have a form");
  if (!a.status && e.status != CommendationStatus::decided) fail("must not have a status");
  if (a.units && e.unit_ids.empty()) fail("names no unit");
  if (!a.units && !e.unit_ids.empty()) fail("must not have units");
  if (a.evaluation && !e.year) fail("has no year");
  if (a.evaluation && !e.effective) fail("has no \"effective\"");
  if (!a.evaluation && e.year) fail("must not have a year");
  if (!a.evaluation && e.effective) fail("must not have \"effective\"");
  if (a.kind && !e.kind) fail("has no kind");
  if (!a.kind && e.kind) fail("must not have a kind");
  if (e.decision && squeeze_spaces(*e.decision).empty()) fail("has an empty decision");
  for (std::size_t k = 0; k < e.unit_ids.size(); ++k) {
    for (std::size_t m = 0; m < k; ++m) {
      if (e.unit_ids[m] == e.unit_ids[k]) fail("lists unit \"" + e.unit_ids[k] + "\" twice");
    }
  }
}

/// The order rule (see Event): no event's period ends before the start of an earlier event's.
void check_order(const Entry& entry) {
  const auto& ev = entry.events;
  std::size_t latest_start = 0;  // the earlier event whose period starts last
  for (std::size_t i = 1; i < ev.size(); ++i) {
    if (ev[i].date->last_day() < ev[latest_start].date->first_day()) {
      fail_event(entry, i,
                 "is dated before event " + std::to_string(latest_start + 1) + " (" +
                     describe(ev[latest_start]) + ")");
    }
    if (ev[i].date->first_day() >= ev[latest_start].date->first_day()) latest_start = i;
  }
}

}  // namespace

namespace {

/// The index of an earlier event keyed by `key` (a year), remembered with `add`; a map only
/// for long histories (nearly every entry has a few events: no allocation for those).
class YearIndex {
 public:
  /// The event that had `year` already, or inserts (year, i) and returns nullopt.
  std::optional<std::size_t> add(int year, std::size_t i) {
    if (many_.empty()) {
      for (std::size_t k = 0; k < count_; ++k) {
        if (few_[k].first == year) return few_[k].second;
      }
      if (count_ < few_.size()) {
        few_[count_++] = {year, i};
        return std::nullopt;
      }
      many_.insert(few_.begin(), few_.end());
    }
    const auto [it, fresh] = many_.emplace(year, i);
    if (fresh) return std::nullopt;
    return it->second;
  }

 private:
  std::array<std::pair<int, std::size_t>, 8> few_{};
  std::size_t count_ = 0;
  std::map<int, std::size_t> many_;
};

}  // namespace

void check_events(const Entry& entry) {
  const auto& ev = entry.events;
  const auto who = [&entry] { return "entry \"" + entry.id + "\": "; };
  if (ev.empty()) throw ValueError(who() + "no events", {{"/events", "no events"}});
  // The first registration; without one (the source gives only later facts) the history
  // starts with the first event.
  std::size_t reg = 0;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    if (ev[i].type == EventType::registered) {
      reg = i;
      break;
    }
  }
  for (std::size_t i = 0; i < ev.size(); ++i) check_members(entry, i);
  const PartialDate reg_date = *ev[reg].date;
  for (std::size_t i = 0; i < reg; ++i) {
    if (ev[i].date->last_day() < reg_date.first_day()) {
      fail_event(entry, i, "is dated before registration (" + reg_date.iso() + ")");
    }
    fail_event(entry, i, "comes before registration");
  }
  check_order(entry);
  bool recognised = false;
  EntryKind kind = entry.kind;
  std::optional<std::size_t> revoked;
  YearIndex evaluated;
  YearIndex registered;
  for (std::size_t i = 0; i < ev.size(); ++i) {
    const Event& e = ev[i];
    if (revoked) {
      fail_event(entry, i, "comes after revocation (" + ev[*revoked].date->iso() + ")");
    }
    if (e.type == EventType::registered) {
      if (const auto earlier = registered.add(e.date->year(), i)) {
        fail_event(entry, i,
                   "registers the entry again in " + std::to_string(e.date->year()) + " (event " +
                       std::to_string(*earlier + 1) + " did)");
      }
    }
    if (needs_recognition(e.type) && !recognised) {
      fail_event(entry, i, "comes before recognition");
    }
    if (is_decided_recognition(e)) recognised = true;
    if (e.type == EventType::revoked) revoked = i;
    if (e.type == EventType::promoted) {
      if (*e.kind == kind) {
        fail_event(entry, i,
                   "promotes to " + std::string(to_string(*e.kind)) + ", the kind it already has");
      }
      kind = *e.kind;
    }
    if (e.type == EventType::reevaluated) {
      const int y = *e.year;
      if (y > e.date->year()) {
        fail_event(entry, i, "evaluates " + std::to_string(y) + ", a later year");
      }
      if (y < reg_date.year()) {
        fail_event(
            entry, i,
            "evaluates " + std::to_string(y) + ", before the " +
                (ev[reg].type == EventType::registered ? std::string("registration year ")
                                                       : std::string("year of its first event ")) +
                std::to_string(reg_date.year()));
      }
      if (const auto earlier = evaluated.add(y, i)) {
        std::string reason = "re-evaluated twice in " + std::to_string(y) + " (events " +
                             std::to_string(*earlier + 1) + " and " + std::to_string(i + 1) + ")";
        const std::string what = who() + reason;
        throw ValueError(what, {{"/events/" + std::to_string(i), std::move(reason)}});
      }
    }
  }
}

EntryState Entry::state_on(Date day, int recognition_years) const {
  EntryState s = EntryState::not_registered;
  int anchor = 0;
  const auto certain = detail::certain_days(events);
  for (std::size_t k = 0; k < events.size(); ++k) {
    const Event& e = events[k];
    if (certain[k] > day) break;
    switch (e.type) {
      case EventType::registered:
        if (s == EntryState::not_registered) s = EntryState::registered;
        break;
      case EventType::recognised:
        if (e.status == CommendationStatus::proposed) break;  // not a recognition yet
        s = EntryState::recognised;
        anchor = std::max(anchor, e.date ? e.date->year() : 0);
        break;
      case EventType::reevaluated:
        s = e.effective.value_or(false) ? EntryState::effective : EntryState::no_longer_effective;
        if (s == EntryState::effective) anchor = std::max(anchor, e.year.value_or(0));
        break;
      case EventType::revoked:
        s = EntryState::revoked;
        break;
      default:
        break;
    }
  }
  if (is_in_force(s) && detail::lapsed(anchor, day.year(), recognition_years)) {
    s = EntryState::lapsed;
  }
  return s;
}

std::optional<Level> Entry::level_on(Date day) const {
  std::optional<Level> best;
  const auto certain = detail::certain_days(events);
  for (std::size_t k = 0; k < events.size(); ++k) {
    const Event& e = events[k];
    if (certain[k] > day) break;
    if (is_decided_recognition(e) && e.level && (!best || *e.level < *best)) best = e.level;
  }
  return best;
}

EntryKind Entry::kind_on(Date day) const {
  EntryKind k = kind;
  const auto certain = detail::certain_days(events);
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (certain[i] > day) break;
    if (events[i].type == EventType::promoted && events[i].kind) k = *events[i].kind;
  }
  return k;
}

}  // namespace danvan
