// The planning settings of `cloudplan plan`, checked and converted from its command-line options.
#pragma once

#include <optional>

#include "cli/commands.h"
#include "models/plan.h"

namespace cloudplan::cli {

// Usage errors are printed to stderr and give nullopt.
std::optional<models::PlanSettings> planSettingsFrom(const PlanOptions& options);

}  // namespace cloudplan::cli
