// What the diagrams look up about a plan again and again: each system's links, and the agency
// tree (depth, ancestors, offices). Built once for all the diagrams of a plan, in time linear in
// the inventory however deep the agencies nest.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "models/agency_tree.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::exporters {

// How many levels of agencies a diagram draws as nested boxes (ministry, department, office,
// ...): an agency deeper than that is drawn in the box of its ancestor at the deepest drawn
// level, and the diagram says so. Graphviz lays out nested clusters recursively, and a box
// inside a hundred others is unreadable anyway.
inline constexpr uint32_t kDrawnAgencyLevels = 8;

class GraphIndex {
 public:
  GraphIndex(const models::Inventory& inventory, const models::Plan& plan);

  const models::Inventory& inventory;
  const models::Plan& plan;

  // Indices into Inventory::dependencies of the links a system is an end of, in input order.
  const std::vector<uint32_t>& linksOf(models::SystemIndex system) const { return links_[system]; }
  // The other end of a link.
  models::SystemIndex otherEnd(uint32_t dependency, models::SystemIndex system) const;

  // The agency tree (models/agency_tree.h), which the pages and the risk tables use too.
  const models::AgencyTree& tree() const { return tree_; }
  // 0 for a ministry (no parent), 1 for its departments, ...
  uint32_t depth(models::AgencyIndex agency) const { return tree_.depth(agency); }
  uint32_t deepest() const { return tree_.deepest(); }
  // The deepest level drawn as a box: deepest(), at most kDrawnAgencyLevels - 1.
  uint32_t deepestDrawn() const { return std::min(deepest(), kDrawnAgencyLevels - 1); }
  // The agency whose box a system of `agency` is drawn in: itself, or its ancestor at the
  // deepest drawn level when it is deeper; kNone stays.
  models::AgencyIndex drawnAgency(models::AgencyIndex agency) const;
  // The agency's ancestor at `depth`, or the agency itself when it is not deeper; kNone stays.
  // Takes at most kDrawnAgencyLevels steps when `depth` is a drawn level.
  models::AgencyIndex ancestorAt(models::AgencyIndex agency, uint32_t depth) const;
  models::AgencyIndex parentOf(models::AgencyIndex agency) const { return tree_.parentOf(agency); }
  // `agency` is `root` or one of its offices, at any depth.
  bool within(models::AgencyIndex agency, models::AgencyIndex root) const {
    return tree_.within(agency, root);
  }

  // The wave a system moves in; 0 when it is retained.
  uint32_t waveOf(models::SystemIndex system) const { return plan.systems[system].wave; }

 private:
  std::vector<std::vector<uint32_t>> links_;
  models::AgencyTree tree_;
  std::vector<models::AgencyIndex> drawn_;  // see drawnAgency
};

}  // namespace cloudplan::exporters
