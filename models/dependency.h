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
  // The identifier and the type ("Serving", "Flow", ...) of the ArchiMate relationship it was read
  // from (empty for other inputs, and for a dependency derived through a service or an artifact,
  // which no relationship of the model is), which plan.archimate.xml keeps so that the plan merges
  // back into the source model. When several relationships give the same pair, the first's.
  std::string_view archimateIdentifier;
  std::string_view archimateType;
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
