#include "danvan/date.hpp"

#include "danvan/error.hpp"
#include "danvan/text.hpp"
#include "text/text_detail.hpp"

#include <algorithm>
#include <tuple>

namespace danvan {

namespace {

namespace greg = boost::gregorian;

constexpr int kMinYear = 1400;  // Boost.Date_Time's range
constexpr int kMaxYear = 9999;
constexpr std::size_t kMaxDateBytes = 100;

std::string two_digits(int value) {
  return value < 10 ? "0" + std::to_string(value) : std::to_string(value);
}

int days_in_month(int year, int month) {
  return greg::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(year),
                                                    static_cast<unsigned short>(month));
}

std::string special_name(Date d) {
  if (d.is_not_a_date()) return "not-a-date-time";
  if (d.is_pos_infinity()) return "+infinity";
  if (d.is_neg_infinity()) return "-infinity";
  return "a special value";
}

enum class Field : std::uint8_t { year, month, day };

struct Problem {
  Field field;
  std::string reason;
};

// What is wrong with the fields (month and day absent at coarser precisions), naming the first
// bad one.
std::optional<Problem> find_problem(int year, std::optional<int> month, std::optional<int> day) {
  if (year < kMinYear || year > kMaxYear) {
    return Problem{Field::year, "year " + std::to_string(year) + " is out of range " +
                                    std::to_string(kMinYear) + ".." + std::to_string(kMaxYear)};
  }
  if (!month) return std::nullopt;
  if (*month < 1 || *month > 12) {
    return Problem{Field::month, "month " + std::to_string(*month) + " is out of range 1..12"};
  }
  if (!day) return std::nullopt;
  if (*day < 1 || *day > 31) {
    return Problem{Field::day, "day " + std::to_string(*day) + " is out of range 1..31"};
  }
  if (*day > days_in_month(year, *month)) {
    std::string reason = "day " + std::to_string(*day) + " does not exist in " +
                         two_digits(*month) + "/" + std::to_string(year);
    if (*month == 2 && *day == 29) reason += " (" + std::to_string(year) + " is not a leap year)";
    return Problem{Field::day, reason};
  }
  return std::nullopt;
}

void check_fields(int year, std::optional<int> month, std::optional<int> day) {
  if (auto problem = find_problem(year, month, day)) throw ValueError(problem->reason);
}

std::string_view precision_name(DatePrecision p) noexcept {
  switch (p) {
    case DatePrecision::year:
      return "year";
    case DatePrecision::month:
      return "month";
    case DatePrecision::day:
      return "day";
  }
  return "unknown";
}

// ---------------------------------------------------------------------------------------------
// Parsing. The parser walks the original text so that every offset it reports is a byte
// offset into it; the words "ngày", "tháng", "năm" are compared NFC-normalised and ignoring
// case, one word at a time.

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_separator(char c) noexcept { return c == '/' || c == '-' || c == '.'; }

int to_int(std::string_view digits) noexcept {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool is_continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// Offset of the first character that is not white space at or after `from`.
std::size_t skip_white_space(std::string_view text, std::size_t from) noexcept {
  while (const std::size_t n = detail::white_space_length(text, from)) from += n;
  return from;
}

// End of `text` without its trailing white space (never before `begin`).
std::size_t trim_end(std::string_view text, std::size_t begin) noexcept {
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && is_continuation(text[start])) --start;
    const std::size_t n = detail::white_space_length(text, start);
    if (n == 0 || start + n != end) break;
    end = start;
  }
  return end;
}

class DateParser {
 public:
  explicit DateParser(std::string_view text) : text_(text) {}

  PartialDate parse() {
    check_utf8(text_);
    pos_ = skip_white_space(text_, 0);
    end_ = trim_end(text_, pos_);
    if (pos_ == end_) {
      fail(0, text_.empty() ? "expected a date, got an empty string"
                            : "expected a date, got only white space");
    }
    if (end_ - pos_ > kMaxDateBytes) {
      fail(pos_, "too long for a date: " + std::to_string(end_ - pos_) + " bytes (at most " +
                     std::to_string(kMaxDateBytes) + ")");
    }
    PartialDate result = parse_form();
    skip_spaces();
    if (pos_ != end_) fail(pos_, "unexpected " + got() + " after the date");
    return result;
  }

 private:
  enum class Kind : std::uint8_t { end, digits, separator, space, word };

