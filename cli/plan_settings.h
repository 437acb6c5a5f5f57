// The planning settings of `cloudplan plan`, checked and converted from its command-line options,
// and the ranges of every number option of cloudplan.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/commands.h"
#include "models/plan.h"

namespace cloudplan::cli {

// A number option's finite range, inclusive at both ends (docs/commands.md lists them).
struct NumberRange {
  double least;
  double most;
  bool whole;              // digits only: no point, no exponent
  std::string_view means;  // what the number counts, for the message
};
inline constexpr NumberRange kWaveCapacityRange{1, 10'000'000, true, "systems in a wave"};
inline constexpr NumberRange kWaveEffortRange{0.01, 1'000'000'000, false, "effort-days in a wave"};
inline constexpr NumberRange kWaveLengthRange{1, 366, true, "days in a wave"};
inline constexpr NumberRange kDepthRange{0, 1000, true, "links around a --focus system"};
inline constexpr NumberRange kSubmissionRange{1, 4'294'967'295.0, true, "a submission's number"};

// Reads the number that `text`, the value of `option`, holds. Outside `range`, or not a number,
// it is nullopt and `error` names the option, the value and the range.
std::optional<double> readNumberOption(std::string_view option, std::string_view text,
                                       const NumberRange& range, std::string& error);

// Usage errors are printed to stderr and give nullopt. The numbers in `options` are in their
// ranges already (readNumberOption).
std::optional<models::PlanSettings> planSettingsFrom(const PlanOptions& options);

}  // namespace cloudplan::cli
