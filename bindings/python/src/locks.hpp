// Long calls without the GIL (issue 12), and the lock that keeps them safe.
//
// A call that reads an object held by Python (Registry.select on a registry, summarize_progress
// on a plan and its reports) may release the GIL only if no other thread can change that object
// meanwhile: every change goes through a setter or a mutating method, which arguments.cpp runs
// under the exclusive side of object_lock(); the long reads hold its shared side.
#pragma once

#include <pybind11/pybind11.h>

#include <mutex>
#include <shared_mutex>

namespace danvan_py {

namespace py = pybind11;

/// Objects held by Python (a Registry, a ProgressPlan, ...) are changed only under the
/// exclusive side of this lock: arguments.cpp takes it around every property setter and
/// mutating method (add, replace, remove, ...), holding the GIL; functions that change an
/// argument in place (replay_journal) take it themselves. A long call that reads such an
/// object with the GIL released holds the shared side (ReleasedRead), so another thread can
/// run Python meanwhile but cannot change the object under it.
std::shared_mutex& object_lock();

/// For a long call reading objects held by Python (Registry.select, summarize_progress, ...):
/// releases the GIL, then takes object_lock() shared; on return gives the lock back first.
/// (Not taken on a thread that holds the exclusive side: a read inside an edit.)
class ReleasedRead {
 public:
  ReleasedRead();
  ~ReleasedRead();
  ReleasedRead(const ReleasedRead&) = delete;
  ReleasedRead& operator=(const ReleasedRead&) = delete;

 private:
  py::gil_scoped_release release_;
  std::shared_lock<std::shared_mutex> lock_;
};
inline py::call_guard<ReleasedRead> release_gil_reading() { return {}; }

/// The exclusive side, for a function that changes an object passed to it (replay_journal).
/// Taken with the GIL held; not again on a thread that holds it already (a setter called
/// while a mutating method runs).
class ExclusiveEdit {
 public:
  ExclusiveEdit();
  ~ExclusiveEdit();
  ExclusiveEdit(const ExclusiveEdit&) = delete;
  ExclusiveEdit& operator=(const ExclusiveEdit&) = delete;

 private:
  bool owns_ = false;
};

}  // namespace danvan_py
