#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "importers/read_inputs.h"

namespace cloudplan::cli {

namespace {

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

int runValidate(const ValidateOptions& options) {
  models::Diagnostics diagnostics;
  const models::Inventory inventory = importers::readInputs(options.inputs, {}, diagnostics);
  diagnostics.sort();
  printDiagnostics(std::cerr, diagnostics, options.diagnostics, "cloudplan");
  std::cout << fmt::format(
      "{}, {}, {} in {}: {}, {}\n", plural(inventory.systems.size(), "system", "systems"),
      plural(inventory.dependencies.size(), "dependency", "dependencies"),
      plural(inventory.agencies.size(), "agency", "agencies"),
      plural(inventory.files.size(), "file", "files"),
      plural(diagnostics.count(models::Severity::error), "error", "errors"),
      plural(diagnostics.count(models::Severity::warning), "warning", "warnings"));
  return diagnostics.hasErrors() ? kInputErrors : kOk;
}

}  // namespace cloudplan::cli