  [[noreturn]] void fail(std::size_t at, const std::string& reason) const {
    detail::throw_parse_error(text_, at, reason);
  }

  [[nodiscard]] Kind kind(std::size_t i) const noexcept {
    if (i >= end_) return Kind::end;
    if (is_digit(text_[i])) return Kind::digits;
    if (is_separator(text_[i])) return Kind::separator;
    if (detail::white_space_length(text_, i) > 0) return Kind::space;
    return Kind::word;
  }

  // End of the token at `i`: a run of digits, one separator, one white-space character, or a
  // word (everything up to the next digit, separator or white space).
  [[nodiscard]] std::size_t token_end(std::size_t i) const noexcept {
    const Kind k = kind(i);
    switch (k) {
      case Kind::end:
        return i;
      case Kind::separator:
        return i + 1;
      case Kind::space:
        return i + detail::white_space_length(text_, i);
      case Kind::digits:
      case Kind::word:
        break;
    }
    std::size_t j = i + 1;
    while (kind(j) == k) ++j;
    return j;
  }

  [[nodiscard]] std::string_view token(std::size_t i) const {
    return text_.substr(i, token_end(i) - i);
  }

  // The token at the current position, as error messages show it.
  [[nodiscard]] std::string got() const {
    switch (kind(pos_)) {
      case Kind::end:
        return "the end of the input";
      case Kind::space:
        return "white space";
      default:
        return detail::quote(token(pos_));
    }
  }

  [[nodiscard]] bool at_keyword(std::string_view keyword) const {
    return kind(pos_) == Kind::word && detail::equals_ignoring_case(token(pos_), keyword);
  }

  std::string_view take() {
    const std::string_view t = token(pos_);
    pos_ += t.size();
    return t;
  }

  void skip_spaces() { pos_ = std::min(skip_white_space(text_, pos_), end_); }

  PartialDate parse_form() {
    switch (kind(pos_)) {
      case Kind::digits:
        return parse_numeric();
      case Kind::word:
        if (at_keyword("ngày")) return parse_long_day();
        if (at_keyword("tháng")) return parse_long_month();
        if (at_keyword("năm")) return parse_long_year();
        break;
      default:
        break;
    }
    fail(pos_, "expected a day, month or year, got " + got());
  }

  // "10/04/2020", "4/2020", "2020", "2020-04-10", "2020-04".
  PartialDate parse_numeric() {
    const std::size_t first_at = pos_;
    const std::string_view first = take();
    if (first.size() == 4) return parse_year_first(first, first_at);
    if (first.size() > 2) {
      fail(first_at, "expected a day, month or year (1, 2 or 4 digits), got " + got_at(first_at));
    }
    if (kind(pos_) != Kind::separator) {
      fail(pos_, "expected \"/\", \"-\" or \".\" after " + detail::quote(first) + ", got " + got());
    }
    const char separator = text_[pos_++];
    const std::string sep_quoted = detail::quote(std::string_view(&separator, 1));
    const std::size_t second_at = pos_;
    if (kind(pos_) != Kind::digits) {
      fail(pos_, "expected a month or a year after " + sep_quoted + ", got " + got());
    }
    const std::string_view second = take();
    if (second.size() == 4) return make(second, second_at, first, first_at, {}, 0);
    if (second.size() > 2) {
      fail(second_at,
           "expected a month (1 or 2 digits) or a year (4 digits), got " + got_at(second_at));
    }
    if (kind(pos_) == Kind::separator && text_[pos_] != separator) {
      fail(pos_, "separator " + got() + " does not match the earlier " + sep_quoted);
    }
    if (kind(pos_) != Kind::separator) {
      fail(pos_, "expected " + sep_quoted + " and a 4-digit year after the month, got " + got());
    }
    ++pos_;
    const std::size_t year_at = pos_;
    const std::string_view year = take_year("after " + sep_quoted);
    return make(year, year_at, second, second_at, first, first_at);
  }

