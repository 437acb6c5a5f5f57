// `cloudplan store check`: is the store whole? SQLite's own integrity check, the schema, the
// rules every row obeys, every submitted file intact, and every accepted submission read again
// from its files giving the rows the store holds for it.
#pragma once

#include <cstdint>

#include "models/diagnostic.h"
#include "store/store_database.h"

namespace cloudplan::store {

struct StoreCheckSummary {
  uint32_t submissions = 0;
  uint32_t accepted = 0;
  uint32_t revalidated = 0;
  uint32_t files = 0;
};

// Problems are errors whose file is the store's path.
StoreCheckSummary checkStore(StoreDatabase& store, models::Diagnostics& problems);

}  // namespace cloudplan::store
