#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/views_output.h"
#include "importers/plan_reader.h"

namespace cloudplan::cli {

int runRender(const RenderOptions& options) {
  exporters::RenderOptions render;
  if (!parseImageFormats(options.formats, render.formats)) return kUsage;
  render.waves = options.waves;
  render.agencies = options.agencies;
  for (const std::string& id : options.focus)
    render.focus.push_back({id, options.depth});
  models::Diagnostics diagnostics;
  runProgress().phase("reading");
  const auto loaded = importers::readPlan(options.plan, diagnostics);
  if (!loaded) {
    printDiagnostics(std::cerr, diagnostics, DiagnosticsFormat::text, "render");
    return kInputErrors;
  }
  runProgress().phase("rendering");
  const auto written = writePlanViews(options.outputFolder, loaded->inventory, loaded->plan,
                                      loaded->diagnostics, render, diagnostics);
  diagnostics.sort();
  printDiagnostics(std::cerr, diagnostics, DiagnosticsFormat::text, "render");
  std::cout << fmt::format("wrote {} files to {}\n", written.size(), options.outputFolder);
  return diagnostics.hasErrors() ? kInputErrors : kOk;
}

}  // namespace cloudplan::cli
