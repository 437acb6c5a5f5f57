#include <fmt/format.h>

#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/store_input.h"
#include "cli/terminal_text.h"
#include "importers/read_inputs.h"

namespace cloudplan::cli {

namespace {

std::string counts(const std::map<std::string, uint32_t>& byName) {
  std::vector<std::string> parts;
  for (const auto& [name, count] : byName)
    parts.push_back(fmt::format("{} {}", printable(name), count));
  return parts.empty() ? std::string("none") : fmt::format("{}", fmt::join(parts, ", "));
}

// How the ArchiMate models were read, so that an architect can check the mapping.
void printMappingReport(std::ostream& out, const importers::ArchimateMappingReport& report) {
  out << fmt::format("ArchiMate: {}, {}, {} read as {} and {}\n",
                     plural(report.models, "model", "models"),
                     plural(report.elements, "element", "elements"),
                     plural(report.relationships, "relationship", "relationships"),
                     plural(report.systems, "system", "systems"),
                     plural(report.dependencies, "dependency", "dependencies"));
  out << "  systems by ArchiMate type: " << counts(report.systemsByType) << '\n';
  out << "  dependencies by rule: " << counts(report.dependenciesByRule) << '\n';
  out << "  elements not planned: " << counts(report.elementsNotPlanned) << '\n';
  out << "  relationships not planned: " << counts(report.relationshipsNotPlanned) << '\n';
  if (report.selfDependenciesDropped || report.derivedRepeatsDropped) {
    out << fmt::format(
        "  dropped: {}, {}\n",
        plural(report.selfDependenciesDropped, "self-dependency", "self-dependencies"),
        plural(report.derivedRepeatsDropped, "derived repeat", "derived repeats"));
  }
}

}  // namespace

int runValidate(const ValidateOptions& options) {
  models::Diagnostics diagnostics;
  importers::ArchimateMappingReport mapping;
  runProgress().phase("reading");
  std::optional<store::StoreDatabase> national;
  if (!options.store.empty()) {
    national = openStore("validate", options.store);
    if (!national) return kInputErrors;
  }
  const models::Inventory inventory =
      national ? inventoryFromStore(*national, Unresolved::warn, diagnostics).inventory
               : importers::readInputs(options.inputs,
                                       {.defaultAgency = options.defaultAgency,
                                        .encoding = options.encoding,
                                        .archimateReport = &mapping},
                                       diagnostics);
  diagnostics.sort();
  printDiagnostics(std::cerr, diagnostics, options.diagnostics, "validate");
  std::cout << fmt::format(
      "{}, {}, {} in {}: {}, {}\n", plural(inventory.systems.size(), "system", "systems"),
      plural(inventory.dependencies.size(), "dependency", "dependencies"),
      plural(inventory.agencies.size(), "agency", "agencies"),
      plural(inventory.files.size(), "file", "files"),
      plural(diagnostics.count(models::Severity::error), "error", "errors"),
      plural(diagnostics.count(models::Severity::warning), "warning", "warnings"));
  if (!mapping.empty()) printMappingReport(std::cout, mapping);
  return diagnostics.hasErrors() ? kInputErrors : kOk;
}

}  // namespace cloudplan::cli
