#include "models/agency_tree.h"

#include <algorithm>
#include <utility>

namespace cloudplan::models {

AgencyTree::AgencyTree(const Inventory& inventory) {
  const auto agencies = static_cast<AgencyIndex>(inventory.agencies.size());
  parent_.assign(agencies, kNone);
  depth_.assign(agencies, 0);
  // Depths without recursion, each agency's parents walked once: a chain of 10^5 offices is as
  // quick as 10^5 ministries.
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
  std::vector<std::vector<AgencyIndex>> offices(agencies);
  std::vector<AgencyIndex> ministries;
  for (AgencyIndex a = 0; a < agencies; ++a) {
    if (parent_[a] == kNone) {
      ministries.push_back(a);
    } else {
      offices[parent_[a]].push_back(a);
    }
  }
  enter_.assign(agencies, 0);
  leave_.assign(agencies, 0);
  ministry_.assign(agencies, kNone);
  order_.reserve(agencies);
  std::vector<std::pair<AgencyIndex, size_t>> stack;  // agency, next office to visit
  for (const AgencyIndex ministry : ministries) {
    stack.emplace_back(ministry, 0);
    enter_[ministry] = static_cast<uint32_t>(order_.size());
    order_.push_back(ministry);
    ministry_[ministry] = ministry;
    while (!stack.empty()) {
      auto& [agency, next] = stack.back();
      if (next == offices[agency].size()) {
        leave_[agency] = static_cast<uint32_t>(order_.size());
        stack.pop_back();
        continue;
      }
      const AgencyIndex office = offices[agency][next++];
      enter_[office] = static_cast<uint32_t>(order_.size());
      order_.push_back(office);
      ministry_[office] = ministry;
      stack.emplace_back(office, 0);
    }
  }
}

AgencyIndex AgencyTree::parentOf(AgencyIndex agency) const {
  return agency == kNone ? kNone : parent_[agency];
}

AgencyIndex AgencyTree::ministryOf(AgencyIndex agency) const {
  return agency == kNone ? kNone : ministry_[agency];
}

bool AgencyTree::within(AgencyIndex agency, AgencyIndex root) const {
  if (agency >= enter_.size() || root >= enter_.size()) return false;  // kNone too
  return enter_[root] <= enter_[agency] && enter_[agency] < leave_[root];
}

std::span<const AgencyIndex> AgencyTree::officesOf(AgencyIndex agency) const {
  return std::span<const AgencyIndex>(order_).subspan(enter_[agency] + 1,
                                                      leave_[agency] - enter_[agency] - 1);
}

}  // namespace cloudplan::models
