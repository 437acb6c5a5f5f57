// Compares two plans of the same inventory (models/plan_diff.h says what it finds). The two
// plans' inventories index their systems differently, so systems are matched by id.
#pragma once

#include "models/inventory.h"
#include "models/plan.h"
#include "models/plan_diff.h"

namespace cloudplan::engine {

models::PlanDiff diffPlans(const models::Inventory& oldInventory, const models::Plan& oldPlan,
                           const models::Inventory& newInventory, const models::Plan& newPlan);

}  // namespace cloudplan::engine
