// danvan._core: the Excel forms of progress plans (progress_forms.hpp, danvan::formats): the
// .xlsx form a unit fills, filled forms read back into a report batch, the progress workbook.
#include "common.hpp"
#include "summary.hpp"

#include <danvan/io.hpp>
#include <danvan/progress.hpp>
#include <danvan/report.hpp>

#ifdef DANVAN_PYTHON_FORMATS
#include <danvan/progress_forms.hpp>
#include <danvan/spreadsheet.hpp>
#endif

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace danvan_py {

using danvan::Date;
using danvan::Period;
using danvan::ProgressPlan;
using danvan::ReportBatch;

namespace {

#ifdef DANVAN_PYTHON_FORMATS

/// The forms to import: a (name, bytes) pair as given, or a path read (named as given).
std::vector<danvan::FilledForm> filled_forms(const py::sequence& forms) {
  std::vector<danvan::FilledForm> out;
  for (const py::handle item : forms) {
    if (py::isinstance<py::tuple>(item)) {
      const auto pair = item.cast<py::tuple>();
      if (pair.size() != 2 || !py::isinstance<py::str>(pair[0]) ||
          !py::isinstance<py::bytes>(pair[1])) {
        throw py::type_error("a form is a path or a (name: str, data: bytes) pair");
      }
      out.push_back({pair[0].cast<std::string>(), pair[1].cast<std::string>()});
      continue;
    }
    const auto path = py::reinterpret_borrow<py::object>(item).cast<std::filesystem::path>();
    out.push_back({path.string(), danvan::read_file(path)});
  }
  return out;
}

py::bytes form(const ProgressPlan& plan, const std::string& unit_id, const Period& period) {
  const auto sheet = danvan::progress_form(plan, unit_id, period);
  return py::bytes(danvan::write_xlsx({sheet}));
}

ReportBatch import_forms(const ProgressPlan& plan, const py::sequence& forms,
                         std::optional<Period> period, std::optional<std::string> unit_id,
                         std::optional<Date> submitted) {
  const auto filled = filled_forms(forms);
  const danvan::FormImportOptions options{period, std::move(unit_id), submitted};
  py::gil_scoped_release release;
  return danvan::import_progress_forms(plan, filled, options);
}

py::bytes workbook(const ProgressPlan& plan, const Summary& summary) {
  return py::bytes(danvan::write_xlsx(danvan::progress_sheets(plan, summary.summary)));
}

#else

[[noreturn]] void no_xlsx() {
  throw danvan::ValueError("not built with .xlsx support (danvan::formats)");
}
py::bytes form(const ProgressPlan&, const std::string&, const Period&) { no_xlsx(); }
ReportBatch import_forms(const ProgressPlan&, const py::sequence&, std::optional<Period>,
                         std::optional<std::string>, std::optional<Date>) {
  no_xlsx();
}
py::bytes workbook(const ProgressPlan&, const Summary&) { no_xlsx(); }

#endif

}  // namespace

// After register_progress: the signatures name danvan.ProgressPlan and danvan.ProgressSummary.
void register_forms(py::module_& m) {
  m.def("progress_form", &form, py::arg("plan"), py::arg("unit_id"), py::arg("period"),
        "The .xlsx form (bytes) the unit fills for the period, as `danvan progress template` "
        "writes it: one sheet \"Báo cáo\" with the plan, unit and period filled in, one row per "
        "indicator with typed, unlocked input cells (a percentage as numerator and "
        "denominator), data validation, and the submission day in B5. Raises danvan.ValueError "
        "for a unit the plan expects no report from or a period not in its schedule.");
  m.def("import_progress_forms", &import_forms, py::arg("plan"), py::arg("forms"), py::kw_only(),
        py::arg("period") = py::none(), py::arg("unit_id") = py::none(),
        py::arg("submitted") = py::none(),
        "Reads filled forms into a ReportBatch for the plan (one report per form, in order), "
        "as `danvan progress import-xlsx`: each form a path or a (name, bytes) pair. All or "
        "nothing: danvan.ValueError lists every problem, one a line, with the form's name and "
        "cell (\"f.xlsx: Báo cáo!D9: expected a number, got \\\"mười\\\"\"). `period` and "
        "`unit_id` refuse forms of any other; `submitted` is the day of forms whose B5 is "
        "empty.");
  m.def("progress_workbook", &workbook, py::arg("plan"), py::arg("summary"),
        "The progress summary as an .xlsx workbook (bytes), as `danvan progress --format "
        "xlsx`: sheets \"Nộp báo cáo\", \"Chỉ tiêu\" and \"Hoạt động\", typed numbers, missing "
        "values as empty cells.");
}

}  // namespace danvan_py
