// Which ministry each agency belongs to, and the systems file a national export writes its
// systems to. The store orders its inventory by these files, and the CSV export writes them, so
// that planning an export reads the systems in the order the store planned them.
#pragma once

#include <string>
#include <vector>

#include "models/inventory.h"

namespace cloudplan::models {

// The root of the agency's parent chain: the agency itself when it has no parent.
AgencyIndex ministryOf(const Inventory& inventory, AgencyIndex agency);

// By agency index: `systems-<MINISTRY>.csv`, the code's characters other than letters, digits,
// `.`, `_` and `-` replaced by `_`, and `-2`, `-3`... added for ministries whose codes would
// otherwise share a name, compared without regard to case (in agency order).
std::vector<std::string> systemsFileNames(const Inventory& inventory);

// The file of systems that have no agency.
inline constexpr const char* kSystemsWithoutAgencyFile = "systems.csv";

}  // namespace cloudplan::models
