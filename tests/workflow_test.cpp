// The submission workflow: valid and refused transitions with their exact messages, the
// approving unit across the 2025 merger, the journal and document, and the summary's counts.
#include "danvan/json/workflow.hpp"
#include "danvan/json/documents.hpp"
#include "danvan/workflow.hpp"
#include "progress_fixture.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

using danvan::Period;
using danvan::PeriodType;
using danvan::ReportStatus;
using danvan::Transition;
using danvan::Workflow;
using danvan::WorkflowAction;
using danvan::testing::day;
using danvan::testing::make_unit;

Period month(int m) { return Period(PeriodType::month, 2020, m); }

Transition tr(std::string unit, Period period, WorkflowAction action, danvan::Date date,
              std::string by, std::optional<std::string> reason = std::nullopt) {
  return Transition{std::move(unit), period,       action,           date,
                    std::move(by),   std::nullopt, std::move(reason)};
}

/// The message of the refusal of `t` by `w` checked against `plan` ("" when accepted).
std::string refusal(const Workflow& w, const danvan::ProgressPlan& plan, const Transition& t) {
  try {
    Workflow copy = w;
    copy.apply(plan, t);
  } catch (const danvan::ValueError& e) {
    return e.what();
  }
  return "";
}

TEST(Workflow, DraftSubmitReturnResubmitApprove) {
  const auto plan = danvan::testing::merge_plan();
  Workflow w(plan.plan_id);
  w.apply(plan, tr("xa-1", month(4), WorkflowAction::draft, day(2020, 5, 1), "xa-1"));
  w.apply(plan, tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 3), "xa-1"));
  w.apply(plan, tr("xa-1", month(4), WorkflowAction::return_to_unit, day(2020, 5, 4), "huyen",
                   "Số đơn thư giải quyết vượt số tiếp nhận"));
  w.apply(plan, tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 6), "xa-1"));
  w.apply(plan, tr("xa-1", month(4), WorkflowAction::approve, day(2020, 5, 8), "huyen"));
  const auto* h = w.find("xa-1", month(4));
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->transitions.size(), 5u);
  EXPECT_EQ(h->status_on(day(2020, 4, 30)), std::nullopt);
  EXPECT_EQ(h->status_on(day(2020, 5, 2)), ReportStatus::draft);
  EXPECT_EQ(h->status_on(day(2020, 5, 5)), ReportStatus::returned);
  EXPECT_EQ(h->status_on(day(2020, 5, 7)), ReportStatus::submitted);
  EXPECT_EQ(h->status_on(day(2020, 5, 8)), ReportStatus::approved);
  EXPECT_EQ(h->first_submitted(), day(2020, 5, 3));
  EXPECT_EQ(w.size(), 5u);
}

