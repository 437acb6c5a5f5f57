// `cloudplan history`: every submission made to the store, and what one of them changed.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/register_output.h"
#include "cli/store_input.h"
#include "cli/terminal_text.h"
#include "exporters/reports/submission_feedback.h"
#include "importers/suggest.h"
#include "store/agency_register.h"
#include "store/submission_changes.h"
#include "store/submission_records.h"

namespace cloudplan::cli {
namespace {

void printSubmission(const models::Submission& s) {
  const std::string who = s.kind == models::SubmissionKind::agencies ? "register" : s.agency;
  printLine(std::cout, fmt::format("#{}  {}  {}  {}  by {}{}", s.number, s.at, who,
                                   s.accepted ? "accepted" : "rejected", models::quoted(s.by),
                                   s.message.empty() ? "" : "  " + models::quoted(s.message)));
  if (s.kind == models::SubmissionKind::inventory) {
    std::cout << fmt::format("    {}, {}; {}, {}, {}\n", plural(s.systems, "system", "systems"),
                             plural(s.dependencies, "dependency", "dependencies"),
                             plural(s.errors, "error", "errors"),
                             plural(s.warnings, "warning", "warnings"),
                             plural(s.unresolved, "unresolved reference", "unresolved references"));
  } else {
    std::cout << fmt::format("    {}, {}\n", plural(s.errors, "error", "errors"),
                             plural(s.warnings, "warning", "warnings"));
  }
  for (const auto& file : s.files) {
    printLine(std::cout, fmt::format("    {}  sha256 {}  {}", file.name, file.sha256,
                                     plural(file.bytes, "byte", "bytes")));
  }
}

}  // namespace

int runHistory(const HistoryOptions& options) {
  auto opened = openStore("history", options.store);
  if (!opened) return kInputErrors;
  SQLite::Database& database = opened->sql();
  if (!options.diff) {
    // An agency's history holds the submissions that spoke for it: its own and those of the
    // agencies below it, whose parts are part of its own.
    std::vector<std::string> agencies;
    if (!options.agency.empty()) {
      const store::AgencyRegister agencyRegister(store::readAgencyRows(database, {}));
      agencies = agencyRegister.has(options.agency) ? agencyRegister.scopeOf(options.agency)
                                                    : std::vector{options.agency};
      if (!agencyRegister.has(options.agency) &&
          store::readSubmissions(database, agencies).empty()) {
        printLine(
            std::cerr,
            fmt::format("cloudplan history: error: --agency {}: not in the register and no "
                        "submission of it{}",
                        models::quoted(options.agency),
                        importers::didYouMean(agencyRegister.closest(options.agency),
                                              " (cloudplan store status lists the agencies)")));
        return kUsage;
      }
    }
    const auto submissions = store::readSubmissions(database, agencies);
    if (submissions.empty()) {
      printLine(std::cout, options.agency.empty()
                               ? std::string("no submissions")
                               : fmt::format("no submissions by {}", options.agency));
    }
    for (const auto& submission : submissions)
      printSubmission(submission);
    return kOk;
  }
  const auto submission = store::readSubmission(database, *options.diff);
  if (!submission) {
    std::cerr << fmt::format(
        "cloudplan history: error: --diff {}: no such submission ({} has {}; cloudplan history {} "
        "lists "
        "them)\n",
        *options.diff, printable(options.store),
        plural(store::lastSubmission(database), "submission", "submissions"),
        printable(options.store));
    return kUsage;
  }
  if (submission->kind == models::SubmissionKind::agencies) {
    printSubmission(*submission);
    printAgencyChanges(std::cout, store::agencyChangesOfSubmission(*opened, submission->number));
    return kOk;
  }
  // The feedback of the submission, made again from the store: its messages as recorded, and
  // what it changed as the rows it closed and opened.
  models::Diagnostics diagnostics;
  for (auto& d : store::readSubmissionDiagnostics(database, submission->number))
    diagnostics.add(d.severity, d.code, d.file, d.line, std::move(d.message));
  models::SubmissionChanges changes = submission->accepted
                                          ? store::changesOfSubmission(*opened, submission->number)
                                          : models::SubmissionChanges{};
  changes.fromHistory = true;
  std::cout << exporters::feedbackText({*submission, diagnostics, changes});
  return kOk;
}

}  // namespace cloudplan::cli
