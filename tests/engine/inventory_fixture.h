// Inventories for engine tests, written as inventory CSV text and read by the real importer.
#pragma once

#include <string>

#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "models/diagnostic.h"
#include "models/inventory.h"

namespace cloudplan::testing {

inline models::Inventory inventoryFrom(std::string systems, std::string dependencies = {},
                                       std::string agencies = {}) {
  models::Diagnostics diagnostics;
  importers::InventoryBuilder builder(diagnostics);
  if (!agencies.empty()) {
    const uint32_t file = builder.addFile("agencies.csv", models::InputKind::agencies);
    importers::readInventoryCsv(builder, file, std::move(agencies));
  }
  const uint32_t file = builder.addFile("systems.csv", models::InputKind::systems);
  importers::readInventoryCsv(builder, file, std::move(systems));
  if (!dependencies.empty()) {
    const uint32_t deps = builder.addFile("dependencies.csv", models::InputKind::dependencies);
    importers::readInventoryCsv(builder, deps, std::move(dependencies));
  }
  return builder.finish();
}

}  // namespace cloudplan::testing
