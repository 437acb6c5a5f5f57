// `cloudplan submit`: one agency's part of the national inventory into the store, and the
// feedback its IT officer reads.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/store_input.h"
#include "cli/terminal_text.h"
#include "exporters/output_folder.h"
#include "exporters/reports/submission_feedback.h"
#include "store/submit_inventory.h"

namespace cloudplan::cli {
namespace {

exporters::OutputFolder::Unlisted unlisted(const SubmitOptions& options) {
  return options.force ? exporters::OutputFolder::Unlisted::replace
                       : exporters::OutputFolder::Unlisted::refuse;
}

}  // namespace

int runSubmit(const SubmitOptions& options) {
  // The feedback folder is opened (and locked) first: a submission is never recorded with
  // nowhere to put what it says.
  std::unique_ptr<exporters::OutputFolder> folder;
  std::string error;
  if (!options.outputFolder.empty()) {
    folder = exporters::OutputFolder::open(options.outputFolder, error);
    if (!folder) {
      std::cerr << "submit: error: " << printable(error) << " (nothing was submitted)\n";
      return kInputErrors;
    }
    const std::string names[] = {"feedback.txt", "feedback.html"};
    const auto obstacles = folder->obstacles(names, unlisted(options));
    for (const std::string& message : obstacles)
      std::cerr << "submit: error: " << printable(message) << " (nothing was submitted)\n";
    if (!obstacles.empty()) return kInputErrors;
  }
  auto opened = openStore("submit", options.store);
  if (!opened) return kInputErrors;
  runProgress().phase("submitting");
  bool usage = false;
  const auto outcome = store::submitInventory(*opened,
                                              {.agency = options.agency,
                                               .inputs = options.inputs,
                                               .by = options.by,
                                               .message = options.message,
                                               .encoding = options.encoding},
                                              error, usage);
  if (!outcome) {
    std::cerr << "submit: error: " << printable(error) << '\n';
    return usage ? kUsage : kInputErrors;
  }
  const exporters::SubmissionFeedback feedback{outcome->submission, outcome->diagnostics,
                                               outcome->changes};
  const std::string text = exporters::feedbackText(feedback);
  std::cout << text;
  if (isQuiet()) printDiagnostics(std::cerr, outcome->diagnostics, options.diagnostics, "submit");
  if (folder) {
    std::vector<std::string> errors;
    for (const auto& [name, content] :
         {std::pair{"feedback.txt", text}, std::pair{"feedback.html", feedbackHtml(feedback)}}) {
      if (std::string message = folder->add(name, exporters::OutputKind::feedback, content);
          !message.empty()) {
        errors.push_back(std::move(message));
      }
    }
    if (errors.empty()) {
      const exporters::OutputKind replaced[] = {exporters::OutputKind::feedback};
      errors = folder->commit(replaced, unlisted(options));
    }
    for (const std::string& message : errors) {
      std::cerr << fmt::format(
          "submit: error: {} (submission {} is recorded all the same; "
          "cloudplan history {} --diff {} shows it again)\n",
          printable(message), outcome->submission.number, printable(options.store),
          outcome->submission.number);
    }
    if (!errors.empty()) return kInputErrors;
    printLine(std::cout,
              fmt::format("wrote {}, {}", exporters::joinPath(options.outputFolder, "feedback.txt"),
                          exporters::joinPath(options.outputFolder, "feedback.html")));
  }
  return outcome->submission.accepted ? kOk : kInputErrors;
}

}  // namespace cloudplan::cli
