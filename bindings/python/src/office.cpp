// danvan._core: Word documents out (office.hpp), added to the bound Registry class:
// Registry.decision, the recognition decision as the bytes of a .docx.
#include "common.hpp"

#include "danvan/instrument.hpp"
#include "danvan/registry.hpp"

#ifdef DANVAN_PYTHON_OFFICE
#include "danvan/office.hpp"
#endif

namespace danvan_py {

using danvan::Registry;

namespace {

std::vector<std::size_t> entry_indexes(const Registry& r, const std::vector<long long>& indexes) {
  const auto size = static_cast<long long>(r.size());
  std::vector<std::size_t> out;
  out.reserve(indexes.size());
  for (const long long index : indexes) {
    const long long i = index < 0 ? index + size : index;
    if (i < 0 || i >= size) {
      throw py::index_error("registry index " + std::to_string(index) + " is out of range (" +
                            std::to_string(size) + " entries)");
    }
    out.push_back(static_cast<std::size_t>(i));
  }
  return out;
}

py::bytes decision(const Registry& r, const std::vector<long long>& indexes,
                   const std::string& issuer_unit_id, std::optional<danvan::Level> level,
                   const std::optional<std::string>& recognised_in,
                   const danvan::InstrumentCatalogue* catalogue,
                   std::optional<std::vector<std::string>> basis_ids,
                   std::optional<std::string> signer) {
  const std::vector<std::size_t> selection = entry_indexes(r, indexes);
#ifdef DANVAN_PYTHON_OFFICE
  danvan::DecisionOptions o;
  o.issuer_unit_id = issuer_unit_id;
  o.level = level;
  if (recognised_in) o.recognised_in = danvan::parse_date_range(*recognised_in);
  o.catalogue = catalogue;
  if (basis_ids) o.basis_ids = std::move(*basis_ids);
  if (signer) o.signature.name = std::move(*signer);
  std::string bytes;
  {
    py::gil_scoped_release release;
    bytes = danvan::decision_docx(r, selection, o);
  }
  return py::bytes(bytes);
#else
  (void)selection, (void)issuer_unit_id, (void)level, (void)recognised_in, (void)catalogue,
      (void)basis_ids, (void)signer;
  throw danvan::ValueError("not built with .docx writing support (danvan::office)");
#endif
}

}  // namespace

void register_registry_documents(py::module_& m) {
  const py::object cls = m.attr("Registry");
  cls.attr("decision") = py::cpp_function(
      decision, py::name("decision"), py::is_method(cls), py::arg("indexes"), py::kw_only(),
      py::arg("issuer_unit_id"), py::arg("level") = py::none(),
      py::arg("recognised_in") = py::none(), py::arg("catalogue") = py::none(),
      py::arg("basis_ids") = py::none(), py::arg("signer") = py::none(),
      "The recognition decision (quyết định công nhận) of the entries at the indexes, as the "
      "bytes of a .docx in the layout of Nghị định 30/2020/NĐ-CP: issuer_unit_id issues it, "
      "level and recognised_in (a period: \"2024\", \"2021-2025\") are named in the abstract, "
      "basis_ids are instruments of catalogue written as the bases, signer the signer's name; "
      "the annex lists the entries in Vietnamese order. What the registry does not know "
      "(number, date, signer) is a dotted blank. Raises danvan.ValueError for an empty "
      "selection, an unknown unit or basis, or text Word cannot show (naming the entry and "
      "field).");
}

}  // namespace danvan_py
