// Helpers of the importers' tests: diagnostics as the lines a user reads, and an inventory of
// bare ids for the readers that only look systems up.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/vocabulary.h"

namespace cloudplan::testing {

// "file:line: severity: message [code]", in the order the cli prints them.
inline std::vector<std::string> linesOf(models::Diagnostics& diagnostics) {
  diagnostics.sort();
  std::vector<std::string> lines;
  for (const models::Diagnostic& d : diagnostics.all()) {
    lines.push_back(d.file + (d.line ? ":" + std::to_string(d.line) : "") + ": " +
                    std::string(models::nameOf(d.severity)) + ": " + d.message + " [" + d.code +
                    "]");
  }
  return lines;
}

inline models::Inventory inventoryOf(const std::vector<std::string>& ids) {
  models::Inventory inventory;
  for (const std::string& id : ids) {
    models::System system;
    system.id = inventory.keep(id);
    REQUIRE(inventory.addSystem(system));
  }
  return inventory;
}

}  // namespace cloudplan::testing
