// Reads back a plan.json that `cloudplan plan` wrote, for the commands that work from a plan.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "models/diagnostic.h"

namespace cloudplan::importers {

// The plan's JSON, or nullopt with an error when the file is unreadable or not a cloudplan plan.
std::optional<nlohmann::json> readPlanJson(const std::string& path,
                                           models::Diagnostics& diagnostics);

}  // namespace cloudplan::importers
