// One information system of the inventory, as the ministry described it.
#pragma once

#include <optional>
#include <string_view>

#include "models/date.h"
#include "models/source_location.h"
#include "models/vocabulary.h"

namespace cloudplan::models {

struct System {
  std::string_view id;
  std::string_view name;
  AgencyIndex agency = kNone;
  SystemType type = SystemType::application;
  Strategy strategy = Strategy::rehost;
  Criticality criticality = Criticality::medium;
  double effortDays = 10;
  std::string_view target;
  uint32_t pinnedWave = 0;  // 0: not pinned
  std::optional<Date> notBefore;
  std::optional<Date> finishBy;  // its wave ends on or before this day
  std::string_view documentation;
  PropertyRange properties;
  SourceLocation where;
  // The identifier of the ArchiMate element it was read from (empty for other inputs), which
  // plan.archimate.xml keeps so that the plan merges back into the source model.
  std::string_view archimateIdentifier;
  // The ArchiMate type of that element ("Device", "ApplicationComponent", ...), which the plan
  // writes under the kept identifier: a type changed under the same identifier would not merge.
  std::string_view archimateType;

  Action action() const { return actionOf(strategy); }
  bool scheduled() const { return strategy != Strategy::retain; }
};

}  // namespace cloudplan::models
