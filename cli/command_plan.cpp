#include <fmt/format.h>

#include <future>
#include <iostream>

#include "cli/commands.h"
#include "cli/plan_settings.h"
#include "cli/views_output.h"
#include "engine/plan_migration.h"
#include "exporters/atomic_write.h"
#include "exporters/plan_archimate.h"
#include "exporters/plan_json.h"
#include "exporters/schedule_csv.h"
#include "importers/read_inputs.h"

namespace cloudplan::cli {
namespace {

void printSummary(const models::Plan& plan) {
  const auto& m = plan.metrics;
  std::cout << fmt::format(
      "plan: {} systems ({} scheduled) in {} waves, lower bound {}; peak hybrid links {}, "
      "permanent {}\n",
      m.systems, m.scheduled, m.waves, m.lowerBound.waves, m.peakHybridLinks,
      m.permanentHybridLinks);
  std::cout << fmt::format("{:>5}  {:<10}  {:<10}  {:>8}  {:>8}  {:>10}  {:>13}\n", "wave", "start",
                           "end", "migrate", "retire", "effort", "hybrid after");
  for (const auto& wave : plan.waves) {
    std::cout << fmt::format(
        "{:>5}  {:<10}  {:<10}  {:>8}  {:>8}  {:>10.1f}  {:>13}{}\n", wave.number,
        models::formatDate(wave.start), models::formatDate(wave.end), wave.migrating, wave.retiring,
        wave.effortDays, wave.hybridLinksAfter, wave.oversize ? "  oversize" : "");
  }
}

}  // namespace

int runPlan(const PlanOptions& options) {
  const auto settings = planSettingsFrom(options);
  exporters::RenderOptions views;
  if (!settings || !parseImageFormats(options.formats, views.formats)) return kUsage;
  models::Diagnostics diagnostics;
  const models::Inventory inventory = importers::readInputs(
      options.inputs,
      {.hashInputs = true, .defaultAgency = options.defaultAgency, .encoding = options.encoding},
      diagnostics);
  std::optional<models::Plan> plan;
  if (!diagnostics.hasErrors()) plan = engine::planMigration(inventory, *settings, diagnostics);
  diagnostics.sort();
  printDiagnostics(std::cerr, diagnostics, options.diagnostics, "plan");
  if (!plan) {
    std::cerr << fmt::format("plan: error: no plan written ({} errors; fix them and run again)\n",
                             diagnostics.count(models::Severity::error));
    return kInputErrors;
  }
  // Each output is rendered and written on its own thread: on a national inventory the plan.json
  // alone is some 100 MB of text, and the machine has more than one core.
  const std::string folder = options.outputFolder;
  auto output = [&](std::string name, auto render) {
    return std::async(std::launch::async, [&inventory, &plan, &diagnostics, folder, name, render] {
      return exporters::writeFileAtomically(folder + "/" + name,
                                            render(inventory, *plan, diagnostics));
    });
  };
  std::vector<std::future<std::string>> outputs;
  outputs.push_back(output("plan.json", exporters::planToJson));
  outputs.push_back(output("schedule.csv", [](const auto& i, const auto& p, const auto&) {
    return exporters::scheduleToCsv(i, p);
  }));
  outputs.push_back(output("waves.csv", [](const auto&, const auto& p, const auto&) {
    return exporters::wavesToCsv(p);
  }));
  if (options.archimate) {
    outputs.push_back(output("plan.archimate.xml", [](const auto& i, const auto& p, const auto&) {
      return exporters::planToArchimate(i, p);
    }));
  }
  bool written = true;
  for (auto& result : outputs) {
    if (std::string error = result.get(); !error.empty()) {
      std::cerr << "plan: error: " << error << '\n';
      written = false;
    }
  }
  if (!written) return kInputErrors;
  printSummary(*plan);
  std::cout << fmt::format("wrote {0}/plan.json, {0}/schedule.csv, {0}/waves.csv{1}\n", folder,
                           options.archimate ? fmt::format(", {}/plan.archimate.xml", folder) : "");
  if (options.render) {
    models::Diagnostics problems;
    const auto viewFiles = writePlanViews(folder, inventory, *plan, diagnostics, views, problems);
    printDiagnostics(std::cerr, problems, options.diagnostics, "render");
    if (problems.hasErrors()) return kInputErrors;
    std::cout << fmt::format("wrote {} views (diagrams, schedule.svg, report.html) to {}\n",
                             viewFiles.size(), folder);
  }
  return kOk;
}

}  // namespace cloudplan::cli
