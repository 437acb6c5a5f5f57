// The baseline of a re-plan (`plan --baseline OLD/plan.json`): the plan.json being executed, read
// as render and explain read one, and its systems matched by id to the current inventory's.
#pragma once

#include <optional>
#include <string>

#include "models/baseline.h"
#include "models/diagnostic.h"
#include "models/inventory.h"

namespace cloudplan::importers {

// The baseline at `path` (`-`: standard input) against the `current` inventory, or nullopt with
// the errors of readPlan (`cannot-read`, `not-a-file`, `too-large`, `not-a-plan` for a file that
// is not a plan.json of format cloudplan-plan/1, `invalid-plan`, `unfinished-run`) under its name.
std::optional<models::Baseline> readBaseline(const std::string& path,
                                             const models::Inventory& current,
                                             models::Diagnostics& diagnostics);

}  // namespace cloudplan::importers
