// The registry of "Dân vận khéo" exemplars and models: entries, their dated histories, state as
// of a date, filters, folded search and the annual statistics table.
#pragma once

#include "danvan/date.hpp"
#include "danvan/unit.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

namespace detail {
struct RegistryLoad;
}  // namespace detail

/// Kind of entry: a model (mô hình) or an exemplar (điển hình). Independent of the subject.
enum class EntryKind : std::uint8_t { model, exemplar };
/// Who the entry is about: a collective (tập thể) or an individual (cá nhân); unknown when the
/// source does not say (counted under "không rõ").
enum class Subject : std::uint8_t { collective, individual, unknown };
/// Steps of an entry's history, in the order a lifecycle usually runs.
enum class EventType : std::uint8_t {
  registered,   ///< đăng ký (the first registration, or a re-registration for a new cycle)
  recognised,   ///< công nhận (at a level, by a body, with a decision and a grade when known)
  commended,    ///< biểu dương, tuyên dương (praise; decided or only proposed)
  awarded,      ///< khen thưởng (a state decision, e.g. a Bằng khen; decided or proposed)
  replicated,   ///< nhân rộng (to other units)
  reevaluated,  ///< đánh giá lại hằng năm (effective or no longer effective)
  revoked,      ///< hủy bỏ
  promoted,     ///< nâng lên điển hình (the kind changes, e.g. model to exemplar)
};
/// State of an entry on a day, derived from the events that certainly happened by then (see
/// Event::date).
enum class EntryState : std::uint8_t {
  not_registered,       ///< the registration is later than the day
  registered,           ///< registered, not (yet) recognised
  recognised,           ///< recognised; not re-evaluated since the latest recognition
  effective,            ///< the latest re-evaluation found it effective
  no_longer_effective,  ///< the latest re-evaluation found it no longer effective
  revoked,              ///< revoked
  lapsed,  ///< hết thời hạn công nhận: the registry's recognition validity ran out
};
/// Whether a recognition is in force in that state (recognised or effective): the definition
/// behind the "Còn hiệu quả" column of the statistics and `list --state in_force`.
bool is_in_force(EntryState state) noexcept;
/// Status of a recognition, commendation or award: decided, or only proposed (a proposal is
/// not counted or acted on as what it proposes until it is decided: see Registry::decide).
/// (Named for commendations, which had it first; recognitions have it since version 3 of the
/// danvan/registry document.)
enum class CommendationStatus : std::uint8_t {
  decided,   ///< đã quyết định (given)
  proposed,  ///< đề nghị (proposed, not yet decided)
};

std::string_view to_string(EntryKind v) noexcept;
std::string_view to_string(Subject v) noexcept;
std::string_view to_string(EventType v) noexcept;
std::string_view to_string(EntryState v) noexcept;
std::string_view to_string(CommendationStatus v) noexcept;
/// Parsers throw ValueError naming the accepted values.
EntryKind parse_entry_kind(std::string_view text);
Subject parse_subject(std::string_view text);
EventType parse_event_type(std::string_view text);
EntryState parse_entry_state(std::string_view text);
CommendationStatus parse_commendation_status(std::string_view text);
/// Vietnamese labels: "mô hình", "cá nhân", "công nhận", "còn hiệu quả".
std::string_view vietnamese_name(EntryKind v) noexcept;
std::string_view vietnamese_name(Subject v) noexcept;
std::string_view vietnamese_name(EventType v) noexcept;
std::string_view vietnamese_name(EntryState v) noexcept;
std::string_view vietnamese_name(CommendationStatus v) noexcept;

/// A field (lĩnh vực) entries belong to.
struct Field {
  std::string id;    ///< stable id, [a-z0-9-]+: "kinh-te"
  std::string name;  ///< Vietnamese name: "kinh tế"
  friend bool operator==(const Field&, const Field&) = default;
};

/// The four built-in fields: kinh-te (kinh tế), van-hoa-xa-hoi (văn hóa – xã hội),
/// quoc-phong-an-ninh (quốc phòng – an ninh), xay-dung-he-thong-chinh-tri (xây dựng hệ thống
/// chính trị).
const std::vector<Field>& builtin_fields();

