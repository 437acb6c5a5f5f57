// `cloudplan store init|agencies|status|check`: the national office's commands on the store.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/register_output.h"
#include "cli/store_input.h"
#include "cli/terminal_text.h"
#include "store/register_submission.h"
#include "store/store_check.h"
#include "store/store_status.h"

namespace cloudplan::cli {
namespace {

store::RegisterRequest registerRequest(const RegisterOptions& options) {
  return {.file = options.agencies,
          .by = options.by,
          .message = options.message,
          .encoding = options.encoding};
}

int finishRegister(std::string_view command, const store::RegisterOutcome& outcome) {
  printDiagnostics(std::cerr, outcome.diagnostics, command);
  return outcome.submission.accepted ? kOk : kInputErrors;
}

}  // namespace

int runStoreInit(const RegisterOptions& options) {
  std::string error;
  const auto outcome = store::initStore(options.store, registerRequest(options), error);
  if (!outcome) {
    std::cerr << "store init: error: " << printable(error) << '\n';
    return kInputErrors;
  }
  const int code = finishRegister("store init", *outcome);
  if (code != kOk) {
    const size_t errors = outcome->diagnostics.count(models::Severity::error);
    std::cerr << fmt::format(
        "store init: error: no store created ({} in the register; fix {} "
        "and run again)\n",
        plural(errors, "error", "errors"), errors == 1 ? "it" : "them");
    return code;
  }
  printLine(std::cout,
            fmt::format("created {} with the register of {} (submission {})", options.store,
                        plural(outcome->changes.added.size(), "agency", "agencies"),
                        outcome->submission.number));
  return kOk;
}

int runStoreAgencies(const RegisterOptions& options) {
  auto opened = openStore("store agencies", options.store);
  if (!opened) return kInputErrors;
  std::string error;
  const auto outcome = store::replaceRegister(*opened, registerRequest(options), error);
  if (!outcome) {
    std::cerr << "store agencies: error: " << printable(error) << '\n';
    return kInputErrors;
  }
  const int code = finishRegister("store agencies", *outcome);
  const auto& changes = outcome->changes;
  if (code != kOk) {
    std::cerr << fmt::format(
        "store agencies: error: submission {} rejected ({}); the register is as it was\n",
        outcome->submission.number,
        plural(outcome->diagnostics.count(models::Severity::error), "error", "errors"));
    return code;
  }
  std::cout << fmt::format("register: submission {} accepted: {} added, {} removed, {} changed\n",
                           outcome->submission.number, changes.added.size(), changes.removed.size(),
                           changes.changed.size());
  printAgencyChanges(std::cout, changes);
  return kOk;
}

int runStoreStatus(const std::string& path) {
  auto opened = openStore("store status", path);
  if (!opened) return kInputErrors;
  const store::StoreStatus status = store::storeStatus(*opened);
  std::cout << printable(fmt::format("{}: {}, register of {}", path,
                                     plural(status.submissions, "submission", "submissions"),
                                     plural(status.agencies.size(), "agency", "agencies")));
  if (status.lastRegister) {
    std::cout << fmt::format(" (submission {}, {})", status.lastRegister->number,
                             status.lastRegister->at);
  }
  std::cout << '\n';
  std::cout << fmt::format("{:<12}  {:<36}  {:>7}  {:>12}  {:>10}  {:>8}\n", "agency",
                           "last accepted", "systems", "dependencies", "unresolved", "rejected");
  size_t unresolved = 0;
  for (const auto& agency : status.agencies) {
    // An agency below a ministry is often submitted for by the ministry.
    const std::string last =
        !agency.lastAccepted ? std::string("not submitted")
        : agency.lastAccepted->agency == agency.code
            ? fmt::format("#{} {}", agency.lastAccepted->number, agency.lastAccepted->at)
            : fmt::format("#{} {} by {}", agency.lastAccepted->number, agency.lastAccepted->at,
                          agency.lastAccepted->agency);
    printLine(std::cout, fmt::format("{:<12}  {:<36}  {:>7}  {:>12}  {:>10}  {:>8}", agency.code,
                                     last, agency.systems, agency.dependencies,
                                     agency.unresolved.size(), agency.rejectedSince));
    unresolved += agency.unresolved.size();
  }
  if (unresolved == 0) {
    std::cout << "no unresolved references: the inventory can be planned (cloudplan plan --store "
              << printable(path) << " -o DIR)\n";
    return kOk;
  }
  std::cout << fmt::format(
      "{} (they resolve when the agencies that own them submit; plan --store refuses until "
      "then, or drops them with --drop-unresolved):\n",
      plural(unresolved, "unresolved reference", "unresolved references"));
  for (const auto& agency : status.agencies) {
    for (const auto& r : agency.unresolved) {
      printLine(std::cout,
                fmt::format("  {}: {} -> {} ({})", agency.code, r.consumer, r.provider, r.source));
    }
  }
  return kOk;
}

int runStoreCheck(const std::string& path) {
  auto opened = openStore("store check", path);
  if (!opened) return kInputErrors;
  models::Diagnostics problems;
  const auto summary = store::checkStore(*opened, problems);
  problems.sort();
  printDiagnostics(std::cerr, problems, "store check");
  if (problems.hasErrors()) {
    std::cerr << fmt::format(
        "store check: error: {} is not whole ({}; restore it from a "
        "backup)\n",
        printable(path), plural(problems.count(models::Severity::error), "problem", "problems"));
    return kInputErrors;
  }
  printLine(
      std::cout,
      fmt::format(
          "{}: ok: schema {}, {} ({} accepted, each read again from its files: the same rows), {} "
          "intact",
          path, store::kSchemaVersion, plural(summary.submissions, "submission", "submissions"),
          summary.revalidated, plural(summary.files, "file", "files")));
  return kOk;
}

}  // namespace cloudplan::cli
