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
};

struct Schedule {
  std::vector<uint32_t> waveOf;  // per unit
  uint32_t waves = 0;
  std::vector<bool> oversizeWave;  // by wave number - 1
  // Why the plan is longer than the lower bound, when it is.
  std::string longerThanBoundBecause;
};

std::vector<UnitLoad> measureUnits(const models::Inventory& inventory, const MoveUnits& units,
                                   const models::PlanSettings& settings, WaveCalendar& calendar);

// Returns nullopt, with errors, when no plan can satisfy the inputs.
std::optional<Schedule> scheduleWaves(const models::Inventory& inventory,
                                      const ConstraintGraph& graph, const MoveUnits& units,
                                      const std::vector<UnitLoad>& loads,
                                      const models::PlanSettings& settings, uint32_t lowerBound,
                                      models::Diagnostics& diagnostics);

}  // namespace cloudplan::engine
