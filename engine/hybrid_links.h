// Hybrid links: dependencies with one end already in the cloud and the other still on premises,
// counted after each wave. Every one needs a network path and a hybrid set-up while it lasts.
#pragma once

#include <vector>

#include "models/inventory.h"

namespace cloudplan::engine {

struct HybridLinks {
  std::vector<uint32_t> afterWave;  // by wave number - 1
  uint32_t peak = 0;
  uint32_t permanent = 0;  // after the last wave: links to retained systems
};

// `waveOf` by system: 0 for retained systems.
HybridLinks countHybridLinks(const models::Inventory& inventory,
                             const std::vector<uint32_t>& waveOf, uint32_t waves);

}  // namespace cloudplan::engine