  // "2020", "2020-04", "2020-04-10".
  PartialDate parse_year_first(std::string_view year, std::size_t year_at) {
    if (kind(pos_) == Kind::separator && text_[pos_] != '-') {
      fail(pos_, "a date that starts with the year must be written YYYY-MM-DD, got " + got());
    }
    if (kind(pos_) != Kind::separator) return make(year, year_at, {}, 0, {}, 0);
    ++pos_;
    const std::size_t month_at = pos_;
    if (kind(pos_) != Kind::digits || token(pos_).size() != 2) {
      fail(pos_, "expected a 2-digit month after the year (YYYY-MM-DD), got " + got());
    }
    const std::string_view month = take();
    if (kind(pos_) == Kind::separator && text_[pos_] != '-') {
      fail(pos_, "separator " + got() + " does not match the earlier \"-\"");
    }
    if (kind(pos_) != Kind::separator) return make(year, year_at, month, month_at, {}, 0);
    ++pos_;
    const std::size_t day_at = pos_;
    if (kind(pos_) != Kind::digits || token(pos_).size() != 2) {
      fail(pos_, "expected a 2-digit day after the month (YYYY-MM-DD), got " + got());
    }
    const std::string_view day = take();
    return make(year, year_at, month, month_at, day, day_at);
  }

  // "ngày 05 tháng 9 năm 2016".
  PartialDate parse_long_day() {
    take();
    skip_spaces();
    const std::size_t day_at = pos_;
    const std::string_view day = take_day_or_month("day", "after \"ngày\"");
    skip_spaces();
    expect_keyword("tháng", "after the day");
    skip_spaces();
    const std::size_t month_at = pos_;
    const std::string_view month = take_day_or_month("month", "after \"tháng\"");
    skip_spaces();
    expect_keyword("năm", "after the month");
    skip_spaces();
    const std::size_t year_at = pos_;
    const std::string_view year = take_year("after \"năm\"");
    return make(year, year_at, month, month_at, day, day_at);
  }

  // "tháng 9 năm 2016", "tháng 9/2016".
  PartialDate parse_long_month() {
    take();
    skip_spaces();
    const std::size_t month_at = pos_;
    const std::string_view month = take_day_or_month("month", "after \"tháng\"");
    std::string context = "after \"năm\"";
    if (kind(pos_) == Kind::separator) {
      context = "after " + got();
      ++pos_;
    } else {
      skip_spaces();
      if (!at_keyword("năm")) {
        fail(pos_, "expected \"năm\" or \"/\" after the month, got " + got());
      }
      take();
      skip_spaces();
    }
    const std::size_t year_at = pos_;
    const std::string_view year = take_year(context);
    return make(year, year_at, month, month_at, {}, 0);
  }

  // "năm 2016".
  PartialDate parse_long_year() {
    take();
    skip_spaces();
    const std::size_t year_at = pos_;
    const std::string_view year = take_year("after \"năm\"");
    return make(year, year_at, {}, 0, {}, 0);
  }

  [[nodiscard]] std::string got_at(std::size_t at) const { return detail::quote(token(at)); }

  void expect_keyword(std::string_view keyword, const std::string& context) {
    if (!at_keyword(keyword)) {
      fail(pos_, "expected \"" + std::string(keyword) + "\" " + context + ", got " + got());
    }
    take();
  }

  std::string_view take_day_or_month(const std::string& field, const std::string& context) {
    const std::size_t at = pos_;
    if (kind(pos_) != Kind::digits)
      fail(pos_, "expected a " + field + " " + context + ", got " + got());
    const std::string_view digits = take();
    if (digits.size() > 2) {
      fail(at, field + " " + detail::quote(digits) + " must have 1 or 2 digits");
    }
    return digits;
  }

  std::string_view take_year(const std::string& context) {
    const std::size_t at = pos_;
    if (kind(pos_) != Kind::digits) {
      fail(pos_, "expected a 4-digit year " + context + ", got " + got());
    }
    const std::string_view digits = take();
    if (digits.size() != 4) fail(at, "year " + detail::quote(digits) + " must have 4 digits");
    return digits;
  }

