// danvan calendar holidays | deadline
#include "cli.hpp"

#include "danvan/calendar.hpp"
#include "danvan/deadline.hpp"
#include "danvan/json.hpp"

// Internal header of the library (header-only), for the one "unknown name" message style.
#include "../src/base/enum_names.hpp"

#include <ostream>

namespace danvan::cli {

namespace {

/// Pads `text` with spaces to `width` code points.
std::string pad(std::string_view text, std::size_t width) {
  std::size_t points = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++points;
  }
  std::string out(text);
  if (points < width) out.append(width - points, ' ');
  return out;
}

std::string vn_date(Date d) { return PartialDate::from_date(d).vietnamese(); }

Calendar calendar_from(const Args& args) {
  const auto file = args.option("--calendar");
  if (!file) return Calendar::vietnam();
  return naming_input("--calendar " + *file,
                      [&] { return calendar_from_json_text(read_input(*file)); });
}

int parse_year(const std::string& text) {
  const bool digits = text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits) throw UsageError("invalid year \"" + text + "\"; expected 4 digits such as 2026");
  return std::stoi(text);
}

/// DAYS: a whole number 0..max_deadline_days. Deadlines count forward only (the library has no
/// backward counting), so a negative count is a usage error.
int parse_count(const std::string& text) {
  const bool negative = !text.empty() && text[0] == '-';
  const std::size_t start = negative ? 1 : 0;
  const bool digits = text.size() > start && text.size() <= start + 9 &&
                      text.find_first_not_of("0123456789", start) == std::string::npos;
  if (!digits) {
    throw UsageError("invalid day count \"" + text + "\"; expected a whole number of days");
  }
  if (negative) {
    throw UsageError("day count \"" + text + "\" is negative; DAYS counts forward from DATE (0.." +
                     std::to_string(max_deadline_days) + "), counting backwards is not supported");
  }
  return std::stoi(text);
}

int holidays(const Args& args, std::ostream& out) {
  if (args.positionals.size() != 2) throw UsageError("expected: holidays YEAR");
  if (args.has("--working-days")) throw UsageError("--working-days applies to 'deadline' only");
  const std::string format = args.option("--format").value_or("text");
  if (format != "text" && format != "json") {
    throw UsageError(detail::unknown_name_message("format", format, {"text", "json"}));
  }
  const int year = parse_year(args.positionals[1]);
  const Calendar calendar = calendar_from(args);
  const auto list = calendar.days_off(year);
  if (format == "json") {
    Json doc = Json::object();
    doc["calendar"] = calendar.name();
    doc["year"] = year;
    doc["days_off"] = Json::array();
    for (const DayOff& d : list) {
      Json j = Json::object();
      j["date"] = to_iso(d.date);
      j["weekday"] = to_string(weekday_of(d.date));
      j["name"] = d.name;
      j["kind"] = to_string(d.kind);
      j["rule"] = d.rule_id.empty() ? Json(nullptr) : Json(d.rule_id);
      doc["days_off"].push_back(std::move(j));
    }
    out << to_canonical_text(doc);
    return 0;
  }
  out << "Ngày nghỉ lễ, tết năm " << year << " (" << calendar.name() << ")\n";
  for (const DayOff& d : list) {
    out << vn_date(d.date) << "  " << pad(vietnamese_name(weekday_of(d.date)), 8) << "  " << d.name
        << "\n";
  }
  return 0;
}

int deadline(const Args& args, std::ostream& out) {
  if (args.positionals.size() != 3) throw UsageError("expected: deadline DATE DAYS");
  if (args.option("--format")) throw UsageError("--format applies to 'holidays' only");
  const Date event = parse_date(args.positionals[1]);
  const int count = parse_count(args.positionals[2]);
  const Calendar calendar = calendar_from(args);
  const bool working = args.has("--working-days");
  const Date due = working ? add_working_days(calendar, event, count)
                           : add_calendar_days(calendar, event, count);
  out << to_iso(due) << "  " << vietnamese_name(weekday_of(due)) << "  (" << count
      << (working ? " ngày làm việc" : " ngày") << " sau " << vn_date(event);
  const Date nominal = event + boost::gregorian::days(count);
  if (!working && nominal != due) {
    const auto off = calendar.day_off(nominal);
    out << ": " << vn_date(nominal) << " là "
        << (off ? "ngày nghỉ " + off->name : std::string(vietnamese_name(weekday_of(nominal))))
        << ", hạn chuyển sang ngày làm việc tiếp theo";
  }
  out << ")\n";
  return 0;
}

int calendar_command(const Args& args, std::ostream& out, std::ostream& /*err*/) {
  const std::string& sub = args.positionals.at(0);
  if (sub == "holidays") return holidays(args, out);
  if (sub == "deadline") return deadline(args, out);
  throw UsageError(detail::unknown_name_message("calendar command", sub, {"holidays", "deadline"}));
}

}  // namespace

std::vector<Command> calendar_commands() {
  return {
      Command{"calendar", "Vietnamese public holidays and legal deadlines",
              "usage: danvan calendar holidays YEAR [--format text|json] [--calendar FILE]\n"
              "       danvan calendar deadline DATE DAYS [--working-days] [--calendar FILE]\n\n"
              "holidays lists the days off of YEAR other than ordinary weekend days: public\n"
              "holidays (Tết and Giỗ Tổ Hùng Vương from the lunar calendar), compensatory days\n"
              "for holidays on a weekend, and extra days decided for the year.\n\n"
              "deadline prints the last day of a time limit of DAYS days after DATE as the Civil\n"
              "Code counts it: from the day after DATE, moved to the next working day when it\n"
              "falls on a weekend or a day off; with --working-days, the DAYS-th working day\n"
              "after DATE. DATE is day first (10/01/2024) or ISO (2024-01-10). DAYS is 0..36500:\n"
              "deadlines count forward only. The first word of the output is the ISO date.\n\n"
              "--calendar FILE reads a danvan/calendar document instead of the built-in\n"
              "Vietnamese calendar (data/calendar/vietnam.json).\n",
              Spec{{{"--format", "holidays: text (default) or json"},
                    {"--calendar", "a danvan/calendar document instead of the built-in calendar"}},
                   {{"--working-days", "deadline: count DAYS working days instead of days"}},
                   1,
                   3},
              calendar_command},
  };
}

}  // namespace danvan::cli
