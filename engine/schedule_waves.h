// Assigns every unit of scheduling (a move group or a single system) to a wave: the fewest waves
// the limits, pins, dates and ordering arcs allow, and among those a placement that keeps the
// two ends of dependencies close in time, so that few links run hybrid (cloud to premises).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/constraint_graph.h"
#include "engine/move_groups.h"
#include "engine/replan.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::engine {

struct UnitLoad {
  uint32_t systems = 0;
  double effortDays = 0;
  uint32_t pin = 0;       // 0: none
  uint32_t dateWave = 1;  // first wave its not_before dates allow
  bool oversize = false;  // alone over a limit
  // A re-plan's: the baseline wave its fixed systems keep (0: none; it acts as a pin), the first
  // wave that has not started (for units without fixed systems), the baseline wave it would
  // rather keep (0: none), and its fixed systems, which the lower bound leaves out.
  uint32_t fixedWave = 0;
  uint32_t firstOpenWave = 1;
  uint32_t preferredWave = 0;
  uint32_t fixedSystems = 0;
  double fixedEffortDays = 0;
};

struct Schedule {
  std::vector<uint32_t> waveOf;  // per unit
  uint32_t waves = 0;
  std::vector<bool> oversizeWave;  // by wave number - 1
  // Why the plan is longer than the lower bound, when it is.
  std::string longerThanBoundBecause;
};

// `replan` (may be null) gives the fixed, open and preferred waves of a re-plan.
std::vector<UnitLoad> measureUnits(const models::Inventory& inventory, const MoveUnits& units,
                                   const models::PlanSettings& settings, WaveCalendar& calendar,
                                   const ReplanState* replan = nullptr);

// Returns nullopt, with errors, when no plan can satisfy the inputs.
std::optional<Schedule> scheduleWaves(const models::Inventory& inventory,
                                      const ConstraintGraph& graph, const MoveUnits& units,
                                      const std::vector<UnitLoad>& loads,
                                      const models::PlanSettings& settings, uint32_t lowerBound,
                                      models::Diagnostics& diagnostics,
                                      const ReplanState* replan = nullptr);

}  // namespace cloudplan::engine
