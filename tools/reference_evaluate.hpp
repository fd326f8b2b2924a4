// danvan refs --evaluate: precision and recall of find_references on a labelled corpus.
#pragma once

#include "cli.hpp"

#include <iosfwd>

namespace danvan::cli {

int evaluate_references(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace danvan::cli
