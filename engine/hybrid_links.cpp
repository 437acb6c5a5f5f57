#include "engine/hybrid_links.h"

#include <algorithm>

namespace cloudplan::engine {

HybridLinks countHybridLinks(const models::Inventory& inventory,
                             const std::vector<uint32_t>& waveOf, uint32_t waves) {
  HybridLinks result;
  if (waves == 0) return result;
  const uint32_t never = waves + 1;
  // A system is in the cloud from `cloud` on (never for retained or retiring systems) and on
  // premises until `leaves` (never for retained ones).
  auto cloudFrom = [&](models::SystemIndex s) {
    const auto& system = inventory.systems[s];
    return system.action() == models::Action::migrate ? waveOf[s] : never;
  };
  auto leaves = [&](models::SystemIndex s) {
    return inventory.systems[s].scheduled() ? waveOf[s] : never;
  };
  std::vector<int64_t> delta(waves + 2, 0);
  for (const auto& d : inventory.dependencies) {
    for (const auto& [moved, stays] :
         {std::pair{d.consumer, d.provider}, std::pair{d.provider, d.consumer}}) {
      const uint32_t from = cloudFrom(moved), until = leaves(stays);
      if (from < until) {
        ++delta[from];
        --delta[std::min(until, never)];
      }
    }
  }
  int64_t level = 0;
  result.afterWave.resize(waves);
  for (uint32_t k = 1; k <= waves; ++k) {
    level += delta[k];
    result.afterWave[k - 1] = static_cast<uint32_t>(level);
    result.peak = std::max(result.peak, result.afterWave[k - 1]);
  }
  result.permanent = result.afterWave[waves - 1];
  return result;
}

}  // namespace cloudplan::engine
