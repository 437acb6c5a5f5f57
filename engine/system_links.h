// Every dependency of any coupling seen from both of its ends, as flat arrays: what the
// scheduler walks to count the hybrid links that a move opens or closes.
#pragma once

#include <span>
#include <vector>

#include "models/inventory.h"

namespace cloudplan::engine {

class SystemLinks {
 public:
  explicit SystemLinks(const models::Inventory& inventory);

  std::span<const models::SystemIndex> of(models::SystemIndex system) const {
    return {other_.data() + start_[system], start_[system + 1] - start_[system]};
  }

 private:
  std::vector<uint32_t> start_;
  std::vector<models::SystemIndex> other_;
};

}  // namespace cloudplan::engine
