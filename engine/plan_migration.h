// The engine's front door: an inventory and settings in, a plan out (or errors that say why no
// plan exists). No files, no clock, no environment: the same inputs give the same plan.
#pragma once

#include <optional>

#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::engine {

std::optional<models::Plan> planMigration(const models::Inventory& inventory,
                                          const models::PlanSettings& settings,
                                          models::Diagnostics& diagnostics);

}  // namespace cloudplan::engine
