#include "exporters/graph_index.h"

namespace cloudplan::exporters {

using models::AgencyIndex;
using models::kNone;

GraphIndex::GraphIndex(const models::Inventory& inventory_, const models::Plan& plan_)
    : inventory(inventory_), plan(plan_), links_(inventory_.systems.size()) {
  for (uint32_t d = 0; d < inventory.dependencies.size(); ++d) {
    const auto& dependency = inventory.dependencies[d];
    links_[dependency.consumer].push_back(d);
    if (dependency.provider != dependency.consumer) links_[dependency.provider].push_back(d);
  }
  const size_t agencies = inventory.agencies.size();
  parent_.resize(agencies, kNone);
  depth_.resize(agencies, 0);
  for (AgencyIndex a = 0; a < agencies; ++a) {
    // A read-back plan is not checked for cycles of parents: one is cut where it closes.
    uint32_t depth = 0;
    for (AgencyIndex up = inventory.agencies[a].parent; up != kNone && up < agencies;
         up = inventory.agencies[up].parent) {
      if (++depth > agencies) {
        depth = 0;
        break;
      }
    }
    if (depth > 0) parent_[a] = inventory.agencies[a].parent;
    depth_[a] = depth;
    deepest_ = std::max(deepest_, depth);
  }
}

models::SystemIndex GraphIndex::otherEnd(uint32_t dependency, models::SystemIndex system) const {
  const auto& d = inventory.dependencies[dependency];
  return d.consumer == system ? d.provider : d.consumer;
}

AgencyIndex GraphIndex::parentOf(AgencyIndex agency) const {
  return agency == kNone ? kNone : parent_[agency];
}

AgencyIndex GraphIndex::ancestorAt(AgencyIndex agency, uint32_t depth) const {
  if (agency == kNone) return kNone;
  while (depth_[agency] > depth)
    agency = parent_[agency];
  return agency;
}

bool GraphIndex::within(AgencyIndex agency, AgencyIndex root) const {
  if (agency == kNone || root == kNone) return false;
  return ancestorAt(agency, depth_[root]) == root;
}

}  // namespace cloudplan::exporters
