// The exception hierarchy, mirroring danvan/error.hpp:
//
//   danvan.Error(Exception)                  marker base of everything danvan raises
//   danvan.ValueError(Error, ValueError)     bad values; .problems [(where, reason)], every one
//     danvan.ParseError(ValueError)          .input, .offset (bytes into the UTF-8), .reason
//     danvan.JsonError(ValueError)           .pointer, .reason (the first problem's)
//
// Every danvan.ValueError raised by the library has `problems`, a list of (where, reason) from
// danvan::ValueError::problems(): every problem a check found (Registry.add, Plan.validate,
// ReportBatch.validate, the document readers, import_progress_forms), each with where it is (a
// JSON pointer, a form's cell, "" when the error is about one thing as a whole: then the one
// problem is ("", str(e))). Functions that read a file add `filename` (danvan._arguments).
// `problems` is a property (danvan/__init__.py): one raised without a list has ("", str(e)).
//   danvan.IoError(Error, OSError)           .path; OSError's .errno, .strerror, .filename
//     danvan.IoError.FileNotFoundError(IoError, FileNotFoundError), .PermissionError, ...
//
// str(e) is the C++ what() text, unchanged (IoError overrides OSError's "[Errno 2] ..." str). The
// classes are made with PyErr_NewException, so `except ValueError` and `except OSError` catch them
// as usual. An IoError with a system error number is raised as the subclass of IoError and of the
// OSError subclass Python itself picks for that number (OSError(errno.ENOENT, ...) is a
// FileNotFoundError), so `except FileNotFoundError` catches a missing file; the subclasses are
// attributes of IoError (IoError.FileNotFoundError), which is also how pickle finds them.
#include "common.hpp"

#include <string>
#include <utility>
#include <vector>

