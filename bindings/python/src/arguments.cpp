// One-line argument errors (issue 12).
//
// When no overload of a bound function accepts its arguments, pybind11 raises a TypeError that
// lists every overload's signature and the repr of every argument: thousands of characters
// that never say which argument was wrong. install_argument_errors() runs once, after every
// class and function is registered: it finds each pybind11 function of the module (module
// functions, methods, constructors, static methods, property setters), remembers what to call
// it in a message ("summarize_progress", "Registry.select", "Plan" for a constructor,
// "Plan.title" for a setter), and points its PyMethodDef at check_dispatch, which calls
// pybind11's dispatcher and, only when that failed with pybind11's "incompatible arguments"
// TypeError, asks danvan._arguments.explain for a one-line error naming the parameter, the
// expected and the received type. Successful calls pay one pointer comparison.
#include "common.hpp"
#include "locks.hpp"
#include "views.hpp"

#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

namespace danvan_py {

namespace {

namespace pyd = pybind11::detail;

struct CallSite {
  std::string name;        // "summarize_progress", "Registry.select", "Plan", "Plan.title"
  const char* kind;        // "function", "method", "constructor", "getter", "setter"
  std::string attr;        // a property's name, for getters and setters
  bool mutates = false;    // a mutating method (views::is_mutating_method)
  bool getter = false;     // kind == "getter", kept for the hot path
  bool setter = false;     // kind == "setter"
  bool item = false;       // a method reading an item: __getitem__ or entry
  bool exclusive = false;  // changes an object in place: runs under ExclusiveEdit
};

/// Calls that change an object in place besides setters and views::is_mutating_method's:
/// Registry.declare_field, Registry.import_proposals, Workflow.apply, replay_journal(text,
/// registry), ...
bool changes_in_place(std::string_view kind, std::string_view name) {
  const std::size_t dot = name.rfind('.');
  const std::string_view last = dot == std::string_view::npos ? name : name.substr(dot + 1);
  if (kind == "function") return last == "replay_journal" || last == "replay_journal_file";
  if (kind != "method") return false;
  for (const std::string_view m :
       {"declare_field", "declare_grade", "declare_form", "shrink_to_fit", "apply", "record",
        "replay_journal", "import_proposals"}) {
    if (last == m) return true;
  }
  return false;
}

PyCFunctionWithKeywords pybind11_dispatcher = nullptr;

/// True while a constructor's arguments are converted: only then does a dict (or a Symbol's
/// text) convert to a danvan object (object_from_dict), so that `Plan(**p.to_dict())` works
/// while `symbol == "26/CT-TTg"` and `entry == {...}` stay False.
thread_local bool constructing = false;

std::unordered_map<const pyd::function_record*, CallSite>& call_sites() {
  // Never destroyed: the module lives until the interpreter ends.
  static auto* sites = new std::unordered_map<const pyd::function_record*, CallSite>();
  return *sites;
}

pyd::function_record* record_of(PyObject* function) {
  if (function == nullptr || !PyCFunction_Check(function)) return nullptr;
  PyObject* self = PyCFunction_GET_SELF(function);
  if (self == nullptr || !PyCapsule_CheckExact(self)) return nullptr;
  const auto capsule = py::reinterpret_borrow<py::capsule>(self);
  if (!pyd::is_function_record_capsule(capsule)) return nullptr;
  return capsule.get_pointer<pyd::function_record>();
}

/// Whether `error` is pybind11's "no overload matched" TypeError of `rec`.
bool is_overload_mismatch(PyObject* error, const pyd::function_record* rec) {
  if (error == nullptr ||
      !PyObject_TypeCheck(error, reinterpret_cast<PyTypeObject*>(PyExc_TypeError))) {
    return false;
  }
  PyObject* text = PyObject_Str(error);
  if (text == nullptr) {
    PyErr_Clear();
    return false;
  }
  const char* utf8 = PyUnicode_AsUTF8(text);
  bool match = false;
  if (utf8 != nullptr) {
    const std::string message(utf8);
    const std::string prefix = std::string(rec->name) + "(): incompatible ";
    match = message.rfind(prefix, 0) == 0 &&
            message.find(" arguments. The following argument types are supported:") !=
                std::string::npos;
  } else {
    PyErr_Clear();
  }
  Py_DECREF(text);
  return match;
}

/// After pybind11's dispatcher failed: replaces its "incompatible arguments" TypeError with
/// danvan._arguments.explain's one line; any other error is left as it is.
/// A danvan.Error (not an IoError, which names its file already) raised by a function that
/// reads the file its first argument names (load_*(path, ...), *_file(path, ...)):
/// danvan._arguments.name_file gives it the `filename` attribute and puts the file name in
/// front of the message.
PyObject* name_file(const std::string& function, PyObject* args, PyObject* kwargs) {
  const bool reads_file =
      function.rfind("load_", 0) == 0 ||
      (function.size() > 5 && function.compare(function.size() - 5, 5, "_file") == 0);
  if (!reads_file) return nullptr;
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  try {
    py::module_::import("danvan._arguments")
        .attr("name_file")(py::handle(value), py::handle(args),
                           kwargs != nullptr ? py::handle(kwargs) : py::handle(Py_None));
  } catch (py::error_already_set& e) {
    e.discard_as_unraisable("danvan._arguments.name_file");
  }
  PyErr_Restore(type, value, traceback);
  return nullptr;
}

PyObject* explain_failure(const pyd::function_record* rec, PyObject* args, PyObject* kwargs) {
  const auto site = call_sites().find(rec);
  if (!PyErr_ExceptionMatches(PyExc_TypeError)) {
    if (site != call_sites().end() && std::string_view(site->second.kind) == "function") {
      return name_file(site->second.name, args, kwargs);
    }
    return nullptr;
  }
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  if (site == call_sites().end() || !is_overload_mismatch(value, rec)) {
    PyErr_Restore(type, value, traceback);
    return nullptr;
  }
  try {
    py::list signatures;
    for (const pyd::function_record* r = rec; r != nullptr; r = r->next) {
      signatures.append(py::str(r->signature));
    }
    const py::object explain = py::module_::import("danvan._arguments").attr("explain");
    const char* kind =
        std::string_view(site->second.kind) == "getter" ? "method" : site->second.kind;
    const py::object error = explain(site->second.name, kind, signatures, py::handle(args),
                                     kwargs != nullptr ? py::handle(kwargs) : py::handle(Py_None));
    if (!error.is_none()) {
      Py_XDECREF(type);
      Py_XDECREF(value);
      Py_XDECREF(traceback);
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(error.ptr())), error.ptr());
      return nullptr;
    }
  } catch (py::error_already_set& e) {
    // The explanation failed: report it (as Python does for errors it cannot raise) and raise
    // pybind11's own message, which is long but right.
    e.discard_as_unraisable("danvan._arguments.explain");
  }
  PyErr_Restore(type, value, traceback);
  return nullptr;
}

