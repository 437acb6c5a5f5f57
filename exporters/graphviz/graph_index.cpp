#include "exporters/graphviz/graph_index.h"

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
  const auto agencies = static_cast<AgencyIndex>(inventory.agencies.size());
  parent_.assign(agencies, kNone);
  depth_.assign(agencies, 0);
  drawn_.assign(agencies, kNone);
  // Depths without recursion, each agency's parents walked once: a chain of 10^5 offices is as
  // quick as 10^5 ministries. A read-back plan is not checked for cycles of parents: an agency
  // whose parents come back round (or lead into such a circle) is taken as a ministry.
  enum : uint8_t { unseen, walking, placed, cut };
  std::vector<uint8_t> state(agencies, unseen);
  std::vector<AgencyIndex> path;
  for (AgencyIndex a = 0; a < agencies; ++a) {
    path.clear();
    AgencyIndex up = a;
    while (up != kNone && up < agencies && state[up] == unseen) {
      state[up] = walking;
      path.push_back(up);
      up = inventory.agencies[up].parent;
    }
    // The path hangs below `up`, the first agency met that was already placed; or from the top
    // when there is none; or nowhere when it closed a circle or met one.
    const bool top = up == kNone || up >= agencies;
    const bool circle = !top && (state[up] == walking || state[up] == cut);
    for (size_t i = path.size(); i-- > 0;) {
      const AgencyIndex agency = path[i];
      state[agency] = circle ? cut : placed;
      if (circle) continue;
      const AgencyIndex parent = i + 1 < path.size() ? path[i + 1] : (top ? kNone : up);
      if (parent == kNone) continue;
      parent_[agency] = parent;
      depth_[agency] = depth_[parent] + 1;
      deepest_ = std::max(deepest_, depth_[agency]);
    }
  }
  // The drawn box and the depth-first places, parents before their offices.
  std::vector<std::vector<AgencyIndex>> offices(agencies);
  std::vector<AgencyIndex> order;
  for (AgencyIndex a = 0; a < agencies; ++a) {
    if (parent_[a] == kNone) {
      order.push_back(a);
    } else {
      offices[parent_[a]].push_back(a);
    }
  }
  enter_.assign(agencies, 0);
  leave_.assign(agencies, 0);
  std::vector<std::pair<AgencyIndex, size_t>> stack;  // agency, next office to visit
  uint32_t clock = 0;
  for (const AgencyIndex ministry : order) {
    stack.emplace_back(ministry, 0);
    enter_[ministry] = clock++;
    drawn_[ministry] = ministry;
    while (!stack.empty()) {
      auto& [agency, next] = stack.back();
      if (next == offices[agency].size()) {
        leave_[agency] = clock;
        stack.pop_back();
        continue;
      }
      const AgencyIndex office = offices[agency][next++];
      enter_[office] = clock++;
      drawn_[office] = depth_[office] < kDrawnAgencyLevels ? office : drawn_[agency];
      stack.emplace_back(office, 0);
    }
  }
}

models::SystemIndex GraphIndex::otherEnd(uint32_t dependency, models::SystemIndex system) const {
  const auto& d = inventory.dependencies[dependency];
  return d.consumer == system ? d.provider : d.consumer;
}

AgencyIndex GraphIndex::parentOf(AgencyIndex agency) const {
  return agency == kNone ? kNone : parent_[agency];
}

AgencyIndex GraphIndex::drawnAgency(AgencyIndex agency) const {
  return agency == kNone ? kNone : drawn_[agency];
}

AgencyIndex GraphIndex::ancestorAt(AgencyIndex agency, uint32_t depth) const {
  if (agency == kNone) return kNone;
  if (depth < kDrawnAgencyLevels) agency = drawn_[agency];
  while (depth_[agency] > depth)
    agency = parent_[agency];
  return agency;
}

bool GraphIndex::within(AgencyIndex agency, AgencyIndex root) const {
  if (agency == kNone || root == kNone) return false;
  return enter_[root] <= enter_[agency] && enter_[agency] < leave_[root];
}

}  // namespace cloudplan::exporters
