#include "server/plan_runner.h"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <algorithm>
#include <future>
#include <utility>
#include <vector>

#include "engine/plan_diff.h"
#include "engine/plan_migration.h"
#include "engine/risk_register.h"
#include "exporters/archimate/plan_archimate.h"
#include "exporters/csv/schedule_csv.h"
#include "exporters/json/plan_json.h"
#include "exporters/reports/plan_diff_html.h"
#include "exporters/reports/render_views.h"
#include "importers/input_file.h"
#include "importers/plan/plan_json_reader.h"
#include "importers/plan/plan_reader.h"
#include "store/plan_archive.h"
#include "store/plan_record.h"
#include "store/unresolved_references.h"

namespace cloudplan::server {
namespace {

// Every file of the plan, in the order `plan --render --archimate` and `render --agency all`
// write them: the plan's own files, then the views with every ministry's page and the index.
// Problems of the views (a diagram Graphviz cannot draw) go to `problems`.
std::vector<store::FileContent> planFiles(const models::Inventory& inventory,
                                          const models::Plan& plan,
                                          const models::Diagnostics& diagnostics,
                                          models::Diagnostics& problems) {
  // The text outputs are made on threads of their own while Graphviz draws on this one: on a
  // national inventory plan.json alone is some 100 MB of text.
  auto text = [&](auto make) { return std::async(std::launch::async, make); };
  auto json = text([&] { return exporters::planToJson(inventory, plan, diagnostics); });
  auto schedule = text([&] { return exporters::scheduleToCsv(inventory, plan); });
  auto waves = text([&] { return exporters::wavesToCsv(plan); });
  auto archimate = text([&] { return exporters::planToArchimate(inventory, plan); });

  exporters::RenderOptions options;
  exporters::selectEveryMinistry(inventory, options);
  const models::RiskRegister risks = engine::assessRisks(inventory, plan);
  std::vector<exporters::RenderedFile> views =
      exporters::renderPlanViews(inventory, plan, diagnostics, risks, options, problems);

  std::vector<store::FileContent> files;
  files.reserve(4 + views.size());
  files.push_back({"plan.json", json.get(), {}});
  files.push_back({"schedule.csv", schedule.get(), {}});
  files.push_back({"waves.csv", waves.get(), {}});
  files.push_back({"plan.archimate.xml", archimate.get(), {}});
  for (exporters::RenderedFile& view : views)
    files.push_back({std::move(view.name), std::move(view.content), {}});
  return files;
}

// An archived plan read back as the plan reader rebuilds it, or nullopt with `error`.
struct ArchivedPlan {
  importers::LoadedPlan loaded;
  models::InputFile file;  // how the comparison names it
};

std::optional<ArchivedPlan> readArchivedPlan(store::StoreDatabase& store,
                                             const store::PlanSummary& summary,
                                             std::string& error) {
  const uint32_t number = summary.number;
  if (summary.files == 0) {
    error = fmt::format(
        "plan {} has no files in the store (cloudplan plan --store made it, and keeps only its "
        "waves; compare plans made with plan now)",
        number);
    return std::nullopt;
  }
  const std::optional<std::string> text = store::readPlanFile(store.sql(), number, "plan.json");
  if (!text) {
    error = fmt::format(
        "plan {}'s plan.json cannot be read from the store (cloudplan store check {} says what "
        "is wrong with it)",
        number, store.path());
    return std::nullopt;
  }
  const std::string name = fmt::format("plan {} ({})", number, summary.at);
  models::Diagnostics diagnostics;
  std::optional<importers::LoadedPlan> loaded;
  if (const auto document = importers::parsePlanJson(*text, name, diagnostics))
    loaded = importers::planFromJson(*document, name, diagnostics);
  if (!loaded || diagnostics.hasErrors()) {
    diagnostics.sort();
    const auto& all = diagnostics.all();
    const auto first = std::find_if(all.begin(), all.end(), [](const models::Diagnostic& d) {
      return d.severity == models::Severity::error;
    });
    error = fmt::format("plan {}'s plan.json cannot be read: {}", number,
                        first == all.end() ? std::string("no plan in it") : first->message);
    return std::nullopt;
  }
  return ArchivedPlan{std::move(*loaded),
                      {name, models::InputKind::unknown, importers::sha256Hex(*text)}};
}

}  // namespace

PlanRun planNationalInventory(store::StoreDatabase& store, const models::PlanSettings& settings,
                              const std::string& by) {
  PlanRun run;
  models::Diagnostics& diagnostics = run.diagnostics;
  const store::NationalInventory national =
      store::inventoryFromStore(store, store::Unresolved::drop, diagnostics);
  const models::Inventory& inventory = national.inventory;
  std::optional<models::Plan> plan;
  if (!diagnostics.hasErrors()) plan = engine::planMigration(inventory, settings, diagnostics);
  diagnostics.sort();
  if (!plan || diagnostics.hasErrors()) return run;

  models::Diagnostics problems;
  std::vector<store::FileContent> files = planFiles(inventory, *plan, diagnostics, problems);
  if (problems.hasErrors()) {
    // As `plan --render`: a plan whose views could not all be made is not kept.
    for (const models::Diagnostic& d : problems.all())
      diagnostics.add(d.severity, d.code, d.file, d.line, d.message);
    diagnostics.sort();
    return run;
  }

  // The write transaction opens only now that every file is made, so that submissions do not
  // wait for the rendering.
  const models::PlanMetrics& metrics = plan->metrics;
  try {
    const std::string settingsJson = exporters::planSettingsToJson(plan->settings);
    store::PlanRecording recording(store, national.asOf, settingsJson,
                                   store::wavesOf(inventory, *plan));
    store::PlanSummary figures;
    figures.number = recording.number();
    figures.submission = national.asOf;
    figures.by = by;
    figures.settings = settingsJson;
    figures.systems = metrics.systems;
    figures.waves = metrics.waves;
    figures.lowerBound = metrics.lowerBound.waves;
    figures.peakHybridLinks = metrics.peakHybridLinks;
    figures.files = static_cast<uint32_t>(files.size());
    store::archivePlanFiles(store.sql(), recording.number(), by, figures, files);
    recording.commit();
    run.plan = figures.number;
  } catch (const SQLite::Exception& e) {
    diagnostics.error("cannot-record", store.path(), 0,
                      fmt::format("the store could not keep the plan: {} (nothing of it was kept; "
                                  "plan again, and if it fails again run cloudplan store check {})",
                                  e.what(), store.path()));
  }
  return run;
}

std::optional<std::string> comparePlans(store::StoreDatabase& store, uint32_t from, uint32_t to,
                                        std::string& error) {
  const std::optional<store::PlanSummary> old = store::readPlanSummary(store.sql(), from);
  const std::optional<store::PlanSummary> now = store::readPlanSummary(store.sql(), to);
  if (!old || !now) {
    error = !old && !now && from != to
                ? fmt::format("plans {} and {} are not in the store (the plans page lists them)",
                              from, to)
                : fmt::format("plan {} is not in the store (the plans page lists them)",
                              old ? to : from);
    return std::nullopt;
  }
  const auto before = readArchivedPlan(store, *old, error);
  if (!before) return std::nullopt;
  const auto after = readArchivedPlan(store, *now, error);
  if (!after) return std::nullopt;
  const models::PlanDiff diff = engine::diffPlans(before->loaded.inventory, before->loaded.plan,
                                                  after->loaded.inventory, after->loaded.plan);
  return exporters::planDiffToHtml(diff, before->file, after->file);
}

}  // namespace cloudplan::server