/// A grade (xếp loại) a recognition may carry; declared like fields.
struct Grade {
  std::string id;    ///< stable id, [a-z0-9-]+: "xuat-sac"
  std::string name;  ///< Vietnamese name: "xuất sắc"
  friend bool operator==(const Grade&, const Grade&) = default;
};
/// The three built-in grades: xuat-sac (xuất sắc), tot (tốt), kha (khá).
const std::vector<Grade>& builtin_grades();

/// A form (hình thức) of commendation or award; declared like fields.
struct CommendationForm {
  std::string id;    ///< stable id, [a-z0-9-]+: "giay-khen"
  std::string name;  ///< Vietnamese name: "Giấy khen"
  friend bool operator==(const CommendationForm&, const CommendationForm&) = default;
};
/// The built-in forms: bieu-duong (biểu dương), tuyen-duong (tuyên dương), giay-khen (Giấy
/// khen), bang-khen (Bằng khen), co-thi-dua (Cờ thi đua), huan-chuong (Huân chương).
const std::vector<CommendationForm>& builtin_forms();

/// One dated step. Which members are meaningful depends on the type; the others stay empty:
/// registered: level (the level registered at; optional);
/// recognised: level (optional: unknown when absent), by (unit id), decision, grade (a grade
/// id), all optional, and status (decided unless proposed: a proposed recognition, đề nghị
/// công nhận, is no recognition until decided: it changes no state or level, satisfies no rule
/// that needs a recognition, and the statistics do not count it);
/// commended, awarded: level, by (the giver), decision, form (a form id), all optional, and
/// status (decided unless proposed);
/// revoked: decision (optional); promoted: kind (required, the new kind), decision (optional);
/// replicated: unit_ids (at least one); reevaluated: year and effective (required).
///
/// The date has the precision the source gives: a year, a month or a day. Ordering rule:
/// events are listed in the order they happened; an event may be coarser than its neighbours,
/// and the order must be possible: no event may certainly come before an earlier-listed one
/// (its period ends before an earlier event's period starts). So "2022" after "2022-03-01" is
/// accepted (it may be later in 2022), "2021" after "2022-03-01" is not. Counting rule: an
/// event counts as of a day only when it certainly happened by then: its period, or that of a
/// later-listed event, ends on or before the day. It counts in a period (a year, a phase)
/// only when it certainly falls in it. So a recognition "2022" counts in the year 2022 and as
/// of 31/12/2022, but not as of 30/06/2022; followed by a recognition-based event dated
/// "2022-05-10", it counts as of 10/05/2022.
struct Event {
  EventType type = EventType::registered;  ///< what happened
  std::optional<PartialDate> date;         ///< when, at the source's precision; none: unknown
  std::optional<Level> level;              ///< the level registered, recognised or commended at
  std::optional<std::string> by;           ///< the unit that recognised or commended (unit id)
  std::optional<std::string> decision;     ///< the decision's number and symbol, as written
  std::optional<std::string> grade;        ///< a recognition's grade (a grade id)
  std::optional<std::string> form;         ///< a commendation's or award's form (a form id)
  /// recognised, commended, awarded: decided or only proposed
  CommendationStatus status = CommendationStatus::decided;
  std::vector<std::string> unit_ids;  ///< replicated: the units it was replicated to
  std::optional<int> year;            ///< reevaluated: the year evaluated
  std::optional<bool> effective;      ///< reevaluated: whether it was still effective
  std::optional<EntryKind> kind;      ///< promoted: the new kind
  friend bool operator==(const Event&, const Event&) = default;
};

/// "replicated on 2021-05-01", "recognised on 2022".
std::string describe(const Event& event);

/// An exemplar or model with its history (events in the order they happened). Unknown facts
/// stay empty: no field (counted under "không rõ"), no person name of an individual.
struct Entry {
  std::string id;                         ///< stable id, [a-z0-9-]+
  EntryKind kind = EntryKind::model;      ///< the kind at registration (promoted events change it)
  Subject subject = Subject::collective;  ///< collective, individual or unknown
  std::string name;                       ///< the model's or exemplar's name, as published
  std::string unit_id;                    ///< the owner (đơn vị chủ trì)
  std::vector<std::string> place_unit_ids;  ///< where it sits, when not (only) the owner
  std::vector<std::string> field_ids;       ///< empty when the source names no field
  std::string description;                  ///< free text, "" when none
  std::optional<std::string>
      person_name;            ///< an individual's name when known; never for collectives
  std::vector<Event> events;  ///< its history, in the order it happened (see check_events)

