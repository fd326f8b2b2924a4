// Every JSON function of danvan in one include (target danvan::json): the base
// (danvan/json/json.hpp), one header per module's documents, the document table and file I/O.
// Include the single headers under danvan/json/ to depend on less.
#pragma once

#include "danvan/io.hpp"
#include "danvan/json/calendar.hpp"
#include "danvan/json/documents.hpp"
#include "danvan/json/json.hpp"
#include "danvan/json/plan.hpp"
#include "danvan/json/progress.hpp"
#include "danvan/json/references.hpp"
#include "danvan/json/registry.hpp"
#include "danvan/json/workflow.hpp"