PyObject* check_dispatch(PyObject* self, PyObject* args, PyObject* kwargs) {
  const auto* rec = static_cast<const pyd::function_record*>(
      PyCapsule_GetPointer(self, pyd::get_function_record_capsule_name()));
  if (rec == nullptr) return nullptr;  // PyCapsule_GetPointer set the error
  const auto found = call_sites().find(rec);
  const CallSite* site = found == call_sites().end() ? nullptr : &found->second;
  const bool has_self = PyTuple_GET_SIZE(args) > 0;
  const bool edits = site != nullptr && has_self && (site->setter || site->mutates);
  try {
    if (edits && !views::check_fresh(PyTuple_GET_ITEM(args, 0), site->name)) return nullptr;
    PyObject* result = nullptr;
    const bool was_constructing = constructing;
    constructing = site != nullptr && std::string_view(site->kind) == "constructor";
    struct Restore {
      bool value;
      ~Restore() { constructing = value; }
    } restore{was_constructing};
    if (edits || (site != nullptr && site->exclusive)) {
      // No change while another thread reads with the GIL released (ReleasedRead).
      const ExclusiveEdit lock;
      result = pybind11_dispatcher(self, args, kwargs);
    } else {
      result = pybind11_dispatcher(self, args, kwargs);
    }
    if (result == nullptr) return explain_failure(rec, args, kwargs);
    if (site == nullptr || !has_self) return result;
    const py::handle obj = PyTuple_GET_ITEM(args, 0);
    if (site->getter) {
      views::attach_result(result, obj, site->attr);
    } else if (site->item) {
      views::attach_item(result, obj, site->attr);
    } else if (edits) {
      if (site->setter && PyTuple_GET_SIZE(args) > 1) {
        views::attach_assigned(PyTuple_GET_ITEM(args, 1), obj, site->attr);
      }
      if (!views::write_back(obj)) {
        Py_DECREF(result);
        return nullptr;
      }
    }
    return result;
  } catch (py::error_already_set& e) {
    e.restore();
    return nullptr;
  }
}

