// danvan/progress_forms.hpp: the form a unit fills, filled forms read back (all or nothing, every
// problem located by file and cell), progress tables as sheets.
#include "danvan/progress_forms.hpp"

#include "../progress_fixture.hpp"
#include "xlsx_fixtures.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace danvan {
namespace {

using testing::day;

#define NEED_XLSX()                                                                      \
  if (!xlsx_reading_supported() || !xlsx_writing_supported()) {                          \
    GTEST_SKIP() << "not run: danvan was built without .xlsx support (libzip, libxml2, " \
                    "libxlsxwriter)";                                                    \
  }

/// The form of xa-1 for March 2020 with its inputs filled: dialogues 4, outstanding 7,
/// resolved on time 3 of 5, has-plan "Có", notes, the narrative and the submission day.
OutSheet filled_form(const ProgressPlan& plan) {
  OutSheet s = progress_form(plan, "xa-1", Period(PeriodType::month, 2020, 3));
  s.rows[4][1].value = SheetDate{2020, 4, 3};
  s.rows[7][3].value = 4.0;                            // dialogues
  s.rows[8][3].value = 7.0;                            // outstanding
  s.rows[9][4].value = 3.0;                            // numerator
  s.rows[9][5].value = 5.0;                            // denominator
  s.rows[10][3].value = std::string("Có");             // has-plan
  s.rows[11][3].value = std::string("Đối thoại tốt");  // notes
  s.rows[12][3].value = std::string("Đề nghị tập huấn");
  return s;
}

std::string import_error(const ProgressPlan& plan, const std::vector<FilledForm>& forms,
                         const FormImportOptions& options = {}) {
  try {
    (void)import_progress_forms(plan, forms, options);
  } catch (const FormImportError& e) {
    return e.what();
  }
  return "(no error)";
}

/// A worksheet written by hand (inline strings, plain numbers) from an OutSheet's values, with
/// `extra` after sheetData (mergeCells) and `formulas` replacing cells: "D8" -> "SUM(1,2)".
std::string hand_written(const OutSheet& s, const std::string& extra = {},
                         const std::map<std::string, std::string>& formulas = {}) {
  std::string rows;
  for (std::size_t r = 0; r < s.rows.size(); ++r) {
    rows += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
      const std::string ref =
          cell_address(static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(c));
      const CellValue& v = s.rows[r][c].value;
      if (const auto f = formulas.find(ref); f != formulas.end()) {
        rows += "<c r=\"" + ref + "\"><f>" + test::xml_escape(f->second) + "</f><v>3</v></c>";
      } else if (const auto* text = std::get_if<std::string>(&v)) {
        rows += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + test::xml_escape(*text) +
                "</t></is></c>";
      } else if (const auto* d = std::get_if<double>(&v)) {
        rows += "<c r=\"" + ref + "\"><v>" + describe(*d) + "</v></c>";
      } else if (const auto* day = std::get_if<SheetDate>(&v)) {
        rows += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + std::to_string(day->day) + "/" +
                std::to_string(day->month) + "/" + std::to_string(day->year) + "</t></is></c>";
      }
    }
    rows += "</row>";
  }
  return test::make_zip(
      test::xlsx_parts("<sheetData>" + rows + "</sheetData>" + extra, {}, {}, "Báo cáo"));
}

