// The `cloudplan` subcommands. Each takes its parsed options, does the work through the
// importers, engine and exporters, prints, and returns the process exit code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/diagnostics_output.h"

namespace cloudplan::cli {

enum ExitCode : int { kOk = 0, kInputErrors = 1, kUsage = 2, kInternal = 3 };

struct ValidateOptions {
  std::vector<std::string> inputs;
  std::string defaultAgency;
  std::string encoding;  // of CSV inputs that are not UTF-8 (--encoding)
  // The national register of system ids (--known), against which references to systems the
  // inputs do not define resolve; empty: none.
  std::string known;
  DiagnosticsFormat diagnostics = DiagnosticsFormat::text;
};
int runValidate(const ValidateOptions& options);

int runTemplate(const std::string& folder, bool force);

struct PlanOptions {
  std::vector<std::string> inputs;
  std::string outputFolder;
  std::string order = "providers-first";
  std::optional<uint32_t> waveCapacity;
  std::optional<double> waveEffort;
  std::string start = "2027-01-04";
  uint32_t waveLengthDays = 28;
  std::vector<std::string> freeze;  // FROM..TO
  bool allowOversize = false;
  std::string defaultAgency;
  std::string encoding;    // of CSV inputs that are not UTF-8 (--encoding)
  bool archimate = false;  // also write plan.archimate.xml
  bool render = false;     // also write the diagrams, schedule.svg and report.html
  bool force = false;      // replace files in the output folder that cloudplan did not write
  std::vector<std::string> formats{"svg"};
  DiagnosticsFormat diagnostics = DiagnosticsFormat::text;
};
int runPlan(const PlanOptions& options);

struct RenderOptions {
  std::string plan;
  std::string outputFolder;
  std::vector<std::string> formats{"svg"};
  std::vector<std::string> agencies;
  std::vector<std::string> focus;
  uint32_t depth = 1;
  bool waves = true;
  bool force = false;  // replace files in the output folder that cloudplan did not write
};
int runRender(const RenderOptions& options);

int runExplain(const std::string& planPath, const std::string& systemId);

}  // namespace cloudplan::cli
