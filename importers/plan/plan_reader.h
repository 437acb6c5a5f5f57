// Rebuilds the Inventory and the Plan from a plan.json, so that the views of a plan (diagrams,
// schedule, report) are made by the same exporters whether the plan was just made or read back.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"

namespace cloudplan::importers {

struct LoadedPlan {
  models::Inventory inventory;  // systems, agencies, dependencies and input files of the plan
  models::Plan plan;
  models::Diagnostics diagnostics;  // those the plan recorded about its inputs and its making
};

// The plan of a plan.json file, or nullopt with errors (code `cannot-read`, `not-a-plan` or
// `invalid-plan`, each naming the offending field) when it is unreadable or inconsistent, and
// `unfinished-run` when its folder holds a run of cloudplan stopped while moving files into place.
// With `sha256`, sets it to the SHA-256 of the file's bytes.
std::optional<LoadedPlan> readPlan(const std::string& path, models::Diagnostics& diagnostics,
                                   std::string* sha256 = nullptr);

// The same from an already parsed document; `path` names it in messages.
std::optional<LoadedPlan> planFromJson(const nlohmann::ordered_json& document,
                                       const std::string& path, models::Diagnostics& diagnostics);

}  // namespace cloudplan::importers
