// `cloudplan diff` as text, for a terminal or a review mail: the two files, the figures of both
// plans side by side, one line counting the changes, then every moved, added, removed and
// re-classified system, every wave whose dates changed and the churn of each agency, in aligned
// columns. Lists are never cut short: a reviewer needs every system that moved.
#pragma once

#include <string>

#include "models/inventory.h"
#include "models/plan_diff.h"

namespace cloudplan::exporters {

// `oldFile` and `newFile` name the two plan.json files (path and sha256).
std::string planDiffText(const models::PlanDiff& diff, const models::InputFile& oldFile,
                         const models::InputFile& newFile);

}  // namespace cloudplan::exporters
