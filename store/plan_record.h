// The last plan made from the store (plan --store): each system's wave, so that a later
// submission's feedback can say which of its systems' waves the change may move.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "store/store_database.h"

namespace cloudplan::store {

struct SystemWave {
  std::string id;
  uint32_t wave = 0;  // 0: no wave (retained)
};

// Records the plan made from the inventory as of `submission`; returns the plan's number.
uint32_t recordPlan(StoreDatabase& store, uint32_t submission, const std::string& settingsJson,
                    const std::vector<SystemWave>& waves);

}  // namespace cloudplan::store
