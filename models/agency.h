// A ministry, department or office that owns systems; agencies nest through `parent`.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "models/source_location.h"

namespace cloudplan::models {

struct Agency {
  std::string_view code;
  std::string_view name;  // empty when only systems name the code
  AgencyIndex parent = kNone;
  bool declared = false;  // listed in an agencies file, not only named by a system
  // Limits per wave over the agency and every agency below it (planning rules, version 2).
  std::optional<uint32_t> maxSystemsPerWave;
  std::optional<double> maxEffortPerWave;
  PropertyRange properties;
  SourceLocation where;
};

}  // namespace cloudplan::models
