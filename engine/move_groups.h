// Condenses the constraint graph: scheduled systems joined by tight links or by ordering cycles
// must share a wave, so each strongly connected component (tight links counted both ways)
// becomes one unit of scheduling. Units of two or more systems are the plan's move groups.
#pragma once

#include <span>
#include <vector>

#include "engine/constraint_graph.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::engine {

struct UnitArc {
  uint32_t unit;  // the unit at the other end
  uint32_t arc;   // index into ConstraintGraph::arcs
};

struct MoveUnits {
  std::vector<uint32_t> unitOf;  // per system; kNone for retained systems
  std::vector<uint32_t> memberStart;
  std::vector<models::SystemIndex> members;  // each unit's systems, in input order
  std::vector<uint32_t> groupOf;             // per unit: index into groups, or kNone
  std::vector<models::MoveGroup> groups;
  // The ordering arcs between units, both ways: wave(unit) <= wave(successor).
  std::vector<uint32_t> successorStart, predecessorStart;
  std::vector<UnitArc> successors, predecessors;

  size_t size() const { return memberStart.size() - 1; }
  std::span<const models::SystemIndex> membersOf(uint32_t unit) const {
    return {members.data() + memberStart[unit], memberStart[unit + 1] - memberStart[unit]};
  }
  std::span<const UnitArc> successorsOf(uint32_t unit) const {
    return {successors.data() + successorStart[unit],
            successorStart[unit + 1] - successorStart[unit]};
  }
  std::span<const UnitArc> predecessorsOf(uint32_t unit) const {
    return {predecessors.data() + predecessorStart[unit],
            predecessorStart[unit + 1] - predecessorStart[unit]};
  }
};

MoveUnits condenseMoveGroups(const models::Inventory& inventory, const ConstraintGraph& graph);

// Names the groups of `units`, each part of a group of `groups` (made from more links), after
// that group: the reasons then speak of the move groups the plan lists.
void nameAfter(const MoveUnits& groups, MoveUnits& units);

}  // namespace cloudplan::engine
