// danvan import-text --evaluate: the plan importer scored against hand labels.
#pragma once

#include "cli.hpp"

#include <iosfwd>

namespace danvan::cli {

/// Runs the evaluation for `danvan import-text --evaluate LABELS [--split dev|heldout|all]
/// [--corpus DIR] [--min RATIO] [--verbose]`: prints one line per field (exact-match share)
/// and per list (precision, recall); exit status 1 when --min is given and a headline field
/// scores below it.
int evaluate_plans(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace danvan::cli