TEST(Workflow, RefusedTransitionsHaveExactMessages) {
  const auto plan = danvan::testing::merge_plan();
  Workflow w(plan.plan_id);
  const auto approve = tr("xa-1", month(4), WorkflowAction::approve, day(2020, 5, 8), "huyen");
  EXPECT_EQ(refusal(w, plan, approve),
            "report of xa-1 for 202004: cannot approve: it is not submitted");
  EXPECT_EQ(refusal(w, plan,
                    tr("xa-1", month(4), WorkflowAction::return_to_unit, day(2020, 5, 8), "huyen")),
            "report of xa-1 for 202004: a return needs a reason");
  EXPECT_EQ(
      refusal(w, plan,
              tr("xa-1", month(4), WorkflowAction::return_to_unit, day(2020, 5, 8), "huyen", " ")),
      "report of xa-1 for 202004: a return needs a reason");
  auto odd =
      tr("xa-1", month(4), WorkflowAction::return_to_unit, day(2020, 5, 8), "huyen", "sai\x1b[2J");
  EXPECT_EQ(refusal(w, plan, odd),
            "report of xa-1 for 202004: the reason control character U+001B at byte 3 (text must "
            "not contain control characters)");
  odd.reason = "Thie\xCC\x82\xCC\x81u";  // NFD
  EXPECT_EQ(refusal(w, plan, odd), "report of xa-1 for 202004: the reason is not in Unicode NFC");
  odd.reason = "ok";
  odd.person = " ";
  EXPECT_EQ(refusal(w, plan, odd), "report of xa-1 for 202004: the person is empty");
  odd.person = "\xFF";
  EXPECT_NE(refusal(w, plan, odd).find("report of xa-1 for 202004: the person "),
            std::string::npos);
  EXPECT_EQ(
      refusal(w, plan, tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 8), "xa-1", "vì")),
      "report of xa-1 for 202004: only a return has a reason");
  EXPECT_EQ(
      refusal(w, plan, tr("xa-1", month(4), WorkflowAction::submit, day(2020, 3, 31), "xa-1")),
      "report of xa-1 for 202004: submit on 2020-03-31 is before the period began "
      "(2020-04-01)");
  EXPECT_EQ(
      refusal(w, plan, tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 1), "huyen")),
      "report of xa-1 for 202004: only xa-1 itself can submit it, not huyen");
  EXPECT_EQ(refusal(w, plan, tr("xa-9", month(4), WorkflowAction::submit, day(2020, 5, 1), "xa-9")),
            "report of xa-9 for 202004: unknown unit \"xa-9\"");
  EXPECT_EQ(refusal(w, plan,
                    tr("xa-1", Period(PeriodType::quarter, 2020, 2), WorkflowAction::submit,
                       day(2020, 7, 1), "xa-1")),
            "report of xa-1 for 2020Q2: period 2020Q2 is not a month period as the schedule "
            "requires");
  EXPECT_EQ(refusal(w, plan,
                    tr("xa-1", Period(PeriodType::month, 2021, 1), WorkflowAction::submit,
                       day(2021, 2, 1), "xa-1")),
            "report of xa-1 for 202101: period 202101 is outside the schedule 202001..202012");
  EXPECT_EQ(refusal(w, plan, tr("xa-2", month(6), WorkflowAction::submit, day(2020, 7, 1), "xa-2")),
            "report of xa-2 for 202006: the unit did not exist at the end of 202006");

  w.apply(plan, tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 5), "xa-1"));
  EXPECT_EQ(refusal(w, plan, tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 6), "xa-1")),
            "report of xa-1 for 202004: cannot submit: it was submitted on 2020-05-05 and awaits "
            "approval");
  EXPECT_EQ(refusal(w, plan, tr("xa-1", month(4), WorkflowAction::draft, day(2020, 5, 6), "xa-1")),
            "report of xa-1 for 202004: cannot draft: it was submitted on 2020-05-05 and awaits "
            "approval");
  EXPECT_EQ(
      refusal(w, plan, tr("xa-1", month(4), WorkflowAction::approve, day(2020, 5, 4), "huyen")),
      "report of xa-1 for 202004: approve on 2020-05-04 is before the previous transition "
      "(submit on 2020-05-05)");
  EXPECT_EQ(
      refusal(w, plan, tr("xa-1", month(4), WorkflowAction::approve, day(2020, 5, 6), "xa-1")),
      "report of xa-1 for 202004: xa-1 cannot approve its own report");
  EXPECT_EQ(
      refusal(w, plan, tr("xa-1", month(4), WorkflowAction::approve, day(2020, 5, 6), "tinh")),
      "report of xa-1 for 202004: tinh cannot approve it: its parent huyen does (approval is "
      "not by a higher level)");
  EXPECT_EQ(
      refusal(w, plan, tr("xa-1", month(4), WorkflowAction::approve, day(2020, 5, 6), "xa-moi")),
      "report of xa-1 for 202004: xa-moi cannot approve it: xa-1 is not its child (its "
      "parent on 2020-04-30 is huyen)");
  EXPECT_EQ(
      refusal(w, plan, tr("xa-1", month(4), WorkflowAction::approve, day(2020, 5, 6), "nowhere")),
      "report of xa-1 for 202004: unknown unit \"nowhere\"");

  w.apply(plan, tr("xa-1", month(4), WorkflowAction::return_to_unit, day(2020, 5, 6), "huyen",
                   "thiếu số liệu"));
  EXPECT_EQ(refusal(w, plan, approve),
            "report of xa-1 for 202004: cannot approve: it was returned on 2020-05-06 and not "
            "resubmitted");
  EXPECT_EQ(refusal(w, plan,
                    tr("xa-1", month(4), WorkflowAction::return_to_unit, day(2020, 5, 7), "huyen",
                       "lần nữa")),
            "report of xa-1 for 202004: cannot return: it was returned on 2020-05-06 and not "
            "resubmitted");
  w.apply(plan, tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 7), "xa-1"));
  w.apply(plan, approve);
  EXPECT_EQ(refusal(w, plan,
                    tr("xa-1", month(4), WorkflowAction::return_to_unit, day(2020, 5, 9), "huyen",
                       "muộn")),
            "report of xa-1 for 202004: cannot return: it was already approved on 2020-05-08");
  EXPECT_EQ(refusal(w, plan, approve),
            "report of xa-1 for 202004: cannot approve: it was already approved on 2020-05-08");
  // A refused transition leaves the workflow as it was.
  EXPECT_EQ(w.size(), 4u);
}

