#include "engine/system_links.h"

namespace cloudplan::engine {

SystemLinks::SystemLinks(const models::Inventory& inventory) {
  const size_t systems = inventory.systems.size();
  start_.assign(systems + 1, 0);
  for (const auto& d : inventory.dependencies) {
    ++start_[d.consumer + 1];
    ++start_[d.provider + 1];
  }
  for (size_t s = 0; s < systems; ++s)
    start_[s + 1] += start_[s];
  other_.resize(start_[systems]);
  std::vector<uint32_t> next(start_.begin(), start_.end() - 1);
  for (const auto& d : inventory.dependencies) {
    other_[next[d.consumer]++] = d.provider;
    other_[next[d.provider]++] = d.consumer;
  }
}

}  // namespace cloudplan::engine
