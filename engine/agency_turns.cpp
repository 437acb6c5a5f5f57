#include "engine/agency_turns.h"

#include <algorithm>

namespace cloudplan::engine {

using models::AgencyIndex;
using models::kNone;
using models::SystemIndex;

namespace {

// A provider with at most this many consumers in its own agency takes the turn of an earlier
// agency that waits for it. Measured on generated inventories: pulling forward a provider that
// its own agency uses too (a platform, a network) leaves all those links hybrid until the
// agency's own turn, which costs more than the consumer waiting.
constexpr size_t kLocalConsumersToPull = 0;

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
      holdBackDatedAgencies(orderAgencies(inventory, scores), dateWave, scores.systems, perWave);
  const auto last = static_cast<uint32_t>(agencies.size());
  std::vector<uint32_t> agencyTurn(agencies.size(), last);
  for (uint32_t i = 0; i < order.size(); ++i)
    agencyTurn[order[i]] = i;

  AgencyTurns turns;
  turns.agencyWave.assign(units.size(), 1);
  turns.turn.assign(units.size(), last);
  for (auto it = topological.rbegin(); it != topological.rend(); ++it) {
    const uint32_t u = *it;
    if (agencyOf[u] == kNone) continue;
    turns.agencyWave[u] = dateWave[agencyOf[u]];
    turns.turn[u] = agencyTurn[agencyOf[u]];
    size_t local = 0;
    for (const UnitArc& next : units.successorsOf(u))
      local += agencyOf[next.unit] == agencyOf[u];
    for (const UnitArc& next : units.successorsOf(u)) {
      if (agencyOf[next.unit] == agencyOf[u] || local <= kLocalConsumersToPull) {
        turns.turn[u] = std::min(turns.turn[u], turns.turn[next.unit]);
      }
    }
  }
  return turns;
}

}  // namespace cloudplan::engine
