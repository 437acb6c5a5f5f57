// How the cli shows what a submission of the register of agencies changed: after store agencies,
// and again in history --diff.
#pragma once

#include <ostream>

#include "store/row_changes.h"

namespace cloudplan::cli {

// One line an agency added or removed, one a field changed.
void printAgencyChanges(std::ostream& out, const store::AgencyChanges& changes);

}  // namespace cloudplan::cli
