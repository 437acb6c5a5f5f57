// Where a system, dependency or agency was defined: every row remembers its file and line.
#pragma once

#include <cstdint>

namespace cloudplan::models {

using SystemIndex = uint32_t;
using AgencyIndex = uint32_t;
inline constexpr uint32_t kNone = UINT32_MAX;

struct SourceLocation {
  uint32_t file = kNone;  // index into Inventory::files
  uint32_t line = 0;
};

// Free-form columns a ministry added: kept in their order, never dropped.
struct PropertyRange {
  uint32_t first = 0;  // index into Inventory::properties
  uint32_t count = 0;
};

}  // namespace cloudplan::models