  /// State on the day (see EntryState); with recognition_years > 0, a recognition lapses after
  /// that many calendar years (see Registry::recognition_years).
  [[nodiscard]] EntryState state_on(Date day, int recognition_years = 0) const;
  /// The highest known level it was recognised at by the day.
  [[nodiscard]] std::optional<Level> level_on(Date day) const;
  /// The kind on the day (the registered kind, changed by promotions).
  [[nodiscard]] EntryKind kind_on(Date day) const;
  friend bool operator==(const Entry&, const Entry&) = default;
};

/// Checks the lifecycle of an entry's events without a registry; throws ValueError with
/// messages such as `entry "x": event 3 (replicated on 2021-05-01) comes before recognition`,
/// whose problems() has it at the event in the entry's JSON form ("/events/2"; "/events" for
/// none), its reason without the entry's name.
/// Rules: at least one event; when the entry has a registration, the first event is one (a
/// source may give only a later fact, e.g. a recognition "năm 2020": the history then starts
/// with it and the registration stays unknown); later "registered" events are
/// re-registrations, at most one per calendar year; the order is possible (see Event); replicated,
/// reevaluated and revoked need an earlier decided recognition (commendations and awards do
/// not);
/// a promotion changes the kind; at most one re-evaluation per year, of a year not after its
/// date; nothing after a revocation; the members each type needs are present and the others
/// empty.
void check_events(const Entry& entry);

/// A counting period: a year ("2022"), a phase of whole years ("2021-2025") or a date range
/// ("2022-03-01..2022-09-30"). An event counts in it only when it certainly falls in it (its
/// whole period lies inside; see Event).
struct DateRange {
  Date first;  ///< the first day
  Date last;   ///< the last day (inclusive)
  friend bool operator==(const DateRange&, const DateRange&) = default;
};
/// Parses the three forms; throws ValueError ("period \"2025-2021\": ...").
DateRange parse_date_range(std::string_view text);
/// "2022", "2021-2025" or "2022-03-01..2022-09-30" (whole years are written as years).
std::string to_string(const DateRange& range);
/// The period of the same length just before: the N years before a phase of N whole years,
/// else the same number of days before.
DateRange previous_range(const DateRange& range);

/// What a reported figure counts: one of the statistics' columns (StatsCounts), with the same
/// meaning (registered, recognised, commended, replicated, proposed, promoted: during the
/// period; effective: in force on the period's last day).
enum class FigureCategory : std::uint8_t {
  registered,
  recognised,
  effective,
  commended,
  replicated,
  proposed,
  promoted,
};
/// How the printed number bounds the true count: exact ("279"); at_least ("hơn 800", "trên
/// 1.900": read as 800 or more); about ("khoảng", "gần 1.000": within 10%, rounded outwards);
/// at_most ("không quá").
enum class FigureQualifier : std::uint8_t { exact, at_least, about, at_most };
/// The count derived from the entries against a figure: within the qualifier's bounds (agrees),
/// fewer (below: the registry holds only part of what the source counts) or more (above).
enum class FigureAgreement : std::uint8_t { agrees, below, above };

std::string_view to_string(FigureCategory v) noexcept;
std::string_view to_string(FigureQualifier v) noexcept;
std::string_view to_string(FigureAgreement v) noexcept;
/// Parsers throw ValueError naming the accepted values.
FigureCategory parse_figure_category(std::string_view text);
FigureQualifier parse_figure_qualifier(std::string_view text);
/// Vietnamese labels: "đăng ký", "còn hiệu quả"; "hơn", "khoảng" ("" for exact); "khớp",
/// "ít hơn", "nhiều hơn".
std::string_view vietnamese_name(FigureCategory v) noexcept;
std::string_view vietnamese_name(FigureQualifier v) noexcept;
std::string_view vietnamese_name(FigureAgreement v) noexcept;