/// A province merged into a new one on 01/07/2025, the district dissolved, the commune merged
/// into a new commune directly under the new province; quarterly reports through 2025.
danvan::ProgressPlan merger_plan() {
  danvan::ProgressPlan p;
  p.plan_id = "ke-hoach-2025";
  p.schedule.period_type = PeriodType::quarter;
  p.schedule.first = Period(PeriodType::quarter, 2025, 1);
  p.schedule.last = Period(PeriodType::quarter, 2025, 4);
  p.schedule.days_after_period_end = 10;
  using danvan::Level;
  auto tinh =
      make_unit("tinh", "Tỉnh Cũ", Level::province, std::nullopt, std::nullopt, day(2025, 6, 30));
  auto moi = make_unit("tinh-moi", "Tỉnh Mới", Level::province, std::nullopt, day(2025, 7, 1));
  tinh.successor_ids = {"tinh-moi"};
  moi.predecessor_ids = {"tinh"};
  auto huyen = make_unit("huyen", "Huyện", Level::district, "tinh", std::nullopt, day(2025, 6, 30));
  auto xa = make_unit("xa", "Xã Cũ", Level::commune, "huyen", std::nullopt, day(2025, 6, 30));
  auto xa_moi = make_unit("xa-moi", "Xã Mới", Level::commune, "tinh-moi", day(2025, 7, 1));
  xa.successor_ids = {"xa-moi"};
  xa_moi.predecessor_ids = {"xa"};
  p.units = danvan::UnitHierarchy({tinh, moi, huyen, xa, xa_moi});
  p.scope_unit_ids = {"xa", "xa-moi"};
  p.validate();
  return p;
}

