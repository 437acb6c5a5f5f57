#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/store_input.h"
#include "cli/terminal_text.h"
#include "importers/csv/national_ids.h"
#include "importers/input_file.h"
#include "importers/read_inputs.h"
#include "store/unresolved_references.h"

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

// How many references the register resolved, by the agency of the system each names, so that
// the user sees the register was used, and on whom the files depend. Past kAgenciesNamed
// agencies, those named most are listed and the rest counted.
std::string resolvedNote(const models::Inventory& inventory, const importers::KnownSystems& known) {
  constexpr size_t kAgenciesNamed = 10;
  std::map<std::string_view, size_t> byAgency;
  size_t total = 0;
  for (const models::OutsideDependency& d : inventory.outsideDependencies) {
    if (!d.known) continue;
    ++total;
    ++byAgency[known.find(d.provider)->agency];
  }
  if (total == 0) return "no reference resolved against the register";
  std::vector<std::pair<std::string_view, size_t>> named(byAgency.begin(), byAgency.end());
  if (named.size() > kAgenciesNamed) {
    std::stable_sort(named.begin(), named.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    named.resize(kAgenciesNamed);
    std::sort(named.begin(), named.end());
  }
  std::vector<std::string> parts;
  for (const auto& [agency, count] : named)
    parts.push_back(fmt::format("{} {}", agency.empty() ? "no agency" : agency, count));
  if (byAgency.size() > named.size()) {
    const size_t more = byAgency.size() - named.size();
    parts.push_back(fmt::format("and {} more {}", more, more == 1 ? "agency" : "agencies"));
  }
  return fmt::format("{} resolved against the register to {} outside these files ({})",
                     plural(total, "reference", "references"), total == 1 ? "a system" : "systems",
                     fmt::join(parts, ", "));
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
  // A register in error is reported with the inventory's problems, all in one run; one that
  // cannot be read at all leaves every outside reference unknown.
  std::optional<importers::KnownSystems> known;
  if (!options.known.empty()) known = importers::readNationalIds(options.known, diagnostics);
  const models::Inventory inventory =
      national
          ? store::inventoryFromStore(*national, store::Unresolved::warn, diagnostics).inventory
          : importers::readInputs(options.inputs,
                                  {.defaultAgency = options.defaultAgency,
                                   .encoding = options.encoding,
                                   .archimateReport = &mapping,
                                   .known = known ? &*known : nullptr},
                                  diagnostics);
  diagnostics.sort();
  // Last, after the problems it may explain.
  if (known) {
    diagnostics.note("resolved-references", importers::inputName(options.known), 0,
                     resolvedNote(inventory, *known));
  }
  printDiagnostics(std::cerr, diagnostics, options.diagnostics, "validate");
  std::cout << fmt::format(
      "{}, {}, {} in {}: {}, {}\n", plural(inventory.systems.size(), "system", "systems"),
      // Those to systems outside the files (--known, --store) are dependencies all the same.
      plural(inventory.dependencies.size() + inventory.outsideDependencies.size(), "dependency",
             "dependencies"),
      plural(inventory.agencies.size(), "agency", "agencies"),
      // A store's inventory is named by its first input, the store as of its last submission.
      national ? printable(inventory.files.front().path)
               : plural(inventory.files.size(), "file", "files"),
      plural(diagnostics.count(models::Severity::error), "error", "errors"),
      plural(diagnostics.count(models::Severity::warning), "warning", "warnings"));
  if (!mapping.empty()) printMappingReport(std::cout, mapping);
  return diagnostics.hasErrors() ? kInputErrors : kOk;
}

}  // namespace cloudplan::cli
