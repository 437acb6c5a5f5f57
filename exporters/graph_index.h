// What the diagrams look up about a plan again and again: each system's links, and the agency
// tree (depth, ancestors, offices). Built once for all the diagrams of a plan.
#pragma once

#include <cstdint>
#include <vector>

#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::exporters {

class GraphIndex {
 public:
  GraphIndex(const models::Inventory& inventory, const models::Plan& plan);

  const models::Inventory& inventory;
  const models::Plan& plan;

  // Indices into Inventory::dependencies of the links a system is an end of, in input order.
  const std::vector<uint32_t>& linksOf(models::SystemIndex system) const { return links_[system]; }
  // The other end of a link.
  models::SystemIndex otherEnd(uint32_t dependency, models::SystemIndex system) const;

  // 0 for a ministry (no parent), 1 for its departments, ...
  uint32_t depth(models::AgencyIndex agency) const { return depth_[agency]; }
  uint32_t deepest() const { return deepest_; }
  // The agency's ancestor at `depth`, or the agency itself when it is not deeper; kNone stays.
  models::AgencyIndex ancestorAt(models::AgencyIndex agency, uint32_t depth) const;
  models::AgencyIndex parentOf(models::AgencyIndex agency) const;
  // `agency` is `root` or one of its offices, at any depth.
  bool within(models::AgencyIndex agency, models::AgencyIndex root) const;

  // The wave a system moves in; 0 when it is retained.
  uint32_t waveOf(models::SystemIndex system) const { return plan.systems[system].wave; }

 private:
  std::vector<std::vector<uint32_t>> links_;
  std::vector<uint32_t> depth_;
  std::vector<models::AgencyIndex> parent_;  // kNone for a ministry (and for a broken cycle)
  uint32_t deepest_ = 0;
};

}  // namespace cloudplan::exporters
