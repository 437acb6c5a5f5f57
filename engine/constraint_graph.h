// The planning rules as arcs between scheduled systems: which pairs must share a wave (tight)
// and which must be ordered, `before` in a wave no later than `after`. Retained systems take no
// part; a retained consumer of a retiring provider is only noted.
#pragma once

#include <vector>

#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::engine {

enum class ArcRule : uint8_t {
  providerFirst,   // migrating provider no later than its migrating consumer
  consumerFirst,   // consumers-first order
  retireAfterUse,  // a retiring provider is switched off no earlier than its consumer moves
};

struct ConstraintArc {
  models::SystemIndex before;
  models::SystemIndex after;
  uint32_t dependency;  // index into Inventory::dependencies
  ArcRule rule;
};

struct ConstraintGraph {
  std::vector<uint32_t> tight;  // dependencies whose two ends must share a wave
  std::vector<ConstraintArc> arcs;
  std::vector<uint32_t> retainedConsumersOfRetiring;  // dependencies: allowed, but warned of
};

ConstraintGraph buildConstraintGraph(const models::Inventory& inventory, models::Order order);

}  // namespace cloudplan::engine
