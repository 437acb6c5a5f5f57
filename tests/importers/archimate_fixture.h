// ArchiMate files read the way `cloudplan validate` reads them, for the ArchiMate importer tests:
// the inventory, the mapping report, and the diagnostics as the cli prints them.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "importers/read_inputs.h"

namespace cloudplan::testing {

struct ArchimateRead {
  models::Inventory inventory;
  models::Diagnostics diagnostics;
  importers::ArchimateMappingReport report;
  std::vector<std::string> lines;  // errors and warnings as printed, with the code, `strip` cut
  std::vector<std::string> notes;
};

inline ArchimateRead readArchimate(const std::vector<std::string>& paths, const std::string& strip,
                                   const std::string& defaultAgency) {
  ArchimateRead r;
  r.inventory = importers::readInputs(
      paths, {.defaultAgency = defaultAgency, .archimateReport = &r.report}, r.diagnostics);
  r.diagnostics.sort();
  for (const models::Diagnostic& d : r.diagnostics.all()) {
    std::string line = d.file;
    if (d.line > 0) line += ":" + std::to_string(d.line);
    line += ": " + std::string(models::nameOf(d.severity)) + ": " + d.message + " [" + d.code + "]";
    for (size_t at = line.find(strip); !strip.empty() && at != std::string::npos;
         at = line.find(strip, at)) {
      line.erase(at, strip.size());
    }
    (d.severity == models::Severity::note ? r.notes : r.lines).push_back(line);
  }
  return r;
}

inline const models::System& systemNamed(const models::Inventory& inventory, std::string_view id) {
  const auto index = inventory.findSystem(id);
  REQUIRE(index);
  return inventory.systems[*index];
}

}  // namespace cloudplan::testing
