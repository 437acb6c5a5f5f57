// "consumer depends on provider": an edge of the government-wide dependency graph.
#pragma once

#include <string_view>

#include "models/source_location.h"
#include "models/vocabulary.h"

namespace cloudplan::models {

struct Dependency {
  SystemIndex consumer = kNone;
  SystemIndex provider = kNone;
  Coupling coupling = Coupling::normal;
  std::string_view kind;  // api, data, auth, ... free text
  std::string_view description;
  PropertyRange properties;
  SourceLocation where;
};

}  // namespace cloudplan::models
