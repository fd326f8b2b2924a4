// Helpers shared by the bindings: reprs and the JSON <-> Python conversion.
#include "common.hpp"
#include "locks.hpp"

#include <cmath>

namespace danvan_py {

std::string kwargs_repr(py::handle self, const char* name,
                        std::initializer_list<const char*> fields) {
  return kwargs_repr(self, name, std::vector<const char*>(fields));
}

std::string kwargs_repr(py::handle self, const char* name, const std::vector<const char*>& fields) {
  const py::object defaults = py::type::of(self)();
  std::string out = std::string(name) + "(";
  bool first = true;
  for (const char* field : fields) {
    const py::object value = self.attr(field);
    if (value.equal(defaults.attr(field))) continue;
    if (!first) out += ", ";
    first = false;
    out += field;
    out += "=";
    out += py::repr(value).cast<std::string>();
  }
  return out + ")";
}

std::shared_mutex& object_lock() {
  // Never destroyed: threads may still run when the interpreter ends.
  static auto* lock = new std::shared_mutex();
  return *lock;
}

namespace {
thread_local bool holds_exclusive = false;
}  // namespace

ReleasedRead::ReleasedRead() : lock_(object_lock(), std::defer_lock) {
  if (!holds_exclusive) lock_.lock();
}

ReleasedRead::~ReleasedRead() {
  if (lock_.owns_lock()) lock_.unlock();  // before the GIL is taken back
}

ExclusiveEdit::ExclusiveEdit() {
  if (holds_exclusive) return;
  object_lock().lock();
  holds_exclusive = true;
  owns_ = true;
}

ExclusiveEdit::~ExclusiveEdit() {
  if (!owns_) return;
  holds_exclusive = false;
  object_lock().unlock();
}

py::str utf8_text(const std::string& s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

py::object json_to_py(const danvan::Json& value) {
  using T = danvan::Json::value_t;
  switch (value.type()) {
    case T::null:
      return py::none();
    case T::boolean:
      return py::bool_(value.get<bool>());
    case T::number_integer:
      return py::int_(value.get<std::int64_t>());
    case T::number_unsigned:
      return py::int_(value.get<std::uint64_t>());
    case T::number_float:
      return py::float_(value.get<double>());
    case T::string: {
      const auto& s = value.get_ref<const std::string&>();
      PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "strict");
      if (o == nullptr) throw py::error_already_set();
      return py::reinterpret_steal<py::object>(o);
    }
    case T::array: {
      py::list l;
      for (const auto& e : value) l.append(json_to_py(e));
      return l;
    }
    case T::object: {
      py::dict d;
      for (const auto& [k, v] : value.items()) d[py::str(k)] = json_to_py(v);
      return d;
    }
    default:
      throw py::type_error("danvan: a binary JSON value has no Python form");
  }
}

namespace {

std::string child(const std::string& pointer, const std::string& key) {
  std::string out = pointer + "/";
  for (const char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

[[noreturn]] void no_json_form(py::handle value, const std::string& pointer) {
  throw py::type_error("value at \"" + pointer + "\" has no JSON form: " +
                       py::repr(py::type::of(value).attr("__name__")).cast<std::string>() +
                       " (expected dict, list, tuple, str, int, float, bool or None)");
}

}  // namespace

danvan::Json py_to_json(py::handle value, const std::string& pointer) {
  if (value.is_none()) return nullptr;
  if (PyBool_Check(value.ptr())) return value.ptr() == Py_True;
  if (PyLong_Check(value.ptr())) {
    int overflow = 0;
    const long long n = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
    if (overflow == 0) {
      if (n == -1 && PyErr_Occurred()) throw py::error_already_set();
      return static_cast<std::int64_t>(n);
    }
    if (overflow > 0) {
      const unsigned long long u = PyLong_AsUnsignedLongLong(value.ptr());
      if (!PyErr_Occurred()) return static_cast<std::uint64_t>(u);
      PyErr_Clear();
    }
    throw py::value_error("integer at \"" + pointer + "\" does not fit in 64 bits");
  }
  if (PyFloat_Check(value.ptr())) {
    const double d = PyFloat_AsDouble(value.ptr());
    if (!std::isfinite(d)) {
      throw py::value_error("number at \"" + pointer +
                            "\" has no JSON form: " + py::repr(value).cast<std::string>());
    }
    return d;
  }
  if (PyUnicode_Check(value.ptr())) {
    Py_ssize_t size = 0;
    const char* s = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
    if (s == nullptr) throw py::error_already_set();
    return std::string(s, static_cast<std::size_t>(size));
  }
  if (PyList_Check(value.ptr()) || PyTuple_Check(value.ptr())) {
    danvan::Json a = danvan::Json::array();
    std::size_t i = 0;
    for (const py::handle e : value) {
      a.push_back(py_to_json(e, pointer + "/" + std::to_string(i)));
      ++i;
    }
    return a;
  }
  if (PyDict_Check(value.ptr())) {
    danvan::Json o = danvan::Json::object();
    for (const auto& [k, v] : py::reinterpret_borrow<py::dict>(value)) {
      if (!PyUnicode_Check(k.ptr())) {
        throw py::type_error("key " + py::repr(k).cast<std::string>() + " at \"" + pointer +
                             "\" is not a string");
      }
      const auto key = k.cast<std::string>();
      o[key] = py_to_json(v, child(pointer, key));
    }
    return o;
  }
  no_json_form(value, pointer);
}

}  // namespace danvan_py
