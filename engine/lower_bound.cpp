#include "engine/lower_bound.h"

#include <algorithm>
#include <cmath>

namespace cloudplan::engine {

models::LowerBound computeLowerBound(const std::vector<UnitLoad>& loads,
                                     const models::PlanSettings& settings,
                                     const AgencyBound& agency, uint32_t startedWaves) {
  models::LowerBound bound;
  const auto& capacity = settings.waveCapacity;
  const auto& effortLimit = settings.waveEffort;
  // Only what is still to move counts towards the limits (all of it, outside a re-plan); a unit
  // over a limit alone gets a wave of its own, so it counts as one wave.
  uint32_t oversize = 0, rest = 0;
  double restEffort = 0;
  bool free = false;
  for (const UnitLoad& load : loads) {
    bound.pin = std::max(bound.pin, load.pin);
    bound.started = std::max(bound.started, load.fixedWave);
    const uint32_t systems = load.systems - load.fixedSystems;
    const double effort = load.effortDays - load.fixedEffortDays;
    if (systems == 0) continue;
    free = true;
    bound.date = std::max(bound.date, load.dateWave);
    if ((capacity && systems > *capacity) || (effortLimit && effort > *effortLimit + 1e-9)) {
      ++oversize;
    } else {
      rest += systems;
      restEffort += effort;
    }
  }
  if (free && capacity) {
    bound.capacity = startedWaves + oversize + (rest + *capacity - 1) / *capacity;
  }
  if (free && effortLimit) {
    bound.effort = startedWaves + oversize +
                   static_cast<uint32_t>(std::ceil(restEffort / *effortLimit - 1e-9));
  }
  bound.agency = agency.waves;
  const uint32_t any = free ? startedWaves + 1 : loads.empty() ? 0 : 1;
  bound.waves = std::max(
      {any, bound.capacity, bound.effort, bound.agency, bound.pin, bound.date, bound.started});
  return bound;
}

}  // namespace cloudplan::engine
