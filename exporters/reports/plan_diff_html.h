// `cloudplan diff --format html`: the comparison of two plans as one self-contained page in the
// style of report.html (inline CSS, no script, no request to anything outside the file): the
// figures of both plans, then every moved, added, removed and re-classified system, the waves
// whose dates changed and the churn of each agency. Every text of the plans is escaped.
#pragma once

#include <string>

#include "models/inventory.h"
#include "models/plan_diff.h"

namespace cloudplan::exporters {

std::string planDiffToHtml(const models::PlanDiff& diff, const models::InputFile& oldFile,
                           const models::InputFile& newFile);

}  // namespace cloudplan::exporters
