#include "engine/agency_turns.h"

// GCC 12 at -O3 sees Boost's CSR graph constructor fill its row-start vector past the end: a
// false positive (GCC bug 56456, the meta-bug of bogus -Warray-bounds), silenced for Boost alone.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#include <boost/graph/compressed_sparse_row_graph.hpp>
#pragma GCC diagnostic pop
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <queue>

namespace cloudplan::engine {

using models::AgencyIndex;
using models::kNone;
using models::SystemIndex;

namespace {

struct AgencyScores {
  std::vector<int64_t> score;    // links to retained systems minus links to other agencies
  std::vector<int64_t> systems;  // scheduled systems
};

// Links to retained systems run hybrid from the day their other end moves, for good, while
// links to systems of other agencies (shared services, mostly, which move early) stop being
// hybrid once their other end arrives: the first kind argues for a late turn, the second for an
// early one.
AgencyScores scoreAgencies(const models::Inventory& inventory, const SystemLinks& links) {
  AgencyScores scores{std::vector<int64_t>(inventory.agencies.size(), 0),
                      std::vector<int64_t>(inventory.agencies.size(), 0)};
  for (SystemIndex s = 0; s < inventory.systems.size(); ++s) {
    const auto& system = inventory.systems[s];
    if (!system.scheduled() || system.agency == kNone) continue;
    ++scores.systems[system.agency];
    for (SystemIndex other : links.of(s)) {
      const auto& peer = inventory.systems[other];
      if (!peer.scheduled()) {
        ++scores.score[system.agency];
      } else if (peer.agency != system.agency) {
        --scores.score[system.agency];
      }
    }
  }
  return scores;
}

// Departments with their offices as one block, so that the links between them stay short;
// blocks, and offices within a block, by score per system. Each agency before its offices.
std::vector<AgencyIndex> orderAgencies(const models::Inventory& inventory,
                                       const AgencyScores& scores) {
  const auto& agencies = inventory.agencies;
  std::vector<std::vector<AgencyIndex>> children(agencies.size());
  std::vector<AgencyIndex> roots;
  for (AgencyIndex a = 0; a < agencies.size(); ++a) {
    (agencies[a].parent == kNone ? roots : children[agencies[a].parent]).push_back(a);
  }
  auto depthFirst = [&](bool childrenInOrder) {
    std::vector<AgencyIndex> order, stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
      const AgencyIndex a = stack.back();
      stack.pop_back();
      order.push_back(a);
      if (childrenInOrder) {
        stack.insert(stack.end(), children[a].rbegin(), children[a].rend());
      } else {
        stack.insert(stack.end(), children[a].begin(), children[a].end());
      }
    }
    return order;
  };
  // Sums over each block, children before parents.
  std::vector<int64_t> score = scores.score, systems = scores.systems;
  const std::vector<AgencyIndex> preorder = depthFirst(false);
  for (auto it = preorder.rbegin(); it != preorder.rend(); ++it) {
    if (agencies[*it].parent == kNone) continue;
    score[agencies[*it].parent] += score[*it];
    systems[agencies[*it].parent] += systems[*it];
  }
  const auto byScorePerSystem = [&](AgencyIndex a, AgencyIndex b) {
    return score[a] * std::max<int64_t>(1, systems[b]) <
           score[b] * std::max<int64_t>(1, systems[a]);
  };
  std::stable_sort(roots.begin(), roots.end(), byScorePerSystem);
  for (auto& list : children)
    std::stable_sort(list.begin(), list.end(), byScorePerSystem);
  return depthFirst(true);
}

// Agencies whose systems others wait for go before those others where the ordering arcs between
// agencies allow it (Kahn's algorithm; ties and cycles of agencies keep the preferred order), so
// that a consumer rarely waits for a provider whose agency comes much later.
std::vector<AgencyIndex> providersFirst(const std::vector<AgencyIndex>& preferred,
                                        const MoveUnits& units,
                                        const std::vector<AgencyIndex>& agencyOf) {
  const size_t count = preferred.size();
  std::vector<uint32_t> rank(count);
  for (uint32_t i = 0; i < count; ++i)
    rank[preferred[i]] = i;
  // The distinct agency pairs, over the strongly connected components of the agency graph.
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (uint32_t u = 0; u < units.size(); ++u) {
    for (const UnitArc& next : units.successorsOf(u)) {
      const AgencyIndex a = agencyOf[u], b = agencyOf[next.unit];
      if (a != b && a != kNone && b != kNone) pairs.emplace_back(a, b);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  using Graph = boost::compressed_sparse_row_graph<boost::directedS>;
  const Graph graph(boost::edges_are_sorted, pairs.begin(), pairs.end(), count);
  std::vector<uint32_t> component(count);
  const size_t components = boost::strong_components(
      graph, boost::make_iterator_property_map(component.begin(), get(boost::vertex_index, graph)));
  // A component's place is that of its most preferred agency.
  std::vector<uint32_t> componentRank(components, UINT32_MAX), waiting(components, 0);
  for (AgencyIndex a = 0; a < count; ++a) {
    componentRank[component[a]] = std::min(componentRank[component[a]], rank[a]);
  }
  std::vector<std::vector<uint32_t>> next(components);
  for (const auto& [a, b] : pairs) {
    if (component[a] == component[b]) continue;
    next[component[a]].push_back(component[b]);
    ++waiting[component[b]];
  }
  std::vector<std::vector<AgencyIndex>> members(components);
  for (AgencyIndex a : preferred)
    members[component[a]].push_back(a);
  std::priority_queue<std::pair<uint32_t, uint32_t>, std::vector<std::pair<uint32_t, uint32_t>>,
                      std::greater<>>
      ready;
  for (uint32_t c = 0; c < components; ++c) {
    if (waiting[c] == 0) ready.emplace(componentRank[c], c);
  }
  std::vector<AgencyIndex> order;
  order.reserve(count);
  while (!ready.empty()) {
    const uint32_t c = ready.top().second;
    ready.pop();
    order.insert(order.end(), members[c].begin(), members[c].end());
    for (uint32_t d : next[c]) {
      if (--waiting[d] == 0) ready.emplace(componentRank[d], d);
    }
  }
  return order;
}

// An agency with a not_before date waits in the order until roughly as many systems have gone
// before it as the waves before its date hold, so that it still moves in one piece.
std::vector<AgencyIndex> holdBackDatedAgencies(const std::vector<AgencyIndex>& order,
                                               const std::vector<uint32_t>& dateWave,
                                               const std::vector<int64_t>& systems,
                                               uint64_t perWave) {
  std::vector<AgencyIndex> merged, waiting;
  uint64_t before = 0;
  auto release = [&](bool all) {
    std::stable_sort(waiting.begin(), waiting.end(),
                     [&](AgencyIndex a, AgencyIndex b) { return dateWave[a] < dateWave[b]; });
    size_t i = 0;
    for (; i < waiting.size() && (all || (dateWave[waiting[i]] - 1) * perWave <= before); ++i) {
      merged.push_back(waiting[i]);
      before += static_cast<uint64_t>(systems[waiting[i]]);
    }
    waiting.erase(waiting.begin(), waiting.begin() + static_cast<std::ptrdiff_t>(i));
  };
  for (AgencyIndex a : order) {
    release(false);
    if ((dateWave[a] - 1) * perWave > before) {
      waiting.push_back(a);
      continue;
    }
    merged.push_back(a);
    before += static_cast<uint64_t>(systems[a]);
  }
  release(true);
  return merged;
}

}  // namespace

AgencyTurns computeAgencyTurns(const models::Inventory& inventory, const MoveUnits& units,
                               const std::vector<UnitLoad>& loads, const SystemLinks& links,
                               std::span<const uint32_t> topological,
                               const models::PlanSettings& settings, uint32_t waves) {
  const auto& agencies = inventory.agencies;
  std::vector<uint32_t> dateWave(agencies.size(), 1);
  std::vector<AgencyIndex> agencyOf(units.size(), kNone);
  for (uint32_t u = 0; u < units.size(); ++u) {
    agencyOf[u] = inventory.systems[units.membersOf(u)[0]].agency;
    if (agencyOf[u] != kNone) {
      dateWave[agencyOf[u]] = std::max(dateWave[agencyOf[u]], loads[u].dateWave);
    }
  }
  const AgencyScores scores = scoreAgencies(inventory, links);
  const uint64_t perWave = settings.waveCapacity
                               ? *settings.waveCapacity
                               : std::max<uint64_t>(1, units.members.size() / std::max(1u, waves));
  const std::vector<AgencyIndex> order =
      holdBackDatedAgencies(providersFirst(orderAgencies(inventory, scores), units, agencyOf),
                            dateWave, scores.systems, perWave);
  const auto last = static_cast<uint32_t>(agencies.size());
  std::vector<uint32_t> agencyTurn(agencies.size(), last);
  for (uint32_t i = 0; i < order.size(); ++i)
    agencyTurn[order[i]] = i;

  // How many links tie a unit to the rest of its own agency: what stays hybrid while the unit
  // and its agency move at different times.
  std::vector<uint32_t> localLinks(units.size(), 0);
  for (uint32_t u = 0; u < units.size(); ++u) {
    for (SystemIndex s : units.membersOf(u)) {
      for (SystemIndex other : links.of(s)) {
        const uint32_t v = units.unitOf[other];
        localLinks[u] += v != kNone && v != u && agencyOf[v] == agencyOf[u];
      }
    }
  }
  AgencyTurns turns;
  turns.byTurn = order;
  turns.agencyWave.assign(units.size(), 1);
  turns.turn.assign(units.size(), last);
  for (auto it = topological.rbegin(); it != topological.rend(); ++it) {
    const uint32_t u = *it;
    if (agencyOf[u] == kNone) continue;
    turns.agencyWave[u] = dateWave[agencyOf[u]];
    turns.turn[u] = agencyTurn[agencyOf[u]];
    // A provider that an earlier agency waits for moves at that agency's turn when that breaks
    // fewer local links than the consumer waiting would: a platform its own agency uses stays,
    // an application that only a few of its own systems use follows its remote consumer.
    for (const UnitArc& next : units.successorsOf(u)) {
      if (agencyOf[next.unit] == agencyOf[u] || localLinks[u] <= localLinks[next.unit]) {
        turns.turn[u] = std::min(turns.turn[u], turns.turn[next.unit]);
      }
    }
  }
  return turns;
}

}  // namespace cloudplan::engine