TEST(Workflow, ApproverAfterThe2025MergerIsTheNewParent) {
  const auto plan = merger_plan();
  const Period q2(PeriodType::quarter, 2025, 2);
  const Period q3(PeriodType::quarter, 2025, 3);
  using danvan::approving_units;
  EXPECT_EQ(approving_units(plan.units, "xa", q2, day(2025, 6, 30)),
            std::vector<std::string>{"huyen"});
  // The district is gone on the approval day and has no successor: the new province approves.
  EXPECT_EQ(approving_units(plan.units, "xa", q2, day(2025, 7, 5)),
            std::vector<std::string>{"tinh-moi"});
  EXPECT_EQ(approving_units(plan.units, "xa-moi", q3, day(2025, 10, 5)),
            std::vector<std::string>{"tinh-moi"});
  EXPECT_TRUE(approving_units(plan.units, "tinh-moi", q3, day(2025, 10, 5)).empty());

  Workflow w(plan.plan_id);
  w.apply(plan, tr("xa", q2, WorkflowAction::submit, day(2025, 7, 2), "xa"));
  EXPECT_EQ(refusal(w, plan, tr("xa", q2, WorkflowAction::approve, day(2025, 7, 5), "huyen")),
            "report of xa for 2025Q2: huyen cannot approve it: it no longer exists on 2025-07-05; "
            "tinh-moi does in its place");
  EXPECT_EQ(refusal(w, plan, tr("xa", q2, WorkflowAction::approve, day(2025, 7, 5), "tinh")),
            "report of xa for 2025Q2: tinh cannot approve it: its parent tinh-moi does (approval "
            "is not by a higher level)");
  w.apply(plan, tr("xa", q2, WorkflowAction::approve, day(2025, 7, 5), "tinh-moi"));
  w.apply(plan, tr("xa-moi", q3, WorkflowAction::submit, day(2025, 10, 2), "xa-moi"));
  EXPECT_EQ(refusal(w, plan, tr("xa-moi", q3, WorkflowAction::approve, day(2025, 10, 5), "tinh")),
            "report of xa-moi for 2025Q3: tinh cannot approve it: xa-moi is not its child (its "
            "parent on 2025-09-30 is tinh-moi)");
  EXPECT_EQ(
      refusal(w, plan, tr("tinh-moi", q3, WorkflowAction::approve, day(2025, 10, 5), "xa-moi")),
      "report of tinh-moi for 2025Q3: xa-moi cannot approve it: tinh-moi has no parent that "
      "could (none exists on 2025-10-05)");
  w.apply(plan, tr("xa-moi", q3, WorkflowAction::approve, day(2025, 10, 5), "tinh-moi"));
}

TEST(WorkflowJson, DocumentRoundTripsAndRefusesBadSequences) {
  const auto plan = danvan::testing::merge_plan();
  Workflow w(plan.plan_id);
  w.apply(plan, tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 3), "xa-1"));
  auto ret = tr("xa-1", month(4), WorkflowAction::return_to_unit, day(2020, 5, 4), "huyen",
                "thiếu số liệu");
  ret.person = "Nguyễn Văn A";
  w.apply(plan, ret);
  const std::string text = danvan::to_canonical_text(danvan::to_json(w));
  EXPECT_EQ(danvan::workflow_from_json(danvan::parse_json(text), plan), w);
  EXPECT_EQ(danvan::format_document(text), text);
  EXPECT_TRUE(danvan::validate_document(text).empty());

  auto doc = danvan::parse_json(text);
  doc["transitions"][1]["reason"] = nullptr;
  doc["transitions"][0]["extra"] = 1;
  doc["transitions"][0]["date"] = "2020-02-30";
  auto problems = danvan::validate_document(doc.dump());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].pointer, "/transitions/0/date");
  EXPECT_EQ(problems[1].pointer, "/transitions/0/extra");
  EXPECT_EQ(problems[1].reason, "unknown key \"extra\"");

  doc = danvan::parse_json(text);
  doc["transitions"][1]["reason"] = nullptr;
  problems = danvan::validate_document(doc.dump());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/transitions/1");
  EXPECT_EQ(problems[0].reason, "report of xa-1 for 202004: a return needs a reason");

  doc = danvan::parse_json(text);
  doc["transitions"][1]["action"] = "reject";
  problems = danvan::validate_document(doc.dump());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/transitions/1/action");
  EXPECT_EQ(problems[0].reason,
            "unknown workflow action \"reject\"; expected one of draft, submit, return, approve");

  doc = danvan::parse_json(text);
  doc["transitions"][1]["by"] = "tinh";
  try {
    (void)danvan::workflow_from_json(doc, plan);
    FAIL() << "accepted an approval by the grandparent";
  } catch (const danvan::JsonDocumentError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].pointer, "/transitions/1");
    EXPECT_EQ(e.problems()[0].reason,
              "report of xa-1 for 202004: tinh cannot return it: its parent huyen does (approval "
              "is not by a higher level)");
  }
  doc["plan"] = "other";
  doc["transitions"][1]["by"] = "huyen";
  try {
    (void)danvan::workflow_from_json(doc, plan);
    FAIL() << "accepted another plan's workflow";
  } catch (const danvan::JsonDocumentError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].reason,
              "the workflow is for plan \"other\", but the progress plan is for \"ke-hoach-thu\"");
  }
}

