// The risk register of a plan (models/risk.h): every hybrid link with the waves it lasts between,
// every retained system that loses its provider, every large move group and every wave near a
// limit, each weighed so that a reviewer reads the worst first.
//
// Exposure, what the register is sorted by (highest first, then by kind, then in the order of
// the inventory: dependencies, move groups, waves, agencies). H is the plan's span in calendar
// days, from the first wave's first day to the last wave's last day, both counted.
// - hybridLink: days × criticalityWeight of the more critical end × couplingWeight. A link that
//   ends (its other end moves or is retired in wave t) counts its `days`: from the end of the wave
//   its first end moves in to the end of wave t. A link hybrid for good (its other end is
//   retained) counts H more than its `days` (which run to the plan's last day): it never ends, so
//   it weighs as much again as a link lasting the whole plan, and above every link that ends;
//   counted only to the plan's last day, one that turns hybrid for good in the last wave would
//   weigh nothing.
// - lostProvider: 2H × criticalityWeight of the more critical end × kLostProviderWeight, as a
//   link hybrid for good from the plan's first day with a coupling heavier than tight: above every
//   hybrid link of the same criticality, since a lost provider breaks its consumer where a hybrid
//   link only slows it.
// - largeMoveGroup: systems × the days of its wave × criticalityWeight of its most critical
//   system: a big-bang cut-over puts every system of the group at risk for the wave it moves in.
// - waveNearLimit: the days of the wave × the share of the limit it uses × criticalityWeight of
//   the most critical system the limit counts: a full wave has no slack for a system that slips.
// Exposures are rounded to hundredths, so that equal risks tie exactly.
//
// Linear in systems and dependencies (flat arrays by index, no maps); an agency limit costs each
// system of a wave the limited agencies above it, as it does the scheduler (engine/agency_limits).
#pragma once

#include <cstdint>

#include "models/inventory.h"
#include "models/plan.h"
#include "models/risk.h"

namespace cloudplan::engine {

// How much a hybrid link's coupling weighs in its exposure: a tight link (synchronous calls, a
// shared database) suffers every millisecond and every outage of the path between premises and
// cloud; a loose one (a nightly batch) hardly notices it.
inline constexpr uint32_t couplingWeight(models::Coupling coupling) {
  return coupling == models::Coupling::tight ? 3 : coupling == models::Coupling::normal ? 2 : 1;
}
// A lost provider weighs as a link with a coupling one above tight.
inline constexpr uint32_t kLostProviderWeight = couplingWeight(models::Coupling::tight) + 1;

// The register of `plan`, made from `inventory`; `plan.systems` is by SystemIndex of
// `inventory`, as planMigration and the plan reader give it.
models::RiskRegister assessRisks(const models::Inventory& inventory, const models::Plan& plan);

}  // namespace cloudplan::engine
