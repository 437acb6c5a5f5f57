#include <fmt/format.h>

#include <filesystem>
#include <future>
#include <iostream>

#include "cli/commands.h"
#include "cli/plan_settings.h"
#include "cli/progress.h"
#include "cli/replan_inputs.h"
#include "cli/store_input.h"
#include "cli/terminal_text.h"
#include "cli/views_output.h"
#include "engine/plan_migration.h"
#include "exporters/archimate/plan_archimate.h"
#include "exporters/csv/schedule_csv.h"
#include "exporters/json/plan_json.h"
#include "exporters/output_folder.h"
#include "importers/read_inputs.h"
#include "store/plan_record.h"
#include "store/unresolved_references.h"

namespace cloudplan::cli {
namespace {

void printSummary(const models::Plan& plan, const std::optional<ReplanFiles>& replan) {
  const auto& m = plan.metrics;
  std::cout << fmt::format(
      "plan: {} ({} scheduled) in {}, lower bound {}; peak hybrid links {}, permanent {}\n",
      plural(m.systems, "system", "systems"), m.scheduled, plural(m.waves, "wave", "waves"),
      m.lowerBound.waves, m.peakHybridLinks, m.permanentHybridLinks);
  if (replan) {
    size_t both = 0, added = 0, started = 0;
    for (const auto& system : plan.systems) {
      both += system.wave && system.baselineWave;
      added += system.wave && !system.baselineWave;
    }
    for (const auto& wave : plan.waves)
      started += wave.started;
    std::cout << fmt::format(
        "re-plan of {} on {}: {} started; churn {} of {} in both plans; {} new, {} removed\n",
        printable(replan->baseline.path), models::formatDate(replan->today),
        plural(started, "wave", "waves"), m.churn.value_or(0), plural(both, "system", "systems"),
        added, replan->baseline.removed.size());
  }
  std::cout << fmt::format("{:>5}  {:<10}  {:<10}  {:>8}  {:>8}  {:>10}  {:>13}\n", "wave", "start",
                           "end", "migrate", "retire", "effort", "hybrid after");
  for (const auto& wave : plan.waves) {
    std::cout << fmt::format(
        "{:>5}  {:<10}  {:<10}  {:>8}  {:>8}  {:>10.1f}  {:>13}{}\n", wave.number,
        models::formatDate(wave.start), models::formatDate(wave.end), wave.migrating, wave.retiring,
        wave.effortDays, wave.hybridLinksAfter, wave.oversize ? "  oversize" : "");
  }
}

// Usage errors in -o: an empty path (which would mean the root folder), or a folder the next run
// would read its own outputs from (its schedule.csv as an inventory).
bool checkOutputFolder(const PlanOptions& options) {
  namespace fs = std::filesystem;
  auto usage = [](const std::string& message) {
    std::cerr << "cloudplan plan: error: " << message << '\n';
    return false;
  };
  if (options.outputFolder.empty()) {
    return usage("-o '' names no folder (name the folder for the plan, for example -o out)");
  }
  std::error_code ec;
  const fs::path output = fs::weakly_canonical(options.outputFolder, ec);
  if (ec) return true;  // opening the folder says what is wrong with it
  for (const std::string& input : options.inputs) {
    if (input == "-") continue;            // standard input, whatever a file named - holds
    if (!fs::exists(input, ec)) continue;  // reading the inputs says so
    const fs::path read = fs::weakly_canonical(input, ec);
    if (ec) continue;
    const bool folder = fs::is_directory(read, ec);
    // A folder input stands for the files in it, not in its subfolders: -o inventory/plan is
    // fine, -o inventory is not.
    if (folder && read == output) {
      return usage(fmt::format(
          "-o {} is the input folder {} (a later run would read the plan's files as inventory; "
          "choose an output folder outside the inputs, for example {})",
          models::quoted(options.outputFolder), models::quoted(input),
          models::quoted(exporters::joinPath(input, "plan"))));
    }
    // Files given one by one: their folder is the inventory all the same. That is the folder
    // named (inv/systems.csv is in inv even when it is a link to /data/x.csv), and the folder of
    // the file the name leads to.
    if (folder) continue;
    const fs::path named = fs::path(input).parent_path();
    const fs::path namedFolder = fs::weakly_canonical(named.empty() ? "." : named, ec);
    if (read.parent_path() == output || (!ec && namedFolder == output)) {
      return usage(fmt::format(
          "-o {} holds the input {} (a later run would read the plan's files as inventory; "
          "choose an output folder outside the inputs, for example {})",
          models::quoted(options.outputFolder), models::quoted(input),
          models::quoted(exporters::joinPath(named.string(), "plan"))));
    }
  }
  return true;
}

}  // namespace

int runPlan(const PlanOptions& options) {
  auto settings = planSettingsFrom(options);
  std::optional<models::Date> today;
  if (!options.baseline.empty() && !(today = replanToday("plan", options))) return kUsage;
  exporters::RenderOptions views;
  views.progress = [](size_t done, size_t total) { runProgress().advance(done, total); };
  if (!settings || !parseImageFormats(options.formats, views.formats) ||
      !checkOutputFolder(options)) {
    return kUsage;
  }
  models::Diagnostics diagnostics;
  runProgress().phase("reading");
  std::optional<store::StoreDatabase> national;
  uint32_t asOf = 0;
  const models::Inventory inventory = [&] {
    if (options.store.empty()) {
      return importers::readInputs(options.inputs,
                                   {.hashInputs = true,
                                    .defaultAgency = options.defaultAgency,
                                    .encoding = options.encoding},
                                   diagnostics);
    }
    national = openStore("plan", options.store);
    if (!national) return models::Inventory();
    auto loaded = store::inventoryFromStore(
        *national, options.dropUnresolved ? store::Unresolved::drop : store::Unresolved::refuse,
        diagnostics);
    asOf = loaded.asOf;
    return std::move(loaded.inventory);
  }();
  if (!options.store.empty() && !national) return kInputErrors;
  std::optional<ReplanFiles> replan;
  if (today && !diagnostics.hasErrors()) {
    replan = readReplanFiles(options, inventory, *today, diagnostics);
    if (replan && !checkReplanCalendar("plan", options, *settings, replan->baseline)) return kUsage;
    if (replan) settings->replan = replanSettingsOf(*replan);
  }
  std::optional<models::Plan> plan;
  runProgress().phase("planning");
  // plan.json's dependencies are the inventory's: rendered on the other core while the engine
  // plans (a third of the file).
  std::future<exporters::PlanJsonSection> dependenciesJson;
  if (!diagnostics.hasErrors()) {
    dependenciesJson = std::async(
        std::launch::async, [&inventory] { return exporters::renderDependencies(inventory); });
  }
  if (!diagnostics.hasErrors() && (!today || replan)) {
    if (replan) {
      const engine::ReplanInput input{replan->baseline,
                                      replan->progress ? &*replan->progress : nullptr, *today};
      plan = engine::planMigration(inventory, *settings, diagnostics, &input);
    } else {
      plan = engine::planMigration(inventory, *settings, diagnostics);
    }
  }
  diagnostics.sort();
  printDiagnostics(std::cerr, diagnostics, options.diagnostics, "plan");
  if (!plan) {
    const size_t errors = diagnostics.count(models::Severity::error);
    std::cerr << fmt::format("plan: error: no plan written ({}; fix {} and run again)\n",
                             plural(errors, "error", "errors"), errors == 1 ? "it" : "them");
    return kInputErrors;
  }
  std::string error;
  const auto folder = exporters::OutputFolder::open(options.outputFolder, error);
  if (!folder) {
    std::cerr << "plan: error: " << printable(error) << '\n';
    return kInputErrors;
  }
  runProgress().phase("writing");
  // The plan goes into the store (so that the next submission's feedback can say which waves it
  // may move) beside the writing of its files, and is kept only once they are in place.
  std::optional<std::future<std::unique_ptr<store::PlanRecording>>> recording;
  if (national) {
    recording = std::async(std::launch::async, [&]() -> std::unique_ptr<store::PlanRecording> {
      // An SQLite error comes out of get(), once the files are in place.
      return std::make_unique<store::PlanRecording>(*national, asOf,
                                                    exporters::planSettingsToJson(plan->settings),
                                                    store::wavesOf(inventory, *plan));
    });
  }
  // Each output is rendered and staged on its own thread: on a national inventory the plan.json
  // alone is some 100 MB of text, and the machine has more than one core. The large ones are
  // written as they are rendered, chunk by chunk. Nothing is in place until all are staged and
  // committed together.
  auto output = [&](std::string_view name, auto render) {
    return std::async(std::launch::async, [&folder, name, render] {
      return folder->add(name, exporters::OutputKind::plan, render);
    });
  };
  std::vector<std::future<std::string>> outputs;
  outputs.push_back(output("plan.json", [&](exporters::TextSink& sink) {
    const exporters::PlanJsonSection dependencies = dependenciesJson.get();
    exporters::writePlanJson(inventory, *plan, diagnostics, sink, &dependencies);
  }));
  outputs.push_back(output("schedule.csv", [&](exporters::TextSink& sink) {
    exporters::writeScheduleCsv(inventory, *plan, sink);
  }));
  outputs.push_back(output(
      "waves.csv", [&](exporters::TextSink& sink) { sink.write(exporters::wavesToCsv(*plan)); }));
  if (options.archimate) {
    outputs.push_back(output("plan.archimate.xml", [&](exporters::TextSink& sink) {
      sink.write(exporters::planToArchimate(inventory, *plan));
    }));
  }
  std::vector<std::string> errors;
  size_t done = 0;
  for (auto& result : outputs) {
    if (std::string message = result.get(); !message.empty()) errors.push_back(message);
    runProgress().advance(++done, outputs.size());
  }
  models::Diagnostics problems;
  size_t viewFiles = 0;
  if (errors.empty() && options.render) {
    runProgress().phase("rendering");
    viewFiles = addPlanViews(*folder, inventory, *plan, diagnostics, views, problems);
    printDiagnostics(std::cerr, problems, options.diagnostics, "render");
  }
  if (errors.empty() && !problems.hasErrors()) {
    const exporters::OutputKind replaced[] = {exporters::OutputKind::plan,
                                              exporters::OutputKind::views};
    errors = folder->commit(replaced, options.force ? exporters::OutputFolder::Unlisted::replace
                                                    : exporters::OutputFolder::Unlisted::refuse);
  }
  for (const std::string& message : errors)
    std::cerr << "plan: error: " << printable(message) << '\n';
  if (!errors.empty() || problems.hasErrors()) {
    if (!folder->committed()) {
      std::cerr << fmt::format("plan: error: nothing written ({} is as it was)\n",
                               models::quoted(options.outputFolder));
    }
    return kInputErrors;
  }
  if (recording) {
    try {
      recording->get()->commit();
    } catch (const SQLite::Exception& e) {
      std::cerr << fmt::format(
          "plan: warning: the plan is written, but {} could not record it ({}; the next "
          "submissions' feedback will not say which waves they may move)\n",
          printable(options.store), printable(e.what()));
    }
  }
  printSummary(*plan, replan);
  const auto shown = [&](std::string_view name) {
    return exporters::joinPath(options.outputFolder, name);
  };
  std::cout << fmt::format("wrote {}, {}, {}{}\n", shown("plan.json"), shown("schedule.csv"),
                           shown("waves.csv"),
                           options.archimate ? ", " + shown("plan.archimate.xml") : "");
  if (options.render) {
    std::cout << fmt::format(
        "wrote {} views (diagrams, schedule.svg, risks.csv, report.html) to {}\n", viewFiles,
        options.outputFolder);
  }
  std::cout << removedSummary(folder->removed());
  return kOk;
}

}  // namespace cloudplan::cli
