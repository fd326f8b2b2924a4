// Attached copies (issue 12): an object read from, or assigned to, an attribute of another
// danvan object stays attached to that attribute, so that changing it changes its parent.
//
// danvan's C++ objects hold their parts by value, and Python reads them as copies: without
// this, `plan.source.title = "X"` or `plan.task_areas[0].text = "..."` changed a temporary and
// was silently lost. Now a copy read from `plan.source` (or the i-th element of a tuple read
// from `plan.task_areas`), and an object assigned there, remembers (parent, attribute, index);
// after a setter or a mutating method (add, add_issuer, remove..., replace..., set_...,
// insert..., update..., clear) succeeds on it, it is written back with the parent's own setter,
// which validates it and, when the parent is attached in turn, writes the parent back up the chain.
// Before the change, the attribute must still hold what the copy holds; otherwise the copy is stale
// and the change raises (read the attribute again, or copy.copy() the object to edit it alone).
// An item read with parent[i] or parent.entry(i) is attached too, and written back with
// parent.replace(item) (which validates it as add() does); a parent without replace() refuses
// the change. Objects returned by other methods (units.find(...)) are plain copies.
#pragma once

#include <pybind11/pybind11.h>

#include <string>

namespace danvan_py::views {

namespace py = pybind11;

/// A class whose instances can be attached: it has property setters or mutating methods.
void register_editable_type(PyTypeObject* type);
/// True for the method names that count as mutating: add, remove, replace, set, insert,
/// update (alone or followed by "_...": add_issuer) and clear.
bool is_mutating_method(const std::string& name);

/// After a getter `parent.attr` returned `result`: attaches it (or each element of a tuple).
void attach_result(py::handle result, py::handle parent, const std::string& attr);
/// After `parent[i]` (or parent.entry(i)) returned `result`: attaches it as an item, written
/// back with parent.replace(result); when the parent has no replace(), changing it raises.
void attach_item(py::handle result, py::handle parent, const std::string& method);
/// After a setter `parent.attr = value` succeeded: attaches `value` (or each element of a
/// list or tuple) to it.
void attach_assigned(py::handle value, py::handle parent, const std::string& attr);
/// Before a setter or mutating method on `self`: raises (returns false with a Python error
/// set) when `self` is attached to an attribute that no longer holds what it holds. `where`
/// names the call ("SourceInfo.title").
bool check_fresh(py::handle self, const std::string& where);
/// After a setter or mutating method on `self` succeeded: writes it back to its parent.
/// Returns false with a Python error set when the parent's setter refused it.
bool write_back(py::handle self);

}  // namespace danvan_py::views
