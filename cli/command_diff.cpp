#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/terminal_text.h"
#include "engine/plan_diff.h"
#include "exporters/atomic_write.h"
#include "exporters/json/plan_diff_json.h"
#include "exporters/reports/plan_diff_html.h"
#include "exporters/reports/plan_diff_text.h"
#include "importers/input_file.h"
#include "importers/plan/plan_reader.h"

namespace cloudplan::cli {
namespace {

// As diff(1) and git diff: with --exit-code, 1 says the plans differ, so that trouble (a plan
// that cannot be read, an output that cannot be written) must be another code than the input
// errors' 1 of the other commands. It is 2, usage errors' code, as diff(1) has it.
constexpr int kDiffer = 1;
constexpr int kTrouble = kUsage;

models::InputFile fileOf(const std::string& path, std::string sha256) {
  return {importers::inputName(path), models::InputKind::unknown, std::move(sha256)};
}

}  // namespace

int runDiff(const DiffOptions& options) {
  if (importers::isStandardInput(options.oldPlan) && importers::isStandardInput(options.newPlan)) {
    std::cerr << "cloudplan diff: error: both plans are - (standard input gives one plan; name "
                 "the other file)\n";
    return kTrouble;
  }
  // Both are read before either is reported on, so that one run names every problem.
  models::Diagnostics diagnostics;
  std::string oldSha256, newSha256;
  const auto before = importers::readPlan(options.oldPlan, diagnostics, &oldSha256);
  const auto after = importers::readPlan(options.newPlan, diagnostics, &newSha256);
  diagnostics.sort();
  printDiagnostics(std::cerr, diagnostics, "diff");
  if (!before || !after || diagnostics.hasErrors()) return kTrouble;

  const models::PlanDiff diff =
      engine::diffPlans(before->inventory, before->plan, after->inventory, after->plan);
  const models::InputFile oldFile = fileOf(options.oldPlan, std::move(oldSha256));
  const models::InputFile newFile = fileOf(options.newPlan, std::move(newSha256));
  std::string text;
  switch (options.format) {
    case DiffFormat::text:
      text = exporters::planDiffText(diff, oldFile, newFile);
      break;
    case DiffFormat::json:
      text = exporters::planDiffToJson(diff, oldFile, newFile);
      break;
    case DiffFormat::html:
      text = exporters::planDiffToHtml(diff, oldFile, newFile);
      break;
  }
  if (options.output.empty()) {
    std::cout << text << std::flush;
  } else {
    const exporters::FileToWrite file{options.output, text};
    if (std::string error = exporters::writeFilesTogether({&file, 1}, true); !error.empty()) {
      std::cerr << "diff: error: " << printable(error) << '\n';
      return kTrouble;
    }
    if (!isQuiet()) {
      printLine(
          std::cout,
          fmt::format("wrote {}: the plans {}", options.output,
                      diff.differs() ? fmt::format("differ ({} moved)",
                                                   plural(diff.moved.size(), "system", "systems"))
                                     : std::string("do not differ")));
    }
  }
  return options.exitCode && diff.differs() ? kDiffer : kOk;
}

}  // namespace cloudplan::cli