  // Builds the date from digit strings (empty when absent), reporting a bad field at its offset.
  PartialDate make(std::string_view year, std::size_t year_at, std::string_view month,
                   std::size_t month_at, std::string_view day, std::size_t day_at) const {
    const int y = to_int(year);
    const std::optional<int> m = month.empty() ? std::nullopt : std::optional<int>(to_int(month));
    const std::optional<int> d = day.empty() ? std::nullopt : std::optional<int>(to_int(day));
    if (auto problem = find_problem(y, m, d)) {
      const std::size_t at = problem->field == Field::year    ? year_at
                             : problem->field == Field::month ? month_at
                                                              : day_at;
      fail(at, problem->reason);
    }
    if (day.empty()) return m ? PartialDate(y, *m) : PartialDate(y);
    return {y, *m, *d};
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// PartialDate.

PartialDate::PartialDate(int year) : year_(year), precision_(DatePrecision::year) {
  check_fields(year, std::nullopt, std::nullopt);
}

PartialDate::PartialDate(int year, int month)
    : year_(year), month_(month), precision_(DatePrecision::month) {
  check_fields(year, month, std::nullopt);
}

PartialDate::PartialDate(int year, int month, int day)
    : year_(year), month_(month), day_(day), precision_(DatePrecision::day) {
  check_fields(year, month, day);
}

PartialDate::PartialDate(Date day) : PartialDate(from_date(day)) {}

PartialDate PartialDate::from_date(Date d) {
  if (d.is_special()) {
    throw ValueError("expected a calendar day, got the special value " + special_name(d));
  }
  const auto ymd = d.year_month_day();
  return {static_cast<int>(ymd.year), static_cast<int>(ymd.month.as_number()),
          static_cast<int>(ymd.day.as_number())};
}

std::optional<int> PartialDate::month() const noexcept {
  return precision_ == DatePrecision::year ? std::nullopt : std::optional<int>(month_);
}

std::optional<int> PartialDate::day() const noexcept {
  return precision_ == DatePrecision::day ? std::optional<int>(day_) : std::nullopt;
}

Date PartialDate::first_day() const {
  return {static_cast<unsigned short>(year_), static_cast<unsigned short>(std::max(month_, 1)),
          static_cast<unsigned short>(std::max(day_, 1))};
}

Date PartialDate::last_day() const {
  const int month = precision_ == DatePrecision::year ? 12 : month_;
  const int day = precision_ == DatePrecision::day ? day_ : days_in_month(year_, month);
  return {static_cast<unsigned short>(year_), static_cast<unsigned short>(month),
          static_cast<unsigned short>(day)};
}

Date PartialDate::date() const {
  if (!is_day()) {
    throw ValueError(iso() + " is only known to the " + std::string(precision_name(precision_)) +
                     "; a whole day is needed");
  }
  return first_day();
}

std::string PartialDate::iso() const {
  std::string out = std::to_string(year_);
  if (precision_ != DatePrecision::year) out += "-" + two_digits(month_);
  if (precision_ == DatePrecision::day) out += "-" + two_digits(day_);
  return out;
}

std::string PartialDate::vietnamese() const {
  std::string out = std::to_string(year_);
  if (precision_ != DatePrecision::year) out = two_digits(month_) + "/" + out;
  if (precision_ == DatePrecision::day) out = two_digits(day_) + "/" + out;
  return out;
}

std::string PartialDate::vietnamese_long() const {
  std::string out = "năm " + std::to_string(year_);
  if (precision_ == DatePrecision::year) return out;
  // Nghị định 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero.
  out = "tháng " + (month_ <= 2 ? two_digits(month_) : std::to_string(month_)) + " " + out;
  if (precision_ == DatePrecision::day) out = "ngày " + two_digits(day_) + " " + out;
  return out;
}

std::strong_ordering operator<=>(const PartialDate& a, const PartialDate& b) noexcept {
  // (first day, precision); first_day() itself is avoided to stay noexcept.
  const auto key = [](const PartialDate& p) {
    return std::tuple{p.year_, std::max(p.month_, 1), std::max(p.day_, 1),
                      static_cast<int>(p.precision_)};
  };
  return key(a) <=> key(b);
}

// ---------------------------------------------------------------------------------------------
// Free functions.

PartialDate parse_partial_date(std::string_view text) { return DateParser(text).parse(); }

Date parse_date(std::string_view text) {
  const PartialDate p = parse_partial_date(text);
  if (!p.is_day()) {
    detail::throw_parse_error(text, skip_white_space(text, 0),
                              "the date is only known to the " +
                                  std::string(precision_name(p.precision())) +
                                  "; a whole day is needed");
  }
  return p.first_day();
}

std::string to_iso(Date d) {
  if (d.is_special()) {
    throw ValueError("cannot write the special date value " + special_name(d) + " as ISO 8601");
  }
  return PartialDate::from_date(d).iso();
}

}  // namespace danvan
