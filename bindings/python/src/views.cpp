// Attached copies: see views.hpp.
#include "views.hpp"

#include <pybind11/detail/common.h>

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace danvan_py::views {

namespace {

struct Link {
  py::object parent;
  std::string attr;
  Py_ssize_t index = -1;        // -1: the attribute itself; else the element of its tuple
  bool item = false;            // an item (parent[i]): written back with parent.replace(object)
  std::string key;              // an item's id when read (written back with _replace_id(key, ..))
  PyObject* weakref = nullptr;  // owned; its callback drops the link when the object dies
};

// Never destroyed: the module lives until the interpreter ends.
std::unordered_map<PyObject*, Link>& links() {
  static auto* m = new std::unordered_map<PyObject*, Link>();
  return *m;
}
std::unordered_map<PyObject*, PyObject*>& by_weakref() {
  static auto* m = new std::unordered_map<PyObject*, PyObject*>();
  return *m;
}
std::unordered_set<PyTypeObject*>& editable() {
  static auto* s = new std::unordered_set<PyTypeObject*>();
  return *s;
}

void drop(PyObject* object) {
  const auto it = links().find(object);
  if (it == links().end()) return;
  PyObject* weakref = it->second.weakref;
  by_weakref().erase(weakref);
  links().erase(it);  // releases the parent
  Py_XDECREF(weakref);
}

PyObject* on_collected(PyObject* /*self*/, PyObject* weakref) {
  const auto it = by_weakref().find(weakref);
  if (it != by_weakref().end()) drop(it->second);
  Py_RETURN_NONE;
}

PyMethodDef on_collected_def = {"_danvan_unlink", on_collected, METH_O, nullptr};

void attach(py::handle object, py::handle parent, const std::string& attr, Py_ssize_t index,
            bool item = false) {
  if (editable().count(Py_TYPE(object.ptr())) == 0) return;
  if (object.ptr() == parent.ptr()) return;
  static PyObject* const callback = PyCFunction_New(&on_collected_def, nullptr);
  drop(object.ptr());
  PyObject* weakref = PyWeakref_NewRef(object.ptr(), callback);
  if (weakref == nullptr) {
    PyErr_Clear();  // not weak-referenceable: stays a plain copy
    return;
  }
  by_weakref()[weakref] = object.ptr();
  std::string key;
  if (item && py::hasattr(parent, "_replace_id")) key = py::str(object.attr("id"));
  links()[object.ptr()] =
      Link{py::reinterpret_borrow<py::object>(parent), attr, index, item, std::move(key), weakref};
}

std::string type_name(py::handle o) {
  return py::str(py::type::of(o).attr("__name__")).cast<std::string>();
}

}  // namespace

void register_editable_type(PyTypeObject* type) { editable().insert(type); }

bool is_mutating_method(const std::string& name) {
  const std::string_view n(name);
  for (const std::string_view verb : {"add", "remove", "replace", "set", "insert", "update"}) {
    if (n == verb ||
        (n.size() > verb.size() && n.substr(0, verb.size()) == verb && n[verb.size()] == '_')) {
      return true;
    }
  }
  return n == "clear";
}

void attach_result(py::handle result, py::handle parent, const std::string& attr) {
  if (PyTuple_Check(result.ptr())) {
    const Py_ssize_t n = PyTuple_GET_SIZE(result.ptr());
    for (Py_ssize_t i = 0; i < n; ++i) {
      attach(PyTuple_GET_ITEM(result.ptr(), i), parent, attr, i);
    }
  } else {
    attach(result, parent, attr, -1);
  }
}

void attach_assigned(py::handle value, py::handle parent, const std::string& attr) {
  if (PyList_Check(value.ptr()) || PyTuple_Check(value.ptr())) {
    const auto items = py::reinterpret_borrow<py::sequence>(value);
    const auto n = static_cast<Py_ssize_t>(items.size());
    for (Py_ssize_t i = 0; i < n; ++i) attach(items[i], parent, attr, i);
  } else {
    attach(value, parent, attr, -1);
  }
}

void attach_item(py::handle result, py::handle parent, const std::string& method) {
  attach(result, parent, method, -1, /*item=*/true);
}

bool check_fresh(py::handle self, const std::string& where) {
  const auto it = links().find(self.ptr());
  if (it == links().end()) return true;
  // A copy: the Python calls below may attach or drop objects, which rehashes the map.
  const Link link = it->second;
  if (link.item) {
    if (py::hasattr(link.parent, "replace")) return true;  // replace() validates
    const std::string message = where + ": this " + type_name(self) +
                                " is a copy of an item of a " + type_name(link.parent) +
                                ", which has no replace(): the change would be lost; "
                                "copy.copy() it to change it alone";
    PyErr_SetString(PyExc_RuntimeError, message.c_str());
    return false;
  }
  // Types compared by identity cannot be checked: their copies never compare equal.
  if (Py_TYPE(self.ptr())->tp_richcompare == PyBaseObject_Type.tp_richcompare) return true;
  const std::string read_as = type_name(link.parent) + "." + link.attr +
                              (link.index >= 0 ? "[" + std::to_string(link.index) + "]" : "");
  bool fresh = false;
  try {
    py::object current = link.parent.attr(link.attr.c_str());
    if (link.index >= 0) {
      const auto items = py::reinterpret_borrow<py::sequence>(current);
      fresh = PyTuple_Check(current.ptr()) && link.index < static_cast<Py_ssize_t>(items.size()) &&
              py::object(items[static_cast<std::size_t>(link.index)]).equal(self);
    } else {
      fresh = current.equal(self);
    }
  } catch (py::error_already_set& e) {
    e.restore();
    return false;
  }
  if (fresh) return true;
  const std::string message = where + ": this " + type_name(self) +
                              " was read from (or assigned to) " + read_as +
                              ", which has changed since; read it again, or copy.copy() it to "
                              "change it alone";
  PyErr_SetString(PyExc_RuntimeError, message.c_str());
  return false;
}

bool write_back(py::handle self) {
  const auto it = links().find(self.ptr());
  if (it == links().end()) return true;
  const Link link = it->second;
  try {
    if (link.item && !link.key.empty()) {
      // By the id it was read with: a changed id renames this entry (refused when another
      // entry has the new id), never replaces the entry that has it.
      link.parent.attr("_replace_id")(link.key, self);
      const auto now = links().find(self.ptr());
      if (now != links().end()) now->second.key = py::str(self.attr("id"));
    } else if (link.item) {
      link.parent.attr("replace")(self);
    } else if (link.index < 0) {
      py::setattr(link.parent, link.attr.c_str(), self);
    } else {
      py::list items(link.parent.attr(link.attr.c_str()));
      if (link.index >= static_cast<Py_ssize_t>(items.size())) return true;
      items[static_cast<std::size_t>(link.index)] = self;
      py::setattr(link.parent, link.attr.c_str(), items);
    }
  } catch (py::error_already_set& e) {
    e.restore();
    return false;
  }
  return true;
}

}  // namespace danvan_py::views
