// plan.json (format cloudplan-plan/1): the machine-readable plan every other view is made from.
// The same plan gives the same bytes.
#pragma once

#include <string>

#include "exporters/text_sink.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::exporters {

std::string planToJson(const models::Inventory& inventory, const models::Plan& plan,
                       const models::Diagnostics& diagnostics);
// The elements of a plan.json array, rendered apart: the dependencies are the inventory's, so
// `plan` renders them on another core while the engine plans.
struct PlanJsonSection {
  std::string elements;
};
PlanJsonSection renderDependencies(const models::Inventory& inventory);

// The same as planToJson, element by element into `sink`; with `dependencies` rendered already.
void writePlanJson(const models::Inventory& inventory, const models::Plan& plan,
                   const models::Diagnostics& diagnostics, TextSink& sink,
                   const PlanJsonSection* dependencies = nullptr);

// The plan.json's `settings` object alone (the store records it with the plan it keeps).
std::string planSettingsToJson(const models::PlanSettings& settings);

}  // namespace cloudplan::exporters
