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

namespace cloudplan::models {

// A dependency on a system that the files read do not define: another ministry's, in the national
// register or store (`known`), or not there (yet): a typo, or a ministry that has not submitted.
struct OutsideDependency {
  SystemIndex consumer = kNone;
  std::string_view provider;  // the id as written
  bool known = false;
  Coupling coupling = Coupling::normal;
  std::string_view kind;
  std::string_view description;
  PropertyRange properties;
  SourceLocation where;
};

}  // namespace cloudplan::models