TEST(WorkflowJournal, ReplaysWritesAndToleratesATornLastLine) {
  const auto plan = danvan::testing::merge_plan();
  const auto path = std::filesystem::temp_directory_path() / "danvan_workflow_test.jsonl";
  std::filesystem::remove(path);
  {
    danvan::JournalWriter writer(path);
    writer.append(danvan::workflow_journal_line(
        tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 3), "xa-1")));
    writer.append(danvan::workflow_journal_line(
        tr("xa-1", month(4), WorkflowAction::approve, day(2020, 5, 4), "huyen")));
  }
  EXPECT_EQ(danvan::workflow_journal_line(
                tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 3), "xa-1")),
            "{\"unit\":\"xa-1\",\"period\":\"202004\",\"action\":\"submit\",\"date\":\"2020-05-"
            "03\",\"by\":\"xa-1\",\"person\":null,\"reason\":null}\n");
  {
    std::ofstream torn(path, std::ios::app | std::ios::binary);
    torn << R"({"unit":"xa-1","period":"2020)";
  }
  Workflow w;
  auto result = danvan::replay_workflow_journal_file(path, w, &plan);
  EXPECT_EQ(result.applied, 2u);
  EXPECT_EQ(result.torn_line, 3u);
  EXPECT_EQ(result.warning, "line 3: torn last line (no final newline); ignored");
  EXPECT_EQ(w.find("xa-1", month(4))->status_on(day(2020, 6, 1)), ReportStatus::approved);
  {
    danvan::JournalWriter writer(path);  // repairs the tail
    ASSERT_EQ(writer.repairs().size(), 1u);
  }
  std::filesystem::remove(path);

  // A missing journal is empty.
  Workflow empty;
  EXPECT_EQ(danvan::replay_workflow_journal_file(path, empty, &plan).applied, 0u);

  const auto replay_error = [&](std::string_view text) {
    Workflow x;
    try {
      (void)danvan::replay_workflow_journal(text, x, &plan);
    } catch (const danvan::ValueError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const std::string ok =
      R"({"unit":"xa-1","period":"202004","action":"submit","date":"2020-05-03","by":"xa-1","person":null,"reason":null})";
  EXPECT_EQ(
      replay_error(
          ok + "\n" +
          R"({"unit":"xa-1","period":"202004","action":"approve","date":"2020-05-02","by":"huyen"})" +
          "\n"),
      "line 2: report of xa-1 for 202004: approve on 2020-05-02 is before the previous "
      "transition (submit on 2020-05-03)");
  EXPECT_EQ(replay_error("\n" + ok + "\n"),
            "line 1: invalid JSON: parse error at line 1, column 1: syntax error while parsing "
            "value - unexpected end of input; expected '[', "
            "'{', or a literal");
  EXPECT_EQ(replay_error("[1]\n" + ok + "\n"), "line 1: (line): expected an object, got an array");
  EXPECT_EQ(replay_error(R"({"unit":"xa-1"})"
                         "\n"),
            "line 1: (line): missing required key \"period\"");
  EXPECT_EQ(
      replay_error(
          R"({"unit":"xa-1","period":"202004","action":"submit","date":"2020-05-03","by":"xa-1","person":"","reason":null})"
          "\n"),
      "line 1: /person: must not be empty");
}

TEST(WorkflowSummary, CountsStatusesAndRollsUpByBasis) {
  using danvan::testing::make_report;
  const auto plan = danvan::testing::merge_plan();
  danvan::ReportBatch batch;
  batch.plan_id = plan.plan_id;
  batch.reports.push_back(make_report("xa-1", 4, day(2020, 5, 3), 3, 10, {4, 5}));
  batch.reports.push_back(make_report("xa-2", 4, day(2020, 5, 3), 5, 20, {1, 2}));
  batch.reports.push_back(make_report("xa-3", 4, day(2020, 5, 4), 7, 30, {1, 1}));
  Workflow w(plan.plan_id);
  w.apply(plan, tr("xa-1", month(4), WorkflowAction::submit, day(2020, 5, 3), "xa-1"));
  w.apply(plan, tr("xa-1", month(4), WorkflowAction::approve, day(2020, 5, 6), "huyen"));
  w.apply(plan, tr("xa-2", month(4), WorkflowAction::submit, day(2020, 5, 3), "xa-2"));
  w.apply(plan, tr("xa-2", month(4), WorkflowAction::return_to_unit, day(2020, 5, 7), "huyen",
                   "sai số liệu"));
  // xa-3's report is in the batch with no history: submitted, awaiting approval.
  danvan::ProgressQuery q;
  q.period = month(4);
  q.as_of = day(2020, 5, 10);

  const auto all = danvan::summarize_progress(plan, batch, w, q, danvan::RollupBasis::submitted);
  ASSERT_NE(all.workflow, nullptr);
  ASSERT_EQ(all.nodes[0].unit_id, "tinh");
  EXPECT_EQ(all.workflow->nodes[0], (danvan::WorkflowCounts{0, 1, 1, 1}));
  EXPECT_EQ(all.workflow->unapproved_counted, 1u);
  EXPECT_EQ(all.workflow->left_out, 1u);
  ASSERT_EQ(all.workflow->awaiting.size(), 1u);
  EXPECT_EQ(all.workflow->awaiting[0].unit_id, "xa-3");
  EXPECT_EQ(all.workflow->awaiting[0].waits_on, std::vector<std::string>{"huyen"});
  ASSERT_EQ(all.workflow->returned.size(), 1u);
  EXPECT_EQ(all.workflow->returned[0].reason, "sai số liệu");
  EXPECT_EQ(all.workflow->returned[0].actor_unit_id, "huyen");
  EXPECT_EQ(all.workflow->returned[0].waits_on, std::vector<std::string>{"xa-2"});
  // Completeness is the batch's: three submitted reports.
  EXPECT_EQ(all.nodes[0].completeness.submitted(), 3u);
  // Dialogues: xa-1 (3) and xa-3 (7); the returned xa-2 is left out.
  EXPECT_EQ(all.indicators[0].values[0].value, 10.0);

  const auto approved =
      danvan::summarize_progress(plan, batch, w, q, danvan::RollupBasis::approved);
  EXPECT_EQ(approved.indicators[0].values[0].value, 3.0);
  EXPECT_EQ(approved.workflow->unapproved_counted, 0u);
  EXPECT_EQ(approved.workflow->left_out, 2u);
  // Before any approval the approved-only figure is missing, not 0.
  q.as_of = day(2020, 5, 5);
  const auto early = danvan::summarize_progress(plan, batch, w, q, danvan::RollupBasis::approved);
  EXPECT_EQ(early.indicators[0].values[0].value, std::nullopt);
  EXPECT_EQ(early.workflow->nodes[0], (danvan::WorkflowCounts{0, 3, 0, 0}));
}

}  // namespace
