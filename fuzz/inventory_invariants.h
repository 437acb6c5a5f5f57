// What any inventory the importers hand over must satisfy, whatever bytes they were given:
// shared by the fuzz targets, which abort (a crash libFuzzer reports) when one does not hold.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "importers/archimate/archimate_mapping_report.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::fuzz {

inline void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz: broken invariant: %s\n", what);
  std::abort();
}

// `lineCounts` holds each input file's line count, in the order of inventory.files; `report`
// may be null.
inline void checkInventory(const models::Inventory& inventory,
                           const models::Diagnostics& diagnostics,
                           const std::vector<size_t>& lineCounts,
                           const importers::ArchimateMappingReport* report) {
  const size_t systems = inventory.systems.size(), agencies = inventory.agencies.size();
  for (models::SystemIndex s = 0; s < systems; ++s) {
    const models::System& system = inventory.systems[s];
    require(!system.id.empty(), "a system has an empty id");
    require(inventory.findSystem(system.id) == s, "a system's id does not find it");
    require(system.agency == models::kNone || system.agency < agencies, "a bad agency index");
    require(system.effortDays >= 0, "a negative effort");
    require(system.pinnedWave <= models::kMaxWaves, "a pinned wave past the last one");
    require(system.properties.first + system.properties.count <= inventory.properties.size(),
            "system properties out of range");
    require(system.where.file < inventory.files.size(), "a system outside every file");
  }
  std::vector<std::vector<models::SystemIndex>> providers(systems);
  for (const models::Dependency& d : inventory.dependencies) {
    require(d.consumer < systems && d.provider < systems, "a dependency on a bad index");
    require(d.consumer != d.provider, "a self-dependency was kept");
    for (models::SystemIndex p : providers[d.consumer]) {
      require(p != d.provider, "a repeated pair was not merged");
    }
    providers[d.consumer].push_back(d.provider);
    require(d.properties.first + d.properties.count <= inventory.properties.size(),
            "dependency properties out of range");
  }
  for (models::AgencyIndex a = 0; a < agencies; ++a) {
    // Parents never form a cycle: a chain ends within `agencies` steps.
    models::AgencyIndex at = a;
    for (size_t steps = 0; at != models::kNone; ++steps) {
      require(steps <= agencies, "agency parents form a cycle");
      require(at < agencies, "a bad parent index");
      at = inventory.agencies[at].parent;
    }
  }
  if (report) {
    require(report->systems == systems, "the report counts other systems than the inventory holds");
  }
  for (const models::Diagnostic& d : diagnostics.all()) {
    require(!d.code.empty() && !d.message.empty(), "a diagnostic without code or message");
    size_t file = 0;
    while (file < inventory.files.size() && inventory.files[file].path != d.file)
      ++file;
    require(file < inventory.files.size() && file < lineCounts.size(),
            "a diagnostic names no input file");
    require(d.line >= 1 && d.line <= lineCounts[file], "a diagnostic line outside its file");
  }
}

}  // namespace cloudplan::fuzz
