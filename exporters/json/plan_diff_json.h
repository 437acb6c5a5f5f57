// `cloudplan diff --format json` (format cloudplan-diff/1): the comparison of two plans for tools,
// in the same order as the text. Each top-level member on a line of its own and each array
// element compact on its own line, as plan.json is written. Documented in docs/commands.md.
#pragma once

#include <string>

#include "engine/plan_diff.h"
#include "models/inventory.h"

namespace cloudplan::exporters {

std::string planDiffToJson(const engine::PlanDiff& diff, const models::InputFile& oldFile,
                           const models::InputFile& newFile);

}  // namespace cloudplan::exporters
