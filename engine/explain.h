// Why each scheduled system is in its wave, in words a reviewer reads: its move group, its pin,
// its dates, the provider it waits for, the retirement it holds back, its agency's turn, the
// agency limit or the full wave that held it.
#pragma once

#include <vector>

#include "engine/agency_limits.h"
#include "engine/constraint_graph.h"
#include "engine/move_groups.h"
#include "engine/schedule_waves.h"
#include "models/plan.h"
#include "models/wave_calendar.h"

namespace cloudplan::engine {

// Fills plan.systems[*].reasons; plan.waves must already hold their systems and effort.
void explainWaves(const models::Inventory& inventory, const ConstraintGraph& graph,
                  const MoveUnits& units, const std::vector<UnitLoad>& loads,
                  const AgencyLimits& agencyLimits, const Schedule& schedule,
                  models::WaveCalendar& calendar, models::Plan& plan);

// "A -> B -> C -> A" for a cycle group, "A, B (tight)" for a bundle: the links that bind it.
std::string describeMoveGroup(const models::Inventory& inventory, const models::MoveGroup& group);

}  // namespace cloudplan::engine
