// The inputs of a re-plan (`plan --baseline`): the plan being executed, the progress file and
// today's date, read against the inventory being planned.
#pragma once

#include <optional>

#include "cli/commands.h"
#include "models/baseline.h"
#include "models/diagnostic.h"
#include "models/inventory.h"
#include "models/plan.h"
#include "models/progress.h"

namespace cloudplan::cli {

struct ReplanFiles {
  models::Baseline baseline;
  std::optional<models::Progress> progress;
  models::Date today;
};

// --today, or the current date (UTC; CLOUDPLAN_NOW fixes it). A malformed date is a usage
// error, printed; nullopt.
std::optional<models::Date> replanToday(std::string_view command, const PlanOptions& options);

// Problems in the files are diagnostics; nullopt when the baseline cannot be used.
std::optional<ReplanFiles> readReplanFiles(const PlanOptions& options,
                                           const models::Inventory& inventory, models::Date today,
                                           models::Diagnostics& diagnostics);

// A re-plan keeps the baseline's calendar: a start, wave length or freeze given (options or
// cloudplan.toml) that differs from it is a usage error, printed; false.
bool checkReplanCalendar(std::string_view command, const PlanOptions& options,
                         const models::PlanSettings& settings, const models::Baseline& baseline);

// What the re-plan settings of plan.json record.
models::ReplanSettings replanSettingsOf(const ReplanFiles& files);

}  // namespace cloudplan::cli
