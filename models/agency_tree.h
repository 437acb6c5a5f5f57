// The agency tree of an inventory, walked once: each agency's parent, depth and ministry, and its
// place in a depth-first walk, so that "is this agency below that one" is a constant-time question
// and an agency's offices are a range of that walk. Built in time linear in the agencies however
// deep they nest. The one place the reports and the diagrams look the tree up.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/inventory.h"

namespace cloudplan::models {

class AgencyTree {
 public:
  // A read-back plan is not checked for cycles of parents: an agency whose parents come back
  // round (or lead into such a circle) is taken as a ministry.
  explicit AgencyTree(const Inventory& inventory);

  // kNone for a ministry, and for kNone.
  AgencyIndex parentOf(AgencyIndex agency) const;
  // 0 for a ministry (no parent), 1 for its departments, ...
  uint32_t depth(AgencyIndex agency) const { return depth_[agency]; }
  uint32_t deepest() const { return deepest_; }
  // The agency at the top of its chain of parents; kNone for kNone.
  AgencyIndex ministryOf(AgencyIndex agency) const;
  // `agency` is `root` or one of its offices, at any depth; false when either is kNone
  // (or not an agency of the inventory).
  bool within(AgencyIndex agency, AgencyIndex root) const;
  // Every agency, depth first: each ministry (in the inventory's order) followed by its offices,
  // each office followed by its own, offices in the inventory's order. Parents come before their
  // offices: read backwards, offices before their parents.
  const std::vector<AgencyIndex>& order() const { return order_; }
  // The offices of `agency` at any depth, in order().
  std::span<const AgencyIndex> officesOf(AgencyIndex agency) const;

 private:
  std::vector<AgencyIndex> parent_, ministry_, order_;
  std::vector<uint32_t> depth_;
  // Each agency's place in order(), and the end of its offices' places.
  std::vector<uint32_t> enter_, leave_;
  uint32_t deepest_ = 0;
};

}  // namespace cloudplan::models