/// A reported figure (số liệu báo cáo): a count a published source states for a unit and a
/// period ("hơn 800 mô hình", "279 đăng ký năm 2023"), optionally for one field, level, subject
/// or kind only (the statistics' dimensions, with their meaning). It is kept apart from the
/// entries: it is never added to the counts derived from them, nor to another figure. The
/// source is required; unknown facts stay empty.
struct ReportedFigure {
  std::string unit_id;  ///< whose figure: the unit and its subtree, as the statistics count
  DateRange period;     ///< a year, a phase of years or a date range
  FigureCategory category = FigureCategory::registered;  ///< what is counted
  std::optional<std::string> field_id;                   ///< a field of the registry
  std::optional<Level> level;      ///< the level of the counted events (công nhận cấp ...)
  std::optional<Subject> subject;  ///< collective or individual
  std::optional<EntryKind> kind;   ///< models or exemplars only
  long long value = 0;             ///< as printed, 0 .. 1,000,000,000
  FigureQualifier qualifier = FigureQualifier::exact;  ///< how `value` bounds the count
  std::string source;                ///< where it is printed: publisher, title, date, URL
  std::optional<std::string> quote;  ///< the sentence that gives it, as printed
  friend bool operator==(const ReportedFigure&, const ReportedFigure&) = default;
};

/// A figure beside the count derived from the entries for the same unit, period, category and
/// breakdown (Registry::stats of that unit and period, by the figure's breakdown).
struct FigureComparison {
  ReportedFigure figure;       ///< as recorded
  long long from_entries = 0;  ///< the count derived from the registry's entries
  FigureAgreement agreement = FigureAgreement::agrees;  ///< compare_figure() of the two
  friend bool operator==(const FigureComparison&, const FigureComparison&) = default;
};

/// Whether `from_entries` lies within the bounds `value` and `qualifier` give.
FigureAgreement compare_figure(long long value, FigureQualifier qualifier,
                               long long from_entries) noexcept;

/// Selects entries. Empty members do not filter. Dates default as documented on Registry.
struct Filter {
  std::optional<std::string> unit_id;  ///< the unit's subtree (owner or any place unit)
  /// false: the entry's unit is within unit_id in the hierarchy as it was (on the as-of day,
  /// or on the last day the entry's unit existed if earlier). true: the entry's unit is mapped
  /// onto the units existing on the as-of day through successor links ("as it is now"); a unit
  /// that ended without successors (the districts in 2025) is carried on by its parent's.
  bool current_units = false;
  std::optional<Date> as_of;  ///< the day states, kinds and levels are taken on
  /// Entries of this field; "unknown" (unless a field has that id) selects the entries of no
  /// field, the stats table's "unknown" field row. Any other id no field has: ValueError
  /// `unknown field "x"`.
  std::optional<std::string> field_id;
  std::optional<EntryKind> kind;    ///< the kind as of the day (promotions applied)
  std::optional<Subject> subject;   ///< collective, individual or unknown
  std::optional<Level> level;       ///< highest recognition level as of the day
  std::optional<int> year;          ///< registered in this year
  std::optional<EntryState> state;  ///< the state as of the day (lapsed included)
  /// true: in force as of the day (is_in_force), the "Còn hiệu quả" column's definition.
  bool in_force = false;
  /// A registration certainly in the period.
  std::optional<DateRange> registered_in;
  /// A decided recognition certainly in the period.
  std::optional<DateRange> recognised_in;
  /// A decided commendation or award certainly in the period.
  std::optional<DateRange> commended_in;
  /// Several values at once: an entry passes when it matches any of them (or the single value
  /// of the same criterion above, when both are given). Empty: no such filter.
  std::vector<std::string> unit_ids;   ///< any of these units' subtrees (as unit_id)
  std::vector<std::string> field_ids;  ///< entries of any of these fields (as field_id)
  std::vector<EntryKind> kinds;        ///< any of these kinds as of the day
  std::vector<Subject> subjects;       ///< any of these subjects
  std::vector<Level> levels;           ///< any of these highest levels as of the day
  /// The other two level values of a StatsRow, so that a row's level selects its entries:
  /// recognised at a level the source does not give ("unknown"), and not recognised as of the
  /// day ("none"). With level/levels, an entry passes when it matches any of them.
  bool level_unknown = false;      ///< also entries recognised at a level the source does not give
  bool level_none = false;         ///< also entries not recognised as of the day
  std::vector<EntryState> states;  ///< any of these states as of the day
};

