// The names of the files cloudplan keeps for itself in an output folder (all start with
// ".cloudplan-"): the exporters write them, and the importers look for an unfinished run beside
// a plan.json they read.
#pragma once

#include <string_view>

namespace cloudplan::models {

inline constexpr std::string_view kLockFile = ".cloudplan-lock";
inline constexpr std::string_view kManifestFile = ".cloudplan-manifest";
// A staging folder is NAME + six letters or digits; one that holds a manifest belongs to a run
// that wrote every file and was stopped while moving them into place.
inline constexpr std::string_view kStagingPrefix = ".cloudplan-staging-";

}  // namespace cloudplan::models
