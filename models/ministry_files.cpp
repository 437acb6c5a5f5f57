#include "models/ministry_files.h"

#include <unordered_set>

#include "models/vocabulary.h"

namespace cloudplan::models {

AgencyIndex ministryOf(const Inventory& inventory, AgencyIndex agency) {
  // A parent cycle is an input error the importers report and break; the bound keeps a cycle
  // that slipped through from hanging.
  for (size_t steps = 0; agency != kNone && steps < inventory.agencies.size(); ++steps) {
    const AgencyIndex parent = inventory.agencies[agency].parent;
    if (parent == kNone) return agency;
    agency = parent;
  }
  return agency;
}

namespace {

std::string fileStem(std::string_view code) {
  std::string stem = "systems-";
  for (const char c : code) {
    const bool kept = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '_' || c == '-';
    stem += kept ? c : '_';
  }
  return stem;
}

}  // namespace

std::vector<std::string> systemsFileNames(const Inventory& inventory) {
  const size_t agencies = inventory.agencies.size();
  std::vector<std::string> byMinistry(agencies);
  std::unordered_set<std::string> taken;
  for (AgencyIndex a = 0; a < agencies; ++a) {
    if (inventory.agencies[a].parent != kNone) continue;
    const std::string stem = fileStem(inventory.agencies[a].code);
    std::string name = stem + ".csv";
    for (int n = 2; !taken.insert(lowercased(name)).second; ++n)
      name = stem + "-" + std::to_string(n) + ".csv";
    byMinistry[a] = std::move(name);
  }
  std::vector<std::string> names(agencies);
  for (AgencyIndex a = 0; a < agencies; ++a) {
    const AgencyIndex ministry = ministryOf(inventory, a);
    names[a] = ministry == kNone || byMinistry[ministry].empty() ? kSystemsWithoutAgencyFile
                                                                 : byMinistry[ministry];
  }
  return names;
}

}  // namespace cloudplan::models