/// What deciding a proposal records (Registry::decide); an empty member keeps the proposal's.
struct ProposalDecision {
  std::optional<PartialDate> date;      ///< the decision's date; none: the proposal's date
  std::optional<std::string> decision;  ///< the decision's number and symbol, as written
  std::optional<Level> level;           ///< the level given, when not the one proposed
  std::optional<std::string> by;        ///< the unit that decided (a unit id)
  std::optional<std::string> grade;     ///< recognised: the grade given (a grade id)
  std::optional<std::string> form;      ///< commended, awarded: the form given (a form id)
  friend bool operator==(const ProposalDecision&, const ProposalDecision&) = default;
};

/// Dimensions of the statistics table.
enum class StatsDimension : std::uint8_t { field, level, subject, kind };
std::string_view to_string(StatsDimension v) noexcept;
StatsDimension parse_stats_dimension(std::string_view text);  ///< throws ValueError
/// "field,level" -> dimensions; throws ValueError for unknown or repeated names.
std::vector<StatsDimension> parse_stats_dimensions(std::string_view text);

/// The counts of the report (số lượng). Each is 0 or 1 per entry: an entry registered twice in
/// a year counts once.
struct StatsCounts {
  long long registered = 0;  ///< registered (or re-registered) during the year
  long long recognised = 0;  ///< recognised (a decided recognition, at least once) in the year
  long long effective = 0;   ///< in force at the as-of day (is_in_force)
  long long commended = 0;   ///< a decided commendation or award during the year
  long long replicated = 0;  ///< replicated during the year
  long long proposed = 0;    ///< proposed for a commendation or award during the year
  long long promoted = 0;    ///< promoted (kind changed) during the year
  friend bool operator==(const StatsCounts&, const StatsCounts&) = default;
};

/// One row: the values of the dimensions (ids: a field id or "unknown", a Level name,
/// "unknown" (recognised at a level the source does not give) or "none", a Subject or EntryKind
/// name) and their Vietnamese labels ("không rõ" for unknown).
struct StatsRow {
  std::vector<std::string> keys;    ///< one per dimension, in the query's `by` order
  std::vector<std::string> labels;  ///< the keys' Vietnamese labels
  StatsCounts current;              ///< the counts for the year or period asked
  StatsCounts previous;             ///< the same counts for the previous year
  friend bool operator==(const StatsRow&, const StatsRow&) = default;
};

/// What to count.
struct StatsQuery {
  int year = 2020;            ///< the year counted (unless `period` is set)
  std::optional<Date> as_of;  ///< default: the period's last day; events after it are ignored
  /// Instead of the year: a phase or a date range, compared with the period of the same length
  /// before it (previous_range). Counted by walking the entries (no aggregates).
  std::optional<DateRange> period;
  std::optional<std::string> unit_id;  ///< the unit's subtree; none: every unit
  bool current_units = false;          ///< as in Filter
  /// The dimensions of the rows, in order; empty: the total only.
  std::vector<StatsDimension> by{StatsDimension::field, StatsDimension::level,
                                 StatsDimension::subject};
  /// Several units counted together, with unit_id when both are given: the union of their
  /// subtrees, in which each entry counts once however many of the units it falls under (an
  /// entry of one unit replicated into another counts as its owner's entry, not again as a
  /// replication), so a row is not the sum of the units' own tables. A unit named twice, or
  /// within another one named, adds nothing. Empty: unit_id alone.
  std::vector<std::string> unit_ids;
};

