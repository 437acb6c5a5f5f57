// Assigns every unit of scheduling (a move group or a single system) to a wave: the fewest waves
// the limits, pins, dates and ordering arcs allow, and among those a placement that keeps the
// two ends of dependencies close in time, so that few links run hybrid (cloud to premises).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/agency_limits.h"
#include "engine/constraint_graph.h"
#include "engine/move_groups.h"
#include "engine/replan.h"
#include "engine/system_links.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"
#include "models/wave_calendar.h"

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
  // The last wave whose end is on or before the earliest finish_by of its systems; 0: none has
  // one. `finishByTooEarly`: wave 1 already ends after it.
  uint32_t deadlineWave = 0;
  bool finishByTooEarly = false;
};

// What held a unit back, as the scheduler saw it while placing it: the explanations say it in
// words instead of guessing afterwards.
struct UnitWait {
  uint32_t readyWave = 0;  // the wave it was first offered in (predecessors placed, dates reached)
  // Its agency was held back to this wave so that it moves in one piece after its dated
  // systems (0: not held).
  uint32_t agencyHoldWave = 0;
  models::AgencyIndex turnAgency = models::kNone;  // whose turn in the agencies' order it took
  uint32_t fullFrom = 0, fullTo = 0;  // waves whose --wave-capacity/--wave-effort turned it away
  // Waves in which the limit of an agency (`limited`, an AgencyLimits index) turned it away.
  uint32_t limitedFrom = 0, limitedTo = 0, limited = models::kNone;
  uint32_t refusedWaves = 0;  // how many waves turned it away, by either kind of limit
  // The latest wave a finish_by allows it, its own or that of a consumer waiting for it, and
  // the system whose finish_by that is (kNone: none).
  uint32_t dueWave = 0;
  models::SystemIndex dueSystem = models::kNone;
  // The wave the list scheduler gave it, when the search for fewer hybrid links
  // (reduce_hybrid_links) moved it from there (0: not moved). What held it back in the list
  // scheduler then no longer says why it is in its wave.
  uint32_t movedFrom = 0;
};

struct Schedule {
  std::vector<uint32_t> waveOf;  // per unit
  uint32_t waves = 0;
  std::vector<bool> oversizeWave;  // by wave number - 1
  std::vector<UnitWait> waits;     // per unit
  // Why the plan is longer than the lower bound, when it is.
  std::string longerThanBoundBecause;
  // A re-plan's: whether its units were offered in their baseline waves. When no plan that does
  // fits in as few waves, every unit was placed anew.
  bool heldBaselineWaves = false;
};

// `replan` (may be null) gives the fixed, open and preferred waves of a re-plan.
std::vector<UnitLoad> measureUnits(const models::Inventory& inventory, const MoveUnits& units,
                                   const models::PlanSettings& settings,
                                   models::WaveCalendar& calendar,
                                   const ReplanState* replan = nullptr);

// Returns nullopt, with errors, when no plan can satisfy the inputs. `links`: the inventory's.
std::optional<Schedule> scheduleWaves(const models::Inventory& inventory,
                                      const ConstraintGraph& graph, const MoveUnits& units,
                                      const std::vector<UnitLoad>& loads,
                                      const AgencyLimits& agencyLimits, const SystemLinks& links,
                                      const models::PlanSettings& settings, uint32_t lowerBound,
                                      models::Diagnostics& diagnostics,
                                      const ReplanState* replan = nullptr);

}  // namespace cloudplan::engine
