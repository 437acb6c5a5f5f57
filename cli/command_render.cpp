#include <fmt/format.h>

#include <iostream>
#include <optional>
#include <string_view>

#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/terminal_text.h"
#include "cli/views_output.h"
#include "importers/plan/plan_reader.h"
#include "importers/suggest.h"

namespace cloudplan::cli {
namespace {

// The --gantt value meant: the one a value begins (sys, w), or one a typo away (sytems).
std::optional<std::string_view> closestGantt(std::string_view typed) {
  static constexpr std::string_view kForms[] = {"waves", "systems"};
  if (!typed.empty()) {
    for (const std::string_view form : kForms) {
      if (form.starts_with(typed)) return form;
    }
  }
  return importers::Suggester({std::begin(kForms), std::end(kForms)}).closest(typed);
}

}  // namespace

int runRender(const RenderOptions& options) {
  exporters::RenderOptions render;
  if (!parseImageFormats(options.formats, render.formats)) return kUsage;
  if (options.outputFolder.empty()) {
    std::cerr << "cloudplan render: error: -o '' names no folder (name the folder for the views, "
                 "for example -o views)\n";
    return kUsage;
  }
  if (options.gantt == "waves" || options.gantt == "systems") {
    render.gantt =
        options.gantt == "waves" ? exporters::GanttRows::waves : exporters::GanttRows::systems;
  } else {
    std::cerr << fmt::format("cloudplan render: error: --gantt {} is not one of waves, systems{}\n",
                             printable(models::quoted(options.gantt)),
                             importers::didYouMean(closestGantt(options.gantt)));
    return kUsage;
  }
  if (options.todayGiven) {
    render.today = models::parseDate(options.today);
    if (!render.today) {
      std::cerr << fmt::format("cloudplan render: error: --today {} is not a date YYYY-MM-DD\n",
                               printable(models::quoted(options.today)));
      return kUsage;
    }
  }
  if (!checkAgencyAll("render", options.agencies)) return kUsage;
  render.waves = options.waves;
  render.progress = [](size_t done, size_t total) { runProgress().advance(done, total); };
  render.agencies = options.agencies;
  for (const std::string& id : options.focus)
    render.focus.push_back({id, options.depth});
  // The folder is locked before the plan is read: rendered into the plan's own folder, a plan
  // run cannot replace the plan.json between the reading and the writing (the views would be of
  // the old plan beside the new one), and a run stopped while moving its files there is finished.
  std::string error;
  const auto folder = exporters::OutputFolder::open(options.outputFolder, error);
  if (!folder) {
    std::cerr << "render: error: " << printable(error) << '\n';
    return kInputErrors;
  }
  models::Diagnostics diagnostics;
  if (render.gantt == exporters::GanttRows::systems && options.agencies.empty()) {
    diagnostics.warning("gantt-without-agency", "", 0,
                        "--gantt systems draws the schedules of the ministries' pages, and without "
                        "--agency there is none (add --agency CODE, or --agency all)");
  }
  runProgress().phase("reading");
  const auto loaded = importers::readPlan(options.plan, diagnostics);
  if (loaded) {
    selectAllAgencies(loaded->inventory, render, diagnostics);
    checkViewSelections(loaded->inventory, options.plan, render, diagnostics);
  }
  if (!loaded || diagnostics.hasErrors()) {
    printDiagnostics(std::cerr, diagnostics, "render");
    return kInputErrors;
  }
  runProgress().phase("rendering");
  const size_t added = addPlanViews(*folder, loaded->inventory, loaded->plan, loaded->diagnostics,
                                    render, diagnostics);
  if (!diagnostics.hasErrors()) {
    const exporters::OutputKind replaced[] = {exporters::OutputKind::views};
    const auto unlisted = options.force ? exporters::OutputFolder::Unlisted::replace
                                        : exporters::OutputFolder::Unlisted::refuse;
    for (std::string& message : folder->commit(replaced, unlisted)) {
      diagnostics.error("cannot-write", "", 0, std::move(message));
    }
  }
  diagnostics.sort();
  printDiagnostics(std::cerr, diagnostics, "render");
  if (diagnostics.hasErrors()) {
    if (!folder->committed()) {
      std::cerr << fmt::format("render: error: nothing written ({} is as it was)\n",
                               models::quoted(options.outputFolder));
    }
    return kInputErrors;
  }
  std::cout << fmt::format("wrote {} files to {}\n", added, options.outputFolder)
            << removedSummary(folder->removed());
  return kOk;
}

}  // namespace cloudplan::cli