/// A default value as a text signature may hold it: the repr of None, a bool, an int, a float
/// or a str (inspect.signature evaluates it), "()" for an empty sequence, else "..." (an enum
/// member, an object).
std::string default_text(py::handle value) {
  if (!value) return "...";
  PyObject* v = value.ptr();
  // An empty sequence (a std::vector's default comes as []): "()", as the stubs write it.
  if ((PyList_CheckExact(v) && PyList_GET_SIZE(v) == 0) ||
      (PyTuple_CheckExact(v) && PyTuple_GET_SIZE(v) == 0)) {
    return "()";
  }
  const bool literal = v == Py_None || PyBool_Check(v) || PyLong_CheckExact(v) ||
                       PyFloat_CheckExact(v) || PyUnicode_CheckExact(v);
  if (!literal) return "...";
  if (PyFloat_CheckExact(v)) {
    const double d = PyFloat_AS_DOUBLE(v);
    if (d != d || d == d + 1.0) return "...";  // nan, inf: no literal
  }
  return py::repr(value).cast<std::string>();
}

/// "(self, text, *, limit=None)": the parameters of a pybind11 function as CPython's text
/// signatures write them, "(*args, **kwargs)" for an overloaded one.
std::string text_signature(const pyd::function_record* rec) {
  if (rec->next != nullptr) return rec->is_method ? "(self, *args, **kwargs)" : "(*args, **kwargs)";
  std::string out = "(";
  const auto add = [&out](const std::string& part) {
    if (out.size() > 1) out += ", ";
    out += part;
  };
  const std::size_t n = rec->nargs;
  const std::size_t args_at = rec->has_args ? rec->nargs_pos : n;
  const std::size_t kwargs_at = rec->has_kwargs ? n - 1 : n;
  bool star = false;
  for (std::size_t k = 0; k < n; ++k) {
    const pyd::argument_record* a = k < rec->args.size() ? &rec->args[k] : nullptr;
    std::string name = a != nullptr && a->name != nullptr && a->name[0] != '\0'
                           ? std::string(a->name)
                           : (k == 0 && rec->is_method ? "self" : "arg" + std::to_string(k));
    if (k == args_at) {
      add("*" + name);
      star = true;
      continue;
    }
    if (k == kwargs_at) {
      add("**" + name);
      continue;
    }
    if (k >= rec->nargs_pos && !star) {
      add("*");
      star = true;
    }
    if (a != nullptr && a->value) name += "=" + default_text(a->value);
    add(name);
    if (rec->nargs_pos_only > 0 && k + 1 == rec->nargs_pos_only) add("/");
  }
  return out + ")";
}

/// Puts a text signature in front of the docstring ("name(sig)\n--\n\n" + the doc, the form
/// CPython's builtins use), so that inspect.signature() and help() know the parameters.
void set_text_signature(PyMethodDef* def, const pyd::function_record* rec) {
  if (def->ml_name == nullptr) return;
  const std::string old = def->ml_doc != nullptr ? def->ml_doc : "";
  if (old.find(")\n--\n\n") != std::string::npos) return;  // already has one
  const std::string doc = std::string(def->ml_name) + text_signature(rec) + "\n--\n\n" + old;
  char* copy = strdup(doc.c_str());  // freed by pybind11 with std::free, as its own doc
  if (copy == nullptr) return;
  std::free(const_cast<char*>(def->ml_doc));
  def->ml_doc = copy;
}

void install(PyObject* function, std::string name, const char* kind, std::string attr = "") {
  pyd::function_record* rec = record_of(function);
  if (rec == nullptr) return;
  auto* def = reinterpret_cast<PyCFunctionObject*>(function)->m_ml;
  if (pybind11_dispatcher == nullptr) {
    pybind11_dispatcher =
        reinterpret_cast<PyCFunctionWithKeywords>(reinterpret_cast<void (*)()>(def->ml_meth));
  }
  if (reinterpret_cast<void (*)()>(def->ml_meth) !=
      reinterpret_cast<void (*)()>(pybind11_dispatcher)) {
    return;  // already installed, or not pybind11's
  }
  const bool mutates = std::string_view(kind) == "method" && views::is_mutating_method(attr);
  const bool getter = std::string_view(kind) == "getter";
  const bool setter = std::string_view(kind) == "setter";
  const bool item =
      std::string_view(kind) == "method" && (attr == "__getitem__" || attr == "entry");
  if (!getter && !setter) set_text_signature(def, rec);
  const bool exclusive = setter || mutates || changes_in_place(kind, name);
  call_sites()[rec] =
      CallSite{std::move(name), kind, std::move(attr), mutates, getter, setter, item, exclusive};
  def->ml_meth = reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(check_dispatch));
}

