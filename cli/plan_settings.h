// The planning settings of `cloudplan plan`, by name: one table says how each is read from the
// command line, from `--vary NAME=...` and from cloudplan.toml, so that the three read the same
// values with the same checks and messages; and the ranges of every number option of cloudplan.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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
inline constexpr NumberRange kWaveLengthRange{1, models::kMaxWaveLengthDays, true,
                                              "days in a wave"};
inline constexpr NumberRange kDepthRange{0, 1000, true, "links around a --focus system"};
inline constexpr NumberRange kSubmissionRange{1, 4'294'967'295.0, true, "a submission's number"};
inline constexpr NumberRange kJobsRange{1, 1024, true, "plans made at once"};
inline constexpr NumberRange kUploadMegabytesRange{1, 900, true, "MiB of an upload"};
inline constexpr NumberRange kUploadFilesRange{1, 10000, true, "files in one upload"};
inline constexpr NumberRange kWorkersRange{1, 1024, true, "requests handled at once"};

// Reads the number that `text`, the value of `option`, holds. Outside `range`, or not a number,
// it is nullopt and `error` names the option, the value and the range.
std::optional<double> readNumberOption(std::string_view option, std::string_view text,
                                       const NumberRange& range, std::string& error);

// What a setting changes: the plan itself (whatif may vary it), how the inputs are read (whatif
// reads them once), or which files plan writes besides plan.json.
enum class SettingUse : uint8_t { planning, reading, output };

// The form of a setting's value, for cloudplan.toml's types and the template.
enum class SettingForm : uint8_t { number, date, text, choice, flag, windows, formats };

struct Setting {
  std::string_view option;  // `--OPTION` on the command line; the name --vary takes
  std::string_view key;     // in cloudplan.toml: plan.json's name for it where it has one
  SettingUse use;
  SettingForm form;
  const NumberRange* range;    // numbers only
  std::string_view valueName;  // N, YYYY-MM-DD, ...
  std::string_view meaning;    // for --help and the template
  std::string_view fallback;   // the default, as the template shows it; empty: none
  std::string_view example;    // a value for the template, as TOML
  // Reads one value (a list setting: one element of it) into `options`. False, with `error`
  // naming `name` and the value, when it is not one the setting takes.
  bool (*read)(std::string_view name, std::string_view text, PlanOptions& options,
               std::string& error);
  // A list setting (freeze, format) empties its list first: a later source replaces it.
  void (*clear)(PlanOptions& options);
};

// Every setting of `plan`, in the order of its --help.
std::span<const Setting> planSettings();

// The setting named `name`: its option (wave-length), with or without --, or its key
// (wave_length_days). Null when none is.
const Setting* findSetting(std::string_view name);

// " (did you mean 'X'?)" for a name that is none of the settings' `forms`: their options or keys.
enum class SettingName : uint8_t { option, key };
std::string settingSuggestion(std::string_view name, SettingName form, std::string_view otherwise);

// Sets `setting` from `texts`, the values of one source (a list: all its elements). False, with
// one message per bad value in `errors`, when any is not one it takes.
bool applySetting(const Setting& setting, std::string_view name,
                  const std::vector<std::string>& texts, PlanOptions& options,
                  std::vector<std::string>& errors);

// Usage errors are printed to stderr and give nullopt. The numbers in `options` are in their
// ranges already (readNumberOption).
std::optional<models::PlanSettings> planSettingsFrom(const PlanOptions& options,
                                                     std::string_view command = "plan");

}  // namespace cloudplan::cli
