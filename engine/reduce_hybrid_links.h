// A local search after the list scheduler, at a fixed number of waves: it moves units to the next
// or the previous wave, alone or in exchange for a unit that comes the other way, whenever that
// lowers the hybrid links while every rule and limit still holds.
#pragma once

#include <vector>

#include "engine/agency_limits.h"
#include "engine/constraint_graph.h"
#include "engine/move_groups.h"
#include "engine/schedule_waves.h"
#include "engine/system_links.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::engine {

// Moves units of `schedule` (waveOf, and waits[u].movedFrom of each unit it moves) so that the
// peak of the hybrid links, then their sum over the waves, only ever falls. Pinned and oversize
// units and oversize waves stay as they are. Not for a re-plan: its fixed systems, started waves
// and arcs of history are rules this search does not know.
void reduceHybridLinks(const models::Inventory& inventory, const ConstraintGraph& graph,
                       const MoveUnits& units, const std::vector<UnitLoad>& loads,
                       const AgencyLimits& agencyLimits, const SystemLinks& links,
                       const models::PlanSettings& settings, Schedule& schedule);

}  // namespace cloudplan::engine
