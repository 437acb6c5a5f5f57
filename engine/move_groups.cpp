#include "engine/move_groups.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>

namespace cloudplan::engine {

using models::kNone;
using models::SystemIndex;

namespace {

using Graph = boost::compressed_sparse_row_graph<boost::directedS>;

// Counting sort of (from, to) pairs into CSR offsets and targets.
void buildAdjacency(size_t nodes, const std::vector<std::pair<uint32_t, UnitArc>>& edges,
                    std::vector<uint32_t>& start, std::vector<UnitArc>& targets) {
  start.assign(nodes + 1, 0);
  for (const auto& [from, to] : edges)
    ++start[from + 1];
  for (size_t i = 0; i < nodes; ++i)
    start[i + 1] += start[i];
  targets.resize(edges.size());
  std::vector<uint32_t> next(start.begin(), start.end() - 1);
  for (const auto& [from, to] : edges)
    targets[next[from]++] = to;
}

}  // namespace

MoveUnits condenseMoveGroups(const models::Inventory& inventory, const ConstraintGraph& graph) {
  const size_t systems = inventory.systems.size();
  // Only scheduled systems take part: give them dense vertex numbers.
  std::vector<uint32_t> vertexOf(systems, kNone);
  std::vector<SystemIndex> systemOf;
  for (SystemIndex s = 0; s < systems; ++s) {
    if (inventory.systems[s].scheduled()) {
      vertexOf[s] = static_cast<uint32_t>(systemOf.size());
      systemOf.push_back(s);
    }
  }
  const size_t vertices = systemOf.size();
  std::vector<std::pair<uint32_t, uint32_t>> edges;
  edges.reserve(graph.arcs.size() + 2 * graph.tight.size());
  for (const ConstraintArc& arc : graph.arcs) {
    edges.emplace_back(vertexOf[arc.before], vertexOf[arc.after]);
  }
  for (uint32_t d : graph.tight) {
    const auto& dependency = inventory.dependencies[d];
    edges.emplace_back(vertexOf[dependency.consumer], vertexOf[dependency.provider]);
    edges.emplace_back(vertexOf[dependency.provider], vertexOf[dependency.consumer]);
  }
  const Graph g(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), vertices);
  std::vector<uint32_t> component(vertices);
  boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, g)));

  // Number units by their first system, so that the same inputs give the same plan.
  MoveUnits units;
  units.unitOf.assign(systems, kNone);
  std::vector<uint32_t> unitOfComponent(vertices, kNone);
  uint32_t unitCount = 0;
  for (uint32_t v = 0; v < vertices; ++v) {
    uint32_t& unit = unitOfComponent[component[v]];
    if (unit == kNone) unit = unitCount++;
    units.unitOf[systemOf[v]] = unit;
  }
  units.memberStart.assign(unitCount + 1, 0);
  for (SystemIndex s : systemOf)
    ++units.memberStart[units.unitOf[s] + 1];
  for (uint32_t u = 0; u < unitCount; ++u)
    units.memberStart[u + 1] += units.memberStart[u];
  units.members.resize(vertices);
  {
    std::vector<uint32_t> next(units.memberStart.begin(), units.memberStart.end() - 1);
    for (SystemIndex s : systemOf)
      units.members[next[units.unitOf[s]]++] = s;
  }

  // A group's cause: tight links inside it, ordering cycles between its tight parts, or both.
  std::vector<uint32_t> rank(systems, 0), parent(systems);
  for (SystemIndex s = 0; s < systems; ++s)
    parent[s] = s;
  boost::disjoint_sets tightParts(
      boost::make_iterator_property_map(rank.begin(), boost::identity_property_map()),
      boost::make_iterator_property_map(parent.begin(), boost::identity_property_map()));
  for (uint32_t d : graph.tight) {
    tightParts.union_set(inventory.dependencies[d].consumer, inventory.dependencies[d].provider);
  }
  units.groupOf.assign(unitCount, kNone);
  for (uint32_t u = 0; u < unitCount; ++u) {
    const auto members = units.membersOf(u);
    if (members.size() < 2) continue;
    std::vector<uint32_t> parts;
    for (SystemIndex s : members)
      parts.push_back(tightParts.find_set(s));
    std::sort(parts.begin(), parts.end());
    const size_t distinctParts = std::unique(parts.begin(), parts.end()) - parts.begin();
    const bool tightPart = distinctParts < members.size();
    const bool cyclePart = distinctParts > 1;
    models::MoveGroup group;
    group.id = "G" + std::to_string(units.groups.size() + 1);
    group.systems.assign(members.begin(), members.end());
    group.cause = tightPart && cyclePart ? models::MoveGroupCause::both
                  : tightPart            ? models::MoveGroupCause::tight
                                         : models::MoveGroupCause::cycle;
    units.groupOf[u] = static_cast<uint32_t>(units.groups.size());
    units.groups.push_back(std::move(group));
  }
  for (uint32_t d : graph.tight) {
    const uint32_t u = units.unitOf[inventory.dependencies[d].consumer];
    units.groups[units.groupOf[u]].links.push_back(d);
  }

  // The arcs between units, and the arcs inside groups (they bind the group's cycles).
  std::vector<std::pair<uint32_t, UnitArc>> forward, backward;
  forward.reserve(graph.arcs.size());
  backward.reserve(graph.arcs.size());
  for (uint32_t a = 0; a < graph.arcs.size(); ++a) {
    const uint32_t from = units.unitOf[graph.arcs[a].before];
    const uint32_t to = units.unitOf[graph.arcs[a].after];
    if (from == to) {
      units.groups[units.groupOf[from]].links.push_back(graph.arcs[a].dependency);
      continue;
    }
    forward.push_back({from, UnitArc{to, a}});
    backward.push_back({to, UnitArc{from, a}});
  }
  for (auto& group : units.groups)
    std::sort(group.links.begin(), group.links.end());
  buildAdjacency(unitCount, forward, units.successorStart, units.successors);
  buildAdjacency(unitCount, backward, units.predecessorStart, units.predecessors);
  return units;
}

void nameAfter(const MoveUnits& groups, MoveUnits& units) {
  for (auto& group : units.groups) {
    const uint32_t whole = groups.groupOf[groups.unitOf[group.systems.front()]];
    if (whole != kNone) group.id = groups.groups[whole].id;
  }
}

}  // namespace cloudplan::engine