TEST(ProgressForms, TemplateReadsBack) {
  NEED_XLSX();
  const ProgressPlan plan = testing::merge_plan();
  const Workbook book =
      read_xlsx(write_xlsx({progress_form(plan, "xa-1", Period(PeriodType::month, 2020, 3))}));
  const Sheet& s = book.sheets.at(0);
  EXPECT_EQ(s.name, "Báo cáo");
  EXPECT_EQ(text_at(s, 1, 1), "ke-hoach-thu");
  EXPECT_EQ(text_at(s, 2, 1), "xa-1");
  EXPECT_EQ(text_at(s, 2, 2), "Xã Một");
  EXPECT_EQ(text_at(s, 3, 1), "202003");
  EXPECT_EQ(text_at(s, 3, 2), "từ 01/03/2020 đến 31/03/2020");
  EXPECT_EQ(text_at(s, 6, 0), "Mã chỉ tiêu");
  EXPECT_EQ(text_at(s, 6, 5), "Mẫu số");
  EXPECT_EQ(text_at(s, 7, 0), "dialogues");
  EXPECT_EQ(text_at(s, 7, 2), "Số lượng");
  EXPECT_EQ(number_at(s, 7, 7), 30.0);  // xa-1's 2020 target
  EXPECT_EQ(text_at(s, 9, 0), "resolved-on-time");
  EXPECT_EQ(s.find(9, 6)->formula, "IF(AND(ISNUMBER(E10),ISNUMBER(F10),F10>0),E10/F10,\"\")");
  EXPECT_EQ(text_at(s, 12, 1), "Nhận xét, kiến nghị");
  EXPECT_EQ(number_at(s, 7, 3), std::nullopt);  // inputs are empty

  // An empty form imports as a report without values when the day is given.
  const std::string empty =
      write_xlsx({progress_form(plan, "xa-1", Period(PeriodType::month, 2020, 3))});
  FormImportOptions options;
  options.submitted = day(2020, 4, 2);
  const ReportBatch batch = import_progress_forms(plan, {{"empty.xlsx", empty}}, options);
  ASSERT_EQ(batch.reports.size(), 1U);
  EXPECT_TRUE(batch.reports[0].values.empty());
  EXPECT_EQ(batch.reports[0].submitted, day(2020, 4, 2));
  EXPECT_EQ(import_error(plan, {{"empty.xlsx", empty}}),
            "1 problem in the forms; nothing was imported:\n  empty.xlsx: Báo cáo!B5: the day the "
            "report is submitted (Ngày nộp) is empty");
}

