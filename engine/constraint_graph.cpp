#include "engine/constraint_graph.h"

namespace cloudplan::engine {

using models::Action;
using models::Coupling;

ConstraintGraph buildConstraintGraph(const models::Inventory& inventory, models::Order order) {
  ConstraintGraph graph;
  graph.arcs.reserve(inventory.dependencies.size());
  for (uint32_t d = 0; d < inventory.dependencies.size(); ++d) {
    const models::Dependency& dependency = inventory.dependencies[d];
    if (dependency.coupling == Coupling::loose) continue;
    const models::System& consumer = inventory.systems[dependency.consumer];
    const models::System& provider = inventory.systems[dependency.provider];
    if (dependency.coupling == Coupling::tight) {
      if (consumer.scheduled() && provider.scheduled()) graph.tight.push_back(d);
      continue;
    }
    if (provider.action() == Action::retire) {
      if (consumer.scheduled()) {
        graph.arcs.push_back(
            {dependency.consumer, dependency.provider, d, ArcRule::retireAfterUse});
      } else {
        graph.retainedConsumersOfRetiring.push_back(d);
      }
      continue;
    }
    if (provider.action() != Action::migrate || consumer.action() != Action::migrate) continue;
    if (order == models::Order::providersFirst) {
      graph.arcs.push_back({dependency.provider, dependency.consumer, d, ArcRule::providerFirst});
    } else if (order == models::Order::consumersFirst) {
      graph.arcs.push_back({dependency.consumer, dependency.provider, d, ArcRule::consumerFirst});
    }
  }
  return graph;
}

}  // namespace cloudplan::engine
