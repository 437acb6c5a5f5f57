// The fewest waves any plan could have, by the rules' own count: capacity, effort, the
// agencies' limits, pins and dates (and a re-plan's started waves). Reviewers compare the plan's
// waves with it to see how close to the best it is.
#pragma once

#include <vector>

#include "engine/agency_limits.h"
#include "engine/schedule_waves.h"
#include "models/plan.h"

namespace cloudplan::engine {

// `agency` is the term of the limits per agency (computeAgencyBound); `startedWaves`, a
// re-plan's waves that have started: the limits count from the first after.
models::LowerBound computeLowerBound(const std::vector<UnitLoad>& loads,
                                     const models::PlanSettings& settings,
                                     const AgencyBound& agency = {}, uint32_t startedWaves = 0);

}  // namespace cloudplan::engine
