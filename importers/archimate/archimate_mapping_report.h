// What the ArchiMate mapping did, as data for `cloudplan validate` to print: how many systems
// each ArchiMate type gave, how many dependencies each rule derived, and which elements and
// relationships were not planned. Summed over every ArchiMate model of a run.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace cloudplan::importers {

struct ArchimateMappingReport {
  uint32_t models = 0;  // ArchiMate files read (an Archi CSV export counts once)
  uint32_t elements = 0;
  uint32_t relationships = 0;
  uint32_t systems = 0;
  uint32_t dependencies = 0;  // handed to the inventory (repeated pairs merge there)
  std::map<std::string, uint32_t> systemsByType;  // "ApplicationComponent" -> systems
  // "serving", "service", "hosting", "composition", "aggregation", "flow", "triggering"
  std::map<std::string, uint32_t> dependenciesByRule;
  std::map<std::string, uint32_t> elementsNotPlanned;       // by ArchiMate type
  std::map<std::string, uint32_t> relationshipsNotPlanned;  // by type: gave no dependency
  uint32_t selfDependenciesDropped = 0;
  uint32_t derivedRepeatsDropped = 0;  // a derived pair already given by another path

  bool empty() const { return models == 0; }
};

}  // namespace cloudplan::importers
