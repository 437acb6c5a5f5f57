// Inventories for engine tests, written as inventory CSV text and read by the real importer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "importers/csv/inventory_csv.h"
#include "importers/inventory_builder.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"

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

// An inventory and what planning it gave: the plan (or none) and the diagnostics.
struct Planned {
  models::Inventory inventory;
  std::optional<models::Plan> plan;
  models::Diagnostics diagnostics;

  uint32_t waveOf(std::string_view id) const {
    return plan->systems[*inventory.findSystem(id)].wave;
  }
  const std::vector<std::string>& reasonsOf(std::string_view id) const {
    return plan->systems[*inventory.findSystem(id)].reasons;
  }
  std::vector<std::string> messages() const {
    std::vector<std::string> all;
    for (const auto& d : diagnostics.all())
      all.push_back(d.message);
    return all;
  }
};

}  // namespace cloudplan::testing
