// cloudplan.toml: the settings of `plan` in a file, read with --config FILE or, without it, from
// the folder of the first input; and the commented example that `cloudplan template` writes. Both
// come from the one table of settings (cli/plan_settings), so the file, the options and the
// example cannot drift apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "models/plan.h"

namespace cloudplan::cli {

inline constexpr std::string_view kSettingsFileName = "cloudplan.toml";
// A settings file is a few lines; anything larger is not one.
inline constexpr size_t kMaxSettingsFileBytes = 1 << 20;

// The cloudplan.toml read without --config: the one in the folder of the first input (the input
// itself when it is a folder), if there is one. Empty when there is none, or the first input is
// standard input.
std::string automaticSettingsFile(const std::vector<std::string>& inputs);

// Sets `options` from the TOML `text` of the file `path`. Every problem of the file goes to
// `errors`, each a whole message (`path:line: error: ...`); the file's record when there is none.
std::optional<models::ConfigFile> readSettingsText(const std::string& path, std::string_view text,
                                                   PlanOptions& options,
                                                   std::vector<std::string>& errors);

// The same from the file itself; a file that cannot be read is one error.
std::optional<models::ConfigFile> readSettingsFile(const std::string& path, PlanOptions& options,
                                                   std::vector<std::string>& errors);

// The commented example cloudplan.toml: every setting with its meaning, form, range and default;
// the settings that have a default set to it, the others commented out with an example.
std::string settingsFileTemplate();

}  // namespace cloudplan::cli
