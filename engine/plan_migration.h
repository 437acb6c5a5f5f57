// The engine's front door: an inventory and settings in, a plan out (or errors that say why no
// plan exists). No files, no clock, no environment: the same inputs give the same plan.
#pragma once

#include <optional>

#include "engine/replan.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::engine {

// With `replan`, a re-plan of its baseline (planning rules, version 2): the baseline's calendar,
// fixed systems kept, the rest in waves that have not started, as few moved as the rules allow.
std::optional<models::Plan> planMigration(const models::Inventory& inventory,
                                          const models::PlanSettings& settings,
                                          models::Diagnostics& diagnostics,
                                          const ReplanInput* replan = nullptr);

}  // namespace cloudplan::engine
