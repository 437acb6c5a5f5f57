// A ministry, department or office that owns systems; agencies nest through `parent`.
#pragma once

#include <string_view>

#include "models/source_location.h"

namespace cloudplan::models {

struct Agency {
  std::string_view code;
  std::string_view name;  // empty when only systems name the code
  AgencyIndex parent = kNone;
  bool declared = false;  // listed in an agencies file, not only named by a system
  PropertyRange properties;
  SourceLocation where;
};

}  // namespace cloudplan::models
