// The `cloudplan` subcommands. Each takes its parsed options, does the work through the
// importers, engine and exporters, prints, and returns the process exit code.
#pragma once

#include <string>
#include <vector>

#include "cli/diagnostics_output.h"

namespace cloudplan::cli {

enum ExitCode : int { kOk = 0, kInputErrors = 1, kUsage = 2, kInternal = 3 };

struct ValidateOptions {
  std::vector<std::string> inputs;
  DiagnosticsFormat diagnostics = DiagnosticsFormat::text;
};
int runValidate(const ValidateOptions& options);

int runTemplate(const std::string& folder);

}  // namespace cloudplan::cli
