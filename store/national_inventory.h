// The national inventory as it stands, or stood after any submission, as an inventory to plan,
// export or check: agencies in register order, systems grouped by their ministry's systems file
// (models/ministry_files.h) and by id within it, dependencies by consumer and provider. That is
// the order in which the CSV export reads back, so an export plans like the store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "models/inventory.h"
#include "store/store_database.h"

namespace cloudplan::store {

struct NationalInventory {
  models::Inventory inventory;  // its files: the submitted files the rows came from
  uint32_t asOf = 0;            // the last submission it includes; 0: an empty store
};

// `asOf` 0: as it stands now. References to systems the store does not have are the
// inventory's outsideDependencies (known = false).
// With `agencies`, only their part: their systems and the dependencies of those (a reference out
// of the part is then an outsideDependency too), as a submission of theirs holds it.
NationalInventory loadNationalInventory(StoreDatabase& store, uint32_t asOf = 0,
                                        const std::vector<std::string>& agencies = {});

// The last submission made at or before a UTC time (YYYY-MM-DDTHH:MM:SSZ); nullopt when none was.
std::optional<uint32_t> submissionAt(StoreDatabase& store, const std::string& utc);

// How the inventory names a submitted file: `STORE#N:NAME`.
std::string submittedFileName(const std::string& store, uint32_t submission,
                              const std::string& name);

}  // namespace cloudplan::store
