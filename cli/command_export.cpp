// `cloudplan export`: the national inventory as it stands (or stood) as CSV files, or the
// register of system ids that ministries check their references against.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/store_input.h"
#include "cli/terminal_text.h"
#include "cli/views_output.h"
#include "exporters/atomic_write.h"
#include "exporters/csv/inventory_csv_writer.h"
#include "exporters/output_folder.h"
#include "models/utc_time.h"
#include "store/national_inventory.h"
#include "store/submission_records.h"

namespace cloudplan::cli {

int runExport(const ExportOptions& options) {
  if (options.output.empty()) {
    std::cerr << "cloudplan export: error: -o '' names nothing (name the folder for the "
                 "inventory, or with --ids the file)\n";
    return kUsage;
  }
  if (options.asOf && !models::isUtcTime(*options.asOf)) {
    printLine(std::cerr, fmt::format("cloudplan export: error: --as-of {}: not a UTC time (write "
                                     "it YYYY-MM-DDTHH:MM:SSZ, as "
                                     "cloudplan history shows them)",
                                     models::quoted(*options.asOf)));
    return kUsage;
  }
  auto opened = openStore("export", options.store);
  if (!opened) return kInputErrors;
  const uint32_t last = store::lastSubmission(opened->sql());
  uint32_t asOf = last;
  if (options.submission) {
    if (*options.submission < 1 || *options.submission > last) {
      printLine(std::cerr,
                fmt::format("cloudplan export: error: --submission {}: no such submission ({} "
                            "has {}; cloudplan history lists them)",
                            *options.submission, options.store,
                            plural(last, "submission", "submissions")));
      return kUsage;
    }
    asOf = *options.submission;
  } else if (options.asOf) {
    const auto at = store::submissionAt(*opened, *options.asOf);
    if (!at) {
      printLine(std::cerr, fmt::format("cloudplan export: error: --as-of {}: the store had no "
                                       "submission yet then (cloudplan history lists them)",
                                       models::quoted(*options.asOf)));
      return kUsage;
    }
    asOf = *at;
  }
  store::NationalInventory national = store::loadNationalInventory(*opened, asOf);
  models::Inventory& inventory = national.inventory;
  const size_t unresolved = inventory.outsideDependencies.size();
  if (options.dropUnresolved) inventory.outsideDependencies.clear();
  const auto submission = store::readSubmission(opened->sql(), asOf);
  const std::string when =
      submission ? fmt::format("submission {}, {}", asOf, submission->at) : "an empty store";

  if (options.ids) {
    const std::string content = exporters::nationalIdsCsv(inventory);
    const exporters::FileToWrite file{options.output, content};
    if (std::string error = exporters::writeFilesTogether({&file, 1}, true); !error.empty()) {
      std::cerr << "export: error: " << printable(error) << '\n';
      return kInputErrors;
    }
    printLine(std::cout,
              fmt::format("wrote {}: {} as of {}", options.output,
                          plural(inventory.systems.size(), "system id", "system ids"), when));
    return kOk;
  }
  std::string error;
  const auto folder = exporters::OutputFolder::open(options.output, error);
  if (!folder) {
    std::cerr << "export: error: " << printable(error) << '\n';
    return kInputErrors;
  }
  const auto files = exporters::inventoryToCsvFiles(inventory);
  std::vector<std::string> errors;
  for (const auto& file : files) {
    if (std::string message =
            folder->add(file.name, exporters::OutputKind::inventory, file.content);
        !message.empty()) {
      errors.push_back(std::move(message));
    }
  }
  if (errors.empty()) {
    const exporters::OutputKind replaced[] = {exporters::OutputKind::inventory};
    errors = folder->commit(replaced, options.force ? exporters::OutputFolder::Unlisted::replace
                                                    : exporters::OutputFolder::Unlisted::refuse);
  }
  for (const std::string& message : errors)
    std::cerr << "export: error: " << printable(message) << '\n';
  if (!errors.empty()) return kInputErrors;
  printLine(std::cout,
            fmt::format("national inventory as of {}: {}, {}, {} in {} written to {}", when,
                        plural(inventory.systems.size(), "system", "systems"),
                        plural(inventory.dependencies.size() + inventory.outsideDependencies.size(),
                               "dependency", "dependencies"),
                        plural(inventory.agencies.size(), "agency", "agencies"),
                        plural(files.size(), "file", "files"), options.output));
  if (unresolved && options.dropUnresolved) {
    std::cout << fmt::format("left out {} (--drop-unresolved)\n",
                             plural(unresolved, "unresolved reference", "unresolved references"));
  } else if (unresolved) {
    std::cerr << fmt::format(
        "export: warning: dependencies.csv holds {} to systems the store does not have "
        "(planning the export reports them until their agencies submit; --drop-unresolved "
        "leaves them out)\n",
        plural(unresolved, "reference", "references"));
  }
  std::cout << removedSummary(folder->removed());
  return kOk;
}

}  // namespace cloudplan::cli