void install_class(const py::handle cls, const std::string& class_name) {
  const auto dict =
      py::reinterpret_borrow<py::dict>(reinterpret_cast<PyTypeObject*>(cls.ptr())->tp_dict);
  bool editable = false;
  for (const auto& [key, value] : dict) {
    const auto attr = key.cast<std::string>();
    const std::string name = class_name + "." + attr;
    PyObject* v = value.ptr();
    if (Py_TYPE(v) == &PyProperty_Type) {
      // An instance property (not pybind11's static ones, a subclass of property).
      const py::object getter = py::getattr(value, "fget", py::none());
      if (!getter.is_none()) install(getter.ptr(), name, "getter", attr);
      const py::object setter = py::getattr(value, "fset", py::none());
      if (!setter.is_none()) {
        install(setter.ptr(), name, "setter", attr);
        editable = true;
      }
    } else if (PyObject_TypeCheck(v, &PyProperty_Type)) {
      const py::object setter = py::getattr(value, "fset", py::none());
      if (!setter.is_none()) install(setter.ptr(), name, "setter", attr);
    } else if (PyInstanceMethod_Check(v)) {
      const bool init = attr == "__init__";
      install(PyInstanceMethod_Function(v), init ? class_name : name,
              init ? "constructor" : "method", attr);
      editable = editable || (!init && views::is_mutating_method(attr));
    } else if (PyObject_TypeCheck(v, &PyStaticMethod_Type)) {
      const py::object function = py::getattr(value, "__func__", py::none());
      install(function.ptr(), name, "function");
    } else if (PyCFunction_Check(v)) {
      install(v, name, "function");
    }
  }
  if (editable && pyd::get_type_info(reinterpret_cast<PyTypeObject*>(cls.ptr())) != nullptr) {
    views::register_editable_type(reinterpret_cast<PyTypeObject*>(cls.ptr()));
  }
}

/// The implicit conversion of a dict to a danvan object (pybind11 tries it for a parameter of
/// the object's type), so that `Indicator(**i.to_dict())` takes its targets as the dicts
/// to_dict() made: `type.from_dict(value)` for a class with a dict form, else the constructor
/// with the dict's items as keyword arguments (a PlanPeriod from {"first": ..., "last": ...}).
/// A dict refused is no conversion (the error is cleared); danvan._arguments then explains it.
PyObject* object_from_dict(PyObject* value, PyTypeObject* type) {
  if (!constructing || !PyDict_Check(value)) return nullptr;
  auto* cls = reinterpret_cast<PyObject*>(type);
  PyObject* result = nullptr;
  if (PyObject_HasAttrString(cls, "from_dict") != 0) {
    PyObject* from_dict = PyObject_GetAttrString(cls, "from_dict");
    if (from_dict != nullptr) {
      result = PyObject_CallOneArg(from_dict, value);
      Py_DECREF(from_dict);
    }
  } else {
    PyObject* no_args = PyTuple_New(0);
    if (no_args != nullptr) {
      result = PyObject_Call(cls, no_args, value);
      Py_DECREF(no_args);
    }
  }
  if (result == nullptr) PyErr_Clear();
  return result;
}

/// The same for a Symbol from its text ("26/CT-TTg"), as to_dict() writes it.
PyObject* symbol_from_text(PyObject* value, PyTypeObject* type) {
  if (!constructing || !PyUnicode_Check(value)) return nullptr;
  PyObject* parse = PyObject_GetAttrString(reinterpret_cast<PyObject*>(type), "parse");
  if (parse == nullptr) {
    PyErr_Clear();
    return nullptr;
  }
  PyObject* result = PyObject_CallOneArg(parse, value);
  Py_DECREF(parse);
  if (result == nullptr) PyErr_Clear();
  return result;
}

void add_dict_conversion(const py::handle cls, const std::string& name) {
  auto* type = reinterpret_cast<PyTypeObject*>(cls.ptr());
  pyd::type_info* info = pyd::get_type_info(type);
  if (info == nullptr) return;
  if (name == "Symbol") info->implicit_conversions.emplace_back(&symbol_from_text);
  info->implicit_conversions.emplace_back(&object_from_dict);
}

}  // namespace

void install_argument_errors(py::module_& m) {
  const auto dict = py::reinterpret_borrow<py::dict>(PyModule_GetDict(m.ptr()));
  for (const auto& [key, value] : dict) {
    const auto name = key.cast<std::string>();
    if (PyType_Check(value.ptr())) {
      install_class(value, name);
      add_dict_conversion(value, name);
    } else if (PyCFunction_Check(value.ptr())) {
      install(value.ptr(), name, "function");
    }
  }
}

}  // namespace danvan_py