/// The annual report table (bảng thống kê). An entry with several fields counts once in each
/// of its field rows and once in the total; an entry with none in the "không rõ" field row.
/// Entries count for their owner unit; a replication also counts (replicated only) for the
/// unit it is replicated to. The kind and level are those as of the as-of day. The previous year is
/// counted as of the as-of day one year earlier. Rows are those with any non-zero count, ordered by
/// the dimensions' natural order (fields as declared, levels from central down then "none").
struct StatsTable {
  int year = 0;                              ///< the year, or the last year of the period
  std::optional<DateRange> period;           ///< set when the query gave one
  std::optional<DateRange> previous_period;  ///< the period compared with
  Date as_of;                                ///< the day counted as of
  std::optional<std::string> unit_id;        ///< the subtree counted, when one unit was named
  /// Every unit named (the query's unit_id, then its unit_ids, each once), whose subtrees'
  /// union is counted (see StatsQuery::unit_ids); empty: every unit.
  std::vector<std::string> unit_ids;
  bool current_units = false;      ///< as in StatsQuery
  std::vector<StatsDimension> by;  ///< the rows' dimensions
  std::vector<StatsRow> rows;      ///< see above
  StatsCounts total;               ///< every entry once, whatever its fields
  StatsCounts previous_total;      ///< the same for the period before
  /// The registry's reported figures for the table's unit (or any unit) and its subtree whose
  /// period lies within the table's (the year, or the period), each beside the entries' count
  /// (see Registry::compare_figures). Shown beside the table, never added to its counts.
  std::vector<FigureComparison> reported;
};

/// Plain-text table (Vietnamese headers, change against the previous year in brackets),
/// followed by render_figures_text(table.reported).
std::string render_stats_text(const StatsTable& table);
/// The reported figures, one line each ("- nga-bay, năm 2020: công nhận 62; trong sổ: 6 (ít
/// hơn); nguồn: ..."), under a heading saying they are not added to the table; "" for none.
std::string render_figures_text(const std::vector<FigureComparison>& figures);
/// The reported figures as a table: a header row (Đơn vị, Kỳ, Chỉ tiêu, Lĩnh vực, Cấp, Đối
/// tượng, Loại, Mức, Số liệu báo cáo, Trong sổ, So sánh, Nguồn, Trích dẫn) and a row per
/// figure (ids and ISO periods; empty cells for no breakdown or quote).
std::vector<std::vector<std::string>> figures_rows(const std::vector<FigureComparison>& figures);
/// figures_rows() as CSV, like render_stats_csv (a header row even for no figures).
std::string render_figures_csv(const std::vector<FigureComparison>& figures);
/// CSV: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting.
std::string render_stats_csv(const StatsTable& table);
/// The cells of render_stats_csv: a header row (the dimensions' Vietnamese names, then each
/// count shown for the period and the previous one), a row per StatsRow (its labels, then the
/// counts as decimal integers) and the total row ("Tổng cộng").
std::vector<std::vector<std::string>> stats_rows(const StatsTable& table);

/// A registry: declared fields, the unit hierarchy entries refer to, and entries. Stored
/// compactly (strings in one arena, events packed, names folded for search once), so a loaded
/// registry is smaller in memory than its JSON file. Entries are returned by value.
///
/// Where a query takes an optional as-of day, the default is the date of the latest event in
/// the registry (or 31/12 of the filter's year when one is given).
class Registry {
 public:
  Registry();
  /// Validates the hierarchy (ValueError listing every problem) and declares the fields.
  explicit Registry(UnitHierarchy units, std::vector<Field> declared_fields = {});
  ~Registry();
  /// Takes the other's storage; the other may only be assigned to or destroyed.
  Registry(Registry&&) noexcept;
  /// As the move constructor.
  Registry& operator=(Registry&&) noexcept;
  /// A deep copy (units, declarations, entries).
  Registry(const Registry&);
  /// A deep copy.
  Registry& operator=(const Registry&);

  /// A free-text note about the registry (e.g. that it is sample data).
  [[nodiscard]] const std::optional<std::string>& note() const noexcept;
  /// Sets or clears the note.
  void set_note(std::optional<std::string> note);

  /// Recognition validity: a recognition (or an effective re-evaluation) dated in year Y holds
  /// until 31 December of Y + N - 1 unless re-evaluated; after that the state is "lapsed".
  /// nullopt: recognitions never lapse. Throws ValueError outside 1..100.
  [[nodiscard]] std::optional<int> recognition_years() const noexcept;
  /// Sets the validity (see recognition_years()); ValueError outside 1..100.
  void set_recognition_years(std::optional<int> years);