TEST(ProgressForms, TemplateRefusesUnitsAndPeriodsThePlanDoesNotExpect) {
  const ProgressPlan plan = testing::merge_plan();
  const auto error = [&](std::string_view unit, const Period& p) {
    try {
      (void)progress_form(plan, unit, p);
    } catch (const ValueError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(error("xa-1", Period(PeriodType::month, 2021, 1)),
            "the period 202101 is not one of the plan's reporting periods (202001 to 202012, "
            "month)");
  EXPECT_EQ(error("xa-1", Period(PeriodType::quarter, 2020, 1)),
            "the period 2020Q1 is not one of the plan's reporting periods (202001 to 202012, "
            "month)");
  EXPECT_EQ(error("xa-2", Period(PeriodType::month, 2020, 7)),
            "unit \"xa-2\" is not expected to report for 202007 (not in the plan's scope, or not "
            "existing at the period's end)");
  EXPECT_EQ(error("huyen", Period(PeriodType::month, 2020, 7)),
            "unit \"huyen\" is not expected to report for 202007 (not in the plan's scope, or not "
            "existing at the period's end)");
}

TEST(ProgressForms, FilledFormsImport) {
  NEED_XLSX();
  const ProgressPlan plan = testing::merge_plan();
  OutSheet second = filled_form(plan);
  second.rows[3][1].value = std::string("202004");
  second.rows[4][1].value = std::string("05/05/2020");  // a day typed as text
  const ReportBatch batch = import_progress_forms(
      plan, {{"a.xlsx", write_xlsx({filled_form(plan)})}, {"b.xlsx", hand_written(second)}});
  ASSERT_EQ(batch.reports.size(), 2U);
  const Report& r = batch.reports[0];
  EXPECT_EQ(r.unit_id, "xa-1");
  EXPECT_EQ(r.period, Period(PeriodType::month, 2020, 3));
  EXPECT_EQ(r.submitted, day(2020, 4, 3));
  ASSERT_EQ(r.values.size(), 5U);
  EXPECT_EQ(r.values[0], (IndicatorValue{"dialogues", 4.0}));
  EXPECT_EQ(r.values[1], (IndicatorValue{"outstanding", 7.0}));
  EXPECT_EQ(r.values[2], (IndicatorValue{"resolved-on-time", Fraction{3, 5}}));
  EXPECT_EQ(r.values[3], (IndicatorValue{"has-plan", true}));
  EXPECT_EQ(r.values[4], (IndicatorValue{"notes", std::string("Đối thoại tốt")}));
  EXPECT_EQ(r.narrative, "Đề nghị tập huấn");
  EXPECT_EQ(batch.reports[1].period, Period(PeriodType::month, 2020, 4));
  EXPECT_EQ(batch.reports[1].submitted, day(2020, 5, 5));
  EXPECT_EQ(batch.reports[1].values, r.values);
}

TEST(ProgressForms, BadFormsImportNothing) {
  NEED_XLSX();
  const ProgressPlan plan = testing::merge_plan();
  OutSheet bad = filled_form(plan);
  bad.rows[7][3].value = std::string("mười");  // D8
  bad.rows[8][3].value = 2.5;                  // D9: fractional counts are fine (units may average)
  bad.rows[9][4].value = 6.0;                  // E10 > F10
  bad.rows[10][3].value = std::string("Chưa");
  const std::string good = write_xlsx({filled_form(plan)});
  EXPECT_EQ(import_error(plan, {{"good.xlsx", good}, {"bad.xlsx", write_xlsx({bad})}}),
            "3 problems in the forms; nothing was imported:\n"
            "  bad.xlsx: Báo cáo!D8: expected a number, got \"mười\"\n"
            "  bad.xlsx: Báo cáo!E10: the numerator 6 is above the denominator 5\n"
            "  bad.xlsx: Báo cáo!D11: expected \"Có\" or \"Không\", got \"Chưa\"");
  // Each problem with its form and cell, and as the line the message lists.
  try {
    (void)import_progress_forms(plan, {{"good.xlsx", good}, {"bad.xlsx", write_xlsx({bad})}});
    ADD_FAILURE() << "expected FormImportError";
  } catch (const FormImportError& e) {
    EXPECT_EQ(e.problems(),
              (std::vector<JsonProblem>{
                  {"bad.xlsx: Báo cáo!D8", "expected a number, got \"mười\""},
                  {"bad.xlsx: Báo cáo!E10", "the numerator 6 is above the denominator 5"},
                  {"bad.xlsx: Báo cáo!D11", "expected \"Có\" or \"Không\", got \"Chưa\""}}));
    EXPECT_EQ(e.lines().front(), "bad.xlsx: Báo cáo!D8: expected a number, got \"mười\"");
  }

  // Another period or unit than asked, the same report twice, another plan.
  FormImportOptions options;
  options.period = Period(PeriodType::month, 2020, 4);
  options.unit_id = "xa-moi";
  EXPECT_EQ(import_error(plan, {{"good.xlsx", good}}, options),
            "2 problems in the forms; nothing was imported:\n"
            "  good.xlsx: Báo cáo!B4: the form is for period 202003, not 202004\n"
            "  good.xlsx: Báo cáo!B3: the form is for unit \"xa-1\", not \"xa-moi\"");
  EXPECT_EQ(import_error(plan, {{"good.xlsx", good}, {"copy.xlsx", good}}),
            "1 problem in the forms; nothing was imported:\n"
            "  copy.xlsx: a second report of unit \"xa-1\" for 202003 (the first is good.xlsx)");
  OutSheet other = filled_form(plan);
  other.rows[1][1].value = std::string("ke-hoach-khac");
  EXPECT_EQ(
      import_error(plan, {{"other.xlsx", hand_written(other)}}),
      "1 problem in the forms; nothing was imported:\n"
      "  other.xlsx: Báo cáo!B2: the form is for plan \"ke-hoach-khac\", not \"ke-hoach-thu\"");
  OutSheet gone = filled_form(plan);
  gone.rows[2][1].value = std::string("xa-2");
  gone.rows[3][1].value = std::string("202008");
  EXPECT_EQ(import_error(plan, {{"gone.xlsx", hand_written(gone)}}),
            "1 problem in the forms; nothing was imported:\n"
            "  gone.xlsx: Báo cáo!B3: unit \"xa-2\" is not expected to report for 202008 (not in "
            "the plan's scope, or not existing at the period's end)");

  // Formulas, merged cells, negative numbers, a lone numerator, an unknown indicator.
  OutSheet f = filled_form(plan);
  f.rows[8][3].value = -1.0;
  f.rows[9][5].value = std::monostate{};
  f.rows.push_back({OutCell(std::string("khong-co"))});
  EXPECT_EQ(import_error(plan, {{"f.xlsx", hand_written(f,
                                                        "<mergeCells><mergeCell ref=\"B12:D12\"/>"
                                                        "</mergeCells>",
                                                        {{"D8", "SUM(1,2)"}})}}),
            "5 problems in the forms; nothing was imported:\n"
            "  f.xlsx: Báo cáo!D8: a formula (=SUM(1,2)) where a value is expected; type the "
            "value itself\n"
            "  f.xlsx: Báo cáo!D9: a negative number (-1)\n"
            "  f.xlsx: Báo cáo!F10: the denominator (Mẫu số) is empty but the numerator is 3\n"
            "  f.xlsx: Báo cáo!B12: merged with B12:D12; unmerge the cells\n"
            "  f.xlsx: Báo cáo!A14: unknown indicator \"khong-co\"");

  // Files that are no forms.
  EXPECT_EQ(import_error(plan, {{"old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)},
                                {"renamed.xlsx", test::make_zip({{"a.txt", "x"}})},
                                {"sheet.xlsx", test::make_xlsx("<row><c><v>1</v></c></row>")}}),
            "3 problems in the forms; nothing was imported:\n"
            "  old.xls: an Excel 97-2003 (.xls) or other OLE2 file, which danvan does not read; "
            "save it as .xlsx (Excel Workbook)\n"
            "  renamed.xlsx: a zip that is not an .xlsx workbook (no xl/workbook.xml)\n"
            "  sheet.xlsx: no sheet \"Báo cáo\" (is this a danvan form?)");
}

TEST(ProgressForms, ProgressSheets) {
  NEED_XLSX();
  const ProgressPlan plan = testing::merge_plan();
  const ReportBatch batch = testing::merge_reports();
  ProgressQuery query;
  query.period = Period(PeriodType::year, 2020);
  query.as_of = day(2021, 1, 3);
  const ProgressSummary summary = summarize_progress(plan, batch, query);
  const Workbook book = read_xlsx(write_xlsx(progress_sheets(plan, summary)));
  ASSERT_EQ(book.sheets.size(), 3U);
  const Sheet& done = book.sheets[0];
  EXPECT_EQ(done.name, "Nộp báo cáo");
  EXPECT_EQ(text_at(done, 0, 3), "Phải nộp");
  EXPECT_EQ(text_at(done, 1, 1), summary.nodes[0].unit_id);
  const auto& c = summary.nodes[0].completeness;
  EXPECT_EQ(number_at(done, 1, 3), static_cast<double>(c.expected));
  EXPECT_EQ(number_at(done, 1, 8), static_cast<double>(c.submitted()));
  const Sheet& values = book.sheets[1];
  EXPECT_EQ(values.name, "Chỉ tiêu");
  // Every non-qualitative indicator per node; the first row is the root's "dialogues".
  EXPECT_EQ(values.row_count(), 1 + 4 * summary.nodes.size());
  EXPECT_EQ(text_at(values, 1, 3), "dialogues");
  EXPECT_EQ(number_at(values, 1, 6), summary.indicators[0].values[0].value);
  EXPECT_EQ(number_at(values, 1, 7), 100.0);
  const Sheet& acts = book.sheets[2];
  EXPECT_EQ(acts.row_count(), 1 + summary.activities.size());
  EXPECT_TRUE(std::holds_alternative<SheetDate>(acts.find(1, 4)->value));
}

}  // namespace
}  // namespace danvan
