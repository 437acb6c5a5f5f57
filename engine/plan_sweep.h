// A what-if sweep: one inventory planned with each of many settings, on threads of their own.
// The inventory is read-only and planMigration keeps no state between calls, so the plans need
// nothing shared but the inventory; each result lands in its settings' place, so the order of the
// results never depends on the threads.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/replan.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::engine {

struct SweepResult {
  std::optional<models::PlanMetrics> metrics;  // none: no feasible plan
  std::optional<models::Date> end;             // the last wave's last day; none: no wave
  std::string error;                           // no plan: the first error's message
};

// The figures of a plan of `inventory` with each of `settings`, in their order. `threads`: how
// many plans are made at once (0: one per core); `replan`: each a re-plan of that baseline.
std::vector<SweepResult> planSweep(const models::Inventory& inventory,
                                   std::span<const models::PlanSettings> settings,
                                   unsigned threads = 0, const ReplanInput* replan = nullptr);

}  // namespace cloudplan::engine
