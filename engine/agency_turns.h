// The order in which agencies take their turn to move. Most links run inside an agency, so an
// agency that moves in one go opens few hybrid links; the order also puts agencies whose
// systems depend on shared services first and those tied to retained systems last.
#pragma once

#include <span>
#include <vector>

#include "engine/move_groups.h"
#include "engine/schedule_waves.h"
#include "engine/system_links.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::engine {

struct AgencyTurns {
  std::vector<uint32_t> turn;               // per unit: lower moves first
  std::vector<uint32_t> agencyWave;         // per unit: the latest not_before wave in its agency
  std::vector<models::AgencyIndex> byTurn;  // the agency whose turn each turn number is
};

// `topological` lists the units, providers before consumers; `waves` is the planned number of
// waves (it spaces out the agencies held back by dates).
AgencyTurns computeAgencyTurns(const models::Inventory& inventory, const MoveUnits& units,
                               const std::vector<UnitLoad>& loads, const SystemLinks& links,
                               std::span<const uint32_t> topological,
                               const models::PlanSettings& settings, uint32_t waves);

}  // namespace cloudplan::engine
