// The `cloudplan` subcommands. Each takes its parsed options, does the work through the
// importers, engine and exporters, prints, and returns the process exit code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/diagnostics_output.h"
#include "models/plan.h"

namespace cloudplan::cli {

enum ExitCode : int { kOk = 0, kInputErrors = 1, kUsage = 2, kInternal = 3 };

struct ValidateOptions {
  std::vector<std::string> inputs;
  std::string store;  // --store: the national inventory of a store instead of files
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
  std::string store;            // --store: plan the national inventory of a store
  bool dropUnresolved = false;  // plan without the store's unresolved references
  std::string outputFolder;
  std::string order = "providers-first";
  std::optional<uint32_t> waveCapacity;
  std::optional<double> waveEffort;
  std::string start = "2027-01-04";
  uint32_t waveLengthDays = 28;
  std::vector<std::string> freeze;  // FROM..TO
  bool allowOversize = false;
  bool calendarGiven = false;  // a start, wave length or freeze other than the defaults
  // A re-plan: the plan being executed, the progress so far, and today (default: the date).
  std::string baseline;
  std::string progress;
  std::string today;
  bool todayGiven = false;  // --today was given, perhaps empty (an unset variable in a script)
  std::string defaultAgency;
  std::string encoding;    // of CSV inputs that are not UTF-8 (--encoding)
  bool archimate = false;  // also write plan.archimate.xml
  bool render = false;     // also write the diagrams, schedule.svg and report.html
  bool force = false;      // replace files in the output folder that cloudplan did not write
  std::vector<std::string> formats{"svg"};
  DiagnosticsFormat diagnostics = DiagnosticsFormat::text;
  std::optional<models::ConfigFile> config;  // the cloudplan.toml read, if one was
};
int runPlan(const PlanOptions& options);

// `whatif`: the plan settings, and those varied.
struct WhatifOptions {
  PlanOptions plan;                // the settings given once for all
  std::vector<std::string> vary;   // NAME=V1,V2,... as typed
  std::vector<std::string> given;  // the settings given as options on the command line
  std::string output;              // -o: the table as CSV too; empty: printed only
  uint32_t jobs = 0;               // plans made at once; 0: one per core
};
int runWhatif(const WhatifOptions& options);

struct RenderOptions {
  std::string plan;
  std::string outputFolder;
  std::vector<std::string> formats{"svg"};
  std::vector<std::string> agencies;  // codes, or "all": every ministry and ministries.html
  std::string gantt = "waves";        // the ministry pages' schedule: waves or systems
  std::string today;                  // the schedules' today line, YYYY-MM-DD
  bool todayGiven = false;            // --today was given, perhaps empty
  std::vector<std::string> focus;
  uint32_t depth = 1;
  bool waves = true;
  bool force = false;  // replace files in the output folder that cloudplan did not write
};
int runRender(const RenderOptions& options);

int runExplain(const std::string& planPath, const std::string& systemId);

enum class DiffFormat { text, json, html };

struct DiffOptions {
  std::string oldPlan;
  std::string newPlan;
  DiffFormat format = DiffFormat::text;
  std::string output;     // -o: the file to write; empty: standard output
  bool exitCode = false;  // --exit-code: 1 when the plans differ
};
// 0, or with --exit-code 1 when the plans differ; 2 when a plan cannot be read or the output
// cannot be written.
int runDiff(const DiffOptions& options);

// store init (a new store) and store agencies (a new register for a store).
struct RegisterOptions {
  std::string store;
  std::string agencies;  // the register's agencies file
  std::string by;
  std::string message;
  std::string encoding;
};
int runStoreInit(const RegisterOptions& options);
int runStoreAgencies(const RegisterOptions& options);
int runStoreStatus(const std::string& store);
int runStoreCheck(const std::string& store);

struct SubmitOptions {
  std::string store;
  std::string agency;
  std::vector<std::string> inputs;
  std::string by;
  std::string message;
  std::string outputFolder;  // -o: feedback.txt and feedback.html; empty: printed only
  std::string encoding;
  bool force = false;
  DiagnosticsFormat diagnostics = DiagnosticsFormat::text;
};
int runSubmit(const SubmitOptions& options);

struct HistoryOptions {
  std::string store;
  std::string agency;
  std::optional<uint32_t> diff;  // the submission whose changes to show
};
int runHistory(const HistoryOptions& options);

struct ExportOptions {
  std::string store;
  std::string output;               // the folder, or with `ids` the file
  std::optional<std::string> asOf;  // YYYY-MM-DDTHH:MM:SSZ; none: now
  std::optional<uint32_t> submission;
  bool ids = false;
  bool dropUnresolved = false;
  bool force = false;
};
int runExport(const ExportOptions& options);

// `serve`: the submission portal (server/portal.h).
struct ServeOptions {
  std::string store;
  std::string listen = "127.0.0.1:8080";
  std::string baseUrl;
  bool publicAddress = false;  // --public: listen on an address other machines reach
  std::string config;          // cloudplan.toml for "plan now"; empty: the one beside the store
  size_t maxFileMegabytes = 64;
  size_t maxRequestMegabytes = 256;
  size_t maxFiles = 50;
  unsigned workers = 8;
};
int runServe(const ServeOptions& options);

// serve-user: the portal's accounts (store/portal_accounts.h).
struct ServeUserOptions {
  std::string store;
  std::string name;    // add
  std::string agency;  // add --agency: an agency's account
  std::string role;    // add --role: national or reviewer
};
// Prints what was made, then the token alone on the last line.
int runServeUserAdd(const ServeUserOptions& options);
int runServeUserList(const std::string& store);
int runServeUserRevoke(const std::string& store, const std::string& name);

}  // namespace cloudplan::cli
