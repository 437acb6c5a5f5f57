// A plan made from the store (plan --store, or the portal's "plan now"): each system's wave, so
// that a later submission's feedback can say which of its systems' waves the change may move.
// Every plan's record is kept; only the newest one's waves are.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <SQLiteCpp/Transaction.h>

#include "models/inventory.h"
#include "models/plan.h"
#include "store/store_database.h"

namespace cloudplan::store {

struct SystemWave {
  std::string id;
  uint32_t wave = 0;  // 0: no wave (retained)
};

// Each system's wave in `plan`, made from `inventory`.
std::vector<SystemWave> wavesOf(const models::Inventory& inventory, const models::Plan& plan);

// Records the plan made from the inventory as of `submission`, in a transaction of its own that
// stays open until commit(): the plan's files are written meanwhile, and a plan whose files could
// not be written is not kept (the destructor rolls it back). Writes wait for the store's lock.
class PlanRecording {
 public:
  PlanRecording(StoreDatabase& store, uint32_t submission, const std::string& settingsJson,
                const std::vector<SystemWave>& waves);
  // The number of the plan recorded (for store/plan_archive.h's archivePlanFiles, before commit).
  uint32_t number() const { return number_; }
  void commit() { transaction_.commit(); }

 private:
  SQLite::Transaction transaction_;
  uint32_t number_ = 0;
};

}  // namespace cloudplan::store
