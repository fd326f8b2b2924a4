// Vietnamese text helpers. Functions taking text accept str (and bytes, read as UTF-8, which is
// how malformed input reaches the C++ checks); sort keys are bytes, so they work as `key=`.
#include "common.hpp"

namespace danvan_py {

namespace {

/// The strings of an iterable of str, in order; TypeError for anything else.
std::vector<std::string> strings_of(const py::iterable& items, const char* what) {
  std::vector<std::string> out;
  for (const py::handle item : items) {
    if (!py::isinstance<py::str>(item)) {
      throw py::type_error(std::string(what) + " must be str, got " +
                           py::type::of(item).attr("__name__").cast<std::string>());
    }
    out.push_back(item.cast<std::string>());
  }
  return out;
}

}  // namespace

void register_text(py::module_& m) {
  using danvan::Collator;

  m.def("check_utf8", &danvan::check_utf8, py::arg("text"),
        "Raises danvan.ParseError at the first malformed UTF-8 sequence of `text` (bytes; a "
        "str is always well-formed).");
  m.def("normalize_nfc", &danvan::normalize_nfc, py::arg("text"),
        "The text in Unicode Normalization Form C, as danvan stores every string it reads.");
  m.def("is_nfc", &danvan::is_nfc, py::arg("text"), "True when the text is already in NFC.");
  m.def("fold", &danvan::fold, py::arg("text"),
        "Search folding: lower case, diacritics removed, đ/Đ to d. \"Đặng Thị Hồng\" -> "
        "\"dang thi hong\".");
  m.def("squeeze_spaces", &danvan::squeeze_spaces, py::arg("text"),
        "Collapses runs of Unicode white space into one space and trims both ends.");
  m.def(
      "sort_key", [](std::string_view text) { return py::bytes(danvan::sort_key(text)); },
      py::arg("text"),
      "A bytes key whose order is Vietnamese collation order (a < ă < â < b ...; tones "
      "secondary, case tertiary): sorted(words, key=danvan.sort_key).");
  m.def(
      "name_sort_key",
      [](std::string_view full_name) { return py::bytes(danvan::name_sort_key(full_name)); },
      py::arg("full_name"),
      "A bytes key for person names: given name (last word) first, then the middle names, "
      "then the family name.");
  m.def("compare_vietnamese", &danvan::compare_vietnamese, py::arg("a"), py::arg("b"),
        "<0, 0 or >0 as `a` sorts before, equal to or after `b` in Vietnamese collation.");
  m.def(
      "sorted_vietnamese",
      [](const py::iterable& texts) {
        auto v = strings_of(texts, "texts");
        danvan::sort_vietnamese(v);
        return v;
      },
      py::arg("texts"), "A new list of the strings in Vietnamese collation order (stable).");
  m.def(
      "sorted_person_names",
      [](const py::iterable& names) {
        auto v = strings_of(names, "names");
        danvan::sort_person_names(v);
        return v;
      },
      py::arg("names"),
      "A new list of the person names sorted Vietnamese-style: by given name, then middle "
      "names, then family name (stable).");

  py::class_<Collator>(m, "Collator",
                       "Vietnamese collation (ICU \"vi\"). The module functions use one per "
                       "thread; make your own to hold one explicitly. Not copyable.")
      .def(py::init<>(), "A Vietnamese collator.")
      .def("compare", &Collator::compare, py::arg("a"), py::arg("b"),
           "<0, 0 or >0 as `a` sorts before, equal to or after `b`.")
      .def(
          "sort_key",
          [](const Collator& c, std::string_view text) { return py::bytes(c.sort_key(text)); },
          py::arg("text"), "The bytes sort key of the text.")
      .def(
          "name_sort_key",
          [](const Collator& c, std::string_view full_name) {
            return py::bytes(c.name_sort_key(full_name));
          },
          py::arg("full_name"), "The bytes sort key of a person name (given name first).")
      .def(
          "__repr__", [](const Collator&) { return std::string("Collator()"); }, "Collator().");
}

}  // namespace danvan_py