namespace danvan_py {

namespace {

PyObject* g_error = nullptr;
PyObject* g_value_error = nullptr;
PyObject* g_parse_error = nullptr;
PyObject* g_json_error = nullptr;
PyObject* g_io_error = nullptr;

/// The subclasses of OSError that OSError(errno, ...) gives for some errno values (PEP 3151).
constexpr const char* kOsErrorKinds[] = {"BlockingIOError",        "BrokenPipeError",
                                         "ChildProcessError",      "ConnectionAbortedError",
                                         "ConnectionRefusedError", "ConnectionResetError",
                                         "FileExistsError",        "FileNotFoundError",
                                         "InterruptedError",       "IsADirectoryError",
                                         "NotADirectoryError",     "PermissionError",
                                         "ProcessLookupError",     "TimeoutError"};

/// (Python's OSError subclass, danvan's subclass of it and of IoError), one per kOsErrorKinds.
std::vector<std::pair<PyObject*, PyObject*>> g_io_kinds;

/// The class to raise for an IoError with system error number `number`: the IoError subclass
/// matching the OSError subclass Python maps the number to, else IoError itself.
PyObject* io_error_class(int number) {
  PyObject* builtin = PyExc_OSError;
  {
    py::object probe = py::reinterpret_borrow<py::object>(PyExc_OSError)(number, "");
    builtin = py::type::of(probe).ptr();
  }
  for (const auto& [kind, cls] : g_io_kinds) {
    if (kind == builtin) return cls;
  }
  return g_io_error;
}

PyObject* new_exception(const char* name, const char* doc, py::handle bases,
                        const py::dict& defaults) {
  PyObject* cls = PyErr_NewExceptionWithDoc(name, doc, bases.ptr(), defaults.ptr());
  if (cls == nullptr) throw py::error_already_set();
  return cls;
}

/// Raises an instance of `cls` with message `what` and the given attributes.
void raise(PyObject* cls, const std::string& what, const py::dict& attributes) {
  py::object exc = py::reinterpret_borrow<py::object>(cls)(utf8_text(what));
  for (const auto& [key, value] : attributes) py::setattr(exc, key, value);
  PyErr_SetObject(cls, exc.ptr());
}

py::list problem_list(const std::vector<danvan::JsonProblem>& problems) {
  py::list out;
  for (const auto& p : problems)
    out.append(py::make_tuple(utf8_text(p.pointer), utf8_text(p.reason)));
  return out;
}

}  // namespace

void register_errors(py::module_& m) {
  py::module_ builtins = py::module_::import("builtins");

  g_error = new_exception("danvan.Error",
                          "Base class of every exception danvan raises (danvan::Error in C++).",
                          PyExc_Exception, py::dict());
  g_value_error = new_exception(
      "danvan.ValueError",
      "A value is invalid: out of range, inconsistent or not parseable (also a ValueError). "
      "`problems` is a list of every problem found, each as (where, reason): where is a JSON "
      "pointer into the value's or document's JSON form (\"/fields/1\"), a form's cell, or \"\" "
      "for an error about the value as a whole, whose one problem is then (\"\", str(e)). An "
      "error raised while reading a file also has `filename`.",
      py::make_tuple(py::handle(g_error), builtins.attr("ValueError")), py::dict());
  g_parse_error = new_exception(
      "danvan.ParseError",
      "Text could not be parsed. `input` is the text (or a window of it), `offset` the byte "
      "offset into its UTF-8 where parsing failed, `reason` why.",
      g_value_error,
      py::dict(py::arg("input") = "", py::arg("offset") = 0, py::arg("reason") = ""));
  g_json_error = new_exception(
      "danvan.JsonError",
      "A JSON document is invalid. `pointer` is the RFC 6901 pointer of the first problem, "
      "`reason` its reason, `problems` a list of every (pointer, reason) found.",
      g_value_error, py::dict(py::arg("pointer") = "", py::arg("reason") = ""));
  g_io_error = new_exception(
      "danvan.IoError",
      "A file could not be read or written (also an OSError). `path` (and OSError's "
      "`filename`) names it; OSError's `errno` is the system's error number (errno.ENOENT for "
      "a missing file) and `strerror` its text, both None when no system error caused it. "
      "str(e) is the library's message, \"<path>: <reason>\". With an errno it is raised as "
      "the subclass matching OSError's own mapping, so `except FileNotFoundError` (ENOENT), "
      "`except PermissionError` (EACCES, EPERM), `except IsADirectoryError` (EISDIR) and the "
      "other OSError subclasses catch it: IoError.FileNotFoundError, "
      "IoError.PermissionError, ...",
      py::make_tuple(py::handle(g_error), builtins.attr("OSError")),
      py::dict(py::arg("path") = ""));
  // OSError's str() would read "[Errno 2] No such file or directory: '...'" once errno and
  // filename are set: keep the library's message, as for every other danvan error.
  py::handle(g_io_error).attr("__str__") = py::cpp_function(
      [](py::handle self) -> py::str {
        const py::tuple args = self.attr("args");
        if (args.size() == 1) return py::str(args[0]);
        // Raised from Python as IoError(errno, strerror, ...): OSError's own form.
        return py::module_::import("builtins").attr("OSError").attr("__str__")(self);
      },
      py::name("__str__"), py::is_method(py::handle(g_io_error)),
      "The message the error was raised with (not OSError's \"[Errno N] ...\" form, which it "
      "keeps only when raised from Python with several arguments).");

  // Pickling keeps the message and OSError's fields (OSError's own __reduce__ would rebuild the
  // error from (errno, strerror, filename), turning str(e) into the "[Errno N] ..." form).
  py::handle(g_io_error).attr("__reduce__") = py::cpp_function(
      [](py::handle self) {
        py::dict state;
        if (py::hasattr(self, "__dict__")) state = py::dict(self.attr("__dict__"));
        for (const char* field : {"errno", "strerror", "filename"}) {
          state[field] = self.attr(field);
        }
        return py::make_tuple(py::type::of(self), self.attr("args"), state);
      },
      py::name("__reduce__"), py::is_method(py::handle(g_io_error)),
      "Pickles the message, path and OSError fields.");
  for (const char* kind : kOsErrorKinds) {
    if (!py::hasattr(builtins, kind)) continue;
    py::object builtin = builtins.attr(kind);
    const std::string name = std::string("danvan.") + kind;
    PyObject* cls = new_exception(name.c_str(),
                                  (std::string("An IoError that is also a ") + kind +
                                   ": raised for the errno values OSError maps to " + kind + ".")
                                      .c_str(),
                                  py::make_tuple(py::handle(g_io_error), builtin), py::dict());
    py::handle(cls).attr("__qualname__") = std::string("IoError.") + kind;
    py::handle(g_io_error).attr(kind) = py::handle(cls);
    g_io_kinds.emplace_back(builtin.ptr(), cls);
  }

  m.attr("Error") = py::handle(g_error);
  m.attr("ValueError") = py::handle(g_value_error);
  m.attr("ParseError") = py::handle(g_parse_error);
  m.attr("JsonError") = py::handle(g_json_error);
  m.attr("IoError") = py::handle(g_io_error);

  py::register_local_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const danvan::JsonError& e) {
      raise(g_json_error, e.what(),
            py::dict(py::arg("pointer") = utf8_text(e.pointer()),
                     py::arg("reason") = utf8_text(e.reason()),
                     py::arg("problems") = problem_list(e.problems())));
    } catch (const danvan::ParseError& e) {
      raise(g_parse_error, e.what(),
            py::dict(py::arg("input") = utf8_text(e.input()), py::arg("offset") = e.offset(),
                     py::arg("reason") = utf8_text(e.reason()),
                     py::arg("problems") = problem_list(e.problems())));
    } catch (const danvan::ValueError& e) {
      raise(g_value_error, e.what(), py::dict(py::arg("problems") = problem_list(e.problems())));
    } catch (const danvan::IoError& e) {
      py::dict attributes(py::arg("path") = utf8_text(e.path()),
                          py::arg("filename") = utf8_text(e.path()));
      // OSError.errno is set only for errno values (a code of another category means
      // nothing to os.strerror or errno.errorcode).
      const std::error_code& code = e.code();
      if (code && (code.category() == std::generic_category() ||
                   code.category() == std::system_category())) {
        attributes["errno"] = code.value();
        attributes["strerror"] = utf8_text(code.message());
      }
      raise(attributes.contains("errno") ? io_error_class(code.value()) : g_io_error, e.what(),
            attributes);
    } catch (const danvan::Error& e) {
      // A danvan exception of a kind added after these bindings: still a danvan.Error.
      raise(g_error, e.message(), py::dict());
    }
  });
}

}  // namespace danvan_py
