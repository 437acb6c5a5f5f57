// `cloudplan diff --format json` (format cloudplan-diff/1): the comparison of two plans for tools,
// in the same order as the text. Each top-level member on a line of its own and each array
// element compact on its own line, as plan.json is written. Documented in docs/commands.md.
#pragma once

#include <string>

#include "models/inventory.h"
#include "models/plan_diff.h"

namespace cloudplan::exporters {

std::string planDiffToJson(const models::PlanDiff& diff, const models::InputFile& oldFile,
                           const models::InputFile& newFile);

}  // namespace cloudplan::exporters