  /// Declares a grade or a commendation form, as declare_field() (before the first entry).
  void declare_grade(Grade grade);
  /// As declare_grade(), for a commendation form.
  void declare_form(CommendationForm form);
  /// Built-in ones first, then declared ones.
  [[nodiscard]] std::vector<Grade> grades() const;
  /// The declared grades only, in the order declared.
  [[nodiscard]] std::vector<Grade> declared_grades() const;
  /// Built-in forms first, then declared ones.
  [[nodiscard]] std::vector<CommendationForm> forms() const;
  /// The declared forms only, in the order declared.
  [[nodiscard]] std::vector<CommendationForm> declared_forms() const;

  /// Declares a field; throws ValueError for a bad or duplicate id or an empty name, or when
  /// 64 fields exist. Only before the first entry is added.
  void declare_field(Field field);
  /// Built-in fields first, then declared ones.
  [[nodiscard]] std::vector<Field> fields() const;
  /// The declared fields only, in the order declared.
  [[nodiscard]] std::vector<Field> declared_fields() const;
  /// The unit hierarchy entries refer to.
  [[nodiscard]] const UnitHierarchy& units() const noexcept;
  /// How many of units() (the first ones) the registry's document embeds. The others were
  /// taken from a unit register for entries that name units by official code ("code:22015",
  /// see registry_from_json with a UnitRegister) and are written back as such references, not
  /// embedded. units().size() unless set.
  [[nodiscard]] std::size_t embedded_units() const noexcept;
  /// Sets embedded_units(); throws ValueError for more than units().size().
  void set_embedded_units(std::size_t count);

  /// Adds an entry after check_events() and checks against the registry: a new valid id,
  /// a known owner unit existing during the registration's period, known place units (none
  /// twice, not the owner), known fields (none twice; none is allowed: unknown), no person name
  /// for collectives (individuals may lack one: unknown), a non-empty name, known units for
  /// "by" and replication targets, known grades and forms. Text is NFC-normalised. Throws
  /// ValueError naming every problem ("entry \"x\": unknown unit \"u\"", or "entry \"x\": 2
  /// problems: ...; ..."), whose problems() locate each in the entry's JSON form ("/unit",
  /// "/fields/1", "/events/2/by", "/id" for a duplicate); on a throw the registry is unchanged.
  void add(const Entry& entry);
  /// Appends one event to an existing entry (it must not be dated before its last event);
  /// checks as add() does. Throws ValueError.
  void add_event(std::string_view entry_id, Event event);
  /// Puts `entry` in place of the entry whose id is `entry_id` (its place in the order kept;
  /// `entry` may carry another id, which renames it), checked as add() checks a new entry on the
  /// registry without the one replaced, with add()'s messages (another entry's id is a
  /// duplicate). Throws ValueError ("unknown entry \"x\"", or add()'s); on a throw the registry
  /// is unchanged. Costs about what add() costs, not a rebuild (the replaced texts and events
  /// stay in the store, unused, until the registry is saved and read again).
  void replace(std::string_view entry_id, const Entry& entry);
  /// Decides a proposal: the proposed recognition, commendation or award at `event_index`
  /// (0-based) of the entry becomes decided, with the decision's members where given (the
  /// others keep the proposal's). The entry is then checked as add() checks it (the date must
  /// keep the order of the events, a grade goes with a recognition only, a form with a
  /// commendation or award only, known units, grades and forms). Throws ValueError ("unknown
  /// entry \"x\"", "entry \"x\": event 3 (recognised on 2024) is not a proposal", "entry
  /// \"x\": no event 7 (it has 3)", or add()'s messages); on a throw the registry is unchanged.
  void decide(std::string_view entry_id, std::size_t event_index, const ProposalDecision& decision);

