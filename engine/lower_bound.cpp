#include "engine/lower_bound.h"

#include <algorithm>
#include <cmath>

namespace cloudplan::engine {

models::LowerBound computeLowerBound(const std::vector<UnitLoad>& loads,
                                     const models::PlanSettings& settings,
                                     const AgencyBound& agency) {
  models::LowerBound bound;
  uint32_t oversize = 0, rest = 0;
  double restEffort = 0;
  for (const UnitLoad& load : loads) {
    if (load.oversize) {
      ++oversize;
    } else {
      rest += load.systems;
      restEffort += load.effortDays;
    }
    bound.pin = std::max(bound.pin, load.pin);
    bound.date = std::max(bound.date, load.dateWave);
  }
  if (settings.waveCapacity) {
    bound.capacity = oversize + (rest + *settings.waveCapacity - 1) / *settings.waveCapacity;
  }
  if (settings.waveEffort) {
    bound.effort =
        oversize + static_cast<uint32_t>(std::ceil(restEffort / *settings.waveEffort - 1e-9));
  }
  bound.agency = agency.waves;
  bound.waves = std::max({loads.empty() ? 0u : 1u, bound.capacity, bound.effort, bound.agency,
                          bound.pin, loads.empty() ? 0u : bound.date});
  return bound;
}

}  // namespace cloudplan::engine
