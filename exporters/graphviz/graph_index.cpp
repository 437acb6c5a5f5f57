#include "exporters/graphviz/graph_index.h"

namespace cloudplan::exporters {

using models::AgencyIndex;
using models::kNone;

GraphIndex::GraphIndex(const models::Inventory& inventory_, const models::Plan& plan_)
    : inventory(inventory_), plan(plan_), links_(inventory_.systems.size()), tree_(inventory_) {
  for (uint32_t d = 0; d < inventory.dependencies.size(); ++d) {
    const auto& dependency = inventory.dependencies[d];
    links_[dependency.consumer].push_back(d);
    if (dependency.provider != dependency.consumer) links_[dependency.provider].push_back(d);
  }
  // The drawn box of each agency, parents before their offices.
  drawn_.assign(inventory.agencies.size(), kNone);
  for (const AgencyIndex agency : tree_.order()) {
    const AgencyIndex parent = tree_.parentOf(agency);
    drawn_[agency] =
        parent == kNone || tree_.depth(agency) < kDrawnAgencyLevels ? agency : drawn_[parent];
  }
}

models::SystemIndex GraphIndex::otherEnd(uint32_t dependency, models::SystemIndex system) const {
  const auto& d = inventory.dependencies[dependency];
  return d.consumer == system ? d.provider : d.consumer;
}

AgencyIndex GraphIndex::drawnAgency(AgencyIndex agency) const {
  return agency == kNone ? kNone : drawn_[agency];
}

AgencyIndex GraphIndex::ancestorAt(AgencyIndex agency, uint32_t depth) const {
  if (agency == kNone) return kNone;
  if (depth < kDrawnAgencyLevels) agency = drawn_[agency];
  while (tree_.depth(agency) > depth)
    agency = tree_.parentOf(agency);
  return agency;
}

}  // namespace cloudplan::exporters