  /// How many entries there are.
  [[nodiscard]] std::size_t size() const noexcept;
  [[nodiscard]] Entry entry(std::size_t index) const;  ///< throws std::out_of_range
  /// The index of the entry with that id, or nullopt.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view id) const;
  /// An entry's id without building the Entry; throws std::out_of_range.
  [[nodiscard]] std::string_view id_of(std::size_t index) const;
  /// An entry's name without building the Entry; throws std::out_of_range.
  [[nodiscard]] std::string_view name_of(std::size_t index) const;
  /// Entry::state_on with the registry's recognition_years; throws std::out_of_range.
  [[nodiscard]] EntryState state_on(std::size_t index, Date day) const;
  /// Date of the latest event of any entry; nullopt when empty.
  [[nodiscard]] std::optional<Date> latest_event_date() const;

  /// Indexes of the matching entries, in insertion order. Throws ValueError for an unknown
  /// unit or field.
  [[nodiscard]] std::vector<std::size_t> select(const Filter& filter) const;
  /// Entries whose name, person name or description, or whose owner or place unit's name,
  /// contains the folded query ("dan van kheo" finds "Dân vận khéo", "dang" finds "Đặng",
  /// "tho xuong" finds entries of "Phường Thọ Xương"), in insertion order, at most `limit`.
  [[nodiscard]] std::vector<std::size_t> search(
      std::string_view query, std::size_t limit = static_cast<std::size_t>(-1)) const;
  /// As search(), names only (entry names and person names).
  [[nodiscard]] std::vector<std::size_t> search_names(std::string_view query) const;
  /// Ids of the units whose id or folded name contains the folded query, in hierarchy order.
  [[nodiscard]] std::vector<std::string> search_units(std::string_view query) const;
  /// Sorts indexes in Vietnamese order: by name, individuals by the person's given name;
  /// with by_date, by registration date first.
  void sort(std::vector<std::size_t>& indexes, bool by_date = false) const;
  /// The annual report table. Throws ValueError for an unknown unit. Computed from partial
  /// aggregates per (unit, year) at base days: 31 December, built on the first query of a year,
  /// and every month end of the year and 31 December of the year before, built on the first
  /// query of the year whose as-of day is nearer to one of them (one walk over every entry
  /// for the year and the previous one; at most 16 years are kept). They are dropped by any
  /// change of the registry. An as-of day is served from the nearest base day; the entries
  /// with events between the base day and the as-of day are recounted. Safe to call from
  /// several threads at once (not concurrently with changes).
  [[nodiscard]] StatsTable stats(const StatsQuery& query) const;

  /// Records a reported figure. Throws ValueError ("figure 3: unknown unit \"x\"") for an
  /// unknown unit or field, a period ending before it starts, a value out of range, a subject
  /// breakdown "unknown", or an empty source or quote. Text is stored in NFC.
  void add_figure(ReportedFigure figure);
  /// The reported figures, in the order they were added.
  [[nodiscard]] const std::vector<ReportedFigure>& figures() const noexcept;
  /// The figure beside the count derived from the entries (see FigureComparison).
  [[nodiscard]] FigureComparison compare(const ReportedFigure& figure) const;
  /// The figures of `unit_id` and the units of its subtree (every figure when empty) whose
  /// period lies within `period`, in order, each compared with the entries. Figures are never
  /// summed: a province's figure and its districts' figures each stand on their own line, so
  /// neither is counted twice.
  [[nodiscard]] std::vector<FigureComparison> compare_figures(
      const std::optional<std::string>& unit_id, const DateRange& period) const;
  /// As above, for the figures of any of the units' subtrees (every figure when empty), each
  /// once.
  [[nodiscard]] std::vector<FigureComparison> compare_figures(
      const std::vector<std::string>& unit_ids, const DateRange& period) const;

  /// Releases spare capacity of the storage. Copies each vector, so for a moment holds it
  /// twice; the streaming reader (read_registry, load_registry) does not call it, since spare
  /// capacity that was never touched costs no resident memory.
  void shrink_to_fit();
  /// Bytes held by the compact storage (arenas and tables, excluding the unit hierarchy).
  [[nodiscard]] std::size_t storage_bytes() const noexcept;

  friend bool operator==(const Registry& a, const Registry& b);

 private:
  /// The statistics of the entries alone (stats() adds the reported figures).
  [[nodiscard]] StatsTable entry_stats(const StatsQuery& query) const;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  friend struct detail::RegistryLoad;  // the readers' bulk path (src/registry/registry_load.hpp)
};

}  // namespace danvan
